/*
 * Tests for forms/form: every field type's check and normal form, refusals
 * naming the field, keystroke filters, required and hidden fields on save,
 * cross-field rules pointing at the right field, the save hook's single
 * transaction, dirty tracking, picklists and hostile input. The form here
 * is a test form with one field of each type over a real database (code
 * tables come from the schema).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"
#include "db/person.h"
#include "forms/form.h"
#include "tests/test.h"

enum {
	T_TEXT,
	T_NAME,
	T_IDNO,
	T_USCC,
	T_DATE,
	T_INT,
	T_MONEY,
	T_CODE,
	T_BOOL,
	T_PHONE,
	T_MEMO,
	T_REQ,
	T_RO,
	T_EDU,
	T_HIDDEN,
	T_COUNT
};

/* What the hooks saw and should do; passed through form_set_context. */
typedef struct hooks {
	int saves;          /* save hook calls */
	int leaves;         /* on_leave calls */
	err_code save_fail; /* save hook returns this after writing a row */
} hooks;

static int t_hidden_visible(const form *f)
{
	return strcmp(form_value(f, T_BOOL), "1") == 0;
}

/* The memo may not say 禁止 (a rule only a hook knows). */
static err_code t_memo_check(form *f, int field, err_info *e)
{
	if (strstr(form_value(f, field), "禁止") != NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "禁止");
	return ERR_OK;
}

static err_code t_on_leave(form *f, int field, msg_id *message, err_info *e)
{
	(void)message;
	hooks *h = form_context(f);
	if (h != NULL)
		h->leaves++;
	if (field == T_TEXT) {
		char buf[64];
		snprintf(buf, sizeof buf, "len=%zu", strlen(form_value(f, T_TEXT)));
		return form_put(f, T_RO, buf, e);
	}
	return ERR_OK;
}

/* With 否, the number may not exceed 50; text "phone?" blames the phone by label only. */
static err_code t_check_all(form *f, err_info *e)
{
	if (strcmp(form_value(f, T_BOOL), "0") == 0 && atoi(form_value(f, T_INT)) > 50)
		return form_fail(f, T_INT, e, ERR_INT_RANGE, "选“否”时不能超过%d", 50);
	if (strcmp(form_value(f, T_TEXT), "phone?") == 0)
		return err_set(e, ERR_PHONE_FORMAT, MSG_F_PHONE, NULL);
	return ERR_OK;
}

static err_code t_load(form *f, int64_t id, err_info *e)
{
	err_code c = form_put(f, T_EDU, "50", e); /* a 1984-edition code, retired since */
	if (c == ERR_OK)
		c = form_put(f, T_REQ, "loaded", e);
	form_set_record(f, id, 3);
	return c;
}

/* Writes a person with the form's ID, then fails if told to: the row must not survive. */
static err_code t_save(form *f, err_info *e)
{
	hooks *h = form_context(f);
	h->saves++;
	person p;
	memset(&p, 0, sizeof p);
	const char *id = form_value(f, T_IDNO);
	snprintf(p.id_no, sizeof p.id_no, "%s", id);
	snprintf(p.name, sizeof p.name, "测试");
	p.sex = strlen(id) == 18 && (id[16] - '0') % 2 == 0 ? 2 : 1;
	snprintf(p.birth_date, sizeof p.birth_date, "%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
	err_code c = person_insert(form_db(f), &p, e);
	if (c != ERR_OK)
		return c;
	if (h->save_fail != ERR_OK)
		return err_set(e, h->save_fail, MSG_NONE, NULL);
	form_set_record(f, p.id, p.version);
	return ERR_OK;
}

static const field_spec t_fields[T_COUNT] = {
    [T_TEXT] = {.id = "text", .label = MSG_F_ADDRESS, .type = FT_TEXT, .max_chars = 10},
    [T_NAME] = {.id = "name", .label = MSG_F_NAME, .type = FT_NAME, .max_chars = 30},
    [T_IDNO] = {.id = "idno", .label = MSG_F_ID_NO, .type = FT_IDNO, .max_chars = 18},
    [T_USCC] = {.id = "uscc", .label = MSG_F_USCC, .type = FT_USCC, .max_chars = 18},
    [T_DATE] =
        {.id = "date", .label = MSG_F_DATE, .type = FT_DATE, .flags = FF_NOFUTURE, .max_chars = 10},
    [T_INT] = {.id = "int",
               .label = MSG_F_HEADCOUNT,
               .type = FT_INT,
               .max_chars = 6,
               .min = -5,
               .max = 100},
    [T_MONEY] = {.id = "money", .label = MSG_F_MONEY, .type = FT_MONEY, .max_chars = 20},
    [T_CODE] = {.id = "code",
                .label = MSG_F_ETHNICITY,
                .type = FT_CODE,
                .max_chars = 16,
                .code_table = "ethnicity"},
    [T_BOOL] = {.id = "bool", .label = MSG_F_MARITAL, .type = FT_BOOL, .max_chars = 2},
    [T_PHONE] = {.id = "phone", .label = MSG_F_PHONE, .type = FT_PHONE, .max_chars = 20},
    [T_MEMO] = {.id = "memo",
                .label = MSG_F_REMARK,
                .type = FT_MEMO,
                .max_chars = 20,
                .check = t_memo_check},
    [T_REQ] =
        {.id = "req", .label = MSG_F_EMAIL, .type = FT_TEXT, .flags = FF_REQUIRED, .max_chars = 10},
    [T_RO] = {.id = "ro",
              .label = MSG_F_NAME_PY,
              .type = FT_TEXT,
              .flags = FF_READONLY,
              .max_chars = 20},
    [T_EDU] = {.id = "edu",
               .label = MSG_F_EDUCATION,
               .type = FT_CODE,
               .max_chars = 16,
               .code_table = "education"},
    [T_HIDDEN] = {.id = "hidden",
                  .label = MSG_F_HUKOU_AREA,
                  .type = FT_INT,
                  .flags = FF_REQUIRED,
                  .max_chars = 3,
                  .min = 0,
                  .max = 999,
                  .visible = t_hidden_visible},
};

static const form_spec t_spec = {
    .id = "test",
    .title = MSG_PF_TITLE,
    .fields = t_fields,
    .n_fields = T_COUNT,
    .on_leave = t_on_leave,
    .check_all = t_check_all,
    .load = t_load,
    .save = t_save,
};

static db *t_db;
static hooks t_hooks;

static lb_date t_today(void)
{
	lb_date d = 0;
	date_from_ymd(2026, 3, 2, &d, NULL);
	return d;
}

/* A fresh database (once per process) and a new empty test form over it. */
static form *t_form(void)
{
	err_info e;
	if (t_db == NULL) {
		char path[4200];
		snprintf(path, sizeof path, "%s/form.db", test_tmpdir());
		if (db_open(path, DB_OPEN_CREATE, &t_db, &e) != ERR_OK) {
			char buf[300];
			test_fail(__FILE__, __LINE__, "open: %s", err_format(&e, buf, sizeof buf));
			return NULL;
		}
	}
	form *f = NULL;
	if (form_new(&t_spec, t_db, t_today(), 0, &f, &e) != ERR_OK)
		return NULL;
	memset(&t_hooks, 0, sizeof t_hooks);
	form_set_context(f, &t_hooks);
	return f;
}

static int64_t t_rows(const char *sql)
{
	err_info e;
	int64_t n = -1;
	sqlite3_stmt *st = db_stmt(t_db, sql, &e);
	if (st != NULL && db_fetch_int(t_db, st, &n, &e) != ERR_OK)
		n = -1;
	return n;
}

/* Type v into field i and leave it; returns the leave's result (or the set's refusal). */
static err_code t_enter(form *f, int i, const char *v, err_info *e)
{
	err_code c = form_set_value(f, i, v, e);
	if (c != ERR_OK)
		return c;
	return form_leave_field(f, i, NULL, e);
}

/* The user's line for e contains want. */
static int t_says(const err_info *e, const char *want)
{
	char buf[400];
	err_format(e, buf, sizeof buf);
	if (strstr(buf, want) != NULL)
		return 1;
	fprintf(stderr, "# message \"%s\" lacks \"%s\"\n", buf, want);
	return 0;
}

static void text_trimmed_and_limited_in_characters(void)
{
	err_info e;
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK_INT(t_enter(f, T_TEXT, "  abc\xe3\x80\x80 ", &e), ERR_OK);
	CHECK_STR(form_value(f, T_TEXT), "abc");
	/* the hook ran and filled the read-only field */
	CHECK_STR(form_value(f, T_RO), "len=3");
	/* ten Han characters are ten characters, not thirty bytes */
	CHECK_INT(t_enter(f, T_TEXT, "一二三四五六七八九十", &e), ERR_OK);
	/* eleven are refused whole: the old value stays, nothing is cut */
	CHECK_INT(form_set_value(f, T_TEXT, "一二三四五六七八九十百", &e), ERR_TEXT_TOO_LONG);
	CHECK_INT(e.field, MSG_F_ADDRESS);
	CHECK(t_says(&e, "最多10个字，现有11个"));
	CHECK_STR(form_value(f, T_TEXT), "一二三四五六七八九十");
	/* a control character is taken by set (the editor filters) but refused on leave */
	CHECK_INT(t_enter(f, T_TEXT,
	                  "a\x01"
	                  "b",
	                  &e),
	          ERR_TEXT_CONTROL);
	CHECK(t_says(&e, "现住址："));
	CHECK_STR(form_value(f, T_TEXT), "a\x01"
	                                 "b");
	/* invalid UTF-8 never enters the form */
	CHECK_INT(form_set_value(f, T_TEXT, "ab\xff", &e), ERR_TEXT_UTF8);
	CHECK_INT(form_set_value(f, T_TEXT, "\xe4\xb8", &e), ERR_TEXT_UTF8);
	CHECK_INT(form_set_value(f, T_TEXT, "\xed\xa0\x80", &e), ERR_TEXT_UTF8); /* surrogate */
	CHECK_STR(form_value(f, T_TEXT), "a\x01"
	                                 "b");
	/* blanks only count as empty and are cleared */
	CHECK_INT(t_enter(f, T_TEXT, " \xe3\x80\x80 ", &e), ERR_OK);
	CHECK_STR(form_value(f, T_TEXT), "");
	CHECK_STR(form_value(f, T_RO), "len=0");
	form_free(f);
}

static void name_checked_and_normalised(void)
{
	err_info e;
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK_INT(t_enter(f, T_NAME, " 张三 ", &e), ERR_OK);
	CHECK_STR(form_value(f, T_NAME), "张三");
	/* the katakana middle dot IMEs type becomes U+00B7 */
	CHECK_INT(t_enter(f, T_NAME, "阿依古丽\xe3\x83\xbb买买提", &e), ERR_OK);
	CHECK_STR(form_value(f, T_NAME), "阿依古丽\xc2\xb7买买提");
	CHECK_INT(t_enter(f, T_NAME, "Zhang三", &e), ERR_NAME_LATIN);
	CHECK_INT(e.field, MSG_F_NAME);
	CHECK(t_says(&e, "姓名："));
	CHECK_STR(form_value(f, T_NAME), "Zhang三");
	CHECK_INT(t_enter(f, T_NAME, "张", &e), ERR_NAME_TOO_SHORT);
	CHECK_INT(t_enter(f, T_NAME, "·张三", &e), ERR_NAME_DOT);
	form_free(f);
}

static void id_upgraded_and_checked(void)
{
	err_info e;
	msg_id m = MSG_NONE;
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK_INT(form_set_value(f, T_IDNO, "110105491231002", &e), ERR_OK);
	CHECK_INT(form_leave_field(f, T_IDNO, &m, &e), ERR_OK);
	CHECK_STR(form_value(f, T_IDNO), "11010519491231002X");
	CHECK_INT(m, MSG_FORM_ID_UPGRADED);
	CHECK_STR(msg_text(m), "15位号码已升级为18位");
	/* lower-case x and full-width digits, as IMEs send them */
	CHECK_INT(form_set_value(f, T_IDNO, "１１０１０５１９４９１２３１００２x", &e), ERR_OK);
	CHECK_INT(form_leave_field(f, T_IDNO, &m, &e), ERR_OK);
	CHECK_STR(form_value(f, T_IDNO), "11010519491231002X");
	CHECK_INT(m, MSG_NONE);
	CHECK_INT(t_enter(f, T_IDNO, "110105194912310021", &e), ERR_ID_CHECKSUM);
	CHECK_INT(e.field, MSG_F_ID_NO);
	CHECK(t_says(&e, "公民身份号码：校验位错误"));
	CHECK_STR(form_value(f, T_IDNO), "110105194912310021");
	/* born after the form's today (2026-03-02) */
	CHECK_INT(t_enter(f, T_IDNO, "110105202701010011", &e), ERR_ID_BIRTH_FUTURE);
	CHECK_INT(t_enter(f, T_IDNO, "11010519491231", &e), ERR_ID_LENGTH);
	form_free(f);
}

static void uscc_date_int_money_phone(void)
{
	err_info e;
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK_INT(t_enter(f, T_USCC, "91420102ma4k00010n", &e), ERR_OK);
	CHECK_STR(form_value(f, T_USCC), "91420102MA4K00010N");
	CHECK_INT(t_enter(f, T_USCC, "91420102MA4K00010X", &e), ERR_USCC_CHECKSUM);
	CHECK_INT(e.field, MSG_F_USCC);

	CHECK_INT(t_enter(f, T_DATE, "20240501", &e), ERR_OK);
	CHECK_STR(form_value(f, T_DATE), "2024-05-01");
	CHECK_INT(t_enter(f, T_DATE, "２０２６．０３．０２", &e), ERR_OK);
	CHECK_STR(form_value(f, T_DATE), "2026-03-02");
	CHECK_INT(t_enter(f, T_DATE, "2026-03-03", &e), ERR_DATE_FUTURE);
	CHECK(t_says(&e, "日期：不能晚于今天（今天是2026-03-02）"));
	CHECK_INT(t_enter(f, T_DATE, "2023-02-29", &e), ERR_DATE_INVALID);
	CHECK_INT(t_enter(f, T_DATE, "2023/13", &e), ERR_DATE_FORMAT);
	CHECK_INT(e.field, MSG_F_DATE);

	CHECK_INT(t_enter(f, T_INT, "-5", &e), ERR_OK);
	CHECK_INT(t_enter(f, T_INT, "１００", &e), ERR_OK);
	CHECK_STR(form_value(f, T_INT), "100");
	CHECK_INT(t_enter(f, T_INT, "101", &e), ERR_INT_RANGE);
	CHECK_INT(e.field, MSG_F_HEADCOUNT);
	CHECK_INT(t_enter(f, T_INT, "1.5", &e), ERR_INT_FORMAT);

	CHECK_INT(t_enter(f, T_MONEY, "1,234.5", &e), ERR_OK);
	CHECK_STR(form_value(f, T_MONEY), "1234.50");
	CHECK_INT(t_enter(f, T_MONEY, "￥12元", &e), ERR_OK);
	CHECK_STR(form_value(f, T_MONEY), "12.00");
	CHECK_INT(t_enter(f, T_MONEY, "1.234", &e), ERR_MONEY_DECIMALS);
	CHECK_INT(t_enter(f, T_MONEY, "12,34", &e), ERR_MONEY_FORMAT);
	CHECK(t_says(&e, "金额："));

	CHECK_INT(t_enter(f, T_PHONE, "138 1234 5678", &e), ERR_OK);
	CHECK_STR(form_value(f, T_PHONE), "13812345678");
	CHECK_INT(t_enter(f, T_PHONE, "0755 1234567转801", &e), ERR_OK);
	CHECK_STR(form_value(f, T_PHONE), "0755-1234567-801");
	CHECK_INT(t_enter(f, T_PHONE, "12345678901", &e), ERR_PHONE_MOBILE);
	CHECK(t_says(&e, "联系电话："));
	form_free(f);
}

static void bool_memo_and_field_check(void)
{
	err_info e;
	char buf[64];
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK_INT(t_enter(f, T_BOOL, "是", &e), ERR_OK);
	CHECK_STR(form_value(f, T_BOOL), "1");
	CHECK_STR(form_display(f, T_BOOL, buf, sizeof buf), "是");
	CHECK_INT(t_enter(f, T_BOOL, "n", &e), ERR_OK);
	CHECK_STR(form_value(f, T_BOOL), "0");
	CHECK_STR(form_display(f, T_BOOL, buf, sizeof buf), "否");
	CHECK_INT(t_enter(f, T_BOOL, "对", &e), ERR_BOOL_FORMAT);
	CHECK(t_says(&e, "婚姻状况：应填“是”或“否”"));

	CHECK_INT(t_enter(f, T_MEMO, "第一行\n第二行", &e), ERR_OK);
	CHECK_STR(form_value(f, T_MEMO), "第一行\n第二行");
	CHECK_INT(t_enter(f, T_MEMO, "a\tb", &e), ERR_TEXT_CONTROL);
	CHECK_INT(form_set_value(f, T_MEMO, "123456789012345678901", &e), ERR_TEXT_TOO_LONG);
	/* the spec's own check runs after the type check, and its error names the field */
	CHECK_INT(t_enter(f, T_MEMO, "禁止", &e), ERR_INVALID_ARG);
	CHECK_INT(e.field, MSG_F_REMARK);
	form_free(f);
}

static void code_by_code_name_or_initials(void)
{
	err_info e;
	char buf[200];
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK_INT(t_enter(f, T_CODE, " 01\xe3\x80\x80", &e), ERR_OK);
	CHECK_STR(form_value(f, T_CODE), "01");
	CHECK_STR(form_display(f, T_CODE, buf, sizeof buf), "01 汉族");
	/* a full name, or initials naming exactly one code, becomes that code */
	CHECK_INT(t_enter(f, T_CODE, "蒙古族", &e), ERR_OK);
	CHECK_STR(form_value(f, T_CODE), "02");
	CHECK_INT(t_enter(f, T_CODE, "wwe", &e), ERR_OK);
	CHECK_STR(form_value(f, T_CODE), "05");
	/* hz is 汉族, 回族 and 赫哲族: the user must pick */
	CHECK_INT(t_enter(f, T_CODE, "hz", &e), ERR_CODE_UNKNOWN);
	CHECK(t_says(&e, "民族：不是代码表中的有效代码"));
	CHECK(t_says(&e, "“hz”对应多个代码"));
	CHECK_INT(t_enter(f, T_CODE, "99", &e), ERR_CODE_UNKNOWN);
	CHECK_INT(e.field, MSG_F_ETHNICITY);
	CHECK(t_says(&e, "“99”"));
	CHECK_STR(form_value(f, T_CODE), "99");

	/* a retired code (学历 1984 edition "50") cannot be typed anew … */
	CHECK_INT(t_enter(f, T_EDU, "50", &e), ERR_CODE_UNKNOWN);
	CHECK(t_says(&e, "“50”是已停用的旧代码"));
	CHECK_INT(t_enter(f, T_EDU, "21", &e), ERR_OK);
	/* … but a record that carries it stays savable while nobody changes it */
	CHECK_INT(form_load(f, 42, &e), ERR_OK);
	CHECK_STR(form_value(f, T_EDU), "50");
	CHECK_INT(form_leave_field(f, T_EDU, NULL, &e), ERR_OK);
	CHECK_STR(form_display(f, T_EDU, buf, sizeof buf), "50 技工学校");
	form_free(f);
}

static void picklist_choices(void)
{
	err_info e;
	form_choice ch[64];
	size_t n = 0;
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK_INT(form_choices(f, T_CODE, "0", ch, 64, &n, &e), ERR_OK);
	CHECK_INT(n, 9); /* 01 … 09 */
	CHECK_STR(ch[0].code, "01");
	CHECK_STR(ch[0].name, "汉族");
	CHECK_INT(form_choices(f, T_CODE, "汉", ch, 64, &n, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(ch[0].code, "01");
	CHECK_INT(form_choices(f, T_CODE, "HZ", ch, 64, &n, &e), ERR_OK);
	CHECK_INT(n, 3);
	CHECK_STR(ch[0].name, "汉族");
	CHECK_STR(ch[1].name, "回族");
	CHECK_STR(ch[2].name, "赫哲族");
	CHECK_INT(form_choices(f, T_CODE, "", ch, 64, &n, &e), ERR_OK);
	CHECK_INT(n, 58);
	CHECK_INT(form_choices(f, T_CODE, "", ch, 5, &n, &e), ERR_OK);
	CHECK_INT(n, 5);
	/* retired codes are not offered */
	CHECK_INT(form_choices(f, T_EDU, "50", ch, 64, &n, &e), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(form_choices(f, T_CODE, "'; DROP TABLE code_items; --", ch, 64, &n, &e), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(form_choices(f, T_TEXT, "", ch, 64, &n, &e), ERR_INVALID_ARG);
	form_free(f);
}

static void keystroke_filters(void)
{
	err_info e;
	form *f = t_form();
	REQUIRE(f != NULL);
	struct {
		int field;
		uint32_t cp;
		int ok;
	} cases[] = {
	    {T_IDNO, '7', 1},    {T_IDNO, 'X', 1},      {T_IDNO, 'x', 1},    {T_IDNO, 0xFF15, 1},
	    {T_IDNO, 'a', 0},    {T_IDNO, '-', 0},      {T_IDNO, 0x5F20, 0}, {T_USCC, 'A', 1},
	    {T_USCC, 'm', 1},    {T_USCC, '9', 1},      {T_USCC, 'I', 0},    {T_USCC, 'o', 0},
	    {T_USCC, '-', 0},    {T_DATE, '2', 1},      {T_DATE, '-', 1},    {T_DATE, '.', 1},
	    {T_DATE, '/', 1},    {T_DATE, 'a', 0},      {T_DATE, 0x5E74, 0}, {T_INT, '5', 1},
	    {T_INT, '-', 1},     {T_INT, '.', 0},       {T_HIDDEN, '-', 0},  {T_MONEY, '1', 1},
	    {T_MONEY, '.', 1},   {T_MONEY, ',', 1},     {T_MONEY, 0xA5, 1},  {T_MONEY, 'a', 0},
	    {T_MONEY, '-', 0},   {T_PHONE, '0', 1},     {T_PHONE, '-', 1},   {T_PHONE, '+', 1},
	    {T_PHONE, ' ', 1},   {T_PHONE, 0x8F6C, 1},  {T_PHONE, 'a', 0},   {T_NAME, 0x5F20, 1},
	    {T_NAME, 0xB7, 1},   {T_NAME, 'a', 0},      {T_NAME, '1', 0},    {T_NAME, ' ', 0},
	    {T_NAME, 0xFF41, 0}, {T_NAME, 0x3000, 0},   {T_CODE, '0', 1},    {T_CODE, 'h', 1},
	    {T_CODE, 0x6C49, 1}, {T_CODE, '-', 0},      {T_CODE, ' ', 0},    {T_BOOL, 0x662F, 1},
	    {T_BOOL, 'y', 1},    {T_BOOL, 0x5BF9, 0},   {T_TEXT, 'a', 1},    {T_TEXT, 0x1F600, 1},
	    {T_TEXT, '\n', 0},   {T_TEXT, 0x01, 0},     {T_TEXT, 0x7F, 0},   {T_TEXT, 0x85, 0},
	    {T_TEXT, 0xD800, 0}, {T_TEXT, 0x110000, 0}, {T_MEMO, '\n', 1},   {T_MEMO, '\t', 0},
	    {T_MEMO, 0x1B, 0},   {T_IDNO, 0, 0},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		err_code c = form_accepts_char(f, cases[k].field, cases[k].cp, &e);
		if ((c == ERR_OK) != cases[k].ok)
			test_fail(__FILE__, __LINE__, "field %d U+%04X: %s", cases[k].field,
			          (unsigned)cases[k].cp, err_name(c));
		if (c != ERR_OK) {
			CHECK_INT(c, ERR_FIELD_CHAR);
			CHECK_INT(e.field, t_fields[cases[k].field].label);
			CHECK(e.detail[0] != '\0');
		}
	}
	CHECK_INT(form_accepts_char(f, T_NAME, 'a', &e), ERR_FIELD_CHAR);
	CHECK(t_says(&e, "姓名：不能输入该字符（只能填写汉字，少数民族姓名可用间隔号·）"));
	CHECK_INT(form_accepts_char(f, T_IDNO, 'a', &e), ERR_FIELD_CHAR);
	CHECK(t_says(&e, "公民身份号码：不能输入该字符（只能输入数字和X）"));
	/* a read-only field takes nothing, by keystroke or by value */
	CHECK_INT(form_accepts_char(f, T_RO, 'a', &e), ERR_FIELD_READONLY);
	CHECK_INT(form_set_value(f, T_RO, "x", &e), ERR_FIELD_READONLY);
	CHECK(t_says(&e, "拼音简码：由系统自动填写"));
	CHECK_INT(form_accepts_char(f, -1, 'a', &e), ERR_INVALID_ARG);
	CHECK_INT(form_accepts_char(f, T_COUNT, 'a', &e), ERR_INVALID_ARG);
	form_free(f);
}

/* Fill every field with a valid value, so one can be spoiled at a time. */
static void t_fill(form *f)
{
	err_info e;
	const char *vals[T_COUNT] = {
	    [T_TEXT] = "abc",
	    [T_NAME] = "张三",
	    [T_IDNO] = "420102198506170035",
	    [T_USCC] = "913201061234567883",
	    [T_DATE] = "2024-05-01",
	    [T_INT] = "60",
	    [T_MONEY] = "100",
	    [T_CODE] = "01",
	    [T_BOOL] = "1",
	    [T_PHONE] = "13812345678",
	    [T_MEMO] = "ok",
	    [T_REQ] = "x",
	    [T_EDU] = "21",
	    [T_HIDDEN] = "7",
	};
	for (int i = 0; i < T_COUNT; i++)
		if (vals[i] != NULL && t_enter(f, i, vals[i], &e) != ERR_OK)
			test_fail(__FILE__, __LINE__, "fill %d: %s", i, err_name(e.code));
}

static void save_checks_in_order_and_points_at_the_field(void)
{
	err_info e;
	int bad = 99;
	form *f = t_form();
	REQUIRE(f != NULL);
	/* nothing filled: the first required visible field */
	CHECK_INT(form_save(f, &bad, &e), ERR_FIELD_REQUIRED);
	CHECK_INT(bad, T_REQ);
	CHECK(t_says(&e, "电子邮箱：必须填写"));
	CHECK_INT(t_hooks.saves, 0);

	t_fill(f);
	/* a bad value typed but never left is caught on save, before later fields */
	CHECK_INT(form_set_value(f, T_INT, "abc", NULL), ERR_OK);
	CHECK_INT(form_set_value(f, T_REQ, "", NULL), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_INT_FORMAT);
	CHECK_INT(bad, T_INT);
	CHECK_INT(form_set_value(f, T_INT, "60", NULL), ERR_OK);
	CHECK_INT(form_set_value(f, T_REQ, "x", NULL), ERR_OK);

	/* a field that does not apply is not required … */
	CHECK_INT(form_set_value(f, T_HIDDEN, "", NULL), ERR_OK);
	CHECK_INT(t_enter(f, T_BOOL, "0", &e), ERR_OK);
	CHECK_INT(form_visible(f, T_HIDDEN), 0);
	/* … and now check_all blames the number via form_fail */
	CHECK_INT(form_save(f, &bad, &e), ERR_INT_RANGE);
	CHECK_INT(bad, T_INT);
	CHECK(t_says(&e, "人数：超出允许范围（选“否”时不能超过50）"));
	/* once it applies, it is required */
	CHECK_INT(t_enter(f, T_BOOL, "1", &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_FIELD_REQUIRED);
	CHECK_INT(bad, T_HIDDEN);
	CHECK_INT(t_enter(f, T_HIDDEN, "7", &e), ERR_OK);

	/* check_all naming only a label: the field with that label */
	CHECK_INT(t_enter(f, T_TEXT, "phone?", &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_PHONE_FORMAT);
	CHECK_INT(bad, T_PHONE);
	CHECK_INT(t_hooks.saves, 0);
	CHECK_INT(t_rows("SELECT count(*) FROM persons"), 0);

	CHECK_INT(t_enter(f, T_TEXT, "abc", &e), ERR_OK);
	/* values are normalised again on save */
	CHECK_INT(form_set_value(f, T_MONEY, "1,000", NULL), ERR_OK);
	CHECK(form_dirty(f));
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(bad, -1);
	CHECK_STR(form_value(f, T_MONEY), "1000.00");
	CHECK_INT(t_hooks.saves, 1);
	CHECK(form_record_id(f) > 0);
	CHECK_INT(form_record_version(f), 1);
	CHECK(!form_dirty(f));
	CHECK_INT(t_rows("SELECT count(*) FROM persons WHERE id_no = '420102198506170035'"), 1);
	form_free(f);
}

static void save_hook_is_one_transaction(void)
{
	err_info e;
	int bad = 99;
	form *f = t_form();
	REQUIRE(f != NULL);
	t_fill(f);
	CHECK_INT(t_enter(f, T_IDNO, "11010519491231002X", &e), ERR_OK);
	int64_t before = t_rows("SELECT count(*) FROM persons");
	/* the hook wrote a person, then failed: the person is gone with it */
	t_hooks.save_fail = ERR_DB_STALE;
	CHECK_INT(form_save(f, &bad, &e), ERR_DB_STALE);
	CHECK_INT(bad, -1);
	CHECK_INT(t_hooks.saves, 1);
	CHECK_INT(t_rows("SELECT count(*) FROM persons"), before);
	CHECK_INT(form_record_id(f), 0);
	CHECK(form_dirty(f));
	/* the same form saves once the hook succeeds */
	t_hooks.save_fail = ERR_OK;
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(t_rows("SELECT count(*) FROM persons"), before + 1);
	form_free(f);

	/* a database error naming a field's label puts the cursor on that field */
	f = t_form();
	REQUIRE(f != NULL);
	t_fill(f);
	CHECK_INT(t_enter(f, T_IDNO, "11010519491231002X", &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_DB_DUPLICATE);
	CHECK_INT(bad, T_IDNO);
	CHECK_INT(t_rows("SELECT count(*) FROM persons"), before + 1);
	form_free(f);
}

static void dirty_load_clear(void)
{
	err_info e;
	form *f = t_form();
	REQUIRE(f != NULL);
	CHECK(!form_dirty(f));
	CHECK_INT(form_set_value(f, T_TEXT, "", &e), ERR_OK);
	CHECK(!form_dirty(f)); /* same value: no change */
	CHECK_INT(form_set_value(f, T_TEXT, "x", &e), ERR_OK);
	CHECK(form_dirty(f));
	CHECK_INT(form_load(f, 9, &e), ERR_OK);
	CHECK(!form_dirty(f));
	CHECK_INT(form_record_id(f), 9);
	CHECK_INT(form_record_version(f), 3);
	CHECK_STR(form_value(f, T_TEXT), ""); /* load starts from an empty form */
	CHECK_STR(form_value(f, T_REQ), "loaded");
	form_clear(f);
	CHECK_INT(form_record_id(f), 0);
	CHECK_INT(form_record_version(f), 0);
	CHECK_STR(form_value(f, T_REQ), "");
	CHECK(!form_dirty(f));
	/* view-only mode refuses changes but still shows the record */
	CHECK_INT(form_load(f, 9, &e), ERR_OK);
	form_set_readonly(f, 1);
	CHECK(form_readonly(f));
	CHECK_INT(form_set_value(f, T_TEXT, "x", &e), ERR_FORM_READONLY);
	CHECK_INT(form_accepts_char(f, T_TEXT, 'x', &e), ERR_FORM_READONLY);
	int bad = 5;
	CHECK_INT(form_save(f, &bad, &e), ERR_FORM_READONLY);
	CHECK_INT(bad, -1);
	CHECK_STR(form_value(f, T_REQ), "loaded");
	/* lookups and bad indexes */
	CHECK_INT(form_find(f, "money"), T_MONEY);
	CHECK_INT(form_find(f, "nope"), -1);
	CHECK_INT(form_find(f, NULL), -1);
	CHECK_STR(form_value(f, -1), "");
	CHECK_STR(form_value(f, T_COUNT), "");
	CHECK(form_field(f, T_COUNT) == NULL);
	CHECK_INT(form_set_value(f, 99, "x", &e), ERR_INVALID_ARG);
	CHECK_INT(form_leave_field(f, -3, NULL, &e), ERR_INVALID_ARG);
	form_free(f);
	form_free(NULL);
}

/* Every field takes every kind of hostile input without crashing; errors name the field. */
static void hostile_input_everywhere(void)
{
	static const char *const inputs[] = {
	    "",
	    " ",
	    "\xff\xfe",
	    "\xe4\xb8",
	    "\xc0\xaf",
	    "\x01\x02\x03",
	    "\x1b[2J",
	    "\t\n\r",
	    "'; DROP TABLE persons; --",
	    "%_\"\\",
	    "１２３",
	    "𠀀𠀁",
	    "\xef\xbb\xbf张三",
	    "-0",
	    "999999999999999999999999999999",
	    "0x1F",
	    "2024-02-30",
	    "是否",
	    "X",
	};
	char big[6000];
	memset(big, '7', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	form *f = t_form();
	REQUIRE(f != NULL);
	for (int i = 0; i < T_COUNT; i++) {
		for (size_t k = 0; k <= sizeof inputs / sizeof inputs[0]; k++) {
			const char *in = k < sizeof inputs / sizeof inputs[0] ? inputs[k] : big;
			err_info e;
			err_clear(&e);
			err_code c = form_set_value(f, i, in, &e);
			if (c == ERR_OK)
				c = form_leave_field(f, i, NULL, &e);
			if (c != ERR_OK && c != ERR_FIELD_READONLY && e.field == MSG_NONE)
				test_fail(__FILE__, __LINE__,
				          "field %d input %zu: %s names no field", i, k,
				          err_name(c));
			char buf[400];
			err_format(&e, buf, sizeof buf);
			CHECK(c == ERR_OK || buf[0] != '\0');
		}
	}
	int bad;
	err_info e;
	CHECK(form_save(f, &bad, &e) != ERR_OK);
	form_free(f);
}

static void bad_arguments(void)
{
	err_info e;
	form *f = NULL;
	CHECK_INT(form_new(NULL, NULL, 0, 0, &f, &e), ERR_INVALID_ARG);
	CHECK(f == NULL);
	form_spec empty = {.id = "x", .fields = t_fields, .n_fields = 0};
	CHECK_INT(form_new(&empty, NULL, 0, 0, &f, &e), ERR_INVALID_ARG);
	CHECK_INT(form_save(NULL, NULL, &e), ERR_INVALID_ARG);
	CHECK_STR(form_value(NULL, 0), "");
	CHECK_INT(form_n_fields(NULL), 0);
	char buf[4] = "zz";
	CHECK_STR(form_display(NULL, 0, buf, sizeof buf), "");
	f = t_form();
	REQUIRE(f != NULL);
	/* form_display never overflows and never splits a character */
	CHECK_INT(t_enter(f, T_NAME, "欧阳娜娜", &e), ERR_OK);
	CHECK_STR(form_display(f, T_NAME, buf, sizeof buf), "欧");
	CHECK_STR(form_office(f), "");
	form_set_office(f, "420102");
	CHECK_STR(form_office(f), "420102");
	form_free(f);
}

TEST_MAIN(T(text_trimmed_and_limited_in_characters), T(name_checked_and_normalised),
          T(id_upgraded_and_checked), T(uscc_date_int_money_phone), T(bool_memo_and_field_check),
          T(code_by_code_name_or_initials), T(picklist_choices), T(keystroke_filters),
          T(save_checks_in_order_and_points_at_the_field), T(save_hook_is_one_transaction),
          T(dirty_load_clear), T(hostile_input_everywhere), T(bad_arguments))
