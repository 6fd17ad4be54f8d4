/* GOV.UK bank-holidays.json import. The only file that includes jansson. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/ical.h"
#include "ukwd/uk.h"
#include "import.h"
#include "internal.h"

#if UKWD_HAVE_JANSSON

#include <jansson.h>

static int json_error_at(ukwd_diag *diag, const char *division, const char *fmt,
                         ...) UKWD__PRINTF(3, 4);

/* A shape error: diag.source names the division (when there is one). */
static int
json_error_at(ukwd_diag *diag, const char *division, const char *fmt, ...)
{
	va_list ap;

	if (!diag)
		return UKWD_EPARSE;
	diag->code = UKWD_EPARSE;
	va_start(ap, fmt);
	vsnprintf(diag->message, sizeof(diag->message), fmt, ap);
	va_end(ap);
	if (division)
		snprintf(diag->source, sizeof(diag->source), "%s", division);
	return UKWD_EPARSE;
}

/* "Title (notes in lower case)", as GOV.UK's page shows an event. */
static int
event_name(struct ukwd__import *imp, const char *title, const char *notes,
           const char **out)
{
	size_t len_t = strlen(title), len_n = notes ? strlen(notes) : 0;
	char *name;

	if (!len_n) {
		*out = title;
		return 0;
	}
	name = ukwd__malloc(len_t + len_n + 4);
	if (!name)
		return UKWD_ENOMEM;
	memcpy(name, title, len_t);
	memcpy(name + len_t, " (", 2);
	for (size_t i = 0; i < len_n; i++) {
		char c = notes[i];

		name[len_t + 2 + i] =
		    (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	memcpy(name + len_t + 2 + len_n, ")", 2);
	*out = name;
	return ukwd__import_own(imp, name);
}

static int
import_division(struct ukwd__import *imp, const char *division, json_t *value,
                ukwd_diag *diag)
{
	json_t *events, *label;
	size_t index;
	json_t *event;

	if (!json_is_object(value))
		return json_error_at(diag, division, "%s",
		                     "the division is not a JSON object");
	label = json_object_get(value, "division");
	if (label && (!json_is_string(label) ||
	              strcmp(json_string_value(label), division) != 0))
		return json_error_at(diag, division, "%s",
		                     "its \"division\" does not match its "
		                     "key");
	events = json_object_get(value, "events");
	if (!json_is_array(events))
		return json_error_at(diag, division, "%s",
		                     "no \"events\" array");
	json_array_foreach(events, index, event)
	{
		json_t *title = json_object_get(event, "title");
		json_t *date = json_object_get(event, "date");
		json_t *notes = json_object_get(event, "notes");
		const char *name;
		ukwd_diag date_diag;
		ukwd_date d;
		int rc;

		if (!json_is_object(event))
			return json_error_at(diag, division, "event %zu: %s",
			                     index, "not a JSON object");
		if (!json_is_string(title) || json_string_length(title) == 0)
			return json_error_at(diag, division, "event %zu: %s",
			                     index, "no \"title\" string");
		if (!json_is_string(date))
			return json_error_at(diag, division, "event %zu: %s",
			                     index, "no \"date\" string");
		if (notes && !json_is_string(notes))
			return json_error_at(diag, division, "event %zu: %s",
			                     index,
			                     "\"notes\" is not a string");
		if (ukwd_date_parse(&d, json_string_value(date), &date_diag))
			return json_error_at(diag, division,
			                     "event %zu: bad \"date\": %s",
			                     index, date_diag.message);
		rc = event_name(imp, json_string_value(title),
		                notes ? json_string_value(notes) : NULL, &name);
		if (rc == 0)
			rc = ukwd__import_add(imp, d, name);
		if (rc)
			return rc;
	}
	return 0;
}

int
ukwd_govuk_json_import(ukwd_calendar_builder *b, const char *data, size_t size,
                       unsigned int divisions, unsigned int flags,
                       ukwd_diag *diag)
{
	struct ukwd__import imp = {0};
	ukwd_date first, last;
	json_error_t error;
	json_t *root, *value;
	const char *key;
	unsigned int found = 0;
	int rc = 0;

	ukwd__diag_clear(diag);
	if (!b || !data || (flags & ~UKWD_IMPORT_OFFICIAL) || !divisions ||
	    (divisions & ~UKWD_UK_ALL))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no builder or data, no division, or "
		                      "unknown flags");
	if (ukwd__builder_range(b, &first, &last))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "set the builder's range before "
		                      "importing");
	root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &error);
	if (!root)
		return ukwd__diag_set(diag, UKWD_EPARSE, error.line,
		                      error.column, "not JSON: %s", error.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return ukwd__diag_set(diag, UKWD_EPARSE, 1, 1,
		                      "not GOV.UK's bank-holidays.json: the "
		                      "top level is not an object");
	}
	json_object_foreach(root, key, value)
	{
		unsigned int division = 0;

		if (ukwd_uk_division_parse(&division, key, NULL) ||
		    !ukwd_uk_division_name(division)) {
			rc = json_error_at(diag, key,
			                   "unknown division \"%.60s\"", key);
			break;
		}
		found |= division;
		if (!(divisions & division))
			continue;
		rc = import_division(&imp, key, value, diag);
		if (rc)
			break;
	}
	if (rc == 0 && (divisions & ~found)) {
		unsigned int missing = divisions & ~found;

		rc = json_error_at(
		    diag, NULL, "the file has no \"%s\"",
		    ukwd_uk_division_name(missing & (0u - missing)));
	}
	if (rc == 0)
		rc = ukwd__import_apply(b, &imp, flags);
	ukwd__import_free(&imp);
	json_decref(root);
	return rc;
}

#else /* !UKWD_HAVE_JANSSON */

int
ukwd_govuk_json_import(ukwd_calendar_builder *b, const char *data, size_t size,
                       unsigned int divisions, unsigned int flags,
                       ukwd_diag *diag)
{
	(void)b;
	(void)data;
	(void)size;
	(void)divisions;
	(void)flags;
	ukwd__diag_clear(diag);
	return ukwd__diag_set(diag, UKWD_ENOTSUPPORTED, 0, 0,
	                      "libukwd was built without jansson");
}

#endif
