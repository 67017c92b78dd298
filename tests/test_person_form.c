/*
 * Tests for forms/person_form, forms/person_list and forms/workflow: the
 * 人员基本信息 form as a caseworker uses it (ID first, derived fields, the
 * existing record opened by its ID, save and search by initials), two
 * sessions saving the same person, drafts per operator, the listing, and
 * which roles see and change which workflow. No terminal.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/dbint.h"
#include "db/draft.h"
#include "db/office.h"
#include "db/operator.h"
#include "db/person.h"
#include "forms/person_form.h"
#include "forms/person_list.h"
#include "forms/workflow.h"
#include "tests/test.h"

static db *pf_db;
static int64_t pf_op1, pf_op2; /* two clerks of office 420102 */

static lb_date pf_today(void)
{
	lb_date d = 0;
	date_from_ymd(2026, 3, 2, &d, NULL);
	return d;
}

static int64_t pf_add_operator(db *d, const char *login)
{
	err_info e;
	operator_rec o;
	memset(&o, 0, sizeof o);
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.name, sizeof o.name, "经办%s", login);
	o.role = ROLE_CASEWORKER;
	snprintf(o.office, sizeof o.office, "420102");
	if (operator_add(d, &o, "secret-pw", &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "operator %s: %s", login, err_name(e.code));
		return 0;
	}
	return o.id;
}

/* A fresh database with one office and two operators; each case starts from it. */
static db *pf_fresh(void)
{
	static int n;
	err_info e;
	db_close(pf_db);
	pf_db = NULL;
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/person%d.db", test_tmpdir(), ++n);
	if (db_open(path, DB_OPEN_CREATE, &pf_db, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
		return NULL;
	}
	office o;
	memset(&o, 0, sizeof o);
	snprintf(o.code, sizeof o.code, "420102");
	snprintf(o.name, sizeof o.name, "江岸区劳动保障事务所");
	snprintf(o.area_code, sizeof o.area_code, "420102");
	if (office_insert(pf_db, &o, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "office: %s", err_name(e.code));
	pf_op1 = pf_add_operator(pf_db, "clerk1");
	pf_op2 = pf_add_operator(pf_db, "clerk2");
	db_set_actor(pf_db, pf_op1, "clerk1");
	return pf_db;
}

static form *pf_form(int64_t op)
{
	err_info e;
	form *f = NULL;
	if (form_new(&person_form_spec, pf_db, pf_today(), op, &f, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "form_new: %s", err_name(e.code));
	return f;
}

static int64_t pf_rows(const char *sql)
{
	err_info e;
	int64_t n = -1;
	sqlite3_stmt *st = db_stmt(pf_db, sql, &e);
	if (st != NULL && db_fetch_int(pf_db, st, &n, &e) != ERR_OK)
		n = -1;
	return n;
}

static err_code pf_enter(form *f, int i, const char *v, msg_id *m, err_info *e)
{
	err_code c = form_set_value(f, i, v, e);
	if (c != ERR_OK)
		return c;
	return form_leave_field(f, i, m, e);
}

static int pf_says(const err_info *e, const char *want)
{
	char buf[400];
	err_format(e, buf, sizeof buf);
	if (strstr(buf, want) != NULL)
		return 1;
	fprintf(stderr, "# message \"%s\" lacks \"%s\"\n", buf, want);
	return 0;
}

/* Enter and save 张三 (420102198506170035); returns the row id. */
static int64_t pf_save_zhangsan(void)
{
	err_info e;
	int bad = 0;
	form *f = pf_form(pf_op1);
	if (f == NULL)
		return 0;
	const char *vals[][2] = {
	    {"id_no", "420102198506170035"},
	    {"name", "张三"},
	    {"ethnicity", "01"},
	    {"education", "21"},
	    {"hukou_type", "1"},
	    {"hukou_area", "420102"},
	    {"marital", "20"},
	    {"politics", "13"},
	    {"phone", "13812345678"},
	    {"address", "武汉市江岸区胜利街1号"},
	    {"email", "zs@example.com"},
	    {"remark", "首次登记"},
	};
	for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++)
		if (pf_enter(f, form_find(f, vals[k][0]), vals[k][1], NULL, &e) != ERR_OK)
			test_fail(__FILE__, __LINE__, "%s: %s", vals[k][0], err_name(e.code));
	int64_t id = 0;
	if (form_save(f, &bad, &e) == ERR_OK)
		id = form_record_id(f);
	else
		test_fail(__FILE__, __LINE__, "save: %s field %d", err_name(e.code), bad);
	form_free(f);
	return id;
}

static void new_person_derived_and_saved(void)
{
	err_info e;
	msg_id m;
	char buf[200];
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_STR(form_office(f), "420102"); /* from the operator */
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102198506170035", &m, &e), ERR_OK);
	CHECK_INT(m, MSG_NONE);
	CHECK_STR(form_value(f, PF_SEX), "1");
	CHECK_STR(form_display(f, PF_SEX, buf, sizeof buf), "1 男");
	CHECK_STR(form_value(f, PF_BIRTH_DATE), "1985-06-17");
	CHECK_INT(pf_enter(f, PF_NAME, "单雄信", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_NAME_PY), "sxx"); /* 单 read as a surname */
	CHECK_INT(pf_enter(f, PF_ETHNICITY, "汉族", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_ETHNICITY), "01");
	CHECK_INT(pf_enter(f, PF_PHONE, "138-1234-5678", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_PHONE), "13812345678");
	/* derived fields are the form's, not the user's */
	CHECK_INT(form_set_value(f, PF_SEX, "2", &e), ERR_FIELD_READONLY);
	CHECK_INT(form_set_value(f, PF_NAME_PY, "abc", &e), ERR_FIELD_READONLY);
	int bad = 99;
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(bad, -1);
	CHECK(form_record_id(f) > 0);
	CHECK_INT(form_record_version(f), 1);
	CHECK(!form_dirty(f));
	person p;
	CHECK_INT(person_find_by_id_no(pf_db, "420102198506170035", &p, &e), ERR_OK);
	CHECK_STR(p.name, "单雄信");
	CHECK_STR(p.name_py, "sxx");
	CHECK_INT(p.sex, 1);
	CHECK_STR(p.birth_date, "1985-06-17");
	CHECK_STR(p.ethnicity, "01");
	CHECK_STR(p.office, "420102");
	CHECK_STR(p.education, "");
	/* the ID cleared: derived fields follow */
	CHECK_INT(pf_enter(f, PF_ID_NO, "", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_SEX), "");
	CHECK_STR(form_value(f, PF_BIRTH_DATE), "");
	CHECK_INT(pf_enter(f, PF_ID_NO, "11010519491231002x", NULL, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_SEX), "2");
	CHECK_STR(form_display(f, PF_SEX, buf, sizeof buf), "2 女");
	form_free(f);
}

static void fifteen_digit_id_upgraded(void)
{
	err_info e;
	msg_id m = MSG_NONE;
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102850617003", &m, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_ID_NO), "420102198506170035");
	CHECK_INT(m, MSG_FORM_ID_UPGRADED);
	CHECK_STR(form_value(f, PF_BIRTH_DATE), "1985-06-17");
	CHECK_STR(form_value(f, PF_SEX), "1");
	/* the centenarian rule of the old standard */
	CHECK_INT(pf_enter(f, PF_ID_NO, "110105980101997", &m, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_ID_NO), "110105189801019970");
	CHECK_STR(form_value(f, PF_BIRTH_DATE), "1898-01-01");
	CHECK_INT(pf_enter(f, PF_ID_NO, "110105194912310021", &m, &e), ERR_ID_CHECKSUM);
	CHECK(pf_says(&e, "公民身份号码：校验位错误"));
	CHECK_INT(m, MSG_NONE);
	form_free(f);
}

static void existing_id_opens_the_record(void)
{
	err_info e;
	msg_id m = MSG_NONE;
	REQUIRE(pf_fresh() != NULL);
	int64_t id = pf_save_zhangsan();
	REQUIRE(id > 0);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102198506170035", &m, &e), ERR_OK);
	CHECK_INT(m, MSG_PF_LOADED);
	CHECK_STR(msg_text(m), "已调出该人员的现有档案");
	CHECK_INT(form_record_id(f), id);
	CHECK_INT(form_record_version(f), 1);
	CHECK_STR(form_value(f, PF_NAME), "张三");
	CHECK_STR(form_value(f, PF_ADDRESS), "武汉市江岸区胜利街1号");
	CHECK(!form_dirty(f));
	/* leaving the same ID again changes nothing */
	CHECK_INT(pf_enter(f, PF_PHONE, "13900001111", NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102198506170035", &m, &e), ERR_OK);
	CHECK_INT(m, MSG_NONE);
	CHECK_STR(form_value(f, PF_PHONE), "13900001111");
	form_free(f);

	/* by its 15-digit number: upgraded, then opened, and the notice says both */
	f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102850617003", &m, &e), ERR_OK);
	CHECK_INT(m, MSG_PF_LOADED_UPGRADED);
	CHECK_STR(msg_text(m), "15位号码已升级为18位，已调出该人员的现有档案");
	CHECK_INT(form_record_id(f), id);
	CHECK_STR(form_value(f, PF_NAME), "张三");
	form_free(f);

	/* editing someone else, an ID that is 张三's is refused, not merged */
	f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(pf_enter(f, PF_ID_NO, "11010519491231002X", NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_NAME, "李四", NULL, &e), ERR_OK);
	int bad;
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102198506170035", &m, &e), ERR_PERSON_ID_TAKEN);
	CHECK_INT(e.field, MSG_F_ID_NO);
	CHECK(pf_says(&e, "张三"));
	CHECK_STR(form_value(f, PF_NAME), "李四");
	form_free(f);
}

static void required_fields_and_nothing_stored(void)
{
	err_info e;
	int bad = 99;
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_save(f, &bad, &e), ERR_FIELD_REQUIRED);
	CHECK_INT(bad, PF_ID_NO);
	CHECK(pf_says(&e, "公民身份号码：必须填写"));
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102198506170035", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_FIELD_REQUIRED);
	CHECK_INT(bad, PF_NAME);
	CHECK(pf_says(&e, "姓名：必须填写"));
	CHECK_INT(pf_enter(f, PF_NAME, "张三", NULL, &e), ERR_OK);

	/* one bad optional field and nothing at all is stored */
	CHECK_INT(form_set_value(f, PF_EMAIL, "zs@", &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_EMAIL_FORMAT);
	CHECK_INT(bad, PF_EMAIL);
	CHECK(pf_says(&e, "电子邮箱："));
	CHECK_INT(pf_enter(f, PF_EMAIL, "张三@example.com", NULL, &e), ERR_EMAIL_FORMAT);
	CHECK_INT(pf_enter(f, PF_EMAIL, "zs@example..com", NULL, &e), ERR_EMAIL_FORMAT);
	CHECK_INT(pf_enter(f, PF_EMAIL, "zs@@example.com", NULL, &e), ERR_EMAIL_FORMAT);
	CHECK_INT(pf_enter(f, PF_EMAIL, "zhang.san+1@mail.example.com", NULL, &e), ERR_OK);
	CHECK_INT(form_set_value(f, PF_HUKOU_AREA, "990000", &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_AREA_CODE);
	CHECK_INT(bad, PF_HUKOU_AREA);
	CHECK(pf_says(&e, "户籍地：应为6位数字的行政区划代码"));
	CHECK_INT(pf_enter(f, PF_HUKOU_AREA, "42010", NULL, &e), ERR_AREA_CODE);
	CHECK_INT(pf_enter(f, PF_HUKOU_AREA, "420102", NULL, &e), ERR_OK);
	CHECK_INT(form_set_value(f, PF_EDUCATION, "99", &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_CODE_UNKNOWN);
	CHECK_INT(bad, PF_EDUCATION);
	CHECK(pf_says(&e, "学历：不是代码表中的有效代码，请从列表中选择（“99”）"));
	CHECK_INT(form_set_value(f, PF_EDUCATION, "", &e), ERR_OK);
	/* 100 characters fit the field but not the column when each takes 4 bytes */
	char addr[401];
	for (int k = 0; k < 100; k++)
		memcpy(addr + 4 * k, "\xf0\xa0\x80\x80", 4); /* U+20000 */
	addr[400] = '\0';
	CHECK_INT(pf_enter(f, PF_ADDRESS, addr, NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_TEXT_TOO_LONG);
	CHECK_INT(bad, PF_ADDRESS);
	CHECK_INT(pf_rows("SELECT count(*) FROM persons"), 0);
	CHECK_INT(pf_rows("SELECT count(*) FROM audit_log WHERE tbl = 'persons'"), 0);
	CHECK_INT(pf_enter(f, PF_ADDRESS, "武汉", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(pf_rows("SELECT count(*) FROM persons"), 1);
	form_free(f);
}

static void saved_person_found_by_initials(void)
{
	err_info e;
	REQUIRE(pf_fresh() != NULL);
	int64_t id = pf_save_zhangsan();
	REQUIRE(id > 0);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(pf_enter(f, PF_ID_NO, "11010519491231002X", NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_NAME, "李四", NULL, &e), ERR_OK);
	int bad;
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	form_free(f);

	const listing_spec *ls = &person_list_spec;
	CHECK_INT(ls->n_columns, 6);
	CHECK(ls->form == &person_form_spec);
	CHECK_INT(ls->columns[PL_ID_NO].width, 18);
	CHECK_INT(ls->columns[PL_ADDRESS].width, 0);
	CHECK_STR(msg_text(ls->columns[PL_NAME].label), "姓名");
	listing_row rows[10];
	size_t n = 0, total = 0;
	CHECK_INT(ls->search(pf_db, "zs", 0, 10, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(total, 1);
	CHECK_INT(rows[0].id, id);
	CHECK_STR(rows[0].cells[PL_ID_NO], "420102198506170035");
	CHECK_STR(rows[0].cells[PL_NAME], "张三");
	CHECK_STR(rows[0].cells[PL_SEX], "男");
	CHECK_STR(rows[0].cells[PL_BIRTH_DATE], "1985-06-17");
	CHECK_STR(rows[0].cells[PL_PHONE], "13812345678");
	CHECK_STR(rows[0].cells[PL_ADDRESS], "武汉市江岸区胜利街1号");
	CHECK_INT(ls->search(pf_db, "ZS", 0, 10, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(ls->search(pf_db, "李", 0, 10, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(rows[0].cells[PL_SEX], "女");
	CHECK_INT(ls->search(pf_db, "1101", 0, 10, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(ls->search(pf_db, "", 0, 10, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(total, 2);
	/* paging: one per page */
	CHECK_INT(ls->search(pf_db, "", 1, 1, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(total, 2);
	CHECK_INT(ls->search(pf_db, "王", 0, 10, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 0);
	/* Enter opens the row in the listing's form */
	f = NULL;
	CHECK_INT(form_new(ls->form, pf_db, pf_today(), pf_op1, &f, &e), ERR_OK);
	REQUIRE(f != NULL);
	CHECK_INT(form_load(f, id, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_NAME), "张三");
	CHECK_STR(form_value(f, PF_NAME_PY), "zs");
	CHECK_INT(form_load(f, 999999, &e), ERR_NOT_FOUND);
	CHECK_STR(form_value(f, PF_NAME), "张三"); /* a failed load leaves the form */
	form_free(f);
}

static void second_session_saving_is_refused(void)
{
	err_info e;
	int bad = 99;
	REQUIRE(pf_fresh() != NULL);
	int64_t id = pf_save_zhangsan();
	REQUIRE(id > 0);
	form *a = pf_form(pf_op1), *b = pf_form(pf_op2);
	REQUIRE(a != NULL && b != NULL);
	CHECK_INT(form_load(a, id, &e), ERR_OK);
	CHECK_INT(form_load(b, id, &e), ERR_OK);
	CHECK_INT(pf_enter(b, PF_PHONE, "13900002222", NULL, &e), ERR_OK);
	CHECK_INT(form_save(b, &bad, &e), ERR_OK);
	CHECK_INT(form_record_version(b), 2);
	CHECK_INT(pf_enter(a, PF_ADDRESS, "汉口火车站", NULL, &e), ERR_OK);
	CHECK_INT(form_save(a, &bad, &e), ERR_DB_STALE);
	CHECK_INT(bad, -1);
	CHECK(pf_says(&e, "人员档案：记录已被其他人修改，请重新打开后再保存"));
	CHECK_INT(form_record_version(a), 1);
	CHECK(form_dirty(a)); /* the edit is still on screen */
	person p;
	CHECK_INT(person_get(pf_db, id, &p, &e), ERR_OK);
	CHECK_STR(p.phone, "13900002222");
	CHECK_STR(p.address, "武汉市江岸区胜利街1号");
	CHECK_INT(p.version, 2);
	CHECK_STR(p.office, "420102");
	/* reopened, the edit goes through */
	CHECK_INT(form_load(a, id, &e), ERR_OK);
	CHECK_INT(pf_enter(a, PF_ADDRESS, "汉口火车站", NULL, &e), ERR_OK);
	CHECK_INT(form_save(a, &bad, &e), ERR_OK);
	CHECK_INT(person_get(pf_db, id, &p, &e), ERR_OK);
	CHECK_STR(p.address, "汉口火车站");
	CHECK_STR(p.phone, "13900002222");
	form_free(a);
	form_free(b);
}

static void code_picklists(void)
{
	err_info e;
	form_choice ch[80];
	size_t n = 0;
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_choices(f, PF_ETHNICITY, "1", ch, 80, &n, &e), ERR_OK);
	CHECK_INT(n, 10); /* 10 … 19 */
	CHECK_STR(ch[0].code, "10");
	CHECK_STR(ch[0].name, "朝鲜族");
	CHECK_INT(form_choices(f, PF_ETHNICITY, "维吾", ch, 80, &n, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(ch[0].code, "05");
	CHECK_INT(form_choices(f, PF_POLITICS, "zggcd", ch, 80, &n, &e), ERR_OK);
	CHECK_INT(n, 2); /* 党员 and 预备党员 */
	CHECK_INT(form_choices(f, PF_HUKOU_TYPE, "", ch, 80, &n, &e), ERR_OK);
	CHECK_INT(n, 4);
	CHECK_INT(form_choices(f, PF_EDUCATION, "大学", ch, 80, &n, &e), ERR_OK);
	CHECK_INT(n, 9); /* 本科 20-23, 28 普通班, 专科 30-33 */
	CHECK_INT(form_choices(f, PF_NAME, "", ch, 80, &n, &e), ERR_INVALID_ARG);
	form_free(f);
}

static void drafts_belong_to_their_operator(void)
{
	err_info e;
	int found = 9;
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102198506170035", NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_NAME, "张三", NULL, &e), ERR_OK);
	CHECK_INT(form_set_value(f, PF_ADDRESS, "引号\"和反斜杠\\，还有'; --", &e), ERR_OK);
	CHECK_INT(form_set_value(f, PF_REMARK, "两行\n备注", &e), ERR_OK);
	CHECK_INT(form_draft_save(f, &e), ERR_OK);
	form_free(f);
	CHECK_INT(pf_rows("SELECT count(*) FROM persons"), 0);

	/* the same operator gets it back, exactly */
	f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_draft_restore(f, &found, &e), ERR_OK);
	CHECK_INT(found, 1);
	CHECK_STR(form_value(f, PF_ID_NO), "420102198506170035");
	CHECK_STR(form_value(f, PF_NAME), "张三");
	CHECK_STR(form_value(f, PF_NAME_PY), "zs");
	CHECK_STR(form_value(f, PF_SEX), "1");
	CHECK_STR(form_value(f, PF_ADDRESS), "引号\"和反斜杠\\，还有'; --");
	CHECK_STR(form_value(f, PF_REMARK), "两行\n备注");
	CHECK_INT(form_record_id(f), 0);
	CHECK(form_dirty(f));
	form_free(f);

	/* another operator sees no draft */
	db_set_actor(pf_db, pf_op2, "clerk2");
	f = pf_form(pf_op2);
	REQUIRE(f != NULL);
	CHECK_INT(form_draft_restore(f, &found, &e), ERR_OK);
	CHECK_INT(found, 0);
	CHECK_STR(form_value(f, PF_NAME), "");
	CHECK(!form_dirty(f));
	CHECK_INT(form_draft_discard(f, &e), ERR_OK); /* theirs: none, no error */
	form_free(f);

	/* the first operator's draft survived the other's discard; discarded, it is gone */
	db_set_actor(pf_db, pf_op1, "clerk1");
	f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_draft_restore(f, &found, &e), ERR_OK);
	CHECK_INT(found, 1);
	CHECK_INT(form_draft_discard(f, &e), ERR_OK);
	form_clear(f);
	CHECK_INT(form_draft_restore(f, &found, &e), ERR_OK);
	CHECK_INT(found, 0);
	form_free(f);

	/* no operator: no drafts */
	db_set_actor(pf_db, 0, "");
	f = pf_form(0);
	REQUIRE(f != NULL);
	CHECK_INT(form_draft_save(f, &e), ERR_DB_NO_OPERATOR);
	form_free(f);
	db_set_actor(pf_db, pf_op1, "clerk1");
}

static void draft_of_an_existing_record(void)
{
	err_info e;
	int found = 0, bad = 0;
	REQUIRE(pf_fresh() != NULL);
	int64_t id = pf_save_zhangsan();
	REQUIRE(id > 0);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_load(f, id, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_PHONE, "13700003333", NULL, &e), ERR_OK);
	CHECK_INT(form_draft_save(f, &e), ERR_OK);
	draft_info info;
	char *json = NULL;
	CHECK_INT(draft_load(pf_db, "person", &json, &info, &e), ERR_OK);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	CHECK_STR(info.record_key, key);
	free(json);
	form_free(f);

	/* meanwhile someone else saves the person */
	form *b = pf_form(pf_op2);
	REQUIRE(b != NULL);
	CHECK_INT(form_load(b, id, &e), ERR_OK);
	CHECK_INT(pf_enter(b, PF_ADDRESS, "新地址", NULL, &e), ERR_OK);
	CHECK_INT(form_save(b, &bad, &e), ERR_OK);
	form_free(b);

	/* restored: the record, the drafted phone, and the version the edit began from */
	f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_draft_restore(f, &found, &e), ERR_OK);
	CHECK_INT(found, 1);
	CHECK_INT(form_record_id(f), id);
	CHECK_INT(form_record_version(f), 1);
	CHECK_STR(form_value(f, PF_PHONE), "13700003333");
	CHECK_INT(form_save(f, &bad, &e), ERR_DB_STALE);
	person p;
	CHECK_INT(person_get(pf_db, id, &p, &e), ERR_OK);
	CHECK_STR(p.phone, "13812345678");
	CHECK_STR(p.address, "新地址");
	form_free(f);
}

static void malformed_drafts_refused(void)
{
	err_info e;
	int found = 9;
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(pf_enter(f, PF_NAME, "王五", NULL, &e), ERR_OK);
	static const char *const bad[] = {
	    "[1,2]",
	    "\"text\"",
	    "{}",
	    "{\"record_id\":\"1\",\"version\":0,\"values\":{}}",
	    "{\"record_id\":0,\"version\":1.5,\"values\":{}}",
	    "{\"record_id\":-1,\"version\":0,\"values\":{}}",
	    "{\"record_id\":0,\"version\":0,\"values\":[]}",
	    "{\"record_id\":0,\"version\":0,\"values\":{\"name\":5}}",
	    "{\"record_id\":0,\"version\":0,\"values\":{\"name\":null}}",
	    "{\"record_id\":0,\"version\":0,\"values\":{\"name\":{\"a\":1}}}",
	    "{\"record_id\":0,\"version\":0,\"values\":{\"name\":\"a\\u0000b\"}}",
	    "{\"record_id\":0,\"version\":0,\"values\":{\"name\":\"a\\\\\\u0000b\"}}",
	    "{\"record_id\":0,\"version\":0,\"values\":{\"name\":"
	    "\"一二三四五六七八九十一二三四五六七八"
	    "九十一二三四五六七八九十一\"}}",
	};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		CHECK_INT(draft_save(pf_db, "person", "", bad[k], &e), ERR_OK);
		err_clear(&e);
		err_code c = form_draft_restore(f, &found, &e);
		if (c != ERR_DRAFT_CORRUPT)
			test_fail(__FILE__, __LINE__, "draft %zu: %s", k, err_name(c));
		CHECK_INT(found, 0);
		CHECK(pf_says(&e, "草稿数据已损坏，无法恢复（"));
		CHECK_STR(form_value(f, PF_NAME), "王五"); /* the form is untouched */
	}
	/* unknown keys are ignored (a field since removed from the form) */
	CHECK_INT(draft_save(pf_db, "person", "",
	                     "{\"record_id\":0,\"version\":0,\"values\":{\"fax\":\"1\",\"name\":"
	                     "\"赵六\"},\"extra\":true}",
	                     &e),
	          ERR_OK);
	CHECK_INT(form_draft_restore(f, &found, &e), ERR_OK);
	CHECK_INT(found, 1);
	CHECK_STR(form_value(f, PF_NAME), "赵六");
	/* an escaped backslash before u0000 is text, not a NUL */
	CHECK_INT(
	    draft_save(pf_db, "person", "",
	               "{\"record_id\":0,\"version\":0,\"values\":{\"address\":\"a\\\\u0000b\"}}",
	               &e),
	    ERR_OK);
	CHECK_INT(form_draft_restore(f, &found, &e), ERR_OK);
	CHECK_INT(found, 1);
	CHECK_STR(form_value(f, PF_ADDRESS), "a\\u0000b");
	/* the database itself refuses text that is not JSON */
	CHECK_INT(draft_save(pf_db, "person", "", "{not json", &e), ERR_DB_CONSTRAINT);
	form_free(f);
}

static void sql_metacharacters_stored_literally(void)
{
	err_info e;
	int bad = 0;
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	const char *addr = "'; DROP TABLE persons; -- \"x\" 100% _a_ \\";
	const char *remark = "O'Brien said \"hi\"\n%;--/* */";
	CHECK_INT(pf_enter(f, PF_ID_NO, "420102198506170035", NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_NAME, "欧阳娜娜", NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_ADDRESS, addr, NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_REMARK, remark, NULL, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_EMAIL, "o'brien@example.com", NULL, &e), ERR_EMAIL_FORMAT);
	CHECK_INT(form_set_value(f, PF_EMAIL, "", &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	person p;
	CHECK_INT(person_get(pf_db, form_record_id(f), &p, &e), ERR_OK);
	CHECK_STR(p.address, addr);
	CHECK_STR(p.remark, remark);
	CHECK_STR(p.name_py, "oynn");
	CHECK_INT(pf_rows("SELECT count(*) FROM persons"), 1);
	listing_row rows[4];
	size_t n = 9, total = 9;
	CHECK_INT(person_list_spec.search(pf_db, "'", 0, 4, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(person_list_spec.search(pf_db, "%", 0, 4, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(person_list_spec.search(pf_db, "_", 0, 4, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(person_list_spec.search(pf_db, "oy", 0, 4, rows, &n, &total, &e), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(rows[0].cells[PL_ADDRESS], addr);
	form_free(f);
}

static void typing_refusals(void)
{
	err_info e;
	REQUIRE(pf_fresh() != NULL);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_accepts_char(f, PF_NAME, 'Z', &e), ERR_FIELD_CHAR);
	CHECK(pf_says(&e, "姓名：不能输入该字符（只能填写汉字，少数民族姓名可用间隔号·）"));
	CHECK_INT(form_accepts_char(f, PF_NAME, '3', &e), ERR_FIELD_CHAR);
	CHECK_INT(form_accepts_char(f, PF_NAME, 0x5F20, &e), ERR_OK);
	CHECK_INT(form_accepts_char(f, PF_ID_NO, 'Y', &e), ERR_FIELD_CHAR);
	CHECK_INT(form_accepts_char(f, PF_ID_NO, 'X', &e), ERR_OK);
	CHECK_INT(form_accepts_char(f, PF_PHONE, 0x8F6C, &e), ERR_OK);
	CHECK_INT(form_accepts_char(f, PF_SEX, '1', &e), ERR_FIELD_READONLY);
	CHECK_INT(form_accepts_char(f, PF_REMARK, '\n', &e), ERR_OK);
	CHECK_INT(form_accepts_char(f, PF_ADDRESS, '\n', &e), ERR_FIELD_CHAR);
	/* over-long input is refused whole, never cut */
	char addr[400] = "";
	for (int k = 0; k < 101; k++)
		strcat(addr, "街");
	CHECK_INT(form_set_value(f, PF_ADDRESS, "原地址", &e), ERR_OK);
	CHECK_INT(form_set_value(f, PF_ADDRESS, addr, &e), ERR_TEXT_TOO_LONG);
	CHECK(pf_says(&e, "现住址：超过长度限制（最多100个字，现有101个）"));
	CHECK_STR(form_value(f, PF_ADDRESS), "原地址");
	CHECK_INT(form_set_value(f, PF_ID_NO, "4201021985061700351", &e), ERR_TEXT_TOO_LONG);
	CHECK_INT(form_set_value(f, PF_NAME, "\xe5\xbc", &e), ERR_TEXT_UTF8);
	CHECK(pf_says(&e, "姓名："));
	form_free(f);
}

static void retired_code_of_an_old_record(void)
{
	err_info e;
	int bad = 0;
	REQUIRE(pf_fresh() != NULL);
	person p;
	memset(&p, 0, sizeof p);
	snprintf(p.id_no, sizeof p.id_no, "420102198506170035");
	snprintf(p.name, sizeof p.name, "张三");
	snprintf(p.name_py, sizeof p.name_py, "zs");
	p.sex = 1;
	snprintf(p.birth_date, sizeof p.birth_date, "1985-06-17");
	snprintf(p.education, sizeof p.education, "50"); /* 技工学校, 1984 edition */
	REQUIRE(person_insert(pf_db, &p, &e) == ERR_OK);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	CHECK_INT(form_load(f, p.id, &e), ERR_OK);
	char buf[200];
	CHECK_STR(form_display(f, PF_EDUCATION, buf, sizeof buf), "50 技工学校");
	CHECK_INT(pf_enter(f, PF_PHONE, "13812345678", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(person_get(pf_db, p.id, &p, &e), ERR_OK);
	CHECK_STR(p.education, "50");
	CHECK_STR(p.office, ""); /* an existing person keeps the office it had */
	/* typed anew, the retired code is refused */
	CHECK_INT(pf_enter(f, PF_EDUCATION, "21", NULL, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(pf_enter(f, PF_EDUCATION, "50", NULL, &e), ERR_CODE_UNKNOWN);
	form_free(f);
}

static void menu_roles(void)
{
	int wf_person = workflow_find("person");
	int unemp = workflow_find("unemp");
	int training = workflow_find("training");
	int contract = workflow_find("contract");
	int arb = workflow_find("arbitration");
	int exp = workflow_find("export");
	int imp = workflow_find("import");
	REQUIRE(wf_person >= 0 && unemp >= 0 && training >= 0 && contract >= 0 && arb >= 0 &&
	        exp >= 0 && imp >= 0);
	CHECK_INT(workflow_count(), 7);
	CHECK(workflow_built(exp) && workflow_built(imp));
	/* admin sees and changes everything */
	for (int i = 0; i < workflow_count(); i++) {
		CHECK(workflow_visible(ROLE_ADMIN, i));
		CHECK(workflow_can_edit(ROLE_ADMIN, i));
	}
	struct {
		op_role role;
		int own; /* the workflow besides 人员信息, or -1 */
	} roles[] = {{ROLE_CASEWORKER, unemp},
	             {ROLE_TRAINING, training},
	             {ROLE_CONTRACT, contract},
	             {ROLE_ARBITRATION, arb},
	             {ROLE_VIEWER, -1}};
	for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
		for (int i = 0; i < workflow_count(); i++) {
			int sees = i == wf_person || i == roles[k].own;
			CHECK_INT(workflow_visible(roles[k].role, i), sees);
			CHECK_INT(workflow_can_edit(roles[k].role, i),
			          sees && roles[k].role != ROLE_VIEWER);
		}
	}
	/* viewer: 人员信息 read-only */
	CHECK(workflow_visible(ROLE_VIEWER, wf_person));
	CHECK(!workflow_can_edit(ROLE_VIEWER, wf_person));
	/* unknown roles and indexes see nothing */
	CHECK(!workflow_visible((op_role)0, wf_person));
	CHECK(!workflow_visible((op_role)77, wf_person));
	CHECK(!workflow_visible(ROLE_ADMIN, -1));
	CHECK(!workflow_can_edit(ROLE_ADMIN, workflow_count()));
	CHECK(workflow_get(workflow_count()) == NULL);
	/* 人员信息 and 失业登记 are built; the rest show as under construction */
	const workflow *w = workflow_get(wf_person);
	CHECK(w->form == &person_form_spec);
	CHECK(w->listing == &person_list_spec);
	CHECK(workflow_built(wf_person));
	CHECK(workflow_built(unemp));
	CHECK(!workflow_built(arb));
	CHECK_STR(msg_text(MSG_WF_BUILDING), "（建设中）");
	CHECK_STR(msg_text(workflow_get(arb)->title), "劳动争议仲裁");
	/* hotkeys are distinct digits */
	for (int i = 0; i < workflow_count(); i++) {
		char k = workflow_get(i)->hotkey;
		CHECK(k >= '1' && k <= '9');
		CHECK_INT(workflow_by_hotkey(k), i);
	}
	CHECK_INT(workflow_by_hotkey('1'), wf_person);
	CHECK_INT(workflow_by_hotkey('x'), -1);
	CHECK_INT(workflow_find("nope"), -1);
}

static void viewer_cannot_change_a_person(void)
{
	err_info e;
	int bad = 0;
	REQUIRE(pf_fresh() != NULL);
	int64_t id = pf_save_zhangsan();
	REQUIRE(id > 0);
	form *f = pf_form(pf_op1);
	REQUIRE(f != NULL);
	form_set_readonly(f, !workflow_can_edit(ROLE_VIEWER, workflow_find("person")));
	CHECK_INT(form_load(f, id, &e), ERR_OK);
	CHECK_STR(form_value(f, PF_NAME), "张三");
	CHECK_INT(form_set_value(f, PF_NAME, "李四", &e), ERR_FORM_READONLY);
	CHECK(pf_says(&e, "只能查看"));
	CHECK_INT(form_save(f, &bad, &e), ERR_FORM_READONLY);
	CHECK_INT(pf_rows("SELECT max(version) FROM persons"), 1);
	form_free(f);
	db_close(pf_db);
	pf_db = NULL;
}

TEST_MAIN(T(new_person_derived_and_saved), T(fifteen_digit_id_upgraded),
          T(existing_id_opens_the_record), T(required_fields_and_nothing_stored),
          T(saved_person_found_by_initials), T(second_session_saving_is_refused), T(code_picklists),
          T(drafts_belong_to_their_operator), T(draft_of_an_existing_record),
          T(malformed_drafts_refused), T(sql_metacharacters_stored_literally), T(typing_refusals),
          T(retired_code_of_an_old_record), T(menu_roles), T(viewer_cannot_change_a_person))
