/* libFuzzer target: ukwd-cal --batch lines. The first byte picks the
 * command (is, add or count), the rest is standard input. Checks that
 * every input line gets exactly one answer line, that every message is
 * one line naming the program, and that the status is 0, 1 or 2. */
#define main ukwd_cal_main
int ukwd_cal_main(int argc, char **argv);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#endif
#include "ukwd-cal.c"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#undef main

#include "frontend.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum command batch_commands[] = {CMD_IS, CMD_ADD,
	                                              CMD_COUNT};
	static ukwd_calendar *cal;
	FILE *in, *out;
	char *output = NULL, *text;
	size_t output_size = 0, length, lines = 0, answers = 0;
	int rc;

	cli_program = PROGRAM;
	if (!cal) {
		struct cli_holidays none = {NULL, 0, NULL};

		if (cli_calendar(&cal, &none, UKWD_UK_SEC, UKWD_UK_FIRST_YEAR,
		                 UKWD_UK_LAST_YEAR))
			abort();
	}
	if (size < 1)
		return 0;
	for (size_t i = 1; i < size; i++)
		if (data[i] == '\n')
			lines++;
	if (size > 1 && data[size - 1] != '\n')
		lines++;
	/* fmemopen() wants a buffer of at least one byte. */
	in = size > 1 ? fmemopen((void *)(uintptr_t)(data + 1), size - 1, "r")
	              : fopen("/dev/null", "r");
	out = open_memstream(&output, &output_size);
	if (!in || !out)
		abort();
	fuzz_capture_begin(0);
	rc = run_batch(cal, batch_commands[data[0] % 3], in, out);
	text = fuzz_capture_end(&length);
	fclose(in);
	fclose(out);
	if (rc < 0 || rc > 2)
		abort();
	fuzz_expect_lines(text, length, PROGRAM);
	for (size_t i = 0; i < output_size; i++)
		if (output[i] == '\n')
			answers++;
	if (answers != lines ||
	    (output_size && output[output_size - 1] != '\n'))
		abort();
	free(text);
	free(output);
	return 0;
}
