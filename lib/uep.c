/* The SEC User Entry Process as data (../shared/SEC-RESEARCH.md §2), its
 * plan, and EUI-64 identifiers. */
#include <stdio.h>
#include <string.h>

#include "ukwd/uep.h"
#include "internal.h"

#define CHECKLIST                                                              \
	"SECAS, SEC Checklist for Small Suppliers v1.3 (December 2017)"
#define ID_PAGE "https://smartenergycodecompany.co.uk/id-allocation/"
#define CREDIT_PAGE                                                            \
	"https://smartenergycodecompany.co.uk/latest-news/"                    \
	"what-is-credit-cover-and-how-may-it-affect-you/"
#define SREPT_PAGE                                                             \
	"https://www.smartdcc.co.uk/implementation/test-assurance/"            \
	"systems-test-assurance/smki-and-repository-testing/"
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

#define ALL      UKWD_ROLE_ALL
#define OTHER    UKWD_ROLE_OTHER_USER
#define WD       UKWD_UNIT_WORKING_DAYS
#define PROPOSED UKWD_SOURCE_PROPOSED
#define CHECKED  UKWD_SOURCE_CHECKLIST
#define SOURCED  UKWD_SOURCE_SOURCED

/* id, title, reference, duration, optimistic, pessimistic, stated amount
 * and unit, source, citation, roles, per role, credit cover only. */
static const ukwd_uep_stage stages[] = {
    {"id-allocation", "User ID allocation: EUI-64 range from SECAS", "B2", 10,
     10, 10, 10, WD, PROPOSED, NO_FIGURE " (" ID_PAGE ")", ALL, 0, 0},
    {"credit-cover",
     "Credit Cover: DCC sets the requirement, Party lodges Credit Support",
     "J3", 10, 10, 10, 10, WD, PROPOSED, NO_FIGURE " (" CREDIT_PAGE ")", ALL, 0,
     1},
    {"srept-application", "SREPT: application to the DCC", "L7", 20, 20, 20, 20,
     WD, PROPOSED, NO_FIGURE " (" SREPT_PAGE ")", ALL, 0, 0},
    {"srept-tests", "SREPT: SMKI and Repository tests", "L7", 10, 10, 10, 10,
     WD, PROPOSED, NO_FIGURE " (" SREPT_PAGE ")", ALL, 0, 0},
    {"srept-completion",
     "SREPT: completion (receipt, review, exit gate, confirmation)", "L7", 10,
     10, 10, 10, WD, PROPOSED,
     NO_FIGURE "; the UEPT exit steps (2 + 5 + 1 + 2) reused", ALL, 0, 0},
    {"uept-notice", "UEPT: notice period (notice to the DCC before testing)",
     "H14", 60, 60, 60, 60, WD, CHECKED, CHECKLIST, ALL, 1, 0},
    {"uept-readiness", "UEPT: readiness, inside the notice period", "H14", 10,
     10, 10, 10, WD, PROPOSED, NO_FIGURE, ALL, 1, 0},
    {"uept-execution", "UEPT: test execution", "H14", 30, 30, 30, 30, WD,
     PROPOSED, NO_FIGURE, ALL, 1, 0},
    {"uept-exit-receipt",
     "UEPT exit: DCC confirms receipt of the Test Completion notification",
     "H14", 2, 2, 2, 2, WD, CHECKED, CHECKLIST, ALL, 1, 0},
    {"uept-exit-review", "UEPT exit: DCC reviews the completion report", "H14",
     5, 5, 5, 5, WD, CHECKED, CHECKLIST, ALL, 1, 0},
    {"uept-eqgr", "UEPT exit: Exit Quality Gate Review meeting", "H14", 1, 1, 1,
     1, WD, PROPOSED, NO_FIGURE, ALL, 1, 0},
    {"uept-exit-confirm", "UEPT exit: DCC confirms Test Completion", "H14", 2,
     2, 2, 2, WD, CHECKED, CHECKLIST, ALL, 1, 0},
    {"fusa-booking", "User Security Assessment: booking with the User CIO",
     "G8", 60, 60, 60, 60, WD, PROPOSED,
     NO_FIGURE "; mirrors the 12-week privacy booking rule (" SECURITY_PAGE ")",
     ALL, 0, 0},
    {"fusa-fieldwork", "User Security Assessment: fieldwork", "G8", 10, 3, 10,
     10, WD, SOURCED, "3 to 10 working days (" FUSA_FAQ ")", ALL, 0, 0},
    {"fusa-report", "User Security Assessment: report (G8.22)", "G8", 10, 10,
     10, 10, WD, PROPOSED, NO_FIGURE, ALL, 0, 0},
    {"fusa-response", "User Security Assessment: the User's response (G8.24)",
     "G8", 10, 10, 10, 10, WD, PROPOSED,
     "G8.24 sets no figure: as soon as reasonably practicable, by a date "
     "the Security Sub-Committee sets",
     ALL, 0, 0},
    {"fusa-assurance", "User Security Assessment: assurance status (G8.34)",
     "G8", 10, 10, 10, 10, WD, PROPOSED, NO_FIGURE, ALL, 0, 0},
    {"privacy-booking", "Privacy Assessment: booking, at least 12 weeks ahead",
     "I2", 60, 60, 60, 12, UKWD_UNIT_WEEKS, PROPOSED,
     "60 working days stand in for the sourced rule 'at least 12 weeks' "
     "(" PRIVACY_FAQ "); 60 working days always span 12 weeks",
     OTHER, 0, 0},
    {"privacy-fieldwork", "Privacy Assessment: fieldwork", "I2", 5, 5, 5, 5, WD,
     PROPOSED, NO_FIGURE " (" PRIVACY_PAGE ")", OTHER, 0, 0},
    {"privacy-report", "Privacy Assessment: report", "I2", 15, 15, 15, 15, WD,
     PROPOSED, NO_FIGURE, OTHER, 0, 0},
    {"privacy-assurance", "Privacy Assessment: assurance status (I2.30)", "I2",
     15, 15, 15, 15, WD, PROPOSED, NO_FIGURE, OTHER, 0, 0},
    {"uep-evidence",
     "UEP completion: Evidence Form to SECAS, paper to the Panel", "H1.12", 20,
     20, 20, 20, WD, PROPOSED, NO_FIGURE " (" USER_PAGE ")", ALL, 0, 0},
    {"uep-complete", "DCC User: User Entry Process complete", "H1.12", 0, 0, 0,
     0, WD, SOURCED, USER_PAGE, ALL, 0, 0},
};

#define FS          UKWD_LINK_FS
#define FF          UKWD_LINK_FF
#define OUR_READING "our reading of SEC-RESEARCH.md section 2.4"

static const ukwd_uep_dependency dependencies[] = {
    {"id-allocation", "srept-application", FS, 0, PROPOSED, OUR_READING},
    {"srept-application", "srept-tests", FS, 0, PROPOSED, OUR_READING},
    {"srept-tests", "srept-completion", FS, 0, PROPOSED, OUR_READING},
    {"id-allocation", "uept-notice", FS, 0, PROPOSED,
     "the notice names the Party's User ID: " OUR_READING},
    {"uept-notice", "uept-readiness", FF, 0, PROPOSED,
     "readiness runs inside the notice period: " OUR_READING},
    {"uept-notice", "uept-execution", FS, 0, CHECKED,
     "60 working days' notice before starting UEPT: " CHECKLIST},
    {"uept-readiness", "uept-execution", FS, 0, PROPOSED, OUR_READING},
    {"srept-completion", "uept-execution", FS, 0, PROPOSED,
     "SREPT comes before Authorised Subscriber status (" SREPT_PAGE
     "); that UEPT testing needs it is " OUR_READING},
    {"uept-execution", "uept-exit-receipt", FS, 0, CHECKED, CHECKLIST},
    {"uept-exit-receipt", "uept-exit-review", FS, 0, CHECKED, CHECKLIST},
    {"uept-exit-review", "uept-eqgr", FS, 0, PROPOSED, OUR_READING},
    {"uept-eqgr", "uept-exit-confirm", FS, 0, CHECKED, CHECKLIST},
    {"id-allocation", "fusa-booking", FS, 0, PROPOSED, OUR_READING},
    {"fusa-booking", "fusa-fieldwork", FS, 0, PROPOSED, OUR_READING},
    {"fusa-fieldwork", "fusa-report", FS, 0, PROPOSED, OUR_READING},
    {"fusa-report", "fusa-response", FS, 0, PROPOSED, OUR_READING},
    {"fusa-response", "fusa-assurance", FS, 0, PROPOSED, OUR_READING},
    {"id-allocation", "privacy-booking", FS, 0, PROPOSED, OUR_READING},
    {"privacy-booking", "privacy-fieldwork", FS, 0, SOURCED,
     "the assessment date is at least 12 weeks after the request (" PRIVACY_FAQ
     ")"},
    {"privacy-fieldwork", "privacy-report", FS, 0, PROPOSED, OUR_READING},
    {"privacy-report", "privacy-assurance", FS, 0, PROPOSED, OUR_READING},
    {"uept-exit-confirm", "uep-evidence", FS, 0, PROPOSED, OUR_READING},
    {"srept-completion", "uep-evidence", FS, 0, PROPOSED, OUR_READING},
    {"fusa-assurance", "uep-evidence", FS, 0, PROPOSED,
     "Approved or Approved subject to, before UEP completion (" SECURITY_PAGE
     ")"},
    {"privacy-assurance", "uep-evidence", FS, 0, PROPOSED,
     "assurance before UEP completion (" PRIVACY_PAGE ")"},
    {"credit-cover", "uep-evidence", FS, 0, PROPOSED, OUR_READING},
    {"uep-evidence", "uep-complete", FS, 0, SOURCED,
     "SECAS puts an information paper to the Panel (H1.12, " USER_PAGE ")"},
};

#define NSTAGES       (sizeof(stages) / sizeof(stages[0]))
#define NDEPENDENCIES (sizeof(dependencies) / sizeof(dependencies[0]))

static const char *const role_names[7] = {
    "import-supplier", "export-supplier",
    "gas-supplier",    "electricity-distributor",
    "gas-transporter", "registered-supplier-agent",
    "other-user"};

static const char *const party_names[3] = {
    "domestic-small-supplier", "non-domestic-small-supplier", "other"};

const char *
ukwd_uep_role_name(unsigned int role)
{
	for (int i = 0; i < 7; i++)
		if (role == 1u << i)
			return role_names[i];
	return NULL;
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
		int found = -1;

		for (int i = 0; i < 7; i++)
			if (strlen(role_names[i]) == len &&
			    strncmp(at, role_names[i], len) == 0)
				found = i;
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

const ukwd_uep_stage *
ukwd_uep_stage_find(const char *id)
{
	for (size_t i = 0; id && i < NSTAGES; i++)
		if (strcmp(stages[i].id, id) == 0)
			return &stages[i];
	return NULL;
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

static int
stage_applies(const ukwd_uep_stage *stage, const ukwd_uep_options *opt)
{
	return (stage->roles & opt->roles) &&
	       (!stage->credit_cover_only || opt->credit_cover);
}

/* The task index of a stage (and, for a per-role stage, a role); -1 when
 * the stage does not apply. `first` maps each stage to its first task. */
static long
task_of(const long *first, const ukwd_uep_options *opt, size_t stage,
        int role_bit)
{
	long task = first[stage];

	if (task < 0 || !stages[stage].per_role)
		return task;
	for (int r = 0; r < role_bit; r++)
		if (opt->roles & (1u << r))
			task++;
	return task;
}

static size_t
stage_index(const char *id)
{
	return (size_t)(ukwd_uep_stage_find(id) - stages);
}

int
ukwd_uep_build_plan(ukwd_plan **out, const ukwd_uep_options *options,
                    ukwd_diag *diag)
{
	static const ukwd_uep_options defaults = UKWD_UEP_OPTIONS_INIT;
	const ukwd_uep_options *opt = options ? options : &defaults;
	long first[NSTAGES];
	ukwd_plan *plan;
	long next_task = 0;
	int rc;

	ukwd__diag_clear(diag);
	if (!out || opt->version != UKWD_UEP_OPTIONS_VERSION ||
	    (unsigned)opt->party > UKWD_PARTY_OTHER || opt->roles == 0 ||
	    (opt->roles & ~UKWD_ROLE_ALL) ||
	    (opt->override_count && !opt->overrides))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad options: no plan, an unknown "
		                      "version, party or role, or no role");
	for (size_t i = 0; i < opt->override_count; i++) {
		if (!ukwd_uep_stage_find(opt->overrides[i].stage_id))
			return ukwd__diag_set(
			    diag, UKWD_ENOTFOUND, 0, 0,
			    "no stage '%.60s' in the User Entry Process",
			    opt->overrides[i].stage_id
			        ? opt->overrides[i].stage_id
			        : "(null)");
		if (opt->overrides[i].duration < 0)
			return ukwd__diag_set(
			    diag, UKWD_EINVAL, 0, 0,
			    "stage '%.60s': a duration cannot be negative",
			    opt->overrides[i].stage_id);
	}
	rc = ukwd_plan_new(&plan);
	if (rc)
		return rc;
	for (size_t s = 0; s < NSTAGES && rc == 0; s++) {
		const ukwd_uep_stage *stage = &stages[s];

		first[s] = -1;
		if (!stage_applies(stage, opt))
			continue;
		first[s] = next_task;
		for (int r = 0; r < 7 && rc == 0; r++) {
			char id[96], name[160], source[512];
			int32_t duration = stage->duration;
			const char *tag = ukwd_source_name(stage->source);
			size_t task;

			if (stage->per_role ? !(opt->roles & (1u << r)) : r > 0)
				continue;
			for (size_t i = 0; i < opt->override_count; i++)
				if (strcmp(opt->overrides[i].stage_id,
				           stage->id) == 0)
					duration = opt->overrides[i].duration;
			snprintf(id, sizeof(id), "%s%s%s", stage->id,
			         stage->per_role ? "/" : "",
			         stage->per_role ? role_names[r] : "");
			snprintf(name, sizeof(name), "%s%s%s%s", stage->title,
			         stage->per_role ? " (" : "",
			         stage->per_role ? role_names[r] : "",
			         stage->per_role ? ")" : "");
			if (duration != stage->duration)
				snprintf(source, sizeof(source),
				         "PROPOSED: duration set by the caller "
				         "(the catalogue has %d working days, "
				         "%s); SEC %s",
				         (int)stage->duration, tag,
				         stage->reference);
			else
				snprintf(source, sizeof(source),
				         "%s: %s; SEC %s", tag, stage->citation,
				         stage->reference);
			rc = ukwd_plan_add_task(&task, plan, id, name, duration,
			                        diag);
			if (rc == 0)
				rc = ukwd_plan_set_task_source(plan, task,
				                               source);
			if (rc == 0 && duration == stage->duration &&
			    stage->optimistic != stage->pessimistic)
				rc = ukwd_plan_set_estimate(
				    plan, task, stage->optimistic, duration,
				    stage->pessimistic, diag);
			next_task++;
		}
	}
	for (size_t d = 0; d < NDEPENDENCIES && rc == 0; d++) {
		const ukwd_uep_dependency *dep = &dependencies[d];
		size_t from = stage_index(dep->predecessor);
		size_t to = stage_index(dep->successor);
		char source[512];

		if (first[from] < 0 || first[to] < 0)
			continue;
		snprintf(source, sizeof(source), "%s: %s",
		         ukwd_source_name(dep->source), dep->citation);
		/* Per-role copies link role to role; a shared stage links to
		 * (or from) every role's copy. */
		for (int r = 0; r < 7 && rc == 0; r++) {
			long a, b;

			if (!(opt->roles & (1u << r)))
				continue;
			if (!stages[from].per_role && !stages[to].per_role &&
			    r != __builtin_ctz(opt->roles))
				continue;
			a = task_of(first, opt, from, r);
			b = task_of(first, opt, to, r);
			rc = ukwd_plan_add_link(NULL, plan, (size_t)a,
			                        (size_t)b, dep->type, dep->lag,
			                        source, diag);
		}
	}
	if (rc) {
		ukwd_plan_free(plan);
		return rc;
	}
	*out = plan;
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
