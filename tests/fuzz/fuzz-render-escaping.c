/* libFuzzer target: hostile task ids, names and a title through every
 * renderer of render.h (text, Mermaid, CSV, JSON, SVG, HTML).
 *
 * Input: one byte of settings (bit 2: ASCII text; bits 3-4: the scale,
 * month for SVG and HTML only; bit 5: CSV sources; bit 6: a today line),
 * then up to 9 fields separated by NUL: id, name, id, name, ..., and a
 * last odd field, the title. Each task lasts 0, 1 or 2 working days and
 * follows the one before (FS); the plan starts on 2023-04-24 over England
 * and Wales.
 *
 * Checks: every output is well-formed UTF-8; text, Mermaid and CSV hold no
 * control character but newline (C0, DEL, C1); SVG and HTML none but
 * tab, newline and carriage return; JSON parses (with jansson when it is
 * built) and gives back exactly every id and name that was well-formed
 * UTF-8 without U+FFFE or U+FFFF (render.h makes those U+FFFD). Any
 * failure aborts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ukwd.h>

#if HAVE_JANSSON
#include <jansson.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* A small plan: four tasks hold every kind of text the renderers escape
 * (ids, names, citations, references, a title), and each task more only
 * repeated the same escaping in a longer output (8 tasks: 26 % more CPU
 * an input). */
#define MAX_TASKS 4

/* The checks below read every byte of six outputs (an SVG or HTML chart
 * is tens of KB): with coverage instrumentation, their loops were 70 % of
 * a run, and their branches tell the fuzzer nothing about the renderers.
 * (noinline: instrumentation comes after inlining.) */
#if defined(__clang__)
#define NOT_COVERED __attribute__((no_sanitize("coverage"), noinline))
#else
#define NOT_COVERED
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct buffer {
	char *text;
	size_t len, capacity;
};

/* Grows by doubling, not by each write. */
NOT_COVERED static int
buffer_sink(const char *buf, size_t len, void *payload)
{
	struct buffer *b = payload;

	if (b->capacity - b->len < len + 1) {
		size_t capacity = (b->len + len + 1) * 2;
		char *grown = realloc(b->text, capacity);

		if (!grown)
			abort();
		b->text = grown;
		b->capacity = capacity;
	}
	memcpy(b->text + b->len, buf, len);
	b->len += len;
	b->text[b->len] = '\0';
	return 0;
}

/* Are the eight bytes of `s` at `i` all printable ASCII (0x20..0x7E: no
 * control character, no DEL, no byte of a multi-byte sequence)? The
 * checks below pass over such text eight bytes at a time, as most of an
 * SVG or HTML chart is, and look at every other byte one by one. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* into the uncovered checks */
#endif
static inline int
word_is_printable_ascii(const unsigned char *s, size_t i)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t w;

	memcpy(&w, s + i, sizeof(w));
	/* any byte < 0x20, any byte >= 0x80, any byte + 1 >= 0x80 (0x7F) */
	return (((w - 0x20 * ones) | w | (w + ones)) & highs) == 0;
}

/* Well-formed UTF-8 (RFC 3629): no overlong form, no surrogate, nothing
 * past U+10FFFF, no sequence cut short; and, as render.h's rule for names
 * says (XML 1.0 cannot hold them), neither U+FFFE nor U+FFFF. */
NOT_COVERED static int
valid_utf8(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		size_t need;
		uint32_t cp;

		if (len - i >= 8 && word_is_printable_ascii(s, i)) {
			i += 8;
			continue;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			need = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			need = 3, cp = c & 0x07;
		else
			return 0;
		if (len - i <= need)
			return 0;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
		    cp == 0xFFFE || cp == 0xFFFF)
			return 0;
		i += need + 1;
	}
	return 1;
}

/* A control character (C0 but those in `allowed`, DEL, C1 as UTF-8) in
 * well-formed UTF-8 text. */
NOT_COVERED static int
has_control(const unsigned char *s, size_t len, const char *allowed)
{
	for (size_t i = 0; i < len; i++) {
		if (len - i >= 8 && word_is_printable_ascii(s, i)) {
			i += 7;
			continue;
		}
		if ((s[i] < 0x20 && !strchr(allowed, s[i])) || s[i] == 0x7F)
			return 1;
		if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9F)
			return 1;
	}
	return 0;
}

#if HAVE_JANSSON
/* The JSON parses, and each task whose id and name were well-formed UTF-8
 * comes back with exactly them. */
static void
check_json(const struct buffer *b, const ukwd_plan *plan, size_t ntasks)
{
	json_error_t error;
	json_t *doc =
	    json_loadb(b->text, b->len, JSON_REJECT_DUPLICATES, &error);
	json_t *tasks;

	if (!doc)
		abort();
	tasks = json_object_get(doc, "tasks");
	if (!json_is_array(tasks) || json_array_size(tasks) != ntasks)
		abort();
	for (size_t t = 0; t < ntasks; t++) {
		json_t *task = json_array_get(tasks, t);
		const char *id = ukwd_plan_task_id(plan, t),
		           *name = ukwd_plan_task_name(plan, t);
		const char *got_id =
		               json_string_value(json_object_get(task, "id")),
		           *got_name =
		               json_string_value(json_object_get(task, "name"));

		if (!got_id || !got_name)
			abort();
		if (valid_utf8((const unsigned char *)id, strlen(id)) &&
		    strcmp(id, got_id) != 0)
			abort();
		if (valid_utf8((const unsigned char *)name, strlen(name)) &&
		    strcmp(name, got_name) != 0)
			abort();
	}
	json_decref(doc);
}
#endif

typedef int (*renderer)(const ukwd_schedule *, const ukwd_render_options *,
                        ukwd_sink, void *);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static ukwd_calendar *cal;
	static const struct {
		renderer render;
		const char *allowed; /* control characters it may write */
		int json, chart;
	} renderers[] = {
	    {ukwd_render_text, "\n", 0, 0},
	    {ukwd_render_mermaid, "\n", 0, 0},
	    {ukwd_render_csv, "\n", 0, 0},
	    {ukwd_render_json, "\n", 1, 0},
	    {ukwd_render_svg, "\t\n\r", 0, 1},
	    {ukwd_render_html, "\t\n\r", 0, 1},
	};
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	char *fields[2 * MAX_TASKS + 1], *copy;
	size_t nfields = 0, ntasks = 0, previous = 0;
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_date start;
	unsigned settings;

	if (ukwd_date_from_ymd(&start, 2023, 4, 24) != 0)
		abort();
	if (!cal) {
#if defined(__GLIBC__)
		/* A renderer takes a 64 KB block once its output outgrows
		 * its inline buffer, and frees it when done: at glibc's
		 * default trim threshold (128 KB) each free gave the top of
		 * the heap back to the kernel and the next renderer took it
		 * again, two brk calls and a TLB flush per renderer, a
		 * quarter of a run. The process keeps it now. */
		mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
		if (ukwd_calendar_new_uk(&cal, UKWD_UK_ENGLAND_WALES, 2022,
		                         2024) != 0)
			abort();
	}
	if (size < 1 || size > 4096)
		return 0;
	settings = data[0];
	copy = malloc(size);
	if (!copy)
		abort();
	memcpy(copy, data + 1, size - 1);
	copy[size - 1] = '\0';
	for (char *at = copy; nfields < 2 * MAX_TASKS + 1;) {
		fields[nfields++] = at;
		at += strlen(at);
		if (at == copy + size - 1)
			break;
		at++;
	}
	if (ukwd_plan_new(&plan))
		abort();
	for (size_t f = 0; f + 1 < nfields; f += 2) {
		size_t task;

		/* Ids the plan refuses (empty, repeated) are no output. */
		if (ukwd_plan_add_task(&task, plan, fields[f], fields[f + 1],
		                       (int32_t)(ntasks % 3), NULL) != 0)
			continue;
		/* With bit 5, the task's source cites its own name and id:
		 * hostile text in the citation and reference too. */
		if (settings & 0x20) {
			ukwd_source source = {
			    (ukwd_source_tag)(ntasks % UKWD_SOURCE_TAG_COUNT),
			    fields[f + 1], fields[f]};

			if (ukwd_plan_set_task_source(plan, task, &source))
				abort();
		}
		if (ntasks &&
		    ukwd_plan_add_link(NULL, plan, previous, task, UKWD_LINK_FS,
		                       0, NULL, NULL) != 0)
			abort();
		previous = task;
		ntasks++;
	}
	if (ntasks == 0 ||
	    ukwd_schedule_new(&sched, plan, cal, start, NULL, NULL) != 0)
		goto out;
	options.ascii = (settings >> 2) & 1;
	options.scale = (ukwd_render_scale)((settings >> 3) & 3);
	options.flags = (settings >> 5) & 1 ? UKWD_RENDER_SOURCES : 0;
	if ((settings >> 6) & 1)
		options.today = start + 3;
	options.title = nfields % 2 ? fields[nfields - 1] : NULL;
	for (size_t r = 0; r < sizeof(renderers) / sizeof(*renderers); r++) {
		struct buffer b = {NULL, 0, 0};
		ukwd_render_options these = options;
		int rc;

		if (!renderers[r].chart &&
		    these.scale == UKWD_RENDER_SCALE_MONTH)
			these.scale = UKWD_RENDER_SCALE_AUTO;
		rc = renderers[r].render(sched, &these, buffer_sink, &b);

		if (rc != 0)
			abort();
		if (!b.text || !valid_utf8((unsigned char *)b.text, b.len) ||
		    has_control((unsigned char *)b.text, b.len,
		                renderers[r].allowed))
			abort();
#if HAVE_JANSSON
		if (renderers[r].json)
			check_json(&b, plan, ntasks);
#endif
		free(b.text);
	}
out:
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	free(copy);
	return 0;
}
