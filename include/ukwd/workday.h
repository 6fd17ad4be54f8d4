/**
 * @file ukwd/workday.h
 * @brief Working-day arithmetic: is-working, add, count, roll.
 *
 * Every query is O(1) in the span: the calendar keeps a bitmap of working
 * days with prefix counts, so adding 20,000 working days costs the same as
 * adding one. All of them fail with #UKWD_ERANGE, rather than answer
 * wrongly, when an input date or the answer is outside the calendar's
 * range (see ukwd_calendar_range()).
 *
 * The two facts people get wrong:
 * - **Adding** n working days never counts the start day: the answer is
 *   the n-th working day strictly after it (or strictly before, for
 *   negative n), whether the start day is a working day or not.
 * - **Counting** is over the half-open range [from, to): from counts, to
 *   does not. Counting backwards gives a negative number.
 */
#ifndef UKWD_WORKDAY_H
#define UKWD_WORKDAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "date.h"
#include "calendar.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_workday Working-day arithmetic
 * @{ */

/** How ukwd_workday_roll() moves a non-working day to a working day. */
typedef enum ukwd_roll {
	/** The first working day on or after the date. */
	UKWD_ROLL_FOLLOWING = 0,
	/** The last working day on or before the date. */
	UKWD_ROLL_PRECEDING = 1,
	/** Following, unless that is in the next calendar month; then
	 *  preceding. */
	UKWD_ROLL_MODIFIED_FOLLOWING = 2,
	/** Preceding, unless that is in the previous calendar month; then
	 *  following. */
	UKWD_ROLL_MODIFIED_PRECEDING = 3
} ukwd_roll;

/**
 * @brief Is @p d a working day?
 *
 * Three answers share the return value: test it with `== 1`, not as a
 * truth value. `if (ukwd_workday_is_working(cal, d))` takes a date outside
 * the calendar (#UKWD_ERANGE, negative) for a working day; where an error
 * must not be mistaken for an answer, call ukwd_workday_check(), which
 * keeps the two apart.
 *
 * @return 1 if it is, 0 if it is a weekend day or holiday; #UKWD_EINVAL if
 *         @p cal is NULL; #UKWD_ERANGE if @p d is outside the range.
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_is_working(const ukwd_calendar *cal, ukwd_date d);

/**
 * @brief Is @p d a working day? The answer in @p working, errors apart.
 *
 * The same question as ukwd_workday_is_working() in the library's usual
 * shape: the return value is 0 or an error, never the answer, so
 *
 * @code
 * bool working;
 * if (ukwd_workday_check(&working, cal, d) == 0 && working) ...
 * @endcode
 *
 * cannot take an error for a working day.
 *
 * @param[out] working true for a working day, false for a weekend day or
 *                     holiday; unchanged on failure.
 * @param[in]  cal     the calendar.
 * @param[in]  d       the date.
 * @return 0; #UKWD_EINVAL if @p working or @p cal is NULL; #UKWD_ERANGE if
 *         @p d is outside the calendar's range.
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_check(bool *working, const ukwd_calendar *cal,
                                  ukwd_date d);

/**
 * @brief Add @p n working days to @p from.
 *
 * - n > 0: the n-th working day strictly after @p from.
 * - n < 0: the |n|-th working day strictly before @p from.
 * - n = 0: @p from itself if it is a working day; otherwise #UKWD_EINVAL
 *   (roll it first with the convention you mean).
 *
 * So from Friday 2023-06-02 (England), adding 1 gives Monday 2023-06-05;
 * from Saturday 2023-06-03, adding 1 also gives Monday 2023-06-05.
 *
 * @param[out] out  the answer; unchanged on failure.
 * @param[in]  cal  the calendar.
 * @param[in]  from the start date, in the calendar's range.
 * @param[in]  n    working days, any int32_t value.
 * @return 0; #UKWD_EINVAL for a NULL argument or n = 0 on a non-working
 *         day; #UKWD_ERANGE if @p from or the answer is outside the range.
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_add(ukwd_date *out, const ukwd_calendar *cal,
                                ukwd_date from, int32_t n);

/**
 * @brief Count the working days in [@p from, @p to): @p from counts when
 *        it is a working day, @p to never does.
 *
 * When @p to < @p from the answer is minus the count of [@p to, @p from).
 * So count(a, b) + count(b, c) = count(a, c) always, and for a working day
 * w, count(w, add(w, n)) = n for n > 0.
 *
 * @param[out] out  the count; unchanged on failure.
 * @param[in]  cal  the calendar.
 * @param[in]  from first date, in [first, last + 1] of the range.
 * @param[in]  to   end date, exclusive, in [first, last + 1] of the range.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ERANGE if @p from or
 *         @p to is outside [first, last + 1].
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_count(int32_t *out, const ukwd_calendar *cal,
                                  ukwd_date from, ukwd_date to);

/**
 * @brief Count the working days in [@p first, @p last], both inclusive.
 *
 * The same as ukwd_workday_count(out, cal, first, last + 1). When
 * @p last < @p first the answer is 0.
 *
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ERANGE if either date
 *         is outside the range.
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_count_inclusive(int32_t *out,
                                            const ukwd_calendar *cal,
                                            ukwd_date first, ukwd_date last);

/**
 * @brief Move @p d to a working day by a roll convention; a working day
 *        stays where it is.
 * @param[out] out        the answer; unchanged on failure.
 * @param[in]  cal        the calendar.
 * @param[in]  d          the date, in the calendar's range.
 * @param[in]  convention see #ukwd_roll.
 * @return 0; #UKWD_EINVAL for a NULL argument or an unknown convention;
 *         #UKWD_ERANGE if @p d or the answer is outside the range.
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_roll(ukwd_date *out, const ukwd_calendar *cal,
                                 ukwd_date d, ukwd_roll convention);

/**
 * @brief The first working day strictly after @p d (add 1).
 * @return as ukwd_workday_add().
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_next(ukwd_date *out, const ukwd_calendar *cal,
                                 ukwd_date d);

/**
 * @brief The last working day strictly before @p d (add -1).
 * @return as ukwd_workday_add().
 * @since 0.1
 */
UKWD_QUERY int ukwd_workday_prev(ukwd_date *out, const ukwd_calendar *cal,
                                 ukwd_date d);

/**
 * @brief ukwd_workday_is_working() over an array.
 *
 * Every element is answered, even after a failure.
 *
 * @param[out] out    @p count answers, 1 or 0 (0 where that element
 *                    failed).
 * @param[out] status optional (may be NULL): @p count codes, 0 or the
 *                    element's error.
 * @param[in]  cal    the calendar.
 * @param[in]  dates  @p count dates.
 * @param[in]  count  number of elements; 0 is allowed.
 * @return 0 if every element succeeded, otherwise the first element's
 *         error; #UKWD_EINVAL if a pointer is NULL while @p count > 0 (then
 *         nothing is written).
 * @since 0.1
 */
UKWD_API int ukwd_workday_is_working_batch(unsigned char *out, int *status,
                                           const ukwd_calendar *cal,
                                           const ukwd_date *dates,
                                           size_t count);

/**
 * @brief ukwd_workday_add() over arrays: out[i] = add(from[i], n[i]).
 *
 * Every element is answered, even after a failure; a failed element's
 * out[i] is its from[i].
 *
 * @return as ukwd_workday_is_working_batch().
 * @since 0.1
 */
UKWD_API int ukwd_workday_add_batch(ukwd_date *out, int *status,
                                    const ukwd_calendar *cal,
                                    const ukwd_date *from, const int32_t *n,
                                    size_t count);

/**
 * @brief ukwd_workday_count() over arrays: out[i] = count(from[i], to[i]).
 *
 * Every element is answered, even after a failure; a failed element's
 * out[i] is 0.
 *
 * @return as ukwd_workday_is_working_batch().
 * @since 0.1
 */
UKWD_API int ukwd_workday_count_batch(int32_t *out, int *status,
                                      const ukwd_calendar *cal,
                                      const ukwd_date *from,
                                      const ukwd_date *to, size_t count);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_WORKDAY_H */
