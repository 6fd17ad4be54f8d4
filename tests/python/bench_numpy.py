#!/usr/bin/env python3
"""ukwd against numpy's busday_* on the same arrays, holidays and weekmask
(issue 17): 10 M random queries each of count, add (busday_offset) and
is-working, vectorised, on the SEC calendar 1971-2100. CPU time (user +
sys of this process, time.process_time), best of --repeat runs, so that
other work on the machine counts less. Prints each ratio against the
issue's floor: count and add at least 10x numpy, is-working at least 3x.
usage: bench_numpy.py [--size N] [--repeat R]"""
import argparse
import time

import numpy as np

import ukwd

FLOORS = {"count": 10.0, "add": 10.0, "is_working": 3.0}


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return min(times), result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    cal = ukwd.Calendar.uk("sec")
    numpy_cal = np.busdaycalendar(weekmask=cal.weekmask,
                                  holidays=cal.holidays())
    rng = np.random.default_rng(17)
    low = np.datetime64("1980-01-01").astype(np.int64)
    high = np.datetime64("2090-01-01").astype(np.int64)
    dates = rng.integers(low, high, args.size).astype("datetime64[D]")
    ends = dates + rng.integers(-3000, 3001, args.size).astype("timedelta64[D]")
    offsets = rng.integers(-500, 501, args.size)

    cases = {
        "count": (lambda: cal.busday_count(dates, ends),
                  lambda: np.busday_count(dates, ends, busdaycal=numpy_cal)),
        "add": (lambda: cal.busday_offset(dates, offsets, roll="forward"),
                lambda: np.busday_offset(dates, offsets, roll="forward",
                                         busdaycal=numpy_cal)),
        "is_working": (lambda: cal.is_busday(dates),
                       lambda: np.is_busday(dates, busdaycal=numpy_cal)),
    }
    print(f"{args.size:,} queries each, SEC calendar, {len(cal.holidays()):,} "
          f"holidays; CPU seconds, best of {args.repeat}")
    print(f"{'query':<12}{'ukwd':>10}{'numpy':>10}{'ns/q ukwd':>11}"
          f"{'ratio':>9}{'floor':>8}")
    below = []
    for name, (ours, theirs) in cases.items():
        t_ours, r_ours = best(ours, args.repeat)
        t_theirs, r_theirs = best(theirs, args.repeat)
        if not np.array_equal(r_ours, r_theirs):
            raise SystemExit(f"{name}: ukwd and numpy disagree")
        ratio = t_theirs / t_ours if t_ours > 0 else float("inf")
        floor = FLOORS[name]
        if ratio < floor:
            below.append(name)
        print(f"{name:<12}{t_ours:>10.3f}{t_theirs:>10.3f}"
              f"{t_ours / args.size * 1e9:>11.1f}{ratio:>8.1f}x{floor:>7.0f}x"
              f"{'' if ratio >= floor else '  BELOW FLOOR'}")
    t_add, _ = best(lambda: cal.add(dates, offsets + (offsets == 0)),
                    args.repeat)
    print(f"(ukwd add, libukwd's meaning: {t_add:.3f} s, "
          f"{t_add / args.size * 1e9:.1f} ns/q)")
    print("all at or above their floors" if not below
          else "below the floor: " + ", ".join(below))


if __name__ == "__main__":
    main()
