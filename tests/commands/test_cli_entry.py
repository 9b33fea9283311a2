"""How the installed app is started: a case file as the only argument opens it in the desktop app."""

from __future__ import annotations

import pytest

from app import cli


@pytest.mark.parametrize("name", ["request.foicase", "REQUEST.FOICASE", "case.yaml", "case.yml"])
def test_a_case_file_alone_means_gui(name, monkeypatch):
    opened = []
    monkeypatch.setattr("app.commands.gui.run", lambda args: opened.append(args.case) or 0)
    assert cli.main([name]) == 0
    assert [p.name for p in opened] == [name]


def test_anything_else_is_still_a_command_or_an_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["letter.docx"])
    assert stopped.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
