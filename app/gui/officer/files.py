"""File operations of the main window: new, open, save, save as, export to Word and recent files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu, QWidget

from app.core.casefile import CASE_SUFFIXES
from app.core.casefile import drafts as case_io
from app.core.paths import EXAMPLES_DIR
from app.core.problems import InputError
from app.core.settings.preferences import Preferences
from app.gui.officer.dialogs import Prompter
from app.gui.widgets.answers import DISCARD, SAVE

MAX_RECENT = 8
RECENT_KEY = "files/recent"
EXPORT_DIR_KEY = "files/last_export_folder"


class FileController(QObject):
    """Opens, saves and exports the document, asking through the prompter.

    Signals:
        message(str): something to show in the status bar.
        exported(object): the letter was written (its Path).
    """

    message = Signal(str)
    exported = Signal(object)

    def __init__(
        self,
        window: QWidget,
        document,
        prompter: Prompter,
        state: QSettings,
        preferences: Callable[[], Preferences],
        today: Callable[[], dt.date],
    ):
        super().__init__(window)
        self.window = window
        self.document = document
        self.prompter = prompter
        self.last_export_errors: list[str] = []  # the check's errors the officer chose to export with
        self.state = state
        self.preferences = preferences
        self.today = today

    # ------------------------------------------------------------ case files

    def display_name(self) -> str:
        """Return the name the window shows for the document."""
        path = self.document.path
        return path.name if path else (self.document.case.reference or "Untitled case")

    def new_case(self) -> bool:
        """Start a new case after dealing with unsaved changes."""
        if not self.maybe_save():
            return False
        self.document.replace(case_io.new_case(self.preferences(), self.today()))
        self.message.emit("New case")
        return True

    def open_case(self, path: Path | None = None, ask_first: bool = True) -> bool:
        """Open a case file (asking which when no path is given); keep the current one on failure."""
        if ask_first and not self.maybe_save():
            return False
        if path is None:
            path = self.prompter.open_path(self.window, self._folder())
            if path is None:
                return False
        try:
            case = case_io.load_draft(path)
        except InputError as exc:
            self.prompter.error(
                self.window,
                "Cannot open case",
                f"{path} could not be opened. The current case is unchanged.",
                [str(p) for p in exc.problems],
            )
            if not Path(path).exists():
                self.forget_recent(Path(path))
            return False
        except OSError as exc:
            self.prompter.error(self.window, "Cannot open case", f"{path}: {exc.strerror or exc}")
            return False
        self.document.replace(case, Path(path))
        self.add_recent(Path(path))
        self.message.emit(f"Opened {path}")
        from app.gui.officer.pins_prompt import review_pins

        review_pins(self.window, self.document, self.prompter, self.today())
        return True

    def save(self) -> bool:
        """Save to the case's file, or ask where when it has none."""
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        current = self.document.path
        keep = current is not None and current.suffix.lower() in CASE_SUFFIXES
        path = self.prompter.save_path(self.window, current if keep else self._suggested(".yaml"))
        return self._write(path) if path else False

    def maybe_save(self) -> bool:
        """Deal with unsaved changes; return False when the officer cancels."""
        if not self.document.is_modified():
            return True
        answer = self.prompter.confirm_discard(self.window, self.display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def _write(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except OSError as exc:
            self.prompter.error(
                self.window, "Cannot save case", f"{path}: {exc.strerror or exc}. {self._draft_state()}"
            )
            return False
        self.add_recent(path)
        self.message.emit(f"Saved {path}")
        return True

    def _draft_state(self) -> str:
        """Say truthfully where the unsaved draft is (an autosave may have failed too)."""
        autosaver = getattr(self.window, "autosaver", None)
        if autosaver is not None and autosaver.save_now() is not None:
            return "Your draft is still open, and a recovery copy was written; try another folder."
        return (
            "Your draft is still open but NOT saved anywhere (no recovery copy could be written); try another folder."
        )

    # ------------------------------------------------------------ export

    def export(
        self, path: Path | None = None, kind: str = "docx", disclosure_log: bool = False, track_changes: bool = False
    ) -> bool:
        """Write the letter (Word or PDF, or the disclosure-log copy) with the chosen letterhead; the draft is never touched.

        With track_changes the officer's edits to library wording are Word tracked changes,
        attributed to the signatory (or "Officer"), for a legal reviewer to accept or reject.
        """
        from app.core.word.export import ExportError, ExportOptions
        from app.core.word.output import OutputRequest, PdfError, write_output
        from app.core.word.pdf import NOT_INSTALLED, PdfUnavailable, find_soffice

        if kind == "pdf" and find_soffice() is None:
            self.prompter.error(self.window, "PDF export needs LibreOffice", str(PdfUnavailable(NOT_INSTALLED)))
            return False
        result = self.document.build_now()
        if result.letter is None or result.library is None:
            self.prompter.error(self.window, "Cannot export", f"The letter could not be built: {result.error}")
            return False
        errors = [str(f) for f in result.findings if f.severity == "error"]
        problems = [str(p) for p in result.letter.problems] + errors
        if problems and not self.prompter.confirm_export_with_problems(self.window, problems):
            return False
        self.last_export_errors = errors
        if path is None:
            path = self.prompter.export_path(self.window, self._export_suggestion(kind, disclosure_log))
            if path is None:
                return False
        preferences = self.preferences()
        options = ExportOptions(
            letterhead=preferences.letterhead_path(),
            today=self.today(),
            track_changes=track_changes,
            track_author=preferences.signatory_name,
        )
        request = OutputRequest(Path(path), kind, disclosure_log)
        try:
            write_output(
                result.case or self.document.case, result.letter, result.library, request, options, self.today()
            )
        except (ExportError, PdfError) as exc:
            self.prompter.error(
                self.window, "Export failed", f"{exc}\n\nNothing was lost: your draft is unchanged and still open."
            )
            return False
        self.state.setValue(EXPORT_DIR_KEY, str(Path(path).parent))
        copy = "Disclosure-log copy" if disclosure_log else "Letter"
        self.message.emit(f"{copy} exported to {path}")
        self.exported.emit(Path(path))
        return True

    def export_folder(self) -> Path:
        """Return the folder letters were last exported to (else the case's folder)."""
        return self._export_suggestion().parent

    def _export_suggestion(self, kind: str = "docx", disclosure_log: bool = False) -> Path:
        folder = self.state.value(EXPORT_DIR_KEY, "", str)
        name = self.document.case.reference or (self.document.path.stem if self.document.path else "letter")
        if self.document.path is not None and not folder:
            folder = str(self.document.path.parent)
        suffix = "-disclosure-log" if disclosure_log else ""
        return Path(folder or Path.home()) / f"{_safe_name(name)}{suffix}.{kind}"

    # ------------------------------------------------------------ recent files

    def recent(self) -> list[Path]:
        """Return the recently used case files, newest first."""
        value = self.state.value(RECENT_KEY, [], list) or []
        return [Path(p) for p in value if p]

    def add_recent(self, path: Path) -> None:
        """Put a file at the top of the recent list."""
        path = _resolved(Path(path))
        items = [p for p in self.recent() if p != path]
        self.state.setValue(RECENT_KEY, [str(p) for p in [path, *items][:MAX_RECENT]])

    def forget_recent(self, path: Path) -> None:
        """Drop a file from the recent list."""
        path = _resolved(Path(path))
        self.state.setValue(RECENT_KEY, [str(p) for p in self.recent() if p != path])

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Show the recent files in a menu."""
        menu.clear()
        recent = self.recent()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_case(p))
        if not recent:
            menu.addAction("No recent files").setEnabled(False)
        menu.addSeparator()
        examples = menu.addMenu("E&xamples")
        for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
            action = examples.addAction(path.stem)
            action.triggered.connect(lambda _checked=False, p=path: self.open_case(p))

    # ------------------------------------------------------------ helpers

    def _folder(self) -> Path:
        if self.document.path is not None:
            return self.document.path.parent
        recent = self.recent()
        return recent[0].parent if recent else Path.home()

    def _suggested(self, suffix: str) -> Path:
        if self.document.path is not None:
            return self.document.path.with_suffix(suffix)
        return self._folder() / f"{_safe_name(self.document.case.reference or 'case')}{suffix}"


def _resolved(path: Path) -> Path:
    """Return the absolute path, without failing on a symbolic-link loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _safe_name(text: str) -> str:
    """Return text usable as a file name."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in text.strip())
    return cleaned.strip("-.") or "letter"
