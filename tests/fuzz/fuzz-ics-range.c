/* libFuzzer target: the iCalendar import path over the whole calendar
 * range, 0001-9999, where recurrences, long events and the work cap
 * (UKWD_ICAL_MAX_DAYS) meet: the path of issue 13's items 2-6. The first
 * byte picks the flags (official or not) and the range's first year. A
 * failure must say why and leave the builder as it was; a success must
 * build. */
#include <stdint.h>
#include <stdlib.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int first_years[4] = {1, 1971, 2500, 9000};
	ukwd_calendar_builder *b;
	ukwd_calendar *cal = NULL;
	ukwd_date first, last;
	ukwd_diag diag;
	unsigned int flags;
	int rc;

	if (size < 1)
		return 0;
	flags = data[0] & 1 ? UKWD_IMPORT_OFFICIAL : 0;
	if (ukwd_calendar_builder_new(&b))
		return 0;
	ukwd_date_from_ymd(&first, first_years[(data[0] >> 1) & 3], 1, 1);
	ukwd_date_from_ymd(&last, 9999, 12, 31);
	ukwd_calendar_builder_set_range(b, first, last);
	rc =
	    ukwd_ical_import(b, (const char *)data + 1, size - 1, flags, &diag);
	if (rc != 0 && diag.code == 0)
		abort(); /* a failure must say why */
	if (rc == 0 && ukwd_calendar_build(&cal, b, NULL) == 0)
		ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
	return 0;
}
