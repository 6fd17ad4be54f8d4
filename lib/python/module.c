/*
 * The CPython extension module `ukwd._ukwd`, whose names the package
 * `ukwd` (lib/python/ukwd/__init__.py) gives: UK working days from Python
 * over libukwd's public API (issue 17). This file holds the module, its
 * exceptions (one class per libukwd error code), date conversion and
 * numpy's function names (is_busday, busday_offset, busday_count) at
 * module level.
 */
#define PYUKWD_MODULE_C
#include "pyukwd.h"

#include <datetime.h>
#include <stdio.h>
#include <string.h>

PyArray_Descr *pyukwd_day_descr;

/* Indexed by -code; the classes ukwd.ERANGE and so on. */
#define N_CODES 11
static PyObject *error_base;
static PyObject *error_classes[N_CODES];

struct error_class {
	int code;
	const char *name; /* the C name without "UKWD_" */
	const char *text;
};

static const struct error_class error_list[] = {
#define PYUKWD_ERR_ROW(name, value, text) {value, #name, text},
    UKWD_ERRNO_MAP(PYUKWD_ERR_ROW)
#undef PYUKWD_ERR_ROW
};

/* Besides ukwd.Error, each class is the builtin exception a Python user
 * would catch for it: out of range and bad input are ValueErrors, and so
 * is a name not found (it is a bad value), also a LookupError. */
static PyObject *
builtin_base(int code)
{
	switch (code) {
	case UKWD_ENOMEM:
		return PyExc_MemoryError;
	case UKWD_ENOTFOUND:
		return PyExc_LookupError;
	case UKWD_ENOTSUPPORTED:
		return PyExc_NotImplementedError;
	case UKWD_EINVAL:
	case UKWD_ERANGE:
	case UKWD_EPARSE:
	case UKWD_ECYCLE:
		return PyExc_ValueError;
	default:
		return NULL;
	}
}

int
pyukwd_errors_init(PyObject *module)
{
	size_t i;

	error_base = PyErr_NewExceptionWithDoc(
	    "ukwd.Error",
	    "Base class of libukwd's errors. Each subclass is named after a "
	    "C error code (ukwd.ERANGE for UKWD_ERANGE) and carries code, "
	    "name and, for an element of an array, index and date.",
	    NULL, NULL);
	if (!error_base || PyModule_AddObjectRef(module, "Error", error_base))
		return -1;
	for (i = 0; i < sizeof(error_list) / sizeof(error_list[0]); i++) {
		const struct error_class *e = &error_list[i];
		PyObject *builtin = builtin_base(e->code), *bases, *cls;
		char qualified[64], doc[160];

		if (e->code == 0 || -e->code >= N_CODES)
			continue;
		snprintf(qualified, sizeof(qualified), "ukwd.%s", e->name);
		snprintf(doc, sizeof(doc), "UKWD_%s (%d): %s.", e->name,
		         e->code, e->text);
		if (e->code == UKWD_ENOTFOUND)
			bases = PyTuple_Pack(3, error_base, builtin,
			                     PyExc_ValueError);
		else if (builtin)
			bases = PyTuple_Pack(2, error_base, builtin);
		else
			bases = PyTuple_Pack(1, error_base);
		if (!bases)
			return -1;
		cls = PyErr_NewExceptionWithDoc(qualified, doc, bases, NULL);
		Py_DECREF(bases);
		if (!cls)
			return -1;
		error_classes[-e->code] = cls;
		if (PyModule_AddObjectRef(module, e->name, cls))
			return -1;
	}
	return 0;
}

/* Set an attribute from a new reference (NULL: an error is set). */
static int
set_attr(PyObject *obj, const char *name, PyObject *value)
{
	int rc;

	if (!value)
		return -1;
	rc = PyObject_SetAttrString(obj, name, value);
	Py_DECREF(value);
	return rc;
}

PyObject *
pyukwd_raise(int code, const char *message, PyObject *index, PyObject *date)
{
	PyObject *cls = code < 0 && -code < N_CODES && error_classes[-code]
	                    ? error_classes[-code]
	                    : error_base;
	PyObject *exc = PyObject_CallFunction(cls, "s", message);

	if (!exc)
		return NULL;
	if (set_attr(exc, "code", PyLong_FromLong(code)) < 0 ||
	    set_attr(exc, "name", PyUnicode_FromString(ukwd_err_name(code))) <
	        0 ||
	    set_attr(exc, "index", Py_NewRef(index ? index : Py_None)) < 0 ||
	    set_attr(exc, "date", Py_NewRef(date ? date : Py_None)) < 0) {
		Py_DECREF(exc);
		return NULL;
	}
	PyErr_SetObject(cls, exc);
	Py_DECREF(exc);
	return NULL;
}

PyObject *
pyukwd_raise_diag(int code, const ukwd_diag *diag, const char *source)
{
	char message[UKWD_DIAG_MESSAGE_SIZE + 1024];

	if (!source && diag)
		source = diag->source;
	if (!diag || diag->message[0] == '\0')
		snprintf(message, sizeof(message), "%s", ukwd_strerror(code));
	else if (source && source[0] && diag->line > 0)
		snprintf(message, sizeof(message), "%.900s:%d:%d: %s", source,
		         diag->line, diag->column, diag->message);
	else if (source && source[0])
		snprintf(message, sizeof(message), "%.900s: %s", source,
		         diag->message);
	else
		snprintf(message, sizeof(message), "%s", diag->message);
	return pyukwd_raise(code, message, NULL, NULL);
}

/* Days since 1970-01-01 to a civil date, for any int64 day numbers: the
 * era arithmetic of the proleptic Gregorian calendar (400-year eras of
 * 146097 days, years starting in March). */
static void
civil_from_days(int64_t z, int64_t *year, int *month, int *day)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

void
pyukwd_format_day(char *buf, size_t size, int64_t day)
{
	int64_t year;
	int month, mday;

	if (day == NPY_DATETIME_NAT) {
		snprintf(buf, size, "NaT");
		return;
	}
	/* Far enough from the ends of int64 for the arithmetic above. */
	if (day > INT64_MAX / 8 || day < -(INT64_MAX / 8)) {
		snprintf(buf, size, "day %lld", (long long)day);
		return;
	}
	civil_from_days(day, &year, &month, &mday);
	snprintf(buf, size, "%04lld-%02d-%02d", (long long)year, month, mday);
}

PyObject *
pyukwd_date_to_object(ukwd_date d)
{
	int year, month, day;

	ukwd_date_to_ymd(d, &year, &month, &day);
	return PyDate_FromDate(year, month, day);
}

int
pyukwd_date_from_object(ukwd_date *out, PyObject *obj, const char *what)
{
	PyArrayObject *arr;
	int64_t day;
	int rc;

	if (PyDate_Check(obj)) {
		rc = ukwd_date_from_ymd(out, PyDateTime_GET_YEAR(obj),
		                        PyDateTime_GET_MONTH(obj),
		                        PyDateTime_GET_DAY(obj));
		if (rc != 0)
			goto range;
		return 0;
	}
	if (PyUnicode_Check(obj)) {
		ukwd_diag diag;
		const char *text = PyUnicode_AsUTF8(obj);

		if (!text)
			return -1;
		rc = ukwd_date_parse(out, text, &diag);
		if (rc != 0) {
			char message[UKWD_DIAG_MESSAGE_SIZE + 64];

			snprintf(message, sizeof(message), "%s: %s", what,
			         diag.message);
			pyukwd_raise(rc, message, NULL, NULL);
			return -1;
		}
		return 0;
	}
	if (PyArray_IsScalar(obj, Datetime) ||
	    (PyArray_Check(obj) &&
	     PyArray_TYPE((PyArrayObject *)obj) == NPY_DATETIME &&
	     PyArray_NDIM((PyArrayObject *)obj) == 0)) {
		Py_INCREF(pyukwd_day_descr);
		arr = (PyArrayObject *)PyArray_FromAny(
		    obj, pyukwd_day_descr, 0, 0, NPY_ARRAY_FORCECAST, NULL);
		if (!arr)
			return -1;
		day = *(const int64_t *)PyArray_DATA(arr);
		Py_DECREF(arr);
		if (day == NPY_DATETIME_NAT) {
			PyErr_Format(PyExc_ValueError, "%s: NaT is not a date",
			             what);
			return -1;
		}
		if (day < UKWD_DATE_MIN || day > UKWD_DATE_MAX)
			goto range;
		*out = (ukwd_date)day;
		return 0;
	}
	PyErr_Format(PyExc_TypeError,
	             "%s: expected a date (datetime.date, numpy.datetime64 or "
	             "'YYYY-MM-DD'), not %R",
	             what, obj);
	return -1;
range : {
	char message[128];

	snprintf(message, sizeof(message),
	         "%s: outside the dates libukwd handles (0001-01-01 to "
	         "9999-12-31)",
	         what);
	pyukwd_raise(UKWD_ERANGE, message, NULL, NULL);
	return -1;
}
}

int
pyukwd_is_python_date(PyObject *obj)
{
	return PyDate_Check(obj) || PyUnicode_Check(obj);
}

int
pyukwd_minutes_of(int *minutes, PyObject *obj)
{
	if (PyDateTime_Check(obj))
		*minutes = PyDateTime_DATE_GET_HOUR(obj) * 60 +
		           PyDateTime_DATE_GET_MINUTE(obj);
	return 0;
}

int
pyukwd_time_from_object(int *minutes, PyObject *obj, const char *what)
{
	if (PyTime_Check(obj)) {
		*minutes = PyDateTime_TIME_GET_HOUR(obj) * 60 +
		           PyDateTime_TIME_GET_MINUTE(obj);
		return 0;
	}
	if (PyLong_Check(obj)) {
		long value = PyLong_AsLong(obj);

		if (value == -1 && PyErr_Occurred())
			return -1;
		if (value < 0 || value > 1439) {
			char message[96];

			snprintf(
			    message, sizeof(message),
			    "%s: %ld is not a time of day (0..1439 minutes "
			    "after midnight)",
			    what, value);
			pyukwd_raise(UKWD_EINVAL, message, NULL, NULL);
			return -1;
		}
		*minutes = (int)value;
		return 0;
	}
	if (PyUnicode_Check(obj)) {
		const char *text = PyUnicode_AsUTF8(obj);
		ukwd_diag diag;
		int rc;

		if (!text)
			return -1;
		rc = ukwd_time_parse(minutes, text, &diag);
		if (rc != 0) {
			char message[UKWD_DIAG_MESSAGE_SIZE + 64];

			snprintf(message, sizeof(message), "%s: %s", what,
			         diag.message);
			pyukwd_raise(rc, message, NULL, NULL);
			return -1;
		}
		return 0;
	}
	PyErr_Format(PyExc_TypeError,
	             "%s: expected a time of day ('HH:MM', datetime.time or "
	             "minutes after midnight), not %R",
	             what, obj);
	return -1;
}

/* numpy's names at module level: the calendar is the keyword busdaycal,
 * as numpy's own busday functions take a numpy.busdaycalendar. */
static PyObject *
with_calendar(PyObject *args, PyObject *kw, const char *name,
              PyObject *(*method)(PyObject *, PyObject *, PyObject *))
{
	PyObject *cal = kw ? PyDict_GetItemString(kw, "busdaycal") : NULL;
	PyObject *rest, *result;

	if (!cal || !PyObject_TypeCheck(cal, &pyukwd_calendar_type)) {
		PyErr_Format(PyExc_TypeError,
		             "%s() needs busdaycal=, a ukwd.Calendar (for "
		             "example ukwd.Calendar.uk('england-and-wales'))",
		             name);
		return NULL;
	}
	rest = PyDict_Copy(kw);
	if (!rest)
		return NULL;
	Py_INCREF(cal);
	if (PyDict_DelItemString(rest, "busdaycal") < 0) {
		Py_DECREF(cal);
		Py_DECREF(rest);
		return NULL;
	}
	result = method(cal, args, rest);
	Py_DECREF(cal);
	Py_DECREF(rest);
	return result;
}

static PyObject *
module_is_busday(PyObject *module, PyObject *args, PyObject *kw)
{
	(void)module;
	return with_calendar(args, kw, "is_busday", pyukwd_is_busday);
}

static PyObject *
module_busday_offset(PyObject *module, PyObject *args, PyObject *kw)
{
	(void)module;
	return with_calendar(args, kw, "busday_offset", pyukwd_busday_offset);
}

static PyObject *
module_busday_count(PyObject *module, PyObject *args, PyObject *kw)
{
	(void)module;
	return with_calendar(args, kw, "busday_count", pyukwd_busday_count);
}

static PyMethodDef module_methods[] = {
    {"_calendar_from_state", pyukwd_calendar_from_state, METH_VARARGS,
     "_calendar_from_state(first, last, weekend, holidays, provenance, "
     "first_year, label)\n--\n\n"
     "Rebuild a pickled Calendar (see Calendar.__reduce__)."},
    {"is_busday", (PyCFunction)(void (*)(void))module_is_busday,
     METH_VARARGS | METH_KEYWORDS,
     "is_busday(dates, *, busdaycal, out=None)\n--\n\n"
     "numpy.is_busday over a ukwd.Calendar: True for working days. NaT "
     "gives False; a date outside the calendar raises ukwd.ERANGE."},
    {"busday_offset", (PyCFunction)(void (*)(void))module_busday_offset,
     METH_VARARGS | METH_KEYWORDS,
     "busday_offset(dates, offsets, roll='raise', *, busdaycal, "
     "out=None)\n--\n\n"
     "numpy.busday_offset over a ukwd.Calendar: roll each date to a "
     "working day by `roll`, then move `offsets` working days. NaT "
     "stays NaT."},
    {"busday_count", (PyCFunction)(void (*)(void))module_busday_count,
     METH_VARARGS | METH_KEYWORDS,
     "busday_count(begindates, enddates, *, busdaycal, out=None)\n--\n\n"
     "numpy.busday_count over a ukwd.Calendar: working days in "
     "[begin, end), negative when end < begin."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    "ukwd._ukwd",
    "UK working days: libukwd's bank-holiday calendars and working-day "
    "arithmetic, scalar and over numpy arrays.",
    -1,
    module_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__ukwd(void);

PyMODINIT_FUNC
PyInit__ukwd(void)
{
	PyObject *module, *spec;

	import_array();
	PyDateTime_IMPORT;
	if (!PyDateTimeAPI)
		return NULL;
	spec = PyUnicode_FromString("M8[D]");
	if (!spec)
		return NULL;
	if (!PyArray_DescrConverter(spec, &pyukwd_day_descr)) {
		Py_DECREF(spec);
		return NULL;
	}
	Py_DECREF(spec);
	if (PyType_Ready(&pyukwd_calendar_type) < 0)
		return NULL;
	module = PyModule_Create(&module_def);
	if (!module)
		return NULL;
	if (PyModule_AddObjectRef(module, "Calendar",
	                          (PyObject *)&pyukwd_calendar_type) < 0 ||
	    pyukwd_errors_init(module) < 0 || pyukwd_notice_init(module) < 0 ||
	    pyukwd_plan_init(module) < 0 ||
	    PyModule_AddStringConstant(module, "__version__", ukwd_version()) <
	        0 ||
	    PyModule_AddIntConstant(module, "LAST_OFFICIAL_YEAR",
	                            UKWD_UK_LAST_OFFICIAL_YEAR) < 0) {
		Py_DECREF(module);
		return NULL;
	}
	return module;
}
