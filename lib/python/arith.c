/*
 * The vectorised calls of ukwd.Calendar: is_working, add, count and roll
 * in libukwd's meaning, and is_busday, busday_offset and busday_count in
 * numpy's. One driver broadcasts the operands with numpy's iterator (C
 * order, so the n-th element visited is the n-th of the broadcast result,
 * which names the element an error is about) and hands blocks of days to
 * libukwd's batch calls with the GIL released.
 */
#include "pyukwd.h"

#include <stdio.h>
#include <string.h>

/* Elements per block: the int32 copies libukwd's batch calls take live on
 * the stack. */
#define BLOCK 1024

enum kind {
	K_IS_WORKING, /* dates -> bool */
	K_ADD,        /* dates, n -> dates; libukwd's add */
	K_COUNT,      /* from, to -> int64 */
	K_ROLL,       /* dates -> dates, by a convention */
	K_OFFSET      /* dates, n -> dates; numpy's: roll first, then add */
};

/* How a non-working day is treated before an offset, or by roll(). */
enum roll_mode {
	R_CONVENTION, /* move it by a ukwd_roll convention */
	R_RAISE,      /* an error */
	R_NAT         /* the answer is NaT */
};

/* What went wrong with an element, for the message. */
enum fault {
	F_NONE,
	F_OUTSIDE,     /* an input date outside the calendar's range */
	F_ANSWER,      /* the answer outside the calendar's range */
	F_NOT_WORKING, /* add 0, or roll='raise', on a non-working day */
	F_NAT_COUNT    /* NaT where a count needs a date */
};

struct job {
	enum kind kind;
	const ukwd_calendar *cal;
	ukwd_date first, last;
	ukwd_roll convention;
	enum roll_mode mode;
	/* The first failing element. */
	enum fault fault;
	int code;
	npy_intp index;
	int64_t a, b; /* its inputs: date, and n or the second date */
	int which;    /* K_COUNT: 0 if `a` is the bad date, 1 if `b` is */
};

static int
fail(struct job *job, enum fault fault, int code, npy_intp index, int64_t a,
     int64_t b, int which)
{
	job->fault = fault;
	job->code = code;
	job->index = index;
	job->a = a;
	job->b = b;
	job->which = which;
	return -1;
}

static int
in_range(const struct job *job, int64_t day, int past_end)
{
	return day >= job->first && day <= (int64_t)job->last + past_end;
}

/* The common case without a branch per element: every date in range (so
 * no NaT) and every n an int32. Returns 1 with d32, e32 and nat filled,
 * or 0 when some element needs prepare(). */
static int
quick_prepare(const struct job *job, const int64_t *a, const int64_t *b,
              npy_intp m, int32_t *d32, int32_t *e32, unsigned char *nat)
{
	const int64_t lo = job->first;
	const int64_t hi = (int64_t)job->last + (job->kind == K_COUNT);
	int ok = 1;
	npy_intp k;

	for (k = 0; k < m; k++) {
		ok &= (a[k] >= lo) & (a[k] <= hi);
		d32[k] = (int32_t)a[k];
		nat[k] = 0;
	}
	if (job->kind == K_COUNT) {
		for (k = 0; k < m; k++) {
			ok &= (b[k] >= lo) & (b[k] <= hi);
			e32[k] = (int32_t)b[k];
		}
	} else if (job->kind == K_ADD || job->kind == K_OFFSET) {
		for (k = 0; k < m; k++) {
			ok &= (b[k] <= INT32_MAX) & (b[k] >= -INT32_MAX);
			e32[k] = (int32_t)b[k];
		}
	}
	return ok;
}

/* One block of m elements: a[] dates, b[] offsets or second dates; the
 * answers to out[] (dates with NaT, counts, or 0/1). Returns 0, or -1
 * with the failure in job (the first in order). */
/* Read element k into d32[k] (and e32[k]); 0, or -1 with the failure in
 * job when the element's input is bad. */
static inline int
prepare(struct job *job, const int64_t *a, const int64_t *b, npy_intp k,
        npy_intp base, int32_t *d32, int32_t *e32, unsigned char *nat)
{
	const int past_end = job->kind == K_COUNT;

	nat[k] = a[k] == NPY_DATETIME_NAT;
	if (job->kind == K_COUNT && (nat[k] || b[k] == NPY_DATETIME_NAT))
		return fail(job, F_NAT_COUNT, UKWD_EINVAL, base + k, a[k], b[k],
		            nat[k] ? 0 : 1);
	if (nat[k])
		d32[k] = job->first;
	else if (!in_range(job, a[k], past_end))
		return fail(job, F_OUTSIDE, UKWD_ERANGE, base + k, a[k],
		            b ? b[k] : 0, 0);
	else
		d32[k] = (int32_t)a[k];
	if (job->kind == K_COUNT) {
		if (!in_range(job, b[k], 1))
			return fail(job, F_OUTSIDE, UKWD_ERANGE, base + k, a[k],
			            b[k], 1);
		e32[k] = (int32_t)b[k];
	} else if (job->kind == K_ADD || job->kind == K_OFFSET) {
		/* Beyond int32 the answer is outside any calendar. */
		if (!nat[k] && (b[k] > INT32_MAX || b[k] < -INT32_MAX))
			return fail(job, F_ANSWER, UKWD_ERANGE, base + k, a[k],
			            b[k], 0);
		e32[k] = nat[k] ? 1 : (int32_t)b[k];
	}
	return 0;
}

/* One block of m elements: a[] dates, b[] offsets or second dates; the
 * answers to out[] (dates with NaT, counts, or 0/1). Returns 0, or -1
 * with the failure in job: the first in order, so a bad input stops the
 * block there and the elements before it are answered first. */
static int
run_block(struct job *job, const int64_t *a, const int64_t *b, int64_t *out,
          npy_intp m, npy_intp base)
{
	int32_t d32[BLOCK], e32[BLOCK], r32[BLOCK];
	unsigned char w8[BLOCK], nat[BLOCK];
	int status[BLOCK];
	int pending = 0;
	npy_intp k;

	if (!quick_prepare(job, a, b, m, d32, e32, nat)) {
		for (k = 0; k < m; k++) {
			if (prepare(job, a, b, k, base, d32, e32, nat) != 0) {
				pending = -1;
				m = k;
				break;
			}
		}
	}

	switch (job->kind) {
	case K_IS_WORKING:
		/* Every input is in range: no element can fail. */
		ukwd_workday_is_working_batch(w8, NULL, job->cal, d32,
		                              (size_t)m);
		for (k = 0; k < m; k++)
			out[k] = nat[k] ? 0 : w8[k];
		return pending;
	case K_COUNT:
		ukwd_workday_count_batch(r32, NULL, job->cal, d32, e32,
		                         (size_t)m);
		for (k = 0; k < m; k++)
			out[k] = r32[k];
		return pending;
	case K_ADD:
		if (ukwd_workday_add_batch(r32, status, job->cal, d32, e32,
		                           (size_t)m) == 0) {
			for (k = 0; k < m; k++)
				out[k] = nat[k] ? NPY_DATETIME_NAT : r32[k];
			return pending;
		}
		for (k = 0; k < m; k++) {
			if (nat[k]) {
				out[k] = NPY_DATETIME_NAT;
			} else if (status[k] != 0) {
				return fail(job,
				            status[k] == UKWD_EINVAL
				                ? F_NOT_WORKING
				                : F_ANSWER,
				            status[k], base + k, a[k], b[k], 0);
			} else {
				out[k] = r32[k];
			}
		}
		return pending;
	case K_ROLL:
	case K_OFFSET:
		/* Roll the non-working days (NaT ones: marked, left alone),
		 * then add in one batch; a roll failure at k stops the block
		 * there once the elements before it are answered. */
		ukwd_workday_is_working_batch(w8, NULL, job->cal, d32,
		                              (size_t)m);
		for (k = 0; k < m; k++) {
			int rc;

			if (w8[k] || nat[k])
				continue;
			if (job->mode == R_RAISE) {
				fail(job, F_NOT_WORKING, UKWD_EINVAL, base + k,
				     a[k], b ? b[k] : 0, 0);
				pending = -1;
				m = k;
				break;
			}
			if (job->mode == R_NAT) {
				nat[k] = 1;
				continue;
			}
			rc = ukwd_workday_roll(&d32[k], job->cal, d32[k],
			                       job->convention);
			if (rc != 0) {
				fail(job, F_ANSWER, rc, base + k, a[k],
				     b ? b[k] : 0, 0);
				pending = -1;
				m = k;
				break;
			}
		}
		if (job->kind == K_ROLL) {
			for (k = 0; k < m; k++)
				out[k] = nat[k] ? NPY_DATETIME_NAT : d32[k];
			return pending;
		}
		for (k = 0; k < m; k++)
			if (nat[k]) {
				/* A working day and 0: an add that cannot fail.
				 */
				ukwd_workday_roll(&d32[k], job->cal, job->first,
				                  UKWD_ROLL_FOLLOWING);
				e32[k] = 0;
			}
		if (ukwd_workday_add_batch(r32, status, job->cal, d32, e32,
		                           (size_t)m) == 0) {
			for (k = 0; k < m; k++)
				out[k] = nat[k] ? NPY_DATETIME_NAT : r32[k];
			return pending;
		}
		for (k = 0; k < m; k++) {
			if (nat[k])
				out[k] = NPY_DATETIME_NAT;
			else if (status[k] != 0)
				return fail(job, F_ANSWER, status[k], base + k,
				            a[k], b[k], 0);
			else
				out[k] = r32[k];
		}
		return pending;
	}
	return pending;
}

/* "element 5", "element (1, 2)", or "" for a 0-d result; and the index
 * as a Python object (None for 0-d). */
PyObject *
pyukwd_unravel(char *buf, size_t size, npy_intp flat, int ndim,
               const npy_intp *dims)
{
	npy_intp idx[NPY_MAXDIMS];
	PyObject *tuple;
	size_t used;
	int i;

	buf[0] = '\0';
	if (ndim == 0)
		Py_RETURN_NONE;
	for (i = ndim - 1; i >= 0; i--) {
		idx[i] = dims[i] ? flat % dims[i] : 0;
		flat = dims[i] ? flat / dims[i] : 0;
	}
	if (ndim == 1) {
		snprintf(buf, size, " (element %" NPY_INTP_FMT ")", idx[0]);
		return PyLong_FromSsize_t(idx[0]);
	}
	tuple = PyTuple_New(ndim);
	if (!tuple)
		return NULL;
	used = (size_t)snprintf(buf, size, " (element (");
	for (i = 0; i < ndim; i++) {
		PyObject *v = PyLong_FromSsize_t(idx[i]);

		if (!v) {
			Py_DECREF(tuple);
			return NULL;
		}
		PyTuple_SET_ITEM(tuple, i, v);
		if (used < size)
			used += (size_t)snprintf(buf + used, size - used,
			                         "%s%" NPY_INTP_FMT,
			                         i ? ", " : "", idx[i]);
	}
	if (used < size)
		snprintf(buf + used, size - used, "))");
	return tuple;
}

static PyObject *
raise_failure(const struct job *job, int ndim, const npy_intp *dims)
{
	char where[160], date[32], other[32], first[32], last[32];
	char message[512];
	PyObject *index, *day = NULL, *result;
	int64_t bad = job->which ? job->b : job->a;

	index = pyukwd_unravel(where, sizeof(where), job->index, ndim, dims);
	if (!index)
		return NULL;
	pyukwd_format_day(date, sizeof(date), job->a);
	pyukwd_format_day(other, sizeof(other), job->b);
	pyukwd_format_day(first, sizeof(first), job->first);
	pyukwd_format_day(last, sizeof(last), job->last);
	switch (job->fault) {
	case F_OUTSIDE:
		snprintf(message, sizeof(message),
		         "%s%s is outside the calendar's range %s..%s%s",
		         job->which ? other : date, where, first, last,
		         job->kind == K_COUNT
		             ? " (a count may end the day after it)"
		             : "");
		break;
	case F_ANSWER:
		if (job->kind == K_ROLL || job->b == 0)
			snprintf(message, sizeof(message),
			         "rolling %s%s goes outside the calendar's "
			         "range %s..%s",
			         date, where, first, last);
		else
			snprintf(message, sizeof(message),
			         "adding %lld working days to %s%s goes "
			         "outside the calendar's range %s..%s",
			         (long long)job->b, date, where, first, last);
		break;
	case F_NOT_WORKING:
		if (job->kind == K_ADD)
			snprintf(message, sizeof(message),
			         "%s%s is not a working day: adding 0 working "
			         "days needs one (roll it first)",
			         date, where);
		else
			snprintf(message, sizeof(message),
			         "%s%s is not a working day (roll='raise')",
			         date, where);
		break;
	case F_NAT_COUNT:
	default:
		snprintf(message, sizeof(message),
		         "NaT (not-a-time)%s: a count needs two dates", where);
		break;
	}
	if (bad != NPY_DATETIME_NAT && bad >= UKWD_DATE_MIN &&
	    bad <= UKWD_DATE_MAX) {
		day = pyukwd_date_to_object((ukwd_date)bad);
		if (!day) {
			Py_DECREF(index);
			return NULL;
		}
	}
	result = pyukwd_raise(job->code, message, index, day);
	Py_DECREF(index);
	Py_XDECREF(day);
	return result;
}

/* Dates from anything numpy reads as dates: datetime64 arrays of any unit
 * (the iterator casts them to days), and lists, objects and strings
 * (datetime.date, 'YYYY-MM-DD') converted here. Numbers are refused. */
PyArrayObject *
pyukwd_as_days(PyObject *obj, const char *what)
{
	PyArrayObject *arr;
	PyObject *converted;
	int type;

	if (PyArray_Check(obj)) {
		Py_INCREF(obj);
		arr = (PyArrayObject *)obj;
	} else {
		arr =
		    (PyArrayObject *)PyArray_FromAny(obj, NULL, 0, 0, 0, NULL);
		if (!arr)
			return NULL;
	}
	type = PyArray_TYPE(arr);
	if (type == NPY_DATETIME)
		return arr;
	if (type == NPY_OBJECT || type == NPY_UNICODE || type == NPY_STRING) {
		Py_INCREF(pyukwd_day_descr);
		converted = PyArray_FromArray(arr, pyukwd_day_descr,
		                              NPY_ARRAY_FORCECAST);
		Py_DECREF(arr);
		return (PyArrayObject *)converted;
	}
	PyErr_Format(PyExc_TypeError,
	             "%s: expected dates (datetime64, datetime.date or "
	             "'YYYY-MM-DD' strings), not an array of %S",
	             what, (PyObject *)PyArray_DESCR(arr));
	Py_DECREF(arr);
	return NULL;
}

/* Working-day counts: integers of any width; floats are refused rather
 * than truncated. */
static PyArrayObject *
as_offsets(PyObject *obj, const char *what)
{
	PyArrayObject *arr =
	    (PyArrayObject *)PyArray_FromAny(obj, NULL, 0, 0, 0, NULL);

	if (!arr)
		return NULL;
	if (!PyArray_ISINTEGER(arr) && !PyArray_ISBOOL(arr)) {
		PyErr_Format(PyExc_TypeError,
		             "%s: expected whole numbers of working days, not "
		             "an array of %S",
		             what, (PyObject *)PyArray_DESCR(arr));
		Py_DECREF(arr);
		return NULL;
	}
	return arr;
}

/* Broadcast ins[0..nin) and out_arg (NULL: allocated), run the job.
 * Returns the output array (new reference), or NULL with an exception. */
static PyArrayObject *
drive(struct job *job, int nin, PyArrayObject **ins, int second_is_date,
      int out_type, PyArrayObject *out_arg)
{
	PyArrayObject *ops[3];
	PyArray_Descr *dtypes[3];
	npy_uint32 op_flags[3];
	NpyIter *iter;
	PyArrayObject *result = NULL;
	int nop = nin + 1, i, failed = 0;
	npy_intp total;

	for (i = 0; i < nin; i++) {
		ops[i] = ins[i];
		op_flags[i] =
		    NPY_ITER_READONLY | NPY_ITER_ALIGNED | NPY_ITER_NBO;
		dtypes[i] = i == 0 || second_is_date
		                ? pyukwd_day_descr
		                : PyArray_DescrFromType(NPY_INT64);
	}
	ops[nin] = out_arg;
	op_flags[nin] = NPY_ITER_WRITEONLY | NPY_ITER_ALLOCATE |
	                NPY_ITER_ALIGNED | NPY_ITER_NBO;
	dtypes[nin] = out_type == NPY_DATETIME
	                  ? pyukwd_day_descr
	                  : PyArray_DescrFromType(out_type);

	iter = NpyIter_MultiNew(
	    nop, ops,
	    NPY_ITER_EXTERNAL_LOOP | NPY_ITER_BUFFERED | NPY_ITER_GROWINNER |
	        NPY_ITER_ZEROSIZE_OK | NPY_ITER_COPY_IF_OVERLAP,
	    NPY_CORDER, NPY_SAME_KIND_CASTING, op_flags, dtypes);
	/* PyArray_DescrFromType's builtin descriptors are immortal enough;
	 * give back the references taken above. */
	for (i = 0; i < nop; i++)
		if (dtypes[i] != pyukwd_day_descr)
			Py_DECREF(dtypes[i]);
	if (!iter)
		return NULL;

	total = NpyIter_GetIterSize(iter);
	if (total > 0) {
		NpyIter_IterNextFunc *next = NpyIter_GetIterNext(iter, NULL);
		char **ptrs = NpyIter_GetDataPtrArray(iter);
		npy_intp *strides = NpyIter_GetInnerStrideArray(iter);
		npy_intp *sizep = NpyIter_GetInnerLoopSizePtr(iter);
		npy_intp base = 0;
		int64_t a[BLOCK], b[BLOCK], out[BLOCK];
		NPY_BEGIN_THREADS_DEF;

		if (!next) {
			NpyIter_Deallocate(iter);
			return NULL;
		}
		if (!NpyIter_IterationNeedsAPI(iter))
			NPY_BEGIN_THREADS;
		do {
			npy_intp n = *sizep, j, k;

			for (j = 0; j < n && !failed; j += BLOCK) {
				npy_intp m = n - j < BLOCK ? n - j : BLOCK;
				const char *pa = ptrs[0] + j * strides[0];
				char *po = ptrs[nin] + j * strides[nin];
				const int64_t *va = a, *vb = b;
				int64_t *vo = out;
				int direct_out =
				    out_type != NPY_BOOL &&
				    strides[nin] == sizeof(int64_t);

				/* Contiguous operands are used in place. */
				if (strides[0] == sizeof(int64_t))
					va = (const int64_t *)pa;
				else
					for (k = 0; k < m; k++)
						a[k] = *(
						    const int64_t
						        *)(pa + k * strides[0]);
				if (nin > 1) {
					const char *pb =
					    ptrs[1] + j * strides[1];

					if (strides[1] == sizeof(int64_t))
						vb = (const int64_t *)pb;
					else
						for (k = 0; k < m; k++)
							b[k] = *(
							    const int64_t
							        *)(pb +
							           k * strides
							                   [1]);
				}
				if (direct_out)
					vo = (int64_t *)po;
				if (run_block(job, va, nin > 1 ? vb : NULL, vo,
				              m, base + j) != 0) {
					failed = 1;
					break;
				}
				if (direct_out)
					continue;
				if (out_type == NPY_BOOL)
					for (k = 0; k < m; k++)
						*(npy_bool
						      *)(po +
						         k * strides[nin]) =
						    (npy_bool)out[k];
				else
					for (k = 0; k < m; k++)
						*(int64_t *)(po +
						             k * strides[nin]) =
						    out[k];
			}
			base += n;
		} while (!failed && next(iter));
		NPY_END_THREADS;
	}
	if (!PyErr_Occurred()) {
		result = NpyIter_GetOperandArray(iter)[nin];
		Py_INCREF(result);
	}
	if (NpyIter_Deallocate(iter) != NPY_SUCCEED || PyErr_Occurred()) {
		Py_XDECREF(result);
		return NULL;
	}
	if (failed) {
		raise_failure(job, PyArray_NDIM(result), PyArray_DIMS(result));
		Py_DECREF(result);
		return NULL;
	}
	return result;
}

/* ukwd's names give Python values for scalars (datetime.date, bool, int;
 * None for NaT); numpy's names give numpy scalars, as numpy does. */
static PyObject *
finish(PyArrayObject *result, int numpy_style)
{
	PyObject *value;

	if (!result)
		return NULL;
	if (PyArray_NDIM(result) != 0)
		return (PyObject *)result;
	if (numpy_style)
		return PyArray_Return(result);
	value = PyArray_GETITEM(result, PyArray_DATA(result));
	Py_DECREF(result);
	return value;
}

static int
parse_roll(ukwd_roll *convention, enum roll_mode *mode, PyObject *name)
{
	static const struct {
		const char *name;
		enum roll_mode mode;
		ukwd_roll convention;
	} names[] = {
	    {"following", R_CONVENTION, UKWD_ROLL_FOLLOWING},
	    {"forward", R_CONVENTION, UKWD_ROLL_FOLLOWING},
	    {"preceding", R_CONVENTION, UKWD_ROLL_PRECEDING},
	    {"backward", R_CONVENTION, UKWD_ROLL_PRECEDING},
	    {"modifiedfollowing", R_CONVENTION, UKWD_ROLL_MODIFIED_FOLLOWING},
	    {"modified-following", R_CONVENTION, UKWD_ROLL_MODIFIED_FOLLOWING},
	    {"modifiedpreceding", R_CONVENTION, UKWD_ROLL_MODIFIED_PRECEDING},
	    {"modified-preceding", R_CONVENTION, UKWD_ROLL_MODIFIED_PRECEDING},
	    {"raise", R_RAISE, UKWD_ROLL_FOLLOWING},
	    {"nat", R_NAT, UKWD_ROLL_FOLLOWING},
	};
	const char *text;
	size_t i;

	if (!PyUnicode_Check(name)) {
		PyErr_Format(PyExc_TypeError,
		             "roll: expected a convention name, not %R", name);
		return -1;
	}
	text = PyUnicode_AsUTF8(name);
	if (!text)
		return -1;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(text, names[i].name) == 0) {
			*convention = names[i].convention;
			*mode = names[i].mode;
			return 0;
		}
	}
	pyukwd_raise(UKWD_EINVAL,
	             "roll: unknown convention; expected 'following' "
	             "('forward'), 'preceding' ('backward'), "
	             "'modifiedfollowing', 'modifiedpreceding', 'raise' or "
	             "'nat'",
	             NULL, NULL);
	return -1;
}

static int
parse_out(PyArrayObject **out, PyObject *obj)
{
	if (obj == NULL || obj == Py_None) {
		*out = NULL;
		return 0;
	}
	if (!PyArray_Check(obj)) {
		PyErr_SetString(PyExc_TypeError, "out: expected a numpy array");
		return -1;
	}
	*out = (PyArrayObject *)obj;
	return 0;
}

static void
job_init(struct job *job, PyObject *self, enum kind kind)
{
	const pyukwd_calendar *cal = (const pyukwd_calendar *)self;

	memset(job, 0, sizeof(*job));
	job->kind = kind;
	job->cal = cal->cal;
	job->first = cal->first;
	job->last = cal->last;
	job->convention = UKWD_ROLL_FOLLOWING;
	job->mode = R_CONVENTION;
}

/* One Python date (datetime.date or 'YYYY-MM-DD') and, for two-operand
 * calls, a Python int or date: answered without numpy, as a Python value
 * (the loops of Python code call the scalar form). */
static PyObject *
scalar(struct job *job, PyObject *x, PyObject *y)
{
	ukwd_date d, e = 0;
	int64_t a, b = 0, out;

	if (pyukwd_date_from_object(&d, x, "dates") != 0)
		return NULL;
	a = d;
	if (job->kind == K_COUNT) {
		if (pyukwd_date_from_object(&e, y, "end") != 0)
			return NULL;
		b = e;
	} else if (y) {
		b = PyLong_AsLongLong(y);
		if (b == -1 && PyErr_Occurred())
			return NULL;
	}
	if (run_block(job, &a, y ? &b : NULL, &out, 1, 0) != 0)
		return raise_failure(job, 0, NULL);
	switch (job->kind) {
	case K_IS_WORKING:
		return PyBool_FromLong(out != 0);
	case K_COUNT:
		return PyLong_FromLongLong(out);
	default:
		if (out == NPY_DATETIME_NAT)
			Py_RETURN_NONE;
		return pyukwd_date_to_object((ukwd_date)out);
	}
}

/* The dates-only calls: is_working, is_busday, roll. */
static PyObject *
unary(PyObject *self, PyObject *dates_obj, PyObject *out_obj, enum kind kind,
      PyObject *roll, int numpy_style, const char *what)
{
	struct job job;
	PyArrayObject *dates, *out, *result;

	job_init(&job, self, kind);
	if (roll && parse_roll(&job.convention, &job.mode, roll) != 0)
		return NULL;
	if (parse_out(&out, out_obj) != 0)
		return NULL;
	if (!numpy_style && pyukwd_is_python_date(dates_obj))
		return scalar(&job, dates_obj, NULL);
	dates = pyukwd_as_days(dates_obj, what);
	if (!dates)
		return NULL;
	result = drive(&job, 1, &dates, 0,
	               kind == K_IS_WORKING ? NPY_BOOL : NPY_DATETIME, out);
	Py_DECREF(dates);
	return finish(result, numpy_style || out);
}

/* The two-operand calls: add, busday_offset, count, busday_count. */
static PyObject *
binary(PyObject *self, PyObject *first_obj, PyObject *second_obj,
       PyObject *out_obj, enum kind kind, PyObject *roll, int numpy_style,
       const char *first_what, const char *second_what)
{
	struct job job;
	PyArrayObject *ins[2] = {NULL, NULL}, *out, *result = NULL;
	int second_is_date = kind == K_COUNT;

	job_init(&job, self, kind);
	if (roll && parse_roll(&job.convention, &job.mode, roll) != 0)
		return NULL;
	if (parse_out(&out, out_obj) != 0)
		return NULL;
	if (!numpy_style && pyukwd_is_python_date(first_obj) &&
	    (second_is_date ? pyukwd_is_python_date(second_obj)
	                    : PyLong_Check(second_obj)))
		return scalar(&job, first_obj, second_obj);
	ins[0] = pyukwd_as_days(first_obj, first_what);
	if (ins[0])
		ins[1] = second_is_date
		             ? pyukwd_as_days(second_obj, second_what)
		             : as_offsets(second_obj, second_what);
	if (ins[1])
		result = drive(&job, 2, ins, second_is_date,
		               kind == K_COUNT ? NPY_INT64 : NPY_DATETIME, out);
	Py_XDECREF(ins[0]);
	Py_XDECREF(ins[1]);
	return finish(result, numpy_style || out);
}

PyObject *
pyukwd_is_working(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"dates", NULL};
	PyObject *dates;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "O:is_working", names,
	                                 &dates))
		return NULL;
	return unary(self, dates, NULL, K_IS_WORKING, NULL, 0, "dates");
}

PyObject *
pyukwd_is_busday(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"dates", "out", NULL};
	PyObject *dates, *out = NULL;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|$O:is_busday", names,
	                                 &dates, &out))
		return NULL;
	return unary(self, dates, out, K_IS_WORKING, NULL, 1, "dates");
}

PyObject *
pyukwd_roll(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"dates", "convention", NULL};
	PyObject *dates, *convention = NULL;
	PyObject *result;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:roll", names, &dates,
	                                 &convention))
		return NULL;
	if (convention)
		return unary(self, dates, NULL, K_ROLL, convention, 0, "dates");
	convention = PyUnicode_FromString("following");
	if (!convention)
		return NULL;
	result = unary(self, dates, NULL, K_ROLL, convention, 0, "dates");
	Py_DECREF(convention);
	return result;
}

PyObject *
pyukwd_add(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"dates", "n", NULL};
	PyObject *dates, *n;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:add", names, &dates, &n))
		return NULL;
	return binary(self, dates, n, NULL, K_ADD, NULL, 0, "dates", "n");
}

PyObject *
pyukwd_busday_offset(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"dates", "offsets", "roll", "out", NULL};
	PyObject *dates, *offsets, *roll = NULL, *out = NULL, *result;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O$O:busday_offset",
	                                 names, &dates, &offsets, &roll, &out))
		return NULL;
	if (roll)
		return binary(self, dates, offsets, out, K_OFFSET, roll, 1,
		              "dates", "offsets");
	roll = PyUnicode_FromString("raise");
	if (!roll)
		return NULL;
	result = binary(self, dates, offsets, out, K_OFFSET, roll, 1, "dates",
	                "offsets");
	Py_DECREF(roll);
	return result;
}

PyObject *
pyukwd_count(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"begin", "end", NULL};
	PyObject *begin, *end;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:count", names, &begin,
	                                 &end))
		return NULL;
	return binary(self, begin, end, NULL, K_COUNT, NULL, 0, "begin", "end");
}

PyObject *
pyukwd_busday_count(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *names[] = {"begindates", "enddates", "out", NULL};
	PyObject *begin, *end, *out = NULL;

	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|$O:busday_count", names,
	                                 &begin, &end, &out))
		return NULL;
	return binary(self, begin, end, out, K_COUNT, NULL, 1, "begindates",
	              "enddates");
}
