#include "ukwd/version.h"

const char *
ukwd_version(void)
{
	return UKWD_VERSION_STRING;
}

int
ukwd_has_feature(ukwd_feature feature)
{
	switch (feature) {
	case UKWD_FEATURE_ICAL:
		return UKWD_HAVE_LIBICAL;
	case UKWD_FEATURE_JSON:
		return UKWD_HAVE_GOVUK_JSON;
	}
	return 0;
}
