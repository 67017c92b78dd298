/*
 * Screen tests of what happens around a form: the terminal shrinking below
 * 80x24 and growing back, the connection dropping mid-form (the draft is
 * offered back at the next login), two sessions saving the same person
 * (the second is refused, never overwrites), and leaving with unsaved
 * changes. Each under zh_CN.UTF-8 and zh_CN.GB18030.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "tests/screen.h"

#define BOX_X 19 /* first column inside the input boxes of the person form */

static vt *session_form(const char *db, const char *locale, int new_record)
{
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return NULL;
	if (!screen_login(v, "demo", "demo", "主菜单") || !screen_type(v, "1") ||
	    !vt_wait_text(v, "人员查询", SCREEN_WAIT_MS) ||
	    !screen_key(v, new_record ? VT_KEY_F5 : VT_KEY_ENTER) ||
	    !vt_wait_text(v, "人员基本信息", SCREEN_WAIT_MS)) {
		test_fail(__FILE__, __LINE__, "cannot open the person form");
		vt_dump(v, stdout);
		vt_free(v);
		return NULL;
	}
	return v;
}

static int session_row(vt *v, const char *label)
{
	int r = -1;
	char want[64];
	snprintf(want, sizeof want, "%s：", label);
	return vt_find(v, want, &r, NULL) ? r : -1;
}

/* Below 80x24 only the notice; back at 80x24 the same screen, nothing typed lost. */
static void resize_and_back(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = session_form(db, locale, 1);
	if (v == NULL)
		return;
	CHECK(screen_key(v, VT_KEY_TAB) && screen_type(v, "张三"));
	int r_name = session_row(v, "姓名");
	CHECK(screen_cursor_at(v, r_name, BOX_X + 4));
	CHECK(vt_resize(v, 20, 60) == 0);
	CHECK(vt_wait_text(v, "终端太小，请放大到至少 80×24", SCREEN_WAIT_MS));
	CHECK(vt_wait_idle(v, SCREEN_WAIT_MS));
	char text[2048];
	vt_screen_text(v, text, sizeof text);
	CHECK_SCREEN(v, !vt_contains(v, "姓名") && !vt_contains(v, "张三") &&
	                    !vt_contains(v, "F1帮助"));
	int r = -1, c = -1;
	CHECK(vt_find(v, "终端太小", &r, &c) && r == 10 && c > 10 && c < 20);
	/* Keys typed meanwhile do nothing blind. */
	CHECK(screen_type(v, "王"));
	/* Smaller still, and back. */
	CHECK(vt_resize(v, 10, 40) == 0 && vt_wait_text(v, "终端太小", SCREEN_WAIT_MS));
	CHECK(vt_resize(v, 24, 80) == 0);
	CHECK(vt_wait_text(v, "张三", SCREEN_WAIT_MS) && vt_wait_idle(v, SCREEN_WAIT_MS));
	CHECK_SCREEN(v, screen_at(v, "张三 ", r_name, BOX_X) && !vt_contains(v, "张三王"));
	CHECK_SCREEN(v, !vt_contains(v, "终端太小") && vt_contains(v, "F2保存"));
	CHECK(screen_cursor_at(v, r_name, BOX_X + 4));
	/* Bigger is fine: the bar moves to the new bottom line. */
	CHECK(vt_resize(v, 30, 100) == 0 && vt_wait_text(v, "张三", SCREEN_WAIT_MS));
	CHECK(vt_wait_idle(v, SCREEN_WAIT_MS));
	CHECK_SCREEN(v, screen_at(v, "F1帮助", 29, 0) && screen_at(v, "张三", r_name, BOX_X));
	CHECK(screen_type(v, "丰"));
	CHECK_SCREEN(v, screen_at(v, "张三丰", r_name, BOX_X));
	vt_free(v);
}

static void resize_and_back_utf8(void)
{
	resize_and_back(SCREEN_UTF8);
}

static void resize_and_back_gb18030(void)
{
	resize_and_back(SCREEN_GB18030);
}

/* A dropped connection mid-form: the program ends, the draft is offered at the next login. */
static void hangup_keeps_draft(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = session_form(db, locale, 1);
	if (v == NULL)
		return;
	CHECK(screen_type(v, "650104198506127710"));
	CHECK(screen_key(v, VT_KEY_TAB));
	/* Half typed: still in the field when the line drops. */
	CHECK(screen_type(v, "李"));
	CHECK(screen_type(v, "小龙"));
	vt_hangup(v);
	int st = -1;
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);

	screen_opts o = {.locale = locale};
	v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(screen_login(v, "demo", "demo", "发现未保存的草稿：人员基本信息，是否恢复？"));
	CHECK_SCREEN(v, vt_contains(v, "是(Y)/否(N)"));
	CHECK(screen_type(v, "y"));
	CHECK(vt_wait_text(v, "已恢复草稿", SCREEN_WAIT_MS));
	int r_id = session_row(v, "公民身份号码"), r_name = session_row(v, "姓名");
	CHECK_SCREEN(v, screen_at(v, "650104198506127710", r_id, BOX_X));
	CHECK_SCREEN(v, screen_at(v, "李小龙", r_name, BOX_X));
	/* SIGTERM is a hang-up too: the restored draft stays a draft. */
	CHECK(vt_signal(v, SIGTERM) == 0);
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);

	/* Esc decides nothing: the draft is offered again next time. */
	v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(screen_login(v, "demo", "demo", "发现未保存的草稿"));
	CHECK(screen_key(v, VT_KEY_ESC));
	CHECK_SCREEN(v, !vt_contains(v, "草稿") && vt_contains(v, "主菜单"));
	CHECK(vt_key(v, VT_KEY_F10) == 0 && vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	vt_free(v);

	/* Declined: the draft is dropped and not offered again. */
	v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(screen_login(v, "demo", "demo", "发现未保存的草稿"));
	CHECK(screen_type(v, "n"));
	CHECK_SCREEN(v, !vt_contains(v, "草稿") && vt_contains(v, "主菜单"));
	CHECK(vt_key(v, VT_KEY_F10) == 0);
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	vt_free(v);
	v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(screen_login(v, "demo", "demo", "主菜单"));
	CHECK_SCREEN(v, !vt_contains(v, "草稿"));
	vt_free(v);
}

static void hangup_keeps_draft_utf8(void)
{
	hangup_keeps_draft(SCREEN_UTF8);
}

static void hangup_keeps_draft_gb18030(void)
{
	hangup_keeps_draft(SCREEN_GB18030);
}

/* Move the cursor to a field by its label (Tab, at most a form's worth). */
static int session_goto(vt *v, const char *label)
{
	int row = session_row(v, label);
	for (int i = 0; i < 20; i++) {
		int r, c;
		vt_cursor(v, &r, &c);
		if (r == row)
			return 1;
		if (!screen_key(v, VT_KEY_TAB))
			return 0;
	}
	return 0;
}

/* Two sessions edit the same person; the second save is refused, not a silent overwrite. */
static void stale_second_save(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *a = session_form(db, locale, 0);
	vt *b = a ? session_form(db, locale, 0) : NULL;
	if (a == NULL || b == NULL) {
		vt_free(a);
		return;
	}
	int r_id = session_row(a, "公民身份号码");
	char ida[64], idb[64];
	vt_row_text(a, r_id, ida, sizeof ida);
	vt_row_text(b, r_id, idb, sizeof idb);
	CHECK_STR(ida, idb);
	CHECK(session_goto(a, "联系电话") && session_goto(b, "联系电话"));
	CHECK(screen_key(a, VT_CTRL('u')) && screen_type(a, "13911112222"));
	CHECK(screen_key(b, VT_CTRL('u')) && screen_type(b, "13933334444"));
	CHECK(screen_key(a, VT_KEY_F2));
	CHECK_SCREEN(a, vt_contains(a, "已保存"));
	CHECK(screen_key(b, VT_KEY_F2));
	CHECK_SCREEN(b, vt_contains(b, "已被其他") && !vt_contains(b, "已保存"));
	CHECK_SCREEN(b, vt_contains(b, "13933334444"));
	/* B leaves without saving; the first save stands: a third look shows A's number. */
	CHECK(screen_key(b, VT_KEY_ESC) && screen_type(b, "y"));
	CHECK_SCREEN(b, vt_contains(b, "人员查询"));
	vt_free(b);
	vt *c = session_form(db, locale, 0);
	if (c != NULL) {
		CHECK_SCREEN(c, vt_contains(c, "13911112222") && !vt_contains(c, "13933334444"));
		vt_free(c);
	}
	vt_free(a);
}

static void stale_second_save_utf8(void)
{
	stale_second_save(SCREEN_UTF8);
}

static void stale_second_save_gb18030(void)
{
	stale_second_save(SCREEN_GB18030);
}

/* Leaving with unsaved changes asks; "no" keeps the form, "yes" drops the draft. */
static void leave_asks_when_dirty(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = session_form(db, locale, 1);
	if (v == NULL)
		return;
	CHECK(screen_type(v, "65010419850612771") && screen_key(v, VT_KEY_TAB));
	CHECK(screen_key(v, VT_KEY_ESC));
	CHECK_SCREEN(v, vt_contains(v, "有未保存的修改，确定放弃吗？"));
	CHECK(screen_type(v, "n"));
	CHECK_SCREEN(v, !vt_contains(v, "确定放弃") && vt_contains(v, "65010419850612771"));
	CHECK(screen_key(v, VT_KEY_F10));
	CHECK_SCREEN(v, vt_contains(v, "有未保存的修改，确定退出吗？"));
	CHECK(screen_key(v, VT_KEY_ESC));
	CHECK_SCREEN(v, !vt_contains(v, "确定退出") && vt_contains(v, "人员基本信息"));
	CHECK(vt_key(v, VT_CTRL('q')) == 0 && vt_wait_text(v, "确定退出", SCREEN_WAIT_MS));
	CHECK(vt_type(v, "Y") == 0);
	int st = -1;
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);
	screen_opts o = {.locale = locale};
	v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(screen_login(v, "demo", "demo", "主菜单"));
	CHECK_SCREEN(v, !vt_contains(v, "草稿"));
	vt_free(v);
}

static void leave_asks_when_dirty_utf8(void)
{
	leave_asks_when_dirty(SCREEN_UTF8);
}

static void leave_asks_when_dirty_gb18030(void)
{
	leave_asks_when_dirty(SCREEN_GB18030);
}

/* Started in a terminal that is too small: the notice, then the login once it grows. */
static void start_too_small(void)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	screen_opts o = {.rows = 20, .cols = 60};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(vt_wait_text(v, "终端太小，请放大到至少 80×24", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, !vt_contains(v, "用户登录"));
	CHECK(vt_resize(v, 24, 80) == 0 && vt_wait_text(v, "用户登录", SCREEN_WAIT_MS));
	CHECK(screen_login(v, "demo", "demo", "主菜单"));
	vt_free(v);
}

TEST_MAIN(T(resize_and_back_utf8), T(resize_and_back_gb18030), T(hangup_keeps_draft_utf8),
          T(hangup_keeps_draft_gb18030), T(stale_second_save_utf8), T(stale_second_save_gb18030),
          T(leave_asks_when_dirty_utf8), T(leave_asks_when_dirty_gb18030), T(start_too_small))
