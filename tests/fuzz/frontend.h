/*
 * What the front-end fuzz targets share: an input split into arguments,
 * and stderr captured while a front-end's code runs, so that a target can
 * check its messages (one line each, naming the program) and the replay
 * driver still sees a silent run.
 */
#ifndef UKWD_FUZZ_FRONTEND_H
#define UKWD_FUZZ_FRONTEND_H

#include <stddef.h>
#include <stdint.h>

/* The most arguments an input may hold; longer inputs are skipped. */
#define FUZZ_MAX_ARGS 64

/* Split `data` at NUL bytes into a NULL-terminated argv whose argv[0] is
 * `program`. Returns argc, or -1 when the input holds more than
 * FUZZ_MAX_ARGS arguments or memory runs out. Free with fuzz_args_free. */
int fuzz_args_split(char ***argv, const uint8_t *data, size_t size,
                    const char *program);
void fuzz_args_free(char **argv);

/* Point the stderr stream at memory (and, with `quiet_stdout`, the stdout
 * stream at /dev/null) until fuzz_capture_end(), which restores them and
 * returns what was written to stderr (NUL-terminated, caller frees; ""
 * when nothing). The streams are swapped, not the descriptors: the
 * front-ends write only through them. Aborts if it cannot redirect: a
 * fuzz run that cannot check is not a run. */
void fuzz_capture_begin(int quiet_stdout);
char *fuzz_capture_end(size_t *length);

/* Run a front-end's option handling on the arguments in `data` (split as
 * by fuzz_args_split): `handle` parses and checks them, frees what it
 * made, and returns 0, CLI_HELP or 2. Aborts unless a refusal (2) is one
 * line "PROGRAM: ..." on stderr and anything else prints nothing. */
void fuzz_options(const uint8_t *data, size_t size, const char *program,
                  int (*handle)(int argc, char **argv));

/* Abort unless `text` is exactly one line "PROGRAM: ...\n". */
void fuzz_expect_one_line(const char *text, size_t length, const char *program);

/* Abort unless every line of `text` starts with "PROGRAM: ". */
void fuzz_expect_lines(const char *text, size_t length, const char *program);

#endif
