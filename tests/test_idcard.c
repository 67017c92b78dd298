/*
 * Tests for forms/idcard: the vectors of the domain rules §1, 15→18
 * upgrades checked against a second checksum written here, derivation of
 * sex and birth date, and every kind of bad input.
 */
#include <stdlib.h>

#include "forms/idcard.h"
#include "tests/test.h"

static lb_date ymd(int y, int m, int d)
{
	lb_date x = 0;
	if (date_from_ymd(y, m, d, &x, NULL) != ERR_OK)
		test_fail(__FILE__, __LINE__, "bad date %d-%d-%d", y, m, d);
	return x;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Today for every case: 2024-05-01. */
static lb_date today(void)
{
	return ymd(2024, 5, 1);
}

/*
 * An independent check character: weights as 2^(18-i) mod 11 computed
 * here, value (12 - S mod 11) mod 11, 10 written X.
 */
static char ref_check(const char *s17)
{
	int sum = 0;
	for (int i = 1; i <= 17; i++) {
		int w = 1;
		for (int k = 0; k < 18 - i; k++)
			w = w * 2 % 11;
		sum += (s17[i - 1] - '0') * w;
	}
	int v = (12 - sum % 11) % 11;
	return v == 10 ? 'X' : (char)('0' + v);
}

/* 17 digits plus their correct check character, into out (19 bytes). */
static const char *with_check(const char *s17, char *out)
{
	memcpy(out, s17, 17);
	out[17] = ref_check(s17);
	out[18] = '\0';
	return out;
}

static err_code parse(const char *s, idcard_info *info, err_info *e)
{
	return idcard_parse(s, today(), info, e);
}

static void standard_vectors_valid(void)
{
	static const struct {
		const char *id;
		int sex, y, m, d;
	} v[] = {
	    {"11010519491231002X", 2, 1949, 12, 31},
	    {"420102198506170035", 1, 1985, 6, 17},
	    {"320106199211080266", 2, 1992, 11, 8},
	    {"440305200002290512", 1, 2000, 2, 29},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		idcard_info info;
		err_info e;
		CHECK_INT(parse(v[i].id, &info, &e), ERR_OK);
		CHECK_STR(info.id, v[i].id);
		CHECK_INT(info.sex, v[i].sex);
		CHECK_INT(info.birth, ymd(v[i].y, v[i].m, v[i].d));
		CHECK_INT(info.upgraded, 0);
		CHECK_INT(info.area_known, 1);
		CHECK_INT(idcard_check_char(v[i].id), v[i].id[17]);
		CHECK_INT(ref_check(v[i].id), v[i].id[17]);
	}
}

static void negative_vector_names_expected_check(void)
{
	err_info e;
	char buf[300];
	idcard_info info = {.sex = 42};
	CHECK_INT(parse("110105194912310021", &info, &e), ERR_ID_CHECKSUM);
	CHECK_INT(e.field, MSG_F_ID_NO);
	CHECK(strstr(e.detail, "末位应为X") != NULL);
	CHECK(strstr(e.detail, "现为1") != NULL);
	err_format(&e, buf, sizeof buf);
	CHECK(strncmp(buf, "公民身份号码：校验位错误", strlen("公民身份号码：校验位错误")) == 0);
	CHECK_INT(info.sex, 42); /* untouched on error */
}

static void lower_case_and_full_width_accepted(void)
{
	idcard_info info;
	CHECK_INT(parse("11010519491231002x", &info, NULL), ERR_OK);
	CHECK_STR(info.id, "11010519491231002X");
	CHECK_INT(parse("１１０１０５１９４９１２３１００２Ｘ", &info, NULL), ERR_OK);
	CHECK_STR(info.id, "11010519491231002X");
	CHECK_INT(parse("１１０１０５１９４９１２３１００２ｘ", &info, NULL), ERR_OK);
	CHECK_STR(info.id, "11010519491231002X");
	/* Trimmed: ASCII blanks, scanner line ends and the ideographic space. */
	CHECK_INT(parse(" \t420102198506170035\r\n", &info, NULL), ERR_OK);
	CHECK_STR(info.id, "420102198506170035");
	CHECK_INT(parse("\xE3\x80\x80"
	                "420102198506170035\xE3\x80\x80",
	                &info, NULL),
	          ERR_OK);
	CHECK_INT(parse("4201021985０６１７００３５", &info, NULL), ERR_OK);
}

static void rules_upgrades_15_to_18(void)
{
	char out[IDCARD_LEN + 1];
	idcard_info info;
	CHECK_INT(idcard_upgrade15("110105491231002", out, NULL), ERR_OK);
	CHECK_STR(out, "11010519491231002X");
	CHECK_INT(idcard_upgrade15("420102850617003", out, NULL), ERR_OK);
	CHECK_STR(out, "420102198506170035");
	CHECK_INT(idcard_upgrade15("110105980101997", out, NULL), ERR_OK);
	CHECK_STR(out, "110105189801019970");

	CHECK_INT(parse("110105491231002", &info, NULL), ERR_OK);
	CHECK_STR(info.id, "11010519491231002X");
	CHECK_INT(info.upgraded, 1);
	CHECK_INT(info.sex, 2);
	CHECK_INT(info.birth, ymd(1949, 12, 31));
	CHECK_INT(parse("110105980101997", &info, NULL), ERR_OK);
	CHECK_STR(info.id, "110105189801019970");
	CHECK_INT(info.birth, ymd(1898, 1, 1));
	CHECK_INT(info.sex, 1);
	CHECK_INT(parse("４２０１０２８５０６１７００３", &info, NULL), ERR_OK);
	CHECK_STR(info.id, "420102198506170035");
}

/*
 * Further upgrades. The expected numbers were computed by a separate
 * script; the test checks them again with ref_check and the century rule.
 */
static void upgrade_table(void)
{
	static const struct {
		const char *id15, *id18;
		int sex;
	} v[] = {
	    {"130102650315121", "13010219650315121X", 1},
	    {"140105720229042", "140105197202290422", 2},
	    {"150102800101331", "150102198001013311", 1},
	    {"210203770704216", "210203197707042169", 2},
	    {"220104660930418", "220104196609304186", 2},
	    {"230103590812025", "230103195908120257", 1},
	    {"310104881111374", "310104198811113747", 2},
	    {"320106531001999", "32010618531001999X", 1},
	    {"340104631205063", "340104196312050637", 1},
	    {"350203451001086", "350203194510010865", 2},
	    {"360102570515297", "360102195705152972", 1},
	    {"370102880808816", "370102198808088163", 2},
	    {"410105790620547", "410105197906205471", 1},
	    {"430103991231022", "430103199912310227", 2},
	    {"440305750101998", "440305187501019985", 2},
	    {"500103620404173", "500103196204041737", 1},
	    {"510104030101051", "510104190301010511", 1},
	    {"530102950707464", "530102199507074643", 2},
	    {"610103870321035", "61010319870321035X", 1},
	    {"620102021010386", "620102190210103862", 2},
	    {"650102690618115", "650102196906181159", 1},
	    {"710101800101012", "710101198001010127", 2},
	    {"810101900505026", "810101199005050263", 2},
	    {"820101850817037", "820101198508170379", 1},
	    /* the 996 boundary of the centenarian rule, both sides */
	    {"210102950101996", "210102189501019965", 2},
	    {"210102950101995", "210102199501019956", 1},
	    {"440106000101996", "440106180001019966", 2},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char out[IDCARD_LEN + 1];
		idcard_info info;
		const char *s15 = v[i].id15, *s18 = v[i].id18;
		/* The table itself: century by sequence, digits carried over, check by ref_check.
		 */
		int seq = atoi(s15 + 12);
		CHECK(memcmp(s18, s15, 6) == 0);
		CHECK(memcmp(s18 + 6, seq >= 996 ? "18" : "19", 2) == 0);
		CHECK(memcmp(s18 + 8, s15 + 6, 9) == 0);
		CHECK_INT(ref_check(s18), s18[17]);
		/* The module. */
		CHECK_INT(idcard_upgrade15(s15, out, NULL), ERR_OK);
		CHECK_STR(out, s18);
		CHECK_INT(parse(s15, &info, NULL), ERR_OK);
		CHECK_STR(info.id, s18);
		CHECK_INT(info.upgraded, 1);
		CHECK_INT(info.sex, v[i].sex);
		CHECK_INT(info.birth, ymd(num(s18 + 6, 4), num(s18 + 10, 2), num(s18 + 12, 2)));
		/* The upgraded number is itself valid. */
		CHECK_INT(parse(s18, NULL, NULL), ERR_OK);
	}
}

static void upgraded_number_validated(void)
{
	err_info e;
	/* 1900 was not a leap year: 000229 upgrades to 1900-02-29, which does not exist. */
	CHECK_INT(parse("330106000229118", NULL, &e), ERR_ID_BIRTH_INVALID);
	CHECK_STR(e.detail, "1900-02-29");
	CHECK_INT(parse("110105491331002", NULL, &e), ERR_ID_BIRTH_INVALID);
	CHECK_INT(parse("000105491231002", NULL, &e), ERR_ID_PROVINCE);
	/* A 15-digit number may not carry X anywhere. */
	CHECK_INT(parse("11010549123100X", NULL, &e), ERR_ID_CHARS);
	CHECK(strstr(e.detail, "第15位") != NULL);
	/* Born after "today" once upgraded. */
	CHECK_INT(idcard_parse("420102850617003", ymd(1985, 6, 16), NULL, &e), ERR_ID_BIRTH_FUTURE);
	CHECK_INT(idcard_parse("420102850617003", ymd(1985, 6, 17), NULL, &e), ERR_OK);
}

static void birth_date_real_and_not_future(void)
{
	char id[19];
	err_info e;
	idcard_info info;
	char buf[300];
	CHECK_INT(parse(with_check("11010520230229001", id), NULL, &e), ERR_ID_BIRTH_INVALID);
	CHECK_STR(e.detail, "2023-02-29");
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "公民身份号码：号码中的出生日期（第7至14位）不存在（2023-02-29）");
	CHECK_INT(parse(with_check("11010520240229001", id), &info, NULL), ERR_OK);
	CHECK_INT(parse(with_check("11010519491301001", id), NULL, &e), ERR_ID_BIRTH_INVALID);
	CHECK_INT(parse(with_check("11010519490000001", id), NULL, &e), ERR_ID_BIRTH_INVALID);
	CHECK_INT(parse(with_check("11010517991231001", id), NULL, &e), ERR_ID_BIRTH_INVALID);
	/* today is 2024-05-01: born that day is fine, the next day is not. */
	CHECK_INT(parse(with_check("11010520240501001", id), &info, NULL), ERR_OK);
	CHECK_INT(info.birth, today());
	CHECK_INT(info.sex, 1);
	CHECK_INT(parse(with_check("11010520240502002", id), NULL, &e), ERR_ID_BIRTH_FUTURE);
	CHECK(strstr(e.detail, "2024-05-02") != NULL && strstr(e.detail, "2024-05-01") != NULL);
	CHECK_INT(parse(with_check("11010520990101002", id), NULL, &e), ERR_ID_BIRTH_FUTURE);
}

static void sex_from_digit_17(void)
{
	char id[19], s17[18];
	idcard_info info;
	for (int digit = 0; digit <= 9; digit++) {
		snprintf(s17, sizeof s17, "3201061992110802%d", digit);
		CHECK_INT(parse(with_check(s17, id), &info, NULL), ERR_OK);
		CHECK_INT(info.sex, digit % 2 == 1 ? 1 : 2);
	}
}

static void province_prefix(void)
{
	char id[19];
	err_info e;
	CHECK_INT(parse(with_check("00010519491231002", id), NULL, &e), ERR_ID_PROVINCE);
	CHECK_STR(e.detail, "前两位是00");
	CHECK_INT(parse(with_check("72010519491231002", id), NULL, &e), ERR_ID_PROVINCE);
	CHECK_INT(parse(with_check("16010519491231002", id), NULL, &e), ERR_ID_PROVINCE);
	CHECK_INT(parse(with_check("99010519491231002", id), NULL, &e), ERR_ID_OTHER_TYPE);
	CHECK(strstr(e.detail, "外国人永久居留身份证") != NULL);
	CHECK_INT(parse(with_check("91110019800101001", id), NULL, &e), ERR_ID_OTHER_TYPE);
	CHECK_INT(parse(with_check("83000019800101001", id), NULL, &e), ERR_ID_OTHER_TYPE);
	CHECK(strstr(e.detail, "台湾居民居住证") != NULL);
	CHECK_INT(parse(with_check("81000019800101001", id), NULL, &e), ERR_ID_OTHER_TYPE);
	CHECK(strstr(e.detail, "香港") != NULL);
	CHECK_INT(parse(with_check("82000019800101001", id), NULL, &e), ERR_ID_OTHER_TYPE);
	CHECK(strstr(e.detail, "澳门") != NULL);
	/* Regions 71, 81, 82 themselves are accepted, as are all 31 mainland prefixes. */
	CHECK_INT(parse(with_check("71010119800101001", id), NULL, NULL), ERR_OK);
	CHECK_INT(parse(with_check("81010119800101001", id), NULL, NULL), ERR_OK);
	CHECK_INT(parse(with_check("82010119800101001", id), NULL, NULL), ERR_OK);
	static const int mainland[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33,
	                               34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50,
	                               51, 52, 53, 54, 61, 62, 63, 64, 65};
	for (size_t i = 0; i < sizeof mainland / sizeof mainland[0]; i++) {
		char s17[18];
		snprintf(s17, sizeof s17, "%d010119800101001", mainland[i]);
		CHECK_INT(parse(with_check(s17, id), NULL, NULL), ERR_OK);
	}
	int accepted = 0;
	for (int p = 0; p <= 99; p++) {
		char s17[18];
		snprintf(s17, sizeof s17, "%02d010119800101001", p);
		accepted += parse(with_check(s17, id), NULL, NULL) == ERR_OK;
	}
	CHECK_INT(accepted, 34);
}

static void length_named_in_detail(void)
{
	err_info e;
	char buf[300];
	CHECK_INT(parse("42010219850617003", NULL, &e), ERR_ID_LENGTH);
	CHECK_STR(e.detail, "现有17位");
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "公民身份号码：应为18位（旧版号码为15位）（现有17位）");
	CHECK_INT(parse("4201021985061700351", NULL, &e), ERR_ID_LENGTH);
	CHECK_STR(e.detail, "现有19位");
	CHECK_INT(parse("4201021985061700", NULL, &e), ERR_ID_LENGTH);
	CHECK_INT(parse("1", NULL, &e), ERR_ID_LENGTH);
	/* X at the end of a 17-character number: the length is what is wrong. */
	CHECK_INT(parse("4201021985061700X", NULL, &e), ERR_ID_LENGTH);
}

static void bad_characters_named_by_position(void)
{
	err_info e;
	char buf[300];
	CHECK_INT(parse("4201A2198506170035", NULL, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第5位是“A”");
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "公民身份号码：只能由数字组成，18位号码的末位可以是X（第5位是“A”）");
	CHECK_INT(parse("420102X98506170035", NULL, &e), ERR_ID_CHARS);
	CHECK(strstr(e.detail, "第7位") != NULL && strstr(e.detail, "末位") != NULL);
	CHECK_INT(parse("420102 198506170035", NULL, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第7位是空格");
	CHECK_INT(parse("420102-19850617-0035", NULL, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第7位是“-”");
	CHECK_INT(parse("４２０１０２张198506170035", NULL, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第7位是“张”");
	CHECK_INT(parse("42010219850617003５x", NULL, &e), ERR_ID_LENGTH);
}

static void every_single_digit_corruption_refused(void)
{
	const char *good = "420102198506170035";
	int accepted = 0;
	for (int pos = 0; pos < 18; pos++) {
		for (const char *c = "0123456789X"; *c; c++) {
			char id[19];
			memcpy(id, good, sizeof id);
			if (id[pos] == *c)
				continue;
			id[pos] = *c;
			accepted += parse(id, NULL, NULL) == ERR_OK;
		}
	}
	CHECK_INT(accepted, 0);
}

static void hostile_input_clean_errors(void)
{
	err_info e;
	idcard_info info;
	CHECK_INT(parse(NULL, &info, &e), ERR_ID_EMPTY);
	CHECK_INT(e.field, MSG_F_ID_NO);
	CHECK_INT(parse("", &info, &e), ERR_ID_EMPTY);
	CHECK_INT(parse("   \xE3\x80\x80 ", &info, &e), ERR_ID_EMPTY);

	char *big = malloc(10241);
	REQUIRE(big != NULL);
	memset(big, '1', 10240);
	big[10240] = '\0';
	CHECK_INT(parse(big, &info, &e), ERR_ID_LENGTH);
	CHECK_STR(e.detail, "现有10240位");
	memset(big, 'a', 10240);
	CHECK_INT(parse(big, &info, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第1位是“a”");
	for (int i = 0; i < 10240; i++)
		big[i] = (char)(i % 255 + 1);
	CHECK_INT(parse(big, &info, &e), ERR_ID_CHARS);
	free(big);

	CHECK_INT(parse("\x01\x02\x03", &info, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第1位是控制字符U+0001");
	CHECK_INT(parse("4201021985\xff"
	                "06170035",
	                &info, &e),
	          ERR_ID_CHARS);
	CHECK_STR(e.detail, "第11位是无法识别的字节0xFF");
	/* Truncated, overlong and surrogate sequences are bytes, not characters. */
	CHECK_INT(parse("420102198506170035\xE5\xBC", &info, &e), ERR_ID_CHARS);
	CHECK_INT(parse("\xC0\xB1"
	                "20102198506170035",
	                &info, &e),
	          ERR_ID_CHARS);
	CHECK_STR(e.detail, "第1位是无法识别的字节0xC0");
	CHECK_INT(parse("\xED\xA0\x80", &info, &e), ERR_ID_CHARS);
	CHECK_INT(parse("\xEF\xBB\xBF"
	                "420102198506170035",
	                &info, &e),
	          ERR_ID_CHARS);
	/* Errors with no err_info do not crash. */
	CHECK_INT(parse("\xff", NULL, NULL), ERR_ID_CHARS);
}

static void helpers_refuse_bad_arguments(void)
{
	char out[IDCARD_LEN + 1];
	err_info e;
	CHECK_INT(idcard_check_char(NULL), 0);
	CHECK_INT(idcard_check_char("1234"), 0);
	CHECK_INT(idcard_check_char("4201021985061700A"), 0);
	CHECK_INT(idcard_check_char("42010219850617003"), '5');
	CHECK_INT(idcard_upgrade15(NULL, out, &e), ERR_ID_EMPTY);
	CHECK_INT(idcard_upgrade15("12345", out, &e), ERR_ID_LENGTH);
	CHECK_INT(idcard_upgrade15("42010285061700A", out, &e), ERR_ID_CHARS);
	CHECK_STR(e.detail, "第15位不是数字");
}

TEST_MAIN(T(standard_vectors_valid), T(negative_vector_names_expected_check),
          T(lower_case_and_full_width_accepted), T(rules_upgrades_15_to_18), T(upgrade_table),
          T(upgraded_number_validated), T(birth_date_real_and_not_future), T(sex_from_digit_17),
          T(province_prefix), T(length_named_in_detail), T(bad_characters_named_by_position),
          T(every_single_digit_corruption_refused), T(hostile_input_clean_errors),
          T(helpers_refuse_bad_arguments))
