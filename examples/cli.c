#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

const char *cli_program = "ukwd";

/* Write "PROGRAM: message[suffix]\n" with the message's control
 * characters escaped, so that a value quoted from the command line or a
 * file (a newline in an argument, say) cannot split the line. */
static int vreport(const char *suffix, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static int
vreport(const char *suffix, const char *fmt, va_list ap)
{
	char small[512], *text = small;
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
	if (length < 0)
		text = "(message could not be formatted)";
	fprintf(stderr, "%s: ", cli_program);
	for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
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
	if (text != small && length >= 0)
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
cli_parse_int32(int32_t *out, const char *text)
{
	char *end;
	long long value;

	/* strtoll() would also take leading blanks and a '+'. */
	if (!(*text == '-' || (*text >= '0' && *text <= '9')))
		return -1;
	errno = 0;
	value = strtoll(text, &end, 10);
	if (errno || end == text || *end || value < INT32_MIN ||
	    value > INT32_MAX)
		return -1;
	*out = (int32_t)value;
	return 0;
}

const char *
cli_option_value(int argc, char **argv, int *i, const char *arg,
                 size_t name_length)
{
	if (arg[name_length] == '=')
		return arg + name_length + 1;
	if (arg[name_length] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

void
cli_put_csv(FILE *out, const char *field)
{
	if (!strpbrk(field, ",\"\r\n")) {
		fputs(field, out);
		return;
	}
	putc('"', out);
	for (; *field; field++) {
		if (*field == '"')
			putc('"', out);
		putc(*field, out);
	}
	putc('"', out);
}

int
cli_read_file(const char *option, const char *path, char **data, size_t *size)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t capacity = 0, used = 0, got;
	char *buf = NULL;

	if (!f) {
		cli_error("%s %s: %s", option, path, strerror(errno));
		return 2;
	}
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

/* GOV.UK names its .ics files after the division. */
static unsigned int
division_of_file(const char *path)
{
	static const unsigned int divisions[] = {
	    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND};
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	for (size_t i = 0; i < 3; i++) {
		const char *name = ukwd_uk_division_name(divisions[i]);

		if (strncmp(base, name, strlen(name)) == 0)
			return divisions[i];
	}
	return 0;
}

int
cli_holidays_add(struct cli_holidays *holidays, const char *path)
{
	ukwd_holiday_file *grown = realloc(
	    holidays->files, (size_t)(holidays->count + 1) * sizeof(*grown));
	ukwd_holiday_file *file;

	if (!grown) {
		cli_error("out of memory");
		return 2;
	}
	holidays->files = grown;
	file = &holidays->files[holidays->count++];
	file->name = path;
	file->data = NULL;
	file->size = 0;
	file->division = division_of_file(path);
	return 0;
}

int
cli_holidays_load(struct cli_holidays *holidays)
{
	for (int i = 0; i < holidays->count; i++) {
		ukwd_holiday_file *file = &holidays->files[i];
		char *data;

		if (file->data)
			continue;
		if (cli_read_file("--holidays", file->name, &data, &file->size))
			return 2;
		file->data = data;
	}
	return 0;
}

void
cli_holidays_free(struct cli_holidays *holidays)
{
	for (int i = 0; i < holidays->count; i++)
		free((char *)(uintptr_t)holidays->files[i].data);
	free(holidays->files);
	holidays->files = NULL;
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

int
cli_write_file(const char *path, int (*produce)(FILE *out, void *payload),
               void *payload)
{
	size_t len = strlen(path) + sizeof(".tmp-XXXXXX");
	char *tmp = malloc(len);
	FILE *out = NULL;
	mode_t mask;
	struct stat existing;
	int fd, rc;

	if (!tmp) {
		cli_error("out of memory");
		return 2;
	}
	/* A device or a pipe (/dev/stdout, a FIFO) is written in place:
	 * renaming over it would replace it with a plain file. */
	if (stat(path, &existing) == 0 && !S_ISREG(existing.st_mode)) {
		free(tmp);
		out = fopen(path, "wb");
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
	snprintf(tmp, len, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd >= 0) {
		/* mkstemp makes 0600; give the file the mode a plain
		 * creation would have. */
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
		out = fdopen(fd, "wb");
		if (!out)
			close(fd);
	}
	if (!out) {
		cli_error("--output %s: %s", path, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
		free(tmp);
		return 2;
	}
	rc = produce(out, payload);
	if (fclose(out) != 0 && rc == 0) {
		cli_error("--output %s: %s", path, strerror(errno));
		rc = 2;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		cli_error("--output %s: %s", path, strerror(errno));
		rc = 2;
	}
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc ? 2 : 0;
}

const struct cli_option *
cli_match_option(const struct cli_option *table, size_t count, int argc,
                 char **argv, int *i, const char **value, int *status)
{
	const char *arg = argv[*i];

	*status = 0;
	for (size_t v = 0; v < count; v++) {
		size_t len = strlen(table[v].name);

		if (strncmp(arg, table[v].name, len) != 0 ||
		    (arg[len] != '\0' && arg[len] != '='))
			continue;
		*value = cli_option_value(argc, argv, i, arg, len);
		if (!*value)
			*status = cli_usage_error("option %s needs a value",
			                          table[v].name);
		return &table[v];
	}
	return NULL;
}

int
cli_match_flag(const struct cli_option *table, size_t count, const char *arg,
               void *options)
{
	for (size_t f = 0; f < count; f++)
		if (strcmp(arg, table[f].name) == 0) {
			*(int *)((char *)options + table[f].offset) = 1;
			return 1;
		}
	return 0;
}

int
cli_store_option(void *options, const struct cli_option *option,
                 const char *value, struct cli_holidays *holidays)
{
	if (option->offset == CLI_OPTION_HOLIDAYS)
		return cli_holidays_add(holidays, value);
	*(const char **)((char *)options + option->offset) = value;
	return 0;
}
