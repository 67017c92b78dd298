/*
 * bench_db — the repository layer against raw SQLite on the same file:
 * person lookup by 公民身份号码, name-prefix and initials search, and a
 * person save (validation aside: version check, audit, change sequence)
 * against a bare single-row UPDATE. Prints rows for bench/run:
 * metric|laobao|reference|ratio|goal|met. Warm cache; at least 10,000
 * operations each; the first (cold) lookup is reported separately.
 *
 * The reference side talks to SQLite directly on purpose: it is the thing
 * the repository is measured against.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "db/person.h"

#define BENCH_OPS 10000

static double bench_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double bench_pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof *v, bench_cmp);
	int i = (int)(p * (n - 1) + 0.5);
	return v[i];
}

static void bench_row(const char *metric, double ours, double ref, const char *unit,
                      const char *goal, int met)
{
	char r[32] = "-", ratio[32] = "-";
	if (ref > 0) {
		snprintf(r, sizeof r, "%.1f%s", ref, unit);
		snprintf(ratio, sizeof ratio, "%.2fx", ours / ref);
	}
	printf("%s|%.1f%s|%s|%s|%s|%s\n", metric, ours, unit, r, ratio, goal, met ? "yes" : "NO");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_db DB\n");
		return 2;
	}
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	sqlite3 *raw;
	if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_db: cannot open %s\n", argv[1]);
		return 1;
	}
	db *d = NULL;
	err_info e;
	if (db_open(argv[1], 0, &d, &e) != ERR_OK) {
		fprintf(stderr, "bench_db: %s\n", err_text(e.code));
		return 1;
	}

	/* The IDs to look up: a spread sample of existing persons. */
	static char ids[BENCH_OPS][19];
	static int64_t rowids[BENCH_OPS];
	sqlite3_stmt *st;
	sqlite3_prepare_v2(raw, "SELECT id_no, id FROM persons WHERE id % 97 = 3 LIMIT ?", -1, &st,
	                   NULL);
	sqlite3_bind_int(st, 1, BENCH_OPS);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < BENCH_OPS) {
		snprintf(ids[n], sizeof ids[n], "%s", (const char *)sqlite3_column_text(st, 0));
		rowids[n] = sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_finalize(st);
	if (n == 0) {
		fprintf(stderr, "bench_db: no persons\n");
		return 1;
	}
	static double ours[BENCH_OPS], ref[BENCH_OPS];
	person p;

	double t0 = bench_now_us();
	person_find_by_id_no(d, ids[n / 2], &p, &e);
	double cold = bench_now_us() - t0;

	sqlite3_prepare_v2(raw, "SELECT * FROM persons WHERE id_no = ?", -1, &st, NULL);
	for (int round = 0; round < 2; round++) { /* the first round warms the cache */
		for (int i = 0; i < n; i++) {
			t0 = bench_now_us();
			person_find_by_id_no(d, ids[i], &p, &e);
			ours[i] = bench_now_us() - t0;
			t0 = bench_now_us();
			sqlite3_bind_text(st, 1, ids[i], -1, SQLITE_STATIC);
			while (sqlite3_step(st) == SQLITE_ROW)
				;
			sqlite3_reset(st);
			ref[i] = bench_now_us() - t0;
		}
	}
	sqlite3_finalize(st);
	double o50 = bench_pct(ours, n, 0.5), o99 = bench_pct(ours, n, 0.99);
	double r50 = bench_pct(ref, n, 0.5), r99 = bench_pct(ref, n, 0.99);
	bench_row("lookup by ID, cold first query", cold, 0, "us", "report", 1);
	bench_row("lookup by ID p50", o50, r50, "us", "report", 1);
	bench_row("lookup by ID p99", o99, r99, "us", "<= 1.2x ref", o99 <= 1.2 * r99);

	/* name-prefix and initials search, first page of 20 */
	static const char *const prefixes[] = {"王", "李",  "张", "欧阳", "陈",
	                                       "zs", "wxm", "l",  "lj",   "cz"};
	sqlite3_prepare_v2(raw,
	                   "SELECT id, id_no, name FROM persons WHERE name >= ?1 AND name < ?2 "
	                   "ORDER BY name, id_no LIMIT 20",
	                   -1, &st, NULL);
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < n; i++) {
			const char *q = prefixes[i % 10];
			person_list l;
			t0 = bench_now_us();
			person_search(d, q, 0, 20, &l, NULL, &e);
			ours[i] = bench_now_us() - t0;
			person_list_free(&l);
			char hi[32];
			snprintf(hi, sizeof hi, "%s\xff", q);
			t0 = bench_now_us();
			sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
			while (sqlite3_step(st) == SQLITE_ROW)
				;
			sqlite3_reset(st);
			ref[i] = bench_now_us() - t0;
		}
	}
	sqlite3_finalize(st);
	o99 = bench_pct(ours, n, 0.99);
	r99 = bench_pct(ref, n, 0.99);
	bench_row("name/initials search, page of 20, p99", o99, r99, "us", "<= 50us", o99 <= 50);

	/* saving a person: versioned update + audit + change sequence, vs a bare UPDATE */
	db_set_actor(d, 0, "bench");
	int saves = n < 2000 ? n : 2000;
	for (int i = 0; i < saves; i++) {
		if (person_get(d, rowids[i], &p, &e) != ERR_OK)
			continue;
		snprintf(p.remark, sizeof p.remark, "bench %d", i);
		t0 = bench_now_us();
		person_update(d, &p, &e);
		ours[i] = bench_now_us() - t0;
	}
	sqlite3_busy_timeout(raw, 10000);
	sqlite3_prepare_v2(raw, "UPDATE persons SET remark = ?, version = version + 1 WHERE id = ?",
	                   -1, &st, NULL);
	for (int i = 0; i < saves; i++) {
		char remark[32];
		snprintf(remark, sizeof remark, "ref %d", i);
		t0 = bench_now_us();
		sqlite3_bind_text(st, 1, remark, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, rowids[i]);
		sqlite3_step(st);
		sqlite3_reset(st);
		ref[i] = bench_now_us() - t0;
	}
	sqlite3_finalize(st);
	o50 = bench_pct(ours, saves, 0.5);
	o99 = bench_pct(ours, saves, 0.99);
	r50 = bench_pct(ref, saves, 0.5);
	r99 = bench_pct(ref, saves, 0.99);
	bench_row("save person p50", o50, r50, "us", "<= 1000us", o50 <= 1000);
	bench_row("save person p99", o99, r99, "us", "<= 5000us", o99 <= 5000);

	db_close(d);
	sqlite3_close(raw);
	return 0;
}
