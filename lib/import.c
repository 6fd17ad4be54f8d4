/* Which importer reads a holiday file, and UK calendars with files
 * applied (ukwd_calendar_new_uk_files): the dispatcher over ical.c and
 * govuk-json.c, which share the named-days list of days.h. */
#include <stdio.h>
#include <string.h>

#include "ukwd/uk.h"
#include "ukwd/ical.h"
#include "internal.h"

/* Apply one file to one division's builder. `held`: the divisions a
 * GOV.UK JSON file holds, when the calendar has more than one. */
static int
apply_file(ukwd_calendar_builder *b, unsigned int division,
           unsigned int divisions, unsigned int held,
           const ukwd_holiday_file *file, ukwd_diag *diag)
{
	switch (ukwd_holidays_detect(file->data, file->size)) {
	case UKWD_HOLIDAYS_GOVUK_JSON:
		/* A file of one division (GOV.UK's page offers each alone)
		 * refines that division inside gb, sec or uk and leaves the
		 * others to the rules; one holding none of the calendar's
		 * divisions is refused by the import, which names one. */
		if ((held & divisions) && !(held & division))
			return 0;
		return ukwd_govuk_json_import(b, file->data, file->size,
		                              division, UKWD_IMPORT_OFFICIAL,
		                              diag);
	case UKWD_HOLIDAYS_ICAL:
		if (file->division && !(file->division & division))
			return 0;
		return ukwd_ical_import(
		    b, file->data, file->size,
		    file->division ? UKWD_IMPORT_OFFICIAL : 0, diag);
	case UKWD_HOLIDAYS_UNKNOWN:
	default:
		return ukwd__diag_set(diag, UKWD_EPARSE, 1, 1,
		                      "neither GOV.UK JSON nor iCalendar");
	}
}

/* Name the file in diag.source, keeping a JSON division in the text. */
static void
diag_name_file(ukwd_diag *diag, const char *name)
{
	char message[sizeof(diag->message)];

	if (!diag || !name)
		return;
	if (diag->source[0]) {
		snprintf(message, sizeof(message), "%.60s: %.97s", diag->source,
		         diag->message);
		memcpy(diag->message, message, sizeof(message));
	}
	snprintf(diag->source, sizeof(diag->source), "%s", name);
}

int
ukwd_calendar_new_uk_files(ukwd_calendar **out, unsigned int divisions,
                           int first_year, int last_year,
                           const ukwd_holiday_file *files, size_t count,
                           ukwd_diag *diag)
{
	ukwd_calendar *result = NULL;
	unsigned int *held = NULL;
	int rc = 0;

	ukwd__diag_clear(diag);
	if (!out || (count && !files))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no calendar or files given (NULL)");
	if (divisions == 0 || (divisions & ~UKWD_UK_ALL))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no division, or an unknown one");
	if (count == 0)
		return ukwd_calendar_new_uk(out, divisions, first_year,
		                            last_year);
	/* Which divisions each GOV.UK JSON file holds, read once, for a
	 * calendar of more than one. */
	if (divisions & (divisions - 1)) {
		held = ukwd__calloc(count, sizeof(*held));
		if (!held)
			return ukwd__diag_set(diag, UKWD_ENOMEM, 0, 0,
			                      "out of memory");
		for (size_t i = 0; i < count; i++)
			if (ukwd_holidays_detect(files[i].data,
			                         files[i].size) ==
			    UKWD_HOLIDAYS_GOVUK_JSON)
				held[i] = ukwd__govuk_json_divisions(
				    files[i].data, files[i].size);
	}
	for (unsigned int division = 1;
	     division <= UKWD_UK_NORTHERN_IRELAND && rc == 0; division <<= 1) {
		ukwd_calendar_builder *b;
		ukwd_calendar *part, *joined;

		if (!(divisions & division))
			continue;
		rc = ukwd_calendar_builder_new_uk(&b, division, first_year,
		                                  last_year);
		if (rc)
			break;
		for (size_t i = 0; i < count && rc == 0; i++) {
			rc = apply_file(b, division, divisions,
			                held ? held[i] : 0, &files[i], diag);
			if (rc)
				diag_name_file(diag, files[i].name);
		}
		if (rc == 0)
			rc = ukwd_calendar_build(&part, b, diag);
		ukwd_calendar_builder_free(b);
		if (rc)
			break;
		if (!result) {
			result = part;
			continue;
		}
		rc = ukwd_calendar_union(&joined, result, part);
		ukwd_calendar_free(part);
		ukwd_calendar_free(result);
		result = rc ? NULL : joined;
	}
	ukwd__free(held);
	if (rc) {
		ukwd_calendar_free(result);
		return rc;
	}
	*out = result;
	return 0;
}
