/*
 * Tests for tui/edit: the CJK field editor without a terminal — typing,
 * moving over wide and combining characters, refusals, horizontal scrolling
 * with '<' '>' markers, memo wrapping, under zh_CN.UTF-8 and zh_CN.GB18030.
 */
#include <locale.h>
#include <stdlib.h>

#include "locale/text.h"
#include "tests/test.h"
#include "tui/edit.h"

#define LOC_UTF8 "zh_CN.UTF-8"
#define LOC_GB "zh_CN.GB18030"

/* Thirty different characters, so a visible one tells where it came from. */
#define THIRTY L"劳动保障局失业登记培训报名合同备案争议仲裁庭审查询统计年月日"

/* Switch LC_CTYPE; on failure skip the case with the reason. */
static int use_locale(const char *name)
{
	if (setlocale(LC_CTYPE, name) != NULL)
		return 1;
	char why[128];
	snprintf(why, sizeof why, "locale %s not installed", name);
	test_skip(why);
	return 0;
}

/* Run body under each locale as its own case. */
#define IN_BOTH_LOCALES(body)                                                                      \
	static void body##_utf8(void)                                                              \
	{                                                                                          \
		if (use_locale(LOC_UTF8))                                                          \
			body();                                                                    \
		setlocale(LC_CTYPE, "C");                                                          \
	}                                                                                          \
	static void body##_gb18030(void)                                                           \
	{                                                                                          \
		if (use_locale(LOC_GB))                                                            \
			body();                                                                    \
		setlocale(LC_CTYPE, "C");                                                          \
	}

/* Columns a drawn string takes; wcwidth() < 0 is drawn as 〓, 2 columns. */
static int columns(const wchar_t *s)
{
	int n = 0;
	for (; *s; s++) {
		int w = wcwidth(*s);
		n += w < 0 ? 2 : w;
	}
	return n;
}

/* A wide string as UTF-8 in buf (for CHECK_STR). */
static const char *u8(const wchar_t *s, char *buf, size_t size)
{
	size_t used = 0;
	for (; *s && used + 5 < size; s++)
		used += text_utf8_encode((uint32_t)*s, buf + used);
	buf[used] = '\0';
	return buf;
}

/* The editor's text as UTF-8 in a buffer that lives until the next call. */
static const char *text_of(const edit *ed)
{
	static char buf[512];
	if (edit_get_utf8(ed, buf, sizeof buf) < 0)
		return "(too long)";
	return buf;
}

/* The view cols wide as UTF-8, with the cursor column in *cc. */
static const char *view(edit *ed, int cols, int *cc)
{
	static wchar_t out[EDIT_VIEW_LEN(120)];
	static char buf[EDIT_VIEW_LEN(120) * 4];
	*cc = -1;
	edit_view(ed, cols, out, sizeof out / sizeof out[0], cc);
	if (columns(out) != cols)
		return "(wrong width)";
	return u8(out, buf, sizeof buf);
}

static void type(edit *ed, const wchar_t *s)
{
	for (; *s; s++)
		CHECK_INT(edit_insert(ed, *s), EDIT_OK);
}

static void typing_zhang_san_feng_in_five_columns(void)
{
	edit *ed = edit_new(10);
	REQUIRE(ed != NULL);
	int cc;
	CHECK_STR(view(ed, 5, &cc), "     ");
	CHECK_INT(cc, 0);
	CHECK_INT(edit_insert(ed, L'张'), EDIT_OK);
	CHECK_STR(view(ed, 5, &cc), "张   ");
	CHECK_INT(cc, 2);
	CHECK_INT(edit_insert(ed, L'三'), EDIT_OK);
	CHECK_STR(view(ed, 5, &cc), "张三 ");
	CHECK_INT(cc, 4);
	/* The third character does not fit with the cursor after it: the
	 * window scrolls, never showing half a character. */
	CHECK_INT(edit_insert(ed, L'丰'), EDIT_OK);
	CHECK_STR(view(ed, 5, &cc), "<丰  ");
	CHECK_INT(cc, 3);
	CHECK_STR(text_of(ed), "张三丰");
	CHECK_INT(edit_length(ed), 3);
	CHECK_INT(edit_cursor(ed), 3);

	edit_home(ed);
	CHECK_STR(view(ed, 5, &cc), "张三>");
	CHECK_INT(cc, 0);
	edit_right(ed);
	CHECK_STR(view(ed, 5, &cc), "张三>");
	CHECK_INT(cc, 2);
	edit_right(ed);
	CHECK_STR(view(ed, 5, &cc), "<三丰");
	CHECK_INT(cc, 3);
	edit_end(ed);
	CHECK_STR(view(ed, 5, &cc), "<丰  ");
	CHECK_INT(cc, 3);

	/* '<' would hide a single narrow character: the character is shown. */
	CHECK_INT(edit_set_utf8(ed, "a张三丰李四"), 0);
	CHECK_STR(view(ed, 5, &cc), "<四  ");
	edit_set_cursor(ed, 1);
	CHECK_STR(view(ed, 5, &cc), "a张 >");
	CHECK_INT(cc, 1);

	/* A narrow character first: the half of 三 that would cross the right
	 * edge becomes a space. */
	CHECK_INT(edit_set_utf8(ed, "a张三丰"), 0);
	edit_home(ed);
	CHECK_STR(view(ed, 5, &cc), "a张 >");
	CHECK_INT(cc, 0);
	edit_free(ed);
}
IN_BOTH_LOCALES(typing_zhang_san_feng_in_five_columns)

static void moving_over_wide_and_combining_characters(void)
{
	edit *ed = edit_new(10);
	REQUIRE(ed != NULL);
	/* é typed as e + U+0301 is one character with its mark. */
	type(ed, L"a张e\u0301b");
	CHECK_INT(edit_length(ed), 4);
	CHECK_INT(edit_cursor(ed), 4);
	CHECK_STR(text_of(ed), "a张e\xCC\x81"
	                       "b");
	int cc;
	CHECK_STR(view(ed, 10, &cc), "a张e\xCC\x81"
	                             "b     ");
	CHECK_INT(cc, 5);
	const int cols_at[] = {0, 1, 3, 4, 5};
	for (int pos = 4; pos >= 0; pos--) {
		CHECK_INT(edit_cursor(ed), pos);
		view(ed, 10, &cc);
		CHECK_INT(cc, cols_at[pos]);
		edit_left(ed);
	}
	edit_left(ed); /* already at the start */
	CHECK_INT(edit_cursor(ed), 0);
	for (int pos = 0; pos <= 4; pos++) {
		CHECK_INT(edit_cursor(ed), pos);
		view(ed, 10, &cc);
		CHECK_INT(cc, cols_at[pos]);
		edit_right(ed);
	}
	CHECK_INT(edit_cursor(ed), 4);

	/* A mark typed after b joins it and takes no room in max_chars. */
	CHECK_INT(edit_insert(ed, 0x0308), EDIT_OK);
	CHECK_INT(edit_length(ed), 4);
	CHECK_INT(edit_cursor(ed), 4);
	CHECK_STR(text_of(ed), "a张e\xCC\x81"
	                       "b\xCC\x88");
	/* Backspace takes the whole character, marks included. */
	edit_backspace(ed);
	CHECK_STR(text_of(ed), "a张e\xCC\x81");
	edit_left(ed);
	edit_delete(ed);
	CHECK_STR(text_of(ed), "a张");

	/* Four marks fit on one character, a fifth does not. */
	CHECK_INT(edit_insert_utf8(ed, "o\xCC\x81\xCC\x82\xCC\x83\xCC\x84"), EDIT_OK);
	CHECK_INT(edit_insert(ed, 0x0301), EDIT_INVALID);
	CHECK_INT(edit_insert_utf8(ed, "x\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x85"), EDIT_INVALID);
	CHECK_INT(edit_length(ed), 3);
	/* A mark with nothing before it is refused. */
	edit_home(ed);
	CHECK_INT(edit_insert(ed, 0x0301), EDIT_INVALID);
	CHECK_INT(edit_insert_utf8(ed, "\xCC\x81"
	                               "a"),
	          EDIT_INVALID);
	CHECK_STR(text_of(ed), "a张o\xCC\x81\xCC\x82\xCC\x83\xCC\x84");
	edit_free(ed);
}
IN_BOTH_LOCALES(moving_over_wide_and_combining_characters)

static void home_end_backspace_delete_at_both_ends(void)
{
	edit *ed = edit_new(10);
	REQUIRE(ed != NULL);
	type(ed, L"张三丰");
	edit_home(ed);
	CHECK_INT(edit_cursor(ed), 0);
	edit_backspace(ed); /* nothing before the cursor */
	CHECK_STR(text_of(ed), "张三丰");
	CHECK_INT(edit_cursor(ed), 0);
	edit_delete(ed);
	CHECK_STR(text_of(ed), "三丰");
	CHECK_INT(edit_cursor(ed), 0);
	edit_end(ed);
	CHECK_INT(edit_cursor(ed), 2);
	edit_delete(ed); /* nothing under the cursor */
	CHECK_STR(text_of(ed), "三丰");
	edit_backspace(ed);
	CHECK_STR(text_of(ed), "三");
	CHECK_INT(edit_cursor(ed), 1);
	edit_backspace(ed);
	edit_backspace(ed);
	edit_delete(ed);
	CHECK_STR(text_of(ed), "");
	CHECK_INT(edit_cursor(ed), 0);
	CHECK_INT(edit_length(ed), 0);

	/* In the middle: the cursor stays between the same neighbours. */
	type(ed, L"李小明");
	edit_left(ed);
	edit_backspace(ed);
	CHECK_STR(text_of(ed), "李明");
	CHECK_INT(edit_cursor(ed), 1);
	edit_delete(ed);
	CHECK_STR(text_of(ed), "李");
	CHECK_INT(edit_cursor(ed), 1);

	edit_set_cursor(ed, 99);
	CHECK_INT(edit_cursor(ed), 1);
	edit_set_cursor(ed, -5);
	CHECK_INT(edit_cursor(ed), 0);
	edit_free(ed);
}
IN_BOTH_LOCALES(home_end_backspace_delete_at_both_ends)

static void ctrl_u_empties_the_field_and_the_view(void)
{
	edit *ed = edit_new(40);
	REQUIRE(ed != NULL);
	type(ed, THIRTY);
	int cc;
	CHECK(view(ed, 11, &cc)[0] == '<');
	edit_clear(ed);
	CHECK_INT(edit_length(ed), 0);
	CHECK_INT(edit_cursor(ed), 0);
	CHECK_STR(text_of(ed), "");
	CHECK_STR(view(ed, 11, &cc), "           ");
	CHECK_INT(cc, 0);
	type(ed, L"王");
	CHECK_STR(view(ed, 11, &cc), "王         ");
	CHECK_INT(cc, 2);
	edit_free(ed);
}
IN_BOTH_LOCALES(ctrl_u_empties_the_field_and_the_view)

static void full_at_max_chars_changes_nothing(void)
{
	edit *ed = edit_new(5);
	REQUIRE(ed != NULL);
	CHECK_INT(edit_insert_utf8(ed, "张三"), EDIT_OK);
	/* A paste that would overflow is refused whole, not cut. */
	CHECK_INT(edit_insert_utf8(ed, "李四王五"), EDIT_FULL);
	CHECK_STR(text_of(ed), "张三");
	CHECK_INT(edit_cursor(ed), 2);
	edit_home(ed);
	CHECK_INT(edit_insert_utf8(ed, "李四王"), EDIT_OK);
	CHECK_STR(text_of(ed), "李四王张三");
	CHECK_INT(edit_cursor(ed), 3);
	CHECK_INT(edit_insert(ed, L'五'), EDIT_FULL);
	CHECK_INT(edit_insert(ed, L'a'), EDIT_FULL);
	CHECK_INT(edit_insert_utf8(ed, "a"), EDIT_FULL);
	CHECK_STR(text_of(ed), "李四王张三");
	CHECK_INT(edit_cursor(ed), 3);
	/* Invalid wins over full: the user is told what is wrong with it. */
	CHECK_INT(edit_insert_utf8(ed, "\x01"), EDIT_INVALID);
	/* An empty paste fits anywhere. */
	CHECK_INT(edit_insert_utf8(ed, ""), EDIT_OK);
	/* Setting text longer than the field is refused too. */
	CHECK_INT(edit_set_utf8(ed, "一二三四五六"), -1);
	CHECK_STR(text_of(ed), "李四王张三");
	CHECK_INT(edit_set_utf8(ed, "一二三四五"), 0);
	CHECK_INT(edit_cursor(ed), 5);
	edit_backspace(ed);
	CHECK_INT(edit_insert(ed, L'六'), EDIT_OK);
	CHECK_STR(text_of(ed), "一二三四六");
	edit_free(ed);

	/* A long paste into an empty field. */
	ed = edit_new(18);
	REQUIRE(ed != NULL);
	char big[4096];
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(edit_insert_utf8(ed, big), EDIT_FULL);
	CHECK_INT(edit_length(ed), 0);
	big[18] = '\0';
	CHECK_INT(edit_insert_utf8(ed, big), EDIT_OK);
	CHECK_INT(edit_length(ed), 18);
	edit_free(ed);
}
IN_BOTH_LOCALES(full_at_max_chars_changes_nothing)

static void invalid_characters_are_refused(void)
{
	edit *ed = edit_new(20);
	REQUIRE(ed != NULL);
	type(ed, L"张三");
	const wchar_t bad[] = {0x01,   L'\t',  L'\n',  L'\r',    0x1B,        0x7F,
	                       0x80,   0x85,   0x9F,   0x200D,   0x202E,      0x2066,
	                       0x2028, 0xD800, 0xDFFF, 0x110000, (wchar_t)-1, (wchar_t)0x7FFFFFFF,
	                       0};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (edit_insert(ed, bad[i]) != EDIT_INVALID)
			test_fail(__FILE__, __LINE__, "U+%04lX was accepted",
			          (unsigned long)bad[i]);
	}
	const char *bad_utf8[] = {
	    "\xFF",                                         /* never a UTF-8 byte */
	    "\xC0\x80",                                     /* overlong NUL */
	    "\xED\xA0\x80",                                 /* surrogate */
	    "\xE5\xBC",                                     /* cut off */
	    "\x80",                                         /* stray continuation */
	    "\xF4\x90\x80\x80",                             /* past U+10FFFF */
	    "李\xFF四",                                     /* bad byte inside good text */
	    "\xD5\xC5\xC8\xFD",                             /* 张三 in GB18030, not UTF-8 */
	    "a\tb",                                         /* tab */
	    "\x1B[A",                                       /* an arrow key's escape sequence */
	    "李四\n",                                       /* newline in a single-line field */
	    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", /* emoji joined by ZWJ */
	    "\xE2\x80\xAE"
	    "abc", /* right-to-left override */
	};
	for (size_t i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
		if (edit_insert_utf8(ed, bad_utf8[i]) != EDIT_INVALID)
			test_fail(__FILE__, __LINE__, "bad input %zu was accepted", i);
		if (edit_set_utf8(ed, bad_utf8[i]) != -1)
			test_fail(__FILE__, __LINE__, "bad input %zu was set", i);
	}
	CHECK_INT(edit_insert_utf8(ed, NULL), EDIT_INVALID);
	CHECK_STR(text_of(ed), "张三");
	CHECK_INT(edit_cursor(ed), 2);

	/* Printable things that are not Han are still characters. */
	CHECK_INT(edit_insert_utf8(ed, "·〓\xEE\x80\x80€"), EDIT_OK); /* includes U+E000 */
	CHECK_INT(edit_insert(ed, L'ｘ'), EDIT_OK);
	CHECK_INT(edit_length(ed), 7);
	edit_free(ed);
}
IN_BOTH_LOCALES(invalid_characters_are_refused)

/*
 * Check one view of THIRTY in a box `cols` wide: exactly cols columns, the
 * shown characters a run of the text with '<' '>' exactly when some is
 * hidden, and the cursor on its character. Returns the index of the first
 * shown character.
 */
static int check_thirty_view(edit *ed, int cols)
{
	static const wchar_t text[] = THIRTY;
	wchar_t out[EDIT_VIEW_LEN(40)];
	int cc = -1;
	edit_view(ed, cols, out, sizeof out / sizeof out[0], &cc);
	CHECK_INT(columns(out), cols);
	int len = edit_length(ed), cur = edit_cursor(ed);
	int slot = cur < len ? 2 : 1;
	if (cc < 0 || cc + slot > cols)
		test_fail(__FILE__, __LINE__, "cursor %d at column %d, outside %d", cur, cc, cols);
	/* Walk the columns: markers, then a run of text, then spaces. */
	int col = 0, first = -1, shown = 0, left_mark = 0, right_mark = 0;
	for (const wchar_t *p = out; *p; p++) {
		if (*p == L'<' && col == 0) {
			left_mark = 1;
		} else if (*p == L'>' && col == cols - 1) {
			right_mark = 1;
		} else if (*p != L' ') {
			const wchar_t *at = wcschr(text, *p);
			if (at == NULL) {
				test_fail(__FILE__, __LINE__, "column %d shows a stranger", col);
				return -1;
			}
			int idx = (int)(at - text);
			if (first < 0)
				first = idx;
			if (idx != first + shown)
				test_fail(__FILE__, __LINE__, "column %d shows %d, expected %d",
				          col, idx, first + shown);
			if (idx == cur && col != cc)
				test_fail(__FILE__, __LINE__, "cursor drawn at %d, on text at %d",
				          cc, col);
			shown++;
		}
		col += wcwidth(*p);
	}
	if (first < 0)
		first = cur;
	CHECK_INT(left_mark, first > 0);
	CHECK_INT(right_mark, first + shown < len);
	if (cur < len)
		CHECK(cur >= first && cur < first + shown);
	return first;
}

static void scrolling_thirty_characters_through_eleven_columns(void)
{
	edit *ed = edit_new(30);
	REQUIRE(ed != NULL);
	static const wchar_t text[] = THIRTY;
	REQUIRE(wcslen(text) == 30);
	int last = 0;
	for (int i = 0; i < 30; i++) {
		CHECK_INT(edit_insert(ed, text[i]), EDIT_OK);
		int first = check_thirty_view(ed, 11);
		CHECK(first >= last);
		last = first;
	}
	CHECK_INT(edit_insert(ed, L'多'), EDIT_FULL);
	int cc;
	/* '<', the last four, the cursor's free column, one spare. */
	CHECK_STR(view(ed, 11, &cc), "<计年月日  ");
	CHECK_INT(cc, 9);

	edit_home(ed);
	CHECK_STR(view(ed, 11, &cc), "劳动保障局>");
	CHECK_INT(cc, 0);
	/* Right to the end and back: the window only ever follows the cursor. */
	last = 0;
	for (int i = 0; i < 30; i++) {
		edit_right(ed);
		int first = check_thirty_view(ed, 11);
		CHECK(first >= last);
		last = first;
	}
	CHECK_INT(edit_cursor(ed), 30);
	for (int i = 0; i < 30; i++) {
		edit_left(ed);
		int first = check_thirty_view(ed, 11);
		CHECK(first <= last);
		last = first;
	}
	CHECK_INT(edit_cursor(ed), 0);
	CHECK_INT(last, 0);
	/* Moving inside the window does not scroll it. */
	for (int i = 0; i < 4; i++) {
		edit_right(ed);
		CHECK_INT(check_thirty_view(ed, 11), 0);
	}
	/* In the middle, both markers. */
	edit_set_cursor(ed, 15);
	const char *v = view(ed, 11, &cc);
	CHECK(v[0] == '<');
	CHECK(v[strlen(v) - 1] == '>');

	/* Deleting from the end slides the text back instead of leaving blanks. */
	edit_end(ed);
	for (int i = 0; i < 26; i++)
		edit_backspace(ed);
	CHECK_STR(view(ed, 11, &cc), "劳动保障   ");
	CHECK_INT(cc, 8);
	/* A wider box shows it all again. */
	type(ed, L"局失业登记培训");
	CHECK(view(ed, 11, &cc)[0] == '<');
	CHECK_STR(view(ed, 30, &cc), "劳动保障局失业登记培训        ");
	CHECK_INT(cc, 22);
	/* Odd widths: every box from 1 to 40 columns keeps the rules. */
	for (int cols = 1; cols <= 40; cols++) {
		edit_home(ed);
		for (int i = 0; i <= edit_length(ed); i++) {
			wchar_t o[EDIT_VIEW_LEN(40)];
			int c = -1;
			edit_view(ed, cols, o, sizeof o / sizeof o[0], &c);
			if (columns(o) != cols || c < 0 || c > cols - 1)
				test_fail(__FILE__, __LINE__, "cols %d pos %d: width %d cursor %d",
				          cols, i, columns(o), c);
			if (cols >= 4)
				check_thirty_view(ed, cols);
			edit_right(ed);
		}
	}
	edit_free(ed);
}
IN_BOTH_LOCALES(scrolling_thirty_characters_through_eleven_columns)

/* “ ” are 1 column under UTF-8 and 2 under GB18030; the view follows. */
static void quotes_change_width_with_the_locale(void)
{
	int cc;
	if (!use_locale(LOC_UTF8))
		return;
	edit *ed = edit_new(10);
	REQUIRE(ed != NULL);
	CHECK_INT(edit_set_utf8(ed, "“张三”"), 0);
	CHECK_STR(view(ed, 8, &cc), "“张三”  ");
	CHECK_INT(cc, 6);
	edit_home(ed);
	edit_right(ed);
	view(ed, 8, &cc);
	CHECK_INT(cc, 1);
	edit_free(ed);

	if (!use_locale(LOC_GB))
		return;
	ed = edit_new(10);
	REQUIRE(ed != NULL);
	CHECK_INT(edit_set_utf8(ed, "“张三”"), 0);
	/* 8 columns of text and the cursor's column do not fit in 8. */
	CHECK_STR(view(ed, 8, &cc), "<张三” ");
	CHECK_INT(cc, 7);
	edit_home(ed);
	CHECK_STR(view(ed, 8, &cc), "“张三”");
	edit_right(ed);
	view(ed, 8, &cc);
	CHECK_INT(cc, 2);
	CHECK_STR(view(ed, 9, &cc), "“张三” ");
	edit_free(ed);
	setlocale(LC_CTYPE, "C");
}

/* What wcwidth() cannot measure is counted as 〓, 2 columns. */
static void unmeasurable_character_counts_two_columns(void)
{
	int cc;
	if (!use_locale(LOC_GB))
		return;
	REQUIRE(wcwidth(0x1F600) < 0);
	edit *ed = edit_new(10);
	REQUIRE(ed != NULL);
	CHECK_INT(edit_insert(ed, 0x1F600), EDIT_OK);
	CHECK_INT(edit_insert(ed, L'a'), EDIT_OK);
	CHECK_STR(view(ed, 6, &cc), "\xF0\x9F\x98\x80"
	                            "a   ");
	CHECK_INT(cc, 3);
	edit_left(ed);
	view(ed, 6, &cc);
	CHECK_INT(cc, 2);
	edit_free(ed);
	setlocale(LC_CTYPE, "C");
}

static void utf8_round_trip(void)
{
	/* Han, Latin, middle dot, Ext-B 𠀀, Ext-A 㐀, quotes, a combining mark. */
	const char *s = "张三 Zhang·San \xF0\xA0\x80\x80\xE3\x90\x80 “引号” e\xCC\x81";
	edit *ed = edit_new(40);
	REQUIRE(ed != NULL);
	CHECK_INT(edit_set_utf8(ed, s), 0);
	CHECK_STR(text_of(ed), s);
	CHECK_INT(edit_utf8_size(ed), strlen(s));
	CHECK_INT(edit_length(ed), 22);
	CHECK_INT(edit_cursor(ed), 22);

	/* 𠀀 is one character, two columns. */
	CHECK_INT(edit_set_utf8(ed, "\xF0\xA0\x80\x80"
	                            "a"),
	          0);
	CHECK_INT(edit_length(ed), 2);
	int cc;
	edit_left(ed);
	view(ed, 10, &cc);
	CHECK_INT(cc, 2);
	edit_left(ed);
	CHECK_INT(edit_insert(ed, L'𠀁'), EDIT_OK);
	CHECK_STR(text_of(ed), "\xF0\xA0\x80\x81\xF0\xA0\x80\x80"
	                       "a");

	/* The buffer must hold the text and its NUL. */
	char small[10];
	memset(small, 'x', sizeof small);
	CHECK_INT(edit_get_utf8(ed, small, 9), -1);
	CHECK_INT(small[0], '\0');
	CHECK_INT(edit_get_utf8(ed, small, 10), 9);
	CHECK_INT(edit_get_utf8(ed, NULL, 10), -1);
	CHECK_INT(edit_get_utf8(ed, small, 0), -1);

	/* A failed set keeps the old text; NULL empties. */
	CHECK_INT(edit_set_utf8(ed, "\xC3"), -1);
	CHECK_INT(edit_length(ed), 3);
	CHECK_INT(edit_set_utf8(ed, NULL), 0);
	CHECK_INT(edit_length(ed), 0);
	CHECK_INT(edit_get_utf8(ed, small, 1), 0);
	CHECK_STR(small, "");
	CHECK_INT(edit_set_utf8(ed, ""), 0);
	edit_free(ed);
}
IN_BOTH_LOCALES(utf8_round_trip)

static void ime_burst_is_one_insert(void)
{
	edit *ed = edit_new(20);
	REQUIRE(ed != NULL);
	type(ed, L"张丰");
	edit_left(ed);
	CHECK_INT(edit_insert_utf8(ed, "三"), EDIT_OK);
	CHECK_STR(text_of(ed), "张三丰");
	CHECK_INT(edit_cursor(ed), 2);
	/* Several characters committed at once land together, cursor after. */
	CHECK_INT(edit_insert_utf8(ed, "，李四，王五"), EDIT_OK);
	CHECK_STR(text_of(ed), "张三，李四，王五丰");
	CHECK_INT(edit_cursor(ed), 8);
	int cc;
	CHECK_STR(view(ed, 20, &cc), "张三，李四，王五丰  ");
	CHECK_INT(cc, 16);
	/* A burst may open with a mark for the character already typed. */
	edit_end(ed);
	CHECK_INT(edit_insert_utf8(ed, "\xCC\x81"
	                               "x"),
	          EDIT_OK);
	CHECK_INT(edit_length(ed), 10);
	CHECK_STR(text_of(ed), "张三，李四，王五丰\xCC\x81"
	                       "x");
	edit_free(ed);
}
IN_BOTH_LOCALES(ime_burst_is_one_insert)

/* rows of a memo view, as UTF-8 joined by '|', cursor in *r, *c */
static const char *memo(edit *ed, int rows, int cols, int *r, int *c, int *total)
{
	static wchar_t out[8 * EDIT_VIEW_LEN(40)];
	static char buf[8 * EDIT_VIEW_LEN(40) * 4];
	size_t line = EDIT_VIEW_LEN(40);
	if (rows > 8 || cols > 40)
		return "(too big)";
	*total = edit_view_lines(ed, rows, cols, out, line, r, c);
	size_t used = 0;
	for (int i = 0; i < rows; i++) {
		if (columns(out + (size_t)i * line) != cols)
			return "(wrong width)";
		if (i > 0)
			buf[used++] = '|';
		u8(out + (size_t)i * line, buf + used, sizeof buf - used);
		used += strlen(buf + used);
	}
	return buf;
}

static void memo_wraps_and_moves_by_line(void)
{
	edit *ed = edit_new_multiline(100);
	REQUIRE(ed != NULL);
	CHECK(edit_is_multiline(ed));
	int r, c, total;
	type(ed, L"一二三\n四五六七八九十");
	CHECK_STR(memo(ed, 3, 8, &r, &c, &total), "一二三  |四五六七|八九十  ");
	CHECK_INT(total, 3);
	CHECK_INT(r, 2);
	CHECK_INT(c, 6);

	/* Up keeps the column; at the end of a line it stops before '\n'. */
	CHECK_INT(edit_up(ed, 8), 1);
	CHECK_INT(edit_cursor(ed), 7);
	memo(ed, 3, 8, &r, &c, &total);
	CHECK_INT(r, 1);
	CHECK_INT(c, 6);
	CHECK_INT(edit_up(ed, 8), 1);
	CHECK_INT(edit_cursor(ed), 3);
	CHECK_INT(edit_up(ed, 8), 0);
	CHECK_INT(edit_cursor(ed), 3);
	CHECK_INT(edit_down(ed, 8), 1);
	CHECK_INT(edit_down(ed, 8), 1);
	CHECK_INT(edit_cursor(ed), 11);
	CHECK_INT(edit_down(ed, 8), 0);

	/* Home and End work on the line, not the whole memo. */
	edit_home(ed);
	CHECK_INT(edit_cursor(ed), 4);
	edit_up(ed, 8);
	edit_end(ed);
	CHECK_INT(edit_cursor(ed), 3);

	/* A short line in between: the column is remembered past it. */
	CHECK_INT(edit_set_utf8(ed, "一二三四\n五\n六七八九"), 0);
	memo(ed, 3, 10, &r, &c, &total);
	CHECK_INT(c, 8);
	CHECK_INT(edit_up(ed, 10), 1);
	CHECK_INT(edit_cursor(ed), 6);
	memo(ed, 3, 10, &r, &c, &total);
	CHECK_INT(r, 1);
	CHECK_INT(c, 2);
	CHECK_INT(edit_up(ed, 10), 1);
	CHECK_INT(edit_cursor(ed), 4);
	/* Any other move forgets it. */
	edit_left(ed);
	CHECK_INT(edit_down(ed, 10), 1);
	CHECK_INT(edit_cursor(ed), 6);

	/* A column in the middle of a wide character lands before it. */
	CHECK_INT(edit_set_utf8(ed, "abc\n张三"), 0);
	edit_set_cursor(ed, 1);
	CHECK_INT(edit_down(ed, 10), 1);
	CHECK_INT(edit_cursor(ed), 4);

	/* A line that fills the box puts the cursor at the start of the next. */
	CHECK_INT(edit_set_utf8(ed, "一二三四"), 0);
	CHECK_STR(memo(ed, 2, 8, &r, &c, &total), "一二三四|        ");
	CHECK_INT(total, 2);
	CHECK_INT(r, 1);
	CHECK_INT(c, 0);

	/* A wide character never starts in the last column. */
	CHECK_INT(edit_set_utf8(ed, "abc张三"), 0);
	edit_home(ed);
	CHECK_STR(memo(ed, 2, 4, &r, &c, &total), "abc |张三");
	CHECK_INT(total, 3);
	edit_free(ed);
}
IN_BOTH_LOCALES(memo_wraps_and_moves_by_line)

static void memo_scrolls_to_the_cursor(void)
{
	edit *ed = edit_new_multiline(100);
	REQUIRE(ed != NULL);
	int r, c, total;
	CHECK_INT(edit_insert_utf8(ed, "甲\r\n乙\r丙\n丁"), EDIT_OK);
	CHECK_STR(text_of(ed), "甲\n乙\n丙\n丁");
	CHECK_STR(memo(ed, 2, 6, &r, &c, &total), "丙    |丁    ");
	CHECK_INT(total, 4);
	CHECK_INT(r, 1);
	CHECK_INT(edit_first_line(ed), 2);
	edit_up(ed, 6);
	CHECK_STR(memo(ed, 2, 6, &r, &c, &total), "丙    |丁    ");
	CHECK_INT(r, 0);
	edit_up(ed, 6);
	CHECK_STR(memo(ed, 2, 6, &r, &c, &total), "乙    |丙    ");
	CHECK_INT(r, 0);
	CHECK_INT(edit_first_line(ed), 1);
	edit_up(ed, 6);
	CHECK_STR(memo(ed, 2, 6, &r, &c, &total), "甲    |乙    ");
	CHECK_INT(r, 0);
	/* Back down inside the window: it stays where it is. */
	edit_down(ed, 6);
	CHECK_STR(memo(ed, 2, 6, &r, &c, &total), "甲    |乙    ");
	CHECK_INT(r, 1);
	/* Deleting lines pulls the window back so no row is wasted. */
	edit_end(ed);
	edit_clear(ed);
	type(ed, L"甲\n乙\n丙");
	memo(ed, 2, 6, &r, &c, &total);
	CHECK_INT(edit_first_line(ed), 1);
	edit_backspace(ed);
	edit_backspace(ed);
	CHECK_STR(memo(ed, 2, 6, &r, &c, &total), "甲    |乙    ");
	CHECK_INT(edit_first_line(ed), 0);

	/* Breaks and marks: a mark cannot sit on a line break; '\n' counts. */
	CHECK_INT(edit_insert(ed, L'\n'), EDIT_OK);
	CHECK_INT(edit_insert(ed, 0x0301), EDIT_INVALID);
	CHECK_INT(edit_insert_utf8(ed, "\n\xCC\x81"), EDIT_INVALID);
	CHECK_INT(edit_insert(ed, L'\r'), EDIT_INVALID);
	CHECK_INT(edit_length(ed), 4);
	edit_free(ed);

	ed = edit_new_multiline(3);
	REQUIRE(ed != NULL);
	CHECK_INT(edit_insert_utf8(ed, "a\nb"), EDIT_OK);
	CHECK_INT(edit_insert(ed, L'\n'), EDIT_FULL);
	/* Single-line view of a memo shows breaks as spaces. */
	int cc;
	CHECK_STR(view(ed, 5, &cc), "a b  ");
	CHECK_INT(cc, 3);
	edit_free(ed);
}
IN_BOTH_LOCALES(memo_scrolls_to_the_cursor)

/*
 * Thousands of random keystrokes, pastes and box sizes: the view is always
 * exactly as wide as the box with the cursor inside, and the text survives a
 * UTF-8 round trip.
 */
static void random_edits_keep_the_rules(void)
{
	static const wchar_t pool[] = {L'a',    L'张', L'“',   0x0301, L'\n', 0x1F600,
	                               0x20000, 0x01,  0x200D, L' ',   L'〓', L'·'};
	static const char *pastes[] = {"李四", "\xCC\x81", "a\r\nb", "\xFF",
	                               "一二三四五六七八九十"};
	edit *ed = edit_new_multiline(40);
	edit *copy = edit_new_multiline(40);
	REQUIRE(ed != NULL && copy != NULL);
	unsigned seed = 12345;
	int bad = 0;
	for (int step = 0; step < 20000 && bad < 5; step++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		switch (r % 12) {
		case 0:
		case 1:
		case 2:
			edit_insert(ed, pool[(r >> 4) % (sizeof pool / sizeof pool[0])]);
			break;
		case 3:
			edit_insert_utf8(ed, pastes[(r >> 4) % (sizeof pastes / sizeof pastes[0])]);
			break;
		case 4:
			edit_left(ed);
			break;
		case 5:
			edit_right(ed);
			break;
		case 6:
			edit_backspace(ed);
			break;
		case 7:
			edit_delete(ed);
			break;
		case 8:
			(r >> 4) % 2 ? edit_home(ed) : edit_end(ed);
			break;
		case 9:
			(r >> 4) % 2 ? edit_up(ed, 1 + (int)(r >> 5) % 12)
			             : edit_down(ed, 1 + (int)(r >> 5) % 12);
			break;
		case 10:
			if ((r >> 4) % 50 == 0)
				edit_clear(ed);
			break;
		default:
			edit_set_cursor(ed, (int)(r >> 4) % 45 - 2);
			break;
		}
		int len = edit_length(ed), cur = edit_cursor(ed);
		if (len < 0 || len > 40 || cur < 0 || cur > len)
			bad++;
		int cols = 1 + (int)(r >> 12) % 30, rows = 1 + (int)(r >> 18) % 5, cc = -1, cr = -1;
		wchar_t out[5 * EDIT_VIEW_LEN(30)];
		edit_view(ed, cols, out, EDIT_VIEW_LEN(30), &cc);
		if (columns(out) != cols || cc < 0 || cc >= cols)
			bad++;
		edit_view_lines(ed, rows, cols, out, EDIT_VIEW_LEN(30), &cr, &cc);
		for (int i = 0; i < rows; i++)
			if (columns(out + (size_t)i * EDIT_VIEW_LEN(30)) != cols)
				bad++;
		if (cr < 0 || cr >= rows || cc < 0 || cc >= cols)
			bad++;
		char a[512], b[512];
		if (edit_get_utf8(ed, a, sizeof a) < 0 || edit_set_utf8(copy, a) != 0 ||
		    edit_get_utf8(copy, b, sizeof b) < 0 || strcmp(a, b) != 0 ||
		    edit_length(copy) != len)
			bad++;
		if (bad)
			test_fail(__FILE__, __LINE__, "step %d: len %d cursor %d cols %d", step,
			          len, cur, cols);
	}
	edit_free(ed);
	edit_free(copy);
}
IN_BOTH_LOCALES(random_edits_keep_the_rules)

static void bad_arguments_never_crash(void)
{
	CHECK(edit_new(0) == NULL);
	CHECK(edit_new(-3) == NULL);
	CHECK(edit_new_multiline(0) == NULL);
	edit_free(NULL);
	CHECK_INT(edit_set_utf8(NULL, "a"), -1);
	char buf[8] = "x";
	CHECK_INT(edit_get_utf8(NULL, buf, sizeof buf), 0);
	CHECK_STR(buf, "");
	CHECK_INT(edit_length(NULL), 0);
	CHECK_INT(edit_cursor(NULL), 0);
	CHECK_INT(edit_insert(NULL, L'a'), EDIT_INVALID);
	CHECK_INT(edit_insert_utf8(NULL, "a"), EDIT_INVALID);
	CHECK(!edit_is_multiline(NULL));
	edit_left(NULL);
	edit_right(NULL);
	edit_home(NULL);
	edit_end(NULL);
	edit_backspace(NULL);
	edit_delete(NULL);
	edit_clear(NULL);
	edit_set_cursor(NULL, 1);
	CHECK_INT(edit_up(NULL, 5), 0);
	CHECK_INT(edit_down(NULL, 5), 0);
	CHECK_INT(edit_first_line(NULL), 0);
	wchar_t out[EDIT_VIEW_LEN(10)];
	int cc = 7;
	edit_view(NULL, 10, out, 4, &cc);
	CHECK_INT(cc, 0);
	CHECK(out[0] == L'\0');

	if (!use_locale(LOC_UTF8))
		return;
	edit *ed = edit_new(10);
	REQUIRE(ed != NULL);
	type(ed, L"张三丰李四");
	/* No room, no columns, a tiny buffer: always terminated, never past it. */
	edit_view(ed, 0, out, sizeof out / sizeof out[0], &cc);
	CHECK(out[0] == L'\0');
	edit_view(ed, -4, out, sizeof out / sizeof out[0], NULL);
	CHECK(out[0] == L'\0');
	for (size_t n = 1; n <= 6; n++) {
		for (size_t i = 0; i < sizeof out / sizeof out[0]; i++)
			out[i] = L'#';
		edit_view(ed, 10, out, n, &cc);
		CHECK_INT(wcslen(out), n - 1);
		CHECK(out[n] == L'#');
	}
	edit_view(ed, 10, NULL, 10, &cc);
	CHECK_INT(edit_view_lines(ed, 0, 10, out, 10, NULL, NULL), 0);
	CHECK_INT(edit_view_lines(ed, 2, 0, out, 10, NULL, NULL), 0);
	CHECK_INT(edit_view_lines(ed, 2, 10, NULL, 10, &cc, NULL), 2);
	CHECK_INT(edit_up(ed, 0), 0);
	/* A box one column wide: a wide character cannot be shown, but
	 * nothing breaks and the cursor stays inside. */
	wchar_t lines[3 * EDIT_VIEW_LEN(1)];
	int r = -1;
	CHECK_INT(edit_view_lines(ed, 3, 1, lines, EDIT_VIEW_LEN(1), &r, &cc), 6);
	CHECK_INT(cc, 0);
	CHECK_INT(columns(lines), 1);
	edit_view(ed, 1, out, sizeof out / sizeof out[0], &cc);
	CHECK_INT(cc, 0);
	CHECK_INT(columns(out), 1);
	edit_free(ed);
	setlocale(LC_CTYPE, "C");
}

TEST_MAIN(T(typing_zhang_san_feng_in_five_columns_utf8),
          T(typing_zhang_san_feng_in_five_columns_gb18030),
          T(moving_over_wide_and_combining_characters_utf8),
          T(moving_over_wide_and_combining_characters_gb18030),
          T(home_end_backspace_delete_at_both_ends_utf8),
          T(home_end_backspace_delete_at_both_ends_gb18030),
          T(ctrl_u_empties_the_field_and_the_view_utf8),
          T(ctrl_u_empties_the_field_and_the_view_gb18030),
          T(full_at_max_chars_changes_nothing_utf8), T(full_at_max_chars_changes_nothing_gb18030),
          T(invalid_characters_are_refused_utf8), T(invalid_characters_are_refused_gb18030),
          T(scrolling_thirty_characters_through_eleven_columns_utf8),
          T(scrolling_thirty_characters_through_eleven_columns_gb18030),
          T(quotes_change_width_with_the_locale), T(unmeasurable_character_counts_two_columns),
          T(utf8_round_trip_utf8), T(utf8_round_trip_gb18030), T(ime_burst_is_one_insert_utf8),
          T(ime_burst_is_one_insert_gb18030), T(memo_wraps_and_moves_by_line_utf8),
          T(memo_wraps_and_moves_by_line_gb18030), T(memo_scrolls_to_the_cursor_utf8),
          T(memo_scrolls_to_the_cursor_gb18030), T(random_edits_keep_the_rules_utf8),
          T(random_edits_keep_the_rules_gb18030), T(bad_arguments_never_crash))
