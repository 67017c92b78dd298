/*
 * Screen tests of the person form and list, driving the real laobao on a
 * pty under zh_CN.UTF-8 and zh_CN.GB18030: opening the form from the menu,
 * typing Chinese, a refused keystroke, an invalid 公民身份号码 (the message
 * names the field and the cursor stays), the 民族 picklist found by pinyin
 * initials, saving and finding the person again by initials, the cursor
 * sent to a missing required field, and paste.
 */
#include <stdlib.h>

#include "tests/screen.h"

/* An 18-digit ID with a correct check digit from its first 17 digits. */
static void form_make_id(const char *first17, char out[19])
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (first17[i] - '0') * w[i];
	memcpy(out, first17, 17);
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
}

/* Log in and open a new person form from the menu's 人员信息 list. */
static vt *form_open_new(const char *db, const char *locale)
{
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return NULL;
	if (!screen_login(v, "demo", "demo", "主菜单") || !screen_type(v, "1") ||
	    !vt_wait_text(v, "人员查询", SCREEN_WAIT_MS) || !screen_key(v, VT_KEY_F5) ||
	    !vt_wait_text(v, "人员基本信息", SCREEN_WAIT_MS)) {
		test_fail(__FILE__, __LINE__, "cannot open the person form");
		vt_dump(v, stdout);
		vt_free(v);
		return NULL;
	}
	return v;
}

/* Row of a field's label on the screen, or -1. */
static int form_row(vt *v, const char *label)
{
	int r = -1, c = -1;
	char want[64];
	snprintf(want, sizeof want, "%s：", label);
	return vt_find(v, want, &r, &c) ? r : -1;
}

#define BOX_X 19 /* first column inside the input boxes of the person form */

static void new_person(const char *locale)
{
	char db[4200], id[19];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = form_open_new(db, locale);
	if (v == NULL)
		return;
	/* Labels on the left, boxes on the right, the caret in the first box. */
	int r_id = form_row(v, "公民身份号码"), r_name = form_row(v, "姓名");
	CHECK_SCREEN(v, r_id == 2 && r_name == 3);
	CHECK_SCREEN(v, screen_at(v, "*公民身份号码：", 2, 2));
	CHECK_SCREEN(v, screen_at(v, "民族：", form_row(v, "民族"), 3));
	CHECK(screen_cursor_at(v, r_id, BOX_X) && vt_cursor_visible(v));
	CHECK_SCREEN(v, vt_contains(v, "F2保存") && vt_contains(v, "F4选择"));

	/* A wrong check digit: the message names the field, the cursor stays. */
	form_make_id("65010419850612771", id);
	char bad[19];
	memcpy(bad, id, 19);
	bad[17] = bad[17] == '0' ? '1' : '0';
	CHECK(screen_type(v, bad));
	CHECK_SCREEN(v, screen_at(v, bad, r_id, BOX_X));
	CHECK(screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v,
	             screen_at(v, "公民身份号码：校验位错误", 21, 1) && vt_contains(v, "17位）"));
	CHECK(screen_cursor_at(v, r_id, BOX_X + 18));
	/* A letter is refused as it is typed, with the reason. */
	CHECK(screen_key(v, VT_CTRL('u')) && screen_type(v, "1a"));
	CHECK_SCREEN(v, vt_contains(v, "公民身份号码") && vt_contains(v, "只能输入数字和X"));
	CHECK(screen_cursor_at(v, r_id, BOX_X + 1));
	CHECK(screen_key(v, VT_CTRL('u')) && screen_type(v, id) && screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, !vt_contains(v, "校验位"));
	CHECK(screen_cursor_at(v, r_name, BOX_X));
	/* Sex and birth date come from the number. */
	CHECK_SCREEN(v, screen_at(v, "男", form_row(v, "性别"), BOX_X));
	CHECK_SCREEN(v, screen_at(v, "1985-06-12", form_row(v, "出生日期"), BOX_X));

	/* Chinese one character at a time: two columns each. */
	CHECK(screen_type(v, "张"));
	CHECK(screen_cursor_at(v, r_name, BOX_X + 2));
	CHECK(screen_type(v, "三"));
	CHECK(screen_type(v, "丰"));
	CHECK(screen_cursor_at(v, r_name, BOX_X + 6));
	CHECK_SCREEN(v, screen_at(v, "张三丰", r_name, BOX_X));
	vt_cell c;
	CHECK(vt_cell_at(v, r_name, BOX_X + 2, &c) == 0 && c.width == 2 && !strcmp(c.text, "三"));
	/* No digits in a name: refused with the field named. */
	CHECK(screen_type(v, "3"));
	CHECK_SCREEN(v, vt_contains(v, "姓名：") && vt_contains(v, "只能填写汉字"));
	CHECK(screen_cursor_at(v, r_name, BOX_X + 6));
	CHECK(screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, screen_at(v, "zsf", form_row(v, "拼音简码"), BOX_X));

	/* 民族 by pinyin initials in the picklist. */
	int r_eth = form_row(v, "民族");
	CHECK(screen_cursor_at(v, r_eth, BOX_X));
	CHECK(screen_key(v, VT_KEY_F4));
	CHECK_SCREEN(v, vt_contains(v, "选择民族") && vt_contains(v, "筛选："));
	CHECK(screen_type(v, "mgz"));
	CHECK_SCREEN(v, vt_contains(v, "蒙古族") && !vt_contains(v, "汉族"));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, !vt_contains(v, "筛选："));
	CHECK_SCREEN(v, screen_at(v, "02", r_eth, BOX_X) && vt_contains(v, "蒙古族"));
	/* Again, "hz" offers 汉族 among others; the first is picked. */
	CHECK(screen_key(v, VT_CTRL('u')) && screen_key(v, VT_CTRL('t')));
	CHECK(screen_type(v, "hz"));
	CHECK_SCREEN(v, vt_contains(v, "汉族") && vt_contains(v, "回族"));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, screen_at(v, "01", r_eth, BOX_X) && vt_contains(v, "汉族"));

	/* Save, then find the person by initials in the list. */
	CHECK(screen_key(v, VT_KEY_F2));
	CHECK_SCREEN(v, screen_at(v, "已保存", 22, 1));
	CHECK(screen_key(v, VT_KEY_ESC));
	CHECK(vt_wait_text(v, "人员查询", SCREEN_WAIT_MS));
	CHECK(screen_type(v, "zsf"));
	CHECK_SCREEN(v, vt_contains(v, id) && vt_contains(v, "张三丰"));
	CHECK(screen_key(v, VT_KEY_ENTER));
	CHECK(vt_wait_text(v, "人员基本信息", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, screen_at(v, id, r_id, BOX_X) && screen_at(v, "张三丰", r_name, BOX_X));
	CHECK_SCREEN(v, vt_contains(v, "汉族"));
	vt_free(v);
}

static void new_person_utf8(void)
{
	new_person(SCREEN_UTF8);
}

static void new_person_gb18030(void)
{
	new_person(SCREEN_GB18030);
}

/* F2 with a required field empty: the cursor goes there and the message names it. */
static void required_field(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = form_open_new(db, locale);
	if (v == NULL)
		return;
	int r_id = form_row(v, "公民身份号码"), r_phone = form_row(v, "联系电话");
	char id[19];
	form_make_id("65010419920101123", id);
	CHECK(screen_type(v, id));
	/* Straight to 联系电话 and save with 姓名 empty. */
	for (int i = 0; i < 20 && !screen_cursor_is(v, r_phone, BOX_X); i++)
		CHECK(screen_key(v, VT_KEY_TAB));
	CHECK(screen_type(v, "13800138000"));
	CHECK(screen_key(v, VT_CTRL('o')));
	CHECK_SCREEN(v, vt_contains(v, "姓名：必须填写"));
	CHECK(screen_cursor_at(v, form_row(v, "姓名"), BOX_X));
	(void)r_id;
	/* A bad phone number is named too, and the cursor stays on it. */
	for (int i = 0; i < 20 && !screen_cursor_is(v, r_phone, BOX_X + 11); i++)
		CHECK(screen_key(v, VT_KEY_TAB));
	CHECK(screen_key(v, VT_KEY_BACKSPACE) && screen_key(v, VT_KEY_TAB));
	CHECK_SCREEN(v, vt_contains(v, "联系电话："));
	CHECK(screen_cursor_at(v, r_phone, BOX_X + 10));
	vt_free(v);
}

static void required_field_utf8(void)
{
	required_field(SCREEN_UTF8);
}

static void required_field_gb18030(void)
{
	required_field(SCREEN_GB18030);
}

/* Bracketed paste: a burst in one frame, and a pasted line end does not move on. */
static void paste_into_field(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = form_open_new(db, locale);
	if (v == NULL)
		return;
	int r_name = form_row(v, "姓名"), r_addr = form_row(v, "现住址");
	CHECK(screen_key(v, VT_KEY_TAB));
	CHECK(vt_paste(v, "欧阳娜娜\n") == 0 && vt_wait_idle(v, SCREEN_WAIT_MS));
	CHECK_SCREEN(v, screen_at(v, "欧阳娜娜", r_name, BOX_X));
	CHECK(screen_cursor_at(v, r_name, BOX_X + 8));
	/* Digits in a pasted name: refused whole, nothing inserted. */
	CHECK(screen_key(v, VT_CTRL('u')));
	CHECK(vt_paste(v, "张3") == 0 && vt_wait_idle(v, SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "只能填写汉字") && !vt_contains(v, "张3"));
	CHECK(screen_cursor_at(v, r_name, BOX_X));
	/* An IME burst: several characters in one read, one frame. */
	CHECK(vt_wait_idle(v, SCREEN_WAIT_MS));
	unsigned long frames = vt_frames(v);
	CHECK(vt_type(v, "买买提·艾力") == 0 && vt_wait_idle(v, SCREEN_WAIT_MS));
	CHECK_INT(vt_frames(v) - frames, 1);
	CHECK_SCREEN(v, screen_at(v, "买买提", r_name, BOX_X) && vt_contains(v, "艾力"));
	/* Two lines pasted into an address become one line. */
	for (int i = 0; i < 20 && !screen_cursor_is(v, r_addr, BOX_X); i++)
		CHECK(screen_key(v, VT_KEY_TAB));
	CHECK(vt_paste(v, "湖北省武汉市\n江岸区") == 0 && vt_wait_idle(v, SCREEN_WAIT_MS));
	CHECK_SCREEN(v, screen_at(v, "湖北省武汉市 江岸区", r_addr, BOX_X));
	CHECK(screen_cursor_at(v, r_addr, BOX_X + 19));
	vt_free(v);
}

static void paste_into_field_utf8(void)
{
	paste_into_field(SCREEN_UTF8);
}

static void paste_into_field_gb18030(void)
{
	paste_into_field(SCREEN_GB18030);
}

/* 备注 is a memo: Enter breaks the line, Up/Down move by line, Tab leaves. */
static void memo_field(const char *locale)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = form_open_new(db, locale);
	if (v == NULL)
		return;
	int r_memo = form_row(v, "备注");
	for (int i = 0; i < 20 && !screen_cursor_is(v, r_memo, BOX_X); i++)
		CHECK(screen_key(v, VT_KEY_BTAB));
	CHECK(screen_type(v, "第一行") && screen_key(v, VT_KEY_ENTER) && screen_type(v, "第二行"));
	CHECK_SCREEN(v, screen_at(v, "第一行 ", r_memo, BOX_X) &&
	                    screen_at(v, "第二行 ", r_memo + 1, BOX_X));
	CHECK(screen_cursor_at(v, r_memo + 1, BOX_X + 6));
	CHECK(screen_key(v, VT_KEY_UP));
	CHECK(screen_cursor_at(v, r_memo, BOX_X + 6));
	CHECK(screen_key(v, VT_KEY_UP)); /* from the first line: the field above */
	CHECK(screen_cursor_at(v, form_row(v, "电子邮箱"), BOX_X));
	CHECK_SCREEN(v, screen_at(v, "第一行 ", r_memo, BOX_X) &&
	                    screen_at(v, "第二行 ", r_memo + 1, BOX_X));
	vt_free(v);
}

static void memo_field_utf8(void)
{
	memo_field(SCREEN_UTF8);
}

static void memo_field_gb18030(void)
{
	memo_field(SCREEN_GB18030);
}

/* A character the locale cannot draw shows as 〓, in its two columns; the text is kept. */
static void unshowable_as_geta(void)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	vt *v = form_open_new(db, SCREEN_GB18030);
	if (v == NULL)
		return;
	int r_addr = form_row(v, "现住址");
	for (int i = 0; i < 20 && !screen_cursor_is(v, r_addr, BOX_X); i++)
		CHECK(screen_key(v, VT_KEY_TAB));
	CHECK(screen_type(v, "路") && screen_type(v, "\xF0\x9F\x98\x80") && screen_type(v, "号"));
	CHECK_SCREEN(v, screen_at(v, "路〓号", r_addr, BOX_X));
	CHECK(screen_cursor_at(v, r_addr, BOX_X + 6));
	vt_free(v);
}

/* A viewer sees only 人员信息 and can look but not change. */
static void viewer_reads_only(void)
{
	char db[4200];
	if (screen_make_db(db, sizeof db) != 0)
		return;
	static const char *const add[] = {"user",   "add",    "look",   "--name",
	                                  "查询员", "--role", "viewer", "--password-stdin",
	                                  NULL};
	REQUIRE(screen_cli(db, "look1234\n", add) == 0);
	vt *v = screen_start(db, NULL);
	if (v == NULL)
		return;
	CHECK(screen_login(v, "look", "look1234", "主菜单"));
	CHECK_SCREEN(v, vt_contains(v, "人员信息") && !vt_contains(v, "失业登记") &&
	                    vt_contains(v, "操作员：查询员"));
	CHECK(screen_type(v, "1") && vt_wait_text(v, "人员查询", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, !vt_contains(v, "F5新建"));
	CHECK(screen_key(v, VT_KEY_ENTER) && vt_wait_text(v, "人员基本信息", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, !vt_contains(v, "F2保存"));
	char before[128], after[128];
	vt_row_text(v, 3, before, sizeof before);
	CHECK(screen_key(v, VT_KEY_TAB) && screen_type(v, "王"));
	CHECK_SCREEN(v, vt_contains(v, "只能查看"));
	vt_row_text(v, 3, after, sizeof after);
	CHECK_STR(after, before);
	vt_free(v);
}

TEST_MAIN(T(new_person_utf8), T(new_person_gb18030), T(required_field_utf8),
          T(required_field_gb18030), T(paste_into_field_utf8), T(paste_into_field_gb18030),
          T(memo_field_utf8), T(memo_field_gb18030), T(unshowable_as_geta), T(viewer_reads_only))
