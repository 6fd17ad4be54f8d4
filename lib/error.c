#include "ukwd/error.h"

const char *
ukwd_strerror(int code)
{
	switch (code) {
#define UKWD__ERR_TEXT(name, value, text)                                      \
	case (value):                                                          \
		return (text);
		UKWD_ERRNO_MAP(UKWD__ERR_TEXT)
#undef UKWD__ERR_TEXT
	}
	return "unknown error";
}

const char *
ukwd_err_name(int code)
{
	switch (code) {
#define UKWD__ERR_NAME(name, value, text)                                      \
	case (value):                                                          \
		return "UKWD_" #name;
		UKWD_ERRNO_MAP(UKWD__ERR_NAME)
#undef UKWD__ERR_NAME
	}
	return "UKWD_UNKNOWN";
}
