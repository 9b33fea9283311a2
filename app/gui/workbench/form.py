"""The metadata header of a clause as a form; only the fields the reviewer touches are rewritten."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.core.workbench import clause_text

LIST_HINTS = {
    "regimes": "Regimes it serves: foia, foisa, eir, eisr (empty = all)",
    "letters": "Letter kinds it serves (empty = all)",
    "outcomes": "Part outcomes it serves (empty = any)",
    "sections": "Sections it explains, comma-separated, e.g. 30, 40(2) (empty = any)",
    "authorities": "Kinds of authority it suits, e.g. police (empty = all; see clauses/GUIDE.md)",
    "when": "Conditions that must all hold for it to be used, e.g. not outcome: not-held, ncnd; "
    "put 'not' in front to turn one round (see clauses/GUIDE.md)",
    "provides": "Statutory elements this wording supplies, e.g. 17(1)(a), 16(4) (see clauses/GUIDE.md)",
    "references": "Where the wording comes from, e.g. FOIA s12(1), SI 2004/3244 reg 3",
}


class ListField(QWidget):
    """A comma-separated list, with a menu of the allowed values when there is a vocabulary."""

    edited = Signal()

    def __init__(self, name: str, vocabulary: tuple[str, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setAccessibleName(name)
        self.line.setPlaceholderText("any" if vocabulary else "none")
        self.line.textEdited.connect(lambda _text: self.edited.emit())
        row.addWidget(self.line, 1)
        self.button: QToolButton | None = None
        if vocabulary:
            self.button = QToolButton(self)
            self.button.setText("▾")
            self.button.setAccessibleName(f"Choose {name.lower()}")
            self.button.setToolTip(f"Choose from: {', '.join(vocabulary)}")
            self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(self.button)
            for value in vocabulary:
                action = menu.addAction(value)
                action.setCheckable(True)
                action.toggled.connect(lambda on, v=value: self._toggle(v, on))
            menu.aboutToShow.connect(self._sync_menu)
            self.button.setMenu(menu)
            row.addWidget(self.button)

    def values(self) -> list[str]:
        """Return the values typed or chosen."""
        return clause_text.parse_list(self.line.text())

    def set_values(self, values: list[str]) -> None:
        """Show values (without emitting edited), from their start."""
        self.line.setText(", ".join(values))
        self.line.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        """Allow or prevent changes."""
        self.line.setReadOnly(read_only)
        if self.button is not None:
            self.button.setEnabled(not read_only)

    def _sync_menu(self) -> None:
        chosen = set(self.values())
        for action in self.button.menu().actions():
            action.blockSignals(True)
            action.setChecked(action.text() in chosen)
            action.blockSignals(False)

    def _toggle(self, value: str, on: bool) -> None:
        values = [v for v in self.values() if v != value] + ([value] if on else [])
        self.set_values(values)
        self.edited.emit()


class MetadataForm(QWidget):
    """The metadata header as a form; only fields the reviewer touches are rewritten.

    Signals:
        edited(str): the reviewer changed a field (its metadata key).
    """

    edited = Signal(str)

    def __init__(self, topics: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self._meta: dict[str, Any] = {}
        self._loading = False
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QWidget] = {}
        self.id = self._line("id", "ID", "Unique, stable id; letters and overrides refer to it")
        self.title = self._line("title", "Title", "What reviewers and officers see")
        self.topic = QComboBox(self)
        self.topic.setEditable(True)
        self.topic.addItems(sorted(topics))
        self.topic.setAccessibleName("Topic")
        self.topic.setToolTip("Which slot of a letter the clause fills (see clauses/GUIDE.md)")
        self.topic.lineEdit().textEdited.connect(lambda _t: self._changed("topic"))
        self.topic.activated.connect(lambda _i: self._changed("topic"))
        self.fields["topic"] = self.topic
        self.status = QLabel(self)
        self.status.setAccessibleName("Approval status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.draft_button = QPushButton("Return to draft", self)
        self.draft_button.setToolTip("Take the clause out of letters until it is approved again")
        status_box = QWidget(self)
        status_row = QHBoxLayout(status_box)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.draft_button)
        for key in clause_text.LIST_KEYS:
            field = ListField(key.capitalize(), clause_text.VOCABULARY.get(key, ()), self)
            field.setToolTip(LIST_HINTS[key])
            field.edited.connect(lambda k=key: self._changed(k))
            self.fields[key] = field
        self.optional = QCheckBox("Optional (added by hand)", self)
        self.optional.setAccessibleName("Optional")
        self.optional.setToolTip("Never chosen automatically for a letter")
        self.optional.toggled.connect(lambda _on: self._changed("optional"))
        self.fields["optional"] = self.optional
        self.owner = self._line("owner", "Owner", "Team responsible for the wording")
        self.last_reviewed = self._line("last_reviewed", "Last reviewed", "Date of the last review (YYYY-MM-DD)")
        self.review_due = self._line("review_due", "Review due", "After this date the clause is flagged as overdue")
        for widget in (self.last_reviewed, self.review_due):
            widget.setPlaceholderText("YYYY-MM-DD")
        self.guidance = QPlainTextEdit(self)
        self.guidance.setAccessibleName("Guidance")
        self.guidance.setToolTip("A note for drafters: when to use it and what to adapt")
        self.guidance.setTabChangesFocus(True)
        self.guidance.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.guidance.textChanged.connect(lambda: self._changed("guidance"))
        self.fields["guidance"] = self.guidance
        f = self.fields
        rows: list[tuple[tuple[str, QWidget], ...]] = [
            (("ID", self.id),),
            (("Title", self.title),),
            (("Status", status_box),),
            (("Topic", self.topic), ("Owner", self.owner)),
            (("Regimes", f["regimes"]), ("Letters", f["letters"])),
            (("Outcomes", f["outcomes"]), ("Sections", f["sections"])),
            (("Authorities", f["authorities"]), ("", self.optional)),
            (("When", f["when"]),),
            (("Provides", f["provides"]),),
            (("References", f["references"]),),
            (("Last reviewed", self.last_reviewed), ("Review due", self.review_due)),
            (("Guidance", self.guidance),),
        ]
        for row, pairs in enumerate(rows):
            for column, (caption, widget) in enumerate(pairs):
                label = QLabel(caption, self)
                label.setBuddy(widget)
                top = Qt.AlignmentFlag.AlignTop if widget is self.guidance else Qt.AlignmentFlag.AlignVCenter
                grid.addWidget(label, row, column * 2, top)
                grid.addWidget(widget, row, column * 2 + 1, 1, 3 if len(pairs) == 1 else 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def _line(self, key: str, name: str, tip: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setAccessibleName(name)
        line.setToolTip(tip)
        line.textEdited.connect(lambda _t: self._changed(key))
        self.fields[key] = line
        return line

    def meta(self) -> dict[str, Any]:
        """Return the metadata as edited (a copy)."""
        return dict(self._meta)

    def set_meta(self, meta: dict[str, Any], read_only: bool, new: bool = False) -> None:
        """Show metadata; the id can only be typed for a new clause."""
        self._loading = True
        self._meta = dict(meta)
        self.id.setText(str(meta.get("id") or ""))
        self.title.setText(str(meta.get("title") or ""))
        self.topic.setEditText(str(meta.get("topic") or ""))
        for key in clause_text.LIST_KEYS:
            self.fields[key].set_values(clause_text.as_list(meta.get(key)))
        self.optional.setChecked(bool(meta.get("optional")))
        self.owner.setText(str(meta.get("owner") or ""))
        for key in ("last_reviewed", "review_due"):
            self.fields[key].setText(_date_text(meta.get(key)))
        self.guidance.setPlainText(str(meta.get("guidance") or "").rstrip("\n"))
        for widget in (self.title, self.owner, self.last_reviewed, self.review_due):
            widget.setReadOnly(read_only)
        self.id.setReadOnly(read_only or not new)
        self.topic.setEnabled(not read_only)
        self.guidance.setReadOnly(read_only)
        self.optional.setEnabled(not read_only)
        for key in clause_text.LIST_KEYS:
            self.fields[key].set_read_only(read_only)
        self.show_status(read_only)
        self._loading = False

    def set_values(self, **values: Any) -> None:
        """Change metadata fields from code (approval, return to draft); None removes a field."""
        for key, value in values.items():
            if value is None:
                self._meta.pop(key, None)
            else:
                self._meta[key] = value
        self.set_meta(self._meta, read_only=self.title.isReadOnly(), new=not self.id.isReadOnly())

    def show_status(self, read_only: bool) -> None:
        """Describe the approval state."""
        meta = self._meta
        if meta.get("status") == "approved":
            on = meta.get("approved_on")
            when = f" on {_long_date(on)}" if on else ""
            self.status.setText(f"Approved by {meta.get('approved_by') or '(nobody recorded)'}{when}")
            self.status.setToolTip("Approved clauses are used in letters; the approval is recorded in the file")
        else:
            self.status.setText(
                f"{str(meta.get('status') or 'draft').capitalize()}: used only in letters that allow drafts"
            )
        self.draft_button.setVisible(meta.get("status") == "approved")
        self.draft_button.setEnabled(not read_only)

    def focus_field(self, key: str) -> bool:
        """Move the keyboard focus to a field; False when the form has no widget for it."""
        widget = self.fields.get(key)
        if isinstance(widget, ListField):
            widget = widget.line
        if widget is None:
            widget = self.status if key in clause_text.APPROVAL_KEYS else None
        if widget is None:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _changed(self, key: str) -> None:
        if self._loading:
            return
        value = self._value_of(key)
        if value in (None, "", [], False):
            self._meta.pop(key, None)
        else:
            self._meta[key] = value
        self.edited.emit(key)

    def _value_of(self, key: str) -> Any:
        if key in clause_text.LIST_KEYS:
            return self.fields[key].values()
        if key == "topic":
            return self.topic.currentText().strip()
        if key == "optional":
            return self.optional.isChecked()
        if key == "guidance":
            text = self.guidance.toPlainText().strip()
            return text + "\n" if "\n" in text else text
        if key in clause_text.DATE_KEYS:
            return clause_text.parse_date(self.fields[key].text())
        return self.fields[key].text().strip()


def _long_date(value: Any) -> str:
    """Return a metadata date as people read it (1 November 2026)."""
    from app.core.drafting.templating import format_date

    return format_date(value) if isinstance(value, dt.date) else str(value)


def _date_text(value: Any) -> str:
    """Return a metadata date as typed in the form."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)
