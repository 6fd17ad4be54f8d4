#define _DEFAULT_SOURCE /* madvise() */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#ifdef UKWD_ALLOC_TESTING
long ukwd__alloc_fail_at;
long ukwd__alloc_count;
long ukwd__alloc_live;

/* The test build's failure injection: the ukwd__alloc_fail_at-th
 * allocation (1-based, counted in ukwd__alloc_count) fails. */
static int
ukwd__alloc_should_fail(void)
{
	ukwd__alloc_count++;
	return ukwd__alloc_fail_at > 0 &&
	       ukwd__alloc_count == ukwd__alloc_fail_at;
}
#define UKWD__ALLOC_FAIL()       ukwd__alloc_should_fail()
#define UKWD__ALLOC_LIVE(change) (ukwd__alloc_live += (change))
#else
#define UKWD__ALLOC_FAIL()       0
#define UKWD__ALLOC_LIVE(change) ((void)0)
#endif

/* A block of this many bytes or more asks for transparent huge pages,
 * where the system gives them only to those who ask (Linux's "madvise"
 * mode): a plan of a million tasks is some hundred megabytes that are
 * written once, and a page fault for every 4 KB of them cost more than
 * reading the plan itself (in a VM, 4 us a fault). Asking changes no
 * content, and where it is not offered it does nothing. */
#define LARGE_BLOCK ((size_t)4 << 20)

static void *
advise_large(void *block, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	/* The whole of the pages the block is on: advice on part of a
	 * mapping splits it, and a split mapping cannot be grown in place
	 * (mremap), so realloc() would copy it. */
	uintptr_t page = 4096;
	long size_of_page;
	uintptr_t from;

	if (!block || size < LARGE_BLOCK)
		return block;
	/* Asked each time, not cached in a static: blocks this large are
	 * few, and a cache written by two threads at once is a data race. */
	size_of_page = sysconf(_SC_PAGESIZE);
	if (size_of_page > 0)
		page = (uintptr_t)size_of_page;
	from = (uintptr_t)block & ~(page - 1);
	(void)madvise((void *)from, (uintptr_t)block + size - from,
	              MADV_HUGEPAGE);
#else
	(void)size;
#endif
	return block;
}

void *
ukwd__malloc(size_t size)
{
	void *block;

	if (UKWD__ALLOC_FAIL())
		return NULL;
	block = malloc(size ? size : 1);
	if (block)
		UKWD__ALLOC_LIVE(1);
	return advise_large(block, size);
}

void *
ukwd__calloc(size_t count, size_t size)
{
	void *block;

	if (UKWD__ALLOC_FAIL())
		return NULL;
	if (count == 0 || size == 0)
		count = size = 1;
	block = calloc(count, size);
	if (block)
		UKWD__ALLOC_LIVE(1);
	return advise_large(block, count * size);
}

void *
ukwd__realloc(void *ptr, size_t size)
{
	void *block;

	if (UKWD__ALLOC_FAIL())
		return NULL;
	block = realloc(ptr, size ? size : 1);
	if (block && !ptr)
		UKWD__ALLOC_LIVE(1);
	return advise_large(block, size);
}

void
ukwd__free(void *ptr)
{
	if (ptr)
		UKWD__ALLOC_LIVE(-1);
	free(ptr);
}

int
ukwd__grow(void **array, size_t *capacity, size_t need, size_t elem,
           size_t first)
{
	size_t room;
	void *grown;

	if (need <= *capacity)
		return 0;
	room = *capacity <= SIZE_MAX / 3 ? *capacity + *capacity / 2 : need;
	if (room < need)
		room = need;
	if (room < first)
		room = first;
	if (elem == 0 || room > SIZE_MAX / elem)
		return UKWD_ENOMEM;
	grown = ukwd__realloc(*array, room * elem);
	if (!grown)
		return UKWD_ENOMEM;
	*array = grown;
	*capacity = room;
	return 0;
}

int
ukwd__versioned_copy(void *out, const void *defaults, size_t size,
                     const void *given, const size_t *sizes, unsigned int count)
{
	unsigned int version = ukwd__version_of(given);

	memcpy(out, defaults, size);
	if (version < 1 || version > count || sizes[version - 1] > size)
		return UKWD_EINVAL;
	memcpy(out, given, sizes[version - 1]);
	*(unsigned int *)out = count;
	return 0;
}

int
ukwd__versioned_export(void *out, unsigned int version, const void *current,
                       const size_t *sizes, unsigned int count)
{
	if (version == 0)
		version = ukwd__version_of(out);
	if (version < 1 || version > count)
		return UKWD_EINVAL;
	memcpy(out, current, sizes[version - 1]);
	*(unsigned int *)out = version;
	return 0;
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
