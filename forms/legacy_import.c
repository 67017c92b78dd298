/*
 * legacy_import — person lists from older systems (see legacy_import.h).
 *
 * The list is read whole and split into records on its raw bytes (the CSV
 * delimiters are ASCII, and no GBK, GB18030 or UTF-8 character contains
 * them), so a bad byte spoils only its own row. Rows are decoded in blocks
 * of a few thousand; a block with a bad byte is decoded again row by row to
 * find it. Persons are written through the person repository in one bulk
 * transaction; into an empty register rows go in without a lookup first.
 */
#include "forms/legacy_import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/code.h"
#include "db/csv.h"
#include "db/office.h"
#include "db/person.h"
#include "db/setting.h"
#include "forms/idcard.h"
#include "forms/valid.h"
#include "locale/pinyin.h"

#define LEGACY_BLOCK 4096 /* rows decoded at a time */
#define LEGACY_PROGRESS_ROWS 8192

enum legacy_col {
	LC_ID,
	LC_NAME,
	LC_SEX,
	LC_BIRTH,
	LC_ETHNICITY,
	LC_PHONE,
	LC_ADDRESS,
	LC_REMARK,
	LC_COUNT,
};

static const struct legacy_header {
	int col;
	const char *name;
} legacy_headers[] = {
    {LC_ID, "公民身份号码"},     {LC_ID, "身份证号码"},    {LC_ID, "身份证号"},
    {LC_ID, "证件号码"},         {LC_ID, "id_no"},         {LC_NAME, "姓名"},
    {LC_NAME, "name"},           {LC_SEX, "性别"},         {LC_SEX, "sex"},
    {LC_BIRTH, "出生日期"},      {LC_BIRTH, "birth_date"}, {LC_ETHNICITY, "民族"},
    {LC_ETHNICITY, "ethnicity"}, {LC_PHONE, "联系电话"},   {LC_PHONE, "电话"},
    {LC_PHONE, "手机"},          {LC_PHONE, "手机号码"},   {LC_PHONE, "phone"},
    {LC_ADDRESS, "现住址"},      {LC_ADDRESS, "住址"},     {LC_ADDRESS, "地址"},
    {LC_ADDRESS, "家庭住址"},    {LC_ADDRESS, "address"},  {LC_REMARK, "备注"},
    {LC_REMARK, "remark"},
};

/* Where a record lies in the raw list. */
typedef struct legacy_span {
	uint64_t offset; /* first byte */
	long line;       /* physical line it starts on */
} legacy_span;

typedef struct legacy_job {
	db *d;
	const legacy_import_opts *o;
	legacy_import_result *r;
	const char *buf; /* the list (after a byte-order mark) */
	size_t len;
	size_t skip; /* bytes of byte-order mark before buf */
	legacy_span *spans;
	size_t nspans, capspans;
	int col[LC_COUNT]; /* field of each known column, -1 when the list has none */
	size_t ncols;
	char **header; /* header cells, UTF-8 */
	code_list eth;
	char office[13];
	int fast;      /* the register was empty: insert before looking */
	size_t cur;    /* span of the row being handled */
	csv_buf rej;   /* the rejects file, UTF-8 */
	size_t got;    /* records seen in the block being parsed */
	size_t base;   /* span of the block's first record */
	uint64_t done; /* rows handled, for progress */
} legacy_job;

/* ---- reading the list ---- */

static err_code legacy_slurp(const char *path, char **out, size_t *len, err_info *e)
{
	*out = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return err_set(e, ERR_IO, MSG_NONE, "%s：%s", path, strerror(errno));
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	err_code c = buf ? ERR_OK : err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	while (c == ERR_OK) {
		if (n == cap) {
			char *nb = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
			if (nb == NULL) {
				c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (ferror(f))
				c = err_set(e, ERR_IO, MSG_NONE, "%s：%s", path, strerror(errno));
			break;
		}
	}
	fclose(f);
	if (c != ERR_OK) {
		free(buf);
		return c;
	}
	*out = buf;
	*len = n;
	return ERR_OK;
}

static err_code legacy_span_add(void *ctx, const csv_record *rec, err_info *e)
{
	legacy_job *x = ctx;
	if (x->nspans == x->capspans) {
		size_t cap = x->capspans ? x->capspans * 2 : 4096;
		legacy_span *n = realloc(x->spans, cap * sizeof *n);
		if (n == NULL)
			return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		x->spans = n;
		x->capspans = cap;
	}
	x->spans[x->nspans++] = (legacy_span){rec->offset, rec->line};
	return ERR_OK;
}

/* Bytes of record i, up to the next record (its line end included). */
static void legacy_span_bytes(const legacy_job *x, size_t i, size_t count, const char **p,
                              size_t *n)
{
	uint64_t from = x->spans[i].offset;
	uint64_t to = i + count < x->nspans ? x->spans[i + count].offset : x->len;
	*p = x->buf + from;
	*n = (size_t)(to - from);
}

/* ---- values ---- */

/* Copy s without leading and trailing blanks (ASCII and U+3000). */
static void legacy_trim(const char *s, char *out, size_t size)
{
	size_t n = strlen(s);
	for (;;) {
		if (n > 0 && (s[0] == ' ' || s[0] == '\t'))
			s++, n--;
		else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3, n -= 3;
		else
			break;
	}
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* "1.10101E+17": a number Excel showed in scientific notation, its last digits gone. */
static int legacy_excel_number(const char *s)
{
	const char *p = s;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return (*p == 'E' || *p == 'e') && (p[1] == '+');
}

/* 民族 as a code ("01") or a name ("汉族", "汉"). */
static const char *legacy_ethnicity(const legacy_job *x, const char *v)
{
	int code = v[0] >= '0' && v[0] <= '9';
	size_t vl = strlen(v);
	for (size_t i = 0; i < x->eth.n; i++) {
		const code_item *c = &x->eth.items[i];
		if (code) {
			if (strcmp(v, c->code) == 0)
				return c->code;
			continue;
		}
		size_t nl = strlen(c->name);
		if ((vl == nl && memcmp(v, c->name, nl) == 0) ||
		    (nl > 3 && vl == nl - 3 && memcmp(c->name + vl, "族", 3) == 0 &&
		     memcmp(v, c->name, vl) == 0))
			return c->code;
	}
	return NULL;
}

/* ---- rejects ---- */

typedef struct legacy_problems {
	char cols[200];
	char why[600];
} legacy_problems;

static void legacy_problem(legacy_problems *p, const char *col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void legacy_problem(legacy_problems *p, const char *col, const char *fmt, ...)
{
	size_t n = strlen(p->cols);
	if (col != NULL && col[0] != '\0' && strstr(p->cols, col) == NULL)
		snprintf(p->cols + n, sizeof p->cols - n, "%s%s", n ? "、" : "", col);
	n = strlen(p->why);
	if (n > 0 && n < sizeof p->why)
		n += (size_t)snprintf(p->why + n, sizeof p->why - n, "；");
	if (n < sizeof p->why) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(p->why + n, sizeof p->why - n, fmt, ap);
		va_end(ap);
	}
}

static void legacy_problem_err(legacy_problems *p, const char *col, const err_info *e)
{
	err_info copy = *e;
	copy.field = MSG_NONE; /* the column is named in its own field */
	char buf[300];
	legacy_problem(p, col, "%s%s%s", col, col[0] ? "：" : "",
	               err_format(&copy, buf, sizeof buf));
}

/* Append a rejected row: its line, the columns and reasons, then its fields as they were. */
static void legacy_reject(legacy_job *x, const legacy_problems *p, const char *const *fields,
                          size_t n)
{
	char line[24];
	snprintf(line, sizeof line, "%ld", x->spans[x->cur].line);
	csv_put_field(&x->rej, line, strlen(line), 1);
	csv_put_field(&x->rej, p->cols, strlen(p->cols), 0);
	csv_put_field(&x->rej, p->why, strlen(p->why), 0);
	for (size_t i = 0; i < n; i++)
		csv_put_field(&x->rej, fields[i], strlen(fields[i]), 0);
	csv_end_record(&x->rej);
	x->r->rejected++;
}

/* A row whose bytes are not in the list's encoding: where, and the bytes shown as hex. */
static void legacy_reject_bytes(legacy_job *x, const char *raw, size_t n, size_t bad)
{
	legacy_problems p = {"", ""};
	long line = x->spans[x->cur].line;
	for (size_t i = 0; i < bad && i < n; i++)
		line += raw[i] == '\n';
	char hex[16] = "";
	for (size_t i = bad; i < bad + 2 && i < n; i++)
		snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%s%02X", i > bad ? " " : "",
		         (unsigned char)raw[i]);
	uint64_t at = x->skip + x->spans[x->cur].offset + bad + 1;
	legacy_problem(&p, "", msg_text(MSG_D_LEGACY_BAD_BYTES), line, (unsigned long long)at, hex,
	               enc_name(x->o->enc));
	/* The row itself: what decodes as text, each bad byte as \xNN. */
	char shown[600];
	size_t k = 0, pos = 0;
	while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r'))
		n--;
	while (pos < n && k + 8 < sizeof shown) {
		char *text = NULL;
		size_t tn = 0, stop = 0;
		err_code c = enc_to_utf8(x->o->enc, raw + pos, n - pos, &text, &tn, &stop, NULL);
		if (c != ERR_OK) {
			free(text);
			text = NULL;
			if (stop > 0 && enc_to_utf8(x->o->enc, raw + pos, stop, &text, &tn, NULL,
			                            NULL) != ERR_OK)
				tn = 0;
		}
		size_t take = text != NULL && tn < sizeof shown - k - 8 ? tn : 0;
		if (take > 0)
			memcpy(shown + k, text, take);
		k += take;
		free(text);
		if (c == ERR_OK)
			break;
		k += (size_t)snprintf(shown + k, sizeof shown - k, "\\x%02X",
		                      (unsigned char)raw[pos + stop]);
		pos += stop + 1;
	}
	shown[k] = '\0';
	const char *one[1] = {shown};
	legacy_reject(x, &p, one, 1);
}

/* ---- one row ---- */

static const char *legacy_field(const legacy_job *x, const char *const *f, int col)
{
	return x->col[col] >= 0 ? f[x->col[col]] : "";
}

static const char *legacy_col_name(const legacy_job *x, int col)
{
	return x->col[col] >= 0 ? x->header[x->col[col]] : "";
}

static err_code legacy_row(legacy_job *x, const char *const *f, size_t n, err_info *e)
{
	legacy_problems p = {"", ""};
	if (n != x->ncols) {
		legacy_problem(&p, "", msg_text(MSG_D_LEGACY_COLUMNS), n, x->ncols);
		legacy_reject(x, &p, f, n);
		return ERR_OK;
	}
	person ps;
	memset(&ps, 0, sizeof ps);
	err_info why;
	char v[700];
	idcard_info id;
	int have_id = 0;
	legacy_trim(legacy_field(x, f, LC_ID), v, sizeof v);
	if (legacy_excel_number(v))
		legacy_problem(&p, legacy_col_name(x, LC_ID), "%s：%s", legacy_col_name(x, LC_ID),
		               err_text(ERR_LEGACY_EXCEL_NUMBER));
	else if (idcard_parse(v, x->o->today, &id, &why) != ERR_OK)
		legacy_problem_err(&p, legacy_col_name(x, LC_ID), &why);
	else
		have_id = 1;
	if (valid_name(legacy_field(x, f, LC_NAME), MSG_F_NAME, ps.name, sizeof ps.name, &why) !=
	    ERR_OK)
		legacy_problem_err(&p, legacy_col_name(x, LC_NAME), &why);

	legacy_trim(legacy_field(x, f, LC_SEX), v, sizeof v);
	if (v[0] != '\0') {
		int sex = strcmp(v, "男") == 0 || strcmp(v, "1") == 0 || strcmp(v, "男性") == 0 ? 1
		          : strcmp(v, "女") == 0 || strcmp(v, "2") == 0 || strcmp(v, "女性") == 0
		              ? 2
		              : 0;
		if (sex == 0)
			legacy_problem(&p, legacy_col_name(x, LC_SEX), "%s：%s",
			               legacy_col_name(x, LC_SEX), err_text(ERR_LEGACY_SEX));
		else if (have_id && sex != id.sex)
			legacy_problem(&p, legacy_col_name(x, LC_SEX),
			               msg_text(MSG_D_LEGACY_ID_SAYS), legacy_col_name(x, LC_SEX),
			               err_text(ERR_LEGACY_SEX_ID),
			               msg_text(id.sex == 1 ? MSG_PF_SEX_MALE : MSG_PF_SEX_FEMALE));
	}
	legacy_trim(legacy_field(x, f, LC_BIRTH), v, sizeof v);
	if (v[0] != '\0') {
		lb_date birth;
		char iso[DATE_ISO_LEN];
		if (date_parse(v, MSG_F_BIRTH_DATE, &birth, &why) != ERR_OK)
			legacy_problem_err(&p, legacy_col_name(x, LC_BIRTH), &why);
		else if (have_id && birth != id.birth)
			legacy_problem(&p, legacy_col_name(x, LC_BIRTH),
			               msg_text(MSG_D_LEGACY_ID_SAYS), legacy_col_name(x, LC_BIRTH),
			               err_text(ERR_LEGACY_BIRTH_ID), date_format(id.birth, iso));
	}
	legacy_trim(legacy_field(x, f, LC_ETHNICITY), v, sizeof v);
	if (v[0] != '\0') {
		const char *code = legacy_ethnicity(x, v);
		if (code == NULL || strlen(code) >= sizeof ps.ethnicity)
			legacy_problem(&p, legacy_col_name(x, LC_ETHNICITY), "%s：%s",
			               legacy_col_name(x, LC_ETHNICITY),
			               err_text(ERR_LEGACY_ETHNICITY));
		else
			memcpy(ps.ethnicity, code, strlen(code) + 1);
	}
	legacy_trim(legacy_field(x, f, LC_PHONE), v, sizeof v);
	if (v[0] != '\0' && valid_phone(v, MSG_F_PHONE, ps.phone, sizeof ps.phone, &why) != ERR_OK)
		legacy_problem_err(&p, legacy_col_name(x, LC_PHONE), &why);
	legacy_trim(legacy_field(x, f, LC_ADDRESS), v, sizeof v);
	if (valid_text(v, MSG_COL_ADDRESS, 100, 0, &why) != ERR_OK)
		legacy_problem_err(&p, legacy_col_name(x, LC_ADDRESS), &why);
	else
		snprintf(ps.address, sizeof ps.address, "%s", v);
	legacy_trim(legacy_field(x, f, LC_REMARK), v, sizeof v);
	if (valid_text(v, MSG_COL_REMARK, 200, 0, &why) != ERR_OK)
		legacy_problem_err(&p, legacy_col_name(x, LC_REMARK), &why);
	else
		snprintf(ps.remark, sizeof ps.remark, "%s", v);
	if (p.why[0] != '\0') {
		legacy_reject(x, &p, f, n);
		return ERR_OK;
	}

	memcpy(ps.id_no, id.id, sizeof ps.id_no);
	ps.sex = id.sex;
	date_format(id.birth, ps.birth_date);
	pinyin_name_initials(ps.name, ps.name_py, sizeof ps.name_py);
	memcpy(ps.office, x->office, sizeof ps.office);

	err_code c = ERR_NOT_FOUND;
	person old;
	if (x->fast) {
		c = person_insert(x->d, &ps, &why);
		if (c == ERR_OK) {
			x->r->added++;
			return ERR_OK;
		}
		if (c != ERR_DB_DUPLICATE)
			goto refused;
	}
	c = person_find_by_id_no(x->d, ps.id_no, &old, &why);
	if (c == ERR_OK) {
		if (strcmp(old.name, ps.name) == 0) {
			x->r->existing++;
			return ERR_OK;
		}
		legacy_problem(&p, legacy_col_name(x, LC_ID), msg_text(MSG_D_LEGACY_NAME_IN_DB),
		               legacy_col_name(x, LC_ID), err_text(ERR_LEGACY_NAME_DIFFERS),
		               old.name);
		legacy_reject(x, &p, f, n);
		return ERR_OK;
	}
	if (c != ERR_NOT_FOUND) {
		if (e != NULL)
			*e = why;
		return c;
	}
	ps.id = 0;
	c = person_insert(x->d, &ps, &why);
	if (c == ERR_OK) {
		x->r->added++;
		return ERR_OK;
	}
refused:
	/* A failed write leaves nothing of itself; the database's reason goes to the rejects. */
	if (c == ERR_DB_BUSY || c == ERR_DB_FULL || c == ERR_NOMEM || c == ERR_DB) {
		if (e != NULL)
			*e = why;
		return c;
	}
	legacy_problem_err(&p, "", &why);
	legacy_reject(x, &p, f, n);
	return ERR_OK;
}

/* ---- blocks ---- */

static err_code legacy_record(void *ctx, const csv_record *rec, err_info *e)
{
	legacy_job *x = ctx;
	x->cur = x->base + x->got++;
	if (x->cur >= x->nspans)
		return err_set(e, ERR_INTERNAL, MSG_NONE, "legacy record count");
	if (rec->n == 1 && rec->len[0] == 0)
		return ERR_OK; /* a blank line */
	x->r->rows++;
	x->done++;
	if (x->o->progress != NULL && x->done % LEGACY_PROGRESS_ROWS == 0)
		x->o->progress(x->o->ctx, x->done, x->nspans - 1);
	return legacy_row(x, rec->field, rec->n, e);
}

/* Parse decoded text holding `count` records that start at span `base`. */
static err_code legacy_parse(legacy_job *x, const char *text, size_t n, size_t base, err_info *e)
{
	csv_reader *rd = NULL;
	err_code c = csv_reader_new(&rd, e);
	if (c != ERR_OK)
		return c;
	x->base = base;
	x->got = 0;
	c = csv_feed(rd, text, n, legacy_record, x, e);
	if (c == ERR_OK)
		c = csv_finish(rd, legacy_record, x, e);
	csv_reader_free(rd);
	return c;
}

static err_code legacy_block(legacy_job *x, size_t first, size_t count, err_info *e)
{
	const char *raw;
	size_t n;
	legacy_span_bytes(x, first, count, &raw, &n);
	char *text = NULL;
	size_t tn = 0;
	err_info why;
	err_code c = enc_to_utf8(x->o->enc, raw, n, &text, &tn, NULL, &why);
	if (c == ERR_OK) {
		c = legacy_parse(x, text, tn, first, e);
		free(text);
		return c;
	}
	if (c != ERR_ENC_INVALID && c != ERR_ENC_TRUNCATED) {
		if (e != NULL)
			*e = why;
		return c;
	}
	/* Some row here has a bad byte: take the rows one at a time. */
	for (size_t i = first; i < first + count; i++) {
		legacy_span_bytes(x, i, 1, &raw, &n);
		size_t bad = 0;
		text = NULL;
		c = enc_to_utf8(x->o->enc, raw, n, &text, &tn, &bad, &why);
		if (c == ERR_OK) {
			c = legacy_parse(x, text, tn, i, e);
			free(text);
			if (c != ERR_OK)
				return c;
			continue;
		}
		x->cur = i;
		x->r->rows++;
		legacy_reject_bytes(x, raw, n, bad);
	}
	return ERR_OK;
}

/* ---- header ---- */

static err_code legacy_header_record(void *ctx, const csv_record *rec, err_info *e)
{
	legacy_job *x = ctx;
	x->header = calloc(rec->n, sizeof *x->header);
	if (x->header == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	x->ncols = rec->n;
	for (size_t i = 0; i < rec->n; i++) {
		char cell[200];
		legacy_trim(rec->field[i], cell, sizeof cell);
		if ((x->header[i] = strdup(cell)) == NULL)
			return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		for (size_t k = 0; k < sizeof legacy_headers / sizeof legacy_headers[0]; k++)
			if (x->col[legacy_headers[k].col] < 0 &&
			    strcmp(cell, legacy_headers[k].name) == 0)
				x->col[legacy_headers[k].col] = (int)i;
	}
	return ERR_OK;
}

static err_code legacy_header(legacy_job *x, err_info *e)
{
	const char *raw;
	size_t n;
	legacy_span_bytes(x, 0, 1, &raw, &n);
	char *text = NULL;
	size_t tn = 0, bad = 0;
	err_code c = enc_to_utf8(x->o->enc, raw, n, &text, &tn, &bad, e);
	if (c != ERR_OK) {
		if (e != NULL)
			err_set(e, c, MSG_NONE, msg_text(MSG_D_LEGACY_HEADER_AT),
			        (unsigned long long)(x->skip + bad + 1));
		return c;
	}
	csv_reader *rd = NULL;
	c = csv_reader_new(&rd, e);
	if (c == ERR_OK)
		c = csv_feed(rd, text, tn, legacy_header_record, x, e);
	if (c == ERR_OK)
		c = csv_finish(rd, legacy_header_record, x, e);
	csv_reader_free(rd);
	free(text);
	if (c != ERR_OK)
		return c;
	if (x->col[LC_ID] < 0)
		return err_set(e, ERR_LEGACY_NO_ID_COLUMN, MSG_NONE, NULL);
	if (x->col[LC_NAME] < 0)
		return err_set(e, ERR_LEGACY_NO_NAME_COLUMN, MSG_NONE, NULL);
	return ERR_OK;
}

/* ---- the rejects file ---- */

static err_code legacy_write_rejects(legacy_job *x, err_info *e)
{
	legacy_import_result *r = x->r;
	snprintf(r->rejects_path, sizeof r->rejects_path, "%s.rejects.csv", x->o->path);
	if (r->rejected == 0) {
		/* Nothing rejected this time: an old rejects file would mislead. */
		unlink(r->rejects_path);
		r->rejects_path[0] = '\0';
		return ERR_OK;
	}
	csv_buf head = {0};
	if (x->o->enc == ENC_UTF8)
		csv_buf_put(&head, "\xEF\xBB\xBF", 3);
	static const msg_id first[] = {MSG_D_LEGACY_COL_LINE, MSG_D_LEGACY_COL_COLUMN,
	                               MSG_D_LEGACY_COL_REASON};
	for (size_t i = 0; i < 3; i++)
		csv_put_field(&head, msg_text(first[i]), strlen(msg_text(first[i])), i == 0);
	for (size_t i = 0; i < x->ncols; i++)
		csv_put_field(&head, x->header[i], strlen(x->header[i]), 0);
	csv_end_record(&head);
	csv_buf_put(&head, x->rej.s, x->rej.n);
	char *out = NULL;
	size_t on = 0;
	err_code c = head.oom || x->rej.oom ? err_set(e, ERR_NOMEM, MSG_NONE, NULL) : ERR_OK;
	/* Whatever the list held decodes from its encoding, so it encodes back. */
	if (c == ERR_OK && x->o->enc != ENC_UTF8)
		c = enc_from_utf8(x->o->enc, head.s, head.n, &out, &on, NULL, e);
	if (c == ERR_OK) {
		char tmp[4400];
		snprintf(tmp, sizeof tmp, "%s.part%ld", r->rejects_path, (long)getpid());
		FILE *f = fopen(tmp, "wb");
		const char *data = out ? out : head.s;
		size_t len = out ? on : head.n;
		int ok = f != NULL && fwrite(data, 1, len, f) == len;
		if (f != NULL && fclose(f) != 0)
			ok = 0;
		if (ok && rename(tmp, r->rejects_path) != 0)
			ok = 0;
		if (!ok) {
			c = err_set(e, ERR_IO, MSG_NONE, "%s：%s", r->rejects_path,
			            strerror(errno));
			unlink(tmp);
		}
	}
	free(out);
	csv_buf_free(&head);
	return c;
}

/* ---- the whole load ---- */

err_code legacy_import_persons(db *d, const legacy_import_opts *o, legacy_import_result *r,
                               err_info *e)
{
	memset(r, 0, sizeof *r);
	if (d == NULL || o == NULL || o->path == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	legacy_job x = {.d = d, .o = o, .r = r};
	for (int i = 0; i < LC_COUNT; i++)
		x.col[i] = -1;
	char *file = NULL;
	size_t len = 0;
	err_code c = legacy_slurp(o->path, &file, &len, e);
	if (c != ERR_OK)
		return c;
	x.buf = file;
	x.len = len;
	/* A byte-order mark (UTF-8, or GB18030's) is not part of the header. */
	if (len >= 3 && memcmp(file, "\xEF\xBB\xBF", 3) == 0 && o->enc == ENC_UTF8)
		x.skip = 3;
	else if (len >= 4 && memcmp(file, "\x84\x31\x95\x33", 4) == 0 && o->enc == ENC_GB18030)
		x.skip = 4;
	x.buf += x.skip;
	x.len -= x.skip;

	csv_reader *rd = NULL;
	c = csv_reader_new(&rd, e);
	if (c == ERR_OK)
		c = csv_feed(rd, x.buf, x.len, legacy_span_add, &x, e);
	if (c == ERR_OK)
		c = csv_finish(rd, legacy_span_add, &x, e);
	csv_reader_free(rd);
	if (c == ERR_OK && x.nspans < 2)
		c = err_set(e, ERR_LEGACY_EMPTY, MSG_NONE, "%s", o->path);
	if (c == ERR_OK)
		c = legacy_header(&x, e);
	if (c == ERR_OK)
		c = code_list_table(d, CODE_T_ETHNICITY, 1, &x.eth, e);
	char own[64] = "";
	office off;
	if (c == ERR_OK)
		c = setting_get(d, "office.default", "", own, sizeof own, e);
	if (c == ERR_OK && own[0] != '\0' && office_get(d, own, &off, NULL) == ERR_OK)
		memcpy(x.office, off.code, sizeof x.office);

	if (c == ERR_OK)
		c = db_bulk_begin(d, e);
	if (c == ERR_OK) {
		person_list any;
		c = person_search(d, "", 0, 1, &any, NULL, e);
		x.fast = c == ERR_OK && any.n == 0;
		person_list_free(&any);
		for (size_t i = 1; c == ERR_OK && i < x.nspans; i += LEGACY_BLOCK)
			c = legacy_block(
			    &x, i, x.nspans - i < LEGACY_BLOCK ? x.nspans - i : LEGACY_BLOCK, e);
		if (c == ERR_OK && x.rej.oom)
			c = err_set(e, ERR_NOMEM, MSG_NONE, NULL);
		if (c == ERR_OK)
			c = db_bulk_end(d, e);
		else
			db_bulk_abort(d);
	}
	if (c == ERR_OK && o->progress != NULL)
		o->progress(o->ctx, x.done, x.done);
	if (c == ERR_OK)
		c = legacy_write_rejects(&x, e);
	if (c != ERR_OK)
		r->rejects_path[0] = '\0';
	for (size_t i = 0; x.header != NULL && i < x.ncols; i++)
		free(x.header[i]);
	free(x.header);
	free(x.spans);
	free(file);
	code_list_free(&x.eth);
	csv_buf_free(&x.rej);
	return c;
}
