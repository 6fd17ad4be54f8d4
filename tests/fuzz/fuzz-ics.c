/* libFuzzer target: iCalendar import into a calendar builder (2000-2030),
 * then build, export and import again: the export must succeed, import
 * again, and give back exactly the holidays it was made from.
 *
 * The export covers three years from the year of the calendar's first
 * holiday (2000 when it has none; at most 2028), cut at its 32nd holiday,
 * not all of 2000-2030: exporting 31 years and importing them again
 * through libical was 99 % of a run (a daily rule makes 11,000 VEVENTs,
 * one a day), 7.5 ms an input of a grown corpus against 0.1 ms now, and
 * every day of an export goes through the same code. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ukwd.h>

#define EXPORT_MOST 32

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

/* The first holiday, and the EXPORT_MOST-th (when there are as many). */
struct nth_holiday {
	ukwd_date first, last;
	int seen;
};

static int
nth_holiday(ukwd_date d, const char *name, void *payload)
{
	struct nth_holiday *at = payload;

	(void)name;
	if (at->seen++ == 0)
		at->first = d;
	at->last = d;
	return at->seen == EXPORT_MOST;
}

/* The holidays of [from, to], as a list of dates. */
struct holidays {
	ukwd_date *day;
	size_t count, capacity;
};

static int
holiday_add(ukwd_date d, const char *name, void *payload)
{
	struct holidays *list = payload;

	(void)name;
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? 2 * list->capacity : 64;
		ukwd_date *grown =
		    realloc(list->day, capacity * sizeof(*list->day));

		if (!grown)
			abort();
		list->day = grown;
		list->capacity = capacity;
	}
	list->day[list->count++] = d;
	return 0;
}

static void
holidays_of(struct holidays *list, const ukwd_calendar *cal, ukwd_date from,
            ukwd_date to)
{
	list->count = 0;
	if (ukwd_calendar_foreach_holiday(cal, from, to, holiday_add, list))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ukwd_calendar_builder *b, *again;
	ukwd_calendar *cal, *cal_again;
	ukwd_date first, last, from, to;
	ukwd_diag diag;
	struct buffer out = {NULL, 0, 0};
	struct holidays want = {NULL, 0, 0}, got = {NULL, 0, 0};
	int year;

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
		struct nth_holiday at = {first, last, 0};

		(void)ukwd_calendar_foreach_holiday(cal, first, last,
		                                    nth_holiday, &at);
		ukwd_date_to_ymd(at.first, &year, NULL, NULL);
		if (year > 2028)
			year = 2028;
		ukwd_date_from_ymd(&from, year, 1, 1);
		ukwd_date_from_ymd(&to, year + 2, 12, 31);
		if (at.seen == EXPORT_MOST && at.last < to)
			to = at.last;
		/* Whatever imports must export, and re-import to the same
		 * holidays. */
		if (ukwd_ical_export(cal, from, to, collect, &out) != 0)
			abort();
		if (ukwd_calendar_builder_new(&again) == 0) {
			ukwd_calendar_builder_set_range(again, first, last);
			if (ukwd_ical_import(again, out.text, out.len, 0,
			                     NULL) != 0 ||
			    ukwd_calendar_build(&cal_again, again, NULL) != 0)
				abort();
			holidays_of(&want, cal, from, to);
			holidays_of(&got, cal_again, first, last);
			if (want.count != got.count ||
			    (want.count &&
			     memcmp(want.day, got.day,
			            want.count * sizeof(*want.day)) != 0))
				abort();
			ukwd_calendar_free(cal_again);
			ukwd_calendar_builder_free(again);
		}
		ukwd_calendar_free(cal);
	} else if (diag.code == 0) {
		abort(); /* a failure must say why */
	}
	free(want.day);
	free(got.day);
	free(out.text);
	ukwd_calendar_builder_free(b);
	return 0;
}
