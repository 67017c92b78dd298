/*
 * Screen tests of keys and terminals: every action through its function key
 * in the xterm, PuTTY ("ESC[n~") and Linux-console dialects, and through
 * its Ctrl fallback; boxes drawn right under TERM=vt100, xterm, linux,
 * screen and tmux-256color, and with ASCII borders (LAOBAO_ASCII=1).
 */
#include <stdlib.h>
#include <sys/wait.h>

#include "tests/screen.h"

#define BOX_X 19 /* first column inside the input boxes of the person form */

/* The keys of one walk: function keys, or the Ctrl fallbacks. */
typedef struct keys_set {
	vt_keyname help, save, find, pick, new_, back, quit, next, prev;
} keys_set;

static const keys_set keys_fn = {VT_KEY_F1,  VT_KEY_F2,  VT_KEY_F3,   VT_KEY_F4, VT_KEY_F5,
                                 VT_KEY_ESC, VT_KEY_F10, VT_KEY_DOWN, VT_KEY_UP};
static const keys_set keys_ctrl = {VT_CTRL('g'), VT_CTRL('o'), VT_CTRL('w'),
                                   VT_CTRL('t'), VT_CTRL('e'), VT_CTRL('x'),
                                   VT_CTRL('q'), VT_CTRL('n'), VT_CTRL('p')};

static int keys_press_at(vt *v, vt_keyname k, const char *expect, int line)
{
	if (!screen_key(v, k) || (expect != NULL && !vt_wait_text(v, expect, SCREEN_WAIT_MS))) {
		test_fail(__FILE__, line, "key %d: \"%s\" not shown", (int)k,
		          expect ? expect : "(a frame)");
		vt_dump(v, stdout);
		return 0;
	}
	return 1;
}

/* Press a key and wait for the frame (and the text expect, unless NULL). */
#define keys_press(v, k, expect) keys_press_at(v, k, expect, __LINE__)

/* Menu, list, form, help, picklist, save, back and quit, all by the given keys. */
static void keys_walk(const char *term, vt_keystyle dialect, const keys_set *k, const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	screen_opts o = {.locale = locale, .term = term, .keys = dialect};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	REQUIRE(screen_login(v, "demo", "demo", "主菜单"));
	/* Menu: Down/^N moves, Enter opens. */
	keys_press(v, k->next, NULL);
	keys_press(v, k->prev, NULL);
	keys_press(v, VT_KEY_ENTER, "人员查询");
	CHECK_SCREEN(v, vt_contains(v, "第 1/14 页"));
	keys_press(v, VT_KEY_PGDN, "第 2/14 页");
	keys_press(v, VT_KEY_PGUP, "第 1/14 页");
	/* Find: the query starts again. */
	CHECK(screen_type(v, "zz"));
	keys_press(v, k->find, "输入公民身份号码、姓名或拼音首字母");
	CHECK_SCREEN(v, !vt_contains(v, "[zz"));
	keys_press(v, k->new_, "人员基本信息");
	CHECK(screen_cursor_at(v, 2, BOX_X));
	/* Home/End and Ctrl-U in a field. */
	CHECK(screen_type(v, "123"));
	keys_press(v, VT_KEY_HOME, NULL);
	CHECK(screen_cursor_at(v, 2, BOX_X));
	keys_press(v, VT_KEY_END, NULL);
	CHECK(screen_cursor_at(v, 2, BOX_X + 3));
	keys_press(v, VT_KEY_LEFT, NULL);
	keys_press(v, VT_KEY_DELETE, NULL);
	CHECK_SCREEN(v, screen_at(v, "12 ", 2, BOX_X));
	keys_press(v, VT_CTRL('u'), NULL);
	CHECK(screen_cursor_at(v, 2, BOX_X));
	/* Help, and back to where we were. */
	keys_press(v, k->help, "帮助：功能键");
	keys_press(v, k->back, "人员基本信息");
	CHECK(screen_cursor_at(v, 2, BOX_X));
	/* Next and previous field. */
	keys_press(v, k->next, NULL);
	CHECK(screen_cursor_at(v, 3, BOX_X));
	keys_press(v, k->prev, NULL);
	CHECK(screen_cursor_at(v, 2, BOX_X));
	/* The picklist on 民族 (the sixth field, after three derived ones). */
	keys_press(v, VT_KEY_TAB, NULL);
	keys_press(v, VT_KEY_TAB, NULL);
	CHECK(screen_cursor_at(v, 7, BOX_X));
	keys_press(v, k->pick, "选择民族");
	keys_press(v, k->back, NULL);
	CHECK_SCREEN(v, !vt_contains(v, "选择民族"));
	/* Save with nothing filled: the first required field is named. */
	keys_press(v, k->save, "公民身份号码：必须填写");
	CHECK(screen_cursor_at(v, 2, BOX_X));
	/* ^L repaints the same screen. */
	keys_press(v, VT_CTRL('l'), "人员基本信息");
	CHECK_SCREEN(v, vt_contains(v, "公民身份号码：必须填写"));
	/* Back to the list and the menu, then quit. */
	keys_press(v, k->back, "人员查询");
	keys_press(v, k->back, "主菜单");
	CHECK(vt_key(v, k->quit) == 0);
	int st = -1;
	CHECK(vt_wait_exit(v, SCREEN_WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);
}

static void xterm_function_keys_utf8(void)
{
	keys_walk("xterm-256color", VT_KEYS_XTERM, &keys_fn, SCREEN_UTF8);
}

static void xterm_function_keys_gb18030(void)
{
	keys_walk("xterm-256color", VT_KEYS_XTERM, &keys_fn, SCREEN_GB18030);
}

/* PuTTY's "ESC[n~" keys under a TERM that does not know them. */
static void putty_keys_under_xterm(void)
{
	keys_walk("xterm-256color", VT_KEYS_PUTTY, &keys_fn, SCREEN_UTF8);
}

static void putty_keys_under_putty(void)
{
	keys_walk("putty-256color", VT_KEYS_PUTTY, &keys_fn, SCREEN_GB18030);
}

/* The Linux console's ESC[[A … under TERM=xterm and TERM=linux. */
static void linux_keys_under_xterm(void)
{
	keys_walk("xterm", VT_KEYS_LINUX, &keys_fn, SCREEN_GB18030);
}

static void linux_keys_under_linux(void)
{
	keys_walk("linux", VT_KEYS_LINUX, &keys_fn, SCREEN_UTF8);
}

static void ctrl_fallbacks_utf8(void)
{
	keys_walk("vt100", VT_KEYS_XTERM, &keys_ctrl, SCREEN_UTF8);
}

static void ctrl_fallbacks_gb18030(void)
{
	keys_walk("xterm-256color", VT_KEYS_XTERM, &keys_ctrl, SCREEN_GB18030);
}

/* The login box and a popup over Chinese text, checked cell by cell. */
static void terms_draw(const char *term, const char *locale, int ascii)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	const char *env[] = {"LAOBAO_ASCII=1", NULL};
	screen_opts o = {.locale = locale, .term = term, .env = ascii ? env : NULL};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	CHECK(vt_wait_text(v, "用户登录", SCREEN_WAIT_MS) && vt_wait_idle(v, SCREEN_WAIT_MS));
	static const struct {
		int row, col;
		const char *line, *ascii;
	} cells[] = {
	    {7, 16, "┌", "+"},  {7, 17, "─", "-"},  {7, 63, "┐", "+"},  {11, 16, "│", "|"},
	    {15, 16, "└", "+"}, {15, 40, "─", "-"}, {15, 63, "┘", "+"}, {12, 63, "│", "|"},
	};
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		vt_cell c;
		const char *want = ascii ? cells[i].ascii : cells[i].line;
		if (vt_cell_at(v, cells[i].row, cells[i].col, &c) != 0 ||
		    strcmp(c.text, want) != 0) {
			test_fail(__FILE__, __LINE__,
			          "TERM=%s %s: cell %d,%d is \"%s\", want \"%s\"", term, locale,
			          cells[i].row, cells[i].col, c.text, want);
			vt_dump(v, stdout);
			break;
		}
	}
	CHECK_SCREEN(v, screen_at(v, "用户名：", 11, 21) && screen_at(v, "用户登录", 9, 36));
	/* A popup whose edge cuts through Chinese text keeps both sides clean. */
	CHECK(screen_login(v, "demo", "demo", "主菜单"));
	CHECK(screen_type(v, "1") && vt_wait_text(v, "人员查询", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_F5) && vt_wait_text(v, "人员基本信息", SCREEN_WAIT_MS));
	int r, c;
	for (int i = 0; i < 20 && (vt_cursor(v, &r, &c), r != 14); i++)
		CHECK(screen_key(v, VT_KEY_TAB));
	/* 现住址: 25 characters from column 19, so one starts at column 61. */
	static const char addr[] = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰";
	CHECK(screen_type(v, addr));
	for (int i = 0; i < 20 && (vt_cursor(v, &r, &c), r != 7); i++)
		CHECK(screen_key(v, VT_KEY_BTAB));
	CHECK(screen_key(v, VT_KEY_F4));
	CHECK(vt_wait_text(v, "选择民族", SCREEN_WAIT_MS));
	static const struct {
		int row, col;
		const char *line, *ascii;
	} edge[] = {
	    {8, 18, "┌", "+"},  {8, 61, "┐", "+"},  {14, 18, "│", "|"},
	    {14, 61, "│", "|"}, {14, 62, " ", " "}, {14, 63, "寅", "寅"},
	    {21, 18, "└", "+"}, {21, 61, "┘", "+"}, {14, 17, " ", " "},
	};
	for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
		vt_cell cell;
		const char *want = ascii ? edge[i].ascii : edge[i].line;
		if (vt_cell_at(v, edge[i].row, edge[i].col, &cell) != 0 ||
		    strcmp(cell.text, want) != 0) {
			test_fail(__FILE__, __LINE__,
			          "TERM=%s %s: cell %d,%d is \"%s\", want \"%s\"", term, locale,
			          edge[i].row, edge[i].col, cell.text, want);
			vt_dump(v, stdout);
			break;
		}
	}
	/* The field being chosen for stays in sight above the popup. */
	CHECK_SCREEN(v, screen_at(v, "民族：", 7, 3) && screen_at(v, "[", 7, 18));
	CHECK(screen_key(v, VT_KEY_ESC));
	CHECK_SCREEN(v, screen_at(v, "一二三", 14, 19) && vt_contains(v, "子丑寅"));
	vt_free(v);
}

static void term_vt100(void)
{
	terms_draw("vt100", SCREEN_UTF8, 0);
	terms_draw("vt100", SCREEN_GB18030, 0);
}

static void term_xterm(void)
{
	terms_draw("xterm", SCREEN_UTF8, 0);
	terms_draw("xterm-256color", SCREEN_GB18030, 0);
}

static void term_linux(void)
{
	terms_draw("linux", SCREEN_UTF8, 0);
}

static void term_screen_and_tmux(void)
{
	terms_draw("screen", SCREEN_UTF8, 0);
	terms_draw("tmux-256color", SCREEN_GB18030, 0);
}

static void ascii_borders(void)
{
	terms_draw("xterm-256color", SCREEN_UTF8, 1);
	terms_draw("vt100", SCREEN_GB18030, 1);
}

TEST_MAIN(T(xterm_function_keys_utf8), T(xterm_function_keys_gb18030), T(putty_keys_under_xterm),
          T(putty_keys_under_putty), T(linux_keys_under_xterm), T(linux_keys_under_linux),
          T(ctrl_fallbacks_utf8), T(ctrl_fallbacks_gb18030), T(term_vt100), T(term_xterm),
          T(term_linux), T(term_screen_and_tmux), T(ascii_borders))
