/* A list of named days, collected before a builder is touched (days.h). */
#include <stdlib.h>
#include <string.h>

#include "days.h"
#include "internal.h"

void
ukwd__days_free(struct ukwd__days *list)
{
	for (size_t i = 0; i < list->nowned; i++)
		ukwd__free(list->owned[i]);
	ukwd__free(list->owned);
	ukwd__free(list->run);
	memset(list, 0, sizeof(*list));
}

int
ukwd__days_add_range(struct ukwd__days *list, ukwd_date first, ukwd_date last,
                     const char *name)
{
	struct ukwd__day_run *tail =
	    list->count ? &list->run[list->count - 1] : NULL;
	size_t days;
	int rc;

	if (!name)
		name = "";
	if (last < first)
		return UKWD_EINVAL;
	days = (size_t)((long long)last - first) + 1;
	if (days > UKWD__DAYS_MAX - list->days)
		return ukwd__diag_set(
		    list->diag, UKWD_ERANGE, 0, 0,
		    "more than %d days of holidays in one file (every day of "
		    "every event counts)",
		    UKWD__DAYS_MAX);
	if (tail && tail->name == name && (long long)tail->last + 1 == first) {
		tail->last = last;
		list->days += days;
		return 0;
	}
	rc = ukwd__grow((void **)&list->run, &list->capacity, list->count + 1,
	                sizeof(*list->run), 16);
	if (rc)
		return rc;
	list->run[list->count++] = (struct ukwd__day_run){first, last, name};
	list->days += days;
	return 0;
}

int
ukwd__days_own(struct ukwd__days *list, char *name)
{
	if (ukwd__grow((void **)&list->owned, &list->owned_capacity,
	               list->nowned + 1, sizeof(*list->owned), 16)) {
		ukwd__free(name);
		return UKWD_ENOMEM;
	}
	list->owned[list->nowned++] = name;
	return 0;
}

/* Is `name` one of the "; "-separated names in `names`? */
static int
has_name(const char *names, const char *name, size_t len)
{
	for (const char *at = names; at;) {
		const char *end = strstr(at, "; ");
		size_t n = end ? (size_t)(end - at) : strlen(at);

		if (n == len && memcmp(at, name, len) == 0)
			return 1;
		at = end ? end + 2 : NULL;
	}
	return 0;
}

int
ukwd__days_join_last(struct ukwd__days *list, const char *name)
{
	struct ukwd__day_run *tail;
	size_t len_a, len_b;
	char *joined;
	int rc;

	if (!list->count || !name)
		return UKWD_EINVAL;
	tail = &list->run[list->count - 1];
	len_a = strlen(tail->name);
	len_b = strlen(name);
	if (has_name(tail->name, name, len_b))
		return 0;
	joined = ukwd__malloc(len_a + len_b + 3);
	if (!joined)
		return UKWD_ENOMEM;
	memcpy(joined, tail->name, len_a);
	memcpy(joined + len_a, "; ", 2);
	memcpy(joined + len_a + 2, name, len_b + 1);
	rc = ukwd__days_own(list, joined);
	if (rc)
		return rc;
	if (tail->first == tail->last) {
		tail->name = joined;
		return 0;
	}
	/* The run's last day leaves it with the joined name. */
	rc = ukwd__grow((void **)&list->run, &list->capacity, list->count + 1,
	                sizeof(*list->run), 16);
	if (rc)
		return rc;
	tail = &list->run[list->count - 1];
	list->run[list->count++] =
	    (struct ukwd__day_run){tail->last, tail->last, joined};
	tail->last--;
	return 0;
}

/* Official data is the truth for the years that hold its days (a file
 * with days in 2012 and 2030 only says nothing of 2013-2029): in each run
 * of such years the builder's weekday holidays go and the years become
 * official. */
static int
make_official(ukwd_calendar_builder *work, const struct ukwd__days *list)
{
	unsigned char *covered = ukwd__calloc(10000, 1);
	int rc = 0;

	if (!covered)
		return UKWD_ENOMEM;
	for (size_t i = 0; i < list->count; i++) {
		int first, last;

		ukwd_date_to_ymd(list->run[i].first, &first, NULL, NULL);
		ukwd_date_to_ymd(list->run[i].last, &last, NULL, NULL);
		for (int y = first; y <= last; y++)
			covered[y] = 1;
	}
	for (int first = 1; rc == 0 && first <= 9999; first++) {
		int last = first;

		if (!covered[first])
			continue;
		while (last < 9999 && covered[last + 1])
			last++;
		rc = ukwd__builder_remove_weekday_holidays(
		    work, ukwd__days_from_civil(first, 1, 1),
		    ukwd__days_from_civil(last, 12, 31));
		if (rc == 0)
			rc = ukwd_calendar_builder_set_provenance(
			    work, first, last, UKWD_PROVENANCE_OFFICIAL);
		first = last;
	}
	ukwd__free(covered);
	return rc;
}

/* A run's first day and its place in the list, to sort the runs by. */
struct run_start {
	ukwd_date first;
	size_t index;
};

static int
compare_starts(const void *a, const void *b)
{
	const struct run_start *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* A max-heap of run indices: the latest run on top. */
static void
heap_push(size_t *heap, size_t *count, size_t index)
{
	size_t at = (*count)++;

	while (at > 0 && heap[(at - 1) / 2] < index) {
		heap[at] = heap[(at - 1) / 2];
		at = (at - 1) / 2;
	}
	heap[at] = index;
}

static void
heap_pop(size_t *heap, size_t *count)
{
	size_t index = heap[--*count], at = 0;

	for (;;) {
		size_t child = 2 * at + 1;

		if (child >= *count)
			break;
		if (child + 1 < *count && heap[child + 1] > heap[child])
			child++;
		if (heap[child] <= index)
			break;
		heap[at] = heap[child];
		at = child;
	}
	heap[at] = index;
}

/* The list's days as the builder keeps them (a later name for a day
 * wins): sorted runs that share no day, in *out (*count of them). A
 * sweep over the runs by first day, with the runs that cover the day
 * reached in a heap, the latest on top: O(k log k) for k runs however
 * often they repeat a day (a long event repeating weekly names each day
 * of the range hundreds of times, and the builder would hold and sort
 * every one). */
static int
days_flatten(struct ukwd__day_run **out, size_t *count,
             const struct ukwd__days *list)
{
	size_t runs = list->count, next = 0, nheap = 0, capacity = 0;
	struct run_start *start = ukwd__malloc(runs * sizeof(*start));
	size_t *heap = ukwd__malloc(runs * sizeof(*heap));
	struct ukwd__day_run *flat = NULL;
	long long day = 0;
	int rc = 0;

	*count = 0;
	if (!start || !heap)
		rc = UKWD_ENOMEM;
	for (size_t i = 0; rc == 0 && i < runs; i++)
		start[i] = (struct run_start){list->run[i].first, i};
	if (rc == 0)
		qsort(start, runs, sizeof(*start), compare_starts);
	while (rc == 0) {
		const struct ukwd__day_run *top;
		long long end;

		while (nheap && list->run[heap[0]].last < day)
			heap_pop(heap, &nheap);
		if (!nheap) {
			if (next == runs)
				break;
			day = start[next].first;
		}
		/* Every run starting by `day` is in the heap (or over). */
		while (next < runs && start[next].first <= day)
			heap_push(heap, &nheap, start[next++].index);
		top = &list->run[heap[0]];
		end = top->last;
		if (next < runs && start[next].first - 1LL < end)
			end = start[next].first - 1LL;
		if (*count && flat[*count - 1].name == top->name &&
		    flat[*count - 1].last + 1LL == day) {
			flat[*count - 1].last = (ukwd_date)end;
		} else {
			rc = ukwd__grow((void **)&flat, &capacity, *count + 1,
			                sizeof(*flat), 16);
			if (rc == 0)
				flat[(*count)++] = (struct ukwd__day_run){
				    (ukwd_date)day, (ukwd_date)end, top->name};
		}
		day = end + 1;
	}
	ukwd__free(start);
	ukwd__free(heap);
	if (rc) {
		ukwd__free(flat);
		*count = 0;
		flat = NULL;
	}
	*out = flat;
	return rc;
}

/* Add runs[0, count) to the builder, in reverse if `backwards`. */
static int
add_runs(ukwd_calendar_builder *work, const struct ukwd__day_run *runs,
         size_t count, int backwards)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < count; i++) {
		const struct ukwd__day_run *run =
		    &runs[backwards ? count - 1 - i : i];

		rc = ukwd__builder_add_range(work, run->first, run->last,
		                             run->name);
	}
	return rc;
}

/* Runs the builder can take as they are: sorted and sharing no day,
 * forwards (1) or backwards (-1, as a file listing days newest first
 * gives them); 0 for neither. */
static int
runs_order(const struct ukwd__days *list)
{
	int forwards = 1, backwards = 1;

	for (size_t i = 1; i < list->count && (forwards || backwards); i++) {
		if (list->run[i - 1].last >= list->run[i].first)
			forwards = 0;
		if (list->run[i].last >= list->run[i - 1].first)
			backwards = 0;
	}
	return forwards ? 1 : backwards ? -1 : 0;
}

int
ukwd__days_apply(ukwd_calendar_builder *b, const struct ukwd__days *list,
                 unsigned int flags)
{
	ukwd_calendar_builder *work;
	int order = runs_order(list);
	int rc;

	rc = ukwd__builder_clone(&work, b);
	if (rc)
		return rc;
	if (flags & UKWD_IMPORT_OFFICIAL)
		rc = make_official(work, list);
	/* The builder keeps the last name given for a day, so the runs can
	 * go in flattened when they overlap or come out of order. */
	if (rc == 0 && order != 0) {
		rc = add_runs(work, list->run, list->count, order < 0);
	} else if (rc == 0) {
		struct ukwd__day_run *flat;
		size_t count;

		rc = days_flatten(&flat, &count, list);
		if (rc == 0)
			rc = add_runs(work, flat, count, 0);
		ukwd__free(flat);
	}
	if (rc == 0)
		ukwd__builder_swap(b, work);
	ukwd_calendar_builder_free(work);
	return rc;
}

int
ukwd__days_assemble(ukwd_calendar **out, unsigned int weekend, ukwd_date first,
                    ukwd_date last, const struct ukwd__days *list,
                    const unsigned char *provenance)
{
	struct ukwd__day *day = NULL;
	size_t count = 0;
	int rc;

	if (list->days) {
		day = ukwd__malloc(list->days * sizeof(*day));
		if (!day)
			return UKWD_ENOMEM;
	}
	for (size_t i = 0; i < list->count; i++)
		for (ukwd_date d = list->run[i].first; d <= list->run[i].last;
		     d++)
			day[count++] = (struct ukwd__day){d, list->run[i].name};
	rc = ukwd__calendar_assemble(out, weekend, first, last, day, count,
	                             provenance, NULL);
	ukwd__free(day);
	return rc;
}
