/*
 * date — calendar dates as day numbers, parsing, formatting and "today".
 *
 * A date is the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar, so differences and comparisons are plain arithmetic. Text dates
 * in the database and files are always ISO "YYYY-MM-DD"; users may type
 * YYYY-MM-DD, YYYYMMDD or YYYY.MM.DD (also YYYY/MM/DD and full-width digits),
 * which date_parse() normalises.
 */
#ifndef LAOBAO_DATE_H
#define LAOBAO_DATE_H

#include <stdint.h>

#include "locale/err.h"

typedef int32_t lb_date;

#define DATE_ISO_LEN 11 /* "YYYY-MM-DD" plus NUL */

/* 1 if y-m-d is a real date (years 1800..9999), else 0. */
int date_valid_ymd(int y, int m, int d);

/* Day number of y-m-d; ERR_DATE_INVALID if not a real date. */
err_code date_from_ymd(int y, int m, int d, lb_date *out, err_info *e);

/* Split a day number into year, month (1-12), day (1-31). */
void date_to_ymd(lb_date day, int *y, int *m, int *d);

/*
 * Parse a typed date in any accepted form into *out. field names the form
 * field for the error (MSG_F_DATE when unsure). Errors: ERR_DATE_FORMAT,
 * ERR_DATE_INVALID (e.g. 2023-02-29).
 */
err_code date_parse(const char *text, msg_id field, lb_date *out, err_info *e);

/* Write "YYYY-MM-DD" into buf (at least DATE_ISO_LEN bytes); returns buf. */
char *date_format(lb_date day, char *buf);

/*
 * Today: $LAOBAO_TODAY (YYYY-MM-DD) when set, else the local date. A set but
 * malformed $LAOBAO_TODAY is ERR_TODAY_ENV, never silently ignored.
 */
err_code date_today(lb_date *out, err_info *e);

/* ISO weekday: 1 = Monday … 7 = Sunday. */
int date_weekday(lb_date day);

/* The date n months later (n may be negative), clamped to the month's end. */
lb_date date_add_months(lb_date day, int n);

/* The date n years later, 02-29 becoming 02-28 in a common year. */
lb_date date_add_years(lb_date day, int n);

/* Full years of age on `on` for someone born on `birth` (birthday counts). */
int date_age(lb_date birth, lb_date on);

/* Whole months from a to b (b >= a), counting a month when the day is reached. */
int date_months_between(lb_date a, lb_date b);

#endif
