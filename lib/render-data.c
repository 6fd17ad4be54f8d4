/* Schedules as data: CSV, JSON and Mermaid. CSV and JSON rows are
 * written in place (render-private.h: digits, dates, a 64 KiB block) so
 * that a plan of a million tasks renders without printf. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "plan-private.h"
#include "render-private.h"
#include "schedule-private.h"

/* ------------------------------------------------------------------ */
/* CSV */

/* One field, quoted when RFC 4180 needs it; cleaned as ukwd__put_clean() does,
 * so a record is always one line. */
static void
put_csv(struct ukwd__out *o, const char *field, size_t len)
{
	size_t run = 0;

	if (ukwd__plain_prefix(field, len, UKWD__PLAIN_CSV) == len) {
		ukwd__out_put(o, field, len);
		return;
	}
	if (!memchr(field, ',', len) && !memchr(field, '"', len)) {
		ukwd__put_clean(o, field, len);
		return;
	}
	ukwd__out_put(o, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		if (field[i] != '"')
			continue;
		ukwd__put_clean(o, field + run, i + 1 - run);
		ukwd__out_put(o, "\"", 1);
		run = i + 1;
	}
	ukwd__put_clean(o, field + run, len - run);
	ukwd__out_put(o, "\"", 1);
}

/* put_csv() of a string, scanned once when it needs nothing done. */
static void
put_csv_str(struct ukwd__out *o, const char *field)
{
	/* The scan stops at the terminating NUL, a control character. */
	size_t len = ukwd__plain_prefix(field, SIZE_MAX, UKWD__PLAIN_CSV);

	if (field[len] == '\0')
		ukwd__out_put(o, field, len);
	else
		put_csv(o, field, len + strlen(field + len));
}

/* A task against the baseline: four fields, empty for a new task, and
 * the working days it added to the finish variance. */
static void
csv_slip(struct ukwd__out *o, const ukwd_progress *progress, size_t t)
{
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN];
	ukwd_task_slip slip;

	if (ukwd_progress_task(&slip, progress, t) != 0)
		memset(&slip, 0, sizeof(slip));
	if (!slip.in_baseline) {
		ukwd__out_printf(o, ",,,,,%ld", (long)slip.added);
		return;
	}
	ukwd__format_date(a, slip.baseline_start);
	ukwd__format_date(b, slip.baseline_finish);
	ukwd__out_printf(o, ",%s,%s,%ld,%ld,%ld", a, b, (long)slip.start_slip,
	                 (long)slip.finish_slip, (long)slip.added);
}

int
ukwd_render_csv(const ukwd_schedule *sched, const ukwd_render_options *options,
                ukwd_sink write, void *payload)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	/* Early dates and late ones: each falls near the row before's. */
	struct ukwd__month_text month[2] = {UKWD__NO_MONTH, UKWD__NO_MONTH};
	struct ukwd__date_table dates;
	ukwd_render_options opts;
	struct ukwd__out o;
	size_t n;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	n = ukwd_schedule_task_count(sched);
	ukwd__out_init(&o, write, payload);
	ukwd__out_grow(&o);
	ukwd__date_table_init(&dates, sched);
	UKWD__OUT_LIT(&o,
	              "id,name,duration,early_start,early_finish,late_start,"
	              "late_finish,total_float,free_float,critical");
	if (opts.flags & UKWD_RENDER_SOURCES)
		UKWD__OUT_LIT(&o, ",source,citation,reference");
	if (opts.progress)
		UKWD__OUT_LIT(&o, ",baseline_start,baseline_finish,start_slip,"
		                  "finish_slip,moved_finish");
	UKWD__OUT_LIT(&o, "\n");
	for (size_t t = 0; t < n && o.rc == 0; t++) {
		ukwd_scheduled_task row;
		const char *id = ukwd_plan_task_id(plan, t),
		           *name = ukwd_plan_task_name(plan, t);
		char *p;

		rc = ukwd_schedule_task(&row, sched, t);
		if (rc) {
			ukwd__free(dates.text);
			ukwd__out_release(&o);
			return rc;
		}
		put_csv_str(&o, id);
		ukwd__out_put(&o, ",", 1);
		put_csv_str(&o, name);
		/* 3 numbers of at most 11 characters, 4 dates, 11 more. */
		p = ukwd__out_room(&o, 3 * 11 + 4 * 10 + 11);
		*p++ = ',';
		p = ukwd__put_digits_long(p, (long)row.duration);
		*p++ = ',';
		p = ukwd__put_table_date(p, &dates, &month[0], row.early_start);
		*p++ = ',';
		p = ukwd__put_table_date(p, &dates, &month[0],
		                         row.early_finish);
		*p++ = ',';
		p = ukwd__put_table_date(p, &dates, &month[1], row.late_start);
		*p++ = ',';
		p = ukwd__put_table_date(p, &dates, &month[1], row.late_finish);
		*p++ = ',';
		p = ukwd__put_digits_long(p, (long)row.total_float);
		*p++ = ',';
		p = ukwd__put_digits_long(p, (long)row.free_float);
		p = row.critical ? UKWD__PUT_LIT(p, ",yes")
		                 : UKWD__PUT_LIT(p, ",no");
		ukwd__out_done(&o, p);
		if (opts.flags & UKWD_RENDER_SOURCES) {
			const ukwd_source *source =
			    ukwd_plan_task_source(plan, t);

			ukwd__out_put(&o, ",", 1);
			ukwd__out_puts(&o, ukwd__render_tag(plan, t));
			ukwd__out_put(&o, ",", 1);
			put_csv_str(&o, source ? source->citation : "");
			ukwd__out_put(&o, ",", 1);
			put_csv_str(&o, source ? source->reference : "");
		}
		if (opts.progress)
			csv_slip(&o, opts.progress, t);
		ukwd__out_put(&o, "\n", 1);
	}
	rc = ukwd__out_finish(&o);
	ukwd__free(dates.text);
	ukwd__out_release(&o);
	return rc;
}

/* ------------------------------------------------------------------ */
/* JSON */

/* A JSON string, of which the first `plain` bytes are printable ASCII
 * other than '"' and '\\': '"' and '\\' escaped, control characters (C0, DEL,
 * C1) as \\uXXXX (newline as \\n), each ill-formed UTF-8 byte as U+FFFD, so
 * that the document is always valid JSON (RFC 8259 wants UTF-8). */
static void
put_json_chars(struct ukwd__out *o, const char *text, size_t len, size_t plain)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0, i = plain;

	while (i < len) {
		uint32_t cp = 0;
		size_t n = ukwd__utf8_next(text + i, len - i, &cp);
		char escape[6] = {'\\', 'u', '0', '0'};

		if (n && cp != '"' && cp != '\\' && !ukwd__is_control(cp)) {
			i += n;
			continue;
		}
		ukwd__out_put(o, text + run, i - run);
		if (!n)
			ukwd__out_put(o, UKWD__REPLACEMENT, 3);
		else if (cp == '"' || cp == '\\' || cp == '\n') {
			escape[1] = cp == '\n' ? 'n' : (char)cp;
			ukwd__out_put(o, escape, 2);
		} else {
			/* Controls are below U+00A0: two hex digits. */
			escape[4] = hex[cp >> 4 & 0xF];
			escape[5] = hex[cp & 0xF];
			ukwd__out_put(o, escape, 6);
		}
		i += n ? n : 1;
		run = i;
	}
	ukwd__out_put(o, text + run, len - run);
}

/* The characters of a JSON string, escaped, without its quotes. */
static void
put_json_inner(struct ukwd__out *o, const char *text, size_t len)
{
	put_json_chars(o, text, len, 0);
}

static void
put_json_after(struct ukwd__out *o, const char *text, size_t len, size_t plain)
{
	if (plain == len && len <= UKWD__OUT_ROOM - 2) {
		char *p = ukwd__out_room(o, len + 2);

		*p++ = '"';
		p = ukwd__put_text(p, text, len);
		*p++ = '"';
		ukwd__out_done(o, p);
		return;
	}
	ukwd__out_put(o, "\"", 1);
	put_json_chars(o, text, len, plain);
	ukwd__out_put(o, "\"", 1);
}

static void
put_json_str(struct ukwd__out *o, const char *text)
{
	size_t len;

	if (!text)
		text = "";
	len = strlen(text);
	/* Most strings are short and plain: checked eight bytes at a time
	 * and copied whole. */
	if (len <= UKWD__OUT_ROOM - 2 && ukwd__json_plain(text, len)) {
		char *p = ukwd__out_room(o, len + 2);

		*p++ = '"';
		p = ukwd__put_short(p, text, len);
		*p++ = '"';
		ukwd__out_done(o, p);
		return;
	}
	put_json_after(o, text, len,
	               ukwd__plain_prefix(text, len, UKWD__PLAIN_JSON));
}

/* The rest of a task's JSON members: working-day indices, the
 * three-point estimate and the dated constraints. */
static void
json_task_extras(struct ukwd__out *o, const ukwd_plan *plan, size_t t,
                 const ukwd_scheduled_task *row)
{
	int32_t low, likely, high;
	int any = 0;
	/* At most 4 numbers of 11 characters and 110 more. */
	char *p = ukwd__out_room(o, 4 * 11 + 110);

	p = UKWD__PUT_LIT(p, ", \"early_start_index\": ");
	p = ukwd__put_digits_long(p, (long)row->early_start_index);
	p = UKWD__PUT_LIT(p, ", \"early_end_index\": ");
	p = ukwd__put_digits_long(p, (long)row->early_end_index);
	p = UKWD__PUT_LIT(p, ", \"late_start_index\": ");
	p = ukwd__put_digits_long(p, (long)row->late_start_index);
	p = UKWD__PUT_LIT(p, ", \"late_end_index\": ");
	p = ukwd__put_digits_long(p, (long)row->late_end_index);
	if (!ukwd__task_extra(plan, t)) {
		/* Most tasks have no estimate and no dated constraint. */
		p = UKWD__PUT_LIT(p, ", \"constraints\": []");
		ukwd__out_done(o, p);
		return;
	}
	ukwd__out_done(o, p);
	if (ukwd_plan_task_estimate(&low, &likely, &high, plan, t) == 0) {
		p = ukwd__out_room(o, 3 * 11 + 80);
		p = UKWD__PUT_LIT(p, ", \"estimate\": {\"optimistic\": ");
		p = ukwd__put_digits_long(p, (long)low);
		p = UKWD__PUT_LIT(p, ", \"most_likely\": ");
		p = ukwd__put_digits_long(p, (long)likely);
		p = UKWD__PUT_LIT(p, ", \"pessimistic\": ");
		p = ukwd__put_digits_long(p, (long)high);
		*p++ = '}';
		ukwd__out_done(o, p);
	}
	UKWD__OUT_LIT(o, ", \"constraints\": [");
	for (int type = 0; type < UKWD_CONSTRAINT_TYPE_COUNT; type++) {
		char text[UKWD_DATE_STRLEN];
		ukwd_date d;

		if (ukwd_plan_task_constraint(&d, plan, t,
		                              (ukwd_constraint_type)type))
			continue;
		ukwd__format_date(text, d);
		ukwd__out_puts(o, any++ ? ", {\"type\": " : "{\"type\": ");
		put_json_str(
		    o, ukwd_constraint_type_name((ukwd_constraint_type)type));
		ukwd__out_printf(o, ", \"date\": \"%s\"}", text);
	}
	ukwd__out_put(o, "]", 1);
}

/* What the JSON steps share: the writer and the schedule, and what a
 * task's row needs besides its own data. */
struct json_writer {
	struct ukwd__out o;
	const ukwd_schedule *sched;
	const ukwd_plan *plan;
	const ukwd_render_options *opts;
	int backward;
	/* Early dates and late ones: each falls near the row before's. */
	struct ukwd__month_text month[2];
	struct ukwd__date_table dates;
	struct ukwd__explain_writer why;
	/* Each task's id and name as JSON holds them, looked at once: two
	 * a task, the length of a plain string (ukwd__json_plain()) of at
	 * most JSON_SHORT bytes, else NOT_SHORT. An id is written four
	 * times or more (its row, the links, the explanations). NULL
	 * without the memory: each is then looked at each time. */
	uint32_t *short_len;
};

#define JSON_SHORT 80
#define NOT_SHORT  UINT32_MAX

static uint32_t *
json_short_lengths(const ukwd_plan *plan)
{
	size_t n = ukwd_plan_task_count(plan);
	uint32_t *lengths;

	if (n > SIZE_MAX / (2 * sizeof(*lengths)))
		return NULL;
	lengths = ukwd__malloc(2 * n * sizeof(*lengths));
	if (!lengths)
		return NULL;
	for (size_t t = 0; t < n; t++)
		for (int k = 0; k < 2; k++) {
			const char *text = k ? ukwd_plan_task_name(plan, t)
			                     : ukwd_plan_task_id(plan, t);
			size_t len = strlen(text);

			lengths[2 * t + k] =
			    len <= JSON_SHORT && ukwd__json_plain(text, len)
			        ? (uint32_t)len
			        : NOT_SHORT;
		}
	return lengths;
}

/* Task t's id (k = 0) or name (k = 1), text, in quotes at p, which has
 * room for JSON_SHORT + 2 bytes; NULL when it is not short and plain. */
static char *
json_short(char *p, const struct json_writer *w, size_t t, int k,
           const char *text)
{
	uint32_t len = w->short_len ? w->short_len[2 * t + k] : NOT_SHORT;

	if (len == NOT_SHORT)
		return NULL;
	*p++ = '"';
	p = ukwd__put_short(p, text, len);
	*p++ = '"';
	return p;
}

/* As put_json_str(), for task t's id or name. */
static void
put_task_string(struct json_writer *w, size_t t, int k, const char *text)
{
	char *p = ukwd__out_room(&w->o, JSON_SHORT + 2),
	     *end = json_short(p, w, t, k, text);

	if (end)
		ukwd__out_done(&w->o, end);
	else
		put_json_str(&w->o, text);
}

/* The opening and the project's member: its span, the schedule's own
 * direction and date, and the plan's deadline. */
static void
json_project(struct json_writer *w)
{
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN];
	ukwd_schedule_direction direction;
	ukwd_date first, last, anchor, deadline;
	int32_t days;

	ukwd_schedule_span(&first, &last, &days, w->sched);
	ukwd__format_date(a, first);
	ukwd__format_date(b, last);
	ukwd__out_printf(
	    &w->o,
	    "{\n  \"format_version\": 1,\n  \"project\": {\"start\": "
	    "\"%s\", \"finish\": \"%s\", \"working_days\": %ld",
	    a, b, (long)days);
	ukwd_schedule_anchor(&direction, &anchor, w->sched);
	ukwd__format_date(a, anchor);
	ukwd__out_printf(
	    &w->o, ", \"direction\": \"%s\", \"date\": \"%s\"",
	    direction == UKWD_SCHEDULE_BACKWARD ? "backward" : "forward", a);
	if (ukwd_plan_deadline(&deadline, w->plan) == 0) {
		ukwd__format_date(a, deadline);
		ukwd__out_printf(&w->o, ", \"deadline\": \"%s\"", a);
	}
	if (ukwd_schedule_status_date(&deadline, w->sched) == 0) {
		ukwd__format_date(a, deadline);
		ukwd__out_printf(&w->o, ", \"status_date\": \"%s\"", a);
	}
	ukwd__out_puts(&w->o, "},\n  \"tasks\": [");
}

/* A task's numbers and dates, written in place, up to its source tag's
 * member name. */
static void
json_task_dates(struct json_writer *w, const ukwd_scheduled_task *row)
{
	/* 3 numbers of 11 characters, 4 dates and 160 more. */
	char *p = ukwd__out_room(&w->o, 3 * 11 + 4 * 10 + 160);

	p = UKWD__PUT_LIT(p, ", \"duration\": ");
	p = ukwd__put_digits_long(p, (long)row->duration);
	p = UKWD__PUT_LIT(p, ", \"early_start\": \"");
	p = ukwd__put_table_date(p, &w->dates, &w->month[0], row->early_start);
	p = UKWD__PUT_LIT(p, "\", \"early_finish\": \"");
	p = ukwd__put_table_date(p, &w->dates, &w->month[0], row->early_finish);
	p = UKWD__PUT_LIT(p, "\", \"late_start\": \"");
	p = ukwd__put_table_date(p, &w->dates, &w->month[1], row->late_start);
	p = UKWD__PUT_LIT(p, "\", \"late_finish\": \"");
	p = ukwd__put_table_date(p, &w->dates, &w->month[1], row->late_finish);
	p = UKWD__PUT_LIT(p, "\", \"total_float\": ");
	p = ukwd__put_digits_long(p, (long)row->total_float);
	p = UKWD__PUT_LIT(p, ", \"free_float\": ");
	p = ukwd__put_digits_long(p, (long)row->free_float);
	p = row->critical ? UKWD__PUT_LIT(p, ", \"critical\": true")
	                  : UKWD__PUT_LIT(p, ", \"critical\": false");
	p = UKWD__PUT_LIT(p, ", \"source_tag\": ");
	ukwd__out_done(&w->o, p);
}

/* The explanations, written into a JSON string as they are made: only a
 * task's name in them can need escaping. */
static void
json_why_words(void *payload, const char *text, size_t len)
{
	struct json_writer *w = payload;

	ukwd__out_put(&w->o, text, len);
}

static void
json_why_name(void *payload, size_t task, const char *text)
{
	struct json_writer *w = payload;
	/* The name shown, or the id when the task has no name. */
	int k = text != ukwd_plan_task_id(w->plan, task);
	uint32_t short_len =
	    w->short_len ? w->short_len[2 * task + k] : NOT_SHORT;
	size_t len;

	if (short_len != NOT_SHORT) {
		char *p = ukwd__out_room(&w->o, short_len);

		ukwd__out_done(&w->o, ukwd__put_short(p, text, short_len));
		return;
	}
	len = strlen(text);
	if (ukwd__json_plain(text, len))
		ukwd__out_put(&w->o, text, len);
	else
		put_json_chars(&w->o, text, len,
		               ukwd__plain_prefix(text, len, UKWD__PLAIN_JSON));
}

/* The source's members, and why the task starts and finishes when it
 * does. */
static int
json_task_source_why(struct json_writer *w, size_t t)
{
	const ukwd_source *source = ukwd_plan_task_source(w->plan, t);

	if (source) {
		put_json_str(&w->o, ukwd__render_tag(w->plan, t));
		UKWD__OUT_LIT(&w->o, ", \"source\": \"");
		ukwd__render_put_source(&w->o, source, 0, put_json_inner);
		UKWD__OUT_LIT(&w->o, "\", \"reference\": ");
		put_json_str(&w->o, source->reference);
	} else {
		UKWD__OUT_LIT(&w->o,
		              "\"\", \"source\": \"\", \"reference\": \"\"");
	}
	for (int side = 0; side < 2; side++) {
		int rc;

		if (side)
			UKWD__OUT_LIT(&w->o, ", \"why_finish\": \"");
		else
			UKWD__OUT_LIT(&w->o, ", \"why_start\": \"");
		rc = ukwd__schedule_explain_to(&w->why, w->sched, t,
		                               (ukwd_schedule_side)side);
		if (rc)
			return rc;
		ukwd__out_put(&w->o, "\"", 1);
	}
	return 0;
}

/* A task against the baseline (ukwd_render_options.progress). */
static void
json_task_slip(struct json_writer *w, size_t t)
{
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN];
	ukwd_task_slip slip;

	if (ukwd_progress_task(&slip, w->opts->progress, t) ||
	    !slip.in_baseline) {
		UKWD__OUT_LIT(&w->o, ", \"baseline\": null");
		return;
	}
	ukwd__format_date(a, slip.baseline_start);
	ukwd__format_date(b, slip.baseline_finish);
	ukwd__out_printf(&w->o,
	                 ", \"baseline\": {\"start\": \"%s\", \"finish\": "
	                 "\"%s\", \"start_slip\": %ld, \"finish_slip\": %ld, "
	                 "\"added\": %ld}",
	                 a, b, (long)slip.start_slip, (long)slip.finish_slip,
	                 (long)slip.added);
}

static int
json_task(struct json_writer *w, size_t t)
{
	ukwd_scheduled_task row;
	int rc = ukwd_schedule_task(&row, w->sched, t);

	if (rc)
		return rc;
	if (t)
		UKWD__OUT_LIT(&w->o, ",\n    {\"id\": ");
	else
		UKWD__OUT_LIT(&w->o, "\n    {\"id\": ");
	put_task_string(w, t, 0, ukwd_plan_task_id(w->plan, t));
	UKWD__OUT_LIT(&w->o, ", \"name\": ");
	put_task_string(w, t, 1, ukwd_plan_task_name(w->plan, t));
	json_task_dates(w, &row);
	rc = json_task_source_why(w, t);
	if (rc)
		return rc;
	if (row.duration == 0) {
		UKWD__OUT_LIT(&w->o, ", \"milestone_day\": {\"early\": \"");
		ukwd__out_puts(&w->o, row.early_milestone_day ==
		                              UKWD_MILESTONE_AT_FINISH
		                          ? "finish"
		                          : "start");
		UKWD__OUT_LIT(&w->o, "\", \"late\": \"");
		ukwd__out_puts(&w->o, row.late_milestone_day ==
		                              UKWD_MILESTONE_AT_FINISH
		                          ? "finish\"}"
		                          : "start\"}");
	}
	json_task_extras(&w->o, w->plan, t, &row);
	if (w->opts->progress)
		json_task_slip(w, t);
	if (w->opts->today != UKWD_RENDER_NO_DATE) {
		if (ukwd__render_shown_start(&row, w->backward) <
		    w->opts->today)
			UKWD__OUT_LIT(&w->o, ", \"past\": true}");
		else
			UKWD__OUT_LIT(&w->o, ", \"past\": false}");
	} else {
		ukwd__out_put(&w->o, "}", 1);
	}
	return 0;
}

static int
json_link(struct json_writer *w, size_t l)
{
	ukwd_plan_link_info link;
	const char *type;
	char *p;
	int rc = ukwd_plan_link(&link, w->plan, l);

	if (rc)
		return rc;
	if (l)
		UKWD__OUT_LIT(&w->o, ",\n    {\"predecessor\": ");
	else
		UKWD__OUT_LIT(&w->o, "\n    {\"predecessor\": ");
	put_task_string(w, link.predecessor, 0,
	                ukwd_plan_task_id(w->plan, link.predecessor));
	UKWD__OUT_LIT(&w->o, ", \"successor\": ");
	put_task_string(w, link.successor, 0,
	                ukwd_plan_task_id(w->plan, link.successor));
	type = ukwd_link_type_name(link.type);
	/* The type is two letters. */
	p = ukwd__out_room(&w->o, 11 + 50);
	p = UKWD__PUT_LIT(p, ", \"type\": \"");
	p = ukwd__put_text(p, type, 2);
	p = UKWD__PUT_LIT(p, "\", \"lag\": ");
	p = ukwd__put_digits_long(p, (long)link.lag);
	p = UKWD__PUT_LIT(p, ", \"source\": ");
	ukwd__out_done(&w->o, p);
	if (link.source)
		put_json_str(&w->o, link.source);
	else
		UKWD__OUT_LIT(&w->o, "\"\"");
	ukwd__out_put(&w->o, "}", 1);
	return 0;
}

/* A list of task ids: ["a", "b"] without the brackets. */
static void
json_task_ids(struct json_writer *w, const size_t *tasks, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (i)
			ukwd__out_puts(&w->o, ", ");
		put_json_str(&w->o, ukwd_plan_task_id(w->plan, tasks[i]));
	}
}

/* The tasks with negative float, and the critical paths. */
static int
json_late_and_critical(struct json_writer *w)
{
	const size_t *tasks;
	size_t count, npaths;
	int rc = ukwd_schedule_negative_float(&tasks, &count, w->sched);

	if (rc)
		return rc;
	ukwd__out_puts(&w->o, "  \"negative_float\": [");
	json_task_ids(w, tasks, count);
	ukwd__out_puts(&w->o, "],\n");
	ukwd__out_puts(&w->o, "  \"critical_paths\": [");
	npaths = ukwd_schedule_critical_path_count(w->sched);
	for (size_t p = 0; p < npaths; p++) {
		rc = ukwd_schedule_critical_path(&tasks, &count, w->sched, p);
		if (rc)
			return rc;
		ukwd__out_puts(&w->o, p ? ", [" : "[");
		json_task_ids(w, tasks, count);
		ukwd__out_put(&w->o, "]", 1);
	}
	ukwd__out_puts(&w->o, "],\n");
	return 0;
}

static void
json_targets(struct json_writer *w)
{
	const ukwd_render_options *opts = w->opts;

	ukwd__out_puts(&w->o, "  \"targets\": [");
	for (size_t i = 0; i < opts->target_count; i++) {
		char a[UKWD_DATE_STRLEN];
		int32_t late =
		    ukwd__render_target_late(w->sched, opts->targets[i].date);

		ukwd__format_date(a, opts->targets[i].date);
		ukwd__out_puts(&w->o, i ? ", {\"label\": " : "{\"label\": ");
		put_json_str(&w->o, opts->targets[i].label
		                        ? opts->targets[i].label
		                        : "target");
		ukwd__out_printf(&w->o,
		                 ", \"date\": \"%s\", \"met\": %s, "
		                 "\"working_days_late\": %ld}",
		                 a, late ? "false" : "true", (long)late);
	}
	ukwd__out_puts(&w->o, "]\n}\n");
}

/* The schedule against the baseline, as a whole. */
static void
json_progress(struct json_writer *w)
{
	const ukwd_progress *progress = w->opts->progress;
	const size_t *movers;
	size_t count = 0, removed = ukwd_progress_removed_count(progress);
	ukwd_date finish;
	int32_t variance;

	ukwd__out_puts(&w->o, "  \"progress\": {");
	if (ukwd_progress_finish_variance(&variance, &finish, progress) == 0) {
		char a[UKWD_DATE_STRLEN];

		ukwd__format_date(a, finish);
		ukwd__out_printf(&w->o,
		                 "\"baseline_finish\": \"%s\", "
		                 "\"finish_variance\": %ld, ",
		                 a, (long)variance);
	}
	ukwd__out_puts(&w->o, "\"moved_finish\": [");
	ukwd_progress_finish_movers(&movers, &count, progress);
	for (size_t k = 0; k < count; k++) {
		if (k)
			ukwd__out_puts(&w->o, ", ");
		put_json_str(&w->o, ukwd_plan_task_id(w->plan, movers[k]));
	}
	ukwd__out_puts(&w->o, "], \"removed\": [");
	for (size_t k = 0; k < removed; k++) {
		if (k)
			ukwd__out_puts(&w->o, ", ");
		put_json_str(&w->o, ukwd_progress_removed_id(progress, k));
	}
	ukwd__out_puts(&w->o, "]},\n");
}

static int
json_write(struct json_writer *w)
{
	size_t n = ukwd_schedule_task_count(w->sched);
	size_t nlinks = ukwd_plan_link_count(w->plan);
	int rc = 0;

	json_project(w);
	for (size_t t = 0; rc == 0 && t < n && w->o.rc == 0; t++)
		rc = json_task(w, t);
	if (rc)
		return rc;
	ukwd__out_puts(&w->o, "\n  ],\n  \"links\": [");
	for (size_t l = 0; rc == 0 && l < nlinks && w->o.rc == 0; l++)
		rc = json_link(w, l);
	if (rc)
		return rc;
	ukwd__out_puts(&w->o, nlinks ? "\n  ],\n" : "],\n");
	rc = json_late_and_critical(w);
	if (rc)
		return rc;
	if (w->opts->progress)
		json_progress(w);
	json_targets(w);
	return ukwd__out_finish(&w->o);
}

int
ukwd_render_json(const ukwd_schedule *sched, const ukwd_render_options *options,
                 ukwd_sink write, void *payload)
{
	struct json_writer w = {
	    .sched = sched,
	    .month = {UKWD__NO_MONTH, UKWD__NO_MONTH},
	};
	ukwd_render_options opts;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	w.plan = ukwd_schedule_plan(sched);
	w.opts = &opts;
	w.backward = ukwd__render_is_backward(sched);
	w.why.words = json_why_words;
	w.why.name = json_why_name;
	w.why.payload = &w;
	ukwd__out_init(&w.o, write, payload);
	ukwd__out_grow(&w.o);
	ukwd__date_table_init(&w.dates, sched);
	w.short_len = json_short_lengths(w.plan);
	rc = json_write(&w);
	ukwd__free(w.short_len);
	ukwd__free(w.dates.text);
	ukwd__out_release(&w.o);
	return rc ? rc : w.o.rc;
}

/* ------------------------------------------------------------------ */
/* Mermaid */

/* Text Mermaid reads literally: ':' ends a task's name, ';' ends a
 * statement and '#' starts an entity. */
static void
put_mermaid(struct ukwd__out *o, const char *text, size_t len)
{
	size_t run = 0;

	/* The three are ASCII, never inside a multi-byte character. */
	for (size_t i = 0; i < len; i++) {
		char c = text[i];

		if (c != ':' && c != ';' && c != '#')
			continue;
		ukwd__put_clean(o, text + run, i - run);
		run = i + 1;
		if (c == ':')
			ukwd__out_puts(o, "\xea\x9e\x89"); /* U+A789 */
		else if (c == ';')
			ukwd__out_put(o, ",", 1);
		else
			ukwd__out_puts(o, "\xef\xbc\x83"); /* U+FF03 */
	}
	ukwd__put_clean(o, text + run, len - run);
}

/* The section of a name: the text before ": ", or none. */
static size_t
section_length(const char *name)
{
	const char *colon = strstr(name, ": ");

	return colon && colon != name ? (size_t)(colon - name) : 0;
}

struct excludes {
	struct ukwd__out *o;
	unsigned int weekend;
	int weekends_listed;
};

static int
exclude_holiday(ukwd_date d, const char *name, void *payload)
{
	struct excludes *ex = payload;
	char text[UKWD_DATE_STRLEN];

	(void)name;
	/* Holidays on a weekend are excluded already. */
	if (ex->weekends_listed &&
	    (ex->weekend >> (ukwd_date_weekday(d) - 1) & 1u))
		return 0;
	ukwd__format_date(text, d);
	ukwd__out_printf(ex->o, ", %s", text);
	return ex->o->rc != 0;
}

/* The days Mermaid leaves out: the calendar's weekend and its holidays
 * in [first, last], on one line (Mermaid keeps only the last
 * "excludes" line). */
static int
mermaid_excludes(struct ukwd__out *o, const ukwd_calendar *cal, ukwd_date first,
                 ukwd_date last)
{
	struct excludes ex;
	int rc;

	ex.o = o;
	ex.weekend = ukwd_calendar_weekend(cal);
	ex.weekends_listed = ex.weekend == 0x60u;
	if (ex.weekends_listed) {
		ukwd__out_puts(o, "    excludes weekends");
	} else {
		/* Mermaid's "weekends" are Saturday and Sunday: name the
		 * calendar's own weekend days instead. */
		static const char *const days[] = {
		    "monday", "tuesday",  "wednesday", "thursday",
		    "friday", "saturday", "sunday"};
		int any = 0;

		for (int wd = 0; wd < 7; wd++)
			if (ex.weekend >> wd & 1u) {
				ukwd__out_puts(o, any ? ", " : "    excludes ");
				ukwd__out_puts(o, days[wd]);
				any = 1;
			}
		if (!any)
			ukwd__out_puts(o, "    excludes none");
	}
	rc = ukwd_calendar_foreach_holiday(cal, first, last, exclude_holiday,
	                                   &ex);
	if (rc && rc != UKWD_EUSER)
		return rc;
	ukwd__out_puts(o, "\n");
	return 0;
}

/* The section a task opens, when its name's section differs from the
 * task's before (*section, *section_len). */
static void
mermaid_section(struct ukwd__out *o, const char *name, size_t len,
                const char **section, size_t *section_len)
{
	if (*section && len == *section_len &&
	    strncmp(name, *section, len) == 0)
		return;
	*section = name;
	*section_len = len;
	ukwd__out_puts(o, "    section ");
	if (len)
		put_mermaid(o, name, len);
	else
		ukwd__out_puts(o, "Tasks");
	ukwd__out_puts(o, "\n");
}

/* A task's name's suffix against the baseline: its finish slip in
 * working days, " (+1)", or " (new)". */
static void
mermaid_slip(struct ukwd__out *o, const ukwd_progress *progress, size_t t)
{
	ukwd_task_slip slip;

	if (ukwd_progress_task(&slip, progress, t) != 0)
		return;
	if (!slip.in_baseline)
		UKWD__OUT_LIT(o, " (new)");
	else
		ukwd__out_printf(o, slip.finish_slip > 0 ? " (+%ld)" : " (%ld)",
		                 (long)slip.finish_slip);
}

/* A comment line: the project's finish variance. */
static void
mermaid_variance(struct ukwd__out *o, const ukwd_progress *progress)
{
	int32_t variance;

	if (ukwd_progress_finish_variance(&variance, NULL, progress) != 0) {
		UKWD__OUT_LIT(o, "    %% finish variance: the baseline has no "
		                 "finish to compare with\n");
		return;
	}
	ukwd__out_printf(
	    o,
	    variance > 0 ? "    %%%% finish variance: +%ld working "
	                   "day%s against the baseline\n"
	                 : "    %%%% finish variance: %ld working "
	                   "day%s against the baseline\n",
	    (long)variance, variance == 1 || variance == -1 ? "" : "s");
}

static int
mermaid_task(struct ukwd__out *o, const ukwd_schedule *sched,
             const ukwd_progress *progress, size_t t, const char **section,
             size_t *section_len)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	ukwd_scheduled_task row;
	const char *name = ukwd__render_name(plan, t);
	size_t len = section_length(name);
	char start[UKWD_DATE_STRLEN];
	int rc = ukwd_schedule_task(&row, sched, t);

	if (rc)
		return rc;
	mermaid_section(o, name, len, section, section_len);
	ukwd__out_puts(o, "    ");
	put_mermaid(o, name + (len ? len + 2 : 0),
	            strlen(name) - (len ? len + 2 : 0));
	if (ukwd__render_is_proposed(plan, t))
		ukwd__out_printf(o, " (%s)", ukwd__render_tag(plan, t));
	if (progress)
		mermaid_slip(o, progress, t);
	ukwd__out_puts(o, " :");
	if (row.critical)
		ukwd__out_puts(o, "crit, ");
	if (row.duration == 0)
		ukwd__out_puts(o, "milestone, ");
	ukwd__format_date(start, row.early_start);
	ukwd__out_printf(o, "t%zu, %s, %ldd\n", t + 1, start,
	                 (long)row.duration);
	return 0;
}

int
ukwd_render_mermaid(const ukwd_schedule *sched,
                    const ukwd_render_options *options, ukwd_sink write,
                    void *payload)
{
	ukwd_render_options opts;
	ukwd_date first, last;
	const char *section = NULL;
	size_t section_len = 0, n;
	struct ukwd__out o;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	rc = ukwd__render_range(&first, &last, sched, 0);
	if (rc)
		return rc;
	n = ukwd_schedule_task_count(sched);
	ukwd__out_init(&o, write, payload);
	ukwd__out_puts(&o, "gantt\n");
	if (opts.progress)
		mermaid_variance(&o, opts.progress);
	if (opts.title) {
		ukwd__out_puts(&o, "    title ");
		put_mermaid(&o, opts.title, strlen(opts.title));
		ukwd__out_puts(&o, "\n");
	}
	ukwd__out_puts(&o,
	               "    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m-%d\n");
	rc = mermaid_excludes(&o, ukwd_schedule_calendar(sched), first, last);
	for (size_t t = 0; rc == 0 && t < n && o.rc == 0; t++)
		rc = mermaid_task(&o, sched, opts.progress, t, &section,
		                  &section_len);
	return rc ? rc : ukwd__out_finish(&o);
}
