"""Authority profiles in the app: the case's profile decides the letterhead, Settings edits reach open cases."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from app.core.casefile.authority import AuthorityProfile
from app.core.casefile.model import Authority, Signatory
from app.core.settings.preferences import Preferences, save_preferences
from app.gui.officer.main_window import MainWindow
from tests.docx_text import docx_all_text
from tests.gui.conftest import settle

COUNCIL = AuthorityProfile(
    "westmere",
    Authority(name="Westmere Council", address=["Market Street", "Westmere"], email="info@westmere.example"),
    Signatory("C. Clerk", "Information Officer"),
)
POLICE = AuthorityProfile(
    "police-scotland",
    Authority(
        name="Police Scotland",
        address=["Clyde Gateway", "Glasgow"],
        foi_unit="Information Management",
        foi_email="foi@scotland.police.example",
    ),
    Signatory("P. Constable", "Disclosure Officer"),
)


def two_profile_window(qtbot, env) -> MainWindow:
    save_preferences(Preferences().with_profiles([COUNCIL, POLICE], "westmere"), env.preferences_path)
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    window.files.new_case()
    settle(qtbot, window.document)
    return window


def test_case_with_profile_b_exports_only_b_details(qtbot, env, prompter, tmp_path: Path):
    window = two_profile_window(qtbot, env)
    panel = window.case_panel
    assert window.document.case.authority.profile == "westmere"
    panel.profile.setCurrentIndex(panel.profile.findData("police-scotland"))
    panel.profile.activated.emit(panel.profile.currentIndex())
    assert panel.authority_name.placeholderText() == "Police Scotland"
    result = settle(qtbot, window.document)
    assert "Police Scotland" in result.html and "Westmere" not in result.html
    prompter.export_answer = tmp_path / "letter.docx"
    assert window.files.export()
    text = docx_all_text(tmp_path / "letter.docx")
    assert "Police Scotland" in text and "foi@scotland.police.example" in text and "P. Constable" in text
    assert "Westmere" not in text and "info@westmere.example" not in text and "C. Clerk" not in text
    window.document.undo_stack.setClean()


def test_editing_the_profile_in_settings_updates_the_open_case(qtbot, env):
    window = two_profile_window(qtbot, env)
    dialog = window.open_settings()
    dialog.profile_list.setCurrentRow(0)
    email = dialog.authority_form.texts["email"]
    email.clear()
    qtbot.keyClicks(email, "requests@westmere.example")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    result = settle(qtbot, window.document)
    assert "requests@westmere.example" in result.html and "info@westmere.example" not in result.html
    assert window.case_panel.authority_form.texts["email"].placeholderText() == "requests@westmere.example"
    assert not window.document.is_modified()


def test_an_override_in_the_case_tab_wins_over_the_profile(qtbot, env):
    window = two_profile_window(qtbot, env)
    phone = window.case_panel.authority_form.texts["phone"]
    qtbot.keyClicks(phone, "01632 000 111")
    result = settle(qtbot, window.document)
    assert window.document.case.authority.phone == "01632 000 111"
    assert "01632 000 111" in result.html and "Westmere Council" in result.html
    window.document.undo_stack.setClean()


def test_placeholder_authority_is_an_error_finding(qtbot, window):
    assert window.document.case.authority.name == "Your authority"
    errors = {f.rule for f in window.document.findings if f.severity == "error"}
    assert {"authority-name", "authority-review"} <= errors
    window.case_panel.authority_name.selectAll()
    qtbot.keyClicks(window.case_panel.authority_name, "Westmere Council")
    assert window.document.case.authority.name == "Westmere Council"
    qtbot.keyClicks(window.case_panel.authority_form.texts["foi_email"], "foi@westmere.example")
    settle(qtbot, window.document)
    assert not {f.rule for f in window.document.findings} & {"authority-name", "authority-review"}
    window.document.undo_stack.setClean()


def test_activating_the_placeholder_finding_goes_to_the_authority_fields(qtbot, window):
    finding = next(f for f in window.document.findings if f.rule == "authority-name")
    window.tabs.setCurrentWidget(window.parts_editor)
    window.findings.finding_activated.emit(finding)
    assert window.tabs.currentWidget() is window.case_panel
    qtbot.waitUntil(window.case_panel.authority_name.hasFocus)
