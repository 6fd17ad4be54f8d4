/* UK bank-holiday calendars (ukwd/uk.h) against GOV.UK's published data
 * (tests/data, read through $UKWD_TEST_DATA), GOV.UK's feed for 2016-2027,
 * the known answers of every one-off year, the substitute-day chains, the
 * first year of each rule, unions of divisions, provenance, errors, the
 * builder variant and the division names. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <ukwd.h>

#include "test-util.h"

/* ------------------------------------------------------------------ */
/* Names and divisions */

#define EW  UKWD_UK_ENGLAND_WALES
#define SC  UKWD_UK_SCOTLAND
#define NI  UKWD_UK_NORTHERN_IRELAND
#define ALL UKWD_UK_ALL

/* GOV.UK's titles, with its typographic apostrophe (U+2019), and its web
 * page's suffix for substitute days. */
#define APOS          "\u2019"
#define SUB           " (substitute day)"
#define NEW_YEAR      "New Year" APOS "s Day"
#define JAN_2         "2nd January"
#define ST_PATRICK    "St Patrick" APOS "s Day"
#define GOOD_FRIDAY   "Good Friday"
#define EASTER_MONDAY "Easter Monday"
#define EARLY_MAY     "Early May bank holiday"
#define SPRING        "Spring bank holiday"
#define BOYNE         "Battle of the Boyne (Orangemen" APOS "s Day)"
#define SUMMER        "Summer bank holiday"
#define ST_ANDREW     "St Andrew" APOS "s Day"
#define CHRISTMAS     "Christmas Day"
#define BOXING_DAY    "Boxing Day"
#define VE_DAY_2020   "Early May bank holiday (VE day)"
#define DIAMOND       "Queen" APOS "s Diamond Jubilee (extra bank holiday)"
#define PLATINUM      "Platinum Jubilee bank holiday"
#define FUNERAL       "Bank Holiday for the State Funeral of Queen Elizabeth II"
#define CORONATION    "Bank holiday for the coronation of King Charles III"
#define WORLD_CUP     "World Cup bank holiday"

/* The three single divisions, in the order of their bits. */
static const unsigned int single_division[3] = {EW, SC, NI};

/* ------------------------------------------------------------------ */
/* Helpers */

/* "YYYY-MM-DD" in one of a few rotating buffers, for messages. */
static const char *
fmt(ukwd_date d)
{
	static char buf[8][24];
	static unsigned int next;
	char *out = buf[next++ % 8];

	if (ukwd_date_format(out, sizeof(buf[0]), d) != 0)
		snprintf(out, sizeof(buf[0]), "#%ld", (long)d);
	return out;
}

static const char *
division_label(unsigned int divisions)
{
	switch (divisions) {
	case EW:
		return "england-and-wales";
	case SC:
		return "scotland";
	case NI:
		return "northern-ireland";
	case EW | SC:
		return "gb";
	case EW | NI:
		return "england-and-wales+northern-ireland";
	case SC | NI:
		return "scotland+northern-ireland";
	case ALL:
		return "uk";
	default:
		return "(unknown division set)";
	}
}

static const char *
or_none(const char *name)
{
	return name ? name : "(no holiday)";
}

static int
same_name(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

static int
is_weekday(ukwd_date d)
{
	return ukwd_date_weekday(d) <= UKWD_FRIDAY;
}

static ukwd_calendar *
uk_cal(unsigned int divisions, int first_year, int last_year)
{
	ukwd_calendar *cal = NULL;
	int rc = ukwd_calendar_new_uk(&cal, divisions, first_year, last_year);

	if (rc != 0)
		fail_msg("ukwd_calendar_new_uk(%s, %d, %d): %s",
		         division_label(divisions), first_year, last_year,
		         ukwd_err_name(rc));
	assert_non_null(cal);
	return cal;
}

/* The three single-division calendars, in single_division order. */
static void
singles_new(ukwd_calendar *cal[3], int first_year, int last_year)
{
	for (int i = 0; i < 3; i++)
		cal[i] = uk_cal(single_division[i], first_year, last_year);
}

static void
singles_free(ukwd_calendar *cal[3])
{
	for (int i = 0; i < 3; i++)
		ukwd_calendar_free(cal[i]);
}

static int
working(const ukwd_calendar *cal, ukwd_date d)
{
	int rc = ukwd_workday_is_working(cal, d);

	if (rc != 0 && rc != 1)
		fail_msg("ukwd_workday_is_working(%s): %s", fmt(d),
		         ukwd_err_name(rc));
	return rc;
}

static ukwd_date
first_monday_on_or_after(ukwd_date d)
{
	return d + (8 - ukwd_date_weekday(d)) % 7;
}

static ukwd_date
last_monday_on_or_before(ukwd_date d)
{
	return d - (ukwd_date_weekday(d) - 1);
}

/* One expected non-working weekday; name NULL: not checked. */
struct expected_day {
	ukwd_date date;
	const char *name;
};

/* Compare the non-working weekdays of `cal` in [from, to] with `exp`,
 * date for date (and name for name where given). Prints each difference
 * and returns how many there were. */
static int
compare_weekday_holidays(const char *label, const ukwd_calendar *cal,
                         ukwd_date from, ukwd_date to,
                         const struct expected_day *exp, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		ukwd_date d = exp[i].date;
		const char *name;

		for (size_t k = 0; k < i; k++)
			if (exp[k].date == d) {
				print_error("%s: %s is expected twice\n", label,
				            fmt(d));
				bad++;
			}
		if (d < from || d > to) {
			print_error("%s: expected %s is outside %s..%s\n",
			            label, fmt(d), fmt(from), fmt(to));
			bad++;
			continue;
		}
		if (!is_weekday(d)) {
			print_error("%s: expected %s is a weekend day\n", label,
			            fmt(d));
			bad++;
			continue;
		}
		name = ukwd_calendar_holiday_name(cal, d);
		if (working(cal, d)) {
			print_error("%s: %s should be a holiday (%s) but is a "
			            "working day\n",
			            label, fmt(d),
			            exp[i].name ? exp[i].name : "?");
			bad++;
		} else if (exp[i].name && !same_name(name, exp[i].name)) {
			print_error("%s: %s is named \"%s\", expected \"%s\"\n",
			            label, fmt(d), or_none(name), exp[i].name);
			bad++;
		}
	}
	for (ukwd_date d = from; d <= to; d++) {
		const char *name;
		size_t i = 0;

		if (!is_weekday(d) || working(cal, d))
			continue;
		name = ukwd_calendar_holiday_name(cal, d);
		if (!name || !*name) {
			print_error("%s: non-working weekday %s has no name\n",
			            label, fmt(d));
			bad++;
		}
		while (i < n && exp[i].date != d)
			i++;
		if (i == n) {
			print_error(
			    "%s: %s (%s) is a holiday but not expected\n",
			    label, fmt(d), or_none(name));
			bad++;
		}
	}
	return bad;
}

/* ------------------------------------------------------------------ */
/* Data files */

static char *
read_data_file(const char *name, size_t *len)
{
	const char *dir = getenv("UKWD_TEST_DATA");
	char path[4096];
	char *text = NULL;
	size_t size = 0, cap = 0;
	FILE *f;

	if (!dir || !*dir)
		fail_msg("UKWD_TEST_DATA is not set: set it to the directory "
		         "holding %s (tests/data; meson test sets it)",
		         name);
	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    (int)sizeof(path))
		fail_msg("UKWD_TEST_DATA path too long: %s", dir);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (from UKWD_TEST_DATA): %s", path,
		         strerror(errno));
	for (;;) {
		size_t got;

		if (cap - size < 4096) {
			char *grown = realloc(text, cap = cap * 2 + 8192);

			if (!grown) {
				fclose(f);
				fail_msg("out of memory reading %s", path);
			}
			text = grown;
		}
		got = fread(text + size, 1, cap - size - 1, f);
		size += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		fail_msg("cannot read %s: %s", path, strerror(errno));
	}
	fclose(f);
	text[size] = '\0';
	*len = size;
	return text;
}

/* ------------------------------------------------------------------ */
/* A small JSON reader for GOV.UK's bank-holidays.json:
 * {"<division>": {"division": "...", "events": [{"title": "...",
 *   "date": "YYYY-MM-DD", "notes": "...", "bunting": true}, ...]}, ...}
 * Strict: the whole input must be one such object; unknown keys are
 * skipped (any JSON value); \uXXXX escapes, surrogate pairs included,
 * become UTF-8. */

struct json {
	const char *at, *end, *start;
	char error[160];
};

static int
json_fail(struct json *j, const char *what)
{
	if (!j->error[0])
		snprintf(j->error, sizeof(j->error), "byte %ld: %s",
		         (long)(j->at - j->start), what);
	return -1;
}

static int
json_peek(struct json *j)
{
	while (j->at < j->end && (*j->at == ' ' || *j->at == '\t' ||
	                          *j->at == '\n' || *j->at == '\r'))
		j->at++;
	return j->at < j->end ? (unsigned char)*j->at : -1;
}

static int
json_take(struct json *j, char c)
{
	char what[32];

	if (json_peek(j) != (unsigned char)c) {
		snprintf(what, sizeof(what), "expected '%c'", c);
		return json_fail(j, what);
	}
	j->at++;
	return 0;
}

static int
json_hex4(struct json *j, unsigned long *out)
{
	*out = 0;
	if (j->end - j->at < 4)
		return json_fail(j, "short \\u escape");
	for (int i = 0; i < 4; i++) {
		char c = *j->at++;

		*out <<= 4;
		if (c >= '0' && c <= '9')
			*out |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*out |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*out |= (unsigned long)(c - 'A' + 10);
		else
			return json_fail(j, "bad hex digit in \\u escape");
	}
	return 0;
}

/* Append one byte; out NULL: discard. */
static int
json_put(struct json *j, char *out, size_t size, size_t *len, unsigned char c)
{
	if (!out)
		return 0;
	if (*len + 1 >= size)
		return json_fail(j, "string too long for the reader");
	out[(*len)++] = (char)c;
	return 0;
}

static int
json_put_utf8(struct json *j, char *out, size_t size, size_t *len,
              unsigned long cp)
{
	int rc = 0;

	if (cp < 0x80) {
		rc |= json_put(j, out, size, len, (unsigned char)cp);
	} else if (cp < 0x800) {
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0xC0 | (cp >> 6)));
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0xE0 | (cp >> 12)));
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0x80 | ((cp >> 6) & 0x3F)));
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0x80 | (cp & 0x3F)));
	} else {
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0xF0 | (cp >> 18)));
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0x80 | ((cp >> 12) & 0x3F)));
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0x80 | ((cp >> 6) & 0x3F)));
		rc |= json_put(j, out, size, len,
		               (unsigned char)(0x80 | (cp & 0x3F)));
	}
	return rc ? -1 : 0;
}

/* A string into out (NUL-terminated), or skipped when out is NULL. */
static int
json_string(struct json *j, char *out, size_t size)
{
	size_t len = 0;

	if (json_take(j, '"'))
		return -1;
	for (;;) {
		unsigned char c;
		unsigned long cp, low;

		if (j->at >= j->end)
			return json_fail(j, "unterminated string");
		c = (unsigned char)*j->at++;
		if (c == '"')
			break;
		if (c < 0x20)
			return json_fail(j, "control character in a string");
		if (c != '\\') {
			if (json_put(j, out, size, &len, c))
				return -1;
			continue;
		}
		if (j->at >= j->end)
			return json_fail(j, "unterminated escape");
		c = (unsigned char)*j->at++;
		switch (c) {
		case '"':
		case '\\':
		case '/':
			break;
		case 'b':
			c = '\b';
			break;
		case 'f':
			c = '\f';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case 't':
			c = '\t';
			break;
		case 'u':
			if (json_hex4(j, &cp))
				return -1;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return json_fail(j, "lone low surrogate");
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (j->end - j->at < 2 || j->at[0] != '\\' ||
				    j->at[1] != 'u')
					return json_fail(j, "unpaired high "
					                    "surrogate");
				j->at += 2;
				if (json_hex4(j, &low))
					return -1;
				if (low < 0xDC00 || low > 0xDFFF)
					return json_fail(j,
					                 "bad low surrogate");
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				     (low - 0xDC00);
			}
			if (cp == 0)
				return json_fail(j, "\\u0000 in a string");
			if (json_put_utf8(j, out, size, &len, cp))
				return -1;
			continue;
		default:
			return json_fail(j, "unknown escape");
		}
		if (json_put(j, out, size, &len, c))
			return -1;
	}
	if (out)
		out[len] = '\0';
	return 0;
}

static int
json_literal(struct json *j, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(j->end - j->at) < n || memcmp(j->at, word, n) != 0)
		return json_fail(j, "bad literal");
	j->at += n;
	return 0;
}

static int
json_bool(struct json *j, int *out)
{
	int c = json_peek(j);

	*out = c == 't';
	if (c == 't')
		return json_literal(j, "true");
	if (c == 'f')
		return json_literal(j, "false");
	return json_fail(j, "expected true or false");
}

/* After a member or element: 1 if another follows, 0 at the close. */
static int
json_next(struct json *j, char close)
{
	int c = json_peek(j);

	if (c == ',') {
		j->at++;
		return 1;
	}
	if (c == (unsigned char)close) {
		j->at++;
		return 0;
	}
	return json_fail(j, close == '}' ? "expected ',' or '}'"
	                                 : "expected ',' or ']'");
}

static int
json_skip(struct json *j, int depth)
{
	int c = json_peek(j), more;

	if (depth > 64)
		return json_fail(j, "nested too deeply");
	switch (c) {
	case '"':
		return json_string(j, NULL, 0);
	case '{':
		j->at++;
		if (json_peek(j) == '}') {
			j->at++;
			return 0;
		}
		do {
			if (json_string(j, NULL, 0) || json_take(j, ':') ||
			    json_skip(j, depth + 1))
				return -1;
		} while ((more = json_next(j, '}')) == 1);
		return more;
	case '[':
		j->at++;
		if (json_peek(j) == ']') {
			j->at++;
			return 0;
		}
		do {
			if (json_skip(j, depth + 1))
				return -1;
		} while ((more = json_next(j, ']')) == 1);
		return more;
	case 't':
		return json_literal(j, "true");
	case 'f':
		return json_literal(j, "false");
	case 'n':
		return json_literal(j, "null");
	default:
		if (c != '-' && (c < '0' || c > '9'))
			return json_fail(j, "expected a value");
		while (j->at < j->end &&
		       strchr("+-.0123456789eE", *j->at) != NULL)
			j->at++;
		return 0;
	}
}

#define GOVUK_MAX_DIVISIONS 8
#define GOVUK_MAX_EVENTS    128

struct govuk_event {
	char title[160], date[16], notes[80];
	int bunting;
};

struct govuk_division {
	char key[64], division[64];
	size_t count;
	struct govuk_event event[GOVUK_MAX_EVENTS];
};

struct govuk_feed {
	size_t count;
	struct govuk_division division[GOVUK_MAX_DIVISIONS];
};

static int
govuk_event(struct json *j, struct govuk_event *ev)
{
	unsigned int seen = 0;
	int more;

	if (json_take(j, '{'))
		return -1;
	do {
		char key[256];

		if (json_string(j, key, sizeof(key)) || json_take(j, ':'))
			return -1;
		if (strcmp(key, "title") == 0) {
			if (json_string(j, ev->title, sizeof(ev->title)))
				return -1;
			seen |= 1;
		} else if (strcmp(key, "date") == 0) {
			if (json_string(j, ev->date, sizeof(ev->date)))
				return -1;
			seen |= 2;
		} else if (strcmp(key, "notes") == 0) {
			if (json_string(j, ev->notes, sizeof(ev->notes)))
				return -1;
		} else if (strcmp(key, "bunting") == 0) {
			if (json_bool(j, &ev->bunting))
				return -1;
		} else if (json_skip(j, 1)) {
			return -1;
		}
	} while ((more = json_next(j, '}')) == 1);
	if (more)
		return -1;
	if (seen != 3)
		return json_fail(j, "event without a title or a date");
	return 0;
}

static int
govuk_division(struct json *j, struct govuk_division *dv)
{
	int more;

	if (json_take(j, '{'))
		return -1;
	do {
		char key[256];

		if (json_string(j, key, sizeof(key)) || json_take(j, ':'))
			return -1;
		if (strcmp(key, "division") == 0) {
			if (json_string(j, dv->division, sizeof(dv->division)))
				return -1;
		} else if (strcmp(key, "events") == 0) {
			if (json_take(j, '['))
				return -1;
			if (json_peek(j) == ']') {
				j->at++;
				continue;
			}
			do {
				if (dv->count == GOVUK_MAX_EVENTS)
					return json_fail(j, "too many events");
				if (govuk_event(j, &dv->event[dv->count++]))
					return -1;
			} while ((more = json_next(j, ']')) == 1);
			if (more)
				return -1;
		} else if (json_skip(j, 1)) {
			return -1;
		}
	} while ((more = json_next(j, '}')) == 1);
	return more;
}

static int
govuk_parse(struct json *j, struct govuk_feed *feed)
{
	int more;

	if (json_take(j, '{'))
		return -1;
	do {
		struct govuk_division *dv;

		if (feed->count == GOVUK_MAX_DIVISIONS)
			return json_fail(j, "too many divisions");
		dv = &feed->division[feed->count++];
		if (json_string(j, dv->key, sizeof(dv->key)) ||
		    json_take(j, ':') || govuk_division(j, dv))
			return -1;
	} while ((more = json_next(j, '}')) == 1);
	if (more)
		return -1;
	if (json_peek(j) != -1)
		return json_fail(j, "text after the top-level object");
	return 0;
}

/* GOV.UK's web-page title: the title, and the notes lower-cased in
 * brackets when there are any. */
static void
govuk_page_title(char *out, size_t size, const struct govuk_event *ev)
{
	size_t n;

	if (!ev->notes[0]) {
		snprintf(out, size, "%s", ev->title);
		return;
	}
	snprintf(out, size, "%s (%s)", ev->title, ev->notes);
	for (n = strlen(ev->title) + 2; out[n] && out[n] != ')'; n++)
		if (out[n] >= 'A' && out[n] <= 'Z')
			out[n] = (char)(out[n] - 'A' + 'a');
}

/* The reader decodes what GOV.UK's feed uses and refuses what it must. */
static void
check_json_reader(void)
{
	static const struct {
		const char *text, *decoded;
	} good[] = {
	    {"\"New Year\\u2019s Day\"", "New Year\xE2\x80\x99s Day"},
	    {"\"\\\"a\\\\b\\/c\\n\"", "\"a\\b/c\n"},
	    {"\"\\u00e9\\u0041\"", "\xC3\xA9"
	                           "A"},
	    {"\"\\ud83c\\udf89\"", "\xF0\x9F\x8E\x89"},
	    {"\"raw \xE2\x80\x99\"", "raw \xE2\x80\x99"},
	};
	static const char *const bad[] = {
	    "\"\\ud83c\"", "\"\\udf89\"", "\"\\u12\"",
	    "\"\\x\"",     "\"open",      "\"a\tb\"",
	};
	char out[64];

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		struct json j = {good[i].text,
		                 good[i].text + strlen(good[i].text),
		                 good[i].text, ""};

		if (json_string(&j, out, sizeof(out)) != 0)
			fail_msg("JSON reader refused %s: %s", good[i].text,
			         j.error);
		assert_string_equal(out, good[i].decoded);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct json j = {bad[i], bad[i] + strlen(bad[i]), bad[i], ""};

		if (json_string(&j, out, sizeof(out)) == 0)
			fail_msg("JSON reader accepted %s", bad[i]);
	}
}

/* ------------------------------------------------------------------ */
/* A small iCalendar reader: VEVENTs with DTSTART;VALUE=DATE, DTEND and
 * SUMMARY, after unfolding continuation lines (RFC 5545 3.1). */

#define ICS_MAX_EVENTS 256

struct ics_event {
	ukwd_date start, end;
	char summary[160];
	unsigned int seen;
};

struct ics_file {
	size_t count;
	struct ics_event event[ICS_MAX_EVENTS];
	int in_event;
	char error[200];
};

static int
ics_fail(struct ics_file *ics, int line, const char *what)
{
	if (!ics->error[0])
		snprintf(ics->error, sizeof(ics->error), "line %d: %s", line,
		         what);
	return -1;
}

static int
ics_date(const char *params, const char *value, ukwd_date *out)
{
	int year, month, day;

	if (!strstr(params, "VALUE=DATE") || strlen(value) != 8 ||
	    strspn(value, "0123456789") != 8)
		return -1;
	year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 +
	       (value[2] - '0') * 10 + (value[3] - '0');
	month = (value[4] - '0') * 10 + (value[5] - '0');
	day = (value[6] - '0') * 10 + (value[7] - '0');
	return ukwd_date_from_ymd(out, year, month, day) == 0 ? 0 : -1;
}

/* TEXT value escapes: \\ \; \, \n \N. */
static int
ics_text(char *out, size_t size, const char *value)
{
	size_t len = 0;

	for (const char *p = value; *p; p++) {
		char c = *p;

		if (c == '\\') {
			c = *++p;
			if (c == 'n' || c == 'N')
				c = '\n';
			else if (c != '\\' && c != ';' && c != ',')
				return -1;
		}
		if (len + 1 >= size)
			return -1;
		out[len++] = c;
	}
	out[len] = '\0';
	return 0;
}

static int
ics_line(struct ics_file *ics, int lineno, char *line)
{
	char *colon = strchr(line, ':'), *params, *value;
	struct ics_event *ev;
	size_t name_len;

	if (!colon)
		return ics_fail(ics, lineno, "no ':' in a content line");
	*colon = '\0';
	value = colon + 1;
	name_len = strcspn(line, ";");
	params = line + name_len;
	if (strcmp(line, "BEGIN") == 0 && strcmp(value, "VEVENT") == 0) {
		if (ics->in_event)
			return ics_fail(ics, lineno, "nested VEVENT");
		if (ics->count == ICS_MAX_EVENTS)
			return ics_fail(ics, lineno, "too many events");
		ics->in_event = 1;
		memset(&ics->event[ics->count], 0, sizeof(ics->event[0]));
		return 0;
	}
	if (!ics->in_event)
		return 0;
	ev = &ics->event[ics->count];
	if (strcmp(line, "END") == 0 && strcmp(value, "VEVENT") == 0) {
		if (ev->seen != 7)
			return ics_fail(ics, lineno,
			                "VEVENT without DTSTART, "
			                "DTEND or SUMMARY");
		ics->in_event = 0;
		ics->count++;
		return 0;
	}
	if (strncmp(line, "DTSTART", name_len) == 0 && name_len == 7) {
		if (ics_date(params, value, &ev->start))
			return ics_fail(ics, lineno, "bad DTSTART");
		ev->seen |= 1;
	} else if (strncmp(line, "DTEND", name_len) == 0 && name_len == 5) {
		if (ics_date(params, value, &ev->end))
			return ics_fail(ics, lineno, "bad DTEND");
		ev->seen |= 2;
	} else if (strncmp(line, "SUMMARY", name_len) == 0 && name_len == 7) {
		if (ics_text(ev->summary, sizeof(ev->summary), value))
			return ics_fail(ics, lineno, "bad SUMMARY");
		ev->seen |= 4;
	}
	return 0;
}

static int
ics_parse(struct ics_file *ics, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	char *line = NULL;
	size_t line_len = 0, cap = 0;
	int lineno = 0, start_line = 0, have = 0, rc = 0;

	while (rc == 0 && p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		size_t n;

		lineno++;
		if (stop > p && stop[-1] == '\r')
			stop--;
		n = (size_t)(stop - p);
		if (n > 0 && (*p == ' ' || *p == '\t') && have) {
			p++; /* a folded continuation: drop one blank */
			n--;
		} else {
			if (have)
				rc = ics_line(ics, start_line, line);
			have = n > 0;
			start_line = lineno;
			line_len = 0;
		}
		if (rc == 0 && n > 0) {
			if (line_len + n + 1 > cap) {
				char *grown =
				    realloc(line, cap = line_len + n + 256);

				if (!grown) {
					free(line);
					return ics_fail(ics, lineno,
					                "out of memory");
				}
				line = grown;
			}
			memcpy(line + line_len, p, n);
			line_len += n;
			line[line_len] = '\0';
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (rc == 0 && have)
		rc = ics_line(ics, start_line, line);
	free(line);
	if (rc == 0 && ics->in_event)
		rc = ics_fail(ics, lineno, "unterminated VEVENT");
	return rc;
}

/* ------------------------------------------------------------------ */
/* 1. GOV.UK's JSON feed, 2012-2015, every division */

static void
test_uk__agrees_with_govuk_json_for_every_division_2012_2015(void **state)
{
	size_t len;
	char *text;
	struct govuk_feed *feed = calloc(1, sizeof(*feed));
	unsigned int seen = 0;
	int bad = 0;

	(void)state;
	assert_non_null(feed);
	check_json_reader();
	text = read_data_file("bank-holidays_2012-2015.json", &len);
	{
		struct json j = {text, text + len, text, ""};

		if (govuk_parse(&j, feed) != 0)
			fail_msg("bank-holidays_2012-2015.json: %s", j.error);
	}
	assert_int_equal(feed->count, 3);
	for (size_t i = 0; i < feed->count; i++) {
		const struct govuk_division *dv = &feed->division[i];
		struct expected_day exp[GOVUK_MAX_EVENTS];
		static char names[GOVUK_MAX_EVENTS][256];
		unsigned int bit = 0;
		int first = 9999, last = 0;
		ukwd_diag diag;
		ukwd_calendar *cal;

		if (ukwd_uk_division_parse(&bit, dv->key, &diag) != 0)
			fail_msg("GOV.UK division '%s': %s", dv->key,
			         diag.message);
		assert_true(bit == EW || bit == SC || bit == NI);
		assert_false(seen & bit);
		seen |= bit;
		assert_string_equal(dv->division, dv->key);
		assert_string_equal(ukwd_uk_division_name(bit), dv->key);
		assert_true(dv->count >= 8 * 4);
		for (size_t e = 0; e < dv->count; e++) {
			exp[e].date = day(dv->event[e].date);
			govuk_page_title(names[e], sizeof(names[e]),
			                 &dv->event[e]);
			exp[e].name = names[e];
			if (year_of(exp[e].date) < first)
				first = year_of(exp[e].date);
			if (year_of(exp[e].date) > last)
				last = year_of(exp[e].date);
		}
		/* The file is what its name says. */
		assert_int_equal(first, 2012);
		assert_int_equal(last, 2015);
		cal = uk_cal(bit, first, last);
		bad +=
		    compare_weekday_holidays(dv->key, cal, ymd(first, 1, 1),
		                             ymd(last, 12, 31), exp, dv->count);
		ukwd_calendar_free(cal);
	}
	assert_int_equal(seen, ALL);
	/* GOV.UK's web-page titles, as the reader builds them. */
	{
		char title[256];
		const struct govuk_division *ew = &feed->division[0];

		for (size_t e = 0; e < ew->count; e++)
			if (strcmp(ew->event[e].date, "2012-06-05") == 0) {
				govuk_page_title(title, sizeof(title),
				                 &ew->event[e]);
				assert_string_equal(title, DIAMOND);
			}
	}
	free(text);
	free(feed);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* 2. GOV.UK's iCalendar file for England and Wales, 2012-2017 */

static void
test_uk__agrees_with_govuk_ics_for_england_and_wales_2012_2017(void **state)
{
	/* The .ics has bare titles; GOV.UK's page (and libukwd) adds its
	 * JSON notes: these days are substitutes, and 2012-06-05 the
	 * "extra bank holiday" (see bank-holidays_2012-2015.json). */
	static const struct {
		const char *date, *suffix;
	} suffixed[] = {
	    {"2012-01-02", SUB},
	    {"2012-06-04", SUB},
	    {"2012-06-05", " (extra bank holiday)"},
	    {"2015-12-28", SUB},
	    {"2016-12-27", SUB},
	    {"2017-01-02", SUB},
	};
	struct ics_file *ics = calloc(1, sizeof(*ics));
	struct expected_day exp[ICS_MAX_EVENTS];
	static char names[ICS_MAX_EVENTS][200];
	size_t len, used = 0;
	char *text;
	int first = 9999, last = 0, bad = 0;
	ukwd_calendar *cal;

	(void)state;
	assert_non_null(ics);
	text = read_data_file("england-and-wales_2012-2017.ics", &len);
	if (ics_parse(ics, text, len) != 0)
		fail_msg("england-and-wales_2012-2017.ics: %s", ics->error);
	assert_true(ics->count >= 8 * 6);
	for (size_t i = 0; i < ics->count; i++) {
		const struct ics_event *ev = &ics->event[i];
		const char *suffix = "";

		if (ev->end != ev->start + 1) {
			print_error("ics: event on %s ends %s, not the next "
			            "day\n",
			            fmt(ev->start), fmt(ev->end));
			bad++;
		}
		for (size_t k = 0; k < sizeof(suffixed) / sizeof(suffixed[0]);
		     k++)
			if (ev->start == day(suffixed[k].date)) {
				suffix = suffixed[k].suffix;
				used++;
			}
		snprintf(names[i], sizeof(names[i]), "%s%s", ev->summary,
		         suffix);
		exp[i].date = ev->start;
		exp[i].name = names[i];
		if (year_of(ev->start) < first)
			first = year_of(ev->start);
		if (year_of(ev->start) > last)
			last = year_of(ev->start);
	}
	assert_int_equal(used, sizeof(suffixed) / sizeof(suffixed[0]));
	assert_int_equal(first, 2012);
	assert_int_equal(last, 2017);
	cal = uk_cal(EW, first, last);
	bad += compare_weekday_holidays("england-and-wales (ics)", cal,
	                                ymd(first, 1, 1), ymd(last, 12, 31),
	                                exp, ics->count);
	ukwd_calendar_free(cal);
	free(text);
	free(ics);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* 3. GOV.UK's feed 2016-2027: every non-working weekday of every
 * division, with its web-page title. 2016-2017: the .ics (E&W) and
 * GOV.UK's 2016-2017 substitutes; 2018-2025: a copy of GOV.UK's
 * bank-holidays.json (uktrade/lite-api, api/common/tests/test_dates.py);
 * 2026-2027: GOV.UK's feed as transcribed 2026 (with Scotland's World
 * Cup bank holiday, proclaimed 3 February 2026). */

static const struct {
	unsigned int divisions;
	const char *date, *name;
} govuk_2016_2027[] = {
    {ALL, "2016-01-01", NEW_YEAR},
    {SC, "2016-01-04", JAN_2 SUB},
    {NI, "2016-03-17", ST_PATRICK},
    {ALL, "2016-03-25", GOOD_FRIDAY},
    {EW | NI, "2016-03-28", EASTER_MONDAY},
    {ALL, "2016-05-02", EARLY_MAY},
    {ALL, "2016-05-30", SPRING},
    {NI, "2016-07-12", BOYNE},
    {SC, "2016-08-01", SUMMER},
    {EW | NI, "2016-08-29", SUMMER},
    {SC, "2016-11-30", ST_ANDREW},
    {ALL, "2016-12-26", BOXING_DAY},
    {ALL, "2016-12-27", CHRISTMAS SUB},
    {SC, "2017-01-02", JAN_2},
    {EW | NI, "2017-01-02", NEW_YEAR SUB},
    {SC, "2017-01-03", NEW_YEAR SUB},
    {NI, "2017-03-17", ST_PATRICK},
    {ALL, "2017-04-14", GOOD_FRIDAY},
    {EW | NI, "2017-04-17", EASTER_MONDAY},
    {ALL, "2017-05-01", EARLY_MAY},
    {ALL, "2017-05-29", SPRING},
    {NI, "2017-07-12", BOYNE},
    {SC, "2017-08-07", SUMMER},
    {EW | NI, "2017-08-28", SUMMER},
    {SC, "2017-11-30", ST_ANDREW},
    {ALL, "2017-12-25", CHRISTMAS},
    {ALL, "2017-12-26", BOXING_DAY},
    {ALL, "2018-01-01", NEW_YEAR},
    {SC, "2018-01-02", JAN_2},
    {NI, "2018-03-19", ST_PATRICK SUB},
    {ALL, "2018-03-30", GOOD_FRIDAY},
    {EW | NI, "2018-04-02", EASTER_MONDAY},
    {ALL, "2018-05-07", EARLY_MAY},
    {ALL, "2018-05-28", SPRING},
    {NI, "2018-07-12", BOYNE},
    {SC, "2018-08-06", SUMMER},
    {EW | NI, "2018-08-27", SUMMER},
    {SC, "2018-11-30", ST_ANDREW},
    {ALL, "2018-12-25", CHRISTMAS},
    {ALL, "2018-12-26", BOXING_DAY},
    {ALL, "2019-01-01", NEW_YEAR},
    {SC, "2019-01-02", JAN_2},
    {NI, "2019-03-18", ST_PATRICK SUB},
    {ALL, "2019-04-19", GOOD_FRIDAY},
    {EW | NI, "2019-04-22", EASTER_MONDAY},
    {ALL, "2019-05-06", EARLY_MAY},
    {ALL, "2019-05-27", SPRING},
    {NI, "2019-07-12", BOYNE},
    {SC, "2019-08-05", SUMMER},
    {EW | NI, "2019-08-26", SUMMER},
    {SC, "2019-12-02", ST_ANDREW SUB},
    {ALL, "2019-12-25", CHRISTMAS},
    {ALL, "2019-12-26", BOXING_DAY},
    {ALL, "2020-01-01", NEW_YEAR},
    {SC, "2020-01-02", JAN_2},
    {NI, "2020-03-17", ST_PATRICK},
    {ALL, "2020-04-10", GOOD_FRIDAY},
    {EW | NI, "2020-04-13", EASTER_MONDAY},
    {ALL, "2020-05-08", VE_DAY_2020},
    {ALL, "2020-05-25", SPRING},
    {NI, "2020-07-13", BOYNE SUB},
    {SC, "2020-08-03", SUMMER},
    {EW | NI, "2020-08-31", SUMMER},
    {SC, "2020-11-30", ST_ANDREW},
    {ALL, "2020-12-25", CHRISTMAS},
    {ALL, "2020-12-28", BOXING_DAY SUB},
    {ALL, "2021-01-01", NEW_YEAR},
    {SC, "2021-01-04", JAN_2 SUB},
    {NI, "2021-03-17", ST_PATRICK},
    {ALL, "2021-04-02", GOOD_FRIDAY},
    {EW | NI, "2021-04-05", EASTER_MONDAY},
    {ALL, "2021-05-03", EARLY_MAY},
    {ALL, "2021-05-31", SPRING},
    {NI, "2021-07-12", BOYNE},
    {SC, "2021-08-02", SUMMER},
    {EW | NI, "2021-08-30", SUMMER},
    {SC, "2021-11-30", ST_ANDREW},
    {ALL, "2021-12-27", CHRISTMAS SUB},
    {ALL, "2021-12-28", BOXING_DAY SUB},
    {ALL, "2022-01-03", NEW_YEAR SUB},
    {SC, "2022-01-04", JAN_2 SUB},
    {NI, "2022-03-17", ST_PATRICK},
    {ALL, "2022-04-15", GOOD_FRIDAY},
    {EW | NI, "2022-04-18", EASTER_MONDAY},
    {ALL, "2022-05-02", EARLY_MAY},
    {ALL, "2022-06-02", SPRING},
    {ALL, "2022-06-03", PLATINUM},
    {NI, "2022-07-12", BOYNE},
    {SC, "2022-08-01", SUMMER},
    {EW | NI, "2022-08-29", SUMMER},
    {ALL, "2022-09-19", FUNERAL},
    {SC, "2022-11-30", ST_ANDREW},
    {ALL, "2022-12-26", BOXING_DAY},
    {ALL, "2022-12-27", CHRISTMAS SUB},
    {ALL, "2023-01-02", NEW_YEAR SUB},
    {SC, "2023-01-03", JAN_2 SUB},
    {NI, "2023-03-17", ST_PATRICK},
    {ALL, "2023-04-07", GOOD_FRIDAY},
    {EW | NI, "2023-04-10", EASTER_MONDAY},
    {ALL, "2023-05-01", EARLY_MAY},
    {ALL, "2023-05-08", CORONATION},
    {ALL, "2023-05-29", SPRING},
    {NI, "2023-07-12", BOYNE},
    {SC, "2023-08-07", SUMMER},
    {EW | NI, "2023-08-28", SUMMER},
    {SC, "2023-11-30", ST_ANDREW},
    {ALL, "2023-12-25", CHRISTMAS},
    {ALL, "2023-12-26", BOXING_DAY},
    {ALL, "2024-01-01", NEW_YEAR},
    {SC, "2024-01-02", JAN_2},
    {NI, "2024-03-18", ST_PATRICK SUB},
    {ALL, "2024-03-29", GOOD_FRIDAY},
    {EW | NI, "2024-04-01", EASTER_MONDAY},
    {ALL, "2024-05-06", EARLY_MAY},
    {ALL, "2024-05-27", SPRING},
    {NI, "2024-07-12", BOYNE},
    {SC, "2024-08-05", SUMMER},
    {EW | NI, "2024-08-26", SUMMER},
    {SC, "2024-12-02", ST_ANDREW SUB},
    {ALL, "2024-12-25", CHRISTMAS},
    {ALL, "2024-12-26", BOXING_DAY},
    {ALL, "2025-01-01", NEW_YEAR},
    {SC, "2025-01-02", JAN_2},
    {NI, "2025-03-17", ST_PATRICK},
    {ALL, "2025-04-18", GOOD_FRIDAY},
    {EW | NI, "2025-04-21", EASTER_MONDAY},
    {ALL, "2025-05-05", EARLY_MAY},
    {ALL, "2025-05-26", SPRING},
    {NI, "2025-07-14", BOYNE SUB},
    {SC, "2025-08-04", SUMMER},
    {EW | NI, "2025-08-25", SUMMER},
    {SC, "2025-12-01", ST_ANDREW SUB},
    {ALL, "2025-12-25", CHRISTMAS},
    {ALL, "2025-12-26", BOXING_DAY},
    {ALL, "2026-01-01", NEW_YEAR},
    {SC, "2026-01-02", JAN_2},
    {NI, "2026-03-17", ST_PATRICK},
    {ALL, "2026-04-03", GOOD_FRIDAY},
    {EW | NI, "2026-04-06", EASTER_MONDAY},
    {ALL, "2026-05-04", EARLY_MAY},
    {ALL, "2026-05-25", SPRING},
    {SC, "2026-06-15", WORLD_CUP},
    {NI, "2026-07-13", BOYNE SUB},
    {SC, "2026-08-03", SUMMER},
    {EW | NI, "2026-08-31", SUMMER},
    {SC, "2026-11-30", ST_ANDREW},
    {ALL, "2026-12-25", CHRISTMAS},
    {ALL, "2026-12-28", BOXING_DAY SUB},
    {ALL, "2027-01-01", NEW_YEAR},
    {SC, "2027-01-04", JAN_2 SUB},
    {NI, "2027-03-17", ST_PATRICK},
    {ALL, "2027-03-26", GOOD_FRIDAY},
    {EW | NI, "2027-03-29", EASTER_MONDAY},
    {ALL, "2027-05-03", EARLY_MAY},
    {ALL, "2027-05-31", SPRING},
    {NI, "2027-07-12", BOYNE},
    {SC, "2027-08-02", SUMMER},
    {EW | NI, "2027-08-30", SUMMER},
    {SC, "2027-11-30", ST_ANDREW},
    {ALL, "2027-12-27", CHRISTMAS SUB},
    {ALL, "2027-12-28", BOXING_DAY SUB},
};

static void
test_uk__agrees_with_govuk_lists_for_every_division_2016_2027(void **state)
{
	int bad = 0;

	(void)state;
	for (int i = 0; i < 3; i++) {
		unsigned int div = single_division[i];
		struct expected_day
		    exp[sizeof(govuk_2016_2027) / sizeof(govuk_2016_2027[0])];
		size_t n = 0;
		ukwd_calendar *cal = uk_cal(div, 2016, 2027);

		for (size_t r = 0;
		     r < sizeof(govuk_2016_2027) / sizeof(govuk_2016_2027[0]);
		     r++)
			if (govuk_2016_2027[r].divisions & div) {
				exp[n].date = day(govuk_2016_2027[r].date);
				exp[n++].name = govuk_2016_2027[r].name;
			}
		bad += compare_weekday_holidays(division_label(div), cal,
		                                ymd(2016, 1, 1),
		                                ymd(2027, 12, 31), exp, n);
		ukwd_calendar_free(cal);
	}
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* Known answers: a date in some divisions is a working day (then it has
 * no holiday name), or a holiday with this name (NULL: any name). */

struct known_day {
	unsigned int divisions;
	const char *date;
	int working;
	const char *name;
};

static int
check_known(ukwd_calendar *const cal[3], const struct known_day *k, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		ukwd_date d = day(k[i].date);

		assert_true(k[i].divisions != 0 && !(k[i].divisions & ~ALL));
		for (int div = 0; div < 3; div++) {
			const char *name;
			int w;

			if (!(k[i].divisions & single_division[div]))
				continue;
			w = working(cal[div], d);
			name = ukwd_calendar_holiday_name(cal[div], d);
			if (w != k[i].working) {
				print_error(
				    "%s: %s is %s, expected %s\n",
				    division_label(single_division[div]),
				    k[i].date,
				    w ? "a working day" : "non-working",
				    k[i].working ? "a working day"
				                 : "non-working");
				bad++;
			} else if (k[i].working
			               ? name != NULL
			               : k[i].name &&
			                     !same_name(name, k[i].name)) {
				print_error(
				    "%s: %s is named \"%s\", expected "
				    "\"%s\"\n",
				    division_label(single_division[div]),
				    k[i].date, or_none(name),
				    or_none(k[i].name));
				bad++;
			}
		}
	}
	return bad;
}

/* Every non-working weekday of a division in a year, as "MM-DD ...". */
struct year_list {
	unsigned int division;
	int year;
	const char *dates;
};

static int
check_year_lists(ukwd_calendar *const cal[3], const struct year_list *y,
                 size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		struct expected_day exp[32];
		size_t count = 0;
		char label[64];
		int div = y[i].division == EW ? 0 : y[i].division == SC ? 1 : 2;

		for (const char *p = y[i].dates; *p;) {
			int month, day;

			assert_true(sscanf(p, "%2d-%2d", &month, &day) == 2);
			assert_true(count < 32);
			exp[count].date = ymd(y[i].year, month, day);
			exp[count++].name = NULL;
			p += 5;
			while (*p == ' ')
				p++;
		}
		snprintf(label, sizeof(label), "%s %d",
		         division_label(y[i].division), y[i].year);
		bad += compare_weekday_holidays(
		    label, cal[div], ymd(y[i].year, 1, 1),
		    ymd(y[i].year, 12, 31), exp, count);
	}
	return bad;
}

/* ------------------------------------------------------------------ */
/* 4. The one-off years. Sources: Hansard 19 Jan 1977 (Silver Jubilee,
 * E&W and NI only); 1981 and 2011 royal weddings; Hansard 16 Dec 1993
 * and 2 Mar 1995 (VE Day 50: E&W/NI move Early May, Scotland keeps 1 May
 * and adds 8 May); 1999 Millennium; Commons Library SN/PC/1435 (2002);
 * "Bad Bank Holidays" (no Scottish 4 January 2010 or 2011); GOV.UK data
 * 2012-2023; the 2026 World Cup proclamation (Scotland). */

static const struct known_day one_off_days[] = {
    /* 1973: Princess Anne's wedding was not a bank holiday. */
    {ALL, "1973-11-14", 1, NULL},
    /* 1977: Silver Jubilee. */
    {EW | NI, "1977-05-30", 1, NULL},
    {EW | NI, "1977-06-06", 0, SPRING},
    {EW | NI, "1977-06-07", 0, "Queen" APOS "s Silver Jubilee"},
    {SC, "1977-05-30", 1, NULL},
    {SC, "1977-06-06", 1, NULL},
    {SC, "1977-06-07", 1, NULL},
    /* 1981: wedding of the Prince of Wales. */
    {ALL, "1981-07-29", 0, "Royal wedding"},
    /* 1995: VE Day 50. */
    {EW | NI, "1995-05-01", 1, NULL},
    {EW | NI, "1995-05-08", 0, "Early May bank holiday (VE day)"},
    {SC, "1995-05-01", 0, EARLY_MAY},
    {SC, "1995-05-08", 0, "VE day"},
    /* 1999: Millennium, after the Christmas chain. */
    {ALL, "1999-12-27", 0, CHRISTMAS SUB},
    {ALL, "1999-12-28", 0, BOXING_DAY SUB},
    {ALL, "1999-12-29", 1, NULL},
    {ALL, "1999-12-31", 0, "Millennium celebrations"},
    /* 2000: New Year on a Saturday. */
    {EW | NI, "2000-01-03", 0, NEW_YEAR SUB},
    {EW | NI, "2000-01-04", 1, NULL},
    {SC, "2000-01-03", 0, NEW_YEAR SUB},
    {SC, "2000-01-04", 0, JAN_2 SUB},
    /* 2002: Golden Jubilee; Spring moved to Tuesday 4 June. */
    {ALL, "2002-05-27", 1, NULL},
    {ALL, "2002-06-03", 0, "Queen" APOS "s Golden Jubilee"},
    {ALL, "2002-06-04", 0, SPRING},
    /* 2010 and 2011: no proclamation for Scotland's 4 January. */
    {ALL, "2010-01-04", 1, NULL},
    {SC, "2010-01-01", 0, NEW_YEAR},
    {ALL, "2011-01-04", 1, NULL},
    {EW | NI, "2011-01-03", 0, NEW_YEAR SUB},
    {SC, "2011-01-03", 0, NULL},
    /* 2011: wedding of Prince William. */
    {ALL, "2011-04-29", 0, "Royal wedding"},
    /* 2012: Diamond Jubilee; GOV.UK notes the moved Spring day as a
     * substitute in E&W and Scotland but not in Northern Ireland. */
    {ALL, "2012-05-28", 1, NULL},
    {EW | SC, "2012-06-04", 0, SPRING SUB},
    {NI, "2012-06-04", 0, SPRING},
    {ALL, "2012-06-05", 0, DIAMOND},
    /* 2020: VE Day 75. */
    {ALL, "2020-05-04", 1, NULL},
    {ALL, "2020-05-08", 0, VE_DAY_2020},
    /* 2022: Platinum Jubilee and the State Funeral. */
    {ALL, "2022-05-30", 1, NULL},
    {ALL, "2022-06-02", 0, SPRING},
    {ALL, "2022-06-03", 0, PLATINUM},
    {ALL, "2022-09-19", 0, FUNERAL},
    /* 2023: the Coronation, a week after Early May. */
    {ALL, "2023-05-01", 0, EARLY_MAY},
    {ALL, "2023-05-08", 0, CORONATION},
    {ALL, "2023-05-29", 0, SPRING},
    /* 2026: Scotland's World Cup bank holiday. */
    {SC, "2026-06-15", 0, WORLD_CUP},
    {EW | NI, "2026-06-15", 1, NULL},
};

/* Whole years around the one-offs and the rules' first years, by the
 * rules and the one-off table of the research notes (1976 and 1977:
 * Hansard 27 Oct 1976; 1998-99: London Gazette, 24 Jun 1998). */
static const struct year_list rule_years[] = {
    {EW, 1971, "04-09 04-12 05-31 08-30 12-27 12-28"},
    {SC, 1971, "01-01 04-09 05-03 08-02 12-27"},
    {NI, 1971, "03-17 04-09 04-12 05-31 07-12 08-30 12-27 12-28"},
    {EW, 1972, "03-31 04-03 05-29 08-28 12-25 12-26"},
    {SC, 1972, "01-03 01-04 03-31 05-01 08-07 12-25"},
    {NI, 1972, "03-17 03-31 04-03 05-29 07-12 08-28 12-25 12-26"},
    {EW, 1973, "04-20 04-23 05-28 08-27 12-25 12-26"},
    {SC, 1973, "01-01 01-02 04-20 05-07 08-06 12-25"},
    {NI, 1973, "03-19 04-20 04-23 05-28 07-12 08-27 12-25 12-26"},
    {EW, 1974, "01-01 04-12 04-15 05-27 08-26 12-25 12-26"},
    {SC, 1974, "01-01 01-02 04-12 05-06 08-05 12-25 12-26"},
    {NI, 1974, "01-01 03-18 04-12 04-15 05-27 07-12 08-26 12-25 12-26"},
    {EW, 1975, "01-01 03-28 03-31 05-26 08-25 12-25 12-26"},
    {SC, 1975, "01-01 01-02 03-28 05-05 08-04 12-25 12-26"},
    {NI, 1975, "01-01 03-17 03-28 03-31 05-26 07-14 08-25 12-25 12-26"},
    {EW, 1976, "01-01 04-16 04-19 05-31 08-30 12-27 12-28"},
    {SC, 1976, "01-01 01-02 04-16 05-03 08-02 12-27 12-28"},
    {NI, 1976, "01-01 03-17 04-16 04-19 05-31 07-12 08-30 12-27 12-28"},
    {EW, 1977, "01-03 04-08 04-11 06-06 06-07 08-29 12-26 12-27"},
    {SC, 1977, "01-03 01-04 04-08 05-02 08-01 12-26 12-27"},
    {NI, 1977, "01-03 03-17 04-08 04-11 06-06 06-07 07-12 08-29 12-26 12-27"},
    {EW, 1978, "01-02 03-24 03-27 05-01 05-29 08-28 12-25 12-26"},
    {SC, 1978, "01-02 01-03 03-24 05-01 05-29 08-07 12-25 12-26"},
    {NI, 1978, "01-02 03-17 03-24 03-27 05-01 05-29 07-12 08-28 12-25 12-26"},
    {EW, 1981, "01-01 04-17 04-20 05-04 05-25 07-29 08-31 12-25 12-28"},
    {SC, 1981, "01-01 01-02 04-17 05-04 05-25 07-29 08-03 12-25 12-28"},
    {NI, 1981,
     "01-01 03-17 04-17 04-20 05-04 05-25 07-13 07-29 08-31 12-25 12-28"},
    {EW, 1995, "01-02 04-14 04-17 05-08 05-29 08-28 12-25 12-26"},
    {SC, 1995, "01-02 01-03 04-14 05-01 05-08 05-29 08-07 12-25 12-26"},
    {NI, 1995, "01-02 03-17 04-14 04-17 05-08 05-29 07-12 08-28 12-25 12-26"},
    {EW, 1999, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28 12-31"},
    {SC, 1999, "01-01 01-04 04-02 05-03 05-31 08-02 12-27 12-28 12-31"},
    {NI, 1999,
     "01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28 12-31"},
    {EW, 2000, "01-03 04-21 04-24 05-01 05-29 08-28 12-25 12-26"},
    {SC, 2000, "01-03 01-04 04-21 05-01 05-29 08-07 12-25 12-26"},
    {NI, 2000, "01-03 03-17 04-21 04-24 05-01 05-29 07-12 08-28 12-25 12-26"},
    {EW, 2002, "01-01 03-29 04-01 05-06 06-03 06-04 08-26 12-25 12-26"},
    {SC, 2002, "01-01 01-02 03-29 05-06 06-03 06-04 08-05 12-25 12-26"},
    {NI, 2002,
     "01-01 03-18 03-29 04-01 05-06 06-03 06-04 07-12 08-26 12-25 12-26"},
    {EW, 2007, "01-01 04-06 04-09 05-07 05-28 08-27 12-25 12-26"},
    {SC, 2007, "01-01 01-02 04-06 05-07 05-28 08-06 11-30 12-25 12-26"},
    {NI, 2007, "01-01 03-19 04-06 04-09 05-07 05-28 07-12 08-27 12-25 12-26"},
    {EW, 2010, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28"},
    {SC, 2010, "01-01 04-02 05-03 05-31 08-02 11-30 12-27 12-28"},
    {NI, 2010, "01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28"},
    {EW, 2011, "01-03 04-22 04-25 04-29 05-02 05-30 08-29 12-26 12-27"},
    {SC, 2011, "01-03 04-22 04-29 05-02 05-30 08-01 11-30 12-26 12-27"},
    {NI, 2011,
     "01-03 03-17 04-22 04-25 04-29 05-02 05-30 07-12 08-29 12-26 12-27"},
    {EW, 2012, "01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26"},
    {SC, 2012, "01-02 01-03 04-06 05-07 06-04 06-05 08-06 11-30 12-25 12-26"},
    {NI, 2012,
     "01-02 03-19 04-06 04-09 05-07 06-04 06-05 07-12 08-27 12-25 12-26"},
};

static void
test_uk__gives_the_known_answers_of_every_one_off_year(void **state)
{
	ukwd_calendar *cal[3];
	int bad;

	(void)state;
	singles_new(cal, 1971, 2100);
	bad = check_known(cal, one_off_days,
	                  sizeof(one_off_days) / sizeof(one_off_days[0]));
	bad += check_year_lists(cal, rule_years,
	                        sizeof(rule_years) / sizeof(rule_years[0]));
	singles_free(cal);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* 5. Substitute chains (GOV.UK data; 1976: Hansard 27 Oct 1976). A
 * weekend holiday keeps its own name on its own day. */

static const struct known_day chain_days[] = {
    /* Christmas on a Saturday, Boxing Day on a Sunday. */
    {ALL, "2021-12-25", 0, CHRISTMAS},
    {ALL, "2021-12-26", 0, BOXING_DAY},
    {ALL, "2021-12-27", 0, CHRISTMAS SUB},
    {ALL, "2021-12-28", 0, BOXING_DAY SUB},
    {ALL, "2021-12-29", 1, NULL},
    {ALL, "1976-12-25", 0, CHRISTMAS},
    {ALL, "1976-12-27", 0, CHRISTMAS SUB},
    {ALL, "1976-12-28", 0, BOXING_DAY SUB},
    {ALL, "1976-12-29", 1, NULL},
    /* Christmas on a Sunday: Boxing Day stays, Christmas moves past it. */
    {ALL, "2022-12-25", 0, CHRISTMAS},
    {ALL, "2022-12-26", 0, BOXING_DAY},
    {ALL, "2022-12-27", 0, CHRISTMAS SUB},
    {ALL, "2022-12-28", 1, NULL},
    /* Christmas on a Friday, Boxing Day on a Saturday. */
    {ALL, "2020-12-25", 0, CHRISTMAS},
    {ALL, "2020-12-26", 0, BOXING_DAY},
    {ALL, "2020-12-28", 0, BOXING_DAY SUB},
    {ALL, "2020-12-29", 1, NULL},
    /* Scotland: 1 January a Saturday, 2 January a Sunday. */
    {ALL, "2022-01-01", 0, NEW_YEAR},
    {SC, "2022-01-02", 0, JAN_2},
    {ALL, "2022-01-03", 0, NEW_YEAR SUB},
    {SC, "2022-01-04", 0, JAN_2 SUB},
    {EW | NI, "2022-01-04", 1, NULL},
    {SC, "2022-01-05", 1, NULL},
    /* Scotland: 1 January a Sunday. 2017 (and 2012) as the statute
     * reads; 2023 as GOV.UK labels it. */
    {ALL, "2017-01-01", 0, NEW_YEAR},
    {SC, "2017-01-02", 0, JAN_2},
    {EW | NI, "2017-01-02", 0, NEW_YEAR SUB},
    {SC, "2017-01-03", 0, NEW_YEAR SUB},
    {EW | NI, "2017-01-03", 1, NULL},
    {SC, "2017-01-04", 1, NULL},
    {SC, "2012-01-02", 0, JAN_2},
    {SC, "2012-01-03", 0, NEW_YEAR SUB},
    {SC, "2023-01-02", 0, NEW_YEAR SUB},
    {SC, "2023-01-03", 0, JAN_2 SUB},
    {EW | NI, "2023-01-02", 0, NEW_YEAR SUB},
    {EW | NI, "2023-01-03", 1, NULL},
    /* Scotland: 1 January a Friday, 2 January a Saturday. */
    {ALL, "2021-01-01", 0, NEW_YEAR},
    {SC, "2021-01-02", 0, JAN_2},
    {SC, "2021-01-04", 0, JAN_2 SUB},
    {EW | NI, "2021-01-04", 1, NULL},
    /* St Patrick's Day on a Saturday, then a Sunday. */
    {NI, "2012-03-17", 0, ST_PATRICK},
    {NI, "2012-03-19", 0, ST_PATRICK SUB},
    {EW | SC, "2012-03-19", 1, NULL},
    {NI, "2013-03-17", 0, ST_PATRICK},
    {NI, "2013-03-18", 0, ST_PATRICK SUB},
    {EW | SC, "2013-03-18", 1, NULL},
    /* The Boyne on a Saturday, then a Sunday. */
    {NI, "2014-07-12", 0, BOYNE},
    {NI, "2014-07-14", 0, BOYNE SUB},
    {EW | SC, "2014-07-14", 1, NULL},
    {NI, "2015-07-12", 0, BOYNE},
    {NI, "2015-07-13", 0, BOYNE SUB},
    {EW | SC, "2015-07-13", 1, NULL},
    /* St Andrew's Day on a Saturday, then a Sunday. */
    {SC, "2013-11-30", 0, ST_ANDREW},
    {SC, "2013-12-02", 0, ST_ANDREW SUB},
    {EW | NI, "2013-12-02", 1, NULL},
    {SC, "2014-11-30", 0, ST_ANDREW},
    {SC, "2014-12-01", 0, ST_ANDREW SUB},
    {EW | NI, "2014-12-01", 1, NULL},
};

struct sub_walk {
	const ukwd_calendar *cal;
	unsigned int division;
	int seen, bad;
};

static int
check_substitute(ukwd_date d, const char *name, void *payload)
{
	struct sub_walk *w = payload;
	size_t len = strlen(name), sub = strlen(SUB);
	int k;

	if (len <= sub || strcmp(name + len - sub, SUB) != 0)
		return 0;
	w->seen++;
	if (!is_weekday(d)) {
		print_error("%s: substitute %s on a weekend day\n",
		            division_label(w->division), fmt(d));
		w->bad++;
		return 0;
	}
	/* GOV.UK's own labels: the moved 2012 Spring day, and Scotland's
	 * 2023 New Year pair. */
	if (d == ymd(2012, 6, 4) || (w->division == SC && d == ymd(2023, 1, 3)))
		return 0;
	for (k = 1; k <= 3; k++) {
		const char *own = ukwd_calendar_holiday_name(w->cal, d - k);

		if (!is_weekday(d - k) && own && strlen(own) == len - sub &&
		    strncmp(own, name, len - sub) == 0)
			break;
	}
	if (k > 3) {
		print_error("%s: %s \"%s\" follows no weekend holiday\n",
		            division_label(w->division), fmt(d), name);
		w->bad++;
	}
	return 0;
}

static void
test_uk__chains_substitute_days_past_weekends_and_holidays(void **state)
{
	ukwd_calendar *cal[3];
	int bad;

	(void)state;
	singles_new(cal, 1971, 2100);
	bad = check_known(cal, chain_days,
	                  sizeof(chain_days) / sizeof(chain_days[0]));
	/* Every substitute is a weekday, within three days after the same
	 * holiday on a weekend (but for two days GOV.UK labels otherwise). */
	for (int div = 0; div < 3; div++) {
		struct sub_walk walk = {cal[div], single_division[div], 0, 0};

		assert_int_equal(
		    ukwd_calendar_foreach_holiday(cal[div], ymd(1971, 1, 1),
		                                  ymd(2100, 12, 31),
		                                  check_substitute, &walk),
		    0);
		bad += walk.bad;
		if (walk.seen < 100) {
			print_error("%s: only %d substitute days 1971-2100\n",
			            division_label(single_division[div]),
			            walk.seen);
			bad++;
		}
	}
	singles_free(cal);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* 6. The first year of each rule (Commons Library SN06170; 1974 New
 * Year: proclamation of Oct 1973; Early May 1978; Scottish Spring 1978;
 * Scottish Boxing Day 1974; 2 January: 1971 Act, so 1972; St Andrew's
 * Day Bank Holiday (Scotland) Act 2007). */

static const struct known_day first_year_days[] = {
    /* New Year's Day outside Scotland from 1974. */
    {EW | NI, "1971-01-01", 1, NULL},
    {SC, "1971-01-01", 0, NEW_YEAR},
    {EW | NI, "1972-01-03", 1, NULL},
    {SC, "1972-01-03", 0, NEW_YEAR SUB},
    {EW | NI, "1973-01-01", 1, NULL},
    {SC, "1973-01-01", 0, NEW_YEAR},
    {ALL, "1974-01-01", 0, NEW_YEAR},
    /* Early May outside Scotland from 1978. */
    {EW | NI, "1977-05-02", 1, NULL},
    {SC, "1977-05-02", 0, EARLY_MAY},
    {ALL, "1978-05-01", 0, EARLY_MAY},
    /* Scotland's Spring holiday from 1978. */
    {EW | NI, "1976-05-31", 0, SPRING},
    {SC, "1976-05-31", 1, NULL},
    {ALL, "1978-05-29", 0, SPRING},
    /* Boxing Day in Scotland from 1974. */
    {EW | NI, "1973-12-26", 0, BOXING_DAY},
    {SC, "1973-12-26", 1, NULL},
    {ALL, "1974-12-26", 0, BOXING_DAY},
    /* 2 January in Scotland from 1972: none in 1971 (so no Monday
     * substitute for Saturday 2 January 1971), then the 1972 chain. */
    {SC, "1971-01-04", 1, NULL},
    {SC, "1972-01-02", 0, JAN_2},
    {SC, "1972-01-04", 0, JAN_2 SUB},
    {SC, "1973-01-02", 0, JAN_2},
    {EW | NI, "1973-01-02", 1, NULL},
    /* St Andrew's Day from 2007. */
    {ALL, "2006-11-30", 1, NULL},
    {SC, "2007-11-30", 0, ST_ANDREW},
    {EW | NI, "2007-11-30", 1, NULL},
};

static int
check_every_year_rules(ukwd_calendar *const cal[3], int first, int last)
{
	int bad = 0;

	for (int year = first; year <= last; year++) {
		ukwd_date easter, may1 = ymd(year, 5, 1);
		ukwd_date early_may = first_monday_on_or_after(may1);
		ukwd_date spring = last_monday_on_or_before(ymd(year, 5, 31));

		assert_int_equal(ukwd_easter_sunday(&easter, year), 0);
		for (int div = 0; div < 3; div++) {
			const ukwd_calendar *c = cal[div];
			unsigned int bit = single_division[div];
			const char *label = division_label(bit);
			ukwd_date summer =
			    bit == SC
			        ? first_monday_on_or_after(ymd(year, 8, 1))
			        : last_monday_on_or_before(ymd(year, 8, 31));
			int august = 0;

			/* Summer: Scotland's first Monday in August, the
			 * others' last; nothing else in August. */
			for (ukwd_date d = ymd(year, 8, 1);
			     d <= ymd(year, 8, 31); d++)
				if (is_weekday(d) && !working(c, d)) {
					august++;
					if (d != summer ||
					    !same_name(
					        ukwd_calendar_holiday_name(c,
					                                   d),
					        SUMMER)) {
						print_error("%s: %s is not the "
						            "Summer bank "
						            "holiday\n",
						            label, fmt(d));
						bad++;
					}
				}
			if (august != 1 || working(c, summer)) {
				print_error("%s %d: August has %d weekday "
				            "holidays, not just %s\n",
				            label, year, august, fmt(summer));
				bad++;
			}
			/* Good Friday everywhere; Easter Monday outside
			 * Scotland only. */
			if (!same_name(
			        ukwd_calendar_holiday_name(c, easter - 2),
			        GOOD_FRIDAY)) {
				print_error("%s: %s is not Good Friday\n",
				            label, fmt(easter - 2));
				bad++;
			}
			if (bit == SC ? !working(c, easter + 1)
			              : !same_name(ukwd_calendar_holiday_name(
			                               c, easter + 1),
			                           EASTER_MONDAY)) {
				print_error("%s: Easter Monday %s is wrong\n",
				            label, fmt(easter + 1));
				bad++;
			}
			/* Early May: Scotland throughout, elsewhere from
			 * 1978; moved in 1995 (not in Scotland) and 2020. */
			if (year != 2020 && !(year == 1995 && bit != SC)) {
				int want = bit == SC || year >= 1978;

				if (want
				        ? !same_name(ukwd_calendar_holiday_name(
				                         c, early_may),
				                     EARLY_MAY)
				        : !working(c, early_may)) {
					print_error("%s: Early May %s is "
					            "wrong\n",
					            label, fmt(early_may));
					bad++;
				}
			}
			/* Spring: outside Scotland throughout, in
			 * Scotland from 1978; moved in 1977 (E&W/NI), 2002,
			 * 2012 and 2022. */
			if (!(year == 1977 && bit != SC) && year != 2002 &&
			    year != 2012 && year != 2022) {
				int want = bit != SC || year >= 1978;

				if (want
				        ? !same_name(ukwd_calendar_holiday_name(
				                         c, spring),
				                     SPRING)
				        : !working(c, spring)) {
					print_error("%s: Spring %s is wrong\n",
					            label, fmt(spring));
					bad++;
				}
			} else if (working(c, spring) == 0) {
				print_error("%s: %s should have moved\n", label,
				            fmt(spring));
				bad++;
			}
		}
	}
	return bad;
}

static void
test_uk__starts_each_rule_in_its_first_year(void **state)
{
	ukwd_calendar *cal[3];
	int bad;

	(void)state;
	singles_new(cal, 1971, 2100);
	bad = check_known(cal, first_year_days,
	                  sizeof(first_year_days) / sizeof(first_year_days[0]));
	bad += check_every_year_rules(cal, 1971, 2100);
	singles_free(cal);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* 7. Unions of divisions */

/* What a combined calendar should call a day: the single divisions'
 * names in bit order, each once, joined by "; "; NULL if none. */
static const char *
joined_name(char *buf, size_t size, ukwd_calendar *const cal[3],
            unsigned int divisions, ukwd_date d)
{
	const char *parts[3];
	size_t n = 0, len = 0;

	for (int div = 0; div < 3; div++) {
		const char *name;
		size_t k = 0;

		if (!(divisions & single_division[div]))
			continue;
		name = ukwd_calendar_holiday_name(cal[div], d);
		if (!name)
			continue;
		while (k < n && strcmp(parts[k], name) != 0)
			k++;
		if (k == n)
			parts[n++] = name;
	}
	if (n == 0)
		return NULL;
	buf[0] = '\0';
	for (size_t k = 0; k < n; k++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		                        k ? "; " : "", parts[k]);
	assert_true(len < size);
	return buf;
}

static int
check_union(ukwd_calendar *const singles[3], unsigned int divisions, int first,
            int last)
{
	ukwd_calendar *cal = uk_cal(divisions, first, last);
	const char *label = division_label(divisions);
	int bad = 0;

	for (ukwd_date d = ymd(first, 1, 1); d <= ymd(last, 12, 31); d++) {
		char buf[512];
		int want = 1;
		const char *name, *expected;

		for (int div = 0; div < 3; div++)
			if (divisions & single_division[div])
				want &= working(singles[div], d);
		if (working(cal, d) != want) {
			if (bad++ < 20)
				print_error("%s: %s working %d, expected %d\n",
				            label, fmt(d), !want, want);
			continue;
		}
		name = ukwd_calendar_holiday_name(cal, d);
		expected = joined_name(buf, sizeof(buf), singles, divisions, d);
		if (!same_name(name, expected) && bad++ < 20)
			print_error("%s: %s is named \"%s\", expected \"%s\"\n",
			            label, fmt(d), or_none(name),
			            or_none(expected));
	}
	ukwd_calendar_free(cal);
	return bad;
}

/* Two calendars agree on range, weekend, every day and name, and every
 * year's provenance. */
static int
check_same_calendar(const char *label, const ukwd_calendar *a,
                    const ukwd_calendar *b)
{
	ukwd_date first, last, first_b, last_b;
	int bad = 0;

	ukwd_calendar_range(a, &first, &last);
	ukwd_calendar_range(b, &first_b, &last_b);
	assert_int_equal(first, first_b);
	assert_int_equal(last, last_b);
	assert_int_equal(ukwd_calendar_weekend(a), ukwd_calendar_weekend(b));
	for (ukwd_date d = first; d <= last; d++) {
		const char *na = ukwd_calendar_holiday_name(a, d);
		const char *nb = ukwd_calendar_holiday_name(b, d);

		if ((working(a, d) != working(b, d) || !same_name(na, nb)) &&
		    bad++ < 20)
			print_error("%s: %s: %d \"%s\" against %d \"%s\"\n",
			            label, fmt(d), working(a, d), or_none(na),
			            working(b, d), or_none(nb));
		if (d == first || year_of(d) != year_of(d - 1)) {
			int pa = ukwd_calendar_provenance(a, d);
			int pb = ukwd_calendar_provenance(b, d);

			if (pa != pb && bad++ < 20)
				print_error("%s: provenance of %d: %d against "
				            "%d\n",
				            label, year_of(d), pa, pb);
		}
	}
	return bad;
}

static void
test_uk__combines_divisions_as_the_union_with_joined_names(void **state)
{
	static const unsigned int sets[] = {EW | SC, EW | NI, SC | NI, ALL};
	ukwd_calendar *singles[3], *gb, *sec = NULL, *merged = NULL;
	int bad = 0;

	(void)state;
	singles_new(singles, 1971, 2100);
	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		bad += check_union(singles, sets[i], 1971, 2100);

	/* The SEC default is Great Britain. */
	assert_int_equal(UKWD_UK_SEC, EW | SC);
	assert_int_equal(UKWD_UK_GB, EW | SC);
	gb = uk_cal(UKWD_UK_GB, 1971, 2100);
	assert_int_equal(ukwd_calendar_new_sec(&sec, 1971, 2100), 0);
	assert_non_null(sec);
	bad += check_same_calendar("sec against gb", sec, gb);

	/* The general union of the two single calendars agrees. */
	assert_int_equal(ukwd_calendar_union(&merged, singles[0], singles[1]),
	                 0);
	bad += check_same_calendar("union(england-and-wales, scotland) "
	                           "against gb",
	                           merged, gb);

	/* Names joined where the divisions differ, once where they agree. */
	assert_string_equal(ukwd_calendar_holiday_name(gb, ymd(2017, 1, 2)),
	                    NEW_YEAR SUB "; " JAN_2);
	assert_string_equal(ukwd_calendar_holiday_name(gb, ymd(2017, 1, 3)),
	                    NEW_YEAR SUB);
	assert_string_equal(ukwd_calendar_holiday_name(gb, ymd(2023, 1, 2)),
	                    NEW_YEAR SUB);
	assert_string_equal(ukwd_calendar_holiday_name(gb, ymd(1995, 5, 8)),
	                    VE_DAY_2020 "; VE day");
	assert_string_equal(ukwd_calendar_holiday_name(gb, ymd(2021, 12, 27)),
	                    CHRISTMAS SUB);
	assert_int_equal(working(gb, ymd(2017, 1, 3)), 0);
	assert_int_equal(working(gb, ymd(2017, 1, 4)), 1);
	{
		ukwd_calendar *uk = uk_cal(ALL, 2012, 2017);

		assert_string_equal(
		    ukwd_calendar_holiday_name(uk, ymd(2017, 1, 2)),
		    NEW_YEAR SUB "; " JAN_2);
		assert_string_equal(
		    ukwd_calendar_holiday_name(uk, ymd(2012, 6, 4)),
		    SPRING SUB "; " SPRING);
		assert_string_equal(
		    ukwd_calendar_holiday_name(uk, ymd(2014, 7, 14)),
		    BOYNE SUB);
		ukwd_calendar_free(uk);
	}
	ukwd_calendar_free(merged);
	ukwd_calendar_free(sec);
	ukwd_calendar_free(gb);
	singles_free(singles);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* 8. Provenance */

static void
test_uk__marks_years_to_2027_official_and_later_projected(void **state)
{
	ukwd_calendar *cal;

	(void)state;
	assert_int_equal(UKWD_UK_FIRST_YEAR, 1971);
	assert_int_equal(UKWD_UK_LAST_YEAR, 9999);
	assert_int_equal(UKWD_UK_LAST_OFFICIAL_YEAR, 2027);
	for (int i = 0; i < 4; i++) {
		unsigned int divs = i < 3 ? single_division[i] : ALL;

		cal = uk_cal(divs, 1971, 2100);
		assert_int_equal(ukwd_calendar_provenance(cal, ymd(1971, 1, 1)),
		                 UKWD_PROVENANCE_OFFICIAL);
		assert_int_equal(
		    ukwd_calendar_provenance(cal, ymd(2027, 12, 31)),
		    UKWD_PROVENANCE_OFFICIAL);
		assert_int_equal(ukwd_calendar_provenance(cal, ymd(2028, 1, 1)),
		                 UKWD_PROVENANCE_PROJECTED);
		for (int year = 1971; year <= 2100; year++)
			assert_int_equal(
			    ukwd_calendar_provenance(cal, ymd(year, 7, 1)),
			    year <= 2027 ? UKWD_PROVENANCE_OFFICIAL
			                 : UKWD_PROVENANCE_PROJECTED);
		assert_int_equal(
		    ukwd_calendar_provenance(cal, ymd(1970, 12, 31)),
		    UKWD_ERANGE);
		assert_int_equal(ukwd_calendar_provenance(cal, ymd(2101, 1, 1)),
		                 UKWD_ERANGE);
		ukwd_calendar_free(cal);
	}
	cal = uk_cal(EW, 2030, 2035);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(2030, 1, 1)),
	                 UKWD_PROVENANCE_PROJECTED);
	ukwd_calendar_free(cal);
	cal = uk_cal(SC, 1971, 1971);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(1971, 12, 31)),
	                 UKWD_PROVENANCE_OFFICIAL);
	ukwd_calendar_free(cal);
	cal = uk_cal(NI, 2027, 2028);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(2027, 6, 1)),
	                 UKWD_PROVENANCE_OFFICIAL);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(2028, 6, 1)),
	                 UKWD_PROVENANCE_PROJECTED);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* 9. Errors */

static void
test_uk__rejects_bad_divisions_years_and_dates(void **state)
{
	ukwd_calendar *cal = NULL;
	ukwd_calendar_builder *b = NULL;

	(void)state;
	/* Divisions: none, or an unknown bit. */
	assert_int_equal(ukwd_calendar_new_uk(&cal, 0, 2000, 2001),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_new_uk(&cal, 0x8, 2000, 2001),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_new_uk(&cal, EW | 0x8, 2000, 2001),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_new_uk(&cal, ~0u, 2000, 2001),
	                 UKWD_EINVAL);
	/* Years outside 1971..9999. */
	assert_int_equal(ukwd_calendar_new_uk(&cal, EW, 1970, 2001),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_new_uk(&cal, EW, 2000, 10000),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_new_uk(&cal, EW, 1970, 1970),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_new_uk(&cal, EW, 10000, 10000),
	                 UKWD_ERANGE);
	/* Reversed years; NULL out. */
	assert_int_equal(ukwd_calendar_new_uk(&cal, EW, 2001, 2000),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_new_uk(NULL, EW, 2000, 2001),
	                 UKWD_EINVAL);
	/* The same for the SEC calendar and the builder. */
	assert_int_equal(ukwd_calendar_new_sec(NULL, 2000, 2001), UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_new_sec(&cal, 1970, 2001), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_new_sec(&cal, 2000, 10000), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_new_sec(&cal, 2001, 2000), UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_new_uk(NULL, EW, 2000, 2001),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_new_uk(&b, 0, 2000, 2001),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_new_uk(&b, 0x10, 2000, 2001),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_new_uk(&b, EW, 1970, 2001),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_new_uk(&b, EW, 2000, 10000),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_new_uk(&b, EW, 2001, 2000),
	                 UKWD_EINVAL);

	/* A built calendar answers inside its years only. */
	cal = uk_cal(EW, 2012, 2015);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2011, 12, 31)),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2016, 1, 1)),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2012, 1, 1)), 0);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2015, 12, 31)), 1);
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2016, 1, 1)));
	ukwd_calendar_free(cal);

	/* The edges of the range are accepted. */
	cal = uk_cal(ALL, 1971, 1971);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(1970, 12, 31)),
	                 UKWD_ERANGE);
	ukwd_calendar_free(cal);
	cal = uk_cal(ALL, 9999, 9999);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(9999, 12, 24)), 1);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(9999, 12, 27)), 0);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* 10. The whole range, 1971-9999: the number of non-working weekdays of
 * every year in every division. Regular days: E&W 6 until New Year's Day
 * (1974), 7 until Early May (1978), then 8; Scotland 5, 6 with 2 January
 * (1972), 7 with Boxing Day (1974), 8 with Spring (1978), 9 with St
 * Andrew's Day (2007); Northern Ireland 8, 9 (1974), 10 (1978). Then the
 * one-off days. Substitutes keep every regular day. */

static int
regular_count(unsigned int division, int year)
{
	switch (division) {
	case EW:
		return year < 1974 ? 6 : year < 1978 ? 7 : 8;
	case SC:
		return year < 1972   ? 5
		       : year < 1974 ? 6
		       : year < 1978 ? 7
		       : year < 2007 ? 8
		                     : 9;
	default:
		return year < 1974 ? 8 : year < 1978 ? 9 : 10;
	}
}

static const struct {
	int year;
	unsigned int divisions;
	int delta;
} one_off_counts[] = {
    {1977, EW | NI, 1}, /* Silver Jubilee (Spring moved) */
    {1981, ALL, 1},     /* royal wedding */
    {1995, SC, 1},      /* VE day (E&W/NI: Early May moved) */
    {1999, ALL, 1},     /* Millennium */
    {2002, ALL, 1},     /* Golden Jubilee (Spring moved) */
    {2010, SC, -1},     /* no 4 January */
    {2011, SC, -1},     /* no 4 January */
    {2011, ALL, 1},     /* royal wedding */
    {2012, ALL, 1},     /* Diamond Jubilee (Spring moved) */
    {2022, ALL, 2},     /* Platinum Jubilee (Spring moved), funeral */
    {2023, ALL, 1},     /* Coronation */
    {2026, SC, 1},      /* World Cup */
};

static int
expected_count(unsigned int division, int year)
{
	int n = regular_count(division, year);

	for (size_t i = 0;
	     i < sizeof(one_off_counts) / sizeof(one_off_counts[0]); i++)
		if (one_off_counts[i].year == year &&
		    (one_off_counts[i].divisions & division))
			n += one_off_counts[i].delta;
	return n;
}

static void
test_uk__covers_1971_to_9999_with_every_year_s_weekday_holidays(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		unsigned int div = single_division[i];
		ukwd_calendar *cal =
		    uk_cal(div, UKWD_UK_FIRST_YEAR, UKWD_UK_LAST_YEAR);
		ukwd_date first, last, d;
		int bad = 0;

		ukwd_calendar_range(cal, &first, &last);
		assert_int_equal(first, ymd(1971, 1, 1));
		assert_int_equal(last, ymd(9999, 12, 31));
		d = first;
		for (int year = 1971; year <= 9999; year++) {
			ukwd_date end = ymd(year, 12, 31);
			int n = 0;

			for (; d <= end; d++)
				if (is_weekday(d) && !working(cal, d))
					n++;
			if (n != expected_count(div, year) && bad++ < 20)
				print_error("%s %d: %d non-working weekdays, "
				            "expected %d\n",
				            division_label(div), year, n,
				            expected_count(div, year));
			/* The brief's floor, from the year the eight
			 * regular E&W days all exist. */
			if (div == EW && year >= 1978 && n < 8 && bad++ < 20)
				print_error("england-and-wales %d: only %d\n",
				            year, n);
		}
		ukwd_calendar_free(cal);
		assert_int_equal(bad, 0);
	}
}

/* ------------------------------------------------------------------ */
/* 11. The builder variant */

static ukwd_calendar *
build(const ukwd_calendar_builder *b)
{
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;

	if (ukwd_calendar_build(&cal, b, &diag) != 0)
		fail_msg("ukwd_calendar_build: %s", diag.message);
	assert_non_null(cal);
	return cal;
}

static void
test_uk__builder_adds_company_days_and_keeps_everything_else(void **state)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *uk, *plain, *company;
	ukwd_date shut_first = ymd(2023, 12, 27), shut_last = ymd(2023, 12, 29);
	ukwd_date worked = ymd(2024, 5, 6); /* Early May: the firm works */
	int bad = 0;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new_uk(&b, EW, 2020, 2030), 0);
	assert_non_null(b);
	uk = uk_cal(EW, 2020, 2030);

	/* Unchanged, the builder gives the UK calendar itself. */
	plain = build(b);
	bad += check_same_calendar("builder as is against the calendar", plain,
	                           uk);

	for (ukwd_date d = shut_first; d <= shut_last; d++)
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(b, d, "Company shutdown"),
		    0);
	assert_int_equal(ukwd_calendar_builder_remove_holiday(b, worked), 0);
	company = build(b);
	{
		ukwd_date first, last, f2, l2;

		ukwd_calendar_range(company, &first, &last);
		ukwd_calendar_range(uk, &f2, &l2);
		assert_int_equal(first, f2);
		assert_int_equal(last, l2);
		assert_int_equal(ukwd_calendar_weekend(company),
		                 UKWD_WEEKEND_SAT_SUN);
		for (ukwd_date d = first; d <= last; d++) {
			int shut = d >= shut_first && d <= shut_last;
			int want = shut ? 0 : d == worked ? 1 : working(uk, d);
			const char *name =
			    shut          ? "Company shutdown"
			    : d == worked ? NULL
			                  : ukwd_calendar_holiday_name(uk, d);

			if ((working(company, d) != want ||
			     !same_name(ukwd_calendar_holiday_name(company, d),
			                name)) &&
			    bad++ < 20)
				print_error("company: %s differs\n", fmt(d));
		}
		for (int year = 2020; year <= 2030; year++)
			assert_int_equal(
			    ukwd_calendar_provenance(company, ymd(year, 3, 1)),
			    year <= 2027 ? UKWD_PROVENANCE_OFFICIAL
			                 : UKWD_PROVENANCE_PROJECTED);
	}
	/* The UK days around the shutdown are still there. */
	assert_string_equal(
	    ukwd_calendar_holiday_name(company, ymd(2023, 12, 26)), BOXING_DAY);
	assert_int_equal(working(company, ymd(2023, 12, 22)), 1);
	assert_int_equal(working(company, ymd(2024, 1, 1)), 0);
	ukwd_calendar_free(company);
	ukwd_calendar_free(plain);
	ukwd_calendar_free(uk);
	ukwd_calendar_builder_free(b);

	/* Provenance of builders wholly before or after 2027. */
	{
		static const struct {
			int first, last;
		} spans[] = {{1990, 2000},
		             {2030, 2035},
		             {2027, 2027},
		             {2028, 2028},
		             {1971, 9999}};

		for (size_t i = 0; i < sizeof(spans) / sizeof(spans[0]); i++) {
			ukwd_calendar *from_builder, *direct;

			b = NULL;
			assert_int_equal(
			    ukwd_calendar_builder_new_uk(
			        &b, ALL, spans[i].first, spans[i].last),
			    0);
			from_builder = build(b);
			direct = uk_cal(ALL, spans[i].first, spans[i].last);
			if (spans[i].last - spans[i].first < 200)
				bad +=
				    check_same_calendar("builder against "
				                        "the calendar",
				                        from_builder, direct);
			assert_int_equal(
			    ukwd_calendar_provenance(from_builder,
			                             ymd(spans[i].first, 1, 1)),
			    spans[i].first <= 2027 ? UKWD_PROVENANCE_OFFICIAL
			                           : UKWD_PROVENANCE_PROJECTED);
			assert_int_equal(
			    ukwd_calendar_provenance(
			        from_builder, ymd(spans[i].last, 12, 31)),
			    spans[i].last <= 2027 ? UKWD_PROVENANCE_OFFICIAL
			                          : UKWD_PROVENANCE_PROJECTED);
			ukwd_calendar_free(direct);
			ukwd_calendar_free(from_builder);
			ukwd_calendar_builder_free(b);
		}
	}
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* 12. Division names */

static void
test_uk__parses_and_names_divisions(void **state)
{
	static const struct {
		const char *text;
		unsigned int divisions;
	} names[] = {
	    {"england-and-wales", EW},
	    {"scotland", SC},
	    {"northern-ireland", NI},
	    {"gb", EW | SC},
	    {"uk", ALL},
	    {"sec", UKWD_UK_SEC},
	    /* Any case; the aliases. */
	    {"Scotland", SC},
	    {"GB", EW | SC},
	    {"England-And-Wales", EW},
	    {"SEC", UKWD_UK_SEC},
	    {"wales", EW},
	    {"england", EW},
	    {"Wales", EW},
	    {"ni", NI},
	    {"NI", NI},
	};
	static const char *const unknown[] = {
	    "england_and_wales", "scotland ", " uk", "", "northern-ireland-x",
	};
	static const unsigned int not_single[] = {
	    0, EW | SC, EW | NI, SC | NI, ALL, 0x8, 0x10, ~0u};
	ukwd_diag diag;
	unsigned int out;

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		memset(&diag, 'x', sizeof(diag));
		out = 0xdead;
		assert_int_equal(
		    ukwd_uk_division_parse(&out, names[i].text, &diag), 0);
		assert_int_equal(out, names[i].divisions);
		assert_int_equal(diag.code, 0);
		assert_string_equal(diag.message, "");
		out = 0;
		assert_int_equal(
		    ukwd_uk_division_parse(&out, names[i].text, NULL), 0);
		assert_int_equal(out, names[i].divisions);
	}
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		out = 0xdead;
		assert_int_equal(
		    ukwd_uk_division_parse(&out, unknown[i], &diag),
		    UKWD_ENOTFOUND);
		assert_int_equal(diag.code, UKWD_ENOTFOUND);
		assert_int_equal(out, 0xdead);
		if (unknown[i][0] && !strstr(diag.message, unknown[i]))
			fail_msg("diag for '%s' does not name it: %s",
			         unknown[i], diag.message);
		assert_int_equal(ukwd_uk_division_parse(&out, unknown[i], NULL),
		                 UKWD_ENOTFOUND);
		assert_int_equal(out, 0xdead);
	}
	assert_int_equal(ukwd_uk_division_parse(&out, NULL, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);
	assert_int_equal(ukwd_uk_division_parse(NULL, "scotland", &diag),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_uk_division_parse(NULL, NULL, NULL), UKWD_EINVAL);

	assert_string_equal(ukwd_uk_division_name(EW), "england-and-wales");
	assert_string_equal(ukwd_uk_division_name(SC), "scotland");
	assert_string_equal(ukwd_uk_division_name(NI), "northern-ireland");
	for (int i = 0; i < 3; i++) {
		out = 0;
		assert_int_equal(
		    ukwd_uk_division_parse(
		        &out, ukwd_uk_division_name(single_division[i]), NULL),
		    0);
		assert_int_equal(out, single_division[i]);
	}
	for (size_t i = 0; i < sizeof(not_single) / sizeof(not_single[0]); i++)
		assert_null(ukwd_uk_division_name(not_single[i]));
}

/* A near miss names the division meant; a far one lists them all. */
static void
test_uk__suggests_the_closest_division_name(void **state)
{
	static const struct {
		const char *text, *meant;
	} near[] = {
	    {"scotlnd", "scotland"},
	    {"Scotand", "scotland"},
	    {"englnd-and-wales", "england-and-wales"},
	    {"england_and_wales", "england-and-wales"},
	    {"nothern-ireland", "northern-ireland"},
	    {"northern-ireland-x", "northern-ireland"},
	    {"wlaes", "wales"},
	    {"ukk", "uk"},
	    {"scot", "scotland"},
	    {" uk", "uk"},
	};
	static const char *const far[] = {"france", "x", "", "q12345"};
	char expected[128];
	ukwd_diag diag;
	unsigned int out = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(near) / sizeof(near[0]); i++) {
		assert_int_equal(
		    ukwd_uk_division_parse(&out, near[i].text, &diag),
		    UKWD_ENOTFOUND);
		snprintf(expected, sizeof(expected),
		         "unknown division '%s'; did you mean '%s'?",
		         near[i].text, near[i].meant);
		assert_string_equal(diag.message, expected);
	}
	for (size_t i = 0; i < sizeof(far) / sizeof(far[0]); i++) {
		assert_int_equal(ukwd_uk_division_parse(&out, far[i], &diag),
		                 UKWD_ENOTFOUND);
		assert_null(strstr(diag.message, "did you mean"));
		assert_non_null(strstr(diag.message,
		                       "expected england-and-wales, scotland, "
		                       "northern-ireland, gb, uk or sec"));
	}
}

/* ------------------------------------------------------------------ */

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_uk__agrees_with_govuk_json_for_every_division_2012_2015),
	    cmocka_unit_test(
	        test_uk__agrees_with_govuk_ics_for_england_and_wales_2012_2017),
	    cmocka_unit_test(
	        test_uk__agrees_with_govuk_lists_for_every_division_2016_2027),
	    cmocka_unit_test(
	        test_uk__gives_the_known_answers_of_every_one_off_year),
	    cmocka_unit_test(
	        test_uk__chains_substitute_days_past_weekends_and_holidays),
	    cmocka_unit_test(test_uk__starts_each_rule_in_its_first_year),
	    cmocka_unit_test(
	        test_uk__combines_divisions_as_the_union_with_joined_names),
	    cmocka_unit_test(
	        test_uk__marks_years_to_2027_official_and_later_projected),
	    cmocka_unit_test(test_uk__rejects_bad_divisions_years_and_dates),
	    cmocka_unit_test(
	        test_uk__covers_1971_to_9999_with_every_year_s_weekday_holidays),
	    cmocka_unit_test(
	        test_uk__builder_adds_company_days_and_keeps_everything_else),
	    cmocka_unit_test(test_uk__parses_and_names_divisions),
	    cmocka_unit_test(test_uk__suggests_the_closest_division_name),
	};

	return cmocka_run_group_tests_name("uk", tests, NULL, NULL);
}
