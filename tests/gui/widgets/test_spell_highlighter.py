"""Tests for the spelling highlighter and context menu on real Qt editors (run offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QTextEdit

from app.core.spelling.checker import SpellingService, default_service
from app.gui.widgets.spell_highlighter import SpellHighlighter, SpellTextEdit, attach_spellchecker

pytestmark = pytest.mark.gui

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
DOTTED = QTextCharFormat.UnderlineStyle.DotLine


@pytest.fixture
def user_dictionary(tmp_path: Path) -> Path:
    """Return the path of an empty per-test user dictionary."""
    return tmp_path / "custom-dictionary.txt"


@pytest.fixture
def service(user_dictionary: Path) -> SpellingService:
    """Return a service over the shipped lists that saves added words to a temporary file."""
    return default_service(user_dictionary=user_dictionary)


@pytest.fixture
def editor(qtbot, service: SpellingService) -> SpellTextEdit:
    """Return a shown spellchecking editor."""
    widget = SpellTextEdit(service)
    qtbot.addWidget(widget)
    widget.resize(640, 240)
    widget.show()
    return widget


def layout_formats(editor: QPlainTextEdit | QTextEdit, block_number: int = 0) -> list[tuple[int, int, QTextCharFormat]]:
    """Return (start, length, format copy) of each range the block's layout draws over the text."""
    ranges = editor.document().findBlockByNumber(block_number).layout().formats()
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in ranges]


def underlines(editor: QPlainTextEdit | QTextEdit, block_number: int = 0) -> list[tuple[int, int, object]]:
    """Return (start, length, underline style) of every underlined range the layout draws."""
    return [
        (start, length, fmt.underlineStyle())
        for start, length, fmt in layout_formats(editor, block_number)
        if fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    ]


def point_in_word(editor: QPlainTextEdit | QTextEdit, position: int) -> QPoint:
    """Return the viewport point just after a document position, i.e. inside the word there."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position + 1)
    return editor.cursorRect(cursor).center()


def action_named(menu: QMenu, text: str):
    """Return the menu's action whose text starts with text."""
    matches = [a for a in menu.actions() if a.text().startswith(text)]
    assert matches, [a.text() for a in menu.actions()]
    return matches[0]


def test_unknown_word_is_underlined_and_known_british_words_are_not(editor: SpellTextEdit) -> None:
    editor.setPlainText("The organisation will recieve the programme.")
    assert underlines(editor) == [(22, 7, WAVY)]
    underline = layout_formats(editor)[0][2]
    assert underline.underlineColor().red() > 150


def test_british_text_has_no_underlines(editor: SpellTextEdit) -> None:
    editor.setPlainText("We analysed the behaviour of the centre; FOISA, OSIC and the ICO agree.")
    assert underlines(editor) == []


def test_american_spelling_gets_a_separate_softer_underline(editor: SpellTextEdit) -> None:
    editor.setPlainText("The organization will recieve it.")
    assert underlines(editor) == [(4, 12, DOTTED), (22, 7, WAVY)]


def test_emoji_before_a_misspelt_word_does_not_shift_the_underline(editor: SpellTextEdit) -> None:
    editor.setPlainText("\U0001f600\U0001f44d\U0001f3fd recieve it")
    # Three emoji are six UTF-16 code units; the word starts after them and a space.
    assert underlines(editor) == [(7, 7, WAVY)]
    cursor = QTextCursor(editor.document())
    cursor.setPosition(7)
    cursor.setPosition(14, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "recieve"


def test_placeholders_and_references_are_not_underlined(editor: SpellTextEdit) -> None:
    editor.setPlainText(
        "Dear {{ requester.nmae }}, under s40(2) and IM-FOI-2023-1751 {% if zzqx\n"
        "and qqxz %} we recieve it, foi@exmaple.scot"
    )
    assert underlines(editor, 0) == []
    assert underlines(editor, 1) == [(15, 7, WAVY)]


def test_add_to_dictionary_removes_the_underline_and_saves_the_word(
    qtbot, editor: SpellTextEdit, user_dictionary: Path
) -> None:
    editor.setPlainText("Write to Doubledykes Road.")
    assert underlines(editor) == [(9, 11, WAVY)]
    menu = editor.build_menu(point_in_word(editor, 9))
    with qtbot.waitSignal(editor.word_added) as blocker:
        action_named(menu, "Add \u2018Doubledykes\u2019 to dictionary").trigger()
    assert blocker.args == ["Doubledykes"]
    assert underlines(editor) == []
    assert user_dictionary.read_text(encoding="utf-8") == "Doubledykes\n"


def test_adding_a_word_redraws_every_editor_sharing_the_service(
    qtbot, editor: SpellTextEdit, service: SpellingService
) -> None:
    other = QTextEdit()
    qtbot.addWidget(other)
    attach_spellchecker(other, service)
    other.setPlainText("Kinburn Castle")
    editor.setPlainText("Kinburn")
    assert underlines(other) == [(0, 7, WAVY)]
    menu = editor.build_menu(point_in_word(editor, 0))
    with qtbot.waitSignal(editor.word_added):
        action_named(menu, "Add").trigger()
    assert underlines(other) == [] and underlines(editor) == []


def test_ignore_removes_the_underline_for_this_session_only(
    qtbot, editor: SpellTextEdit, user_dictionary: Path
) -> None:
    editor.setPlainText("Dalmarnock and Dalmarnock")
    assert len(underlines(editor)) == 2
    menu = editor.build_menu(point_in_word(editor, 15))
    with qtbot.waitSignal(editor.word_ignored) as blocker:
        action_named(menu, "Ignore \u2018Dalmarnock\u2019").trigger()
    assert blocker.args == ["Dalmarnock"]
    assert underlines(editor) == []
    assert not user_dictionary.exists()


def test_suggestion_replaces_the_word_as_one_undoable_edit(qtbot, editor: SpellTextEdit) -> None:
    editor.setPlainText("\U0001f600 We recieve your request.")
    menu = editor.build_menu(point_in_word(editor, 6))
    assert menu.actions()[0].text() == "receive"
    with qtbot.waitSignal(editor.word_replaced) as blocker:
        menu.actions()[0].trigger()
    assert blocker.args == ["recieve", "receive"]
    assert editor.toPlainText() == "\U0001f600 We receive your request."
    assert underlines(editor) == []
    editor.undo()
    assert editor.toPlainText() == "\U0001f600 We recieve your request."


def test_american_word_menu_offers_the_british_spelling_first(editor: SpellTextEdit) -> None:
    editor.setPlainText("Our behavior policy")
    menu = editor.build_menu(point_in_word(editor, 4))
    assert menu.actions()[0].text() == "behaviour (British spelling)"


def test_menu_on_a_correct_word_is_the_standard_menu(editor: SpellTextEdit) -> None:
    editor.setPlainText("A correct sentence.")
    menu = editor.build_menu(point_in_word(editor, 3))
    standard = editor.createStandardContextMenu()
    assert [a.text() for a in menu.actions()] == [a.text() for a in standard.actions()]


def test_suggestions_are_computed_only_when_the_menu_opens(qtbot, user_dictionary: Path) -> None:
    asked: list[str] = []

    class CountingService(SpellingService):
        def suggest(self, word: str, n: int = 5) -> list[str]:
            asked.append(word)
            return super().suggest(word, n)

    from app.core.spelling import checker as spelling

    counting = CountingService(spelling.WORD_LIST, user_dictionary=user_dictionary)
    editor = SpellTextEdit(counting)
    qtbot.addWidget(editor)
    editor.setPlainText("We recieve teh seperate letters.\nAnd more mispelt words.")
    editor.appendPlainText("Yet anothr line.")
    assert len(underlines(editor)) == 3 and asked == []
    editor.build_menu(point_in_word(editor, 3))
    assert asked == ["recieve"]


def test_underline_keeps_the_documents_own_formatting(qtbot, service: SpellingService) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    attach_spellchecker(editor, service)
    editor.setHtml("<p>We <b>recieve</b> it.</p>")
    assert underlines(editor) == [(3, 7, WAVY)]
    overlay = layout_formats(editor)[0][2]
    assert not overlay.hasProperty(QTextCharFormat.Property.FontWeight)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(5)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold


def test_underline_merges_with_formats_a_subclass_sets(qtbot, service: SpellingService) -> None:
    class ColouringHighlighter(SpellHighlighter):
        def highlight_other(self, text: str) -> None:
            italic = QTextCharFormat()
            italic.setFontItalic(True)
            self.setFormat(0, len(text), italic)

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    ColouringHighlighter(editor.document(), service)
    editor.setPlainText("We recieve it")
    ranges = [(start, length, fmt.fontItalic(), fmt.underlineStyle()) for start, length, fmt in layout_formats(editor)]
    assert (3, 7, True, WAVY) in ranges
    assert all(italic for _, _, italic, _ in ranges)


def test_highlighter_can_be_switched_off(editor: SpellTextEdit) -> None:
    editor.setPlainText("We recieve it")
    editor.spelling.highlighter.set_enabled(False)
    assert underlines(editor) == []
    editor.spelling.highlighter.set_enabled(True)
    assert underlines(editor) == [(3, 7, WAVY)]


def test_attached_editor_shows_the_spelling_menu_on_right_click(qtbot, service: SpellingService) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    editor.resize(480, 200)
    editor.show()
    spelling = attach_spellchecker(editor, service)
    editor.setPlainText("We recieve it")
    shown: list[QPoint] = []
    spelling.exec_menu = lambda pos, global_pos: shown.append(pos)  # type: ignore[method-assign]
    pos = point_in_word(editor, 3)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos))
    QApplication.sendEvent(editor.viewport(), event)
    assert shown == [pos]
    assert spelling.build_menu(pos).actions()[0].text() == "receive"


def test_context_menu_event_of_spell_text_edit_opens_the_spelling_menu(qtbot, editor: SpellTextEdit) -> None:
    editor.setPlainText("We recieve it")
    shown: list[tuple[QPoint, QPoint]] = []
    editor.spelling.exec_menu = lambda pos, global_pos: shown.append((pos, global_pos))  # type: ignore[method-assign]
    pos = point_in_word(editor, 3)
    global_pos = editor.viewport().mapToGlobal(pos)
    editor.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, global_pos))
    assert shown == [(pos, global_pos)]


def test_event_filter_ignores_other_events(qtbot, service: SpellingService) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    spelling = attach_spellchecker(editor, service)
    assert not spelling.eventFilter(editor.viewport(), QEvent(QEvent.Type.Enter))
    assert Qt.ContextMenuPolicy.DefaultContextMenu == editor.contextMenuPolicy()
