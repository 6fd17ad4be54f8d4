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

/* What cli_parse() returns for --version: the caller calls
 * cli_print_version() and exits 0. */
#define CLI_VERSION (-2)

/* What cli_parse() returns after --list-names KIND has printed the names:
 * the caller exits 0. */
#define CLI_LISTED (-3)

/* "PROGRAM (libukwd) VERSION" on stdout, the version the library linked
 * at run time says (ukwd_version()). */
void cli_print_version(void);

/* The names --list-names prints for every front-end: KIND "divisions"
 * (each parsed by ukwd_uk_division_parse(); tests/check-completion.sh
 * checks it), and "options" (the parser's table with --help, --version
 * and --list-names). */
extern const char *const cli_division_names[];
extern const size_t cli_division_count;

/* The closest of `names` to `text`, or NULL when none is close: the rule
 * of lib/suggest.h ("did you mean"), whose source the front-ends build
 * too, so that a front-end's names and the library's follow one rule. */
const char *cli_closest(const char *text, const char *const *names,
                        size_t count);

/* When `text` is close to one of `names`: a usage error "MESSAGE; did
 * you mean 'NAME'? (see PROGRAM --help)", MESSAGE formatted from `fmt`,
 * and 2. Otherwise nothing is printed and 0 returned: the caller then
 * says what it expected. */
int cli_suggest_error(const char *text, const char *const *names, size_t count,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The largest file a front-end reads whole: larger (or endless, such as
 * /dev/zero) is an error, not an exhausted machine. */
#define CLI_FILE_LIMIT ((size_t)256 << 20)

/* "PROGRAM: message", one line on stderr (control characters in the
 * message, from a quoted argument say, are escaped); returns 2. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "PROGRAM: message (see PROGRAM --help)", one line on stderr, escaped as
 * by cli_error(); returns 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A whole decimal number in int32_t range, with an optional sign ('-' or
 * '+': "+10" is 10), nothing else; 0 or -1. */
int cli_parse_int32(int32_t *out, const char *text);

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

/* As cli_read_file(), but a large regular file is mapped rather than
 * read (faster, and no copy); release it with cli_unmap_file(), which
 * frees what was read. One file at a time is mapped; a file cut short by
 * another program while mapped ends the program with a message. */
int cli_map_file(const char *option, const char *path, const char **data,
                 size_t *size);
void cli_unmap_file(const char *data, size_t size);

/* The --holidays files: named while the options are parsed, read in full
 * by cli_holidays_load() once they have all been checked. */
struct cli_holidays {
	ukwd_holiday_file *files;
	int count;
	unsigned char *explicit_division; /* per file: --official gave it */
};

/* One option of a front-end's table for cli_parse(): "--name", what it
 * is, and where its value goes in the caller's options struct. */
enum cli_option_kind {
	CLI_VALUE,    /* "--name VALUE" or "--name=VALUE": a const char * */
	CLI_FLAG,     /* "--name": an int set to 1 */
	CLI_HOLIDAYS, /* --holidays FILE: cli_holidays_add() */
	CLI_OFFICIAL, /* --official DIVISION=FILE: cli_holidays_add_official()
	               */
	CLI_CUSTOM,   /* a value given to the parser's `custom` */
};

struct cli_option {
	const char *name;
	enum cli_option_kind kind;
	size_t offset; /* CLI_VALUE, CLI_FLAG: the field's offset */
};

/* The most options a table may hold. */
#define CLI_OPTIONS_MAX 32

/* A front-end's command line: its option table and what it does with the
 * rest. */
struct cli_parser {
	const struct cli_option *options;
	size_t count;
	/* The struct cli_holidays in the options struct, for CLI_HOLIDAYS
	 * and CLI_OFFICIAL. */
	size_t holidays_offset;
	/* "-5" (a '-' then a digit) is an operand, not an option: a
	 * negative number such as the N of `ukwd-cal add DATE -5`. */
	int negative_operands;
	/* "--name=" (an empty value) is "option --name needs a value". */
	int nonempty_values;
	/* A CLI_CUSTOM option's value; 0, or 2 after a one-line message. */
	int (*custom)(void *options, const struct cli_option *option,
	              const char *value);
	/* Each operand (an argument that is not an option, "-" among them),
	 * in order; 0, or 2 after a one-line message. */
	int (*operand)(void *options, const char *arg);
	/* --list-names KIND for a KIND of the front-end's own ("commands",
	 * "formats", ...; cli_parse() answers "options" and "divisions"):
	 * print the names one a line and return 0, or -1 for a KIND it does
	 * not know. May be NULL. The bash completion reads these, so that
	 * it never goes stale. */
	int (*list_names)(const char *kind);
	/* The KINDs list_names() knows, for "did you mean" and the message
	 * of an unknown one; NULL-terminated. */
	const char *const *name_kinds;
};

/* Parse argv[1..argc) with getopt_long() against `parser`'s table, in
 * order, into `options` (which the caller has initialised). Options are
 * matched by their whole name only (no abbreviations); "-h" and "--help"
 * anywhere return CLI_HELP, "--version" CLI_VERSION, and "--list-names
 * KIND" prints the names of KIND and returns CLI_LISTED; any other
 * argument starting with '-' that is not in the table ("--", "-x",
 * "--name=value" for a flag) is "unknown option 'ARG'" (with "; did you
 * mean '--NAME'?" when an option is close), and a valued option without
 * a value is "option --name needs a value" (both with the usage hint).
 * Returns 0, CLI_HELP, CLI_VERSION, CLI_LISTED, or 2 after a one-line
 * message; prints nothing else. Safe to call more than once in a process
 * (getopt's state is reset). */
int cli_parse(const struct cli_parser *parser, void *options, int argc,
              char **argv);

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

/* When the output is made, for an iCalendar DTSTAMP: SOURCE_DATE_EPOCH
 * (seconds since 1970-01-01T00:00:00Z) when the environment sets it, so
 * that builds are reproducible (reproducible-builds.org), else the
 * clock. Prints a one-line error and returns 2 for a SOURCE_DATE_EPOCH
 * that is not a whole number of seconds from 0 to 253402300799. */
int cli_made(int64_t *made);

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
