"""Crash recovery: autosave the open draft to a recovery file, and offer leftovers on the next start.

Each running session owns a lock file and a recovery file in the recovery folder. A recovery file
whose lock is stale (its process is gone) was left by a session that crashed or was killed; the
next start offers to restore it. Recovery files are written atomically and removed when the case
is saved or the app closes normally.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from app.core.casefile.writing import dump_case
from app.core.storage.atomic import write_text_atomic

SUFFIX = ".recovery.json"
FORMAT_VERSION = 1


@dataclass
class RecoveredDraft:
    """A draft left behind by a session that did not close normally."""

    file: Path
    lock: QLockFile
    case_text: str
    original_path: Path | None
    saved_at: str
    title: str

    def describe(self) -> str:
        """Return one line naming the draft, its file and when it was saved."""
        where = str(self.original_path) if self.original_path else "never saved"
        return f"{self.title} — {where} — autosaved {self.saved_at}"

    def discard(self) -> None:
        """Delete the recovery file and release its lock."""
        self.file.unlink(missing_ok=True)
        self.lock.unlock()

    def release(self) -> None:
        """Keep the recovery file for a later start, releasing its lock."""
        self.lock.unlock()


class RecoveryStore:
    """The recovery folder as seen by one session."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.session = os.urandom(6).hex()
        self.file = self.folder / f"{self.session}{SUFFIX}"
        self._lock = QLockFile(str(self._lock_path(self.session)))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)

    def _lock_path(self, session: str) -> Path:
        return self.folder / f"{session}.lock"

    def write(self, case_text: str, original_path: Path | None, title: str) -> Path:
        """Write this session's recovery file atomically and return its path."""
        data = {
            "version": FORMAT_VERSION,
            "original_path": str(original_path) if original_path else None,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "title": title,
            "case": case_text,
        }
        write_text_atomic(self.file, json.dumps(data, ensure_ascii=False, indent=1))
        return self.file

    def discard(self) -> None:
        """Remove this session's recovery file (the draft is safely saved or closed)."""
        self.file.unlink(missing_ok=True)

    def close(self) -> None:
        """End the session normally: no recovery file, no lock."""
        self.discard()
        self._lock.unlock()

    def leftovers(self) -> list[RecoveredDraft]:
        """Return drafts whose session is gone, newest first; each is locked until discarded or released."""
        found: list[RecoveredDraft] = []
        for file in sorted(self.folder.glob(f"*{SUFFIX}")):
            session = file.name[: -len(SUFFIX)]
            if session == self.session:
                continue
            lock = QLockFile(str(self._lock_path(session)))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                continue
            draft = _read_draft(file, lock)
            if draft is None:
                lock.unlock()
                continue
            found.append(draft)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)


def _read_draft(file: Path, lock: QLockFile) -> RecoveredDraft | None:
    """Read one recovery file; None when it is unreadable."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        original = data.get("original_path")
        return RecoveredDraft(
            file,
            lock,
            str(data["case"]),
            Path(original) if original else None,
            str(data.get("saved_at", "")),
            str(data.get("title", "Untitled case")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class Autosaver(QObject):
    """Writes the open draft to the recovery store a few seconds after a change.

    Signals:
        autosaved(object): the recovery file was written (its Path).
        failed(str): the recovery file could not be written (the reason); last_error keeps it.
    """

    autosaved = Signal(object)
    failed = Signal(str)

    def __init__(self, document, store: RecoveryStore, interval_ms: int = 3000, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.store = store
        self.last_error = ""  # why the last autosave failed; "" once one succeeds
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        document.case_changed.connect(self._on_document_case_changed)
        document.modified_changed.connect(self._on_document_modified_changed)

    def save_now(self) -> Path | None:
        """Write the recovery file at once if the draft has unsaved changes."""
        self._timer.stop()
        if not self.document.is_modified():
            return None
        path = self.document.path
        title = self.document.case.reference or (path.stem if path else "Untitled case")
        try:
            written = self.store.write(dump_case(self.document.case), path, title)
        except OSError as exc:
            self.last_error = str(exc.strerror or exc)
            self.failed.emit(self.last_error)
            return None
        self.last_error = ""
        self.autosaved.emit(written)
        return written

    def _on_document_case_changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.save_now()

    def _on_document_modified_changed(self, modified: bool) -> None:
        if not modified:
            self._timer.stop()
            self.store.discard()
        elif not self._timer.isActive():
            self._timer.start()
