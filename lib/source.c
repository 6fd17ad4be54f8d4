#include <stddef.h>

#include "ukwd/error.h"
#include "ukwd/source.h"

/* The one table of tag names, in enum order. */
static const char *const tag_names[UKWD_SOURCE_TAG_COUNT] = {
    [UKWD_SOURCE_PROPOSED] = "PROPOSED",
    [UKWD_SOURCE_CHECKLIST] = "CHECKLIST",
    [UKWD_SOURCE_SOURCED] = "SOURCED",
    [UKWD_SOURCE_USER] = "USER",
};

const char *
ukwd_source_tag_name(ukwd_source_tag tag)
{
	return (unsigned int)tag < UKWD_SOURCE_TAG_COUNT ? tag_names[tag]
	                                                 : "UNKNOWN";
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
ukwd_source_tag_parse(ukwd_source_tag *out, const char *text, size_t len)
{
	if (!out || !text)
		return UKWD_EINVAL;
	for (int t = 0; t < UKWD_SOURCE_TAG_COUNT; t++) {
		const char *name = tag_names[t];
		size_t i = 0;

		while (i < len && name[i] &&
		       lower((unsigned char)text[i]) == lower(name[i]))
			i++;
		if (i == len && !name[i]) {
			*out = (ukwd_source_tag)t;
			return 0;
		}
	}
	return UKWD_EPARSE;
}
