"""Internal review outcome letters have their review fields in the Case tab; the deadline runs from the review request."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from app.core.law.calendar import calendar_for
from tests.gui.conftest import EXAMPLES, settle


def test_review_fields_show_for_review_outcomes_and_set_the_due_date(qtbot, window, tmp_path):
    panel = window.case_panel
    assert not panel.review_group.isVisibleTo(panel)
    source = tmp_path / "review.yaml"
    source.write_text((EXAMPLES / "foisa-review-outcome.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open_case(source)
    group = panel.review_group
    assert group.isVisibleTo(panel)
    assert group.original_reference.text() == window.document.case.review.original_reference
    group.requested.setDate(QDate(2023, 9, 1))
    assert window.document.case.review.requested == dt.date(2023, 9, 1)
    result = settle(qtbot, window.document)
    assert result.due == calendar_for("foisa").add_working_days(dt.date(2023, 9, 1), 20)
    group.decision.setCurrentIndex(group.decision.findData("overturned"))
    group.independent.setChecked(True)
    assert window.save()
    text = source.read_text(encoding="utf-8")
    assert "requested: 2023-09-01" in text and "decision: overturned" in text and "independent: true" in text
    window.document.undo_stack.undo()
    assert window.document.case.review.independent is not True and not group.independent.isChecked()
