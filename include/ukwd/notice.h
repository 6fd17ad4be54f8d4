/**
 * @file ukwd/notice.h
 * @brief Notice periods: "N working days' notice before E" and "within N
 *        working days of Y", checked over a calendar.
 *
 * Semantics (the facts people get wrong):
 * - **Deemed receipt.** A notice received on a non-working day, or after
 *   the rule's cut-off time on a working day, is deemed received on the
 *   next working day. A notice received exactly at the cut-off is on time.
 *   A rule with #UKWD_RECEIPT_AS_GIVEN (a date of fact, such as an
 *   expulsion) counts from the date as given instead, working day or not.
 * - **N working days' notice before E** (#UKWD_NOTICE_BEFORE, the default
 *   #UKWD_COUNT_CLEAR): at least N whole working days strictly between the
 *   day the notice is deemed received and E; neither day counts. The latest
 *   compliant notice day is therefore the (N+1)-th working day before E.
 *   #UKWD_COUNT_EVENT_DAY counts E itself (when it is a working day).
 * - **Within N working days of Y** (#UKWD_NOTICE_WITHIN): on or before the
 *   N-th working day strictly after Y (Y deemed received as above).
 * - **Calendar days, weeks and months** stay calendar units and are never
 *   turned into working days. N weeks is 7N days; N months is the same day
 *   of the month N months on (the month's last day when it is shorter).
 *   "Clear" calendar periods need E after R + N; "event day" periods need E
 *   on or after R + N ("at least 12 weeks after the request").
 * - **The earliest compliant event** is a calendar date
 *   (ukwd_notice_result::earliest_event); the first working day on or
 *   after it (ukwd_notice_result::earliest_working_event) is the one a
 *   plan can use. An event given on a non-working day is checked as given
 *   and flagged (ukwd_notice_result::event_not_working).
 */
#ifndef UKWD_NOTICE_H
#define UKWD_NOTICE_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "date.h"
#include "calendar.h"
#include "source.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_notice Notice periods
 * @{ */

/** The unit of a notice period. */
typedef enum ukwd_notice_unit {
	UKWD_UNIT_WORKING_DAYS = 0,  /**< working days of the calendar */
	UKWD_UNIT_CALENDAR_DAYS = 1, /**< calendar days, every day counts */
	UKWD_UNIT_WEEKS = 2,         /**< calendar weeks of seven days */
	UKWD_UNIT_MONTHS = 3         /**< calendar months */
} ukwd_notice_unit;

/** Which way a period runs. */
typedef enum ukwd_notice_direction {
	/** A notice must be given at least the period before an event. */
	UKWD_NOTICE_BEFORE = 0,
	/** An action must follow a trigger within the period. */
	UKWD_NOTICE_WITHIN = 1
} ukwd_notice_direction;

/** Whether the event day counts towards a #UKWD_NOTICE_BEFORE period. */
typedef enum ukwd_notice_counting {
	/** Clear days: neither the notice day nor the event day counts. */
	UKWD_COUNT_CLEAR = 0,
	/** The event day counts (the notice day still does not). */
	UKWD_COUNT_EVENT_DAY = 1
} ukwd_notice_counting;

/** No cut-off time: the time of receipt does not matter. */
#define UKWD_NO_CUTOFF (-1)
/** No time of day given. */
#define UKWD_NO_TIME   (-1)

/** When the given day counts as received (ukwd_notice_rule::receipt). */
typedef enum ukwd_notice_receipt {
	/** Deemed receipt: the next working day when received on a
	 *  non-working day or after the cut-off (the rule for notices). */
	UKWD_RECEIPT_DEEMED = 0,
	/** The date as given counts, working day or not, and the cut-off
	 *  does not apply (for dates of fact such as an expulsion). */
	UKWD_RECEIPT_AS_GIVEN = 1
} ukwd_notice_receipt;

/** The current version of ukwd_notice_rule: version 1 ended at
 *  `citation`; version 2 appended `receipt`. */
#define UKWD_NOTICE_RULE_VERSION 2

/**
 * A notice rule: a value struct. The strings are borrowed and must outlive
 * the checks that use the rule. Copy a catalogue rule to change it (for
 * example to add a cut-off).
 */
typedef struct ukwd_notice_rule {
	unsigned int version; /**< #UKWD_NOTICE_RULE_VERSION */
	const char *id;       /**< e.g. "uept-notice"; may be NULL */
	const char *title;    /**< one line of English; may be NULL */
	int32_t amount;       /**< the period, >= 0, in `unit` */
	/** The unit of `amount`. */
	ukwd_notice_unit unit;
	/** Before an event, or within a time after a trigger. */
	ukwd_notice_direction direction;
	/** Which days of a #UKWD_NOTICE_BEFORE period count. */
	ukwd_notice_counting counting;
	/** Minutes after midnight (0..1439) after which a notice counts as
	 *  received the next working day, or #UKWD_NO_CUTOFF. */
	int cutoff_minutes;
	/** Where the period comes from. */
	ukwd_source_tag source;
	/** The SEC sections the source names, e.g. "H1, Appendix R"; NULL
	 *  when the source names none. */
	const char *reference;
	const char *citation; /**< where the figure comes from; may be NULL */
	/** Read only when `version` >= 2; a version-1 rule has no such
	 *  field and is #UKWD_RECEIPT_DEEMED. */
	ukwd_notice_receipt receipt;
} ukwd_notice_rule;

/** An ad-hoc rule of 0 clear working days' notice, no cut-off, deemed
 *  receipt, PROPOSED. */
#define UKWD_NOTICE_RULE_INIT                                                  \
	{                                                                      \
		UKWD_NOTICE_RULE_VERSION, NULL, NULL, 0,                       \
		    UKWD_UNIT_WORKING_DAYS, UKWD_NOTICE_BEFORE,                \
		    UKWD_COUNT_CLEAR, UKWD_NO_CUTOFF, UKWD_SOURCE_PROPOSED,    \
		    NULL, NULL, UKWD_RECEIPT_DEEMED                            \
	}

/** Size of ukwd_notice_result::explanation, including the NUL. */
#define UKWD_NOTICE_EXPLANATION_SIZE 256

/** What a check found. A value struct filled by ukwd_notice_check(). */
typedef struct ukwd_notice_result {
	/** 1 if the notice (or action) complies, else 0. */
	int compliant;
	/** The day the notice or trigger is deemed received. */
	ukwd_date deemed_received;
	/** The period given, in `counted_unit`: working days (working-day
	 *  rules) or calendar days (calendar-day, week and month rules). For
	 *  #UKWD_NOTICE_WITHIN, the period the action took. Never negative. */
	int32_t given;
	/** #UKWD_UNIT_WORKING_DAYS or #UKWD_UNIT_CALENDAR_DAYS. */
	ukwd_notice_unit counted_unit;
	/** How far short the notice falls (or how late the action is), in
	 *  `counted_unit`; 0 when compliant. */
	int32_t shortfall;
	/** #UKWD_NOTICE_BEFORE: the latest day a notice can be received (by
	 *  the cut-off, if any) for this event. #UKWD_NOTICE_WITHIN: the last
	 *  day on which the action complies. */
	ukwd_date deadline;
	/** #UKWD_NOTICE_BEFORE: the earliest event date this notice allows,
	 *  a calendar date that may be a non-working day (see
	 *  `earliest_working_event`). #UKWD_NOTICE_WITHIN: equal to
	 *  `deadline`. */
	ukwd_date earliest_event;
	/** One line of English saying why; it says so when the event is not
	 *  a working day. */
	char explanation[UKWD_NOTICE_EXPLANATION_SIZE];
	/** #UKWD_NOTICE_BEFORE: `earliest_event` rolled forward to the first
	 *  working day on or after it: the earliest event a plan can use.
	 *  #UKWD_NOTICE_WITHIN: equal to `deadline`. */
	ukwd_date earliest_working_event;
	/** 1 if the `event` passed in (for #UKWD_NOTICE_WITHIN, the action
	 *  day) is not a working day, else 0. The check still uses the event
	 *  as given. */
	int event_not_working;
} ukwd_notice_result;

/**
 * @brief Check a notice (or an action) against a rule.
 *
 * @param[out] out           the result; unchanged on failure.
 * @param[in]  cal           the working-day calendar (for SEC rules, the
 *                           SEC calendar: ukwd_calendar_new_sec()).
 * @param[in]  rule          the rule.
 * @param[in]  given         BEFORE: the day the notice was received;
 *                           WITHIN: the trigger day.
 * @param[in]  given_minutes the time of day in minutes after midnight
 *                           (0..1439), or #UKWD_NO_TIME.
 * @param[in]  event         BEFORE: the event's date; WITHIN: the day the
 *                           action was (or will be) taken.
 * @param[out] diag          optional.
 * @return 0; #UKWD_EINVAL for NULL arguments, a rule whose `version` is
 *         0 or above #UKWD_NOTICE_RULE_VERSION, a negative amount,
 *         unknown enum values, or a time or cut-off outside 0..1439;
 *         #UKWD_ERANGE if a date, or a date the answer needs (such as
 *         `earliest_working_event`), is outside the calendar's range.
 * @since 0.1
 */
UKWD_API int ukwd_notice_check(ukwd_notice_result *out,
                               const ukwd_calendar *cal,
                               const ukwd_notice_rule *rule, ukwd_date given,
                               int given_minutes, ukwd_date event,
                               ukwd_diag *diag);

/**
 * @brief The SEC notice rules libukwd knows, in a fixed order.
 *
 * Each carries its source tag, its citation and the SEC reference its
 * source names (NULL where it names none). A citation says no more than
 * its source. Periods in weeks stay in weeks. The ids:
 * - "uept-notice": 60 working days' notice to the DCC before UEPT; the
 *   checklist gives the figure and names SEC H1 and Appendix R;
 * - "uept-exit-receipt" (2), "uept-exit-review" (5), "uept-exit-confirm"
 *   (2): working days the DCC has at UEPT exit, from the checklist's note
 *   3, which names no SEC section (reference NULL);
 * - "privacy-booking" (12 weeks), "privacy-reschedule" (4 weeks),
 *   "privacy-change-outcome" (10), "privacy-change-decision" (10),
 *   "privacy-change-assessment" (4 weeks): from SECAS pages;
 * - "readmission-bar" (12 months, B1.2(b)): `given` is the expulsion
 *   date and `event` the application date; an applicant expelled in the
 *   12 months before the date of its application cannot be admitted
 *   (unless the Panel sets a shorter period). #UKWD_RECEIPT_AS_GIVEN: an
 *   expulsion on a Saturday counts from that Saturday. Cited from an
 *   unofficial copy of the Code.
 *
 * @param[in] index 0 up to ukwd_notice_rule_count() - 1.
 * @return a static rule; NULL past the end.
 * @since 0.1
 */
UKWD_API const ukwd_notice_rule *ukwd_notice_rule_at(size_t index);

/**
 * @brief Initialise a rule of the caller's version to the defaults of
 *        #UKWD_NOTICE_RULE_INIT.
 *
 * Pass #UKWD_NOTICE_RULE_VERSION as the caller compiled it: a program
 * built against an older header gets a rule of its own size, and only
 * its members are written (libgit2's `_options_init()` rule, which every
 * versioned struct of libukwd follows).
 *
 * @return 0; #UKWD_EINVAL for NULL or a version outside
 *         1..#UKWD_NOTICE_RULE_VERSION (then nothing is written).
 * @since 0.1
 */
UKWD_API int ukwd_notice_rule_init(ukwd_notice_rule *rule,
                                   unsigned int version);

/**
 * @brief Copy the catalogue rule @p id into the caller's rule, to change
 *        it (add a cut-off, say).
 *
 * @p out must say its version (initialise it with #UKWD_NOTICE_RULE_INIT
 * or ukwd_notice_rule_init()); only the members of that version are
 * written, so the copy is safe whatever version of the library runs.
 * Prefer it to `*out = *ukwd_notice_rule_find(id)`, which copies the
 * caller's size of a struct that a later library may have grown.
 *
 * @return 0; #UKWD_EINVAL for NULL or a version of @p out outside
 *         1..#UKWD_NOTICE_RULE_VERSION; #UKWD_ENOTFOUND for an unknown id
 *         (@p out untouched on failure).
 * @since 0.1
 */
UKWD_API int ukwd_notice_rule_get(ukwd_notice_rule *out, const char *id);

/** @brief The number of rules in the catalogue. @since 0.1 */
UKWD_API size_t ukwd_notice_rule_count(void);

/**
 * @brief A catalogue rule by id.
 * @return a static rule; NULL if @p id is NULL or unknown.
 * @since 0.1
 */
UKWD_API const ukwd_notice_rule *ukwd_notice_rule_find(const char *id);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_NOTICE_H */
