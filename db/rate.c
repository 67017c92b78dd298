/*
 * rate — the area-rate repository (see rate.h).
 */
#include "db/rate.h"

#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static const char *const rate_cols[] = {"area_code", "kind", "valid_from", "amount", "note", NULL};
static const row_desc rate_row = {.table = "area_rates",
                                  .cols = rate_cols,
                                  .key = "area_code || '/' || kind || '/' || valid_from",
                                  .flags = ROW_AUDIT | ROW_EXPORT};

#define RATE_SELECT                                                                                \
	"SELECT id, area_code, kind, valid_from, amount, note, version, chg_seq FROM area_rates "

static void rate_read(sqlite3_stmt *st, void *item)
{
	rate *r = item;
	r->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, r->area_code);
	DB_COL_BUF(st, 2, r->kind);
	DB_COL_BUF(st, 3, r->valid_from);
	r->amount = sqlite3_column_int64(st, 4);
	DB_COL_BUF(st, 5, r->note);
	r->version = sqlite3_column_int64(st, 6);
	r->chg_seq = sqlite3_column_int64(st, 7);
}

static err_code rate_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const rate *r = rec;
	DB_TRY(DB_BIND_BUF(st, 1, r->area_code, MSG_COL_AREA_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 2, r->kind, MSG_COL_RATE_KIND, e));
	DB_TRY(DB_BIND_BUF(st, 3, r->valid_from, MSG_COL_VALID_FROM, e));
	sqlite3_bind_int64(st, 4, r->amount);
	DB_TRY(DB_BIND_BUF(st, 5, r->note, MSG_COL_NOTE, e));
	return ERR_OK;
}

err_code rate_put(db *d, rate *r, err_info *e)
{
	if (d == NULL || r == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(db_begin(d, e));
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT id, version FROM area_rates "
	                           "WHERE area_code = ?1 AND kind = ?2 AND valid_from = ?3",
	                           e);
	err_code c = st ? ERR_OK : (e ? e->code : ERR_DB);
	int64_t id = 0, version = 0;
	if (c == ERR_OK)
		c = DB_BIND_BUF(st, 1, r->area_code, MSG_COL_AREA_CODE, e);
	if (c == ERR_OK)
		c = DB_BIND_BUF(st, 2, r->kind, MSG_COL_RATE_KIND, e);
	if (c == ERR_OK)
		c = DB_BIND_BUF(st, 3, r->valid_from, MSG_COL_VALID_FROM, e);
	if (c == ERR_OK) {
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			version = sqlite3_column_int64(st, 1);
		} else if (rc != SQLITE_DONE) {
			c = db_error(d, rc, e);
		}
	}
	db_done(st);
	row_meta m = {0};
	if (c == ERR_OK)
		c = id ? row_update(d, &rate_row, rate_bind, r, id, version, &m, e)
		       : row_insert(d, &rate_row, rate_bind, r, &m, e);
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	if (c == ERR_OK) {
		r->id = m.id;
		r->version = m.version;
		r->chg_seq = m.chg_seq;
	}
	return c;
}

err_code rate_find(db *d, const char *area_code, const char *kind, const char *on, rate *out,
                   err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d,
	            RATE_SELECT "WHERE area_code = ?1 AND kind = ?2 AND valid_from <= ?3 "
	                        "ORDER BY valid_from DESC LIMIT 1",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, area_code, 6, MSG_COL_AREA_CODE, e));
	DB_TRY(db_bind_str(st, 2, kind, 23, MSG_COL_RATE_KIND, e));
	DB_TRY(db_bind_str(st, 3, on, 10, MSG_F_DATE, e));
	err_code c = db_fetch_one(d, st, rate_read, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, ERR_NOT_FOUND, MSG_COL_RATE_KIND, "%s %s %s", area_code ? area_code : "",
		        kind ? kind : "", on ? on : "");
	return c;
}

err_code rate_list_area(db *d, const char *area_code, const char *kind, rate_list *out, err_info *e)
{
	if (out != NULL)
		*out = (rate_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(
	    d, RATE_SELECT "WHERE area_code = ?1 AND kind = ?2 ORDER BY valid_from DESC", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, area_code, 6, MSG_COL_AREA_CODE, e));
	DB_TRY(db_bind_str(st, 2, kind, 23, MSG_COL_RATE_KIND, e));
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, rate_read, sizeof(rate), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void rate_list_free(rate_list *l)
{
	DB_LIST_FREE(l);
}
