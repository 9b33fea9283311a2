"""Starting the app with no case: a new empty case is built at once; the first run offers authority setup."""

from __future__ import annotations

from app.core.settings.preferences import load_preferences
from app.gui.application import start
from app.gui.officer.first_run import FirstRunDialog


def test_no_case_builds_the_empty_letter_without_an_edit(qtbot, env):
    window = start(env)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.document.build_finished, timeout=20000) as blocker:
        pass
    assert "Dear" in blocker.args[0].html
    assert window.case_panel.deadline.text().startswith("Due ")
    assert "Building" not in window.preview.status.text()


def test_first_run_setup_saves_a_profile_the_new_case_uses(qtbot, env):
    window = start(env)
    qtbot.addWidget(window)
    dialog = window.findChild(FirstRunDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.form.texts["name"], "Westmere Council")
    qtbot.keyClicks(dialog.form.texts["foi_email"], "foi@westmere.example")
    qtbot.keyClicks(dialog.signatory_name, "C. Clerk")
    dialog.save_button.click()
    prefs, _ = load_preferences(env.preferences_path)
    assert [p.authority.name for p in prefs.profiles()] == ["Westmere Council"]
    assert window.document.case.authority.profile == "westmere-council"
    with qtbot.waitSignal(
        window.document.build_finished,
        timeout=20000,
        check_params_cb=lambda r: r.generation == window.document.generation,
    ) as blocker:
        pass
    assert "Westmere Council" in blocker.args[0].html and "C. Clerk" in blocker.args[0].html


def test_skipping_setup_is_remembered(qtbot, env):
    window = start(env)
    qtbot.addWidget(window)
    window.findChild(FirstRunDialog).skip_button.click()
    assert env.preferences_path.exists()
    again = start(env)
    qtbot.addWidget(again)
    assert not again.first_run and again.findChild(FirstRunDialog) is None


STARTUP_PROBE = """
import sys, threading
from pathlib import Path
loaded = {}

class Spy:
    def find_spec(self, name, path=None, target=None):
        loaded.setdefault(name, threading.current_thread() is threading.main_thread())

sys.meta_path.insert(0, Spy())
from PySide6.QtCore import QTimer
from app.gui.application import create_application, start
from app.gui.environment import AppEnvironment
from app.gui.officer.builder import LetterBuilder

LetterBuilder.warm_up = lambda self, folders: None  # else the worker may import them first, hiding the GUI thread's
app = create_application(sys.argv[:1])
env = AppEnvironment.from_environ()
env.spelling = False
window = start(env, Path(sys.argv[1]))
on_main = sorted(n for n in ("jinja2", "markdown_it", "app.core.drafting.library", "app.core.word.pdf") if loaded.get(n))
window.document.build_finished.connect(lambda result: app.exit(0 if "Dear" in result.html else 3))
QTimer.singleShot(60000, lambda: app.exit(4))
status = app.exec()
window.document.undo_stack.setClean()
window.shutdown()
print(on_main, status)
"""


def test_the_window_is_built_without_the_template_stack_on_the_gui_thread(tmp_path):
    """Jinja2, markdown-it and the clause library load on the letter builder's worker, while the window is built."""
    import os
    import subprocess
    import sys

    from app.core.paths import EXAMPLES_DIR

    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "preferences.json").write_text("{}", encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FOI_DRAFTER_CONFIG_DIR=str(tmp_path / "config"),
        FOI_DRAFTER_RECOVERY_DIR=str(tmp_path / "recovery"),
        FOI_DRAFTER_CACHE_DIR=str(tmp_path / "cache"),
    )
    example = str(EXAMPLES_DIR / "foia-partial.yaml")
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, example], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split("\n")[-2] == "[] 0", result.stdout + result.stderr
