/* libFuzzer target: ukwd-notice --batch lines. The first byte picks the
 * options (bit 0: a 17:00 cut-off), the rest is standard input. Checks
 * that every input line gets exactly one output row of ten CSV fields
 * after the header, that every message is one line naming the program
 * and its line, and that the status is 0, 1 or 2. */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fields in one CSV row (RFC 4180 quoting), or -1 if it is malformed. */
static int
csv_fields(const char *row, size_t length)
{
	int fields = 1, quoted = 0;

	for (size_t i = 0; i < length; i++) {
		if (quoted) {
			if (row[i] == '"') {
				if (i + 1 < length && row[i + 1] == '"')
					i++;
				else
					quoted = 0;
			}
		} else if (row[i] == '"') {
			if (i > 0 && row[i - 1] != ',')
				return -1;
			quoted = 1;
		} else if (row[i] == ',') {
			fields++;
		} else if (i > 0 && row[i - 1] == '"') {
			return -1; /* text after a closing quote */
		}
	}
	return quoted ? -1 : fields;
}

/* Input lines as getline() reads them, less a header line. */
static size_t
input_rows(const uint8_t *data, size_t size)
{
	size_t lines = 0;

	for (size_t i = 0; i < size; i++)
		if (data[i] == '\n')
			lines++;
	if (size > 0 && data[size - 1] != '\n')
		lines++;
	/* split_fields() ends a line at its first CR or LF and at a NUL. */
	if (lines > 0 && size >= 4 && memcmp(data, "rule", 4) == 0 &&
	    (size == 4 || data[4] == ',' || data[4] == '\n' ||
	     data[4] == '\r' || data[4] == '\0'))
		lines--;
	return lines;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static ukwd_calendar *cal;
	struct options opt;
	FILE *in, *out;
	char *output = NULL, *text;
	size_t output_size = 0, length, rows = 0;
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
	memset(&opt, 0, sizeof(opt));
	opt.batch = 1;
	opt.cutoff_minutes = (data[0] & 1) ? 17 * 60 : -1;
	data++;
	size--;
	/* fmemopen() wants a buffer of at least one byte. */
	in = size ? fmemopen((void *)(uintptr_t)data, size, "r")
	          : fopen("/dev/null", "r");
	out = open_memstream(&output, &output_size);
	if (!in || !out)
		abort();
	fuzz_capture_begin(0);
	rc = run_batch(cal, &opt, in, out);
	text = fuzz_capture_end(&length);
	fclose(in);
	fclose(out);
	if (rc < 0 || rc > 2)
		abort();
	fuzz_expect_lines(text, length, PROGRAM);
	for (char *row = output, *end = output + output_size; row < end;) {
		char *newline = memchr(row, '\n', (size_t)(end - row));

		if (!newline || csv_fields(row, (size_t)(newline - row)) != 10)
			abort();
		rows++;
		row = newline + 1;
	}
	if (rows != input_rows(data, size) + 1)
		abort();
	free(text);
	free(output);
	return 0;
}
