/* The calendar's layout, shared by calendar.c (which builds it) and
 * workday.c (which queries it). */
#ifndef UKWD_CALENDAR_PRIVATE_H
#define UKWD_CALENDAR_PRIVATE_H

#include <stdint.h>

#include "ukwd/calendar.h"

/* Select samples: one per 64 working days. A sample holds the day offset
 * of its first working day; when the sample's 64 working days span more
 * than 255 days (long shutdowns, six-day weekends) it is flagged sparse
 * and add falls back to searching the rank array. */
#define UKWD__SELECT_SHIFT  6
#define UKWD__SELECT_SPARSE UINT32_C(0x80000000)

struct ukwd__holiday {
	ukwd_date date;
	uint32_t name; /* offset into ukwd_calendar.names */
};

struct ukwd_calendar {
	ukwd_date first, last; /* range, both inclusive */
	unsigned int weekend;  /* bit 0 Monday .. bit 6 Sunday */
	uint32_t nwords;       /* 64-day words covering the range */
	uint32_t total;        /* working days in the range */
	uint32_t nselect;      /* select samples: ceil(total / 64) */
	uint64_t *bits;        /* bit i of word w: day first + 64w + i works;
	                        * nwords + 1 words, the last always 0 */
	uint32_t *rank;        /* rank[w]: working days before word w */
	uint32_t *select;      /* select[j]: offset of working day 64j, and
	                        * UKWD__SELECT_SPARSE if its block is wide */
	unsigned char *delta;  /* delta[r]: offset of working day r minus
	                        * that of working day r & ~63 (dense blocks) */
	int first_year;        /* year of `first` */
	unsigned char *provenance; /* per year from first_year */
	size_t nholidays;
	struct ukwd__holiday *holidays; /* sorted by date, inside the range */
	char *names;                    /* NUL-separated name pool */
};

/* A named day, as the builder holds it and as ukwd__calendar_assemble()
 * takes it. */
struct ukwd__day {
	ukwd_date date;
	const char *name; /* never NULL; "" when unnamed */
};

/* Build a calendar from its parts. days: sorted by date, unique; days
 * outside [first, last] are ignored. provenance: one byte per year from
 * the year of `first` to the year of `last`. Names are copied. */
int ukwd__calendar_assemble(ukwd_calendar **out, unsigned int weekend,
                            ukwd_date first, ukwd_date last,
                            const struct ukwd__day *days, size_t count,
                            const unsigned char *provenance, ukwd_diag *diag);

/* Builder internals for importers, which must leave a builder exactly as
 * it was when they fail: they work on a clone and swap it in. */
int ukwd__builder_clone(ukwd_calendar_builder **out,
                        const ukwd_calendar_builder *b);
void ukwd__builder_swap(ukwd_calendar_builder *a, ukwd_calendar_builder *b);
/* The builder's range; UKWD_EINVAL when none is set. */
int ukwd__builder_range(const ukwd_calendar_builder *b, ukwd_date *first,
                        ukwd_date *last);
/* Add days [first, last] (first <= last, both valid dates) with one name,
 * copied once; as ukwd_calendar_builder_add_holiday() for each day. */
int ukwd__builder_add_range(ukwd_calendar_builder *b, ukwd_date first,
                            ukwd_date last, const char *name);
/* Drop the holidays in [from, to] that fall outside the weekend; 0 or
 * UKWD_ENOMEM (the builder unchanged). */
int ukwd__builder_remove_weekday_holidays(ukwd_calendar_builder *b,
                                          ukwd_date from, ukwd_date to);

#endif
