/* A JSON lexer for the library's readers (GOV.UK bank holidays,
 * schedules given back as a baseline): RFC 8259 tokens with their
 * positions, strings checked as they are read (UTF-8, escapes, surrogate
 * pairs) and decoded on request, errors with the line and byte column.
 * Private: not installed. */
#ifndef UKWD_JSON_H
#define UKWD_JSON_H

#include <stddef.h>

#include "ukwd/error.h"
#include "internal.h"

enum ukwd__json_type {
	UKWD__JSON_EOF,
	UKWD__JSON_BEGIN_OBJECT,
	UKWD__JSON_END_OBJECT,
	UKWD__JSON_BEGIN_ARRAY,
	UKWD__JSON_END_ARRAY,
	UKWD__JSON_COLON,
	UKWD__JSON_COMMA,
	UKWD__JSON_STRING,
	UKWD__JSON_NUMBER,
	UKWD__JSON_TRUE,
	UKWD__JSON_FALSE,
	UKWD__JSON_NULL,
	UKWD__JSON_INVALID, /* a token being read, until it proves to be one
	                       above */
};

struct ukwd__json_token {
	enum ukwd__json_type type;
	const unsigned char *start, *last; /* first and last byte */
	int escaped;                       /* a string with a '\\' in it */
};

/* A growable byte buffer, kept NUL-terminated. */
struct ukwd__json_buf {
	char *data;
	size_t len, cap;
};

/* The text being read. A syntax error or running out of memory sets rc
 * and diag and stops the reading: every function then returns rc. */
struct ukwd__json {
	const unsigned char *start, *p, *end;
	ukwd_diag *diag;
	int rc;
	const char *what; /* for messages: "GOV.UK JSON" */
};

/* The 1-based line and byte column of the byte at `at` (the end of the
 * text: just past its last byte). */
void ukwd__json_position(const struct ukwd__json *r, const unsigned char *at,
                         int *line, int *column);

/* A syntax error at the byte `at` ends the reading ("not JSON: ..."):
 * returns r->rc. */
int ukwd__json_error(struct ukwd__json *r, const unsigned char *at,
                     const char *fmt, ...) UKWD__PRINTF(3, 4);

/* Out of memory: ends the reading, returns r->rc. */
int ukwd__json_oom(struct ukwd__json *r);

/* The token's text for a message: at most 24 bytes, printable ASCII. */
const char *ukwd__json_token_text(const struct ukwd__json_token *t, char *out,
                                  size_t size);

/* "EXPECTED expected near TOKEN": a syntax error. */
int ukwd__json_unexpected(struct ukwd__json *r,
                          const struct ukwd__json_token *t,
                          const char *expected);

/* Room for `more` bytes and a NUL after b->len; set b to len bytes. */
int ukwd__json_buf_reserve(struct ukwd__json *r, struct ukwd__json_buf *b,
                           size_t more);
int ukwd__json_buf_set(struct ukwd__json *r, struct ukwd__json_buf *b,
                       const void *data, size_t len);

/* Move past blanks (space, tab, CR, LF). */
void ukwd__json_skip_space(struct ukwd__json *r);

/* The next token (UKWD__JSON_EOF at the end), or a syntax error. */
int ukwd__json_next(struct ukwd__json *r, struct ukwd__json_token *t);

/* A string token's value into `out`, NUL-terminated: UTF-8 with no NUL
 * in it (the lexer refuses \u0000). */
int ukwd__json_string(struct ukwd__json *r, const struct ukwd__json_token *t,
                      struct ukwd__json_buf *out);

#endif
