/*
 * export_form — 数据导出 for the office administrator: the list of batches
 * written here (newest first, with their change-sequence range, row count
 * and manifest hash), a batch shown with its files' counts and SHA-256,
 * the form that writes the next batch (folder, encoding, BOM, .tar,
 * receiving centre's public key) with the rows reported as it goes, and
 * the action that writes a batch again, byte for byte.
 *
 * Exporting is db/export's; this file only turns the form into options and
 * the batch into fields. A batch, once written, is never edited (FS_ONCE),
 * and the export runs outside the form's transaction (FS_OWN_TRANSACTION):
 * it reads one snapshot and takes the write lock only to record the batch.
 */
#ifndef LAOBAO_EXPORT_FORM_H
#define LAOBAO_EXPORT_FORM_H

#include "forms/form.h"
#include "forms/listing.h"

/* Fields of export_form_spec; the first five are asked for a new batch only. */
enum export_form_field {
	EF_OUT_DIR,
	EF_ENCODING, /* "1" GB18030, "2" UTF-8 */
	EF_BOM,      /* UTF-8 only */
	EF_TAR,
	EF_SEAL, /* public key file, "" for no encryption */
	EF_BATCH,
	EF_OFFICE,
	EF_SEQ, /* "first–last" */
	EF_CREATED,
	EF_ROWS,
	EF_MANIFEST,
	EF_PATH, /* what was written, shown right after writing */
	EF_COUNT
};

/* Fields of export_again_spec (重新写出此批次), a child of a batch. */
enum export_again_field { EA_BATCH, EA_OUT_DIR, EA_TAR, EA_SEAL, EA_PATH, EA_COUNT };

/* Fields of export_file_spec: one file of a batch, opened from its file list. */
enum export_file_field { EFF_NAME, EFF_ROWS, EFF_BYTES, EFF_SHA256, EFF_COUNT };

/* Column indexes of export_list_spec. */
enum export_list_column {
	EL_BATCH,
	EL_CREATED,
	EL_SEQ,
	EL_ROWS,
	EL_ENCODING,
	EL_MANIFEST,
	EL_COUNT
};

/* The batch form (record id = batch number): id "export". */
extern const form_spec export_form_spec;
/* Write a batch again: id "export_again". */
extern const form_spec export_again_spec;
/* One file of a batch (record id = its place in the manifest, from 1): id "export_file". */
extern const form_spec export_file_spec;
/* The batches written here; the query is a batch number. Enter opens export_form_spec. */
extern const listing_spec export_list_spec;

#endif
