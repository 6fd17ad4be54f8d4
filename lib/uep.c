/* The SEC User Entry Process as data (../shared/SEC-RESEARCH.md §2), its
 * plan, and EUI-64 identifiers. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/uep.h"
#include "ukwd/workday.h"
#include "internal.h"

#define CHECKLIST                                                              \
	"SECAS, SEC Checklist for Small Suppliers v1.3 (December 2017)"
#define NOTE_1  CHECKLIST ", note 1"
#define NOTE_2  CHECKLIST ", note 2"
#define NOTE_3  CHECKLIST ", note 3"
#define ID_PAGE "https://smartenergycodecompany.co.uk/id-allocation/"
#define CREDIT_PAGE                                                            \
	"https://smartenergycodecompany.co.uk/latest-news/"                    \
	"what-is-credit-cover-and-how-may-it-affect-you/"
#define SREPT_PAGE                                                             \
	"https://www.smartdcc.co.uk/implementation/test-assurance/"            \
	"systems-test-assurance/smki-and-repository-testing/"
#define UEPT_PAGE                                                              \
	"https://smartenergycodecompany.co.uk/glossary/additional-sr-tests/"
#define FUSA_FAQ                                                               \
	"https://smartenergycodecompany.co.uk/ufaqs/"                          \
	"what-is-a-full-user-security-assessment-fusa/"
#define SECURITY_PAGE                                                          \
	"https://smartenergycodecompany.co.uk/sec/security-assessments"
#define PRIVACY_FAQ                                                            \
	"https://smartenergycodecompany.co.uk/ufaq-category/"                  \
	"privacy-assessment-process/"
#define PRIVACY_PAGE                                                           \
	"https://smartenergycodecompany.co.uk/sec/privacy-assessments"
#define USER_PAGE                                                              \
	"https://smartenergycodecompany.co.uk/sec-parties/becoming-a-dcc-user"
#define NO_FIGURE "no public source gives a duration"
#define DESCRIBED NO_FIGURE "; the stage is described at "

#define ALL      UKWD_ROLE_ALL
#define OTHER    UKWD_ROLE_OTHER_USER
#define WD       UKWD_UNIT_WORKING_DAYS
#define PROPOSED UKWD_SOURCE_PROPOSED
#define CHECKED  UKWD_SOURCE_CHECKLIST
#define SOURCED  UKWD_SOURCE_SOURCED

/* A stage whose duration is one figure in working days, and its range
 * for a risk analysis: RANGE(optimistic, pessimistic, tag, why) around
 * the duration, the most likely value; FIXED(why) for none. */
#define RANGE(lo_, hi_, tag_, why_) (lo_), (hi_), (tag_), (why_)
#define STAGE(id_, title_, ref_, days_, source_, citation_, roles_, per_role_, \
              range_)                                                          \
	STAGE_(id_, title_, ref_, days_, source_, citation_, roles_,           \
	       per_role_, range_)
#define STAGE_(id_, title_, ref_, days_, source_, citation_, roles_,           \
               per_role_, lo_, hi_, range_tag_, why_)                          \
	{                                                                      \
		.id = (id_), .title = (title_), .reference = (ref_),           \
		.duration = (days_), .optimistic = (lo_),                      \
		.pessimistic = (hi_), .stated_amount = (days_),                \
		.stated_unit = WD, .source = (source_),                        \
		.citation = (citation_), .roles = (roles_),                    \
		.per_role = (per_role_), .credit_cover_only = 0,               \
		.most_likely = (days_), .range_source = (range_tag_),          \
		.range_citation = (why_)                                       \
	}
/* No spread: the range is the duration, with the stage's own tag. */
#define FIXED(days_, tag_, why_) RANGE(days_, days_, tag_, why_)
#define MILESTONE(tag_)          FIXED(0, tag_, "a milestone: no duration")
#define HALF_TO_TWICE                                                          \
	"; from half to twice our figure, as no figure is published"

static const ukwd_uep_stage stages[] = {
    STAGE(
        "id-allocation", "User ID allocation: EUI-64 range from SECAS", "B2",
        10, PROPOSED, DESCRIBED ID_PAGE, ALL, 0,
        RANGE(5, 20, PROPOSED,
              "no turnaround is published (SEC-RESEARCH.md 3.2)" HALF_TO_TWICE
              ": a form SECAS checks may pass at once or wait on corrections")),
    {.id = "credit-cover",
     .title = "Credit Cover: DCC sets the requirement, Party lodges Credit "
              "Support (reviewed monthly)",
     .reference = "J3",
     .duration = 10,
     .optimistic = 5,
     .pessimistic = 30,
     .stated_amount = 10,
     .stated_unit = WD,
     .source = PROPOSED,
     .citation = NO_FIGURE "; the requirement is reviewed monthly (" NOTE_1
                           "); the stage is described at " CREDIT_PAGE,
     .roles = ALL,
     .per_role = 0,
     .credit_cover_only = 1,
     .most_likely = 10,
     .range_source = PROPOSED,
     .range_citation =
         "the requirement is reviewed monthly (" NOTE_1 "): support lodged "
         "after a review may wait for the next, up to 20 working days "
         "more; from half our figure"},
    STAGE("dcc-gateway",
          "DCC Gateway connection: in place and working for SREPT and UEPT", "",
          20, PROPOSED,
          NO_FIGURE "; the SREPT and UEPT time-frames assume a working "
                    "DCC Gateway connection (" NOTE_2 ")",
          ALL, 0,
          RANGE(10, 60, PROPOSED,
                "a connection waits on the DCC's provider and the Party's "
                "site: delays run long, so the spread is mostly upward, to "
                "three times our figure")),
    STAGE("srept-application", "SREPT: application to the DCC", "L7", 20,
          PROPOSED, DESCRIBED SREPT_PAGE, ALL, 0,
          RANGE(10, 40, PROPOSED,
                "no SREPT notice or turnaround is published" HALF_TO_TWICE)),
    STAGE("srept-tests", "SREPT: SMKI and Repository tests", "L7", 10, PROPOSED,
          DESCRIBED SREPT_PAGE, ALL, 0,
          RANGE(5, 20, PROPOSED,
                "one run of the tests" HALF_TO_TWICE
                "; a failed run run again is the branch srept-retest, not this "
                "range")),
    STAGE("srept-completion",
          "SREPT: completion (notification, review, exit gate, confirmation)",
          "L7", 8, PROPOSED,
          NO_FIGURE "; the UEPT exit reused: review 5, meeting 1, "
                    "confirmation 2 working days after the notification",
          ALL, 0,
          RANGE(5, 15, PROPOSED,
                "our 8 adds the UEPT exit's limits (review 5, meeting 1, "
                "confirmation 2); the DCC may answer sooner, and a meeting may "
                "wait on diaries")),
    STAGE("authorised-subscriber",
          "SMKI: become an Authorised Subscriber (after SREPT)", "", 5,
          PROPOSED,
          NO_FIGURE "; a Party must pass SREPT before it can apply to "
                    "become an Authorised Subscriber (" SREPT_PAGE ")",
          ALL, 0,
          RANGE(2, 15, PROPOSED,
                "an application the DCC checks; no figure is published, and "
                "one sent back for corrections takes longer")),
    STAGE("uept-give-notice", "Give UEPT notice to the DCC", "H1, Appendix R",
          0, CHECKED,
          "the latest day: 60 clear working days before testing starts "
          "(" CHECKLIST ")",
          ALL, 1, MILESTONE(CHECKED)),
    STAGE("uept-notice",
          "UEPT: notice period before testing (with Self-Service "
          "Interface access)",
          "H1, Appendix R", 60, CHECKED, CHECKLIST, ALL, 1,
          FIXED(60, CHECKED,
                "no spread: the 60 working days' notice is a rule, met by "
                "giving notice on the latest compliant day")),
    STAGE("uept-readiness", "UEPT: readiness, inside the notice period",
          "H1, H14", 10, PROPOSED,
          NO_FIGURE "; UEPT is described in H1 and H14 (" UEPT_PAGE ")", ALL, 1,
          RANGE(5, 20, PROPOSED,
                "preparation inside the notice period" HALF_TO_TWICE)),
    STAGE("uept-execution",
          "UEPT: test execution, Self-Service Interface access included",
          "H1, H14", 30, PROPOSED,
          NO_FIGURE "; UEPT is described in H1 and H14 (" UEPT_PAGE ")", ALL, 1,
          RANGE(20, 60, PROPOSED,
                "test execution depends on the Party's systems and the defects "
                "found: a spread mostly upward, to twice our figure; failed "
                "scenarios run again are the branch uept-retest")),
    STAGE("uept-exit-notified", "UEPT exit: Test Completion notified", "", 0,
          PROPOSED,
          "its place, when test execution ends, is our reading; the exit "
          "clocks run from it (" NOTE_3 ")",
          ALL, 1, MILESTONE(PROPOSED)),
    STAGE("uept-exit-receipt",
          "UEPT exit: DCC confirms receipt of the Test Completion "
          "notification",
          "", 2, CHECKED, NOTE_3, ALL, 1,
          FIXED(2, CHECKED,
                "no spread: 'within 2 working days' (" NOTE_3
                ") is the DCC's limit, and the plan takes it")),
    STAGE("uept-exit-review", "UEPT exit: DCC reviews the completion report",
          "", 5, CHECKED, NOTE_3, ALL, 1,
          FIXED(5, CHECKED,
                "no spread: 'within 5 working days' (" NOTE_3
                ") is the DCC's limit, and the plan takes it")),
    STAGE(
        "uept-eqgr", "UEPT exit: Exit Quality Gate Review meeting", "", 1,
        PROPOSED,
        NO_FIGURE "; the meeting's place, after the review, is our "
                  "reading of " NOTE_3,
        ALL, 1,
        RANGE(
            1, 5, PROPOSED,
            "the meeting takes a day; finding a date for it may take a week")),
    STAGE("uept-exit-confirm", "UEPT exit: DCC confirms Test Completion", "", 2,
          CHECKED, NOTE_3, ALL, 1,
          FIXED(2, CHECKED,
                "no spread: 'within 2 working days' (" NOTE_3
                ") is the DCC's limit, and the plan takes it")),
    STAGE("fusa-booking", "User Security Assessment: booking with the User CIO",
          "G8", 60, PROPOSED,
          "no public source gives a booking lead for a security "
          "assessment; 60 working days mirror the privacy rule 'at least 12 "
          "weeks' (" PRIVACY_FAQ ")",
          ALL, 0,
          RANGE(40, 80, PROPOSED,
                "no booking lead is published; our 60 mirrors the privacy "
                "rule's 12 weeks, give or take a month")),
    {.id = "fusa-fieldwork",
     .title = "User Security Assessment: fieldwork",
     .reference = "G8",
     .duration = 10,
     .optimistic = 3,
     .pessimistic = 10,
     .stated_amount = 10,
     .stated_unit = WD,
     .source = SOURCED,
     .citation = "3 to 10 working days (" FUSA_FAQ ")",
     .roles = ALL,
     .per_role = 0,
     .credit_cover_only = 0,
     .most_likely = 10,
     .range_source = SOURCED,
     .range_citation =
         "3 to 10 working days, depending on how ready the User is, how many "
         "observations arise, and whether it uses a Shared Resource Provider "
         "or its own system (" FUSA_FAQ "); the most likely value, 10, is "
         "ours (PROPOSED): the source gives none, and the plan takes its "
         "upper end"},
    STAGE(
        "fusa-report", "User Security Assessment: report (G8.22)", "G8", 10,
        PROPOSED, NO_FIGURE, ALL, 0,
        RANGE(5, 20, PROPOSED, "the User CIO's report (G8.22)" HALF_TO_TWICE)),
    STAGE("fusa-response",
          "User Security Assessment: the User's response (G8.24)", "G8", 10,
          PROPOSED,
          "G8.24 sets no figure: as soon as reasonably practicable, by a "
          "date the Security Sub-Committee sets",
          ALL, 0,
          RANGE(5, 30, PROPOSED,
                "G8.24 sets no figure: as soon as reasonably practicable, by a "
                "date the Security Sub-Committee sets; up to three times our "
                "figure")),
    STAGE(
        "fusa-assurance", "User Security Assessment: assurance status (G8.34)",
        "G8", 10, PROPOSED, NO_FIGURE, ALL, 0,
        RANGE(5, 25, PROPOSED,
              "the Security Sub-Committee gives the status (G8.34); no figure "
              "is published, and waiting for a meeting can add weeks; a "
              "Deferred status is the branch fusa-follow-up, not this range")),
    STAGE("privacy-request",
          "Privacy Assessment (Privacy Audit): request the assessment", "I2", 0,
          SOURCED,
          "the latest day: at least 12 weeks before the assessment "
          "date (" PRIVACY_FAQ ")",
          OTHER, 0, MILESTONE(SOURCED)),
    {.id = "privacy-booking",
     .title = "Privacy Assessment (Privacy Audit): booking lead, at least 12 "
              "weeks",
     .reference = "I2",
     .duration = 60,
     .optimistic = 60,
     .pessimistic = 60,
     .stated_amount = 12,
     .stated_unit = UKWD_UNIT_WEEKS,
     .source = SOURCED,
     .citation = "the requested assessment date is at least 12 weeks after "
                 "the request (" PRIVACY_FAQ "); the plan holds the working "
                 "days those weeks span",
     .roles = OTHER,
     .per_role = 0,
     .credit_cover_only = 0,
     .most_likely = 60,
     .range_source = SOURCED,
     .range_citation =
         "no spread: the request is made on the latest day, 12 weeks before "
         "the assessment (" PRIVACY_FAQ ")"},
    STAGE("privacy-fieldwork", "Privacy Assessment (Privacy Audit): fieldwork",
          "I2", 5, PROPOSED, DESCRIBED PRIVACY_PAGE, OTHER, 0,
          RANGE(3, 10, PROPOSED,
                "no figure is published (the Privacy Assessments Process "
                "Timeline note was not found); from 3, the low end of security "
                "fieldwork, to twice our figure")),
    STAGE("privacy-report", "Privacy Assessment (Privacy Audit): report", "I2",
          15, PROPOSED, NO_FIGURE, OTHER, 0,
          RANGE(10, 25, PROPOSED,
                "no figure is published; two weeks either way around our "
                "figure, more above")),
    STAGE("privacy-assurance",
          "Privacy Assessment (Privacy Audit): assurance status (I2.30)", "I2",
          15, PROPOSED, NO_FIGURE, OTHER, 0,
          RANGE(10, 30, PROPOSED,
                "the Panel gives the status (I2.30); no figure is published, "
                "and waiting for a meeting can add weeks")),
    STAGE("uep-evidence",
          "UEP completion: Evidence Form to SECAS, paper to the Panel", "H1.12",
          20, PROPOSED, DESCRIBED USER_PAGE, ALL, 1,
          RANGE(10, 30, PROPOSED,
                "SECAS puts a paper to the Panel; a month's meeting cycle (not "
                "sourced) either way around our figure, less below")),
    STAGE("dcc-user", "DCC User: User Entry Process complete", "H1.12", 0,
          SOURCED,
          "SECAS tells the Panel, the DCC and the Party that the Party has "
          "completed the User Entry Process for the User Role (" USER_PAGE ")",
          ALL, 1, MILESTONE(SOURCED)),
    STAGE("uep-complete", "DCC User in every User Role sought", "H1.12", 0,
          PROPOSED, "the last role's completion: our reading of " USER_PAGE,
          ALL, 0, MILESTONE(PROPOSED)),
};

#define LINK(from, to, type_, source_, citation_)                              \
	{                                                                      \
		.predecessor = (from), .successor = (to), .type = (type_),     \
		.lag = 0, .source = (source_), .citation = (citation_)         \
	}
#define FS          UKWD_LINK_FS
#define FF          UKWD_LINK_FF
#define OUR_READING "our reading of the process (SEC-RESEARCH.md section 2.4)"

static const ukwd_uep_dependency dependencies[] = {
    LINK("id-allocation", "dcc-gateway", FS, PROPOSED, OUR_READING),
    LINK("id-allocation", "srept-application", FS, PROPOSED, OUR_READING),
    LINK("srept-application", "srept-tests", FS, PROPOSED, OUR_READING),
    LINK(
        "dcc-gateway", "srept-tests", FS, CHECKED,
        "the SREPT time-frames assume a working DCC Gateway connection (" NOTE_2
        ")"),
    LINK("srept-tests", "srept-completion", FS, PROPOSED, OUR_READING),
    LINK("srept-completion", "authorised-subscriber", FS, SOURCED,
         "SREPT must be passed before applying to become an Authorised "
         "Subscriber (" SREPT_PAGE ")"),
    LINK("id-allocation", "uept-give-notice", FS, PROPOSED,
         "the notice names the Party's User ID: " OUR_READING),
    LINK("uept-give-notice", "uept-notice", FS, CHECKED,
         "60 working days' notice to the DCC before starting UEPT (" CHECKLIST
         ")"),
    LINK("uept-notice", "uept-readiness", FF, PROPOSED,
         "readiness runs inside the notice period: " OUR_READING),
    LINK("uept-notice", "uept-execution", FS, CHECKED,
         "60 working days' notice before starting UEPT (" CHECKLIST ")"),
    LINK("uept-readiness", "uept-execution", FS, PROPOSED, OUR_READING),
    LINK("dcc-gateway", "uept-execution", FS, CHECKED,
         "the UEPT time-frames assume a working DCC Gateway connection (" NOTE_2
         ")"),
    LINK("authorised-subscriber", "uept-execution", FS, PROPOSED,
         "UEPT uses SMKI Certificates: " OUR_READING),
    LINK("uept-execution", "uept-exit-notified", FS, PROPOSED, OUR_READING),
    LINK("uept-exit-notified", "uept-exit-receipt", FS, CHECKED,
         "within 2 working days the DCC confirm receipt of the notification "
         "(" NOTE_3 ")"),
    LINK("uept-exit-notified", "uept-exit-review", FS, CHECKED,
         "within 5 working days of receipt of the notification the DCC "
         "review the completion report (" NOTE_3 ")"),
    LINK("uept-exit-review", "uept-eqgr", FS, PROPOSED,
         "the meeting after the review: " OUR_READING),
    LINK("uept-eqgr", "uept-exit-confirm", FS, CHECKED,
         "within 2 working days of a successful Exit Quality Gate Review "
         "meeting the DCC confirm Test Completion (" NOTE_3 ")"),
    LINK("id-allocation", "fusa-booking", FS, PROPOSED, OUR_READING),
    LINK("fusa-booking", "fusa-fieldwork", FS, PROPOSED, OUR_READING),
    LINK("fusa-fieldwork", "fusa-report", FS, PROPOSED, OUR_READING),
    LINK("fusa-report", "fusa-response", FS, PROPOSED, OUR_READING),
    LINK("fusa-response", "fusa-assurance", FS, PROPOSED, OUR_READING),
    LINK("id-allocation", "privacy-request", FS, PROPOSED, OUR_READING),
    LINK("privacy-request", "privacy-booking", FS, SOURCED,
         "the assessment date is at least 12 weeks after the request "
         "(" PRIVACY_FAQ ")"),
    LINK("privacy-booking", "privacy-fieldwork", FS, SOURCED,
         "the assessment date is at least 12 weeks after the request "
         "(" PRIVACY_FAQ ")"),
    LINK("privacy-fieldwork", "privacy-report", FS, PROPOSED, OUR_READING),
    LINK("privacy-report", "privacy-assurance", FS, PROPOSED, OUR_READING),
    LINK("uept-exit-receipt", "uep-evidence", FS, PROPOSED, OUR_READING),
    LINK("uept-exit-confirm", "uep-evidence", FS, PROPOSED, OUR_READING),
    LINK(
        "fusa-assurance", "uep-evidence", FS, PROPOSED,
        "Approved or Approved subject to, before UEP completion (" SECURITY_PAGE
        ")"),
    LINK("privacy-assurance", "uep-evidence", FS, PROPOSED,
         "assurance before UEP completion (" PRIVACY_PAGE ")"),
    LINK("credit-cover", "uep-evidence", FS, PROPOSED, OUR_READING),
    LINK("uep-evidence", "dcc-user", FS, SOURCED,
         "SECAS puts an information paper to the Panel (H1.12, " USER_PAGE ")"),
    LINK("dcc-user", "uep-complete", FS, PROPOSED, OUR_READING),
};

/* Work that happens only sometimes: branches for a risk analysis. */
static const ukwd_uep_branch branches[] = {
    {.id = "srept-retest",
     .title = "SREPT: a failed run of the tests is run again",
     .stage = "srept-tests",
     .probability = 0.3,
     .duration = 10,
     .max_cycles = 2,
     .source = PROPOSED,
     .citation = "re-test cycles (" NOTE_2 ", whose time-frames assume a "
                 "working DCC Gateway connection): no source gives how "
                 "often a run fails or how long a re-run takes; ours: 30 % "
                 "a run, at most 2 re-runs, each the 10 working days of "
                 "srept-tests"},
    {.id = "uept-retest",
     .title = "UEPT: failed scenarios are run again",
     .stage = "uept-execution",
     .probability = 0.3,
     .duration = 15,
     .max_cycles = 2,
     .source = PROPOSED,
     .citation = "re-test cycles (" NOTE_2 ", whose time-frames assume a "
                 "working DCC Gateway connection): no source gives how "
                 "often scenarios fail or how long a re-run takes; ours: "
                 "30 % a run, at most 2 re-runs, each half the 30 working "
                 "days of uept-execution"},
    {.id = "fusa-follow-up",
     .title = "User Security Assessment: Deferred, so a Follow-up Security "
              "Assessment",
     .stage = "fusa-assurance",
     .probability = 0.2,
     .duration = 40,
     .max_cycles = 1,
     .source = PROPOSED,
     .citation = "after a Deferred or Rejected status a Follow-up Security "
                 "Assessment is needed (" SECURITY_PAGE "); no source gives "
                 "how often or how long; ours: 20 %, 40 working days "
                 "(fieldwork, report, response and status again)"},
};

#define NBRANCHES     (sizeof(branches) / sizeof(branches[0]))
#define NSTAGES       (sizeof(stages) / sizeof(stages[0]))
#define NDEPENDENCIES (sizeof(dependencies) / sizeof(dependencies[0]))
#define NROLES        7

static const char *const role_names[NROLES] = {
    "import-supplier", "export-supplier",
    "gas-supplier",    "electricity-distributor",
    "gas-transporter", "registered-supplier-agent",
    "other-user"};

static const char *const party_names[3] = {
    "domestic-small-supplier", "non-domestic-small-supplier", "other"};

/* The checklist calls the Privacy Assessment the "Privacy Audit". */
#define PRIVACY_ALIAS "privacy-audit-"

const char *
ukwd_uep_role_name(unsigned int role)
{
	for (int i = 0; i < NROLES; i++)
		if (role == 1u << i)
			return role_names[i];
	return NULL;
}

/* The role named by text[0..len), or -1. */
static int
role_index(const char *text, size_t len)
{
	for (int i = 0; i < NROLES; i++)
		if (strlen(role_names[i]) == len &&
		    strncmp(text, role_names[i], len) == 0)
			return i;
	return -1;
}

int
ukwd_uep_roles_parse(unsigned int *out, const char *text, ukwd_diag *diag)
{
	unsigned int roles = 0;
	const char *at;

	ukwd__diag_clear(diag);
	if (!out || !text)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no roles given (NULL)");
	for (at = text;;) {
		size_t len = strcspn(at, ",");
		int found = role_index(at, len);

		if (found < 0)
			return ukwd__diag_set(diag, UKWD_ENOTFOUND, 0,
			                      (int)(at - text) + 1,
			                      "unknown role '%.*s'",
			                      (int)(len > 60 ? 60 : len), at);
		roles |= 1u << found;
		if (at[len] == '\0')
			break;
		at += len + 1;
	}
	*out = roles;
	return 0;
}

const char *
ukwd_uep_party_name(ukwd_party_type party)
{
	return (unsigned)party < 3 ? party_names[party] : NULL;
}

int
ukwd_uep_party_parse(ukwd_party_type *out, const char *text, ukwd_diag *diag)
{
	ukwd__diag_clear(diag);
	if (!out || !text)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no party given (NULL)");
	for (int i = 0; i < 3; i++)
		if (strcmp(text, party_names[i]) == 0) {
			*out = (ukwd_party_type)i;
			return 0;
		}
	return ukwd__diag_set(diag, UKWD_ENOTFOUND, 0, 1,
	                      "unknown party '%.40s': expected "
	                      "domestic-small-supplier, "
	                      "non-domestic-small-supplier or other",
	                      text);
}

int
ukwd_uep_mandate_date(ukwd_date *out, ukwd_party_type party)
{
	if (!out || (unsigned)party > UKWD_PARTY_OTHER)
		return UKWD_EINVAL;
	/* Mandate dates: gemserv, "Contract spotlight: Smart Energy Code"
	 * (SEC-RESEARCH.md §2.2), matching the checklist. */
	if (party == UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER)
		*out = ukwd__days_from_civil(2017, 11, 25);
	else if (party == UKWD_PARTY_NON_DOMESTIC_SMALL_SUPPLIER)
		*out = ukwd__days_from_civil(2018, 8, 31);
	else
		return UKWD_ENOTFOUND;
	return 0;
}

size_t
ukwd_uep_stage_count(void)
{
	return NSTAGES;
}

const ukwd_uep_stage *
ukwd_uep_stage_at(size_t index)
{
	return index < NSTAGES ? &stages[index] : NULL;
}

/* A stage by id[0..len), reading "privacy-audit-X" as "privacy-X". */
static const ukwd_uep_stage *
stage_named(const char *id, size_t len)
{
	static const char alias[] = PRIVACY_ALIAS;
	size_t skip = 0;

	if (len > sizeof(alias) - 1 &&
	    strncmp(id, alias, sizeof(alias) - 1) == 0)
		skip = sizeof("privacy-audit") - sizeof("privacy");
	for (size_t i = 0; i < NSTAGES; i++) {
		const char *name = stages[i].id;

		if (skip && strncmp(name, "privacy-", 8) != 0)
			continue;
		if (strlen(name) == len - skip &&
		    (skip ? strncmp(name + 8, id + 8 + skip, len - skip - 8)
		          : strncmp(name, id, len)) == 0)
			return &stages[i];
	}
	return NULL;
}

const ukwd_uep_stage *
ukwd_uep_stage_find(const char *id)
{
	return id ? stage_named(id, strlen(id)) : NULL;
}

size_t
ukwd_uep_branch_count(void)
{
	return NBRANCHES;
}

const ukwd_uep_branch *
ukwd_uep_branch_at(size_t index)
{
	return index < NBRANCHES ? &branches[index] : NULL;
}

/* Whether a task id is the stage or a per-role copy "STAGE/ROLE". */
static int
is_copy_of(const char *task_id, const char *stage)
{
	size_t len = strlen(stage);

	return strncmp(task_id, stage, len) == 0 &&
	       (task_id[len] == '\0' ||
	        (task_id[len] == '/' &&
	         role_index(task_id + len + 1, strlen(task_id + len + 1)) >=
	             0));
}

int
ukwd_uep_risk_branches(ukwd_risk_branch *out, size_t capacity, size_t *count,
                       const ukwd_plan *plan)
{
	size_t n = 0, ntasks;

	if (!count || !plan || (!out && capacity))
		return UKWD_EINVAL;
	ntasks = ukwd_plan_task_count(plan);
	for (size_t k = 0; k < NBRANCHES; k++) {
		const ukwd_uep_branch *b = &branches[k];

		for (size_t t = 0; t < ntasks; t++) {
			if (!is_copy_of(ukwd_plan_task_id(plan, t), b->stage))
				continue;
			if (n < capacity) {
				ukwd_risk_branch *r = &out[n];

				memset(r, 0, sizeof(*r));
				r->task = t;
				r->probability = b->probability;
				r->duration = b->duration;
				r->max_cycles = b->max_cycles;
				r->id = b->id;
				r->source.tag = b->source;
				r->source.citation = b->citation;
				r->source.reference = "";
			}
			n++;
		}
	}
	*count = n;
	return n > capacity ? UKWD_EBUFS : 0;
}

size_t
ukwd_uep_dependency_count(void)
{
	return NDEPENDENCIES;
}

const ukwd_uep_dependency *
ukwd_uep_dependency_at(size_t index)
{
	return index < NDEPENDENCIES ? &dependencies[index] : NULL;
}

/* An override's target: a stage, and a role (-1 for every copy). */
struct target {
	const ukwd_uep_stage *stage;
	int role;
};

/* "STAGE" or "STAGE/ROLE" (the role only for a per-role stage). */
static int
override_target(struct target *t, const char *id, ukwd_diag *diag)
{
	const char *slash;

	if (!id)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "an override names no stage (NULL)");
	slash = strchr(id, '/');
	t->stage = stage_named(id, slash ? (size_t)(slash - id) : strlen(id));
	t->role = -1;
	if (!t->stage)
		return ukwd__diag_set(diag, UKWD_ENOTFOUND, 0, 0,
		                      "no stage '%.60s' in the User Entry "
		                      "Process",
		                      id);
	if (!slash)
		return 0;
	t->role = role_index(slash + 1, strlen(slash + 1));
	if (t->role < 0)
		return ukwd__diag_set(diag, UKWD_ENOTFOUND, 0, 0,
		                      "'%.60s': unknown role '%.40s'", id,
		                      slash + 1);
	if (!t->stage->per_role)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "'%.60s': stage '%s' is one for all "
		                      "roles, not one per role",
		                      id, t->stage->id);
	return 0;
}

static int
stage_applies(const ukwd_uep_stage *stage, const ukwd_uep_options *opt)
{
	return (stage->roles & opt->roles) &&
	       (!stage->credit_cover_only || opt->credit_cover);
}

/* The roles a small supplier cannot hold, and why. */
static int
check_roles(const ukwd_uep_options *opt, ukwd_diag *diag)
{
	static const struct {
		unsigned int role;
		const char *holder;
	} reserved[] = {
	    {UKWD_ROLE_ELECTRICITY_DISTRIBUTOR,
	     "the holder of an electricity distribution licence"},
	    {UKWD_ROLE_GAS_TRANSPORTER, "the holder of a gas transporter "
	                                "licence"},
	};

	if (opt->party == UKWD_PARTY_OTHER)
		return 0;
	for (size_t i = 0; i < sizeof(reserved) / sizeof(*reserved); i++)
		if (opt->roles & reserved[i].role)
			return ukwd__diag_set(
			    diag, UKWD_EINVAL, 0, 0,
			    "a %s cannot take the %s role: that role is for "
			    "%s, not a supplier",
			    opt->party == UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER
			        ? "domestic small supplier"
			        : "non-domestic small supplier",
			    ukwd_uep_role_name(reserved[i].role),
			    reserved[i].holder);
	return 0;
}

/* The members of each version of ukwd_uep_options. */
static const size_t options_sizes[UKWD_UEP_OPTIONS_VERSION] = {
    offsetof(ukwd_uep_options, stagger), offsetof(ukwd_uep_options, ranges),
    sizeof(ukwd_uep_options)};

int
ukwd_uep_options_init(ukwd_uep_options *options, unsigned int version)
{
	static const ukwd_uep_options defaults = UKWD_UEP_OPTIONS_INIT;

	if (!options || version == 0)
		return UKWD_EINVAL;
	return ukwd__versioned_export(options, version, &defaults,
	                              options_sizes, UKWD_UEP_OPTIONS_VERSION);
}

/* Options of any version up to ours, read into the current layout. */
static int
read_options(ukwd_uep_options *opt, const ukwd_uep_options *given,
             ukwd_diag *diag)
{
	static const ukwd_uep_options defaults = UKWD_UEP_OPTIONS_INIT;

	*opt = defaults;
	if (!given)
		return 0;
	if (ukwd__versioned_copy(opt, &defaults, sizeof(*opt), given,
	                         options_sizes, UKWD_UEP_OPTIONS_VERSION))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "options version %u: expected 1 to %d",
		                      given->version, UKWD_UEP_OPTIONS_VERSION);
	return 0;
}

static int
check_options(const ukwd_uep_options *opt, ukwd_diag *diag)
{
	if ((unsigned)opt->party > UKWD_PARTY_OTHER || opt->roles == 0 ||
	    (opt->roles & ~UKWD_ROLE_ALL) ||
	    (opt->override_count && !opt->overrides))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad options: an unknown party or role, "
		                      "no role, or overrides missing");
	if ((unsigned)opt->ranges > UKWD_UEP_RANGES_ALL)
		return ukwd__diag_set(
		    diag, UKWD_EINVAL, 0, 0,
		    "bad options: ranges %d (sourced 0 or all "
		    "1)",
		    (int)opt->ranges);
	for (size_t i = 0; i < opt->override_count; i++) {
		struct target t;
		int rc = override_target(&t, opt->overrides[i].stage_id, diag);

		if (rc)
			return rc;
		if (opt->overrides[i].duration < 0 ||
		    opt->overrides[i].duration > UKWD_PLAN_MAX_WORKING_DAYS)
			return ukwd__diag_set(
			    diag, UKWD_EINVAL, 0, 0,
			    "stage '%.60s': a duration must be 0 to %d working "
			    "days",
			    opt->overrides[i].stage_id,
			    UKWD_PLAN_MAX_WORKING_DAYS);
	}
	return check_roles(opt, diag);
}

/* The duration a copy of a stage gets: a "STAGE/ROLE" override first,
 * then a "STAGE" one, else the catalogue's; *set says whether it
 * differs from the catalogue's. */
static int32_t
duration_of(const ukwd_uep_options *opt, const ukwd_uep_stage *stage, int role,
            int *set)
{
	int32_t duration = stage->duration;
	int rank = 0;

	*set = 0;
	for (size_t i = 0; i < opt->override_count; i++) {
		struct target t;

		override_target(&t, opt->overrides[i].stage_id, NULL);
		if (t.stage != stage || (t.role >= 0 && t.role != role))
			continue;
		if ((t.role >= 0 ? 2 : 1) >= rank) {
			rank = t.role >= 0 ? 2 : 1;
			duration = opt->overrides[i].duration;
		}
	}
	/* The catalogue's own figure, given again, keeps its source. */
	*set = duration != stage->duration;
	return duration;
}

/* Whether the plan takes the stage's range as an estimate. */
static int
takes_range(const ukwd_uep_options *opt, const ukwd_uep_stage *stage)
{
	return stage->optimistic != stage->pessimistic &&
	       (opt->ranges == UKWD_UEP_RANGES_ALL ||
	        stage->range_source != UKWD_SOURCE_PROPOSED);
}

/* The stage's tag, citation and SEC reference; USER when the caller set
 * the duration, citing the catalogue's figure (in buf); with every range
 * taken, a range's own tag and reason after the citation (in buf). */
static ukwd_source
task_source(char *buf, size_t size, const ukwd_uep_options *opt,
            const ukwd_uep_stage *stage, int set, int32_t duration)
{
	ukwd_source source = {stage->source, stage->citation, stage->reference};

	if (!set && opt->ranges == UKWD_UEP_RANGES_ALL &&
	    takes_range(opt, stage)) {
		snprintf(buf, size,
		         "%s; range %ld-%ld-%ld working days (%s): %s",
		         stage->citation, (long)stage->optimistic,
		         (long)stage->most_likely, (long)stage->pessimistic,
		         ukwd_source_tag_name(stage->range_source),
		         stage->range_citation);
		source.citation = buf;
	}
	if (set) {
		snprintf(buf, size,
		         "%ld working day%s set by the user; the catalogue "
		         "has %ld (%s: %s)",
		         (long)duration, duration == 1 ? "" : "s",
		         (long)stage->duration,
		         ukwd_source_tag_name(stage->source), stage->citation);
		source.tag = UKWD_SOURCE_USER;
		source.citation = buf;
	}
	return source;
}

struct builder {
	ukwd_plan *plan;
	const ukwd_uep_options *opt;
	long first[NSTAGES]; /* each stage's first task, or -1 */
};

/* The task of a stage for a role; -1 when it does not apply. */
static long
task_of(const struct builder *b, size_t stage, int role)
{
	long task = b->first[stage];

	if (task < 0 || !stages[stage].per_role)
		return task;
	for (int r = 0; r < role; r++)
		if (b->opt->roles & (1u << r))
			task++;
	return task;
}

static int
add_tasks(struct builder *b, ukwd_diag *diag)
{
	long next = 0;
	int rc = 0;

	for (size_t s = 0; s < NSTAGES && rc == 0; s++) {
		const ukwd_uep_stage *stage = &stages[s];

		b->first[s] = -1;
		if (!stage_applies(stage, b->opt))
			continue;
		b->first[s] = next;
		for (int r = 0; r < NROLES && rc == 0; r++) {
			char id[96], name[192], citation[1536];
			ukwd_source source;
			int set;
			int32_t duration;
			size_t task;

			if (stage->per_role ? !(b->opt->roles & (1u << r))
			                    : r > 0)
				continue;
			duration = duration_of(b->opt, stage, r, &set);
			snprintf(id, sizeof(id), "%s%s%s", stage->id,
			         stage->per_role ? "/" : "",
			         stage->per_role ? role_names[r] : "");
			snprintf(name, sizeof(name), "%s%s%s%s", stage->title,
			         stage->per_role ? " (" : "",
			         stage->per_role ? role_names[r] : "",
			         stage->per_role ? ")" : "");
			source = task_source(citation, sizeof(citation), b->opt,
			                     stage, set, duration);
			rc = ukwd_plan_add_task(&task, b->plan, id, name,
			                        duration, diag);
			if (rc == 0)
				rc = ukwd_plan_set_task_source(b->plan, task,
				                               &source);
			if (rc == 0 && !set && takes_range(b->opt, stage))
				rc = ukwd_plan_set_estimate(
				    b->plan, task, stage->optimistic,
				    stage->most_likely, stage->pessimistic,
				    diag);
			next++;
		}
	}
	return rc;
}

static int
add_link(struct builder *b, long from, long to, const ukwd_uep_dependency *dep,
         const char *source, ukwd_diag *diag)
{
	if (from < 0 || to < 0)
		return 0;
	return ukwd_plan_add_link(NULL, b->plan, (size_t)from, (size_t)to,
	                          dep->type, dep->lag, source, diag);
}

/* Per-role copies link role to role; a shared stage links to (or from)
 * the copy of every role it applies to (the privacy stages only to the
 * Other User's). */
static int
add_links(struct builder *b, ukwd_diag *diag)
{
	const ukwd_uep_options *opt = b->opt;
	int rc = 0;

	for (size_t d = 0; d < NDEPENDENCIES && rc == 0; d++) {
		const ukwd_uep_dependency *dep = &dependencies[d];
		size_t from = (size_t)(ukwd_uep_stage_find(dep->predecessor) -
		                       stages),
		       to = (size_t)(ukwd_uep_stage_find(dep->successor) -
		                     stages);
		int shared = !stages[from].per_role && !stages[to].per_role;
		unsigned int both =
		    opt->roles & stages[from].roles & stages[to].roles;
		char source[512];

		snprintf(source, sizeof(source), "%s: %s",
		         ukwd_source_tag_name(dep->source), dep->citation);
		for (int r = 0; r < NROLES && rc == 0; r++) {
			unsigned int bit = 1u << r;

			/* A link between two shared stages is made once. */
			if (!(both & bit) ||
			    (shared && bit != (both & (0u - both))))
				continue;
			rc = add_link(b, task_of(b, from, r), task_of(b, to, r),
			              dep, source, diag);
		}
	}
	return rc;
}

/* --stagger: each role's test execution after the previous role's. */
static int
add_stagger(struct builder *b, ukwd_diag *diag)
{
	static const ukwd_uep_dependency stagger = {
	    "uept-execution",     "uept-execution",
	    UKWD_LINK_FS,         0,
	    UKWD_SOURCE_PROPOSED, "one test stream at a time (stagger)"};
	size_t stage = (size_t)(ukwd_uep_stage_find("uept-execution") - stages);
	long previous = -1;
	int rc = 0;

	if (!b->opt->stagger)
		return 0;
	for (int r = 0; r < NROLES && rc == 0; r++) {
		long task;

		if (!(b->opt->roles & (1u << r)))
			continue;
		task = task_of(b, stage, r);
		if (previous >= 0)
			rc = add_link(b, previous, task, &stagger,
			              "PROPOSED: the roles' test execution one "
			              "after another (stagger)",
			              diag);
		previous = task;
	}
	return rc;
}

int
ukwd_uep_build_plan(ukwd_plan **out, const ukwd_uep_options *options,
                    ukwd_diag *diag)
{
	ukwd_uep_options opt;
	struct builder b;
	int rc;

	ukwd__diag_clear(diag);
	if (!out)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no plan to fill (NULL)");
	rc = read_options(&opt, options, diag);
	if (rc == 0)
		rc = check_options(&opt, diag);
	if (rc)
		return rc;
	b.opt = &opt;
	rc = ukwd_plan_new(&b.plan);
	if (rc)
		return ukwd__diag_set(diag, rc, 0, 0, "out of memory");
	rc = add_tasks(&b, diag);
	if (rc == 0)
		rc = add_links(&b, diag);
	if (rc == 0)
		rc = add_stagger(&b, diag);
	if (rc) {
		ukwd_plan_free(b.plan);
		return rc;
	}
	*out = b.plan;
	return 0;
}

/* The working day numbered `index` (0: the calendar's first). */
static int
day_at(ukwd_date *out, const ukwd_calendar *cal, int64_t index)
{
	ukwd_date first, working;
	int rc;

	ukwd_calendar_range(cal, &first, NULL);
	rc = ukwd_workday_roll(&working, cal, first, UKWD_ROLL_FOLLOWING);
	if (rc == 0 && (index < 0 || index > INT32_MAX))
		rc = UKWD_ERANGE;
	return rc ? rc : ukwd_workday_add(out, cal, working, (int32_t)index);
}

/* The number of a working day. */
static int
index_of(int32_t *out, const ukwd_calendar *cal, ukwd_date d)
{
	ukwd_date first;

	ukwd_calendar_range(cal, &first, NULL);
	return ukwd_workday_count(out, cal, first, d);
}

/* The task whose finish starts a stage stated in weeks (the privacy
 * request before the booking lead), or -1. */
static long
request_task(const ukwd_plan *plan, const ukwd_uep_stage *stage)
{
	for (size_t d = 0; d < NDEPENDENCIES; d++) {
		size_t task;

		if (strcmp(dependencies[d].successor, stage->id) == 0 &&
		    ukwd_plan_find(&task, plan, dependencies[d].predecessor) ==
		        0)
			return (long)task;
	}
	return -1;
}

/* The working days a stage stated in weeks needs on this schedule's
 * dates. Backward: the assessment starts where the lead ends, and the
 * latest request is the working day on or before the assessment less
 * the weeks. Forward: the request's day is fixed, and the assessment is
 * the first working day at least the weeks after it. */
static int
weeks_need(int32_t *need, const ukwd_schedule *sched, size_t task,
           const ukwd_uep_stage *stage, int backward)
{
	const ukwd_calendar *cal = ukwd_schedule_calendar(sched);
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	ukwd_scheduled_task row, request;
	ukwd_date assessment, asked, first, last;
	int32_t asked_index, assessment_index;
	int64_t days = (int64_t)stage->stated_amount * 7;
	long before = request_task(plan, stage);
	int rc = ukwd_schedule_task(&row, sched, task);

	if (rc == 0 && before >= 0)
		rc = ukwd_schedule_task(&request, sched, (size_t)before);
	if (rc || before < 0)
		return rc;
	ukwd_calendar_range(cal, &first, &last);
	if (backward) {
		rc = day_at(&assessment, cal, row.late_end_index);
		if (rc == 0 && assessment - days < first)
			rc = UKWD_ERANGE;
		if (rc == 0)
			rc = ukwd_workday_roll(&asked, cal,
			                       (ukwd_date)(assessment - days),
			                       UKWD_ROLL_PRECEDING);
		if (rc == 0)
			rc = index_of(&asked_index, cal, asked);
		if (rc == 0)
			*need = row.late_end_index - (asked_index + 1);
		return rc;
	}
	asked = request.early_finish;
	if (asked + days > last)
		return UKWD_ERANGE;
	rc = ukwd_workday_roll(&assessment, cal, (ukwd_date)(asked + days),
	                       UKWD_ROLL_FOLLOWING);
	if (rc == 0)
		rc = index_of(&assessment_index, cal, assessment);
	if (rc == 0)
		*need = assessment_index - row.early_start_index;
	return rc;
}

int
ukwd_uep_schedule(ukwd_schedule **out, ukwd_plan *plan,
                  const ukwd_calendar *cal, ukwd_date date,
                  const ukwd_schedule_options *options, ukwd_diag *diag)
{
	int backward = options && options->direction == UKWD_SCHEDULE_BACKWARD;
	ukwd_schedule *sched;
	int changed = 0, rc;

	if (!out || !plan)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no schedule or plan (NULL)");
	rc = ukwd_schedule_new(&sched, plan, cal, date, options, diag);
	if (rc)
		return rc;
	for (size_t t = 0; t < ukwd_plan_task_count(plan); t++) {
		const char *id = ukwd_plan_task_id(plan, t);
		const ukwd_uep_stage *stage = ukwd_uep_stage_find(id);
		int32_t need = 0;

		const ukwd_source *source = ukwd_plan_task_source(plan, t);

		/* A duration the caller set (USER) is theirs to keep. */
		if (!stage || stage->stated_unit != UKWD_UNIT_WEEKS ||
		    (source && source->tag == UKWD_SOURCE_USER))
			continue;
		rc = weeks_need(&need, sched, t, stage, backward);
		if (rc) {
			ukwd_schedule_free(sched);
			return ukwd__diag_set(
			    diag, rc, 0, 0,
			    "task '%s': the %d weeks it stands "
			    "for reach outside the calendar",
			    id, (int)stage->stated_amount);
		}
		if (need < 0) /* other links start the lead later */
			need = 0;
		if (need != ukwd_plan_task_duration(plan, t)) {
			rc = ukwd_plan_set_duration(plan, t, need, diag);
			if (rc) {
				ukwd_schedule_free(sched);
				return rc;
			}
			changed = 1;
		}
	}
	if (changed) {
		ukwd_schedule_free(sched);
		rc = ukwd_schedule_new(&sched, plan, cal, date, options, diag);
		if (rc)
			return rc;
	}
	*out = sched;
	return 0;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
ukwd_eui64_parse(ukwd_eui64 *out, const char *text, ukwd_diag *diag)
{
	ukwd_eui64 id;
	size_t len;
	char separator;
	size_t step;

	ukwd__diag_clear(diag);
	if (!out || !text)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no identifier given (NULL)");
	len = strnlen(text, 32);
	/* 16 plain digits, or 8 pairs with '-' or ':' between them. */
	separator = len > 2 ? text[2] : '\0';
	if (separator == '-' || separator == ':')
		step = 3;
	else
		step = 2, separator = '\0';
	for (size_t i = 0; i < 8; i++) {
		size_t at = i * step;

		for (size_t k = 0; k < 2; k++) {
			int v = at + k < len ? hex_value(text[at + k]) : -1;

			if (v < 0)
				return ukwd__diag_set(
				    diag, UKWD_EPARSE, 0, (int)(at + k) + 1,
				    at + k < len ? "not a hex digit: expected "
				                   "XX-XX-XX-XX-XX-XX-XX-XX"
				                 : "too short: expected "
				                   "XX-XX-XX-XX-XX-XX-XX-XX");
			if (k == 0)
				id.octet[i] = (uint8_t)(v << 4);
			else
				id.octet[i] |= (uint8_t)v;
		}
		if (separator && i < 7 && text[at + 2] != separator)
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, 0, (int)(at + 2) + 1,
			    "expected '%c' between octets", separator);
	}
	if (len != (separator ? 23u : 16u))
		return ukwd__diag_set(diag, UKWD_EPARSE, 0,
		                      (int)(separator ? 23 : 16) + 1,
		                      "unexpected text after the identifier");
	*out = id;
	return 0;
}

int
ukwd_eui64_format(char *buf, size_t size, ukwd_eui64 id)
{
	static const char digits[] = "0123456789ABCDEF";

	if (!buf)
		return UKWD_EINVAL;
	if (size < UKWD_EUI64_STRLEN) {
		if (size)
			buf[0] = '\0';
		return UKWD_EBUFS;
	}
	for (int i = 0; i < 8; i++) {
		buf[i * 3] = digits[id.octet[i] >> 4];
		buf[i * 3 + 1] = digits[id.octet[i] & 15];
		buf[i * 3 + 2] = i < 7 ? '-' : '\0';
	}
	return 0;
}

static uint64_t
eui64_number(ukwd_eui64 id)
{
	uint64_t n = 0;

	for (int i = 0; i < 8; i++)
		n = n << 8 | id.octet[i];
	return n;
}

int
ukwd_eui64_in_range(ukwd_eui64 id, ukwd_eui64 first, ukwd_eui64 last)
{
	uint64_t n = eui64_number(id);

	return eui64_number(first) <= n && n <= eui64_number(last);
}

int
ukwd_eui64_is_null(ukwd_eui64 id)
{
	uint64_t n = eui64_number(id);

	return n == 0 || n == UINT64_MAX;
}
