/*
 * draft — the draft repository (see draft.h). Drafts are scratch: not
 * versioned, not audited, not exported. Every statement filters by the
 * acting operator's id.
 */
#include "db/draft.h"

#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static err_code draft_check(db *d, const char *form, err_info *e)
{
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (d->actor_id <= 0)
		return err_set(e, ERR_DB_NO_OPERATOR, MSG_NONE, NULL);
	if (form == NULL || form[0] == '\0')
		return err_set(e, ERR_INVALID_ARG, MSG_COL_FORM, NULL);
	if (strnlen(form, 33) > 32)
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_FORM, NULL);
	return ERR_OK;
}

err_code draft_save(db *d, const char *form, const char *record_key, const char *json, err_info *e)
{
	DB_TRY(draft_check(d, form, e));
	if (json == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_DRAFT_DATA, NULL);
	if (strnlen(json, DRAFT_DATA_MAX + 1) > DRAFT_DATA_MAX)
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_DRAFT_DATA, "最多 %d 字节",
		               DRAFT_DATA_MAX);
	if (record_key != NULL && strnlen(record_key, 65) > 64)
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_RECORD_KEY, NULL);
	char now[21];
	db_now(now);
	DB_TRY(db_begin(d, e));
	sqlite3_stmt *st =
	    db_stmt(d,
	            "INSERT INTO drafts (operator_id, form, record_key, data, updated_at) "
	            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (operator_id, form) DO UPDATE "
	            "SET record_key = excluded.record_key, data = excluded.data, "
	            "updated_at = excluded.updated_at",
	            e);
	err_code c = st ? ERR_OK : (e ? e->code : ERR_DB);
	if (c == ERR_OK) {
		sqlite3_bind_int64(st, 1, d->actor_id);
		sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, record_key ? record_key : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, json, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
		c = db_step_done(d, st, e);
	}
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

err_code draft_load(db *d, const char *form, char **json, draft_info *info, err_info *e)
{
	if (json != NULL)
		*json = NULL;
	DB_TRY(draft_check(d, form, e));
	if (json == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_DRAFT_DATA, NULL);
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT form, record_key, updated_at, data FROM drafts "
	                           "WHERE operator_id = ?1 AND form = ?2",
	                           e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, d->actor_id);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		int oom = 0;
		*json = db_col_dup(st, 3, &oom);
		if (*json == NULL)
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		else if (info != NULL) {
			DB_COL_BUF(st, 0, info->form);
			DB_COL_BUF(st, 1, info->record_key);
			DB_COL_BUF(st, 2, info->updated_at);
		}
	} else if (rc == SQLITE_DONE) {
		c = err_set(e, ERR_NOT_FOUND, MSG_COL_FORM, "%s", form);
	} else {
		c = db_error(d, rc, e);
	}
	db_done(st);
	return c;
}

err_code draft_delete(db *d, const char *form, err_info *e)
{
	DB_TRY(draft_check(d, form, e));
	DB_TRY(db_begin(d, e));
	sqlite3_stmt *st = db_stmt(d, "DELETE FROM drafts WHERE operator_id = ?1 AND form = ?2", e);
	err_code c = st ? ERR_OK : (e ? e->code : ERR_DB);
	if (c == ERR_OK) {
		sqlite3_bind_int64(st, 1, d->actor_id);
		sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
		c = db_step_done(d, st, e);
	}
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

static void draft_read(sqlite3_stmt *st, void *item)
{
	draft_info *i = item;
	DB_COL_BUF(st, 0, i->form);
	DB_COL_BUF(st, 1, i->record_key);
	DB_COL_BUF(st, 2, i->updated_at);
}

err_code draft_list_mine(db *d, draft_list *out, err_info *e)
{
	if (out != NULL)
		*out = (draft_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (d->actor_id <= 0)
		return err_set(e, ERR_DB_NO_OPERATOR, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT form, record_key, updated_at FROM drafts "
	                           "WHERE operator_id = ?1 ORDER BY updated_at DESC, form",
	                           e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, d->actor_id);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, draft_read, sizeof(draft_info), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void draft_list_free(draft_list *l)
{
	DB_LIST_FREE(l);
}
