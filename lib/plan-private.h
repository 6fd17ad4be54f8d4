/* The plan's layout, shared by plan.c (which builds it), plan-csv.c (which
 * reads it from text) and schedule.c (which schedules it). */
#ifndef UKWD_PLAN_PRIVATE_H
#define UKWD_PLAN_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "ukwd/plan.h"

/* Task indices are uint32_t inside and must also fit an int32_t. Link
 * indices share a word with their type in the graph's edges (30 bits). */
#define UKWD__PLAN_MAX_TASKS ((size_t)INT32_MAX - 1)
#define UKWD__PLAN_MAX_LINKS (((size_t)1 << 30) - 2)

/* Strings live in blocks that never move, so the pointers handed out by
 * getters stay valid while the plan grows. */
struct ukwd__arena_block;

struct ukwd__task {
	const char *id;
	const char *name; /* "" when none */
	int32_t duration;
	uint32_t extra; /* 1-based index into plan->extras; 0 for none */
};

/* What few tasks have, kept apart so that a plain task stays small. */
struct ukwd__task_extra {
	const ukwd_source *source;                    /* NULL for none */
	int32_t optimistic, most_likely, pessimistic; /* optimistic < 0: none */
	int32_t remaining;                            /* < 0: none */
	int line;         /* the record a reader read it from; 0: none */
	unsigned int has; /* bit k: date[k] is set (ukwd_constraint_type) */
	ukwd_date date[UKWD_CONSTRAINT_TYPE_COUNT];
};

struct ukwd__link {
	uint32_t predecessor, successor;
	int32_t lag;
	uint32_t bits; /* bits 0-1: ukwd_link_type; above: 1-based index
	                * into plan->link_sources, 0 for none */
};

#define UKWD__LINK_TYPE_MASK    3u
#define UKWD__LINK_SOURCE_SHIFT 2

struct ukwd_plan {
	size_t ntasks, task_capacity;
	struct ukwd__task *tasks;
	size_t nextras, extra_capacity;
	struct ukwd__task_extra *extras;
	size_t nlinks, link_capacity;
	struct ukwd__link *links;
	size_t nsources, source_capacity;
	const char **link_sources;
	/* Open addressing, linear probing; capacities are powers of two.
	 * A slot holds index + 1 (0 if empty) in its low 32 bits and the
	 * upper half of the key's hash above, so that a probe looks at the
	 * task or link itself only when the hashes agree. */
	uint64_t *id_slots; /* tasks by id */
	size_t id_capacity;
	uint64_t *link_slots; /* links by (predecessor, successor, type),
	                       * for successors with many links only */
	size_t link_slot_capacity, nhashed;
	/* The links into each task, newest first, to refuse a duplicate
	 * by looking at the few links of its successor: in_head[t] and
	 * in_next[l] hold a link index + 1, 0 at the end. A reader that adds
	 * each task's links together needs none of this: with in_deferred
	 * set the three arrays (and link_slots) are not kept, and
	 * ukwd_plan_add_link() builds them from the links on first use. */
	uint32_t *in_head, *in_count; /* per task, task_capacity */
	uint32_t *in_next;            /* per link */
	size_t in_next_capacity;
	int in_deferred;
	struct ukwd__arena_block *arena;
	int has_deadline;
	ukwd_date deadline;
	/* Bumped by every change, so a schedule can tell that its plan
	 * changed under it. */
	unsigned long generation;
	/* SipHash key of the id table and offset of the link table's
	 * hash, chosen per plan (plan.c, plan_key()). */
	uint64_t hash_key[2];
};

/* Make room for at least ntasks tasks and nlinks links (capped at the
 * limits), so that a reader that knows roughly how many are coming
 * neither copies nor rehashes as it adds them. Changes no content;
 * returns 0 or UKWD_ENOMEM (the plan stays usable either way). */
int ukwd__plan_reserve(ukwd_plan *plan, size_t ntasks, size_t nlinks);

/* For readers that add many tasks at once: stop keeping the index of
 * links by successor (in_deferred) in a plan that has no links yet, so
 * that links can be appended with ukwd__plan_append_link() alone. */
void ukwd__plan_defer_link_index(ukwd_plan *plan);

/* Append a task (id and name of the given lengths, not NUL-terminated;
 * name_len 0 for none) and enter its id in the id index, hashing it once.
 * The duration is not checked. Returns 0, UKWD_ERANGE (too many tasks),
 * UKWD_ENOMEM, or UKWD_EINVAL with *first the task that has the id
 * already (then nothing is added). */
int ukwd__plan_append_task(ukwd_plan *plan, const char *id, size_t id_len,
                           const char *name, size_t name_len, int32_t duration,
                           size_t *first);

/* The same with the id's hash, ukwd__plan_id_hash(), already known. */
int ukwd__plan_append_task_hashed(ukwd_plan *plan, const char *id,
                                  size_t id_len, uint32_t hash,
                                  const char *name, size_t name_len,
                                  int32_t duration, size_t *first);

/* A reader's note of the line task's record starts on, kept for a task
 * that has an extra record (dates, estimate, remaining work), so that a
 * later error about those (ukwd_schedule_new()) can name it. */
void ukwd__plan_set_task_line(ukwd_plan *plan, size_t task, int line);

/* SipHash-2-4 of len bytes under key (plan.c). */
uint64_t ukwd__siphash(const uint64_t key[2], const void *data, size_t len);

/* The hash under which the id index holds an id of len bytes. */
static inline uint32_t
ukwd__plan_id_hash(const ukwd_plan *plan, const char *id, size_t len)
{
	return (uint32_t)(ukwd__siphash(plan->hash_key, id, len) >> 32);
}

/* Ask for the id index's slot of an id of this hash to be brought into
 * the cache: a reader that knows the next id while it still reads this
 * record has it there when it adds that id (the index of a million ids is
 * larger than the caches, so each new id is otherwise a wait on memory).
 * Only a hint: nothing is read or written. */
static inline void
ukwd__plan_prefetch_id(const ukwd_plan *plan, uint32_t hash)
{
#if defined(__GNUC__)
	if (plan->id_capacity)
		__builtin_prefetch(
		    &plan->id_slots[hash & (plan->id_capacity - 1)], 1);
#else
	(void)plan;
	(void)hash;
#endif
}

/* ukwd_plan_find() for an id of len bytes, not NUL-terminated, in a plan
 * whose ids are all indexed. Returns 0 or UKWD_ENOTFOUND. */
int ukwd__plan_find_len(size_t *index, const ukwd_plan *plan, const char *id,
                        size_t len);

/* A successor with more links than this has them in the hash table
 * link_slots too; one with fewer is checked for a duplicate by its own
 * list, which is short and was likely just written, so in the cache. */
#define UKWD__PLAN_FEW_LINKS 32

/* ukwd_plan_add_link() for a reader, with no source and nothing to say:
 * the link is added only in the simple case (lag and type already in
 * range, not a link to itself, fewer than a hashed successor's count of
 * links in, no duplicate, memory to grow), else nothing changes and it
 * returns UKWD_EINVAL, and ukwd_plan_add_link() decides (and says why).
 * While the links index is deferred, the successor's links must be the
 * last ones added, links[first_link..nlinks) (a reader adds each task's
 * links together); that case is inline, as a reader adds millions. */
int ukwd__plan_append_link_indexed(ukwd_plan *plan, uint32_t predecessor,
                                   uint32_t successor, ukwd_link_type type,
                                   int32_t lag);

static inline int
ukwd__plan_append_link(ukwd_plan *plan, size_t first_link, uint32_t predecessor,
                       uint32_t successor, ukwd_link_type type, int32_t lag)
{
	struct ukwd__link *links = plan->links, *link;
	size_t n = plan->nlinks;

	if (!plan->in_deferred || n >= plan->link_capacity ||
	    predecessor == successor)
		return ukwd__plan_append_link_indexed(plan, predecessor,
		                                      successor, type, lag);
	if (n - first_link >= UKWD__PLAN_FEW_LINKS)
		return UKWD_EINVAL;
	for (size_t k = first_link; k < n; k++)
		if (links[k].predecessor == predecessor &&
		    (links[k].bits & UKWD__LINK_TYPE_MASK) == (uint32_t)type)
			return UKWD_EINVAL;
	plan->nlinks = n + 1;
	link = &links[n];
	link->predecessor = predecessor;
	link->successor = successor;
	link->lag = lag;
	link->bits = (uint32_t)type;
	plan->generation++;
	return 0;
}

static inline ukwd_link_type
ukwd__link_type(const struct ukwd__link *link)
{
	return (ukwd_link_type)(link->bits & UKWD__LINK_TYPE_MASK);
}

static inline const struct ukwd__task_extra *
ukwd__task_extra(const ukwd_plan *plan, size_t task)
{
	uint32_t extra = plan->tasks[task].extra;

	return extra ? &plan->extras[extra - 1] : NULL;
}

/* One link as the scheduler reads it, stored with its successor (the
 * edges into a task) and so read in order rather than gathered. */
struct ukwd__edge {
	uint32_t predecessor;
	int32_t lag;
	uint32_t link; /* link index << 2 | ukwd_link_type */
};

/* A plan's dependency graph: a topological order, and the edges into
 * each task t, edge[start[t] .. start[t + 1]), in link order. When the
 * plan's links are already grouped by successor in task order (as a
 * reader that adds each task's links together leaves them), edge is NULL
 * and the edges are the plan's links themselves (links), not a copy. */
struct ukwd__graph {
	size_t ntasks, nlinks;
	uint32_t *order;
	uint32_t *start;
	struct ukwd__edge *edge;
	const struct ukwd__link *links;
};

/* Edge i of g, from the copy or from the plan's links. */
static inline struct ukwd__edge
ukwd__graph_edge(const struct ukwd__graph *g, uint32_t i)
{
	struct ukwd__edge e;

	if (g->edge)
		return g->edge[i];
	e.predecessor = g->links[i].predecessor;
	e.lag = g->links[i].lag;
	e.link = i << 2 | (g->links[i].bits & UKWD__LINK_TYPE_MASK);
	return e;
}

void ukwd__graph_free(struct ukwd__graph *g);

/* A topological order into g->order (allocated here): the plan's own
 * order when every link runs from a lower index to a higher one, else
 * Kahn's algorithm taking tasks in index order as far as it can. scratch:
 * ntasks words. *sorted: how many tasks were ordered, fewer than ntasks
 * when there is a cycle, and then scratch is non-zero for the tasks left.
 * Returns 0 or UKWD_ENOMEM. */
int ukwd__graph_sort(struct ukwd__graph *g, const ukwd_plan *plan,
                     uint32_t *scratch, size_t *sorted);

/* Fill g->start, and g->edge or g->links. Returns 0 or UKWD_ENOMEM. */
int ukwd__graph_edges(struct ukwd__graph *g, const ukwd_plan *plan);

/* After ukwd__graph_sort() ordered `sorted` < ntasks tasks, with its
 * scratch and the edges filled: write one cycle into `cycle` (room for
 * ntasks - sorted; it may be g->order + sorted) in dependency order from
 * its lowest index, and return its length. */
size_t ukwd__graph_cycle(const struct ukwd__graph *g, uint32_t *scratch,
                         uint32_t *cycle);

/* Sort, and on a cycle write it into the diag (and return it through
 * cycle/length, pointing into g->order). Returns 0, UKWD_ECYCLE or
 * UKWD_ENOMEM; g is filled (edges included) unless UKWD_ENOMEM. */
int ukwd__graph_build(struct ukwd__graph *g, const ukwd_plan *plan,
                      uint32_t *scratch, const uint32_t **cycle, size_t *length,
                      ukwd_diag *diag);

/* "cycle: a -> b -> c -> a", shortened to fit; returns UKWD_ECYCLE. */
int ukwd__cycle_diag(ukwd_diag *diag, const ukwd_plan *plan,
                     const uint32_t *cycle, size_t length);

#endif
