"""The letter tree of a long request is filled in one pass, its state column still sized to its contents."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from tests.gui.conftest import settle


def test_a_many_part_letter_fills_the_tree_and_keeps_the_state_column_fitted(qtbot, window) -> None:
    document = window.document
    for _ in range(11):
        document.add_part()
    settle(qtbot, document)
    tree = window.letter_view.tree
    assert tree.header().sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    blocks = list(document.letter.blocks())
    children = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    assert len(children) == len(blocks)
    assert all(item.text(0) and item.text(2) for item in children)
    assert tree.columnWidth(1) >= tree.header().sectionSizeHint(1) - 1
