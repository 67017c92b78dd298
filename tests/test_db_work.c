/*
 * Tests for the workflow repositories: employers, unemployment
 * registrations (one open per person), training (capacity checked in the
 * transaction), labor contracts and events, and arbitration (double-booked
 * rooms and arbitrators refused, the hearing log append-only).
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/arb.h"
#include "db/audit.h"
#include "db/contract.h"
#include "db/dbint.h"
#include "db/employer.h"
#include "db/office.h"
#include "db/person.h"
#include "db/training.h"
#include "db/unemp.h"
#include "tests/test.h"

static int64_t person_a, person_b, person_c, employer_a;

static void make_id(char out[19], const char *birth, int seq)
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	char body[32];
	snprintf(body, sizeof body, "420102%.8s%03d", birth, seq % 1000);
	int s = 0;
	for (int i = 0; i < 17; i++)
		s += (body[i] - '0') * w[i];
	snprintf(out, 19, "%.17s%c", body, "10X98765432"[s % 11]);
}

static int64_t add_person(db *d, const char *birth, int seq, const char *name)
{
	err_info e;
	person p;
	memset(&p, 0, sizeof p);
	make_id(p.id_no, birth, seq);
	snprintf(p.name, sizeof p.name, "%s", name);
	p.sex = seq % 2 ? 1 : 2;
	snprintf(p.birth_date, sizeof p.birth_date, "%.4s-%.2s-%.2s", birth, birth + 4, birth + 6);
	if (person_insert(d, &p, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "person %s: %s", name, err_name(e.code));
	return p.id;
}

static employer employer_fill(const char *uscc, const char *name, const char *py)
{
	employer m;
	memset(&m, 0, sizeof m);
	snprintf(m.uscc, sizeof m.uscc, "%s", uscc);
	snprintf(m.name, sizeof m.name, "%s", name);
	snprintf(m.name_py, sizeof m.name_py, "%s", py);
	strcpy(m.industry, "C");
	strcpy(m.office, "420102");
	return m;
}

static db *fresh(void)
{
	err_info e;
	db *d = NULL;
	char path[4400];
	snprintf(path, sizeof path, "%s/work.db", test_tmpdir());
	if (db_open(path, DB_OPEN_CREATE, &d, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
		return NULL;
	}
	office o = {0};
	strcpy(o.code, "420102");
	strcpy(o.name, "江岸区");
	strcpy(o.area_code, "420102");
	strcpy(o.case_prefix, "汉");
	if (office_insert(d, &o, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "office: %s", err_name(e.code));
	person_a = add_person(d, "19850617", 3, "张三");
	person_b = add_person(d, "19900101", 4, "李四");
	person_c = add_person(d, "19700505", 5, "王五");
	employer m = employer_fill("91420102MA4K00010N", "武汉某某制造有限公司", "whmmzzyxgs");
	if (employer_insert(d, &m, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "employer: %s", err_name(e.code));
	employer_a = m.id;
	return d;
}

static int64_t count_rows(db *d, const char *sql)
{
	err_info e;
	sqlite3_stmt *st = db_stmt(d, sql, &e);
	int64_t n = -1;
	if (st != NULL && db_fetch_int(d, st, &n, &e) != ERR_OK)
		n = -1;
	return n;
}

static void employers(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	employer m;
	REQUIRE(employer_find_by_uscc(d, "91420102MA4K00010N", &m, &e) == ERR_OK);
	CHECK_STR(m.name, "武汉某某制造有限公司");
	CHECK_STR(m.industry, "C");
	employer legacy = employer_fill("", "老字号商店", "lzhsd");
	strcpy(legacy.org_code, "12345678-8");
	strcpy(legacy.reg_no, "420102000012345");
	CHECK_INT(employer_insert(d, &legacy, &e), ERR_OK);
	employer other = employer_fill("913201061234567883", "南京某某科技有限公司", "njmmkjyxgs");
	CHECK_INT(employer_insert(d, &other, &e), ERR_OK);
	/* Neither code → refused; a letter outside the USCC alphabet → refused. */
	employer none = employer_fill("", "无代码", "wdm");
	CHECK_INT(employer_insert(d, &none, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_F_USCC);
	employer bad = employer_fill("91420102MA4K0001IN", "坏代码", "hdm");
	CHECK_INT(employer_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_F_USCC);
	bad = employer_fill("91420102MA4K00010", "短代码", "ddm");
	CHECK_INT(employer_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	bad = employer_fill("91420102MA4K00010N", "重复", "cf");
	CHECK_INT(employer_insert(d, &bad, &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_F_USCC);
	CHECK_STR(e.detail, "91420102MA4K00010N");
	bad = employer_fill("", "坏组织机构代码", "h");
	strcpy(bad.org_code, "123456789");
	CHECK_INT(employer_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_ORG_CODE);
	bad = employer_fill("913201061234567883", "负人数", "h");
	bad.uscc[0] = '\0';
	strcpy(bad.org_code, "12345678-8");
	bad.staff_count = -3;
	CHECK_INT(employer_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_STAFF_COUNT);

	employer_list l;
	size_t total = 0;
	REQUIRE(employer_search(d, "wh", 0, 10, &l, &total, &e) == ERR_OK);
	CHECK_INT(l.n, 1);
	CHECK_INT(total, 1);
	employer_list_free(&l);
	REQUIRE(employer_search(d, "9142", 0, 10, &l, &total, &e) == ERR_OK);
	CHECK_INT(l.n, 1);
	employer_list_free(&l);
	REQUIRE(employer_search(d, "91420102ma4k", 0, 10, &l, &total, &e) == ERR_OK);
	CHECK_INT(l.n, 1);
	employer_list_free(&l);
	REQUIRE(employer_search(d, "老字号", 0, 10, &l, &total, &e) == ERR_OK);
	REQUIRE(l.n == 1);
	CHECK_STR(l.items[0].org_code, "12345678-8");
	employer_list_free(&l);
	REQUIRE(employer_search(d, "", 0, 2, &l, &total, &e) == ERR_OK);
	CHECK_INT(l.n, 2);
	CHECK_INT(total, 3);
	employer_list_free(&l);
	REQUIRE(employer_search(d, "%", 0, 10, &l, &total, &e) == ERR_OK);
	CHECK_INT(l.n, 0);
	employer_list_free(&l);
	CHECK_INT(employer_search(d, NULL, 0, 10, &l, &total, &e), ERR_INVALID_ARG);

	employer stale = m;
	m.staff_count = 120;
	CHECK_INT(employer_update(d, &m, &e), ERR_OK);
	stale.staff_count = 5;
	CHECK_INT(employer_update(d, &stale, &e), ERR_DB_STALE);
	REQUIRE(employer_get(d, m.id, &m, &e) == ERR_OK);
	CHECK_INT(m.staff_count, 120);
	db_close(d);
}

static unemp_reg reg_fill(int64_t who)
{
	unemp_reg r;
	memset(&r, 0, sizeof r);
	r.person_id = who;
	strcpy(r.office, "420102");
	strcpy(r.reg_date, "2026-03-02");
	r.hukou_kind = UNEMP_URBAN;
	strcpy(r.reason, "02");
	return r;
}

static void unemployment_registrations(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	db_set_actor(d, 0, "system");
	unemp_reg r = reg_fill(person_a);
	r.last_employer_id = employer_a;
	strcpy(r.last_employer_uscc, "91420102MA4K00010N");
	strcpy(r.last_employer_name, "武汉某某制造有限公司");
	r.involuntary = 1;
	r.contrib_months = 70;
	r.entitle_months = 18;
	r.remain_months = 18;
	strcpy(r.categories[0], "01");
	strcpy(r.categories[1], "05");
	r.n_categories = 2;
	strcpy(r.difficulty, "01");
	r.low_income = 1;
	strcpy(r.wish_occupation, "焊工");
	strcpy(r.wish_industry, "C");
	r.wish_wage = 450000;
	strcpy(r.card_no, "4201021260000001");
	REQUIRE(unemp_insert(d, &r, &e) == ERR_OK);
	unemp_reg g;
	REQUIRE(unemp_get(d, r.id, &g, &e) == ERR_OK);
	CHECK_INT(g.n_categories, 2);
	CHECK_STR(g.categories[0], "01");
	CHECK_STR(g.categories[1], "05");
	CHECK_INT(g.entitle_months, 18);
	CHECK_INT(g.wish_wage, 450000);
	CHECK_STR(g.card_no, "4201021260000001");
	CHECK_STR(g.end_date, "");
	CHECK_INT(g.last_employer_id, employer_a);
	/* The audit snapshot shows the categories with the registration. */
	audit_list al;
	REQUIRE(audit_list_row(d, "unemp_regs", r.id, &al, &e) == ERR_OK);
	REQUIRE(al.n == 1);
	CHECK(strstr(al.items[0].after, "\"categories\":[\"01\",\"05\"]") != NULL);
	audit_list_free(&al);

	/* A second open registration for the same person is refused. */
	unemp_reg dup = reg_fill(person_a);
	CHECK_INT(unemp_insert(d, &dup, &e), ERR_UNEMP_OPEN_EXISTS);
	char buf[200];
	CHECK(strstr(err_format(&e, buf, sizeof buf), "尚未结束") != NULL);
	/* A used card number is refused too. */
	unemp_reg other = reg_fill(person_b);
	strcpy(other.card_no, "4201021260000001");
	CHECK_INT(unemp_insert(d, &other, &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_COL_CARD_NO);
	other.card_no[0] = '\0';
	other.entitle_months = 12;
	other.remain_months = 13;
	CHECK_INT(unemp_insert(d, &other, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_REMAIN_MONTHS);
	other.remain_months = 12;
	other.n_categories = UNEMP_MAX_CATEGORIES + 1;
	CHECK_INT(unemp_insert(d, &other, &e), ERR_UNEMP_CATEGORIES);
	other.n_categories = 2;
	strcpy(other.categories[0], "02");
	strcpy(other.categories[1], "02");
	CHECK_INT(unemp_insert(d, &other, &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_COL_CATEGORY);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM unemp_regs WHERE person_id = 2"), 0);
	other.n_categories = 1;
	strcpy(other.reg_date, "2026-02-30");
	CHECK_INT(unemp_insert(d, &other, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_REG_DATE);
	strcpy(other.reg_date, "2026-02-28");
	CHECK_INT(unemp_insert(d, &other, &e), ERR_OK);

	unemp_reg open;
	CHECK_INT(unemp_find_open(d, person_a, &open, &e), ERR_OK);
	CHECK_INT(open.id, r.id);
	CHECK_INT(unemp_find_open(d, person_c, &open, &e), ERR_NOT_FOUND);

	/* Ending: not before the registration, once only; then a new one may start. */
	CHECK_INT(unemp_end(d, &open, "2026-03-01", "ZX01", employer_a, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_END_DATE);
	CHECK_STR(open.end_date, "");
	unemp_reg stale = open;
	CHECK_INT(unemp_end(d, &open, "2026-05-10", "ZX01", employer_a, &e), ERR_OK);
	CHECK_STR(open.end_date, "2026-05-10");
	CHECK_INT(open.version, 2);
	CHECK_INT(unemp_end(d, &stale, "2026-05-11", "ZX09", 0, &e), ERR_DB_STALE);
	CHECK_INT(unemp_end(d, &open, "2026-05-11", "ZX09", 0, &e), ERR_UNEMP_ENDED);
	CHECK_INT(unemp_find_open(d, person_a, &g, &e), ERR_NOT_FOUND);
	unemp_reg again = reg_fill(person_a);
	strcpy(again.reg_date, "2026-09-01");
	CHECK_INT(unemp_insert(d, &again, &e), ERR_OK);
	unemp_list hist;
	REQUIRE(unemp_list_person(d, person_a, &hist, &e) == ERR_OK);
	REQUIRE(hist.n == 2);
	CHECK_STR(hist.items[0].reg_date, "2026-09-01");
	CHECK_INT(hist.items[1].n_categories, 2);
	unemp_list_free(&hist);
	/* Updating replaces the categories. */
	again.n_categories = 1;
	strcpy(again.categories[0], "13");
	CHECK_INT(unemp_update(d, &again, &e), ERR_OK);
	REQUIRE(unemp_get(d, again.id, &g, &e) == ERR_OK);
	CHECK_INT(g.n_categories, 1);
	CHECK_STR(g.categories[0], "13");

	unemp_list l;
	size_t total = 0;
	REQUIRE(unemp_list_open(d, "420102", 0, 1, &l, &total, &e) == ERR_OK);
	REQUIRE(l.n == 1);
	CHECK_INT(total, 2);
	CHECK_INT(l.items[0].person_id, person_b); /* registered first */
	unemp_list_free(&l);
	REQUIRE(unemp_list_open(d, "420102", 1, 10, &l, &total, &e) == ERR_OK);
	REQUIRE(l.n == 1);
	CHECK_INT(l.items[0].id, again.id);
	CHECK_STR(l.items[0].categories[0], "13");
	unemp_list_free(&l);
	REQUIRE(unemp_list_open(d, "999999", 0, 10, &l, &total, &e) == ERR_OK);
	CHECK_INT(l.n, 0);
	unemp_list_free(&l);

	db_set_actor(d, 0, "clerk");
	unemp_followup f = {0};
	f.reg_id = again.id;
	strcpy(f.service_date, "2026-09-15");
	strcpy(f.kind, "01");
	strcpy(f.note, "职业指导：建议参加焊工培训");
	CHECK_INT(unemp_followup_add(d, &f, &e), ERR_OK);
	unemp_followup f2 = f;
	f2.id = 0;
	strcpy(f2.service_date, "2026-09-10");
	strcpy(f2.kind, "06");
	CHECK_INT(unemp_followup_add(d, &f2, &e), ERR_OK);
	f2.id = 0;
	strcpy(f2.kind, "");
	CHECK_INT(unemp_followup_add(d, &f2, &e), ERR_DB_REQUIRED);
	CHECK_INT(e.field, MSG_COL_SERVICE_KIND);
	unemp_followup_list fl;
	REQUIRE(unemp_followup_list_reg(d, again.id, &fl, &e) == ERR_OK);
	REQUIRE(fl.n == 2);
	CHECK_STR(fl.items[0].service_date, "2026-09-10");
	CHECK_STR(fl.items[1].note, "职业指导：建议参加焊工培训");
	unemp_followup_list_free(&fl);
	db_close(d);
}

static training_class class_fill(const char *code, int capacity)
{
	training_class c;
	memset(&c, 0, sizeof c);
	snprintf(c.code, sizeof c.code, "%s", code);
	strcpy(c.name, "焊工（初级）培训班");
	strcpy(c.type, "05");
	strcpy(c.occupation, "焊工");
	strcpy(c.level, "5");
	strcpy(c.start_date, "2026-04-01");
	strcpy(c.end_date, "2026-04-30");
	c.capacity = capacity;
	c.hours = 120;
	strcpy(c.office, "420102");
	return c;
}

static training_enrollment enroll_fill(int64_t class_id, int64_t who)
{
	training_enrollment en;
	memset(&en, 0, sizeof en);
	en.class_id = class_id;
	en.person_id = who;
	strcpy(en.enroll_date, "2026-03-20");
	return en;
}

static void training_capacity_and_results(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	training_class c = class_fill("HG2026-01", 2);
	REQUIRE(training_class_insert(d, &c, &e) == ERR_OK);
	CHECK_STR(c.status, TRAINING_OPEN);
	training_class dup = class_fill("HG2026-01", 5);
	CHECK_INT(training_class_insert(d, &dup, &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_COL_CLASS_CODE);
	training_class bad = class_fill("HG2026-02", 5);
	strcpy(bad.end_date, "2026-03-31");
	CHECK_INT(training_class_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_END_DATE);
	bad = class_fill("HG2026-02", 0);
	CHECK_INT(training_class_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_CAPACITY);

	training_enrollment a = enroll_fill(c.id, person_a), b = enroll_fill(c.id, person_b);
	training_enrollment x = enroll_fill(c.id, person_c);
	CHECK_INT(training_enroll(d, &a, &e), ERR_OK);
	CHECK_STR(a.status, TRAINING_ENROLLED);
	CHECK_INT(training_enroll(d, &b, &e), ERR_OK);
	CHECK_INT(training_enroll(d, &x, &e), ERR_TRAIN_FULL);
	CHECK(strstr(e.detail, "2") != NULL);
	CHECK_INT(x.id, 0);
	training_enrollment again = enroll_fill(c.id, person_a);
	CHECK_INT(training_enroll(d, &again, &e), ERR_TRAIN_FULL);
	int taken = 0;
	CHECK_INT(training_class_taken(d, c.id, &taken, &e), ERR_OK);
	CHECK_INT(taken, 2);
	/* A withdrawal frees a place. */
	strcpy(b.status, TRAINING_WITHDRAWN);
	CHECK_INT(training_enrollment_update(d, &b, &e), ERR_OK);
	CHECK_INT(training_enroll(d, &again, &e), ERR_TRAIN_ENROLLED);
	CHECK_INT(training_enroll(d, &x, &e), ERR_OK);
	training_enrollment nope = enroll_fill(99999, person_c);
	CHECK_INT(training_enroll(d, &nope, &e), ERR_DB_REFERENCE);
	/* A finished class takes nobody. */
	training_class c2 = class_fill("HG2026-03", 30);
	strcpy(c2.status, TRAINING_CANCELLED);
	REQUIRE(training_class_insert(d, &c2, &e) == ERR_OK);
	training_enrollment late = enroll_fill(c2.id, person_b);
	CHECK_INT(training_enroll(d, &late, &e), ERR_TRAIN_CLOSED);

	/* Attendance: one row per day, changed in place. */
	CHECK_INT(training_attendance_set(d, a.id, "2026-04-01", 1, &e), ERR_OK);
	CHECK_INT(training_attendance_set(d, a.id, "2026-04-02", 1, &e), ERR_OK);
	CHECK_INT(training_attendance_set(d, a.id, "2026-04-02", 0, &e), ERR_OK);
	CHECK_INT(training_attendance_set(d, a.id, "04/03/2026", 1, &e), ERR_DB_CONSTRAINT);
	training_attendance_list al;
	REQUIRE(training_attendance_list_enrollment(d, a.id, &al, &e) == ERR_OK);
	REQUIRE(al.n == 2);
	CHECK_INT(al.items[1].present, 0);
	CHECK_INT(al.items[1].version, 2);
	training_attendance_list_free(&al);

	training_assessment t = {0};
	t.enrollment_id = a.id;
	strcpy(t.assess_date, "2026-04-29");
	strcpy(t.kind, "theory");
	t.score = 86.5;
	t.passed = 1;
	CHECK_INT(training_assessment_add(d, &t, &e), ERR_OK);
	training_assessment p = t;
	p.id = 0;
	strcpy(p.kind, "practice");
	p.score = 101;
	CHECK_INT(training_assessment_add(d, &p, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_SCORE);
	p.score = 72;
	CHECK_INT(training_assessment_add(d, &p, &e), ERR_OK);
	training_assessment_list tl;
	REQUIRE(training_assessment_list_enrollment(d, a.id, &tl, &e) == ERR_OK);
	REQUIRE(tl.n == 2);
	CHECK_STR(tl.items[0].kind, "practice");
	CHECK(tl.items[1].score > 86.4 && tl.items[1].score < 86.6);
	training_assessment_list_free(&tl);

	/* A certificate only with a pass. */
	strcpy(a.cert_no, "S000042010200001");
	strcpy(a.cert_level, "5");
	strcpy(a.cert_date, "2026-05-10");
	CHECK_INT(training_enrollment_update(d, &a, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_CERT_NO);
	strcpy(a.result, "pass");
	strcpy(a.status, TRAINING_COMPLETED);
	CHECK_INT(training_enrollment_update(d, &a, &e), ERR_OK);
	training_enrollment_list el;
	REQUIRE(training_enrollment_list_person(d, person_a, &el, &e) == ERR_OK);
	REQUIRE(el.n == 1);
	CHECK_STR(el.items[0].cert_no, "S000042010200001");
	training_enrollment_list_free(&el);
	REQUIRE(training_enrollment_list_class(d, c.id, &el, &e) == ERR_OK);
	CHECK_INT(el.n, 3);
	training_enrollment_list_free(&el);
	training_class_list cl;
	size_t total;
	REQUIRE(training_class_list_office(d, "420102", 0, 10, &cl, &total, &e) == ERR_OK);
	CHECK_INT(cl.n, 2);
	CHECK_INT(total, 2);
	training_class_list_free(&cl);
	training_class f;
	CHECK_INT(training_class_find(d, "HG2026-03", &f, &e), ERR_OK);
	CHECK_STR(f.status, TRAINING_CANCELLED);
	db_close(d);
}

static contract contract_fill(int type)
{
	contract c;
	memset(&c, 0, sizeof c);
	c.employer_id = employer_a;
	c.person_id = person_a;
	c.type = type;
	strcpy(c.start_date, "2026-01-01");
	if (type == CONTRACT_FIXED)
		strcpy(c.end_date, "2028-12-31");
	c.wage = 500000;
	strcpy(c.post, "焊工");
	strcpy(c.signed_date, "2025-12-25");
	strcpy(c.filed_date, "2026-01-10");
	strcpy(c.office, "420102");
	return c;
}

static void contracts_and_events(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	contract c = contract_fill(CONTRACT_FIXED);
	strcpy(c.probation_end, "2026-02-28");
	c.probation_wage = 400000;
	REQUIRE(contract_insert(d, &c, &e) == ERR_OK);
	CHECK_STR(c.status, CONTRACT_ACTIVE);
	contract g;
	REQUIRE(contract_get(d, c.id, &g, &e) == ERR_OK);
	CHECK_STR(g.end_date, "2028-12-31");
	CHECK_INT(g.probation_wage, 400000);

	contract bad = contract_fill(CONTRACT_FIXED);
	bad.end_date[0] = '\0'; /* fixed term without an end */
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_CONTRACT_END);
	bad = contract_fill(CONTRACT_OPEN);
	strcpy(bad.end_date, "2030-01-01"); /* open-ended with an end */
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_CONTRACT_END);
	bad = contract_fill(CONTRACT_FIXED);
	strcpy(bad.end_date, "2025-12-31"); /* ends before it starts */
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_CONTRACT_END);
	bad = contract_fill(CONTRACT_FIXED);
	bad.wage = -1;
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_WAGE);
	bad = contract_fill(CONTRACT_OPEN);
	bad.part_time = 1;
	strcpy(bad.probation_end, "2026-01-31"); /* no probation for part-time (Art.70) */
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_PROBATION_END);
	bad = contract_fill(CONTRACT_FIXED);
	strcpy(bad.probation_end, "2029-01-31"); /* probation outside the term */
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	bad = contract_fill(CONTRACT_FIXED);
	bad.type = 4;
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_CONTRACT_TYPE);
	bad = contract_fill(CONTRACT_TASK);
	bad.employer_id = 4242;
	CHECK_INT(contract_insert(d, &bad, &e), ERR_DB_REFERENCE);
	contract task = contract_fill(CONTRACT_TASK);
	task.person_id = person_b;
	CHECK_INT(contract_insert(d, &task, &e), ERR_OK);

	/* Events: a dissolution names its statutory ground, a renewal none. */
	contract_event ev = {0};
	ev.contract_id = c.id;
	strcpy(ev.kind, CONTRACT_EV_DISSOLVE);
	strcpy(ev.event_date, "2026-06-30");
	CHECK_INT(contract_event_add(d, &ev, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_END_CAUSE);
	strcpy(ev.reason, "J36E");
	ev.compensation = -5;
	CHECK_INT(contract_event_add(d, &ev, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_COMPENSATION);
	ev.compensation = 250000;
	/* Event and status change together, in the caller's transaction. */
	REQUIRE(db_begin(d, &e) == ERR_OK);
	CHECK_INT(contract_event_add(d, &ev, &e), ERR_OK);
	strcpy(c.status, CONTRACT_DISSOLVED);
	CHECK_INT(contract_update(d, &c, &e), ERR_OK);
	CHECK_INT(db_commit(d, &e), ERR_OK);
	contract_event renew = {0};
	renew.contract_id = task.id;
	strcpy(renew.kind, CONTRACT_EV_RENEW);
	strcpy(renew.event_date, "2026-07-01");
	strcpy(renew.reason, "J37");
	CHECK_INT(contract_event_add(d, &renew, &e), ERR_DB_CONSTRAINT);
	renew.reason[0] = '\0';
	strcpy(renew.new_end_date, "2026-06-01");
	CHECK_INT(contract_event_add(d, &renew, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_NEW_END_DATE);
	strcpy(renew.new_end_date, "2027-06-30");
	CHECK_INT(contract_event_add(d, &renew, &e), ERR_OK);
	contract_event_list el;
	REQUIRE(contract_event_list_contract(d, c.id, &el, &e) == ERR_OK);
	REQUIRE(el.n == 1);
	CHECK_STR(el.items[0].reason, "J36E");
	CHECK_INT(el.items[0].compensation, 250000);
	contract_event_list_free(&el);

	contract_list cl;
	size_t total = 0;
	REQUIRE(contract_list_employer(d, employer_a, 0, 1, &cl, &total, &e) == ERR_OK);
	CHECK_INT(cl.n, 1);
	CHECK_INT(total, 2);
	contract_list_free(&cl);
	REQUIRE(contract_list_person(d, person_a, &cl, &e) == ERR_OK);
	REQUIRE(cl.n == 1);
	CHECK_STR(cl.items[0].status, CONTRACT_DISSOLVED);
	CHECK_INT(cl.items[0].version, 2);
	contract_list_free(&cl);
	db_close(d);
}

/* A case with one room, three arbitrators and two other arbitrators for clashes. */
typedef struct arb_fixture {
	arb_case c1, c2;
	arb_room r1, r2;
	arb_arbitrator a[5];
} arb_fixture;

static arb_case case_fill(const char *no, int seq)
{
	arb_case c;
	memset(&c, 0, sizeof c);
	snprintf(c.case_no, sizeof c.case_no, "%s", no);
	strcpy(c.office, "420102");
	c.case_year = 2026;
	c.case_seq = seq;
	strcpy(c.apply_date, "2026-03-02");
	strcpy(c.accept_date, "2026-03-05");
	strcpy(c.status, ARB_ACCEPTED);
	return c;
}

static int arb_setup(db *d, arb_fixture *f)
{
	err_info e;
	f->c1 = case_fill("汉劳人仲案字〔2026〕第1号", 1);
	f->c2 = case_fill("汉劳人仲案字〔2026〕第2号", 2);
	if (arb_case_insert(d, &f->c1, &e) || arb_case_insert(d, &f->c2, &e))
		return 0;
	const char *rooms[2][2] = {{"R1", "第一仲裁庭"}, {"R2", "第二仲裁庭"}};
	arb_room *r[2] = {&f->r1, &f->r2};
	for (int i = 0; i < 2; i++) {
		memset(r[i], 0, sizeof *r[i]);
		strcpy(r[i]->code, rooms[i][0]);
		strcpy(r[i]->name, rooms[i][1]);
		strcpy(r[i]->office, "420102");
		r[i]->active = 1;
		if (arb_room_add(d, r[i], &e))
			return 0;
	}
	const char *names[5] = {"陈仲裁", "林仲裁", "黄仲裁", "周仲裁", "吴仲裁"};
	for (int i = 0; i < 5; i++) {
		memset(&f->a[i], 0, sizeof f->a[i]);
		strcpy(f->a[i].name, names[i]);
		strcpy(f->a[i].office, "420102");
		f->a[i].active = 1;
		if (arb_arbitrator_add(d, &f->a[i], &e))
			return 0;
	}
	return 1;
}

static arb_hearing hearing_fill(const arb_case *c, const arb_room *r, const char *start,
                                const char *end, int64_t chief, int64_t m1, int64_t m2)
{
	arb_hearing h;
	memset(&h, 0, sizeof h);
	h.case_id = c->id;
	h.room_id = r->id;
	snprintf(h.start_at, sizeof h.start_at, "%s", start);
	snprintf(h.end_at, sizeof h.end_at, "%s", end);
	h.chief_id = chief;
	h.member1_id = m1;
	h.member2_id = m2;
	strcpy(h.notice_date, "2026-03-20");
	return h;
}

static void arbitration_cases_parties_claims(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	arb_fixture f;
	REQUIRE(arb_setup(d, &f));
	int next = 0;
	CHECK_INT(arb_case_next_seq(d, "420102", 2026, &next, &e), ERR_OK);
	CHECK_INT(next, 3);
	CHECK_INT(arb_case_next_seq(d, "420102", 2027, &next, &e), ERR_OK);
	CHECK_INT(next, 1);
	arb_case dup = case_fill("汉劳人仲案字〔2026〕第1号", 9);
	CHECK_INT(arb_case_insert(d, &dup, &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_COL_CASE_NO);
	dup = case_fill("另一个号码", 2); /* year + sequence taken */
	CHECK_INT(arb_case_insert(d, &dup, &e), ERR_DB_DUPLICATE);
	dup = case_fill("集体", 3);
	dup.collective = 1;
	dup.worker_count = 5;
	CHECK_INT(arb_case_insert(d, &dup, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_WORKER_COUNT);
	dup.worker_count = 12;
	dup.extension_days = 20;
	CHECK_INT(arb_case_insert(d, &dup, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_EXTENSION_DAYS);
	dup.extension_days = 15;
	strcpy(dup.accept_date, "2026-03-01"); /* accepted before it was applied for */
	CHECK_INT(arb_case_insert(d, &dup, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_ACCEPT_DATE);
	strcpy(dup.accept_date, "2026-03-05");
	CHECK_INT(arb_case_insert(d, &dup, &e), ERR_OK);
	arb_case g;
	REQUIRE(arb_case_find_by_no(d, "汉劳人仲案字〔2026〕第1号", &g, &e) == ERR_OK);
	CHECK_INT(g.id, f.c1.id);
	CHECK_INT(g.worker_count, 1);

	/* Closing needs a closure code and date together; finality only for CJ-Z. */
	strcpy(g.status, ARB_CLOSED);
	CHECK_INT(arb_case_update(d, &g, &e), ERR_DB_CONSTRAINT);
	strcpy(g.closure_code, "CJ-F");
	strcpy(g.closure_date, "2026-04-15");
	g.final_award = 1;
	CHECK_INT(arb_case_update(d, &g, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_FINAL_AWARD);
	strcpy(g.closure_code, "CJ-Z");
	CHECK_INT(arb_case_update(d, &g, &e), ERR_OK);
	arb_case_list open;
	size_t total = 0;
	REQUIRE(arb_case_list_open(d, "420102", 0, 10, &open, &total, &e) == ERR_OK);
	CHECK_INT(open.n, 2);
	CHECK_INT(total, 2);
	arb_case_list_free(&open);

	arb_party p = {0};
	p.case_id = f.c2.id;
	strcpy(p.role, ARB_APPLICANT);
	p.person_id = person_a;
	strcpy(p.name, "张三");
	strcpy(p.id_text, "420102198506170035");
	CHECK_INT(arb_party_add(d, &p, &e), ERR_OK);
	arb_party q = {0};
	q.case_id = f.c2.id;
	strcpy(q.role, ARB_RESPONDENT);
	q.employer_id = employer_a;
	q.person_id = person_b; /* a party is a person or an employer, not both */
	strcpy(q.name, "武汉某某制造有限公司");
	CHECK_INT(arb_party_add(d, &q, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_PARTY);
	q.person_id = 0;
	strcpy(q.role, "judge");
	CHECK_INT(arb_party_add(d, &q, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_PARTY_ROLE);
	strcpy(q.role, ARB_RESPONDENT);
	CHECK_INT(arb_party_add(d, &q, &e), ERR_OK);
	arb_party_list pl;
	REQUIRE(arb_party_list_case(d, f.c2.id, &pl, &e) == ERR_OK);
	REQUIRE(pl.n == 2);
	CHECK_STR(pl.items[0].role, ARB_APPLICANT);
	CHECK_INT(pl.items[1].employer_id, employer_a);
	arb_party_list_free(&pl);

	arb_claim cl = {0};
	cl.case_id = f.c2.id;
	strcpy(cl.type, "11");
	cl.amount = -100;
	strcpy(cl.description, "支付拖欠工资");
	CHECK_INT(arb_claim_add(d, &cl, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_CLAIM_AMOUNT);
	cl.amount = 1200000;
	cl.awarded = 999; /* ignored without an outcome */
	CHECK_INT(arb_claim_add(d, &cl, &e), ERR_OK);
	strcpy(cl.outcome, "partly");
	cl.awarded = 800000;
	CHECK_INT(arb_claim_update(d, &cl, &e), ERR_OK);
	arb_claim c2 = cl;
	c2.id = 0;
	c2.outcome[0] = '\0';
	strcpy(c2.type, "1");
	CHECK_INT(arb_claim_add(d, &c2, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_DISPUTE_TYPE);
	arb_claim_list ll;
	REQUIRE(arb_claim_list_case(d, f.c2.id, &ll, &e) == ERR_OK);
	REQUIRE(ll.n == 1);
	CHECK_INT(ll.items[0].awarded, 800000);
	arb_claim_list_free(&ll);

	arb_outcome o = {0};
	o.case_id = f.c1.id;
	strcpy(o.kind, "CJ-F");
	strcpy(o.outcome_date, "2026-04-15");
	strcpy(o.doc_no, "汉劳人仲裁字〔2026〕第1号");
	o.final = 1;
	CHECK_INT(arb_outcome_add(d, &o, &e), ERR_DB_CONSTRAINT);
	strcpy(o.kind, "CJ-Z");
	strcpy(o.text, "裁决被申请人支付工资八千元。");
	CHECK_INT(arb_outcome_add(d, &o, &e), ERR_OK);
	arb_outcome_list ol;
	REQUIRE(arb_outcome_list_case(d, f.c1.id, &ol, &e) == ERR_OK);
	REQUIRE(ol.n == 1);
	CHECK_STR(ol.items[0].text, "裁决被申请人支付工资八千元。");
	arb_outcome_list_free(&ol);
	arb_arbitrator_list al;
	REQUIRE(arb_arbitrator_list_office(d, "420102", &al, &e) == ERR_OK);
	CHECK_INT(al.n, 5);
	arb_arbitrator_list_free(&al);
	arb_room_list rl;
	REQUIRE(arb_room_list_office(d, "", &rl, &e) == ERR_OK);
	CHECK_INT(rl.n, 2);
	arb_room_list_free(&rl);
	db_close(d);
}

static void double_booking_refused(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	arb_fixture f;
	REQUIRE(arb_setup(d, &f));
	int64_t A = f.a[0].id, B = f.a[1].id, C = f.a[2].id, D = f.a[3].id, E = f.a[4].id;
	arb_hearing h1 =
	    hearing_fill(&f.c1, &f.r1, "2026-03-30 09:00", "2026-03-30 11:00", A, B, C);
	REQUIRE(arb_hearing_schedule(d, &h1, &e) == ERR_OK);
	CHECK_STR(h1.status, ARB_SCHEDULED);

	/* Same room, overlapping time. */
	arb_hearing h2 =
	    hearing_fill(&f.c2, &f.r1, "2026-03-30 10:30", "2026-03-30 12:00", D, 0, 0);
	CHECK_INT(arb_hearing_schedule(d, &h2, &e), ERR_ARB_ROOM_BUSY);
	CHECK_INT(e.field, MSG_COL_ROOM);
	CHECK(strstr(e.detail, "汉劳人仲案字〔2026〕第1号") != NULL);
	CHECK(strstr(e.detail, "2026-03-30 09:00") != NULL);
	CHECK(strstr(e.detail, "11:00") != NULL);
	char buf[400];
	CHECK(strstr(err_format(&e, buf, sizeof buf), "仲裁庭") != NULL);
	CHECK_INT(h2.id, 0);
	/* Other room, but the chief of the first hearing sits as a member here. */
	h2 = hearing_fill(&f.c2, &f.r2, "2026-03-30 10:30", "2026-03-30 12:00", D, A, E);
	CHECK_INT(arb_hearing_schedule(d, &h2, &e), ERR_ARB_ARBITRATOR_BUSY);
	CHECK_INT(e.field, MSG_COL_ARBITRATOR);
	CHECK(strstr(e.detail, "陈仲裁") != NULL);
	CHECK(strstr(e.detail, "汉劳人仲案字〔2026〕第1号") != NULL);
	/* A member of the first hearing as sole arbitrator. */
	h2 = hearing_fill(&f.c2, &f.r2, "2026-03-30 08:00", "2026-03-30 09:30", C, 0, 0);
	CHECK_INT(arb_hearing_schedule(d, &h2, &e), ERR_ARB_ARBITRATOR_BUSY);
	CHECK(strstr(e.detail, "黄仲裁") != NULL);
	/* Back to back is not a clash: [09:00, 11:00) then [11:00, 12:00). */
	h2 = hearing_fill(&f.c2, &f.r1, "2026-03-30 11:00", "2026-03-30 12:00", A, B, C);
	CHECK_INT(arb_hearing_schedule(d, &h2, &e), ERR_OK);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM hearings"), 2);
	/* Moving a hearing is checked against the others, never against itself. */
	strcpy(h2.start_at, "2026-03-30 10:59");
	CHECK_INT(arb_hearing_update(d, &h2, &e), ERR_ARB_ROOM_BUSY);
	strcpy(h2.start_at, "2026-03-30 11:00");
	strcpy(h2.end_at, "2026-03-30 12:30");
	CHECK_INT(arb_hearing_update(d, &h2, &e), ERR_OK);
	/* A cancelled hearing frees its room and tribunal. */
	strcpy(h1.status, ARB_CANCELLED);
	CHECK_INT(arb_hearing_update(d, &h1, &e), ERR_OK);
	arb_hearing h3 =
	    hearing_fill(&f.c2, &f.r1, "2026-03-30 09:00", "2026-03-30 10:00", A, 0, 0);
	CHECK_INT(arb_hearing_schedule(d, &h3, &e), ERR_OK);
	/* What the database itself refuses. */
	arb_hearing bad =
	    hearing_fill(&f.c1, &f.r2, "2026-04-01 10:00", "2026-04-01 09:00", D, 0, 0);
	CHECK_INT(arb_hearing_schedule(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_HEARING_END);
	bad = hearing_fill(&f.c1, &f.r2, "2026-04-01 09:00", "2026-04-01 10:00", D, E, 0);
	CHECK_INT(arb_hearing_schedule(d, &bad, &e),
	          ERR_DB_CONSTRAINT); /* two-arbitrator tribunal */
	CHECK_INT(e.field, MSG_COL_TRIBUNAL);
	bad = hearing_fill(&f.c1, &f.r2, "2026-04-01 09:00", "2026-04-01 10:00", D, D, E);
	CHECK_INT(arb_hearing_schedule(d, &bad, &e), ERR_DB_CONSTRAINT);
	bad = hearing_fill(&f.c1, &f.r2, "2026-04-01 25:00", "2026-04-01 26:00", D, 0, 0);
	CHECK_INT(arb_hearing_schedule(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_HEARING_START);
	bad = hearing_fill(&f.c1, &f.r2, "2026-04-01 09:00", "2026-04-01 10:00", D, 0, 0);
	strcpy(bad.notice_date, "2026-04-02");
	CHECK_INT(arb_hearing_schedule(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_NOTICE_DATE);
	arb_hearing_list hl;
	REQUIRE(arb_hearing_list_range(d, "2026-03-30", "2026-03-31", &hl, &e) == ERR_OK);
	REQUIRE(hl.n == 3);
	CHECK_STR(hl.items[0].start_at, "2026-03-30 09:00");
	arb_hearing_list_free(&hl);
	REQUIRE(arb_hearing_list_case(d, f.c2.id, &hl, &e) == ERR_OK);
	CHECK_INT(hl.n, 2);
	arb_hearing_list_free(&hl);
	db_close(d);
}

static void hearing_log_is_append_only(void)
{
	err_info e;
	setenv("LAOBAO_NOW", "2026-03-30T01:05:00Z", 1);
	db *d = fresh();
	REQUIRE(d != NULL);
	arb_fixture f;
	REQUIRE(arb_setup(d, &f));
	arb_hearing h =
	    hearing_fill(&f.c1, &f.r1, "2026-03-30 09:00", "2026-03-30 11:00", f.a[0].id, 0, 0);
	REQUIRE(arb_hearing_schedule(d, &h, &e) == ERR_OK);
	arb_hearing h2 =
	    hearing_fill(&f.c2, &f.r2, "2026-03-30 09:00", "2026-03-30 11:00", f.a[1].id, 0, 0);
	REQUIRE(arb_hearing_schedule(d, &h2, &e) == ERR_OK);
	arb_log_line l1 = {0}, l2 = {0}, fix = {0}, other = {0};
	l1.hearing_id = h.id;
	strcpy(l1.speaker, "首席仲裁员");
	strcpy(l1.text, "现在开庭。");
	CHECK_INT(arb_log_append(d, &l1, &e), ERR_OK);
	CHECK_INT(l1.seq, 1);
	CHECK_STR(l1.kind, ARB_LINE);
	CHECK_STR(l1.at, "2026-03-30T01:05:00Z");
	l2.hearing_id = h.id;
	strcpy(l2.speaker, "申请人");
	strcpy(l2.text, "被申请人拖欠我三个月工资，共计一万二千元。");
	CHECK_INT(arb_log_append(d, &l2, &e), ERR_OK);
	CHECK_INT(l2.seq, 2);
	other.hearing_id = h2.id;
	strcpy(other.text, "另一庭。");
	CHECK_INT(arb_log_append(d, &other, &e), ERR_OK);
	CHECK_INT(other.seq, 1);
	/* Corrections are new lines pointing at a line of the same hearing. */
	fix.hearing_id = h.id;
	strcpy(fix.kind, ARB_CORRECTION);
	strcpy(fix.speaker, "申请人");
	strcpy(fix.text, "应为一万三千元。");
	CHECK_INT(arb_log_append(d, &fix, &e), ERR_DB_CONSTRAINT); /* about which line? */
	CHECK_INT(e.field, MSG_COL_LOG_CORRECTS);
	fix.corrects_id = other.id;
	CHECK_INT(arb_log_append(d, &fix, &e), ERR_ARB_LOG_CORRECTS);
	fix.corrects_id = l2.id;
	CHECK_INT(arb_log_append(d, &fix, &e), ERR_OK);
	CHECK_INT(fix.seq, 3);
	arb_log_line refused = fix;
	refused.id = 0;
	strcpy(refused.kind, ARB_CORRECTION_REFUSED);
	strcpy(refused.text, "被申请人不同意更正，理由：工资条为一万二千元。");
	CHECK_INT(arb_log_append(d, &refused, &e), ERR_OK);
	arb_log_line bad = {0};
	bad.hearing_id = h.id;
	strcpy(bad.kind, "erase");
	strcpy(bad.text, "x");
	CHECK_INT(arb_log_append(d, &bad, &e), ERR_DB_CONSTRAINT);
	memset(bad.text, 'x', sizeof bad.text);
	strcpy(bad.kind, ARB_LINE);
	CHECK_INT(arb_log_append(d, &bad, &e), ERR_DB_TOO_LONG);

	/* Nothing may be changed or removed, by anyone. */
	CHECK_INT(db_exec(d, "UPDATE hearing_log SET text = '改过了' WHERE seq = 2", &e),
	          ERR_DB_APPEND_ONLY);
	CHECK_INT(db_exec(d, "DELETE FROM hearing_log", &e), ERR_DB_APPEND_ONLY);
	arb_log log;
	REQUIRE(arb_log_list(d, h.id, &log, &e) == ERR_OK);
	REQUIRE(log.n == 4);
	CHECK_STR(log.items[1].text, "被申请人拖欠我三个月工资，共计一万二千元。");
	CHECK_STR(log.items[2].kind, ARB_CORRECTION);
	CHECK_INT(log.items[2].corrects_id, l2.id);
	CHECK_STR(log.items[3].kind, ARB_CORRECTION_REFUSED);
	for (size_t i = 0; i < log.n; i++)
		CHECK_INT(log.items[i].seq, (int)i + 1);
	arb_log_free(&log);
	/* Each line has its audit row and change number. */
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log WHERE tbl = 'hearing_log'"), 5);
	CHECK_INT(count_rows(d, "SELECT count(DISTINCT chg_seq) FROM hearing_log"), 5);
	unsetenv("LAOBAO_NOW");
	db_close(d);
}

static void bulk_load_with_child_rows(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	int64_t ids[40];
	for (int i = 0; i < 40; i++) {
		char birth[9];
		snprintf(birth, sizeof birth, "1980%02d%02d", 1 + i % 12, 1 + i % 28);
		ids[i] = add_person(d, birth, 100 + i, "批量");
	}
	int64_t audits = count_rows(d, "SELECT count(*) FROM audit_log");
	REQUIRE(db_bulk_begin(d, &e) == ERR_OK);
	unemp_reg keep = {0};
	for (int i = 0; i < 40; i++) {
		unemp_reg r = reg_fill(ids[i]);
		strcpy(r.categories[0], "01");
		strcpy(r.categories[1], i == 7 ? "01" : "12"); /* row 7 repeats a category */
		r.n_categories = 2;
		err_code c = unemp_insert(d, &r, &e);
		CHECK_INT(c, i == 7 ? ERR_DB_DUPLICATE : ERR_OK);
		if (i == 3)
			keep = r;
	}
	/* An update inside the load replaces the categories, as outside. */
	keep.n_categories = 1;
	strcpy(keep.categories[0], "09");
	CHECK_INT(unemp_update(d, &keep, &e), ERR_OK);
	REQUIRE(db_bulk_end(d, &e) == ERR_OK);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM unemp_regs"), 39);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM unemp_reg_categories"), 38 * 2 + 1);
	/* Row 7 left nothing behind, not even its first category. */
	CHECK_INT(count_rows(d, "SELECT count(*) FROM unemp_reg_categories WHERE reg_id NOT IN "
	                        "(SELECT id FROM unemp_regs)"),
	          0);
	/* One update audit row and one summary for the 39 inserts. */
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log"), audits + 2);
	audit_list al;
	REQUIRE(audit_list_recent(d, 0, 1, &al, &e) == ERR_OK);
	REQUIRE(al.n == 1);
	CHECK_STR(al.items[0].after, "{\"unemp_regs\":39}");
	audit_list_free(&al);
	db_close(d);
}

TEST_MAIN(T(employers), T(unemployment_registrations), T(bulk_load_with_child_rows),
          T(training_capacity_and_results), T(contracts_and_events),
          T(arbitration_cases_parties_claims), T(double_booking_refused),
          T(hearing_log_is_append_only))
