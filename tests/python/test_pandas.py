"""ukwd.pandas: working days over Series and DatetimeIndex, holidays and
notice checks as DataFrames (issue 17)."""
import datetime

import numpy as np
import pandas as pd
import pytest

import ukwd
import ukwd.pandas


@pytest.fixture
def dates(rng):
    low = np.datetime64("2000-01-01").astype(np.int64)
    days = rng.integers(low, low + 9000, 500).astype("datetime64[D]")
    return pd.Series(days, index=pd.RangeIndex(100, 600), name="due")


def test_functions_and_accessor_agree_with_calendar(england, dates, rng):
    n = rng.integers(-40, 40, len(dates))
    days = dates.to_numpy().astype("datetime64[D]")
    # add: n = 0 on a day off is an error; give those days 1.
    n = np.where((n == 0) & ~england.is_working(days), 1, n)
    cases = [
        (ukwd.pandas.is_working(dates, england),
         dates.ukwd.is_working(england), england.is_working(days)),
        (ukwd.pandas.add(dates, pd.Series(n), england),
         dates.ukwd.add(n, calendar=england), england.add(days, n)),
        (ukwd.pandas.roll(dates, "preceding", england),
         dates.ukwd.roll("preceding", england),
         england.roll(days, "preceding")),
        (ukwd.pandas.count(dates, "2030-01-01", england),
         dates.ukwd.count("2030-01-01", england),
         england.count(days, "2030-01-01")),
    ]
    for by_function, by_accessor, want in cases:
        assert isinstance(by_function, pd.Series)
        assert by_function.index.equals(dates.index)
        assert by_function.name == "due"
        pd.testing.assert_series_equal(by_function, by_accessor)
        got = by_function.to_numpy()
        if got.dtype.kind == "M":
            got = got.astype("datetime64[D]")
        np.testing.assert_array_equal(got, want)


def test_times_time_zones_and_nat(england):
    stamps = pd.Series(pd.to_datetime(
        ["2023-05-05 23:30", "2023-05-08 09:00", None]))
    assert stamps.ukwd.is_working(england).tolist() == [True, False, False]
    got = stamps.ukwd.add(1, england)
    assert got.iloc[:2].tolist() == [pd.Timestamp("2023-05-09"),
                                     pd.Timestamp("2023-05-09")]
    assert pd.isna(got.iloc[2])
    # 23:30 UTC on Sunday 7 May is 00:30 on Monday 8 May (the coronation
    # holiday) in London: the local date counts.
    utc = pd.Series(pd.to_datetime(["2023-05-07 23:30"]).tz_localize("UTC"))
    london = utc.dt.tz_convert("Europe/London")
    assert london.ukwd.roll(calendar=england).tolist() == [
        pd.Timestamp("2023-05-09")]
    with pytest.raises(ukwd.EINVAL, match="NaT"):
        stamps.ukwd.count("2023-06-01", england)


def test_a_datetime_index_gives_an_index(england):
    index = pd.date_range("2023-12-22", "2023-12-29", name="day")
    got = index.ukwd.is_working(england)
    assert isinstance(got, pd.Index) and got.name == "day"
    assert got.tolist() == [True, False, False, False, False, True, True,
                            True]
    rolled = index.ukwd.roll(calendar=england)
    assert isinstance(rolled, pd.DatetimeIndex)
    assert rolled[0] == pd.Timestamp("2023-12-22")
    assert rolled[1] == pd.Timestamp("2023-12-27")


def test_holidays_as_a_dataframe(england):
    frame = ukwd.pandas.holidays(england, "2024-01-01", "2024-12-31")
    assert list(frame.columns) == ["date", "name", "provenance"]
    assert frame["date"].dtype == np.dtype("datetime64[ns]")
    assert len(frame) == 8
    assert frame["date"].dt.date.tolist() == [
        d.astype(datetime.date)
        for d in england.holidays("2024-01-01", "2024-12-31")]
    assert frame["name"].iloc[0] == england.holiday_name("2024-01-01")
    assert set(frame["provenance"]) <= {"official", "projected"}
    far = ukwd.pandas.holidays(england, "2099-01-01", "2099-12-31")
    assert set(far["provenance"]) == {"projected"}
    # The SEC calendar by default.
    assert len(ukwd.pandas.holidays(first="2023-01-01", last="2023-01-31")) \
        == len(ukwd.Calendar.uk("sec").holidays("2023-01-01", "2023-01-31"))


def test_notice_checks_as_a_dataframe(sec):
    frame = pd.DataFrame({
        "received": pd.to_datetime(["2023-01-03 09:00", "2023-01-05 17:30",
                                    "2023-03-01 10:00"]),
        "event": pd.to_datetime(["2023-04-03", "2023-04-03", "2023-04-03"]),
    }, index=["a", "b", "c"])
    got = frame["received"].ukwd.notice_check("uept-notice", frame["event"],
                                              cutoff="17:00", explain=True)
    assert list(got.index) == ["a", "b", "c"]
    assert got.columns[0] == "compliant" and "explanation" in got.columns
    for key, row in got.iterrows():
        one = ukwd.notice.check("uept-notice",
                                frame.loc[key, "received"].to_pydatetime(),
                                frame.loc[key, "event"].date(),
                                cutoff="17:00", calendar=sec)
        assert row["compliant"] == one.compliant
        assert row["deemed_received"].date() == one.deemed_received
        assert row["given"] == one.given
        assert row["explanation"] == one.explanation
    assert got["compliant"].tolist() == [True, True, False]
    assert got.loc["b", "deemed_received"] == pd.Timestamp("2023-01-06")


def test_the_calendar_must_be_a_calendar(dates):
    with pytest.raises(TypeError, match="calendar"):
        dates.ukwd.is_working("england")
