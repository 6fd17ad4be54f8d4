/**
 * @file ukwd/common.h
 * @brief Export and C++ linkage macros shared by every libukwd header.
 */
#ifndef UKWD_COMMON_H
#define UKWD_COMMON_H

/** @def UKWD_API
 *  Marks a function that libukwd exports (default visibility); every
 *  exported name is also listed in the library's version script. */
#if defined(__GNUC__) || defined(__clang__)
#define UKWD_API __attribute__((visibility("default")))
#else
#define UKWD_API
#endif

/*
 * UKWD_QUERY marks the small per-day queries. Where the compiler supports
 * it (GCC), calls to them from position-independent code load the address
 * from the GOT and skip the PLT stub: one indirect jump fewer per call.
 * It changes only how callers call; the ABI is the same either way.
 */
#if defined(__has_attribute)
#if __has_attribute(noplt)
#define UKWD_QUERY UKWD_API __attribute__((noplt))
#endif
#endif
#ifndef UKWD_QUERY
#define UKWD_QUERY UKWD_API
#endif

/** @def UKWD_BEGIN_DECLS
 *  Opens the declarations of a header: `extern "C" {` in C++. */
/** @def UKWD_END_DECLS
 *  Closes what #UKWD_BEGIN_DECLS opened. */
#ifdef __cplusplus
#define UKWD_BEGIN_DECLS extern "C" {
#define UKWD_END_DECLS   }
#else
#define UKWD_BEGIN_DECLS
#define UKWD_END_DECLS
#endif

#include <stddef.h>

/**
 * Where libukwd writes output of any size: called with consecutive pieces
 * of the output, in order. Return 0 to go on; any other value stops the
 * writer, which then returns #UKWD_EUSER.
 */
typedef int (*ukwd_sink)(const char *buf, size_t len, void *payload);

#endif /* UKWD_COMMON_H */
