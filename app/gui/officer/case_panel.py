"""The case panel: regime, letter kind, reference, dates with the live deadline, requester, request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.casefile.model import STATUSES, Authority
from app.core.casefile.questions import propose_questions
from app.gui.officer.review_group import ReviewGroup
from app.gui.widgets.authority_form import AuthorityForm
from app.gui.widgets.editors import TypingWatcher, set_text_keeping_cursor, text_editor
from app.gui.widgets.wheel_guard import WheelGuard

REGIME_LABELS = {
    "foia": "FOIA – Freedom of Information Act 2000",
    "foisa": "FOISA – Freedom of Information (Scotland) Act 2002",
    "eir": "EIR – Environmental Information Regulations 2004",
    "eisr": "EISR – Environmental Information (Scotland) Regulations 2004",
}
LETTER_LABELS = {
    "response": "Initial response",
    "review-outcome": "Internal review outcome",
    "clarification": "Request for clarification",
    "pit-extension": "Public interest test extension",
    "fees-notice": "Fees notice",
}


def format_date(value: dt.date) -> str:
    """Return a date the way UK letters write it: 2 August 2023 (as the core's templates do)."""
    return f"{value.day} {value.strftime('%B %Y')}"


def deadline_text(due: dt.date | None, left: int | None, dated: dt.date | None, short: bool = False) -> str:
    """Describe the response deadline in one consistent statement.

    A letter with its own date is judged by that date (today's count would contradict it: an old
    case is "overdue" today although its letter went out in time); an undated letter, which goes
    out today, by the working days left today.
    """
    if due is None or left is None:
        return "Due date unknown"
    if dated is not None:
        verdict = "on time" if dated <= due else "late"
        if short:
            return f"Due {format_date(due)} — letter dated {verdict}"
        when = "on or before the due date" if dated <= due else "after the due date"
        return f"Due {format_date(due)} — the letter is dated {format_date(dated)}, {when} ({verdict})"
    if left > 0:
        status = f"{left} working day{'s' if left != 1 else ''} left"
    elif left == 0:
        status = "due today"
    else:
        status = f"overdue by {-left} working day{'s' if left != -1 else ''}"
    return f"Due {format_date(due)} — {status}"


def to_qdate(value: dt.date) -> QDate:
    """Return a Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    """Return a QDate as a Python date."""
    return dt.date(value.year(), value.month(), value.day())


def lines_of(text: str) -> list[str]:
    """Return the non-empty lines of an address box."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class CasePanel(QScrollArea):
    """Edits the case's own fields; every change goes through the document's undo stack.

    Signals:
        split_requested(list): the officer asked to split the request into these questions.
    """

    split_requested = Signal(list)

    def __init__(self, document, spelling: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._updating = False
        self._watcher = TypingWatcher(document.end_typing, self)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Case details")
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_letter_group(body))
        self.review_group = ReviewGroup(document, spelling, body)
        layout.addWidget(self.review_group)
        layout.addWidget(self._build_requester_group(body))
        layout.addWidget(self._build_request_group(body, spelling), 1)
        layout.addWidget(self._build_signoff_group(body))
        self._connect()
        self._wheel_guard = WheelGuard(self)
        self._wheel_guard.guard(body)
        self.refresh()

    # ------------------------------------------------------------ building

    def _build_letter_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox("Letter", parent)
        form = QFormLayout(group)
        self.regime = QComboBox(group)
        for key, label in REGIME_LABELS.items():
            self.regime.addItem(label, key)
        self.regime.setToolTip("The law the request falls under; it decides exemptions, deadlines and rights")
        self.letter_kind = QComboBox(group)
        for key, label in LETTER_LABELS.items():
            self.letter_kind.addItem(label, key)
        self.letter_kind.setToolTip("Which kind of letter you are writing")
        for combo in (self.regime, self.letter_kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.reference = QLineEdit(group)
        self.reference.setPlaceholderText("e.g. FOI-2024-0123")
        self.reference.setToolTip("Our reference for this request, shown at the top of the letter")
        self.received = self._date_edit(group, "The date the request was received; the 20 working days run from it")
        self.deadline = QLabel("Working out the due date…", group)
        self.deadline.setWordWrap(True)
        self.deadline.setAccessibleName("Due date and working days left")
        self.use_today = QCheckBox("Today", group)
        self.use_today.setToolTip("Date the letter on the day it is exported")
        self.letter_date = self._date_edit(group, "The date the letter bears")
        dates = QHBoxLayout()
        dates.addWidget(self.letter_date, 1)
        dates.addWidget(self.use_today)
        form.addRow("&Regime:", self.regime)
        form.addRow("Letter &kind:", self.letter_kind)
        form.addRow("Our r&eference:", self.reference)
        form.addRow("Date recei&ved:", self.received)
        form.addRow("", self.deadline)
        date_label = QLabel("Letter &date:", group)
        date_label.setBuddy(self.letter_date)
        form.addRow(date_label, dates)
        self.status = QComboBox(group)
        for key in STATUSES:
            self.status.addItem(key.capitalize(), key)
        self.status.setToolTip("Draft until exported; exporting sets Exported; set Sent once the letter has gone")
        form.addRow("S&tatus:", self.status)
        self._name(self.status, "Case status")
        self._name(self.regime, "Regime")
        self._name(self.letter_kind, "Letter kind")
        self._name(self.reference, "Our reference")
        self._name(self.received, "Date received")
        self._name(self.letter_date, "Letter date")
        self._name(self.use_today, "Date the letter today")
        return group

    def _build_requester_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox("Requester", parent)
        form = QFormLayout(group)
        self.requester_name = QLineEdit(group)
        self.requester_email = QLineEdit(group)
        self.requester_address = QPlainTextEdit(group)
        self.requester_address.setTabChangesFocus(True)
        self.requester_address.setPlaceholderText("One line of the address per row (optional)")
        self.requester_address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow("&Name:", self.requester_name)
        form.addRow("E-&mail:", self.requester_email)
        form.addRow("Addr&ess:", self.requester_address)
        self._name(self.requester_name, "Requester name")
        self._name(self.requester_email, "Requester e-mail")
        self._name(self.requester_address, "Requester postal address")
        return group

    def _build_request_group(self, parent: QWidget, spelling: Any) -> QGroupBox:
        group = QGroupBox("Request as received", parent)
        layout = QVBoxLayout(group)
        self.request = text_editor(group, "Request text", "Paste the request exactly as received", spelling)
        self.request.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.split_button = QPushButton("S&plit into questions…", group)
        self.split_button.setToolTip("Propose one part per numbered or bulleted question of the request")
        self.split_button.setAccessibleName("Split the request into questions")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.split_button)
        layout.addWidget(self.request, 1)
        layout.addLayout(row)
        return group

    def _build_signoff_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox("Authority and sign-off", parent)
        form = QFormLayout(group)
        self.profile = QComboBox(group)
        self.profile.setAccessibleName("Authority profile")
        self.profile.setToolTip("The authority profile from Settings; empty fields below use its details")
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(14)
        self.clear_overrides = QPushButton("Use the profile's details", group)
        self.clear_overrides.setToolTip("Clear this case's own authority details so the profile's apply")
        profile_label = QLabel("Pro&file:", group)
        profile_label.setBuddy(self.profile)
        form.addRow(profile_label, self.profile)
        form.addRow("", self.clear_overrides)
        self.authority_form = AuthorityForm(group)
        self.authority_name = self.authority_form.texts["name"]
        form.addRow(self.authority_form)
        self.signatory_name = QLineEdit(group)
        self.signatory_role = QLineEdit(group)
        form.addRow("Si&gned by:", self.signatory_name)
        form.addRow("R&ole:", self.signatory_role)
        self._name(self.signatory_name, "Signatory name")
        self._name(self.signatory_role, "Signatory role")
        return group

    def _date_edit(self, parent: QWidget, tip: str) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setToolTip(f"{tip}. Type it as day/month/year (e.g. 02/08/2023) or pick it from the calendar")
        return edit

    @staticmethod
    def _name(widget: QWidget, name: str) -> None:
        widget.setAccessibleName(name)

    def _shown_fields(self) -> tuple[str, ...]:
        """Return the case fields this panel shows one widget each for (the authority aside)."""
        return ("regime", "letter", "status", "received", "date", "request", "requester.address", *self._text_fields())

    def _text_fields(self) -> dict[str, QLineEdit]:
        return {
            "reference": self.reference,
            "requester.name": self.requester_name,
            "requester.email": self.requester_email,
            "signatory.name": self.signatory_name,
            "signatory.role": self.signatory_role,
        }

    def _connect(self) -> None:
        for path, edit in self._text_fields().items():
            edit.textEdited.connect(self._line_edited(path))
            self._watcher.watch(edit)
        self._watcher.watch(self.request, self.requester_address)
        self.regime.currentIndexChanged.connect(self._on_regime_changed)
        self.letter_kind.currentIndexChanged.connect(self._on_letter_kind_changed)
        self.status.currentIndexChanged.connect(lambda _i: self._edit("status", self.status.currentData()))
        self.received.dateChanged.connect(self._on_received_changed)
        self.letter_date.dateChanged.connect(self._on_letter_date_changed)
        self.use_today.toggled.connect(self._on_use_today_toggled)
        self.request.textChanged.connect(self._on_request_changed)
        self.requester_address.textChanged.connect(self._on_address_changed)
        self.split_button.clicked.connect(self._on_split_clicked)
        self.profile.activated.connect(self._on_profile_activated)
        self.clear_overrides.clicked.connect(self._on_clear_overrides_clicked)
        self.authority_form.field_edited.connect(self._on_authority_field_edited)
        self._watcher.watch(*self.authority_form.texts.values(), *self.authority_form.lines.values())
        self.document.profiles_changed.connect(lambda: self._show("authority"))
        self.document.case_replaced.connect(self.refresh)
        self.document.field_changed.connect(self._on_document_field_changed)
        self.document.deadline_changed.connect(self._on_document_deadline_changed)

    # ------------------------------------------------------------ model -> widgets

    def refresh(self) -> None:
        """Show every field of the current case."""
        for path in self._shown_fields():
            self._show(path)
        self._show("authority")

    def _show(self, path: str) -> None:
        self._updating = True
        try:
            self._show_field(path, self.document.value(path))
        finally:
            self._updating = False

    def _show_field(self, path: str, value: Any) -> None:
        if path in self._text_fields():
            edit = self._text_fields()[path]
            if edit.text() != value:
                edit.setText(value)
        elif path == "regime":
            self.regime.setCurrentIndex(max(self.regime.findData(value), 0))
            self._refresh_deadline()
        elif path == "letter":
            self.letter_kind.setCurrentIndex(max(self.letter_kind.findData(value), 0))
            self._refresh_deadline()
        elif path == "status":
            self.status.setCurrentIndex(max(self.status.findData(value), 0))
        elif path == "received":
            self.received.setDate(to_qdate(value))
            self._refresh_deadline()
        elif path == "date":
            self.use_today.setChecked(value is None)
            self.letter_date.setEnabled(value is not None)
            self.letter_date.setDate(to_qdate(value or self.document.today()))
        elif path == "request":
            set_text_keeping_cursor(self.request, value)
        elif path == "authority" or path.startswith("authority."):
            self._show_authority()
        elif path == "requester.address" and lines_of(self.requester_address.toPlainText()) != value:
            self.requester_address.setPlainText("\n".join(value))

    def _show_authority(self) -> None:
        """Show the case's profile and its own authority details over the profile's."""
        own = self.document.case.authority
        self.profile.clear()
        for profile in self.document.profiles:
            self.profile.addItem(profile.label, profile.key)
        self.profile.addItem("No profile: details kept in this case", "")
        index = self.profile.findData(own.profile)
        if index < 0:
            self.profile.insertItem(0, f"{own.profile} (not in Settings)", own.profile)
            index = 0
        self.profile.setCurrentIndex(index)
        self.clear_overrides.setEnabled(bool(own.profile))
        self.authority_form.set_authority(own)
        profile = self.document.profile()
        self.authority_form.set_inherited(profile.authority if profile else None)
        signatory = profile.signatory if profile else None
        self.signatory_name.setPlaceholderText(signatory.name if signatory else "")
        self.signatory_role.setPlaceholderText(signatory.role if signatory else "")

    def _refresh_deadline(self) -> None:
        """Recompute the due date now when the calendar is warm; otherwise the next build shows it."""
        if self.document.due is None:
            return
        from app.core.law.calendar import calendar_for
        from app.core.law.deadlines import working_days_left
        from app.core.law.letter_deadline import letter_due

        case = self.document.case
        calendar = calendar_for(case.regime)
        due = letter_due(case, calendar)
        self._show_deadline(due, working_days_left(self.document.today(), due, calendar))

    def _show_deadline(self, due: dt.date | None, left: int | None) -> None:
        self.deadline.setText(deadline_text(due, left, self.document.case.date))
        self.deadline.setToolTip("20 working days after receipt, under the regime's calendar of working days")

    def _on_document_field_changed(self, path: str) -> None:
        if path == "review":
            self._refresh_deadline()
        if path in self._shown_fields():
            self._show(path)
        elif path.startswith("authority"):
            self._show("authority")

    def _on_document_deadline_changed(self, due: dt.date | None, left: int | None) -> None:
        self._show_deadline(due, left)

    # ------------------------------------------------------------ widgets -> model

    def _line_edited(self, path: str) -> Callable[[str], None]:
        def edited(text: str) -> None:
            self.document.edit_field(path, text, typing=True)

        return edited

    def _edit(self, path: str, value: Any, typing: bool = False) -> None:
        if not self._updating:
            self.document.edit_field(path, value, typing)

    def _on_regime_changed(self, _index: int) -> None:
        self._edit("regime", self.regime.currentData())

    def _on_letter_kind_changed(self, _index: int) -> None:
        self._edit("letter", self.letter_kind.currentData())

    def _on_received_changed(self, value: QDate) -> None:
        self._edit("received", from_qdate(value))

    def _on_letter_date_changed(self, value: QDate) -> None:
        if not self.use_today.isChecked():
            self._edit("date", from_qdate(value))

    def _on_use_today_toggled(self, checked: bool) -> None:
        self.letter_date.setEnabled(not checked)
        self._edit("date", None if checked else from_qdate(self.letter_date.date()))

    def _on_request_changed(self) -> None:
        self._edit("request", self.request.toPlainText(), typing=True)

    def _on_address_changed(self) -> None:
        self._edit("requester.address", lines_of(self.requester_address.toPlainText()), typing=True)

    def _on_profile_activated(self, _index: int) -> None:
        self._edit("authority.profile", self.profile.currentData() or "")

    def _on_clear_overrides_clicked(self) -> None:
        key = self.document.case.authority.profile
        self._edit("authority", Authority(name="", profile=key))

    def _on_authority_field_edited(self, name: str, value: object) -> None:
        self._edit(f"authority.{name}", value, typing=isinstance(value, (str, list)))

    def _on_split_clicked(self) -> None:
        self.split_requested.emit(propose_questions(self.document.case.request))
