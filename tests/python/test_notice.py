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
