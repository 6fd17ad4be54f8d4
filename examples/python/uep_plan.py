#!/usr/bin/env python3
"""Plan the SEC User Entry Process and check a batch of UEPT notices with
the ukwd Python package (issue 17).

    uep_plan.py [--party P] [--roles R1,R2] [--deadline YYYY-MM-DD]
                [--risk N] [--notices FILE.csv] [--html FILE.html]

It schedules the User Entry Process backward to the deadline (by default
the party's mandate date) over the SEC calendar and prints each stage's
latest dates; with --risk N it runs N Monte Carlo iterations over the
stages' three-point estimates and prints the latest start for an 80 %
and a 95 % chance of meeting the deadline; it reads a CSV of notices (columns party, received, event;
received may carry a time of day, which meets the 17:00 cut-off), checks
each against the 60-working-day UEPT notice rule with pandas, and prints
which comply; with --html it writes the plan's Gantt chart (a temporary
file renamed into place, so a failed run leaves no partial chart).
"""
import argparse
import os
import sys
import tempfile

import pandas as pd

import ukwd
import ukwd.pandas  # noqa: F401  (the .ukwd accessor)
import ukwd.uep


def write_atomically(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".uep_plan-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--party", default="domestic-small-supplier")
    parser.add_argument("--roles", default="import-supplier")
    parser.add_argument("--deadline", help="YYYY-MM-DD (default: mandate)")
    parser.add_argument("--risk", type=int, metavar="N",
                        help="Monte Carlo iterations (seed 0)")
    parser.add_argument("--notices", help="CSV: party, received, event")
    parser.add_argument("--html", help="write the Gantt chart here")
    args = parser.parse_args(argv)

    sec = ukwd.Calendar.uk("sec")
    try:
        schedule = ukwd.uep.plan(args.party, args.roles.split(","),
                                 deadline=args.deadline, calendar=sec)
    except ukwd.Error as e:
        print(f"uep_plan: {e}", file=sys.stderr)
        return 2
    print(f"User Entry Process for a {args.party} ({args.roles}): "
          f"start by {schedule.start}, DCC User by {schedule.finish} "
          f"({schedule.working_days} working days)")
    tasks = schedule.to_dataframe()
    late = tasks[["late_start", "late_finish", "total_float", "source"]]
    print(late.to_string(formatters={
        "late_start": lambda d: f"{d:%Y-%m-%d}",
        "late_finish": lambda d: f"{d:%Y-%m-%d}"}))

    if args.risk is not None:
        try:
            risk = schedule.risk(args.risk, seed=0)
        except ukwd.Error as e:
            print(f"uep_plan: --risk: {e}", file=sys.stderr)
            return 2
        print()
        print(f"Risk ({risk.iterations} iterations, {risk.distribution}): "
              f"a {risk.deadline_probability:.0%} chance of being a DCC "
              f"User by {risk.deadline} when starting on {schedule.start}; "
              f"start by {risk.latest_start(0.8)} for 80 %, "
              f"by {risk.latest_start(0.95)} for 95 %")

    if args.notices:
        try:
            notices = pd.read_csv(args.notices,
                                  parse_dates=["received", "event"])
            checks = notices["received"].ukwd.notice_check(
                "uept-notice", notices["event"], cutoff="17:00",
                calendar=sec)
        except (OSError, ValueError, KeyError, ukwd.Error) as e:
            print(f"uep_plan: {args.notices}: {e}", file=sys.stderr)
            return 2
        table = notices[["party"]].join(
            checks[["compliant", "deemed_received", "given", "deadline"]])
        print()
        print("UEPT notices (60 clear working days, 17:00 cut-off):")
        print(table.to_string(index=False, formatters={
            "deemed_received": lambda d: f"{d:%Y-%m-%d}",
            "deadline": lambda d: f"{d:%Y-%m-%d}"}))
        print(f"{int(checks['compliant'].sum())} of {len(checks)} comply")

    if args.html:
        title = f"User Entry Process: {args.party}, {args.roles}"
        try:
            write_atomically(args.html, schedule.render("html", title=title))
        except OSError as e:
            print(f"uep_plan: {args.html}: {e}", file=sys.stderr)
            return 2
        print(f"wrote {args.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
