/*
 * Tests for forms/statute: the 调休 calendar and day counting, probation
 * limits, unemployment-insurance months, retirement age and working age.
 * Worked checks are those of the shared domain rules §3, §5, §7 and §9.
 */
#include <limits.h>
#include <stdint.h>

#include "forms/statute.h"
#include "tests/test.h"

static lb_date D(const char *s)
{
	lb_date d = 0;
	if (date_parse(s, MSG_F_DATE, &d, NULL) != ERR_OK)
		test_fail(__FILE__, __LINE__, "cannot parse %s", s);
	return d;
}

/* Formats into one of a few rotating buffers so several can sit in one CHECK. */
static const char *S(lb_date d)
{
	static char bufs[4][DATE_ISO_LEN];
	static int next;
	next = (next + 1) % 4;
	return date_format(d, bufs[next]);
}

static workcal *seed_cal(void)
{
	size_t n;
	const cal_day *days = workcal_seed(&n);
	workcal *c = NULL;
	if (workcal_new(days, n, &c, NULL) != ERR_OK)
		test_fail(__FILE__, __LINE__, "seed calendar refused");
	return c;
}

/* Index of `day` in the seed, or -1. */
static long seed_index(lb_date day)
{
	size_t n;
	const cal_day *days = workcal_seed(&n);
	for (size_t i = 0; i < n; i++)
		if (days[i].day == day)
			return (long)i;
	return -1;
}

static void seed_blocks_match_the_notices(void)
{
	/* Shared domain rules §9, one row per holiday block, length counted by hand. */
	static const struct {
		const char *first, *last, *name;
		int days;
	} blocks[] = {
	    {"2025-01-01", "2025-01-01", "元旦", 1},
	    {"2025-01-28", "2025-02-04", "春节", 8},
	    {"2025-04-04", "2025-04-06", "清明节", 3},
	    {"2025-05-01", "2025-05-05", "劳动节", 5},
	    {"2025-05-31", "2025-06-02", "端午节", 3},
	    {"2025-10-01", "2025-10-08", "国庆节、中秋节", 8},
	    {"2026-01-01", "2026-01-03", "元旦", 3},
	    {"2026-02-15", "2026-02-23", "春节", 9},
	    {"2026-04-04", "2026-04-06", "清明节", 3},
	    {"2026-05-01", "2026-05-05", "劳动节", 5},
	    {"2026-06-19", "2026-06-21", "端午节", 3},
	    {"2026-09-25", "2026-09-27", "中秋节", 3},
	    {"2026-10-01", "2026-10-07", "国庆节", 7},
	};
	workcal *c = seed_cal();
	REQUIRE(c != NULL);
	int holidays = 0;
	for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
		lb_date first = D(blocks[b].first), last = D(blocks[b].last);
		CHECK_INT(last - first + 1, blocks[b].days);
		for (lb_date d = first; d <= last; d++) {
			CHECK_INT(workcal_kind(c, d), CAL_HOLIDAY);
			CHECK(workcal_is_restday(c, d));
			long i = seed_index(d);
			REQUIRE(i >= 0);
			CHECK_STR(workcal_seed_name((size_t)i), blocks[b].name);
			holidays++;
		}
		/* The block is exactly that long: the days around it are not holidays. */
		CHECK(workcal_kind(c, first - 1) != CAL_HOLIDAY);
		CHECK(workcal_kind(c, last + 1) != CAL_HOLIDAY);
	}
	CHECK_INT(holidays, 28 + 33);

	/* 调休上班 days, each on the weekday the notice names. */
	static const struct {
		const char *day, *name;
		int weekday;
	} work[] = {
	    {"2025-01-26", "春节", 7},           {"2025-02-08", "春节", 6},
	    {"2025-04-27", "劳动节", 7},         {"2025-09-28", "国庆节、中秋节", 7},
	    {"2025-10-11", "国庆节、中秋节", 6}, {"2026-01-04", "元旦", 7},
	    {"2026-02-14", "春节", 6},           {"2026-02-28", "春节", 6},
	    {"2026-05-09", "劳动节", 6},         {"2026-09-20", "国庆节", 7},
	    {"2026-10-10", "国庆节", 6},
	};
	for (size_t w = 0; w < sizeof work / sizeof work[0]; w++) {
		lb_date d = D(work[w].day);
		CHECK_INT(date_weekday(d), work[w].weekday);
		CHECK_INT(workcal_kind(c, d), CAL_WORKDAY);
		CHECK(workcal_is_workday(c, d));
		long i = seed_index(d);
		REQUIRE(i >= 0);
		CHECK_STR(workcal_seed_name((size_t)i), work[w].name);
	}

	/* Nothing else is in the seed, and it is in strictly ascending order. */
	size_t n;
	const cal_day *days = workcal_seed(&n);
	CHECK_INT(n, 28 + 33 + 11);
	for (size_t i = 1; i < n; i++)
		CHECK(days[i - 1].day < days[i].day);
	CHECK(workcal_seed_name(n) == NULL);
	CHECK_STR(S(days[0].day), "2025-01-01");
	CHECK_STR(S(days[n - 1].day), "2026-10-10");
	workcal_free(c);
}

static void worked_checks_from_the_rules(void)
{
	workcal *c = seed_cal();
	REQUIRE(c != NULL);
	/* Fri 2026-09-18 + 5 working days: 09-20 (Sun, 调休), 09-21, 22, 23, 24. */
	CHECK_STR(S(workcal_add_working_days(c, D("2026-09-18"), 5)), "2026-09-24");
	/* 15 calendar days from 2026-09-22 end on 10-07, a holiday → 10-08. */
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-09-22"), 15)), "2026-10-08");
	/* Thu 2026-02-12 + 5 working days: 02-13, 02-14 (Sat, 调休), 02-24, 25, 26. */
	CHECK_STR(S(workcal_add_working_days(c, D("2026-02-12"), 5)), "2026-02-26");
	workcal_free(c);
}

static void spring_festival_and_national_day_2025(void)
{
	workcal *c = seed_cal();
	REQUIRE(c != NULL);
	/* Fri 2025-01-24: 01-26 (Sun, 调休) 1, 01-27 2, holiday to 02-04, 02-05 3, 02-06 4,
	 * 02-07 5. */
	CHECK_STR(S(workcal_add_working_days(c, D("2025-01-24"), 5)), "2025-02-07");
	CHECK_STR(S(workcal_add_working_days(c, D("2025-01-24"), 6)), "2025-02-08");
	CHECK_STR(S(workcal_add_working_days(c, D("2025-01-24"), 7)), "2025-02-10");
	CHECK_STR(S(workcal_add_working_days(c, D("2025-01-24"), 1)), "2025-01-26");
	/* Fri 2025-09-26: 09-28 (Sun, 调休) 1, 09-29 2, 09-30 3, holiday, 10-09 4, 10-10 5, 10-11
	 * (Sat, 调休) 6. */
	CHECK_STR(S(workcal_add_working_days(c, D("2025-09-26"), 5)), "2025-10-10");
	CHECK_STR(S(workcal_add_working_days(c, D("2025-09-26"), 6)), "2025-10-11");
	CHECK_STR(S(workcal_add_working_days(c, D("2025-09-26"), 7)), "2025-10-13");
	/* Calendar periods ending inside the holiday move to the first working day after it. */
	CHECK_STR(S(workcal_add_calendar_days(c, D("2025-09-21"), 10)), "2025-10-09");
	CHECK_STR(S(workcal_add_calendar_days(c, D("2025-01-18"), 10)), "2025-02-05");
	/* Ending on a 调休 Saturday: a working day, no move. */
	CHECK_STR(S(workcal_add_calendar_days(c, D("2025-10-01"), 10)), "2025-10-11");
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-02-13"), 1)), "2026-02-14");
	/* Holiday running into a Saturday holiday and then a 调休 Sunday. */
	CHECK_STR(S(workcal_add_calendar_days(c, D("2025-12-25"), 7)), "2026-01-04");
	/* A plain weekend end rolls to Monday (rest days, Art.203). */
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-03-06"), 1)), "2026-03-09");
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-03-06"), 2)), "2026-03-09");
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-03-06"), 3)), "2026-03-09");
	/* n = 0 and negative n: the day itself, moved on if a rest day. */
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-03-04"), 0)), "2026-03-04");
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-10-03"), 0)), "2026-10-08");
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-03-04"), -7)), "2026-03-04");
	CHECK_STR(S(workcal_add_working_days(c, D("2026-03-04"), 0)), "2026-03-04");
	CHECK_STR(S(workcal_add_working_days(c, D("2026-03-04"), -3)), "2026-03-04");
	/* A holiday on a weekday is a rest day; a plain weekday is not. */
	CHECK(workcal_is_restday(c, D("2026-10-01")));
	CHECK(workcal_is_workday(c, D("2026-10-09")));
	CHECK(workcal_is_restday(c, D("2026-10-11")));
	CHECK_INT(workcal_kind(c, D("2026-10-09")), 0);
	workcal_free(c);
}

static void null_and_empty_calendar_mean_weekends_only(void)
{
	CHECK_STR(S(workcal_add_working_days(NULL, D("2026-09-18"), 5)), "2026-09-25");
	CHECK_STR(S(workcal_add_calendar_days(NULL, D("2026-09-22"), 15)), "2026-10-07");
	CHECK_STR(S(workcal_add_working_days(NULL, D("2026-02-12"), 5)), "2026-02-19");
	CHECK_STR(S(workcal_add_calendar_days(NULL, D("2026-09-22"), 12)), "2026-10-05");
	CHECK(workcal_is_workday(NULL, D("2026-10-01")));
	CHECK(workcal_is_restday(NULL, D("2026-09-20")));
	CHECK_INT(workcal_kind(NULL, D("2026-10-01")), 0);
	workcal *c = NULL;
	CHECK_INT(workcal_new(NULL, 0, &c, NULL), ERR_OK);
	REQUIRE(c != NULL);
	CHECK_STR(S(workcal_add_working_days(c, D("2026-09-18"), 5)), "2026-09-25");
	CHECK(workcal_is_restday(c, D("2026-09-20")));
	CHECK_INT(workcal_kind(c, D("2026-10-01")), 0);
	workcal_free(c);
	workcal_free(NULL);
}

static void custom_calendar_any_order_and_bad_entries(void)
{
	err_info e;
	char buf[200];
	workcal *c = NULL;
	/* Given out of order: still found. */
	cal_day mixed[] = {{D("2027-10-09"), CAL_WORKDAY},
	                   {D("2027-10-01"), CAL_HOLIDAY},
	                   {D("2027-02-06"), CAL_HOLIDAY}};
	CHECK_INT(workcal_new(mixed, 3, &c, &e), ERR_OK);
	REQUIRE(c != NULL);
	CHECK(workcal_is_workday(c, D("2027-10-09"))); /* a Saturday made a workday */
	CHECK(workcal_is_restday(c, D("2027-10-01")));
	CHECK_INT(workcal_kind(c, D("2027-02-06")), CAL_HOLIDAY);
	workcal_free(c);

	/* Same day twice (even with the same kind) is refused and names the day. */
	cal_day dup[] = {{D("2026-10-02"), CAL_HOLIDAY},
	                 {D("2026-10-01"), CAL_HOLIDAY},
	                 {D("2026-10-10"), CAL_WORKDAY},
	                 {D("2026-10-01"), CAL_HOLIDAY}};
	c = (workcal *)&e; /* must be reset to NULL on failure */
	CHECK_INT(workcal_new(dup, 4, &c, &e), ERR_CAL_DUPLICATE);
	CHECK(c == NULL);
	CHECK_STR(e.detail, "2026-10-01");
	CHECK_STR(err_format(&e, buf, sizeof buf), "日期：日历中同一日期出现两次（2026-10-01）");
	cal_day dup2[] = {{D("2026-10-10"), CAL_WORKDAY}, {D("2026-10-10"), CAL_HOLIDAY}};
	CHECK_INT(workcal_new(dup2, 2, &c, &e), ERR_CAL_DUPLICATE);
	CHECK_STR(e.detail, "2026-10-10");

	/* The seed plus a day it already has. */
	size_t n;
	const cal_day *seed = workcal_seed(&n);
	cal_day more[100];
	REQUIRE(n + 1 <= sizeof more / sizeof more[0]);
	for (size_t i = 0; i < n; i++)
		more[i] = seed[i];
	more[n] = (cal_day){D("2025-02-08"), CAL_HOLIDAY};
	CHECK_INT(workcal_new(more, n + 1, &c, &e), ERR_CAL_DUPLICATE);
	CHECK_STR(e.detail, "2025-02-08");
	CHECK(c == NULL);

	/* Bad kinds, dates out of range, missing arguments. */
	cal_day badkind[] = {{D("2026-01-05"), (cal_kind)0}};
	CHECK_INT(workcal_new(badkind, 1, &c, &e), ERR_CAL_KIND);
	CHECK_STR(e.detail, "2026-01-05");
	badkind[0].kind = (cal_kind)7;
	CHECK_INT(workcal_new(badkind, 1, &c, &e), ERR_CAL_KIND);
	cal_day far[] = {{INT32_MAX, CAL_HOLIDAY}};
	CHECK_INT(workcal_new(far, 1, &c, &e), ERR_DATE_INVALID);
	far[0].day = INT32_MIN;
	CHECK_INT(workcal_new(far, 1, &c, &e), ERR_DATE_INVALID);
	CHECK(c == NULL);
	CHECK_INT(workcal_new(NULL, 3, &c, &e), ERR_INVALID_ARG);
	CHECK_INT(workcal_new(mixed, 3, NULL, &e), ERR_INVALID_ARG);
	CHECK_INT(workcal_new(dup, 4, &c, NULL), ERR_CAL_DUPLICATE);
}

/* Step-by-step reference for working days, to check the whole-week shortcut. */
static lb_date naive_working_days(const workcal *c, lb_date from, int n)
{
	lb_date d = from;
	while (n > 0) {
		d++;
		if (workcal_is_workday(c, d))
			n--;
	}
	return d;
}

static void long_periods_and_extreme_arguments(void)
{
	workcal *c = seed_cal();
	REQUIRE(c != NULL);
	const char *starts[] = {"2024-12-27", "2025-09-26", "2026-09-30", "2026-10-10",
	                        "2027-03-05"};
	int bad = 0;
	for (size_t s = 0; s < sizeof starts / sizeof starts[0]; s++)
		for (int n = 1; n <= 600; n++) {
			lb_date from = D(starts[s]);
			if (workcal_add_working_days(c, from, n) !=
			        naive_working_days(c, from, n) ||
			    workcal_add_working_days(NULL, from, n) !=
			        naive_working_days(NULL, from, n))
				bad++;
		}
	CHECK_INT(bad, 0);
	/* Huge counts stop at the last representable day, quickly and without overflow. */
	CHECK_STR(S(workcal_add_working_days(c, D("2026-01-01"), INT_MAX)), "9999-12-31");
	CHECK_STR(S(workcal_add_calendar_days(c, D("2026-01-01"), INT_MAX)), "9999-12-31");
	CHECK_STR(S(workcal_add_calendar_days(NULL, INT32_MAX, 5)), "9999-12-31");
	CHECK_STR(S(workcal_add_working_days(NULL, INT32_MAX, 5)), "9999-12-31");
	CHECK_STR(S(workcal_add_calendar_days(NULL, INT32_MIN, 0)), "1800-01-01");
	CHECK_STR(S(workcal_add_working_days(NULL, INT32_MIN, 1)), "1800-01-02");
	workcal_free(c);
}

static void months_end_counts_inclusive_terms(void)
{
	CHECK_STR(S(statute_months_end(D("2026-01-01"), 3)), "2026-03-31");
	CHECK_STR(S(statute_months_end(D("2026-01-01"), 12)), "2026-12-31");
	CHECK_STR(S(statute_months_end(D("2026-01-01"), 36)), "2028-12-31");
	CHECK_STR(S(statute_months_end(D("2026-03-15"), 1)), "2026-04-14");
	CHECK_STR(S(statute_months_end(D("2026-03-01"), 3)), "2026-05-31");
	/* The same-numbered day is missing: the period runs to the month's end. */
	CHECK_STR(S(statute_months_end(D("2026-01-31"), 3)), "2026-04-30");
	CHECK_STR(S(statute_months_end(D("2026-01-30"), 1)), "2026-02-28");
	CHECK_STR(S(statute_months_end(D("2024-02-29"), 12)), "2025-02-28");
	CHECK_STR(S(statute_months_end(D("2024-02-29"), 48)), "2028-02-28");
	CHECK_STR(S(statute_months_end(D("2026-03-31"), 1)), "2026-04-30");
	CHECK_STR(S(statute_months_end(D("2026-05-31"), 1)), "2026-06-30");
	CHECK_STR(S(statute_months_end(D("2026-03-30"), 1)), "2026-04-29");
}

static void probation_maximum_at_every_boundary(void)
{
	lb_date s = D("2026-01-01");
	/* Just below / exactly at 3 months, 1 year, 3 years (inclusive boundaries). */
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2026-01-01"), 0), 0);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2026-03-30"), 0), 0);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2026-03-31"), 0), 1);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2026-12-30"), 0), 1);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2026-12-31"), 0), 2);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2028-12-30"), 0), 2);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2028-12-31"), 0), 6);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2036-12-31"), 0), 6);
	/* Month-end starts. */
	CHECK_INT(statute_probation_max_months(TERM_FIXED, D("2026-01-31"), D("2026-04-29"), 0), 0);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, D("2026-01-31"), D("2026-04-30"), 0), 1);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, D("2024-02-29"), D("2025-02-27"), 0), 1);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, D("2024-02-29"), D("2025-02-28"), 0), 2);
	/* Task-based, open-ended, part-time; the end date is ignored unless fixed. */
	CHECK_INT(statute_probation_max_months(TERM_TASK, s, D("2030-12-31"), 0), 0);
	CHECK_INT(statute_probation_max_months(TERM_OPEN, s, 0, 0), 6);
	CHECK_INT(statute_probation_max_months(TERM_OPEN, s, D("2025-01-01"), 0), 6);
	CHECK_INT(statute_probation_max_months(TERM_OPEN, s, 0, 1), 0);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2030-12-31"), 1), 0);
	/* Nonsense gives no probation rather than a crash. */
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, D("2025-12-31"), 0), 0);
	CHECK_INT(statute_probation_max_months((contract_term_type)0, s, D("2030-12-31"), 0), 0);
	CHECK_INT(statute_probation_max_months((contract_term_type)99, s, D("2030-12-31"), 0), 0);
	CHECK_INT(statute_probation_max_months(TERM_FIXED, s, INT32_MAX, 0), 0);
	CHECK_INT(statute_probation_max_months(TERM_OPEN, INT32_MIN, 0, 0), 0);
}

static void probation_check_errors(void)
{
	err_info e;
	char buf[200];
	lb_date s = D("2026-01-01");
	/* One-year term: two months, up to 2026-02-28. */
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-12-31"), 0, D("2026-02-28"), &e),
	          ERR_OK);
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-12-31"), 0, D("2026-01-01"), &e),
	          ERR_OK);
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-12-31"), 0, D("2026-03-01"), &e),
	          ERR_PROBATION_TOO_LONG);
	CHECK_STR(e.detail, "最长2个月，最晚至2026-02-28");
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "试用期超过劳动合同法第十九条规定的最长期限（最长2个月，最晚至2026-02-28）");
	/* Just under a year: one month. */
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-12-30"), 0, D("2026-02-01"), &e),
	          ERR_PROBATION_TOO_LONG);
	CHECK_STR(e.detail, "最长1个月，最晚至2026-01-31");
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-12-30"), 0, D("2026-01-31"), &e),
	          ERR_OK);
	/* Three years: six months. */
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2028-12-31"), 0, D("2026-06-30"), &e),
	          ERR_OK);
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2028-12-31"), 0, D("2026-07-01"), &e),
	          ERR_PROBATION_TOO_LONG);
	CHECK_STR(e.detail, "最长6个月，最晚至2026-06-30");
	CHECK_INT(statute_probation_check(TERM_OPEN, D("2026-03-10"), 0, 0, D("2026-09-09"), &e),
	          ERR_OK);
	CHECK_INT(statute_probation_check(TERM_OPEN, D("2026-03-10"), 0, 0, D("2026-09-10"), &e),
	          ERR_PROBATION_TOO_LONG);
	/* None allowed, and the detail says why. */
	CHECK_INT(statute_probation_check(TERM_TASK, s, 0, 0, D("2026-01-31"), &e),
	          ERR_PROBATION_NOT_ALLOWED);
	CHECK_STR(e.detail, "以完成一定工作任务为期限，劳动合同法第十九条");
	CHECK_INT(statute_probation_check(TERM_OPEN, s, 0, 1, D("2026-01-31"), &e),
	          ERR_PROBATION_NOT_ALLOWED);
	CHECK_STR(err_format(&e, buf, sizeof buf),
	          "此劳动合同依法不得约定试用期（非全日制用工，劳动合同法第七十条）");
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-03-30"), 0, D("2026-01-10"), &e),
	          ERR_PROBATION_NOT_ALLOWED);
	CHECK_STR(e.detail, "合同期限不满三个月，劳动合同法第十九条");
	/* Outside the term. */
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-12-31"), 0, D("2025-12-31"), &e),
	          ERR_PROBATION_OUTSIDE_TERM);
	CHECK_STR(e.detail, "试用期截止日早于合同起始日2026-01-01");
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-03-31"), 0, D("2026-04-15"), &e),
	          ERR_PROBATION_OUTSIDE_TERM);
	CHECK_STR(e.detail, "合同终止日为2026-03-31");
	/* Bad contracts and arguments. */
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2025-06-30"), 0, D("2026-01-31"), &e),
	          ERR_TERM_END_BEFORE_START);
	CHECK_STR(e.detail, "起始2026-01-01，终止2025-06-30");
	CHECK_INT(statute_probation_check((contract_term_type)0, s, 0, 0, s, &e), ERR_INVALID_ARG);
	CHECK_INT(statute_probation_check(TERM_OPEN, s, 0, 0, INT32_MAX, &e), ERR_DATE_INVALID);
	CHECK_INT(statute_probation_check(TERM_FIXED, s, INT32_MIN, 0, s, &e), ERR_DATE_INVALID);
	CHECK_INT(statute_probation_check(TERM_FIXED, s, D("2026-12-31"), 0, D("2026-03-01"), NULL),
	          ERR_PROBATION_TOO_LONG);
}

static void unemployment_months_and_eligibility(void)
{
	CHECK_INT(statute_ui_months(-5), 0);
	CHECK_INT(statute_ui_months(0), 0);
	CHECK_INT(statute_ui_months(11), 0);
	CHECK_INT(statute_ui_months(12), 12);
	CHECK_INT(statute_ui_months(59), 12);
	CHECK_INT(statute_ui_months(60), 18);
	CHECK_INT(statute_ui_months(119), 18);
	CHECK_INT(statute_ui_months(120), 24);
	CHECK_INT(statute_ui_months(INT_MAX), 24);

	err_info e;
	char buf[200];
	CHECK_INT(statute_ui_check_eligible(12, 1, &e), ERR_OK);
	CHECK_INT(statute_ui_check_eligible(300, 1, &e), ERR_OK);
	CHECK_INT(statute_ui_check_eligible(11, 1, &e), ERR_UI_TOO_SHORT);
	CHECK_STR(err_format(&e, buf, sizeof buf), "失业保险累计缴费不满一年（累计缴费11个月）");
	CHECK_INT(statute_ui_check_eligible(0, 1, &e), ERR_UI_TOO_SHORT);
	CHECK_INT(statute_ui_check_eligible(120, 0, &e), ERR_UI_NOT_INVOLUNTARY);
	CHECK_STR(err_format(&e, buf, sizeof buf), "因本人意愿中断就业，不享受失业保险金");
	CHECK_INT(statute_ui_check_eligible(5, 0, &e), ERR_UI_NOT_INVOLUNTARY);
	CHECK_INT(statute_ui_check_eligible(-1, 1, &e), ERR_INVALID_ARG);
	CHECK_INT(statute_ui_check_eligible(INT_MIN, 0, NULL), ERR_INVALID_ARG);

	/* Remainder carried over, total at most 24. */
	CHECK_INT(statute_ui_months_with_remainder(36, 0), 12);
	CHECK_INT(statute_ui_months_with_remainder(60, 3), 21);
	CHECK_INT(statute_ui_months_with_remainder(60, 6), 24);
	CHECK_INT(statute_ui_months_with_remainder(60, 7), 24);
	CHECK_INT(statute_ui_months_with_remainder(120, 5), 24);
	CHECK_INT(statute_ui_months_with_remainder(12, 12), 24);
	CHECK_INT(statute_ui_months_with_remainder(5, 7), 7);
	CHECK_INT(statute_ui_months_with_remainder(-1, -1), 0);
	CHECK_INT(statute_ui_months_with_remainder(INT_MAX, INT_MAX), 24);
	CHECK_INT(statute_ui_months_with_remainder(0, INT_MAX), 24);
}

/* Retirement age in months for a birth date, or -1 on error. */
static int R(const char *birth, retire_group g)
{
	int age = -1;
	if (statute_retirement(D(birth), g, &age, NULL, NULL) != ERR_OK)
		return -1;
	return age;
}

static void retirement_vectors(void)
{
	lb_date when;
	int age;
	/* Man 1965-01: O = 2025-01, k = 0 → +1 → 60y1m, reached 2025-02. */
	CHECK_INT(statute_retirement(D("1965-01-15"), RETIRE_MALE, &age, &when, NULL), ERR_OK);
	CHECK_INT(age, 60 * 12 + 1);
	CHECK_STR(S(when), "2025-02-15");
	/* Man 1964-12: O = 2024-12, before the reform → 60y0m on 2024-12-xx. */
	CHECK_INT(statute_retirement(D("1964-12-31"), RETIRE_MALE, &age, &when, NULL), ERR_OK);
	CHECK_INT(age, 720);
	CHECK_STR(S(when), "2024-12-31");
	/* Man 1976-09: O = 2036-09, k = 140 → 140/4+1 = 36 = cap → 63y. */
	CHECK_INT(R("1976-09-10", RETIRE_MALE), 63 * 12);
	/* 1976-08: k = 139 → 34+1 = 35. Later births stay at the cap. */
	CHECK_INT(R("1976-08-31", RETIRE_MALE), 62 * 12 + 11);
	CHECK_INT(R("1990-06-01", RETIRE_MALE), 63 * 12);
	/* 1965-04: k = 3 → 3/4+1 = 1; 1965-05: k = 4 → 2; 1965-08: k = 7 → 2; 1965-09: k = 8 → 3.
	 */
	CHECK_INT(R("1965-04-30", RETIRE_MALE), 721);
	CHECK_INT(R("1965-05-01", RETIRE_MALE), 722);
	CHECK_INT(R("1965-08-20", RETIRE_MALE), 722);
	CHECK_INT(R("1965-09-01", RETIRE_MALE), 723);
	/* Woman (formerly 50) 1984-11: O = 2034-11, k = 118 → 118/2+1 = 60 = cap → 55y. */
	CHECK_INT(R("1984-11-03", RETIRE_FEMALE_50), 55 * 12);
	/* 1984-10: k = 117 → 58+1 = 59. */
	CHECK_INT(R("1984-10-03", RETIRE_FEMALE_50), 54 * 12 + 11);
	/* 1975-01: O = 2025-01, k = 0 → +1; 1975-02: k = 1 → 1; 1975-03: k = 2 → 2; 1974-12: none.
	 */
	CHECK_INT(R("1975-01-01", RETIRE_FEMALE_50), 601);
	CHECK_INT(R("1975-02-28", RETIRE_FEMALE_50), 601);
	CHECK_INT(R("1975-03-01", RETIRE_FEMALE_50), 602);
	CHECK_INT(R("1974-12-31", RETIRE_FEMALE_50), 600);
	/* Woman (formerly 55) 1970-01: O = 2025-01, k = 0 → 55y1m; 1969-12: none. */
	CHECK_INT(R("1970-01-01", RETIRE_FEMALE_55), 661);
	CHECK_INT(R("1969-12-31", RETIRE_FEMALE_55), 660);
	/* 1981-09: O = 2036-09, k = 140 → cap 36 → 58y; 1981-08: k = 139 → 35. */
	CHECK_INT(R("1981-09-01", RETIRE_FEMALE_55), 58 * 12);
	CHECK_INT(R("1981-08-01", RETIRE_FEMALE_55), 57 * 12 + 11);
	/* The date is clamped to the month's end: 1965-01-31 + 60y1m → 2025-02-28. */
	CHECK_INT(statute_retirement(D("1965-01-31"), RETIRE_MALE, NULL, &when, NULL), ERR_OK);
	CHECK_STR(S(when), "2025-02-28");
	/* Errors leave the outputs alone. */
	err_info e;
	age = -7;
	when = -7;
	CHECK_INT(statute_retirement(D("1965-01-31"), (retire_group)0, &age, &when, &e),
	          ERR_INVALID_ARG);
	CHECK_INT(statute_retirement(D("1965-01-31"), (retire_group)4, &age, &when, &e),
	          ERR_INVALID_ARG);
	CHECK_INT(statute_retirement(INT32_MAX, RETIRE_MALE, &age, &when, &e), ERR_DATE_INVALID);
	CHECK_INT(e.field, MSG_F_BIRTH_DATE);
	CHECK_INT(age, -7);
	CHECK_INT(when, -7);
}

static void default_group_by_sex(void)
{
	CHECK_INT(statute_default_group(1), RETIRE_MALE);
	CHECK_INT(statute_default_group(2), RETIRE_FEMALE_50);
	CHECK_INT(statute_default_group(0), 0);
	CHECK_INT(statute_default_group(9), 0);
	CHECK_INT(statute_retirement(D("1970-01-01"), statute_default_group(9), NULL, NULL, NULL),
	          ERR_INVALID_ARG);
}

static void working_age_both_sides_of_the_birthday(void)
{
	err_info e;
	char buf[200];
	lb_date b = D("2010-03-15");
	CHECK_INT(statute_working_age_ok(b, RETIRE_MALE, D("2026-03-14"), &e), ERR_AGE_UNDER_16);
	CHECK_STR(err_format(&e, buf, sizeof buf), "出生日期：未满16周岁（2026-03-15满16周岁）");
	CHECK_INT(statute_working_age_ok(b, RETIRE_MALE, D("2026-03-15"), &e), ERR_OK);
	CHECK_INT(statute_working_age_ok(b, RETIRE_FEMALE_50, D("2020-01-01"), &e),
	          ERR_AGE_UNDER_16);
	/* Born after `on`. */
	CHECK_INT(statute_working_age_ok(b, RETIRE_MALE, D("2009-01-01"), &e), ERR_AGE_UNDER_16);
	/* Leap-day birth: 16 on 02-29 of a leap year. */
	CHECK_INT(statute_working_age_ok(D("2008-02-29"), RETIRE_MALE, D("2024-02-28"), &e),
	          ERR_AGE_UNDER_16);
	CHECK_STR(e.detail, "2024-02-29满16周岁");
	CHECK_INT(statute_working_age_ok(D("2008-02-29"), RETIRE_MALE, D("2024-02-29"), &e),
	          ERR_OK);
	/* Man 1965-01-15 retires 2025-02-15. */
	b = D("1965-01-15");
	CHECK_INT(statute_working_age_ok(b, RETIRE_MALE, D("2025-02-14"), &e), ERR_OK);
	CHECK_INT(statute_working_age_ok(b, RETIRE_MALE, D("2025-02-15"), &e), ERR_AGE_RETIRED);
	CHECK_STR(err_format(&e, buf, sizeof buf), "出生日期：已达到法定退休年龄（2025-02-15）");
	CHECK_INT(statute_working_age_ok(b, RETIRE_MALE, D("2030-01-01"), &e), ERR_AGE_RETIRED);
	/* Same birth date, group decides: a woman-50 retired long ago. */
	CHECK_INT(statute_working_age_ok(b, RETIRE_FEMALE_50, D("2025-02-14"), &e),
	          ERR_AGE_RETIRED);
	CHECK_STR(e.detail, "2015-01-15");
	/* Woman-50 born 1984-11-03 retires at 55 on 2039-11-03. */
	b = D("1984-11-03");
	CHECK_INT(statute_working_age_ok(b, RETIRE_FEMALE_50, D("2039-11-02"), &e), ERR_OK);
	CHECK_INT(statute_working_age_ok(b, RETIRE_FEMALE_50, D("2039-11-03"), &e),
	          ERR_AGE_RETIRED);
	CHECK_INT(statute_working_age_ok(b, RETIRE_FEMALE_55, D("2039-11-03"), &e), ERR_OK);
	/* Bad arguments. */
	CHECK_INT(statute_working_age_ok(b, (retire_group)0, D("2026-01-01"), &e), ERR_INVALID_ARG);
	CHECK_INT(statute_working_age_ok(b, RETIRE_MALE, INT32_MIN, &e), ERR_DATE_INVALID);
	CHECK_INT(statute_working_age_ok(INT32_MAX, RETIRE_MALE, D("2026-01-01"), NULL),
	          ERR_DATE_INVALID);
}

static void category_4050_both_sides_of_the_birthday(void)
{
	lb_date w = D("1986-05-10"), m = D("1976-05-10");
	CHECK_INT(statute_is_4050(2, w, D("2026-05-09")), 0);
	CHECK_INT(statute_is_4050(2, w, D("2026-05-10")), 1);
	CHECK_INT(statute_is_4050(2, w, D("2040-01-01")), 1);
	CHECK_INT(statute_is_4050(1, m, D("2026-05-09")), 0);
	CHECK_INT(statute_is_4050(1, m, D("2026-05-10")), 1);
	/* A man of 40 is not in the category; a woman of 49 is. */
	CHECK_INT(statute_is_4050(1, w, D("2026-05-10")), 0);
	CHECK_INT(statute_is_4050(2, m, D("2025-05-10")), 1);
	CHECK_INT(statute_is_4050(0, m, D("2026-05-10")), 0);
	CHECK_INT(statute_is_4050(9, m, D("2026-05-10")), 0);
	CHECK_INT(statute_is_4050(2, INT32_MIN, D("2026-05-10")), 0);
	CHECK_INT(statute_is_4050(2, w, INT32_MAX), 0);
}

TEST_MAIN(T(seed_blocks_match_the_notices), T(worked_checks_from_the_rules),
          T(spring_festival_and_national_day_2025), T(null_and_empty_calendar_mean_weekends_only),
          T(custom_calendar_any_order_and_bad_entries), T(long_periods_and_extreme_arguments),
          T(months_end_counts_inclusive_terms), T(probation_maximum_at_every_boundary),
          T(probation_check_errors), T(unemployment_months_and_eligibility), T(retirement_vectors),
          T(default_group_by_sex), T(working_age_both_sides_of_the_birthday),
          T(category_4050_both_sides_of_the_birthday))
