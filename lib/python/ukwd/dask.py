"""ukwd for Dask: working-day arithmetic and notice checks over Dask
arrays and DataFrames, block by block and partition by partition
(issue 17).

Each function takes a Dask array (``map_blocks``) or a Dask Series or
Index (``map_partitions``) and returns the same kind of collection, lazy
until computed. The calendar goes into the task graph once, as one key
that every block's task depends on, so a distributed scheduler sends it
to each worker once (it pickles exactly); ``calendar=`` may also be a
``dask.delayed`` object or a future from ``client.scatter(calendar,
broadcast=True)``. Without it the SEC calendar is used. The answers are
those of the in-process calls (:class:`ukwd.Calendar` methods and
:mod:`ukwd.pandas`), block by block; the C calls release the GIL, so
threaded workers run them in parallel.

Working on a cluster needs nothing more than a client pointed at its
scheduler::

    from dask.distributed import Client
    client = Client("tcp://scheduler.example:8786")
    late = ukwd.dask.add(dates, 10, calendar=cal).compute()
"""
from __future__ import annotations

import hashlib
import pickle
from typing import Any, Optional

import numpy as np

import ukwd

__all__ = ["is_working", "add", "count", "roll", "notice_check",
           "shipped_calendar"]

_DAY = np.dtype("datetime64[D]")


def shipped_calendar(calendar: Any = None) -> Any:
    """The calendar as one node of a Dask graph: a ``dask.delayed`` object
    keyed by a hash of its pickle, so the same calendar is the same key in
    every graph. A Delayed or a distributed Future is returned as it is;
    None means the SEC calendar."""
    import dask
    from dask.delayed import Delayed

    if calendar is None:
        calendar = ukwd.Calendar.uk("sec")
    if isinstance(calendar, ukwd.Calendar):
        digest = hashlib.sha1(pickle.dumps(calendar)).hexdigest()[:16]
        return dask.delayed(calendar, name=f"ukwd-calendar-{digest}",
                            pure=True)
    if isinstance(calendar, Delayed) or \
            type(calendar).__name__ == "Future":
        return calendar
    raise TypeError(f"calendar: expected a ukwd.Calendar, not {calendar!r}")


def _is_array(obj: Any) -> bool:
    import dask.array as da

    return isinstance(obj, da.Array)


def _days(block: Any) -> Any:
    return block if block.dtype == _DAY else block.astype(_DAY)


# The functions run on the workers, one block or partition at a time.

def _block_is_working(dates: Any, calendar: ukwd.Calendar) -> Any:
    return np.asarray(calendar.is_working(dates), dtype=bool)


def _block_add(dates: Any, n: Any, calendar: ukwd.Calendar) -> Any:
    return np.asarray(calendar.add(_days(dates), n), dtype=_DAY)


def _block_count(begin: Any, end: Any, calendar: ukwd.Calendar) -> Any:
    return np.asarray(calendar.count(begin, end), dtype=np.int64)


def _block_roll(dates: Any, convention: str,
                calendar: ukwd.Calendar) -> Any:
    return np.asarray(calendar.roll(_days(dates), convention), dtype=_DAY)


def _part_is_working(dates: Any, calendar: ukwd.Calendar) -> Any:
    import ukwd.pandas
    return ukwd.pandas.is_working(dates, calendar)


def _part_add(dates: Any, n: Any, calendar: ukwd.Calendar) -> Any:
    import ukwd.pandas
    return ukwd.pandas.add(dates, n, calendar)


def _part_count(begin: Any, end: Any, calendar: ukwd.Calendar) -> Any:
    import ukwd.pandas
    return ukwd.pandas.count(begin, end, calendar)


def _part_roll(dates: Any, convention: str, calendar: ukwd.Calendar) -> Any:
    import ukwd.pandas
    return ukwd.pandas.roll(dates, convention, calendar)


def _part_notice(given: Any, event: Any, rule: str, cutoff: Any,
                 explain: bool, calendar: ukwd.Calendar) -> Any:
    import ukwd.pandas
    return ukwd.pandas.notice_check(rule, given, event, cutoff, calendar,
                                    explain)


def _meta_series(collection: Any, dtype: Any) -> Any:
    import pandas as pd

    return pd.Series([], dtype=dtype, name=getattr(collection, "name", None))


def is_working(dates: Any, calendar: Any = None) -> Any:
    """True for working days, per block (Dask array of dates: bool array
    of the same chunks) or partition (Dask Series: bool Series)."""
    cal = shipped_calendar(calendar)
    if _is_array(dates):
        return dates.map_blocks(_block_is_working, cal, dtype=bool)
    return dates.map_partitions(_part_is_working, cal,
                                meta=_meta_series(dates, bool))


def add(dates: Any, n: Any, calendar: Any = None) -> Any:
    """The n-th working day after each date (before, for n < 0); n an int
    or a collection chunked (partitioned) as dates."""
    cal = shipped_calendar(calendar)
    if _is_array(dates):
        import dask.array as da

        return da.map_blocks(_block_add, dates, n, cal, dtype=_DAY)
    return dates.map_partitions(_part_add, n, cal,
                                meta=_meta_series(dates, "datetime64[ns]"))


def count(begin: Any, end: Any, calendar: Any = None) -> Any:
    """Working days in [begin, end); end a date or a collection chunked
    (partitioned) as begin."""
    cal = shipped_calendar(calendar)
    if _is_array(begin):
        import dask.array as da

        if not _is_array(end):
            end = np.datetime64(end, "D")
        return da.map_blocks(_block_count, begin, end, cal, dtype=np.int64)
    return begin.map_partitions(_part_count, end, cal,
                                meta=_meta_series(begin, np.int64))


def roll(dates: Any, convention: str = "following", calendar: Any = None
         ) -> Any:
    """Each date rolled to a working day by convention ('following',
    'preceding', 'modifiedfollowing', 'modifiedpreceding', 'nat')."""
    cal = shipped_calendar(calendar)
    if _is_array(dates):
        return dates.map_blocks(_block_roll, convention, cal, dtype=_DAY)
    return dates.map_partitions(_part_roll, convention, cal,
                                meta=_meta_series(dates, "datetime64[ns]"))


def notice_check(rule: str, given: Any, event: Any, cutoff: Any = None,
                 calendar: Any = None, explain: bool = False) -> Any:
    """ukwd.pandas.notice_check partition by partition: given a Dask
    Series of notice dates (a time of day meets the cut-off), event a
    Series partitioned alike or one date. A Dask DataFrame with the
    columns of ukwd.notice.Result, indexed as given."""
    import pandas as pd

    cal = shipped_calendar(calendar)
    columns = {"compliant": bool, "deemed_received": "datetime64[ns]",
               "given": np.int32, "counted_unit": object,
               "shortfall": np.int32, "deadline": "datetime64[ns]",
               "earliest_event": "datetime64[ns]",
               "earliest_working_event": "datetime64[ns]",
               "event_not_working": bool}
    if explain:
        columns["explanation"] = object
    meta = pd.DataFrame({k: pd.Series([], dtype=v)
                         for k, v in columns.items()})
    return given.map_partitions(_part_notice, event, rule, cutoff, explain,
                                cal, meta=meta)
