"""Lays out the workbench window: layers bar, browser, editor and side tabs, toolbar and menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.drafting.skeleton import all_topics
from app.core.workbench import model
from app.gui.widgets.actions import make_action
from app.gui.workbench.browser import LibraryBrowser
from app.gui.workbench.editor import ClauseEditor
from app.gui.workbench.history import HistoryPanel
from app.gui.workbench.layers_bar import LayersBar
from app.gui.workbench.panels import CataloguePanel, PreviewPanel
from app.gui.workbench.shared_library import SharedLibrary

if TYPE_CHECKING:
    from app.gui.workbench.window import WorkbenchWindow


def build_panels(window: WorkbenchWindow, reviewer: str, delay_ms: int) -> None:
    """Lay out the layers bar over browser, editor with its save row, and the preview/variables/history tabs."""
    window.browser = LibraryBrowser(window.today, window)
    window.browser.entry_selected.connect(window._on_browser_entry_selected)
    window.editor = ClauseEditor(sorted(all_topics()), delay_ms, window)
    window.editor.validated.connect(window._on_editor_validated)
    window.editor.modified_changed.connect(window._on_editor_modified_changed)
    window.preview = PreviewPanel(window.today, window)
    window.catalogue = CataloguePanel(window)
    window.catalogue.variable_chosen.connect(window.editor.insert_variable)
    window.history = HistoryPanel(window)
    window.history.restore_requested.connect(window._on_history_restore_requested)
    window.side = QTabWidget(window)
    window.side.setAccessibleName("Preview, variables and history")
    window.side.addTab(window.preview, "Preview")
    window.side.addTab(window.catalogue, "Variables")
    window.side.addTab(window.history, "History")
    window.side.setTabToolTip(0, "The clause rendered with an example case")
    window.side.setTabToolTip(1, "The case variables clause templates can use")
    window.side.setTabToolTip(2, "Saved versions of this clause and what changed")
    middle = QWidget(window)
    column = QVBoxLayout(middle)
    column.setContentsMargins(4, 4, 4, 4)
    column.addWidget(window.editor, 1)
    column.addLayout(_save_row(window, middle))
    window.columns = QSplitter(Qt.Orientation.Horizontal, window)
    window.columns.setChildrenCollapsible(False)
    window.columns.addWidget(window.browser)
    window.columns.addWidget(middle)
    window.columns.addWidget(window.side)
    window.columns.setSizes([520, 570, 410])
    window.layers_bar = LayersBar(window)
    window.layers_bar.show_layers(window.layers)
    central = QWidget(window)
    stack = QVBoxLayout(central)
    stack.setContentsMargins(0, 0, 0, 0)
    stack.addWidget(window.layers_bar)
    stack.addWidget(window.columns, 1)
    window.setCentralWidget(central)
    window.reviewer = QLineEdit(reviewer, window)
    window.reviewer.setAccessibleName("Reviewer name")
    window.reviewer.setPlaceholderText("Your name (recorded on approval)")
    window.reviewer.setToolTip("Recorded as approved_by and as the author of history entries")
    window.reviewer.setMinimumWidth(180)
    window.reviewer.setMaximumWidth(280)


def _save_row(window: WorkbenchWindow, parent: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    window.note = QLineEdit(parent)
    window.note.setAccessibleName("Change note")
    window.note.setPlaceholderText("Change note for the history (optional)")
    window.note.setToolTip("Recorded as the commit message or snapshot note")
    window.note.returnPressed.connect(window.save)
    label = QLabel("Change note:", parent)
    label.setBuddy(window.note)
    window.save_button = QPushButton("Save", parent)
    window.save_button.clicked.connect(window.save)
    window.approve_button = QPushButton("Approve", parent)
    window.approve_button.clicked.connect(window.approve)
    row.addWidget(label)
    row.addWidget(window.note, 1)
    row.addWidget(window.save_button)
    row.addWidget(window.approve_button)
    return row


def build_actions(window: WorkbenchWindow) -> None:
    """Create the clause actions, the toolbar (with the reviewer field) and the Clause and Shared menus."""
    style = window.style()
    P = QStyle.StandardPixmap
    window.save_action = make_action(
        window,
        "&Save",
        window.save,
        QKeySequence.StandardKey.Save,
        "Save the clause file and record it in the history",
        P.SP_DialogSaveButton,
    )
    window.approve_action = make_action(
        window,
        "&Approve",
        window.approve,
        "Ctrl+Shift+A",
        "Mark the clause approved with your name and today's date",
        P.SP_DialogApplyButton,
    )
    window.remove_action = make_action(
        window,
        "&Remove override",
        window.remove_override,
        None,
        "Delete this copy; letters use the wording it overrides again",
        P.SP_TrashIcon,
    )
    window.new_action = make_action(
        window,
        "&New clause…",
        window.new_clause,
        QKeySequence.StandardKey.New,
        "Start a new clause in your organisation or personal layer",
        P.SP_FileIcon,
    )
    window.reload_action = make_action(
        window,
        "Re&load library",
        window.reload,
        "F5",
        "Read every layer again (after a git pull, for example)",
        P.SP_BrowserReload,
    )
    find = make_action(
        window,
        "&Find clause",
        lambda: window.browser.search.setFocus(),
        QKeySequence.StandardKey.Find,
        "Search the library",
    )
    close = make_action(window, "&Close", window.close, QKeySequence.StandardKey.Close, "Close the workbench")
    window.override_actions = {}
    window.override_menu = QMenu("&Override in…", window)
    fill_override_menu(window)
    window.override_button = QToolButton(window)
    window.override_button.setText("Override in…")
    window.override_button.setAccessibleName("Override in a higher layer")
    window.override_button.setMenu(window.override_menu)
    window.override_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    window.override_button.setIcon(style.standardIcon(P.SP_FileDialogNewFolder))
    window.override_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar = QToolBar("Workbench", window)
    toolbar.setObjectName("workbench-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (window.save_action, window.approve_action):
        toolbar.addAction(action)
    toolbar.addWidget(window.override_button)
    for action in (window.remove_action, window.new_action, window.reload_action):
        toolbar.addAction(action)
    toolbar.addSeparator()
    caption = QLabel(" Reviewer: ", window)
    caption.setBuddy(window.reviewer)
    toolbar.addWidget(caption)
    toolbar.addWidget(window.reviewer)
    window.addToolBar(toolbar)
    menu = window.menuBar().addMenu("&Clause")
    for action in (window.save_action, window.approve_action):
        menu.addAction(action)
    menu.addMenu(window.override_menu)
    for action in (window.remove_action, window.new_action, window.reload_action, find):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(close)
    window.shared = SharedLibrary(window)
    window.menuBar().addMenu(window.shared.menu)


def fill_override_menu(window: WorkbenchWindow) -> None:
    """Offer one "Override in" action per editable layer."""
    window.override_menu.clear()
    window.override_actions.clear()
    for layer in model.editable_layers(window.layers):
        action = make_action(
            window,
            f"Override in {layer.name} layer",
            lambda target=layer: window.override(target),
            None,
            f"Copy this clause into {layer.folder} and edit the copy there",
        )
        window.override_actions[layer.name] = action
        window.override_menu.addAction(action)
