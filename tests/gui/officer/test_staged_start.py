"""`foi-drafter gui CASE` puts the window on screen first, saying which case it opens, then builds and opens it.

Until it has loaded, the window has no panels, actions or menus (nothing can edit or save a
half-loaded case); anything that needs the case loads it first.
"""

from __future__ import annotations

import gc
import shutil

import yaml
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from app.gui.application import resume_collector, start
from tests.gui.conftest import EXAMPLES, settle

EXAMPLE = EXAMPLES / "foia-partial.yaml"


def opening_label(window) -> QLabel:
    label = window.centralWidget()
    assert isinstance(label, QLabel)
    return label


def test_the_window_names_the_case_it_opens_then_loads_it_after_its_first_paint(qtbot, env):
    window = start(env, EXAMPLE, staged=True)
    qtbot.addWidget(window)
    assert window.loading and window.isVisible()
    assert window.windowTitle().startswith("foia-partial.yaml") and "FOI Response Drafter" in window.windowTitle()
    assert "Opening foia-partial.yaml" in opening_label(window).text()
    assert not hasattr(window, "document") and not hasattr(window, "files") and not hasattr(window, "case_panel")
    assert window.menuBar().actions() == [] and window.findChildren(QAction) == []  # no Save, no Undo yet
    with qtbot.waitSignal(window.loaded, timeout=20000):
        pass
    assert not window.loading and window.document.path == EXAMPLE
    assert window.case_panel.reference.text() == window.document.case.reference != ""
    result = settle(qtbot, window.document)
    assert "Dear" in result.html
    window.document.undo_stack.setClean()


def test_loading_happens_once_and_the_case_is_editable_only_then(qtbot, env, tmp_path):
    case = tmp_path / "case.yaml"
    shutil.copyfile(EXAMPLE, case)
    window = start(env, case, staged=True)
    qtbot.addWidget(window)
    assert window.finish_loading() is True and window.finish_loading() is False
    assert window.document.path == case
    window.document.edit_field("reference", "EDITED-1")
    assert window.save()
    assert yaml.safe_load(case.read_text(encoding="utf-8"))["reference"] == "EDITED-1"
    qtbot.wait(50)  # the first paint's call to load again finds it done
    assert window.document.case.reference == "EDITED-1" and not window.document.is_modified()


def test_saving_while_opening_loads_the_case_first_and_saves_it_unchanged(qtbot, env, tmp_path, prompter):
    case = tmp_path / "case.yaml"
    shutil.copyfile(EXAMPLE, case)
    before = yaml.safe_load(case.read_text(encoding="utf-8"))
    window = start(env, case, staged=True)
    qtbot.addWidget(window)
    assert window.save() and not window.loading
    assert yaml.safe_load(case.read_text(encoding="utf-8"))["reference"] == before["reference"]
    assert prompter.errors == []


def test_a_malformed_case_gives_a_message_naming_the_file_and_a_new_case(qtbot, env, tmp_path, prompter):
    broken = tmp_path / "broken.yaml"
    broken.write_text("regime: [FOIA\nreference: x\n", encoding="utf-8")
    window = start(env, broken, staged=True)
    qtbot.addWidget(window)
    assert "Opening broken.yaml" in opening_label(window).text()
    with qtbot.waitSignal(window.loaded, timeout=20000):
        pass
    title, message, _details = prompter.errors[-1]
    assert title == "Cannot open case" and str(broken) in message
    assert window.document.path is None
    assert "Dear" in settle(qtbot, window.document).html


def test_opening_a_second_case_while_the_first_is_loading_opens_the_second(qtbot, env, prompter):
    window = start(env, EXAMPLE, staged=True)
    qtbot.addWidget(window)
    second = EXAMPLES / "foisa-cost-limit.yaml"
    assert window.open_case(second)
    assert window.document.path == second and prompter.asked_discard == 0
    result = settle(qtbot, window.document)
    assert result.case is not None and result.case.reference == window.document.case.reference
    qtbot.wait(50)
    assert window.document.path == second  # the pending load does not come back with the first


def test_closing_while_opening_loads_nothing_and_shuts_down_cleanly(qtbot, env):
    window = start(env, EXAMPLE, staged=True)
    qtbot.addWidget(window)
    assert window.close()
    window.shutdown()
    qtbot.wait(500)  # past the first paint and the fallback: nothing is built for a closed window
    assert not hasattr(window, "document") and not window.loading


def test_a_window_never_painted_still_loads(qtbot, env):
    from app.gui.officer.main_window import MainWindow

    window = MainWindow(env, opening=EXAMPLE, staged=True)  # never shown: no paint comes
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        pass
    assert window.document.path == EXAMPLE


def test_the_paused_collector_comes_back_frozen_once_the_first_letter_is_shown(qtbot, env):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        window = start(env, EXAMPLE, staged=True)
        qtbot.addWidget(window)
        resume_collector(window)
        with qtbot.waitSignal(window.loaded, timeout=20000):
            pass
        assert not gc.isenabled()  # not yet: the first letter is still being built
        qtbot.waitUntil(gc.isenabled, timeout=20000)
        assert window.document.letter is not None and gc.get_freeze_count() > 0
        window.document.undo_stack.setClean()
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def test_the_collector_comes_back_even_when_no_letter_is_shown(qtbot, env):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        window = start(env, EXAMPLE, staged=True)
        qtbot.addWidget(window)
        resume_collector(window, fallback_ms=20)
        window.close()  # closed while opening: no letter will come
        qtbot.waitUntil(gc.isenabled, timeout=5000)
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def test_the_opening_window_is_in_the_officers_theme_from_its_first_paint(qtbot, env):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.gui.theme import apply_theme, palette_for

    env.config_dir.mkdir(parents=True)
    state = QSettings(str(env.state_path), QSettings.Format.IniFormat)
    state.setValue("view/theme", "dark")
    state.sync()
    try:
        window = start(env, EXAMPLE, staged=True)
        qtbot.addWidget(window)
        assert window.loading
        dark = palette_for("dark").color(palette_for("dark").ColorRole.Window)
        assert QApplication.palette().color(QApplication.palette().ColorRole.Window) == dark
        with qtbot.waitSignal(window.loaded, timeout=20000):
            pass
        assert window.actions.theme_dark.isChecked()
        window.document.undo_stack.setClean()
    finally:
        apply_theme(QApplication.instance(), "system")


def test_a_first_run_without_a_case_offers_the_setup_once_loaded(qtbot, env):
    from app.gui.officer.first_run import FirstRunDialog

    window = start(env, None, staged=True)
    qtbot.addWidget(window)
    assert "Starting a new case" in opening_label(window).text() and window.findChild(FirstRunDialog) is None
    with qtbot.waitSignal(window.loaded, timeout=20000):
        pass
    dialog = window.findChild(FirstRunDialog)
    assert window.first_run and dialog is not None and dialog.isVisible()
    assert "Dear" in settle(qtbot, window.document).html
