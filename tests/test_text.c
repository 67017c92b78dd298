/*
 * Tests for locale/text: strict UTF-8 decoding, widths under the UTF-8 and
 * GB18030 locales, truncation and padding that never split a wide character.
 */
#include <locale.h>

#include "locale/enc.h"
#include "locale/text.h"
#include "tests/test.h"

/* Switch LC_CTYPE; on failure skip the case with the reason. */
static int use_locale(const char *name)
{
	if (setlocale(LC_CTYPE, name) != NULL)
		return 1;
	char why[128];
	snprintf(why, sizeof why, "locale %s not installed", name);
	test_skip(why);
	return 0;
}

static void decode_and_encode_every_code_point(void)
{
	long bad = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		char buf[4];
		uint32_t back = 0;
		size_t n = text_utf8_encode(cp, buf);
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			bad += n != 0;
			continue;
		}
		size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		if (n != want || text_utf8_decode(buf, n, &back) != n || back != cp ||
		    text_utf8_check(buf, n, &back) != (int)n ||
		    text_utf8_check(buf, n - 1, &back) != 0)
			bad++;
	}
	CHECK_INT(bad, 0);
	char buf[4];
	CHECK_INT(text_utf8_encode(0x110000, buf), 0);
	CHECK_INT(text_utf8_encode(0xDC00, buf), 0);
}

static void invalid_utf8_is_one_replacement_per_byte(void)
{
	uint32_t cp = 0;
	CHECK_INT(text_utf8_decode("\xC0\x80", 2, &cp), 1); /* overlong */
	CHECK_INT(cp, 0xFFFD);
	CHECK_INT(text_utf8_check("\xC0\x80", 2, &cp), -1);
	CHECK_INT(text_utf8_check("\xED\xA0\x80", 3, &cp), -1); /* surrogate */
	CHECK_INT(text_utf8_check("\xF4\x90\x80\x80", 4, &cp), -1);
	CHECK_INT(text_utf8_check("\xF5\x80\x80\x80", 4, &cp), -1);
	CHECK_INT(text_utf8_check("\x80", 1, &cp), -1);
	CHECK_INT(text_utf8_check("\xE5\xBC", 2, &cp), 0); /* cut: valid so far */
	CHECK_INT(text_utf8_check("\xE5\xBC"
	                          "A",
	                          3, &cp),
	          -1);
	CHECK_INT(text_utf8_check("", 0, &cp), 0);
	CHECK_INT(text_utf8_decode("\xE5\xBC", 2, &cp), 1);
	CHECK_INT(cp, 0xFFFD);
	CHECK_INT(text_utf8_decode("", 0, &cp), 0);
	CHECK_INT(text_utf8_decode("\xEF\xBF\xBD", 3, &cp), 3); /* a real U+FFFD */
	CHECK_INT(cp, 0xFFFD);

	CHECK_INT(text_chars("张三a"), 3);
	CHECK_INT(text_chars("\xFF\xFE"), 2);
	CHECK_INT(text_chars("\xE5\xBC"), 2);
	CHECK_INT(text_chars(""), 0);
	CHECK_INT(text_chars(NULL), 0);
	CHECK_INT(text_chars("\xF0\xA0\x80\x80"), 1);
}

static void widths_under_utf8(void)
{
	if (!use_locale("zh_CN.UTF-8"))
		return;
	CHECK_INT(text_width("张三"), 4);
	CHECK_INT(text_width("a张b"), 4);
	CHECK_INT(text_width("“引”"), 4);
	CHECK_INT(text_width("“引号”"), 6);
	CHECK_INT(text_width("·"), 1);
	CHECK_INT(text_width("买买提·艾力"), 11);
	CHECK_INT(text_width("\xF0\xA0\x80\x80"), 2); /* 𠀀 */
	CHECK_INT(text_width("e\xCC\x81"), 1);        /* e + combining acute */
	CHECK_INT(text_width("a\tb\n"), 4);           /* controls count 1 */
	CHECK_INT(text_width("\xC2\x85"), 1);         /* C1 control */
	CHECK_INT(text_width(""), 0);
	CHECK_INT(text_width(NULL), 0);
	CHECK_INT(text_width("a\xFF"
	                     "b"),
	          3);
	CHECK_INT(text_width("张\xE5\xBC"), 4);
	CHECK_INT(text_cp_width(0x3013), 2);
	CHECK_INT(text_cp_width(0xD800), 1);
	CHECK_INT(text_cp_width(0x110000), 1);
	setlocale(LC_CTYPE, "C");
}

static void widths_under_gb18030(void)
{
	if (!use_locale("zh_CN.GB18030"))
		return;
	CHECK_INT(text_width("张三"), 4);
	CHECK_INT(text_width("a张b"), 4);
	CHECK_INT(text_width("“引”"), 6); /* every 2-byte GB character is 2 columns */
	CHECK_INT(text_width("“引号”"), 8);
	CHECK_INT(text_width("·"), 2);
	CHECK_INT(text_width("买买提·艾力"), 12);
	CHECK_INT(text_width("——"), 4);
	/* wcwidth() gives -1 for an emoji here; it is drawn as 〓, 2 columns. */
	CHECK_INT(text_cp_width(0x1F600), 2);
	CHECK_INT(text_width("a\xF0\x9F\x98\x80"), 3);
	CHECK_INT(text_width("a\xFF"
	                     "b"),
	          3); /* invalid bytes still count 1 */
	setlocale(LC_CTYPE, "C");
}

static void truncation_never_splits_a_wide_character(void)
{
	if (!use_locale("zh_CN.UTF-8"))
		return;
	char out[64];
	CHECK_INT(text_truncate("张三丰", 5, 0, out, sizeof out), 4);
	CHECK_STR(out, "张三");
	CHECK_INT(text_pad("张三丰", 5, 0, out, sizeof out), 5);
	CHECK_STR(out, "张三 ");
	CHECK_INT(text_truncate("张三丰", 6, 0, out, sizeof out), 6);
	CHECK_STR(out, "张三丰");
	CHECK_INT(text_pad("张三", 7, 0, out, sizeof out), 7);
	CHECK_STR(out, "张三   ");
	CHECK_INT(text_truncate("张三丰", 1, 0, out, sizeof out), 0);
	CHECK_STR(out, "");
	CHECK_INT(text_pad("张三丰", 1, 0, out, sizeof out), 1);
	CHECK_STR(out, " ");
	CHECK_INT(text_truncate("张三丰", 0, 0, out, sizeof out), 0);
	CHECK_STR(out, "");
	CHECK_INT(text_pad("abc", -4, 1, out, sizeof out), 0);
	CHECK_STR(out, "");
	/* Zero-width marks stay with their base character. */
	CHECK_INT(text_truncate("e\xCC\x81x", 1, 0, out, sizeof out), 1);
	CHECK_STR(out, "e\xCC\x81");
	setlocale(LC_CTYPE, "C");
}

static void tilde_marks_a_cut(void)
{
	if (!use_locale("zh_CN.UTF-8"))
		return;
	char out[64];
	CHECK_INT(text_truncate("张三丰", 5, 1, out, sizeof out), 5);
	CHECK_STR(out, "张三~");
	CHECK_INT(text_truncate("张三丰", 4, 1, out, sizeof out), 3);
	CHECK_STR(out, "张~");
	CHECK_INT(text_pad("张三丰", 4, 1, out, sizeof out), 4);
	CHECK_STR(out, "张~ ");
	/* No cut, no marker. */
	CHECK_INT(text_truncate("张三丰", 6, 1, out, sizeof out), 6);
	CHECK_STR(out, "张三丰");
	CHECK_INT(text_pad("abc", 3, 1, out, sizeof out), 3);
	CHECK_STR(out, "abc");
	CHECK_INT(text_truncate("abcd", 3, 1, out, sizeof out), 3);
	CHECK_STR(out, "ab~");
	CHECK_INT(text_truncate("张三", 1, 1, out, sizeof out), 1);
	CHECK_STR(out, "~");
	CHECK_INT(text_truncate("张三", 0, 1, out, sizeof out), 0);
	CHECK_STR(out, "");
	setlocale(LC_CTYPE, "C");
}

static void truncation_follows_the_locale(void)
{
	if (!use_locale("zh_CN.GB18030"))
		return;
	char out[64];
	/* “引” is 6 columns here: the closing quote does not fit in 5. */
	CHECK_INT(text_truncate("“引”", 5, 0, out, sizeof out), 4);
	CHECK_STR(out, "“引");
	CHECK_INT(text_pad("“引”", 5, 1, out, sizeof out), 5);
	CHECK_STR(out, "“引~");
	CHECK_INT(text_pad("a·b", 2, 0, out, sizeof out), 2); /* · is wide here */
	CHECK_STR(out, "a ");
	setlocale(LC_CTYPE, "C");
	if (!use_locale("zh_CN.UTF-8"))
		return;
	CHECK_INT(text_truncate("“引”", 5, 0, out, sizeof out), 4);
	CHECK_STR(out, "“引”");
	CHECK_INT(text_pad("a·b", 2, 0, out, sizeof out), 2);
	CHECK_STR(out, "a·");
	setlocale(LC_CTYPE, "C");
}

static void small_buffers_stay_whole_and_terminated(void)
{
	if (!use_locale("zh_CN.UTF-8"))
		return;
	char out[16];
	memset(out, 'X', sizeof out);
	CHECK_INT(text_truncate("张三丰", 10, 0, out, 7), 4); /* room for 6 bytes: 张三 */
	CHECK_STR(out, "张三");
	CHECK_INT(out[7], 'X');
	CHECK_INT(text_truncate("张三丰", 10, 1, out, 8), 5);
	CHECK_STR(out, "张三~");
	CHECK_INT(text_truncate("张三丰", 10, 1, out, 7), 3);
	CHECK_STR(out, "张~");
	CHECK_INT(text_truncate("张三丰", 10, 0, out, 3), 0);
	CHECK_STR(out, "");
	memset(out, 'X', sizeof out);
	CHECK_INT(text_pad("ab", 10, 0, out, 5), 4);
	CHECK_STR(out, "ab  ");
	CHECK_INT(out[5], 'X');
	CHECK_INT(text_truncate("ab", 10, 0, out, 1), 0);
	CHECK_STR(out, "");
	out[0] = 'X';
	CHECK_INT(text_truncate("ab", 10, 0, out, 0), 0);
	CHECK_INT(out[0], 'X'); /* size 0: nothing written */
	CHECK_INT(text_pad(NULL, 3, 0, out, sizeof out), 3);
	CHECK_STR(out, "   ");
	setlocale(LC_CTYPE, "C");
}

static void invalid_bytes_come_out_as_question_marks(void)
{
	if (!use_locale("zh_CN.UTF-8"))
		return;
	char out[64];
	CHECK_INT(text_truncate("a\xFF"
	                        "b",
	                        10, 0, out, sizeof out),
	          3);
	CHECK_STR(out, "a?b");
	CHECK_INT(text_truncate("张\xE5\xBC", 10, 0, out, sizeof out), 4);
	CHECK_STR(out, "张??");
	CHECK_INT(text_pad("\xE5\xBC\xE5\xBC\xE5", 4, 1, out, sizeof out), 4);
	CHECK_STR(out, "???~");
	CHECK_INT(enc_utf8_valid(out, strlen(out), NULL), 1);
	/* Binary junk: every output is valid UTF-8 of the stated width. */
	char junk[64];
	for (int i = 0; i < 63; i++)
		junk[i] = (char)(0x80 + i * 7);
	junk[63] = '\0';
	for (int cols = 0; cols < 70; cols += 7) {
		int w = text_pad(junk, cols, cols & 1, out, sizeof out);
		CHECK_INT(w, cols < 63 ? cols : 63);
		CHECK_INT(enc_utf8_valid(out, strlen(out), NULL), 1);
	}
	setlocale(LC_CTYPE, "C");
}

TEST_MAIN(T(decode_and_encode_every_code_point), T(invalid_utf8_is_one_replacement_per_byte),
          T(widths_under_utf8), T(widths_under_gb18030),
          T(truncation_never_splits_a_wide_character), T(tilde_marks_a_cut),
          T(truncation_follows_the_locale), T(small_buffers_stay_whole_and_terminated),
          T(invalid_bytes_come_out_as_question_marks))
