/*
 * Screen tests of 失业登记, driving the real laobao on a pty at 80x24 under
 * zh_CN.UTF-8 and zh_CN.GB18030: registering a new person from a 15-digit
 * ID and an existing person, 4050人员 on both sides of the birthday, the
 * 人员类别 multi-select, the listing filtered by category, each kind of bad
 * input shown with its message while the cursor stays on the field, the
 * entitlement at the 1/5/10-year boundaries, and ending a registration,
 * a follow-up and registering the person again. The demo database gives
 * the existing persons, an open registration and a used 就业创业证 number.
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "tests/screen.h"

#define UN_BOX_X 23 /* first column inside the registration form's boxes */

/* An ID of area 420102 born on birth (YYYYMMDD), with sequence seq (odd: a man). */
static void un_id(const char *birth, int seq, char out[19])
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	snprintf(out, 19, "420102%.8s%03d", birth, seq % 1000);
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (out[i] - '0') * w[i];
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
}

/* The first column of the first row of sql over the demo database, into out ("" if none). */
static void un_query(const char *db, const char *sql, char *out, size_t size)
{
	sqlite3 *c = NULL;
	sqlite3_stmt *st = NULL;
	out[0] = '\0';
	if (sqlite3_open_v2(db, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(c, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(c);
}

/* Log in as demo and open a new registration from the 失业登记 list. */
static vt *un_open_new(const char *db, const char *locale)
{
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return NULL;
	if (!screen_login(v, "demo", "demo", "主菜单") || !screen_type(v, "2") ||
	    !vt_wait_text(v, "失业登记查询", SCREEN_WAIT_MS) || !screen_key(v, VT_KEY_F5) ||
	    !vt_wait_text(v, "失业保险缴费年限", SCREEN_WAIT_MS)) {
		test_fail(__FILE__, __LINE__, "cannot open a new registration (%s)",
		          screen_short(locale));
		vt_dump(v, stdout);
		vt_free(v);
		return NULL;
	}
	return v;
}

/* Row of a label ("姓名" finds "姓名："), or -1. */
static int un_row(vt *v, const char *label)
{
	int r = -1, c = -1;
	char want[96];
	snprintf(want, sizeof want, "%s：", label);
	return vt_find(v, want, &r, &c) ? r : -1;
}

static int un_cursor_row(vt *v)
{
	int r = -1, c = -1;
	vt_cursor(v, &r, &c);
	return r;
}

/* Move the cursor to a field with Tab (the form scrolls to it). */
static int un_goto_at(vt *v, const char *label, int line)
{
	for (int k = 0; k < 30; k++) {
		int r = un_row(v, label);
		if (r >= 0 && un_cursor_row(v) == r)
			return 1;
		if (!screen_key(v, VT_KEY_TAB))
			break;
	}
	test_fail(__FILE__, line, "cannot reach the field %s", label);
	vt_dump(v, stdout);
	return 0;
}
#define un_goto(v, label) un_goto_at(v, label, __LINE__)

/* Replace a field's text: go there, Ctrl-U, type, Tab. */
static int un_enter_at(vt *v, const char *label, const char *text, int line)
{
	return un_goto_at(v, label, line) && screen_key(v, VT_CTRL('u')) &&
	       (text[0] == '\0' || screen_type(v, text)) && screen_key(v, VT_KEY_TAB);
}
#define un_enter(v, label, text) un_enter_at(v, label, text, __LINE__)

/*
 * Type a bad value into a field: the message (its first line) must show and
 * the cursor stay on the field; then the field is emptied again.
 */
static void un_bad_at(vt *v, const char *label, const char *text, const char *message, int line)
{
	if (!un_enter_at(v, label, text, line))
		return;
	int ok = vt_contains(v, message), row = un_row(v, label);
	if (!ok || row < 0 || un_cursor_row(v) != row) {
		test_fail(__FILE__, line,
		          "%s \"%s\": message \"%s\" %s, cursor row %d, field row %d", label, text,
		          message, ok ? "shown" : "missing", un_cursor_row(v), row);
		vt_dump(v, stdout);
	}
	screen_key(v, VT_CTRL('u'));
}
#define un_bad(v, label, text, message) un_bad_at(v, label, text, message, __LINE__)

/* Fill what a registration needs after the ID. */
static int un_fill_at(vt *v, const char *name, int line)
{
	return (name == NULL || un_enter_at(v, "姓名", name, line)) &&
	       un_enter_at(v, "户籍", "1", line) && un_enter_at(v, "失业原因", "02", line) &&
	       un_enter_at(v, "非本人意愿失业", "是", line) &&
	       un_enter_at(v, "失业保险缴费年限", "3年6个月", line);
}
#define un_fill(v, name) un_fill_at(v, name, __LINE__)

static int un_save_at(vt *v, const char *expect, int line)
{
	if (screen_key(v, VT_KEY_F2) && vt_wait_text(v, expect, SCREEN_WAIT_MS))
		return 1;
	test_fail(__FILE__, line, "after F2: \"%s\" not shown", expect);
	vt_dump(v, stdout);
	return 0;
}
#define un_save(v, expect) un_save_at(v, expect, __LINE__)

/* Leave the session; with unsaved changes the question is answered 是. Status 0. */
static void un_quit(vt *v, int unsaved)
{
	int st = -1;
	CHECK(vt_key(v, VT_CTRL('q')) == 0);
	if (unsaved)
		CHECK(vt_wait_text(v, "确定退出吗", SCREEN_WAIT_MS) && vt_type(v, "y") == 0);
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);
}

static void new_person_from_15_digit_id_and_the_list(const char *locale)
{
	char db[4200], count[32];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = un_open_new(db, locale);
	if (v == NULL)
		return;
	int r_id = un_row(v, "公民身份号码");
	CHECK_SCREEN(v, r_id == 2 && screen_cursor_at(v, r_id, UN_BOX_X));
	CHECK_SCREEN(v, vt_contains(v, "F6更多") && vt_contains(v, "2026-11-25"));
	CHECK_SCREEN(v, vt_contains(v, "苏州市姑苏区双塔街道劳动保障所")); /* the clerk's office */
	/* F6 and its Ctrl fallback are in the help, which still fits one screen. */
	CHECK(screen_key(v, VT_KEY_F1) && vt_wait_text(v, "帮助：功能键", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "F6         ^R    更多") && vt_contains(v, "Delete") &&
	                    vt_contains(v, "Left Right"));
	CHECK(screen_key(v, VT_KEY_ESC) && vt_wait_text(v, "失业保险缴费年限", SCREEN_WAIT_MS));

	/* A 15-digit ID is upgraded; sex and birth date come from it. */
	CHECK(screen_type(v, "420102850617003") && screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, vt_contains(v, "15位号码已升级为18位"));
	CHECK_SCREEN(v, screen_at(v, "42010219850617003", r_id, UN_BOX_X));
	CHECK_SCREEN(v, screen_at(v, "男", un_row(v, "性别"), UN_BOX_X));
	CHECK_SCREEN(v, screen_at(v, "1985-06-17", un_row(v, "出生日期"), UN_BOX_X));
	CHECK(un_fill(v, "王小明"));
	CHECK_SCREEN(v, vt_contains(v, "累计缴费42个月，可领取失业保险金12个月"));
	/* 人员类别 from the multi-select picklist: 残疾人 is the third. */
	CHECK(un_goto(v, "人员类别") && screen_key(v, VT_KEY_F4));
	CHECK_SCREEN(v, vt_contains(v, "选择人员类别") && vt_contains(v, "[ ] 03"));
	CHECK(screen_key(v, VT_KEY_DOWN) && screen_key(v, VT_KEY_DOWN) && screen_type(v, " "));
	CHECK_SCREEN(v, vt_contains(v, "[x] 03"));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, screen_at(v, "03", un_row(v, "人员类别"), UN_BOX_X) &&
	                    vt_contains(v, "] 残疾人"));
	CHECK(un_save(v, "已保存"));
	un_query(db,
	         "SELECT card_no FROM unemp_regs r JOIN persons p ON p.id = r.person_id "
	         "WHERE p.name = '王小明'",
	         count, sizeof count);
	CHECK_SCREEN(v, strncmp(count, "3205081", 7) == 0 &&
	                    screen_at(v, count, un_row(v, "就业创业证号"), UN_BOX_X));

	/* A woman who turns 40 today is 4050人员; registered yesterday she is not. */
	char id[19];
	un_id("19861125", 22, id);
	CHECK(screen_key(v, VT_KEY_F5) && vt_wait_text(v, "[2026-11-25", SCREEN_WAIT_MS));
	CHECK(un_enter(v, "公民身份号码", id));
	CHECK_SCREEN(v, vt_contains(v, "] 4050人员"));
	CHECK(un_enter(v, "登记日期", "20261124"));
	CHECK_SCREEN(v, !vt_contains(v, "4050人员"));
	CHECK(un_enter(v, "登记日期", "2026-11-25"));
	CHECK_SCREEN(v, vt_contains(v, "] 4050人员"));
	CHECK(un_fill(v, "钱芳"));
	CHECK(un_save(v, "已保存"));

	/* The list: both, then filtered by category. */
	CHECK(screen_key(v, VT_KEY_ESC) && vt_wait_text(v, "失业登记查询", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "王小明") && vt_contains(v, "钱芳"));
	CHECK_SCREEN(v, vt_contains(v, "共 4 条"));
	CHECK(screen_key(v, VT_KEY_TAB) && screen_type(v, "01") && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "共 1 条") && vt_contains(v, "钱芳") &&
	                    !vt_contains(v, "王小明"));
	CHECK_SCREEN(v, vt_contains(v, "[01") && vt_contains(v, "4050人员"));
	CHECK(screen_key(v, VT_KEY_TAB) && screen_key(v, VT_CTRL('u')) && screen_type(v, "cjr") &&
	      screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "共 1 条") && vt_contains(v, "王小明") &&
	                    !vt_contains(v, "钱芳"));
	/* A category that does not exist is refused naming the filter. */
	CHECK(screen_key(v, VT_KEY_TAB) && screen_key(v, VT_CTRL('u')) && screen_type(v, "99") &&
	      screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "人员类别：不是代码表中的有效代码"));
	CHECK_SCREEN(v, un_cursor_row(v) == 3); /* still in the filter */
	/* Enter on a row opens the registration. */
	CHECK(screen_key(v, VT_CTRL('u')) && screen_key(v, VT_KEY_ENTER));
	CHECK(screen_type(v, "wxm") && vt_wait_text(v, "共 1 条", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_ENTER) && vt_wait_text(v, "失业保险缴费年限", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "[王小明"));
	un_quit(v, 0);
}

static void existing_person_opens_by_id(const char *locale)
{
	char db[4200], id[32], name[128], before[32], after[32];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	const char *pick = "FROM persons p WHERE sex = 1 AND birth_date BETWEEN '1970-01-01' AND "
	                   "'2000-12-31' AND NOT EXISTS (SELECT 1 FROM unemp_regs r WHERE "
	                   "r.person_id = p.id) ORDER BY id LIMIT 1";
	char sql[400];
	snprintf(sql, sizeof sql, "SELECT id_no %s", pick);
	un_query(db, sql, id, sizeof id);
	snprintf(sql, sizeof sql, "SELECT name %s", pick);
	un_query(db, sql, name, sizeof name);
	un_query(db, "SELECT count(*) FROM persons", before, sizeof before);
	REQUIRE(id[0] != '\0' && name[0] != '\0');
	vt *v = un_open_new(db, locale);
	if (v == NULL)
		return;
	CHECK(screen_type(v, id) && screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, vt_contains(v, "已调出该人员的现有档案"));
	char shown[160];
	snprintf(shown, sizeof shown, "[%s", name);
	CHECK_SCREEN(v, vt_contains(v, shown));
	CHECK(un_fill(v, NULL));
	CHECK(un_save(v, "已保存"));
	un_quit(v, 0);
	un_query(db, "SELECT count(*) FROM persons", after, sizeof after);
	CHECK_STR(after, before); /* 同人同库: no second record */
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM unemp_regs r JOIN persons p ON p.id = r.person_id "
	         "WHERE p.id_no = '%s' AND r.end_date IS NULL",
	         id);
	un_query(db, sql, after, sizeof after);
	CHECK_STR(after, "1");
}

static void bad_input_keeps_the_cursor_on_the_field(const char *locale)
{
	char db[4200], open_id[32], card[32], id[19];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	un_query(db,
	         "SELECT p.id_no FROM unemp_regs r JOIN persons p ON p.id = r.person_id "
	         "WHERE r.end_date IS NULL ORDER BY r.id LIMIT 1",
	         open_id, sizeof open_id);
	un_query(db, "SELECT card_no FROM unemp_regs ORDER BY id LIMIT 1", card, sizeof card);
	REQUIRE(open_id[0] != '\0' && card[0] != '\0');
	vt *v = un_open_new(db, locale);
	if (v == NULL)
		return;
	/* 公民身份号码: a wrong check digit, an impossible 15-digit date, an open registration,
	 * retired, under 16. */
	un_id("19850617", 35, id);
	char wrong[19];
	memcpy(wrong, id, 19);
	wrong[17] = wrong[17] == '0' ? '1' : '0';
	un_bad(v, "公民身份号码", wrong, "公民身份号码：校验位错误");
	un_bad(v, "公民身份号码", "420102851317003", "公民身份号码：号码中的出生日期");
	un_bad(v, "公民身份号码", open_id, "公民身份号码：该人员已有尚未结束的失业登记");
	un_id("19600101", 11, wrong);
	un_bad(v, "公民身份号码", wrong, "不能办理失业登记（已达到法定退休年龄");
	un_id("20110101", 11, wrong);
	un_bad(v, "公民身份号码", wrong, "不能办理失业登记（未满16周岁");
	CHECK(un_enter(v, "公民身份号码", id));
	/* 姓名: Latin letters and digits are refused as they are typed. */
	CHECK(un_goto(v, "姓名") && screen_type(v, "Z"));
	CHECK_SCREEN(v, vt_contains(v, "姓名：不能输入该字符") &&
	                    un_cursor_row(v) == un_row(v, "姓名"));
	CHECK(screen_type(v, "3"));
	CHECK_SCREEN(v, vt_contains(v, "姓名：不能输入该字符") && !vt_contains(v, "[3"));
	/* Dates in the future and before birth. */
	un_bad(v, "登记日期", "20261126", "登记日期：不能晚于今天（今天是2026-11-25）");
	un_bad(v, "登记日期", "19800101", "登记日期：不能早于出生日期（出生日期1985-06-17）");
	un_bad(v, "登记日期", "20260230", "登记日期：不是有效的日期");
	CHECK(un_enter(v, "登记日期", "2026-11-25"));
	/* Contribution: negative, absurd, not whole months. */
	un_bad(v, "失业保险缴费年限", "-1", "失业保险缴费年限：不能为负数");
	un_bad(v, "失业保险缴费年限", "60", "失业保险缴费年限：不能超过50年");
	un_bad(v, "失业保险缴费年限", "1.3", "失业保险缴费年限：不是整月数");
	/* Codes not in their table. */
	un_bad(v, "失业原因", "77", "失业原因：不是代码表中的有效代码");
	un_bad(v, "人员类别", "02 99", "人员类别：不是代码表中的有效代码");
	un_bad(v, "人员类别", "01", "人员类别：不符合4050人员条件");
	un_bad(v, "原单位信用代码", "91420102MA4K00010X", "原单位信用代码：第18位校验码错误");
	/* Over-long text is refused whole, never cut. */
	char longname[400] = "";
	for (int k = 0; k < 101; k++)
		strcat(longname, "厂");
	CHECK(un_goto(v, "原工作单位") && vt_paste(v, longname) == 0 &&
	      vt_wait_text(v, "原工作单位：粘贴的内容超过 100 个字", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, un_cursor_row(v) == un_row(v, "原工作单位") && !vt_contains(v, "[厂"));
	/* A certificate number in use: refused on save, the cursor sent to it. */
	CHECK(un_fill(v, "张三"));
	CHECK(un_enter(v, "就业创业证号", card));
	CHECK(un_goto(v, "公民身份号码"));
	CHECK(un_save(v, "就业创业证号：该编号已被另一失业登记使用"));
	CHECK_SCREEN(v, un_cursor_row(v) == un_row(v, "就业创业证号"));
	/* Emptied, the number is issued on save. */
	CHECK(screen_key(v, VT_CTRL('u')) && un_save(v, "已保存"));
	CHECK_SCREEN(v, screen_at(v, "3205081", un_row(v, "就业创业证号"), UN_BOX_X));
	un_quit(v, 0);
}

static void entitlement_at_the_boundaries(const char *locale)
{
	char db[4200], id[19];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = un_open_new(db, locale);
	if (v == NULL)
		return;
	un_id("19800505", 51, id);
	CHECK(un_enter(v, "公民身份号码", id) && un_enter(v, "非本人意愿失业", "是"));
	static const struct {
		const char *typed, *shown;
	} t[] = {
	    {"11个月", "累计缴费11个月，不能领取失业保险金：失业保险累计缴费不满一年"},
	    {"1", "累计缴费12个月，可领取失业保险金12个月"},
	    {"4年11个月", "累计缴费59个月，可领取失业保险金12个月"},
	    {"5", "累计缴费60个月，可领取失业保险金18个月"},
	    {"9年11个月", "累计缴费119个月，可领取失业保险金18个月"},
	    {"10", "累计缴费120个月，可领取失业保险金24个月"},
	};
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		CHECK(un_enter(v, "失业保险缴费年限", t[k].typed));
		/* The line is cut to the screen; its start says it all. */
		char start[160];
		snprintf(start, sizeof start, "%.*s",
		         (int)(strlen(t[k].shown) > 75 ? 75 : strlen(t[k].shown)), t[k].shown);
		if (!vt_contains(v, start)) {
			test_fail(__FILE__, __LINE__, "%s: \"%s\" not shown", t[k].typed, start);
			vt_dump(v, stdout);
		}
	}
	CHECK(un_enter(v, "非本人意愿失业", "否"));
	CHECK_SCREEN(v, vt_contains(v, "累计缴费120个月，不能领取失业保险金"));
	un_quit(v, 1);
}

static void end_follow_up_and_register_again(const char *locale)
{
	char db[4200], id[19];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = un_open_new(db, locale);
	if (v == NULL)
		return;
	un_id("19900303", 71, id);
	CHECK(un_enter(v, "公民身份号码", id) && un_enter(v, "登记日期", "20261101"));
	CHECK(un_fill(v, "孙强"));
	CHECK(un_save(v, "已保存"));

	/* 新增服务记录 from F6. */
	CHECK(screen_key(v, VT_KEY_F6) && vt_wait_text(v, "相关记录和操作", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "新增服务记录") && vt_contains(v, "就业服务记录（0条）"));
	CHECK(screen_key(v, VT_KEY_ENTER) && vt_wait_text(v, "服务类型", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "孙强") && !vt_contains(v, "F5新建"));
	CHECK(screen_key(v, VT_CTRL('u')) && screen_type(v, "20261031") &&
	      screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, vt_contains(v, "服务日期：应在失业登记期间内"));
	CHECK(screen_key(v, VT_CTRL('u')) && screen_type(v, "20261110") &&
	      screen_key(v, VT_KEY_TAB) && screen_type(v, "02") && screen_key(v, VT_KEY_TAB) &&
	      screen_type(v, "推荐到超市面试"));
	CHECK(un_save(v, "已保存"));
	CHECK(screen_key(v, VT_KEY_ESC) && vt_wait_text(v, "失业保险缴费年限", SCREEN_WAIT_MS));
	/* The form says how many it has, under the fields. */
	CHECK_SCREEN(v, screen_at(v, "就业服务记录（1条）、历次失业登记（0条），按F6查看", 21, 2));
	CHECK(screen_key(v, VT_KEY_F6) && vt_wait_text(v, "就业服务记录（1条）", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_DOWN) && screen_key(v, VT_KEY_DOWN) &&
	      screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "2026-11-10") && vt_contains(v, "职业介绍") &&
	                    vt_contains(v, "推荐到超市面试"));
	CHECK(screen_key(v, VT_KEY_ESC) && vt_wait_text(v, "失业保险缴费年限", SCREEN_WAIT_MS));

	/* 结束登记: an end before the start is refused; then ended as 录用. */
	CHECK(screen_key(v, VT_KEY_F6) && screen_key(v, VT_KEY_DOWN) &&
	      screen_key(v, VT_KEY_ENTER) && vt_wait_text(v, "注销原因", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_CTRL('u')) && screen_type(v, "20261031") &&
	      screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, vt_contains(v, "结束日期：不能早于登记日期（登记日期2026-11-01）"));
	CHECK(screen_key(v, VT_CTRL('u')) && screen_type(v, "20261120") &&
	      screen_key(v, VT_KEY_TAB) && screen_type(v, "ZX01") && screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, vt_contains(v, "被用人单位录用"));
	CHECK(un_save(v, "已保存"));
	CHECK(screen_key(v, VT_KEY_ESC) && vt_wait_text(v, "结束日期：", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "2026-11-20") && vt_contains(v, "被用人单位录用"));
	CHECK(screen_key(v, VT_KEY_F6) && vt_wait_text(v, "结束登记（不可用）", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_ESC));
	CHECK(un_save(v, "该失业登记已经结束"));

	/* Registered again: not before the end of the last one. */
	CHECK(screen_key(v, VT_KEY_ESC) && vt_wait_text(v, "失业登记查询", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_F5) && vt_wait_text(v, "失业保险缴费年限", SCREEN_WAIT_MS));
	CHECK(un_enter(v, "公民身份号码", id));
	CHECK_SCREEN(v, vt_contains(v, "已调出该人员的现有档案") && vt_contains(v, "[孙强"));
	un_bad(v, "登记日期", "20261119", "登记日期：不能早于该人员上一次失业登记的结束日期");
	CHECK(un_enter(v, "登记日期", "20261125"));
	CHECK(un_fill(v, NULL));
	CHECK(un_save(v, "已保存"));
	CHECK(screen_key(v, VT_KEY_F6) && vt_wait_text(v, "历次失业登记（1条）", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_UP) && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "2026-11-01") && vt_contains(v, "2026-11-20") &&
	                    vt_contains(v, "被用人单位录用"));
	un_quit(v, 0);
}

/* Log in again after a dropped line and take the draft offered for `title`. */
static vt *un_restore_at(const char *db, const char *locale, const char *title, int line)
{
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return NULL;
	char offer[200];
	snprintf(offer, sizeof offer, "发现未保存的草稿：%s，是否恢复？", title);
	if (!screen_login(v, "demo", "demo", offer) || !screen_type(v, "y") ||
	    !vt_wait_text(v, "已恢复草稿", SCREEN_WAIT_MS)) {
		test_fail(__FILE__, line, "the draft of %s was not offered back", title);
		vt_dump(v, stdout);
		vt_free(v);
		return NULL;
	}
	return v;
}
#define un_restore(db, locale, title) un_restore_at(db, locale, title, __LINE__)

static void un_hangup(vt *v)
{
	int st = -1;
	vt_hangup(v);
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);
}

/*
 * The line drops in the middle of a registration, then of a follow-up:
 * each is offered back at the next login and saves as if never left.
 */
static void dropped_line_leaves_drafts(const char *locale)
{
	char db[4200], id[19], n[32];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = un_open_new(db, locale);
	if (v == NULL)
		return;
	un_id("19880808", 13, id);
	CHECK(un_enter(v, "公民身份号码", id) && un_fill(v, NULL));
	CHECK(un_goto(v, "姓名") && screen_type(v, "周")); /* half typed when the line drops */
	un_hangup(v);

	v = un_restore(db, locale, "失业登记");
	if (v == NULL)
		return;
	CHECK_SCREEN(v, vt_contains(v, id) && vt_contains(v, "[周") &&
	                    vt_contains(v, "1988-08-08") &&
	                    vt_contains(v, "可领取失业保险金12个月"));
	CHECK(un_enter(v, "姓名", "周杰"));
	CHECK(un_save(v, "已保存"));
	/* A follow-up, half done. */
	CHECK(screen_key(v, VT_KEY_F6) && screen_key(v, VT_KEY_ENTER) &&
	      vt_wait_text(v, "服务类型", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_TAB) && screen_type(v, "06") && screen_key(v, VT_KEY_TAB) &&
	      screen_type(v, "电话回访"));
	un_hangup(v);

	v = un_restore(db, locale, "就业服务记录");
	if (v == NULL)
		return;
	CHECK_SCREEN(v, vt_contains(v, "周杰") && vt_contains(v, "电话回访"));
	CHECK(un_save(v, "已保存"));
	un_quit(v, 0);
	un_query(db,
	         "SELECT count(*) FROM unemp_followups f JOIN unemp_regs r ON r.id = f.reg_id "
	         "JOIN persons p ON p.id = r.person_id WHERE p.name = '周杰' AND f.kind = '06'",
	         n, sizeof n);
	CHECK_STR(n, "1");
	un_query(db, "SELECT count(*) FROM drafts", n, sizeof n);
	CHECK_STR(n, "0");
}

/*
 * A woman's registration has one field more (原为干部岗位) than 80x24 shows:
 * the form says what is hidden, and PgDn/Tab bring it into view.
 */
static void form_longer_than_the_screen_scrolls(const char *locale)
{
	char db[4200], id[19];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	un_id("19921108", 26, id); /* even sequence: a woman */
	vt *v = un_open_new(db, locale);
	if (v == NULL)
		return;
	CHECK(screen_type(v, id) && screen_key(v, VT_KEY_TAB));
	CHECK(un_enter(v, "姓名", "李娜"));
	CHECK_SCREEN(v, vt_contains(v, "原为干部岗位"));
	CHECK_SCREEN(v, vt_contains(v, "下面还有 1 项"));
	CHECK_SCREEN(v, un_row(v, "就业创业证号") < 0);
	CHECK(screen_key(v, VT_KEY_PGDN));
	CHECK_SCREEN(v, vt_contains(v, "上面还有 1 项"));
	int row = un_row(v, "就业创业证号");
	CHECK_SCREEN(v, row > 0 && row < 22);
	CHECK_SCREEN(v, un_row(v, "公民身份号码") < 0);
	/* back up: the top of the form returns and the typed name is still there */
	CHECK(un_goto(v, "公民身份号码"));
	CHECK_SCREEN(v, vt_contains(v, "[李娜"));
	un_quit(v, 1);
}

static void scroll_utf8(void)
{
	form_longer_than_the_screen_scrolls("zh_CN.UTF-8");
}

static void scroll_gb18030(void)
{
	form_longer_than_the_screen_scrolls("zh_CN.GB18030");
}

static void drafts_utf8(void)
{
	dropped_line_leaves_drafts(SCREEN_UTF8);
}

static void drafts_gb18030(void)
{
	dropped_line_leaves_drafts(SCREEN_GB18030);
}

static void new_person_utf8(void)
{
	new_person_from_15_digit_id_and_the_list(SCREEN_UTF8);
}

static void new_person_gb18030(void)
{
	new_person_from_15_digit_id_and_the_list(SCREEN_GB18030);
}

static void existing_person_utf8(void)
{
	existing_person_opens_by_id(SCREEN_UTF8);
}

static void existing_person_gb18030(void)
{
	existing_person_opens_by_id(SCREEN_GB18030);
}

static void bad_input_utf8(void)
{
	bad_input_keeps_the_cursor_on_the_field(SCREEN_UTF8);
}

static void bad_input_gb18030(void)
{
	bad_input_keeps_the_cursor_on_the_field(SCREEN_GB18030);
}

static void entitlement_utf8(void)
{
	entitlement_at_the_boundaries(SCREEN_UTF8);
}

static void entitlement_gb18030(void)
{
	entitlement_at_the_boundaries(SCREEN_GB18030);
}

static void end_and_again_utf8(void)
{
	end_follow_up_and_register_again(SCREEN_UTF8);
}

static void end_and_again_gb18030(void)
{
	end_follow_up_and_register_again(SCREEN_GB18030);
}

TEST_MAIN(T(new_person_utf8), T(new_person_gb18030), T(existing_person_utf8),
          T(existing_person_gb18030), T(bad_input_utf8), T(bad_input_gb18030), T(entitlement_utf8),
          T(entitlement_gb18030), T(end_and_again_utf8), T(end_and_again_gb18030), T(drafts_utf8),
          T(drafts_gb18030), T(scroll_utf8), T(scroll_gb18030))
