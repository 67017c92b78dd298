/*
 * Tests for the message catalog and error records (locale/msg, locale/err).
 */
#include "locale/err.h"
#include "tests/test.h"

static void format_names_field_rule_and_detail(void)
{
	err_info e;
	char buf[256];
	CHECK_INT(err_set(&e, ERR_NOT_FOUND, MSG_F_ID_NO, "%s", "110101"), ERR_NOT_FOUND);
	CHECK_STR(err_format(&e, buf, sizeof buf), "公民身份号码：未找到记录（110101）");
	err_set(&e, ERR_NOT_FOUND, MSG_NONE, NULL);
	CHECK_STR(err_format(&e, buf, sizeof buf), "未找到记录");
	err_clear(&e);
	CHECK_STR(err_format(&e, buf, sizeof buf), "");
}

static void long_detail_cut_on_character_boundary(void)
{
	err_info e;
	char big[1000] = "";
	for (int i = 0; i < 300; i++)
		strcat(big, "张");
	err_set(&e, ERR_IO, MSG_NONE, "%s", big);
	size_t n = strlen(e.detail);
	CHECK(n > 0 && n % 3 == 0); /* whole 3-byte characters only */
	char small[20];
	err_format(&e, small, sizeof small);
	CHECK(strlen(small) < sizeof small);
	/* "读写文件出错（" is 7 characters of 3 bytes: anything cut must be whole */
	CHECK_INT(strlen(small) % 3, 0);
}

static void every_code_and_message_has_text(void)
{
	for (int c = 1; c < ERR_COUNT; c++) {
		CHECK(err_text((err_code)c)[0] != '\0');
		CHECK(strncmp(err_name((err_code)c), "ERR_", 4) == 0);
	}
	for (int m = 1; m < MSG_COUNT; m++)
		CHECK(msg_text((msg_id)m)[0] != '\0');
	CHECK_STR(err_text((err_code)-1), "");
	CHECK_STR(msg_text((msg_id)MSG_COUNT), "");
	CHECK(err_set(NULL, ERR_IO, MSG_NONE, NULL) == ERR_IO);
}

TEST_MAIN(T(format_names_field_rule_and_detail), T(long_detail_cut_on_character_boundary),
          T(every_code_and_message_has_text))
