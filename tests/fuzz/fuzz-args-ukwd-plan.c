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

/* parse_options() and check_options(), as main() runs them. */
static int
handle(int argc, char **argv)
{
	struct options opt;
	int rc;

	out_file = stdout; /* the front-end's one static; main sets it */
	rc = parse_options(&opt, argc, argv);
	if (rc == 0)
		rc = check_options(&opt);
	free_options(&opt);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_options(data, size, PROGRAM, handle);
	return 0;
}
