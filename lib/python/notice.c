/*
 * ukwd.notice: libukwd's notice checks from Python (issue 17), scalar for
 * now: check(rule, given, event, cutoff=None, *, calendar=None) returns a
 * Result; rules() lists the catalogue.
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

static PyObject *
notice_check(PyObject *module, PyObject *args, PyObject *kw)
{
	static char *names[] = {"rule",   "given",    "event",
	                        "cutoff", "calendar", NULL};
	PyObject *rule_obj, *given_obj, *event_obj, *cutoff = NULL;
	PyObject *cal_obj = NULL, *result;
	ukwd_notice_rule rule;
	ukwd_notice_result out;
	ukwd_diag diag;
	ukwd_date given, event;
	int given_minutes = UKWD_NO_TIME, rc;
	const char *id;

	(void)module;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|O$O:check", names,
	                                 &rule_obj, &given_obj, &event_obj,
	                                 &cutoff, &cal_obj))
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
	if (pyukwd_date_from_object(&given, given_obj, "given") != 0 ||
	    pyukwd_minutes_of(&given_minutes, given_obj) != 0 ||
	    pyukwd_date_from_object(&event, event_obj, "event") != 0)
		return NULL;
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
     "check(rule, given, event, cutoff=None, *, calendar=None)\n--\n\n"
     "Check a notice (or an action) against a catalogue rule, by id "
     "('uept-notice'; rules() lists them). given: the day the notice was "
     "received (a datetime gives the time of day, for the cut-off), or "
     "for a 'within' rule the trigger day; event: the event's date, or "
     "the day the action was taken. cutoff: 'HH:MM', a datetime.time or "
     "minutes after midnight, in place of the rule's own. calendar: the "
     "working days, by default the SEC calendar Calendar.uk('sec'). "
     "Returns a Result named tuple."},
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
