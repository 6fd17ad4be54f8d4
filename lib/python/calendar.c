/*
 * ukwd.Calendar: an immutable libukwd calendar. Made by Calendar.uk()
 * (the UK rules), Calendar.from_govuk() (the rules corrected by GOV.UK's
 * file), Calendar(first, last, holidays, weekmask) (numpy's way of
 * describing one) or by union and intersection of two.
 */
#include "pyukwd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The default years of Calendar.uk() and Calendar.from_govuk(). */
#define DEFAULT_FIRST_YEAR UKWD_UK_FIRST_YEAR
#define DEFAULT_LAST_YEAR  2100

static const char *const day_names[7] = {"Mon", "Tue", "Wed", "Thu",
                                         "Fri", "Sat", "Sun"};

PyObject *
pyukwd_calendar_wrap(ukwd_calendar *cal, PyObject *label)
{
	pyukwd_calendar *self =
	    PyObject_New(pyukwd_calendar, &pyukwd_calendar_type);

	if (!self) {
		ukwd_calendar_free(cal);
		return NULL;
	}
	self->cal = cal;
	ukwd_calendar_range(cal, &self->first, &self->last);
	Py_XINCREF(label);
	self->label = label;
	return (PyObject *)self;
}

static void
calendar_dealloc(PyObject *obj)
{
	pyukwd_calendar *self = (pyukwd_calendar *)obj;

	ukwd_calendar_free(self->cal);
	Py_XDECREF(self->label);
	PyObject_Free(obj);
}

/* Division bits from a name ("sec", "gb", "england-and-wales", ...) or a
 * sequence of names (their union). */
static int
parse_divisions(unsigned int *out, PyObject *obj)
{
	ukwd_diag diag;
	unsigned int bits = 0, one;
	PyObject *seq;
	Py_ssize_t i, n;

	if (PyUnicode_Check(obj)) {
		const char *text = PyUnicode_AsUTF8(obj);
		int rc;

		if (!text)
			return -1;
		rc = ukwd_uk_division_parse(out, text, &diag);
		if (rc != 0) {
			pyukwd_raise_diag(rc, &diag, NULL);
			return -1;
		}
		return 0;
	}
	seq = PySequence_Fast(obj, "division: expected a name such as "
	                           "'england-and-wales', or a list of names");
	if (!seq)
		return -1;
	n = PySequence_Fast_GET_SIZE(seq);
	for (i = 0; i < n; i++) {
		PyObject *item = PySequence_Fast_GET_ITEM(seq, i);

		if (!PyUnicode_Check(item)) {
			PyErr_Format(PyExc_TypeError,
			             "division: expected names, not %R", item);
			Py_DECREF(seq);
			return -1;
		}
		if (parse_divisions(&one, item) != 0) {
			Py_DECREF(seq);
			return -1;
		}
		bits |= one;
	}
	Py_DECREF(seq);
	if (bits == 0) {
		pyukwd_raise(UKWD_EINVAL, "division: no division named", NULL,
		             NULL);
		return -1;
	}
	*out = bits;
	return 0;
}

/* years=(first, last), or one year. */
static int
parse_years(int *first, int *last, PyObject *obj)
{
	if (!obj || obj == Py_None) {
		*first = DEFAULT_FIRST_YEAR;
		*last = DEFAULT_LAST_YEAR;
		return 0;
	}
	if (PyLong_Check(obj)) {
		*first = *last =
		    PyLong_AsLong(obj) > 0 ? (int)PyLong_AsLong(obj) : 0;
		return PyErr_Occurred() ? -1 : 0;
	}
	if (!PyArg_ParseTuple(obj, "ii;years: expected (first, last)", first,
	                      last))
		return -1;
	return 0;
}

static int
check_years(int first, int last)
{
	char message[160];

	if (first < UKWD_UK_FIRST_YEAR || last > UKWD_UK_LAST_YEAR ||
	    last < first) {
		snprintf(
		    message, sizeof(message),
		    "years (%d, %d): expected first <= last, from %d to %d",
		    first, last, UKWD_UK_FIRST_YEAR, UKWD_UK_LAST_YEAR);
		pyukwd_raise(last < first ? UKWD_EINVAL : UKWD_ERANGE, message,
		             NULL, NULL);
		return -1;
	}
	return 0;
}

static PyObject *
calendar_uk(PyObject *type, PyObject *args, PyObject *kw)
{
	static char *names[] = {"division", "years", NULL};
	PyObject *division = NULL, *years = NULL, *label, *result;
	unsigned int bits = UKWD_UK_SEC;
	int first, last, rc;
	ukwd_calendar *cal = NULL;

	(void)type;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|O$O:uk", names, &division,
	                                 &years))
		return NULL;
	if (division && parse_divisions(&bits, division) != 0)
		return NULL;
	if (parse_years(&first, &last, years) != 0 ||
	    check_years(first, last) != 0)
		return NULL;
	rc = ukwd_calendar_new_uk(&cal, bits, first, last);
	if (rc != 0)
		return pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
	label =
	    PyUnicode_FromFormat("Calendar.uk(%R, years=(%d, %d))",
	                         division ? division : Py_None, first, last);
	if (!label) {
		ukwd_calendar_free(cal);
		return NULL;
	}
	result = pyukwd_calendar_wrap(cal, label);
	Py_DECREF(label);
	return result;
}

/* The whole of a file, into a malloc'ed buffer. */
static int
read_file(char **data, size_t *size, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t used = 0, cap = 0;

	if (!f) {
		PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
		return -1;
	}
	for (;;) {
		size_t got;

		if (used == cap) {
			char *bigger;

			cap = cap ? cap * 2 : 65536;
			bigger = realloc(buf, cap);
			if (!bigger) {
				free(buf);
				fclose(f);
				PyErr_NoMemory();
				return -1;
			}
			buf = bigger;
		}
		got = fread(buf + used, 1, cap - used, f);
		used += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
		return -1;
	}
	fclose(f);
	*data = buf;
	*size = used;
	return 0;
}

static PyObject *
calendar_from_govuk(PyObject *type, PyObject *args, PyObject *kw)
{
	static char *names[] = {"source", "division", "years", NULL};
	PyObject *source, *division = NULL, *years = NULL, *label = NULL;
	PyObject *path = NULL, *result = NULL;
	unsigned int bits = UKWD_UK_ENGLAND_WALES;
	int first, last, rc;
	ukwd_holiday_file file = {NULL, NULL, 0, 0};
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;
	Py_buffer view = {0};
	char *owned = NULL;

	(void)type;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O$O:from_govuk", names,
	                                 &source, &division, &years))
		return NULL;
	if (division && parse_divisions(&bits, division) != 0)
		return NULL;
	if (parse_years(&first, &last, years) != 0 ||
	    check_years(first, last) != 0)
		return NULL;
	if (PyObject_CheckBuffer(source)) {
		if (PyObject_GetBuffer(source, &view, PyBUF_SIMPLE) < 0)
			return NULL;
		file.name = "<bytes>";
		file.data = view.buf;
		file.size = (size_t)view.len;
	} else {
		path = PyOS_FSPath(source);
		if (!path)
			return NULL;
		if (PyBytes_Check(path)) {
			file.name = PyBytes_AS_STRING(path);
		} else {
			file.name = PyUnicode_AsUTF8(path);
			if (!file.name)
				goto done;
		}
		if (read_file(&owned, &file.size, file.name) != 0)
			goto done;
		file.data = owned;
	}
	/* An .ics file is official data for the division asked for when
	 * that is one division; GOV.UK JSON names its own. */
	file.division = (bits & (bits - 1)) == 0 ? bits : 0;
	Py_BEGIN_ALLOW_THREADS;
	rc = ukwd_calendar_new_uk_files(&cal, bits, first, last, &file, 1,
	                                &diag);
	Py_END_ALLOW_THREADS;
	if (rc != 0) {
		pyukwd_raise_diag(rc, &diag, file.name);
		goto done;
	}
	label = PyUnicode_FromFormat(
	    "Calendar.from_govuk(%R, %R, years=(%d, "
	    "%d))",
	    path ? path : Py_None, division ? division : Py_None, first, last);
	if (!label) {
		ukwd_calendar_free(cal);
		goto done;
	}
	result = pyukwd_calendar_wrap(cal, label);
done:
	Py_XDECREF(label);
	Py_XDECREF(path);
	if (view.obj)
		PyBuffer_Release(&view);
	free(owned);
	return result;
}

/* numpy's weekmask: "1111100", "Mon Tue Wed Thu Fri" or seven 0/1 values
 * (1 working); to libukwd's weekend bits (bit 0 Monday, set: weekend). */
static int
parse_weekmask(unsigned int *weekend, PyObject *obj)
{
	unsigned int working = 0;
	int i;

	if (PyUnicode_Check(obj)) {
		const char *text = PyUnicode_AsUTF8(obj);
		size_t len;

		if (!text)
			return -1;
		len = strlen(text);
		if (len == 7 && strspn(text, "01") == 7) {
			for (i = 0; i < 7; i++)
				if (text[i] == '1')
					working |= 1u << i;
		} else {
			const char *p = text;

			while (*p) {
				while (*p == ' ')
					p++;
				if (!*p)
					break;
				for (i = 0; i < 7; i++)
					if (strncmp(p, day_names[i], 3) == 0)
						break;
				if (i == 7 || (p[3] && p[3] != ' '))
					goto bad;
				working |= 1u << i;
				p += 3;
			}
		}
	} else {
		PyObject *seq = PySequence_Fast(obj, "weekmask: expected "
		                                     "'1111100' or seven 0/1 "
		                                     "values");

		if (!seq)
			return -1;
		if (PySequence_Fast_GET_SIZE(seq) != 7) {
			Py_DECREF(seq);
			goto bad;
		}
		for (i = 0; i < 7; i++) {
			int truth =
			    PyObject_IsTrue(PySequence_Fast_GET_ITEM(seq, i));

			if (truth < 0) {
				Py_DECREF(seq);
				return -1;
			}
			if (truth)
				working |= 1u << i;
		}
		Py_DECREF(seq);
	}
	if (working == 0) {
		pyukwd_raise(UKWD_EINVAL,
		             "weekmask: no working day in the week", NULL,
		             NULL);
		return -1;
	}
	*weekend = ~working & 0x7Fu;
	return 0;
bad:
	PyErr_Format(PyExc_ValueError,
	             "weekmask: expected seven 0/1 flags from Monday "
	             "('1111100') or day names ('Mon Tue Wed Thu Fri'), not "
	             "%R",
	             obj);
	return -1;
}

static PyObject *
calendar_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
	static char *names[] = {"first", "last", "holidays", "weekmask", NULL};
	PyObject *first_obj, *last_obj, *holidays = NULL, *weekmask = NULL;
	PyArrayObject *days = NULL;
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;
	ukwd_date first, last;
	unsigned int weekend = UKWD_WEEKEND_SAT_SUN;
	ukwd_diag diag;
	PyObject *result = NULL, *label;
	int rc;

	(void)type;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OO:Calendar", names,
	                                 &first_obj, &last_obj, &holidays,
	                                 &weekmask))
		return NULL;
	if (pyukwd_date_from_object(&first, first_obj, "first") != 0 ||
	    pyukwd_date_from_object(&last, last_obj, "last") != 0)
		return NULL;
	if (weekmask && parse_weekmask(&weekend, weekmask) != 0)
		return NULL;
	if (holidays && holidays != Py_None) {
		PyArrayObject *any = pyukwd_as_days(holidays, "holidays");

		if (!any)
			return NULL;
		Py_INCREF(pyukwd_day_descr);
		days = (PyArrayObject *)PyArray_FromArray(
		    any, pyukwd_day_descr,
		    NPY_ARRAY_CARRAY_RO | NPY_ARRAY_FORCECAST);
		Py_DECREF(any);
		if (!days)
			return NULL;
	}
	rc = ukwd_calendar_builder_new(&b);
	if (rc == 0)
		rc = ukwd_calendar_builder_set_weekend(b, weekend);
	if (rc == 0)
		rc = ukwd_calendar_builder_set_range(b, first, last);
	if (rc != 0) {
		pyukwd_raise(rc,
		             rc == UKWD_EINVAL ? "last is before first"
		                               : ukwd_strerror(rc),
		             NULL, NULL);
		goto done;
	}
	if (days) {
		const int64_t *day = PyArray_DATA(days);
		npy_intp i, n = PyArray_SIZE(days);

		for (i = 0; i < n; i++) {
			/* As numpy's busdaycalendar, NaT is no holiday. */
			if (day[i] == NPY_DATETIME_NAT || day[i] < first ||
			    day[i] > last)
				continue;
			rc = ukwd_calendar_builder_add_holiday(
			    b, (ukwd_date)day[i], NULL);
			if (rc != 0) {
				pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
				goto done;
			}
		}
	}
	rc = ukwd_calendar_build(&cal, b, &diag);
	if (rc != 0) {
		pyukwd_raise_diag(rc, &diag, NULL);
		goto done;
	}
	label = PyUnicode_FromString("Calendar(...)");
	if (!label) {
		ukwd_calendar_free(cal);
		goto done;
	}
	result = pyukwd_calendar_wrap(cal, label);
	Py_DECREF(label);
done:
	ukwd_calendar_builder_free(b);
	Py_XDECREF(days);
	return result;
}

static PyObject *
combine(PyObject *self, PyObject *other, int is_union)
{
	const pyukwd_calendar *a = (const pyukwd_calendar *)self;
	const pyukwd_calendar *b;
	ukwd_calendar *cal = NULL;
	PyObject *label, *result;
	int rc;

	if (!PyObject_TypeCheck(other, &pyukwd_calendar_type)) {
		PyErr_Format(PyExc_TypeError,
		             "expected a ukwd.Calendar, not %R", other);
		return NULL;
	}
	b = (const pyukwd_calendar *)other;
	rc = is_union ? ukwd_calendar_union(&cal, a->cal, b->cal)
	              : ukwd_calendar_intersection(&cal, a->cal, b->cal);
	if (rc != 0)
		return pyukwd_raise(rc,
		                    rc == UKWD_ERANGE
		                        ? "the calendars' ranges do not overlap"
		                        : ukwd_strerror(rc),
		                    NULL, NULL);
	label =
	    PyUnicode_FromFormat("%U.%s(%U)", a->label,
	                         is_union ? "union" : "intersection", b->label);
	if (!label) {
		ukwd_calendar_free(cal);
		return NULL;
	}
	result = pyukwd_calendar_wrap(cal, label);
	Py_DECREF(label);
	return result;
}

static PyObject *
calendar_union(PyObject *self, PyObject *other)
{
	return combine(self, other, 1);
}

static PyObject *
calendar_intersection(PyObject *self, PyObject *other)
{
	return combine(self, other, 0);
}

struct holiday_walk {
	int64_t *days;
	PyObject *list; /* names=True: (date, name) tuples */
	size_t n;
};

static int
count_holiday(ukwd_date d, const char *name, void *payload)
{
	(void)d;
	(void)name;
	((struct holiday_walk *)payload)->n++;
	return 0;
}

static int
take_holiday(ukwd_date d, const char *name, void *payload)
{
	struct holiday_walk *walk = payload;

	if (walk->list) {
		PyObject *day = pyukwd_date_to_object(d);
		PyObject *item;

		if (!day)
			return 1;
		item = Py_BuildValue("(Ns)", day, name);
		if (!item || PyList_Append(walk->list, item) < 0) {
			Py_XDECREF(item);
			return 1;
		}
		Py_DECREF(item);
		return 0;
	}
	walk->days[walk->n++] = d;
	return 0;
}

static int
optional_date(ukwd_date *out, PyObject *obj, ukwd_date dflt, const char *what)
{
	if (!obj || obj == Py_None) {
		*out = dflt;
		return 0;
	}
	return pyukwd_date_from_object(out, obj, what);
}

static PyObject *
calendar_holidays(PyObject *obj, PyObject *args, PyObject *kw)
{
	static char *names[] = {"first", "last", "names", NULL};
	const pyukwd_calendar *self = (const pyukwd_calendar *)obj;
	PyObject *first_obj = NULL, *last_obj = NULL;
	int with_names = 0;
	ukwd_date first, last;
	struct holiday_walk walk = {NULL, NULL, 0};
	npy_intp dims[1];
	PyObject *arr;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "|OO$p:holidays", names,
	                                 &first_obj, &last_obj, &with_names))
		return NULL;
	if (optional_date(&first, first_obj, self->first, "first") != 0 ||
	    optional_date(&last, last_obj, self->last, "last") != 0)
		return NULL;
	if (last < first)
		return pyukwd_raise(
		    UKWD_EINVAL, "holidays: last is before first", NULL, NULL);
	if (with_names) {
		walk.list = PyList_New(0);
		if (!walk.list)
			return NULL;
		if (ukwd_calendar_foreach_holiday(self->cal, first, last,
		                                  take_holiday, &walk) != 0) {
			Py_DECREF(walk.list);
			return NULL;
		}
		return walk.list;
	}
	ukwd_calendar_foreach_holiday(self->cal, first, last, count_holiday,
	                              &walk);
	dims[0] = (npy_intp)walk.n;
	Py_INCREF(pyukwd_day_descr);
	arr = PyArray_NewFromDescr(&PyArray_Type, pyukwd_day_descr, 1, dims,
	                           NULL, NULL, 0, NULL);
	if (!arr)
		return NULL;
	walk.days = PyArray_DATA((PyArrayObject *)arr);
	walk.n = 0;
	ukwd_calendar_foreach_holiday(self->cal, first, last, take_holiday,
	                              &walk);
	return arr;
}

static PyObject *
calendar_holiday_name(PyObject *obj, PyObject *arg)
{
	const pyukwd_calendar *self = (const pyukwd_calendar *)obj;
	const char *name;
	ukwd_date d;

	if (pyukwd_date_from_object(&d, arg, "date") != 0)
		return NULL;
	name = ukwd_calendar_holiday_name(self->cal, d);
	if (!name)
		Py_RETURN_NONE;
	return PyUnicode_FromString(name);
}

static PyObject *
calendar_provenance(PyObject *obj, PyObject *arg)
{
	const pyukwd_calendar *self = (const pyukwd_calendar *)obj;
	ukwd_date d;
	int rc;

	if (pyukwd_date_from_object(&d, arg, "date") != 0)
		return NULL;
	rc = ukwd_calendar_provenance(self->cal, d);
	switch (rc) {
	case UKWD_PROVENANCE_NONE:
		Py_RETURN_NONE;
	case UKWD_PROVENANCE_OFFICIAL:
		return PyUnicode_FromString("official");
	case UKWD_PROVENANCE_PROJECTED:
		return PyUnicode_FromString("projected");
	default:
		return pyukwd_raise(rc, "date: outside the calendar's range",
		                    NULL, NULL);
	}
}

/* Pickling: everything a calendar holds (range, weekend, holidays with
 * their names, each year's provenance, the label), rebuilt exactly by
 * ukwd._calendar_from_state; so a calendar can go to another process. */
static PyObject *
calendar_reduce(PyObject *obj, PyObject *unused)
{
	const pyukwd_calendar *self = (const pyukwd_calendar *)obj;
	PyObject *module, *rebuild, *holidays, *provenance, *result;
	PyObject *empty, *kw;
	int first_year, last_year, year, dummy;

	(void)unused;
	module = PyImport_ImportModule("ukwd");
	if (!module)
		return NULL;
	rebuild = PyObject_GetAttrString(module, "_calendar_from_state");
	Py_DECREF(module);
	if (!rebuild)
		return NULL;
	empty = PyTuple_New(0);
	kw = Py_BuildValue("{s:O}", "names", Py_True);
	holidays = empty && kw ? calendar_holidays(obj, empty, kw) : NULL;
	Py_XDECREF(empty);
	Py_XDECREF(kw);
	if (!holidays) {
		Py_DECREF(rebuild);
		return NULL;
	}
	ukwd_date_to_ymd(self->first, &first_year, &dummy, &dummy);
	ukwd_date_to_ymd(self->last, &last_year, &dummy, &dummy);
	provenance =
	    PyBytes_FromStringAndSize(NULL, last_year - first_year + 1);
	if (!provenance) {
		Py_DECREF(rebuild);
		Py_DECREF(holidays);
		return NULL;
	}
	for (year = first_year; year <= last_year; year++) {
		ukwd_date d;
		int p;

		ukwd_date_from_ymd(&d, year, 7, 1);
		p = ukwd_calendar_provenance(self->cal,
		                             d < self->first  ? self->first
		                             : d > self->last ? self->last
		                                              : d);
		PyBytes_AS_STRING(provenance)[year - first_year] =
		    (char)(p > 0 ? p : 0);
	}
	result = Py_BuildValue(
	    "(N(NNINNiO))", rebuild, pyukwd_date_to_object(self->first),
	    pyukwd_date_to_object(self->last), ukwd_calendar_weekend(self->cal),
	    holidays, provenance, first_year, self->label);
	return result;
}

PyObject *
pyukwd_calendar_from_state(PyObject *module, PyObject *args)
{
	PyObject *first_obj, *last_obj, *holidays, *label, *result;
	unsigned int weekend;
	const char *provenance;
	Py_ssize_t nprov, i, n;
	int first_year, rc;
	ukwd_date first, last;
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;

	(void)module;
	if (!PyArg_ParseTuple(args, "OOIO!y#iU:_calendar_from_state",
	                      &first_obj, &last_obj, &weekend, &PyList_Type,
	                      &holidays, &provenance, &nprov, &first_year,
	                      &label))
		return NULL;
	if (pyukwd_date_from_object(&first, first_obj, "first") != 0 ||
	    pyukwd_date_from_object(&last, last_obj, "last") != 0)
		return NULL;
	rc = ukwd_calendar_builder_new(&b);
	if (rc == 0)
		rc = ukwd_calendar_builder_set_weekend(b, weekend);
	if (rc == 0)
		rc = ukwd_calendar_builder_set_range(b, first, last);
	n = PyList_GET_SIZE(holidays);
	for (i = 0; rc == 0 && i < n; i++) {
		PyObject *day_obj;
		const char *name;
		ukwd_date d;

		if (!PyArg_ParseTuple(PyList_GET_ITEM(holidays, i), "Os",
		                      &day_obj, &name) ||
		    pyukwd_date_from_object(&d, day_obj, "holiday") != 0) {
			ukwd_calendar_builder_free(b);
			return NULL;
		}
		rc = ukwd_calendar_builder_add_holiday(b, d, name);
	}
	for (i = 0; rc == 0 && i < nprov; i++)
		if (provenance[i])
			rc = ukwd_calendar_builder_set_provenance(
			    b, first_year + (int)i, first_year + (int)i,
			    (ukwd_provenance)provenance[i]);
	if (rc == 0)
		rc = ukwd_calendar_build(&cal, b, &diag);
	ukwd_calendar_builder_free(b);
	if (rc != 0)
		return pyukwd_raise(rc, ukwd_strerror(rc), NULL, NULL);
	result = pyukwd_calendar_wrap(cal, label);
	return result;
}

static PyObject *
calendar_get_first(PyObject *obj, void *closure)
{
	(void)closure;
	return pyukwd_date_to_object(((pyukwd_calendar *)obj)->first);
}

static PyObject *
calendar_get_last(PyObject *obj, void *closure)
{
	(void)closure;
	return pyukwd_date_to_object(((pyukwd_calendar *)obj)->last);
}

static PyObject *
calendar_get_weekmask(PyObject *obj, void *closure)
{
	unsigned int weekend =
	    ukwd_calendar_weekend(((pyukwd_calendar *)obj)->cal);
	char mask[8];
	int i;

	(void)closure;
	for (i = 0; i < 7; i++)
		mask[i] = weekend & (1u << i) ? '0' : '1';
	mask[7] = '\0';
	return PyUnicode_FromString(mask);
}

static PyObject *
calendar_repr(PyObject *obj)
{
	const pyukwd_calendar *self = (const pyukwd_calendar *)obj;
	char first[UKWD_DATE_STRLEN], last[UKWD_DATE_STRLEN];

	ukwd_date_format(first, sizeof(first), self->first);
	ukwd_date_format(last, sizeof(last), self->last);
	return PyUnicode_FromFormat("<ukwd.%U: %s..%s>", self->label, first,
	                            last);
}

#define METHOD(name, fn, flags, doc)                                           \
	{                                                                      \
		name, (PyCFunction)(void (*)(void))(fn), flags, doc            \
	}

static PyMethodDef calendar_methods[] = {
    METHOD("uk", calendar_uk, METH_VARARGS | METH_KEYWORDS | METH_CLASS,
           "uk(division='sec', *, years=(1971, 2100))\n--\n\n"
           "The UK bank-holiday calendar of a division for whole years, "
           "from libukwd's rules (official to LAST_OFFICIAL_YEAR, "
           "projected after).\n\n"
           "division: 'england-and-wales' ('england', 'wales'), "
           "'scotland', 'northern-ireland' ('ni'), 'gb', 'uk' or 'sec' "
           "(libukwd's proposed SEC Working Day: Great Britain), any "
           "case, or a list of them (a day off in any is a day off). "
           "years: (first, last), both inclusive, 1971..9999, or one "
           "year."),
    METHOD("from_govuk", calendar_from_govuk,
           METH_VARARGS | METH_KEYWORDS | METH_CLASS,
           "from_govuk(source, division='england-and-wales', *, "
           "years=(1971, 2100))\n--\n\n"
           "The UK calendar corrected by an official file: GOV.UK's "
           "bank-holidays.json or a division's .ics, as a path or as "
           "bytes. For the years the file covers its days are the "
           "truth; the other years come from the rules."),
    METHOD("union", calendar_union, METH_O,
           "union(other)\n--\n\n"
           "The calendar whose days off are those of either: a working "
           "day in both. Its range is the overlap."),
    METHOD("intersection", calendar_intersection, METH_O,
           "intersection(other)\n--\n\n"
           "The calendar whose days off are those of both: a working "
           "day in either. Its range is the overlap."),
    METHOD("holidays", calendar_holidays, METH_VARARGS | METH_KEYWORDS,
           "holidays(first=None, last=None, *, names=False)\n--\n\n"
           "The named days off in [first, last] (default: the whole "
           "range), in date order, as a datetime64[D] array: with "
           "weekmask, numpy's holidays for the same calendar. With "
           "names=True, a list of (datetime.date, name) pairs."),
    METHOD("holiday_name", calendar_holiday_name, METH_O,
           "holiday_name(date)\n--\n\n"
           "The name of the holiday on date, or None if it is none (a "
           "plain weekend day is none)."),
    METHOD("provenance", calendar_provenance, METH_O,
           "provenance(date)\n--\n\n"
           "Where the days off of date's year come from: 'official', "
           "'projected' (by rule; may change), or None for a calendar "
           "described by hand."),
    METHOD("__reduce__", calendar_reduce, METH_NOARGS,
           "Pickle support: the calendar's range, weekend, named "
           "holidays and provenance, rebuilt exactly."),
    METHOD("is_working", pyukwd_is_working, METH_VARARGS | METH_KEYWORDS,
           "is_working(dates)\n--\n\n"
           "True for working days. dates: a date (datetime.date, "
           "numpy.datetime64, 'YYYY-MM-DD'), or an array or list of "
           "them; an array gives a bool array, a date a bool. NaT gives "
           "False. A date outside the calendar raises ukwd.ERANGE (a "
           "ValueError) naming the first such element."),
    METHOD("add", pyukwd_add, METH_VARARGS | METH_KEYWORDS,
           "add(dates, n)\n--\n\n"
           "The n-th working day strictly after each date (before, for "
           "negative n); the date itself never counts. n = 0 gives the "
           "date when it is a working day and raises ukwd.EINVAL "
           "otherwise (roll it first). dates and n broadcast as numpy's; "
           "NaT stays NaT. An answer or date outside the calendar "
           "raises ukwd.ERANGE naming the first such element."),
    METHOD("count", pyukwd_count, METH_VARARGS | METH_KEYWORDS,
           "count(begin, end)\n--\n\n"
           "Working days in [begin, end): begin counts, end never does; "
           "negative when end < begin (minus the count of [end, begin)). "
           "Broadcasts as numpy's; NaT raises ukwd.EINVAL."),
    METHOD("roll", pyukwd_roll, METH_VARARGS | METH_KEYWORDS,
           "roll(dates, convention='following')\n--\n\n"
           "Move non-working days to a working day: 'following' "
           "('forward'), 'preceding' ('backward'), 'modifiedfollowing', "
           "'modifiedpreceding'; 'nat' gives NaT and 'raise' raises "
           "ukwd.EINVAL instead. Working days stay."),
    METHOD("is_busday", pyukwd_is_busday, METH_VARARGS | METH_KEYWORDS,
           "is_busday(dates, *, out=None)\n--\n\n"
           "numpy.is_busday: is_working with numpy's result types."),
    METHOD("busday_offset", pyukwd_busday_offset, METH_VARARGS | METH_KEYWORDS,
           "busday_offset(dates, offsets, roll='raise', *, out=None)\n--\n\n"
           "numpy.busday_offset: roll each date to a working day by "
           "roll ('raise' by default, as numpy), then move offsets "
           "working days (0: the rolled day). NaT stays NaT."),
    METHOD("busday_count", pyukwd_busday_count, METH_VARARGS | METH_KEYWORDS,
           "busday_count(begindates, enddates, *, out=None)\n--\n\n"
           "numpy.busday_count: count with numpy's result types (int64)."),
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef calendar_getset[] = {
    {"first", calendar_get_first, NULL,
     "The first date the calendar answers for (datetime.date).", NULL},
    {"last", calendar_get_last, NULL,
     "The last date the calendar answers for (datetime.date).", NULL},
    {"weekmask", calendar_get_weekmask, NULL,
     "The working weekdays as numpy's weekmask, Monday first: '1111100'.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject pyukwd_calendar_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "ukwd.Calendar",
    .tp_basicsize = sizeof(pyukwd_calendar),
    .tp_dealloc = calendar_dealloc,
    .tp_repr = calendar_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Calendar(first, last, holidays=(), weekmask='1111100')\n--\n\n"
              "An immutable working-day calendar, safe to share between "
              "threads.\n\n"
              "This constructor describes one as numpy's busdaycalendar "
              "does, over the dates first..last (both inclusive): "
              "holidays are days off, weekmask the working weekdays. "
              "For the UK's bank holidays use Calendar.uk() or "
              "Calendar.from_govuk().",
    .tp_methods = calendar_methods,
    .tp_getset = calendar_getset,
    .tp_new = calendar_new,
};
