/*
 * Tests for the reference-data repositories: code tables, the holiday
 * calendar, settings, area rates, offices, and drafts (which no other
 * operator may see).
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/calendar.h"
#include "db/code.h"
#include "db/dbint.h"
#include "db/draft.h"
#include "db/office.h"
#include "db/rate.h"
#include "db/setting.h"
#include "tests/test.h"

static db *fresh(void)
{
	err_info e;
	db *d = NULL;
	char path[4400];
	snprintf(path, sizeof path, "%s/ref.db", test_tmpdir());
	if (db_open(path, DB_OPEN_CREATE, &d, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
		return NULL;
	}
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

static const char *codes(const code_list *l)
{
	static char out[4000];
	out[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, l->items[i].code);
	}
	return out;
}

static void code_tables_are_seeded(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	code_list l;
	REQUIRE(code_list_table(d, CODE_T_ETHNICITY, 0, &l, &e) == ERR_OK);
	REQUIRE(l.n == 58);
	CHECK_STR(l.items[0].code, "01");
	CHECK_STR(l.items[0].name, "汉族");
	CHECK_STR(l.items[0].py, "hz");
	CHECK_STR(l.items[3].name, "藏族");
	CHECK_STR(l.items[3].py, "zz");
	CHECK_STR(l.items[55].name, "基诺族");
	CHECK_STR(l.items[57].code, "98");
	code_list_free(&l);
	/* Every table the meta table lists has rows. */
	REQUIRE(code_list_table(d, CODE_T_TABLES, 0, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 20);
	for (size_t i = 0; i < l.n; i++) {
		code_list t;
		REQUIRE(code_list_table(d, l.items[i].code, 1, &t, &e) == ERR_OK);
		if (t.n == 0)
			test_fail(__FILE__, __LINE__, "code table %s is empty", l.items[i].code);
		code_list_free(&t);
	}
	code_list_free(&l);
	REQUIRE(code_list_table(d, CODE_T_INDUSTRY, 0, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "A B C D E F G H I J K L M N O P Q R S T");
	CHECK_STR(l.items[5].name, "批发和零售业");
	CHECK_STR(l.items[5].edition, "2017");
	code_list_free(&l);
	REQUIRE(code_list_table(d, CODE_T_CANCEL_REASON, 0, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "ZX01 ZX02 ZX03 ZX04 ZX05 ZX06 ZX07 ZX08 ZX09 ZX10 ZX11");
	code_list_free(&l);
	REQUIRE(code_list_table(d, CODE_T_CLOSURE, 0, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "TJ CJ-Z CJ-F CS SC BS QT");
	code_list_free(&l);
	REQUIRE(code_list_table(d, CODE_T_DISPUTE_TYPE, 0, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 17);
	code_list_free(&l);
	/* Old editions stay for old records but are not offered. */
	REQUIRE(code_list_table(d, CODE_T_EDUCATION, 0, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 40);
	code_list_free(&l);
	REQUIRE(code_list_table(d, CODE_T_EDUCATION, 1, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 49);
	code_list_free(&l);
	code_item c;
	REQUIRE(code_get(d, CODE_T_EDUCATION, "21", &c, &e) == ERR_OK);
	CHECK_STR(c.name, "大学本科毕业");
	CHECK_STR(c.edition, "2006");
	REQUIRE(code_get(d, CODE_T_EDUCATION, "50", &c, &e) == ERR_OK);
	CHECK_STR(c.name, "技工学校");
	CHECK_INT(c.active, 0);
	REQUIRE(code_get(d, CODE_T_EDUCATION, "20", &c, &e) == ERR_OK);
	CHECK_STR(c.name, "大学本科教育"); /* the active edition wins */
	REQUIRE(code_get(d, CODE_T_INDUSTRY, "F", &c, &e) == ERR_OK);
	CHECK_STR(c.name, "批发和零售业");
	CHECK_INT(code_get(d, CODE_T_ETHNICITY, "57", &c, &e), ERR_NOT_FOUND);
	CHECK_INT(e.field, MSG_COL_CODE);
	CHECK_INT(code_get(d, "no_such_table", "01", &c, &e), ERR_NOT_FOUND);
	CHECK_INT(code_get(d, NULL, "01", &c, &e), ERR_INVALID_ARG);
	db_close(d);
}

static void code_search_and_flags(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	code_list l;
	REQUIRE(code_search(d, CODE_T_ETHNICITY, "hz", 10, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "01 03 53"); /* 汉族 回族 赫哲族 */
	code_list_free(&l);
	REQUIRE(code_search(d, CODE_T_ETHNICITY, "HZ", 10, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "01 03 53");
	code_list_free(&l);
	REQUIRE(code_search(d, CODE_T_ETHNICITY, "汉", 10, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "01");
	code_list_free(&l);
	REQUIRE(code_search(d, CODE_T_ETHNICITY, "0", 3, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "01 02 03");
	code_list_free(&l);
	REQUIRE(code_search(d, CODE_T_END_REASON, "J38", 20, &l, &e) == ERR_OK);
	CHECK_STR(codes(&l), "J38-1 J38-2 J38-3 J38-4 J38-5 J38-6 J38-I");
	code_list_free(&l);
	REQUIRE(code_search(d, CODE_T_ETHNICITY, "%", 10, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 0);
	code_list_free(&l);
	REQUIRE(code_search(d, CODE_T_ETHNICITY, "", 100, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 58);
	code_list_free(&l);
	CHECK_INT(code_search(d, CODE_T_ETHNICITY, NULL, 10, &l, &e), ERR_INVALID_ARG);

	char flag[16];
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "J36E", "comp", flag, sizeof flag, &e), ERR_OK);
	CHECK_STR(flag, "Y");
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "J36W", "ui", flag, sizeof flag, &e), ERR_OK);
	CHECK_STR(flag, "N");
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "J39-2", "comp", flag, sizeof flag, &e), ERR_OK);
	CHECK_STR(flag, "N");
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "J39-2", "ui", flag, sizeof flag, &e), ERR_OK);
	CHECK_STR(flag, "Y");
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "Z44-1", "comp", flag, sizeof flag, &e), ERR_OK);
	CHECK_STR(flag, "Y*");
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "Z44-4", "kind", flag, sizeof flag, &e), ERR_OK);
	CHECK_STR(flag, "05");
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "J36E", "nothing", flag, sizeof flag, &e),
	          ERR_OK);
	CHECK_STR(flag, "");
	CHECK_INT(code_extra(d, CODE_T_ETHNICITY, "01", "comp", flag, sizeof flag, &e), ERR_OK);
	CHECK_STR(flag, "");
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "J36E", "a.b", flag, sizeof flag, &e),
	          ERR_INVALID_ARG);
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "J36E", "basis", flag, 4, &e), ERR_DB_TOO_LONG);
	CHECK_INT(code_extra(d, CODE_T_END_REASON, "NOPE", "comp", flag, sizeof flag, &e),
	          ERR_NOT_FOUND);

	/* A local code can be added and later retired. */
	code_item c;
	memset(&c, 0, sizeof c);
	strcpy(c.table, CODE_T_CANCEL_REASON);
	strcpy(c.code, "ZX12");
	strcpy(c.name, "无正当理由三次拒绝推荐");
	strcpy(c.py, "wzdlyscjjtj");
	c.sort = 12;
	c.active = 1;
	strcpy(c.extra, "{\"local\":true}");
	REQUIRE(code_insert(d, &c, &e) == ERR_OK);
	CHECK_INT(code_insert(d, &c, &e), ERR_INVALID_ARG);
	c.id = 0;
	CHECK_INT(code_insert(d, &c, &e), ERR_DB_DUPLICATE);
	CHECK_INT(code_get(d, CODE_T_CANCEL_REASON, "ZX12", &c, &e), ERR_OK);
	c.active = 0;
	CHECK_INT(code_update(d, &c, &e), ERR_OK);
	REQUIRE(code_list_table(d, CODE_T_CANCEL_REASON, 0, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 11);
	code_list_free(&l);
	memset(&c, 0, sizeof c);
	strcpy(c.table, CODE_T_CANCEL_REASON);
	strcpy(c.code, "ZX13");
	strcpy(c.name, "坏");
	strcpy(c.extra, "{not json");
	CHECK_INT(code_insert(d, &c, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_EXTRA);
	db_close(d);
}

static int cal_kind(const calendar_list *l, const char *day)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].day, day) == 0)
			return l->items[i].kind;
	return 0;
}

static void holiday_calendar(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	calendar_list l;
	REQUIRE(calendar_load(d, &l, &e) == ERR_OK);
	CHECK_INT(l.n, 72);
	CHECK_STR(l.items[0].day, "2025-01-01");
	CHECK_STR(l.items[0].name, "元旦");
	for (size_t i = 1; i < l.n; i++)
		CHECK(strcmp(l.items[i - 1].day, l.items[i].day) < 0);
	/* The worked checks of rules §9 depend on these. */
	CHECK_INT(cal_kind(&l, "2026-09-20"), CALENDAR_WORKDAY);
	CHECK_INT(cal_kind(&l, "2026-10-07"), CALENDAR_HOLIDAY);
	CHECK_INT(cal_kind(&l, "2026-10-08"), 0);
	CHECK_INT(cal_kind(&l, "2026-02-14"), CALENDAR_WORKDAY);
	CHECK_INT(cal_kind(&l, "2026-02-15"), CALENDAR_HOLIDAY);
	CHECK_INT(cal_kind(&l, "2026-02-23"), CALENDAR_HOLIDAY);
	CHECK_INT(cal_kind(&l, "2026-02-24"), 0);
	CHECK_INT(cal_kind(&l, "2025-01-26"), CALENDAR_WORKDAY);
	CHECK_INT(cal_kind(&l, "2025-10-08"), CALENDAR_HOLIDAY);
	CHECK_INT(cal_kind(&l, "2025-05-05"), CALENDAR_HOLIDAY);
	CHECK_INT(cal_kind(&l, "2025-04-27"), CALENDAR_WORKDAY);
	calendar_list_free(&l);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM calendar WHERE kind = 'workday'"), 11);

	/* Next year's arrangement comes in as one import: all or nothing. */
	calendar_day next[3] = {
	    {"2027-01-01", CALENDAR_HOLIDAY, "元旦"},
	    {"2027-02-06", CALENDAR_HOLIDAY, "春节"},
	    {"2027-02-30", CALENDAR_HOLIDAY, "不存在"},
	};
	CHECK_INT(calendar_import(d, next, 3, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_F_DATE);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM calendar WHERE day >= '2027'"), 0);
	CHECK_INT(calendar_import(d, next, 2, &e), ERR_OK);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM calendar WHERE day >= '2027'"), 2);
	/* Putting a listed day changes it (versioned, audited). */
	calendar_day fix = {"2027-02-06", CALENDAR_WORKDAY, "春节调休上班"};
	CHECK_INT(calendar_put(d, &fix, &e), ERR_OK);
	CHECK_INT(count_rows(d, "SELECT version FROM calendar WHERE day = '2027-02-06'"), 2);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log WHERE tbl = 'calendar'"), 3);
	calendar_day bad = {"2027-03-01", 7, "坏"};
	CHECK_INT(calendar_put(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(calendar_delete(d, "2027-01-01", &e), ERR_OK);
	CHECK_INT(calendar_delete(d, "2027-01-01", &e), ERR_NOT_FOUND);
	/* A deleted exported row leaves a tombstone with its natural key. */
	CHECK_INT(count_rows(d, "SELECT count(*) FROM tombstones WHERE tbl = 'calendar' AND "
	                        "natural_key = '2027-01-01'"),
	          1);
	CHECK_INT(calendar_import(d, NULL, 0, &e), ERR_OK);
	CHECK_INT(calendar_put(d, NULL, &e), ERR_INVALID_ARG);
	db_close(d);
}

static void settings_with_defaults(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	char buf[256];
	int64_t n = 0;
	CHECK_INT(setting_get_int(d, "deadline.arb_award.days", 0, &n, &e), ERR_OK);
	CHECK_INT(n, 45);
	CHECK_INT(setting_get(d, "deadline.arb_accept.day_type", "x", buf, sizeof buf, &e), ERR_OK);
	CHECK_STR(buf, "calendar");
	CHECK_INT(setting_get(d, "case_no.template", NULL, buf, sizeof buf, &e), ERR_OK);
	CHECK_STR(buf, "{prefix}劳人仲案字〔{year}〕第{n}号");
	CHECK_INT(setting_get(d, "no.such.key", "默认", buf, sizeof buf, &e), ERR_OK);
	CHECK_STR(buf, "默认");
	CHECK_INT(setting_get(d, "no.such.key", NULL, buf, sizeof buf, &e), ERR_NOT_FOUND);
	CHECK_INT(setting_get_int(d, "no.such.key", 30, &n, &e), ERR_OK);
	CHECK_INT(n, 30);
	CHECK_INT(setting_set(d, "office.default", "420102", &e), ERR_OK);
	CHECK_INT(setting_get(d, "office.default", "", buf, sizeof buf, &e), ERR_OK);
	CHECK_STR(buf, "420102");
	CHECK_INT(setting_set(d, "cert.template.420102", "{area6}{seq10}", &e), ERR_OK);
	CHECK_INT(setting_set(d, "cert.template.420102", "{area6}{seq8}", &e), ERR_OK);
	CHECK_INT(count_rows(d, "SELECT version FROM settings WHERE key = 'cert.template.420102'"),
	          2);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log WHERE tbl = 'settings'"), 3);
	CHECK_INT(setting_set(d, "deadline.filing_separation.days", "七", &e), ERR_OK);
	CHECK_INT(setting_get_int(d, "deadline.filing_separation.days", 15, &n, &e),
	          ERR_INVALID_ARG);
	CHECK(strstr(e.detail, "deadline.filing_separation.days") != NULL);
	CHECK_INT(setting_get(d, "case_no.template", NULL, buf, 8, &e), ERR_DB_TOO_LONG);
	CHECK_INT(setting_set(d, "bad key!", "x", &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_SETTING_KEY);
	CHECK_INT(setting_set(d, "", "x", &e), ERR_INVALID_ARG);
	CHECK_INT(setting_set(d, "k", NULL, &e), ERR_INVALID_ARG);
	CHECK_INT(setting_set(d, "empty.ok", "", &e), ERR_OK);
	CHECK_INT(setting_get(d, "empty.ok", "default", buf, sizeof buf, &e), ERR_OK);
	CHECK_STR(buf, "");
	db_close(d);
}

static void office_and_rates(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	office o = {0};
	strcpy(o.code, "440604");
	strcpy(o.name, "禅城区劳动人事争议仲裁委员会");
	strcpy(o.area_code, "440604");
	strcpy(o.case_prefix, "佛禅");
	REQUIRE(office_insert(d, &o, &e) == ERR_OK);
	office g;
	REQUIRE(office_get(d, "440604", &g, &e) == ERR_OK);
	CHECK_STR(g.case_prefix, "佛禅");
	office stale = g;
	strcpy(g.name, "禅城区劳动人事争议仲裁院");
	CHECK_INT(office_update(d, &g, &e), ERR_OK);
	CHECK_INT(office_update(d, &stale, &e), ERR_DB_STALE);
	o.id = 0;
	CHECK_INT(office_insert(d, &o, &e), ERR_DB_DUPLICATE);
	CHECK_INT(e.field, MSG_COL_OFFICE_CODE);
	office bad = {0};
	strcpy(bad.code, "x y");
	strcpy(bad.name, "坏");
	strcpy(bad.area_code, "4406");
	CHECK_INT(office_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(office_get(d, "nope", &g, &e), ERR_NOT_FOUND);

	rate r = {0};
	strcpy(r.area_code, "440604");
	strcpy(r.kind, RATE_MIN_WAGE_MONTH);
	strcpy(r.valid_from, "2023-03-01");
	r.amount = 230000;
	REQUIRE(rate_put(d, &r, &e) == ERR_OK);
	memset(&r, 0, sizeof r);
	strcpy(r.area_code, "440604");
	strcpy(r.kind, RATE_MIN_WAGE_MONTH);
	strcpy(r.valid_from, "2025-03-01");
	r.amount = 240000;
	REQUIRE(rate_put(d, &r, &e) == ERR_OK);
	rate got;
	CHECK_INT(rate_find(d, "440604", RATE_MIN_WAGE_MONTH, "2024-06-30", &got, &e), ERR_OK);
	CHECK_INT(got.amount, 230000);
	CHECK_INT(rate_find(d, "440604", RATE_MIN_WAGE_MONTH, "2025-03-01", &got, &e), ERR_OK);
	CHECK_INT(got.amount, 240000);
	CHECK_INT(rate_find(d, "440604", RATE_MIN_WAGE_MONTH, "2020-01-01", &got, &e),
	          ERR_NOT_FOUND);
	/* The same area, kind and date is a correction, not a second rate. */
	r.amount = 250000;
	strcpy(r.note, "粤府函〔2025〕");
	REQUIRE(rate_put(d, &r, &e) == ERR_OK);
	CHECK_INT(r.version, 2);
	rate_list rl;
	REQUIRE(rate_list_area(d, "440604", RATE_MIN_WAGE_MONTH, &rl, &e) == ERR_OK);
	REQUIRE(rl.n == 2);
	CHECK_INT(rl.items[0].amount, 250000);
	rate_list_free(&rl);
	r.id = 0;
	r.amount = -1;
	CHECK_INT(rate_put(d, &r, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_F_MONEY);
	strcpy(r.kind, "bogus");
	r.amount = 1;
	CHECK_INT(rate_put(d, &r, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_RATE_KIND);
	db_close(d);
}

static void drafts_belong_to_their_operator(void)
{
	err_info e;
	db *d = fresh();
	REQUIRE(d != NULL);
	/* Drafts reference operators; make two without going through hashing. */
	CHECK_INT(db_exec(d,
	                  "INSERT INTO operators (login, name, pw_hash, pw_changed_at, role, "
	                  "created_at, updated_at) VALUES ('a', '甲', '$argon2id$x', "
	                  "'2026-01-01T00:00:00Z', 2, '2026-01-01T00:00:00Z', "
	                  "'2026-01-01T00:00:00Z')",
	                  &e),
	          ERR_OK);
	CHECK_INT(db_exec(d,
	                  "INSERT INTO operators (login, name, pw_hash, pw_changed_at, role, "
	                  "created_at, updated_at) VALUES ('b', '乙', '$argon2id$x', "
	                  "'2026-01-01T00:00:00Z', 2, '2026-01-01T00:00:00Z', "
	                  "'2026-01-01T00:00:00Z')",
	                  &e),
	          ERR_OK);
	char *json = NULL;
	CHECK_INT(draft_save(d, "person", "", "{}", &e), ERR_DB_NO_OPERATOR);
	db_set_actor(d, 1, "a");
	CHECK_INT(draft_save(d, "person", "420102198506170035",
	                     "{\"name\":\"张三\",\"note\":\"O'Brien; --\"}", &e),
	          ERR_OK);
	draft_info info;
	CHECK_INT(draft_load(d, "person", &json, &info, &e), ERR_OK);
	CHECK_STR(json, "{\"name\":\"张三\",\"note\":\"O'Brien; --\"}");
	CHECK_STR(info.record_key, "420102198506170035");
	free(json);
	json = NULL;
	db_set_actor(d, 2, "b");
	CHECK_INT(draft_load(d, "person", &json, &info, &e), ERR_NOT_FOUND);
	CHECK(json == NULL);
	draft_list l;
	CHECK_INT(draft_list_mine(d, &l, &e), ERR_OK);
	CHECK_INT(l.n, 0);
	draft_list_free(&l);
	CHECK_INT(draft_delete(d, "person", &e), ERR_OK); /* b has none; a's stays */
	CHECK_INT(draft_save(d, "person", "", "{\"mine\":true}", &e), ERR_OK);
	db_set_actor(d, 1, "a");
	CHECK_INT(draft_load(d, "person", &json, NULL, &e), ERR_OK);
	CHECK_STR(json, "{\"name\":\"张三\",\"note\":\"O'Brien; --\"}");
	free(json);
	CHECK_INT(draft_save(d, "contract", "", "[1,2,3]", &e), ERR_OK);
	CHECK_INT(draft_list_mine(d, &l, &e), ERR_OK);
	CHECK_INT(l.n, 2);
	draft_list_free(&l);
	/* Replacing keeps one draft per form. */
	CHECK_INT(draft_save(d, "contract", "k", "[4]", &e), ERR_OK);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM drafts"), 3);
	CHECK_INT(draft_save(d, "contract", "", "{not json", &e), ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_DRAFT_DATA);
	CHECK_INT(draft_save(d, "bad form!", "", "{}", &e), ERR_DB_CONSTRAINT);
	CHECK_INT(draft_save(d, "", "", "{}", &e), ERR_INVALID_ARG);
	CHECK_INT(draft_save(d, "person", "", NULL, &e), ERR_INVALID_ARG);
	char *big = malloc(DRAFT_DATA_MAX + 10);
	REQUIRE(big != NULL);
	memset(big, ' ', DRAFT_DATA_MAX + 9);
	big[DRAFT_DATA_MAX + 9] = '\0';
	CHECK_INT(draft_save(d, "person", "", big, &e), ERR_DB_TOO_LONG);
	free(big);
	CHECK_INT(draft_delete(d, "person", &e), ERR_OK);
	CHECK_INT(draft_load(d, "person", &json, NULL, &e), ERR_NOT_FOUND);
	db_set_actor(d, 2, "b");
	CHECK_INT(draft_load(d, "person", &json, NULL, &e), ERR_OK);
	CHECK_STR(json, "{\"mine\":true}");
	free(json);
	/* Drafts are scratch: never audited. */
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log WHERE tbl = 'drafts'"), 0);
	db_close(d);
}

TEST_MAIN(T(code_tables_are_seeded), T(code_search_and_flags), T(holiday_calendar),
          T(settings_with_defaults), T(office_and_rates), T(drafts_belong_to_their_operator))
