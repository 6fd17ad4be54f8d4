"""Working-day arithmetic: meanings, input types, broadcasting, NaT and
errors (issue 17)."""
import datetime

import numpy as np
import pytest

import ukwd

D = np.datetime64


def days(*texts):
    return np.array(texts, dtype="datetime64[D]")


def test_add_never_counts_the_start_day(england):
    # Friday 2 June 2023 and Saturday 3 June both give Monday 5 June.
    assert england.add("2023-06-02", 1) == datetime.date(2023, 6, 5)
    assert england.add("2023-06-03", 1) == datetime.date(2023, 6, 5)
    assert england.add("2023-06-05", -1) == datetime.date(2023, 6, 2)
    assert england.add("2023-06-05", 0) == datetime.date(2023, 6, 5)
    with pytest.raises(ukwd.EINVAL, match="2023-06-03 is not a working day"):
        england.add("2023-06-03", 0)


def test_count_is_half_open_and_negative_backwards(england):
    assert england.count("2023-06-05", "2023-06-12") == 5
    assert england.count("2023-06-12", "2023-06-05") == -5
    assert england.count("2023-01-01", "2024-01-01") == 251  # 260 weekdays, 9 holidays on them
    assert isinstance(england.count("2023-01-01", "2023-01-02"), int)


def test_roll_conventions(england):
    # Sunday 30 April 2023; Monday 1 May is the Early May bank holiday.
    assert england.roll("2023-04-30") == datetime.date(2023, 5, 2)
    assert england.roll("2023-04-30", "preceding") == datetime.date(2023, 4, 28)
    assert england.roll("2023-04-29", "modifiedfollowing") == \
        datetime.date(2023, 4, 28)
    assert england.roll("2023-04-30", "nat") is None
    with pytest.raises(ukwd.EINVAL, match="roll='raise'"):
        england.roll("2023-04-30", "raise")
    with pytest.raises(ukwd.EINVAL, match="unknown convention"):
        england.roll("2023-04-30", "sideways")


def test_scalars_give_python_values_and_numpy_names_numpy_scalars(england):
    assert england.is_working(D("2023-06-05")) is True
    assert type(england.add(D("2023-06-05"), 1)) is datetime.date
    assert type(england.is_busday("2023-06-05")) is np.bool_
    assert type(england.busday_count("2023-06-05", "2023-07-05")) is np.int64
    assert type(england.busday_offset("2023-06-05", 1)) is np.datetime64


def test_input_types_agree(england):
    as_list = [datetime.date(2023, 6, 2), datetime.date(2023, 6, 3)]
    as_text = ["2023-06-02", "2023-06-03"]
    as_seconds = np.array(["2023-06-02T12:00", "2023-06-03T23:59:59"],
                          dtype="datetime64[s]")
    expected = days("2023-06-05", "2023-06-05")
    for dates in (as_list, as_text, as_seconds, days(*as_text),
                  np.array(as_list, dtype=object)):
        assert (england.add(dates, 1) == expected).all()
    # datetime.datetime is a date: its day counts.
    assert england.add(datetime.datetime(2023, 6, 2, 18, 30), 1) == \
        datetime.date(2023, 6, 5)


def test_pandas_series_of_timestamps(england):
    pd = pytest.importorskip("pandas")
    series = pd.Series(pd.to_datetime(["2023-06-02", "2023-06-03", None]))
    assert england.is_working(series).tolist() == [True, False, False]
    out = england.add(series, 1)
    assert out[:2].tolist() == [datetime.date(2023, 6, 5)] * 2
    assert np.isnat(out[2])


def test_numbers_are_not_dates_and_fractions_are_not_days(england):
    with pytest.raises(TypeError, match="expected dates"):
        england.is_working(np.arange(5))
    with pytest.raises(TypeError, match="expected dates"):
        england.add([1, 2], 1)
    with pytest.raises(TypeError, match="whole numbers of working days"):
        england.add("2023-06-05", 1.5)
    with pytest.raises(ValueError):
        england.is_working("2023-02-30")


def test_broadcasting_matches_numpy(england):
    starts = days("2023-06-01", "2023-06-02", "2023-06-03").reshape(3, 1)
    n = np.array([-2, 1, 5, 20])
    got = england.add(starts, n)
    assert got.shape == (3, 4)
    for i in range(3):
        for j in range(4):
            assert got[i, j] == england.add(starts[i, 0], n[j])
    counts = england.count(starts, days("2023-07-01", "2023-08-01"))
    assert counts.shape == (3, 2)
    assert counts[2, 1] == england.count("2023-06-03", "2023-08-01")
    with pytest.raises(ValueError):
        england.count(days("2023-01-01", "2023-01-02"),
                      days("2023-01-01", "2023-01-02", "2023-01-03"))
    # Empty arrays give empty answers.
    assert england.is_working(days()).shape == (0,)
    # Non-contiguous views.
    year = np.arange("2023-01-01", "2024-01-01", dtype="datetime64[D]")
    assert (england.is_working(year[::7]) == england.is_working(
        year[::7].copy())).all()


def test_out_arrays(england):
    dates = days("2023-06-02", "2023-06-03")
    out = np.empty(2, dtype="datetime64[D]")
    result = england.busday_offset(dates, 1, roll="forward", out=out)
    assert result is out
    assert (out == days("2023-06-05", "2023-06-06")).all()
    flags = np.zeros(2, dtype=bool)
    england.is_busday(dates, out=flags)
    assert flags.tolist() == [True, False]


def test_nat_propagates_through_dates(england):
    dates = days("2023-06-02", "NaT", "2023-06-03")
    assert np.isnat(england.add(dates, 1)).tolist() == [False, True, False]
    assert np.isnat(england.roll(dates)).tolist() == [False, True, False]
    assert np.isnat(england.busday_offset(dates, 2, roll="forward")).tolist() \
        == [False, True, False]
    assert england.is_working(dates).tolist() == [True, False, False]
    assert england.add(D("NaT"), 3) is None


def test_nat_in_a_count_names_the_element(england):
    with pytest.raises(ukwd.EINVAL, match=r"NaT.*\(element 1\)") as info:
        england.count(days("2023-01-01", "2023-01-02"),
                      days("2023-02-01", "NaT"))
    assert info.value.index == 1


def test_outside_the_calendar_names_the_first_bad_element():
    cal = ukwd.Calendar.uk("england-and-wales", years=(2000, 2030))
    dates = days("2010-01-04", "1999-12-31", "2031-01-01")
    with pytest.raises(ValueError) as info:
        cal.is_working(dates)
    err = info.value
    assert isinstance(err, ukwd.ERANGE)
    assert err.code == -4 and err.name == "UKWD_ERANGE"
    assert err.index == 1 and err.date == datetime.date(1999, 12, 31)
    assert str(err) == ("1999-12-31 (element 1) is outside the calendar's "
                        "range 2000-01-01..2030-12-31")
    grid = days("2010-01-04", "2011-01-04", "2012-01-04",
                "2040-01-04").reshape(2, 2)
    with pytest.raises(ukwd.ERANGE, match=r"\(element \(1, 1\)\)") as info:
        cal.add(grid, 1)
    assert info.value.index == (1, 1)


def test_an_answer_outside_the_calendar_is_an_error():
    cal = ukwd.Calendar.uk("england-and-wales", years=(2000, 2030))
    with pytest.raises(ukwd.ERANGE, match="adding 10 working days to "
                       r"2030-12-24 \(element 2\) goes outside") as info:
        cal.add(days("2030-01-01", "2030-06-01", "2030-12-24"), 10)
    assert info.value.date == datetime.date(2030, 12, 24)
    with pytest.raises(ukwd.ERANGE):
        cal.add("2010-01-04", 2**40)
    # The count may end the day after the range, as the C API's.
    assert cal.count("2030-12-01", "2031-01-01") == \
        cal.count("2030-12-01", "2030-12-31") + 1  # Tuesday 31 December
    with pytest.raises(ukwd.ERANGE):
        cal.count("2030-12-01", "2031-01-02")
    # Dates numpy holds that no calendar does.
    with pytest.raises(ukwd.ERANGE, match="outside") as info:
        cal.is_working(np.array(["-20000-01-01"], dtype="datetime64[D]"))
    assert info.value.date is None


def test_the_first_error_in_order_wins(england):
    dates = np.full(5000, np.datetime64("2023-06-05"))
    dates[3000] = np.datetime64("2023-06-03")      # add 0: not working
    dates[4000] = np.datetime64("2200-01-01")      # outside
    with pytest.raises(ukwd.EINVAL) as info:
        england.add(dates, 0)
    assert info.value.index == 3000


def test_numpy_names_at_module_level(england):
    assert ukwd.busday_count("2023-06-05", "2023-06-12",
                             busdaycal=england) == 5
    assert ukwd.is_busday(["2023-06-03"], busdaycal=england).tolist() == [False]
    assert ukwd.busday_offset("2023-06-03", 0, roll="backward",
                              busdaycal=england) == D("2023-06-02")
    with pytest.raises(ukwd.EINVAL, match="roll='raise'"):
        ukwd.busday_offset("2023-06-03", 1, busdaycal=england)
    with pytest.raises(TypeError, match="busdaycal"):
        ukwd.busday_count("2023-06-05", "2023-06-12")


def test_python_scalars_agree_with_arrays(england):
    # datetime.date and str scalars are answered without numpy.
    rng = np.random.default_rng(3)
    low = np.datetime64("1990-01-01").astype(np.int64)
    dates = rng.integers(low, low + 20000, 2000).astype("datetime64[D]")
    n = rng.integers(1, 400, 2000)
    added = england.add(dates, n)
    working = england.is_working(dates)
    counted = england.count(dates, dates + 100)
    rolled = england.roll(dates, "modifiedpreceding")
    for i, day in enumerate(dates.tolist()):
        assert england.add(day, int(n[i])) == added[i]
        assert england.add(str(day), int(-n[i])) == \
            england.add(dates[i:i + 1], -n[i:i + 1])[0]
        assert england.is_working(day) == working[i]
        assert england.count(day, day + datetime.timedelta(100)) == counted[i]
        assert england.roll(day, "modifiedpreceding") == rolled[i]
