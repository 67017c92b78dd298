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

/* Build from n entries in any order (copied). ERR_NOMEM; duplicate day → ERR_CAL_DUPLICATE. */
err_code workcal_new(const cal_day *days, size_t n, workcal **out, err_info *e);
void workcal_free(workcal *c);

/* The built-in seed: statutory holidays and 调休 days of 2025 and 2026. */
const cal_day *workcal_seed(size_t *n);

/* 1 if `day` is a working day under c (c may be NULL: weekdays only). */
int workcal_is_workday(const workcal *c, lb_date day);

/* 1 if `day` is a rest day (weekend not made a workday, or a holiday). */
int workcal_is_restday(const workcal *c, lb_date day);

/*
 * The last day of a period of n calendar days counted from the day after
 * `from`; if that day is a rest day it moves to the next working day
 * (民法典 Art.203). n >= 0.
 */
lb_date workcal_add_calendar_days(const workcal *c, lb_date from, int n);

/* The n-th working day after `from` (n >= 1), counting from the next day. */
lb_date workcal_add_working_days(const workcal *c, lb_date from, int n);

/* ---- 劳动合同法 Art.19: probation ---- */

typedef enum contract_term_type {
	TERM_FIXED = 1,     /* 固定期限 */
	TERM_OPEN = 2,      /* 无固定期限 */
	TERM_TASK = 3,      /* 以完成一定工作任务为期限 */
} contract_term_type;

/*
 * Maximum probation in months (0, 1, 2 or 6) for a contract of `type`
 * running from start to end inclusive (end ignored unless TERM_FIXED).
 * part_time (非全日制) → 0.
 */
int statute_probation_max_months(contract_term_type type, lb_date start, lb_date end, int part_time);

/* ---- unemployment insurance ---- */

/*
 * Maximum benefit months by cumulative contribution in whole months:
 * < 12 → 0; 12..59 → 12; 60..119 → 18; >= 120 → 24.
 */
int statute_ui_months(int contribution_months);

/* ---- statutory retirement (2024-09-13 decision, from 2025-01-01) ---- */

typedef enum retire_group {
	RETIRE_MALE = 1,       /* base 60, +1 month per 4, cap 36 → 63 */
	RETIRE_FEMALE_55 = 2,  /* women formerly 55 (干部): base 55, +1 per 4, cap 36 → 58 */
	RETIRE_FEMALE_50 = 3,  /* women formerly 50 (工人): base 50, +1 per 2, cap 60 → 55 */
} retire_group;

/*
 * Statutory retirement: *age_months is the retirement age in months
 * (720 = 60 years), *date the day it is reached (birth + age_months,
 * clamped to the month's end). ERR_INVALID_ARG for an unknown group.
 */
err_code statute_retirement(lb_date birth, retire_group group, int *age_months, lb_date *date, err_info *e);

#endif
