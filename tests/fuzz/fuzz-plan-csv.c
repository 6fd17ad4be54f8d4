/* libFuzzer target: plan CSV, scheduled both ways over the SEC calendar,
 * rendered as JSON, exported as iCalendar, and the iCalendar read back. */
#include <stdint.h>
#include <stdlib.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct buffer {
	char *text;
	size_t len;
};

static int
collect(const char *buf, size_t len, void *payload)
{
	struct buffer *out = payload;
	char *grown = realloc(out->text, out->len + len);

	if (!grown)
		return 1;
	for (size_t i = 0; i < len; i++)
		grown[out->len + i] = buf[i];
	out->text = grown;
	out->len += len;
	return 0;
}

static int
discard(const char *buf, size_t len, void *payload)
{
	(void)buf;
	(void)len;
	(void)payload;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static ukwd_calendar *cal; /* built once: immutable and shared */
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	ukwd_diag diag;
	ukwd_date start;

	if (!cal && ukwd_calendar_new_sec(&cal, 2000, 2100) != 0)
		return 0;
	if (ukwd_plan_read_csv(&plan, (const char *)data, size, "fuzz",
	                       &diag) != 0) {
		if (diag.code == 0)
			abort(); /* a failure must say why */
		return 0;
	}
	ukwd_date_from_ymd(&start, 2023, 1, 3);
	for (int direction = 0; direction < 2; direction++) {
		options.direction = (ukwd_schedule_direction)direction;
		if (ukwd_schedule_new(&sched, plan, cal,
		                      start + 3650 * direction, &options,
		                      &diag) != 0) {
			if (diag.code == 0)
				abort();
			continue;
		}
		(void)ukwd_render_json(sched, NULL, discard, NULL);
		if (direction == 0 && ukwd_has_feature(UKWD_FEATURE_ICAL)) {
			struct buffer ics = {NULL, 0};
			ukwd_calendar_builder *b;

			if (ukwd_ical_export_schedule(sched, 0, collect,
			                              &ics) == 0 &&
			    ukwd_calendar_builder_new(&b) == 0) {
				/* What we write, we read. */
				ukwd_calendar_builder_set_range(
				    b, UKWD_DATE_MIN, UKWD_DATE_MAX);
				if (ukwd_ical_import(b, ics.text, ics.len, 0,
				                     &diag) != 0)
					abort();
				ukwd_calendar_builder_free(b);
			}
			free(ics.text);
		}
		ukwd_schedule_free(sched);
	}
	ukwd_plan_free(plan);
	return 0;
}
