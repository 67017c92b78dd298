/*
 * person — the person repository (see person.h).
 *
 * Prefix searches are range queries, x >= prefix AND x < upper bound, with
 * the bound computed by db_prefix_upper(). A range uses the plain indexes
 * persons_name(name, id_no) and persons_py(name_py, …) whatever
 * case_sensitive_like says, and treats % _ ' " ; as ordinary characters, as
 * LIKE would not.
 */
#include "db/person.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

static const char *const person_cols[] = {
    "id_no",     "name",       "name_py",    "sex",     "birth_date", "ethnicity",
    "education", "hukou_type", "hukou_area", "marital", "politics",   "phone",
    "address",   "email",      "office",     "remark",  NULL,
};

static const row_desc person_row = {
    .table = "persons", .cols = person_cols, .key = "id_no", .flags = ROW_AUDIT | ROW_EXPORT};

#define PERSON_SELECT                                                                              \
	"SELECT id, id_no, name, name_py, sex, birth_date, ethnicity, education, hukou_type, "     \
	"hukou_area, marital, politics, phone, address, email, office, remark, version, chg_seq, " \
	"created_at, updated_at FROM persons "

static void person_read(sqlite3_stmt *st, void *item)
{
	person *p = item;
	p->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, p->id_no);
	DB_COL_BUF(st, 2, p->name);
	DB_COL_BUF(st, 3, p->name_py);
	p->sex = sqlite3_column_int(st, 4);
	DB_COL_BUF(st, 5, p->birth_date);
	DB_COL_BUF(st, 6, p->ethnicity);
	DB_COL_BUF(st, 7, p->education);
	DB_COL_BUF(st, 8, p->hukou_type);
	DB_COL_BUF(st, 9, p->hukou_area);
	DB_COL_BUF(st, 10, p->marital);
	DB_COL_BUF(st, 11, p->politics);
	DB_COL_BUF(st, 12, p->phone);
	DB_COL_BUF(st, 13, p->address);
	DB_COL_BUF(st, 14, p->email);
	DB_COL_BUF(st, 15, p->office);
	DB_COL_BUF(st, 16, p->remark);
	row_read_meta(st, 17, &p->version, &p->chg_seq, p->created_at, p->updated_at);
}

static err_code person_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const person *p = rec;
	DB_TRY(DB_BIND_BUF(st, 1, p->id_no, MSG_F_ID_NO, e));
	DB_TRY(DB_BIND_BUF(st, 2, p->name, MSG_F_NAME, e));
	/* Initials are never NULL: "" when the caller computed none. */
	if (!db_fits(p->name_py, sizeof p->name_py))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_NAME_PY, NULL);
	sqlite3_bind_text(st, 3, p->name_py, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, p->sex);
	DB_TRY(DB_BIND_BUF(st, 5, p->birth_date, MSG_F_BIRTH_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 6, p->ethnicity, MSG_COL_ETHNICITY, e));
	DB_TRY(DB_BIND_BUF(st, 7, p->education, MSG_COL_EDUCATION, e));
	DB_TRY(DB_BIND_BUF(st, 8, p->hukou_type, MSG_COL_HUKOU_TYPE, e));
	DB_TRY(DB_BIND_BUF(st, 9, p->hukou_area, MSG_COL_HUKOU_AREA, e));
	DB_TRY(DB_BIND_BUF(st, 10, p->marital, MSG_COL_MARITAL, e));
	DB_TRY(DB_BIND_BUF(st, 11, p->politics, MSG_COL_POLITICS, e));
	DB_TRY(DB_BIND_BUF(st, 12, p->phone, MSG_F_PHONE, e));
	DB_TRY(DB_BIND_BUF(st, 13, p->address, MSG_COL_ADDRESS, e));
	DB_TRY(DB_BIND_BUF(st, 14, p->email, MSG_COL_EMAIL, e));
	DB_TRY(DB_BIND_BUF(st, 15, p->office, MSG_COL_OFFICE, e));
	DB_TRY(DB_BIND_BUF(st, 16, p->remark, MSG_COL_REMARK, e));
	return ERR_OK;
}

err_code person_get(db *d, int64_t id, person *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, PERSON_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, person_read, out, e);
}

err_code person_find_by_id_no(db *d, const char *id_no, person *out, err_info *e)
{
	if (d == NULL || out == NULL || id_no == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_F_ID_NO, NULL);
	sqlite3_stmt *st = db_stmt(d, PERSON_SELECT "WHERE id_no = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, id_no, 18, MSG_F_ID_NO, e));
	err_code c = db_fetch_one(d, st, person_read, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, ERR_NOT_FOUND, MSG_F_ID_NO, "%s", id_no);
	return c;
}

err_code person_insert(db *d, person *p, err_info *e)
{
	if (d == NULL || p == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (p->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "person already has id %lld",
		               (long long)p->id);
	row_meta m;
	err_code c = row_insert(d, &person_row, person_bind, p, &m, e);
	if (c == ERR_DB_DUPLICATE && e != NULL && e->field == MSG_F_ID_NO)
		err_set(e, ERR_DB_DUPLICATE, MSG_F_ID_NO, "%s", p->id_no);
	if (c != ERR_OK)
		return c;
	p->id = m.id;
	p->version = m.version;
	p->chg_seq = m.chg_seq;
	memcpy(p->created_at, m.at, sizeof p->created_at);
	memcpy(p->updated_at, m.at, sizeof p->updated_at);
	return ERR_OK;
}

err_code person_update(db *d, person *p, err_info *e)
{
	if (d == NULL || p == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code c = row_update(d, &person_row, person_bind, p, p->id, p->version, &m, e);
	if (c == ERR_DB_DUPLICATE && e != NULL && e->field == MSG_F_ID_NO)
		err_set(e, ERR_DB_DUPLICATE, MSG_F_ID_NO, "%s", p->id_no);
	if (c != ERR_OK)
		return c;
	p->version = m.version;
	p->chg_seq = m.chg_seq;
	memcpy(p->updated_at, m.at, sizeof p->updated_at);
	return ERR_OK;
}

/*
 * Each search walks one index in its own order and stops after the page, so
 * a page costs the same with a hundred matches or a hundred thousand: the
 * ID range is read in ID order, the initials range in persons_py order
 * (initials, then name, then ID: "zs" lists every 张三 before 张三丰), a
 * name prefix and the empty query in persons_name order. Sorting a range by
 * name instead would read and sort every match before the first row.
 */
#define PERSON_PAGE " LIMIT ?3 OFFSET ?4"
#define PERSON_COUNT(where) "SELECT count(*) FROM (SELECT 1 FROM persons " where " LIMIT ?3)"

/* The columns of a person_brief. */
#define PERSON_BRIEF "SELECT id, id_no, name, phone, address FROM persons "

enum { PERSON_Q_ALL, PERSON_Q_ID, PERSON_Q_PY, PERSON_Q_NAME };

static const struct person_query {
	const char *full;  /* whole records, for person_search */
	const char *brief; /* the columns of person_brief */
	const char *count;
} person_queries[] = {
    [PERSON_Q_ALL] = {PERSON_SELECT "WHERE 1 = 1 ORDER BY name, id_no" PERSON_PAGE,
                      PERSON_BRIEF "WHERE 1 = 1 ORDER BY name, id_no" PERSON_PAGE,
                      PERSON_COUNT("WHERE 1 = 1")},
    [PERSON_Q_ID] = {PERSON_SELECT "WHERE id_no >= ?1 AND id_no < ?2 ORDER BY id_no" PERSON_PAGE,
                     PERSON_BRIEF "WHERE id_no >= ?1 AND id_no < ?2 ORDER BY id_no" PERSON_PAGE,
                     PERSON_COUNT("WHERE id_no >= ?1 AND id_no < ?2")},
    [PERSON_Q_PY] = {PERSON_SELECT "WHERE name_py >= ?1 AND name_py < ?2 "
                                   "ORDER BY name_py, name, id_no" PERSON_PAGE,
                     PERSON_BRIEF "WHERE name_py >= ?1 AND name_py < ?2 "
                                  "ORDER BY name_py, name, id_no" PERSON_PAGE,
                     PERSON_COUNT("WHERE name_py >= ?1 AND name_py < ?2")},
    [PERSON_Q_NAME] = {PERSON_SELECT
                       "WHERE name >= ?1 AND name < ?2 ORDER BY name, id_no" PERSON_PAGE,
                       PERSON_BRIEF
                       "WHERE name >= ?1 AND name < ?2 ORDER BY name, id_no" PERSON_PAGE,
                       PERSON_COUNT("WHERE name >= ?1 AND name < ?2")},
};

/*
 * What the user typed → the kind of search, with q (trimmed, case-folded)
 * and hi the range q <= x < hi. ERR_DB_TOO_LONG for an over-long query.
 */
static err_code person_query_kind(const char *query, char q[128], char hi[128], int *kind,
                                  err_info *e)
{
	if (!db_fits(query, 128))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_QUERY, msg_text(MSG_D_DB_MAX_BYTES_INT),
		               127);
	/* Trim ASCII spaces the user may have typed around the query. */
	while (*query == ' ' || *query == '\t')
		query++;
	db_copy(q, 128, query);
	size_t n = strlen(q);
	while (n > 0 && (q[n - 1] == ' ' || q[n - 1] == '\t'))
		q[--n] = '\0';

	*kind = PERSON_Q_ALL;
	if (n > 0) {
		int digits = 1, letters = 1;
		for (size_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)q[i];
			digits &= isdigit(ch) || ((ch == 'X' || ch == 'x') && i > 0);
			letters &= ch < 0x80 && isalpha(ch);
		}
		*kind = digits ? PERSON_Q_ID : letters ? PERSON_Q_PY : PERSON_Q_NAME;
		for (size_t i = 0; i < n; i++)
			if (*kind == PERSON_Q_ID)
				q[i] = (char)toupper((unsigned char)q[i]);
			else if (*kind == PERSON_Q_PY)
				q[i] = (char)tolower((unsigned char)q[i]);
	}
	db_prefix_upper(q, hi, 128);
	return ERR_OK;
}

err_code person_search(db *d, const char *query, size_t offset, size_t limit, person_list *out,
                       size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (person_list){0};
	if (total != NULL)
		*total = 0;
	if (d == NULL || out == NULL || query == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_QUERY, NULL);
	char q[128], hi[128];
	int kind;
	DB_TRY(person_query_kind(query, q, hi, &kind, e));
	void *items = NULL;
	size_t count = 0;
	DB_TRY(db_page(d, person_queries[kind].full, person_queries[kind].count,
	               kind == PERSON_Q_ALL ? NULL : q, hi, offset, limit, person_read,
	               sizeof(person), &items, &count, total, e));
	out->items = items;
	out->n = count;
	return ERR_OK;
}

static void person_brief_read(sqlite3_stmt *st, void *item)
{
	person_brief *b = item;
	b->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, b->id_no);
	DB_COL_BUF(st, 2, b->name);
	DB_COL_BUF(st, 3, b->phone);
	DB_COL_BUF(st, 4, b->address);
	/*
	 * The schema's CHECKs hold sex and birth_date equal to what the ID
	 * says, so they are taken from the ID instead of two more columns.
	 */
	const char *id = b->id_no;
	if (strlen(id) == 18) {
		b->sex = (id[16] - '0') % 2 ? 1 : 2;
		char *bd = b->birth_date;
		memcpy(bd, id + 6, 4);
		bd[4] = '-';
		memcpy(bd + 5, id + 10, 2);
		bd[7] = '-';
		memcpy(bd + 8, id + 12, 2);
		bd[10] = '\0';
	}
}

err_code person_search_brief(db *d, const char *query, size_t offset, size_t limit,
                             person_brief_list *out, size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (person_brief_list){0};
	if (total != NULL)
		*total = 0;
	if (d == NULL || out == NULL || query == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_QUERY, NULL);
	char q[128], hi[128];
	int kind;
	DB_TRY(person_query_kind(query, q, hi, &kind, e));
	void *items = NULL;
	size_t count = 0;
	DB_TRY(db_page(d, person_queries[kind].brief, person_queries[kind].count,
	               kind == PERSON_Q_ALL ? NULL : q, hi, offset, limit, person_brief_read,
	               sizeof(person_brief), &items, &count, total, e));
	out->items = items;
	out->n = count;
	return ERR_OK;
}

void person_brief_list_free(person_brief_list *l)
{
	DB_LIST_FREE(l);
}

void person_list_free(person_list *l)
{
	DB_LIST_FREE(l);
}
