"""Build the letter off the GUI thread: assemble, check and render HTML after a pause in editing.

The pause adapts to the officer's typing: a build starts once no edit has come for one and a
half times the recent gap between edits (between 60 and 150 ms, never more than the configured
delay), so the preview follows a pause in typing instead of a fixed timer.

The worker never touches widgets; it gets a snapshot of the case and hands back a BuildResult,
which arrives on the GUI thread through a queued signal. If the case changed while a build was
running, another build starts as soon as the first one finishes (ReText's preview rule).
"""

from __future__ import annotations

import statistics
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.core.pipeline import BuildResult, Snapshot, build, snapshot_of

__all__ = ["BuildResult", "LetterBuilder", "Snapshot", "build", "snapshot_of"]

PAUSE_FACTOR = 1.5  # typing has paused when no edit came for this many typical gaps
MIN_PAUSE_MS, MAX_PAUSE_MS, FIRST_PAUSE_MS = 60, 150, 100
TYPING_GAP_S = 1.0  # a longer gap between edits is a pause, not part of the typing rhythm


class LetterBuilder(QObject):
    """Debounces edits and builds the letter on one worker thread.

    Signals:
        build_started(int): a build of this generation began.
        built(object): a BuildResult arrived (on the GUI thread).
    """

    build_started = Signal(int)
    built = Signal(object)
    _delivered = Signal(object)

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
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix="letter-builder")
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._longest_ms = delay_ms
        self._gaps: deque[float] = deque(maxlen=6)
        self._last_edit: float | None = None
        self._timer.timeout.connect(self._on_timer_timeout)
        self._delivered.connect(self._on_worker_delivered, Qt.ConnectionType.QueuedConnection)
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
        if self._executor is not None:
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
