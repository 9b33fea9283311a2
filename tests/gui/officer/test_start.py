"""Starting the app with no case: a new empty case is built at once; the first run offers authority setup."""

from __future__ import annotations

from app.core.settings import load_preferences
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
