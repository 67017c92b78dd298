/*
 * Tests for locale/enc: UTF-8 <-> GB18030/GBK conversion, offsets of bad
 * input, streaming across chunk boundaries, and what the locale can show.
 */
#include <locale.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "locale/enc.h"
#include "tests/test.h"

/* 张三 Zhang·San 𠀀㐀 “引号” —— in UTF-8, and the same text in GB18030. */
#define MIXED_UTF8                                                                                 \
	"\xE5\xBC\xA0\xE4\xB8\x89 Zhang\xC2\xB7San \xF0\xA0\x80\x80\xE3\x90\x80 "                  \
	"\xE2\x80\x9C\xE5\xBC\x95\xE5\x8F\xB7\xE2\x80\x9D \xE2\x80\x94\xE2\x80\x94"
#define MIXED_GB18030                                                                              \
	"\xD5\xC5\xC8\xFD Zhang\xA1\xA4San \x95\x32\x82\x36\x81\x39\xEE\x39 "                      \
	"\xA1\xB0\xD2\xFD\xBA\xC5\xA1\xB1 \xA1\xAA\xA1\xAA"

static void names_parse_in_any_case(void)
{
	enc_kind k = ENC_GBK;
	err_info e;
	CHECK_INT(enc_from_name("UTF-8", &k, &e), ERR_OK);
	CHECK_INT(k, ENC_UTF8);
	CHECK_INT(enc_from_name("utf8", &k, &e), ERR_OK);
	CHECK_INT(k, ENC_UTF8);
	CHECK_INT(enc_from_name("Gb18030", &k, &e), ERR_OK);
	CHECK_INT(k, ENC_GB18030);
	CHECK_INT(enc_from_name("CP936", &k, &e), ERR_OK);
	CHECK_INT(k, ENC_GBK);
	CHECK_INT(enc_from_name("gbk", &k, &e), ERR_OK);
	CHECK_INT(k, ENC_GBK);
	CHECK_INT(enc_from_name("gb2312", &k, &e), ERR_ENC_UNKNOWN);
	CHECK_STR(e.detail, "gb2312");
	CHECK_INT(enc_from_name("", &k, &e), ERR_ENC_UNKNOWN);
	CHECK_INT(enc_from_name(NULL, &k, &e), ERR_ENC_UNKNOWN);
	CHECK_INT(enc_from_name("\xFF\xFE", &k, &e), ERR_ENC_UNKNOWN);
	CHECK_STR(e.detail, ""); /* not echoed: it is not text */
	CHECK_STR(enc_name(ENC_UTF8), "UTF-8");
	CHECK_STR(enc_name(ENC_GB18030), "GB18030");
	CHECK_STR(enc_name(ENC_GBK), "GBK");
	CHECK_STR(enc_name((enc_kind)7), "");
}

static void gb18030_round_trip_of_mixed_text(void)
{
	char *out = NULL, *back = NULL;
	size_t n = 0, m = 0;
	err_info e;
	REQUIRE(enc_from_utf8(ENC_GB18030, MIXED_UTF8, strlen(MIXED_UTF8), &out, &n, NULL, &e) ==
	        ERR_OK);
	CHECK_INT(n, strlen(MIXED_GB18030));
	CHECK(memcmp(out, MIXED_GB18030, n) == 0);
	CHECK_INT(out[n], 0);
	REQUIRE(enc_to_utf8(ENC_GB18030, out, n, &back, &m, NULL, &e) == ERR_OK);
	CHECK_STR(back, MIXED_UTF8);
	CHECK_INT(m, strlen(MIXED_UTF8));
	free(out);
	free(back);
}

static void gbk_converts_common_text_and_refuses_ext_b(void)
{
	/* 张三·李四 encodes in GBK like GB18030; € is 0x80 in glibc's GBK (CP936). */
	const char *ok = "\xE5\xBC\xA0\xE4\xB8\x89\xC2\xB7\xE6\x9D\x8E\xE5\x9B\x9B\xE2\x82\xAC";
	char *out = NULL;
	size_t n = 0, off = 99;
	err_info e;
	REQUIRE(enc_from_utf8(ENC_GBK, ok, strlen(ok), &out, &n, &off, &e) == ERR_OK);
	CHECK_STR(out, "\xD5\xC5\xC8\xFD\xA1\xA4\xC0\xEE\xCB\xC4\x80");
	free(out);

	/* 张三𠀀: 𠀀 U+20000 is at byte 6 of the UTF-8 input. */
	const char *ext_b = "\xE5\xBC\xA0\xE4\xB8\x89\xF0\xA0\x80\x80";
	out = (char *)&off; /* must come back NULL */
	CHECK_INT(enc_from_utf8(ENC_GBK, ext_b, strlen(ext_b), &out, &n, &off, &e),
	          ERR_ENC_UNMAPPABLE);
	CHECK_INT(off, 6);
	CHECK(out == NULL);
	CHECK_INT(n, 0);
	CHECK_STR(e.detail, "第7字节的“\xF0\xA0\x80\x80”，U+20000");
	char line[256];
	CHECK_STR(err_format(&e, line, sizeof line),
	          "文字含有目标编码无法表示的字符（第7字节的“\xF0\xA0\x80\x80”，U+20000）");
	/* Ext-A 㐀 and an emoji are not in GBK either. */
	CHECK_INT(enc_from_utf8(ENC_GBK, "a\xE3\x90\x80", 4, &out, &n, &off, &e),
	          ERR_ENC_UNMAPPABLE);
	CHECK_INT(off, 1);
	CHECK_INT(enc_from_utf8(ENC_GBK, "ab\xF0\x9F\x98\x80", 6, &out, &n, &off, NULL),
	          ERR_ENC_UNMAPPABLE);
	CHECK_INT(off, 2);
	/* GB18030 has them all. */
	CHECK_INT(enc_from_utf8(ENC_GB18030, ext_b, strlen(ext_b), &out, &n, &off, &e), ERR_OK);
	CHECK_STR(out, "\xD5\xC5\xC8\xFD\x95\x32\x82\x36");
	free(out);
}

/* Convert from `k` and expect `code` at `offset`. */
static void expect_bad(enc_kind k, const char *in, size_t len, err_code code, size_t offset,
                       const char *detail)
{
	char *out = NULL;
	size_t n = 0, off = 12345;
	err_info e;
	err_code rc = enc_to_utf8(k, in, len, &out, &n, &off, &e);
	CHECK_INT(rc, code);
	CHECK_INT(e.code, code);
	CHECK_INT(off, offset);
	CHECK(out == NULL);
	if (detail != NULL)
		CHECK_STR(e.detail, detail);
	free(out);
}

static void invalid_gb_bytes_give_their_offset(void)
{
	/* 张三 \x81\x20 李: 0x81 is a lead byte, 0x20 cannot follow it. */
	const char *s = "\xD5\xC5\xC8\xFD\x81\x20\xC0\xEE";
	expect_bad(ENC_GB18030, s, 8, ERR_ENC_INVALID, 4, "第5字节：81 20 C0 EE");
	expect_bad(ENC_GBK, s, 8, ERR_ENC_INVALID, 4, NULL);
	/* A lead byte alone at the end: the file was cut. */
	expect_bad(ENC_GB18030, "\xD5\xC5\x81", 3, ERR_ENC_TRUNCATED, 2, "第3字节：81");
	expect_bad(ENC_GBK, "\xD5\xC5\x81", 3, ERR_ENC_TRUNCATED, 2, NULL);
	/* 0xFF is never a GB byte. */
	expect_bad(ENC_GB18030, "ab\xFF", 3, ERR_ENC_INVALID, 2, "第3字节：FF");
	expect_bad(ENC_GBK, "\xD5\xC5\xFF", 3, ERR_ENC_INVALID, 2, NULL);
	expect_bad(ENC_GB18030, "\xFF", 1, ERR_ENC_INVALID, 0, "第1字节：FF");
	/* 0x80 is not GB18030 (it is € in CP936). */
	expect_bad(ENC_GB18030, "x\x80", 2, ERR_ENC_INVALID, 1, NULL);
	/* A four-byte sequence cut after three, or broken in its third byte. */
	expect_bad(ENC_GB18030, "\xD5\xC5\x95\x32\x82", 5, ERR_ENC_TRUNCATED, 2,
	           "第3字节：95 32 82");
	expect_bad(ENC_GB18030, "\x95\x32\x20\x36", 4, ERR_ENC_INVALID, 0, NULL);
	/* GBK has no four-byte sequences at all. */
	expect_bad(ENC_GBK, "ab\x95\x32\x82\x36", 6, ERR_ENC_INVALID, 2, NULL);
	/* Binary junk with a NUL inside still reports the first bad byte. */
	expect_bad(ENC_GB18030, "ok\0\xD5\xC5\xFE\x7F", 7, ERR_ENC_INVALID, 5, NULL);

	err_info e;
	char *out;
	size_t n;
	enc_to_utf8(ENC_GB18030, s, 8, &out, &n, NULL, &e);
	char line[256];
	CHECK_STR(err_format(&e, line, sizeof line),
	          "文件中有无效的字节序列，与所选文字编码不符（第5字节：81 20 C0 EE）");
}

static void invalid_utf8_refused_with_offset(void)
{
	static const struct {
		const char *s;
		size_t len;
		err_code code;
		size_t off;
	} cases[] = {
	    {"ab\xC0\x80", 4, ERR_ENC_INVALID, 2},               /* overlong NUL */
	    {"\xE0\x80\xAF", 3, ERR_ENC_INVALID, 0},             /* overlong '/' */
	    {"\xE5\xBC\xA0\xED\xA0\x80", 6, ERR_ENC_INVALID, 3}, /* surrogate U+D800 */
	    {"x\xF5\x80\x80\x80", 5, ERR_ENC_INVALID, 1},        /* past U+10FFFF */
	    {"\xF4\x90\x80\x80", 4, ERR_ENC_INVALID, 0},         /* U+110000 */
	    {"a\x80", 2, ERR_ENC_INVALID, 1},                    /* stray continuation */
	    {"\xE5\xBC"
	     "A",
	     3, ERR_ENC_INVALID, 0},                 /* cut, then more */
	    {"ab\xE5\xBC", 4, ERR_ENC_TRUNCATED, 2}, /* cut at the end */
	    {"\xFF\xFE", 2, ERR_ENC_INVALID, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t off = 999;
		CHECK_INT(enc_utf8_valid(cases[i].s, cases[i].len, &off), 0);
		CHECK_INT(off, cases[i].off);
		for (int to = ENC_UTF8; to <= ENC_GBK; to++) {
			char *out = NULL;
			size_t n = 7;
			off = 999;
			err_code rc = enc_from_utf8((enc_kind)to, cases[i].s, cases[i].len, &out,
			                            &n, &off, NULL);
			CHECK_INT(rc, cases[i].code);
			CHECK_INT(off, cases[i].off);
			CHECK(out == NULL);
			CHECK_INT(n, 0);
		}
		expect_bad(ENC_UTF8, cases[i].s, cases[i].len, cases[i].code, cases[i].off, NULL);
	}
	CHECK_INT(enc_utf8_valid(MIXED_UTF8, strlen(MIXED_UTF8), NULL), 1);
	CHECK_INT(enc_utf8_valid("\xF4\x8F\xBF\xBF\xEF\xBF\xBF", 7, NULL), 1); /* U+10FFFF U+FFFF */
	CHECK_INT(enc_utf8_valid("", 0, NULL), 1);
	CHECK_INT(enc_utf8_valid(NULL, 0, NULL), 1);
}

static void empty_input_gives_empty_string(void)
{
	char *out = NULL;
	size_t n = 5;
	for (int k = ENC_UTF8; k <= ENC_GBK; k++) {
		CHECK_INT(enc_to_utf8((enc_kind)k, "", 0, &out, &n, NULL, NULL), ERR_OK);
		REQUIRE(out != NULL);
		CHECK_STR(out, "");
		CHECK_INT(n, 0);
		free(out);
		CHECK_INT(enc_from_utf8((enc_kind)k, NULL, 0, &out, &n, NULL, NULL), ERR_OK);
		REQUIRE(out != NULL);
		CHECK_STR(out, "");
		free(out);
	}
	err_info e;
	CHECK_INT(enc_to_utf8((enc_kind)9, "a", 1, &out, &n, NULL, &e), ERR_ENC_UNKNOWN);
	CHECK(out == NULL);
}

static void byte_order_mark_dropped_on_the_way_in(void)
{
	char *out = NULL;
	size_t n = 0;
	CHECK_INT(enc_to_utf8(ENC_UTF8, "\xEF\xBB\xBF\xE5\xBC\xA0", 6, &out, &n, NULL, NULL),
	          ERR_OK);
	CHECK_STR(out, "\xE5\xBC\xA0");
	CHECK_INT(n, 3);
	free(out);
	CHECK_INT(enc_to_utf8(ENC_GB18030, "\x84\x31\x95\x33\xD5\xC5", 6, &out, &n, NULL, NULL),
	          ERR_OK);
	CHECK_STR(out, "\xE5\xBC\xA0");
	free(out);
	/* Only at the start: later it is text (a zero-width no-break space). */
	CHECK_INT(enc_to_utf8(ENC_UTF8, "a\xEF\xBB\xBF", 4, &out, &n, NULL, NULL), ERR_OK);
	CHECK_STR(out, "a\xEF\xBB\xBF");
	free(out);
	/* A file that is only a BOM is empty. */
	CHECK_INT(enc_to_utf8(ENC_UTF8, "\xEF\xBB\xBF", 3, &out, &n, NULL, NULL), ERR_OK);
	CHECK_STR(out, "");
	CHECK_INT(n, 0);
	free(out);
}

/* Convert `in` through a stream fed `chunk` bytes at a time. */
static err_code stream_convert(enc_kind from, enc_kind to, const char *in, size_t len, size_t chunk,
                               char **out, size_t *out_len, size_t *bad)
{
	enc_stream *s;
	size_t cap = 0;
	err_info e;
	*out = NULL;
	*out_len = 0;
	err_code rc = enc_stream_new(from, to, &s, &e);
	if (rc != ERR_OK)
		return rc;
	for (size_t i = 0; i < len && rc == ERR_OK; i += chunk) {
		size_t n = len - i < chunk ? len - i : chunk;
		rc = enc_stream_feed(s, in + i, n, out, out_len, &cap, &e);
	}
	if (rc == ERR_OK)
		rc = enc_stream_finish(s, &e);
	if (bad != NULL)
		*bad = enc_stream_bad_offset(s);
	enc_stream_free(s);
	return rc;
}

static void streaming_matches_one_shot_at_every_split(void)
{
	/* With the BOM in front, so it is split too. */
	const char *u8 = "\xEF\xBB\xBF" MIXED_UTF8;
	for (size_t chunk = 1; chunk <= 9; chunk++) {
		char *out;
		size_t n;
		CHECK_INT(stream_convert(ENC_GB18030, ENC_UTF8, MIXED_GB18030,
		                         strlen(MIXED_GB18030), chunk, &out, &n, NULL),
		          ERR_OK);
		CHECK_STR(out, MIXED_UTF8);
		CHECK_INT(n, strlen(MIXED_UTF8));
		free(out);
		CHECK_INT(stream_convert(ENC_UTF8, ENC_GB18030, MIXED_UTF8, strlen(MIXED_UTF8),
		                         chunk, &out, &n, NULL),
		          ERR_OK);
		CHECK_INT(n, strlen(MIXED_GB18030));
		CHECK(out != NULL && memcmp(out, MIXED_GB18030, n) == 0);
		free(out);
		CHECK_INT(stream_convert(ENC_UTF8, ENC_UTF8, u8, strlen(u8), chunk, &out, &n, NULL),
		          ERR_OK);
		CHECK_STR(out, MIXED_UTF8);
		free(out);
	}
}

static void streaming_errors_count_from_stream_start(void)
{
	/* 300 × 张 in GB18030, then 0x81 0x20 at byte 600. */
	char in[700];
	for (int i = 0; i < 300; i++)
		memcpy(in + 2 * i, "\xD5\xC5", 2);
	memcpy(in + 600, "\x81\x20zz", 4);
	for (size_t chunk = 1; chunk <= 7; chunk++) {
		char *out;
		size_t n, bad = 0;
		CHECK_INT(stream_convert(ENC_GB18030, ENC_UTF8, in, 604, chunk, &out, &n, &bad),
		          ERR_ENC_INVALID);
		CHECK_INT(bad, 600);
		free(out);
		/* Cut inside a character at the end: only finish complains. */
		CHECK_INT(stream_convert(ENC_GB18030, ENC_UTF8, in, 601, chunk, &out, &n, &bad),
		          ERR_ENC_TRUNCATED);
		CHECK_INT(bad, 600);
		CHECK_INT(n, 900); /* the 300 characters before it were converted */
		free(out);
	}
	/* 𠀀 after 1000 ASCII bytes, to GBK, fed in 3-byte chunks. */
	char u8[1010];
	memset(u8, 'a', 1000);
	memcpy(u8 + 1000, "\xF0\xA0\x80\x80", 4);
	char *out;
	size_t n, bad = 0;
	CHECK_INT(stream_convert(ENC_UTF8, ENC_GBK, u8, 1004, 3, &out, &n, &bad),
	          ERR_ENC_UNMAPPABLE);
	CHECK_INT(bad, 1000);
	free(out);
	memcpy(u8 + 1000, "\xED\xA0\x80", 3);
	CHECK_INT(stream_convert(ENC_UTF8, ENC_GB18030, u8, 1003, 3, &out, &n, &bad),
	          ERR_ENC_INVALID);
	CHECK_INT(bad, 1000);
	free(out);
}

static void spent_stream_keeps_its_error(void)
{
	enc_stream *s;
	err_info e;
	char *out = NULL;
	size_t n = 0, cap = 0;
	REQUIRE(enc_stream_new(ENC_GB18030, ENC_UTF8, &s, &e) == ERR_OK);
	CHECK_INT(enc_stream_feed(s, "a\xFF", 2, &out, &n, &cap, &e), ERR_ENC_INVALID);
	CHECK_INT(enc_stream_feed(s, "b", 1, &out, &n, &cap, &e), ERR_ENC_INVALID);
	CHECK_STR(e.detail, "第2字节：FF");
	CHECK_INT(enc_stream_finish(s, &e), ERR_ENC_INVALID);
	CHECK_INT(enc_stream_bad_offset(s), 1);
	enc_stream_free(s);
	free(out);
	enc_stream_free(NULL);
	CHECK_INT(enc_stream_new(ENC_GB18030, ENC_GBK, &s, &e), ERR_INVALID_ARG);
	CHECK(s == NULL);
}

static void ten_megabytes_round_trip(void)
{
	const size_t size = 10u * 1024 * 1024;
	const char *unit = MIXED_UTF8 "\n";
	size_t ul = strlen(unit), len = size / ul * ul;
	char *big = malloc(len + 1);
	REQUIRE(big != NULL);
	for (size_t i = 0; i < len; i += ul)
		memcpy(big + i, unit, ul);
	big[len] = '\0';

	char *gb = NULL, *back = NULL, *streamed = NULL;
	size_t gn = 0, bn = 0, sn = 0;
	CHECK_INT(enc_from_utf8(ENC_GB18030, big, len, &gb, &gn, NULL, NULL), ERR_OK);
	CHECK_INT(gn, len / ul * (strlen(MIXED_GB18030) + 1));
	CHECK_INT(enc_to_utf8(ENC_GB18030, gb, gn, &back, &bn, NULL, NULL), ERR_OK);
	CHECK_INT(bn, len);
	CHECK(back != NULL && memcmp(back, big, len) == 0);
	/* An odd chunk size splits characters all the way through. */
	CHECK_INT(stream_convert(ENC_GB18030, ENC_UTF8, gb, gn, 65537, &streamed, &sn, NULL),
	          ERR_OK);
	CHECK_INT(sn, len);
	CHECK(streamed != NULL && memcmp(streamed, big, len) == 0);
	free(big);
	free(gb);
	free(back);
	free(streamed);
}

static void locale_decides_what_the_screen_can_show(void)
{
	if (setlocale(LC_CTYPE, "zh_CN.UTF-8") == NULL) {
		test_skip("locale zh_CN.UTF-8 not installed");
		return;
	}
	CHECK_INT(enc_locale_can_show(0x20000), 1);
	CHECK_INT(enc_locale_can_show(0x1F600), 1);
	CHECK_INT(enc_locale_can_show(0xD800), 0);
	CHECK_INT(enc_locale_can_show(0x110000), 0);
	if (setlocale(LC_CTYPE, "zh_CN.GB18030") == NULL) {
		test_skip("locale zh_CN.GB18030 not installed");
		setlocale(LC_CTYPE, "C");
		return;
	}
	CHECK_INT(enc_locale_can_show(0x20000), 1);
	CHECK_INT(enc_locale_can_show(0x5F20), 1);
	setlocale(LC_CTYPE, "C");
	CHECK_INT(enc_locale_can_show('A'), 1);
	CHECK_INT(enc_locale_can_show(0x5F20), 0);
}

/* GBK: the locale is built into a temporary folder, as no system ships it by default. */
static void gbk_locale_cannot_show_ext_b(void)
{
	static const char *const localedefs[] = {"/usr/bin/localedef", "/usr/sbin/localedef"};
	const char *dir = test_tmpdir();
	char path[4300];
	snprintf(path, sizeof path, "%s/zh_CN.GBK", dir);
	for (size_t i = 0; i < 2; i++) {
		char *argv[] = {(char *)localedefs[i], "-i", "zh_CN", "-f", "GBK", path, NULL};
		struct stat st;
		if (stat(localedefs[i], &st) == 0) {
			test_exec(argv, NULL, NULL, NULL, NULL);
			break;
		}
	}
	struct stat st;
	if (stat(path, &st) != 0) {
		test_skip("localedef could not build zh_CN.GBK");
		return;
	}
	setenv("LOCPATH", dir, 1);
	const char *ok = setlocale(LC_CTYPE, "zh_CN.GBK");
	if (ok != NULL) {
		CHECK_INT(enc_locale_can_show(0x5F20), 1);  /* 张 */
		CHECK_INT(enc_locale_can_show(0xB7), 1);    /* · */
		CHECK_INT(enc_locale_can_show(0x3013), 1);  /* 〓, the substitute itself */
		CHECK_INT(enc_locale_can_show(0x20000), 0); /* 𠀀 */
		CHECK_INT(enc_locale_can_show(0x3400), 0);  /* 㐀 */
		CHECK_INT(enc_locale_can_show(0x1F600), 0); /* emoji */
	}
	setlocale(LC_CTYPE, "C");
	unsetenv("LOCPATH");
	if (ok == NULL)
		test_skip("setlocale(zh_CN.GBK) failed with LOCPATH");
}

TEST_MAIN(T(names_parse_in_any_case), T(gb18030_round_trip_of_mixed_text),
          T(gbk_converts_common_text_and_refuses_ext_b), T(invalid_gb_bytes_give_their_offset),
          T(invalid_utf8_refused_with_offset), T(empty_input_gives_empty_string),
          T(byte_order_mark_dropped_on_the_way_in), T(streaming_matches_one_shot_at_every_split),
          T(streaming_errors_count_from_stream_start), T(spent_stream_keeps_its_error),
          T(ten_megabytes_round_trip), T(locale_decides_what_the_screen_can_show),
          T(gbk_locale_cannot_show_ext_b))
