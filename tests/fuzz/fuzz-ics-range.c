/* libFuzzer target: the iCalendar import path over long calendar ranges,
 * up to the whole of 0001-9999, where recurrences, long events and the
 * work cap (UKWD_ICAL_MAX_DAYS) meet: the path of issue 13's items 2-6.
 * A failure must say why and leave the builder as it was; a success must
 * build.
 *
 * Input: a first byte of settings, then (unless the range runs to 9999)
 * one byte of offset, then the iCalendar text.
 *   bit 0     UKWD_IMPORT_OFFICIAL;
 *   bits 1-2  the base year: 0001, 1971, 2500 or 9000;
 *   bits 3-7  the span s: 0 is the base year to 9999 (the whole range the
 *             calendar can hold from there); 1-16 is s years, 17-31 is
 *             16 << (s - 16) years (32 to 262144, cut at 9999). With
 *             s > 0 the next byte o moves the first year to base + 4 o.
 * Most inputs so use a short range (a whole-range calendar costs a pass
 * over three million days for every input), while any range stays
 * reachable. */
#include <stdint.h>
#include <stdlib.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int base_years[4] = {1, 1971, 2500, 9000};
	ukwd_calendar_builder *b;
	ukwd_calendar *cal = NULL;
	ukwd_date first, last;
	ukwd_diag diag;
	unsigned int flags, span;
	int first_year, last_year = 9999;
	int rc;

	if (size < 1)
		return 0;
	flags = data[0] & 1 ? UKWD_IMPORT_OFFICIAL : 0;
	first_year = base_years[(data[0] >> 1) & 3];
	span = data[0] >> 3;
	data++;
	size--;
	if (span > 0) {
		long years = span <= 16 ? (long)span : 16L << (span - 16);

		if (size < 1)
			return 0;
		first_year += 4 * data[0];
		if (first_year > 9999)
			first_year = 9999;
		if (first_year + years - 1 < 9999)
			last_year = (int)(first_year + years - 1);
		data++;
		size--;
	}
	if (ukwd_calendar_builder_new(&b))
		return 0;
	if (ukwd_date_from_ymd(&first, first_year, 1, 1) != 0 ||
	    ukwd_date_from_ymd(&last, last_year, 12, 31) != 0 ||
	    ukwd_calendar_builder_set_range(b, first, last) != 0)
		abort();
	rc = ukwd_ical_import(b, (const char *)data, size, flags, &diag);
	if (rc != 0 && diag.code == 0)
		abort(); /* a failure must say why */
	if (rc == 0 && ukwd_calendar_build(&cal, b, NULL) == 0)
		ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
	return 0;
}
