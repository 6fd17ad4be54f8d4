"""ukwd.dask on a distributed.LocalCluster with two worker processes:
10 M rows of is_working, add, count and roll, and 1 M notice checks,
every answer compared with the in-process call (issue 17; suite
python-dask)."""
import dask.array as da
import dask.dataframe as dd
import distributed
import numpy as np
import pandas as pd
import pytest

import ukwd
import ukwd.dask

ROWS = 10_000_000


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                  processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def rows():
    rng = np.random.default_rng(17)
    low = np.datetime64("1990-01-01").astype(np.int64)
    begin = rng.integers(low, low + 36500, ROWS).astype("datetime64[D]")
    end = begin + rng.integers(-400, 400, ROWS).astype("timedelta64[D]")
    n = rng.integers(-250, 250, ROWS)
    return begin, end, n


def test_arrays_on_two_worker_processes_agree_with_in_process(client, rows,
                                                              england):
    begin, end, n = rows
    working = england.roll(begin)
    chunks = ROWS // 8
    d_begin = da.from_array(begin, chunks=chunks)
    d_end = da.from_array(end, chunks=chunks)
    d_working = da.from_array(working, chunks=chunks)
    d_n = da.from_array(n, chunks=chunks)
    lazy = [ukwd.dask.is_working(d_begin, england),
            ukwd.dask.add(d_working, d_n, england),
            ukwd.dask.count(d_begin, d_end, england),
            ukwd.dask.roll(d_begin, "modifiedpreceding", england)]
    got = client.compute(lazy, sync=True)
    want = [england.is_working(begin), england.add(working, n),
            england.count(begin, end), england.roll(begin,
                                                    "modifiedpreceding")]
    for g, w in zip(got, want):
        assert g.dtype == w.dtype and g.shape == (ROWS,)
        np.testing.assert_array_equal(g, w)
    # The work was spread over both workers.
    assert len(client.scheduler_info()["workers"]) == 2


def test_the_calendar_is_one_key_of_the_graph(england):
    x = da.from_array(np.arange(np.datetime64("2020-01-01"),
                                np.datetime64("2021-01-01")), chunks=30)
    y = ukwd.dask.add(ukwd.dask.roll(x, calendar=england), 2, england)
    graph = dict(y.__dask_graph__())
    calendars = [k for k, v in graph.items() if isinstance(v, ukwd.Calendar)]
    assert len(calendars) == 1  # one calendar, shared by both steps
    assert not any(isinstance(a, ukwd.Calendar)
                   for v in graph.values() if isinstance(v, tuple)
                   for a in v)
    assert ukwd.dask.shipped_calendar(england).key == calendars[0]


def test_series_and_notices_on_two_worker_processes(client, rows, sec):
    begin, end, n = rows
    m = ROWS // 10
    frame = pd.DataFrame({"given": begin[:m], "event": end[:m],
                          "n": n[:m]})
    frame = frame[frame["given"] < frame["event"]].reset_index(drop=True)
    ddf = dd.from_pandas(frame, npartitions=6)
    scattered = client.scatter(sec, broadcast=True)
    checks = ukwd.dask.notice_check("uept-notice", ddf["given"], ddf["event"],
                                    calendar=scattered)
    rolled = ukwd.dask.roll(ddf["given"], calendar=sec)
    counted = ukwd.dask.count(ddf["given"], ddf["event"], sec)
    got_checks, got_rolled, got_counted = client.compute(
        [checks, rolled, counted], sync=True)
    want = ukwd.notice.check("uept-notice", frame["given"].to_numpy(),
                             frame["event"].to_numpy(), calendar=sec)
    assert len(got_checks) == len(frame)
    for field, values in want.items():
        if field == "counted_unit":
            assert set(got_checks[field]) == {values}
            continue
        got = got_checks[field].to_numpy()
        if got.dtype.kind == "M":
            got = got.astype("datetime64[D]")
        np.testing.assert_array_equal(got, values, err_msg=field)
    np.testing.assert_array_equal(
        got_rolled.to_numpy().astype("datetime64[D]"),
        sec.roll(frame["given"].to_numpy()))
    np.testing.assert_array_equal(
        got_counted.to_numpy(),
        sec.count(frame["given"].to_numpy(), frame["event"].to_numpy()))
