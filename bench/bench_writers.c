/*
 * bench_writers — 30 processes each saving 1,000 person records at once
 * on one database file, as 30 SSH sessions of one office would.
 *
 * Every child opens its own handle and, after all are started, saves
 * back to back: three saves in four go to rows of its own (each child has
 * 50), the fourth increments a counter kept in the 备注 of one of three
 * rows every child shares — read, add one, person_update under the row
 * version, and on ERR_DB_STALE (someone saved in between) read again and
 * retry. Afterwards every row's version must have grown by exactly the
 * saves that succeeded on it and each shared counter must equal the sum
 * of the increments the children made: anything else is a lost update.
 * ERR_DB_BUSY ("database is locked") is counted, never retried. Each
 * person_update call is timed; the p99 is over all of them.
 *
 *   bench_writers DB   (DB is a scratch copy: the saves change it)
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/bench.h"
#include "db/db.h"
#include "db/person.h"

#define BW_PROCS 30
#define BW_SAVES 1000
#define BW_OWN 50   /* rows of its own per child */
#define BW_SHARED 3 /* rows every child increments */
#define BW_MAX_CALLS (BW_SAVES * 8)

/* What the children report, in memory shared with the parent. */
typedef struct bw_child {
	int calls;                 /* person_update calls timed */
	int busy, stale, other;    /* errors seen */
	int done;                  /* 1 when the child finished its loop */
	int own_saves[BW_OWN];     /* successful saves per own row */
	int increments[BW_SHARED]; /* successful increments per shared row */
	double lat[BW_MAX_CALLS];  /* microseconds per person_update call */
	char first_error[160];
} bw_child;

typedef struct bw_plan {
	int64_t own[BW_PROCS][BW_OWN];
	int64_t shared[BW_SHARED];
	int64_t own_version[BW_PROCS][BW_OWN];
	int64_t shared_version[BW_SHARED];
} bw_plan;

static long bw_counter(const char *remark)
{
	const char *p = strstr(remark, "计数 ");
	return p ? strtol(p + strlen("计数 "), NULL, 10) : -1;
}

static void bw_note(bw_child *me, const err_info *e)
{
	if (me->first_error[0] == '\0') {
		char buf[300];
		snprintf(me->first_error, sizeof me->first_error, "%s",
		         err_format(e, buf, sizeof buf));
	}
}

/* One timed person_update; returns its code and counts what went wrong. */
static err_code bw_update(db *d, person *p, bw_child *me)
{
	err_info e;
	double t0 = bench_now_us();
	err_code c = person_update(d, p, &e);
	if (me->calls < BW_MAX_CALLS)
		me->lat[me->calls++] = bench_now_us() - t0;
	if (c == ERR_DB_BUSY) {
		me->busy++;
		bw_note(me, &e);
	} else if (c == ERR_DB_STALE) {
		me->stale++;
	} else if (c != ERR_OK) {
		me->other++;
		bw_note(me, &e);
	}
	return c;
}

static void bw_child_run(const char *path, int k, const bw_plan *plan, bw_child *me, int go)
{
	char b;
	/* The barrier: every child blocks here until the parent closes the pipe. */
	while (read(go, &b, 1) < 0 && errno == EINTR)
		;
	db *d = NULL;
	err_info e;
	if (db_open(path, 0, &d, &e) != ERR_OK) {
		me->other++;
		bw_note(me, &e);
		return;
	}
	char login[16];
	snprintf(login, sizeof login, "bench%02d", k);
	db_set_actor(d, 0, login);
	for (int i = 0; i < BW_SAVES; i++) {
		person p;
		if (i % 4 == 3) {
			int j = (k + i / 4) % BW_SHARED;
			for (int tries = 0; tries < 1000; tries++) {
				if (person_get(d, plan->shared[j], &p, &e) != ERR_OK) {
					me->other++;
					bw_note(me, &e);
					break;
				}
				long n = bw_counter(p.remark);
				snprintf(p.remark, sizeof p.remark, "计数 %ld", n + 1);
				err_code c = bw_update(d, &p, me);
				if (c == ERR_OK)
					me->increments[j]++;
				if (c != ERR_DB_STALE)
					break;
			}
		} else {
			int r = (i / 4 * 3 + i % 4) % BW_OWN;
			if (person_get(d, plan->own[k][r], &p, &e) != ERR_OK) {
				me->other++;
				bw_note(me, &e);
				continue;
			}
			snprintf(p.remark, sizeof p.remark, "第%02d号会话第%d次保存", k, i);
			if (bw_update(d, &p, me) == ERR_OK)
				me->own_saves[r]++;
		}
	}
	db_close(d);
	me->done = 1;
}

/* Rows for the plan: distinct, spread at random, deterministic. */
static int bw_pick(const char *path, bw_plan *plan)
{
	sqlite3 *raw = NULL;
	if (bench_raw_open(path, &raw) != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(raw, "SELECT max(id) FROM persons", -1, &st, NULL);
	int64_t max = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	sqlite3_close(raw);
	int need = BW_PROCS * BW_OWN + BW_SHARED;
	if (max < 2 * need)
		return -1;
	/* A stride through the id range visits each id once: distinct rows. */
	uint64_t seed = 7;
	int64_t start = (int64_t)(bench_rand(&seed) % (uint64_t)max);
	int64_t step = max / need;
	for (int i = 0; i < need; i++) {
		int64_t id = 1 + (start + (int64_t)i * step) % max;
		if (i < BW_SHARED)
			plan->shared[i] = id;
		else
			plan->own[(i - BW_SHARED) / BW_OWN][(i - BW_SHARED) % BW_OWN] = id;
	}
	return 0;
}

/* Read every planned row's version; set the shared counters to 0 first. */
static int bw_prepare(const char *path, bw_plan *plan)
{
	db *d = NULL;
	err_info e;
	if (db_open(path, 0, &d, &e) != ERR_OK)
		return -1;
	db_set_actor(d, 0, "bench");
	int bad = 0;
	for (int j = 0; j < BW_SHARED; j++) {
		person p;
		if (person_get(d, plan->shared[j], &p, &e) != ERR_OK) {
			bad++;
			continue;
		}
		snprintf(p.remark, sizeof p.remark, "计数 0");
		bad += person_update(d, &p, &e) != ERR_OK;
		plan->shared_version[j] = p.version;
	}
	for (int k = 0; k < BW_PROCS; k++)
		for (int r = 0; r < BW_OWN; r++) {
			person p;
			if (person_get(d, plan->own[k][r], &p, &e) != ERR_OK) {
				bad++;
				continue;
			}
			plan->own_version[k][r] = p.version;
		}
	db_close(d);
	return bad ? -1 : 0;
}

/* Compare what is stored with what the children did; returns the lost updates. */
static int bw_verify(const char *path, const bw_plan *plan, const bw_child *kids)
{
	db *d = NULL;
	err_info e;
	if (db_open(path, DB_OPEN_READONLY, &d, &e) != ERR_OK)
		return -1;
	int lost = 0;
	for (int j = 0; j < BW_SHARED; j++) {
		int64_t sum = 0;
		for (int k = 0; k < BW_PROCS; k++)
			sum += kids[k].increments[j];
		person p;
		if (person_get(d, plan->shared[j], &p, &e) != ERR_OK) {
			lost++;
			continue;
		}
		int64_t by_counter = bw_counter(p.remark);
		int64_t by_version = p.version - plan->shared_version[j];
		if (by_counter != sum || by_version != sum) {
			fprintf(stderr,
			        "bench_writers: shared row %lld: counter %lld, versions %lld, "
			        "increments %lld\n",
			        (long long)plan->shared[j], (long long)by_counter,
			        (long long)by_version, (long long)sum);
			lost += (int)(sum > by_counter ? sum - by_counter : by_counter - sum);
		}
	}
	for (int k = 0; k < BW_PROCS; k++)
		for (int r = 0; r < BW_OWN; r++) {
			person p;
			if (person_get(d, plan->own[k][r], &p, &e) != ERR_OK) {
				lost++;
				continue;
			}
			int64_t grew = p.version - plan->own_version[k][r];
			if (grew != kids[k].own_saves[r])
				lost++;
		}
	db_close(d);
	return lost;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_writers DB\n");
		return 2;
	}
	setenv("LAOBAO_PWHASH_FAST", "1", 1);
	const char *path = argv[1];
	static bw_plan plan;
	if (bw_pick(path, &plan) != 0 || bw_prepare(path, &plan) != 0) {
		fprintf(stderr, "bench_writers: cannot prepare %s\n", path);
		return 1;
	}
	bw_child *kids = mmap(NULL, sizeof(bw_child) * BW_PROCS, PROT_READ | PROT_WRITE,
	                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (kids == MAP_FAILED)
		return 1;
	memset(kids, 0, sizeof(bw_child) * BW_PROCS);
	int go[2];
	if (pipe(go) != 0)
		return 1;
	pid_t pids[BW_PROCS];
	int started = 0;
	for (int k = 0; k < BW_PROCS; k++) {
		pid_t pid = fork();
		if (pid == 0) {
			close(go[1]);
			bw_child_run(path, k, &plan, &kids[k], go[0]);
			_exit(0);
		}
		if (pid < 0)
			break;
		pids[started++] = pid;
	}
	close(go[0]);
	double t0 = bench_now_us();
	close(go[1]); /* all start now */
	int crashed = started < BW_PROCS;
	for (int k = 0; k < started; k++) {
		int status = 0;
		while (waitpid(pids[k], &status, 0) < 0 && errno == EINTR)
			;
		crashed += !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !kids[k].done;
	}
	double wall = bench_now_us() - t0;

	int busy = 0, stale = 0, other = 0, calls = 0, saves = 0;
	static double lat[BW_PROCS * BW_MAX_CALLS];
	for (int k = 0; k < BW_PROCS; k++) {
		busy += kids[k].busy;
		stale += kids[k].stale;
		other += kids[k].other;
		for (int r = 0; r < BW_OWN; r++)
			saves += kids[k].own_saves[r];
		for (int j = 0; j < BW_SHARED; j++)
			saves += kids[k].increments[j];
		memcpy(lat + calls, kids[k].lat, sizeof(double) * (size_t)kids[k].calls);
		calls += kids[k].calls;
		if (kids[k].first_error[0])
			fprintf(stderr, "bench_writers: session %d: %s\n", k, kids[k].first_error);
	}
	int lost = bw_verify(path, &plan, kids);
	double p50 = bench_pct(lat, calls, 0.5), p99 = bench_pct(lat, calls, 0.99);
	double max = calls > 0 ? lat[calls - 1] : 0;
	int ok = !crashed && other == 0 && saves == BW_PROCS * BW_SAVES;
	if (!ok)
		fprintf(stderr,
		        "bench_writers: %d sessions failed, %d other errors, %d of %d saves\n",
		        crashed, other, saves, BW_PROCS * BW_SAVES);

	char v[64], m[96];
	snprintf(m, sizeof m, "%d processes x %d saves: database is locked", BW_PROCS, BW_SAVES);
	snprintf(v, sizeof v, "%d", busy);
	bench_row(m, v, "-", "-", "0", bench_met(busy == 0));
	snprintf(m, sizeof m, "%d processes x %d saves: lost updates", BW_PROCS, BW_SAVES);
	snprintf(v, sizeof v, "%d", lost);
	bench_row(m, v, "-", "-", "0", bench_met(lost == 0 && ok));
	snprintf(m, sizeof m, "%d processes x %d saves: p50 save", BW_PROCS, BW_SAVES);
	bench_row_us(m, p50, 0, "report", "-");
	snprintf(m, sizeof m, "%d processes x %d saves: p99 save", BW_PROCS, BW_SAVES);
	bench_row_us(m, p99, 0, "<= 50ms", bench_met(ok && p99 <= 50000));
	snprintf(m, sizeof m, "%d processes x %d saves: max save", BW_PROCS, BW_SAVES);
	bench_row_us(m, max, 0, "report", "-");
	snprintf(m, sizeof m, "%d processes x %d saves: all done, stale retries", BW_PROCS,
	         BW_SAVES);
	snprintf(v, sizeof v, "%.1fs, %d", wall / 1e6, stale);
	bench_row(m, v, "-", "-", "report", "-");
	munmap(kids, sizeof(bw_child) * BW_PROCS);
	return 0;
}
