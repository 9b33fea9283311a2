"""Pinned wording: a saved case records its clause versions; a changed library is reported and can be undone."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.core.casefile.model import load_case
from app.core.casefile.writing import save_case
from app.core.drafting.assemble import assemble
from app.core.drafting.library import default_layers, load_library
from app.core.paths import CLAUSES_DIR, EXAMPLES_DIR
from app.core.workbench import model
from app.core.workbench.history import SnapshotHistory, history_for
from app.core.workbench.pins import (
    changed_pins,
    keep_earlier_wording,
    record_pins,
    take_new_wording,
    wording_hash,
)

TODAY = dt.date(2026, 11, 21)
CLOSING = "common/closing.md"
BUILT_IN = "If you have any questions about this response, please contact us"
OLD = "Our organisation's own closing sentence"
NEW = "If anything here is unclear, please write to us"


def org_copy(folder: Path, old: str = BUILT_IN, new: str = OLD) -> Path:
    path = folder / CLOSING
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((CLAUSES_DIR / CLOSING).read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path


def saved_case(tmp_path: Path, org: Path) -> tuple[Path, list]:
    """Save the FOIA example with the pins of its letter over the built-in and org layers."""
    layers = default_layers([org])
    library = load_library(layers)
    case = load_case(EXAMPLES_DIR / "foia-partial.yaml")
    record_pins(case, assemble(case, library, TODAY), library)
    target = tmp_path / "case.yaml"
    save_case(case, target)
    return target, layers


def closing(case, layers) -> str:
    letter = assemble(case, load_library(layers), TODAY)
    return next(b.text for b in letter.blocks() if b.clause_id == "common.closing")


def test_saving_records_every_clause_of_the_letter_with_its_hash_and_layer(tmp_path):
    org = tmp_path / "org"
    path = org_copy(org)
    target, layers = saved_case(tmp_path, org)
    case = load_case(target)
    library = load_library(layers)
    assert "common.closing" in case.pins and "foia.exemption.s30" in case.pins
    assert case.pins["common.closing"].layer == "organisation"
    assert case.pins["foia.exemption.s30"].layer == "built-in"
    assert case.pins["common.closing"].hash == wording_hash(library.get("common.closing"))
    assert "pins:" in target.read_text(encoding="utf-8")
    assert changed_pins(case, library) == []
    text = path.read_text(encoding="utf-8")
    assert "review_due: 2027-11-01" in text
    path.write_text(text.replace("review_due: 2027-11-01", "review_due: 2028-06-01"), encoding="utf-8")
    assert load_library(layers).get("common.closing").layer == "organisation"
    assert changed_pins(case, load_library(layers)) == []  # header-only changes are not wording changes


def test_a_changed_clause_is_reported_by_check_and_the_new_wording_can_be_taken(tmp_path, capsys):
    org = tmp_path / "org"
    path = org_copy(org)
    target, layers = saved_case(tmp_path, org)
    org_copy(org, BUILT_IN, NEW)
    case = load_case(target)
    changes = changed_pins(case, load_library(layers))
    assert [c.clause_id for c in changes] == ["common.closing"]
    assert changes[0].describe() == "common.closing: wording changed since the case was saved"
    status = main(["check", str(target), "--library", str(org), "--today", "2026-11-21"])
    out = capsys.readouterr().out
    assert "common.closing: wording changed since the case was saved" in out
    assert status == 0  # a warning, not a missing element
    take_new_wording(case, load_library(layers), changes)
    assert changed_pins(case, load_library(layers)) == []
    path.unlink()
    assert [c.describe() for c in changed_pins(load_case(target), load_library(layers))] == [
        "common.closing: wording changed since the case was saved (now from the built-in layer)"
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_keeping_the_earlier_wording_from_git(tmp_path):
    org = tmp_path / "org"
    path = org_copy(org)
    subprocess.run(["git", "init", "-q", str(org)], check=True)
    history = history_for(org)
    history.record(path, "Organisation closing", "Rita Reviewer")
    target, layers = saved_case(tmp_path, org)
    case = load_case(target)
    assert len(case.pins["common.closing"].commit) == 40
    model.save_text(path, path.read_text(encoding="utf-8").replace(OLD, NEW), history, "Plainer", "Rita Reviewer")
    assert NEW in closing(case, layers)
    library = load_library(layers)
    missing = keep_earlier_wording(case, library, layers, changed_pins(case, library), TODAY)
    assert missing == []
    assert OLD in closing(case, layers) and NEW not in closing(case, layers)
    assert any(OLD in text for text in case.edits.texts.values())
    assert changed_pins(case, load_library(layers)) == []


def test_keeping_the_earlier_wording_from_workbench_snapshots_or_a_lower_layer(tmp_path):
    org = tmp_path / "org"
    path = org_copy(org)
    history = SnapshotHistory(org)
    history.record(path, "Organisation closing", "Rita", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    target, layers = saved_case(tmp_path, org)
    model.save_text(path, path.read_text(encoding="utf-8").replace(OLD, NEW), history, "Plainer", "Rita")
    case = load_case(target)
    library = load_library(layers)
    assert keep_earlier_wording(case, library, layers, changed_pins(case, library), TODAY) == []
    assert OLD in closing(case, layers)


def test_keeping_built_in_wording_that_an_override_replaced(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    target, layers = saved_case(tmp_path, plain)
    assert load_case(target).pins["common.closing"].layer == "built-in"
    org_copy(plain, BUILT_IN, NEW)
    case = load_case(target)
    library = load_library(layers)
    assert keep_earlier_wording(case, library, layers, changed_pins(case, library), TODAY) == []
    assert BUILT_IN in closing(case, layers) and NEW not in closing(case, layers)


def test_wording_that_cannot_be_found_is_named_and_the_new_wording_stays(tmp_path):
    org = tmp_path / "org"
    path = org_copy(org)
    target, layers = saved_case(tmp_path, org)
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")  # no history at all
    case = load_case(target)
    library = load_library(layers)
    assert keep_earlier_wording(case, library, layers, changed_pins(case, library), TODAY) == ["common.closing"]
    assert NEW in closing(case, layers)


def test_a_bad_pins_entry_is_reported_with_its_line(tmp_path):
    from app.core.problems import InputError

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "regime: foia\nreceived: 2026-11-02\nparts:\n  - outcome: disclosed\npins:\n  common.closing: 12\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad.yaml:6: pins.common.closing: must be a mapping"):
        load_case(bad)
