/*
 * Screen tests of the administrator's 数据导出 and 数据导入, driving the real
 * laobao on a pty at 80x24 under zh_CN.UTF-8 and zh_CN.GB18030: the menu
 * offers both to the administrator only; the next batch is written from
 * the form with the progress box drawn, shown with its manifest hash and
 * listed; its files are one F6 away; a second export finds nothing new.
 * Another office imports the package from its own screen and sees the
 * report; importing it again says it was imported; a path that is not
 * there is refused on the field.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "locale/enc.h"
#include "tests/screen.h"

/* The first column of the first row of sql over db, into out ("" if none). */
static void xs_query(const char *db, const char *sql, char *out, size_t size)
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

/* 1 if the program sent utf8 (in the terminal's encoding) since the last mark. */
static int xs_sent(vt *v, const char *locale, const char *utf8)
{
	if (strstr(locale, "UTF-8") != NULL)
		return screen_raw_has(v, utf8);
	char *out = NULL, *z = NULL;
	size_t n = 0;
	int has = 0;
	if (enc_from_utf8(ENC_GB18030, utf8, strlen(utf8), &out, &n, NULL, NULL) == ERR_OK &&
	    (z = malloc(n + 1)) != NULL) {
		memcpy(z, out, n);
		z[n] = '\0';
		has = screen_raw_has(v, z);
	}
	free(out);
	free(z);
	return has;
}

static vt *xs_login(const char *db, const char *locale, const char *user)
{
	screen_opts o = {.locale = locale};
	vt *v = screen_start(db, &o);
	if (v == NULL)
		return NULL;
	if (!screen_login(v, user, "demo", "主菜单")) {
		test_fail(__FILE__, __LINE__, "cannot log in (%s)", screen_short(locale));
		vt_dump(v, stdout);
		vt_free(v);
		return NULL;
	}
	return v;
}

/* Export from the screen into out; returns the package path (static) or NULL. */
static const char *xs_export(const char *db, const char *locale, const char *out)
{
	static char path[4400];
	char hash[80] = "", rows[32] = "";
	vt *v = xs_login(db, locale, "demo");
	if (v == NULL)
		return NULL;
	/* the administrator's menu has both, ready */
	CHECK_SCREEN(v, vt_contains(v, "6  数据导出（上报）") && vt_contains(v, "7  数据导入"));
	CHECK_SCREEN(v, !vt_contains(v, "数据导出（上报）（建设中）") &&
	                    !vt_contains(v, "数据导入（建设中）"));
	CHECK(screen_type(v, "6") && vt_wait_text(v, "数据导出批次", SCREEN_WAIT_MS));
	CHECK_SCREEN(v,
	             vt_contains(v, "没有找到符合条件的记录") && vt_contains(v, "F5 导出下一批"));
	CHECK(screen_key(v, VT_KEY_F5) && vt_wait_text(v, "输出文件夹", SCREEN_WAIT_MS));
	/* a folder that is not there is refused on the field */
	CHECK(screen_type(v, "/no/such/folder") && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_wait_text(v, "不是已有的文件夹", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_CTRL('u')));
	CHECK(screen_type(v, out) && screen_key(v, VT_KEY_ENTER));
	vt_bytes_mark(v);
	CHECK(screen_key(v, VT_KEY_F2));
	CHECK_SCREEN(v, vt_wait_text(v, "已导出第 1 批", SCREEN_WAIT_MS));
	/* the progress box was drawn while it ran, and ended full */
	CHECK(xs_sent(v, locale, "正在导出"));
	CHECK(xs_sent(v, locale, "100%"));
	xs_query(db, "SELECT manifest_sha256 FROM export_batches WHERE batch = 1", hash,
	         sizeof hash);
	xs_query(db, "SELECT rows FROM export_batches WHERE batch = 1", rows, sizeof rows);
	CHECK(strlen(hash) == 64);
	/* the hash is whole: too long for the line, it goes on over the next */
	char head[48], tail[32];
	snprintf(head, sizeof head, "%.40s", hash);
	snprintf(tail, sizeof tail, "%s", hash + 52);
	CHECK_SCREEN(v, vt_contains(v, "清单 SHA-256") && vt_contains(v, head) &&
	                    vt_contains(v, tail));
	CHECK_SCREEN(v, vt_contains(v, "已写出") && vt_contains(v, out));
	/* the batch is not edited again: no F2 on the bar */
	CHECK_SCREEN(v, !vt_contains(v, "F2"));
	/* back in the list: the batch with its count and the start of its hash */
	CHECK(screen_key(v, VT_KEY_ESC) && vt_wait_text(v, "数据导出批次", SCREEN_WAIT_MS));
	char start[20];
	snprintf(start, sizeof start, "%.12s", hash);
	CHECK_SCREEN(v, vt_contains(v, start) && vt_contains(v, rows));
	/* opened: F6 lists the files */
	CHECK(screen_key(v, VT_KEY_ENTER) && vt_wait_text(v, "变更序号", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_F6));
	CHECK_SCREEN(v, vt_wait_text(v, "文件（", SCREEN_WAIT_MS));
	CHECK_SCREEN(v, vt_contains(v, "重新写出此批次") && !vt_contains(v, "不可用"));
	CHECK(screen_key(v, VT_KEY_DOWN) && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_wait_text(v, "persons.csv", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_ESC) && screen_key(v, VT_KEY_ESC));
	/* nothing changed since: said so, nothing written */
	CHECK(vt_wait_text(v, "数据导出批次", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_F5) && vt_wait_text(v, "输出文件夹", SCREEN_WAIT_MS));
	CHECK(screen_type(v, out) && screen_key(v, VT_KEY_F2));
	CHECK_SCREEN(v, vt_wait_text(v, "没有新的变更", SCREEN_WAIT_MS));
	char n[16];
	xs_query(db, "SELECT count(*) FROM export_batches", n, sizeof n);
	CHECK_STR(n, "1");
	vt_free(v);
	char office[32];
	xs_query(db, "SELECT value FROM settings WHERE key = 'office.default'", office,
	         sizeof office);
	snprintf(path, sizeof path, "%s/laobao-%s-000001", out, office);
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? path : NULL;
}

/* Office B: its own office and an administrator demo/demo, no data. */
static int xs_office_b(const char *db)
{
	static const char *const init[] = {"init",          "--office",     "110101-09",
	                                   "--office-name", "乙劳动保障所", NULL};
	static const char *const add[] = {"user",       "add",    "demo",  "--name",
	                                  "乙所管理员", "--role", "admin", "--password-stdin",
	                                  NULL};
	return screen_cli(db, NULL, init) == 0 && screen_cli(db, "demo\n", add) == 0;
}

static void xs_import(const char *db, const char *locale, const char *pkg, const char *from)
{
	vt *v = xs_login(db, locale, "demo");
	if (v == NULL)
		return;
	CHECK(screen_type(v, "7") && vt_wait_text(v, "数据导入记录", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_F5) && vt_wait_text(v, "私钥文件", SCREEN_WAIT_MS));
	CHECK(screen_type(v, "/no/such/package") && screen_key(v, VT_KEY_ENTER));
	CHECK_SCREEN(v, vt_wait_text(v, "文件或文件夹不存在", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_CTRL('u')));
	CHECK(screen_type(v, pkg) && screen_key(v, VT_KEY_ENTER));
	vt_bytes_mark(v);
	CHECK(screen_key(v, VT_KEY_F2));
	CHECK_SCREEN(v, vt_wait_text(v, "已导入", SCREEN_WAIT_MS));
	CHECK(xs_sent(v, locale, "正在校验"));
	char inserted[32], persons[32];
	xs_query(db, "SELECT inserted FROM import_log", inserted, sizeof inserted);
	xs_query(db, "SELECT count(*) FROM persons", persons, sizeof persons);
	CHECK(atoi(persons) == 200);
	CHECK_SCREEN(v, vt_contains(v, "新增：") && vt_contains(v, inserted));
	CHECK_SCREEN(v, vt_contains(v, "来自机构") && vt_contains(v, from));
	CHECK_SCREEN(v, vt_contains(v, "导入报告"));
	/* the conflicts list is one F6 away: none here */
	CHECK(screen_key(v, VT_KEY_F6));
	CHECK_SCREEN(v, vt_wait_text(v, "冲突", SCREEN_WAIT_MS));
	CHECK(screen_key(v, VT_KEY_ESC) && screen_key(v, VT_KEY_ESC));
	/* listed; the same package again changes nothing and says so */
	CHECK_SCREEN(v, vt_wait_text(v, "数据导入记录", SCREEN_WAIT_MS) && vt_contains(v, from));
	CHECK(screen_key(v, VT_KEY_F5) && vt_wait_text(v, "私钥文件", SCREEN_WAIT_MS));
	CHECK(screen_type(v, pkg) && screen_key(v, VT_KEY_F2));
	CHECK_SCREEN(v, vt_wait_text(v, "导入过", SCREEN_WAIT_MS));
	char n[16];
	xs_query(db, "SELECT count(*) FROM import_log", n, sizeof n);
	CHECK_STR(n, "1");
	vt_free(v);
}

static void xs_round_trip(const char *locale)
{
	char a[4300], b[4300], out[4300];
	if (screen_make_db(a, sizeof a) != 0)
		return;
	snprintf(b, sizeof b, "%s/b.db", test_tmpdir());
	snprintf(out, sizeof out, "%s/upload", test_tmpdir());
	mkdir(out, 0700);
	REQUIRE(xs_office_b(b));
	if (!vt_locale_available(locale)) {
		test_skip("locale not installed and localedef cannot build it");
		return;
	}
	const char *pkg = xs_export(a, locale, out);
	REQUIRE(pkg != NULL);
	char keep[4400], from[32];
	snprintf(keep, sizeof keep, "%s", pkg);
	xs_query(a, "SELECT value FROM settings WHERE key = 'office.default'", from, sizeof from);
	xs_import(b, locale, keep, from);
}

/* A caseworker sees neither. */
static void caseworker_has_neither(void)
{
	char a[4300];
	if (screen_make_db(a, sizeof a) != 0)
		return;
	static const char *const add[] = {"user",   "add",    "clerk",      "--name",
	                                  "经办员", "--role", "caseworker", "--password-stdin",
	                                  NULL};
	REQUIRE(screen_cli(a, "demo\n", add) == 0);
	vt *v = xs_login(a, SCREEN_UTF8, "clerk");
	if (v == NULL)
		return;
	CHECK_SCREEN(v, vt_contains(v, "失业登记") && !vt_contains(v, "数据导出") &&
	                    !vt_contains(v, "数据导入"));
	CHECK(screen_type(v, "6"));
	CHECK_SCREEN(v, !vt_contains(v, "数据导出批次"));
	vt_free(v);
}

static void round_trip_utf8(void)
{
	xs_round_trip(SCREEN_UTF8);
}

static void round_trip_gb18030(void)
{
	xs_round_trip(SCREEN_GB18030);
}

TEST_MAIN(T(round_trip_utf8), T(round_trip_gb18030), T(caseworker_has_neither))
