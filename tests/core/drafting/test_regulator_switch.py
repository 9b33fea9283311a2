"""The "Information Commission" switch: letters name the regulator as the law does on their date, once the organisation dates it."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from app.core.casefile.model import parse_case
from app.core.drafting.assemble import assemble
from app.core.drafting.library import default_layers, load_library
from app.core.drafting.library_settings import UNREADABLE_SETTINGS
from app.core.law.regulators import BAD_COMMENCEMENT, UNKNOWN_SWITCH

CASE = """regime: {regime}
letter: response
reference: T-1
received: 2027-05-04
date: {date}
authority: {{name: Westmere District Council, email: foi@westmere.example}}
requester: {{name: Ms Jane Smith}}
request: The file.
parts:
  - {{outcome: not-held}}
"""


def org_library(tmp_path, settings: str | None):
    """Load the built-in library with an organisation layer whose library.yaml holds settings."""
    folder = tmp_path / "organisation"
    folder.mkdir(exist_ok=True)
    if settings is not None:
        (folder / "library.yaml").write_text(settings, encoding="utf-8")
    return load_library(default_layers([folder]), cache=False)


def letter_text(library, regime: str = "foia", date: str = "2027-05-20") -> str:
    case = parse_case(CASE.format(regime=regime, date=date))
    letter = assemble(case, library, dt.date(2027, 5, 20))
    assert letter.problems == []
    return letter.markdown()


def test_shipped_unset_letters_keep_the_information_commissioner(tmp_path):
    text = letter_text(org_library(tmp_path, None))
    assert "apply to the Information Commissioner for a decision" in text
    assert "Information Commissioner's Office (ICO)" in text and "Information Commission " not in text


@pytest.mark.parametrize("regime", ["foia", "eir"])
def test_once_dated_letters_from_that_day_name_the_information_commission(tmp_path, regime):
    library = org_library(tmp_path, "commencement:\n  information-commission: 2027-05-01\n")
    assert library.commencements == {"information-commission": dt.date(2027, 5, 1)}
    after = letter_text(library, regime)
    assert "Information Commission" in after and "Commissioner" not in after.replace("Commissioner's decision", "")
    assert "the Commission's decision notice" in after
    before = letter_text(library, regime, date="2027-04-30")
    assert "Information Commissioner" in before


def test_scottish_letters_are_unaffected_by_the_switch(tmp_path):
    library = org_library(tmp_path, "commencement:\n  information-commission: 2027-05-01\n")
    assert "Scottish Information Commissioner" in letter_text(library, "foisa")


@pytest.mark.parametrize(
    ("settings", "code", "line"),
    [
        ("commencement:\n  information-comission: 2027-05-01\n", UNKNOWN_SWITCH, 2),
        ("reviewers: [A]\ncommencement:\n  information-commission: next spring\n", BAD_COMMENCEMENT, 3),
        ("commencement: [\n", UNREADABLE_SETTINGS, None),
    ],
)
def test_a_bad_commencement_is_a_library_problem_naming_the_file_and_line(tmp_path, settings, code, line):
    library = org_library(tmp_path, settings)
    found = [p for p in library.problems if p.code == code]
    assert found and found[0].path.endswith("library.yaml")
    assert line is None or found[0].line == line
    assert library.commencements == {}
    assert "Information Commissioner" in letter_text(library)  # the rest of the library keeps working


def test_the_on_disk_cache_notices_a_changed_commencement(tmp_path, monkeypatch):
    monkeypatch.setenv("FOI_DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "organisation"
    folder.mkdir()
    settings = folder / "library.yaml"
    settings.write_text("commencement:\n  information-commission: null\n", encoding="utf-8")
    old = time.time() - 60  # older than the cache's quiet period, so the library is cached
    os.utime(settings, (old, old))
    layers = default_layers([folder])
    assert load_library(layers).commencements == {}
    assert load_library(layers).commencements == {}  # from the cache
    settings.write_text("commencement:\n  information-commission: 2027-05-01\n", encoding="utf-8")
    assert load_library(layers).commencements == {"information-commission": dt.date(2027, 5, 1)}
