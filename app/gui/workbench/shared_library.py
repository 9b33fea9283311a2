"""The workbench's Shared library menu: status, pull (after showing what comes in) and push, through git."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QMenu

from app.core.workbench import model, sync
from app.core.workbench.history import git_root
from app.gui.widgets.actions import make_action


class SharedLibrary(QObject):
    """Pull and push the first editable layer that is a git repository (usually the organisation's)."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.menu = QMenu("S&hared library", window)
        self.status_action = make_action(
            window, "Library &status", self.show_status, None, "Compare with the shared copy"
        )
        self.pull_action = make_action(
            window,
            "&Pull colleagues' changes…",
            self.pull,
            "Ctrl+Shift+P",
            "Show and apply changes from the shared library",
        )
        self.push_action = make_action(
            window,
            "P&ush my changes",
            self.push,
            "Ctrl+Shift+U",
            "Send your saved clause changes to the shared library",
        )
        self.menu.addActions([self.status_action, self.pull_action, self.push_action])
        self.update()

    def folder(self) -> Path | None:
        """Return the shared layer's folder (None when no editable layer is in a git repository)."""
        for layer in model.editable_layers(self.window.layers):
            if layer.folder.is_dir() and git_root(layer.folder) is not None:
                return layer.folder
        return None

    def update(self) -> None:
        """Enable the actions only when there is a git repository to work with."""
        folder = self.folder()
        for action in (self.status_action, self.pull_action, self.push_action):
            action.setEnabled(folder is not None)
        self.menu.setToolTip(f"Shared through git: {folder}" if folder else "No library layer is a git repository")

    def show_status(self) -> str:
        """Say how the library stands against the shared copy."""
        return self._run("Library status", lambda folder: sync.status(folder).describe())

    def pull(self) -> bool:
        """Show the incoming changes, apply them if the reviewer agrees, and settle any conflict."""
        folder = self.folder()
        if folder is None or not self.window.maybe_save():
            return False
        coming = self._busy(lambda: sync.incoming(folder))
        if coming is None:
            return False
        prompter = self.window.prompter
        if not coming.commits:
            prompter.information(self.window, "Shared library", coming.describe())
            return False
        if not prompter.confirm_incoming(self.window, coming.describe(), coming.diff):
            return False
        result = self._busy(lambda: sync.pull(folder, author=self.window.reviewer_name()))
        if result is not None and not result.ok and result.conflicts:
            keep = prompter.conflict_choice(self.window, result.message)
            if keep:
                result = self._busy(lambda: sync.pull(folder, keep=keep, author=self.window.reviewer_name()))
        self.window.library_saved.emit()
        self.window.reload()
        if result is None:
            return False
        if result.ok:
            prompter.information(self.window, "Shared library", result.message)
        else:
            prompter.error(self.window, "Pull not finished", result.message)
        return result.ok

    def push(self) -> bool:
        """Send saved changes to the shared library."""
        folder = self.folder()
        if folder is None:
            return False
        result = self._busy(lambda: sync.push(folder))
        if result is None:
            return False
        if result.ok:
            self.window.prompter.information(self.window, "Shared library", result.message)
        else:
            self.window.prompter.error(self.window, "Not pushed", result.message)
        return result.ok

    def _run(self, title: str, work) -> str:
        folder = self.folder()
        if folder is None:
            return ""
        text = self._busy(lambda: work(folder))
        if text is not None:
            self.window.prompter.information(self.window, title, text)
        return text or ""

    def _busy(self, work):
        """Run git with a busy cursor; report a SyncError and return None."""
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            return work()
        except sync.SyncError as exc:
            self.window.prompter.error(self.window, "Shared library", str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
