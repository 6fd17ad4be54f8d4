/* libFuzzer target: GOV.UK bank-holidays.json import, all divisions, as
 * official data over a UK calendar. */
#include <stdint.h>
#include <stdlib.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The UK calendars a builder starts from, built once for each set of
	 * divisions (calendars are immutable): making the UK builder itself
	 * for every input was 80 % of a run. */
	static ukwd_calendar *uk[UKWD_UK_ALL + 1];
	ukwd_calendar_builder *b;
	ukwd_calendar *cal;
	ukwd_diag diag;
	unsigned int divisions = size ? 1u + data[0] % 7u : UKWD_UK_ALL;

	if (!uk[divisions] &&
	    ukwd_calendar_new_uk(&uk[divisions], divisions, 2010, 2030) != 0)
		abort();
	if (ukwd_calendar_builder_new_from(&b, uk[divisions]))
		return 0;
	if (ukwd_govuk_json_import(b, (const char *)data, size, divisions,
	                           UKWD_IMPORT_OFFICIAL, &diag) == 0) {
		if (ukwd_calendar_build(&cal, b, NULL) == 0)
			ukwd_calendar_free(cal);
	} else if (diag.code == 0) {
		abort(); /* a failure must say why */
	}
	ukwd_calendar_builder_free(b);
	return 0;
}
