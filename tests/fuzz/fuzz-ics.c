/* libFuzzer target: iCalendar import into a calendar builder, then build
 * and export the result (which must import again). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct buffer {
	char *text;
	size_t len, capacity;
};

/* Grows by doubling: one realloc per write made the export quadratic
 * under ASan (whose realloc always copies), 13 s for a 9 KB input. */
static int
collect(const char *buf, size_t len, void *payload)
{
	struct buffer *out = payload;

	if (out->capacity - out->len < len) {
		size_t capacity = (out->len + len) * 2;
		char *grown = realloc(out->text, capacity);

		if (!grown)
			return 1;
		out->text = grown;
		out->capacity = capacity;
	}
	memcpy(out->text + out->len, buf, len);
	out->len += len;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ukwd_calendar_builder *b, *again;
	ukwd_calendar *cal;
	ukwd_date first, last;
	ukwd_diag diag;
	struct buffer out = {NULL, 0, 0};

	if (ukwd_calendar_builder_new(&b))
		return 0;
	ukwd_date_from_ymd(&first, 2000, 1, 1);
	ukwd_date_from_ymd(&last, 2030, 12, 31);
	ukwd_calendar_builder_set_range(b, first, last);
	/* Both steps fill the diag: an import that closes every day of the
	 * range imports, and the build then says the range has no working
	 * day (documented in ukwd/calendar.h). */
	if (ukwd_ical_import(b, (const char *)data, size, 0, &diag) == 0 &&
	    ukwd_calendar_build(&cal, b, &diag) == 0) {
		/* Whatever imports must export, and re-import to the same. */
		if (ukwd_ical_export(cal, first, last, collect, &out) != 0)
			abort();
		if (ukwd_calendar_builder_new(&again) == 0) {
			ukwd_calendar_builder_set_range(again, first, last);
			if (ukwd_ical_import(again, out.text, out.len, 0,
			                     NULL) != 0)
				abort();
			ukwd_calendar_builder_free(again);
		}
		ukwd_calendar_free(cal);
	} else if (diag.code == 0) {
		abort(); /* a failure must say why */
	}
	free(out.text);
	ukwd_calendar_builder_free(b);
	return 0;
}
