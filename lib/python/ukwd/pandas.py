"""ukwd for pandas: working days over Series and DatetimeIndex, holidays
and notice checks as DataFrames (issue 17).

Importing this module registers the accessor ``.ukwd`` on Series and
Index, so ``dates.ukwd.add(5, calendar=cal)`` works on a Series of dates.
Every function takes ``calendar=`` (a :class:`ukwd.Calendar`); without it
the SEC calendar, ``Calendar.uk("sec")``, is used. Dates may carry a time
of day (it is dropped; for notice checks it meets the cut-off) and a time
zone (the local date counts). NaT stays NaT (``is_working`` gives False;
``count`` refuses it). Results keep the input's index and name.
"""
from __future__ import annotations

import functools
from typing import Any, Optional, Union

import numpy as np
import pandas as pd

import ukwd

__all__ = ["is_working", "add", "count", "roll", "holidays", "notice_check",
           "UkwdAccessor"]

Dates = Union[pd.Series, pd.Index, np.ndarray, list]


@functools.lru_cache(maxsize=None)
def _sec() -> ukwd.Calendar:
    return ukwd.Calendar.uk("sec")


def _calendar(calendar: Optional[ukwd.Calendar]) -> ukwd.Calendar:
    if calendar is None:
        return _sec()
    if not isinstance(calendar, ukwd.Calendar):
        raise TypeError(f"calendar: expected a ukwd.Calendar, not {calendar!r}")
    return calendar


def _values(dates: Any, keep_time: bool = False) -> Any:
    """datetime64 values of a Series, Index or array-like; a time zone's
    local date (and time) is kept. Other values go to ukwd as they are."""
    if isinstance(dates, (pd.Series, pd.Index)):
        if isinstance(dates.dtype, pd.DatetimeTZDtype):
            dates = (dates.dt.tz_localize(None) if isinstance(dates, pd.Series)
                     else dates.tz_localize(None))
        if dates.dtype.kind == "M":
            values = dates.to_numpy(dtype="datetime64[ns]")
            return values if keep_time else values.astype("datetime64[D]")
        return dates.to_numpy()
    return dates


def _like(template: Any, values: np.ndarray, name: Optional[str] = None) -> Any:
    """values shaped as template: a Series with its index and name, an
    Index, or the array itself."""
    if isinstance(template, pd.Series):
        return pd.Series(values, index=template.index,
                         name=template.name if name is None else name)
    if isinstance(template, pd.Index):
        return pd.Index(values, name=template.name if name is None else name)
    return values


def is_working(dates: Dates, calendar: Optional[ukwd.Calendar] = None) -> Any:
    """True for working days, False for days off and NaT."""
    return _like(dates, np.asarray(
        _calendar(calendar).is_working(_values(dates))))


def add(dates: Dates, n: Any, calendar: Optional[ukwd.Calendar] = None) -> Any:
    """The n-th working day after each date (before, for n < 0); n may be a
    Series or array of whole numbers. n = 0 needs a working day."""
    if isinstance(n, (pd.Series, pd.Index)):
        n = n.to_numpy()
    return _like(dates, np.asarray(
        _calendar(calendar).add(_values(dates), n)))


def count(begin: Dates, end: Any,
          calendar: Optional[ukwd.Calendar] = None) -> Any:
    """Working days in [begin, end); negative when end < begin."""
    return _like(begin, np.asarray(
        _calendar(calendar).count(_values(begin), _values(end))))


def roll(dates: Dates, convention: str = "following",
         calendar: Optional[ukwd.Calendar] = None) -> Any:
    """Each date rolled to a working day: 'following', 'preceding',
    'modifiedfollowing', 'modifiedpreceding' (or 'nat', 'raise')."""
    return _like(dates, np.asarray(
        _calendar(calendar).roll(_values(dates), convention)))


def holidays(calendar: Optional[ukwd.Calendar] = None, first: Any = None,
             last: Any = None) -> pd.DataFrame:
    """The calendar's non-working weekdays from first to last (inclusive;
    the whole calendar by default) as a DataFrame with the columns date
    (datetime64), name and provenance ('official' from GOV.UK's data,
    'projected' by rule)."""
    cal = _calendar(calendar)
    rows = cal.holidays(first, last, names=True)
    return pd.DataFrame({
        "date": pd.to_datetime([d for d, _ in rows]),
        "name": pd.Series([name for _, name in rows], dtype=object),
        "provenance": pd.Series([cal.provenance(d) for d, _ in rows],
                                dtype=object),
    })


def notice_check(rule: str, given: Dates, event: Any, cutoff: Any = None,
                 calendar: Optional[ukwd.Calendar] = None,
                 explain: bool = False) -> pd.DataFrame:
    """ukwd.notice.check over columns of dates, as a DataFrame: one row per
    notice (the given dates' index), the columns of ukwd.notice.Result
    (explanation only with explain=True). A given date's time of day meets
    the cut-off."""
    result = ukwd.notice.check(rule, _values(given, keep_time=True),
                               _values(event), cutoff,
                               calendar=_calendar(calendar), explain=explain)
    index = None
    if isinstance(given, pd.Series):
        index = given.index
    elif isinstance(given, pd.Index):
        index = given
    frame = pd.DataFrame(result, index=index)
    order = ["compliant", "deemed_received", "given", "counted_unit",
             "shortfall", "deadline", "earliest_event",
             "earliest_working_event", "event_not_working", "explanation"]
    return frame[[c for c in order if c in frame.columns]]


def _plan_csv(frame: pd.DataFrame) -> str:
    """A DataFrame of plan columns as the CSV text ukwd.Plan.from_csv()
    reads: whole numbers without '.0' (NaN empty), dates as YYYY-MM-DD
    (NaT empty). Used by ukwd.Plan.from_dataframe()."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, not {type(frame).__name__}")
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if values.dtype.kind == "M":
            if isinstance(values.dtype, pd.DatetimeTZDtype):
                values = values.dt.tz_localize(None)
            values = values.dt.strftime("%Y-%m-%d")
        elif values.dtype.kind == "f":
            whole = values.dropna()
            if (whole == whole.round()).all():
                values = values.astype("Int64")
        out[str(column)] = values
    return out.to_csv(index=False, lineterminator="\n")


@pd.api.extensions.register_series_accessor("ukwd")
@pd.api.extensions.register_index_accessor("ukwd")
class UkwdAccessor:
    """``series.ukwd`` and ``index.ukwd``: the functions of ukwd.pandas
    with the dates first: ``s.ukwd.add(5, calendar=cal)``."""

    def __init__(self, dates: Union[pd.Series, pd.Index]) -> None:
        self._dates = dates

    def is_working(self, calendar: Optional[ukwd.Calendar] = None) -> Any:
        """True for working days (see ukwd.pandas.is_working)."""
        return is_working(self._dates, calendar)

    def add(self, n: Any, calendar: Optional[ukwd.Calendar] = None) -> Any:
        """The n-th working day after each date (see ukwd.pandas.add)."""
        return add(self._dates, n, calendar)

    def count(self, end: Any, calendar: Optional[ukwd.Calendar] = None) -> Any:
        """Working days from each date to end (see ukwd.pandas.count)."""
        return count(self._dates, end, calendar)

    def roll(self, convention: str = "following",
             calendar: Optional[ukwd.Calendar] = None) -> Any:
        """Each date rolled to a working day (see ukwd.pandas.roll)."""
        return roll(self._dates, convention, calendar)

    def notice_check(self, rule: str, event: Any, cutoff: Any = None,
                     calendar: Optional[ukwd.Calendar] = None,
                     explain: bool = False) -> pd.DataFrame:
        """These dates as notices given for event (see
        ukwd.pandas.notice_check)."""
        return notice_check(rule, self._dates, event, cutoff, calendar,
                            explain)
