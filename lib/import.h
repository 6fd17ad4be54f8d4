/* Transition only: the importers' list is the named-days list of days.h.
 * govuk-json.c still uses these names; they go when it moves to days.h. */
#ifndef UKWD_IMPORT_H
#define UKWD_IMPORT_H

#include "days.h"

#define UKWD__IMPORT_MAX_DAYS UKWD__DAYS_MAX
#define ukwd__import          ukwd__days

static inline void
ukwd__import_free(struct ukwd__days *list)
{
	ukwd__days_free(list);
}

static inline int
ukwd__import_add(struct ukwd__days *list, ukwd_date d, const char *name)
{
	return ukwd__days_add(list, d, name);
}

static inline int
ukwd__import_add_range(struct ukwd__days *list, ukwd_date first, ukwd_date last,
                       const char *name)
{
	return ukwd__days_add_range(list, first, last, name);
}

static inline int
ukwd__import_own(struct ukwd__days *list, char *name)
{
	return ukwd__days_own(list, name);
}

static inline int
ukwd__import_apply(ukwd_calendar_builder *b, const struct ukwd__days *list,
                   unsigned int flags)
{
	return ukwd__days_apply(b, list, flags);
}

#endif
