/*
 * code — the code-table repository (see code.h).
 */
#include "db/code.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static const char *const code_cols[] = {"tbl",     "code",   "name",  "py", "sort",
                                        "edition", "active", "extra", NULL};
static const row_desc code_row = {.table = "code_items",
                                  .cols = code_cols,
                                  .key = "tbl || '/' || edition || '/' || code",
                                  .flags = ROW_AUDIT | ROW_EXPORT};

#define CODE_SELECT                                                                                \
	"SELECT id, tbl, code, name, py, sort, edition, active, extra, version FROM code_items "

static void code_read(sqlite3_stmt *st, void *item)
{
	code_item *c = item;
	c->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, c->table);
	DB_COL_BUF(st, 2, c->code);
	DB_COL_BUF(st, 3, c->name);
	DB_COL_BUF(st, 4, c->py);
	c->sort = sqlite3_column_int(st, 5);
	DB_COL_BUF(st, 6, c->edition);
	c->active = sqlite3_column_int(st, 7);
	DB_COL_BUF(st, 8, c->extra);
	c->version = sqlite3_column_int64(st, 9);
}

static err_code code_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const code_item *c = rec;
	DB_TRY(DB_BIND_BUF(st, 1, c->table, MSG_COL_CODE_TABLE, e));
	DB_TRY(DB_BIND_BUF(st, 2, c->code, MSG_COL_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 3, c->name, MSG_COL_CODE_NAME, e));
	if (!db_fits(c->py, sizeof c->py) || !db_fits(c->edition, sizeof c->edition))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_PINYIN, NULL);
	sqlite3_bind_text(st, 4, c->py, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, c->sort);
	sqlite3_bind_text(st, 6, c->edition, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, c->active ? 1 : 0);
	DB_TRY(DB_BIND_BUF(st, 8, c->extra, MSG_COL_EXTRA, e));
	return ERR_OK;
}

static err_code code_table_ok(const char *table, err_info *e)
{
	if (table == NULL || table[0] == '\0' || strnlen(table, 24) >= 24)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_CODE_TABLE, NULL);
	return ERR_OK;
}

err_code code_list_table(db *d, const char *table, int include_inactive, code_list *out,
                         err_info *e)
{
	if (out != NULL)
		*out = (code_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(code_table_ok(table, e));
	sqlite3_stmt *st = db_stmt(d,
	                           CODE_SELECT "WHERE tbl = ?1 AND (active = 1 OR ?2) "
	                                       "ORDER BY active DESC, edition DESC, sort, code",
	                           e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, include_inactive ? 1 : 0);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, code_read, sizeof(code_item), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

err_code code_get(db *d, const char *table, const char *code, code_item *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(code_table_ok(table, e));
	sqlite3_stmt *st = db_stmt(d,
	                           CODE_SELECT "WHERE tbl = ?1 AND code = ?2 "
	                                       "ORDER BY active DESC, edition DESC LIMIT 1",
	                           e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	DB_TRY(db_bind_str(st, 2, code, 15, MSG_COL_CODE, e));
	err_code c = db_fetch_one(d, st, code_read, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, ERR_NOT_FOUND, MSG_COL_CODE, "%s %s", table, code ? code : "");
	return c;
}

err_code code_search(db *d, const char *table, const char *query, size_t limit, code_list *out,
                     err_info *e)
{
	if (out != NULL)
		*out = (code_list){0};
	if (d == NULL || out == NULL || query == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_QUERY, NULL);
	DB_TRY(code_table_ok(table, e));
	char q[128], hi[128], py[128], pyhi[128];
	if (!db_fits(query, sizeof q))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_QUERY, NULL);
	db_copy(q, sizeof q, query);
	db_prefix_upper(q, hi, sizeof hi);
	for (size_t i = 0; i <= strlen(q); i++)
		py[i] = (char)tolower((unsigned char)q[i]);
	db_prefix_upper(py, pyhi, sizeof pyhi);
	sqlite3_stmt *st =
	    db_stmt(d,
	            CODE_SELECT "WHERE tbl = ?1 AND active = 1 AND "
	                        "((code >= ?2 AND code < ?3) OR (name >= ?2 AND name < ?3) "
	                        "OR (py >= ?4 AND py < ?5)) "
	                        "ORDER BY sort, code LIMIT ?6",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q, -1, SQLITE_STATIC);
	if (hi[0])
		sqlite3_bind_text(st, 3, hi, -1, SQLITE_STATIC);
	else
		sqlite3_bind_blob(st, 3, "", 0, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, py, -1, SQLITE_STATIC);
	if (pyhi[0])
		sqlite3_bind_text(st, 5, pyhi, -1, SQLITE_STATIC);
	else
		sqlite3_bind_blob(st, 5, "", 0, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, code_read, sizeof(code_item), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

err_code code_extra(db *d, const char *table, const char *code, const char *key, char *buf,
                    size_t size, err_info *e)
{
	if (buf == NULL || size == 0)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_EXTRA, NULL);
	buf[0] = '\0';
	size_t n = key ? strnlen(key, 32) : 0;
	if (n == 0 || n == 32)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_EXTRA, NULL);
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)key[i]) && key[i] != '_')
			return err_set(e, ERR_INVALID_ARG, MSG_COL_EXTRA, "%s", key);
	code_item item;
	DB_TRY(code_get(d, table, code, &item, e));
	if (item.extra[0] == '\0')
		return ERR_OK;
	sqlite3_stmt *st = db_stmt(d, "SELECT json_extract(?1, '$.' || ?2)", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, item.extra, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, (int)n, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		if ((size_t)sqlite3_column_bytes(st, 0) >= size)
			c = err_set(e, ERR_DB_TOO_LONG, MSG_COL_EXTRA, "%s", key);
		else
			db_col_buf(st, 0, buf, size);
	} else {
		c = db_error(d, rc, e);
	}
	db_done(st);
	return c;
}

err_code code_insert(db *d, code_item *item, err_info *e)
{
	if (d == NULL || item == NULL || item->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code c = row_insert(d, &code_row, code_bind, item, &m, e);
	if (c == ERR_DB_DUPLICATE)
		return err_set(e, c, MSG_COL_CODE, "%s %s", item->table, item->code);
	if (c != ERR_OK)
		return c;
	item->id = m.id;
	item->version = m.version;
	return ERR_OK;
}

err_code code_update(db *d, code_item *item, err_info *e)
{
	if (d == NULL || item == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_update(d, &code_row, code_bind, item, item->id, item->version, &m, e));
	item->version = m.version;
	return ERR_OK;
}

void code_list_free(code_list *l)
{
	DB_LIST_FREE(l);
}
