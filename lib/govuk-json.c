/* GOV.UK bank-holidays.json import.
 *
 * A streaming reader for this one schema (issue 13: jansson's tree of a
 * 1 M-event file took seconds and ~10x the file in memory). It reads the
 * text once, keeps no tree, and holds only what the import keeps: the
 * days as ranges and each distinct event name once. It accepts RFC 8259
 * JSON (an optional UTF-8 BOM aside) and refuses, as jansson did with
 * JSON_REJECT_DUPLICATES, duplicate keys in any object, trailing text,
 * nesting deeper than 2048 and invalid UTF-8, with the line and byte
 * column of the offending text. A file that is valid JSON but not GOV.UK's
 * shape gets the first shape error in document order, but only once the
 * whole text is known to be JSON: a syntax error anywhere wins, as it did
 * when jansson parsed the whole file first. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/ical.h"
#include "ukwd/uk.h"
#include "days.h"
#include "internal.h"

#if UKWD_HAVE_GOVUK_JSON /* the 'json' build option: see lib/meson.build */

/* As jansson's JSON_PARSER_MAX_DEPTH: GOV.UK's file needs 4. */
#define MAX_DEPTH   2048
/* Objects with more keys than this check duplicates with a hash table. */
#define LINEAR_KEYS 16
/* Event names are copied into blocks of this size (or one of their own). */
#define NAME_BLOCK  65536

enum token_type {
	T_EOF,
	T_BEGIN_OBJECT,
	T_END_OBJECT,
	T_BEGIN_ARRAY,
	T_END_ARRAY,
	T_COLON,
	T_COMMA,
	T_STRING,
	T_NUMBER,
	T_TRUE,
	T_FALSE,
	T_NULL,
	T_INVALID, /* a token being read, until it proves to be one above */
};

struct token {
	enum token_type type;
	const unsigned char *start, *last; /* first and last byte */
	int escaped;                       /* a string with a '\\' in it */
};

/* A growable byte buffer, kept NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};

/* A key of an open object: in the input (no escapes) or in `arena`. */
struct key_ref {
	size_t offset, len;
	int in_arena;
};

/* Duplicate check for objects of many keys: (object, key) pairs. */
struct key_slot {
	size_t object; /* 0: empty */
	size_t key;    /* index in reader.keys */
	uint64_t hash;
};

struct name_slot {
	const char *name; /* NULL: empty */
	size_t len;
	uint64_t hash;
};

struct reader {
	const unsigned char *start, *p, *end;
	ukwd_diag *diag;
	int rc; /* a syntax error or ENOMEM: stop at once */

	/* The first shape error; reading goes on to find syntax errors. */
	int shape_rc;
	ukwd_diag shape;

	struct buf scratch, key_text, title, date, notes, name;

	/* Keys of the open objects, innermost last. */
	struct key_ref *keys;
	size_t nkeys, keys_cap;
	struct buf arena; /* escaped keys' decoded text */
	struct key_slot *slots;
	size_t nslots_used, slots_cap;
	size_t objects; /* objects opened so far: their serial numbers */

	/* Each distinct event name once. */
	struct name_slot *names;
	size_t nnames, names_cap;
	char *block;
	size_t block_left;

	struct ukwd__days *imp;
};

/* ---- positions and errors ---------------------------------------- */

/* The 1-based line and byte column of the byte at `at` (the end of the
 * text: just past its last byte). */
static void
position(const struct reader *r, const unsigned char *at, int *line,
         int *column)
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

static int syntax_error(struct reader *r, const unsigned char *at,
                        const char *fmt, ...) UKWD__PRINTF(3, 4);

/* A syntax error at the byte `at` ends the reading. */
static int
syntax_error(struct reader *r, const unsigned char *at, const char *fmt, ...)
{
	char text[UKWD_DIAG_MESSAGE_SIZE];
	va_list ap;
	int line, column;

	if (r->rc)
		return r->rc;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	position(r, at, &line, &column);
	r->rc = UKWD_EPARSE;
	ukwd__diag_set(r->diag, UKWD_EPARSE, line, column, "not JSON: %s",
	               text);
	return r->rc;
}

static int
out_of_memory(struct reader *r)
{
	if (!r->rc)
		r->rc = ukwd__diag_set(r->diag, UKWD_ENOMEM, 0, 0, "%s",
		                       "out of memory reading GOV.UK JSON");
	return r->rc;
}

static void shape_error(struct reader *r, const char *division,
                        const unsigned char *at, const char *fmt, ...)
    UKWD__PRINTF(4, 5);

/* A shape error: kept if it is the first; diag.source names the division
 * (when there is one), diag.line and column the value at `at` (if any). */
static void
shape_error(struct reader *r, const char *division, const unsigned char *at,
            const char *fmt, ...)
{
	va_list ap;
	int line = 0, column = 0;

	if (r->shape_rc)
		return;
	if (at)
		position(r, at, &line, &column);
	r->shape_rc = UKWD_EPARSE;
	r->shape.code = UKWD_EPARSE;
	r->shape.line = line;
	r->shape.column = column;
	va_start(ap, fmt);
	vsnprintf(r->shape.message, sizeof(r->shape.message), fmt, ap);
	va_end(ap);
	if (division)
		snprintf(r->shape.source, sizeof(r->shape.source), "%s",
		         division);
}

/* The token's text for a message: at most 24 bytes, printable ASCII. */
static const char *
token_text(const struct token *t, char *out, size_t size)
{
	size_t n = 0;

	if (t->type == T_EOF)
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

static int
unexpected(struct reader *r, const struct token *t, const char *expected)
{
	char text[32];

	if (t->type == T_EOF)
		return syntax_error(r, t->start, "%s expected near end of file",
		                    expected);
	return syntax_error(r, t->last, "%s expected near '%s'", expected,
	                    token_text(t, text, sizeof(text)));
}

/* ---- buffers ----------------------------------------------------- */

static int
buf_reserve(struct reader *r, struct buf *b, size_t more)
{
	size_t cap;
	char *grown;

	if (b->cap - b->len > more)
		return 0;
	if (more > SIZE_MAX / 2 - b->len)
		return out_of_memory(r);
	cap = b->cap ? b->cap : 64;
	while (cap - b->len <= more)
		cap *= 2;
	grown = ukwd__realloc(b->data, cap);
	if (!grown)
		return out_of_memory(r);
	b->data = grown;
	b->cap = cap;
	return 0;
}

static int
buf_set(struct reader *r, struct buf *b, const void *data, size_t len)
{
	b->len = 0;
	if (buf_reserve(r, b, len))
		return r->rc;
	if (len)
		memcpy(b->data, data, len);
	b->len = len;
	b->data[len] = '\0';
	return 0;
}

/* ---- lexing ------------------------------------------------------ */

static void
skip_space(struct reader *r)
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
read_hex4(struct reader *r, const unsigned char *q)
{
	long value = 0;

	for (int i = 0; i < 4; i++) {
		int digit = q + i < r->end ? hex_value(q[i]) : -1;

		if (digit < 0) {
			syntax_error(r, q + i < r->end ? q + i : r->end,
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
lex_string(struct reader *r, struct token *t)
{
	const unsigned char *q = r->p + 1;

	t->type = T_STRING;
	t->escaped = 0;
	for (;;) {
		while (q < r->end && string_plain[*q])
			q++;
		if (q >= r->end)
			return syntax_error(r, r->end,
			                    "a string is not closed (no '\"' "
			                    "before the end of the file)");
		if (*q == '"')
			break;
		if (*q < 0x20)
			return syntax_error(r, q,
			                    "control character 0x%02X in a "
			                    "string (write it as \\u%04X)",
			                    *q, *q);
		if (*q >= 0x80) {
			size_t n = utf8_length(q, r->end);

			if (!n)
				return syntax_error(
				    r, q, "invalid UTF-8 (byte 0x%02X)", *q);
			q += n;
			continue;
		}
		/* A backslash. */
		t->escaped = 1;
		if (q + 1 >= r->end)
			return syntax_error(r, r->end,
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
				return syntax_error(
				    r, q + 5, "%s",
				    "\\u0000 (NUL) is not allowed "
				    "in a string");
			if (code >= 0xDC00 && code <= 0xDFFF)
				return syntax_error(
				    r, q + 5,
				    "\\u%04lX is the second half of a "
				    "surrogate pair without the first",
				    code);
			q += 6;
			if (code >= 0xD800 && code <= 0xDBFF) {
				long low;

				if (q + 1 >= r->end || q[0] != '\\' ||
				    q[1] != 'u')
					return syntax_error(
					    r, q - 1,
					    "\\u%04lX is the first half of a "
					    "surrogate pair without the second",
					    code);
				low = read_hex4(r, q + 2);
				if (low < 0)
					return r->rc;
				if (low < 0xDC00 || low > 0xDFFF)
					return syntax_error(
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
				return syntax_error(
				    r, q + 1,
				    "invalid escape '\\%c' in a "
				    "string",
				    q[1]);
			return syntax_error(r, q + 1, "%s",
			                    "invalid escape in a string");
		}
	}
	t->start = r->p;
	t->last = q;
	r->p = q + 1;
	return 0;
}

static int
lex_number(struct reader *r, struct token *t)
{
	const unsigned char *q = r->p;

	t->type = T_NUMBER;
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

		return syntax_error(r, q < r->end ? q : r->end,
		                    "invalid number near '%s'",
		                    token_text(t, text, sizeof(text)));
	}
}

static int
lex_word(struct reader *r, struct token *t)
{
	static const struct {
		const char *text;
		enum token_type type;
	} words[] = {{"true", T_TRUE}, {"false", T_FALSE}, {"null", T_NULL}};
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
		return syntax_error(r, r->p,
		                    "invalid token (byte 0x%02X outside a "
		                    "string)",
		                    *r->p);
	return syntax_error(r, t->last, "invalid token near '%s'",
	                    token_text(t, text, sizeof(text)));
}

static int
next_token(struct reader *r, struct token *t)
{
	skip_space(r);
	t->escaped = 0;
	t->start = t->last = r->p;
	if (r->p >= r->end) {
		t->type = T_EOF;
		return 0;
	}
	/* Until a lexer below says what it is: an error message about a bad
	 * token reads its type (token_text). */
	t->type = T_INVALID;
	switch (*r->p) {
	case '{':
		t->type = T_BEGIN_OBJECT;
		break;
	case '}':
		t->type = T_END_OBJECT;
		break;
	case '[':
		t->type = T_BEGIN_ARRAY;
		break;
	case ']':
		t->type = T_END_ARRAY;
		break;
	case ':':
		t->type = T_COLON;
		break;
	case ',':
		t->type = T_COMMA;
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
static int
string_value(struct reader *r, const struct token *t, struct buf *out)
{
	const unsigned char *q = t->start + 1, *end = t->last;
	size_t n = 0;

	if (!t->escaped)
		return buf_set(r, out, q, (size_t)(end - q));
	/* Decoded text is never longer than its escaped form. */
	out->len = 0;
	if (buf_reserve(r, out, (size_t)(end - q)))
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

/* ---- duplicate keys ---------------------------------------------- */

/* An open object: its serial number and where its keys start. */
struct object {
	size_t serial, first_key, arena_mark;
};

static void
key_bytes(const struct reader *r, const struct key_ref *k, const char **data)
{
	*data = k->in_arena ? r->arena.data + k->offset
	                    : (const char *)r->start + k->offset;
}

static int
key_equal(const struct reader *r, size_t a, const char *data, size_t len)
{
	const struct key_ref *k = &r->keys[a];
	const char *bytes;

	if (k->len != len)
		return 0;
	key_bytes(r, k, &bytes);
	return memcmp(bytes, data, len) == 0;
}

static uint64_t
hash_bytes(const char *data, size_t len)
{
	uint64_t h = 1469598103934665603u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211u;
	}
	return h;
}

static int
slots_grow(struct reader *r)
{
	size_t cap = r->slots_cap ? r->slots_cap * 2 : 256;
	struct key_slot *grown;

	if (cap > SIZE_MAX / sizeof(*grown))
		return out_of_memory(r);
	grown = ukwd__calloc(cap, sizeof(*grown));
	if (!grown)
		return out_of_memory(r);
	for (size_t i = 0; i < r->slots_cap; i++) {
		size_t at;

		if (!r->slots[i].object)
			continue;
		at = (size_t)r->slots[i].hash & (cap - 1);
		while (grown[at].object)
			at = (at + 1) & (cap - 1);
		grown[at] = r->slots[i];
	}
	ukwd__free(r->slots);
	r->slots = grown;
	r->slots_cap = cap;
	return 0;
}

/* Key `index` of object `o` in the hash table; 1 if it was there. */
static int
slots_insert(struct reader *r, const struct object *o, size_t index)
{
	const char *data;
	uint64_t hash;
	size_t at;

	if ((r->nslots_used + 1) * 2 > r->slots_cap && slots_grow(r))
		return -1;
	key_bytes(r, &r->keys[index], &data);
	hash = hash_bytes(data, r->keys[index].len) ^ (uint64_t)o->serial;
	for (at = (size_t)hash & (r->slots_cap - 1); r->slots[at].object;
	     at = (at + 1) & (r->slots_cap - 1))
		if (r->slots[at].object == o->serial &&
		    r->slots[at].hash == hash &&
		    key_equal(r, r->slots[at].key, data, r->keys[index].len))
			return 1;
	r->slots[at] = (struct key_slot){o->serial, index, hash};
	r->nslots_used++;
	return 0;
}

/* Record the key of token `t` (value `text`, `len` bytes) in the open
 * object `o`; a duplicate is a syntax error at the key, as jansson's
 * JSON_REJECT_DUPLICATES made it. */
static int
object_key(struct reader *r, const struct object *o, const struct token *t,
           const char *text, size_t len)
{
	size_t count = r->nkeys - o->first_key, index = r->nkeys;
	struct key_ref k = {0, len, t->escaped};
	int duplicate = 0;

	if (count < LINEAR_KEYS)
		for (size_t i = o->first_key; i < r->nkeys && !duplicate; i++)
			duplicate = key_equal(r, i, text, len);
	if (!duplicate) {
		if (r->nkeys == r->keys_cap) {
			size_t cap = r->keys_cap ? r->keys_cap * 2 : 64;
			struct key_ref *grown =
			    cap > SIZE_MAX / sizeof(*grown)
			        ? NULL
			        : ukwd__realloc(r->keys, cap * sizeof(*grown));

			if (!grown)
				return out_of_memory(r);
			r->keys = grown;
			r->keys_cap = cap;
		}
		if (t->escaped) {
			k.offset = r->arena.len;
			if (buf_reserve(r, &r->arena, len))
				return r->rc;
			memcpy(r->arena.data + r->arena.len, text, len);
			r->arena.len += len;
		} else {
			k.offset = (size_t)(t->start + 1 - r->start);
		}
		r->keys[r->nkeys++] = k;
		if (count + 1 == LINEAR_KEYS) {
			for (size_t i = o->first_key; i < r->nkeys; i++)
				if (slots_insert(r, o, i) < 0)
					return r->rc;
		} else if (count + 1 > LINEAR_KEYS) {
			int found = slots_insert(r, o, index);

			if (found < 0)
				return r->rc;
			duplicate = found;
		}
	}
	if (duplicate) {
		char shown[32];

		return syntax_error(r, t->last,
		                    "duplicate object key near '%s'",
		                    token_text(t, shown, sizeof(shown)));
	}
	return 0;
}

static void
object_open(struct reader *r, struct object *o)
{
	o->serial = ++r->objects;
	o->first_key = r->nkeys;
	o->arena_mark = r->arena.len;
}

static void
object_close(struct reader *r, const struct object *o)
{
	r->nkeys = o->first_key;
	r->arena.len = o->arena_mark;
}

/* Reads the object's next key after '{' (first) or after a value: sets
 * *more to 0 at its '}'. The key's value is in r->key_text. */
static int
next_key(struct reader *r, struct object *o, int first, int *more,
         struct token *key)
{
	struct token t;

	if (next_token(r, &t))
		return r->rc;
	if (!first) {
		if (t.type == T_END_OBJECT) {
			*more = 0;
			return 0;
		}
		if (t.type != T_COMMA)
			return unexpected(r, &t, "',' or '}'");
		if (next_token(r, &t))
			return r->rc;
	} else if (t.type == T_END_OBJECT) {
		*more = 0;
		return 0;
	}
	if (t.type != T_STRING)
		return unexpected(r, &t, first ? "string or '}'" : "string");
	if (string_value(r, &t, &r->key_text) ||
	    object_key(r, o, &t, r->key_text.data, r->key_text.len))
		return r->rc;
	*key = t;
	if (next_token(r, &t))
		return r->rc;
	if (t.type != T_COLON)
		return unexpected(r, &t, "':'");
	*more = 1;
	return 0;
}

/* Reads the array's next element's first token after '[' (first) or after
 * an element: sets *more to 0 at its ']'. */
static int
next_element(struct reader *r, int first, int *more, struct token *t)
{
	if (next_token(r, t))
		return r->rc;
	if (t->type == T_END_ARRAY) {
		*more = 0;
		return 0;
	}
	if (!first) {
		if (t->type != T_COMMA)
			return unexpected(r, t, "',' or ']'");
		if (next_token(r, t))
			return r->rc;
	}
	*more = 1;
	return 0;
}

/* Reads (and checks) a value whose first token is `t`. */
static int
skip_value(struct reader *r, const struct token *t, int depth)
{
	int more = 1;

	switch (t->type) {
	case T_STRING:
	case T_NUMBER:
	case T_TRUE:
	case T_FALSE:
	case T_NULL:
		return 0;
	case T_BEGIN_OBJECT:
	case T_BEGIN_ARRAY:
		break;
	default:
		return unexpected(r, t, "a value");
	}
	if (depth >= MAX_DEPTH)
		return syntax_error(r, t->start,
		                    "nested deeper than %d arrays and objects",
		                    MAX_DEPTH);
	if (t->type == T_BEGIN_OBJECT) {
		struct object o;
		struct token key, value;

		object_open(r, &o);
		for (int first = 1;; first = 0) {
			if (next_key(r, &o, first, &more, &key))
				return r->rc;
			if (!more)
				break;
			if (next_token(r, &value) ||
			    skip_value(r, &value, depth + 1))
				return r->rc;
		}
		object_close(r, &o);
		return 0;
	}
	for (int first = 1;; first = 0) {
		struct token element;

		if (next_element(r, first, &more, &element))
			return r->rc;
		if (!more)
			return 0;
		if (skip_value(r, &element, depth + 1))
			return r->rc;
	}
}

/* ---- GOV.UK's shape ---------------------------------------------- */

static int
key_is(const struct buf *key, const char *name)
{
	size_t len = strlen(name);

	return key->len == len && memcmp(key->data, name, len) == 0;
}

/* The stored copy of `name` (`len` bytes), one per distinct name. */
static int
intern_name(struct reader *r, const char *name, size_t len, const char **out)
{
	uint64_t hash = hash_bytes(name, len);
	size_t at;
	char *copy;

	if ((r->nnames + 1) * 2 > r->names_cap) {
		size_t cap = r->names_cap ? r->names_cap * 2 : 64;
		struct name_slot *grown =
		    cap > SIZE_MAX / sizeof(*grown)
		        ? NULL
		        : ukwd__calloc(cap, sizeof(*grown));

		if (!grown)
			return out_of_memory(r);
		for (size_t i = 0; i < r->names_cap; i++) {
			if (!r->names[i].name)
				continue;
			at = (size_t)r->names[i].hash & (cap - 1);
			while (grown[at].name)
				at = (at + 1) & (cap - 1);
			grown[at] = r->names[i];
		}
		ukwd__free(r->names);
		r->names = grown;
		r->names_cap = cap;
	}
	for (at = (size_t)hash & (r->names_cap - 1); r->names[at].name;
	     at = (at + 1) & (r->names_cap - 1))
		if (r->names[at].hash == hash && r->names[at].len == len &&
		    memcmp(r->names[at].name, name, len) == 0) {
			*out = r->names[at].name;
			return 0;
		}
	if (len + 1 > NAME_BLOCK / 4) { /* a long name: a block of its own */
		copy = ukwd__malloc(len + 1);
		if (!copy || ukwd__days_own(r->imp, copy))
			return out_of_memory(r);
	} else {
		if (len + 1 > r->block_left) {
			char *block = ukwd__malloc(NAME_BLOCK);

			if (!block || ukwd__days_own(r->imp, block))
				return out_of_memory(r);
			r->block = block;
			r->block_left = NAME_BLOCK;
		}
		copy = r->block;
		r->block += len + 1;
		r->block_left -= len + 1;
	}
	memcpy(copy, name, len);
	copy[len] = '\0';
	r->names[at] = (struct name_slot){copy, len, hash};
	r->nnames++;
	*out = copy;
	return 0;
}

/* The fields of one event that the import reads. */
struct event {
	int has_title, has_date, has_notes;
	int title_string, date_string, notes_string;
};

/* One event, whose first token is `t`, imported if `importing`. Returns
 * a syntax error or ENOMEM; a shape error goes to shape_error(). */
static int
read_event(struct reader *r, const struct token *t, const char *division,
           size_t index, int importing, int depth)
{
	struct event e = {0};
	struct object o;
	struct token key, value;
	int more;
	ukwd_diag date_diag;
	ukwd_date d;
	const char *name = NULL;
	int rc;

	if (t->type != T_BEGIN_OBJECT) {
		if (skip_value(r, t, depth))
			return r->rc;
		if (importing)
			shape_error(r, division, t->start, "event %zu: %s",
			            index, "not a JSON object");
		return 0;
	}
	object_open(r, &o);
	for (int first = 1;; first = 0) {
		struct buf *field = NULL;
		int *has = NULL, *is_string = NULL;

		if (next_key(r, &o, first, &more, &key))
			return r->rc;
		if (!more)
			break;
		if (next_token(r, &value))
			return r->rc;
		if (key_is(&r->key_text, "title")) {
			field = &r->title;
			has = &e.has_title;
			is_string = &e.title_string;
		} else if (key_is(&r->key_text, "date")) {
			field = &r->date;
			has = &e.has_date;
			is_string = &e.date_string;
		} else if (key_is(&r->key_text, "notes")) {
			field = &r->notes;
			has = &e.has_notes;
			is_string = &e.notes_string;
		}
		if (field && importing) {
			*has = 1;
			*is_string = value.type == T_STRING;
			if (*is_string && string_value(r, &value, field))
				return r->rc;
		}
		if (skip_value(r, &value, depth + 1))
			return r->rc;
	}
	object_close(r, &o);
	if (!importing)
		return 0;
	if (!e.title_string || r->title.len == 0) {
		shape_error(r, division, t->start, "event %zu: %s", index,
		            "no \"title\" string");
		return 0;
	}
	if (!e.date_string) {
		shape_error(r, division, t->start, "event %zu: %s", index,
		            "no \"date\" string");
		return 0;
	}
	if (e.has_notes && !e.notes_string) {
		shape_error(r, division, t->start, "event %zu: %s", index,
		            "\"notes\" is not a string");
		return 0;
	}
	/* Without a diag first: clearing one costs as much as the parse. */
	if (ukwd_date_parse(&d, r->date.data, NULL) &&
	    ukwd_date_parse(&d, r->date.data, &date_diag)) {
		shape_error(r, division, t->start,
		            "event %zu: bad \"date\": %s", index,
		            date_diag.message);
		return 0;
	}
	/* "Title (notes in lower case)", as GOV.UK's page shows an event. */
	if (buf_set(r, &r->name, r->title.data, r->title.len))
		return r->rc;
	if (e.has_notes && r->notes.len) {
		size_t at = r->title.len + 2;

		if (buf_reserve(r, &r->name, r->notes.len + 3))
			return r->rc;
		memcpy(r->name.data + r->title.len, " (", 2);
		for (size_t i = 0; i < r->notes.len; i++) {
			char c = r->notes.data[i];

			r->name.data[at + i] =
			    (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
		}
		r->name.len = at + r->notes.len + 1;
		r->name.data[r->name.len - 1] = ')';
		r->name.data[r->name.len] = '\0';
	}
	/* A NUL from \u0000 is refused when lexing: the name is one C
	 * string. */
	if (intern_name(r, r->name.data, r->name.len, &name))
		return r->rc;
	rc = ukwd__days_add(r->imp, d, name);
	if (rc == UKWD_ENOMEM)
		return out_of_memory(r);
	if (rc) {
		/* The import's cap: described in r->imp->diag. */
		shape_error(r, division, t->start, "event %zu: %s", index,
		            r->imp->diag->message);
		r->shape.code = r->shape_rc = rc;
	}
	return 0;
}

/* One division's object, whose first token is `t`; `importing`: the
 * caller asked for it and no shape error was found before it. */
static int
read_division(struct reader *r, const struct token *t, const char *division,
              int importing)
{
	struct object o;
	struct token key, value;
	int more, has_events = 0, label_bad = 0;
	const unsigned char *label_at = NULL;
	size_t events = 0;
	/* The division's errors, reported in the order jansson's code
	 * checked them: its label, its events array, then its events. */
	int event_shape_before = r->shape_rc;
	ukwd_diag event_problem;
	int event_rc = 0;

	if (!importing)
		return skip_value(r, t, 1);
	if (t->type != T_BEGIN_OBJECT) {
		if (skip_value(r, t, 1))
			return r->rc;
		shape_error(r, division, t->start, "%s",
		            "the division is not a JSON object");
		return 0;
	}
	object_open(r, &o);
	for (int first = 1;; first = 0) {
		if (next_key(r, &o, first, &more, &key))
			return r->rc;
		if (!more)
			break;
		if (next_token(r, &value))
			return r->rc;
		if (key_is(&r->key_text, "division")) {
			label_at = value.start;
			if (value.type != T_STRING) {
				label_bad = 1;
			} else {
				if (string_value(r, &value, &r->scratch))
					return r->rc;
				label_bad =
				    strcmp(r->scratch.data, division) != 0;
			}
			if (skip_value(r, &value, 2))
				return r->rc;
		} else if (key_is(&r->key_text, "events") &&
		           value.type == T_BEGIN_ARRAY) {
			struct token event;

			has_events = 1;
			for (int first_event = 1;; first_event = 0) {
				if (next_element(r, first_event, &more, &event))
					return r->rc;
				if (!more)
					break;
				/* Events are counted from 1, as a person
				 * reading the file counts them. */
				if (read_event(r, &event, division, ++events,
				               !r->shape_rc, 3))
					return r->rc;
			}
		} else {
			if (key_is(&r->key_text, "events"))
				has_events = -1; /* not an array */
			if (skip_value(r, &value, 2))
				return r->rc;
		}
	}
	object_close(r, &o);
	/* An event's error was the first shape error: the label's or the
	 * array's, found only now, go before it. */
	if (!event_shape_before && r->shape_rc) {
		event_problem = r->shape;
		event_rc = r->shape_rc;
		r->shape_rc = 0;
		memset(&r->shape, 0, sizeof(r->shape));
	}
	if (label_bad)
		shape_error(r, division, label_at, "%s",
		            "its \"division\" does not match its key");
	else if (has_events <= 0)
		shape_error(r, division, t->start, "%s", "no \"events\" array");
	if (event_rc && !r->shape_rc) {
		r->shape = event_problem;
		r->shape_rc = event_rc;
	}
	return 0;
}

static int
read_file(struct reader *r, unsigned int divisions, unsigned int *found)
{
	struct token t;
	struct object o;
	struct token key, value;
	int more;

	if (r->end - r->p >= 3 && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3; /* RFC 8259 lets a parser ignore a BOM */
	if (next_token(r, &t))
		return r->rc;
	if (t.type == T_EOF)
		return unexpected(r, &t, "'{'");
	if (t.type != T_BEGIN_OBJECT) {
		if (skip_value(r, &t, 0))
			return r->rc;
		shape_error(r, NULL, t.start, "%s",
		            "not GOV.UK's bank-holidays.json: the top level "
		            "is not an object");
	} else {
		object_open(r, &o);
		for (int first = 1;; first = 0) {
			unsigned int division = 0;
			char name[UKWD_DIAG_SOURCE_SIZE];

			if (next_key(r, &o, first, &more, &key))
				return r->rc;
			if (!more)
				break;
			if (next_token(r, &value))
				return r->rc;
			snprintf(name, sizeof(name), "%s", r->key_text.data);
			if (r->shape_rc) {
				if (skip_value(r, &value, 1))
					return r->rc;
				continue;
			}
			/* GOV.UK's own keys only: no alias, no other case. */
			if (ukwd_uk_division_parse(&division, r->key_text.data,
			                           NULL) ||
			    !ukwd_uk_division_name(division) ||
			    strcmp(r->key_text.data,
			           ukwd_uk_division_name(division)) != 0) {
				shape_error(r, name, key.start,
				            "unknown division \"%.60s\"",
				            r->key_text.data);
				if (skip_value(r, &value, 1))
					return r->rc;
				continue;
			}
			*found |= division;
			if (read_division(r, &value,
			                  ukwd_uk_division_name(division),
			                  (divisions & division) != 0))
				return r->rc;
		}
		object_close(r, &o);
	}
	/* Trailing text is refused as it is, before it is read as a token. */
	skip_space(r);
	if (r->p < r->end) {
		const unsigned char *newline =
		    memchr(r->p, '\n', (size_t)(r->end - r->p));
		char text[32];

		t.type = T_NUMBER; /* any type but T_EOF */
		t.start = r->p;
		t.last = (newline ? newline : r->end) - 1;
		if (t.last < t.start)
			t.last = t.start;
		return syntax_error(r, r->p, "end of file expected near '%s'",
		                    token_text(&t, text, sizeof(text)));
	}
	return 0;
}

static void
reader_free(struct reader *r)
{
	struct buf *bufs[] = {&r->scratch, &r->key_text, &r->title, &r->date,
	                      &r->notes,   &r->name,     &r->arena};

	for (size_t i = 0; i < sizeof(bufs) / sizeof(*bufs); i++)
		ukwd__free(bufs[i]->data);
	ukwd__free(r->keys);
	ukwd__free(r->slots);
	ukwd__free(r->names);
}

int
ukwd_govuk_json_import(ukwd_calendar_builder *b, const char *data, size_t size,
                       unsigned int divisions, unsigned int flags,
                       ukwd_diag *diag)
{
	struct ukwd__days imp = {0};
	struct reader r = {0};
	ukwd_diag cap_diag = {0};
	ukwd_date first, last;
	unsigned int found = 0;
	int rc;

	ukwd__diag_clear(diag);
	if (!b || !data || (flags & ~UKWD_IMPORT_OFFICIAL) || !divisions ||
	    (divisions & ~UKWD_UK_ALL))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no builder or data, no division, or "
		                      "unknown flags");
	if (ukwd__builder_range(b, &first, &last))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "set the builder's range before "
		                      "importing");
	imp.diag = &cap_diag;
	r.start = r.p = (const unsigned char *)data;
	r.end = r.start + size;
	r.diag = diag;
	r.imp = &imp;
	rc = read_file(&r, divisions, &found);
	if (rc == 0 && r.shape_rc) {
		rc = r.shape_rc;
		if (diag)
			*diag = r.shape;
	}
	if (rc == 0 && (divisions & ~found)) {
		unsigned int missing = divisions & ~found;

		rc = ukwd__diag_set(
		    diag, UKWD_EPARSE, 0, 0, "the file has no \"%s\"",
		    ukwd_uk_division_name(missing & (0u - missing)));
	}
	if (rc == 0)
		rc = ukwd__days_apply(b, &imp, flags);
	reader_free(&r);
	ukwd__days_free(&imp);
	return rc;
}

unsigned int
ukwd__govuk_json_divisions(const char *data, size_t size)
{
	struct ukwd__days imp = {0};
	struct reader r = {0};
	ukwd_diag diag;
	unsigned int found = 0;
	int rc;

	if (!data)
		return 0;
	r.start = r.p = (const unsigned char *)data;
	r.end = r.start + size;
	r.diag = &diag;
	r.imp = &imp;
	rc = read_file(&r, 0, &found); /* no division asked: none imported */
	reader_free(&r);
	ukwd__days_free(&imp);
	return rc == 0 && r.shape_rc == 0 ? found : 0;
}

#else /* !UKWD_HAVE_GOVUK_JSON */

int
ukwd_govuk_json_import(ukwd_calendar_builder *b, const char *data, size_t size,
                       unsigned int divisions, unsigned int flags,
                       ukwd_diag *diag)
{
	(void)b;
	(void)data;
	(void)size;
	(void)divisions;
	(void)flags;
	ukwd__diag_clear(diag);
	return ukwd__diag_set(diag, UKWD_ENOTSUPPORTED, 0, 0,
	                      "libukwd was built without GOV.UK JSON "
	                      "import (-Djson=disabled)");
}

unsigned int
ukwd__govuk_json_divisions(const char *data, size_t size)
{
	(void)data;
	(void)size;
	return 0;
}

#endif
