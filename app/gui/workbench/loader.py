"""Loads and validates the clause library layers off the GUI thread for the workbench."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from app.core.drafting.library import Layer
from app.core.workbench import model
from app.gui.tasks import TaskRunner


class LibraryLoader(QObject):
    """Loads and validates the layers on a worker thread; only the latest request is delivered.

    Signals:
        loaded(object): a WorkbenchLibrary, on the GUI thread.
        failed(str): loading raised (the message).
    """

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = TaskRunner("workbench-loader", self)
        self._generation = 0

    def load(self, layers: Sequence[Layer]) -> None:
        """Start loading (a later request supersedes an earlier one)."""
        self._generation += 1
        generation, chosen = self._generation, list(layers)
        self._tasks.run(
            lambda: model.load_workbench(chosen),
            lambda library: self._on_loaded(generation, library),
            lambda error: self._on_failed(generation, error),
        )

    def shutdown(self) -> None:
        """Wait for the worker; nothing is delivered afterwards."""
        self._tasks.shutdown()

    def _on_loaded(self, generation: int, library: object) -> None:
        if generation == self._generation:
            self.loaded.emit(library)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.failed.emit(f"{type(error).__name__}: {error}")
