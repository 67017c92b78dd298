/*
 * office — the office repository (see office.h).
 */
#include "db/office.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "db/dbint.h"

static const char *const office_cols[] = {"code", "name", "area_code", "case_prefix", NULL};
static const row_desc office_row = {
    .table = "offices", .cols = office_cols, .key = "code", .flags = ROW_AUDIT | ROW_EXPORT};
static const char *const office_edit_cols[] = {"name", "area_code", "case_prefix", NULL};
static const row_desc office_edit_row = {.table = "offices",
                                         .cols = office_edit_cols,
                                         .json = office_cols,
                                         .key = "code",
                                         .flags = ROW_AUDIT | ROW_EXPORT};

#define OFFICE_SELECT                                                                              \
	"SELECT id, code, name, area_code, case_prefix, version, chg_seq, created_at, updated_at " \
	"FROM offices "

static void office_read(sqlite3_stmt *st, void *item)
{
	office *o = item;
	o->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, o->code);
	DB_COL_BUF(st, 2, o->name);
	DB_COL_BUF(st, 3, o->area_code);
	DB_COL_BUF(st, 4, o->case_prefix);
	row_read_meta(st, 5, &o->version, &o->chg_seq, o->created_at, o->updated_at);
}

static err_code office_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const office *o = rec;
	DB_TRY(DB_BIND_BUF(st, 1, o->code, MSG_COL_OFFICE_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 2, o->name, MSG_COL_OFFICE_NAME, e));
	DB_TRY(DB_BIND_BUF(st, 3, o->area_code, MSG_COL_AREA_CODE, e));
	if (!db_fits(o->case_prefix, sizeof o->case_prefix))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_CASE_PREFIX, NULL);
	sqlite3_bind_text(st, 4, o->case_prefix, -1, SQLITE_STATIC);
	return ERR_OK;
}

static err_code office_bind_edit(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const office *o = rec;
	DB_TRY(DB_BIND_BUF(st, 1, o->name, MSG_COL_OFFICE_NAME, e));
	DB_TRY(DB_BIND_BUF(st, 2, o->area_code, MSG_COL_AREA_CODE, e));
	if (!db_fits(o->case_prefix, sizeof o->case_prefix))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_CASE_PREFIX, NULL);
	sqlite3_bind_text(st, 3, o->case_prefix, -1, SQLITE_STATIC);
	return ERR_OK;
}

err_code office_get(db *d, const char *code, office *out, err_info *e)
{
	if (d == NULL || out == NULL || code == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_OFFICE, NULL);
	sqlite3_stmt *st = db_stmt(d, OFFICE_SELECT "WHERE code = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, code, 12, MSG_COL_OFFICE, e));
	err_code c = db_fetch_one(d, st, office_read, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, ERR_NOT_FOUND, MSG_COL_OFFICE, "%s", code);
	return c;
}

const char *office_label(db *d, const char *code, char *out, size_t size)
{
	office o;
	if (code != NULL && code[0] != '\0' && office_get(d, code, &o, NULL) == ERR_OK)
		snprintf(out, size, "%s %s", code, o.name);
	else
		snprintf(out, size, "%s", code != NULL ? code : "");
	return out;
}

err_code office_insert(db *d, office *o, err_info *e)
{
	if (d == NULL || o == NULL || o->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code c = row_insert(d, &office_row, office_bind, o, &m, e);
	if (c == ERR_DB_DUPLICATE)
		return err_set(e, c, MSG_COL_OFFICE_CODE, "%s", o->code);
	if (c != ERR_OK)
		return c;
	o->id = m.id;
	o->version = m.version;
	o->chg_seq = m.chg_seq;
	memcpy(o->created_at, m.at, sizeof m.at);
	memcpy(o->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code office_update(db *d, office *o, err_info *e)
{
	if (d == NULL || o == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_update(d, &office_edit_row, office_bind_edit, o, o->id, o->version, &m, e));
	o->version = m.version;
	o->chg_seq = m.chg_seq;
	memcpy(o->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code office_list_all(db *d, office_list *out, err_info *e)
{
	if (out != NULL)
		*out = (office_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, OFFICE_SELECT "ORDER BY code", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, office_read, sizeof(office), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void office_list_free(office_list *l)
{
	DB_LIST_FREE(l);
}
