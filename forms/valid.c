/*
 * valid — validators for everyday fields (see valid.h).
 *
 * Everything the user typed is decoded strictly (an invalid byte is an error,
 * never replaced), and the details name the first offending character and
 * its position so the caseworker can find it. Leading and trailing white
 * space (ASCII and the ideographic space U+3000 IMEs produce) is ignored;
 * full-width digits are folded because IMEs in full-width mode emit them.
 * A NULL text is treated as empty.
 */
#include "forms/valid.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "forms/input.h"
#include "locale/text.h"

#define VALID_NAME_MIN 2
#define VALID_NAME_MAX 30
#define VALID_NAME_BUF 128 /* VALID_NAME_MAX characters of up to 4 bytes, and NUL */
#define VALID_MONEY_MAX_YUAN 999999999LL

/* ---- names ---- */

static int valid_is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* The middle dots IMEs produce for 间隔号: · • ・ ‧. */
static int valid_is_name_dot(uint32_t cp)
{
	return cp == 0x00B7 || cp == 0x2022 || cp == 0x30FB || cp == 0x2027;
}

static int valid_is_latin(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* Dots people type instead of the 间隔号, which get a hint. */
static int valid_is_wrong_dot(uint32_t cp)
{
	return cp == '.' || cp == 0xFF0E || cp == 0x3002 || cp == '-' || cp == 0xFF0D ||
	       cp == 0x2014 || cp == 0x2013 || cp == 0x2219 || cp == 0x22C5;
}

err_code valid_name(const char *text, msg_id field, char *out, size_t out_size, err_info *e)
{
	char name[VALID_NAME_BUF];
	size_t used = 0, count = 0, start, end;
	int prev_dot = 0;
	if (text == NULL)
		return err_set(e, ERR_NAME_EMPTY, field, NULL);
	input_trim(text, strlen(text), &start, &end);
	if (start == end)
		return err_set(e, ERR_NAME_EMPTY, field, NULL);
	for (size_t i = start; i < end;) {
		uint32_t cp;
		size_t k = text_utf8_decode(text + i, end - i, &cp);
		char what[64];
		count++;
		if (input_is_bad(text + i, k)) {
			input_char_desc(text + i, k, cp, what, sizeof what);
			return err_set(e, ERR_TEXT_UTF8, field, msg_text(MSG_D_NTH_CHAR_IS), count,
			               what);
		}
		if (valid_is_name_dot(cp)) {
			if (count == 1)
				return err_set(e, ERR_NAME_DOT, field, "%s",
				               msg_text(MSG_D_NAME_DOT_FIRST));
			if (prev_dot)
				return err_set(e, ERR_NAME_DOT, field,
				               msg_text(MSG_D_NAME_DOT_TWICE), count - 1, count);
			prev_dot = 1;
			if (used + 2 < sizeof name) {
				name[used++] = (char)0xC2;
				name[used++] = (char)0xB7;
			}
			i += k;
			continue;
		}
		input_char_desc(text + i, k, cp, what, sizeof what);
		if (valid_is_latin(cp))
			return err_set(e, ERR_NAME_LATIN, field, msg_text(MSG_D_NTH_CHAR_IS), count,
			               what);
		if (input_digit(cp) >= 0)
			return err_set(e, ERR_NAME_DIGIT, field, msg_text(MSG_D_NTH_CHAR_IS), count,
			               what);
		if (valid_is_wrong_dot(cp))
			return err_set(e, ERR_NAME_CHARS, field, msg_text(MSG_D_NAME_WRONG_DOT),
			               count, what);
		if (!valid_is_han(cp))
			return err_set(e, ERR_NAME_CHARS, field, msg_text(MSG_D_NTH_CHAR_IS), count,
			               what);
		prev_dot = 0;
		if (used + k < sizeof name) {
			memcpy(name + used, text + i, k);
			used += k;
		}
		i += k;
	}
	if (prev_dot)
		return err_set(e, ERR_NAME_DOT, field, "%s", msg_text(MSG_D_NAME_DOT_LAST));
	if (count < VALID_NAME_MIN)
		return err_set(e, ERR_NAME_TOO_SHORT, field, msg_text(MSG_D_NAME_COUNT), count);
	if (count > VALID_NAME_MAX)
		return err_set(e, ERR_NAME_TOO_LONG, field, msg_text(MSG_D_NAME_COUNT), count);
	name[used] = '\0';
	if (out != NULL) {
		if (used + 1 > out_size)
			return err_set(e, ERR_INVALID_ARG, field, "%s",
			               msg_text(MSG_D_NAME_BUFFER));
		memcpy(out, name, used + 1);
	}
	return ERR_OK;
}

/* ---- phone numbers ---- */

#define VALID_PHONE_MAX 40 /* folded characters kept; no valid number comes near */

/* Digits of s[0..n) are all ASCII digits. */
static int valid_all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static err_code valid_phone_mobile(const char *s, msg_id field, char *out, size_t out_size,
                                   err_info *e)
{
	char digits[VALID_PHONE_MAX + 1];
	size_t n = 0;
	for (; *s; s++) {
		if (*s == 'x')
			return err_set(e, ERR_PHONE_MOBILE, field, "%s",
			               msg_text(MSG_D_PHONE_MOBILE_EXT));
		if (*s != '-')
			digits[n++] = *s;
	}
	digits[n] = '\0';
	if (n != 11)
		return err_set(e, ERR_PHONE_MOBILE, field, msg_text(MSG_D_PHONE_MOBILE_DIGITS), n);
	if (digits[1] < '3')
		return err_set(e, ERR_PHONE_MOBILE, field, msg_text(MSG_D_PHONE_MOBILE_SECOND),
		               digits[1]);
	if (out_size < 12)
		return err_set(e, ERR_INVALID_ARG, field, "%s", msg_text(MSG_D_PHONE_BUFFER));
	memcpy(out, digits, 12);
	return ERR_OK;
}

/* Area code "0" + 2-3 digits; only 010 and 02x are three digits long. */
static err_code valid_phone_area(const char *a, size_t n, msg_id field, err_info *e)
{
	if (n < 3 || n > 4 || a[0] != '0')
		return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_PHONE_AREA_SHAPE), (int)n,
		               a);
	int short_code = a[1] == '2' || (a[1] == '1' && a[2] == '0');
	if (n == 3 && !short_code)
		return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_PHONE_AREA_SHORT), (int)n,
		               a);
	if (n == 4 && (a[1] == '0' || a[1] == '1' || a[1] == '2'))
		return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_PHONE_AREA_LONG), (int)n,
		               a);
	return ERR_OK;
}

static err_code valid_phone_landline(const char *s, msg_id field, char *out, size_t out_size,
                                     err_info *e)
{
	const char *part[4];
	size_t plen[4], nparts = 0;
	const char *ext = NULL;
	size_t ext_len = 0;
	size_t n = strlen(s);
	const char *x = strchr(s, 'x');
	if (x != NULL) {
		ext = x + 1;
		ext_len = strlen(ext);
		if (strchr(ext, 'x') != NULL || !valid_all_digits(ext, ext_len))
			return err_set(e, ERR_PHONE_FORMAT, field, "%s",
			               msg_text(MSG_D_PHONE_EXT_AFTER_ZHUAN));
		n = (size_t)(x - s);
		if (n > 0 && s[n - 1] == '-')
			n--;
	}
	for (size_t i = 0, b = 0; i <= n; i++) {
		if (i < n && s[i] != '-')
			continue;
		if (i == b)
			return err_set(e, ERR_PHONE_FORMAT, field, "%s",
			               msg_text(MSG_D_PHONE_DASH_PLACE));
		if (nparts == 4)
			return err_set(e, ERR_PHONE_FORMAT, field, "%s",
			               msg_text(MSG_D_PHONE_DASHES));
		part[nparts] = s + b;
		plen[nparts++] = i - b;
		b = i + 1;
	}
	const char *area, *local;
	size_t area_len, local_len;
	size_t next = 1;
	if (plen[0] <= 4) {
		area = part[0];
		area_len = plen[0];
		if (nparts < 2)
			return err_set(e, ERR_PHONE_FORMAT, field, "%s",
			               msg_text(MSG_D_PHONE_NO_LOCAL));
		local = part[1];
		local_len = plen[1];
		next = 2;
	} else {
		/* No '-' after the area code: split by its known lengths. */
		area = part[0];
		area_len = part[0][1] == '2' || (part[0][1] == '1' && part[0][2] == '0') ? 3 : 4;
		local = part[0] + area_len;
		local_len = plen[0] - area_len;
	}
	if (next < nparts) {
		if (ext != NULL || next + 1 < nparts)
			return err_set(e, ERR_PHONE_FORMAT, field, "%s",
			               msg_text(MSG_D_PHONE_DASHES));
		ext = part[next];
		ext_len = plen[next];
	}
	err_code rc = valid_phone_area(area, area_len, field, e);
	if (rc != ERR_OK)
		return rc;
	if (local_len < 7 || local_len > 8) {
		if (local_len > 8 && ext == NULL)
			return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_PHONE_LOCAL_EXT),
			               local_len);
		return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_PHONE_LOCAL), local_len);
	}
	if (ext != NULL && (ext_len < 1 || ext_len > 6))
		return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_PHONE_EXT), ext_len);
	int w;
	if (ext != NULL)
		w = snprintf(out, out_size, "%.*s-%.*s-%.*s", (int)area_len, area, (int)local_len,
		             local, (int)ext_len, ext);
	else
		w = snprintf(out, out_size, "%.*s-%.*s", (int)area_len, area, (int)local_len,
		             local);
	if (w < 0 || (size_t)w >= out_size)
		return err_set(e, ERR_INVALID_ARG, field, "%s", msg_text(MSG_D_PHONE_BUFFER));
	return ERR_OK;
}

err_code valid_phone(const char *text, msg_id field, char *out, size_t out_size, err_info *e)
{
	char s[VALID_PHONE_MAX + 1];
	char tmp[32];
	size_t n = 0, chars = 0, start, end;
	if (text == NULL)
		text = "";
	if (out == NULL) {
		out = tmp;
		out_size = sizeof tmp;
	}
	input_trim(text, strlen(text), &start, &end);
	for (size_t i = start; i < end;) {
		uint32_t cp;
		size_t k = text_utf8_decode(text + i, end - i, &cp);
		int d = input_digit(cp);
		char c;
		chars++;
		if (d >= 0)
			c = (char)('0' + d);
		else if (cp == '-' || cp == 0xFF0D)
			c = '-';
		else if (cp == 0x8F6C) /* 转 */
			c = 'x';
		else if (cp == '+' || cp == 0xFF0B)
			c = '+';
		else if (cp == ' ' || cp == 0x3000)
			c = 0;
		else {
			char what[64];
			input_char_desc(text + i, k, cp, what, sizeof what);
			return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_NTH_SYMBOL_IS),
			               chars, what);
		}
		if (c != 0) {
			if (n == VALID_PHONE_MAX)
				return err_set(e, ERR_PHONE_FORMAT, field, "%s",
				               msg_text(MSG_D_PHONE_TOO_LONG));
			s[n++] = c;
		}
		i += k;
	}
	s[n] = '\0';
	if (n == 0)
		return err_set(e, ERR_PHONE_FORMAT, field, "%s", msg_text(MSG_D_EMPTY));
	const char *p = s;
	if (strncmp(p, "+86", 3) == 0) {
		p += 3;
		if (*p == '-')
			p++;
		if (*p != '1')
			return err_set(e, ERR_PHONE_FORMAT, field, "%s",
			               msg_text(MSG_D_PHONE_PLUS86));
	}
	if (strchr(p, '+') != NULL)
		return err_set(e, ERR_PHONE_FORMAT, field, "%s", msg_text(MSG_D_PHONE_PLUS));
	if (p[0] == '1')
		return valid_phone_mobile(p, field, out, out_size, e);
	if (p[0] == '0')
		return valid_phone_landline(p, field, out, out_size, e);
	if (valid_all_digits(p, strlen(p)) && strlen(p) >= 7 && strlen(p) <= 8)
		return err_set(e, ERR_PHONE_FORMAT, field, msg_text(MSG_D_PHONE_NEED_AREA), p);
	return err_set(e, ERR_PHONE_FORMAT, field, "%s", msg_text(MSG_D_PHONE_START));
}

/* ---- money ---- */

#define VALID_MONEY_KEEP 48 /* folded characters kept; longer input is refused */

err_code valid_money(const char *text, msg_id field, int64_t *fen, err_info *e)
{
	char s[VALID_MONEY_KEEP + 1];
	size_t n = 0, start, end;
	int only_digits = 1; /* for input too long to keep: a huge number, or garbage? */
	if (text == NULL)
		text = "";
	input_trim(text, strlen(text), &start, &end);
	for (size_t i = start; i < end;) {
		uint32_t cp;
		size_t k = text_utf8_decode(text + i, end - i, &cp);
		int d = input_digit(cp);
		char c;
		if (d >= 0)
			c = (char)('0' + d);
		else if (cp == ',' || cp == 0xFF0C)
			c = ',';
		else if (cp == '.' || cp == 0xFF0E)
			c = '.';
		else if (cp == '-' || cp == 0xFF0D || cp == 0x2212)
			c = '-';
		else if (cp == 0x00A5 || cp == 0xFFE5) /* ¥ ￥ */
			c = 'Y';
		else if (cp == 0x5143) /* 元 */
			c = 'U';
		else if (cp == ' ' || cp == 0x3000)
			c = ' ';
		else {
			char what[64];
			input_char_desc(text + i, k, cp, what, sizeof what);
			return err_set(e, ERR_MONEY_FORMAT, field, msg_text(MSG_D_NTH_SYMBOL_IS),
			               n + 1, what);
		}
		if (c != ',' && (c < '0' || c > '9'))
			only_digits = 0;
		if (n < VALID_MONEY_KEEP)
			s[n] = c;
		n++;
		i += k;
	}
	if (n == 0)
		return err_set(e, ERR_MONEY_FORMAT, field, "%s", msg_text(MSG_D_EMPTY));
	if (n > VALID_MONEY_KEEP) {
		if (only_digits)
			return err_set(e, ERR_MONEY_RANGE, field, msg_text(MSG_D_MONEY_DIGITS), n);
		return err_set(e, ERR_MONEY_FORMAT, field, msg_text(MSG_D_MONEY_TOO_LONG), n);
	}
	s[n] = '\0';

	const char *p = s;
	int negative = 0;
	if (*p == '-') {
		negative = 1;
		p++;
	}
	if (*p == 'Y') {
		p++;
		while (*p == ' ')
			p++;
	}
	if (*p == '-' && !negative) {
		negative = 1;
		p++;
	}
	/* Integer part, with optional well-placed thousands separators. */
	int64_t yuan = 0;
	size_t int_digits = 0, group = 0, groups = 0;
	int seen_nonzero = 0;
	const char *first_digit = p;
	for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
		if (*p == ',') {
			if (int_digits == 0 || (groups == 0 ? group > 3 : group != 3))
				return err_set(e, ERR_MONEY_FORMAT, field, "%s",
				               msg_text(MSG_D_MONEY_SEPARATOR));
			groups++;
			group = 0;
			continue;
		}
		group++;
		int_digits++;
		if (*p != '0')
			seen_nonzero = 1;
		if (seen_nonzero) {
			if (yuan > VALID_MONEY_MAX_YUAN)
				continue; /* already out of range; keep checking the shape */
			yuan = yuan * 10 + (*p - '0');
		}
	}
	if (groups > 0 && (group != 3 || *first_digit == '0'))
		return err_set(e, ERR_MONEY_FORMAT, field, "%s", msg_text(MSG_D_MONEY_SEPARATOR));
	if (int_digits == 0)
		return err_set(e, ERR_MONEY_FORMAT, field, "%s",
		               msg_text(*p == '.' ? MSG_D_MONEY_NO_INT : MSG_D_NO_DIGITS));
	int cents = 0;
	if (*p == '.') {
		size_t dec = 0;
		p++;
		for (; *p >= '0' && *p <= '9'; p++, dec++)
			if (dec < 2)
				cents = cents * 10 + (*p - '0');
		if (dec == 0)
			return err_set(e, ERR_MONEY_FORMAT, field, "%s",
			               msg_text(MSG_D_MONEY_NO_DEC));
		if (dec > 2)
			return err_set(e, ERR_MONEY_DECIMALS, field, msg_text(MSG_D_MONEY_DECIMALS),
			               dec);
		if (dec == 1)
			cents *= 10;
	}
	while (*p == ' ')
		p++;
	if (*p == 'U')
		p++;
	if (*p != '\0')
		return err_set(e, ERR_MONEY_FORMAT, field, "%s", msg_text(MSG_D_MONEY_TRAILING));
	if (negative)
		return err_set(e, ERR_MONEY_NEGATIVE, field, NULL);
	if (yuan > VALID_MONEY_MAX_YUAN)
		return err_set(e, ERR_MONEY_RANGE, field, NULL);
	if (fen != NULL)
		*fen = yuan * 100 + cents;
	return ERR_OK;
}

char *valid_money_format(int64_t fen, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return buf;
	uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	snprintf(buf, size, "%s%" PRIu64 ".%02u", fen < 0 ? "-" : "", a / 100, (unsigned)(a % 100));
	return buf;
}

/* ---- free text and integers ---- */

err_code valid_text(const char *text, msg_id field, int max_chars, int multiline, err_info *e)
{
	size_t count = 0;
	if (text == NULL)
		text = "";
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_decode(text + i, len - i, &cp);
		count++;
		char what[64];
		if (input_is_bad(text + i, k)) {
			input_char_desc(text + i, k, cp, what, sizeof what);
			return err_set(e, ERR_TEXT_UTF8, field, msg_text(MSG_D_NTH_CHAR_IS), count,
			               what);
		}
		if (input_is_control(cp) && !(multiline && cp == '\n')) {
			input_char_desc(text + i, k, cp, what, sizeof what);
			return err_set(e, ERR_TEXT_CONTROL, field, msg_text(MSG_D_TEXT_CONTROL),
			               count, what,
			               msg_text(cp == '\n' ? MSG_D_TEXT_ONE_LINE : MSG_NONE));
		}
		i += k;
	}
	if (max_chars >= 0 && count > (size_t)max_chars)
		return err_set(e, ERR_TEXT_TOO_LONG, field, msg_text(MSG_D_TOO_MANY_CHARS),
		               max_chars, count);
	return ERR_OK;
}

err_code valid_int(const char *text, msg_id field, long min, long max, long *out, err_info *e)
{
	size_t start, end, chars = 0, digits = 0;
	int negative = 0, overflow = 0;
	unsigned long mag = 0;
	/* |LONG_MIN| as unsigned, the largest magnitude any long can take. */
	const unsigned long limit = (unsigned long)LONG_MAX + 1u;
	if (min > max)
		return err_set(e, ERR_INVALID_ARG, field, NULL);
	if (text == NULL)
		text = "";
	input_trim(text, strlen(text), &start, &end);
	for (size_t i = start; i < end;) {
		uint32_t cp;
		size_t k = text_utf8_decode(text + i, end - i, &cp);
		int d = input_digit(cp);
		chars++;
		if (chars == 1 &&
		    (cp == '-' || cp == 0xFF0D || cp == 0x2212 || cp == '+' || cp == 0xFF0B)) {
			negative = cp != '+' && cp != 0xFF0B;
		} else if (d >= 0) {
			digits++;
			if (mag > (limit - (unsigned long)d) / 10)
				overflow = 1;
			else
				mag = mag * 10 + (unsigned long)d;
		} else {
			char what[64];
			input_char_desc(text + i, k, cp, what, sizeof what);
			return err_set(e, ERR_INT_FORMAT, field, msg_text(MSG_D_NTH_SYMBOL_IS),
			               chars, what);
		}
		i += k;
	}
	if (chars == 0)
		return err_set(e, ERR_INT_FORMAT, field, "%s", msg_text(MSG_D_EMPTY));
	if (digits == 0)
		return err_set(e, ERR_INT_FORMAT, field, "%s", msg_text(MSG_D_NO_DIGITS));
	long v = 0;
	if (!overflow && !negative && mag <= (unsigned long)LONG_MAX)
		v = (long)mag;
	else if (!overflow && negative)
		v = mag == limit ? LONG_MIN : -(long)mag;
	else
		overflow = 1;
	if (overflow || v < min || v > max)
		return err_set(e, ERR_INT_RANGE, field, msg_text(MSG_D_INT_RANGE), min, max);
	if (out != NULL)
		*out = v;
	return ERR_OK;
}
