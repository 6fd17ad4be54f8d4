/* "Did you mean ...?" (suggest.h has the rule). No allocation and no
 * other part of lib/, so that the front-ends build it too. */
#include <string.h>

#include "suggest.h"

static unsigned char
fold(char c)
{
	return (unsigned char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

static size_t
smaller(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The optimal string alignment distance between a[0..n) and b[0..m),
 * both at most UKWD__SUGGEST_MAX long: the usual table, three rows of it
 * (rows i - 2, i - 1 and i) at a time. */
static size_t
distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t rows[3][UKWD__SUGGEST_MAX + 1];

	for (size_t j = 0; j <= m; j++)
		rows[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t *cur = rows[i % 3], *up = rows[(i - 1) % 3],
		       *up2 = rows[(i + 1) % 3]; /* row i - 2 */

		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = fold(a[i - 1]) != fold(b[j - 1]);

			cur[j] = smaller(up[j - 1] + cost,
			                 smaller(up[j], cur[j - 1]) + 1);
			if (i > 1 && j > 1 &&
			    fold(a[i - 1]) == fold(b[j - 2]) &&
			    fold(a[i - 2]) == fold(b[j - 1]))
				cur[j] = smaller(cur[j], up2[j - 2] + 1);
		}
	}
	return rows[n % 3][m];
}

/* The most edits that leave `name` (of `len` characters) close. */
static size_t
limit(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

void
ukwd__suggest_init(struct ukwd__suggest *s, const char *text, size_t len)
{
	s->text = text;
	s->len = len;
	s->best = NULL;
	s->distance = 0;
	s->prefix = NULL;
	s->prefixes = 0;
}

void
ukwd__suggest_name(struct ukwd__suggest *s, const char *name)
{
	size_t len, d, i;

	if (!name || !s->text)
		return;
	len = strlen(name);
	if (len > UKWD__SUGGEST_MAX || s->len > UKWD__SUGGEST_MAX)
		return;
	for (i = 0; i < s->len && i < len && fold(s->text[i]) == fold(name[i]);
	     i++)
		;
	if (s->len >= 3 && i == s->len && len > s->len) {
		s->prefix = name;
		s->prefixes++;
	}
	d = distance(s->text, s->len, name, len);
	if (d <= limit(len) && d < len && (!s->best || d < s->distance)) {
		s->best = name;
		s->distance = d;
	}
}

const char *
ukwd__suggest_best(const struct ukwd__suggest *s)
{
	if (s->best)
		return s->best;
	return s->prefixes == 1 ? s->prefix : NULL;
}
