"""Reopening a case whose clauses changed in the library says so, and keeps the old wording or takes the new."""

from __future__ import annotations

import datetime as dt

from app.core.casefile.model import load_case
from app.core.paths import CLAUSES_DIR
from app.core.workbench import model
from app.core.workbench.history import SnapshotHistory
from tests.gui.conftest import EXAMPLES, settle

BUILT_IN = "If you have any questions about this response, please contact us"
OLD = "Our organisation's own closing sentence"
NEW = "If anything here is unclear, please write to us"


def closing(document) -> str:
    return next(b.text for b in document.letter.blocks() if b.clause_id == "common.closing")


def test_reopening_a_case_after_a_clause_changed_offers_the_old_or_the_new_wording(
    qtbot, window, env, prompter, tmp_path
):
    org = env.organisation_dir
    path = org / "common" / "closing.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    history = SnapshotHistory(org)
    text = (CLAUSES_DIR / "common" / "closing.md").read_text(encoding="utf-8")
    path.write_text(text.replace(BUILT_IN, OLD), encoding="utf-8")
    history.record(path, "Organisation closing", "Rita", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    doc = window.document
    doc.set_library_folders(doc.library_folders)
    assert window.files.open_case(EXAMPLES / "foia-partial.yaml")
    settle(qtbot, doc)
    assert OLD in closing(doc)
    saved = tmp_path / "case.yaml"
    prompter.save_answer = saved
    assert window.files.save_as()
    assert load_case(saved).pins["common.closing"].layer == "organisation"
    assert prompter.pins_asked == []

    model.save_text(path, path.read_text(encoding="utf-8").replace(OLD, NEW), history, "Plainer", "Rita")
    doc.set_library_folders(doc.library_folders)  # what the library watcher does when files change
    prompter.pins_answer = "keep"
    assert window.files.open_case(saved)
    assert "common.closing: wording changed since the case was saved" in prompter.pins_asked[-1]
    settle(qtbot, doc)
    assert OLD in closing(doc) and NEW not in closing(doc)
    assert doc.is_modified()  # the kept wording is the officer's text now: saving records it

    prompter.pins_answer = "new"
    assert window.files.open_case(saved)
    settle(qtbot, doc)
    assert NEW in closing(doc) and len(prompter.pins_asked) == 2
    assert not prompter.errors
