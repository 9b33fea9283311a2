"""Notice when the clause library changes on disk (a git pull, a colleague's save) and rebuild the letter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.drafting.library_cache import library_signature


class LibraryWatcher(QObject):
    """Polls the document's library folders; a changed clause file reloads the library and rebuilds.

    Signals:
        changed(): the library was reloaded because files changed on disk.
    """

    changed = Signal()

    def __init__(self, document: Any, interval_ms: int = 2000, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self._signature = library_signature(document.library_folders)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        if interval_ms > 0:
            self.timer.start(interval_ms)

    def check(self) -> bool:
        """Reload the library when a clause file was added, removed or changed; True if it did."""
        folders = self.document.library_folders
        signature = library_signature(folders)
        if signature == self._signature:
            return False
        self._signature = signature
        self.document.set_library_folders(folders)
        self.changed.emit()
        return True
