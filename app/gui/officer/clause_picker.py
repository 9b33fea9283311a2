"""Add a library clause to this letter: search, suggestions that fit the case, and each guidance note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.drafting.clause_fit import Candidate, candidates, render_for_case
from app.gui.officer.letter_view import reflow, section_label


class ClausePickerDialog(QDialog):
    """Lists clauses that serve the case's regime and letter kind; suggested ones first."""

    def __init__(self, document, section_key: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("Add a clause from the library")
        case, today = document.resolved_case(), document.today()
        self._candidates = candidates(document.library, case, document.letter, section_key, today)
        self._build(section_key)
        self._fill()
        self.resize(820, 560)

    def _build(self, section_key: str | None) -> None:
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search clauses by title, topic, id or wording")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search clauses")
        self.optional_only = QCheckBox("Only &optional clauses (the letter already has the required ones)", self)
        self.optional_only.setChecked(True)
        self.fitting_only = QCheckBox("Only clauses that &fit this case's outcomes and sections", self)
        self.fitting_only.setChecked(True)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.list = QListWidget(splitter)
        self.list.setAccessibleName("Clauses")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details = QWidget(splitter)
        form = QFormLayout(details)
        self.about = QLabel(details)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance = QLabel(details)
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance.setAccessibleName("Guidance note")
        self.body = QPlainTextEdit(details)
        self.body.setReadOnly(True)
        self.body.setAccessibleName("Clause wording")
        self.section = QComboBox(details)
        self.section.setAccessibleName("Section to add the clause to")
        for section in self.document.letter.sections if self.document.letter else []:
            self.section.addItem(section_label(section), section.key)
        if section_key:
            self.section.setCurrentIndex(max(self.section.findData(section_key), 0))
        form.addRow("Clause:", self.about)
        form.addRow("Guidance:", self.guidance)
        form.addRow("Wording for this letter:", self.body)
        form.addRow("Add to &section:", self.section)
        splitter.setSizes([320, 480])
        self.empty = QLabel("", self)
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Add clause")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.search)
        layout.addWidget(self.optional_only)
        layout.addWidget(self.fitting_only)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._fill)
        self.fitting_only.toggled.connect(self._fill)
        self.optional_only.toggled.connect(self._fill)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.list.itemActivated.connect(lambda _item: self.accept())

    def _fill(self) -> None:
        query = self.search.text().strip().lower()
        self.list.clear()
        for index, candidate in enumerate(self._candidates):
            if self.fitting_only.isChecked() and not candidate.fits:
                continue
            if self.optional_only.isChecked() and not candidate.clause.optional:
                continue
            if query and not _matches(candidate, query):
                continue
            item = QListWidgetItem(candidate.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(candidate.clause.guidance or candidate.clause.title)
        self.empty.setText(
            "" if self.list.count() else "No clause matches. Clear the search or untick a filter to see more."
        )
        if self.list.count():
            self.list.setCurrentRow(0)
        self.ok_button.setEnabled(self.list.count() > 0)

    def current(self) -> Candidate | None:
        """Return the highlighted candidate."""
        item = self.list.currentItem()
        return self._candidates[item.data(Qt.ItemDataRole.UserRole)] if item else None

    def choice(self) -> tuple[str, str] | None:
        """Return (clause id, section key) chosen, or None."""
        candidate = self.current()
        if candidate is None or self.section.currentData() is None:
            return None
        return candidate.clause.id, self.section.currentData()

    def select_clause(self, clause_id: str) -> bool:
        """Highlight a clause by id (showing all clauses if needed); return whether it was found."""
        for attempt in range(2):
            for row in range(self.list.count()):
                if self._candidates[self.list.item(row).data(Qt.ItemDataRole.UserRole)].clause.id == clause_id:
                    self.list.setCurrentRow(row)
                    return True
            if attempt == 0:
                self.search.clear()
                self.fitting_only.setChecked(False)
                self.optional_only.setChecked(False)
        return False

    def _on_list_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        candidate = self.current() if current else None
        if candidate is None:
            self.about.clear()
            self.guidance.clear()
            self.body.clear()
            return
        clause = candidate.clause
        facts = [f"id {clause.id}", f"topic {clause.topic}", clause.status]
        for name in ("regimes", "outcomes", "sections"):
            if getattr(clause, name):
                facts.append(f"{name}: {', '.join(getattr(clause, name))}")
        self.about.setText(f"{clause.title}\n{' · '.join(facts)}")
        self.guidance.setText(reflow(clause.guidance) or "No guidance note.")
        library = self.document.library
        text, error = render_for_case(
            clause,
            self.document.resolved_case(),
            self.document.today(),
            candidate.section,
            library.commencements if library else None,
        )
        self.body.setPlainText(text if not error else f"{text}\n\n(Cannot be filled in for this case: {error})")
        target = self.section.findData(candidate.section)
        if target >= 0:
            self.section.setCurrentIndex(target)


def _matches(candidate: Candidate, query: str) -> bool:
    """Tell whether a candidate matches a search."""
    clause = candidate.clause
    return any(query in text.lower() for text in (clause.title, clause.topic, clause.id, clause.body, clause.guidance))
