/* A list of named days, collected before a builder is touched (days.h). */
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

int
ukwd__days_apply(ukwd_calendar_builder *b, const struct ukwd__days *list,
                 unsigned int flags)
{
	ukwd_calendar_builder *work;
	int rc;

	rc = ukwd__builder_clone(&work, b);
	if (rc)
		return rc;
	if (flags & UKWD_IMPORT_OFFICIAL)
		rc = make_official(work, list);
	for (size_t i = 0; rc == 0 && i < list->count; i++)
		rc = ukwd__builder_add_range(work, list->run[i].first,
		                             list->run[i].last,
		                             list->run[i].name);
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
