/*
 * unemp — the unemployment-registration repository (see unemp.h).
 *
 * Categories live in a child table written with the registration (the
 * row_desc children hook), so the audit snapshot shows them as a JSON array
 * and they are exported with their registration's change sequence.
 */
#include "db/unemp.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static err_code unemp_write_categories(db *d, int64_t id, const void *rec, err_info *e);

static const char *const unemp_cols[] = {
    "person_id",       "office",           "reg_date",           "hukou_kind",
    "reason",          "last_employer_id", "last_employer_uscc", "last_employer_name",
    "involuntary",     "contrib_months",   "entitle_months",     "remain_months",
    "difficulty",      "low_income",       "disability",         "graduate",
    "wish_occupation", "wish_industry",    "wish_wage",          "card_no",
    "end_date",        "end_reason",       "new_employer_id",    NULL,
};
static const char *const unemp_json[] = {
    "person_id",
    "office",
    "reg_date",
    "hukou_kind",
    "reason",
    "last_employer_id",
    "last_employer_uscc",
    "last_employer_name",
    "involuntary",
    "contrib_months",
    "entitle_months",
    "remain_months",
    "difficulty",
    "low_income",
    "disability",
    "graduate",
    "wish_occupation",
    "wish_industry",
    "wish_wage",
    "card_no",
    "end_date",
    "end_reason",
    "new_employer_id",
    "categories=json((SELECT json_group_array(code) FROM (SELECT code FROM unemp_reg_categories "
    "WHERE reg_id = unemp_regs.id ORDER BY code)))",
    NULL,
};
static const row_desc unemp_row = {
    .table = "unemp_regs",
    .cols = unemp_cols,
    .json = unemp_json,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
    .children = unemp_write_categories,
};

static const char *const unemp_followup_cols[] = {"reg_id", "service_date", "kind",
                                                  "note",   "operator_id",  NULL};
static const row_desc unemp_followup_row = {
    .table = "unemp_followups",
    .cols = unemp_followup_cols,
    .key = "uid",
    .flags = ROW_AUDIT | ROW_EXPORT | ROW_UID,
};

#define UNEMP_SELECT                                                                               \
	"SELECT id, person_id, office, reg_date, hukou_kind, reason, last_employer_id, "           \
	"last_employer_uscc, last_employer_name, involuntary, contrib_months, entitle_months, "    \
	"remain_months, difficulty, low_income, disability, graduate, wish_occupation, "           \
	"wish_industry, wish_wage, card_no, end_date, end_reason, new_employer_id, version, "      \
	"chg_seq, created_at, updated_at FROM unemp_regs "

static void unemp_read(sqlite3_stmt *st, void *item)
{
	unemp_reg *r = item;
	r->id = sqlite3_column_int64(st, 0);
	r->person_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, r->office);
	DB_COL_BUF(st, 3, r->reg_date);
	r->hukou_kind = sqlite3_column_int(st, 4);
	DB_COL_BUF(st, 5, r->reason);
	r->last_employer_id = sqlite3_column_int64(st, 6);
	DB_COL_BUF(st, 7, r->last_employer_uscc);
	DB_COL_BUF(st, 8, r->last_employer_name);
	r->involuntary = sqlite3_column_int(st, 9);
	r->contrib_months = sqlite3_column_int(st, 10);
	r->entitle_months = sqlite3_column_int(st, 11);
	r->remain_months = sqlite3_column_int(st, 12);
	DB_COL_BUF(st, 13, r->difficulty);
	r->low_income = sqlite3_column_int(st, 14);
	r->disability = sqlite3_column_int(st, 15);
	r->graduate = sqlite3_column_int(st, 16);
	DB_COL_BUF(st, 17, r->wish_occupation);
	DB_COL_BUF(st, 18, r->wish_industry);
	r->wish_wage = sqlite3_column_int64(st, 19);
	DB_COL_BUF(st, 20, r->card_no);
	DB_COL_BUF(st, 21, r->end_date);
	DB_COL_BUF(st, 22, r->end_reason);
	r->new_employer_id = sqlite3_column_int64(st, 23);
	row_read_meta(st, 24, &r->version, &r->chg_seq, r->created_at, r->updated_at);
}

static err_code unemp_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const unemp_reg *r = rec;
	sqlite3_bind_int64(st, 1, r->person_id);
	DB_TRY(DB_BIND_BUF(st, 2, r->office, MSG_COL_OFFICE, e));
	DB_TRY(DB_BIND_BUF(st, 3, r->reg_date, MSG_COL_REG_DATE, e));
	sqlite3_bind_int(st, 4, r->hukou_kind);
	DB_TRY(DB_BIND_BUF(st, 5, r->reason, MSG_COL_UNEMP_REASON, e));
	db_bind_ref(st, 6, r->last_employer_id);
	DB_TRY(DB_BIND_BUF(st, 7, r->last_employer_uscc, MSG_COL_LAST_EMPLOYER_USCC, e));
	DB_TRY(DB_BIND_BUF(st, 8, r->last_employer_name, MSG_COL_LAST_EMPLOYER, e));
	sqlite3_bind_int(st, 9, r->involuntary);
	sqlite3_bind_int(st, 10, r->contrib_months);
	sqlite3_bind_int(st, 11, r->entitle_months);
	sqlite3_bind_int(st, 12, r->remain_months);
	DB_TRY(DB_BIND_BUF(st, 13, r->difficulty, MSG_COL_DIFFICULTY, e));
	sqlite3_bind_int(st, 14, r->low_income);
	sqlite3_bind_int(st, 15, r->disability);
	sqlite3_bind_int(st, 16, r->graduate);
	DB_TRY(DB_BIND_BUF(st, 17, r->wish_occupation, MSG_COL_WISH_OCCUPATION, e));
	DB_TRY(DB_BIND_BUF(st, 18, r->wish_industry, MSG_COL_WISH_INDUSTRY, e));
	sqlite3_bind_int64(st, 19, r->wish_wage);
	DB_TRY(DB_BIND_BUF(st, 20, r->card_no, MSG_COL_CARD_NO, e));
	DB_TRY(DB_BIND_BUF(st, 21, r->end_date, MSG_COL_END_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 22, r->end_reason, MSG_COL_END_REASON, e));
	db_bind_ref(st, 23, r->new_employer_id);
	return ERR_OK;
}

static err_code unemp_check_categories(const unemp_reg *r, err_info *e)
{
	if (r->n_categories > UNEMP_MAX_CATEGORIES)
		return err_set(e, ERR_UNEMP_CATEGORIES, MSG_COL_CATEGORY,
		               msg_text(MSG_D_UNEMP_MAX_ITEMS), UNEMP_MAX_CATEGORIES);
	for (size_t i = 0; i < r->n_categories; i++)
		if (!db_fits(r->categories[i], sizeof r->categories[i]) ||
		    r->categories[i][0] == '\0')
			return err_set(e, ERR_DB_CONSTRAINT, MSG_COL_CATEGORY,
			               msg_text(MSG_D_UNEMP_ITEM), i + 1);
	return ERR_OK;
}

/* Replace the registration's categories with r's (called inside its transaction). */
static err_code unemp_write_categories(db *d, int64_t id, const void *rec, err_info *e)
{
	const unemp_reg *r = rec;
	sqlite3_stmt *del = db_stmt(d, "DELETE FROM unemp_reg_categories WHERE reg_id = ?1", e);
	if (del == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(del, 1, id);
	DB_TRY(db_step_done(d, del, e));
	for (size_t i = 0; i < r->n_categories; i++) {
		sqlite3_stmt *st = db_stmt(
		    d, "INSERT INTO unemp_reg_categories (reg_id, code) VALUES (?1, ?2)", e);
		if (st == NULL)
			return e ? e->code : ERR_DB;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, r->categories[i], -1, SQLITE_STATIC);
		err_code c = db_step_done(d, st, e);
		if (c == ERR_DB_DUPLICATE)
			return err_set(e, c, MSG_COL_CATEGORY, "%s", r->categories[i]);
		if (c != ERR_OK)
			return c;
	}
	return ERR_OK;
}

static err_code unemp_read_categories(db *d, unemp_reg *r, err_info *e)
{
	sqlite3_stmt *st =
	    db_stmt(d, "SELECT code FROM unemp_reg_categories WHERE reg_id = ?1 ORDER BY code", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, r->id);
	r->n_categories = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->n_categories < UNEMP_MAX_CATEGORIES)
		DB_COL_BUF(st, 0, r->categories[r->n_categories++]);
	err_code c = rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK : db_error(d, rc, e);
	db_done(st);
	return c;
}

/* Map a duplicate on the one-open-registration index to its own message. */
static err_code unemp_map_duplicate(err_code c, const unemp_reg *r, err_info *e)
{
	if (c != ERR_DB_DUPLICATE || e == NULL)
		return c;
	if (e->field == MSG_COL_PERSON)
		return err_set(e, ERR_UNEMP_OPEN_EXISTS, MSG_COL_PERSON, NULL);
	if (e->field == MSG_COL_CARD_NO)
		return err_set(e, c, MSG_COL_CARD_NO, "%s", r->card_no);
	return c;
}

static void unemp_set_meta(unemp_reg *r, const row_meta *m, int insert)
{
	if (insert) {
		r->id = m->id;
		memcpy(r->created_at, m->at, sizeof m->at);
	}
	r->version = m->version;
	r->chg_seq = m->chg_seq;
	memcpy(r->updated_at, m->at, sizeof m->at);
}

err_code unemp_insert(db *d, unemp_reg *r, err_info *e)
{
	if (d == NULL || r == NULL || r->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(unemp_check_categories(r, e));
	row_meta m;
	err_code c = unemp_map_duplicate(row_insert(d, &unemp_row, unemp_bind, r, &m, e), r, e);
	if (c == ERR_OK)
		unemp_set_meta(r, &m, 1);
	return c;
}

err_code unemp_update(db *d, unemp_reg *r, err_info *e)
{
	if (d == NULL || r == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(unemp_check_categories(r, e));
	row_meta m;
	err_code c = unemp_map_duplicate(
	    row_update(d, &unemp_row, unemp_bind, r, r->id, r->version, &m, e), r, e);
	if (c == ERR_OK)
		unemp_set_meta(r, &m, 0);
	return c;
}

/* Fetch one registration with a prepared, bound statement, categories included. */
static err_code unemp_fetch(db *d, sqlite3_stmt *st, unemp_reg *out, err_info *e)
{
	unemp_reg r;
	memset(&r, 0, sizeof r);
	DB_TRY(db_fetch_one(d, st, unemp_read, &r, e));
	DB_TRY(unemp_read_categories(d, &r, e));
	*out = r; /* untouched on failure */
	return ERR_OK;
}

err_code unemp_get(db *d, int64_t id, unemp_reg *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, UNEMP_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return unemp_fetch(d, st, out, e);
}

err_code unemp_find_open(db *d, int64_t person_id, unemp_reg *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, UNEMP_SELECT "WHERE person_id = ?1 AND end_date IS NULL", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, person_id);
	return unemp_fetch(d, st, out, e);
}

err_code unemp_end(db *d, unemp_reg *r, const char *end_date, const char *reason,
                   int64_t new_employer_id, err_info *e)
{
	if (d == NULL || r == NULL || end_date == NULL || reason == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (strnlen(end_date, sizeof r->end_date) >= sizeof r->end_date)
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_END_DATE, NULL);
	if (strnlen(reason, sizeof r->end_reason) >= sizeof r->end_reason)
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_END_REASON, NULL);
	DB_TRY(db_begin(d, e));
	unemp_reg cur;
	err_code c = unemp_get(d, r->id, &cur, e);
	if (c == ERR_OK && cur.version != r->version)
		c = err_set(e, ERR_DB_STALE, MSG_NONE, NULL);
	if (c == ERR_OK && cur.end_date[0] != '\0')
		c = err_set(e, ERR_UNEMP_ENDED, MSG_COL_END_DATE, "%s", cur.end_date);
	if (c == ERR_OK) {
		db_copy(cur.end_date, sizeof cur.end_date, end_date);
		db_copy(cur.end_reason, sizeof cur.end_reason, reason);
		cur.new_employer_id = new_employer_id;
		c = unemp_update(d, &cur, e);
	}
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	if (c == ERR_OK)
		*r = cur;
	return c;
}

static err_code unemp_fill_categories(db *d, unemp_reg *items, size_t n, err_info *e)
{
	for (size_t i = 0; i < n; i++)
		DB_TRY(unemp_read_categories(d, &items[i], e));
	return ERR_OK;
}

err_code unemp_list_open(db *d, const char *office, size_t offset, size_t limit, unemp_list *out,
                         size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (unemp_list){0};
	if (d == NULL || out == NULL || office == NULL || !db_fits(office, 13))
		return err_set(e, ERR_INVALID_ARG, MSG_COL_OFFICE, NULL);
	/* db_page binds ?1 (here the office) and ?2 (unused by this SQL) the same way. */
	void *items = NULL;
	err_code c = db_page(
	    d,
	    UNEMP_SELECT "WHERE end_date IS NULL AND office = ?1 "
	                 "ORDER BY reg_date, id LIMIT ?3 OFFSET ?4",
	    "SELECT count(*) FROM (SELECT 1 FROM unemp_regs WHERE end_date IS NULL "
	    "AND office = ?1 LIMIT ?3)",
	    office, NULL, offset, limit, unemp_read, sizeof(unemp_reg), &items, &out->n, total, e);
	if (c != ERR_OK)
		return c;
	out->items = items;
	c = unemp_fill_categories(d, out->items, out->n, e);
	if (c != ERR_OK)
		unemp_list_free(out);
	return c;
}

err_code unemp_list_person(db *d, int64_t person_id, unemp_list *out, err_info *e)
{
	if (out != NULL)
		*out = (unemp_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d, UNEMP_SELECT "WHERE person_id = ?1 ORDER BY reg_date DESC, id DESC", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, person_id);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, unemp_read, sizeof(unemp_reg), &items, &out->n, e));
	out->items = items;
	err_code c = unemp_fill_categories(d, out->items, out->n, e);
	if (c != ERR_OK)
		unemp_list_free(out);
	return c;
}

void unemp_list_free(unemp_list *l)
{
	DB_LIST_FREE(l);
}

static err_code unemp_followup_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const unemp_followup *f = rec;
	sqlite3_bind_int64(st, 1, f->reg_id);
	DB_TRY(DB_BIND_BUF(st, 2, f->service_date, MSG_COL_SERVICE_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 3, f->kind, MSG_COL_SERVICE_KIND, e));
	DB_TRY(DB_BIND_BUF(st, 4, f->note, MSG_COL_NOTE, e));
	db_bind_ref(st, 5, f->operator_id);
	return ERR_OK;
}

static void unemp_followup_read(sqlite3_stmt *st, void *item)
{
	unemp_followup *f = item;
	f->id = sqlite3_column_int64(st, 0);
	f->reg_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, f->service_date);
	DB_COL_BUF(st, 3, f->kind);
	DB_COL_BUF(st, 4, f->note);
	f->operator_id = sqlite3_column_int64(st, 5);
	f->version = sqlite3_column_int64(st, 6);
	f->chg_seq = sqlite3_column_int64(st, 7);
	DB_COL_BUF(st, 8, f->created_at);
}

err_code unemp_followup_add(db *d, unemp_followup *f, err_info *e)
{
	if (d == NULL || f == NULL || f->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	f->operator_id = d->actor_id;
	row_meta m;
	DB_TRY(row_insert(d, &unemp_followup_row, unemp_followup_bind, f, &m, e));
	f->id = m.id;
	f->version = m.version;
	f->chg_seq = m.chg_seq;
	memcpy(f->created_at, m.at, sizeof m.at);
	return ERR_OK;
}

#define UNEMP_FOLLOWUP_SELECT                                                                      \
	"SELECT id, reg_id, service_date, kind, note, operator_id, version, chg_seq, created_at "  \
	"FROM unemp_followups "

err_code unemp_followup_get(db *d, int64_t id, unemp_followup *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, UNEMP_FOLLOWUP_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	unemp_followup f;
	memset(&f, 0, sizeof f);
	DB_TRY(db_fetch_one(d, st, unemp_followup_read, &f, e));
	*out = f;
	return ERR_OK;
}

err_code unemp_followup_update(db *d, unemp_followup *f, err_info *e)
{
	if (d == NULL || f == NULL || f->id <= 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	unemp_followup cur;
	DB_TRY(unemp_followup_get(d, f->id, &cur, e));
	/* The registration and the operator who recorded it are not the editor's to change. */
	f->reg_id = cur.reg_id;
	f->operator_id = cur.operator_id;
	row_meta m;
	DB_TRY(
	    row_update(d, &unemp_followup_row, unemp_followup_bind, f, f->id, f->version, &m, e));
	f->version = m.version;
	f->chg_seq = m.chg_seq;
	return ERR_OK;
}

err_code unemp_followup_list_reg(db *d, int64_t reg_id, unemp_followup_list *out, err_info *e)
{
	if (out != NULL)
		*out = (unemp_followup_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d,
	            "SELECT id, reg_id, service_date, kind, note, operator_id, version, "
	            "chg_seq, created_at FROM unemp_followups WHERE reg_id = ?1 "
	            "ORDER BY service_date, id",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, reg_id);
	void *items = NULL;
	DB_TRY(
	    db_fetch_all(d, st, unemp_followup_read, sizeof(unemp_followup), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void unemp_followup_list_free(unemp_followup_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- search ---- */

#define UNEMP_HIT_SELECT                                                                           \
	"SELECT r.id, r.person_id, r.office, r.reg_date, r.hukou_kind, r.reason, "                 \
	"r.last_employer_id, r.last_employer_uscc, r.last_employer_name, r.involuntary, "          \
	"r.contrib_months, r.entitle_months, r.remain_months, r.difficulty, r.low_income, "        \
	"r.disability, r.graduate, r.wish_occupation, r.wish_industry, r.wish_wage, r.card_no, "   \
	"r.end_date, r.end_reason, r.new_employer_id, r.version, r.chg_seq, r.created_at, "        \
	"r.updated_at, p.id_no, p.name, p.sex, p.birth_date "                                      \
	"FROM unemp_regs r JOIN persons p ON p.id = r.person_id "

static void unemp_hit_read(sqlite3_stmt *st, void *item)
{
	unemp_hit *h = item;
	unemp_read(st, &h->reg);
	DB_COL_BUF(st, 28, h->id_no);
	DB_COL_BUF(st, 29, h->name);
	h->sex = sqlite3_column_int(st, 30);
	DB_COL_BUF(st, 31, h->birth_date);
}

/* The WHERE of a search, built from fixed fragments; ?n are bound from vals in order. */
typedef struct unemp_where {
	char sql[640];
	const char *vals[12];
	int blob_empty[12]; /* bind x'' (greater than any text) instead of vals[i] */
	int n;
} unemp_where;

static void unemp_where_add(unemp_where *w, const char *fragment)
{
	size_t used = strlen(w->sql);
	snprintf(w->sql + used, sizeof w->sql - used, "%s%s", used ? " AND " : "WHERE ", fragment);
}

/* Add "lo <= col < hi" for a prefix query. */
static void unemp_where_prefix(unemp_where *w, const char *col, const char *lo, const char *hi)
{
	char frag[96];
	snprintf(frag, sizeof frag, "%s >= ?%d AND %s < ?%d", col, w->n + 1, col, w->n + 2);
	unemp_where_add(w, frag);
	w->vals[w->n++] = lo;
	w->blob_empty[w->n] = hi[0] == '\0';
	w->vals[w->n++] = hi;
}

static void unemp_where_bind(sqlite3_stmt *st, const unemp_where *w)
{
	for (int i = 0; i < w->n; i++)
		if (w->blob_empty[i])
			sqlite3_bind_blob(st, i + 1, "", 0, SQLITE_STATIC);
		else
			sqlite3_bind_text(st, i + 1, w->vals[i], -1, SQLITE_STATIC);
}

err_code unemp_search(db *d, const unemp_filter *flt, size_t offset, size_t limit,
                      unemp_hit_list *out, size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (unemp_hit_list){0};
	if (total != NULL)
		*total = 0;
	if (d == NULL || out == NULL || flt == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	const char *query = flt->query ? flt->query : "";
	char q[128], hi[128];
	if (!db_fits(query, sizeof q))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_QUERY, msg_text(MSG_D_DB_MAX_BYTES),
		               sizeof q - 1);
	while (*query == ' ' || *query == '\t')
		query++;
	db_copy(q, sizeof q, query);
	size_t qn = strlen(q);
	while (qn > 0 && (q[qn - 1] == ' ' || q[qn - 1] == '\t'))
		q[--qn] = '\0';

	unemp_where w;
	memset(&w, 0, sizeof w);
	if (flt->office != NULL && flt->office[0] != '\0') {
		if (!db_fits(flt->office, 13))
			return err_set(e, ERR_INVALID_ARG, MSG_COL_OFFICE, NULL);
		char frag[32];
		snprintf(frag, sizeof frag, "r.office = ?%d", w.n + 1);
		unemp_where_add(&w, frag);
		w.vals[w.n++] = flt->office;
	}
	if (flt->status == UNEMP_OPEN)
		unemp_where_add(&w, "r.end_date IS NULL");
	else if (flt->status == UNEMP_ENDED)
		unemp_where_add(&w, "r.end_date IS NOT NULL");
	if (qn > 0) {
		/* Same reading of the query as person_search. */
		int digits = 1, letters = 1;
		for (size_t i = 0; i < qn; i++) {
			unsigned char ch = (unsigned char)q[i];
			digits &= isdigit(ch) || ((ch == 'X' || ch == 'x') && i > 0);
			letters &= ch < 0x80 && isalpha(ch);
		}
		for (size_t i = 0; i < qn; i++)
			q[i] = digits    ? (char)toupper((unsigned char)q[i])
			       : letters ? (char)tolower((unsigned char)q[i])
			                 : q[i];
		db_prefix_upper(q, hi, sizeof hi);
		unemp_where_prefix(&w,
		                   digits    ? "p.id_no"
		                   : letters ? "p.name_py"
		                             : "p.name",
		                   q, hi);
	}
	if (flt->category != NULL && flt->category[0] != '\0') {
		char frag[128];
		snprintf(frag, sizeof frag,
		         "EXISTS (SELECT 1 FROM unemp_reg_categories c WHERE c.reg_id = r.id AND "
		         "c.code = ?%d)",
		         w.n + 1);
		unemp_where_add(&w, frag);
		w.vals[w.n++] = flt->category;
	}
	if (flt->reg_to != NULL && flt->reg_to[0] != '\0') {
		char frag[32];
		snprintf(frag, sizeof frag, "r.reg_date <= ?%d", w.n + 1);
		unemp_where_add(&w, frag);
		w.vals[w.n++] = flt->reg_to;
	}

	char sql[1600];
	snprintf(sql, sizeof sql,
	         UNEMP_HIT_SELECT "%s ORDER BY r.reg_date DESC, r.id DESC LIMIT ?%d OFFSET ?%d",
	         w.sql, w.n + 1, w.n + 2);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (st == NULL)
		return e && e->code ? e->code : ERR_DB;
	unemp_where_bind(st, &w);
	sqlite3_bind_int64(st, w.n + 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	sqlite3_bind_int64(st, w.n + 2, offset > INT64_MAX ? INT64_MAX : (int64_t)offset);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, unemp_hit_read, sizeof(unemp_hit), &items, &out->n, e));
	out->items = items;
	err_code c = ERR_OK;
	for (size_t i = 0; i < out->n && c == ERR_OK; i++)
		c = unemp_read_categories(d, &out->items[i].reg, e);
	if (c == ERR_OK && total != NULL) {
		snprintf(
		    sql, sizeof sql,
		    "SELECT count(*) FROM (SELECT 1 FROM unemp_regs r JOIN persons p ON p.id = "
		    "r.person_id %s LIMIT ?%d)",
		    w.sql, w.n + 1);
		st = db_stmt(d, sql, e);
		c = st ? ERR_OK : (e && e->code ? e->code : ERR_DB);
		if (c == ERR_OK) {
			unemp_where_bind(st, &w);
			sqlite3_bind_int64(st, w.n + 1, (int64_t)db_count_bound(offset, limit) + 1);
			int64_t count = 0;
			c = db_fetch_int(d, st, &count, e);
			*total = (size_t)count;
		}
	}
	if (c != ERR_OK)
		unemp_hit_list_free(out);
	return c;
}

void unemp_hit_list_free(unemp_hit_list *l)
{
	DB_LIST_FREE(l);
}

err_code unemp_card_max_seq(db *d, const char *glob, int seq_at, int seq_len, long *out,
                            err_info *e)
{
	if (out != NULL)
		*out = 0;
	if (d == NULL || glob == NULL || out == NULL || seq_at < 0 || seq_len < 1 || seq_len > 9)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_CARD_NO, NULL);
	sqlite3_stmt *st =
	    db_stmt(d,
	            "SELECT coalesce(max(CAST(substr(card_no, ?2, ?3) AS INTEGER)), 0) "
	            "FROM unemp_regs WHERE card_no GLOB ?1",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, glob, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, seq_at + 1);
	sqlite3_bind_int(st, 3, seq_len);
	int64_t max = 0;
	DB_TRY(db_fetch_int(d, st, &max, e));
	*out = (long)max;
	return ERR_OK;
}
