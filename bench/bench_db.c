/*
 * bench_db — Laobao's repository layer and forms against raw SQLite on the
 * same file, both connections configured alike (bench_raw_open):
 *
 *   lookup by 公民身份号码: person_find_by_id_no against a prepared point
 *     query on the same columns, reading every column as the repository does;
 *   name-prefix and pinyin-initial search, first page of 20: the 人员查询
 *     listing's search as its screen calls it (rows and the match count for
 *     "第 x/y 页") against a raw range query on the same index (name for a
 *     name prefix, name_py for initials) that reads the columns the listing
 *     shows of 20 rows and nothing else; then, for the record, person_search
 *     with whole records against the raw query for whole rows;
 *   save a person form: form_save on 人员基本信息 (every field checked, code
 *     tables looked up, person_update with its version check, transaction,
 *     audit row and change sequence) against a raw single-row UPDATE.
 *
 * Each percentile is over BENCH_OPS operations on rows sampled evenly at
 * random, after a warm-up round over the same rows. Lookups and searches
 * alternate which side goes first, so neither inherits the other's cache
 * misses. The first query of a new connection is reported separately, with
 * the file in the OS cache and, where the kernel lets it be dropped (checked
 * with mincore), without.
 *
 * Saves: between two saves a caseworker types the next form, and the
 * terminal calls db_idle() while it waits for keys; the loop calls it
 * between saves, outside the timing, to stand for that pause. A second,
 * report-only round saves back to back with no idle time at all, and its
 * slowest save is reported too, so what the idle time buys is visible.
 *
 *   bench_db DB   (DB is a scratch copy: saves change it)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/bench.h"
#include "db/db.h"
#include "db/person.h"
#include "forms/date.h"
#include "forms/form.h"
#include "forms/listing.h"
#include "forms/person_form.h"
#include "forms/person_list.h"

#define DB_COLS                                                                                    \
	"id, id_no, name, name_py, sex, birth_date, ethnicity, education, hukou_type, "            \
	"hukou_area, marital, politics, phone, address, email, office, remark, version, chg_seq, " \
	"created_at, updated_at"

/* What 人员查询 shows: sex and birth date come from the ID. */
#define LIST_COLS "id, id_no, name, phone, address"

/*
 * Step st to the end, reading every column of every row in its own type (as
 * the repository reads them, without the copying); returns the rows read.
 */
static int dbb_drain(sqlite3_stmt *st)
{
	int rows = 0, n = sqlite3_column_count(st);
	int64_t sum = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < n; c++) {
			if (sqlite3_column_type(st, c) == SQLITE_INTEGER) {
				sum += sqlite3_column_int64(st, c);
			} else {
				const unsigned char *t = sqlite3_column_text(st, c);
				sum += t ? sqlite3_column_bytes(st, c) : 0;
			}
		}
		rows++;
	}
	sqlite3_reset(st);
	return sum > 0 ? rows : 0;
}

typedef struct dbb_sample {
	int n;
	char id_no[BENCH_OPS][19];
	int64_t rowid[BENCH_OPS];
} dbb_sample;

/* BENCH_OPS persons spread at random over the table (deterministic). */
static int dbb_pick(sqlite3 *raw, dbb_sample *s)
{
	sqlite3_stmt *mx = NULL, *st = NULL;
	sqlite3_prepare_v2(raw, "SELECT max(id) FROM persons", -1, &mx, NULL);
	int64_t max = sqlite3_step(mx) == SQLITE_ROW ? sqlite3_column_int64(mx, 0) : 0;
	sqlite3_finalize(mx);
	sqlite3_prepare_v2(raw, "SELECT id_no FROM persons WHERE id = ?1", -1, &st, NULL);
	uint64_t seed = 1;
	s->n = 0;
	for (int tries = 0; max > 0 && s->n < BENCH_OPS && tries < 4 * BENCH_OPS; tries++) {
		int64_t id = 1 + (int64_t)(bench_rand(&seed) % (uint64_t)max);
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(s->id_no[s->n], sizeof s->id_no[s->n], "%s",
			         (const char *)sqlite3_column_text(st, 0));
			s->rowid[s->n++] = id;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return s->n;
}

/* The first lookup and the first search of fresh connections, OS cache warm and cold. */
static void dbb_cold(const char *path, const dbb_sample *s)
{
	static const char *const what[] = {"in a new process", "file not in OS cache"};
	char wal[4200];
	snprintf(wal, sizeof wal, "%s-wal", path);
	for (int evict = 0; evict < 2; evict++) {
		double ours[2] = {0, 0}, ref[2] = {0, 0};
		int ok = 1;
		for (int side = 0; side < 2 && ok; side++) {
			/* Each side its own rows, so neither finds the other's pages. */
			const char *id = s->id_no[(evict * 2 + side) * 97 % s->n];
			const char *q = side == 0 ? "陈" : "zs";
			if (evict) {
				double left = bench_evict(path);
				bench_evict(wal);
				ok = left >= 0 && left < 0.05;
				if (!ok)
					break;
			}
			db *d = NULL;
			err_info e;
			if (db_open(path, 0, &d, &e) != ERR_OK)
				return;
			person p;
			double t0 = bench_now_us();
			person_find_by_id_no(d, id, &p, &e);
			ours[0] += bench_now_us() - t0;
			static listing_row rows[20];
			size_t total, got;
			t0 = bench_now_us();
			person_list_spec.search(d, q, 0, 20, rows, &got, &total, &e);
			ours[1] += bench_now_us() - t0;
			db_close(d);

			if (evict) {
				bench_evict(path);
				bench_evict(wal);
			}
			sqlite3 *raw = NULL;
			if (bench_raw_open(path, &raw) != 0)
				return;
			sqlite3_stmt *st = NULL;
			const char *other = s->id_no[((evict * 2 + side) * 97 + 50) % s->n];
			t0 = bench_now_us();
			sqlite3_prepare_v2(raw, "SELECT " DB_COLS " FROM persons WHERE id_no = ?1",
			                   -1, &st, NULL);
			sqlite3_bind_text(st, 1, other, -1, SQLITE_STATIC);
			dbb_drain(st);
			ref[0] += bench_now_us() - t0;
			sqlite3_finalize(st);
			const char *rq = side == 0 ? "陈" : "zs";
			const char *sql =
			    side == 0 ? "SELECT " LIST_COLS " FROM persons WHERE name >= ?1 AND "
			                "name < ?2 ORDER BY name, id_no LIMIT 20"
			              : "SELECT " LIST_COLS " FROM persons WHERE name_py >= ?1 AND "
			                "name_py < ?2 ORDER BY name_py, name, id_no LIMIT 20";
			char hi[16];
			snprintf(hi, sizeof hi, "%s", rq);
			hi[strlen(hi) - 1]++;
			t0 = bench_now_us();
			sqlite3_prepare_v2(raw, sql, -1, &st, NULL);
			sqlite3_bind_text(st, 1, rq, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
			dbb_drain(st);
			ref[1] += bench_now_us() - t0;
			sqlite3_finalize(st);
			sqlite3_close(raw);
		}
		char m[96];
		if (!ok) {
			snprintf(m, sizeof m, "lookup by ID, first query, %s", what[evict]);
			bench_row(m, "n/a", "-", "-", "report", "-");
			continue;
		}
		snprintf(m, sizeof m, "lookup by ID, first query, %s", what[evict]);
		bench_row_us(m, ours[0] / 2, ref[0] / 2, "report", "-");
		snprintf(m, sizeof m, "search page of 20, first query, %s", what[evict]);
		bench_row_us(m, ours[1] / 2, ref[1] / 2, "report", "-");
	}
}

static void dbb_lookup(db *d, sqlite3 *raw, const dbb_sample *s, double *ours, double *ref)
{
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(raw, "SELECT " DB_COLS " FROM persons WHERE id_no = ?1", -1, &st, NULL);
	int bad = 0;
	for (int round = 0; round < 2; round++) { /* the first round warms the caches */
		for (int i = 0; i < s->n; i++) {
			for (int k = 0; k < 2; k++) {
				person p;
				err_info e;
				double t0 = bench_now_us();
				if ((i + k) % 2 == 0) {
					err_code c = person_find_by_id_no(d, s->id_no[i], &p, &e);
					ours[i] = bench_now_us() - t0;
					bad += c != ERR_OK;
				} else {
					sqlite3_bind_text(st, 1, s->id_no[i], -1, SQLITE_STATIC);
					int rows = dbb_drain(st);
					ref[i] = bench_now_us() - t0;
					bad += rows != 1;
				}
			}
		}
	}
	sqlite3_finalize(st);
	int n = s->n;
	double o50 = bench_pct(ours, n, 0.5), o99 = bench_pct(ours, n, 0.99);
	double r50 = bench_pct(ref, n, 0.5), r99 = bench_pct(ref, n, 0.99);
	if (bad)
		fprintf(stderr, "bench_db: %d lookups found nothing\n", bad);
	bench_row_us("lookup by ID p50", o50, r50, "report", "-");
	bench_row_us("lookup by ID p99", o99, r99, "<= 1.2x ref",
	             bench_met(!bad && o99 <= 1.2 * r99));
}

/*
 * Search, first page of 20 with the match count, cycling through prefixes.
 * full = 0: the 人员查询 listing's own search (person_list_spec.search), as
 * its screen calls it, against the raw range query on the same index for
 * the columns it shows; full = 1: person_search with whole records against
 * the raw query for whole rows.
 */
static void dbb_search(db *d, sqlite3 *raw, int n, int full, double *ours, double *ref)
{
	/* Five surname prefixes, five initials: broad (l, 王) and narrow (wxm, 欧阳). */
	static const char *const prefixes[] = {"王", "李",  "张", "欧阳", "陈",
	                                       "zs", "wxm", "l",  "lj",   "cz"};
	const char *cols = full ? DB_COLS : LIST_COLS;
	char sql[2][600];
	snprintf(sql[0], sizeof sql[0],
	         "SELECT %s FROM persons WHERE name >= ?1 AND name < ?2 "
	         "ORDER BY name, id_no LIMIT 20",
	         cols);
	snprintf(sql[1], sizeof sql[1],
	         "SELECT %s FROM persons WHERE name_py >= ?1 AND name_py < ?2 "
	         "ORDER BY name_py, name, id_no LIMIT 20",
	         cols);
	sqlite3_stmt *by[2] = {NULL, NULL};
	sqlite3_prepare_v2(raw, sql[0], -1, &by[0], NULL);
	sqlite3_prepare_v2(raw, sql[1], -1, &by[1], NULL);
	static listing_row rows[20];
	int bad = 0;
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < n; i++) {
			const char *q = prefixes[i % 10];
			int initials = q[0] >= 'a' && q[0] <= 'z';
			for (int k = 0; k < 2; k++) {
				double t0 = bench_now_us();
				if ((i / 10 + k) % 2 == 0) {
					size_t total = 0, got = 0;
					err_info e;
					err_code c;
					if (full) {
						person_list l;
						c = person_search(d, q, 0, 20, &l, &total, &e);
						ours[i] = bench_now_us() - t0;
						got = l.n;
						person_list_free(&l);
					} else {
						c = person_list_spec.search(d, q, 0, 20, rows, &got,
						                            &total, &e);
						ours[i] = bench_now_us() - t0;
					}
					bad += c != ERR_OK || got == 0 || total < got;
				} else {
					char hi[16];
					snprintf(hi, sizeof hi, "%s", q);
					hi[strlen(hi) - 1]++; /* no prefix here ends in 0xFF */
					sqlite3_stmt *st = by[initials];
					sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
					sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
					int got = dbb_drain(st);
					ref[i] = bench_now_us() - t0;
					bad += got == 0;
				}
			}
		}
	}
	sqlite3_finalize(by[0]);
	sqlite3_finalize(by[1]);
	if (bad)
		fprintf(stderr, "bench_db: %d searches found nothing\n", bad);
	double o50 = bench_pct(ours, n, 0.5), o99 = bench_pct(ours, n, 0.99);
	double r50 = bench_pct(ref, n, 0.5), r99 = bench_pct(ref, n, 0.99);
	if (full) {
		bench_row_us("search, whole records + count, p99", o99, r99, "report", "-");
		return;
	}
	bench_row_us("name/initials search, page of 20 + count, p50", o50, r50, "report", "-");
	bench_row_us("name/initials search, page of 20 + count, p99", o99, r99, "<= 50us",
	             bench_met(!bad && o99 <= 50));
}

/*
 * One round of saves through 人员基本信息: load the record, change 备注 as
 * a user would (untimed), then time form_save — every field checked
 * again, the code tables looked up, the person updated with its version
 * check, audit row and change sequence. idle: db_idle between saves.
 * Returns the failures.
 */
static int dbb_save_round(db *d, form *f, const dbb_sample *s, int idle, int round, double *ours)
{
	int bad = 0;
	for (int i = 0; i < s->n; i++) {
		char remark[64], buf[300];
		err_info e;
		snprintf(remark, sizeof remark, "基准测试第%d轮第%d次保存", round, i);
		int bad_field = -1;
		if (form_load(f, s->rowid[i], &e) != ERR_OK ||
		    form_set_value(f, PF_REMARK, remark, &e) != ERR_OK ||
		    form_leave_field(f, PF_REMARK, NULL, &e) != ERR_OK) {
			if (bad++ == 0)
				fprintf(stderr, "bench_db: load %lld: %s\n", (long long)s->rowid[i],
				        err_format(&e, buf, sizeof buf));
			ours[i] = 0;
			continue;
		}
		double t0 = bench_now_us();
		err_code c = form_save(f, &bad_field, &e);
		ours[i] = bench_now_us() - t0;
		if (c != ERR_OK && bad++ == 0)
			fprintf(stderr, "bench_db: save %lld: %s\n", (long long)s->rowid[i],
			        err_format(&e, buf, sizeof buf));
		if (idle)
			db_idle(d);
	}
	return bad;
}

static void dbb_saves(db *d, sqlite3 *raw, const dbb_sample *s, double *ours, double *ref)
{
	lb_date today;
	err_info e;
	form *f = NULL;
	if (date_today(&today, &e) != ERR_OK ||
	    form_new(&person_form_spec, d, today, 0, &f, &e) != ERR_OK) {
		fprintf(stderr, "bench_db: %s\n", err_text(e.code));
		return;
	}
	db_set_actor(d, 0, "bench");
	int n = s->n;
	int bad = dbb_save_round(d, f, s, 1, 1, ours);
	double o50 = bench_pct(ours, n, 0.5), o99 = bench_pct(ours, n, 0.99);

	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(raw,
	                   "UPDATE persons SET remark = ?1, version = version + 1 WHERE id = ?2",
	                   -1, &st, NULL);
	for (int i = 0; i < n; i++) {
		char remark[64];
		snprintf(remark, sizeof remark, "参照第%d次保存", i);
		double t0 = bench_now_us();
		sqlite3_bind_text(st, 1, remark, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, s->rowid[i]);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		ref[i] = bench_now_us() - t0;
		bad += rc != SQLITE_DONE;
	}
	sqlite3_finalize(st);
	double r50 = bench_pct(ref, n, 0.5), r99 = bench_pct(ref, n, 0.99);
	bench_row_us("save person form p50", o50, r50, "<= 1000us", bench_met(!bad && o50 <= 1000));
	bench_row_us("save person form p99", o99, r99, "<= 5000us", bench_met(!bad && o99 <= 5000));

	/* Back to back, no idle time: the in-line checkpoint is all there is. */
	bad += dbb_save_round(d, f, s, 0, 2, ours);
	o99 = bench_pct(ours, n, 0.99);
	double omax = ours[n - 1];
	bench_row_us("save person form p99, back to back", o99, 0, "report", "-");
	bench_row_us("save person form max, back to back", omax, 0, "report", "-");
	if (bad)
		fprintf(stderr, "bench_db: %d saves failed\n", bad);
	form_free(f);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_db DB\n");
		return 2;
	}
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	sqlite3 *raw = NULL;
	if (bench_raw_open(argv[1], &raw) != 0)
		return 1;
	static dbb_sample s;
	if (dbb_pick(raw, &s) < 100) {
		fprintf(stderr, "bench_db: too few persons in %s\n", argv[1]);
		return 1;
	}
	sqlite3_close(raw);
	dbb_cold(argv[1], &s);
	/* The percentiles below are warm-cache figures: give the OS the file back. */
	bench_warm(argv[1]);

	db *d = NULL;
	err_info e;
	if (db_open(argv[1], 0, &d, &e) != ERR_OK || bench_raw_open(argv[1], &raw) != 0) {
		fprintf(stderr, "bench_db: %s\n", err_text(e.code));
		return 1;
	}
	static double ours[BENCH_OPS], ref[BENCH_OPS];
	dbb_lookup(d, raw, &s, ours, ref);
	dbb_search(d, raw, BENCH_OPS, 0, ours, ref);
	dbb_search(d, raw, BENCH_OPS, 1, ours, ref);
	dbb_saves(d, raw, &s, ours, ref);
	db_close(d);
	sqlite3_close(raw);
	return 0;
}
