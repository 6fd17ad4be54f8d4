/*
 * The CPython extension module `ukwd` (issue 17): declarations shared by
 * its files. The module uses libukwd's public headers only.
 */
#ifndef PYUKWD_H
#define PYUKWD_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define NPY_NO_DEPRECATED_API  NPY_1_7_API_VERSION
#define PY_ARRAY_UNIQUE_SYMBOL pyukwd_ARRAY_API
#ifndef PYUKWD_MODULE_C
#define NO_IMPORT_ARRAY
#endif
#include <numpy/arrayobject.h>

#include <ukwd.h>

/* The Calendar type: a libukwd calendar, immutable, shared freely. */
typedef struct {
	PyObject_HEAD ukwd_calendar *cal;
	ukwd_date first;
	ukwd_date last;
	PyObject *label; /* how repr() names it, a str */
} pyukwd_calendar;

extern PyTypeObject pyukwd_calendar_type;

/* datetime64[D], made once at import. */
extern PyArray_Descr *pyukwd_day_descr;

/* ukwd._calendar_from_state(first, last, weekend, [(date, name)],
 * provenance bytes, first year, label): what Calendar.__reduce__ gives. */
PyObject *pyukwd_calendar_from_state(PyObject *module, PyObject *args);

/* Wrap a calendar the caller owns; on failure it is freed. */
PyObject *pyukwd_calendar_wrap(ukwd_calendar *cal, PyObject *label);

/* Raise the exception class of a libukwd code with this message, and
 * attach the attributes code, name and, when not NULL, index and date.
 * Returns NULL. */
PyObject *pyukwd_raise(int code, const char *message, PyObject *index,
                       PyObject *date);
/* Raise from a ukwd_diag: its message, with its line and column and the
 * input's name (source, or NULL for the diag's own) when set. */
PyObject *pyukwd_raise_diag(int code, const ukwd_diag *diag,
                            const char *source);
/* The exception classes, by code; set up by pyukwd_errors_init(). */
int pyukwd_errors_init(PyObject *module);

/* A Python date, datetime, np.datetime64 or ISO string as a ukwd_date.
 * Returns 0, or -1 with an exception set. */
int pyukwd_date_from_object(ukwd_date *out, PyObject *obj, const char *what);
/* The time of day of a datetime.datetime, in minutes after midnight;
 * *minutes is left alone for anything else. Returns 0. */
int pyukwd_minutes_of(int *minutes, PyObject *obj);
/* A time of day: datetime.time, 'HH:MM' or minutes after midnight.
 * Returns 0, or -1 with an exception set. */
int pyukwd_time_from_object(int *minutes, PyObject *obj, const char *what);
/* ukwd.notice, added to the module (notice.c). */
int pyukwd_notice_init(PyObject *parent);
/* Plan, Schedule and ukwd.uep, added to the module (plan.c). */
int pyukwd_plan_init(PyObject *parent);

/* A Schedule (plan.c): immutable, it keeps its Plan and Calendar. */
typedef struct {
	PyObject_HEAD ukwd_schedule *sched;
	PyObject *plan;     /* the Plan it borrows */
	PyObject *calendar; /* the Calendar it borrows */
} pyukwd_schedule;

/* Schedule.risk(...): the Monte Carlo of a Schedule as a ukwd.Risk
 * (risk.c). */
PyObject *pyukwd_risk_run(PyObject *schedule, PyObject *args, PyObject *kw);
/* The Risk type, added to the module (risk.c). */
int pyukwd_risk_init(PyObject *parent);
/* A buffer a renderer's sink fills (plan.c): data is malloc'd. */
struct pyukwd_buffer {
	char *data;
	size_t used, cap;
};
int pyukwd_buffer_sink(const char *buf, size_t len, void *payload);
/* A datetime.date (or datetime) or a str: a date the scalar path reads. */
int pyukwd_is_python_date(PyObject *obj);
/* A ukwd_date as a datetime.date. */
PyObject *pyukwd_date_to_object(ukwd_date d);
/* "YYYY-MM-DD" of a day number that may be outside ukwd_date. */
void pyukwd_format_day(char *buf, size_t size, int64_t day);

/* " (element 5)", " (element (1, 2))", or "" for a 0-d shape, into buf;
 * returns the index as a Python object (None for 0-d), or NULL. */
PyObject *pyukwd_unravel(char *buf, size_t size, npy_intp flat, int ndim,
                         const npy_intp *dims);

/* Dates from what numpy reads as dates (arith.c); a new reference. */
PyArrayObject *pyukwd_as_days(PyObject *obj, const char *what);

/* The vectorised calls, methods of Calendar (arith.c). */
PyObject *pyukwd_is_working(PyObject *self, PyObject *args, PyObject *kw);
PyObject *pyukwd_add(PyObject *self, PyObject *args, PyObject *kw);
PyObject *pyukwd_count(PyObject *self, PyObject *args, PyObject *kw);
PyObject *pyukwd_roll(PyObject *self, PyObject *args, PyObject *kw);
PyObject *pyukwd_is_busday(PyObject *self, PyObject *args, PyObject *kw);
PyObject *pyukwd_busday_offset(PyObject *self, PyObject *args, PyObject *kw);
PyObject *pyukwd_busday_count(PyObject *self, PyObject *args, PyObject *kw);

#endif
