"""`pip install .` through meson-python works offline and gives a module
that imports from outside the source tree (issue 17, suite python-install).

The tracked files of the source tree are copied to a scratch directory
(meson-python writes into the tree it builds), a venv is made over the
system's site-packages (numpy and meson-python from Debian), the package
is installed into it with no index, and the installed module is run from
another directory: its file must be the venv's, and it must answer a
working-day question and hold its type stubs.

Usage: check_install.py SOURCE_DIR (run by meson test --suite
python-install). Needs python3-mesonpy and python3-venv.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


def tracked_files(source):
    """The files of the source tree without build directories: git's list
    when it is a checkout, else everything but build* and dot-folders."""
    if (source / ".git").exists() and shutil.which("git"):
        out = subprocess.run(["git", "-C", str(source), "ls-files", "-z"],
                             check=True, capture_output=True).stdout
        return [name for name in out.decode().split("\0") if name]
    names = []
    for root, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs
                   if not d.startswith((".", "build")) or d == ".ci"]
        names += [os.path.relpath(os.path.join(root, f), source)
                  for f in files]
    return names


def run(args, **kw):
    done = subprocess.run(args, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        raise SystemExit(f"FAIL: {' '.join(map(str, args))} exited "
                         f"{done.returncode}")
    return done.stdout


def main():
    source = pathlib.Path(sys.argv[1]).resolve()
    try:
        import mesonpy  # noqa: F401
    except ImportError:
        raise SystemExit("FAIL: meson-python is not installed for "
                         f"{sys.executable} (Debian: python3-mesonpy)")
    with tempfile.TemporaryDirectory(prefix="ukwd-install-") as scratch:
        scratch = pathlib.Path(scratch)
        copy, venv, away = scratch / "src", scratch / "venv", scratch / "away"
        for name in tracked_files(source):
            if not (source / name).is_file():
                continue  # deleted in the working copy
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, copy / name)
        if not (copy / "pyproject.toml").is_file():
            raise SystemExit("FAIL: no pyproject.toml in the source tree")
        away.mkdir()
        run([sys.executable, "-m", "venv", "--system-site-packages",
             str(venv)])
        python = venv / "bin" / "python"
        env = dict(os.environ, PIP_NO_INDEX="1", PIP_NO_CACHE_DIR="1",
                   PIP_DISABLE_PIP_VERSION_CHECK="1")
        env.pop("PYTHONPATH", None)  # the build directory's module
        run([str(python), "-m", "pip", "install", "--no-build-isolation",
             "--no-index", str(copy)], env=env, cwd=away)
        probe = (
            "import pathlib, sys, ukwd\n"
            "cal = ukwd.Calendar.uk('england-and-wales', years=(2024, 2025))\n"
            "here = pathlib.Path(ukwd.__file__)\n"
            "print(here.parent.parent)\n"
            "print(cal.count('2024-01-01', '2025-01-01'))\n"
            "print(cal.add('2024-12-24', 1))\n"
            "print((here.parent / '__init__.pyi').is_file()"
            " and (here.parent / 'pandas.py').is_file())\n")
        out = run([str(python), "-c", probe], env=env, cwd=away).split("\n")
        where = pathlib.Path(out[0]).resolve()
        if venv.resolve() not in where.parents:
            raise SystemExit(f"FAIL: ukwd imported from {where}, not from "
                             f"the venv {venv}")
        # 2024 in England and Wales: 262 weekdays, 8 bank holidays.
        expected = ["254", "2024-12-27", "True"]
        if out[1:4] != expected:
            raise SystemExit(f"FAIL: the installed module answered "
                             f"{out[1:4]}, expected {expected}")
        print(f"ok: pip install . -> {where}; {' '.join(out[1:4])}")


if __name__ == "__main__":
    main()
