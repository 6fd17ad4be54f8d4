/* libFuzzer target: the iCalendar reader alone, into a builder of two
 * years, without building or exporting (cheaper per input than
 * fuzz-ics.c's round trip). A failure must say why, and must leave the
 * builder as it was. */
#include <stdint.h>
#include <stdlib.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ukwd_calendar_builder *b;
	ukwd_date first, last;
	ukwd_diag diag;
	int rc;

	if (ukwd_calendar_builder_new(&b))
		return 0;
	ukwd_date_from_ymd(&first, 2020, 1, 1);
	ukwd_date_from_ymd(&last, 2021, 12, 31);
	ukwd_calendar_builder_set_range(b, first, last);
	rc = ukwd_ical_import(b, (const char *)data, size, 0, &diag);
	if (rc != 0 && diag.code == 0)
		abort(); /* a failure must say why */
	if (rc == 0 && diag.code != 0)
		abort(); /* success clears the diag */
	ukwd_calendar_builder_free(b);
	return 0;
}
