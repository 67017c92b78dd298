/*
 * migrate — brings a database to the schema version this binary knows.
 *
 * The version is PRAGMA user_version. Every pending step runs inside one
 * BEGIN IMMEDIATE transaction together with the new user_version, so a
 * failed upgrade leaves the file exactly at its old version, and two
 * processes opening an old file at once upgrade it once: the second waits
 * for the write lock, then reads the new version and has nothing to do.
 */
#include "db/dbint.h"

#include <stdio.h>
#include <string.h>

/* Run one script (several statements); ?1 in a statement binds `now`. */
static err_code migrate_script(db *d, const char *sql, const char *now, err_info *e)
{
	const char *p = sql;
	while (p != NULL && *p != '\0') {
		sqlite3_stmt *st = NULL;
		const char *tail = NULL;
		int rc = sqlite3_prepare_v2(d->conn, p, -1, &st, &tail);
		if (rc != SQLITE_OK)
			return db_error(d, rc, e);
		if (st == NULL) /* only whitespace or comments left */
			break;
		if (sqlite3_bind_parameter_count(st) >= 1)
			sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
		do
			rc = sqlite3_step(st);
		while (rc == SQLITE_ROW);
		err_code c = rc == SQLITE_DONE ? ERR_OK : db_error(d, rc, e);
		sqlite3_finalize(st);
		if (c != ERR_OK)
			return c;
		p = tail;
	}
	return ERR_OK;
}

static int migrate_user_version(db *d)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(d->conn, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

err_code migrate_apply(db *d, const migration *list, size_t n, int target, err_info *e)
{
	if (n == 0)
		return ERR_OK;
	int last = list[n - 1].version;
	if (target > last)
		target = last;
	err_code c = db_begin(d, e);
	if (c != ERR_OK)
		return c;
	/* Read again under the write lock: another process may have migrated meanwhile. */
	int from = migrate_user_version(d);
	if (from < 0) {
		db_rollback(d);
		return err_set(e, ERR_DB_MIGRATE, MSG_NONE, "%s", msg_text(MSG_D_MIG_NO_VERSION));
	}
	if (from > last) {
		db_rollback(d);
		return err_set(e, ERR_DB_TOO_NEW, MSG_NONE, msg_text(MSG_D_MIG_TOO_NEW), from,
		               last);
	}
	char now[21];
	db_now(now);
	for (size_t i = 0; i < n; i++) {
		const migration *m = &list[i];
		if (m->version <= from || m->version > target)
			continue;
		err_info why;
		err_clear(&why);
		for (size_t k = 0; m->sql[k] != NULL && c == ERR_OK; k++)
			c = migrate_script(d, m->sql[k], now, &why);
		if (c == ERR_OK) {
			char sql[48];
			/* Our own integer: PRAGMA takes no bound parameters. */
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d", m->version);
			int rc = sqlite3_exec(d->conn, sql, NULL, NULL, NULL);
			if (rc != SQLITE_OK)
				c = db_error(d, rc, &why);
		}
		if (c != ERR_OK) {
			db_rollback(d);
			if (c == ERR_DB_BUSY)
				return err_set(e, ERR_DB_BUSY, MSG_NONE, NULL);
			return err_set(e, ERR_DB_MIGRATE, MSG_NONE, msg_text(MSG_D_MIG_STEP_FAILED),
			               from, m->version,
			               why.detail[0] ? why.detail : err_text(why.code));
		}
	}
	return db_commit(d, e);
}
