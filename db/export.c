/*
 * export — writing packages (see export.h).
 *
 * Which rows: a batch covers the change sequences (first, last]; a table
 * contributes its rows whose chg_seq falls there, and then, walking the
 * tables from children to parents, every row those rows point at (the
 * contract of a changed event, the person and employer of a contract, the
 * office of anything) is added, so a package can be applied on its own.
 * The row ids are gathered in temporary tables temp.x_<table>.
 *
 * How: one query per table in key order; each row becomes a CSV record in
 * UTF-8, converted in large chunks to the package encoding, hashed and
 * written. Nothing in a file depends on the time of writing, so writing a
 * batch again gives the same bytes as long as its rows are unchanged; the
 * manifest hash recorded with the batch proves it.
 */
#include "db/export.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db/csv.h"
#include "db/dbint.h"
#include "db/exchange.h"
#include "db/setting.h"
#include "locale/enc.h"

#define EXPORT_FLUSH (1u << 18) /* convert and write the CSV text in chunks this large */
#define EXPORT_PROGRESS_ROWS 8192

/*
 * A second thread works beside the one reading rows: while rows are read
 * into memory to be sorted it converts them, chunk by chunk, to the package
 * encoding; while the sorted rows are written out it hashes and writes
 * them. Tasks pass through a small ring, handled in order. Without the
 * thread (it could not be started) each task is done at once.
 */
#define EXPORT_PIPE_SLOTS 4

/* Records converted while reading: the text, and where each record ends in it. */
typedef struct export_conv {
	char *text;
	size_t len, cap;
	uint32_t *ends;
	size_t n, cap_ends;
} export_conv;

/* A task: write `data`, or convert `conv` in place. */
typedef struct export_slot {
	char *data;
	size_t len, cap;
	export_conv *conv;
} export_slot;

typedef struct export_pipe {
	int threaded;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t filled, emptied;
	export_slot ring[EXPORT_PIPE_SLOTS];
	size_t head;        /* next slot to fill */
	size_t tail;        /* next slot to do */
	size_t count;       /* filled and not yet done */
	int stop;           /* no more tasks */
	package_sink *sink; /* the file being written */
	enc_stream *es;     /* the file's converter, NULL for UTF-8 */
	char *spare;        /* the thread's conversion buffer */
	size_t spare_cap;
	err_code err; /* the first error of a task */
	err_info why;
} export_pipe;

#define EXPORT_OFFICES 256 /* office codes kept while reading rows */

typedef struct export_job {
	char offices[EXPORT_OFFICES][13]; /* offices the rows read so far name */
	size_t noffices;
	int offices_overflow; /* more than that: offices are found by SQL */
	db *d;
	const export_opts *o;
	enc_kind enc;
	int bom;
	char dir[4352]; /* temporary folder the files are written into */
	uint64_t done, total;
	csv_buf csv;
	export_pipe pipe;
} export_job;

/* ---- SQL text ---- */

static char *export_sqlf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *export_sqlf(const char *fmt, ...)
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

static err_code export_exec(db *d, const char *sql, int64_t a, int64_t b, err_info *e)
{
	if (sql == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(d->conn, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		if (sqlite3_bind_parameter_count(st) >= 2) {
			sqlite3_bind_int64(st, 1, a);
			sqlite3_bind_int64(st, 2, b);
		}
		rc = sqlite3_step(st);
	}
	err_code c = rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : db_error(d, rc, e);
	sqlite3_finalize(st);
	return c;
}

/* ---- which rows ---- */

/*
 * The rows of table T in a batch are those whose chg_seq lies in the range,
 * plus the rows in temp.x_T that batch rows refer to. The two are kept
 * apart so the range can be read with a plain scan when it is most of the
 * table (a first batch), and through the chg_seq index when it is small.
 */
#define EXPORT_IN_BATCH "(t.chg_seq BETWEEN ?1 AND ?2 OR t.id IN (SELECT id FROM temp.x_%s))"

static void export_drop_sets(db *d)
{
	size_t n;
	const exchange_table *tabs = exchange_tables(&n);
	for (size_t i = 0; i < n; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.x_%s", tabs[i].name);
		sqlite3_exec(d->conn, sql, NULL, NULL, NULL);
	}
}

static err_code export_count(db *d, const char *sql, int64_t first, int64_t last, uint64_t *out,
                             err_info *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sql ? sqlite3_prepare_v2(d->conn, sql, -1, &st, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		if (sqlite3_bind_parameter_count(st) >= 2) {
			sqlite3_bind_int64(st, 1, first);
			sqlite3_bind_int64(st, 2, last);
		}
		rc = sqlite3_step(st);
	}
	err_code c = ERR_OK;
	if (rc == SQLITE_ROW)
		*out = (uint64_t)sqlite3_column_int64(st, 0);
	else
		c = db_error(d, rc, e);
	sqlite3_finalize(st);
	return c;
}

/* Per table: rows in the range, extra rows referred to, and all rows of the table. */
typedef struct export_counts {
	uint64_t range, extra, table;
} export_counts;

/*
 * The offices rows refer to, from SQL: used when rows name more offices
 * than export_note_office keeps while reading (then offices cost one more
 * pass over each table that has an office column).
 */
static err_code export_collect_offices(db *d, int64_t first, int64_t last, err_info *e)
{
	size_t n;
	const exchange_table *tabs = exchange_tables(&n);
	err_code c = ERR_OK;
	for (size_t i = 0; i < n && c == ERR_OK; i++) {
		if (!(tabs[i].flags & EX_OFFICE))
			continue;
		char *sql = export_sqlf(
		    "INSERT OR IGNORE INTO temp.x_offices SELECT o.id FROM offices o WHERE "
		    "o.chg_seq NOT BETWEEN ?1 AND ?2 AND o.code IN (SELECT t.office FROM %s t "
		    "WHERE " EXPORT_IN_BATCH ")",
		    tabs[i].name, tabs[i].name);
		c = export_exec(d, sql, first, last, e);
		free(sql);
	}
	return c;
}

/*
 * Fill temp.x_<table> with the rows batch rows refer to, outside the range;
 * count. Offices are left to the reading of the rows (export_note_office).
 */
static err_code export_collect(db *d, int64_t first, int64_t last, export_counts *counts,
                               err_info *e)
{
	size_t n;
	const exchange_table *tabs = exchange_tables(&n);
	err_code c = ERR_OK;
	for (size_t i = 0; i < n && c == ERR_OK; i++) {
		char *sql =
		    export_sqlf("CREATE TEMP TABLE x_%s (id INTEGER PRIMARY KEY)", tabs[i].name);
		c = export_exec(d, sql, 0, 0, e);
		free(sql);
	}
	/* Children come after their parents, so walking backwards completes each set before use. */
	for (size_t i = n; i-- > 0 && c == ERR_OK;) {
		const exchange_table *t = &tabs[i];
		for (size_t k = 0; k < t->nrefs && c == ERR_OK; k++) {
			const exchange_ref *r = &t->refs[k];
			const char *target = tabs[r->target].name;
			/* A correction points at a line of the same log: twice covers a correction
			 * of one. */
			int rounds = (size_t)r->target == i ? 2 : 1;
			for (int round = 0; round < rounds && c == ERR_OK; round++) {
				char *sql = export_sqlf(
				    "INSERT OR IGNORE INTO temp.x_%s SELECT t.%s FROM %s t "
				    "WHERE " EXPORT_IN_BATCH " AND t.%s IS NOT NULL AND NOT EXISTS "
				    "(SELECT 1 FROM %s p WHERE p.id = "
				    "t.%s AND p.chg_seq BETWEEN ?1 AND ?2)",
				    target, r->col, t->name, t->name, r->col, target, r->col);
				c = export_exec(d, sql, first, last, e);
				free(sql);
			}
		}
	}
	for (size_t i = 0; i < n && c == ERR_OK; i++) {
		char *sql = export_sqlf("SELECT count(*) FROM %s WHERE chg_seq BETWEEN ?1 AND ?2",
		                        tabs[i].name);
		c = export_count(d, sql, first, last, &counts[i].range, e);
		free(sql);
		if (c != ERR_OK)
			break;
		sql = export_sqlf("SELECT count(*) FROM temp.x_%s", tabs[i].name);
		c = export_count(d, sql, 0, 0, &counts[i].extra, e);
		free(sql);
		if (c != ERR_OK)
			break;
		sql = export_sqlf("SELECT count(*) FROM %s", tabs[i].name);
		c = export_count(d, sql, 0, 0, &counts[i].table, e);
		free(sql);
	}
	return c;
}

/*
 * The export query of a table: its CSV columns, version and base, then the
 * sort keys that are not CSV columns; unordered, or (sorted) in key order.
 */
static char *export_select(const exchange_table *t, const export_counts *n, int sorted)
{
	char *cols = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&cols, &len);
	if (f == NULL)
		return NULL;
	for (size_t i = 0; i < t->nfields; i++) {
		const exchange_field *x = &t->fields[i];
		if (x->out != NULL)
			fprintf(f, "%s, ", x->out);
		else
			fprintf(f, "t.%s, ", x->name);
	}
	if (t->flags & EX_VERSIONED)
		fputs("t.version, t.sync_office, t.sync_version", f);
	else
		fputs("1, NULL, NULL", f);
	for (size_t k = 0; k < t->nsort; k++)
		if (t->sort[k].field < 0)
			fprintf(f, ", %s", t->sort[k].sql);
	if (fclose(f) != 0) {
		free(cols);
		return NULL;
	}
	/* A unary + keeps SQLite off the chg_seq index when reading most of the table. */
	const char *scan = n->range * 4 >= n->table ? "+" : "";
	char *sql = export_sqlf("SELECT %s FROM %s t WHERE %st.chg_seq BETWEEN ?1 AND ?2 UNION ALL "
	                        "SELECT %s FROM %s t WHERE t.id IN (SELECT id FROM temp.x_%s)",
	                        cols, t->name, scan, cols, t->name, t->name);
	free(cols);
	if (sql == NULL || !sorted)
		return sql;
	char order[64] = "";
	size_t extra = 0, used = 0;
	for (size_t k = 0; k < t->nsort; k++) {
		size_t pos = t->sort[k].field >= 0 ? (size_t)t->sort[k].field + 1
		                                   : t->nfields + EXCHANGE_TAIL_COLS + ++extra;
		used += (size_t)snprintf(order + used, sizeof order - used, "%s%zu", k ? ", " : "",
		                         pos);
	}
	char *wrapped = export_sqlf("SELECT * FROM (%s) ORDER BY %s", sql, order);
	free(sql);
	return wrapped;
}

/* ---- the second thread ---- */

/*
 * Convert a chunk of UTF-8 records and find where each ends in the result:
 * at a CRLF outside quotes (the bytes " CR LF never occur inside a GB18030
 * character, and the writer quotes every field holding CR or LF).
 */
static err_code export_convert(export_pipe *p, export_conv *cv, err_info *e)
{
	if (p->es == NULL) {
		size_t bad = 0;
		if (!enc_utf8_valid(cv->text, cv->len, &bad))
			return err_set(e, ERR_ENC_INVALID, MSG_NONE, msg_text(MSG_D_EXP_BYTE_AT),
			               bad + 1);
		return ERR_OK;
	}
	size_t olen = 0;
	err_code c = enc_stream_feed(p->es, cv->text, cv->len, &p->spare, &olen, &p->spare_cap, e);
	if (c != ERR_OK)
		return c;
	char *in = cv->text;
	size_t in_cap = cv->cap;
	cv->text = p->spare;
	cv->cap = p->spare_cap;
	cv->len = olen;
	p->spare = in;
	p->spare_cap = in_cap;
	size_t k = 0;
	int quoted = 0;
	for (size_t i = 0; i + 1 < olen && k < cv->n; i++) {
		char ch = cv->text[i];
		if (ch == '"')
			quoted = !quoted;
		else if (ch == '\r' && !quoted && cv->text[i + 1] == '\n')
			cv->ends[k++] = (uint32_t)(i + 2);
	}
	if (k != cv->n)
		return err_set(e, ERR_INTERNAL, MSG_NONE, "export: %zu of %zu records", k, cv->n);
	return ERR_OK;
}

static err_code export_slot_run(export_pipe *p, export_slot *s, err_info *e)
{
	if (s->conv != NULL)
		return export_convert(p, s->conv, e);
	return package_sink_write(p->sink, s->data, s->len, e);
}

static void *export_pipe_main(void *arg)
{
	export_pipe *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->count == 0 && !p->stop)
			pthread_cond_wait(&p->filled, &p->mu);
		if (p->count == 0)
			break;
		export_slot *s = &p->ring[p->tail];
		int skip = p->err != ERR_OK;
		pthread_mutex_unlock(&p->mu);
		err_info why;
		err_code c = skip ? ERR_OK : export_slot_run(p, s, &why);
		pthread_mutex_lock(&p->mu);
		if (c != ERR_OK && p->err == ERR_OK) {
			p->err = c;
			p->why = why;
		}
		s->len = 0;
		s->conv = NULL;
		p->tail = (p->tail + 1) % EXPORT_PIPE_SLOTS;
		p->count--;
		pthread_cond_signal(&p->emptied);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void export_pipe_start(export_pipe *p)
{
	memset(p, 0, sizeof *p);
	if (pthread_mutex_init(&p->mu, NULL) != 0)
		return;
	if (pthread_cond_init(&p->filled, NULL) != 0 || pthread_cond_init(&p->emptied, NULL) != 0 ||
	    pthread_create(&p->thread, NULL, export_pipe_main, p) != 0)
		return;
	p->threaded = 1;
}

static void export_pipe_end(export_pipe *p)
{
	if (p->threaded) {
		pthread_mutex_lock(&p->mu);
		p->stop = 1;
		pthread_cond_signal(&p->filled);
		pthread_mutex_unlock(&p->mu);
		pthread_join(p->thread, NULL);
	}
	for (size_t i = 0; i < EXPORT_PIPE_SLOTS; i++)
		free(p->ring[i].data);
	memset(p->ring, 0, sizeof p->ring);
	free(p->spare);
	p->spare = NULL;
}

/* The next slot to fill, once the thread is done with it. */
static export_slot *export_pipe_claim(export_pipe *p)
{
	if (p->threaded) {
		pthread_mutex_lock(&p->mu);
		while (p->count == EXPORT_PIPE_SLOTS)
			pthread_cond_wait(&p->emptied, &p->mu);
		pthread_mutex_unlock(&p->mu);
	}
	return &p->ring[p->head];
}

/* Hand the claimed slot over; the first error of a task, if any yet. */
static err_code export_pipe_publish(export_pipe *p, err_info *e)
{
	export_slot *s = &p->ring[p->head];
	if (!p->threaded) {
		err_code c = export_slot_run(p, s, e);
		s->len = 0;
		s->conv = NULL;
		return c;
	}
	pthread_mutex_lock(&p->mu);
	p->head = (p->head + 1) % EXPORT_PIPE_SLOTS;
	p->count++;
	pthread_cond_signal(&p->filled);
	err_code c = p->err;
	if (c != ERR_OK && e != NULL)
		*e = p->why;
	pthread_mutex_unlock(&p->mu);
	return c;
}

/* Wait until every task handed over is done; the first error, if any. */
static err_code export_pipe_drain(export_pipe *p, err_info *e)
{
	if (!p->threaded)
		return ERR_OK;
	pthread_mutex_lock(&p->mu);
	while (p->count > 0)
		pthread_cond_wait(&p->emptied, &p->mu);
	err_code c = p->err;
	if (c != ERR_OK && e != NULL)
		*e = p->why;
	p->err = ERR_OK;
	pthread_mutex_unlock(&p->mu);
	return c;
}

/* Add an error's place (the file) to its detail. */
static err_code export_where(err_code c, const char *name, err_info *e)
{
	if (c != ERR_OK && e != NULL && e->code != ERR_PKG_IO && e->code != ERR_NOMEM) {
		char why[sizeof e->detail];
		memcpy(why, e->detail, sizeof why);
		err_set(e, c, MSG_NONE, "%s：%s", name, why);
	}
	return c;
}

/* ---- writing one file ---- */

/* Convert the UTF-8 text in x->csv and hand it to be written. */
static err_code export_flush(export_job *x, enc_stream *es, const char *name, err_info *e)
{
	if (x->csv.oom)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	if (x->csv.n == 0)
		return ERR_OK;
	err_code c = ERR_OK;
	export_slot *s = export_pipe_claim(&x->pipe);
	if (es != NULL) {
		s->len = 0;
		c = enc_stream_feed(es, x->csv.s, x->csv.n, &s->data, &s->len, &s->cap, e);
	} else {
		size_t bad = 0;
		if (!enc_utf8_valid(x->csv.s, x->csv.n, &bad)) {
			c = err_set(e, ERR_ENC_INVALID, MSG_NONE, msg_text(MSG_D_EXP_BYTE_AT),
			            bad + 1);
		} else {
			/* UTF-8 needs no conversion: the text itself becomes the slot's. */
			char *data = s->data;
			size_t cap = s->cap;
			s->data = x->csv.s;
			s->cap = x->csv.cap;
			s->len = x->csv.n;
			x->csv.s = data;
			x->csv.cap = cap;
			x->csv.n = 0;
		}
	}
	if (c == ERR_OK)
		c = export_pipe_publish(&x->pipe, e);
	csv_buf_clear(&x->csv);
	return export_where(c, name, e);
}

/* Hand already converted bytes to be written, gathered into large slots. */
static err_code export_put_converted(export_job *x, const char *data, size_t n, int last,
                                     err_info *e)
{
	export_slot *s = &x->pipe.ring[x->pipe.head];
	if (n > 0 && s->len + n > s->cap) {
		size_t cap = s->cap ? s->cap : EXPORT_FLUSH + 4096;
		while (cap < s->len + n)
			cap *= 2;
		char *nd = realloc(s->data, cap);
		if (nd == NULL)
			return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		s->data = nd;
		s->cap = cap;
	}
	if (n > 0) {
		memcpy(s->data + s->len, data, n);
		s->len += n;
	}
	if (s->len < EXPORT_FLUSH && !last)
		return ERR_OK;
	err_code c = s->len > 0 ? export_pipe_publish(&x->pipe, e) : ERR_OK;
	export_pipe_claim(&x->pipe);
	return c;
}

/*
 * Rows are sorted in memory: each row's keys go into large blocks, its
 * record into chunks that the second thread converts while reading goes
 * on; an array of row references is sorted, and the converted records are
 * written in that order. A table too large for EXPORT_SORT_MEM is read
 * again with ORDER BY, leaving the sort to SQLite, which spills to disk.
 */
#define EXPORT_BLOCK (64u << 20)
#define EXPORT_SORT_MEM ((size_t)1 << 30) /* unless export_opts.sort_mem says otherwise */
#define EXPORT_CONV_ROWS 4096             /* records per conversion chunk */

/*
 * A kept row: the first 16 bytes of its first key as two big-endian
 * numbers, so most comparisons are of integers; its keys (per key a 4-byte
 * length and the bytes, then a UINT32_MAX mark); and its record, the
 * idx-th of conversion chunk `chunk`.
 */
typedef struct export_sort_row {
	uint64_t k0, k1;
	const char *p;
	uint32_t chunk, idx;
} export_sort_row;

typedef struct export_sorter {
	char **blocks;
	size_t nblocks, used; /* bytes used in the last block */
	size_t total;         /* memory held, keys and records */
	size_t limit;         /* most memory to hold */
	export_sort_row *rows;
	size_t nrows, caprows;
	export_conv **convs;
	size_t nconvs, capconvs;
} export_sorter;

static void export_sorter_free(export_sorter *s)
{
	for (size_t i = 0; i < s->nblocks; i++)
		free(s->blocks[i]);
	free(s->blocks);
	free(s->rows);
	for (size_t i = 0; i < s->nconvs; i++) {
		free(s->convs[i]->text);
		free(s->convs[i]->ends);
		free(s->convs[i]);
	}
	free(s->convs);
	memset(s, 0, sizeof *s);
}

/* Room for n bytes in the current block; NULL when out of memory or over the cap. */
static char *export_sorter_alloc(export_sorter *s, size_t n)
{
	if (s->total + n > s->limit)
		return NULL;
	if (s->nblocks == 0 || s->used + n > EXPORT_BLOCK) {
		size_t size = n > EXPORT_BLOCK ? n : EXPORT_BLOCK;
		char **nb = realloc(s->blocks, (s->nblocks + 1) * sizeof *nb);
		if (nb == NULL)
			return NULL;
		s->blocks = nb;
		if ((nb[s->nblocks] = malloc(size)) == NULL)
			return NULL;
		s->nblocks++;
		s->used = 0;
	}
	char *p = s->blocks[s->nblocks - 1] + s->used;
	s->used += n;
	s->total += n;
	return p;
}

static void export_put_u32(char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static uint32_t export_get_u32(const char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static int export_row_cmp(const void *a, const void *b)
{
	const export_sort_row *ra = a, *rb = b;
	if (ra->k0 != rb->k0)
		return ra->k0 < rb->k0 ? -1 : 1;
	if (ra->k1 != rb->k1)
		return ra->k1 < rb->k1 ? -1 : 1;
	const char *p = ra->p, *q = rb->p;
	/* Both rows have the same number of keys, each list ended by UINT32_MAX. */
	for (;;) {
		uint32_t lp = export_get_u32(p), lq = export_get_u32(q);
		if (lp == UINT32_MAX)
			return 0;
		int r = memcmp(p + 4, q + 4, lp < lq ? lp : lq);
		if (r != 0)
			return r;
		if (lp != lq)
			return lp < lq ? -1 : 1;
		p += 4 + lp;
		q += 4 + lq;
	}
}

/*
 * Sort rows by their 16-byte prefixes with a radix sort (stable, 16 bits at
 * a time, least significant first, skipping digits all rows share), then
 * put runs of equal prefixes in full key order. Falls back to qsort when
 * the scratch array cannot be had.
 */
static void export_sort_rows(export_sort_row *rows, size_t n)
{
	if (n < 2)
		return;
	export_sort_row *tmp = n > 64 ? malloc(n * sizeof *tmp) : NULL;
	size_t *count = tmp != NULL ? malloc(65536 * sizeof *count) : NULL;
	if (count == NULL) {
		free(tmp);
		qsort(rows, n, sizeof *rows, export_row_cmp);
		return;
	}
	export_sort_row *from = rows, *to = tmp;
	for (int pass = 0; pass < 8; pass++) {
		int shift = (pass % 4) * 16;
		int low = pass < 4; /* k1 first: it is the less significant half */
		memset(count, 0, 65536 * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[((low ? from[i].k1 : from[i].k0) >> shift) & 0xFFFF]++;
		size_t first = ((low ? from[0].k1 : from[0].k0) >> shift) & 0xFFFF;
		if (count[first] == n)
			continue;
		size_t sum = 0;
		for (size_t d = 0; d < 65536; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			to[count[((low ? from[i].k1 : from[i].k0) >> shift) & 0xFFFF]++] = from[i];
		export_sort_row *swap = from;
		from = to;
		to = swap;
	}
	if (from != rows)
		memcpy(rows, from, n * sizeof *rows);
	free(count);
	free(tmp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && rows[j].k0 == rows[i].k0 && rows[j].k1 == rows[i].k1)
			j++;
		if (j - i > 1)
			qsort(rows + i, j - i, sizeof *rows, export_row_cmp);
		i = j;
	}
}

/* The conversion chunk being filled, a new one when the last went to be converted. */
static export_conv *export_sorter_conv(export_sorter *s)
{
	if (s->nconvs > 0 && s->convs[s->nconvs - 1]->n < EXPORT_CONV_ROWS)
		return s->convs[s->nconvs - 1];
	if (s->nconvs == s->capconvs) {
		size_t cap = s->capconvs ? s->capconvs * 2 : 64;
		export_conv **n = realloc(s->convs, cap * sizeof *n);
		if (n == NULL)
			return NULL;
		s->convs = n;
		s->capconvs = cap;
	}
	export_conv *cv = calloc(1, sizeof *cv);
	if (cv == NULL || (cv->ends = malloc(EXPORT_CONV_ROWS * sizeof *cv->ends)) == NULL) {
		free(cv);
		return NULL;
	}
	cv->cap_ends = EXPORT_CONV_ROWS;
	s->convs[s->nconvs++] = cv;
	return cv;
}

/* Keep the current row: its sort keys (from st) and its UTF-8 record rec. */
static int export_sorter_add(export_sorter *s, sqlite3_stmt *st, const exchange_table *t,
                             const csv_buf *rec)
{
	char keys[4][24];
	const char *kv[4];
	size_t kl[4], need = 4, extra = 0;
	for (size_t k = 0; k < t->nsort; k++) {
		int col = t->sort[k].field >= 0 ? t->sort[k].field
		                                : (int)(t->nfields + EXCHANGE_TAIL_COLS + extra++);
		if (t->sort[k].integer) {
			/* Offset into unsigned range, fixed width: byte order is number order. */
			uint64_t v = (uint64_t)sqlite3_column_int64(st, col) ^ (UINT64_C(1) << 63);
			snprintf(keys[k], sizeof keys[k], "%020llu", (unsigned long long)v);
			kv[k] = keys[k];
			kl[k] = 20;
		} else {
			kv[k] = (const char *)sqlite3_column_text(st, col);
			kl[k] = kv[k] != NULL ? (size_t)sqlite3_column_bytes(st, col) : 0;
			if (kv[k] == NULL)
				kv[k] = "";
		}
		need += 4 + kl[k];
	}
	if (s->nrows == s->caprows) {
		size_t cap = s->caprows ? s->caprows * 2 : 4096;
		export_sort_row *nr = realloc(s->rows, cap * sizeof *nr);
		if (nr == NULL)
			return 0;
		s->rows = nr;
		s->caprows = cap;
	}
	export_conv *cv = export_sorter_conv(s);
	char *p = cv != NULL ? export_sorter_alloc(s, need) : NULL;
	if (p == NULL || s->total + rec->n > s->limit)
		return 0;
	if (cv->len + rec->n > cv->cap) {
		size_t cap = cv->cap ? cv->cap * 2 : 1u << 19;
		while (cap < cv->len + rec->n)
			cap *= 2;
		char *nt = realloc(cv->text, cap);
		if (nt == NULL)
			return 0;
		cv->text = nt;
		cv->cap = cap;
	}
	memcpy(cv->text + cv->len, rec->s, rec->n);
	cv->len += rec->n;
	cv->ends[cv->n++] = (uint32_t)cv->len;
	s->total += rec->n;
	/* Zero-padded, a shorter key sorts before a longer one it starts, as memcmp has it. */
	unsigned char pre[16] = {0};
	memcpy(pre, kv[0], kl[0] < 16 ? kl[0] : 16);
	export_sort_row *row = &s->rows[s->nrows++];
	row->k0 = row->k1 = 0;
	for (int i = 0; i < 8; i++) {
		row->k0 = row->k0 << 8 | pre[i];
		row->k1 = row->k1 << 8 | pre[8 + i];
	}
	row->p = p;
	row->chunk = (uint32_t)(s->nconvs - 1);
	row->idx = (uint32_t)(cv->n - 1);
	for (size_t k = 0; k < t->nsort; k++) {
		export_put_u32(p, (uint32_t)kl[k]);
		memcpy(p + 4, kv[k], kl[k]);
		p += 4 + kl[k];
	}
	export_put_u32(p, UINT32_MAX);
	return 1;
}

/* Send the chunk just filled to be converted. */
static err_code export_sorter_submit(export_job *x, export_sorter *s, err_info *e)
{
	if (s->nconvs == 0)
		return ERR_OK;
	export_slot *slot = export_pipe_claim(&x->pipe);
	slot->conv = s->convs[s->nconvs - 1];
	slot->len = 0;
	return export_pipe_publish(&x->pipe, e);
}

/* Remember the office a row names, so offices.csv (written last) includes it. */
static void export_note_office(export_job *x, const char *code)
{
	if (code == NULL || code[0] == '\0' || x->offices_overflow)
		return;
	for (size_t i = x->noffices; i-- > 0;)
		if (strcmp(x->offices[i], code) == 0)
			return;
	if (x->noffices == EXPORT_OFFICES || strlen(code) >= sizeof x->offices[0]) {
		x->offices_overflow = 1;
		return;
	}
	memcpy(x->offices[x->noffices++], code, strlen(code) + 1);
}

static int export_office_field(const exchange_table *t)
{
	if (!(t->flags & EX_OFFICE))
		return -1;
	for (size_t i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, "office") == 0)
			return (int)i;
	return -1;
}

static void export_put_row(csv_buf *b, sqlite3_stmt *st, int ncols)
{
	for (int i = 0; i < ncols; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		size_t len = v != NULL ? (size_t)sqlite3_column_bytes(st, i) : 0;
		csv_put_field(b, v != NULL ? v : "", len, i == 0);
	}
	csv_end_record(b);
}

/*
 * Read the rows of one table. Sorting in memory (sorter not NULL) the
 * records are kept; else they are written as they come, ordered by SQLite.
 * Returns ERR_NOMEM with *too_big when the sorter hit its cap.
 */
static err_code export_rows(export_job *x, const exchange_table *t, const export_counts *n,
                            const export_batch *b, export_sorter *sorter, enc_stream *es,
                            package_file *pf, int *too_big, err_info *e)
{
	char *sql = export_select(t, n, sorter == NULL);
	if (sql == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(x->d->conn, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_error(x->d, rc, e);
	sqlite3_bind_int64(st, 1, b->first_seq);
	sqlite3_bind_int64(st, 2, b->last_seq);
	int ncols = (int)t->nfields + EXCHANGE_TAIL_COLS;
	int office = export_office_field(t);
	err_code c = ERR_OK;
	csv_buf rec = {0};
	while (c == ERR_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (office >= 0)
			export_note_office(x, (const char *)sqlite3_column_text(st, office));
		if (sorter != NULL) {
			csv_buf_clear(&rec);
			export_put_row(&rec, st, ncols);
			if (rec.oom || !export_sorter_add(sorter, st, t, &rec)) {
				*too_big = 1;
				c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
			} else if (sorter->convs[sorter->nconvs - 1]->n == EXPORT_CONV_ROWS) {
				c = export_sorter_submit(x, sorter, e);
			}
		} else {
			export_put_row(&x->csv, st, ncols);
			if (x->csv.n >= EXPORT_FLUSH)
				c = export_flush(x, es, pf->name, e);
		}
		pf->rows++;
		x->done++;
		if (x->o->progress != NULL && x->done % EXPORT_PROGRESS_ROWS == 0)
			x->o->progress(x->o->ctx, pf->name, x->done, x->total);
	}
	if (c == ERR_OK && rc != SQLITE_DONE)
		c = db_error(x->d, rc, e);
	sqlite3_finalize(st);
	csv_buf_free(&rec);
	/* The last chunk, if not full, still has to be converted. */
	if (c == ERR_OK && sorter != NULL && sorter->nconvs > 0 &&
	    sorter->convs[sorter->nconvs - 1]->n < EXPORT_CONV_ROWS)
		c = export_sorter_submit(x, sorter, e);
	return c;
}

/* Write the sorted rows' converted records. */
static err_code export_sorted_out(export_job *x, export_sorter *s, err_info *e)
{
	export_sort_rows(s->rows, s->nrows);
	export_pipe_claim(&x->pipe);
	err_code c = ERR_OK;
	for (size_t i = 0; i < s->nrows && c == ERR_OK; i++) {
		const export_conv *cv = s->convs[s->rows[i].chunk];
		uint32_t k = s->rows[i].idx;
		uint32_t from = k ? cv->ends[k - 1] : 0;
		c = export_put_converted(x, cv->text + from, cv->ends[k] - from, 0, e);
	}
	if (c == ERR_OK)
		c = export_put_converted(x, "", 0, 1, e);
	return c;
}

static err_code export_table(export_job *x, const exchange_table *t, const export_counts *n,
                             const export_batch *b, package_file *pf, err_info *e)
{
	snprintf(pf->name, sizeof pf->name, "%s.csv", t->name);
	pf->rows = 0;
	package_sink *sink = NULL;
	enc_stream *es = NULL;
	err_code c = package_sink_open(x->dir, pf->name, &sink, e);
	if (c == ERR_OK && x->enc != ENC_UTF8)
		c = enc_stream_new(ENC_UTF8, x->enc, &es, e);
	x->pipe.sink = sink;
	x->pipe.es = es;
	csv_buf_clear(&x->csv);
	if (x->bom)
		csv_buf_put(&x->csv, "\xEF\xBB\xBF", 3);
	for (size_t i = 0; i < t->nfields; i++)
		csv_put_field(&x->csv, t->fields[i].name, strlen(t->fields[i].name), i == 0);
	for (size_t i = 0; i < EXCHANGE_TAIL_COLS; i++)
		csv_put_field(&x->csv, exchange_tail_names[i], strlen(exchange_tail_names[i]), 0);
	csv_end_record(&x->csv);
	/* The header goes first, converted here before the thread converts anything. */
	if (c == ERR_OK)
		c = export_flush(x, es, pf->name, e);

	export_sorter sorter = {.limit = x->o->sort_mem ? x->o->sort_mem : EXPORT_SORT_MEM};
	int too_big = 0;
	uint64_t done = x->done;
	if (c == ERR_OK)
		c = export_rows(x, t, n, b, &sorter, es, pf, &too_big, e);
	err_info why;
	/* Every chunk converted (or the thread stopped on an error) before going on. */
	err_code converted = export_pipe_drain(&x->pipe, &why);
	if (c == ERR_OK && converted != ERR_OK) {
		c = converted;
		if (e != NULL)
			*e = why;
		export_where(c, pf->name, e);
	}
	if (c == ERR_OK) {
		c = export_sorted_out(x, &sorter, e);
	} else if (too_big) {
		/* Too large to sort here: let SQLite sort, starting the file's rows again. */
		export_sorter_free(&sorter);
		if (es != NULL) {
			/* The thread converted part of the rows: begin the conversion anew. */
			enc_stream_free(es);
			es = NULL;
			c = enc_stream_new(ENC_UTF8, x->enc, &es, e);
			x->pipe.es = es;
		} else {
			c = ERR_OK;
		}
		x->done = done;
		pf->rows = 0;
		if (c == ERR_OK) {
			err_clear(e);
			c = export_rows(x, t, n, b, NULL, es, pf, &too_big, e);
		}
		if (c == ERR_OK)
			c = export_flush(x, es, pf->name, e);
	}
	export_sorter_free(&sorter);
	if (c == ERR_OK && es != NULL)
		c = enc_stream_finish(es, e);
	/* The thread must be done with the file before it is closed, even after an error. */
	err_code wrote = export_pipe_drain(&x->pipe, &why);
	if (c == ERR_OK && wrote != ERR_OK) {
		c = wrote;
		if (e != NULL)
			*e = why;
	}
	enc_stream_free(es);
	x->pipe.sink = NULL;
	x->pipe.es = NULL;
	if (c == ERR_OK) {
		c = package_sink_close(sink, pf, e);
		sink = NULL;
	}
	package_sink_abort(sink);
	return c;
}

/* ---- batches ---- */

static void export_batch_read(sqlite3_stmt *st, void *item)
{
	export_batch *b = item;
	memset(b, 0, sizeof *b);
	b->batch = sqlite3_column_int64(st, 0);
	DB_COL_BUF(st, 1, b->office);
	b->first_seq = sqlite3_column_int64(st, 2);
	b->last_seq = sqlite3_column_int64(st, 3);
	DB_COL_BUF(st, 4, b->created_at);
	DB_COL_BUF(st, 5, b->encoding);
	b->bom = sqlite3_column_int(st, 6);
	b->rows = (uint64_t)sqlite3_column_int64(st, 7);
	DB_COL_BUF(st, 8, b->manifest_sha256);
}

#define EXPORT_BATCH_SELECT                                                                        \
	"SELECT batch, office, first_seq, last_seq, created_at, encoding, bom, rows, "             \
	"manifest_sha256 FROM export_batches "

/* The per-file part of a recorded batch. */
static err_code export_batch_files(db *d, export_batch *b, err_info *e)
{
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT json_extract(f.value, '$.name'), json_extract(f.value, "
	                           "'$.rows'), json_extract(f.value, '$.bytes'), "
	                           "json_extract(f.value, '$.sha256') FROM export_batches b, "
	                           "json_each(b.files) f WHERE b.batch = ?1 ORDER BY f.key",
	                           e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, b->batch);
	b->nfiles = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && b->nfiles < PACKAGE_MAX_FILES) {
		package_file *f = &b->files[b->nfiles++];
		DB_COL_BUF(st, 0, f->name);
		f->rows = (uint64_t)sqlite3_column_int64(st, 1);
		f->bytes = (uint64_t)sqlite3_column_int64(st, 2);
		DB_COL_BUF(st, 3, f->sha256);
	}
	err_code c = rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK : db_error(d, rc, e);
	db_done(st);
	return c;
}

err_code export_batch_list_recent(db *d, size_t limit, export_batch_list *out, err_info *e)
{
	*out = (export_batch_list){0};
	if (d == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, EXPORT_BATCH_SELECT "ORDER BY batch DESC LIMIT ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	void *items = NULL;
	size_t n = 0;
	DB_TRY(db_fetch_all(d, st, export_batch_read, sizeof(export_batch), &items, &n, e));
	out->items = items;
	out->n = n;
	for (size_t i = 0; i < n; i++) {
		err_code c = export_batch_files(d, &out->items[i], e);
		if (c != ERR_OK) {
			export_batch_list_free(out);
			return c;
		}
	}
	return ERR_OK;
}

void export_batch_list_free(export_batch_list *l)
{
	DB_LIST_FREE(l);
}

err_code export_batch_page(db *d, int64_t batch, size_t offset, size_t limit,
                           export_batch_list *out, size_t *total, err_info *e)
{
	if (out != NULL)
		*out = (export_batch_list){0};
	if (d == NULL || out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	char key[24] = "";
	if (batch > 0)
		snprintf(key, sizeof key, "%lld", (long long)batch);
	void *items = NULL;
	DB_TRY(db_page(d,
	               EXPORT_BATCH_SELECT "WHERE ?1 IS NULL OR batch = CAST(?1 AS INTEGER) "
	                                   "ORDER BY batch DESC LIMIT ?3 OFFSET ?4",
	               "SELECT count(*) FROM (SELECT 1 FROM export_batches WHERE ?1 IS NULL OR "
	               "batch = CAST(?1 AS INTEGER) LIMIT ?3)",
	               key[0] != '\0' ? key : NULL, NULL, offset, limit, export_batch_read,
	               sizeof(export_batch), &items, &out->n, total, e));
	out->items = items;
	return ERR_OK;
}

err_code export_batch_get(db *d, int64_t batch, export_batch *b, err_info *e)
{
	if (d == NULL || b == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, EXPORT_BATCH_SELECT "WHERE batch = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_int64(st, 1, batch);
	err_code c = db_fetch_one(d, st, export_batch_read, b, e);
	if (c == ERR_NOT_FOUND)
		return err_set(e, ERR_EXPORT_NO_BATCH, MSG_NONE, "%lld", (long long)batch);
	if (c == ERR_OK)
		c = export_batch_files(d, b, e);
	return c;
}

/* Record a new batch, unless another export recorded one meanwhile. */
static err_code export_record(db *d, const export_batch *b, err_info *e)
{
	char files[PACKAGE_MAX_FILES * 200 + 8];
	size_t n = 0;
	n += (size_t)snprintf(files + n, sizeof files - n, "[");
	for (size_t i = 0; i < b->nfiles; i++)
		n += (size_t)snprintf(
		    files + n, sizeof files - n,
		    "%s{\"name\":\"%s\",\"rows\":%llu,\"bytes\":%llu,\"sha256\":\"%s\"}",
		    i ? "," : "", b->files[i].name, (unsigned long long)b->files[i].rows,
		    (unsigned long long)b->files[i].bytes, b->files[i].sha256);
	snprintf(files + n, sizeof files - n, "]");
	DB_TRY(db_begin(d, e));
	int64_t last = 0;
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(max(batch), 0) FROM export_batches", e);
	err_code c = st ? db_fetch_int(d, st, &last, e) : (e ? e->code : ERR_DB);
	if (c == ERR_OK && last != b->batch - 1)
		c = err_set(e, ERR_EXPORT_RACE, MSG_NONE, "%lld", (long long)b->batch);
	if (c == ERR_OK) {
		st = db_stmt(
		    d,
		    "INSERT INTO export_batches (batch, office, first_seq, last_seq, "
		    "created_at, encoding, bom, rows, files, manifest_sha256, login) VALUES "
		    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		    e);
		if (st == NULL)
			c = e ? e->code : ERR_DB;
	}
	if (c == ERR_OK) {
		sqlite3_bind_int64(st, 1, b->batch);
		sqlite3_bind_text(st, 2, b->office, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, b->first_seq);
		sqlite3_bind_int64(st, 4, b->last_seq);
		sqlite3_bind_text(st, 5, b->created_at, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, b->encoding, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 7, b->bom);
		sqlite3_bind_int64(st, 8, (int64_t)b->rows);
		sqlite3_bind_text(st, 9, files, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, b->manifest_sha256, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, d->actor_login, -1, SQLITE_STATIC);
		c = db_step_done(d, st, e);
	}
	if (c == ERR_OK)
		c = db_commit(d, e);
	else
		db_rollback(d);
	return c;
}

/* ---- the whole run ---- */

/* Office, encoding and range of a new batch; *nothing when no row changed. */
static err_code export_plan_new(db *d, const export_opts *o, export_batch *b, int *nothing,
                                err_info *e)
{
	char setting[16];
	if (o->encoding >= 0) {
		snprintf(b->encoding, sizeof b->encoding, "%s", enc_name(o->encoding));
	} else {
		DB_TRY(setting_get(d, "export.encoding", "GB18030", setting, sizeof setting, e));
		enc_kind k;
		if (enc_from_name(setting, &k, e) != ERR_OK || k == ENC_GBK)
			return err_set(e, ERR_EXPORT_ENCODING, MSG_NONE, "export.encoding = %s",
			               setting);
		snprintf(b->encoding, sizeof b->encoding, "%s", enc_name(k));
	}
	b->bom = o->bom > 0;
	int64_t seq = 0, last = 0, batch = 0;
	sqlite3_stmt *st = db_stmt(d, "SELECT value FROM change_seq WHERE id = 1", e);
	DB_TRY(st ? db_fetch_int(d, st, &seq, e) : (e ? e->code : ERR_DB));
	st = db_stmt(
	    d, "SELECT coalesce(max(batch), 0), coalesce(max(last_seq), 0) FROM export_batches", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		batch = sqlite3_column_int64(st, 0);
		last = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	*nothing = seq <= last;
	b->batch = batch + 1;
	b->first_seq = last + 1;
	b->last_seq = seq;
	db_now(b->created_at);
	return ERR_OK;
}

/* The office this installation exports as; it must exist. */
static err_code export_office(db *d, char office[13], err_info *e)
{
	char buf[64];
	DB_TRY(setting_get(d, "office.default", "", buf, sizeof buf, e));
	if (buf[0] == '\0' || strlen(buf) > 12)
		return err_set(e, ERR_EXPORT_NO_OFFICE, MSG_NONE, NULL);
	sqlite3_stmt *st = db_stmt(d, "SELECT count(*) FROM offices WHERE code = ?1", e);
	if (st == NULL)
		return e ? e->code : ERR_DB;
	sqlite3_bind_text(st, 1, buf, -1, SQLITE_TRANSIENT);
	int64_t n = 0;
	DB_TRY(db_fetch_int(d, st, &n, e));
	if (n != 1)
		return err_set(e, ERR_EXPORT_NO_OFFICE, MSG_NONE, "%s", buf);
	memcpy(office, buf, strlen(buf) + 1);
	return ERR_OK;
}

static int64_t export_epoch(const char *stamp)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (sscanf(stamp, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	           &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm);
}

/* Add the offices the rows named (outside the range) to the batch. */
static err_code export_add_offices(export_job *x, const export_batch *b, export_counts *n,
                                   err_info *e)
{
	db *d = x->d;
	if (x->offices_overflow)
		DB_TRY(export_collect_offices(d, b->first_seq, b->last_seq, e));
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(d->conn,
	                            "INSERT OR IGNORE INTO temp.x_offices SELECT id FROM offices "
	                            "WHERE code = ?3 AND chg_seq NOT BETWEEN ?1 AND ?2",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_error(d, rc, e);
	err_code c = ERR_OK;
	for (size_t i = 0; i < x->noffices && c == ERR_OK; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, b->first_seq);
		sqlite3_bind_int64(st, 2, b->last_seq);
		sqlite3_bind_text(st, 3, x->offices[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			c = db_error(d, rc, e);
	}
	sqlite3_finalize(st);
	if (c == ERR_OK)
		c = export_count(d, "SELECT count(*) FROM temp.x_offices", 0, 0, &n->extra, e);
	return c;
}

/* Write every file and the manifest into x->dir; fills b's files, rows and manifest hash. */
static err_code export_write(export_job *x, export_batch *b, err_info *e)
{
	db *d = x->d;
	size_t n;
	const exchange_table *tabs = exchange_tables(&n);
	export_counts counts[PACKAGE_MAX_FILES];
	memset(counts, 0, sizeof counts);
	err_code c = export_collect(d, b->first_seq, b->last_seq, counts, e);
	x->total = 0;
	for (size_t i = 0; i < n; i++)
		x->total += counts[i].range + counts[i].extra;
	b->rows = 0;
	b->nfiles = 0;
	export_pipe_start(&x->pipe);
	/*
	 * Offices (the first file) are written last, once the rows that name
	 * them have been read; the manifest keeps the order parents first.
	 */
	for (size_t k = 1; k <= n && c == ERR_OK; k++) {
		size_t i = k % n;
		if (i == 0)
			c = export_add_offices(x, b, &counts[0], e);
		if (c == ERR_OK)
			c = export_table(x, &tabs[i], &counts[i], b, &b->files[i], e);
		b->rows += b->files[i].rows;
	}
	b->nfiles = n;
	export_pipe_end(&x->pipe);
	if (x->o->progress != NULL && c == ERR_OK)
		x->o->progress(x->o->ctx, "", x->done, x->total);
	export_drop_sets(d);
	if (c != ERR_OK)
		return c;
	package_manifest m;
	memset(&m, 0, sizeof m);
	m.format = PACKAGE_FORMAT;
	snprintf(m.office, sizeof m.office, "%s", b->office);
	m.batch = b->batch;
	m.first_seq = b->first_seq;
	m.last_seq = b->last_seq;
	m.schema = db_schema_version();
	memcpy(m.created_at, b->created_at, sizeof m.created_at);
	memcpy(m.encoding, b->encoding, sizeof m.encoding);
	m.bom = b->bom;
	m.rows = b->rows;
	m.nfiles = b->nfiles;
	memcpy(m.files, b->files, sizeof m.files);
	char *text = NULL;
	size_t len = 0;
	DB_TRY(package_manifest_format(&m, &text, &len, e));
	package_sink *sink = NULL;
	package_file mf;
	c = package_sink_open(x->dir, PACKAGE_MANIFEST, &sink, e);
	if (c == ERR_OK)
		c = package_sink_write(sink, text, len, e);
	if (c == ERR_OK) {
		c = package_sink_close(sink, &mf, e);
		sink = NULL;
	}
	package_sink_abort(sink);
	free(text);
	if (c == ERR_OK)
		memcpy(b->manifest_sha256, mf.sha256, sizeof b->manifest_sha256);
	return c;
}

err_code export_run(db *d, const export_opts *o, export_result *r, err_info *e)
{
	memset(r, 0, sizeof *r);
	if (d == NULL || o == NULL || o->out_dir == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (d->depth != 0)
		return err_set(e, ERR_DB_TRANSACTION, MSG_NONE, "export inside a transaction");
	if ((o->encoding >= 0 && o->encoding != ENC_UTF8 && o->encoding != ENC_GB18030) ||
	    (o->bom > 0 && o->encoding == ENC_GB18030))
		return err_set(e, ERR_EXPORT_ENCODING, MSG_NONE, NULL);
	struct stat sb;
	if (stat(o->out_dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return err_set(e, ERR_PKG_IO, MSG_NONE, "%s：%s", o->out_dir,
		               errno ? strerror(errno) : msg_text(MSG_D_EXP_NOT_FOLDER));

	export_batch *b = &r->b;
	err_code c = ERR_OK;
	int again = o->batch > 0;
	export_batch old;
	if (again) {
		DB_TRY(export_batch_get(d, o->batch, &old, e));
		if ((o->encoding >= 0 && strcmp(enc_name(o->encoding), old.encoding) != 0) ||
		    (o->bom >= 0 && o->bom != old.bom))
			return err_set(e, ERR_EXPORT_ENCODING, MSG_NONE,
			               msg_text(MSG_D_EXP_BATCH_ENCODING), (long long)old.batch,
			               old.encoding, old.bom ? msg_text(MSG_D_EXP_WITH_BOM) : "");
		*b = old;
		b->rows = 0;
		b->nfiles = 0;
	} else {
		DB_TRY(export_office(d, b->office, e));
	}
	if (o->seal_key != NULL)
		DB_TRY(package_check_public_key(o->seal_key, e));

	/*
	 * One read snapshot from choosing the range to the last row written.
	 * Pages are read through a memory map while exporting: a first batch
	 * reads the whole file, and copying every page out of the OS cache
	 * costs more than reading it in place.
	 */
	sqlite3_exec(d->conn, "PRAGMA mmap_size = 4294967296", NULL, NULL, NULL);
	c = db_exec(d, "BEGIN", e);
	if (c != ERR_OK) {
		sqlite3_exec(d->conn, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
		return c;
	}
	if (!again) {
		int nothing = 0;
		c = export_plan_new(d, o, b, &nothing, e);
		if (c == ERR_OK && nothing) {
			db_exec(d, "COMMIT", NULL);
			sqlite3_exec(d->conn, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
			r->nothing = 1;
			return ERR_OK;
		}
	}
	char name[96];
	package_name(b->office, b->batch, name, sizeof name);
	int sealed = o->seal_key != NULL;
	snprintf(r->path, sizeof r->path, "%s/%s%s", o->out_dir, name,
	         sealed   ? ".tar.sealed"
	         : o->tar ? ".tar"
	                  : "");
	if (c == ERR_OK && access(r->path, F_OK) == 0)
		c = err_set(e, ERR_EXPORT_EXISTS, MSG_NONE, "%s", r->path);

	export_job x = {.d = d, .o = o, .bom = b->bom};
	enc_from_name(b->encoding, &x.enc, NULL);
	snprintf(x.dir, sizeof x.dir, "%s/.%s.part%ld", o->out_dir, name, (long)getpid());
	int made = 0;
	if (c == ERR_OK) {
		if (mkdir(x.dir, 0700) != 0)
			c = err_set(e, ERR_PKG_IO, MSG_NONE, msg_text(MSG_D_EXP_MKDIR), x.dir,
			            strerror(errno));
		else
			made = 1;
	}
	if (c == ERR_OK)
		c = export_write(&x, b, e);
	db_exec(d, c == ERR_OK ? "COMMIT" : "ROLLBACK", NULL);
	sqlite3_exec(d->conn, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
	csv_buf_free(&x.csv);

	if (c == ERR_OK && again && strcmp(b->manifest_sha256, old.manifest_sha256) != 0) {
		const char *diff = PACKAGE_MANIFEST;
		for (size_t i = 0; i < b->nfiles && i < old.nfiles; i++)
			if (strcmp(b->files[i].sha256, old.files[i].sha256) != 0) {
				diff = b->files[i].name;
				break;
			}
		c = err_set(e, ERR_EXPORT_CHANGED, MSG_NONE, msg_text(MSG_D_EXP_BATCH_CHANGED),
		            (long long)b->batch, diff);
	}
	if (c == ERR_OK && !again)
		c = export_record(d, b, e);
	if (c == ERR_OK) {
		if (sealed || o->tar) {
			const char *names[PACKAGE_MAX_FILES + 1];
			names[0] = PACKAGE_MANIFEST;
			for (size_t i = 0; i < b->nfiles; i++)
				names[i + 1] = b->files[i].name;
			c = package_write_tar(x.dir, name, names, b->nfiles + 1,
			                      export_epoch(b->created_at), o->seal_key, r->path, e);
		} else if (rename(x.dir, r->path) != 0) {
			c = err_set(e, ERR_PKG_IO, MSG_NONE, msg_text(MSG_D_EXP_RENAME), r->path,
			            strerror(errno));
		} else {
			made = 0;
		}
	}
	if (made)
		package_remove_dir(x.dir);
	return c;
}
