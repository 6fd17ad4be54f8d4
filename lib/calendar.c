#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ukwd/calendar.h"
#include "calendar-private.h"
#include "internal.h"

#define UKWD__MAX_YEAR 9999
#define UKWD__ALL_DAYS 0x7Fu

struct ukwd_calendar_builder {
	unsigned int weekend;
	int has_range;
	ukwd_date first, last;
	size_t count, capacity;
	struct ukwd__day *holidays; /* sorted by date, unique; names owned */
	unsigned char provenance[UKWD__MAX_YEAR + 1]; /* indexed by year */
};

/* The builder owns its names but keeps them as const char * to share the
 * ukwd__day type with ukwd__calendar_assemble(). */
static void
free_name(const char *name)
{
	ukwd__free((char *)(uintptr_t)name);
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
	for (size_t i = 0; i < b->count; i++)
		free_name(b->holidays[i].name);
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
	size_t at;
	char *copy;

	if (!b)
		return UKWD_EINVAL;
	if (!ukwd__date_in_range(d))
		return UKWD_ERANGE;
	copy = ukwd__strdup(name ? name : "");
	if (!copy)
		return UKWD_ENOMEM;
	/* Holidays usually arrive in date order: append without searching. */
	at = (b->count == 0 || b->holidays[b->count - 1].date < d)
	         ? b->count
	         : builder_lower_bound(b, d);
	if (at < b->count && b->holidays[at].date == d) {
		free_name(b->holidays[at].name);
		b->holidays[at].name = copy;
		return 0;
	}
	if (b->count == b->capacity) {
		size_t capacity = b->capacity ? b->capacity * 2 : 32;
		struct ukwd__day *grown =
		    ukwd__realloc(b->holidays, capacity * sizeof(*grown));

		if (!grown) {
			ukwd__free(copy);
			return UKWD_ENOMEM;
		}
		b->holidays = grown;
		b->capacity = capacity;
	}
	memmove(&b->holidays[at + 1], &b->holidays[at],
	        (b->count - at) * sizeof(*b->holidays));
	b->holidays[at].date = d;
	b->holidays[at].name = copy;
	b->count++;
	return 0;
}

int
ukwd_calendar_builder_remove_holiday(ukwd_calendar_builder *b, ukwd_date d)
{
	size_t at;

	if (!b)
		return UKWD_EINVAL;
	at = builder_lower_bound(b, d);
	if (at == b->count || b->holidays[at].date != d)
		return UKWD_ENOTFOUND;
	free_name(b->holidays[at].name);
	memmove(&b->holidays[at], &b->holidays[at + 1],
	        (b->count - at - 1) * sizeof(*b->holidays));
	b->count--;
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

int
ukwd__calendar_assemble(ukwd_calendar **out, unsigned int weekend,
                        ukwd_date first, ukwd_date last,
                        const struct ukwd__day *days, size_t count,
                        const unsigned char *provenance, ukwd_diag *diag)
{
	ukwd_calendar *cal;
	size_t first_h, end_h, pool = 1;
	int last_year, month, day;
	uint32_t ndays;

	first_h = days_lower_bound(days, count, first);
	end_h = days_lower_bound(days, count, last + 1);
	for (size_t h = first_h; h < end_h; h++)
		pool += strlen(days[h].name) + 1;

	cal = ukwd__calloc(1, sizeof(*cal));
	if (!cal)
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
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
		calendar_free(cal);
		return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0, "out of memory");
	}
	memcpy(cal->provenance, provenance,
	       (size_t)(last_year - cal->first_year + 1));
	cal->names[0] = '\0';
	pool = 1;
	for (size_t h = first_h; h < end_h; h++) {
		size_t len = strlen(days[h].name);
		struct ukwd__holiday *entry = &cal->holidays[h - first_h];

		entry->date = days[h].date;
		entry->name = 0;
		if (len) {
			entry->name = (uint32_t)pool;
			memcpy(cal->names + pool, days[h].name, len + 1);
			pool += len + 1;
		}
	}
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
	return ukwd__calendar_assemble(out, b->weekend, b->first, b->last,
	                               b->holidays, b->count,
	                               &b->provenance[first_year], diag);
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
	copy->count = copy->capacity = 0;
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
	for (size_t i = 0; i < b->count; i++) {
		char *name = ukwd__strdup(b->holidays[i].name);

		if (!name) {
			ukwd_calendar_builder_free(copy);
			return UKWD_ENOMEM;
		}
		copy->holidays[i].date = b->holidays[i].date;
		copy->holidays[i].name = name;
		copy->count++;
	}
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

void
ukwd__builder_remove_weekday_holidays(ukwd_calendar_builder *b, ukwd_date from,
                                      ukwd_date to)
{
	size_t kept = builder_lower_bound(b, from);

	for (size_t i = kept; i < b->count; i++) {
		struct ukwd__day day = b->holidays[i];
		int weekend =
		    (b->weekend >> (ukwd_date_weekday(day.date) - 1)) & 1;

		if (day.date <= to && !weekend)
			free_name(day.name);
		else
			b->holidays[kept++] = day;
	}
	b->count = kept;
}
