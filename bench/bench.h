/*
 * bench — what the bench programs share: a monotonic clock in microseconds,
 * percentiles, the row format bench/run collects
 * (metric|laobao|reference|ratio|goal|met), the SQLite settings a reference
 * connection gets so it is configured as Laobao configures its own, and a
 * check that a file really left the OS page cache.
 *
 * Header-only on purpose: every bench program is one .c file of its own.
 */
#ifndef LAOBAO_BENCH_H
#define LAOBAO_BENCH_H

#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Operations per measured percentile. */
#define BENCH_OPS 10000

static inline double bench_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static inline int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The p-quantile (0..1) of v[0..n-1] by nearest rank; sorts v. */
static inline double bench_pct(double *v, int n, double p)
{
	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, bench_cmp);
	int i = (int)(p * (n - 1) + 0.5);
	return v[i];
}

/* One table row; fields must not contain '|'. */
static inline void bench_row(const char *metric, const char *ours, const char *ref,
                             const char *ratio, const char *goal, const char *met)
{
	printf("%s|%s|%s|%s|%s|%s\n", metric, ours, ref, ratio, goal, met);
	fflush(stdout);
}

/* A timing row: ours and ref in microseconds (ref <= 0: no reference). */
static inline void bench_row_us(const char *metric, double ours, double ref, const char *goal,
                                const char *met)
{
	char o[32], r[32] = "-", ratio[32] = "-";
	if (ours >= 10000)
		snprintf(o, sizeof o, "%.1fms", ours / 1000);
	else
		snprintf(o, sizeof o, "%.1fus", ours);
	if (ref > 0) {
		if (ref >= 10000)
			snprintf(r, sizeof r, "%.1fms", ref / 1000);
		else
			snprintf(r, sizeof r, "%.1fus", ref);
		snprintf(ratio, sizeof ratio, "%.2fx", ours / ref);
	}
	bench_row(metric, o, r, ratio, goal, met);
}

static inline const char *bench_met(int ok)
{
	return ok ? "yes" : "NO";
}

/*
 * The settings db_open gives Laobao's connection (db/db.c): page cache,
 * synchronous = NORMAL under WAL, busy timeout. A reference on default
 * settings would be measuring SQLite's defaults, not the repository.
 */
static inline int bench_raw_open(const char *path, sqlite3 **out)
{
	if (sqlite3_open_v2(path, out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: cannot open %s\n", path);
		return -1;
	}
	sqlite3_busy_timeout(*out, 10000);
	return sqlite3_exec(*out,
	                    "PRAGMA cache_size = -16384; PRAGMA synchronous = NORMAL; "
	                    "PRAGMA temp_store = MEMORY",
	                    NULL, NULL, NULL) == SQLITE_OK
	           ? 0
	           : -1;
}

/*
 * Ask the kernel to drop path from the page cache and return the share of
 * its pages still resident (0..1), or -1 if that cannot be seen. Dropping
 * clean pages needs no privileges; the check (mincore) makes sure the
 * "not in the OS cache" figure is not quietly a warm one.
 */
static inline double bench_evict(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	struct stat sb;
	double left = -1;
	if (fstat(fd, &sb) == 0 && sb.st_size > 0) {
		fdatasync(fd);
		posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
		long pg = sysconf(_SC_PAGESIZE);
		size_t pages = ((size_t)sb.st_size + (size_t)pg - 1) / (size_t)pg;
		void *m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
		unsigned char *vec = malloc(pages);
		if (m != MAP_FAILED && vec != NULL && mincore(m, (size_t)sb.st_size, vec) == 0) {
			size_t in = 0;
			for (size_t i = 0; i < pages; i++)
				in += vec[i] & 1;
			left = (double)in / (double)pages;
		}
		free(vec);
		if (m != MAP_FAILED)
			munmap(m, (size_t)sb.st_size);
	}
	close(fd);
	return left;
}

/* Read path through once, so the OS holds it again after bench_evict. */
static inline void bench_warm(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return;
	static char buf[1 << 20];
	while (read(fd, buf, sizeof buf) > 0)
		;
	close(fd);
}

/* A small deterministic generator (splitmix64), so every run samples the same rows. */
static inline uint64_t bench_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

#endif
