"""Threads sharing one Calendar: every thread's answers equal the
single-threaded ones (issue 17). The batch calls release the GIL, so the
threads' calls overlap inside libukwd."""
import threading

import numpy as np

import ukwd

THREADS = 8
ROUNDS = 20
SIZE = 50_000


def test_threads_share_a_calendar(sec):
    rng = np.random.default_rng(17)
    low = np.datetime64("1990-01-01").astype(np.int64)
    dates = rng.integers(low, low + 30 * 365, SIZE).astype("datetime64[D]")
    n = rng.integers(1, 300, SIZE)
    expected = (sec.is_working(dates), sec.add(dates, n),
                sec.count(dates, dates + 400))
    failures = []
    start = threading.Barrier(THREADS)

    def work(k):
        start.wait()
        for _ in range(ROUNDS):
            got = (sec.is_working(dates), sec.add(dates, n),
                   sec.count(dates, dates + 400))
            for g, e in zip(got, expected):
                if not np.array_equal(g, e):
                    failures.append(k)
                    return

    threads = [threading.Thread(target=work, args=(k,))
               for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_threads_see_errors_of_their_own(england):
    errors = [None] * THREADS

    def work(k):
        dates = np.full(1000, np.datetime64("2023-06-05"))
        dates[k * 10] = np.datetime64("2300-01-01")
        try:
            england.is_working(dates)
        except ukwd.ERANGE as e:
            errors[k] = e.index

    threads = [threading.Thread(target=work, args=(k,))
               for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [k * 10 for k in range(THREADS)]
