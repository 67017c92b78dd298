/*
 * import_form — 数据导入 for the office administrator: the packages applied
 * here (newest first, who sent them and what they changed), the form that
 * imports a package (folder, .tar or sealed file, and the secret key for a
 * sealed one) with the rows reported as they are verified and applied, and
 * the import's report: its counts and every conflict kept out, each
 * opened whole.
 *
 * Importing is db/import's: the package is verified whole before anything
 * is written, then applied in one transaction of its own
 * (FS_OWN_TRANSACTION); an applied package is never edited (FS_ONCE).
 * The record id is the package's entry in the import log.
 */
#ifndef LAOBAO_IMPORT_FORM_H
#define LAOBAO_IMPORT_FORM_H

#include "forms/form.h"
#include "forms/listing.h"

/* Fields of import_form_spec; the first two are asked for a new import only. */
enum import_form_field {
	IF_PATH,
	IF_KEY,
	IF_FROM,
	IF_BATCH,
	IF_SENT_AT,
	IF_APPLIED,
	IF_LOGIN,
	IF_INSERTED,
	IF_UPDATED,
	IF_UNCHANGED,
	IF_OLDER,
	IF_CONFLICTS,
	IF_MANIFEST,
	IF_REPORT, /* the report file, shown right after importing */
	IF_COUNT
};

/* Fields of import_conflict_spec: one conflict of an import. */
enum import_conflict_field {
	IC_TABLE,
	IC_KEY,
	IC_LINE,
	IC_LOCAL_VERSION,
	IC_INCOMING_VERSION,
	IC_REASON,
	IC_COUNT
};

/* Column indexes of import_list_spec. */
enum import_list_column {
	IL_APPLIED,
	IL_FROM,
	IL_BATCH,
	IL_INSERTED,
	IL_UPDATED,
	IL_CONFLICTS,
	IL_LOGIN,
	IL_COUNT
};

/* The import form and report (record id = import log entry): id "import". */
extern const form_spec import_form_spec;
/* One conflict (record id = its place in the report, from 1): id "import_conflict". */
extern const form_spec import_conflict_spec;
/* The packages applied here, by sending office code prefix or batch number. */
extern const listing_spec import_list_spec;

#endif
