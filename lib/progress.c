/* Progress against a baseline (ukwd/progress.h): a baseline read from a
 * schedule's JSON or taken from a schedule, and a schedule compared with
 * it by task id. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/plan.h"
#include "ukwd/progress.h"
#include "ukwd/schedule.h"
#include "ukwd/workday.h"
#include "internal.h"
#include "json.h"

/* Nesting deeper than this in members the reader skips is refused: the
 * schedule JSON needs 4. */
#define MAX_DEPTH     512
/* Ids quoted in messages are cut to this many bytes. */
#define ID_IN_MESSAGE 40

struct ukwd_baseline {
	size_t ntasks, capacity;
	size_t *id_offset; /* into strings */
	ukwd_date *start, *finish;
	char *strings;
	size_t strings_len, strings_cap;
	int has_span;
	ukwd_date span_start, span_finish;
};

void
ukwd_baseline_free(ukwd_baseline *baseline)
{
	if (!baseline)
		return;
	ukwd__free(baseline->id_offset);
	ukwd__free(baseline->start);
	ukwd__free(baseline->finish);
	ukwd__free(baseline->strings);
	ukwd__free(baseline);
}

size_t
ukwd_baseline_task_count(const ukwd_baseline *baseline)
{
	return baseline ? baseline->ntasks : 0;
}

int
ukwd_baseline_span(ukwd_date *start, ukwd_date *finish,
                   const ukwd_baseline *baseline)
{
	if (!baseline)
		return UKWD_EINVAL;
	if (!baseline->has_span)
		return UKWD_ENOTFOUND;
	if (start)
		*start = baseline->span_start;
	if (finish)
		*finish = baseline->span_finish;
	return 0;
}

static const char *
baseline_id(const ukwd_baseline *b, size_t i)
{
	return b->strings + b->id_offset[i];
}

/* Append a task: 0 or UKWD_ENOMEM (nothing added). */
static int
baseline_add(ukwd_baseline *b, const char *id, size_t len, ukwd_date start,
             ukwd_date finish)
{
	if (b->ntasks == b->capacity) {
		size_t capacity = b->capacity;

		if (ukwd__grow((void **)&b->id_offset, &capacity, b->ntasks + 1,
		               sizeof(*b->id_offset), 64))
			return UKWD_ENOMEM;
		capacity = b->capacity;
		if (ukwd__grow((void **)&b->start, &capacity, b->ntasks + 1,
		               sizeof(*b->start), 64))
			return UKWD_ENOMEM;
		capacity = b->capacity;
		if (ukwd__grow((void **)&b->finish, &capacity, b->ntasks + 1,
		               sizeof(*b->finish), 64))
			return UKWD_ENOMEM;
		b->capacity = capacity;
	}
	if (len >= SIZE_MAX - b->strings_len ||
	    ukwd__grow((void **)&b->strings, &b->strings_cap,
	               b->strings_len + len + 1, 1, 4096))
		return UKWD_ENOMEM;
	memcpy(b->strings + b->strings_len, id, len);
	b->strings[b->strings_len + len] = '\0';
	b->id_offset[b->ntasks] = b->strings_len;
	b->start[b->ntasks] = start;
	b->finish[b->ntasks] = finish;
	b->strings_len += len + 1;
	b->ntasks++;
	return 0;
}

/* ---- reading JSON ------------------------------------------------ */

struct reader {
	struct ukwd__json lex;
	struct ukwd__json_buf key, text;
	ukwd_baseline *b;
};

/* A problem with what the JSON says (not its syntax), at `at`. */
static int shape_error(struct reader *r, const unsigned char *at,
                       const char *fmt, ...) UKWD__PRINTF(3, 4);

static int
shape_error(struct reader *r, const unsigned char *at, const char *fmt, ...)
{
	char message[UKWD_DIAG_MESSAGE_SIZE];
	int line, column;
	va_list ap;

	if (r->lex.rc)
		return r->lex.rc;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	ukwd__json_position(&r->lex, at, &line, &column);
	r->lex.rc = UKWD_EPARSE;
	ukwd__diag_set(r->lex.diag, UKWD_EPARSE, line, column,
	               "not a saved schedule: %s", message);
	return r->lex.rc;
}

static int
expect(struct reader *r, struct ukwd__json_token *t, enum ukwd__json_type type,
       const char *what)
{
	if (ukwd__json_next(&r->lex, t))
		return r->lex.rc;
	if (t->type != type)
		return ukwd__json_unexpected(&r->lex, t, what);
	return 0;
}

/* Read (check) the value whose first token is t, and nothing else. */
static int
skip_value(struct reader *r, struct ukwd__json_token *t, int depth)
{
	int object;

	switch (t->type) {
	case UKWD__JSON_STRING:
	case UKWD__JSON_NUMBER:
	case UKWD__JSON_TRUE:
	case UKWD__JSON_FALSE:
	case UKWD__JSON_NULL:
		return 0;
	case UKWD__JSON_BEGIN_OBJECT:
	case UKWD__JSON_BEGIN_ARRAY:
		break;
	default:
		return ukwd__json_unexpected(&r->lex, t, "a value");
	}
	if (depth >= MAX_DEPTH)
		return ukwd__json_error(&r->lex, t->start,
		                        "nested deeper than %d", MAX_DEPTH);
	object = t->type == UKWD__JSON_BEGIN_OBJECT;
	if (ukwd__json_next(&r->lex, t))
		return r->lex.rc;
	if (t->type == (object ? UKWD__JSON_END_OBJECT : UKWD__JSON_END_ARRAY))
		return 0;
	for (;;) {
		if (object) {
			if (t->type != UKWD__JSON_STRING)
				return ukwd__json_unexpected(&r->lex, t,
				                             "a member name");
			if (expect(r, t, UKWD__JSON_COLON, "':'") ||
			    ukwd__json_next(&r->lex, t))
				return r->lex.rc;
		}
		if (skip_value(r, t, depth + 1) || ukwd__json_next(&r->lex, t))
			return r->lex.rc;
		if (t->type ==
		    (object ? UKWD__JSON_END_OBJECT : UKWD__JSON_END_ARRAY))
			return 0;
		if (t->type != UKWD__JSON_COMMA)
			return ukwd__json_unexpected(
			    &r->lex, t, object ? "',' or '}'" : "',' or ']'");
		if (ukwd__json_next(&r->lex, t))
			return r->lex.rc;
	}
}

/* Start an object (t is its '{'): 0 with t the first member's name or
 * '}'. Then member() reads each name and its ':'. */
static int
member_next(struct reader *r, struct ukwd__json_token *t, int first)
{
	if (ukwd__json_next(&r->lex, t))
		return r->lex.rc;
	if (t->type == UKWD__JSON_END_OBJECT)
		return 0;
	if (!first) {
		if (t->type != UKWD__JSON_COMMA)
			return ukwd__json_unexpected(&r->lex, t, "',' or '}'");
		if (ukwd__json_next(&r->lex, t))
			return r->lex.rc;
	}
	if (t->type != UKWD__JSON_STRING)
		return ukwd__json_unexpected(&r->lex, t, "a member name");
	if (ukwd__json_string(&r->lex, t, &r->key))
		return r->lex.rc;
	return expect(r, &(struct ukwd__json_token){0}, UKWD__JSON_COLON,
	              "':'");
}

/* A date member's value: t is its token. */
static int
date_value(struct reader *r, struct ukwd__json_token *t, const char *name,
           ukwd_date *out)
{
	ukwd_diag inner;
	int rc;

	if (t->type != UKWD__JSON_STRING)
		return shape_error(r, t->start, "'%s' must be a date in quotes",
		                   name);
	if (ukwd__json_string(&r->lex, t, &r->text))
		return r->lex.rc;
	rc = ukwd_date_parse(out, r->text.data, &inner);
	if (rc) {
		int line, column;

		if (rc != UKWD_ERANGE)
			return shape_error(r, t->start, "'%s': %s", name,
			                   inner.message);
		ukwd__json_position(&r->lex, t->start, &line, &column);
		r->lex.rc = UKWD_ERANGE;
		return ukwd__diag_set(r->lex.diag, UKWD_ERANGE, line, column,
		                      "'%s': %s", name, inner.message);
	}
	return 0;
}

static int
read_task(struct reader *r, struct ukwd__json_token *t, size_t k)
{
	const unsigned char *at = t->start;
	ukwd_date dates[2] = {0, 0};
	int have[3] = {0, 0, 0}, first = 1;
	char *id = NULL;
	size_t id_len = 0;
	int rc;

	if (t->type == UKWD__JSON_EOF || t->type == UKWD__JSON_END_OBJECT ||
	    t->type == UKWD__JSON_END_ARRAY || t->type == UKWD__JSON_COLON ||
	    t->type == UKWD__JSON_COMMA)
		return ukwd__json_unexpected(&r->lex, t, "a value");
	if (t->type != UKWD__JSON_BEGIN_OBJECT)
		return shape_error(
		    r, t->start, "task %zu of 'tasks' is not an object", k + 1);
	for (;; first = 0) {
		if (member_next(r, t, first))
			return r->lex.rc;
		if (t->type == UKWD__JSON_END_OBJECT)
			break;
		if (ukwd__json_next(&r->lex, t))
			return r->lex.rc;
		if (strcmp(r->key.data, "id") == 0) {
			if (t->type != UKWD__JSON_STRING)
				return shape_error(r, t->start,
				                   "'id' must be a string");
			if (ukwd__json_string(&r->lex, t, &r->text))
				return r->lex.rc;
			ukwd__free(id);
			id_len = r->text.len;
			id = ukwd__malloc(id_len + 1);
			if (!id)
				return ukwd__json_oom(&r->lex);
			memcpy(id, r->text.data, id_len + 1);
			have[0] = 1;
		} else if (strcmp(r->key.data, "early_start") == 0 ||
		           strcmp(r->key.data, "early_finish") == 0) {
			int f = r->key.data[6] == 'f';

			if (date_value(r, t, f ? "early_finish" : "early_start",
			               &dates[f])) {
				ukwd__free(id);
				return r->lex.rc;
			}
			have[1 + f] = 1;
		} else if (skip_value(r, t, 2)) {
			ukwd__free(id);
			return r->lex.rc;
		}
	}
	if (!have[0] || !have[1] || !have[2]) {
		ukwd__free(id);
		return shape_error(r, at, "task %zu of 'tasks' has no '%s'",
		                   k + 1,
		                   !have[0]   ? "id"
		                   : !have[1] ? "early_start"
		                              : "early_finish");
	}
	if (!*id || dates[1] < dates[0]) {
		rc =
		    shape_error(r, at,
		                !*id ? "task %zu of 'tasks' has an empty id"
		                     : "task %zu of 'tasks' finishes before it "
		                       "starts",
		                k + 1);
		ukwd__free(id);
		return rc;
	}
	rc = baseline_add(r->b, id, id_len, dates[0], dates[1]);
	ukwd__free(id);
	return rc ? ukwd__json_oom(&r->lex) : 0;
}

static int
read_tasks(struct reader *r, struct ukwd__json_token *t)
{
	size_t k = 0;

	if (t->type != UKWD__JSON_BEGIN_ARRAY)
		return shape_error(r, t->start, "'tasks' is not an array");
	if (ukwd__json_next(&r->lex, t))
		return r->lex.rc;
	if (t->type == UKWD__JSON_END_ARRAY)
		return 0;
	for (;; k++) {
		if (read_task(r, t, k) || ukwd__json_next(&r->lex, t))
			return r->lex.rc;
		if (t->type == UKWD__JSON_END_ARRAY)
			return 0;
		if (t->type != UKWD__JSON_COMMA)
			return ukwd__json_unexpected(&r->lex, t, "',' or ']'");
		if (ukwd__json_next(&r->lex, t))
			return r->lex.rc;
	}
}

static int
read_project(struct reader *r, struct ukwd__json_token *t)
{
	const unsigned char *at = t->start;
	int have[2] = {0, 0}, first = 1;
	ukwd_date dates[2] = {0, 0};

	if (t->type != UKWD__JSON_BEGIN_OBJECT)
		return shape_error(r, t->start, "'project' is not an object");
	for (;; first = 0) {
		int f;

		if (member_next(r, t, first))
			return r->lex.rc;
		if (t->type == UKWD__JSON_END_OBJECT)
			break;
		if (ukwd__json_next(&r->lex, t))
			return r->lex.rc;
		f = strcmp(r->key.data, "finish") == 0;
		if (f || strcmp(r->key.data, "start") == 0) {
			if (date_value(r, t, f ? "finish" : "start", &dates[f]))
				return r->lex.rc;
			have[f] = 1;
		} else if (skip_value(r, t, 2)) {
			return r->lex.rc;
		}
	}
	if (!have[0] || !have[1])
		return shape_error(r, at, "'project' has no '%s'",
		                   have[0] ? "finish" : "start");
	r->b->has_span = 1;
	r->b->span_start = dates[0];
	r->b->span_finish = dates[1];
	return 0;
}

static int
read_top(struct reader *r)
{
	struct ukwd__json_token t;
	const unsigned char *at;
	int have_version = 0, have_tasks = 0, first = 1;

	if (ukwd__json_next(&r->lex, &t))
		return r->lex.rc;
	at = t.start;
	if (t.type != UKWD__JSON_BEGIN_OBJECT)
		return t.type == UKWD__JSON_EOF
		           ? shape_error(r, t.start, "the text is empty")
		           : shape_error(r, t.start,
		                         "the text is not a JSON "
		                         "object");
	for (;; first = 0) {
		if (member_next(r, &t, first))
			return r->lex.rc;
		if (t.type == UKWD__JSON_END_OBJECT)
			break;
		if (ukwd__json_next(&r->lex, &t))
			return r->lex.rc;
		if (strcmp(r->key.data, "format_version") == 0) {
			if (t.type != UKWD__JSON_NUMBER || t.last != t.start ||
			    *t.start != '1')
				return shape_error(
				    r, t.start,
				    "format_version must be 1 (this release "
				    "reads no other)");
			have_version = 1;
		} else if (strcmp(r->key.data, "tasks") == 0) {
			if (have_tasks)
				return shape_error(r, t.start,
				                   "'tasks' is given twice");
			if (read_tasks(r, &t))
				return r->lex.rc;
			have_tasks = 1;
		} else if (strcmp(r->key.data, "project") == 0) {
			if (read_project(r, &t))
				return r->lex.rc;
		} else if (skip_value(r, &t, 1)) {
			return r->lex.rc;
		}
	}
	if (ukwd__json_next(&r->lex, &t))
		return r->lex.rc;
	if (t.type != UKWD__JSON_EOF)
		return ukwd__json_unexpected(&r->lex, &t,
		                             "the end of the text");
	if (!have_version || !have_tasks)
		return shape_error(r, at,
		                   "no '%s' (is it ukwd-plan --format "
		                   "json output?)",
		                   have_version ? "tasks" : "format_version");
	return 0;
}

int
ukwd_baseline_read_json(ukwd_baseline **out, const char *data, size_t size,
                        const char *source_name, ukwd_diag *diag)
{
	struct reader r;
	int rc;

	ukwd__diag_clear(diag);
	if (!out || (!data && size))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no baseline or text given (NULL)");
	memset(&r, 0, sizeof(r));
	r.lex.start = r.lex.p = (const unsigned char *)(data ? data : "");
	r.lex.end = r.lex.start + size;
	r.lex.diag = diag;
	r.lex.what = "a baseline";
	r.b = ukwd__calloc(1, sizeof(*r.b));
	if (!r.b)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0,
		                      "out of memory reading a baseline");
	rc = read_top(&r);
	ukwd__free(r.key.data);
	ukwd__free(r.text.data);
	if (rc) {
		ukwd_baseline_free(r.b);
		if (diag && source_name)
			snprintf(diag->source, sizeof(diag->source), "%s",
			         source_name);
		return rc;
	}
	*out = r.b;
	return 0;
}

int
ukwd_baseline_from_schedule(ukwd_baseline **out, const ukwd_schedule *sched)
{
	const ukwd_plan *plan;
	ukwd_baseline *b;
	size_t n;

	if (!out || !sched || ukwd_schedule_span(NULL, NULL, NULL, sched))
		return UKWD_EINVAL;
	plan = ukwd_schedule_plan(sched);
	n = ukwd_schedule_task_count(sched);
	b = ukwd__calloc(1, sizeof(*b));
	if (!b)
		return UKWD_ENOMEM;
	for (size_t t = 0; t < n; t++) {
		const char *id = ukwd_plan_task_id(plan, t);
		ukwd_scheduled_task row;

		if (ukwd_schedule_task(&row, sched, t) ||
		    baseline_add(b, id, strlen(id), row.early_start,
		                 row.early_finish)) {
			ukwd_baseline_free(b);
			return UKWD_ENOMEM;
		}
	}
	b->has_span = ukwd_schedule_span(&b->span_start, &b->span_finish, NULL,
	                                 sched) == 0;
	*out = b;
	return 0;
}

/* ---- comparing ---------------------------------------------------- */

struct ukwd_progress {
	const ukwd_schedule *sched;
	const ukwd_baseline *baseline;
	size_t ntasks;
	size_t *base_of; /* per task: baseline index + 1, 0 for a new task */
	int32_t *start_slip, *finish_slip, *added;
	size_t *movers, nmovers;
	size_t *removed, nremoved;
	int has_variance;
	int32_t variance;
};

void
ukwd_progress_free(ukwd_progress *p)
{
	if (!p)
		return;
	ukwd__free(p->base_of);
	ukwd__free(p->start_slip);
	ukwd__free(p->movers);
	ukwd__free(p->removed);
	ukwd__free(p);
}

/* Working days from a to b: negative when b is earlier. */
static int
slip(int32_t *out, const ukwd_calendar *cal, ukwd_date a, ukwd_date b)
{
	int32_t n = 0;
	int rc = b >= a ? ukwd_workday_count(&n, cal, a, b)
	                : ukwd_workday_count(&n, cal, b, a);

	*out = b >= a ? n : -n;
	return rc;
}

static int
range_error(ukwd_diag *diag, const char *id, const char *what, ukwd_date d)
{
	char day[UKWD_DATE_STRLEN];

	ukwd_date_format(day, sizeof(day), d);
	return ukwd__diag_set(
	    diag, UKWD_ERANGE, 0, 0,
	    "the baseline's %s of task '%.*s', %s, is outside "
	    "the schedule's calendar",
	    what, ID_IN_MESSAGE, id, day);
}

/* The tasks that moved the finish (see progress.h). */
static void
find_movers(ukwd_progress *p)
{
	size_t npaths = ukwd_schedule_critical_path_count(p->sched);

	for (size_t k = 0; k < npaths; k++) {
		const size_t *tasks;
		size_t count;
		int64_t before = 0;

		if (ukwd_schedule_critical_path(&tasks, &count, p->sched, k))
			continue;
		for (size_t i = 0; i < count; i++) {
			size_t t = tasks[i];
			int64_t added;

			if (p->base_of[t]) {
				added = (int64_t)p->finish_slip[t] - before;
				before = p->finish_slip[t];
			} else {
				ukwd_scheduled_task row;

				ukwd_schedule_task(&row, p->sched, t);
				added = row.duration;
				before += added;
			}
			if (added <= 0)
				continue;
			if (added > INT32_MAX)
				added = INT32_MAX;
			if (p->added[t] == 0)
				p->movers[p->nmovers++] = t;
			if (added > p->added[t])
				p->added[t] = (int32_t)added;
		}
	}
}

int
ukwd_progress_new(ukwd_progress **out, const ukwd_schedule *sched,
                  const ukwd_baseline *baseline, ukwd_diag *diag)
{
	const ukwd_plan *plan;
	const ukwd_calendar *cal;
	ukwd_progress *p;
	ukwd_date finish;
	int rc = 0;

	ukwd__diag_clear(diag);
	if (!out || !sched || !baseline ||
	    ukwd_schedule_span(NULL, &finish, NULL, sched))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no comparison, schedule or baseline "
		                      "given (NULL), or the plan has changed "
		                      "since it was scheduled");
	plan = ukwd_schedule_plan(sched);
	cal = ukwd_schedule_calendar(sched);
	p = ukwd__calloc(1, sizeof(*p));
	if (!p)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	p->sched = sched;
	p->baseline = baseline;
	p->ntasks = ukwd_schedule_task_count(sched);
	p->base_of = ukwd__calloc(p->ntasks + 1, sizeof(*p->base_of));
	p->movers = ukwd__calloc(p->ntasks + 1, sizeof(*p->movers));
	p->removed = ukwd__calloc(baseline->ntasks + 1, sizeof(*p->removed));
	/* start_slip, finish_slip and added in one block. */
	p->start_slip = ukwd__calloc(3 * (p->ntasks + 1), sizeof(int32_t));
	if (!p->base_of || !p->movers || !p->removed || !p->start_slip) {
		ukwd_progress_free(p);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	p->finish_slip = p->start_slip + p->ntasks + 1;
	p->added = p->finish_slip + p->ntasks + 1;
	for (size_t i = 0; i < baseline->ntasks; i++) {
		const char *id = baseline_id(baseline, i);
		size_t t;

		if (ukwd_plan_find(&t, plan, id) != 0) {
			p->removed[p->nremoved++] = i;
			continue;
		}
		if (p->base_of[t]) {
			ukwd_progress_free(p);
			return ukwd__diag_set(
			    diag, UKWD_EINVAL, 0, 0,
			    "the baseline has task '%.*s' twice", ID_IN_MESSAGE,
			    id);
		}
		p->base_of[t] = i + 1;
	}
	for (size_t t = 0; rc == 0 && t < p->ntasks; t++) {
		ukwd_scheduled_task row;
		size_t i = p->base_of[t];

		if (!i)
			continue;
		ukwd_schedule_task(&row, sched, t);
		if (slip(&p->start_slip[t], cal, baseline->start[i - 1],
		         row.early_start))
			rc = range_error(diag, baseline_id(baseline, i - 1),
			                 "early start", baseline->start[i - 1]);
		else if (slip(&p->finish_slip[t], cal, baseline->finish[i - 1],
		              row.early_finish))
			rc = range_error(diag, baseline_id(baseline, i - 1),
			                 "early finish",
			                 baseline->finish[i - 1]);
	}
	if (rc == 0 && baseline->has_span) {
		p->has_variance = 1;
		if (slip(&p->variance, cal, baseline->span_finish, finish)) {
			char day[UKWD_DATE_STRLEN];

			ukwd_date_format(day, sizeof(day),
			                 baseline->span_finish);
			rc =
			    ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
			                   "the baseline's project finish, %s, "
			                   "is outside the schedule's calendar",
			                   day);
		}
	}
	if (rc) {
		ukwd_progress_free(p);
		return rc;
	}
	find_movers(p);
	*out = p;
	return 0;
}

const ukwd_schedule *
ukwd_progress_schedule(const ukwd_progress *p)
{
	return p ? p->sched : NULL;
}

int
ukwd_progress_task(ukwd_task_slip *out, const ukwd_progress *p, size_t task)
{
	size_t i;

	if (!out || !p)
		return UKWD_EINVAL;
	if (task >= p->ntasks)
		return UKWD_ENOTFOUND;
	memset(out, 0, sizeof(*out));
	i = p->base_of[task];
	out->added = p->added[task];
	if (!i)
		return 0;
	out->in_baseline = 1;
	out->baseline_start = p->baseline->start[i - 1];
	out->baseline_finish = p->baseline->finish[i - 1];
	out->start_slip = p->start_slip[task];
	out->finish_slip = p->finish_slip[task];
	return 0;
}

int
ukwd_progress_finish_variance(int32_t *working_days, ukwd_date *baseline_finish,
                              const ukwd_progress *p)
{
	if (!working_days || !p)
		return UKWD_EINVAL;
	if (!p->has_variance)
		return UKWD_ENOTFOUND;
	*working_days = p->variance;
	if (baseline_finish)
		*baseline_finish = p->baseline->span_finish;
	return 0;
}

int
ukwd_progress_finish_movers(const size_t **tasks, size_t *count,
                            const ukwd_progress *p)
{
	if (!count || !p)
		return UKWD_EINVAL;
	if (tasks)
		*tasks = p->movers;
	*count = p->nmovers;
	return 0;
}

size_t
ukwd_progress_removed_count(const ukwd_progress *p)
{
	return p ? p->nremoved : 0;
}

const char *
ukwd_progress_removed_id(const ukwd_progress *p, size_t k)
{
	if (!p || k >= p->nremoved)
		return NULL;
	return baseline_id(p->baseline, p->removed[k]);
}
