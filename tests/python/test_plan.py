"""ukwd.Plan, ukwd.Schedule and ukwd.uep: plans from CSV text and
DataFrames, scheduled forward and backward, as DataFrames and in every
rendering (issue 17)."""
import csv
import datetime
import gc
import io
import json
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

import ukwd
import ukwd.uep

CSV = """id,name,duration,predecessors,start_no_earlier_than,optimistic,most_likely,pessimistic
design,Design,5,,,4,5,8
build,Build,3,design,,,,
docs,Write the docs,2,design:SS+1,,,,
review,Review,1,build;docs,2024-01-22,,,
done,Done,0,review,,,,
"""


def d(text):
    return datetime.date.fromisoformat(text)


def test_a_plan_from_csv_schedules_forward(england):
    plan = ukwd.Plan.from_csv(CSV)
    assert len(plan) == 5 and plan.ids[0] == "design"
    sched = plan.schedule(england, start="2024-01-06")  # a Saturday
    tasks = sched.tasks()
    early = dict(zip(tasks["id"], tasks["early_start"].astype(object)))
    finish = dict(zip(tasks["id"], tasks["early_finish"].astype(object)))
    # The start rolls forward to Monday 8 January; 5 working days.
    assert early["design"] == d("2024-01-08")
    assert finish["design"] == england.add(d("2024-01-08"), 4)
    # FS: the next working day after design's last.
    assert early["build"] == england.add(finish["design"], 1)
    # SS+1: a working day after design starts.
    assert early["docs"] == d("2024-01-09")
    # start-no-earlier-than holds review back to 22 January.
    assert early["review"] == d("2024-01-22")
    assert early["done"] == finish["done"] == d("2024-01-22")
    assert sched.start == d("2024-01-08") and sched.finish == d("2024-01-22")
    assert sched.critical_path[-2:] == ["review", "done"]
    assert tasks["critical"].dtype == bool
    assert tasks["duration"].tolist() == [5, 3, 2, 1, 0]
    # Float: build could slip to the working day before 22 January.
    total = dict(zip(tasks["id"], tasks["total_float"]))
    assert total["build"] == england.count(
        england.add(finish["build"], 1), d("2024-01-22"))


def test_backward_to_a_finish(england):
    plan = ukwd.Plan.from_csv(CSV.replace("2024-01-22", ""))
    sched = plan.schedule(england, finish="2024-03-31")  # a Sunday
    tasks = sched.tasks()
    late = dict(zip(tasks["id"], tasks["late_finish"].astype(object)))
    # Easter 2024: Good Friday 29 March is off; the finish rolls back to
    # Thursday 28 March.
    assert late["review"] == d("2024-03-28")
    assert late["build"] == england.add(d("2024-03-28"), -1)
    assert sched.finish == d("2024-03-28")


def test_a_dataframe_gives_the_plan_its_csv_gives(sec):
    frame = pd.read_csv(io.StringIO(CSV))
    # NaN in the estimate columns (floats to pandas) and a datetime column.
    assert frame["optimistic"].dtype.kind == "f"
    frame["start_no_earlier_than"] = pd.to_datetime(
        frame["start_no_earlier_than"])
    from_frame = ukwd.Plan.from_dataframe(frame).schedule(
        sec, start="2024-01-08").tasks()
    from_text = ukwd.Plan.from_csv(CSV).schedule(
        sec, start="2024-01-08").tasks()
    assert from_frame.keys() == from_text.keys()
    for key in from_text:
        np.testing.assert_array_equal(from_frame[key], from_text[key])


def test_to_dataframe_is_tasks_indexed_by_id(sec):
    sched = ukwd.Plan.from_csv(CSV).schedule(sec, start="2024-01-08")
    frame = sched.to_dataframe()
    assert list(frame.index) == sched.plan.ids
    assert list(frame.columns) == list(sched.tasks())
    assert frame.loc["design", "early_start"] == pd.Timestamp("2024-01-08")
    assert frame["total_float"].dtype == np.int32


def test_bad_plans_raise_with_where():
    with pytest.raises(ukwd.EPARSE, match=r"DataFrame.*missing column|"
                                          r"DataFrame:\d+:\d+"):
        ukwd.Plan.from_dataframe(pd.DataFrame({"id": ["a"], "name": ["A"],
                                               "duration": [1]}))
    with pytest.raises(ukwd.EPARSE, match=r"plan.csv:3:\d+: .*'nope'"):
        ukwd.Plan.from_csv("id,name,duration,predecessors\na,A,1,\n"
                           "b,B,1,nope\n", source="plan.csv")
    with pytest.raises(ukwd.ECYCLE, match="cycle: a -> b -> a"):
        ukwd.Plan.from_csv("id,name,duration,predecessors\na,A,1,b\n"
                           "b,B,1,a\n")
    with pytest.raises(ukwd.EPARSE):
        ukwd.Plan.from_csv("id,name,duration,predecessors\na,A,2 weeks,\n")
    plan = ukwd.Plan.from_csv(CSV)
    with pytest.raises(ukwd.EINVAL, match="start= .*finish="):
        plan.schedule(start="2024-01-08", finish="2024-02-01")
    with pytest.raises(ukwd.EINVAL):
        plan.schedule()
    with pytest.raises(ukwd.ERANGE):
        plan.schedule(ukwd.Calendar.uk("england-and-wales", years=2024),
                      start="2024-12-30")
    with pytest.raises(ukwd.EINVAL, match="format"):
        plan.schedule(start="2024-01-08").render("pdf")


def test_every_format_renders_the_same_schedule(sec):
    sched = ukwd.Plan.from_csv(CSV).schedule(sec, start="2024-01-08")
    tasks = sched.tasks()
    assert set(ukwd.Schedule.formats) == {
        "text", "table", "explanations", "mermaid", "svg", "html", "csv",
        "json", "ics"}
    rows = list(csv.DictReader(io.StringIO(sched.render("csv"))))
    assert [r["id"] for r in rows] == list(tasks["id"])
    assert [r["early_finish"] for r in rows] == [
        str(x) for x in tasks["early_finish"]]
    assert [int(r["total_float"]) for r in rows] == list(tasks["total_float"])
    data = json.loads(sched.render("json"))
    assert [t["late_start"] for t in data["tasks"]] == [
        str(x) for x in tasks["late_start"]]
    assert data["project"]["start"] == "2024-01-08"
    svg = ET.fromstring(sched.render("svg"))
    assert svg.tag.endswith("svg")
    html = sched.render("html", title="Release")
    ET.fromstring(html.split("\n", 1)[1])  # XHTML after the doctype
    assert "Release" in html
    assert sched._repr_html_() == sched.render("html")
    text = sched.render("text", width=80, ascii=True)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Write the docs" in text and "█" not in text
    assert sched.render("mermaid").startswith("gantt")
    assert "Why:" in sched.render("table", explain=True)
    assert "Why:" not in sched.render("table")
    why = sched.render("explanations")
    assert why.startswith("Why:")
    assert all(f"  {id} " in why for id in tasks["id"])
    try:
        ics = sched.render("ics")
    except ukwd.ENOTSUPPORTED:
        pytest.fail("built without libical")
    assert ics.count("BEGIN:VEVENT") == len(tasks["id"])
    assert sched.render("ics", todo=True).count("BEGIN:VTODO") == 5


def test_a_schedule_keeps_its_plan_and_calendar_alive():
    sched = ukwd.Plan.from_csv(CSV).schedule(
        ukwd.Calendar.uk("scotland", years=(2024, 2025)), start="2024-01-08")
    gc.collect()
    assert sched.plan.ids[-1] == "done"
    assert "2024-01-08" in sched.render("csv")


def test_uep_plan_backward_to_the_mandate():
    sched = ukwd.uep.plan(roles=["import-supplier", "gas-supplier"])
    # 25 November 2017 (a Saturday): the last working day before it.
    assert ukwd.uep.mandate_date("domestic-small-supplier") == \
        d("2017-11-25")
    assert sched.finish == d("2017-11-24")
    frame = sched.to_dataframe()
    assert "uept-notice/gas-supplier" in frame.index
    assert set(frame["source"]) <= {"SOURCED", "CHECKLIST", "PROPOSED"}
    assert frame.loc["uep-complete", "late_finish"] == \
        pd.Timestamp("2017-11-24")
    # The UEPT notice: 60 clear working days before testing starts.
    notice = frame.loc["uept-notice/import-supplier", "late_start"].date()
    assert ukwd.notice.check("uept-notice", notice,
                             sched.calendar.add(notice, 61)).compliant
    assert ukwd.uep.plan().working_days > 0


def test_uep_plan_forward_and_options(sec):
    base = ukwd.uep.plan(start="2024-01-08", calendar=sec)
    assert base.start == d("2024-01-08")
    credit = ukwd.uep.plan(start="2024-01-08", credit_cover=True)
    assert len(credit.plan) == len(base.plan) + 1
    stages = ukwd.uep.stages()
    assert {"id", "title", "duration", "source"} <= set(stages[0])
    assert any(s["credit_cover_only"] for s in stages)
    # Every stage's range (PROPOSED where no source gives one) is there
    # only when asked for: the finish then spreads far wider (by default
    # only FUSA fieldwork's sourced 3-10 days vary).
    narrow = ukwd.uep.plan(start="2024-01-08").risk(2000, seed=3)
    wide = ukwd.uep.plan(start="2024-01-08", ranges="all").risk(2000, seed=3)
    def spread(r):
        return (r.finish["p95"] - r.finish["p10"]).days
    assert spread(wide) > spread(narrow) + 20
    assert ukwd.uep.plan(start="2024-01-08", ranges="all").start == \
        base.start
    with pytest.raises(ukwd.EINVAL, match="ranges"):
        ukwd.uep.plan(start="2024-01-08", ranges="some")
    with pytest.raises(ukwd.EINVAL, match="no mandate"):
        ukwd.uep.plan("other")
    assert ukwd.uep.mandate_date("other") is None
    with pytest.raises(ukwd.ENOTFOUND):
        ukwd.uep.plan(roles="import-supplier,nobody")
    with pytest.raises(ukwd.ENOTFOUND, match="party"):
        ukwd.uep.plan("small")
