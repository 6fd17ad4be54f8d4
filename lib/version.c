#include "ukwd/version.h"

const char *
ukwd_version(void)
{
	return UKWD_VERSION_STRING;
}
