"""The Parts tab's reasons form writes the officer's own harm and balance; export with open errors asks first."""

from __future__ import annotations

from app.core.casefile.model import load_case
from tests.gui.conftest import settle

CASE = """regime: foia
letter: response
reference: R-31
received: 2026-11-02
date: 2026-11-20
authority: {name: Westmere District Council, email: foi@westmere.example}
requester: {name: Ms Jane Smith}
request: Please send the patrol plan and the tender prices.
parts:
  - question: The patrol plan.
    outcome: withheld
    exemptions: ['31(1)(a)']
  - question: The tender prices.
    outcome: withheld
    exemptions: ['21']
"""
HARM = "The plan names the streets and times our wardens patrol."
BALANCE = "Publishing the times would let fly-tippers avoid the patrols."


def open_case(window, tmp_path, text: str = CASE):
    path = tmp_path / "reasons.yaml"
    path.write_text(text, encoding="utf-8")
    assert window.files.open_case(path)
    window.tabs.setCurrentWidget(window.parts_editor)
    window.parts_editor.select_part(0)
    return path


def rules(result) -> set[str]:
    return {f.rule for f in result.findings if f.severity == "error"}


def test_reasons_typed_in_the_form_are_the_case_specific_reasons_the_check_asks_for(qtbot, window, tmp_path):
    path = open_case(window, tmp_path)
    assert {"generic-harm", "generic-pit"} <= rules(settle(qtbot, window.document))
    box = window.parts_editor.reasons
    assert box.isVisibleTo(window.parts_editor) and box.current_cite() == "31(1)(a)"
    assert box.editors["harm"].isVisibleTo(box) and box.editors["balance"].isVisibleTo(box)
    box.editors["harm"].setFocus()
    qtbot.keyClicks(box.editors["harm"], HARM)
    window.document.end_typing()  # as when focus leaves the box: the next field is its own undo step
    box.editors["balance"].setPlainText(BALANCE)
    box.likelihood.setCurrentIndex(box.likelihood.findData("would"))
    result = settle(qtbot, window.document)
    assert "we are satisfied that its disclosure would prejudice" in result.letter.markdown()
    assert not {"generic-harm", "generic-pit"} & rules(result)
    assert HARM in result.letter.markdown()
    assert window.save()
    saved = load_case(path).reasoning["31(1)(a)"]
    assert (saved.harm, saved.balance, saved.likelihood) == (HARM, BALANCE, "would")
    window.document.undo_stack.undo()  # the level
    assert box.likelihood.currentData() == ""
    window.document.undo_stack.undo()  # the balance
    assert window.document.case.reasoning["31(1)(a)"].balance == "" and box.editors["balance"].toPlainText() == ""
    assert window.document.case.reasoning["31(1)(a)"].harm == HARM


def test_an_absolute_class_exemption_asks_only_why_it_applies(qtbot, window, tmp_path):
    open_case(window, tmp_path)
    window.parts_editor.select_part(1)
    box = window.parts_editor.reasons
    assert box.current_cite() == "21"
    assert box.none_needed.isVisibleTo(box)
    assert [name for name, editor in box.editors.items() if editor.isVisibleTo(box)] == ["harm"]
    assert box.labels["harm"].text() == "&Why it applies:" and not box.likelihood.isVisibleTo(box)
    why = "The prices are published in our contracts register."
    box.editors["harm"].setPlainText(why)
    assert why in settle(qtbot, window.document).letter.markdown()


def test_export_with_open_errors_asks_and_records_them_in_the_case_not_the_file(qtbot, window, prompter, tmp_path):
    path = open_case(window, tmp_path)
    settle(qtbot, window.document)
    target = tmp_path / "letter.docx"
    prompter.export_answer = target
    prompter.export_with_problems_answer = False
    assert not window.files.export()
    assert not target.exists()
    prompter.export_with_problems_answer = True
    assert window.files.export()
    assert target.is_file()
    import docx

    properties = docx.Document(str(target)).core_properties
    assert "generic" not in f"{properties.comments} {properties.keywords} {properties.subject}"
    assert window.save()
    errors = load_case(path).export_errors
    assert errors and any("generic text" in e for e in errors)


def test_an_eir_cost_refusal_offers_the_balance_for_the_manifestly_unreasonable_exception(qtbot, window, tmp_path):
    eir = CASE.replace("regime: foia", "regime: eir").replace(
        "    outcome: withheld\n    exemptions: ['31(1)(a)']", "    outcome: cost-limit"
    )
    eir = eir.replace("parts:", "cost: {hours: 60}\nparts:")
    open_case(window, tmp_path, eir)
    box = window.parts_editor.reasons
    assert box.isVisibleTo(window.parts_editor) and box.current_cite() == "12(4)(b)"
    assert "generic-burden-pit" in rules(settle(qtbot, window.document))
    box.editors["balance"].setPlainText(BALANCE)
    result = settle(qtbot, window.document)
    assert "generic-burden-pit" not in rules(result) and BALANCE in result.letter.markdown()
