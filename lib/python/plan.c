/*
 * ukwd.Plan, ukwd.Schedule and ukwd.uep (issue 17): working-day plans
 * read by libukwd's CSV reader (from text or a DataFrame), scheduled
 * forward from a start or backward to a finish, their dates as arrays or
 * a DataFrame, and rendered by libukwd's renderers (the HTML one for
 * Jupyter). A Plan is immutable once read: nothing here changes it, so
 * every Schedule made from it stays valid. Schedule.risk() is in risk.c.
 */
#include "pyukwd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	PyObject_HEAD ukwd_plan *plan;
} pyukwd_plan;

static PyTypeObject plan_type;
static PyTypeObject schedule_type;

/* Output of a renderer, gathered by its sink. */
int
pyukwd_buffer_sink(const char *buf, size_t len, void *payload)
{
	struct pyukwd_buffer *b = payload;

	if (b->used + len > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *bigger;

		while (cap < b->used + len)
			cap *= 2;
		bigger = realloc(b->data, cap);
		if (!bigger)
			return -1;
		b->data = bigger;
		b->cap = cap;
	}
	memcpy(b->data + b->used, buf, len);
	b->used += len;
	return 0;
}

/* ---- Plan ---- */

static PyObject *
plan_wrap(ukwd_plan *plan)
{
	pyukwd_plan *self = PyObject_New(pyukwd_plan, &plan_type);

	if (!self) {
		ukwd_plan_free(plan);
		return NULL;
	}
	self->plan = plan;
	return (PyObject *)self;
}

static void
plan_dealloc(PyObject *obj)
{
	ukwd_plan_free(((pyukwd_plan *)obj)->plan);
	PyObject_Free(obj);
}

static PyObject *
plan_from_csv(PyObject *type, PyObject *args, PyObject *kw)
{
	static char *names[] = {"text", "source", NULL};
	const char *data, *source = NULL;
	Py_ssize_t size;
	PyObject *text;
	ukwd_plan *plan = NULL;
	ukwd_diag diag;
	int rc;

	(void)type;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|z:from_csv", names, &text,
	                                 &source))
		return NULL;
	if (PyUnicode_Check(text)) {
		data = PyUnicode_AsUTF8AndSize(text, &size);
		if (!data)
			return NULL;
	} else if (PyBytes_Check(text)) {
		data = PyBytes_AS_STRING(text);
		size = PyBytes_GET_SIZE(text);
	} else {
		PyErr_Format(PyExc_TypeError,
		             "text: expected the CSV as str or bytes, not %R",
		             text);
		return NULL;
	}
	rc = ukwd_plan_read_csv(&plan, data, (size_t)size, source, &diag);
	if (rc != 0)
		return pyukwd_raise_diag(rc, &diag, source ? source : "CSV");
	return plan_wrap(plan);
}

static PyObject *
plan_from_dataframe(PyObject *type, PyObject *frame)
{
	PyObject *helper, *text, *args, *kw, *result;

	/* The columns as the CSV reader takes them: whole numbers without
	 * ".0", dates as YYYY-MM-DD, missing values empty. */
	helper = PyImport_ImportModule("ukwd.pandas");
	if (!helper)
		return NULL;
	text = PyObject_CallMethod(helper, "_plan_csv", "O", frame);
	Py_DECREF(helper);
	if (!text)
		return NULL;
	args = PyTuple_Pack(1, text);
	Py_DECREF(text);
	kw = Py_BuildValue("{s:s}", "source", "DataFrame");
	result = args && kw ? plan_from_csv(type, args, kw) : NULL;
	Py_XDECREF(args);
	Py_XDECREF(kw);
	return result;
}

static Py_ssize_t
plan_len(PyObject *obj)
{
	return (Py_ssize_t)ukwd_plan_task_count(((pyukwd_plan *)obj)->plan);
}

static PyObject *
plan_get_ids(PyObject *obj, void *closure)
{
	const ukwd_plan *plan = ((pyukwd_plan *)obj)->plan;
	size_t i, n = ukwd_plan_task_count(plan);
	PyObject *list = PyList_New((Py_ssize_t)n);

	(void)closure;
	for (i = 0; list && i < n; i++) {
		PyObject *id = PyUnicode_FromString(ukwd_plan_task_id(plan, i));

		if (!id) {
			Py_CLEAR(list);
			break;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, id);
	}
	return list;
}

static PyObject *schedule_make(PyObject *plan_obj, PyObject *cal_obj,
                               PyObject *start, PyObject *finish, int uep);

static PyObject *
plan_schedule(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"calendar", "start", "finish", NULL};
	PyObject *cal = NULL, *start = NULL, *finish = NULL;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|O$OO:schedule", names,
	                                 &cal, &start, &finish))
		return NULL;
	return schedule_make(self, cal, start, finish, 0);
}

static PyObject *
plan_repr(PyObject *obj)
{
	const ukwd_plan *plan = ((pyukwd_plan *)obj)->plan;

	return PyUnicode_FromFormat("<ukwd.Plan: %zu tasks, %zu links>",
	                            ukwd_plan_task_count(plan),
	                            ukwd_plan_link_count(plan));
}

static PyMethodDef plan_methods[] = {
    {"from_csv", (PyCFunction)(void (*)(void))plan_from_csv,
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "from_csv(text, source=None)\n--\n\n"
     "A plan from CSV text (str or bytes) as ukwd-plan reads it: the "
     "columns id, name, duration, predecessors (required), deadline, "
     "start_no_earlier_than, finish_no_later_than, must_start_on, "
     "must_finish_on, actual_start, actual_finish, optimistic, "
     "most_likely, pessimistic, source, citation, reference. Durations "
     "in working days; predecessors 'ID[:TYPE][+N|-N]' separated by ';'. "
     "source names the input in error messages. Errors: ukwd.EPARSE "
     "(with line and column), ukwd.ECYCLE, ukwd.ERANGE."},
    {"from_dataframe", plan_from_dataframe, METH_O | METH_CLASS,
     "from_dataframe(frame)\n--\n\n"
     "A plan from a pandas DataFrame with the columns of from_csv(): "
     "whole-number columns may hold NaN (for none), date columns may be "
     "datetime64 or 'YYYY-MM-DD' text. The index is ignored."},
    {"schedule", (PyCFunction)(void (*)(void))plan_schedule,
     METH_VARARGS | METH_KEYWORDS,
     "schedule(calendar=None, *, start=None, finish=None)\n--\n\n"
     "Schedule the plan over a ukwd.Calendar (the SEC calendar by "
     "default): forward from start (rolled forward to a working day) or "
     "backward to finish (rolled back); give exactly one. Returns a "
     "ukwd.Schedule. Errors: ukwd.ERANGE (a date outside the calendar, "
     "naming the task), ukwd.ECYCLE."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef plan_getset[] = {
    {"ids", plan_get_ids, NULL, "The tasks' ids, in plan order.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods plan_as_sequence = {
    .sq_length = plan_len,
};

static PyTypeObject plan_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "ukwd.Plan",
    .tp_basicsize = sizeof(pyukwd_plan),
    .tp_dealloc = plan_dealloc,
    .tp_repr = plan_repr,
    .tp_as_sequence = &plan_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A working-day plan: tasks with durations in working days, "
              "links (FS, SS, FF, SF with lags), constraints. Made by "
              "Plan.from_csv() or Plan.from_dataframe(); immutable. "
              "len(plan) is its number of tasks.",
    .tp_methods = plan_methods,
    .tp_getset = plan_getset,
};

/* ---- Schedule ---- */

static PyObject *
default_calendar(void)
{
	static PyObject *sec;
	ukwd_calendar *cal = NULL;
	PyObject *label;
	int rc;

	if (sec)
		return sec;
	rc = ukwd_calendar_new_sec(&cal, UKWD_UK_FIRST_YEAR, 2100);
	if (rc != 0)
		return pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
	label = PyUnicode_FromString("Calendar.uk('sec', years=(1971, 2100))");
	if (!label) {
		ukwd_calendar_free(cal);
		return NULL;
	}
	sec = pyukwd_calendar_wrap(cal, label);
	Py_DECREF(label);
	return sec;
}

static PyObject *
schedule_make(PyObject *plan_obj, PyObject *cal_obj, PyObject *start,
              PyObject *finish, int uep)
{
	ukwd_schedule_options options;
	ukwd_schedule *sched = NULL;
	pyukwd_schedule *self;
	ukwd_diag diag;
	ukwd_date date;
	int rc;

	if (!cal_obj || cal_obj == Py_None) {
		cal_obj = default_calendar();
		if (!cal_obj)
			return NULL;
	} else if (!PyObject_TypeCheck(cal_obj, &pyukwd_calendar_type)) {
		PyErr_Format(PyExc_TypeError,
		             "calendar: expected a ukwd.Calendar, not %R",
		             cal_obj);
		return NULL;
	}
	if (start == Py_None)
		start = NULL;
	if (finish == Py_None)
		finish = NULL;
	if (!start == !finish)
		return pyukwd_raise(UKWD_EINVAL,
		                    "give start= (schedule forward) or finish= "
		                    "(schedule backward), not both",
		                    NULL, NULL);
	if (pyukwd_date_from_object(&date, start ? start : finish,
	                            start ? "start" : "finish") != 0)
		return NULL;
	ukwd_schedule_options_init(&options, UKWD_SCHEDULE_OPTIONS_VERSION);
	options.direction =
	    start ? UKWD_SCHEDULE_FORWARD : UKWD_SCHEDULE_BACKWARD;
	if (uep)
		rc = ukwd_uep_schedule(&sched, ((pyukwd_plan *)plan_obj)->plan,
		                       ((pyukwd_calendar *)cal_obj)->cal, date,
		                       &options, &diag);
	else
		rc = ukwd_schedule_new(&sched, ((pyukwd_plan *)plan_obj)->plan,
		                       ((pyukwd_calendar *)cal_obj)->cal, date,
		                       &options, &diag);
	if (rc != 0)
		return pyukwd_raise_diag(rc, &diag, NULL);
	self = PyObject_New(pyukwd_schedule, &schedule_type);
	if (!self) {
		ukwd_schedule_free(sched);
		return NULL;
	}
	self->sched = sched;
	self->plan = Py_NewRef(plan_obj);
	self->calendar = Py_NewRef(cal_obj);
	return (PyObject *)self;
}

static void
schedule_dealloc(PyObject *obj)
{
	pyukwd_schedule *self = (pyukwd_schedule *)obj;

	/* The schedule first: it borrows the plan and the calendar. */
	ukwd_schedule_free(self->sched);
	Py_XDECREF(self->plan);
	Py_XDECREF(self->calendar);
	PyObject_Free(obj);
}

static const char *const render_formats[] = {
    "text", "table", "explanations", "mermaid", "svg",
    "html", "csv",   "json",         "ics",     NULL};

static PyObject *
render(pyukwd_schedule *self, const char *format, int width, int ascii,
       PyObject *today, const char *title, int sources, int explain, int todo)
{
	ukwd_render_options options;
	struct pyukwd_buffer out = {NULL, 0, 0};
	PyObject *text;
	int rc;

	ukwd_render_options_init(&options, UKWD_RENDER_OPTIONS_VERSION);
	options.width = width;
	options.ascii = ascii;
	options.title = title;
	options.flags = (sources ? UKWD_RENDER_SOURCES : 0u) |
	                (explain ? UKWD_RENDER_EXPLAIN : 0u);
	if (today && today != Py_None &&
	    pyukwd_date_from_object(&options.today, today, "today") != 0)
		return NULL;
	if (strcmp(format, "text") == 0)
		rc = ukwd_render_text(self->sched, &options, pyukwd_buffer_sink,
		                      &out);
	else if (strcmp(format, "table") == 0)
		rc = ukwd_render_table(self->sched, &options,
		                       pyukwd_buffer_sink, &out);
	else if (strcmp(format, "explanations") == 0)
		rc = ukwd_render_explanations(self->sched, &options,
		                              pyukwd_buffer_sink, &out);
	else if (strcmp(format, "mermaid") == 0)
		rc = ukwd_render_mermaid(self->sched, &options,
		                         pyukwd_buffer_sink, &out);
	else if (strcmp(format, "svg") == 0)
		rc = ukwd_render_svg(self->sched, &options, pyukwd_buffer_sink,
		                     &out);
	else if (strcmp(format, "html") == 0)
		rc = ukwd_render_html(self->sched, &options, pyukwd_buffer_sink,
		                      &out);
	else if (strcmp(format, "csv") == 0)
		rc = ukwd_render_csv(self->sched, &options, pyukwd_buffer_sink,
		                     &out);
	else if (strcmp(format, "json") == 0)
		rc = ukwd_render_json(self->sched, &options, pyukwd_buffer_sink,
		                      &out);
	else if (strcmp(format, "ics") == 0)
		rc = ukwd_ical_export_schedule(self->sched,
		                               todo ? UKWD_ICAL_TODO : 0u,
		                               pyukwd_buffer_sink, &out);
	else {
		char message[256];

		snprintf(message, sizeof(message),
		         "format: unknown '%.40s'; expected text, table, "
		         "explanations, mermaid, svg, html, csv, json or ics",
		         format);
		return pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
	}
	if (rc != 0) {
		char message[160];

		free(out.data);
		if (rc == UKWD_EUSER)
			return PyErr_NoMemory();
		snprintf(message, sizeof(message), "render('%s'): %s", format,
		         ukwd_strerror(rc));
		return pyukwd_raise(rc, message, NULL, NULL);
	}
	text = PyUnicode_DecodeUTF8(out.data ? out.data : "",
	                            (Py_ssize_t)out.used, "strict");
	free(out.data);
	return text;
}

static PyObject *
schedule_render(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"format",  "width",   "ascii", "today", "title",
	                        "sources", "explain", "todo",  NULL};
	const char *format = "text", *title = NULL;
	PyObject *today = NULL;
	int width = 0, ascii = 0, sources = 0, explain = 0, todo = 0;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|s$ipOzppp:render", names,
	                                 &format, &width, &ascii, &today,
	                                 &title, &sources, &explain, &todo))
		return NULL;
	return render((pyukwd_schedule *)self, format, width, ascii, today,
	              title, sources, explain, todo);
}

static PyObject *
schedule_repr_html(PyObject *self, PyObject *unused)
{
	(void)unused;
	return render((pyukwd_schedule *)self, "html", 0, 0, NULL, NULL, 0, 0,
	              0);
}

static PyObject *
schedule_repr(PyObject *obj)
{
	const pyukwd_schedule *self = (const pyukwd_schedule *)obj;
	ukwd_date start, finish;
	int32_t days;
	char a[16], b[16];

	if (ukwd_schedule_span(&start, &finish, &days, self->sched) != 0)
		return PyUnicode_FromString("<ukwd.Schedule>");
	ukwd_date_format(a, sizeof(a), start);
	ukwd_date_format(b, sizeof(b), finish);
	return PyUnicode_FromFormat(
	    "<ukwd.Schedule: %zu tasks, %s to %s, %d working days>",
	    ukwd_schedule_task_count(self->sched), a, b, (int)days);
}

/* A new 1-d array of n elements of type (NPY_DATETIME: days). */
static PyArrayObject *
new_array(npy_intp n, int type)
{
	if (type == NPY_DATETIME) {
		Py_INCREF(pyukwd_day_descr);
		return (PyArrayObject *)PyArray_NewFromDescr(
		    &PyArray_Type, pyukwd_day_descr, 1, &n, NULL, NULL, 0,
		    NULL);
	}
	return (PyArrayObject *)PyArray_ZEROS(1, &n, type, 0);
}

enum {
	T_ID,
	T_NAME,
	T_DURATION,
	T_EARLY_START,
	T_EARLY_FINISH,
	T_LATE_START,
	T_LATE_FINISH,
	T_TOTAL_FLOAT,
	T_FREE_FLOAT,
	T_CRITICAL,
	T_SOURCE,
	T_COLUMNS
};

static const char *const task_columns[T_COLUMNS] = {
    "id",           "name",       "duration",    "early_start",
    "early_finish", "late_start", "late_finish", "total_float",
    "free_float",   "critical",   "source"};

static PyObject *
schedule_tasks(PyObject *obj, PyObject *unused)
{
	const pyukwd_schedule *self = (const pyukwd_schedule *)obj;
	const ukwd_plan *plan = ukwd_schedule_plan(self->sched);
	size_t i, n = ukwd_schedule_task_count(self->sched);
	PyObject *cols[T_COLUMNS] = {NULL}, *dict = NULL;
	int c;

	(void)unused;
	for (c = 0; c < T_COLUMNS; c++) {
		int type =
		    c == T_ID || c == T_NAME || c == T_SOURCE  ? NPY_OBJECT
		    : c == T_CRITICAL                          ? NPY_BOOL
		    : c >= T_EARLY_START && c <= T_LATE_FINISH ? NPY_DATETIME
		                                               : NPY_INT32;

		cols[c] = (PyObject *)new_array((npy_intp)n, type);
		if (!cols[c])
			goto done;
	}
	for (i = 0; i < n; i++) {
		ukwd_scheduled_task t;
		const ukwd_source *source = ukwd_plan_task_source(plan, i);
		PyObject **ids = PyArray_DATA((PyArrayObject *)cols[T_ID]);
		PyObject **tasks = PyArray_DATA((PyArrayObject *)cols[T_NAME]);
		PyObject **tags = PyArray_DATA((PyArrayObject *)cols[T_SOURCE]);
		int rc = ukwd_schedule_task(&t, self->sched, i);

		if (rc != 0) {
			pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
			goto done;
		}
		ids[i] = PyUnicode_FromString(ukwd_plan_task_id(plan, i));
		tasks[i] = PyUnicode_FromString(ukwd_plan_task_name(plan, i));
		tags[i] = PyUnicode_FromString(
		    source ? ukwd_source_tag_name(source->tag) : "");
		if (!ids[i] || !tasks[i] || !tags[i])
			goto done;
#define SET(col, ctype, value)                                                 \
	((ctype *)PyArray_DATA((PyArrayObject *)cols[col]))[i] = (value)
		SET(T_DURATION, int32_t, t.duration);
		SET(T_EARLY_START, int64_t, t.early_start);
		SET(T_EARLY_FINISH, int64_t, t.early_finish);
		SET(T_LATE_START, int64_t, t.late_start);
		SET(T_LATE_FINISH, int64_t, t.late_finish);
		SET(T_TOTAL_FLOAT, int32_t, t.total_float);
		SET(T_FREE_FLOAT, int32_t, t.free_float);
		SET(T_CRITICAL, npy_bool, (npy_bool)(t.critical != 0));
#undef SET
	}
	dict = PyDict_New();
	for (c = 0; dict && c < T_COLUMNS; c++) {
		if (PyDict_SetItemString(dict, task_columns[c], cols[c]) < 0)
			Py_CLEAR(dict);
	}
done:
	for (c = 0; c < T_COLUMNS; c++)
		Py_XDECREF(cols[c]);
	return dict;
}

static PyObject *
schedule_to_dataframe(PyObject *obj, PyObject *unused)
{
	PyObject *pandas, *tasks, *frame, *ids;

	(void)unused;
	tasks = schedule_tasks(obj, NULL);
	if (!tasks)
		return NULL;
	pandas = PyImport_ImportModule("pandas");
	if (!pandas) {
		Py_DECREF(tasks);
		return NULL;
	}
	frame = PyObject_CallMethod(pandas, "DataFrame", "O", tasks);
	Py_DECREF(pandas);
	Py_DECREF(tasks);
	if (!frame)
		return NULL;
	/* Indexed by task id, the column kept too. */
	{
		PyObject *method = PyObject_GetAttrString(frame, "set_index");
		PyObject *args = Py_BuildValue("(s)", "id");
		PyObject *kw = Py_BuildValue("{s:O}", "drop", Py_False);

		ids = method && args && kw ? PyObject_Call(method, args, kw)
		                           : NULL;
		Py_XDECREF(method);
		Py_XDECREF(args);
		Py_XDECREF(kw);
	}
	Py_DECREF(frame);
	return ids;
}

static PyObject *
schedule_get_span(PyObject *obj, int which)
{
	const pyukwd_schedule *self = (const pyukwd_schedule *)obj;
	ukwd_date start, finish;
	int32_t days;
	int rc = ukwd_schedule_span(&start, &finish, &days, self->sched);

	if (rc != 0)
		return pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
	if (which == 2)
		return PyLong_FromLong(days);
	return pyukwd_date_to_object(which ? finish : start);
}

static PyObject *
schedule_get_start(PyObject *obj, void *closure)
{
	(void)closure;
	return schedule_get_span(obj, 0);
}

static PyObject *
schedule_get_finish(PyObject *obj, void *closure)
{
	(void)closure;
	return schedule_get_span(obj, 1);
}

static PyObject *
schedule_get_working_days(PyObject *obj, void *closure)
{
	(void)closure;
	return schedule_get_span(obj, 2);
}

static PyObject *
schedule_get_critical_path(PyObject *obj, void *closure)
{
	const pyukwd_schedule *self = (const pyukwd_schedule *)obj;
	const ukwd_plan *plan = ukwd_schedule_plan(self->sched);
	const size_t *tasks;
	size_t count, i;
	PyObject *list;
	int rc;

	(void)closure;
	if (ukwd_schedule_critical_path_count(self->sched) == 0)
		return PyList_New(0);
	rc = ukwd_schedule_critical_path(&tasks, &count, self->sched, 0);
	if (rc != 0)
		return pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
	list = PyList_New((Py_ssize_t)count);
	for (i = 0; list && i < count; i++) {
		PyObject *id =
		    PyUnicode_FromString(ukwd_plan_task_id(plan, tasks[i]));

		if (!id) {
			Py_CLEAR(list);
			break;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, id);
	}
	return list;
}

static PyObject *
schedule_get_plan(PyObject *obj, void *closure)
{
	(void)closure;
	return Py_NewRef(((pyukwd_schedule *)obj)->plan);
}

static PyObject *
schedule_get_calendar(PyObject *obj, void *closure)
{
	(void)closure;
	return Py_NewRef(((pyukwd_schedule *)obj)->calendar);
}

static PyMethodDef schedule_methods[] = {
    {"render", (PyCFunction)(void (*)(void))schedule_render,
     METH_VARARGS | METH_KEYWORDS,
     "render(format='text', *, width=0, ascii=False, today=None, "
     "title=None, sources=False, explain=False, todo=False)\n--\n\n"
     "The schedule as a str, by libukwd's renderers: 'text' (a Gantt "
     "chart for a terminal), 'table', 'explanations', 'mermaid', 'svg', "
     "'html', 'csv', 'json' or 'ics' (iCalendar; todo=True for VTODOs). "
     "width: text columns or SVG pixels (0: automatic); ascii: text "
     "without Unicode; today: a date to mark; title: SVG, HTML and "
     "Mermaid; sources: CSV source columns; explain: the table's 'Why:' "
     "section. ukwd.ENOTSUPPORTED for 'ics' without libical."},
    {"_repr_html_", schedule_repr_html, METH_NOARGS,
     "_repr_html_()\n--\n\n"
     "The HTML Gantt chart, render('html'): what Jupyter shows."},
    {"tasks", schedule_tasks, METH_NOARGS,
     "tasks()\n--\n\n"
     "The tasks' dates as a dict of arrays in plan order: id, name, "
     "source (tag) as object arrays; duration, total_float, free_float "
     "(int32 working days); early_start, early_finish, late_start, "
     "late_finish (datetime64[D], finishes inclusive); critical (bool)."},
    {"to_dataframe", schedule_to_dataframe, METH_NOARGS,
     "to_dataframe()\n--\n\n"
     "tasks() as a pandas DataFrame indexed by task id."},
    {"risk", (PyCFunction)(void (*)(void))pyukwd_risk_run,
     METH_VARARGS | METH_KEYWORDS,
     "risk(iterations=10000, *, seed=0, distribution='triangular', "
     "threads=1, deadline=None, branches=None)\n--\n\n"
     "Schedule risk: reschedule the plan `iterations` times, each "
     "estimated task's duration drawn from its three-point estimate "
     "(the optimistic, most_likely and pessimistic columns) by "
     "distribution 'triangular' or 'pert' and rounded to whole working "
     "days; everything else as this schedule. Same seed, same results, "
     "on any number of threads (1: the calling thread; more start that "
     "many; the GIL is released while it runs). deadline: a date to give "
     "the chance of finishing by (forward schedules; the plan's own "
     "deadline otherwise). branches: work that happens only in some "
     "iterations, a list of dicts with task (id or index), probability "
     "(of each cycle), duration (working days a cycle adds), and "
     "optionally max_cycles (1), id, source (tag, 'USER'), citation. "
     "Returns a ukwd.Risk. Errors: ukwd.EINVAL (bad options, a deadline "
     "for a backward schedule), ukwd.ERANGE (a date outside the "
     "calendar), ukwd.ENOTFOUND (a branch's unknown task)."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef schedule_getset[] = {
    {"start", schedule_get_start, NULL,
     "The project's first working day (datetime.date).", NULL},
    {"finish", schedule_get_finish, NULL,
     "The project's last working day (datetime.date).", NULL},
    {"working_days", schedule_get_working_days, NULL,
     "The project's length in working days.", NULL},
    {"critical_path", schedule_get_critical_path, NULL,
     "The first critical path's task ids, in dependency order.", NULL},
    {"plan", schedule_get_plan, NULL, "The ukwd.Plan scheduled.", NULL},
    {"calendar", schedule_get_calendar, NULL,
     "The ukwd.Calendar it was scheduled over.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject schedule_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "ukwd.Schedule",
    .tp_basicsize = sizeof(pyukwd_schedule),
    .tp_dealloc = schedule_dealloc,
    .tp_repr = schedule_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A scheduled plan: early and late dates, float and the "
              "critical path of every task, from Plan.schedule() or "
              "ukwd.uep.plan(). Immutable. Jupyter shows its Gantt chart "
              "(_repr_html_); render(format) gives every format.",
    .tp_methods = schedule_methods,
    .tp_getset = schedule_getset,
};

/* ---- ukwd.uep ---- */

/* Role bits from "a,b" or a list of names. */
static int
parse_roles(unsigned int *roles, PyObject *obj)
{
	PyObject *text = NULL;
	const char *names;
	ukwd_diag diag;
	int rc;

	if (PyUnicode_Check(obj)) {
		text = Py_NewRef(obj);
	} else {
		PyObject *comma = PyUnicode_FromString(",");

		if (!comma)
			return -1;
		text = PyUnicode_Join(comma, obj);
		Py_DECREF(comma);
		if (!text)
			return -1;
	}
	names = PyUnicode_AsUTF8(text);
	if (!names) {
		Py_DECREF(text);
		return -1;
	}
	rc = ukwd_uep_roles_parse(roles, names, &diag);
	Py_DECREF(text);
	if (rc != 0) {
		pyukwd_raise_diag(rc, &diag, "roles");
		return -1;
	}
	return 0;
}

static int
parse_party(ukwd_party_type *party, const char *name)
{
	ukwd_diag diag;
	int rc = ukwd_uep_party_parse(party, name, &diag);

	if (rc != 0) {
		char message[200];

		snprintf(message, sizeof(message),
		         "party: unknown '%.60s'; expected "
		         "'domestic-small-supplier', "
		         "'non-domestic-small-supplier' or 'other'",
		         name);
		pyukwd_raise(rc, message, NULL, NULL);
		return -1;
	}
	return 0;
}

static PyObject *
uep_plan(PyObject *module, PyObject *args, PyObject *kw)
{
	static char *names[] = {"party",    "roles", "credit_cover", "stagger",
	                        "deadline", "start", "calendar",     "ranges",
	                        NULL};
	const char *party_name = "domestic-small-supplier";
	const char *ranges = "sourced";
	PyObject *roles = NULL, *deadline = NULL, *start = NULL, *cal = NULL;
	PyObject *plan_obj, *result, *mandate = NULL;
	ukwd_uep_options options;
	ukwd_plan *plan = NULL;
	ukwd_diag diag;
	int credit_cover = 0, stagger = 0, rc;

	(void)module;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|sO$ppOOOs:plan", names,
	                                 &party_name, &roles, &credit_cover,
	                                 &stagger, &deadline, &start, &cal,
	                                 &ranges))
		return NULL;
	ukwd_uep_options_init(&options, UKWD_UEP_OPTIONS_VERSION);
	if (strcmp(ranges, "sourced") == 0)
		options.ranges = UKWD_UEP_RANGES_SOURCED;
	else if (strcmp(ranges, "all") == 0)
		options.ranges = UKWD_UEP_RANGES_ALL;
	else
		return pyukwd_raise(UKWD_EINVAL,
		                    "ranges must be 'sourced' (the default: only "
		                    "ranges a public source gives) or 'all' "
		                    "(every stage's PROPOSED range too)",
		                    NULL, NULL);
	if (parse_party(&options.party, party_name) != 0)
		return NULL;
	if (roles && roles != Py_None &&
	    parse_roles(&options.roles, roles) != 0)
		return NULL;
	options.credit_cover = credit_cover;
	options.stagger = stagger;
	if (deadline == Py_None)
		deadline = NULL;
	if (start == Py_None)
		start = NULL;
	if (!deadline && !start) {
		ukwd_date d;

		if (ukwd_uep_mandate_date(&d, options.party) != 0)
			return pyukwd_raise(
			    UKWD_EINVAL,
			    "party 'other' has no mandate date: give "
			    "deadline= (schedule backward) or start= "
			    "(forward)",
			    NULL, NULL);
		mandate = pyukwd_date_to_object(d);
		if (!mandate)
			return NULL;
		deadline = mandate;
	}
	rc = ukwd_uep_build_plan(&plan, &options, &diag);
	if (rc != 0) {
		Py_XDECREF(mandate);
		return pyukwd_raise_diag(rc, &diag, NULL);
	}
	plan_obj = plan_wrap(plan);
	if (!plan_obj) {
		Py_XDECREF(mandate);
		return NULL;
	}
	result = schedule_make(plan_obj, cal, start, deadline, 1);
	Py_DECREF(plan_obj);
	Py_XDECREF(mandate);
	return result;
}

static PyObject *
uep_mandate_date(PyObject *module, PyObject *arg)
{
	ukwd_party_type party;
	const char *name;
	ukwd_date d;

	(void)module;
	name = PyUnicode_AsUTF8(arg);
	if (!name || parse_party(&party, name) != 0)
		return NULL;
	if (ukwd_uep_mandate_date(&d, party) != 0)
		Py_RETURN_NONE;
	return pyukwd_date_to_object(d);
}

static PyObject *
uep_stages(PyObject *module, PyObject *unused)
{
	size_t i, n = ukwd_uep_stage_count();
	PyObject *list = PyList_New(0);

	(void)module;
	(void)unused;
	for (i = 0; list && i < n; i++) {
		const ukwd_uep_stage *s = ukwd_uep_stage_at(i);
		PyObject *dict = Py_BuildValue(
		    "{s:s,s:s,s:s,s:i,s:i,s:i,s:s,s:s,s:O,s:O}", "id", s->id,
		    "title", s->title, "reference", s->reference, "duration",
		    (int)s->duration, "optimistic", (int)s->optimistic,
		    "pessimistic", (int)s->pessimistic, "source",
		    ukwd_source_tag_name(s->source), "citation",
		    s->citation ? s->citation : "", "per_role",
		    s->per_role ? Py_True : Py_False, "credit_cover_only",
		    s->credit_cover_only ? Py_True : Py_False);

		if (!dict || PyList_Append(list, dict) < 0) {
			Py_XDECREF(dict);
			Py_CLEAR(list);
			break;
		}
		Py_DECREF(dict);
	}
	return list;
}

static PyMethodDef uep_methods[] = {
    {"plan", (PyCFunction)(void (*)(void))uep_plan,
     METH_VARARGS | METH_KEYWORDS,
     "plan(party='domestic-small-supplier', roles='import-supplier', *, "
     "credit_cover=False, stagger=False, deadline=None, start=None, "
     "calendar=None, ranges='sourced')\n--\n\n"
     "The SEC User Entry Process for a Party, scheduled: backward to "
     "deadline (by default the party's mandate date; 'other' has none), "
     "or forward from start. roles: names ('import-supplier', "
     "'gas-supplier', 'other-user', ...) as 'a,b' or a list; "
     "credit_cover adds the Credit Cover stage; stagger tests the roles "
     "one after another. calendar: the SEC calendar by default. Each "
     "stage's duration carries its source tag (SOURCED, CHECKLIST, "
     "PROPOSED). ranges: the three-point estimates Schedule.risk() "
     "draws from: 'sourced' (default: only FUSA fieldwork's 3-10 working "
     "days, which a public source gives) or 'all' (every stage's range, "
     "PROPOSED where no source gives one). Returns a ukwd.Schedule."},
    {"mandate_date", uep_mandate_date, METH_O,
     "mandate_date(party)\n--\n\n"
     "The date by which a Party of this kind had to be a DCC User "
     "(datetime.date), or None for 'other'."},
    {"stages", uep_stages, METH_NOARGS,
     "stages()\n--\n\n"
     "The stage catalogue as a list of dicts: id, title, reference, "
     "duration, optimistic, pessimistic (working days), source (tag), "
     "citation, per_role, credit_cover_only."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef uep_def = {
    PyModuleDef_HEAD_INIT,
    "ukwd.uep",
    "The SEC User Entry Process: its stage catalogue and a dated plan for "
    "becoming a DCC User.",
    -1,
    uep_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

int
pyukwd_plan_init(PyObject *parent)
{
	PyObject *module, *modules;
	PyObject *formats;
	Py_ssize_t i, n = 0;

	if (PyType_Ready(&plan_type) < 0 || PyType_Ready(&schedule_type) < 0 ||
	    pyukwd_risk_init(parent) < 0)
		return -1;
	/* Schedule.formats: what render() takes. */
	while (render_formats[n])
		n++;
	formats = PyTuple_New(n);
	for (i = 0; formats && i < n; i++) {
		PyObject *name = PyUnicode_FromString(render_formats[i]);

		if (!name)
			Py_CLEAR(formats);
		else
			PyTuple_SET_ITEM(formats, i, name);
	}
	if (!formats || PyDict_SetItemString(schedule_type.tp_dict, "formats",
	                                     formats) < 0) {
		Py_XDECREF(formats);
		return -1;
	}
	Py_DECREF(formats);
	PyType_Modified(&schedule_type);
	if (PyModule_AddObjectRef(parent, "Plan", (PyObject *)&plan_type) < 0 ||
	    PyModule_AddObjectRef(parent, "Schedule",
	                          (PyObject *)&schedule_type) < 0)
		return -1;
	module = PyModule_Create(&uep_def);
	if (!module)
		return -1;
	modules = PyImport_GetModuleDict();
	if (PyDict_SetItemString(modules, "ukwd.uep", module) < 0 ||
	    PyModule_AddObject(parent, "uep", module) < 0) {
		Py_DECREF(module);
		return -1;
	}
	return 0;
}
