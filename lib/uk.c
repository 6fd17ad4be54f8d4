/* UK bank holidays from 1971: the regular rules per division, the
 * substitute-day rule, and the table of one-off changes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ukwd/uk.h"
#include "calendar-private.h"
#include "days.h"
#include "internal.h"
#include "suggest.h"

#define APOS "\u2019" /* GOV.UK writes the typographic apostrophe */

enum { EW, SCT, NI, DIVISIONS };

enum uk_day {
	NEW_YEAR,
	SECOND_JANUARY,
	ST_PATRICK,
	GOOD_FRIDAY,
	EASTER_MONDAY,
	EARLY_MAY,
	SPRING,
	BOYNE,
	SUMMER,
	ST_ANDREW,
	CHRISTMAS,
	BOXING_DAY,
	UK_DAYS
};

/* The regular days. first_year is the first year the day was a holiday in
 * each division (0: never); movable days fall on a fixed date and, on a
 * weekend, get a substitute weekday. Sources:
 * - Banking and Financial Dealings Act 1971, Schedule 1
 *   (legislation.gov.uk/ukpga/1971/80/schedule/1); House of Commons
 *   Library briefing SN06170 "Bank and public holidays" (2015).
 * - New Year's Day in England, Wales and Northern Ireland from 1974, by a
 *   royal proclamation of October 1973; Early May from 1978 (announced
 *   30 March 1976); Boxing Day in Scotland by proclamation from 1974; the
 *   Scottish Spring holiday (last Monday in May) from 1978: SN06170 and
 *   the timelines it summarises.
 * - 2 January in Scotland: 1971 Act (Royal Assent 16 December 1971), so
 *   from 1972.
 * - St Andrew's Day: St Andrew's Day Bank Holiday (Scotland) Act 2007
 *   (Royal Assent January 2007), so from 30 November 2007.
 * - Good Friday and Christmas Day are common-law holidays in England,
 *   Wales and Northern Ireland and bank holidays in Scotland: non-working
 *   everywhere. */
static const struct {
	const char *name, *substitute;
	short first_year[DIVISIONS];
	unsigned char movable;
} regular[UK_DAYS] = {
    [NEW_YEAR] = {"New Year" APOS "s Day",
                  "New Year" APOS "s Day (substitute day)",
                  {1974, 1971, 1974},
                  1},
    [SECOND_JANUARY] = {"2nd January",
                        "2nd January (substitute day)",
                        {0, 1972, 0},
                        1},
    [ST_PATRICK] = {"St Patrick" APOS "s Day",
                    "St Patrick" APOS "s Day (substitute day)",
                    {0, 0, 1971},
                    1},
    [GOOD_FRIDAY] = {"Good Friday", NULL, {1971, 1971, 1971}, 0},
    [EASTER_MONDAY] = {"Easter Monday", NULL, {1971, 0, 1971}, 0},
    [EARLY_MAY] = {"Early May bank holiday", NULL, {1978, 1971, 1978}, 0},
    [SPRING] = {"Spring bank holiday", NULL, {1971, 1978, 1971}, 0},
    [BOYNE] = {"Battle of the Boyne (Orangemen" APOS "s Day)",
               "Battle of the Boyne (Orangemen" APOS "s Day) (substitute day)",
               {0, 0, 1971},
               1},
    [SUMMER] = {"Summer bank holiday", NULL, {1971, 1971, 1971}, 0},
    [ST_ANDREW] = {"St Andrew" APOS "s Day",
                   "St Andrew" APOS "s Day (substitute day)",
                   {0, 2007, 0},
                   1},
    [CHRISTMAS] = {"Christmas Day",
                   "Christmas Day (substitute day)",
                   {1971, 1971, 1971},
                   1},
    [BOXING_DAY] = {"Boxing Day",
                    "Boxing Day (substitute day)",
                    {1971, 1974, 1971},
                    1},
};

enum uk_change_kind {
	MOVE,   /* a regular day observed on another date (1971 Act s.1(2)) */
	EXTRA,  /* an extra day (s.1(3)) */
	CANCEL, /* a substitute the rule gives but that was not proclaimed */
	RENAME  /* GOV.UK names the day differently from the rule */
};

#define E UKWD_UK_ENGLAND_WALES
#define S UKWD_UK_SCOTLAND
#define N UKWD_UK_NORTHERN_IRELAND

/* Every one-off change through the latest proclaimed, in date order.
 * Years examined and left to the rule: 1973 (14 November, Princess Anne's
 * wedding: no proclamation found, not a bank holiday); 1986 and 1999 royal
 * weddings (not bank holidays: Downing Street, 2017); 2000 (3 January, and
 * 3-4 January in Scotland, are the ordinary substitutes). Left to the rule
 * but not confirmed by a primary source: 28 December 1971 and Scotland's 27
 * December 1971 (no Boxing Day there before 1974), Scotland's 3-4 January
 * 1972 and 2000. Titles before
 * 2012 are ours in GOV.UK's style; GOV.UK's data begins in 2012. */
static const struct {
	short year;
	unsigned char month, day;
	unsigned char divisions;
	unsigned char kind;
	unsigned char regular; /* MOVE: which regular day moves */
	const char *name;      /* NULL: the regular day's own name */
} changes[] = {
    /* Silver Jubilee. Hansard HC written answer, 19 January 1977,
     * "Queen's Silver Jubilee": England, Wales and Northern Ireland
     * only; Scotland had no Spring holiday until 1978. */
    {1977, 6, 6, E | N, MOVE, SPRING, NULL},
    {1977, 6, 7, E | N, EXTRA, 0, "Queen" APOS "s Silver Jubilee"},
    /* Wedding of the Prince of Wales (extra day; qppstudio 2010, "a bank
     * holiday was declared in 1981"). Scotland is not confirmed by a
     * primary source; python-holidays and others list all divisions. */
    {1981, 7, 29, E | S | N, EXTRA, 0, "Royal wedding"},
    /* VE Day 50. Hansard HL 16 December 1993 and HC 2 March 1995:
     * Early May moved to 8 May in England, Wales and Northern Ireland;
     * Scotland kept 1 May and had 8 May as well. */
    {1995, 5, 8, E | N, MOVE, EARLY_MAY, "Early May bank holiday (VE day)"},
    {1995, 5, 8, S, EXTRA, 0, "VE day"},
    /* Millennium. Sunday Times, 17 April 1998; QuantLib's UK calendar. */
    {1999, 12, 31, E | S | N, EXTRA, 0, "Millennium celebrations"},
    /* Golden Jubilee. Commons Library SN/PC/1435 "Golden Jubilee 2002":
     * bank holidays on Monday 3 and Tuesday 4 June; Spring moved to 4
     * June in all three divisions. */
    {2002, 6, 3, E | S | N, EXTRA, 0, "Queen" APOS "s Golden Jubilee"},
    {2002, 6, 4, E | S | N, MOVE, SPRING, NULL},
    /* No proclamation for Scotland's 4 January substitutes in 2010 and
     * 2011 (M. Somerville, "Bad Bank Holidays", 2014, after the Scottish
     * Government and the Edinburgh Gazette). What remains of 2011 is the
     * statutory day: "2 January ... or 3 January if it be a Sunday"
     * (1971 Act, Schedule 1), so 3 January is 2 January's substitute. */
    {2010, 1, 4, S, CANCEL, 0, NULL},
    {2011, 1, 3, S, RENAME, 0, "2nd January (substitute day)"},
    {2011, 1, 4, S, CANCEL, 0, NULL},
    /* Royal wedding, 29 April 2011: proclaimed for England, Wales and
     * Northern Ireland; the Scottish Government declared the same day
     * (Herald Scotland, November 2010). */
    {2011, 4, 29, E | S | N, EXTRA, 0, "Royal wedding"},
    /* GOV.UK, bank-holidays.json (tests/data/bank-holidays_2012-2015.json):
     * Scotland's 2 and 3 January follow the statutory reading (so the
     * rule), the Diamond Jubilee moved Spring to 4 June, noted "Substitute
     * day" in England, Wales and Scotland but not Northern Ireland, and
     * added 5 June ("Extra bank holiday"). */
    {2012, 6, 4, E | S, MOVE, SPRING, "Spring bank holiday (substitute day)"},
    {2012, 6, 4, N, MOVE, SPRING, NULL},
    {2012, 6, 5, E | S | N, EXTRA, 0,
     "Queen" APOS "s Diamond Jubilee (extra bank holiday)"},
    /* VE Day 75: Early May moved to Friday 8 May in all divisions
     * (The Gazette, notice 3326938; GOV.UK data). */
    {2020, 5, 8, E | S | N, MOVE, EARLY_MAY, "Early May bank holiday (VE day)"},
    /* Platinum Jubilee: Spring moved to Thursday 2 June, extra Friday 3
     * June, all divisions (GOV.UK data, as cached in
     * ministryofjustice/govuk-bank-holidays). */
    {2022, 6, 2, E | S | N, MOVE, SPRING, NULL},
    {2022, 6, 3, E | S | N, EXTRA, 0, "Platinum Jubilee bank holiday"},
    /* State funeral of Queen Elizabeth II (The Gazette, notice 4158896,
     * and the Scottish proclamation; GOV.UK data). */
    {2022, 9, 19, E | S | N, EXTRA, 0,
     "Bank Holiday for the State Funeral of Queen Elizabeth II"},
    /* GOV.UK's 2023 Scottish data names 2 January as New Year's Day's
     * substitute and 3 January as 2 January's (the rule, like the
     * statute and GOV.UK's 2012 and 2017 data, gives the reverse). */
    {2023, 1, 2, S, RENAME, 0, "New Year" APOS "s Day (substitute day)"},
    {2023, 1, 3, S, RENAME, 0, "2nd January (substitute day)"},
    /* Coronation of King Charles III, all divisions (GOV.UK data). */
    {2023, 5, 8, E | S | N, EXTRA, 0,
     "Bank holiday for the coronation of King Charles III"},
    /* Scotland's first World Cup match: proclaimed 3 February 2026 under
     * s.1(3) (Scottish Government, "World Cup bank holiday confirmed",
     * 5 February 2026); GOV.UK title "World Cup bank holiday". */
    {2026, 6, 15, S, EXTRA, 0, "World Cup bank holiday"},
};

#undef E
#undef S
#undef N

/* The most days one division can have in a year: every regular day, its
 * weekend name and substitute, and the one-off changes. */
#define UK_MAX_PER_YEAR 40

static ukwd_date
ymd(int year, int month, int day)
{
	return ukwd__days_from_civil(year, month, day);
}

static int
is_weekend(ukwd_date d)
{
	return ukwd_date_weekday(d) >= UKWD_SATURDAY;
}

/* The first Monday on or after d. */
static ukwd_date
monday_on_or_after(ukwd_date d)
{
	return d + (8 - ukwd_date_weekday(d)) % 7;
}

static ukwd_date
nominal_date(enum uk_day day, int division, int year, ukwd_date easter)
{
	switch (day) {
	case NEW_YEAR:
		return ymd(year, 1, 1);
	case SECOND_JANUARY:
		return ymd(year, 1, 2);
	case ST_PATRICK:
		return ymd(year, 3, 17);
	case GOOD_FRIDAY:
		return easter - 2;
	case EASTER_MONDAY:
		return easter + 1;
	case EARLY_MAY:
		return monday_on_or_after(ymd(year, 5, 1));
	case SPRING:
		return monday_on_or_after(ymd(year, 5, 25));
	case BOYNE:
		return ymd(year, 7, 12);
	case SUMMER: /* Scotland: first Monday; elsewhere the last */
		return monday_on_or_after(division == SCT ? ymd(year, 8, 1)
		                                          : ymd(year, 8, 25));
	case ST_ANDREW:
		return ymd(year, 11, 30);
	case CHRISTMAS:
		return ymd(year, 12, 25);
	case BOXING_DAY:
	default:
		return ymd(year, 12, 26);
	}
}

struct year_list {
	struct ukwd__day day[UK_MAX_PER_YEAR];
	size_t count;
};

static int
year_has(const struct year_list *list, ukwd_date d)
{
	for (size_t i = 0; i < list->count; i++)
		if (list->day[i].date == d)
			return 1;
	return 0;
}

static void
year_add(struct year_list *list, ukwd_date d, const char *name)
{
	if (list->count < UK_MAX_PER_YEAR)
		list->day[list->count++] = (struct ukwd__day){d, name};
}

/* The holidays of one division in one year, sorted by date. `change` is
 * the first row of `changes` for this year or later. */
static void
division_year(struct year_list *list, int division, int year, size_t change)
{
	unsigned int bit = 1u << division;
	ukwd_date easter, weekend_days[UK_DAYS];
	enum uk_day weekend_which[UK_DAYS];
	size_t nweekend = 0, end = change;

	list->count = 0;
	while (end < sizeof(changes) / sizeof(changes[0]) &&
	       changes[end].year == year)
		end++;
	ukwd_easter_sunday(&easter, year);
	/* Days fixed to a weekday, moved where a proclamation moved them. */
	for (int day = 0; day < UK_DAYS; day++) {
		const char *name = regular[day].name;
		ukwd_date d;

		if (!regular[day].first_year[division] ||
		    year < regular[day].first_year[division])
			continue;
		d = nominal_date((enum uk_day)day, division, year, easter);
		if (regular[day].movable) {
			if (is_weekend(d)) {
				weekend_days[nweekend] = d;
				weekend_which[nweekend++] = (enum uk_day)day;
				continue;
			}
		} else {
			for (size_t c = change; c < end; c++)
				if (changes[c].kind == MOVE &&
				    changes[c].regular == day &&
				    (changes[c].divisions & bit)) {
					d = ymd(year, changes[c].month,
					        changes[c].day);
					if (changes[c].name)
						name = changes[c].name;
				}
		}
		year_add(list, d, name);
	}
	for (size_t c = change; c < end; c++)
		if (changes[c].kind == EXTRA && (changes[c].divisions & bit))
			year_add(list,
			         ymd(year, changes[c].month, changes[c].day),
			         changes[c].name);
	/* Fixed-date days on a weekend, in date order: each keeps its name
	 * on its own day and is observed on the next free weekday. */
	for (size_t w = 0; w < nweekend; w++) {
		ukwd_date d = weekend_days[w];

		year_add(list, d, regular[weekend_which[w]].name);
		while (is_weekend(d) || year_has(list, d))
			d++;
		year_add(list, d, regular[weekend_which[w]].substitute);
	}
	for (size_t c = change; c < end; c++) {
		ukwd_date d = ymd(year, changes[c].month, changes[c].day);

		if (!(changes[c].divisions & bit))
			continue;
		for (size_t i = 0; i < list->count; i++) {
			if (list->day[i].date != d)
				continue;
			if (changes[c].kind == CANCEL)
				list->day[i] = list->day[--list->count];
			else if (changes[c].kind == RENAME)
				list->day[i].name = changes[c].name;
			break;
		}
	}
	/* Insertion sort: a handful of days. */
	for (size_t i = 1; i < list->count; i++) {
		struct ukwd__day item = list->day[i];
		size_t j = i;

		for (; j > 0 && list->day[j - 1].date > item.date; j--)
			list->day[j] = list->day[j - 1];
		list->day[j] = item;
	}
}

/* All the days of a division set over a span of years, in a named-days
 * list (days.h): dates sorted and unique, with names joined by "; " where
 * divisions differ. */
static int
uk_collect(struct ukwd__days *days, unsigned int divisions, int first_year,
           int last_year)
{
	size_t change = 0;

	memset(days, 0, sizeof(*days));
	for (int year = first_year; year <= last_year; year++) {
		struct year_list list[DIVISIONS];
		size_t at[DIVISIONS] = {0};

		while (change < sizeof(changes) / sizeof(changes[0]) &&
		       changes[change].year < year)
			change++;
		for (int div = 0; div < DIVISIONS; div++) {
			list[div].count = 0;
			if (divisions & (1u << div))
				division_year(&list[div], div, year, change);
		}
		/* Merge the divisions' sorted lists. */
		for (;;) {
			int pick = -1, rc;
			ukwd_date d = 0;

			for (int div = 0; div < DIVISIONS; div++)
				if (at[div] < list[div].count &&
				    (pick < 0 ||
				     list[div].day[at[div]].date < d)) {
					pick = div;
					d = list[div].day[at[div]].date;
				}
			if (pick < 0)
				break;
			if (days->count && days->run[days->count - 1].last == d)
				rc = ukwd__days_join_last(
				    days, list[pick].day[at[pick]].name);
			else
				rc = ukwd__days_add(
				    days, d, list[pick].day[at[pick]].name);
			at[pick]++;
			if (rc) {
				ukwd__days_free(days);
				return rc;
			}
		}
	}
	return 0;
}

static int
uk_check(unsigned int divisions, int first_year, int last_year)
{
	if (divisions == 0 || (divisions & ~UKWD_UK_ALL) ||
	    last_year < first_year)
		return UKWD_EINVAL;
	if (first_year < UKWD_UK_FIRST_YEAR || last_year > UKWD_UK_LAST_YEAR)
		return UKWD_ERANGE;
	return 0;
}

/* Check the arguments and collect the days. */
static int
uk_prepare(struct ukwd__days *days, unsigned int divisions, int first_year,
           int last_year)
{
	int rc = uk_check(divisions, first_year, last_year);

	return rc ? rc : uk_collect(days, divisions, first_year, last_year);
}

static void
uk_provenance(unsigned char *provenance, int first_year, int last_year)
{
	for (int year = first_year; year <= last_year; year++)
		provenance[year - first_year] =
		    year <= UKWD_UK_LAST_OFFICIAL_YEAR
		        ? UKWD_PROVENANCE_OFFICIAL
		        : UKWD_PROVENANCE_PROJECTED;
}

int
ukwd_calendar_new_uk(ukwd_calendar **out, unsigned int divisions,
                     int first_year, int last_year)
{
	unsigned char provenance[UKWD_UK_LAST_YEAR - UKWD_UK_FIRST_YEAR + 1];
	struct ukwd__days days;
	int rc;

	if (!out)
		return UKWD_EINVAL;
	rc = uk_prepare(&days, divisions, first_year, last_year);
	if (rc)
		return rc;
	uk_provenance(provenance, first_year, last_year);
	rc = ukwd__days_assemble(out, UKWD_WEEKEND_SAT_SUN,
	                         ymd(first_year, 1, 1), ymd(last_year, 12, 31),
	                         &days, provenance);
	ukwd__days_free(&days);
	return rc;
}

int
ukwd_calendar_builder_new_uk(ukwd_calendar_builder **out,
                             unsigned int divisions, int first_year,
                             int last_year)
{
	ukwd_calendar_builder *b = NULL;
	struct ukwd__days days;
	int rc;

	if (!out)
		return UKWD_EINVAL;
	rc = uk_prepare(&days, divisions, first_year, last_year);
	if (rc)
		return rc;
	rc = ukwd_calendar_builder_new(&b);
	if (rc == 0)
		rc = ukwd_calendar_builder_set_range(b, ymd(first_year, 1, 1),
		                                     ymd(last_year, 12, 31));
	if (rc == 0 && first_year <= UKWD_UK_LAST_OFFICIAL_YEAR)
		rc = ukwd_calendar_builder_set_provenance(
		    b, first_year,
		    last_year < UKWD_UK_LAST_OFFICIAL_YEAR
		        ? last_year
		        : UKWD_UK_LAST_OFFICIAL_YEAR,
		    UKWD_PROVENANCE_OFFICIAL);
	if (rc == 0 && last_year > UKWD_UK_LAST_OFFICIAL_YEAR)
		rc = ukwd_calendar_builder_set_provenance(
		    b,
		    first_year > UKWD_UK_LAST_OFFICIAL_YEAR
		        ? first_year
		        : UKWD_UK_LAST_OFFICIAL_YEAR + 1,
		    last_year, UKWD_PROVENANCE_PROJECTED);
	for (size_t i = 0; rc == 0 && i < days.count; i++)
		rc = ukwd__builder_add_range(
		    b, days.run[i].first, days.run[i].last, days.run[i].name);
	ukwd__days_free(&days);
	if (rc) {
		ukwd_calendar_builder_free(b);
		return rc;
	}
	*out = b;
	return 0;
}

int
ukwd_calendar_new_sec(ukwd_calendar **out, int first_year, int last_year)
{
	return ukwd_calendar_new_uk(out, UKWD_UK_SEC, first_year, last_year);
}

/* GOV.UK's three names first (ukwd_uk_division_name() reads them), then
 * libukwd's sets, then the aliases a person types: "wales" and "england"
 * are England and Wales (one bank-holiday division), "ni" Northern
 * Ireland. */
static const struct {
	const char *name;
	unsigned int divisions;
} division_names[] = {
    {"england-and-wales", UKWD_UK_ENGLAND_WALES},
    {"scotland", UKWD_UK_SCOTLAND},
    {"northern-ireland", UKWD_UK_NORTHERN_IRELAND},
    {"gb", UKWD_UK_GB},
    {"uk", UKWD_UK_ALL},
    {"sec", UKWD_UK_SEC},
    {"england", UKWD_UK_ENGLAND_WALES},
    {"wales", UKWD_UK_ENGLAND_WALES},
    {"ni", UKWD_UK_NORTHERN_IRELAND},
};

#define DIVISION_NAMES (sizeof(division_names) / sizeof(*division_names))

static int
same_name_folded(const char *text, const char *name)
{
	for (; *text && *name; text++, name++) {
		char c =
		    *text >= 'A' && *text <= 'Z' ? (char)(*text + 32) : *text;

		if (c != *name)
			return 0;
	}
	return *text == *name;
}

int
ukwd_uk_division_parse(unsigned int *out, const char *text, ukwd_diag *diag)
{
	struct ukwd__suggest suggest;
	const char *close;

	ukwd__diag_clear(diag);
	if (!out || !text)
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no division given (NULL)");
	for (size_t i = 0; i < DIVISION_NAMES; i++)
		if (same_name_folded(text, division_names[i].name)) {
			*out = division_names[i].divisions;
			return 0;
		}
	ukwd__suggest_init(&suggest, text, strlen(text));
	for (size_t i = 0; i < DIVISION_NAMES; i++)
		ukwd__suggest_name(&suggest, division_names[i].name);
	close = ukwd__suggest_best(&suggest);
	if (close)
		return ukwd__diag_set(diag, UKWD_ENOTFOUND, 0, 1,
		                      "unknown division '%.60s'; did you mean "
		                      "'%s'?",
		                      text, close);
	return ukwd__diag_set(diag, UKWD_ENOTFOUND, 0, 1,
	                      "unknown division '%.60s': expected "
	                      "england-and-wales, scotland, northern-ireland, "
	                      "gb, uk or sec",
	                      text);
}

const char *
ukwd_uk_division_name(unsigned int division)
{
	for (size_t i = 0; i < 3; i++)
		if (division_names[i].divisions == division)
			return division_names[i].name;
	return NULL;
}
