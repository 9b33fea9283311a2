"""Background tasks: results and failures come back on the GUI thread; a failure is never dropped."""

from __future__ import annotations

import threading

from app.gui.tasks import TaskRunner


def _boom() -> None:
    raise ValueError("the disk is on fire")


def test_result_arrives_on_the_gui_thread_after_the_job_ran_elsewhere(qtbot):
    runner = TaskRunner("test")
    seen: list[tuple[str, bool]] = []
    assert runner.run(lambda: threading.current_thread().name, lambda name: seen.append((name, _on_gui())))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0].startswith("test") and seen[0][1]
    runner.shutdown()


def test_jobs_run_in_order(qtbot):
    runner = TaskRunner("test")
    seen: list[int] = []
    for number in range(5):
        runner.run(lambda n=number: n, seen.append)
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [0, 1, 2, 3, 4]
    runner.shutdown()


def test_failure_goes_to_its_handler(qtbot):
    runner = TaskRunner("test")
    errors: list[tuple[BaseException, bool]] = []
    runner.run(_boom, lambda _r: None, lambda error: errors.append((error, _on_gui())))
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0][0], ValueError) and errors[0][1]
    runner.shutdown()


def test_failure_without_a_handler_is_reported_and_logged(qtbot, caplog):
    runner = TaskRunner("test")
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.run(_boom, lambda _r: None, name="reading the dictionary")
    assert failed.args == ["reading the dictionary failed: ValueError: the disk is on fire"]
    assert "reading the dictionary" in caplog.text and "the disk is on fire" in caplog.text
    runner.shutdown()


def test_nothing_runs_or_arrives_after_shutdown(qtbot):
    runner = TaskRunner("test")
    release = threading.Event()
    seen: list[object] = []
    runner.run(release.wait, seen.append)
    runner.run(lambda: "queued", seen.append)
    release.set()
    runner.shutdown()
    assert not runner.run(lambda: "late", seen.append)
    qtbot.wait(50)
    assert seen == []


def test_a_failing_background_job_of_the_letter_builder_is_reported(qtbot, window):
    builder = window.document.builder
    with qtbot.waitSignal(builder.failed, timeout=10000) as failed:
        builder.run_in_background(_boom, lambda _r: None, "loading the spelling dictionary")
    assert failed.args[0].startswith("loading the spelling dictionary failed: ValueError")
    qtbot.waitUntil(lambda: "the disk is on fire" in window.statusBar().currentMessage())


def _on_gui() -> bool:
    return threading.current_thread() is threading.main_thread()
