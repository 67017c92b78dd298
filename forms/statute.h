/*
 * statute — statutory clocks and limits that depend only on dates and facts
 * (no database): probation maximum by contract term (劳动合同法 Art.19),
 * unemployment-insurance months by contribution years (条例 Art.17, 社保法
 * Art.46), statutory retirement date under the reform in force since
 * 2025-01-01, and day-period counting with a holiday calendar (民法典
 * Art.200-204; working days per the 调休 table). Shared domain rules §3, §5,
 * §7, §9.
 */
#ifndef LAOBAO_STATUTE_H
#define LAOBAO_STATUTE_H

#include <stddef.h>

#include "forms/date.h"
#include "locale/err.h"

/* ---- holiday / adjusted-workday calendar ---- */

typedef enum cal_kind { CAL_HOLIDAY = 1, CAL_WORKDAY = 2 } cal_kind;

typedef struct cal_day {
	lb_date day;
	cal_kind kind;
} cal_day;

/* A calendar: exceptions to "Mon-Fri work, Sat-Sun rest". Opaque. */
typedef struct workcal workcal;

/*
 * Build from n entries in any order (copied; days may be NULL when n is 0).
 * Errors: ERR_NOMEM; a day given twice → ERR_CAL_DUPLICATE (detail: the
 * date); a kind other than CAL_HOLIDAY/CAL_WORKDAY → ERR_CAL_KIND; a day
 * outside 1800..9999 → ERR_DATE_INVALID; out NULL → ERR_INVALID_ARG.
 * *out is NULL on any error.
 */
err_code workcal_new(const cal_day *days, size_t n, workcal **out, err_info *e);
void workcal_free(workcal *c);

/*
 * The built-in seed: statutory holidays and 调休 days of 2025 and 2026, in
 * date order (a constant table; *n receives its length).
 */
const cal_day *workcal_seed(size_t *n);

/*
 * Name of the festival entry i of workcal_seed() belongs to ("春节"; for a
 * CAL_WORKDAY entry, the festival it was moved for), or NULL if i is out of
 * range. Lets a seeder store names alongside the dates.
 */
const char *workcal_seed_name(size_t i);

/* The entry kind for `day` (CAL_HOLIDAY or CAL_WORKDAY), or 0 when the day is not listed. */
int workcal_kind(const workcal *c, lb_date day);

/* 1 if `day` is a working day under c (c may be NULL: weekdays only). */
int workcal_is_workday(const workcal *c, lb_date day);

/* 1 if `day` is a rest day (weekend not made a workday, or a holiday). */
int workcal_is_restday(const workcal *c, lb_date day);

/*
 * The last day of a period of n calendar days counted from the day after
 * `from`; if that day is a rest day it moves to the next working day
 * (民法典 Art.203). "Rest day" includes an ordinary weekend: Art.203 speaks
 * of 法定休假日, and the weekly rest days are statutory rest days too, so a
 * period ending on a plain Saturday ends on the following Monday (or later
 * if that is a holiday); an adjusted working Saturday (调休上班) does not
 * move. n < 0 counts as 0 (from itself, rolled forward if a rest day).
 * Results are kept within 1800-01-01..9999-12-31.
 */
lb_date workcal_add_calendar_days(const workcal *c, lb_date from, int n);

/*
 * The n-th working day after `from`, counting from the next day (n >= 1;
 * for n < 1, `from` is returned unchanged). Kept within ..9999-12-31.
 */
lb_date workcal_add_working_days(const workcal *c, lb_date from, int n);

/* ---- 劳动合同法 Art.19: probation ---- */

typedef enum contract_term_type {
	TERM_FIXED = 1, /* 固定期限 */
	TERM_OPEN = 2,  /* 无固定期限 */
	TERM_TASK = 3,  /* 以完成一定工作任务为期限 */
} contract_term_type;

/*
 * Maximum probation in months (0, 1, 2 or 6) for a contract of `type`
 * running from start to end inclusive (end ignored unless TERM_FIXED).
 * Boundaries are inclusive: a term reaching exactly 3 months, 1 year or 3
 * years (see statute_months_end) gets the higher maximum. part_time
 * (非全日制) → 0; an unknown type, or a fixed term that ends before it
 * starts → 0.
 */
int statute_probation_max_months(contract_term_type type, lb_date start, lb_date end,
                                 int part_time);

/*
 * The last day of a period of `months` months that begins on (and includes)
 * `start`: the day before the same-numbered day `months` later, so
 * 2026-01-01 + 3 → 2026-03-31 and 2026-01-01 + 12 → 2026-12-31. When that
 * day does not exist in the target month (start on the 29th..31st), the
 * period runs to the end of that month (民法典 Art.202): 2026-01-31 + 3 →
 * 2026-04-30, 2024-02-29 + 12 → 2025-02-28. A contract "is k months" when
 * its end is on or after statute_months_end(start, k). months >= 0.
 */
lb_date statute_months_end(lb_date start, int months);

/*
 * Check an agreed probation that begins with the contract on `start` and
 * ends on probation_end (inclusive). Call it only when a probation is agreed.
 * Errors (field MSG_NONE, the text names the rule):
 *   ERR_INVALID_ARG           unknown type
 *   ERR_DATE_INVALID          a date outside 1800..9999
 *   ERR_TERM_END_BEFORE_START fixed term ending before it starts
 *   ERR_PROBATION_NOT_ALLOWED maximum is 0 (detail: why — task-based,
 *                             part-time, or term under three months)
 *   ERR_PROBATION_OUTSIDE_TERM probation ends before the start or after the
 *                             contract end
 *   ERR_PROBATION_TOO_LONG    detail "最长N个月，最晚至YYYY-MM-DD"
 */
err_code statute_probation_check(contract_term_type type, lb_date start, lb_date end, int part_time,
                                 lb_date probation_end, err_info *e);

/* ---- unemployment insurance ---- */

/*
 * Maximum benefit months by cumulative contribution in whole months:
 * < 12 → 0; 12..59 → 12; 60..119 → 18; >= 120 → 24.
 */
int statute_ui_months(int contribution_months);

/*
 * Whether someone may draw unemployment benefit (条例 Art.14, 社保法
 * Art.45): involuntary is non-zero when the job was lost not by the
 * worker's own will (see the reason-code table). Errors, checked in this
 * order: ERR_INVALID_ARG for negative months; ERR_UI_NOT_INVOLUNTARY;
 * ERR_UI_TOO_SHORT (under 12 months; detail "累计缴费N个月").
 */
err_code statute_ui_check_eligible(int contribution_months, int involuntary, err_info *e);

/*
 * Benefit months after re-employment and new unemployment (条例 Art.17 ¶2):
 * statute_ui_months of the new, restarted contribution time plus the unused
 * remainder of the earlier entitlement, at most 24. Only adds up: whether a
 * remainder may be drawn when the new contribution is under a year is
 * decided by the caller (statute_ui_check_eligible, local practice).
 * Negative arguments count as 0.
 */
int statute_ui_months_with_remainder(int contribution_months, int remainder_months);

/* ---- statutory retirement (2024-09-13 decision, from 2025-01-01) ---- */

typedef enum retire_group {
	RETIRE_MALE = 1,      /* base 60, +1 month per 4, cap 36 → 63 */
	RETIRE_FEMALE_55 = 2, /* women formerly 55 (干部): base 55, +1 per 4, cap 36 → 58 */
	RETIRE_FEMALE_50 = 3, /* women formerly 50 (工人): base 50, +1 per 2, cap 60 → 55 */
} retire_group;

/*
 * Statutory retirement: *age_months is the retirement age in months
 * (720 = 60 years), *date the day it is reached (birth + age_months,
 * clamped to the month's end). ERR_INVALID_ARG for an unknown group,
 * ERR_DATE_INVALID for a birth date outside 1800..9999. Either output
 * pointer may be NULL; outputs are written only on success.
 */
err_code statute_retirement(lb_date birth, retire_group group, int *age_months, lb_date *date,
                            err_info *e);

/*
 * The group to preselect for a person of `sex` (GB/T 2261.1: 1 男, 2 女):
 * RETIRE_MALE for men, RETIRE_FEMALE_50 for women — most registered
 * unemployed women held 工人 posts, and the group is a stored field a
 * caseworker changes for a former 干部. Any other sex code gives 0 (no
 * group), which statute_retirement() refuses, so the form must ask.
 */
retire_group statute_default_group(int sex);

/*
 * Whether someone is of legal working age on `on`: ERR_AGE_UNDER_16 when
 * under 16 (detail: the day of turning 16), ERR_AGE_RETIRED on or after the
 * statutory retirement date (detail: that date). Field MSG_F_BIRTH_DATE.
 * ERR_INVALID_ARG for an unknown group, ERR_DATE_INVALID for dates outside
 * 1800..9999.
 */
err_code statute_working_age_ok(lb_date birth, retire_group g, lb_date on, err_info *e);

/*
 * 1 if the person falls in the 4050 category on `on`: a woman (sex 2) aged
 * 40 or more, a man (sex 1) aged 50 or more, age counted by birthday. Any
 * other sex code, or a date outside 1800..9999, gives 0.
 */
int statute_is_4050(int sex, lb_date birth, lb_date on);

#endif
