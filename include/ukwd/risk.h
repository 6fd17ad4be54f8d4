/**
 * @file ukwd/risk.h
 * @brief Schedule risk: Monte Carlo over a plan's three-point estimates.
 *
 * ukwd_risk_new() takes a #ukwd_schedule and reschedules its plan N times
 * ("iterations"), each time with every estimated task's duration drawn
 * at random from its three-point estimate (ukwd_plan_set_estimate()).
 * Everything else is fixed: links, lags, constraints, actual dates, the
 * project deadline, the calendar, the direction and the project date of
 * the schedule. Each iteration is exactly the schedule ukwd_schedule_new()
 * would compute for the plan with the drawn durations (same working-day
 * index space, same rules for milestones, float and constraints; see
 * ukwd/schedule.h). The result is an immutable #ukwd_risk.
 *
 * **Draws.** A task with an estimate (optimistic o <= most likely m <=
 * pessimistic p, in working days) takes a duration X from a continuous
 * distribution on [o, p] with its mode at m, rounded to the nearest whole
 * working day, halves up: D = floor(X + 0.5), so D is in o..p and
 * P(D <= k) = F(k + 0.5) for the distribution's CDF F. A task whose
 * three values are equal always takes that value; a task with no estimate
 * keeps its duration. The task's own duration (ukwd_plan_task_duration())
 * plays no part when it has an estimate.
 * - #UKWD_RISK_TRIANGULAR (the default): the triangular distribution,
 *   mean (o + m + p) / 3, drawn by its inverse CDF.
 * - #UKWD_RISK_PERT: PERT-Beta, a Beta(a, b) on [o, p] with
 *   a = 1 + 4 (m - o) / (p - o), b = 1 + 4 (p - m) / (p - o),
 *   mean (o + 4 m + p) / 6.
 *
 * **Seed and threads.** Iteration i (0 to N - 1) draws from a generator
 * of its own, xoshiro256** seeded from (seed, i) by splitmix64's mixer,
 * taking the estimated tasks in plan order. What an iteration draws thus
 * depends only on the seed, i and the plan, and every total is an
 * integer sum, so the results are identical for any thread count and on
 * every machine with IEEE-754 double arithmetic: triangular draws use
 * only +, -, *, / and sqrt, which IEEE rounds exactly. PERT draws
 * (Marsaglia and Tsang's method for the two Gamma variates) also use the
 * C library's log, whose last bit may differ between C libraries; an
 * iteration's draws then differ only if such a bit decides a comparison,
 * which is vanishingly rare but not impossible.
 *
 * **What each iteration yields** (working-day numbers as in
 * ukwd_scheduled_task: 0 is the calendar's first working day):
 * - the project finish: the latest early finish as printed (a milestone
 *   at the end of a day counts as that day), as ukwd_schedule_span();
 * - the project start: forward, the project start rolled forward (the
 *   same in every iteration); backward, the earliest late start, the
 *   start the backward schedule computes;
 * - each task's early finish as printed (ukwd_scheduled_task's
 *   early_finish), and whether it is critical (total float <= 0).
 * Totals over the iterations: histograms of the project finish and start
 * and of each task's finish, one count per working day; each task's
 * count of critical iterations; and for each estimated task the Spearman
 * rank correlation of its drawn duration with the project's outcome:
 * forward, the project finish; backward, the project start negated (so
 * that in both a task whose length drives the project scores near +1).
 *
 * **Percentiles.** The p-percentile of the N iterations is the first
 * working day by which at least ceil(p N) of them (and at least one) have
 * finished: the lower empirical quantile, always a day that some
 * iteration ended on. p N counts as an integer when within a relative
 * 1e-12 of one (so 0.8 x 10000 is 8000, not 8001).
 *
 * **Backward plans.** For a plan scheduled backward to a finish date F,
 * iteration i's project start S_i is the latest start from which the
 * project still finishes by F with those durations: starting on any
 * working day numbered S <= S_i meets F (exact for plans whose only dates
 * are the project's; with task dates, as the backward schedule decides).
 * So the latest start that meets F with probability p is the largest S
 * with at least ceil(p N) iterations having S_i >= S:
 * ukwd_risk_latest_start(). ("Start by 2017-06-05 for an 80 % chance of
 * being a DCC User by 2017-11-25".)
 *
 * **Status date.** A schedule made from a status date
 * (ukwd_schedule_options::has_status_date) is run from it, each iteration
 * by the schedule's rules (see ukwd_schedule_options): the remaining work
 * is what is uncertain.
 * - A task with an actual finish is finished: it keeps its actual dates
 *   and its planned duration (ukwd_plan_task_duration()) in every
 *   iteration, whatever its estimate or branches.
 * - A task in progress (an actual start, no actual finish) keeps its
 *   actual start. With its remaining work given (ukwd_plan_set_remaining())
 *   that is taken as known: it runs to the same day in every iteration,
 *   and its estimate (of the whole task, made before it started) is not
 *   used. Otherwise its work left is the drawn duration D less the working
 *   days W from its actual start to the status date, at least 0, counted
 *   from the first working day after the status date: it finishes on the
 *   (D - W)-th working day after the status date (on the status date's
 *   last working day when D <= W, and at its actual start for D = 0).
 * - Every other task starts after the status date at the earliest.
 * Every estimate is still drawn, so that the other tasks draw the same
 * with or without a status date; a task that no draw can move (finished,
 * remaining work given, or an estimate whose pessimistic value is no more
 * than W) has @c varies 0 and @c sensitivity 0.
 *
 * **Cost.** Time: N times the two passes of a schedule, linear in tasks +
 * links, plus two draws per estimated task and iteration (one to run it,
 * one to rank it); past 262,144 iterations, each further iteration is run
 * twice (below). Memory does not grow with N beyond the histograms:
 * besides what a schedule needs, each task's finish histogram (4 bytes a
 * working day between its earliest and latest finish, per thread while
 * running), each estimated task's duration histogram (4 bytes a working
 * day from its least to its greatest draw), and the project's outcome of
 * at most 262,144 iterations (1 MB in all, whatever the threads), which
 * the rank correlations rank once the histograms are complete; the
 * second pass runs each later iteration again, from the same draws, for
 * its outcome. The results are the same either way.
 *
 * A risk borrows the schedule's calendar, which must outlive it; the
 * schedule and plan may be freed or changed afterwards. A risk may be
 * read from any number of threads at once.
 */
#ifndef UKWD_RISK_H
#define UKWD_RISK_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "date.h"
#include "source.h"
#include "plan.h"
#include "schedule.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_risk Schedule risk
 * @{ */

/** The results of a Monte Carlo run. Free with ukwd_risk_free(). */
typedef struct ukwd_risk ukwd_risk;

/** How a task's duration is drawn from its three-point estimate. */
typedef enum ukwd_risk_distribution {
	/** Triangular on [optimistic, pessimistic], mode most likely. */
	UKWD_RISK_TRIANGULAR = 0,
	/** PERT-Beta: Beta(1 + 4 (m - o) / (p - o), 1 + 4 (p - m) / (p - o))
	 *  on [o, p]. */
	UKWD_RISK_PERT = 1
} ukwd_risk_distribution;

/** The most iterations ukwd_risk_new() runs. */
#define UKWD_RISK_MAX_ITERATIONS 16777216u
/** The most threads ukwd_risk_new() starts. */
#define UKWD_RISK_MAX_THREADS    256u

/** The most cycles a branch may take in one iteration. */
#define UKWD_RISK_MAX_CYCLES   16u
/** The most branches ukwd_risk_new() takes. */
#define UKWD_RISK_MAX_BRANCHES 65536u

/**
 * A probabilistic branch: work that happens only in some iterations, such
 * as a re-test cycle after a failed test or a follow-up assessment after
 * a deferred outcome. It lengthens one task: in each iteration the branch
 * is taken K times, 0 <= K <= @c max_cycles, each further cycle with
 * chance @c probability once the one before was taken (so P(K >= k) =
 * probability^k for k <= max_cycles), and the task's duration grows by
 * K x @c duration working days. A re-test that may fail again is
 * @c max_cycles > 1; a one-off follow-up is @c max_cycles 1.
 *
 * The branches' chances are drawn from the iteration's generator after
 * every three-point estimate, in the order the branches are given, so
 * a branch changes no estimate's draw: with @c probability 0 (or
 * @c duration 0) the results are exactly those without the branch, and
 * with @c probability 1 the task is @c max_cycles x @c duration longer
 * in every iteration. A task with a branch counts as varying (its
 * ukwd_risk_task_result::varies and sensitivity) when the branch can
 * change its duration (probability and duration both above 0); its
 * sensitivity is that of its whole duration, branch included.
 */
typedef struct ukwd_risk_branch {
	/** The task it lengthens: its index in the plan. */
	size_t task;
	/** The chance of each cycle, 0 to 1. */
	double probability;
	/** Working days each cycle adds, 0 to #UKWD_PLAN_MAX_WORKING_DAYS. */
	int32_t duration;
	/** The most cycles in one iteration, 1 to #UKWD_RISK_MAX_CYCLES. */
	uint32_t max_cycles;
	/** A short name for outputs ("srept-retest"); copied; NULL for
	 *  none. */
	const char *id;
	/** Where the probability and duration come from: a valid tag, and
	 *  the citation copied (NULL for none; the reference is not
	 *  kept). */
	ukwd_source source;
} ukwd_risk_branch;

/** Options for ukwd_risk_new(). */
typedef struct ukwd_risk_options {
	unsigned int version; /**< #UKWD_RISK_OPTIONS_VERSION */
	/** N, the number of iterations: 1 to #UKWD_RISK_MAX_ITERATIONS;
	 *  default 10000. */
	uint32_t iterations;
	/** The generator's seed; default 0. Same seed, same results. */
	uint64_t seed;
	/** #UKWD_RISK_TRIANGULAR (the default) or #UKWD_RISK_PERT. */
	ukwd_risk_distribution distribution;
	/** Threads to run on: 0 or 1 (the default) run on the calling thread
	 *  only; more start that many POSIX threads (at most
	 *  #UKWD_RISK_MAX_THREADS, and never more than N), or fewer when the
	 *  system refuses one. The results do not depend on it. */
	unsigned int threads;
	/** 1: @c deadline is set; 0 (the default): the plan's project
	 *  deadline is used, if it has one. Forward schedules only. */
	int has_deadline;
	/** A date to give the probability of finishing by
	 *  (ukwd_risk_deadline()); rolled back to a working day. */
	ukwd_date deadline;
	/** Version 2. Probabilistic branches (#ukwd_risk_branch), read
	 *  during ukwd_risk_new() only (the risk keeps copies); NULL when
	 *  @c branch_count is 0 (the default). */
	const ukwd_risk_branch *branches;
	/** Version 2. The number of @c branches, at most
	 *  #UKWD_RISK_MAX_BRANCHES; default 0. */
	size_t branch_count;
} ukwd_risk_options;

/** The current version of #ukwd_risk_options; version 1 callers (without
 *  branches) are still accepted. */
#define UKWD_RISK_OPTIONS_VERSION 2
/** Initialise a #ukwd_risk_options to the defaults. */
#define UKWD_RISK_OPTIONS_INIT                                                 \
	{                                                                      \
		UKWD_RISK_OPTIONS_VERSION, 10000, 0, UKWD_RISK_TRIANGULAR, 0,  \
		    0, 0, NULL, 0                                              \
	}

/**
 * @brief Initialise options of the caller's version to the defaults of
 *        #UKWD_RISK_OPTIONS_INIT: pass #UKWD_RISK_OPTIONS_VERSION as the
 *        caller compiled it; only that version's members are written
 *        (ukwd_risk_new() likewise reads only those).
 * @return 0; #UKWD_EINVAL for NULL or an unknown version (nothing
 *         written).
 * @since 0.1
 */
UKWD_API int ukwd_risk_options_init(ukwd_risk_options *options,
                                    unsigned int version);

/**
 * @brief The name of a distribution: "triangular" or "pert"; NULL for a
 *        value out of range.
 * @since 0.1
 */
UKWD_API const char *ukwd_risk_distribution_name(ukwd_risk_distribution d);

/**
 * @brief Run the Monte Carlo iterations of a schedule.
 *
 * @param[out] out     the results; the caller frees them. Unchanged on
 *                     failure.
 * @param[in]  sched   the schedule: its plan (with the estimates), its
 *                     calendar (borrowed for the risk's lifetime), its
 *                     direction and project date.
 * @param[in]  options optional; NULL means the defaults.
 * @param[out] diag    optional: says what was wrong.
 * @return 0; #UKWD_EINVAL for a NULL @p out or @p sched, a schedule
 *         whose plan changed since it was made (a link added that makes
 *         a cycle, say: schedule it again, which names the cycle), or bad
 *         options: an unknown version or distribution, 0 or more than
 *         #UKWD_RISK_MAX_ITERATIONS iterations, more than
 *         #UKWD_RISK_MAX_THREADS threads, @c has_deadline other than 0
 *         or 1, a deadline for a backward schedule (whose deadline is
 *         its project finish: see ukwd_risk_latest_start()), or a bad
 *         branch (a task index out of range, a probability outside
 *         [0, 1], a duration or cycle count out of range, an unknown
 *         tag; @p diag names the branch by position), or branches NULL
 *         with a count;
 *         #UKWD_ERANGE for a deadline outside the calendar, or when in
 *         some iteration a date falls outside the calendar (@p diag
 *         names the first such iteration and the task);
 *         #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_risk_new(ukwd_risk **out, const ukwd_schedule *sched,
                           const ukwd_risk_options *options, ukwd_diag *diag);

/**
 * @brief Free the results. NULL is a no-op.
 * @since 0.1
 */
UKWD_API void ukwd_risk_free(ukwd_risk *risk);

/** @brief The number of iterations run (N); 0 for NULL. @since 0.1 */
UKWD_API uint32_t ukwd_risk_iterations(const ukwd_risk *risk);

/** @brief The number of tasks (the plan's when it ran); 0 for NULL.
 *  @since 0.1 */
UKWD_API size_t ukwd_risk_task_count(const ukwd_risk *risk);

/** A distribution of finish days over the iterations. */
typedef struct ukwd_risk_outcome {
	/** The 10th percentile: a working day (see "Percentiles" above). */
	ukwd_date p10;
	ukwd_date p50; /**< the 50th percentile (the median) */
	ukwd_date p80; /**< the 80th percentile */
	ukwd_date p90; /**< the 90th percentile */
	ukwd_date p95; /**< the 95th percentile */
	ukwd_date min; /**< the earliest day of any iteration */
	ukwd_date max; /**< the latest day of any iteration */
	/** The mean, as a working-day number (0 is the calendar's first
	 *  working day), comparable to ukwd_scheduled_task's indices. */
	double mean_index;
	/** The working day numbered @c mean_index rounded half up. */
	ukwd_date mean;
} ukwd_risk_outcome;

/**
 * @brief The distribution of the project finish (its last working day,
 *        inclusive, as ukwd_schedule_span() gives it).
 * @param[out] out  filled; unchanged on failure.
 * @param[in]  risk the results.
 * @return 0; #UKWD_EINVAL for a NULL argument.
 * @since 0.1
 */
UKWD_API int ukwd_risk_finish(ukwd_risk_outcome *out, const ukwd_risk *risk);

/** One task's results, from ukwd_risk_task(). */
typedef struct ukwd_risk_task_result {
	/** Its early finish (last working day, inclusive; a milestone's
	 *  day) over the iterations. */
	ukwd_risk_outcome finish;
	/** The share of iterations in which it was critical (total float
	 *  <= 0), 0 to 1. */
	double criticality;
	/** The Spearman rank correlation (ranks of ties averaged) of its
	 *  drawn duration with the project's outcome (see above), -1 to 1;
	 *  0 for a task with no estimate or equal estimates, when
	 *  @c varies is 0, and when the outcome never varied. */
	double sensitivity;
	/** 1 when the task has an estimate whose values are not all equal
	 *  (its duration varied), or a branch that can lengthen it; 0 when
	 *  a status date leaves no draw that moves it (see "Status date"
	 *  above). */
	int varies;
} ukwd_risk_task_result;

/**
 * @brief One task's finish distribution, criticality and sensitivity.
 * @param[out] out  filled; unchanged on failure.
 * @param[in]  risk the results.
 * @param[in]  task the task's index in the plan.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ENOTFOUND for an
 *         index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_risk_task(ukwd_risk_task_result *out, const ukwd_risk *risk,
                            size_t task);

/**
 * @brief Any percentile of the project finish.
 * @param[out] out  the working day; unchanged on failure.
 * @param[in]  risk the results.
 * @param[in]  p    0 to 1 (0.8 for P80; 0 gives the earliest day).
 * @return 0; #UKWD_EINVAL for a NULL argument or @p p outside [0, 1].
 * @since 0.1
 */
UKWD_API int ukwd_risk_finish_percentile(ukwd_date *out, const ukwd_risk *risk,
                                         double p);

/**
 * @brief Any percentile of a task's early finish.
 * @param[out] out  the working day; unchanged on failure.
 * @param[in]  risk the results.
 * @param[in]  task the task's index.
 * @param[in]  p    0 to 1.
 * @return 0; #UKWD_EINVAL for a NULL argument or @p p outside [0, 1];
 *         #UKWD_ENOTFOUND for an index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_risk_task_percentile(ukwd_date *out, const ukwd_risk *risk,
                                       size_t task, double p);

/**
 * @brief A histogram by working day: counts[j] iterations ended on the
 *        j-th working day from @p first (consecutive entries are
 *        consecutive working days; weekends and holidays have none).
 *
 * @param[out] counts borrowed, valid as long as the risk; the counts add
 *                    up to N.
 * @param[out] length the number of entries, from the earliest day of any
 *                    iteration to the latest, both included.
 * @param[out] first  optional: the working day of counts[0].
 * @param[in]  risk   the results.
 * @param[in]  what   #UKWD_RISK_PROJECT_FINISH, #UKWD_RISK_PROJECT_START,
 *                    or a task's index for its early finish.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ENOTFOUND for an
 *         index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_risk_histogram(const uint32_t **counts, size_t *length,
                                 ukwd_date *first, const ukwd_risk *risk,
                                 size_t what);

/** ukwd_risk_histogram()'s @p what for the project finish. */
#define UKWD_RISK_PROJECT_FINISH ((size_t)-1)
/** ukwd_risk_histogram()'s @p what for the project start (varies only in
 *  a backward schedule: each iteration's earliest late start). */
#define UKWD_RISK_PROJECT_START  ((size_t)-2)

/**
 * @brief The share of iterations whose project finish is on or before a
 *        day: the S-curve's value at @p date.
 * @param[out] probability 0 to 1; unchanged on failure.
 * @param[in]  risk        the results.
 * @param[in]  date        any day of the calendar's range; a non-working
 *                         day counts as the working day before it.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ERANGE for a date
 *         outside the calendar's range.
 * @since 0.1
 */
UKWD_API int ukwd_risk_finish_probability(double *probability,
                                          const ukwd_risk *risk,
                                          ukwd_date date);

/**
 * @brief The probability of meeting the deadline.
 *
 * Forward: the deadline of the options, else the plan's project deadline;
 * the share of iterations that finish on or before it (rolled back to a
 * working day). Backward: the schedule's project finish date, and the
 * share of iterations that meet it when the project starts on the
 * schedule's own start (the earliest late start with the plan's
 * durations), i.e. whose start S_i is on or after it.
 *
 * @param[out] deadline    optional: the deadline as given.
 * @param[out] probability optional: 0 to 1.
 * @param[in]  risk        the results.
 * @return 0; #UKWD_EINVAL for a NULL @p risk; #UKWD_ENOTFOUND for a
 *         forward schedule with no deadline (outputs unchanged).
 * @since 0.1
 */
UKWD_API int ukwd_risk_deadline(ukwd_date *deadline, double *probability,
                                const ukwd_risk *risk);

/**
 * @brief Backward schedules: the latest day to start on for a chance of
 *        at least @p p of finishing by the schedule's project finish.
 *
 * The working day numbered S, S the largest such that at least
 * ceil(p N) iterations (and at least one) have a project start S_i >= S
 * (see "Backward plans" above). A lower @p p gives a later day.
 *
 * @param[out] out  the working day; unchanged on failure.
 * @param[in]  risk the results.
 * @param[in]  p    0 to 1 (0.8 for an 80 % chance).
 * @return 0; #UKWD_EINVAL for a NULL argument, @p p outside [0, 1] or a
 *         forward schedule.
 * @since 0.1
 */
UKWD_API int ukwd_risk_latest_start(ukwd_date *out, const ukwd_risk *risk,
                                    double p);

/** A branch's results, from ukwd_risk_branch_get(). */
typedef struct ukwd_risk_branch_result {
	/** The branch as given; its id and citation are borrowed from the
	 *  risk (NULL when none was given). */
	ukwd_risk_branch branch;
	/** The share of iterations that took it at least once, 0 to 1. */
	double taken;
	/** The mean number of cycles per iteration. */
	double mean_cycles;
} ukwd_risk_branch_result;

/** @brief The number of branches the risk ran with; 0 for NULL.
 *  @since 0.1 */
UKWD_API size_t ukwd_risk_branch_count(const ukwd_risk *risk);

/**
 * @brief One branch as given and how often it was taken.
 * @param[out] out   filled; unchanged on failure.
 * @param[in]  risk  the results.
 * @param[in]  index the branch's position in the options' array.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ENOTFOUND for an
 *         index out of range.
 * @since 0.1
 */
UKWD_API int ukwd_risk_branch_get(ukwd_risk_branch_result *out,
                                  const ukwd_risk *risk, size_t index);

/** @brief The seed the risk ran with; 0 for NULL. @since 0.1 */
UKWD_API uint64_t ukwd_risk_seed(const ukwd_risk *risk);

/** @brief The distribution the risk drew from; #UKWD_RISK_TRIANGULAR for
 *  NULL. @since 0.1 */
UKWD_API ukwd_risk_distribution
ukwd_risk_distribution_of(const ukwd_risk *risk);

/** @} */

/** @defgroup ukwd_risk_render Risk output
 *
 * A risk's results written through a #ukwd_sink, in five formats. Every
 * format gives the same figures: the planned finish, the finish
 * percentiles (P10, P50, P80, P90, P95), mean, earliest and latest; the
 * probability of meeting the deadline when there is one; for a backward
 * schedule the latest start for a 50, 80 and 95 % chance, and the
 * earliest, mean and latest of the iterations' latest starts (text and
 * HTML then leave out the finish percentiles when every iteration
 * finishes on the same day, as they do backward unless task dates
 * decide otherwise); each task's
 * P50, P80 and P95 finish, criticality and sensitivity; each task's
 * three-point estimate with the tag and citation of its task's source
 * (the tag of the range: a PROPOSED range is labelled PROPOSED in every
 * format, beside the figure); and each branch with its tag, citation and
 * how often it was taken. Dates are ISO 8601; probabilities are shares
 * 0 to 1 in JSON and CSV, per cent in text, SVG and HTML.
 *
 * - #UKWD_RISK_FORMAT_TEXT: a summary and a table, one task a row, for a
 *   terminal (names cleaned of control characters).
 * - #UKWD_RISK_FORMAT_JSON: one object, `"format": "ukwd-risk"`,
 *   `"format_version": 1`, with the histogram by working day.
 * - #UKWD_RISK_FORMAT_CSV: one table whose first column `kind` says what
 *   a row is: `finish`, `deadline`, `latest_start`, `task`, `branch` or
 *   `histogram` (RFC 4180, CRLF line ends, a header row). A
 *   `latest_start` row has the start for its chance (`probability`) in
 *   `date`, and the iterations' latest starts' `mean`, `earliest` and
 *   `latest`.
 * - #UKWD_RISK_FORMAT_SVG: four charts: the S-curve (the share of
 *   iterations finished by each working day, P50 and P80 marked and the
 *   deadline if any; backward: the chance of finishing on time by start
 *   day), the histogram, a tornado of the largest sensitivities (at most
 *   ukwd_risk_render_options::tornado), each bar's range tag beside it,
 *   and the plan as bars (early dates; late ones backward) with each
 *   task's P80 finish beside its bar.
 * - #UKWD_RISK_FORMAT_HTML: a page with the SVG inline and the tables.
 *
 * The output depends only on the risk, the schedule and the options, so
 * a fixed seed gives byte-identical output on any thread count.
 * @{ */

/** An output format for ukwd_risk_render(). */
typedef enum ukwd_risk_format {
	UKWD_RISK_FORMAT_TEXT = 0, /**< a summary and a table */
	UKWD_RISK_FORMAT_JSON = 1, /**< one JSON object */
	UKWD_RISK_FORMAT_CSV = 2,  /**< one CSV table */
	UKWD_RISK_FORMAT_SVG = 3,  /**< S-curve, histogram, tornado */
	UKWD_RISK_FORMAT_HTML = 4  /**< the SVG and the tables in a page */
} ukwd_risk_format;

/** Options for ukwd_risk_render(). */
typedef struct ukwd_risk_render_options {
	unsigned int version; /**< #UKWD_RISK_RENDER_OPTIONS_VERSION */
	/** A title for SVG and HTML and the first line of text; NULL (the
	 *  default) for "Schedule risk". Copied into the output only. */
	const char *title;
	/** The most bars in the tornado, 1 to 100; default 10. */
	unsigned int tornado;
	/** Text: 1 for ASCII only (no box-drawing characters); default
	 *  0. */
	int ascii;
} ukwd_risk_render_options;

/** The current version of #ukwd_risk_render_options. */
#define UKWD_RISK_RENDER_OPTIONS_VERSION 1
/** Initialise a #ukwd_risk_render_options to the defaults. */
#define UKWD_RISK_RENDER_OPTIONS_INIT                                          \
	{                                                                      \
		UKWD_RISK_RENDER_OPTIONS_VERSION, NULL, 10, 0                  \
	}

/**
 * @brief A format's name: "text", "json", "csv", "svg" or "html"; NULL for
 *        a value out of range.
 * @since 0.1
 */
UKWD_API const char *ukwd_risk_format_name(ukwd_risk_format format);

/**
 * @brief Write a risk's results.
 *
 * @param[in] risk    the results.
 * @param[in] sched   the schedule the risk ran on (its plan names the
 *                    tasks and gives their estimates and sources): its
 *                    plan must have the risk's task count.
 * @param[in] format  the format.
 * @param[in] options optional; NULL means the defaults.
 * @param[in] write   the sink; it gets the output in pieces.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL for a NULL argument, an unknown format or
 *         options version, a tornado of 0 or more than 100 bars, or a
 *         schedule whose task count differs from the risk's (or whose
 *         plan changed since it was scheduled); #UKWD_EUSER when the sink
 *         returned non-zero (nothing more is written); #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_risk_render(const ukwd_risk *risk, const ukwd_schedule *sched,
                              ukwd_risk_format format,
                              const ukwd_risk_render_options *options,
                              ukwd_sink write, void *payload);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_RISK_H */
