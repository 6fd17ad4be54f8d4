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

/* The first field of a CSV line (RFC 4180) starting at `at`, unquoted into
 * `field` (at most `room` bytes are kept); where the field ends (at the
 * ',' after it or at `end`), or NULL when a quote does not end its field
 * or text follows the closing quote. */
static const uint8_t *
csv_field(const uint8_t *at, const uint8_t *end, char *field, size_t room)
{
	size_t kept = 0;

	if (at < end && *at == '"') {
		for (at++;; at++) {
			if (at == end)
				return NULL; /* unterminated */
			if (*at == '"' && at + 1 < end && at[1] == '"')
				at++;
			else if (*at == '"')
				break;
			if (kept + 1 < room)
				field[kept++] = (char)*at;
		}
		at++;
		if (at < end && *at != ',')
			return NULL; /* text after the closing quote */
	} else {
		for (; at < end && *at != ','; at++)
			if (kept + 1 < room)
				field[kept++] = (char)*at;
	}
	field[kept] = '\0';
	return at;
}

/* Is the first line a header, as the batch reads it: no NUL byte in it
 * (a line with one is refused whole), and, up to its first CR or LF, a
 * first field "rule" (quoted or not) with no malformed field among the
 * first three (the reader stops looking after the third). */
static int
is_header(const uint8_t *data, size_t size)
{
	const uint8_t *newline = memchr(data, '\n', size);
	const uint8_t *end = newline ? newline : data + size;
	const uint8_t *at = data;
	char first[8];

	if (memchr(data, '\0', (size_t)(end - data)))
		return 0;
	for (const uint8_t *c = data; c < end; c++)
		if (*c == '\r') {
			end = c;
			break;
		}
	for (int n = 0; n < 3; n++) {
		char other[1];

		at = n == 0 ? csv_field(at, end, first, sizeof(first))
		            : csv_field(at, end, other, sizeof(other));
		if (!at)
			return 0;
		if (at == end)
			break;
		at++; /* the comma */
	}
	return strcmp(first, "rule") == 0;
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
	if (lines > 0 && is_header(data, size))
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
