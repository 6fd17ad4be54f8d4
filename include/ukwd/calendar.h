/**
 * @file ukwd/calendar.h
 * @brief Working-day calendars: a weekend, named non-working days, a range.
 *
 * A #ukwd_calendar answers "is this a working day?" for every date in its
 * range, both ends inclusive. A day is non-working when its weekday is in
 * the calendar's weekend or it is one of the calendar's named non-working
 * days ("holidays"). Questions about dates outside the range fail with
 * #UKWD_ERANGE rather than guess.
 *
 * Calendars are immutable once built, hold no hidden state and may be
 * shared read-only between threads. They are made by a
 * #ukwd_calendar_builder, which is mutable and not thread-safe, or by
 * combining two calendars with ukwd_calendar_union() or
 * ukwd_calendar_intersection().
 *
 * Memory: a calendar keeps one bit per day of its range and a 4-byte
 * prefix count per 64 days (rank), one byte per working day and a 4-byte
 * sample per 64 working days (select): about 43 KB for 1971-2100, and for
 * 0001-9999 3.5 MB with a five-day week and 4.6 MB with no weekend. Then
 * one byte per year for provenance, and 8 bytes per holiday plus its name
 * (the UK's GB calendar for 1971-2100 takes about 86 KB in all).
 */
#ifndef UKWD_CALENDAR_H
#define UKWD_CALENDAR_H

#include <stddef.h>

#include "common.h"
#include "error.h"
#include "date.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_calendar Calendars
 * @{ */

/** An immutable working-day calendar. Free with ukwd_calendar_free(). */
typedef struct ukwd_calendar ukwd_calendar;

/** A mutable recipe for a calendar. Free with ukwd_calendar_builder_free(). */
typedef struct ukwd_calendar_builder ukwd_calendar_builder;

/** Weekend mask bits: bit 0 is Monday .. bit 6 is Sunday. */
#define UKWD_WEEKDAY_BIT(iso_weekday) (1u << ((iso_weekday)-1))
/** Saturday and Sunday, the default weekend (0x60). */
#define UKWD_WEEKEND_SAT_SUN                                                   \
	(UKWD_WEEKDAY_BIT(UKWD_SATURDAY) | UKWD_WEEKDAY_BIT(UKWD_SUNDAY))

/**
 * Where a year's non-working days come from. Ordered from most to least
 * certain after #UKWD_PROVENANCE_NONE; combining calendars keeps the least
 * certain of the two.
 */
typedef enum ukwd_provenance {
	/** Nothing recorded: a calendar the caller defined for themselves. */
	UKWD_PROVENANCE_NONE = 0,
	/** The year's days come from officially published data. */
	UKWD_PROVENANCE_OFFICIAL = 1,
	/** The year's days are projected by rule and may still change. */
	UKWD_PROVENANCE_PROJECTED = 2
} ukwd_provenance;

/**
 * @brief Make an empty builder: weekend Saturday and Sunday (0x60), no
 *        holidays, no range, provenance #UKWD_PROVENANCE_NONE.
 * @param[out] out the new builder; the caller frees it.
 * @return 0; #UKWD_EINVAL if @p out is NULL; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_new(ukwd_calendar_builder **out);

/**
 * @brief Make a builder holding everything a calendar holds (weekend,
 *        range, holidays with names, provenance), to change and rebuild.
 * @param[out] out the new builder; the caller frees it.
 * @param[in]  cal the calendar to copy; it is not changed.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_new_from(ukwd_calendar_builder **out,
                                            const ukwd_calendar *cal);

/**
 * @brief Free a builder. NULL is a no-op.
 * @since 0.1
 */
UKWD_API void ukwd_calendar_builder_free(ukwd_calendar_builder *b);

/**
 * @brief Choose which weekdays are weekend (non-working) days.
 * @param[in] b            the builder.
 * @param[in] weekday_mask bit 0 Monday .. bit 6 Sunday; a set bit makes
 *                         that weekday non-working. 0 means every weekday
 *                         is a working day; see #UKWD_WEEKEND_SAT_SUN.
 * @return 0; #UKWD_EINVAL if @p b is NULL, a bit above bit 6 is set, or
 *         all seven are set (no working day at all); the builder is then
 *         unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_set_weekend(ukwd_calendar_builder *b,
                                               unsigned int weekday_mask);

/**
 * @brief Set the range of dates the calendar will answer for.
 * @param[in] b     the builder.
 * @param[in] first the first date, inclusive.
 * @param[in] last  the last date, inclusive; not before @p first.
 * @return 0; #UKWD_EINVAL if @p b is NULL or @p last < @p first;
 *         #UKWD_ERANGE if either is outside #UKWD_DATE_MIN..#UKWD_DATE_MAX.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_set_range(ukwd_calendar_builder *b,
                                             ukwd_date first, ukwd_date last);

/**
 * @brief Make a date a named non-working day.
 *
 * Adding a date that is already a holiday replaces its name. A holiday may
 * fall on a weekend day (Christmas Day on a Saturday keeps its name; any
 * substitute day is a holiday of its own). Holidays outside the range at
 * build time are kept in the builder but not in the calendar.
 *
 * @param[in] b    the builder.
 * @param[in] d    the date.
 * @param[in] name its name, copied; NULL or "" for an unnamed day.
 * @return 0; #UKWD_EINVAL if @p b is NULL; #UKWD_ERANGE if @p d is outside
 *         #UKWD_DATE_MIN..#UKWD_DATE_MAX; #UKWD_ENOMEM. On failure the
 *         builder is unchanged.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_add_holiday(ukwd_calendar_builder *b,
                                               ukwd_date d, const char *name);

/**
 * @brief Make a holiday an ordinary day again (a weekend day stays a
 *        weekend day).
 * @return 0; #UKWD_EINVAL if @p b is NULL; #UKWD_ENOTFOUND if @p d is not
 *         a holiday in the builder (nothing changes); #UKWD_ENOMEM when
 *         holidays added out of date order cannot be sorted first (the
 *         builder is then unchanged).
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_remove_holiday(ukwd_calendar_builder *b,
                                                  ukwd_date d);

/**
 * @brief Record where the holidays of the years @p first_year to
 *        @p last_year (inclusive) come from.
 *
 * Years never set are #UKWD_PROVENANCE_NONE.
 *
 * @return 0; #UKWD_EINVAL if @p b is NULL, @p last_year < @p first_year or
 *         @p provenance is not a #ukwd_provenance value; #UKWD_ERANGE for a
 *         year outside 1..9999.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_set_provenance(ukwd_calendar_builder *b,
                                                  int first_year, int last_year,
                                                  ukwd_provenance provenance);

/**
 * @brief Build an immutable calendar from a builder.
 *
 * Takes time and memory linear in the range (about a microsecond per
 * 40 years) plus the holidays. The builder is not changed and may be
 * reused.
 *
 * @param[out] out  the calendar; the caller frees it.
 * @param[in]  b    the builder.
 * @param[out] diag optional; says why the build failed.
 * @return 0; #UKWD_EINVAL for a NULL argument, a builder with no range, or
 *         a range with no working day in it; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_build(ukwd_calendar **out,
                                 const ukwd_calendar_builder *b,
                                 ukwd_diag *diag);

/**
 * @brief The calendar whose non-working days are those of either input.
 *
 * Use it for "a working day in both England and Scotland". The result's
 * range is the overlap of the two ranges; its weekend is the union of the
 * weekends; a holiday named differently in each keeps both names joined
 * by "; "; each year's provenance is the less certain of the two.
 *
 * @param[out] out the calendar; the caller frees it.
 * @param[in]  a   one calendar.
 * @param[in]  b   the other; neither is changed.
 * @return 0; #UKWD_EINVAL for a NULL argument; #UKWD_ERANGE if the ranges
 *         do not overlap; #UKWD_EINVAL if the result has no working day;
 *         #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_union(ukwd_calendar **out, const ukwd_calendar *a,
                                 const ukwd_calendar *b);

/**
 * @brief The calendar whose non-working days are those of both inputs.
 *
 * A day is a working day if it is one in either calendar. The range is the
 * overlap; the weekend is the weekdays that are weekend in both; the named
 * days are those of either input that are non-working in both.
 *
 * @return as ukwd_calendar_union().
 * @since 0.1
 */
UKWD_API int ukwd_calendar_intersection(ukwd_calendar **out,
                                        const ukwd_calendar *a,
                                        const ukwd_calendar *b);

/**
 * @brief Free a calendar. NULL is a no-op.
 * @since 0.1
 */
UKWD_API void ukwd_calendar_free(ukwd_calendar *cal);

/**
 * @brief The calendar's range, both ends inclusive.
 * @param[in]  cal   the calendar (not NULL).
 * @param[out] first may be NULL.
 * @param[out] last  may be NULL.
 * @since 0.1
 */
UKWD_API void ukwd_calendar_range(const ukwd_calendar *cal, ukwd_date *first,
                                  ukwd_date *last);

/**
 * @brief The calendar's weekend mask (bit 0 Monday .. bit 6 Sunday).
 * @since 0.1
 */
UKWD_API unsigned int ukwd_calendar_weekend(const ukwd_calendar *cal);

/**
 * @brief Where the non-working days of the year of @p d come from.
 * @return a #ukwd_provenance value (0 or more); #UKWD_EINVAL if @p cal is
 *         NULL; #UKWD_ERANGE if @p d is outside the calendar's range.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_provenance(const ukwd_calendar *cal, ukwd_date d);

/**
 * @brief The name of the holiday on @p d.
 * @return the name, borrowed from the calendar ("" for an unnamed
 *         holiday); NULL if @p d is not a holiday (a plain weekend day is
 *         not one) or is outside the range, or @p cal is NULL.
 * @since 0.1
 */
UKWD_API const char *ukwd_calendar_holiday_name(const ukwd_calendar *cal,
                                                ukwd_date d);

/**
 * @brief Called once per holiday by ukwd_calendar_foreach_holiday().
 * @param d       the holiday.
 * @param name    its name, borrowed ("" if unnamed).
 * @param payload the caller's pointer, passed through.
 * @return 0 to go on; any other value stops the walk.
 */
typedef int (*ukwd_holiday_cb)(ukwd_date d, const char *name, void *payload);

/**
 * @brief Call @p cb for each holiday in [@p from, @p to] (both inclusive,
 *        clipped to the calendar's range), in date order.
 *
 * Weekend days are not visited unless they are also named holidays.
 *
 * @return 0; #UKWD_EINVAL for a NULL @p cal or @p cb, or @p to < @p from;
 *         #UKWD_EUSER if @p cb returned non-zero.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_foreach_holiday(const ukwd_calendar *cal,
                                           ukwd_date from, ukwd_date to,
                                           ukwd_holiday_cb cb, void *payload);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_CALENDAR_H */
