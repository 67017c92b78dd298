/*
 * rate — dated amounts per area: the monthly and hourly minimum wage, the
 * previous year's average wage, the unemployment benefit. Rules that
 * compare money against them (probation wage, 终局裁决 12 × minimum wage,
 * compensation cap, benefit) ask for the amount valid on a date; the
 * amounts are data entered by the office, never a formula.
 */
#ifndef LAOBAO_RATE_H
#define LAOBAO_RATE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

#define RATE_MIN_WAGE_MONTH "min_wage_month"         /* 月最低工资标准 */
#define RATE_MIN_WAGE_HOUR "min_wage_hour"           /* 小时最低工资标准 */
#define RATE_AVG_WAGE_PREV_YEAR "avg_wage_prev_year" /* 上年度职工月平均工资 */
#define RATE_UI_BENEFIT_MONTH "ui_benefit_month"     /* 失业保险金月标准 */

typedef struct rate {
	int64_t id;
	char area_code[7];   /* GB/T 2260 */
	char kind[24];       /* RATE_… */
	char valid_from[11]; /* YYYY-MM-DD */
	int64_t amount;      /* fen */
	char note[304];      /* source document, up to 100 characters */
	int64_t version;
	int64_t chg_seq;
} rate;

typedef struct rate_list {
	rate *items;
	size_t n;
} rate_list;

/* Insert a rate, or change the one of the same area, kind and start date (audited). */
err_code rate_put(db *d, rate *r, err_info *e);

/* The rate in force on `on` (latest valid_from <= on). ERR_NOT_FOUND when none. */
err_code rate_find(db *d, const char *area_code, const char *kind, const char *on, rate *out,
                   err_info *e);

/* All rates of an area and kind, newest first. */
err_code rate_list_area(db *d, const char *area_code, const char *kind, rate_list *out,
                        err_info *e);

void rate_list_free(rate_list *l);

#endif
