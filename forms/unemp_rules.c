/*
 * unemp_rules — the rules of 失业登记 (see unemp_rules.h).
 */
#include "forms/unemp_rules.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "locale/text.h"

/* ---- contribution ---- */

/*
 * The typed contribution folded to ASCII: digits, '.', '-', 'Y' for 年 and
 * 'M' for 月 or 个月; blanks dropped. 0 when a character is none of these.
 */
static int unemp_rules_fold(const char *s, char *out, size_t size)
{
	size_t len = strlen(s), i = 0, n = 0;
	int ge = 0; /* a 个 was read: the next character must be 月 */
	while (i < len) {
		uint32_t cp;
		int k = text_utf8_check(s + i, len - i, &cp);
		if (k <= 0)
			return 0;
		i += (size_t)k;
		if (cp == ' ' || cp == '\t' || cp == 0x3000)
			continue;
		if (ge && cp != 0x6708)
			return 0;
		ge = 0;
		char c;
		if (cp >= '0' && cp <= '9')
			c = (char)cp;
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			c = (char)('0' + (cp - 0xFF10));
		else if (cp == '.' || cp == 0xFF0E)
			c = '.';
		else if (cp == '-' || cp == 0xFF0D || cp == 0x2212)
			c = '-';
		else if (cp == 0x5E74) /* 年 */
			c = 'Y';
		else if (cp == 0x6708) /* 月 */
			c = 'M';
		else if (cp == 0x4E2A) { /* 个, only in 个月 */
			ge = 1;
			continue;
		} else
			return 0;
		if (n + 1 >= size)
			return 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return !ge;
}

/* Digits at *p into *v (at most 6 of them, else *v is past any limit); count of digits read. */
static int unemp_rules_digits(const char **p, long *v)
{
	int n = 0;
	*v = 0;
	while (**p >= '0' && **p <= '9') {
		if (n < 6)
			*v = *v * 10 + (**p - '0');
		else
			*v = 1000000;
		(*p)++;
		n++;
	}
	return n;
}

err_code unemp_rules_contrib_parse(const char *text, msg_id field, int *months, err_info *e)
{
	char f[64];
	if (months != NULL)
		*months = 0;
	if (text == NULL)
		text = "";
	char shown[48];
	text_truncate(text, 40, 1, shown, sizeof shown);
	if (!unemp_rules_fold(text, f, sizeof f))
		return err_set(e, ERR_UNEMP_CONTRIB_FORMAT, field, msg_text(MSG_D_QUOTED), shown);
	if (f[0] == '\0')
		return ERR_OK;
	const char *p = f;
	if (*p == '-') {
		if (p[1] >= '0' && p[1] <= '9')
			return err_set(e, ERR_UNEMP_CONTRIB_NEGATIVE, field, msg_text(MSG_D_QUOTED),
			               shown);
		return err_set(e, ERR_UNEMP_CONTRIB_FORMAT, field, msg_text(MSG_D_QUOTED), shown);
	}
	long whole, frac = 0, scale = 1, extra = 0;
	if (unemp_rules_digits(&p, &whole) == 0)
		return err_set(e, ERR_UNEMP_CONTRIB_FORMAT, field, msg_text(MSG_D_QUOTED), shown);
	long total; /* months */
	if (*p == 'M') {
		p++;
		total = whole;
	} else {
		if (*p == '.') {
			p++;
			int nd = 0;
			while (*p >= '0' && *p <= '9') {
				if (nd >= 4)
					return err_set(e, ERR_UNEMP_CONTRIB_FRACTION, field,
					               msg_text(MSG_D_QUOTED), shown);
				frac = frac * 10 + (*p - '0');
				scale *= 10;
				p++;
				nd++;
			}
			if (nd == 0)
				return err_set(e, ERR_UNEMP_CONTRIB_FORMAT, field,
				               msg_text(MSG_D_QUOTED), shown);
		}
		if (*p == 'Y') {
			p++;
			if (scale == 1 && *p >= '0' && *p <= '9') {
				/* 3年6个月: whole months after whole years. */
				if (unemp_rules_digits(&p, &extra) == 0 || *p != 'M')
					return err_set(e, ERR_UNEMP_CONTRIB_FORMAT, field,
					               msg_text(MSG_D_QUOTED), shown);
				p++;
				if (extra >= 12)
					return err_set(e, ERR_UNEMP_CONTRIB_FORMAT, field,
					               msg_text(MSG_D_UF_MONTHS_AFTER_YEARS),
					               shown);
			}
		}
		if (whole >= 1000000)
			total = 1000000;
		else if ((whole * scale + frac) * 12 % scale != 0) {
			long tenths = (whole * scale + frac) * 120 / scale;
			return err_set(e, ERR_UNEMP_CONTRIB_FRACTION, field,
			               msg_text(MSG_D_UF_CONTRIB_FRACTION), shown, tenths / 10,
			               tenths % 10, (tenths + 5) / 10);
		} else
			total = (whole * scale + frac) * 12 / scale + extra;
	}
	if (*p != '\0')
		return err_set(e, ERR_UNEMP_CONTRIB_FORMAT, field, msg_text(MSG_D_QUOTED), shown);
	if (total > UNEMP_CONTRIB_MAX_MONTHS)
		return err_set(e, ERR_UNEMP_CONTRIB_TOO_LONG, field, msg_text(MSG_D_QUOTED), shown);
	if (months != NULL)
		*months = (int)total;
	return ERR_OK;
}

err_code unemp_rules_contrib_plausible(int months, lb_date birth, lb_date reg, msg_id field,
                                       err_info *e)
{
	lb_date sixteen = date_add_years(birth, 16);
	int most = reg > sixteen ? date_months_between(sixteen, reg) : 0;
	if (months > most)
		return err_set(e, ERR_UNEMP_CONTRIB_BEYOND_AGE, field,
		               msg_text(MSG_D_UF_MOST_MONTHS), most);
	return ERR_OK;
}

/* ---- entitlement ---- */

int unemp_rules_entitlement(int contrib_months, int involuntary, err_info *why)
{
	if (contrib_months < 0)
		contrib_months = 0;
	if (statute_ui_check_eligible(contrib_months, involuntary, why) != ERR_OK)
		return 0;
	err_clear(why);
	return statute_ui_months(contrib_months);
}

char *unemp_rules_ui_text(int contrib_months, int involuntary, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return buf;
	if (contrib_months < 0)
		contrib_months = 0;
	if (involuntary < 0) {
		snprintf(buf, size, msg_text(MSG_D_UF_UI_ASK), contrib_months);
		return buf;
	}
	err_info why;
	int months = unemp_rules_entitlement(contrib_months, involuntary, &why);
	if (months > 0)
		snprintf(buf, size, msg_text(MSG_D_UF_UI_MONTHS), contrib_months, months);
	else
		snprintf(buf, size, msg_text(MSG_D_UF_UI_NONE), contrib_months, err_text(why.code));
	return buf;
}

/* ---- who may register ---- */

retire_group unemp_rules_retire_group(int sex, int cadre)
{
	if (sex == 2)
		return cadre ? RETIRE_FEMALE_55 : RETIRE_FEMALE_50;
	return statute_default_group(sex);
}

err_code unemp_rules_check_age(int sex, int cadre, lb_date birth, lb_date reg, msg_id field,
                               err_info *e)
{
	retire_group g = unemp_rules_retire_group(sex, cadre);
	if (g == 0)
		return err_set(e, ERR_INVALID_ARG, field, msg_text(MSG_D_UF_SEX_CODE), sex);
	err_info se;
	err_code c = statute_working_age_ok(birth, g, reg, &se);
	if (c == ERR_AGE_UNDER_16)
		return err_set(e, ERR_UNEMP_CANNOT_REGISTER, field, msg_text(MSG_D_UF_UNDER_16),
		               err_text(c), se.detail);
	if (c == ERR_AGE_RETIRED)
		return err_set(e, ERR_UNEMP_CANNOT_REGISTER, field, msg_text(MSG_D_UF_RETIRED),
		               err_text(c), se.detail);
	if (c != ERR_OK) {
		if (e != NULL) {
			*e = se;
			e->field = field;
		}
		return c;
	}
	return ERR_OK;
}

err_code unemp_rules_check_reg_date(lb_date reg, lb_date birth, lb_date prev_end, msg_id field,
                                    err_info *e)
{
	char buf[DATE_ISO_LEN];
	if (reg < birth)
		return err_set(e, ERR_UNEMP_BEFORE_BIRTH, field, msg_text(MSG_D_UF_BIRTH),
		               date_format(birth, buf));
	if (prev_end > 0 && reg < prev_end)
		return err_set(e, ERR_UNEMP_BEFORE_PREV_END, field, msg_text(MSG_D_UF_PREV_END),
		               date_format(prev_end, buf));
	return ERR_OK;
}

err_code unemp_rules_check_end_date(lb_date reg, lb_date end, msg_id field, err_info *e)
{
	char buf[DATE_ISO_LEN];
	if (end < reg)
		return err_set(e, ERR_UNEMP_END_BEFORE_START, field, msg_text(MSG_D_UF_REG_DATE),
		               date_format(reg, buf));
	return ERR_OK;
}

err_code unemp_rules_check_service_date(lb_date reg, lb_date end, lb_date today, lb_date day,
                                        msg_id field, err_info *e)
{
	lb_date last = end > 0 ? end : today;
	if (day < reg || day > last) {
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
		return err_set(e, ERR_UNEMP_SERVICE_OUTSIDE, field, msg_text(MSG_D_UF_RANGE),
		               date_format(reg, a), date_format(last, b));
	}
	return ERR_OK;
}

int unemp_rules_end_takes_employer(const char *reason)
{
	static const char *const work[] = {"ZX01", "ZX02", "ZX03", "ZX10"};
	if (reason == NULL)
		return 0;
	for (size_t i = 0; i < sizeof work / sizeof work[0]; i++)
		if (strcmp(reason, work[i]) == 0)
			return 1;
	return 0;
}

int unemp_rules_months_registered(lb_date reg, lb_date today)
{
	return today > reg ? date_months_between(reg, today) : 0;
}

/* ---- categories ---- */

int unemp_rules_has(const char *codes, const char *code)
{
	if (codes == NULL || code == NULL || code[0] == '\0')
		return 0;
	size_t n = strlen(code);
	const char *p = codes;
	while (*p) {
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

err_code unemp_rules_with_4050(const char *codes, int is_4050, char *out, size_t size, err_info *e)
{
	if (out == NULL || size == 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	out[0] = '\0';
	/* Items are short codes; the set stays sorted, so 01 goes back in its place. */
	char items[64][16];
	size_t n = 0;
	const char *p = codes ? codes : "";
	int placed = !is_4050;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == 0 || len >= sizeof items[0] || n + 1 >= sizeof items / sizeof items[0])
			return err_set(e, ERR_INVALID_ARG, MSG_NONE, "category set");
		char item[16];
		memcpy(item, p, len);
		item[len] = '\0';
		if (!placed && strcmp(item, UNEMP_CAT_4050) > 0) {
			strcpy(items[n++], UNEMP_CAT_4050);
			placed = 1;
		}
		if (strcmp(item, UNEMP_CAT_4050) != 0)
			strcpy(items[n++], item);
		p = end ? end + 1 : p + len;
	}
	if (!placed)
		strcpy(items[n++], UNEMP_CAT_4050);
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(items[i]);
		if (used + len + (i > 0) + 1 > size) {
			out[0] = '\0';
			return err_set(e, ERR_INVALID_ARG, MSG_NONE, "category set too long");
		}
		if (i > 0)
			out[used++] = ',';
		memcpy(out + used, items[i], len + 1);
		used += len;
	}
	return ERR_OK;
}

err_code unemp_rules_check_difficulty(const char *difficulty, const char *codes, msg_id field,
                                      err_info *e)
{
	/* 就业困难人员 kind → the category it presupposes, with both names for the message. */
	static const struct {
		const char *kind, *category;
		msg_id kind_name, category_name;
	} need[] = {
	    {"01", UNEMP_CAT_4050, MSG_UF_N_OLDER, MSG_UF_N_4050},
	    {"02", UNEMP_CAT_DISABLED, MSG_UF_N_DISABLED, MSG_UF_N_DISABLED},
	    {"03", UNEMP_CAT_ZERO_JOB, MSG_UF_N_ZERO_JOB, MSG_UF_N_ZERO_JOB},
	    {"04", UNEMP_CAT_LOW_INCOME, MSG_UF_N_LOW_INCOME, MSG_UF_N_LOW_INCOME},
	    {"05", "05", MSG_UF_N_LONG_TERM, MSG_UF_N_LONG_TERM},
	    {"06", "06", MSG_UF_N_LANDLESS, MSG_UF_N_LAND_TAKEN},
	    {"07", "07", MSG_UF_N_SINGLE_PARENT, MSG_UF_N_SINGLE_PARENT},
	};
	if (difficulty == NULL || difficulty[0] == '\0')
		return ERR_OK;
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (strcmp(difficulty, need[i].kind) == 0 &&
		    !unemp_rules_has(codes, need[i].category))
			return err_set(e, ERR_UNEMP_DIFFICULTY_CATEGORY, field,
			               msg_text(MSG_D_UF_DIFFICULTY), msg_text(need[i].kind_name),
			               msg_text(need[i].category_name));
	return ERR_OK;
}

/* ---- 就业创业证 number ---- */

enum unemp_card_part {
	CARD_LIT,
	CARD_AREA,
	CARD_HUKOU,
	CARD_CHECK,
	CARD_YY,
	CARD_YYYY,
	CARD_OFFICE,
	CARD_SEQ
};

/*
 * Walk the template once. For each piece call back with its kind, literal
 * text and width; returns ERR_OK or ERR_UNEMP_CARD_TEMPLATE saying why.
 */
typedef struct unemp_card_walk {
	char number[32]; /* the number being built ('?' for unknown positions) */
	int len;
	char glob[160];
	int glen;
	int seq_at, seq_len, check_at;
} unemp_card_walk;

static err_code unemp_card_put(unemp_card_walk *w, const char *num, const char *glob, err_info *e)
{
	size_t n = strlen(num), g = strlen(glob);
	if (w->len + (int)n > 20)
		return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
		               msg_text(MSG_D_UF_CARD_TOO_LONG));
	if (w->glen + (int)g >= (int)sizeof w->glob)
		return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
		               msg_text(MSG_D_UF_CARD_TOO_LONG));
	memcpy(w->number + w->len, num, n);
	w->len += (int)n;
	w->number[w->len] = '\0';
	memcpy(w->glob + w->glen, glob, g);
	w->glen += (int)g;
	w->glob[w->glen] = '\0';
	return ERR_OK;
}

/* Parse "{name}" at t (t points at '{'): its kind and width; *end past '}'. */
static err_code unemp_card_token(const char *t, const char **end, int *kind, int *width,
                                 err_info *e)
{
	const char *close = strchr(t, '}');
	if (close == NULL || close - t > 16)
		return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
		               msg_text(MSG_D_UF_CARD_BRACE));
	char name[17];
	size_t n = (size_t)(close - t - 1);
	memcpy(name, t + 1, n);
	name[n] = '\0';
	*end = close + 1;
	static const struct {
		const char *name;
		int kind, width;
	} fixed[] = {
	    {"area", CARD_AREA, 6},    {"area6", CARD_AREA, 6},  {"hukou", CARD_HUKOU, 1},
	    {"hukou1", CARD_HUKOU, 1}, {"check", CARD_CHECK, 1}, {"check1", CARD_CHECK, 1},
	    {"yy", CARD_YY, 2},        {"yyyy", CARD_YYYY, 4},   {"office", CARD_OFFICE, 0},
	    {"seq", CARD_SEQ, 6},
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (strcmp(name, fixed[i].name) == 0) {
			*kind = fixed[i].kind;
			*width = fixed[i].width;
			return ERR_OK;
		}
	/* {seqN} or {seq:N} */
	if (strncmp(name, "seq", 3) == 0) {
		const char *w = name + 3;
		if (*w == ':')
			w++;
		if (w[0] >= '1' && w[0] <= '9' && w[1] == '\0') {
			*kind = CARD_SEQ;
			*width = w[0] - '0';
			return ERR_OK;
		}
	}
	return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, msg_text(MSG_D_UF_CARD_FIELD), name);
}

static err_code unemp_card_walk_template(const char *tmpl, const unemp_card_facts *facts, long seq,
                                         unemp_card_walk *w, err_info *e)
{
	memset(w, 0, sizeof *w);
	w->seq_at = w->check_at = -1;
	if (tmpl == NULL || facts == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	const char *p = tmpl;
	while (*p) {
		if (*p != '{') {
			char c = *p;
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
				return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
				               msg_text(MSG_D_UF_CARD_CHARS));
			char lit[2] = {c, '\0'};
			err_code c2 = unemp_card_put(w, lit, lit, e);
			if (c2 != ERR_OK)
				return c2;
			p++;
			continue;
		}
		int kind = CARD_LIT, width = 0;
		err_code c = unemp_card_token(p, &p, &kind, &width, e);
		if (c != ERR_OK)
			return c;
		char num[24], glob[96];
		switch (kind) {
		case CARD_AREA:
			if (facts->area == NULL || strlen(facts->area) != 6 ||
			    strspn(facts->area, "0123456789") != 6)
				return err_set(e, ERR_UNEMP_CARD_NO_AREA, MSG_NONE, NULL);
			snprintf(num, sizeof num, "%s", facts->area);
			snprintf(glob, sizeof glob, "%s", facts->area);
			break;
		case CARD_HUKOU:
			if (facts->hukou_kind < 1 || facts->hukou_kind > 9)
				return err_set(e, ERR_INVALID_ARG, MSG_UF_HUKOU_KIND, NULL);
			snprintf(num, sizeof num, "%d", facts->hukou_kind);
			snprintf(glob, sizeof glob, "?");
			break;
		case CARD_CHECK:
			if (w->check_at >= 0)
				return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
				               msg_text(MSG_D_UF_CARD_CHECK_TWICE));
			w->check_at = w->len;
			snprintf(num, sizeof num, "0");
			snprintf(glob, sizeof glob, "?");
			break;
		case CARD_YY:
		case CARD_YYYY:
			if (facts->year < 1800 || facts->year > 9999)
				return err_set(e, ERR_DATE_INVALID, MSG_UF_REG_DATE, NULL);
			snprintf(num, sizeof num, kind == CARD_YY ? "%02d" : "%04d",
			         kind == CARD_YY ? facts->year % 100 : facts->year);
			snprintf(glob, sizeof glob, "%s", num);
			break;
		case CARD_OFFICE: {
			const char *o = facts->office ? facts->office : "";
			size_t n = strlen(o);
			if (n == 0 || n > 12 ||
			    strspn(o, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != n)
				return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE,
				               msg_text(MSG_D_UF_CARD_OFFICE), o);
			snprintf(num, sizeof num, "%s", o);
			snprintf(glob, sizeof glob, "%s", o);
			break;
		}
		case CARD_SEQ: {
			if (w->seq_at >= 0)
				return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
				               msg_text(MSG_D_UF_CARD_SEQ_TWICE));
			long limit = 1;
			for (int k = 0; k < width; k++)
				limit *= 10;
			if (seq >= limit)
				return err_set(e, ERR_UNEMP_CARD_EXHAUSTED, MSG_NONE,
				               msg_text(MSG_D_UF_CARD_SEQ_FULL), width, seq);
			w->seq_at = w->len;
			w->seq_len = width;
			snprintf(num, sizeof num, "%0*ld", width & 15, seq < 0 ? 0L : seq % limit);
			glob[0] = '\0';
			for (int k = 0; k < width; k++)
				strcat(glob, "[0-9]");
			break;
		}
		default:
			return err_set(e, ERR_INTERNAL, MSG_NONE, "card part %d", kind);
		}
		c = unemp_card_put(w, num, glob, e);
		if (c != ERR_OK)
			return c;
	}
	if (w->seq_at < 0)
		return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
		               msg_text(MSG_D_UF_CARD_NO_SEQ));
	if (w->len < 6)
		return err_set(e, ERR_UNEMP_CARD_TEMPLATE, MSG_NONE, "%s",
		               msg_text(MSG_D_UF_CARD_SHORT));
	return ERR_OK;
}

/* Value of a number character for the check digit: 0-9, A=10 … Z=35. */
static int unemp_card_value(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
}

err_code unemp_rules_card_make(const char *tmpl, const unemp_card_facts *facts, long seq, char *out,
                               size_t size, err_info *e)
{
	unemp_card_walk w;
	err_code c = unemp_card_walk_template(tmpl, facts, seq, &w, e);
	if (c != ERR_OK)
		return c;
	if (w.check_at >= 0) {
		int sum = 0;
		for (int i = 0; i < w.len; i++)
			if (i != w.check_at)
				sum += unemp_card_value(w.number[i]);
		w.number[w.check_at] = (char)('0' + sum % 10);
	}
	if (out == NULL || size <= (size_t)w.len)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	memcpy(out, w.number, (size_t)w.len + 1);
	return ERR_OK;
}

err_code unemp_rules_card_glob(const char *tmpl, const unemp_card_facts *facts, char *glob,
                               size_t size, int *seq_at, int *seq_len, err_info *e)
{
	unemp_card_walk w;
	err_code c = unemp_card_walk_template(tmpl, facts, 0, &w, e);
	if (c != ERR_OK)
		return c;
	if (glob == NULL || size <= (size_t)w.glen)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	memcpy(glob, w.glob, (size_t)w.glen + 1);
	if (seq_at != NULL)
		*seq_at = w.seq_at;
	if (seq_len != NULL)
		*seq_len = w.seq_len;
	return ERR_OK;
}

err_code unemp_rules_card_check(const char *card, msg_id field, err_info *e)
{
	size_t n = card ? strlen(card) : 0;
	char shown[48];
	text_truncate(card ? card : "", 24, 1, shown, sizeof shown);
	if (n < 6 || n > 20)
		return err_set(e, ERR_UNEMP_CARD_FORMAT, field, msg_text(MSG_D_UF_CARD_LENGTH),
		               shown, text_chars(card ? card : ""));
	for (size_t i = 0; i < n; i++) {
		char c = card[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
			return err_set(e, ERR_UNEMP_CARD_FORMAT, field, msg_text(MSG_D_QUOTED),
			               shown);
	}
	return ERR_OK;
}
