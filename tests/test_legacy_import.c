/*
 * Tests of loading legacy person lists: a GBK list as Excel saves it, with
 * good rows, every kind of bad row and a byte that is not GBK; the rejects
 * file names line, column and reason and keeps the row; running the list
 * again adds nothing; UTF-8 with BOM and GB18030 lists; lists that cannot
 * be read at all are refused with a clear error and change nothing.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "forms/date.h"
#include "forms/legacy_import.h"
#include "locale/enc.h"
#include "tests/test.h"

static char *const lenv[] = {"LAOBAO_TODAY=2026-11-25", "LAOBAO_NOW=2026-11-25T08:00:00Z",
                             "LAOBAO_DB=", NULL};

static char *in_dir(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static int put(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	int ok = fwrite(data, 1, n, f) == n;
	return fclose(f) == 0 && ok;
}

/* Write UTF-8 text to path in encoding enc, with `extra` raw bytes appended. */
static int put_enc(const char *path, enc_kind enc, const char *utf8, const char *extra,
                   size_t extra_len)
{
	char *out = NULL;
	size_t n = 0;
	if (enc == ENC_UTF8) {
		out = strdup(utf8);
		n = strlen(utf8);
	} else if (enc_from_utf8(enc, utf8, strlen(utf8), &out, &n, NULL, NULL) != ERR_OK) {
		return 0;
	}
	char *all = malloc(n + extra_len + 1);
	memcpy(all, out, n);
	memcpy(all + n, extra, extra_len);
	int ok = put(path, all, n + extra_len);
	free(out), free(all);
	return ok;
}

static char *get_utf8(const char *path, enc_kind enc)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	char *u = NULL;
	size_t ul;
	if (enc_to_utf8(enc, buf, n, &u, &ul, NULL, NULL) != ERR_OK)
		return NULL;
	return u;
}

static long long count(const char *path, const char *sql)
{
	sqlite3 *c = NULL;
	long long v = -1;
	if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(c);
	return v;
}

static err_code load(const char *dbpath, const char *list, enc_kind enc, legacy_import_result *r,
                     err_info *e)
{
	db *d = NULL;
	err_code c = db_open(dbpath, DB_OPEN_CREATE, &d, e);
	if (c != ERR_OK)
		return c;
	legacy_import_opts o = {.path = list, .enc = enc};
	date_from_ymd(2026, 11, 25, &o.today, NULL);
	c = legacy_import_persons(d, &o, r, e);
	db_close(d);
	return c;
}

/* The list of the tests: line numbers in comments. */
static const char gbk_list[] =
    "身份证号,姓名,性别,出生日期,民族,联系电话,住址\r\n"                                   /* 1 */
    "11010519491231002X,张秀英,女,1949-12-31,汉族,138 1234 5678,北京市朝阳区和平街1号\r\n" /* 2 */
    "110101900307123,李四,男,19900307,汉,010-12345678,\r\n"                                /* 3 */
    "110105194912310021,王五,女,,,,\r\n"                                                   /* 4 */
    "440305200002290512,Tom,男,,,,\r\n"                                                    /* 5 */
    "320106199211080266,赵敏,女,1992-02-30,,,\r\n"                                         /* 6 */
    "420102198506170035,钱六,女,,,,\r\n"                                                   /* 7 */
    "11010519491231002X,张秀英,女,,,,\r\n"                                                 /* 8 */
    "1.10105E+17,孙七,男,,,,\r\n"                                                          /* 9 */
    "440305200002290512,周八,男,,,,,多一列\r\n"                                            /* 10 */
    "\r\n"                                                                                 /* 11 */
    "420102198506170035,钱六,男,1985-06-17,回族,,\"湖北省武汉市\r\n江岸区\"\r\n" /* 12-13 */
    "11010519491231002X,张三,女,,,,\r\n"                                         /* 14 */
    "440305200002290512,欧阳·娜,男,,火星族,1234,\r\n"                            /* 15 */
    "320106199211080266,吴";                                                     /* 16 */
static const char gbk_tail[] = "\xff\xfe,\xc5\xae,,,,\r\n"         /* 16: 0xFF is no GBK byte */
                               "310101198001010018,陈明,,,,,\r\n"; /* 17 */

static void gbk_list_with_bad_rows_and_a_bad_byte(void)
{
	const char *dir = test_tmpdir();
	char *dbp = in_dir(dir, "l.db"), *list = in_dir(dir, "名单.csv");
	REQUIRE(put_enc(list, ENC_GBK, gbk_list, gbk_tail, sizeof gbk_tail - 1));
	legacy_import_result r;
	err_info e;
	REQUIRE(load(dbp, list, ENC_GBK, &r, &e) == ERR_OK);
	CHECK_INT(r.rows, 14);
	CHECK_INT(r.added, 3);
	CHECK_INT(r.existing, 1);
	CHECK_INT(r.rejected, 10);
	char *want = in_dir(dir, "名单.csv.rejects.csv");
	CHECK_STR(r.rejects_path, want);
	/* What went in: upgraded ID, codes and normalised values. */
	CHECK_INT(count(dbp, "SELECT count(*) FROM persons"), 3);
	CHECK_INT(count(dbp, "SELECT count(*) FROM persons WHERE id_no = '110101199003071233' AND "
	                     "name = '李四' AND birth_date = '1990-03-07' AND ethnicity = '01' AND "
	                     "phone = '010-12345678' AND name_py = 'ls'"),
	          1);
	CHECK_INT(count(dbp, "SELECT count(*) FROM persons WHERE id_no = '11010519491231002X' AND "
	                     "phone = '13812345678' AND sex = 2"),
	          1);
	CHECK_INT(count(dbp, "SELECT count(*) FROM persons WHERE id_no = '310101198001010018'"), 1);

	/* The rejects: GBK like the list, line, column, reason, the row as it was. */
	char *rej = get_utf8(want, ENC_GBK);
	REQUIRE(rej != NULL);
	CHECK(strncmp(
	          rej, "行号,错误列,原因,身份证号,姓名,性别,出生日期,民族,联系电话,住址\r\n",
	          strlen("行号,错误列,原因,身份证号,姓名,性别,出生日期,民族,联系电话,住址\r\n")) ==
	      0);
	CHECK(strstr(rej, "\r\n4,身份证号,身份证号：校验位错误") != NULL);
	CHECK(strstr(rej, ",110105194912310021,王五,女,,,,\r\n") != NULL);
	CHECK(strstr(rej, "\r\n5,姓名,姓名：不能含有英文字母") != NULL);
	CHECK(strstr(rej, "\r\n6,出生日期,出生日期：不是有效的日期") != NULL);
	CHECK(strstr(rej, "\r\n7,性别,性别：性别与公民身份号码不符（号码表明为男）") != NULL);
	CHECK(strstr(rej, "\r\n9,身份证号,身份证号：号码被 Excel 显示成了科学计数法") != NULL);
	CHECK(strstr(rej, "\r\n10,,这一行有 8 列，表头有 7 列,") != NULL);
	CHECK(strstr(rej, "\r\n12,住址,住址：不能含有控制字符") != NULL);
	CHECK(strstr(rej, "\r\n14,身份证号,"
	                  "身份证号：该公民身份号码已登记为另一姓名的人员（库中姓名为张秀英）") !=
	      NULL);
	/* Two faults in one row: both columns, both reasons. */
	CHECK(
	    strstr(rej, "\r\n15,民族、联系电话,民族：不是国家标准中的民族名称或代码；联系电话：") !=
	    NULL);
	/* The bad byte: its line and its place in the file. */
	char *raw_list = NULL;
	size_t gl = 0;
	REQUIRE(enc_from_utf8(ENC_GBK, gbk_list, strlen(gbk_list), &raw_list, &gl, NULL, NULL) ==
	        ERR_OK);
	char where[160];
	snprintf(where, sizeof where,
	         "\r\n16,,第16行、文件第%zu字节处的字节 FF FE 不是有效的 GBK 编码", gl + 1);
	CHECK(strstr(rej, where) != NULL);
	CHECK(strstr(rej, "\"320106199211080266,吴\\xFF\\xFE,女,,,,\"") != NULL);
	free(raw_list), free(rej);

	/* Run again: nothing added twice, the same rows rejected. */
	long long audit = count(dbp, "SELECT max(id) FROM audit_log");
	long long edits = count(dbp, "SELECT count(*) FROM audit_log WHERE action <> 'bulk'");
	REQUIRE(load(dbp, list, ENC_GBK, &r, &e) == ERR_OK);
	CHECK_INT(r.added, 0);
	CHECK_INT(r.existing, 4);
	CHECK_INT(r.rejected, 10);
	CHECK_INT(count(dbp, "SELECT count(*) FROM persons"), 3);
	CHECK_INT(count(dbp, "SELECT count(*) FROM audit_log WHERE action <> 'bulk'"), edits);
	CHECK(count(dbp, "SELECT max(id) FROM audit_log") <= audit + 1);

	/* The command line: exit 1 when rows were rejected, with the counts. */
	char *argv[] = {(char *)test_laobao(), "--db", dbp, "import-persons", list,
	                "--encoding",          "gbk",  NULL};
	char *out = NULL, *err = NULL;
	CHECK_INT(test_exec(argv, NULL, lenv, &out, &err), 1);
	CHECK(out != NULL && strstr(out, "新增 0 人，已登记 4 人，未导入 10 行") != NULL);
	CHECK(out != NULL && strstr(out, "rejects.csv") != NULL);
	free(out), free(err);
	free(dbp), free(list), free(want);
}

static void utf8_and_gb18030_lists(void)
{
	const char *dir = test_tmpdir();
	char *dbp = in_dir(dir, "l.db"), *u8 = in_dir(dir, "u8.csv"), *gb = in_dir(dir, "gb.csv");
	/* UTF-8 with a BOM, English headers, a name with a character GBK lacks. */
	REQUIRE(put_enc(u8, ENC_UTF8,
	                "\xEF\xBB\xBFid_no,name,remark\n"
	                "11010519491231002X,𠮷田·阿依古丽,甲\n"
	                "110101900307123,李四,\n",
	                "", 0));
	legacy_import_result r;
	err_info e;
	REQUIRE(load(dbp, u8, ENC_UTF8, &r, &e) == ERR_OK);
	CHECK_INT(r.added, 2);
	CHECK_INT(r.rejected, 0);
	CHECK_STR(r.rejects_path, "");
	CHECK_INT(count(dbp, "SELECT count(*) FROM persons WHERE name = '𠮷田·阿依古丽' AND "
	                     "remark = '甲'"),
	          1);
	/* GB18030 holds it too; a GBK reading of the same bytes is refused row by row. */
	REQUIRE(
	    put_enc(gb, ENC_GB18030, "姓名,公民身份号码\r\n𠮷野,320106199211080266\r\n", "", 0));
	REQUIRE(load(dbp, gb, ENC_GB18030, &r, &e) == ERR_OK);
	CHECK_INT(r.added, 1);
	char *db2 = in_dir(dir, "l2.db");
	REQUIRE(load(db2, gb, ENC_GBK, &r, &e) == ERR_OK);
	CHECK_INT(r.added, 0);
	CHECK_INT(r.rejected, 1);
	free(dbp), free(u8), free(gb), free(db2);
}

static void unreadable_lists_are_refused(void)
{
	const char *dir = test_tmpdir();
	char *dbp = in_dir(dir, "l.db"), *f = in_dir(dir, "x.csv");
	legacy_import_result r;
	err_info e;
	CHECK_INT(load(dbp, f, ENC_GBK, &r, &e), ERR_IO);
	put(f, "", 0);
	CHECK_INT(load(dbp, f, ENC_GBK, &r, &e), ERR_LEGACY_EMPTY);
	put(f, "姓名,电话\n张三,1\n", strlen("姓名,电话\n张三,1\n"));
	CHECK_INT(load(dbp, f, ENC_UTF8, &r, &e), ERR_LEGACY_NO_ID_COLUMN);
	put(f, "身份证号,电话\n1,1\n", strlen("身份证号,电话\n1,1\n"));
	CHECK_INT(load(dbp, f, ENC_UTF8, &r, &e), ERR_LEGACY_NO_NAME_COLUMN);
	put(f, "\xff\xff\xff\n1\n", 6);
	CHECK_INT(load(dbp, f, ENC_GBK, &r, &e), ERR_ENC_INVALID);
	CHECK(strstr(e.detail, "第1行") != NULL);
	put(f, "姓名,身份证号\n\"张三,1\n2,3\n", strlen("姓名,身份证号\n\"张三,1\n2,3\n"));
	CHECK_INT(load(dbp, f, ENC_UTF8, &r, &e), ERR_CSV_UNTERMINATED);
	put(f, "姓名,身份证号\n张\"三,1\n", strlen("姓名,身份证号\n张\"三,1\n"));
	CHECK_INT(load(dbp, f, ENC_UTF8, &r, &e), ERR_CSV_QUOTE);
	CHECK_STR(e.detail, "第2行");
	/* Binary garbage: a clear error or rejected rows, never a crash; nothing half stored. */
	char bin[4096];
	for (size_t i = 0; i < sizeof bin; i++)
		bin[i] = (char)(i * 7919 % 251);
	memcpy(bin, "姓名,身份证号\n", strlen("姓名,身份证号\n"));
	put(f, bin, sizeof bin);
	err_code c = load(dbp, f, ENC_GB18030, &r, &e);
	CHECK(c != ERR_OK || r.added == 0);
	CHECK_INT(count(dbp, "SELECT count(*) FROM persons"), 0);
	char *argv[] = {(char *)test_laobao(), "--db", dbp, "import-persons", f,
	                "--encoding",          "big5", NULL};
	char *out = NULL, *err = NULL;
	CHECK_INT(test_exec(argv, NULL, lenv, &out, &err), 2);
	free(out), free(err);
	free(dbp), free(f);
}

TEST_MAIN(T(gbk_list_with_bad_rows_and_a_bad_byte), T(utf8_and_gb18030_lists),
          T(unreadable_lists_are_refused))
