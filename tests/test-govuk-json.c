/* GOV.UK bank-holidays.json import (lib/govuk-json.c), beyond the real
 * file and the broken files of tests/invalid/json that test-ical.c runs:
 * the JSON the streaming reader accepts (escapes, surrogate pairs, a BOM,
 * numbers of any size, objects of many keys) and what it refuses, each
 * with the line and byte column of the offending text and the builder
 * left as it was; the order in which errors are reported; generated files
 * of many events in either order imported exactly. */
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

/* A growable text. */
struct text {
	char *data;
	size_t len, cap;
};

static void
text_add(struct text *t, const char *data, size_t len)
{
	if (t->len + len + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;

		while (cap < t->len + len + 1)
			cap *= 2;
		t->data = realloc(t->data, cap);
		assert_non_null(t->data);
		t->cap = cap;
	}
	memcpy(t->data + t->len, data, len);
	t->len += len;
	t->data[t->len] = '\0';
}

static void text_printf(struct text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
text_printf(struct text *t, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(buf));
	text_add(t, buf, (size_t)n);
}

/* A GOV.UK file whose england-and-wales events are `events` (the text
 * inside its array); Scotland and Northern Ireland have one event each. */
static char *
govuk_file(const char *events)
{
	struct text t = {0};

	text_printf(&t, "{\"england-and-wales\":{\"division\":"
	                "\"england-and-wales\",\"events\":[");
	text_add(&t, events, strlen(events));
	text_printf(&t, "]},\n\"scotland\":{\"division\":\"scotland\","
	                "\"events\":[{\"title\":\"St Andrew's Day\",\"date\":"
	                "\"2015-11-30\",\"notes\":\"\",\"bunting\":true}]},\n"
	                "\"northern-ireland\":{\"division\":"
	                "\"northern-ireland\",\"events\":[{\"title\":"
	                "\"Battle of the Boyne\",\"date\":\"2015-07-13\","
	                "\"notes\":\"\",\"bunting\":false}]}}\n");
	return t.data;
}

static ukwd_calendar_builder *
plain_builder(void)
{
	ukwd_calendar_builder *b;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2000, 1, 1),
	                                                 ymd(2040, 12, 31)),
	                 0);
	return b;
}

static ukwd_calendar *
build(ukwd_calendar_builder *b)
{
	ukwd_calendar *cal;

	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	return cal;
}

static size_t
count_holidays(const ukwd_calendar *cal)
{
	size_t n = 0;

	for (ukwd_date d = ymd(2000, 1, 1); d <= ymd(2040, 12, 31); d++)
		n += ukwd_calendar_holiday_name(cal, d) != NULL;
	return n;
}

/* Imports `json` (england-and-wales) into a fresh builder: 0 and the
 * calendar, or the error in *diag and the builder shown unchanged. */
static int
import(const char *json, size_t len, unsigned int divisions, ukwd_diag *diag,
       ukwd_calendar **out)
{
	ukwd_calendar_builder *b = plain_builder();
	ukwd_calendar *cal;
	int rc = ukwd_govuk_json_import(b, json, len, divisions,
	                                UKWD_IMPORT_OFFICIAL, diag);

	assert_int_equal(diag->code, rc);
	cal = build(b);
	ukwd_calendar_builder_free(b);
	if (rc) {
		assert_true(diag->message[0] != '\0');
		/* Nothing half-applied. */
		assert_int_equal(count_holidays(cal), 0);
		assert_int_equal(ukwd_calendar_provenance(cal, ymd(2023, 6, 1)),
		                 UKWD_PROVENANCE_NONE);
		ukwd_calendar_free(cal);
		cal = NULL;
	}
	if (out)
		*out = cal;
	else
		ukwd_calendar_free(cal);
	return rc;
}

static int
skip_without_json(void)
{
	if (ukwd_has_feature(UKWD_FEATURE_JSON))
		return 0;
	skip();
	return 1;
}

static void
test_govuk_json__escapes_and_surrogate_pairs_decode_to_utf8(void **state)
{
	char *json = govuk_file(
	    "{\"title\":\"Caf\\u00e9 \\ud83c\\udf89 \\\"q\\\" \\\\ \\/ "
	    "\\u2019\\t\\b\\f\\n\\r.\",\"date\":\"2023-06-01\",\"notes\":"
	    "\"Extra \\u0042ANK holiday\"}");
	ukwd_calendar *cal;
	ukwd_diag diag;

	(void)state;
	if (skip_without_json())
		return;
	assert_int_equal(
	    import(json, strlen(json), UKWD_UK_ENGLAND_WALES, &diag, &cal), 0);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2023, 6, 1)),
	                    "Caf\xC3\xA9 \xF0\x9F\x8E\x89 \"q\" \\ / "
	                    "\xE2\x80\x99\t\b\f\n\r. (extra bank holiday)");
	ukwd_calendar_free(cal);
	free(json);
}

/* RFC 8259 lets a parser ignore a byte order mark; ukwd_holidays_detect()
 * already skipped one, and jansson refused the file it had detected. */
static void
test_govuk_json__a_utf8_bom_is_ignored(void **state)
{
	char *json = govuk_file("{\"title\":\"Day\",\"date\":\"2023-06-01\"}");
	struct text t = {0};
	ukwd_calendar *cal;
	ukwd_diag diag;

	(void)state;
	if (skip_without_json())
		return;
	text_add(&t, "\xEF\xBB\xBF", 3);
	text_add(&t, json, strlen(json));
	assert_int_equal(ukwd_holidays_detect(t.data, t.len),
	                 UKWD_HOLIDAYS_GOVUK_JSON);
	assert_int_equal(
	    import(t.data, t.len, UKWD_UK_ENGLAND_WALES, &diag, &cal), 0);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2023, 6, 1)),
	                    "Day");
	ukwd_calendar_free(cal);
	free(t.data);
	free(json);
}

/* Numbers are valid JSON at any size; the import reads none of them
 * (jansson refused 1e999 and 20-digit integers). Unknown keys are skipped
 * whatever they hold. */
static void
test_govuk_json__unknown_keys_and_numbers_of_any_size_are_skipped(void **state)
{
	char *json = govuk_file(
	    "{\"title\":\"Day\",\"id\":123456789012345678901234567890,"
	    "\"date\":\"2023-06-01\",\"weights\":[1e999,-0.5e-400,0,-0,1.5E+3],"
	    "\"extra\":{\"a\":[{},[],null,true,false,\"x\"],\"b\":{\"c\":{}}},"
	    "\"bunting\":null}");
	ukwd_calendar *cal;
	ukwd_diag diag;

	(void)state;
	if (skip_without_json())
		return;
	assert_int_equal(
	    import(json, strlen(json), UKWD_UK_ENGLAND_WALES, &diag, &cal), 0);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2023, 6, 1)),
	                    "Day");
	ukwd_calendar_free(cal);
	free(json);
}

struct bad_case {
	const char *what;
	const char *events; /* inside england-and-wales's array, or NULL */
	const char *whole;  /* the whole file, when events is NULL */
	int line, column;
	const char *message;
	const char *source; /* "" for none */
};

/* The first line of a govuk_file() is 63 bytes up to its '[': its
 * first event starts at column AFTER_BRACKET + 1. */
#define AFTER_BRACKET 63

static const struct bad_case bad_cases[] = {
    {"trailing text", NULL, "{\"england-and-wales\":{\"events\":[]}}\n  x", 2,
     3, "end of file expected near 'x'", ""},
    {"a second document", NULL, "{\"england-and-wales\":{\"events\":[]}}{}", 1,
     36, "end of file expected", ""},
    {"empty text", NULL, "", 1, 0, "'{' expected near end of file", ""},
    {"only space", NULL, " \n\n ", 3, 1, "end of file", ""},
    {"an unclosed object", NULL, "{\"england-and-wales\":{\"events\":[]}", 1,
     34, "',' or '}' expected near end of file", ""},
    {"invalid UTF-8 in a title", "{\"title\":\"Caf\xFF\"}", NULL, 1,
     AFTER_BRACKET + 14, "invalid UTF-8 (byte 0xFF)", ""},
    {"an overlong UTF-8 form", "{\"title\":\"\xC0\xAF\"}", NULL, 1,
     AFTER_BRACKET + 11, "invalid UTF-8 (byte 0xC0)", ""},
    {"a UTF-8 surrogate", "{\"title\":\"\xED\xA0\x80\"}", NULL, 1,
     AFTER_BRACKET + 11, "invalid UTF-8 (byte 0xED)", ""},
    {"a truncated UTF-8 sequence", NULL, "{\"x\":\"\xE2\x80", 1, 7,
     "invalid UTF-8 (byte 0xE2)", ""},
    {"a byte past ASCII outside strings", "\xC3\xA9", NULL, 1,
     AFTER_BRACKET + 1, "byte 0xC3 outside a string", ""},
    /* Columns count bytes (ukwd_diag::column), as jansson did not. */
    {"a missing comma after a title in UTF-8",
     "{\"title\":\"Caf\xC3\xA9\" \"date\":\"2023-06-01\"}", NULL, 1,
     AFTER_BRACKET + 23, "',' or '}' expected near '\"date\"'", ""},
    {"a lone first half of a surrogate pair", "{\"title\":\"\\ud83cx\"}", NULL,
     1, AFTER_BRACKET + 16, "\\uD83C is the first half of a surrogate pair",
     ""},
    {"a first half followed by another first half",
     "{\"title\":\"\\ud83c\\ud83c\"}", NULL, 1, AFTER_BRACKET + 22,
     "first half of a surrogate pair", ""},
    {"a lone second half of a surrogate pair", "{\"title\":\"\\udf89\"}", NULL,
     1, AFTER_BRACKET + 16, "\\uDF89 is the second half", ""},
    {"a NUL", "{\"title\":\"a\\u0000b\"}", NULL, 1, AFTER_BRACKET + 17,
     "\\u0000 (NUL) is not allowed", ""},
    {"a short \\u escape", "{\"title\":\"\\u12\"}", NULL, 1, AFTER_BRACKET + 15,
     "\\u must be followed by four hex digits", ""},
    {"a raw tab in a string", "{\"title\":\"a\tb\"}", NULL, 1,
     AFTER_BRACKET + 12, "control character 0x09", ""},
    {"a raw newline in a string", "{\"title\":\"a\nb\"}", NULL, 1,
     AFTER_BRACKET + 12, /* the newline itself */
     "control character 0x0A", ""},
    {"an unknown escape", "{\"title\":\"\\x41\"}", NULL, 1, AFTER_BRACKET + 12,
     "invalid escape '\\x'", ""},
    {"an unclosed string", NULL, "{\"england-and-wales\":{\"events\":[\"ab", 1,
     35, "a string is not closed", ""},
    {"a trailing comma in an array", "{\"title\":\"A\"},", NULL, 1,
     AFTER_BRACKET + 15, "a value expected near ']'", ""},
    {"a trailing comma in an object", "{\"title\":\"A\",}", NULL, 1,
     AFTER_BRACKET + 14, "string expected near '}'", ""},
    {"a missing colon", "{\"title\" \"A\"}", NULL, 1, AFTER_BRACKET + 12,
     "':' expected near '\"A\"'", ""},
    {"a key that is not a string", "{title:\"A\"}", NULL, 1, AFTER_BRACKET + 6,
     "invalid token near 'title'", ""},
    {"a number with a leading zero", "{\"n\":01}", NULL, 1, AFTER_BRACKET + 7,
     "invalid number near '01'", ""},
    {"a number without digits after its point", "{\"n\":1.}", NULL, 1,
     AFTER_BRACKET + 8, "invalid number", ""},
    {"a misspelt literal", "{\"bunting\":tru}", NULL, 1, AFTER_BRACKET + 14,
     "invalid token near 'tru'", ""},
    {"a duplicate key in an event",
     "{\"date\":\"2023-06-01\",\n\"date\":"
     "\"2023-06-02\",\"title\":\"A\"}",
     NULL, 2, 6, "duplicate object key near '\"date\"'", ""},
    {"a duplicate key inside an unknown value",
     "{\"title\":\"A\",\"date\":\"2023-06-01\",\"x\":[{\"k\":1,\"k\":2}]}",
     NULL, 1, AFTER_BRACKET + 48, "duplicate object key near '\"k\"'", ""},
    {"a duplicate key written once with an escape",
     "{\"title\":\"A\",\"t\\u0069tle\":\"B\"}", NULL, 1, AFTER_BRACKET + 25,
     "duplicate object key", ""},
    {"a duplicate division", NULL,
     "{\"scotland\":{\"events\":[]},\n \"scotland\":{\"events\":[]}}", 2, 11,
     "duplicate object key near '\"scotland\"'", ""},
    /* Syntax errors are found in divisions not asked for too, and win
     * over a shape error found before them (jansson read the whole file
     * before looking at its shape). */
    {"a syntax error after a shape error",
     "{\"title\":\"\",\"date\":\"2023-06-01\"},\n{\"title\":\"A\" \"x\"}", NULL,
     2, 16, "',' or '}' expected", ""},
};

/* 1 if the case failed (printed). */
static int
check_bad_case(const struct bad_case *c)
{
	char *json = c->events ? govuk_file(c->events) : NULL;
	const char *text = json ? json : c->whole;
	ukwd_diag diag;
	int rc = import(text, strlen(text), UKWD_UK_ALL, &diag, NULL);

	if (rc != UKWD_EPARSE || diag.line != c->line ||
	    diag.column != c->column || !strstr(diag.message, c->message) ||
	    strcmp(diag.source, c->source) != 0) {
		print_error("%s: got %s at %d:%d source \"%s\": \"%s\"; "
		            "expected UKWD_EPARSE at %d:%d source \"%s\": "
		            "\"%s\"\n",
		            c->what, ukwd_err_name(rc), diag.line, diag.column,
		            diag.source, diag.message, c->line, c->column,
		            c->source, c->message);
		free(json);
		return 1;
	}
	free(json);
	return 0;
}

static void
test_govuk_json__syntax_errors_name_their_line_and_byte_column(void **state)
{
	size_t failed = 0;

	(void)state;
	if (skip_without_json())
		return;

	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(*bad_cases); i++)
		failed += (size_t)check_bad_case(&bad_cases[i]);
	assert_int_equal(failed, 0);
}

/* 100,000 '[': an error, not a stack overflow (jansson: 2048 levels). */
static void
test_govuk_json__nesting_past_2048_levels_is_refused(void **state)
{
	struct text t = {0};
	ukwd_diag diag;
	char *deep;

	(void)state;
	if (skip_without_json())
		return;
	deep = malloc(100001);
	assert_non_null(deep);
	memset(deep, '[', 100000);
	deep[100000] = '\0';
	text_printf(&t, "{\"england-and-wales\":{\"events\":[],\"x\":");
	text_add(&t, deep, 100000);
	assert_int_equal(
	    import(t.data, t.len, UKWD_UK_ENGLAND_WALES, &diag, NULL),
	    UKWD_EPARSE);
	assert_int_equal(diag.line, 1);
	/* The first '[' is at column 39; with the two '{' before it, the
	 * 2047th is the 2049th level. */
	assert_int_equal(diag.column, 38 + 2047);
	assert_non_null(strstr(diag.message, "nested deeper than 2048"));
	/* 2048 levels in all are fine. */
	t.len = 0;
	text_printf(&t, "{\"england-and-wales\":{\"events\":[],\"x\":");
	text_add(&t, deep, 2046);
	memset(deep, ']', 2046);
	text_add(&t, deep, 2046);
	text_printf(&t, "}}");
	assert_int_equal(
	    import(t.data, t.len, UKWD_UK_ENGLAND_WALES, &diag, NULL), 0);
	free(deep);
	free(t.data);
}

/* Shape errors name the division (diag.source), the event, and now the
 * line and column of the value that is wrong. */
static void
test_govuk_json__shape_errors_name_the_line_and_column_of_the_value(
    void **state)
{
	char *json = govuk_file("{\"title\":\"A\",\"date\":\"2023-06-01\"},\n"
	                        "  {\"date\":\"2023-06-02\"}");
	ukwd_diag diag;

	(void)state;
	if (skip_without_json())
		return;
	assert_int_equal(import(json, strlen(json), UKWD_UK_ALL, &diag, NULL),
	                 UKWD_EPARSE);
	assert_string_equal(diag.source, "england-and-wales");
	assert_non_null(strstr(diag.message, "event 2: no \"title\" string"));
	assert_int_equal(diag.line, 2);
	assert_int_equal(diag.column, 3);
	free(json);

	json = govuk_file("{\"title\":\"A\",\"date\":\"2023-02-29\"}");
	assert_int_equal(import(json, strlen(json), UKWD_UK_ALL, &diag, NULL),
	                 UKWD_EPARSE);
	assert_non_null(strstr(diag.message, "event 1: bad \"date\""));
	assert_int_equal(diag.line, 1);
	assert_int_equal(diag.column, AFTER_BRACKET + 1);
	free(json);
}

/* As the import checked a division before: its "division" label, then
 * its "events" array, then each event, whatever their order in the text;
 * and divisions in the order of the file. */
static void
test_govuk_json__shape_errors_come_in_the_order_they_are_checked(void **state)
{
	static const char label_after_events[] =
	    "{\"scotland\":{\"events\":[{\"date\":\"2023-06-02\"}],"
	    "\"division\":\"england-and-wales\"}}";
	static const char events_after_bad_event[] =
	    "{\"scotland\":{\"events\":[\"x\"],\"events2\":1}}";
	static const char first_division_first[] =
	    "{\"scotland\":{\"events\":[1]},\"wales\":{}}";
	static const char unknown_first[] =
	    "{\"wales\":{},\"scotland\":{\"events\":[1]}}";
	ukwd_diag diag;

	(void)state;
	if (skip_without_json())
		return;
	assert_int_equal(import(label_after_events, strlen(label_after_events),
	                        UKWD_UK_SCOTLAND, &diag, NULL),
	                 UKWD_EPARSE);
	assert_non_null(strstr(diag.message, "does not match"));
	assert_int_equal(diag.column, 58);
	assert_int_equal(import(events_after_bad_event,
	                        strlen(events_after_bad_event),
	                        UKWD_UK_SCOTLAND, &diag, NULL),
	                 UKWD_EPARSE);
	assert_non_null(strstr(diag.message, "event 1: not a JSON object"));
	assert_int_equal(import(first_division_first,
	                        strlen(first_division_first), UKWD_UK_SCOTLAND,
	                        &diag, NULL),
	                 UKWD_EPARSE);
	assert_non_null(strstr(diag.message, "event 1"));
	assert_string_equal(diag.source, "scotland");
	assert_int_equal(import(unknown_first, strlen(unknown_first),
	                        UKWD_UK_SCOTLAND, &diag, NULL),
	                 UKWD_EPARSE);
	assert_non_null(strstr(diag.message, "unknown division \"wales\""));
	assert_string_equal(diag.source, "wales");
	assert_int_equal(diag.column, 2);
}

/* A division not asked for is read as JSON only. */
static void
test_govuk_json__divisions_not_asked_for_are_not_checked_for_shape(void **state)
{
	static const char json[] =
	    "{\"england-and-wales\":{\"events\":[{\"title\":\"A\",\"date\":"
	    "\"2023-06-01\"}]},\"scotland\":{\"division\":\"wrong\",\"events\":"
	    "[1,{\"date\":\"x\"}]},\"northern-ireland\":[]}";
	ukwd_calendar *cal;
	ukwd_diag diag;

	(void)state;
	if (skip_without_json())
		return;
	assert_int_equal(
	    import(json, strlen(json), UKWD_UK_ENGLAND_WALES, &diag, &cal), 0);
	assert_int_equal(count_holidays(cal), 1);
	ukwd_calendar_free(cal);
	assert_int_equal(import(json, strlen(json), UKWD_UK_ALL, &diag, NULL),
	                 UKWD_EPARSE);
	assert_string_equal(diag.source, "scotland");
}

/* Objects past the reader's linear check (16 keys) find duplicates with a
 * hash table: 5,000 keys, then the same with one repeated. */
static void
test_govuk_json__duplicates_are_found_among_thousands_of_keys(void **state)
{
	struct text t = {0};
	ukwd_diag diag;

	(void)state;
	if (skip_without_json())
		return;
	text_printf(&t, "{\"england-and-wales\":{\"events\":[{\"title\":\"A\","
	                "\"date\":\"2023-06-01\",\"x\":{");
	for (int i = 0; i < 5000; i++)
		text_printf(&t, "%s\n\"k%d\":{\"k%d\":%d}", i ? "," : "", i, i,
		            i);
	text_printf(&t, "}}]}}");
	assert_int_equal(
	    import(t.data, t.len, UKWD_UK_ENGLAND_WALES, &diag, NULL), 0);
	t.len -= 5; /* "}}]}}" */
	text_printf(&t, ",\n\"k4321\":0}}]}}");
	assert_int_equal(
	    import(t.data, t.len, UKWD_UK_ENGLAND_WALES, &diag, NULL),
	    UKWD_EPARSE);
	assert_int_equal(diag.line, 5002);
	assert_int_equal(diag.column, 7);
	assert_non_null(strstr(diag.message, "duplicate object key near "
	                                     "'\"k4321\"'"));
	free(t.data);
}

/* A generated file of every day of 2001-2039 as events, in ascending and
 * in descending order, with repeated names: each day imported with its
 * own name, and the years official. */
static void
check_many_events(int descending)
{
	ukwd_date first = ymd(2001, 1, 1), last = ymd(2039, 12, 31);
	static const char *const titles[] = {"Alpha", "Beta", "Gamma \\u00e9"};
	struct text t = {0};
	ukwd_calendar *cal;
	ukwd_diag diag;
	size_t n = (size_t)(last - first) + 1;

	text_printf(&t, "{\"england-and-wales\":{\"division\":"
	                "\"england-and-wales\",\"events\":[");
	for (size_t i = 0; i < n; i++) {
		ukwd_date d =
		    descending ? last - (ukwd_date)i : first + (ukwd_date)i;
		char date[UKWD_DATE_STRLEN];

		assert_int_equal(ukwd_date_format(date, sizeof(date), d), 0);
		text_printf(&t,
		            "%s{\"title\":\"%s\",\"date\":\"%s\",\"notes\":"
		            "\"%s\",\"bunting\":true}",
		            i ? "," : "", titles[d % 3], date,
		            d % 7 ? "" : "Substitute Day");
	}
	text_printf(&t, "]}}");
	assert_int_equal(
	    import(t.data, t.len, UKWD_UK_ENGLAND_WALES, &diag, &cal), 0);
	assert_int_equal(count_holidays(cal), n);
	for (ukwd_date d = first; d <= last; d++) {
		static const char *const names[] = {"Alpha", "Beta",
		                                    "Gamma \xC3\xA9"};
		char want[64];

		snprintf(want, sizeof(want), "%s%s", names[d % 3],
		         d % 7 ? "" : " (substitute day)");
		assert_string_equal(ukwd_calendar_holiday_name(cal, d), want);
	}
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(2001, 6, 1)),
	                 UKWD_PROVENANCE_OFFICIAL);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(2039, 6, 1)),
	                 UKWD_PROVENANCE_OFFICIAL);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(2040, 6, 1)),
	                 UKWD_PROVENANCE_NONE);
	ukwd_calendar_free(cal);
	free(t.data);
}

static void
test_govuk_json__many_events_in_either_order_import_exactly(void **state)
{
	(void)state;
	if (skip_without_json())
		return;
	check_many_events(0);
	check_many_events(1);
}

/* A file of one division (GOV.UK's page offers each alone) refines that
 * division inside gb, sec and uk, and the other divisions keep their
 * rules; a calendar of none of the file's divisions is refused. */
static void
test_govuk_json__one_division_refines_it_inside_a_set(void **state)
{
	static const char scotland_only[] =
	    "{\"scotland\":{\"division\":\"scotland\",\"events\":["
	    "{\"title\":\"Extra day\",\"date\":\"2030-06-17\",\"notes\":\"\","
	    "\"bunting\":false}]}}";
	static const unsigned int sets[] = {
	    UKWD_UK_GB, UKWD_UK_SEC, UKWD_UK_ALL,
	    UKWD_UK_SCOTLAND | UKWD_UK_NORTHERN_IRELAND};
	ukwd_holiday_file file = {"scotland.json", scotland_only,
	                          sizeof(scotland_only) - 1, 0};
	ukwd_calendar *cal = NULL, *rules = NULL, *scotland = NULL;
	ukwd_diag diag;

	(void)state;
	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		unsigned int others = sets[i] & ~UKWD_UK_SCOTLAND;

		assert_int_equal(ukwd_calendar_new_uk_files(&cal, sets[i], 2029,
		                                            2031, &file, 1,
		                                            &diag),
		                 0);
		assert_int_equal(
		    ukwd_calendar_new_uk(&rules, others, 2029, 2031), 0);
		assert_int_equal(
		    ukwd_calendar_new_uk_files(&scotland, UKWD_UK_SCOTLAND,
		                               2029, 2031, &file, 1, &diag),
		    0);
		/* The set is Scotland's official 2030 joined with the other
		 * divisions' rules: day by day over the three years. */
		for (ukwd_date d = day("2029-01-01"); d <= day("2031-12-31");
		     d++) {
			int want = ukwd_workday_is_working(rules, d) &&
			           ukwd_workday_is_working(scotland, d);

			if (ukwd_workday_is_working(cal, d) != want)
				fail_msg("set %u: day %ld wrong", sets[i],
				         (long)d);
		}
		/* The file's day, and St Andrew's Day 2030 gone from
		 * Scotland. */
		assert_int_equal(
		    ukwd_workday_is_working(scotland, day("2030-06-17")), 0);
		assert_int_equal(
		    ukwd_workday_is_working(scotland, day("2030-12-02")), 1);
		assert_int_equal(
		    ukwd_workday_is_working(cal, day("2030-06-17")), 0);
		ukwd_calendar_free(cal);
		ukwd_calendar_free(rules);
		ukwd_calendar_free(scotland);
	}
	/* None of the calendar's divisions in the file: refused. */
	assert_int_equal(ukwd_calendar_new_uk_files(
	                     &cal,
	                     UKWD_UK_ENGLAND_WALES | UKWD_UK_NORTHERN_IRELAND,
	                     2029, 2031, &file, 1, &diag),
	                 UKWD_EPARSE);
	assert_non_null(strstr(diag.message, "the file has no"));
	assert_int_equal(ukwd_calendar_new_uk_files(&cal, UKWD_UK_ENGLAND_WALES,
	                                            2029, 2031, &file, 1,
	                                            &diag),
	                 UKWD_EPARSE);
	assert_non_null(strstr(diag.message, "the file has no"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_govuk_json__escapes_and_surrogate_pairs_decode_to_utf8),
	    cmocka_unit_test(test_govuk_json__a_utf8_bom_is_ignored),
	    cmocka_unit_test(
	        test_govuk_json__one_division_refines_it_inside_a_set),
	    cmocka_unit_test(
	        test_govuk_json__unknown_keys_and_numbers_of_any_size_are_skipped),
	    cmocka_unit_test(
	        test_govuk_json__syntax_errors_name_their_line_and_byte_column),
	    cmocka_unit_test(
	        test_govuk_json__nesting_past_2048_levels_is_refused),
	    cmocka_unit_test(
	        test_govuk_json__shape_errors_name_the_line_and_column_of_the_value),
	    cmocka_unit_test(
	        test_govuk_json__shape_errors_come_in_the_order_they_are_checked),
	    cmocka_unit_test(
	        test_govuk_json__divisions_not_asked_for_are_not_checked_for_shape),
	    cmocka_unit_test(
	        test_govuk_json__duplicates_are_found_among_thousands_of_keys),
	    cmocka_unit_test(
	        test_govuk_json__many_events_in_either_order_import_exactly),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
