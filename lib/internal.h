/* Private helpers shared across lib/; never exported. */
#ifndef UKWD_INTERNAL_H
#define UKWD_INTERNAL_H

#include <stddef.h>

#include "ukwd/error.h"
#include "ukwd/date.h"

#if defined(__GNUC__) || defined(__clang__)
#define UKWD__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define UKWD__PRINTF(fmt, args)
#endif

/* Every allocation in lib/ goes through these, so that a test build can
 * make the k-th one fail. */
void *ukwd__malloc(size_t size);
void *ukwd__calloc(size_t count, size_t size);
void *ukwd__realloc(void *ptr, size_t size);
void ukwd__free(void *ptr);
char *ukwd__strdup(const char *text);

/* Make room for `need` elements of `elem` bytes in *array, whose room is
 * *capacity elements: nothing when there is room already, else at least
 * double (and at least `need`, and at least 16). 0, or UKWD_ENOMEM with
 * *array and *capacity unchanged (also when the size would overflow). */
int ukwd__grow(void **array, size_t *capacity, size_t need, size_t elem);

#ifdef UKWD_ALLOC_TESTING
/* Test build only (never in the installed library): allocations are
 * counted in ukwd__alloc_count, and the ukwd__alloc_fail_at-th one
 * (1-based; 0 for none) returns NULL. ukwd__alloc_live is the number of
 * blocks allocated and not yet freed. */
extern long ukwd__alloc_fail_at;
extern long ukwd__alloc_count;
extern long ukwd__alloc_live;
#endif

/* Clear a caller's diag (NULL allowed). */
void ukwd__diag_clear(ukwd_diag *diag);

/* Fill a diag (NULL allowed) and return code, so callers can write
 * `return ukwd__diag_set(diag, UKWD_EPARSE, 0, 3, "...")`. */
int ukwd__diag_set(ukwd_diag *diag, int code, int line, int column,
                   const char *fmt, ...) UKWD__PRINTF(5, 6);

/* Hinnant's kernels: no validation; exact far beyond UKWD_DATE_MIN/MAX. */
ukwd_date ukwd__days_from_civil(int year, int month, int day);
void ukwd__civil_from_days(ukwd_date d, int *year, int *month, int *day);
int ukwd__days_in_month(int year, int month);

static inline int
ukwd__date_in_range(long long d)
{
	return d >= UKWD_DATE_MIN && d <= UKWD_DATE_MAX;
}

#endif
