/*
 * export — export packages for upload to the provincial system and for
 * other offices: the next batch (everything changed since the last batch,
 * by change sequence, with the persons, employers and other rows those
 * changes refer to), an earlier batch written again byte for byte, and the
 * list of batches written. The format is in docs/export-format.md.
 *
 * A new batch is read from one snapshot of the database, so saves made
 * while it is written belong to the next batch. Writing takes no write lock
 * until the batch is recorded at the end.
 */
#ifndef LAOBAO_EXPORT_H
#define LAOBAO_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "db/package.h"

/* Called every few thousand rows: file being written, rows done and in all. */
typedef void (*export_progress_fn)(void *ctx, const char *file, uint64_t done, uint64_t total);

typedef struct export_opts {
	const char *out_dir;         /* existing folder the package is written into */
	int64_t batch;               /* 0: the next batch; N: write batch N again */
	int encoding;                /* ENC_GB18030 or ENC_UTF8; -1: setting export.encoding
	                                (a new batch) or the batch's own (batch N) */
	int bom;                     /* 1: UTF-8 files start with a BOM; -1: as before / none */
	int tar;                     /* 1: one .tar file instead of a folder */
	const char *seal_key;        /* public key file: one sealed file (implies tar) */
	size_t sort_mem;             /* bytes for sorting a file's rows in memory (0: 1 GiB);
	                                beyond, SQLite sorts them, spilling to disk */
	export_progress_fn progress; /* may be NULL */
	void *ctx;
} export_opts;

/* A batch as recorded: what its manifest says. */
typedef struct export_batch {
	int64_t batch;
	char office[13];
	int64_t first_seq, last_seq;
	char created_at[21];
	char encoding[8]; /* "GB18030" or "UTF-8" */
	int bom;
	uint64_t rows;
	char manifest_sha256[65];
	package_file files[PACKAGE_MAX_FILES];
	size_t nfiles;
} export_batch;

typedef struct export_result {
	int nothing;     /* no change since the last batch: nothing written, batch not set */
	export_batch b;  /* the batch written */
	char path[4352]; /* the folder or file written */
} export_result;

/*
 * Write a package into o->out_dir as laobao-<office>-<batch> (a folder,
 * .tar or .tar.sealed). The office is the setting office.default. The
 * folder or file appears complete or not at all. Errors: ERR_EXPORT_NO_OFFICE,
 * ERR_EXPORT_NO_BATCH, ERR_EXPORT_ENCODING (batch N asked in another
 * encoding), ERR_EXPORT_EXISTS, ERR_EXPORT_CHANGED (batch N can no longer
 * be written as it was: detail names the first file that differs),
 * ERR_EXPORT_RACE, ERR_PKG_IO, ERR_SEAL_KEY, ERR_ENC_*, ERR_DB_*.
 */
err_code export_run(db *d, const export_opts *o, export_result *r, err_info *e);

typedef struct export_batch_list {
	export_batch *items; /* newest first */
	size_t n;
} export_batch_list;

/* The last `limit` batches written here, newest first, with per-file counts and hashes. */
err_code export_batch_list_recent(db *d, size_t limit, export_batch_list *out, err_info *e);
void export_batch_list_free(export_batch_list *l);

/*
 * One page of the batches written here, newest first, for a list screen:
 * all of them, or only batch `batch` when it is > 0. The per-file part is
 * not read (nfiles 0); *total (may be NULL) counts as db_page does.
 */
err_code export_batch_page(db *d, int64_t batch, size_t offset, size_t limit,
                           export_batch_list *out, size_t *total, err_info *e);

/* Batch `batch` as recorded, with its files; ERR_EXPORT_NO_BATCH if there is none. */
err_code export_batch_get(db *d, int64_t batch, export_batch *b, err_info *e);

#endif
