/*
 * text — UTF-8 text measured in terminal columns (see text.h).
 *
 * The decoder is strict (RFC 3629): overlong forms, surrogates and values
 * past U+10FFFF are not characters, so what passes here also passes iconv
 * and SQLite's own checks. Widths are asked of the locale's wcwidth() so
 * they agree with what ncursesw will draw.
 */
#include "locale/text.h"

#include <string.h>
#include <wchar.h>

/* wcwidth() is asked about code points, which needs wchar_t to be UCS-4. */
#ifndef __STDC_ISO_10646__
#error "text.c needs a C library whose wchar_t holds Unicode code points"
#endif

int text_utf8_check(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0)
		return 0;
	unsigned char c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* Lead byte: length, payload bits, and the range allowed for the second
	 * byte, which is where overlongs, surrogates and > U+10FFFF are caught. */
	int n;
	uint32_t v;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return -1;
	}
	for (int i = 1; i < n; i++) {
		if ((size_t)i >= len)
			return 0;
		unsigned char b = u[i];
		if (i == 1 ? b < lo || b > hi : (b & 0xC0) != 0x80)
			return -1;
		v = v << 6 | (b & 0x3F);
	}
	*cp = v;
	return n;
}

size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	if (len == 0) {
		*cp = 0;
		return 0;
	}
	int n = text_utf8_check(s, len, cp);
	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return (size_t)n;
}

size_t text_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		o[0] = (unsigned char)(0xF0 | cp >> 18);
		o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[3] = (unsigned char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

/*
 * Next character of a NUL-terminated string: its byte length, code point and
 * width. An invalid byte is one character of width 1 (*bad set), whatever
 * wcwidth() would say of U+FFFD in this locale.
 */
static size_t text_next(const char *s, uint32_t *cp, int *width, int *bad)
{
	int n = text_utf8_check(s, strnlen(s, 4), cp);
	if (n <= 0) {
		*cp = 0xFFFD;
		*width = 1;
		*bad = 1;
		return 1;
	}
	*width = text_cp_width(*cp);
	*bad = 0;
	return (size_t)n;
}

size_t text_chars(const char *s)
{
	size_t count = 0;
	uint32_t cp;
	if (s == NULL)
		return 0;
	while (*s) {
		s += text_utf8_decode(s, strnlen(s, 4), &cp);
		count++;
	}
	return count;
}

int text_cp_width(uint32_t cp)
{
	/* Controls are shown as one visible cell (^X or a substitute), never as
	 * nothing: a newline in a field must not make it look shorter. */
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 1;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 1;
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 2; /* drawn as 〓 */
	return w > 2 ? 2 : w;
}

int text_width(const char *s)
{
	int total = 0;
	if (s == NULL)
		return 0;
	while (*s) {
		uint32_t cp;
		int w, bad;
		s += text_next(s, &cp, &w, &bad);
		total += w;
	}
	return total;
}

int text_truncate(const char *s, int cols, int ellipsis, char *out, size_t out_size)
{
	if (out_size == 0)
		return 0;
	out[0] = '\0';
	if (s == NULL)
		return 0;
	if (cols < 0)
		cols = 0;
	/* While copying, remember the longest prefix that leaves a column and a
	 * byte for the '~' marker, to fall back to if the whole does not fit. */
	int mark_cols = ellipsis && cols > 0 ? cols - 1 : cols;
	size_t mark_room = ellipsis && out_size > 1 ? out_size - 2 : out_size - 1;
	size_t used = 0, mark_used = 0;
	int width = 0, mark_width = 0, cut = 0;
	while (*s) {
		uint32_t cp;
		int w, bad;
		size_t n = text_next(s, &cp, &w, &bad);
		if (width + w > cols || used + n > out_size - 1) {
			cut = 1;
			break;
		}
		if (bad)
			out[used] = '?';
		else
			memcpy(out + used, s, n);
		used += n;
		width += w;
		if (width <= mark_cols && used <= mark_room) {
			mark_used = used;
			mark_width = width;
		}
		s += n;
	}
	if (cut && ellipsis && cols > 0 && out_size > 1) {
		used = mark_used;
		width = mark_width;
		out[used++] = '~';
		width++;
	}
	out[used] = '\0';
	return width;
}

int text_pad(const char *s, int cols, int ellipsis, char *out, size_t out_size)
{
	int width = text_truncate(s, cols, ellipsis, out, out_size);
	if (out_size == 0)
		return 0;
	size_t used = strlen(out);
	while (width < cols && used + 1 < out_size) {
		out[used++] = ' ';
		width++;
	}
	out[used] = '\0';
	return width;
}
