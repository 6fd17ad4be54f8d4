"""Schedule.risk() and ukwd.Risk: libukwd's Monte Carlo over three-point
estimates from Python (issue 17, "risk when that exists")."""
import csv
import datetime
import io
import json
import math
import sys
import threading
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

import ukwd
import ukwd.uep

CSV = """id,name,duration,predecessors,optimistic,most_likely,pessimistic
design,Design,5,,3,5,10
build,Build,3,design,2,3,6
docs,Write the docs,2,design,2,2,2
review,Review,1,build;docs,,,
"""


def d(text):
    return datetime.date.fromisoformat(text)


@pytest.fixture(scope="module")
def schedule(england):
    return ukwd.Plan.from_csv(CSV).schedule(england, start="2024-01-08")


def everything(risk):
    """All a Risk says, as plain values, to compare two runs."""
    hist = {t: {k: v.tolist() for k, v in risk.histogram(t).items()}
            for t in [None] + list(risk.schedule.plan.ids)}
    return (risk.finish, risk.mean_working_days, risk.deadline,
            risk.deadline_probability,
            {k: v.tolist() for k, v in risk.tasks().items()}, hist,
            risk.render("json"), risk.render("csv"))


@pytest.mark.parametrize("distribution", ["triangular", "pert"])
def test_same_seed_same_results_on_one_and_two_threads(schedule, distribution):
    one = schedule.risk(3000, seed=11, distribution=distribution, threads=1,
                        deadline="2024-01-26")
    two = schedule.risk(3000, seed=11, distribution=distribution, threads=2,
                        deadline="2024-01-26")
    assert one.distribution == two.distribution == distribution
    assert one.seed == 11 and one.iterations == 3000
    assert everything(one) == everything(two)
    # Another seed draws other durations: the comparison can fail.
    other = schedule.risk(3000, seed=12, distribution=distribution)
    assert everything(other)[5] != everything(one)[5]


def test_equal_estimates_never_move(england):
    plan = ukwd.Plan.from_csv(
        "id,name,duration,predecessors,optimistic,most_likely,pessimistic\n"
        "a,A,4,,4,4,4\n"
        "b,B,2,a,2,2,2\n"
        "c,C,7,,,,\n"
        "m,Milestone,0,b;c,,,\n")
    sched = plan.schedule(england, start="2024-03-25")  # Easter week
    planned = sched.tasks()
    for distribution in ["triangular", "pert"]:
        risk = sched.risk(500, seed=5, distribution=distribution)
        finish = risk.finish
        assert {finish[k] for k in
                ["p10", "p50", "p80", "p90", "p95", "min", "max", "mean"]} \
            == {sched.finish}
        assert risk.mean_working_days == sched.working_days
        hist = risk.histogram()
        assert hist["date"].tolist() == [sched.finish]
        assert hist["count"].tolist() == [500]
        tasks = risk.tasks()
        for k in ["p10", "p50", "p95", "min", "max", "mean"]:
            assert np.array_equal(tasks[k], planned["early_finish"]), k
        assert np.array_equal(tasks["criticality"],
                              planned["critical"].astype(float))
        assert not tasks["varies"].any()
        assert (tasks["sensitivity"] == 0).all()


def rounded_pmf(o, m, p, distribution):
    """P(D = k) for D = floor(X + 0.5), X triangular or PERT-Beta on
    [o, p] with mode m, k = o..p (ukwd/risk.h, "Draws")."""
    ks = np.arange(o, p + 1)
    edges = np.clip(np.concatenate([ks - 0.5, [p + 0.5]]), o, p)
    if distribution == "triangular":
        def cdf(x):
            return np.where(
                x <= m, (x - o) ** 2 / ((p - o) * (m - o) or 1),
                1 - (p - x) ** 2 / ((p - o) * (p - m) or 1))
        c = cdf(edges)
    else:
        a = 1 + 4 * (m - o) / (p - o)
        b = 1 + 4 * (p - m) / (p - o)
        grid = np.linspace(0, 1, 200001)
        pdf = grid ** (a - 1) * (1 - grid) ** (b - 1)
        cum = np.concatenate([[0], np.cumsum((pdf[1:] + pdf[:-1]) / 2)])
        c = np.interp((edges - o) / (p - o), grid, cum / cum[-1])
    return ks, np.diff(c)


@pytest.mark.parametrize("distribution", ["triangular", "pert"])
def test_a_chain_takes_the_sum_of_its_means(england, distribution):
    # Skewed estimates: the sum of the modes (3 + 4) is far from the
    # sum of the means, so a run that ignored the draws would fail.
    estimates = [(2, 3, 12), (1, 4, 9)]
    plan = ukwd.Plan.from_csv(
        "id,name,duration,predecessors,optimistic,most_likely,pessimistic\n"
        "a,A,3,,2,3,12\n"
        "b,B,4,a,1,4,9\n")
    n = 20000
    risk = plan.schedule(england, start="2024-01-08").risk(
        n, seed=2024, distribution=distribution, threads=2)
    mean = var = 0.0
    for o, m, p in estimates:
        ks, pmf = rounded_pmf(o, m, p, distribution)
        mu = float((ks * pmf).sum())
        mean += mu
        var += float(((ks - mu) ** 2 * pmf).sum())
    error = math.sqrt(var / n)
    assert abs(risk.mean_working_days - mean) < 4 * error
    assert abs(risk.mean_working_days - 7) > 10 * error
    # mean_index is the same mean as a working-day number.
    start = england.count(england.first, "2024-01-08")
    assert risk.finish["mean_index"] - start + 1 == \
        pytest.approx(risk.mean_working_days, abs=1e-9)
    # And the histogram says the same.
    hist = risk.histogram()
    lengths = england.count("2024-01-08", hist["date"]) + 1
    assert hist["count"].sum() == n
    assert (lengths * hist["count"]).sum() / n == \
        pytest.approx(risk.mean_working_days, abs=1e-9)


def test_percentiles_histogram_and_probability_agree(schedule, england):
    risk = schedule.risk(4000, seed=3, deadline="2024-01-25")
    hist = risk.histogram()
    share = np.cumsum(hist["count"]) / 4000
    for name, p in [("p10", .1), ("p50", .5), ("p80", .8), ("p90", .9),
                    ("p95", .95)]:
        day = risk.finish[name]
        assert risk.percentile(p) == day
        # The first working day by which a share p had finished.
        j = list(hist["date"].astype(object)).index(day)
        assert share[j] >= p - 1e-12 and (j == 0 or share[j - 1] < p)
        assert risk.probability(day) == pytest.approx(share[j])
    assert risk.finish["min"] == hist["date"][0]
    assert risk.finish["max"] == hist["date"][-1]
    # A Sunday counts as the Friday before it.
    assert risk.probability("2024-01-21") == risk.probability("2024-01-19")
    assert risk.deadline == d("2024-01-25")
    assert risk.deadline_probability == risk.probability("2024-01-25")
    tasks = risk.to_dataframe()
    assert list(tasks.index) == list(schedule.plan.ids)
    for i, task in enumerate(schedule.plan.ids):
        assert tasks.loc[task, "p80"] == pd.Timestamp(
            risk.percentile(0.8, task))
        assert risk.percentile(0.8, i) == risk.percentile(0.8, task)
        th = risk.histogram(task)
        assert th["count"].sum() == 4000
        assert np.all(england.is_working(th["date"]))
    # review waits for build and docs; build lies on every critical path.
    assert tasks.loc["review", "criticality"] == 1.0
    assert tasks.loc["design", "sensitivity"] > \
        tasks.loc["build", "sensitivity"] > 0
    assert tasks.loc["docs", "sensitivity"] == 0
    assert pd.Series(risk.finish)["p50"] == risk.percentile(0.5)
    # No deadline: None.
    assert schedule.risk(10).deadline is None
    assert schedule.risk(10).deadline_probability is None


def test_backward_latest_start_and_branches(england):
    plan = ukwd.Plan.from_csv(CSV)
    sched = plan.schedule(england, finish="2024-03-28")
    branch = {"task": "build", "probability": 0.25, "duration": 5,
              "max_cycles": 2, "id": "retest", "source": "proposed",
              "citation": "our guess"}
    plain = sched.risk(4000, seed=9)
    risk = sched.risk(4000, seed=9, branches=[branch])
    assert risk.deadline == sched.finish
    assert risk.latest_start(0.95) <= risk.latest_start(0.5)
    # The branch lengthens the plan, so the start that meets the finish
    # with 80 % is earlier, by about 0.25 x 5 + 0.0625 x 5 working days.
    assert risk.latest_start(0.8) < plain.latest_start(0.8)
    assert risk.mean_working_days - plain.mean_working_days == \
        pytest.approx(5 * (0.25 + 0.0625), abs=0.3)
    (got,) = risk.branches()
    assert got["task"] == "build" and got["id"] == "retest"
    assert got["source"] == "PROPOSED" and got["citation"] == "our guess"
    assert got["taken"] == pytest.approx(0.25, abs=0.03)
    assert got["mean_cycles"] == pytest.approx(0.3125, abs=0.04)
    assert plain.branches() == []
    # The start histogram is what varies backward.
    start = risk.histogram(start=True)
    assert start["count"].sum() == 4000
    assert start["date"][-1] >= np.datetime64(risk.latest_start(0.0))
    # Probability 0: exactly the run without it.
    none = sched.risk(4000, seed=9, branches=[dict(branch, probability=0)])
    assert everything(none)[:6] == everything(plain)[:6]


def test_the_uep_plan_has_risk():
    sched = ukwd.uep.plan()
    risk = sched.risk(2000, seed=1)
    # The deadline as given: the mandate date, a Saturday.
    assert risk.deadline == ukwd.uep.mandate_date("domestic-small-supplier")
    # Backward, the share of iterations that can start on the
    # schedule's own start and still finish in time.
    start = risk.histogram(start=True)
    on_time = start["count"][start["date"] >= np.datetime64(sched.start)]
    assert risk.deadline_probability == on_time.sum() / 2000
    assert 0 <= risk.deadline_probability <= 1
    tasks = risk.tasks()
    assert tasks["varies"].any()
    text = risk.render("text")
    assert "Schedule risk" in text and "PROPOSED" in text


def test_every_format_gives_the_same_figures(schedule):
    risk = schedule.risk(1000, seed=4, deadline="2024-01-25")
    assert risk.formats == ("text", "json", "csv", "svg", "html")
    doc = json.loads(risk.render("json"))
    assert doc["format"] == "ukwd-risk"
    text = json.dumps(doc)
    for key in ["p50", "p80", "p95"]:
        assert risk.finish[key].isoformat() in text
    rows = list(csv.DictReader(io.StringIO(risk.render("csv"))))
    kinds = {r["kind"] for r in rows}
    assert {"finish", "deadline", "task", "histogram"} <= kinds
    ET.fromstring(risk.render("svg", title="Risk & <test>"))
    html = risk.render("html")
    assert risk._repr_html_() == html and "<svg" in html
    assert "─" not in risk.render("text", ascii=True)
    assert repr(risk).startswith("<ukwd.Risk: 1000 iterations, triangular")


def test_threads_share_a_schedule(schedule):
    expected = everything(schedule.risk(2000, seed=8))
    results = [None] * 4

    def work(k):
        results[k] = everything(schedule.risk(2000, seed=8, threads=2))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_errors_map_to_the_exception_classes(schedule, england):
    cases = [
        (lambda: schedule.risk(0), ukwd.EINVAL, "0 iterations"),
        (lambda: schedule.risk(2 ** 32), ukwd.EINVAL, "iterations"),
        (lambda: schedule.risk(10, distribution="normal"), ukwd.EINVAL,
         "distribution"),
        (lambda: schedule.risk(10, threads=1000), ukwd.EINVAL, "threads"),
        (lambda: schedule.risk(10, seed=-1), ukwd.EINVAL, "seed"),
        (lambda: schedule.risk(10, branches=[{"task": "nope",
                                              "probability": 1,
                                              "duration": 1}]),
         ukwd.ENOTFOUND, "nope"),
        (lambda: schedule.risk(10, branches=[{"task": "build",
                                              "probability": 1.5,
                                              "duration": 1}]),
         ukwd.EINVAL, "probability"),
        (lambda: schedule.risk(10, branches=[{"task": 0, "duration": 1}]),
         ukwd.EINVAL, "probability"),
        (lambda: schedule.risk(10, branches=[{"task": 0, "probability": .5,
                                              "duration": 1,
                                              "source": "GUESS"}]),
         ukwd.EINVAL, "GUESS"),
        (lambda: schedule.risk(10).percentile(1.5), ukwd.EINVAL, "p"),
        (lambda: schedule.risk(10).latest_start(0.5), ukwd.EINVAL,
         "backward"),
        (lambda: schedule.risk(10).histogram("nope"), ukwd.ENOTFOUND,
         "nope"),
        (lambda: schedule.risk(10).histogram(99), ukwd.ENOTFOUND, "index"),
        (lambda: schedule.risk(10).render("pdf"), ukwd.EINVAL, "pdf"),
        (lambda: schedule.risk(10).render("text", tornado=0), ukwd.EINVAL,
         "tornado"),
        (lambda: schedule.risk(10).probability("1900-01-01"), ukwd.ERANGE,
         "1900-01-01"),
        (lambda: ukwd.Plan.from_csv(CSV).schedule(
            england, finish="2024-03-28").risk(10, deadline="2024-04-30"),
         ukwd.EINVAL, "backward"),
    ]
    for call, cls, words in cases:
        with pytest.raises(cls, match=words) as info:
            call()
        assert isinstance(info.value, ukwd.Error)
        assert info.value.name == "UKWD_" + cls.__name__
    with pytest.raises(TypeError):
        schedule.risk("many")
    with pytest.raises(TypeError):
        schedule.risk(10, branches=["build"])


def test_dates_outside_the_calendar_raise_erange():
    short = ukwd.Calendar.uk("england-and-wales", years=(2024, 2024))
    plan = ukwd.Plan.from_csv(
        "id,name,duration,predecessors,optimistic,most_likely,pessimistic\n"
        "a,A,5,,5,5,200\n")
    sched = plan.schedule(short, start="2024-10-01")
    with pytest.raises(ukwd.ERANGE, match="iteration"):
        sched.risk(1000)
    with pytest.raises(ukwd.ERANGE):
        sched.risk(10, deadline="2025-06-01")
    # A Risk keeps its calendar alive when nothing else does.
    risk = ukwd.Plan.from_csv(CSV).schedule(
        ukwd.Calendar.uk("england-and-wales", years=(2024, 2025)),
        start="2024-01-08").risk(100)
    import gc
    gc.collect()
    assert risk.histogram()["count"].sum() == 100
    assert risk.schedule.calendar.first == d("2024-01-01")


def test_the_gil_is_released_while_it_runs(england):
    # With a switch interval far longer than the run, the interpreter
    # never takes the GIL from a thread running Python: the main thread
    # runs again before the worker has finished only if risk() lets go
    # of the GIL while libukwd computes.
    rows = ["id,name,duration,predecessors,optimistic,most_likely,pessimistic"]
    rows += [f"t{i},T{i},3,{f't{i - 1}' if i else ''},1,3,9" for i in range(20)]
    sched = ukwd.Plan.from_csv("\n".join(rows) + "\n").schedule(
        england, start="2024-01-08")
    done = []

    def work():
        done.append(sched.risk(200_000, seed=1).iterations)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        finished_first = bool(done)
        worker.join()
    finally:
        sys.setswitchinterval(old)
    assert done == [200_000]
    assert not finished_first
