/* Working-day queries in O(1): rank (working days before a date) is a
 * prefix count plus one popcount; select (the date of the r-th working
 * day) is a sample taken every 64 working days plus a one-byte delta. */
#include "ukwd/workday.h"
#include "calendar-private.h"
#include "internal.h"

#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define UNLIKELY(x)   __builtin_expect(!!(x), 0)
#else
#define ALWAYS_INLINE inline
#define UNLIKELY(x)   (x)
#endif

/* Count and add are bound by the popcount in rank_of(). x86-64's baseline
 * has no POPCNT instruction, so unless the compiler may assume it, the
 * kernels below are compiled twice, with and without it, and the public
 * functions pick one from the CPU's feature bits (read once by the
 * compiler's runtime at load time; a predictable branch per call). */
#if defined(__x86_64__) && !defined(__POPCNT__) &&                             \
    (defined(__GNUC__) || defined(__clang__))
#define UKWD__POPCNT_DISPATCH 1
#define WITH_POPCNT           __attribute__((target("popcnt")))
#define HAVE_POPCNT()         __builtin_cpu_supports("popcnt")
#else
#define UKWD__POPCNT_DISPATCH 0
#endif

/* Bit count. hw = 1: the compiler's builtin (one instruction where the
 * function's target has it); hw = 0: a branch-free SWAR sum, faster than
 * the libgcc call the builtin becomes on baseline x86-64. */
static ALWAYS_INLINE uint32_t
popcount64(uint64_t x, int hw)
{
	if (hw || !UKWD__POPCNT_DISPATCH)
		return (uint32_t)__builtin_popcountll(x);
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) +
	    ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	return (uint32_t)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* Working days in [first, first + off); off may be ndays (one past last):
 * the bitmap has a spare zero word so that case needs no branch. */
static ALWAYS_INLINE uint32_t
rank_of(const ukwd_calendar *cal, uint32_t off, int hw)
{
	uint32_t word = off >> 6;
	uint64_t below = (UINT64_C(1) << (off & 63)) - 1;

	return cal->rank[word] + popcount64(cal->bits[word] & below, hw);
}

/* Batch results: remember the first failure, record each element's. */
static inline int
batch_note(int first_error, int *status, size_t i, int rc)
{
	if (status)
		status[i] = rc;
	return first_error ? first_error : rc;
}

#define ONES8 UINT64_C(0x0101010101010101)
#define HIGH8 UINT64_C(0x8080808080808080)

/* How many of the eight byte lanes of `prefix` (each a count <= 64, rising
 * from lane 0) are <= k: the lane holding the (k+1)-th counted item. */
static inline uint32_t
lanes_at_most(uint64_t prefix, uint32_t k)
{
	uint64_t at_most = (((uint64_t)k * ONES8) | HIGH8) - prefix;

	return (uint32_t)((((at_most & HIGH8) >> 7) * ONES8) >> 56);
}

/* Position of the k-th (0-based) set bit of x; x has more than k bits.
 * Broadword and branch-free: the branches of a bit-by-bit search would be
 * mispredicted on every query. */
static inline uint32_t
select_in_word(uint64_t x, uint32_t k)
{
	uint64_t bytes, spread;
	uint32_t lane, before, in_byte;

	bytes = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	bytes = (bytes & UINT64_C(0x3333333333333333)) +
	        ((bytes >> 2) & UINT64_C(0x3333333333333333));
	bytes = (bytes + (bytes >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	bytes *= ONES8; /* lane i: set bits in bytes 0..i */
	lane = lanes_at_most(bytes, k);
	before = (uint32_t)(((bytes << 8) >> (lane * 8)) & 0xFF);
	in_byte = (uint32_t)((x >> (lane * 8)) & 0xFF);
	/* Spread the byte's bits one per lane, then count again. */
	spread = ((in_byte * ONES8) & UINT64_C(0x8040201008040201)) +
	         UINT64_C(0x7F7F7F7F7F7F7F7F);
	spread = ((spread & HIGH8) >> 7) * ONES8;
	return lane * 8 + lanes_at_most(spread, k - before);
}

/* The date of working day r in a sparse block: the answer's word is the
 * last whose rank is <= r, between the words of this sample and the next;
 * binary search there, then select within the word. */
static ukwd_date
select_sparse(const ukwd_calendar *cal, uint32_t r)
{
	uint32_t sample = r >> UKWD__SELECT_SHIFT;
	uint32_t lo = (cal->select[sample] & ~UKWD__SELECT_SPARSE) >> 6;
	uint32_t hi =
	    sample + 1 < cal->nselect
	        ? (cal->select[sample + 1] & ~UKWD__SELECT_SPARSE) >> 6
	        : cal->nwords - 1;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo + 1) / 2;

		if (cal->rank[mid] <= r)
			lo = mid;
		else
			hi = mid - 1;
	}
	return cal->first +
	       (ukwd_date)(lo * 64 +
	                   select_in_word(cal->bits[lo], r - cal->rank[lo]));
}

/* The date of working day number r (0-based); r < cal->total. Ordinary
 * calendars answer from the sample and a one-byte delta: two loads. */
static inline ukwd_date
select_of(const ukwd_calendar *cal, uint32_t r)
{
	uint32_t base = cal->select[r >> UKWD__SELECT_SHIFT];

	if (base & UKWD__SELECT_SPARSE)
		return select_sparse(cal, r);
	return cal->first + (ukwd_date)(base + cal->delta[r]);
}

static inline int
is_working_unchecked(const ukwd_calendar *cal, ukwd_date d)
{
	uint32_t off = (uint32_t)(d - cal->first);

	return (int)((cal->bits[off >> 6] >> (off & 63)) & 1);
}

int
ukwd_workday_is_working(const ukwd_calendar *cal, ukwd_date d)
{
	uint32_t off;

	if (UNLIKELY(!cal))
		return UKWD_EINVAL;
	/* One unsigned comparison checks both ends of the range. */
	off = (uint32_t)d - (uint32_t)cal->first;
	if (UNLIKELY(off > (uint32_t)cal->last - (uint32_t)cal->first))
		return UKWD_ERANGE;
	return (int)((cal->bits[off >> 6] >> (off & 63)) & 1);
}

int
ukwd_workday_check(bool *working, const ukwd_calendar *cal, ukwd_date d)
{
	int rc;

	if (UNLIKELY(!working))
		return UKWD_EINVAL;
	rc = ukwd_workday_is_working(cal, d);
	if (rc < 0)
		return rc;
	*working = rc == 1;
	return 0;
}

static ALWAYS_INLINE int
add_checked(ukwd_date *out, const ukwd_calendar *cal, ukwd_date from, int32_t n,
            int hw)
{
	int64_t target;
	uint32_t off, forward;

	if (from < cal->first || from > cal->last)
		return UKWD_ERANGE;
	off = (uint32_t)(from - cal->first);
	if (n == 0) {
		if (!is_working_unchecked(cal, from))
			return UKWD_EINVAL;
		*out = from;
		return 0;
	}
	/* Number the working days 0, 1, 2, ...; the answer is the one n
	 * places after the last working day on or before `from` (n > 0),
	 * or n places before the first on or after it (n < 0). */
	forward =
	    (uint32_t)(n > 0); /* no branch: the sign is random in batches */
	target = (int64_t)rank_of(cal, off + forward, hw) + n - forward;
	if (target < 0 || target >= (int64_t)cal->total)
		return UKWD_ERANGE;
	*out = select_of(cal, (uint32_t)target);
	return 0;
}

/* The batch loops, one copy per popcount flavour. */
static ALWAYS_INLINE int
add_batch(ukwd_date *out, int *status, const ukwd_calendar *cal,
          const ukwd_date *from, const int32_t *n, size_t count, int hw)
{
	int first_error = 0;

	for (size_t i = 0; i < count; i++) {
		ukwd_date answer = from[i];
		int rc = add_checked(&answer, cal, from[i], n[i], hw);

		out[i] = answer;
		first_error = batch_note(first_error, status, i, rc);
	}
	return first_error;
}

static ALWAYS_INLINE int
count_checked(int32_t *out, const ukwd_calendar *cal, ukwd_date from,
              ukwd_date to, int hw)
{
	if (from < cal->first || from > cal->last + 1 || to < cal->first ||
	    to > cal->last + 1)
		return UKWD_ERANGE;
	*out = (int32_t)rank_of(cal, (uint32_t)(to - cal->first), hw) -
	       (int32_t)rank_of(cal, (uint32_t)(from - cal->first), hw);
	return 0;
}

static ALWAYS_INLINE int
count_batch(int32_t *out, int *status, const ukwd_calendar *cal,
            const ukwd_date *from, const ukwd_date *to, size_t count, int hw)
{
	int first_error = 0;

	for (size_t i = 0; i < count; i++) {
		int32_t answer = 0;
		int rc = count_checked(&answer, cal, from[i], to[i], hw);

		out[i] = answer;
		first_error = batch_note(first_error, status, i, rc);
	}
	return first_error;
}

#if UKWD__POPCNT_DISPATCH
static WITH_POPCNT int
add_popcnt(ukwd_date *out, const ukwd_calendar *cal, ukwd_date from, int32_t n)
{
	return add_checked(out, cal, from, n, 1);
}

static WITH_POPCNT int
count_popcnt(int32_t *out, const ukwd_calendar *cal, ukwd_date from,
             ukwd_date to)
{
	return count_checked(out, cal, from, to, 1);
}

static WITH_POPCNT int
add_batch_popcnt(ukwd_date *out, int *status, const ukwd_calendar *cal,
                 const ukwd_date *from, const int32_t *n, size_t count)
{
	return add_batch(out, status, cal, from, n, count, 1);
}

static WITH_POPCNT int
count_batch_popcnt(int32_t *out, int *status, const ukwd_calendar *cal,
                   const ukwd_date *from, const ukwd_date *to, size_t count)
{
	return count_batch(out, status, cal, from, to, count, 1);
}
#endif

int
ukwd_workday_add(ukwd_date *out, const ukwd_calendar *cal, ukwd_date from,
                 int32_t n)
{
	if (!out || !cal)
		return UKWD_EINVAL;
#if UKWD__POPCNT_DISPATCH
	if (HAVE_POPCNT())
		return add_popcnt(out, cal, from, n);
#endif
	return add_checked(out, cal, from, n, 0);
}

int
ukwd_workday_count(int32_t *out, const ukwd_calendar *cal, ukwd_date from,
                   ukwd_date to)
{
	if (!out || !cal)
		return UKWD_EINVAL;
#if UKWD__POPCNT_DISPATCH
	if (HAVE_POPCNT())
		return count_popcnt(out, cal, from, to);
#endif
	return count_checked(out, cal, from, to, 0);
}

int
ukwd_workday_count_inclusive(int32_t *out, const ukwd_calendar *cal,
                             ukwd_date first, ukwd_date last)
{
	if (!out || !cal)
		return UKWD_EINVAL;
	if (first < cal->first || first > cal->last || last < cal->first ||
	    last > cal->last)
		return UKWD_ERANGE;
	if (last < first) {
		*out = 0;
		return 0;
	}
	return ukwd_workday_count(out, cal, first, last + 1);
}

static int
same_month(ukwd_date a, ukwd_date b)
{
	int ya, ma, yb, mb, day;

	ukwd__civil_from_days(a, &ya, &ma, &day);
	ukwd__civil_from_days(b, &yb, &mb, &day);
	return ya == yb && ma == mb;
}

int
ukwd_workday_roll(ukwd_date *out, const ukwd_calendar *cal, ukwd_date d,
                  ukwd_roll convention)
{
	ukwd_date rolled;
	int rc;

	if (!out || !cal || (unsigned)convention > UKWD_ROLL_MODIFIED_PRECEDING)
		return UKWD_EINVAL;
	if (d < cal->first || d > cal->last)
		return UKWD_ERANGE;
	if (is_working_unchecked(cal, d)) {
		*out = d;
		return 0;
	}
	/* When the plain roll leaves the range, the modified roll can still
	 * answer if the range covers the rest of d's month: the plain answer
	 * would then be in another month. */
	switch (convention) {
	case UKWD_ROLL_FOLLOWING:
	case UKWD_ROLL_MODIFIED_FOLLOWING:
		rc = add_checked(&rolled, cal, d, 1, 0);
		if (convention == UKWD_ROLL_MODIFIED_FOLLOWING &&
		    (rc == 0 ? !same_month(d, rolled)
		             : !same_month(d, cal->last + 1)))
			rc = add_checked(&rolled, cal, d, -1, 0);
		break;
	default:
		rc = add_checked(&rolled, cal, d, -1, 0);
		if (convention == UKWD_ROLL_MODIFIED_PRECEDING &&
		    (rc == 0 ? !same_month(d, rolled)
		             : !same_month(d, cal->first - 1)))
			rc = add_checked(&rolled, cal, d, 1, 0);
		break;
	}
	if (rc == 0)
		*out = rolled;
	return rc;
}

int
ukwd_workday_next(ukwd_date *out, const ukwd_calendar *cal, ukwd_date d)
{
	return ukwd_workday_add(out, cal, d, 1);
}

int
ukwd_workday_prev(ukwd_date *out, const ukwd_calendar *cal, ukwd_date d)
{
	return ukwd_workday_add(out, cal, d, -1);
}

int
ukwd_workday_is_working_batch(unsigned char *out, int *status,
                              const ukwd_calendar *cal, const ukwd_date *dates,
                              size_t count)
{
	int first_error = 0;

	if (count && (!out || !cal || !dates))
		return UKWD_EINVAL;
	for (size_t i = 0; i < count; i++) {
		ukwd_date d = dates[i];
		int rc = 0;

		if (d < cal->first || d > cal->last) {
			out[i] = 0;
			rc = UKWD_ERANGE;
		} else {
			out[i] = (unsigned char)is_working_unchecked(cal, d);
		}
		first_error = batch_note(first_error, status, i, rc);
	}
	return first_error;
}

int
ukwd_workday_add_batch(ukwd_date *out, int *status, const ukwd_calendar *cal,
                       const ukwd_date *from, const int32_t *n, size_t count)
{
	if (count && (!out || !cal || !from || !n))
		return UKWD_EINVAL;
#if UKWD__POPCNT_DISPATCH
	if (HAVE_POPCNT())
		return add_batch_popcnt(out, status, cal, from, n, count);
#endif
	return add_batch(out, status, cal, from, n, count, 0);
}

int
ukwd_workday_count_batch(int32_t *out, int *status, const ukwd_calendar *cal,
                         const ukwd_date *from, const ukwd_date *to,
                         size_t count)
{
	if (count && (!out || !cal || !from || !to))
		return UKWD_EINVAL;
#if UKWD__POPCNT_DISPATCH
	if (HAVE_POPCNT())
		return count_batch_popcnt(out, status, cal, from, to, count);
#endif
	return count_batch(out, status, cal, from, to, count, 0);
}
