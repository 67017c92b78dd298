/*
 * statute — statutory clocks and limits (see statute.h).
 *
 * The calendar is a sorted array of exceptions looked up by binary search;
 * every other day follows the weekly rule. The 2025/2026 seed is typed one
 * day per line from the State Council notices so a reviewer can tick each
 * line against the published table; the tests count the days per festival.
 */
#include "forms/statute.h"

#include <stdint.h>
#include <stdlib.h>

/*
 * Day number of y-m-d as a constant expression (same arithmetic as
 * date.c, valid for years >= 1), so the seed can be a static const table.
 */
#define STATUTE_Y(y, m) ((y) - ((m) <= 2))
#define STATUTE_DOY(m, d) ((153 * ((m) > 2 ? (m)-3 : (m) + 9) + 2) / 5 + (d)-1)
#define STATUTE_DAY(y, m, d)                                                                       \
	((lb_date)(STATUTE_Y(y, m) / 400 * 146097 + STATUTE_Y(y, m) % 400 * 365 +                  \
	           STATUTE_Y(y, m) % 400 / 4 - STATUTE_Y(y, m) % 400 / 100 + STATUTE_DOY(m, d) -   \
	           719468))

/* The range date.h promises; anything outside is refused or clamped. */
#define STATUTE_MIN_DAY STATUTE_DAY(1800, 1, 1)
#define STATUTE_MAX_DAY STATUTE_DAY(9999, 12, 31)

/* The reform took effect on 2025-01-01; months are counted as y * 12 + (m - 1). */
#define STATUTE_REFORM_MONTH (2025 * 12)

/*
 * 国务院办公厅关于2025年/2026年部分节假日安排的通知: H = 放假 (every day of
 * the block), W = 调休上班, in date order. Shared domain rules §9. The
 * festival names are calendar data, as published in the notices, not UI
 * text, so they stay here beside their dates rather than in the message
 * catalog.
 */
#define STATUTE_SEED(H, W)                                                                         \
	H(2025, 1, 1, "元旦")                                                                      \
	W(2025, 1, 26, "春节")                                                                     \
	H(2025, 1, 28, "春节")                                                                     \
	H(2025, 1, 29, "春节")                                                                     \
	H(2025, 1, 30, "春节")                                                                     \
	H(2025, 1, 31, "春节")                                                                     \
	H(2025, 2, 1, "春节")                                                                      \
	H(2025, 2, 2, "春节")                                                                      \
	H(2025, 2, 3, "春节")                                                                      \
	H(2025, 2, 4, "春节")                                                                      \
	W(2025, 2, 8, "春节")                                                                      \
	H(2025, 4, 4, "清明节")                                                                    \
	H(2025, 4, 5, "清明节")                                                                    \
	H(2025, 4, 6, "清明节")                                                                    \
	W(2025, 4, 27, "劳动节")                                                                   \
	H(2025, 5, 1, "劳动节")                                                                    \
	H(2025, 5, 2, "劳动节")                                                                    \
	H(2025, 5, 3, "劳动节")                                                                    \
	H(2025, 5, 4, "劳动节")                                                                    \
	H(2025, 5, 5, "劳动节")                                                                    \
	H(2025, 5, 31, "端午节")                                                                   \
	H(2025, 6, 1, "端午节")                                                                    \
	H(2025, 6, 2, "端午节")                                                                    \
	W(2025, 9, 28, "国庆节、中秋节")                                                           \
	H(2025, 10, 1, "国庆节、中秋节")                                                           \
	H(2025, 10, 2, "国庆节、中秋节")                                                           \
	H(2025, 10, 3, "国庆节、中秋节")                                                           \
	H(2025, 10, 4, "国庆节、中秋节")                                                           \
	H(2025, 10, 5, "国庆节、中秋节")                                                           \
	H(2025, 10, 6, "国庆节、中秋节")                                                           \
	H(2025, 10, 7, "国庆节、中秋节")                                                           \
	H(2025, 10, 8, "国庆节、中秋节")                                                           \
	W(2025, 10, 11, "国庆节、中秋节")                                                          \
	H(2026, 1, 1, "元旦")                                                                      \
	H(2026, 1, 2, "元旦")                                                                      \
	H(2026, 1, 3, "元旦")                                                                      \
	W(2026, 1, 4, "元旦")                                                                      \
	W(2026, 2, 14, "春节")                                                                     \
	H(2026, 2, 15, "春节")                                                                     \
	H(2026, 2, 16, "春节")                                                                     \
	H(2026, 2, 17, "春节")                                                                     \
	H(2026, 2, 18, "春节")                                                                     \
	H(2026, 2, 19, "春节")                                                                     \
	H(2026, 2, 20, "春节")                                                                     \
	H(2026, 2, 21, "春节")                                                                     \
	H(2026, 2, 22, "春节")                                                                     \
	H(2026, 2, 23, "春节")                                                                     \
	W(2026, 2, 28, "春节")                                                                     \
	H(2026, 4, 4, "清明节")                                                                    \
	H(2026, 4, 5, "清明节")                                                                    \
	H(2026, 4, 6, "清明节")                                                                    \
	H(2026, 5, 1, "劳动节")                                                                    \
	H(2026, 5, 2, "劳动节")                                                                    \
	H(2026, 5, 3, "劳动节")                                                                    \
	H(2026, 5, 4, "劳动节")                                                                    \
	H(2026, 5, 5, "劳动节")                                                                    \
	W(2026, 5, 9, "劳动节")                                                                    \
	H(2026, 6, 19, "端午节")                                                                   \
	H(2026, 6, 20, "端午节")                                                                   \
	H(2026, 6, 21, "端午节")                                                                   \
	W(2026, 9, 20, "国庆节")                                                                   \
	H(2026, 9, 25, "中秋节")                                                                   \
	H(2026, 9, 26, "中秋节")                                                                   \
	H(2026, 9, 27, "中秋节")                                                                   \
	H(2026, 10, 1, "国庆节")                                                                   \
	H(2026, 10, 2, "国庆节")                                                                   \
	H(2026, 10, 3, "国庆节")                                                                   \
	H(2026, 10, 4, "国庆节")                                                                   \
	H(2026, 10, 5, "国庆节")                                                                   \
	H(2026, 10, 6, "国庆节")                                                                   \
	H(2026, 10, 7, "国庆节")                                                                   \
	W(2026, 10, 10, "国庆节")

#define STATUTE_SEED_H(y, m, d, name) {STATUTE_DAY(y, m, d), CAL_HOLIDAY},
#define STATUTE_SEED_W(y, m, d, name) {STATUTE_DAY(y, m, d), CAL_WORKDAY},
#define STATUTE_SEED_NAME(y, m, d, name) name,

static const cal_day statute_seed_days[] = {STATUTE_SEED(STATUTE_SEED_H, STATUTE_SEED_W)};
static const char *const statute_seed_names[] = {
    STATUTE_SEED(STATUTE_SEED_NAME, STATUTE_SEED_NAME)};

_Static_assert(sizeof statute_seed_days / sizeof statute_seed_days[0] ==
                   sizeof statute_seed_names / sizeof statute_seed_names[0],
               "seed days and names must line up");

struct workcal {
	size_t n;
	cal_day days[]; /* sorted by day, no duplicates */
};

static int statute_date_ok(lb_date d)
{
	return d >= STATUTE_MIN_DAY && d <= STATUTE_MAX_DAY;
}

static lb_date statute_clamp(int64_t d)
{
	if (d < STATUTE_MIN_DAY)
		return STATUTE_MIN_DAY;
	if (d > STATUTE_MAX_DAY)
		return STATUTE_MAX_DAY;
	return (lb_date)d;
}

/* ---- calendar ---- */

static int workcal_cmp(const void *a, const void *b)
{
	lb_date x = ((const cal_day *)a)->day, y = ((const cal_day *)b)->day;
	return (x > y) - (x < y);
}

err_code workcal_new(const cal_day *days, size_t n, workcal **out, err_info *e)
{
	char buf[DATE_ISO_LEN];
	if (out == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	*out = NULL;
	if (n > 0 && days == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	for (size_t i = 0; i < n; i++) {
		if (!statute_date_ok(days[i].day))
			return err_set(e, ERR_DATE_INVALID, MSG_F_DATE, msg_text(MSG_D_CAL_ENTRY),
			               i + 1);
		if (days[i].kind != CAL_HOLIDAY && days[i].kind != CAL_WORKDAY)
			return err_set(e, ERR_CAL_KIND, MSG_F_DATE, "%s",
			               date_format(days[i].day, buf));
	}
	if (n > (SIZE_MAX - sizeof(workcal)) / sizeof(cal_day))
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	workcal *c = malloc(sizeof(workcal) + n * sizeof(cal_day));
	if (c == NULL)
		return err_set(e, ERR_NOMEM, MSG_NONE, NULL);
	c->n = n;
	for (size_t i = 0; i < n; i++)
		c->days[i] = days[i];
	if (n > 1)
		qsort(c->days, n, sizeof(cal_day), workcal_cmp);
	for (size_t i = 1; i < n; i++) {
		if (c->days[i].day == c->days[i - 1].day) {
			err_set(e, ERR_CAL_DUPLICATE, MSG_F_DATE, "%s",
			        date_format(c->days[i].day, buf));
			free(c);
			return ERR_CAL_DUPLICATE;
		}
	}
	*out = c;
	return ERR_OK;
}

void workcal_free(workcal *c)
{
	free(c);
}

const cal_day *workcal_seed(size_t *n)
{
	if (n != NULL)
		*n = sizeof statute_seed_days / sizeof statute_seed_days[0];
	return statute_seed_days;
}

const char *workcal_seed_name(size_t i)
{
	if (i >= sizeof statute_seed_names / sizeof statute_seed_names[0])
		return NULL;
	return statute_seed_names[i];
}

int workcal_kind(const workcal *c, lb_date day)
{
	if (c == NULL || c->n == 0)
		return 0;
	cal_day key = {day, CAL_HOLIDAY};
	const cal_day *hit = bsearch(&key, c->days, c->n, sizeof(cal_day), workcal_cmp);
	return hit != NULL ? (int)hit->kind : 0;
}

int workcal_is_workday(const workcal *c, lb_date day)
{
	int kind = workcal_kind(c, day);
	if (kind == CAL_HOLIDAY)
		return 0;
	if (kind == CAL_WORKDAY)
		return 1;
	return date_weekday(day) <= 5;
}

int workcal_is_restday(const workcal *c, lb_date day)
{
	return !workcal_is_workday(c, day);
}

lb_date workcal_add_calendar_days(const workcal *c, lb_date from, int n)
{
	if (n < 0)
		n = 0;
	lb_date end = statute_clamp((int64_t)from + n);
	/* Finite exceptions and a weekly rule: the loop ends within days. */
	while (end < STATUTE_MAX_DAY && workcal_is_restday(c, end))
		end++;
	return end;
}

lb_date workcal_add_working_days(const workcal *c, lb_date from, int n)
{
	if (n < 1)
		return from;
	int64_t day = statute_clamp(from);
	int64_t left = n;
	/* Past the last listed day every week has exactly five working days. */
	int64_t last = c != NULL && c->n > 0 ? c->days[c->n - 1].day : STATUTE_MIN_DAY - 1;
	while (left > 0) {
		if (day >= STATUTE_MAX_DAY)
			return STATUTE_MAX_DAY;
		if (day >= last && left > 5) {
			int64_t weeks = (left - 1) / 5;
			day += 7 * weeks;
			left -= 5 * weeks;
			continue;
		}
		day++;
		if (workcal_is_workday(c, (lb_date)day))
			left--;
	}
	return statute_clamp(day);
}

/* ---- probation ---- */

lb_date statute_months_end(lb_date start, int months)
{
	if (months < 0)
		months = 0;
	int sy, sm, sd, y, m, d;
	lb_date next = date_add_months(start, months);
	date_to_ymd(start, &sy, &sm, &sd);
	date_to_ymd(next, &y, &m, &d);
	/*
	 * date_add_months clamped to a shorter month: the same-numbered day does
	 * not exist, so the period ends on that month's last day (民法典 Art.202)
	 * rather than the day before it.
	 */
	if (d != sd)
		return next;
	return next - 1;
}

/* Maximum probation for a validated contract. */
static int statute_probation_months(contract_term_type type, lb_date start, lb_date end,
                                    int part_time)
{
	if (part_time)
		return 0;
	switch (type) {
	case TERM_OPEN:
		return 6;
	case TERM_TASK:
		return 0;
	case TERM_FIXED:
		if (end >= statute_months_end(start, 36))
			return 6;
		if (end >= statute_months_end(start, 12))
			return 2;
		if (end >= statute_months_end(start, 3))
			return 1;
		return 0;
	}
	return 0;
}

int statute_probation_max_months(contract_term_type type, lb_date start, lb_date end, int part_time)
{
	if (!statute_date_ok(start))
		return 0;
	if (type == TERM_FIXED && (!statute_date_ok(end) || end < start))
		return 0;
	return statute_probation_months(type, start, end, part_time);
}

err_code statute_probation_check(contract_term_type type, lb_date start, lb_date end, int part_time,
                                 lb_date probation_end, err_info *e)
{
	char b1[DATE_ISO_LEN], b2[DATE_ISO_LEN];
	if (type != TERM_FIXED && type != TERM_OPEN && type != TERM_TASK)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, msg_text(MSG_D_TERM_TYPE), (int)type);
	if (!statute_date_ok(start) || !statute_date_ok(probation_end) ||
	    (type == TERM_FIXED && !statute_date_ok(end)))
		return err_set(e, ERR_DATE_INVALID, MSG_NONE, NULL);
	if (type == TERM_FIXED && end < start)
		return err_set(e, ERR_TERM_END_BEFORE_START, MSG_NONE, msg_text(MSG_D_TERM_DATES),
		               date_format(start, b1), date_format(end, b2));
	int max = statute_probation_months(type, start, end, part_time);
	if (max == 0) {
		msg_id why = part_time           ? MSG_D_PROBATION_PART_TIME
		             : type == TERM_TASK ? MSG_D_PROBATION_TASK
		                                 : MSG_D_PROBATION_SHORT_TERM;
		return err_set(e, ERR_PROBATION_NOT_ALLOWED, MSG_NONE, "%s", msg_text(why));
	}
	if (probation_end < start)
		return err_set(e, ERR_PROBATION_OUTSIDE_TERM, MSG_NONE,
		               msg_text(MSG_D_PROBATION_BEFORE_START), date_format(start, b1));
	if (type == TERM_FIXED && probation_end > end)
		return err_set(e, ERR_PROBATION_OUTSIDE_TERM, MSG_NONE,
		               msg_text(MSG_D_PROBATION_AFTER_END), date_format(end, b1));
	lb_date limit = statute_months_end(start, max);
	if (probation_end > limit)
		return err_set(e, ERR_PROBATION_TOO_LONG, MSG_NONE, msg_text(MSG_D_PROBATION_MAX),
		               max, date_format(limit, b1));
	return ERR_OK;
}

/* ---- unemployment insurance ---- */

int statute_ui_months(int contribution_months)
{
	if (contribution_months < 12)
		return 0;
	if (contribution_months < 60)
		return 12;
	if (contribution_months < 120)
		return 18;
	return 24;
}

err_code statute_ui_check_eligible(int contribution_months, int involuntary, err_info *e)
{
	if (contribution_months < 0)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, msg_text(MSG_D_UI_MONTHS_ARG),
		               contribution_months);
	if (!involuntary)
		return err_set(e, ERR_UI_NOT_INVOLUNTARY, MSG_NONE, NULL);
	if (contribution_months < 12)
		return err_set(e, ERR_UI_TOO_SHORT, MSG_NONE, msg_text(MSG_D_UI_MONTHS),
		               contribution_months);
	return ERR_OK;
}

int statute_ui_months_with_remainder(int contribution_months, int remainder_months)
{
	if (remainder_months < 0)
		remainder_months = 0;
	if (remainder_months > 24)
		remainder_months = 24;
	int total = statute_ui_months(contribution_months) + remainder_months;
	return total > 24 ? 24 : total;
}

/* ---- retirement and working age ---- */

static int statute_group_rule(retire_group g, int *base, int *step, int *cap)
{
	switch (g) {
	case RETIRE_MALE:
		*base = 60, *step = 4, *cap = 36;
		return 1;
	case RETIRE_FEMALE_55:
		*base = 55, *step = 4, *cap = 36;
		return 1;
	case RETIRE_FEMALE_50:
		*base = 50, *step = 2, *cap = 60;
		return 1;
	}
	return 0;
}

err_code statute_retirement(lb_date birth, retire_group group, int *age_months, lb_date *date,
                            err_info *e)
{
	int base, step, cap;
	if (!statute_group_rule(group, &base, &step, &cap))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, msg_text(MSG_D_RETIRE_GROUP),
		               (int)group);
	if (!statute_date_ok(birth))
		return err_set(e, ERR_DATE_INVALID, MSG_F_BIRTH_DATE, NULL);
	int y, m, d;
	date_to_ymd(birth, &y, &m, &d);
	/* k: months from 2025-01 to the month the old age would have been reached. */
	int k = (y + base) * 12 + (m - 1) - STATUTE_REFORM_MONTH;
	int delay = 0;
	if (k >= 0) {
		delay = k / step + 1;
		if (delay > cap)
			delay = cap;
	}
	int age = base * 12 + delay;
	if (age_months != NULL)
		*age_months = age;
	if (date != NULL)
		*date = date_add_months(birth, age);
	return ERR_OK;
}

retire_group statute_default_group(int sex)
{
	if (sex == 1)
		return RETIRE_MALE;
	if (sex == 2)
		return RETIRE_FEMALE_50;
	return (retire_group)0;
}

err_code statute_working_age_ok(lb_date birth, retire_group g, lb_date on, err_info *e)
{
	char buf[DATE_ISO_LEN];
	lb_date retire;
	err_code rc = statute_retirement(birth, g, NULL, &retire, e);
	if (rc != ERR_OK)
		return rc;
	if (!statute_date_ok(on))
		return err_set(e, ERR_DATE_INVALID, MSG_F_DATE, NULL);
	if (date_age(birth, on) < 16) {
		/* The first day date_age() counts as 16 (a 02-29 birthday reaches it on 03-01). */
		lb_date sixteen = date_add_years(birth, 16);
		if (date_age(birth, sixteen) < 16)
			sixteen++;
		return err_set(e, ERR_AGE_UNDER_16, MSG_F_BIRTH_DATE, msg_text(MSG_D_AGE_16_ON),
		               date_format(sixteen, buf));
	}
	if (on >= retire)
		return err_set(e, ERR_AGE_RETIRED, MSG_F_BIRTH_DATE, "%s",
		               date_format(retire, buf));
	return ERR_OK;
}

int statute_is_4050(int sex, lb_date birth, lb_date on)
{
	if (!statute_date_ok(birth) || !statute_date_ok(on))
		return 0;
	int age = date_age(birth, on);
	if (sex == 2)
		return age >= 40;
	if (sex == 1)
		return age >= 50;
	return 0;
}
