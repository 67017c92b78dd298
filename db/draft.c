/*
 * draft — the draft repository (see draft.h). Drafts are scratch: not
 * versioned, not audited, not exported. Every statement filters by the
 * acting operator's id.
 */
#include "db/draft.h"

#include <stddef.h>
#include <stdio.h>
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
		return err_set(e, ERR_DB_TOO_LONG, MSG_COL_DRAFT_DATA,
		               msg_text(MSG_D_DB_MAX_BYTES_INT), DRAFT_DATA_MAX);
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

/* ---- drafts of forms ---- */

/* Run a one-row, one-column text query over up to three text parameters; *out malloc'ed. */
static err_code draft_json_step(db *d, const char *sql, const char *p1, const char *p2,
                                const char *p3, char **out, err_info *e)
{
	*out = NULL;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	const char *p[3] = {p1, p2, p3};
	for (int i = 0; i < 3; i++)
		if (p[i] != NULL)
			sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		int oom = 0;
		*out = db_col_dup(st, 0, &oom);
		if (*out == NULL)
			c = err_set(e, oom ? ERR_NOMEM : ERR_INTERNAL, MSG_COL_DRAFT_DATA, NULL);
	} else {
		c = db_error(d, rc == SQLITE_DONE ? SQLITE_ERROR : rc, e);
	}
	db_done(st);
	return c;
}

err_code draft_save_form(db *d, const char *form, const char *record_key, const draft_form *df,
                         err_info *e)
{
	DB_TRY(draft_check(d, form, e));
	if (df == NULL || (df->n > 0 && df->fields == NULL) || df->record_id < 0 || df->version < 0)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_DRAFT_DATA, NULL);
	for (size_t i = 0; i < df->n; i++)
		if (df->fields[i].key == NULL || df->fields[i].value == NULL)
			return err_set(e, ERR_INVALID_ARG, MSG_COL_DRAFT_DATA,
			               msg_text(MSG_D_DRAFT_ITEM), i + 1);

	/* The values object grows one member at a time; json_object quotes key and text. */
	char *values = malloc(3);
	if (values == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	memcpy(values, "{}", 3);
	err_code c = ERR_OK;
	for (size_t i = 0; i < df->n && c == ERR_OK; i++) {
		char *next = NULL;
		c = draft_json_step(d, "SELECT json_patch(?1, json_object(?2, ?3))", values,
		                    df->fields[i].key, df->fields[i].value, &next, e);
		if (c == ERR_OK) {
			free(values);
			values = next;
		}
	}
	char *json = NULL;
	if (c == ERR_OK) {
		char ids[2][24];
		snprintf(ids[0], sizeof ids[0], "%lld", (long long)df->record_id);
		snprintf(ids[1], sizeof ids[1], "%lld", (long long)df->version);
		c = draft_json_step(d,
		                    "SELECT json_object('record_id', CAST(?1 AS INTEGER), "
		                    "'version', CAST(?2 AS INTEGER), 'values', json(?3))",
		                    ids[0], ids[1], values, &json, e);
	}
	free(values);
	if (c == ERR_OK)
		c = draft_save(d, form, record_key, json, e);
	free(json);
	return c;
}

/* Refuse a draft that is not what draft_save_form writes. */
static err_code draft_malformed(err_info *e, msg_id what)
{
	return err_set(e, ERR_DB_CONSTRAINT, MSG_COL_DRAFT_DATA, "%s", msg_text(what));
}

/* The two integers record_id and version of a draft object. */
static err_code draft_read_head(db *d, const char *json, draft_form *out, err_info *e)
{
	/* The CASEs keep the path functions away from text that is not a JSON object. */
	sqlite3_stmt *st =
	    db_stmt(d,
	            "SELECT t, CASE WHEN t = 'object' THEN json_type(j, '$.record_id') END, "
	            "CASE WHEN t = 'object' THEN json_extract(j, '$.record_id') END, "
	            "CASE WHEN t = 'object' THEN json_type(j, '$.version') END, "
	            "CASE WHEN t = 'object' THEN json_extract(j, '$.version') END, "
	            "CASE WHEN t = 'object' THEN json_type(j, '$.values') END "
	            "FROM (SELECT ?1 AS j, CASE WHEN json_valid(?1) THEN json_type(?1) END AS t)",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc != SQLITE_ROW) {
		c = db_error(d, rc, e);
		db_done(st);
		return c;
	}
	const char *top = (const char *)sqlite3_column_text(st, 0);
	const char *t_id = (const char *)sqlite3_column_text(st, 1);
	const char *t_ver = (const char *)sqlite3_column_text(st, 3);
	const char *t_val = (const char *)sqlite3_column_text(st, 5);
	if (top == NULL)
		c = draft_malformed(e, MSG_D_DRAFT_NOT_JSON);
	else if (strcmp(top, "object") != 0)
		c = draft_malformed(e, MSG_D_DRAFT_NOT_OBJECT);
	else if (t_id == NULL || strcmp(t_id, "integer") != 0)
		c = draft_malformed(e, MSG_D_DRAFT_RECORD_ID);
	else if (t_ver == NULL || strcmp(t_ver, "integer") != 0)
		c = draft_malformed(e, MSG_D_DRAFT_VERSION);
	else if (t_val == NULL || strcmp(t_val, "object") != 0)
		c = draft_malformed(e, MSG_D_DRAFT_VALUES);
	if (c == ERR_OK) {
		out->record_id = sqlite3_column_int64(st, 2);
		out->version = sqlite3_column_int64(st, 4);
		if (out->record_id < 0 || out->version < 0)
			c = draft_malformed(e, MSG_D_DRAFT_NEGATIVE);
	}
	db_done(st);
	return c;
}

/*
 * 1 if the JSON text escapes a NUL character (\u0000): SQLite's JSON
 * functions silently end the text there, so such a draft would come back
 * cut. Only an odd run of backslashes before "u0000" is an escape.
 */
static int draft_has_nul_escape(const char *json)
{
	for (const char *p = strstr(json, "u0000"); p != NULL; p = strstr(p + 1, "u0000")) {
		size_t k = 0;
		while (p - k > json && p[-(ptrdiff_t)k - 1] == '\\')
			k++;
		if (k % 2 == 1)
			return 1;
	}
	return 0;
}

/* Offsets of one field's key and value in the storage being built. */
typedef struct draft_span {
	size_t key, value;
} draft_span;

/* Append len bytes of s and a NUL to the growing buffer *buf. */
static int draft_append(char **buf, size_t *used, size_t *cap, const char *s, size_t len)
{
	if (*used + len + 1 > *cap) {
		size_t ncap = *cap ? *cap : 256;
		while (ncap < *used + len + 1)
			ncap *= 2;
		char *nb = realloc(*buf, ncap);
		if (nb == NULL)
			return 0;
		*buf = nb;
		*cap = ncap;
	}
	memcpy(*buf + *used, s, len);
	(*buf)[*used + len] = '\0';
	*used += len + 1;
	return 1;
}

/* The members of the values object, each a text. */
static err_code draft_read_values(db *d, const char *json, draft_form *out, err_info *e)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT key, value, type FROM json_each(?1, '$.values')", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	char *buf = NULL;
	size_t used = 0, cap = 0, n = 0, ncap = 0;
	draft_span *spans = NULL;
	err_code c = ERR_OK;
	int rc;
	while (c == ERR_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 2);
		const char *key = (const char *)sqlite3_column_text(st, 0);
		size_t klen = (size_t)sqlite3_column_bytes(st, 0);
		if (key == NULL || type == NULL || strcmp(type, "text") != 0) {
			c = draft_malformed(e, MSG_D_DRAFT_VALUE_NOT_TEXT);
			break;
		}
		const char *val = (const char *)sqlite3_column_text(st, 1);
		size_t vlen = (size_t)sqlite3_column_bytes(st, 1);
		if (val == NULL)
			val = "";
		/* A NUL inside a key or value would silently cut the C string. */
		if (strlen(key) != klen || strlen(val) != vlen) {
			c = draft_malformed(e, MSG_D_DRAFT_NUL);
			break;
		}
		if (n == ncap) {
			size_t nc = ncap ? ncap * 2 : 16;
			draft_span *ns = realloc(spans, nc * sizeof *ns);
			if (ns == NULL) {
				c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
				break;
			}
			spans = ns;
			ncap = nc;
		}
		spans[n].key = used;
		if (!draft_append(&buf, &used, &cap, key, klen)) {
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
			break;
		}
		spans[n].value = used;
		if (!draft_append(&buf, &used, &cap, val, vlen)) {
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
			break;
		}
		n++;
	}
	if (c == ERR_OK && rc != SQLITE_DONE)
		c = db_error(d, rc, e);
	db_done(st);
	if (c == ERR_OK && n > 0) {
		out->fields = malloc(n * sizeof *out->fields);
		if (out->fields == NULL)
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	if (c != ERR_OK) {
		free(buf);
		free(spans);
		free(out->fields);
		out->fields = NULL;
		return c;
	}
	for (size_t i = 0; i < n; i++) {
		out->fields[i].key = buf + spans[i].key;
		out->fields[i].value = buf + spans[i].value;
	}
	out->n = n;
	out->storage = buf;
	free(spans);
	return ERR_OK;
}

err_code draft_load_form(db *d, const char *form, draft_form *out, draft_info *info, err_info *e)
{
	if (out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_COL_DRAFT_DATA, NULL);
	*out = (draft_form){0};
	char *json = NULL;
	DB_TRY(draft_load(d, form, &json, info, e));
	err_code c = draft_has_nul_escape(json) ? draft_malformed(e, MSG_D_DRAFT_NUL_ESCAPE)
	                                        : draft_read_head(d, json, out, e);
	if (c == ERR_OK)
		c = draft_read_values(d, json, out, e);
	free(json);
	if (c != ERR_OK)
		draft_form_free(out);
	return c;
}

void draft_form_free(draft_form *df)
{
	if (df == NULL)
		return;
	free(df->fields);
	free(df->storage);
	*df = (draft_form){0};
}
