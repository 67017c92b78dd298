/*
 * package — the container of an export package: its manifest, the files
 * written with their SHA-256, the folder / tar / sealed forms, and reading
 * any of them back. No SQL here; export.c and import.c fill and read it.
 *
 * Layout: a folder laobao-<office>-<batch, 6 digits> holding manifest.txt
 * and one CSV per table. The tar form holds that folder (ustar, fixed
 * owner, mode and time, so the same package gives the same tar bytes). The
 * sealed form is the tar encrypted for one receiving centre: a random key
 * in a libsodium sealed box for the centre's public key, then the tar in
 * crypto_secretstream chunks (docs/export-format.md, "Sealed packages").
 */
#ifndef LAOBAO_PACKAGE_H
#define LAOBAO_PACKAGE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "locale/err.h"

#define PACKAGE_FORMAT 1
#define PACKAGE_MANIFEST "manifest.txt"
#define PACKAGE_MAX_FILES 32
#define PACKAGE_NAME_MAX 64

/* One data file as the manifest lists it. */
typedef struct package_file {
	char name[PACKAGE_NAME_MAX]; /* "persons.csv" */
	uint64_t rows;               /* data records, header not counted */
	uint64_t bytes;              /* file size */
	char sha256[65];             /* lower-case hex */
} package_file;

typedef struct package_manifest {
	int format; /* PACKAGE_FORMAT */
	char office[13];
	int64_t batch;
	int64_t first_seq, last_seq; /* change sequences covered, inclusive */
	int schema;                  /* database schema version of the writer */
	char created_at[21];         /* the batch's time, UTC */
	char encoding[8];            /* "GB18030" or "UTF-8" */
	int bom;                     /* UTF-8 files start with a byte-order mark */
	uint64_t rows;               /* all data records */
	package_file files[PACKAGE_MAX_FILES];
	size_t nfiles;
} package_manifest;

/* ---- manifest ---- */

/* The manifest text (malloc'ed, caller frees). ERR_NOMEM. */
err_code package_manifest_format(const package_manifest *m, char **text, size_t *len, err_info *e);

/*
 * Parse a manifest. ERR_PKG_FOREIGN (no "LAOBAO-PACKAGE" first line),
 * ERR_PKG_TOO_NEW (a later format), ERR_PKG_MANIFEST (detail: the line).
 */
err_code package_manifest_parse(const char *text, size_t len, package_manifest *m, err_info *e);

/* The folder name of a package: laobao-<office>-<batch, 6 digits>. */
void package_name(const char *office, int64_t batch, char *out, size_t size);

/* SHA-256 of a buffer as lower-case hex. */
void package_sha256_hex(const void *data, size_t n, char out[65]);

/* ---- writing ---- */

/* A file being written: bytes are counted and hashed on their way to disk. */
typedef struct package_sink package_sink;

/* Create dir/name (must not exist). ERR_PKG_IO naming the path. */
err_code package_sink_open(const char *dir, const char *name, package_sink **out, err_info *e);
err_code package_sink_write(package_sink *s, const void *data, size_t n, err_info *e);
/* Close; fills f->bytes and f->sha256 (name and rows are the caller's). Frees s. */
err_code package_sink_close(package_sink *s, package_file *f, err_info *e);
/* Close and remove the file; NULL is fine. */
void package_sink_abort(package_sink *s);

/*
 * Write the folder `dir` (holding `name` entries in that order, manifest
 * first) as a tar whose top folder is `top`, all entries stamped with
 * `mtime`; then, with pubkey_file, encrypt it for that key. `out` must not
 * exist; it is written under a temporary name and renamed when complete.
 */
err_code package_write_tar(const char *dir, const char *top, const char *const *names, size_t n,
                           int64_t mtime, const char *pubkey_file, const char *out, err_info *e);

/* Remove a folder and the files in it (one level); missing is fine. */
void package_remove_dir(const char *dir);

/* ---- keys ---- */

/*
 * Make a key pair for sealed packages: prefix.pub (public, to hand to the
 * offices) and prefix.key (secret, mode 0600, stays at the centre). Neither
 * may exist (ERR_EXPORT_EXISTS).
 */
err_code package_keygen(const char *prefix, err_info *e);

/* Is path a public key file (ERR_SEAL_KEY, ERR_PKG_IO if not)? */
err_code package_check_public_key(const char *path, err_info *e);

/* ---- reading ---- */

typedef struct package_in package_in;

/*
 * Open a package given as its folder, a .tar, or a sealed file (with
 * key_file, the secret key; ERR_SEAL_NEED_KEY without). A sealed package is
 * decrypted into an unlinked temporary file first, so it is authenticated
 * whole before anything is read from it and nothing is left behind.
 * Errors: ERR_PKG_IO, ERR_PKG_FOREIGN, ERR_PKG_TAR, ERR_SEAL_KEY,
 * ERR_SEAL_OPEN, ERR_SEAL_TRUNCATED.
 */
err_code package_open(const char *path, const char *key_file, package_in **out, err_info *e);

/* Entries (files) of the package, manifest included; names without folder. */
size_t package_count(const package_in *p);
const char *package_entry_name(const package_in *p, size_t i);
uint64_t package_entry_size(const package_in *p, size_t i);
/* Index of an entry by name, or -1. */
long package_find(const package_in *p, const char *name);

/*
 * Read up to n bytes of entry i from offset `at`; *got = 0 at its end.
 * ERR_PKG_IO, or ERR_PKG_CHANGED when the file was changed since it was opened.
 */
err_code package_read(package_in *p, size_t i, uint64_t at, void *buf, size_t n, size_t *got,
                      err_info *e);

/* The whole manifest text (malloc'ed, NUL-terminated). ERR_PKG_MISSING_FILE, ERR_PKG_IO. */
err_code package_read_manifest(package_in *p, char **text, size_t *len, err_info *e);

/* What to name the report after: the package path without a trailing '/'. */
const char *package_path(const package_in *p);

void package_close(package_in *p);

#endif
