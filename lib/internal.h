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
 * *capacity elements: nothing when there is room already; else room for
 * half as many again as now, or for `need` exactly when that is more (so
 * a caller that knows its size reserves it without waste), and at least
 * `first`. 0, or UKWD_ENOMEM with *array and *capacity unchanged (also
 * when the size would overflow). */
int ukwd__grow(void **array, size_t *capacity, size_t need, size_t elem,
               size_t first);

/* The one rule for versioned structs (options, notice rules), as libgit2
 * has it: a struct's first member is `unsigned int version`; a caller's
 * struct of version v has the members of versions 1..v, and
 * sizes[v - 1] is its size in bytes (the offset of the first member of
 * version v + 1, or sizeof for the current one). Start `out` from
 * `defaults` (size bytes), copy only the members the caller's version
 * has, and set out's version to the current one. 0, or UKWD_EINVAL for a
 * version outside 1..count (out then holds the defaults). */
int ukwd__versioned_copy(void *out, const void *defaults, size_t size,
                         const void *given, const size_t *sizes,
                         unsigned int count);

/* The other way: write `current` (a struct of the current version) into
 * the caller's `out` of the version it says it is (`version`, or out's
 * own version field when `version` is 0), members of later versions
 * left out. 0, or UKWD_EINVAL for a version outside 1..count (out
 * untouched). For _options_init() (current: the defaults) and for
 * catalogue entries a caller copies. */
int ukwd__versioned_export(void *out, unsigned int version, const void *current,
                           const size_t *sizes, unsigned int count);

/* The version a versioned struct says it is. */
static inline unsigned int
ukwd__version_of(const void *versioned)
{
	return *(const unsigned int *)versioned;
}

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

/* The UK divisions (UKWD_UK_* bits) a GOV.UK JSON file holds, read
 * without importing anything (govuk-json.c); 0 when it cannot be read
 * (ukwd_govuk_json_import() then says why) or JSON import is not built. */
unsigned int ukwd__govuk_json_divisions(const char *data, size_t size);

#endif
