/* libFuzzer target: ukwd-notice's own argument handling. The input is the
 * arguments, separated by NUL bytes. parse_options() and check_options()
 * turn all of their text into values without I/O; each must either accept
 * it silently or refuse it with one line on stderr naming the program. */
#define main ukwd_notice_main
int ukwd_notice_main(int argc, char **argv);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#endif
#include "ukwd-notice.c"
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
