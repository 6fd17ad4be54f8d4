/* "Did you mean ...?": the closest of a list of names to a text that
 * matched none of them. Private to lib/ (the division and CSV column
 * parsers), and compiled into the front-ends too (examples/cli.c, for
 * options, commands and formats), so there is one rule for every name:
 * it needs nothing but <stddef.h>.
 *
 * The rule. Names are compared ignoring ASCII case, by the optimal string
 * alignment distance (Damerau-Levenshtein with each substring edited at
 * most once): inserting, deleting or replacing a character, or swapping
 * two adjacent ones, costs 1. A name is close when the distance is at most
 * 1 for a name of up to 4 characters, 2 for 5 to 8 and 3 for longer ones,
 * and less than the name's length (so "x" does not suggest "gb"). The
 * closest close name wins, the first one given among equals. When no name
 * is close, a text of 3 or more characters that begins exactly one name
 * suggests that name ("--out": "--output"). Otherwise nothing is
 * suggested. Texts and names longer than UKWD__SUGGEST_MAX bytes are
 * never close. */
#ifndef UKWD_SUGGEST_H
#define UKWD_SUGGEST_H

#include <stddef.h>

#define UKWD__SUGGEST_MAX 64

struct ukwd__suggest {
	const char *text;
	size_t len;
	const char *best;   /* the closest close name so far */
	size_t distance;    /* its distance */
	const char *prefix; /* the one name the text begins, if one */
	size_t prefixes;    /* how many names it begins */
};

/* Start a search for names close to text[0..len). */
void ukwd__suggest_init(struct ukwd__suggest *s, const char *text, size_t len);

/* Consider one more name (NUL-terminated; NULL is skipped). */
void ukwd__suggest_name(struct ukwd__suggest *s, const char *name);

/* The name to suggest, or NULL when none is close. */
const char *ukwd__suggest_best(const struct ukwd__suggest *s);

#endif
