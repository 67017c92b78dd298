/*
 * Tests for forms/unemp_rules: the rules of 失业登记 without a database —
 * contribution time as typed, entitlement at the 1/5/10-year boundaries
 * and why it is refused, working age on the registration date, the date
 * rules, 4050人员 on both sides of the birthday, 就业困难人员 kinds against
 * the categories, and 就业创业证 numbers from templates.
 */
#include <stdio.h>
#include <string.h>

#include "forms/unemp_rules.h"
#include "tests/test.h"

static lb_date d(int y, int m, int dd)
{
	lb_date out = 0;
	date_from_ymd(y, m, dd, &out, NULL);
	return out;
}

/* The user's line for an error: "字段：规则（细节）". */
static const char *says(const err_info *e)
{
	static char buf[400];
	return err_format(e, buf, sizeof buf);
}

static int contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle) != NULL)
		return 1;
	fprintf(stderr, "# \"%s\" lacks \"%s\"\n", hay, needle);
	return 0;
}

static int months_of(const char *text)
{
	int m = -1;
	err_info e;
	if (unemp_rules_contrib_parse(text, MSG_UF_CONTRIB, &m, &e) != ERR_OK) {
		fprintf(stderr, "# \"%s\": %s\n", text, says(&e));
		return -1;
	}
	return m;
}

static void contribution_typed_as_years_or_months(void)
{
	CHECK_INT(months_of(""), 0);
	CHECK_INT(months_of("  "), 0);
	CHECK_INT(months_of("0"), 0);
	CHECK_INT(months_of("1"), 12);
	CHECK_INT(months_of("1.5"), 18);
	CHECK_INT(months_of("1.5年"), 18);
	CHECK_INT(months_of("１．５"), 18);
	CHECK_INT(months_of("1.25"), 15);
	CHECK_INT(months_of("0.5"), 6);
	CHECK_INT(months_of("3年"), 36);
	CHECK_INT(months_of("18个月"), 18);
	CHECK_INT(months_of("18月"), 18);
	CHECK_INT(months_of("３年６个月"), 42);
	CHECK_INT(months_of("3年6月"), 42);
	CHECK_INT(months_of(" 3 年 6 个月 "), 42);
	CHECK_INT(months_of("50"), 600);
	CHECK_INT(months_of("600个月"), 600);
	CHECK_INT(months_of("49年11个月"), 599);
}

static err_code contrib_error(const char *text, err_info *e)
{
	int m = 77;
	err_code c = unemp_rules_contrib_parse(text, MSG_UF_CONTRIB, &m, e);
	if (c != ERR_OK)
		CHECK_INT(m, 0); /* nothing half-parsed is handed back */
	return c;
}

static void contribution_refused_with_the_field_named(void)
{
	err_info e;
	CHECK_INT(contrib_error("-1", &e), ERR_UNEMP_CONTRIB_NEGATIVE);
	CHECK(contains(says(&e), "失业保险缴费年限：不能为负数"));
	CHECK_INT(contrib_error("－2年", &e), ERR_UNEMP_CONTRIB_NEGATIVE);
	CHECK_INT(contrib_error("51", &e), ERR_UNEMP_CONTRIB_TOO_LONG);
	CHECK(contains(says(&e), "失业保险缴费年限：不能超过50年"));
	CHECK_INT(contrib_error("601个月", &e), ERR_UNEMP_CONTRIB_TOO_LONG);
	CHECK_INT(contrib_error("99999999999999999999", &e), ERR_UNEMP_CONTRIB_TOO_LONG);
	CHECK_INT(contrib_error("1.3", &e), ERR_UNEMP_CONTRIB_FRACTION);
	CHECK(contains(says(&e), "15.6个月"));
	CHECK(contains(says(&e), "16个月"));
	CHECK_INT(contrib_error("1.23456", &e), ERR_UNEMP_CONTRIB_FRACTION);
	static const char *const bad[] = {
	    "abc",   "1.5.2", "3年14个月", "个",  "3个", "1.",       ".5",   "年",  "3年6",  "1-2",
	    "2年年", "月3",   "3月6",      "--1", "+3",  "\xff\x01", "三年", "1,5", "3个年", "1e3",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_code c = contrib_error(bad[i], &e);
		if (c != ERR_UNEMP_CONTRIB_FORMAT)
			test_fail(__FILE__, __LINE__, "\"%s\" gave %s", bad[i], err_name(c));
		else
			CHECK_INT(e.field, MSG_UF_CONTRIB);
	}
	/* Over-long and binary input: an error, never a crash. */
	char big[3000];
	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK(contrib_error(big, &e) != ERR_OK);
	CHECK_INT(contrib_error(NULL, &e), ERR_OK);
}

static void contribution_no_longer_than_working_life(void)
{
	err_info e;
	/* 16 on 2016-01-01; 2026-03-02 is 122 whole months later. */
	CHECK_INT(
	    unemp_rules_contrib_plausible(122, d(2000, 1, 1), d(2026, 3, 2), MSG_UF_CONTRIB, &e),
	    ERR_OK);
	CHECK_INT(
	    unemp_rules_contrib_plausible(123, d(2000, 1, 1), d(2026, 3, 2), MSG_UF_CONTRIB, &e),
	    ERR_UNEMP_CONTRIB_BEYOND_AGE);
	CHECK(contains(says(&e), "最多122个月"));
	/* Just 16: no contribution possible yet. */
	CHECK_INT(
	    unemp_rules_contrib_plausible(1, d(2010, 3, 2), d(2026, 3, 2), MSG_UF_CONTRIB, &e),
	    ERR_UNEMP_CONTRIB_BEYOND_AGE);
	CHECK_INT(
	    unemp_rules_contrib_plausible(0, d(2010, 3, 2), d(2026, 3, 2), MSG_UF_CONTRIB, &e),
	    ERR_OK);
}

static void entitlement_at_the_one_five_ten_year_boundaries(void)
{
	static const struct {
		int months, want;
	} t[] = {{0, 0},   {11, 0},   {12, 12},  {13, 12},  {59, 12}, {60, 18},
	         {61, 18}, {119, 18}, {120, 24}, {121, 24}, {600, 24}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		err_info why;
		int got = unemp_rules_entitlement(t[i].months, 1, &why);
		if (got != t[i].want)
			test_fail(__FILE__, __LINE__, "%d months: %d, expected %d", t[i].months,
			          got, t[i].want);
		CHECK_INT(why.code, t[i].want ? ERR_OK : ERR_UI_TOO_SHORT);
	}
	err_info why;
	CHECK_INT(unemp_rules_entitlement(120, 0, &why), 0);
	CHECK_INT(why.code, ERR_UI_NOT_INVOLUNTARY);
	CHECK_INT(unemp_rules_entitlement(-5, 1, &why), 0);
	CHECK_INT(why.code, ERR_UI_TOO_SHORT);
	CHECK_INT(unemp_rules_entitlement(12, 1, NULL), 12);
}

static void entitlement_explained_on_the_form(void)
{
	char buf[200];
	CHECK_STR(unemp_rules_ui_text(18, 1, buf, sizeof buf),
	          "累计缴费18个月，可领取失业保险金12个月");
	CHECK_STR(unemp_rules_ui_text(60, 1, buf, sizeof buf),
	          "累计缴费60个月，可领取失业保险金18个月");
	CHECK_STR(unemp_rules_ui_text(120, 1, buf, sizeof buf),
	          "累计缴费120个月，可领取失业保险金24个月");
	CHECK_STR(unemp_rules_ui_text(8, 1, buf, sizeof buf),
	          "累计缴费8个月，不能领取失业保险金：失业保险累计缴费不满一年");
	CHECK_STR(unemp_rules_ui_text(36, 0, buf, sizeof buf),
	          "累计缴费36个月，不能领取失业保险金：因本人意愿中断就业，不享受失业保险金");
	CHECK_STR(unemp_rules_ui_text(36, -1, buf, sizeof buf),
	          "累计缴费36个月；请填写是否非本人意愿失业");
	char tiny[8];
	unemp_rules_ui_text(120, 1, tiny, sizeof tiny);
	CHECK(strlen(tiny) < sizeof tiny);
}

static void working_age_on_the_registration_date(void)
{
	err_info e;
	/* Man born 1965-01-15: 60 years and 1 month, retiring 2025-02-15 (rules §7). */
	CHECK_INT(unemp_rules_check_age(1, 0, d(1965, 1, 15), d(2025, 2, 14), MSG_F_ID_NO, &e),
	          ERR_OK);
	CHECK_INT(unemp_rules_check_age(1, 0, d(1965, 1, 15), d(2025, 2, 15), MSG_F_ID_NO, &e),
	          ERR_UNEMP_CANNOT_REGISTER);
	CHECK(contains(says(&e), "公民身份号码：不能办理失业登记（已达到法定退休年龄"));
	CHECK(contains(says(&e), "2025-02-15"));
	/* Woman born 1975-06-01: as a 工人 retired 50y3m (2025-09-01); as a 干部 55y5m. */
	CHECK_INT(unemp_rules_check_age(2, 0, d(1975, 6, 1), d(2026, 3, 2), MSG_F_ID_NO, &e),
	          ERR_UNEMP_CANNOT_REGISTER);
	CHECK(contains(says(&e), "2025-09-01"));
	CHECK_INT(unemp_rules_check_age(2, 1, d(1975, 6, 1), d(2026, 3, 2), MSG_F_ID_NO, &e),
	          ERR_OK);
	CHECK_INT(unemp_rules_retire_group(2, 1), RETIRE_FEMALE_55);
	CHECK_INT(unemp_rules_retire_group(2, 0), RETIRE_FEMALE_50);
	CHECK_INT(unemp_rules_retire_group(1, 1), RETIRE_MALE);
	/* Under 16 the day before the 16th birthday, fine on it. */
	CHECK_INT(unemp_rules_check_age(1, 0, d(2010, 3, 3), d(2026, 3, 2), MSG_UF_REG_DATE, &e),
	          ERR_UNEMP_CANNOT_REGISTER);
	CHECK(contains(says(&e), "登记日期：不能办理失业登记（未满16周岁"));
	CHECK(contains(says(&e), "2026-03-03满16周岁"));
	CHECK_INT(unemp_rules_check_age(1, 0, d(2010, 3, 2), d(2026, 3, 2), MSG_UF_REG_DATE, &e),
	          ERR_OK);
	CHECK_INT(unemp_rules_check_age(9, 0, d(1990, 1, 1), d(2026, 3, 2), MSG_F_ID_NO, &e),
	          ERR_INVALID_ARG);
}

static void registration_end_and_service_dates(void)
{
	err_info e;
	CHECK_INT(
	    unemp_rules_check_reg_date(d(1985, 6, 16), d(1985, 6, 17), 0, MSG_UF_REG_DATE, &e),
	    ERR_UNEMP_BEFORE_BIRTH);
	CHECK(contains(says(&e), "登记日期：不能早于出生日期（出生日期1985-06-17）"));
	CHECK_INT(unemp_rules_check_reg_date(d(2026, 1, 9), d(1985, 6, 17), d(2026, 1, 10),
	                                     MSG_UF_REG_DATE, &e),
	          ERR_UNEMP_BEFORE_PREV_END);
	CHECK(contains(says(&e), "2026-01-10"));
	CHECK_INT(unemp_rules_check_reg_date(d(2026, 1, 10), d(1985, 6, 17), d(2026, 1, 10),
	                                     MSG_UF_REG_DATE, &e),
	          ERR_OK);

	CHECK_INT(unemp_rules_check_end_date(d(2026, 1, 10), d(2026, 1, 9), MSG_UF_END_DATE, &e),
	          ERR_UNEMP_END_BEFORE_START);
	CHECK(contains(says(&e), "结束日期：不能早于登记日期（登记日期2026-01-10）"));
	CHECK_INT(unemp_rules_check_end_date(d(2026, 1, 10), d(2026, 1, 10), MSG_UF_END_DATE, &e),
	          ERR_OK);

	lb_date reg = d(2026, 1, 10), today = d(2026, 3, 2);
	CHECK_INT(unemp_rules_check_service_date(reg, 0, today, reg, MSG_UF_SERVICE_DATE, &e),
	          ERR_OK);
	CHECK_INT(unemp_rules_check_service_date(reg, 0, today, today, MSG_UF_SERVICE_DATE, &e),
	          ERR_OK);
	CHECK_INT(unemp_rules_check_service_date(reg, 0, today, reg - 1, MSG_UF_SERVICE_DATE, &e),
	          ERR_UNEMP_SERVICE_OUTSIDE);
	CHECK(contains(says(&e), "2026-01-10至2026-03-02"));
	CHECK_INT(unemp_rules_check_service_date(reg, d(2026, 2, 1), today, d(2026, 2, 2),
	                                         MSG_UF_SERVICE_DATE, &e),
	          ERR_UNEMP_SERVICE_OUTSIDE);

	CHECK(unemp_rules_end_takes_employer("ZX01"));
	CHECK(unemp_rules_end_takes_employer("ZX10"));
	CHECK(!unemp_rules_end_takes_employer("ZX05"));
	CHECK(!unemp_rules_end_takes_employer("ZX11"));
	CHECK(!unemp_rules_end_takes_employer(""));
	CHECK(!unemp_rules_end_takes_employer(NULL));

	CHECK_INT(unemp_rules_months_registered(d(2025, 9, 2), d(2026, 3, 1)), 5);
	CHECK_INT(unemp_rules_months_registered(d(2025, 9, 2), d(2026, 3, 2)), 6);
	CHECK_INT(unemp_rules_months_registered(d(2026, 3, 2), d(2026, 3, 1)), 0);
}

static const char *with_4050(const char *codes, int yes)
{
	static char out[64];
	if (unemp_rules_with_4050(codes, yes, out, sizeof out, NULL) != ERR_OK)
		return "(error)";
	return out;
}

static void category_4050_on_both_sides_of_the_birthday(void)
{
	/* Woman born 1986-03-02 turns 40 on 2026-03-02; a man born 1976-03-02 turns 50. */
	CHECK(!statute_is_4050(2, d(1986, 3, 2), d(2026, 3, 1)));
	CHECK(statute_is_4050(2, d(1986, 3, 2), d(2026, 3, 2)));
	CHECK(!statute_is_4050(1, d(1976, 3, 2), d(2026, 3, 1)));
	CHECK(statute_is_4050(1, d(1976, 3, 2), d(2026, 3, 2)));
	CHECK(!statute_is_4050(1, d(1986, 3, 2), d(2026, 3, 2))); /* a man of 40 is not */

	CHECK_STR(with_4050("", 1), "01");
	CHECK_STR(with_4050("", 0), "");
	CHECK_STR(with_4050("02,04", 1), "01,02,04");
	CHECK_STR(with_4050("01,02", 0), "02");
	CHECK_STR(with_4050("01", 1), "01");
	CHECK_STR(with_4050("01", 0), "");
	CHECK_STR(with_4050("00,08", 1), "00,01,08");
	CHECK_STR(with_4050("08", 1), "01,08");
	CHECK_STR(with_4050(NULL, 1), "01");
	char small[3];
	CHECK_INT(unemp_rules_with_4050("02,04", 1, small, sizeof small, NULL), ERR_INVALID_ARG);

	CHECK(unemp_rules_has("01,02,13", "13"));
	CHECK(unemp_rules_has("01,02,13", "01"));
	CHECK(!unemp_rules_has("01,02,13", "1"));
	CHECK(!unemp_rules_has("", "01"));
	CHECK(!unemp_rules_has("01", ""));
}

static void difficulty_kind_agrees_with_categories(void)
{
	err_info e;
	CHECK_INT(unemp_rules_check_difficulty("02", "01,04", MSG_UF_DIFFICULTY, &e),
	          ERR_UNEMP_DIFFICULTY_CATEGORY);
	CHECK(contains(says(&e), "就业困难人员类别：与人员类别不一致（选“残疾人”时"));
	CHECK_INT(unemp_rules_check_difficulty("02", "03", MSG_UF_DIFFICULTY, &e), ERR_OK);
	CHECK_INT(unemp_rules_check_difficulty("03", "02", MSG_UF_DIFFICULTY, &e), ERR_OK);
	CHECK_INT(unemp_rules_check_difficulty("01", "02", MSG_UF_DIFFICULTY, &e),
	          ERR_UNEMP_DIFFICULTY_CATEGORY);
	CHECK(contains(says(&e), "4050人员"));
	CHECK_INT(unemp_rules_check_difficulty("06", "06", MSG_UF_DIFFICULTY, &e), ERR_OK);
	CHECK_INT(unemp_rules_check_difficulty("99", "", MSG_UF_DIFFICULTY, &e), ERR_OK);
	CHECK_INT(unemp_rules_check_difficulty("", "", MSG_UF_DIFFICULTY, &e), ERR_OK);
	CHECK_INT(unemp_rules_check_difficulty(NULL, NULL, MSG_UF_DIFFICULTY, &e), ERR_OK);
}

static void card_number_from_the_default_template(void)
{
	unemp_card_facts f = {.area = "420102", .office = "420102", .hukou_kind = 1, .year = 2026};
	char out[32];
	err_info e;
	/* 4201021?26000001: the check digit is the sum of the others, 19, mod 10. */
	CHECK_INT(
	    unemp_rules_card_make("{area6}{hukou1}{check1}{yy}{seq6}", &f, 1, out, sizeof out, &e),
	    ERR_OK);
	CHECK_STR(out, "4201021926000001");
	CHECK_INT(
	    unemp_rules_card_make("{area}{hukou}{check}{yy}{seq:6}", &f, 1, out, sizeof out, &e),
	    ERR_OK);
	CHECK_STR(out, "4201021926000001");
	f.hukou_kind = 2;
	CHECK_INT(
	    unemp_rules_card_make("{area}{hukou}{check}{yy}{seq}", &f, 123456, out, sizeof out, &e),
	    ERR_OK);
	CHECK_STR(out, "4201022026123456"); /* 9 + 2 + 8 + 21 = 40 */
}

static void card_number_templates_and_their_errors(void)
{
	unemp_card_facts f = {.area = "420102", .office = "JA01", .hukou_kind = 1, .year = 2026};
	char out[32], glob[160];
	int at = -1, len = -1;
	err_info e;
	CHECK_INT(unemp_rules_card_glob("{area6}{hukou1}{check1}{yy}{seq6}", &f, glob, sizeof glob,
	                                &at, &len, &e),
	          ERR_OK);
	CHECK_STR(glob, "420102??26[0-9][0-9][0-9][0-9][0-9][0-9]");
	CHECK_INT(at, 10);
	CHECK_INT(len, 6);
	CHECK_INT(unemp_rules_card_make("JY{office}{yyyy}{seq4}", &f, 7, out, sizeof out, &e),
	          ERR_OK);
	CHECK_STR(out, "JYJA0120260007");
	CHECK_INT(
	    unemp_rules_card_glob("JY{office}{yyyy}{seq4}", &f, glob, sizeof glob, &at, &len, &e),
	    ERR_OK);
	CHECK_INT(at, 10);
	CHECK_INT(len, 4);

	static const char *const bad[] = {
	    "{area6}{hukou1}{check1}{yy}",     /* no sequence */
	    "{area6}{seq6}{seq6}",             /* two sequences */
	    "{area6}{check}{check}{seq6}",     /* two check digits */
	    "{area6}{seq0}",                   /* width 0 */
	    "{area6}{foo}{seq6}",              /* unknown field */
	    "{area6{seq6}",                    /* unbalanced */
	    "sy{area6}{seq6}",                 /* lower case literal */
	    "{area6}-{seq6}",                  /* punctuation */
	    "{seq3}",                          /* under 6 characters */
	    "{area6}{area6}{area6}{seq6}",     /* over 20 */
	    "就业{area6}{seq6}",               /* not ASCII */
	    "{area6}{yyyy}{yyyy}{yyyy}{seq6}", /* over 20 */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_code c = unemp_rules_card_make(bad[i], &f, 1, out, sizeof out, &e);
		if (c != ERR_UNEMP_CARD_TEMPLATE)
			test_fail(__FILE__, __LINE__, "\"%s\" gave %s", bad[i], err_name(c));
	}
	/* {office} needs a code made of digits and capitals. */
	unemp_card_facts g = f;
	g.office = "ja-01";
	CHECK_INT(unemp_rules_card_make("{office}{seq6}", &g, 1, out, sizeof out, &e),
	          ERR_UNEMP_CARD_TEMPLATE);
	/* No area code for {area}. */
	g = f;
	g.area = "";
	CHECK_INT(unemp_rules_card_make("{area6}{seq6}", &g, 1, out, sizeof out, &e),
	          ERR_UNEMP_CARD_NO_AREA);
	g.area = "42010X";
	CHECK_INT(unemp_rules_card_glob("{area6}{seq6}", &g, glob, sizeof glob, &at, &len, &e),
	          ERR_UNEMP_CARD_NO_AREA);
	/* The sequence ran out of digits. */
	CHECK_INT(unemp_rules_card_make("{area6}{seq6}", &f, 999999, out, sizeof out, &e), ERR_OK);
	CHECK_INT(unemp_rules_card_make("{area6}{seq6}", &f, 1000000, out, sizeof out, &e),
	          ERR_UNEMP_CARD_EXHAUSTED);
	/* The caller's buffer is too small: refused, not overrun. */
	char small[8];
	CHECK_INT(unemp_rules_card_make("{area6}{seq6}", &f, 1, small, sizeof small, &e),
	          ERR_INVALID_ARG);
}

static void card_number_typed_by_hand(void)
{
	err_info e;
	CHECK_INT(unemp_rules_card_check("4201021926000001", MSG_UF_CARD_NO, &e), ERR_OK);
	CHECK_INT(unemp_rules_card_check("JY000001", MSG_UF_CARD_NO, &e), ERR_OK);
	static const char *const bad[] = {
	    "",         "12345",      "123456789012345678901",       "abc12345",
	    "4201-021", "张三123456", "\xff\xfe\x01\x02\x03\x04\x05"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_code c = unemp_rules_card_check(bad[i], MSG_UF_CARD_NO, &e);
		if (c != ERR_UNEMP_CARD_FORMAT)
			test_fail(__FILE__, __LINE__, "card %zu gave %s", i, err_name(c));
	}
	CHECK(contains(says(&e), "就业创业证号：应为6至20位数字或大写英文字母"));
	CHECK_INT(unemp_rules_card_check(NULL, MSG_UF_CARD_NO, &e), ERR_UNEMP_CARD_FORMAT);
}

TEST_MAIN(T(contribution_typed_as_years_or_months), T(contribution_refused_with_the_field_named),
          T(contribution_no_longer_than_working_life),
          T(entitlement_at_the_one_five_ten_year_boundaries), T(entitlement_explained_on_the_form),
          T(working_age_on_the_registration_date), T(registration_end_and_service_dates),
          T(category_4050_on_both_sides_of_the_birthday), T(difficulty_kind_agrees_with_categories),
          T(card_number_from_the_default_template), T(card_number_templates_and_their_errors),
          T(card_number_typed_by_hand))
