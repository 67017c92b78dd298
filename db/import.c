/*
 * import — verifying and applying packages (see import.h).
 *
 * Pass 1 reads every file once: size, SHA-256, records and header against
 * the manifest; nothing touches the database. Pass 2 reads them again,
 * decodes to UTF-8 and applies row by row inside one bulk transaction
 * (db_bulk_begin), parents before children. A row of a file whose table
 * was empty when the import began is inserted without looking for a local
 * row first (a first import), unless the insert meets a unique key.
 *
 * The conflict rule (docs/export-format.md, "Merging") uses three columns
 * kept on every exchanged row: sync_office and sync_version, the office and
 * its row version that last set this row here, and sync_local, the local
 * version right after. A row with version > sync_local has been changed
 * here since. An incoming row (office O, version v, based on the sender's
 * copy of office B's version b) replaces the local row when
 *   - it is newer than what O sent before and the row was not changed here
 *     since (sync_office = O, v > sync_version, version = sync_local), or
 *   - O changed our own current version (B = this office, b = version), or
 *   - both derive from the same version of a third office and the row was
 *     not changed here (B = sync_office, b = sync_version, version = sync_local).
 * A row O sent before in the same or a newer version is "older" and left
 * alone; anything else is a conflict: the local row stays, the report lists it.
 */
#include "db/import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "db/csv.h"
#include "db/dbint.h"
#include "db/exchange.h"
#include "db/setting.h"
#include "locale/enc.h"

#define IMPORT_CHUNK (1u << 18)
#define IMPORT_PROGRESS_ROWS 8192
#define IMPORT_MAX_SLOTS 48
#define IMPORT_MAX_REFS 8

/* A value written by INSERT/UPDATE: a CSV field, or a resolved reference. */
typedef struct import_slot {
	int field; /* >= 0: CSV field */
	int ref;   /* >= 0: reference */
} import_slot;

/* Keys of rows kept out, so rows pointing at them are kept out too. */
typedef struct import_set {
	char **keys;
	size_t n, cap; /* cap is 0 or a power of two */
} import_set;

typedef struct import_job {
	db *d;
	const import_opts *o;
	import_report *r;
	package_in *p;
	enc_kind enc;
	char own[13]; /* this installation's office, "" if none */
	char now[21];
	import_set failed;
	uint64_t done; /* rows, for progress */
	/* the file being read */
	size_t ti;
	const exchange_table *t;
	const char *file;
	int header; /* the header record is still to come */
	int fast;   /* the table was empty: insert first */
	sqlite3_stmt *ident, *ins, *upd, *snap, *cats_del, *cats_ins;
	sqlite3_stmt *res[IMPORT_MAX_REFS];
	import_slot slots[IMPORT_MAX_SLOTS];
	size_t nslots;
	int64_t ref_id[IMPORT_MAX_REFS];
	/* pass 1 */
	uint64_t records;
	int header_bad;
	char header_why[120];
} import_job;

/* ---- the set of rows kept out ---- */

static uint32_t import_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int import_set_has(const import_set *s, const char *k)
{
	if (s->cap == 0)
		return 0;
	for (size_t i = import_hash(k) & (s->cap - 1); s->keys[i] != NULL;
	     i = (i + 1) & (s->cap - 1))
		if (strcmp(s->keys[i], k) == 0)
			return 1;
	return 0;
}

static int import_set_add(import_set *s, const char *k)
{
	if (import_set_has(s, k))
		return 1;
	if (2 * (s->n + 1) > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		char **keys = calloc(cap, sizeof *keys);
		if (keys == NULL)
			return 0;
		for (size_t i = 0; i < s->cap; i++) {
			if (s->keys[i] == NULL)
				continue;
			size_t j = import_hash(s->keys[i]) & (cap - 1);
			while (keys[j] != NULL)
				j = (j + 1) & (cap - 1);
			keys[j] = s->keys[i];
		}
		free(s->keys);
		s->keys = keys;
		s->cap = cap;
	}
	char *copy = strdup(k);
	if (copy == NULL)
		return 0;
	size_t j = import_hash(k) & (s->cap - 1);
	while (s->keys[j] != NULL)
		j = (j + 1) & (s->cap - 1);
	s->keys[j] = copy;
	s->n++;
	return 1;
}

static void import_set_free(import_set *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->keys[i]);
	free(s->keys);
	memset(s, 0, sizeof *s);
}

/* "3:110101…" — table index and key, as the set holds it. */
static void import_set_key(size_t table, const char *key, char *out, size_t size)
{
	snprintf(out, size, "%zu:%s", table, key);
}

/* ---- small helpers ---- */

static char *import_sqlf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *import_sqlf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s != NULL) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return s;
}

static err_code import_prepare(db *d, char *sql, sqlite3_stmt **st, err_info *e)
{
	*st = NULL;
	if (sql == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	int rc = sqlite3_prepare_v2(d->conn, sql, -1, st, NULL);
	free(sql);
	return rc == SQLITE_OK ? ERR_OK : db_error(d, rc, e);
}

/* A decimal integer (optional '-'), fitting int64. */
static int import_int(const char *s, int64_t *out)
{
	const char *p = s;
	int neg = *p == '-';
	if (neg)
		p++;
	if (*p == '\0' || strlen(p) > 18)
		return 0;
	int64_t v = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (*p - '0');
	}
	*out = neg ? -v : v;
	return 1;
}

/* A decimal number: digits with at most one '.', optional '-'. */
static int import_real(const char *s, double *out)
{
	const char *p = s;
	if (*p == '-')
		p++;
	int digits = 0, dots = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && dots == 0)
			dots++;
		else
			return 0;
	}
	if (digits == 0 || strlen(s) > 30)
		return 0;
	*out = strtod(s, NULL);
	return 1;
}

/* Unemployment categories: 1–3 of 0-9 A-Z -, joined by ';', none twice. */
static int import_list_ok(const char *s)
{
	if (*s == '\0')
		return 1;
	char seen[64][4];
	size_t n = 0;
	const char *p = s;
	for (;;) {
		size_t len = strcspn(p, ";");
		if (len < 1 || len > 3 || n == 64)
			return 0;
		for (size_t i = 0; i < len; i++)
			if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'A' && p[i] <= 'Z') ||
			      p[i] == '-'))
				return 0;
		for (size_t i = 0; i < n; i++)
			if (strlen(seen[i]) == len && memcmp(seen[i], p, len) == 0)
				return 0;
		memcpy(seen[n], p, len);
		seen[n++][len] = '\0';
		if (p[len] == '\0')
			return 1;
		p += len + 1;
	}
}

static int import_office_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 12)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= 'a' && s[i] <= 'z') || s[i] == '_' || s[i] == '.' || s[i] == '-'))
			return 0;
	return 1;
}

/* Quote a value from the package for a message: at most 40 bytes, whole characters. */
static void import_echo(const char *v, char *out, size_t size)
{
	size_t n = strlen(v);
	if (n > 40)
		n = 40;
	while (n > 0 && n < strlen(v) && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--;
	snprintf(out, size, "“%.*s%s”", (int)n, v, n < strlen(v) ? "…" : "");
}

/* The row's key for messages and the kept-out set. */
static void import_row_key(const exchange_table *t, const csv_record *rec, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t k = 0; k < t->nkey; k++) {
		const char *v = rec->field[t->key[k]];
		if ((t->flags & EX_KEY_FIRST) && v[0] == '\0')
			continue;
		used += (size_t)snprintf(out + used, used < size ? size - used : 0, "%s%s",
		                         used ? "/" : "", v);
		if (t->flags & EX_KEY_FIRST)
			break;
		if (used >= size)
			break;
	}
}

static err_code import_fatal(import_job *x, const csv_record *rec, err_code code, err_info *e,
                             const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* A package that cannot be applied: name the file and line, and what is wrong. */
static err_code import_fatal(import_job *x, const csv_record *rec, err_code code, err_info *e,
                             const char *fmt, ...)
{
	char what[180] = "";
	if (fmt != NULL) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(what, sizeof what, fmt, ap);
		va_end(ap);
	}
	return err_set(e, code, MSG_NONE, msg_text(MSG_D_IMP_AT_LINE), x->file, rec->line,
	               what[0] ? "：" : "", what);
}

static err_code import_conflict_add(import_job *x, const char *key, const csv_record *rec,
                                    int64_t local_version, int64_t incoming_version, err_info *e,
                                    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static err_code import_conflict_add(import_job *x, const char *key, const csv_record *rec,
                                    int64_t local_version, int64_t incoming_version, err_info *e,
                                    const char *fmt, ...)
{
	import_report *r = x->r;
	if ((r->nconflicts & (r->nconflicts - 1)) == 0) {
		size_t cap = r->nconflicts ? r->nconflicts * 2 : 16;
		import_conflict *n = realloc(r->conflicts, cap * sizeof *n);
		if (n == NULL)
			return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		r->conflicts = n;
	}
	import_conflict *c = &r->conflicts[r->nconflicts++];
	memset(c, 0, sizeof *c);
	snprintf(c->table, sizeof c->table, "%s", x->t->name);
	db_copy(c->key, sizeof c->key, key);
	c->line = (uint64_t)rec->line;
	c->local_version = local_version;
	c->incoming_version = incoming_version;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->reason, sizeof c->reason, fmt, ap);
	va_end(ap);
	x->r->tables[x->ti].conflicts++;
	/* Rows that point at this one cannot be applied either. */
	char sk[260];
	import_set_key(x->ti, key, sk, sizeof sk);
	if (!import_set_add(&x->failed, sk))
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	return ERR_OK;
}

/* ---- statements of one table ---- */

static void import_finalize(import_job *x)
{
	sqlite3_finalize(x->ident);
	sqlite3_finalize(x->ins);
	sqlite3_finalize(x->upd);
	sqlite3_finalize(x->snap);
	sqlite3_finalize(x->cats_del);
	sqlite3_finalize(x->cats_ins);
	for (size_t k = 0; k < IMPORT_MAX_REFS; k++)
		sqlite3_finalize(x->res[k]);
	x->ident = x->ins = x->upd = x->snap = x->cats_del = x->cats_ins = NULL;
	memset(x->res, 0, sizeof x->res);
}

static err_code import_statements(import_job *x, err_info *e)
{
	const exchange_table *t = x->t;
	db *d = x->d;
	int versioned = (t->flags & EX_VERSIONED) != 0;
	x->nslots = 0;
	for (size_t i = 0; i < t->nfields; i++)
		if (t->fields[i].plain)
			x->slots[x->nslots++] = (import_slot){(int)i, -1};
	for (size_t k = 0; k < t->nrefs; k++)
		x->slots[x->nslots++] = (import_slot){-1, (int)k};

	char *cols = NULL, *vals = NULL, *sets = NULL, *outs = NULL;
	size_t lc, lv, ls, lo;
	FILE *fc = open_memstream(&cols, &lc), *fv = open_memstream(&vals, &lv),
	     *fs = open_memstream(&sets, &ls), *fo = open_memstream(&outs, &lo);
	if (fc == NULL || fv == NULL || fs == NULL || fo == NULL) {
		if (fc)
			fclose(fc);
		if (fv)
			fclose(fv);
		if (fs)
			fclose(fs);
		if (fo)
			fclose(fo);
		free(cols), free(vals), free(sets), free(outs);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	for (size_t s = 0; s < x->nslots; s++) {
		const char *col = x->slots[s].field >= 0 ? t->fields[x->slots[s].field].name
		                                         : t->refs[x->slots[s].ref].col;
		fprintf(fc, "%s%s", s ? ", " : "", col);
		fprintf(fv, "%s?%zu", s ? ", " : "", s + 1);
		fprintf(fs, "%s%s = ?%zu", s ? ", " : "", col, s + 1);
	}
	for (size_t i = 0; i < t->nfields; i++) {
		const exchange_field *f = &t->fields[i];
		if (f->out != NULL)
			fprintf(fo, ", %s", f->out);
		else
			fprintf(fo, ", t.%s", f->name);
	}
	fclose(fc);
	fclose(fv);
	fclose(fs);
	fclose(fo);
	size_t n = x->nslots;
	err_code c;
	if (cols == NULL || vals == NULL || sets == NULL || outs == NULL)
		c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	else if (versioned)
		c = import_prepare(
		    d,
		    import_sqlf("INSERT INTO %s (%s, chg_seq, created_at, updated_at, "
		                "sync_office, sync_version, sync_local) VALUES (%s, ?%zu, "
		                "?%zu, ?%zu, ?%zu, ?%zu, 1)",
		                t->name, cols, vals, n + 1, n + 2, n + 2, n + 3, n + 4),
		    &x->ins, e);
	else
		c = import_prepare(d,
		                   import_sqlf("INSERT INTO %s (%s, chg_seq) VALUES (%s, ?%zu)",
		                               t->name, cols, vals, n + 1),
		                   &x->ins, e);
	if (c == ERR_OK && versioned)
		c = import_prepare(
		    d,
		    import_sqlf("UPDATE %s SET %s, version = version + 1, chg_seq = ?%zu, "
		                "updated_at = ?%zu, sync_office = ?%zu, sync_version = "
		                "?%zu, sync_local = version + 1 WHERE id = ?%zu",
		                t->name, sets, n + 1, n + 2, n + 3, n + 4, n + 5),
		    &x->upd, e);
	if (c == ERR_OK)
		c = import_prepare(
		    d,
		    versioned
		        ? import_sqlf("SELECT t.id, t.version, t.sync_office, t.sync_version, "
		                      "t.sync_local%s FROM %s t WHERE %s",
		                      outs, t->name, t->ident)
		        : import_sqlf("SELECT t.id, 1, NULL, NULL, NULL%s FROM %s t WHERE %s", outs,
		                      t->name, t->ident),
		    &x->ident, e);
	if (c == ERR_OK && versioned) {
		/* The audit snapshot of a row an import changes: its columns by name. */
		char *js = NULL;
		size_t lj;
		FILE *fj = open_memstream(&js, &lj);
		if (fj != NULL) {
			for (size_t s = 0; s < x->nslots; s++) {
				const char *col = x->slots[s].field >= 0
				                      ? t->fields[x->slots[s].field].name
				                      : t->refs[x->slots[s].ref].col;
				fprintf(fj, "'%s', %s, ", col, col);
			}
			fclose(fj);
		}
		c = js == NULL
		        ? err_set(e, ERR_NOMEM, MSG_NONE, NULL)
		        : import_prepare(d,
		                         import_sqlf("SELECT json_object('id', id, %s'version', "
		                                     "version, 'sync_office', sync_office, "
		                                     "'sync_version', sync_version) FROM %s WHERE "
		                                     "id = ?1",
		                                     js, t->name),
		                         &x->snap, e);
		free(js);
	}
	for (size_t k = 0; c == ERR_OK && k < t->nrefs; k++)
		c = import_prepare(d, import_sqlf("%s", t->refs[k].resolve), &x->res[k], e);
	for (size_t i = 0; c == ERR_OK && i < t->nfields; i++)
		if (t->fields[i].type == EX_LIST) {
			c = import_prepare(
			    d, import_sqlf("DELETE FROM unemp_reg_categories WHERE reg_id = ?1"),
			    &x->cats_del, e);
			if (c == ERR_OK)
				c = import_prepare(
				    d,
				    import_sqlf("INSERT INTO unemp_reg_categories (reg_id, code) "
				                "VALUES (?1, ?2)"),
				    &x->cats_ins, e);
		}
	free(cols);
	free(vals);
	free(sets);
	free(outs);
	return c;
}

/* ---- one row ---- */

/* Bind the values of the row in slot order; fields were checked already. */
static void import_bind_slots(import_job *x, sqlite3_stmt *st, const csv_record *rec)
{
	const exchange_table *t = x->t;
	for (size_t s = 0; s < x->nslots; s++) {
		int i = (int)s + 1;
		if (x->slots[s].ref >= 0) {
			int k = x->slots[s].ref;
			if (x->ref_id[k] == 0)
				sqlite3_bind_null(st, i);
			else
				sqlite3_bind_int64(st, i, x->ref_id[k]);
			continue;
		}
		int f = x->slots[s].field;
		const char *v = rec->field[f];
		int64_t n;
		double r;
		switch (t->fields[f].type) {
		case EX_TEXT0:
			sqlite3_bind_text(st, i, v, (int)rec->len[f], SQLITE_STATIC);
			break;
		case EX_INT:
		case EX_NINT:
			if (v[0] == '\0' || !import_int(v, &n))
				sqlite3_bind_null(st, i);
			else
				sqlite3_bind_int64(st, i, n);
			break;
		case EX_REAL:
			if (import_real(v, &r))
				sqlite3_bind_double(st, i, r);
			else
				sqlite3_bind_null(st, i);
			break;
		default:
			if (v[0] == '\0')
				sqlite3_bind_null(st, i);
			else
				sqlite3_bind_text(st, i, v, (int)rec->len[f], SQLITE_STATIC);
			break;
		}
	}
}

/* Check every field's form before anything is written. */
static err_code import_check_fields(import_job *x, const csv_record *rec, err_info *e)
{
	const exchange_table *t = x->t;
	for (size_t i = 0; i < rec->n; i++)
		if (strlen(rec->field[i]) != rec->len[i])
			return import_fatal(x, rec, ERR_PKG_FIELD, e,
			                    msg_text(MSG_D_IMP_NUL_IN_COL), i + 1);
	for (size_t i = 0; i < t->nfields; i++) {
		const exchange_field *f = &t->fields[i];
		const char *v = rec->field[i];
		int64_t n;
		double r;
		int ok = 1;
		switch (f->type) {
		case EX_INT:
			ok = import_int(v, &n);
			break;
		case EX_NINT:
			ok = v[0] == '\0' || import_int(v, &n);
			break;
		case EX_REAL:
			ok = import_real(v, &r);
			break;
		case EX_LIST:
			ok = import_list_ok(v);
			break;
		default:
			break;
		}
		if (!ok) {
			char echo[64];
			import_echo(v, echo, sizeof echo);
			return import_fatal(x, rec, ERR_PKG_FIELD, e, msg_text(MSG_D_IMP_COL_VALUE),
			                    f->name, echo);
		}
	}
	return ERR_OK;
}

/* Run the statements that write the categories of a registration. */
static err_code import_categories(import_job *x, int64_t id, const char *list, err_info *e)
{
	sqlite3_bind_int64(x->cats_del, 1, id);
	err_code c = db_step_done(x->d, x->cats_del, e);
	const char *p = list;
	while (c == ERR_OK && *p != '\0') {
		size_t len = strcspn(p, ";");
		sqlite3_bind_int64(x->cats_ins, 1, id);
		sqlite3_bind_text(x->cats_ins, 2, p, (int)len, SQLITE_TRANSIENT);
		c = db_step_done(x->d, x->cats_ins, e);
		p += len;
		if (*p == ';')
			p++;
	}
	return c;
}

static const char *import_list_field(const import_job *x, const csv_record *rec)
{
	for (size_t i = 0; i < x->t->nfields; i++)
		if (x->t->fields[i].type == EX_LIST)
			return rec->field[i];
	return NULL;
}

/*
 * Insert the row. *dup is set when a unique key of the table refused it
 * (the caller decides: a row met again, or a conflict). Other refusals of
 * the database mean the package holds what this database never stores.
 */
static err_code import_insert(import_job *x, const csv_record *rec, int64_t version, int *dup,
                              err_info *e)
{
	*dup = 0;
	int64_t seq = 0;
	DB_TRY(db_next_change_seq(x->d, &seq, e));
	sqlite3_stmt *st = x->ins;
	import_bind_slots(x, st, rec);
	size_t n = x->nslots;
	sqlite3_bind_int64(st, (int)n + 1, seq);
	if (x->t->flags & EX_VERSIONED) {
		sqlite3_bind_text(st, (int)n + 2, x->now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, (int)n + 3, x->r->m.office, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, (int)n + 4, version);
	}
	err_info why;
	err_clear(&why);
	err_code c = db_step_done(x->d, st, &why);
	if (c == ERR_DB_DUPLICATE) {
		*dup = 1;
		if (e != NULL)
			*e = why;
		return c;
	}
	if (c != ERR_OK) {
		char buf[240];
		return import_fatal(x, rec, ERR_PKG_DATA, e, "%s",
		                    err_format(&why, buf, sizeof buf));
	}
	int64_t id = sqlite3_last_insert_rowid(x->d->conn);
	const char *list = import_list_field(x, rec);
	if (list != NULL && list[0] != '\0') {
		c = import_categories(x, id, list, &why);
		if (c != ERR_OK) {
			char buf[240];
			return import_fatal(x, rec, ERR_PKG_DATA, e, "%s",
			                    err_format(&why, buf, sizeof buf));
		}
	}
	db_bulk_note(x->d, x->t->name);
	x->r->tables[x->ti].inserted++;
	return ERR_OK;
}

static err_code import_snapshot(import_job *x, int64_t id, char **json, err_info *e)
{
	*json = NULL;
	sqlite3_bind_int64(x->snap, 1, id);
	int rc = sqlite3_step(x->snap);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		int oom = 0;
		*json = db_col_dup(x->snap, 0, &oom);
		if (*json == NULL)
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	} else {
		c = db_error(x->d, rc, e);
	}
	sqlite3_reset(x->snap);
	return c;
}

static err_code import_update(import_job *x, const csv_record *rec, int64_t id, int64_t version,
                              int *dup, err_info *e)
{
	*dup = 0;
	char *before = NULL, *after = NULL;
	int64_t seq = 0;
	DB_TRY(import_snapshot(x, id, &before, e));
	err_code c = db_next_change_seq(x->d, &seq, e);
	sqlite3_stmt *st = x->upd;
	if (c == ERR_OK) {
		import_bind_slots(x, st, rec);
		size_t n = x->nslots;
		sqlite3_bind_int64(st, (int)n + 1, seq);
		sqlite3_bind_text(st, (int)n + 2, x->now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, (int)n + 3, x->r->m.office, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, (int)n + 4, version);
		sqlite3_bind_int64(st, (int)n + 5, id);
		err_info why;
		err_clear(&why);
		c = db_step_done(x->d, st, &why);
		if (c == ERR_DB_DUPLICATE) {
			*dup = 1;
			if (e != NULL)
				*e = why;
		} else if (c != ERR_OK) {
			char buf[240];
			c = import_fatal(x, rec, ERR_PKG_DATA, e, "%s",
			                 err_format(&why, buf, sizeof buf));
		}
	}
	const char *list = import_list_field(x, rec);
	if (c == ERR_OK && list != NULL)
		c = import_categories(x, id, list, e);
	if (c == ERR_OK)
		c = import_snapshot(x, id, &after, e);
	if (c == ERR_OK)
		c = row_audit(x->d, x->t->name, id, "update", before, after, e);
	free(before);
	free(after);
	if (c == ERR_OK)
		x->r->tables[x->ti].updated++;
	return c;
}

/* Resolve the row's references; *missing names one that points at a row kept out. */
static err_code import_resolve(import_job *x, const csv_record *rec, char *missing, size_t size,
                               err_info *e)
{
	const exchange_table *t = x->t;
	missing[0] = '\0';
	for (size_t k = 0; k < t->nrefs; k++) {
		const exchange_ref *r = &t->refs[k];
		const char *a = rec->field[r->f1], *b = r->f2 >= 0 ? rec->field[r->f2] : NULL;
		x->ref_id[k] = 0;
		if (a[0] == '\0' || (b != NULL && b[0] == '\0'))
			continue;
		sqlite3_stmt *st = x->res[k];
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
		if (b != NULL)
			sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			x->ref_id[k] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_error(x->d, rc, e);
		if (x->ref_id[k] != 0)
			continue;
		char key[200], sk[260];
		snprintf(key, sizeof key, "%s%s%s", a, b ? "/" : "", b ? b : "");
		import_set_key((size_t)r->target, key, sk, sizeof sk);
		const char *what = t->fields[r->f1].name;
		if (import_set_has(&x->failed, sk)) {
			snprintf(missing, size, "%s %s", what, key);
			return ERR_OK;
		}
		char echo[64];
		import_echo(key, echo, sizeof echo);
		return import_fatal(x, rec, ERR_PKG_REF, e, msg_text(MSG_D_IMP_COL_VALUE), what,
		                    echo);
	}
	return ERR_OK;
}

/* Find the local row by identity. 1 found (columns of x->ident on the row), 0 not, -1 error. */
static int import_find(import_job *x, const csv_record *rec, err_info *e)
{
	const exchange_table *t = x->t;
	sqlite3_stmt *st = x->ident;
	sqlite3_reset(st);
	for (size_t i = 0; i < t->nident; i++) {
		int src = t->ident_src[i];
		if (src >= 0) {
			const char *v = rec->field[src];
			if (v[0] == '\0')
				sqlite3_bind_null(st, (int)i + 1);
			else
				sqlite3_bind_text(st, (int)i + 1, v, -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_int64(st, (int)i + 1, x->ref_id[-1 - src]);
		}
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	db_error(x->d, rc, e);
	return -1;
}

/* Is the local row (current row of x->ident) the same as the incoming one? */
static int import_same(const import_job *x, const csv_record *rec)
{
	for (size_t i = 0; i < x->t->nfields; i++) {
		const char *v = (const char *)sqlite3_column_text(x->ident, 5 + (int)i);
		if (strcmp(v != NULL ? v : "", rec->field[i]) != 0)
			return 0;
	}
	return 1;
}

static err_code import_record(void *ctx, const csv_record *rec, err_info *e)
{
	import_job *x = ctx;
	if (x->header) {
		x->header = 0;
		return ERR_OK;
	}
	const exchange_table *t = x->t;
	const char *O = x->r->m.office;
	if (rec->n != t->nfields + EXCHANGE_TAIL_COLS)
		return import_fatal(x, rec, ERR_PKG_FIELDS, e, msg_text(MSG_D_IMP_FIELD_COUNT),
		                    t->nfields + EXCHANGE_TAIL_COLS, rec->n);
	DB_TRY(import_check_fields(x, rec, e));
	/* The sender's version of the row and the version it was based on. */
	const char *sv = rec->field[t->nfields], *bo = rec->field[t->nfields + 1],
	           *sbv = rec->field[t->nfields + 2];
	int64_t v = 0, bv = 0;
	if (!import_int(sv, &v) || v < 1 || (bo[0] != '\0' && !import_office_ok(bo)) ||
	    (bo[0] == '\0') != (sbv[0] == '\0') ||
	    (sbv[0] != '\0' && (!import_int(sbv, &bv) || bv < 1)))
		return import_fatal(x, rec, ERR_PKG_FIELD, e,
		                    "row_version/base_office/base_version");

	char key[200];
	import_row_key(t, rec, key, sizeof key);
	x->done++;
	if (x->o->progress != NULL && x->done % IMPORT_PROGRESS_ROWS == 0)
		x->o->progress(x->o->ctx, IMPORT_APPLY, x->file, x->done, x->r->m.rows);

	char missing[240];
	DB_TRY(import_resolve(x, rec, missing, sizeof missing, e));
	if (missing[0] != '\0')
		return import_conflict_add(x, key, rec, 0, v, e, msg_text(MSG_D_IMP_REF_MISSING),
		                           missing);

	int dup = 0;
	err_info why;
	if (x->fast) {
		err_code c = import_insert(x, rec, v, &dup, &why);
		if (!dup) {
			if (c != ERR_OK && e != NULL)
				*e = why;
			return c;
		}
	}
	int found = import_find(x, rec, e);
	if (found < 0)
		return e ? e->code : ERR_DB;
	if (!found) {
		err_code c = import_insert(x, rec, v, &dup, &why);
		if (dup) {
			char buf[240];
			return import_conflict_add(x, key, rec, 0, v, e,
			                           msg_text(MSG_D_IMP_DUPLICATE),
			                           err_format(&why, buf, sizeof buf));
		}
		if (c != ERR_OK && e != NULL)
			*e = why;
		return c;
	}
	sqlite3_stmt *st = x->ident;
	int64_t id = sqlite3_column_int64(st, 0), lv = sqlite3_column_int64(st, 1);
	char so[16] = "";
	DB_COL_BUF(st, 2, so);
	int synced = sqlite3_column_type(st, 2) != SQLITE_NULL;
	int64_t ssv = sqlite3_column_int64(st, 3), sl = sqlite3_column_int64(st, 4);
	int same = import_same(x, rec);
	sqlite3_reset(st);
	if (same) {
		x->r->tables[x->ti].unchanged++;
		return ERR_OK;
	}
	if (t->flags & EX_APPEND)
		return import_conflict_add(x, key, rec, 1, 1, e, "%s",
		                           msg_text(MSG_D_IMP_APPEND_ONLY));
	int clean = synced && sl == lv;
	if (synced && strcmp(so, O) == 0 && ssv >= v) {
		x->r->tables[x->ti].older++;
		return ERR_OK;
	}
	int accept = (synced && strcmp(so, O) == 0 && clean) ||
	             (x->own[0] != '\0' && strcmp(bo, x->own) == 0 && bv == lv) ||
	             (bo[0] != '\0' && synced && strcmp(bo, so) == 0 && bv == ssv && clean);
	if (!accept) {
		if (!synced)
			return import_conflict_add(x, key, rec, lv, v, e,
			                           msg_text(MSG_D_IMP_LOCAL_EDIT), (long long)lv,
			                           O);
		if (!clean)
			return import_conflict_add(x, key, rec, lv, v, e,
			                           msg_text(MSG_D_IMP_BOTH_EDITED), so,
			                           (long long)ssv, (long long)lv, O, (long long)v);
		return import_conflict_add(x, key, rec, lv, v, e, msg_text(MSG_D_IMP_OTHER_ORIGIN),
		                           so, (long long)ssv, O);
	}
	err_code c = import_update(x, rec, id, v, &dup, &why);
	if (dup) {
		char buf[240];
		return import_conflict_add(x, key, rec, lv, v, e, msg_text(MSG_D_IMP_DUPLICATE),
		                           err_format(&why, buf, sizeof buf));
	}
	return c;
}

/* ---- pass 1: verify ---- */

static err_code import_verify_record(void *ctx, const csv_record *rec, err_info *e)
{
	(void)e;
	import_job *x = ctx;
	if (x->records++ > 0) {
		x->done++;
		if (x->o->progress != NULL && x->done % IMPORT_PROGRESS_ROWS == 0)
			x->o->progress(x->o->ctx, IMPORT_VERIFY, x->file, x->done, x->r->m.rows);
		return ERR_OK;
	}
	const exchange_table *t = x->t;
	size_t want = t->nfields + EXCHANGE_TAIL_COLS;
	for (size_t i = 0; i < want && i < rec->n && !x->header_bad; i++) {
		const char *name =
		    i < t->nfields ? t->fields[i].name : exchange_tail_names[i - t->nfields];
		if (strcmp(rec->field[i], name) != 0) {
			x->header_bad = 1;
			snprintf(x->header_why, sizeof x->header_why,
			         msg_text(MSG_D_IMP_HEADER_COL), i + 1, name);
		}
	}
	if (!x->header_bad && rec->n != want) {
		x->header_bad = 1;
		snprintf(x->header_why, sizeof x->header_why, msg_text(MSG_D_IMP_HEADER_COUNT),
		         want, rec->n);
	}
	return ERR_OK;
}

static err_code import_verify_file(import_job *x, const package_file *pf, size_t entry,
                                   unsigned char *buf, err_info *e)
{
	if (package_entry_size(x->p, entry) != pf->bytes)
		return err_set(e, ERR_PKG_SIZE, MSG_NONE, msg_text(MSG_D_IMP_SIZE), pf->name,
		               (unsigned long long)pf->bytes,
		               (unsigned long long)package_entry_size(x->p, entry));
	crypto_hash_sha256_state sha;
	crypto_hash_sha256_init(&sha);
	csv_reader *rd = NULL;
	DB_TRY(csv_reader_new(&rd, e));
	x->records = 0;
	x->header_bad = 0;
	err_code c = ERR_OK, csv = ERR_OK;
	err_info csv_why;
	err_clear(&csv_why);
	uint64_t at = 0;
	int bom_ok = !x->r->m.bom;
	for (;;) {
		size_t got = 0;
		c = package_read(x->p, entry, at, buf, IMPORT_CHUNK, &got, e);
		if (c != ERR_OK || got == 0)
			break;
		crypto_hash_sha256_update(&sha, buf, got);
		size_t skip = 0;
		if (at == 0 && x->r->m.bom && got >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			skip = 3;
			bom_ok = 1;
		}
		if (csv == ERR_OK)
			csv = csv_feed(rd, (const char *)buf + skip, got - skip,
			               import_verify_record, x, &csv_why);
		at += got;
	}
	if (c == ERR_OK && csv == ERR_OK)
		csv = csv_finish(rd, import_verify_record, x, &csv_why);
	csv_reader_free(rd);
	if (c != ERR_OK)
		return c;
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&sha, h);
	char hex[65];
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < sizeof h; i++) {
		hex[2 * i] = digits[h[i] >> 4];
		hex[2 * i + 1] = digits[h[i] & 15];
	}
	hex[64] = '\0';
	if (strcmp(hex, pf->sha256) != 0)
		return err_set(e, ERR_PKG_HASH, MSG_NONE, "%s", pf->name);
	if (csv != ERR_OK)
		return err_set(e, csv, MSG_NONE, "%s %s", pf->name, csv_why.detail);
	if (x->records == 0 || !bom_ok)
		return err_set(e, ERR_PKG_HEADER, MSG_NONE, "%s：%s", pf->name,
		               msg_text(bom_ok ? MSG_D_IMP_NO_HEADER : MSG_D_IMP_NO_BOM));
	if (x->records - 1 != pf->rows)
		return err_set(e, ERR_PKG_COUNT, MSG_NONE, msg_text(MSG_D_IMP_ROWS), pf->name,
		               (unsigned long long)pf->rows, (unsigned long long)(x->records - 1));
	if (x->header_bad)
		return err_set(e, ERR_PKG_HEADER, MSG_NONE, "%s：%s", pf->name, x->header_why);
	return ERR_OK;
}

/* The manifest against this program and this database; the package's files against the manifest. */
static err_code import_check_manifest(import_job *x, err_info *e)
{
	const package_manifest *m = &x->r->m;
	size_t n;
	const exchange_table *tabs = exchange_tables(&n);
	if (m->schema > db_schema_version())
		return err_set(e, ERR_PKG_TOO_NEW, MSG_NONE, msg_text(MSG_D_IMP_TOO_NEW), m->schema,
		               db_schema_version());
	if (x->own[0] != '\0' && strcmp(m->office, x->own) == 0)
		return err_set(e, ERR_PKG_OWN, MSG_NONE, "%s", m->office);
	int list_ok = m->nfiles == n;
	for (size_t i = 0; list_ok && i < n; i++) {
		char name[PACKAGE_NAME_MAX];
		snprintf(name, sizeof name, "%s.csv", tabs[i].name);
		list_ok = strcmp(name, m->files[i].name) == 0;
	}
	if (!list_ok)
		return err_set(e, ERR_PKG_MANIFEST, MSG_NONE, msg_text(MSG_D_IMP_MANIFEST_FILES),
		               PACKAGE_MANIFEST);
	for (size_t i = 0; i < m->nfiles; i++)
		if (package_find(x->p, m->files[i].name) < 0)
			return err_set(e, ERR_PKG_MISSING_FILE, MSG_NONE, "%s", m->files[i].name);
	for (size_t i = 0; i < package_count(x->p); i++) {
		const char *name = package_entry_name(x->p, i);
		int listed = strcmp(name, PACKAGE_MANIFEST) == 0;
		for (size_t k = 0; !listed && k < m->nfiles; k++)
			listed = strcmp(name, m->files[k].name) == 0;
		if (!listed)
			return err_set(e, ERR_PKG_EXTRA_FILE, MSG_NONE, "%s", name);
	}
	if (strcmp(m->encoding, "GB18030") == 0)
		x->enc = ENC_GB18030;
	else
		x->enc = ENC_UTF8;
	return ERR_OK;
}

/* ---- the import log ---- */

/* Was this package applied? 1 (r->applied_at set), 0, or ERR_PKG_REPLAY for another one. */
static err_code import_seen(import_job *x, int *seen, err_info *e)
{
	*seen = 0;
	sqlite3_stmt *st = db_stmt(x->d,
	                           "SELECT manifest_sha256, applied_at, id FROM import_log "
	                           "WHERE office = ?1 AND batch = ?2",
	                           e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, x->r->m.office, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, x->r->m.batch);
	int rc = sqlite3_step(st);
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW) {
		char sha[65];
		DB_COL_BUF(st, 0, sha);
		DB_COL_BUF(st, 1, x->r->applied_at);
		if (strcmp(sha, x->r->manifest_sha256) == 0) {
			*seen = 1;
			x->r->log_id = sqlite3_column_int64(st, 2);
		} else
			c = err_set(e, ERR_PKG_REPLAY, MSG_NONE, msg_text(MSG_D_IMP_REPLAY),
			            x->r->m.office, (long long)x->r->m.batch, x->r->applied_at);
	} else if (rc != SQLITE_DONE) {
		c = db_error(x->d, rc, e);
	}
	db_done(st);
	return c;
}

static err_code import_log(import_job *x, err_info *e)
{
	import_report *r = x->r;
	sqlite3_stmt *st =
	    db_stmt(x->d,
	            "INSERT INTO import_log (office, batch, manifest_sha256, first_seq, "
	            "last_seq, created_at, applied_at, login, inserted, updated, "
	            "unchanged, older, conflicts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	            "?8, ?9, ?10, ?11, ?12, ?13)",
	            e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, r->m.office, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->m.batch);
	sqlite3_bind_text(st, 3, r->manifest_sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, r->m.first_seq);
	sqlite3_bind_int64(st, 5, r->m.last_seq);
	sqlite3_bind_text(st, 6, r->m.created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, x->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, x->d->actor_login, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, (int64_t)r->total.inserted);
	sqlite3_bind_int64(st, 10, (int64_t)r->total.updated);
	sqlite3_bind_int64(st, 11, (int64_t)r->total.unchanged);
	sqlite3_bind_int64(st, 12, (int64_t)r->total.older);
	sqlite3_bind_int64(st, 13, (int64_t)r->total.conflicts);
	DB_TRY(db_step_done(x->d, st, e));
	int64_t id = sqlite3_last_insert_rowid(x->d->conn);
	r->log_id = id;
	st = db_stmt(
	    x->d,
	    "INSERT INTO import_conflicts (import_id, n, tbl, row_key, line, local_version, "
	    "incoming_version, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	    e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	for (size_t i = 0; i < r->nconflicts; i++) {
		const import_conflict *c = &r->conflicts[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)i + 1);
		sqlite3_bind_text(st, 3, c->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, c->key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, (int64_t)c->line);
		if (c->local_version > 0)
			sqlite3_bind_int64(st, 6, c->local_version);
		else
			sqlite3_bind_null(st, 6);
		sqlite3_bind_int64(st, 7, c->incoming_version);
		sqlite3_bind_text(st, 8, c->reason, -1, SQLITE_STATIC);
		DB_TRY(db_step_done(x->d, st, e));
	}
	return ERR_OK;
}

/* ---- pass 2: apply ---- */

static err_code import_apply_file(import_job *x, size_t entry, unsigned char *buf, err_info *e)
{
	DB_TRY(import_statements(x, e));
	/* An empty table gets the rows without a lookup each (a first import). */
	char *sql = import_sqlf("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT 1)", x->t->name);
	sqlite3_stmt *st = NULL;
	err_code c = import_prepare(x->d, sql, &st, e);
	int64_t any = 1;
	if (c == ERR_OK)
		c = db_fetch_int(x->d, st, &any, e);
	sqlite3_finalize(st);
	x->fast = any == 0 && !(x->t->flags & EX_KEY_FIRST);
	enc_stream *es = NULL;
	csv_reader *rd = NULL;
	if (c == ERR_OK)
		c = enc_stream_new(x->enc, ENC_UTF8, &es, e);
	if (c == ERR_OK)
		c = csv_reader_new(&rd, e);
	char *text = NULL;
	size_t tlen = 0, tcap = 0;
	uint64_t at = 0;
	x->header = 1;
	while (c == ERR_OK) {
		size_t got = 0;
		c = package_read(x->p, entry, at, buf, IMPORT_CHUNK, &got, e);
		if (c != ERR_OK || got == 0)
			break;
		tlen = 0;
		c = enc_stream_feed(es, (const char *)buf, got, &text, &tlen, &tcap, e);
		if (c == ERR_OK)
			c = csv_feed(rd, text, tlen, import_record, x, e);
		at += got;
	}
	if (c == ERR_OK)
		c = enc_stream_finish(es, e);
	if (c == ERR_OK)
		c = csv_finish(rd, import_record, x, e);
	if (c != ERR_OK && e != NULL &&
	    (e->code == ERR_ENC_INVALID || e->code == ERR_ENC_TRUNCATED ||
	     (e->code >= ERR_CSV_QUOTE && e->code <= ERR_CSV_TOO_LONG))) {
		char why[sizeof e->detail];
		memcpy(why, e->detail, sizeof why);
		err_set(e, e->code, MSG_NONE, "%s %s", x->file, why);
	}
	free(text);
	csv_reader_free(rd);
	enc_stream_free(es);
	import_finalize(x);
	return c;
}

/* ---- the report file ---- */

static void import_report_field(csv_buf *b, const char *s, int first)
{
	csv_put_field(b, s, strlen(s), first);
}

/* Write <package>.report.csv in the package's encoding, under a temporary name first. */
static err_code import_write_report(import_job *x, err_info *e)
{
	import_report *r = x->r;
	snprintf(r->report_path, sizeof r->report_path, "%s.report.csv", package_path(x->p));
	csv_buf b = {0};
	if (r->m.bom)
		csv_buf_put(&b, "\xEF\xBB\xBF", 3);
	static const msg_id head[] = {
	    MSG_D_IMP_COL_TABLE,         MSG_D_IMP_COL_RECORD,          MSG_D_IMP_COL_LINE,
	    MSG_D_IMP_COL_LOCAL_VERSION, MSG_D_IMP_COL_PACKAGE_VERSION, MSG_D_IMP_COL_NOTE};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		import_report_field(&b, msg_text(head[i]), i == 0);
	csv_end_record(&b);
	for (size_t i = 0; i < r->nconflicts; i++) {
		const import_conflict *c = &r->conflicts[i];
		char file[48], line[24], lv[24], iv[24];
		snprintf(file, sizeof file, "%s.csv", c->table);
		snprintf(line, sizeof line, "%llu", (unsigned long long)c->line);
		snprintf(lv, sizeof lv, "%lld", (long long)c->local_version);
		snprintf(iv, sizeof iv, "%lld", (long long)c->incoming_version);
		import_report_field(&b, file, 1);
		import_report_field(&b, c->key, 0);
		import_report_field(&b, line, 0);
		import_report_field(&b, c->local_version > 0 ? lv : "", 0);
		import_report_field(&b, iv, 0);
		import_report_field(&b, c->reason, 0);
		csv_end_record(&b);
	}
	char *out = NULL;
	size_t olen = 0;
	err_code c = b.oom ? err_set(e, ERR_NOMEM, MSG_NONE, NULL) : ERR_OK;
	if (c == ERR_OK && x->enc != ENC_UTF8)
		c = enc_from_utf8(x->enc, b.s, b.n, &out, &olen, NULL, e);
	char tmp[4400];
	snprintf(tmp, sizeof tmp, "%s.part%ld", r->report_path, (long)getpid());
	if (c == ERR_OK) {
		FILE *f = fopen(tmp, "wb");
		int ok = f != NULL;
		if (ok && fwrite(out ? out : b.s, 1, out ? olen : b.n, f) != (out ? olen : b.n))
			ok = 0;
		if (f != NULL && fclose(f) != 0)
			ok = 0;
		if (ok && rename(tmp, r->report_path) != 0)
			ok = 0;
		if (!ok) {
			c = err_set(e, ERR_PKG_IO, MSG_NONE, "%s：%s", r->report_path,
			            strerror(errno));
			unlink(tmp);
		}
	}
	free(out);
	csv_buf_free(&b);
	if (c != ERR_OK)
		r->report_path[0] = '\0';
	return c;
}

/* ---- reading the log back ---- */

static void import_log_read(sqlite3_stmt *st, void *item)
{
	import_log_entry *l = item;
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, l->office);
	l->batch = sqlite3_column_int64(st, 2);
	DB_COL_BUF(st, 3, l->manifest_sha256);
	DB_COL_BUF(st, 4, l->created_at);
	DB_COL_BUF(st, 5, l->applied_at);
	DB_COL_BUF(st, 6, l->login);
	l->total.inserted = (uint64_t)sqlite3_column_int64(st, 7);
	l->total.updated = (uint64_t)sqlite3_column_int64(st, 8);
	l->total.unchanged = (uint64_t)sqlite3_column_int64(st, 9);
	l->total.older = (uint64_t)sqlite3_column_int64(st, 10);
	l->total.conflicts = (uint64_t)sqlite3_column_int64(st, 11);
}

#define IMPORT_LOG_SELECT                                                                          \
	"SELECT id, office, batch, manifest_sha256, created_at, applied_at, login, inserted, "     \
	"updated, unchanged, older, conflicts FROM import_log "

err_code import_log_recent(db *d, size_t limit, import_log_list *out, err_info *e)
{
	*out = (import_log_list){0};
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, IMPORT_LOG_SELECT "ORDER BY id DESC LIMIT ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	void *items = NULL;
	DB_TRY(db_fetch_all(d, st, import_log_read, sizeof(import_log_entry), &items, &out->n, e));
	out->items = items;
	return ERR_OK;
}

void import_log_list_free(import_log_list *l)
{
	DB_LIST_FREE(l);
}

err_code import_log_page(db *d, const char *query, size_t offset, size_t limit,
                         import_log_list *out, size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (import_log_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	char lo[16] = "", hi[16] = "";
	if (query != NULL && query[0] != '\0') {
		if (!db_fits(query, sizeof lo))
			return ERR_OK; /* longer than any office code or batch: nothing matches */
		db_copy(lo, sizeof lo, query);
		db_prefix_upper(lo, hi, sizeof hi);
	}
	void *items = NULL;
	DB_TRY(db_page(d,
	               IMPORT_LOG_SELECT "WHERE ?1 IS NULL OR (office >= ?1 AND office < ?2) OR "
	                                 "batch = CAST(?1 AS INTEGER) ORDER BY id DESC "
	                                 "LIMIT ?3 OFFSET ?4",
	               "SELECT count(*) FROM (SELECT 1 FROM import_log WHERE ?1 IS NULL OR "
	               "(office >= ?1 AND office < ?2) OR batch = CAST(?1 AS INTEGER) LIMIT ?3)",
	               lo[0] != '\0' ? lo : NULL, lo[0] != '\0' ? hi : NULL, offset, limit,
	               import_log_read, sizeof(import_log_entry), &items, &out->n, total, e));
	out->items = items;
	return ERR_OK;
}

err_code import_log_get(db *d, int64_t id, import_log_entry *out, err_info *e)
{
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, IMPORT_LOG_SELECT "WHERE id = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_fetch_one(d, st, import_log_read, out, e);
}

static void import_conflict_read(sqlite3_stmt *st, void *item)
{
	import_conflict *c = item;
	memset(c, 0, sizeof *c);
	DB_COL_BUF(st, 0, c->table);
	DB_COL_BUF(st, 1, c->key);
	c->line = (uint64_t)sqlite3_column_int64(st, 2);
	c->local_version = sqlite3_column_int64(st, 3);
	c->incoming_version = sqlite3_column_int64(st, 4);
	DB_COL_BUF(st, 5, c->reason);
}

err_code import_log_conflicts(db *d, int64_t import_id, import_conflict **out, size_t *n,
                              err_info *e)
{
	*out = NULL;
	*n = 0;
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	void *items = NULL;
	DB_TRY(db_list_by_id(d,
	                     "SELECT tbl, row_key, line, coalesce(local_version, 0), "
	                     "incoming_version, reason FROM import_conflicts WHERE import_id = ?1 "
	                     "ORDER BY n",
	                     import_id, import_conflict_read, sizeof(import_conflict), &items, n,
	                     e));
	*out = items;
	return ERR_OK;
}

/* ---- the whole run ---- */

void import_report_free(import_report *r)
{
	if (r == NULL)
		return;
	free(r->conflicts);
	r->conflicts = NULL;
	r->nconflicts = 0;
}

err_code import_run(db *d, const import_opts *o, import_report *r, err_info *e)
{
	memset(r, 0, sizeof *r);
	if (d == NULL || o == NULL || o->path == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (d->depth != 0)
		return err_set(e, ERR_DB_TRANSACTION, MSG_NONE, "import inside a transaction");
	import_job x = {.d = d, .o = o, .r = r};
	db_now(x.now);
	char own[64];
	DB_TRY(setting_get(d, "office.default", "", own, sizeof own, e));
	db_copy(x.own, sizeof x.own, own);

	DB_TRY(package_open(o->path, o->key_file, &x.p, e));
	char *text = NULL;
	size_t len = 0;
	err_code c = package_read_manifest(x.p, &text, &len, e);
	if (c == ERR_OK)
		c = package_manifest_parse(text, len, &r->m, e);
	if (c == ERR_OK)
		package_sha256_hex(text, len, r->manifest_sha256);
	free(text);
	if (c == ERR_OK)
		c = import_check_manifest(&x, e);
	int seen = 0;
	if (c == ERR_OK)
		c = import_seen(&x, &seen, e);
	if (c != ERR_OK || seen) {
		r->already = seen;
		package_close(x.p);
		return c;
	}

	size_t n;
	const exchange_table *tabs = exchange_tables(&n);
	unsigned char *buf = malloc(IMPORT_CHUNK);
	if (buf == NULL)
		c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	for (size_t i = 0; c == ERR_OK && i < n; i++) {
		x.t = &tabs[i];
		x.file = r->m.files[i].name;
		c = import_verify_file(&x, &r->m.files[i], (size_t)package_find(x.p, x.file), buf,
		                       e);
	}

	uint64_t rows = 0;
	for (size_t i = 0; i < r->m.nfiles; i++)
		rows += r->m.files[i].rows;
	if (c == ERR_OK && rows != r->m.rows)
		c = err_set(e, ERR_PKG_COUNT, MSG_NONE, msg_text(MSG_D_IMP_MANIFEST_ROWS),
		            PACKAGE_MANIFEST, (unsigned long long)r->m.rows,
		            (unsigned long long)rows);
	if (c == ERR_OK)
		c = db_bulk_begin(d, e);
	if (c == ERR_OK) {
		/* Under the write lock: another import of the same package may have won. */
		c = import_seen(&x, &seen, e);
		x.done = 0;
		for (size_t i = 0; c == ERR_OK && !seen && i < n; i++) {
			x.ti = i;
			x.t = &tabs[i];
			x.file = r->m.files[i].name;
			c = import_apply_file(&x, (size_t)package_find(x.p, x.file), buf, e);
		}
		for (size_t i = 0; i < n; i++) {
			r->total.inserted += r->tables[i].inserted;
			r->total.updated += r->tables[i].updated;
			r->total.unchanged += r->tables[i].unchanged;
			r->total.older += r->tables[i].older;
			r->total.conflicts += r->tables[i].conflicts;
		}
		if (c == ERR_OK && !seen)
			c = import_log(&x, e);
		if (c == ERR_OK && !seen) {
			c = db_bulk_end(d, e);
		} else {
			db_bulk_abort(d);
			r->already = seen;
		}
	}
	if (x.o->progress != NULL && c == ERR_OK && !seen)
		x.o->progress(x.o->ctx, IMPORT_APPLY, "", r->m.rows, r->m.rows);
	free(buf);
	import_set_free(&x.failed);
	if (c == ERR_OK && !seen && !o->no_report) {
		err_info why;
		if (import_write_report(&x, &why) != ERR_OK)
			r->report_failed = 1;
	}
	package_close(x.p);
	if (c != ERR_OK)
		import_report_free(r);
	return c;
}
