/* Shared by the importers (ical.c, govuk-json.c): the days a file holds,
 * collected before the builder is touched, then applied all at once. */
#ifndef UKWD_IMPORT_H
#define UKWD_IMPORT_H

#include "calendar-private.h"

struct ukwd__import {
	struct ukwd__day *day;
	size_t count, capacity;
	char **owned; /* names allocated by the importer */
	size_t nowned;
};

void ukwd__import_free(struct ukwd__import *imp);
/* Record a day; the name must outlive ukwd__import_apply(). */
int ukwd__import_add(struct ukwd__import *imp, ukwd_date d, const char *name);
/* Keep a name the importer allocated; freed by ukwd__import_free(). */
int ukwd__import_own(struct ukwd__import *imp, char *name);
/* Apply the days to the builder (UKWD_IMPORT_OFFICIAL as documented in
 * ukwd/ical.h); on failure the builder is unchanged. */
int ukwd__import_apply(ukwd_calendar_builder *b, const struct ukwd__import *imp,
                       unsigned int flags);

#endif
