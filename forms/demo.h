/*
 * demo — deterministic, realistic demonstration data for all four workflows.
 *
 * Persons with valid 公民身份号码 from real county codes across provinces and
 * Chinese names by surname frequency; unemployment registrations with
 * categories and follow-ups; training classes with enrollments, attendance
 * and assessments; employers with valid 统一社会信用代码 and their labor
 * contracts and events; arbitration cases with parties, claims, hearings,
 * hearing logs and outcomes; the operator `demo` (password `demo`, admin).
 * The same seed and size always give the same data.
 */
#ifndef LAOBAO_DEMO_H
#define LAOBAO_DEMO_H

#include <stdint.h>

#include "db/db.h"
#include "forms/date.h"

typedef struct demo_opts {
	long persons;   /* number of persons (default 2000) */
	uint64_t seed;  /* generator seed (default 1) */
	lb_date today;  /* "today" for ages and dates */
} demo_opts;

/* Called now and then with the stage name (UTF-8) and progress; may be NULL. */
typedef void (*demo_progress_fn)(void *ctx, const char *stage, long done, long total);

/*
 * Fill d with demo data. Refuses (ERR_DEMO_NOT_EMPTY) a database that already
 * holds persons, so real data is never mixed with invented people.
 */
err_code demo_generate(db *d, const demo_opts *o, demo_progress_fn progress, void *ctx, err_info *e);

#endif
