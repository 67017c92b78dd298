/*
 * csv — RFC 4180 writer and streaming reader (see csv.h).
 *
 * The reader is a small state machine over bytes. Runs of ordinary bytes
 * are copied with one memcpy, so the per-byte work is a comparison; the
 * record is kept as its fields separated by NULs, and the callback gets
 * pointers into it.
 */
#include "db/csv.h"

#include <stdlib.h>
#include <string.h>

/* ---- writing ---- */

static int csv_buf_reserve(csv_buf *b, size_t more)
{
	if (b->oom)
		return 0;
	if (b->n + more + 1 <= b->cap)
		return 1;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->n + more + 1) {
		if (cap > SIZE_MAX / 2) {
			b->oom = 1;
			return 0;
		}
		cap *= 2;
	}
	char *s = realloc(b->s, cap);
	if (s == NULL) {
		b->oom = 1;
		return 0;
	}
	b->s = s;
	b->cap = cap;
	return 1;
}

void csv_buf_put(csv_buf *b, const char *s, size_t n)
{
	if (!csv_buf_reserve(b, n))
		return;
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void csv_put_field(csv_buf *b, const char *s, size_t n, int first)
{
	size_t quotes = 0;
	int quote = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"')
			quotes++;
		if (c == '"' || c == ',' || c == '\r' || c == '\n')
			quote = 1;
	}
	if (!csv_buf_reserve(b, n + quotes + 3))
		return;
	char *p = b->s + b->n;
	if (!first)
		*p++ = ',';
	if (!quote) {
		memcpy(p, s, n);
		p += n;
	} else {
		*p++ = '"';
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '"')
				*p++ = '"';
			*p++ = s[i];
		}
		*p++ = '"';
	}
	*p = '\0';
	b->n = (size_t)(p - b->s);
}

void csv_end_record(csv_buf *b)
{
	csv_buf_put(b, "\r\n", 2);
}

void csv_buf_clear(csv_buf *b)
{
	b->n = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

void csv_buf_free(csv_buf *b)
{
	if (b == NULL)
		return;
	free(b->s);
	*b = (csv_buf){0};
}

/* ---- reading ---- */

enum csv_state {
	CSV_START,    /* at the start of a field */
	CSV_PLAIN,    /* inside an unquoted field */
	CSV_QUOTED,   /* inside a quoted field */
	CSV_QQ,       /* a quote inside a quoted field: doubled, or the closing one */
	CSV_CR,       /* CR outside quotes: a line end if LF follows */
	CSV_CR_AFTER, /* CR after a closing quote */
};

struct csv_reader {
	enum csv_state state;
	char *rec; /* the record so far: fields, each followed by NUL */
	size_t rec_n, rec_cap;
	size_t start[CSV_MAX_FIELDS]; /* offset of each completed field in rec */
	size_t nf;                    /* completed fields */
	int in_record;                /* a byte of the current record has been read */
	long line;                    /* physical line of the next byte */
	long rec_line;
	uint64_t pos; /* stream offset of the next byte */
	uint64_t rec_off;
	uint64_t records;
	uint64_t err_off;
	err_code failed; /* sticky error */
	const char *fields[CSV_MAX_FIELDS];
	size_t lens[CSV_MAX_FIELDS];
};

err_code csv_reader_new(csv_reader **out, err_info *e)
{
	csv_reader *r = calloc(1, sizeof *r);
	*out = r;
	if (r == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	r->line = 1;
	return ERR_OK;
}

void csv_reader_free(csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->rec);
	free(r);
}

uint64_t csv_reader_records(const csv_reader *r)
{
	return r->records;
}

uint64_t csv_reader_error_offset(const csv_reader *r)
{
	return r->err_off;
}

static err_code csv_fail(csv_reader *r, err_code code, uint64_t off, err_info *e)
{
	r->failed = code;
	r->err_off = off;
	return err_set(e, code, MSG_NONE, msg_text(MSG_D_CSV_LINE),
	               r->rec_line ? r->rec_line : r->line);
}

static err_code csv_append(csv_reader *r, const char *s, size_t n, err_info *e)
{
	if (r->rec_n + n + 1 > r->rec_cap) {
		if (r->rec_n + n + 1 > CSV_MAX_RECORD)
			return csv_fail(r, ERR_CSV_TOO_LONG, r->pos, e);
		size_t cap = r->rec_cap ? r->rec_cap : 1024;
		while (cap < r->rec_n + n + 1)
			cap *= 2;
		char *p = realloc(r->rec, cap);
		if (p == NULL) {
			r->failed = ERR_NOMEM;
			return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		}
		r->rec = p;
		r->rec_cap = cap;
	}
	memcpy(r->rec + r->rec_n, s, n);
	r->rec_n += n;
	return ERR_OK;
}

static err_code csv_end_field(csv_reader *r, err_info *e)
{
	if (r->nf == CSV_MAX_FIELDS)
		return csv_fail(r, ERR_CSV_TOO_LONG, r->pos, e);
	size_t begin = r->nf == 0 ? 0 : r->start[r->nf - 1] + r->lens[r->nf - 1] + 1;
	err_code c = csv_append(r, "", 1, e);
	if (c != ERR_OK)
		return c;
	r->start[r->nf] = begin;
	r->lens[r->nf] = r->rec_n - 1 - begin;
	r->nf++;
	return ERR_OK;
}

static err_code csv_emit(csv_reader *r, csv_record_fn fn, void *ctx, err_info *e)
{
	err_code c = csv_end_field(r, e);
	if (c != ERR_OK)
		return c;
	for (size_t i = 0; i < r->nf; i++)
		r->fields[i] = r->rec + r->start[i];
	csv_record rec = {r->nf, r->fields, r->lens, r->rec_line, r->rec_off, r->pos};
	r->records++;
	c = fn != NULL ? fn(ctx, &rec, e) : ERR_OK;
	r->nf = 0;
	r->rec_n = 0;
	r->in_record = 0;
	if (c != ERR_OK)
		r->failed = c;
	return c;
}

static int csv_plain_special(char c)
{
	return c == ',' || c == '"' || c == '\r' || c == '\n';
}

err_code csv_feed(csv_reader *r, const char *data, size_t len, csv_record_fn fn, void *ctx,
                  err_info *e)
{
	if (r->failed != ERR_OK)
		return err_set(e, r->failed, MSG_NONE, NULL);
	err_code c = ERR_OK;
	size_t i = 0;
	while (i < len && c == ERR_OK) {
		if (!r->in_record) {
			r->in_record = 1;
			r->rec_line = r->line;
			r->rec_off = r->pos;
		}
		char ch = data[i];
		switch (r->state) {
		case CSV_START:
		case CSV_PLAIN:
			if (!csv_plain_special(ch)) {
				size_t j = i + 1;
				while (j < len && !csv_plain_special(data[j]))
					j++;
				c = csv_append(r, data + i, j - i, e);
				r->pos += j - i;
				i = j;
				r->state = CSV_PLAIN;
				continue;
			}
			if (ch == '"') {
				if (r->state == CSV_PLAIN)
					return csv_fail(r, ERR_CSV_QUOTE, r->pos, e);
				r->state = CSV_QUOTED;
			} else if (ch == ',') {
				c = csv_end_field(r, e);
				r->state = CSV_START;
			} else if (ch == '\n') {
				c = csv_emit(r, fn, ctx, e);
				r->state = CSV_START;
			} else {
				r->state = CSV_CR;
			}
			break;
		case CSV_QUOTED:
			if (ch != '"' && ch != '\n') {
				size_t j = i + 1;
				while (j < len && data[j] != '"' && data[j] != '\n')
					j++;
				c = csv_append(r, data + i, j - i, e);
				r->pos += j - i;
				i = j;
				continue;
			}
			if (ch == '"')
				r->state = CSV_QQ;
			else
				c = csv_append(r, "\n", 1, e);
			break;
		case CSV_QQ:
			if (ch == '"') {
				c = csv_append(r, "\"", 1, e);
				r->state = CSV_QUOTED;
			} else if (ch == ',') {
				c = csv_end_field(r, e);
				r->state = CSV_START;
			} else if (ch == '\n') {
				c = csv_emit(r, fn, ctx, e);
				r->state = CSV_START;
			} else if (ch == '\r') {
				r->state = CSV_CR_AFTER;
			} else {
				return csv_fail(r, ERR_CSV_QUOTE, r->pos, e);
			}
			break;
		case CSV_CR:
			if (ch == '\n') {
				c = csv_emit(r, fn, ctx, e);
				r->state = CSV_START;
				break;
			}
			/* A lone CR is an ordinary byte; look at ch again as plain text. */
			c = csv_append(r, "\r", 1, e);
			r->state = CSV_PLAIN;
			continue;
		case CSV_CR_AFTER:
			if (ch != '\n')
				return csv_fail(r, ERR_CSV_QUOTE, r->pos, e);
			c = csv_emit(r, fn, ctx, e);
			r->state = CSV_START;
			break;
		}
		if (ch == '\n')
			r->line++;
		r->pos++;
		i++;
	}
	return c;
}

err_code csv_finish(csv_reader *r, csv_record_fn fn, void *ctx, err_info *e)
{
	if (r->failed != ERR_OK)
		return err_set(e, r->failed, MSG_NONE, NULL);
	if (r->state == CSV_QUOTED)
		return csv_fail(r, ERR_CSV_UNTERMINATED, r->pos, e);
	if (!r->in_record)
		return ERR_OK;
	err_code c = csv_emit(r, fn, ctx, e);
	r->state = CSV_START;
	return c;
}
