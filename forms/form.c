/*
 * form — the generic form engine (see form.h).
 *
 * Values are kept as malloc'ed UTF-8 strings, NULL meaning empty. Beside
 * them the form keeps the values as last loaded or saved ("orig"): a code
 * an old record carries may have been retired from its code table since,
 * and such a record must stay savable as long as nobody changes that field,
 * while a retired code typed anew is refused.
 */
#include "forms/form.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/code.h"
#include "db/draft.h"
#include "db/operator.h"
#include "forms/idcard.h"
#include "forms/uscc.h"
#include "forms/valid.h"
#include "locale/pinyin.h"
#include "locale/text.h"

/* Limit of a field whose spec gives no max_chars, so no value grows without bound. */
#define FORM_DEFAULT_MAX_CHARS 1000

struct form {
	const form_spec *spec;
	db *d;                     /* borrowed */
	lb_date today;             /* for dates not after today and IDs */
	int64_t operator_id;       /* acting operator (drafts are theirs) */
	char office[16];           /* the operator's office code, "" none */
	void *context;             /* for the spec's hooks */
	form *parent;              /* the form a child form was opened from, or NULL */
	char **val;                /* n_fields values; NULL = "" */
	char **orig;               /* values as loaded or saved; NULL = "" */
	int64_t record_id;         /* 0 = new record */
	int64_t version;           /* row version when loaded or saved */
	int dirty;                 /* a value changed since created, loaded or saved */
	int readonly;              /* view-only mode (the role's) */
	int done;                  /* FS_ONCE: the form holds a stored record, never edited again */
	int fail_field;            /* field a hook named with form_fail, or -1 */
	form_progress_fn progress; /* long saves report here, or NULL */
	void *progress_ctx;
	char notice[400]; /* what the last save did, for the user; "" none */
};

/* ---- small helpers ---- */

/* malloc'ed copy of s, NULL for "" (empty needs no storage). *oom set on failure. */
static char *form_dup(const char *s, int *oom)
{
	if (s == NULL || s[0] == '\0')
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p == NULL)
		*oom = 1;
	else
		memcpy(p, s, n);
	return p;
}

static int form_index_ok(const form *f, int i)
{
	return f != NULL && i >= 0 && i < f->spec->n_fields;
}

static msg_id form_label(const form *f, int i)
{
	return f->spec->fields[i].label;
}

/* Replace field i's value; marks the form dirty when it really changed. */
static err_code form_replace(form *f, int i, const char *s, err_info *e)
{
	const char *old = f->val[i] ? f->val[i] : "";
	if (s == NULL)
		s = "";
	if (strcmp(old, s) == 0)
		return ERR_OK;
	int oom = 0;
	char *p = form_dup(s, &oom);
	if (oom)
		return err_set(e, ERR_NOMEM, form_label(f, i), NULL);
	free(f->val[i]);
	f->val[i] = p;
	f->dirty = 1;
	return ERR_OK;
}

static void form_free_values(char **v, int n)
{
	if (v == NULL)
		return;
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* A copy of the value array (for snapshots); NULL on no memory. */
static char **form_copy_values(const form *f)
{
	int n = f->spec->n_fields;
	char **v = calloc((size_t)n, sizeof *v);
	if (v == NULL)
		return NULL;
	int oom = 0;
	for (int i = 0; i < n && !oom; i++)
		v[i] = form_dup(f->val[i], &oom);
	if (oom) {
		form_free_values(v, n);
		return NULL;
	}
	return v;
}

/* Remember the current values as the loaded/saved state; best effort on no memory. */
static void form_remember(form *f)
{
	char **v = form_copy_values(f);
	if (v == NULL)
		return;
	form_free_values(f->orig, f->spec->n_fields);
	f->orig = v;
}

/* Blanks a user may type around a value: ASCII white space and the ideographic space. */
static size_t form_blank_at(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
		return 3;
	return 0;
}

/* 1 if s is empty or blanks only. */
static int form_is_blank(const char *s)
{
	size_t k;
	while (*s && (k = form_blank_at(s)) > 0)
		s += k;
	return *s == '\0';
}

/* Copy of s without leading and trailing blanks into a malloc'ed string; NULL on no memory. */
static char *form_trim(const char *s)
{
	size_t k;
	while (*s && (k = form_blank_at(s)) > 0)
		s += k;
	size_t end = 0, i = 0;
	while (s[i]) {
		k = form_blank_at(s + i);
		if (k == 0) {
			i++;
			end = i;
		} else {
			i += k;
		}
	}
	/* end may fall inside a multi-byte character only at a non-blank byte: fine. */
	char *p = malloc(end + 1);
	if (p != NULL) {
		memcpy(p, s, end);
		p[end] = '\0';
	}
	return p;
}

/* Byte offset of the first byte that is not valid UTF-8, or -1 when s is valid. */
static long form_utf8_bad(const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		int k = text_utf8_check(s + i, len - i, &cp);
		if (k <= 0)
			return (long)i;
		i += (size_t)k;
	}
	return -1;
}

/* Copy src into buf (size > 0), cut at a character boundary. */
static void form_copy_cut(char *buf, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, src, n);
	buf[n] = '\0';
}

static int form_field_max(const field_spec *fs)
{
	return fs->max_chars > 0 ? fs->max_chars : FORM_DEFAULT_MAX_CHARS;
}

/* ---- life cycle ---- */

/* Run the spec's init on a new or cleared form; what it sets is not a change by the user. */
static err_code form_run_init(form *f, err_info *e)
{
	if (f->spec->init == NULL)
		return ERR_OK;
	err_code c = f->spec->init(f, e);
	f->dirty = 0;
	f->fail_field = -1;
	return c;
}

/* form_new, and for a child form the parent it takes its office and mode from. */
static err_code form_create(const form_spec *spec, db *d, lb_date today, int64_t operator_id,
                            form *parent, form **out, err_info *e)
{
	if (out != NULL)
		*out = NULL;
	if (spec == NULL || out == NULL || spec->fields == NULL || spec->n_fields <= 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "form spec");
	form *f = calloc(1, sizeof *f);
	if (f == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	f->val = calloc((size_t)spec->n_fields, sizeof *f->val);
	f->orig = calloc((size_t)spec->n_fields, sizeof *f->orig);
	if (f->val == NULL || f->orig == NULL) {
		free(f->val);
		free(f->orig);
		free(f);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	f->spec = spec;
	f->d = d;
	f->today = today;
	f->operator_id = operator_id;
	f->fail_field = -1;
	f->parent = parent;
	if (parent != NULL) {
		memcpy(f->office, parent->office, sizeof f->office);
		f->readonly = parent->readonly;
	} else if (d != NULL && operator_id > 0) {
		operator_rec op;
		err_info oe;
		err_code c = operator_get(d, operator_id, &op, &oe);
		if (c == ERR_OK)
			form_copy_cut(f->office, sizeof f->office, op.office);
		else if (c != ERR_NOT_FOUND) {
			if (e != NULL)
				*e = oe;
			form_free(f);
			return c;
		}
	}
	err_code c = form_run_init(f, e);
	if (c != ERR_OK) {
		form_free(f);
		return c;
	}
	*out = f;
	return ERR_OK;
}

err_code form_new(const form_spec *spec, db *d, lb_date today, int64_t operator_id, form **out,
                  err_info *e)
{
	return form_create(spec, d, today, operator_id, NULL, out, e);
}

void form_free(form *f)
{
	if (f == NULL)
		return;
	form_free_values(f->val, f->spec->n_fields);
	form_free_values(f->orig, f->spec->n_fields);
	free(f);
}

const form_spec *form_get_spec(const form *f)
{
	return f ? f->spec : NULL;
}

db *form_db(const form *f)
{
	return f ? f->d : NULL;
}

lb_date form_today(const form *f)
{
	return f ? f->today : 0;
}

int64_t form_operator(const form *f)
{
	return f ? f->operator_id : 0;
}

void form_set_office(form *f, const char *office_code)
{
	if (f != NULL)
		form_copy_cut(f->office, sizeof f->office, office_code ? office_code : "");
}

const char *form_office(const form *f)
{
	return f ? f->office : "";
}

void form_set_context(form *f, void *ctx)
{
	if (f != NULL)
		f->context = ctx;
}

void *form_context(const form *f)
{
	return f ? f->context : NULL;
}

void form_set_readonly(form *f, int readonly)
{
	if (f != NULL)
		f->readonly = readonly != 0;
}

void form_set_progress(form *f, form_progress_fn fn, void *ctx)
{
	if (f == NULL)
		return;
	f->progress = fn;
	f->progress_ctx = ctx;
}

void form_progress(form *f, msg_id step, const char *item, uint64_t done, uint64_t total)
{
	if (f != NULL && f->progress != NULL)
		f->progress(f->progress_ctx, step, item != NULL ? item : "", done, total);
}

void form_set_notice(form *f, const char *utf8)
{
	if (f != NULL)
		snprintf(f->notice, sizeof f->notice, "%s", utf8 != NULL ? utf8 : "");
}

const char *form_notice(const form *f)
{
	return f != NULL ? f->notice : "";
}

int form_readonly(const form *f)
{
	return f ? f->readonly || f->done : 0;
}

/* ---- fields and values ---- */

int form_n_fields(const form *f)
{
	return f ? f->spec->n_fields : 0;
}

const field_spec *form_field(const form *f, int i)
{
	return form_index_ok(f, i) ? &f->spec->fields[i] : NULL;
}

int form_find(const form *f, const char *id)
{
	if (f == NULL || id == NULL)
		return -1;
	for (int i = 0; i < f->spec->n_fields; i++)
		if (f->spec->fields[i].id != NULL && strcmp(f->spec->fields[i].id, id) == 0)
			return i;
	return -1;
}

int form_visible(const form *f, int i)
{
	if (!form_index_ok(f, i))
		return 0;
	const field_spec *fs = &f->spec->fields[i];
	return fs->visible == NULL || fs->visible(f);
}

const char *form_value(const form *f, int i)
{
	if (!form_index_ok(f, i) || f->val[i] == NULL)
		return "";
	return f->val[i];
}

/* UTF-8 validity and the length limit, shared by typing and draft restore. */
static err_code form_value_ok(const form *f, int i, const char *s, err_info *e)
{
	const field_spec *fs = &f->spec->fields[i];
	long bad = form_utf8_bad(s);
	if (bad >= 0)
		return err_set(e, ERR_TEXT_UTF8, fs->label, msg_text(MSG_D_BYTE_AT), bad + 1);
	size_t n = text_chars(s);
	int max = form_field_max(fs);
	if (n > (size_t)max)
		return err_set(e, ERR_TEXT_TOO_LONG, fs->label, msg_text(MSG_D_TOO_MANY_CHARS), max,
		               n);
	return ERR_OK;
}

err_code form_set_value(form *f, int i, const char *utf8, err_info *e)
{
	if (!form_index_ok(f, i))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "field %d", i);
	if (form_readonly(f))
		return err_set(e, ERR_FORM_READONLY, MSG_NONE, NULL);
	if (f->spec->fields[i].flags & FF_READONLY)
		return err_set(e, ERR_FIELD_READONLY, form_label(f, i), NULL);
	if (utf8 == NULL)
		utf8 = "";
	err_code c = form_value_ok(f, i, utf8, e);
	if (c != ERR_OK)
		return c;
	return form_replace(f, i, utf8, e);
}

err_code form_put(form *f, int i, const char *utf8, err_info *e)
{
	if (!form_index_ok(f, i))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "field %d", i);
	return form_replace(f, i, utf8, e);
}

/* ---- which characters a field takes ---- */

static int form_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static int form_is_letter(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

static int form_is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

/* Control characters (C0, DEL, C1), surrogates and values past Unicode. */
static int form_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF) ||
	       cp > 0x10FFFF;
}

/* Letters the credit code never uses (GB 32100: no I, O, S, V, Z), either case, either width. */
static int form_uscc_excluded(uint32_t cp)
{
	uint32_t a = cp;
	if (a >= 0xFF21 && a <= 0xFF3A)
		a = a - 0xFF21 + 'A';
	else if (a >= 0xFF41 && a <= 0xFF5A)
		a = a - 0xFF41 + 'A';
	else if (a >= 'a' && a <= 'z')
		a = a - 'a' + 'A';
	return a == 'I' || a == 'O' || a == 'S' || a == 'V' || a == 'Z';
}

/* What may separate the codes of a multi-select value as typed: , ， 、 ; ； and blanks. */
static int form_codes_separator(uint32_t cp)
{
	return cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == ';' || cp == 0xFF1B ||
	       cp == ' ' || cp == 0x3000 || cp == '\t';
}

/* 1 if a field of type t (spec fs) can take cp; *takes says what it takes. */
static int form_type_takes(const field_spec *fs, uint32_t cp, msg_id *takes)
{
	switch (fs->type) {
	case FT_IDNO:
		*takes = MSG_FORM_TAKES_IDNO;
		return form_is_digit(cp) || cp == 'X' || cp == 'x' || cp == 0xFF38 || cp == 0xFF58;
	case FT_USCC:
		*takes = MSG_FORM_TAKES_USCC;
		return form_is_digit(cp) || (form_is_letter(cp) && !form_uscc_excluded(cp));
	case FT_DATE:
		*takes = MSG_FORM_TAKES_DATE;
		return form_is_digit(cp) || cp == '-' || cp == '.' || cp == '/' || cp == 0xFF0D ||
		       cp == 0xFF0E || cp == 0xFF0F || cp == 0x3002;
	case FT_INT:
		*takes = fs->min < 0 ? MSG_FORM_TAKES_INT_SIGNED : MSG_FORM_TAKES_INT;
		return form_is_digit(cp) ||
		       (fs->min < 0 && (cp == '-' || cp == 0xFF0D || cp == 0x2212));
	case FT_MONEY:
		*takes = MSG_FORM_TAKES_MONEY;
		return form_is_digit(cp) || cp == '.' || cp == ',' || cp == 0xFF0E ||
		       cp == 0xFF0C || cp == 0x00A5 || cp == 0xFFE5 || cp == 0x5143;
	case FT_PHONE:
		*takes = MSG_FORM_TAKES_PHONE;
		return form_is_digit(cp) || cp == '-' || cp == 0xFF0D || cp == '+' ||
		       cp == 0xFF0B || cp == ' ' || cp == 0x3000 || cp == 0x8F6C;
	case FT_NAME:
		*takes = MSG_FORM_TAKES_NAME;
		/* No ASCII at all (letters, digits, space, '.'), nor their full-width forms. */
		return !(cp < 0x80 || (cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000);
	case FT_CODE:
		*takes = MSG_FORM_TAKES_CODE;
		return form_is_digit(cp) || form_is_letter(cp) || form_is_han(cp);
	case FT_CODES:
		*takes = MSG_FORM_TAKES_CODES;
		return form_is_digit(cp) || form_is_letter(cp) || form_is_han(cp) ||
		       form_codes_separator(cp);
	case FT_BOOL:
		*takes = MSG_FORM_TAKES_BOOL;
		return cp == 0x662F || cp == 0x5426 || cp == '1' || cp == '0' || cp == 'y' ||
		       cp == 'Y' || cp == 'n' || cp == 'N';
	case FT_MEMO:
		*takes = MSG_FORM_TAKES_MEMO;
		return cp == '\n' || !form_is_control(cp);
	case FT_TEXT:
	default:
		*takes = MSG_FORM_TAKES_TEXT;
		return !form_is_control(cp);
	}
}

err_code form_accepts_char(const form *f, int i, uint32_t cp, err_info *e)
{
	if (!form_index_ok(f, i))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "field %d", i);
	const field_spec *fs = &f->spec->fields[i];
	if (form_readonly(f))
		return err_set(e, ERR_FORM_READONLY, MSG_NONE, NULL);
	if (fs->flags & FF_READONLY)
		return err_set(e, ERR_FIELD_READONLY, fs->label, NULL);
	msg_id takes = MSG_FORM_TAKES_TEXT;
	int ok = form_type_takes(fs, cp, &takes);
	/* Controls are never taken, whatever the type says (a memo's newline aside). */
	if (form_is_control(cp) && !(fs->type == FT_MEMO && cp == '\n'))
		ok = 0;
	if (!ok)
		return err_set(e, ERR_FIELD_CHAR, fs->label, "%s", msg_text(takes));
	return ERR_OK;
}

/* ---- checking ---- */

/* 1 if the comma-joined set has code (a multi-select value). */
static int form_set_has(const char *set, const char *code)
{
	size_t n = strlen(code);
	if (n == 0)
		return 0;
	for (const char *p = set; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, code, n) == 0)
			return 1;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return 0;
}

/* 1 if the field held code when it was loaded or saved (so a retired code may stay). */
static int form_had_code(const form *f, int i, const char *code)
{
	const char *orig = f->orig[i] ? f->orig[i] : "";
	if (f->spec->fields[i].type == FT_CODES)
		return form_set_has(orig, code);
	return strcmp(orig, code) == 0;
}

/* ASCII letters folded to upper case, for codes typed in lower case ("c" for industry C). */
static void form_upper(char *dst, size_t size, const char *src)
{
	size_t k = 0;
	for (; src[k] && k + 1 < size; k++)
		dst[k] = (src[k] >= 'a' && src[k] <= 'z') ? (char)(src[k] - 'a' + 'A') : src[k];
	dst[k] = '\0';
}

/* 1 if s starts with prefix. */
static int form_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* An option matches a query: code or name or the name's pinyin initials start with it. */
static int form_option_matches(const form_option *o, const char *q)
{
	char up[32], py[64];
	form_upper(up, sizeof up, q);
	const char *name = msg_text(o->name);
	pinyin_name_initials(name, py, sizeof py);
	char lq[32];
	size_t k = 0;
	for (; q[k] && k + 1 < sizeof lq; k++)
		lq[k] = (q[k] >= 'A' && q[k] <= 'Z') ? (char)(q[k] - 'A' + 'a') : q[k];
	lq[k] = '\0';
	return form_starts(o->code, up) || form_starts(name, q) || (lq[0] && form_starts(py, lq));
}

/* A token typed into an option field → the option's code. */
static err_code form_resolve_option(const form *f, int i, const char *v, char code[16], err_info *e)
{
	const field_spec *fs = &f->spec->fields[i];
	char up[32], typed[64];
	form_copy_cut(typed, sizeof typed, v);
	form_upper(up, sizeof up, v);
	const form_option *pick = NULL;
	int matches = 0;
	for (int k = 0; k < fs->n_options && pick == NULL; k++)
		if (strcmp(fs->options[k].code, up) == 0 ||
		    strcmp(msg_text(fs->options[k].name), v) == 0)
			pick = &fs->options[k];
	for (int k = 0; k < fs->n_options && pick == NULL; k++)
		if (form_option_matches(&fs->options[k], v))
			matches++;
	for (int k = 0; k < fs->n_options && pick == NULL && matches == 1; k++)
		if (form_option_matches(&fs->options[k], v))
			pick = &fs->options[k];
	if (pick == NULL)
		return err_set(e, ERR_CODE_UNKNOWN, fs->label, msg_text(MSG_D_QUOTED_NOTE), typed,
		               matches > 1 ? msg_text(MSG_FORM_CODE_AMBIGUOUS) : "");
	form_copy_cut(code, 16, pick->code);
	return ERR_OK;
}

/*
 * One code typed into FT_CODE/FT_CODES field i (the code, or a name or
 * initials naming exactly one code) → the code, into code[16].
 */
static err_code form_resolve_code(form *f, int i, const char *v, char code[16], err_info *e)
{
	const field_spec *fs = &f->spec->fields[i];
	if (fs->code_table == NULL && fs->options != NULL)
		return form_resolve_option(f, i, v, code, e);
	code_item item;
	err_info ce;
	char typed[64];
	form_copy_cut(typed, sizeof typed, v);
	if (f->d == NULL || fs->code_table == NULL)
		return err_set(e, ERR_INVALID_ARG, fs->label, "no code table");
	if (strlen(v) < sizeof item.code) {
		/* Codes are stored as published: industry "C", so try upper case for letters. */
		char up[sizeof item.code];
		form_upper(up, sizeof up, v);
		const char *tries[2] = {v, up};
		for (int t = 0; t < 2; t++) {
			if (t == 1 && strcmp(up, v) == 0)
				break;
			err_code c = code_get(f->d, fs->code_table, tries[t], &item, &ce);
			if (c == ERR_NOT_FOUND)
				continue;
			if (c != ERR_OK) {
				if (e != NULL)
					*e = ce;
				return c;
			}
			if (!item.active && !form_had_code(f, i, item.code))
				return err_set(e, ERR_CODE_UNKNOWN, fs->label,
				               msg_text(MSG_D_QUOTED_NOTE), typed,
				               msg_text(MSG_FORM_CODE_RETIRED));
			form_copy_cut(code, 16, item.code);
			return ERR_OK;
		}
	}
	/* Not a code: a name or initials that picks out one active code will do. */
	code_list l;
	err_code c = code_search(f->d, fs->code_table, v, 64, &l, &ce);
	if (c == ERR_DB_TOO_LONG)
		return err_set(e, ERR_CODE_UNKNOWN, fs->label, msg_text(MSG_D_QUOTED), typed);
	if (c != ERR_OK) {
		if (e != NULL)
			*e = ce;
		return c;
	}
	const code_item *pick = NULL;
	if (l.n == 1)
		pick = &l.items[0];
	for (size_t k = 0; k < l.n && pick == NULL; k++)
		if (strcmp(l.items[k].name, v) == 0)
			pick = &l.items[k];
	if (pick == NULL) {
		c = err_set(e, ERR_CODE_UNKNOWN, fs->label, msg_text(MSG_D_QUOTED_NOTE), typed,
		            l.n > 1 ? msg_text(MSG_FORM_CODE_AMBIGUOUS) : "");
		code_list_free(&l);
		return c;
	}
	form_copy_cut(code, 16, pick->code);
	code_list_free(&l);
	return ERR_OK;
}

/* FT_CODE: the code (or a name or initials naming exactly one code) → the code. */
static err_code form_check_code(form *f, int i, const char *v, char **norm, err_info *e)
{
	char code[16];
	err_code c = form_resolve_code(f, i, v, code, e);
	if (c != ERR_OK)
		return c;
	int oom = 0;
	*norm = form_dup(code, &oom);
	return oom ? err_set(e, ERR_NOMEM, f->spec->fields[i].label, NULL) : ERR_OK;
}

/* Most codes one multi-select value holds. */
#define FORM_CODES_MAX 64

static int form_code_cmp(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* Sorted, without repeats, joined by ',' into a malloc'ed string (NULL + *oom on failure). */
static char *form_codes_join(char (*codes)[16], size_t n, int *oom)
{
	qsort(codes, n, sizeof codes[0], form_code_cmp);
	size_t cap = n * 17 + 1, used = 0;
	char *out = malloc(cap);
	if (out == NULL) {
		*oom = 1;
		return NULL;
	}
	out[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		if (k > 0 && strcmp(codes[k], codes[k - 1]) == 0)
			continue;
		size_t len = strlen(codes[k]);
		if (used > 0)
			out[used++] = ',';
		memcpy(out + used, codes[k], len + 1);
		used += len;
	}
	return out;
}

/*
 * FT_CODES: codes (or names or initials), separated by commas, 、 or
 * blanks → the sorted set "01,04". Every item must resolve.
 */
static err_code form_check_codes(form *f, int i, const char *v, char **norm, err_info *e)
{
	const field_spec *fs = &f->spec->fields[i];
	char(*codes)[16] = calloc(FORM_CODES_MAX, sizeof *codes);
	if (codes == NULL)
		return err_set(e, ERR_NOMEM, fs->label, NULL);
	size_t n = 0, len = strlen(v), i0 = 0;
	err_code c = ERR_OK;
	while (i0 < len && c == ERR_OK) {
		/* Skip separators, then take the token up to the next one. */
		uint32_t cp;
		int k = text_utf8_check(v + i0, len - i0, &cp);
		if (k <= 0) {
			c = err_set(e, ERR_TEXT_UTF8, fs->label, msg_text(MSG_D_BYTE_AT),
			            (long)(i0 + 1));
			break;
		}
		if (form_codes_separator(cp)) {
			i0 += (size_t)k;
			continue;
		}
		size_t j = i0;
		while (j < len) {
			k = text_utf8_check(v + j, len - j, &cp);
			if (k <= 0 || form_codes_separator(cp))
				break;
			j += (size_t)k;
		}
		char token[128];
		if (j - i0 >= sizeof token) {
			char shown[64];
			form_copy_cut(shown, sizeof shown, v + i0);
			c = err_set(e, ERR_CODE_UNKNOWN, fs->label, msg_text(MSG_D_QUOTED), shown);
			break;
		}
		memcpy(token, v + i0, j - i0);
		token[j - i0] = '\0';
		i0 = j;
		if (n >= FORM_CODES_MAX) {
			c = err_set(e, ERR_TEXT_TOO_LONG, fs->label, msg_text(MSG_D_FORM_MAX_ITEMS),
			            FORM_CODES_MAX);
			break;
		}
		c = form_resolve_code(f, i, token, codes[n], e);
		if (c == ERR_OK)
			n++;
	}
	if (c == ERR_OK) {
		int oom = 0;
		*norm = form_codes_join(codes, n, &oom);
		if (oom)
			c = err_set(e, ERR_NOMEM, fs->label, NULL);
	}
	free(codes);
	return c;
}

/*
 * The type check of field i's non-blank value v: ERR_OK with the normal
 * form in *norm (malloc'ed, NULL for ""), and *notice for something the
 * user should be told (an upgraded ID). Errors name the field.
 */
static err_code form_check_type(form *f, int i, const char *v, char **norm, msg_id *notice,
                                err_info *e)
{
	const field_spec *fs = &f->spec->fields[i];
	msg_id label = fs->label;
	char buf[128];
	err_code c = ERR_OK;
	*norm = NULL;
	buf[0] = '\0';
	switch (fs->type) {
	case FT_TEXT: {
		char *t = form_trim(v);
		if (t == NULL)
			return err_set(e, ERR_NOMEM, label, NULL);
		c = valid_text(t, label, form_field_max(fs), 0, e);
		if (c == ERR_OK)
			*norm = t;
		else
			free(t);
		return c;
	}
	case FT_MEMO:
		c = valid_text(v, label, form_field_max(fs), 1, e);
		if (c == ERR_OK) {
			int oom = 0;
			*norm = form_dup(v, &oom);
			if (oom)
				c = err_set(e, ERR_NOMEM, label, NULL);
		}
		return c;
	case FT_NAME:
		c = valid_name(v, label, buf, sizeof buf, e);
		break;
	case FT_IDNO: {
		idcard_info info;
		c = idcard_parse(v, f->today, &info, e);
		if (c == ERR_OK) {
			memcpy(buf, info.id, sizeof info.id);
			if (info.upgraded)
				*notice = MSG_FORM_ID_UPGRADED;
		}
		break;
	}
	case FT_USCC: {
		uscc_info info;
		c = uscc_parse(v, &info, e);
		if (c == ERR_OK)
			memcpy(buf, info.code, sizeof info.code);
		break;
	}
	case FT_DATE: {
		lb_date day;
		c = date_parse(v, label, &day, e);
		if (c == ERR_OK && (fs->flags & FF_NOFUTURE) && day > f->today) {
			char today[DATE_ISO_LEN];
			c = err_set(e, ERR_DATE_FUTURE, label, "%s%s", msg_text(MSG_FORM_TODAY_IS),
			            date_format(f->today, today));
		}
		if (c == ERR_OK)
			date_format(day, buf);
		break;
	}
	case FT_INT: {
		long n;
		c = valid_int(v, label, fs->min, fs->max, &n, e);
		if (c == ERR_OK)
			snprintf(buf, sizeof buf, "%ld", n);
		break;
	}
	case FT_MONEY: {
		int64_t fen;
		c = valid_money(v, label, &fen, e);
		if (c == ERR_OK)
			valid_money_format(fen, buf, sizeof buf);
		break;
	}
	case FT_PHONE:
		c = valid_phone(v, label, buf, sizeof buf, e);
		break;
	case FT_CODE: {
		char *t = form_trim(v);
		if (t == NULL)
			return err_set(e, ERR_NOMEM, label, NULL);
		c = form_check_code(f, i, t, norm, e);
		free(t);
		return c;
	}
	case FT_CODES: {
		char *t = form_trim(v);
		if (t == NULL)
			return err_set(e, ERR_NOMEM, label, NULL);
		c = form_check_codes(f, i, t, norm, e);
		free(t);
		return c;
	}
	case FT_BOOL: {
		char *t = form_trim(v);
		if (t == NULL)
			return err_set(e, ERR_NOMEM, label, NULL);
		if (strcmp(t, msg_text(MSG_FORM_YES)) == 0 || strcmp(t, "1") == 0 ||
		    strcmp(t, "y") == 0 || strcmp(t, "Y") == 0)
			strcpy(buf, "1");
		else if (strcmp(t, msg_text(MSG_FORM_NO)) == 0 || strcmp(t, "0") == 0 ||
		         strcmp(t, "n") == 0 || strcmp(t, "N") == 0)
			strcpy(buf, "0");
		else
			c = err_set(e, ERR_BOOL_FORMAT, label, msg_text(MSG_D_QUOTED_40), t);
		free(t);
		break;
	}
	default:
		return err_set(e, ERR_INTERNAL, label, "field type %d", (int)fs->type);
	}
	if (c != ERR_OK) {
		/* idcard and uscc name their own field; the form's label is what the user sees. */
		if (e != NULL)
			e->field = label;
		return c;
	}
	int oom = 0;
	*norm = form_dup(buf, &oom);
	return oom ? err_set(e, ERR_NOMEM, label, NULL) : ERR_OK;
}

/* If a hook failed without naming a field, name field i. */
static err_code form_hook_failed(const form *f, int i, err_code c, err_info *e)
{
	if (e != NULL && e->code == c && e->field == MSG_NONE)
		e->field = form_label(f, i);
	return c;
}

/*
 * Check field i as it stands (type, normalisation, spec check); blank
 * values become "". *blank says whether it was empty.
 */
static err_code form_check_field(form *f, int i, int *blank, msg_id *notice, err_info *e)
{
	const field_spec *fs = &f->spec->fields[i];
	const char *v = form_value(f, i);
	*blank = form_is_blank(v);
	if (*blank)
		return form_replace(f, i, "", e);
	char *norm = NULL;
	err_code c = form_check_type(f, i, v, &norm, notice, e);
	if (c != ERR_OK)
		return c;
	c = form_replace(f, i, norm, e);
	free(norm);
	if (c != ERR_OK)
		return c;
	if (fs->check != NULL) {
		f->fail_field = -1;
		c = fs->check(f, i, e);
		if (c != ERR_OK)
			return form_hook_failed(f, i, c, e);
	}
	return ERR_OK;
}

err_code form_leave_field(form *f, int i, msg_id *message, err_info *e)
{
	if (message != NULL)
		*message = MSG_NONE;
	if (!form_index_ok(f, i))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "field %d", i);
	if ((f->spec->fields[i].flags & FF_READONLY) || !form_visible(f, i))
		return ERR_OK;
	int blank;
	msg_id notice = MSG_NONE;
	err_code c = form_check_field(f, i, &blank, &notice, e);
	if (c != ERR_OK)
		return c;
	if (f->spec->on_leave != NULL) {
		f->fail_field = -1;
		c = f->spec->on_leave(f, i, &notice, e);
		if (c != ERR_OK)
			return form_hook_failed(f, i, c, e);
	}
	if (message != NULL)
		*message = notice;
	return ERR_OK;
}

err_code form_fail(form *f, int i, err_info *e, err_code code, const char *fmt, ...)
{
	int ok = form_index_ok(f, i);
	if (f != NULL)
		f->fail_field = ok ? i : -1;
	if (e == NULL)
		return code;
	msg_id label = ok ? form_label(f, i) : MSG_NONE;
	if (fmt == NULL)
		return err_set(e, code, label, NULL);
	/* Longer than the detail, so err_set cuts it at a character boundary. */
	char tmp[sizeof e->detail * 2];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	return err_set(e, code, label, "%s", tmp);
}

/* ---- path checks ---- */

/* Field's path must be a folder (dir), a readable file (file), or either. */
static err_code form_check_path(form *f, int field, int dir, int file, err_info *e)
{
	const char *p = form_value(f, field);
	struct stat st;
	if (p[0] == '\0')
		return ERR_OK;
	int found = stat(p, &st) == 0;
	if (dir && !file)
		return found && S_ISDIR(st.st_mode)
		           ? ERR_OK
		           : form_fail(f, field, e, ERR_PATH_NOT_DIR, "%s", p);
	int kind = found && ((dir && S_ISDIR(st.st_mode)) || (file && S_ISREG(st.st_mode)));
	return kind && access(p, R_OK) == 0 ? ERR_OK
	                                    : form_fail(f, field, e, ERR_PATH_MISSING, "%s", p);
}

err_code form_check_folder(form *f, int field, err_info *e)
{
	return form_check_path(f, field, 1, 0, e);
}

err_code form_check_file(form *f, int field, err_info *e)
{
	return form_check_path(f, field, 0, 1, e);
}

err_code form_check_file_or_folder(form *f, int field, err_info *e)
{
	return form_check_path(f, field, 1, 1, e);
}

/* 1 if the cursor can go to field i: shown and not read-only. */
static int form_can_edit(const form *f, int i)
{
	return form_visible(f, i) && !(f->spec->fields[i].flags & FF_READONLY);
}

/*
 * The field an error is about: named by form_fail, else a field the user
 * can edit with its label; -1 if none (a read-only field is no place for
 * the cursor, e.g. 经办机构 when the operator has no office).
 */
static int form_bad_field(const form *f, const err_info *e)
{
	if (form_index_ok(f, f->fail_field))
		return f->fail_field;
	if (e == NULL || e->field == MSG_NONE)
		return -1;
	for (int i = 0; i < f->spec->n_fields; i++)
		if (form_label(f, i) == e->field && form_can_edit(f, i))
			return i;
	/* db/ names columns with its own labels; the same text is the same field. */
	const char *want = msg_text(e->field);
	for (int i = 0; i < f->spec->n_fields; i++)
		if (strcmp(msg_text(form_label(f, i)), want) == 0 && form_can_edit(f, i))
			return i;
	return -1;
}

/* The checks of form_check and form_save. */
static err_code form_check_all(form *f, int *bad_field, err_info *e)
{
	const form_spec *spec = f->spec;
	err_code c;
	for (int i = 0; i < spec->n_fields; i++) {
		const field_spec *fs = &spec->fields[i];
		if ((fs->flags & FF_READONLY) || !form_visible(f, i))
			continue;
		int blank;
		msg_id notice = MSG_NONE;
		c = form_check_field(f, i, &blank, &notice, e);
		if (c == ERR_OK && blank && (fs->flags & FF_REQUIRED))
			c = err_set(e, ERR_FIELD_REQUIRED, fs->label, NULL);
		if (c != ERR_OK) {
			*bad_field = i;
			return c;
		}
	}
	if (spec->check_all != NULL) {
		f->fail_field = -1;
		c = spec->check_all(f, e);
		if (c != ERR_OK) {
			*bad_field = form_bad_field(f, e);
			return c;
		}
	}
	return ERR_OK;
}

err_code form_check(form *f, int *bad_field, err_info *e)
{
	int bad_dummy;
	if (bad_field == NULL)
		bad_field = &bad_dummy;
	*bad_field = -1;
	if (f == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	return form_check_all(f, bad_field, e);
}

err_code form_save(form *f, int *bad_field, err_info *e)
{
	int bad_dummy;
	if (bad_field == NULL)
		bad_field = &bad_dummy;
	*bad_field = -1;
	if (f == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (form_readonly(f))
		return err_set(e, ERR_FORM_READONLY, MSG_NONE, NULL);
	const form_spec *spec = f->spec;
	f->notice[0] = '\0';
	err_code c = form_check_all(f, bad_field, e);
	if (c != ERR_OK)
		return c;
	if (spec->save == NULL)
		return err_set(e, ERR_INTERNAL, MSG_NONE, "form %s has no save", spec->id);

	int64_t id = f->record_id, version = f->version;
	int wrap = f->d != NULL && !(spec->flags & FS_OWN_TRANSACTION);
	f->fail_field = -1;
	c = wrap ? db_begin(f->d, e) : ERR_OK;
	if (c != ERR_OK)
		return c;
	c = spec->save(f, e);
	if (wrap) {
		if (c == ERR_OK)
			c = db_commit(f->d, e);
		else
			db_rollback(f->d);
	}
	if (c != ERR_OK) {
		/* Nothing was stored, so the form still edits what it edited before. */
		f->record_id = id;
		f->version = version;
		*bad_field = c == ERR_DB_STALE ? -1 : form_bad_field(f, e);
		return c;
	}
	f->dirty = 0;
	f->done = (spec->flags & FS_ONCE) != 0;
	form_remember(f);
	return ERR_OK;
}

err_code form_load(form *f, int64_t id, err_info *e)
{
	if (f == NULL || f->spec->load == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "form cannot load");
	int n = f->spec->n_fields;
	char **fresh = calloc((size_t)n, sizeof *fresh);
	if (fresh == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	char **old = f->val;
	int64_t old_id = f->record_id, old_version = f->version;
	int old_dirty = f->dirty;
	f->val = fresh;
	f->record_id = id;
	f->version = 0;
	err_code c = f->spec->load(f, id, e);
	if (c != ERR_OK) {
		form_free_values(f->val, n);
		f->val = old;
		f->record_id = old_id;
		f->version = old_version;
		f->dirty = old_dirty;
		return c;
	}
	form_free_values(old, n);
	f->dirty = 0;
	f->done = (f->spec->flags & FS_ONCE) && id > 0;
	form_remember(f);
	return ERR_OK;
}

int64_t form_record_id(const form *f)
{
	return f ? f->record_id : 0;
}

int64_t form_record_version(const form *f)
{
	return f ? f->version : 0;
}

void form_set_record(form *f, int64_t id, int64_t version)
{
	if (f == NULL)
		return;
	f->record_id = id;
	f->version = version;
}

int form_dirty(const form *f)
{
	return f ? f->dirty : 0;
}

void form_clear(form *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->spec->n_fields; i++) {
		free(f->val[i]);
		f->val[i] = NULL;
		free(f->orig[i]);
		f->orig[i] = NULL;
	}
	f->record_id = 0;
	f->version = 0;
	f->dirty = 0;
	f->done = 0;
	f->fail_field = -1;
	f->notice[0] = '\0';
	(void)form_run_init(f, NULL);
}

/* ---- display ---- */

/* "code name" of one code of field fs into out; the bare code when it has no name. */
static void form_code_label(const form *f, const field_spec *fs, const char *code, char *out,
                            size_t size)
{
	if (fs->code_table == NULL && fs->options != NULL) {
		for (int k = 0; k < fs->n_options; k++)
			if (strcmp(fs->options[k].code, code) == 0) {
				char tmp[256];
				snprintf(tmp, sizeof tmp, "%s %s", code,
				         msg_text(fs->options[k].name));
				form_copy_cut(out, size, tmp);
				return;
			}
	} else if (f->d != NULL && fs->code_table != NULL) {
		code_item item;
		if (strlen(code) < sizeof item.code &&
		    code_get(f->d, fs->code_table, code, &item, NULL) == ERR_OK) {
			char tmp[sizeof item.code + sizeof item.name + 2];
			snprintf(tmp, sizeof tmp, "%s %s", item.code, item.name);
			form_copy_cut(out, size, tmp);
			return;
		}
	}
	form_copy_cut(out, size, code);
}

const char *form_display(const form *f, int i, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return buf;
	buf[0] = '\0';
	if (!form_index_ok(f, i))
		return buf;
	const field_spec *fs = &f->spec->fields[i];
	const char *v = form_value(f, i);
	if (v[0] == '\0')
		return buf;
	if (fs->type == FT_CODE) {
		form_code_label(f, fs, v, buf, size);
		return buf;
	}
	if (fs->type == FT_CODES) {
		/* "01 4050人员、04 城市低保家庭成员": every code with its name, as far as it fits.
		 */
		size_t used = 0;
		for (const char *p = v; *p;) {
			const char *end = strchr(p, ',');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			char code[16], label[256];
			form_copy_cut(code, len + 1 < sizeof code ? len + 1 : sizeof code, p);
			form_code_label(f, fs, code, label, sizeof label);
			const char *sep = used > 0 ? msg_text(MSG_FORM_LIST_SEP) : "";
			if (used + strlen(sep) + strlen(label) + 1 > size) {
				form_copy_cut(buf + used, size - used, sep);
				used = strlen(buf);
				form_copy_cut(buf + used, size - used, label);
				break;
			}
			used += (size_t)snprintf(buf + used, size - used, "%s%s", sep, label);
			if (end == NULL)
				break;
			p = end + 1;
		}
		return buf;
	}
	if (fs->type == FT_BOOL) {
		if (strcmp(v, "1") == 0)
			v = msg_text(MSG_FORM_YES);
		else if (strcmp(v, "0") == 0)
			v = msg_text(MSG_FORM_NO);
	}
	form_copy_cut(buf, size, v);
	return buf;
}

const char *form_display_names(const form *f, int i, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return buf;
	buf[0] = '\0';
	const field_spec *fs = form_field(f, i);
	if (fs == NULL)
		return buf;
	if (fs->type != FT_CODE && fs->type != FT_CODES)
		return form_display(f, i, buf, size);
	size_t used = 0;
	for (const char *p = form_value(f, i); *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char code[16], label[256];
		form_copy_cut(code, len + 1 < sizeof code ? len + 1 : sizeof code, p);
		form_code_label(f, fs, code, label, sizeof label);
		/* "code name" → the name; a code without a name shows nothing. */
		const char *name =
		    strncmp(label, code, strlen(code)) == 0 && label[strlen(code)] == ' '
		        ? label + strlen(code) + 1
		        : "";
		if (name[0] != '\0') {
			const char *sep = used > 0 ? msg_text(MSG_FORM_LIST_SEP) : "";
			if (used + strlen(sep) + strlen(name) + 1 > size)
				break;
			used += (size_t)snprintf(buf + used, size - used, "%s%s", sep, name);
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	return buf;
}

/* ---- picklists ---- */

err_code form_choices(const form *f, int i, const char *query, form_choice *out, size_t max,
                      size_t *n, err_info *e)
{
	if (n != NULL)
		*n = 0;
	if (!form_index_ok(f, i) || n == NULL || (out == NULL && max > 0))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	const field_spec *fs = &f->spec->fields[i];
	int options = fs->code_table == NULL && fs->options != NULL;
	if ((fs->type != FT_CODE && fs->type != FT_CODES) ||
	    (!options && (fs->code_table == NULL || f->d == NULL)))
		return err_set(e, ERR_INVALID_ARG, fs->label, "not a code field");
	if (max == 0)
		return ERR_OK;
	char *q = form_trim(query ? query : "");
	if (q == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	if (options) {
		for (int k = 0; k < fs->n_options && *n < max; k++)
			if (q[0] == '\0' || form_option_matches(&fs->options[k], q)) {
				form_copy_cut(out[*n].code, sizeof out[*n].code,
				              fs->options[k].code);
				form_copy_cut(out[*n].name, sizeof out[*n].name,
				              msg_text(fs->options[k].name));
				(*n)++;
			}
		free(q);
		return ERR_OK;
	}
	code_list l;
	err_code c = code_search(f->d, fs->code_table, q, max, &l, e);
	free(q);
	if (c != ERR_OK)
		return c;
	for (size_t k = 0; k < l.n && k < max; k++) {
		form_copy_cut(out[k].code, sizeof out[k].code, l.items[k].code);
		form_copy_cut(out[k].name, sizeof out[k].name, l.items[k].name);
		(*n)++;
	}
	code_list_free(&l);
	return ERR_OK;
}

/* ---- multi-select ---- */

int form_codes_has(const form *f, int i, const char *code)
{
	if (!form_index_ok(f, i) || code == NULL)
		return 0;
	return form_set_has(form_value(f, i), code);
}

err_code form_codes_toggle(form *f, int i, const char *code, err_info *e)
{
	if (!form_index_ok(f, i) || code == NULL || code[0] == '\0' || strlen(code) >= 16 ||
	    strchr(code, ',') != NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (f->spec->fields[i].type != FT_CODES)
		return err_set(e, ERR_INVALID_ARG, form_label(f, i), "not a multi-select field");
	char(*codes)[16] = calloc(FORM_CODES_MAX + 1, sizeof *codes);
	if (codes == NULL)
		return err_set(e, ERR_NOMEM, form_label(f, i), NULL);
	size_t n = 0;
	int had = 0;
	for (const char *p = form_value(f, i); *p && n < FORM_CODES_MAX;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > 0 && len < 16) {
			memcpy(codes[n], p, len);
			codes[n][len] = '\0';
			if (strcmp(codes[n], code) == 0)
				had = 1;
			else
				n++;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	if (!had)
		form_copy_cut(codes[n++], 16, code);
	int oom = 0;
	char *joined = form_codes_join(codes, n, &oom);
	free(codes);
	if (oom)
		return err_set(e, ERR_NOMEM, form_label(f, i), NULL);
	err_code c = form_set_value(f, i, joined ? joined : "", e);
	free(joined);
	return c;
}

/* ---- child lists and actions ---- */

int form_n_sublists(const form *f)
{
	return f && f->spec->sublists ? f->spec->n_sublists : 0;
}

const form_sublist *form_sublist_at(const form *f, int k)
{
	return k >= 0 && k < form_n_sublists(f) ? &f->spec->sublists[k] : NULL;
}

err_code form_sublist_rows(form *f, int k, size_t offset, size_t max, struct listing_row *out,
                           size_t *n, size_t *total, err_info *e)
{
	if (n != NULL)
		*n = 0;
	if (total != NULL)
		*total = 0;
	const form_sublist *sl = form_sublist_at(f, k);
	if (sl == NULL || n == NULL || (out == NULL && max > 0))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "sublist %d", k);
	if (f->record_id <= 0 || sl->rows == NULL || max == 0)
		return ERR_OK;
	return sl->rows(f, offset, max, out, n, total, e);
}

/* A child form of spec opened from f. */
static err_code form_open_child(form *f, const form_spec *spec, form **child, err_info *e)
{
	return form_create(spec, f->d, f->today, f->operator_id, f, child, e);
}

err_code form_sublist_open(form *f, int k, int64_t row_id, form **child, err_info *e)
{
	if (child != NULL)
		*child = NULL;
	const form_sublist *sl = form_sublist_at(f, k);
	if (sl == NULL || child == NULL || sl->form == NULL || row_id <= 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "sublist %d", k);
	form *c = NULL;
	err_code rc = form_open_child(f, sl->form, &c, e);
	if (rc == ERR_OK)
		rc = form_load(c, row_id, e);
	if (rc != ERR_OK) {
		form_free(c);
		return rc;
	}
	*child = c;
	return ERR_OK;
}

int form_n_actions(const form *f)
{
	return f && f->spec->actions ? f->spec->n_actions : 0;
}

const form_action *form_action_at(const form *f, int k)
{
	return k >= 0 && k < form_n_actions(f) ? &f->spec->actions[k] : NULL;
}

int form_action_enabled(const form *f, int k)
{
	const form_action *a = form_action_at(f, k);
	if (a == NULL || a->form == NULL || f->record_id <= 0 || f->readonly)
		return 0;
	return a->enabled == NULL || a->enabled(f);
}

err_code form_action_open(form *f, int k, form **child, err_info *e)
{
	if (child != NULL)
		*child = NULL;
	const form_action *a = form_action_at(f, k);
	if (a == NULL || child == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "action %d", k);
	if (f->record_id > 0 && f->dirty && !f->readonly)
		return err_set(e, ERR_FORM_SAVE_FIRST, MSG_NONE, NULL);
	if (!form_action_enabled(f, k))
		return err_set(e, ERR_FORM_ACTION_UNAVAILABLE, MSG_NONE, "%s", msg_text(a->label));
	form *c = NULL;
	err_code rc = form_open_child(f, a->form, &c, e);
	if (rc == ERR_OK && (a->flags & FA_SAME_RECORD))
		rc = form_load(c, f->record_id, e);
	if (rc != ERR_OK) {
		form_free(c);
		return rc;
	}
	*child = c;
	return ERR_OK;
}

form *form_parent(const form *child)
{
	return child ? child->parent : NULL;
}

err_code form_reload(form *f, err_info *e)
{
	if (f == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (f->record_id <= 0)
		return ERR_OK;
	return form_load(f, f->record_id, e);
}

/* ---- drafts ---- */

err_code form_draft_save(form *f, err_info *e)
{
	if (f == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	int n = f->spec->n_fields;
	draft_field *fields = calloc((size_t)n, sizeof *fields);
	if (fields == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	for (int i = 0; i < n; i++) {
		fields[i].key = f->spec->fields[i].id;
		fields[i].value = form_value(f, i);
	}
	draft_form df = {
	    .record_id = f->record_id, .version = f->version, .fields = fields, .n = (size_t)n};
	char key[24] = "";
	if (f->record_id > 0)
		snprintf(key, sizeof key, "%lld", (long long)f->record_id);
	err_code c = draft_save_form(f->d, f->spec->id, key, &df, e);
	free(fields);
	return c;
}

err_code form_draft_discard(form *f, err_info *e)
{
	if (f == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	return draft_delete(f->d, f->spec->id, e);
}

err_code form_draft_restore(form *f, int *found, err_info *e)
{
	if (found != NULL)
		*found = 0;
	if (f == NULL || found == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	draft_form df;
	err_code c = draft_load_form(f->d, f->spec->id, &df, NULL, e);
	if (c == ERR_NOT_FOUND) {
		err_clear(e);
		return ERR_OK;
	}
	if (c == ERR_DB_CONSTRAINT) {
		char why[sizeof e->detail];
		form_copy_cut(why, sizeof why, e ? e->detail : "");
		return err_set(e, ERR_DRAFT_CORRUPT, MSG_NONE, "%s", why);
	}
	if (c != ERR_OK)
		return c;

	/* Check every drafted value before the form changes at all. */
	int n = f->spec->n_fields;
	const char **pick = calloc((size_t)n, sizeof *pick);
	if (pick == NULL) {
		draft_form_free(&df);
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	}
	for (size_t k = 0; k < df.n && c == ERR_OK; k++) {
		int i = form_find(f, df.fields[k].key);
		if (i < 0)
			continue; /* a field this version of the form no longer has */
		err_info ve;
		if (form_value_ok(f, i, df.fields[k].value, &ve) != ERR_OK) {
			char why[sizeof ve.detail + 64];
			snprintf(why, sizeof why, msg_text(MSG_D_FIELD_RULE), msg_text(ve.field),
			         err_text(ve.code));
			c = err_set(e, ERR_DRAFT_CORRUPT, MSG_NONE, "%s", why);
		}
		pick[i] = df.fields[k].value;
	}
	if (c == ERR_OK) {
		if (df.record_id > 0 && f->spec->load != NULL)
			c = form_load(f, df.record_id, e);
		else
			form_clear(f);
	}
	for (int i = 0; i < n && c == ERR_OK; i++)
		if (pick[i] != NULL)
			c = form_replace(f, i, pick[i], e);
	if (c == ERR_OK) {
		f->record_id = df.record_id;
		f->version = df.version;
		f->dirty = 1;
		*found = 1;
	}
	free(pick);
	draft_form_free(&df);
	return c;
}
