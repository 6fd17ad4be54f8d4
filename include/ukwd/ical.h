/**
 * @file ukwd/ical.h
 * @brief Official data in and out: iCalendar and GOV.UK JSON import,
 *        iCalendar export.
 *
 * Bank holidays are proclaimed after any release of libukwd (Scotland's
 * 15 June 2026 was proclaimed in February 2026). GOV.UK publishes each
 * division's bank holidays as iCalendar (england-and-wales.ics, ...) and
 * all of them as JSON (bank-holidays.json); these functions load such a
 * file into a calendar builder, so a day proclaimed after a release is one
 * file away.
 *
 * Every importer is all or nothing: on any error it returns the error,
 * fills the diag with what and where, and leaves the builder exactly as it
 * was. iCalendar goes through libical; GOV.UK JSON through a reader of
 * libukwd's own, which needs no library. When libukwd was built without
 * either (see ukwd_has_feature()), its functions return
 * #UKWD_ENOTSUPPORTED.
 */
#ifndef UKWD_ICAL_H
#define UKWD_ICAL_H

#include <stddef.h>

#include "common.h"
#include "error.h"
#include "calendar.h"
#include "schedule.h"
#include "progress.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_ical Official data in and out
 * @{ */

/**
 * Import flag: the file is official data. For the years it covers, it
 * replaces the builder's holidays on weekdays (a day proclaimed after
 * release appears, a day moved away disappears) and those years become
 * #UKWD_PROVENANCE_OFFICIAL. Other years keep the builder's answer. The
 * years a file covers are the years that hold at least one of its days
 * (for iCalendar, after recurrences and within the builder's range): a
 * file with days in 2012 and 2030 only covers 2012 and 2030, and
 * 2013-2029 keep their holidays.
 * Without it, the file's days are added to the builder's (a company's
 * shutdown days).
 */
#define UKWD_IMPORT_OFFICIAL 0x1u

/**
 * The longest physical line ukwd_ical_import() reads: 65,536 bytes, not
 * counting its CR LF. A longer line is #UKWD_EPARSE naming it (libical
 * reads one long line in quadratic time); a long value must be folded
 * (RFC 5545 3.1: CR LF and a space), as every writer of iCalendar does.
 * @since 0.1
 */
#define UKWD_ICAL_MAX_LINE 65536

/**
 * The most work one ukwd_ical_import() does, whatever the file: at most
 * 4,000,000 days off made, counting a day once for every event
 * instance that covers it, and at most as many recurrence steps over all
 * the file's RRULEs. (The whole calendar range, 0001 to 9999, is 3,652,059
 * days.) Past either, the import is #UKWD_ERANGE naming the line.
 * @since 0.1
 */
#define UKWD_ICAL_MAX_DAYS 4000000

/**
 * @brief Add the all-day events of an iCalendar text to a builder.
 *
 * Each VEVENT with a date DTSTART (`DTSTART;VALUE=DATE:20231225`) makes
 * every day from DTSTART up to, not including, DTEND a holiday named by
 * its SUMMARY (no DTEND: one day; DURATION in days is accepted). RRULE,
 * RDATE and EXDATE are expanded over the builder's range, so a company
 * that closes every 24 December writes one event with
 * `RRULE:FREQ=YEARLY`. Rules of FREQ=DAILY, WEEKLY, MONTHLY or YEARLY
 * with INTERVAL, COUNT, UNTIL, WKST, BYMONTH, BYMONTHDAY and BYDAY (an
 * ordinal BYDAY within a month: MONTHLY, or YEARLY with BYMONTH) are
 * expanded by libukwd over the whole range 0001..9999; other rules
 * (BYSETPOS, BYYEARDAY, BYWEEKNO, YEARLY BYDAY or BYMONTHDAY without
 * BYMONTH) by libical, whose iterator stops after 2582 and counts years
 * before 1753 as Julian: such a rule is #UKWD_ERANGE, naming its line,
 * when it starts before 1753, or when the range goes past 2582 and the
 * rule does not end before. Days outside the builder's range are
 * ignored. Events that are not VEVENTs are ignored. A text of several
 * VCALENDARs one after another (files joined with cat) imports the events
 * of every one of them.
 *
 * Errors (#UKWD_EPARSE, with diag.line the 1-based line of the offending
 * text): not iCalendar, truncated, a DTSTART that is missing or is not a
 * date, DTEND not after DTSTART, a year outside 0001..9999, a recurrence
 * that libical cannot read, a rule finer than a day (FREQ=HOURLY,
 * MINUTELY or SECONDLY, or BYHOUR, BYMINUTE or BYSECOND: days off repeat
 * daily at most), a rule that can name no day (a BYSETPOS beyond the
 * most days one period of the rule holds, such as
 * `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=41`; a BYDAY ordinal no
 * month or year holds, such as `BYDAY=6MO`; an ordinal BYDAY with
 * FREQ=DAILY or WEEKLY, which RFC 5545 does not allow), a BYSETPOS with
 * FREQ=WEEKLY or DAILY that keeps only some days of a period (libical
 * would ignore it and give every day), and every property libical
 * rejected (libical
 * drops a malformed property and inserts an X-LIC-ERROR in its place;
 * each one is an error here). A NUL byte inside @p size is an error, and
 * so is a physical line longer than #UKWD_ICAL_MAX_LINE bytes.
 *
 * @param[in,out] b     the builder; its range must be set.
 * @param[in]     data  the text, UTF-8; need not be NUL-terminated.
 * @param[in]     size  its length in bytes.
 * @param[in]     flags 0 or #UKWD_IMPORT_OFFICIAL.
 * @param[out]    diag  optional.
 * @return 0; #UKWD_EINVAL for NULL arguments, unknown flags or a builder
 *         without a range; #UKWD_EPARSE; #UKWD_ERANGE for a file
 *         that would do more than #UKWD_ICAL_MAX_DAYS of work; #UKWD_ENOMEM;
 *         #UKWD_ENOTSUPPORTED without libical.
 * @since 0.1
 */
UKWD_API int ukwd_ical_import(ukwd_calendar_builder *b, const char *data,
                              size_t size, unsigned int flags, ukwd_diag *diag);

/**
 * @brief Add the events of GOV.UK's bank-holidays.json feed to a builder.
 *
 * The feed is `{"england-and-wales": {"division": ..., "events": [{"title",
 * "date", "notes", "bunting"}, ...]}, "scotland": ..., "northern-ireland":
 * ...}`. The events of the divisions in @p divisions are added, each named
 * as GOV.UK's web page shows it: the title, then the notes in brackets
 * when there are any ("Boxing Day (substitute day)").
 *
 * The text is read once, as it streams, keeping no tree: a file of a
 * million events costs its days and its distinct names. It must be JSON
 * (RFC 8259; a UTF-8 byte order mark is allowed); keys other than the
 * feed's are skipped.
 *
 * Errors (#UKWD_EPARSE, with diag line and byte column of the offending
 * byte): text that is not JSON (including invalid UTF-8, `\u0000`, a lone
 * surrogate, a duplicate key in any object, text after the value, nesting
 * deeper than 2048), JSON that is not the feed's shape, an unknown
 * division key, a division asked for but absent, an event without a
 * title or with a bad date (diag.source is the division and the message
 * names the event by its place in the division's list, counting from 1:
 * "event 1" is the first).
 *
 * @param[in,out] b         the builder; its range must be set.
 * @param[in]     data      the text; need not be NUL-terminated.
 * @param[in]     size      its length in bytes.
 * @param[in]     divisions UKWD_UK_* bits (see ukwd/uk.h), not 0.
 * @param[in]     flags     0 or #UKWD_IMPORT_OFFICIAL.
 * @param[out]    diag      optional.
 * @return as ukwd_ical_import(); #UKWD_ENOTSUPPORTED when built with
 *         `-Djson=disabled`.
 * @since 0.1
 */
UKWD_API int ukwd_govuk_json_import(ukwd_calendar_builder *b, const char *data,
                                    size_t size, unsigned int divisions,
                                    unsigned int flags, ukwd_diag *diag);

/** What a holidays file holds, as guessed by ukwd_holidays_detect(). */
typedef enum ukwd_holidays_format {
	UKWD_HOLIDAYS_UNKNOWN = 0,
	UKWD_HOLIDAYS_ICAL = 1,
	UKWD_HOLIDAYS_GOVUK_JSON = 2
} ukwd_holidays_format;

/**
 * @brief Guess a holidays file's format from its content: JSON starts
 *        with '{' and iCalendar with "BEGIN:VCALENDAR" (after an optional
 *        UTF-8 byte order mark and white space).
 * @since 0.1
 */
UKWD_API ukwd_holidays_format ukwd_holidays_detect(const char *data,
                                                   size_t size);

/**
 * @brief Write a calendar's holidays in [@p from, @p to] (both inclusive,
 *        clipped to the calendar's range) as an iCalendar document.
 *
 * One all-day VEVENT per holiday: `DTSTART;VALUE=DATE`, exclusive
 * `DTEND;VALUE=DATE` (the next day; `DURATION:P1D` for 9999-12-31, whose
 * next day no four-digit year can write), SUMMARY the holiday's name, a
 * UID made from the date and the name, and a DTSTAMP at 00:00:00Z of the
 * event's date, so that the same calendar always gives the same bytes (a
 * file for people should say when it was made: ukwd_ical_export_stamped()).
 * PRODID is
 * `-//libukwd//ukwd VERSION//EN`. Text (SUMMARY, and DESCRIPTION in
 * ukwd_ical_export_schedule()) is well-formed UTF-8 without control
 * characters: each ill-formed byte and each C0, DEL or C1 control but a
 * newline (written as the escape `\n`) and a tab becomes U+FFFD, as in
 * the other renderers. Weekend days that are not named holidays
 * are not written (the weekend is not an iCalendar concept); importing the
 * result into a builder with the same weekend gives the same calendar.
 *
 * @param[in] cal     the calendar.
 * @param[in] from    first date.
 * @param[in] to      last date, not before @p from.
 * @param[in] write   the sink; called several times.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL for NULL arguments or @p to < @p from;
 *         #UKWD_EUSER if the sink stopped; #UKWD_ENOMEM;
 *         #UKWD_ENOTSUPPORTED without libical. After #UKWD_EUSER or
 *         #UKWD_ENOMEM the sink may have had part of the document: discard
 *         it (the front-ends write through a temporary file for that).
 * @since 0.1
 */
UKWD_API int ukwd_ical_export(const ukwd_calendar *cal, ukwd_date from,
                              ukwd_date to, ukwd_sink write, void *payload);

/**
 * @brief ukwd_ical_export() with every DTSTAMP the time the file is made,
 *        as RFC 5545 (3.8.7.2) has it for a file that is not a scheduling
 *        message.
 *
 * The library reads no clock: the caller passes the time. For
 * reproducible builds pass `SOURCE_DATE_EPOCH` when the environment sets
 * it (reproducible-builds.org), else the current time; ukwd-cal
 * export-ics does so.
 *
 * @param[in] made seconds since 1970-01-01T00:00:00Z (POSIX time, leap
 *                 seconds not counted, as time() and `SOURCE_DATE_EPOCH`
 *                 count), written as `DTSTAMP:YYYYMMDDTHHMMSSZ`; from
 *                 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
 * @return as ukwd_ical_export(); #UKWD_EINVAL also for @p made out of
 *         range.
 * @since 0.1
 */
UKWD_API int ukwd_ical_export_stamped(const ukwd_calendar *cal, ukwd_date from,
                                      ukwd_date to, int64_t made,
                                      ukwd_sink write, void *payload);

/** ukwd_ical_export_schedule(): a VTODO a task instead of a VEVENT. */
#define UKWD_ICAL_TODO 0x1u

/**
 * @brief Write a schedule as an iCalendar document: a component a task,
 *        in plan order, with its dependencies.
 *
 * By default each task is an all-day VEVENT over the dates the schedule
 * is read by (its early dates when scheduled forward, its late dates when
 * scheduled backward, ukwd_schedule_anchor()):
 * `DTSTART;VALUE=DATE` its first working day and `DTEND;VALUE=DATE` the day
 * after its last (exclusive, as RFC 5545 says; non-working days between
 * are inside the event; `DURATION:PnD` instead when the last day is
 * 9999-12-31); a milestone is its one day. Every date from 0001-01-01
 * to 9999-12-31 is written as itself. With
 * #UKWD_ICAL_TODO each task is a VTODO with `DUE;VALUE=DATE` its last
 * working day (a milestone's day) and `DTSTART;VALUE=DATE` its first when
 * that is earlier (RFC 5545 wants DUE later than DTSTART).
 *
 * SUMMARY is the task's name (its id when it has none), with
 * " (PROPOSED)" or " (USER)" when its source's tag is one of those
 * (#ukwd_source);
 * DESCRIPTION gives its duration and float in working days, its source
 * and what fixed its dates; CATEGORIES its source tag and CRITICAL for a
 * critical task. The UID is made from the task's id alone
 * (`ukwd-HASH-ID@libukwd`, the id with characters other than letters,
 * digits, `.`, `_` and `-` replaced by `_`), so a rescheduled plan updates
 * the same events. DTSTAMP is the schedule's first day at 00:00:00Z, so
 * the same schedule always gives the same bytes; a file for people should
 * say when it was made instead: ukwd_ical_export_schedule_stamped().
 *
 * Each link is a `RELATED-TO` on the successor naming the predecessor's
 * UID, with RFC 9253's `RELTYPE` (FINISHTOSTART, STARTTOSTART,
 * FINISHTOFINISH, STARTTOFINISH) and, for a non-zero lag, `GAP`: the lag
 * as calendar days in this schedule (the days between the working day the
 * link counts from and the one it reaches, e.g. `GAP=P4D` for 2 working
 * days over a weekend; negative for a lead), and `X-UKWD-LAG` the lag in
 * working days. (libical 3.0 writes GAP but drops it when it parses.)
 *
 * @param[in] sched   the schedule.
 * @param[in] flags   0 or #UKWD_ICAL_TODO.
 * @param[in] write   the sink; called several times.
 * @param[in] payload passed to @p write.
 * @return 0; #UKWD_EINVAL for a NULL argument, unknown flags or a plan
 *         changed since it was scheduled; #UKWD_EUSER if the sink
 *         stopped; #UKWD_ENOMEM; #UKWD_ENOTSUPPORTED without libical.
 *         After #UKWD_EUSER or #UKWD_ENOMEM the sink may have had part of
 *         the document: discard it.
 * @since 0.1
 */
UKWD_API int ukwd_ical_export_schedule(const ukwd_schedule *sched,
                                       unsigned int flags, ukwd_sink write,
                                       void *payload);

/**
 * @brief ukwd_ical_export_schedule() with every DTSTAMP the time the file
 *        is made (RFC 5545), as ukwd_ical_export_stamped() (ukwd-plan
 *        --format ics passes `SOURCE_DATE_EPOCH` when it is set, else the
 *        current time).
 * @param[in] made as for ukwd_ical_export_stamped().
 * @return as ukwd_ical_export_schedule(); #UKWD_EINVAL also for @p made
 *         out of range.
 * @since 0.1
 */
UKWD_API int ukwd_ical_export_schedule_stamped(const ukwd_schedule *sched,
                                               unsigned int flags, int64_t made,
                                               ukwd_sink write, void *payload);

/** Options for ukwd_ical_export_schedule_with(). @since 0.1 */
typedef struct ukwd_ical_export_options {
	unsigned int version; /**< #UKWD_ICAL_EXPORT_OPTIONS_VERSION */
	unsigned int flags;   /**< 0 or #UKWD_ICAL_TODO */
	/** 1: every DTSTAMP is @c made, as ukwd_ical_export_schedule_stamped()
	 *  has it; 0 (the default): the schedule's first day at midnight, as
	 *  ukwd_ical_export_schedule() has it. */
	int has_made;
	int64_t made; /**< seconds since 1970-01-01T00:00:00Z, with has_made */
	/** A comparison of this schedule with a baseline (ukwd/progress.h),
	 *  or NULL. With one, each task's DESCRIPTION ends with its slip
	 *  ("Against the baseline: start +0, finish +1 working days
	 *  (baseline 2026-01-12 to 2026-01-23); added 1 working day to the
	 *  finish." or "New since the baseline."), and the calendar itself
	 *  gets a DESCRIPTION (RFC 7986) with the finish variance and the
	 *  tasks that moved the finish. A comparison of another schedule is
	 *  #UKWD_EINVAL. */
	const ukwd_progress *progress;
} ukwd_ical_export_options;

/** The current version of #ukwd_ical_export_options. */
#define UKWD_ICAL_EXPORT_OPTIONS_VERSION 1
/** Initialise a #ukwd_ical_export_options to the defaults. */
#define UKWD_ICAL_EXPORT_OPTIONS_INIT                                          \
	{                                                                      \
		UKWD_ICAL_EXPORT_OPTIONS_VERSION, 0u, 0, 0, NULL               \
	}

/**
 * @brief Initialise options of the caller's version to the defaults of
 *        #UKWD_ICAL_EXPORT_OPTIONS_INIT (only that version's members are
 *        written).
 * @return 0; #UKWD_EINVAL for NULL or an unknown version.
 * @since 0.1
 */
UKWD_API int ukwd_ical_export_options_init(ukwd_ical_export_options *options,
                                           unsigned int version);

/**
 * @brief ukwd_ical_export_schedule() with options: the flags, the
 *        DTSTAMP, and a comparison with a baseline.
 * @param[in] options NULL for the defaults (then the same bytes as
 *                    ukwd_ical_export_schedule() with flags 0).
 * @return as ukwd_ical_export_schedule(); #UKWD_EINVAL also for an
 *         unknown options version, @c made out of range, or a
 *         comparison of another schedule.
 * @since 0.1
 */
UKWD_API int
ukwd_ical_export_schedule_with(const ukwd_schedule *sched,
                               const ukwd_ical_export_options *options,
                               ukwd_sink write, void *payload);

/** A holidays file handed to ukwd_calendar_new_uk_files(). */
typedef struct ukwd_holiday_file {
	/** Its name, for error messages (diag.source); may be NULL. */
	const char *name;
	/** Its content (GOV.UK JSON or iCalendar) and length in bytes. */
	const char *data;
	size_t size; /**< the length of `data` in bytes */
	/**
	 * iCalendar only: the one UK division whose official data it is
	 * (GOV.UK publishes england-and-wales.ics, scotland.ics and
	 * northern-ireland.ics), or 0 for a file of extra days off that
	 * apply to every division (a company's shutdown days). GOV.UK JSON
	 * names its divisions itself, and this field is ignored.
	 */
	unsigned int division;
} ukwd_holiday_file;

/**
 * @brief A UK calendar (as ukwd_calendar_new_uk()) corrected by official
 *        files and extended by files of extra days.
 *
 * Each division is built from the rules, then each file is applied in
 * order: GOV.UK JSON and division .ics files as official data
 * (#UKWD_IMPORT_OFFICIAL: for the years a file covers it is the truth, and
 * those years become official), other .ics files as extra days. Where two
 * official files cover the same year, the later one in @p files wins: pass
 * them oldest first. Then the divisions are combined as usual.
 *
 * @param[out] out        the calendar; the caller frees it.
 * @param[in]  divisions  UKWD_UK_* bits, not 0.
 * @param[in]  first_year 1971 or later.
 * @param[in]  last_year  @p first_year to 9999.
 * @param[in]  files      @p count files (may be NULL when @p count is 0).
 * @param[in]  count      number of files.
 * @param[out] diag       optional; on failure diag.source is the file's
 *                        name and the message says what and where.
 * @return 0; as ukwd_calendar_new_uk(); #UKWD_EPARSE for a file that is
 *         neither GOV.UK JSON nor iCalendar or does not parse (see
 *         ukwd_ical_import() and ukwd_govuk_json_import());
 *         #UKWD_ENOTSUPPORTED if a file needs a part not built in.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_new_uk_files(ukwd_calendar **out,
                                        unsigned int divisions, int first_year,
                                        int last_year,
                                        const ukwd_holiday_file *files,
                                        size_t count, ukwd_diag *diag);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_ICAL_H */
