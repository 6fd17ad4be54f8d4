/* libFuzzer target: a baseline read from a schedule's JSON
 * (ukwd_baseline_read_json), then compared with a small schedule whose
 * task ids the inputs can name (ukwd_progress_new) and rendered with the
 * comparison (JSON, CSV and the text section). A read that fails must say
 * why; one that succeeds must keep every task it read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
discard(const char *buf, size_t len, void *payload)
{
	(void)buf;
	(void)len;
	(void)payload;
	return 0;
}

/* A plan of tasks A to E in a chain, scheduled once over 2026-2027. */
static const ukwd_schedule *
schedule(void)
{
	static ukwd_calendar *cal;
	static ukwd_plan *plan;
	static ukwd_schedule *sched;
	static const char csv[] = "id,name,duration,predecessors\n"
	                          "A,a,5,\nB,b,3,A\nC,c,0,B\nD,d,2,C\nE,e,1,\n";
	ukwd_date start;

	if (sched)
		return sched;
	if (ukwd_calendar_new_uk(&cal, UKWD_UK_ENGLAND_WALES, 2026, 2027) ||
	    ukwd_plan_read_csv(&plan, csv, sizeof(csv) - 1, NULL, NULL) ||
	    ukwd_date_from_ymd(&start, 2026, 1, 5) ||
	    ukwd_schedule_new(&sched, plan, cal, start, NULL, NULL))
		abort();
	return sched;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ukwd_schedule *sched = schedule();
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_baseline *b = NULL;
	ukwd_progress *p = NULL;
	ukwd_diag diag;

	if (ukwd_baseline_read_json(&b, (const char *)data, size, "fuzz",
	                            &diag) != 0) {
		if (diag.code == 0 || b)
			abort(); /* a failure must say why, and leave nothing */
		return 0;
	}
	if (ukwd_progress_new(&p, sched, b, &diag) == 0) {
		ukwd_task_slip slip;

		for (size_t t = 0; t < ukwd_schedule_task_count(sched); t++)
			if (ukwd_progress_task(&slip, p, t))
				abort();
		options.progress = p;
		if (ukwd_render_json(sched, &options, discard, NULL) ||
		    ukwd_render_csv(sched, &options, discard, NULL) ||
		    ukwd_render_progress(sched, &options, discard, NULL))
			abort();
		ukwd_progress_free(p);
	} else if (diag.code == 0) {
		abort();
	}
	ukwd_baseline_free(b);
	return 0;
}
