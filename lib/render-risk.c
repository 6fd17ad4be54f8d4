/* Risk output (ukwd/risk.h, "Risk output"): a risk's results as text,
 * JSON, CSV, SVG and HTML. The figures are gathered once (struct view)
 * and each format writes them; every number is written with integer
 * arithmetic, so no locale can turn a decimal point into a comma. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/risk.h"
#include "ukwd/workday.h"
#include "render-private.h"
#include "risk-private.h"

#define NAME_CHARS  34
#define LABEL_CHARS 44

/* ------------------------------------------------------------------ */
/* The figures */

struct task_view {
	const char *id, *name;
	ukwd_risk_task_result r;
	int has_estimate;
	int32_t o, m, p;
	const ukwd_source *source; /* NULL for none */
};

struct view {
	const ukwd_risk *risk;
	const ukwd_schedule *sched;
	const ukwd_calendar *cal;
	const char *title;
	int backward, has_deadline, ascii;
	unsigned int tornado;
	uint32_t n;
	ukwd_date planned_start, planned_finish, deadline;
	double deadline_p;
	ukwd_date latest[3]; /* backward: for 50, 80 and 95 % */
	/* backward: each iteration's latest start that still meets the
	 * deadline, over the iterations (earliest, mean, latest used) */
	ukwd_risk_outcome start;
	ukwd_risk_outcome finish;
	/* the curve's histogram: the finish, or backward the start */
	const uint32_t *counts;
	size_t len;
	ukwd_date first;
	size_t ntasks;
	struct task_view *task;
	size_t nbranch;
	ukwd_risk_branch_result *branch;
	size_t *order; /* tasks by |sensitivity|, largest first */
	size_t nvary;  /* tasks whose duration varied */
};

static const double latest_p[3] = {0.5, 0.8, 0.95};

static const char *
tag_of(const ukwd_source *s)
{
	return s ? ukwd_source_tag_name(s->tag) : "";
}

static const char *
citation_of(const ukwd_source *s)
{
	return s && s->citation ? s->citation : "";
}

static int
by_sensitivity(const struct view *v, size_t a, size_t b)
{
	double x = fabs(v->task[a].r.sensitivity),
	       y = fabs(v->task[b].r.sensitivity);

	if (x != y)
		return x > y;
	return a < b;
}

/* Insertion sort: the tasks that vary are few in the plans this draws;
 * for many it is only the tornado's cost. Stable, so equal ones keep
 * plan order. */
static void
sort_order(struct view *v)
{
	for (size_t i = 1; i < v->nvary; i++) {
		size_t t = v->order[i], j = i;

		while (j > 0 && by_sensitivity(v, t, v->order[j - 1])) {
			v->order[j] = v->order[j - 1];
			j--;
		}
		v->order[j] = t;
	}
}

static void
view_free(struct view *v)
{
	ukwd__free(v->task);
	ukwd__free(v->branch);
	ukwd__free(v->order);
}

static int
view_build(struct view *v, const ukwd_risk *risk, const ukwd_schedule *sched,
           const ukwd_risk_render_options *opts)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	ukwd_schedule_direction direction;
	ukwd_date anchor;
	size_t n;

	memset(v, 0, sizeof(*v));
	if (!plan || ukwd_schedule_anchor(&direction, &anchor, sched) ||
	    ukwd_plan_task_count(plan) != ukwd_risk_task_count(risk))
		return UKWD_EINVAL;
	v->risk = risk;
	v->sched = sched;
	v->cal = ukwd_schedule_calendar(sched);
	v->title = opts->title ? opts->title : "Schedule risk";
	v->tornado = opts->tornado;
	v->ascii = opts->ascii;
	v->backward = direction == UKWD_SCHEDULE_BACKWARD;
	v->n = ukwd_risk_iterations(risk);
	ukwd_schedule_span(&v->planned_start, &v->planned_finish, NULL, sched);
	ukwd_risk_finish(&v->finish, risk);
	v->has_deadline =
	    ukwd_risk_deadline(&v->deadline, &v->deadline_p, risk) == 0;
	if (v->backward)
		for (int k = 0; k < 3; k++)
			ukwd_risk_latest_start(&v->latest[k], risk,
			                       latest_p[k]);
	ukwd_risk_histogram(&v->counts, &v->len, &v->first, risk,
	                    v->backward ? UKWD_RISK_PROJECT_START
	                                : UKWD_RISK_PROJECT_FINISH);
	if (v->backward)
		ukwd__risk_start(&v->start, risk);
	n = v->ntasks = ukwd_risk_task_count(risk);
	v->nbranch = ukwd_risk_branch_count(risk);
	v->task = ukwd__calloc(n ? n : 1, sizeof(*v->task));
	v->order = ukwd__calloc(n ? n : 1, sizeof(*v->order));
	v->branch =
	    ukwd__calloc(v->nbranch ? v->nbranch : 1, sizeof(*v->branch));
	if (!v->task || !v->order || !v->branch) {
		view_free(v);
		return UKWD_ENOMEM;
	}
	for (size_t t = 0; t < n; t++) {
		struct task_view *tv = &v->task[t];

		tv->id = ukwd_plan_task_id(plan, t);
		tv->name = ukwd__render_name(plan, t);
		ukwd_risk_task(&tv->r, risk, t);
		tv->has_estimate = ukwd_plan_task_estimate(
		                       &tv->o, &tv->m, &tv->p, plan, t) == 0;
		tv->source = ukwd_plan_task_source(plan, t);
		if (tv->r.varies)
			v->order[v->nvary++] = t;
	}
	for (size_t b = 0; b < v->nbranch; b++)
		ukwd_risk_branch_get(&v->branch[b], risk, b);
	sort_order(v);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Escaping */

enum esc { ESC_TEXT, ESC_CSV, ESC_JSON, ESC_XML };

/* Text for a format: each ill-formed byte and each control character
 * becomes U+FFFD (JSON keeps none of them raw either), and the format's
 * own specials are escaped. */
static void
put_esc(struct ukwd__out *o, const char *text, enum esc how)
{
	size_t len = text ? strlen(text) : 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t step = ukwd__utf8_next(text + i, len - i, &cp);

		if (step == 0 || ukwd__is_control(cp)) {
			UKWD__OUT_LIT(o, "\xEF\xBF\xBD");
			i += step ? step : 1;
			continue;
		}
		if (how == ESC_CSV && cp == '"')
			UKWD__OUT_LIT(o, "\"\"");
		else if (how == ESC_JSON && cp == '"')
			UKWD__OUT_LIT(o, "\\\"");
		else if (how == ESC_JSON && cp == '\\')
			UKWD__OUT_LIT(o, "\\\\");
		else if (how == ESC_XML && cp == '&')
			UKWD__OUT_LIT(o, "&amp;");
		else if (how == ESC_XML && cp == '<')
			UKWD__OUT_LIT(o, "&lt;");
		else if (how == ESC_XML && cp == '>')
			UKWD__OUT_LIT(o, "&gt;");
		else if (how == ESC_XML && cp == '"')
			UKWD__OUT_LIT(o, "&quot;");
		else if (how == ESC_XML && cp == '\'')
			UKWD__OUT_LIT(o, "&#39;");
		else
			ukwd__out_put(o, text + i, step);
		i += step;
	}
}

/* The first chars characters of text, and "..." when cut. */
static void
put_cut(struct ukwd__out *o, const char *text, size_t chars, enum esc how,
        int ascii)
{
	char buf[4 * LABEL_CHARS + 8];
	size_t keep;

	if (ukwd__utf8_width(text) <= chars) {
		put_esc(o, text, how);
		return;
	}
	keep = ukwd__utf8_prefix(text, chars - 1);
	if (keep > sizeof(buf) - 1)
		keep = sizeof(buf) - 1;
	memcpy(buf, text, keep);
	buf[keep] = '\0';
	put_esc(o, buf, how);
	if (ascii)
		UKWD__OUT_LIT(o, "~");
	else
		UKWD__OUT_LIT(o, "\xE2\x80\xA6");
}

static void
put_pad(struct ukwd__out *o, size_t n)
{
	static const char spaces[] = "                                        ";

	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		ukwd__out_put(o, spaces, k);
		n -= k;
	}
}

/* ------------------------------------------------------------------ */
/* Numbers, locale-free */

static void
put_long(struct ukwd__out *o, long value)
{
	char *p = ukwd__out_room(o, 24);

	ukwd__out_done(o, ukwd__put_digits_long(p, value));
}

/* value with `places` decimals, rounded half away from zero. */
static void
put_fixed(struct ukwd__out *o, double value, int places)
{
	long scale = 1, whole, frac;
	double scaled;
	int negative;

	for (int k = 0; k < places; k++)
		scale *= 10;
	if (!(value == value))
		value = 0;
	negative = value < 0;
	scaled = floor(fabs(value) * (double)scale + 0.5);
	whole = (long)(scaled / (double)scale);
	frac = (long)(scaled - (double)whole * (double)scale);
	if (negative && scaled > 0)
		UKWD__OUT_LIT(o, "-");
	put_long(o, whole);
	if (places > 0) {
		char digits[12];

		UKWD__OUT_LIT(o, ".");
		for (int k = places - 1; k >= 0; k--) {
			digits[k] = (char)('0' + frac % 10);
			frac /= 10;
		}
		ukwd__out_put(o, digits, (size_t)places);
	}
}

static void
put_pct(struct ukwd__out *o, double share)
{
	char buf[16];

	ukwd__out_put(o, buf, ukwd__render_pct_text(buf, share));
}

static void
put_date(struct ukwd__out *o, ukwd_date d)
{
	char buf[UKWD_DATE_STRLEN];

	ukwd__format_date(buf, d);
	ukwd__out_puts(o, buf);
}

/* The working day j after first (j = 0: first). */
static ukwd_date
day_after(const struct view *v, size_t j)
{
	ukwd_date d = v->first;

	ukwd_workday_add(&d, v->cal, v->first, (int32_t)j);
	return d;
}

/* The curve's value at entry j: the share finished by that day, or
 * backward the share of iterations whose latest start is on or after
 * it (the chance of finishing on time when starting that day). */
static double
curve_at(const struct view *v, size_t j)
{
	uint64_t c = 0;

	if (v->backward)
		for (size_t k = j; k < v->len; k++)
			c += v->counts[k];
	else
		for (size_t k = 0; k <= j; k++)
			c += v->counts[k];
	return (double)c / v->n;
}

static const char proposed_note[] =
    "PROPOSED: libukwd's own figure (a range, a probability or a "
    "duration); no published source gives it and it is never an SEC rule. "
    "SOURCED, CHECKLIST: from the source cited. USER: set by the user.";

/* ------------------------------------------------------------------ */
/* Text */

static void
text_line(struct ukwd__out *o, size_t width, int ascii)
{
	for (size_t k = 0; k < width; k++)
		if (ascii)
			UKWD__OUT_LIT(o, "-");
		else
			UKWD__OUT_LIT(o, "\xE2\x94\x80");
	UKWD__OUT_LIT(o, "\n");
}

static void
put_range(struct ukwd__out *o, const struct task_view *t)
{
	put_long(o, t->o);
	UKWD__OUT_LIT(o, "-");
	put_long(o, t->m);
	UKWD__OUT_LIT(o, "-");
	put_long(o, t->p);
}

static size_t
range_width(const struct task_view *t)
{
	char buf[48];

	return (size_t)snprintf(buf, sizeof(buf), "%ld-%ld-%ld", (long)t->o,
	                        (long)t->m, (long)t->p);
}

static void
text_finish(struct ukwd__out *o, const struct view *v)
{
	UKWD__OUT_LIT(o, "Finish: P10 ");
	put_date(o, v->finish.p10);
	UKWD__OUT_LIT(o, ", P50 ");
	put_date(o, v->finish.p50);
	UKWD__OUT_LIT(o, ", P80 ");
	put_date(o, v->finish.p80);
	UKWD__OUT_LIT(o, ", P90 ");
	put_date(o, v->finish.p90);
	UKWD__OUT_LIT(o, ", P95 ");
	put_date(o, v->finish.p95);
	UKWD__OUT_LIT(o, "\n        mean ");
	put_date(o, v->finish.mean);
	UKWD__OUT_LIT(o, ", earliest ");
	put_date(o, v->finish.min);
	UKWD__OUT_LIT(o, ", latest ");
	put_date(o, v->finish.max);
	UKWD__OUT_LIT(o, "\n");
}

/* Backward, every iteration finishes on the deadline (the finish line
 * would be one date nine times): what varies is how late it can start.
 * The sentence of text and HTML, without its line end or markup. */
static void
put_latest_starts(struct ukwd__out *o, const struct view *v)
{
	UKWD__OUT_LIT(o, "Latest start that finishes by ");
	put_date(o, v->deadline);
	UKWD__OUT_LIT(o, ", one per iteration: earliest ");
	put_date(o, v->start.min);
	UKWD__OUT_LIT(o, ", mean ");
	put_date(o, v->start.mean);
	UKWD__OUT_LIT(o, ", latest ");
	put_date(o, v->start.max);
}

static void
text_summary(struct ukwd__out *o, const struct view *v)
{
	put_esc(o, v->title, ESC_TEXT);
	UKWD__OUT_LIT(o, "\n");
	put_long(o, (long)v->n);
	UKWD__OUT_LIT(o, " iterations, seed ");
	ukwd__out_printf(o, "%llu",
	                 (unsigned long long)ukwd_risk_seed(v->risk));
	UKWD__OUT_LIT(o, ", ");
	ukwd__out_puts(
	    o, ukwd_risk_distribution_name(ukwd_risk_distribution_of(v->risk)));
	UKWD__OUT_LIT(o, " draws, ");
	put_long(o, (long)v->nbranch);
	ukwd__out_puts(o, v->nbranch == 1 ? " branch\n" : " branches\n");
	UKWD__OUT_LIT(o, "Planned (single dates): start ");
	put_date(o, v->planned_start);
	UKWD__OUT_LIT(o, ", finish ");
	put_date(o, v->planned_finish);
	UKWD__OUT_LIT(o, "\n");
	if (v->backward) {
		put_latest_starts(o, v);
		UKWD__OUT_LIT(o, "\n");
	}
	if (!v->backward || v->finish.min != v->finish.max)
		text_finish(o, v);
	if (v->backward) {
		UKWD__OUT_LIT(o, "To finish by ");
		put_date(o, v->deadline);
		UKWD__OUT_LIT(o, ": start by ");
		put_date(o, v->latest[0]);
		UKWD__OUT_LIT(o, " for a 50 % chance, ");
		put_date(o, v->latest[1]);
		UKWD__OUT_LIT(o, " for 80 %, ");
		put_date(o, v->latest[2]);
		UKWD__OUT_LIT(o, " for 95 %\nStarting on the planned ");
		put_date(o, v->planned_start);
		UKWD__OUT_LIT(o, ": ");
		put_pct(o, v->deadline_p);
		UKWD__OUT_LIT(o, " chance of finishing by ");
		put_date(o, v->deadline);
		UKWD__OUT_LIT(o, "\n");
	} else if (v->has_deadline) {
		UKWD__OUT_LIT(o, "Deadline ");
		put_date(o, v->deadline);
		UKWD__OUT_LIT(o, ": ");
		put_pct(o, v->deadline_p);
		UKWD__OUT_LIT(o, " chance of meeting it\n");
	}
}

static void
text_table(struct ukwd__out *o, const struct view *v)
{
	size_t name_w = 4, range_w = 13, width;

	for (size_t t = 0; t < v->ntasks; t++) {
		size_t w = ukwd__utf8_width(v->task[t].name);

		if (w > NAME_CHARS)
			w = NAME_CHARS;
		if (w > name_w)
			name_w = w;
		if (v->task[t].has_estimate &&
		    range_width(&v->task[t]) > range_w)
			range_w = range_width(&v->task[t]);
	}
	UKWD__OUT_LIT(o, "\nTask");
	put_pad(o, name_w - 4);
	UKWD__OUT_LIT(o, "  P50 finish  P80 finish  P95 finish  Critical  "
	                 "Sensitivity  Range o-m-p");
	put_pad(o, range_w - 11);
	UKWD__OUT_LIT(o, "  Range tag\n");
	width = name_w + 2 + 12 * 3 + 10 + 13 + range_w + 2 + 9;
	text_line(o, width, v->ascii);
	for (size_t t = 0; t < v->ntasks; t++) {
		const struct task_view *tv = &v->task[t];
		size_t w = ukwd__utf8_width(tv->name);

		put_cut(o, tv->name, NAME_CHARS, ESC_TEXT, v->ascii);
		put_pad(o, name_w - (w > NAME_CHARS ? NAME_CHARS : w) + 2);
		put_date(o, tv->r.finish.p50);
		UKWD__OUT_LIT(o, "  ");
		put_date(o, tv->r.finish.p80);
		UKWD__OUT_LIT(o, "  ");
		put_date(o, tv->r.finish.p95);
		UKWD__OUT_LIT(o, "  ");
		/* right-aligned under "Critical" */
		{
			char pct[16];
			size_t len =
			    ukwd__render_pct_text(pct, tv->r.criticality);

			put_pad(o, len < 8 ? 8 - len : 0);
			ukwd__out_put(o, pct, len);
		}
		UKWD__OUT_LIT(o, "  ");
		if (tv->r.varies) {
			put_pad(o, tv->r.sensitivity < 0 ? 5 : 6);
			put_fixed(o, tv->r.sensitivity, 3);
		} else {
			put_pad(o, 10);
			UKWD__OUT_LIT(o, "-");
		}
		UKWD__OUT_LIT(o, "  ");
		if (tv->has_estimate) {
			put_range(o, tv);
			put_pad(o, range_w - range_width(tv) + 2);
			ukwd__out_puts(o, tv->source ? tag_of(tv->source)
			                             : "(no source)");
		} else {
			UKWD__OUT_LIT(o, "fixed");
		}
		UKWD__OUT_LIT(o, "\n");
	}
}

static void
text_branches_and_ranges(struct ukwd__out *o, const struct view *v)
{
	int any = 0;

	if (v->nbranch)
		UKWD__OUT_LIT(o, "\nBranches (work that happens only in some "
		                 "iterations):\n");
	for (size_t b = 0; b < v->nbranch; b++) {
		const ukwd_risk_branch *br = &v->branch[b].branch;

		UKWD__OUT_LIT(o, "  ");
		put_esc(o, br->id ? br->id : "(branch)", ESC_TEXT);
		UKWD__OUT_LIT(o, " on ");
		put_esc(o, v->task[br->task].id, ESC_TEXT);
		UKWD__OUT_LIT(o, ": ");
		put_pct(o, br->probability);
		UKWD__OUT_LIT(o, " a cycle, at most ");
		put_long(o, (long)br->max_cycles);
		UKWD__OUT_LIT(o, " x ");
		put_long(o, (long)br->duration);
		UKWD__OUT_LIT(o, " working days; taken in ");
		put_pct(o, v->branch[b].taken);
		UKWD__OUT_LIT(o, " of iterations\n    ");
		ukwd__out_puts(o, ukwd_source_tag_name(br->source.tag));
		if (br->source.citation && *br->source.citation) {
			UKWD__OUT_LIT(o, ": ");
			put_esc(o, br->source.citation, ESC_TEXT);
		}
		UKWD__OUT_LIT(o, "\n");
	}
	for (size_t t = 0; t < v->ntasks; t++) {
		const struct task_view *tv = &v->task[t];

		if (!tv->has_estimate)
			continue;
		if (!any)
			UKWD__OUT_LIT(o, "\nRanges (optimistic-most likely-"
			                 "pessimistic working days) and their "
			                 "sources:\n");
		any = 1;
		UKWD__OUT_LIT(o, "  ");
		put_esc(o, tv->id, ESC_TEXT);
		UKWD__OUT_LIT(o, " ");
		put_range(o, tv);
		UKWD__OUT_LIT(o, " ");
		if (tv->source) {
			ukwd__out_puts(o, tag_of(tv->source));
			if (*citation_of(tv->source)) {
				UKWD__OUT_LIT(o, ": ");
				put_esc(o, citation_of(tv->source), ESC_TEXT);
			}
		} else {
			UKWD__OUT_LIT(o, "(no source given)");
		}
		UKWD__OUT_LIT(o, "\n");
	}
	UKWD__OUT_LIT(o, "\n");
	ukwd__out_puts(o, proposed_note);
	UKWD__OUT_LIT(o, "\n");
}

static void
render_text(struct ukwd__out *o, const struct view *v)
{
	text_summary(o, v);
	text_table(o, v);
	text_branches_and_ranges(o, v);
}

/* ------------------------------------------------------------------ */
/* JSON */

static void
json_str(struct ukwd__out *o, const char *text)
{
	UKWD__OUT_LIT(o, "\"");
	put_esc(o, text, ESC_JSON);
	UKWD__OUT_LIT(o, "\"");
}

static void
json_date(struct ukwd__out *o, ukwd_date d)
{
	UKWD__OUT_LIT(o, "\"");
	put_date(o, d);
	UKWD__OUT_LIT(o, "\"");
}

static void
json_outcome(struct ukwd__out *o, const ukwd_risk_outcome *r)
{
	UKWD__OUT_LIT(o, "{\"p10\": ");
	json_date(o, r->p10);
	UKWD__OUT_LIT(o, ", \"p50\": ");
	json_date(o, r->p50);
	UKWD__OUT_LIT(o, ", \"p80\": ");
	json_date(o, r->p80);
	UKWD__OUT_LIT(o, ", \"p90\": ");
	json_date(o, r->p90);
	UKWD__OUT_LIT(o, ", \"p95\": ");
	json_date(o, r->p95);
	UKWD__OUT_LIT(o, ", \"mean\": ");
	json_date(o, r->mean);
	UKWD__OUT_LIT(o, ", \"mean_index\": ");
	put_fixed(o, r->mean_index, 3);
	UKWD__OUT_LIT(o, ", \"earliest\": ");
	json_date(o, r->min);
	UKWD__OUT_LIT(o, ", \"latest\": ");
	json_date(o, r->max);
	UKWD__OUT_LIT(o, "}");
}

static void
json_source(struct ukwd__out *o, const ukwd_source *s)
{
	if (!s) {
		UKWD__OUT_LIT(o, "null");
		return;
	}
	UKWD__OUT_LIT(o, "{\"tag\": ");
	json_str(o, tag_of(s));
	UKWD__OUT_LIT(o, ", \"citation\": ");
	json_str(o, citation_of(s));
	UKWD__OUT_LIT(o, "}");
}

static void
render_json(struct ukwd__out *o, const struct view *v)
{
	UKWD__OUT_LIT(o, "{\"format\": \"ukwd-risk\", \"format_version\": 1,\n"
	                 " \"title\": ");
	json_str(o, v->title);
	UKWD__OUT_LIT(o, ",\n \"iterations\": ");
	put_long(o, (long)v->n);
	UKWD__OUT_LIT(o, ", \"seed\": ");
	ukwd__out_printf(o, "%llu",
	                 (unsigned long long)ukwd_risk_seed(v->risk));
	UKWD__OUT_LIT(o, ", \"distribution\": ");
	json_str(
	    o, ukwd_risk_distribution_name(ukwd_risk_distribution_of(v->risk)));
	UKWD__OUT_LIT(o, ", \"direction\": ");
	json_str(o, v->backward ? "backward" : "forward");
	UKWD__OUT_LIT(o, ",\n \"planned_start\": ");
	json_date(o, v->planned_start);
	UKWD__OUT_LIT(o, ", \"planned_finish\": ");
	json_date(o, v->planned_finish);
	UKWD__OUT_LIT(o, ",\n \"finish\": ");
	json_outcome(o, &v->finish);
	UKWD__OUT_LIT(o, ",\n \"deadline\": ");
	if (v->has_deadline) {
		UKWD__OUT_LIT(o, "{\"date\": ");
		json_date(o, v->deadline);
		UKWD__OUT_LIT(o, ", \"probability\": ");
		put_fixed(o, v->deadline_p, 6);
		UKWD__OUT_LIT(o, "}");
	} else {
		UKWD__OUT_LIT(o, "null");
	}
	UKWD__OUT_LIT(o, ",\n \"latest_start\": ");
	if (v->backward) {
		UKWD__OUT_LIT(o, "{\"p50\": ");
		json_date(o, v->latest[0]);
		UKWD__OUT_LIT(o, ", \"p80\": ");
		json_date(o, v->latest[1]);
		UKWD__OUT_LIT(o, ", \"p95\": ");
		json_date(o, v->latest[2]);
		UKWD__OUT_LIT(o, ", \"earliest\": ");
		json_date(o, v->start.min);
		UKWD__OUT_LIT(o, ", \"mean\": ");
		json_date(o, v->start.mean);
		UKWD__OUT_LIT(o, ", \"latest\": ");
		json_date(o, v->start.max);
		UKWD__OUT_LIT(o, "}");
	} else {
		UKWD__OUT_LIT(o, "null");
	}
	UKWD__OUT_LIT(o, ",\n \"histogram\": {\"of\": ");
	json_str(o, v->backward ? "project_start" : "project_finish");
	UKWD__OUT_LIT(o, ", \"days\": [");
	for (size_t j = 0; j < v->len; j++) {
		ukwd__out_puts(o, j ? ",\n   " : "\n   ");
		UKWD__OUT_LIT(o, "{\"date\": ");
		json_date(o, day_after(v, j));
		UKWD__OUT_LIT(o, ", \"count\": ");
		put_long(o, (long)v->counts[j]);
		UKWD__OUT_LIT(o, ", \"cumulative\": ");
		put_fixed(o, curve_at(v, j), 6);
		UKWD__OUT_LIT(o, "}");
	}
	UKWD__OUT_LIT(o, "]},\n \"tasks\": [");
	for (size_t t = 0; t < v->ntasks; t++) {
		const struct task_view *tv = &v->task[t];

		ukwd__out_puts(o, t ? ",\n  {\"id\": " : "\n  {\"id\": ");
		json_str(o, tv->id);
		UKWD__OUT_LIT(o, ", \"name\": ");
		json_str(o, tv->name);
		UKWD__OUT_LIT(o, ", \"varies\": ");
		ukwd__out_puts(o, tv->r.varies ? "true" : "false");
		UKWD__OUT_LIT(o, ", \"criticality\": ");
		put_fixed(o, tv->r.criticality, 6);
		UKWD__OUT_LIT(o, ", \"sensitivity\": ");
		put_fixed(o, tv->r.sensitivity, 6);
		UKWD__OUT_LIT(o, ",\n   \"finish\": ");
		json_outcome(o, &tv->r.finish);
		UKWD__OUT_LIT(o, ",\n   \"estimate\": ");
		if (tv->has_estimate) {
			UKWD__OUT_LIT(o, "{\"optimistic\": ");
			put_long(o, tv->o);
			UKWD__OUT_LIT(o, ", \"most_likely\": ");
			put_long(o, tv->m);
			UKWD__OUT_LIT(o, ", \"pessimistic\": ");
			put_long(o, tv->p);
			UKWD__OUT_LIT(o, ", \"source\": ");
			json_source(o, tv->source);
			UKWD__OUT_LIT(o, "}");
		} else {
			UKWD__OUT_LIT(o, "null");
		}
		UKWD__OUT_LIT(o, "}");
	}
	UKWD__OUT_LIT(o, "],\n \"branches\": [");
	for (size_t b = 0; b < v->nbranch; b++) {
		const ukwd_risk_branch *br = &v->branch[b].branch;

		ukwd__out_puts(o, b ? ",\n  {\"id\": " : "\n  {\"id\": ");
		if (br->id)
			json_str(o, br->id);
		else
			UKWD__OUT_LIT(o, "null");
		UKWD__OUT_LIT(o, ", \"task\": ");
		json_str(o, v->task[br->task].id);
		UKWD__OUT_LIT(o, ", \"probability\": ");
		put_fixed(o, br->probability, 6);
		UKWD__OUT_LIT(o, ", \"duration\": ");
		put_long(o, br->duration);
		UKWD__OUT_LIT(o, ", \"max_cycles\": ");
		put_long(o, (long)br->max_cycles);
		UKWD__OUT_LIT(o, ", \"taken\": ");
		put_fixed(o, v->branch[b].taken, 6);
		UKWD__OUT_LIT(o, ", \"mean_cycles\": ");
		put_fixed(o, v->branch[b].mean_cycles, 6);
		UKWD__OUT_LIT(o, ",\n   \"source\": ");
		json_source(o, &br->source);
		UKWD__OUT_LIT(o, "}");
	}
	UKWD__OUT_LIT(o, "],\n \"note\": ");
	json_str(o, proposed_note);
	UKWD__OUT_LIT(o, "}\n");
}

/* ------------------------------------------------------------------ */
/* CSV */

static void
csv_str(struct ukwd__out *o, const char *text)
{
	UKWD__OUT_LIT(o, "\"");
	put_esc(o, text, ESC_CSV);
	UKWD__OUT_LIT(o, "\"");
}

/* kind,id,name,date,p10,p50,p80,p90,p95,mean,earliest,latest,
 * probability,criticality,sensitivity,count,optimistic,most_likely,
 * pessimistic,duration,max_cycles,tag,citation */
#define CSV_FIELDS 23

static void
csv_outcome(struct ukwd__out *o, const ukwd_risk_outcome *r)
{
	const ukwd_date d[7] = {r->p10, r->p50,  r->p80, r->p90,
	                        r->p95, r->mean, r->min};

	for (int k = 0; k < 7; k++) {
		put_date(o, d[k]);
		UKWD__OUT_LIT(o, ",");
	}
	put_date(o, r->max);
}

static void
commas(struct ukwd__out *o, int n)
{
	for (int k = 0; k < n; k++)
		UKWD__OUT_LIT(o, ",");
}

static void
render_csv(struct ukwd__out *o, const struct view *v)
{
	UKWD__OUT_LIT(o, "kind,id,name,date,p10,p50,p80,p90,p95,mean,earliest,"
	                 "latest,probability,criticality,sensitivity,count,"
	                 "optimistic,most_likely,pessimistic,duration,"
	                 "max_cycles,tag,citation\r\n");
	/* the project: its finish, and the planned date in `date` */
	UKWD__OUT_LIT(o, "finish,,");
	csv_str(o, v->title);
	UKWD__OUT_LIT(o, ",");
	put_date(o, v->planned_finish);
	UKWD__OUT_LIT(o, ",");
	csv_outcome(o, &v->finish);
	commas(o, CSV_FIELDS - 12);
	UKWD__OUT_LIT(o, "\r\n");
	if (v->has_deadline) {
		UKWD__OUT_LIT(o, "deadline,,,");
		put_date(o, v->deadline);
		commas(o, 9);
		put_fixed(o, v->deadline_p, 6);
		commas(o, CSV_FIELDS - 13);
		UKWD__OUT_LIT(o, "\r\n");
	}
	for (int k = 0; v->backward && k < 3; k++) {
		/* date: the start for that chance; mean, earliest and
		 * latest: of the iterations' latest starts, on each row */
		UKWD__OUT_LIT(o, "latest_start,,,");
		put_date(o, v->latest[k]);
		commas(o, 6);
		put_date(o, v->start.mean);
		UKWD__OUT_LIT(o, ",");
		put_date(o, v->start.min);
		UKWD__OUT_LIT(o, ",");
		put_date(o, v->start.max);
		UKWD__OUT_LIT(o, ",");
		put_fixed(o, latest_p[k], 2);
		commas(o, CSV_FIELDS - 13);
		UKWD__OUT_LIT(o, "\r\n");
	}
	for (size_t t = 0; t < v->ntasks; t++) {
		const struct task_view *tv = &v->task[t];

		UKWD__OUT_LIT(o, "task,");
		csv_str(o, tv->id);
		UKWD__OUT_LIT(o, ",");
		csv_str(o, tv->name);
		UKWD__OUT_LIT(o, ",,");
		csv_outcome(o, &tv->r.finish);
		UKWD__OUT_LIT(o, ",,");
		put_fixed(o, tv->r.criticality, 6);
		UKWD__OUT_LIT(o, ",");
		put_fixed(o, tv->r.sensitivity, 6);
		UKWD__OUT_LIT(o, ",,");
		if (tv->has_estimate) {
			put_long(o, tv->o);
			UKWD__OUT_LIT(o, ",");
			put_long(o, tv->m);
			UKWD__OUT_LIT(o, ",");
			put_long(o, tv->p);
		} else {
			UKWD__OUT_LIT(o, ",,");
		}
		UKWD__OUT_LIT(o, ",,,");
		if (tv->has_estimate && tv->source) {
			ukwd__out_puts(o, tag_of(tv->source));
			UKWD__OUT_LIT(o, ",");
			csv_str(o, citation_of(tv->source));
		} else {
			UKWD__OUT_LIT(o, ",");
		}
		UKWD__OUT_LIT(o, "\r\n");
	}
	for (size_t b = 0; b < v->nbranch; b++) {
		const ukwd_risk_branch *br = &v->branch[b].branch;

		UKWD__OUT_LIT(o, "branch,");
		csv_str(o, br->id ? br->id : "");
		UKWD__OUT_LIT(o, ",");
		csv_str(o, v->task[br->task].id);
		commas(o, 10);
		put_fixed(o, br->probability, 6);
		UKWD__OUT_LIT(o, ",,,");
		put_fixed(o, v->branch[b].taken, 6);
		commas(o, 4);
		put_long(o, br->duration);
		UKWD__OUT_LIT(o, ",");
		put_long(o, (long)br->max_cycles);
		UKWD__OUT_LIT(o, ",");
		ukwd__out_puts(o, ukwd_source_tag_name(br->source.tag));
		UKWD__OUT_LIT(o, ",");
		csv_str(o, br->source.citation ? br->source.citation : "");
		UKWD__OUT_LIT(o, "\r\n");
	}
	for (size_t j = 0; j < v->len; j++) {
		UKWD__OUT_LIT(o, "histogram,,,");
		put_date(o, day_after(v, j));
		commas(o, 9);
		put_fixed(o, curve_at(v, j), 6);
		UKWD__OUT_LIT(o, ",,,");
		put_long(o, (long)v->counts[j]);
		commas(o, CSV_FIELDS - 16);
		UKWD__OUT_LIT(o, "\r\n");
	}
}

/* ------------------------------------------------------------------ */
/* SVG */

#define SVG_W      960
#define PLOT_X0    90
#define PLOT_X1    900
#define CURVE_TOP  110
#define CURVE_H    240
#define HIST_TOP   420
#define HIST_H     160
#define TORN_TOP   660
#define TORN_ROW   24
#define TORN_MID   560
#define TORN_HALF  170
#define NOTE_LINES 3

/* The x of entry j of the histogram (the middle of its day). */
static long
svg_x(const struct view *v, size_t j)
{
	long span = PLOT_X1 - PLOT_X0;

	return PLOT_X0 + (long)(((2 * (long)j + 1) * span) /
	                        (2 * (long)(v->len ? v->len : 1)));
}

/* The entry of a date in the histogram (clamped). */
static size_t
svg_entry(const struct view *v, ukwd_date d)
{
	int32_t n = 0;

	if (d <= v->first)
		return 0;
	ukwd_workday_count(&n, v->cal, v->first, d);
	return (size_t)n >= v->len ? v->len - 1 : (size_t)n;
}

static void
svg_text(struct ukwd__out *o, long x, long y, const char *anchor,
         const char *cls, const char *text)
{
	ukwd__out_printf(o, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"%s\"", x,
	                 y, anchor);
	if (cls)
		ukwd__out_printf(o, " class=\"%s\"", cls);
	UKWD__OUT_LIT(o, ">");
	put_esc(o, text, ESC_XML);
	UKWD__OUT_LIT(o, "</text>\n");
}

static void
svg_marker(struct ukwd__out *o, const struct view *v, ukwd_date d,
           const char *label, const char *cls, int row)
{
	long x = svg_x(v, svg_entry(v, d));
	char text[64], day[UKWD_DATE_STRLEN];

	ukwd__format_date(day, d);
	snprintf(text, sizeof(text), "%s %s", label, day);
	ukwd__out_printf(o,
	                 "<line class=\"%s\" x1=\"%ld\" y1=\"%d\" x2=\"%ld\" "
	                 "y2=\"%d\"/>\n",
	                 cls, x, CURVE_TOP, x, CURVE_TOP + CURVE_H);
	/* below the curve, which is low only left of the markers; near the
	 * right edge, on the line's left */
	if (x > PLOT_X1 - 140)
		svg_text(o, x - 4, CURVE_TOP + CURVE_H - 8 - 14 * row, "end",
		         cls, text);
	else
		svg_text(o, x + 4, CURVE_TOP + CURVE_H - 8 - 14 * row, "start",
		         cls, text);
}

static void
svg_curve(struct ukwd__out *o, const struct view *v)
{
	char day[UKWD_DATE_STRLEN];

	svg_text(o, PLOT_X0, CURVE_TOP - 16, "start", "h",
	         v->backward ? "Chance of finishing on time, by the day the "
	                       "project starts (working days)"
	                     : "S-curve: the chance of having finished by "
	                       "each working day");
	for (int k = 0; k <= 4; k++) {
		long y = CURVE_TOP + CURVE_H - (long)k * CURVE_H / 4;
		char pct[8];

		snprintf(pct, sizeof(pct), "%d %%", 25 * k);
		ukwd__out_printf(o,
		                 "<line class=\"grid\" x1=\"%d\" y1=\"%ld\" "
		                 "x2=\"%d\" y2=\"%ld\"/>\n",
		                 PLOT_X0, y, PLOT_X1, y);
		svg_text(o, PLOT_X0 - 6, y + 4, "end", NULL, pct);
	}
	UKWD__OUT_LIT(o, "<polyline class=\"curve\" points=\"");
	for (size_t j = 0; j < v->len; j++) {
		long y = CURVE_TOP + CURVE_H - lround(curve_at(v, j) * CURVE_H);

		ukwd__out_printf(o, "%s%ld,%ld", j ? " " : "", svg_x(v, j), y);
	}
	UKWD__OUT_LIT(o, "\"/>\n");
	for (size_t j = 0; j < v->len; j++) {
		long y = CURVE_TOP + CURVE_H - lround(curve_at(v, j) * CURVE_H);

		ukwd__format_date(day, day_after(v, j));
		ukwd__out_printf(o,
		                 "<circle class=\"pt\" cx=\"%ld\" cy=\"%ld\" "
		                 "r=\"3\"><title>%s: ",
		                 svg_x(v, j), y, day);
		put_pct(o, curve_at(v, j));
		UKWD__OUT_LIT(o, "</title></circle>\n");
	}
	if (v->backward) {
		svg_marker(o, v, v->latest[0], "start by (50 %)", "p50", 0);
		svg_marker(o, v, v->latest[1], "start by (80 %)", "p80", 1);
		svg_marker(o, v, v->planned_start, "planned start", "dl", 2);
	} else {
		svg_marker(o, v, v->finish.p50, "P50", "p50", 0);
		svg_marker(o, v, v->finish.p80, "P80", "p80", 1);
		if (v->has_deadline && v->deadline >= v->first &&
		    v->deadline <= day_after(v, v->len - 1))
			svg_marker(o, v, v->deadline, "deadline", "dl", 2);
	}
	ukwd__format_date(day, v->first);
	svg_text(o, PLOT_X0, CURVE_TOP + CURVE_H + 18, "start", NULL, day);
	ukwd__format_date(day, day_after(v, v->len - 1));
	svg_text(o, PLOT_X1, CURVE_TOP + CURVE_H + 18, "end", NULL, day);
	if (!v->backward && v->has_deadline) {
		char line[96], dl[UKWD_DATE_STRLEN], pct[16];

		ukwd__format_date(dl, v->deadline);
		ukwd__render_pct_text(pct, v->deadline_p);
		snprintf(line, sizeof(line),
		         "Deadline %s: a %s chance of meeting it", dl, pct);
		svg_text(o, (PLOT_X0 + PLOT_X1) / 2, CURVE_TOP + CURVE_H + 36,
		         "middle", "dl", line);
	}
}

static void
svg_histogram(struct ukwd__out *o, const struct view *v)
{
	uint32_t most = 1;
	long bar = (PLOT_X1 - PLOT_X0) / (long)(v->len ? v->len : 1);

	if (bar < 1)
		bar = 1;
	if (bar > 3)
		bar -= 1;
	for (size_t j = 0; j < v->len; j++)
		if (v->counts[j] > most)
			most = v->counts[j];
	svg_text(o, PLOT_X0, HIST_TOP - 16, "start", "h",
	         v->backward ? "Histogram: iterations by their latest start "
	                       "(working days)"
	                     : "Histogram: iterations by the working day "
	                       "they finish");
	ukwd__out_printf(o,
	                 "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	                 "y2=\"%d\"/>\n",
	                 PLOT_X0, HIST_TOP + HIST_H, PLOT_X1,
	                 HIST_TOP + HIST_H);
	for (size_t j = 0; j < v->len; j++) {
		long h = (long)((uint64_t)v->counts[j] * HIST_H / most);
		char day[UKWD_DATE_STRLEN];

		ukwd__format_date(day, day_after(v, j));
		ukwd__out_printf(o,
		                 "<rect class=\"bar\" x=\"%ld\" y=\"%ld\" "
		                 "width=\"%ld\" height=\"%ld\"><title>%s: %lu "
		                 "iterations</title></rect>\n",
		                 svg_x(v, j) - bar / 2, HIST_TOP + HIST_H - h,
		                 bar, h, day, (unsigned long)v->counts[j]);
	}
	{
		char most_text[32];

		snprintf(most_text, sizeof(most_text), "%lu",
		         (unsigned long)most);
		svg_text(o, PLOT_X0 - 6, HIST_TOP + 4, "end", NULL, most_text);
		svg_text(o, PLOT_X0 - 6, HIST_TOP + HIST_H + 4, "end", NULL,
		         "0");
	}
}

/* The tornado's rows: tasks that vary, largest |sensitivity| first. */
static size_t
tornado_rows(const struct view *v)
{
	return v->nvary < v->tornado ? v->nvary : v->tornado;
}

static void
svg_tornado(struct ukwd__out *o, const struct view *v)
{
	size_t rows = tornado_rows(v);

	svg_text(o, PLOT_X0, TORN_TOP - 16, "start", "h",
	         "Tornado: rank correlation of each task's duration with the "
	         "project's outcome (largest first)");
	if (rows == 0) {
		svg_text(o, PLOT_X0, TORN_TOP + 14, "start", NULL,
		         "No task's duration varied.");
		return;
	}
	ukwd__out_printf(o,
	                 "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	                 "y2=\"%ld\"/>\n",
	                 TORN_MID, TORN_TOP, TORN_MID,
	                 TORN_TOP + (long)rows * TORN_ROW);
	for (size_t k = 0; k < rows; k++) {
		const struct task_view *tv = &v->task[v->order[k]];
		long y = TORN_TOP + (long)k * TORN_ROW,
		     w = lround(fabs(tv->r.sensitivity) * TORN_HALF);
		long x = tv->r.sensitivity < 0 ? TORN_MID - w : TORN_MID;
		const char *tag =
		    tv->has_estimate && tv->source ? tag_of(tv->source) : "";

		ukwd__out_printf(o, "<g><title>");
		put_esc(o, tv->name, ESC_XML);
		UKWD__OUT_LIT(o, ": ");
		put_fixed(o, tv->r.sensitivity, 3);
		if (tv->has_estimate) {
			UKWD__OUT_LIT(o, "; range ");
			put_range(o, tv);
			UKWD__OUT_LIT(o, " working days");
			if (*tag) {
				UKWD__OUT_LIT(o, " (");
				ukwd__out_puts(o, tag);
				UKWD__OUT_LIT(o, ")");
			}
		}
		UKWD__OUT_LIT(o, "</title>\n");
		ukwd__out_printf(o,
		                 "<rect class=\"%s\" x=\"%ld\" y=\"%ld\" "
		                 "width=\"%ld\" height=\"%d\"/>\n",
		                 strcmp(tag, "PROPOSED") == 0 ? "tp" : "ts", x,
		                 y + 3, w, TORN_ROW - 6);
		ukwd__out_printf(
		    o, "<text x=\"%d\" y=\"%ld\" text-anchor=\"end\">",
		    TORN_MID - TORN_HALF - 8, y + TORN_ROW / 2 + 4);
		/* the name, or when it is too long the id, which is unique
		 * (a role's copy says its role) */
		put_cut(o,
		        ukwd__utf8_width(tv->name) <= LABEL_CHARS ? tv->name
		                                                  : tv->id,
		        LABEL_CHARS, ESC_XML, 0);
		UKWD__OUT_LIT(o, "</text>\n");
		ukwd__out_printf(
		    o, "<text x=\"%d\" y=\"%ld\" text-anchor=\"start\">",
		    TORN_MID + TORN_HALF + 8, y + TORN_ROW / 2 + 4);
		put_fixed(o, tv->r.sensitivity, 2);
		if (tv->has_estimate) {
			UKWD__OUT_LIT(o, " range ");
			put_range(o, tv);
			if (*tag) {
				UKWD__OUT_LIT(o, " ");
				ukwd__out_puts(o, tag);
			}
		} else {
			UKWD__OUT_LIT(o, " branch");
		}
		UKWD__OUT_LIT(o, "</text>\n</g>\n");
	}
}

/* The plan as bars, each task's P80 finish beside its bar: below the
 * tornado. */
#define GANTT_ROW   18
#define GANTT_LABEL 320
#define GANTT_X0    330
#define GANTT_X1    790

static long
gantt_top(const struct view *v)
{
	long rows = (long)tornado_rows(v);

	return TORN_TOP + (rows ? rows : 1) * TORN_ROW + 56;
}

static long
svg_height(const struct view *v)
{
	return gantt_top(v) + (long)v->ntasks * GANTT_ROW + 30 +
	       (long)(NOTE_LINES + v->nbranch) * 16;
}

/* A task's bar as the schedule reads it: early dates forward, late ones
 * backward. */
static void
gantt_bar(const struct view *v, size_t t, ukwd_date *start, ukwd_date *finish)
{
	ukwd_scheduled_task row;

	memset(&row, 0, sizeof(row));
	ukwd_schedule_task(&row, v->sched, t);
	*start = v->backward ? row.late_start : row.early_start;
	*finish = v->backward ? row.late_finish : row.early_finish;
}

static long
gantt_x(ukwd_date d, ukwd_date first, long span)
{
	return GANTT_X0 + (long)(d - first) * (GANTT_X1 - GANTT_X0) / span;
}

static void
svg_gantt(struct ukwd__out *o, const struct view *v)
{
	ukwd_date first = 0, last = 0;
	long top = gantt_top(v), span;

	svg_text(o, PLOT_X0, top - 16, "start", "h",
	         v->backward ? "The plan (late dates) and each task's P80 "
	                       "finish beside its bar"
	                     : "The plan (early dates) and each task's P80 "
	                       "finish beside its bar");
	for (size_t t = 0; t < v->ntasks; t++) {
		ukwd_date a, b, p80 = v->task[t].r.finish.p80;

		gantt_bar(v, t, &a, &b);
		if (t == 0 || a < first)
			first = a;
		if (t == 0 || b > last)
			last = b;
		if (p80 > last)
			last = p80;
	}
	span = (long)(last - first) + 1;
	for (size_t t = 0; t < v->ntasks; t++) {
		const struct task_view *tv = &v->task[t];
		long y = top + (long)t * GANTT_ROW, x0, x1, xp;
		ukwd_date a, b;
		char day[UKWD_DATE_STRLEN];
		const char *tag =
		    tv->has_estimate && tv->source ? tag_of(tv->source) : "";

		gantt_bar(v, t, &a, &b);
		x0 = gantt_x(a, first, span);
		x1 = gantt_x(b + 1, first, span);
		xp = gantt_x(tv->r.finish.p80 + 1, first, span);
		ukwd__out_printf(o,
		                 "<text x=\"%d\" y=\"%ld\" "
		                 "text-anchor=\"end\">",
		                 GANTT_LABEL, y + GANTT_ROW - 5);
		put_cut(o,
		        ukwd__utf8_width(tv->name) <= LABEL_CHARS ? tv->name
		                                                  : tv->id,
		        LABEL_CHARS, ESC_XML, 0);
		UKWD__OUT_LIT(o, "</text>\n");
		ukwd__out_printf(o,
		                 "<rect class=\"%s\" x=\"%ld\" y=\"%ld\" "
		                 "width=\"%ld\" height=\"%d\"><title>",
		                 strcmp(tag, "PROPOSED") == 0 ? "tp" : "ts", x0,
		                 y + 4, x1 - x0 > 2 ? x1 - x0 : 2,
		                 GANTT_ROW - 8);
		put_esc(o, tv->name, ESC_XML);
		ukwd__format_date(day, a);
		ukwd__out_printf(o, ": %s to ", day);
		ukwd__format_date(day, b);
		ukwd__out_printf(o, "%s (planned)</title></rect>\n", day);
		ukwd__format_date(day, tv->r.finish.p80);
		ukwd__out_printf(o,
		                 "<line class=\"p80\" x1=\"%ld\" y1=\"%ld\" "
		                 "x2=\"%ld\" y2=\"%ld\"/>\n",
		                 xp, y + 1, xp, y + GANTT_ROW - 1);
		ukwd__out_printf(o,
		                 "<text x=\"%ld\" y=\"%ld\" "
		                 "class=\"p80 small\">P80 %s</text>\n",
		                 xp + 3, y + GANTT_ROW - 5, day);
	}
}

static void
svg_notes(struct ukwd__out *o, const struct view *v)
{
	long y = gantt_top(v) + (long)v->ntasks * GANTT_ROW + 20;

	ukwd__out_printf(o,
	                 "<text x=\"20\" y=\"%ld\"><tspan class=\"tp-key\">"
	                 "&#9632;</tspan> PROPOSED range (libukwd's own "
	                 "figure, never an SEC rule) <tspan class=\"ts-key\">"
	                 "&#9632;</tspan> any other: a range from a source "
	                 "or the user, or none (fixed)</text>\n",
	                 y);
	y += 16;
	for (size_t b = 0; b < v->nbranch; b++, y += 16) {
		const ukwd_risk_branch *br = &v->branch[b].branch;

		ukwd__out_printf(o, "<text x=\"20\" y=\"%ld\">Branch ", y);
		put_esc(o, br->id ? br->id : "", ESC_XML);
		UKWD__OUT_LIT(o, " on ");
		put_esc(o, v->task[br->task].id, ESC_XML);
		UKWD__OUT_LIT(o, ": ");
		put_pct(o, br->probability);
		UKWD__OUT_LIT(o, " a cycle, at most ");
		put_long(o, (long)br->max_cycles);
		UKWD__OUT_LIT(o, " x ");
		put_long(o, br->duration);
		UKWD__OUT_LIT(o, " working days (");
		ukwd__out_puts(o, ukwd_source_tag_name(br->source.tag));
		UKWD__OUT_LIT(o, "); taken in ");
		put_pct(o, v->branch[b].taken);
		UKWD__OUT_LIT(o, " of iterations<title>");
		put_esc(o, br->source.citation ? br->source.citation : "",
		        ESC_XML);
		UKWD__OUT_LIT(o, "</title></text>\n");
	}
	ukwd__out_printf(o, "<text x=\"20\" y=\"%ld\" class=\"small\">", y);
	put_esc(o, proposed_note, ESC_XML);
	UKWD__OUT_LIT(o, "</text>\n");
}

static const char svg_style[] =
    "<style>\n"
    "text{font-family:sans-serif;font-size:12px;fill:#222}\n"
    ".title{font-size:18px;font-weight:bold}\n"
    ".h{font-size:14px;font-weight:bold}\n"
    ".small{font-size:10px;fill:#555}\n"
    ".grid{stroke:#ccc;stroke-width:1}\n"
    ".curve{fill:none;stroke:#1f5fa8;stroke-width:2}\n"
    ".pt{fill:#1f5fa8}\n"
    ".bar{fill:#6b9bd1}\n"
    "line.p50{stroke:#2a8a2a;stroke-width:1.5}\n"
    "line.p80{stroke:#c77a00;stroke-width:1.5}\n"
    "line.dl{stroke:#c00;stroke-width:1.5;stroke-dasharray:6 3}\n"
    "text.p50{fill:#2a8a2a}\n"
    "text.p80{fill:#c77a00}\n"
    "text.dl{fill:#c00}\n"
    ".tp{fill:#e8a33c}\n"
    ".ts{fill:#4a7fb8}\n"
    ".tp-key{fill:#e8a33c}\n"
    ".ts-key{fill:#4a7fb8}\n"
    "</style>\n";

static void
render_svg(struct ukwd__out *o, const struct view *v, int inline_svg)
{
	char sub[192], a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN],
	    c[UKWD_DATE_STRLEN], d[UKWD_DATE_STRLEN];
	int n;

	if (!inline_svg)
		UKWD__OUT_LIT(o,
		              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	ukwd__out_printf(o,
	                 "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	                 "width=\"%d\" height=\"%ld\" viewBox=\"0 0 %d %ld\" "
	                 "role=\"img\">\n",
	                 SVG_W, svg_height(v), SVG_W, svg_height(v));
	UKWD__OUT_LIT(o, "<title>");
	put_esc(o, v->title, ESC_XML);
	UKWD__OUT_LIT(o, "</title>\n");
	ukwd__out_puts(o, svg_style);
	ukwd__out_printf(o,
	                 "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%ld\" "
	                 "fill=\"#fff\"/>\n",
	                 SVG_W, svg_height(v));
	svg_text(o, 20, 30, "start", "title", v->title);
	n = snprintf(
	    sub, sizeof(sub), "%lu iterations, seed %llu, %s draws. ",
	    (unsigned long)v->n, (unsigned long long)ukwd_risk_seed(v->risk),
	    ukwd_risk_distribution_name(ukwd_risk_distribution_of(v->risk)));
	/* backward, every iteration finishes on the deadline: the starts
	 * vary */
	ukwd__format_date(a, v->backward ? v->deadline : v->planned_finish);
	ukwd__format_date(b, v->backward ? v->latest[0] : v->finish.p50);
	ukwd__format_date(c, v->backward ? v->latest[1] : v->finish.p80);
	ukwd__format_date(d, v->backward ? v->latest[2] : v->finish.p95);
	snprintf(sub + n, sizeof(sub) - (size_t)n,
	         v->backward ? "To finish by %s: start by %s (50 %%), %s (80 "
	                       "%%), %s (95 %%)"
	                     : "Planned finish %s; P50 %s, P80 %s, P95 %s",
	         a, b, c, d);
	svg_text(o, 20, 52, "start", NULL, sub);
	svg_curve(o, v);
	svg_histogram(o, v);
	svg_tornado(o, v);
	svg_gantt(o, v);
	svg_notes(o, v);
	UKWD__OUT_LIT(o, "</svg>\n");
}

/* ------------------------------------------------------------------ */
/* HTML */

static void
html_cell(struct ukwd__out *o, const char *text)
{
	UKWD__OUT_LIT(o, "<td>");
	put_esc(o, text, ESC_XML);
	UKWD__OUT_LIT(o, "</td>");
}

static void
html_date_cell(struct ukwd__out *o, ukwd_date d)
{
	UKWD__OUT_LIT(o, "<td>");
	put_date(o, d);
	UKWD__OUT_LIT(o, "</td>");
}

static void
render_html(struct ukwd__out *o, const struct view *v)
{
	UKWD__OUT_LIT(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                 "<meta charset=\"utf-8\"/>\n<title>");
	put_esc(o, v->title, ESC_XML);
	UKWD__OUT_LIT(
	    o, "</title>\n<style>\n"
	       "body{font-family:sans-serif;margin:1em;color:#222}\n"
	       "table{border-collapse:collapse;margin:1em 0}\n"
	       "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}\n"
	       "td.n{text-align:right}\n"
	       ".PROPOSED{background:#fdf0dc}\n"
	       "</style>\n</head>\n<body>\n<h1>");
	put_esc(o, v->title, ESC_XML);
	UKWD__OUT_LIT(o, "</h1>\n<p>");
	put_long(o, (long)v->n);
	UKWD__OUT_LIT(o, " iterations, seed ");
	ukwd__out_printf(o, "%llu",
	                 (unsigned long long)ukwd_risk_seed(v->risk));
	UKWD__OUT_LIT(o, ", ");
	ukwd__out_puts(
	    o, ukwd_risk_distribution_name(ukwd_risk_distribution_of(v->risk)));
	UKWD__OUT_LIT(o, " draws. Planned finish ");
	put_date(o, v->planned_finish);
	UKWD__OUT_LIT(o, ".</p>\n");
	if (v->backward) {
		UKWD__OUT_LIT(o, "<p>");
		put_latest_starts(o, v);
		UKWD__OUT_LIT(o, ".</p>\n");
	}
	if (!v->backward || v->finish.min != v->finish.max) {
		UKWD__OUT_LIT(o, "<table>\n<tr><th>Finish</th><th>P10</th>"
		                 "<th>P50</th><th>P80</th><th>P90</th>"
		                 "<th>P95</th><th>mean</th><th>earliest</th>"
		                 "<th>latest</th></tr>\n<tr><td>project</td>");
		html_date_cell(o, v->finish.p10);
		html_date_cell(o, v->finish.p50);
		html_date_cell(o, v->finish.p80);
		html_date_cell(o, v->finish.p90);
		html_date_cell(o, v->finish.p95);
		html_date_cell(o, v->finish.mean);
		html_date_cell(o, v->finish.min);
		html_date_cell(o, v->finish.max);
		UKWD__OUT_LIT(o, "</tr>\n</table>\n");
	}
	if (v->backward) {
		UKWD__OUT_LIT(o, "<p>To finish by ");
		put_date(o, v->deadline);
		UKWD__OUT_LIT(o, ": start by ");
		put_date(o, v->latest[0]);
		UKWD__OUT_LIT(o, " for a 50 % chance, ");
		put_date(o, v->latest[1]);
		UKWD__OUT_LIT(o, " for 80 %, ");
		put_date(o, v->latest[2]);
		UKWD__OUT_LIT(o, " for 95 %. Starting on the planned ");
		put_date(o, v->planned_start);
		UKWD__OUT_LIT(o, ": a ");
		put_pct(o, v->deadline_p);
		UKWD__OUT_LIT(o, " chance of finishing by ");
		put_date(o, v->deadline);
		UKWD__OUT_LIT(o, ".</p>\n");
	} else if (v->has_deadline) {
		UKWD__OUT_LIT(o, "<p>Deadline ");
		put_date(o, v->deadline);
		UKWD__OUT_LIT(o, ": a ");
		put_pct(o, v->deadline_p);
		UKWD__OUT_LIT(o, " chance of meeting it.</p>\n");
	}
	render_svg(o, v, 1);
	UKWD__OUT_LIT(o, "<table>\n<tr><th>Task</th><th>P50 finish</th>"
	                 "<th>P80 finish</th><th>P95 finish</th>"
	                 "<th>Critical</th><th>Sensitivity</th>"
	                 "<th>Range o-m-p</th><th>Range source</th></tr>\n");
	for (size_t t = 0; t < v->ntasks; t++) {
		const struct task_view *tv = &v->task[t];
		const char *tag =
		    tv->has_estimate && tv->source ? tag_of(tv->source) : "";

		ukwd__out_printf(o, "<tr class=\"%s\">", tag);
		html_cell(o, tv->name);
		html_date_cell(o, tv->r.finish.p50);
		html_date_cell(o, tv->r.finish.p80);
		html_date_cell(o, tv->r.finish.p95);
		UKWD__OUT_LIT(o, "<td class=\"n\">");
		put_pct(o, tv->r.criticality);
		UKWD__OUT_LIT(o, "</td><td class=\"n\">");
		if (tv->r.varies)
			put_fixed(o, tv->r.sensitivity, 3);
		else
			UKWD__OUT_LIT(o, "-");
		UKWD__OUT_LIT(o, "</td><td>");
		if (tv->has_estimate)
			put_range(o, tv);
		else
			UKWD__OUT_LIT(o, "fixed");
		UKWD__OUT_LIT(o, "</td><td>");
		if (tv->has_estimate) {
			if (tv->source) {
				ukwd__out_puts(o, tag);
				if (*citation_of(tv->source)) {
					UKWD__OUT_LIT(o, ": ");
					put_esc(o, citation_of(tv->source),
					        ESC_XML);
				}
			} else {
				UKWD__OUT_LIT(o, "(no source given)");
			}
		}
		UKWD__OUT_LIT(o, "</td></tr>\n");
	}
	UKWD__OUT_LIT(o, "</table>\n");
	if (v->nbranch)
		UKWD__OUT_LIT(o, "<table>\n<tr><th>Branch</th><th>Task</th>"
		                 "<th>Chance a cycle</th><th>Cycles, at most"
		                 "</th><th>Working days a cycle</th><th>Taken"
		                 "</th><th>Source</th></tr>\n");
	for (size_t b = 0; b < v->nbranch; b++) {
		const ukwd_risk_branch *br = &v->branch[b].branch;

		ukwd__out_printf(o, "<tr class=\"%s\">",
		                 ukwd_source_tag_name(br->source.tag));
		html_cell(o, br->id ? br->id : "");
		html_cell(o, v->task[br->task].id);
		UKWD__OUT_LIT(o, "<td class=\"n\">");
		put_pct(o, br->probability);
		UKWD__OUT_LIT(o, "</td><td class=\"n\">");
		put_long(o, (long)br->max_cycles);
		UKWD__OUT_LIT(o, "</td><td class=\"n\">");
		put_long(o, br->duration);
		UKWD__OUT_LIT(o, "</td><td class=\"n\">");
		put_pct(o, v->branch[b].taken);
		UKWD__OUT_LIT(o, "</td><td>");
		ukwd__out_puts(o, ukwd_source_tag_name(br->source.tag));
		if (br->source.citation && *br->source.citation) {
			UKWD__OUT_LIT(o, ": ");
			put_esc(o, br->source.citation, ESC_XML);
		}
		UKWD__OUT_LIT(o, "</td></tr>\n");
	}
	if (v->nbranch)
		UKWD__OUT_LIT(o, "</table>\n");
	UKWD__OUT_LIT(o, "<p>");
	put_esc(o, proposed_note, ESC_XML);
	UKWD__OUT_LIT(o, "</p>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------------ */

const char *
ukwd_risk_format_name(ukwd_risk_format format)
{
	static const char *const names[] = {"text", "json", "csv", "svg",
	                                    "html"};

	return (unsigned)format < sizeof(names) / sizeof(names[0])
	           ? names[format]
	           : NULL;
}

static const size_t render_options_sizes[UKWD_RISK_RENDER_OPTIONS_VERSION] = {
    sizeof(ukwd_risk_render_options)};

int
ukwd_risk_render(const ukwd_risk *risk, const ukwd_schedule *sched,
                 ukwd_risk_format format,
                 const ukwd_risk_render_options *options, ukwd_sink write,
                 void *payload)
{
	static const ukwd_risk_render_options defaults =
	    UKWD_RISK_RENDER_OPTIONS_INIT;
	ukwd_risk_render_options opts = defaults;
	struct ukwd__out o;
	struct view v;
	int rc;

	if (!risk || !sched || !write || !ukwd_risk_format_name(format))
		return UKWD_EINVAL;
	if (options && ukwd__versioned_copy(&opts, &defaults, sizeof(opts),
	                                    options, render_options_sizes,
	                                    UKWD_RISK_RENDER_OPTIONS_VERSION))
		return UKWD_EINVAL;
	if (opts.tornado < 1 || opts.tornado > 100)
		return UKWD_EINVAL;
	rc = view_build(&v, risk, sched, &opts);
	if (rc)
		return rc;
	ukwd__out_init(&o, write, payload);
	ukwd__out_grow(&o);
	switch (format) {
	case UKWD_RISK_FORMAT_TEXT:
		render_text(&o, &v);
		break;
	case UKWD_RISK_FORMAT_JSON:
		render_json(&o, &v);
		break;
	case UKWD_RISK_FORMAT_CSV:
		render_csv(&o, &v);
		break;
	case UKWD_RISK_FORMAT_SVG:
		render_svg(&o, &v, 0);
		break;
	case UKWD_RISK_FORMAT_HTML:
		render_html(&o, &v);
		break;
	}
	rc = ukwd__out_finish(&o);
	ukwd__out_release(&o);
	view_free(&v);
	return rc;
}
