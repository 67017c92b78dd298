/*
 * Tests for forms/valid: names, phone numbers, money, free text, integers —
 * what is accepted, how it is normalised, and that each refusal names the
 * rule and the offending character.
 */
#include <limits.h>
#include <stdlib.h>

#include "forms/valid.h"
#include "tests/test.h"

/* ---- names ---- */

static void good_names(void)
{
	static const struct {
		const char *in, *out;
	} v[] = {
	    {"张三", "张三"},
	    {"欧阳娜娜", "欧阳娜娜"},
	    {"买买提·艾力", "买买提·艾力"},
	    {"\xF0\xA0\x80\x80字", "\xF0\xA0\x80\x80字"}, /* U+20000, Ext B */
	    {"阿依古丽·买买提", "阿依古丽·买买提"},
	    {"司马相如", "司马相如"},
	    {"艾力•买买提", "艾力·买买提"},                  /* U+2022 bullet from an IME */
	    {"迪丽热巴・迪力木拉提", "迪丽热巴·迪力木拉提"}, /* U+30FB katakana middle dot */
	    {"娜扎‧阿布", "娜扎·阿布"},                      /* U+2027 hyphenation point */
	    {"㐀㐁", "㐀㐁"},                                /* Ext A */
	    {"\xEF\xA8\x8E\xEF\xA8\x8F",
	     "\xEF\xA8\x8E\xEF\xA8\x8F"},                 /* U+FA0E/FA0F, kept as typed */
	    {"王\xF0\xB0\x80\x80", "王\xF0\xB0\x80\x80"}, /* U+30000, Ext G */
	    {" 张三\xE3\x80\x80", "张三"},                /* blanks around are dropped */
	    {"张·三", "张·三"},
	    {"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
	     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char out[128] = "";
		err_info e;
		err_code rc = valid_name(v[i].in, MSG_F_NAME, out, sizeof out, &e);
		if (rc != ERR_OK)
			test_fail(__FILE__, __LINE__, "%s refused: %s %s", v[i].in, err_name(rc),
			          e.detail);
		CHECK_STR(out, v[i].out);
	}
	CHECK_INT(valid_name("张三", MSG_F_NAME, NULL, 0, NULL), ERR_OK);
}

static void bad_names(void)
{
	static const struct {
		const char *in;
		err_code rc;
		const char *detail;
	} v[] = {
	    {"张3", ERR_NAME_DIGIT, "第2个字是“3”"},
	    {"张３", ERR_NAME_DIGIT, "第2个字是“３”"},
	    {"Zhang三", ERR_NAME_LATIN, "第1个字是“Z”"},
	    {"张Ａ", ERR_NAME_LATIN, "第2个字是“Ａ”"},
	    {"张é", ERR_NAME_LATIN, "第2个字是“é”"},
	    {"张 三", ERR_NAME_CHARS, "第2个字是空格"},
	    {"张\xE3\x80\x80三", ERR_NAME_CHARS, "第2个字是全角空格"},
	    {"张\t三", ERR_NAME_CHARS, "第2个字是制表符"},
	    {"张三！", ERR_NAME_CHARS, "第3个字是“！”"},
	    {"张三\xF0\x9F\x98\x80", ERR_NAME_CHARS, "第3个字是“\xF0\x9F\x98\x80”"},
	    {"キム", ERR_NAME_CHARS, "第1个字是“キ”"},
	    {"张.三", ERR_NAME_CHARS, "第2个字是“.”，间隔号请用“·”"},
	    {"张．三", ERR_NAME_CHARS, "第2个字是“．”，间隔号请用“·”"},
	    {"·张三", ERR_NAME_DOT, "开头是间隔号"},
	    {"张三·", ERR_NAME_DOT, "结尾是间隔号"},
	    {"张··三", ERR_NAME_DOT, "第2、3个字是连续的间隔号"},
	    {"张·•三", ERR_NAME_DOT, "第2、3个字是连续的间隔号"},
	    {"·", ERR_NAME_DOT, "开头是间隔号"},
	    {"张", ERR_NAME_TOO_SHORT, "现有1个字"},
	    {"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", ERR_NAME_TOO_LONG,
	     "现有31个字"},
	    {"张\xff", ERR_TEXT_UTF8, "第2个字是无法识别的字节0xFF"},
	    {"\xE5\xBC\xA0\xE4\xB8", ERR_TEXT_UTF8, "第2个字是无法识别的字节0xE4"},
	    {"\xC0\x80", ERR_TEXT_UTF8, "第1个字是无法识别的字节0xC0"},
	    {"", ERR_NAME_EMPTY, ""},
	    {" \xE3\x80\x80 ", ERR_NAME_EMPTY, ""},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char out[128] = "untouched";
		err_info e;
		err_code rc = valid_name(v[i].in, MSG_F_NAME, out, sizeof out, &e);
		if (rc != v[i].rc)
			test_fail(__FILE__, __LINE__, "%s: %s, expected %s", v[i].in, err_name(rc),
			          err_name(v[i].rc));
		CHECK_STR(e.detail, v[i].detail);
		CHECK_INT(e.field, MSG_F_NAME);
		CHECK_STR(out, "untouched");
	}
}

static void name_messages_read_well(void)
{
	err_info e;
	char buf[300];
	valid_name("Zhang三", MSG_F_NAME, NULL, 0, &e);
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "姓名：不能含有英文字母，请用汉字填写（第1个字是“Z”）");
	valid_name("张··三", MSG_F_NAME, NULL, 0, &e);
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "姓名：间隔号“·”只能用在两个汉字之间，不能在开头、结尾或连用"
	          "（第2、3个字是连续的间隔号）");
	CHECK_INT(valid_name(NULL, MSG_F_NAME, NULL, 0, &e), ERR_NAME_EMPTY);
	CHECK_STR(err_format(&e, buf, sizeof buf), "姓名：未填写");
}

static void name_hostile_input(void)
{
	err_info e;
	char out[128];
	/* 3000 Han characters: refused by count, not cut. */
	char *big = malloc(3 * 3000 + 1);
	REQUIRE(big != NULL);
	for (int i = 0; i < 3000; i++)
		memcpy(big + 3 * i, "张", 3);
	big[9000] = '\0';
	CHECK_INT(valid_name(big, MSG_F_NAME, out, sizeof out, &e), ERR_NAME_TOO_LONG);
	CHECK_STR(e.detail, "现有3000个字");
	for (int i = 0; i < 9000; i++)
		big[i] = (char)(i % 255 + 1);
	CHECK_INT(valid_name(big, MSG_F_NAME, out, sizeof out, &e), ERR_NAME_CHARS);
	CHECK_STR(e.detail, "第1个字是控制字符U+0001");
	free(big);
	/* A buffer too small for the name is the caller's error, reported, not overrun. */
	char small[4];
	CHECK_INT(valid_name("张三", MSG_F_NAME, small, sizeof small, &e), ERR_INVALID_ARG);
	CHECK_INT(valid_name("张三", MSG_F_NAME, small, 0, &e), ERR_INVALID_ARG);
}

/* ---- phones ---- */

static void good_phones(void)
{
	static const struct {
		const char *in, *out;
	} v[] = {
	    {"13812345678", "13812345678"},
	    {"138 1234 5678", "13812345678"},
	    {"138-1234-5678", "13812345678"},
	    {"１３８１２３４５６７８", "13812345678"},
	    {"+86 13812345678", "13812345678"},
	    {"+86-19912345678", "19912345678"},
	    {"010-12345678", "010-12345678"},
	    {"01012345678", "010-12345678"},
	    {"021 12345678", "021-12345678"},
	    {"029-8765432", "029-8765432"},
	    {"0755-1234567-801", "0755-1234567-801"},
	    {"0755-1234567转801", "0755-1234567-801"},
	    {"0755-1234567-转801", "0755-1234567-801"},
	    {"075512345678", "0755-12345678"},
	    {"07551234567", "0755-1234567"},
	    {"0755 1234567", "0755-1234567"},
	    {"07551234567-801", "0755-1234567-801"},
	    {"010-12345678-123456", "010-12345678-123456"},
	    {"０１０－１２３４５６７８", "010-12345678"},
	    {" 0571-87654321 ", "0571-87654321"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char out[32] = "";
		err_info e;
		err_code rc = valid_phone(v[i].in, MSG_F_PHONE, out, sizeof out, &e);
		if (rc != ERR_OK)
			test_fail(__FILE__, __LINE__, "%s refused: %s %s", v[i].in, err_name(rc),
			          e.detail);
		CHECK_STR(out, v[i].out);
	}
	for (char second = '3'; second <= '9'; second++) {
		char in[12] = "1x012345678";
		in[1] = second;
		CHECK_INT(valid_phone(in, MSG_F_PHONE, NULL, 0, NULL), ERR_OK);
	}
}

static void bad_phones(void)
{
	static const struct {
		const char *in;
		err_code rc;
		const char *detail;
	} v[] = {
	    {"12812345678", ERR_PHONE_MOBILE, "第2位是2"},
	    {"1381234567", ERR_PHONE_MOBILE, "现有10位数字"},
	    {"138123456789", ERR_PHONE_MOBILE, "现有12位数字"},
	    {"13812345678转1", ERR_PHONE_MOBILE, "手机号码不能带分机号"},
	    {"075-1234567", ERR_PHONE_FORMAT, "三位区号只有010和020至029，现为“075”"},
	    {"0101-1234567", ERR_PHONE_FORMAT, "以01、02开头的区号只有3位（010、02X），现为“0101”"},
	    {"07-1234567", ERR_PHONE_FORMAT, "区号应为0加2至3位数字，现为“07”"},
	    {"010-123456", ERR_PHONE_FORMAT, "区号后的号码应为7至8位，现有6位"},
	    {"010-123456789", ERR_PHONE_FORMAT,
	     "区号后的号码应为7至8位，现有9位；分机号前请加“-”或“转”"},
	    {"010-123456789-1", ERR_PHONE_FORMAT, "区号后的号码应为7至8位，现有9位"},
	    {"0755123456789", ERR_PHONE_FORMAT,
	     "区号后的号码应为7至8位，现有9位；分机号前请加“-”或“转”"},
	    {"0755-1234567-1234567", ERR_PHONE_FORMAT, "分机号应为1至6位，现有7位"},
	    {"0755--1234567", ERR_PHONE_FORMAT, "“-”的位置不对"},
	    {"0755-1234567-", ERR_PHONE_FORMAT, "“-”的位置不对"},
	    {"0755-1234-567-8-9", ERR_PHONE_FORMAT, "“-”太多"},
	    {"0755-1234567-801转9", ERR_PHONE_FORMAT, "“-”太多"},
	    {"0755-1234567转", ERR_PHONE_FORMAT, "分机号应为1至6位，现有0位"},
	    {"0755-1234567转8转9", ERR_PHONE_FORMAT, "“转”后只能是分机号数字"},
	    {"0755", ERR_PHONE_FORMAT, "区号后缺少号码"},
	    {"12345678", ERR_PHONE_MOBILE, "现有8位数字"},
	    {"87654321", ERR_PHONE_FORMAT, "固定电话请加区号，如010-87654321"},
	    {"9999", ERR_PHONE_FORMAT, "应以1（手机）或0（固定电话区号）开头"},
	    {"+85212345678", ERR_PHONE_FORMAT, "“+”只能用在国际区号+86中"},
	    {"+86 0755-1234567", ERR_PHONE_FORMAT, "+86后只接受手机号码"},
	    {"138+12345678", ERR_PHONE_FORMAT, "“+”只能用在国际区号+86中"},
	    {"(010)12345678", ERR_PHONE_FORMAT, "第1个字符是“(”"},
	    {"138１234abcd", ERR_PHONE_FORMAT, "第8个字符是“a”"},
	    {"138\xff", ERR_PHONE_FORMAT, "第4个字符是无法识别的字节0xFF"},
	    {"", ERR_PHONE_FORMAT, "未填写"},
	    {"   ", ERR_PHONE_FORMAT, "未填写"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char out[32] = "untouched";
		err_info e;
		err_code rc = valid_phone(v[i].in, MSG_F_PHONE, out, sizeof out, &e);
		if (rc != v[i].rc)
			test_fail(__FILE__, __LINE__, "%s: %s, expected %s", v[i].in, err_name(rc),
			          err_name(v[i].rc));
		CHECK_STR(e.detail, v[i].detail);
		CHECK_INT(e.field, MSG_F_PHONE);
	}
}

static void phone_hostile_input(void)
{
	err_info e;
	char out[32], buf[300];
	CHECK_INT(valid_phone(NULL, MSG_F_PHONE, out, sizeof out, &e), ERR_PHONE_FORMAT);
	char *big = malloc(10241);
	REQUIRE(big != NULL);
	memset(big, '1', 10240);
	big[10240] = '\0';
	CHECK_INT(valid_phone(big, MSG_F_PHONE, out, sizeof out, &e), ERR_PHONE_FORMAT);
	CHECK_STR(e.detail, "号码太长");
	for (int i = 0; i < 10240; i++)
		big[i] = (char)(i % 255 + 1);
	CHECK_INT(valid_phone(big, MSG_F_PHONE, out, sizeof out, &e), ERR_PHONE_FORMAT);
	free(big);
	valid_phone("12812345678", MSG_F_PHONE, out, sizeof out, &e);
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "联系电话：手机号码应为11位数字，以13至19开头（第2位是2）");
	char small[8];
	CHECK_INT(valid_phone("13812345678", MSG_F_PHONE, small, sizeof small, &e),
	          ERR_INVALID_ARG);
	CHECK_INT(valid_phone("0755-1234567", MSG_F_PHONE, small, sizeof small, &e),
	          ERR_INVALID_ARG);
}

/* ---- money ---- */

static void good_money(void)
{
	static const struct {
		const char *in;
		int64_t fen;
	} v[] = {
	    {"1234", 123400},
	    {"1,234.5", 123450},
	    {"1234.56", 123456},
	    {"１２３．４５", 12345},
	    {"¥1,234.50", 123450},
	    {"￥ 100", 10000},
	    {"100元", 10000},
	    {"1，234，567.89", 123456789},
	    {"0.5", 50},
	    {"0.05", 5},
	    {"0", 0},
	    {"007", 700},
	    {" 12.3 ", 1230},
	    {"999,999,999.99", 99999999999LL},
	    {"999999999.99", 99999999999LL},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		int64_t fen = -1;
		err_info e;
		err_code rc = valid_money(v[i].in, MSG_F_MONEY, &fen, &e);
		if (rc != ERR_OK)
			test_fail(__FILE__, __LINE__, "%s refused: %s %s", v[i].in, err_name(rc),
			          e.detail);
		CHECK_INT(fen, v[i].fen);
	}
}

static void bad_money(void)
{
	static const struct {
		const char *in;
		err_code rc;
	} v[] = {
	    {"1.234", ERR_MONEY_DECIMALS},      {"999999999.995", ERR_MONEY_DECIMALS},
	    {"-5", ERR_MONEY_NEGATIVE},         {"¥-5", ERR_MONEY_NEGATIVE},
	    {"-¥5", ERR_MONEY_NEGATIVE},        {"－１", ERR_MONEY_NEGATIVE},
	    {"1e3", ERR_MONEY_FORMAT},          {"", ERR_MONEY_FORMAT},
	    {"1,23", ERR_MONEY_FORMAT},         {",123", ERR_MONEY_FORMAT},
	    {"1234,567", ERR_MONEY_FORMAT},     {"1,2345", ERR_MONEY_FORMAT},
	    {"1,234,56", ERR_MONEY_FORMAT},     {"1,,234", ERR_MONEY_FORMAT},
	    {"0,123", ERR_MONEY_FORMAT},        {"1.", ERR_MONEY_FORMAT},
	    {".5", ERR_MONEY_FORMAT},           {"1.2.3", ERR_MONEY_FORMAT},
	    {"12 34", ERR_MONEY_FORMAT},        {"¥", ERR_MONEY_FORMAT},
	    {"元", ERR_MONEY_FORMAT},           {"1.5万", ERR_MONEY_FORMAT},
	    {"+5", ERR_MONEY_FORMAT},           {"1,234.5,6", ERR_MONEY_FORMAT},
	    {"1000000000", ERR_MONEY_RANGE},    {"1,000,000,000", ERR_MONEY_RANGE},
	    {"1000000000.00", ERR_MONEY_RANGE}, {"99999999999999999999999999", ERR_MONEY_RANGE},
	    {"12\xff", ERR_MONEY_FORMAT},       {"\x01", ERR_MONEY_FORMAT},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		int64_t fen = 4242;
		err_info e;
		err_code rc = valid_money(v[i].in, MSG_F_MONEY, &fen, &e);
		if (rc != v[i].rc)
			test_fail(__FILE__, __LINE__, "%s: %s (%s), expected %s", v[i].in,
			          err_name(rc), e.detail, err_name(v[i].rc));
		CHECK_INT(fen, 4242);
		CHECK_INT(e.field, MSG_F_MONEY);
	}
	err_info e;
	char buf[300];
	int64_t fen;
	valid_money("1.234", MSG_F_MONEY, &fen, &e);
	CHECK_STR(err_format(&e, buf, sizeof buf), "金额：最多两位小数（精确到分）（现有3位小数）");
	valid_money("1e3", MSG_F_MONEY, &fen, &e);
	CHECK_STR(e.detail, "第2个字符是“e”");
	valid_money("1,23", MSG_F_MONEY, &fen, &e);
	CHECK_STR(e.detail, "千位分隔符“,”的位置不对");
	valid_money("", MSG_F_MONEY, &fen, &e);
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "金额：应为以元为单位的金额，如1234.50或1,234.5（未填写）");
	CHECK_INT(valid_money(NULL, MSG_F_MONEY, &fen, &e), ERR_MONEY_FORMAT);
	char *big = malloc(10241);
	REQUIRE(big != NULL);
	memset(big, '9', 10240);
	big[10240] = '\0';
	CHECK_INT(valid_money(big, MSG_F_MONEY, &fen, &e), ERR_MONEY_RANGE);
	for (int i = 0; i < 10240; i++)
		big[i] = (char)(i % 255 + 1);
	CHECK_INT(valid_money(big, MSG_F_MONEY, &fen, &e), ERR_MONEY_FORMAT);
	memset(big, '.', 10240);
	CHECK_INT(valid_money(big, MSG_F_MONEY, &fen, &e), ERR_MONEY_FORMAT);
	free(big);
}

static void money_format_round_trip(void)
{
	char buf[24];
	CHECK_STR(valid_money_format(0, buf, sizeof buf), "0.00");
	CHECK_STR(valid_money_format(5, buf, sizeof buf), "0.05");
	CHECK_STR(valid_money_format(123450, buf, sizeof buf), "1234.50");
	CHECK_STR(valid_money_format(99999999999LL, buf, sizeof buf), "999999999.99");
	CHECK_STR(valid_money_format(-5, buf, sizeof buf), "-0.05");
	CHECK_STR(valid_money_format(INT64_MAX, buf, sizeof buf), "92233720368547758.07");
	CHECK_STR(valid_money_format(INT64_MIN, buf, sizeof buf), "-92233720368547758.08");
	char tiny[5];
	CHECK_STR(valid_money_format(123450, tiny, sizeof tiny), "1234");
	int bad = 0;
	for (int64_t fen = 0; fen <= 99999999999LL; fen = fen * 3 + 7) {
		int64_t back = -1;
		valid_money_format(fen, buf, sizeof buf);
		if (valid_money(buf, MSG_F_MONEY, &back, NULL) != ERR_OK || back != fen)
			bad++;
	}
	CHECK_INT(bad, 0);
}

/* ---- free text ---- */

static void text_counts_characters(void)
{
	err_info e;
	char buf[300];
	CHECK_INT(valid_text("张三", MSG_F_REMARK, 2, 0, &e), ERR_OK);
	CHECK_INT(valid_text("张三丰", MSG_F_REMARK, 2, 0, &e), ERR_TEXT_TOO_LONG);
	CHECK_STR(e.detail, "最多2个字，现有3个");
	CHECK_STR(err_format(&e, buf, sizeof buf), "备注：超过长度限制（最多2个字，现有3个）");
	CHECK_INT(valid_text("abc", MSG_F_REMARK, 3, 0, &e), ERR_OK);
	CHECK_INT(valid_text("\xF0\xA0\x80\x80", MSG_F_REMARK, 1, 0, &e), ERR_OK);
	CHECK_INT(valid_text("", MSG_F_REMARK, 0, 0, &e), ERR_OK);
	CHECK_INT(valid_text(NULL, MSG_F_REMARK, 0, 0, &e), ERR_OK);
	CHECK_INT(valid_text("a", MSG_F_REMARK, 0, 0, &e), ERR_TEXT_TOO_LONG);
	CHECK_INT(valid_text("  张三  ", MSG_F_REMARK, 4, 0, &e), ERR_TEXT_TOO_LONG);
	CHECK_STR(e.detail, "最多4个字，现有6个");
	char *big = malloc(3 * 5000 + 1);
	REQUIRE(big != NULL);
	for (int i = 0; i < 5000; i++)
		memcpy(big + 3 * i, "字", 3);
	big[15000] = '\0';
	CHECK_INT(valid_text(big, MSG_F_REMARK, 5000, 0, &e), ERR_OK);
	CHECK_INT(valid_text(big, MSG_F_REMARK, 4999, 0, &e), ERR_TEXT_TOO_LONG);
	CHECK_STR(e.detail, "最多4999个字，现有5000个");
	CHECK_INT(valid_text(big, MSG_F_REMARK, -1, 0, &e), ERR_OK);
	free(big);
}

static void text_refuses_controls_and_bad_utf8(void)
{
	err_info e;
	CHECK_INT(valid_text("第一行\n第二行", MSG_F_REMARK, 100, 1, &e), ERR_OK);
	CHECK_INT(valid_text("第一行\n第二行", MSG_F_REMARK, 100, 0, &e), ERR_TEXT_CONTROL);
	CHECK_STR(e.detail, "第4个字是换行，此处只能填一行");
	CHECK_INT(valid_text("a\tb", MSG_F_REMARK, 100, 1, &e), ERR_TEXT_CONTROL);
	CHECK_STR(e.detail, "第2个字是制表符");
	CHECK_INT(valid_text("a\r\nb", MSG_F_REMARK, 100, 1, &e), ERR_TEXT_CONTROL);
	CHECK_STR(e.detail, "第2个字是控制字符U+000D");
	CHECK_INT(valid_text("a\x1b[2J", MSG_F_REMARK, 100, 1, &e), ERR_TEXT_CONTROL);
	CHECK_INT(valid_text("a\x7f", MSG_F_REMARK, 100, 1, &e), ERR_TEXT_CONTROL);
	CHECK_INT(valid_text("a\xC2\x85", MSG_F_REMARK, 100, 1, &e), ERR_TEXT_CONTROL);
	CHECK_STR(e.detail, "第2个字是控制字符U+0085");
	CHECK_INT(valid_text("张三\xff", MSG_F_REMARK, 100, 0, &e), ERR_TEXT_UTF8);
	CHECK_STR(e.detail, "第3个字是无法识别的字节0xFF");
	CHECK_INT(valid_text("\xED\xA0\x80", MSG_F_REMARK, 100, 0, &e), ERR_TEXT_UTF8);
	CHECK_INT(valid_text("\xF4\x90\x80\x80", MSG_F_REMARK, 100, 0, &e), ERR_TEXT_UTF8);
	CHECK_INT(valid_text("\xE0\x80\xAF", MSG_F_REMARK, 100, 0, &e), ERR_TEXT_UTF8);
	CHECK_INT(valid_text("张\xE4\xB8", MSG_F_REMARK, 100, 0, &e), ERR_TEXT_UTF8);
	CHECK_INT(valid_text("\xEF\xBF\xBD", MSG_F_REMARK, 100, 0, &e), ERR_OK); /* a real U+FFFD */
	CHECK_INT(e.field, MSG_F_REMARK);
}

/* ---- integers ---- */

static void integers(void)
{
	long v = 0;
	err_info e;
	char buf[300];
	CHECK_INT(valid_int("42", MSG_F_HEADCOUNT, 0, 100, &v, &e), ERR_OK);
	CHECK_INT(v, 42);
	CHECK_INT(valid_int(" １２ ", MSG_F_HEADCOUNT, 0, 100, &v, &e), ERR_OK);
	CHECK_INT(v, 12);
	CHECK_INT(valid_int("－５", MSG_F_HEADCOUNT, -10, 10, &v, &e), ERR_OK);
	CHECK_INT(v, -5);
	CHECK_INT(valid_int("+7", MSG_F_HEADCOUNT, -10, 10, &v, &e), ERR_OK);
	CHECK_INT(v, 7);
	CHECK_INT(valid_int("007", MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_OK);
	CHECK_INT(v, 7);
	CHECK_INT(valid_int("10", MSG_F_HEADCOUNT, 1, 10, &v, &e), ERR_OK);
	CHECK_INT(valid_int("1", MSG_F_HEADCOUNT, 1, 10, &v, &e), ERR_OK);
	v = 99;
	CHECK_INT(valid_int("0", MSG_F_HEADCOUNT, 1, 10, &v, &e), ERR_INT_RANGE);
	CHECK_STR(err_format(&e, buf, sizeof buf), "人数：超出允许范围（应在1至10之间）");
	CHECK_INT(v, 99);
	CHECK_INT(valid_int("11", MSG_F_HEADCOUNT, 1, 10, &v, &e), ERR_INT_RANGE);
	CHECK_INT(valid_int("9223372036854775807", MSG_F_HEADCOUNT, LONG_MIN, LONG_MAX, &v, &e),
	          ERR_OK);
	CHECK_INT(v, LONG_MAX);
	CHECK_INT(valid_int("-9223372036854775808", MSG_F_HEADCOUNT, LONG_MIN, LONG_MAX, &v, &e),
	          ERR_OK);
	CHECK_INT(v, LONG_MIN);
	CHECK_INT(valid_int("9223372036854775808", MSG_F_HEADCOUNT, LONG_MIN, LONG_MAX, &v, &e),
	          ERR_INT_RANGE);
	CHECK_INT(valid_int("-9223372036854775809", MSG_F_HEADCOUNT, LONG_MIN, LONG_MAX, &v, &e),
	          ERR_INT_RANGE);
	CHECK_INT(valid_int("99999999999999999999999999", MSG_F_HEADCOUNT, 0, 10, &v, &e),
	          ERR_INT_RANGE);
	CHECK_INT(valid_int("1.5", MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_STR(e.detail, "第2个字符是“.”");
	CHECK_INT(valid_int("1,000", MSG_F_HEADCOUNT, 0, 10000, &v, &e), ERR_INT_FORMAT);
	CHECK_INT(valid_int("1 000", MSG_F_HEADCOUNT, 0, 10000, &v, &e), ERR_INT_FORMAT);
	CHECK_INT(valid_int("abc", MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_INT(valid_int("5-", MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_INT(valid_int("--5", MSG_F_HEADCOUNT, -10, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_INT(valid_int("-", MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_STR(e.detail, "没有数字");
	CHECK_INT(valid_int("", MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_STR(e.detail, "未填写");
	CHECK_INT(valid_int(NULL, MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_INT(valid_int("\xff", MSG_F_HEADCOUNT, 0, 10, &v, &e), ERR_INT_FORMAT);
	CHECK_INT(valid_int("5", MSG_F_HEADCOUNT, 10, 0, &v, &e), ERR_INVALID_ARG);
	char *big = malloc(10241);
	REQUIRE(big != NULL);
	memset(big, '7', 10240);
	big[10240] = '\0';
	CHECK_INT(valid_int(big, MSG_F_HEADCOUNT, LONG_MIN, LONG_MAX, &v, &e), ERR_INT_RANGE);
	free(big);
}

TEST_MAIN(T(good_names), T(bad_names), T(name_messages_read_well), T(name_hostile_input),
          T(good_phones), T(bad_phones), T(phone_hostile_input), T(good_money), T(bad_money),
          T(money_format_round_trip), T(text_counts_characters),
          T(text_refuses_controls_and_bad_utf8), T(integers))
