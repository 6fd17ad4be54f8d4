/**
 * @file ukwd/date.h
 * @brief Serial dates: civil conversion, ISO 8601 text, weekday, Easter.
 *
 * A #ukwd_date is a count of days since 1970-01-01 on the proleptic
 * Gregorian calendar (1970-01-01 is 0, 1969-12-31 is -1). libukwd accepts
 * dates from 0001-01-01 (#UKWD_DATE_MIN) to 9999-12-31 (#UKWD_DATE_MAX).
 * Consecutive days differ by one, so "the day after d" is simply `d + 1`,
 * and the number of calendar days between two dates is their difference.
 * There is no time of day and no time zone.
 */
#ifndef UKWD_DATE_H
#define UKWD_DATE_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_date Dates
 * @{ */

/** Days since 1970-01-01, proleptic Gregorian calendar. */
typedef int32_t ukwd_date;

/** 0001-01-01, the first date libukwd accepts. */
#define UKWD_DATE_MIN    ((ukwd_date)-719162)
/** 9999-12-31, the last date libukwd accepts. */
#define UKWD_DATE_MAX    ((ukwd_date)2932896)
/** Buffer size for ukwd_date_format(): "YYYY-MM-DD" and a NUL. */
#define UKWD_DATE_STRLEN 11

/** ISO 8601 weekday numbers, as returned by ukwd_date_weekday(). */
enum {
	UKWD_MONDAY = 1,    /**< Monday, 1 */
	UKWD_TUESDAY = 2,   /**< Tuesday, 2 */
	UKWD_WEDNESDAY = 3, /**< Wednesday, 3 */
	UKWD_THURSDAY = 4,  /**< Thursday, 4 */
	UKWD_FRIDAY = 5,    /**< Friday, 5 */
	UKWD_SATURDAY = 6,  /**< Saturday, 6 */
	UKWD_SUNDAY = 7     /**< Sunday, 7 */
};

/**
 * @brief The serial date of a civil (year, month, day).
 * @param[out] out   the date; unchanged on failure.
 * @param[in]  year  1 to 9999.
 * @param[in]  month 1 to 12.
 * @param[in]  day   1 to the length of that month (29 February only in a
 *                   leap year).
 * @return 0; #UKWD_EINVAL for a NULL @p out, a month outside 1..12 or a day
 *         that does not exist in that month; #UKWD_ERANGE for a year
 *         outside 1..9999.
 * @since 0.1
 */
UKWD_API int ukwd_date_from_ymd(ukwd_date *out, int year, int month, int day);

/**
 * @brief The civil (year, month, day) of a serial date.
 *
 * Exact for every date in #UKWD_DATE_MIN..#UKWD_DATE_MAX (and, as
 * arithmetic, far beyond it). Any output pointer may be NULL.
 *
 * @param[in]  d     the date.
 * @param[out] year  the year.
 * @param[out] month 1 to 12.
 * @param[out] day   1 to 31.
 * @since 0.1
 */
UKWD_API void ukwd_date_to_ymd(ukwd_date d, int *year, int *month, int *day);

/**
 * @brief Parse a strict ISO 8601 calendar date, "YYYY-MM-DD".
 *
 * Exactly ten characters: four digits, '-', two digits, '-', two digits,
 * and then the end of the string. No sign, no spaces, no "2023-1-01", no
 * week or ordinal dates, no time part.
 *
 * @param[out] out  the date; unchanged on failure.
 * @param[in]  text NUL-terminated text.
 * @param[out] diag optional (may be NULL); on failure names the column
 *                  (1-based) and what is wrong.
 * @return 0; #UKWD_EINVAL if @p out or @p text is NULL; #UKWD_EPARSE if the
 *         text is not of that form or names a day that does not exist
 *         (2023-02-29, 2023-13-01); #UKWD_ERANGE for year 0000.
 * @since 0.1
 */
UKWD_API int ukwd_date_parse(ukwd_date *out, const char *text, ukwd_diag *diag);

/**
 * @brief Parse a strict time of day, "HH:MM" (00:00 to 23:59).
 * @param[out] minutes minutes after midnight; unchanged on failure.
 * @param[in]  text    NUL-terminated text.
 * @param[out] diag    optional; names the column on failure.
 * @return 0; #UKWD_EINVAL for NULL; #UKWD_EPARSE otherwise.
 * @since 0.1
 */
UKWD_API int ukwd_time_parse(int *minutes, const char *text, ukwd_diag *diag);

/**
 * @brief Parse "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (a date, optionally with
 *        a local time of day; no seconds, no zone).
 * @param[out] date    the date; unchanged on failure.
 * @param[out] minutes minutes after midnight, or -1 when no time is given;
 *                     unchanged on failure.
 * @param[in]  text    NUL-terminated text.
 * @param[out] diag    optional; names the column on failure.
 * @return as ukwd_date_parse().
 * @since 0.1
 */
UKWD_API int ukwd_date_time_parse(ukwd_date *date, int *minutes,
                                  const char *text, ukwd_diag *diag);

/**
 * @brief Write a date as "YYYY-MM-DD" and a NUL.
 * @param[out] buf  the buffer.
 * @param[in]  size its size in bytes; at least #UKWD_DATE_STRLEN.
 * @param[in]  d    a date in #UKWD_DATE_MIN..#UKWD_DATE_MAX.
 * @return 0; #UKWD_EINVAL if @p buf is NULL; #UKWD_EBUFS if @p size is
 *         smaller than #UKWD_DATE_STRLEN (then, if @p size > 0, @p buf holds
 *         an empty string); #UKWD_ERANGE if @p d is outside the range.
 * @since 0.1
 */
UKWD_API int ukwd_date_format(char *buf, size_t size, ukwd_date d);

/**
 * @brief The ISO weekday of a date.
 * @param[in] d any date.
 * @return 1 for Monday through 7 for Sunday (#UKWD_MONDAY..#UKWD_SUNDAY).
 * @since 0.1
 */
UKWD_API int ukwd_date_weekday(ukwd_date d);

/**
 * @brief Easter Sunday of a year, Gregorian (Western) reckoning.
 *
 * Good Friday is two days before and Easter Monday the day after.
 *
 * @param[out] out  the date; unchanged on failure.
 * @param[in]  year 1583 (the first full Gregorian year) to 9999.
 * @return 0; #UKWD_EINVAL if @p out is NULL; #UKWD_ERANGE for a year
 *         outside 1583..9999, where a Gregorian Easter would be a fiction.
 * @since 0.1
 */
UKWD_API int ukwd_easter_sunday(ukwd_date *out, int year);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_DATE_H */
