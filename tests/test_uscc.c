/*
 * Tests for forms/uscc: the worked examples of the domain rules §2, every
 * single-character corruption, the two check characters told apart, and
 * bad input of every kind. Codes built here use a second implementation of
 * both checks written in this file.
 */
#include <stdlib.h>

#include "forms/uscc.h"
#include "tests/test.h"

static const char ref_set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int ref_value31(char c)
{
	for (int i = 0; i < 31; i++)
		if (ref_set[i] == c)
			return i;
	return -1;
}

/* GB 32100: weights 3^(i-1) mod 31 computed on the fly. */
static char ref_c18(const char *s17)
{
	int sum = 0, w = 1;
	for (int i = 0; i < 17; i++) {
		sum += ref_value31(s17[i]) * w;
		w = w * 3 % 31;
	}
	return ref_set[(31 - sum % 31) % 31];
}

/* GB 11714 over the full alphabet. */
static char ref_c9(const char *b8)
{
	static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (b8[i] <= '9' ? b8[i] - '0' : b8[i] - 'A' + 10) * w[i];
	int c = 11 - sum % 11;
	return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

/* A valid code from its first 16 characters (out: 19 bytes). */
static const char *make(const char *first16, char *out)
{
	memcpy(out, first16, 16);
	out[16] = ref_c9(first16 + 8);
	out[17] = ref_c18(out);
	out[18] = '\0';
	return out;
}

static void worked_examples_valid(void)
{
	uscc_info info;
	err_info e;
	CHECK_INT(uscc_parse("91420102MA4K00010N", &info, &e), ERR_OK);
	CHECK_STR(info.code, "91420102MA4K00010N");
	CHECK_STR(info.org_code, "MA4K0001-0");
	CHECK_INT(info.dept_known, 1);
	CHECK_INT(uscc_parse("913201061234567883", &info, &e), ERR_OK);
	CHECK_STR(info.org_code, "12345678-8");
	CHECK_INT(uscc_org_check_char("MA4K0001"), '0');
	CHECK_INT(uscc_org_check_char("12345678"), '8');
	CHECK_INT(uscc_check_char("91420102MA4K00010"), 'N');
	CHECK_INT(uscc_check_char("91320106123456788"), '3');
	/* The reference agrees with the worked examples too. */
	CHECK_INT(ref_c9("MA4K0001"), '0');
	CHECK_INT(ref_c18("91420102MA4K00010"), 'N');
	CHECK_INT(ref_c18("91320106123456788"), '3');
}

static void check_chars_match_reference(void)
{
	/* Bodies over the whole alphabet, including letters only GB 11714 has. */
	static const char *bodies[] = {"ISOVZ123", "ZZZZZZZZ", "00000000", "A1B2C3D4",
	                               "99999999", "XYWUTRQP", "L0M1N2K3", "HJ7G6F5E"};
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
		CHECK_INT(uscc_org_check_char(bodies[i]), ref_c9(bodies[i]));
	int bad = 0;
	char s17[18];
	for (int i = 0; i < 31 * 17; i++) {
		for (int k = 0; k < 17; k++)
			s17[k] = ref_set[(i * 7 + k * (i % 5 + 1)) % 31];
		s17[17] = '\0';
		bad += uscc_check_char(s17) != ref_c18(s17);
	}
	CHECK_INT(bad, 0);
	CHECK_INT(uscc_check_char(NULL), 0);
	CHECK_INT(uscc_check_char("9142010 MA4K00010"), 0);
	CHECK_INT(uscc_check_char("91420102MO4K00010"), 0);
	CHECK_INT(uscc_org_check_char(NULL), 0);
	CHECK_INT(uscc_org_check_char("ma4k0001"), 0);
}

/*
 * GB 11714 misses a change of value by a multiple of 11 (0↔B, A↔L …);
 * such a change is still caught by the check at pos 18.
 */
static int same_mod11(char a, char b)
{
	int va = a <= '9' ? a - '0' : a - 'A' + 10, vb = b <= '9' ? b - '0' : b - 'A' + 10;
	return (va - vb) % 11 == 0;
}

static void every_single_corruption_refused(void)
{
	const char *codes[] = {"91420102MA4K00010N", "913201061234567883"};
	const char *alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-* ";
	for (size_t c = 0; c < 2; c++) {
		int accepted = 0, wrong_kind = 0;
		for (int pos = 0; pos < 18; pos++) {
			for (const char *a = alphabet; *a; a++) {
				char s[19];
				err_info e;
				memcpy(s, codes[c], sizeof s);
				if (s[pos] == *a)
					continue;
				s[pos] = *a;
				err_code rc = uscc_parse(s, NULL, &e);
				accepted += rc == ERR_OK;
				err_code want = ERR_USCC_CHECKSUM;
				if (strchr("IOSVZ-* ", *a) != NULL)
					want = ERR_USCC_CHARS;
				else if (pos >= 2 && pos < 8 && (*a < '0' || *a > '9'))
					want = ERR_USCC_AREA;
				else if (pos == 16 ||
				         (pos >= 8 && pos < 16 && !same_mod11(*a, codes[c][pos])))
					want = ERR_USCC_ORG_CHECK;
				if ((pos == 0 || pos == 17) && *a == ' ')
					want = ERR_USCC_LENGTH; /* an outer blank is trimmed */
				if (rc != want) {
					wrong_kind++;
					test_fail(__FILE__, __LINE__, "%s: %s, expected %s", s,
					          err_name(rc), err_name(want));
				}
			}
		}
		CHECK_INT(accepted, 0);
		CHECK_INT(wrong_kind, 0);
	}
}

static void forbidden_letters_named_by_position(void)
{
	err_info e;
	char buf[300];
	CHECK_INT(uscc_parse("91420102MA4KOOO1ON", NULL, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第13位是“O”，可能应为数字0");
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "统一社会信用代码：只能由数字和大写字母组成，且不使用I、O、S、V、Z"
	          "（第13位是“O”，可能应为数字0）");
	CHECK_INT(uscc_parse("9I420102MA4K00010N", NULL, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第2位是“I”，可能应为数字1");
	CHECK_INT(uscc_parse("91420102MA4K0S010N", NULL, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第14位是“S”，可能应为数字5");
	CHECK_INT(uscc_parse("91420102MAVK00010N", NULL, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第11位是“V”");
	CHECK_INT(uscc_parse("91420102MA4K00010Z", NULL, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第18位是“Z”，可能应为数字2");
	/* Lower-case forbidden letters are named upper-cased, by the same position. */
	CHECK_INT(uscc_parse("91420102mA4K0o010N", NULL, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第14位是“O”，可能应为数字0");
}

static void case_width_and_blanks_folded(void)
{
	uscc_info info;
	CHECK_INT(uscc_parse("91420102ma4k00010n", &info, NULL), ERR_OK);
	CHECK_STR(info.code, "91420102MA4K00010N");
	CHECK_INT(uscc_parse("９１４２０１０２ＭＡ４Ｋ００010ｎ", &info, NULL), ERR_OK);
	CHECK_STR(info.code, "91420102MA4K00010N");
	CHECK_INT(uscc_parse(" \xE3\x80\x80"
	                     "913201061234567883\t\n",
	                     &info, NULL),
	          ERR_OK);
	CHECK_STR(info.code, "913201061234567883");
}

static void org_check_told_apart_from_c18(void)
{
	err_info e;
	char buf[300];
	/* pos 17 wrong, pos 18 recomputed over it so only the 组织机构代码 check fails */
	char s[19] = "91420102MA4K00011";
	s[17] = ref_c18(s);
	s[18] = '\0';
	CHECK_INT(uscc_parse(s, NULL, &e), ERR_USCC_ORG_CHECK);
	CHECK_STR(e.detail, "按第9至16位计算第17位应为0，现为1");
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "统一社会信用代码：第17位（组织机构代码的校验码）错误，请核对第9至17位"
	          "（按第9至16位计算第17位应为0，现为1）");
	/* pos 17 right, pos 18 wrong */
	CHECK_INT(uscc_parse("91420102MA4K00010M", NULL, &e), ERR_USCC_CHECKSUM);
	CHECK(strstr(e.detail, "第18位应为N，现为M") != NULL);
	CHECK_INT(uscc_parse("913201061234567880", NULL, &e), ERR_USCC_CHECKSUM);
	CHECK(strstr(e.detail, "应为3") != NULL);
	/* org check value X (10) and 0 (11) */
	char code[19];
	uscc_info info;
	int saw_x = 0, saw_0 = 0;
	for (int i = 0; i < 200; i++) {
		char first16[17];
		snprintf(first16, sizeof first16, "91110000%08d", i * 7919);
		make(first16, code);
		CHECK_INT(uscc_parse(code, &info, NULL), ERR_OK);
		saw_x += code[16] == 'X';
		saw_0 += code[16] == '0';
	}
	CHECK(saw_x > 0 && saw_0 > 0);
}

static void area_must_be_digits(void)
{
	err_info e;
	CHECK_INT(uscc_parse("91A20102MA4K00010N", NULL, &e), ERR_USCC_AREA);
	CHECK_STR(e.detail, "第3位是“A”");
	CHECK_INT(uscc_parse("9142010BMA4K00010N", NULL, &e), ERR_USCC_AREA);
	CHECK_STR(e.detail, "第8位是“B”");
}

static void dept_known_core_set(void)
{
	static const struct {
		const char *pair;
		int known;
	} v[] = {{"11", 1}, {"12", 1}, {"13", 1}, {"19", 1}, {"51", 1}, {"52", 1}, {"53", 1},
	         {"59", 1}, {"91", 1}, {"92", 1}, {"93", 1}, {"Y1", 1}, {"14", 0}, {"54", 0},
	         {"99", 0}, {"21", 0}, {"31", 0}, {"A1", 0}, {"N1", 0}, {"Y2", 0}, {"G9", 0}};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char first16[17], code[19];
		uscc_info info;
		snprintf(first16, sizeof first16, "%s420102MA4K0001", v[i].pair);
		CHECK_INT(uscc_parse(make(first16, code), &info, NULL), ERR_OK);
		CHECK_INT(info.dept_known, v[i].known);
	}
}

static void hostile_input_clean_errors(void)
{
	err_info e;
	uscc_info info;
	CHECK_INT(uscc_parse(NULL, &info, &e), ERR_USCC_EMPTY);
	CHECK_INT(e.field, MSG_F_USCC);
	CHECK_INT(uscc_parse("", &info, &e), ERR_USCC_EMPTY);
	CHECK_INT(uscc_parse(" \t ", &info, &e), ERR_USCC_EMPTY);
	CHECK_INT(uscc_parse("91420102MA4K00010", &info, &e), ERR_USCC_LENGTH);
	CHECK_STR(e.detail, "现有17位");
	CHECK_INT(uscc_parse("91420102MA4K00010NN", &info, &e), ERR_USCC_LENGTH);
	CHECK_INT(uscc_parse("420102000012345", &info, &e), ERR_USCC_LENGTH);
	CHECK(strstr(e.detail, "工商注册号") != NULL);
	CHECK_INT(uscc_parse("MA4K0001-0", &info, &e), ERR_USCC_LENGTH);
	CHECK(strstr(e.detail, "组织机构代码") != NULL);
	CHECK_INT(uscc_parse("MA4K00010", &info, &e), ERR_USCC_LENGTH);
	CHECK(strstr(e.detail, "组织机构代码") != NULL);
	CHECK_INT(uscc_parse("91420102-MA4K00010N", &info, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第9位是“-”");
	CHECK_INT(uscc_parse("9142 0102MA4K00010N", &info, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第5位是空格");

	char *big = malloc(10241);
	REQUIRE(big != NULL);
	memset(big, 'A', 10240);
	big[10240] = '\0';
	CHECK_INT(uscc_parse(big, &info, &e), ERR_USCC_LENGTH);
	CHECK_STR(e.detail, "现有10240位");
	for (int i = 0; i < 10240; i++)
		big[i] = (char)(i % 255 + 1);
	CHECK_INT(uscc_parse(big, &info, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第1位是控制字符U+0001");
	free(big);

	CHECK_INT(uscc_parse("91420102MA4K\xff"
	                     "0010N",
	                     &info, &e),
	          ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第13位是无法识别的字节0xFF");
	CHECK_INT(uscc_parse("91420102MA4K0001\xC3", &info, &e), ERR_USCC_CHARS);
	CHECK_INT(uscc_parse("91420102MA4K0001张N", &info, &e), ERR_USCC_CHARS);
	CHECK_STR(e.detail, "第17位是“张”");
	CHECK_INT(uscc_parse("\xff", NULL, NULL), ERR_USCC_CHARS);
}

TEST_MAIN(T(worked_examples_valid), T(check_chars_match_reference),
          T(every_single_corruption_refused), T(forbidden_letters_named_by_position),
          T(case_width_and_blanks_folded), T(org_check_told_apart_from_c18), T(area_must_be_digits),
          T(dept_known_core_set), T(hostile_input_clean_errors))
