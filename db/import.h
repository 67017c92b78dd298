/*
 * import — applying a package from another office (see export.h and
 * docs/export-format.md).
 *
 * A package is first verified whole: manifest, schema version, the set of
 * files, each file's size, SHA-256, row count and header. Only then is it
 * applied, in one transaction: killing the process at any point leaves the
 * database as it was. A package is applied once; importing it again changes
 * nothing and says so. Rows are matched by natural key or uid; an incoming
 * row replaces a local one only when the local one has not been changed
 * here since the version the sender's change was based on; every other
 * difference is a conflict, kept out and listed in the report.
 */
#ifndef LAOBAO_IMPORT_H
#define LAOBAO_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "db/package.h"

enum import_phase { IMPORT_VERIFY, IMPORT_APPLY };

/* Phase, file, rows done and in all (of the whole package). */
typedef void (*import_progress_fn)(void *ctx, int phase, const char *file, uint64_t done,
                                   uint64_t total);

typedef struct import_opts {
	const char *path;            /* package folder, .tar or sealed file */
	const char *key_file;        /* secret key, for a sealed package */
	int no_report;               /* 1: do not write the report file */
	import_progress_fn progress; /* may be NULL */
	void *ctx;
} import_opts;

/* What happened to the rows of one file. */
typedef struct import_counts {
	uint64_t inserted;  /* new here */
	uint64_t updated;   /* replaced a local row unchanged since its base */
	uint64_t unchanged; /* same as the local row */
	uint64_t older;     /* not newer than what this office already sent */
	uint64_t conflicts; /* kept out: see the conflict list */
} import_counts;

/* One row kept out. */
typedef struct import_conflict {
	char table[32];           /* the file's table */
	char key[200];            /* the row's key: 公民身份号码, uid, … */
	uint64_t line;            /* line in the file */
	int64_t local_version;    /* 0 when there is no local row */
	int64_t incoming_version; /* the sender's row version */
	char reason[400];         /* why, in Chinese */
} import_conflict;

typedef struct import_report {
	int already;              /* applied before: nothing was changed */
	int64_t log_id;           /* its entry in the import log (import_log_get) */
	char applied_at[21];      /* when it was (first) applied */
	package_manifest m;       /* what the manifest says */
	char manifest_sha256[65]; /* hash of the manifest, which names every file's hash */
	import_counts total;
	import_counts tables[PACKAGE_MAX_FILES]; /* in manifest order */
	import_conflict *conflicts;              /* owned; import_report_free */
	size_t nconflicts;
	char report_path[4352]; /* the report written next to the package, "" if none */
	int report_failed;      /* the report could not be written (the import stands) */
} import_report;

/*
 * Verify and apply a package. Errors (the database unchanged): ERR_PKG_IO,
 * ERR_PKG_FOREIGN, ERR_PKG_MANIFEST, ERR_PKG_TOO_NEW, ERR_PKG_OWN,
 * ERR_PKG_REPLAY, ERR_PKG_MISSING_FILE, ERR_PKG_EXTRA_FILE, ERR_PKG_SIZE,
 * ERR_PKG_HASH, ERR_PKG_COUNT, ERR_PKG_HEADER, ERR_PKG_FIELDS, ERR_PKG_FIELD,
 * ERR_PKG_REF, ERR_PKG_DATA, ERR_PKG_CHANGED, ERR_CSV_*, ERR_ENC_*,
 * ERR_SEAL_*, ERR_DB_*; the detail names the file, line and column.
 */
err_code import_run(db *d, const import_opts *o, import_report *r, err_info *e);

/* Release the conflict list; NULL is fine. */
void import_report_free(import_report *r);

/* ---- the import log, for the administrator's screen ---- */

/* One package applied here. */
typedef struct import_log_entry {
	int64_t id;
	char office[13];
	int64_t batch;
	char manifest_sha256[65];
	char created_at[21]; /* the batch's time at the sender */
	char applied_at[21];
	char login[33]; /* who imported it ("" for the command line) */
	import_counts total;
} import_log_entry;

typedef struct import_log_list {
	import_log_entry *items; /* newest first */
	size_t n;
} import_log_list;

/* The last `limit` packages applied here. */
err_code import_log_recent(db *d, size_t limit, import_log_list *out, err_info *e);
void import_log_list_free(import_log_list *l);

/*
 * One page of the import log, newest first, for a list screen: all of it
 * (query NULL or ""), or the packages whose sending office code starts with
 * query or whose batch number is query. *total (may be NULL) counts as
 * db_page does.
 */
err_code import_log_page(db *d, const char *query, size_t offset, size_t limit,
                         import_log_list *out, size_t *total, err_info *e);

/* Entry id of the import log; ERR_NOT_FOUND if there is none. */
err_code import_log_get(db *d, int64_t id, import_log_entry *out, err_info *e);

/*
 * The conflicts of one import (its report), in the order found; *out is
 * malloc'ed (NULL when there are none) and the caller frees it.
 */
err_code import_log_conflicts(db *d, int64_t import_id, import_conflict **out, size_t *n,
                              err_info *e);

#endif
