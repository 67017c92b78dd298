/*
 * What laobao costs on the wire, measured with the pty harness in the same
 * run as the reference ncurses form (bench/ref_form) under the same locale,
 * and held to its goals so a regression fails:
 *   - the first screen after login at most 1.2 times the reference's first
 *     screen;
 *   - at most 4 bytes per typed Chinese character (the character itself:
 *     no cursor motion, no attribute changes);
 *   - at most 10 bytes per move to the next field (the cursor motion).
 * Figures are printed as "# bytes: …" lines.
 */
#include <stdlib.h>

#include "tests/screen.h"

#define GOAL_FIRST_SCREEN 1.2
#define GOAL_PER_CHAR 4
#define GOAL_PER_MOVE 10

static const char *bytes_ref_bin(void)
{
	static char path[1024];
	const char *b = getenv("LAOBAO_BUILD");
	snprintf(path, sizeof path, "%s/bench/ref_form", b ? b : "build");
	return path;
}

typedef struct bytes_ref {
	unsigned long first, per_char, per_move;
} bytes_ref;

/* The reference: its first screen, a typed Chinese character, a field move. */
static int bytes_reference(const char *locale, bytes_ref *out)
{
	char *argv[] = {(char *)bytes_ref_bin(), "form", NULL};
	vt_opts o = {.argv = argv, .locale = locale};
	vt *v = NULL;
	if (vt_start(&o, &v) != 0 || !vt_wait_frame(v, SCREEN_WAIT_MS)) {
		test_fail(__FILE__, __LINE__, "cannot run %s", argv[0]);
		vt_free(v);
		return -1;
	}
	out->first = vt_bytes_total(v);
	vt_bytes_mark(v);
	CHECK(vt_type(v, "张") == 0 && vt_wait_frame(v, SCREEN_WAIT_MS));
	out->per_char = vt_bytes_since(v);
	vt_bytes_mark(v);
	CHECK(vt_key(v, VT_KEY_TAB) == 0 && vt_wait_frame(v, SCREEN_WAIT_MS));
	out->per_move = vt_bytes_since(v);
	vt_free(v);
	return 0;
}

/* Bytes one key or text costs once the program has drawn its answer. */
static unsigned long bytes_of_key(vt *v, vt_keyname k)
{
	vt_bytes_mark(v);
	if (vt_key(v, k) != 0 || !vt_wait_frame(v, SCREEN_WAIT_MS) ||
	    !vt_wait_idle(v, SCREEN_WAIT_MS))
		return 99999;
	return vt_bytes_since(v);
}

static unsigned long bytes_of_text(vt *v, const char *text)
{
	vt_bytes_mark(v);
	if (vt_type(v, text) != 0 || !vt_wait_frame(v, SCREEN_WAIT_MS) ||
	    !vt_wait_idle(v, SCREEN_WAIT_MS))
		return 99999;
	return vt_bytes_since(v);
}

static void bytes_goals(const char *locale)
{
	char db[4200];
	bytes_ref ref;
	if (!vt_locale_available(locale)) {
		test_skip("locale not installed and localedef cannot build it");
		return;
	}
	if (bytes_reference(locale, &ref) != 0 || screen_make_db(db, sizeof db) != 0)
		return;
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return;
	const char *loc = screen_short(locale);

	/* The first screen after login: the main menu replacing the login box. */
	REQUIRE(vt_wait_text(v, "用户登录", SCREEN_WAIT_MS));
	CHECK(screen_type(v, "demo") && screen_key(v, VT_KEY_ENTER) && screen_type(v, "demo"));
	vt_bytes_mark(v);
	CHECK(vt_key(v, VT_KEY_ENTER) == 0 && vt_wait_text(v, "主菜单", SCREEN_WAIT_MS) &&
	      vt_wait_idle(v, SCREEN_WAIT_MS));
	unsigned long first = vt_bytes_since(v);
	printf("# bytes: first screen after login (%s): laobao %lu, ref_form first screen %lu\n",
	       loc, first, ref.first);
	CHECK(first > 100);
	CHECK(first <= (unsigned long)(GOAL_FIRST_SCREEN * (double)ref.first));

	/* For information: the list and the form as they open. */
	unsigned long list = bytes_of_text(v, "1");
	unsigned long form = bytes_of_key(v, VT_KEY_F5);
	CHECK_SCREEN(v, vt_contains(v, "人员基本信息"));
	printf("# bytes: person list opens (%s) = %lu, person form opens = %lu\n", loc, list, form);

	/* Typed Chinese, one character at a time, into 姓名. */
	CHECK(bytes_of_key(v, VT_KEY_TAB) < 99999);
	static const char *const chars[] = {"欧", "阳", "娜", "娜", "张", "三"};
	unsigned long worst = 0, sum = 0;
	for (size_t i = 0; i < sizeof chars / sizeof chars[0]; i++) {
		unsigned long b = bytes_of_text(v, chars[i]);
		sum += b;
		worst = b > worst ? b : worst;
	}
	printf("# bytes: per typed Chinese character (%s): laobao %lu (worst %lu), ref_form %lu\n",
	       loc, sum / (sizeof chars / sizeof chars[0]), worst, ref.per_char);
	CHECK(worst <= GOAL_PER_CHAR);
	CHECK_SCREEN(v, vt_contains(v, "欧阳娜娜张三"));

	/* Field moves between fields without hints: 现住址, 电子邮箱, 备注 and back. */
	int r_addr = -1, r_remark = -1, r = -1, c = -1;
	CHECK(vt_find(v, "现住址：", &r_addr, NULL) && vt_find(v, "备注：", &r_remark, NULL));
	for (int i = 0; i < 20; i++) {
		vt_cursor(v, &r, &c);
		if (r == r_addr)
			break;
		CHECK(bytes_of_key(v, VT_KEY_TAB) < 99999);
	}
	/* A hint may still be on the message line from an earlier field: clear it first. */
	CHECK(bytes_of_key(v, VT_KEY_TAB) < 99999 && bytes_of_key(v, VT_KEY_BTAB) < 99999);
	static const vt_keyname moves[] = {VT_KEY_TAB,  VT_KEY_TAB,  VT_KEY_BTAB,
	                                   VT_KEY_BTAB, VT_KEY_DOWN, VT_KEY_UP};
	worst = sum = 0;
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		unsigned long b = bytes_of_key(v, moves[i]);
		sum += b;
		worst = b > worst ? b : worst;
	}
	vt_cursor(v, &r, &c);
	CHECK(r == r_addr);
	printf("# bytes: per field move (%s): laobao %lu (worst %lu), ref_form %lu\n", loc,
	       sum / (sizeof moves / sizeof moves[0]), worst, ref.per_move);
	CHECK(worst <= GOAL_PER_MOVE);
	/* For information: moving into a field whose hint goes on the message line. */
	unsigned long hinted = bytes_of_key(v, VT_KEY_BTAB);
	printf("# bytes: move into a field with a hint (%s) = %lu\n", loc, hinted);
	vt_free(v);
}

static void bytes_goals_utf8(void)
{
	bytes_goals(SCREEN_UTF8);
}

static void bytes_goals_gb18030(void)
{
	bytes_goals(SCREEN_GB18030);
}

TEST_MAIN(T(bytes_goals_utf8), T(bytes_goals_gb18030))
