/* A list of named days: what every source of holidays (the UK rules in
 * uk.c, the importers in ical.c and govuk-json.c) collects before a
 * builder is touched, and how it is applied to one all at once. Part of
 * the calendar module: it uses only the builder's internals. */
#ifndef UKWD_DAYS_H
#define UKWD_DAYS_H

#include <stddef.h>

#include "ukwd/ical.h"
#include "calendar-private.h"

/* The most days one list may hold (importers: every day of every event
 * counts; one event over the whole range is 3 M days, one repeating daily
 * over it would be trillions; the UK rules hold about ten a year). */
#define UKWD__DAYS_MAX UKWD_ICAL_MAX_DAYS

/* Days [first, last] named `name` (never NULL; "" when unnamed). */
struct ukwd__day_run {
	ukwd_date first, last;
	const char *name;
};

/* Zero-initialise. Days are held as runs: a day added right after the
 * last run's end with the same name pointer extends that run, so an
 * event of many days costs one entry, not one per day. */
struct ukwd__days {
	struct ukwd__day_run *run;
	size_t count, capacity;
	char **owned; /* names allocated for the list; freed with it */
	size_t nowned, owned_capacity;
	size_t days; /* days recorded, at most UKWD__DAYS_MAX */
	/* Optional: where the cap's error is described (NULL: not at all). */
	ukwd_diag *diag;
};

void ukwd__days_free(struct ukwd__days *list);
/* Record days [first, last] (first <= last) under `name`, which must
 * outlive the list's use (or be given to ukwd__days_own()). Pass the same
 * pointer for every day of an event so that they share one run.
 * UKWD_ERANGE past UKWD__DAYS_MAX days (described in list->diag if
 * set). */
int ukwd__days_add_range(struct ukwd__days *list, ukwd_date first,
                         ukwd_date last, const char *name);
static inline int
ukwd__days_add(struct ukwd__days *list, ukwd_date d, const char *name)
{
	return ukwd__days_add_range(list, d, d, name);
}
/* Keep a name allocated for the list; freed by ukwd__days_free() (also
 * when this fails: then UKWD_ENOMEM). */
int ukwd__days_own(struct ukwd__days *list, char *name);
/* Give the last recorded day a second name, "first; second" (nothing if
 * it has that name already): a day two divisions name differently. */
int ukwd__days_join_last(struct ukwd__days *list, const char *name);
/* Add every day to the builder; on failure the builder is unchanged
 * (the work is done on a clone and swapped in). With UKWD_IMPORT_OFFICIAL
 * (ukwd/ical.h) the days are the truth for the years that hold them:
 * those years' weekday holidays go first and the years become official. */
int ukwd__days_apply(ukwd_calendar_builder *b, const struct ukwd__days *list,
                     unsigned int flags);

/* A calendar of the list's days (sorted by date, no two runs sharing a
 * day, as uk.c collects them) over [first, last], as
 * ukwd__calendar_assemble() makes it. */
int ukwd__days_assemble(ukwd_calendar **out, unsigned int weekend,
                        ukwd_date first, ukwd_date last,
                        const struct ukwd__days *list,
                        const unsigned char *provenance);

#endif
