/*
 * date — calendar dates as day numbers (see date.h).
 *
 * The conversions are Howard Hinnant's days_from_civil/civil_from_days
 * algorithms, exact for the whole proleptic Gregorian calendar with no
 * table and no time zone involved.
 */
#include "forms/date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int date_days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && date_is_leap(y) ? 29 : dim[m - 1];
}

int date_valid_ymd(int y, int m, int d)
{
	return y >= 1800 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

static lb_date date_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (lb_date)(era * 146097 + doe - 719468);
}

err_code date_from_ymd(int y, int m, int d, lb_date *out, err_info *e)
{
	if (!date_valid_ymd(y, m, d))
		return err_set(e, ERR_DATE_INVALID, MSG_F_DATE, "%04d-%02d-%02d", y, m, d);
	*out = date_days_from_civil(y, m, d);
	return ERR_OK;
}

void date_to_ymd(lb_date day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

/*
 * Fold the typed text into ASCII: full-width digits (U+FF10-FF19) and the
 * separators IMEs produce (－ ． ／ U+FF0D/FF0E/FF0F, 。) become their ASCII
 * forms; leading and trailing spaces go. Returns 0 if out would overflow or
 * a byte is not one of the accepted characters.
 */
static int date_fold(const char *s, char *out, size_t size)
{
	size_t n = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	while (*s) {
		unsigned char c = (unsigned char)*s;
		char a;
		if (c < 0x80) {
			a = (char)c;
			s++;
		} else if (c == 0xEF && (unsigned char)s[1] == 0xBC) {
			unsigned char t = (unsigned char)s[2];
			if (t >= 0x90 && t <= 0x99)
				a = (char)('0' + (t - 0x90));
			else if (t == 0x8D)
				a = '-';
			else if (t == 0x8E)
				a = '.';
			else if (t == 0x8F)
				a = '/';
			else
				return 0;
			s += 3;
		} else if (c == 0xE3 && (unsigned char)s[1] == 0x80 &&
		           (unsigned char)s[2] == 0x82) {
			a = '.';
			s += 3;
		} else {
			return 0;
		}
		if (n + 1 >= size)
			return 0;
		out[n++] = a;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		n--;
	out[n] = '\0';
	return 1;
}

static int date_digits(const char *s, int n, int *val)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*val = v;
	return 1;
}

err_code date_parse(const char *text, msg_id field, lb_date *out, err_info *e)
{
	char buf[32];
	int y, m, d;
	if (text == NULL || !date_fold(text, buf, sizeof buf) || buf[0] == '\0')
		return err_set(e, ERR_DATE_FORMAT, field, NULL);
	size_t len = strlen(buf);
	if (len == 8 && date_digits(buf, 4, &y) && date_digits(buf + 4, 2, &m) &&
	    date_digits(buf + 6, 2, &d)) {
		/* YYYYMMDD */
	} else if (len == 10 && (buf[4] == '-' || buf[4] == '.' || buf[4] == '/') &&
	           buf[7] == buf[4] && date_digits(buf, 4, &y) && date_digits(buf + 5, 2, &m) &&
	           date_digits(buf + 8, 2, &d)) {
		/* YYYY-MM-DD with one separator kind */
	} else {
		return err_set(e, ERR_DATE_FORMAT, field, NULL);
	}
	if (!date_valid_ymd(y, m, d))
		return err_set(e, ERR_DATE_INVALID, field, "%04d-%02d-%02d", y, m, d);
	*out = date_days_from_civil(y, m, d);
	return ERR_OK;
}

char *date_format(lb_date day, char *buf)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	/* Years are 1800..9999 for any date made here; clamp so the buffer is safe regardless. */
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

err_code date_today(lb_date *out, err_info *e)
{
	const char *env = getenv("LAOBAO_TODAY");
	if (env != NULL && env[0] != '\0') {
		if (date_parse(env, MSG_NONE, out, NULL) != ERR_OK)
			return err_set(e, ERR_TODAY_ENV, MSG_NONE, "%.40s", env);
		return ERR_OK;
	}
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	*out = date_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return ERR_OK;
}

int date_weekday(lb_date day)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	int w = (int)((day % 7 + 7) % 7); /* 0 = Thursday */
	return (w + 3) % 7 + 1;
}

lb_date date_add_months(lb_date day, int n)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	int total = y * 12 + (m - 1) + n;
	y = total / 12;
	m = total % 12 + 1;
	int dim = date_days_in_month(y, m);
	if (d > dim)
		d = dim;
	return date_days_from_civil(y, m, d);
}

lb_date date_add_years(lb_date day, int n)
{
	return date_add_months(day, 12 * n);
}

int date_age(lb_date birth, lb_date on)
{
	int by, bm, bd, y, m, d;
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

int date_months_between(lb_date a, lb_date b)
{
	int ay, am, ad, by, bm, bd;
	date_to_ymd(a, &ay, &am, &ad);
	date_to_ymd(b, &by, &bm, &bd);
	int months = (by - ay) * 12 + (bm - am);
	/* A month counts once its day is reached, or at the end of a shorter month. */
	if (bd < ad && bd != date_days_in_month(by, bm))
		months--;
	return months;
}
