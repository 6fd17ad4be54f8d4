/* libFuzzer target: ukwd-cal's argument handling. The input is the
 * command line, arguments separated by NUL bytes; parse_options() and
 * check_options() read it as ukwd-cal does. They must return 0, CLI_HELP
 * or 2, and say nothing on stderr unless they return 2, when they say
 * exactly one line "ukwd-cal: ...". check_options() is pure, so no input
 * reads a file, builds a calendar or writes one. */
#include <stdint.h>
#include <stdlib.h>

#include "frontend.h"

#define main ukwd_cal_main
int ukwd_cal_main(int argc, char **argv);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "ukwd-cal.c"
#pragma GCC diagnostic pop
#undef main

/* parse_options() and check_options(), as main() runs them. */
static int
handle(int argc, char **argv)
{
	struct options opt;
	int rc;

	rc = parse_options(&opt, argc, argv);
	if (rc == 0)
		rc = check_options(&opt);
	cli_holidays_free(&opt.holidays);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_options(data, size, PROGRAM, handle);
	return 0;
}
