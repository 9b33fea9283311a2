"""The clause library workbench on its own: browse, edit, validate, preview, approve, override, history.

Every test works on temporary layers: a small built-in layer copied from the shipped clauses (the
shipped folder is never written), and empty organisation and personal folders.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app.core.drafting.library import BUILT_IN, UNKNOWN_VARIABLE, Layer, load_library
from app.core.drafting.template_errors import UNCLOSED_BLOCK
from app.core.paths import CLAUSES_DIR
from app.gui.widgets.answers import CANCEL, DISCARD
from app.gui.workbench.browser import PROBLEM_GROUP
from app.gui.workbench.prompter import APPROVE, DRAFT, WorkbenchPrompter
from app.gui.workbench.window import WorkbenchWindow

TODAY = dt.date(2027, 3, 1)
SHIPPED = ("common/closing.md", "foisa/decision-cost-limit.md", "foia/exemption-s30.md", "foia/decision-disclosed.md")
CLOSING = "common.closing"
NEW_WORDING = "Please write to us if anything in this letter is unclear."

DRAFT_CLAUSE = """---
id: org.advice.narrowing
title: Advice on narrowing a request
topic: advice
status: draft
regimes: [foia]
outcomes: [cost-limit]
review_due: 2027-01-31
---
You could narrow your request, {{ case.requester.name }}.

We would then answer within 20 working days.
"""


@dataclass
class FakeWorkbenchPrompter(WorkbenchPrompter):
    """Answers the workbench's questions from fields and records what it was asked."""

    discard_answer: str = DISCARD
    confirm_answer: bool = True
    approval_answer: str = DRAFT
    new_clause_answer: tuple[str, str] | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)
    confirmations: list[str] = field(default_factory=list)
    approval_reasons: list[str] = field(default_factory=list)
    discards: int = 0

    def __post_init__(self) -> None:
        super().__init__(None)

    def error(self, parent, title, message, details=()):
        self.errors.append((title, message))

    def confirm_discard(self, parent, name):
        self.discards += 1
        return self.discard_answer

    def confirm(self, parent, title, question):
        self.confirmations.append(question)
        return self.confirm_answer

    def approval_choice(self, parent, clause_id, reviewer, reason):
        self.approval_reasons.append(reason)
        return self.approval_answer

    def new_clause(self, parent, layers):
        return self.new_clause_answer


@pytest.fixture
def answers() -> FakeWorkbenchPrompter:
    return FakeWorkbenchPrompter()


@pytest.fixture
def layers(tmp_path: Path) -> list[Layer]:
    """A built-in layer of a few shipped clauses, an organisation layer with a draft, an empty personal one."""
    built_in = tmp_path / "built-in"
    for name in SHIPPED:
        target = built_in / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CLAUSES_DIR / name, target)
    org = tmp_path / "org"
    (org / "foia").mkdir(parents=True)
    (org / "foia" / "advice-narrowing.md").write_text(DRAFT_CLAUSE, encoding="utf-8")
    (tmp_path / "me").mkdir()
    return [Layer(BUILT_IN, built_in), Layer("organisation", org), Layer("personal", tmp_path / "me")]


@pytest.fixture
def bench(qtbot: Any, layers: list[Layer], answers: FakeWorkbenchPrompter) -> WorkbenchWindow:
    """A shown workbench over the temporary layers, with its library loaded."""
    window = WorkbenchWindow(layers, lambda: TODAY, "Jo Reviewer", answers, delay_ms=20)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=20000):
        window.show()
    yield window
    window.loader.shutdown()


def open_clause(bench: WorkbenchWindow, clause_id: str) -> None:
    """Select a clause in the browser, as a reviewer would by clicking it."""
    assert bench.browser.select_id(clause_id)
    assert bench.entry is not None and bench.entry.clause.id == clause_id


def override(qtbot: Any, bench: WorkbenchWindow, layer: str = "personal") -> None:
    """Copy the open clause into a higher layer and wait until the copy is open."""
    with qtbot.waitSignal(bench.library_loaded, timeout=20000):
        assert bench.override(next(item for item in bench.layers if item.name == layer))
    assert bench.entry.layer.name == layer


def set_body(qtbot: Any, bench: WorkbenchWindow, text: str) -> list:
    """Replace the wording and wait for validation as you type; return the problems shown."""
    with qtbot.waitSignal(bench.editor.validated, timeout=5000) as blocker:
        bench.editor.body.setPlainText(text)
    return blocker.args[0]


def save(qtbot: Any, bench: WorkbenchWindow, action: Any = None) -> bool:
    """Save (or run another saving action) and wait for the library to be reloaded."""
    with qtbot.waitSignal(bench.library_loaded, timeout=20000):
        saved = (action or bench.save)()
    return saved


def group_titles(bench: WorkbenchWindow) -> list[str]:
    tree = bench.browser.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


# ---------------------------------------------------------------- browser


def test_browser_groups_by_regime_and_topic_and_shows_each_layer(bench):
    assert group_titles(bench) == ["FOIA", "FOISA"]
    foia = bench.browser.tree.topLevelItem(0)
    topics = [foia.child(i).text(0) for i in range(foia.childCount())]
    assert topics == sorted(topics) and {"advice", "closing", "decision", "exemption"} <= set(topics)
    rows = {e.clause.id: e.layer.name for e in bench.browser.visible_entries()}
    assert rows[CLOSING] == "built-in" and rows["org.advice.narrowing"] == "organisation"
    assert "5 shown of 5 clauses" in bench.browser.summary.text()


def test_search_by_text_id_and_section_and_filters_for_status_overdue_and_used_by(bench, qtbot):
    browser = bench.browser

    def shown() -> set[str]:
        return {e.clause.id for e in browser.visible_entries()}

    browser.search.setText('"narrow your request"')
    assert shown() == {"org.advice.narrowing"}
    browser.search.setText("foisa.decision")
    assert shown() == {"foisa.decision.cost-limit"}
    browser.search.setText("s30(1)")
    assert shown() == {"foia.exemption.s30"}
    browser.search.clear()
    browser.status.setCurrentIndex(browser.status.findData("draft"))
    assert shown() == {"org.advice.narrowing"}
    browser.status.setCurrentIndex(0)
    browser.overdue.setChecked(True)
    assert shown() == {"org.advice.narrowing"}
    browser.overdue.setChecked(False)
    browser.outcome.setCurrentIndex(browser.outcome.findData("cost-limit"))
    assert "foia.decision.disclosed" not in shown() and "org.advice.narrowing" in shown()
    browser.letter.setCurrentIndex(browser.letter.findData("review-outcome"))
    browser.outcome.setCurrentIndex(0)
    assert CLOSING in shown()
    browser.section.setText("30")
    assert shown() == {"foia.exemption.s30"}


def test_overdue_clauses_are_marked_in_the_browser(bench):
    browser = bench.browser
    assert browser.select_id("org.advice.narrowing")
    row = browser.tree.currentItem()
    assert "Review overdue since 31 January 2027" in row.toolTip(3)
    assert not row.icon(3).isNull()
    assert browser.select_id(CLOSING)
    assert browser.tree.currentItem().icon(3).isNull()
    assert "1 overdue for review" in browser.summary.text()


# ---------------------------------------------------------------- editing and validation


def test_built_in_clauses_are_read_only_and_offer_an_override(bench, answers):
    open_clause(bench, CLOSING)
    assert bench.editor.body.isReadOnly() and bench.editor.form.title.isReadOnly()
    assert "read-only" in bench.editor.banner.text()
    assert not bench.save_action.isEnabled()
    assert bench.override_actions["personal"].isEnabled() and bench.override_actions["organisation"].isEnabled()
    assert bench.save() is False
    assert answers.errors and "Override" in answers.errors[-1][1]


def test_syntax_error_shows_its_line_blocks_approval_but_not_saving_a_draft(bench, qtbot, answers, layers):
    open_clause(bench, "org.advice.narrowing")
    unclosed = "You could narrow it.\n\n{% if part.cost_hours %}\nIt took {{ part.cost_hours }} hours.\n"
    problems = set_body(qtbot, bench, unclosed)
    syntax = [p for p in problems if p.problem.code == UNCLOSED_BLOCK]
    assert len(syntax) == 1 and syntax[0].kind == "body" and syntax[0].body_line == 3  # where the if opens
    assert syntax[0].label.startswith(f"Line {syntax[0].file_line} (body line {syntax[0].body_line})")
    assert bench.editor.problem_list.item(0).text() == syntax[0].label
    bench.editor.problem_list.itemClicked.emit(bench.editor.problem_list.item(0))
    assert bench.editor.body.textCursor().blockNumber() + 1 == syntax[0].body_line

    assert bench.approve() is False
    assert answers.errors[-1][0] == "Cannot approve" and f"body line {syntax[0].body_line}" in answers.errors[-1][1]
    assert save(qtbot, bench) is True
    text = (layers[1].folder / "foia" / "advice-narrowing.md").read_text(encoding="utf-8")
    assert "{% if part.cost_hours %}" in text and "status: draft" in text
    assert not bench.editor.is_modified()
    assert bench.entry.clause is None and bench.entry.problems[0].code == UNCLOSED_BLOCK


def test_validation_reports_unknown_variables_sections_and_missing_metadata(bench, qtbot):
    open_clause(bench, "org.advice.narrowing")
    form = bench.editor.form
    form.title.clear()
    form.title.textEdited.emit("")
    form.fields["sections"].line.setText("99")
    form.fields["sections"].line.textEdited.emit("99")
    problems = set_body(qtbot, bench, "Dear {{ case.requester.shoe_size }}\n")
    messages = {(p.kind, p.key): p.problem.message for p in problems}
    assert "missing required field 'title'" in messages[("field", "title")]
    assert "no section 99" in messages[("field", "sections")]
    assert any(
        p.problem.code == UNKNOWN_VARIABLE and "'case.requester.shoe_size'" in p.problem.message and p.body_line == 1
        for p in problems
    )
    title = next(p for p in problems if p.key == "title")
    assert title.file_line == 2  # the header has no title line: the first header line
    bench.editor.go_to(title)
    assert form.title.hasFocus() or bench.editor.focusWidget() is form.title


def test_placeholders_and_tags_are_highlighted_in_the_body(bench, qtbot):
    open_clause(bench, "org.advice.narrowing")
    set_body(qtbot, bench, "Dear {{ case.requester.name }},\n{% if case.late %}Sorry.{% endif %}\n")
    document = bench.editor.body.document()
    placeholder = document.findBlockByNumber(0).layout().formats()
    tag = document.findBlockByNumber(1).layout().formats()
    assert [(f.start, f.length) for f in placeholder] == [(5, len("{{ case.requester.name }}"))]
    assert placeholder[0].format.foreground().color() != tag[0].format.foreground().color()
    assert (tag[0].start, tag[0].length) == (0, len("{% if case.late %}"))


def test_preview_renders_the_clause_with_a_sample_case(bench, qtbot):
    open_clause(bench, "org.advice.narrowing")
    preview = bench.preview
    assert preview.sample_name() == "foia-partial"
    with qtbot.waitSignal(preview.previewed) as blocker:
        set_body(qtbot, bench, "You could narrow your request, **{{ case.requester.name }}**.\n")
    assert blocker.args[0].startswith("You could narrow your request, **")
    assert "font-weight:700" in preview.browser.toHtml() and "Rendered with foia-partial" in preview.status.text()
    set_body(qtbot, bench, "Broken {% if %}\n")
    assert preview.markdown == "" and "Cannot preview" in preview.status.text()


def test_catalogue_lists_case_variables_and_inserts_them(bench, qtbot):
    open_clause(bench, "org.advice.narrowing")
    catalogue = bench.catalogue
    assert {"case.requester.name", "case.received", "part.cost_hours", "contacts.ico.address"} <= set(catalogue.paths())
    assert "case.requester.name" in catalogue.used.text()
    bench.editor.body.moveCursor(bench.editor.body.textCursor().MoveOperation.End)
    with qtbot.waitSignal(bench.editor.validated):
        catalogue.variable_chosen.emit("case.reference")
    assert bench.editor.body.toPlainText().rstrip().endswith("{{ case.reference }}")
    assert "case.reference" in catalogue.used.text()
    catalogue.search.setText("requester e-mail")
    visible = [p for p, item in catalogue._items.items() if not item.isHidden()]
    assert "case.requester.email" in visible and "case.regime" not in visible


# ---------------------------------------------------------------- approval


def test_approving_records_the_reviewers_name_and_date_in_the_file(bench, qtbot, layers):
    open_clause(bench, "org.advice.narrowing")
    assert save(qtbot, bench, bench.approve) is True
    text = (layers[1].folder / "foia" / "advice-narrowing.md").read_text(encoding="utf-8")
    assert "status: approved" in text and "approved_by: Jo Reviewer" in text
    assert "approved_on: 2027-03-01" in text and "review_due: 2028-02-29" in text
    assert bench.editor.form.status.text() == "Approved by Jo Reviewer on 1 March 2027"
    assert bench.entry.clause.status == "approved"


def test_changed_wording_of_an_approved_clause_is_approved_again_or_kept_as_draft(bench, qtbot, answers, layers):
    open_clause(bench, CLOSING)
    override(qtbot, bench)
    assert "status: draft" in (layers[2].folder / "common" / "closing.md").read_text(encoding="utf-8")
    bench.reviewer.setText("FOI Legal Lead")
    assert save(qtbot, bench, bench.approve) is True
    bench.reviewer.setText("Jo Reviewer")
    set_body(qtbot, bench, NEW_WORDING + "\n")
    assert "Changed since it was approved by FOI Legal Lead" in bench.editor.banner.text()
    answers.approval_answer = CANCEL
    assert bench.save() is False and bench.editor.is_modified()
    answers.approval_answer = DRAFT
    assert save(qtbot, bench) is True
    text = (layers[2].folder / "common" / "closing.md").read_text(encoding="utf-8")
    assert "status: draft" in text and "approved_by" not in text and NEW_WORDING in text
    set_body(qtbot, bench, NEW_WORDING + "\n\nYours sincerely\n")
    assert save(qtbot, bench, bench.approve) is True
    assert "approved_by: Jo Reviewer" in (layers[2].folder / "common" / "closing.md").read_text(encoding="utf-8")


def test_approval_needs_a_reviewer_name(bench, answers):
    open_clause(bench, "org.advice.narrowing")
    bench.reviewer.clear()
    assert bench.approve() is False
    assert "name" in answers.errors[-1][1]


# ---------------------------------------------------------------- layers


def test_personal_override_takes_precedence_and_removing_it_restores_the_built_in_wording(
    bench, qtbot, answers, layers
):
    open_clause(bench, CLOSING)
    built_in_text = bench.editor.body.toPlainText()
    override(qtbot, bench)
    assert bench.entry.path == (layers[2].folder / "common" / "closing.md").resolve()
    assert not bench.editor.body.isReadOnly() and bench.remove_action.text() == "&Remove override"
    set_body(qtbot, bench, NEW_WORDING + "\n")
    answers.approval_answer = APPROVE
    assert save(qtbot, bench) is True
    effective = load_library(layers).clauses[CLOSING]
    assert effective.layer == "personal" and NEW_WORDING in effective.body
    assert bench.library.effective(CLOSING).layer.name == "personal"
    assert "▲" in bench.browser.tree.currentItem().text(2)

    assert save(qtbot, bench, bench.remove_override) is True
    assert "built-in wording again" in answers.confirmations[-1]
    assert not (layers[2].folder / "common" / "closing.md").exists()
    effective = load_library(layers).clauses[CLOSING]
    assert effective.layer == BUILT_IN and NEW_WORDING not in effective.body
    assert bench.entry.layer.name == BUILT_IN and bench.editor.body.toPlainText() == built_in_text


def test_overridden_versions_can_be_listed_and_compared(bench, qtbot):
    open_clause(bench, CLOSING)
    override(qtbot, bench, "organisation")
    set_body(qtbot, bench, NEW_WORDING + "\n")
    bench.history.compare_with("overridden")
    assert f"+{NEW_WORDING}" in bench.history.diff_text and "built-in wording" in bench.history.diff_text
    bench.browser.shadowed.setChecked(True)
    layers_shown = sorted(e.layer.name for e in bench.browser.visible_entries() if e.clause.id == CLOSING)
    assert layers_shown == ["built-in", "organisation"]


# ---------------------------------------------------------------- saving


def test_a_save_failure_names_the_file_and_keeps_the_edit(bench, qtbot, answers, layers):
    open_clause(bench, "org.advice.narrowing")
    set_body(qtbot, bench, "New wording that must not be lost.\n")
    folder = layers[1].folder / "foia"
    shutil.rmtree(folder)
    folder.write_text("a file where the folder was", encoding="utf-8")
    assert bench.save() is False
    title, message = answers.errors[-1]
    assert title == "Cannot save clause" and "advice-narrowing.md" in message and "still in the editor" in message
    assert bench.editor.is_modified() and "must not be lost" in bench.editor.body.toPlainText()


def test_unsaved_changes_are_not_dropped_when_choosing_another_clause(bench, qtbot, answers):
    open_clause(bench, "org.advice.narrowing")
    set_body(qtbot, bench, "Unsaved wording.\n")
    answers.discard_answer = CANCEL
    bench.browser.select_id(CLOSING)
    assert answers.discards == 1 and bench.entry.clause.id == "org.advice.narrowing"
    assert bench.browser.current().clause.id == "org.advice.narrowing"
    answers.discard_answer = DISCARD
    bench.browser.select_id(CLOSING)
    assert bench.entry.clause.id == CLOSING


def test_a_new_clause_is_created_in_a_chosen_layer(bench, qtbot, answers, layers):
    answers.new_clause_answer = ("org.closing.short", "organisation")
    assert bench.new_clause()
    form = bench.editor.form
    form.title.setText("Short sign-off")
    form.title.textEdited.emit("Short sign-off")
    form.topic.setEditText("closing")
    form.topic.lineEdit().textEdited.emit("closing")
    assert set_body(qtbot, bench, "Yours sincerely\n") == []
    assert save(qtbot, bench) is True
    path = layers[1].folder / "org.closing.short.md"
    assert "title: Short sign-off" in path.read_text(encoding="utf-8")
    assert bench.browser.current().clause.id == "org.closing.short"


def test_a_file_with_an_unreadable_header_is_listed_and_edited_as_text(bench, qtbot, layers):
    broken = layers[1].folder / "broken.md"
    broken.write_text(
        "---\nid: org.broken\ntitle: [unclosed\ntopic: closing\nstatus: draft\n---\nText.\n", encoding="utf-8"
    )
    with qtbot.waitSignal(bench.library_loaded):
        bench.reload()
    assert PROBLEM_GROUP in group_titles(bench)
    assert bench.browser.select_key(str(broken.resolve()))
    assert bench.editor.raw and not bench.editor.form_scroll.isVisible()
    assert "cannot be read" in bench.editor.banner.text()
    set_body(qtbot, bench, broken.read_text(encoding="utf-8").replace("[unclosed", "Fixed title"))
    assert save(qtbot, bench) is True
    assert bench.library.by_key(str(broken.resolve())).clause.title == "Fixed title"
    assert PROBLEM_GROUP not in group_titles(bench)


def test_spelling_underlines_merge_with_tag_colours(qtbot, tmp_path):
    from app.core.spelling.checker import SpellingService
    from app.gui.workbench.editor import ClauseBodyEdit

    words = tmp_path / "words.txt"
    words.write_text("dear\t100\nwe\t100\nwrite\t100\n", encoding="utf-8")
    editor = ClauseBodyEdit()
    qtbot.addWidget(editor)
    assert editor.enable_spelling(SpellingService(words, user_dictionary=None))
    editor.setPlainText("Dear {{ case.requester.nmae }} we wrtie")
    formats = editor.document().findBlockByNumber(0).layout().formats()
    wavy = [
        (f.start, f.length) for f in formats if f.format.underlineStyle() == f.format.UnderlineStyle.SpellCheckUnderline
    ]
    assert wavy == [(34, 5)]
    tag = next(f for f in formats if f.start == 5)
    assert tag.length == len("{{ case.requester.nmae }}")
    assert tag.format.foreground().color() == editor.formats["}}"].foreground().color()


def test_an_impossible_date_is_shown_as_a_problem_and_can_be_fixed(bench, qtbot, answers, layers):
    # The loader keeps the clause (the rest of the library loads) and reports the date with its line.
    path = layers[1].folder / "foia" / "advice-narrowing.md"
    path.write_text(DRAFT_CLAUSE.replace("2027-01-31", "2027-13-01"), encoding="utf-8")
    with qtbot.waitSignal(bench.library_loaded):
        bench.reload()
    assert group_titles(bench) == ["FOIA", "FOISA"]
    assert bench.browser.select_key(str(path.resolve()))
    assert bench.editor.form.review_due.text() == "2027-13-01"
    labels = [item.label for item in bench.editor.located]
    assert any(label.startswith("Line 8") and "review_due must be an ISO date" in label for label in labels), labels
    bench.editor.form.review_due.setText("2027-12-01")
    bench.editor.form.review_due.textEdited.emit("2027-12-01")
    assert bench.editor.validate_now() == []
    assert save(qtbot, bench) is True
    assert group_titles(bench) == ["FOIA", "FOISA"] and answers.errors == []


def test_the_preview_names_bodies_as_letters_do_under_the_librarys_dated_law(qtbot, layers, answers):
    org = next(layer.folder for layer in layers if layer.name == "organisation")
    (org / "library.yaml").write_text(
        "commencement:\n  information-commission: 2022-01-01\n", encoding="utf-8"
    )  # before the sample letter
    window = WorkbenchWindow(layers, lambda: TODAY, "Jo Reviewer", answers, delay_ms=20)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=20000):
        window.show()
    try:
        open_clause(window, "org.advice.narrowing")
        with qtbot.waitSignal(window.preview.previewed) as blocker:
            set_body(qtbot, window, "Write to the {{ contacts.ico.title }}.\n")
        assert blocker.args[0].strip() == "Write to the Information Commission."
    finally:
        window.loader.shutdown()


def test_without_a_date_for_the_change_the_preview_keeps_the_commissioner(bench, qtbot):
    open_clause(bench, "org.advice.narrowing")
    with qtbot.waitSignal(bench.preview.previewed) as blocker:
        set_body(qtbot, bench, "Write to the {{ contacts.ico.title }}.\n")
    assert blocker.args[0].strip() == "Write to the Information Commissioner."
