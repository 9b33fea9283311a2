"""The history panel of the clause workbench: versions of one clause file, diffs, and restore."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.workbench.history import History, Version, diff

VERSION_ROLE = Qt.ItemDataRole.UserRole
WITH_CURRENT, WITH_PREVIOUS, WITH_OVERRIDDEN = "current", "previous", "overridden"


def diff_html(text: str, dark: bool = False) -> str:
    """Return a unified diff as HTML: additions green, removals red, hunk headers blue."""
    colours = {"+": ("#0b6b2e", "#e6f4ea"), "-": ("#a50e0e", "#fce8e6"), "@": ("#0b57a4", "")}
    if dark:
        colours = {"+": ("#a8e6b4", "#1f3b27"), "-": ("#f6aea9", "#47201f"), "@": ("#8ab4f8", "")}
    rows = []
    for line in text.splitlines():
        ink, back = colours.get(line[:1], ("", "")) if not line.startswith(("+++", "---")) else ("", "")
        style = (f"color: {ink};" if ink else "") + (f" background: {back};" if back else "")
        rows.append(f'<div style="{style}">{escape(line) or "&nbsp;"}</div>')
    return '<html><body style="white-space: pre-wrap; font-family: monospace;">' + "".join(rows) + "</body></html>"


class HistoryPanel(QWidget):
    """Lists the versions of the clause being edited and shows what changed.

    Signals:
        diff_shown(str): a diff (unified text, "" when identical) is on show.
        restore_requested(str): the reviewer asked to put a version's text back in the editor.
    """

    diff_shown = Signal(str)
    restore_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.history: History | None = None
        self.path: Path | None = None
        self.current_text = ""
        self.overridden: list[tuple[str, str]] = []
        self.versions: list[Version] = []
        self.diff_text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.kind = QLabel("No clause chosen", self)
        self.kind.setAccessibleName("History kind")
        self.kind.setWordWrap(True)
        layout.addWidget(self.kind)
        self.list = QTreeWidget(self)
        self.list.setAccessibleName("Versions")
        self.list.setHeaderLabels(["When", "Author", "Change note", "Version"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        row = QHBoxLayout()
        self.compare = QComboBox(self)
        self.compare.setAccessibleName("Compare with")
        self.compare.setToolTip("What the selected version is compared with")
        self.compare.activated.connect(lambda _i: self.show_diff())
        compare_label = QLabel("Compare with:", self)
        compare_label.setBuddy(self.compare)
        self.restore = QPushButton("Restore this version", self)
        self.restore.setToolTip("Put the selected version's text in the editor; save to keep it")
        self.restore.clicked.connect(self._on_restore_clicked)
        row.addWidget(compare_label)
        row.addWidget(self.compare, 1)
        row.addWidget(self.restore)
        self.view = QTextEdit(self)
        self.view.setAccessibleName("Differences")
        self.view.setReadOnly(True)
        font = QFont("Monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.view.setFont(font)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list, 1)
        top_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.view)
        splitter.setSizes([220, 380])
        layout.addWidget(splitter, 1)
        self._fill_compare()

    def show_file(
        self, path: Path | None, history: History | None, current_text: str, overridden: list[tuple[str, str]] = ()
    ) -> None:
        """Show the versions of a file; overridden lists (layer, text) of the wording it replaces."""
        self.path, self.history, self.current_text = path, history, current_text
        self.overridden = list(overridden)
        self._fill_compare()
        self.refresh()

    def set_current_text(self, text: str) -> None:
        """Use the editor's text as "the current text" for comparisons."""
        self.current_text = text
        if self.compare.currentData() in (WITH_CURRENT, WITH_OVERRIDDEN):
            self.show_diff()

    def refresh(self) -> None:
        """Reload the list of versions (after a save)."""
        self.list.clear()
        self.versions = []
        if self.path is None or self.history is None:
            self.kind.setText("No clause chosen")
            self.show_diff()
            return
        self.kind.setText(self._describe())
        try:
            self.versions = self.history.versions(self.path)
        except (OSError, ValueError) as exc:
            self.kind.setText(f"{self._describe()}\nThe history cannot be read: {exc}")
        for version in self.versions:
            when = version.when.astimezone().strftime("%d %b %Y %H:%M")
            item = QTreeWidgetItem([when, version.author, version.message, version.id[:10]])
            item.setData(0, VERSION_ROLE, version)
            item.setToolTip(2, version.message)
            self.list.addTopLevelItem(item)
        for column in (0, 1):
            self.list.resizeColumnToContents(column)
        if self.versions:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            self.show_diff()

    def selected(self) -> Version | None:
        """Return the version selected in the list."""
        item = self.list.currentItem()
        return item.data(0, VERSION_ROLE) if item is not None else None

    def select(self, index: int) -> None:
        """Select the version at a row (0 = newest)."""
        self.list.setCurrentItem(self.list.topLevelItem(index))

    def compare_with(self, mode: str) -> None:
        """Choose what the selected version is compared with, and show the diff."""
        index = self.compare.findData(mode)
        if index >= 0:
            self.compare.setCurrentIndex(index)
        self.show_diff()

    def show_diff(self) -> str:
        """Show the diff for the selected version and comparison; return it."""
        mode = self.compare.currentData()
        version = self.selected()
        if mode == WITH_OVERRIDDEN and self.overridden:
            layer, text = self.overridden[-1]
            shown = diff(text, self.current_text, f"{layer} wording", "this clause")
        elif version is None:
            shown = ""
            self._set_view("", "No saved versions yet." if self.path is not None else "")
            self.diff_text = shown
            self.diff_shown.emit(shown)
            return shown
        elif mode == WITH_PREVIOUS:
            older = self._older(version)
            shown = diff(
                self._text_at(older) if older else "",
                self._text_at(version),
                _name(older) if older else "(nothing)",
                _name(version),
            )
        else:
            shown = diff(self._text_at(version), self.current_text, _name(version), "current text")
        self._set_view(shown, "No differences." if not shown else "")
        self.diff_text = shown
        self.diff_shown.emit(shown)
        return shown

    def _set_view(self, text: str, note: str) -> None:
        if text:
            dark = self.view.palette().color(QPalette.ColorRole.Base).lightness() < 128
            self.view.setHtml(diff_html(text, dark))
        else:
            self.view.setPlainText(note)

    def _older(self, version: Version) -> Version | None:
        index = self.versions.index(version) if version in self.versions else -1
        return self.versions[index + 1] if 0 <= index < len(self.versions) - 1 else None

    def _text_at(self, version: Version) -> str:
        """Return a version's text ("" when the file did not exist in it, e.g. a removal)."""
        try:
            return self.history.text_at(self.path, version)
        except (OSError, ValueError):
            return ""

    def _describe(self) -> str:
        if getattr(self.history, "kind", "") == "git":
            return f"Git history ({getattr(self.history, 'root', '')}): each save is a commit."
        folder = getattr(self.history, "folder", "")
        return f"Local snapshots in {Path(folder) / '.history'}: each save keeps a timestamped copy."

    def _fill_compare(self) -> None:
        self.compare.clear()
        self.compare.addItem("current text", WITH_CURRENT)
        self.compare.addItem("previous version", WITH_PREVIOUS)
        for layer, _text in self.overridden[-1:]:
            self.compare.addItem(f"{layer} wording", WITH_OVERRIDDEN)
            self.compare.setItemData(2, f"The {layer} wording this clause overrides", Qt.ItemDataRole.ToolTipRole)

    def _on_list_current_item_changed(self, _current: object, _previous: object) -> None:
        self.restore.setEnabled(self.selected() is not None)
        self.show_diff()

    def _on_restore_clicked(self) -> None:
        version = self.selected()
        if version is not None:
            self.restore_requested.emit(self._text_at(version))


def _name(version: Version) -> str:
    """Return how a version is named in a diff header."""
    return f"{version.id[:10]} ({version.when.astimezone():%d %b %Y %H:%M}, {version.author})"
