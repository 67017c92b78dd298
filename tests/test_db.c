/*
 * Tests for db/db and db/migrate: creating, identifying and upgrading the
 * file, refusing foreign and too-new files untouched, transactions and
 * savepoints, the change sequence, bulk loading and the clock override.
 */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/audit.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/office.h"
#include "db/person.h"
#include "tests/test.h"

static char *db_test_path(const char *name)
{
	static char path[4400];
	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	return path;
}

static void db_test_fail(const char *what, const err_info *e)
{
	char buf[400];
	test_fail(__FILE__, __LINE__, "%s: %s %s", what, err_name(e->code),
	          err_format(e, buf, sizeof buf));
}

/* A raw query on the file, for checks db/ does not offer. */
static long long raw_int(const char *path, const char *sql)
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

static int raw_exec(const char *path, const char *sql)
{
	sqlite3 *c = NULL;
	int rc = sqlite3_open(path, &c);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(c, sql, NULL, NULL, NULL);
	sqlite3_close(c);
	return rc;
}

/* Whole file into a malloc'ed buffer, to prove a refused file was not touched. */
static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	*n = 0;
	if (f == NULL)
		return NULL;
	char *buf = NULL;
	size_t cap = 0;
	for (;;) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (buf == NULL)
				break;
		}
		size_t r = fread(buf + *n, 1, cap - *n, f);
		if (r == 0)
			break;
		*n += r;
	}
	fclose(f);
	return buf;
}

static int same_file(const char *path, const char *before, size_t n)
{
	size_t m = 0;
	char *now = slurp(path, &m);
	int same = now != NULL && m == n && memcmp(now, before, n) == 0;
	free(now);
	return same;
}

static void person_fill(person *p, const char *id_no, const char *name)
{
	memset(p, 0, sizeof *p);
	snprintf(p->id_no, sizeof p->id_no, "%s", id_no);
	snprintf(p->name, sizeof p->name, "%s", name);
	p->sex = (id_no[16] - '0') % 2 ? 1 : 2;
	snprintf(p->birth_date, sizeof p->birth_date, "%.4s-%.2s-%.2s", id_no + 6, id_no + 10,
	         id_no + 12);
}

static void creates_file_folder_and_current_schema(void)
{
	err_info e;
	db *d = NULL;
	char *path = db_test_path("a/b/c/laobao.db");
	REQUIRE(db_open(path, DB_OPEN_CREATE, &d, &e) == ERR_OK);
	CHECK_STR(db_path(d), path);
	db_close(d);
	CHECK_INT(db_schema_version(), 3);
	CHECK_INT(raw_int(path, "PRAGMA user_version"), 3);
	CHECK_INT(raw_int(path, "PRAGMA application_id"), DB_APPLICATION_ID);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM calendar"), 72);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM code_items WHERE tbl = 'ethnicity'"), 58);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM settings WHERE key = 'export.encoding'"), 1);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'persons_chg'"),
	          1);
	/* WAL is a property of the file, so every later connection gets it. */
	sqlite3 *c = NULL;
	REQUIRE(sqlite3_open(path, &c) == SQLITE_OK);
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(c, "PRAGMA journal_mode", -1, &st, NULL);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(c);
	/* Opening again changes nothing. */
	REQUIRE(db_open(path, 0, &d, &e) == ERR_OK);
	db_close(d);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM calendar"), 72);
}

static void missing_file_and_bad_paths(void)
{
	err_info e;
	db *d = (db *)1;
	char *path = db_test_path("none.db");
	CHECK_INT(db_open(path, 0, &d, &e), ERR_DB_MISSING);
	CHECK(d == NULL);
	CHECK(access(path, F_OK) != 0);
	CHECK_INT(db_open(path, DB_OPEN_READONLY | DB_OPEN_CREATE, &d, &e), ERR_DB_MISSING);
	CHECK_INT(db_open(NULL, DB_OPEN_CREATE, &d, &e), ERR_INVALID_ARG);
	CHECK_INT(db_open("", DB_OPEN_CREATE, &d, &e), ERR_INVALID_ARG);
	char *dir = db_test_path("folder");
	mkdir(dir, 0700);
	CHECK_INT(db_open(dir, DB_OPEN_CREATE, &d, &e), ERR_DB_OPEN);
	db_close(NULL);
}

static void old_v1_database_is_upgraded(void)
{
	err_info e;
	db *d = NULL;
	char *path = db_test_path("old.db");
	/* Build a version-1 file as an older binary would have left it. */
	REQUIRE(db_open_with(path, DB_OPEN_CREATE, NULL, 0, 1, &d, &e) == ERR_OK);
	office o = {0};
	strcpy(o.code, "420102");
	strcpy(o.name, "江岸区劳动保障事务所");
	strcpy(o.area_code, "420102");
	REQUIRE(office_insert(d, &o, &e) == ERR_OK);
	db_close(d);
	CHECK_INT(raw_int(path, "PRAGMA user_version"), 1);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log_row'"),
	          0);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM settings WHERE key = 'export.encoding'"), 0);

	REQUIRE(db_open(path, 0, &d, &e) == ERR_OK);
	db_close(d);
	CHECK_INT(raw_int(path, "PRAGMA user_version"), 3);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log_row'"),
	          1);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM settings WHERE key = 'export.encoding'"), 1);
	/* Data written under version 1 survives the upgrade. */
	CHECK_INT(raw_int(path, "SELECT count(*) FROM offices WHERE code = '420102'"), 1);
}

static const char *const bad_v2_sql[] = {
    "CREATE TABLE half_done (x INTEGER);\n"
    "INSERT INTO settings (key, value, created_at, updated_at) "
    "VALUES ('half', 'x', ?1, ?1);\n"
    "SELECT no_such_function(1);",
    NULL,
};

static void failed_migration_leaves_old_version(void)
{
	err_info e;
	db *d = NULL;
	char *path = db_test_path("fail.db");
	REQUIRE(db_open_with(path, DB_OPEN_CREATE, NULL, 0, 1, &d, &e) == ERR_OK);
	db_close(d);
	size_t n;
	const migration *real = schema_migrations(&n);
	migration list[2] = {real[0], {2, bad_v2_sql}};
	CHECK_INT(db_open_with(path, 0, list, 2, 0, &d, &e), ERR_DB_MIGRATE);
	CHECK(d == NULL);
	CHECK(strstr(e.detail, "1") != NULL && strstr(e.detail, "2") != NULL);
	CHECK_INT(raw_int(path, "PRAGMA user_version"), 1);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), 0);
	CHECK_INT(raw_int(path, "SELECT count(*) FROM settings WHERE key = 'half'"), 0);
	/* The real binary still upgrades it afterwards. */
	REQUIRE(db_open(path, 0, &d, &e) == ERR_OK);
	db_close(d);
	CHECK_INT(raw_int(path, "PRAGMA user_version"), 3);
}

static void newer_database_is_refused_untouched(void)
{
	err_info e;
	db *d = NULL;
	char *path = db_test_path("new.db");
	REQUIRE(db_open(path, DB_OPEN_CREATE, &d, &e) == ERR_OK);
	db_close(d);
	REQUIRE(raw_exec(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;") ==
	        SQLITE_OK);
	size_t n;
	char *before = slurp(path, &n);
	REQUIRE(before != NULL);
	CHECK_INT(db_open(path, 0, &d, &e), ERR_DB_TOO_NEW);
	CHECK(d == NULL);
	CHECK(strstr(e.detail, "99") != NULL);
	CHECK(strstr(e.detail, "3") != NULL);
	CHECK_INT(db_open(path, DB_OPEN_READONLY, &d, &e), ERR_DB_TOO_NEW);
	CHECK(same_file(path, before, n));
	CHECK_INT(raw_int(path, "PRAGMA user_version"), 99);
	char wal[4500];
	snprintf(wal, sizeof wal, "%s-wal", path);
	CHECK(access(wal, F_OK) != 0);
	free(before);
}

static void foreign_files_are_refused_untouched(void)
{
	err_info e;
	db *d = NULL;
	/* Another application's SQLite file with tables and no application_id. */
	char *path = db_test_path("other.db");
	REQUIRE(raw_exec(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
	                       "INSERT INTO customers (name) VALUES ('x');") == SQLITE_OK);
	size_t n;
	char *before = slurp(path, &n);
	CHECK_INT(db_open(path, DB_OPEN_CREATE, &d, &e), ERR_DB_NOT_LAOBAO);
	CHECK(same_file(path, before, n));
	free(before);

	/* An empty file of another application that stamped its own id. */
	path = db_test_path("stamped.db");
	REQUIRE(raw_exec(path, "PRAGMA application_id = 12345; PRAGMA user_version = 1;") ==
	        SQLITE_OK);
	before = slurp(path, &n);
	CHECK_INT(db_open(path, 0, &d, &e), ERR_DB_NOT_LAOBAO);
	CHECK(strstr(e.detail, "application_id") != NULL);
	CHECK(same_file(path, before, n));
	free(before);

	/* Not SQLite at all: text, then binary. */
	path = db_test_path("notes.txt");
	FILE *f = fopen(path, "w");
	REQUIRE(f != NULL);
	for (int i = 0; i < 200; i++)
		fputs("这不是数据库 this is not a database\n", f);
	fclose(f);
	before = slurp(path, &n);
	CHECK_INT(db_open(path, DB_OPEN_CREATE, &d, &e), ERR_DB_NOT_LAOBAO);
	char buf[300];
	CHECK(strstr(err_format(&e, buf, sizeof buf), "SQLite") != NULL);
	CHECK(same_file(path, before, n));
	free(before);
	path = db_test_path("random.bin");
	f = fopen(path, "wb");
	REQUIRE(f != NULL);
	for (int i = 0; i < 4096; i++)
		fputc((i * 7919 + 13) & 0xFF, f);
	fclose(f);
	CHECK_INT(db_open(path, 0, &d, &e), ERR_DB_NOT_LAOBAO);
	CHECK(d == NULL);
}

static void read_only_open_refuses_writes(void)
{
	err_info e;
	db *d = NULL;
	char *path = db_test_path("ro.db");
	REQUIRE(db_open(path, DB_OPEN_CREATE, &d, &e) == ERR_OK);
	db_close(d);
	REQUIRE(db_open(path, DB_OPEN_READONLY, &d, &e) == ERR_OK);
	office o = {0};
	strcpy(o.code, "1");
	strcpy(o.name, "一");
	strcpy(o.area_code, "110101");
	CHECK_INT(office_insert(d, &o, &e), ERR_DB_READONLY);
	office_list l;
	CHECK_INT(office_list_all(d, &l, &e), ERR_OK);
	CHECK_INT(l.n, 0);
	office_list_free(&l);
	db_close(d);
	/* A version-1 file cannot be upgraded through a read-only handle. */
	path = db_test_path("ro1.db");
	REQUIRE(db_open_with(path, DB_OPEN_CREATE, NULL, 0, 1, &d, &e) == ERR_OK);
	db_close(d);
	CHECK_INT(db_open(path, DB_OPEN_READONLY, &d, &e), ERR_DB_MIGRATE);
	CHECK_INT(raw_int(path, "PRAGMA user_version"), 1);
}

static db *fresh(const char *name)
{
	err_info e;
	db *d = NULL;
	if (db_open(db_test_path(name), DB_OPEN_CREATE, &d, &e) != ERR_OK) {
		db_test_fail("open", &e);
		return NULL;
	}
	office o = {0};
	strcpy(o.code, "420102");
	strcpy(o.name, "江岸区劳动保障事务所");
	strcpy(o.area_code, "420102");
	if (office_insert(d, &o, &e) != ERR_OK)
		db_test_fail("office", &e);
	return d;
}

static int64_t count_rows(db *d, const char *sql)
{
	err_info e;
	sqlite3_stmt *st = db_stmt(d, sql, &e);
	int64_t n = -1;
	if (st != NULL && db_fetch_int(d, st, &n, &e) != ERR_OK)
		n = -1;
	return n;
}

static void savepoints_nest_and_roll_back_alone(void)
{
	err_info e;
	db *d = fresh("tx.db");
	REQUIRE(d != NULL);
	person a, b;
	person_fill(&a, "420102198506170035", "甲");
	person_fill(&b, "320106199211080266", "乙");
	REQUIRE(db_begin(d, &e) == ERR_OK);
	CHECK_INT(person_insert(d, &a, &e), ERR_OK);
	REQUIRE(db_begin(d, &e) == ERR_OK);
	CHECK_INT(person_insert(d, &b, &e), ERR_OK);
	db_rollback(d);
	CHECK_INT(db_commit(d, &e), ERR_OK);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons"), 1);
	person got;
	CHECK_INT(person_find_by_id_no(d, "420102198506170035", &got, &e), ERR_OK);
	CHECK_INT(person_find_by_id_no(d, "320106199211080266", &got, &e), ERR_NOT_FOUND);
	/* The audit row of the rolled-back insert went with it. */
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log WHERE tbl = 'persons'"), 1);

	/* An outer rollback takes the inner commit with it. */
	REQUIRE(db_begin(d, &e) == ERR_OK);
	b.id = 0;
	CHECK_INT(person_insert(d, &b, &e), ERR_OK);
	db_rollback(d);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons"), 1);

	CHECK_INT(db_commit(d, &e), ERR_DB_TRANSACTION);
	db_rollback(d); /* harmless without a transaction */
	int64_t seq;
	CHECK_INT(db_next_change_seq(d, &seq, &e), ERR_DB_TRANSACTION);
	db_close(d);
}

static void change_sequence_increases(void)
{
	err_info e;
	db *d = fresh("seq.db");
	REQUIRE(d != NULL);
	person a, b;
	person_fill(&a, "420102198506170035", "甲");
	person_fill(&b, "320106199211080266", "乙");
	REQUIRE(person_insert(d, &a, &e) == ERR_OK);
	REQUIRE(person_insert(d, &b, &e) == ERR_OK);
	CHECK(b.chg_seq > a.chg_seq && a.chg_seq > 0);
	int64_t before = b.chg_seq;
	REQUIRE(person_update(d, &a, &e) == ERR_OK);
	CHECK(a.chg_seq > before);
	REQUIRE(db_begin(d, &e) == ERR_OK);
	int64_t s1, s2;
	CHECK_INT(db_next_change_seq(d, &s1, &e), ERR_OK);
	CHECK_INT(db_next_change_seq(d, &s2, &e), ERR_OK);
	CHECK_INT(s2, s1 + 1);
	CHECK(s1 > a.chg_seq);
	db_rollback(d);
	db_close(d);
}

static void make_id(char out[19], int serial)
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	char body[32];
	snprintf(body, sizeof body, "42010219%02d%02d%02d%03d", 50 + serial % 50,
	         1 + serial / 50 % 12, 1 + serial / 600 % 28, serial % 1000);
	int s = 0;
	for (int i = 0; i < 17; i++)
		s += (body[i] - '0') * w[i];
	snprintf(out, 19, "%.17s%c", body, "10X98765432"[s % 11]);
}

static void bulk_load_writes_one_summary_audit_row(void)
{
	err_info e;
	db *d = fresh("bulk.db");
	REQUIRE(d != NULL);
	int64_t audit0 = count_rows(d, "SELECT count(*) FROM audit_log");
	REQUIRE(db_bulk_begin(d, &e) == ERR_OK);
	CHECK(db_in_bulk(d));
	int64_t last = 0, ok = 1;
	for (int i = 0; i < 1000; i++) {
		char id[19];
		person p;
		make_id(id, i);
		person_fill(&p, id, "批量");
		if (person_insert(d, &p, &e) != ERR_OK || p.chg_seq <= last)
			ok = 0;
		last = p.chg_seq;
	}
	CHECK(ok);
	/* A bad row in the middle is refused alone and leaves nothing. */
	person bad;
	person_fill(&bad, "420102198506170035", "坏");
	bad.sex = 3;
	CHECK_INT(person_insert(d, &bad, &e), ERR_DB_CONSTRAINT);
	CHECK_INT(db_commit(d, &e), ERR_DB_TRANSACTION);
	CHECK_INT(db_bulk_end(d, &e), ERR_OK);
	CHECK(!db_in_bulk(d));
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons"), 1000);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM audit_log"), audit0 + 1);
	audit_list al;
	REQUIRE(audit_list_recent(d, 0, 1, &al, &e) == ERR_OK);
	REQUIRE(al.n == 1);
	CHECK_STR(al.items[0].action, "bulk");
	CHECK_STR(al.items[0].after, "{\"persons\":1000}");
	audit_list_free(&al);
	/* The counter moved past every number handed out in memory. */
	person p;
	person_fill(&p, "11010519491231002X", "之后");
	REQUIRE(person_insert(d, &p, &e) == ERR_OK);
	CHECK(p.chg_seq > last);

	/* Abort keeps nothing; bulk inside a transaction is refused. */
	REQUIRE(db_bulk_begin(d, &e) == ERR_OK);
	person q;
	person_fill(&q, "440305200002290512", "中止");
	CHECK_INT(person_insert(d, &q, &e), ERR_OK);
	db_bulk_abort(d);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons"), 1001);
	REQUIRE(db_begin(d, &e) == ERR_OK);
	CHECK_INT(db_bulk_begin(d, &e), ERR_DB_TRANSACTION);
	db_rollback(d);
	CHECK_INT(db_bulk_end(d, &e), ERR_DB_TRANSACTION);
	db_close(d);
}

static long long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

/*
 * Saves leave the write-ahead log alone until it is large; db_idle copies
 * it back into the database (the file grows) once it holds about 4 MiB; a
 * session that is never idle still has its log copied back in line before
 * it grows without bound. Nothing is lost either way.
 */
static void idle_time_checkpoints_the_log(void)
{
	err_info e;
	db *d = fresh("idle.db");
	REQUIRE(d != NULL);
	char path[4500], wal[4600];
	snprintf(path, sizeof path, "%s", db_path(d));
	snprintf(wal, sizeof wal, "%s-wal", path);
	db_idle(d); /* a small log: nothing to do yet */
	db_idle(NULL);
	long long size0 = file_size(path);
	int n = 0;
	for (; n < 300; n++) {
		char id[19];
		person p;
		make_id(id, n);
		person_fill(&p, id, "空闲");
		if (person_insert(d, &p, &e) != ERR_OK) {
			db_test_fail("insert", &e);
			break;
		}
	}
	/* 300 saves, each its own commit: all of it still in the log only. */
	CHECK_INT(file_size(path), size0);
	CHECK(file_size(wal) > 4 << 20);
	REQUIRE(db_begin(d, &e) == ERR_OK);
	db_idle(d); /* never inside a transaction */
	CHECK_INT(file_size(path), size0);
	db_rollback(d);
	int64_t seq = count_rows(d, "SELECT value FROM change_seq");
	db_idle(d);
	long long size1 = file_size(path);
	CHECK(size1 > size0);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons"), 300);
	/* The new log is started at idle too, by a write that leaves no trace. */
	CHECK(d->wal_pages > 0 && d->wal_pages <= 2);
	CHECK_INT(count_rows(d, "SELECT value FROM change_seq"), seq);

	/* Never idle: the log is copied back in line, well before 3000 saves. */
	for (; n < 3000 && file_size(path) == size1; n++) {
		char id[19];
		person p;
		make_id(id, n);
		person_fill(&p, id, "不停");
		if (person_insert(d, &p, &e) != ERR_OK) {
			db_test_fail("insert", &e);
			break;
		}
	}
	CHECK(file_size(path) > size1);
	CHECK(n > 600);
	CHECK(file_size(wal) < 64 << 20);
	db_close(d);

	/* A read-only handle never checkpoints; everything saved is there. */
	REQUIRE(db_open(path, DB_OPEN_READONLY, &d, &e) == ERR_OK);
	db_idle(d);
	CHECK_INT(count_rows(d, "SELECT count(*) FROM persons"), n);
	db_close(d);
}

static void clock_override(void)
{
	char now[21];
	setenv("LAOBAO_NOW", "2026-03-02T08:30:00Z", 1);
	db_now(now);
	CHECK_STR(now, "2026-03-02T08:30:00Z");
	setenv("LAOBAO_NOW", "2026-03-02", 1);
	db_now(now);
	CHECK_STR(now, "2026-03-02T00:00:00Z");
	setenv("LAOBAO_NOW", "tomorrow", 1);
	db_now(now);
	CHECK(strlen(now) == 20 && now[10] == 'T' && now[19] == 'Z');
	unsetenv("LAOBAO_NOW");
	db_now(now);
	CHECK(strncmp(now, "20", 2) == 0);
}

static void prefix_upper_bound(void)
{
	char hi[16];
	db_prefix_upper("ab", hi, sizeof hi);
	CHECK_STR(hi, "ac");
	db_prefix_upper("张", hi, sizeof hi); /* E5 BC A0 → E5 BC A1 */
	CHECK_STR(hi, "\xE5\xBC\xA1");
	db_prefix_upper("a\xFF", hi, sizeof hi);
	CHECK_STR(hi, "b");
	db_prefix_upper("\xFF\xFF", hi, sizeof hi);
	CHECK_STR(hi, "");
}

static void errors_name_the_field(void)
{
	err_info e;
	db *d = fresh("errors.db");
	REQUIRE(d != NULL);
	CHECK_INT(db_column_label("persons.id_no"), MSG_F_ID_NO);
	CHECK_INT(db_column_label("employers.name"), MSG_COL_EMPLOYER_NAME);
	CHECK_INT(db_column_label("anything.phone"), MSG_F_PHONE);
	CHECK_INT(db_column_label("nothing"), MSG_NONE);
	/* A raw statement the repositories would never run still maps cleanly. */
	CHECK_INT(db_exec(d,
	                  "INSERT INTO offices (code, name, area_code, created_at, updated_at) "
	                  "VALUES ('x', 'y', '12345', '2026-01-01T00:00:00Z', "
	                  "'2026-01-01T00:00:00Z')",
	                  &e),
	          ERR_DB_CONSTRAINT);
	CHECK_INT(e.field, MSG_COL_AREA_CODE);
	CHECK_INT(db_exec(d, "SELECT * FROM no_such_table", &e), ERR_DB);
	CHECK(strstr(e.detail, "no_such_table") != NULL);
	/* Two statements in one cached text are a programming error, caught. */
	CHECK(db_stmt(d, "SELECT 1; SELECT 2", &e) == NULL);
	CHECK_INT(e.code, ERR_INTERNAL);
	db_close(d);
}

TEST_MAIN(T(creates_file_folder_and_current_schema), T(missing_file_and_bad_paths),
          T(old_v1_database_is_upgraded), T(failed_migration_leaves_old_version),
          T(newer_database_is_refused_untouched), T(foreign_files_are_refused_untouched),
          T(read_only_open_refuses_writes), T(savepoints_nest_and_roll_back_alone),
          T(change_sequence_increases), T(bulk_load_writes_one_summary_audit_row),
          T(idle_time_checkpoints_the_log), T(clock_override), T(prefix_upper_bound),
          T(errors_name_the_field))
