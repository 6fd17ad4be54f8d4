/* libFuzzer target: ISO dates and times, and the format -> parse round
 * trip. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), again[UKWD_DATE_STRLEN];
	ukwd_date d, back;
	int minutes;
	ukwd_diag diag;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (ukwd_date_parse(&d, text, &diag) == 0) {
		if (ukwd_date_format(again, sizeof(again), d) != 0 ||
		    ukwd_date_parse(&back, again, NULL) != 0 || back != d ||
		    strcmp(again, text) != 0)
			abort(); /* strict: only the canonical form parses */
	} else if (diag.code == 0) {
		abort();
	}
	if (ukwd_date_time_parse(&d, &minutes, text, &diag) == 0 &&
	    (minutes < -1 || minutes > 1439))
		abort();
	if (ukwd_time_parse(&minutes, text, NULL) == 0 &&
	    (minutes < 0 || minutes > 1439))
		abort();
	/* Any serial in range formats and parses back. */
	if (size >= 4) {
		int32_t serial;

		memcpy(&serial, data, sizeof(serial));
		serial =
		    UKWD_DATE_MIN +
		    (int32_t)((uint32_t)serial %
		              (uint32_t)(UKWD_DATE_MAX - UKWD_DATE_MIN + 1));
		if (ukwd_date_format(again, sizeof(again), serial) != 0 ||
		    ukwd_date_parse(&back, again, NULL) != 0 || back != serial)
			abort();
	}
	free(text);
	return 0;
}
