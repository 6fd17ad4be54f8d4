#include <stdio.h>
#include <string.h>

#include "ukwd/uk.h"
#include "ukwd/ical.h"
#include "import.h"
#include "internal.h"

void
ukwd__import_free(struct ukwd__import *imp)
{
	for (size_t i = 0; i < imp->nowned; i++)
		ukwd__free(imp->owned[i]);
	ukwd__free(imp->owned);
	ukwd__free(imp->range);
	memset(imp, 0, sizeof(*imp));
}

int
ukwd__import_add_range(struct ukwd__import *imp, ukwd_date first,
                       ukwd_date last, const char *name)
{
	size_t days;
	struct ukwd__import_range *tail =
	    imp->count ? &imp->range[imp->count - 1] : NULL;

	if (!name)
		name = "";
	if (last < first)
		return UKWD_EINVAL;
	days = (size_t)((long long)last - first) + 1;
	if (days > UKWD__IMPORT_MAX_DAYS - imp->days)
		return ukwd__diag_set(
		    imp->diag, UKWD_ERANGE, 0, 0,
		    "more than %d days of holidays in one file (every day of "
		    "every event counts)",
		    UKWD__IMPORT_MAX_DAYS);
	if (tail && tail->name == name && (long long)tail->last + 1 == first) {
		tail->last = last;
		imp->days += days;
		return 0;
	}
	if (imp->count == imp->capacity) {
		size_t capacity = imp->capacity ? imp->capacity * 2 : 64;
		struct ukwd__import_range *grown =
		    ukwd__realloc(imp->range, capacity * sizeof(*grown));

		if (!grown)
			return UKWD_ENOMEM;
		imp->range = grown;
		imp->capacity = capacity;
	}
	imp->range[imp->count++] =
	    (struct ukwd__import_range){first, last, name};
	imp->days += days;
	return 0;
}

int
ukwd__import_add(struct ukwd__import *imp, ukwd_date d, const char *name)
{
	return ukwd__import_add_range(imp, d, d, name);
}

int
ukwd__import_own(struct ukwd__import *imp, char *name)
{
	char **grown =
	    ukwd__realloc(imp->owned, (imp->nowned + 1) * sizeof(*grown));

	if (!grown) {
		ukwd__free(name);
		return UKWD_ENOMEM;
	}
	imp->owned = grown;
	imp->owned[imp->nowned++] = name;
	return 0;
}

/* Official data is the truth for the years that hold its days (a file
 * with days in 2012 and 2030 only says nothing of 2013-2029): in each run
 * of such years the builder's weekday holidays go and the years become
 * official. */
static int
make_official(ukwd_calendar_builder *work, const struct ukwd__import *imp)
{
	unsigned char *covered = ukwd__calloc(10000, 1);
	int rc = 0;

	if (!covered)
		return UKWD_ENOMEM;
	for (size_t i = 0; i < imp->count; i++) {
		int first, last;

		ukwd_date_to_ymd(imp->range[i].first, &first, NULL, NULL);
		ukwd_date_to_ymd(imp->range[i].last, &last, NULL, NULL);
		for (int y = first; y <= last; y++)
			covered[y] = 1;
	}
	for (int first = 1; rc == 0 && first <= 9999; first++) {
		int last = first;

		if (!covered[first])
			continue;
		while (last < 9999 && covered[last + 1])
			last++;
		rc = ukwd__builder_remove_weekday_holidays(
		    work, ukwd__days_from_civil(first, 1, 1),
		    ukwd__days_from_civil(last, 12, 31));
		if (rc == 0)
			rc = ukwd_calendar_builder_set_provenance(
			    work, first, last, UKWD_PROVENANCE_OFFICIAL);
		first = last;
	}
	ukwd__free(covered);
	return rc;
}

int
ukwd__import_apply(ukwd_calendar_builder *b, const struct ukwd__import *imp,
                   unsigned int flags)
{
	ukwd_calendar_builder *work;
	int rc;

	rc = ukwd__builder_clone(&work, b);
	if (rc)
		return rc;
	if (flags & UKWD_IMPORT_OFFICIAL)
		rc = make_official(work, imp);
	for (size_t i = 0; rc == 0 && i < imp->count; i++)
		rc = ukwd__builder_add_range(work, imp->range[i].first,
		                             imp->range[i].last,
		                             imp->range[i].name);
	if (rc == 0)
		ukwd__builder_swap(b, work);
	ukwd_calendar_builder_free(work);
	return rc;
}

ukwd_holidays_format
ukwd_holidays_detect(const char *data, size_t size)
{
	static const char begin[] = "BEGIN:VCALENDAR";
	size_t at = 0;

	if (!data)
		return UKWD_HOLIDAYS_UNKNOWN;
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	while (at < size && (data[at] == ' ' || data[at] == '\t' ||
	                     data[at] == '\r' || data[at] == '\n'))
		at++;
	if (at < size && data[at] == '{')
		return UKWD_HOLIDAYS_GOVUK_JSON;
	if (size - at >= sizeof(begin) - 1) {
		for (size_t i = 0; i < sizeof(begin) - 1; i++) {
			char c = data[at + i];

			if (c >= 'a' && c <= 'z')
				c = (char)(c - 'a' + 'A');
			if (c != begin[i])
				return UKWD_HOLIDAYS_UNKNOWN;
		}
		return UKWD_HOLIDAYS_ICAL;
	}
	return UKWD_HOLIDAYS_UNKNOWN;
}

/* Apply one file to one division's builder. */
static int
apply_file(ukwd_calendar_builder *b, unsigned int division,
           const ukwd_holiday_file *file, ukwd_diag *diag)
{
	switch (ukwd_holidays_detect(file->data, file->size)) {
	case UKWD_HOLIDAYS_GOVUK_JSON:
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
			rc = apply_file(b, division, &files[i], diag);
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
	if (rc) {
		ukwd_calendar_free(result);
		return rc;
	}
	*out = result;
	return 0;
}
