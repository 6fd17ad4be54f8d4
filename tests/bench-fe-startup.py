#!/usr/bin/env python3
"""Start-up cost of the front-ends against starting `date`.

usage: bench-fe-startup.py EXAMPLES_DIR [RUNS]

Runs each command RUNS times (default 200, the commands taking turns),
standard output and error to /dev/null, and prints milliseconds per run
and the ratio to `date`:
  date
  ukwd-cal is 2026-12-28
  ukwd-cal add 2026-12-24 5
  ukwd-plan                 (the User Entry Process, UKWD_TODAY fixed)
The goal (issue 13): one query within 3x the cost of starting `date`.
"""
import os
import shutil
import sys
import time


def spawn(argv, env, actions):
    """Seconds to run argv once, waiting for it."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("%s exited %d" % (" ".join(argv), code))
    return elapsed


def run_all(commands, runs, env):
    """Milliseconds per run of each command. The commands take turns, run
    by run, so that a machine busy for a while slows them all alike and
    the ratios stay fair."""
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [
        (os.POSIX_SPAWN_DUP2, devnull, 0),
        (os.POSIX_SPAWN_DUP2, devnull, 1),
        (os.POSIX_SPAWN_DUP2, devnull, 2),
    ]
    totals = [0.0] * len(commands)
    for _ in range(runs):
        for i, (_, argv) in enumerate(commands):
            totals[i] += spawn(argv, env, actions)
    os.close(devnull)
    return [total * 1000.0 / runs for total in totals]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    examples = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    date = shutil.which("date")
    if not date:
        print("no date(1) on PATH: skipped")
        return 77
    env = dict(os.environ)
    env["UKWD_TODAY"] = "2026-03-02"
    cal = os.path.join(examples, "ukwd-cal")
    plan = os.path.join(examples, "ukwd-plan")
    commands = [
        ("date", [date]),
        ("ukwd-cal is 2026-12-28", [cal, "is", "2026-12-28"]),
        ("ukwd-cal add 2026-12-24 5", [cal, "add", "2026-12-24", "5"]),
        ("ukwd-plan (UEP, UKWD_TODAY=2026-03-02)", [plan]),
    ]
    run_all(commands, 3, env)  # the page cache
    times = run_all(commands, runs, env)
    print("%-40s %10s %8s" % ("command (%d runs each)" % runs, "ms/run",
                              "x date"))
    for (label, _), ms in zip(commands, times):
        print("%-40s %10.2f %8.2f" % (label, ms, ms / times[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
