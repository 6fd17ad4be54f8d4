/* Critical-path schedules in working-day index space: a topological order
 * (Kahn's algorithm), a forward and a backward pass, then float, the
 * critical paths and the tasks with negative float. Every date is turned
 * into an index (and back) with O(1) calendar queries, so the whole is
 * linear in tasks + links.
 *
 * A milestone sits at a position between two working days; which day it
 * prints on depends on what put it there (a start or a finish), so each
 * pass also keeps, per milestone, whether its bound was a finish.
 *
 * The dates are kept as separate arrays rather than a record per task:
 * a pass reads two numbers of each neighbour, and neighbours are close in
 * a plan's order, so this keeps the reads within a few cache lines. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/schedule.h"
#include "ukwd/workday.h"
#include "plan-private.h"
#include "internal.h"
#include "schedule-private.h"

#define ID_IN_MESSAGE 40

/* What fixed a date, in one int32_t: a link index (>= 0) or one of these
 * (a constraint c is DRIVER_CONSTRAINT - c). */
#define DRIVER_PROJECT_START    (-1)
#define DRIVER_PROJECT_FINISH   (-2)
#define DRIVER_PROJECT_DEADLINE (-3)
#define DRIVER_CONSTRAINT       (-4)

#define CONSTRAINT_DRIVER(c) (DRIVER_CONSTRAINT - (int32_t)(c))
/* The status date: below every constraint's code. */
#define DRIVER_STATUS_DATE   (DRIVER_CONSTRAINT - 32)

/* Is a driver one of the task's own constraints (not the status date)? */
#define IS_CONSTRAINT_DRIVER(d)                                                \
	((d) <= DRIVER_CONSTRAINT &&                                           \
	 (d) > DRIVER_CONSTRAINT - UKWD_CONSTRAINT_TYPE_COUNT)

/* A milestone's kinds, one byte per task: the bit is set when the early
 * (late) position was put there by a finish, and the milestone prints on
 * the working day before its position. Always clear for other tasks. */
#define EARLY_AT_FINISH 1u
#define LATE_AT_FINISH  2u

/* The dates that fix a task in both passes. */
#define FIXING                                                                 \
	(1u << UKWD_CONSTRAINT_MUST_START_ON |                                 \
	 1u << UKWD_CONSTRAINT_MUST_FINISH_ON |                                \
	 1u << UKWD_CONSTRAINT_ACTUAL_START |                                  \
	 1u << UKWD_CONSTRAINT_ACTUAL_FINISH)

/* The per-task numbers, each an array of ntasks. A task occupies the
 * working days [es, ee) early and [ls, le) late. */
enum { ES, EE, LS, LE, FREE_FLOAT, EARLY_DRIVER, LATE_DRIVER, COLUMNS };

struct ukwd_schedule {
	const ukwd_plan *plan;
	unsigned long generation;
	const ukwd_calendar *cal;
	ukwd_schedule_direction direction;
	ukwd_date date;          /* the project date, as given */
	ukwd_date first_workday; /* working day number 0 */
	int32_t bound_start;     /* the lower bound of every start */
	int32_t bound_finish;    /* the upper bound of every last day */
	int32_t start, finish;   /* project: first and last printed day */
	int32_t working_days;    /* project: working days it spans */
	size_t ntasks;
	int has_status; /* made from a status date */
	ukwd_date status_date;
	int32_t *column[COLUMNS]; /* into one allocation, column[0] */
	unsigned char *kind;      /* after the columns, in the same one */
	size_t npaths, nnegative;
	size_t *critical;   /* critical paths' tasks, path by path */
	size_t *path_start; /* npaths + 1 offsets into critical */
	size_t *negative;
	/* The day of each working-day number in [day_first, day_first +
	 * day_count), and its text (YYYY-MM-DD, not NUL-terminated): every
	 * number the schedule stores, when they span few enough days;
	 * day_at() looks the rest up in the calendar. One allocation, day. */
	int32_t day_first;
	size_t day_count;
	ukwd_date *day;
	char (*day_text)[10];
};

/* A task's span and its date-derived bounds, in working-day numbers. */
struct bounds {
	int32_t span; /* working days occupied: e - s */
	int fixed;    /* start and end fixed in both passes */
	int64_t fixed_s, fixed_e;
	int32_t fixed_early, fixed_late; /* drivers */
	int has_start_bound;
	int64_t start_bound;  /* s >= start_bound */
	int32_t start_driver; /* what set start_bound */
	/* e <= end_bound[k] for finish-no-later-than (0), deadline (1) */
	int has_end_bound[2];
	int64_t end_bound[2];
};

struct context {
	ukwd_schedule *sched;
	const ukwd_plan *plan;
	const ukwd_calendar *cal;
	ukwd_diag *diag;
	struct ukwd__graph graph;
	ukwd_date cal_first, cal_last;
	int32_t total; /* working days in the calendar */
	int has_deadline;
	int64_t deadline_day; /* index of the project deadline, rolled back */
	int has_status;
	ukwd_date status_date;
	int64_t status_next; /* index of the first working day after it */
	/* the schedule's columns, for short names */
	int32_t *es, *ee, *ls, *le, *free_float, *early_driver, *late_driver;
	unsigned char *kind;
};

static const char *
task_id(const ukwd_plan *plan, size_t task)
{
	return plan->tasks[task].id;
}

/* The indices of the days a task prints as its first and last: for a
 * milestone driven by a finish, the day before its position. */
static int64_t
first_day(int64_t s, int64_t e, unsigned int at_finish)
{
	return e == s && at_finish ? s - 1 : s;
}

static int64_t
last_day(int64_t s, int64_t e, unsigned int at_finish)
{
	return e > s ? e - 1 : s - (at_finish != 0);
}

/* A milestone's position as a point in time, to compare bounds: the end
 * of the day before position s (driven by a finish) comes just before
 * the start of day s, as Friday 17:00 comes before Monday 08:00. */
static int64_t
point(int64_t s, unsigned int at_finish)
{
	return 2 * s + !at_finish;
}

static int
constraint_bounds_finish(ukwd_constraint_type type)
{
	return type == UKWD_CONSTRAINT_FINISH_NO_LATER_THAN ||
	       type == UKWD_CONSTRAINT_MUST_FINISH_ON ||
	       type == UKWD_CONSTRAINT_DEADLINE ||
	       type == UKWD_CONSTRAINT_ACTUAL_FINISH;
}

/* Does a constraint driver (a fixing date) put a milestone at a finish? */
static unsigned int
driver_at_finish(int32_t driver)
{
	return IS_CONSTRAINT_DRIVER(driver) &&
	       constraint_bounds_finish(
	           (ukwd_constraint_type)(DRIVER_CONSTRAINT - driver));
}

static int
range_error(struct context *c, size_t task, const char *what, ukwd_date d)
{
	char day[UKWD_DATE_STRLEN], first[UKWD_DATE_STRLEN],
	    last[UKWD_DATE_STRLEN];

	if (ukwd_date_format(day, sizeof(day), d))
		snprintf(day, sizeof(day), "?");
	ukwd_date_format(first, sizeof(first), c->cal_first);
	ukwd_date_format(last, sizeof(last), c->cal_last);
	return ukwd__diag_set(c->diag, UKWD_ERANGE, 0, 0,
	                      "task '%.*s': %s %s is outside the calendar "
	                      "(%s to %s)",
	                      ID_IN_MESSAGE, task_id(c->plan, task), what, day,
	                      first, last);
}

/* Working days before d in the calendar: the number of d rolled forward
 * (the calendar's total when no working day follows). */
static int
index_on_or_after(int64_t *out, struct context *c, size_t task,
                  const char *what, ukwd_date d)
{
	int32_t n;

	if (d < c->cal_first || d > c->cal_last ||
	    ukwd_workday_count(&n, c->cal, c->cal_first, d))
		return range_error(c, task, what, d);
	*out = n;
	return 0;
}

/* The number of d rolled back (-1 when no working day precedes it). */
static int
index_on_or_before(int64_t *out, struct context *c, size_t task,
                   const char *what, ukwd_date d)
{
	int32_t n;

	if (d < c->cal_first || d > c->cal_last ||
	    ukwd_workday_count(&n, c->cal, c->cal_first, d + 1))
		return range_error(c, task, what, d);
	*out = (int64_t)n - 1;
	return 0;
}

#define HAS(extra, type) (((extra)->has >> (type)) & 1u)

static int
task_bounds(struct bounds *b, struct context *c, size_t t)
{
	const struct ukwd__task_extra *x = ukwd__task_extra(c->plan, t);
	int32_t d = c->plan->tasks[t].duration;
	int64_t day;
	int rc = 0;

	b->span = d;
	b->fixed = b->has_start_bound = 0;
	b->has_end_bound[0] = b->has_end_bound[1] = 0;
	if (c->has_status && !(x && (HAS(x, UKWD_CONSTRAINT_ACTUAL_START) ||
	                             HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH)))) {
		/* Work not done: after the status date. (A date that fixes
		 * such a task before it was refused by check_status().) */
		b->has_start_bound = 1;
		b->start_bound = c->status_next;
		b->start_driver = DRIVER_STATUS_DATE;
	}
	if (!x || !x->has)
		return 0;
	if (HAS(x, UKWD_CONSTRAINT_ACTUAL_START)) {
		rc = index_on_or_after(&b->fixed_s, c, t, "actual start",
		                       x->date[UKWD_CONSTRAINT_ACTUAL_START]);
		b->fixed_e = b->fixed_s + d;
		b->fixed_early = b->fixed_late =
		    CONSTRAINT_DRIVER(UKWD_CONSTRAINT_ACTUAL_START);
		if (rc == 0 && c->has_status &&
		    !HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH) &&
		    (d > 0 || x->remaining >= 0)) {
			/* In progress: the work left runs on from the first
			 * working day after the status date. */
			int64_t from = b->fixed_s > c->status_next
			                   ? b->fixed_s
			                   : c->status_next;
			int64_t left = x->remaining;

			if (left < 0) {
				left = d - (c->status_next - b->fixed_s);
				if (left < 0)
					left = 0;
			}
			b->fixed_e = from + left;
			/* Its finish: the work left after the status date,
			 * not the actual start (which fixes its start). */
			b->fixed_late = DRIVER_STATUS_DATE;
		}
		if (rc == 0 && d > 0 && HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH)) {
			rc = index_on_or_before(
			    &day, c, t, "actual finish",
			    x->date[UKWD_CONSTRAINT_ACTUAL_FINISH]);
			b->fixed_e =
			    day + 1 > b->fixed_s ? day + 1 : b->fixed_s;
			b->fixed_late =
			    CONSTRAINT_DRIVER(UKWD_CONSTRAINT_ACTUAL_FINISH);
		}
		b->fixed = 1;
	} else if (HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH) ||
	           HAS(x, UKWD_CONSTRAINT_MUST_FINISH_ON)) {
		ukwd_constraint_type type =
		    HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH)
		        ? UKWD_CONSTRAINT_ACTUAL_FINISH
		        : UKWD_CONSTRAINT_MUST_FINISH_ON;

		rc = index_on_or_before(
		    &day, c, t, ukwd_constraint_type_name(type), x->date[type]);
		b->fixed_e = day + 1;
		b->fixed_s = b->fixed_e - d;
		b->fixed_early = b->fixed_late = CONSTRAINT_DRIVER(type);
		b->fixed = 1;
	} else if (HAS(x, UKWD_CONSTRAINT_MUST_START_ON)) {
		rc = index_on_or_after(&b->fixed_s, c, t, "must start on",
		                       x->date[UKWD_CONSTRAINT_MUST_START_ON]);
		b->fixed_e = b->fixed_s + d;
		b->fixed_early = b->fixed_late =
		    CONSTRAINT_DRIVER(UKWD_CONSTRAINT_MUST_START_ON);
		b->fixed = 1;
	}
	if (b->fixed)
		b->span = (int32_t)(b->fixed_e - b->fixed_s);
	if (rc == 0 && HAS(x, UKWD_CONSTRAINT_START_NO_EARLIER_THAN)) {
		int64_t bound = 0;

		rc = index_on_or_after(
		    &bound, c, t, "start no earlier than",
		    x->date[UKWD_CONSTRAINT_START_NO_EARLIER_THAN]);
		/* The task's own date wins a tie with the status date. */
		if (!b->has_start_bound || bound >= b->start_bound) {
			b->start_bound = bound;
			b->start_driver = CONSTRAINT_DRIVER(
			    UKWD_CONSTRAINT_START_NO_EARLIER_THAN);
		}
		b->has_start_bound = 1;
	}
	for (int k = 0; rc == 0 && k < 2; k++) {
		ukwd_constraint_type type =
		    k ? UKWD_CONSTRAINT_DEADLINE
		      : UKWD_CONSTRAINT_FINISH_NO_LATER_THAN;

		if (!HAS(x, type))
			continue;
		b->has_end_bound[k] = 1;
		rc = index_on_or_before(
		    &day, c, t, ukwd_constraint_type_name(type), x->date[type]);
		b->end_bound[k] = day + 1;
	}
	return rc;
}

/* A computed date that falls outside the calendar. */
static int
computed_range_error(struct context *c, size_t task, int late, int before)
{
	char day[UKWD_DATE_STRLEN];
	ukwd_date edge = c->sched->first_workday;

	if (!before)
		ukwd_workday_roll(&edge, c->cal, c->cal_last,
		                  UKWD_ROLL_PRECEDING);
	ukwd_date_format(day, sizeof(day), edge);
	return ukwd__diag_set(
	    c->diag, UKWD_ERANGE, 0, 0,
	    "task '%.*s': its %s %s would be %s %s, the "
	    "calendar's %s working day",
	    ID_IN_MESSAGE, task_id(c->plan, task), late ? "late" : "early",
	    before ? "start" : "finish", before ? "before" : "after", day,
	    before ? "first" : "last");
}

/* Check the days a task prints on against the calendar. */
static int
check(struct context *c, size_t t, int late, int64_t s, int64_t e,
      unsigned int at_finish)
{
	if (first_day(s, e, at_finish) < 0)
		return computed_range_error(c, t, late, 1);
	if (last_day(s, e, at_finish) >= c->total)
		return computed_range_error(c, t, late, 0);
	return 0;
}

/* Does a link put a milestone at a finish: FS and FF do, SS and SF do
 * not, and a link from (early) or to (late) another milestone passes on
 * that milestone's kind. other: the task at the far end; bit: its kind. */
static unsigned int
link_at_finish(const struct context *c, const int32_t *starts,
               const int32_t *ends, uint32_t other, unsigned int bit,
               uint32_t type)
{
	if (starts[other] == ends[other])
		return (c->kind[other] & bit) != 0;
	return type == UKWD_LINK_FS || type == UKWD_LINK_FF;
}

/* Early dates, in topological order, with every start >= start_bound:
 * each task pulls the bounds of the links into it. */
static int
forward_pass(struct context *c, int64_t start_bound)
{
	const struct ukwd__graph *g = &c->graph;
	int32_t *es = c->es, *ee = c->ee;

	for (size_t k = 0; k < g->ntasks; k++) {
		uint32_t t = g->order[k];
		struct bounds b;
		int64_t s, e;
		int32_t driver;
		unsigned int at_finish = 0;
		int rc = task_bounds(&b, c, t);

		if (rc)
			return rc;
		if (b.fixed) {
			s = b.fixed_s;
			e = b.fixed_e;
			driver = b.fixed_early;
			at_finish = driver_at_finish(driver);
		} else {
			s = start_bound;
			driver = DRIVER_PROJECT_START;
			if (b.has_start_bound && b.start_bound >= s) {
				s = b.start_bound;
				driver = b.start_driver;
			}
			/* Edges come in link order: the first link wins a
			 * tie. */
			for (uint32_t i = g->start[t]; i < g->start[t + 1];
			     i++) {
				const struct ukwd__edge edge_i =
				                            ukwd__graph_edge(g,
				                                             i),
				                        *edge = &edge_i;
				uint32_t p = edge->predecessor,
				         type = edge->link & 3u;
				unsigned int from_finish;
				int64_t v = edge->lag;

				switch (type) {
				case UKWD_LINK_FS:
					v += ee[p];
					break;
				case UKWD_LINK_SS:
					v += es[p];
					break;
				case UKWD_LINK_FF:
					v += (int64_t)ee[p] - b.span;
					break;
				default: /* SF */
					v += (int64_t)es[p] - b.span;
					break;
				}
				if (b.span > 0) {
					if (v > s || (v == s && driver < 0)) {
						s = v;
						driver =
						    (int32_t)(edge->link >> 2);
					}
					continue;
				}
				/* A milestone: at one position, a start
				 * is later than a finish. */
				from_finish = link_at_finish(
				    c, es, ee, p, EARLY_AT_FINISH, type);
				if (point(v, from_finish) >
				        point(s, at_finish) ||
				    (point(v, from_finish) ==
				         point(s, at_finish) &&
				     driver < 0)) {
					s = v;
					driver = (int32_t)(edge->link >> 2);
					at_finish = from_finish;
				}
			}
			e = s + b.span;
		}
		if (b.span > 0)
			at_finish = 0;
		rc = check(c, t, 0, s, e, at_finish);
		if (rc)
			return rc;
		es[t] = (int32_t)s;
		ee[t] = (int32_t)e;
		c->early_driver[t] = driver;
		c->kind[t] = (unsigned char)((c->kind[t] & LATE_AT_FINISH) |
		                             (at_finish ? EARLY_AT_FINISH : 0));
	}
	return 0;
}

/* Is this late driver one that fixes its task? A fixing constraint, or
 * the status date, the late driver only of a task in progress. */
static int
driver_fixes(int32_t driver)
{
	return driver == DRIVER_STATUS_DATE ||
	       (IS_CONSTRAINT_DRIVER(driver) &&
	        (FIXING >> (DRIVER_CONSTRAINT - driver) & 1u));
}

/* Late dates, with every last day <= finish_bound: e <= finish_bound + 1,
 * a milestone at the end of that day at the latest. Each task starts from
 * its own bounds; then, in reverse topological order, each task's late
 * dates are final and it pushes the bounds of the links into it onto its
 * predecessors (a tie goes to the link added first). */
static int
backward_pass(struct context *c, int64_t finish_bound)
{
	const struct ukwd__graph *g = &c->graph;
	int32_t *ls = c->ls, *le = c->le, *late_driver = c->late_driver;
	unsigned char *kind = c->kind;

	for (size_t t = 0; t < g->ntasks; t++) {
		struct bounds b;
		int64_t e;
		int32_t driver;
		unsigned int at_finish = 1;
		int rc = task_bounds(&b, c, t);

		if (rc)
			return rc;
		if (b.fixed) {
			e = b.fixed_e;
			driver = b.fixed_late;
			at_finish = driver_at_finish(driver);
		} else {
			e = finish_bound + 1;
			driver = DRIVER_PROJECT_FINISH;
			if (c->has_deadline && c->deadline_day + 1 <= e) {
				e = c->deadline_day + 1;
				driver = DRIVER_PROJECT_DEADLINE;
			}
			for (int i = 0; i < 2; i++)
				if (b.has_end_bound[i] && b.end_bound[i] <= e) {
					e = b.end_bound[i];
					driver = CONSTRAINT_DRIVER(
					    i ? UKWD_CONSTRAINT_DEADLINE
					      : UKWD_CONSTRAINT_FINISH_NO_LATER_THAN);
				}
		}
		/* Every bound here and below is a calendar index give or
		 * take a duration and a lag (each at most 4,000,000): it
		 * fits an int32_t until check() looks at it. */
		le[t] = (int32_t)e;
		ls[t] = (int32_t)(e - b.span);
		late_driver[t] = driver;
		kind[t] =
		    (unsigned char)((kind[t] & EARLY_AT_FINISH) |
		                    (b.span == 0 && at_finish ? LATE_AT_FINISH
		                                              : 0));
	}
	for (size_t k = g->ntasks; k-- > 0;) {
		uint32_t x = g->order[k];
		int rc;

		/* No working day precedes the calendar's first: a milestone
		 * there is at the start of it. */
		if (ls[x] == 0 && le[x] == 0)
			kind[x] &= (unsigned char)~LATE_AT_FINISH;
		rc = check(c, x, 1, ls[x], le[x], kind[x] & LATE_AT_FINISH);

		if (rc)
			return rc;
		for (uint32_t i = g->start[x]; i < g->start[x + 1]; i++) {
			const struct ukwd__edge edge_i = ukwd__graph_edge(g, i),
			                        *edge = &edge_i;
			uint32_t p = edge->predecessor, type = edge->link & 3u;
			unsigned int to_finish, at_finish;
			int32_t link, span;
			int64_t v = -(int64_t)edge->lag;

			if (driver_fixes(late_driver[p]))
				continue;
			span = le[p] - ls[p];
			switch (type) {
			case UKWD_LINK_FS:
				v += ls[x];
				break;
			case UKWD_LINK_SS:
				v += (int64_t)ls[x] + span;
				break;
			case UKWD_LINK_FF:
				v += le[x];
				break;
			default: /* SF */
				v += (int64_t)le[x] + span;
				break;
			}
			link = (int32_t)(edge->link >> 2);
			if (span > 0) {
				if (v < le[p] ||
				    (v == le[p] && (late_driver[p] < 0 ||
				                    late_driver[p] > link))) {
					le[p] = (int32_t)v;
					ls[p] = (int32_t)(v - span);
					late_driver[p] = link;
				}
				continue;
			}
			/* A milestone: at one position, a finish is
			 * earlier than a start. */
			to_finish =
			    link_at_finish(c, ls, le, x, LATE_AT_FINISH, type);
			at_finish = kind[p] & LATE_AT_FINISH;
			if (point(v, to_finish) < point(le[p], at_finish) ||
			    (point(v, to_finish) == point(le[p], at_finish) &&
			     (late_driver[p] < 0 || late_driver[p] > link))) {
				le[p] = ls[p] = (int32_t)v;
				late_driver[p] = link;
				kind[p] =
				    (unsigned char)((kind[p] &
				                     EARLY_AT_FINISH) |
				                    (to_finish ? LATE_AT_FINISH
				                               : 0));
			}
		}
	}
	return 0;
}

/* Where a link's ends are, early: the predecessor's end (FS, FF) or start
 * (SS, SF) plus the lag, against the successor's start (FS, SS) or end
 * (FF, SF). The link's early slack is the difference; with the
 * successor's late position instead, its own float. */
static int64_t
link_from(const struct ukwd__link *link, const struct context *c)
{
	ukwd_link_type type = ukwd__link_type(link);
	uint32_t p = link->predecessor;

	return (int64_t)(type == UKWD_LINK_FS || type == UKWD_LINK_FF
	                     ? c->ee[p]
	                     : c->es[p]) +
	       link->lag;
}

static int64_t
link_to(const struct ukwd__link *link, const int32_t *starts,
        const int32_t *ends)
{
	ukwd_link_type type = ukwd__link_type(link);

	return type == UKWD_LINK_FS || type == UKWD_LINK_SS
	           ? starts[link->successor]
	           : ends[link->successor];
}

/* One sweep over the links: free float, the least early slack of a
 * task's links and of the project's last day (a task may end, a milestone
 * fall at the end of that day), no more than its total float. */
static void
sweep_links(struct context *c)
{
	const struct ukwd__link *links = c->plan->links;
	int32_t *es = c->es, *ee = c->ee, *ls = c->ls;
	int32_t *free_float = c->free_float;

	for (size_t t = 0; t < c->sched->ntasks; t++)
		free_float[t] = c->sched->finish + 1 - ee[t];
	for (size_t l = 0; l < c->plan->nlinks; l++) {
		const struct ukwd__link *link = &links[l];
		uint32_t p = link->predecessor;
		int64_t slack = link_to(link, es, ee) - link_from(link, c);

		if (slack < free_float[p])
			free_float[p] = (int32_t)slack;
	}
	for (size_t t = 0; t < c->sched->ntasks; t++)
		if (free_float[t] > ls[t] - es[t])
			free_float[t] = ls[t] - es[t];
}

/* A critical link: both ends critical, and no float of its own (the
 * successor's late position less the predecessor's early one and the
 * lag is 0 or less). edge: one of the links into x. */
static int
edge_critical(const struct context *c, const struct ukwd__edge *edge,
              uint32_t x)
{
	uint32_t p = edge->predecessor, type = edge->link & 3u;
	int64_t from, to;

	if (c->ls[p] > c->es[p] || c->ls[x] > c->es[x])
		return 0;
	from =
	    (int64_t)(type == UKWD_LINK_FS || type == UKWD_LINK_FF ? c->ee[p]
	                                                           : c->es[p]) +
	    edge->lag;
	to = type == UKWD_LINK_FS || type == UKWD_LINK_SS ? c->ls[x] : c->le[x];
	return to - from <= 0;
}

/* Where the chains go. With path_start NULL, only npaths and nentries
 * are counted; with critical NULL, each path's length into
 * path_start[path + 1]; else each entry at path_start[path]++. */
struct chains {
	size_t npaths, nentries;
	size_t *path_start;
	size_t *critical;
};

static void
chain_add(struct chains *ch, uint32_t path, uint32_t task)
{
	ch->nentries++;
	if (!ch->path_start)
		return;
	if (!ch->critical)
		ch->path_start[path + 1]++;
	else
		ch->critical[ch->path_start[path]++] = task;
}

/* The critical paths as chains (see ukwd_schedule_critical_path_count()):
 * the critical tasks in topological order, each extending the open path
 * that ends at its first critical predecessor able to take it, closing
 * the others that end at one (a join), or starting a path, from its first
 * critical predecessor when it has one (a branch). open_end[t]: the path
 * that ends at t and is open, else UINT32_MAX. Deterministic, so that the
 * three walks (count, measure, fill) agree. */
static void
chain_walk(const struct context *c, uint32_t *open_end, struct chains *ch)
{
	const struct ukwd__graph *g = &c->graph;
	const uint32_t none = UINT32_MAX;

	ch->npaths = ch->nentries = 0;
	for (size_t t = 0; t < g->ntasks; t++)
		open_end[t] = none;
	for (size_t k = 0; k < g->ntasks; k++) {
		uint32_t x = g->order[k], path = none, first = none;

		if (c->ls[x] > c->es[x])
			continue;
		for (uint32_t i = g->start[x]; i < g->start[x + 1]; i++) {
			const struct ukwd__edge edge = ukwd__graph_edge(g, i);
			uint32_t p = edge.predecessor;

			if (!edge_critical(c, &edge, x))
				continue;
			if (first == none)
				first = p;
			if (open_end[p] == none)
				continue;
			chain_add(ch, open_end[p], x);
			if (path == none)
				path = open_end[p];
			open_end[p] = none;
		}
		if (path == none) {
			path = (uint32_t)ch->npaths++;
			if (first != none)
				chain_add(ch, path, first);
			chain_add(ch, path, x);
		}
		open_end[x] = path;
	}
}

/* The critical paths, and the tasks with negative float. open_end:
 * ntasks words of scratch. */
static int
critical_paths(struct context *c, uint32_t *open_end)
{
	ukwd_schedule *s = c->sched;
	struct chains ch = {0, 0, NULL, NULL};
	size_t nnegative = 0;

	for (size_t t = 0; t < s->ntasks; t++)
		nnegative += c->ls[t] < c->es[t];
	chain_walk(c, open_end, &ch);
	s->npaths = ch.npaths;
	s->path_start = ukwd__calloc(ch.npaths + 1, sizeof(*s->path_start));
	s->critical = ukwd__malloc(ch.nentries * sizeof(*s->critical));
	s->negative = ukwd__malloc(nnegative * sizeof(*s->negative));
	if (!s->path_start || !s->critical || !s->negative)
		return UKWD_ENOMEM;
	for (size_t t = 0; t < s->ntasks; t++)
		if (c->ls[t] < c->es[t])
			s->negative[s->nnegative++] = t;
	ch.path_start = s->path_start;
	chain_walk(c, open_end, &ch);
	for (size_t p = 1; p <= ch.npaths; p++)
		s->path_start[p] += s->path_start[p - 1];
	ch.critical = s->critical;
	chain_walk(c, open_end, &ch);
	/* Each path_start[p] now holds where path p ends. */
	for (size_t p = ch.npaths; p > 0; p--)
		s->path_start[p] = s->path_start[p - 1];
	s->path_start[0] = 0;
	return 0;
}

/* The project's first and last printed days and the working days it
 * spans, from the early dates. */
static void
project_span(struct context *c)
{
	ukwd_schedule *s = c->sched;
	int32_t start = s->bound_start, finish = s->bound_start,
	        first = s->bound_start, end = s->bound_start;

	for (size_t t = 0; t < s->ntasks; t++) {
		unsigned int at_finish = c->kind[t] & EARLY_AT_FINISH;
		int32_t day = (int32_t)first_day(c->es[t], c->ee[t], at_finish),
		        last = (int32_t)last_day(c->es[t], c->ee[t], at_finish);

		if (day < start)
			start = day;
		if (c->es[t] < first)
			first = c->es[t];
		if (t == 0 || last > finish)
			finish = last;
		if (t == 0 || c->ee[t] > end)
			end = c->ee[t];
	}
	s->start = start;
	s->finish = finish;
	s->working_days = end > first ? end - first : 0;
}

/* The project's own date outside the calendar, or with no working day
 * on the side it rolls to. */
static int
project_range_error(struct context *c, const char *what, ukwd_date d,
                    const char *side)
{
	char day[UKWD_DATE_STRLEN], first[UKWD_DATE_STRLEN],
	    last[UKWD_DATE_STRLEN];

	if (ukwd_date_format(day, sizeof(day), d))
		snprintf(day, sizeof(day), "?");
	ukwd_date_format(first, sizeof(first), c->cal_first);
	ukwd_date_format(last, sizeof(last), c->cal_last);
	if (d < c->cal_first || d > c->cal_last)
		return ukwd__diag_set(c->diag, UKWD_ERANGE, 0, 0,
		                      "the %s %s is outside the calendar (%s "
		                      "to %s)",
		                      what, day, first, last);
	return ukwd__diag_set(c->diag, UKWD_ERANGE, 0, 0,
	                      "the calendar has no working day %s the %s %s",
	                      side, what, day);
}

/* The day table (struct ukwd_schedule): the numbers from the lowest
 * start, less one (a milestone at a finish prints on the day before), to
 * the highest end, early and late, the project's bounds among them.
 * Reading a schedule turns each number into a date four times a task
 * (ukwd_schedule_task()) and explaining it writes one more: a look-up
 * here instead of a search of the calendar and a conversion each time.
 * Kept only while it holds no more days than there are tasks (and a few
 * years), so that it costs at most 14 bytes a task. */
static int
day_table(struct context *c)
{
	ukwd_schedule *s = c->sched;
	int32_t low = s->bound_start, high = s->bound_finish;
	size_t count;
	ukwd_date d;

	for (size_t t = 0; t < s->ntasks; t++) {
		low = c->es[t] < low ? c->es[t] : low;
		low = c->ls[t] < low ? c->ls[t] : low;
		high = c->ee[t] > high ? c->ee[t] : high;
		high = c->le[t] > high ? c->le[t] : high;
	}
	low = low > 0 ? low - 1 : 0;
	high = high < c->total - 1 ? high : c->total - 1;
	if (low > high || (size_t)(high - low) >= s->ntasks + 4096)
		return 0;
	count = (size_t)(high - low) + 1;
	s->day = ukwd__malloc(count * (sizeof(*s->day) + sizeof(*s->day_text)));
	if (!s->day)
		return UKWD_ENOMEM;
	s->day_text = (char(*)[10])(void *)(s->day + count);
	s->day_first = low;
	/* Every number here is a working day of the calendar. */
	if (ukwd_workday_add(&d, c->cal, s->first_workday, low))
		return 0;
	for (size_t k = 0; k < count; k++) {
		char text[UKWD_DATE_STRLEN];

		if ((k && ukwd_workday_next(&d, c->cal, d)) ||
		    ukwd_date_format(text, sizeof(text), d))
			return 0;
		s->day[k] = d;
		memcpy(s->day_text[k], text, sizeof(s->day_text[k]));
	}
	s->day_count = count;
	return 0;
}

/* An error about task t's own dates, at its record's line when a reader
 * noted one. */
static int
task_date_error(struct context *c, size_t t, const char *what, ukwd_date d,
                const char *problem)
{
	const struct ukwd__task_extra *x = ukwd__task_extra(c->plan, t);
	char day[UKWD_DATE_STRLEN], status[UKWD_DATE_STRLEN];

	ukwd_date_format(day, sizeof(day), d);
	ukwd_date_format(status, sizeof(status), c->status_date);
	return ukwd__diag_set(c->diag, UKWD_EINVAL, x ? x->line : 0, 0,
	                      "task '%.*s': %s %s %s %s", ID_IN_MESSAGE,
	                      task_id(c->plan, t), what, day, problem, status);
}

/* What a status date (or its absence) refuses: see schedule.h. */
static int
check_status(struct context *c)
{
	static const ukwd_constraint_type fixing[] = {
	    UKWD_CONSTRAINT_MUST_START_ON, UKWD_CONSTRAINT_MUST_FINISH_ON};

	for (size_t t = 0; t < c->plan->ntasks; t++) {
		const struct ukwd__task_extra *x = ukwd__task_extra(c->plan, t);
		int started, finished;

		if (!x)
			continue;
		started = HAS(x, UKWD_CONSTRAINT_ACTUAL_START);
		finished = HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH);
		if (!c->has_status) {
			if (x->remaining >= 0)
				return ukwd__diag_set(
				    c->diag, UKWD_EINVAL, x->line, 0,
				    "task '%.*s': remaining work is given but "
				    "no status date, the day it counts from",
				    ID_IN_MESSAGE, task_id(c->plan, t));
			continue;
		}
		for (int k = 0; k < 2; k++) {
			ukwd_constraint_type type =
			    k ? UKWD_CONSTRAINT_ACTUAL_FINISH
			      : UKWD_CONSTRAINT_ACTUAL_START;

			if (HAS(x, type) && x->date[type] > c->status_date)
				return task_date_error(
				    c, t, ukwd_constraint_type_name(type),
				    x->date[type], "is after the status date");
		}
		if (x->remaining >= 0 && !(started && !finished))
			return ukwd__diag_set(
			    c->diag, UKWD_EINVAL, x->line, 0,
			    "task '%.*s': remaining work is for a task in "
			    "progress (an actual start and no actual finish); "
			    "this one %s",
			    ID_IN_MESSAGE, task_id(c->plan, t),
			    finished ? "has finished" : "has not started");
		if (started || finished)
			continue;
		for (int k = 0; k < 2; k++)
			if (HAS(x, fixing[k]) &&
			    x->date[fixing[k]] <= c->status_date)
				return task_date_error(
				    c, t, ukwd_constraint_type_name(fixing[k]),
				    x->date[fixing[k]],
				    "but has not started (no actual start) by "
				    "the status date");
	}
	return 0;
}

static int
schedule_compute(struct context *c, ukwd_date date)
{
	ukwd_schedule *s = c->sched;
	uint32_t *scratch;
	const uint32_t *cycle;
	int64_t bound;
	size_t length;
	int rc;

	scratch = ukwd__malloc(c->plan->ntasks * sizeof(*scratch));
	if (!scratch)
		return ukwd__diag_set(c->diag, UKWD_ENOMEM, 0, 0,
		                      "out of memory");
	rc = ukwd__graph_build(&c->graph, c->plan, scratch, &cycle, &length,
	                       c->diag);
	if (rc)
		goto out;
	if (c->has_status) {
		int32_t n;

		if (c->status_date < c->cal_first ||
		    c->status_date > c->cal_last) {
			rc = project_range_error(c, "status date",
			                         c->status_date, "");
			goto out;
		}
		ukwd_workday_count(&n, c->cal, c->cal_first,
		                   c->status_date + 1);
		c->status_next = n;
	}
	rc = check_status(c);
	if (rc)
		goto out;
	if (c->plan->has_deadline) {
		int32_t n;

		c->has_deadline = 1;
		if (c->plan->deadline < c->cal_first ||
		    c->plan->deadline > c->cal_last) {
			rc = project_range_error(c, "project deadline",
			                         c->plan->deadline, "");
			goto out;
		}
		ukwd_workday_count(&n, c->cal, c->cal_first,
		                   c->plan->deadline + 1);
		c->deadline_day = (int64_t)n - 1;
	}
	if (s->direction == UKWD_SCHEDULE_FORWARD) {
		int32_t n = 0;

		if (date < c->cal_first || date > c->cal_last ||
		    ukwd_workday_count(&n, c->cal, c->cal_first, date) ||
		    n >= c->total) {
			rc = project_range_error(c, "project start", date,
			                         "on or after");
			goto out;
		}
		s->bound_start = n;
		rc = forward_pass(c, n);
		if (rc)
			goto out;
		s->bound_finish = n;
		for (size_t t = 0; t < s->ntasks; t++) {
			int64_t last = last_day(c->es[t], c->ee[t],
			                        c->kind[t] & EARLY_AT_FINISH);

			if (t == 0 || last > s->bound_finish)
				s->bound_finish = (int32_t)last;
		}
		rc = backward_pass(c, s->bound_finish);
	} else {
		int32_t n = 0;

		if (date < c->cal_first || date > c->cal_last ||
		    ukwd_workday_count(&n, c->cal, c->cal_first, date + 1) ||
		    n == 0) {
			rc = project_range_error(c, "project finish", date,
			                         "on or before");
			goto out;
		}
		s->bound_finish = n - 1;
		rc = backward_pass(c, s->bound_finish);
		if (rc)
			goto out;
		bound = s->bound_finish;
		for (size_t t = 0; t < s->ntasks; t++)
			if (c->ls[t] < bound)
				bound = c->ls[t];
		s->bound_start = (int32_t)bound;
		rc = forward_pass(c, bound);
	}
	if (rc)
		goto out;
	/* A milestone with no float is one moment: it prints on the same
	 * day early and late, as its early dates say (a kick-off at the
	 * project start stays on the start day). */
	for (size_t t = 0; t < s->ntasks; t++)
		if (c->es[t] == c->ee[t] && c->ls[t] == c->es[t] &&
		    c->ls[t] == c->le[t])
			c->kind[t] =
			    (unsigned char)((c->kind[t] & EARLY_AT_FINISH)
			                        ? EARLY_AT_FINISH |
			                              LATE_AT_FINISH
			                        : 0);
	project_span(c);
	sweep_links(c);
	rc = critical_paths(c, scratch);
	if (rc == 0)
		rc = day_table(c);
	if (rc)
		rc = ukwd__diag_set(c->diag, rc, 0, 0, "out of memory");
out:
	ukwd__free(scratch);
	ukwd__graph_free(&c->graph);
	return rc;
}

void
ukwd_schedule_free(ukwd_schedule *sched)
{
	if (!sched)
		return;
	ukwd__free(sched->column[0]);
	ukwd__free(sched->critical);
	ukwd__free(sched->path_start);
	ukwd__free(sched->negative);
	ukwd__free(sched->day);
	ukwd__free(sched);
}

/* The members of each version of ukwd_schedule_options. */
static const size_t options_sizes[UKWD_SCHEDULE_OPTIONS_VERSION] = {
    offsetof(ukwd_schedule_options, has_status_date),
    sizeof(ukwd_schedule_options)};

int
ukwd_schedule_options_init(ukwd_schedule_options *options, unsigned int version)
{
	static const ukwd_schedule_options defaults =
	    UKWD_SCHEDULE_OPTIONS_INIT;

	if (!options || version == 0)
		return UKWD_EINVAL;
	return ukwd__versioned_export(options, version, &defaults,
	                              options_sizes,
	                              UKWD_SCHEDULE_OPTIONS_VERSION);
}

int
ukwd_schedule_new(ukwd_schedule **out, const ukwd_plan *plan,
                  const ukwd_calendar *cal, ukwd_date date,
                  const ukwd_schedule_options *options, ukwd_diag *diag)
{
	static const ukwd_schedule_options defaults =
	    UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_schedule_options opts = defaults;
	struct context c;
	ukwd_schedule *s;
	int32_t total;
	int rc;

	ukwd__diag_clear(diag);
	if (!out || !plan || !cal)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no schedule, plan or calendar given "
		                      "(NULL)");
	if (options && (ukwd__versioned_copy(&opts, &defaults, sizeof(opts),
	                                     options, options_sizes,
	                                     UKWD_SCHEDULE_OPTIONS_VERSION) ||
	                ((unsigned)opts.direction > UKWD_SCHEDULE_BACKWARD)))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad schedule options (version %u, "
		                      "direction %d)",
		                      options->version, (int)opts.direction);
	memset(&c, 0, sizeof(c));
	c.plan = plan;
	c.cal = cal;
	c.diag = diag;
	ukwd_calendar_range(cal, &c.cal_first, &c.cal_last);
	ukwd_workday_count(&total, cal, c.cal_first, c.cal_last + 1);
	c.total = total;
	s = ukwd__calloc(1, sizeof(*s));
	if (!s)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	s->plan = plan;
	s->generation = plan->generation;
	s->cal = cal;
	s->direction = opts.direction;
	s->date = date;
	s->has_status = c.has_status = opts.has_status_date != 0;
	s->status_date = c.status_date = opts.status_date;
	s->ntasks = plan->ntasks;
	ukwd_workday_roll(&s->first_workday, cal, c.cal_first,
	                  UKWD_ROLL_FOLLOWING);
	if (s->ntasks > SIZE_MAX / (COLUMNS * sizeof(int32_t) + 1) ||
	    !(s->column[0] =
	          ukwd__malloc(s->ntasks * (COLUMNS * sizeof(int32_t) + 1)))) {
		ukwd_schedule_free(s);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	for (int k = 1; k < COLUMNS; k++)
		s->column[k] = s->column[0] + (size_t)k * s->ntasks;
	s->kind = (unsigned char *)(s->column[0] + (size_t)COLUMNS * s->ntasks);
	memset(s->kind, 0, s->ntasks);
	c.sched = s;
	c.es = s->column[ES];
	c.ee = s->column[EE];
	c.ls = s->column[LS];
	c.le = s->column[LE];
	c.free_float = s->column[FREE_FLOAT];
	c.early_driver = s->column[EARLY_DRIVER];
	c.late_driver = s->column[LATE_DRIVER];
	c.kind = s->kind;
	rc = schedule_compute(&c, date);
	if (rc) {
		ukwd_schedule_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Reading a schedule */

static int
schedule_ok(const ukwd_schedule *s)
{
	return s && s->plan->generation == s->generation;
}

static ukwd_date
day_at(const ukwd_schedule *s, int64_t index)
{
	ukwd_date d = s->first_workday;

	if ((uint64_t)(index - s->day_first) < s->day_count)
		return s->day[index - s->day_first];
	/* Every stored index was checked against the calendar. */
	ukwd_workday_add(&d, s->cal, s->first_workday, (int32_t)index);
	return d;
}

const ukwd_plan *
ukwd_schedule_plan(const ukwd_schedule *sched)
{
	return sched ? sched->plan : NULL;
}

const ukwd_calendar *
ukwd_schedule_calendar(const ukwd_schedule *sched)
{
	return sched ? sched->cal : NULL;
}

size_t
ukwd_schedule_task_count(const ukwd_schedule *sched)
{
	return sched ? sched->ntasks : 0;
}

int
ukwd_schedule_anchor(ukwd_schedule_direction *direction, ukwd_date *date,
                     const ukwd_schedule *sched)
{
	if (!schedule_ok(sched))
		return UKWD_EINVAL;
	if (direction)
		*direction = sched->direction;
	if (date)
		*date = sched->date;
	return 0;
}

int
ukwd_schedule_status_date(ukwd_date *date, const ukwd_schedule *sched)
{
	if (!date || !schedule_ok(sched))
		return UKWD_EINVAL;
	if (!sched->has_status)
		return UKWD_ENOTFOUND;
	*date = sched->status_date;
	return 0;
}

int
ukwd_schedule_span(ukwd_date *start, ukwd_date *finish, int32_t *working_days,
                   const ukwd_schedule *sched)
{
	if (!schedule_ok(sched))
		return UKWD_EINVAL;
	if (start)
		*start = day_at(sched, sched->start);
	if (finish)
		*finish = day_at(sched, sched->finish);
	if (working_days)
		*working_days = sched->working_days;
	return 0;
}

int
ukwd_schedule_task(ukwd_scheduled_task *out, const ukwd_schedule *sched,
                   size_t task)
{
	int32_t es, ee, ls, le;
	unsigned int early_at_finish, late_at_finish;

	if (!out || !schedule_ok(sched))
		return UKWD_EINVAL;
	if (task >= sched->ntasks)
		return UKWD_ENOTFOUND;
	es = sched->column[ES][task];
	ee = sched->column[EE][task];
	ls = sched->column[LS][task];
	le = sched->column[LE][task];
	early_at_finish = sched->kind[task] & EARLY_AT_FINISH;
	late_at_finish = sched->kind[task] & LATE_AT_FINISH;
	out->early_start = day_at(sched, first_day(es, ee, early_at_finish));
	out->early_finish = day_at(sched, last_day(es, ee, early_at_finish));
	out->late_start = day_at(sched, first_day(ls, le, late_at_finish));
	out->late_finish = day_at(sched, last_day(ls, le, late_at_finish));
	out->early_start_index = es;
	out->early_end_index = ee;
	out->late_start_index = ls;
	out->late_end_index = le;
	out->duration = ee - es;
	out->total_float = ls - es;
	out->free_float = sched->column[FREE_FLOAT][task];
	out->critical = ls - es <= 0;
	out->early_milestone_day = early_at_finish ? UKWD_MILESTONE_AT_FINISH
	                                           : UKWD_MILESTONE_AT_START;
	out->late_milestone_day =
	    late_at_finish ? UKWD_MILESTONE_AT_FINISH : UKWD_MILESTONE_AT_START;
	return 0;
}

/* ukwd_schedule_driver() of a task that exists; *bound: the number of
 * the day d.bound_date. */
static ukwd_driver
driver_of(int64_t *bound, const ukwd_schedule *sched, size_t task, int early)
{
	ukwd_driver d;
	int32_t code, s, e;
	unsigned int at_finish;

	code = sched->column[early ? EARLY_DRIVER : LATE_DRIVER][task];
	s = sched->column[early ? ES : LS][task];
	e = sched->column[early ? EE : LE][task];
	at_finish =
	    sched->kind[task] & (early ? EARLY_AT_FINISH : LATE_AT_FINISH);
	memset(&d, 0, sizeof(d));
	d.task = d.link = (size_t)-1;
	if (code >= 0) {
		const struct ukwd__link *link = &sched->plan->links[code];
		ukwd_link_type type = ukwd__link_type(link);

		d.kind = UKWD_DRIVER_LINK;
		d.link = (size_t)code;
		d.task = early ? link->predecessor : link->successor;
		d.type = type;
		d.lag = link->lag;
		/* Early: FF and SF bound the successor's finish. Late: FS and
		 * FF bound the predecessor's finish. */
		d.bounds_finish =
		    early ? type == UKWD_LINK_FF || type == UKWD_LINK_SF
		          : type == UKWD_LINK_FS || type == UKWD_LINK_FF;
	} else if (code == DRIVER_STATUS_DATE) {
		d.kind = UKWD_DRIVER_STATUS_DATE;
		d.date = sched->status_date;
		/* Early: work not done starts after it; late: a task in
		 * progress finishes its work left after it. */
		d.bounds_finish = !early;
	} else if (code <= DRIVER_CONSTRAINT) {
		ukwd_constraint_type type =
		    (ukwd_constraint_type)(DRIVER_CONSTRAINT - code);

		d.kind = UKWD_DRIVER_CONSTRAINT;
		d.constraint = type;
		d.bounds_finish = constraint_bounds_finish(type);
		d.date = ukwd__task_extra(sched->plan, task)->date[type];
	} else if (code == DRIVER_PROJECT_START) {
		d.kind = UKWD_DRIVER_PROJECT_START;
		d.date = sched->direction == UKWD_SCHEDULE_FORWARD
		             ? sched->date
		             : day_at(sched, sched->bound_start);
	} else if (code == DRIVER_PROJECT_FINISH) {
		d.kind = UKWD_DRIVER_PROJECT_FINISH;
		d.bounds_finish = 1;
		d.date = sched->direction == UKWD_SCHEDULE_BACKWARD
		             ? sched->date
		             : day_at(sched, sched->bound_finish);
	} else {
		d.kind = UKWD_DRIVER_PROJECT_DEADLINE;
		d.bounds_finish = 1;
		d.date = sched->plan->deadline;
	}
	/* A milestone's bound puts it on the day it prints on. */
	*bound = d.bounds_finish || s == e ? last_day(s, e, at_finish) : s;
	d.bound_date = day_at(sched, *bound);
	if (d.kind == UKWD_DRIVER_LINK)
		d.date = d.bound_date;
	return d;
}

int
ukwd_schedule_driver(ukwd_driver *out, const ukwd_schedule *sched, size_t task,
                     ukwd_schedule_side side)
{
	int64_t bound;

	if (!out || !schedule_ok(sched) ||
	    (side != UKWD_SCHEDULE_EARLY && side != UKWD_SCHEDULE_LATE))
		return UKWD_EINVAL;
	if (task >= sched->ntasks)
		return UKWD_ENOTFOUND;
	*out = driver_of(&bound, sched, task, side == UKWD_SCHEDULE_EARLY);
	return 0;
}

static const char *
display_name(const ukwd_plan *plan, size_t task)
{
	const char *name = plan->tasks[task].name;

	return *name ? name : plan->tasks[task].id;
}

/* A sentence being built: the library's own words and dates are
 * gathered here and passed on in runs, around the task name the writer
 * puts itself (schedule-private.h). */
struct text_out {
	const ukwd_schedule *sched;
	const struct ukwd__explain_writer *w;
	size_t len;
	char words[128];
};

static void
flush_words(struct text_out *s)
{
	if (s->len)
		s->w->words(s->w->payload, s->words, s->len);
	s->len = 0;
}

static void
put(struct text_out *s, const char *text, size_t n)
{
	if (n > sizeof(s->words) - s->len) {
		flush_words(s);
		if (n > sizeof(s->words)) {
			s->w->words(s->w->payload, text, n);
			return;
		}
	}
	memcpy(s->words + s->len, text, n);
	s->len += n;
}

static void
put_str(struct text_out *s, const char *text)
{
	put(s, text, strlen(text));
}

/* A string literal, its length known at compile time. */
#define PUT_LITERAL(s, literal) put((s), "" literal, sizeof(literal) - 1)

/* Task t's name, or its id when it has none. */
static void
put_name(struct text_out *s, size_t t)
{
	flush_words(s);
	s->w->name(s->w->payload, t, display_name(s->sched->plan, t));
}

/* A date as ukwd_date_format() writes it: YYYY-MM-DD, or nothing for a
 * date outside 0001-01-01..9999-12-31. */
static void
put_date(struct text_out *s, ukwd_date d)
{
	char text[UKWD_DATE_STRLEN];

	if (ukwd_date_format(text, sizeof(text), d) == 0)
		put(s, text, UKWD_DATE_STRLEN - 1);
}

/* The date of working day number `index`, d, from the day table when it
 * has it. */
static void
put_day(struct text_out *s, int64_t index, ukwd_date d)
{
	const ukwd_schedule *sched = s->sched;

	if ((uint64_t)(index - sched->day_first) < sched->day_count)
		put(s, sched->day_text[index - sched->day_first], 10);
	else
		put_date(s, d);
}

/* A number in decimal, with a '+' before a positive one when asked. */
static void
put_number(struct text_out *s, int64_t value, int plus)
{
	char digits[24];
	size_t at = sizeof(digits);
	uint64_t magnitude =
	    value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;

	do {
		digits[--at] = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude);
	if (value < 0)
		digits[--at] = '-';
	else if (plus)
		digits[--at] = '+';
	put(s, digits + at, sizeof(digits) - at);
}

static int
is_actual(ukwd_constraint_type type)
{
	return type == UKWD_CONSTRAINT_ACTUAL_START ||
	       type == UKWD_CONSTRAINT_ACTUAL_FINISH;
}

/* The verb before the date: "starts", "finishes by", "falls on", ... */
static const char *
explain_verb(const ukwd_schedule *sched, const ukwd_driver *d, size_t task,
             int early)
{
	int constraint = d->kind == UKWD_DRIVER_CONSTRAINT;
	int actual = constraint && is_actual(d->constraint);
	int by =
	    !early && !actual && d->kind != UKWD_DRIVER_STATUS_DATE &&
	    !(constraint && (d->constraint == UKWD_CONSTRAINT_MUST_START_ON ||
	                     d->constraint == UKWD_CONSTRAINT_MUST_FINISH_ON));

	/* A milestone falls on a day, at its start or at its end. */
	if (sched->column[early ? ES : LS][task] ==
	    sched->column[early ? EE : LE][task])
		return actual ? "fell on" : by ? "falls by" : "falls on";
	if (actual)
		return d->bounds_finish ? "finished" : "started";
	if (by)
		return d->bounds_finish ? "finishes by" : "starts by";
	return d->bounds_finish ? "finishes" : "starts";
}

/* After the colon, for a link: "60 working days after 'UEPT notice'
 * finishes (FS+60)". */
static void
explain_link(struct text_out *s, const ukwd_driver *d, int early)
{
	/* Early: what the link's far end does; late: what it must do. */
	static const char *const early_event[] = {"finishes", "starts",
	                                          "finishes", "starts"};
	static const char *const late_event[] = {"must start", "must start",
	                                         "must finish", "must finish"};
	/* With no lag: the successor starts after an FS predecessor's last
	 * day, with an SS one's start, ends with an FF one's last day and
	 * before an SF one's start; and the mirror image for the late
	 * dates. */
	static const char *const early_zero[] = {"after", "when", "when",
	                                         "before"};
	static const char *const late_zero[] = {"before", "when", "when",
	                                        "after"};

	if (d->lag == 0) {
		put_str(s, (early ? early_zero : late_zero)[d->type]);
	} else {
		int64_t lag = d->lag < 0 ? -(int64_t)d->lag : d->lag;

		put_number(s, lag, 0);
		if (lag == 1)
			PUT_LITERAL(s, " working day ");
		else
			PUT_LITERAL(s, " working days ");
		if ((d->lag > 0) == early)
			PUT_LITERAL(s, "after");
		else
			PUT_LITERAL(s, "before");
	}
	PUT_LITERAL(s, " '");
	put_name(s, d->task);
	PUT_LITERAL(s, "' ");
	put_str(s, (early ? early_event : late_event)[d->type]);
	PUT_LITERAL(s, " (");
	put_str(s, ukwd_link_type_name(d->type));
	if (d->lag)
		put_number(s, d->lag, 1);
	PUT_LITERAL(s, ")");
}

/* After the colon, for any other bound: "the project finish", "must
 * start on 2017-09-04 (not a working day)", ... The date as given is
 * named when it differs from the day the bound fell on. */
static void
explain_bound(struct text_out *s, const ukwd_schedule *sched,
              const ukwd_driver *d, int differs)
{
	switch (d->kind) {
	case UKWD_DRIVER_PROJECT_START:
		if (sched->direction == UKWD_SCHEDULE_FORWARD)
			PUT_LITERAL(s, "the project start");
		else
			PUT_LITERAL(
			    s, "the project start, the earliest late start");
		return;
	case UKWD_DRIVER_PROJECT_FINISH:
		if (sched->direction == UKWD_SCHEDULE_BACKWARD)
			PUT_LITERAL(s, "the project finish");
		else
			PUT_LITERAL(
			    s, "the project finish, the latest early finish");
		return;
	case UKWD_DRIVER_PROJECT_DEADLINE:
		PUT_LITERAL(s, "the project deadline ");
		put_date(s, d->date);
		break;
	case UKWD_DRIVER_STATUS_DATE:
		/* Not "(not a working day)": the first working day after
		 * the status date is never the status date itself. */
		if (d->bounds_finish)
			PUT_LITERAL(s, "in progress, its work left runs on "
			               "after the status date ");
		else
			PUT_LITERAL(
			    s, "work not done starts after the status date ");
		put_date(s, d->date);
		return;
	default: /* UKWD_DRIVER_CONSTRAINT */
		put_str(s, ukwd_constraint_type_name(d->constraint));
		/* An actual date names the date as given only when it
		 * differs. */
		if (!is_actual(d->constraint) || differs) {
			PUT_LITERAL(s, " ");
			put_date(s, d->date);
		}
		break;
	}
	if (differs)
		PUT_LITERAL(s, " (not a working day)");
}

int
ukwd__schedule_explain_to(const struct ukwd__explain_writer *w,
                          const ukwd_schedule *sched, size_t task,
                          ukwd_schedule_side side)
{
	struct text_out s;
	ukwd_driver d;
	int64_t bound;
	int early = side == UKWD_SCHEDULE_EARLY;

	if (!schedule_ok(sched) ||
	    (side != UKWD_SCHEDULE_EARLY && side != UKWD_SCHEDULE_LATE))
		return UKWD_EINVAL;
	if (task >= sched->ntasks)
		return UKWD_ENOTFOUND;
	d = driver_of(&bound, sched, task, early);
	s.sched = sched;
	s.w = w;
	s.len = 0;
	put_str(&s, explain_verb(sched, &d, task, early));
	PUT_LITERAL(&s, " ");
	put_day(&s, bound, d.bound_date);
	if (sched->column[early ? ES : LS][task] ==
	    sched->column[early ? EE : LE][task]) {
		if (sched->kind[task] &
		    (early ? EARLY_AT_FINISH : LATE_AT_FINISH))
			PUT_LITERAL(&s, " (end of day)");
		else
			PUT_LITERAL(&s, " (start of day)");
	}
	PUT_LITERAL(&s, ": ");
	if (d.kind == UKWD_DRIVER_LINK)
		explain_link(&s, &d, early);
	else
		/* Dates the calendar cannot write are written as nothing,
		 * so two such are the same text. */
		explain_bound(&s, sched, &d,
		              d.date != d.bound_date &&
		                  (ukwd__date_in_range(d.date) ||
		                   ukwd__date_in_range(d.bound_date)));
	flush_words(&s);
	return 0;
}

/* ukwd_schedule_explain()'s writer: as snprintf, the bytes that do not
 * fit are counted but not written, and the text is cut at size - 1
 * bytes. */
struct text_buffer {
	char *buf;
	size_t size;
	size_t len;
};

static void
buffer_put(void *payload, const char *text, size_t n)
{
	struct text_buffer *b = payload;

	if (b->len < b->size) {
		size_t room = b->size - 1 - b->len;

		memcpy(b->buf + b->len, text, n < room ? n : room);
	}
	b->len += n;
}

static void
buffer_name(void *payload, size_t task, const char *text)
{
	(void)task;
	buffer_put(payload, text, strlen(text));
}

int
ukwd_schedule_explain(char *buf, size_t size, size_t *length,
                      const ukwd_schedule *sched, size_t task,
                      ukwd_schedule_side side)
{
	struct text_buffer b = {buf, size, 0};
	const struct ukwd__explain_writer w = {buffer_put, buffer_name, &b};
	int rc;

	if (length)
		*length = 0;
	if (!buf && size)
		return UKWD_EINVAL;
	rc = ukwd__schedule_explain_to(&w, sched, task, side);
	if (rc)
		return rc;
	/* snprintf, which this replaces, failed beyond INT_MAX bytes. */
	if (b.len > INT_MAX)
		return UKWD_ERROR;
	if (size)
		buf[b.len < size ? b.len : size - 1] = '\0';
	if (length)
		*length = b.len;
	if (b.len >= size) {
		if (size)
			buf[0] = '\0';
		return UKWD_EBUFS;
	}
	return 0;
}

size_t
ukwd_schedule_critical_path_count(const ukwd_schedule *sched)
{
	return sched ? sched->npaths : 0;
}

int
ukwd_schedule_critical_path(const size_t **tasks, size_t *count,
                            const ukwd_schedule *sched, size_t path)
{
	if (!tasks || !count || !schedule_ok(sched))
		return UKWD_EINVAL;
	if (path >= sched->npaths)
		return UKWD_ENOTFOUND;
	*tasks = sched->critical + sched->path_start[path];
	*count = sched->path_start[path + 1] - sched->path_start[path];
	return 0;
}

int
ukwd_schedule_negative_float(const size_t **tasks, size_t *count,
                             const ukwd_schedule *sched)
{
	if (!tasks || !count || !schedule_ok(sched))
		return UKWD_EINVAL;
	*tasks = sched->negative;
	*count = sched->nnegative;
	return 0;
}
