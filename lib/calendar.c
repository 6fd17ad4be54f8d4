#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ukwd/calendar.h"
#include "calendar-private.h"
#include "internal.h"

#define UKWD__MAX_YEAR 9999
#define UKWD__ALL_DAYS 0x7Fu

/* The builder's distinct names, each held once however many days carry
 * it: an open-addressing set of owned strings, never shrunk before the
 * builder is freed. */
struct name_pool {
	char **slot;      /* capacity entries, NULL when empty */
	const char *last; /* the name interned last: days come in runs */
	size_t count;     /* names held */
	size_t capacity;  /* 0 or a power of two */
};

struct ukwd_calendar_builder {
	unsigned int weekend;
	int has_range;
	ukwd_date first, last;
	size_t count, capacity;
	/* holidays[0, sorted) are sorted by date and unique; the rest were
	 * added after, in any order, a later one for a date replacing an
	 * earlier one. Sorted and merged once, when asked for (issue 13:
	 * inserting each in place moved the tail every time). Names point
	 * into `names`. */
	struct ukwd__day *holidays;
	size_t sorted;
	struct name_pool names;
	unsigned char provenance[UKWD__MAX_YEAR + 1]; /* indexed by year */
};

/* FNV-1a: names are few and come from the file being read, never chosen
 * to collide with each other at a cost worth attacking (a thousand equal
 * hashes cost a thousand string compares each). */
static size_t
name_hash(const char *name)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * UINT64_C(1099511628211);
	return (size_t)(h ^ (h >> 32));
}

static void
pool_free(struct name_pool *pool)
{
	for (size_t i = 0; i < pool->capacity; i++)
		ukwd__free(pool->slot[i]);
	ukwd__free(pool->slot);
	memset(pool, 0, sizeof(*pool));
}

static int
pool_grow(struct name_pool *pool)
{
	size_t capacity = pool->capacity ? pool->capacity * 2 : 16;
	char **slot = ukwd__calloc(capacity, sizeof(*slot));

	if (!slot)
		return UKWD_ENOMEM;
	for (size_t i = 0; i < pool->capacity; i++) {
		size_t at;

		if (!pool->slot[i])
			continue;
		at = name_hash(pool->slot[i]) & (capacity - 1);
		while (slot[at])
			at = (at + 1) & (capacity - 1);
		slot[at] = pool->slot[i];
	}
	ukwd__free(pool->slot);
	pool->slot = slot;
	pool->capacity = capacity;
	return 0;
}

/* The pool's copy of name, added if new. */
static int
pool_intern(const char **out, struct name_pool *pool, const char *name)
{
	size_t at;

	if (!name)
		name = "";
	if (pool->last && strcmp(pool->last, name) == 0) {
		*out = pool->last;
		return 0;
	}
	if ((pool->count + 1) * 4 > pool->capacity * 3 && pool_grow(pool))
		return UKWD_ENOMEM;
	at = name_hash(name) & (pool->capacity - 1);
	for (; pool->slot[at]; at = (at + 1) & (pool->capacity - 1))
		if (strcmp(pool->slot[at], name) == 0) {
			*out = pool->last = pool->slot[at];
			return 0;
		}
	pool->slot[at] = ukwd__strdup(name);
	if (!pool->slot[at])
		return UKWD_ENOMEM;
	pool->count++;
	*out = pool->last = pool->slot[at];
	return 0;
}

/* The end of the run of days sorted by date (equal dates allowed)
 * that starts at `lo`. A run of strictly falling dates (days added
 * newest first) is reversed into one: that keeps the sort stable, as no
 * two of its days share a date. */
static size_t
days_run_end(struct ukwd__day *days, size_t lo, size_t count)
{
	size_t hi = lo + 1;

	if (hi < count && days[hi].date < days[lo].date) {
		while (hi < count && days[hi].date < days[hi - 1].date)
			hi++;
		for (size_t a = lo, z = hi - 1; a < z; a++, z--) {
			struct ukwd__day swap = days[a];

			days[a] = days[z];
			days[z] = swap;
		}
	}
	while (hi < count && days[hi - 1].date <= days[hi].date)
		hi++;
	return hi;
}

/* Sort days[0, count) by date, stably, then keep the last of each date;
 * *kept is the new count. A natural merge sort: the runs the days
 * already hold are merged pairwise, pass after pass, with a scratch
 * array of the same size, so k runs cost log2 k passes (a builder holds
 * one run per range of days added in order, plus one for what it had).
 * On UKWD_ENOMEM the days are as they were. */
static int
days_sort_unique(size_t *kept_out, struct ukwd__day *days, size_t count)
{
	struct ukwd__day *from = days, *to, *scratch;
	size_t kept = 0, i, runs;

	for (i = 1; i < count && days[i - 1].date < days[i].date; i++)
		;
	if (i >= count) {
		*kept_out = count;
		return 0;
	}
	scratch = ukwd__malloc(count * sizeof(*scratch));
	if (!scratch)
		return UKWD_ENOMEM;
	to = scratch;
	do {
		runs = 0;
		for (size_t lo = 0; lo < count; runs++) {
			size_t mid = days_run_end(from, lo, count), hi = mid;
			size_t a = lo, b = mid, out = lo;

			if (mid < count)
				hi = days_run_end(from, mid, count);
			while (a < mid && b < hi)
				to[out++] = from[b].date < from[a].date
				                ? from[b++]
				                : from[a++];
			while (a < mid)
				to[out++] = from[a++];
			while (b < hi)
				to[out++] = from[b++];
			lo = hi;
		}
		{
			struct ukwd__day *swap = from;

			from = to;
			to = swap;
		}
	} while (runs > 1);
	for (i = 0; i < count; i++) {
		if (i + 1 < count && from[i + 1].date == from[i].date)
			continue; /* a later one replaces it */
		days[kept++] = from[i];
	}
	ukwd__free(scratch);
	*kept_out = kept;
	return 0;
}

/* Sort and merge what was added since the last time. */
static int
builder_settle(ukwd_calendar_builder *b)
{
	size_t kept;
	int rc;

	if (b->sorted == b->count)
		return 0;
	rc = days_sort_unique(&kept, b->holidays, b->count);
	if (rc)
		return rc;
	b->count = b->sorted = kept;
	return 0;
}

int
ukwd_calendar_builder_new(ukwd_calendar_builder **out)
{
	ukwd_calendar_builder *b;

	if (!out)
		return UKWD_EINVAL;
	b = ukwd__calloc(1, sizeof(*b));
	if (!b)
		return UKWD_ENOMEM;
	b->weekend = UKWD_WEEKEND_SAT_SUN;
	*out = b;
	return 0;
}

void
ukwd_calendar_builder_free(ukwd_calendar_builder *b)
{
	if (!b)
		return;
	pool_free(&b->names);
	ukwd__free(b->holidays);
	ukwd__free(b);
}

int
ukwd_calendar_builder_set_weekend(ukwd_calendar_builder *b,
                                  unsigned int weekday_mask)
{
	if (!b || weekday_mask >= UKWD__ALL_DAYS)
		return UKWD_EINVAL;
	b->weekend = weekday_mask;
	return 0;
}

int
ukwd_calendar_builder_set_range(ukwd_calendar_builder *b, ukwd_date first,
                                ukwd_date last)
{
	if (!b)
		return UKWD_EINVAL;
	if (!ukwd__date_in_range(first) || !ukwd__date_in_range(last))
		return UKWD_ERANGE;
	if (last < first)
		return UKWD_EINVAL;
	b->first = first;
	b->last = last;
	b->has_range = 1;
	return 0;
}

/* Index of the first of `count` sorted days dated on or after d. */
static size_t
days_lower_bound(const struct ukwd__day *days, size_t count, ukwd_date d)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (days[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
builder_lower_bound(const ukwd_calendar_builder *b, ukwd_date d)
{
	return days_lower_bound(b->holidays, b->count, d);
}

int
ukwd_calendar_builder_add_holiday(ukwd_calendar_builder *b, ukwd_date d,
                                  const char *name)
{
	if (!b)
		return UKWD_EINVAL;
	return ukwd__builder_add_range(b, d, d, name);
}

int
ukwd__builder_add_range(ukwd_calendar_builder *b, ukwd_date first,
                        ukwd_date last, const char *name)
{
	const char *shared;
	size_t days, need;
	int rc;

	if (!ukwd__date_in_range(first) || !ukwd__date_in_range(last))
		return UKWD_ERANGE;
	if (last < first)
		return UKWD_EINVAL;
	days = (size_t)(last - first) + 1;
	need = b->count + days;
	if (need > b->capacity) {
		size_t capacity = b->capacity ? b->capacity : 32;
		struct ukwd__day *grown;

		while (capacity < need)
			capacity *= 2;
		grown = ukwd__realloc(b->holidays, capacity * sizeof(*grown));
		if (!grown)
			return UKWD_ENOMEM;
		b->holidays = grown;
		b->capacity = capacity;
	}
	/* An unused name left in the pool on failure changes nothing the
	 * builder shows. */
	rc = pool_intern(&shared, &b->names, name);
	if (rc)
		return rc;
	/* Appended; sorted and merged when next needed (builder_settle). */
	if (b->sorted == b->count &&
	    (b->count == 0 || b->holidays[b->count - 1].date < first))
		b->sorted += days;
	for (ukwd_date d = first;; d++) {
		b->holidays[b->count].date = d;
		b->holidays[b->count].name = shared;
		b->count++;
		if (d == last)
			break;
	}
	return 0;
}

int
ukwd_calendar_builder_remove_holiday(ukwd_calendar_builder *b, ukwd_date d)
{
	size_t at;
	int rc;

	if (!b)
		return UKWD_EINVAL;
	rc = builder_settle(b);
	if (rc)
		return rc;
	at = builder_lower_bound(b, d);
	if (at == b->count || b->holidays[at].date != d)
		return UKWD_ENOTFOUND;
	memmove(&b->holidays[at], &b->holidays[at + 1],
	        (b->count - at - 1) * sizeof(*b->holidays));
	b->count--;
	b->sorted--;
	return 0;
}

int
ukwd_calendar_builder_set_provenance(ukwd_calendar_builder *b, int first_year,
                                     int last_year, ukwd_provenance provenance)
{
	if (!b || last_year < first_year ||
	    (provenance != UKWD_PROVENANCE_NONE &&
	     provenance != UKWD_PROVENANCE_OFFICIAL &&
	     provenance != UKWD_PROVENANCE_PROJECTED))
		return UKWD_EINVAL;
	if (first_year < 1 || last_year > UKWD__MAX_YEAR)
		return UKWD_ERANGE;
	memset(&b->provenance[first_year], (int)provenance,
	       (size_t)(last_year - first_year + 1));
	return 0;
}

/* Number of years the range touches: the length of cal->provenance. */
static size_t
calendar_year_count(const ukwd_calendar *cal)
{
	int last_year, month, day;

	ukwd__civil_from_days(cal->last, &last_year, &month, &day);
	return (size_t)(last_year - cal->first_year + 1);
}

static void
calendar_free(ukwd_calendar *cal)
{
	ukwd__free(cal->bits);
	ukwd__free(cal->rank);
	ukwd__free(cal->select);
	ukwd__free(cal->delta);
	ukwd__free(cal->provenance);
	ukwd__free(cal->holidays);
	ukwd__free(cal->names);
	ukwd__free(cal);
}

void
ukwd_calendar_free(ukwd_calendar *cal)
{
	if (cal)
		calendar_free(cal);
}

/* Fill the working-day bitmap and its prefix counts; set cal->total. */
static void
calendar_fill_bits(ukwd_calendar *cal)
{
	uint64_t pattern[7];
	uint32_t ndays = (uint32_t)(cal->last - cal->first) + 1;
	int start = ukwd_date_weekday(cal->first) - 1; /* 0 = Monday */
	uint32_t total = 0;

	/* The weekend repeats every 7 days, so each word is one of seven
	 * patterns, chosen by the weekday of its first day. */
	for (int s = 0; s < 7; s++) {
		pattern[s] = 0;
		for (int i = 0; i < 64; i++)
			if (!(cal->weekend & (1u << ((s + i) % 7))))
				pattern[s] |= UINT64_C(1) << i;
	}
	for (uint32_t w = 0; w < cal->nwords; w++)
		cal->bits[w] =
		    pattern[((uint64_t)w * 64 + (uint64_t)start) % 7];
	if (ndays % 64)
		cal->bits[cal->nwords - 1] &= (UINT64_C(1) << (ndays % 64)) - 1;
	cal->bits[cal->nwords] = 0; /* lets rank_of() read one past the end */
	for (size_t h = 0; h < cal->nholidays; h++) {
		uint32_t off = (uint32_t)(cal->holidays[h].date - cal->first);

		cal->bits[off >> 6] &= ~(UINT64_C(1) << (off & 63));
	}
	for (uint32_t w = 0; w < cal->nwords; w++) {
		cal->rank[w] = total;
		total += (uint32_t)__builtin_popcountll(cal->bits[w]);
	}
	cal->rank[cal->nwords] = total;
	cal->total = total;
}

/* Walk the working days in order to fill the select samples and deltas. */
static void
calendar_fill_select(ukwd_calendar *cal)
{
	uint32_t r = 0, base = 0;

	for (uint32_t w = 0; w < cal->nwords; w++) {
		for (uint64_t rest = cal->bits[w]; rest;
		     rest &= rest - 1, r++) {
			uint32_t off = w * 64 + (uint32_t)__builtin_ctzll(rest);
			uint32_t block = r >> UKWD__SELECT_SHIFT;

			if ((r & 63) == 0) {
				cal->select[block] = off;
				base = off;
			}
			if (off - base > 255)
				cal->select[block] |= UKWD__SELECT_SPARSE;
			cal->delta[r] = (unsigned char)(off - base);
		}
	}
}

/* Where each distinct name pointer goes in the calendar's name pool: an
 * open-addressing map sized by the distinct names, not by the days, so a
 * name carried by a million days is copied once. */
struct name_offsets {
	const char **key;
	uint32_t *offset;
	size_t count, capacity; /* capacity: 0 or a power of two */
};

static size_t
pointer_slot(const char *p, size_t capacity)
{
	uint64_t h = (uint64_t)(uintptr_t)p * UINT64_C(0x9E3779B97F4A7C15);

	return (size_t)(h >> 32) & (capacity - 1);
}

/* The slot of key, or of the empty slot where it would go. */
static size_t
offsets_find(const struct name_offsets *map, const char *key)
{
	size_t at = pointer_slot(key, map->capacity);

	while (map->key[at] && map->key[at] != key)
		at = (at + 1) & (map->capacity - 1);
	return at;
}

static int
offsets_grow(struct name_offsets *map)
{
	struct name_offsets grown = {0};

	grown.capacity = map->capacity ? map->capacity * 2 : 64;
	grown.key = ukwd__calloc(grown.capacity, sizeof(*grown.key));
	grown.offset = ukwd__malloc(grown.capacity * sizeof(*grown.offset));
	if (!grown.key || !grown.offset) {
		ukwd__free(grown.key);
		ukwd__free(grown.offset);
		return UKWD_ENOMEM;
	}
	for (size_t i = 0; i < map->capacity; i++) {
		size_t at;

		if (!map->key[i])
			continue;
		at = offsets_find(&grown, map->key[i]);
		grown.key[at] = map->key[i];
		grown.offset[at] = map->offset[i];
	}
	grown.count = map->count;
	ukwd__free(map->key);
	ukwd__free(map->offset);
	*map = grown;
	return 0;
}

static void
offsets_free(struct name_offsets *map)
{
	ukwd__free(map->key);
	ukwd__free(map->offset);
}

int
ukwd__calendar_assemble(ukwd_calendar **out, unsigned int weekend,
                        ukwd_date first, ukwd_date last,
                        const struct ukwd__day *days, size_t count,
                        const unsigned char *provenance, ukwd_diag *diag)
{
	ukwd_calendar *cal;
	struct name_offsets map = {0};
	size_t first_h, end_h, pool = 1;
	int last_year, month, day;
	uint32_t ndays;

	first_h = days_lower_bound(days, count, first);
	end_h = days_lower_bound(days, count, last + 1);
	for (size_t h = first_h; h < end_h; h++) {
		const char *name = days[h].name;
		size_t at;

		if (!*name || (h > first_h && name == days[h - 1].name))
			continue;
		if ((map.count + 1) * 2 > map.capacity && offsets_grow(&map)) {
			offsets_free(&map);
			return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0,
			                      "out of memory");
		}
		at = offsets_find(&map, name);
		if (map.key[at])
			continue;
		map.key[at] = name;
		map.offset[at] = (uint32_t)pool;
		map.count++;
		pool += strlen(name) + 1;
		if (pool > UINT32_MAX) {
			offsets_free(&map);
			return ukwd__diag_set(diag, UKWD_ERANGE, 0, 0,
			                      "holiday names of more than "
			                      "4 GB in all");
		}
	}

	cal = ukwd__calloc(1, sizeof(*cal));
	if (!cal) {
		offsets_free(&map);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	ndays = (uint32_t)(last - first) + 1;
	cal->first = first;
	cal->last = last;
	cal->weekend = weekend;
	cal->nwords = (ndays + 63) / 64;
	ukwd__civil_from_days(first, &cal->first_year, &month, &day);
	ukwd__civil_from_days(last, &last_year, &month, &day);
	cal->nholidays = end_h - first_h;
	cal->bits = ukwd__malloc((cal->nwords + 1) * sizeof(*cal->bits));
	cal->rank = ukwd__malloc((cal->nwords + 1) * sizeof(*cal->rank));
	cal->provenance =
	    ukwd__malloc((size_t)(last_year - cal->first_year + 1));
	cal->holidays = ukwd__malloc(cal->nholidays * sizeof(*cal->holidays));
	cal->names = ukwd__malloc(pool);
	if (!cal->bits || !cal->rank || !cal->provenance || !cal->holidays ||
	    !cal->names) {
		offsets_free(&map);
		calendar_free(cal);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	memcpy(cal->provenance, provenance,
	       (size_t)(last_year - cal->first_year + 1));
	cal->names[0] = '\0';
	for (size_t i = 0; i < map.capacity; i++)
		if (map.key[i])
			memcpy(cal->names + map.offset[i], map.key[i],
			       strlen(map.key[i]) + 1);
	for (size_t h = first_h; h < end_h; h++) {
		struct ukwd__holiday *entry = &cal->holidays[h - first_h];

		entry->date = days[h].date;
		if (!*days[h].name)
			entry->name = 0;
		else if (h > first_h && days[h].name == days[h - 1].name)
			entry->name = entry[-1].name;
		else
			entry->name =
			    map.offset[offsets_find(&map, days[h].name)];
	}
	offsets_free(&map);
	calendar_fill_bits(cal);
	if (cal->total == 0) {
		calendar_free(cal);
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "the range has no working day in it");
	}
	cal->nselect = ((cal->total - 1) >> UKWD__SELECT_SHIFT) + 1;
	cal->select = ukwd__malloc(cal->nselect * sizeof(*cal->select));
	cal->delta = ukwd__malloc(cal->total);
	if (!cal->select || !cal->delta) {
		calendar_free(cal);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	calendar_fill_select(cal);
	*out = cal;
	return 0;
}

int
ukwd_calendar_build(ukwd_calendar **out, const ukwd_calendar_builder *b,
                    ukwd_diag *diag)
{
	int first_year, month, day;

	ukwd__diag_clear(diag);
	if (!out || !b)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no calendar or builder given (NULL)");
	if (!b->has_range)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no range: call "
		                      "ukwd_calendar_builder_set_range first");
	ukwd__civil_from_days(b->first, &first_year, &month, &day);
	if (b->sorted == b->count)
		return ukwd__calendar_assemble(
		    out, b->weekend, b->first, b->last, b->holidays, b->count,
		    &b->provenance[first_year], diag);
	/* The builder is const here (and may be read by other threads while
	 * it is): sort a copy, of the days in the range only (the sorted
	 * ones of them found by search). */
	{
		size_t lo = days_lower_bound(b->holidays, b->sorted, b->first);
		size_t hi =
		    days_lower_bound(b->holidays, b->sorted, b->last + 1);
		struct ukwd__day *days = ukwd__malloc(
		    (hi - lo + b->count - b->sorted) * sizeof(*days));
		size_t count = hi - lo;
		int rc;

		if (!days)
			return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0,
			                      "out of memory");
		memcpy(days, b->holidays + lo, count * sizeof(*days));
		for (size_t i = b->sorted; i < b->count; i++)
			if (b->holidays[i].date >= b->first &&
			    b->holidays[i].date <= b->last)
				days[count++] = b->holidays[i];
		rc = days_sort_unique(&count, days, count);
		if (rc == 0)
			rc = ukwd__calendar_assemble(
			    out, b->weekend, b->first, b->last, days, count,
			    &b->provenance[first_year], diag);
		else
			rc = ukwd__diag_set(diag, rc, 0, 0, "out of memory");
		ukwd__free(days);
		return rc;
	}
}

int
ukwd_calendar_builder_new_from(ukwd_calendar_builder **out,
                               const ukwd_calendar *cal)
{
	ukwd_calendar_builder *b;
	int rc;

	if (!out || !cal)
		return UKWD_EINVAL;
	rc = ukwd_calendar_builder_new(&b);
	if (rc)
		return rc;
	b->weekend = cal->weekend;
	b->first = cal->first;
	b->last = cal->last;
	b->has_range = 1;
	memcpy(&b->provenance[cal->first_year], cal->provenance,
	       calendar_year_count(cal));
	for (size_t h = 0; h < cal->nholidays; h++) {
		rc = ukwd_calendar_builder_add_holiday(
		    b, cal->holidays[h].date,
		    cal->names + cal->holidays[h].name);
		if (rc) {
			ukwd_calendar_builder_free(b);
			return rc;
		}
	}
	*out = b;
	return 0;
}

/* Is d a non-working day of cal? d must be in range. */
static int
calendar_is_off(const ukwd_calendar *cal, ukwd_date d)
{
	uint32_t off = (uint32_t)(d - cal->first);

	return !((cal->bits[off >> 6] >> (off & 63)) & 1);
}

static const struct ukwd__holiday *
calendar_find(const ukwd_calendar *cal, ukwd_date d)
{
	size_t lo = 0, hi = cal->nholidays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->holidays[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cal->nholidays && cal->holidays[lo].date == d
	           ? &cal->holidays[lo]
	           : NULL;
}

/* Add a holiday named by one or both calendars ("a; b" when they differ). */
static int
combine_add(ukwd_calendar_builder *b, ukwd_date d, const char *name_a,
            const char *name_b)
{
	char *joined;
	size_t len_a, len_b;
	int rc;

	if (!name_b || !*name_b || (name_a && strcmp(name_a, name_b) == 0))
		return ukwd_calendar_builder_add_holiday(b, d, name_a);
	if (!name_a || !*name_a)
		return ukwd_calendar_builder_add_holiday(b, d, name_b);
	len_a = strlen(name_a);
	len_b = strlen(name_b);
	joined = ukwd__malloc(len_a + len_b + 3);
	if (!joined)
		return UKWD_ENOMEM;
	memcpy(joined, name_a, len_a);
	memcpy(joined + len_a, "; ", 2);
	memcpy(joined + len_a + 2, name_b, len_b + 1);
	rc = ukwd_calendar_builder_add_holiday(b, d, joined);
	ukwd__free(joined);
	return rc;
}

static int
calendar_combine(ukwd_calendar **out, const ukwd_calendar *a,
                 const ukwd_calendar *b, int is_union)
{
	ukwd_calendar_builder *builder;
	ukwd_date first, last;
	size_t ia = 0, ib = 0;
	int rc, first_year, last_year, month, day;

	if (!out || !a || !b)
		return UKWD_EINVAL;
	first = a->first > b->first ? a->first : b->first;
	last = a->last < b->last ? a->last : b->last;
	if (last < first)
		return UKWD_ERANGE;
	rc = ukwd_calendar_builder_new(&builder);
	if (rc)
		return rc;
	builder->weekend =
	    is_union ? (a->weekend | b->weekend) : (a->weekend & b->weekend);
	builder->first = first;
	builder->last = last;
	builder->has_range = 1;
	ukwd__civil_from_days(first, &first_year, &month, &day);
	ukwd__civil_from_days(last, &last_year, &month, &day);
	for (int y = first_year; y <= last_year; y++) {
		unsigned char pa = a->provenance[y - a->first_year];
		unsigned char pb = b->provenance[y - b->first_year];

		builder->provenance[y] = pa > pb ? pa : pb;
	}
	/* Merge the two sorted holiday lists. A day named by only one
	 * calendar belongs to an intersection only if the other calendar
	 * does not work that day either (its weekend). */
	while (rc == 0 && (ia < a->nholidays || ib < b->nholidays)) {
		const struct ukwd__holiday *ha =
		    ia < a->nholidays ? &a->holidays[ia] : NULL;
		const struct ukwd__holiday *hb =
		    ib < b->nholidays ? &b->holidays[ib] : NULL;
		ukwd_date d;
		const char *name_a = NULL, *name_b = NULL;

		if (ha && (!hb || ha->date <= hb->date)) {
			d = ha->date;
			name_a = a->names + ha->name;
			ia++;
		} else {
			d = hb->date;
		}
		if (hb && hb->date == d) {
			name_b = b->names + hb->name;
			ib++;
		}
		if (d < first || d > last)
			continue;
		if (!is_union && (!name_a || !name_b) &&
		    !(name_a ? calendar_is_off(b, d) : calendar_is_off(a, d)))
			continue;
		rc = combine_add(builder, d, name_a, name_b);
	}
	if (rc == 0)
		rc = ukwd_calendar_build(out, builder, NULL);
	ukwd_calendar_builder_free(builder);
	return rc;
}

int
ukwd_calendar_union(ukwd_calendar **out, const ukwd_calendar *a,
                    const ukwd_calendar *b)
{
	return calendar_combine(out, a, b, 1);
}

int
ukwd_calendar_intersection(ukwd_calendar **out, const ukwd_calendar *a,
                           const ukwd_calendar *b)
{
	return calendar_combine(out, a, b, 0);
}

void
ukwd_calendar_range(const ukwd_calendar *cal, ukwd_date *first, ukwd_date *last)
{
	if (first)
		*first = cal ? cal->first : 0;
	if (last)
		*last = cal ? cal->last : -1;
}

unsigned int
ukwd_calendar_weekend(const ukwd_calendar *cal)
{
	return cal ? cal->weekend : 0;
}

int
ukwd_calendar_provenance(const ukwd_calendar *cal, ukwd_date d)
{
	int year, month, day;

	if (!cal)
		return UKWD_EINVAL;
	if (d < cal->first || d > cal->last)
		return UKWD_ERANGE;
	ukwd__civil_from_days(d, &year, &month, &day);
	return cal->provenance[year - cal->first_year];
}

const char *
ukwd_calendar_holiday_name(const ukwd_calendar *cal, ukwd_date d)
{
	const struct ukwd__holiday *h;

	if (!cal)
		return NULL;
	h = calendar_find(cal, d);
	return h ? cal->names + h->name : NULL;
}

int
ukwd_calendar_foreach_holiday(const ukwd_calendar *cal, ukwd_date from,
                              ukwd_date to, ukwd_holiday_cb cb, void *payload)
{
	size_t lo = 0, hi;

	if (!cal || !cb || to < from)
		return UKWD_EINVAL;
	hi = cal->nholidays;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->holidays[mid].date < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < cal->nholidays && cal->holidays[lo].date <= to; lo++)
		if (cb(cal->holidays[lo].date,
		       cal->names + cal->holidays[lo].name, payload))
			return UKWD_EUSER;
	return 0;
}

int
ukwd__builder_clone(ukwd_calendar_builder **out, const ukwd_calendar_builder *b)
{
	ukwd_calendar_builder *copy;
	int rc;

	rc = ukwd_calendar_builder_new(&copy);
	if (rc)
		return rc;
	memcpy(copy, b, offsetof(ukwd_calendar_builder, count));
	memcpy(copy->provenance, b->provenance, sizeof(copy->provenance));
	copy->count = copy->capacity = copy->sorted = 0;
	copy->holidays = NULL;
	if (b->count) {
		copy->holidays =
		    ukwd__calloc(b->count, sizeof(*copy->holidays));
		if (!copy->holidays) {
			ukwd__free(copy);
			return UKWD_ENOMEM;
		}
		copy->capacity = b->count;
	}
	/* Names are shared by runs of days: look each up once per run. */
	for (size_t i = 0; i < b->count; i++) {
		const char *name =
		    copy->count ? copy->holidays[i - 1].name : NULL;

		if (!name || b->holidays[i].name != b->holidays[i - 1].name) {
			rc = pool_intern(&name, &copy->names,
			                 b->holidays[i].name);
			if (rc) {
				ukwd_calendar_builder_free(copy);
				return rc;
			}
		}
		copy->holidays[i].date = b->holidays[i].date;
		copy->holidays[i].name = name;
		copy->count++;
	}
	copy->sorted = b->sorted;
	*out = copy;
	return 0;
}

void
ukwd__builder_swap(ukwd_calendar_builder *a, ukwd_calendar_builder *b)
{
	ukwd_calendar_builder tmp = *a;

	*a = *b;
	*b = tmp;
}

int
ukwd__builder_range(const ukwd_calendar_builder *b, ukwd_date *first,
                    ukwd_date *last)
{
	if (!b->has_range)
		return UKWD_EINVAL;
	*first = b->first;
	*last = b->last;
	return 0;
}

int
ukwd__builder_remove_weekday_holidays(ukwd_calendar_builder *b, ukwd_date from,
                                      ukwd_date to)
{
	size_t kept;
	int rc = builder_settle(b);

	if (rc)
		return rc;
	kept = builder_lower_bound(b, from);
	for (size_t i = kept; i < b->count; i++) {
		struct ukwd__day day = b->holidays[i];
		int weekend =
		    (b->weekend >> (ukwd_date_weekday(day.date) - 1)) & 1;

		if (day.date > to || weekend)
			b->holidays[kept++] = day;
	}
	b->count = b->sorted = kept;
	return 0;
}
