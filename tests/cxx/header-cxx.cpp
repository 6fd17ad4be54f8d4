// <ukwd.h> from C++ (issue 14): every public header compiles as C++11
// with -Wall -Wextra -pedantic and links against the C library, so the
// declarations carry C linkage and the _INIT macros are valid C++. It
// also calls one function of each kind and checks the answer, so a
// mangled name or a macro C++ cannot take fails here, not in a user's
// build.
#include <ukwd.h>

#include <cstdio>
#include <cstring>

static int failures;

static void
expect(bool ok, const char *what)
{
	if (!ok) {
		std::fprintf(stderr, "FAIL: %s\n", what);
		failures++;
	}
}

int
main()
{
	ukwd_date d = 0;
	ukwd_calendar *cal = nullptr;
	ukwd_render_options render = UKWD_RENDER_OPTIONS_INIT;
	ukwd_schedule_options schedule = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_uep_options uep = UKWD_UEP_OPTIONS_INIT;
	ukwd_notice_rule rule = UKWD_NOTICE_RULE_INIT;
	char text[UKWD_DATE_STRLEN];
	bool working = true;

	expect(render.version == UKWD_RENDER_OPTIONS_VERSION, "render init");
	expect(schedule.version == UKWD_SCHEDULE_OPTIONS_VERSION,
	       "schedule init");
	expect(uep.version == UKWD_UEP_OPTIONS_VERSION, "uep init");
	expect(rule.version == UKWD_NOTICE_RULE_VERSION, "notice rule init");
	expect(ukwd_date_parse(&d, "2023-12-25", nullptr) == 0, "parse");
	expect(ukwd_date_format(text, sizeof text, d) == 0 &&
	           std::strcmp(text, "2023-12-25") == 0,
	       "format");
	expect(ukwd_calendar_new_uk(&cal, UKWD_UK_ENGLAND_WALES, 2023, 2023) == 0,
	       "uk calendar");
	expect(ukwd_workday_check(&working, cal, d) == 0 && !working,
	       "Christmas Day 2023 is not a working day");
	expect(ukwd_workday_is_working(cal, d + 1) == 0, "Boxing Day 2023");
	expect(std::strcmp(ukwd_err_name(UKWD_ERANGE), "UKWD_ERANGE") == 0,
	       "error names");
	ukwd_calendar_free(cal);
	return failures ? 1 : 0;
}
