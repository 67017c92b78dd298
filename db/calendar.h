/*
 * calendar — the holiday calendar as data: statutory holidays and the
 * adjusted working days (调休上班) the State Council announces each year. A
 * date not listed is a working day Monday to Friday and a rest day at the
 * weekend; forms/ counts deadlines from this list.
 */
#ifndef LAOBAO_CALENDAR_H
#define LAOBAO_CALENDAR_H

#include <stddef.h>

#include "db/db.h"

enum calendar_kind {
	CALENDAR_HOLIDAY = 1, /* 放假 */
	CALENDAR_WORKDAY = 2, /* 调休上班 (a weekend day worked) */
};

typedef struct calendar_day {
	char day[11];  /* YYYY-MM-DD */
	int kind;      /* enum calendar_kind */
	char name[48]; /* 春节, 国庆节调休上班 …; up to 15 characters */
} calendar_day;

typedef struct calendar_list {
	calendar_day *items;
	size_t n;
} calendar_list;

/* Every listed day, in date order. */
err_code calendar_load(db *d, calendar_list *out, err_info *e);

/* Add a day, or change the kind and name of a listed one (audited). */
err_code calendar_put(db *d, const calendar_day *day, err_info *e);

/*
 * Add or change n days in one transaction (a `calendar import` of next
 * year's arrangement): all of them or, on the first bad row, none.
 */
err_code calendar_import(db *d, const calendar_day *days, size_t n, err_info *e);

/* Remove a listed day (it becomes an ordinary day again). ERR_NOT_FOUND if not listed. */
err_code calendar_delete(db *d, const char *day, err_info *e);

void calendar_list_free(calendar_list *l);

#endif
