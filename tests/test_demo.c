/*
 * Tests of the demo generator: deterministic, valid by the caseworkers' own
 * validators, all four workflows filled, never mixed into real data.
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/arb.h"
#include "db/calendar.h"
#include "db/contract.h"
#include "db/operator.h"
#include "db/person.h"
#include "db/training.h"
#include "db/unemp.h"
#include "forms/demo.h"
#include "forms/idcard.h"
#include "forms/statute.h"
#include "forms/valid.h"
#include "tests/test.h"

static lb_date demo_today(void)
{
	lb_date d = 0;
	date_parse("2026-11-25", MSG_NONE, &d, NULL);
	return d;
}

static db *make_demo(const char *dir, const char *name, long persons, uint64_t seed)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	db *d = NULL;
	err_info e;
	if (db_open(path, DB_OPEN_CREATE, &d, &e) != ERR_OK)
		return NULL;
	demo_opts o = {.persons = persons, .seed = seed, .today = demo_today()};
	if (demo_generate(d, &o, NULL, NULL, &e) != ERR_OK) {
		char buf[300];
		printf("# demo: %s\n", err_format(&e, buf, sizeof buf));
		db_close(d);
		return NULL;
	}
	return d;
}

static void same_seed_same_data_other_seed_differs(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	const char *dir = test_tmpdir();
	db *a = make_demo(dir, "a.db", 500, 7), *b = make_demo(dir, "b.db", 500, 7),
	   *c = make_demo(dir, "c.db", 500, 8);
	REQUIRE(a && b && c);
	person_list la, lb, lc;
	size_t ta, tb, tc;
	err_info e;
	REQUIRE(person_search(a, "z", 0, 200, &la, &ta, &e) == ERR_OK);
	REQUIRE(person_search(b, "z", 0, 200, &lb, &tb, &e) == ERR_OK);
	REQUIRE(person_search(c, "z", 0, 200, &lc, &tc, &e) == ERR_OK);
	CHECK(la.n > 10);
	CHECK_INT(la.n, lb.n);
	int same = 1, same_c = la.n == lc.n;
	for (size_t i = 0; i < la.n && i < lb.n; i++)
		same &= strcmp(la.items[i].id_no, lb.items[i].id_no) == 0 &&
		        strcmp(la.items[i].name, lb.items[i].name) == 0 &&
		        strcmp(la.items[i].phone, lb.items[i].phone) == 0;
	for (size_t i = 0; same_c && i < la.n; i++)
		same_c &= strcmp(la.items[i].id_no, lc.items[i].id_no) == 0;
	CHECK(same);
	CHECK(!same_c);
	person_list_free(&la), person_list_free(&lb), person_list_free(&lc);
	db_close(a), db_close(b), db_close(c);
}

static void every_person_passes_the_validators(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	db *d = make_demo(test_tmpdir(), "v.db", 3000, 1);
	REQUIRE(d);
	int checked = 0, bad = 0, regions = 0;
	char seen[100] = {0};
	for (const char *q = "0123456789"; *q; q++) {
		char prefix[2] = {*q, 0};
		person_list l;
		size_t total;
		err_info e;
		REQUIRE(person_search(d, prefix, 0, 5000, &l, &total, &e) == ERR_OK);
		for (size_t i = 0; i < l.n; i++) {
			idcard_info id;
			char name[128];
			if (idcard_parse(l.items[i].id_no, demo_today(), &id, &e) != ERR_OK ||
			    valid_name(l.items[i].name, MSG_F_NAME, name, sizeof name, &e) !=
			        ERR_OK ||
			    id.sex != l.items[i].sex || l.items[i].name_py[0] == '\0')
				bad++;
			int prov = (l.items[i].id_no[0] - '0') * 10 + (l.items[i].id_no[1] - '0');
			if (!seen[prov])
				seen[prov] = 1, regions++;
			checked++;
		}
		person_list_free(&l);
	}
	CHECK_INT(checked, 3000);
	CHECK_INT(bad, 0);
	CHECK(regions >= 10); /* persons come from across the country */
	db_close(d);
}

static void all_four_workflows_and_the_demo_operator(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	db *d = make_demo(test_tmpdir(), "w.db", 5000, 1);
	REQUIRE(d);
	err_info e;
	operator_rec op;
	CHECK_INT(operator_verify(d, "demo", "demo", &op, &e), ERR_OK);
	CHECK_INT(op.role, ROLE_ADMIN);
	unemp_list ul;
	size_t total = 0;
	CHECK_INT(unemp_list_open(d, "320508-01", 0, 10, &ul, &total, &e), ERR_OK);
	CHECK(total > 0);
	unemp_list_free(&ul);
	training_class_list tl;
	CHECK_INT(training_class_list_office(d, "320508-01", 0, 10, &tl, &total, &e), ERR_OK);
	CHECK(tl.n > 0);
	if (tl.n > 0) {
		training_enrollment_list el;
		CHECK_INT(training_enrollment_list_class(d, tl.items[0].id, &el, &e), ERR_OK);
		CHECK(el.n > 0);
		training_enrollment_list_free(&el);
	}
	training_class_list_free(&tl);
	contract c;
	CHECK_INT(contract_get(d, 1, &c, &e), ERR_OK);
	arb_case ac;
	CHECK_INT(arb_case_get(d, 1, &ac, &e), ERR_OK);
	CHECK(strstr(ac.case_no, "劳人仲案字〔") != NULL);
	arb_hearing_list hl;
	CHECK_INT(arb_hearing_list_case(d, 1, &hl, &e), ERR_OK);
	CHECK(hl.n == 1);
	if (hl.n == 1) {
		arb_log log;
		CHECK_INT(arb_log_list(d, hl.items[0].id, &log, &e), ERR_OK);
		CHECK(log.n > 0);
		arb_log_free(&log);
	}
	arb_hearing_list_free(&hl);
	db_close(d);
}

static void refuses_a_database_with_persons(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	const char *dir = test_tmpdir();
	db *d = make_demo(dir, "x.db", 100, 1);
	REQUIRE(d);
	demo_opts o = {.persons = 100, .seed = 2, .today = demo_today()};
	err_info e;
	CHECK_INT(demo_generate(d, &o, NULL, NULL, &e), ERR_DEMO_NOT_EMPTY);
	person_list l;
	size_t total = 0;
	CHECK_INT(person_search(d, "1", 0, 1000, &l, &total, &e), ERR_OK);
	size_t n = l.n;
	person_list_free(&l);
	CHECK_INT(person_search(d, "2", 0, 1000, &l, &total, &e), ERR_OK);
	n += l.n;
	person_list_free(&l);
	CHECK_INT(person_search(d, "3", 0, 1000, &l, &total, &e), ERR_OK);
	n += l.n;
	person_list_free(&l);
	CHECK(n <= 100); /* nothing added by the refused run */
	db_close(d);
}

/* The database's seeded calendar and the statute module's seed are one table twice: they must
 * agree. */
static void seeded_calendar_matches_statute_seed(void)
{
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	char path[4300];
	snprintf(path, sizeof path, "%s/cal.db", test_tmpdir());
	db *d = NULL;
	err_info e;
	REQUIRE(db_open(path, DB_OPEN_CREATE, &d, &e) == ERR_OK);
	calendar_list cl;
	REQUIRE(calendar_load(d, &cl, &e) == ERR_OK);
	size_t n;
	const cal_day *seed = workcal_seed(&n);
	CHECK_INT(cl.n, n);
	int mismatch = 0;
	for (size_t i = 0; i < n && i < cl.n; i++) {
		char day[DATE_ISO_LEN];
		date_format(seed[i].day, day);
		int kind = cl.items[i].kind == CALENDAR_HOLIDAY ? CAL_HOLIDAY : CAL_WORKDAY;
		if (strcmp(day, cl.items[i].day) != 0 || kind != (int)seed[i].kind)
			mismatch++;
	}
	CHECK_INT(mismatch, 0);
	calendar_list_free(&cl);
	db_close(d);
}

TEST_MAIN(T(same_seed_same_data_other_seed_differs), T(every_person_passes_the_validators),
          T(all_four_workflows_and_the_demo_operator), T(refuses_a_database_with_persons),
          T(seeded_calendar_matches_statute_seed))
