/* Shared by the importers (ical.c, govuk-json.c): the days a file holds,
 * collected before the builder is touched, then applied all at once. */
#ifndef UKWD_IMPORT_H
#define UKWD_IMPORT_H

#include "ukwd/ical.h"
#include "calendar-private.h"

/* The most days one import may hold, counting each day of each event
 * (issue 13: one event over the whole range is 3 M days; one that repeats
 * daily over it would be trillions): the public UKWD_ICAL_MAX_DAYS, which
 * GOV.UK JSON imports share. */
#define UKWD__IMPORT_MAX_DAYS UKWD_ICAL_MAX_DAYS

/* Days [first, last] named `name` (never NULL; "" when unnamed). */
struct ukwd__import_range {
	ukwd_date first, last;
	const char *name;
};

/* Zero-initialise. Days are held as ranges: consecutive days added one by
 * one with the same name pointer extend one range. */
struct ukwd__import {
	struct ukwd__import_range *range;
	size_t count, capacity;
	char **owned; /* names allocated by the importer */
	size_t nowned;
	size_t days; /* days recorded, at most UKWD__IMPORT_MAX_DAYS */
	/* Optional: where the cap's error is described (NULL: not at all). */
	ukwd_diag *diag;
};

void ukwd__import_free(struct ukwd__import *imp);
/* Record a day; the name must outlive ukwd__import_apply(). UKWD_ERANGE
 * past UKWD__IMPORT_MAX_DAYS days (described in imp->diag if set). Pass
 * the same pointer for every day of an event so that they share it. */
int ukwd__import_add(struct ukwd__import *imp, ukwd_date d, const char *name);
/* Record days [first, last] at once (first <= last): what an event of
 * many days should call, in one step rather than one per day. */
int ukwd__import_add_range(struct ukwd__import *imp, ukwd_date first,
                           ukwd_date last, const char *name);
/* Keep a name the importer allocated; freed by ukwd__import_free(). */
int ukwd__import_own(struct ukwd__import *imp, char *name);
/* Apply the days to the builder; on failure the builder is unchanged.
 * With UKWD_IMPORT_OFFICIAL (ukwd/ical.h) the days are the truth for the
 * years that hold them: those years' weekday holidays go first and the
 * years become official. */
int ukwd__import_apply(ukwd_calendar_builder *b, const struct ukwd__import *imp,
                       unsigned int flags);

#endif
