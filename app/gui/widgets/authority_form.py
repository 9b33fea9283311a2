"""A form for an authority's details, shared by Settings, first-run setup and the Case tab.

In the Case tab the form shows the profile's values as grey placeholder text: an empty field
means "as the profile says", typing overrides it for this case only.

Signals:
    field_edited(str, object): the officer changed a field (its name on Authority, the new value).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.core.casefile.authority import KINDS
from app.core.casefile.model import Authority

# (field on Authority, label with mnemonic, accessible name, tooltip)
TEXT_ROWS = (
    ("name", "Authority &name:", "Authority name", "The authority's name as the letterhead shows it"),
    ("foi_unit", "FOI &unit:", "FOI unit", "The team that handles requests, e.g. Information Rights Unit"),
    ("email", "&E-mail:", "Authority e-mail", "The authority's general e-mail address for the letterhead"),
    ("foi_email", "Re&view e-mail:", "Review e-mail", "Where requesters send a request for internal review"),
    ("phone", "&Phone:", "Authority phone", "A telephone number for the letterhead"),
    ("disclosure_log", "Disclosure &log:", "Disclosure log address", "Web address of the published disclosure log"),
)
LINE_ROWS = (
    ("address", "Letterhead &address:", "Letterhead address", "The postal address on the letterhead, one line per row"),
    ("foi_address", "Review addre&ss:", "Review address", "Where requesters write for a review, one line per row"),
)


def lines_of(text: str) -> list[str]:
    """Return the non-empty lines of an address box."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class AuthorityForm(QWidget):
    """Edits one Authority; `authority()` returns what the form shows."""

    field_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._updating = False
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.texts: dict[str, QLineEdit] = {}
        self.lines: dict[str, QPlainTextEdit] = {}
        self.kind = QComboBox(self)
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.kind.setAccessibleName("Kind of authority")
        self.kind.setToolTip("Which kind of body this is; the clause library offers only clauses that suit it")
        self.central_government = QCheckBox("FOIA Schedule 1 Part I body", self)
        self.central_government.setToolTip(
            "Central government bodies listed in FOIA Schedule 1 Part I: cost limit £600, not £450"
        )
        self.central_government.setAccessibleName("Central government (Schedule 1 Part I)")
        for name, label, accessible, tip in TEXT_ROWS[:2]:
            self._add_text(name, label, accessible, tip)
        self._add_row("&Kind:", self.kind)
        self._add_lines(*LINE_ROWS[0])
        for name, label, accessible, tip in TEXT_ROWS[2:]:
            self._add_text(name, label, accessible, tip)
        self._add_lines(*LINE_ROWS[1])
        self.form.addRow("", self.central_government)
        self.kind.currentIndexChanged.connect(lambda _i: self._emit("kind", self.kind.currentData()))
        self.central_government.toggled.connect(lambda on: self._emit("central_government", on))

    def _add_row(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)

    def _add_text(self, name: str, label: str, accessible: str, tip: str) -> None:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.setToolTip(tip)
        edit.textEdited.connect(lambda text, n=name: self._emit(n, text))
        self.texts[name] = edit
        self._add_row(label, edit)

    def _add_lines(self, name: str, label: str, accessible: str, tip: str) -> None:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(accessible)
        edit.setToolTip(tip)
        edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        edit.textChanged.connect(lambda n=name, e=edit: self._emit(n, lines_of(e.toPlainText())))
        self.lines[name] = edit
        self._add_row(label, edit)

    def _emit(self, name: str, value: object) -> None:
        if not self._updating:
            self.field_edited.emit(name, value)

    # ------------------------------------------------------------ model -> widgets

    def set_authority(self, authority: Authority) -> None:
        """Show an authority's own fields."""
        self._updating = True
        try:
            for name, edit in self.texts.items():
                if edit.text() != getattr(authority, name):
                    edit.setText(getattr(authority, name))
            for name, box in self.lines.items():
                if lines_of(box.toPlainText()) != getattr(authority, name):
                    box.setPlainText("\n".join(getattr(authority, name)))
            self.kind.setCurrentIndex(max(self.kind.findData(authority.kind), 0))
            self.central_government.setChecked(bool(authority.central_government))
        finally:
            self._updating = False

    def set_inherited(self, inherited: Authority | None) -> None:
        """Show what an empty field stands for (the profile's value) as placeholder text."""
        for name, edit in self.texts.items():
            value = getattr(inherited, name) if inherited else ""
            edit.setPlaceholderText(value or ("Required" if name == "name" else ""))
        for name, box in self.lines.items():
            value = getattr(inherited, name) if inherited else []
            box.setPlaceholderText("\n".join(value) if value else "One line per row")

    def authority(self) -> Authority:
        """Return the authority as the form shows it."""
        authority = Authority(name="")
        for name, edit in self.texts.items():
            setattr(authority, name, edit.text().strip())
        for name, box in self.lines.items():
            setattr(authority, name, lines_of(box.toPlainText()))
        authority.kind = self.kind.currentData() or ""
        authority.central_government = self.central_government.isChecked()
        return authority
