"""Builds the main window's working parts: settings, the case document, panels, menus, watchers and their wiring."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.core.casefile import drafts as case_io
from app.core.settings.organisation import load_layered
from app.gui.officer.actions import UndoKeysFilter, build_menus, create_actions
from app.gui.officer.document import CaseDocument
from app.gui.officer.files import FileController
from app.gui.officer.layout import build_panels, build_status_bar
from app.gui.officer.library_watch import LibraryWatcher
from app.gui.officer.recovery import Autosaver, RecoveryStore
from app.gui.officer.word_roundtrip import WordRoundTrip
from app.gui.widgets.editors import Spelling

if TYPE_CHECKING:
    from app.gui.officer.main_window import MainWindow


def build_window(window: MainWindow, warm_up_first: bool = False) -> None:
    """Give the window its settings, case document, panels, menus and status bar, wired up.

    With warm_up_first the letter builder's worker starts loading what builds need as soon as the
    document exists, while the panels are built (the window is already on screen).
    """
    env = window.env
    layered = load_layered(env.preferences_path, env.organisation_path, env.organisation_required)
    window.preferences, window.organisation = layered.preferences, layered.organisation
    window.preference_problems = layered.problems
    # First run: no preferences yet, and no authority profile supplied by the organisation either.
    window.first_run = not env.preferences_path.exists() and not window.preferences.profiles()
    if getattr(window, "state", None) is None:
        window.state = QSettings(str(env.state_path), QSettings.Format.IniFormat)
    window.document = CaseDocument(
        window.library_folders(),
        env.today,
        case_io.new_case(window.preferences, env.today()),
        env.preview_delay_ms,
        window,
        profiles=window.preferences.profiles(),
    )
    if warm_up_first:
        window.document.prepare_builder()
    window.library_watch = LibraryWatcher(window.document, getattr(env, "library_poll_ms", 2000), window)
    window.library_watch.changed.connect(
        lambda: window.statusBar().showMessage("The clause library changed on disk: letter rebuilt", 6000)
    )
    window.recovery = RecoveryStore(env.recovery_dir)
    window.autosaver = Autosaver(window.document, window.recovery, env.autosave_ms, window)
    window.files = FileController(
        window, window.document, env.prompter, window.state, lambda: window.preferences, env.today
    )
    window.word = WordRoundTrip(window, window.document, env.prompter, env.today, window.files.export_folder)
    window.spelling = Spelling(window)
    build_panels(window, window.spelling)
    window.actions = create_actions(window, window.document.undo_stack)
    build_menus(window, window.actions, window.files.fill_recent_menu)
    build_status_bar(window)
    connect(window)
    window._undo_keys = UndoKeysFilter(window)
    window._undo_keys.watch_text_fields(window)
    window.setWindowIcon(QApplication.windowIcon())
    restore_view_state(window)
    window._on_document_path_changed(None)
    if env.spelling:
        window.document.build_finished.connect(window._on_first_build_finished)


def connect(window: MainWindow) -> None:
    """Wire the document, the controllers and the panels to the window's slots."""
    doc = window.document
    doc.path_changed.connect(window._on_document_path_changed)
    doc.modified_changed.connect(window._on_document_modified_changed)
    doc.case_replaced.connect(lambda: window._on_document_path_changed(doc.path))
    doc.field_changed.connect(window._on_document_field_changed)
    doc.findings_changed.connect(window._on_document_findings_changed)
    doc.deadline_changed.connect(window._on_document_deadline_changed)
    window.files.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.word.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.files.exported.connect(window._on_files_exported)
    window.autosaver.autosaved.connect(lambda _path: window.statusBar().showMessage("Draft autosaved", 2000))
    window.autosaver.failed.connect(window._on_autosaver_failed)
    doc.builder.failed.connect(lambda text: window.statusBar().showMessage(f"Error: {text}", 15000))
    window.findings.finding_activated.connect(window._on_findings_finding_activated)
    window.case_panel.split_requested.connect(window._on_case_panel_split_requested)
    window.letter_view.block_selected.connect(window.preview.show_key)


def restore_view_state(window: MainWindow) -> None:
    """Restore geometry, splitters, toolbars and theme from the window-state file."""
    state = window.state
    geometry = state.value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(1560, 940)
    for key, splitter in (
        ("window/columns", window.columns),
        ("window/rows", window.rows),
        ("window/letter", window.letter_view.splitter),
    ):
        value = state.value(key)
        if value is not None:
            splitter.restoreState(value)
    window_state = state.value("window/state")
    if window_state is not None:
        window.restoreState(window_state)
    window.set_theme(str(state.value("view/theme", "system")), remember=False)
