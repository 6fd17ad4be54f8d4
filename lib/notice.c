/* Notice periods over a working-day calendar. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/notice.h"
#include "ukwd/workday.h"
#include "internal.h"

#define CHECKLIST_CITATION                                                     \
	"SECAS, SEC Checklist for Small Suppliers v1.3 (December 2017)"
#define PRIVACY_FAQ                                                            \
	"https://smartenergycodecompany.co.uk/ufaq-category/"                  \
	"privacy-assessment-process/"
#define PRIVACY_CHANGES                                                        \
	"https://smartenergycodecompany.co.uk/privacy-change-notifications/"
#define WD     UKWD_UNIT_WORKING_DAYS
#define DEEMED UKWD_RECEIPT_DEEMED

/* The SEC rules expressed as periods (../shared/SEC-RESEARCH.md §3.1). A
 * reference is only what the cited source names: the checklist names H1
 * and Appendix R for the 60 days (H14 is named only by a glossary page
 * with no figure) and no section for its note 3; the SECAS privacy-change
 * page gives I1 processes for the outcome only. The DCC's own CTSD
 * submission binds no Party and is left out. */
static const ukwd_notice_rule catalogue[] = {
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "uept-notice",
        .title = "Party's notice to the DCC before starting User Entry Process "
                 "Tests",
        .amount = 60,
        .unit = WD,
        .direction = UKWD_NOTICE_BEFORE,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_CHECKLIST,
        .reference = "H1, Appendix R",
        .citation = CHECKLIST_CITATION,
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "uept-exit-receipt",
        .title = "DCC confirms receipt of the Test Completion notification",
        .amount = 2,
        .unit = WD,
        .direction = UKWD_NOTICE_WITHIN,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_CHECKLIST,
        .reference = NULL,
        .citation = CHECKLIST_CITATION ", note 3",
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "uept-exit-review",
        .title = "DCC reviews the test completion report after receiving it",
        .amount = 5,
        .unit = WD,
        .direction = UKWD_NOTICE_WITHIN,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_CHECKLIST,
        .reference = NULL,
        .citation = CHECKLIST_CITATION ", note 3",
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "uept-exit-confirm",
        .title =
            "DCC confirms Test Completion after a successful Exit Quality Gate "
            "Review",
        .amount = 2,
        .unit = WD,
        .direction = UKWD_NOTICE_WITHIN,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_CHECKLIST,
        .reference = NULL,
        .citation = CHECKLIST_CITATION ", note 3",
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "privacy-booking",
        .title =
            "Privacy Assessment: the requested date is at least 12 weeks after "
            "the request",
        .amount = 12,
        .unit = UKWD_UNIT_WEEKS,
        .direction = UKWD_NOTICE_BEFORE,
        .counting = UKWD_COUNT_EVENT_DAY,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_SOURCED,
        .reference = "I2",
        .citation = PRIVACY_FAQ,
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "privacy-reschedule",
        .title =
            "Privacy Assessment: notice to reschedule or cancel, at least 4 "
            "weeks before the start (else a 25% fee)",
        .amount = 4,
        .unit = UKWD_UNIT_WEEKS,
        .direction = UKWD_NOTICE_BEFORE,
        .counting = UKWD_COUNT_EVENT_DAY,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_SOURCED,
        .reference = "I2",
        .citation = PRIVACY_FAQ,
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "privacy-change-outcome",
        .title = "SECAS gives the outcome of a Privacy Change Notification",
        .amount = 10,
        .unit = WD,
        .direction = UKWD_NOTICE_WITHIN,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_SOURCED,
        .reference = "I1",
        .citation = PRIVACY_CHANGES,
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "privacy-change-decision",
        .title = "Approval or rejection of a non-material privacy change",
        .amount = 10,
        .unit = WD,
        .direction = UKWD_NOTICE_WITHIN,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_SOURCED,
        .reference = NULL,
        .citation = PRIVACY_CHANGES,
        .receipt = DEEMED,
    },
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "privacy-change-assessment",
        .title = "Ad-hoc Privacy Change Assessment scheduled (best endeavours)",
        .amount = 4,
        .unit = UKWD_UNIT_WEEKS,
        .direction = UKWD_NOTICE_WITHIN,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_SOURCED,
        .reference = NULL,
        .citation = PRIVACY_CHANGES,
        .receipt = DEEMED,
    },
    /* B1.2(b): 'given' is the expulsion, 'event' the application; an
     * expulsion is a date of fact, so a Saturday counts as itself. */
    {
        .version = UKWD_NOTICE_RULE_VERSION,
        .id = "readmission-bar",
        .title =
            "An applicant expelled in the 12 months before the date of its "
            "application (given: expulsion; event: application) cannot be "
            "admitted, unless the Panel sets a shorter period",
        .amount = 12,
        .unit = UKWD_UNIT_MONTHS,
        .direction = UKWD_NOTICE_BEFORE,
        .counting = UKWD_COUNT_CLEAR,
        .cutoff_minutes = UKWD_NO_CUTOFF,
        .source = UKWD_SOURCE_SOURCED,
        .reference = "B1.2(b)",
        .citation = "an unofficial copy of the Code (studylib), "
                    "https://studylib.net/doc/18047119/"
                    "section-a--definitions-and-interpretation-the-following",
        .receipt = UKWD_RECEIPT_AS_GIVEN,
    },
};

#define CATALOGUE_SIZE (sizeof(catalogue) / sizeof(catalogue[0]))

size_t
ukwd_notice_rule_count(void)
{
	return CATALOGUE_SIZE;
}

const ukwd_notice_rule *
ukwd_notice_rule_at(size_t index)
{
	return index < CATALOGUE_SIZE ? &catalogue[index] : NULL;
}

const ukwd_notice_rule *
ukwd_notice_rule_find(const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < CATALOGUE_SIZE; i++)
		if (strcmp(catalogue[i].id, id) == 0)
			return &catalogue[i];
	return NULL;
}

/* d plus n calendar months, on the same day of the month or the month's
 * last day; d and the answer are within 0001..9999 or UKWD_ERANGE. */
static int
add_months(ukwd_date *out, ukwd_date d, long long n)
{
	int year, month, day, length;
	long long index;

	ukwd__civil_from_days(d, &year, &month, &day);
	index = (long long)year * 12 + (month - 1) + n;
	if (index < 12 || index > 9999LL * 12 + 11)
		return UKWD_ERANGE;
	year = (int)(index / 12);
	month = (int)(index % 12) + 1;
	length = ukwd__days_in_month(year, month);
	*out = ukwd__days_from_civil(year, month, day < length ? day : length);
	return 0;
}

/* d plus a calendar period (days, weeks or months). */
static int
add_period(ukwd_date *out, ukwd_date d, const ukwd_notice_rule *rule, int sign)
{
	long long days;

	if (rule->unit == UKWD_UNIT_MONTHS)
		return add_months(out, d, (long long)sign * rule->amount);
	days =
	    (long long)rule->amount * (rule->unit == UKWD_UNIT_WEEKS ? 7 : 1);
	if (!ukwd__date_in_range((long long)d + sign * days))
		return UKWD_ERANGE;
	*out = (ukwd_date)(d + sign * days);
	return 0;
}

/* The latest day R with R + period <= limit (months are not injective, so
 * step from an estimate). */
static int
latest_before(ukwd_date *out, ukwd_date limit, const ukwd_notice_rule *rule)
{
	ukwd_date r, end;
	int rc = add_period(&r, limit, rule, -1);

	if (rc)
		return rc;
	while (add_period(&end, r + 1, rule, 1) == 0 && end <= limit)
		r++;
	while (add_period(&end, r, rule, 1) == 0 && end > limit)
		r--;
	*out = r;
	return 0;
}

static const char *
unit_name(ukwd_notice_unit unit, int32_t n)
{
	switch (unit) {
	case UKWD_UNIT_WORKING_DAYS:
		return n == 1 ? "working day" : "working days";
	case UKWD_UNIT_CALENDAR_DAYS:
		return n == 1 ? "calendar day" : "calendar days";
	case UKWD_UNIT_WEEKS:
		return n == 1 ? "week" : "weeks";
	case UKWD_UNIT_MONTHS:
	default:
		return n == 1 ? "month" : "months";
	}
}

static int
range_error(ukwd_diag *diag, int rc)
{
	return ukwd__diag_set(diag, rc, 0, 0,
	                      "a date the answer needs is outside the "
	                      "calendar's range");
}

static void
explain(ukwd_notice_result *r, const ukwd_notice_rule *rule, ukwd_date given,
        int late, ukwd_date event)
{
	char g[UKWD_DATE_STRLEN], dr[UKWD_DATE_STRLEN],
	    e[UKWD_DATE_STRLEN + 24], dl[UKWD_DATE_STRLEN],
	    ee[UKWD_DATE_STRLEN], receipt[64] = "";
	const char *counted = unit_name(r->counted_unit, r->given);

	ukwd_date_format(g, sizeof(g), given);
	ukwd_date_format(dr, sizeof(dr), r->deemed_received);
	ukwd_date_format(e, sizeof(e), event);
	ukwd_date_format(dl, sizeof(dl), r->deadline);
	ukwd_date_format(ee, sizeof(ee), r->earliest_event);
	if (r->event_not_working)
		strcat(e, " (not a working day)");
	/* Short enough that the longest sentence fits the result's buffer. */
	if (r->deemed_received != given)
		snprintf(receipt, sizeof(receipt), " (%s, deemed received %s)",
		         late ? "after the cut-off" : "a non-working day", dr);
	if (rule->direction == UKWD_NOTICE_BEFORE &&
	    rule->unit == UKWD_UNIT_WORKING_DAYS)
		snprintf(r->explanation, sizeof(r->explanation),
		         "%s: notice of %s%s gives %d %s%s before %s; %d "
		         "needed%s; the latest compliant notice day is %s",
		         r->compliant ? "compliant" : "NOT compliant", g,
		         receipt, (int)r->given,
		         rule->counting == UKWD_COUNT_CLEAR ? "clear " : "",
		         counted, e, (int)rule->amount,
		         rule->counting == UKWD_COUNT_CLEAR
		             ? ""
		             : " (counting the event day)",
		         dl);
	else if (rule->direction == UKWD_NOTICE_BEFORE)
		snprintf(r->explanation, sizeof(r->explanation),
		         "%s: notice of %s%s is %d %s%s before %s; %d %s "
		         "needed (event on or after %s); the latest "
		         "compliant notice day is %s",
		         r->compliant ? "compliant" : "NOT compliant", g,
		         receipt, (int)r->given,
		         rule->counting == UKWD_COUNT_CLEAR ? "clear " : "",
		         counted, e, (int)rule->amount,
		         unit_name(rule->unit, rule->amount), ee, dl);
	else
		snprintf(r->explanation, sizeof(r->explanation),
		         "%s: %s is %d %s after %s%s; the deadline (within %d "
		         "%s) is %s",
		         r->compliant ? "compliant" : "NOT compliant", e,
		         (int)r->given, counted, g, receipt, (int)rule->amount,
		         unit_name(rule->unit, rule->amount), dl);
}

/* The latest day a notice can be given for a working-day BEFORE rule
 * ending at `end` (exclusive). Deemed receipt: the (n+1)-th working day
 * before `end`, since a later day is deemed received no earlier than the
 * n-th. As given: the day before the n-th working day before `end`, which
 * may be a non-working day. */
static int
latest_working_notice(ukwd_date *out, const ukwd_calendar *cal, ukwd_date end,
                      int32_t n, ukwd_notice_receipt receipt)
{
	ukwd_date nth = end;
	int rc;

	if (receipt == UKWD_RECEIPT_DEEMED) {
		/* n + 1 working days cannot fit when n is INT32_MAX. */
		if (n == INT32_MAX)
			return UKWD_ERANGE;
		return ukwd_workday_add(out, cal, end, -(n + 1));
	}
	if (n > 0 && (rc = ukwd_workday_add(&nth, cal, end, -n)))
		return rc;
	if (!ukwd__date_in_range((long long)nth - 1))
		return UKWD_ERANGE;
	*out = nth - 1;
	return 0;
}

/* The members of each version of ukwd_notice_rule. */
static const size_t rule_sizes[UKWD_NOTICE_RULE_VERSION] = {
    offsetof(ukwd_notice_rule, receipt), sizeof(ukwd_notice_rule)};

int
ukwd_notice_rule_init(ukwd_notice_rule *rule, unsigned int version)
{
	static const ukwd_notice_rule defaults = UKWD_NOTICE_RULE_INIT;

	if (!rule || version == 0)
		return UKWD_EINVAL;
	return ukwd__versioned_export(rule, version, &defaults, rule_sizes,
	                              UKWD_NOTICE_RULE_VERSION);
}

int
ukwd_notice_rule_get(ukwd_notice_rule *out, const char *id)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_find(id);

	if (!out)
		return UKWD_EINVAL;
	if (!rule)
		return id ? UKWD_ENOTFOUND : UKWD_EINVAL;
	return ukwd__versioned_export(out, 0, rule, rule_sizes,
	                              UKWD_NOTICE_RULE_VERSION);
}

/* Whether a rule (already copied to the current version) and a time of
 * day are ones the check can use. */
static int
rule_is_valid(const ukwd_notice_rule *rule, int given_minutes)
{
	return !(rule->amount < 0 || (unsigned)rule->unit > UKWD_UNIT_MONTHS ||
	         (unsigned)rule->direction > UKWD_NOTICE_WITHIN ||
	         (unsigned)rule->counting > UKWD_COUNT_EVENT_DAY ||
	         (unsigned)rule->receipt > UKWD_RECEIPT_AS_GIVEN ||
	         (rule->cutoff_minutes != UKWD_NO_CUTOFF &&
	          (rule->cutoff_minutes < 0 || rule->cutoff_minutes > 1439)) ||
	         (given_minutes != UKWD_NO_TIME &&
	          (given_minutes < 0 || given_minutes > 1439)));
}

/* Deemed receipt: the next working day when received on a non-working day
 * or after the cut-off. A date of fact counts as given. Sets *late when
 * the time of day was after the cut-off. */
static int
deemed_receipt(ukwd_date *received, int *late, const ukwd_calendar *cal,
               const ukwd_notice_rule *rule, ukwd_date given, int working,
               int given_minutes)
{
	*late = rule->receipt == UKWD_RECEIPT_DEEMED &&
	        rule->cutoff_minutes != UKWD_NO_CUTOFF &&
	        given_minutes != UKWD_NO_TIME &&
	        given_minutes > rule->cutoff_minutes;
	*received = given;
	if (rule->receipt == UKWD_RECEIPT_DEEMED && (!working || *late))
		return ukwd_workday_next(received, cal, given);
	return 0;
}

/* A working-day rule with the notice before the event. */
static int
check_working_before(ukwd_notice_result *r, const ukwd_calendar *cal,
                     const ukwd_notice_rule *rule, ukwd_date received,
                     ukwd_date event)
{
	int32_t n = rule->amount;
	/* Working days in (received, end), end exclusive. */
	ukwd_date end = rule->counting == UKWD_COUNT_CLEAR ? event : event + 1;
	ukwd_date nth;
	int rc;

	if (end > received + 1 &&
	    (rc = ukwd_workday_count(&r->given, cal, received + 1, end)))
		return rc;
	rc = latest_working_notice(&r->deadline, cal, end, n, rule->receipt);
	if (rc == 0)
		rc = ukwd_workday_add(&nth, cal, received, n);
	if (rc)
		return rc;
	r->earliest_event = rule->counting == UKWD_COUNT_CLEAR ? nth + 1 : nth;
	r->compliant = r->given >= n;
	r->shortfall = r->compliant ? 0 : n - r->given;
	return 0;
}

/* A working-day rule with the event within the period after the notice. */
static int
check_working_within(ukwd_notice_result *r, const ukwd_calendar *cal,
                     const ukwd_notice_rule *rule, ukwd_date received,
                     ukwd_date event)
{
	int rc = ukwd_workday_add(&r->deadline, cal, received, rule->amount);

	if (rc)
		return rc;
	if (event > received &&
	    (rc = ukwd_workday_count(&r->given, cal, received + 1, event + 1)))
		return rc;
	r->compliant = event <= r->deadline;
	if (!r->compliant &&
	    (rc = ukwd_workday_count(&r->shortfall, cal, r->deadline + 1,
	                             event + 1)))
		return rc;
	r->earliest_event = r->deadline;
	return 0;
}

/* A rule in calendar days, weeks or months. */
static int
check_calendar_period(ukwd_notice_result *r, const ukwd_calendar *cal,
                      const ukwd_notice_rule *rule, ukwd_date received,
                      ukwd_date event)
{
	ukwd_date threshold, latest;
	int clear = rule->direction == UKWD_NOTICE_BEFORE &&
	            rule->counting == UKWD_COUNT_CLEAR;
	int rc = add_period(&threshold, received, rule, 1);

	if (rc)
		return rc;
	if (rule->direction != UKWD_NOTICE_BEFORE) {
		r->deadline = r->earliest_event = threshold;
		r->compliant = event <= threshold;
		r->given = event > received ? event - received : 0;
		r->shortfall = r->compliant ? 0 : event - threshold;
		return 0;
	}
	r->earliest_event = threshold + clear;
	r->compliant = event >= r->earliest_event;
	r->given = event - received - clear > 0 ? event - received - clear : 0;
	r->shortfall = r->compliant ? 0 : r->earliest_event - event;
	/* The latest day a notice counts as received on that day: a working
	 * day, unless the date counts as given. */
	rc = latest_before(&latest, event - clear, rule);
	if (rc == 0 && rule->receipt == UKWD_RECEIPT_DEEMED)
		rc = ukwd_workday_roll(&latest, cal, latest,
		                       UKWD_ROLL_PRECEDING);
	if (rc)
		return rc;
	r->deadline = latest;
	return 0;
}

int
ukwd_notice_check(ukwd_notice_result *out, const ukwd_calendar *cal,
                  const ukwd_notice_rule *given_rule, ukwd_date given,
                  int given_minutes, ukwd_date event, ukwd_diag *diag)
{
	static const ukwd_notice_rule defaults = UKWD_NOTICE_RULE_INIT;
	ukwd_notice_rule copy;
	const ukwd_notice_rule *rule = &copy;
	ukwd_notice_result r;
	ukwd_date received;
	int late, working, event_working, rc;

	ukwd__diag_clear(diag);
	if (!out || !cal || !given_rule)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no result, calendar or rule (NULL)");
	/* Only the members of the caller's version are read: a version-1
	 * rule ends before `receipt`, which is then deemed. */
	if (ukwd__versioned_copy(&copy, &defaults, sizeof(copy), given_rule,
	                         rule_sizes, UKWD_NOTICE_RULE_VERSION))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "the rule's version (%u) is not one this "
		                      "library knows (1 to %d)",
		                      given_rule->version,
		                      UKWD_NOTICE_RULE_VERSION);
	if (!rule_is_valid(rule, given_minutes))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "the rule or the time of day is not "
		                      "valid");
	memset(&r, 0, sizeof(r));
	working = ukwd_workday_is_working(cal, given);
	event_working = ukwd_workday_is_working(cal, event);
	if (working < 0 || event_working < 0)
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
		                      "the notice or event date is outside "
		                      "the calendar's range");
	r.event_not_working = !event_working;
	rc = deemed_receipt(&received, &late, cal, rule, given, working,
	                    given_minutes);
	if (rc)
		return range_error(diag, rc);
	r.deemed_received = received;

	if (rule->unit != UKWD_UNIT_WORKING_DAYS) {
		r.counted_unit = UKWD_UNIT_CALENDAR_DAYS;
		rc = check_calendar_period(&r, cal, rule, received, event);
	} else {
		r.counted_unit = UKWD_UNIT_WORKING_DAYS;
		if (rule->direction == UKWD_NOTICE_BEFORE)
			rc = check_working_before(&r, cal, rule, received,
			                          event);
		else
			rc = check_working_within(&r, cal, rule, received,
			                          event);
	}
	if (rc)
		return range_error(diag, rc);
	/* The earliest event a plan can use is a working day. */
	if (rule->direction == UKWD_NOTICE_WITHIN)
		r.earliest_working_event = r.deadline;
	else if ((rc =
	              ukwd_workday_roll(&r.earliest_working_event, cal,
	                                r.earliest_event, UKWD_ROLL_FOLLOWING)))
		return range_error(diag, rc);
	explain(&r, rule, given, late, event);
	*out = r;
	return 0;
}
