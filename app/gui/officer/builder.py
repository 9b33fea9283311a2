"""Build the letter off the GUI thread: assemble, check and render HTML after a pause in editing.

The worker never touches widgets; it gets a snapshot of the case and hands back a BuildResult,
which arrives on the GUI thread through a queued signal. If the case changed while a build was
running, another build starts as soon as the first one finishes (ReText's preview rule).

The pause adapts to the officer's typing: a build starts once no edit has come for one and a
half times the recent gap between edits (between 60 and 150 ms, never more than the configured
delay), so the preview follows a pause in typing instead of a fixed timer.
"""

from __future__ import annotations

import statistics
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.pipeline import BuildResult, Snapshot, build, snapshot_of, warm_up
from app.gui.tasks import TaskRunner

__all__ = ["BuildResult", "LetterBuilder", "Snapshot", "build", "snapshot_of"]

PAUSE_FACTOR = 1.5  # typing has paused when no edit came for this many typical gaps
MIN_PAUSE_MS, MAX_PAUSE_MS, FIRST_PAUSE_MS = 60, 150, 100
TYPING_GAP_S = 1.0  # a longer gap between edits is a pause, not part of the typing rhythm


class LetterBuilder(QObject):
    """Debounces edits and builds the letter on one worker thread.

    Signals:
        build_started(int): a build of this generation began.
        built(object): a BuildResult arrived (on the GUI thread).
        failed(str): a build or background job raised (builds never should: the pipeline catches).
    """

    build_started = Signal(int)
    built = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        snapshot: Callable[[], Snapshot],
        current_generation: Callable[[], int],
        delay_ms: int = 300,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._snapshot = snapshot
        self._current_generation = current_generation
        self._tasks = TaskRunner("letter-builder", self)
        self._tasks.failed.connect(self.failed)
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._longest_ms = delay_ms
        self._gaps: deque[float] = deque(maxlen=6)
        self._last_edit: float | None = None
        self.last_result: BuildResult | None = None

    @property
    def delay_ms(self) -> int:
        """Return the longest pause after the last edit before a build starts."""
        return self._longest_ms

    def pause_ms(self) -> int:
        """Return the pause to wait after an edit: 1.5 typical gaps between recent edits, within bounds."""
        if not self._gaps:
            adaptive = FIRST_PAUSE_MS
        else:
            typical_ms = statistics.median(self._gaps) * 1000
            adaptive = round(min(MAX_PAUSE_MS, max(MIN_PAUSE_MS, PAUSE_FACTOR * typical_ms)))
        return min(self._longest_ms, adaptive)

    def is_busy(self) -> bool:
        """Tell whether a build is waiting for its pause or running."""
        return self._timer.isActive() or self._running

    def schedule(self) -> None:
        """Start (or restart) the pause after an edit, learning the rhythm of the edits."""
        now = time.monotonic()
        if self._last_edit is not None and now - self._last_edit < TYPING_GAP_S:
            self._gaps.append(now - self._last_edit)
        self._last_edit = now
        if not self._tasks.closed:
            self._timer.start(self.pause_ms())

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
        self._tasks.shutdown()

    def _on_timer_timeout(self) -> None:
        self._start()

    def warm_up(self, folders: tuple[Path, ...]) -> None:
        """Have the worker import what builds need and read the library now, while the window is being built."""
        self._tasks.run(lambda: warm_up(folders), lambda _none: None, name="preparing the letter builder")

    def run_in_background(self, job: Callable[[], Any], done: Callable[[Any], None], name: str = "") -> bool:
        """Run a Qt-free job on the worker (after any build) and call done(result) on the GUI thread.

        If the job raises, the failure is reported through ``failed``.
        """
        return self._tasks.run(job, done, name=name or "a background job")

    def _start(self) -> None:
        """Hand a snapshot to the worker unless a build is already running."""
        if self._running or self._tasks.closed:
            return
        snapshot = self._snapshot()
        self._running = True
        self.build_started.emit(snapshot.generation)
        self._tasks.run(lambda: build(snapshot), self._on_built, self._on_build_failed)

    def _on_build_failed(self, error: BaseException) -> None:
        self._running = False
        self.failed.emit(f"the letter could not be built: {type(error).__name__}: {error}")

    def _on_built(self, result: BuildResult) -> None:
        self._running = False
        self.last_result = result
        self.built.emit(result)
        if result.generation != self._current_generation():
            self._timer.stop()
            self._start()
