/*
 * Tests of export and import packages as offices use them: office A
 * exports, office B imports and then holds the same data; a batch written
 * again is byte-identical; tampered, truncated, incomplete and foreign
 * packages are refused with the database untouched; importing again is a
 * no-op; GB18030 files convert back through iconv to the same text;
 * conflicting edits are kept and reported; tar and sealed packages; a
 * SIGKILL at any point of an import leaves the database as it was.
 */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db/csv.h"
#include "db/db.h"
#include "db/export.h"
#include "db/import.h"
#include "db/package.h"
#include "db/person.h"
#include "db/unemp.h"
#include "locale/enc.h"
#include "tests/test.h"

static char *const xenv[] = {"LAOBAO_TODAY=2026-11-25", "LAOBAO_NOW=2026-11-25T08:00:00Z",
                             "LAOBAO_PWHASH_FAST=1", "LAOBAO_DB=", NULL};

/* ---- helpers ---- */

/* Run laobao --db db with up to 7 more arguments (NULL-terminated); returns the exit status. */
static int lb(const char *dbp, char **out, char **err, const char *a1, const char *a2,
              const char *a3, const char *a4, const char *a5, const char *a6, const char *a7)
{
	char *argv[12] = {(char *)test_laobao(),
	                  "--db",
	                  (char *)dbp,
	                  (char *)a1,
	                  (char *)a2,
	                  (char *)a3,
	                  (char *)a4,
	                  (char *)a5,
	                  (char *)a6,
	                  (char *)a7,
	                  NULL};
	char *o = NULL, *e = NULL;
	int st = test_exec(argv, NULL, xenv, &o, &e);
	if (st != 0 && err == NULL)
		printf("# laobao %s: %s%s", a1 ? a1 : "", o ? o : "", e ? e : "");
	if (out)
		*out = o;
	else
		free(o);
	if (err)
		*err = e;
	else
		free(e);
	return st;
}

static char *path_in(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	*n = 0;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)size + 1);
	if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
		buf[size] = '\0';
		*n = (size_t)size;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static int spew(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	int ok = fwrite(data, 1, n, f) == n;
	return fclose(f) == 0 && ok;
}

static int copy_file(const char *from, const char *to)
{
	size_t n;
	char *buf = slurp(from, &n);
	int ok = buf != NULL && spew(to, buf, n);
	free(buf);
	return ok;
}

/* Copy a package folder (one level). */
static int copy_dir(const char *from, const char *to)
{
	if (mkdir(to, 0700) != 0)
		return 0;
	DIR *d = opendir(from);
	if (d == NULL)
		return 0;
	struct dirent *de;
	int ok = 1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char *a = path_in(from, de->d_name), *b = path_in(to, de->d_name);
		ok &= copy_file(a, b);
		free(a), free(b);
	}
	closedir(d);
	return ok;
}

static int has_bytes(const char *hay, size_t n, const char *needle, size_t k)
{
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return 1;
	return 0;
}

static int same_files(const char *a, const char *b)
{
	size_t na, nb;
	char *x = slurp(a, &na), *y = slurp(b, &nb);
	int same = x != NULL && y != NULL && na == nb && memcmp(x, y, na) == 0;
	free(x), free(y);
	return same;
}

static long long q(const char *dbp, const char *sql)
{
	sqlite3 *c = NULL;
	long long v = -1;
	if (sqlite3_open_v2(dbp, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		else
			printf("# %s: %s\n", sql, sqlite3_errmsg(c));
		sqlite3_finalize(st);
	}
	sqlite3_close(c);
	return v;
}

static const char *const tables[] = {
    "offices",
    "persons",
    "employers",
    "unemp_regs",
    "unemp_followups",
    "training_classes",
    "training_enrollments",
    "training_attendance",
    "training_assessments",
    "contracts",
    "contract_events",
    "arb_cases",
    "arb_parties",
    "arb_claims",
    "arbitrators",
    "hearing_rooms",
    "hearings",
    "hearing_log",
    "arb_outcomes",
    "unemp_reg_categories",
    "audit_log",
    "import_log",
};
#define NTABLES (sizeof tables / sizeof tables[0])

/* Row counts of every table and the change counter: the state a refused import must keep. */
static void state(const char *dbp, long long *out)
{
	char sql[128];
	for (size_t i = 0; i < NTABLES; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		out[i] = q(dbp, sql);
	}
	out[NTABLES] = q(dbp, "SELECT value FROM change_seq");
	out[NTABLES + 1] = q(dbp, "SELECT total(version) FROM persons");
}

static int same_state(const char *dbp, const long long *before)
{
	long long now[NTABLES + 2];
	state(dbp, now);
	for (size_t i = 0; i < NTABLES + 2; i++)
		if (now[i] != before[i]) {
			printf("# %s: %lld, before %lld\n", i < NTABLES ? tables[i] : "counter",
			       now[i], before[i]);
			return 0;
		}
	return 1;
}

/* A database with demo data (n persons) exporting as `office`. */
static char *make_office(const char *dir, const char *name, const char *office, long persons)
{
	char *dbp = path_in(dir, name);
	char count[24];
	snprintf(count, sizeof count, "%ld", persons);
	if (persons > 0 && lb(dbp, NULL, NULL, "demo", "--persons", count, NULL, NULL, NULL, NULL))
		return dbp;
	lb(dbp, NULL, NULL, "init", "--office", office, "--office-name", "测试劳动保障所", NULL,
	   NULL);
	return dbp;
}

/* Export the next batch of db into dir; returns the package path (malloc'ed) or NULL. */
static char *export_to(const char *dbp, const char *dir, const char *opt1, const char *opt2)
{
	char *out = NULL;
	mkdir(dir, 0700);
	int st = lb(dbp, &out, NULL, "export", "--out", dir, opt1, opt2, NULL, NULL);
	char *path = NULL;
	const char *p = out ? strstr(out, "：/") : NULL;
	if (st == 0 && p != NULL) {
		p += strlen("：");
		size_t n = strcspn(p, "\n");
		path = malloc(n + 1);
		memcpy(path, p, n);
		path[n] = '\0';
	}
	free(out);
	return path;
}

/* Import through the library, so the error code can be checked. */
static err_code import_lib(const char *dbp, const char *pkg, const char *key, import_report *r,
                           err_info *e)
{
	db *d = NULL;
	err_code c = db_open(dbp, 0, &d, e);
	if (c != ERR_OK)
		return c;
	import_opts o = {.path = pkg, .key_file = key};
	c = import_run(d, &o, r, e);
	db_close(d);
	return c;
}

/* The rows of a package file as UTF-8 lines without the three bookkeeping columns. */
static char *content(const char *file)
{
	size_t n;
	char *raw = slurp(file, &n);
	if (raw == NULL)
		return NULL;
	char *u = NULL;
	size_t ul = 0;
	enc_kind k = ENC_GB18030;
	if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		k = ENC_UTF8;
	if (enc_to_utf8(k, raw, n, &u, &ul, NULL, NULL) != ERR_OK) {
		free(raw);
		return NULL;
	}
	free(raw);
	/* Cut the last three fields of each line: none of them is ever quoted. */
	char *outp = malloc(ul + 1), *w = outp;
	for (char *line = u; *line;) {
		char *end = strstr(line, "\r\n");
		if (end == NULL)
			break;
		char *cut = end;
		for (int k2 = 0; k2 < 3; k2++) {
			cut--;
			while (cut > line && *cut != ',')
				cut--;
		}
		memcpy(w, line, (size_t)(cut - line));
		w += cut - line;
		*w++ = '\n';
		line = end + 2;
	}
	*w = '\0';
	free(u);
	return outp;
}

/* ---- tests ---- */

static void b_holds_a_data_after_import(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 300);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	char *pa = path_in(dir, "outa"), *pb = path_in(dir, "outb");
	char *pkg = export_to(a, pa, NULL, NULL);
	REQUIRE(pkg != NULL);
	char *out = NULL, *err = NULL;
	CHECK_INT(lb(b, &out, &err, "import", pkg, NULL, NULL, NULL, NULL, NULL), 0);
	CHECK(out != NULL && strstr(out, "冲突 0 条") != NULL);
	CHECK_STR(err, ""); /* no progress when stderr is not a terminal */
	free(out), free(err);
	/* Every table: B's own export of what it now holds equals A's, row for row. */
	char *pkgb = export_to(b, pb, NULL, NULL);
	REQUIRE(pkgb != NULL);
	static const char *const files[] = {
	    "persons",
	    "employers",
	    "unemp_regs",
	    "unemp_followups",
	    "training_classes",
	    "training_enrollments",
	    "training_attendance",
	    "training_assessments",
	    "contracts",
	    "contract_events",
	    "arb_cases",
	    "arb_parties",
	    "arb_claims",
	    "arbitrators",
	    "hearing_rooms",
	    "hearings",
	    "hearing_log",
	    "arb_outcomes",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char name[64];
		snprintf(name, sizeof name, "%s.csv", files[i]);
		char *fa = path_in(pkg, name), *fb = path_in(pkgb, name);
		char *ca = content(fa), *cb = content(fb);
		CHECK(ca != NULL && cb != NULL);
		if (ca && cb && strcmp(ca, cb) != 0)
			test_fail(__FILE__, __LINE__, "%s differs after import", name);
		CHECK(ca == NULL || strchr(ca, '\n') != strrchr(ca, '\n')); /* not just a header */
		free(fa), free(fb), free(ca), free(cb);
	}
	/* Same numbers of rows in the database, B's own office aside. */
	static const char *const counted[] = {"persons", "contracts", "hearing_log",
	                                      "unemp_reg_categories", "training_attendance"};
	for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", counted[i]);
		CHECK_INT(q(b, sql), q(a, sql));
	}
	CHECK_INT(q(b, "SELECT count(*) FROM offices"), q(a, "SELECT count(*) FROM offices") + 1);
	CHECK_INT(q(b, "SELECT count(*) FROM persons WHERE sync_office = '320508-01' AND "
	               "sync_local = version"),
	          300);
	/* The same uid for the same registration: identity travels. */
	CHECK_INT(q(b, "SELECT count(*) FROM unemp_regs"), q(a, "SELECT count(*) FROM unemp_regs"));
	free(a), free(b), free(pa), free(pb), free(pkg), free(pkgb);
}

static void batch_written_again_is_byte_identical(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 120);
	char *o1 = path_in(dir, "o1"), *o2 = path_in(dir, "o2"), *o3 = path_in(dir, "o3");
	char *p1 = export_to(a, o1, NULL, NULL);
	REQUIRE(p1 != NULL);
	mkdir(o2, 0700);
	CHECK_INT(lb(a, NULL, NULL, "export", "--batch", "1", "--out", o2, NULL, NULL), 0);
	DIR *dh = opendir(p1);
	REQUIRE(dh != NULL);
	struct dirent *de;
	int files = 0;
	char *p2 = path_in(o2, strrchr(p1, '/') + 1);
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char *x = path_in(p1, de->d_name), *y = path_in(p2, de->d_name);
		CHECK(same_files(x, y));
		files++;
		free(x), free(y);
	}
	closedir(dh);
	CHECK_INT(files, 20);
	/* Rows too many to sort in the memory allowed are sorted by SQLite: the same bytes. */
	{
		db *d = NULL;
		err_info e;
		REQUIRE(db_open(a, 0, &d, &e) == ERR_OK);
		char *o4 = path_in(dir, "o4");
		mkdir(o4, 0700);
		export_opts o = {
		    .out_dir = o4, .batch = 1, .encoding = -1, .bom = -1, .sort_mem = 2000};
		export_result r;
		CHECK_INT(export_run(d, &o, &r, &e), ERR_OK);
		db_close(d);
		char *x = path_in(p1, "persons.csv"), *y = path_in(r.path, "persons.csv");
		CHECK(same_files(x, y));
		free(x), free(y), free(o4);
	}
	/* Nothing new: no new batch. */
	char *out = NULL;
	mkdir(o3, 0700);
	CHECK_INT(lb(a, &out, NULL, "export", "--out", o3, NULL, NULL, NULL, NULL), 0);
	CHECK(out != NULL && strstr(out, "没有新的变更") != NULL);
	free(out);
	/* A batch whose rows changed since cannot be written as it was. */
	db *d = NULL;
	err_info e;
	REQUIRE(db_open(a, 0, &d, &e) == ERR_OK);
	person_list l;
	REQUIRE(person_search(d, "", 0, 1, &l, NULL, &e) == ERR_OK && l.n == 1);
	strcpy(l.items[0].remark, "改过");
	CHECK_INT(person_update(d, &l.items[0], &e), ERR_OK);
	person_list_free(&l);
	export_opts o = {.out_dir = o3, .batch = 1, .encoding = -1, .bom = -1};
	export_result r;
	CHECK_INT(export_run(d, &o, &r, &e), ERR_EXPORT_CHANGED);
	CHECK(strstr(e.detail, "persons.csv") != NULL);
	o.batch = 7;
	CHECK_INT(export_run(d, &o, &r, &e), ERR_EXPORT_NO_BATCH);
	o.batch = 1;
	o.encoding = ENC_UTF8;
	CHECK_INT(export_run(d, &o, &r, &e), ERR_EXPORT_ENCODING);
	/* The next batch holds the change. */
	o.batch = 0;
	o.encoding = -1;
	CHECK_INT(export_run(d, &o, &r, &e), ERR_OK);
	CHECK_INT(r.b.batch, 2);
	CHECK_INT(r.b.files[1].rows, 1);
	db_close(d);
	/* Nothing is left behind in the output folders but the packages. */
	dh = opendir(o3);
	int entries = 0;
	while (dh && (de = readdir(dh)) != NULL)
		entries +=
		    de->d_name[0] != '.' || (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."));
	if (dh)
		closedir(dh);
	CHECK_INT(entries, 1);
	free(a), free(o1), free(o2), free(o3), free(p1), free(p2);
}

/* Import must refuse pkg with code and leave b untouched. */
static void refused(const char *b, const char *pkg, err_code code, const char *detail)
{
	long long before[NTABLES + 2];
	state(b, before);
	import_report r;
	err_info e;
	err_code c = import_lib(b, pkg, NULL, &r, &e);
	if (c != code)
		test_fail(__FILE__, __LINE__, "%s: %s (%s), expected %s", pkg, err_name(c),
		          e.detail, err_name(code));
	if (detail != NULL && strstr(e.detail, detail) == NULL)
		test_fail(__FILE__, __LINE__, "detail \"%s\" lacks \"%s\"", e.detail, detail);
	CHECK(same_state(b, before));
	char buf[400];
	CHECK(err_format(&e, buf, sizeof buf)[0] != '\0');
}

static void tampered_packages_are_refused(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 80);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	char *o = path_in(dir, "o");
	char *pkg = export_to(a, o, NULL, NULL);
	REQUIRE(pkg != NULL);
	size_t n;
	char buf[4400];

	/* One changed byte. */
	snprintf(buf, sizeof buf, "%s/t1", dir);
	REQUIRE(copy_dir(pkg, buf));
	char *f = path_in(buf, "persons.csv");
	char *data = slurp(f, &n);
	REQUIRE(data != NULL && n > 200);
	data[150] = data[150] == '1' ? '2' : '1';
	spew(f, data, n);
	refused(b, buf, ERR_PKG_HASH, "persons.csv");
	free(data), free(f);

	/* A missing file. */
	snprintf(buf, sizeof buf, "%s/t2", dir);
	REQUIRE(copy_dir(pkg, buf));
	f = path_in(buf, "contracts.csv");
	unlink(f);
	refused(b, buf, ERR_PKG_MISSING_FILE, "contracts.csv");
	free(f);

	/* A wrong count in the manifest. */
	snprintf(buf, sizeof buf, "%s/t3", dir);
	REQUIRE(copy_dir(pkg, buf));
	f = path_in(buf, "manifest.txt");
	data = slurp(f, &n);
	REQUIRE(data != NULL);
	char *line = strstr(data, "file persons.csv 80 ");
	REQUIRE(line != NULL);
	line[strlen("file persons.csv 8")] = '1';
	spew(f, data, n);
	refused(b, buf, ERR_PKG_COUNT, "persons.csv");
	free(data), free(f);

	/* A truncated file. */
	snprintf(buf, sizeof buf, "%s/t4", dir);
	REQUIRE(copy_dir(pkg, buf));
	f = path_in(buf, "hearing_log.csv");
	data = slurp(f, &n);
	REQUIRE(data != NULL && n > 10);
	spew(f, data, n - 7);
	refused(b, buf, ERR_PKG_SIZE, "hearing_log.csv");
	free(data), free(f);

	/* An extra file; a manifest that is not one; no manifest; not a package at all. */
	snprintf(buf, sizeof buf, "%s/t5", dir);
	REQUIRE(copy_dir(pkg, buf));
	f = path_in(buf, "extra.csv");
	spew(f, "x\r\n", 3);
	refused(b, buf, ERR_PKG_EXTRA_FILE, "extra.csv");
	free(f);
	snprintf(buf, sizeof buf, "%s/t6", dir);
	REQUIRE(copy_dir(pkg, buf));
	f = path_in(buf, "manifest.txt");
	data = slurp(f, &n);
	spew(f, data, n / 2);
	refused(b, buf, ERR_PKG_MANIFEST, "manifest.txt");
	spew(f, "\x89PNG\r\n\x1a\n\0\0binary", 17);
	refused(b, buf, ERR_PKG_FOREIGN, NULL);
	unlink(f);
	refused(b, buf, ERR_PKG_FOREIGN, NULL);
	free(data), free(f);
	snprintf(buf, sizeof buf, "%s/random.bin", dir);
	spew(buf, "\x01\x02\xff\xfe plain bytes", 16);
	refused(b, buf, ERR_PKG_FOREIGN, NULL);
	snprintf(buf, sizeof buf, "%s/none", dir);
	refused(b, buf, ERR_PKG_IO, NULL);

	/* A later format or schema. */
	snprintf(buf, sizeof buf, "%s/t7", dir);
	REQUIRE(copy_dir(pkg, buf));
	f = path_in(buf, "manifest.txt");
	data = slurp(f, &n);
	char *s = strstr(data, "schema 3");
	REQUIRE(s != NULL);
	s[7] = '9';
	spew(f, data, n);
	refused(b, buf, ERR_PKG_TOO_NEW, NULL);
	data[15] = '2'; /* LAOBAO-PACKAGE 2 */
	spew(f, data, n);
	refused(b, buf, ERR_PKG_TOO_NEW, NULL);
	free(data), free(f);

	/* Its own package is refused by the office that wrote it. */
	refused(a, pkg, ERR_PKG_OWN, "320508-01");

	/* And the untouched package still goes in. */
	import_report r;
	err_info e;
	CHECK_INT(import_lib(b, pkg, NULL, &r, &e), ERR_OK);
	CHECK_INT(r.total.inserted, r.m.rows);
	CHECK_INT(q(b, "SELECT count(*) FROM persons"), 80);
	import_report_free(&r);
	free(a), free(b), free(o), free(pkg);
}

/* Rewrite one file of a package and fix its size and hash in the manifest (a forged package). */
static void forge(const char *pkg, const char *file, const char *from, const char *to)
{
	char *f = path_in(pkg, file), *mf = path_in(pkg, "manifest.txt");
	size_t n, mn;
	char *data = slurp(f, &n), *man = slurp(mf, &mn);
	char *at = data ? strstr(data, from) : NULL;
	if (at == NULL || man == NULL) {
		test_fail(__FILE__, __LINE__, "forge: %s not in %s", from, file);
		free(f), free(mf), free(data), free(man);
		return;
	}
	size_t fl = strlen(from), tl = strlen(to);
	char *nd = malloc(n - fl + tl + 1);
	memcpy(nd, data, (size_t)(at - data));
	memcpy(nd + (at - data), to, tl);
	memcpy(nd + (at - data) + tl, at + fl, n - (size_t)(at - data) - fl);
	size_t nn = n - fl + tl;
	spew(f, nd, nn);
	package_manifest m;
	err_info e;
	if (package_manifest_parse(man, mn, &m, &e) == ERR_OK) {
		for (size_t i = 0; i < m.nfiles; i++)
			if (strcmp(m.files[i].name, file) == 0) {
				m.files[i].bytes = nn;
				package_sha256_hex(nd, nn, m.files[i].sha256);
			}
		char *text;
		size_t tlen;
		if (package_manifest_format(&m, &text, &tlen, &e) == ERR_OK) {
			spew(mf, text, tlen);
			free(text);
		}
	}
	free(f), free(mf), free(data), free(man), free(nd);
}

static void forged_rows_are_refused_whole(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 60);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	char *o = path_in(dir, "o");
	char *pkg = export_to(a, o, "--encoding", "utf-8");
	REQUIRE(pkg != NULL);
	char buf[4400];
	/* A birth date the ID does not say, in an otherwise consistent package. */
	snprintf(buf, sizeof buf, "%s/f1", dir);
	REQUIRE(copy_dir(pkg, buf));
	forge(buf, "persons.csv", ",1,19", ",1,18");
	forge(buf, "persons.csv", ",2,19", ",2,18");
	refused(b, buf, ERR_PKG_DATA, "persons.csv 第");
	/* A number that is not one. */
	snprintf(buf, sizeof buf, "%s/f2", dir);
	REQUIRE(copy_dir(pkg, buf));
	forge(buf, "contracts.csv", ",1,", ",壹,");
	refused(b, buf, ERR_PKG_FIELD, "contracts.csv");
	/* A reference to a person nobody sent. */
	snprintf(buf, sizeof buf, "%s/f3", dir);
	REQUIRE(copy_dir(pkg, buf));
	size_t n;
	char *f = path_in(buf, "contracts.csv");
	char *data = slurp(f, &n);
	char *rec = strstr(data, "\r\n");
	REQUIRE(rec != NULL);
	char id[19];
	memcpy(id, strchr(strchr(rec + 2, ',') + 1, ',') + 1, 18);
	id[18] = '\0';
	free(data), free(f);
	forge(buf, "contracts.csv", id, "11010519491231002X");
	refused(b, buf, ERR_PKG_REF, "contracts.csv 第2行：person_id_no 列 “11010519491231002X”");
	/* Short and long rows, a bad quote. */
	snprintf(buf, sizeof buf, "%s/f4", dir);
	REQUIRE(copy_dir(pkg, buf));
	forge(buf, "offices.csv", ",1,,\r\n", ",1,\r\n");
	refused(b, buf, ERR_PKG_FIELDS, "offices.csv");
	snprintf(buf, sizeof buf, "%s/f5", dir);
	REQUIRE(copy_dir(pkg, buf));
	forge(buf, "offices.csv", "code,", "co\"de,");
	refused(b, buf, ERR_CSV_QUOTE, "offices.csv");
	/* Invalid UTF-8 in a UTF-8 package. */
	snprintf(buf, sizeof buf, "%s/f6", dir);
	REQUIRE(copy_dir(pkg, buf));
	forge(buf, "persons.csv", ",0", ",\xff");
	refused(b, buf, ERR_ENC_INVALID, "persons.csv");
	free(a), free(b), free(o), free(pkg);
}

static void reimport_changes_nothing(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 50);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	char *o = path_in(dir, "o");
	char *pkg = export_to(a, o, NULL, NULL);
	REQUIRE(pkg != NULL);
	CHECK_INT(lb(b, NULL, NULL, "import", pkg, NULL, NULL, NULL, NULL, NULL), 0);
	long long before[NTABLES + 2];
	state(b, before);
	char *out = NULL;
	CHECK_INT(lb(b, &out, NULL, "import", pkg, NULL, NULL, NULL, NULL, NULL), 0);
	CHECK(out != NULL && strstr(out, "已于 2026-11-25T08:00:00Z 导入过") != NULL);
	CHECK(out != NULL && strstr(out, "未作任何更改") != NULL);
	free(out);
	CHECK(same_state(b, before));
	/* The same batch number from that office with other content is refused. */
	char *a2 = make_office(dir, "a2.db", "320508-01", 40);
	char *o2 = path_in(dir, "o2");
	char *pkg2 = export_to(a2, o2, NULL, NULL);
	REQUIRE(pkg2 != NULL);
	refused(b, pkg2, ERR_PKG_REPLAY, "320508-01");
	free(a), free(b), free(o), free(pkg), free(a2), free(o2), free(pkg2);
}

/* Person `id_no` in db: remark set to text (a caseworker's edit). */
static void edit_remark(const char *dbp, const char *id_no, const char *text)
{
	db *d = NULL;
	err_info e;
	if (db_open(dbp, 0, &d, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open %s", dbp);
		return;
	}
	person p;
	if (person_find_by_id_no(d, id_no, &p, &e) == ERR_OK) {
		snprintf(p.remark, sizeof p.remark, "%s", text);
		if (person_update(d, &p, &e) != ERR_OK)
			test_fail(__FILE__, __LINE__, "update %s", id_no);
	} else {
		test_fail(__FILE__, __LINE__, "no person %s", id_no);
	}
	db_close(d);
}

static char *remark(const char *dbp, const char *id_no)
{
	static char buf[700];
	sqlite3 *c = NULL;
	buf[0] = '\0';
	sqlite3_open_v2(dbp, &c, SQLITE_OPEN_READONLY, NULL);
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(c, "SELECT coalesce(remark, '') FROM persons WHERE id_no = ?1", -1, &st,
	                   NULL);
	sqlite3_bind_text(st, 1, id_no, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(c);
	return buf;
}

/* The id_no of the n-th person of db by id_no. */
static void nth_person(const char *dbp, int n, char out[19])
{
	sqlite3 *c = NULL;
	out[0] = '\0';
	sqlite3_open_v2(dbp, &c, SQLITE_OPEN_READONLY, NULL);
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(c, "SELECT id_no FROM persons ORDER BY id_no LIMIT 1 OFFSET ?1", -1, &st,
	                   NULL);
	sqlite3_bind_int(st, 1, n);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, 19, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(c);
}

static void conflicting_edits_are_kept_and_reported(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 40);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	char *oa = path_in(dir, "oa"), *ob = path_in(dir, "ob");
	char *p1 = export_to(a, oa, NULL, NULL);
	REQUIRE(p1 != NULL);
	CHECK_INT(lb(b, NULL, NULL, "import", p1, NULL, NULL, NULL, NULL, NULL), 0);
	char x[19], y[19], z[19];
	nth_person(a, 3, x);
	nth_person(a, 5, y);
	nth_person(a, 7, z);
	edit_remark(a, x, "甲所修改"); /* both offices change x */
	edit_remark(b, x, "乙所修改");
	edit_remark(a, y, "甲所改了Y"); /* only A changes y */
	edit_remark(b, z, "乙所改了Z"); /* only B changes z */
	char *p2 = export_to(a, oa, NULL, NULL);
	REQUIRE(p2 != NULL);
	import_report r;
	err_info e;
	CHECK_INT(import_lib(b, p2, NULL, &r, &e), ERR_OK);
	CHECK_INT(r.total.conflicts, 1);
	CHECK_INT(r.tables[1].updated, 1);
	CHECK_STR(remark(b, x), "乙所修改");  /* never silently overwritten */
	CHECK_STR(remark(b, y), "甲所改了Y"); /* a change only A made arrives */
	CHECK_STR(remark(b, z),
	          "乙所改了Z"); /* a resend of z's old version does not undo B's edit */
	REQUIRE(r.nconflicts == 1);
	CHECK_STR(r.conflicts[0].table, "persons");
	CHECK_STR(r.conflicts[0].key, x);
	CHECK(strstr(r.conflicts[0].reason, "保留本库记录") != NULL);
	/* The report file next to the package lists it, in the package's encoding. */
	size_t n;
	char *rp = malloc(strlen(p2) + 20);
	sprintf(rp, "%s.report.csv", p2);
	CHECK_STR(r.report_path, rp);
	char *rep = slurp(rp, &n), *u = NULL;
	size_t ul;
	REQUIRE(rep != NULL);
	CHECK_INT(enc_to_utf8(ENC_GB18030, rep, n, &u, &ul, NULL, NULL), ERR_OK);
	CHECK(u != NULL && strstr(u, x) != NULL && strstr(u, "persons.csv") != NULL);
	CHECK(u != NULL && strstr(u, "说明") != NULL);
	free(rep), free(u), free(rp);
	import_report_free(&r);
	CHECK_INT(q(b, "SELECT count(*) FROM import_conflicts"), 1);
	/* The screen's view of the log: newest first, the conflict kept with it. */
	{
		db *d = NULL;
		REQUIRE(db_open(b, 0, &d, &e) == ERR_OK);
		import_log_list l;
		CHECK_INT(import_log_recent(d, 10, &l, &e), ERR_OK);
		CHECK_INT(l.n, 2);
		if (l.n == 2) {
			CHECK_INT(l.items[0].batch, 2);
			CHECK_STR(l.items[0].office, "320508-01");
			CHECK_INT(l.items[0].total.conflicts, 1);
			CHECK(l.items[1].total.inserted > 0);
			import_conflict *cs = NULL;
			size_t nc = 0;
			CHECK_INT(import_log_conflicts(d, l.items[0].id, &cs, &nc, &e), ERR_OK);
			CHECK_INT(nc, 1);
			if (nc == 1)
				CHECK_STR(cs[0].key, x);
			free(cs);
		}
		import_log_list_free(&l);
		db_close(d);
	}

	/* Back the other way: B's edits reach A where A had not changed the row since. */
	char *p3 = export_to(b, ob, NULL, NULL);
	REQUIRE(p3 != NULL);
	CHECK_INT(import_lib(a, p3, NULL, &r, &e), ERR_OK);
	CHECK_STR(remark(a, z), "乙所改了Z");
	CHECK_STR(remark(a, x), "甲所修改"); /* both changed x: A keeps its own */
	CHECK_STR(remark(a, y), "甲所改了Y");
	CHECK_INT(r.total.conflicts, 1);
	CHECK(r.total.unchanged > 30);
	import_report_free(&r);
	free(a), free(b), free(oa), free(ob), free(p1), free(p2), free(p3);
}

/* A string from the first row of a query on a database file. */
static void q_text(const char *dbp, const char *sql, char *out, size_t size)
{
	sqlite3 *c = NULL;
	out[0] = '\0';
	sqlite3_open_v2(dbp, &c, SQLITE_OPEN_READONLY, NULL);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(c);
}

static void rows_breaking_a_rule_here_are_kept_out_with_their_children(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 200);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	/* A person with an open registration at A, and follow-ups on it. */
	char id_no[19], name[128];
	q_text(
	    a,
	    "SELECT p.id_no FROM unemp_regs r JOIN persons p ON p.id = r.person_id WHERE "
	    "r.end_date IS NULL AND (SELECT count(*) FROM unemp_followups f WHERE f.reg_id = r.id) "
	    "> 0 ORDER BY p.id_no LIMIT 1",
	    id_no, sizeof id_no);
	REQUIRE(id_no[0] != '\0');
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT name FROM persons WHERE id_no = '%s'", id_no);
	q_text(a, sql, name, sizeof name);
	/* B registered the same person itself, also open. */
	db *d = NULL;
	err_info e;
	REQUIRE(db_open(b, 0, &d, &e) == ERR_OK);
	person p;
	memset(&p, 0, sizeof p);
	strcpy(p.id_no, id_no);
	snprintf(p.name, sizeof p.name, "%s", name);
	p.sex = 2 - (id_no[16] - '0') % 2;
	snprintf(p.birth_date, sizeof p.birth_date, "%.4s-%.2s-%.2s", id_no + 6, id_no + 10,
	         id_no + 12);
	strcpy(p.office, "110101-01");
	REQUIRE(person_insert(d, &p, &e) == ERR_OK);
	unemp_reg u;
	memset(&u, 0, sizeof u);
	u.person_id = p.id;
	strcpy(u.office, "110101-01");
	strcpy(u.reg_date, "2026-10-08");
	u.hukou_kind = UNEMP_URBAN;
	REQUIRE(unemp_insert(d, &u, &e) == ERR_OK);
	db_close(d);
	char *o = path_in(dir, "o");
	char *pkg = export_to(a, o, NULL, NULL);
	REQUIRE(pkg != NULL);
	import_report r;
	CHECK_INT(import_lib(b, pkg, NULL, &r, &e), ERR_OK);
	/* The person B created itself differs from A's: kept. A's registration breaks "one open
	 * registration per person": kept out, and so are its follow-ups. */
	size_t regs = 0, followups = 0, persons = 0;
	for (size_t i = 0; i < r.nconflicts; i++) {
		if (strcmp(r.conflicts[i].table, "persons") == 0 &&
		    strcmp(r.conflicts[i].key, id_no) == 0)
			persons++;
		if (strcmp(r.conflicts[i].table, "unemp_regs") == 0) {
			regs++;
			CHECK(strstr(r.conflicts[i].reason, "重复") != NULL);
		}
		if (strcmp(r.conflicts[i].table, "unemp_followups") == 0) {
			followups++;
			CHECK(strstr(r.conflicts[i].reason, "未能导入") != NULL);
		}
	}
	CHECK_INT(persons, 1);
	CHECK_INT(regs, 1);
	CHECK(followups >= 1);
	CHECK_INT(r.tables[4].conflicts, followups);
	/* Everything else arrived. */
	CHECK_INT(q(b, "SELECT count(*) FROM unemp_regs"), q(a, "SELECT count(*) FROM unemp_regs"));
	CHECK_INT(q(b, "SELECT count(*) FROM unemp_followups"),
	          q(a, "SELECT count(*) FROM unemp_followups") - (long long)followups);
	CHECK_INT(q(b, "SELECT count(*) FROM persons"), 200);
	import_report_free(&r);
	free(a), free(b), free(o), free(pkg);
}

static void gb18030_converts_back_to_the_same_text(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 60);
	/* Names and addresses that need every GB18030 form: 2 bytes, 4 bytes, the middle dot. */
	db *d = NULL;
	err_info e;
	REQUIRE(db_open(a, 0, &d, &e) == ERR_OK);
	person p;
	memset(&p, 0, sizeof p);
	strcpy(p.id_no, "11010519491231002X");
	strcpy(p.name, "𠮷野·阿依古丽");
	strcpy(p.name_py, "jy");
	p.sex = 2;
	strcpy(p.birth_date, "1949-12-31");
	strcpy(p.address, "北京市朝阳区“和平”街1号,3单元\n（后楼）€");
	strcpy(p.office, "320508-01");
	CHECK_INT(person_insert(d, &p, &e), ERR_OK);
	db_close(d);
	char *copy = path_in(dir, "a2.db"), *c3 = path_in(dir, "a3.db");
	REQUIRE(copy_file(a, copy));
	REQUIRE(copy_file(a, c3));
	char *o1 = path_in(dir, "gb"), *o2 = path_in(dir, "u8");
	char *pg = export_to(a, o1, NULL, NULL);
	char *pu = export_to(copy, o2, "--encoding", "utf-8");
	REQUIRE(pg != NULL && pu != NULL);
	static const char *const files[] = {"persons.csv", "employers.csv", "hearing_log.csv",
	                                    "arb_claims.csv", "training_classes.csv"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *fg = path_in(pg, files[i]), *fu = path_in(pu, files[i]);
		size_t ng, nu;
		char *g = slurp(fg, &ng), *u8 = slurp(fu, &nu);
		char *back = NULL;
		size_t nb = 0;
		REQUIRE(g != NULL && u8 != NULL);
		CHECK_INT(enc_to_utf8(ENC_GB18030, g, ng, &back, &nb, NULL, NULL), ERR_OK);
		CHECK(back != NULL && nb == nu && memcmp(back, u8, nu) == 0);
		if (i == 0) {
			CHECK(ng < nu); /* Chinese takes 2 bytes in GB18030, 3 in UTF-8 */
			CHECK(strstr(u8, "\"北京市朝阳区“和平”街1号,3单元\n（后楼）€\"") != NULL);
			CHECK(strstr(u8, "𠮷野·阿依古丽") != NULL);
			CHECK(has_bytes(g, ng, "\x95\x34\xb2\x35", 4)); /* 𠮷 as four bytes */
		}
		free(fg), free(fu), free(g), free(u8), free(back);
	}
	/* A UTF-8 package with a BOM starts each file with one, and imports. */
	char *o3 = path_in(dir, "bom");
	db *d3 = NULL;
	REQUIRE(db_open(c3, 0, &d3, &e) == ERR_OK);
	export_opts xo = {.out_dir = o3, .encoding = ENC_UTF8, .bom = 1};
	export_result xr;
	mkdir(o3, 0700);
	CHECK_INT(export_run(d3, &xo, &xr, &e), ERR_OK);
	db_close(d3);
	size_t n;
	char *fb = path_in(xr.path, "offices.csv");
	char *bom = slurp(fb, &n);
	CHECK(bom != NULL && n > 3 &&
	      memcmp(bom,
	             "\xEF\xBB\xBF"
	             "code,",
	             8) == 0);
	free(bom), free(fb);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	import_report r;
	CHECK_INT(import_lib(b, xr.path, NULL, &r, &e), ERR_OK);
	CHECK_INT(q(b, "SELECT count(*) FROM persons WHERE name = '𠮷野·阿依古丽'"), 1);
	import_report_free(&r);
	free(a), free(copy), free(o1), free(o2), free(pg), free(pu), free(c3), free(o3), free(b);
}

static void tar_and_sealed_packages(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 40);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	char *keys = path_in(dir, "centre");
	CHECK_INT(lb(a, NULL, NULL, "keygen", "--out", keys, NULL, NULL, NULL, NULL), 0);
	char *pub = path_in(dir, "centre.pub"), *sec = path_in(dir, "centre.key");
	struct stat sb;
	CHECK(stat(sec, &sb) == 0 && (sb.st_mode & 077) == 0);
	char *err = NULL;
	CHECK_INT(lb(a, NULL, &err, "keygen", "--out", keys, NULL, NULL, NULL, NULL), 1);
	CHECK(err != NULL && strstr(err, "centre.pub") != NULL);
	free(err);
	char *ot = path_in(dir, "tar"), *os = path_in(dir, "sealed"), *o2 = path_in(dir, "tar2");
	char *tar = export_to(a, ot, "--tar", NULL);
	REQUIRE(tar != NULL);
	CHECK(strstr(tar, ".tar") != NULL);
	mkdir(o2, 0700);
	mkdir(os, 0700);
	/* The tar is reproducible too. */
	CHECK_INT(lb(a, NULL, NULL, "export", "--batch", "1", "--tar", "--out", o2, NULL), 0);
	char *tar2 = path_in(o2, strrchr(tar, '/') + 1);
	CHECK(same_files(tar, tar2));
	CHECK_INT(lb(a, NULL, NULL, "export", "--batch", "1", "--seal", pub, "--out", os), 0);
	char *sealed = malloc(strlen(os) + 64);
	sprintf(sealed, "%s/laobao-320508-01-000001.tar.sealed", os);
	/* Wrong or missing key, the secret key for sealing, a truncated file. */
	refused(b, sealed, ERR_SEAL_NEED_KEY, NULL);
	char *other = path_in(dir, "other");
	CHECK_INT(lb(a, NULL, NULL, "keygen", "--out", other, NULL, NULL, NULL, NULL), 0);
	char *osec = path_in(dir, "other.key");
	import_report r;
	err_info e;
	CHECK_INT(import_lib(b, sealed, osec, &r, &e), ERR_SEAL_OPEN);
	CHECK_INT(import_lib(b, sealed, pub, &r, &e), ERR_SEAL_KEY);
	char *os2 = path_in(dir, "sealed2");
	mkdir(os2, 0700);
	CHECK_INT(lb(a, NULL, &err, "export", "--batch", "1", "--seal", sec, "--out", os2), 1);
	CHECK(err != NULL && strstr(err, "公钥") != NULL);
	free(err);
	size_t n;
	char *data = slurp(sealed, &n);
	char *cut = path_in(dir, "cut.sealed");
	spew(cut, data, n - 100);
	CHECK_INT(import_lib(b, cut, sec, &r, &e), ERR_SEAL_TRUNCATED);
	data[n / 2] ^= 1;
	spew(cut, data, n);
	CHECK_INT(import_lib(b, cut, sec, &r, &e), ERR_SEAL_OPEN);
	CHECK_INT(q(b, "SELECT count(*) FROM persons"), 0);
	free(data);
	/* The plain tar is not encrypted: names appear in it; the sealed file hides them. */
	char *plain = slurp(tar, &n);
	CHECK(plain != NULL && has_bytes(plain, n, "persons.csv", 11));
	free(plain);
	plain = slurp(sealed, &n);
	CHECK(plain != NULL && !has_bytes(plain, n, "persons.csv", 11));
	free(plain);
	/* The right key opens it; the tar imports as well (as the same batch: already done). */
	CHECK_INT(import_lib(b, sealed, sec, &r, &e), ERR_OK);
	CHECK_INT(r.total.inserted, r.m.rows);
	import_report_free(&r);
	CHECK_INT(import_lib(b, tar, NULL, &r, &e), ERR_OK);
	CHECK_INT(r.already, 1);
	CHECK_INT(q(b, "SELECT count(*) FROM persons"), 40);
	free(a), free(b), free(keys), free(pub), free(sec), free(ot), free(os), free(o2), free(tar),
	    free(tar2), free(sealed), free(other), free(osec), free(os2), free(cut);
}

/* Kill `laobao import` after delay_us; 1 if it was killed before finishing. */
static int import_killed_after(const char *dbp, const char *pkg, long delay_us)
{
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		for (size_t i = 0; xenv[i]; i++)
			putenv(xenv[i]);
		execl(test_laobao(), test_laobao(), "--db", dbp, "import", "--no-report", pkg,
		      (char *)NULL);
		_exit(127);
	}
	struct timespec ts = {delay_us / 1000000, (delay_us % 1000000) * 1000};
	nanosleep(&ts, NULL);
	kill(pid, SIGKILL);
	int st = 0;
	waitpid(pid, &st, 0);
	return WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
}

static void sigkill_during_import_leaves_database_unchanged(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 6000);
	char *b = make_office(dir, "b.db", "110101-01", 0);
	char *o = path_in(dir, "o");
	char *pkg = export_to(a, o, NULL, NULL);
	REQUIRE(pkg != NULL);
	/* What a finished import leaves, on a copy. */
	char *done = path_in(dir, "done.db");
	REQUIRE(copy_file(b, done));
	CHECK_INT(lb(done, NULL, NULL, "import", "--no-report", pkg, NULL, NULL, NULL, NULL), 0);
	long long before[NTABLES + 2], after[NTABLES + 2];
	state(b, before);
	state(done, after);
	/* Killed at ever later points, the database is as before or as after, never between. */
	int kills = 0;
	long delay = 2000;
	for (int i = 0; i < 40; i++, delay = delay * 3 / 2) {
		int killed = import_killed_after(b, pkg, delay);
		CHECK_INT(
		    q(b,
		      "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
		    1);
		long long now[NTABLES + 2];
		state(b, now);
		if (memcmp(now, after, sizeof now) == 0)
			break;
		if (!same_state(b, before)) {
			test_fail(__FILE__, __LINE__, "killed after %ld us: database half changed",
			          delay);
			break;
		}
		kills += killed;
	}
	printf("# killed %d times in the middle of an import\n", kills);
	CHECK(kills >= 3);
	free(done);
	/* The package still applies afterwards, exactly once. */
	lb(b, NULL, NULL, "import", pkg, NULL, NULL, NULL, NULL, NULL);
	CHECK_INT(q(b, "SELECT count(*) FROM persons"), 6000);
	CHECK_INT(q(b, "SELECT count(*) FROM import_log"), 1);
	free(a), free(b), free(o), free(pkg);
}

static void batches_are_listed_with_counts_and_hashes(void)
{
	const char *dir = test_tmpdir();
	char *a = make_office(dir, "a.db", "320508-01", 30);
	char *o = path_in(dir, "o");
	char *pkg = export_to(a, o, NULL, NULL);
	REQUIRE(pkg != NULL);
	db *d = NULL;
	err_info e;
	REQUIRE(db_open(a, 0, &d, &e) == ERR_OK);
	export_batch_list l;
	CHECK_INT(export_batch_list_recent(d, 10, &l, &e), ERR_OK);
	REQUIRE(l.n == 1);
	CHECK_INT(l.items[0].batch, 1);
	CHECK_STR(l.items[0].office, "320508-01");
	CHECK_STR(l.items[0].encoding, "GB18030");
	CHECK_INT(l.items[0].nfiles, 19);
	CHECK_STR(l.items[0].files[1].name, "persons.csv");
	CHECK_INT(l.items[0].files[1].rows, 30);
	CHECK_INT(strlen(l.items[0].files[1].sha256), 64);
	CHECK_INT(strlen(l.items[0].manifest_sha256), 64);
	export_batch_list_free(&l);
	db_close(d);
	char *out = NULL;
	CHECK_INT(lb(a, &out, NULL, "export", "--list", NULL, NULL, NULL, NULL, NULL), 0);
	CHECK(out != NULL && strstr(out, "\tpersons.csv\t30\t") != NULL);
	free(out);
	/* Usage errors: exit 2 with a message. */
	CHECK_INT(lb(a, NULL, &out, "export", NULL, NULL, NULL, NULL, NULL, NULL), 2);
	free(out);
	CHECK_INT(lb(a, NULL, &out, "export", "--out", o, "--encoding", "gbk", NULL, NULL), 2);
	free(out);
	CHECK_INT(lb(a, NULL, &out, "export", "--out", o, "--bom", NULL, NULL, NULL), 2);
	free(out);
	CHECK_INT(lb(a, NULL, &out, "import", NULL, NULL, NULL, NULL, NULL, NULL), 2);
	free(out);
	CHECK_INT(lb(a, NULL, &out, "export", "--out", "/nonexistent/x", NULL, NULL, NULL, NULL),
	          1);
	free(out);
	/* Without an office set there is no export. */
	char *c = path_in(dir, "c.db");
	lb(c, NULL, NULL, "init", NULL, NULL, NULL, NULL, NULL, NULL);
	CHECK_INT(lb(c, NULL, &out, "export", "--out", o, NULL, NULL, NULL, NULL), 1);
	CHECK(out != NULL && strstr(out, "--office") != NULL);
	free(out);
	CHECK_INT(lb(c, NULL, &out, "init", "--office", "ABC", "--office-name", "某所", NULL, NULL),
	          2);
	free(out);
	free(a), free(o), free(pkg), free(c);
}

/* ---- CSV and manifest units ---- */

typedef struct rows {
	char text[4096];
	long lines[16];
	size_t n;
} rows;

static err_code collect(void *ctx, const csv_record *r, err_info *e)
{
	(void)e;
	rows *x = ctx;
	size_t used = strlen(x->text);
	for (size_t i = 0; i < r->n; i++)
		used += (size_t)snprintf(x->text + used, sizeof x->text - used, "%s[%s]",
		                         i ? "" : "|", r->field[i]);
	if (x->n < 16)
		x->lines[x->n] = r->line;
	x->n++;
	return ERR_OK;
}

/* Parse s fed in chunks of `step` bytes. */
static err_code parse(const char *s, size_t len, size_t step, rows *out, err_info *e)
{
	memset(out, 0, sizeof *out);
	csv_reader *r = NULL;
	if (csv_reader_new(&r, e) != ERR_OK)
		return ERR_NOMEM;
	err_code c = ERR_OK;
	for (size_t i = 0; i < len && c == ERR_OK; i += step)
		c = csv_feed(r, s + i, len - i < step ? len - i : step, collect, out, e);
	if (c == ERR_OK)
		c = csv_finish(r, collect, out, e);
	csv_reader_free(r);
	return c;
}

static void csv_round_trip_and_errors(void)
{
	csv_buf b = {0};
	static const char *const vals[] = {"plain",        "",        "a,b", "say \"hi\"",
	                                   "two\r\nlines", "张三·李", "\"",  "x\ry"};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		csv_put_field(&b, vals[i], strlen(vals[i]), i == 0);
	csv_end_record(&b);
	CHECK_STR(
	    b.s,
	    "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",张三·李,\"\"\"\",\"x\ry\"\r\n");
	for (size_t step = 1; step <= b.n; step++) {
		rows r;
		err_info e;
		CHECK_INT(parse(b.s, b.n, step, &r, &e), ERR_OK);
		CHECK_STR(r.text, "|[plain][][a,b][say \"hi\"][two\r\nlines][张三·李][\"][x\ry]");
		CHECK_INT(r.n, 1);
	}
	csv_buf_free(&b);
	rows r;
	err_info e;
	/* LF or CRLF ends a record; the last may lack one; an empty line is one empty field. */
	CHECK_INT(parse("a,b\nc\r\n\n\"q\"\nlast", 16, 3, &r, &e), ERR_OK);
	CHECK_STR(r.text, "|[a][b]|[c]|[]|[q]|[last]");
	CHECK_INT(r.lines[4], 5);
	CHECK_INT(parse("a,\"multi\nline\"\nnext\n", 20, 5, &r, &e), ERR_OK);
	CHECK_INT(r.lines[1], 3);
	/* Errors name the line. */
	CHECK_INT(parse("ok\nbad\"quote\n", 13, 4, &r, &e), ERR_CSV_QUOTE);
	CHECK_STR(e.detail, "第2行");
	CHECK_INT(parse("\"a\"b\n", 5, 1, &r, &e), ERR_CSV_QUOTE);
	CHECK_INT(parse("x\n\"open\nstill", 13, 2, &r, &e), ERR_CSV_UNTERMINATED);
	CHECK_STR(e.detail, "第2行");
	char *big = malloc(CSV_MAX_RECORD + 10);
	memset(big, 'x', CSV_MAX_RECORD + 9);
	big[CSV_MAX_RECORD + 9] = '\n';
	CHECK_INT(parse(big, CSV_MAX_RECORD + 10, 65536, &r, &e), ERR_CSV_TOO_LONG);
	memset(big, ',', 1000);
	CHECK_INT(parse(big, 1000, 100, &r, &e), ERR_CSV_TOO_LONG);
	free(big);
	/* Binary bytes are just bytes; NUL too. */
	CHECK_INT(parse("\x01\xff,\x80\n", 5, 1, &r, &e), ERR_OK);
	CHECK_INT(r.n, 1);
}

static void manifest_parse_is_strict(void)
{
	package_manifest m, back;
	memset(&m, 0, sizeof m);
	m.format = 1;
	strcpy(m.office, "320508-01");
	m.batch = 12;
	m.first_seq = 100;
	m.last_seq = 250;
	m.schema = 3;
	strcpy(m.created_at, "2026-11-25T08:00:00Z");
	strcpy(m.encoding, "GB18030");
	m.rows = 7;
	m.nfiles = 1;
	strcpy(m.files[0].name, "persons.csv");
	m.files[0].rows = 7;
	m.files[0].bytes = 900;
	memset(m.files[0].sha256, 'a', 64);
	char *text;
	size_t n;
	err_info e;
	REQUIRE(package_manifest_format(&m, &text, &n, &e) == ERR_OK);
	CHECK_INT(package_manifest_parse(text, n, &back, &e), ERR_OK);
	CHECK_INT(back.batch, 12);
	CHECK_STR(back.files[0].sha256, m.files[0].sha256);
	CHECK_STR(back.office, "320508-01");
	static const struct {
		const char *from, *to;
		err_code code;
	} bad[] = {
	    {"office 320508-01", "office 苏州", ERR_PKG_MANIFEST},
	    {"batch 12", "batch -1", ERR_PKG_MANIFEST},
	    {"last-seq 250", "last-seq 99", ERR_PKG_MANIFEST},
	    {"encoding GB18030", "encoding GBK", ERR_PKG_MANIFEST},
	    {"created-at 2026-11-25T08:00:00Z", "created-at yesterday", ERR_PKG_MANIFEST},
	    {"file persons.csv", "file ../persons.csv", ERR_PKG_MANIFEST},
	    {"end\n", "end\nmore\n", ERR_PKG_MANIFEST},
	    {"end\n", "", ERR_PKG_MANIFEST},
	    {"LAOBAO-PACKAGE 1", "LAOBAO-PACKAGE 2", ERR_PKG_TOO_NEW},
	    {"LAOBAO-PACKAGE 1", "PK\x03\x04", ERR_PKG_FOREIGN},
	    {"bom 0", "bom 0\r", ERR_PKG_MANIFEST},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char buf[2048];
		const char *at = strstr(text, bad[i].from);
		REQUIRE(at != NULL);
		snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - text), text, bad[i].to,
		         at + strlen(bad[i].from));
		err_code c = package_manifest_parse(buf, strlen(buf), &back, &e);
		if (c != bad[i].code)
			test_fail(__FILE__, __LINE__, "%s: %s", bad[i].to, err_name(c));
	}
	CHECK_INT(package_manifest_parse("", 0, &back, &e), ERR_PKG_FOREIGN);
	free(text);
}

TEST_MAIN(T(csv_round_trip_and_errors), T(manifest_parse_is_strict), T(b_holds_a_data_after_import),
          T(batch_written_again_is_byte_identical), T(tampered_packages_are_refused),
          T(forged_rows_are_refused_whole), T(reimport_changes_nothing),
          T(conflicting_edits_are_kept_and_reported),
          T(rows_breaking_a_rule_here_are_kept_out_with_their_children),
          T(gb18030_converts_back_to_the_same_text), T(tar_and_sealed_packages),
          T(batches_are_listed_with_counts_and_hashes),
          T(sigkill_during_import_leaves_database_unchanged))
