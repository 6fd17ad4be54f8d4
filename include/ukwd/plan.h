/**
 * @file ukwd/plan.h
 * @brief Plans: a network of tasks in working days, with links, constraints
 *        and actual dates, built by calls or read from CSV.
 *
 * A #ukwd_plan holds tasks and the links between them; ukwd_schedule_new()
 * (ukwd/schedule.h) turns it into dates over a calendar. A plan knows no
 * calendar: durations and lags are counts of working days, and dates are
 * only ever constraint dates.
 *
 * - A **task** has a unique string id, a name, a duration in working days
 *   (0 makes it a milestone), an optional three-point estimate and an
 *   optional source (#ukwd_source: a tag, a citation and a reference).
 *   Tasks are numbered
 *   0, 1, 2, ... in the order they are added; that index is how every other
 *   function names a task.
 * - A **link** says a successor cannot start (or finish) until a
 *   predecessor has started (or finished), give or take a lag in working
 *   days: see #ukwd_link_type for the exact inequalities.
 * - **Constraints** bind a task to dates: start no earlier than, finish no
 *   later than, must start on, must finish on, a deadline, and the actual
 *   start and finish of work under way or done (#ukwd_constraint_type). A
 *   plan may also have a project deadline.
 *
 * Every change is checked as it is made: a call that fails returns a
 * negative code, fills its optional `ukwd_diag` and leaves the plan exactly
 * as it was. Cycles are the one fault that is not checked as links are
 * added (it would cost more than linear time); ukwd_plan_find_cycle() and
 * ukwd_schedule_new() find them, and ukwd_plan_read_csv() refuses them.
 *
 * A plan is mutable and not thread-safe while it is built; once built it
 * may be read (and scheduled) from any number of threads at once. Strings
 * returned by getters are borrowed from the plan and stay valid, unchanged,
 * until the plan is freed, however many tasks are added after them.
 *
 * Memory: about 48 bytes per task (16 of them an index of ids) and 20 per
 * link, plus the strings; a task with an estimate, a source or a
 * constraint takes 56 bytes more, and a task with more than 32
 * predecessors 11 bytes more per predecessor (a hash of its links). Every
 * call takes constant time on average: a duplicate link is found among its
 * successor's own links, or by that hash once there are many.
 */
#ifndef UKWD_PLAN_H
#define UKWD_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "source.h"
#include "date.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_plan Plans
 * @{ */

/** A mutable task network. Free with ukwd_plan_free(). */
typedef struct ukwd_plan ukwd_plan;

/**
 * The largest duration, estimate or |lag| a plan accepts, in working days:
 * more than the working days between 0001-01-01 and 9999-12-31.
 */
#define UKWD_PLAN_MAX_WORKING_DAYS 4000000

/**
 * How a link ties its successor to its predecessor.
 *
 * In working-day index space (see ukwd/schedule.h) a task of duration d
 * occupies the working days [s, e) with e = s + d. With a lag of L working
 * days (negative allowed, a "lead"):
 */
typedef enum ukwd_link_type {
	/** Finish to start: s(successor) >= e(predecessor) + L. With L = 0
	 *  the successor starts on the next working day after the
	 *  predecessor's last day; after a milestone, on the milestone's own
	 *  day when a start drives it, or on the working day after it when
	 *  it falls at the end of its day (see #ukwd_milestone_day). A
	 *  milestone successor is dated on the predecessor's last day. */
	UKWD_LINK_FS = 0,
	/** Start to start: s(successor) >= s(predecessor) + L. */
	UKWD_LINK_SS = 1,
	/** Finish to finish: e(successor) >= e(predecessor) + L. */
	UKWD_LINK_FF = 2,
	/** Start to finish: e(successor) >= s(predecessor) + L. */
	UKWD_LINK_SF = 3
} ukwd_link_type;

/**
 * The dates a task can be bound to. Each task has at most one date of
 * each type. A date on a non-working day is rolled: start-type dates
 * forward to the next working day, finish-type dates back to the previous
 * one. The "finish" of a task is its last working day (a milestone's is
 * its own day).
 */
typedef enum ukwd_constraint_type {
	/** Start on or after this date (forward pass only). */
	UKWD_CONSTRAINT_START_NO_EARLIER_THAN = 0,
	/** Finish on or before this date (backward pass only; float goes
	 *  negative when it cannot be met). */
	UKWD_CONSTRAINT_FINISH_NO_LATER_THAN = 1,
	/** Start on exactly this date, in both passes, whatever the links
	 *  say (a broken link shows as negative float on the other task). */
	UKWD_CONSTRAINT_MUST_START_ON = 2,
	/** Finish on exactly this date, in both passes. A task has at most
	 *  one of must-start-on and must-finish-on. */
	UKWD_CONSTRAINT_MUST_FINISH_ON = 3,
	/** A task's deadline: scheduled as finish-no-later-than, reported
	 *  apart from it. */
	UKWD_CONSTRAINT_DEADLINE = 4,
	/** The day work actually started: fixes the start in both passes and
	 *  overrides must-start-on and must-finish-on. */
	UKWD_CONSTRAINT_ACTUAL_START = 5,
	/** The day work actually finished: fixes the finish in both passes;
	 *  with an actual start, the task's duration becomes the working days
	 *  between them. Not before the actual start. */
	UKWD_CONSTRAINT_ACTUAL_FINISH = 6
} ukwd_constraint_type;

/** The number of #ukwd_constraint_type values. */
#define UKWD_CONSTRAINT_TYPE_COUNT 7

/** A link as ukwd_plan_link() reads it back. */
typedef struct ukwd_plan_link_info {
	size_t predecessor;  /**< task index */
	size_t successor;    /**< task index */
	ukwd_link_type type; /**< FS, SS, FF or SF */
	int32_t lag;         /**< working days; negative for a lead */
	const char *source;  /**< borrowed; NULL when none was given */
} ukwd_plan_link_info;

/**
 * @brief Make an empty plan.
 * @param[out] out the plan; the caller frees it with ukwd_plan_free().
 * @return 0; #UKWD_EINVAL if @p out is NULL; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_plan_new(ukwd_plan **out);

/**
 * @brief Free a plan and every string it handed out. NULL is a no-op.
 *
 * Free the schedules made from it first: they borrow it.
 * @since 0.1
 */
UKWD_API void ukwd_plan_free(ukwd_plan *plan);

/**
 * @brief Add a task.
 *
 * @param[out] index optional (may be NULL): the new task's index, which is
 *                   the number of tasks before it.
 * @param[in]  plan     the plan.
 * @param[in]  id       a unique, non-empty identifier, copied. Compared
 *                      byte for byte (case matters).
 * @param[in]  name     a display name, copied; NULL or "" for none (the
 *                      id is shown instead).
 * @param[in]  duration working days, 0 (a milestone) to
 *                      #UKWD_PLAN_MAX_WORKING_DAYS.
 * @param[out] diag     optional; says what was wrong.
 * @return 0; #UKWD_EINVAL for a NULL @p plan or @p id, an empty id or a
 *         duplicate id; #UKWD_ERANGE for a duration out of range, or more
 *         than 2^31 - 2 tasks; #UKWD_ENOMEM. On failure the plan is
 *         unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_plan_add_task(size_t *index, ukwd_plan *plan, const char *id,
                                const char *name, int32_t duration,
                                ukwd_diag *diag);

/**
 * @brief Record a three-point estimate of a task's duration.
 *
 * The estimate is kept for renderers and for the caller's own risk
 * analysis; schedules use the task's duration.
 *
 * @param[in] plan        the plan.
 * @param[in] task        the task's index.
 * @param[in] optimistic  working days, 0 to #UKWD_PLAN_MAX_WORKING_DAYS.
 * @param[in] most_likely working days, at least @p optimistic.
 * @param[in] pessimistic working days, at least @p most_likely and at most
 *                        #UKWD_PLAN_MAX_WORKING_DAYS.
 * @param[out] diag       optional.
 * @return 0; #UKWD_EINVAL for a NULL @p plan or values out of order;
 *         #UKWD_ENOTFOUND for a task index out of range; #UKWD_ERANGE for
 *         a value out of range; #UKWD_ENOMEM. On failure the plan is
 *         unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_plan_set_estimate(ukwd_plan *plan, size_t task,
                                    int32_t optimistic, int32_t most_likely,
                                    int32_t pessimistic, ukwd_diag *diag);

/**
 * @brief Set a started task's remaining work: the working days it still
 *        needs after the status date.
 *
 * Used only by a schedule with a status date
 * (ukwd_schedule_options::has_status_date), and only for a task with an
 * actual start and no actual finish: the task then runs from its actual
 * start to the @p remaining -th working day after the status date (to the
 * status date itself for 0). Without it such a task has its planned
 * duration left less the working days from its actual start to the
 * status date (at least 0). ukwd_schedule_new() refuses a plan where a
 * task that is not in progress has remaining work, or where any task has
 * it and no status date is given, so that it is never silently ignored.
 *
 * @param[in] plan      the plan.
 * @param[in] task      the task's index.
 * @param[in] remaining working days, 0 to #UKWD_PLAN_MAX_WORKING_DAYS.
 * @param[out] diag     optional.
 * @return 0; #UKWD_EINVAL for a NULL @p plan; #UKWD_ENOTFOUND for a task
 *         index out of range; #UKWD_ERANGE for a value out of range;
 *         #UKWD_ENOMEM. On failure the plan is unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_plan_set_remaining(ukwd_plan *plan, size_t task,
                                     int32_t remaining, ukwd_diag *diag);

/**
 * @brief Remove a task's remaining work (ukwd_plan_set_remaining()).
 * @return 0; #UKWD_EINVAL for a NULL @p plan; #UKWD_ENOTFOUND for a task
 *         index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_plan_clear_remaining(ukwd_plan *plan, size_t task);

/**
 * @brief Change a task's duration.
 *
 * Schedules made before the change may no longer be read (their
 * functions return #UKWD_EINVAL); schedule the plan again.
 *
 * @param[in] plan     the plan.
 * @param[in] task     the task's index.
 * @param[in] duration working days, 0 (a milestone) to
 *                     #UKWD_PLAN_MAX_WORKING_DAYS.
 * @param[out] diag    optional.
 * @return 0; #UKWD_EINVAL for a NULL @p plan; #UKWD_ENOTFOUND for a task
 *         index out of range; #UKWD_ERANGE for a duration out of range.
 *         On failure the plan is unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_plan_set_duration(ukwd_plan *plan, size_t task,
                                    int32_t duration, ukwd_diag *diag);

/**
 * @brief Set or clear a task's source: where its duration comes from.
 * @param[in] plan   the plan.
 * @param[in] task   the task's index.
 * @param[in] source copied, strings and all (a NULL citation or
 *                   reference is kept as ""); NULL clears it.
 * @return 0; #UKWD_EINVAL for a NULL @p plan or a tag that is no
 *         #ukwd_source_tag; #UKWD_ENOTFOUND for a task index out of
 *         range; #UKWD_ENOMEM (the plan is then unchanged). A source set
 *         earlier stays valid until the plan is freed.
 * @since 0.1
 */
UKWD_API int ukwd_plan_set_task_source(ukwd_plan *plan, size_t task,
                                       const ukwd_source *source);

/**
 * @brief Add a link: @p successor depends on @p predecessor.
 *
 * Two links between the same two tasks in the same direction must differ
 * in type (an FS and an SS link together are allowed; two FS links are
 * not). A link from a task to itself is a cycle of one.
 *
 * @param[out] index       optional: the new link's index (links are
 *                         numbered in the order added).
 * @param[in]  plan        the plan.
 * @param[in]  predecessor a task index.
 * @param[in]  successor   a task index, not @p predecessor.
 * @param[in]  type        #UKWD_LINK_FS, _SS, _FF or _SF.
 * @param[in]  lag         working days, -#UKWD_PLAN_MAX_WORKING_DAYS to
 *                         #UKWD_PLAN_MAX_WORKING_DAYS; negative is a lead.
 * @param[in]  source      optional free text (a citation), copied; NULL
 *                         for none.
 * @param[out] diag        optional.
 * @return 0; #UKWD_EINVAL for a NULL @p plan, an unknown type or a
 *         duplicate link; #UKWD_ENOTFOUND for a task index out of range;
 *         #UKWD_ECYCLE for a link from a task to itself; #UKWD_ERANGE for
 *         a lag out of range, or more than 2^30 - 2 links; #UKWD_ENOMEM.
 *         On failure the plan is unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_plan_add_link(size_t *index, ukwd_plan *plan,
                                size_t predecessor, size_t successor,
                                ukwd_link_type type, int32_t lag,
                                const char *source, ukwd_diag *diag);

/**
 * @brief Bind a task to a date, replacing any date of the same type.
 *
 * @param[in] plan the plan.
 * @param[in] task the task's index.
 * @param[in] type which date (#ukwd_constraint_type).
 * @param[in] date 0001-01-01 to 9999-12-31. Whether it is in the calendar's
 *                 range is checked when the plan is scheduled.
 * @param[out] diag optional.
 * @return 0; #UKWD_EINVAL for a NULL @p plan, an unknown type, a
 *         must-start-on on a task that has a must-finish-on (or the
 *         reverse), an actual finish before the task's actual start (or
 *         the reverse), or a milestone whose actual start and finish
 *         differ; #UKWD_ENOTFOUND for a task index out of range;
 *         #UKWD_ERANGE for a date outside 0001..9999; #UKWD_ENOMEM. On
 *         failure the plan is unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_plan_set_constraint(ukwd_plan *plan, size_t task,
                                      ukwd_constraint_type type, ukwd_date date,
                                      ukwd_diag *diag);

/**
 * @brief Remove a task's date of one type.
 * @return 0, also when the task had no such date; #UKWD_EINVAL for a NULL
 *         @p plan or an unknown type; #UKWD_ENOTFOUND for a task index out
 *         of range.
 * @since 0.1
 */
UKWD_API int ukwd_plan_clear_constraint(ukwd_plan *plan, size_t task,
                                        ukwd_constraint_type type);

/**
 * @brief Set the project deadline: every task must finish on or before it
 *        (rolled back to a working day). A deadline that cannot be met
 *        gives negative float, not an error.
 * @param[in] plan     the plan.
 * @param[in] deadline 0001-01-01 to 9999-12-31.
 * @return 0; #UKWD_EINVAL for a NULL @p plan; #UKWD_ERANGE for a date
 *         outside 0001..9999.
 * @since 0.1
 */
UKWD_API int ukwd_plan_set_deadline(ukwd_plan *plan, ukwd_date deadline);

/**
 * @brief Remove the project deadline.
 * @return 0; #UKWD_EINVAL for a NULL @p plan.
 * @since 0.1
 */
UKWD_API int ukwd_plan_clear_deadline(ukwd_plan *plan);

/**
 * @brief Read a plan from CSV text.
 *
 * The first record is a header naming the columns, in any order, each at
 * most once (names are matched without regard to case or surrounding
 * spaces). Required: `id`, `name`, `duration`, `predecessors`. Optional:
 * `deadline`, `start_no_earlier_than`, `finish_no_later_than`,
 * `must_start_on`, `must_finish_on`, `actual_start`, `actual_finish`
 * (ISO dates, empty for none), `optimistic`, `most_likely`, `pessimistic`
 * (all three or none), `remaining` (working days, for a task in
 * progress: ukwd_plan_set_remaining()), `source` (a tag alone, as
 * ukwd_source_tag_name() writes it, or empty for none), `citation` and
 * `reference` (the source's, given only with a tag). Any other column is an
 * error, so a misspelt column is never silently ignored.
 *
 * Each further record is a task, in plan order:
 * - `duration` (and estimates) is a whole number of working days,
 *   optionally followed by `d`, `day` or `days` ("5", "5d", "5 days");
 *   weeks, months and elapsed days are refused, never converted.
 * - `predecessors` lists links separated by `;`, each
 *   `ID[:TYPE][+N|-N]` with TYPE one of FS, SS, FF, SF (default FS) and N
 *   a lag in working days (with the same optional unit). Microsoft
 *   Project's form, the type straight after the id (`2FS+3 days`), is
 *   read too. A predecessor that is exactly an id is that id, so ids may
 *   contain `+`, `-` and `:`; ids containing `;` cannot be referred to.
 *   Predecessors may be defined before or after the task that names them.
 *
 * The text is RFC 4180 CSV: fields separated by commas, records by LF or
 * CRLF; a field in double quotes may contain commas, line breaks and
 * doubled quotes (two double quotes stand for one). Unquoted fields are trimmed
 * of spaces and tabs. A leading UTF-8 byte-order mark and blank lines are
 * skipped.
 *
 * @param[out] out         the plan; the caller frees it. Unchanged on
 *                         failure.
 * @param[in]  data        the CSV text; not NUL-terminated; may contain
 *                         any bytes (a NUL byte is an error).
 * @param[in]  size        its length in bytes.
 * @param[in]  source_name optional: the input's name (a file name), copied
 *                         into ukwd_diag::source on failure.
 * @param[out] diag        optional: on failure, the 1-based line (of the
 *                         field at fault, or of the record) and column,
 *                         and what is wrong, e.g. "unknown predecessor
 *                         'x'", "duplicate id 'a' (first on line 3)",
 *                         "missing column 'duration'",
 *                         "cycle: a -> b -> a".
 * @return 0; #UKWD_EINVAL for a NULL @p out, or NULL @p data with a
 *         non-zero @p size; #UKWD_EPARSE for malformed CSV, a missing,
 *         unknown or repeated column, a bad number or date, an empty or
 *         duplicate id, an unknown predecessor or a duplicate link;
 *         #UKWD_ERANGE for a number or date out of range; #UKWD_ECYCLE for
 *         a dependency cycle, with the line of the cycle's last task in
 *         the file; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_plan_read_csv(ukwd_plan **out, const char *data, size_t size,
                                const char *source_name, ukwd_diag *diag);

/**
 * @brief Find a dependency cycle, if the plan has one.
 *
 * Takes time and memory linear in tasks + links. The cycle is given in
 * dependency order (each task is a predecessor of the next, and the last
 * of the first), starting from its task with the lowest index.
 *
 * @param[out] tasks    optional when @p capacity is 0: the cycle's task
 *                      indices, at most @p capacity of them.
 * @param[in]  capacity the length of @p tasks.
 * @param[out] length   optional: the cycle's length (0 for none), even
 *                      when it exceeds @p capacity.
 * @param[in]  plan     the plan.
 * @param[out] diag     optional: on #UKWD_ECYCLE, "cycle: a -> b -> a"
 *                      (shortened with "..." if long).
 * @return 0 if there is no cycle; #UKWD_ECYCLE if there is;
 *         #UKWD_EINVAL for a NULL @p plan, or NULL @p tasks with a
 *         non-zero @p capacity; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_plan_find_cycle(size_t *tasks, size_t capacity,
                                  size_t *length, const ukwd_plan *plan,
                                  ukwd_diag *diag);

/**
 * @brief The number of tasks. 0 for a NULL @p plan.
 * @since 0.1
 */
UKWD_API size_t ukwd_plan_task_count(const ukwd_plan *plan);

/**
 * @brief The number of links. 0 for a NULL @p plan.
 * @since 0.1
 */
UKWD_API size_t ukwd_plan_link_count(const ukwd_plan *plan);

/**
 * @brief The index of the task with id @p id.
 * @param[out] index the index; unchanged on failure.
 * @param[in]  plan  the plan.
 * @param[in]  id    the task's id, compared byte for byte.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ENOTFOUND.
 * @since 0.1
 */
UKWD_API int ukwd_plan_find(size_t *index, const ukwd_plan *plan,
                            const char *id);

/**
 * @brief A task's id, borrowed; NULL for a NULL @p plan or an index out
 *        of range.
 * @since 0.1
 */
UKWD_API const char *ukwd_plan_task_id(const ukwd_plan *plan, size_t task);

/**
 * @brief A task's name, borrowed; "" when it has none; NULL for a NULL
 *        @p plan or an index out of range.
 * @since 0.1
 */
UKWD_API const char *ukwd_plan_task_name(const ukwd_plan *plan, size_t task);

/**
 * @brief A task's source, borrowed (its citation and reference are never
 *        NULL, "" for none); NULL when it has none (or for a NULL @p plan
 *        or an index out of range).
 * @since 0.1
 */
UKWD_API const ukwd_source *ukwd_plan_task_source(const ukwd_plan *plan,
                                                  size_t task);

/**
 * @brief A task's planned duration in working days (0 for a milestone);
 *        #UKWD_EINVAL for a NULL @p plan, #UKWD_ENOTFOUND for an index out
 *        of range.
 * @since 0.1
 */
UKWD_API int32_t ukwd_plan_task_duration(const ukwd_plan *plan, size_t task);

/**
 * @brief A task's three-point estimate, in working days. Any output
 *        pointer may be NULL.
 * @return 0; #UKWD_EINVAL for a NULL @p plan; #UKWD_ENOTFOUND for an index
 *         out of range or a task without an estimate (outputs unchanged).
 * @since 0.1
 */
UKWD_API int ukwd_plan_task_estimate(int32_t *optimistic, int32_t *most_likely,
                                     int32_t *pessimistic,
                                     const ukwd_plan *plan, size_t task);

/**
 * @brief A task's remaining work, ukwd_plan_set_remaining().
 * @param[out] remaining working days.
 * @param[in]  plan      the plan.
 * @param[in]  task      the task's index.
 * @return 0; #UKWD_ENOTFOUND for a task without one or an index out of
 *         range (@p remaining untouched); #UKWD_EINVAL for a NULL
 *         @p plan or @p remaining.
 * @since 0.1
 */
UKWD_API int ukwd_plan_task_remaining(int32_t *remaining, const ukwd_plan *plan,
                                      size_t task);

/**
 * @brief A task's date of one type, as given (not rolled).
 * @param[out] date the date; unchanged on failure.
 * @param[in]  plan the plan.
 * @param[in]  task the task's index.
 * @param[in]  type which date.
 * @return 0; #UKWD_EINVAL for a NULL argument or an unknown type;
 *         #UKWD_ENOTFOUND for an index out of range or no such date.
 * @since 0.1
 */
UKWD_API int ukwd_plan_task_constraint(ukwd_date *date, const ukwd_plan *plan,
                                       size_t task, ukwd_constraint_type type);

/**
 * @brief The project deadline.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ENOTFOUND if the plan
 *         has none.
 * @since 0.1
 */
UKWD_API int ukwd_plan_deadline(ukwd_date *deadline, const ukwd_plan *plan);

/**
 * @brief Read a link back.
 * @param[out] out  the link; its source is borrowed from the plan.
 * @param[in]  plan the plan.
 * @param[in]  link the link's index, 0 to ukwd_plan_link_count() - 1.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ENOTFOUND for an
 *         index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_plan_link(ukwd_plan_link_info *out, const ukwd_plan *plan,
                            size_t link);

/**
 * @brief "FS", "SS", "FF" or "SF"; NULL for an unknown value.
 * @since 0.1
 */
UKWD_API const char *ukwd_link_type_name(ukwd_link_type type);

/**
 * @brief The constraint's name in words, e.g. "start no earlier than",
 *        "must finish on", "actual start"; NULL for an unknown value.
 * @since 0.1
 */
UKWD_API const char *ukwd_constraint_type_name(ukwd_constraint_type type);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_PLAN_H */
