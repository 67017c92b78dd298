/*
 * row — the one generic writer behind every repository: insert, versioned
 * update and delete of a table described by a row_desc, each with its audit
 * row (before/after snapshots built by SQLite's json_object from the row
 * itself), change-sequence number and timestamps, in the caller's
 * transaction or its own. The SQL for each descriptor is generated once per
 * connection and then lives in the statement cache, so repositories hold
 * only their column list and a bind function.
 */
#include "db/dbint.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

/* A growing string for SQL generation; on allocation failure `oom` is set. */
typedef struct row_buf {
	char *s;
	size_t n, cap;
	int oom;
} row_buf;

static void row_put(row_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void row_put(row_buf *b, const char *fmt, ...)
{
	if (b->oom)
		return;
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
		va_end(ap);
		if (k < 0) {
			b->oom = 1;
			return;
		}
		if (b->s != NULL && b->n + (size_t)k < b->cap) {
			b->n += (size_t)k;
			return;
		}
		size_t cap = (b->cap ? b->cap * 2 : 256) + (size_t)k;
		char *s = realloc(b->s, cap);
		if (s == NULL) {
			b->oom = 1;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
}

static size_t row_ncols(const row_desc *t)
{
	size_t n = 0;
	while (t->cols[n] != NULL)
		n++;
	return n;
}

static char *row_build(const row_desc *t, int kind)
{
	row_buf b = {0};
	size_t n = row_ncols(t);
	int exported = (t->flags & ROW_EXPORT) != 0;
	switch (kind) {
	case ROW_SQL_INSERT:
		row_put(&b, "INSERT INTO %s (", t->table);
		for (size_t i = 0; i < n; i++)
			row_put(&b, "%s, ", t->cols[i]);
		row_put(&b, "%s%screated_at, updated_at) VALUES (", exported ? "chg_seq, " : "",
		        (t->flags & ROW_UID) ? "uid, " : "");
		for (size_t i = 0; i < n; i++)
			row_put(&b, "?%zu, ", i + 1);
		if (exported)
			row_put(&b, "?%zu, ", n + 1);
		if (t->flags & ROW_UID)
			row_put(&b, "?%zu, ", n + 3);
		row_put(&b, "?%zu, ?%zu)", n + 2, n + 2);
		break;
	case ROW_SQL_UPDATE:
		row_put(&b, "UPDATE %s SET ", t->table);
		for (size_t i = 0; i < n; i++)
			row_put(&b, "%s = ?%zu, ", t->cols[i], i + 1);
		row_put(&b, "version = version + 1, ");
		if (exported)
			row_put(&b, "chg_seq = ?%zu, ", n + 1);
		row_put(&b, "updated_at = ?%zu WHERE id = ?%zu AND version = ?%zu", n + 2, n + 3,
		        n + 4);
		break;
	case ROW_SQL_SNAPSHOT: {
		const char *const *js = t->json ? t->json : t->cols;
		row_put(&b, "SELECT json_object('id', id, ");
		for (size_t i = 0; js[i] != NULL; i++) {
			const char *eq = strchr(js[i], '=');
			if (eq != NULL)
				row_put(&b, "'%.*s', %s, ", (int)(eq - js[i]), js[i], eq + 1);
			else
				row_put(&b, "'%s', %s, ", js[i], js[i]);
		}
		row_put(&b, "'version', version) FROM %s WHERE id = ?1", t->table);
		break;
	}
	case ROW_SQL_DELETE:
		row_put(&b, "DELETE FROM %s WHERE id = ?1 AND version = ?2", t->table);
		break;
	}
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* The generated SQL of one kind for t, built on first use per connection. */
static const char *row_sql(db *d, const row_desc *t, int kind, err_info *e)
{
	for (size_t i = 0; i < d->n_row_sql; i++)
		if (d->row_sql[i].desc == t && d->row_sql[i].kind == kind)
			return d->row_sql[i].sql;
	if (d->n_row_sql == d->cap_row_sql) {
		size_t cap = d->cap_row_sql ? d->cap_row_sql * 2 : 32;
		db_row_sql *n = realloc(d->row_sql, cap * sizeof *n);
		if (n == NULL) {
			err_set(e, ERR_NOMEM, MSG_NONE, NULL);
			return NULL;
		}
		d->row_sql = n;
		d->cap_row_sql = cap;
	}
	char *sql = row_build(t, kind);
	if (sql == NULL) {
		err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		return NULL;
	}
	d->row_sql[d->n_row_sql++] = (db_row_sql){t, kind, sql};
	return sql;
}

static sqlite3_stmt *row_stmt(db *d, const row_desc *t, int kind, err_info *e)
{
	const char *sql = row_sql(d, t, kind, e);
	return sql ? db_stmt(d, sql, e) : NULL;
}

static err_code row_fail_code(err_info *e)
{
	return e != NULL && e->code != ERR_OK ? e->code : ERR_DB;
}

err_code row_snapshot(db *d, const row_desc *t, int64_t id, char **json, err_info *e)
{
	*json = NULL;
	sqlite3_stmt *st = row_stmt(d, t, ROW_SQL_SNAPSHOT, e);
	if (st == NULL)
		return row_fail_code(e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		int oom = 0;
		*json = db_col_dup(st, 0, &oom);
		if (*json == NULL)
			c = err_set(e, oom ? ERR_NOMEM : ERR_INTERNAL, MSG_NONE, NULL);
	} else if (rc == SQLITE_DONE) {
		c = err_set(e, ERR_NOT_FOUND, MSG_NONE, "%s #%lld", t->table, (long long)id);
	} else {
		c = db_error(d, rc, e);
	}
	db_done(st);
	return c;
}

err_code row_audit(db *d, const char *table, int64_t row_id, const char *action, const char *before,
                   const char *after, err_info *e)
{
	sqlite3_stmt *st =
	    db_stmt(d,
	            "INSERT INTO audit_log (at, operator_id, login, tbl, row_id, action, "
	            "before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	            e);
	if (st == NULL)
		return row_fail_code(e);
	char now[21];
	db_now(now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, d->actor_id);
	sqlite3_bind_text(st, 3, d->actor_login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, row_id);
	sqlite3_bind_text(st, 6, action, -1, SQLITE_STATIC);
	if (before)
		sqlite3_bind_text(st, 7, before, -1, SQLITE_STATIC);
	if (after)
		sqlite3_bind_text(st, 8, after, -1, SQLITE_STATIC);
	return db_step_done(d, st, e);
}

/* Audit the row's current state as `action`, with `before` (may be NULL). */
static err_code row_audit_after(db *d, const row_desc *t, int64_t id, const char *action,
                                const char *before, err_info *e)
{
	char *after = NULL;
	err_code c = row_snapshot(d, t, id, &after, e);
	if (c == ERR_OK)
		c = row_audit(d, t->table, id, action, before, after, e);
	free(after);
	return c;
}

err_code row_insert(db *d, const row_desc *t, row_bind_fn bind, const void *rec, row_meta *m,
                    err_info *e)
{
	size_t n = row_ncols(t);
	int bulk = db_in_bulk(d);
	/*
	 * In bulk a single INSERT needs no savepoint: a failed statement undoes
	 * itself. With child rows it does, so a failure leaves no half record.
	 */
	int own = !bulk || t->children != NULL;
	err_code c = own ? db_begin(d, e) : ERR_OK;
	if (c != ERR_OK)
		return c;
	int64_t seq = 0;
	char now[21];
	db_now(now);
	if (t->flags & ROW_EXPORT)
		c = db_next_change_seq(d, &seq, e);
	sqlite3_stmt *st = c == ERR_OK ? row_stmt(d, t, ROW_SQL_INSERT, e) : NULL;
	if (c == ERR_OK && st == NULL)
		c = row_fail_code(e);
	if (c == ERR_OK)
		c = bind(st, rec, e);
	if (c == ERR_OK) {
		if (t->flags & ROW_EXPORT)
			sqlite3_bind_int64(st, (int)n + 1, seq);
		sqlite3_bind_text(st, (int)n + 2, now, -1, SQLITE_STATIC);
		char uid[ROW_UID_LEN + 1];
		if (t->flags & ROW_UID) {
			row_new_uid(uid);
			sqlite3_bind_text(st, (int)n + 3, uid, ROW_UID_LEN, SQLITE_STATIC);
		}
		c = db_step_done(d, st, e);
	} else {
		db_done(st);
	}
	int64_t id = c == ERR_OK ? sqlite3_last_insert_rowid(d->conn) : 0;
	if (c == ERR_OK && t->children != NULL)
		c = t->children(d, id, rec, e);
	if (c == ERR_OK) {
		if (bulk)
			db_bulk_note(d, t->table);
		else if (t->flags & ROW_AUDIT)
			c = row_audit_after(d, t, id, "insert", NULL, e);
	}
	if (own) {
		if (c == ERR_OK)
			c = db_commit(d, e);
		else
			db_rollback(d);
	}
	if (c == ERR_OK && m != NULL) {
		m->id = id;
		m->version = 1;
		m->chg_seq = seq;
		memcpy(m->at, now, sizeof m->at);
	}
	return c;
}

/* Zero rows matched id+version: tell a stale version from a missing row. */
static err_code row_missing_or_stale(db *d, const row_desc *t, int64_t id, err_info *e)
{
	char *json = NULL;
	err_info tmp;
	err_code c = row_snapshot(d, t, id, &json, &tmp);
	free(json);
	if (c == ERR_OK)
		return err_set(e, ERR_DB_STALE, MSG_NONE, NULL);
	if (c == ERR_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, MSG_NONE, "%s #%lld", t->table, (long long)id);
	if (e != NULL)
		*e = tmp;
	return c;
}

err_code row_update(db *d, const row_desc *t, row_bind_fn bind, const void *rec, int64_t id,
                    int64_t version, row_meta *m, err_info *e)
{
	if (id <= 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "%s: no row id", t->table);
	size_t n = row_ncols(t);
	err_code c = db_begin(d, e);
	if (c != ERR_OK)
		return c;
	char *before = NULL;
	if (t->flags & ROW_AUDIT) {
		c = row_snapshot(d, t, id, &before, e);
		if (c == ERR_NOT_FOUND)
			err_set(e, ERR_NOT_FOUND, MSG_NONE, "%s #%lld", t->table, (long long)id);
	}
	int64_t seq = 0;
	char now[21];
	db_now(now);
	if (c == ERR_OK && (t->flags & ROW_EXPORT))
		c = db_next_change_seq(d, &seq, e);
	sqlite3_stmt *st = c == ERR_OK ? row_stmt(d, t, ROW_SQL_UPDATE, e) : NULL;
	if (c == ERR_OK && st == NULL)
		c = row_fail_code(e);
	if (c == ERR_OK)
		c = bind(st, rec, e);
	if (c == ERR_OK) {
		if (t->flags & ROW_EXPORT)
			sqlite3_bind_int64(st, (int)n + 1, seq);
		sqlite3_bind_text(st, (int)n + 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, (int)n + 3, id);
		sqlite3_bind_int64(st, (int)n + 4, version);
		c = db_step_done(d, st, e);
		if (c == ERR_OK && sqlite3_changes(d->conn) == 0)
			c = row_missing_or_stale(d, t, id, e);
		if (c == ERR_OK && t->children != NULL)
			c = t->children(d, id, rec, e);
	} else {
		db_done(st);
	}
	if (c == ERR_OK && (t->flags & ROW_AUDIT))
		c = row_audit_after(d, t, id, "update", before, e);
	free(before);
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	if (c == ERR_OK && m != NULL) {
		m->id = id;
		m->version = version + 1;
		m->chg_seq = seq;
		memcpy(m->at, now, sizeof m->at);
	}
	return c;
}

err_code row_delete(db *d, const row_desc *t, int64_t id, int64_t version, err_info *e)
{
	err_code c = db_begin(d, e);
	if (c != ERR_OK)
		return c;
	char *before = NULL;
	c = row_snapshot(d, t, id, &before, e);
	if (c == ERR_OK && (t->flags & ROW_EXPORT)) {
		/* The tombstone carries the natural key, read before the row goes. */
		int64_t seq = 0;
		c = db_next_change_seq(d, &seq, e);
		char sql[256];
		snprintf(sql, sizeof sql,
		         "INSERT INTO tombstones (seq, tbl, natural_key, at) "
		         "SELECT ?1, ?2, %s, ?3 FROM %s WHERE id = ?4",
		         t->key, t->table);
		sqlite3_stmt *st = c == ERR_OK ? db_stmt(d, sql, e) : NULL;
		if (c == ERR_OK && st == NULL)
			c = row_fail_code(e);
		if (c == ERR_OK) {
			char now[21];
			db_now(now);
			sqlite3_bind_int64(st, 1, seq);
			sqlite3_bind_text(st, 2, t->table, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 4, id);
			c = db_step_done(d, st, e);
		}
	}
	if (c == ERR_OK) {
		sqlite3_stmt *st = row_stmt(d, t, ROW_SQL_DELETE, e);
		if (st == NULL)
			c = row_fail_code(e);
		else {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, version);
			c = db_step_done(d, st, e);
			if (c == ERR_OK && sqlite3_changes(d->conn) == 0)
				c = err_set(e, ERR_DB_STALE, MSG_NONE, NULL);
		}
	}
	if (c == ERR_OK && (t->flags & ROW_AUDIT))
		c = row_audit(d, t->table, id, "delete", before, NULL, e);
	free(before);
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	return c;
}

void row_new_uid(char out[ROW_UID_LEN + 1])
{
	unsigned char raw[ROW_UID_LEN / 2];
	/* sodium_init is idempotent; randombytes falls back to the OS source even if it failed. */
	if (sodium_init() < 0)
		randombytes_stir();
	randombytes_buf(raw, sizeof raw);
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < sizeof raw; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[ROW_UID_LEN] = '\0';
}

void row_read_meta(sqlite3_stmt *st, int col, int64_t *version, int64_t *chg_seq, char created[21],
                   char updated[21])
{
	*version = sqlite3_column_int64(st, col);
	*chg_seq = sqlite3_column_int64(st, col + 1);
	db_col_buf(st, col + 2, created, 21);
	db_col_buf(st, col + 3, updated, 21);
}
