/*
 * An outside program using an installed libukwd (or libukwd as a Meson
 * subproject): built by .ci/run through pkg-config, CMake's
 * find_package(ukwd CONFIG) and a Meson wrap, then run. It checks one
 * answer from the library and that the headers and the library it ran
 * with are the same version, and runs a small schedule risk on two
 * threads: against a static libukwd that needs the threads and maths
 * libraries its package says it needs.
 */
#include <stdio.h>
#include <string.h>

#include <ukwd.h>

/* One task of 2 to 9 working days, 1000 iterations on two threads: its
 * P100 finish is at most 9 working days on. */
static int
risk(void)
{
	ukwd_risk_options options = UKWD_RISK_OPTIONS_INIT;
	ukwd_calendar *cal = NULL;
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_risk *risk = NULL;
	ukwd_date start = 0;
	size_t task;
	int rc;

	rc = ukwd_calendar_new_uk(&cal, UKWD_UK_ENGLAND_WALES, 2023, 2023);
	if (rc == 0)
		rc = ukwd_plan_new(&plan);
	if (rc == 0)
		rc = ukwd_plan_add_task(&task, plan, "t", "t", 5, NULL);
	if (rc == 0)
		rc = ukwd_plan_set_estimate(plan, task, 2, 5, 9, NULL);
	if (rc == 0)
		rc = ukwd_date_parse(&start, "2023-01-09", NULL);
	if (rc == 0)
		rc = ukwd_schedule_new(&sched, plan, cal, start, NULL, NULL);
	options.iterations = 1000;
	options.threads = 2;
	if (rc == 0)
		rc = ukwd_risk_new(&risk, sched, &options, NULL);
	if (rc == 0)
		printf("risk: %lu iterations\n",
		       (unsigned long)ukwd_risk_iterations(risk));
	ukwd_risk_free(risk);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
	if (rc != 0)
		fprintf(stderr, "consumer: risk: %s\n", ukwd_strerror(rc));
	return rc == 0 ? 0 : 1;
}

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
	if (strcmp(text, "2023-05-09") != 0)
		return 1;
	return risk();
}
