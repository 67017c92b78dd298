/*
 * Tests for the screen harness (tests/vt): drives the reference programs
 * bench/ref_form and bench/ref_hello on a pty under zh_CN.UTF-8 and
 * zh_CN.GB18030 at 80x24 and checks what a user would see: labels at their
 * columns, typed Chinese in the field, the caret, keys in three dialects,
 * resize, hangup, and the bytes each step costs on the wire.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>

#include "tests/test.h"
#include "tests/vt.h"

#define WAIT_MS 3000

static const char *const UTF8 = "zh_CN.UTF-8";
static const char *const GB = "zh_CN.GB18030";

static const char *bench_bin(const char *name)
{
	static char path[2][1024];
	static int i;
	const char *b = getenv("LAOBAO_BUILD");
	i ^= 1;
	snprintf(path[i], sizeof path[i], "%s/bench/%s", b ? b : "build", name);
	return path[i];
}

/* Start a reference program; NULL (and the case skipped or failed) if it cannot run. */
static vt *start_ex(const char *locale, const char *term, vt_keystyle keys, const char *prog,
                    const char *a1, const char *a2)
{
	if (!vt_locale_available(locale)) {
		test_skip("locale not installed and localedef unavailable");
		return NULL;
	}
	char *argv[] = {(char *)bench_bin(prog), (char *)a1, (char *)a2, NULL};
	vt_opts o = {.argv = argv, .locale = locale, .term = term, .keys = keys};
	vt *v = NULL;
	if (vt_start(&o, &v) != 0) {
		test_fail(__FILE__, __LINE__, "cannot start %s under %s", prog, locale);
		return NULL;
	}
	return v;
}

static vt *start_form(const char *locale, const char *mode)
{
	return start_ex(locale, NULL, VT_KEYS_XTERM, "ref_form", mode, NULL);
}

/* A check on the screen that dumps it when it fails. */
#define CHECK_SCREEN(v, cond)                                                                      \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                         \
			vt_dump(v, stdout);                                                        \
		}                                                                                  \
	} while (0)

static int at(vt *v, const char *text, int row, int col)
{
	int r = -1, c = -1;
	if (!vt_find(v, text, &r, &c))
		return 0;
	if (r != row || c != col)
		printf("#   \"%s\" at %d,%d, expected %d,%d\n", text, r, c, row, col);
	return r == row && c == col;
}

static int cursor_is(vt *v, int row, int col)
{
	int r, c;
	vt_cursor(v, &r, &c);
	if (r != row || c != col)
		printf("#   cursor at %d,%d, expected %d,%d\n", r, c, row, col);
	return r == row && c == col;
}

static int raw_has(vt *v, const char *bytes)
{
	size_t len;
	const char *raw = vt_raw(v, &len);
	size_t n = strlen(bytes);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(raw + i, bytes, n) == 0)
			return 1;
	return 0;
}

static const char *short_name(const char *locale)
{
	return strcmp(locale, GB) == 0 ? "gb18030" : "utf-8";
}

/* First frame ------------------------------------------------------------------------------ */

static void first_frame(const char *locale)
{
	vt *v = start_form(locale, "form");
	if (v == NULL)
		return;
	if (vt_wait_frame(v, WAIT_MS)) {
		unsigned long n = vt_bytes_total(v);
		printf("# bytes: ref_form first screen (%s) = %lu\n", short_name(locale), n);
		CHECK(n > 500 && n < 8000);
		CHECK_SCREEN(v, at(v, "参保人员登记（参考程序）", 0, 2));
		CHECK_SCREEN(v, at(v, "姓名：", 3, 5));
		CHECK_SCREEN(v, at(v, "公民身份号码：", 4, 5));
		CHECK_SCREEN(v, at(v, "出生日期：", 6, 5));
		CHECK_SCREEN(v, at(v, "参保日期：", 10, 5));
		CHECK_SCREEN(v, at(v, "F10退出", 23, 40));
		CHECK(cursor_is(v, 3, 22) && vt_cursor_visible(v));
		vt_cell c;
		CHECK(vt_cell_at(v, 0, 0, &c) == 0 && c.reverse && !c.bold);
		CHECK(vt_cell_at(v, 3, 5, &c) == 0 && c.bold && c.width == 2);
		CHECK_STR(c.text, "姓");
		CHECK(vt_cell_at(v, 3, 6, &c) == 0 && c.width == 0);
		CHECK(vt_cell_at(v, 4, 5, &c) == 0 && !c.bold);
		CHECK(vt_cell_at(v, 3, 22, &c) == 0 && c.underline);
		/* DEC line drawing arrives as box characters. */
		CHECK(vt_cell_at(v, 2, 2, &c) == 0 && strcmp(c.text, "┌") == 0);
		CHECK(vt_cell_at(v, 11, 77, &c) == 0 && strcmp(c.text, "┘") == 0);
		CHECK(vt_cell_at(v, 24, 0, &c) == -1);
		/* The labels went out in the locale's own encoding. */
		if (strcmp(locale, GB) == 0)
			CHECK(raw_has(v, "\xD0\xD5\xC3\xFB") && !raw_has(v, "\xE5\xA7\x93"));
		else
			CHECK(raw_has(v, "\xE5\xA7\x93\xE5\x90\x8D"));
		char buf[4096];
		vt_screen_text(v, buf, sizeof buf);
		CHECK(strstr(buf, "\n  │  姓名：") != NULL);
	}
	vt_free(v);
}

static void first_frame_utf8(void)
{
	first_frame(UTF8);
}

static void first_frame_gb18030(void)
{
	first_frame(GB);
}

/* Typing ----------------------------------------------------------------------------------- */

/* Type one character and wait for its frame; returns its byte cost (0 on failure). */
static unsigned long type_one(vt *v, const char *ch)
{
	vt_bytes_mark(v);
	if (vt_type(v, ch) != 0 || !vt_wait_frame(v, WAIT_MS))
		return 0;
	return vt_bytes_since(v);
}

/* Types 张三 one by one; returns the bytes of both frames (0 on failure). */
static unsigned long typing(const char *locale)
{
	vt *v = start_form(locale, "form");
	unsigned long total = 0;
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return 0;
	}
	unsigned long b1 = type_one(v, "张");
	CHECK(cursor_is(v, 3, 24));
	if (strcmp(locale, GB) == 0)
		CHECK(raw_has(v, "\xD5\xC5"));
	else
		CHECK(raw_has(v, "\xE5\xBC\xA0"));
	unsigned long b2 = type_one(v, "三");
	CHECK(cursor_is(v, 3, 26));
	CHECK_SCREEN(v, at(v, "张三", 3, 22));
	vt_cell c;
	CHECK(vt_cell_at(v, 3, 24, &c) == 0 && strcmp(c.text, "三") == 0 && c.underline);
	printf("# bytes: ref_form per Chinese char (%s) = %lu, %lu\n", short_name(locale), b1, b2);
	CHECK(b1 > 0 && b1 < 200);
	CHECK(b2 > 0 && b2 < 200);

	/* A burst of several characters in one read, as an IME commits them. */
	CHECK(vt_type(v, "丰a1") == 0);
	CHECK(vt_wait_idle(v, WAIT_MS));
	CHECK_SCREEN(v, at(v, "张三丰a1", 3, 22) && cursor_is(v, 3, 30));

	/* Backspace takes back a whole character, wide or not. */
	CHECK(vt_key(v, VT_KEY_BACKSPACE) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK(vt_key(v, VT_KEY_BACKSPACE) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK(vt_key(v, VT_KEY_BACKSPACE) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK_SCREEN(v, !vt_contains(v, "张三丰") && vt_contains(v, "张三"));
	CHECK(cursor_is(v, 3, 26));
	total = b1 + b2;
	vt_free(v);
	return total;
}

static void typing_utf8(void)
{
	typing(UTF8);
}

static void typing_gb18030(void)
{
	typing(GB);
}

/* The same keystrokes cost exactly the payload difference: 张三 is 6 bytes in UTF-8, 4 in GB18030.
 */
static void gb18030_payload_is_smaller(void)
{
	if (!vt_locale_available(UTF8) || !vt_locale_available(GB)) {
		test_skip("locales not available");
		return;
	}
	unsigned long u = typing(UTF8), g = typing(GB);
	REQUIRE(u > 0 && g > 0);
	printf("# bytes: typing 张三: utf-8 %lu, gb18030 %lu\n", u, g);
	CHECK_INT(u - g, 2);
}

/* Field moves and keys --------------------------------------------------------------------- */

static void field_moves(const char *locale)
{
	vt *v = start_form(locale, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	vt_cell c;
	vt_bytes_mark(v);
	CHECK(vt_key(v, VT_KEY_TAB) == 0 && vt_wait_frame(v, WAIT_MS));
	unsigned long b = vt_bytes_since(v);
	printf("# bytes: ref_form field move (%s) = %lu\n", short_name(locale), b);
	CHECK(b > 0 && b < 200);
	CHECK(cursor_is(v, 4, 22));
	CHECK(vt_cell_at(v, 4, 5, &c) == 0 && c.bold);
	CHECK(vt_cell_at(v, 3, 5, &c) == 0 && !c.bold);

	static const struct {
		vt_keyname key;
		int row;
	} moves[] = {
	    {VT_KEY_DOWN, 5}, {VT_CTRL('n'), 6}, {VT_KEY_ENTER, 7}, {VT_KEY_UP, 6},
	    {VT_KEY_BTAB, 5}, {VT_CTRL('P'), 4}, {VT_KEY_UP, 3},    {VT_KEY_UP, 10},
	};
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		CHECK(vt_key(v, moves[i].key) == 0 && vt_wait_frame(v, WAIT_MS));
		CHECK(cursor_is(v, moves[i].row, 22));
	}
	vt_free(v);
}

static void field_moves_utf8(void)
{
	field_moves(UTF8);
}

static void field_moves_gb18030(void)
{
	field_moves(GB);
}

static void press_expect(vt *v, vt_keyname k, const char *text)
{
	if (vt_key(v, k) != 0 || !vt_wait_frame(v, WAIT_MS))
		test_fail(__FILE__, __LINE__, "key %d: no frame", (int)k);
	else if (!vt_contains(v, text)) {
		test_fail(__FILE__, __LINE__, "key %d: \"%s\" not shown", (int)k, text);
		vt_dump(v, stdout);
	}
}

static void fkeys_and_ctrl_fallbacks(const char *locale)
{
	vt *v = start_form(locale, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	press_expect(v, VT_KEY_F1, "帮助：Tab 下一项");
	press_expect(v, VT_KEY_F2, "已保存");
	press_expect(v, VT_CTRL('g'), "帮助：Tab 下一项");
	press_expect(v, VT_CTRL('o'), "已保存");
	char want[64];
	for (int f = 3; f <= 12; f++) {
		if (f == 10)
			continue;
		snprintf(want, sizeof want, "功能键 F%d 未定义", f);
		press_expect(v, (vt_keyname)(VT_KEY_F1 + f - 1), want);
	}
	/* Any key clears the message; a bare Esc does nothing else. */
	CHECK(vt_key(v, VT_KEY_ESC) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK_SCREEN(v, !vt_contains(v, "功能键"));
	CHECK(cursor_is(v, 3, 22));
	int st = -1;
	CHECK(vt_key(v, VT_KEY_F10) == 0);
	CHECK(vt_wait_exit(v, WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);

	v = start_form(locale, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	st = -1;
	CHECK(vt_key(v, VT_CTRL('x')) == 0);
	CHECK(vt_wait_exit(v, WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);
}

static void fkeys_and_ctrl_fallbacks_utf8(void)
{
	fkeys_and_ctrl_fallbacks(UTF8);
}

static void fkeys_and_ctrl_fallbacks_gb18030(void)
{
	fkeys_and_ctrl_fallbacks(GB);
}

/* PuTTY's ESC[11~ and the console's ESC[[A reach the program when TERM says so. */
static void putty_and_linux_function_keys(void)
{
	vt *v = start_ex(UTF8, "putty-256color", VT_KEYS_PUTTY, "ref_form", "form", NULL);
	if (v == NULL)
		return;
	CHECK(vt_wait_frame(v, WAIT_MS));
	press_expect(v, VT_KEY_F1, "帮助：Tab 下一项");
	press_expect(v, VT_KEY_F4, "功能键 F4 未定义");
	press_expect(v, VT_KEY_F5, "功能键 F5 未定义");
	CHECK(vt_key(v, VT_KEY_DOWN) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK(cursor_is(v, 4, 22));
	vt_free(v);

	v = start_ex(UTF8, "linux", VT_KEYS_LINUX, "ref_form", "form", NULL);
	if (v == NULL)
		return;
	CHECK(vt_wait_frame(v, WAIT_MS));
	press_expect(v, VT_KEY_F1, "帮助：Tab 下一项");
	press_expect(v, VT_KEY_F5, "功能键 F5 未定义");
	press_expect(v, VT_KEY_F6, "功能键 F6 未定义");
	CHECK(vt_key(v, VT_KEY_DOWN) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK(cursor_is(v, 4, 22));
	vt_free(v);

	/* Under TERM=xterm the PuTTY sequence is not F1: the program sees plain characters. */
	v = start_ex(UTF8, NULL, VT_KEYS_XTERM, "ref_form", "form", NULL);
	if (v == NULL)
		return;
	CHECK(vt_wait_frame(v, WAIT_MS));
	CHECK(vt_key_as(v, VT_KEY_F1, VT_KEYS_PUTTY) == 0);
	CHECK(vt_wait_text(v, "[11~", WAIT_MS));
	CHECK(!vt_contains(v, "帮助："));
	vt_free(v);
}

static void every_supported_term_draws(void)
{
	static const char *const terms[] = {"vt100", "xterm", "screen", "tmux-256color"};
	for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		vt *v = start_ex(UTF8, terms[i], VT_KEYS_XTERM, "ref_form", "form", NULL);
		if (v == NULL)
			return;
		if (!vt_wait_frame(v, WAIT_MS) || !vt_wait_text(v, "公民身份号码", WAIT_MS))
			test_fail(__FILE__, __LINE__, "TERM=%s: no form", terms[i]);
		CHECK(vt_type(v, "张") == 0 && vt_wait_text(v, "姓名：", WAIT_MS) &&
		      vt_wait_frame(v, WAIT_MS) && at(v, "张", 3, 22));
		vt_free(v);
	}
	char *argv[] = {(char *)bench_bin("ref_form"), NULL};
	vt_opts o = {.argv = argv, .term = "dumb"};
	vt *v = NULL;
	CHECK(vt_start(&o, &v) == -1 && v == NULL);
}

/* Login, paste ----------------------------------------------------------------------------- */

static void login_then_form(const char *locale)
{
	vt *v = start_form(locale, NULL);
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	CHECK_SCREEN(v, at(v, "用户登录", 9, 36));
	CHECK_SCREEN(v, at(v, "用户名：", 11, 24));
	CHECK_SCREEN(v, at(v, "密码：", 12, 24));
	CHECK(cursor_is(v, 11, 34));
	CHECK(vt_type(v, "王小明") == 0 && vt_wait_idle(v, WAIT_MS));
	CHECK_SCREEN(v, at(v, "王小明", 11, 34));
	CHECK(vt_key(v, VT_KEY_ENTER) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK(cursor_is(v, 12, 34));
	CHECK(vt_type(v, "s3cret") == 0 && vt_wait_text(v, "******", WAIT_MS));
	CHECK(!vt_contains(v, "s3cret"));
	CHECK(vt_key(v, VT_KEY_ENTER) == 0 && vt_wait_text(v, "欢迎，王小明", WAIT_MS));
	CHECK_SCREEN(v, at(v, "姓名：", 3, 5) && !vt_contains(v, "用户登录"));
	CHECK(cursor_is(v, 3, 22));
	vt_free(v);
}

static void login_then_form_utf8(void)
{
	login_then_form(UTF8);
}

static void login_then_form_gb18030(void)
{
	login_then_form(GB);
}

static void paste(const char *locale)
{
	/* Without bracketed paste the text is plain typing. */
	vt *v = start_form(locale, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	CHECK(vt_paste(v, "李四") == 0 && vt_wait_text(v, "李四", WAIT_MS));
	CHECK(at(v, "李四", 3, 22));
	CHECK(!vt_contains(v, "200~"));
	CHECK(!raw_has(v, "\033[?2004h"));
	vt_free(v);

	/* With it, the markers arrive and a pasted line end does not move on. */
	v = start_ex(locale, NULL, VT_KEYS_XTERM, "ref_form", "form", "paste");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	CHECK(raw_has(v, "\033[?2004h"));
	CHECK(vt_paste(v, "李四\n王五") == 0 && vt_wait_idle(v, WAIT_MS));
	CHECK(at(v, "李四王五", 3, 22));
	CHECK_SCREEN(v, cursor_is(v, 3, 30) && !vt_contains(v, "200~"));
	/* Typed Enter still moves. */
	CHECK(vt_key(v, VT_KEY_ENTER) == 0 && vt_wait_frame(v, WAIT_MS));
	CHECK(cursor_is(v, 4, 22));
	vt_free(v);
}

static void paste_utf8(void)
{
	paste(UTF8);
}

static void paste_gb18030(void)
{
	paste(GB);
}

/* Resize, hangup, signals ------------------------------------------------------------------ */

static void resize_and_back(const char *locale)
{
	vt *v = start_form(locale, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	CHECK(vt_type(v, "张三") == 0 && vt_wait_text(v, "张三", WAIT_MS));
	CHECK(vt_resize(v, 20, 60) == 0);
	CHECK(vt_wait_text(v, "窗口太小，请放大到 80x24", WAIT_MS));
	CHECK(vt_rows(v) == 20 && vt_cols(v) == 60);
	CHECK(!vt_contains(v, "姓名"));
	CHECK(vt_resize(v, 24, 80) == 0);
	CHECK(vt_wait_text(v, "张三", WAIT_MS));
	CHECK(vt_wait_frame(v, WAIT_MS));
	CHECK_SCREEN(v, at(v, "F10退出", 23, 40) && at(v, "公民身份号码：", 4, 5));
	CHECK(cursor_is(v, 3, 26));
	/* Bigger than needed is fine too. */
	CHECK(vt_resize(v, 30, 100) == 0 && vt_wait_text(v, "F10退出", WAIT_MS));
	CHECK(vt_wait_frame(v, WAIT_MS));
	CHECK_SCREEN(v, at(v, "F10退出", 29, 40));
	vt_free(v);
}

static void resize_and_back_utf8(void)
{
	resize_and_back(UTF8);
}

static void resize_and_back_gb18030(void)
{
	resize_and_back(GB);
}

static void hangup_ends_program(const char *locale)
{
	vt *v = start_form(locale, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	vt_hangup(v);
	int st = -1;
	CHECK(vt_wait_exit(v, WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
	CHECK(vt_type(v, "x") == -1);
	vt_free(v);

	v = start_form(locale, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	CHECK(vt_signal(v, SIGTERM) == 0);
	CHECK(vt_wait_exit(v, WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
	CHECK(vt_signal(v, SIGTERM) == -1);
	vt_free(v);
}

static void hangup_ends_program_utf8(void)
{
	hangup_ends_program(UTF8);
}

static void hangup_ends_program_gb18030(void)
{
	hangup_ends_program(GB);
}

/* Harness behaviour ------------------------------------------------------------------------ */

/* After vt_wait_frame the screen holds the whole frame: no partial state, ever. */
static void every_frame_is_complete(void)
{
	vt *v = start_form(GB, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	static const char *const chars[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int bad = 0;
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < 9; i++) {
			if (vt_type(v, chars[i]) != 0 || !vt_wait_frame(v, WAIT_MS))
				bad++;
			int r, c;
			vt_cursor(v, &r, &c);
			vt_cell cell;
			vt_cell_at(v, 3, 22 + 2 * i, &cell);
			bad += r != 3 || c != 24 + 2 * i || strcmp(cell.text, chars[i]) != 0;
		}
		CHECK(vt_key(v, VT_CTRL('u')) == 0 && vt_wait_frame(v, WAIT_MS));
		bad += !cursor_is(v, 3, 22);
	}
	CHECK_INT(bad, 0);
	CHECK(vt_frames(v) >= 41);
	vt_free(v);
}

/* Timeouts are failures that come back in time, not hangs. */
static void waits_time_out(void)
{
	vt *v = start_form(UTF8, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	printf("# (a timeout diagnostic and screen dump follow; they are expected)\n");
	CHECK(vt_wait_text(v, "不会出现的文字", 200) == 0);
	CHECK(vt_wait_frame(v, 100) == 0);
	CHECK(vt_wait_exit(v, 100, NULL) == 0);
	CHECK(vt_wait_gone(v, "姓名", 100) == 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	CHECK(ms >= 450 && ms < 2000);
	CHECK(vt_wait_gone(v, "不会出现的文字", 100) == 1);
	vt_free(v);

	/* A program that is not there exits 127 and never draws. */
	char *argv[] = {"/nonexistent/program", NULL};
	vt_opts o = {.argv = argv};
	REQUIRE(vt_start(&o, &v) == 0);
	int st = -1;
	CHECK(vt_wait_exit(v, WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 127);
	CHECK(vt_wait_frame(v, 100) == 0);
	vt_free(v);
	vt_free(NULL);
}

/* Output read one byte at a time still decodes: a character split between reads is kept. */
static void split_reads_decode(void)
{
	const char *locs[] = {GB, UTF8};
	for (int i = 0; i < 2; i++) {
		if (!vt_locale_available(locs[i])) {
			test_skip("locale not installed and localedef unavailable");
			return;
		}
		char *argv[] = {(char *)bench_bin("ref_form"), "form", NULL};
		vt_opts o = {.argv = argv, .locale = locs[i], .read_chunk = 1};
		vt *v = NULL;
		REQUIRE(vt_start(&o, &v) == 0);
		CHECK(vt_wait_frame(v, WAIT_MS));
		CHECK_SCREEN(v, at(v, "公民身份号码：", 4, 5) && at(v, "F10退出", 23, 40));
		CHECK(vt_type(v, "𠀀张") == 0 && vt_wait_idle(v, WAIT_MS));
		CHECK_SCREEN(v, vt_contains(v, "张") && !vt_contains(v, "\xEF\xBF\xBD"));
		vt_free(v);
	}
}

/* Text that the child's encoding cannot carry is refused, not mangled. */
static void unencodable_input_refused(void)
{
	vt *v = start_form(GB, "form");
	if (v == NULL || !vt_wait_frame(v, WAIT_MS)) {
		vt_free(v);
		return;
	}
	CHECK(vt_type(v, "\xff\xfe") == -1);
	CHECK(vt_type(v, "张\xe5") == -1);
	/* GB18030 covers all of Unicode, so an emoji and Ext-B go through. */
	CHECK(vt_type(v, "𠀀") == 0);
	CHECK(vt_wait_frame(v, WAIT_MS));
	CHECK(vt_type(v, "") == 0);
	vt_free(v);
}

/* The terminal answers a cursor-position request: 中文 moves 4 columns in both encodings. */
static void cursor_position_probe(const char *locale)
{
	vt *v = start_ex(locale, NULL, VT_KEYS_XTERM, "ref_hello", "probe", NULL);
	if (v == NULL)
		return;
	CHECK(vt_wait_frame(v, WAIT_MS));
	CHECK_SCREEN(v, at(v, "你好，劳保终端", 0, 0));
	CHECK_SCREEN(v, vt_contains(v, "探测：第5列"));
	int st = -1;
	CHECK(vt_type(v, "q") == 0 && vt_wait_exit(v, WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	vt_free(v);
}

static void cursor_position_probe_utf8(void)
{
	cursor_position_probe(UTF8);
}

static void cursor_position_probe_gb18030(void)
{
	cursor_position_probe(GB);
}

static void hello_bytes(void)
{
	const char *locs[] = {UTF8, GB};
	for (int i = 0; i < 2; i++) {
		vt *v = start_ex(locs[i], NULL, VT_KEYS_XTERM, "ref_hello", NULL, NULL);
		if (v == NULL)
			return;
		CHECK(vt_wait_frame(v, WAIT_MS));
		CHECK_SCREEN(v, at(v, "你好，劳保终端", 0, 0));
		printf("# bytes: ref_hello first screen (%s) = %lu\n", short_name(locs[i]),
		       vt_bytes_total(v));
		CHECK(vt_bytes_total(v) > 10 && vt_bytes_total(v) < 1000);
		vt_free(v);
	}
}

/* A locale built with localedef into a private folder works as LOCPATH. */
static void locale_built_by_localedef(void)
{
	const char *dir = test_tmpdir();
	if (vt_locale_build(UTF8, dir) != 0) {
		test_skip("localedef cannot build zh_CN.UTF-8 here");
		return;
	}
	CHECK(vt_locale_build("zh_CN.BIG5", dir) == -1);
	CHECK(vt_locale_build("../zh_CN.UTF-8", dir) == -1);
	CHECK(vt_locale_build("zh_CN", dir) == -1);
	char *argv[] = {(char *)bench_bin("ref_form"), "form", NULL};
	vt_opts o = {.argv = argv, .locale = UTF8, .locpath = dir};
	vt *v = NULL;
	REQUIRE(vt_start(&o, &v) == 0);
	CHECK(vt_wait_frame(v, WAIT_MS));
	CHECK_SCREEN(v, at(v, "公民身份号码：", 4, 5));
	vt_free(v);

	/* An empty LOCPATH folder means no locale: the program says so and stops. */
	o.locpath = test_tmpdir();
	REQUIRE(vt_start(&o, &v) == 0);
	int st = -1;
	CHECK(vt_wait_exit(v, WAIT_MS, &st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2);
	vt_free(v);
	CHECK(vt_locale_available("xx_YY.UTF-8") == 0);
	CHECK(vt_locale_available("zh_CN.UTF-8") == 1);
}

TEST_MAIN(T(first_frame_utf8), T(first_frame_gb18030), T(typing_utf8), T(typing_gb18030),
          T(gb18030_payload_is_smaller), T(field_moves_utf8), T(field_moves_gb18030),
          T(fkeys_and_ctrl_fallbacks_utf8), T(fkeys_and_ctrl_fallbacks_gb18030),
          T(putty_and_linux_function_keys), T(every_supported_term_draws), T(login_then_form_utf8),
          T(login_then_form_gb18030), T(paste_utf8), T(paste_gb18030), T(resize_and_back_utf8),
          T(resize_and_back_gb18030), T(hangup_ends_program_utf8), T(hangup_ends_program_gb18030),
          T(every_frame_is_complete), T(waits_time_out), T(split_reads_decode),
          T(unencodable_input_refused), T(cursor_position_probe_utf8),
          T(cursor_position_probe_gb18030), T(hello_bytes), T(locale_built_by_localedef))
