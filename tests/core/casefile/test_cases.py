"""The Cases table: rows read fast from case files agree with the full reader; overdue first; status kept."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from app.core.casefile.cases import RowCache, _full_row, case_files, format_table, read_row, scan_fields, set_status
from app.core.casefile.model import load_case
from app.core.casefile.writing import dump_case
from app.core.law.calendar import calendar_for
from app.core.law.day_index import WorkingDayIndex
from app.core.law.deadlines import response_due, working_days_left

EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "examples"
TODAY = dt.date(2023, 8, 1)


def test_every_example_is_listed_with_the_full_readers_values():
    rows = RowCache(lambda: TODAY).rows([EXAMPLES])
    assert len(rows) == len(list(EXAMPLES.glob("*.yaml"))) and not any(r.problem for r in rows)
    for row in rows:
        assert row == _full_row(row.path, TODAY)


def test_review_outcome_is_due_from_the_review_request():
    row = read_row(EXAMPLES / "foisa-review-outcome.yaml", TODAY)
    case = load_case(EXAMPLES / "foisa-review-outcome.yaml", legal=False)
    assert row.due == calendar_for("foisa").add_working_days(case.review.requested, 20)


def test_overdue_first_then_by_due_date_and_sent_last(tmp_path: Path):
    base = load_case(EXAMPLES / "foia-partial.yaml")
    for name, received, status in (
        ("a", "2023-07-20", "draft"),
        ("b", "2023-05-02", "draft"),
        ("c", "2023-04-03", "sent"),
    ):
        base.received, base.reference, base.status = dt.date.fromisoformat(received), name, status
        (tmp_path / f"{name}.yaml").write_text(dump_case(base), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("regime: [", encoding="utf-8")
    rows = RowCache(lambda: TODAY).rows([tmp_path])
    assert [r.reference or r.path.name for r in rows] == ["b", "a", "c", "broken.yaml"]
    assert rows[0].overdue and not rows[2].overdue and "not valid YAML" in rows[3].problem
    table = format_table(rows)
    assert table.splitlines()[0].startswith("Reference") and "broken.yaml: not valid YAML" in table


def test_scanner_reads_flow_mappings_quotes_and_comments():
    text = (
        "regime: 'foisa'  \nreference: \"X-1\" # ours\nreceived: 2023-07-05\n"
        "requester: {name: A. Person, email: a@example.org}\nrequest: |\n  regime: eir\n"
        "review:\n  decision: upheld\n  requested: 2023-08-01\n"
    )
    fields = scan_fields(text)
    assert fields["regime"] == "foisa" and fields["reference"] == "X-1"
    assert fields["requester.name"] == "A. Person" and fields["review.requested"] == "2023-08-01"


def test_status_is_set_in_the_file_and_everything_else_kept(tmp_path: Path):
    path = tmp_path / "case.yaml"
    path.write_text((EXAMPLES / "foisa-cost-limit.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = load_case(path)
    set_status(path, "sent")
    after = load_case(path)
    assert after.status == "sent" and read_row(path, TODAY).status == "sent"
    after.status = "draft"
    assert after == before


def test_cache_rereads_only_changed_files(tmp_path: Path):
    path = tmp_path / "case.yaml"
    path.write_text((EXAMPLES / "foisa-cost-limit.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    cache = RowCache(lambda: TODAY)
    first = cache.row(path)
    assert cache.row(path) is first
    path.write_text(path.read_text(encoding="utf-8").replace("IM-FOI-2023-1751", "CHANGED-1"), encoding="utf-8")
    assert cache.row(path).reference == "CHANGED-1"
    assert list(case_files([tmp_path, tmp_path])) == [path]


@pytest.mark.parametrize("regime", ["foia", "foisa"])
def test_day_index_agrees_with_the_calendar(regime):
    calendar = calendar_for(regime)
    index = WorkingDayIndex(calendar)
    rng = random.Random(7)
    for _ in range(150):
        received = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2500))
        today = received + dt.timedelta(days=rng.randrange(-30, 400))
        due = response_due(received, calendar)
        assert index.add(received, 20) == due
        expected = working_days_left(today, due, calendar)
        got = index.between(today, due) if today <= due else -index.between(due, index.next_working_day(today))
        assert got == expected


@pytest.mark.parametrize("regime, days", [("foisa", 20), ("eir", 40)])
def test_review_outcomes_are_due_from_the_review_request_in_the_app_and_the_list(regime, days):
    from app.core.casefile.model import parse_case
    from app.core.law.letter_deadline import letter_due

    text = (
        f"regime: {regime}\nletter: review-outcome\nreceived: 2023-01-05\n"
        "review:\n  requested: 2023-03-01\nparts:\n  - outcome: disclosed\n"
    )
    calendar = calendar_for(regime)
    expected = calendar.add_working_days(dt.date(2023, 3, 1), days)
    assert letter_due(parse_case(text), calendar) == expected
    fields = scan_fields(text)
    from app.core.casefile.cases import deadline_for

    assert deadline_for(regime, "review-outcome", dt.date(2023, 1, 5), _date_of(fields), TODAY)[0] == expected


def _date_of(fields: dict[str, str]) -> dt.date:
    return dt.date.fromisoformat(fields["review.requested"])
