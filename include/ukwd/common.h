/**
 * @file ukwd/common.h
 * @brief Export and C++ linkage macros shared by every libukwd header.
 */
#ifndef UKWD_COMMON_H
#define UKWD_COMMON_H

#if defined(__GNUC__) || defined(__clang__)
#define UKWD_API __attribute__((visibility("default")))
#else
#define UKWD_API
#endif

#ifdef __cplusplus
#define UKWD_BEGIN_DECLS extern "C" {
#define UKWD_END_DECLS   }
#else
#define UKWD_BEGIN_DECLS
#define UKWD_END_DECLS
#endif

#endif /* UKWD_COMMON_H */
