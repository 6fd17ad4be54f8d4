/* Plans: tasks, links and constraints, checked as they are added; and the
 * dependency graph (adjacency arrays, topological order, cycles) that
 * schedule.c and plan-csv.c share. */
#include <stdint.h>
#include <string.h>

#include "ukwd/plan.h"
#include "plan-private.h"
#include "internal.h"

/* Strings are copied into blocks of this size at first, each block
 * twice the one before up to ARENA_BLOCK_MAX, so that a big plan takes
 * few (a longer string gets a block of its own). */
#define ARENA_BLOCK_SIZE ((size_t)64 * 1024)
#define ARENA_BLOCK_MAX  ((size_t)16 * 1024 * 1024)

struct ukwd__arena_block {
	struct ukwd__arena_block *next;
	size_t used, size;
	char data[];
};

/* Ids and messages are quoted in diags up to this many bytes. */
#define ID_IN_MESSAGE 40

static char *
arena_alloc(ukwd_plan *plan, size_t len)
{
	struct ukwd__arena_block *head = plan->arena, *block;
	char *at;

	if (!head || head->size - head->used < len) {
		size_t size = ARENA_BLOCK_SIZE;

		if (head && head->size >= ARENA_BLOCK_SIZE)
			size = head->size < ARENA_BLOCK_MAX / 2
			           ? head->size * 2
			           : ARENA_BLOCK_MAX;
		if (len > size)
			size = len;

		if (size > SIZE_MAX - sizeof(*block))
			return NULL;
		block = ukwd__malloc(sizeof(*block) + size);
		if (!block)
			return NULL;
		block->used = 0;
		block->size = size;
		if (head && size == len) {
			/* A large string: keep filling the current block. */
			block->next = head->next;
			head->next = block;
		} else {
			block->next = head;
			plan->arena = block;
		}
		head = block;
	}
	at = head->data + head->used;
	head->used += len;
	return at;
}

/* memcpy() for the short ids and names of a plan, without the call:
 * two loads that may overlap for up to 16 bytes. */
static void
copy_short(char *to, const char *from, size_t len)
{
	if (len > 16) {
		memcpy(to, from, len);
	} else if (len >= 8) {
		uint64_t a, b;

		memcpy(&a, from, 8);
		memcpy(&b, from + len - 8, 8);
		memcpy(to, &a, 8);
		memcpy(to + len - 8, &b, 8);
	} else if (len >= 4) {
		uint32_t a, b;

		memcpy(&a, from, 4);
		memcpy(&b, from + len - 4, 4);
		memcpy(to, &a, 4);
		memcpy(to + len - 4, &b, 4);
	} else if (len) {
		to[0] = from[0];
		to[len / 2] = from[len / 2];
		to[len - 1] = from[len - 1];
	}
}

static const char *
arena_strdup(ukwd_plan *plan, const char *text)
{
	size_t len = strlen(text) + 1;
	char *copy = arena_alloc(plan, len);

	if (copy)
		memcpy(copy, text, len);
	return copy;
}

#define ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

/* Inline: a call for each of a hash's six rounds costs as much as the
 * rounds. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline void
sip_round(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = ROTL64(v[1], 13);
	v[1] ^= v[0];
	v[0] = ROTL64(v[0], 32);
	v[2] += v[3];
	v[3] = ROTL64(v[3], 16);
	v[3] ^= v[2];
	v[0] += v[3];
	v[3] = ROTL64(v[3], 21);
	v[3] ^= v[0];
	v[2] += v[1];
	v[1] = ROTL64(v[1], 17);
	v[1] ^= v[2];
	v[2] = ROTL64(v[2], 32);
}

/* SipHash-2-4 (Aumasson and Bernstein, 2012) of len bytes under a 128-bit
 * key, written from the paper's description. */
uint64_t
ukwd__siphash(const uint64_t key[2], const void *data, size_t len)
{
	const unsigned char *in = data;
	uint64_t v[4] = {key[0] ^ UINT64_C(0x736f6d6570736575),
	                 key[1] ^ UINT64_C(0x646f72616e646f6d),
	                 key[0] ^ UINT64_C(0x6c7967656e657261),
	                 key[1] ^ UINT64_C(0x7465646279746573)};
	uint64_t last = (uint64_t)len << 56;
	size_t i, rest = len & 7;

	for (i = 0; i + 8 <= len; i += 8) {
		uint64_t m = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		memcpy(&m, in + i, 8);
#else
		for (int k = 7; k >= 0; k--)
			m = m << 8 | in[i + (size_t)k];
#endif
		v[3] ^= m;
		sip_round(v);
		sip_round(v);
		v[0] ^= m;
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* The rest in at most two loads that may overlap. */
	if (rest >= 4) {
		uint32_t low, high;

		memcpy(&low, in + i, 4);
		memcpy(&high, in + i + rest - 4, 4);
		last |= low | (uint64_t)high << (8 * (rest - 4));
	} else if (rest) {
		last |= in[i] | (uint64_t)in[i + rest / 2] << (8 * (rest / 2)) |
		        (uint64_t)in[i + rest - 1] << (8 * (rest - 1));
	}
#else
	for (size_t k = 0; k < rest; k++)
		last |= (uint64_t)in[i + k] << (8 * k);
#endif
	v[3] ^= last;
	sip_round(v);
	sip_round(v);
	v[0] ^= last;
	v[2] ^= 0xff;
	for (int r = 0; r < 4; r++)
		sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/* Keyed per plan (issue 13, item 9): ids chosen to collide under a fixed
 * hash made every insertion probe one long run. */
static uint32_t
hash_id(const ukwd_plan *plan, const char *id)
{
	return (uint32_t)(ukwd__siphash(plan->hash_key, id, strlen(id)) >> 32);
}

/* Links are keyed by task indexes, which a file chooses only through the
 * order of its tasks; a secret offset before the mixer is enough. */
static uint32_t
hash_link(const ukwd_plan *plan, uint32_t predecessor, uint32_t successor,
          ukwd_link_type type)
{
	uint64_t h =
	    ((uint64_t)predecessor << 32 | successor) ^ ((uint64_t)type << 62);

	h += plan->hash_key[1];
	h ^= h >> 30;
	h *= UINT64_C(0xbf58476d1ce4e5b9);
	h ^= h >> 27;
	h *= UINT64_C(0x94d049bb133111eb);
	h ^= h >> 31;
	return (uint32_t)(h >> 32);
}

/* A slot: the key's 32-bit hash above, index + 1 below (0: empty). The
 * hash also gives the home slot, so a table grows without reading keys,
 * and a probe reads a task or link only when the hashes agree. */
#define SLOT_INDEX(slot)    ((uint32_t)(slot))
#define SLOT_HASH(slot)     ((uint32_t)((slot) >> 32))
#define SLOT(index, hash32) ((uint64_t)(hash32) << 32 | (uint32_t)((index) + 1))

#if defined(__GNUC__) || defined(__clang__)
#define UKWD__PREFETCH(address) __builtin_prefetch(address, 1)
#else
#define UKWD__PREFETCH(address) ((void)(address))
#endif

/* The slot holding id, or the empty slot where it would go. */
static size_t
id_slot(const ukwd_plan *plan, const char *id, uint32_t h)
{
	size_t mask = plan->id_capacity - 1, at = h & mask;

	for (;;) {
		uint64_t slot = plan->id_slots[at];

		if (!SLOT_INDEX(slot) ||
		    (SLOT_HASH(slot) == h &&
		     strcmp(plan->tasks[SLOT_INDEX(slot) - 1].id, id) == 0))
			return at;
		at = (at + 1) & mask;
	}
}

static size_t
link_slot(const ukwd_plan *plan, uint32_t predecessor, uint32_t successor,
          ukwd_link_type type, uint32_t h)
{
	size_t mask = plan->link_slot_capacity - 1, at = h & mask;

	for (;;) {
		uint64_t slot = plan->link_slots[at];
		const struct ukwd__link *link;

		if (!SLOT_INDEX(slot))
			return at;
		if (SLOT_HASH(slot) == h) {
			link = &plan->links[SLOT_INDEX(slot) - 1];
			if (link->predecessor == predecessor &&
			    link->successor == successor &&
			    ukwd__link_type(link) == type)
				return at;
		}
		at = (at + 1) & mask;
	}
}

/* Rehash a table into `capacity_new` slots. */
static int
table_resize(uint64_t **slots, size_t *capacity, size_t capacity_new)
{
	uint64_t *fresh, *old = *slots;
	size_t mask = capacity_new - 1;

	fresh = ukwd__calloc(capacity_new, sizeof(*fresh));
	if (!fresh)
		return UKWD_ENOMEM;
	for (size_t i = 0; i < *capacity; i++) {
		size_t at = SLOT_HASH(old[i]) & mask;

		if (!SLOT_INDEX(old[i]))
			continue;
		while (fresh[at])
			at = (at + 1) & mask;
		fresh[at] = old[i];
	}
	ukwd__free(old);
	*slots = fresh;
	*capacity = capacity_new;
	return 0;
}

/* Make room for one more id at a load of at most a half. */
static int
id_table_reserve(ukwd_plan *plan)
{
	size_t capacity = plan->id_capacity ? plan->id_capacity : 16;

	while ((plan->ntasks + 1) * 2 > capacity)
		capacity *= 2;
	if (capacity == plan->id_capacity)
		return 0;
	return table_resize(&plan->id_slots, &plan->id_capacity, capacity);
}

#define FEW_LINKS UKWD__PLAN_FEW_LINKS

/* Make room for `more` hashed links at a load of at most 3/4. */
static int
link_table_reserve(ukwd_plan *plan, size_t more)
{
	size_t capacity =
	    plan->link_slot_capacity ? plan->link_slot_capacity : 64;

	while ((plan->nhashed + more) * 4 > capacity * 3)
		capacity *= 2;
	if (capacity == plan->link_slot_capacity)
		return 0;
	return table_resize(&plan->link_slots, &plan->link_slot_capacity,
	                    capacity);
}

/* Room for `capacity` tasks in the task arrays, which share a
 * capacity. */
static int
tasks_resize(ukwd_plan *plan, size_t capacity)
{
	void *grown;

	if (capacity > SIZE_MAX / sizeof(*plan->tasks))
		return UKWD_ENOMEM;
	/* Each array that grows stays grown if a later one fails; the
	 * capacity moves only when all have. */
	if (!plan->in_deferred) {
		grown =
		    ukwd__realloc(plan->in_head, capacity * sizeof(uint32_t));
		if (!grown)
			return UKWD_ENOMEM;
		plan->in_head = grown;
		grown =
		    ukwd__realloc(plan->in_count, capacity * sizeof(uint32_t));
		if (!grown)
			return UKWD_ENOMEM;
		plan->in_count = grown;
	}
	grown = ukwd__realloc(plan->tasks, capacity * sizeof(*plan->tasks));
	if (!grown)
		return UKWD_ENOMEM;
	plan->tasks = grown;
	plan->task_capacity = capacity;
	return 0;
}

/* Room for one more task. */
static int
tasks_reserve(ukwd_plan *plan)
{
	size_t capacity = plan->task_capacity;

	if (plan->ntasks < capacity)
		return 0;
	/* A capacity reserved exactly may be small: grow by at least 64. */
	return tasks_resize(plan, capacity < 64 ? 64 : capacity + capacity / 2);
}

int
ukwd__plan_reserve(ukwd_plan *plan, size_t ntasks, size_t nlinks)
{
	size_t capacity = plan->id_capacity ? plan->id_capacity : 16;
	int rc = 0;

	if (ntasks > UKWD__PLAN_MAX_TASKS)
		ntasks = UKWD__PLAN_MAX_TASKS;
	if (nlinks > UKWD__PLAN_MAX_LINKS)
		nlinks = UKWD__PLAN_MAX_LINKS;
	if (ntasks > plan->task_capacity)
		rc = tasks_resize(plan, ntasks);
	while (rc == 0 && ntasks * 2 > capacity)
		capacity *= 2;
	if (rc == 0 && capacity != plan->id_capacity)
		rc =
		    table_resize(&plan->id_slots, &plan->id_capacity, capacity);
	if (rc == 0)
		rc = ukwd__grow((void **)&plan->links, &plan->link_capacity,
		                nlinks, sizeof(*plan->links), 64);
	if (rc == 0 && !plan->in_deferred)
		rc =
		    ukwd__grow((void **)&plan->in_next, &plan->in_next_capacity,
		               nlinks, sizeof(*plan->in_next), 64);
	return rc;
}

void
ukwd__plan_defer_link_index(ukwd_plan *plan)
{
	if (plan->in_deferred || plan->nlinks)
		return;
	ukwd__free(plan->in_head);
	ukwd__free(plan->in_count);
	ukwd__free(plan->in_next);
	plan->in_head = plan->in_count = plan->in_next = NULL;
	plan->in_next_capacity = 0;
	plan->in_deferred = 1;
}

/* Is there a link predecessor -> successor of this type already? */
static int
link_exists(const ukwd_plan *plan, uint32_t predecessor, uint32_t successor,
            ukwd_link_type type)
{
	if (plan->in_count[successor] > FEW_LINKS)
		return SLOT_INDEX(plan->link_slots[link_slot(
		           plan, predecessor, successor, type,
		           hash_link(plan, predecessor, successor, type))]) !=
		       0;
	for (uint32_t k = plan->in_head[successor]; k;
	     k = plan->in_next[k - 1]) {
		const struct ukwd__link *link = &plan->links[k - 1];

		if (link->predecessor == predecessor &&
		    ukwd__link_type(link) == type)
			return 1;
	}
	return 0;
}

static void
link_hash(ukwd_plan *plan, uint32_t index)
{
	const struct ukwd__link *link = &plan->links[index];
	ukwd_link_type type = ukwd__link_type(link);
	uint32_t h = hash_link(plan, link->predecessor, link->successor, type);

	plan->link_slots[link_slot(plan, link->predecessor, link->successor,
	                           type, h)] = SLOT(index, h);
	plan->nhashed++;
}

/* splitmix64's finaliser. */
static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

/* The library reads no clock and no environment: the key comes from
 * addresses that address-space layout randomisation makes differ from
 * run to run (the plan on the heap, a local on the stack, this code). An
 * attacker who cannot read the process's memory cannot choose ids that
 * collide under it; ordering and output never depend on it. */
static void
plan_key(ukwd_plan *plan)
{
	uintptr_t here = (uintptr_t)&plan;

	plan->hash_key[0] =
	    mix64((uint64_t)(uintptr_t)plan ^ UINT64_C(0x243f6a8885a308d3));
	plan->hash_key[1] = mix64((uint64_t)here ^ plan->hash_key[0] ^
	                          (uint64_t)(uintptr_t)&mix64);
}

int
ukwd_plan_new(ukwd_plan **out)
{
	ukwd_plan *plan;

	if (!out)
		return UKWD_EINVAL;
	plan = ukwd__calloc(1, sizeof(*plan));
	if (!plan)
		return UKWD_ENOMEM;
	plan_key(plan);
	*out = plan;
	return 0;
}

void
ukwd_plan_free(ukwd_plan *plan)
{
	struct ukwd__arena_block *block, *next;

	if (!plan)
		return;
	for (block = plan->arena; block; block = next) {
		next = block->next;
		ukwd__free(block);
	}
	ukwd__free(plan->tasks);
	ukwd__free(plan->extras);
	ukwd__free(plan->links);
	ukwd__free(plan->link_sources);
	ukwd__free(plan->id_slots);
	ukwd__free(plan->link_slots);
	ukwd__free(plan->in_head);
	ukwd__free(plan->in_count);
	ukwd__free(plan->in_next);
	ukwd__free(plan);
}

int
ukwd_plan_add_task(size_t *index, ukwd_plan *plan, const char *id,
                   const char *name, int32_t duration, ukwd_diag *diag)
{
	struct ukwd__task *task;
	size_t id_len, name_len, at;
	uint32_t h;
	char *strings;
	int rc;

	ukwd__diag_clear(diag);
	if (!plan || !id)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no plan or task id given (NULL)");
	if (!*id)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "a task id must not be empty");
	if (duration < 0 || duration > UKWD_PLAN_MAX_WORKING_DAYS)
		return ukwd__diag_set(
		    diag, UKWD_ERANGE, 0, 0,
		    "task '%.*s': duration %ld is not 0 to %d working days",
		    ID_IN_MESSAGE, id, (long)duration,
		    UKWD_PLAN_MAX_WORKING_DAYS);
	if (plan->ntasks >= UKWD__PLAN_MAX_TASKS)
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
		                      "too many tasks (at most %zu)",
		                      UKWD__PLAN_MAX_TASKS);
	/* Growing first is harmless if the id then turns out taken. */
	rc = tasks_reserve(plan);
	if (rc == 0)
		rc = id_table_reserve(plan);
	if (rc)
		return ukwd__diag_set(diag, rc, 0, 0, "out of memory");
	h = hash_id(plan, id);
	at = id_slot(plan, id, h);
	if (plan->id_slots[at])
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "duplicate task id '%.*s'", ID_IN_MESSAGE,
		                      id);
	/* The id and the name in one piece, so that a failure leaves
	 * nothing half-copied. */
	id_len = strlen(id) + 1;
	name_len = name && *name ? strlen(name) + 1 : 0;
	strings = arena_alloc(plan, id_len + name_len);
	if (!strings)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	memcpy(strings, id, id_len);
	if (name_len)
		memcpy(strings + id_len, name, name_len);
	task = &plan->tasks[plan->ntasks];
	task->id = strings;
	task->name = name_len ? strings + id_len : "";
	task->duration = duration;
	task->extra = 0;
	if (!plan->in_deferred)
		plan->in_head[plan->ntasks] = plan->in_count[plan->ntasks] = 0;
	plan->id_slots[at] = SLOT(plan->ntasks, h);
	if (index)
		*index = plan->ntasks;
	plan->ntasks++;
	plan->generation++;
	return 0;
}

int
ukwd__plan_append_task(ukwd_plan *plan, const char *id, size_t id_len,
                       const char *name, size_t name_len, int32_t duration,
                       size_t *first)
{
	return ukwd__plan_append_task_hashed(
	    plan, id, id_len, ukwd__plan_id_hash(plan, id, id_len), name,
	    name_len, duration, first);
}

int
ukwd__plan_append_task_hashed(ukwd_plan *plan, const char *id, size_t id_len,
                              uint32_t h, const char *name, size_t name_len,
                              int32_t duration, size_t *first)
{
	struct ukwd__task *task;
	char *strings;
	size_t mask, at;

	if (plan->ntasks >= UKWD__PLAN_MAX_TASKS)
		return UKWD_ERANGE;
	if (tasks_reserve(plan) || id_table_reserve(plan))
		return UKWD_ENOMEM;
	mask = plan->id_capacity - 1;
	for (at = h & mask;; at = (at + 1) & mask) {
		uint64_t slot = plan->id_slots[at];
		const char *known;

		if (!SLOT_INDEX(slot))
			break;
		if (SLOT_HASH(slot) != h)
			continue;
		known = plan->tasks[SLOT_INDEX(slot) - 1].id;
		if (strncmp(known, id, id_len) == 0 && known[id_len] == '\0') {
			*first = SLOT_INDEX(slot) - 1;
			return UKWD_EINVAL;
		}
	}
	strings = arena_alloc(plan, id_len + 1 + (name_len ? name_len + 1 : 0));
	if (!strings)
		return UKWD_ENOMEM;
	copy_short(strings, id, id_len);
	strings[id_len] = '\0';
	if (name_len) {
		copy_short(strings + id_len + 1, name, name_len);
		strings[id_len + 1 + name_len] = '\0';
	}
	task = &plan->tasks[plan->ntasks];
	task->id = strings;
	task->name = name_len ? strings + id_len + 1 : "";
	task->duration = duration;
	task->extra = 0;
	if (!plan->in_deferred)
		plan->in_head[plan->ntasks] = plan->in_count[plan->ntasks] = 0;
	plan->id_slots[at] = SLOT(plan->ntasks, h);
	plan->ntasks++;
	plan->generation++;
	return 0;
}

/* The task's extra record, made on first use. */
static struct ukwd__task_extra *
task_extra_make(ukwd_plan *plan, size_t task)
{
	struct ukwd__task_extra *extra;

	if (plan->tasks[task].extra)
		return &plan->extras[plan->tasks[task].extra - 1];
	if (plan->nextras >= UKWD__PLAN_MAX_TASKS ||
	    ukwd__grow((void **)&plan->extras, &plan->extra_capacity,
	               plan->nextras + 1, sizeof(*plan->extras), 16))
		return NULL;
	extra = &plan->extras[plan->nextras++];
	memset(extra, 0, sizeof(*extra));
	extra->optimistic = extra->most_likely = extra->pessimistic = -1;
	extra->remaining = -1;
	plan->tasks[task].extra = (uint32_t)plan->nextras;
	return extra;
}

static int
check_task(const ukwd_plan *plan, size_t task, ukwd_diag *diag)
{
	if (!plan)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no plan given (NULL)");
	if (task >= plan->ntasks)
		return ukwd__diag_set(diag, UKWD_ENOTFOUND, 0, 0,
		                      "no task %zu: the plan has %zu", task,
		                      plan->ntasks);
	return 0;
}

int
ukwd_plan_set_estimate(ukwd_plan *plan, size_t task, int32_t optimistic,
                       int32_t most_likely, int32_t pessimistic,
                       ukwd_diag *diag)
{
	struct ukwd__task_extra *extra;
	int rc;

	ukwd__diag_clear(diag);
	rc = check_task(plan, task, diag);
	if (rc)
		return rc;
	if (optimistic < 0 || pessimistic > UKWD_PLAN_MAX_WORKING_DAYS ||
	    most_likely < 0 || most_likely > UKWD_PLAN_MAX_WORKING_DAYS)
		return ukwd__diag_set(
		    diag, UKWD_ERANGE, 0, 0,
		    "task '%.*s': an estimate must be 0 to %d working days",
		    ID_IN_MESSAGE, plan->tasks[task].id,
		    UKWD_PLAN_MAX_WORKING_DAYS);
	if (optimistic > most_likely || most_likely > pessimistic)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "task '%.*s': estimate %ld, %ld, %ld is "
		                      "not optimistic <= most likely <= "
		                      "pessimistic",
		                      ID_IN_MESSAGE, plan->tasks[task].id,
		                      (long)optimistic, (long)most_likely,
		                      (long)pessimistic);
	extra = task_extra_make(plan, task);
	if (!extra)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	extra->optimistic = optimistic;
	extra->most_likely = most_likely;
	extra->pessimistic = pessimistic;
	plan->generation++;
	return 0;
}

int
ukwd_plan_set_remaining(ukwd_plan *plan, size_t task, int32_t remaining,
                        ukwd_diag *diag)
{
	struct ukwd__task_extra *extra;
	int rc;

	ukwd__diag_clear(diag);
	rc = check_task(plan, task, diag);
	if (rc)
		return rc;
	if (remaining < 0 || remaining > UKWD_PLAN_MAX_WORKING_DAYS)
		return ukwd__diag_set(
		    diag, UKWD_ERANGE, 0, 0,
		    "task '%.*s': remaining work must be 0 to %d working days",
		    ID_IN_MESSAGE, plan->tasks[task].id,
		    UKWD_PLAN_MAX_WORKING_DAYS);
	extra = task_extra_make(plan, task);
	if (!extra)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	extra->remaining = remaining;
	plan->generation++;
	return 0;
}

int
ukwd_plan_clear_remaining(ukwd_plan *plan, size_t task)
{
	struct ukwd__task_extra *extra;
	int rc = check_task(plan, task, NULL);

	if (rc)
		return rc;
	extra = plan->tasks[task].extra
	            ? &plan->extras[plan->tasks[task].extra - 1]
	            : NULL;
	if (extra && extra->remaining >= 0) {
		extra->remaining = -1;
		plan->generation++;
	}
	return 0;
}

void
ukwd__plan_set_task_line(ukwd_plan *plan, size_t task, int line)
{
	if (task < plan->ntasks && plan->tasks[task].extra)
		plan->extras[plan->tasks[task].extra - 1].line = line;
}

int
ukwd_plan_set_duration(ukwd_plan *plan, size_t task, int32_t duration,
                       ukwd_diag *diag)
{
	int rc;

	ukwd__diag_clear(diag);
	rc = check_task(plan, task, diag);
	if (rc)
		return rc;
	if (duration < 0 || duration > UKWD_PLAN_MAX_WORKING_DAYS)
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
		                      "task '%.*s': a duration must be 0 to %d "
		                      "working days",
		                      ID_IN_MESSAGE, plan->tasks[task].id,
		                      UKWD_PLAN_MAX_WORKING_DAYS);
	plan->tasks[task].duration = duration;
	plan->generation++;
	return 0;
}

/* A copy of a source in the plan's arena, struct and strings in one
 * block; NULL when out of memory. */
static const ukwd_source *
source_copy(ukwd_plan *plan, const ukwd_source *source)
{
	const char *citation = source->citation ? source->citation : "";
	const char *reference = source->reference ? source->reference : "";
	size_t clen = strlen(citation) + 1, rlen = strlen(reference) + 1;
	/* The arena packs strings byte by byte: align the struct by hand. */
	size_t align = _Alignof(ukwd_source),
	       head = sizeof(ukwd_source) + align - 1;
	ukwd_source *copy;
	char *raw, *text;

	if (clen + rlen > SIZE_MAX - head)
		return NULL;
	raw = arena_alloc(plan, head + clen + rlen);
	if (!raw)
		return NULL;
	copy = (ukwd_source *)(void *)(raw + ((align - (uintptr_t)raw % align) %
	                                      align));
	text = (char *)(copy + 1);
	memcpy(text, citation, clen);
	memcpy(text + clen, reference, rlen);
	copy->tag = source->tag;
	copy->citation = text;
	copy->reference = text + clen;
	return copy;
}

int
ukwd_plan_set_task_source(ukwd_plan *plan, size_t task,
                          const ukwd_source *source)
{
	struct ukwd__task_extra *extra;
	const ukwd_source *copy = NULL;
	int rc = check_task(plan, task, NULL);

	if (rc)
		return rc;
	if (source && (unsigned int)source->tag >= UKWD_SOURCE_TAG_COUNT)
		return UKWD_EINVAL;
	if (!source && !plan->tasks[task].extra)
		return 0;
	extra = task_extra_make(plan, task);
	if (!extra)
		return UKWD_ENOMEM;
	if (source) {
		copy = source_copy(plan, source);
		if (!copy)
			return UKWD_ENOMEM;
	}
	extra->source = copy;
	plan->generation++;
	return 0;
}

/* Build the index of links by successor that a reader deferred, as the
 * links added one by one would have left it. */
static int
in_index_build(ukwd_plan *plan)
{
	size_t hashed = 0;

	plan->in_head = ukwd__calloc(plan->task_capacity, sizeof(uint32_t));
	plan->in_count = ukwd__calloc(plan->task_capacity, sizeof(uint32_t));
	plan->in_next = ukwd__malloc(plan->link_capacity * sizeof(uint32_t));
	if (!plan->in_head || !plan->in_count || !plan->in_next) {
		ukwd__free(plan->in_head);
		ukwd__free(plan->in_count);
		ukwd__free(plan->in_next);
		plan->in_head = plan->in_count = plan->in_next = NULL;
		return UKWD_ENOMEM;
	}
	plan->in_next_capacity = plan->link_capacity;
	for (size_t l = 0; l < plan->nlinks; l++) {
		uint32_t successor = plan->links[l].successor;

		plan->in_next[l] = plan->in_head[successor];
		plan->in_head[successor] = (uint32_t)(l + 1);
		plan->in_count[successor]++;
	}
	for (size_t t = 0; t < plan->ntasks; t++)
		if (plan->in_count[t] > FEW_LINKS)
			hashed += plan->in_count[t];
	if (hashed && link_table_reserve(plan, hashed)) {
		ukwd__free(plan->in_head);
		ukwd__free(plan->in_count);
		ukwd__free(plan->in_next);
		plan->in_head = plan->in_count = plan->in_next = NULL;
		plan->in_next_capacity = 0;
		return UKWD_ENOMEM;
	}
	for (size_t l = 0; hashed && l < plan->nlinks; l++)
		if (plan->in_count[plan->links[l].successor] > FEW_LINKS)
			link_hash(plan, (uint32_t)l);
	plan->in_deferred = 0;
	return 0;
}

int
ukwd_plan_add_link(size_t *index, ukwd_plan *plan, size_t predecessor,
                   size_t successor, ukwd_link_type type, int32_t lag,
                   const char *source, ukwd_diag *diag)
{
	struct ukwd__link *link;
	uint32_t source_slot = 0, count;
	int rc;

	ukwd__diag_clear(diag);
	if (!plan)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no plan given (NULL)");
	if (predecessor >= plan->ntasks || successor >= plan->ntasks)
		return ukwd__diag_set(
		    diag, UKWD_ENOTFOUND, 0, 0, "no task %zu: the plan has %zu",
		    predecessor >= plan->ntasks ? predecessor : successor,
		    plan->ntasks);
	if ((unsigned)type > UKWD_LINK_SF)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "unknown link type %d", (int)type);
	if (lag < -UKWD_PLAN_MAX_WORKING_DAYS ||
	    lag > UKWD_PLAN_MAX_WORKING_DAYS)
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
		                      "lag %ld is not -%d to %d working days",
		                      (long)lag, UKWD_PLAN_MAX_WORKING_DAYS,
		                      UKWD_PLAN_MAX_WORKING_DAYS);
	if (predecessor == successor)
		return ukwd__diag_set(diag, UKWD_ECYCLE, 0, 0,
		                      "cycle: %.*s -> %.*s (a task cannot "
		                      "depend on itself)",
		                      ID_IN_MESSAGE, plan->tasks[successor].id,
		                      ID_IN_MESSAGE, plan->tasks[successor].id);
	if (plan->nlinks >= UKWD__PLAN_MAX_LINKS)
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
		                      "too many links (at most %zu)",
		                      UKWD__PLAN_MAX_LINKS);
	if (plan->in_deferred && in_index_build(plan))
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	rc = ukwd__grow((void **)&plan->links, &plan->link_capacity,
	                plan->nlinks + 1, sizeof(*plan->links), 64);
	if (rc == 0)
		rc =
		    ukwd__grow((void **)&plan->in_next, &plan->in_next_capacity,
		               plan->nlinks + 1, sizeof(*plan->in_next), 64);
	count = plan->in_count[successor];
	if (rc == 0 && count >= FEW_LINKS)
		rc = link_table_reserve(plan,
		                        count == FEW_LINKS ? FEW_LINKS + 1 : 1);
	if (rc)
		return ukwd__diag_set(diag, rc, 0, 0, "out of memory");
	if (link_exists(plan, (uint32_t)predecessor, (uint32_t)successor, type))
		return ukwd__diag_set(
		    diag, UKWD_EINVAL, 0, 0,
		    "duplicate link: '%.*s' is already an %s predecessor of "
		    "'%.*s'",
		    ID_IN_MESSAGE, plan->tasks[predecessor].id,
		    ukwd_link_type_name(type), ID_IN_MESSAGE,
		    plan->tasks[successor].id);
	if (source)
		rc = ukwd__grow((void **)&plan->link_sources,
		                &plan->source_capacity, plan->nsources + 1,
		                sizeof(*plan->link_sources), 16);
	if (rc == 0 && source) {
		const char *copy = arena_strdup(plan, source);

		if (!copy)
			rc = UKWD_ENOMEM;
		else
			plan->link_sources[plan->nsources] = copy;
	}
	if (rc)
		return ukwd__diag_set(diag, rc, 0, 0, "out of memory");
	if (source)
		source_slot = (uint32_t)++plan->nsources;
	link = &plan->links[plan->nlinks];
	link->predecessor = (uint32_t)predecessor;
	link->successor = (uint32_t)successor;
	link->lag = lag;
	link->bits = (uint32_t)type | source_slot << UKWD__LINK_SOURCE_SHIFT;
	plan->in_next[plan->nlinks] = plan->in_head[successor];
	plan->in_head[successor] = (uint32_t)(plan->nlinks + 1);
	plan->in_count[successor] = count + 1;
	if (count == FEW_LINKS) {
		/* The successor has many links now: hash them all. */
		for (uint32_t k = plan->in_head[successor]; k;
		     k = plan->in_next[k - 1])
			link_hash(plan, k - 1);
	} else if (count > FEW_LINKS) {
		link_hash(plan, (uint32_t)plan->nlinks);
	}
	if (index)
		*index = plan->nlinks;
	plan->nlinks++;
	plan->generation++;
	return 0;
}

static int
has_date(const struct ukwd__task_extra *extra, ukwd_constraint_type type)
{
	return extra && (extra->has >> type) & 1u;
}

/* Can `type` be set to `date` beside the task's other dates? */
static int
check_constraint(const ukwd_plan *plan, size_t task, ukwd_constraint_type type,
                 ukwd_date date, ukwd_diag *diag)
{
	const struct ukwd__task_extra *extra = ukwd__task_extra(plan, task);
	const char *id = plan->tasks[task].id;
	ukwd_constraint_type other;

	switch (type) {
	case UKWD_CONSTRAINT_MUST_START_ON:
	case UKWD_CONSTRAINT_MUST_FINISH_ON:
		other = type == UKWD_CONSTRAINT_MUST_START_ON
		            ? UKWD_CONSTRAINT_MUST_FINISH_ON
		            : UKWD_CONSTRAINT_MUST_START_ON;
		if (has_date(extra, other))
			return ukwd__diag_set(
			    diag, UKWD_EINVAL, 0, 0,
			    "task '%.*s' already has a %s date; a task can "
			    "have must-start-on or must-finish-on, not both",
			    ID_IN_MESSAGE, id,
			    ukwd_constraint_type_name(other));
		break;
	case UKWD_CONSTRAINT_ACTUAL_START:
	case UKWD_CONSTRAINT_ACTUAL_FINISH: {
		int is_start = type == UKWD_CONSTRAINT_ACTUAL_START;
		ukwd_constraint_type pair = is_start
		                                ? UKWD_CONSTRAINT_ACTUAL_FINISH
		                                : UKWD_CONSTRAINT_ACTUAL_START;
		ukwd_date start, finish;

		if (!has_date(extra, pair))
			break;
		start = is_start ? date : extra->date[pair];
		finish = is_start ? extra->date[pair] : date;
		if (finish < start)
			return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
			                      "task '%.*s': actual finish is "
			                      "before its actual start",
			                      ID_IN_MESSAGE, id);
		if (plan->tasks[task].duration == 0 && finish != start)
			return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
			                      "milestone '%.*s': actual start "
			                      "and finish must be the same day",
			                      ID_IN_MESSAGE, id);
		break;
	}
	default:
		break;
	}
	return 0;
}

int
ukwd_plan_set_constraint(ukwd_plan *plan, size_t task,
                         ukwd_constraint_type type, ukwd_date date,
                         ukwd_diag *diag)
{
	struct ukwd__task_extra *extra;
	int rc;

	ukwd__diag_clear(diag);
	rc = check_task(plan, task, diag);
	if (rc)
		return rc;
	if ((unsigned)type >= UKWD_CONSTRAINT_TYPE_COUNT)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "unknown constraint type %d", (int)type);
	if (!ukwd__date_in_range(date))
		return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
		                      "task '%.*s': %s date is outside "
		                      "0001-01-01..9999-12-31",
		                      ID_IN_MESSAGE, plan->tasks[task].id,
		                      ukwd_constraint_type_name(type));
	rc = check_constraint(plan, task, type, date, diag);
	if (rc)
		return rc;
	extra = task_extra_make(plan, task);
	if (!extra)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	extra->date[type] = date;
	extra->has |= 1u << type;
	plan->generation++;
	return 0;
}

int
ukwd_plan_clear_constraint(ukwd_plan *plan, size_t task,
                           ukwd_constraint_type type)
{
	int rc = check_task(plan, task, NULL);

	if (rc)
		return rc;
	if ((unsigned)type >= UKWD_CONSTRAINT_TYPE_COUNT)
		return UKWD_EINVAL;
	if (plan->tasks[task].extra) {
		plan->extras[plan->tasks[task].extra - 1].has &= ~(1u << type);
		plan->generation++;
	}
	return 0;
}

int
ukwd_plan_set_deadline(ukwd_plan *plan, ukwd_date deadline)
{
	if (!plan)
		return UKWD_EINVAL;
	if (!ukwd__date_in_range(deadline))
		return UKWD_ERANGE;
	plan->deadline = deadline;
	plan->has_deadline = 1;
	plan->generation++;
	return 0;
}

int
ukwd_plan_clear_deadline(ukwd_plan *plan)
{
	if (!plan)
		return UKWD_EINVAL;
	plan->has_deadline = 0;
	plan->generation++;
	return 0;
}

size_t
ukwd_plan_task_count(const ukwd_plan *plan)
{
	return plan ? plan->ntasks : 0;
}

size_t
ukwd_plan_link_count(const ukwd_plan *plan)
{
	return plan ? plan->nlinks : 0;
}

int
ukwd_plan_find(size_t *index, const ukwd_plan *plan, const char *id)
{
	uint32_t slot;

	if (!index || !plan || !id)
		return UKWD_EINVAL;
	if (!plan->id_capacity)
		return UKWD_ENOTFOUND;
	slot = SLOT_INDEX(plan->id_slots[id_slot(plan, id, hash_id(plan, id))]);
	if (!slot)
		return UKWD_ENOTFOUND;
	*index = slot - 1;
	return 0;
}

int
ukwd__plan_find_len(size_t *index, const ukwd_plan *plan, const char *id,
                    size_t len)
{
	size_t mask, at;
	uint32_t h;

	if (!plan->id_capacity)
		return UKWD_ENOTFOUND;
	h = ukwd__plan_id_hash(plan, id, len);
	mask = plan->id_capacity - 1;
	for (at = h & mask;; at = (at + 1) & mask) {
		uint64_t slot = plan->id_slots[at];
		const char *known;

		if (!SLOT_INDEX(slot))
			return UKWD_ENOTFOUND;
		if (SLOT_HASH(slot) != h)
			continue;
		known = plan->tasks[SLOT_INDEX(slot) - 1].id;
		if (strncmp(known, id, len) == 0 && known[len] == '\0') {
			*index = SLOT_INDEX(slot) - 1;
			return 0;
		}
	}
}

int
ukwd__plan_append_link_indexed(ukwd_plan *plan, uint32_t predecessor,
                               uint32_t successor, ukwd_link_type type,
                               int32_t lag)
{
	struct ukwd__link *link;
	uint32_t count = 0;

	if (predecessor == successor || plan->nlinks >= UKWD__PLAN_MAX_LINKS)
		return UKWD_EINVAL;
	if (plan->nlinks >= plan->link_capacity &&
	    ukwd__grow((void **)&plan->links, &plan->link_capacity,
	               plan->nlinks + 1, sizeof(*plan->links), 64))
		return UKWD_EINVAL;
	if (plan->in_deferred) {
		/* The successor's links are the last ones. */
		for (size_t k = plan->nlinks; k > 0; k--) {
			link = &plan->links[k - 1];
			if (link->successor != successor)
				break;
			if (link->predecessor == predecessor &&
			    ukwd__link_type(link) == type)
				return UKWD_EINVAL;
			if (++count >= FEW_LINKS)
				return UKWD_EINVAL;
		}
	} else {
		count = plan->in_count[successor];
		if (count >= FEW_LINKS ||
		    (plan->nlinks >= plan->in_next_capacity &&
		     ukwd__grow((void **)&plan->in_next,
		                &plan->in_next_capacity, plan->nlinks + 1,
		                sizeof(*plan->in_next), 64)))
			return UKWD_EINVAL;
		for (uint32_t k = plan->in_head[successor]; k;
		     k = plan->in_next[k - 1]) {
			link = &plan->links[k - 1];
			if (link->predecessor == predecessor &&
			    ukwd__link_type(link) == type)
				return UKWD_EINVAL;
		}
		plan->in_next[plan->nlinks] = plan->in_head[successor];
		plan->in_head[successor] = (uint32_t)(plan->nlinks + 1);
		plan->in_count[successor] = count + 1;
	}
	link = &plan->links[plan->nlinks];
	link->predecessor = predecessor;
	link->successor = successor;
	link->lag = lag;
	link->bits = (uint32_t)type;
	plan->nlinks++;
	plan->generation++;
	return 0;
}

const char *
ukwd_plan_task_id(const ukwd_plan *plan, size_t task)
{
	return plan && task < plan->ntasks ? plan->tasks[task].id : NULL;
}

const char *
ukwd_plan_task_name(const ukwd_plan *plan, size_t task)
{
	return plan && task < plan->ntasks ? plan->tasks[task].name : NULL;
}

const ukwd_source *
ukwd_plan_task_source(const ukwd_plan *plan, size_t task)
{
	const struct ukwd__task_extra *extra;

	if (!plan || task >= plan->ntasks)
		return NULL;
	extra = ukwd__task_extra(plan, task);
	return extra ? extra->source : NULL;
}

int32_t
ukwd_plan_task_duration(const ukwd_plan *plan, size_t task)
{
	if (!plan)
		return UKWD_EINVAL;
	if (task >= plan->ntasks)
		return UKWD_ENOTFOUND;
	return plan->tasks[task].duration;
}

int
ukwd_plan_task_estimate(int32_t *optimistic, int32_t *most_likely,
                        int32_t *pessimistic, const ukwd_plan *plan,
                        size_t task)
{
	const struct ukwd__task_extra *extra;
	int rc = check_task(plan, task, NULL);

	if (rc)
		return rc;
	extra = ukwd__task_extra(plan, task);
	if (!extra || extra->optimistic < 0)
		return UKWD_ENOTFOUND;
	if (optimistic)
		*optimistic = extra->optimistic;
	if (most_likely)
		*most_likely = extra->most_likely;
	if (pessimistic)
		*pessimistic = extra->pessimistic;
	return 0;
}

int
ukwd_plan_task_remaining(int32_t *remaining, const ukwd_plan *plan, size_t task)
{
	const struct ukwd__task_extra *extra;

	if (!plan || !remaining)
		return UKWD_EINVAL;
	if (task >= plan->ntasks)
		return UKWD_ENOTFOUND;
	extra = ukwd__task_extra(plan, task);
	if (!extra || extra->remaining < 0)
		return UKWD_ENOTFOUND;
	*remaining = extra->remaining;
	return 0;
}

int
ukwd_plan_task_constraint(ukwd_date *date, const ukwd_plan *plan, size_t task,
                          ukwd_constraint_type type)
{
	const struct ukwd__task_extra *extra;
	int rc;

	if (!date || (unsigned)type >= UKWD_CONSTRAINT_TYPE_COUNT)
		return UKWD_EINVAL;
	rc = check_task(plan, task, NULL);
	if (rc)
		return rc;
	extra = ukwd__task_extra(plan, task);
	if (!has_date(extra, type))
		return UKWD_ENOTFOUND;
	*date = extra->date[type];
	return 0;
}

int
ukwd_plan_deadline(ukwd_date *deadline, const ukwd_plan *plan)
{
	if (!deadline || !plan)
		return UKWD_EINVAL;
	if (!plan->has_deadline)
		return UKWD_ENOTFOUND;
	*deadline = plan->deadline;
	return 0;
}

int
ukwd_plan_link(ukwd_plan_link_info *out, const ukwd_plan *plan, size_t link)
{
	const struct ukwd__link *l;
	uint32_t source_slot;

	if (!out || !plan)
		return UKWD_EINVAL;
	if (link >= plan->nlinks)
		return UKWD_ENOTFOUND;
	l = &plan->links[link];
	source_slot = l->bits >> UKWD__LINK_SOURCE_SHIFT;
	out->predecessor = l->predecessor;
	out->successor = l->successor;
	out->type = ukwd__link_type(l);
	out->lag = l->lag;
	out->source = source_slot ? plan->link_sources[source_slot - 1] : NULL;
	return 0;
}

const char *
ukwd_link_type_name(ukwd_link_type type)
{
	static const char *const names[] = {"FS", "SS", "FF", "SF"};

	return (unsigned)type <= UKWD_LINK_SF ? names[type] : NULL;
}

const char *
ukwd_constraint_type_name(ukwd_constraint_type type)
{
	static const char *const names[UKWD_CONSTRAINT_TYPE_COUNT] = {
	    "start no earlier than",
	    "finish no later than",
	    "must start on",
	    "must finish on",
	    "deadline",
	    "actual start",
	    "actual finish"};

	return (unsigned)type < UKWD_CONSTRAINT_TYPE_COUNT ? names[type] : NULL;
}

/* ------------------------------------------------------------------ */
/* The dependency graph */

void
ukwd__graph_free(struct ukwd__graph *g)
{
	ukwd__free(g->order);
	ukwd__free(g->start);
	ukwd__free(g->edge);
	memset(g, 0, sizeof(*g));
}

/* Kahn's algorithm with a preference: a scan in index order takes each
 * task that is ready when the scan reaches it, and a task that becomes
 * ready after the scan has passed it is taken from a queue as soon as it
 * does. A plan mostly in dependency order is thus ordered mostly as it
 * stands, which keeps the passes' reads close together. Each task is
 * taken once: the queue only ever holds tasks behind the scan. */
static void
kahn(struct ukwd__graph *g, const uint32_t *start, const uint32_t *successor,
     uint32_t *indegree, size_t *sorted)
{
	uint32_t *order = g->order;
	size_t out = 0;

	/* order[] is its own queue: the tasks taken but not yet followed
	 * are order[next..out). */
	for (size_t scan = 0; scan < g->ntasks; scan++) {
		size_t next = out;

		if (indegree[scan] == 0)
			order[out++] = (uint32_t)scan;
		/* Take order[next..out), and whatever they make ready. */
		while (next < out) {
			uint32_t t = order[next++];

			for (uint32_t k = t ? start[t - 1] : 0; k < start[t];
			     k++) {
				uint32_t x = successor[k];

				if (--indegree[x] == 0 && x <= scan)
					order[out++] = x;
			}
		}
	}
	*sorted = out;
}

int
ukwd__graph_sort(struct ukwd__graph *g, const ukwd_plan *plan,
                 uint32_t *scratch, size_t *sorted)
{
	size_t n = plan->ntasks, m = plan->nlinks, l;
	uint32_t *start, *successor;

	memset(g, 0, sizeof(*g));
	g->ntasks = n;
	g->nlinks = m;
	g->order = ukwd__malloc(n * sizeof(*g->order));
	if (!g->order)
		return UKWD_ENOMEM;
	for (l = 0; l < m; l++)
		if (plan->links[l].predecessor > plan->links[l].successor)
			break;
	if (l == m) {
		/* Every link runs forward: the plan's order will do. */
		for (size_t t = 0; t < n; t++)
			g->order[t] = (uint32_t)t;
		memset(scratch, 0, n * sizeof(*scratch));
		*sorted = n;
		return 0;
	}
	/* Successors by predecessor (a counting sort), for Kahn. */
	start = ukwd__calloc(n + 1, sizeof(*start));
	successor = ukwd__malloc(m * sizeof(*successor));
	if (!start || !successor) {
		ukwd__free(start);
		ukwd__free(successor);
		ukwd__graph_free(g);
		return UKWD_ENOMEM;
	}
	memset(scratch, 0, n * sizeof(*scratch));
	for (l = 0; l < m; l++) {
		start[plan->links[l].predecessor + 1]++;
		scratch[plan->links[l].successor]++;
	}
	for (size_t t = 1; t <= n; t++)
		start[t] += start[t - 1];
	for (l = 0; l < m; l++)
		successor[start[plan->links[l].predecessor]++] =
		    plan->links[l].successor;
	/* start[t] is now where t's successors end. */
	kahn(g, start, successor, scratch, sorted);
	ukwd__free(start);
	ukwd__free(successor);
	return 0;
}

int
ukwd__graph_edges(struct ukwd__graph *g, const ukwd_plan *plan)
{
	size_t n = plan->ntasks, m = plan->nlinks, l;
	uint32_t *start;

	g->start = start = ukwd__calloc(n + 1, sizeof(*start));
	if (!g->start)
		return UKWD_ENOMEM;
	for (l = 0; l < m; l++)
		start[plan->links[l].successor + 1]++;
	for (size_t t = 1; t <= n; t++)
		start[t] += start[t - 1];
	for (l = 1; l < m; l++)
		if (plan->links[l].successor < plan->links[l - 1].successor)
			break;
	if (l >= m) {
		/* Grouped by successor already: no copy (12 bytes a
		 * link). */
		g->links = plan->links;
		return 0;
	}
	g->edge = ukwd__malloc(m * sizeof(*g->edge));
	if (!g->edge)
		return UKWD_ENOMEM;
	/* Fill, moving start[t] to the end of t's edges... */
	for (l = 0; l < m; l++) {
		const struct ukwd__link *link = &plan->links[l];
		struct ukwd__edge *e = &g->edge[start[link->successor]++];

		e->predecessor = link->predecessor;
		e->lag = link->lag;
		e->link = (uint32_t)l << 2 | (uint32_t)ukwd__link_type(link);
	}
	/* ...then back to its beginning. */
	for (size_t t = n; t > 0; t--)
		start[t] = start[t - 1];
	start[0] = 0;
	return 0;
}

#define VISITED UINT32_C(0x80000000)

static void
reverse(uint32_t *a, size_t n)
{
	for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
		uint32_t keep = a[i];

		a[i] = a[j - 1];
		a[j - 1] = keep;
	}
}

size_t
ukwd__graph_cycle(const struct ukwd__graph *g, uint32_t *scratch,
                  uint32_t *cycle)
{
	size_t len = 0, from, lowest = 0, length;
	uint32_t t = 0;

	/* Every task Kahn left has a predecessor it left too: walk back
	 * along such predecessors until a task comes round again. */
	while (scratch[t] == 0)
		t++;
	while (!(scratch[t] & VISITED)) {
		scratch[t] |= VISITED;
		cycle[len++] = t;
		for (uint32_t k = g->start[t]; k < g->start[t + 1]; k++) {
			uint32_t p = ukwd__graph_edge(g, k).predecessor;

			if (scratch[p] & ~VISITED) {
				t = p;
				break;
			}
		}
	}
	from = len;
	while (cycle[from - 1] != t)
		from--;
	from--;
	/* cycle[from..len) was walked against the links: reverse it into
	 * dependency order, move it to the front, start at its lowest. */
	length = len - from;
	reverse(cycle + from, length);
	memmove(cycle, cycle + from, length * sizeof(*cycle));
	for (size_t i = 1; i < length; i++)
		if (cycle[i] < cycle[lowest])
			lowest = i;
	reverse(cycle, lowest);
	reverse(cycle + lowest, length - lowest);
	reverse(cycle, length);
	return length;
}

int
ukwd__graph_build(struct ukwd__graph *g, const ukwd_plan *plan,
                  uint32_t *scratch, const uint32_t **cycle, size_t *length,
                  ukwd_diag *diag)
{
	size_t sorted;

	*cycle = NULL;
	*length = 0;
	if (ukwd__graph_sort(g, plan, scratch, &sorted) ||
	    ukwd__graph_edges(g, plan)) {
		ukwd__graph_free(g);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	if (sorted == plan->ntasks)
		return 0;
	*length = ukwd__graph_cycle(g, scratch, g->order + sorted);
	*cycle = g->order + sorted;
	return ukwd__cycle_diag(diag, plan, *cycle, *length);
}

static size_t
id_len(const char *id)
{
	size_t len = strlen(id);

	return len > ID_IN_MESSAGE ? ID_IN_MESSAGE : len;
}

/* Append len bytes of text; the caller has checked that they fit. */
static void
append(char *buf, size_t *used, const char *text, size_t len)
{
	memcpy(buf + *used, text, len);
	*used += len;
	buf[*used] = '\0';
}

int
ukwd__cycle_diag(ukwd_diag *diag, const ukwd_plan *plan, const uint32_t *cycle,
                 size_t length)
{
	char msg[UKWD_DIAG_MESSAGE_SIZE];
	const char *first = plan->tasks[cycle[0]].id;
	size_t used = 0, total = 7, i;
	/* The end when some ids are left out: " -> ... -> first". */
	size_t tail = 11 + id_len(first);

	for (i = 0; i < length; i++)
		total += 4 + id_len(plan->tasks[cycle[i]].id);
	total += id_len(first);
	append(msg, &used, "cycle: ", 7);
	for (i = 0; i < length; i++) {
		const char *id = plan->tasks[cycle[i]].id;
		size_t piece = (i ? 4 : 0) + id_len(id);

		if (total >= sizeof(msg) && used + piece + tail >= sizeof(msg))
			break;
		if (i)
			append(msg, &used, " -> ", 4);
		append(msg, &used, id, id_len(id));
	}
	if (i < length)
		append(msg, &used, " -> ...", 7);
	append(msg, &used, " -> ", 4);
	append(msg, &used, first, id_len(first));
	return ukwd__diag_set(diag, UKWD_ECYCLE, 0, 0, "%s", msg);
}

int
ukwd_plan_find_cycle(size_t *tasks, size_t capacity, size_t *length,
                     const ukwd_plan *plan, ukwd_diag *diag)
{
	struct ukwd__graph g;
	const uint32_t *cycle;
	uint32_t *scratch;
	size_t cycle_len;
	int rc;

	ukwd__diag_clear(diag);
	if (length)
		*length = 0;
	if (!plan || (!tasks && capacity))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no plan given (NULL)");
	scratch = ukwd__malloc(plan->ntasks * sizeof(*scratch));
	if (!scratch)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	rc = ukwd__graph_build(&g, plan, scratch, &cycle, &cycle_len, diag);
	if (rc == UKWD_ECYCLE) {
		for (size_t i = 0; i < cycle_len && i < capacity; i++)
			tasks[i] = cycle[i];
		if (length)
			*length = cycle_len;
	}
	ukwd__free(scratch);
	ukwd__graph_free(&g);
	return rc;
}
