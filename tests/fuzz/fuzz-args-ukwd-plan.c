/* libFuzzer target: ukwd-plan's own argument handling. The input is the
 * arguments, separated by NUL bytes. parse_options() and check_options()
 * turn all of their text (dates, numbers, names, --set overrides, UKWD_TODAY
 * when no date is given) into values without reading or writing a file;
 * each must either accept it silently or refuse it with one line on
 * stderr naming the program. */
#define main ukwd_plan_main
int ukwd_plan_main(int argc, char **argv);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#endif
#include "ukwd-plan.c"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#undef main

#include "frontend.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct options opt;
	char **argv, *text;
	size_t length;
	int argc, rc;

	argc = fuzz_args_split(&argv, data, size, PROGRAM);
	if (argc < 0)
		return 0;
	cli_program = PROGRAM;
	out_file = stdout; /* the front-end's one static; main sets it */
	fuzz_capture_begin(1);
	rc = parse_options(&opt, argc, argv);
	if (rc == 0)
		rc = check_options(&opt);
	free_options(&opt);
	text = fuzz_capture_end(&length);
	if (rc == 2)
		fuzz_expect_one_line(text, length, PROGRAM);
	else if ((rc != 0 && rc != CLI_HELP) || length != 0)
		abort();
	free(text);
	fuzz_args_free(argv);
	return 0;
}
