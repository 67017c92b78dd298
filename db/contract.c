/*
 * contract — the labor-contract repository (see contract.h).
 */
#include "db/contract.h"

#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static const char *const contract_cols[] = {
    "employer_id", "person_id",     "type",       "dispatch",       "part_time", "start_date",
    "end_date",    "probation_end", "wage",       "probation_wage", "post",      "work_place",
    "signed_date", "status",        "filed_date", "office",         NULL,
};
static const row_desc contract_row = {
    .table = "contracts",
    .cols = contract_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

#define CONTRACT_SELECT                                                                            \
	"SELECT id, employer_id, person_id, type, dispatch, part_time, start_date, end_date, "     \
	"probation_end, wage, probation_wage, post, work_place, signed_date, status, filed_date, " \
	"office, version, chg_seq, created_at, updated_at FROM contracts "

static void contract_read(sqlite3_stmt *st, void *item)
{
	contract *c = item;
	c->id = sqlite3_column_int64(st, 0);
	c->employer_id = sqlite3_column_int64(st, 1);
	c->person_id = sqlite3_column_int64(st, 2);
	c->type = sqlite3_column_int(st, 3);
	c->dispatch = sqlite3_column_int(st, 4);
	c->part_time = sqlite3_column_int(st, 5);
	DB_COL_BUF(st, 6, c->start_date);
	DB_COL_BUF(st, 7, c->end_date);
	DB_COL_BUF(st, 8, c->probation_end);
	c->wage = sqlite3_column_int64(st, 9);
	c->probation_wage = sqlite3_column_int64(st, 10);
	DB_COL_BUF(st, 11, c->post);
	DB_COL_BUF(st, 12, c->work_place);
	DB_COL_BUF(st, 13, c->signed_date);
	DB_COL_BUF(st, 14, c->status);
	DB_COL_BUF(st, 15, c->filed_date);
	DB_COL_BUF(st, 16, c->office);
	row_read_meta(st, 17, &c->version, &c->chg_seq, c->created_at, c->updated_at);
}

static err_code contract_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const contract *c = rec;
	sqlite3_bind_int64(st, 1, c->employer_id);
	sqlite3_bind_int64(st, 2, c->person_id);
	sqlite3_bind_int(st, 3, c->type);
	sqlite3_bind_int(st, 4, c->dispatch);
	sqlite3_bind_int(st, 5, c->part_time);
	DB_TRY(DB_BIND_BUF(st, 6, c->start_date, MSG_COL_CONTRACT_START, e));
	DB_TRY(DB_BIND_BUF(st, 7, c->end_date, MSG_COL_CONTRACT_END, e));
	DB_TRY(DB_BIND_BUF(st, 8, c->probation_end, MSG_COL_PROBATION_END, e));
	sqlite3_bind_int64(st, 9, c->wage);
	db_bind_ref(st, 10, c->probation_wage);
	DB_TRY(DB_BIND_BUF(st, 11, c->post, MSG_COL_POST, e));
	DB_TRY(DB_BIND_BUF(st, 12, c->work_place, MSG_COL_WORK_PLACE, e));
	DB_TRY(DB_BIND_BUF(st, 13, c->signed_date, MSG_COL_SIGNED_DATE, e));
	if (!db_fits(c->status, sizeof c->status))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_STATUS, NULL);
	sqlite3_bind_text(st, 14, c->status[0] ? c->status : CONTRACT_ACTIVE, -1, SQLITE_STATIC);
	DB_TRY(DB_BIND_BUF(st, 15, c->filed_date, MSG_COL_FILED_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 16, c->office, MSG_COL_OFFICE, e));
	return ERR_OK;
}

err_code contract_insert(db *d, contract *c, err_info *e)
{
	if (d == NULL || c == NULL || c->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_insert(d, &contract_row, contract_bind, c, &m, e));
	c->id = m.id;
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	if (c->status[0] == '\0')
		db_copy(c->status, sizeof c->status, CONTRACT_ACTIVE);
	memcpy(c->created_at, m.at, sizeof m.at);
	memcpy(c->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code contract_update(db *d, contract *c, err_info *e)
{
	if (d == NULL || c == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_update(d, &contract_row, contract_bind, c, c->id, c->version, &m, e));
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	memcpy(c->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code contract_get(db *d, int64_t id, contract *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, CONTRACT_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, contract_read, out, e);
}

err_code contract_list_employer(db *d, int64_t employer_id, size_t offset, size_t limit,
                                contract_list *out, size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (contract_list){0};
	if (total != NULL)
		*total = 0;
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d,
	            CONTRACT_SELECT "WHERE employer_id = ?1 "
	                            "ORDER BY start_date DESC, id DESC LIMIT ?2 OFFSET ?3",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, employer_id);
	sqlite3_bind_int64(st, 2, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	sqlite3_bind_int64(st, 3, offset > INT64_MAX ? INT64_MAX : (int64_t)offset);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, contract_read, sizeof(contract), &items, &out->n, e));
	out->items = items;
	if (total == NULL)
		return ERR_OK;
	st = db_stmt(
	    d, "SELECT count(*) FROM (SELECT 1 FROM contracts WHERE employer_id = ?1 LIMIT ?2)", e);
	int64_t n = 0;
	err_code c = st ? ERR_OK : (e ? e->code : ERR_DB);
	if (c == ERR_OK) {
		sqlite3_bind_int64(st, 1, employer_id);
		sqlite3_bind_int64(st, 2, (int64_t)db_count_bound(offset, limit) + 1);
		c = db_fetch_int(d, st, &n, e);
	}
	if (c != ERR_OK) {
		contract_list_free(out);
		return c;
	}
	*total = (size_t)n;
	return ERR_OK;
}

err_code contract_list_person(db *d, int64_t person_id, contract_list *out, err_info *e)
{
	if (out != NULL)
		*out = (contract_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d, CONTRACT_SELECT "WHERE person_id = ?1 ORDER BY start_date DESC, id DESC", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, person_id);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, contract_read, sizeof(contract), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void contract_list_free(contract_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- events ---- */

static const char *const contract_event_cols[] = {
    "contract_id",  "kind", "event_date", "reason", "new_end_date",
    "compensation", "note", "filed_date", NULL,
};
static const row_desc contract_event_row = {
    .table = "contract_events",
    .cols = contract_event_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

static err_code contract_event_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const contract_event *ev = rec;
	sqlite3_bind_int64(st, 1, ev->contract_id);
	DB_TRY(DB_BIND_BUF(st, 2, ev->kind, MSG_COL_EVENT_KIND, e));
	DB_TRY(DB_BIND_BUF(st, 3, ev->event_date, MSG_COL_EVENT_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 4, ev->reason, MSG_COL_END_CAUSE, e));
	DB_TRY(DB_BIND_BUF(st, 5, ev->new_end_date, MSG_COL_NEW_END_DATE, e));
	sqlite3_bind_int64(st, 6, ev->compensation);
	DB_TRY(DB_BIND_BUF(st, 7, ev->note, MSG_COL_NOTE, e));
	DB_TRY(DB_BIND_BUF(st, 8, ev->filed_date, MSG_COL_FILED_DATE, e));
	return ERR_OK;
}

static void contract_event_read(sqlite3_stmt *st, void *item)
{
	contract_event *ev = item;
	ev->id = sqlite3_column_int64(st, 0);
	ev->contract_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, ev->kind);
	DB_COL_BUF(st, 3, ev->event_date);
	DB_COL_BUF(st, 4, ev->reason);
	DB_COL_BUF(st, 5, ev->new_end_date);
	ev->compensation = sqlite3_column_int64(st, 6);
	DB_COL_BUF(st, 7, ev->note);
	DB_COL_BUF(st, 8, ev->filed_date);
	ev->version = sqlite3_column_int64(st, 9);
	ev->chg_seq = sqlite3_column_int64(st, 10);
	DB_COL_BUF(st, 11, ev->created_at);
}

err_code contract_event_add(db *d, contract_event *ev, err_info *e)
{
	if (d == NULL || ev == NULL || ev->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_insert(d, &contract_event_row, contract_event_bind, ev, &m, e));
	ev->id = m.id;
	ev->version = m.version;
	ev->chg_seq = m.chg_seq;
	memcpy(ev->created_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code contract_event_list_contract(db *d, int64_t contract_id, contract_event_list *out,
                                      err_info *e)
{
	if (out != NULL)
		*out = (contract_event_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d,
	            "SELECT id, contract_id, kind, event_date, reason, new_end_date, "
	            "compensation, note, filed_date, version, chg_seq, created_at "
	            "FROM contract_events WHERE contract_id = ?1 ORDER BY event_date, id",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, contract_id);
	void *items = NULL;
	DB_TRY(
	    db_fetch_all(d, st, contract_event_read, sizeof(contract_event), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void contract_event_list_free(contract_event_list *l)
{
	DB_LIST_FREE(l);
}
