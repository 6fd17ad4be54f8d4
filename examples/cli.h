/*
 * What the front-ends share: one-line errors, number parsing, CSV quoting,
 * --holidays files and the calendar built from them, and writing an
 * --output file through a temporary file and a rename. Uses only
 * <ukwd.h>.
 */
#ifndef UKWD_EXAMPLES_CLI_H
#define UKWD_EXAMPLES_CLI_H

#include <stdint.h>
#include <stdio.h>

#include <ukwd.h>

/* The program's name in messages; each main() sets it. */
extern const char *cli_program;

/* What an option parser returns for --help: the caller prints the usage
 * on stdout and exits 0. Parsers never exit themselves. */
#define CLI_HELP (-1)

/* The largest file a front-end reads whole: larger (or endless, such as
 * /dev/zero) is an error, not an exhausted machine. */
#define CLI_FILE_LIMIT ((size_t)256 << 20)

/* "PROGRAM: message", one line on stderr (control characters in the
 * message, from a quoted argument say, are escaped); returns 2. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "PROGRAM: message (see PROGRAM --help)", one line on stderr, escaped as
 * by cli_error(); returns 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A whole decimal number in int32_t range, nothing else; 0 or -1. */
int cli_parse_int32(int32_t *out, const char *text);

/* An option's value from "--name=value" or the next argument; NULL if
 * there is none. *i moves past a value taken from the next argument. */
const char *cli_option_value(int argc, char **argv, int *i, const char *arg,
                             size_t name_length);

/* Names from files (task names, holiday names) on stdout follow one rule,
 * libukwd's renderers' (render.h): each byte that is not well-formed
 * UTF-8 and each control character (C0 with tab and newline, DEL, C1)
 * is written as U+FFFD, so a name can neither split a line or a record
 * nor send an escape sequence to a terminal. */
void cli_put_clean(FILE *out, const char *text, size_t len);

/* Characters of text as cli_put_clean() shows them (an ill-formed byte
 * is one U+FFFD), and the bytes of its first `chars` characters. */
size_t cli_text_width(const char *text);
size_t cli_text_prefix(const char *text, size_t chars);

/* One CSV field, quoted when RFC 4180 needs it, cleaned as by
 * cli_put_clean() (a record is always one line). */
void cli_put_csv(FILE *out, const char *field);

/* Read a whole file ("-": standard input) named by `option`, at most
 * CLI_FILE_LIMIT bytes; prints a one-line error and returns 2 on failure. */
int cli_read_file(const char *option, const char *path, char **data,
                  size_t *size);

/* The --holidays files: named while the options are parsed, read in full
 * by cli_holidays_load() once they have all been checked. */
struct cli_holidays {
	ukwd_holiday_file *files;
	int count;
	unsigned char *explicit_division; /* per file: --official gave it */
};

/* An option that takes a value: its name, and the offset in the caller's
 * options struct of the `const char *` that receives the value, or
 * CLI_OPTION_HOLIDAYS (or a sentinel of the caller's own below it). */
struct cli_option {
	const char *name;
	size_t offset;
};
#define CLI_OPTION_HOLIDAYS SIZE_MAX
/* --official DIVISION=FILE (callers' own sentinels count down from
 * CLI_OPTION_HOLIDAYS - 1; this one is far below them). */
#define CLI_OPTION_OFFICIAL (SIZE_MAX - 64)

/* Match argv[*i] ("--name VALUE" or "--name=VALUE") against `table`:
 * the entry, with *value set and *i past a separate value; NULL when it
 * is none of them. A missing value prints a one-line error and sets
 * *status to 2. */
const struct cli_option *cli_match_option(const struct cli_option *table,
                                          size_t count, int argc, char **argv,
                                          int *i, const char **value,
                                          int *status);

/* A flag (an option without a value) from `table`, whose offsets name
 * `int` fields of the caller's options struct: sets the field to 1 and
 * returns 1 when `arg` is one of them, else returns 0. */
int cli_match_flag(const struct cli_option *table, size_t count,
                   const char *arg, void *options);

/* Put a matched option's value in place: into the options struct at
 * `options`, or note a --holidays file. No I/O. 0, or 2 after a message. */
int cli_store_option(void *options, const struct cli_option *option,
                     const char *value, struct cli_holidays *holidays);

/* Note a file for --holidays (read later by cli_holidays_load()). Its
 * role comes from its content when it is read, never from its name: GOV.UK
 * JSON, or an iCalendar file with GOV.UK's PRODID, is official data (see
 * cli_holidays_load()); any other file is extra days off for every
 * division. Prints a one-line error and returns 2 on failure. */
int cli_holidays_add(struct cli_holidays *holidays, const char *path);

/* Note a file for --official DIVISION=FILE: FILE is that division's
 * official data whatever its content says. Prints a one-line error and
 * returns 2 on failure. */
int cli_holidays_add_official(struct cli_holidays *holidays, const char *value);

/* Read every noted --holidays file and decide the role of each from its
 * content: an iCalendar file whose PRODID is GOV.UK's is the official data
 * of the division its X-WR-CALNAME or its days name; prints a one-line error
 * and returns 2 on the first that cannot be read. */
int cli_holidays_load(struct cli_holidays *holidays);
void cli_holidays_free(struct cli_holidays *holidays);

/* The UK calendar for the divisions and years, with the --holidays files;
 * prints a one-line error and returns 2 on failure. */
int cli_calendar(ukwd_calendar **out, const struct cli_holidays *holidays,
                 unsigned int divisions, int first_year, int last_year);

/* A calendar built for only the years a command needs: building 1971-9999
 * costs most of a query's time, 1971 to a year near today a fraction of
 * it. It always starts in 1971, so that a schedule's working-day indices
 * (JSON's *_index) are those of the whole calendar. A query that
 * falls outside them (UKWD_ERANGE) calls cli_calendar_widen() and asks
 * again over the whole range, so an answer, and the message for a date
 * outside 1971-9999, never depends on the years chosen. With --holidays
 * or --official files the whole range is built at once (what a file may
 * hold, and whether it is refused, can depend on the years), and so it is
 * when the environment sets UKWD_FULL_CALENDAR=1 (tests compare the two). */
struct cli_calendar_window {
	const struct cli_holidays *holidays;
	unsigned int divisions;
	int last_year; /* built: 0 before cli_calendar_window() */
	ukwd_calendar *cal;
};

/* The years from 1971 to `last` (9999 when `last` is outside the
 * calendar's range), as cli_calendar() builds them; prints a one-line
 * error and returns 2 on failure. */
int cli_calendar_window(struct cli_calendar_window *window,
                        const struct cli_holidays *holidays,
                        unsigned int divisions, int last);

/* After a query said UKWD_ERANGE: rebuild over the whole range. 0 when
 * rebuilt (ask again), 1 when the range was whole already (the error
 * stands), 2 after a one-line error. */
int cli_calendar_widen(struct cli_calendar_window *window);

void cli_calendar_window_free(struct cli_calendar_window *window);

/* The year of a date. */
int cli_year(ukwd_date d);

/* Say once on stderr that answers after the last official year are
 * projected, if `later` is in a projected year of `cal`. */
void cli_note_projected(const ukwd_calendar *cal, ukwd_date later);

/* Write `path` through a temporary file in the same directory and a
 * rename, so that a failure never leaves a partial file: `produce` writes
 * to the FILE and returns 0 or non-zero.
 * - A symbolic link is written through: the file it points to is
 *   replaced and the link stays a link (one whose target cannot be
 *   resolved, a dangling link say, is an error).
 * - The file replaced keeps its permission bits (a 0600 file stays
 *   0600); a new file gets 0666 less the umask, as a plain creation.
 * - The temporary file is NAME.tmp-XXXXXX, NAME cut short where needed so
 *   that it fits NAME_MAX wherever `path` does; SIGINT, SIGTERM and
 *   SIGHUP while it exists remove it before the program dies of them.
 * - A path that exists and is not a regular file (a device such as
 *   /dev/stdout, a FIFO) is written in place, since renaming over it
 *   would replace it.
 * Prints a one-line error and returns 2 on failure. */
int cli_write_file(const char *path, int (*produce)(FILE *out, void *payload),
                   void *payload);

#endif
