"""File ▸ Check a Word letter… and Import Word edits…: thin calls on the core's verify and import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.core.word.import_edits import ImportReport
    from app.core.word.verify import Verification


class WordRoundTrip(QObject):
    """Checks an edited Word letter against the open case, and brings its edits back as one undo step.

    Signals:
        message(str): something to show in the status bar.
    """

    message = Signal(str)

    def __init__(self, window: QWidget, document, prompter, today: Callable[[], dt.date], folder: Callable[[], Path]):
        super().__init__(window)
        self.window = window
        self.document = document
        self.prompter = prompter
        self.today = today
        self.folder = folder

    def check_letter(self, path: Path | None = None) -> Verification | None:
        """Ask for a Word letter, verify it against the case and show the findings."""
        from app.core.word.verify import verify_document

        opened = self._open(path, "Check a Word letter")
        if opened is None:
            return None
        path, word, case, library = opened
        result = verify_document(case, word, library, self.today())
        errors = [str(f) for f in result.findings if f.severity == "error"]
        others = [str(f) for f in result.findings if f.severity != "error"]
        if result.ok:
            summary = f"{path.name}: every statutory element is there and nothing is left that must not go out."
        else:
            summary = f"{path.name}: {len(errors)} problem(s) to fix before sending."
        self.prompter.report(self.window, "Word letter checked", summary, [*errors, *others])
        self.message.emit(summary)
        return result

    def import_edits(self, path: Path | None = None) -> ImportReport | None:
        """Ask for a Word letter exported from this case and bring its edits into the case."""
        from app.core.word.import_edits import carry_edits, import_word_edits

        opened = self._open(path, "Import Word edits")
        if opened is None:
            return None
        path, word, case, library = opened
        updated, report = import_word_edits(case, word, library, self.today())
        if report.changes:
            carried = carry_edits(self.document.case, updated)
            self.document.apply_word_edits(carried.parts, carried.edits)
        summary = f"{report.changes} block(s) of the letter now follow {path.name}."
        if not report.complete:
            summary += " Some changes could not be brought back: see the list and make them in the app."
        self.prompter.report(self.window, "Word edits imported", summary, report.lines())
        self.message.emit(summary)
        return report

    def _open(self, path: Path | None, title: str):
        """Return (path, Word document, the case as the letter uses it, library), or None after telling why."""
        from app.core.word.readback import WordFileError, open_word

        if path is None:
            path = self.prompter.word_path(self.window, self.folder())
            if path is None:
                return None
        try:
            word = open_word(path)
        except WordFileError as exc:
            self.prompter.error(self.window, title, str(exc))
            return None
        result = self.document.build_now()
        if result.library is None:
            self.prompter.error(self.window, title, f"The letter could not be built: {result.error}")
            return None
        return Path(path), word, result.case or self.document.case, result.library
