/*
 * Tests for db/person and the rules every repository shares through
 * db/row: CHECK constraints as the last line of defence, optimistic row
 * versions, audit rows with before/after JSON, append-only audit, prefix
 * search with paging, SQL metacharacters taken literally, bad input, and
 * two processes writing the same file at once.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db/audit.h"
#include "db/dbint.h"
#include "db/office.h"
#include "db/person.h"
#include "tests/test.h"

static char db_file[4400];

static db *fresh(void)
{
	err_info e;
	db *d = NULL;
	snprintf(db_file, sizeof db_file, "%s/p.db", test_tmpdir());
	if (db_open(db_file, DB_OPEN_CREATE, &d, &e) != ERR_OK) {
		char buf[300];
		test_fail(__FILE__, __LINE__, "open: %s", err_format(&e, buf, sizeof buf));
		return NULL;
	}
	office o = {0};
	strcpy(o.code, "420102");
	strcpy(o.name, "江岸区劳动保障事务所");
	strcpy(o.area_code, "420102");
	if (office_insert(d, &o, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "office: %s", err_name(e.code));
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

/* A valid 18-character ID: area, birth date, sequence (odd = male), check character. */
static void make_id(char out[19], const char *area, const char *birth, int seq)
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	char body[32];
	snprintf(body, sizeof body, "%.6s%.8s%03d", area, birth, seq % 1000);
	int s = 0;
	for (int i = 0; i < 17; i++)
		s += (body[i] - '0') * w[i];
	snprintf(out, 19, "%.17s%c", body, "10X98765432"[s % 11]);
}

static void person_fill(person *p, const char *id_no, const char *name, const char *py)
{
	memset(p, 0, sizeof *p);
	snprintf(p->id_no, sizeof p->id_no, "%s", id_no);
	snprintf(p->name, sizeof p->name, "%s", name);
	snprintf(p->name_py, sizeof p->name_py, "%s", py);
	p->sex = (id_no[16] - '0') % 2 ? 1 : 2;
	snprintf(p->birth_date, sizeof p->birth_date, "%.4s-%.2s-%.2s", id_no + 6, id_no + 10,
	         id_no + 12);
}

static void insert_get_round_trip(void)
{
	setenv("LAOBAO_NOW", "2026-03-02T08:30:00Z", 1);
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	person p;
	person_fill(&p, "11010519491231002X", "张三", "zs");
	strcpy(p.ethnicity, "01");
	strcpy(p.education, "21");
	strcpy(p.hukou_type, "1");
	strcpy(p.hukou_area, "110105");
	strcpy(p.marital, "20");
	strcpy(p.politics, "13");
	strcpy(p.phone, "13800138000");
	strcpy(p.address, "北京市朝阳区某某路1号");
	strcpy(p.email, "zhang@example.cn");
	strcpy(p.office, "420102");
	strcpy(p.remark, "备注");
	REQUIRE(person_insert(d, &p, &e) == ERR_OK);
	CHECK(p.id > 0);
	CHECK_INT(p.version, 1);
	CHECK_STR(p.created_at, "2026-03-02T08:30:00Z");
	person g;
	REQUIRE(person_get(d, p.id, &g, &e) == ERR_OK);
	CHECK_STR(g.id_no, "11010519491231002X");
	CHECK_STR(g.name, "张三");
	CHECK_STR(g.name_py, "zs");
	CHECK_INT(g.sex, 2);
	CHECK_STR(g.birth_date, "1949-12-31");
	CHECK_STR(g.ethnicity, "01");
	CHECK_STR(g.education, "21");
	CHECK_STR(g.hukou_type, "1");
	CHECK_STR(g.hukou_area, "110105");
	CHECK_STR(g.marital, "20");
	CHECK_STR(g.politics, "13");
	CHECK_STR(g.phone, "13800138000");
	CHECK_STR(g.address, "北京市朝阳区某某路1号");
	CHECK_STR(g.email, "zhang@example.cn");
	CHECK_STR(g.office, "420102");
	CHECK_STR(g.remark, "备注");
	CHECK_INT(g.version, 1);
	CHECK_INT(g.chg_seq, p.chg_seq);
	CHECK_STR(g.updated_at, "2026-03-02T08:30:00Z");
	CHECK_INT(person_find_by_id_no(d, "11010519491231002X", &g, &e), ERR_OK);
	CHECK_INT(g.id, p.id);
	CHECK_INT(person_find_by_id_no(d, "110105194912310021", &g, &e), ERR_NOT_FOUND);
	CHECK_INT(e.field, MSG_F_ID_NO);
	CHECK_INT(person_get(d, 999, &g, &e), ERR_NOT_FOUND);
	/* Unknown codes are stored as NULL, and read back as "". */
	person q;
	person_fill(&q, "420102198506170035", "李四", "ls");
	REQUIRE(person_insert(d, &q, &e) == ERR_OK);
	REQUIRE(person_get(d, q.id, &g, &e) == ERR_OK);
	CHECK_STR(g.ethnicity, "");
	CHECK_STR(g.office, "");
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons WHERE ethnicity IS NULL"), 1);
	/* A second insert of the same ID names it. */
	q.id = 0;
	CHECK_INT(person_insert(d, &q, &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_F_ID_NO);
	CHECK_STR(e.detail, "420102198506170035");
	CHECK_INT(q.id, 0); /* a failed insert leaves the record unsaved */
	unsetenv("LAOBAO_NOW");
	db_close(d);
}

/* Insert p and expect `code` naming `field`; a refused row must leave nothing stored. */
static void expect_refused(db *d, person *p, err_code code, msg_id field, int line)
{
	err_info e;
	int64_t before = count_rows(d, "SELECT count(*) FROM persons");
	err_code c = person_insert(d, p, &e);
	if (c != code || (c != ERR_OK && e.field != field)) {
		char buf[300];
		test_fail(__FILE__, line, "got %s (%s), expected %s field %s", err_name(c),
		          err_format(&e, buf, sizeof buf), err_name(code), msg_name(field));
	}
	if (count_rows(d, "SELECT count(*) FROM persons") != before + (code == ERR_OK))
		test_fail(__FILE__, line, "row count wrong after %s", err_name(c));
	p->id = 0;
}

static void constraints_refuse_bad_rows(void)
{
	db *d = fresh();
	REQUIRE(d != NULL);
	person p;
	person_fill(&p, "42010219850617003", "短号", "dh"); /* 17 characters */
	p.sex = 1;
	strcpy(p.birth_date, "1985-06-17");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_F_ID_NO, __LINE__);
	person_fill(&p, "42010219850617003Y", "末位", "mw");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_F_ID_NO, __LINE__);
	person_fill(&p, "420102198506170035", "性别", "xb");
	p.sex = 3;
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_F_SEX, __LINE__);
	p.sex = 2; /* the ID says male */
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_F_SEX, __LINE__);
	person_fill(&p, "420102198506170035", "生日", "sr");
	strcpy(p.birth_date, "1985-06-18"); /* the ID says the 17th */
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_F_BIRTH_DATE, __LINE__);
	char id[19];
	make_id(id, "420102", "19850230", 3); /* no 30 February */
	person_fill(&p, id, "二月", "ey");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_F_BIRTH_DATE, __LINE__);
	person_fill(&p, "420102198506170035", "", "");
	expect_refused(d, &p, ERR_DB_REQUIRED, MSG_F_NAME, __LINE__);
	person_fill(&p, "420102198506170035", "民族", "mz");
	strcpy(p.ethnicity, "1");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_COL_ETHNICITY, __LINE__);
	person_fill(&p, "420102198506170035", "户口", "hk");
	strcpy(p.hukou_type, "5");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_COL_HUKOU_TYPE, __LINE__);
	person_fill(&p, "420102198506170035", "邮箱", "yx");
	strcpy(p.email, "no-at-sign");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_COL_EMAIL, __LINE__);
	person_fill(&p, "420102198506170035", "拼音", "PY");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_COL_NAME_PY, __LINE__);
	person_fill(&p, "420102198506170035", "机构", "jg");
	strcpy(p.office, "999999"); /* no such office */
	expect_refused(d, &p, ERR_DB_REFERENCE, MSG_NONE, __LINE__);
	/* 41 characters fit the buffer but not the rule (40). */
	person_fill(&p, "420102198506170035", "", "");
	for (int i = 0; i < 41; i++)
		strcat(p.name, "名");
	expect_refused(d, &p, ERR_DB_CONSTRAINT, MSG_F_NAME, __LINE__);
	/* A buffer without its terminating NUL is refused before SQLite sees it. */
	person_fill(&p, "420102198506170035", "长", "c");
	memset(p.address, 'a', sizeof p.address);
	expect_refused(d, &p, ERR_DB_TOO_LONG, MSG_COL_ADDRESS, __LINE__);
	memset(p.id_no, '1', sizeof p.id_no);
	expect_refused(d, &p, ERR_DB_TOO_LONG, MSG_F_ID_NO, __LINE__);
	/* The good row still goes in. */
	person_fill(&p, "420102198506170035", "好", "h");
	expect_refused(d, &p, ERR_OK, MSG_NONE, __LINE__);
	db_close(d);
}

static void stale_version_changes_nothing(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	person p;
	person_fill(&p, "420102198506170035", "王五", "ww");
	REQUIRE(person_insert(d, &p, &e) == ERR_OK);
	person mine = p, theirs = p;
	strcpy(theirs.phone, "02788888888");
	REQUIRE(person_update(d, &theirs, &e) == ERR_OK);
	CHECK_INT(theirs.version, 2);
	CHECK(theirs.chg_seq > p.chg_seq);
	int64_t audits = count_rows(d, "SELECT count(*) FROM audit_log");
	int64_t seq = count_rows(d, "SELECT value FROM change_seq");
	strcpy(mine.address, "我的修改");
	CHECK_INT(person_update(d, &mine, &e), ERR_DB_STALE);
	CHECK_INT(mine.version, 1);
	char buf[200];
	CHECK_STR(err_format(&e, buf, sizeof buf), "记录已被其他人修改，请重新打开后再保存");
	person g;
	REQUIRE(person_get(d, p.id, &g, &e) == ERR_OK);
	CHECK_STR(g.phone, "02788888888");
	CHECK_STR(g.address, "");
	CHECK_INT(g.version, 2);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log"), audits);
	CHECK_INT(count_rows(d, "SELECT value FROM change_seq"), seq);
	/* A row that is gone is not "stale". */
	mine.id = 12345;
	CHECK_INT(person_update(d, &mine, &e), ERR_NOT_FOUND);
	mine.id = 0;
	CHECK_INT(person_update(d, &mine, &e), ERR_INVALID_ARG);
	/* The database refuses an UPDATE that does not raise the version by one. */
	CHECK_INT(db_exec(d, "UPDATE persons SET name = 'x'", &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_VERSION);
	CHECK_INT(db_exec(d, "UPDATE persons SET name = 'x', version = version + 2", &e),
	          ERR_DB_CONSTRAINT);
	REQUIRE(person_get(d, p.id, &g, &e) == ERR_OK);
	CHECK_STR(g.name, "王五");
	db_close(d);
}

static void audit_rows_carry_before_after_and_operator(void)
{
	err_info e;
	setenv("LAOBAO_NOW", "2026-03-02T09:00:00Z", 1);
	db *d = fresh();
	REQUIRE(d != NULL);
	db_set_actor(d, 7, "clerk7");
	person p;
	person_fill(&p, "320106199211080266", "赵六", "zl");
	REQUIRE(person_insert(d, &p, &e) == ERR_OK);
	setenv("LAOBAO_NOW", "2026-03-02T09:05:00Z", 1);
	db_set_actor(d, 8, "clerk8");
	strcpy(p.name, "赵六六");
	strcpy(p.phone, "13900000000");
	REQUIRE(person_update(d, &p, &e) == ERR_OK);
	audit_list al;
	REQUIRE(audit_list_row(d, "persons", p.id, &al, &e) == ERR_OK);
	REQUIRE(al.n == 2);
	CHECK_STR(al.items[0].action, "insert");
	CHECK(al.items[0].before == NULL);
	CHECK_INT(al.items[0].operator_id, 7);
	CHECK_STR(al.items[0].login, "clerk7");
	CHECK_STR(al.items[0].at, "2026-03-02T09:00:00Z");
	REQUIRE(al.items[0].after != NULL);
	CHECK(strstr(al.items[0].after, "\"name\":\"赵六\"") != NULL);
	CHECK(strstr(al.items[0].after, "\"id_no\":\"320106199211080266\"") != NULL);
	CHECK(strstr(al.items[0].after, "\"phone\":null") != NULL);
	CHECK(strstr(al.items[0].after, "\"version\":1") != NULL);
	CHECK_STR(al.items[1].action, "update");
	CHECK_INT(al.items[1].operator_id, 8);
	CHECK_STR(al.items[1].login, "clerk8");
	CHECK_STR(al.items[1].at, "2026-03-02T09:05:00Z");
	REQUIRE(al.items[1].before != NULL && al.items[1].after != NULL);
	CHECK_STR(al.items[1].before, al.items[0].after);
	CHECK(strstr(al.items[1].after, "\"name\":\"赵六六\"") != NULL);
	CHECK(strstr(al.items[1].after, "\"phone\":\"13900000000\"") != NULL);
	CHECK(strstr(al.items[1].after, "\"version\":2") != NULL);
	audit_list_free(&al);
	audit_list_free(NULL);

	/* The log itself cannot be changed or emptied. */
	CHECK_INT(db_exec(d, "UPDATE audit_log SET login = 'nobody'", &e), ERR_DB_APPEND_ONLY);
	CHECK_INT(db_exec(d, "DELETE FROM audit_log", &e), ERR_DB_APPEND_ONLY);
	CHECK(count_rows(d, "SELECT count(*) FROM audit_log WHERE login = 'clerk8'") == 1);
	db_close(d);
	/* Not by another program either. */
	sqlite3 *c = NULL;
	REQUIRE(sqlite3_open(db_file, &c) == SQLITE_OK);
	CHECK(sqlite3_exec(c, "DELETE FROM audit_log", NULL, NULL, NULL) == SQLITE_CONSTRAINT);
	CHECK(strstr(sqlite3_errmsg(c), "append-only") != NULL);
	sqlite3_close(c);
	unsetenv("LAOBAO_NOW");
}

static const struct {
	const char *name, *py, *birth;
} people[] = {
    {"张三", "zs", "19850617"},    {"张三丰", "zsf", "19700101"},
    {"张伟", "zw", "19900305"},    {"张伟", "zw", "19910305"},
    {"张小三", "zxs", "19920412"}, {"章三", "zs", "19881111"},
    {"李四", "ls", "19800202"},    {"李思思", "lss", "19810303"},
    {"王五", "ww", "19790909"},    {"赵六", "zl", "19750505"},
    {"钱七", "qq", "19660606"},    {"孙八", "sb", "19680808"},
    {"周九", "zj", "19990909"},    {"吴十", "ws", "20000101"},
    {"郑十一", "zsy", "20010202"}, {"O'Brien\"; --%", "obrien", "19870707"},
    {"100%纯", "c", "19860606"},   {"_下划线", "xhx", "19850505"},
};

static db *fresh_people(void)
{
	err_info e;
	db *d = fresh();
	if (d == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		char id[19];
		make_id(id, i < 9 ? "420102" : "110105", people[i].birth, (int)i + 1);
		person p;
		person_fill(&p, id, people[i].name, people[i].py);
		if (person_insert(d, &p, &e) != ERR_OK)
			test_fail(__FILE__, __LINE__, "insert %s: %s", people[i].name,
			          err_name(e.code));
	}
	return d;
}

/* Run a search and return the names joined by '|', "" when none. */
static const char *search(db *d, const char *q, size_t offset, size_t limit, size_t *total)
{
	static char out[2000];
	err_info e;
	person_list l;
	out[0] = '\0';
	err_code c = person_search(d, q, offset, limit, &l, total, &e);
	if (c != ERR_OK) {
		snprintf(out, sizeof out, "ERROR %s", err_name(c));
		return out;
	}
	for (size_t i = 0; i < l.n; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, l.items[i].name);
	}
	person_list_free(&l);
	return out;
}

static void search_by_id_initials_and_name_with_paging(void)
{
	db *d = fresh_people();
	REQUIRE(d != NULL);
	size_t total = 99;
	/* Name prefix, ordered by name (byte order of UTF-8) then ID. */
	CHECK_STR(search(d, "张三", 0, 10, &total), "张三|张三丰");
	CHECK_INT(total, 2);
	CHECK_STR(search(d, "张", 0, 10, &total), "张三|张三丰|张伟|张伟|张小三");
	CHECK_INT(total, 5);
	CHECK_STR(search(d, " 张三丰 ", 0, 10, &total), "张三丰");
	/*
	 * Initials: zs is a prefix of zs, zsf and zsy, not of zxs (张小三);
	 * ordered by initials first, so both exact "zs" come before 张三丰.
	 */
	CHECK_STR(search(d, "zs", 0, 10, &total), "张三|章三|张三丰|郑十一");
	CHECK_INT(total, 4);
	CHECK_STR(search(d, "ZS", 0, 10, &total), "张三|章三|张三丰|郑十一");
	CHECK_STR(search(d, "lss", 0, 10, &total), "李思思");
	/* ID prefix, in ID order: here the birth dates, 1966 to 2001. */
	CHECK_STR(search(d, "110105", 0, 100, &total),
	          "钱七|孙八|赵六|_下划线|100%纯|O'Brien\"; --%|周九|吴十|郑十一");
	CHECK_INT(total, 9);
	CHECK_STR(search(d, "4201021985", 0, 10, &total), "张三");
	/* Paging walks the same order without overlap. */
	char all[2000];
	snprintf(all, sizeof all, "%s", search(d, "", 0, 100, &total));
	CHECK_INT(total, sizeof people / sizeof people[0]);
	char paged[2000] = "";
	for (size_t off = 0; off < 18; off += 4) {
		const char *page = search(d, "", off, 4, &total);
		if (off)
			strcat(paged, "|");
		strcat(paged, page);
	}
	CHECK_STR(paged, all);
	CHECK_STR(search(d, "", 100, 10, &total), "");
	CHECK_INT(total, 18);
	CHECK_STR(search(d, "张", 0, 0, &total), "");
	CHECK_INT(total, 5);
	CHECK_STR(search(d, "没有这个人", 0, 10, &total), "");
	CHECK_INT(total, 0);
	CHECK_STR(search(d, "张", 1, 2, NULL), "张三丰|张伟");
	db_close(d);
}

/* The brief search finds what the full one finds, in the same order, with the same total. */
static void brief_search_matches_full_search(void)
{
	db *d = fresh_people();
	REQUIRE(d != NULL);
	/* Phones on some, addresses on others, both or neither on the rest. */
	person_list all;
	err_info ae;
	REQUIRE(person_search(d, "", 0, 100, &all, NULL, &ae) == ERR_OK);
	for (size_t i = 0; i < all.n; i++) {
		person *p = &all.items[i];
		if (i % 2 == 0)
			snprintf(p->phone, sizeof p->phone, "1390000%04zu", i);
		if (i % 3 == 0)
			snprintf(p->address, sizeof p->address, "武汉市江岸区%zu号", i);
		if (person_update(d, p, &ae) != ERR_OK)
			test_fail(__FILE__, __LINE__, "update: %s", err_name(ae.code));
	}
	person_list_free(&all);
	static const char *const queries[] = {
	    "", "张", "zs", "z", "110105", "4201021985", "O'", "没有这个人", "\xFF\xFE", " 李 "};
	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		for (size_t off = 0; off < 20; off += 7) {
			person_list full;
			person_brief_list brief;
			size_t tf = 99, tb = 77;
			err_info e;
			REQUIRE(person_search(d, queries[k], off, 5, &full, &tf, &e) == ERR_OK);
			REQUIRE(person_search_brief(d, queries[k], off, 5, &brief, &tb, &e) ==
			        ERR_OK);
			CHECK_INT(brief.n, full.n);
			CHECK_INT(tb, tf);
			for (size_t i = 0; i < brief.n && i < full.n; i++) {
				const person *p = &full.items[i];
				const person_brief *b = &brief.items[i];
				CHECK_INT(b->id, p->id);
				CHECK_STR(b->id_no, p->id_no);
				CHECK_STR(b->name, p->name);
				CHECK_INT(b->sex, p->sex);
				CHECK_STR(b->birth_date, p->birth_date);
				CHECK_STR(b->phone, p->phone);
				CHECK_STR(b->address, p->address);
			}
			person_list_free(&full);
			person_brief_list_free(&brief);
		}
	}
	person_brief_list l;
	size_t total;
	err_info e;
	char big[300];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(person_search_brief(d, big, 0, 10, &l, &total, &e), ERR_DB_TOO_LONG);
	CHECK_INT(e.field, MSG_COL_QUERY);
	CHECK_INT(person_search_brief(d, NULL, 0, 10, &l, &total, &e), ERR_INVALID_ARG);
	CHECK_INT(person_search_brief(NULL, "张", 0, 10, &l, &total, &e), ERR_INVALID_ARG);
	CHECK_INT(person_search_brief(d, "张", 0, 10, NULL, &total, &e), ERR_INVALID_ARG);
	CHECK_INT(person_search_brief(d, "张", 1, 2, &l, NULL, NULL), ERR_OK);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.items[0].name, "张三丰");
	CHECK_STR(l.items[0].birth_date, "1970-01-01");
	person_brief_list_free(&l);
	person_brief_list_free(NULL);
	db_close(d);
}

/*
 * The count behind "第 x/y 页" goes five pages (of at least 20) past the
 * page asked for and stops: exact up to there, bound + 1 beyond.
 */
static void count_stops_five_pages_ahead(void)
{
	db *d = fresh();
	REQUIRE(d != NULL);
	err_info e;
	REQUIRE(db_begin(d, &e) == ERR_OK);
	for (int i = 0; i < 450; i++) {
		char id[19], birth[9], name[32];
		snprintf(birth, sizeof birth, "19%02d%02d%02d", 50 + i / 300, 1 + i / 28 % 12,
		         1 + i % 28);
		make_id(id, "420102", birth, 100 + i);
		snprintf(name, sizeof name, "欧阳%03d", i);
		person p;
		person_fill(&p, id, name, "oy");
		if (person_insert(d, &p, &e) != ERR_OK) {
			test_fail(__FILE__, __LINE__, "insert %s: %s", id, err_name(e.code));
			break;
		}
	}
	REQUIRE(db_commit(d, &e) == ERR_OK);
	CHECK_INT(db_count_bound(0, 20), 120);
	CHECK_INT(db_count_bound(0, 0), 100);
	CHECK_INT(db_count_bound(40, 50), 340);
	CHECK(db_count_bound((size_t)-1, (size_t)-1) >= (size_t)1 << 31);
	CHECK(db_count_bound((size_t)-1 / 2, 100) > (size_t)-1 / 4);

	size_t total = 0;
	const char *page = search(d, "欧阳", 0, 20, &total);
	CHECK(strncmp(page, "欧阳000|欧阳001|", strlen("欧阳000|欧阳001|")) == 0);
	CHECK_INT(total, 121); /* more than this page and five more */
	search(d, "oy", 0, 0, &total);
	CHECK_INT(total, 101);
	search(d, "欧阳", 200, 50, &total);
	CHECK_INT(total, 450); /* exact: 200 + 300 would be the bound */
	search(d, "oy", 240, 20, &total);
	CHECK_INT(total, 361);
	/* A page that is not full is the last one: exact, whatever the bound. */
	CHECK_STR(search(d, "欧阳", 445, 20, &total), "欧阳445|欧阳446|欧阳447|欧阳448|欧阳449");
	CHECK_INT(total, 450);
	/* Beyond the end: counted, still exact. */
	CHECK_STR(search(d, "欧阳", 400, 500, &total), search(d, "欧阳", 400, 50, NULL));
	CHECK_INT(total, 450);
	CHECK_STR(search(d, "欧阳", 1000, 20, &total), "");
	CHECK_INT(total, 450);
	person_brief_list l;
	REQUIRE(person_search_brief(d, "420102195", 0, 20, &l, &total, &e) == ERR_OK);
	CHECK_INT(l.n, 20);
	CHECK_INT(total, 121);
	person_brief_list_free(&l);
	/* Inside a caller's transaction too. */
	REQUIRE(db_begin(d, &e) == ERR_OK);
	search(d, "oy", 0, 20, &total);
	CHECK_INT(total, 121);
	db_rollback(d);
	db_close(d);
}

static void metacharacters_are_literal(void)
{
	db *d = fresh_people();
	REQUIRE(d != NULL);
	size_t total;
	CHECK_STR(search(d, "O'Brien\"; --%", 0, 10, &total), "O'Brien\"; --%");
	CHECK_STR(search(d, "O'", 0, 10, &total), "O'Brien\"; --%");
	CHECK_STR(search(d, "'", 0, 10, &total), "");
	/* LIKE would take these as wildcards and match everything. */
	CHECK_STR(search(d, "%", 0, 10, &total), "");
	CHECK_STR(search(d, "_", 0, 10, &total), "_下划线");
	CHECK_STR(search(d, "100%", 0, 10, &total), "100%纯");
	CHECK_STR(search(d, "'; DROP TABLE persons; --", 0, 10, &total), "");
	CHECK_INT(total, 0);
	CHECK_STR(search(d, "", 0, 100, &total), search(d, "", 0, 100, NULL));
	CHECK_INT(total, 18);
	err_info e;
	person p;
	char id[19];
	make_id(id, "110105", "19870707", 16);
	REQUIRE(person_find_by_id_no(d, id, &p, &e) == ERR_OK);
	CHECK_STR(p.name, "O'Brien\"; --%");
	db_close(d);
}

static void bad_input_gives_errors(void)
{
	err_info e;
	db *d = fresh_people();
	REQUIRE(d != NULL);
	person_list l;
	size_t total;
	CHECK_INT(person_search(d, NULL, 0, 10, &l, &total, &e), ERR_INVALID_ARG);
	CHECK_INT(person_search(NULL, "张", 0, 10, &l, &total, &e), ERR_INVALID_ARG);
	CHECK_INT(person_search(d, "张", 0, 10, NULL, &total, &e), ERR_INVALID_ARG);
	char big[300];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(person_search(d, big, 0, 10, &l, &total, &e), ERR_DB_TOO_LONG);
	CHECK_INT(e.field, MSG_COL_QUERY);
	/* Invalid UTF-8 and binary just find nothing. */
	CHECK_STR(search(d, "\xFF\xFE\x80", 0, 10, &total), "");
	CHECK_STR(search(d, "\x01\x02\x1B[2J", 0, 10, &total), "");
	CHECK_STR(search(d, "张\xC0", 0, 10, &total), "");
	/* Offsets and limits far beyond the data are fine. */
	CHECK_STR(search(d, "", (size_t)-1, (size_t)-1, &total), "");
	person p;
	CHECK_INT(person_insert(d, NULL, &e), ERR_INVALID_ARG);
	CHECK_INT(person_insert(NULL, &p, &e), ERR_INVALID_ARG);
	CHECK_INT(person_update(d, NULL, &e), ERR_INVALID_ARG);
	CHECK_INT(person_get(NULL, 1, &p, &e), ERR_INVALID_ARG);
	CHECK_INT(person_get(d, 1, NULL, &e), ERR_INVALID_ARG);
	CHECK_INT(person_find_by_id_no(d, NULL, &p, &e), ERR_INVALID_ARG);
	CHECK_INT(person_find_by_id_no(d, big, &p, &e), ERR_DB_TOO_LONG);
	CHECK_INT(person_find_by_id_no(d, "", &p, &e), ERR_NOT_FOUND);
	/* Binary in a text field is stored as given and read back whole. */
	person_fill(&p, "440305200002290512", "二进制", "ejz");
	strcpy(p.remark, "\x01\x02\xFF\xFE\xE5");
	CHECK_INT(person_insert(d, &p, &e), ERR_OK);
	person g;
	REQUIRE(person_get(d, p.id, &g, &e) == ERR_OK);
	CHECK_STR(g.remark, "\x01\x02\xFF\xFE\xE5");
	/* No error record is fine too. */
	CHECK_INT(person_get(d, 9999, &g, NULL), ERR_NOT_FOUND);
	CHECK_INT(person_search(d, NULL, 0, 1, &l, NULL, NULL), ERR_INVALID_ARG);
	person_list_free(NULL);
	db_close(d);
}

/* One child: open the file itself and save `n` persons, each inserted then updated. */
static int writer(int child, int n)
{
	err_info e;
	db *d = NULL;
	if (db_open(db_file, 0, &d, &e) != ERR_OK)
		return 10;
	db_set_actor(d, 0, child ? "child1" : "child0");
	int busy = 0, other = 0;
	for (int i = 0; i < n; i++) {
		char id[19], birth[9];
		snprintf(birth, sizeof birth, "19%02d%02d%02d", 50 + i % 40, 1 + i / 40 % 12,
		         1 + i / 480 % 28);
		make_id(id, child ? "320106" : "420102", birth, i % 997);
		person p;
		person_fill(&p, id, child ? "乙方" : "甲方", "x");
		err_code c = person_insert(d, &p, &e);
		if (c == ERR_OK) {
			strcpy(p.phone, "13800000000");
			c = person_update(d, &p, &e);
		}
		busy += c == ERR_DB_BUSY;
		other += c != ERR_OK && c != ERR_DB_BUSY;
	}
	db_close(d);
	return busy ? 20 : other ? 30 : 0;
}

static void two_processes_write_at_once(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	db_close(d);
	const int n = 500;
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		REQUIRE(kids[k] >= 0);
		if (kids[k] == 0)
			_exit(writer(k, n));
	}
	for (int k = 0; k < 2; k++) {
		int st = 0;
		waitpid(kids[k], &st, 0);
		CHECK(WIFEXITED(st));
		CHECK_INT(WEXITSTATUS(st), 0);
	}
	REQUIRE(db_open(db_file, 0, &d, &e) == ERR_OK);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons"), 2 * n);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons WHERE version = 2"), 2 * n);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log WHERE tbl = 'persons'"), 4 * n);
	/* Every change got its own sequence number. */
	CHECK_INT(count_rows(d, "SELECT count(DISTINCT chg_seq) FROM persons"), 2 * n);
	CHECK_INT(count_rows(d, "SELECT value FROM change_seq"), 4 * n + 1);
	db_close(d);
}

TEST_MAIN(T(insert_get_round_trip), T(constraints_refuse_bad_rows),
          T(stale_version_changes_nothing), T(audit_rows_carry_before_after_and_operator),
          T(search_by_id_initials_and_name_with_paging), T(metacharacters_are_literal),
          T(brief_search_matches_full_search), T(count_stops_five_pages_ahead),
          T(bad_input_gives_errors), T(two_processes_write_at_once))
