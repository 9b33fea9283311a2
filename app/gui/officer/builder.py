"""Build the letter off the GUI thread: assemble, check and render HTML after a pause in editing.

The worker never touches widgets; it gets a snapshot of the case and hands back a BuildResult,
which arrives on the GUI thread through a queued signal. If the case changed while a build was
running, another build starts as soon as the first one finishes (ReText's preview rule).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.core.pipeline import BuildResult, Snapshot, build, snapshot_of

__all__ = ["BuildResult", "LetterBuilder", "Snapshot", "build", "snapshot_of"]


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
