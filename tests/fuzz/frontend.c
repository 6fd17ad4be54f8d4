#include "frontend.h"

#include "cli.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
fuzz_args_split(char ***out, const uint8_t *data, size_t size,
                const char *program)
{
	char **argv;
	char *copy;
	int argc = 1;

	for (size_t i = 0; i < size; i++)
		if (data[i] == '\0' && ++argc > FUZZ_MAX_ARGS)
			return -1;
	if (size > 0)
		argc++;
	if (argc > FUZZ_MAX_ARGS + 1)
		return -1;
	/* One block: the pointers, then a NUL-terminated copy of the data. */
	argv = malloc((size_t)(argc + 1) * sizeof(*argv) + size + 1);
	if (!argv)
		return -1;
	copy = (char *)(argv + argc + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[0] = (char *)program;
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

static FILE *capture;
static int saved_stderr = -1, saved_stdout = -1;

void
fuzz_capture_begin(int quiet_stdout)
{
	fflush(stdout);
	fflush(stderr);
	if (!capture && !(capture = tmpfile()))
		abort();
	if (ftruncate(fileno(capture), 0) != 0)
		abort();
	rewind(capture);
	saved_stderr = dup(STDERR_FILENO);
	if (saved_stderr < 0 || dup2(fileno(capture), STDERR_FILENO) < 0)
		abort();
	if (quiet_stdout) {
		static int null_fd = -1;

		if (null_fd < 0 && (null_fd = open("/dev/null", O_WRONLY)) < 0)
			abort();
		saved_stdout = dup(STDOUT_FILENO);
		if (saved_stdout < 0 || dup2(null_fd, STDOUT_FILENO) < 0)
			abort();
	}
}

char *
fuzz_capture_end(size_t *length)
{
	long size;
	char *text;

	fflush(stdout);
	fflush(stderr);
	if (dup2(saved_stderr, STDERR_FILENO) < 0)
		abort();
	close(saved_stderr);
	saved_stderr = -1;
	if (saved_stdout >= 0) {
		if (dup2(saved_stdout, STDOUT_FILENO) < 0)
			abort();
		close(saved_stdout);
		saved_stdout = -1;
	}
	/* The file offset is shared with the dup'ed descriptor. */
	size = lseek(fileno(capture), 0, SEEK_CUR);
	if (size < 0 || !(text = malloc((size_t)size + 1)))
		abort();
	if (pread(fileno(capture), text, (size_t)size, 0) != size)
		abort();
	text[size] = '\0';
	*length = (size_t)size;
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
