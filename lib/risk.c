/* Schedule risk: N reschedules of a plan with durations drawn from the
 * three-point estimates, in working-day index space.
 *
 * The passes are this file's own rather than a hook in schedule.c: a
 * Monte Carlo iteration needs only positions, the early milestone kinds
 * (which decide a milestone's printed day, and so the project finish) and
 * the late ones (for the range check), not the drivers, free float or
 * paths; and the date-derived bounds (constraint dates as indices) do not
 * change between iterations, so they are worked out once here instead of
 * once per task and pass. The topological order and the edges come from
 * the plan module (ukwd__graph_build), computed once. The rules are
 * schedule.c's, rule for rule; tests/test-risk.c checks every task of
 * random networks against ukwd_schedule_new().
 *
 * Determinism: iteration i has a generator of its own, seeded from
 * (seed, i), so which thread runs it does not matter; the totals are
 * integer counts, added up in any order. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/risk.h"
#include "ukwd/workday.h"
#include "plan-private.h"
#include "risk-private.h"
#include "internal.h"

#define ID_IN_MESSAGE 40

/* ------------------------------------------------------------------ */
/* The generator: xoshiro256** per iteration, seeded through splitmix64's
 * output function. */

struct rng {
	uint64_t s[4];
};

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static void
rng_seed(struct rng *r, uint64_t seed, uint64_t iteration)
{
	uint64_t base = seed + mix64(iteration + UINT64_C(0x243F6A8885A308D3));

	for (int k = 0; k < 4; k++)
		r->s[k] = mix64(base + (uint64_t)(k + 1) *
		                           UINT64_C(0x9E3779B97F4A7C15));
	if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3]))
		r->s[0] = 1;
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* [0, 1), 53 bits. */
static inline double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* (0, 1): for log(). */
static inline double
rng_open_unit(struct rng *r)
{
	return ((double)(rng_next(r) >> 11) + 0.5) * 0x1.0p-53;
}

/* ------------------------------------------------------------------ */
/* Three-point estimates and their draws */

struct estimate {
	uint32_t task;
	int32_t o, m, p;
	/* triangular: (p - o)(m - o), (p - o)(p - m), (m - o) / (p - o) */
	double left, right, mode;
	/* PERT: Marsaglia and Tsang's d and c for the shapes a and b */
	double da, ca, db, cb;
};

static void
estimate_prepare(struct estimate *e)
{
	double w = (double)e->p - e->o;

	if (e->p == e->o)
		return;
	e->left = w * ((double)e->m - e->o);
	e->right = w * ((double)e->p - e->m);
	e->mode = ((double)e->m - e->o) / w;
	e->da = 1.0 + 4.0 * ((double)e->m - e->o) / w - 1.0 / 3.0;
	e->db = 1.0 + 4.0 * ((double)e->p - e->m) / w - 1.0 / 3.0;
	e->ca = 1.0 / sqrt(9.0 * e->da);
	e->cb = 1.0 / sqrt(9.0 * e->db);
}

/* A standard normal: Marsaglia's polar method, one of the pair. */
static double
rng_normal(struct rng *r)
{
	double u, v, s;

	do {
		u = 2.0 * rng_unit(r) - 1.0;
		v = 2.0 * rng_unit(r) - 1.0;
		s = u * u + v * v;
	} while (s >= 1.0 || s == 0.0);
	return u * sqrt(-2.0 * log(s) / s);
}

/* Gamma(shape d + 1/3, 1), shape >= 1: Marsaglia and Tsang (2000). */
static double
rng_gamma(struct rng *r, double d, double c)
{
	for (;;) {
		double x, v, u;

		do {
			x = rng_normal(r);
			v = 1.0 + c * x;
		} while (v <= 0.0);
		v = v * v * v;
		u = rng_open_unit(r);
		if (u < 1.0 - 0.0331 * (x * x) * (x * x))
			return d * v;
		if (log(u) < 0.5 * x * x + d * (1.0 - v + log(v)))
			return d * v;
	}
}

/* A whole number of working days: the continuous draw rounded to the
 * nearest, halves up, within [o, p]. Equal estimates draw nothing. */
static int32_t
draw(const struct estimate *e, struct rng *r, ukwd_risk_distribution dist)
{
	double x;
	int32_t d;

	if (e->p == e->o)
		return e->o;
	if (dist == UKWD_RISK_PERT) {
		double a = rng_gamma(r, e->da, e->ca),
		       b = rng_gamma(r, e->db, e->cb);

		x = e->o + ((double)e->p - e->o) * (a / (a + b));
	} else {
		double u = rng_unit(r);

		x = u < e->mode ? e->o + sqrt(u * e->left)
		                : e->p - sqrt((1.0 - u) * e->right);
	}
	/* x >= 0, so truncation is floor. */
	d = (int32_t)(x + 0.5);
	return d < e->o ? e->o : d > e->p ? e->p : d;
}

/* ------------------------------------------------------------------ */
/* Histograms by working day: count[j] for the value lo + j. They grow as
 * values come, so memory follows the spread of the values, not N. */

struct hist {
	int32_t lo;
	uint32_t len;
	uint32_t *count;
};

static int
hist_grow(struct hist *h, int32_t v)
{
	int64_t lo = h->lo, hi = (int64_t)h->lo + h->len, slack;
	uint32_t *count;

	slack = h->len / 2 > 8 ? h->len / 2 : 8;
	if (h->len == 0) {
		lo = (int64_t)v - slack;
		hi = (int64_t)v + slack;
	} else if (v < lo) {
		lo = (int64_t)v - slack;
	} else {
		hi = (int64_t)v + 1 + slack;
	}
	if (hi - lo > UINT32_MAX)
		return UKWD_ENOMEM;
	count = ukwd__calloc((size_t)(hi - lo), sizeof(*count));
	if (!count)
		return UKWD_ENOMEM;
	if (h->len)
		memcpy(count + (h->lo - lo), h->count, h->len * sizeof(*count));
	ukwd__free(h->count);
	h->count = count;
	h->lo = (int32_t)lo;
	h->len = (uint32_t)(hi - lo);
	h->count[v - h->lo]++;
	return 0;
}

static inline int
hist_add(struct hist *h, int32_t v)
{
	uint32_t j = (uint32_t)((int64_t)v - h->lo);

	if (j < h->len) {
		h->count[j]++;
		return 0;
	}
	return hist_grow(h, v);
}

/* dst += src; dst may be empty. */
static int
hist_merge(struct hist *dst, const struct hist *src)
{
	int64_t lo, hi;
	uint32_t *count;

	if (!src->len)
		return 0;
	if (!dst->len) {
		lo = src->lo;
		hi = (int64_t)src->lo + src->len;
	} else {
		lo = dst->lo < src->lo ? dst->lo : src->lo;
		hi = (int64_t)dst->lo + dst->len;
		if ((int64_t)src->lo + src->len > hi)
			hi = (int64_t)src->lo + src->len;
	}
	if (dst->len && lo == dst->lo && hi == (int64_t)dst->lo + dst->len) {
		count = dst->count;
	} else {
		count = ukwd__calloc((size_t)(hi - lo), sizeof(*count));
		if (!count)
			return UKWD_ENOMEM;
		if (dst->len)
			memcpy(count + (dst->lo - lo), dst->count,
			       dst->len * sizeof(*count));
		ukwd__free(dst->count);
		dst->count = count;
		dst->lo = (int32_t)lo;
		dst->len = (uint32_t)(hi - lo);
	}
	for (uint32_t j = 0; j < src->len; j++)
		count[src->lo - lo + j] += src->count[j];
	return 0;
}

/* Cut the empty ends off (the growth's slack). */
static void
hist_trim(struct hist *h)
{
	uint32_t first = 0, end = h->len;

	while (first < end && h->count[first] == 0)
		first++;
	while (end > first && h->count[end - 1] == 0)
		end--;
	if (first)
		memmove(h->count, h->count + first,
		        (end - first) * sizeof(*h->count));
	h->lo += (int32_t)first;
	h->len = end - first;
}

static void
hist_free(struct hist *h)
{
	ukwd__free(h->count);
	memset(h, 0, sizeof(*h));
}

/* ------------------------------------------------------------------ */
/* The network, fixed across iterations */

/* A task's date bounds as working-day numbers (see schedule.c's
 * task_bounds(), whose rules these are), for the few tasks with dates. */
enum {
	B_ACTUAL_START = 1u,  /* s fixed at start_day */
	B_ACTUAL_FINISH = 2u, /* with B_ACTUAL_START: e at finish_day + 1 */
	B_FIX_FINISH = 4u,    /* e fixed at finish_day + 1, s = e - d */
	B_MUST_START = 8u,    /* s fixed at start_day */
	B_SNET = 16u,         /* s >= snet */
	B_END = 32u,          /* e <= end (finish-no-later-than, deadline) */
	/* From a status date (schedule.c's task_bounds()): */
	B_DONE = 64u,         /* an actual finish: the plan's duration */
	B_IN_PROGRESS = 128u, /* with B_ACTUAL_START: e = resume + work left */
	B_LEFT_GIVEN = 256u   /* with B_IN_PROGRESS: the work left is left */
};

/* Tasks that no draw moves (see risk.h, "Status date"). */
#define B_INERT (B_DONE | B_LEFT_GIVEN)

struct bound {
	unsigned int flags;
	int32_t start_day, finish_day, snet, end;
	int32_t planned;       /* B_DONE: the plan's duration */
	int32_t resume, spent; /* B_IN_PROGRESS: where the work left starts,
	                        * the working days from the actual start to
	                        * the status date */
	int32_t left;          /* B_LEFT_GIVEN: the remaining work */
};

/* An edge into a task: its predecessor, and lag << 2 | link type. */
struct edge {
	uint32_t pred;
	int32_t lag_type;
};

struct net {
	size_t ntasks, nest;
	uint32_t *order;
	uint32_t *start; /* edges into t: edge[start[t] .. start[t + 1]) */
	struct edge *edge;
	int32_t *duration;   /* the plan's */
	uint32_t *bound_of;  /* 1-based into bound, 0 for none */
	struct bound *bound; /* tasks with dates */
	struct estimate *est;
	ukwd_schedule_direction direction;
	int32_t total;        /* working days in the calendar */
	int32_t project_day;  /* the start (forward) or finish index */
	int has_deadline;     /* the plan's project deadline */
	int32_t deadline_end; /* its index + 1 */
	int has_status;       /* the schedule's status date */
	int32_t status_next;  /* the first working day after it */
	ukwd_risk_distribution dist;
	/* Branches, drawn after the estimates in the order given. */
	size_t nbranch;
	struct net_branch *branch;
};

struct net_branch {
	uint32_t task;
	uint32_t max_cycles;
	int32_t duration;
	double probability;
};

static void
net_free(struct net *n)
{
	ukwd__free(n->order);
	ukwd__free(n->start);
	ukwd__free(n->edge);
	ukwd__free(n->duration);
	ukwd__free(n->bound_of);
	ukwd__free(n->bound);
	ukwd__free(n->est);
	ukwd__free(n->branch);
}

/* The number of d rolled forward; the number of d rolled back (-1 when
 * no working day precedes it). d is in the calendar's range. */
static int32_t
index_after(const ukwd_calendar *cal, ukwd_date first, ukwd_date d)
{
	int32_t n = 0;

	ukwd_workday_count(&n, cal, first, d);
	return n;
}

static int32_t
index_before(const ukwd_calendar *cal, ukwd_date first, ukwd_date d)
{
	int32_t n = 0;

	ukwd_workday_count(&n, cal, first, d + 1);
	return n - 1;
}

#define HAS(extra, type) (((extra)->has >> (type)) & 1u)

/* Whether a task has a branch. */
static int
has_branch(const ukwd_risk_options *opts, size_t t)
{
	for (size_t k = 0; k < opts->branch_count; k++)
		if (opts->branches[k].task == t)
			return 1;
	return 0;
}

/* A task with a branch but no estimate gets an estimate of its own
 * duration (o = m = p, which draws nothing), so that its duration is
 * reset, histogrammed and ranked like any estimated task's. */
static int
net_build(struct net *n, const ukwd_plan *plan, const ukwd_calendar *cal,
          const ukwd_date *status, const ukwd_risk_options *opts,
          ukwd_diag *diag)
{
	struct ukwd__graph g;
	const uint32_t *cycle;
	uint32_t *scratch;
	size_t length, nbound = 0, nest = 0, t;
	ukwd_date first, last;
	int rc;

	ukwd_calendar_range(cal, &first, &last);
	n->ntasks = plan->ntasks;
	if (status) {
		/* The schedule checked it against the calendar. */
		n->has_status = 1;
		n->status_next = index_before(cal, first, *status) + 1;
	}
	scratch = ukwd__malloc(plan->ntasks * sizeof(*scratch));
	if (!scratch)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	rc = ukwd__graph_build(&g, plan, scratch, &cycle, &length, diag);
	ukwd__free(scratch);
	if (rc) {
		if (rc != UKWD_ENOMEM)
			ukwd__graph_free(&g);
		return rc;
	}
	n->order = g.order;
	g.order = NULL;
	for (t = 0; t < plan->ntasks; t++) {
		const struct ukwd__task_extra *x = ukwd__task_extra(plan, t);

		nbound += x && x->has;
		nest += (x && x->optimistic >= 0) || has_branch(opts, t);
	}
	n->start = ukwd__malloc((plan->ntasks + 1) * sizeof(*n->start));
	n->edge = ukwd__malloc(plan->nlinks * sizeof(*n->edge));
	n->duration = ukwd__malloc(plan->ntasks * sizeof(*n->duration));
	n->bound_of = ukwd__calloc(plan->ntasks, sizeof(*n->bound_of));
	n->bound = ukwd__calloc(nbound, sizeof(*n->bound));
	n->est = ukwd__calloc(nest, sizeof(*n->est));
	n->branch = ukwd__calloc(opts->branch_count ? opts->branch_count : 1,
	                         sizeof(*n->branch));
	if (!n->start || !n->edge || !n->duration || !n->bound_of ||
	    !n->bound || !n->est || !n->branch) {
		ukwd__graph_free(&g);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	memcpy(n->start, g.start, (plan->ntasks + 1) * sizeof(*n->start));
	for (uint32_t i = 0; i < plan->nlinks; i++) {
		struct ukwd__edge e = ukwd__graph_edge(&g, i);

		n->edge[i].pred = e.predecessor;
		n->edge[i].lag_type =
		    (int32_t)((uint32_t)e.lag << 2 | (e.link & 3u));
	}
	ukwd__graph_free(&g);
	nbound = 0;
	for (t = 0; t < plan->ntasks; t++) {
		const struct ukwd__task_extra *x = ukwd__task_extra(plan, t);

		n->duration[t] = plan->tasks[t].duration;
		if (x && x->optimistic >= 0) {
			struct estimate *e = &n->est[n->nest++];

			e->task = (uint32_t)t;
			e->o = x->optimistic;
			e->m = x->most_likely;
			e->p = x->pessimistic;
			estimate_prepare(e);
		} else if (has_branch(opts, t)) {
			struct estimate *e = &n->est[n->nest++];

			e->task = (uint32_t)t;
			e->o = e->m = e->p = plan->tasks[t].duration;
		}
		if (x && x->has) {
			struct bound *b = &n->bound[nbound++];
			const ukwd_date *date = x->date;

			n->bound_of[t] = (uint32_t)nbound;
			/* The schedule made from this plan checked every
			 * date against the calendar. */
			if (HAS(x, UKWD_CONSTRAINT_ACTUAL_START)) {
				b->flags |= B_ACTUAL_START;
				b->start_day = index_after(
				    cal, first,
				    date[UKWD_CONSTRAINT_ACTUAL_START]);
				if (HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH)) {
					b->flags |= B_ACTUAL_FINISH;
					b->finish_day = index_before(
					    cal, first,
					    date[UKWD_CONSTRAINT_ACTUAL_FINISH]);
				} else if (n->has_status) {
					/* In progress: an actual start is on
					 * or before the status date. */
					b->flags |= B_IN_PROGRESS;
					b->spent =
					    n->status_next - b->start_day;
					b->resume =
					    b->start_day > n->status_next
					        ? b->start_day
					        : n->status_next;
					if (x->remaining >= 0) {
						b->flags |= B_LEFT_GIVEN;
						b->left = x->remaining;
					}
				}
			} else if (HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH) ||
			           HAS(x, UKWD_CONSTRAINT_MUST_FINISH_ON)) {
				b->flags |= B_FIX_FINISH;
				b->finish_day = index_before(
				    cal, first,
				    date[HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH)
				             ? UKWD_CONSTRAINT_ACTUAL_FINISH
				             : UKWD_CONSTRAINT_MUST_FINISH_ON]);
			} else if (HAS(x, UKWD_CONSTRAINT_MUST_START_ON)) {
				b->flags |= B_MUST_START;
				b->start_day = index_after(
				    cal, first,
				    date[UKWD_CONSTRAINT_MUST_START_ON]);
			}
			if (n->has_status &&
			    HAS(x, UKWD_CONSTRAINT_ACTUAL_FINISH)) {
				/* Finished: what it took is known. */
				b->flags |= B_DONE;
				b->planned = plan->tasks[t].duration;
			}
			if (HAS(x, UKWD_CONSTRAINT_START_NO_EARLIER_THAN)) {
				b->flags |= B_SNET;
				b->snet = index_after(
				    cal, first,
				    date[UKWD_CONSTRAINT_START_NO_EARLIER_THAN]);
			}
			b->end = INT32_MAX;
			for (int k = 0; k < 2; k++) {
				ukwd_constraint_type type =
				    k ? UKWD_CONSTRAINT_DEADLINE
				      : UKWD_CONSTRAINT_FINISH_NO_LATER_THAN;
				int32_t end;

				if (!HAS(x, type))
					continue;
				b->flags |= B_END;
				end = index_before(cal, first, date[type]) + 1;
				if (end < b->end)
					b->end = end;
			}
		}
	}
	for (size_t k = 0; k < opts->branch_count; k++) {
		const ukwd_risk_branch *b = &opts->branches[k];

		n->branch[k].task = (uint32_t)b->task;
		n->branch[k].max_cycles = b->max_cycles;
		n->branch[k].duration = b->duration;
		n->branch[k].probability = b->probability;
	}
	n->nbranch = opts->branch_count;
	if (plan->has_deadline) {
		n->has_deadline = 1;
		n->deadline_end = index_before(cal, first, plan->deadline) + 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* One iteration */

#define FIXED (B_ACTUAL_START | B_FIX_FINISH | B_MUST_START)

/* A task's printed first and last days (schedule.c's first_day() and
 * last_day()). */
static inline int32_t
first_day(int32_t s, int32_t e, unsigned int at_finish)
{
	return e == s && at_finish ? s - 1 : s;
}

static inline int32_t
last_day(int32_t s, int32_t e, unsigned int at_finish)
{
	return e > s ? e - 1 : s - (at_finish != 0);
}

/* A fixed task's position and whether a finish fixes it, early and late
 * (schedule.c: the fixing date's driver). */
static void
fixed_position(const struct bound *b, int32_t d, int32_t *s, int32_t *e,
               unsigned int *early_at_finish, unsigned int *late_at_finish)
{
	if (b->flags & B_DONE)
		d = b->planned;
	if (b->flags & B_ACTUAL_START) {
		*s = b->start_day;
		*e = *s + d;
		*early_at_finish = 0;
		*late_at_finish = 0;
		if (b->flags & B_LEFT_GIVEN)
			*e = b->resume + b->left;
		else if ((b->flags & B_IN_PROGRESS) && d > 0)
			*e = b->resume + (d > b->spent ? d - b->spent : 0);
		if (d > 0 && (b->flags & B_ACTUAL_FINISH)) {
			*e = b->finish_day + 1 > *s ? b->finish_day + 1 : *s;
			*late_at_finish = 1;
		}
	} else if (b->flags & B_FIX_FINISH) {
		*e = b->finish_day + 1;
		*s = *e - d;
		*early_at_finish = *late_at_finish = 1;
	} else {
		*s = b->start_day;
		*e = *s + d;
		*early_at_finish = *late_at_finish = 0;
	}
}

/* Where an iteration went wrong: a date outside the calendar. */
struct failure {
	uint32_t iteration, task;
	int late, before;
};

struct work {
	int32_t *dur, *es, *ee, *ls, *le;
	unsigned char *ek, *lk; /* milestone kinds: 1 when at a finish */
	int32_t start, finish;  /* the project's, this iteration */
};

static int
out_of_range(struct failure *f, uint32_t task, int late, int before)
{
	f->task = task;
	f->late = late;
	f->before = before;
	return UKWD_ERANGE;
}

static int
forward_pass(const struct net *n, struct work *w, int32_t start_bound,
             struct failure *f)
{
	int32_t *es = w->es, *ee = w->ee;
	unsigned char *ek = w->ek;

	/* Work not done starts after the status date: every task that is
	 * not fixed, since an actual date fixes a task. */
	if (n->has_status && n->status_next > start_bound)
		start_bound = n->status_next;
	for (size_t k = 0; k < n->ntasks; k++) {
		uint32_t t = n->order[k];
		uint32_t bi = n->bound_of[t];
		const struct bound *b = bi ? &n->bound[bi - 1] : NULL;
		int32_t d = w->dur[t], s, e;
		unsigned int at_finish = 0;

		if (b && (b->flags & FIXED)) {
			unsigned int late;

			fixed_position(b, d, &s, &e, &at_finish, &late);
		} else {
			s = start_bound;
			if (b && (b->flags & B_SNET) && b->snet >= s)
				s = b->snet;
			for (uint32_t i = n->start[t]; i < n->start[t + 1];
			     i++) {
				uint32_t p = n->edge[i].pred,
				         type =
				             (uint32_t)n->edge[i].lag_type & 3u;
				int32_t v = n->edge[i].lag_type >> 2;
				unsigned int from_finish;

				switch (type) {
				case UKWD_LINK_FS:
					v += ee[p];
					break;
				case UKWD_LINK_SS:
					v += es[p];
					break;
				case UKWD_LINK_FF:
					v += ee[p] - d;
					break;
				default: /* SF */
					v += es[p] - d;
					break;
				}
				if (d > 0) {
					if (v > s)
						s = v;
					continue;
				}
				/* A milestone: at one position, a start is
				 * later than a finish. */
				from_finish = es[p] == ee[p]
				                  ? ek[p]
				                  : type == UKWD_LINK_FS ||
				                        type == UKWD_LINK_FF;
				if (2 * (int64_t)v + !from_finish >
				    2 * (int64_t)s + !at_finish) {
					s = v;
					at_finish = from_finish;
				}
			}
			e = s + d;
		}
		if (e > s)
			at_finish = 0;
		if (first_day(s, e, at_finish) < 0)
			return out_of_range(f, t, 0, 1);
		if (last_day(s, e, at_finish) >= n->total)
			return out_of_range(f, t, 0, 0);
		es[t] = s;
		ee[t] = e;
		ek[t] = (unsigned char)at_finish;
	}
	return 0;
}

static int
backward_pass(const struct net *n, struct work *w, int32_t finish_bound,
              struct failure *f)
{
	int32_t *ls = w->ls, *le = w->le;
	unsigned char *lk = w->lk;

	for (size_t t = 0; t < n->ntasks; t++) {
		uint32_t bi = n->bound_of[t];
		const struct bound *b = bi ? &n->bound[bi - 1] : NULL;
		int32_t d = w->dur[t], s, e;
		unsigned int at_finish = 1;

		if (b && (b->flags & FIXED)) {
			unsigned int early;

			fixed_position(b, d, &s, &e, &early, &at_finish);
		} else {
			e = finish_bound + 1;
			if (n->has_deadline && n->deadline_end <= e)
				e = n->deadline_end;
			if (b && (b->flags & B_END) && b->end <= e)
				e = b->end;
			s = e - d;
		}
		le[t] = e;
		ls[t] = s;
		lk[t] = (unsigned char)(e == s && at_finish);
	}
	for (size_t k = n->ntasks; k-- > 0;) {
		uint32_t x = n->order[k];

		if (ls[x] == 0 && le[x] == 0)
			lk[x] = 0;
		if (first_day(ls[x], le[x], lk[x]) < 0)
			return out_of_range(f, x, 1, 1);
		if (last_day(ls[x], le[x], lk[x]) >= n->total)
			return out_of_range(f, x, 1, 0);
		for (uint32_t i = n->start[x]; i < n->start[x + 1]; i++) {
			uint32_t p = n->edge[i].pred,
			         type = (uint32_t)n->edge[i].lag_type & 3u,
			         bi = n->bound_of[p];
			int32_t v = -(n->edge[i].lag_type >> 2), span;
			unsigned int to_finish;

			if (bi && (n->bound[bi - 1].flags & FIXED))
				continue;
			span = le[p] - ls[p];
			switch (type) {
			case UKWD_LINK_FS:
				v += ls[x];
				break;
			case UKWD_LINK_SS:
				v += ls[x] + span;
				break;
			case UKWD_LINK_FF:
				v += le[x];
				break;
			default: /* SF */
				v += le[x] + span;
				break;
			}
			if (span > 0) {
				if (v < le[p]) {
					le[p] = v;
					ls[p] = v - span;
				}
				continue;
			}
			/* A milestone: at one position, a finish is earlier
			 * than a start. */
			to_finish = ls[x] == le[x] ? lk[x]
			                           : type == UKWD_LINK_FS ||
			                                 type == UKWD_LINK_FF;
			if (2 * (int64_t)v + !to_finish <
			    2 * (int64_t)le[p] + !lk[p]) {
				le[p] = ls[p] = v;
				lk[p] = (unsigned char)to_finish;
			}
		}
	}
	return 0;
}

/* The latest printed early finish; `empty` for a plan with no tasks. */
static int32_t
latest_finish(const struct net *n, const struct work *w, int32_t empty)
{
	int32_t finish = empty;

	for (size_t t = 0; t < n->ntasks; t++) {
		int32_t last = last_day(w->es[t], w->ee[t], w->ek[t]);

		if (t == 0 || last > finish)
			finish = last;
	}
	return finish;
}

/* Both passes as the schedule runs them, with the durations in w->dur. */
static int
run_passes(const struct net *n, struct work *w, struct failure *f)
{
	int rc;

	if (n->direction == UKWD_SCHEDULE_FORWARD) {
		w->start = n->project_day;
		rc = forward_pass(n, w, w->start, f);
		if (rc)
			return rc;
		w->finish = latest_finish(n, w, w->start);
		return backward_pass(n, w, w->finish, f);
	}
	rc = backward_pass(n, w, n->project_day, f);
	if (rc)
		return rc;
	w->start = n->project_day;
	for (size_t t = 0; t < n->ntasks; t++)
		if (w->ls[t] < w->start)
			w->start = w->ls[t];
	rc = forward_pass(n, w, w->start, f);
	if (rc)
		return rc;
	w->finish = latest_finish(n, w, w->start);
	return 0;
}

/* A duration that the passes can add lags and positions to without
 * overflow; anything this long is past every calendar's end. */
#define LONGEST_DRAW (INT32_C(1) << 28)

/* Draw every estimated task's duration for iteration i into dur, then
 * the branches' cycles (into cycles, when not NULL), which lengthen
 * their tasks: after every estimate, so that a branch changes no
 * estimate's draw. */
static void
draw_all(const struct net *n, int32_t *dur, uint32_t *cycles, uint64_t seed,
         uint32_t i)
{
	struct rng r;

	rng_seed(&r, seed, i);
	for (size_t k = 0; k < n->nest; k++)
		dur[n->est[k].task] = draw(&n->est[k], &r, n->dist);
	for (size_t k = 0; k < n->nbranch; k++) {
		const struct net_branch *b = &n->branch[k];
		uint32_t c = 0;
		int64_t d;

		while (c < b->max_cycles && rng_unit(&r) < b->probability)
			c++;
		d = dur[b->task] + (int64_t)c * b->duration;
		dur[b->task] = d > LONGEST_DRAW ? LONGEST_DRAW : (int32_t)d;
		if (cycles)
			cycles[k] = c;
	}
}

/* ------------------------------------------------------------------ */
/* 128-bit sums for the rank correlations (exact, so any order gives the
 * same) */

struct u128 {
	uint64_t hi, lo;
};

static void
u128_add(struct u128 *a, struct u128 b)
{
	uint64_t lo = a->lo + b.lo;

	a->hi += b.hi + (lo < a->lo);
	a->lo = lo;
}

static struct u128
u128_mul(uint64_t a, uint64_t b)
{
	uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu,
	         b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
	struct u128 r;

	r.lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
	r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
	return r;
}

/* a - b as a double, a and b unsigned. */
static double
u128_diff(struct u128 a, struct u128 b)
{
	int negative = a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
	struct u128 big = negative ? b : a, small = negative ? a : b;
	uint64_t lo = big.lo - small.lo,
	         hi = big.hi - small.hi - (big.lo < small.lo);
	double v = (double)hi * 18446744073709551616.0 + (double)lo;

	return negative ? -v : v;
}

/* ------------------------------------------------------------------ */
/* Workers */

struct ukwd_risk {
	const ukwd_calendar *cal;
	ukwd_date first_workday;
	ukwd_schedule_direction direction;
	ukwd_date project_date;
	uint32_t iterations;
	uint64_t seed;
	ukwd_risk_distribution dist;
	size_t ntasks;
	int has_deadline;
	ukwd_date deadline;
	int32_t deadline_index; /* rolled back */
	int32_t planned_start;  /* backward: the start with the plan's
	                         * durations */
	struct hist finish, start;
	struct hist *task;  /* per task: its early finish */
	uint32_t *critical; /* per task: iterations it was critical in */
	double *sensitivity;
	unsigned char *varies;
	size_t nbranch;
	ukwd_risk_branch *branch; /* copies, pointing into text */
	char **text;              /* per branch: its id, its citation */
	uint32_t *taken;          /* per branch: iterations taking it */
	uint64_t *cycles;         /* per branch: cycles in all */
};

/* The most iterations whose outcome the rank correlations keep (4 bytes
 * each, 1 MB in all, whatever N and the threads); phase 2 runs the others
 * again. */
#ifndef RISK_OUTCOMES_KEPT
#define RISK_OUTCOMES_KEPT 262144u
#endif

struct job {
	const struct net *net;
	uint64_t seed;
	uint32_t begin, end;
	/* The outcomes of its first `kept` iterations (phase 2 works out
	 * the others again): a part of one block shared by the jobs. */
	int32_t *outcome;
	uint32_t kept;
	/* phase 1 */
	struct work w;
	struct hist finish, start;
	struct hist *task;     /* ntasks */
	struct hist *duration; /* nest */
	uint32_t *critical;
	uint32_t *cycles_now; /* per branch, this iteration */
	uint32_t *taken;      /* per branch */
	uint64_t *cycles;     /* per branch */
	struct failure failure;
	int rc;
	/* phase 2 */
	uint32_t **rank2;        /* per estimate: 2 x midrank by duration */
	const struct hist *dur;  /* per estimate: lo of rank2 */
	const uint32_t *rank2_y; /* by outcome */
	int32_t rank2_y_lo;
	struct u128 *cross; /* per estimate */
	pthread_t thread;
	int started;
};

static void
job_free(struct job *j, size_t ntasks, size_t nest)
{
	ukwd__free(j->w.dur);
	hist_free(&j->finish);
	hist_free(&j->start);
	for (size_t t = 0; j->task && t < ntasks; t++)
		hist_free(&j->task[t]);
	for (size_t k = 0; j->duration && k < nest; k++)
		hist_free(&j->duration[k]);
	ukwd__free(j->task);
	ukwd__free(j->duration);
	ukwd__free(j->critical);
	ukwd__free(j->cross);
	ukwd__free(j->cycles_now);
	ukwd__free(j->taken);
	ukwd__free(j->cycles);
}

static int
job_alloc(struct job *j, const struct net *n)
{
	size_t nt = n->ntasks ? n->ntasks : 1;

	/* dur, es, ee, ls, le in one block, then the kinds. */
	j->w.dur = ukwd__malloc(nt * (5 * sizeof(int32_t) + 2));
	j->task = ukwd__calloc(nt, sizeof(*j->task));
	j->duration = ukwd__calloc(n->nest ? n->nest : 1, sizeof(*j->duration));
	j->critical = ukwd__calloc(nt, sizeof(*j->critical));
	j->cross = ukwd__calloc(n->nest ? n->nest : 1, sizeof(*j->cross));
	j->cycles_now =
	    ukwd__calloc(n->nbranch ? n->nbranch : 1, sizeof(*j->cycles_now));
	j->taken = ukwd__calloc(n->nbranch ? n->nbranch : 1, sizeof(*j->taken));
	j->cycles =
	    ukwd__calloc(n->nbranch ? n->nbranch : 1, sizeof(*j->cycles));
	if (!j->w.dur || !j->task || !j->duration || !j->critical ||
	    !j->cross || !j->cycles_now || !j->taken || !j->cycles)
		return UKWD_ENOMEM;
	j->w.es = j->w.dur + nt;
	j->w.ee = j->w.es + nt;
	j->w.ls = j->w.ee + nt;
	j->w.le = j->w.ls + nt;
	j->w.ek = (unsigned char *)(j->w.le + nt);
	j->w.lk = j->w.ek + nt;
	return 0;
}

/* What the rank correlations rank: the finish, or the start negated
 * (backward: a later start is the better outcome). */
static int32_t
outcome_of(const struct net *n, const struct work *w)
{
	return n->direction == UKWD_SCHEDULE_FORWARD ? w->finish : -w->start;
}

/* Phase 1: the iterations [begin, end). */
static void *
job_simulate(void *arg)
{
	struct job *j = arg;
	const struct net *n = j->net;
	struct work *w = &j->w;
	int rc = 0;

	memcpy(w->dur, n->duration, n->ntasks * sizeof(*w->dur));
	for (uint32_t i = j->begin; rc == 0 && i < j->end; i++) {
		draw_all(n, w->dur, j->cycles_now, j->seed, i);
		for (size_t k = 0; k < n->nbranch; k++) {
			j->taken[k] += j->cycles_now[k] > 0;
			j->cycles[k] += j->cycles_now[k];
		}
		rc = run_passes(n, w, &j->failure);
		if (rc) {
			j->failure.iteration = i;
			break;
		}
		if (i - j->begin < j->kept)
			j->outcome[i - j->begin] = outcome_of(n, w);
		rc = hist_add(&j->finish, w->finish) |
		     hist_add(&j->start, w->start);
		for (size_t t = 0; rc == 0 && t < n->ntasks; t++) {
			rc = hist_add(&j->task[t],
			              last_day(w->es[t], w->ee[t], w->ek[t]));
			j->critical[t] += w->ls[t] <= w->es[t];
		}
		for (size_t k = 0; rc == 0 && k < n->nest; k++)
			rc = hist_add(&j->duration[k], w->dur[n->est[k].task]);
	}
	j->rc = rc;
	return NULL;
}

/* Phase 2: the cross sums of the rank correlations, drawing each
 * iteration's durations again, and past the outcomes kept, running the
 * iteration again for its outcome (the same draws give the same
 * schedule, which phase 1 found within the calendar). */
static void *
job_rank(void *arg)
{
	struct job *j = arg;
	const struct net *n = j->net;
	int32_t *dur = j->w.dur;

	for (uint32_t i = j->begin; i < j->end; i++) {
		int32_t y;
		uint64_t ry;

		draw_all(n, dur, NULL, j->seed, i);
		if (i - j->begin < j->kept) {
			y = j->outcome[i - j->begin];
		} else {
			j->rc = run_passes(n, &j->w, &j->failure);
			if (j->rc) {
				j->failure.iteration = i;
				break;
			}
			y = outcome_of(n, &j->w);
		}
		ry = j->rank2_y[y - j->rank2_y_lo];
		for (size_t k = 0; k < n->nest; k++) {
			uint64_t rd = j->rank2[k][dur[n->est[k].task] -
			                          j->dur[k].lo],
			         term = rd * ry;

			j->cross[k].lo += term;
			j->cross[k].hi += j->cross[k].lo < term;
		}
	}
	return NULL;
}

/* Run fn over the jobs: jobs 1.. on threads of their own, job 0 (and any
 * whose thread could not start) on this one. */
static void
run_jobs(struct job *jobs, unsigned int njobs, void *(*fn)(void *))
{
	for (unsigned int k = 1; k < njobs; k++)
		jobs[k].started =
		    pthread_create(&jobs[k].thread, NULL, fn, &jobs[k]) == 0;
	fn(&jobs[0]);
	for (unsigned int k = 1; k < njobs; k++) {
		if (jobs[k].started)
			pthread_join(jobs[k].thread, NULL);
		else
			fn(&jobs[k]);
		jobs[k].started = 0;
	}
}

/* 2 x the midranks of a histogram's values, in place of its counts (a
 * value's midrank: the values below it, plus half of its own count plus
 * a half). sum_sq gets the sum over the iterations of their squares. */
static void
midranks2(struct hist *h, struct u128 *sum_sq)
{
	uint64_t below = 0;

	memset(sum_sq, 0, sizeof(*sum_sq));
	for (uint32_t j = 0; j < h->len; j++) {
		uint64_t c = h->count[j], r2 = 2 * below + c + 1;

		below += c;
		if (c)
			u128_add(sum_sq, u128_mul(c, r2 * r2));
		h->count[j] = (uint32_t)r2;
	}
}

/* ------------------------------------------------------------------ */
/* ukwd_risk_new */

/* The working days a task in progress has spent by the status date (no
 * draw up to that many moves it); -1 for any other task. */
static int32_t
spent_of(const struct net *n, uint32_t t)
{
	const struct bound *b =
	    n->bound_of[t] ? &n->bound[n->bound_of[t] - 1] : NULL;

	return b && (b->flags & B_IN_PROGRESS) ? b->spent : -1;
}

static const size_t options_sizes[UKWD_RISK_OPTIONS_VERSION] = {
    offsetof(ukwd_risk_options, branches), sizeof(ukwd_risk_options)};

int
ukwd_risk_options_init(ukwd_risk_options *options, unsigned int version)
{
	static const ukwd_risk_options defaults = UKWD_RISK_OPTIONS_INIT;

	if (!options || version == 0)
		return UKWD_EINVAL;
	return ukwd__versioned_export(options, version, &defaults,
	                              options_sizes, UKWD_RISK_OPTIONS_VERSION);
}

const char *
ukwd_risk_distribution_name(ukwd_risk_distribution d)
{
	switch (d) {
	case UKWD_RISK_TRIANGULAR:
		return "triangular";
	case UKWD_RISK_PERT:
		return "pert";
	}
	return NULL;
}

static int
range_failure(ukwd_diag *diag, const ukwd_plan *plan, const ukwd_calendar *cal,
              ukwd_date first_workday, const struct failure *f)
{
	char day[UKWD_DATE_STRLEN];
	ukwd_date edge = first_workday, first, last;

	ukwd_calendar_range(cal, &first, &last);
	if (!f->before)
		ukwd_workday_roll(&edge, cal, last, UKWD_ROLL_PRECEDING);
	ukwd_date_format(day, sizeof(day), edge);
	return ukwd__diag_set(
	    diag, UKWD_ERANGE, 0, 0,
	    "iteration %lu: task '%.*s': its %s %s would be %s %s, the "
	    "calendar's %s working day",
	    (unsigned long)f->iteration, ID_IN_MESSAGE, plan->tasks[f->task].id,
	    f->late ? "late" : "early", f->before ? "start" : "finish",
	    f->before ? "before" : "after", day, f->before ? "first" : "last");
}

static int
check_options(ukwd_risk_options *opts, const ukwd_risk_options *options,
              ukwd_schedule_direction direction, ukwd_diag *diag)
{
	static const ukwd_risk_options defaults = UKWD_RISK_OPTIONS_INIT;

	*opts = defaults;
	if (!options)
		return 0;
	if (ukwd__versioned_copy(opts, &defaults, sizeof(*opts), options,
	                         options_sizes, UKWD_RISK_OPTIONS_VERSION))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad risk options: version %u (this "
		                      "library knows 1 to %u)",
		                      options->version,
		                      UKWD_RISK_OPTIONS_VERSION);
	if (opts->iterations == 0 ||
	    opts->iterations > UKWD_RISK_MAX_ITERATIONS)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad risk options: %lu iterations (1 to "
		                      "%lu)",
		                      (unsigned long)opts->iterations,
		                      (unsigned long)UKWD_RISK_MAX_ITERATIONS);
	if (!ukwd_risk_distribution_name(opts->distribution))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad risk options: distribution %d "
		                      "(triangular or pert)",
		                      (int)opts->distribution);
	if (opts->threads > UKWD_RISK_MAX_THREADS)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad risk options: %u threads (at most "
		                      "%u)",
		                      opts->threads, UKWD_RISK_MAX_THREADS);
	if (opts->has_deadline != 0 && opts->has_deadline != 1)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad risk options: has_deadline %d (0 or "
		                      "1)",
		                      opts->has_deadline);
	if (opts->has_deadline && direction == UKWD_SCHEDULE_BACKWARD)
		return ukwd__diag_set(
		    diag, UKWD_EINVAL, 0, 0,
		    "bad risk options: a deadline for a backward schedule, "
		    "whose deadline is its project finish (see "
		    "ukwd_risk_latest_start)");
	if (opts->branch_count > UKWD_RISK_MAX_BRANCHES ||
	    (opts->branch_count && !opts->branches))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "bad risk options: %zu branches (at most "
		                      "%u, and not NULL)",
		                      opts->branch_count,
		                      UKWD_RISK_MAX_BRANCHES);
	return 0;
}

/* Each branch against the plan. */
static int
check_branches(const ukwd_risk_options *opts, size_t ntasks, ukwd_diag *diag)
{
	for (size_t k = 0; k < opts->branch_count; k++) {
		const ukwd_risk_branch *b = &opts->branches[k];
		const char *what = NULL;

		if (b->task >= ntasks)
			what = "its task index is out of range";
		else if (!(b->probability >= 0.0 && b->probability <= 1.0))
			what = "its probability is not 0 to 1";
		else if (b->duration < 0 ||
		         b->duration > UKWD_PLAN_MAX_WORKING_DAYS)
			what = "its duration is not 0 to 4000000 working days";
		else if (b->max_cycles < 1 ||
		         b->max_cycles > UKWD_RISK_MAX_CYCLES)
			what = "its cycles are not 1 to 16";
		else if ((unsigned)b->source.tag >= UKWD_SOURCE_TAG_COUNT)
			what = "its source tag is unknown";
		if (what)
			return ukwd__diag_set(
			    diag, UKWD_EINVAL, 0, 0,
			    "bad risk options: branch %zu ('%.*s'): %s", k,
			    ID_IN_MESSAGE, b->id ? b->id : "", what);
	}
	return 0;
}

/* The risk's own copies of the branches. */
static int
copy_branches(ukwd_risk *risk, const ukwd_risk_options *opts)
{
	size_t count = opts->branch_count ? opts->branch_count : 1;

	risk->branch = ukwd__calloc(count, sizeof(*risk->branch));
	risk->taken = ukwd__calloc(count, sizeof(*risk->taken));
	risk->cycles = ukwd__calloc(count, sizeof(*risk->cycles));
	risk->text = ukwd__calloc(2 * count, sizeof(*risk->text));
	if (!risk->branch || !risk->taken || !risk->cycles || !risk->text)
		return UKWD_ENOMEM;
	for (size_t k = 0; k < opts->branch_count; k++) {
		const ukwd_risk_branch *b = &opts->branches[k];
		ukwd_risk_branch *c = &risk->branch[k];

		*c = *b;
		c->id = NULL;
		c->source.citation = NULL;
		c->source.reference = NULL;
		risk->nbranch = k + 1;
		if (b->id && !(risk->text[2 * k] = ukwd__strdup(b->id)))
			return UKWD_ENOMEM;
		if (b->source.citation &&
		    !(risk->text[2 * k + 1] = ukwd__strdup(b->source.citation)))
			return UKWD_ENOMEM;
		c->id = risk->text[2 * k];
		c->source.citation = risk->text[2 * k + 1];
	}
	return 0;
}

/* Sum the jobs' totals into the risk; the first failure (by iteration)
 * if any. */
static int
gather(ukwd_risk *risk, struct job *jobs, unsigned int njobs,
       const struct net *n, struct hist *duration, const struct failure **f)
{
	int rc = 0;

	*f = NULL;
	for (unsigned int k = 0; k < njobs; k++) {
		if (jobs[k].rc == UKWD_ERANGE &&
		    (!*f || jobs[k].failure.iteration < (*f)->iteration))
			*f = &jobs[k].failure;
		else if (jobs[k].rc)
			rc = jobs[k].rc;
	}
	if (*f)
		return UKWD_ERANGE;
	if (rc)
		return rc;
	for (unsigned int k = 0; k < njobs; k++) {
		rc |= hist_merge(&risk->finish, &jobs[k].finish);
		rc |= hist_merge(&risk->start, &jobs[k].start);
		for (size_t t = 0; rc == 0 && t < n->ntasks; t++) {
			rc = hist_merge(&risk->task[t], &jobs[k].task[t]);
			risk->critical[t] += jobs[k].critical[t];
		}
		for (size_t b = 0; b < n->nbranch; b++) {
			risk->taken[b] += jobs[k].taken[b];
			risk->cycles[b] += jobs[k].cycles[b];
		}
		for (size_t e = 0; rc == 0 && e < n->nest; e++)
			rc = hist_merge(&duration[e], &jobs[k].duration[e]);
		if (rc)
			return UKWD_ENOMEM;
	}
	hist_trim(&risk->finish);
	hist_trim(&risk->start);
	for (size_t t = 0; t < n->ntasks; t++)
		hist_trim(&risk->task[t]);
	for (size_t e = 0; e < n->nest; e++)
		hist_trim(&duration[e]);
	return 0;
}

/* The rank correlations: 2 x midranks from the histograms, then the
 * cross sums over the iterations (phase 2), then Pearson's formula on
 * the ranks, whose mean is (N + 1) / 2. */
static int
rank_correlations(ukwd_risk *risk, struct job *jobs, unsigned int njobs,
                  const struct net *n, struct hist *duration)
{
	uint64_t big_n = risk->iterations;
	struct u128 sum_sq_y,
	    mean_term = u128_mul(big_n, (big_n + 1) * (big_n + 1));
	struct hist y = {0, 0, NULL};
	uint32_t **rank2;
	double var_y;
	int rc;

	if (n->nest == 0)
		return 0;
	/* The outcome's histogram: the finish, or the start negated. */
	if (n->direction == UKWD_SCHEDULE_FORWARD) {
		rc = hist_merge(&y, &risk->finish);
	} else {
		y.len = risk->start.len;
		y.lo = -(risk->start.lo + (int32_t)risk->start.len - 1);
		y.count = ukwd__malloc((y.len ? y.len : 1) * sizeof(*y.count));
		rc = y.count ? 0 : UKWD_ENOMEM;
		for (uint32_t j = 0; rc == 0 && j < y.len; j++)
			y.count[j] = risk->start.count[y.len - 1 - j];
	}
	rank2 = ukwd__malloc(n->nest * sizeof(*rank2));
	if (rc || !rank2) {
		hist_free(&y);
		ukwd__free(rank2);
		return UKWD_ENOMEM;
	}
	midranks2(&y, &sum_sq_y);
	var_y = u128_diff(sum_sq_y, mean_term);
	for (size_t e = 0; e < n->nest; e++)
		rank2[e] = duration[e].count;
	for (unsigned int k = 0; k < njobs; k++) {
		jobs[k].rank2 = rank2;
		jobs[k].dur = duration;
		jobs[k].rank2_y = y.count;
		jobs[k].rank2_y_lo = y.lo;
		memcpy(jobs[k].w.dur, n->duration,
		       n->ntasks * sizeof(*jobs[k].w.dur));
	}
	/* The squares first: midranks2() turns counts into ranks. */
	{
		struct u128 sum_sq_d;

		for (size_t e = 0; e < n->nest; e++) {
			midranks2(&duration[e], &sum_sq_d);
			risk->sensitivity[n->est[e].task] =
			    u128_diff(sum_sq_d, mean_term);
		}
	}
	run_jobs(jobs, njobs, job_rank);
	for (unsigned int k = 0; k < njobs; k++)
		if (jobs[k].rc) {
			hist_free(&y);
			ukwd__free(rank2);
			return jobs[k].rc;
		}
	for (size_t e = 0; e < n->nest; e++) {
		struct u128 cross = {0, 0};
		uint32_t t = n->est[e].task;
		double var_d = risk->sensitivity[t], rho = 0.0;

		for (unsigned int k = 0; k < njobs; k++)
			u128_add(&cross, jobs[k].cross[e]);
		/* A task whose draws cannot move it (from a status date: it
		 * finished, or its work left is given, or every draw is less
		 * than the work already done) has none. */
		if (var_d > 0 && var_y > 0 && risk->varies[t]) {
			rho = u128_diff(cross, mean_term) /
			      (sqrt(var_d) * sqrt(var_y));
			rho = rho > 1.0 ? 1.0 : rho < -1.0 ? -1.0 : rho;
		}
		risk->sensitivity[t] = rho;
	}
	hist_free(&y);
	ukwd__free(rank2);
	return 0;
}

int
ukwd_risk_new(ukwd_risk **out, const ukwd_schedule *sched,
              const ukwd_risk_options *options, ukwd_diag *diag)
{
	ukwd_risk_options opts;
	ukwd_schedule_direction direction;
	ukwd_date date, cal_first, cal_last;
	const ukwd_plan *plan;
	const ukwd_calendar *cal;
	struct net n;
	struct job *jobs = NULL;
	struct hist *duration = NULL;
	const struct failure *failed = NULL;
	struct failure first_failure;
	unsigned int njobs;
	ukwd_risk *risk;
	ukwd_date status = 0;
	int32_t total = 0;
	int has_status, rc;

	ukwd__diag_clear(diag);
	if (!out || !sched)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no risk or schedule given (NULL)");
	if (ukwd_schedule_anchor(&direction, &date, sched))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "the plan changed since it was "
		                      "scheduled: schedule it again");
	has_status = ukwd_schedule_status_date(&status, sched) == 0;
	rc = check_options(&opts, options, direction, diag);
	if (rc)
		return rc;
	plan = ukwd_schedule_plan(sched);
	cal = ukwd_schedule_calendar(sched);
	rc = check_branches(&opts, plan->ntasks, diag);
	if (rc)
		return rc;
	ukwd_calendar_range(cal, &cal_first, &cal_last);
	if (opts.has_deadline &&
	    (opts.deadline < cal_first || opts.deadline > cal_last)) {
		char d[UKWD_DATE_STRLEN], a[UKWD_DATE_STRLEN],
		    b[UKWD_DATE_STRLEN];

		if (ukwd_date_format(d, sizeof(d), opts.deadline))
			snprintf(d, sizeof(d), "?");
		ukwd_date_format(a, sizeof(a), cal_first);
		ukwd_date_format(b, sizeof(b), cal_last);
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
		                      "the deadline %s is outside the calendar "
		                      "(%s to %s)",
		                      d, a, b);
	}
	memset(&n, 0, sizeof(n));
	risk = ukwd__calloc(1, sizeof(*risk));
	if (!risk)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	if (copy_branches(risk, &opts)) {
		rc = ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
		goto out;
	}
	rc = net_build(&n, plan, cal, has_status ? &status : NULL, &opts, diag);
	if (rc)
		goto out;
	ukwd_workday_count(&total, cal, cal_first, cal_last + 1);
	n.total = total;
	n.direction = direction;
	n.dist = opts.distribution;
	n.project_day = direction == UKWD_SCHEDULE_FORWARD
	                    ? index_after(cal, cal_first, date)
	                    : index_before(cal, cal_first, date);
	risk->cal = cal;
	ukwd_workday_roll(&risk->first_workday, cal, cal_first,
	                  UKWD_ROLL_FOLLOWING);
	risk->direction = direction;
	risk->project_date = date;
	risk->iterations = opts.iterations;
	risk->seed = opts.seed;
	risk->dist = opts.distribution;
	risk->ntasks = n.ntasks;
	if (opts.has_deadline ||
	    (plan->has_deadline && direction == UKWD_SCHEDULE_FORWARD)) {
		risk->has_deadline = 1;
		risk->deadline =
		    opts.has_deadline ? opts.deadline : plan->deadline;
		risk->deadline_index =
		    index_before(cal, cal_first, risk->deadline);
	}
	risk->task = ukwd__calloc(n.ntasks ? n.ntasks : 1, sizeof(*risk->task));
	risk->critical =
	    ukwd__calloc(n.ntasks ? n.ntasks : 1, sizeof(*risk->critical));
	risk->sensitivity =
	    ukwd__calloc(n.ntasks ? n.ntasks : 1, sizeof(*risk->sensitivity));
	risk->varies = ukwd__calloc(n.ntasks ? n.ntasks : 1, 1);
	duration = ukwd__calloc(n.nest ? n.nest : 1, sizeof(*duration));
	njobs = opts.threads > 1 ? opts.threads : 1;
	if (njobs > opts.iterations)
		njobs = opts.iterations;
	jobs = ukwd__calloc(njobs, sizeof(*jobs));
	if (!risk->task || !risk->critical || !risk->sensitivity ||
	    !risk->varies || !duration || !jobs) {
		rc = ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
		goto out;
	}
	for (size_t e = 0; e < n.nest; e++)
		risk->varies[n.est[e].task] =
		    n.est[e].o != n.est[e].p &&
		    n.est[e].p > spent_of(&n, n.est[e].task);
	for (size_t b = 0; b < n.nbranch; b++)
		if (n.branch[b].probability > 0 && n.branch[b].duration > 0)
			risk->varies[n.branch[b].task] = 1;
	/* From a status date, what no draw moves. */
	for (size_t t = 0; t < n.ntasks; t++)
		if (n.bound_of[t] &&
		    (n.bound[n.bound_of[t] - 1].flags & B_INERT))
			risk->varies[t] = 0;
	{
		/* At most RISK_OUTCOMES_KEPT outcomes in all, shared out. */
		uint32_t share = RISK_OUTCOMES_KEPT / njobs, kept = 0;
		int32_t *outcome;

		for (unsigned int k = 0; k < njobs; k++) {
			jobs[k].begin =
			    (uint32_t)((uint64_t)opts.iterations * k / njobs);
			jobs[k].end = (uint32_t)((uint64_t)opts.iterations *
			                         (k + 1) / njobs);
			jobs[k].kept = jobs[k].end - jobs[k].begin < share
			                   ? jobs[k].end - jobs[k].begin
			                   : share;
			kept += jobs[k].kept;
		}
		outcome = ukwd__malloc((kept ? kept : 1) * sizeof(*outcome));
		kept = 0;
		for (unsigned int k = 0; k < njobs; k++) {
			jobs[k].net = &n;
			jobs[k].seed = opts.seed;
			jobs[k].outcome = outcome ? outcome + kept : NULL;
			kept += jobs[k].kept;
			if (!outcome || job_alloc(&jobs[k], &n))
				rc = UKWD_ENOMEM;
		}
		if (rc) {
			/* The block is jobs[0].outcome: freed below. */
			rc = ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0,
			                    "out of memory");
			goto out;
		}
	}
	/* The plan's own durations once, for the planned start (and as a
	 * first check of the dates). */
	memcpy(jobs[0].w.dur, n.duration, n.ntasks * sizeof(int32_t));
	rc = run_passes(&n, &jobs[0].w, &first_failure);
	if (rc) {
		first_failure.iteration = 0;
		failed = &first_failure;
		goto out;
	}
	risk->planned_start = jobs[0].w.start;
	run_jobs(jobs, njobs, job_simulate);
	rc = gather(risk, jobs, njobs, &n, duration, &failed);
	if (rc == 0)
		rc = rank_correlations(risk, jobs, njobs, &n, duration);
	if (rc && !failed)
		rc = ukwd__diag_set(diag, rc, 0, 0, "out of memory");
out:
	if (failed)
		rc =
		    range_failure(diag, plan, cal, risk->first_workday, failed);
	if (jobs) {
		ukwd__free(jobs[0].outcome);
		for (unsigned int k = 0; k < njobs; k++)
			job_free(&jobs[k], n.ntasks, n.nest);
	}
	ukwd__free(jobs);
	for (size_t e = 0; duration && e < n.nest; e++)
		hist_free(&duration[e]);
	ukwd__free(duration);
	net_free(&n);
	if (rc) {
		ukwd_risk_free(risk);
		return rc;
	}
	*out = risk;
	return 0;
}

void
ukwd_risk_free(ukwd_risk *risk)
{
	if (!risk)
		return;
	hist_free(&risk->finish);
	hist_free(&risk->start);
	for (size_t t = 0; risk->task && t < risk->ntasks; t++)
		hist_free(&risk->task[t]);
	ukwd__free(risk->task);
	ukwd__free(risk->critical);
	ukwd__free(risk->sensitivity);
	ukwd__free(risk->varies);
	for (size_t k = 0; risk->text && k < 2 * risk->nbranch; k++)
		ukwd__free(risk->text[k]);
	ukwd__free(risk->text);
	ukwd__free(risk->branch);
	ukwd__free(risk->taken);
	ukwd__free(risk->cycles);
	ukwd__free(risk);
}

/* ------------------------------------------------------------------ */
/* Reading the results */

uint32_t
ukwd_risk_iterations(const ukwd_risk *risk)
{
	return risk ? risk->iterations : 0;
}

size_t
ukwd_risk_task_count(const ukwd_risk *risk)
{
	return risk ? risk->ntasks : 0;
}

static ukwd_date
day_at(const ukwd_risk *risk, int64_t index)
{
	ukwd_date d = risk->first_workday;

	/* Every index counted was checked against the calendar. */
	ukwd_workday_add(&d, risk->cal, risk->first_workday, (int32_t)index);
	return d;
}

/* ceil(p N), at least 1, p N taken as an integer within a relative
 * 1e-12 of one. */
static uint64_t
needed(double p, uint32_t n)
{
	double x = p * n, whole = floor(x);
	uint64_t need =
	    (uint64_t)whole + (x - whole > 1e-12 * (x > 1.0 ? x : 1.0));

	return need ? need : 1;
}

static int
valid_p(double p)
{
	return p >= 0.0 && p <= 1.0;
}

static int32_t
percentile(const struct hist *h, uint64_t need)
{
	uint64_t seen = 0;

	for (uint32_t j = 0; j < h->len; j++) {
		seen += h->count[j];
		if (seen >= need)
			return h->lo + (int32_t)j;
	}
	return h->lo + (int32_t)h->len - 1;
}

static void
outcome(ukwd_risk_outcome *out, const ukwd_risk *risk, const struct hist *h)
{
	uint32_t n = risk->iterations;
	int64_t sum = 0;

	for (uint32_t j = 0; j < h->len; j++)
		sum += (int64_t)h->count[j] * (h->lo + (int64_t)j);
	out->p10 = day_at(risk, percentile(h, needed(0.10, n)));
	out->p50 = day_at(risk, percentile(h, needed(0.50, n)));
	out->p80 = day_at(risk, percentile(h, needed(0.80, n)));
	out->p90 = day_at(risk, percentile(h, needed(0.90, n)));
	out->p95 = day_at(risk, percentile(h, needed(0.95, n)));
	out->min = day_at(risk, h->lo);
	out->max = day_at(risk, h->lo + (int64_t)h->len - 1);
	out->mean_index = (double)sum / n;
	/* sum / n rounded half up, in integers (sum >= 0: every index
	 * counted is a day of the calendar). */
	out->mean = day_at(risk, (2 * sum + n) / (2 * (int64_t)n));
}

int
ukwd_risk_finish(ukwd_risk_outcome *out, const ukwd_risk *risk)
{
	if (!out || !risk)
		return UKWD_EINVAL;
	outcome(out, risk, &risk->finish);
	return 0;
}

void
ukwd__risk_start(ukwd_risk_outcome *out, const ukwd_risk *risk)
{
	outcome(out, risk, &risk->start);
}

int
ukwd_risk_task(ukwd_risk_task_result *out, const ukwd_risk *risk, size_t task)
{
	if (!out || !risk)
		return UKWD_EINVAL;
	if (task >= risk->ntasks)
		return UKWD_ENOTFOUND;
	outcome(&out->finish, risk, &risk->task[task]);
	out->criticality = (double)risk->critical[task] / risk->iterations;
	out->sensitivity = risk->sensitivity[task];
	out->varies = risk->varies[task];
	return 0;
}

int
ukwd_risk_finish_percentile(ukwd_date *out, const ukwd_risk *risk, double p)
{
	if (!out || !risk || !valid_p(p))
		return UKWD_EINVAL;
	*out = day_at(risk,
	              percentile(&risk->finish, needed(p, risk->iterations)));
	return 0;
}

int
ukwd_risk_task_percentile(ukwd_date *out, const ukwd_risk *risk, size_t task,
                          double p)
{
	if (!out || !risk || !valid_p(p))
		return UKWD_EINVAL;
	if (task >= risk->ntasks)
		return UKWD_ENOTFOUND;
	*out = day_at(
	    risk, percentile(&risk->task[task], needed(p, risk->iterations)));
	return 0;
}

int
ukwd_risk_histogram(const uint32_t **counts, size_t *length, ukwd_date *first,
                    const ukwd_risk *risk, size_t what)
{
	const struct hist *h;

	if (!counts || !length || !risk)
		return UKWD_EINVAL;
	if (what == UKWD_RISK_PROJECT_FINISH)
		h = &risk->finish;
	else if (what == UKWD_RISK_PROJECT_START)
		h = &risk->start;
	else if (what < risk->ntasks)
		h = &risk->task[what];
	else
		return UKWD_ENOTFOUND;
	*counts = h->count;
	*length = h->len;
	if (first)
		*first = day_at(risk, h->lo);
	return 0;
}

/* The share of the iterations at or below (at_least 0) or at or above
 * (at_least 1) index. */
static double
share(const ukwd_risk *risk, const struct hist *h, int64_t index, int at_least)
{
	uint64_t count = 0;

	for (uint32_t j = 0; j < h->len; j++) {
		int64_t v = h->lo + (int64_t)j;

		if (at_least ? v >= index : v <= index)
			count += h->count[j];
	}
	return (double)count / risk->iterations;
}

int
ukwd_risk_finish_probability(double *probability, const ukwd_risk *risk,
                             ukwd_date date)
{
	ukwd_date first, last;

	if (!probability || !risk)
		return UKWD_EINVAL;
	ukwd_calendar_range(risk->cal, &first, &last);
	if (date < first || date > last)
		return UKWD_ERANGE;
	*probability =
	    share(risk, &risk->finish, index_before(risk->cal, first, date), 0);
	return 0;
}

int
ukwd_risk_deadline(ukwd_date *deadline, double *probability,
                   const ukwd_risk *risk)
{
	if (!risk)
		return UKWD_EINVAL;
	if (risk->direction == UKWD_SCHEDULE_BACKWARD) {
		if (deadline)
			*deadline = risk->project_date;
		if (probability)
			*probability =
			    share(risk, &risk->start, risk->planned_start, 1);
		return 0;
	}
	if (!risk->has_deadline)
		return UKWD_ENOTFOUND;
	if (deadline)
		*deadline = risk->deadline;
	if (probability)
		*probability =
		    share(risk, &risk->finish, risk->deadline_index, 0);
	return 0;
}

int
ukwd_risk_latest_start(ukwd_date *out, const ukwd_risk *risk, double p)
{
	const struct hist *h;
	uint64_t need, seen = 0;

	if (!out || !risk || !valid_p(p) ||
	    risk->direction != UKWD_SCHEDULE_BACKWARD)
		return UKWD_EINVAL;
	h = &risk->start;
	need = needed(p, risk->iterations);
	for (uint32_t j = h->len; j-- > 0;) {
		seen += h->count[j];
		if (seen >= need) {
			*out = day_at(risk, h->lo + (int64_t)j);
			return 0;
		}
	}
	*out = day_at(risk, h->lo);
	return 0;
}

size_t
ukwd_risk_branch_count(const ukwd_risk *risk)
{
	return risk ? risk->nbranch : 0;
}

int
ukwd_risk_branch_get(ukwd_risk_branch_result *out, const ukwd_risk *risk,
                     size_t index)
{
	if (!out || !risk)
		return UKWD_EINVAL;
	if (index >= risk->nbranch)
		return UKWD_ENOTFOUND;
	out->branch = risk->branch[index];
	out->taken = (double)risk->taken[index] / risk->iterations;
	out->mean_cycles = (double)risk->cycles[index] / risk->iterations;
	return 0;
}

uint64_t
ukwd_risk_seed(const ukwd_risk *risk)
{
	return risk ? risk->seed : 0;
}

ukwd_risk_distribution
ukwd_risk_distribution_of(const ukwd_risk *risk)
{
	return risk ? risk->dist : UKWD_RISK_TRIANGULAR;
}
