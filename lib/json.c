/* The JSON lexer (json.h): the reading of GOV.UK JSON (govuk-json.c)
 * and of schedules given back as a baseline (progress.c). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

/* The 1-based line and byte column of the byte at `at` (the end of the
 * text: just past its last byte). */
void
ukwd__json_position(const struct ukwd__json *r, const unsigned char *at,
                    int *line, int *column)
{
	size_t lines = 1;
	const unsigned char *line_start = r->start;

	for (const unsigned char *q = r->start; q < at; q++)
		if (*q == '\n') {
			lines++;
			line_start = q + 1;
		}
	*line = lines > INT32_MAX ? INT32_MAX : (int)lines;
	if ((size_t)(at - line_start) + 1 > INT32_MAX)
		*column = INT32_MAX;
	else
		*column = (int)(at - line_start) + (at < r->end ? 1 : 0);
}

/* A syntax error at the byte `at` ends the reading. */
int
ukwd__json_error(struct ukwd__json *r, const unsigned char *at, const char *fmt,
                 ...)
{
	char text[UKWD_DIAG_MESSAGE_SIZE];
	va_list ap;
	int line, column;

	if (r->rc)
		return r->rc;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	ukwd__json_position(r, at, &line, &column);
	r->rc = UKWD_EPARSE;
	ukwd__diag_set(r->diag, UKWD_EPARSE, line, column, "not JSON: %s",
	               text);
	return r->rc;
}

int
ukwd__json_oom(struct ukwd__json *r)
{
	if (!r->rc)
		r->rc = ukwd__diag_set(r->diag, UKWD_ENOMEM, 0, 0,
		                       "out of memory reading %s", r->what);
	return r->rc;
}

/* The token's text for a message: at most 24 bytes, printable ASCII. */
const char *
ukwd__json_token_text(const struct ukwd__json_token *t, char *out, size_t size)
{
	size_t n = 0;

	if (t->type == UKWD__JSON_EOF)
		return "end of file";
	for (const unsigned char *q = t->start; q <= t->last && n + 4 < size;
	     q++) {
		if (n >= 24) {
			memcpy(out + n, "...", 3);
			n += 3;
			break;
		}
		out[n++] = (*q >= 0x20 && *q < 0x7F) ? (char)*q : '?';
	}
	out[n] = '\0';
	return out;
}

int
ukwd__json_unexpected(struct ukwd__json *r, const struct ukwd__json_token *t,
                      const char *expected)
{
	char text[32];

	if (t->type == UKWD__JSON_EOF)
		return ukwd__json_error(
		    r, t->start, "%s expected near end of file", expected);
	return ukwd__json_error(r, t->last, "%s expected near '%s'", expected,
	                        ukwd__json_token_text(t, text, sizeof(text)));
}

int
ukwd__json_buf_reserve(struct ukwd__json *r, struct ukwd__json_buf *b,
                       size_t more)
{
	size_t cap;
	char *grown;

	if (b->cap - b->len > more)
		return 0;
	if (more > SIZE_MAX / 2 - b->len)
		return ukwd__json_oom(r);
	cap = b->cap ? b->cap : 64;
	while (cap - b->len <= more)
		cap *= 2;
	grown = ukwd__realloc(b->data, cap);
	if (!grown)
		return ukwd__json_oom(r);
	b->data = grown;
	b->cap = cap;
	return 0;
}

int
ukwd__json_buf_set(struct ukwd__json *r, struct ukwd__json_buf *b,
                   const void *data, size_t len)
{
	b->len = 0;
	if (ukwd__json_buf_reserve(r, b, len))
		return r->rc;
	if (len)
		memcpy(b->data, data, len);
	b->len = len;
	b->data[len] = '\0';
	return 0;
}

/* ---- lexing ------------------------------------------------------ */

void
ukwd__json_skip_space(struct ukwd__json *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' ||
	                         *r->p == '\r' || *r->p == '\t'))
		r->p++;
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The 4 hex digits after "\u" at `q` (q[-2] is the backslash); -1 after
 * reporting the error. */
static long
read_hex4(struct ukwd__json *r, const unsigned char *q)
{
	long value = 0;

	for (int i = 0; i < 4; i++) {
		int digit = q + i < r->end ? hex_value(q[i]) : -1;

		if (digit < 0) {
			ukwd__json_error(
			    r, q + i < r->end ? q + i : r->end,
			    "\\u must be followed by four hex digits");
			return -1;
		}
		value = value * 16 + digit;
	}
	return value;
}

/* The length of the valid UTF-8 sequence at `q` (lead byte >= 0x80), or
 * 0 (RFC 3629: no overlong forms, surrogates or values past U+10FFFF). */
static size_t
utf8_length(const unsigned char *q, const unsigned char *end)
{
	unsigned char c = q[0], lo = 0x80, hi = 0xBF;
	size_t n;

	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if ((size_t)(end - q) < n || q[1] < lo || q[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (q[i] < 0x80 || q[i] > 0xBF)
			return 0;
	return n;
}

/* 1 for the bytes a string holds as they are: not '"', '\\', a control
 * character or part of a multi-byte character. */
/* clang-format off */
static const unsigned char string_plain[256] = {
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0x00 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0x10 */
	1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1, /* 0x20 */
	1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, /* 0x30 */
	1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, /* 0x40 */
	1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1, /* 0x50 */
	1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, /* 0x60 */
	1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, /* 0x70 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0x80 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0x90 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0xA0 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0xB0 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0xC0 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0xD0 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0xE0 */
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, /* 0xF0 */
};
/* clang-format on */

/* The string whose opening quote is at r->p: checked, not decoded. */
static int
lex_string(struct ukwd__json *r, struct ukwd__json_token *t)
{
	const unsigned char *q = r->p + 1;

	t->type = UKWD__JSON_STRING;
	t->escaped = 0;
	for (;;) {
		while (q < r->end && string_plain[*q])
			q++;
		if (q >= r->end)
			return ukwd__json_error(
			    r, r->end,
			    "a string is not closed (no '\"' "
			    "before the end of the file)");
		if (*q == '"')
			break;
		if (*q < 0x20)
			return ukwd__json_error(r, q,
			                        "control character 0x%02X in a "
			                        "string (write it as \\u%04X)",
			                        *q, *q);
		if (*q >= 0x80) {
			size_t n = utf8_length(q, r->end);

			if (!n)
				return ukwd__json_error(
				    r, q, "invalid UTF-8 (byte 0x%02X)", *q);
			q += n;
			continue;
		}
		/* A backslash. */
		t->escaped = 1;
		if (q + 1 >= r->end)
			return ukwd__json_error(
			    r, r->end,
			    "a string is not closed (no '\"' "
			    "before the end of the file)");
		switch (q[1]) {
		case '"':
		case '\\':
		case '/':
		case 'b':
		case 'f':
		case 'n':
		case 'r':
		case 't':
			q += 2;
			break;
		case 'u': {
			long code = read_hex4(r, q + 2);

			if (code < 0)
				return r->rc;
			if (code == 0)
				return ukwd__json_error(
				    r, q + 5, "%s",
				    "\\u0000 (NUL) is not allowed "
				    "in a string");
			if (code >= 0xDC00 && code <= 0xDFFF)
				return ukwd__json_error(
				    r, q + 5,
				    "\\u%04lX is the second half of a "
				    "surrogate pair without the first",
				    code);
			q += 6;
			if (code >= 0xD800 && code <= 0xDBFF) {
				long low;

				if (q + 1 >= r->end || q[0] != '\\' ||
				    q[1] != 'u')
					return ukwd__json_error(
					    r, q - 1,
					    "\\u%04lX is the first half of a "
					    "surrogate pair without the second",
					    code);
				low = read_hex4(r, q + 2);
				if (low < 0)
					return r->rc;
				if (low < 0xDC00 || low > 0xDFFF)
					return ukwd__json_error(
					    r, q + 5,
					    "\\u%04lX is the first half of a "
					    "surrogate pair without the second",
					    code);
				q += 6;
			}
			break;
		}
		default:
			if (q[1] >= 0x20 && q[1] < 0x7F)
				return ukwd__json_error(
				    r, q + 1,
				    "invalid escape '\\%c' in a "
				    "string",
				    q[1]);
			return ukwd__json_error(r, q + 1, "%s",
			                        "invalid escape in a string");
		}
	}
	t->start = r->p;
	t->last = q;
	r->p = q + 1;
	return 0;
}

static int
lex_number(struct ukwd__json *r, struct ukwd__json_token *t)
{
	const unsigned char *q = r->p;

	t->type = UKWD__JSON_NUMBER;
	t->start = q;
	if (*q == '-')
		q++;
	if (q < r->end && *q == '0') {
		q++;
	} else if (q < r->end && *q >= '1' && *q <= '9') {
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	} else {
		goto invalid;
	}
	if (q < r->end && *q == '.') {
		q++;
		if (q >= r->end || *q < '0' || *q > '9')
			goto invalid;
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < r->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < r->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= r->end || *q < '0' || *q > '9')
			goto invalid;
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	}
	/* "01", "1x": a number runs into what cannot follow it. */
	if (q < r->end &&
	    ((*q >= '0' && *q <= '9') || *q == '.' ||
	     (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
		goto invalid;
	t->last = q - 1;
	r->p = q;
	return 0;
invalid:
	t->last = q < r->end ? q : r->end - 1;
	{
		char text[32];

		return ukwd__json_error(
		    r, q < r->end ? q : r->end, "invalid number near '%s'",
		    ukwd__json_token_text(t, text, sizeof(text)));
	}
}

static int
lex_word(struct ukwd__json *r, struct ukwd__json_token *t)
{
	static const struct {
		const char *text;
		enum ukwd__json_type type;
	} words[] = {{"true", UKWD__JSON_TRUE},
	             {"false", UKWD__JSON_FALSE},
	             {"null", UKWD__JSON_NULL}};
	const unsigned char *q = r->p;
	char text[32];

	while (q < r->end &&
	       ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
	        (*q >= '0' && *q <= '9') || *q == '_'))
		q++;
	t->start = r->p;
	t->last = q > r->p ? q - 1 : r->p;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if ((size_t)(q - r->p) == strlen(words[i].text) &&
		    memcmp(r->p, words[i].text, (size_t)(q - r->p)) == 0) {
			t->type = words[i].type;
			r->p = q;
			return 0;
		}
	if (*r->p >= 0x80)
		return ukwd__json_error(r, r->p,
		                        "invalid token (byte 0x%02X outside a "
		                        "string)",
		                        *r->p);
	return ukwd__json_error(r, t->last, "invalid token near '%s'",
	                        ukwd__json_token_text(t, text, sizeof(text)));
}

int
ukwd__json_next(struct ukwd__json *r, struct ukwd__json_token *t)
{
	ukwd__json_skip_space(r);
	t->escaped = 0;
	t->start = t->last = r->p;
	if (r->p >= r->end) {
		t->type = UKWD__JSON_EOF;
		return 0;
	}
	/* Until a lexer below says what it is: an error message about a bad
	 * token reads its type (ukwd__json_token_text). */
	t->type = UKWD__JSON_INVALID;
	switch (*r->p) {
	case '{':
		t->type = UKWD__JSON_BEGIN_OBJECT;
		break;
	case '}':
		t->type = UKWD__JSON_END_OBJECT;
		break;
	case '[':
		t->type = UKWD__JSON_BEGIN_ARRAY;
		break;
	case ']':
		t->type = UKWD__JSON_END_ARRAY;
		break;
	case ':':
		t->type = UKWD__JSON_COLON;
		break;
	case ',':
		t->type = UKWD__JSON_COMMA;
		break;
	case '"':
		return lex_string(r, t);
	case '-':
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	case '8':
	case '9':
		return lex_number(r, t);
	default:
		return lex_word(r, t);
	}
	r->p++;
	return 0;
}

static void
put_utf8(char *out, size_t *n, unsigned long c)
{
	if (c < 0x80) {
		out[(*n)++] = (char)c;
	} else if (c < 0x800) {
		out[(*n)++] = (char)(0xC0 | (c >> 6));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		out[(*n)++] = (char)(0xE0 | (c >> 12));
		out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else {
		out[(*n)++] = (char)(0xF0 | (c >> 18));
		out[(*n)++] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	}
}

static unsigned long
hex4(const unsigned char *q)
{
	unsigned long value = 0;

	for (int i = 0; i < 4; i++)
		value = value * 16 + (unsigned long)hex_value(q[i]);
	return value;
}

/* A string token's value into `out` (NUL-terminated): the token has been
 * checked by lex_string, so every escape in it is valid. */
int
ukwd__json_string(struct ukwd__json *r, const struct ukwd__json_token *t,
                  struct ukwd__json_buf *out)
{
	const unsigned char *q = t->start + 1, *end = t->last;
	size_t n = 0;

	if (!t->escaped)
		return ukwd__json_buf_set(r, out, q, (size_t)(end - q));
	/* Decoded text is never longer than its escaped form. */
	out->len = 0;
	if (ukwd__json_buf_reserve(r, out, (size_t)(end - q)))
		return r->rc;
	while (q < end) {
		unsigned long c;

		if (*q != '\\') {
			out->data[n++] = (char)*q++;
			continue;
		}
		switch (q[1]) {
		case 'b':
			c = '\b';
			break;
		case 'f':
			c = '\f';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case 't':
			c = '\t';
			break;
		case 'u':
			c = hex4(q + 2);
			if (c >= 0xD800 && c <= 0xDBFF) {
				c = 0x10000 + ((c - 0xD800) << 10) +
				    (hex4(q + 8) - 0xDC00);
				q += 6;
			}
			q += 6;
			put_utf8(out->data, &n, c);
			continue;
		default: /* '"', '\\', '/' */
			c = q[1];
			break;
		}
		out->data[n++] = (char)c;
		q += 2;
	}
	out->len = n;
	out->data[n] = '\0';
	return 0;
}
