#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *
ukwd__malloc(size_t size)
{
	return malloc(size ? size : 1);
}

void *
ukwd__calloc(size_t count, size_t size)
{
	if (count == 0 || size == 0)
		count = size = 1;
	return calloc(count, size);
}

void *
ukwd__realloc(void *ptr, size_t size)
{
	return realloc(ptr, size ? size : 1);
}

void
ukwd__free(void *ptr)
{
	free(ptr);
}

char *
ukwd__strdup(const char *text)
{
	size_t len = strlen(text) + 1;
	char *copy = ukwd__malloc(len);

	if (copy)
		memcpy(copy, text, len);
	return copy;
}

void
ukwd__diag_clear(ukwd_diag *diag)
{
	if (diag)
		memset(diag, 0, sizeof(*diag));
}

int
ukwd__diag_set(ukwd_diag *diag, int code, int line, int column, const char *fmt,
               ...)
{
	va_list ap;

	if (!diag)
		return code;
	diag->code = code;
	diag->line = line;
	diag->column = column;
	va_start(ap, fmt);
	vsnprintf(diag->message, sizeof(diag->message), fmt, ap);
	va_end(ap);
	return code;
}
