/* The SEC User Entry Process's report for a terminal (ukwd-plan's output
 * for it): a row per stage, then the days a Party acts on, checked
 * against the mandate, the plan's deadline and the notice rules. Cells,
 * names, source tags, dates and verdicts are written by render.c's
 * helpers, as the table (render-table.c) writes them. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render-private.h"
#include "ukwd/notice.h"
#include "ukwd/uep.h"

/* The STAGE and WHAT columns; longer text is cut with "…". */
#define STAGE_WIDTH 34
#define WHAT_WIDTH  44

/* What every part of the report reads. */
struct uep_report {
	struct ukwd__out out;
	const ukwd_schedule *sched;
	const ukwd_plan *plan;
	ukwd_render_options opts;
	ukwd_uep_options uep;
	int backward;
	size_t role_count;
};

/* The caller's options over the defaults: the members its version has,
 * versions as ukwd_uep_options_init() knows them; UKWD_EINVAL for an
 * unknown version, party or role bit, or no role. */
static int
read_uep_options(ukwd_uep_options *uep, const ukwd_uep_options *given)
{
	static const ukwd_uep_options defaults = UKWD_UEP_OPTIONS_INIT;
	ukwd_uep_options known;

	*uep = defaults;
	if (!given)
		return 0;
	if (ukwd_uep_options_init(&known, given->version))
		return UKWD_EINVAL;
	uep->party = given->party;
	uep->roles = given->roles;
	uep->credit_cover = given->credit_cover;
	if (given->version >= 2)
		uep->stagger = given->stagger;
	if ((unsigned)uep->party > UKWD_PARTY_OTHER || uep->roles == 0 ||
	    (uep->roles & ~UKWD_ROLE_ALL))
		return UKWD_EINVAL;
	return 0;
}

/* A task of the plan by id ("STAGE", or "STAGE/ROLE" for a role bit);
 * 0 when found. */
static int
find_row(ukwd_scheduled_task *row, size_t *index, const ukwd_schedule *sched,
         const char *stage, unsigned int role)
{
	char id[96];
	size_t task;

	snprintf(id, sizeof(id), "%s%s%s", stage, role ? "/" : "",
	         role ? ukwd_uep_role_name(role) : "");
	if (ukwd_plan_find(&task, ukwd_schedule_plan(sched), id) ||
	    ukwd_schedule_task(row, sched, task))
		return -1;
	if (index)
		*index = task;
	return 0;
}

/* A plan that ukwd_uep_build_plan() made with these roles has
 * "uep-complete" and each role's "dcc-user/ROLE". */
static int
check_plan(struct uep_report *r)
{
	ukwd_scheduled_task row;

	if (find_row(&row, NULL, r->sched, "uep-complete", 0))
		return UKWD_EINVAL;
	r->role_count = 0;
	for (unsigned int role = 1; role <= UKWD_ROLE_ALL; role <<= 1) {
		if (!(r->uep.roles & role))
			continue;
		if (find_row(&row, NULL, r->sched, "dcc-user", role))
			return UKWD_EINVAL;
		r->role_count++;
	}
	return 0;
}

static ukwd_date
shown_start(const struct uep_report *r, const ukwd_scheduled_task *row)
{
	return ukwd__render_shown_start(row, r->backward);
}

static const char *
past_note(const struct uep_report *r, ukwd_date d)
{
	return d < r->opts.today ? " (already past)" : "";
}

/* Who plans (party, roles), how it was scheduled, and the headings. */
static void
uep_heading(struct uep_report *r)
{
	struct ukwd__out *o = &r->out;
	char first_text[UKWD_DATE_STRLEN], last_text[UKWD_DATE_STRLEN],
	    anchor_text[UKWD_DATE_STRLEN];
	ukwd_date first, last, anchor = 0;
	int32_t days;
	size_t named = 0;

	ukwd__out_printf(o, "SEC User Entry Process: %s, role%s ",
	                 ukwd_uep_party_name(r->uep.party),
	                 r->role_count > 1 ? "s" : "");
	for (unsigned int role = 1; role <= UKWD_ROLE_ALL; role <<= 1)
		if (r->uep.roles & role) {
			ukwd__out_puts(o, named++ ? "," : "");
			ukwd__out_puts(o, ukwd_uep_role_name(role));
		}
	ukwd__out_printf(o, "%s%s\n",
	                 r->uep.credit_cover ? ", with Credit Cover" : "",
	                 r->uep.stagger && r->role_count > 1
	                     ? ", roles tested one after another"
	                     : "");
	ukwd_schedule_span(&first, &last, &days, r->sched);
	ukwd_schedule_anchor(NULL, &anchor, r->sched);
	ukwd__format_date(first_text, first);
	ukwd__format_date(last_text, last);
	ukwd__format_date(anchor_text, anchor);
	ukwd__out_printf(o, "Scheduled %s %s",
	                 r->backward ? "backward to" : "forward from",
	                 anchor_text);
	if (r->opts.calendar) {
		UKWD__OUT_LIT(o, " over ");
		ukwd__put_clean(o, r->opts.calendar, strlen(r->opts.calendar));
	}
	ukwd__out_printf(o, ": %s to %s, %ld working day%s\n", first_text,
	                 last_text, (long)days, days == 1 ? "" : "s");
	ukwd__out_printf(o, "\n  %-34s  %-44s  %-10s  %-10s  %4s  %5s", "STAGE",
	                 "WHAT", r->backward ? "LATE START" : "START",
	                 r->backward ? "LATE END" : "FINISH", "DAYS", "FLOAT");
	if (r->opts.risk)
		ukwd__render_risk_heading(o);
	UKWD__OUT_LIT(o, "  SOURCE\n");
}

/* What the rows held, for the notes after them. */
struct uep_seen {
	int proposed, user, negative;
};

/* A row a stage: mark, id, name, shown dates, duration, total float,
 * source tag. */
static int
uep_rows(struct uep_report *r, struct uep_seen *seen)
{
	struct ukwd__out *o = &r->out;
	size_t n = ukwd_schedule_task_count(r->sched);

	for (size_t t = 0; t < n; t++) {
		char start[UKWD_DATE_STRLEN], finish[UKWD_DATE_STRLEN];
		const char *tag = ukwd__render_tag(r->plan, t);
		ukwd_scheduled_task row;
		int rc = ukwd_schedule_task(&row, r->sched, t);

		if (rc)
			return rc;
		ukwd__format_date(start, shown_start(r, &row));
		ukwd__format_date(finish,
		                  ukwd__render_shown_finish(&row, r->backward));
		seen->proposed |= strcmp(tag, "PROPOSED") == 0;
		seen->user |= strcmp(tag, "USER") == 0;
		seen->negative |= row.total_float < 0;
		ukwd__out_put(o,
		              row.total_float < 0 ? "! "
		              : row.critical      ? "* "
		                                  : "  ",
		              2);
		ukwd__put_cell(o, ukwd_plan_task_id(r->plan, t), STAGE_WIDTH);
		UKWD__OUT_LIT(o, "  ");
		ukwd__put_cell(o, ukwd__render_name(r->plan, t), WHAT_WIDTH);
		ukwd__out_printf(o, "  %s  %s  %4ld  %5ld", start, finish,
		                 (long)row.duration, (long)row.total_float);
		if (r->opts.risk &&
		    (rc = ukwd__render_risk_cells(o, r->opts.risk, t)) != 0)
			return rc;
		ukwd__out_printf(o, "  %s\n", tag);
	}
	return 0;
}

/* The day each role becomes a DCC User, every role's, and that day
 * against the party's mandate and the plan's deadline. */
static void
uep_dcc_user(struct uep_report *r)
{
	struct ukwd__out *o = &r->out;
	const ukwd_calendar *cal = ukwd_schedule_calendar(r->sched);
	char day[UKWD_DATE_STRLEN];
	ukwd_scheduled_task row;
	ukwd_date target;

	for (unsigned int role = 1; role <= UKWD_ROLE_ALL; role <<= 1)
		if ((r->uep.roles & role) &&
		    find_row(&row, NULL, r->sched, "dcc-user", role) == 0) {
			ukwd__format_date(day, shown_start(r, &row));
			ukwd__out_printf(o, "DCC User (%s): %s%s\n",
			                 ukwd_uep_role_name(role), day,
			                 past_note(r, shown_start(r, &row)));
		}
	if (find_row(&row, NULL, r->sched, "uep-complete", 0))
		return;
	ukwd__format_date(day, shown_start(r, &row));
	if (r->role_count > 1)
		ukwd__out_printf(o, "DCC User in every role: %s%s\n", day,
		                 past_note(r, shown_start(r, &row)));
	if (ukwd_uep_mandate_date(&target, r->uep.party) == 0) {
		ukwd__out_printf(o, "Mandate: a %s had to be a DCC User by",
		                 r->uep.party ==
		                         UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER
		                     ? "domestic small supplier"
		                     : "non-domestic small supplier");
		ukwd__render_put_verdict(o, cal, target, shown_start(r, &row));
	}
	if (ukwd_plan_deadline(&target, r->plan) == 0) {
		UKWD__OUT_LIT(o, "Deadline");
		ukwd__render_put_verdict(o, cal, target, shown_start(r, &row));
	}
}

/* For each role: the day to give UEPT notice, with the period the plan
 * holds (60 CHECKLIST working days, or the user's) checked against the
 * day its testing starts. */
static void
uep_uept_notice(struct uep_report *r, unsigned int role)
{
	struct ukwd__out *o = &r->out;
	ukwd_notice_rule rule = UKWD_NOTICE_RULE_INIT;
	ukwd_scheduled_task give, period, testing;
	ukwd_notice_result check;
	char day[UKWD_DATE_STRLEN], starts[UKWD_DATE_STRLEN];
	size_t task;

	if (find_row(&give, NULL, r->sched, "uept-give-notice", role) ||
	    find_row(&period, &task, r->sched, "uept-notice", role) ||
	    find_row(&testing, NULL, r->sched, "uept-execution", role))
		return;
	rule.amount = period.duration;
	if (ukwd_notice_check(&check, ukwd_schedule_calendar(r->sched), &rule,
	                      shown_start(r, &give), UKWD_NO_TIME,
	                      shown_start(r, &testing), NULL))
		return;
	ukwd__format_date(day, shown_start(r, &give));
	ukwd__format_date(starts, shown_start(r, &testing));
	ukwd__out_printf(o, "Give UEPT notice (%s): %s%s%s\n",
	                 ukwd_uep_role_name(role), day,
	                 check.deadline == shown_start(r, &give)
	                     ? ", the latest compliant day"
	                     : "",
	                 past_note(r, shown_start(r, &give)));
	ukwd__out_printf(o,
	                 "  %ld clear working days before testing starts on "
	                 "%s (%s: the plan's uept-notice/%s)",
	                 (long)period.duration, starts,
	                 ukwd__render_tag(r->plan, task),
	                 ukwd_uep_role_name(role));
	if (check.deadline != shown_start(r, &give)) {
		ukwd__format_date(day, check.deadline);
		ukwd__out_printf(o,
		                 ";\n  the latest compliant notice day for "
		                 "that start is %s",
		                 day);
	}
	UKWD__OUT_LIT(o, ".\n");
}

/* The Privacy Assessment's request: at least 12 weeks before it. */
static void
uep_privacy_request(struct uep_report *r)
{
	struct ukwd__out *o = &r->out;
	ukwd_scheduled_task request, booking, assessment;
	char day[UKWD_DATE_STRLEN], on[UKWD_DATE_STRLEN];
	size_t task;

	if (find_row(&request, NULL, r->sched, "privacy-request", 0) ||
	    find_row(&booking, &task, r->sched, "privacy-booking", 0) ||
	    find_row(&assessment, NULL, r->sched, "privacy-fieldwork", 0))
		return;
	ukwd__format_date(day, shown_start(r, &request));
	ukwd__format_date(on, shown_start(r, &assessment));
	ukwd__out_printf(o,
	                 "Request the Privacy Assessment (Privacy Audit): "
	                 "%s%s\n",
	                 day, past_note(r, shown_start(r, &request)));
	if (strcmp(ukwd__render_tag(r->plan, task), "USER") == 0)
		ukwd__out_printf(o,
		                 "  %ld working days before the assessment on "
		                 "%s (USER: the plan's privacy-booking; the "
		                 "source says at least 12 weeks).\n",
		                 (long)booking.duration, on);
	else
		ukwd__out_printf(o,
		                 "  at least 12 weeks before the assessment on "
		                 "%s (SOURCED).\n",
		                 on);
}

/* The stages dated in the past, the key, and what the tags mean. */
static void
uep_notes(struct uep_report *r, const struct uep_seen *seen)
{
	struct ukwd__out *o = &r->out;
	size_t past = ukwd__render_count_past(r->sched, &r->opts);

	if (past)
		ukwd__out_printf(o,
		                 "%zu of %zu stages start before today: their "
		                 "dates are past.\n",
		                 past, ukwd_schedule_task_count(r->sched));
	ukwd__out_printf(o, "\n* critical: no float.%s\n",
	                 seen->negative ? "  ! negative float: the date "
	                                  "cannot be met."
	                                : "");
	if (r->opts.risk)
		ukwd__render_risk_note(o, r->opts.risk);
	UKWD__OUT_LIT(o, "SOURCE: CHECKLIST is SECAS's SEC Checklist for "
	                 "Small Suppliers v1.3\n(December 2017); SOURCED "
	                 "figures cite a public page (--format csv shows "
	                 "it).\n");
	if (seen->proposed)
		UKWD__OUT_LIT(o, "PROPOSED durations are libukwd's own "
		                 "defaults: no public source gives one.\nThey "
		                 "are not SEC rules; set your own with --set "
		                 "STAGE=DAYS.\n");
	if (seen->user)
		UKWD__OUT_LIT(o, "USER durations are the ones you set with "
		                 "--set; they are not SEC rules.\n");
}

int
ukwd_render_uep(const ukwd_schedule *sched, const ukwd_uep_options *uep,
                const ukwd_render_options *options, ukwd_sink write,
                void *payload)
{
	struct uep_report r;
	struct uep_seen seen = {0, 0, 0};
	int rc = ukwd__render_get_options(&r.opts, options, sched, write);

	if (rc == 0)
		rc = read_uep_options(&r.uep, uep);
	if (rc)
		return rc;
	r.sched = sched;
	r.plan = ukwd_schedule_plan(sched);
	r.backward = ukwd__render_is_backward(sched);
	rc = check_plan(&r);
	if (rc)
		return rc;
	ukwd__out_init(&r.out, write, payload);
	uep_heading(&r);
	rc = uep_rows(&r, &seen);
	if (rc == 0) {
		UKWD__OUT_LIT(&r.out, "\n");
		uep_dcc_user(&r);
		for (unsigned int role = 1; role <= UKWD_ROLE_ALL; role <<= 1)
			if (r.uep.roles & role)
				uep_uept_notice(&r, role);
		uep_privacy_request(&r);
		uep_notes(&r, &seen);
		rc = ukwd__out_finish(&r.out);
	}
	ukwd__out_release(&r.out);
	/* The table's "Why:" section, after an empty line. */
	if (rc == 0 && (r.opts.flags & UKWD_RENDER_EXPLAIN)) {
		rc = write("\n", 1, payload) ? UKWD_EUSER : 0;
		if (rc == 0)
			rc = ukwd_render_explanations(sched, options, write,
			                              payload);
	}
	return rc;
}
