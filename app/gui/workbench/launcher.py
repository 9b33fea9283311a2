"""Opens the workbench from the main window, wired to its letter, library folders, spelling and closing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt

from app.core.drafting.library import default_layers
from app.gui.workbench.prompter import WorkbenchPrompter
from app.gui.workbench.window import WorkbenchWindow


class CloseGuard(QObject):
    """Asks about the workbench's unsaved changes before the main window closes (and the app with it)."""

    def __init__(self, workbench: WorkbenchWindow):
        super().__init__(workbench)
        self.workbench = workbench

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self.workbench.isVisible() and not self.workbench.maybe_save():
            event.ignore()
            return True
        return False


def open_workbench(main_window: Any, prompter: WorkbenchPrompter | None = None) -> WorkbenchWindow:
    """Open (or raise) the workbench for the main window's libraries; saved changes rebuild its letter."""
    existing = main_window.findChild(WorkbenchWindow)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    preferences = main_window.preferences
    env = main_window.env
    spelling = getattr(main_window, "spelling", None)
    window = WorkbenchWindow(
        default_layers(main_window.library_folders()),
        env.today,
        preferences.signatory_name,
        prompter or WorkbenchPrompter(env.prompter),
        main_window,
        getattr(spelling, "service", None),
        getattr(env, "preview_delay_ms", 300),
    )
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    document = main_window.document
    window.library_saved.connect(lambda: document.set_library_folders(document.library_folders))
    window.folders_source = main_window.library_folders
    main_window.library_folders_changed.connect(window.follow_folders)
    if spelling is not None and getattr(spelling, "service", None) is None:
        spelling.enabled.connect(window.editor.body.enable_spelling)
    main_window.installEventFilter(CloseGuard(window))
    window.show()
    return window
