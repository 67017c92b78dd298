/*
 * Screen tests of logging in: the login box, a wrong password told without
 * saying which part was wrong, the wait after repeated failures counted down
 * on screen, a disabled operator, the password never shown, and quitting
 * from the login screen. Each case runs under zh_CN.UTF-8 and zh_CN.GB18030.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "tests/screen.h"

static void login_box(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(vt_wait_frame(v, SCREEN_WAIT_MS));
	CHECK_SCREEN(v, screen_at(v, "劳保终端", 0, 1));
	CHECK_SCREEN(v, screen_at(v, "2026-11-25", 0, 69));
	CHECK_SCREEN(v, screen_at(v, "用户登录", 9, 36));
	CHECK_SCREEN(v, screen_at(v, "用户名：", 11, 21));
	CHECK_SCREEN(v, screen_at(v, "密　码：", 12, 21));
	CHECK_SCREEN(v, screen_at(v, "F1帮助", 23, 0));
	CHECK(screen_cursor_at(v, 11, 31) && vt_cursor_visible(v));
	vt_cell c;
	CHECK(vt_cell_at(v, 7, 16, &c) == 0 && strcmp(c.text, "┌") == 0);

	/* A wrong password: one message that does not say which part was wrong. */
	CHECK(screen_type(v, "demo"));
	CHECK_SCREEN(v, screen_at(v, "demo", 11, 31) && screen_cursor_at(v, 11, 35));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK(screen_cursor_at(v, 12, 31));
	CHECK(screen_type(v, "wrong"));
	CHECK_SCREEN(v, vt_contains(v, "[*****") && !vt_contains(v, "wrong"));
	CHECK(screen_cursor_at(v, 12, 36));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, screen_at(v, "用户名或密码不正确", 22, 1));
	CHECK_SCREEN(v, !vt_contains(v, "*****"));
	CHECK(screen_cursor_at(v, 12, 31));
	/* An unknown login gets the very same words. */
	CHECK(screen_key(v, VT_KEY_BTAB) && screen_key(v, VT_CTRL('u')));
	CHECK(screen_type(v, "nobody") && screen_key(v, VT_KEY_TAB) && screen_type(v, "demo"));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, screen_at(v, "用户名或密码不正确", 22, 1));

	/* The right one opens the main menu with the operator on the top line. */
	CHECK(screen_key(v, VT_KEY_BTAB) && screen_key(v, VT_CTRL('u')));
	CHECK(screen_login(v, "demo", "demo", "主菜单"));
	CHECK_SCREEN(v, !vt_contains(v, "用户登录") && !vt_contains(v, "不正确"));
	CHECK_SCREEN(v, vt_contains(v, "操作员："));
	vt_free(v);
}

static void login_box_utf8(void)
{
	login_box(SCREEN_UTF8);
}

static void login_box_gb18030(void)
{
	login_box(SCREEN_GB18030);
}

/* After repeated failures the next attempt waits, shown as a countdown. */
static void repeated_failures_wait(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(vt_wait_text(v, "用户登录", SCREEN_WAIT_MS));
	CHECK(screen_type(v, "demo") && screen_key(v, VT_KEY_ENTER));
	CHECK(screen_type(v, "bad1") && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "用户名或密码不正确") && !vt_contains(v, "请等待"));
	CHECK(screen_type(v, "bad2") && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "用户名或密码不正确，请等待 1 秒后再试"));
	/* The right password is not even tried during the wait. */
	CHECK(screen_type(v, "demo") && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "用户登录") && vt_contains(v, "请等待"));
	/* The countdown ends by itself, with no key pressed. */
	CHECK(vt_wait_gone(v, "请等待", 3000));
	CHECK_SCREEN(v, vt_contains(v, "用户名或密码不正确"));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK(vt_wait_text(v, "主菜单", SCREEN_WAIT_MS));
	vt_free(v);
}

static void repeated_failures_wait_utf8(void)
{
	repeated_failures_wait(SCREEN_UTF8);
}

static void repeated_failures_wait_gb18030(void)
{
	repeated_failures_wait(SCREEN_GB18030);
}

/*
 * Failures add up across sessions (1 s, 2 s, 4 s, 8 s …), and a hang-up
 * during the countdown still ends the program at once.
 */
static void hangup_during_wait(void)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	static const char *const waits[] = {"请等待 1 秒", "请等待 2 秒", "请等待 4 秒",
	                                    "请等待 8 秒"};
	for (int s = 0; s < 4; s++) {
		vt *v = screen_start(db, NULL);
		if (v == NULL)
			return;
		CHECK(vt_wait_text(v, "用户登录", SCREEN_WAIT_MS));
		CHECK(screen_type(v, "demo") && screen_key(v, VT_KEY_ENTER));
		for (int i = 0; i < (s == 0 ? 2 : 1); i++)
			CHECK(screen_type(v, "bad") && screen_key(v, VT_KEY_ENTER));
		CHECK_SCREEN(v, vt_contains(v, waits[s]));
		vt_hangup(v);
		int st = -1;
		/* Well before the 8 s are up. */
		CHECK(vt_wait_exit(v, 4000, &st));
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
		vt_free(v);
	}
}

static void disabled_operator(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	static const char *const add[] = {"user", "add",    "clerk",      "--name",
	                                  "李文", "--role", "caseworker", "--password-stdin",
	                                  NULL};
	static const char *const off[] = {"user", "disable", "clerk", NULL};
	REQUIRE(screen_cli(db, "pass1234\n", add) == 0);
	REQUIRE(screen_cli(db, NULL, off) == 0);
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(screen_login(v, "clerk", "pass1234", "该用户已停用"));
	CHECK_SCREEN(v, vt_contains(v, "用户登录"));
	/* A wrong password for a disabled user says nothing about the account. */
	CHECK(screen_key(v, VT_KEY_TAB));
	CHECK(screen_type(v, "nope") && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_contains(v, "用户名或密码不正确") && !vt_contains(v, "停用"));
	vt_free(v);
}

static void disabled_operator_utf8(void)
{
	disabled_operator(SCREEN_UTF8);
}

static void disabled_operator_gb18030(void)
{
	disabled_operator(SCREEN_GB18030);
}

/* F10 and ^Q leave from the login screen at once (nothing to lose). */
static void quit_from_login(void)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	static const vt_keyname quit[] = {VT_KEY_F10, VT_CTRL('q')};
	for (int i = 0; i < 2; i++) {
		vt *v = screen_start(db, NULL);
		if (v == NULL)
			return;
		CHECK(vt_wait_text(v, "用户登录", SCREEN_WAIT_MS));
		CHECK(vt_key(v, quit[i]) == 0);
		int st = -1;
		CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
		vt_free(v);
	}
}

/*
 * The database is opened after the login screen is drawn: a file that is
 * not a Laobao database still ends the program with status 1 and the
 * reason (printed after the terminal is restored), never a half-working UI;
 * nothing is written to the file.
 */
static void foreign_database_ends_with_reason(void)
{
	char dir[4200], db[4300];
	snprintf(dir, sizeof dir, "%s", test_tmpdir());
	snprintf(db, sizeof db, "%s/notes.db", dir);
	FILE *f = fopen(db, "w");
	REQUIRE(f != NULL);
	fputs("这不是数据库，只是一份笔记。\n", f);
	fclose(f);
	vt *v = screen_start(db, NULL);
	if (v == NULL)
		return;
	int st = -1;
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 1);
	CHECK(vt_contains(v, "该文件不是劳保终端的数据库"));
	vt_free(v);
	f = fopen(db, "r");
	REQUIRE(f != NULL);
	char back[128] = "";
	CHECK(fgets(back, sizeof back, f) != NULL);
	fclose(f);
	CHECK_STR(back, "这不是数据库，只是一份笔记。\n");
}

/* The help screen is generated from the key table: every F-key with its Ctrl fallback. */
static void help_screen(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(vt_wait_text(v, "用户登录", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_F1));
	CHECK_SCREEN(v, vt_contains(v, "帮助：功能键"));
	static const char *const rows[][3] = {
	    {"F1", "^G", "帮助"},  {"F2", "^O", "保存"},         {"F3", "^W", "查找"},
	    {"F4", "^T", "选择"},  {"F5", "^E", "新建"},         {"Esc", "^X", "返回"},
	    {"F10", "^Q", "退出"}, {"Tab Down", "^N", "下一项"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		/* The line with the Ctrl key names the same action and F-key. */
		int found = 0;
		for (int r = 1; r < 22 && !found; r++) {
			char line[512];
			vt_row_text(v, r, line, sizeof line);
			if (strstr(line, rows[i][1]) != NULL)
				found = strncmp(line + 2, rows[i][0], strlen(rows[i][0])) == 0 &&
				        strstr(line, rows[i][2]) != NULL;
		}
		if (!found) {
			test_fail(__FILE__, __LINE__, "help line %s %s %s", rows[i][0], rows[i][1],
			          rows[i][2]);
			vt_dump(v, stdout);
		}
	}
	CHECK_SCREEN(v, !vt_contains(v, "用户登录"));
	/* Any other key goes back; ^G is help too. */
	CHECK(screen_key(v, VT_KEY_ESC));
	CHECK_SCREEN(v, vt_contains(v, "用户登录"));
	CHECK(screen_key(v, VT_CTRL('g')));
	CHECK_SCREEN(v, vt_contains(v, "帮助：功能键"));
	vt_free(v);
}

static void help_screen_utf8(void)
{
	help_screen(SCREEN_UTF8);
}

static void help_screen_gb18030(void)
{
	help_screen(SCREEN_GB18030);
}

TEST_MAIN(T(foreign_database_ends_with_reason), T(login_box_utf8), T(login_box_gb18030),
          T(repeated_failures_wait_utf8), T(repeated_failures_wait_gb18030), T(hangup_during_wait),
          T(disabled_operator_utf8), T(disabled_operator_gb18030), T(quit_from_login),
          T(help_screen_utf8), T(help_screen_gb18030))
