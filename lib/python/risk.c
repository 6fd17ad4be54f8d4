/*
 * ukwd.Risk (issue 17, "risk when that exists"): Schedule.risk() runs
 * libukwd's Monte Carlo (ukwd/risk.h) over a Schedule with the GIL
 * released, and a Risk gives its results in the shapes pandas takes: the
 * finish distribution as a dict of dates, histograms and per-task
 * results as dicts of arrays, and every renderer's output as a str.
 * A Risk is immutable and keeps the Schedule it ran on, and with it the
 * Calendar the C risk borrows.
 */
#include "pyukwd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	PyObject_HEAD ukwd_risk *risk;
	PyObject *schedule; /* the Schedule it ran on */
} pyukwd_risk;

static PyTypeObject risk_type;

static const ukwd_schedule *
sched_of(const pyukwd_risk *self)
{
	return ((const pyukwd_schedule *)self->schedule)->sched;
}

/* ---- running it ---- */

/* An int argument in [0, max] as an unsigned 64-bit value; anything else
 * raises ukwd.EINVAL (a bool or a float is refused as well). */
static int
unsigned_arg(uint64_t *out, PyObject *obj, const char *what, uint64_t max)
{
	char message[160];
	unsigned long long v;

	if (!PyLong_Check(obj) || PyBool_Check(obj)) {
		PyErr_Format(PyExc_TypeError, "%s: expected an int, not %R",
		             what, obj);
		return -1;
	}
	v = PyLong_AsUnsignedLongLong(obj);
	if (v == (unsigned long long)-1 && PyErr_Occurred()) {
		if (!PyErr_ExceptionMatches(PyExc_OverflowError))
			return -1;
		PyErr_Clear();
		v = (unsigned long long)max + 1; /* out of range below */
		if (max == UINT64_MAX) {
			snprintf(message, sizeof(message),
			         "%s: expected 0 to 2**64 - 1", what);
			pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
			return -1;
		}
	}
	if (v > max) {
		snprintf(message, sizeof(message), "%s: expected 0 to %llu",
		         what, (unsigned long long)max);
		pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
		return -1;
	}
	*out = v;
	return 0;
}

/* A task of the plan by id (str) or index (int). Returns 0, or -1 with
 * ukwd.ENOTFOUND (or a TypeError) set. */
static int
task_index(size_t *out, const ukwd_plan *plan, PyObject *obj, const char *what)
{
	char message[200];
	size_t n = ukwd_plan_task_count(plan);

	if (PyUnicode_Check(obj)) {
		const char *id = PyUnicode_AsUTF8(obj);

		if (!id)
			return -1;
		if (ukwd_plan_find(out, plan, id) == 0)
			return 0;
		snprintf(message, sizeof(message), "%s: no task '%.80s'", what,
		         id);
		pyukwd_raise(UKWD_ENOTFOUND, message, NULL, NULL);
		return -1;
	}
	if (PyLong_Check(obj) && !PyBool_Check(obj)) {
		Py_ssize_t i = PyLong_AsSsize_t(obj);

		if (i == -1 && PyErr_Occurred()) {
			if (!PyErr_ExceptionMatches(PyExc_OverflowError))
				return -1;
			PyErr_Clear();
		} else if (i >= 0 && (size_t)i < n) {
			*out = (size_t)i;
			return 0;
		}
		snprintf(message, sizeof(message),
		         "%s: task index out of range 0..%zu", what,
		         n ? n - 1 : 0);
		pyukwd_raise(UKWD_ENOTFOUND, message, NULL, NULL);
		return -1;
	}
	PyErr_Format(PyExc_TypeError,
	             "%s: expected a task id (str) or index (int), not %R",
	             what, obj);
	return -1;
}

/* An optional str item of a branch dict, UTF-8 kept alive by `keep`:
 * *out stays NULL when absent or None. */
static int
branch_text(const char **out, PyObject *dict, const char *key, PyObject *keep,
            const char *what)
{
	PyObject *value = PyMapping_GetItemString(dict, key);

	if (!value) {
		if (!PyErr_ExceptionMatches(PyExc_KeyError))
			return -1;
		PyErr_Clear();
		return 0;
	}
	if (value == Py_None) {
		Py_DECREF(value);
		return 0;
	}
	if (!PyUnicode_Check(value)) {
		PyErr_Format(PyExc_TypeError, "%s: %s: expected a str, not %R",
		             what, key, value);
		Py_DECREF(value);
		return -1;
	}
	/* The list holds the str while the C code reads its UTF-8. */
	if (PyList_Append(keep, value) < 0) {
		Py_DECREF(value);
		return -1;
	}
	Py_DECREF(value);
	*out = PyUnicode_AsUTF8(value);
	return *out ? 0 : -1;
}

/* A required (or, with fallback, optional) number of a branch dict, as
 * a new reference. */
static PyObject *
branch_item(PyObject *dict, const char *key, PyObject *fallback,
            const char *what)
{
	PyObject *value = PyMapping_GetItemString(dict, key);

	if (value || !PyErr_ExceptionMatches(PyExc_KeyError))
		return value;
	PyErr_Clear();
	if (fallback)
		return Py_NewRef(fallback);
	pyukwd_raise(UKWD_EINVAL, what, NULL, NULL);
	return NULL;
}

/* The branches= argument as ukwd_risk_branch structs (malloc'd into
 * *out), their strings held by `keep`. Returns the count, or -1. */
static Py_ssize_t
parse_branches(ukwd_risk_branch **out, PyObject *arg, const ukwd_plan *plan,
               PyObject *keep)
{
	PyObject *seq = PySequence_Fast(arg, "branches: expected a list of "
	                                     "dicts");
	ukwd_risk_branch *branches;
	Py_ssize_t i, n;

	*out = NULL;
	if (!seq)
		return -1;
	n = PySequence_Fast_GET_SIZE(seq);
	branches = calloc(n ? (size_t)n : 1, sizeof(*branches));
	if (!branches) {
		Py_DECREF(seq);
		PyErr_NoMemory();
		return -1;
	}
	/* The items, held by the list for the C code: the caller's list
	 * may change while the GIL is released. */
	if (PyList_Append(keep, seq) < 0)
		goto fail;
	for (i = 0; i < n; i++) {
		PyObject *dict = PySequence_Fast_GET_ITEM(seq, i);
		ukwd_risk_branch *b = &branches[i];
		PyObject *task, *value, *one = PyLong_FromLong(1);
		const char *tag = NULL;
		char what[64], missing[96];
		uint64_t cycles, days;
		double p;
		int rc;

		snprintf(what, sizeof(what), "branches[%zd]", i);
		if (!one)
			goto fail;
		if (!PyMapping_Check(dict) || PyUnicode_Check(dict)) {
			Py_DECREF(one);
			PyErr_Format(PyExc_TypeError,
			             "%s: expected a dict, not %R", what, dict);
			goto fail;
		}
		snprintf(missing, sizeof(missing), "%s: no 'task'", what);
		task = branch_item(dict, "task", NULL, missing);
		if (!task) {
			Py_DECREF(one);
			goto fail;
		}
		rc = task_index(&b->task, plan, task, what);
		Py_DECREF(task);
		if (rc != 0) {
			Py_DECREF(one);
			goto fail;
		}
		snprintf(missing, sizeof(missing), "%s: no 'probability'",
		         what);
		value = branch_item(dict, "probability", NULL, missing);
		if (!value) {
			Py_DECREF(one);
			goto fail;
		}
		p = PyFloat_AsDouble(value);
		Py_DECREF(value);
		if (p == -1.0 && PyErr_Occurred()) {
			Py_DECREF(one);
			goto fail;
		}
		b->probability = p;
		snprintf(missing, sizeof(missing), "%s: no 'duration'", what);
		value = branch_item(dict, "duration", NULL, missing);
		rc = value ? unsigned_arg(&days, value, what, INT32_MAX) : -1;
		Py_XDECREF(value);
		if (rc != 0) {
			Py_DECREF(one);
			goto fail;
		}
		b->duration = (int32_t)days;
		value = branch_item(dict, "max_cycles", one, what);
		Py_DECREF(one);
		rc =
		    value ? unsigned_arg(&cycles, value, what, UINT32_MAX) : -1;
		Py_XDECREF(value);
		if (rc != 0)
			goto fail;
		b->max_cycles = (uint32_t)cycles;
		if (branch_text(&b->id, dict, "id", keep, what) != 0 ||
		    branch_text(&tag, dict, "source", keep, what) != 0 ||
		    branch_text(&b->source.citation, dict, "citation", keep,
		                what) != 0 ||
		    branch_text(&b->source.reference, dict, "reference", keep,
		                what) != 0)
			goto fail;
		b->source.tag = UKWD_SOURCE_USER;
		if (tag && ukwd_source_tag_parse(&b->source.tag, tag,
		                                 strlen(tag)) != 0) {
			char message[200];

			snprintf(message, sizeof(message),
			         "%s: source: unknown tag '%.40s'; expected "
			         "SOURCED, CHECKLIST, PROPOSED or USER",
			         what, tag);
			pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
			goto fail;
		}
	}
	Py_DECREF(seq);
	*out = branches;
	return n;
fail:
	Py_DECREF(seq);
	free(branches);
	return -1;
}

PyObject *
pyukwd_risk_run(PyObject *schedule, PyObject *args, PyObject *kw)
{
	static char *names[] = {"iterations", "seed",     "distribution",
	                        "threads",    "deadline", "branches",
	                        NULL};
	const pyukwd_schedule *sched = (const pyukwd_schedule *)schedule;
	PyObject *iterations = NULL, *seed = NULL, *threads = NULL;
	PyObject *deadline = NULL, *branch_arg = NULL, *keep = NULL;
	const char *distribution = "triangular";
	ukwd_risk_branch *branches = NULL;
	ukwd_risk_options options;
	ukwd_risk *risk = NULL;
	pyukwd_risk *self;
	ukwd_diag diag;
	uint64_t v;
	int rc;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|O$OsOOO:risk", names,
	                                 &iterations, &seed, &distribution,
	                                 &threads, &deadline, &branch_arg))
		return NULL;
	ukwd_risk_options_init(&options, UKWD_RISK_OPTIONS_VERSION);
	options.threads = 1;
	if (iterations) {
		if (unsigned_arg(&v, iterations, "iterations", UINT32_MAX) != 0)
			return NULL;
		options.iterations = (uint32_t)v;
	}
	if (seed) {
		if (unsigned_arg(&v, seed, "seed", UINT64_MAX) != 0)
			return NULL;
		options.seed = v;
	}
	if (threads) {
		if (unsigned_arg(&v, threads, "threads", UINT32_MAX) != 0)
			return NULL;
		options.threads = (unsigned int)v;
	}
	if (strcmp(distribution, "triangular") == 0)
		options.distribution = UKWD_RISK_TRIANGULAR;
	else if (strcmp(distribution, "pert") == 0)
		options.distribution = UKWD_RISK_PERT;
	else {
		char message[160];

		snprintf(message, sizeof(message),
		         "distribution: unknown '%.40s'; expected 'triangular' "
		         "or 'pert'",
		         distribution);
		return pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
	}
	if (deadline && deadline != Py_None) {
		if (pyukwd_date_from_object(&options.deadline, deadline,
		                            "deadline") != 0)
			return NULL;
		options.has_deadline = 1;
	}
	keep = PyList_New(0);
	if (!keep)
		return NULL;
	if (branch_arg && branch_arg != Py_None) {
		Py_ssize_t n =
		    parse_branches(&branches, branch_arg,
		                   ukwd_schedule_plan(sched->sched), keep);

		if (n < 0) {
			Py_DECREF(keep);
			return NULL;
		}
		options.branches = branches;
		options.branch_count = (size_t)n;
	}
	/* The schedule, its plan and calendar are immutable, and `keep`
	 * holds every string the options point into. */
	Py_BEGIN_ALLOW_THREADS;
	rc = ukwd_risk_new(&risk, sched->sched, &options, &diag);
	Py_END_ALLOW_THREADS;
	free(branches);
	Py_DECREF(keep);
	if (rc != 0)
		return pyukwd_raise_diag(rc, &diag, NULL);
	self = PyObject_New(pyukwd_risk, &risk_type);
	if (!self) {
		ukwd_risk_free(risk);
		return NULL;
	}
	self->risk = risk;
	self->schedule = Py_NewRef(schedule);
	return (PyObject *)self;
}

static void
risk_dealloc(PyObject *obj)
{
	pyukwd_risk *self = (pyukwd_risk *)obj;

	/* The risk first: it borrows the schedule's calendar. */
	ukwd_risk_free(self->risk);
	Py_XDECREF(self->schedule);
	PyObject_Free(obj);
}

/* ---- results ---- */

static PyObject *
raise_code(int rc, const char *what)
{
	char message[200];

	snprintf(message, sizeof(message), "%s: %s", what, ukwd_strerror(rc));
	return pyukwd_raise(rc, message, NULL, NULL);
}

/* A share p in [0, 1] from a Python number. */
static int
share_arg(double *p, PyObject *obj)
{
	*p = PyFloat_AsDouble(obj);
	if (*p == -1.0 && PyErr_Occurred())
		return -1;
	if (!(*p >= 0.0 && *p <= 1.0)) {
		char message[120];

		snprintf(message, sizeof(message),
		         "p: expected a share from 0 to 1, not %g", *p);
		pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
		return -1;
	}
	return 0;
}

/* An outcome as {p10, p50, p80, p90, p95, min, max, mean (dates),
 * mean_index (float)}. */
static PyObject *
outcome_dict(const ukwd_risk_outcome *o)
{
	static const char *const keys[] = {"p10", "p50", "p80", "p90",
	                                   "p95", "min", "max", "mean"};
	const ukwd_date dates[] = {o->p10, o->p50, o->p80, o->p90,
	                           o->p95, o->min, o->max, o->mean};
	PyObject *dict = PyDict_New();
	size_t i;

	for (i = 0; dict && i < sizeof(keys) / sizeof(keys[0]); i++) {
		PyObject *d = pyukwd_date_to_object(dates[i]);

		if (!d || PyDict_SetItemString(dict, keys[i], d) < 0)
			Py_CLEAR(dict);
		Py_XDECREF(d);
	}
	if (dict) {
		PyObject *mean = PyFloat_FromDouble(o->mean_index);

		if (!mean || PyDict_SetItemString(dict, "mean_index", mean) < 0)
			Py_CLEAR(dict);
		Py_XDECREF(mean);
	}
	return dict;
}

static PyObject *
risk_get_finish(PyObject *obj, void *closure)
{
	ukwd_risk_outcome o;
	int rc = ukwd_risk_finish(&o, ((pyukwd_risk *)obj)->risk);

	(void)closure;
	if (rc != 0)
		return raise_code(rc, "finish");
	return outcome_dict(&o);
}

/* The working-day number (0: the calendar's first working day) of a
 * working day, and the mean day of a histogram as one. */
static int
day_index(double *out, const pyukwd_risk *self, size_t what)
{
	const ukwd_calendar *cal = ukwd_schedule_calendar(sched_of(self));
	const uint32_t *counts;
	ukwd_date first, cal_first, cal_last;
	double sum = 0.0, n = 0.0;
	size_t len, j;
	int32_t base;
	int rc;

	rc = ukwd_risk_histogram(&counts, &len, &first, self->risk, what);
	if (rc == 0) {
		ukwd_calendar_range(cal, &cal_first, &cal_last);
		rc = ukwd_workday_count(&base, cal, cal_first, first);
	}
	if (rc != 0) {
		raise_code(rc, "histogram");
		return -1;
	}
	for (j = 0; j < len; j++) {
		sum += (double)counts[j] * (double)j;
		n += counts[j];
	}
	*out = base + (n > 0 ? sum / n : 0.0);
	return 0;
}

static PyObject *
risk_get_mean_working_days(PyObject *obj, void *closure)
{
	const pyukwd_risk *self = (const pyukwd_risk *)obj;
	ukwd_risk_outcome o;
	double start;
	int rc;

	(void)closure;
	rc = ukwd_risk_finish(&o, self->risk);
	if (rc != 0)
		return raise_code(rc, "finish");
	if (day_index(&start, self, UKWD_RISK_PROJECT_START) != 0)
		return NULL;
	return PyFloat_FromDouble(o.mean_index - start + 1.0);
}

static PyObject *
risk_get_iterations(PyObject *obj, void *closure)
{
	(void)closure;
	return PyLong_FromUnsignedLong(
	    ukwd_risk_iterations(((pyukwd_risk *)obj)->risk));
}

static PyObject *
risk_get_seed(PyObject *obj, void *closure)
{
	(void)closure;
	return PyLong_FromUnsignedLongLong(
	    ukwd_risk_seed(((pyukwd_risk *)obj)->risk));
}

static PyObject *
risk_get_distribution(PyObject *obj, void *closure)
{
	(void)closure;
	return PyUnicode_FromString(ukwd_risk_distribution_name(
	    ukwd_risk_distribution_of(((pyukwd_risk *)obj)->risk)));
}

static PyObject *
risk_get_schedule(PyObject *obj, void *closure)
{
	(void)closure;
	return Py_NewRef(((pyukwd_risk *)obj)->schedule);
}

static PyObject *
risk_get_deadline(PyObject *obj, int probability)
{
	ukwd_date deadline;
	double p;
	int rc = ukwd_risk_deadline(&deadline, &p, ((pyukwd_risk *)obj)->risk);

	if (rc == UKWD_ENOTFOUND)
		Py_RETURN_NONE;
	if (rc != 0)
		return raise_code(rc, "deadline");
	return probability ? PyFloat_FromDouble(p)
	                   : pyukwd_date_to_object(deadline);
}

static PyObject *
risk_get_deadline_date(PyObject *obj, void *closure)
{
	(void)closure;
	return risk_get_deadline(obj, 0);
}

static PyObject *
risk_get_deadline_probability(PyObject *obj, void *closure)
{
	(void)closure;
	return risk_get_deadline(obj, 1);
}

static PyObject *
risk_probability(PyObject *obj, PyObject *arg)
{
	ukwd_date date;
	double p;
	int rc;

	if (pyukwd_date_from_object(&date, arg, "date") != 0)
		return NULL;
	rc = ukwd_risk_finish_probability(&p, ((pyukwd_risk *)obj)->risk, date);
	if (rc == UKWD_ERANGE) {
		const pyukwd_schedule *sched =
		    (const pyukwd_schedule *)((pyukwd_risk *)obj)->schedule;
		const pyukwd_calendar *cal =
		    (const pyukwd_calendar *)sched->calendar;
		char message[120], a[16], b[16], c[16];

		ukwd_date_format(a, sizeof(a), date);
		ukwd_date_format(b, sizeof(b), cal->first);
		ukwd_date_format(c, sizeof(c), cal->last);
		snprintf(message, sizeof(message),
		         "probability: %s is outside the calendar's range "
		         "%s..%s",
		         a, b, c);
		return pyukwd_raise(rc, message, NULL, NULL);
	}
	if (rc != 0)
		return raise_code(rc, "probability");
	return PyFloat_FromDouble(p);
}

static PyObject *
risk_percentile(PyObject *obj, PyObject *args, PyObject *kw)
{
	static char *names[] = {"p", "task", NULL};
	const pyukwd_risk *self = (const pyukwd_risk *)obj;
	PyObject *p_obj, *task = Py_None;
	ukwd_date out;
	size_t index;
	double p;
	int rc;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:percentile", names,
	                                 &p_obj, &task) ||
	    share_arg(&p, p_obj) != 0)
		return NULL;
	if (task == Py_None)
		rc = ukwd_risk_finish_percentile(&out, self->risk, p);
	else if (task_index(&index, ukwd_schedule_plan(sched_of(self)), task,
	                    "task") != 0)
		return NULL;
	else
		rc = ukwd_risk_task_percentile(&out, self->risk, index, p);
	if (rc != 0)
		return raise_code(rc, "percentile");
	return pyukwd_date_to_object(out);
}

static PyObject *
risk_latest_start(PyObject *obj, PyObject *arg)
{
	ukwd_date out;
	double p;
	int rc;

	if (share_arg(&p, arg) != 0)
		return NULL;
	rc = ukwd_risk_latest_start(&out, ((pyukwd_risk *)obj)->risk, p);
	if (rc == UKWD_EINVAL)
		return pyukwd_raise(rc,
		                    "latest_start: only for a schedule made "
		                    "backward (finish=)",
		                    NULL, NULL);
	if (rc != 0)
		return raise_code(rc, "latest_start");
	return pyukwd_date_to_object(out);
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

/* A dict of two arrays (the first name's from cols[0], ...); steals the
 * arrays' references. */
static PyObject *
dict_of(const char *const *keys, PyObject **cols, int n)
{
	PyObject *dict = PyDict_New();
	int c;

	for (c = 0; dict && c < n; c++) {
		if (PyDict_SetItemString(dict, keys[c], cols[c]) < 0)
			Py_CLEAR(dict);
	}
	for (c = 0; c < n; c++)
		Py_XDECREF(cols[c]);
	return dict;
}

static PyObject *
risk_histogram(PyObject *obj, PyObject *args, PyObject *kw)
{
	static char *names[] = {"task", "start", NULL};
	static const char *const keys[] = {"date", "count"};
	const pyukwd_risk *self = (const pyukwd_risk *)obj;
	const ukwd_calendar *cal = ukwd_schedule_calendar(sched_of(self));
	PyObject *task = Py_None, *cols[2] = {NULL, NULL};
	const uint32_t *counts;
	ukwd_date first, day;
	size_t what = UKWD_RISK_PROJECT_FINISH, len, j;
	int start = 0, rc;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|O$p:histogram", names,
	                                 &task, &start))
		return NULL;
	if (task != Py_None && start)
		return pyukwd_raise(UKWD_EINVAL,
		                    "histogram: give a task or start=True, not "
		                    "both",
		                    NULL, NULL);
	if (start)
		what = UKWD_RISK_PROJECT_START;
	else if (task != Py_None &&
	         task_index(&what, ukwd_schedule_plan(sched_of(self)), task,
	                    "task") != 0)
		return NULL;
	rc = ukwd_risk_histogram(&counts, &len, &first, self->risk, what);
	if (rc != 0)
		return raise_code(rc, "histogram");
	cols[0] = (PyObject *)new_array((npy_intp)len, NPY_DATETIME);
	cols[1] = (PyObject *)new_array((npy_intp)len, NPY_INT64);
	if (!cols[0] || !cols[1]) {
		Py_XDECREF(cols[0]);
		Py_XDECREF(cols[1]);
		return NULL;
	}
	/* Consecutive entries are consecutive working days. */
	day = first;
	for (j = 0; j < len; j++) {
		((int64_t *)PyArray_DATA((PyArrayObject *)cols[0]))[j] = day;
		((int64_t *)PyArray_DATA((PyArrayObject *)cols[1]))[j] =
		    counts[j];
		if (j + 1 < len &&
		    (rc = ukwd_workday_add(&day, cal, day, 1)) != 0) {
			Py_DECREF(cols[0]);
			Py_DECREF(cols[1]);
			return raise_code(rc, "histogram");
		}
	}
	return dict_of(keys, cols, 2);
}

enum {
	R_ID,
	R_NAME,
	R_P10,
	R_P50,
	R_P80,
	R_P90,
	R_P95,
	R_MIN,
	R_MAX,
	R_MEAN,
	R_MEAN_INDEX,
	R_CRITICALITY,
	R_SENSITIVITY,
	R_VARIES,
	R_COLUMNS
};

static const char *const risk_columns[R_COLUMNS] = {
    "id",         "name",        "p10",         "p50",   "p80",
    "p90",        "p95",         "min",         "max",   "mean",
    "mean_index", "criticality", "sensitivity", "varies"};

static PyObject *
risk_tasks(PyObject *obj, PyObject *unused)
{
	const pyukwd_risk *self = (const pyukwd_risk *)obj;
	const ukwd_plan *plan = ukwd_schedule_plan(sched_of(self));
	size_t i, n = ukwd_risk_task_count(self->risk);
	PyObject *cols[R_COLUMNS] = {NULL};
	int c;

	(void)unused;
	for (c = 0; c < R_COLUMNS; c++) {
		int type = c <= R_NAME     ? NPY_OBJECT
		           : c <= R_MEAN   ? NPY_DATETIME
		           : c == R_VARIES ? NPY_BOOL
		                           : NPY_FLOAT64;

		cols[c] = (PyObject *)new_array((npy_intp)n, type);
		if (!cols[c])
			goto fail;
	}
	for (i = 0; i < n; i++) {
		ukwd_risk_task_result t;
		PyObject **ids = PyArray_DATA((PyArrayObject *)cols[R_ID]);
		PyObject **tasks = PyArray_DATA((PyArrayObject *)cols[R_NAME]);
		int rc = ukwd_risk_task(&t, self->risk, i);

		if (rc != 0) {
			raise_code(rc, "tasks");
			goto fail;
		}
		/* The object arrays were filled with 0s: replace them. */
		Py_XSETREF(ids[i],
		           PyUnicode_FromString(ukwd_plan_task_id(plan, i)));
		Py_XSETREF(tasks[i],
		           PyUnicode_FromString(ukwd_plan_task_name(plan, i)));
		if (!ids[i] || !tasks[i])
			goto fail;
#define SET(col, ctype, value)                                                 \
	((ctype *)PyArray_DATA((PyArrayObject *)cols[col]))[i] = (value)
		SET(R_P10, int64_t, t.finish.p10);
		SET(R_P50, int64_t, t.finish.p50);
		SET(R_P80, int64_t, t.finish.p80);
		SET(R_P90, int64_t, t.finish.p90);
		SET(R_P95, int64_t, t.finish.p95);
		SET(R_MIN, int64_t, t.finish.min);
		SET(R_MAX, int64_t, t.finish.max);
		SET(R_MEAN, int64_t, t.finish.mean);
		SET(R_MEAN_INDEX, double, t.finish.mean_index);
		SET(R_CRITICALITY, double, t.criticality);
		SET(R_SENSITIVITY, double, t.sensitivity);
		SET(R_VARIES, npy_bool, (npy_bool)(t.varies != 0));
#undef SET
	}
	return dict_of(risk_columns, cols, R_COLUMNS);
fail:
	for (c = 0; c < R_COLUMNS; c++)
		Py_XDECREF(cols[c]);
	return NULL;
}

static PyObject *
risk_to_dataframe(PyObject *obj, PyObject *unused)
{
	PyObject *pandas, *tasks, *frame, *indexed;

	(void)unused;
	tasks = risk_tasks(obj, NULL);
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
	/* Indexed by task id, the column kept too, as Schedule's. */
	{
		PyObject *method = PyObject_GetAttrString(frame, "set_index");
		PyObject *args = Py_BuildValue("(s)", "id");
		PyObject *kw = Py_BuildValue("{s:O}", "drop", Py_False);

		indexed = method && args && kw ? PyObject_Call(method, args, kw)
		                               : NULL;
		Py_XDECREF(method);
		Py_XDECREF(args);
		Py_XDECREF(kw);
	}
	Py_DECREF(frame);
	return indexed;
}

static PyObject *
risk_branches(PyObject *obj, PyObject *unused)
{
	const pyukwd_risk *self = (const pyukwd_risk *)obj;
	const ukwd_plan *plan = ukwd_schedule_plan(sched_of(self));
	size_t i, n = ukwd_risk_branch_count(self->risk);
	PyObject *list = PyList_New(0);

	(void)unused;
	for (i = 0; list && i < n; i++) {
		ukwd_risk_branch_result r;
		PyObject *dict;
		int rc = ukwd_risk_branch_get(&r, self->risk, i);

		if (rc != 0) {
			Py_DECREF(list);
			return raise_code(rc, "branches");
		}
		dict = Py_BuildValue(
		    "{s:s,s:z,s:d,s:i,s:I,s:s,s:z,s:z,s:d,s:d}", "task",
		    ukwd_plan_task_id(plan, r.branch.task), "id", r.branch.id,
		    "probability", r.branch.probability, "duration",
		    (int)r.branch.duration, "max_cycles",
		    (unsigned int)r.branch.max_cycles, "source",
		    ukwd_source_tag_name(r.branch.source.tag), "citation",
		    r.branch.source.citation, "reference",
		    r.branch.source.reference, "taken", r.taken, "mean_cycles",
		    r.mean_cycles);
		if (!dict || PyList_Append(list, dict) < 0)
			Py_CLEAR(list);
		Py_XDECREF(dict);
	}
	return list;
}

static const char *const risk_formats[] = {"text", "json", "csv",
                                           "svg",  "html", NULL};

static PyObject *
render(const pyukwd_risk *self, const char *format, const char *title,
       int tornado, int ascii)
{
	ukwd_risk_render_options options = UKWD_RISK_RENDER_OPTIONS_INIT;
	struct pyukwd_buffer out = {NULL, 0, 0};
	PyObject *text;
	int f, rc;

	for (f = 0; risk_formats[f]; f++) {
		if (strcmp(format, risk_formats[f]) == 0)
			break;
	}
	if (!risk_formats[f]) {
		char message[200];

		snprintf(message, sizeof(message),
		         "format: unknown '%.40s'; expected text, json, csv, "
		         "svg or html",
		         format);
		return pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
	}
	options.title = title;
	options.tornado = (unsigned int)tornado;
	options.ascii = ascii;
	if (tornado < 1 || tornado > 100)
		return pyukwd_raise(
		    UKWD_EINVAL, "tornado: expected 1 to 100 bars", NULL, NULL);
	rc = ukwd_risk_render(self->risk, sched_of(self), (ukwd_risk_format)f,
	                      &options, pyukwd_buffer_sink, &out);
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
risk_render(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"format", "title", "tornado", "ascii", NULL};
	const char *format = "text", *title = NULL;
	int tornado = 10, ascii = 0;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|s$zip:render", names,
	                                 &format, &title, &tornado, &ascii))
		return NULL;
	return render((pyukwd_risk *)self, format, title, tornado, ascii);
}

static PyObject *
risk_repr_html(PyObject *self, PyObject *unused)
{
	(void)unused;
	return render((pyukwd_risk *)self, "html", NULL, 10, 0);
}

static PyObject *
risk_repr(PyObject *obj)
{
	const pyukwd_risk *self = (const pyukwd_risk *)obj;
	ukwd_risk_outcome o;
	char p50[16], p80[16];

	if (ukwd_risk_finish(&o, self->risk) != 0)
		return PyUnicode_FromString("<ukwd.Risk>");
	ukwd_date_format(p50, sizeof(p50), o.p50);
	ukwd_date_format(p80, sizeof(p80), o.p80);
	return PyUnicode_FromFormat(
	    "<ukwd.Risk: %u iterations, %s, finish P50 %s, P80 %s>",
	    (unsigned int)ukwd_risk_iterations(self->risk),
	    ukwd_risk_distribution_name(ukwd_risk_distribution_of(self->risk)),
	    p50, p80);
}

static PyMethodDef risk_methods[] = {
    {"tasks", risk_tasks, METH_NOARGS,
     "tasks()\n--\n\n"
     "Each task's results as a dict of arrays in plan order: id, name "
     "(object arrays); p10, p50, p80, p90, p95, min, max, mean "
     "(datetime64[D]: its early finish over the iterations, inclusive); "
     "mean_index (float64: the mean as a working-day number, 0 the "
     "calendar's first working day); criticality (the share of "
     "iterations in which it was critical, 0 to 1); sensitivity (the "
     "Spearman rank correlation of its drawn duration with the "
     "project's finish, or backward with its start negated, -1 to 1); "
     "varies (bool: its duration was drawn)."},
    {"to_dataframe", risk_to_dataframe, METH_NOARGS,
     "to_dataframe()\n--\n\n"
     "tasks() as a pandas DataFrame indexed by task id."},
    {"histogram", (PyCFunction)(void (*)(void))risk_histogram,
     METH_VARARGS | METH_KEYWORDS,
     "histogram(task=None, *, start=False)\n--\n\n"
     "How many iterations ended on each working day, as a dict of "
     "arrays: date (datetime64[D], consecutive working days from the "
     "earliest to the latest) and count (int64, adding up to "
     "iterations). Of the project finish by default; of a task's early "
     "finish (task: id or index); or with start=True of the project "
     "start (which varies only backward). ukwd.ENOTFOUND for an unknown "
     "task."},
    {"percentile", (PyCFunction)(void (*)(void))risk_percentile,
     METH_VARARGS | METH_KEYWORDS,
     "percentile(p, task=None)\n--\n\n"
     "The first working day by which a share p (0 to 1) of the "
     "iterations had finished: the project, or a task (id or index). "
     "ukwd.EINVAL for p outside [0, 1]."},
    {"probability", risk_probability, METH_O,
     "probability(date)\n--\n\n"
     "The share of iterations whose project finish is on or before date "
     "(a non-working day counts as the working day before it): the "
     "S-curve at that date. ukwd.ERANGE outside the calendar."},
    {"latest_start", risk_latest_start, METH_O,
     "latest_start(p)\n--\n\n"
     "A schedule made backward (finish=): the latest working day to "
     "start on for a chance of at least p of finishing by its finish "
     "date. ukwd.EINVAL for a forward schedule."},
    {"branches", risk_branches, METH_NOARGS,
     "branches()\n--\n\n"
     "The branches it ran with, as a list of dicts: task (id), id, "
     "probability, duration, max_cycles, source (tag), citation, "
     "reference, and taken (the share of iterations that took it) and "
     "mean_cycles."},
    {"render", (PyCFunction)(void (*)(void))risk_render,
     METH_VARARGS | METH_KEYWORDS,
     "render(format='text', *, title=None, tornado=10, ascii=False)"
     "\n--\n\n"
     "The results as a str, by libukwd's risk renderers: 'text', 'json', "
     "'csv', 'svg' (S-curve, histogram, tornado of the largest "
     "sensitivities, the plan with each task's P80) or 'html'. tornado: "
     "the most bars, 1 to 100; ascii: text without box drawing."},
    {"_repr_html_", risk_repr_html, METH_NOARGS,
     "_repr_html_()\n--\n\n"
     "render('html'): what Jupyter shows."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef risk_getset[] = {
    {"finish", risk_get_finish, NULL,
     "The project finish's distribution as a dict: p10, p50, p80, p90, "
     "p95, min, max and mean (datetime.date) and mean_index (float, a "
     "working-day number); pandas.Series(risk.finish) makes a column of "
     "it.",
     NULL},
    {"mean_working_days", risk_get_mean_working_days, NULL,
     "The project's mean length in working days, start and finish "
     "included (float).",
     NULL},
    {"deadline", risk_get_deadline_date, NULL,
     "The deadline the probability is of (datetime.date): risk()'s "
     "deadline, else the plan's; backward, the schedule's finish. None "
     "for a forward schedule with neither.",
     NULL},
    {"deadline_probability", risk_get_deadline_probability, NULL,
     "The share of iterations that meet the deadline (0 to 1), or None "
     "when there is no deadline.",
     NULL},
    {"iterations", risk_get_iterations, NULL, "The number of iterations run.",
     NULL},
    {"seed", risk_get_seed, NULL, "The generator's seed.", NULL},
    {"distribution", risk_get_distribution, NULL, "'triangular' or 'pert'.",
     NULL},
    {"schedule", risk_get_schedule, NULL, "The ukwd.Schedule it ran on.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject risk_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "ukwd.Risk",
    .tp_basicsize = sizeof(pyukwd_risk),
    .tp_dealloc = risk_dealloc,
    .tp_repr = risk_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The results of Schedule.risk(): a Monte Carlo over the "
              "plan's three-point estimates. The finish distribution "
              "(finish, percentile(), probability(), histogram()), the "
              "chance of meeting the deadline, each task's finish "
              "percentiles, criticality and sensitivity (tasks(), "
              "to_dataframe()), and render(format). Immutable; made by "
              "Schedule.risk() only.",
    .tp_methods = risk_methods,
    .tp_getset = risk_getset,
};

int
pyukwd_risk_init(PyObject *parent)
{
	PyObject *formats;
	Py_ssize_t i, n = 0;

	if (PyType_Ready(&risk_type) < 0)
		return -1;
	while (risk_formats[n])
		n++;
	formats = PyTuple_New(n);
	for (i = 0; formats && i < n; i++) {
		PyObject *name = PyUnicode_FromString(risk_formats[i]);

		if (!name)
			Py_CLEAR(formats);
		else
			PyTuple_SET_ITEM(formats, i, name);
	}
	if (!formats ||
	    PyDict_SetItemString(risk_type.tp_dict, "formats", formats) < 0) {
		Py_XDECREF(formats);
		return -1;
	}
	Py_DECREF(formats);
	PyType_Modified(&risk_type);
	return PyModule_AddObjectRef(parent, "Risk", (PyObject *)&risk_type);
}
