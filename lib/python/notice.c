/*
 * ukwd.notice: libukwd's notice checks from Python (issue 17):
 * check(rule, given, event, cutoff=None, *, calendar=None) returns a
 * Result for one date each, a dict of arrays for arrays of dates
 * (broadcast, the GIL released); rules() lists the catalogue.
 */
#include "pyukwd.h"

#include <stdio.h>
#include <string.h>

static PyTypeObject result_type;

static PyStructSequence_Field result_fields[] = {
    {"compliant", "True if the notice (or action) complies"},
    {"deemed_received", "the day the notice or trigger is deemed received"},
    {"given", "the period given, in counted_unit (never negative)"},
    {"counted_unit", "'working-days' or 'calendar-days'"},
    {"shortfall", "how far short, in counted_unit; 0 when compliant"},
    {"deadline", "before: the latest day a notice can be received for "
                 "this event; within: the last compliant day"},
    {"earliest_event", "before: the earliest event date this notice "
                       "allows (maybe a non-working day)"},
    {"earliest_working_event", "earliest_event rolled forward to a "
                               "working day"},
    {"event_not_working", "True if the event (or action day) is not a "
                          "working day"},
    {"explanation", "one line of English saying why"},
    {NULL, NULL},
};

static PyStructSequence_Desc result_desc = {
    "ukwd.notice.Result",
    "What ukwd.notice.check() found; a named tuple.",
    result_fields,
    10,
};

static const char *
unit_name(ukwd_notice_unit unit)
{
	switch (unit) {
	case UKWD_UNIT_WORKING_DAYS:
		return "working-days";
	case UKWD_UNIT_CALENDAR_DAYS:
		return "calendar-days";
	case UKWD_UNIT_WEEKS:
		return "weeks";
	case UKWD_UNIT_MONTHS:
		return "months";
	}
	return "unknown";
}

/* The calendar of check() without calendar=: the SEC calendar the
 * catalogue's rules are written for, made on first use and kept (it is
 * immutable). */
static PyObject *default_calendar;

static PyObject *
sec_calendar(void)
{
	ukwd_calendar *cal = NULL;
	PyObject *label;
	int rc;

	if (default_calendar)
		return default_calendar;
	rc = ukwd_calendar_new_sec(&cal, UKWD_UK_FIRST_YEAR, 2100);
	if (rc != 0)
		return pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
	label = PyUnicode_FromString("Calendar.uk('sec', years=(1971, 2100))");
	if (!label) {
		ukwd_calendar_free(cal);
		return NULL;
	}
	default_calendar = pyukwd_calendar_wrap(cal, label);
	Py_DECREF(label);
	return default_calendar;
}

static int
set_item(PyObject *dict, const char *key, PyObject *value)
{
	int rc;

	if (!value)
		return -1;
	rc = PyDict_SetItemString(dict, key, value);
	Py_DECREF(value);
	return rc;
}

/* The fields of a vectorised check, in Result's order (explanation last,
 * only with explain=True). */
enum {
	V_COMPLIANT,
	V_DEEMED,
	V_GIVEN,
	V_SHORTFALL,
	V_DEADLINE,
	V_EARLIEST,
	V_EARLIEST_WORKING,
	V_NOT_WORKING,
	V_EXPLANATION,
	V_FIELDS
};

/* A datetime64 array whose unit is finer than a day: its elements carry
 * a time of day, which meets the cut-off. */
static int
has_time_of_day(PyArrayObject *arr)
{
	PyArray_Descr *descr = PyArray_DESCR(arr);
	const PyArray_DatetimeMetaData *meta;

	if (PyArray_TYPE(arr) != NPY_DATETIME || !descr->c_metadata)
		return 0;
	meta =
	    &((const PyArray_DatetimeDTypeMetaData *)descr->c_metadata)->meta;
	return meta->base > NPY_FR_D && meta->base != NPY_FR_GENERIC;
}

/* The inputs as aligned native int64: given in minutes (with a time of
 * day) or days, event in days. A new reference, or NULL. */
static PyArrayObject *
as_unit(PyArrayObject *arr, const char *unit)
{
	PyObject *spec = PyUnicode_FromString(unit);
	PyArray_Descr *descr = NULL;

	if (!spec)
		return NULL;
	if (!PyArray_DescrConverter(spec, &descr)) {
		Py_DECREF(spec);
		return NULL;
	}
	Py_DECREF(spec);
	return (PyArrayObject *)PyArray_FromArray(
	    arr, descr,
	    NPY_ARRAY_ALIGNED | NPY_ARRAY_NOTSWAPPED | NPY_ARRAY_FORCECAST);
}

/* What went wrong at an element; set with the GIL released. */
struct vfault {
	int code;
	npy_intp index;
	int64_t given, event; /* days; NaT for NaT */
	char message[UKWD_DIAG_MESSAGE_SIZE];
};

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* One element: given (minutes or days), event (days) into out. */
static int
check_one(ukwd_notice_result *out, struct vfault *fault, npy_intp index,
          const ukwd_calendar *cal, const ukwd_notice_rule *rule, int64_t given,
          int has_time, int64_t event)
{
	ukwd_diag diag;
	int64_t day = given;
	int minutes = UKWD_NO_TIME, rc;

	if (given != NPY_DATETIME_NAT && has_time) {
		day = floor_div(given, 1440);
		minutes = (int)(given - day * 1440);
	}
	fault->index = index;
	fault->given = given == NPY_DATETIME_NAT ? NPY_DATETIME_NAT : day;
	fault->event = event;
	if (given == NPY_DATETIME_NAT || event == NPY_DATETIME_NAT) {
		fault->code = UKWD_EINVAL;
		snprintf(fault->message, sizeof(fault->message),
		         "NaT (not-a-time) %s: a notice check needs two dates",
		         given == NPY_DATETIME_NAT ? "given" : "event");
		return -1;
	}
	if (day < UKWD_DATE_MIN || day > UKWD_DATE_MAX ||
	    event < UKWD_DATE_MIN || event > UKWD_DATE_MAX) {
		fault->code = UKWD_ERANGE;
		snprintf(fault->message, sizeof(fault->message),
		         "%s outside the dates libukwd handles (0001-01-01 to "
		         "9999-12-31)",
		         day < UKWD_DATE_MIN || day > UKWD_DATE_MAX ? "given"
		                                                    : "event");
		return -1;
	}
	rc = ukwd_notice_check(out, cal, rule, (ukwd_date)day, minutes,
	                       (ukwd_date)event, &diag);
	if (rc != 0) {
		fault->code = rc;
		snprintf(fault->message, sizeof(fault->message), "%s",
		         diag.message[0] ? diag.message : ukwd_strerror(rc));
		return -1;
	}
	return 0;
}

static PyObject *
raise_vfault(const struct vfault *fault, int ndim, const npy_intp *dims)
{
	char where[160], given[32], event[32],
	    message[UKWD_DIAG_MESSAGE_SIZE + 256];
	PyObject *index, *day = NULL, *result;
	int64_t bad = fault->given;

	index = pyukwd_unravel(where, sizeof(where), fault->index, ndim, dims);
	if (!index)
		return NULL;
	pyukwd_format_day(given, sizeof(given), fault->given);
	pyukwd_format_day(event, sizeof(event), fault->event);
	snprintf(message, sizeof(message), "given %s, event %s%s: %s", given,
	         event, where, fault->message);
	if (bad == NPY_DATETIME_NAT || bad < UKWD_DATE_MIN ||
	    bad > UKWD_DATE_MAX)
		bad = fault->event;
	if (bad != NPY_DATETIME_NAT && bad >= UKWD_DATE_MIN &&
	    bad <= UKWD_DATE_MAX) {
		day = pyukwd_date_to_object((ukwd_date)bad);
		if (!day) {
			Py_DECREF(index);
			return NULL;
		}
	}
	result = pyukwd_raise(fault->code, message, index, day);
	Py_DECREF(index);
	Py_XDECREF(day);
	return result;
}

static const char *const field_names[V_FIELDS] = {
    "compliant",
    "deemed_received",
    "given",
    "shortfall",
    "deadline",
    "earliest_event",
    "earliest_working_event",
    "event_not_working",
    "explanation",
};

/* check() over arrays: given and event broadcast; a dict of arrays of the
 * broadcast shape, one per field of Result (counted_unit: one str, as it
 * depends on the rule only; explanation only when explain is set). The
 * GIL is released unless explain is set. */
static PyObject *
check_arrays(const ukwd_calendar *cal, const ukwd_notice_rule *rule,
             PyObject *given_obj, PyObject *event_obj, int explain)
{
	PyArrayObject *given_days = NULL, *event_days = NULL;
	PyArrayObject *given = NULL, *event = NULL;
	PyArrayObject *outs[V_FIELDS] = {NULL};
	PyArrayMultiIterObject *multi = NULL;
	PyObject *result = NULL;
	struct vfault fault;
	int has_time, failed = 0, i, nd;
	npy_intp n, k;
	npy_intp *dims;

	given_days = pyukwd_as_days(given_obj, "given");
	if (!given_days)
		goto done;
	event_days = pyukwd_as_days(event_obj, "event");
	if (!event_days)
		goto done;
	has_time = has_time_of_day(given_days);
	given = as_unit(given_days, has_time ? "M8[m]" : "M8[D]");
	event = given ? as_unit(event_days, "M8[D]") : NULL;
	if (!event)
		goto done;
	multi = (PyArrayMultiIterObject *)PyArray_MultiIterNew(2, given, event);
	if (!multi)
		goto done;
	nd = multi->nd;
	dims = multi->dimensions;
	n = multi->size;
	for (i = 0; i < V_FIELDS; i++) {
		int type;

		switch (i) {
		case V_COMPLIANT:
		case V_NOT_WORKING:
			type = NPY_BOOL;
			break;
		case V_GIVEN:
		case V_SHORTFALL:
			type = NPY_INT32;
			break;
		case V_EXPLANATION:
			type = NPY_OBJECT;
			break;
		default:
			type = NPY_DATETIME;
		}
		if (i == V_EXPLANATION && !explain)
			continue;
		if (type == NPY_DATETIME) {
			Py_INCREF(pyukwd_day_descr);
			outs[i] = (PyArrayObject *)PyArray_NewFromDescr(
			    &PyArray_Type, pyukwd_day_descr, nd, dims, NULL,
			    NULL, 0, NULL);
		} else {
			outs[i] =
			    (PyArrayObject *)PyArray_ZEROS(nd, dims, type, 0);
		}
		if (!outs[i])
			goto done;
	}
	{
		npy_bool *compliant = PyArray_DATA(outs[V_COMPLIANT]);
		npy_bool *not_working = PyArray_DATA(outs[V_NOT_WORKING]);
		int32_t *given_out = PyArray_DATA(outs[V_GIVEN]);
		int32_t *shortfall = PyArray_DATA(outs[V_SHORTFALL]);
		int64_t *deemed = PyArray_DATA(outs[V_DEEMED]);
		int64_t *deadline = PyArray_DATA(outs[V_DEADLINE]);
		int64_t *earliest = PyArray_DATA(outs[V_EARLIEST]);
		int64_t *earliest_working =
		    PyArray_DATA(outs[V_EARLIEST_WORKING]);
		PyObject **explanation =
		    explain ? PyArray_DATA(outs[V_EXPLANATION]) : NULL;
		NPY_BEGIN_THREADS_DEF;

		if (!explain)
			NPY_BEGIN_THREADS;
		for (k = 0; k < n; k++) {
			ukwd_notice_result out;

			if (check_one(&out, &fault, k, cal, rule,
			              *(const int64_t *)PyArray_MultiIter_DATA(
			                  multi, 0),
			              has_time,
			              *(const int64_t *)PyArray_MultiIter_DATA(
			                  multi, 1)) != 0) {
				failed = 1;
				break;
			}
			compliant[k] = (npy_bool)out.compliant;
			not_working[k] = (npy_bool)out.event_not_working;
			given_out[k] = out.given;
			shortfall[k] = out.shortfall;
			deemed[k] = out.deemed_received;
			deadline[k] = out.deadline;
			earliest[k] = out.earliest_event;
			earliest_working[k] = out.earliest_working_event;
			if (explain) {
				explanation[k] =
				    PyUnicode_FromString(out.explanation);
				if (!explanation[k])
					break;
			}
			PyArray_MultiIter_NEXT(multi);
		}
		NPY_END_THREADS;
	}
	if (PyErr_Occurred())
		goto done;
	if (failed) {
		raise_vfault(&fault, nd, dims);
		goto done;
	}
	result = PyDict_New();
	if (!result)
		goto done;
	for (i = 0; i < V_FIELDS; i++) {
		if (!outs[i])
			continue;
		if (PyDict_SetItemString(result, field_names[i],
		                         (PyObject *)outs[i]) < 0) {
			Py_CLEAR(result);
			goto done;
		}
		if (i == V_GIVEN &&
		    set_item(result, "counted_unit",
		             PyUnicode_FromString(unit_name(
		                 rule->unit == UKWD_UNIT_WORKING_DAYS
		                     ? UKWD_UNIT_WORKING_DAYS
		                     : UKWD_UNIT_CALENDAR_DAYS))) < 0) {
			Py_CLEAR(result);
			goto done;
		}
	}
done:
	for (i = 0; i < V_FIELDS; i++)
		Py_XDECREF(outs[i]);
	Py_XDECREF(multi);
	Py_XDECREF(given);
	Py_XDECREF(event);
	Py_XDECREF(given_days);
	Py_XDECREF(event_days);
	return result;
}

/* Element 0 of check_arrays()'s dict of 0-d arrays, as a Result. */
static PyObject *
result_from_arrays(PyObject *arrays)
{
	static const char *const order[] = {"compliant",
	                                    "deemed_received",
	                                    "given",
	                                    "counted_unit",
	                                    "shortfall",
	                                    "deadline",
	                                    "earliest_event",
	                                    "earliest_working_event",
	                                    "event_not_working",
	                                    "explanation"};
	PyObject *result = PyStructSequence_New(&result_type);
	size_t i;

	if (!result)
		return NULL;
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		PyObject *value = PyDict_GetItemString(arrays, order[i]);

		if (!value) {
			PyErr_SetString(PyExc_SystemError, "missing field");
			Py_DECREF(result);
			return NULL;
		}
		if (PyArray_Check(value))
			value = PyArray_GETITEM(
			    (PyArrayObject *)value,
			    PyArray_DATA((PyArrayObject *)value));
		else
			Py_INCREF(value);
		if (!value) {
			Py_DECREF(result);
			return NULL;
		}
		/* datetime64[D] items come back as datetime.date; int32 as
		 * int; bool as bool. */
		PyStructSequence_SetItem(result, (Py_ssize_t)i, value);
	}
	return result;
}

/* A date the scalar path answers with a Result: a Python date, datetime
 * or str, a numpy.datetime64 or a 0-d array. */
static int
is_one_date(PyObject *obj)
{
	return pyukwd_is_python_date(obj) || PyArray_IsScalar(obj, Datetime) ||
	       (PyArray_Check(obj) && PyArray_NDIM((PyArrayObject *)obj) == 0);
}

static PyObject *
notice_check(PyObject *module, PyObject *args, PyObject *kw)
{
	static char *names[] = {"rule",     "given",   "event", "cutoff",
	                        "calendar", "explain", NULL};
	PyObject *rule_obj, *given_obj, *event_obj, *cutoff = NULL;
	PyObject *cal_obj = NULL, *result;
	ukwd_notice_rule rule;
	ukwd_notice_result out;
	ukwd_diag diag;
	ukwd_date given, event;
	int given_minutes = UKWD_NO_TIME, rc, explain = 0;
	const char *id;

	(void)module;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|O$Op:check", names,
	                                 &rule_obj, &given_obj, &event_obj,
	                                 &cutoff, &cal_obj, &explain))
		return NULL;
	if (!PyUnicode_Check(rule_obj)) {
		PyErr_Format(PyExc_TypeError,
		             "rule: expected a rule id such as 'uept-notice' "
		             "(ukwd.notice.rules() lists them), not %R",
		             rule_obj);
		return NULL;
	}
	id = PyUnicode_AsUTF8(rule_obj);
	if (!id)
		return NULL;
	rc = ukwd_notice_rule_init(&rule, UKWD_NOTICE_RULE_VERSION);
	if (rc == 0)
		rc = ukwd_notice_rule_get(&rule, id);
	if (rc != 0) {
		char message[200];

		snprintf(message, sizeof(message),
		         "rule: no rule '%.100s' in the catalogue "
		         "(ukwd.notice.rules() lists them)",
		         id);
		return pyukwd_raise(rc, message, NULL, NULL);
	}
	if (cutoff && cutoff != Py_None &&
	    pyukwd_time_from_object(&rule.cutoff_minutes, cutoff, "cutoff") !=
	        0)
		return NULL;
	if (!cal_obj || cal_obj == Py_None) {
		cal_obj = sec_calendar();
		if (!cal_obj)
			return NULL;
	} else if (!PyObject_TypeCheck(cal_obj, &pyukwd_calendar_type)) {
		PyErr_Format(PyExc_TypeError,
		             "calendar: expected a ukwd.Calendar, not %R",
		             cal_obj);
		return NULL;
	}
	if (!pyukwd_is_python_date(given_obj) ||
	    !pyukwd_is_python_date(event_obj)) {
		PyObject *arrays;

		if (!is_one_date(given_obj) || !is_one_date(event_obj))
			return check_arrays(((pyukwd_calendar *)cal_obj)->cal,
			                    &rule, given_obj, event_obj,
			                    explain);
		/* numpy scalars: the array path, for its time of day. */
		arrays = check_arrays(((pyukwd_calendar *)cal_obj)->cal, &rule,
		                      given_obj, event_obj, 1);
		if (!arrays)
			return NULL;
		result = result_from_arrays(arrays);
		Py_DECREF(arrays);
		return result;
	}
	if (pyukwd_date_from_object(&given, given_obj, "given") != 0 ||
	    pyukwd_minutes_of(&given_minutes, given_obj) != 0 ||
	    pyukwd_date_from_object(&event, event_obj, "event") != 0)
		return NULL;
	rc = ukwd_notice_check(&out, ((pyukwd_calendar *)cal_obj)->cal, &rule,
	                       given, given_minutes, event, &diag);
	if (rc != 0)
		return pyukwd_raise_diag(rc, &diag, NULL);
	result = PyStructSequence_New(&result_type);
	if (!result)
		return NULL;
	PyStructSequence_SetItem(result, 0, PyBool_FromLong(out.compliant));
	PyStructSequence_SetItem(result, 1,
	                         pyukwd_date_to_object(out.deemed_received));
	PyStructSequence_SetItem(result, 2, PyLong_FromLong(out.given));
	PyStructSequence_SetItem(
	    result, 3, PyUnicode_FromString(unit_name(out.counted_unit)));
	PyStructSequence_SetItem(result, 4, PyLong_FromLong(out.shortfall));
	PyStructSequence_SetItem(result, 5,
	                         pyukwd_date_to_object(out.deadline));
	PyStructSequence_SetItem(result, 6,
	                         pyukwd_date_to_object(out.earliest_event));
	PyStructSequence_SetItem(
	    result, 7, pyukwd_date_to_object(out.earliest_working_event));
	PyStructSequence_SetItem(result, 8,
	                         PyBool_FromLong(out.event_not_working));
	PyStructSequence_SetItem(result, 9,
	                         PyUnicode_FromString(out.explanation));
	if (PyErr_Occurred()) {
		Py_DECREF(result);
		return NULL;
	}
	return result;
}

static PyObject *
text_or_none(const char *text)
{
	if (!text)
		Py_RETURN_NONE;
	return PyUnicode_FromString(text);
}

static PyObject *
notice_rules(PyObject *module, PyObject *unused)
{
	size_t i, n = ukwd_notice_rule_count();
	PyObject *list = PyList_New(0);

	(void)module;
	(void)unused;
	if (!list)
		return NULL;
	for (i = 0; i < n; i++) {
		const ukwd_notice_rule *rule = ukwd_notice_rule_at(i);
		PyObject *dict = PyDict_New();

		if (!dict || set_item(dict, "id", text_or_none(rule->id)) ||
		    set_item(dict, "title", text_or_none(rule->title)) ||
		    set_item(dict, "amount", PyLong_FromLong(rule->amount)) ||
		    set_item(dict, "unit",
		             PyUnicode_FromString(unit_name(rule->unit))) ||
		    set_item(dict, "direction",
		             PyUnicode_FromString(rule->direction ==
		                                          UKWD_NOTICE_BEFORE
		                                      ? "before"
		                                      : "within")) ||
		    set_item(
		        dict, "counting",
		        PyUnicode_FromString(rule->counting == UKWD_COUNT_CLEAR
		                                 ? "clear"
		                                 : "event-day")) ||
		    set_item(dict, "cutoff_minutes",
		             rule->cutoff_minutes == UKWD_NO_CUTOFF
		                 ? Py_NewRef(Py_None)
		                 : PyLong_FromLong(rule->cutoff_minutes)) ||
		    set_item(
		        dict, "source",
		        text_or_none(ukwd_source_tag_name(rule->source))) ||
		    set_item(dict, "reference",
		             text_or_none(rule->reference)) ||
		    set_item(dict, "citation", text_or_none(rule->citation)) ||
		    PyList_Append(list, dict) < 0) {
			Py_XDECREF(dict);
			Py_DECREF(list);
			return NULL;
		}
		Py_DECREF(dict);
	}
	return list;
}

static PyMethodDef notice_methods[] = {
    {"check", (PyCFunction)(void (*)(void))notice_check,
     METH_VARARGS | METH_KEYWORDS,
     "check(rule, given, event, cutoff=None, *, calendar=None, "
     "explain=False)\n--\n\n"
     "Check a notice (or an action) against a catalogue rule, by id "
     "('uept-notice'; rules() lists them). given: the day the notice was "
     "received (a datetime, or a datetime64 finer than a day, gives the "
     "time of day, for the cut-off), or for a 'within' rule the trigger "
     "day; event: the event's date, or the day the action was taken. "
     "cutoff: 'HH:MM', a datetime.time or minutes after midnight, in "
     "place of the rule's own. calendar: the working days, by default "
     "the SEC calendar Calendar.uk('sec').\n\n"
     "One date each (date, datetime, 'YYYY-MM-DD', numpy.datetime64): "
     "a Result named tuple. Arrays or lists of dates (broadcast against "
     "each other as numpy does): a dict of arrays of the broadcast "
     "shape, keyed by Result's field names: compliant and "
     "event_not_working bool, given and shortfall int32, the dates "
     "datetime64[D], counted_unit one str (it depends on the rule only) "
     "and, with explain=True only, explanation as an object array of "
     "str. pandas.DataFrame(result) makes a table of it. The array path "
     "releases the GIL (not with explain=True). NaT, or a date outside "
     "the calendar, raises (ukwd.EINVAL, ukwd.ERANGE) naming the first "
     "bad element."},
    {"rules", notice_rules, METH_NOARGS,
     "rules()\n--\n\n"
     "The catalogue of notice rules, as a list of dicts: id, title, "
     "amount, unit, direction, counting, cutoff_minutes, source, "
     "reference, citation."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef notice_def = {
    PyModuleDef_HEAD_INIT,
    "ukwd.notice",
    "Notice periods: check a notice against libukwd's rules.",
    -1,
    notice_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

int
pyukwd_notice_init(PyObject *parent)
{
	PyObject *module, *modules;

	if (!result_type.tp_name &&
	    PyStructSequence_InitType2(&result_type, &result_desc) < 0)
		return -1;
	module = PyModule_Create(&notice_def);
	if (!module)
		return -1;
	if (PyModule_AddObjectRef(module, "Result", (PyObject *)&result_type) <
	    0) {
		Py_DECREF(module);
		return -1;
	}
	/* So that `import ukwd.notice` finds it too. */
	modules = PyImport_GetModuleDict();
	if (PyDict_SetItemString(modules, "ukwd.notice", module) < 0 ||
	    PyModule_AddObject(parent, "notice", module) < 0) {
		Py_DECREF(module);
		return -1;
	}
	return 0;
}
