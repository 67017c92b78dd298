/*
 * audit — the audit-log reader (see audit.h).
 */
#include "db/audit.h"

#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

#define AUDIT_SELECT                                                                               \
	"SELECT id, at, operator_id, login, tbl, row_id, action, before_json, after_json "         \
	"FROM audit_log "

static err_code audit_fetch(db *d, sqlite3_stmt *st, audit_list *out, err_info *e)
{
	size_t cap = 0;
	err_code c = ERR_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			audit_entry *n = realloc(out->items, ncap * sizeof *n);
			if (n == NULL) {
				c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
				break;
			}
			out->items = n;
			cap = ncap;
		}
		audit_entry *a = &out->items[out->n];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(st, 0);
		DB_COL_BUF(st, 1, a->at);
		a->operator_id = sqlite3_column_int64(st, 2);
		DB_COL_BUF(st, 3, a->login);
		DB_COL_BUF(st, 4, a->table);
		a->row_id = sqlite3_column_int64(st, 5);
		DB_COL_BUF(st, 6, a->action);
		int oom = 0;
		a->before = db_col_dup(st, 7, &oom);
		a->after = db_col_dup(st, 8, &oom);
		out->n++;
		if (oom) {
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
			break;
		}
	}
	if (c == ERR_OK && rc != SQLITE_DONE)
		c = db_error(d, rc, e);
	db_done(st);
	if (c != ERR_OK)
		audit_list_free(out);
	return c;
}

err_code audit_list_row(db *d, const char *table, int64_t row_id, audit_list *out, err_info *e)
{
	if (out != NULL)
		*out = (audit_list){0};
	if (d == NULL || out == NULL || table == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, AUDIT_SELECT "WHERE tbl = ?1 AND row_id = ?2 ORDER BY id", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, table, 32, MSG_COL_AUDIT, e));
	sqlite3_bind_int64(st, 2, row_id);
	return audit_fetch(d, st, out, e);
}

err_code audit_list_recent(db *d, size_t offset, size_t limit, audit_list *out, err_info *e)
{
	if (out != NULL)
		*out = (audit_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, AUDIT_SELECT "ORDER BY id DESC LIMIT ?1 OFFSET ?2", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	sqlite3_bind_int64(st, 2, offset > INT64_MAX ? INT64_MAX : (int64_t)offset);
	return audit_fetch(d, st, out, e);
}

void audit_list_free(audit_list *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].before);
		free(l->items[i].after);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}
