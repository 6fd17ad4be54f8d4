#include "frontend.h"

#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
fuzz_args_split(char ***out, const uint8_t *data, size_t size,
                const char *program)
{
	char **argv;
	char *copy;
	size_t name_size;
	int argc = 1;

	for (size_t i = 0; i < size; i++)
		if (data[i] == '\0' && ++argc > FUZZ_MAX_ARGS)
			return -1;
	if (size > 0)
		argc++;
	if (argc > FUZZ_MAX_ARGS + 1)
		return -1;
	/* One block: the pointers, a NUL-terminated copy of the data, then
	 * one of the program name (argv's strings are writable, as main's). */
	name_size = strlen(program) + 1;
	argv =
	    malloc((size_t)(argc + 1) * sizeof(*argv) + size + 1 + name_size);
	if (!argv)
		return -1;
	copy = (char *)(argv + argc + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[0] = memcpy(copy + size + 1, program, name_size);
	argc = 1;
	if (size > 0) {
		argv[argc++] = copy;
		for (size_t i = 0; i < size; i++)
			if (copy[i] == '\0')
				argv[argc++] = copy + i + 1;
	}
	argv[argc] = NULL;
	*out = argv;
	return argc;
}

void
fuzz_args_free(char **argv)
{
	free(argv);
}

/* The streams are swapped, not the descriptors: the front-ends write
 * through the stderr and stdout streams, and unbuffered stderr on a file
 * cost one write(2) per character (cli_error's putc), 70 % of a
 * fuzz-cal-batch run. A memory stream makes no system call at all. */
static FILE *real_stderr, *real_stdout, *null_out;
static char *captured;
static size_t captured_length;

void
fuzz_capture_begin(int quiet_stdout)
{
	FILE *capture;

	fflush(stdout);
	fflush(stderr);
	captured = NULL;
	captured_length = 0;
	capture = open_memstream(&captured, &captured_length);
	if (!capture)
		abort();
	real_stderr = stderr;
	stderr = capture;
	if (quiet_stdout) {
		if (!null_out) {
			null_out = fopen("/dev/null", "w");
			if (!null_out ||
			    setvbuf(null_out, NULL, _IOFBF, 1 << 16) != 0)
				abort();
		}
		real_stdout = stdout;
		stdout = null_out;
	}
}

char *
fuzz_capture_end(size_t *length)
{
	char *text;

	if (real_stdout) {
		fflush(stdout);
		stdout = real_stdout;
		real_stdout = NULL;
	}
	/* fclose() leaves the text NUL-terminated in `captured`. */
	if (fclose(stderr) != 0 || !captured)
		abort();
	stderr = real_stderr;
	text = captured;
	*length = captured_length;
	captured = NULL;
	return text;
}

void
fuzz_expect_one_line(const char *text, size_t length, const char *program)
{
	size_t prefix = strlen(program);

	if (length < prefix + 3 || strncmp(text, program, prefix) != 0 ||
	    text[prefix] != ':' || text[prefix + 1] != ' ' ||
	    memchr(text, '\n', length) != text + length - 1) {
		fprintf(stderr, "expected one line from %s, got: %.*s\n",
		        program, (int)(length > 500 ? 500 : length), text);
		abort();
	}
}

void
fuzz_expect_lines(const char *text, size_t length, const char *program)
{
	const char *end = text + length;

	for (const char *line = text; line < end;) {
		const char *newline = memchr(line, '\n', (size_t)(end - line));

		if (!newline)
			newline = end - 1; /* let the check below fail */
		fuzz_expect_one_line(line, (size_t)(newline - line + 1),
		                     program);
		line = newline + 1;
	}
}

void
fuzz_options(const uint8_t *data, size_t size, const char *program,
             int (*handle)(int argc, char **argv))
{
	char **argv, *text;
	size_t length;
	int argc, rc;

	argc = fuzz_args_split(&argv, data, size, program);
	if (argc < 0)
		return;
	cli_program = program;
	fuzz_capture_begin(1);
	rc = handle(argc, argv);
	text = fuzz_capture_end(&length);
	if (rc == 2)
		fuzz_expect_one_line(text, length, program);
	else if ((rc != 0 && rc != CLI_HELP) || length != 0)
		abort();
	free(text);
	fuzz_args_free(argv);
}
