"""The live preview: looks like the Word letter, waits for a pause, re-renders if changed meanwhile, keeps scroll."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QTextList, QTextTable

from app.gui.officer.main_window import MainWindow
from tests.gui.conftest import EXAMPLES, settle

TABLE_ANSWER = (
    "The figures are below.\n\n| Year | Arrests |\n|---|---|\n| 2021 | 4 |\n| 2022 | 7 |\n\n- first\n- second\n"
)


def test_preview_shows_reference_block_title_headings_lists_and_tables(qtbot, window):
    doc = window.document
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    settle(qtbot, doc)
    doc.edit_part_field(0, "answer", TABLE_ANSWER)
    settle(qtbot, doc)
    text = window.preview.plain_text()
    assert "Our reference: IM-FOI-2023-1751" in text
    assert "Date: 2 August 2023" in text
    assert "Police Scotland" in text and "A. Requester" in text
    assert doc.letter.title in text
    assert "Question 1" in text and "Your right to ask for a review" in text
    tables = [f for f in _frames(window.preview.browser.document().rootFrame()) if isinstance(f, QTextTable)]
    assert len(tables) == 1 and tables[0].rows() == 3 and tables[0].columns() == 2
    lists = {b.textList() for b in _blocks(window.preview.browser.document()) if b.textList() is not None}
    assert any(isinstance(item, QTextList) and item.count() == 2 for item in lists)
    assert text.index("Our reference") < text.index(doc.letter.title) < text.index("Question 1")


def _frames(frame):
    for child in frame.childFrames():
        yield child
        yield from _frames(child)


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_preview_waits_for_a_pause_in_typing(qtbot, window):
    doc = window.document
    started = []
    doc.builder.build_started.connect(started.append)
    for letter in "ABCDE":
        doc.edit_field("reference", doc.case.reference + letter, typing=True)
    assert started == []
    result = settle(qtbot, doc)
    assert len(started) == 1
    assert "ABCDE" in result.html and "ABCDE" in window.preview.plain_text()


def test_preview_renders_again_when_the_case_changed_while_it_rendered(qtbot, env):
    slow = dataclasses.replace(env, preview_delay_ms=600000)
    window = MainWindow(slow)
    qtbot.addWidget(window)
    doc = window.document
    generations = []

    def edit_during_first_build(generation):
        generations.append(generation)
        if len(generations) == 1:
            doc.edit_field("reference", "CHANGED-WHILE-RENDERING")

    doc.builder.build_started.connect(edit_during_first_build)
    doc.builder.build_now()
    result = settle(qtbot, doc)
    assert len(generations) == 2 and generations[1] > generations[0]
    assert "CHANGED-WHILE-RENDERING" in result.html
    assert "CHANGED-WHILE-RENDERING" in window.preview.plain_text()


def test_typing_in_one_clause_replaces_only_that_part_of_the_page(qtbot, window):
    doc = window.document
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    settle(qtbot, doc)
    page = window.preview.browser.document()
    changes = []
    page.contentsChange.connect(lambda position, removed, added: changes.append((position, removed, added)))
    doc.edit_block_text("rights/court", doc.block_text("rights/court") + " PATCHED")
    settle(qtbot, doc)
    assert "PATCHED" in window.preview.plain_text()
    assert changes and sum(added for _p, _r, added in changes) < page.characterCount() // 4
    assert window.preview.chunks() == doc.builder.last_result.chunks


def test_preview_keeps_its_scroll_position(qtbot, window):
    doc = window.document
    doc.edit_part_field(0, "answer", "\n\n".join(f"Paragraph {n} of a long answer." for n in range(120)))
    settle(qtbot, doc)
    bar = window.preview.browser.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    with qtbot.waitSignal(window.preview.preview_updated):
        doc.edit_field("reference", "SCROLL-1")
    assert "SCROLL-1" in window.preview.plain_text()
    assert bar.value() == position


def test_find_in_letter(qtbot, window):
    window.document.edit_field("reference", "FIND-ME-42")
    settle(qtbot, window.document)
    window.actions.find.trigger()
    assert window.preview.find_bar.isVisible()
    qtbot.keyClicks(window.preview.find_field, "FIND-ME")
    assert window.preview.find_next()
    assert window.preview.browser.textCursor().selectedText() == "FIND-ME"
    assert not window.preview.find_next("no such words anywhere")
    assert window.preview.find_result.text() == "Not found"
