/* Schedules as a table for a terminal: a row of dates and float per task,
 * the targets, the critical paths and, on request, what fixed each
 * task's dates (ukwd-plan's default output); that last section is
 * ukwd_render_explanations() too. Names are cleaned and measured as
 * render-private.h says. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "render-private.h"

/* The widest the ID and TASK columns grow; longer text is cut with "…". */
#define ID_WIDTH_MAX   20
#define NAME_WIDTH_MAX 40

static void
put_id(struct ukwd__out *o, const ukwd_plan *plan, size_t task)
{
	const char *id = ukwd_plan_task_id(plan, task);

	ukwd__put_clean(o, id, strlen(id));
}

/* A column's width: its widest text, at least `least` (the heading's),
 * at most `most`. */
static size_t
column_width(const ukwd_plan *plan, size_t n,
             const char *(*text)(const ukwd_plan *, size_t), size_t least,
             size_t most)
{
	size_t width = least;

	for (size_t t = 0; t < n; t++) {
		size_t w = ukwd__utf8_width(text(plan, t));

		if (w > width)
			width = w;
	}
	return width > most ? most : width;
}

/* "Project: FIRST to LAST, N working days (scheduled forward from DATE)"
 * and the column headings. */
static void
table_header(struct ukwd__out *o, const ukwd_schedule *sched, size_t ids,
             size_t names, const ukwd_risk *risk)
{
	char first_text[UKWD_DATE_STRLEN], last_text[UKWD_DATE_STRLEN],
	    anchor_text[UKWD_DATE_STRLEN];
	ukwd_schedule_direction direction = UKWD_SCHEDULE_FORWARD;
	ukwd_date first, last, anchor = 0;
	int32_t days;

	ukwd_schedule_span(&first, &last, &days, sched);
	ukwd_schedule_anchor(&direction, &anchor, sched);
	ukwd__format_date(first_text, first);
	ukwd__format_date(last_text, last);
	ukwd__format_date(anchor_text, anchor);
	ukwd__out_printf(
	    o, "Project: %s to %s, %ld working day%s (scheduled %s %s)\n\n",
	    first_text, last_text, (long)days, days == 1 ? "" : "s",
	    direction == UKWD_SCHEDULE_BACKWARD ? "backward to"
	                                        : "forward from",
	    anchor_text);
	UKWD__OUT_LIT(o, "  ");
	ukwd__put_cell(o, "ID", ids);
	UKWD__OUT_LIT(o, "  ");
	ukwd__put_cell(o, "TASK", names);
	UKWD__OUT_LIT(o, "  DAYS  START       FINISH      LATE START  "
	                 "LATE FINISH  FLOAT  FREE");
	if (risk)
		ukwd__render_risk_heading(o);
	UKWD__OUT_LIT(o, "\n");
}

static int
table_row(struct ukwd__out *o, const ukwd_schedule *sched, size_t task,
          size_t ids, size_t names, const ukwd_risk *risk)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN], ls[UKWD_DATE_STRLEN],
	    lf[UKWD_DATE_STRLEN];
	ukwd_scheduled_task row;
	int rc = ukwd_schedule_task(&row, sched, task);

	if (rc)
		return rc;
	ukwd__format_date(es, row.early_start);
	ukwd__format_date(ef, row.early_finish);
	ukwd__format_date(ls, row.late_start);
	ukwd__format_date(lf, row.late_finish);
	ukwd__out_put(o,
	              row.total_float < 0 ? "! "
	              : row.critical      ? "* "
	                                  : "  ",
	              2);
	ukwd__put_cell(o, ukwd_plan_task_id(plan, task), ids);
	UKWD__OUT_LIT(o, "  ");
	ukwd__put_cell(o, ukwd__render_name(plan, task), names);
	ukwd__out_printf(o, "  %4ld  %s  %s  %s  %s   %5ld %5ld",
	                 (long)row.duration, es, ef, ls, lf,
	                 (long)row.total_float, (long)row.free_float);
	if (risk && (rc = ukwd__render_risk_cells(o, risk, task)) != 0)
		return rc;
	UKWD__OUT_LIT(o, "\n");
	return 0;
}

/* "Label DATE: met, N working days to spare." or "NOT met, missed by N
 * working days." for each target, against the project's finish. */
static void
table_targets(struct ukwd__out *o, const ukwd_schedule *sched,
              const ukwd_render_options *opts)
{
	const ukwd_calendar *cal = ukwd_schedule_calendar(sched);
	ukwd_date last;

	if (!opts->target_count)
		return;
	ukwd_schedule_span(NULL, &last, NULL, sched);
	UKWD__OUT_LIT(o, "\n");
	for (size_t k = 0; k < opts->target_count; k++) {
		const char *label =
		    opts->targets[k].label ? opts->targets[k].label : "target";

		/* The label's first letter in capitals (ASCII). */
		if (*label >= 'a' && *label <= 'z') {
			char initial = (char)(*label - 'a' + 'A');

			ukwd__out_put(o, &initial, 1);
			label++;
		}
		ukwd__put_clean(o, label, strlen(label));
		ukwd__render_put_verdict(o, cal, opts->targets[k].date, last);
	}
}

/* linked[t] = 1 when t's predecessor on its critical path links to it
 * (the path is then a chain "a -> b"); NULL without memory. */
static unsigned char *
path_links(const ukwd_schedule *sched)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_plan_task_count(plan),
	       npaths = ukwd_schedule_critical_path_count(sched);
	size_t *before = ukwd__malloc((n ? n : 1) * sizeof(*before));
	unsigned char *linked = ukwd__calloc(n ? n : 1, 1);

	if (!before || !linked) {
		ukwd__free(before);
		ukwd__free(linked);
		return NULL;
	}
	for (size_t t = 0; t < n; t++)
		before[t] = (size_t)-1;
	for (size_t p = 0; p < npaths; p++) {
		const size_t *tasks;
		size_t count;

		ukwd_schedule_critical_path(&tasks, &count, sched, p);
		for (size_t i = 1; i < count; i++)
			before[tasks[i]] = tasks[i - 1];
	}
	for (size_t l = 0; l < ukwd_plan_link_count(plan); l++) {
		ukwd_plan_link_info link;

		ukwd_plan_link(&link, plan, l);
		if (before[link.successor] == link.predecessor)
			linked[link.successor] = 1;
	}
	ukwd__free(before);
	return linked;
}

/* "Critical path: a -> b -> c" (", " when a task does not link to the
 * next), numbered when there are several. */
static int
table_paths(struct ukwd__out *o, const ukwd_schedule *sched)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t npaths = ukwd_schedule_critical_path_count(sched);
	unsigned char *linked = path_links(sched);

	if (!linked)
		return UKWD_ENOMEM;
	for (size_t p = 0; p < npaths; p++) {
		const size_t *tasks;
		size_t count;
		int chain = 1;

		ukwd_schedule_critical_path(&tasks, &count, sched, p);
		if (npaths == 1)
			UKWD__OUT_LIT(o, "Critical path: ");
		else
			ukwd__out_printf(o, "Critical path %zu: ", p + 1);
		for (size_t i = 0; i + 1 < count; i++)
			chain &= linked[tasks[i + 1]];
		for (size_t i = 0; i < count; i++) {
			if (i)
				ukwd__out_puts(o, chain ? " -> " : ", ");
			put_id(o, plan, tasks[i]);
		}
		UKWD__OUT_LIT(o, "\n");
	}
	ukwd__free(linked);
	return 0;
}

/* "Negative float: a (-3), b (-1)". */
static void
table_negative(struct ukwd__out *o, const ukwd_schedule *sched,
               const size_t *negative, size_t nnegative)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);

	if (!nnegative)
		return;
	UKWD__OUT_LIT(o, "Negative float: ");
	for (size_t i = 0; i < nnegative; i++) {
		ukwd_scheduled_task row;

		ukwd_schedule_task(&row, sched, negative[i]);
		if (i)
			UKWD__OUT_LIT(o, ", ");
		put_id(o, plan, negative[i]);
		ukwd__out_printf(o, " (%ld)", (long)row.total_float);
	}
	UKWD__OUT_LIT(o, "\n");
}

/* "Why:" and two sentences a task (ukwd_schedule_explain()): the
 * table's last section, and ukwd_render_explanations() alone. */
static int
table_explanations(struct ukwd__out *o, const ukwd_schedule *sched)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_schedule_task_count(sched),
	       ids = column_width(plan, n, ukwd_plan_task_id, 2, ID_WIDTH_MAX);
	struct ukwd__sentence sentence = {NULL, 0};
	int rc = 0;

	UKWD__OUT_LIT(o, "Why:\n");
	for (size_t t = 0; t < n && rc == 0; t++)
		for (int side = 0; side < 2 && rc == 0; side++) {
			rc = ukwd__render_explain(&sentence, sched, t,
			                          (ukwd_schedule_side)side);
			if (rc)
				break;
			UKWD__OUT_LIT(o, "  ");
			ukwd__put_cell(
			    o, side ? "" : ukwd_plan_task_id(plan, t), ids);
			UKWD__OUT_LIT(o, "  ");
			ukwd__put_clean(o, sentence.text,
			                strlen(sentence.text));
			UKWD__OUT_LIT(o, "\n");
		}
	ukwd__free(sentence.text);
	return rc;
}

int
ukwd_render_table(const ukwd_schedule *sched,
                  const ukwd_render_options *options, ukwd_sink write,
                  void *payload)
{
	ukwd_render_options opts;
	struct ukwd__out o;
	const ukwd_plan *plan;
	const size_t *negative;
	size_t n, ids, names, nnegative;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	plan = ukwd_schedule_plan(sched);
	n = ukwd_schedule_task_count(sched);
	ids = column_width(plan, n, ukwd_plan_task_id, 2, ID_WIDTH_MAX);
	names = column_width(plan, n, ukwd__render_name, 4, NAME_WIDTH_MAX);
	ukwd__out_init(&o, write, payload);
	table_header(&o, sched, ids, names, opts.risk);
	for (size_t t = 0; t < n && rc == 0; t++)
		rc = table_row(&o, sched, t, ids, names, opts.risk);
	if (rc == 0) {
		ukwd_schedule_negative_float(&negative, &nnegative, sched);
		table_targets(&o, sched, &opts);
		ukwd__out_printf(&o, "\n* critical: no float.%s\n",
		                 nnegative ? "  ! negative float: a date "
		                             "cannot be met."
		                           : "");
		if (opts.risk)
			ukwd__render_risk_note(&o, opts.risk);
		rc = table_paths(&o, sched);
	}
	if (rc == 0)
		table_negative(&o, sched, negative, nnegative);
	if (rc == 0 && (opts.flags & UKWD_RENDER_EXPLAIN)) {
		UKWD__OUT_LIT(&o, "\n");
		rc = table_explanations(&o, sched);
	}
	if (rc == 0)
		rc = ukwd__out_finish(&o);
	ukwd__out_release(&o);
	return rc;
}

int
ukwd_render_explanations(const ukwd_schedule *sched,
                         const ukwd_render_options *options, ukwd_sink write,
                         void *payload)
{
	ukwd_render_options opts;
	struct ukwd__out o;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	ukwd__out_init(&o, write, payload);
	rc = table_explanations(&o, sched);
	if (rc == 0)
		rc = ukwd__out_finish(&o);
	ukwd__out_release(&o);
	return rc;
}
