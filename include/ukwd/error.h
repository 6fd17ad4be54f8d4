/**
 * @file ukwd/error.h
 * @brief Error codes and the diagnostic record filled by parsers.
 *
 * Every libukwd function that can fail returns `int`: 0 (#UKWD_OK) on
 * success or one of the negative codes below. Codes are never renumbered;
 * new ones are appended. Functions that parse or validate user input also
 * take an optional trailing `ukwd_diag *` (NULL allowed) which says what
 * was wrong and where.
 */
#ifndef UKWD_ERROR_H
#define UKWD_ERROR_H

#include "common.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_error Errors
 * @{ */

/**
 * The one list of error codes: name, value, description. The enum,
 * ukwd_strerror() and ukwd_err_name() are all generated from it.
 */
#define UKWD_ERRNO_MAP(X)                                                      \
	X(OK, 0, "success")                                                    \
	X(ERROR, -1, "unspecified error")                                      \
	X(EINVAL, -2, "invalid argument")                                      \
	X(ENOMEM, -3, "out of memory")                                         \
	X(ERANGE, -4, "date or number out of range")                           \
	X(ENOTFOUND, -5, "not found")                                          \
	X(EPARSE, -6, "malformed input")                                       \
	X(ECYCLE, -7, "dependency cycle")                                      \
	X(EBUFS, -8, "buffer too small")                                       \
	X(ENOTSUPPORTED, -9, "feature not built into this library")            \
	X(EUSER, -10, "stopped by a callback")

/** Error codes returned by libukwd functions. */
typedef enum ukwd_error {
#define UKWD__ERR_ENUM(name, value, text) UKWD_##name = (value),
	UKWD_ERRNO_MAP(UKWD__ERR_ENUM)
#undef UKWD__ERR_ENUM
} ukwd_error;
/** @var UKWD_OK
 *  0: success. */
/** @var UKWD_ERROR
 *  -1: an error with no more specific code. */
/** @var UKWD_EINVAL
 *  -2: an invalid argument, such as a NULL pointer or a value outside its
 *  domain. */
/** @var UKWD_ENOMEM
 *  -3: out of memory; nothing was changed. */
/** @var UKWD_ERANGE
 *  -4: a date or number out of range, such as a date outside a calendar
 *  or an answer that would fall outside it. */
/** @var UKWD_ENOTFOUND
 *  -5: no such item (a name, id, rule or index). */
/** @var UKWD_EPARSE
 *  -6: malformed input; the ::ukwd_diag says what and where. */
/** @var UKWD_ECYCLE
 *  -7: a dependency cycle in a plan. */
/** @var UKWD_EBUFS
 *  -8: the caller's buffer is too small. */
/** @var UKWD_ENOTSUPPORTED
 *  -9: a feature not built into this library (see ukwd/version.h). */
/** @var UKWD_EUSER
 *  -10: a callback (a ::ukwd_sink, a visitor) returned non-zero. */

/** Size of ukwd_diag::source, including the terminating NUL. */
#define UKWD_DIAG_SOURCE_SIZE  64
/** Size of ukwd_diag::message, including the terminating NUL. */
#define UKWD_DIAG_MESSAGE_SIZE 160

/**
 * What went wrong, and where, when a parser or validator fails.
 *
 * A fixed-size value struct owned by the caller. Functions that take one
 * clear it on entry and fill it on failure; on success `code` is 0 and the
 * strings are empty.
 */
typedef struct ukwd_diag {
	int code;   /**< the same negative code the function returned */
	int line;   /**< 1-based line in the input, 0 when not applicable */
	int column; /**< 1-based column (byte) in the line, 0 when unknown */
	char source[UKWD_DIAG_SOURCE_SIZE];   /**< input name, may be empty */
	char message[UKWD_DIAG_MESSAGE_SIZE]; /**< one line of English */
} ukwd_diag;

/**
 * @brief A short English description of an error code.
 * @param code a value returned by a libukwd function.
 * @return A static string; "unknown error" for a code not in the list.
 * @since 0.1
 */
UKWD_API const char *ukwd_strerror(int code);

/**
 * @brief The symbolic name of an error code, e.g. "UKWD_ERANGE".
 * @param code a value returned by a libukwd function.
 * @return A static string; "UKWD_UNKNOWN" for a code not in the list.
 * @since 0.1
 */
UKWD_API const char *ukwd_err_name(int code);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_ERROR_H */
