/*
 * An outside program using an installed libukwd (or libukwd as a Meson
 * subproject): built by .ci/run through pkg-config, CMake's
 * find_package(ukwd CONFIG) and a Meson wrap, then run. It checks one
 * answer from the library and that the headers and the library it ran
 * with are the same version.
 */
#include <stdio.h>
#include <string.h>

#include <ukwd.h>

int
main(void)
{
	ukwd_calendar *cal;
	ukwd_date friday, answer;
	char text[UKWD_DATE_STRLEN];
	int rc;

	if (strcmp(ukwd_version(), UKWD_VERSION_STRING) != 0) {
		fprintf(stderr, "consumer: headers %s, library %s\n",
		        UKWD_VERSION_STRING, ukwd_version());
		return 1;
	}
	rc = ukwd_calendar_new_uk(&cal, UKWD_UK_ENGLAND_WALES, 2023, 2023);
	if (rc != 0) {
		fprintf(stderr, "consumer: calendar: %s\n", ukwd_strerror(rc));
		return 1;
	}
	/* Monday 8 May 2023 was the coronation bank holiday. */
	rc = ukwd_date_parse(&friday, "2023-05-05", NULL);
	if (rc == 0)
		rc = ukwd_workday_add(&answer, cal, friday, 1);
	if (rc == 0)
		rc = ukwd_date_format(text, sizeof(text), answer);
	ukwd_calendar_free(cal);
	if (rc != 0) {
		fprintf(stderr, "consumer: %s\n", ukwd_strerror(rc));
		return 1;
	}
	printf("libukwd %s: 1 working day after 2023-05-05 is %s\n",
	       ukwd_version(), text);
	return strcmp(text, "2023-05-09") == 0 ? 0 : 1;
}
