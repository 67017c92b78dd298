/*
 * Tests for the typed-input helpers the validators share (forms/input), and
 * that every validator names a character the same way.
 */
#include "forms/idcard.h"
#include "forms/input.h"
#include "forms/uscc.h"
#include "forms/valid.h"
#include "tests/test.h"

/* The trimmed part of s, as a string (for CHECK_STR). */
static const char *trimmed(const char *s, char *buf, size_t size)
{
	size_t start, end;
	input_trim(s, strlen(s), &start, &end);
	snprintf(buf, size, "%.*s", (int)(end - start), s + start);
	return buf;
}

static void trim_drops_ascii_and_ideographic_blanks(void)
{
	char buf[64];
	CHECK_STR(trimmed("  张三 ", buf, sizeof buf), "张三");
	CHECK_STR(trimmed("\t\r\n\v\f张 三\n", buf, sizeof buf), "张 三");
	CHECK_STR(trimmed("\xE3\x80\x80李四\xE3\x80\x80", buf, sizeof buf), "李四");
	CHECK_STR(trimmed("", buf, sizeof buf), "");
	CHECK_STR(trimmed(" \xE3\x80\x80 ", buf, sizeof buf), "");
	/* An invalid byte is kept, so the validator can name it. */
	CHECK_STR(trimmed(" \xFF ", buf, sizeof buf), "\xFF");
	/* A cut-off ideographic space is not a blank. */
	CHECK_STR(trimmed("a \xE3\x80", buf, sizeof buf), "a \xE3\x80");
	size_t start = 9, end = 9;
	input_trim("   ", 3, &start, &end);
	CHECK_INT(start, 0);
	CHECK_INT(end, 0);
}

/* input_char_desc of the first character of s. */
static const char *desc(const char *s, char *buf, size_t size)
{
	uint32_t cp = 0;
	size_t n = 0;
	/* The decoder's contract: an invalid byte is one character, U+FFFD. */
	if ((unsigned char)s[0] < 0x80) {
		cp = (unsigned char)s[0];
		n = 1;
	} else if (strncmp(s, "\xE3\x80\x80", 3) == 0) {
		cp = 0x3000;
		n = 3;
	} else if (strncmp(s, "\xE5\xBC\xA0", 3) == 0) {
		cp = 0x5F20;
		n = 3;
	} else if (strncmp(s, "\xC2\x85", 2) == 0) {
		cp = 0x85;
		n = 2;
	} else {
		cp = 0xFFFD;
		n = 1;
	}
	input_char_desc(s, n, cp, buf, size);
	return buf;
}

static void char_desc_names_every_kind(void)
{
	char buf[64];
	CHECK_STR(desc(" ", buf, sizeof buf), "空格");
	CHECK_STR(desc("\xE3\x80\x80", buf, sizeof buf), "全角空格");
	CHECK_STR(desc("\n", buf, sizeof buf), "换行");
	CHECK_STR(desc("\t", buf, sizeof buf), "制表符");
	CHECK_STR(desc("\x01", buf, sizeof buf), "控制字符U+0001");
	CHECK_STR(desc("\x7F", buf, sizeof buf), "控制字符U+007F");
	CHECK_STR(desc("\xC2\x85", buf, sizeof buf), "控制字符U+0085");
	CHECK_STR(desc("\xFF", buf, sizeof buf), "无法识别的字节0xFF");
	CHECK_STR(desc("a", buf, sizeof buf), "“a”");
	CHECK_STR(desc("\xE5\xBC\xA0", buf, sizeof buf), "“张”");
	/* A small buffer is cut, never overrun. */
	char tiny[4];
	input_char_desc("a", 1, 'a', tiny, sizeof tiny);
	CHECK(strlen(tiny) < sizeof tiny);
}

static void digits_and_letters_fold_from_full_width(void)
{
	CHECK_INT(input_digit('0'), 0);
	CHECK_INT(input_digit('9'), 9);
	CHECK_INT(input_digit(0xFF10), 0); /* ０ */
	CHECK_INT(input_digit(0xFF19), 9); /* ９ */
	CHECK_INT(input_digit('a'), -1);
	CHECK_INT(input_digit(0x4E00), -1); /* 一 is not a digit here */
	CHECK_INT(input_fold_alnum('7'), '7');
	CHECK_INT(input_fold_alnum(0xFF17), '7');
	CHECK_INT(input_fold_alnum('x'), 'X');
	CHECK_INT(input_fold_alnum(0xFF38), 'X'); /* Ｘ */
	CHECK_INT(input_fold_alnum(0xFF58), 'X'); /* ｘ */
	CHECK_INT(input_fold_alnum(0xFF21), 'A');
	CHECK_INT(input_fold_alnum(0xFF5A), 'Z');
	CHECK_INT(input_fold_alnum('-'), 0);
	CHECK_INT(input_fold_alnum(0xFF0D), 0);
	CHECK_INT(input_fold_alnum(0x3000), 0);
	CHECK(input_is_space(0x3000) && input_is_space('\v') && !input_is_space(0xA0));
	CHECK(input_is_control(0x9F) && !input_is_control(0xA0) && !input_is_control(' '));
	CHECK(input_is_bad("\xFF", 1) && !input_is_bad("a", 1) && !input_is_bad("\xE5\xBC\xA0", 3));
}

/* The three validators now describe a tab or a newline inside the value alike. */
static void validators_name_tab_and_newline_alike(void)
{
	err_info e;
	CHECK_INT(idcard_parse("420102\t198506170035", 0, NULL, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第7位是制表符");
	CHECK_INT(uscc_parse("91350100\nM000100Y43", NULL, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第9位是换行");
	CHECK_INT(valid_phone("138\t12345678", MSG_F_PHONE, NULL, 0, &e), ERR_PHONE_FORMAT);
	CHECK_STR(e.detail, "第4个字符是制表符");
}

TEST_MAIN(T(trim_drops_ascii_and_ideographic_blanks), T(char_desc_names_every_kind),
          T(digits_and_letters_fold_from_full_width), T(validators_name_tab_and_newline_alike))
