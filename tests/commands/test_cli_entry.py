"""How the installed app is started: a case file as the only argument opens it in the desktop app."""

from __future__ import annotations

import gc
import tomllib
from pathlib import Path

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


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "case.yaml"],
        ["render", "case.yaml", "-o", "out.docx", "--bogus"],
        ["render", "--help"],
        ["deadline", "--regime", "nope", "--received", "2026-03-02"],
        ["check", "--today", "not-a-date", "case.yaml"],
        ["spell", "--help"],
        ["library", "--help"],
    ],
)
def test_a_named_sub_command_parses_and_fails_as_with_every_command_loaded(argv, capsys):
    """Only the named sub-command's module is loaded; what the user sees is the same as with all of them."""
    outcomes = []
    for parser in (cli.build_parser(argv[0]), cli.build_parser()):
        with pytest.raises(SystemExit) as stopped:
            parser.parse_args(argv)
        outcomes.append((stopped.value.code, capsys.readouterr()))
    assert outcomes[0] == outcomes[1]


def test_a_sub_command_missing_from_the_build_is_listed_among_those_present(monkeypatch, capsys):
    real = cli.importlib.import_module

    def without_gui(name: str):
        if name == "app.commands.gui":
            raise ModuleNotFoundError(name=name)
        return real(name)

    monkeypatch.setattr(cli.importlib, "import_module", without_gui)
    with pytest.raises(SystemExit):
        cli.main(["gui"])
    err = capsys.readouterr().err
    assert "invalid choice: 'gui'" in err and "'render'" in err


def test_a_command_ending_the_process_runs_without_the_collector_and_restores_it_only_on_failure(monkeypatch):
    seen = []

    def failing(args):
        seen.append(gc.isenabled())
        raise RuntimeError("the command failed")

    argv = ["deadline", "--regime", "foia", "--received", "2026-11-02"]
    monkeypatch.setattr("app.commands.deadline.run", lambda args: seen.append(gc.isenabled()) or 0)
    try:
        assert cli.main(argv) == 0  # called from Python: the collector stays on
        assert cli.main(argv, ending=True) == 0
        assert not gc.isenabled()  # the process ends now: left off
        gc.enable()
        monkeypatch.setattr("app.commands.deadline.run", failing)
        with pytest.raises(RuntimeError):
            cli.main(argv, ending=True)
        assert gc.isenabled()  # a failure may run more code (the traceback): back on
    finally:
        gc.enable()
    assert seen == [True, False, False]


def test_the_desktop_app_keeps_the_collector(monkeypatch):
    seen = []
    monkeypatch.setattr("app.commands.gui.run", lambda args: seen.append(gc.isenabled()) or 0)
    assert cli.main(["gui"], ending=True) == 0
    assert seen == [True] and gc.isenabled()


def test_the_scripts_and_main_py_run_the_program_entry():
    root = Path(__file__).resolve().parents[2]
    scripts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["foi-drafter"] == "app.cli:program"
    assert "sys.exit(program())" in (root / "main.py").read_text(encoding="utf-8")
