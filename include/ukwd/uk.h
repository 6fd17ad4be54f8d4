/**
 * @file ukwd/uk.h
 * @brief UK bank-holiday calendars from 1971, and libukwd's proposed
 *        reading of the SEC Working Day.
 *
 * Calendars for England and Wales, Scotland and Northern Ireland, alone or
 * combined, for any years from 1971 (the Banking and Financial Dealings
 * Act 1971) to 9999. A day is non-working when it is a Saturday, a Sunday,
 * Good Friday, Christmas Day (common-law holidays, always non-working) or a
 * bank holiday of one of the chosen divisions:
 *
 * - the statutory days of Schedule 1 to the 1971 Act and the days added
 *   every year by royal proclamation, each from the year it began: New
 *   Year's Day outside Scotland (1974), 2 January in Scotland (1972), Early
 *   May outside Scotland (1978), the Scottish Spring bank holiday (1978),
 *   Boxing Day in Scotland (1974), St Andrew's Day (2007); Easter Monday,
 *   Spring and Summer bank holidays, St Patrick's Day and the Battle of the
 *   Boyne throughout;
 * - substitute days: a fixed-date holiday (New Year's Day, 2 January, St
 *   Patrick's Day, the Boyne, St Andrew's Day, Christmas Day, Boxing Day)
 *   that falls on a Saturday or Sunday is observed on the next weekday that
 *   is not already a holiday, so Christmas on a Saturday gives Monday 27 and
 *   Tuesday 28 December;
 * - every one-off change proclaimed so far (jubilees, royal weddings, the
 *   millennium, VE-day anniversaries, the 2022 state funeral, the 2023
 *   coronation, Scotland's World Cup bank holiday on 15 June 2026), from a
 *   table with the source of each row in lib/uk.c.
 *
 * Days carry GOV.UK's titles, with GOV.UK's typographic apostrophe (’,
 * U+2019) and its web page's suffixes: "Christmas Day (substitute day)",
 * "Early May bank holiday (VE day)". A holiday that falls on a weekend is
 * kept under its own name as well, beside its substitute. Where divisions
 * name one day differently, a combined calendar joins the names with "; ".
 *
 * Provenance: years up to #UKWD_UK_LAST_OFFICIAL_YEAR follow published
 * proclamations and GOV.UK's data and are #UKWD_PROVENANCE_OFFICIAL; later
 * years are #UKWD_PROVENANCE_PROJECTED by the rules above, and a day
 * proclaimed later will be missing from them. Load GOV.UK's current file to
 * correct them (ukwd/ical.h).
 */
#ifndef UKWD_UK_H
#define UKWD_UK_H

#include "common.h"
#include "error.h"
#include "calendar.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_uk UK bank holidays
 * @{ */

/** England and Wales (GOV.UK "england-and-wales"). */
#define UKWD_UK_ENGLAND_WALES    0x1u
/** Scotland (GOV.UK "scotland"). */
#define UKWD_UK_SCOTLAND         0x2u
/** Northern Ireland (GOV.UK "northern-ireland"). */
#define UKWD_UK_NORTHERN_IRELAND 0x4u
/** Great Britain: England and Wales, and Scotland. */
#define UKWD_UK_GB               (UKWD_UK_ENGLAND_WALES | UKWD_UK_SCOTLAND)
/** The whole United Kingdom. */
#define UKWD_UK_ALL              (UKWD_UK_GB | UKWD_UK_NORTHERN_IRELAND)

/**
 * The divisions of the default SEC Working Day: Great Britain, England and
 * Wales with Scotland. PROPOSED: libukwd's reading, not the Code's words.
 *
 * No public copy of the SEC's definition of Working Day (Section A1) was
 * found, so which part of the UK its bank holidays belong to is
 * unverified. The SEC governs smart metering in Great Britain (its DCC
 * licence is granted under the Electricity Act 1989 and the Gas Act 1986,
 * which do not extend to Northern Ireland), so libukwd takes the union for
 * Great Britain: a day is a working day only if it is one in both England
 * and Wales and Scotland.
 *
 * Which way it errs: the union has fewer working days than either
 * division, so for a notice a Party gives it means giving notice earlier
 * (the cautious reading), while for the DCC's own "within N working days"
 * duties it gives the DCC more calendar time (the lenient reading). The
 * strictest reading for a Party's notice is #UKWD_UK_ALL (`--division
 * uk`): a bank holiday anywhere in the UK, as the Freedom of Information
 * Act 2000, s.10 words it. Pass any division set to ukwd_calendar_new_uk()
 * to choose.
 */
#define UKWD_UK_SEC UKWD_UK_GB

/** The first year libukwd's UK rules cover. */
#define UKWD_UK_FIRST_YEAR         1971
/** The last year libukwd's UK rules cover. */
#define UKWD_UK_LAST_YEAR          9999
/** The last year for which this release holds officially published data;
 *  later years are projected by rule. */
#define UKWD_UK_LAST_OFFICIAL_YEAR 2027

/**
 * @brief A UK bank-holiday calendar for the years @p first_year to
 *        @p last_year, both inclusive (1 January to 31 December).
 *
 * A day is non-working if it is a weekend day or a holiday in ANY of the
 * chosen divisions (the union). The calendar answers for dates inside
 * those years only.
 *
 * @param[out] out        the calendar; the caller frees it.
 * @param[in]  divisions  a non-empty set of UKWD_UK_* bits.
 * @param[in]  first_year #UKWD_UK_FIRST_YEAR or later.
 * @param[in]  last_year  @p first_year to #UKWD_UK_LAST_YEAR.
 * @return 0; #UKWD_EINVAL for a NULL @p out, no division or an unknown bit,
 *         or @p last_year < @p first_year; #UKWD_ERANGE for a year outside
 *         1971..9999; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_calendar_new_uk(ukwd_calendar **out, unsigned int divisions,
                                  int first_year, int last_year);

/**
 * @brief A builder holding the UK calendar of ukwd_calendar_new_uk(), to
 *        add a company's own days off (or remove days) before building.
 * @return as ukwd_calendar_new_uk().
 * @since 0.1
 */
UKWD_API int ukwd_calendar_builder_new_uk(ukwd_calendar_builder **out,
                                          unsigned int divisions,
                                          int first_year, int last_year);

/**
 * @brief The default SEC Working Day calendar: ukwd_calendar_new_uk() with
 *        #UKWD_UK_SEC (Great Britain), a PROPOSED reading of the Code, not
 *        its words; see #UKWD_UK_SEC for why and which way it errs.
 * @return as ukwd_calendar_new_uk().
 * @since 0.1
 */
UKWD_API int ukwd_calendar_new_sec(ukwd_calendar **out, int first_year,
                                   int last_year);

/**
 * @brief Read a division name as the front-ends and GOV.UK spell it.
 *
 * Accepts "england-and-wales", "scotland", "northern-ireland" (GOV.UK's
 * names), "gb", "uk" and "sec" (libukwd's proposed SEC set,
 * #UKWD_UK_SEC), and the aliases "england" and "wales" (both
 * England and Wales, #UKWD_UK_ENGLAND_WALES: one bank-holiday division)
 * and "ni" (Northern Ireland), in any mix of upper and lower case.
 *
 * @param[out] out   the division bits; unchanged on failure.
 * @param[in]  text  the name, ignoring ASCII case.
 * @param[out] diag  optional; names the text on failure, with the
 *                   closest name when one is close ("unknown division
 *                   'scotlnd'; did you mean 'scotland'?"), else the names
 *                   expected.
 * @return 0; #UKWD_EINVAL for NULL; #UKWD_ENOTFOUND for an unknown name.
 * @since 0.1
 */
UKWD_API int ukwd_uk_division_parse(unsigned int *out, const char *text,
                                    ukwd_diag *diag);

/**
 * @brief GOV.UK's name of a single division ("england-and-wales",
 *        "scotland" or "northern-ireland").
 * @return a static string; NULL unless @p division is exactly one bit.
 * @since 0.1
 */
UKWD_API const char *ukwd_uk_division_name(unsigned int division);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_UK_H */
