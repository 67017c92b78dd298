/*
 * employer — the employer repository (see employer.h). Searches are range
 * queries on indexed columns, as in person.c.
 */
#include "db/employer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static const char *const employer_cols[] = {
    "uscc",    "org_code",  "reg_no",  "name",  "name_py",     "econ_type", "industry", "area_code",
    "address", "legal_rep", "contact", "phone", "staff_count", "office",    NULL,
};
static const row_desc employer_row = {.table = "employers",
                                      .cols = employer_cols,
                                      .key = "coalesce(uscc, org_code)",
                                      .flags = ROW_AUDIT | ROW_EXPORT};

#define EMPLOYER_SELECT                                                                            \
	"SELECT id, uscc, org_code, reg_no, name, name_py, econ_type, industry, area_code, "       \
	"address, legal_rep, contact, phone, staff_count, office, version, chg_seq, created_at, "  \
	"updated_at FROM employers "

static void employer_read(sqlite3_stmt *st, void *item)
{
	employer *p = item;
	p->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, p->uscc);
	DB_COL_BUF(st, 2, p->org_code);
	DB_COL_BUF(st, 3, p->reg_no);
	DB_COL_BUF(st, 4, p->name);
	DB_COL_BUF(st, 5, p->name_py);
	DB_COL_BUF(st, 6, p->econ_type);
	DB_COL_BUF(st, 7, p->industry);
	DB_COL_BUF(st, 8, p->area_code);
	DB_COL_BUF(st, 9, p->address);
	DB_COL_BUF(st, 10, p->legal_rep);
	DB_COL_BUF(st, 11, p->contact);
	DB_COL_BUF(st, 12, p->phone);
	p->staff_count = sqlite3_column_int(st, 13);
	DB_COL_BUF(st, 14, p->office);
	row_read_meta(st, 15, &p->version, &p->chg_seq, p->created_at, p->updated_at);
}

static err_code employer_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const employer *p = rec;
	DB_TRY(DB_BIND_BUF(st, 1, p->uscc, MSG_F_USCC, e));
	DB_TRY(DB_BIND_BUF(st, 2, p->org_code, MSG_COL_ORG_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 3, p->reg_no, MSG_COL_REG_NO, e));
	DB_TRY(DB_BIND_BUF(st, 4, p->name, MSG_COL_EMPLOYER_NAME, e));
	if (!db_fits(p->name_py, sizeof p->name_py))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_EMPLOYER_PY, NULL);
	sqlite3_bind_text(st, 5, p->name_py, -1, SQLITE_STATIC);
	DB_TRY(DB_BIND_BUF(st, 6, p->econ_type, MSG_COL_ECON_TYPE, e));
	DB_TRY(DB_BIND_BUF(st, 7, p->industry, MSG_COL_INDUSTRY, e));
	DB_TRY(DB_BIND_BUF(st, 8, p->area_code, MSG_COL_AREA_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 9, p->address, MSG_COL_ADDRESS, e));
	DB_TRY(DB_BIND_BUF(st, 10, p->legal_rep, MSG_COL_LEGAL_REP, e));
	DB_TRY(DB_BIND_BUF(st, 11, p->contact, MSG_COL_CONTACT, e));
	DB_TRY(DB_BIND_BUF(st, 12, p->phone, MSG_F_PHONE, e));
	sqlite3_bind_int(st, 13, p->staff_count);
	DB_TRY(DB_BIND_BUF(st, 14, p->office, MSG_COL_OFFICE, e));
	return ERR_OK;
}

err_code employer_get(db *d, int64_t id, employer *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, EMPLOYER_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, employer_read, out, e);
}

err_code employer_find_by_uscc(db *d, const char *uscc, employer *out, err_info *e)
{
	if (d == NULL || out == NULL || uscc == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_F_USCC, NULL);
	sqlite3_stmt *st = db_stmt(d, EMPLOYER_SELECT "WHERE uscc = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, uscc, 18, MSG_F_USCC, e));
	err_code c = db_fetch_one(d, st, employer_read, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, ERR_NOT_FOUND, MSG_F_USCC, "%s", uscc);
	return c;
}

static void employer_set_meta(employer *p, const row_meta *m, int insert)
{
	if (insert) {
		p->id = m->id;
		memcpy(p->created_at, m->at, sizeof m->at);
	}
	p->version = m->version;
	p->chg_seq = m->chg_seq;
	memcpy(p->updated_at, m->at, sizeof m->at);
}

err_code employer_insert(db *d, employer *emp, err_info *e)
{
	if (d == NULL || emp == NULL || emp->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code c = row_insert(d, &employer_row, employer_bind, emp, &m, e);
	if (c == ERR_DB_DUPLICATE)
		return err_set(e, c, MSG_F_USCC, "%s", emp->uscc);
	if (c == ERR_OK)
		employer_set_meta(emp, &m, 1);
	return c;
}

err_code employer_update(db *d, employer *emp, err_info *e)
{
	if (d == NULL || emp == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code c = row_update(d, &employer_row, employer_bind, emp, emp->id, emp->version, &m, e);
	if (c == ERR_DB_DUPLICATE)
		return err_set(e, c, MSG_F_USCC, "%s", emp->uscc);
	if (c == ERR_OK)
		employer_set_meta(emp, &m, 0);
	return c;
}

#define EMPLOYER_ORDER " ORDER BY name, id LIMIT ?3 OFFSET ?4"
#define EMPLOYER_COUNT(where) "SELECT count(*) FROM (SELECT 1 FROM employers " where " LIMIT ?3)"

static const struct employer_query {
	const char *list;
	const char *count;
} employer_queries[] = {
    {EMPLOYER_SELECT "WHERE 1 = 1" EMPLOYER_ORDER, EMPLOYER_COUNT("WHERE 1 = 1")},
    {EMPLOYER_SELECT "WHERE uscc >= ?1 AND uscc < ?2" EMPLOYER_ORDER,
     EMPLOYER_COUNT("WHERE uscc >= ?1 AND uscc < ?2")},
    {EMPLOYER_SELECT "WHERE name_py >= ?1 AND name_py < ?2" EMPLOYER_ORDER,
     EMPLOYER_COUNT("WHERE name_py >= ?1 AND name_py < ?2")},
    {EMPLOYER_SELECT "WHERE name >= ?1 AND name < ?2" EMPLOYER_ORDER,
     EMPLOYER_COUNT("WHERE name >= ?1 AND name < ?2")},
};

enum { EMPLOYER_Q_ALL, EMPLOYER_Q_USCC, EMPLOYER_Q_PY, EMPLOYER_Q_NAME };

err_code employer_search(db *d, const char *query, size_t offset, size_t limit, employer_list *out,
                         size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (employer_list){0};
	if (total != NULL)
		*total = 0;
	if (d == NULL || out == NULL || query == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_QUERY, NULL);
	char q[128];
	if (!db_fits(query, sizeof q))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_QUERY, msg_text(MSG_D_DB_MAX_BYTES),
		               sizeof q - 1);
	while (*query == ' ' || *query == '\t')
		query++;
	db_copy(q, sizeof q, query);
	size_t n = strlen(q);
	while (n > 0 && (q[n - 1] == ' ' || q[n - 1] == '\t'))
		q[--n] = '\0';
	int kind = EMPLOYER_Q_ALL;
	if (n > 0) {
		int alnum = 1, letters = 1;
		for (size_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)q[i];
			alnum &= ch < 0x80 && isalnum(ch);
			letters &= ch < 0x80 && isalpha(ch);
		}
		kind = letters ? EMPLOYER_Q_PY : alnum ? EMPLOYER_Q_USCC : EMPLOYER_Q_NAME;
		for (size_t i = 0; i < n; i++)
			if (kind == EMPLOYER_Q_USCC)
				q[i] = (char)toupper((unsigned char)q[i]);
			else if (kind == EMPLOYER_Q_PY)
				q[i] = (char)tolower((unsigned char)q[i]);
	}
	char hi[sizeof q];
	db_prefix_upper(q, hi, sizeof hi);
	void *items = NULL;
	size_t count = 0;
	DB_TRY(db_page(d, employer_queries[kind].list, employer_queries[kind].count,
	               kind == EMPLOYER_Q_ALL ? NULL : q, hi, offset, limit, employer_read,
	               sizeof(employer), &items, &count, total, e));
	out->items = items;
	out->n = count;
	return ERR_OK;
}

void employer_list_free(employer_list *l)
{
	DB_LIST_FREE(l);
}
