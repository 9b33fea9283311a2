"""British English spellchecking in the app's editors, loaded after the first letter, with the custom dictionary."""

from __future__ import annotations

import dataclasses
import json

from PySide6.QtGui import QTextCharFormat

from app.gui.officer.main_window import MainWindow


def underlined(editor) -> list[str]:
    """Return the words an editor's first block underlines."""
    block = editor.document().firstBlock()
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    ]


def test_editors_are_spellchecked_with_the_custom_dictionary(qtbot, env, tmp_path):
    dictionary = tmp_path / "words.txt"
    dictionary.write_text("Dalmarnock\n", encoding="utf-8")
    env.config_dir.mkdir(parents=True)
    env.preferences_path.write_text(json.dumps({"custom_dictionary": str(dictionary)}), encoding="utf-8")
    window = MainWindow(dataclasses.replace(env, spelling=True))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.spelling.enabled, timeout=30000) as enabled:
        window.files.new_case()
    service = enabled.args[0]
    assert service.user_dictionary == dictionary
    assert len(window.spelling.checkers) >= 4
    window.tabs.setCurrentWidget(window.parts_editor)
    window.parts_editor.answer.setPlainText("Our organisation in Dalmarnock did not recieve it.")
    assert underlined(window.parts_editor.answer) == ["recieve"]
    window.document.undo_stack.setClean()


def test_suggestions_are_ready_before_the_first_right_click(qtbot, env):
    window = MainWindow(dataclasses.replace(env, spelling=True))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.spelling.enabled, timeout=30000) as enabled:
        window.files.new_case()
    service = enabled.args[0]
    assert service._suggester is not None, "the suggestion engine is built on the worker with the word list"
    assert service.suggest("recieve")[0] == "receive"
    window.document.undo_stack.setClean()


def test_the_word_list_loads_only_after_the_first_letter_is_painted(qtbot, env):
    from PySide6.QtCore import QEvent, QObject

    window = MainWindow(dataclasses.replace(env, spelling=True))
    qtbot.addWidget(window)
    order: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and window.document.letter is not None:
                order.append("painted")
            return False

    paints = Paints()
    window.preview.browser.viewport().installEventFilter(paints)
    window.document.build_finished.connect(lambda _r: order.append("built"))
    load = window._load_spelling
    window._load_spelling = lambda: (order.append("loading"), load())
    window.show()
    with qtbot.waitSignal(window.spelling.enabled, timeout=30000):
        window.files.new_case()
    first = order.index("built")
    assert "painted" in order[first : order.index("loading")], order
    window.document.undo_stack.setClean()
