/* Civil <-> serial conversion after Howard Hinnant's "chrono-Compatible
 * Low-Level Date Algorithms"; validation happens at the API edge only. */
#include <string.h>

#include "ukwd/date.h"
#include "internal.h"

/* Serial of 0000-03-01, the start of Hinnant's era numbering. */
#define UKWD__EPOCH_SHIFT  719468
#define UKWD__DAYS_PER_ERA 146097

ukwd_date
ukwd__days_from_civil(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400; /* [0, 399] */
	int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */

	return era * UKWD__DAYS_PER_ERA + doe - UKWD__EPOCH_SHIFT;
}

void
ukwd__civil_from_days(ukwd_date d, int *year, int *month, int *day)
{
	int z = d + UKWD__EPOCH_SHIFT;
	int era =
	    (z >= 0 ? z : z - (UKWD__DAYS_PER_ERA - 1)) / UKWD__DAYS_PER_ERA;
	int doe = z - era * UKWD__DAYS_PER_ERA;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int m = mp < 10 ? mp + 3 : mp - 9;

	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*day = doy - (153 * mp + 2) / 5 + 1;
}

int
ukwd__days_in_month(int year, int month)
{
	static const unsigned char length[12] = {31, 28, 31, 30, 31, 30,
	                                         31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12)
		return 0;
	return length[month - 1] + (month == 2 && leap);
}

int
ukwd_date_from_ymd(ukwd_date *out, int year, int month, int day)
{
	if (!out)
		return UKWD_EINVAL;
	if (year < 1 || year > 9999)
		return UKWD_ERANGE;
	if (month < 1 || month > 12 || day < 1 ||
	    day > ukwd__days_in_month(year, month))
		return UKWD_EINVAL;
	*out = ukwd__days_from_civil(year, month, day);
	return 0;
}

void
ukwd_date_to_ymd(ukwd_date d, int *year, int *month, int *day)
{
	int y, m, dd;

	ukwd__civil_from_days(d, &y, &m, &dd);
	if (year)
		*year = y;
	if (month)
		*month = m;
	if (day)
		*day = dd;
}

static int
parse_digits(const char *text, int count, int *value)
{
	int v = 0;

	for (int i = 0; i < count; i++) {
		if (text[i] < '0' || text[i] > '9')
			return i;
		v = v * 10 + (text[i] - '0');
	}
	*value = v;
	return -1;
}

int
ukwd_date_parse(ukwd_date *out, const char *text, ukwd_diag *diag)
{
	/* Field layout of "YYYY-MM-DD": offset and width of each number. */
	static const struct {
		int offset, width;
		const char *what;
	} field[3] = {{0, 4, "year"}, {5, 2, "month"}, {8, 2, "day"}};
	int value[3];
	size_t len;

	ukwd__diag_clear(diag);
	if (!out || !text)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no date given (NULL)");
	len = strnlen(text, 12);
	if (len == 0)
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 1,
		                      "empty date: expected YYYY-MM-DD");
	for (int f = 0; f < 3; f++) {
		int bad = -1;

		if ((size_t)field[f].offset >= len)
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, 0, (int)len + 1,
			    "date ends early: expected YYYY-MM-DD");
		bad = parse_digits(text + field[f].offset, field[f].width,
		                   &value[f]);
		if (bad >= 0)
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, 0, field[f].offset + bad + 1,
			    "%s must be %d digits: expected YYYY-MM-DD",
			    field[f].what, field[f].width);
		if (f < 2 && text[field[f].offset + field[f].width] == '\0')
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, 0, (int)len + 1,
			    "date ends early: expected YYYY-MM-DD");
		if (f < 2 && text[field[f].offset + field[f].width] != '-')
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, 0,
			    field[f].offset + field[f].width + 1,
			    "expected '-' after the %s: YYYY-MM-DD",
			    field[f].what);
	}
	if (len > 10)
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 11,
		                      "unexpected text after the date");
	if (value[0] == 0)
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 1,
		                      "year 0000 is before 0001-01-01");
	if (value[1] < 1 || value[1] > 12)
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 6,
		                      "month %02d does not exist", value[1]);
	if (value[2] < 1 || value[2] > ukwd__days_in_month(value[0], value[1]))
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 9,
		                      "day %02d does not exist in %04d-%02d",
		                      value[2], value[0], value[1]);
	*out = ukwd__days_from_civil(value[0], value[1], value[2]);
	return 0;
}

int
ukwd_date_format(char *buf, size_t size, ukwd_date d)
{
	int year, month, day;

	if (!buf)
		return UKWD_EINVAL;
	if (size < UKWD_DATE_STRLEN) {
		if (size > 0)
			buf[0] = '\0';
		return UKWD_EBUFS;
	}
	if (!ukwd__date_in_range(d)) {
		buf[0] = '\0';
		return UKWD_ERANGE;
	}
	ukwd__civil_from_days(d, &year, &month, &day);
	buf[0] = (char)('0' + year / 1000);
	buf[1] = (char)('0' + year / 100 % 10);
	buf[2] = (char)('0' + year / 10 % 10);
	buf[3] = (char)('0' + year % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + month / 10);
	buf[6] = (char)('0' + month % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = '\0';
	return 0;
}

int
ukwd_date_weekday(ukwd_date d)
{
	/* 1970-01-01 was a Thursday (ISO 4); work in int64 so any int32_t
	 * is safe. */
	long long z = (long long)d + 3;
	int wd = (int)(((z % 7) + 7) % 7); /* 0 = Monday */

	return wd + 1;
}

int
ukwd_easter_sunday(ukwd_date *out, int year)
{
	/* The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
	int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

	if (!out)
		return UKWD_EINVAL;
	if (year < 1583 || year > 9999)
		return UKWD_ERANGE;
	a = year % 19;
	b = year / 100;
	c = year % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	month = (h + l - 7 * m + 114) / 31;
	day = (h + l - 7 * m + 114) % 31 + 1;
	*out = ukwd__days_from_civil(year, month, day);
	return 0;
}

int
ukwd_time_parse(int *minutes, const char *text, ukwd_diag *diag)
{
	int hours, mins;

	ukwd__diag_clear(diag);
	if (!minutes || !text)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no time given (NULL)");
	if (parse_digits(text, 2, &hours) >= 0 || text[2] != ':' ||
	    parse_digits(text + 3, 2, &mins) >= 0 || text[5] != '\0')
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 1,
		                      "expected a time as HH:MM");
	if (hours > 23)
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 1,
		                      "hour %02d does not exist", hours);
	if (mins > 59)
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 4,
		                      "minute %02d does not exist", mins);
	*minutes = hours * 60 + mins;
	return 0;
}

int
ukwd_date_time_parse(ukwd_date *date, int *minutes, const char *text,
                     ukwd_diag *diag)
{
	char day_part[11];
	ukwd_date d;
	int m = -1, rc;

	ukwd__diag_clear(diag);
	if (!date || !minutes || !text)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no date given (NULL)");
	if (strnlen(text, 11) <= 10) {
		rc = ukwd_date_parse(date, text, diag);
		if (rc == 0)
			*minutes = -1;
		return rc;
	}
	if (text[10] != 'T')
		return ukwd__diag_set(diag, UKWD_EPARSE, 0, 11,
		                      "expected 'T' and a time (HH:MM) after "
		                      "the date");
	memcpy(day_part, text, 10);
	day_part[10] = '\0';
	rc = ukwd_date_parse(&d, day_part, diag);
	if (rc)
		return rc;
	rc = ukwd_time_parse(&m, text + 11, diag);
	if (rc) {
		if (diag)
			diag->column += diag->column ? 11 : 0;
		return rc;
	}
	*date = d;
	*minutes = m;
	return 0;
}
