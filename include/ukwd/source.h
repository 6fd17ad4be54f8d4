/**
 * @file ukwd/source.h
 * @brief Where a figure comes from: a tag, a citation and a reference.
 *
 * Every SEC figure in libukwd, and every task of a plan built from the
 * User Entry Process (ukwd/uep.h), carries a #ukwd_source. A plan's task
 * may carry one too (ukwd_plan_set_task_source()); the renderers draw a
 * task whose tag is #UKWD_SOURCE_PROPOSED or #UKWD_SOURCE_USER apart from
 * one whose duration is published, and print the citation and reference
 * as they are, never parsing them.
 */
#ifndef UKWD_SOURCE_H
#define UKWD_SOURCE_H

#include <stddef.h>

#include "common.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_source Sources
 * @{ */

/** How reliable a figure is. */
typedef enum ukwd_source_tag {
	/** Our own default: no public source gives it. Never an SEC rule. */
	UKWD_SOURCE_PROPOSED = 0,
	/** From SECAS's *SEC Checklist for Small Suppliers* v1.3 (December
	 *  2017), not checked against a second source. */
	UKWD_SOURCE_CHECKLIST = 1,
	/** From a public source, cited with it. */
	UKWD_SOURCE_SOURCED = 2,
	/** Set by the user: a figure the caller chose instead of the
	 *  catalogue's; never an SEC rule. */
	UKWD_SOURCE_USER = 3
} ukwd_source_tag;

/** The number of #ukwd_source_tag values. */
#define UKWD_SOURCE_TAG_COUNT 4

/** Where a figure comes from. The strings are borrowed: from the plan
 *  (ukwd_plan_task_source()) or the caller (ukwd_plan_set_task_source(),
 *  which copies them). */
typedef struct ukwd_source {
	ukwd_source_tag tag;   /**< how reliable the figure is */
	const char *citation;  /**< the source, or why the figure is ours;
	                            NULL or "" for none */
	const char *reference; /**< a clause or section of the rules the
	                            figure is about (for the SEC, e.g.
	                            "H14"); NULL or "" for none */
} ukwd_source;

/**
 * @brief A tag's name: "PROPOSED", "CHECKLIST", "SOURCED" or "USER";
 *        "UNKNOWN" for any other value.
 * @since 0.1
 */
UKWD_API const char *ukwd_source_tag_name(ukwd_source_tag tag);

/**
 * @brief Read a tag's name, as ukwd_source_tag_name() writes it (matched
 *        without regard to case).
 * @param[out] out  the tag; unchanged on failure.
 * @param[in]  text the name; need not be NUL-terminated.
 * @param[in]  len  its length in bytes.
 * @return 0; #UKWD_EINVAL for a NULL @p out or @p text; #UKWD_EPARSE for
 *         any other text.
 * @since 0.1
 */
UKWD_API int ukwd_source_tag_parse(ukwd_source_tag *out, const char *text,
                                   size_t len);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_SOURCE_H */
