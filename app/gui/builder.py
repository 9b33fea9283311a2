"""Build the letter off the GUI thread: assemble, check and render HTML after a pause in editing.

The worker never touches widgets; it gets a snapshot of the case and hands back a BuildResult,
which arrives on the GUI thread through a queued signal. If the case changed while a build was
running, another build starts as soon as the first one finishes (ReText's preview rule).
"""
from __future__ import annotations

import copy
import datetime as dt
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.core.case import Case

if TYPE_CHECKING:
    from app.core.compliance import Finding
    from app.core.letter import Letter
    from app.core.library import Library

ERROR, INFO = "error", "info"


@dataclass(frozen=True)
class Snapshot:
    """What one build needs, copied so the worker never shares mutable state with the GUI."""

    generation: int
    case: Case
    library: "Library | None"
    folders: tuple[Path, ...]
    today: dt.date


@dataclass
class BuildResult:
    """The letter built from one snapshot, with its findings, preview HTML and deadline."""

    generation: int
    letter: "Letter | None" = None
    findings: "list[Finding]" = field(default_factory=list)
    library: "Library | None" = None
    html: str = ""
    chunks: list[tuple[str, str]] = field(default_factory=list)
    due: dt.date | None = None
    days_left: int | None = None
    error: str = ""
    seconds: float = 0.0


def build(snapshot: Snapshot) -> BuildResult:
    """Assemble, check and render a snapshot; never raise (a failure becomes the result's error)."""
    started = time.perf_counter()
    result = BuildResult(snapshot.generation)
    try:
        _build_into(result, snapshot)
    except Exception as exc:  # noqa: BLE001 - the officer sees the message; the app keeps running
        from app.core.compliance import Finding

        result.error = f"{type(exc).__name__}: {exc}"
        result.findings.append(Finding("assembly", ERROR, "app", f"the letter could not be built: {result.error}"))
    result.seconds = time.perf_counter() - started
    return result


def _build_into(result: BuildResult, snapshot: Snapshot) -> None:
    """Fill a result from a snapshot (runs on the worker)."""
    from app.core.assemble import assemble
    from app.core.calendar import calendar_for
    from app.core.compliance import Finding, check
    from app.core.deadlines import response_due, working_days_left
    from app.core.library import default_layers, load_library
    from app.gui.letter_html import letter_chunks, page_html

    case, today = snapshot.case, snapshot.today
    library = snapshot.library or load_library(default_layers(snapshot.folders), validate=False)
    result.library = library
    calendar = calendar_for(case.regime)
    result.due = response_due(case.received, calendar)
    result.days_left = working_days_left(today, result.due, calendar)
    letter = assemble(case, library, today, calendar)
    findings = check(case, letter, today, calendar, library=library)
    findings += [Finding("library", INFO, "library", str(p)) for p in library.problems]
    result.letter, result.findings = letter, findings
    result.chunks = letter_chunks(letter, case, today)
    result.html = page_html(result.chunks)


class LetterBuilder(QObject):
    """Debounces edits and builds the letter on one worker thread.

    Signals:
        build_started(int): a build of this generation began.
        built(object): a BuildResult arrived (on the GUI thread).
    """

    build_started = Signal(int)
    built = Signal(object)
    _delivered = Signal(object)

    def __init__(self, snapshot: Callable[[], Snapshot], current_generation: Callable[[], int],
                 delay_ms: int = 300, parent: QObject | None = None):
        super().__init__(parent)
        self._snapshot = snapshot
        self._current_generation = current_generation
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix="letter-builder")
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._delivered.connect(self._on_worker_delivered, Qt.ConnectionType.QueuedConnection)
        self.last_result: BuildResult | None = None

    @property
    def delay_ms(self) -> int:
        """Return the pause after the last edit before a build starts."""
        return self._timer.interval()

    def is_busy(self) -> bool:
        """Tell whether a build is waiting for its pause or running."""
        return self._timer.isActive() or self._running

    def schedule(self) -> None:
        """Start (or restart) the pause after an edit."""
        if self._executor is not None:
            self._timer.start()

    def build_soon(self) -> None:
        """Build as soon as the event loop is free (after pending paints), without the pause."""
        self._timer.stop()
        QTimer.singleShot(0, self, self.build_now)

    def build_now(self) -> None:
        """Build without waiting for the pause."""
        self._timer.stop()
        self._start()

    def shutdown(self) -> None:
        """Stop the timer and wait for a running build; no result is delivered afterwards."""
        self._timer.stop()
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _on_timer_timeout(self) -> None:
        self._start()

    def run_in_background(self, job: Callable[[], Any], done: Callable[[Any], None]) -> bool:
        """Run a Qt-free job on the worker (after any build) and call done(result) on the GUI thread."""
        if self._executor is None:
            return False
        future = self._executor.submit(job)
        future.add_done_callback(lambda f: self._deliver(f, done))
        return True

    def _start(self) -> None:
        """Hand a snapshot to the worker unless a build is already running."""
        if self._running or self._executor is None:
            return
        snapshot = self._snapshot()
        self._running = True
        self.build_started.emit(snapshot.generation)
        future = self._executor.submit(build, snapshot)
        future.add_done_callback(lambda f: self._deliver(f, None))

    def _deliver(self, future: Future, done: Callable[[Any], None] | None) -> None:
        """Runs on the worker: pass the result to the GUI thread through a queued signal."""
        if self._executor is None or future.cancelled() or future.exception() is not None:
            return
        self._delivered.emit((done, future.result()))

    def _on_worker_delivered(self, delivery: tuple) -> None:
        done, result = delivery
        if done is not None:
            if self._executor is not None:
                done(result)
            return
        self._running = False
        if self._executor is None:
            return
        self.last_result = result
        self.built.emit(result)
        if result.generation != self._current_generation():
            self._timer.stop()
            self._start()


def snapshot_of(case: Case, library: "Library | None", folders: tuple[Path, ...], today: dt.date,
                generation: int) -> Snapshot:
    """Return a snapshot with a private copy of the case (the library is shared: it is never changed)."""
    return Snapshot(generation, copy.deepcopy(case), library, folders, today)

