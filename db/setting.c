/*
 * setting — the settings repository (see setting.h).
 */
#include "db/setting.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

#define SETTING_KEY_MAX 64

static const char *const setting_cols[] = {"key", "value", NULL};
static const row_desc setting_row = {
    .table = "settings", .cols = setting_cols, .key = "key", .flags = ROW_AUDIT | ROW_EXPORT};

typedef struct setting_pair {
	const char *key;
	const char *value;
} setting_pair;

static err_code setting_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const setting_pair *p = rec;
	sqlite3_bind_text(st, 1, p->key, -1, SQLITE_STATIC);
	/* The value may be "" (an explicit empty setting), never NULL. */
	if (strnlen(p->value, SETTING_VALUE_MAX + 1) > SETTING_VALUE_MAX)
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_SETTING_VALUE, "%s", p->key);
	sqlite3_bind_text(st, 2, p->value, -1, SQLITE_STATIC);
	return ERR_OK;
}

static err_code setting_key_ok(const char *key, err_info *e)
{
	if (key == NULL || key[0] == '\0')
		return err_set(e, ERR_INVALID_ARG, MSG_COL_SETTING_KEY, NULL);
	if (strnlen(key, SETTING_KEY_MAX + 1) > SETTING_KEY_MAX)
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_SETTING_KEY, NULL);
	return ERR_OK;
}

err_code setting_get(db *d, const char *key, const char *def, char *buf, size_t size, err_info *e)
{
	if (d == NULL || buf == NULL || size == 0)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_SETTING_KEY, NULL);
	buf[0] = '\0';
	DB_TRY(setting_key_ok(key, e));
	sqlite3_stmt *st = db_stmt(d, "SELECT value FROM settings WHERE key = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		if ((size_t)sqlite3_column_bytes(st, 0) >= size)
			c = err_set(e, ERR_DB_TOO_LONG, MSG_COL_SETTING_VALUE, "%s", key);
		else
			db_col_buf(st, 0, buf, size);
	} else if (rc == SQLITE_DONE) {
		if (def == NULL)
			c = err_set(e, ERR_NOT_FOUND, MSG_COL_SETTING_KEY, "%s", key);
		else if (strlen(def) >= size)
			c = err_set(e, ERR_DB_TOO_LONG, MSG_COL_SETTING_VALUE, "%s", key);
		else
			db_copy(buf, size, def);
	} else {
		c = db_error(d, rc, e);
	}
	db_done(st);
	return c;
}

err_code setting_get_int(db *d, const char *key, int64_t def, int64_t *out, err_info *e)
{
	if (out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_SETTING_KEY, NULL);
	*out = def;
	char buf[32];
	err_code c = setting_get(d, key, NULL, buf, sizeof buf, e);
	if (c == ERR_NOT_FOUND)
		return ERR_OK;
	if (c == ERR_DB_TOO_LONG)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_SETTING_VALUE, "%s", key);
	if (c != ERR_OK)
		return c;
	char *end = NULL;
	errno = 0;
	long long v = strtoll(buf, &end, 10);
	if (buf[0] == '\0' || *end != '\0' || errno != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_SETTING_VALUE, "%s = %s", key, buf);
	*out = v;
	return ERR_OK;
}

err_code setting_set(db *d, const char *key, const char *value, err_info *e)
{
	if (d == NULL || value == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_SETTING_VALUE, NULL);
	DB_TRY(setting_key_ok(key, e));
	setting_pair p = {key, value};
	DB_TRY(db_begin(d, e));
	sqlite3_stmt *st = db_stmt(d, "SELECT id, version FROM settings WHERE key = ?1", e);
	err_code c = st ? ERR_OK : (e ? e->code : ERR_DB);
	int64_t id = 0, version = 0;
	if (c == ERR_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			version = sqlite3_column_int64(st, 1);
		} else if (rc != SQLITE_DONE) {
			c = db_error(d, rc, e);
		}
		db_done(st);
	}
	if (c == ERR_OK)
		c = id ? row_update(d, &setting_row, setting_bind, &p, id, version, NULL, e)
		       : row_insert(d, &setting_row, setting_bind, &p, NULL, e);
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}
