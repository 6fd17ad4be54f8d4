#!/usr/bin/env python3
"""Which lib/*.c calls into which, and no loop among them (issue 14).

Reads the library's object files with nm: a file calls into another when
it uses a symbol the other defines. Fails when

- the calls form a loop (a cycle among files), or
- a module calls into one above it in ../shared/DESIGN.md's table, where
  dependencies point down only: base, date, calendar, UK rules, workday,
  notices, plan, schedule, risk, uep, render; ical stands to the side
  (it may use any module; none may use it).

Usage: check-layering.py LIB_BUILD_DIR [--print]
"""
import glob
import os
import subprocess
import sys

# Lowest first; files of one module may call each other (without a loop).
MODULES = [
    ("base", ["util", "error", "version", "source", "suggest", "json"]),
    ("date", ["date"]),
    ("calendar", ["calendar", "days"]),
    ("uk", ["uk"]),
    ("workday", ["workday"]),
    ("notice", ["notice"]),
    ("plan", ["plan", "plan-csv"]),
    ("schedule", ["schedule"]),
    ("progress", ["progress"]),
    ("risk", ["risk"]),
    ("uep", ["uep"]),
    ("render", ["render", "render-text", "render-xml", "render-data",
                "render-table", "render-uep", "render-risk",
                "render-progress"]),
    ("ical", ["ical", "govuk-json", "import"]),
]
SIDE = "ical"


def objects(libdir):
    """The objects of the installed library: libukwd's own, and those of
    the static parts linked whole into it (libukwd-kernels); not the
    test-only alloc-testing copy."""
    dirs = sorted(d for d in glob.glob(os.path.join(libdir, "libukwd*.p"))
                  if "testing" not in d)
    seen = {}
    for d in dirs:
        for f in sorted(glob.glob(os.path.join(d, "*.o"))):
            seen.setdefault(os.path.basename(f), f)
    if not seen:
        sys.exit("check-layering: no libukwd object files in " + libdir)
    return sorted(seen.values())


def graph(files):
    defined, used = {}, {}
    for path in files:
        name = os.path.basename(path)
        name = name[: -len(".c.o")] if name.endswith(".c.o") else name
        out = subprocess.run(["nm", path], capture_output=True, text=True,
                             check=True).stdout
        used[name] = set()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "TDRBV":
                defined[parts[2]] = name
            elif len(parts) == 2 and parts[0] == "U":
                used[name].add(parts[1])
    return {f: sorted({defined[s] for s in syms
                       if s in defined and defined[s] != f})
            for f, syms in used.items()}


def find_cycle(edges):
    state, stack = {}, []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in edges.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if not state.get(nxt):
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if not state.get(node):
            found = visit(node)
            if found:
                return found
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    edges = graph(objects(sys.argv[1]))
    rank = {}
    for i, (module, names) in enumerate(MODULES):
        for n in names:
            rank[n] = (i, module)
    problems = []
    for f in sorted(edges):
        if f not in rank:
            problems.append(f"{f}.c is in no module of the table: add it "
                            "to MODULES in tests/check-layering.py")
    if "--print" in sys.argv or problems:
        for f in sorted(edges):
            print(f"{f}.c -> {' '.join(e + '.c' for e in edges[f]) or '-'}")
    cycle = find_cycle(edges)
    if cycle:
        problems.append("loop: " + " -> ".join(c + ".c" for c in cycle))
    for f in sorted(edges):
        for e in edges[f]:
            if f not in rank or e not in rank:
                continue
            (fi, fm), (ei, em) = rank[f], rank[e]
            if em == SIDE and fm != SIDE:
                problems.append(f"{f}.c ({fm}) calls into {e}.c: nothing "
                                "may depend on ical")
            elif fm != SIDE and ei > fi:
                problems.append(f"{f}.c ({fm}) calls into {e}.c ({em}), a "
                                "module above it")
    for p in problems:
        print("check-layering: " + p)
    print(f"{len(edges)} files, "
          f"{sum(len(v) for v in edges.values())} calls between files, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
