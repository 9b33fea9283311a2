"""A .foicase file (YAML under the extension the installer associates) opens and saves like .yaml."""

from __future__ import annotations

import shutil

import yaml

from app.gui.application import start
from app.gui.officer.dialogs import CASE_FILTER
from tests.gui.conftest import EXAMPLES, settle


def test_a_foicase_file_opens_from_the_command_line_and_saves_in_place(qtbot, env, tmp_path):
    case = tmp_path / "IM-FOI-1.foicase"
    shutil.copyfile(EXAMPLES / "foisa-cost-limit.yaml", case)
    window = start(env, case)
    qtbot.addWidget(window)
    settle(qtbot, window.document)
    assert window.document.path == case
    window.document.edit_field("reference", "IM-FOI-2")
    assert window.files.save()
    assert yaml.safe_load(case.read_text(encoding="utf-8"))["reference"] == "IM-FOI-2"
    assert "*.foicase" in CASE_FILTER and "*.yaml" in CASE_FILTER
