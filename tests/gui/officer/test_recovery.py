"""Crash recovery: a killed session leaves a recovery file with its last edit; the next start offers it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from app.gui.officer.main_window import MainWindow
from app.gui.officer.recovery import SUFFIX
from app.gui.widgets.answers import DISCARD, LATER
from tests.gui.conftest import EXAMPLES, settle

ROOT = Path(__file__).resolve().parents[3]
EDIT = "Wording typed just before the crash."


def recovery_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}"))


def holds_edit(folder: Path) -> bool:
    """Tell whether a recovery file in folder already holds the test edit."""
    for path in recovery_files(folder):
        try:
            if EDIT in json.loads(path.read_text(encoding="utf-8"))["case"]:
                return True
        except (OSError, ValueError, KeyError):
            continue
    return False


# The real app, started as `main.py gui` starts it, with two edits made through the window's document
# (as the officer's typing would) once the first letter is built.
DRIVER = """
import sys
from app.gui.application import create_application, start
from app.gui.environment import AppEnvironment

app = create_application()
window = start(AppEnvironment.from_environ(), sys.argv[1], staged=True)


def edit(_result):
    window.document.build_finished.disconnect(edit)
    window.document.edit_field("reference", "CRASH-1")
    window.document.edit_block_text("rights/review", sys.argv[2])


window.loaded.connect(lambda: window.document.build_finished.connect(edit))
sys.exit(app.exec())
"""


def start_app_and_kill_it(qtbot, env, case: Path, tmp_path: Path) -> None:
    """Run the real app in a subprocess, make an edit in its window, wait for the autosave, kill it."""
    variables = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FOI_DRAFTER_CONFIG_DIR=str(env.config_dir),
        FOI_DRAFTER_RECOVERY_DIR=str(env.recovery_dir),
        FOI_DRAFTER_DATA_DIR=str(env.data_dir),
        FOI_DRAFTER_AUTOSAVE_MS="150",
    )
    with open(tmp_path / "app.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(case), EDIT],
            cwd=ROOT,
            env=variables,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            qtbot.waitUntil(lambda: holds_edit(env.recovery_dir) or process.poll() is not None, timeout=60000)
            assert process.poll() is None, (tmp_path / "app.log").read_text(errors="replace")
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()


def test_a_killed_session_is_offered_for_restore_with_its_last_edit(qtbot, env, prompter, tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text((EXAMPLES / "foisa-cost-limit.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    start_app_and_kill_it(qtbot, env, case, tmp_path)
    assert len(recovery_files(env.recovery_dir)) == 1

    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    assert window.offer_recovery()
    offered = prompter.offered[0]
    assert len(offered) == 1 and EDIT in offered[0].case_text and "CRASH-1" in offered[0].case_text
    assert offered[0].original_path == case
    doc = window.document
    assert doc.case.reference == "CRASH-1" and doc.case.edits.texts["rights/review"] == EDIT
    assert doc.path == case and window.isWindowModified()
    result = settle(qtbot, doc)
    assert EDIT in result.html
    assert window.files.save()
    assert not window.isWindowModified()
    assert recovery_files(env.recovery_dir) == []
    assert "CRASH-1" in case.read_text(encoding="utf-8")


def test_a_draft_left_for_later_is_offered_again_and_discarding_removes_it(qtbot, env, prompter, tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text((EXAMPLES / "foisa-cost-limit.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    start_app_and_kill_it(qtbot, env, case, tmp_path)
    prompter.recovery_answer = LATER
    first = MainWindow(env)
    qtbot.addWidget(first)
    assert not first.offer_recovery()
    assert len(recovery_files(env.recovery_dir)) == 1
    prompter.recovery_answer = DISCARD
    second = MainWindow(env)
    qtbot.addWidget(second)
    assert not second.offer_recovery()
    assert recovery_files(env.recovery_dir) == []


def test_autosave_writes_the_draft_and_a_normal_close_removes_it(qtbot, window, env):
    doc = window.document
    with qtbot.waitSignal(window.autosaver.autosaved, timeout=5000) as saved:
        doc.edit_field("reference", "AUTO-1")
    path = saved.args[0]
    assert "AUTO-1" in json.loads(path.read_text(encoding="utf-8"))["case"]
    doc.undo_stack.setClean()
    assert not path.exists()
    doc.edit_field("reference", "AUTO-2")
    window.autosaver.save_now()
    assert path.exists()
    window.close()
    assert recovery_files(env.recovery_dir) == []


def test_the_restore_dialog_lists_drafts_and_returns_the_choice(qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from app.gui.officer.recovery import RecoveryStore
    from app.gui.officer.recovery_dialog import RecoveryDialog
    from app.gui.widgets.answers import RESTORE

    old = RecoveryStore(tmp_path)
    old.write("regime: foisa\nreference: OLD-1\n", tmp_path / "case.yaml", "OLD-1")
    old._lock.unlock()  # as if that session had died
    drafts = RecoveryStore(tmp_path).leftovers()
    dialog = RecoveryDialog(drafts)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "OLD-1" in dialog.list.item(0).text()
    assert "reference: OLD-1" in dialog.preview.toPlainText()
    restore = next(b for b in dialog.findChild(QDialogButtonBox).findChildren(QPushButton) if "Restore" in b.text())
    restore.click()
    assert dialog.decision == RESTORE and dialog.chosen is drafts[0]
    drafts[0].discard()
    assert not list(tmp_path.glob("*.recovery.json"))
