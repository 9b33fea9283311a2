"""Start-up shortcuts give what the modules they avoid would: package folder, month lengths, imports kept out."""

from __future__ import annotations

import calendar
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from app.core import paths
from app.core.law.calendar import _days_in_month

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_folder_is_the_one_importlib_resources_gives() -> None:
    assert Path(str(files("app"))) == paths._PACKAGE


def test_month_lengths_are_the_standard_librarys() -> None:
    for year in (1900, 2000, 2024, 2026, 2100):
        for month in range(1, 13):
            assert _days_in_month(year, month) == calendar.monthrange(year, month)[1]


PROBE = "import sys; from app.cli import main; main({argv!r}); print(sorted(m for m in {banned!r} if m in sys.modules))"


@pytest.mark.parametrize(
    "argv, banned",
    [
        (
            ["deadline", "--regime", "foisa", "--received", "2026-03-02"],
            ["yaml", "jinja2", "docx", "holidays", "app.commands.render", "app.commands.spell"],
        ),
        (["library", "variables"], ["docx", "holidays", "spellchecker", "yaml"]),
        (
            ["check", "resources/examples/foia-partial.yaml"],
            ["docx", "holidays", "spellchecker", "xml.sax", "markdown_it", "subprocess", "app.core.workbench.history"],
        ),
        (["render", "resources/examples/foia-partial.yaml", "-o", "{out}"], ["holidays", "spellchecker", "xml.sax"]),
    ],
    ids=["deadline", "library-variables", "check", "render"],
)
def test_a_sub_command_imports_only_what_it_needs(argv: list[str], banned: list[str], tmp_path: Path) -> None:
    argv = [a.replace("{out}", str(tmp_path / "letter.docx")) for a in argv]
    code = PROBE.format(argv=argv, banned=[*banned, "importlib.resources", "PySide6"])
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.stdout.splitlines()[-1] == "[]", result.stdout + result.stderr
