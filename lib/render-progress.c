/* The schedule against a baseline, for a terminal (ukwd_render_progress,
 * render.h). The numbers are ukwd/progress.h's. */
#include <stdio.h>
#include <string.h>

#include "ukwd/progress.h"
#include "ukwd/render.h"
#include "internal.h"
#include "render-private.h"

#define ID_WIDTH 20

static void
put_slip(struct ukwd__out *o, int32_t slip)
{
	ukwd__out_printf(o, slip > 0 ? "  %+6ld" : "  %6ld", (long)slip);
}

static void
put_summary(struct ukwd__out *o, const ukwd_schedule *sched,
            const ukwd_progress *progress)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	const size_t *movers;
	size_t count = 0;
	ukwd_date finish, baseline_finish, status;
	int32_t variance;

	UKWD__OUT_LIT(o, "Against the baseline:");
	if (ukwd_progress_finish_variance(&variance, &baseline_finish,
	                                  progress) == 0) {
		char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN];
		long days = variance < 0 ? -(long)variance : (long)variance;

		ukwd_schedule_span(NULL, &finish, NULL, sched);
		ukwd__format_date(a, finish);
		ukwd__format_date(b, baseline_finish);
		if (variance == 0)
			ukwd__out_printf(o, " finish %s, on the baseline's %s.",
			                 a, b);
		else
			ukwd__out_printf(
			    o,
			    " finish %s, %ld working day%s %s than "
			    "the baseline's %s.",
			    a, days, days == 1 ? "" : "s",
			    variance > 0 ? "later" : "earlier", b);
	}
	UKWD__OUT_LIT(o, "\n");
	if (ukwd_schedule_status_date(&status, sched) == 0) {
		char a[UKWD_DATE_STRLEN];

		ukwd__format_date(a, status);
		ukwd__out_printf(o, "Status date: %s.\n", a);
	}
	UKWD__OUT_LIT(o, "Moved the finish:");
	ukwd_progress_finish_movers(&movers, &count, progress);
	if (!count)
		UKWD__OUT_LIT(o, " none");
	for (size_t k = 0; k < count; k++) {
		const char *id = ukwd_plan_task_id(plan, movers[k]);
		ukwd_task_slip slip;

		ukwd_progress_task(&slip, progress, movers[k]);
		ukwd__out_puts(o, k ? ", " : " ");
		ukwd__put_clean(o, id, strlen(id));
		ukwd__out_printf(o, " (+%ld)", (long)slip.added);
	}
	UKWD__OUT_LIT(o, ".\n");
}

static void
put_row(struct ukwd__out *o, const ukwd_schedule *sched,
        const ukwd_progress *progress, size_t t)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	char d[4][UKWD_DATE_STRLEN];
	ukwd_scheduled_task row;
	ukwd_task_slip slip;

	ukwd_schedule_task(&row, sched, t);
	ukwd_progress_task(&slip, progress, t);
	ukwd__format_date(d[1], row.early_start);
	ukwd__format_date(d[3], row.early_finish);
	UKWD__OUT_LIT(o, "  ");
	ukwd__put_cell(o, ukwd_plan_task_id(plan, t), ID_WIDTH);
	if (!slip.in_baseline) {
		ukwd__out_printf(o, "  %-10s  %s  %6s  %-10s  %s  %6s\n", "",
		                 d[1], "new", "", d[3], "new");
		return;
	}
	ukwd__format_date(d[0], slip.baseline_start);
	ukwd__format_date(d[2], slip.baseline_finish);
	ukwd__out_printf(o, "  %s  %s", d[0], d[1]);
	put_slip(o, slip.start_slip);
	ukwd__out_printf(o, "  %s  %s", d[2], d[3]);
	put_slip(o, slip.finish_slip);
	UKWD__OUT_LIT(o, "\n");
}

int
ukwd_render_progress(const ukwd_schedule *sched,
                     const ukwd_render_options *options, ukwd_sink write,
                     void *payload)
{
	ukwd_render_options opts;
	struct ukwd__out o;
	size_t n, moved = 0, removed;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	if (!opts.progress)
		return UKWD_EINVAL;
	n = ukwd_schedule_task_count(sched);
	ukwd__out_init(&o, write, payload);
	put_summary(&o, sched, opts.progress);
	for (size_t t = 0; t < n && o.rc == 0; t++) {
		ukwd_task_slip slip;

		ukwd_progress_task(&slip, opts.progress, t);
		if (slip.in_baseline && !slip.start_slip && !slip.finish_slip)
			continue;
		if (!moved++) {
			UKWD__OUT_LIT(&o, "\n  ");
			ukwd__put_cell(&o, "ID", ID_WIDTH);
			ukwd__out_printf(&o,
			                 "  %-10s  %-10s  %6s  %-10s  %-10s  "
			                 "%6s\n",
			                 "BASE START", "START", "SLIP",
			                 "BASE END", "FINISH", "SLIP");
		}
		put_row(&o, sched, opts.progress, t);
	}
	if (n > moved)
		ukwd__out_printf(
		    &o, "%s%zu other task%s on %s baseline dates.\n",
		    moved ? "" : "\n", n - moved, n - moved == 1 ? "" : "s",
		    n - moved == 1 ? "its" : "their");
	removed = ukwd_progress_removed_count(opts.progress);
	for (size_t k = 0; k < removed; k++) {
		const char *id = ukwd_progress_removed_id(opts.progress, k);

		ukwd__out_puts(&o, k ? ", " : "No longer in the plan: ");
		ukwd__put_clean(&o, id, strlen(id));
	}
	if (removed)
		UKWD__OUT_LIT(&o, ".\n");
	rc = ukwd__out_finish(&o);
	ukwd__out_release(&o);
	return rc;
}
