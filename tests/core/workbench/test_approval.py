"""Approval rules: the organisation's reviewers list, four eyes, drafts for copies, minimal header rewrites."""

from __future__ import annotations

import datetime as dt
import difflib

from app.core.drafting.library import BUILT_IN, Layer
from app.core.paths import CLAUSES_DIR
from app.core.workbench.approval import (
    ApprovalPolicy,
    approval_blocker,
    as_draft,
    last_editor,
    last_editor_of,
    load_policy,
)
from app.core.workbench.clause_text import META_ORDER, compose, normalised, split_text
from app.core.workbench.header_layout import merge_header
from app.core.workbench.history import SnapshotHistory

SHIPPED = CLAUSES_DIR / "foia" / "exemption-s30.md"


def layers_with_policy(tmp_path, text: str) -> list[Layer]:
    org = tmp_path / "org"
    org.mkdir(parents=True)
    (org / "library.yaml").write_text(text, encoding="utf-8")
    return [Layer(BUILT_IN, CLAUSES_DIR), Layer("organisation", org), Layer("personal", tmp_path / "me")]


def test_policy_is_read_from_the_organisation_layer(tmp_path):
    layers = layers_with_policy(tmp_path, "reviewers: [A. Lawyer, 'B. Counsel ']\nfour_eyes: true\n")
    policy, problems = load_policy(layers)
    assert problems == []
    assert policy.reviewers == ("A. Lawyer", "B. Counsel") and policy.four_eyes and policy.restricted
    assert policy.source == tmp_path / "org" / "library.yaml"


def test_no_policy_file_means_anyone_named_may_approve(tmp_path):
    policy, problems = load_policy([Layer(BUILT_IN, CLAUSES_DIR), Layer("organisation", tmp_path)])
    assert (policy, problems) == (ApprovalPolicy(), [])
    assert approval_blocker(policy, "Anyone", "Anyone") == ""
    assert "name" in approval_blocker(policy, "  ", "")


def test_a_bad_policy_file_is_reported_with_its_name_and_line(tmp_path):
    layers = layers_with_policy(tmp_path, "reviewers: A. Lawyer\nfour_eyes: sometimes\n")
    policy, problems = load_policy(layers)
    assert not policy.restricted and not policy.four_eyes
    assert [(p.line, p.message) for p in problems] == [
        (1, "reviewers must be a list of names"),
        (2, "four_eyes must be true or false"),
    ]
    assert "library.yaml" in problems[0].path
    _, broken = load_policy(layers_with_policy(tmp_path / "x", "reviewers: [unclosed\n"))
    assert broken and "not valid YAML" in broken[0].message


def test_only_listed_reviewers_may_approve_and_never_their_own_last_edit():
    policy = ApprovalPolicy(("A. Lawyer", "B. Counsel"), four_eyes=True)
    assert "not on the organisation's list" in approval_blocker(policy, "Jo Officer", "B. Counsel")
    assert approval_blocker(policy, "a.  lawyer", "B. Counsel") == ""
    assert "four eyes" in approval_blocker(policy, "A. Lawyer", "a. lawyer")
    assert approval_blocker(ApprovalPolicy(("A. Lawyer",)), "A. Lawyer", "A. Lawyer") == ""


def clause_text(body: str, status: str = "draft", approved: str = "") -> str:
    approval = f"approved_by: {approved}\napproved_on: 2027-01-01\n" if approved else ""
    return f"---\nid: org.x\ntitle: X\ntopic: closing\nstatus: {status}\n{approval}---\n{body}\n"


def test_the_last_editor_is_whoever_last_changed_the_wording_not_who_approved():
    versions = [
        ("A. Lawyer", clause_text("New words.", "approved", "A. Lawyer")),  # approval only
        ("Jo Officer", clause_text("New words.")),
        ("B. Counsel", clause_text("Old words.")),
    ]
    assert last_editor(versions) == "Jo Officer"
    assert last_editor(versions, editing="A. Lawyer") == "A. Lawyer"
    assert last_editor(versions[-1:]) == "B. Counsel"
    assert last_editor([]) == ""


def test_last_editor_of_a_file_reads_its_history_and_the_unsaved_text(tmp_path):
    path = tmp_path / "x.md"
    history = SnapshotHistory(tmp_path)
    path.write_text(clause_text("Old words."), encoding="utf-8")
    history.record(path, "create", "B. Counsel", dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    path.write_text(clause_text("New words."), encoding="utf-8")
    history.record(path, "edit", "Jo Officer", dt.datetime(2027, 1, 2, tzinfo=dt.UTC))
    saved = path.read_text(encoding="utf-8")
    assert last_editor_of(path, history, saved, saved, "A. Lawyer") == "Jo Officer"
    assert last_editor_of(path, history, saved, clause_text("Newer."), "A. Lawyer") == "A. Lawyer"
    assert last_editor_of(path, history, "", clause_text("Brand new."), "A. Lawyer") == "A. Lawyer"


def test_a_copy_becomes_a_draft_and_keeps_every_other_line():
    original = SHIPPED.read_text(encoding="utf-8")
    draft = as_draft(original)
    removed = [line for line in original.splitlines() if line not in draft.splitlines()]
    added = [line for line in draft.splitlines() if line not in original.splitlines()]
    assert added == ["status: draft"]
    assert sorted(r.split(":")[0] for r in removed) == ["approved_by", "approved_on", "status"]
    assert draft.split("\n---\n", 1)[1] == original.split("\n---\n", 1)[1]
    assert "status: draft" in as_draft("---\nid: a\ntitle: A\ntopic: closing\n---\nBody\n")


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_approving_rewrites_only_the_approval_lines_of_the_header():
    original = SHIPPED.read_text(encoding="utf-8")
    baseline = split_text(original)
    meta = dict(baseline.meta)
    meta.update(approved_by="A. Lawyer", approved_on=dt.date(2027, 3, 1), last_reviewed=dt.date(2027, 3, 1))
    text = compose(meta, baseline.body, baseline)
    assert sorted(line.split(":")[0] for line in changed_lines(original, text)) == [
        "+approved_by",
        "+approved_on",
        "+last_reviewed",
        "-approved_by",
        "-approved_on",
        "-last_reviewed",
    ]
    assert split_text(text).meta == normalised(meta) | {
        k: v for k, v in baseline.meta.items() if k not in normalised(meta)
    }


def test_merge_header_places_new_fields_in_order_and_drops_removed_ones():
    header = "id: a\ntitle: A\ntopic: closing\nregimes: [foia]   # note kept\noptional: false\nguidance: |\n  Keep\n  this.\n"
    old = {"id": "a", "title": "A", "topic": "closing", "regimes": ["foia"], "guidance": "Keep\nthis.\n"}
    new = {"id": "a", "title": "A", "topic": "closing", "status": "draft", "guidance": "Keep\nthis.\n"}
    merged = merge_header(header, old, new, META_ORDER)
    assert merged == "id: a\ntitle: A\ntopic: closing\nstatus: draft\noptional: false\nguidance: |\n  Keep\n  this.\n"
