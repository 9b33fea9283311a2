"""Lays out the main window: Case and Parts tabs, letter, preview and findings panels, and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.gui.officer.case_panel import CasePanel
from app.gui.officer.findings_panel import FindingsPanel
from app.gui.officer.letter_view import LetterView
from app.gui.officer.parts_editor import PartsEditor
from app.gui.officer.preview import PreviewPane

if TYPE_CHECKING:
    from app.gui.officer.main_window import MainWindow


def build_panels(window: MainWindow, spelling: Any) -> None:
    """Lay out the Case and Parts tabs, letter, preview and findings in splitters, with the tab order."""
    window.case_panel = CasePanel(window.document, spelling, window)
    window.parts_editor = PartsEditor(window.document, spelling, window)
    window.tabs = QTabWidget(window)
    window.tabs.setAccessibleName("Case and parts")
    window.tabs.addTab(window.case_panel, "Case")
    window.tabs.addTab(window.parts_editor, "Parts")
    window.tabs.setTabToolTip(0, "The request, the requester and the dates (Alt+1)")
    window.tabs.setTabToolTip(1, "Each question with its outcome, exemptions and answer (Alt+2)")
    window.letter_view = LetterView(window.document, spelling, window)
    window.preview = PreviewPane(window.document, window)
    window.findings = FindingsPanel(window.document, window)
    window.columns = QSplitter(Qt.Orientation.Horizontal, window)
    window.columns.setObjectName("columns")
    window.columns.addWidget(window.tabs)
    window.columns.addWidget(titled("Letter — sections and clauses", window.letter_view, window.columns))
    window.columns.addWidget(titled("Preview", window.preview, window.columns))
    window.columns.setSizes([470, 520, 610])
    window.rows = QSplitter(Qt.Orientation.Vertical, window)
    window.rows.setObjectName("rows")
    window.rows.addWidget(window.columns)
    window.rows.addWidget(titled("Findings — what the statute requires", window.findings, window.rows))
    window.rows.setSizes([760, 160])
    for splitter in (window.columns, window.rows):
        splitter.setChildrenCollapsible(False)
    window.setCentralWidget(window.rows)
    window.setTabOrder(window.tabs, window.letter_view.tree)
    window.setTabOrder(window.letter_view.tree, window.letter_view.editor)
    window.setTabOrder(window.letter_view.editor, window.preview.browser)
    window.setTabOrder(window.preview.browser, window.findings.tree)


def build_status_bar(window: MainWindow) -> None:
    """Add the findings and deadline labels and show the first message (a settings problem, or Ready)."""
    window.deadline_label = QLabel(window)
    window.deadline_label.setAccessibleName("Deadline")
    window.findings_label = QLabel(window)
    window.findings_label.setAccessibleName("Findings count")
    window.statusBar().addPermanentWidget(window.findings_label)
    window.statusBar().addPermanentWidget(window.deadline_label)
    problems = window.preference_problems
    window.statusBar().showMessage(f"Settings: {problems[0]}" if problems else "Ready", 15000 if problems else 3000)


def titled(title: str, widget: QWidget, parent: QWidget) -> QWidget:
    """Return a widget under a bold caption."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 0)
    caption = QLabel(f"<b>{title}</b>", box)
    caption.setBuddy(widget)
    layout.addWidget(caption)
    layout.addWidget(widget, 1)
    return box
