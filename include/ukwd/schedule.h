/**
 * @file ukwd/schedule.h
 * @brief Critical-path schedules of a plan over a working-day calendar.
 *
 * ukwd_schedule_new() computes, for every task of a #ukwd_plan, its early
 * and late start and finish, total and free float and whether it is
 * critical; the project's start and finish; the critical path(s); and the
 * reason each date is what it is. The result is an immutable
 * #ukwd_schedule.
 *
 * **Working-day index space.** The calendar's working days are numbered
 * 0, 1, 2, ... from its first. A task of duration d occupies the working
 * days [s, e) with e = s + d, and links are inequalities between those
 * numbers (see #ukwd_link_type). Dates are printed as project tools print
 * them: the start is the working day numbered s, the finish the working
 * day numbered e - 1 (its last day, inclusive). So a finish-to-start link
 * with no lag starts the successor on the working day after the
 * predecessor's last day.
 *
 * **Milestones.** A milestone (d = 0, or actual dates that leave it no
 * working day) sits at a position s between two working days, and prints
 * on one day, as its start and its finish, separately for the early and
 * the late schedule (#ukwd_milestone_day):
 * - driven by a finish (#UKWD_MILESTONE_AT_FINISH), it prints on the
 *   working day numbered s - 1, at the end of that day, as Microsoft
 *   Project and TaskJuggler show a milestone that follows a task's finish.
 *   Early: an FS or FF link, a must-finish-on or an actual finish. Late:
 *   the project finish, the project deadline, finish-no-later-than, a
 *   task deadline, must-finish-on, an actual finish, or an FS or FF link
 *   to a successor (FS: at the end of the day before the successor
 *   starts).
 * - driven by a start (#UKWD_MILESTONE_AT_START), it prints on the working
 *   day numbered s, at its start. Early: the project start,
 *   start-no-earlier-than, must-start-on, an actual start, or an SS or SF
 *   link. Late: an SS or SF link to a successor, must-start-on or an
 *   actual start.
 * - A link from (early) or to (late) another milestone passes on that
 *   milestone's kind: a milestone FS after a kick-off milestone at the
 *   project start also falls at the start of the project's first day.
 * - When bounds of both kinds meet at one position, the later point wins
 *   in the forward pass and the earlier in the backward pass: the start
 *   of day s comes after the end of day s - 1, as Monday 08:00 comes after
 *   Friday 17:00. So early, a start-type bound beats a link that ends at
 *   the same position; late, a finish beats a start.
 *
 * The positions, and so float, are those of the index space: only the
 * day printed, ukwd_driver::bound_date and ukwd_schedule_explain() say
 * which. A milestone FS after a task whose last day is Friday prints on
 * Friday (the successor of both starts on Monday); a milestone driven by
 * a finish at the very start of the calendar would print before its first
 * working day, #UKWD_ERANGE.
 *
 * **Forward** (#UKWD_SCHEDULE_FORWARD): the project start date, rolled
 * forward to a working day, is the lower bound of every start. A forward
 * pass in dependency order gives the early dates; the project finish is
 * the latest early finish as printed (a milestone at the end of a day
 * counts as that day). A backward pass from that finish gives the late
 * dates: no task may finish after the project finish.
 *
 * **Backward** (#UKWD_SCHEDULE_BACKWARD): the project finish date, rolled
 * back to a working day, is the upper bound of every finish. The backward
 * pass runs first and gives the late dates; the project start is the
 * earliest late start; the early dates follow forward from it.
 *
 * Finish-type dates D (the project finish, finish-no-later-than,
 * deadlines, must-finish-on, an actual finish; D rolled back to a working
 * day) bound every task alike, e <= (the number of D) + 1: a task's last
 * working day is D at the latest, and a milestone bound by D falls at the
 * end of D: a milestone that must finish by Friday falls on Friday, and a
 * task FS before it ends on Friday too.
 *
 * **Float.** Total float = late start - early start, in working days.
 * Free float = how far a task can slip in the early schedule without
 * moving any successor or the project finish: the least slack of its
 * outgoing links, and of the project finish, never more than its total
 * float. A task is critical when its total float is 0 or less. A
 * constraint or deadline that cannot be met is not an error: the tasks
 * that cannot meet it get negative float, listed by
 * ukwd_schedule_negative_float().
 *
 * **Constraints** (#ukwd_constraint_type): start-no-earlier-than raises the
 * early start; finish-no-later-than, a task deadline and the project
 * deadline lower the late finish; must-start-on, must-finish-on and actual
 * dates fix the task in both passes, even against its links.
 *
 * Cost: time and memory linear in tasks + links: a topological order
 * (the plan's own when its links all run from earlier tasks to later
 * ones, else Kahn's algorithm; no recursion, so a chain of millions of
 * tasks is fine) and two passes, with O(1) working-day arithmetic. A
 * million tasks with three million links schedule in about 0.15 s. The
 * schedule keeps 29 bytes per task, 8 per critical task and at most 24
 * per critical path; computing it borrows 12 bytes per task and 12 per
 * link more (16 and 16 for a plan not in dependency order).
 *
 * A schedule borrows its plan and calendar: both must outlive it, and the
 * plan must not change while the schedule is in use (functions that can
 * fail return #UKWD_EINVAL if it did). A schedule may be read from any
 * number of threads at once.
 */
#ifndef UKWD_SCHEDULE_H
#define UKWD_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "date.h"
#include "calendar.h"
#include "plan.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_schedule Schedules
 * @{ */

/** An immutable schedule. Free with ukwd_schedule_free(). */
typedef struct ukwd_schedule ukwd_schedule;

/** Which way a schedule is computed. */
typedef enum ukwd_schedule_direction {
	/** From a project start date: early dates first. */
	UKWD_SCHEDULE_FORWARD = 0,
	/** To a project finish date: late dates first. */
	UKWD_SCHEDULE_BACKWARD = 1
} ukwd_schedule_direction;

/**
 * Options for ukwd_schedule_new().
 *
 * **Status date** (version 2). With #ukwd_schedule_options::has_status_date
 * set, the plan is scheduled as of the end of
 * #ukwd_schedule_options::status_date, the last day whose progress the plan
 * records:
 * - a task with an actual finish keeps its actual dates;
 * - a task with an actual start and no actual finish is in progress: it
 *   runs from its actual start to the working day its remaining work
 *   (ukwd_plan_set_remaining(), else the planned duration less the working
 *   days from its actual start to the status date, at least 0) ends on,
 *   counted from the first working day after the status date (the status
 *   date's own last working day for 0 remaining);
 * - every other task is work not done: it starts on the first working day
 *   after the status date at the earliest (#UKWD_DRIVER_STATUS_DATE).
 * Refused (#UKWD_EINVAL, the diag naming the task and, for a plan read by
 * ukwd_plan_read_csv(), its record's line): an actual date after the
 * status date; a task not started that must start or finish on a day
 * before it; remaining work on a task that is not in progress; and, with
 * no status date, remaining work on any task.
 */
typedef struct ukwd_schedule_options {
	unsigned int version; /**< #UKWD_SCHEDULE_OPTIONS_VERSION */
	/** #UKWD_SCHEDULE_FORWARD (the default) or #UKWD_SCHEDULE_BACKWARD. */
	ukwd_schedule_direction direction;
	/** Version 2: 1 to schedule from #ukwd_schedule_options::status_date; 0
	 * (the default) for none. */
	int has_status_date;
	/** Version 2: the status date, when
	 * #ukwd_schedule_options::has_status_date is 1. */
	ukwd_date status_date;
} ukwd_schedule_options;

/** The current version of #ukwd_schedule_options. */
#define UKWD_SCHEDULE_OPTIONS_VERSION 2
/** Initialise a #ukwd_schedule_options to the defaults. */
#define UKWD_SCHEDULE_OPTIONS_INIT                                             \
	{                                                                      \
		UKWD_SCHEDULE_OPTIONS_VERSION, UKWD_SCHEDULE_FORWARD, 0, 0     \
	}

/**
 * @brief Initialise options of the caller's version to the defaults of
 *        #UKWD_SCHEDULE_OPTIONS_INIT: pass #UKWD_SCHEDULE_OPTIONS_VERSION
 *        as the caller compiled it; only that version's members are
 *        written (ukwd_schedule_new() likewise reads only those).
 * @return 0; #UKWD_EINVAL for NULL or an unknown version (nothing
 *         written).
 * @since 0.1
 */
UKWD_API int ukwd_schedule_options_init(ukwd_schedule_options *options,
                                        unsigned int version);

/** Early (forward-pass) or late (backward-pass) dates. */
typedef enum ukwd_schedule_side {
	UKWD_SCHEDULE_EARLY = 0, /**< the early dates */
	UKWD_SCHEDULE_LATE = 1   /**< the late dates */
} ukwd_schedule_side;

/** Which day a milestone is printed on (see "Milestones" above). */
typedef enum ukwd_milestone_day {
	/** Driven by a start (the project start, SS or SF links, a
	 *  start-no-earlier-than): the working day at its position. Also the
	 *  value for a task that is not a milestone. */
	UKWD_MILESTONE_AT_START = 0,
	/** Driven by a finish (FS or FF links, a finish-type bound): the last
	 *  working day before its position, at the end of that day. */
	UKWD_MILESTONE_AT_FINISH = 1
} ukwd_milestone_day;

/** One task's dates and float, from ukwd_schedule_task(). A milestone's
 *  start and finish are the one day it prints on (see "Milestones"
 *  above). */
typedef struct ukwd_scheduled_task {
	ukwd_date early_start;  /**< first working day, early schedule */
	ukwd_date early_finish; /**< last working day, early schedule */
	ukwd_date late_start;   /**< first working day, late schedule */
	ukwd_date late_finish;  /**< last working day, late schedule */
	/** Working-day numbers: the task occupies [start, end) early and
	 *  [late_start, late_end) late; 0 is the calendar's first working
	 *  day. A milestone's are its positions, so one driven by a finish
	 *  prints on the day numbered start - 1. */
	int32_t early_start_index, early_end_index;
	int32_t late_start_index, late_end_index; /**< see above */
	/** Working days the task occupies: early_end_index -
	 *  early_start_index; the planned duration unless actual dates say
	 *  otherwise. */
	int32_t duration;
	int32_t total_float; /**< working days; negative when a date cannot
	                      *   be met */
	int32_t free_float;  /**< working days, at most total_float */
	int critical;        /**< 1 when total_float <= 0, else 0 */
	/** A milestone's early day: #UKWD_MILESTONE_AT_FINISH when it prints
	 *  on early_start_index - 1. #UKWD_MILESTONE_AT_START for a task
	 *  that is not a milestone. */
	ukwd_milestone_day early_milestone_day;
	/** The same for the late schedule and late_start_index. */
	ukwd_milestone_day late_milestone_day;
} ukwd_scheduled_task;
/** @var ukwd_scheduled_task::early_end_index
 *  The working-day number after the task's last day, early schedule (see
 *  ukwd_scheduled_task::early_start_index). */
/** @var ukwd_scheduled_task::late_start_index
 *  The working-day number of the task's first day, late schedule (see
 *  ukwd_scheduled_task::early_start_index). */

/** What fixed a date: see #ukwd_driver. */
typedef enum ukwd_driver_kind {
	/** The project start: the given date (forward) or the earliest late
	 *  start (backward). */
	UKWD_DRIVER_PROJECT_START = 0,
	/** The project finish: the latest early finish (forward) or the
	 *  given date (backward). */
	UKWD_DRIVER_PROJECT_FINISH = 1,
	/** The project deadline, ukwd_plan_set_deadline(). */
	UKWD_DRIVER_PROJECT_DEADLINE = 2,
	/** A link to another task. */
	UKWD_DRIVER_LINK = 3,
	/** One of the task's own constraints or actual dates. */
	UKWD_DRIVER_CONSTRAINT = 4,
	/** The status date (ukwd_schedule_options::status_date): work not
	 *  done starts after it (#UKWD_SCHEDULE_EARLY); and the late finish
	 *  of a task in progress, whose work left runs on after it
	 *  (#UKWD_SCHEDULE_LATE, ukwd_driver::bounds_finish 1): "finishes
	 *  2026-01-26: in progress, its work left runs on after the status
	 *  date 2026-01-21". */
	UKWD_DRIVER_STATUS_DATE = 5
} ukwd_driver_kind;

/**
 * Why a task's early start (#UKWD_SCHEDULE_EARLY) or late finish
 * (#UKWD_SCHEDULE_LATE) is what it is: the bound that was tightest. Ties
 * go to a link (the first added), then the task's own constraint, then
 * the project deadline, then the project start or finish.
 *
 * A link bounds the successor's start (FS, SS) or finish (FF, SF) in the
 * early schedule, and the predecessor's finish (FS, FF) or start (SS, SF)
 * in the late one.
 */
typedef struct ukwd_driver {
	ukwd_driver_kind kind; /**< what kind of bound */
	/** #UKWD_DRIVER_CONSTRAINT: which. */
	ukwd_constraint_type constraint;
	/** #UKWD_DRIVER_LINK: the other task: the predecessor (early) or
	 *  the successor (late). (size_t)-1 otherwise. */
	size_t task;
	size_t link;         /**< #UKWD_DRIVER_LINK: its index in the plan */
	ukwd_link_type type; /**< #UKWD_DRIVER_LINK: its type */
	int32_t lag;         /**< #UKWD_DRIVER_LINK: its lag, working days */
	/** 1 when the bound is on the task's finish, 0 on its start. */
	int bounds_finish;
	/** The day the bound puts that start or finish on; for a milestone,
	 *  the day it prints on. */
	ukwd_date bound_date;
	/** The date behind a constraint or a project bound, as given
	 *  (before rolling to a working day); for a link, @c bound_date. */
	ukwd_date date;
} ukwd_driver;

/**
 * @brief Schedule a plan over a calendar.
 *
 * @param[out] out     the schedule; the caller frees it. Unchanged on
 *                     failure.
 * @param[in]  plan    the plan, borrowed for the schedule's lifetime.
 * @param[in]  cal     the calendar, borrowed likewise.
 * @param[in]  date    forward: the project start, rolled forward to a
 *                     working day; backward: the project finish, rolled
 *                     back to a working day. In the calendar's range.
 * @param[in]  options optional; NULL means forward.
 * @param[out] diag    optional: says what was wrong, naming the task.
 * @return 0; #UKWD_EINVAL for a NULL @p out, @p plan or @p cal, or bad
 *         options; #UKWD_ECYCLE for a dependency cycle, with the ids
 *         around it in @p diag ("cycle: a -> b -> c -> a");
 *         #UKWD_ERANGE when @p date, a constraint date or a computed date
 *         is outside the calendar's range (@p diag names the task);
 *         #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_new(ukwd_schedule **out, const ukwd_plan *plan,
                               const ukwd_calendar *cal, ukwd_date date,
                               const ukwd_schedule_options *options,
                               ukwd_diag *diag);

/**
 * @brief Free a schedule. NULL is a no-op.
 * @since 0.1
 */
UKWD_API void ukwd_schedule_free(ukwd_schedule *sched);

/**
 * @brief The plan a schedule was made from (borrowed); NULL for NULL.
 * @since 0.1
 */
UKWD_API const ukwd_plan *ukwd_schedule_plan(const ukwd_schedule *sched);

/**
 * @brief The calendar a schedule was made over (borrowed); NULL for NULL.
 * @since 0.1
 */
UKWD_API const ukwd_calendar *
ukwd_schedule_calendar(const ukwd_schedule *sched);

/**
 * @brief The number of tasks scheduled (the plan's). 0 for NULL.
 * @since 0.1
 */
UKWD_API size_t ukwd_schedule_task_count(const ukwd_schedule *sched);

/**
 * @brief Which way a schedule was computed, and from what date.
 * @param[out] direction optional: #UKWD_SCHEDULE_FORWARD or
 *                       #UKWD_SCHEDULE_BACKWARD, as given to
 *                       ukwd_schedule_new().
 * @param[out] date      optional: the project start (forward) or finish
 *                       (backward) as given, before any rolling.
 * @param[in]  sched     the schedule.
 * @return 0; #UKWD_EINVAL for a NULL @p sched or a changed plan.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_anchor(ukwd_schedule_direction *direction,
                                  ukwd_date *date, const ukwd_schedule *sched);

/**
 * @brief The status date a schedule was made from
 *        (ukwd_schedule_options::status_date).
 * @param[out] date  the status date as given.
 * @param[in]  sched the schedule.
 * @return 0; #UKWD_ENOTFOUND for a schedule made without one (@p date
 *         untouched); #UKWD_EINVAL for a NULL argument or a changed plan.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_status_date(ukwd_date *date,
                                       const ukwd_schedule *sched);

/**
 * @brief The project's first and last working days and its length.
 *
 * The start is the earliest early start (normally the project start; an
 * actual or must-start-on date may be earlier), the finish the latest
 * early finish, both as printed (a milestone's day counts). For a plan
 * with no tasks both are the project date. Any output pointer may be
 * NULL.
 *
 * @param[out] start        the project's first working day.
 * @param[out] finish       its last working day (a final milestone's
 *                          day counts).
 * @param[out] working_days working days from the earliest early start
 *                          position to the end of the last task: 0 for
 *                          milestones only (a milestone at the end of a
 *                          day adds no working day).
 * @param[in]  sched        the schedule.
 * @return 0; #UKWD_EINVAL for a NULL @p sched or a changed plan.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_span(ukwd_date *start, ukwd_date *finish,
                                int32_t *working_days,
                                const ukwd_schedule *sched);

/**
 * @brief One task's dates and float.
 * @param[out] out   filled; unchanged on failure.
 * @param[in]  sched the schedule.
 * @param[in]  task  the task's index in the plan.
 * @return 0; #UKWD_EINVAL for a NULL argument or a changed plan;
 *         #UKWD_ENOTFOUND for an index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_task(ukwd_scheduled_task *out,
                                const ukwd_schedule *sched, size_t task);

/**
 * @brief What fixed a task's early start or late finish, as data.
 * @param[out] out   filled; unchanged on failure.
 * @param[in]  sched the schedule.
 * @param[in]  task  the task's index.
 * @param[in]  side  #UKWD_SCHEDULE_EARLY (its early start, or its early
 *                   finish when a link or date bounds the finish) or
 *                   #UKWD_SCHEDULE_LATE (its late finish, or late start).
 * @return 0; #UKWD_EINVAL for a NULL argument, a bad side or a changed
 *         plan; #UKWD_ENOTFOUND for an index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_driver(ukwd_driver *out, const ukwd_schedule *sched,
                                  size_t task, ukwd_schedule_side side);

/**
 * @brief What fixed a task's early start or late finish, as one English
 *        sentence, e.g. "starts 2017-09-04: 60 working days after 'UEPT
 *        notice' finishes (FS+60)" or "finishes by 2017-11-24: the
 *        project finish".
 *
 * Tasks are named by name in single quotes (by id when the name is
 * empty). A milestone's sentence gives the day it prints on and which
 * end of it: "falls on 2017-06-06 (end of day): after 'User ID
 * allocation' finishes (FS)", "falls on 2017-06-07 (start of day): the
 * project start", "falls by 2017-11-24 (end of day): the project finish"
 * ("falls on" for a fixed date, "fell on" for an actual one).
 *
 * @param[out] buf    the buffer; on #UKWD_EBUFS it holds "" (if
 *                    @p size > 0).
 * @param[in]  size   its size in bytes, including the NUL.
 * @param[out] length optional: the sentence's length without the NUL,
 *                    also on #UKWD_EBUFS (so a caller can retry with
 *                    @p length + 1 bytes).
 * @param[in]  sched  the schedule.
 * @param[in]  task   the task's index.
 * @param[in]  side   as ukwd_schedule_driver().
 * @return 0; #UKWD_EINVAL for a NULL @p sched, NULL @p buf with a
 *         non-zero @p size, a bad side or a changed plan; #UKWD_ENOTFOUND
 *         for an index out of range; #UKWD_EBUFS when the sentence does
 *         not fit.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_explain(char *buf, size_t size, size_t *length,
                                   const ukwd_schedule *sched, size_t task,
                                   ukwd_schedule_side side);

/**
 * @brief The number of critical paths. 0 for NULL.
 *
 * Each path is one chain: consecutive tasks in it are joined by a
 * critical link, from predecessor to successor. A critical link joins
 * two critical tasks and has no float of its own: the late position of
 * the successor minus the early position of the predecessor minus the
 * lag is 0 or less (positions as the link type reads them: start or end).
 *
 * The paths are built by taking the critical tasks in the schedule's
 * dependency order (the plan's order when every link runs from a task to
 * one added after it; otherwise Kahn's algorithm scanning the tasks in
 * plan order, a task that becomes ready being taken at once if the scan
 * has passed it). A task x with critical links in looks at them in the
 * order the links were added:
 * - x extends the open path that ends at the predecessor of the first of
 *   them whose predecessor ends an open path;
 * - every other open path ending at one of x's critical predecessors gets
 *   x as its last task and is closed (a join: x is on each of them);
 * - when no open path ends at a critical predecessor, x starts a new path
 *   [p, x], p the predecessor of its first critical link in (a branch: p
 *   is on this path and on an earlier one).
 * A critical task with no critical link in starts a new path [x]; so a
 * critical task with no critical link at all is a path by itself. Paths
 * are numbered in the order they are started. For example A -> B -> D
 * and A -> C -> D, all critical, give the paths A, B, D and A, C, D.
 *
 * Every critical task is on at least one path; the paths hold each
 * critical task once plus at most two more entries each.
 * @since 0.1
 */
UKWD_API size_t ukwd_schedule_critical_path_count(const ukwd_schedule *sched);

/**
 * @brief One critical path: its tasks in dependency (topological) order,
 *        each joined to the next by a critical link.
 * @param[out] tasks borrowed array of task indices, valid as long as the
 *                   schedule.
 * @param[out] count its length.
 * @param[in]  sched the schedule.
 * @param[in]  path  0 to ukwd_schedule_critical_path_count() - 1.
 * @return 0; #UKWD_EINVAL for a NULL argument or a changed plan;
 *         #UKWD_ENOTFOUND for a path index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_critical_path(const size_t **tasks, size_t *count,
                                         const ukwd_schedule *sched,
                                         size_t path);

/**
 * @brief The tasks with negative total float, in plan order: those that
 *        cannot meet a deadline, a finish-no-later-than or a fixed date
 *        (ukwd_schedule_explain() with #UKWD_SCHEDULE_LATE says which).
 * @param[out] tasks borrowed array of task indices (NULL-safe to read
 *                   when @p count is 0).
 * @param[out] count its length; 0 when every date can be met.
 * @param[in]  sched the schedule.
 * @return 0; #UKWD_EINVAL for a NULL argument or a changed plan.
 * @since 0.1
 */
UKWD_API int ukwd_schedule_negative_float(const size_t **tasks, size_t *count,
                                          const ukwd_schedule *sched);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_SCHEDULE_H */
