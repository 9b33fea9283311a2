"""An organisation file that locks the authority: Settings show it read-only and letters use it."""

from __future__ import annotations

import dataclasses
import json

import docx
from PySide6.QtWidgets import QDialogButtonBox

from app.gui.officer.main_window import MainWindow
from tests.gui.conftest import settle

ORG = {
    "authorities": [
        {
            "key": "exampleshire",
            "name": "Exampleshire County Council",
            "address": ["County Hall", "Exampleton", "EX1 1AA"],
            "foi_email": "foi@exampleshire.example",
            "signatory_name": "A. Officer",
        }
    ],
    "default_authority": "exampleshire",
    "default_regime": "eir",
    "locked": ["authorities", "default_authority"],
}
MINE = {
    "authorities": [{"key": "own", "name": "My Own Council", "foi_email": "me@own.example"}],
    "default_authority": "own",
    "letterhead": "",
}


def letter_text(path) -> str:
    document = docx.Document(str(path))
    header = [p.text for s in document.sections for h in (s.header, s.first_page_header) for p in h.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([*header, *cells, *(p.text for p in document.paragraphs)])


def test_a_locked_authority_is_read_only_and_is_what_the_letter_says(qtbot, env, tmp_path):
    org_file = tmp_path / "organisation.json"
    org_file.write_text(json.dumps(ORG), encoding="utf-8")
    env.config_dir.mkdir(parents=True)
    env.preferences_path.write_text(json.dumps(MINE), encoding="utf-8")
    window = MainWindow(dataclasses.replace(env, organisation_path=org_file))
    qtbot.addWidget(window)
    window.show()

    dialog = window.open_settings()
    assert dialog.authority_name.isReadOnly() and "organisation" in dialog.authority_name.toolTip()
    assert not dialog.add_profile.isEnabled() and not dialog.make_default.isEnabled()
    assert dialog.default_regime.isEnabled() and dialog.letterhead.isReadOnly() is False
    assert dialog.authority_name.text() == "Exampleshire County Council"
    qtbot.keyClicks(dialog.authority_name, " (edited)")
    assert dialog.authority_name.text() == "Exampleshire County Council"
    dialog.default_regime.setCurrentIndex(dialog.default_regime.findData("foia"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    saved = json.loads(env.preferences_path.read_text(encoding="utf-8"))
    assert saved["default_regime"] == "foia"
    assert "authorities" not in saved and "default_authority" not in saved
    assert [p.authority.name for p in window.preferences.profiles()] == ["Exampleshire County Council"]

    window.files.new_case()
    case = window.document.case
    assert case.regime == "foia" and case.authority.profile == "exampleshire"
    window.document.edit_field("reference", "EIR-1")
    window.document.edit_field("request", "Please send the flood survey.")
    window.document.edit_part_field(0, "outcome", "disclosed")
    window.document.edit_part_field(0, "answer", "The survey is attached.")
    settle(qtbot, window.document)
    target = tmp_path / "letter.docx"
    assert window.files.export(target)
    text = letter_text(target)
    assert "Exampleshire County Council" in text and "County Hall" in text
    assert "My Own Council" not in text and "me@own.example" not in text
    window.document.undo_stack.setClean()


def test_a_broken_organisation_file_is_named_in_the_status_bar(qtbot, env, tmp_path):
    org_file = tmp_path / "organisation.json"
    org_file.write_text('{"default_regime": "scotland"}', encoding="utf-8")
    window = MainWindow(dataclasses.replace(env, organisation_path=org_file))
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert "organisation.json" in message and "default_regime" in message
    assert window.preferences.default_regime == "foia"  # a bad value never stops the app
