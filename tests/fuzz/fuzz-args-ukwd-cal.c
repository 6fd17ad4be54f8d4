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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct options opt;
	char **argv, *text;
	size_t len;
	int argc, rc;

	argc = fuzz_args_split(&argv, data, size, PROGRAM);
	if (argc < 0)
		return 0;
	cli_program = PROGRAM;
	fuzz_capture_begin(1);
	rc = parse_options(&opt, argc, argv);
	if (rc == 0)
		rc = check_options(&opt);
	cli_holidays_free(&opt.holidays);
	fuzz_args_free(argv);
	text = fuzz_capture_end(&len);
	if (rc == 2)
		fuzz_expect_one_line(text, len, PROGRAM);
	else if (rc != 0 && rc != CLI_HELP)
		abort();
	else if (len != 0)
		abort();
	free(text);
	return 0;
}
