"""ukwd.notice: checks against the catalogue's rules, and the working-day
arithmetic they rest on (issue 17)."""
import datetime

import numpy as np
import pytest

import ukwd
import ukwd.notice


def test_rules_list_the_catalogue():
    rules = ukwd.notice.rules()
    ids = [r["id"] for r in rules]
    assert "uept-notice" in ids
    uept = rules[ids.index("uept-notice")]
    assert (uept["amount"], uept["unit"], uept["direction"],
            uept["counting"]) == (60, "working-days", "before", "clear")
    assert uept["source"] == "CHECKLIST"


def test_a_notice_on_a_scottish_holiday_is_deemed_received_next_day():
    # 3 January 2023 was Scotland's 2 January substitute day, a day off
    # in the SEC calendar (Great Britain).
    result = ukwd.notice.check("uept-notice", "2023-01-03", "2023-04-03")
    assert result.compliant is True
    assert result.deemed_received == datetime.date(2023, 1, 4)
    assert result.deadline == datetime.date(2023, 1, 6)
    assert (result.given, result.shortfall) == (62, 0)
    assert result.counted_unit == "working-days"
    assert "deemed received 2023-01-04" in result.explanation
    assert isinstance(result, ukwd.notice.Result)


def test_cutoff_moves_a_late_notice_to_the_next_working_day():
    late = datetime.datetime(2023, 1, 5, 17, 30)
    assert ukwd.notice.check("uept-notice", late, "2023-04-03").deemed_received \
        == datetime.date(2023, 1, 5)
    for cutoff in ("17:00", datetime.time(17, 0), 17 * 60):
        result = ukwd.notice.check("uept-notice", late, "2023-04-03",
                                   cutoff=cutoff)
        assert result.deemed_received == datetime.date(2023, 1, 6)


def test_clear_working_days_agree_with_calendar_arithmetic(sec):
    rng = np.random.default_rng(5)
    low = np.datetime64("2000-01-01").astype(np.int64)
    given = rng.integers(low, low + 9000, 2000).astype("datetime64[D]")
    event = given + rng.integers(0, 200, 2000).astype("timedelta64[D]")
    for g, e in zip(given.tolist(), event.tolist()):
        result = ukwd.notice.check("uept-notice", g, e, calendar=sec)
        deemed = sec.roll(g)
        assert result.deemed_received == deemed
        clear = max(sec.count(sec.add(deemed, 1), e), 0) if deemed < e else 0
        assert result.given == clear, (g, e)
        # The latest compliant day: the 61st working day before the event.
        assert result.deadline == sec.add(e, -61)
        assert result.compliant == (deemed <= result.deadline)


def test_errors():
    with pytest.raises(ukwd.ENOTFOUND, match="no rule 'nope'"):
        ukwd.notice.check("nope", "2023-01-03", "2023-04-03")
    with pytest.raises(ukwd.EINVAL, match="cutoff"):
        ukwd.notice.check("uept-notice", "2023-01-03", "2023-04-03",
                          cutoff=2000)
    with pytest.raises(ValueError, match="cutoff"):
        ukwd.notice.check("uept-notice", "2023-01-03", "2023-04-03",
                          cutoff="25:00")
    with pytest.raises(ukwd.ERANGE):
        ukwd.notice.check("uept-notice", "2023-01-03", "2123-04-03")
    with pytest.raises(TypeError, match="calendar"):
        ukwd.notice.check("uept-notice", "2023-01-03", "2023-04-03",
                          calendar="sec")


def test_notice_functions_have_docstrings():
    assert "rule" in ukwd.notice.check.__doc__
    assert "catalogue" in ukwd.notice.rules.__doc__


FIELDS = ("compliant", "deemed_received", "given", "shortfall", "deadline",
          "earliest_event", "earliest_working_event", "event_not_working")


def random_notices(rng, n, with_time):
    low = np.datetime64("2000-01-01").astype(np.int64)
    days = rng.integers(low, low + 9000, n)
    if with_time:
        # A time of day on every notice, some after 17:00.
        given = (days * 1440 + rng.integers(0, 1440, n)).astype("datetime64[m]")
    else:
        given = days.astype("datetime64[D]")
    event = (days + rng.integers(-30, 200, n)).astype("datetime64[D]")
    return given, event


@pytest.mark.parametrize("rule,cutoff,with_time", [
    ("uept-notice", None, False),
    ("uept-notice", "17:00", True),
    ("uept-exit-review", None, False),
    ("privacy-booking", "12:00", True),
    ("readmission-bar", None, False),
])
def test_arrays_agree_with_the_scalar_call(sec, rng, rule, cutoff, with_time):
    given, event = random_notices(rng, 600, with_time)
    got = ukwd.notice.check(rule, given, event, cutoff=cutoff, calendar=sec,
                            explain=True)
    assert set(got) == set(FIELDS) | {"counted_unit", "explanation"}
    assert got["compliant"].dtype == bool
    assert got["given"].dtype == np.int32
    assert got["deadline"].dtype == np.dtype("datetime64[D]")
    for k, (g, e) in enumerate(zip(given.tolist(), event.tolist())):
        one = ukwd.notice.check(rule, g, e, cutoff=cutoff, calendar=sec)
        assert one.counted_unit == got["counted_unit"]
        assert one.explanation == got["explanation"][k], (g, e)
        for field in FIELDS:
            value = got[field][k]
            if got[field].dtype.kind == "M":
                value = value.astype(object)
            assert getattr(one, field) == value, (field, g, e)
    # Without explain= the same answers, and no explanation.
    quiet = ukwd.notice.check(rule, given, event, cutoff=cutoff, calendar=sec)
    assert "explanation" not in quiet
    for field in FIELDS:
        np.testing.assert_array_equal(quiet[field], got[field])


def test_a_time_of_day_in_datetime64_meets_the_cutoff():
    late = np.datetime64("2023-01-05T17:30")
    assert ukwd.notice.check("uept-notice", late, "2023-04-03",
                             cutoff="17:00").deemed_received \
        == datetime.date(2023, 1, 6)
    on_time = np.array(["2023-01-05T16:59:59"], dtype="datetime64[s]")
    got = ukwd.notice.check("uept-notice", on_time, "2023-04-03",
                            cutoff="17:00")
    assert got["deemed_received"][0] == np.datetime64("2023-01-05")
    # Dates without a time are not late.
    got = ukwd.notice.check("uept-notice", on_time.astype("datetime64[D]"),
                            "2023-04-03", cutoff="00:01")
    assert got["deemed_received"][0] == np.datetime64("2023-01-05")


def test_arrays_broadcast_as_numpy_does(sec):
    given = np.array(["2023-01-03", "2023-01-09", "2023-01-20"],
                     dtype="datetime64[D]")
    events = np.array([["2023-04-03"], ["2023-04-17"]], dtype="datetime64[D]")
    got = ukwd.notice.check("uept-notice", given, events, calendar=sec)
    assert got["compliant"].shape == (2, 3)
    for i in range(2):
        for j in range(3):
            one = ukwd.notice.check("uept-notice", given[j], events[i, 0],
                                    calendar=sec)
            assert got["compliant"][i, j] == one.compliant
            assert got["deadline"][i, j] == np.datetime64(one.deadline)
    # Lists of strings and a scalar broadcast too.
    got = ukwd.notice.check("uept-notice", ["2023-01-03", "2023-01-09"],
                            "2023-04-03")
    assert got["given"].tolist() == [
        ukwd.notice.check("uept-notice", g, "2023-04-03").given
        for g in ("2023-01-03", "2023-01-09")]
    # 2023-01-09 (Monday): 10 January to 31 March, 59 working days.
    assert sec.count("2023-01-10", "2023-04-03") == got["given"][1] == 59


def test_array_errors_name_the_first_bad_element():
    with pytest.raises(ukwd.EINVAL, match=r"element 1\).*NaT") as info:
        ukwd.notice.check("uept-notice", ["2023-01-03", "NaT"], "2023-04-03")
    assert info.value.index == 1
    with pytest.raises(ukwd.ERANGE, match=r"2133-01-01 \(element \(0, 1\)\)") \
            as info:
        ukwd.notice.check("uept-notice", [["2023-01-03"], ["2023-01-04"]],
                          ["2023-04-03", "2133-01-01"])
    assert info.value.index == (0, 1)
    with pytest.raises(TypeError, match="given"):
        ukwd.notice.check("uept-notice", [1, 2], "2023-04-03")
    with pytest.raises(ValueError, match="broadcast|shape"):
        ukwd.notice.check("uept-notice", ["2023-01-03"] * 2,
                          ["2023-04-03"] * 3)


def test_threads_checking_at_once_agree_with_one(sec):
    # Two threads over the same arrays give the answers one thread does.
    import concurrent.futures
    rng = np.random.default_rng(9)
    given, event = random_notices(rng, 20000, False)
    want = ukwd.notice.check("uept-notice", given, event, calendar=sec)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(
            lambda _: ukwd.notice.check("uept-notice", given, event,
                                        calendar=sec), range(4)))
    for got in runs:
        for field in FIELDS:
            np.testing.assert_array_equal(got[field], want[field])
