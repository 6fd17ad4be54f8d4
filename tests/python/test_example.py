"""examples/python/uep_plan.py runs: it plans the User Entry Process,
checks the sample notices with pandas and writes the HTML chart
(issue 17)."""
import datetime
import os
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

import pandas as pd

import ukwd
import ukwd.uep

EXAMPLE = (pathlib.Path(__file__).resolve().parent.parent.parent
           / "examples" / "python")


def run(*args, cwd):
    return subprocess.run([sys.executable, str(EXAMPLE / "uep_plan.py"),
                           *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ))


def test_the_example_plans_checks_and_charts(tmp_path):
    done = run("--roles", "import-supplier,gas-supplier",
               "--notices", str(EXAMPLE / "notices.csv"),
               "--html", "chart.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    sched = ukwd.uep.plan(roles=["import-supplier", "gas-supplier"])
    assert (f"start by {sched.start}, DCC User by {sched.finish} "
            f"({sched.working_days} working days)") in done.stdout
    for task_id in sched.plan.ids:
        assert task_id in done.stdout
    # Each notice as the scalar call sees it.
    notices = pd.read_csv(EXAMPLE / "notices.csv")
    compliant = [
        ukwd.notice.check("uept-notice",
                          datetime.datetime.fromisoformat(r.received),
                          r.event, cutoff="17:00").compliant
        for r in notices.itertuples()]
    assert 0 < sum(compliant) < len(compliant)
    assert f"{sum(compliant)} of {len(compliant)} comply" in done.stdout
    html = (tmp_path / "chart.html").read_text(encoding="utf-8")
    assert html == sched.render(
        "html", title="User Entry Process: domestic-small-supplier, "
                      "import-supplier,gas-supplier")
    ET.fromstring(html.split("\n", 1)[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.html"]


def test_bad_input_fails_cleanly_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("party,received,event\nX,2024-13-01,2024-04-02\n")
    done = run("--notices", str(bad), "--html", "chart.html", cwd=tmp_path)
    assert done.returncode == 2
    assert "bad.csv" in done.stderr
    assert not (tmp_path / "chart.html").exists()
    done = run("--roles", "import-supplier,nobody", cwd=tmp_path)
    assert done.returncode == 2 and "nobody" in done.stderr


def test_the_example_gives_the_risk_of_the_plan(tmp_path):
    done = run("--risk", "3000", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    sched = ukwd.uep.plan()
    risk = sched.risk(3000, seed=0)
    assert (f"Risk (3000 iterations, triangular): a "
            f"{risk.deadline_probability:.0%} chance of being a DCC User by "
            f"{risk.deadline} when starting on {sched.start}; start by "
            f"{risk.latest_start(0.8)} for 80 %, by "
            f"{risk.latest_start(0.95)} for 95 %") in done.stdout
    done = run("--risk", "0", cwd=tmp_path)
    assert done.returncode == 2 and "--risk" in done.stderr
