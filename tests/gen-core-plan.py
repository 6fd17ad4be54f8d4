#!/usr/bin/env python3
"""Write a plan CSV of N tasks with about three predecessors each (a random
DAG over a window of the 2,000 tasks before, fixed seed), as
tests/bench-schedule.c builds it, for profiling ukwd-plan by hand:

    tests/gen-core-plan.py 1000000 > plan.csv
    ukwd-plan --tasks plan.csv --start 2024-01-01 --format csv > /dev/null
"""
import random
import sys


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    rng = random.Random(20240101)
    out = sys.stdout
    out.write("id,name,duration,predecessors\n")
    lines = []
    for i in range(count):
        preds = set()
        if i:
            for _ in range(3):
                preds.add(rng.randrange(max(0, i - 2000), i))
        lines.append("t%d,Task %d,%d,%s\n" % (
            i, i, rng.randrange(1, 11), ";".join("t%d" % p for p in sorted(preds))))
        if len(lines) >= 10000:
            out.write("".join(lines))
            lines = []
    out.write("".join(lines))


if __name__ == "__main__":
    main()
