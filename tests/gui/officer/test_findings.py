"""The findings panel: compliance results citing their subsection; clicking one goes to the part or clause."""

from __future__ import annotations

from tests.gui.conftest import EXAMPLES, settle


def test_removing_a_rights_clause_is_a_finding_that_leads_back_to_it(qtbot, window):
    doc = window.document
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    settle(qtbot, doc)
    doc.remove_block("rights/regulator")
    settle(qtbot, doc)
    findings = window.findings.findings()
    row = next(i for i, f in enumerate(findings) if f.block_key == "rights/regulator")
    finding = findings[row]
    assert finding.severity == "error" and finding.citation.startswith("FOISA s19")
    assert "missing" in window.findings.summary.text()
    window.letter_view.select("opening")
    window.findings.activate(row)
    assert window.letter_view.current_key() == "rights/regulator"
    assert window.letter_view.tree.currentItem().text(1) == "removed"
    assert window.preview.show_key("rights/review")
    assert window.preview.browser.textCursor().selectedText()


def test_a_part_finding_takes_the_officer_to_the_part(qtbot, window):
    doc = window.document
    doc.add_part()
    doc.edit_part_field(1, "outcome", "withheld")
    settle(qtbot, doc)
    findings = window.findings.findings()
    row = next(i for i, f in enumerate(findings) if f.part == 2 and f.rule == "case-law")
    assert "at least one exemption" in findings[row].message
    window.tabs.setCurrentWidget(window.case_panel)
    window.findings.activate(row)
    assert window.tabs.currentWidget() is window.parts_editor
    assert window.parts_editor.current_index() == 1


def test_each_finding_cites_a_provision_and_the_next_finding_key_cycles(qtbot, window):
    doc = window.document
    doc.edit_field("regime", "foia")
    doc.edit_part_field(0, "outcome", "cost-limit")
    doc.remove_block("rights/review")
    settle(qtbot, doc)
    findings = window.findings.findings()
    assert findings and all(f.citation for f in findings)
    assert all(window.findings.tree.topLevelItem(i).text(1) == f.citation for i, f in enumerate(findings))
    window.actions.next_finding.trigger()
    assert window.findings.tree.currentItem() is window.findings.tree.topLevelItem(0)
