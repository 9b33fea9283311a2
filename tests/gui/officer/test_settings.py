"""Settings: preferences persist through a temporary settings path; window state is kept apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.core.settings.preferences import Preferences, load_preferences, save_preferences
from app.gui.officer.main_window import MainWindow
from tests.gui.conftest import settle


def test_preferences_round_trip_and_defaults(tmp_path):
    path = tmp_path / "sub" / "preferences.json"
    assert load_preferences(path) == (Preferences(), [])
    prefs = Preferences(
        authority_name="Example Council",
        authority_address=["1 Town Square", "Exampleton"],
        signatory_name="J. Smith",
        signatory_role="FOI Officer",
        default_regime="foisa",
        letterhead="/letterheads/council.docx",
        library_folders=["/shared/clauses"],
        custom_dictionary="/dictionaries/words.txt",
    )
    save_preferences(prefs, path)
    assert load_preferences(path) == (prefs, [])
    assert list(path.parent.iterdir()) == [path]


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "not valid JSON"),
        ('{"default_regime": "scotland"}', "default_regime must be one of"),
        ('{"library_folders": "one folder"}', "library_folders: expected a list of text"),
        ("[1, 2]", "must be a JSON object"),
    ],
)
def test_bad_preferences_fall_back_to_defaults_with_a_problem(tmp_path, text, message):
    path = tmp_path / "preferences.json"
    path.write_text(text, encoding="utf-8")
    prefs, problems = load_preferences(path)
    assert prefs.default_regime == "foia"
    assert len(problems) == 1 and message in str(problems[0])


def test_settings_dialog_saves_preferences_that_a_new_window_uses(qtbot, window, env):
    dialog = window.open_settings()
    qtbot.keyClicks(dialog.authority_name, "Example Council")
    dialog.authority_form.lines["address"].setPlainText("1 Town Square\nExampleton")
    qtbot.keyClicks(dialog.signatory_name, "J. Smith")
    qtbot.keyClicks(dialog.signatory_role, "Information Officer")
    dialog.default_regime.setCurrentIndex(dialog.default_regime.findData("foisa"))
    dialog.folders.addItem(str(env.config_dir / "our-clauses"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    saved = json.loads(env.preferences_path.read_text(encoding="utf-8"))
    assert saved["authorities"][0]["name"] == "Example Council" and saved["default_regime"] == "foisa"
    assert "geometry" not in json.dumps(saved)
    window.close()

    again = MainWindow(env)
    qtbot.addWidget(again)
    assert again.preferences.signatory_role == "Information Officer"
    assert again.preferences.library_folders == [str(env.config_dir / "our-clauses")]
    again.files.new_case()
    case = again.document.resolved_case()
    assert again.document.case.authority.profile == "example-council"
    assert case.regime == "foisa" and case.authority.name == "Example Council"
    assert case.authority.address == ["1 Town Square", "Exampleton"] and case.signatory.name == "J. Smith"
    result = settle(qtbot, again.document)
    assert any("our-clauses" in f.message and "not found" in f.message for f in result.findings)


def test_window_geometry_and_splitters_are_remembered_apart_from_preferences(qtbot, window, env):
    window.resize(780, 560)  # inside the offscreen platform's 800 x 600 screen
    window.columns.setSizes([200, 250, 300])
    sizes = window.columns.sizes()
    window.close()
    assert Path(env.state_path).is_file()
    assert not env.preferences_path.exists()
    again = MainWindow(env)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert again.columns.sizes() == sizes
