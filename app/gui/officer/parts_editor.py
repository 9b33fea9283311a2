"""The parts editor: each question of the request with its outcome, exemptions, cost and answer."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.casefile.rules import EXEMPTION_OUTCOMES
from app.gui.officer.exemption_picker import ExemptionPicker, describe
from app.gui.officer.reasons_editor import ReasonsEditor
from app.gui.widgets.editors import TypingWatcher, set_text_keeping_cursor, text_editor

OUTCOME_LABELS = {
    "disclosed": "Disclosed in full",
    "partial": "Disclosed in part (exemptions)",
    "withheld": "Withheld (exemptions)",
    "not-held": "Not held",
    "ncnd": "Neither confirm nor deny",
    "cost-limit": "Refused – over the cost limit",
    "vexatious": "Refused – vexatious",
    "repeated": "Refused – repeated request",
}


def hours_value(value: float) -> Decimal | None:
    """Return the spin box's hours as the case stores them (None when not estimated)."""
    if value <= 0:
        return None
    return Decimal(int(value)) if value == int(value) else Decimal(str(round(value, 1)))


class PartsEditor(QWidget):
    """Lists the parts and edits the selected one; all changes go through the document.

    Signals:
        part_selected(int): the officer selected a part (its index).
    """

    part_selected = Signal(int)

    def __init__(self, document, spelling: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._updating = False
        self._exemptions_stale = False
        self._watcher = TypingWatcher(document.end_typing, self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_list())
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._build_detail(spelling))
        layout.addWidget(scroll, 1)
        self._connect()
        self.refresh()

    # ------------------------------------------------------------ building

    def _build_list(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.parts = QListWidget(self)
        self.parts.setAccessibleName("Parts of the request")
        self.parts.setToolTip("One entry per question of the request")
        self.parts.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        self.parts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parts.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        buttons = QVBoxLayout()
        self.add_button = QPushButton("Add part", self)
        self.remove_button = QPushButton("Remove", self)
        self.up_button = QPushButton("Move up", self)
        self.down_button = QPushButton("Move down", self)
        for button, tip in (
            (self.add_button, "Add a question after the selected one"),
            (self.remove_button, "Remove the selected question"),
            (self.up_button, "Move the selected question up"),
            (self.down_button, "Move the selected question down"),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addWidget(self.parts, 1)
        row.addLayout(buttons)
        return row

    def _build_detail(self, spelling: Any) -> QWidget:
        detail = QWidget(self)
        form = QFormLayout(detail)
        self.question = text_editor(
            detail, "Question", "The question, restated (optional for one-part requests)", spelling
        )
        self.question.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.outcome = QComboBox(detail)
        for key, label in OUTCOME_LABELS.items():
            self.outcome.addItem(label, key)
        self.outcome.setAccessibleName("Outcome")
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.outcome.setToolTip("What you decided for this question")
        self.cost_hours = QDoubleSpinBox(detail)
        self.cost_hours.setRange(0, 10000)
        self.cost_hours.setDecimals(1)
        self.cost_hours.setSuffix(" hours")
        self.cost_hours.setSpecialValueText("Not estimated")
        self.cost_hours.setAccessibleName("Estimated hours")
        self.cost_hours.setToolTip("Your estimate of the time needed to comply (cost-limit refusals)")
        self.cost_label = QLabel("Estimated &time:", detail)
        self.cost_label.setBuddy(self.cost_hours)
        form.addRow("&Question:", self.question)
        form.addRow("&Outcome:", self.outcome)
        form.addRow(self.cost_label, self.cost_hours)
        form.addRow(self._build_exemptions(detail))
        self.reasons = ReasonsEditor(self.document, spelling, detail)
        self.reasons.setVisible(False)
        form.addRow(self.reasons)
        self.answer = text_editor(
            detail,
            "Answer",
            "Your answer to this question. Markdown: - bullets, 1. numbers, **bold**, | tables |",
            spelling,
        )
        self.answer.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        form.addRow("Ans&wer:", self.answer)
        return detail

    def _build_exemptions(self, parent: QWidget) -> QGroupBox:
        self.exemptions_group = QGroupBox("Exemptions relied on", parent)
        layout = QVBoxLayout(self.exemptions_group)
        self.chosen = QListWidget(self.exemptions_group)
        self.chosen.setAccessibleName("Exemptions relied on for this part")
        self.chosen.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.chosen.setWordWrap(True)
        self.chosen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.remove_exemption_button = QPushButton("Remove exemption", self.exemptions_group)
        self.remove_exemption_button.setToolTip("Stop relying on the selected exemption")
        row = QHBoxLayout()
        row.addWidget(self.chosen, 1)
        row.addWidget(self.remove_exemption_button, 0, Qt.AlignmentFlag.AlignTop)
        self.picker = ExemptionPicker(self.exemptions_group)
        self.picker.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        layout.addLayout(row)
        layout.addWidget(self.picker, 1)
        return self.exemptions_group

    def _connect(self) -> None:
        self.parts.currentRowChanged.connect(self._on_parts_row_changed)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.question.textChanged.connect(self._on_question_changed)
        self.answer.textChanged.connect(self._on_answer_changed)
        self.outcome.currentIndexChanged.connect(self._on_outcome_changed)
        self.cost_hours.valueChanged.connect(self._on_cost_hours_changed)
        self.picker.picked.connect(self.add_exemption)
        self.remove_exemption_button.clicked.connect(self._on_remove_exemption_clicked)
        self.chosen.currentItemChanged.connect(self._on_chosen_changed)
        self._watcher.watch(self.question, self.answer, self.cost_hours)
        self.document.case_replaced.connect(self.refresh)
        self.document.parts_changed.connect(self._on_document_parts_changed)
        self.document.part_changed.connect(self._on_document_part_changed)
        self.document.field_changed.connect(self._on_document_field_changed)

    # ------------------------------------------------------------ public

    def current_index(self) -> int:
        """Return the index of the selected part."""
        return max(self.parts.currentRow(), 0)

    def select_part(self, index: int) -> None:
        """Select a part by index."""
        if 0 <= index < self.parts.count():
            self.parts.setCurrentRow(index)

    def add_exemption(self, cite: str) -> None:
        """Rely on one more section for the selected part."""
        index = self.current_index()
        current = list(self.document.case.parts[index].exemptions)
        if cite not in current:
            self.document.edit_part_field(index, "exemptions", [*current, cite])

    def refresh(self) -> None:
        """Show the case's parts and the selected part."""
        row = self.parts.currentRow()
        self._updating = True
        try:
            self.picker.set_regime(self.document.case.regime)
            self.parts.clear()
            for index, part in enumerate(self.document.case.parts):
                item = QListWidgetItem(self._part_label(index, part), self.parts)
                item.setToolTip(part.question or "The question is not restated")
        finally:
            self._updating = False
        self.parts.setCurrentRow(min(max(row, 0), self.parts.count() - 1))
        self._show_part()

    # ------------------------------------------------------------ model -> widgets

    def _part_label(self, index: int, part) -> str:
        question = " ".join(part.question.split()) or "(question not restated)"
        if len(question) > 70:
            question = question[:69] + "…"
        return f"{index + 1}. {question} — {OUTCOME_LABELS.get(part.outcome, part.outcome)}"

    def _show_part(self) -> None:
        index = self.current_index()
        if index >= len(self.document.case.parts):
            return
        part = self.document.case.parts[index]
        self._updating = True
        try:
            set_text_keeping_cursor(self.question, part.question)
            set_text_keeping_cursor(self.answer, part.answer)
            self.outcome.setCurrentIndex(max(self.outcome.findData(part.outcome), 0))
            self.cost_hours.setValue(float(part.cost_hours or 0))
            self._show_exemptions(part)
        finally:
            self._updating = False
        self._show_outcome_rows(part.outcome)
        self.remove_button.setEnabled(len(self.document.case.parts) > 1)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(index < len(self.document.case.parts) - 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        part = self.document.case.parts[self.current_index()]
        if self._exemptions_stale:
            self._show_exemptions(part)
        else:
            self._show_reasons(part)

    def _show_exemptions(self, part) -> None:
        """List the part's exemptions (the registry is read only once the editor is on screen)."""
        self.chosen.clear()
        self.remove_exemption_button.setEnabled(bool(part.exemptions))
        self._exemptions_stale = bool(part.exemptions) and not self.isVisible()
        self._show_reasons(part)
        if not part.exemptions or self._exemptions_stale:
            return
        from app.core.law.citations import CitationError
        from app.core.law.registry import load_registry

        registry = load_registry(self.document.case.regime)
        for cite in part.exemptions:
            try:
                provision = registry.lookup(cite)
            except CitationError:
                provision = None
            if provision is None:
                text = f"{cite} — not in the {registry.short_name} registry (see Findings)"
            else:
                text = f"{registry.cite_text(cite)} — {provision.title}\n    {describe(provision, registry)[1]}"
            item = QListWidgetItem(text, self.chosen)
            item.setData(Qt.ItemDataRole.UserRole, cite)

    def _show_reasons(self, part) -> None:
        """Offer the reasons of the part's exemptions, and of EIR/EISR's manifestly unreasonable exception for a burden refusal."""
        if not self.isVisible():  # hidden (as while the window is built): nothing to offer yet
            self.reasons.show_exemptions([], None)
            return
        from app.core.drafting.views import burden_exception

        cites = list(part.exemptions)
        implied = burden_exception(self.document.case.regime, part.outcome)
        if implied and implied not in cites:
            cites.append(implied)
        if not cites:
            self.reasons.show_exemptions([], None)
            return
        from app.core.law.registry import load_registry

        self.reasons.show_exemptions(cites, load_registry(self.document.case.regime))

    def _show_outcome_rows(self, outcome: str) -> None:
        cost = outcome == "cost-limit"
        self.cost_hours.setVisible(cost)
        self.cost_label.setVisible(cost)
        has_exemptions = bool(self.document.case.parts[self.current_index()].exemptions)
        self.exemptions_group.setVisible(outcome in EXEMPTION_OUTCOMES or has_exemptions)

    def _relabel(self, index: int) -> None:
        item = self.parts.item(index)
        if item is not None and index < len(self.document.case.parts):
            item.setText(self._part_label(index, self.document.case.parts[index]))

    def _on_document_parts_changed(self) -> None:
        self.refresh()

    def _on_document_part_changed(self, index: int, _name: str) -> None:
        self._relabel(index)
        if index == self.current_index():
            self._show_part()

    def _on_document_field_changed(self, path: str) -> None:
        if path == "regime":
            self.refresh()

    # ------------------------------------------------------------ widgets -> model

    def _edit(self, name: str, value: Any, typing: bool = False) -> None:
        if not self._updating:
            self.document.edit_part_field(self.current_index(), name, value, typing)

    def _on_parts_row_changed(self, row: int) -> None:
        if not self._updating and row >= 0:
            self.document.end_typing()
            self._show_part()
            self.part_selected.emit(row)

    def _on_add_clicked(self) -> None:
        index = self.document.add_part(self.current_index() + 1)
        self.select_part(index)

    def _on_remove_clicked(self) -> None:
        index = self.current_index()
        if self.document.remove_part(index):
            self.select_part(min(index, len(self.document.case.parts) - 1))

    def _move(self, delta: int) -> None:
        index = self.current_index()
        if self.document.move_part(index, index + delta):
            self.select_part(index + delta)

    def _on_question_changed(self) -> None:
        self._edit("question", self.question.toPlainText(), typing=True)

    def _on_answer_changed(self) -> None:
        self._edit("answer", self.answer.toPlainText(), typing=True)

    def _on_outcome_changed(self, _index: int) -> None:
        self._edit("outcome", self.outcome.currentData())
        if not self._updating:
            self._show_outcome_rows(self.outcome.currentData())

    def _on_cost_hours_changed(self, value: float) -> None:
        self._edit("cost_hours", hours_value(value), typing=True)

    def _on_chosen_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        """Show the reasons of the exemption the officer selected."""
        if item is not None:
            index = self.reasons.exemption.findData(item.data(Qt.ItemDataRole.UserRole))
            if index >= 0:
                self.reasons.exemption.setCurrentIndex(index)

    def _on_remove_exemption_clicked(self) -> None:
        item = self.chosen.currentItem() or self.chosen.item(self.chosen.count() - 1)
        if item is None:
            return
        index = self.current_index()
        cite = item.data(Qt.ItemDataRole.UserRole)
        remaining = [c for c in self.document.case.parts[index].exemptions if c != cite]
        self.document.edit_part_field(index, "exemptions", remaining)
