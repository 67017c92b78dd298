/*
 * Tests for forms/export_form and forms/import_form: the administrator's
 * 数据导出 and 数据导入 as forms, without a terminal — a batch written from
 * the form with its progress reported, shown with its files and hashes,
 * nothing written twice, written again byte for byte, a wrong folder or key
 * refused naming its field before anything is written; a package imported
 * from the form with its report, a second import saying so, a tampered or
 * own package refused naming the package field with the database
 * unchanged, a sealed one needing the key, and a conflict listed and
 * opened whole.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db/dbint.h"
#include "db/export.h"
#include "db/import.h"
#include "db/office.h"
#include "db/operator.h"
#include "db/package.h"
#include "db/person.h"
#include "db/setting.h"
#include "forms/demo.h"
#include "forms/export_form.h"
#include "forms/import_form.h"
#include "locale/msg.h"
#include "tests/test.h"

static lb_date x_today(void)
{
	lb_date d = 0;
	date_from_ymd(2026, 11, 25, &d, NULL);
	return d;
}

static char *x_path(const char *name)
{
	static char buf[8][4300];
	static int k;
	char *p = buf[k++ % 8];
	snprintf(p, 4300, "%s/%s", test_tmpdir(), name);
	return p;
}

/* Office A: demo data (its own office is the demo bureau's first). */
static db *x_office_a(const char *name, long persons)
{
	err_info e;
	db *d = NULL;
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	if (db_open(x_path(name), DB_OPEN_CREATE, &d, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
		return NULL;
	}
	demo_opts o = {.persons = persons, .seed = 7, .today = x_today()};
	if (demo_generate(d, &o, NULL, NULL, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "demo: %s", err_name(e.code));
	return d;
}

/* Office B: an empty database of another office, with an administrator acting. */
static db *x_office_b(const char *name, const char *code)
{
	err_info e;
	db *d = NULL;
	if (db_open(x_path(name), DB_OPEN_CREATE, &d, &e) != ERR_OK) {
		test_fail(__FILE__, __LINE__, "open: %s", err_name(e.code));
		return NULL;
	}
	office o;
	memset(&o, 0, sizeof o);
	snprintf(o.code, sizeof o.code, "%s", code);
	snprintf(o.name, sizeof o.name, "乙劳动保障所");
	snprintf(o.area_code, sizeof o.area_code, "110101");
	operator_rec op;
	memset(&op, 0, sizeof op);
	snprintf(op.login, sizeof op.login, "admin2");
	snprintf(op.name, sizeof op.name, "乙所管理员");
	op.role = ROLE_ADMIN;
	snprintf(op.office, sizeof op.office, "%s", code);
	if (office_insert(d, &o, &e) != ERR_OK ||
	    setting_set(d, "office.default", code, &e) != ERR_OK ||
	    operator_add(d, &op, "secret-pw", &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "office B: %s", err_name(e.code));
	db_set_actor(d, op.id, "admin2");
	return d;
}

static int64_t x_count(db *d, const char *sql)
{
	err_info e;
	int64_t n = -1;
	sqlite3_stmt *st = db_stmt(d, sql, &e);
	if (st != NULL && db_fetch_int(d, st, &n, &e) != ERR_OK)
		n = -1;
	return n;
}

static form *x_form(const form_spec *spec, db *d)
{
	err_info e;
	form *f = NULL;
	if (form_new(spec, d, x_today(), 0, &f, &e) != ERR_OK)
		test_fail(__FILE__, __LINE__, "form_new %s: %s", spec->id, err_name(e.code));
	return f;
}

static err_code x_enter(form *f, int i, const char *v, err_info *e)
{
	err_code c = form_set_value(f, i, v, e);
	return c != ERR_OK ? c : form_leave_field(f, i, NULL, e);
}

static char *x_slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	char *buf = malloc(1 << 20);
	*n = buf ? fread(buf, 1, 1 << 20, fp) : 0;
	fclose(fp);
	return buf;
}

/* What the progress callback saw. */
typedef struct x_seen {
	int calls;
	msg_id steps[2];
	uint64_t last_done, last_total;
} x_seen;

static void x_progress(void *ctx, msg_id step, const char *item, uint64_t done, uint64_t total)
{
	x_seen *s = ctx;
	(void)item;
	if (s->calls == 0 || s->steps[1] != step) {
		s->steps[0] = s->steps[1];
		s->steps[1] = step;
	}
	s->calls++;
	s->last_done = done;
	s->last_total = total;
}

/* Export the next batch of d into dir from the form; the package path (static) or NULL. */
static const char *x_export(db *d, const char *dir, const char *seal)
{
	static char path[4400];
	err_info e;
	int bad = -1;
	mkdir(dir, 0700);
	form *f = x_form(&export_form_spec, d);
	CHECK_INT(x_enter(f, EF_OUT_DIR, dir, &e), ERR_OK);
	if (seal != NULL)
		CHECK_INT(x_enter(f, EF_SEAL, seal, &e), ERR_OK);
	err_code c = form_save(f, &bad, &e);
	if (c != ERR_OK)
		test_fail(__FILE__, __LINE__, "export: %s %s", err_name(c), e.detail);
	snprintf(path, sizeof path, "%s", form_value(f, EF_PATH));
	form_free(f);
	return c == ERR_OK ? path : NULL;
}

static void export_from_the_form(void)
{
	db *a = x_office_a("xa.db", 60);
	REQUIRE(a != NULL);
	err_info e;
	int bad = -1;
	char *out = x_path("out1");
	mkdir(out, 0700);
	form *f = x_form(&export_form_spec, a);
	x_seen seen = {0};
	form_set_progress(f, x_progress, &seen);
	/* a new batch asks for the folder and options; the batch's own fields are hidden */
	CHECK(form_visible(f, EF_OUT_DIR) && form_visible(f, EF_TAR) && form_visible(f, EF_SEAL));
	CHECK(!form_visible(f, EF_BATCH) && !form_visible(f, EF_MANIFEST) &&
	      !form_visible(f, EF_PATH));
	CHECK_STR(form_value(f, EF_ENCODING), "1"); /* GB18030 unless the setting says UTF-8 */
	CHECK(!form_visible(f, EF_BOM));
	/* the folder is required, and must exist */
	CHECK_INT(form_save(f, &bad, &e), ERR_FIELD_REQUIRED);
	CHECK_INT(bad, EF_OUT_DIR);
	CHECK_INT(x_enter(f, EF_OUT_DIR, x_path("no-such-folder"), &e), ERR_PATH_NOT_DIR);
	CHECK_INT(e.field, MSG_XF_OUT_DIR);
	CHECK_INT(x_enter(f, EF_OUT_DIR, out, &e), ERR_OK);
	/* a key file that is not there is refused before anything is written */
	CHECK_INT(x_enter(f, EF_SEAL, x_path("nokey.pub"), &e), ERR_PATH_MISSING);
	CHECK_INT(form_save(f, &bad, &e), ERR_PATH_MISSING);
	CHECK_INT(bad, EF_SEAL);
	CHECK_INT(x_count(a, "SELECT count(*) FROM export_batches"), 0);
	CHECK_INT(x_enter(f, EF_SEAL, "", &e), ERR_OK);
	/* UTF-8 asks about the BOM */
	CHECK_INT(x_enter(f, EF_ENCODING, "2", &e), ERR_OK);
	CHECK(form_visible(f, EF_BOM));
	CHECK_INT(x_enter(f, EF_ENCODING, "1", &e), ERR_OK);

	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(form_record_id(f), 1);
	CHECK_STR(form_value(f, EF_BATCH), "1");
	CHECK(strstr(form_notice(f), "已导出第 1 批") != NULL);
	/* progress was reported as "正在导出" and ended with every row */
	CHECK(seen.calls >= 2);
	CHECK_INT(seen.steps[1], MSG_XF_STEP_EXPORT);
	CHECK(seen.last_total > 0 && seen.last_done == seen.last_total);
	export_batch b;
	REQUIRE(export_batch_get(a, 1, &b, &e) == ERR_OK);
	CHECK_STR(form_value(f, EF_MANIFEST), b.manifest_sha256);
	char rows[24];
	snprintf(rows, sizeof rows, "%llu", (unsigned long long)b.rows);
	CHECK_STR(form_value(f, EF_ROWS), rows);
	CHECK_INT((long long)seen.last_total, (long long)b.rows);
	CHECK_STR(b.encoding, "GB18030");
	/* the package is there, and the form now only shows the batch */
	CHECK(form_visible(f, EF_PATH) && !form_visible(f, EF_OUT_DIR));
	char manifest[4500];
	snprintf(manifest, sizeof manifest, "%s/%s", form_value(f, EF_PATH), PACKAGE_MANIFEST);
	struct stat st;
	CHECK(stat(manifest, &st) == 0 && st.st_size > 0);
	CHECK(form_readonly(f));
	CHECK_INT(form_set_value(f, EF_TAR, "1", &e), ERR_FORM_READONLY);
	CHECK_INT(form_save(f, &bad, &e), ERR_FORM_READONLY);
	form_free(f);

	/* nothing changed since: nothing is written and the user is told */
	f = x_form(&export_form_spec, a);
	CHECK_INT(x_enter(f, EF_OUT_DIR, out, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_EXPORT_NOTHING);
	CHECK_INT(bad, -1);
	CHECK_INT(form_record_id(f), 0);
	CHECK(!form_readonly(f));
	CHECK_INT(x_count(a, "SELECT count(*) FROM export_batches"), 1);
	form_free(f);

	/* the list shows the batch; the query is a batch number */
	listing_row r[4];
	size_t n = 0, total = 0;
	CHECK_INT(export_list_spec.search(a, "", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 1);
	CHECK_INT(r[0].id, 1);
	CHECK_STR(r[0].cells[EL_MANIFEST], b.manifest_sha256);
	CHECK_STR(r[0].cells[EL_ENCODING], "GB18030");
	CHECK_STR(r[0].cells[EL_ROWS], rows);
	CHECK_INT(export_list_spec.search(a, "1", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 1);
	CHECK_INT(export_list_spec.search(a, "2", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 0);
	CHECK_INT(export_list_spec.search(a, "一'; DROP", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 0);

	/* opened from the list: the batch with its files, each file's hash whole */
	f = x_form(&export_form_spec, a);
	REQUIRE(form_load(f, 1, &e) == ERR_OK);
	CHECK(form_readonly(f));
	CHECK_STR(form_value(f, EF_MANIFEST), b.manifest_sha256);
	CHECK(!form_visible(f, EF_PATH));
	CHECK_INT(form_n_sublists(f), 1);
	listing_row fr[PACKAGE_MAX_FILES];
	CHECK_INT(form_sublist_rows(f, 0, 0, PACKAGE_MAX_FILES, fr, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, (int)b.nfiles);
	CHECK_INT((int)total, (int)b.nfiles);
	CHECK_STR(fr[0].cells[0], b.files[0].name);
	form *file = NULL;
	REQUIRE(form_sublist_open(f, 0, 2, &file, &e) == ERR_OK);
	CHECK_STR(form_value(file, EFF_NAME), b.files[1].name);
	CHECK_STR(form_value(file, EFF_SHA256), b.files[1].sha256);
	form_free(file);
	CHECK(form_sublist_open(f, 0, 99, &file, &e) != ERR_OK);

	/* written again from the batch: byte for byte the same manifest */
	CHECK(form_action_enabled(f, 0));
	form *again = NULL;
	REQUIRE(form_action_open(f, 0, &again, &e) == ERR_OK);
	CHECK_STR(form_value(again, EA_BATCH), "1");
	char *out2 = x_path("out2");
	mkdir(out2, 0700);
	CHECK_INT(x_enter(again, EA_OUT_DIR, out2, &e), ERR_OK);
	CHECK_INT(form_save(again, &bad, &e), ERR_OK);
	CHECK(strstr(form_notice(again), "逐字节相同") != NULL);
	char manifest2[4500];
	snprintf(manifest2, sizeof manifest2, "%s/%s", form_value(again, EA_PATH),
	         PACKAGE_MANIFEST);
	size_t n1 = 0, n2 = 0;
	char *m1 = x_slurp(manifest, &n1), *m2 = x_slurp(manifest2, &n2);
	CHECK(m1 != NULL && m2 != NULL && n1 == n2 && n1 > 0 && memcmp(m1, m2, n1) == 0);
	free(m1), free(m2);
	/* into the same folder again: refused naming the folder, nothing overwritten */
	form_free(again);
	REQUIRE(form_action_open(f, 0, &again, &e) == ERR_OK);
	CHECK_INT(x_enter(again, EA_OUT_DIR, out2, &e), ERR_OK);
	CHECK_INT(form_save(again, &bad, &e), ERR_EXPORT_EXISTS);
	CHECK_INT(bad, EA_OUT_DIR);
	form_free(again);
	form_free(f);
	db_close(a);
}

static void import_from_the_form(void)
{
	db *a = x_office_a("ia.db", 40);
	db *b = x_office_b("ib.db", "110101-02");
	REQUIRE(a != NULL && b != NULL);
	err_info e;
	int bad = -1;
	const char *p = x_export(a, x_path("iout"), NULL);
	REQUIRE(p != NULL);
	char pkg[4400];
	snprintf(pkg, sizeof pkg, "%s", p);
	int64_t persons = x_count(a, "SELECT count(*) FROM persons");

	/* a tampered copy is refused naming the package field; B is unchanged */
	char bad_pkg[4400], copy_to[4500];
	snprintf(bad_pkg, sizeof bad_pkg, "%s", x_path("tampered"));
	mkdir(bad_pkg, 0700);
	const char *names[] = {PACKAGE_MANIFEST, "persons.csv"};
	export_batch eb;
	REQUIRE(export_batch_get(a, 1, &eb, &e) == ERR_OK);
	for (size_t k = 0; k < eb.nfiles + 1; k++) {
		const char *nm = k == 0 ? names[0] : eb.files[k - 1].name;
		char from[4500];
		size_t n = 0;
		snprintf(from, sizeof from, "%s/%s", pkg, nm);
		char *data = x_slurp(from, &n);
		REQUIRE(data != NULL);
		if (strcmp(nm, "persons.csv") == 0 && n > 200)
			data[n - 20] ^= 0x01; /* one bit of one byte */
		snprintf(copy_to, sizeof copy_to, "%s/%s", bad_pkg, nm);
		FILE *fp = fopen(copy_to, "wb");
		REQUIRE(fp != NULL);
		fwrite(data, 1, n, fp);
		fclose(fp);
		free(data);
	}
	form *f = x_form(&import_form_spec, b);
	x_seen seen = {0};
	form_set_progress(f, x_progress, &seen);
	CHECK(form_visible(f, IF_PATH) && !form_visible(f, IF_INSERTED));
	CHECK_INT(form_save(f, &bad, &e), ERR_FIELD_REQUIRED);
	CHECK_INT(bad, IF_PATH);
	CHECK_INT(x_enter(f, IF_PATH, x_path("nothing-here"), &e), ERR_PATH_MISSING);
	CHECK_INT(x_enter(f, IF_PATH, bad_pkg, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_PKG_HASH);
	CHECK_INT(bad, IF_PATH);
	CHECK(strstr(e.detail, "persons.csv") != NULL);
	CHECK_INT(x_count(b, "SELECT count(*) FROM persons"), 0);
	CHECK_INT(x_count(b, "SELECT count(*) FROM import_log"), 0);
	CHECK_INT(form_record_id(f), 0);

	/* the real package: verified, applied, reported */
	seen = (x_seen){0};
	CHECK_INT(x_enter(f, IF_PATH, pkg, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK(form_record_id(f) > 0);
	CHECK(form_readonly(f));
	CHECK_INT(x_count(b, "SELECT count(*) FROM persons"), persons);
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)x_count(b, "SELECT inserted FROM import_log"));
	CHECK_STR(form_value(f, IF_INSERTED), num);
	CHECK_STR(form_value(f, IF_CONFLICTS), "0");
	CHECK_STR(form_value(f, IF_BATCH), "1");
	CHECK_STR(form_value(f, IF_LOGIN), "admin2");
	CHECK(strncmp(form_value(f, IF_FROM), eb.office, strlen(eb.office)) == 0);
	CHECK_STR(form_value(f, IF_MANIFEST), eb.manifest_sha256);
	CHECK(strstr(form_notice(f), "已导入") != NULL);
	CHECK_INT(seen.steps[0], MSG_XF_STEP_VERIFY);
	CHECK_INT(seen.steps[1], MSG_XF_STEP_IMPORT);
	CHECK(form_visible(f, IF_REPORT) && !form_visible(f, IF_PATH));
	int64_t log_id = form_record_id(f);
	form_free(f);

	/* again: nothing changes, and the form says when it was imported */
	f = x_form(&import_form_spec, b);
	CHECK_INT(x_enter(f, IF_PATH, pkg, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_INT(form_record_id(f), log_id);
	CHECK(strstr(form_notice(f), "导入过") != NULL);
	CHECK_INT(x_count(b, "SELECT count(*) FROM import_log"), 1);
	form_free(f);

	/* the list: by sending office prefix or batch number */
	listing_row r[4];
	size_t n = 0, total = 0;
	CHECK_INT(import_list_spec.search(b, "", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 1);
	CHECK_INT(r[0].id, log_id);
	CHECK_STR(r[0].cells[IL_FROM], eb.office);
	CHECK_STR(r[0].cells[IL_LOGIN], "admin2");
	char prefix[8];
	snprintf(prefix, sizeof prefix, "%.4s", eb.office);
	CHECK_INT(import_list_spec.search(b, prefix, 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 1);
	CHECK_INT(import_list_spec.search(b, "1", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 1);
	CHECK_INT(import_list_spec.search(b, "999", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 0);
	CHECK_INT(import_list_spec.search(b, "'%_\\", 0, 4, r, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 0);

	/* A's own package in A: refused, naming the package */
	f = x_form(&import_form_spec, a);
	CHECK_INT(x_enter(f, IF_PATH, pkg, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_PKG_OWN);
	CHECK_INT(bad, IF_PATH);
	form_free(f);

	/* a conflict: both change the same person; B keeps its own and lists it */
	char id_no[19] = "";
	sqlite3_stmt *st = db_stmt(b, "SELECT id_no FROM persons ORDER BY id_no LIMIT 1", &e);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		snprintf(id_no, sizeof id_no, "%s", (const char *)sqlite3_column_text(st, 0));
	if (st != NULL)
		sqlite3_reset(st);
	db *both[2] = {a, b};
	const char *remarks[2] = {"甲所修改", "乙所修改"};
	for (int k = 0; k < 2; k++) {
		person pp;
		REQUIRE(person_find_by_id_no(both[k], id_no, &pp, &e) == ERR_OK);
		snprintf(pp.remark, sizeof pp.remark, "%s", remarks[k]);
		CHECK_INT(person_update(both[k], &pp, &e), ERR_OK);
	}
	p = x_export(a, x_path("iout2"), NULL);
	REQUIRE(p != NULL);
	f = x_form(&import_form_spec, b);
	CHECK_INT(x_enter(f, IF_PATH, p, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK_STR(form_value(f, IF_CONFLICTS), "1");
	listing_row cr[4];
	CHECK_INT(form_sublist_rows(f, 0, 0, 4, cr, &n, &total, &e), ERR_OK);
	CHECK_INT((int)n, 1);
	CHECK_STR(cr[0].cells[0], "persons");
	CHECK_STR(cr[0].cells[1], id_no);
	form *one = NULL;
	REQUIRE(form_sublist_open(f, 0, cr[0].id, &one, &e) == ERR_OK);
	CHECK_STR(form_value(one, IC_KEY), id_no);
	CHECK(strstr(form_value(one, IC_REASON), "保留本库记录") != NULL);
	CHECK(form_readonly(one));
	form_free(one);
	form_free(f);
	/* opened again from the list, the report is the same */
	f = x_form(&import_form_spec, b);
	REQUIRE(import_list_spec.search(b, "", 0, 4, r, &n, &total, &e) == ERR_OK && n == 2);
	REQUIRE(form_load(f, r[0].id, &e) == ERR_OK);
	CHECK_STR(form_value(f, IF_CONFLICTS), "1");
	CHECK_STR(form_value(f, IF_BATCH), "2");
	CHECK(!form_visible(f, IF_REPORT));
	form_free(f);
	db_close(a);
	db_close(b);
}

static void sealed_package_needs_the_key(void)
{
	db *a = x_office_a("sa.db", 20);
	db *b = x_office_b("sb.db", "110101-03");
	REQUIRE(a != NULL && b != NULL);
	err_info e;
	int bad = -1;
	char prefix[4400];
	snprintf(prefix, sizeof prefix, "%s", x_path("centre"));
	REQUIRE(package_keygen(prefix, &e) == ERR_OK);
	char pub[4500], key[4500];
	snprintf(pub, sizeof pub, "%s.pub", prefix);
	snprintf(key, sizeof key, "%s.key", prefix);
	const char *p = x_export(a, x_path("sout"), pub);
	REQUIRE(p != NULL);
	CHECK(strstr(p, ".sealed") != NULL);
	char pkg[4400];
	snprintf(pkg, sizeof pkg, "%s", p);
	form *f = x_form(&import_form_spec, b);
	CHECK_INT(x_enter(f, IF_PATH, pkg, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_SEAL_NEED_KEY);
	CHECK_INT(bad, IF_KEY);
	/* the public key is not the secret one */
	CHECK_INT(x_enter(f, IF_KEY, pub, &e), ERR_OK);
	CHECK(form_save(f, &bad, &e) != ERR_OK);
	CHECK_INT(bad, IF_KEY);
	CHECK_INT(x_count(b, "SELECT count(*) FROM persons"), 0);
	CHECK_INT(x_enter(f, IF_KEY, key, &e), ERR_OK);
	CHECK_INT(form_save(f, &bad, &e), ERR_OK);
	CHECK(x_count(b, "SELECT count(*) FROM persons") > 0);
	form_free(f);
	db_close(a);
	db_close(b);
}

TEST_MAIN(T(export_from_the_form), T(import_from_the_form), T(sealed_package_needs_the_key))
