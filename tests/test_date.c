/*
 * Tests for forms/date: conversions, accepted input forms, today, month arithmetic.
 */
#include <stdlib.h>

#include "forms/date.h"
#include "tests/test.h"

static lb_date D(const char *s)
{
	lb_date d = 0;
	if (date_parse(s, MSG_F_DATE, &d, NULL) != ERR_OK)
		test_fail(__FILE__, __LINE__, "cannot parse %s", s);
	return d;
}

static void round_trip_every_day_1800_to_2200(void)
{
	lb_date first, last;
	char buf[DATE_ISO_LEN];
	REQUIRE(date_from_ymd(1800, 1, 1, &first, NULL) == ERR_OK);
	REQUIRE(date_from_ymd(2200, 12, 31, &last, NULL) == ERR_OK);
	int y0 = 1800, m0 = 1, d0 = 1, bad = 0;
	for (lb_date x = first; x <= last; x++) {
		int y, m, d;
		date_to_ymd(x, &y, &m, &d);
		lb_date back;
		if (date_from_ymd(y, m, d, &back, NULL) != ERR_OK || back != x)
			bad++;
		if (x != first && !((y == y0 && m == m0 && d == d0 + 1) ||
		                    (d == 1 && ((y == y0 && m == m0 + 1) ||
		                                (y == y0 + 1 && m == 1 && m0 == 12)))))
			bad++;
		y0 = y, m0 = m, d0 = d;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(D("1970-01-01"), 0);
	CHECK_STR(date_format(D("2000-02-29"), buf), "2000-02-29");
}

static void accepted_forms_normalise(void)
{
	char buf[DATE_ISO_LEN];
	CHECK_STR(date_format(D("20240229"), buf), "2024-02-29");
	CHECK_STR(date_format(D("2024.03.01"), buf), "2024-03-01");
	CHECK_STR(date_format(D("2024/03/01"), buf), "2024-03-01");
	CHECK_STR(date_format(D(" 2024-03-01 "), buf), "2024-03-01");
	CHECK_STR(date_format(D("２０２４－０３－０１"), buf), "2024-03-01");
}

static void bad_dates_named_with_field(void)
{
	lb_date d;
	err_info e;
	char buf[200];
	CHECK_INT(date_parse("2023-02-29", MSG_F_BIRTH_DATE, &d, &e), ERR_DATE_INVALID);
	CHECK_STR(err_format(&e, buf, sizeof buf), "出生日期：不是有效的日期（2023-02-29）");
	const char *bad[] = {"",           "2024-3-1",   "2024-03-01x", "24-03-01",   "2024-03/01",
	                     "二〇二四年", "2024-13-01", "\xff\xfe",    "1799-12-31", "2024-00-10"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_code rc = date_parse(bad[i], MSG_F_DATE, &d, &e);
		CHECK(rc == ERR_DATE_FORMAT || rc == ERR_DATE_INVALID);
		CHECK(e.field == MSG_F_DATE);
	}
	CHECK_INT(date_parse(NULL, MSG_F_DATE, &d, &e), ERR_DATE_FORMAT);
}

static void today_from_env(void)
{
	lb_date d;
	err_info e;
	setenv("LAOBAO_TODAY", "2026-11-25", 1);
	CHECK_INT(date_today(&d, &e), ERR_OK);
	CHECK_INT(d, D("2026-11-25"));
	setenv("LAOBAO_TODAY", "2026-13-01", 1);
	CHECK_INT(date_today(&d, &e), ERR_TODAY_ENV);
	unsetenv("LAOBAO_TODAY");
	CHECK_INT(date_today(&d, &e), ERR_OK);
	CHECK(d > D("2020-01-01"));
}

static void weekday_age_months(void)
{
	CHECK_INT(date_weekday(D("2026-09-18")), 5); /* Friday */
	CHECK_INT(date_weekday(D("2026-09-20")), 7);
	CHECK_INT(date_weekday(D("1970-01-01")), 4);
	CHECK_INT(date_age(D("1976-05-10"), D("2026-05-09")), 49);
	CHECK_INT(date_age(D("1976-05-10"), D("2026-05-10")), 50);
	char buf[DATE_ISO_LEN];
	CHECK_STR(date_format(date_add_months(D("2024-01-31"), 1), buf), "2024-02-29");
	CHECK_STR(date_format(date_add_months(D("2024-03-31"), -1), buf), "2024-02-29");
	CHECK_STR(date_format(date_add_years(D("2024-02-29"), 1), buf), "2025-02-28");
	CHECK_INT(date_months_between(D("2024-01-31"), D("2024-02-29")), 1);
	CHECK_INT(date_months_between(D("2024-01-15"), D("2024-02-14")), 0);
	CHECK_INT(date_months_between(D("2024-01-15"), D("2025-01-15")), 12);
}

TEST_MAIN(T(round_trip_every_day_1800_to_2200), T(accepted_forms_normalise),
          T(bad_dates_named_with_field), T(today_from_env), T(weekday_age_months))
