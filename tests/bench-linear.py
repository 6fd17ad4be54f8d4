#!/usr/bin/env python3
"""Hostile inputs at two sizes: is every tool linear, and within memory?

Issue 13 found small inputs that cost minutes or gigabytes. For each kind
this benchmark generates the input at a size N and at 4N, runs the
front-end on it, and prints the CPU time (user + system) and peak memory
of each run and the ratio of the times: about 4 when the work is linear in the input,
about 16 when it is quadratic. A run is stopped after TIMEOUT seconds (and
counts as such). An input refused quickly with a clear error is fine: the
point is that no input costs more than its size.

usage: bench-linear.py BINDIR [SCALE [KIND...]]
  BINDIR  the directory holding ukwd-cal and ukwd-plan
  SCALE   multiplies every size (default 1)
  KIND    run only the kinds whose name contains one of these words
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

TIMEOUT = 120
MEMORY_LIMIT = 2 << 30  # bytes: no input under 1 GB may use more
# Each run's address space is capped at twice that, so that a tool that
# would take gigabytes fails here instead of taking the machine down.
ADDRESS_LIMIT = 2 * MEMORY_LIMIT


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))


def run(argv, stdin_path=None):
    """CPU seconds (user + system: what the command itself costs, steady
    on a shared machine), peak resident KiB, exit status (None: timed
    out; the time-out is on wall time)."""
    stdin = open(stdin_path, 'rb') if stdin_path else subprocess.DEVNULL
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            preexec_fn=limit_memory)
    deadline = start + TIMEOUT
    status = None
    while True:
        pid, raw, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(raw)
            break
        if time.monotonic() > deadline:
            proc.kill()
            _, raw, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    if stdin_path:
        stdin.close()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss, status


def ics(events):
    lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN']
    lines += events
    lines.append('END:VCALENDAR')
    return '\r\n'.join(lines) + '\r\n'


def event(uid, start, end, summary, extra=()):
    return '\r\n'.join(['BEGIN:VEVENT', 'UID:%s' % uid,
                        'DTSTAMP:20200101T000000Z',
                        'DTSTART;VALUE=DATE:%s' % start,
                        'DTEND;VALUE=DATE:%s' % end,
                        'SUMMARY:%s' % summary] + list(extra) +
                       ['END:VEVENT'])


# Each kind: (name, what n counts, base n, writer(path, n) -> argv tail).
def whole_range_events(path, n):
    """Item 3: n all-day events spanning 1971-9999, 300-byte titles."""
    title = 'x' * 300
    with open(path, 'w') as f:
        f.write(ics([event('e%d' % i, '19710101', '99991231', title)
                     for i in range(n)]))
    return ['ukwd-cal', '--holidays', path, 'is', '2026-12-28']


def govuk_descending(path, n):
    """Item 4: GOV.UK JSON with n events in descending order."""
    import datetime
    day = datetime.date(1971, 1, 1)
    events = []
    for i in range(n):
        d = day + datetime.timedelta(days=(i * 7) % 2900000)
        if d.year > 9999:
            break
        events.append('{"title":"E%d","date":"%s","notes":"","bunting":false}'
                      % (i, d.isoformat()))
    events.reverse()
    with open(path, 'w') as f:
        f.write('{"england-and-wales":{"division":"england-and-wales",'
                '"events":[%s]}}' % ','.join(events))
    return ['ukwd-cal', '--division', 'england-and-wales', '--holidays',
            path, 'is', '2026-12-28']


def sub_daily(path, n):
    """Item 5: n events with a minutely rule each."""
    with open(path, 'w') as f:
        f.write(ics([event('m%d' % i, '20200101', '20200102', 'M',
                           ['RRULE:FREQ=MINUTELY'])
                     for i in range(n)]))
    return ['ukwd-cal', '--holidays', path, 'is', '2026-12-28']


def long_line(path, n):
    """Item 6: one physical line of n bytes."""
    with open(path, 'w') as f:
        f.write(ics([event('l', '20200101', '20200102', 'x' * n)]))
    return ['ukwd-cal', '--holidays', path, 'is', '2026-12-28']


def ics_chain(path, n):
    """Item 7: a chain of n tasks exported as iCalendar."""
    with open(path, 'w') as f:
        f.write('id,name,duration,predecessors\n')
        f.write('t0,T,1,\n')
        for i in range(1, n):
            f.write('t%d,T,1,t%d\n' % (i, i - 1))
    return ['ukwd-plan', '--tasks', path, '--start', '1971-01-04',
            '--format', 'ics']


def many_fields(path, n):
    """Item 8: one CSV record with n fields."""
    with open(path, 'w') as f:
        f.write('id,name,duration,predecessors\n')
        f.write('a,A,1,' + ',' * n + '\n')
    return ['ukwd-plan', '--tasks', path, '--start', '2023-01-03']


def ordinary_ids(path, n):
    """Item 9's baseline: n unlinked tasks with ordinary ids."""
    with open(path, 'w') as f:
        f.write('id,name,duration,predecessors\n')
        for i in range(n):
            f.write('task-%d,T,1,\n' % i)
    return ['ukwd-plan', '--tasks', path, '--start', '2023-01-03',
            '--format', 'csv']


KINDS = [
    ('whole-range events (3)', 'events', 2, whole_range_events),
    ('GOV.UK JSON descending (4)', 'events', 50000, govuk_descending),
    ('minutely rules (5)', 'rules', 2, sub_daily),
    ('one long line (6)', 'bytes', 2000000, long_line),
    ('iCalendar export of a chain (7)', 'tasks', 10000, ics_chain),
    ('fields in one CSV record (8)', 'fields', 2000000, many_fields),
    ('ordinary task ids (9)', 'tasks', 100000, ordinary_ids),
]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    bindir = sys.argv[1]
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    only = sys.argv[3:]
    over = 0
    print('%-34s %10s %9s %9s %9s %9s %6s' %
          ('input', 'n', 'CPU s', 'MiB', '4n CPU s', '4n MiB', 'ratio'))
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit, base, write in KINDS:
            if only and not any(word in name for word in only):
                continue
            n = max(1, int(base * scale))
            results = []
            for size in (n, 4 * n):
                path = os.path.join(tmp, 'input')
                argv = write(path, size)
                argv[0] = os.path.join(bindir, argv[0])
                seconds, kib, status = run(argv)
                results.append((seconds, kib, status))
                if kib * 1024 > MEMORY_LIMIT:
                    over += 1
                os.unlink(path)
            (t1, m1, s1), (t4, m4, s4) = results
            ratio = t4 / t1 if t1 > 0 else float('inf')
            note = ''
            if s1 is None or s4 is None:
                note = '  (timed out)'
            elif s1 not in (0, 1, 2) or s4 not in (0, 1, 2):
                note = '  (killed: status %s, %s)' % (s1, s4)
            print('%-34s %10d %9.3f %9.1f %9s %9.1f %6.1f%s' %
                  (name, n, t1, m1 / 1024,
                   '%.3f' % t4 if s4 is not None else 'timeout',
                   m4 / 1024, ratio, note), flush=True)
    print('runs over %d MiB: %d' % (MEMORY_LIMIT >> 20, over))


if __name__ == '__main__':
    main()
