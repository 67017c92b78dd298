/*
 * Tests for forms/unemp_form and forms/unemp_list: 失业登记 as a caseworker
 * does it, without a terminal — register a new person from a 15-digit ID
 * and an existing one, each kind of bad input refused naming its field,
 * 4050人员 and the entitlement derived on the form, the 就业创业证 number
 * issued from the office template, ending a registration and registering
 * again, follow-ups, the listing's filters, two sessions saving the same
 * registration, drafts, and nothing half-saved.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/audit.h"
#include "db/dbint.h"
#include "db/draft.h"
#include "db/employer.h"
#include "db/office.h"
#include "db/operator.h"
#include "db/person.h"
#include "db/setting.h"
#include "db/unemp.h"
#include "forms/idcard.h"
#include "forms/unemp_form.h"
#include "forms/unemp_list.h"
#include "forms/workflow.h"
#include "tests/test.h"

static db *u_db;
static int64_t u_op1, u_op2;

/* Credit code of an employer the table knows, and one it does not. */
#define U_USCC_KNOWN "91420102MA4K00010N"
#define U_USCC_NEW "91350100M000100Y43"

static lb_date u_day(int y, int m, int d)
{
	lb_date out = 0;
	date_from_ymd(y, m, d, &out, NULL);
	return out;
}

static lb_date u_today(void)
{
	return u_day(2026, 3, 2);
}

/* An 18-digit ID of area 420102 born on birth (YYYYMMDD); odd seq is a man. */
static const char *u_id(const char *birth, int seq)
{
	static char out[8][19];
	static int k;
	char *id = out[k++ % 8];
	char body[18];
	snprintf(body, sizeof body, "420102%.8s%03d", birth, seq % 1000);
	snprintf(id, 19, "%s%c", body, idcard_check_char(body));
	return id;
}

static int64_t u_operator(const char *login, const char *office_code, op_role role)
{
	err_info e;
	operator_rec o;
	memset(&o, 0, sizeof o);
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.name, sizeof o.name, "经办%s", login);
	o.role = role;
	snprintf(o.office, sizeof o.office, "%s", office_code);
	if (operator_add(u_db, &o, "secret-pw", &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "operator %s: %s", login, err_name(e.code));
	return o.id;
}

static void u_office(const char *code, const char *name, const char *area)
{
	err_info e;
	office o;
	memset(&o, 0, sizeof o);
	snprintf(o.code, sizeof o.code, "%s", code);
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.area_code, sizeof o.area_code, "%s", area);
	if (office_insert(u_db, &o, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "office: %s", err_name(e.code));
}

/* A fresh database: two offices, two clerks of 420102, one known employer. */
static db *u_fresh(void)
{
	static int n;
	err_info e;
	db_close(u_db);
	u_db = NULL;
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/unemp%d.db", test_tmpdir(), ++n);
	if (db_open(path, DB_OPEN_CREATE, &u_db, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
		return NULL;
	}
	u_office("420102", "江岸区劳动保障事务所", "420102");
	u_office("420103", "江汉区劳动保障事务所", "420103");
	u_op1 = u_operator("clerk1", "420102", ROLE_CASEWORKER);
	u_op2 = u_operator("clerk2", "420102", ROLE_CASEWORKER);
	employer m;
	memset(&m, 0, sizeof m);
	snprintf(m.uscc, sizeof m.uscc, "%s", U_USCC_KNOWN);
	snprintf(m.org_code, sizeof m.org_code, "MA4K0001-0");
	snprintf(m.name, sizeof m.name, "武汉某某制造有限公司");
	snprintf(m.name_py, sizeof m.name_py, "whmmzzyxgs");
	snprintf(m.office, sizeof m.office, "420102");
	if (employer_insert(u_db, &m, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "employer: %s", err_name(e.code));
	db_set_actor(u_db, u_op1, "clerk1");
	return u_db;
}

static form *u_form(int64_t op)
{
	err_info e;
	form *f = NULL;
	if (form_new(&unemp_form_spec, u_db, u_today(), op, &f, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "form_new: %s", err_name(e.code));
	return f;
}

static int64_t u_rows(const char *sql)
{
	err_info e;
	int64_t n = -1;
	sqlite3_stmt *st = db_stmt(u_db, sql, &e);
	if (st != NULL && db_fetch_int(u_db, st, &n, &e) != ERR_OK)
		n = -1;
	return n;
}

static err_code u_enter(form *f, int i, const char *v, msg_id *m, err_info *e)
{
	err_code c = form_set_value(f, i, v, e);
	return c != ERR_OK ? c : form_leave_field(f, i, m, e);
}

static int u_says(const err_info *e, const char *want)
{
	char buf[400];
	err_format(e, buf, sizeof buf);
	if (strstr(buf, want) != NULL)
		return 1;
	fprintf(stderr, "# message \"%s\" lacks \"%s\"\n", buf, want);
	return 0;
}

/* Fill the fields a registration needs after the ID; stops the case on a refusal. */
static int u_fill_rest(form *f, const char *name)
{
	err_info e;
	const struct {
		int field;
		const char *v;
	} vals[] = {
	    {UF_NAME, name},         {UF_HUKOU_KIND, "1"},     {UF_REASON, "02"},
	    {UF_INVOLUNTARY, "是"},  {UF_CONTRIB, "3年6个月"}, {UF_WISH_OCCUPATION, "电工"},
	    {UF_WISH_INDUSTRY, "c"}, {UF_WISH_WAGE, "4,500"},
	};
	for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) {
		if (vals[k].field == UF_NAME && vals[k].v == NULL)
			continue;
		/* 户籍 may have come from the person's record. */
		if (vals[k].field == UF_HUKOU_KIND && form_value(f, UF_HUKOU_KIND)[0] != '\0')
			continue;
		if (u_enter(f, vals[k].field, vals[k].v, NULL, &e) != ERR_OK) {
			char buf[300];
			test_fail(__FILE__, __LINE__, "field %d: %s", vals[k].field,
			          err_format(&e, buf, sizeof buf));
			return 0;
		}
	}
	return 1;
}

/* Register the person with this ID (name NULL: the person is known); returns the row id. */
static int64_t u_register(const char *id_no, const char *name, const char *reg_date)
{
	err_info e;
	form *f = u_form(u_op1);
	if (f == NULL)
		return 0;
	int64_t id = 0;
	if (u_enter(f, UF_ID_NO, id_no, NULL, &e) == ERR_OK &&
	    (reg_date == NULL || u_enter(f, UF_REG_DATE, reg_date, NULL, &e) == ERR_OK) &&
	    u_fill_rest(f, name)) {
		int bad = 0;
		if (form_save(f, &bad, &e) == ERR_OK)
			id = form_record_id(f);
	}
	if (id == 0) {
		char buf[300];
		test_fail(__FILE__, __LINE__, "register %s: %s", id_no,
		          err_format(&e, buf, sizeof buf));
	}
	form_free(f);
	return id;
}

static void register_new_person_from_15_digit_id(void)
{
	REQUIRE(u_fresh() != NULL);
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	err_info e;
	msg_id m = MSG_NONE;
	/* Defaults: today and the clerk's office. */
	CHECK_STR(form_value(f, UF_REG_DATE), "2026-03-02");
	CHECK_STR(form_value(f, UF_OFFICE_NAME), "江岸区劳动保障事务所");
	CHECK(!form_dirty(f));

	CHECK_INT(u_enter(f, UF_ID_NO, "420102850617003", &m, &e), ERR_OK);
	char id18[19];
	REQUIRE(idcard_upgrade15("420102850617003", id18, NULL) == ERR_OK);
	CHECK_STR(form_value(f, UF_ID_NO), id18);
	CHECK_INT(m, MSG_FORM_ID_UPGRADED);
	CHECK_STR(form_value(f, UF_SEX), "1");
	CHECK_STR(form_value(f, UF_BIRTH_DATE), "1985-06-17");
	CHECK(!form_visible(f, UF_CADRE)); /* a man */
	REQUIRE(u_fill_rest(f, "王小明"));
	CHECK_STR(form_value(f, UF_UI), "累计缴费42个月，可领取失业保险金12个月");
	CHECK_STR(form_value(f, UF_WISH_INDUSTRY), "C");
	CHECK_STR(form_value(f, UF_WISH_WAGE), "4500.00");

	int bad = -2;
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	int64_t id = form_record_id(f);
	CHECK(id > 0);
	/* The person was created in the same save, with the office and the initials. */
	person p;
	REQUIRE(person_find_by_id_no(u_db, id18, &p, &e) == ERR_OK);
	CHECK_STR(p.name, "王小明");
	CHECK_STR(p.name_py, "wxm");
	CHECK_STR(p.office, "420102");
	unemp_reg r;
	REQUIRE(unemp_get(u_db, id, &r, &e) == ERR_OK);
	CHECK_INT(r.person_id, p.id);
	CHECK_INT(r.contrib_months, 42);
	CHECK_INT(r.entitle_months, 12);
	CHECK_INT(r.remain_months, 12);
	CHECK_INT(r.involuntary, 1);
	CHECK_STR(r.card_no, "4201021926000001");
	CHECK_STR(form_value(f, UF_CARD_NO), "4201021926000001");
	CHECK_STR(r.wish_industry, "C");
	CHECK_INT(r.wish_wage, 450000);
	CHECK(!form_dirty(f));
	/* Both rows are in the audit log, by the clerk. */
	audit_list al;
	REQUIRE(audit_list_row(u_db, "unemp_regs", id, &al, &e) == ERR_OK);
	CHECK_INT(al.n, 1);
	if (al.n > 0) {
		CHECK_STR(al.items[0].action, "insert");
		CHECK_INT(al.items[0].operator_id, u_op1);
	}
	audit_list_free(&al);
	REQUIRE(audit_list_row(u_db, "persons", p.id, &al, &e) == ERR_OK);
	CHECK_INT(al.n, 1);
	audit_list_free(&al);

	/* The next registration of the office this year takes the next number. */
	int64_t id2 = u_register(u_id("19900101", 12), "李梅", NULL);
	REQUIRE(unemp_get(u_db, id2, &r, &e) == ERR_OK);
	CHECK_STR(r.card_no, "4201021026000002");
	form_free(f);
}

static void register_existing_person(void)
{
	REQUIRE(u_fresh() != NULL);
	err_info e;
	person p;
	memset(&p, 0, sizeof p);
	snprintf(p.id_no, sizeof p.id_no, "%s", u_id("19880808", 22));
	snprintf(p.name, sizeof p.name, "赵丽");
	p.sex = 2;
	snprintf(p.birth_date, sizeof p.birth_date, "1988-08-08");
	snprintf(p.hukou_type, sizeof p.hukou_type, "2");
	REQUIRE(person_insert(u_db, &p, &e) == ERR_OK);

	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	msg_id m = MSG_NONE;
	CHECK_INT(u_enter(f, UF_ID_NO, p.id_no, &m, &e), ERR_OK);
	CHECK_INT(m, MSG_UF_PERSON_LOADED);
	CHECK_STR(form_value(f, UF_NAME), "赵丽");
	CHECK_STR(form_value(f, UF_HUKOU_KIND), "2"); /* 农业户口 → 农村 */
	CHECK_STR(form_value(f, UF_SEX), "2");
	CHECK(form_visible(f, UF_CADRE));
	REQUIRE(u_fill_rest(f, NULL));
	int bad = 0;
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	CHECK_INT(u_rows("SELECT count(*) FROM persons"), 1);
	unemp_reg r;
	REQUIRE(unemp_get(u_db, form_record_id(f), &r, &e) == ERR_OK);
	CHECK_INT(r.person_id, p.id);
	CHECK_INT(r.hukou_kind, UNEMP_RURAL);
	/* Correcting the name on the registration corrects the person (同人同库). */
	CHECK_INT(u_enter(f, UF_NAME, "赵莉", NULL, &e), ERR_OK);
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	person q;
	REQUIRE(person_get(u_db, p.id, &q, &e) == ERR_OK);
	CHECK_STR(q.name, "赵莉");
	CHECK_STR(q.name_py, "zl");
	/* A saved registration keeps its person. */
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19900101", 12), NULL, &e), ERR_UNEMP_PERSON_CHANGED);
	CHECK(u_says(&e, "公民身份号码：已保存的失业登记不能更换人员"));
	form_free(f);

	/* A second ID first opens a known person, then a new one: the old name is dropped. */
	f = u_form(u_op1);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19900101", 12), &m, &e), ERR_OK);
	CHECK_INT(m, MSG_UF_PERSON_NEW);
	CHECK_STR(form_value(f, UF_NAME), "");
	form_free(f);
}

static void open_registration_refused_naming_date_and_office(void)
{
	REQUIRE(u_fresh() != NULL);
	const char *id = u_id("19850617", 35);
	REQUIRE(u_register(id, "张三", "2026-01-05") > 0);
	form *f = u_form(u_op2);
	REQUIRE(f != NULL);
	err_info e;
	CHECK_INT(u_enter(f, UF_ID_NO, id, NULL, &e), ERR_UNEMP_OPEN_EXISTS);
	CHECK(u_says(&e,
	             "公民身份号码：该人员已有尚未结束的失业登记，不能重复登记（2026-01-05在江岸区"
	             "劳动保障事务所登记）"));
	/* Saving anyway is refused the same way, with the cursor on the ID. */
	u_fill_rest(f, NULL);
	int bad = -1;
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_OPEN_EXISTS);
	CHECK_INT(bad, UF_ID_NO);
	CHECK_INT(u_rows("SELECT count(*) FROM unemp_regs"), 1);
	form_free(f);
}

static void working_age_refused_with_the_reason(void)
{
	REQUIRE(u_fresh() != NULL);
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	err_info e;
	/* A man born 1965-01-15 reached 60 years and 1 month on 2025-02-15. */
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19650115", 11), NULL, &e), ERR_UNEMP_CANNOT_REGISTER);
	CHECK(u_says(&e,
	             "公民身份号码：不能办理失业登记（已达到法定退休年龄，退休日期为2025-02-15）"));
	/* Registering on an earlier date he was still of working age. */
	CHECK_INT(u_enter(f, UF_REG_DATE, "2025-02-14", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(f, UF_REG_DATE, "2025-02-15", NULL, &e), ERR_UNEMP_CANNOT_REGISTER);
	CHECK(u_says(&e, "登记日期：不能办理失业登记"));
	/* Fifteen: under 16. */
	CHECK_INT(u_enter(f, UF_REG_DATE, "2026-03-02", NULL, &e), ERR_UNEMP_CANNOT_REGISTER);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("20100303", 13), NULL, &e), ERR_UNEMP_CANNOT_REGISTER);
	CHECK(u_says(&e, "未满16周岁，2026-03-03满16周岁"));
	/* A woman born 1975-06-01: retired as a 工人 (50), of working age as a 干部 (55). */
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19750601", 24), NULL, &e), ERR_UNEMP_CANNOT_REGISTER);
	CHECK(u_says(&e, "2025-09-01"));
	CHECK(form_visible(f, UF_CADRE));
	CHECK_INT(u_enter(f, UF_CADRE, "是", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(f, UF_CADRE, "否", NULL, &e), ERR_UNEMP_CANNOT_REGISTER);
	CHECK(u_says(&e, "原为干部岗位：不能办理失业登记"));
	CHECK_INT(u_enter(f, UF_CADRE, "是", NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "孙芳"));
	int bad = 0;
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	form_free(f);
}

/* Enter v into field i of a form with a valid person and expect code, naming label. */
static void u_refused(form *f, int i, const char *v, err_code want, const char *says)
{
	err_info e;
	err_code c = u_enter(f, i, v, NULL, &e);
	if (c != want) {
		test_fail(__FILE__, __LINE__, "field %d \"%s\": %s, expected %s", i, v, err_name(c),
		          err_name(want));
		return;
	}
	if (!u_says(&e, says))
		test_fail(__FILE__, __LINE__, "field %d \"%s\"", i, v);
	/* The value stays as typed, for the user to correct. */
	if (c != ERR_TEXT_TOO_LONG && c != ERR_TEXT_UTF8 && strcmp(form_value(f, i), v) != 0)
		test_fail(__FILE__, __LINE__, "field %d lost what was typed", i);
}

static void bad_input_names_the_field(void)
{
	REQUIRE(u_fresh() != NULL);
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	err_info e;
	u_refused(f, UF_ID_NO, "420102198506170036", ERR_ID_CHECKSUM, "公民身份号码：校验位错误");
	u_refused(f, UF_ID_NO, "42010219850617", ERR_ID_LENGTH, "公民身份号码：应为18位");
	u_refused(f, UF_ID_NO, "420102850617", ERR_ID_LENGTH, "公民身份号码");
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19850617", 35), NULL, &e), ERR_OK);
	u_refused(f, UF_NAME, "Zhang三", ERR_NAME_LATIN, "姓名：不能含有英文字母");
	u_refused(f, UF_NAME, "张3", ERR_NAME_DIGIT, "姓名：不能含有数字");
	u_refused(f, UF_REG_DATE, "2026-03-03", ERR_DATE_FUTURE, "登记日期：不能晚于今天");
	u_refused(f, UF_REG_DATE, "1985-06-16", ERR_UNEMP_BEFORE_BIRTH,
	          "登记日期：不能早于出生日期（出生日期1985-06-17）");
	u_refused(f, UF_REG_DATE, "2026-02-30", ERR_DATE_INVALID, "登记日期：不是有效的日期");
	u_refused(f, UF_CONTRIB, "-1", ERR_UNEMP_CONTRIB_NEGATIVE, "失业保险缴费年限：不能为负数");
	u_refused(f, UF_CONTRIB, "60", ERR_UNEMP_CONTRIB_TOO_LONG,
	          "失业保险缴费年限：不能超过50年");
	u_refused(f, UF_CONTRIB, "很多", ERR_UNEMP_CONTRIB_FORMAT,
	          "失业保险缴费年限：应填缴费年数");
	u_refused(f, UF_REASON, "77", ERR_CODE_UNKNOWN, "失业原因：不是代码表中的有效代码");
	u_refused(f, UF_WISH_INDUSTRY, "Z", ERR_CODE_UNKNOWN,
	          "求职意向行业：不是代码表中的有效代码");
	u_refused(f, UF_HUKOU_KIND, "3", ERR_CODE_UNKNOWN, "户籍：不是代码表中的有效代码");
	u_refused(f, UF_CATEGORIES, "02 99", ERR_CODE_UNKNOWN,
	          "人员类别：不是代码表中的有效代码，请从列表中选择（“99”）");
	u_refused(f, UF_CATEGORIES, "01", ERR_UNEMP_NOT_4050, "人员类别：不符合4050人员条件");
	u_refused(f, UF_LAST_USCC, "91420102MA4K00010X", ERR_USCC_CHECKSUM, "原单位信用代码");
	u_refused(f, UF_CARD_NO, "12ab", ERR_UNEMP_CARD_FORMAT,
	          "就业创业证号：应为6至20位数字或大写英文字母");
	u_refused(f, UF_WISH_WAGE, "-5", ERR_MONEY_NEGATIVE, "期望月工资：不能为负数");
	/* Over-long text is refused as typed, never cut. */
	char longname[400] = "";
	for (int k = 0; k < 101; k++)
		strcat(longname, "厂");
	CHECK_INT(form_set_value(f, UF_LAST_NAME, longname, &e), ERR_TEXT_TOO_LONG);
	CHECK(u_says(&e, "原工作单位：超过长度限制（最多100个字，现有101个）"));
	CHECK_INT(form_set_value(f, UF_WISH_OCCUPATION, "\xe7\x94\xb5\xff", &e), ERR_TEXT_UTF8);
	/* Keystrokes a field cannot take are refused with what it takes. */
	CHECK_INT(form_accepts_char(f, UF_NAME, 'a', &e), ERR_FIELD_CHAR);
	CHECK(u_says(&e, "姓名：不能输入该字符"));
	CHECK_INT(form_accepts_char(f, UF_SEX, '1', &e), ERR_FIELD_READONLY);
	CHECK_INT(form_accepts_char(f, UF_UI, '1', &e), ERR_FIELD_READONLY);
	form_free(f);
}

static void save_refusals_put_the_cursor_on_the_field(void)
{
	REQUIRE(u_fresh() != NULL);
	err_info e;
	int bad = -1;
	/* A 20-year-old cannot have paid ten years. */
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("20060101", 41), NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "周杰"));
	CHECK_INT(u_enter(f, UF_CONTRIB, "10", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_CONTRIB_BEYOND_AGE);
	CHECK_INT(bad, UF_CONTRIB);
	CHECK(u_says(&e, "失业保险缴费年限：超过了本人年满16周岁以来的时间（最多50个月）"));
	CHECK_INT(u_enter(f, UF_CONTRIB, "50个月", NULL, &e), ERR_OK);
	/* 就业困难人员 “残疾人” needs the category. */
	CHECK_INT(u_enter(f, UF_DIFFICULTY, "02", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_DIFFICULTY_CATEGORY);
	CHECK_INT(bad, UF_DIFFICULTY);
	CHECK_INT(u_enter(f, UF_CATEGORIES, "cjr", NULL, &e), ERR_OK);
	/* A credit code the table does not know needs the name. */
	CHECK_INT(u_enter(f, UF_LAST_USCC, U_USCC_NEW, NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_EMPLOYER_NAME);
	CHECK_INT(bad, UF_LAST_NAME);
	CHECK_INT(u_enter(f, UF_LAST_NAME, "福州某某科技有限公司", NULL, &e), ERR_OK);
	/* Required fields. */
	CHECK_INT(u_enter(f, UF_REASON, "", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_FIELD_REQUIRED);
	CHECK_INT(bad, UF_REASON);
	CHECK(u_says(&e, "失业原因：必须填写"));
	CHECK_INT(u_enter(f, UF_REASON, "与用人单位解除或终止劳动关系", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, UF_REASON), "02");
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	unemp_reg r;
	REQUIRE(unemp_get(u_db, form_record_id(f), &r, &e) == ERR_OK);
	CHECK_INT(r.disability, 1);
	CHECK_STR(r.difficulty, "02");
	CHECK_INT(r.last_employer_id, 0);
	CHECK_STR(r.last_employer_name, "福州某某科技有限公司");
	form_free(f);

	/* A known credit code brings the employer's name and id. */
	f = u_form(u_op1);
	REQUIRE(f != NULL);
	msg_id m = MSG_NONE;
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19800202", 43), NULL, &e), ERR_OK);
	CHECK_INT(u_enter(f, UF_LAST_USCC, U_USCC_KNOWN, &m, &e), ERR_OK);
	CHECK_INT(m, MSG_UF_EMPLOYER_FOUND);
	CHECK_STR(form_value(f, UF_LAST_NAME), "武汉某某制造有限公司");
	REQUIRE(u_fill_rest(f, "吴刚"));
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	REQUIRE(unemp_get(u_db, form_record_id(f), &r, &e) == ERR_OK);
	CHECK(r.last_employer_id > 0);
	form_free(f);
}

/* Categories shown for a person born on birth registered on reg_date. */
static const char *u_categories_on(const char *birth, int seq, const char *reg_date)
{
	static char out[64];
	err_info e;
	form *f = u_form(u_op1);
	if (f == NULL)
		return "(no form)";
	snprintf(out, sizeof out, "(refused)");
	if (u_enter(f, UF_REG_DATE, reg_date, NULL, &e) == ERR_OK &&
	    u_enter(f, UF_CATEGORIES, "04", NULL, &e) == ERR_OK &&
	    u_enter(f, UF_ID_NO, u_id(birth, seq), NULL, &e) == ERR_OK)
		snprintf(out, sizeof out, "%s", form_value(f, UF_CATEGORIES));
	form_free(f);
	return out;
}

static void category_4050_on_both_sides_of_the_birthday(void)
{
	REQUIRE(u_fresh() != NULL);
	/* A woman turns 40, a man 50, on 2026-03-02. */
	CHECK_STR(u_categories_on("19860302", 22, "2026-03-01"), "04");
	CHECK_STR(u_categories_on("19860302", 22, "2026-03-02"), "01,04");
	CHECK_STR(u_categories_on("19760302", 21, "2026-03-01"), "04");
	CHECK_STR(u_categories_on("19760302", 21, "2026-03-02"), "01,04");
	CHECK_STR(u_categories_on("19860302", 21, "2026-03-02"), "04"); /* a man of 40 */

	/* Changing the date back drops it again; it is stored with the registration. */
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	err_info e;
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19860302", 22), NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, UF_CATEGORIES), "01");
	CHECK_INT(u_enter(f, UF_REG_DATE, "2026-03-01", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, UF_CATEGORIES), "");
	CHECK_INT(u_enter(f, UF_REG_DATE, "2026-03-02", NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "钱芳"));
	int bad = 0;
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	unemp_reg r;
	REQUIRE(unemp_get(u_db, form_record_id(f), &r, &e) == ERR_OK);
	CHECK_INT(r.n_categories, 1);
	CHECK_STR(r.categories[0], "01");
	char buf[128];
	CHECK_STR(form_display(f, UF_CATEGORIES, buf, sizeof buf), "01 4050人员");
	form_free(f);
}

static const char *u_ui_for(form *f, const char *contrib, const char *involuntary)
{
	err_info e;
	if (u_enter(f, UF_CONTRIB, contrib, NULL, &e) != ERR_OK ||
	    u_enter(f, UF_INVOLUNTARY, involuntary, NULL, &e) != ERR_OK)
		return "(refused)";
	return form_value(f, UF_UI);
}

static void entitlement_shown_at_the_boundaries(void)
{
	REQUIRE(u_fresh() != NULL);
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	CHECK_STR(u_ui_for(f, "11个月", "是"),
	          "累计缴费11个月，不能领取失业保险金：失业保险累计缴费不满一年");
	CHECK_STR(u_ui_for(f, "1", "是"), "累计缴费12个月，可领取失业保险金12个月");
	CHECK_STR(u_ui_for(f, "4年11个月", "是"), "累计缴费59个月，可领取失业保险金12个月");
	CHECK_STR(u_ui_for(f, "5", "是"), "累计缴费60个月，可领取失业保险金18个月");
	CHECK_STR(u_ui_for(f, "9年11个月", "是"), "累计缴费119个月，可领取失业保险金18个月");
	CHECK_STR(u_ui_for(f, "10", "是"), "累计缴费120个月，可领取失业保险金24个月");
	CHECK_STR(u_ui_for(f, "10", "否"),
	          "累计缴费120个月，不能领取失业保险金：因本人意愿中断就业，不享受失业保险金");
	CHECK_STR(u_ui_for(f, "1.5", ""), "累计缴费18个月；请填写是否非本人意愿失业");
	CHECK_STR(u_ui_for(f, "", ""), "");
	form_free(f);
}

static void end_and_register_again(void)
{
	REQUIRE(u_fresh() != NULL);
	const char *id = u_id("19850617", 35);
	int64_t reg = u_register(id, "张三", "2026-01-05");
	REQUIRE(reg > 0);
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	err_info e;
	REQUIRE(form_load(f, reg, &e) == ERR_OK);
	CHECK(form_action_enabled(f, UF_ACT_END));
	CHECK(!form_visible(f, UF_END_DATE));
	form *end = NULL;
	REQUIRE(form_action_open(f, UF_ACT_END, &end, &e) == ERR_OK);
	CHECK_STR(form_value(end, UE_NAME), "张三");
	CHECK_STR(form_value(end, UE_REG_DATE), "2026-01-05");
	CHECK_STR(form_value(end, UE_END_DATE), "2026-03-02");
	int bad = -1;
	/* End date before the start. */
	CHECK_INT(u_enter(end, UE_END_DATE, "2026-01-04", NULL, &e), ERR_UNEMP_END_BEFORE_START);
	CHECK(u_says(&e, "结束日期：不能早于登记日期（登记日期2026-01-05）"));
	CHECK_INT(u_enter(end, UE_END_DATE, "2026-03-03", NULL, &e), ERR_DATE_FUTURE);
	CHECK_INT(u_enter(end, UE_END_DATE, "2026-02-20", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(end, UE_END_REASON, "ZX99", NULL, &e), ERR_CODE_UNKNOWN);
	CHECK(u_says(&e, "注销原因：不是代码表中的有效代码"));
	/* A new employer only for a reason that is work. */
	CHECK_INT(u_enter(end, UE_END_REASON, "ZX05", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(end, UE_NEW_USCC, U_USCC_NEW, NULL, &e), ERR_OK);
	CHECK_INT(form_save(end, &bad, &e), ERR_UNEMP_EMPLOYER_NOT_ALLOWED);
	CHECK_INT(bad, UE_NEW_USCC);
	CHECK(u_says(&e,
	             "新单位信用代码：该注销原因不是就业，不应填写新就业单位（注销原因为“完全丧失"
	             "劳动能力”）"));
	CHECK_INT(u_enter(end, UE_END_REASON, "zx01", NULL, &e), ERR_OK);
	CHECK_STR(form_value(end, UE_END_REASON), "ZX01");
	CHECK_INT(form_save(end, &bad, &e), ERR_UNEMP_EMPLOYER_NAME);
	CHECK_INT(bad, UE_NEW_NAME);
	CHECK_INT(u_enter(end, UE_NEW_NAME, "福州某某科技有限公司", NULL, &e), ERR_OK);
	REQUIRE(form_save(end, &bad, &e) == ERR_OK);
	form_free(end);

	/* Stored: ended, the new employer entered once; history kept. */
	unemp_reg r;
	REQUIRE(unemp_get(u_db, reg, &r, &e) == ERR_OK);
	CHECK_STR(r.end_date, "2026-02-20");
	CHECK_STR(r.end_reason, "ZX01");
	employer emp;
	REQUIRE(employer_find_by_uscc(u_db, U_USCC_NEW, &emp, &e) == ERR_OK);
	CHECK_INT(r.new_employer_id, emp.id);
	CHECK_STR(emp.name_py, "fzmmkjyxgs");

	/* The registration now shows its end, offers no actions and cannot be changed. */
	REQUIRE(form_reload(f, &e) == ERR_OK);
	CHECK(form_visible(f, UF_END_DATE));
	CHECK_STR(form_value(f, UF_END_REASON), "ZX01");
	CHECK(!form_action_enabled(f, UF_ACT_END));
	CHECK(!form_action_enabled(f, UF_ACT_FOLLOWUP));
	CHECK_INT(u_enter(f, UF_WISH_OCCUPATION, "焊工", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_ENDED);
	CHECK(u_says(&e, "该失业登记已经结束（2026-02-20）"));
	CHECK_INT(bad, -1);
	/* Nothing more to do to it: actions are refused, unsaved changes or not. */
	form *again = NULL;
	CHECK_INT(form_action_open(f, UF_ACT_END, &again, &e), ERR_FORM_SAVE_FIRST);
	REQUIRE(form_reload(f, &e) == ERR_OK);
	CHECK_INT(form_action_open(f, UF_ACT_END, &again, &e), ERR_FORM_ACTION_UNAVAILABLE);
	CHECK(u_says(&e, "当前记录不能进行此操作（结束登记）"));
	CHECK(again == NULL);
	form_free(f);

	/* Registered again, not before the end of the last one. */
	f = u_form(u_op1);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_REG_DATE, "2026-02-19", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(f, UF_ID_NO, id, NULL, &e), ERR_OK);
	CHECK_INT(u_enter(f, UF_REG_DATE, "2026-02-19", NULL, &e), ERR_UNEMP_BEFORE_PREV_END);
	CHECK(
	    u_says(&e, "登记日期：不能早于该人员上一次失业登记的结束日期（上次结束于2026-02-20）"));
	CHECK_INT(u_enter(f, UF_REG_DATE, "2026-02-20", NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, NULL));
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	CHECK(form_record_id(f) != reg);
	/* The earlier registration is listed with this one, and opens. */
	listing_row rows[4];
	size_t n = 0, total = 0;
	REQUIRE(form_sublist_rows(f, UF_LIST_HISTORY, 0, 4, rows, &n, &total, &e) == ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(rows[0].cells[0], "2026-01-05");
	CHECK_STR(rows[0].cells[1], "2026-02-20");
	CHECK_STR(rows[0].cells[3], "被用人单位录用");
	form *old = NULL;
	REQUIRE(form_sublist_open(f, UF_LIST_HISTORY, rows[0].id, &old, &e) == ERR_OK);
	CHECK_STR(form_value(old, UF_END_DATE), "2026-02-20");
	form_free(old);
	CHECK_INT(u_rows("SELECT count(*) FROM unemp_regs"), 2);
	form_free(f);
}

static void followups_recorded_and_listed(void)
{
	REQUIRE(u_fresh() != NULL);
	int64_t reg = u_register(u_id("19850617", 35), "张三", "2026-01-05");
	REQUIRE(reg > 0);
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	err_info e;
	REQUIRE(form_load(f, reg, &e) == ERR_OK);
	form *fu = NULL;
	REQUIRE(form_action_open(f, UF_ACT_FOLLOWUP, &fu, &e) == ERR_OK);
	CHECK_STR(form_value(fu, UFU_NAME), "张三");
	CHECK_STR(form_value(fu, UFU_SERVICE_DATE), "2026-03-02");
	CHECK_INT(u_enter(fu, UFU_SERVICE_DATE, "2026-01-04", NULL, &e), ERR_UNEMP_SERVICE_OUTSIDE);
	CHECK(u_says(&e, "服务日期：应在失业登记期间内（登记日期至结束日期或今天）（2026-01-05至"
	                 "2026-03-02）"));
	CHECK_INT(u_enter(fu, UFU_SERVICE_DATE, "2026-01-20", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(fu, UFU_KIND, "职业介绍", NULL, &e), ERR_OK);
	CHECK_STR(form_value(fu, UFU_KIND), "02");
	CHECK_INT(u_enter(fu, UFU_NOTE, "推荐到某超市\n面试营业员", NULL, &e), ERR_OK);
	int bad = -1;
	REQUIRE(form_save(fu, &bad, &e) == ERR_OK);
	form_free(fu);
	REQUIRE(form_action_open(f, UF_ACT_FOLLOWUP, &fu, &e) == ERR_OK);
	CHECK_INT(u_enter(fu, UFU_KIND, "zyzd", NULL, &e), ERR_OK);
	REQUIRE(form_save(fu, &bad, &e) == ERR_OK);
	form_free(fu);

	listing_row rows[4];
	size_t n = 0, total = 0;
	REQUIRE(form_sublist_rows(f, UF_LIST_FOLLOWUPS, 0, 4, rows, &n, &total, &e) == ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(total, 2);
	CHECK_STR(rows[0].cells[0], "2026-01-20");
	CHECK_STR(rows[0].cells[1], "职业介绍");
	CHECK_STR(rows[0].cells[2], "推荐到某超市 面试营业员");
	CHECK_STR(rows[1].cells[1], "职业指导");

	/* Opening a row edits it, versioned and audited. */
	REQUIRE(form_sublist_open(f, UF_LIST_FOLLOWUPS, rows[0].id, &fu, &e) == ERR_OK);
	CHECK_STR(form_value(fu, UFU_KIND), "02");
	CHECK_INT(u_enter(fu, UFU_NOTE, "已录用", NULL, &e), ERR_OK);
	REQUIRE(form_save(fu, &bad, &e) == ERR_OK);
	form_free(fu);
	unemp_followup got;
	REQUIRE(unemp_followup_get(u_db, rows[0].id, &got, &e) == ERR_OK);
	CHECK_STR(got.note, "已录用");
	CHECK_INT(got.version, 2);
	CHECK_INT(got.operator_id, u_op1);
	CHECK_INT(got.reg_id, reg);
	audit_list al;
	REQUIRE(audit_list_row(u_db, "unemp_followups", rows[0].id, &al, &e) == ERR_OK);
	CHECK_INT(al.n, 2);
	audit_list_free(&al);
	form_free(f);
}

/* The listing over a filter form of clerk op; returns the number of rows. */
static size_t u_list(int64_t op, const char *category, const char *months, const char *status,
                     const char *query, listing_row *rows, size_t max)
{
	err_info e;
	form *flt = NULL;
	if (form_new(&unemp_filter_spec, u_db, u_today(), op, &flt, &e) != ERR_OK)
		return 999;
	form_set_value(flt, ULF_CATEGORY, category, &e);
	form_set_value(flt, ULF_MONTHS, months, &e);
	form_set_value(flt, ULF_STATUS, status, &e);
	size_t n = 0, total = 0;
	int bad = -1;
	if (listing_search(&unemp_list_spec, u_db, flt, query, 0, max, rows, &n, &total, &bad,
	                   &e) != ERR_OK) {
		char buf[300];
		fprintf(stderr, "# list: %s (field %d)\n", err_format(&e, buf, sizeof buf), bad);
		n = 1000;
	} else if (total != n && n < max) {
		test_fail(__FILE__, __LINE__, "total %zu, rows %zu", total, n);
	}
	form_free(flt);
	return n;
}

static void list_filtered_by_category_months_and_state(void)
{
	REQUIRE(u_fresh() != NULL);
	/* 张三 (man, 40) in August; 钱芳 (woman, 40 → 4050) in February; 李梅 in March, ended. */
	REQUIRE(u_register(u_id("19850617", 35), "张三", "2025-08-15") > 0);
	REQUIRE(u_register(u_id("19860101", 22), "钱芳", "2026-02-10") > 0);
	int64_t li = u_register(u_id("19900101", 12), "李梅", "2026-03-01");
	REQUIRE(li > 0);
	err_info e;
	unemp_reg r;
	REQUIRE(unemp_get(u_db, li, &r, &e) == ERR_OK);
	REQUIRE(unemp_end(u_db, &r, "2026-03-02", "ZX01", 0, &e) == ERR_OK);
	/* Another office's registration is not this clerk's. */
	int64_t other = u_operator("clerk3", "420103", ROLE_CASEWORKER);
	db_set_actor(u_db, other, "clerk3");
	form *f = u_form(other);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19700505", 51), NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "王五"));
	int bad = 0;
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	CHECK_STR(form_value(f, UF_CARD_NO), "4201031026000001"); /* its own area and sequence */
	form_free(f);
	db_set_actor(u_db, u_op1, "clerk1");

	listing_row rows[8];
	CHECK_INT(u_list(u_op1, "", "", "", "", rows, 8), 2); /* open ones, newest first */
	CHECK_STR(rows[0].cells[UL_NAME], "钱芳");
	CHECK_STR(rows[0].cells[UL_CATEGORIES], "4050人员");
	CHECK_STR(rows[0].cells[UL_STATUS], "登记中");
	CHECK_STR(rows[1].cells[UL_NAME], "张三");
	CHECK_STR(rows[1].cells[UL_MONTHS], "6");
	CHECK_INT(u_list(u_op1, "01", "", "", "", rows, 8), 1);
	CHECK_STR(rows[0].cells[UL_NAME], "钱芳");
	CHECK_INT(u_list(u_op1, "4050", "", "", "", rows, 8), 1); /* by the category's name */
	CHECK_INT(u_list(u_op1, "", "6", "", "", rows, 8), 1);
	CHECK_STR(rows[0].cells[UL_NAME], "张三");
	CHECK_INT(u_list(u_op1, "", "7", "", "", rows, 8), 0);
	CHECK_INT(u_list(u_op1, "", "", "2", "", rows, 8), 1);
	CHECK_STR(rows[0].cells[UL_NAME], "李梅");
	CHECK_STR(rows[0].cells[UL_STATUS], "已结束");
	CHECK_INT(u_list(u_op1, "", "", "全部", "", rows, 8), 3);
	CHECK_INT(u_list(u_op1, "", "", "9", "zs", rows, 8), 1);
	CHECK_INT(u_list(u_op1, "", "", "9", "ZS", rows, 8), 1);
	CHECK_INT(u_list(u_op1, "", "", "9", "钱", rows, 8), 1);
	CHECK_INT(u_list(u_op1, "", "", "9", "42010219900101", rows, 8), 1);
	CHECK_STR(rows[0].cells[UL_ID_NO], u_id("19900101", 12));
	CHECK_INT(u_list(u_op1, "", "", "9", "王五", rows, 8), 0);
	CHECK_INT(u_list(other, "", "", "", "王五", rows, 8), 1);
	/* A bad filter is refused naming it. */
	CHECK_INT(u_list(u_op1, "99", "", "", "", rows, 8), 1000);
	CHECK_INT(u_list(u_op1, "", "abc", "", "", rows, 8), 1000);
	/* Hostile queries: no rows, no crash. */
	char big[300];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(u_list(u_op1, "", "", "", big, rows, 8), 1000);
	CHECK_INT(u_list(u_op1, "", "", "", "'; DROP TABLE persons; --", rows, 8), 0);
	CHECK_INT(u_list(u_op1, "", "", "", "\xff\xfe", rows, 8), 0);
	CHECK(u_rows("SELECT count(*) FROM persons") == 4);
	/* The listing opens rows in the registration form. */
	CHECK(unemp_list_spec.form == &unemp_form_spec);
	CHECK(workflow_get(workflow_find("unemp"))->listing == &unemp_list_spec);
}

static void second_save_of_the_same_registration_refused(void)
{
	REQUIRE(u_fresh() != NULL);
	int64_t reg = u_register(u_id("19850617", 35), "张三", NULL);
	REQUIRE(reg > 0);
	err_info e;
	form *a = u_form(u_op1), *b = u_form(u_op2);
	REQUIRE(a != NULL && b != NULL);
	REQUIRE(form_load(a, reg, &e) == ERR_OK);
	REQUIRE(form_load(b, reg, &e) == ERR_OK);
	CHECK_INT(u_enter(a, UF_WISH_OCCUPATION, "焊工", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(b, UF_WISH_OCCUPATION, "厨师", NULL, &e), ERR_OK);
	int bad = -2;
	CHECK_INT(form_save(a, &bad, &e), ERR_OK);
	db_set_actor(u_db, u_op2, "clerk2");
	CHECK_INT(form_save(b, &bad, &e), ERR_DB_STALE);
	CHECK_INT(bad, -1);
	CHECK(u_says(&e, "记录已被其他人修改"));
	unemp_reg r;
	REQUIRE(unemp_get(u_db, reg, &r, &e) == ERR_OK);
	CHECK_STR(r.wish_occupation, "焊工");
	/* Ending from a stale view is refused too. */
	form *end = NULL;
	REQUIRE(form_action_open(a, UF_ACT_END, &end, &e) == ERR_OK);
	CHECK_INT(u_enter(a, UF_WISH_OCCUPATION, "电焊工", NULL, &e), ERR_OK);
	db_set_actor(u_db, u_op1, "clerk1");
	REQUIRE(form_save(a, &bad, &e) == ERR_OK);
	CHECK_INT(u_enter(end, UE_END_REASON, "ZX09", NULL, &e), ERR_OK);
	CHECK_INT(form_save(end, &bad, &e), ERR_DB_STALE);
	form_free(end);
	form_free(a);
	form_free(b);
}

static void nothing_half_saved(void)
{
	REQUIRE(u_fresh() != NULL);
	int64_t reg = u_register(u_id("19850617", 35), "张三", NULL);
	REQUIRE(reg > 0);
	err_info e;
	/* A new person whose registration clashes on the card number: no person either. */
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19900101", 12), NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "李梅"));
	CHECK_INT(u_enter(f, UF_CARD_NO, "4201021926000001", NULL, &e), ERR_OK);
	int bad = -1;
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_CARD_TAKEN);
	CHECK_INT(bad, UF_CARD_NO);
	CHECK(u_says(&e, "就业创业证号：该编号已被另一失业登记使用，不能重复（4201021926000001）"));
	CHECK_INT(u_rows("SELECT count(*) FROM persons"), 1);
	CHECK_INT(u_rows("SELECT count(*) FROM unemp_regs"), 1);
	/* Typed in lower case, it is the same number. */
	CHECK_INT(u_enter(f, UF_CARD_NO, "jy20260001", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, UF_CARD_NO), "JY20260001");
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	CHECK_INT(u_rows("SELECT count(*) FROM persons"), 2);
	form_free(f);
}

static void card_template_per_office(void)
{
	REQUIRE(u_fresh() != NULL);
	err_info e;
	REQUIRE(setting_set(u_db, "cert.template.420102", "JY{yyyy}{seq4}", &e) == ERR_OK);
	int64_t a = u_register(u_id("19850617", 35), "张三", NULL);
	int64_t b = u_register(u_id("19900101", 12), "李梅", "2025-12-31");
	REQUIRE(a > 0 && b > 0);
	unemp_reg r;
	REQUIRE(unemp_get(u_db, a, &r, &e) == ERR_OK);
	CHECK_STR(r.card_no, "JY20260001");
	REQUIRE(unemp_get(u_db, b, &r, &e) == ERR_OK);
	CHECK_STR(r.card_no, "JY20250001"); /* its own year */
	/* A broken template is reported on save, naming the field, and stores nothing. */
	REQUIRE(setting_set(u_db, "cert.template.420102", "JY{yyyy}", &e) == ERR_OK);
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19800202", 43), NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "吴刚"));
	int bad = -1;
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_CARD_TEMPLATE);
	CHECK_INT(bad, UF_CARD_NO);
	CHECK(u_says(&e, "就业创业证号：就业创业证号模板设置有误"));
	CHECK_INT(u_rows("SELECT count(*) FROM persons"), 2);
	form_free(f);
	/* db: the highest sequence of a pattern. */
	long seq = -1;
	CHECK_INT(unemp_card_max_seq(u_db, "JY2026[0-9][0-9][0-9][0-9]", 6, 4, &seq, &e), ERR_OK);
	CHECK_INT(seq, 1);
	CHECK_INT(unemp_card_max_seq(u_db, "XX*", 2, 4, &seq, &e), ERR_OK);
	CHECK_INT(seq, 0);
	CHECK_INT(unemp_card_max_seq(u_db, "JY*", 0, 0, &seq, &e), ERR_INVALID_ARG);
}

static void office_needed_and_view_only(void)
{
	REQUIRE(u_fresh() != NULL);
	err_info e;
	int64_t admin = u_operator("boss", "", ROLE_ADMIN);
	form *f = u_form(admin);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19850617", 35), NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "张三"));
	int bad = -2;
	CHECK_INT(form_save(f, &bad, &e), ERR_UNEMP_NO_OFFICE);
	CHECK(u_says(&e, "经办机构：当前操作员没有所属经办机构"));
	CHECK_INT(bad, -1); /* 经办机构 is not the user's to type */
	/* The installation's office serves an operator without one. */
	REQUIRE(setting_set(u_db, "office.default", "420103", &e) == ERR_OK);
	form_free(f);
	f = u_form(admin);
	REQUIRE(f != NULL);
	CHECK_STR(form_value(f, UF_OFFICE_NAME), "江汉区劳动保障事务所");
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19850617", 35), NULL, &e), ERR_OK);
	REQUIRE(u_fill_rest(f, "张三"));
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	int64_t reg = form_record_id(f);
	form_free(f);

	/* A viewer sees, changes nothing and is offered no actions. */
	f = u_form(u_op1);
	REQUIRE(f != NULL);
	form_set_readonly(f, 1);
	REQUIRE(form_load(f, reg, &e) == ERR_OK);
	CHECK(!form_action_enabled(f, UF_ACT_END));
	CHECK_INT(form_set_value(f, UF_NAME, "李四", &e), ERR_FORM_READONLY);
	CHECK_INT(form_save(f, &bad, &e), ERR_FORM_READONLY);
	form_free(f);
	int wf = workflow_find("unemp");
	CHECK(workflow_visible(ROLE_CASEWORKER, wf));
	CHECK(workflow_can_edit(ROLE_CASEWORKER, wf));
	CHECK(!workflow_visible(ROLE_TRAINING, wf));
	CHECK(workflow_built(wf));
}

static void drafts_come_back(void)
{
	REQUIRE(u_fresh() != NULL);
	err_info e;
	form *f = u_form(u_op1);
	REQUIRE(f != NULL);
	CHECK_INT(u_enter(f, UF_ID_NO, u_id("19850617", 35), NULL, &e), ERR_OK);
	CHECK_INT(u_enter(f, UF_NAME, "张三", NULL, &e), ERR_OK);
	CHECK_INT(u_enter(f, UF_CONTRIB, "2", NULL, &e), ERR_OK);
	REQUIRE(form_draft_save(f, &e) == ERR_OK);
	form_free(f); /* the connection dropped */

	f = u_form(u_op1);
	REQUIRE(f != NULL);
	int found = 0;
	REQUIRE(form_draft_restore(f, &found, &e) == ERR_OK);
	CHECK(found);
	CHECK_STR(form_value(f, UF_NAME), "张三");
	CHECK_STR(form_value(f, UF_BIRTH_DATE), "1985-06-17");
	CHECK_STR(form_value(f, UF_CONTRIB), "2");
	CHECK(form_dirty(f));
	REQUIRE(u_fill_rest(f, NULL));
	int bad = 0;
	REQUIRE(form_save(f, &bad, &e) == ERR_OK);
	REQUIRE(form_draft_discard(f, &e) == ERR_OK);
	int64_t reg = form_record_id(f);

	/* A follow-up's draft carries its registration, so it saves without the parent. */
	form *fu = NULL;
	REQUIRE(form_action_open(f, UF_ACT_FOLLOWUP, &fu, &e) == ERR_OK);
	CHECK_INT(u_enter(fu, UFU_KIND, "06", NULL, &e), ERR_OK);
	REQUIRE(form_draft_save(fu, &e) == ERR_OK);
	form_free(fu);
	form_free(f);
	int wf = -1;
	const form_spec *spec = workflow_form_spec("unemp_followup", &wf);
	REQUIRE(spec == &unemp_followup_spec);
	CHECK_INT(wf, workflow_find("unemp"));
	REQUIRE(form_new(spec, u_db, u_today(), u_op1, &fu, &e) == ERR_OK);
	REQUIRE(form_draft_restore(fu, &found, &e) == ERR_OK);
	CHECK(found);
	CHECK_STR(form_value(fu, UFU_NAME), "张三");
	REQUIRE(form_save(fu, &bad, &e) == ERR_OK);
	unemp_followup_list l;
	REQUIRE(unemp_followup_list_reg(u_db, reg, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 1);
	unemp_followup_list_free(&l);
	form_free(fu);
	CHECK(workflow_form_spec("unemp_end", NULL) == &unemp_end_spec);
	CHECK(workflow_form_spec("unemp", NULL) == &unemp_form_spec);
}

TEST_MAIN(T(register_new_person_from_15_digit_id), T(register_existing_person),
          T(open_registration_refused_naming_date_and_office),
          T(working_age_refused_with_the_reason), T(bad_input_names_the_field),
          T(save_refusals_put_the_cursor_on_the_field),
          T(category_4050_on_both_sides_of_the_birthday), T(entitlement_shown_at_the_boundaries),
          T(end_and_register_again), T(followups_recorded_and_listed),
          T(list_filtered_by_category_months_and_state),
          T(second_save_of_the_same_registration_refused), T(nothing_half_saved),
          T(card_template_per_office), T(office_needed_and_view_only), T(drafts_come_back))
