"""Background tasks for the GUI: Qt-free work on a worker thread, its result or failure back on the GUI thread.

Like Anki's task manager: a job never touches widgets; its result (or the exception it raised)
arrives on the GUI thread through a queued signal. A failure goes to the job's own handler or, when
it has none, to the ``failed`` signal and the log, so no failure is ever dropped.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs jobs one at a time, in order, on one worker thread.

    Signals:
        failed(str): a job without a failure handler raised (its name and the error, for the officer).
    """

    failed = Signal(str)
    _finished = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def closed(self) -> bool:
        """Tell whether shutdown() was called (no more jobs run or report)."""
        return self._executor is None

    def run(self, job: Callable[[], Any], done: Done, failure: Failure | None = None, name: str = "") -> bool:
        """Run job() on the worker, then done(result) or failure(error) on the GUI thread; False once closed."""
        if self._executor is None:
            return False
        future = self._executor.submit(job)
        future.add_done_callback(lambda f: self._hand_back(f, done, failure, name or _name_of(job)))
        return True

    def shutdown(self) -> None:
        """Wait for the running job and drop queued ones; nothing is delivered afterwards."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _hand_back(self, future: Future[Any], done: Done, failure: Failure | None, name: str) -> None:
        """Runs on the worker: send the outcome to the GUI thread."""
        if self._executor is None or future.cancelled():
            return
        error = future.exception()
        outcome = (done, failure, name, None if error is not None else future.result(), error)
        with contextlib.suppress(RuntimeError):  # the owner was deleted while the job ran
            self._finished.emit(outcome)

    def _on_finished(self, outcome: tuple[Done, Failure | None, str, Any, BaseException | None]) -> None:
        done, failure, name, result, error = outcome
        if self._executor is None:
            return
        if error is None:
            done(result)
        elif failure is not None:
            failure(error)
        else:
            log.error("background task %s failed", name, exc_info=error)
            self.failed.emit(f"{name} failed: {type(error).__name__}: {error}")


def _name_of(job: Callable[[], Any]) -> str:
    """Return a readable name for a job."""
    return getattr(job, "__qualname__", None) or type(job).__name__
