/*
 * Tests for the message catalog and error records (locale/msg, locale/err).
 */
#include <locale.h>

#include "locale/err.h"
#include "locale/text.h"
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

/*
 * The printf conversions of a format, in order and as written ("%zu%s" for
 * "第%zu位是%s"); "%%" is text, not a conversion. Anything malformed ends
 * the list with "%?" so it cannot match a table row.
 */
static void conversions(const char *fmt, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '%') {
			p++;
			continue;
		}
		const char *q = p + 1;
		q += strspn(q, "-+ #0");
		if (*q == '*')
			q++;
		else
			q += strspn(q, "0123456789");
		if (*q == '.') {
			q++;
			if (*q == '*')
				q++;
			else
				q += strspn(q, "0123456789");
		}
		q += strspn(q, "hlzjtL");
		int ok = *q != '\0' && strchr("diouxXcsfFeEgGaAp", *q) != NULL;
		size_t len = ok ? (size_t)(q - p + 1) : 2;
		if (n + len >= size)
			break;
		memcpy(out + n, ok ? p : "%?", len);
		n += len;
		out[n] = '\0';
		if (!ok)
			break;
		p = q;
	}
}

static void conversions_parsed_as_written(void)
{
	char c[64];
	conversions("第%zu位是%s", c, sizeof c);
	CHECK_STR(c, "%zu%s");
	conversions("%04d-%02d-%02d，今天是%s", c, sizeof c);
	CHECK_STR(c, "%04d%02d%02d%s");
	conversions("“%.*s”%.2s%ld%c%02X", c, sizeof c);
	CHECK_STR(c, "%.*s%.2s%ld%c%02X");
	conversions("100%%完成", c, sizeof c);
	CHECK_STR(c, "");
	conversions("未完%", c, sizeof c);
	CHECK_STR(c, "%?");
	conversions("%y", c, sizeof c);
	CHECK_STR(c, "%?");
}

/*
 * The MSG_D_ details are printf formats filled by code with fixed arguments
 * (see messages-detail.def). Each id's conversions as the code passes them:
 * a catalog edit that adds, drops, reorders or retypes one must change the
 * call site too, and this table with it.
 */
static const struct {
	msg_id id;
	const char *conv;
} detail_args[] = {
    {MSG_D_BAD_BYTE, "%02X"},
    {MSG_D_SPACE, ""},
    {MSG_D_FULLWIDTH_SPACE, ""},
    {MSG_D_NEWLINE, ""},
    {MSG_D_TAB, ""},
    {MSG_D_CONTROL_CHAR, "%04X"},
    {MSG_D_QUOTED_CHAR, "%.*s"},
    {MSG_D_POS_IS, "%zu%s"},
    {MSG_D_NTH_CHAR_IS, "%zu%s"},
    {MSG_D_NTH_SYMBOL_IS, "%zu%s"},
    {MSG_D_EMPTY, ""},
    {MSG_D_NO_DIGITS, ""},
    {MSG_D_TOO_MANY_CHARS, "%d%zu"},
    {MSG_D_ID_LENGTH, "%zu"},
    {MSG_D_ID_NOT_DIGIT, "%zu"},
    {MSG_D_ID_FOREIGNER, ""},
    {MSG_D_ID_TAIWAN, ""},
    {MSG_D_ID_HONG_KONG, ""},
    {MSG_D_ID_MACAO, ""},
    {MSG_D_ID_X_NOT_LAST, "%zu"},
    {MSG_D_ID_PROVINCE, "%.2s"},
    {MSG_D_ID_BIRTH_FUTURE, "%04d%02d%02d%s"},
    {MSG_D_ID_CHECKSUM, "%c%c"},
    {MSG_D_USCC_MAYBE_0, ""},
    {MSG_D_USCC_MAYBE_1, ""},
    {MSG_D_USCC_MAYBE_2, ""},
    {MSG_D_USCC_MAYBE_5, ""},
    {MSG_D_USCC_IS_ORG_CODE, ""},
    {MSG_D_USCC_LENGTH, "%zu%s"},
    {MSG_D_USCC_MAYBE_REG_NO, ""},
    {MSG_D_USCC_MAYBE_ORG_CODE, ""},
    {MSG_D_USCC_LETTER, "%zu%c%s"},
    {MSG_D_USCC_AREA, "%zu%c"},
    {MSG_D_USCC_ORG_CHECK, "%c%c"},
    {MSG_D_USCC_CHECKSUM, "%c%c"},
    {MSG_D_NAME_DOT_FIRST, ""},
    {MSG_D_NAME_DOT_TWICE, "%zu%zu"},
    {MSG_D_NAME_WRONG_DOT, "%zu%s"},
    {MSG_D_NAME_DOT_LAST, ""},
    {MSG_D_NAME_COUNT, "%zu"},
    {MSG_D_NAME_BUFFER, ""},
    {MSG_D_PHONE_MOBILE_EXT, ""},
    {MSG_D_PHONE_MOBILE_DIGITS, "%zu"},
    {MSG_D_PHONE_MOBILE_SECOND, "%c"},
    {MSG_D_PHONE_BUFFER, ""},
    {MSG_D_PHONE_AREA_SHAPE, "%.*s"},
    {MSG_D_PHONE_AREA_SHORT, "%.*s"},
    {MSG_D_PHONE_AREA_LONG, "%.*s"},
    {MSG_D_PHONE_EXT_AFTER_ZHUAN, ""},
    {MSG_D_PHONE_DASH_PLACE, ""},
    {MSG_D_PHONE_DASHES, ""},
    {MSG_D_PHONE_NO_LOCAL, ""},
    {MSG_D_PHONE_LOCAL_EXT, "%zu"},
    {MSG_D_PHONE_LOCAL, "%zu"},
    {MSG_D_PHONE_EXT, "%zu"},
    {MSG_D_PHONE_TOO_LONG, ""},
    {MSG_D_PHONE_PLUS86, ""},
    {MSG_D_PHONE_PLUS, ""},
    {MSG_D_PHONE_NEED_AREA, "%s"},
    {MSG_D_PHONE_START, ""},
    {MSG_D_MONEY_DIGITS, "%zu"},
    {MSG_D_MONEY_TOO_LONG, "%zu"},
    {MSG_D_MONEY_SEPARATOR, ""},
    {MSG_D_MONEY_NO_INT, ""},
    {MSG_D_MONEY_NO_DEC, ""},
    {MSG_D_MONEY_DECIMALS, "%zu"},
    {MSG_D_MONEY_TRAILING, ""},
    {MSG_D_TEXT_CONTROL, "%zu%s%s"},
    {MSG_D_TEXT_ONE_LINE, ""},
    {MSG_D_INT_RANGE, "%ld%ld"},
    {MSG_D_CAL_ENTRY, "%zu"},
    {MSG_D_TERM_TYPE, "%d"},
    {MSG_D_TERM_DATES, "%s%s"},
    {MSG_D_PROBATION_PART_TIME, ""},
    {MSG_D_PROBATION_TASK, ""},
    {MSG_D_PROBATION_SHORT_TERM, ""},
    {MSG_D_PROBATION_BEFORE_START, "%s"},
    {MSG_D_PROBATION_AFTER_END, "%s"},
    {MSG_D_PROBATION_MAX, "%d%s"},
    {MSG_D_UI_MONTHS_ARG, "%d"},
    {MSG_D_UI_MONTHS, "%d"},
    {MSG_D_RETIRE_GROUP, "%d"},
    {MSG_D_AGE_16_ON, "%s"},
    {MSG_D_BYTE_AT, "%ld"},
    {MSG_D_QUOTED, "%s"},
    {MSG_D_QUOTED_NOTE, "%s%s"},
    {MSG_D_QUOTED_40, "%.40s"},
    {MSG_D_FIELD_RULE, "%s%s"},
    {MSG_D_AREA_PROVINCE, "%.2s"},
    {MSG_D_EMAIL_BLANK_OR_HAN, ""},
    {MSG_D_EMAIL_ONE_AT, ""},
    {MSG_D_EMAIL_LOCAL_CHAR, "%c"},
    {MSG_D_EMAIL_DOMAIN, ""},
    {MSG_D_EMAIL_DOMAIN_CHAR, "%c"},
    {MSG_D_STORE_LIMIT, "%zu%zu"},
    {MSG_D_FORM_MAX_ITEMS, "%d"},
    {MSG_D_UF_UI_MONTHS, "%d%d"},
    {MSG_D_UF_UI_NONE, "%d%s"},
    {MSG_D_UF_UI_ASK, "%d"},
    {MSG_D_UF_N_MONTHS, "%d"},
    {MSG_D_UF_MONTHS_AFTER_YEARS, "%s"},
    {MSG_D_UF_CONTRIB_FRACTION, "%s%ld%ld%ld"},
    {MSG_D_UF_MOST_MONTHS, "%d"},
    {MSG_D_UF_SEX_CODE, "%d"},
    {MSG_D_UF_UNDER_16, "%s%s"},
    {MSG_D_UF_RETIRED, "%s%s"},
    {MSG_D_UF_BIRTH, "%s"},
    {MSG_D_UF_PREV_END, "%s"},
    {MSG_D_UF_REG_DATE, "%s"},
    {MSG_D_UF_RANGE, "%s%s"},
    {MSG_D_UF_DIFFICULTY, "%s%s"},
    {MSG_D_UF_OPEN_AT, "%s%s"},
    {MSG_D_UF_AGE_AT, "%s%d"},
    {MSG_D_UF_END_REASON_IS, "%s"},
    {MSG_D_UF_NEW_EMPLOYER_CODE, ""},
    {MSG_D_UF_CARD_TOO_LONG, ""},
    {MSG_D_UF_CARD_SHORT, ""},
    {MSG_D_UF_CARD_BRACE, ""},
    {MSG_D_UF_CARD_FIELD, "%.16s"},
    {MSG_D_UF_CARD_CHARS, ""},
    {MSG_D_UF_CARD_CHECK_TWICE, ""},
    {MSG_D_UF_CARD_SEQ_TWICE, ""},
    {MSG_D_UF_CARD_NO_SEQ, ""},
    {MSG_D_UF_CARD_OFFICE, "%.12s"},
    {MSG_D_UF_CARD_SEQ_FULL, "%d%ld"},
    {MSG_D_UF_CARD_LENGTH, "%s%zu"},
    {MSG_D_DB_NOT_SQLITE, ""},
    {MSG_D_DB_MAX_BYTES, "%zu"},
    {MSG_D_DB_APP_ID, "%s%08llX"},
    {MSG_D_DB_OTHER_PROGRAM, "%s"},
    {MSG_D_DB_VERSION_TOO_NEW, "%lld%d"},
    {MSG_D_DB_NO_WAL, "%s"},
    {MSG_D_DB_PATH_EMPTY, ""},
    {MSG_D_DB_MKDIR, "%s%s"},
    {MSG_D_DB_IS_FOLDER, "%s"},
    {MSG_D_DB_READONLY_UPGRADE, "%d%d"},
    {MSG_D_DB_MAX_BYTES_INT, "%d"},
    {MSG_D_DRAFT_ITEM, "%zu"},
    {MSG_D_DRAFT_NOT_JSON, ""},
    {MSG_D_DRAFT_NOT_OBJECT, ""},
    {MSG_D_DRAFT_RECORD_ID, ""},
    {MSG_D_DRAFT_VERSION, ""},
    {MSG_D_DRAFT_VALUES, ""},
    {MSG_D_DRAFT_NEGATIVE, ""},
    {MSG_D_DRAFT_VALUE_NOT_TEXT, ""},
    {MSG_D_DRAFT_NUL, ""},
    {MSG_D_DRAFT_NUL_ESCAPE, ""},
    {MSG_D_MIG_NO_VERSION, ""},
    {MSG_D_MIG_TOO_NEW, "%d%d"},
    {MSG_D_MIG_STEP_FAILED, "%d%d%s"},
    {MSG_D_UNEMP_MAX_ITEMS, "%d"},
    {MSG_D_UNEMP_ITEM, "%zu"},
    {MSG_D_CAL_ROW_DAY, "%zu%.10s"},
    {MSG_D_TRAIN_FULL, "%s%d%d"},
    {MSG_D_ARB_HEARING_CLASH, "%s%s%s"},
    {MSG_D_CSV_LINE, "%ld"},
    {MSG_D_EXP_BYTE_AT, "%zu"},
    {MSG_D_EXP_NOT_FOLDER, ""},
    {MSG_D_EXP_BATCH_ENCODING, "%lld%s%s"},
    {MSG_D_EXP_WITH_BOM, ""},
    {MSG_D_EXP_MKDIR, "%s%s"},
    {MSG_D_EXP_BATCH_CHANGED, "%lld%s"},
    {MSG_D_EXP_RENAME, "%s%s"},
    {MSG_D_ENC_BYTE_AT, "%zu"},
    {MSG_D_ENC_CHAR_AT, "%zu%.*s%04X"},
    {MSG_D_LEGACY_BAD_BYTES, "%ld%llu%s%s"},
    {MSG_D_LEGACY_COLUMNS, "%zu%zu"},
    {MSG_D_LEGACY_ID_SAYS, "%s%s%s"},
    {MSG_D_LEGACY_NAME_IN_DB, "%s%s%s"},
    {MSG_D_LEGACY_HEADER_AT, "%llu"},
    {MSG_D_LEGACY_COL_LINE, ""},
    {MSG_D_LEGACY_COL_COLUMN, ""},
    {MSG_D_LEGACY_COL_REASON, ""},
    {MSG_D_IMP_AT_LINE, "%s%ld%s%s"},
    {MSG_D_IMP_NUL_IN_COL, "%zu"},
    {MSG_D_IMP_COL_VALUE, "%s%s"},
    {MSG_D_IMP_FIELD_COUNT, "%zu%zu"},
    {MSG_D_IMP_REF_MISSING, "%s"},
    {MSG_D_IMP_DUPLICATE, "%s"},
    {MSG_D_IMP_APPEND_ONLY, ""},
    {MSG_D_IMP_LOCAL_EDIT, "%lld%s"},
    {MSG_D_IMP_BOTH_EDITED, "%s%lld%lld%s%lld"},
    {MSG_D_IMP_OTHER_ORIGIN, "%s%lld%s"},
    {MSG_D_IMP_HEADER_COL, "%zu%s"},
    {MSG_D_IMP_HEADER_COUNT, "%zu%zu"},
    {MSG_D_IMP_SIZE, "%s%llu%llu"},
    {MSG_D_IMP_NO_HEADER, ""},
    {MSG_D_IMP_NO_BOM, ""},
    {MSG_D_IMP_ROWS, "%s%llu%llu"},
    {MSG_D_IMP_TOO_NEW, "%d%d"},
    {MSG_D_IMP_MANIFEST_FILES, "%s"},
    {MSG_D_IMP_REPLAY, "%s%lld%s"},
    {MSG_D_IMP_COL_TABLE, ""},
    {MSG_D_IMP_COL_RECORD, ""},
    {MSG_D_IMP_COL_LINE, ""},
    {MSG_D_IMP_COL_LOCAL_VERSION, ""},
    {MSG_D_IMP_COL_PACKAGE_VERSION, ""},
    {MSG_D_IMP_COL_NOTE, ""},
    {MSG_D_IMP_MANIFEST_ROWS, "%s%llu%llu"},
    {MSG_D_PKG_CANNOT_CREATE_TEMP, ""},
    {MSG_D_PKG_WRITE_TEMP, ""},
    {MSG_D_PKG_CANNOT_CREATE, ""},
    {MSG_D_PKG_WRITE, ""},
    {MSG_D_PKG_CANNOT_OPEN, ""},
    {MSG_D_PKG_READ, ""},
    {MSG_D_PKG_CANNOT_RENAME, ""},
    {MSG_D_PKG_BAD_CHARS, "%s"},
    {MSG_D_PKG_LAST_LINE, "%s"},
    {MSG_D_PKG_AFTER_END, ""},
    {MSG_D_PKG_FIRST_LINE, ""},
    {MSG_D_PKG_FORMAT_VERSION, ""},
    {MSG_D_PKG_TOO_MANY_FILES, ""},
    {MSG_D_PKG_DUPLICATE_FILE, ""},
    {MSG_D_PKG_INCOMPLETE, ""},
    {MSG_D_PKG_NO_END, ""},
    {MSG_D_PKG_TOO_NEW, "%llu%d"},
    {MSG_D_PKG_MANIFEST_LINE, "%s%d%s"},
    {MSG_D_PKG_SECRET_KEY, "%s"},
    {MSG_D_PKG_TAR_SHORT, "%s%llu"},
    {MSG_D_PKG_TAR_BAD_HEADER, "%s%llu"},
    {MSG_D_PKG_TAR_ENTRY_TYPE, "%s%s"},
    {MSG_D_PKG_TAR_ENTRY_SHORT, "%s%s"},
    {MSG_D_PKG_AFTER_FINAL, "%s"},
    {MSG_D_PKG_SEAL_AT, "%s%llu"},
    {MSG_D_PKG_MISSING, "%s"},
    {MSG_D_PKG_TOO_LARGE, "%s"},
};

static void detail_formats_match_their_arguments(void)
{
	size_t rows = sizeof detail_args / sizeof detail_args[0];
	for (size_t r = 0; r < rows; r++) {
		char got[64];
		const char *name = msg_name(detail_args[r].id);
		CHECK(strncmp(name, "MSG_D_", 6) == 0);
		conversions(msg_text(detail_args[r].id), got, sizeof got);
		if (strcmp(got, detail_args[r].conv) != 0)
			test_fail(__FILE__, __LINE__,
			          "%s has conversions \"%s\", the code passes \"%s\"", name, got,
			          detail_args[r].conv);
	}
	/* Every detail format is in the table, once. */
	for (int m = 1; m < MSG_COUNT; m++) {
		if (strncmp(msg_name((msg_id)m), "MSG_D_", 6) != 0)
			continue;
		int seen = 0;
		for (size_t r = 0; r < rows; r++)
			seen += detail_args[r].id == (msg_id)m;
		if (seen != 1)
			test_fail(__FILE__, __LINE__, "%s is listed %d times in detail_args",
			          msg_name((msg_id)m), seen);
	}
}

/*
 * A field hint is one line on the message line of an 80-column screen,
 * even under GB18030 where every Chinese character and punctuation mark
 * (“” included) is two columns; a longer one would wrap over the line
 * that says more fields are hidden below.
 */
static void field_hints_fit_one_line_in_gb18030(void)
{
	if (setlocale(LC_CTYPE, "zh_CN.GB18030") == NULL) {
		test_skip("zh_CN.GB18030 locale not installed");
		return;
	}
	int hints = 0;
	for (int m = 1; m < MSG_COUNT; m++) {
		if (strstr(msg_name((msg_id)m), "_HINT_") == NULL)
			continue;
		hints++;
		int w = text_width(msg_text((msg_id)m));
		if (w > 78)
			test_fail(__FILE__, __LINE__, "%s is %d columns: %s", msg_name((msg_id)m),
			          w, msg_text((msg_id)m));
	}
	CHECK(hints >= 10);
	setlocale(LC_CTYPE, "C");
}

TEST_MAIN(T(field_hints_fit_one_line_in_gb18030), T(format_names_field_rule_and_detail),
          T(long_detail_cut_on_character_boundary), T(every_code_and_message_has_text),
          T(conversions_parsed_as_written), T(detail_formats_match_their_arguments))
