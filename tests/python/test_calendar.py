"""ukwd.Calendar: construction, known UK days, holidays, immutability."""
import datetime
import pathlib

import numpy as np
import pytest

import ukwd

DATA = pathlib.Path(__file__).resolve().parent.parent / "data"


def test_uk_knows_the_coronation_bank_holiday(england):
    assert england.is_working("2023-05-08") is False
    assert england.holiday_name("2023-05-08") == (
        "Bank holiday for the coronation of King Charles III")
    assert england.is_working(datetime.date(2023, 5, 9)) is True


def test_uk_christmas_on_a_saturday_gives_two_substitute_days(england):
    days = np.array(["2021-12-24", "2021-12-27", "2021-12-28", "2021-12-29"],
                    dtype="datetime64[D]")
    assert england.is_working(days).tolist() == [True, False, False, True]


def test_scotland_and_england_differ_on_2_january():
    scotland = ukwd.Calendar.uk("scotland")
    england = ukwd.Calendar.uk("england")
    assert scotland.is_working("2024-01-02") is False
    assert england.is_working("2024-01-02") is True


def test_sec_is_the_union_for_great_britain(sec):
    gb = ukwd.Calendar.uk(["england-and-wales", "scotland"])
    union = ukwd.Calendar.uk("england-and-wales").union(
        ukwd.Calendar.uk("scotland"))
    days = np.arange("1990-01-01", "2040-01-01", dtype="datetime64[D]")
    assert (sec.is_working(days) == gb.is_working(days)).all()
    assert (sec.is_working(days) == union.is_working(days)).all()


def test_intersection_works_on_a_day_off_in_one_division_only():
    both = ukwd.Calendar.uk("england").intersection(
        ukwd.Calendar.uk("scotland"))
    assert both.is_working("2024-01-02") is True      # Scotland only
    assert both.is_working("2023-12-25") is False     # both


def test_years_set_the_range():
    cal = ukwd.Calendar.uk("gb", years=(2020, 2030))
    assert (cal.first, cal.last) == (datetime.date(2020, 1, 1),
                                     datetime.date(2030, 12, 31))
    one = ukwd.Calendar.uk("gb", years=2024)
    assert (one.first, one.last) == (datetime.date(2024, 1, 1),
                                     datetime.date(2024, 12, 31))
    assert "2020-01-01..2030-12-31" in repr(cal)


@pytest.mark.parametrize("years", [(1970, 2000), (2000, 10000), (2001, 2000)])
def test_years_outside_the_rules_are_refused(years):
    with pytest.raises(ValueError, match=r"years \(%d, %d\)" % years):
        ukwd.Calendar.uk("gb", years=years)


def test_unknown_division_suggests_the_near_one():
    with pytest.raises(ukwd.ENOTFOUND, match="did you mean 'scotland'"):
        ukwd.Calendar.uk("scotlnd")
    with pytest.raises(ValueError):
        ukwd.Calendar.uk("mars")
    with pytest.raises(LookupError):
        ukwd.Calendar.uk("mars")


def test_holidays_export_as_numpy_holidays(england):
    days = england.holidays("2023-01-01", "2023-12-31")
    assert days.dtype == np.dtype("datetime64[D]")
    assert days.tolist()[:3] == [datetime.date(2023, 1, 1),
                                 datetime.date(2023, 1, 2),
                                 datetime.date(2023, 4, 7)]
    assert len(days) == 10
    named = england.holidays("2023-12-01", "2023-12-31", names=True)
    assert named == [(datetime.date(2023, 12, 25), "Christmas Day"),
                     (datetime.date(2023, 12, 26), "Boxing Day")]
    everything = england.holidays()
    assert everything[0] >= np.datetime64("1971-01-01")
    assert everything[-1] <= np.datetime64("2100-12-31")


def test_weekmask_and_provenance(england):
    assert england.weekmask == "1111100"
    assert england.provenance("2023-06-01") == "official"
    assert england.provenance("2090-06-01") == "projected"
    with pytest.raises(ukwd.ERANGE):
        england.provenance("2101-01-01")


def test_a_calendar_described_as_numpy_does():
    cal = ukwd.Calendar("2020-01-01", "2020-12-31",
                        holidays=["2020-01-06", "NaT", "2019-01-01"],
                        weekmask="Mon Tue Wed Thu")
    assert cal.weekmask == "1111000"
    assert cal.provenance("2020-05-05") is None
    assert cal.is_working(["2020-01-06", "2020-01-07", "2020-01-10"]).tolist() \
        == [False, True, False]
    assert ukwd.Calendar("2020-01-01", "2020-01-31",
                         weekmask=[1, 1, 1, 1, 1, 1, 1]).weekmask == "1111111"
    with pytest.raises(ValueError, match="weekmask"):
        ukwd.Calendar("2020-01-01", "2020-12-31", weekmask="1111")
    with pytest.raises(ValueError, match="no working day"):
        ukwd.Calendar("2020-01-01", "2020-12-31", weekmask="0000000")
    with pytest.raises(ValueError, match="before first"):
        ukwd.Calendar("2020-12-31", "2020-01-01")


def test_from_govuk_reads_a_file_and_bytes(tmp_path):
    path = DATA / "bank-holidays_2012-2015.json"
    cal = ukwd.Calendar.from_govuk(path, "england-and-wales")
    same = ukwd.Calendar.from_govuk(path.read_bytes(), "england-and-wales")
    rules = ukwd.Calendar.uk("england-and-wales")
    days = np.arange("2012-01-01", "2016-01-01", dtype="datetime64[D]")
    assert (cal.is_working(days) == same.is_working(days)).all()
    # GOV.UK's days for those years are the rules' days.
    assert (cal.is_working(days) == rules.is_working(days)).all()
    assert cal.is_working("2012-06-05") is False  # Diamond Jubilee
    ics = DATA / "england-and-wales_2012-2017.ics"
    from_ics = ukwd.Calendar.from_govuk(ics, "england-and-wales")
    assert (from_ics.is_working(days) == rules.is_working(days)).all()
    bad = tmp_path / "bad.json"
    bad.write_text('{"england-and-wales": 3}')
    with pytest.raises(ukwd.EPARSE, match="bad.json"):
        ukwd.Calendar.from_govuk(bad)
    with pytest.raises(FileNotFoundError):
        ukwd.Calendar.from_govuk(tmp_path / "absent.json")


def test_calendars_are_immutable(england):
    with pytest.raises(AttributeError):
        england.first = datetime.date(2000, 1, 1)
    with pytest.raises(AttributeError):
        england.anything = 1
    with pytest.raises(TypeError):
        class Mine(ukwd.Calendar):  # noqa: F841 - not a base type
            pass


def test_error_classes_are_named_after_the_c_codes():
    for name in ["ERROR", "EINVAL", "ENOMEM", "ERANGE", "ENOTFOUND",
                 "EPARSE", "ECYCLE", "EBUFS", "ENOTSUPPORTED", "EUSER"]:
        cls = getattr(ukwd, name)
        assert issubclass(cls, ukwd.Error)
        assert ("UKWD_" + name) in cls.__doc__
    assert issubclass(ukwd.ERANGE, ValueError)
    assert issubclass(ukwd.EINVAL, ValueError)
    assert issubclass(ukwd.ENOMEM, MemoryError)


@pytest.mark.parametrize("make", [
    lambda: ukwd.Calendar.uk("sec"),
    lambda: ukwd.Calendar.uk("northern-ireland", years=(2000, 2040)),
    lambda: ukwd.Calendar("2020-01-01", "2021-06-30",
                          holidays=["2020-01-06", "2021-02-01"],
                          weekmask="1111001"),
])
def test_calendars_pickle_exactly(make):
    import pickle
    cal = make()
    copy = pickle.loads(pickle.dumps(cal))
    assert repr(copy) == repr(cal)
    assert copy.weekmask == cal.weekmask
    assert copy.holidays(names=True) == cal.holidays(names=True)
    days = np.arange(np.datetime64(cal.first), np.datetime64(cal.last) + 1)
    assert (copy.is_working(days) == cal.is_working(days)).all()
    for year in range(cal.first.year, cal.last.year + 1):
        day = datetime.date(year, 6, 1)
        if cal.first <= day <= cal.last:
            assert copy.provenance(day) == cal.provenance(day), year
