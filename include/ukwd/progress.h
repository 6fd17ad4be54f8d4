/**
 * @file ukwd/progress.h
 * @brief Progress against a baseline: each task's slip in working days,
 *        the project finish variance, and the tasks that moved the finish.
 *
 * A **baseline** is the dates of an earlier schedule, kept by task id: read
 * back from the JSON that ukwd_render_json() writes (any schedule saved
 * with `ukwd-plan --format json`), or taken from a #ukwd_schedule in
 * memory. Only each task's id and early start and finish are used, and the
 * project's start and finish; every other member of the JSON is read as
 * JSON and otherwise ignored, so a file from a later release that adds
 * members still reads.
 *
 * A **comparison** (#ukwd_progress) sets a schedule of today's plan (made
 * with a status date or not: see ukwd/schedule.h) against a baseline.
 * Tasks are matched by id. All slips are in working days of the
 * schedule's calendar, early dates against the baseline's: the number of
 * working days from the baseline's date to today's, negative when today's
 * is earlier. For a start that is 0 when both are the same day; a start
 * moved from Monday to Wednesday of one week has slipped 2.
 *
 * **What moved the finish.** Walking each critical path of the schedule
 * (ukwd_schedule_critical_path()) from its first task, a task *added*
 * what its finish slip exceeds the finish slip of the task before it on
 * the path (the first task: its whole finish slip); a task new since the
 * baseline added the working days it occupies. The tasks that added more
 * than 0 are the ones that moved the finish, in path order, each once
 * (with the most it added on any path).
 *
 * A comparison borrows its schedule and baseline: free it first.
 */
#ifndef UKWD_PROGRESS_H
#define UKWD_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

#include "ukwd/common.h"
#include "ukwd/date.h"
#include "ukwd/error.h"
#include "ukwd/schedule.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An earlier schedule's dates by task id; immutable once made. */
typedef struct ukwd_baseline ukwd_baseline;

/**
 * @brief Read a baseline from a schedule saved as JSON
 *        (ukwd_render_json(), `"format_version": 1`).
 *
 * Needed: the top-level object's `format_version` (1) and `tasks`, an
 * array of objects each with `id`, `early_start` and `early_finish`
 * (ISO dates); `project` with `start` and `finish` is used when present.
 * Any other member is skipped. The text must be valid JSON (RFC 8259,
 * UTF-8).
 *
 * @param[out] out         the baseline, to free with ukwd_baseline_free();
 *                         untouched on failure.
 * @param[in]  data        the text (need not be NUL-terminated).
 * @param[in]  size        its length in bytes.
 * @param[in]  source_name optional: names the input in @p diag.
 * @param[out] diag        optional: line and byte column of the problem.
 * @return 0; #UKWD_EPARSE for text that is not JSON, a
 *         `format_version` other than 1, a missing or mistyped member, a
 *         date that does not parse, or an early finish before its start;
 *         #UKWD_ERANGE for a date out of range; #UKWD_EINVAL for NULL
 *         @p out or NULL @p data with a non-zero @p size; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_baseline_read_json(ukwd_baseline **out, const char *data,
                                     size_t size, const char *source_name,
                                     ukwd_diag *diag);

/**
 * @brief A baseline of a schedule in memory: its tasks' ids and early
 *        dates, and its span.
 * @return 0; #UKWD_EINVAL for NULL arguments or a schedule whose plan has
 *         changed; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_baseline_from_schedule(ukwd_baseline **out,
                                         const ukwd_schedule *sched);

/** @brief Free a baseline. NULL is fine. @since 0.1 */
UKWD_API void ukwd_baseline_free(ukwd_baseline *baseline);

/** @brief The number of tasks in a baseline; 0 for NULL. @since 0.1 */
UKWD_API size_t ukwd_baseline_task_count(const ukwd_baseline *baseline);

/**
 * @brief The baseline's project start and finish.
 * @param[out] start  optional.
 * @param[out] finish optional.
 * @return 0; #UKWD_ENOTFOUND for a baseline read from JSON without
 *         `project`; #UKWD_EINVAL for NULL @p baseline.
 * @since 0.1
 */
UKWD_API int ukwd_baseline_span(ukwd_date *start, ukwd_date *finish,
                                const ukwd_baseline *baseline);

/** A schedule set against a baseline; immutable once made. */
typedef struct ukwd_progress ukwd_progress;

/**
 * @brief Compare a schedule with a baseline (see the file's description).
 * @param[out] out      the comparison, to free with ukwd_progress_free()
 *                      before the schedule or the baseline; untouched on
 *                      failure.
 * @param[in]  sched    today's schedule (borrowed).
 * @param[in]  baseline the baseline (borrowed).
 * @param[out] diag     optional.
 * @return 0; #UKWD_EINVAL for NULL arguments, a schedule whose plan has
 *         changed, or a baseline that has a task id of the plan twice;
 *         #UKWD_ERANGE when a baseline date is outside the schedule's
 *         calendar; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_progress_new(ukwd_progress **out, const ukwd_schedule *sched,
                               const ukwd_baseline *baseline, ukwd_diag *diag);

/** @brief Free a comparison. NULL is fine. @since 0.1 */
UKWD_API void ukwd_progress_free(ukwd_progress *progress);

/** @brief The schedule a comparison was made from (borrowed); NULL for
 *  NULL. @since 0.1 */
UKWD_API const ukwd_schedule *
ukwd_progress_schedule(const ukwd_progress *progress);

/** One task against the baseline: ukwd_progress_task(). */
typedef struct ukwd_task_slip {
	/** 1 when the baseline has the task's id; 0 for a task new since
	 *  the baseline (the other members are then 0). */
	int in_baseline;
	ukwd_date baseline_start;  /**< the baseline's early start */
	ukwd_date baseline_finish; /**< the baseline's early finish */
	/** Working days from the baseline's early start to today's;
	 *  positive: later. */
	int32_t start_slip;
	int32_t finish_slip; /**< the same for the early finish */
	/** Working days of the finish variance this task added (see "What
	 *  moved the finish"); 0 for a task not on a critical path. */
	int32_t added;
} ukwd_task_slip;

/**
 * @brief One task of the schedule against the baseline.
 * @return 0; #UKWD_EINVAL for NULL arguments; #UKWD_ENOTFOUND for a task
 *         index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_progress_task(ukwd_task_slip *out,
                                const ukwd_progress *progress, size_t task);

/**
 * @brief The project finish variance: working days from the baseline's
 *        project finish to the schedule's (positive: later).
 * @param[out] working_days the variance.
 * @param[out] baseline_finish optional: the baseline's project finish.
 * @return 0; #UKWD_ENOTFOUND for a baseline without a project finish;
 *         #UKWD_EINVAL for NULL @p working_days or @p progress.
 * @since 0.1
 */
UKWD_API int ukwd_progress_finish_variance(int32_t *working_days,
                                           ukwd_date *baseline_finish,
                                           const ukwd_progress *progress);

/**
 * @brief The tasks that moved the finish, in critical-path order.
 * @param[out] tasks their indexes in the plan (borrowed, valid until the
 *                   comparison is freed); optional.
 * @param[out] count how many.
 * @param[in]  progress the comparison.
 * @return 0; #UKWD_EINVAL for NULL @p count or @p progress.
 * @since 0.1
 */
UKWD_API int ukwd_progress_finish_movers(const size_t **tasks, size_t *count,
                                         const ukwd_progress *progress);

/**
 * @brief The baseline's tasks that the plan no longer has, by their index
 *        in the baseline, and their ids.
 * @return the number of such tasks; 0 for NULL.
 * @since 0.1
 */
UKWD_API size_t ukwd_progress_removed_count(const ukwd_progress *progress);

/**
 * @brief The id of the k-th baseline task the plan no longer has
 *        (borrowed from the baseline); NULL for k out of range or NULL.
 * @since 0.1
 */
UKWD_API const char *ukwd_progress_removed_id(const ukwd_progress *progress,
                                              size_t k);

#ifdef __cplusplus
}
#endif

#endif
