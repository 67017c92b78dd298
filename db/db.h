/*
 * db — the one owner of the SQLite connection.
 *
 * Opens the database file with the pragmas every session needs (WAL,
 * foreign keys, a busy timeout), brings the schema up to date
 * (migrate.c), caches prepared statements, and runs write transactions with
 * BEGIN IMMEDIATE so concurrent laobao processes queue for the write lock
 * instead of failing with "database is locked". Nothing above db/ sees a
 * sqlite3 type: repositories (person.h, operator.h, …) are the only seam,
 * so a PostgreSQL backend can replace this layer later.
 */
#ifndef LAOBAO_DB_H
#define LAOBAO_DB_H

#include <stddef.h>
#include <stdint.h>

#include "locale/err.h"

typedef struct db db;

enum db_open_flags {
	DB_OPEN_CREATE = 1,   /* create the file (and its folder) if missing */
	DB_OPEN_READONLY = 2, /* no writes, no migration (status/inspection) */
};

/*
 * Open (and with DB_OPEN_CREATE create) the database at path, migrate it to
 * the current schema version in one transaction, and return the handle.
 * Errors: ERR_DB_MISSING (no file and no DB_OPEN_CREATE), ERR_DB_OPEN,
 * ERR_DB_TOO_NEW (user_version above what this binary knows; detail names
 * both versions), ERR_DB_NOT_LAOBAO (a foreign SQLite file), ERR_DB_MIGRATE.
 */
err_code db_open(const char *path, int flags, db **out, err_info *e);

/* Close the handle and finalize cached statements; db_close(NULL) is a no-op. */
void db_close(db *d);

/* The schema version this binary creates and understands. */
int db_schema_version(void);

/*
 * Who is acting, for the audit log: operator id (0 = system/batch) and
 * login name. Stays until changed.
 */
void db_set_actor(db *d, int64_t operator_id, const char *login);

/*
 * Write transactions. db_begin starts BEGIN IMMEDIATE (waiting up to the
 * busy timeout); nested calls become savepoints, so a repository function
 * that opens its own transaction joins a caller's. Every db_begin is ended
 * by exactly one db_commit or db_rollback. Errors: ERR_DB_BUSY, ERR_DB.
 */
err_code db_begin(db *d, err_info *e);
err_code db_commit(db *d, err_info *e);
void db_rollback(db *d);

/* Next value of the change sequence (for export); must be inside db_begin. */
err_code db_next_change_seq(db *d, int64_t *out, err_info *e);

/*
 * Current UTC time as "YYYY-MM-DDTHH:MM:SSZ". $LAOBAO_NOW, when set to that
 * form (or to "YYYY-MM-DD", meaning midnight), replaces the clock so tests
 * and demos are deterministic; any other value is ignored.
 */
void db_now(char buf[21]);

/*
 * Bulk loading (the demo generator, first imports): everything between
 * db_bulk_begin and db_bulk_end is one write transaction; inserts through
 * the repositories skip their per-row audit rows, take change-sequence
 * numbers counted in memory, and db_bulk_end writes one summary audit row
 * ("bulk", with the number of rows per table) before committing. Must not
 * be nested inside db_begin (ERR_DB_TRANSACTION). Updates keep their
 * per-row audit. db_bulk_abort rolls everything back. A failed insert in
 * bulk leaves nothing of itself and the load may go on. The page cache is
 * raised for the load so index pages stay in memory; synchronous stays
 * NORMAL, since one big transaction syncs only at its end anyway.
 */
err_code db_bulk_begin(db *d, err_info *e);
err_code db_bulk_end(db *d, err_info *e);
void db_bulk_abort(db *d);

/*
 * How far a paged search (person_search, employer_search, the office lists,
 * …) counts for its *total: the matches are counted up to
 * db_count_bound(offset, limit) — five pages past the one asked for — and a
 * *total above that bound (it is then bound + 1) means "more than bound".
 * A screen shows "第 1/6+ 页" rather than paying to count a prefix that
 * matches half the province.
 */
size_t db_count_bound(size_t offset, size_t limit);

/*
 * Spare time: the terminal calls this while it waits for a key. Once the
 * write-ahead log has grown (about 4 MiB), copies it back into the database
 * and starts the log over here, so that work (and its fsyncs) is not done
 * inside somebody's save. Returns at once when there is nothing to do,
 * inside a transaction, or on a read-only handle; never waits for another
 * session. db_idle(NULL) is a no-op.
 */
void db_idle(db *d);

/* The file this handle was opened on. */
const char *db_path(const db *d);

#endif
