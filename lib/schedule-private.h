/* What the renderers use of a schedule besides its public API: its
 * explanations written piece by piece, so that a format escapes only the
 * pieces that need it. */
#ifndef UKWD_SCHEDULE_PRIVATE_H
#define UKWD_SCHEDULE_PRIVATE_H

#include <stddef.h>

#include "ukwd/schedule.h"

/* Where ukwd__schedule_explain_to() writes a sentence: the library's own
 * words and dates (printable ASCII other than '"' and '\\', which no
 * format escapes), and a task's name as the plan holds it (any bytes:
 * the writer escapes or cleans them). */
struct ukwd__explain_writer {
	void (*words)(void *payload, const char *text, size_t len);
	/* Task `task`'s name, or its id when it has none: text. */
	void (*name)(void *payload, size_t task, const char *text);
	void *payload;
};

/* The sentence of ukwd_schedule_explain(), the same text, through w.
 * Returns 0, or the error of ukwd_schedule_driver() before anything is
 * written. */
int ukwd__schedule_explain_to(const struct ukwd__explain_writer *w,
                              const ukwd_schedule *sched, size_t task,
                              ukwd_schedule_side side);

#endif
