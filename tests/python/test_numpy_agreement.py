"""A million random queries each of add, count, is-working and roll
against numpy's busday_* over the same holidays and weekmask: no answer
may differ (issue 17). numpy walks its holiday list; libukwd answers from
its bitmap; they share nothing but the calendar's holidays() export."""
import numpy as np
import pytest

import ukwd

# A million of each on the SEC calendar (Great Britain: the most days
# off), 200,000 on each division.
SIZES = {"sec": 1_000_000, "england-and-wales": 200_000,
         "scotland": 200_000, "northern-ireland": 200_000}
# Far enough inside 1971..2100 that the offsets below stay in.
LOW = np.datetime64("1980-01-01").astype(np.int64)
HIGH = np.datetime64("2090-01-01").astype(np.int64)


@pytest.fixture(scope="module", params=list(SIZES))
def calendars(request):
    cal = ukwd.Calendar.uk(request.param)
    numpy_cal = np.busdaycalendar(weekmask=cal.weekmask,
                                  holidays=cal.holidays())
    return cal, numpy_cal, SIZES[request.param]


def random_days(rng, n):
    return rng.integers(LOW, HIGH, n).astype("datetime64[D]")


def mismatches(got, expected):
    bad = np.flatnonzero(got != expected)
    return bad[:5], len(bad)


def test_is_working(calendars, rng):
    cal, numpy_cal, N = calendars
    dates = random_days(rng, N)
    first, count = mismatches(cal.is_working(dates),
                              np.is_busday(dates, busdaycal=numpy_cal))
    assert count == 0, (dates[first], first)


def test_add(calendars, rng):
    cal, numpy_cal, N = calendars
    dates = random_days(rng, N)
    n = rng.integers(-500, 501, N)
    working = cal.is_working(dates)
    n[(n == 0) & ~working] = 1          # add 0 needs a working day
    # numpy rolls first: back for n > 0, forward for n < 0, gives libukwd's
    # "strictly after" (before) from any day.
    expected = np.where(
        n > 0,
        np.busday_offset(dates, n, roll="backward", busdaycal=numpy_cal),
        np.busday_offset(dates, n, roll="forward", busdaycal=numpy_cal))
    first, count = mismatches(cal.add(dates, n), expected)
    assert count == 0, (dates[first], n[first], first)


def test_count(calendars, rng):
    cal, numpy_cal, N = calendars
    begin = random_days(rng, N)
    end = begin + rng.integers(-3000, 3001, N).astype("timedelta64[D]")
    # Backwards, libukwd's count is minus the count of [end, begin)
    # (numpy 1.24's too; numpy 1.25 moved to (end, begin]).
    forward = begin <= end
    expected = np.where(
        forward,
        np.busday_count(np.where(forward, begin, end),
                        np.where(forward, end, begin), busdaycal=numpy_cal),
        0)
    expected = np.where(forward, expected,
                        -np.busday_count(np.where(forward, begin, end),
                                         np.where(forward, end, begin),
                                         busdaycal=numpy_cal))
    first, count = mismatches(cal.count(begin, end), expected)
    assert count == 0, (begin[first], end[first], first)
    first, count = mismatches(cal.busday_count(begin[forward], end[forward]),
                              expected[forward])
    assert count == 0


@pytest.mark.parametrize("roll", ["forward", "backward", "modifiedfollowing",
                                  "modifiedpreceding"])
def test_busday_offset_rolls_as_numpy(calendars, rng, roll):
    cal, numpy_cal, N = calendars
    n = N // 4
    dates = random_days(rng, n)
    offsets = rng.integers(-200, 201, n)
    expected = np.busday_offset(dates, offsets, roll=roll, busdaycal=numpy_cal)
    first, count = mismatches(cal.busday_offset(dates, offsets, roll=roll),
                              expected)
    assert count == 0, (dates[first], offsets[first], first)
    first, count = mismatches(
        cal.roll(dates, roll),
        np.busday_offset(dates, 0, roll=roll, busdaycal=numpy_cal))
    assert count == 0, (dates[first], first)
