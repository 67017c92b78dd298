/*
 * arb — the arbitration repository (see arb.h).
 *
 * Double booking cannot be a constraint (it compares rows), so scheduling
 * runs the overlap queries inside the same BEGIN IMMEDIATE transaction as
 * the write: no other process can book between the check and the insert.
 */
#include "db/arb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

#define ARB_FAIL(e) ((e) != NULL && (e)->code != ERR_OK ? (e)->code : ERR_DB)

/* ---- cases ---- */

static const char *const arb_case_cols[] = {
    "case_no",        "office",
    "case_year",      "case_seq",
    "apply_date",     "accept_date",
    "status",         "collective",
    "worker_count",   "simple",
    "total_amount",   "extension_days",
    "suspended_days", "clock_restart_date",
    "closure_code",   "closure_date",
    "final_award",    NULL,
};
static const row_desc arb_case_row = {
    .table = "arb_cases",
    .cols = arb_case_cols,
    .key = "case_no",
    .flags = ROW_AUDIT | ROW_EXPORT,
};

#define ARB_CASE_SELECT                                                                            \
	"SELECT id, case_no, office, case_year, case_seq, apply_date, accept_date, status, "       \
	"collective, worker_count, simple, total_amount, extension_days, suspended_days, "         \
	"clock_restart_date, closure_code, closure_date, final_award, version, chg_seq, "          \
	"created_at, updated_at FROM arb_cases "

static void arb_case_read(sqlite3_stmt *st, void *item)
{
	arb_case *c = item;
	c->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, c->case_no);
	DB_COL_BUF(st, 2, c->office);
	c->case_year = sqlite3_column_int(st, 3);
	c->case_seq = sqlite3_column_int(st, 4);
	DB_COL_BUF(st, 5, c->apply_date);
	DB_COL_BUF(st, 6, c->accept_date);
	DB_COL_BUF(st, 7, c->status);
	c->collective = sqlite3_column_int(st, 8);
	c->worker_count = sqlite3_column_int(st, 9);
	c->simple = sqlite3_column_int(st, 10);
	c->total_amount = sqlite3_column_int64(st, 11);
	c->extension_days = sqlite3_column_int(st, 12);
	c->suspended_days = sqlite3_column_int(st, 13);
	DB_COL_BUF(st, 14, c->clock_restart_date);
	DB_COL_BUF(st, 15, c->closure_code);
	DB_COL_BUF(st, 16, c->closure_date);
	c->final_award = sqlite3_column_int(st, 17);
	row_read_meta(st, 18, &c->version, &c->chg_seq, c->created_at, c->updated_at);
}

static err_code arb_case_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const arb_case *c = rec;
	DB_TRY(DB_BIND_BUF(st, 1, c->case_no, MSG_COL_CASE_NO, e));
	DB_TRY(DB_BIND_BUF(st, 2, c->office, MSG_COL_OFFICE, e));
	db_bind_ref(st, 3, c->case_year);
	db_bind_ref(st, 4, c->case_seq);
	DB_TRY(DB_BIND_BUF(st, 5, c->apply_date, MSG_COL_APPLY_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 6, c->accept_date, MSG_COL_ACCEPT_DATE, e));
	if (!db_fits(c->status, sizeof c->status))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_CASE_STATUS, NULL);
	sqlite3_bind_text(st, 7, c->status[0] ? c->status : ARB_APPLIED, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, c->collective);
	sqlite3_bind_int(st, 9, c->worker_count == 0 ? 1 : c->worker_count);
	sqlite3_bind_int(st, 10, c->simple);
	sqlite3_bind_int64(st, 11, c->total_amount);
	sqlite3_bind_int(st, 12, c->extension_days);
	sqlite3_bind_int(st, 13, c->suspended_days);
	DB_TRY(DB_BIND_BUF(st, 14, c->clock_restart_date, MSG_COL_CLOCK_RESTART, e));
	DB_TRY(DB_BIND_BUF(st, 15, c->closure_code, MSG_COL_CLOSURE_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 16, c->closure_date, MSG_COL_CLOSURE_DATE, e));
	sqlite3_bind_int(st, 17, c->final_award);
	return ERR_OK;
}

static err_code arb_case_duplicate(err_code rc, const arb_case *c, err_info *e)
{
	if (rc == ERR_DB_DUPLICATE)
		return err_set(e, rc, MSG_COL_CASE_NO, "%s", c->case_no);
	return rc;
}

err_code arb_case_insert(db *d, arb_case *c, err_info *e)
{
	if (d == NULL || c == NULL || c->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(arb_case_duplicate(row_insert(d, &arb_case_row, arb_case_bind, c, &m, e), c, e));
	c->id = m.id;
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	if (c->status[0] == '\0')
		db_copy(c->status, sizeof c->status, ARB_APPLIED);
	if (c->worker_count == 0)
		c->worker_count = 1;
	memcpy(c->created_at, m.at, sizeof m.at);
	memcpy(c->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code arb_case_update(db *d, arb_case *c, err_info *e)
{
	if (d == NULL || c == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(arb_case_duplicate(
	    row_update(d, &arb_case_row, arb_case_bind, c, c->id, c->version, &m, e), c, e));
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	memcpy(c->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code arb_case_get(db *d, int64_t id, arb_case *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, ARB_CASE_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return ARB_FAIL(e);
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, arb_case_read, out, e);
}

err_code arb_case_find_by_no(db *d, const char *case_no, arb_case *out, err_info *e)
{
	if (d == NULL || out == NULL || case_no == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_CASE_NO, NULL);
	sqlite3_stmt *st = db_stmt(d, ARB_CASE_SELECT "WHERE case_no = ?1", e);
	if (st == NULL)
		return ARB_FAIL(e);
	DB_TRY(db_bind_str(st, 1, case_no, 127, MSG_COL_CASE_NO, e));
	err_code c = db_fetch_one(d, st, arb_case_read, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, c, MSG_COL_CASE_NO, "%s", case_no);
	return c;
}

err_code arb_case_next_seq(db *d, const char *office, int year, int *out, err_info *e)
{
	if (d == NULL || out == NULL || office == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT coalesce(max(case_seq), 0) + 1 FROM arb_cases "
	                           "WHERE office = ?1 AND case_year = ?2",
	                           e);
	if (st == NULL)
		return ARB_FAIL(e);
	DB_TRY(db_bind_str(st, 1, office, 12, MSG_COL_OFFICE, e));
	sqlite3_bind_int(st, 2, year);
	int64_t n = 1;
	DB_TRY(db_fetch_int(d, st, &n, e));
	*out = (int)n;
	return ERR_OK;
}

err_code arb_case_list_open(db *d, const char *office, size_t offset, size_t limit,
                            arb_case_list *out, size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (arb_case_list){0};
	if (d == NULL || out == NULL || office == NULL || !db_fits(office, 13))
		return err_set(e, ERR_INVALID_ARG, MSG_COL_OFFICE, NULL);
	void *items = NULL;
	DB_TRY(db_page(d,
	               ARB_CASE_SELECT
	               "WHERE office = ?1 AND status IN ('applied', 'accepted', "
	               "'suspended') ORDER BY coalesce(accept_date, apply_date), id "
	               "LIMIT ?3 OFFSET ?4",
	               "SELECT count(*) FROM (SELECT 1 FROM arb_cases WHERE office = ?1 AND status "
	               "IN ('applied', 'accepted', 'suspended') LIMIT ?3)",
	               office, NULL, offset, limit, arb_case_read, sizeof(arb_case), &items,
	               &out->n, total, e));
	out->items = items;
	return ERR_OK;
}

void arb_case_list_free(arb_case_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- parties ---- */

static const char *const arb_party_cols[] = {
    "case_id", "role",  "person_id", "employer_id", "name",
    "id_text", "agent", "address",   "phone",       NULL,
};
static const row_desc arb_party_row = {
    .table = "arb_parties",
    .cols = arb_party_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

static err_code arb_party_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const arb_party *p = rec;
	sqlite3_bind_int64(st, 1, p->case_id);
	DB_TRY(DB_BIND_BUF(st, 2, p->role, MSG_COL_PARTY_ROLE, e));
	db_bind_ref(st, 3, p->person_id);
	db_bind_ref(st, 4, p->employer_id);
	DB_TRY(DB_BIND_BUF(st, 5, p->name, MSG_COL_PARTY_NAME, e));
	DB_TRY(DB_BIND_BUF(st, 6, p->id_text, MSG_COL_ID_TEXT, e));
	DB_TRY(DB_BIND_BUF(st, 7, p->agent, MSG_COL_AGENT, e));
	DB_TRY(DB_BIND_BUF(st, 8, p->address, MSG_COL_ADDRESS, e));
	DB_TRY(DB_BIND_BUF(st, 9, p->phone, MSG_F_PHONE, e));
	return ERR_OK;
}

static void arb_party_read(sqlite3_stmt *st, void *item)
{
	arb_party *p = item;
	p->id = sqlite3_column_int64(st, 0);
	p->case_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, p->role);
	p->person_id = sqlite3_column_int64(st, 3);
	p->employer_id = sqlite3_column_int64(st, 4);
	DB_COL_BUF(st, 5, p->name);
	DB_COL_BUF(st, 6, p->id_text);
	DB_COL_BUF(st, 7, p->agent);
	DB_COL_BUF(st, 8, p->address);
	DB_COL_BUF(st, 9, p->phone);
	p->version = sqlite3_column_int64(st, 10);
	p->chg_seq = sqlite3_column_int64(st, 11);
}

err_code arb_party_add(db *d, arb_party *p, err_info *e)
{
	if (d == NULL || p == NULL || p->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_insert(d, &arb_party_row, arb_party_bind, p, &m, e));
	p->id = m.id;
	p->version = m.version;
	p->chg_seq = m.chg_seq;
	return ERR_OK;
}

err_code arb_party_update(db *d, arb_party *p, err_info *e)
{
	if (d == NULL || p == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_update(d, &arb_party_row, arb_party_bind, p, p->id, p->version, &m, e));
	p->version = m.version;
	p->chg_seq = m.chg_seq;
	return ERR_OK;
}

err_code arb_party_list_case(db *d, int64_t case_id, arb_party_list *out, err_info *e)
{
	if (out != NULL)
		*out = (arb_party_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	void *items = NULL;
	DB_TRY(
	    db_list_by_id(d,
	                  "SELECT id, case_id, role, person_id, employer_id, name, id_text, agent, "
	                  "address, phone, version, chg_seq FROM arb_parties WHERE case_id = ?1 "
	                  "ORDER BY CASE role WHEN 'applicant' THEN 1 WHEN 'respondent' THEN 2 "
	                  "ELSE 3 END, id",
	                  case_id, arb_party_read, sizeof(arb_party), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void arb_party_list_free(arb_party_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- claims ---- */

static const char *const arb_claim_cols[] = {"case_id", "type",    "amount", "description",
                                             "awarded", "outcome", NULL};
static const row_desc arb_claim_row = {
    .table = "arb_claims",
    .cols = arb_claim_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

static err_code arb_claim_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const arb_claim *c = rec;
	sqlite3_bind_int64(st, 1, c->case_id);
	DB_TRY(DB_BIND_BUF(st, 2, c->type, MSG_COL_DISPUTE_TYPE, e));
	sqlite3_bind_int64(st, 3, c->amount);
	DB_TRY(DB_BIND_BUF(st, 4, c->description, MSG_COL_CLAIM_TEXT, e));
	/* An awarded amount means something only once the claim has an outcome. */
	if (c->outcome[0] != '\0')
		sqlite3_bind_int64(st, 5, c->awarded);
	else
		sqlite3_bind_null(st, 5);
	DB_TRY(DB_BIND_BUF(st, 6, c->outcome, MSG_COL_CLAIM_OUTCOME, e));
	return ERR_OK;
}

static void arb_claim_read(sqlite3_stmt *st, void *item)
{
	arb_claim *c = item;
	c->id = sqlite3_column_int64(st, 0);
	c->case_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, c->type);
	c->amount = sqlite3_column_int64(st, 3);
	DB_COL_BUF(st, 4, c->description);
	c->awarded = sqlite3_column_int64(st, 5);
	DB_COL_BUF(st, 6, c->outcome);
	c->version = sqlite3_column_int64(st, 7);
	c->chg_seq = sqlite3_column_int64(st, 8);
}

err_code arb_claim_add(db *d, arb_claim *c, err_info *e)
{
	if (d == NULL || c == NULL || c->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_insert(d, &arb_claim_row, arb_claim_bind, c, &m, e));
	c->id = m.id;
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	return ERR_OK;
}

err_code arb_claim_update(db *d, arb_claim *c, err_info *e)
{
	if (d == NULL || c == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_update(d, &arb_claim_row, arb_claim_bind, c, c->id, c->version, &m, e));
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	return ERR_OK;
}

err_code arb_claim_list_case(db *d, int64_t case_id, arb_claim_list *out, err_info *e)
{
	if (out != NULL)
		*out = (arb_claim_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	void *items = NULL;
	DB_TRY(db_list_by_id(d,
	                     "SELECT id, case_id, type, amount, description, awarded, outcome, "
	                     "version, chg_seq FROM arb_claims WHERE case_id = ?1 ORDER BY id",
	                     case_id, arb_claim_read, sizeof(arb_claim), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void arb_claim_list_free(arb_claim_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- arbitrators and rooms ---- */

static const char *const arb_arbitrator_cols[] = {"name", "operator_id", "office", "active", NULL};
static const row_desc arb_arbitrator_row = {
    .table = "arbitrators",
    .cols = arb_arbitrator_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

static err_code arb_arbitrator_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const arb_arbitrator *a = rec;
	DB_TRY(DB_BIND_BUF(st, 1, a->name, MSG_COL_ARBITRATOR, e));
	db_bind_ref(st, 2, a->operator_id);
	DB_TRY(DB_BIND_BUF(st, 3, a->office, MSG_COL_OFFICE, e));
	sqlite3_bind_int(st, 4, a->active ? 1 : 0);
	return ERR_OK;
}

static void arb_arbitrator_read(sqlite3_stmt *st, void *item)
{
	arb_arbitrator *a = item;
	a->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, a->name);
	a->operator_id = sqlite3_column_int64(st, 2);
	DB_COL_BUF(st, 3, a->office);
	a->active = sqlite3_column_int(st, 4);
	a->version = sqlite3_column_int64(st, 5);
}

err_code arb_arbitrator_add(db *d, arb_arbitrator *a, err_info *e)
{
	if (d == NULL || a == NULL || a->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_insert(d, &arb_arbitrator_row, arb_arbitrator_bind, a, &m, e));
	a->id = m.id;
	a->version = m.version;
	return ERR_OK;
}

err_code arb_arbitrator_update(db *d, arb_arbitrator *a, err_info *e)
{
	if (d == NULL || a == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(
	    row_update(d, &arb_arbitrator_row, arb_arbitrator_bind, a, a->id, a->version, &m, e));
	a->version = m.version;
	return ERR_OK;
}

err_code arb_arbitrator_list_office(db *d, const char *office, arb_arbitrator_list *out,
                                    err_info *e)
{
	if (out != NULL)
		*out = (arb_arbitrator_list){0};
	if (d == NULL || out == NULL || office == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT id, name, operator_id, office, active, version FROM "
	                           "arbitrators WHERE active = 1 AND (?1 = '' OR office = ?1) "
	                           "ORDER BY name, id",
	                           e);
	if (st == NULL)
		return ARB_FAIL(e);
	sqlite3_bind_text(st, 1, office, -1, SQLITE_STATIC);
	void *items = NULL;
	DB_TRY(
	    db_fetch_all(d, st, arb_arbitrator_read, sizeof(arb_arbitrator), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void arb_arbitrator_list_free(arb_arbitrator_list *l)
{
	DB_LIST_FREE(l);
}

static const char *const arb_room_cols[] = {"code", "name", "office", "active", NULL};
static const row_desc arb_room_row = {
    .table = "hearing_rooms",
    .cols = arb_room_cols,
    .key = "code",
    .flags = ROW_AUDIT | ROW_EXPORT,
};

static err_code arb_room_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const arb_room *r = rec;
	DB_TRY(DB_BIND_BUF(st, 1, r->code, MSG_COL_ROOM_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 2, r->name, MSG_COL_ROOM_NAME, e));
	DB_TRY(DB_BIND_BUF(st, 3, r->office, MSG_COL_OFFICE, e));
	sqlite3_bind_int(st, 4, r->active ? 1 : 0);
	return ERR_OK;
}

static void arb_room_read(sqlite3_stmt *st, void *item)
{
	arb_room *r = item;
	r->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, r->code);
	DB_COL_BUF(st, 2, r->name);
	DB_COL_BUF(st, 3, r->office);
	r->active = sqlite3_column_int(st, 4);
	r->version = sqlite3_column_int64(st, 5);
}

err_code arb_room_add(db *d, arb_room *r, err_info *e)
{
	if (d == NULL || r == NULL || r->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code c = row_insert(d, &arb_room_row, arb_room_bind, r, &m, e);
	if (c == ERR_DB_DUPLICATE)
		return err_set(e, c, MSG_COL_ROOM_CODE, "%s", r->code);
	if (c != ERR_OK)
		return c;
	r->id = m.id;
	r->version = m.version;
	return ERR_OK;
}

err_code arb_room_update(db *d, arb_room *r, err_info *e)
{
	if (d == NULL || r == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_update(d, &arb_room_row, arb_room_bind, r, r->id, r->version, &m, e));
	r->version = m.version;
	return ERR_OK;
}

err_code arb_room_list_office(db *d, const char *office, arb_room_list *out, err_info *e)
{
	if (out != NULL)
		*out = (arb_room_list){0};
	if (d == NULL || out == NULL || office == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d,
	            "SELECT id, code, name, office, active, version FROM hearing_rooms "
	            "WHERE active = 1 AND (?1 = '' OR office = ?1) ORDER BY code",
	            e);
	if (st == NULL)
		return ARB_FAIL(e);
	sqlite3_bind_text(st, 1, office, -1, SQLITE_STATIC);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, arb_room_read, sizeof(arb_room), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void arb_room_list_free(arb_room_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- hearings ---- */

static const char *const arb_hearing_cols[] = {
    "case_id",    "start_at", "end_at",      "room_id", "chief_id", "member1_id",
    "member2_id", "clerk_id", "notice_date", "status",  NULL,
};
static const row_desc arb_hearing_row = {
    .table = "hearings",
    .cols = arb_hearing_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

#define ARB_HEARING_SELECT                                                                         \
	"SELECT id, case_id, start_at, end_at, room_id, chief_id, member1_id, member2_id, "        \
	"clerk_id, notice_date, status, version, chg_seq, created_at, updated_at FROM hearings "

static err_code arb_hearing_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const arb_hearing *h = rec;
	sqlite3_bind_int64(st, 1, h->case_id);
	DB_TRY(DB_BIND_BUF(st, 2, h->start_at, MSG_COL_HEARING_START, e));
	DB_TRY(DB_BIND_BUF(st, 3, h->end_at, MSG_COL_HEARING_END, e));
	sqlite3_bind_int64(st, 4, h->room_id);
	sqlite3_bind_int64(st, 5, h->chief_id);
	db_bind_ref(st, 6, h->member1_id);
	db_bind_ref(st, 7, h->member2_id);
	db_bind_ref(st, 8, h->clerk_id);
	DB_TRY(DB_BIND_BUF(st, 9, h->notice_date, MSG_COL_NOTICE_DATE, e));
	if (!db_fits(h->status, sizeof h->status))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_STATUS, NULL);
	sqlite3_bind_text(st, 10, h->status[0] ? h->status : ARB_SCHEDULED, -1, SQLITE_STATIC);
	return ERR_OK;
}

static void arb_hearing_read(sqlite3_stmt *st, void *item)
{
	arb_hearing *h = item;
	h->id = sqlite3_column_int64(st, 0);
	h->case_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, h->start_at);
	DB_COL_BUF(st, 3, h->end_at);
	h->room_id = sqlite3_column_int64(st, 4);
	h->chief_id = sqlite3_column_int64(st, 5);
	h->member1_id = sqlite3_column_int64(st, 6);
	h->member2_id = sqlite3_column_int64(st, 7);
	h->clerk_id = sqlite3_column_int64(st, 8);
	DB_COL_BUF(st, 9, h->notice_date);
	DB_COL_BUF(st, 10, h->status);
	row_read_meta(st, 11, &h->version, &h->chg_seq, h->created_at, h->updated_at);
}

/* The first scheduled hearing other than h overlapping h in the room, or for arbitrator a. */
#define ARB_CLASH_SELECT                                                                           \
	"SELECT c.case_no, h.start_at, h.end_at FROM hearings h JOIN arb_cases c ON c.id = "       \
	"h.case_id WHERE h.status = 'scheduled' AND h.id <> ?2 AND h.start_at < ?4 AND ?3 < "      \
	"h.end_at AND "

static err_code arb_clash(db *d, const char *sql, int64_t who, const arb_hearing *h, int *found,
                          char *detail, size_t size, err_info *e)
{
	*found = 0;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (st == NULL)
		return ARB_FAIL(e);
	sqlite3_bind_int64(st, 1, who);
	sqlite3_bind_int64(st, 2, h->id);
	sqlite3_bind_text(st, 3, h->start_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, h->end_at, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		*found = 1;
		/* "（2026）…第3号 2026-03-02 09:00–11:00": the end shown as time only. */
		const char *end = (const char *)sqlite3_column_text(st, 2);
		snprintf(detail, size, msg_text(MSG_D_ARB_HEARING_CLASH),
		         (const char *)sqlite3_column_text(st, 0),
		         (const char *)sqlite3_column_text(st, 1),
		         end && strlen(end) > 11 ? end + 11 : (end ? end : ""));
	} else if (rc != SQLITE_DONE) {
		c = db_error(d, rc, e);
	}
	db_done(st);
	return c;
}

static err_code arb_hearing_check(db *d, const arb_hearing *h, err_info *e)
{
	if (h->status[0] != '\0' && strcmp(h->status, ARB_SCHEDULED) != 0)
		return ERR_OK;
	if (!db_fits(h->start_at, sizeof h->start_at) || !db_fits(h->end_at, sizeof h->end_at))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_HEARING_START, NULL);
	char detail[160];
	int found = 0;
	DB_TRY(arb_clash(d, ARB_CLASH_SELECT "h.room_id = ?1 ORDER BY h.start_at LIMIT 1",
	                 h->room_id, h, &found, detail, sizeof detail, e));
	if (found)
		return err_set(e, ERR_ARB_ROOM_BUSY, MSG_COL_ROOM, "%s", detail);
	const int64_t tribunal[3] = {h->chief_id, h->member1_id, h->member2_id};
	for (int i = 0; i < 3; i++) {
		if (tribunal[i] == 0)
			continue;
		DB_TRY(arb_clash(d,
		                 ARB_CLASH_SELECT "(h.chief_id = ?1 OR h.member1_id = ?1 OR "
		                                  "h.member2_id = ?1) ORDER BY h.start_at LIMIT 1",
		                 tribunal[i], h, &found, detail, sizeof detail, e));
		if (!found)
			continue;
		char name[64] = "";
		sqlite3_stmt *st = db_stmt(d, "SELECT name FROM arbitrators WHERE id = ?1", e);
		if (st != NULL) {
			sqlite3_bind_int64(st, 1, tribunal[i]);
			if (sqlite3_step(st) == SQLITE_ROW)
				DB_COL_BUF(st, 0, name);
			db_done(st);
		}
		return err_set(e, ERR_ARB_ARBITRATOR_BUSY, MSG_COL_ARBITRATOR, "%s：%s", name,
		               detail);
	}
	return ERR_OK;
}

err_code arb_hearing_schedule(db *d, arb_hearing *h, err_info *e)
{
	if (d == NULL || h == NULL || h->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(db_begin(d, e));
	row_meta m;
	err_code c = arb_hearing_check(d, h, e);
	if (c == ERR_OK)
		c = row_insert(d, &arb_hearing_row, arb_hearing_bind, h, &m, e);
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	if (c != ERR_OK)
		return c;
	h->id = m.id;
	h->version = m.version;
	h->chg_seq = m.chg_seq;
	if (h->status[0] == '\0')
		db_copy(h->status, sizeof h->status, ARB_SCHEDULED);
	memcpy(h->created_at, m.at, sizeof m.at);
	memcpy(h->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code arb_hearing_update(db *d, arb_hearing *h, err_info *e)
{
	if (d == NULL || h == NULL || h->id == 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(db_begin(d, e));
	row_meta m;
	err_code c = arb_hearing_check(d, h, e);
	if (c == ERR_OK)
		c = row_update(d, &arb_hearing_row, arb_hearing_bind, h, h->id, h->version, &m, e);
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	if (c != ERR_OK)
		return c;
	h->version = m.version;
	h->chg_seq = m.chg_seq;
	memcpy(h->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code arb_hearing_get(db *d, int64_t id, arb_hearing *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, ARB_HEARING_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return ARB_FAIL(e);
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, arb_hearing_read, out, e);
}

err_code arb_hearing_list_case(db *d, int64_t case_id, arb_hearing_list *out, err_info *e)
{
	if (out != NULL)
		*out = (arb_hearing_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	void *items = NULL;
	DB_TRY(db_list_by_id(d, ARB_HEARING_SELECT "WHERE case_id = ?1 ORDER BY start_at, id",
	                     case_id, arb_hearing_read, sizeof(arb_hearing), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

err_code arb_hearing_list_range(db *d, const char *from, const char *to, arb_hearing_list *out,
                                err_info *e)
{
	if (out != NULL)
		*out = (arb_hearing_list){0};
	if (d == NULL || out == NULL || from == NULL || to == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_HEARING_START, NULL);
	sqlite3_stmt *st = db_stmt(
	    d, ARB_HEARING_SELECT "WHERE start_at >= ?1 AND start_at < ?2 ORDER BY start_at, id",
	    e);
	if (st == NULL)
		return ARB_FAIL(e);
	DB_TRY(db_bind_str(st, 1, from, 16, MSG_COL_HEARING_START, e));
	DB_TRY(db_bind_str(st, 2, to, 16, MSG_COL_HEARING_END, e));
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, arb_hearing_read, sizeof(arb_hearing), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void arb_hearing_list_free(arb_hearing_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- hearing log ---- */

#define ARB_LOG_COLUMNS                                                                            \
	"id, hearing_id, seq, at, speaker, text, kind, corrects_id, operator_id, chg_seq"

static void arb_log_read(sqlite3_stmt *st, void *item)
{
	arb_log_line *l = item;
	l->id = sqlite3_column_int64(st, 0);
	l->hearing_id = sqlite3_column_int64(st, 1);
	l->seq = sqlite3_column_int(st, 2);
	DB_COL_BUF(st, 3, l->at);
	DB_COL_BUF(st, 4, l->speaker);
	DB_COL_BUF(st, 5, l->text);
	DB_COL_BUF(st, 6, l->kind);
	l->corrects_id = sqlite3_column_int64(st, 7);
	l->operator_id = sqlite3_column_int64(st, 8);
	l->chg_seq = sqlite3_column_int64(st, 9);
}

/* The INSERT of one line with seq = next of its hearing; ?1.. as bound in arb_log_write. */
static err_code arb_log_write(db *d, arb_log_line *l, int64_t seq, const char *at, err_info *e)
{
	sqlite3_stmt *st =
	    db_stmt(d,
	            "INSERT INTO hearing_log (hearing_id, seq, at, speaker, text, kind, "
	            "corrects_id, operator_id, chg_seq) SELECT ?1, coalesce(max(seq), 0) "
	            "+ 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM hearing_log WHERE hearing_id = ?1",
	            e);
	if (st == NULL)
		return ARB_FAIL(e);
	sqlite3_bind_int64(st, 1, l->hearing_id);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	if (!db_fits(l->speaker, sizeof l->speaker) || !db_fits(l->text, sizeof l->text)) {
		db_done(st);
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_LOG_TEXT, NULL);
	}
	sqlite3_bind_text(st, 3, l->speaker, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, l->text, -1, SQLITE_STATIC);
	err_code c = db_bind_str(st, 5, l->kind[0] ? l->kind : ARB_LINE, sizeof l->kind - 1,
	                         MSG_COL_LOG_KIND, e);
	if (c != ERR_OK) {
		db_done(st);
		return c;
	}
	db_bind_ref(st, 6, l->corrects_id);
	db_bind_ref(st, 7, d->actor_id);
	sqlite3_bind_int64(st, 8, seq);
	return db_step_done(d, st, e);
}

err_code arb_log_append(db *d, arb_log_line *l, err_info *e)
{
	if (d == NULL || l == NULL || l->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	char at[21];
	db_now(at);
	DB_TRY(db_begin(d, e));
	int64_t seq = 0, id = 0;
	err_code c = db_next_change_seq(d, &seq, e);
	if (c == ERR_OK)
		c = arb_log_write(d, l, seq, at, e);
	if (c == ERR_OK) {
		id = sqlite3_last_insert_rowid(d->conn);
		/* The audit row carries the line as stored (it can never change). */
		sqlite3_stmt *st =
		    db_stmt(d,
		            "SELECT json_object('id', id, 'hearing_id', hearing_id, 'seq', "
		            "seq, 'at', at, 'speaker', speaker, 'text', text, 'kind', kind, "
		            "'corrects_id', corrects_id, 'operator_id', operator_id), seq "
		            "FROM hearing_log WHERE id = ?1",
		            e);
		char *after = NULL;
		if (st == NULL)
			c = ARB_FAIL(e);
		else {
			sqlite3_bind_int64(st, 1, id);
			int oom = 0;
			if (sqlite3_step(st) == SQLITE_ROW) {
				after = db_col_dup(st, 0, &oom);
				l->seq = sqlite3_column_int(st, 1);
			}
			db_done(st);
			if (after == NULL)
				c = err_set(e, oom ? ERR_NOMEM : ERR_INTERNAL, MSG_NONE, NULL);
		}
		if (c == ERR_OK)
			c = row_audit(d, "hearing_log", id, "insert", NULL, after, e);
		free(after);
	}
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	if (c != ERR_OK)
		return c;
	l->id = id;
	l->chg_seq = seq;
	l->operator_id = d->actor_id;
	memcpy(l->at, at, sizeof at);
	if (l->kind[0] == '\0')
		db_copy(l->kind, sizeof l->kind, ARB_LINE);
	return ERR_OK;
}

err_code arb_log_list(db *d, int64_t hearing_id, arb_log *out, err_info *e)
{
	if (out != NULL)
		*out = (arb_log){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	void *items = NULL;
	DB_TRY(db_list_by_id(
	    d, "SELECT " ARB_LOG_COLUMNS " FROM hearing_log WHERE hearing_id = ?1 ORDER BY seq",
	    hearing_id, arb_log_read, sizeof(arb_log_line), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void arb_log_free(arb_log *l)
{
	DB_LIST_FREE(l);
}

/* ---- outcomes ---- */

static const char *const arb_outcome_cols[] = {"case_id", "kind", "outcome_date", "doc_no", "final",
                                               "text",    NULL};
static const row_desc arb_outcome_row = {
    .table = "arb_outcomes",
    .cols = arb_outcome_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

static err_code arb_outcome_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const arb_outcome *o = rec;
	sqlite3_bind_int64(st, 1, o->case_id);
	DB_TRY(DB_BIND_BUF(st, 2, o->kind, MSG_COL_OUTCOME_KIND, e));
	DB_TRY(DB_BIND_BUF(st, 3, o->outcome_date, MSG_COL_OUTCOME_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 4, o->doc_no, MSG_COL_DOC_NO, e));
	sqlite3_bind_int(st, 5, o->final);
	DB_TRY(DB_BIND_BUF(st, 6, o->text, MSG_COL_OUTCOME_TEXT, e));
	return ERR_OK;
}

static void arb_outcome_read(sqlite3_stmt *st, void *item)
{
	arb_outcome *o = item;
	o->id = sqlite3_column_int64(st, 0);
	o->case_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, o->kind);
	DB_COL_BUF(st, 3, o->outcome_date);
	DB_COL_BUF(st, 4, o->doc_no);
	o->final = sqlite3_column_int(st, 5);
	DB_COL_BUF(st, 6, o->text);
	o->version = sqlite3_column_int64(st, 7);
	o->chg_seq = sqlite3_column_int64(st, 8);
}

err_code arb_outcome_add(db *d, arb_outcome *o, err_info *e)
{
	if (d == NULL || o == NULL || o->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_insert(d, &arb_outcome_row, arb_outcome_bind, o, &m, e));
	o->id = m.id;
	o->version = m.version;
	o->chg_seq = m.chg_seq;
	return ERR_OK;
}

err_code arb_outcome_list_case(db *d, int64_t case_id, arb_outcome_list *out, err_info *e)
{
	if (out != NULL)
		*out = (arb_outcome_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	void *items = NULL;
	DB_TRY(
	    db_list_by_id(d,
	                  "SELECT id, case_id, kind, outcome_date, doc_no, final, text, version, "
	                  "chg_seq FROM arb_outcomes WHERE case_id = ?1 ORDER BY outcome_date, id",
	                  case_id, arb_outcome_read, sizeof(arb_outcome), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void arb_outcome_list_free(arb_outcome_list *l)
{
	DB_LIST_FREE(l);
}
