/* realpath() for --output through a symbolic link; MAP_POPULATE. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../lib/suggest.h"

const char *cli_program = "ukwd";

const char *const cli_division_names[] = {
    "england-and-wales",
    "scotland",
    "northern-ireland",
    "gb",
    "uk",
    "sec",
    "england",
    "wales",
    "ni",
};
const size_t cli_division_count =
    sizeof(cli_division_names) / sizeof(*cli_division_names);

void
cli_print_version(void)
{
	printf("%s (libukwd) %s\n", cli_program, ukwd_version());
}

const char *
cli_closest(const char *text, const char *const *names, size_t count)
{
	struct ukwd__suggest suggest;

	ukwd__suggest_init(&suggest, text, strlen(text));
	for (size_t i = 0; i < count; i++)
		ukwd__suggest_name(&suggest, names[i]);
	return ukwd__suggest_best(&suggest);
}

/* Write "PROGRAM: message[suffix]\n" with the message's control
 * characters escaped, so that a value quoted from the command line or a
 * file (a newline in an argument, say) cannot split the line. */
static int vreport(const char *suffix, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static int
vreport(const char *suffix, const char *fmt, va_list ap)
{
	char small[512], *text = small;
	const char *shown;
	va_list again;
	int length;

	va_copy(again, ap);
	length = vsnprintf(small, sizeof(small), fmt, ap);
	if (length >= (int)sizeof(small)) {
		text = malloc((size_t)length + 1);
		if (text)
			vsnprintf(text, (size_t)length + 1, fmt, again);
		else
			text = small; /* print it cut short */
	}
	va_end(again);
	shown = length < 0 ? "(message could not be formatted)" : text;
	fprintf(stderr, "%s: ", cli_program);
	for (const unsigned char *c = (const unsigned char *)shown; *c; c++) {
		if (*c == '\n')
			fputs("\\n", stderr);
		else if (*c == '\r')
			fputs("\\r", stderr);
		else if (*c == '\t')
			fputs("\\t", stderr);
		else if (*c < 0x20 || *c == 0x7f)
			fprintf(stderr, "\\x%02x", *c);
		else
			putc(*c, stderr);
	}
	fprintf(stderr, "%s\n", suffix);
	if (text != small)
		free(text);
	return 2;
}

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
	return 2;
}

int
cli_usage_error(const char *fmt, ...)
{
	char suffix[128];
	va_list ap;

	snprintf(suffix, sizeof(suffix), " (see %s --help)", cli_program);
	va_start(ap, fmt);
	vreport(suffix, fmt, ap);
	va_end(ap);
	return 2;
}

int
cli_suggest_error(const char *text, const char *const *names, size_t count,
                  const char *fmt, ...)
{
	const char *close = cli_closest(text, names, count);
	char message[512];
	va_list ap;

	if (!close)
		return 0;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return cli_usage_error("%s; did you mean '%s'?", message, close);
}

int
cli_parse_int32(int32_t *out, const char *text)
{
	const char *digits = text + (*text == '-' || *text == '+');
	char *end;
	long long value;

	/* A sign, then a digit: strtoll() would also take leading blanks. */
	if (!(*digits >= '0' && *digits <= '9'))
		return -1;
	errno = 0;
	value = strtoll(text, &end, 10);
	if (errno || end == text || *end || value < INT32_MIN ||
	    value > INT32_MAX)
		return -1;
	*out = (int32_t)value;
	return 0;
}

void
cli_put_csv(FILE *out, const char *field)
{
	const char *quote;

	if (!strpbrk(field, ",\"")) {
		cli_put_clean(out, field, strlen(field));
		return;
	}
	putc('"', out);
	while ((quote = strchr(field, '"'))) {
		cli_put_clean(out, field, (size_t)(quote - field) + 1);
		putc('"', out);
		field = quote + 1;
	}
	cli_put_clean(out, field, strlen(field));
	putc('"', out);
}

/* The well-formed UTF-8 sequence at text[0..len): its length, or 0 for
 * a byte that starts none (as lib/render.c decides); *control is set for
 * C0, DEL and C1 control characters. */
static size_t
utf8_next(const char *text, size_t len, int *control)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned char c = p[0];
	size_t need = c < 0x80             ? 1
	              : (c & 0xE0) == 0xC0 ? 2
	              : (c & 0xF0) == 0xE0 ? 3
	              : (c & 0xF8) == 0xF0 ? 4
	                                   : 0;
	uint32_t cp = need == 1   ? c
	              : need == 2 ? c & 0x1Fu
	              : need == 3 ? c & 0x0Fu
	                          : c & 0x07u;

	if (need == 0 || need > len)
		return 0;
	for (size_t k = 1; k < need; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[k] & 0x3Fu);
	}
	if (need > 1 && (cp < (need == 2   ? 0x80u
	                       : need == 3 ? 0x800u
	                                   : 0x10000u) ||
	                 cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu) ||
	                 cp == 0xFFFEu || cp == 0xFFFFu))
		return 0;
	*control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
	return need;
}

void
cli_put_clean(FILE *out, const char *text, size_t len)
{
	size_t run = 0, i = 0;

	while (i < len) {
		int control = 0;
		size_t n = utf8_next(text + i, len - i, &control);

		if (n && !control) {
			i += n;
			continue;
		}
		fwrite(text + run, 1, i - run, out);
		fputs("\xef\xbf\xbd", out);
		i += n ? n : 1;
		run = i;
	}
	fwrite(text + run, 1, len - run, out);
}

size_t
cli_text_width(const char *text)
{
	size_t width = 0, len = strlen(text);

	for (size_t i = 0; i < len; width++) {
		int control;
		size_t n = utf8_next(text + i, len - i, &control);

		i += n ? n : 1;
	}
	return width;
}

size_t
cli_text_prefix(const char *text, size_t chars)
{
	size_t i = 0, len = strlen(text);

	for (; chars > 0 && i < len; chars--) {
		int control;
		size_t n = utf8_next(text + i, len - i, &control);

		i += n ? n : 1;
	}
	return i;
}

int
cli_read_file(const char *option, const char *path, char **data, size_t *size)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t capacity = 0, used = 0, got;
	char *buf = NULL;
	struct stat st;

	if (!f) {
		cli_error("%s %s: %s", option, path, strerror(errno));
		return 2;
	}
	/* A file's size is known: one block, and one read (a byte more,
	 * to see the end), unless it grows meanwhile. */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0 && (uintmax_t)st.st_size < CLI_FILE_LIMIT)
		capacity = (size_t)st.st_size + 1;
	do {
		if (used == capacity) {
			char *grown;

			if (capacity >= CLI_FILE_LIMIT) {
				cli_error("%s %s: larger than %zu MiB", option,
				          path, CLI_FILE_LIMIT >> 20);
				free(buf);
				if (f != stdin)
					fclose(f);
				return 2;
			}
			capacity = capacity ? capacity * 2 : 65536;
			grown = realloc(buf, capacity);
			if (!grown) {
				cli_error("%s %s: out of memory", option, path);
				free(buf);
				if (f != stdin)
					fclose(f);
				return 2;
			}
			buf = grown;
		} else if (!buf) {
			buf = malloc(capacity);
			if (!buf) {
				cli_error("%s %s: out of memory", option, path);
				if (f != stdin)
					fclose(f);
				return 2;
			}
		}
		got = fread(buf + used, 1, capacity - used, f);
		used += got;
	} while (got);
	if (ferror(f)) {
		cli_error("%s %s: %s", option, path,
		          errno == EISDIR ? "is a directory" : strerror(errno));
		free(buf);
		if (f != stdin)
			fclose(f);
		return 2;
	}
	if (f != stdin)
		fclose(f);
	*data = buf;
	*size = used;
	return 0;
}

/* Files smaller than this are read: mapping pays off for large ones,
 * where reading costs a fault, a zeroed page and a copy for every page
 * (a 49 MB plan: 0.31 s of CPU read against 0.04 s mapped). */
#define CLI_MAP_MIN ((uintmax_t)1 << 20)
#ifdef MAP_POPULATE
#define CLI_MAP_POPULATE MAP_POPULATE
#else
#define CLI_MAP_POPULATE 0
#endif

/* The one file cli_map_file() has mapped, for cli_unmap_file() and for
 * the SIGBUS handler. */
static struct {
	const char *data;
	size_t size;
	const char *option, *path;
	struct sigaction saved;
} mapped;

/* A mapped file cut short while it is read (another program truncated
 * it): its pages past the new end are gone, and reading one raises
 * SIGBUS. Say so and exit, as a read error would (async-signal-safe:
 * write and _exit only); a SIGBUS elsewhere dies as before. */
static void
mapped_file_cut(int sig, siginfo_t *info, void *context)
{
	const char *at = info->si_addr;
	const char *parts[] = {
	    cli_program,   ": ",
	    mapped.option, " ",
	    mapped.path,   ": the file was cut short while being read\n"};

	(void)context;
	if (at < mapped.data || at >= mapped.data + mapped.size) {
		sigaction(sig, &mapped.saved, NULL);
		return; /* the fault comes again, to the previous action */
	}
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		if (write(STDERR_FILENO, parts[i], strlen(parts[i])) < 0)
			break;
	_exit(2);
}

int
cli_map_file(const char *option, const char *path, const char **data,
             size_t *size)
{
	struct sigaction action;
	struct stat st;
	char *copy = NULL;
	void *map;
	int fd, rc;

	if (mapped.data || strcmp(path, "-") == 0)
		goto read;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		goto read; /* cli_read_file() says why */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size < CLI_MAP_MIN ||
	    (uintmax_t)st.st_size > CLI_FILE_LIMIT) {
		close(fd);
		goto read;
	}
	/* Populated now: one call maps every page of the page cache, where
	 * touching each would fault on it. */
	map = mmap(NULL, (size_t)st.st_size, PROT_READ,
	           MAP_PRIVATE | CLI_MAP_POPULATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		goto read;
	mapped.data = map;
	mapped.size = (size_t)st.st_size;
	mapped.option = option;
	mapped.path = path;
	memset(&action, 0, sizeof(action));
	sigemptyset(&action.sa_mask);
	action.sa_sigaction = mapped_file_cut;
	action.sa_flags = SA_SIGINFO;
	sigaction(SIGBUS, &action, &mapped.saved);
	*data = mapped.data;
	*size = mapped.size;
	return 0;
read:
	rc = cli_read_file(option, path, &copy, size);
	*data = copy;
	return rc;
}

void
cli_unmap_file(const char *data, size_t size)
{
	if (data && data == mapped.data) {
		munmap((void *)(uintptr_t)data, size);
		sigaction(SIGBUS, &mapped.saved, NULL);
		mapped.data = NULL;
		return;
	}
	free((void *)(uintptr_t)data);
}

/* Whether `line` (not NUL-terminated, `len` bytes) is the content line
 * NAME:... (case-insensitive name); its value's offset, or 0. */
static size_t
ics_property(const char *line, size_t len, const char *name)
{
	size_t n = strlen(name);

	if (len <= n || strncasecmp(line, name, n) != 0 ||
	    (line[n] != ':' && line[n] != ';'))
		return 0;
	while (n < len && line[n] != ':')
		n++;
	return n < len ? n + 1 : 0;
}

/* Whether `value` (`len` bytes) contains `needle`, ignoring case. */
static int
contains(const char *value, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(value + i, needle, n) == 0)
			return 1;
	return 0;
}

/* The role of a --holidays file, from its content alone (its name plays
 * no part: scotland-office-closures.ics is extra days off like any other
 * file). An iCalendar file whose PRODID is GOV.UK's ("-//uk.gov/GOVUK
 * calendars//EN") is one division's official data: the division its
 * X-WR-CALNAME names, else the one its days say (St Andrew's Day or 2
 * January: Scotland; St Patrick's Day or the Battle of the Boyne:
 * Northern Ireland; neither: England and Wales). Anything else is 0:
 * GOV.UK JSON names its divisions itself, and any other .ics is extra
 * days off. Use --official DIVISION=FILE for official data from
 * elsewhere. */
static unsigned int
division_of_content(const char *data, size_t size)
{
	unsigned int calname = 0, days = 0;
	int govuk = 0, in_event = 0;

	if (!data || !contains(data, size < 64 ? size : 64, "BEGIN:VCALENDAR"))
		return 0;
	for (size_t at = 0; at < size;) {
		const char *line = data + at,
		           *end = memchr(line, '\n', size - at);
		size_t len = end ? (size_t)(end - line) : size - at, v;

		at += len + 1;
		if (len && line[len - 1] == '\r')
			len--;
		if (len == 12 && strncasecmp(line, "BEGIN:VEVENT", 12) == 0)
			in_event = 1;
		else if (len == 10 && strncasecmp(line, "END:VEVENT", 10) == 0)
			in_event = 0;
		else if (!in_event && (v = ics_property(line, len, "PRODID")))
			govuk |= contains(line + v, len - v,
			                  "//uk.gov/GOVUK calendars//");
		else if (!in_event &&
		         (v = ics_property(line, len, "X-WR-CALNAME"))) {
			if (contains(line + v, len - v, "scotland"))
				calname = UKWD_UK_SCOTLAND;
			else if (contains(line + v, len - v,
			                  "northern ireland"))
				calname = UKWD_UK_NORTHERN_IRELAND;
			else if (contains(line + v, len - v, "england"))
				calname = UKWD_UK_ENGLAND_WALES;
		} else if (in_event &&
		           (v = ics_property(line, len, "SUMMARY"))) {
			if (contains(line + v, len - v, "St Andrew") ||
			    contains(line + v, len - v, "2nd January"))
				days = UKWD_UK_SCOTLAND;
			else if (!days &&
			         (contains(line + v, len - v, "St Patrick") ||
			          contains(line + v, len - v, "Boyne")))
				days = UKWD_UK_NORTHERN_IRELAND;
		}
	}
	if (!govuk)
		return 0;
	if (calname)
		return calname;
	return days ? days : UKWD_UK_ENGLAND_WALES;
}

static int
holidays_append(struct cli_holidays *holidays, const char *path,
                unsigned int division)
{
	ukwd_holiday_file *grown = realloc(
	    holidays->files, (size_t)(holidays->count + 1) * sizeof(*grown));
	unsigned char *explicit_grown;
	ukwd_holiday_file *file;

	if (!grown) {
		cli_error("out of memory");
		return 2;
	}
	holidays->files = grown;
	explicit_grown =
	    realloc(holidays->explicit_division, (size_t)holidays->count + 1);
	if (!explicit_grown) {
		cli_error("out of memory");
		return 2;
	}
	holidays->explicit_division = explicit_grown;
	holidays->explicit_division[holidays->count] = division != 0;
	file = &holidays->files[holidays->count++];
	file->name = path;
	file->data = NULL;
	file->size = 0;
	file->division = division;
	return 0;
}

int
cli_holidays_add(struct cli_holidays *holidays, const char *path)
{
	return holidays_append(holidays, path, 0);
}

int
cli_holidays_add_official(struct cli_holidays *holidays, const char *value)
{
	const char *equals = strchr(value, '=');
	char name[32];
	unsigned int division;

	if (!equals || equals == value || !equals[1] ||
	    (size_t)(equals - value) >= sizeof(name))
		return cli_usage_error(
		    "--official '%s': expected DIVISION=FILE", value);
	memcpy(name, value, (size_t)(equals - value));
	name[equals - value] = '\0';
	if (ukwd_uk_division_parse(&division, name, NULL) != 0 ||
	    !ukwd_uk_division_name(division))
		return cli_usage_error("--official '%s': %s is not one of "
		                       "england-and-wales, scotland or "
		                       "northern-ireland",
		                       value, name);
	return holidays_append(holidays, equals + 1, division);
}

int
cli_holidays_load(struct cli_holidays *holidays)
{
	for (int i = 0; i < holidays->count; i++) {
		ukwd_holiday_file *file = &holidays->files[i];
		char *data;

		if (file->data)
			continue;
		if (cli_read_file(holidays->explicit_division[i] ? "--official"
		                                                 : "--holidays",
		                  file->name, &data, &file->size))
			return 2;
		file->data = data;
		if (!holidays->explicit_division[i])
			file->division = division_of_content(data, file->size);
	}
	return 0;
}

void
cli_holidays_free(struct cli_holidays *holidays)
{
	for (int i = 0; i < holidays->count; i++)
		free((char *)(uintptr_t)holidays->files[i].data);
	free(holidays->files);
	free(holidays->explicit_division);
	holidays->files = NULL;
	holidays->explicit_division = NULL;
	holidays->count = 0;
}

int
cli_calendar(ukwd_calendar **out, const struct cli_holidays *holidays,
             unsigned int divisions, int first_year, int last_year)
{
	ukwd_diag diag;
	int rc = ukwd_calendar_new_uk_files(out, divisions, first_year,
	                                    last_year, holidays->files,
	                                    (size_t)holidays->count, &diag);

	if (rc == 0)
		return 0;
	if (diag.source[0] && diag.line > 0)
		cli_error("--holidays %s:%d: %s", diag.source, diag.line,
		          diag.message);
	else if (diag.source[0])
		cli_error("--holidays %s: %s", diag.source, diag.message);
	else
		cli_error("building the calendar: %s",
		          diag.message[0] ? diag.message : ukwd_strerror(rc));
	return 2;
}

int
cli_made(int64_t *made)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long value;

	if (!epoch || !*epoch) {
		*made = (int64_t)time(NULL);
		return 0;
	}
	errno = 0;
	value = strtoll(epoch, &end, 10);
	if (!(*epoch >= '0' && *epoch <= '9') || errno || *end ||
	    value > 253402300799LL)
		return cli_error("SOURCE_DATE_EPOCH '%s' is not a number of "
		                 "seconds from 0 to 253402300799 (UTC, since "
		                 "1970-01-01)",
		                 epoch);
	*made = (int64_t)value;
	return 0;
}

int
cli_year(ukwd_date d)
{
	int year = 0;

	ukwd_date_to_ymd(d, &year, NULL, NULL);
	return year;
}

int
cli_calendar_window(struct cli_calendar_window *window,
                    const struct cli_holidays *holidays, unsigned int divisions,
                    int last)
{
	const char *full = getenv("UKWD_FULL_CALENDAR");

	window->holidays = holidays;
	window->divisions = divisions;
	window->cal = NULL;
	if (last < UKWD_UK_FIRST_YEAR || last > UKWD_UK_LAST_YEAR ||
	    holidays->count || (full && strcmp(full, "1") == 0))
		last = UKWD_UK_LAST_YEAR;
	window->last_year = last;
	return cli_calendar(&window->cal, holidays, divisions,
	                    UKWD_UK_FIRST_YEAR, last);
}

int
cli_calendar_widen(struct cli_calendar_window *window)
{
	if (window->last_year == UKWD_UK_LAST_YEAR)
		return 1;
	ukwd_calendar_free(window->cal);
	return cli_calendar_window(window, window->holidays, window->divisions,
	                           UKWD_UK_LAST_YEAR);
}

void
cli_calendar_window_free(struct cli_calendar_window *window)
{
	ukwd_calendar_free(window->cal);
	window->cal = NULL;
}

void
cli_note_projected(const ukwd_calendar *cal, ukwd_date later)
{
	static int noted;

	if (noted ||
	    ukwd_calendar_provenance(cal, later) != UKWD_PROVENANCE_PROJECTED)
		return;
	noted = 1;
	cli_error("note: dates after %d are projected by rule; a bank "
	          "holiday proclaimed later is not in them",
	          UKWD_UK_LAST_OFFICIAL_YEAR);
}

/* The temporary file of cli_write_file() while it exists, for the signal
 * handler to remove. */
static char *volatile pending_temporary;
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction saved_actions[3];

/* SIGINT, SIGTERM, SIGHUP while a temporary file exists: remove it, then
 * die of the signal as the previous action would have. Only
 * async-signal-safe calls (unlink, sigaction, raise). */
static void
remove_temporary_on_signal(int sig)
{
	char *tmp = pending_temporary;

	if (tmp)
		unlink(tmp);
	for (size_t i = 0; i < 3; i++)
		if (cleanup_signals[i] == sig)
			sigaction(sig, &saved_actions[i], NULL);
	raise(sig); /* delivered when this handler returns */
}

static void
block_cleanup_signals(int how, sigset_t *saved)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < 3; i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(how, how == SIG_BLOCK ? &set : saved,
	            how == SIG_BLOCK ? saved : NULL);
}

/* "DIR/NAME.tmp-XXXXXX" beside `target`, with NAME cut short so that the
 * temporary name fits the directory's NAME_MAX as `target` does. */
static char *
temporary_name(const char *target)
{
	static const char suffix[] = ".tmp-XXXXXX";
	const char *slash = strrchr(target, '/');
	size_t dir_length = slash ? (size_t)(slash - target) + 1 : 0;
	size_t base_length = strlen(target) - dir_length, name_max = NAME_MAX;
	char *tmp = malloc(dir_length + base_length + sizeof(suffix));
	long limit;

	if (!tmp)
		return NULL;
	memcpy(tmp, target, dir_length);
	tmp[dir_length] = '\0';
	limit = pathconf(dir_length ? tmp : ".", _PC_NAME_MAX);
	if (limit > 0 && (unsigned long)limit < name_max)
		name_max = (size_t)limit;
	if (base_length + sizeof(suffix) - 1 > name_max)
		base_length = name_max - (sizeof(suffix) - 1);
	memcpy(tmp + dir_length, target + dir_length, base_length);
	memcpy(tmp + dir_length + base_length, suffix, sizeof(suffix));
	return tmp;
}

/* Write the output in place: a device or a pipe. */
static int
write_in_place(const char *path, int (*produce)(FILE *out, void *payload),
               void *payload)
{
	FILE *out = fopen(path, "wb");
	int rc;

	if (!out) {
		cli_error("--output %s: %s", path, strerror(errno));
		return 2;
	}
	rc = produce(out, payload);
	if (fclose(out) != 0 && rc == 0) {
		cli_error("--output %s: %s", path, strerror(errno));
		rc = 2;
	}
	return rc ? 2 : 0;
}

int
cli_write_file(const char *path, int (*produce)(FILE *out, void *payload),
               void *payload)
{
	char *target = NULL, *tmp;
	FILE *out = NULL;
	struct stat existing;
	struct sigaction action;
	sigset_t saved_mask;
	int fd, rc, exists;

	/* A symbolic link is written through: its target is replaced (a
	 * rename over the link would turn it into a plain file). */
	if (lstat(path, &existing) == 0 && S_ISLNK(existing.st_mode)) {
		target = realpath(path, NULL);
		if (!target) {
			cli_error("--output %s: a symbolic link whose target "
			          "cannot be written: %s",
			          path, strerror(errno));
			return 2;
		}
		path = target;
	}
	exists = stat(path, &existing) == 0;
	/* A device or a pipe (/dev/stdout, a FIFO) is written in place:
	 * renaming over it would replace it with a plain file. */
	if (exists && !S_ISREG(existing.st_mode)) {
		rc = write_in_place(path, produce, payload);
		free(target);
		return rc;
	}
	tmp = temporary_name(path);
	if (!tmp) {
		free(target);
		cli_error("out of memory");
		return 2;
	}
	memset(&action, 0, sizeof(action));
	action.sa_handler = remove_temporary_on_signal;
	sigemptyset(&action.sa_mask);
	block_cleanup_signals(SIG_BLOCK, &saved_mask);
	for (size_t i = 0; i < 3; i++) {
		/* A signal ignored (nohup, a background job) stays so. */
		sigaction(cleanup_signals[i], NULL, &saved_actions[i]);
		if (saved_actions[i].sa_handler != SIG_IGN)
			sigaction(cleanup_signals[i], &action, NULL);
	}
	fd = mkstemp(tmp);
	if (fd >= 0) {
		pending_temporary = tmp;
		/* mkstemp makes 0600: keep the mode of the file replaced,
		 * or give a new file the mode a plain creation would. */
		if (exists) {
			fchmod(fd, existing.st_mode & 07777);
		} else {
			mode_t mask = umask(0);

			umask(mask);
			fchmod(fd, 0666 & ~mask);
		}
		out = fdopen(fd, "wb");
		if (!out)
			close(fd);
	}
	block_cleanup_signals(SIG_SETMASK, &saved_mask);
	if (!out) {
		cli_error("--output %s: %s", path, strerror(errno));
		rc = 2;
	} else {
		rc = produce(out, payload);
		if (fclose(out) != 0 && rc == 0) {
			cli_error("--output %s: %s", path, strerror(errno));
			rc = 2;
		}
	}
	block_cleanup_signals(SIG_BLOCK, &saved_mask);
	if (fd >= 0 && rc == 0 && rename(tmp, path) != 0) {
		cli_error("--output %s: %s", path, strerror(errno));
		rc = 2;
	}
	if (fd >= 0 && rc)
		unlink(tmp);
	pending_temporary = NULL;
	for (size_t i = 0; i < 3; i++)
		sigaction(cleanup_signals[i], &saved_actions[i], NULL);
	block_cleanup_signals(SIG_SETMASK, &saved_mask);
	free(tmp);
	free(target);
	return rc ? 2 : 0;
}

/* getopt_long()'s values for --help, --version and --list-names, and the
 * first of the table's. */
#define HELP_VALUE       0x100
#define VERSION_VALUE    0x101
#define LIST_NAMES_VALUE 0x102
#define OPTION_VALUE     0x110

/* The options every front-end has besides its table. */
static const char *const common_options[] = {"--help", "--version",
                                             "--list-names"};

/* "unknown option 'ARG'", with the closest option of the table or the
 * common ones when one is close; returns 2. */
static int
unknown_option(const struct cli_parser *parser, const char *arg)
{
	struct ukwd__suggest suggest;
	const char *close;

	ukwd__suggest_init(&suggest, arg, strcspn(arg, "="));
	for (size_t i = 0; i < parser->count; i++)
		ukwd__suggest_name(&suggest, parser->options[i].name);
	for (size_t i = 0; i < 3; i++)
		ukwd__suggest_name(&suggest, common_options[i]);
	close = strcmp(arg, "--") == 0 ? NULL : ukwd__suggest_best(&suggest);
	/* "--flag=value" names its option exactly: nothing to suggest. */
	if (close && strlen(close) == suggest.len &&
	    strncmp(close, arg, suggest.len) == 0)
		close = NULL;
	if (close)
		return cli_usage_error(
		    "unknown option '%s'; did you mean '%s'?", arg, close);
	return cli_usage_error("unknown option '%s'", arg);
}

/* --list-names KIND: the names, one a line, on stdout. */
static int
list_names(const struct cli_parser *parser, const char *kind)
{
	const char *const *kinds = parser->name_kinds;
	struct ukwd__suggest suggest;
	const char *close;
	char known[256] = "options divisions";

	if (strcmp(kind, "options") == 0) {
		for (size_t i = 0; i < parser->count; i++)
			puts(parser->options[i].name);
		for (size_t i = 0; i < 3; i++)
			puts(common_options[i]);
		return CLI_LISTED;
	}
	if (strcmp(kind, "divisions") == 0) {
		for (size_t i = 0; i < cli_division_count; i++)
			puts(cli_division_names[i]);
		return CLI_LISTED;
	}
	if (parser->list_names && parser->list_names(kind) == 0)
		return CLI_LISTED;
	ukwd__suggest_init(&suggest, kind, strlen(kind));
	ukwd__suggest_name(&suggest, "options");
	ukwd__suggest_name(&suggest, "divisions");
	for (size_t i = 0; kinds && kinds[i]; i++) {
		ukwd__suggest_name(&suggest, kinds[i]);
		strncat(known, " ", sizeof(known) - strlen(known) - 1);
		strncat(known, kinds[i], sizeof(known) - strlen(known) - 1);
	}
	close = ukwd__suggest_best(&suggest);
	if (close)
		return cli_usage_error("--list-names: unknown kind '%s'; did "
		                       "you mean '%s'?",
		                       kind, close);
	return cli_usage_error("--list-names '%s': expected one of: %s", kind,
	                       known);
}

/* The table entry whose name argv's `arg` ("--name" or "--name=value")
 * spells in full, or NULL: getopt_long() also takes an unambiguous
 * abbreviation, which the front-ends have never accepted. */
static const struct cli_option *
exact_option(const struct cli_parser *parser, const char *arg)
{
	size_t len = strcspn(arg, "=");

	for (size_t i = 0; i < parser->count; i++)
		if (strlen(parser->options[i].name) == len &&
		    strncmp(arg, parser->options[i].name, len) == 0)
			return &parser->options[i];
	return NULL;
}

/* One option getopt_long() has matched, put in place. */
static int
store_option(const struct cli_parser *parser, void *options,
             const struct cli_option *option, const char *value)
{
	struct cli_holidays *holidays =
	    (struct cli_holidays *)((char *)options + parser->holidays_offset);

	if (option->kind != CLI_FLAG && parser->nonempty_values && !*value)
		return cli_usage_error("option %s needs a value", option->name);
	switch (option->kind) {
	case CLI_FLAG:
		*(int *)((char *)options + option->offset) = 1;
		return 0;
	case CLI_HOLIDAYS:
		return cli_holidays_add(holidays, value);
	case CLI_OFFICIAL:
		return cli_holidays_add_official(holidays, value);
	case CLI_CUSTOM:
		return parser->custom(options, option, value);
	case CLI_VALUE:
	default:
		*(const char **)((char *)options + option->offset) = value;
		return 0;
	}
}

/* getopt's state is global: a call on an empty argument list with optind
 * 0 starts it afresh (in order, quiet, ':' for a missing value), so that
 * nothing of an earlier parse (a fuzz run's, say) is read again. */
static void
reset_getopt(const struct option *longopts)
{
	static char program[] = "cli";
	char *none[] = {program, NULL};

	optind = 0;
	opterr = 0;
	getopt_long(1, none, "-:", longopts, NULL);
	optind = 1;
}

int
cli_parse(const struct cli_parser *parser, void *options, int argc, char **argv)
{
	struct option longopts[CLI_OPTIONS_MAX + 4];
	size_t n =
	    parser->count < CLI_OPTIONS_MAX ? parser->count : CLI_OPTIONS_MAX;

	for (size_t i = 0; i < n; i++) {
		longopts[i].name = parser->options[i].name + 2; /* "--" */
		longopts[i].has_arg = parser->options[i].kind == CLI_FLAG
		                          ? no_argument
		                          : required_argument;
		longopts[i].flag = NULL;
		longopts[i].val = OPTION_VALUE + (int)i;
	}
	longopts[n] = (struct option){"help", no_argument, NULL, HELP_VALUE};
	longopts[n + 1] =
	    (struct option){"version", no_argument, NULL, VERSION_VALUE};
	longopts[n + 2] = (struct option){"list-names", required_argument, NULL,
	                                  LIST_NAMES_VALUE};
	longopts[n + 3] = (struct option){NULL, 0, NULL, 0};
	reset_getopt(longopts);
	while (optind < argc) {
		int at = optind, index = -1, c, rc;
		const char *arg = argv[at];
		const struct cli_option *option;

		/* What getopt would read otherwise: "-h" (no short options
		 * are in its table), "--" (not the end of the options here),
		 * and a negative number taken as an operand. */
		if (strcmp(arg, "-h") == 0)
			return CLI_HELP;
		if (strcmp(arg, "--") == 0)
			return unknown_option(parser, arg);
		if (parser->negative_operands && arg[0] == '-' &&
		    arg[1] >= '0' && arg[1] <= '9') {
			optind++;
			rc = parser->operand(options, arg);
			if (rc)
				return rc;
			continue;
		}
		c = getopt_long(argc, argv, "-:", longopts, &index);
		if (c == -1)
			break;
		if (c == 1) {
			rc = parser->operand(options, optarg);
			if (rc)
				return rc;
			continue;
		}
		option = strncmp(arg, "--", 2) == 0 ? exact_option(parser, arg)
		                                    : NULL;
		if (c == HELP_VALUE && strcmp(arg, "--help") == 0)
			return CLI_HELP;
		if (c == VERSION_VALUE && strcmp(arg, "--version") == 0)
			return CLI_VERSION;
		if (c == LIST_NAMES_VALUE &&
		    strncmp(arg, "--list-names", 12) == 0 &&
		    (arg[12] == '\0' || arg[12] == '='))
			return list_names(parser, optarg);
		if (c == ':' && strcmp(arg, "--list-names") == 0)
			return cli_usage_error("option --list-names needs a "
			                       "value");
		if (c == ':' && option && option->kind != CLI_FLAG &&
		    strchr(arg, '=') == NULL)
			return cli_usage_error("option %s needs a value",
			                       option->name);
		if (c < OPTION_VALUE || !option ||
		    option != &parser->options[c - OPTION_VALUE])
			return unknown_option(parser, arg);
		rc = store_option(parser, options, option, optarg);
		if (rc)
			return rc;
	}
	return 0;
}
