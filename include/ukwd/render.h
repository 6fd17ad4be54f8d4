/**
 * @file ukwd/render.h
 * @brief Schedules rendered as a text Gantt chart, a table, SVG, HTML,
 *        Mermaid, CSV and JSON, and the SEC User Entry Process's report.
 *
 * Every renderer writes through a #ukwd_sink, in pieces, and is
 * deterministic: the same schedule, calendar and options give the same
 * bytes (no clock is read: "today" is an option). Output is UTF-8.
 *
 * Dates are drawn as ukwd/schedule.h prints them: a task's bar covers
 * the working days from its early start to its early finish, both
 * inclusive; a milestone is drawn on the day it is dated (the last day of
 * the work it follows, or its own day when a start drives it, see
 * #ukwd_milestone_day). Non-working days inside
 * a bar are shaded, not counted.
 *
 * **Source tags.** A task's source (#ukwd_source,
 * ukwd_plan_set_task_source()) carries a tag: PROPOSED, CHECKLIST,
 * SOURCED or USER (the User Entry Process's plans give every task one,
 * see ukwd/uep.h). PROPOSED durations are
 * libukwd's own defaults and USER ones the user's, not a published figure,
 * so every graphical renderer draws them differently (hatched in SVG, a
 * lighter bar in text) and labels them.
 *
 * **Targets and today.** Dates the project should finish by without
 * being scheduled to them (a mandate, or a deadline the plan may miss)
 * are #ukwd_render_target values: JSON lists each with whether it is met
 * and by how many working days it is missed, and the text chart, SVG and
 * HTML show a warning line for each one missed. With a `today`, JSON marks
 * each task whose shown start (early dates forward, late dates backward)
 * is before today `"past": true`, and the text chart, SVG and HTML say how
 * many tasks are dated in the past. CSV and JSON give a source's
 * members apart (see each); the other formats print it as one line.
 *
 * **Names in output.** Task ids, names, sources and target labels are
 * the caller's text and may hold anything. Every renderer follows one
 * rule, so that output is always valid UTF-8 in its format and a name
 * can neither break a line, a record or a statement nor reach a terminal
 * as an escape sequence:
 * - a byte that is not part of well-formed UTF-8 (a stray or missing
 *   continuation byte, an overlong form, a surrogate, a code point past
 *   U+10FFFF, U+FFFE or U+FFFF) becomes U+FFFD, one for each such byte;
 * - a control character (U+0000 to U+001F, U+007F, U+0080 to U+009F) is
 *   escaped in JSON (`\n`, else `\u00XX`), and becomes U+FFFD in the
 *   text chart, Mermaid and CSV (tab and newline included: a CSV record
 *   is always one line) and in SVG and HTML, where tab, newline and
 *   return stay as XML white space.
 * A character counts as one column in the text chart whatever it is.
 *
 * Every renderer returns 0; #UKWD_EINVAL for a NULL schedule or sink,
 * bad options or a plan changed since it was scheduled; #UKWD_EUSER when
 * the sink returned non-zero (nothing more is written); #UKWD_ENOMEM.
 * Output written before a failure is not taken back: write to a
 * temporary file and rename it when the renderer returned 0.
 */
#ifndef UKWD_RENDER_H
#define UKWD_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "date.h"
#include "calendar.h"
#include "plan.h"
#include "schedule.h"
#include "progress.h"
#include "risk.h"
#include "uep.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_render Rendering
 * @{ */

/** "No date": the value of ukwd_render_options::today when there is
 *  none. */
#define UKWD_RENDER_NO_DATE ((ukwd_date)INT32_MIN)

/**
 * The longest schedule ukwd_render_svg() and ukwd_render_html() draw: the
 * calendar days from the first to the last date of any task (early or
 * late, inclusive). About 547 years: past some 500 years a drawing is of
 * no use to anyone (at month scale it would be over 400,000 pixels wide),
 * so a longer span is #UKWD_EINVAL; render such a plan as text, CSV or
 * JSON instead.
 * @since 0.1
 */
#define UKWD_RENDER_MAX_DAYS 200000

/** What one column (text) or one grid step (SVG) stands for. */
typedef enum ukwd_render_scale {
	/** The finest scale that fits: day, then week (then month, SVG). */
	UKWD_RENDER_SCALE_AUTO = 0,
	UKWD_RENDER_SCALE_DAY = 1,  /**< a column a calendar day */
	UKWD_RENDER_SCALE_WEEK = 2, /**< a column a week, Monday to Sunday */
	UKWD_RENDER_SCALE_MONTH = 3 /**< SVG only: a month's gridlines */
} ukwd_render_scale;

/** CSV: add the columns `source`, `citation` and `reference`. */
#define UKWD_RENDER_SOURCES 0x1u
/** Table (ukwd_render_table()): add the "Why:" section, what fixed each
 *  task's dates. @since 0.1 */
#define UKWD_RENDER_EXPLAIN 0x2u

/** A date the project should be finished by: a mandate, say. */
typedef struct ukwd_render_target {
	ukwd_date date; /**< the last day that meets it */
	/** What it is, one line, e.g. "domestic small supplier mandate";
	 *  NULL for "target". */
	const char *label;
} ukwd_render_target;

/** A date a chart's header names: a milestone the reader looks for
 *  first ("DCC User (import-supplier)"), say. @since 0.1 */
typedef struct ukwd_render_key_date {
	ukwd_date date; /**< the day */
	/** What happens that day, one line; NULL for "key date". */
	const char *label;
} ukwd_render_key_date;

/** Options for the renderers; NULL means #UKWD_RENDER_OPTIONS_INIT. */
typedef struct ukwd_render_options {
	unsigned int version; /**< #UKWD_RENDER_OPTIONS_VERSION */
	/** Text: the line width in columns (characters), 40 to 10000;
	 *  0 means 100. SVG: the chart's width in pixels, 0 for automatic. */
	int width;
	/** Text: 1 for plain ASCII (`#` bars, `*` milestones), 0 for
	 *  Unicode block characters and `◆`. */
	int ascii;
	/** A "today" line, or #UKWD_RENDER_NO_DATE for none. */
	ukwd_date today;
	/** Text and SVG: #ukwd_render_scale. */
	ukwd_render_scale scale;
	/** #UKWD_RENDER_SOURCES, #UKWD_RENDER_EXPLAIN, or 0. */
	unsigned int flags;
	/** Mermaid, SVG and HTML: a title, or NULL for none (SVG and HTML
	 *  then say "Schedule"). */
	const char *title;
	/** Version 2: dates the project's finish is checked against (see
	 *  "Targets and today" above); borrowed; may be NULL when
	 *  @c target_count is 0. */
	const ukwd_render_target *targets;
	size_t target_count; /**< the number of @c targets */
	/** Version 3: SVG and HTML: the day the chart was made, shown in
	 *  its subtitle, or #UKWD_RENDER_NO_DATE to leave it out. The
	 *  library reads no clock: the caller says (ukwd-plan gives the day
	 *  of `SOURCE_DATE_EPOCH` when it is set, else today). */
	ukwd_date made;
	/** Version 3: SVG and HTML: what the calendar is, one line for the
	 *  subtitle ("England and Wales bank holidays"), or NULL: the
	 *  subtitle then gives its weekend and the holidays in the span. */
	const char *calendar;
	/** Version 3: SVG and HTML: dates listed under the subtitle, in
	 *  this order; borrowed; may be NULL when @c key_date_count is 0. */
	const ukwd_render_key_date *key_dates;
	size_t key_date_count; /**< the number of @c key_dates */
	/** Version 4: the schedule against a baseline (ukwd/progress.h),
	 *  made from the schedule being rendered, or NULL for none. CSV
	 *  then adds the columns `baseline_start`, `baseline_finish`,
	 *  `start_slip` and `finish_slip` (working days; empty for a task
	 *  new since the baseline) and `moved_finish` (the working days
	 *  the task added to the finish variance, ukwd_task_slip::added);
	 *  JSON adds a task's `"baseline"` (null
	 *  for a new task) and a top-level `"progress"` with the finish
	 *  variance, the ids of the tasks that moved the finish and of those
	 *  removed. A comparison of another schedule is #UKWD_EINVAL. */
	const ukwd_progress *progress;
	/** Version 5: the results of ukwd_risk_new() (ukwd/risk.h) on the
	 *  schedule being rendered, or NULL for none. The tables,
	 *  ukwd_render_table()'s and the User Entry Process's
	 *  (ukwd_render_uep()), then gain the columns `P50 FINISH`,
	 *  `P80 FINISH` and `P95 FINISH` (each task's finish percentiles,
	 *  as ukwd_risk_task() gives them) and `CRITICAL` (its criticality
	 *  index, the share of iterations in which it was critical, in per
	 *  cent with one decimal). The other renderers do not read it:
	 *  ukwd_risk_render() gives the risk's own results in every format.
	 *  A risk whose task count is not the schedule's is #UKWD_EINVAL. */
	const ukwd_risk *risk;
} ukwd_render_options;

/** The current version of #ukwd_render_options; version 1 callers
 *  (without targets), version 2 callers (without made, calendar and key
 *  dates), version 3 callers (without progress) and version 4 callers
 *  (without risk) are still accepted. */
#define UKWD_RENDER_OPTIONS_VERSION 5
/** Initialise a #ukwd_render_options to the defaults. */
#define UKWD_RENDER_OPTIONS_INIT                                               \
	{                                                                      \
		UKWD_RENDER_OPTIONS_VERSION, 0, 0, UKWD_RENDER_NO_DATE,        \
		    UKWD_RENDER_SCALE_AUTO, 0u, NULL, NULL, 0,                 \
		    UKWD_RENDER_NO_DATE, NULL, NULL, 0, NULL, NULL             \
	}

/**
 * @brief Initialise options of the caller's version to the defaults of
 *        #UKWD_RENDER_OPTIONS_INIT: pass #UKWD_RENDER_OPTIONS_VERSION as
 *        the caller compiled it; only that version's members are written
 *        (the renderers likewise read only those).
 * @return 0; #UKWD_EINVAL for NULL or an unknown version (nothing
 *         written).
 * @since 0.1
 */
UKWD_API int ukwd_render_options_init(ukwd_render_options *options,
                                      unsigned int version);

/**
 * @brief A text Gantt chart for a terminal.
 *
 * A row per task in plan order: a mark (`*` critical, `!` negative
 * float), the task's name (its id when it has none) cut to fit, and its
 * bar. At day scale a column is a calendar day; at week scale a week,
 * Monday to Sunday (more weeks a column when even weeks do not fit).
 * Bars cover working days (`█`, ASCII `#`; PROPOSED durations `▒`,
 * ASCII `/`); total float follows the bar (`─`, `-`); a milestone is
 * `◆` (`*`); weekend days are shaded (`░`, `:`) and holidays apart
 * (`▚`, `H`), at week scale the weeks that hold a holiday; today is `│`
 * (`|`). Two header lines give the months and (day scale) the weekdays;
 * a legend of what the chart shows follows, then `Holidays:` with the
 * date and name of each holiday in the chart (the first 24, then how
 * many more).
 *
 * @param[in] sched   the schedule.
 * @param[in] options optional: width, ascii, today, scale (day, week or
 *                    auto; month is #UKWD_EINVAL).
 * @param[in] write   the sink.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL; #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_text(const ukwd_schedule *sched,
                              const ukwd_render_options *options,
                              ukwd_sink write, void *payload);

/**
 * @brief A table of the schedule for a terminal (ukwd-plan's default).
 *
 * In this order, each line ending in `\n`:
 * - `Project: FIRST to LAST, N working days (scheduled forward from DATE)`
 *   (`backward to DATE` for a backward schedule), FIRST and LAST as
 *   ukwd_schedule_span() gives them, DATE the schedule's own
 *   (ukwd_schedule_anchor()); then an empty line.
 * - A heading, and a row per task in plan order: a mark (`*` critical,
 *   `!` negative float, else a space), the id and the name (the id when
 *   it has none) in columns as wide as the widest (ID at most 20, TASK
 *   at most 40 characters; longer text is cut with `…`), the duration in
 *   working days, early start and finish, late start and finish, total
 *   and free float in working days.
 * - With targets (ukwd_render_options::targets): an empty line, then a
 *   line a target, its label with a capital initial ("Target" without
 *   one): `Deadline DATE: met, N working days to spare.` or `Deadline
 *   DATE: NOT met, missed by N working days.`, N the working days
 *   between the target and the project's last day.
 * - An empty line, the key (`* critical: no float.`, and the `!` key when
 *   a task has negative float), then `Critical path: a -> b -> c` for each
 *   critical path (numbered when there are several; `, ` between tasks
 *   when one does not link to the next), and `Negative float: ID (N),
 *   ...` when any task has it.
 * - With #UKWD_RENDER_EXPLAIN: an empty line, then what
 *   ukwd_render_explanations() writes: `Why:`, and two lines a task
 *   (ukwd_schedule_explain(): early side, then late side).
 *
 * Ids and names are written cleaned, as the other text renderers do:
 * each ill-formed UTF-8 byte and each control character becomes U+FFFD,
 * so a row is always one line.
 *
 * @param[in] sched   the schedule.
 * @param[in] options optional: targets, flags (#UKWD_RENDER_EXPLAIN);
 *                    the other members are checked but not used.
 * @param[in] write   the sink.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL; #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_table(const ukwd_schedule *sched,
                               const ukwd_render_options *options,
                               ukwd_sink write, void *payload);

/**
 * @brief The schedule against a baseline, for a terminal
 *        (ukwd_render_options::progress, which it needs).
 *
 * In this order, each line ending in `\n`:
 * - `Against the baseline:` and, when the baseline has a project finish,
 *   ` finish DATE, N working days later than the baseline's DATE.`
 *   (`earlier`, or `on the baseline's DATE.` for 0); with a status date
 *   (ukwd_schedule_status_date()), `Status date: DATE.`.
 * - `Moved the finish: ID (+N), ...` with what each task added (see
 *   ukwd/progress.h), or `Moved the finish: none.`.
 * - An empty line and a table of the tasks whose start or finish moved,
 *   and those new since the baseline, in plan order: id (at most 20
 *   characters), baseline start, start, start slip, baseline finish,
 *   finish, finish slip (`+N`, `-N` or `0`; `new` for a new task); then
 *   `N other tasks on their baseline dates.` when there are any.
 * - `No longer in the plan: ID, ...` when the baseline has tasks the plan
 *   has not.
 * Names are cleaned as the other text renderers clean them.
 *
 * @return as the other renderers; #UKWD_EINVAL also without
 *         ukwd_render_options::progress.
 * @since 0.1
 */
UKWD_API int ukwd_render_progress(const ukwd_schedule *sched,
                                  const ukwd_render_options *options,
                                  ukwd_sink write, void *payload);

/**
 * @brief What fixed each task's dates, for a terminal: the `Why:` section
 *        of ukwd_render_table() on its own.
 *
 * For a caller that prints its own table, or none, and wants the
 * explanations after it. The bytes are those that #UKWD_RENDER_EXPLAIN
 * adds to the table, less the empty line before them:
 * - `Why:`;
 * - two lines a task in plan order, each `  ID  SENTENCE`: the task's id
 *   on the first (early side), spaces on the second (late side), in a
 *   column as wide as the widest id (at least 2, at most 20 characters;
 *   longer ids are cut with `…`), and ukwd_schedule_explain() of that
 *   side.
 *
 * Every line ends in `\n`. Ids and sentences (which quote task names) are
 * written cleaned, as ukwd_render_table() writes them, so each is one
 * line.
 *
 * @param[in] sched   the schedule.
 * @param[in] options optional; checked as by every renderer, not used
 *                    (#UKWD_RENDER_EXPLAIN need not be set).
 * @param[in] write   the sink.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL; #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_explanations(const ukwd_schedule *sched,
                                      const ukwd_render_options *options,
                                      ukwd_sink write, void *payload);

/**
 * @brief The SEC User Entry Process's report for a terminal: a row per
 *        stage, then the days a Party acts on (ukwd-plan's output for the
 *        User Entry Process).
 *
 * For a schedule of a plan that ukwd_uep_build_plan() made from @p uep
 * (scheduled by ukwd_uep_schedule()). Dates are the ones a reader acts
 * on: early dates for a forward schedule, late dates for a backward one
 * (ukwd_schedule_anchor()). In this order, each line ending in `\n`:
 * - `SEC User Entry Process: PARTY, role ROLES` (`roles` for more than
 *   one), PARTY and ROLES as ukwd_uep_party_name() and
 *   ukwd_uep_role_name() write them, the roles in catalogue order and
 *   separated by commas; then `, with Credit Cover` with
 *   ukwd_uep_options::credit_cover, and `, roles tested one after
 *   another` with ukwd_uep_options::stagger and more than one role.
 * - `Scheduled forward from DATE over CALENDAR: FIRST to LAST, N working
 *   days` (`backward to DATE`), DATE the schedule's own
 *   (ukwd_schedule_anchor()), CALENDAR ukwd_render_options::calendar
 *   (without it ` over CALENDAR` is left out), FIRST, LAST and N as
 *   ukwd_schedule_span() gives them; then an empty line.
 * - A heading (`STAGE  WHAT  START  FINISH  DAYS  FLOAT  SOURCE`, with
 *   `LATE START` and `LATE END` for a backward schedule) and a row a
 *   task in plan order: a mark (`*` critical, `!` negative float, else a
 *   space), the task's id in 34 characters and its name (the id when it
 *   has none) in 44 (longer text cut with `…`), the start and the finish
 *   (inclusive), the duration and the total float in working days, and
 *   the source's tag (#ukwd_source: `PROPOSED`, `CHECKLIST`, `SOURCED`
 *   or `USER`; nothing for a task without a source). Then an empty line.
 * - `DCC User (ROLE): DATE` for each role; `DCC User in every role: DATE`
 *   for more than one; for a party with a mandate
 *   (ukwd_uep_mandate_date()) `Mandate: a domestic small supplier had to
 *   be a DCC User by DATE: met, N working days to spare.` (`non-domestic`
 *   for that party) or `...: NOT met, missed by N working days.`, and
 *   likewise `Deadline DATE: ...`
 *   for a plan with a project deadline (ukwd_plan_deadline()); N counts
 *   the working days between that date and the day every role is a DCC
 *   User.
 * - For each role, `Give UEPT notice (ROLE): DATE`, `, the latest
 *   compliant day` when it is (ukwd_notice_check() with the plan's
 *   notice period in clear working days before the day testing starts),
 *   and a second line giving the period, the day testing starts and the
 *   period's source tag, and the latest compliant day when the plan's
 *   is another.
 * - With the Other User role, `Request the Privacy Assessment (Privacy
 *   Audit): DATE` and a line saying how long before the assessment
 *   (`at least 12 weeks`, SOURCED, or the user's working days).
 * - With a @c today: ` (already past)` after each of those days that is
 *   before it, and `K of N stages start before today: their dates are
 *   past.` when any stage does.
 * - An empty line, the key (`* critical: no float.`, and the `!` key when
 *   a task has negative float), and what the source tags mean (the
 *   PROPOSED and USER lines only when a task has that tag). These notes
 *   name ukwd-plan's options (`--format csv`, `--set STAGE=DAYS`).
 * - With #UKWD_RENDER_EXPLAIN: an empty line, then what
 *   ukwd_render_explanations() writes.
 *
 * Ids, names and the calendar's text are written cleaned, as
 * ukwd_render_table() writes them. A missing day (a role without UEPT in
 * the plan, no Privacy Assessment) leaves its lines out.
 *
 * @param[in] sched   the schedule.
 * @param[in] uep     the options the plan was built from (party, roles,
 *                    Credit Cover, stagger; the overrides are not read);
 *                    NULL means #UKWD_UEP_OPTIONS_INIT. Version 1 and 2
 *                    structs are accepted.
 * @param[in] options optional: today, calendar, flags
 *                    (#UKWD_RENDER_EXPLAIN); the other members are
 *                    checked but not used (the mandate comes from the
 *                    party and the deadline from the plan, not from
 *                    targets).
 * @param[in] write   the sink.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL for a NULL schedule or sink, bad options of
 *         either kind (an unknown version, party or role bit, no role), a
 *         plan without "uep-complete" or without "dcc-user/ROLE" for a
 *         role of @p uep, or a plan changed since it was scheduled (all
 *         before anything is written); #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_uep(const ukwd_schedule *sched,
                             const ukwd_uep_options *uep,
                             const ukwd_render_options *options,
                             ukwd_sink write, void *payload);

/**
 * @brief A Mermaid gantt chart (Markdown's ```mermaid blocks).
 *
 * `dateFormat YYYY-MM-DD`; `excludes weekends` (when the weekend is
 * Saturday and Sunday, else each weekend day in the span) and each other
 * non-working day in the project's span; then a section for each run of
 * tasks whose names share the text before ": " ("Tasks" for names
 * without one). Each task is `NAME :TAGS, tN, START, Dd` with N its
 * 1-based index and D its duration in working days (Mermaid skips the
 * excluded days), TAGS `crit` for critical tasks and `milestone` for
 * milestones. Colons, semicolons and `#` in names, which Mermaid would
 * read as syntax, become `꞉` (U+A789), `,` and `＃` (U+FF03); PROPOSED
 * and USER tasks end in " (PROPOSED)" or " (USER)".
 *
 * @param[in] sched   the schedule.
 * @param[in] options optional: title.
 * @param[in] write   the sink.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL; #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_mermaid(const ukwd_schedule *sched,
                                 const ukwd_render_options *options,
                                 ukwd_sink write, void *payload);

/**
 * @brief A standalone SVG Gantt chart (an XML document, UTF-8).
 *
 * A row per task in plan order with its name on the left; bars over the
 * task's working days (runs of working days joined by a thin line across
 * non-working days), critical tasks in red, PROPOSED and USER durations
 * hatched (a `<pattern>`) and labelled so, milestones as diamonds, total
 * float as a thin grey bar after the task, dependency arrows from the
 * predecessor's start or finish to the successor's start or finish as
 * the link type says, non-working days shaded (holidays in another colour
 * than weekends) with a `<title>` naming the holiday or weekday (shown on
 * hover), month labels (left out where one would overlap the one before,
 * as the first month's when the chart starts near its end), the
 * holidays' names in lines under the axis, a today line when @c today
 * is set, and a legend of what the chart draws (no more). Above the
 * chart: the title, a subtitle (the number of tasks, the direction and
 * date the schedule was computed from, its span in dates and working
 * days, @c calendar and @c made), the @c key_dates and the warnings.
 * Each task is a `<g>` with a `<title>` giving its dates, float and
 * source (the tag, then the citation and the reference on lines of
 * their own); a task name cut short has a `<title>` of its own with the
 * whole name. Text is escaped (`&`, `<`, `>`, `"`, `'`); bytes that are
 * not valid UTF-8, and control characters, become U+FFFD so that the
 * document always parses.
 *
 * Scale (ukwd_render_options::scale): day (20 px a day), week (5 px a day,
 * Monday ticks) or month (2 px a day); auto picks day up to 62 days, week
 * up to 400, else month. A @c width above 0 sets the pixels a day so the
 * chart fits that many pixels (at least 1 px a day). Coordinates are whole
 * pixels.
 *
 * @return 0; #UKWD_EINVAL (also for a span over #UKWD_RENDER_MAX_DAYS
 *         days, before anything is written); #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_svg(const ukwd_schedule *sched,
                             const ukwd_render_options *options,
                             ukwd_sink write, void *payload);

/**
 * @brief One self-contained HTML page: the SVG chart and a table of the
 *        tasks that sorts when a header is clicked.
 *
 * Nothing is fetched: the style and a few lines of script are inline.
 * The title (`<h1>`), subtitle and key dates head the page (as
 * ukwd_render_svg() has them, which the chart here then leaves out),
 * then the warnings.
 * The table has a row per task (id, name, duration, early and late dates,
 * which do not wrap, total and free float, critical, source: the tag on a
 * line of its own, then the citation as it is and the reference; and
 * what fixed its start and finish, as ukwd_schedule_explain()); clicking
 * a header sorts by that column, again to reverse. The page is
 * well-formed XML too (polyglot HTML), so `xmllint --noout` checks it.
 *
 * @return as ukwd_render_svg().
 * @since 0.1
 */
UKWD_API int ukwd_render_html(const ukwd_schedule *sched,
                              const ukwd_render_options *options,
                              ukwd_sink write, void *payload);

/**
 * @brief The schedule as RFC 4180 CSV, a header line and a task a line
 *        (LF line ends).
 *
 * Columns: `id,name,duration,early_start,early_finish,late_start,
 * late_finish,total_float,free_float,critical` (dates YYYY-MM-DD, inclusive
 * finishes; duration and floats in working days; critical `yes` or `no`),
 * and with #UKWD_RENDER_SOURCES `source,citation,reference` (the
 * #ukwd_source's tag name, citation and reference, all empty for a task
 * without a source). These columns and
 * their order are kept from release to release; new ones are appended.
 *
 * @return 0; #UKWD_EINVAL; #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_csv(const ukwd_schedule *sched,
                             const ukwd_render_options *options,
                             ukwd_sink write, void *payload);

/**
 * @brief The schedule as JSON (RFC 8259), format version 1.
 *
 * @code
 * {
 *   "format_version": 1,
 *   "project": {"start": DATE, "finish": DATE, "working_days": INT,
 *               "direction": "forward"|"backward", "date": DATE,
 *               "deadline": DATE},
 *   "tasks": [
 *     {"id": STR, "name": STR, "duration": INT,
 *      "early_start": DATE, "early_finish": DATE,
 *      "late_start": DATE, "late_finish": DATE,
 *      "total_float": INT, "free_float": INT, "critical": BOOL,
 *      "source_tag": "PROPOSED"|"CHECKLIST"|"SOURCED"|"USER"|"",
 *      "source": STR, "reference": STR,
 *      "why_start": STR, "why_finish": STR,
 *      "milestone_day": {"early": "start"|"finish",
 *                        "late": "start"|"finish"},
 *      "early_start_index": INT, "early_end_index": INT,
 *      "late_start_index": INT, "late_end_index": INT,
 *      "estimate": {"optimistic": INT, "most_likely": INT,
 *                   "pessimistic": INT},
 *      "constraints": [{"type": STR, "date": DATE}, ...],
 *      "past": BOOL}, ...
 *   ],
 *   "links": [{"predecessor": ID, "successor": ID,
 *              "type": "FS"|"SS"|"FF"|"SF", "lag": INT,
 *              "source": STR}, ...],
 *   "negative_float": [ID, ...],
 *   "critical_paths": [[ID, ...], ...],
 *   "targets": [{"label": STR, "date": DATE, "met": BOOL,
 *                "working_days_late": INT}, ...]
 * }
 * @endcode
 *
 * DATE is "YYYY-MM-DD"; finishes are a task's last working day; INT
 * counts working days. The indices number the calendar's working days
 * from 0 (its first): a task occupies [start_index, end_index). "estimate"
 * appears only for a task that has one, "deadline" only for a plan with
 * a project deadline; "constraints" lists the task's dated constraints
 * and actual dates by ukwd_constraint_type_name(). "direction" and "date"
 * are the schedule's own (ukwd_schedule_anchor(): the date it was computed
 * from, as given); no option changes them. "source_tag" is the task's
 * #ukwd_source tag name, "source" the tag name followed by ": " and the
 * citation (when it has one), "reference" the source's reference; all
 * three are "" when the task has none. "why_start" and
 * "why_finish" are ukwd_schedule_explain() of the early start and late
 * finish. Critical paths are lists of task ids, as
 * ukwd_schedule_critical_path(). "past" appears only with a `today`.
 * "milestone_day" appears for milestones only: "finish" when a finish
 * drives the milestone and its date is the end of that day, "start" when
 * a start drives it (#ukwd_milestone_day).
 * "targets" has one member per ukwd_render_options::targets:
 * "working_days_late" counts the working days after the target up to and
 * including the project's finish (0 when met). Readers must ignore members they
 * do not know: later versions of format 1 may add some; a change that is not an
 * addition raises "format_version".
 *
 * @return 0; #UKWD_EINVAL; #UKWD_EUSER; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_render_json(const ukwd_schedule *sched,
                              const ukwd_render_options *options,
                              ukwd_sink write, void *payload);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_RENDER_H */
