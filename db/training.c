/*
 * training — the training repository (see training.h).
 */
#include "db/training.h"

#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"

/* ---- classes ---- */

static const char *const training_class_cols[] = {
    "code",     "name",  "type",     "occupation", "level",  "start_date", "end_date",
    "capacity", "hours", "provider", "office",     "status", NULL,
};
static const row_desc training_class_row = {
    .table = "training_classes",
    .cols = training_class_cols,
    .key = "code",
    .flags = ROW_AUDIT | ROW_EXPORT,
};

#define TRAINING_CLASS_SELECT                                                                      \
	"SELECT id, code, name, type, occupation, level, start_date, end_date, capacity, hours, "  \
	"provider, office, status, version, chg_seq, created_at, updated_at FROM "                 \
	"training_classes "

static void training_class_read(sqlite3_stmt *st, void *item)
{
	training_class *c = item;
	c->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, c->code);
	DB_COL_BUF(st, 2, c->name);
	DB_COL_BUF(st, 3, c->type);
	DB_COL_BUF(st, 4, c->occupation);
	DB_COL_BUF(st, 5, c->level);
	DB_COL_BUF(st, 6, c->start_date);
	DB_COL_BUF(st, 7, c->end_date);
	c->capacity = sqlite3_column_int(st, 8);
	c->hours = sqlite3_column_int(st, 9);
	DB_COL_BUF(st, 10, c->provider);
	DB_COL_BUF(st, 11, c->office);
	DB_COL_BUF(st, 12, c->status);
	row_read_meta(st, 13, &c->version, &c->chg_seq, c->created_at, c->updated_at);
}

static err_code training_class_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const training_class *c = rec;
	DB_TRY(DB_BIND_BUF(st, 1, c->code, MSG_COL_CLASS_CODE, e));
	DB_TRY(DB_BIND_BUF(st, 2, c->name, MSG_COL_CLASS_NAME, e));
	DB_TRY(DB_BIND_BUF(st, 3, c->type, MSG_COL_TRAINING_TYPE, e));
	DB_TRY(DB_BIND_BUF(st, 4, c->occupation, MSG_COL_OCCUPATION, e));
	DB_TRY(DB_BIND_BUF(st, 5, c->level, MSG_COL_SKILL_LEVEL, e));
	DB_TRY(DB_BIND_BUF(st, 6, c->start_date, MSG_COL_START_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 7, c->end_date, MSG_COL_END_DATE, e));
	sqlite3_bind_int(st, 8, c->capacity);
	sqlite3_bind_int(st, 9, c->hours);
	DB_TRY(DB_BIND_BUF(st, 10, c->provider, MSG_COL_PROVIDER, e));
	DB_TRY(DB_BIND_BUF(st, 11, c->office, MSG_COL_OFFICE, e));
	if (!db_fits(c->status, sizeof c->status))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_STATUS, NULL);
	sqlite3_bind_text(st, 12, c->status[0] ? c->status : TRAINING_OPEN, -1, SQLITE_STATIC);
	return ERR_OK;
}

err_code training_class_insert(db *d, training_class *c, err_info *e)
{
	if (d == NULL || c == NULL || c->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code rc = row_insert(d, &training_class_row, training_class_bind, c, &m, e);
	if (rc == ERR_DB_DUPLICATE)
		return err_set(e, rc, MSG_COL_CLASS_CODE, "%s", c->code);
	if (rc != ERR_OK)
		return rc;
	c->id = m.id;
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	if (c->status[0] == '\0')
		db_copy(c->status, sizeof c->status, TRAINING_OPEN);
	memcpy(c->created_at, m.at, sizeof m.at);
	memcpy(c->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code training_class_update(db *d, training_class *c, err_info *e)
{
	if (d == NULL || c == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	err_code rc =
	    row_update(d, &training_class_row, training_class_bind, c, c->id, c->version, &m, e);
	if (rc == ERR_DB_DUPLICATE)
		return err_set(e, rc, MSG_COL_CLASS_CODE, "%s", c->code);
	if (rc != ERR_OK)
		return rc;
	c->version = m.version;
	c->chg_seq = m.chg_seq;
	memcpy(c->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code training_class_get(db *d, int64_t id, training_class *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, TRAINING_CLASS_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, training_class_read, out, e);
}

err_code training_class_find(db *d, const char *code, training_class *out, err_info *e)
{
	if (d == NULL || out == NULL || code == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_CLASS_CODE, NULL);
	sqlite3_stmt *st = db_stmt(d, TRAINING_CLASS_SELECT "WHERE code = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	DB_TRY(db_bind_str(st, 1, code, 20, MSG_COL_CLASS_CODE, e));
	err_code c = db_fetch_one(d, st, training_class_read, out, e);
	if (c == ERR_NOT_FOUND)
		err_set(e, c, MSG_COL_CLASS_CODE, "%s", code);
	return c;
}

err_code training_class_list_office(db *d, const char *office, size_t offset, size_t limit,
                                    training_class_list *out, size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (training_class_list){0};
	if (d == NULL || out == NULL || office == NULL || !db_fits(office, 13))
		return err_set(e, ERR_INVALID_ARG, MSG_COL_OFFICE, NULL);
	void *items = NULL;
	DB_TRY(db_page(d,
	               TRAINING_CLASS_SELECT "WHERE office = ?1 ORDER BY start_date DESC, id DESC "
	                                     "LIMIT ?3 OFFSET ?4",
	               "SELECT count(*) FROM (SELECT 1 FROM training_classes WHERE office = ?1 "
	               "LIMIT ?3)",
	               office, NULL, offset, limit, training_class_read, sizeof(training_class),
	               &items, &out->n, total, e));
	out->items = items;
	return ERR_OK;
}

void training_class_list_free(training_class_list *l)
{
	DB_LIST_FREE(l);
}

err_code training_class_taken(db *d, int64_t class_id, int *taken, err_info *e)
{
	if (d == NULL || taken == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT count(*) FROM training_enrollments WHERE class_id = ?1 "
	                           "AND status IN ('enrolled', 'completed')",
	                           e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, class_id);
	int64_t n = 0;
	DB_TRY(db_fetch_int(d, st, &n, e));
	*taken = (int)n;
	return ERR_OK;
}

/* ---- enrollments ---- */

static const char *const training_enrollment_cols[] = {
    "class_id", "person_id",  "enroll_date", "status", "result",
    "cert_no",  "cert_level", "cert_date",   NULL,
};
static const row_desc training_enrollment_row = {
    .table = "training_enrollments",
    .cols = training_enrollment_cols,
    .key = "(SELECT code FROM training_classes WHERE id = class_id) || '/' || "
           "(SELECT id_no FROM persons WHERE id = person_id)",
    .flags = ROW_AUDIT | ROW_EXPORT,
};

#define TRAINING_ENROLLMENT_SELECT                                                                 \
	"SELECT id, class_id, person_id, enroll_date, status, result, cert_no, cert_level, "       \
	"cert_date, version, chg_seq, created_at, updated_at FROM training_enrollments "

static void training_enrollment_read(sqlite3_stmt *st, void *item)
{
	training_enrollment *en = item;
	en->id = sqlite3_column_int64(st, 0);
	en->class_id = sqlite3_column_int64(st, 1);
	en->person_id = sqlite3_column_int64(st, 2);
	DB_COL_BUF(st, 3, en->enroll_date);
	DB_COL_BUF(st, 4, en->status);
	DB_COL_BUF(st, 5, en->result);
	DB_COL_BUF(st, 6, en->cert_no);
	DB_COL_BUF(st, 7, en->cert_level);
	DB_COL_BUF(st, 8, en->cert_date);
	row_read_meta(st, 9, &en->version, &en->chg_seq, en->created_at, en->updated_at);
}

static err_code training_enrollment_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const training_enrollment *en = rec;
	sqlite3_bind_int64(st, 1, en->class_id);
	sqlite3_bind_int64(st, 2, en->person_id);
	DB_TRY(DB_BIND_BUF(st, 3, en->enroll_date, MSG_COL_ENROLL_DATE, e));
	if (!db_fits(en->status, sizeof en->status))
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_STATUS, NULL);
	sqlite3_bind_text(st, 4, en->status[0] ? en->status : TRAINING_ENROLLED, -1, SQLITE_STATIC);
	DB_TRY(DB_BIND_BUF(st, 5, en->result, MSG_COL_RESULT, e));
	DB_TRY(DB_BIND_BUF(st, 6, en->cert_no, MSG_COL_CERT_NO, e));
	DB_TRY(DB_BIND_BUF(st, 7, en->cert_level, MSG_COL_CERT_LEVEL, e));
	DB_TRY(DB_BIND_BUF(st, 8, en->cert_date, MSG_COL_CERT_DATE, e));
	return ERR_OK;
}

static err_code training_enroll_check(db *d, const training_enrollment *en, err_info *e)
{
	training_class c;
	err_code rc = training_class_get(d, en->class_id, &c, e);
	if (rc == ERR_NOT_FOUND)
		return err_set(e, ERR_DB_REFERENCE, MSG_COL_CLASS_CODE, "#%lld",
		               (long long)en->class_id);
	if (rc != ERR_OK)
		return rc;
	if (strcmp(c.status, TRAINING_FINISHED) == 0 || strcmp(c.status, TRAINING_CANCELLED) == 0)
		return err_set(e, ERR_TRAIN_CLOSED, MSG_COL_CLASS_CODE, "%s", c.code);
	int taken = 0;
	DB_TRY(training_class_taken(d, c.id, &taken, e));
	if (taken >= c.capacity)
		return err_set(e, ERR_TRAIN_FULL, MSG_COL_CAPACITY, msg_text(MSG_D_TRAIN_FULL),
		               c.code, c.capacity, taken);
	return ERR_OK;
}

err_code training_enroll(db *d, training_enrollment *en, err_info *e)
{
	if (d == NULL || en == NULL || en->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	DB_TRY(db_begin(d, e));
	err_code c = training_enroll_check(d, en, e);
	row_meta m;
	if (c == ERR_OK) {
		c = row_insert(d, &training_enrollment_row, training_enrollment_bind, en, &m, e);
		if (c == ERR_DB_DUPLICATE)
			c = err_set(e, ERR_TRAIN_ENROLLED, MSG_COL_PERSON, NULL);
	}
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	if (c != ERR_OK)
		return c;
	en->id = m.id;
	en->version = m.version;
	en->chg_seq = m.chg_seq;
	if (en->status[0] == '\0')
		db_copy(en->status, sizeof en->status, TRAINING_ENROLLED);
	memcpy(en->created_at, m.at, sizeof m.at);
	memcpy(en->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code training_enrollment_update(db *d, training_enrollment *en, err_info *e)
{
	if (d == NULL || en == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_update(d, &training_enrollment_row, training_enrollment_bind, en, en->id,
	                  en->version, &m, e));
	en->version = m.version;
	en->chg_seq = m.chg_seq;
	memcpy(en->updated_at, m.at, sizeof m.at);
	return ERR_OK;
}

err_code training_enrollment_get(db *d, int64_t id, training_enrollment *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, TRAINING_ENROLLMENT_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, training_enrollment_read, out, e);
}

static err_code training_enrollment_fetch_list(db *d, const char *sql, int64_t key,
                                               training_enrollment_list *out, err_info *e)
{
	if (out != NULL)
		*out = (training_enrollment_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, key);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, training_enrollment_read, sizeof(training_enrollment), &items,
	                    &out->n, e));
	out->items = items;
	return ERR_OK;
}

err_code training_enrollment_list_class(db *d, int64_t class_id, training_enrollment_list *out,
                                        err_info *e)
{
	return training_enrollment_fetch_list(
	    d, TRAINING_ENROLLMENT_SELECT "WHERE class_id = ?1 ORDER BY enroll_date, id", class_id,
	    out, e);
}

err_code training_enrollment_list_person(db *d, int64_t person_id, training_enrollment_list *out,
                                         err_info *e)
{
	return training_enrollment_fetch_list(
	    d, TRAINING_ENROLLMENT_SELECT "WHERE person_id = ?1 ORDER BY enroll_date DESC, id DESC",
	    person_id, out, e);
}

void training_enrollment_list_free(training_enrollment_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- attendance ---- */

static const char *const training_attendance_cols[] = {"enrollment_id", "day", "present", NULL};
static const row_desc training_attendance_row = {
    .table = "training_attendance",
    .cols = training_attendance_cols,
    .key = "enrollment_id || '/' || day",
    .flags = ROW_AUDIT | ROW_EXPORT,
};

static err_code training_attendance_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const training_attendance *a = rec;
	sqlite3_bind_int64(st, 1, a->enrollment_id);
	DB_TRY(DB_BIND_BUF(st, 2, a->day, MSG_F_DATE, e));
	sqlite3_bind_int(st, 3, a->present ? 1 : 0);
	return ERR_OK;
}

static void training_attendance_read(sqlite3_stmt *st, void *item)
{
	training_attendance *a = item;
	a->id = sqlite3_column_int64(st, 0);
	a->enrollment_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, a->day);
	a->present = sqlite3_column_int(st, 3);
	a->version = sqlite3_column_int64(st, 4);
}

#define TRAINING_ATTENDANCE_SELECT                                                                 \
	"SELECT id, enrollment_id, day, present, version FROM training_attendance "

err_code training_attendance_set(db *d, int64_t enrollment_id, const char *day, int present,
                                 err_info *e)
{
	if (d == NULL || day == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_F_DATE, NULL);
	training_attendance a = {0};
	a.enrollment_id = enrollment_id;
	if (!db_fits(day, sizeof a.day))
		return err_set(e, ERR_DB_TOO_LONG, MSG_F_DATE, NULL);
	db_copy(a.day, sizeof a.day, day);
	a.present = present;
	DB_TRY(db_begin(d, e));
	training_attendance cur;
	sqlite3_stmt *st =
	    db_stmt(d, TRAINING_ATTENDANCE_SELECT "WHERE enrollment_id = ?1 AND day = ?2", e);
	err_code c = st ? ERR_OK : (e ? e->code : ERR_DB);
	if (c == ERR_OK) {
		sqlite3_bind_int64(st, 1, enrollment_id);
		sqlite3_bind_text(st, 2, a.day, -1, SQLITE_STATIC);
		c = db_fetch_one(d, st, training_attendance_read, &cur, e);
	}
	if (c == ERR_OK)
		c = row_update(d, &training_attendance_row, training_attendance_bind, &a, cur.id,
		               cur.version, NULL, e);
	else if (c == ERR_NOT_FOUND)
		c = row_insert(d, &training_attendance_row, training_attendance_bind, &a, NULL, e);
	if (c == ERR_OK)
		return db_commit(d, e);
	db_rollback(d);
	return c;
}

err_code training_attendance_list_enrollment(db *d, int64_t enrollment_id,
                                             training_attendance_list *out, err_info *e)
{
	if (out != NULL)
		*out = (training_attendance_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d, TRAINING_ATTENDANCE_SELECT "WHERE enrollment_id = ?1 ORDER BY day", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, enrollment_id);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, training_attendance_read, sizeof(training_attendance), &items,
	                    &out->n, e));
	out->items = items;
	return ERR_OK;
}

void training_attendance_list_free(training_attendance_list *l)
{
	DB_LIST_FREE(l);
}

/* ---- assessments ---- */

static const char *const training_assessment_cols[] = {"enrollment_id", "assess_date", "kind",
                                                       "score",         "passed",      NULL};
static const row_desc training_assessment_row = {
    .table = "training_assessments",
    .cols = training_assessment_cols,
    .key = "enrollment_id || '/' || kind || '/' || assess_date",
    .flags = ROW_AUDIT | ROW_EXPORT,
};

static err_code training_assessment_bind(sqlite3_stmt *st, const void *rec, err_info *e)
{
	const training_assessment *a = rec;
	sqlite3_bind_int64(st, 1, a->enrollment_id);
	DB_TRY(DB_BIND_BUF(st, 2, a->assess_date, MSG_COL_ASSESS_DATE, e));
	DB_TRY(DB_BIND_BUF(st, 3, a->kind, MSG_COL_ASSESS_KIND, e));
	sqlite3_bind_double(st, 4, a->score);
	sqlite3_bind_int(st, 5, a->passed ? 1 : 0);
	return ERR_OK;
}

static void training_assessment_read(sqlite3_stmt *st, void *item)
{
	training_assessment *a = item;
	a->id = sqlite3_column_int64(st, 0);
	a->enrollment_id = sqlite3_column_int64(st, 1);
	DB_COL_BUF(st, 2, a->assess_date);
	DB_COL_BUF(st, 3, a->kind);
	a->score = sqlite3_column_double(st, 4);
	a->passed = sqlite3_column_int(st, 5);
	a->version = sqlite3_column_int64(st, 6);
	a->chg_seq = sqlite3_column_int64(st, 7);
}

err_code training_assessment_add(db *d, training_assessment *a, err_info *e)
{
	if (d == NULL || a == NULL || a->id != 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	row_meta m;
	DB_TRY(row_insert(d, &training_assessment_row, training_assessment_bind, a, &m, e));
	a->id = m.id;
	a->version = m.version;
	a->chg_seq = m.chg_seq;
	return ERR_OK;
}

err_code training_assessment_list_enrollment(db *d, int64_t enrollment_id,
                                             training_assessment_list *out, err_info *e)
{
	if (out != NULL)
		*out = (training_assessment_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st =
	    db_stmt(d,
	            "SELECT id, enrollment_id, assess_date, kind, score, passed, version, "
	            "chg_seq FROM training_assessments WHERE enrollment_id = ?1 "
	            "ORDER BY assess_date, kind",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, enrollment_id);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, training_assessment_read, sizeof(training_assessment), &items,
	                    &out->n, e));
	out->items = items;
	return ERR_OK;
}

void training_assessment_list_free(training_assessment_list *l)
{
	DB_LIST_FREE(l);
}
