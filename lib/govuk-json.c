/* GOV.UK bank-holidays.json import.
 *
 * A streaming reader for this one schema (issue 13: jansson's tree of a
 * 1 M-event file took seconds and ~10x the file in memory). It reads the
 * text once, keeps no tree, and holds only what the import keeps: the
 * days as ranges and each distinct event name once. It accepts RFC 8259
 * JSON (an optional UTF-8 BOM aside) and refuses, as jansson did with
 * JSON_REJECT_DUPLICATES, duplicate keys in any object, trailing text,
 * nesting deeper than 2048 and invalid UTF-8, with the line and byte
 * column of the offending text. A file that is valid JSON but not GOV.UK's
 * shape gets the first shape error in document order, but only once the
 * whole text is known to be JSON: a syntax error anywhere wins, as it did
 * when jansson parsed the whole file first. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/ical.h"
#include "ukwd/uk.h"
#include "days.h"
#include "internal.h"
#include "json.h"

#if UKWD_HAVE_GOVUK_JSON /* the 'json' build option: see lib/meson.build */

/* As jansson's JSON_PARSER_MAX_DEPTH: GOV.UK's file needs 4. */
#define MAX_DEPTH   2048
/* Objects with more keys than this check duplicates with a hash table. */
#define LINEAR_KEYS 16
/* Event names are copied into blocks of this size (or one of their own). */
#define NAME_BLOCK  65536

/* A key of an open object: in the input (no escapes) or in `arena`. */
struct key_ref {
	size_t offset, len;
	int in_arena;
};

/* Duplicate check for objects of many keys: (object, key) pairs. */
struct key_slot {
	size_t object; /* 0: empty */
	size_t key;    /* index in reader.keys */
	uint64_t hash;
};

struct name_slot {
	const char *name; /* NULL: empty */
	size_t len;
	uint64_t hash;
};

struct reader {
	struct ukwd__json lex; /* a syntax error or ENOMEM: stop at once */

	/* The first shape error; reading goes on to find syntax errors. */
	int shape_rc;
	ukwd_diag shape;

	struct ukwd__json_buf scratch, key_text, title, date, notes, name;

	/* Keys of the open objects, innermost last. */
	struct key_ref *keys;
	size_t nkeys, keys_cap;
	struct ukwd__json_buf arena; /* escaped keys' decoded text */
	struct key_slot *slots;
	size_t nslots_used, slots_cap;
	size_t objects; /* objects opened so far: their serial numbers */

	/* Each distinct event name once. */
	struct name_slot *names;
	size_t nnames, names_cap;
	char *block;
	size_t block_left;

	struct ukwd__days *imp;
};

/* ---- positions and errors ---------------------------------------- */

static void shape_error(struct reader *r, const char *division,
                        const unsigned char *at, const char *fmt, ...)
    UKWD__PRINTF(4, 5);

/* A shape error: kept if it is the first; diag.source names the division
 * (when there is one), diag.line and column the value at `at` (if any). */
static void
shape_error(struct reader *r, const char *division, const unsigned char *at,
            const char *fmt, ...)
{
	va_list ap;
	int line = 0, column = 0;

	if (r->shape_rc)
		return;
	if (at)
		ukwd__json_position(&r->lex, at, &line, &column);
	r->shape_rc = UKWD_EPARSE;
	r->shape.code = UKWD_EPARSE;
	r->shape.line = line;
	r->shape.column = column;
	va_start(ap, fmt);
	vsnprintf(r->shape.message, sizeof(r->shape.message), fmt, ap);
	va_end(ap);
	if (division)
		snprintf(r->shape.source, sizeof(r->shape.source), "%s",
		         division);
}

/* ---- duplicate keys ---------------------------------------------- */

/* An open object: its serial number and where its keys start. */
struct object {
	size_t serial, first_key, arena_mark;
};

static void
key_bytes(const struct reader *r, const struct key_ref *k, const char **data)
{
	*data = k->in_arena ? r->arena.data + k->offset
	                    : (const char *)r->lex.start + k->offset;
}

static int
key_equal(const struct reader *r, size_t a, const char *data, size_t len)
{
	const struct key_ref *k = &r->keys[a];
	const char *bytes;

	if (k->len != len)
		return 0;
	key_bytes(r, k, &bytes);
	return memcmp(bytes, data, len) == 0;
}

static uint64_t
hash_bytes(const char *data, size_t len)
{
	uint64_t h = 1469598103934665603u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211u;
	}
	return h;
}

static int
slots_grow(struct reader *r)
{
	size_t cap = r->slots_cap ? r->slots_cap * 2 : 256;
	struct key_slot *grown;

	if (cap > SIZE_MAX / sizeof(*grown))
		return ukwd__json_oom(&r->lex);
	grown = ukwd__calloc(cap, sizeof(*grown));
	if (!grown)
		return ukwd__json_oom(&r->lex);
	for (size_t i = 0; i < r->slots_cap; i++) {
		size_t at;

		if (!r->slots[i].object)
			continue;
		at = (size_t)r->slots[i].hash & (cap - 1);
		while (grown[at].object)
			at = (at + 1) & (cap - 1);
		grown[at] = r->slots[i];
	}
	ukwd__free(r->slots);
	r->slots = grown;
	r->slots_cap = cap;
	return 0;
}

/* Key `index` of object `o` in the hash table; 1 if it was there. */
static int
slots_insert(struct reader *r, const struct object *o, size_t index)
{
	const char *data;
	uint64_t hash;
	size_t at;

	if ((r->nslots_used + 1) * 2 > r->slots_cap && slots_grow(r))
		return -1;
	key_bytes(r, &r->keys[index], &data);
	hash = hash_bytes(data, r->keys[index].len) ^ (uint64_t)o->serial;
	for (at = (size_t)hash & (r->slots_cap - 1); r->slots[at].object;
	     at = (at + 1) & (r->slots_cap - 1))
		if (r->slots[at].object == o->serial &&
		    r->slots[at].hash == hash &&
		    key_equal(r, r->slots[at].key, data, r->keys[index].len))
			return 1;
	r->slots[at] = (struct key_slot){o->serial, index, hash};
	r->nslots_used++;
	return 0;
}

/* Record the key of token `t` (value `text`, `len` bytes) in the open
 * object `o`; a duplicate is a syntax error at the key, as jansson's
 * JSON_REJECT_DUPLICATES made it. */
static int
object_key(struct reader *r, const struct object *o,
           const struct ukwd__json_token *t, const char *text, size_t len)
{
	size_t count = r->nkeys - o->first_key, index = r->nkeys;
	struct key_ref k = {0, len, t->escaped};
	int duplicate = 0;

	if (count < LINEAR_KEYS)
		for (size_t i = o->first_key; i < r->nkeys && !duplicate; i++)
			duplicate = key_equal(r, i, text, len);
	if (!duplicate) {
		if (r->nkeys == r->keys_cap) {
			size_t cap = r->keys_cap ? r->keys_cap * 2 : 64;
			struct key_ref *grown =
			    cap > SIZE_MAX / sizeof(*grown)
			        ? NULL
			        : ukwd__realloc(r->keys, cap * sizeof(*grown));

			if (!grown)
				return ukwd__json_oom(&r->lex);
			r->keys = grown;
			r->keys_cap = cap;
		}
		if (t->escaped) {
			k.offset = r->arena.len;
			if (ukwd__json_buf_reserve(&r->lex, &r->arena, len))
				return r->lex.rc;
			memcpy(r->arena.data + r->arena.len, text, len);
			r->arena.len += len;
		} else {
			k.offset = (size_t)(t->start + 1 - r->lex.start);
		}
		r->keys[r->nkeys++] = k;
		if (count + 1 == LINEAR_KEYS) {
			for (size_t i = o->first_key; i < r->nkeys; i++)
				if (slots_insert(r, o, i) < 0)
					return r->lex.rc;
		} else if (count + 1 > LINEAR_KEYS) {
			int found = slots_insert(r, o, index);

			if (found < 0)
				return r->lex.rc;
			duplicate = found;
		}
	}
	if (duplicate) {
		char shown[32];

		return ukwd__json_error(
		    &r->lex, t->last, "duplicate object key near '%s'",
		    ukwd__json_token_text(t, shown, sizeof(shown)));
	}
	return 0;
}

static void
object_open(struct reader *r, struct object *o)
{
	o->serial = ++r->objects;
	o->first_key = r->nkeys;
	o->arena_mark = r->arena.len;
}

static void
object_close(struct reader *r, const struct object *o)
{
	r->nkeys = o->first_key;
	r->arena.len = o->arena_mark;
}

/* Reads the object's next key after '{' (first) or after a value: sets
 * *more to 0 at its '}'. The key's value is in r->key_text. */
static int
next_key(struct reader *r, struct object *o, int first, int *more,
         struct ukwd__json_token *key)
{
	struct ukwd__json_token t;

	if (ukwd__json_next(&r->lex, &t))
		return r->lex.rc;
	if (!first) {
		if (t.type == UKWD__JSON_END_OBJECT) {
			*more = 0;
			return 0;
		}
		if (t.type != UKWD__JSON_COMMA)
			return ukwd__json_unexpected(&r->lex, &t, "',' or '}'");
		if (ukwd__json_next(&r->lex, &t))
			return r->lex.rc;
	} else if (t.type == UKWD__JSON_END_OBJECT) {
		*more = 0;
		return 0;
	}
	if (t.type != UKWD__JSON_STRING)
		return ukwd__json_unexpected(
		    &r->lex, &t, first ? "string or '}'" : "string");
	if (ukwd__json_string(&r->lex, &t, &r->key_text) ||
	    object_key(r, o, &t, r->key_text.data, r->key_text.len))
		return r->lex.rc;
	*key = t;
	if (ukwd__json_next(&r->lex, &t))
		return r->lex.rc;
	if (t.type != UKWD__JSON_COLON)
		return ukwd__json_unexpected(&r->lex, &t, "':'");
	*more = 1;
	return 0;
}

/* Reads the array's next element's first token after '[' (first) or after
 * an element: sets *more to 0 at its ']'. */
static int
next_element(struct reader *r, int first, int *more, struct ukwd__json_token *t)
{
	if (ukwd__json_next(&r->lex, t))
		return r->lex.rc;
	if (t->type == UKWD__JSON_END_ARRAY) {
		*more = 0;
		return 0;
	}
	if (!first) {
		if (t->type != UKWD__JSON_COMMA)
			return ukwd__json_unexpected(&r->lex, t, "',' or ']'");
		if (ukwd__json_next(&r->lex, t))
			return r->lex.rc;
	}
	*more = 1;
	return 0;
}

/* Reads (and checks) a value whose first token is `t`. */
static int
skip_value(struct reader *r, const struct ukwd__json_token *t, int depth)
{
	int more = 1;

	switch (t->type) {
	case UKWD__JSON_STRING:
	case UKWD__JSON_NUMBER:
	case UKWD__JSON_TRUE:
	case UKWD__JSON_FALSE:
	case UKWD__JSON_NULL:
		return 0;
	case UKWD__JSON_BEGIN_OBJECT:
	case UKWD__JSON_BEGIN_ARRAY:
		break;
	default:
		return ukwd__json_unexpected(&r->lex, t, "a value");
	}
	if (depth >= MAX_DEPTH)
		return ukwd__json_error(
		    &r->lex, t->start,
		    "nested deeper than %d arrays and objects", MAX_DEPTH);
	if (t->type == UKWD__JSON_BEGIN_OBJECT) {
		struct object o;
		struct ukwd__json_token key, value;

		object_open(r, &o);
		for (int first = 1;; first = 0) {
			if (next_key(r, &o, first, &more, &key))
				return r->lex.rc;
			if (!more)
				break;
			if (ukwd__json_next(&r->lex, &value) ||
			    skip_value(r, &value, depth + 1))
				return r->lex.rc;
		}
		object_close(r, &o);
		return 0;
	}
	for (int first = 1;; first = 0) {
		struct ukwd__json_token element;

		if (next_element(r, first, &more, &element))
			return r->lex.rc;
		if (!more)
			return 0;
		if (skip_value(r, &element, depth + 1))
			return r->lex.rc;
	}
}

/* ---- GOV.UK's shape ---------------------------------------------- */

static int
key_is(const struct ukwd__json_buf *key, const char *name)
{
	size_t len = strlen(name);

	return key->len == len && memcmp(key->data, name, len) == 0;
}

/* The stored copy of `name` (`len` bytes), one per distinct name. */
static int
intern_name(struct reader *r, const char *name, size_t len, const char **out)
{
	uint64_t hash = hash_bytes(name, len);
	size_t at;
	char *copy;

	if ((r->nnames + 1) * 2 > r->names_cap) {
		size_t cap = r->names_cap ? r->names_cap * 2 : 64;
		struct name_slot *grown =
		    cap > SIZE_MAX / sizeof(*grown)
		        ? NULL
		        : ukwd__calloc(cap, sizeof(*grown));

		if (!grown)
			return ukwd__json_oom(&r->lex);
		for (size_t i = 0; i < r->names_cap; i++) {
			if (!r->names[i].name)
				continue;
			at = (size_t)r->names[i].hash & (cap - 1);
			while (grown[at].name)
				at = (at + 1) & (cap - 1);
			grown[at] = r->names[i];
		}
		ukwd__free(r->names);
		r->names = grown;
		r->names_cap = cap;
	}
	for (at = (size_t)hash & (r->names_cap - 1); r->names[at].name;
	     at = (at + 1) & (r->names_cap - 1))
		if (r->names[at].hash == hash && r->names[at].len == len &&
		    memcmp(r->names[at].name, name, len) == 0) {
			*out = r->names[at].name;
			return 0;
		}
	if (len + 1 > NAME_BLOCK / 4) { /* a long name: a block of its own */
		copy = ukwd__malloc(len + 1);
		if (!copy || ukwd__days_own(r->imp, copy))
			return ukwd__json_oom(&r->lex);
	} else {
		if (len + 1 > r->block_left) {
			char *block = ukwd__malloc(NAME_BLOCK);

			if (!block || ukwd__days_own(r->imp, block))
				return ukwd__json_oom(&r->lex);
			r->block = block;
			r->block_left = NAME_BLOCK;
		}
		copy = r->block;
		r->block += len + 1;
		r->block_left -= len + 1;
	}
	memcpy(copy, name, len);
	copy[len] = '\0';
	r->names[at] = (struct name_slot){copy, len, hash};
	r->nnames++;
	*out = copy;
	return 0;
}

/* The fields of one event that the import reads. */
struct event {
	int has_title, has_date, has_notes;
	int title_string, date_string, notes_string;
};

/* One event, whose first token is `t`, imported if `importing`. Returns
 * a syntax error or ENOMEM; a shape error goes to shape_error(). */
static int
read_event(struct reader *r, const struct ukwd__json_token *t,
           const char *division, size_t index, int importing, int depth)
{
	struct event e = {0};
	struct object o;
	struct ukwd__json_token key, value;
	int more;
	ukwd_diag date_diag;
	ukwd_date d;
	const char *name = NULL;
	int rc;

	if (t->type != UKWD__JSON_BEGIN_OBJECT) {
		if (skip_value(r, t, depth))
			return r->lex.rc;
		if (importing)
			shape_error(r, division, t->start, "event %zu: %s",
			            index, "not a JSON object");
		return 0;
	}
	object_open(r, &o);
	for (int first = 1;; first = 0) {
		struct ukwd__json_buf *field = NULL;
		int *has = NULL, *is_string = NULL;

		if (next_key(r, &o, first, &more, &key))
			return r->lex.rc;
		if (!more)
			break;
		if (ukwd__json_next(&r->lex, &value))
			return r->lex.rc;
		if (key_is(&r->key_text, "title")) {
			field = &r->title;
			has = &e.has_title;
			is_string = &e.title_string;
		} else if (key_is(&r->key_text, "date")) {
			field = &r->date;
			has = &e.has_date;
			is_string = &e.date_string;
		} else if (key_is(&r->key_text, "notes")) {
			field = &r->notes;
			has = &e.has_notes;
			is_string = &e.notes_string;
		}
		if (field && importing) {
			*has = 1;
			*is_string = value.type == UKWD__JSON_STRING;
			if (*is_string &&
			    ukwd__json_string(&r->lex, &value, field))
				return r->lex.rc;
		}
		if (skip_value(r, &value, depth + 1))
			return r->lex.rc;
	}
	object_close(r, &o);
	if (!importing)
		return 0;
	if (!e.title_string || r->title.len == 0) {
		shape_error(r, division, t->start, "event %zu: %s", index,
		            "no \"title\" string");
		return 0;
	}
	if (!e.date_string) {
		shape_error(r, division, t->start, "event %zu: %s", index,
		            "no \"date\" string");
		return 0;
	}
	if (e.has_notes && !e.notes_string) {
		shape_error(r, division, t->start, "event %zu: %s", index,
		            "\"notes\" is not a string");
		return 0;
	}
	/* Without a diag first: clearing one costs as much as the parse. */
	if (ukwd_date_parse(&d, r->date.data, NULL) &&
	    ukwd_date_parse(&d, r->date.data, &date_diag)) {
		shape_error(r, division, t->start,
		            "event %zu: bad \"date\": %s", index,
		            date_diag.message);
		return 0;
	}
	/* "Title (notes in lower case)", as GOV.UK's page shows an event. */
	if (ukwd__json_buf_set(&r->lex, &r->name, r->title.data, r->title.len))
		return r->lex.rc;
	if (e.has_notes && r->notes.len) {
		size_t at = r->title.len + 2;

		if (ukwd__json_buf_reserve(&r->lex, &r->name, r->notes.len + 3))
			return r->lex.rc;
		memcpy(r->name.data + r->title.len, " (", 2);
		for (size_t i = 0; i < r->notes.len; i++) {
			char c = r->notes.data[i];

			r->name.data[at + i] =
			    (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
		}
		r->name.len = at + r->notes.len + 1;
		r->name.data[r->name.len - 1] = ')';
		r->name.data[r->name.len] = '\0';
	}
	/* A NUL from \u0000 is refused when lexing: the name is one C
	 * string. */
	if (intern_name(r, r->name.data, r->name.len, &name))
		return r->lex.rc;
	rc = ukwd__days_add(r->imp, d, name);
	if (rc == UKWD_ENOMEM)
		return ukwd__json_oom(&r->lex);
	if (rc) {
		/* The import's cap: described in r->imp->diag. */
		shape_error(r, division, t->start, "event %zu: %s", index,
		            r->imp->diag->message);
		r->shape.code = r->shape_rc = rc;
	}
	return 0;
}

/* One division's object, whose first token is `t`; `importing`: the
 * caller asked for it and no shape error was found before it. */
static int
read_division(struct reader *r, const struct ukwd__json_token *t,
              const char *division, int importing)
{
	struct object o;
	struct ukwd__json_token key, value;
	int more, has_events = 0, label_bad = 0;
	const unsigned char *label_at = NULL;
	size_t events = 0;
	/* The division's errors, reported in the order jansson's code
	 * checked them: its label, its events array, then its events. */
	int event_shape_before = r->shape_rc;
	ukwd_diag event_problem;
	int event_rc = 0;

	if (!importing)
		return skip_value(r, t, 1);
	if (t->type != UKWD__JSON_BEGIN_OBJECT) {
		if (skip_value(r, t, 1))
			return r->lex.rc;
		shape_error(r, division, t->start, "%s",
		            "the division is not a JSON object");
		return 0;
	}
	object_open(r, &o);
	for (int first = 1;; first = 0) {
		if (next_key(r, &o, first, &more, &key))
			return r->lex.rc;
		if (!more)
			break;
		if (ukwd__json_next(&r->lex, &value))
			return r->lex.rc;
		if (key_is(&r->key_text, "division")) {
			label_at = value.start;
			if (value.type != UKWD__JSON_STRING) {
				label_bad = 1;
			} else {
				if (ukwd__json_string(&r->lex, &value,
				                      &r->scratch))
					return r->lex.rc;
				label_bad =
				    strcmp(r->scratch.data, division) != 0;
			}
			if (skip_value(r, &value, 2))
				return r->lex.rc;
		} else if (key_is(&r->key_text, "events") &&
		           value.type == UKWD__JSON_BEGIN_ARRAY) {
			struct ukwd__json_token event;

			has_events = 1;
			for (int first_event = 1;; first_event = 0) {
				if (next_element(r, first_event, &more, &event))
					return r->lex.rc;
				if (!more)
					break;
				/* Events are counted from 1, as a person
				 * reading the file counts them. */
				if (read_event(r, &event, division, ++events,
				               !r->shape_rc, 3))
					return r->lex.rc;
			}
		} else {
			if (key_is(&r->key_text, "events"))
				has_events = -1; /* not an array */
			if (skip_value(r, &value, 2))
				return r->lex.rc;
		}
	}
	object_close(r, &o);
	/* An event's error was the first shape error: the label's or the
	 * array's, found only now, go before it. */
	if (!event_shape_before && r->shape_rc) {
		event_problem = r->shape;
		event_rc = r->shape_rc;
		r->shape_rc = 0;
		memset(&r->shape, 0, sizeof(r->shape));
	}
	if (label_bad)
		shape_error(r, division, label_at, "%s",
		            "its \"division\" does not match its key");
	else if (has_events <= 0)
		shape_error(r, division, t->start, "%s", "no \"events\" array");
	if (event_rc && !r->shape_rc) {
		r->shape = event_problem;
		r->shape_rc = event_rc;
	}
	return 0;
}

static int
read_file(struct reader *r, unsigned int divisions, unsigned int *found)
{
	struct ukwd__json_token t;
	struct object o;
	struct ukwd__json_token key, value;
	int more;

	if (r->lex.end - r->lex.p >= 3 &&
	    memcmp(r->lex.p, "\xEF\xBB\xBF", 3) == 0)
		r->lex.p += 3; /* RFC 8259 lets a parser ignore a BOM */
	if (ukwd__json_next(&r->lex, &t))
		return r->lex.rc;
	if (t.type == UKWD__JSON_EOF)
		return ukwd__json_unexpected(&r->lex, &t, "'{'");
	if (t.type != UKWD__JSON_BEGIN_OBJECT) {
		if (skip_value(r, &t, 0))
			return r->lex.rc;
		shape_error(r, NULL, t.start, "%s",
		            "not GOV.UK's bank-holidays.json: the top level "
		            "is not an object");
	} else {
		object_open(r, &o);
		for (int first = 1;; first = 0) {
			unsigned int division = 0;
			char name[UKWD_DIAG_SOURCE_SIZE];

			if (next_key(r, &o, first, &more, &key))
				return r->lex.rc;
			if (!more)
				break;
			if (ukwd__json_next(&r->lex, &value))
				return r->lex.rc;
			snprintf(name, sizeof(name), "%s", r->key_text.data);
			if (r->shape_rc) {
				if (skip_value(r, &value, 1))
					return r->lex.rc;
				continue;
			}
			/* GOV.UK's own keys only: no alias, no other case. */
			if (ukwd_uk_division_parse(&division, r->key_text.data,
			                           NULL) ||
			    !ukwd_uk_division_name(division) ||
			    strcmp(r->key_text.data,
			           ukwd_uk_division_name(division)) != 0) {
				shape_error(r, name, key.start,
				            "unknown division \"%.60s\"",
				            r->key_text.data);
				if (skip_value(r, &value, 1))
					return r->lex.rc;
				continue;
			}
			*found |= division;
			if (read_division(r, &value,
			                  ukwd_uk_division_name(division),
			                  (divisions & division) != 0))
				return r->lex.rc;
		}
		object_close(r, &o);
	}
	/* Trailing text is refused as it is, before it is read as a token. */
	ukwd__json_skip_space(&r->lex);
	if (r->lex.p < r->lex.end) {
		const unsigned char *newline =
		    memchr(r->lex.p, '\n', (size_t)(r->lex.end - r->lex.p));
		char text[32];

		t.type = UKWD__JSON_NUMBER; /* any type but UKWD__JSON_EOF */
		t.start = r->lex.p;
		t.last = (newline ? newline : r->lex.end) - 1;
		if (t.last < t.start)
			t.last = t.start;
		return ukwd__json_error(
		    &r->lex, r->lex.p, "end of file expected near '%s'",
		    ukwd__json_token_text(&t, text, sizeof(text)));
	}
	return 0;
}

static void
reader_free(struct reader *r)
{
	struct ukwd__json_buf *bufs[] = {&r->scratch, &r->key_text, &r->title,
	                                 &r->date,    &r->notes,    &r->name,
	                                 &r->arena};

	for (size_t i = 0; i < sizeof(bufs) / sizeof(*bufs); i++)
		ukwd__free(bufs[i]->data);
	ukwd__free(r->keys);
	ukwd__free(r->slots);
	ukwd__free(r->names);
}

int
ukwd_govuk_json_import(ukwd_calendar_builder *b, const char *data, size_t size,
                       unsigned int divisions, unsigned int flags,
                       ukwd_diag *diag)
{
	struct ukwd__days imp = {0};
	struct reader r = {0};
	ukwd_diag cap_diag = {0};
	ukwd_date first, last;
	unsigned int found = 0;
	int rc;

	ukwd__diag_clear(diag);
	if (!b || !data || (flags & ~UKWD_IMPORT_OFFICIAL) || !divisions ||
	    (divisions & ~UKWD_UK_ALL))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no builder or data, no division, or "
		                      "unknown flags");
	if (ukwd__builder_range(b, &first, &last))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "set the builder's range before "
		                      "importing");
	imp.diag = &cap_diag;
	r.lex.start = r.lex.p = (const unsigned char *)data;
	r.lex.end = r.lex.start + size;
	r.lex.diag = diag;
	r.lex.what = "GOV.UK JSON";
	r.imp = &imp;
	rc = read_file(&r, divisions, &found);
	if (rc == 0 && r.shape_rc) {
		rc = r.shape_rc;
		if (diag)
			*diag = r.shape;
	}
	if (rc == 0 && (divisions & ~found)) {
		unsigned int missing = divisions & ~found;

		rc = ukwd__diag_set(
		    diag, UKWD_EPARSE, 0, 0, "the file has no \"%s\"",
		    ukwd_uk_division_name(missing & (0u - missing)));
	}
	if (rc == 0)
		rc = ukwd__days_apply(b, &imp, flags);
	reader_free(&r);
	ukwd__days_free(&imp);
	return rc;
}

unsigned int
ukwd__govuk_json_divisions(const char *data, size_t size)
{
	struct ukwd__days imp = {0};
	struct reader r = {0};
	ukwd_diag diag;
	unsigned int found = 0;
	int rc;

	if (!data)
		return 0;
	r.lex.start = r.lex.p = (const unsigned char *)data;
	r.lex.end = r.lex.start + size;
	r.lex.diag = &diag;
	r.lex.what = "GOV.UK JSON";
	r.imp = &imp;
	rc = read_file(&r, 0, &found); /* no division asked: none imported */
	reader_free(&r);
	ukwd__days_free(&imp);
	return rc == 0 && r.shape_rc == 0 ? found : 0;
}

#else /* !UKWD_HAVE_GOVUK_JSON */

int
ukwd_govuk_json_import(ukwd_calendar_builder *b, const char *data, size_t size,
                       unsigned int divisions, unsigned int flags,
                       ukwd_diag *diag)
{
	(void)b;
	(void)data;
	(void)size;
	(void)divisions;
	(void)flags;
	ukwd__diag_clear(diag);
	return ukwd__diag_set(diag, UKWD_ENOTSUPPORTED, 0, 0,
	                      "libukwd was built without GOV.UK JSON "
	                      "import (-Djson=disabled)");
}

unsigned int
ukwd__govuk_json_divisions(const char *data, size_t size)
{
	(void)data;
	(void)size;
	return 0;
}

#endif
