/*
 * calendar — the holiday-calendar repository (see calendar.h).
 */
#include "db/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static const char *const calendar_cols[] = {"day", "kind", "name", NULL};
static const row_desc calendar_row = {
    .table = "calendar", .cols = calendar_cols, .key = "day", .flags = ROW_AUDIT | ROW_EXPORT};

static void calendar_read(sqlite3_stmt *st, void *item)
{
	calendar_day *c = item;
	DB_COL_BUF(st, 0, c->day);
	c->kind = strcmp((const char *)sqlite3_column_text(st, 1), "workday") == 0
	              ? CALENDAR_WORKDAY
	              : CALENDAR_HOLIDAY;
	DB_COL_BUF(st, 2, c->name);
}

static err_code calendar_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const calendar_day *c = rec;
	DB_TRY(DB_BIND_BUF(st, 1, c->day, MSG_F_DATE, e));
	if (c->kind != CALENDAR_HOLIDAY && c->kind != CALENDAR_WORKDAY)
		return err_set(e, ERR_DB_CONSTRAINT, MSG_COL_DAY_KIND, "%d", c->kind);
	sqlite3_bind_text(st, 2, c->kind == CALENDAR_WORKDAY ? "workday" : "holiday", -1,
	                  SQLITE_STATIC);
	if (!db_fits(c->name, sizeof c->name))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_HOLIDAY_NAME, NULL);
	sqlite3_bind_text(st, 3, c->name, -1, SQLITE_STATIC);
	return ERR_OK;
}

err_code calendar_load(db *d, calendar_list *out, err_info *e)
{
	if (out != NULL)
		*out = (calendar_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, "SELECT day, kind, name FROM calendar ORDER BY day", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, calendar_read, sizeof(calendar_day), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

/* Row id and version of a listed day, 0 when not listed. */
static err_code calendar_find(db *d, const char *day, int64_t *id, int64_t *version, err_info *e)
{
	*id = 0;
	*version = 0;
	sqlite3_stmt *st = db_stmt(d, "SELECT id, version FROM calendar WHERE day = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, day, 10, MSG_F_DATE, e));
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int64(st, 1);
	} else if (rc != SQLITE_DONE) {
		c = db_error(d, rc, e);
	}
	db_done(st);
	return c;
}

err_code calendar_put(db *d, const calendar_day *day, err_info *e)
{
	if (d == NULL || day == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (!db_fits(day->day, sizeof day->day))
		return err_set(e, ERR_DB_TOO_LONG, MSG_F_DATE, NULL);
	DB_TRY(db_begin(d, e));
	int64_t id, version;
	err_code c = calendar_find(d, day->day, &id, &version, e);
	if (c == ERR_OK)
		c = id ? row_update(d, &calendar_row, calendar_bind, day, id, version, NULL, e)
		       : row_insert(d, &calendar_row, calendar_bind, day, NULL, e);
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

err_code calendar_import(db *d, const calendar_day *days, size_t n, err_info *e)
{
	if (d == NULL || (days == NULL && n > 0))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(db_begin(d, e));
	err_code c = ERR_OK;
	for (size_t i = 0; i < n && c == ERR_OK; i++) {
		c = calendar_put(d, &days[i], e);
		if (c != ERR_OK && e != NULL && e->detail[0] == '\0')
			err_set(e, c, e->field, msg_text(MSG_D_CAL_ROW_DAY), i + 1, days[i].day);
	}
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

err_code calendar_delete(db *d, const char *day, err_info *e)
{
	if (d == NULL || day == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_F_DATE, NULL);
	DB_TRY(db_begin(d, e));
	int64_t id, version;
	err_code c = calendar_find(d, day, &id, &version, e);
	if (c == ERR_OK && id == 0)
		c = err_set(e, ERR_NOT_FOUND, MSG_F_DATE, "%.10s", day);
	if (c == ERR_OK)
		c = row_delete(d, &calendar_row, id, version, e);
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

void calendar_list_free(calendar_list *l)
{
	DB_LIST_FREE(l);
}
