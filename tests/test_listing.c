/*
 * Tests for forms/listing's cell text: whole characters only, as many as
 * fit in a cell, a byte that starts no character shown as '?', and no
 * overflow whatever the input — checked on fixed cases and against a
 * character-at-a-time model on random bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/listing.h"
#include "locale/text.h"
#include "tests/test.h"

#define CELL (sizeof((listing_row *)0)->cells[0])

static const char *put(const char *s)
{
	static listing_row r;
	memset(&r, 'Z', sizeof r);
	listing_cell_put(&r, 2, s);
	return r.cells[2];
}

/* The rule one character at a time: the model the fast copy must match. */
static void model(const char *s, char *out)
{
	size_t len = strlen(s), i = 0, n = 0;
	while (i < len) {
		uint32_t cp;
		int k = text_utf8_check(s + i, len - i, &cp);
		const char *piece = k > 0 ? s + i : "?";
		size_t plen = k > 0 ? (size_t)k : 1;
		if (n + plen >= CELL)
			break;
		memcpy(out + n, piece, plen);
		n += plen;
		i += k > 0 ? (size_t)k : 1;
	}
	out[n] = '\0';
}

static void fixed_cases(void)
{
	CHECK_STR(put("张三"), "张三");
	CHECK_STR(put(""), "");
	CHECK_STR(put(NULL), "");
	CHECK_STR(put("13900001111"), "13900001111");
	CHECK_STR(put("武汉\xFF市"), "武汉?市");
	CHECK_STR(put("\xE6\xAD"), "??"); /* a character cut off: each byte shown */
	CHECK_STR(put("a\x80\x80" "b"), "a??b");
	/* 42 three-byte characters = 126 bytes fit; the 43rd does not. */
	char big[400] = "";
	for (int i = 0; i < 60; i++)
		strcat(big, "汉");
	CHECK_INT(strlen(put(big)), 126);
	/* 127 ASCII bytes fit exactly; the 128th is the terminator. */
	memset(big, 'x', 200);
	big[200] = '\0';
	CHECK_INT(strlen(put(big)), 127);
	/* ASCII then a wide character that would straddle the end: left out. */
	memset(big, 'x', 125);
	strcpy(big + 125, "汉");
	CHECK_INT(strlen(put(big)), 125);
	/* Out-of-range columns and a NULL row are ignored. */
	listing_row r;
	memset(&r, 0, sizeof r);
	listing_cell_put(&r, -1, "x");
	listing_cell_put(&r, 8, "x");
	listing_cell_put(NULL, 0, "x");
	for (int c = 0; c < 8; c++)
		CHECK_STR(r.cells[c], "");
}

static void random_bytes_match_the_model(void)
{
	uint32_t x = 12345;
	static const unsigned char alphabet[] = {'a',  ' ',  0x01, 0x7F, 0x80, 0xBF, 0xC2, 0xE4,
	                                         0xE6, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80, 0xFF};
	int bad = 0;
	for (int t = 0; t < 20000; t++) {
		char s[300], want[CELL];
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		size_t len = x % 290;
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			s[i] = (char)alphabet[x % sizeof alphabet];
			if (s[i] == 0)
				s[i] = 'a';
		}
		s[len] = '\0';
		model(s, want);
		const char *got = put(s);
		if (strcmp(got, want) != 0 && bad++ < 3)
			test_fail(__FILE__, __LINE__, "case %d: \"%s\" != \"%s\"", t, got, want);
	}
	CHECK_INT(bad, 0);
}

TEST_MAIN(T(fixed_cases), T(random_bytes_match_the_model))
