"""The Case tab's internal review fields, shown for review-outcome letters.

When the review was asked for, the original response, the decision, whether the reviewer was
independent, and the reasons.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QLineEdit, QWidget

from app.core.casefile.model import REVIEW_DECISIONS, Review
from app.gui.widgets.editors import set_text_keeping_cursor, text_editor

DECISION_LABELS = {
    "": "Recorded per part",
    "upheld": "Upheld",
    "upheld-modified": "Upheld with changes",
    "substituted": "Decision substituted",
    "overturned": "Overturned",
}


class ReviewGroup(QGroupBox):
    """Edits case.review through the document's undo stack (one Review value per change)."""

    def __init__(self, document: Any, spelling: Any = None, parent: QWidget | None = None):
        super().__init__("Internal review", parent)
        self.document = document
        self._updating = False
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.requested = self._date("Date the review was asked for; the review is due 20 working days later")
        self.original_reference = QLineEdit(self)
        self.original_date = self._date("Date of the response being reviewed")
        self.decision = QComboBox(self)
        for key in ("", *REVIEW_DECISIONS):
            self.decision.addItem(DECISION_LABELS.get(key, key), key)
        self.independent = QCheckBox("The reviewer took no part in the original decision", self)
        self.reasons = text_editor(self, "Review reasons", "Why the original decision stands or changes", spelling)
        self.reasons.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        for label, widget, name in (
            ("Review &asked for:", self.requested, "Review requested on"),
            ("Original re&ference:", self.original_reference, "Original reference"),
            ("Original response &date:", self.original_date, "Original response date"),
            ("Decisio&n:", self.decision, "Review decision"),
            ("", self.independent, "Independent reviewer"),
            ("Rea&sons:", self.reasons, "Review reasons"),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.requested.dateChanged.connect(lambda d: self._edit("requested", _date(d)))
        self.original_date.dateChanged.connect(lambda d: self._edit("original_date", _date(d)))
        self.original_reference.textEdited.connect(lambda t: self._edit("original_reference", t, typing=True))
        self.decision.currentIndexChanged.connect(
            lambda _i: self._edit("decision", self.decision.currentData() or None)
        )
        self.independent.toggled.connect(lambda on: self._edit("independent", on))
        self.reasons.textChanged.connect(lambda: self._edit("reasons", self.reasons.toPlainText(), typing=True))
        document.case_replaced.connect(self.refresh)
        document.field_changed.connect(lambda path: self.refresh() if path in ("review", "letter") else None)
        self.refresh()

    def _date(self, tip: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setToolTip(f"{tip}. Type it as day/month/year or pick it from the calendar")
        return edit

    def refresh(self) -> None:
        """Show the case's review (visible only for review-outcome letters)."""
        case = self.document.case
        self.setVisible(case.letter == "review-outcome")
        review = case.review or Review()
        self._updating = True
        try:
            fallback = case.received
            self.requested.setDate(_qdate(review.requested or fallback))
            self.original_date.setDate(_qdate(review.original_date or fallback))
            if self.original_reference.text() != review.original_reference:
                self.original_reference.setText(review.original_reference)
            self.decision.setCurrentIndex(max(self.decision.findData(review.decision or ""), 0))
            self.independent.setChecked(bool(review.independent))
            set_text_keeping_cursor(self.reasons, review.reasons)
        finally:
            self._updating = False

    def _edit(self, name: str, value: Any, typing: bool = False) -> None:
        if self._updating:
            return
        review = dataclasses.replace(self.document.case.review or Review(), **{name: value})
        self.document.edit_field("review", review, typing)


def _qdate(value: Any) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> Any:
    import datetime as dt

    return dt.date(value.year(), value.month(), value.day())
