"""The library browser of the clause workbench: clauses by regime and topic, searchable and filtered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.casefile.model import LETTERS, OUTCOMES, REGIMES
from app.core.drafting.templating import format_date
from app.core.workbench import model
from app.core.workbench.model import Entry, WorkbenchLibrary

KEY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Clause", "Status", "Layer", "Review due")
PROBLEM_GROUP = "Files that cannot be loaded"
ANY = ""


def regime_title(regime: str) -> str:
    """Return the heading of a regime group."""
    return regime.upper() if regime in REGIMES else regime.capitalize()


class LibraryBrowser(QWidget):
    """Every clause file of every layer, grouped by regime then topic, with search and filters.

    Signals:
        entry_selected(object): the reviewer chose an entry (workbench_model.Entry) or None.
        filtered(int): the filters now show this many clause rows.
    """

    entry_selected = Signal(object)
    filtered = Signal(int)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.library: WorkbenchLibrary | None = None
        self._current_key = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(self)
        self.search.setAccessibleName("Search clauses")
        self.search.setPlaceholderText("Search wording, title, id or section (e.g. 40(2))")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_filter_changed)
        layout.addWidget(self.search)
        layout.addLayout(self._build_filters())
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Clause library")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        layout.addWidget(self.tree, 1)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Library summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.status = self._combo(
            "Status filter",
            "Show drafts, approved clauses or both",
            [("Any status", ANY), ("Draft", "draft"), ("Approved", "approved")],
        )
        self.layer = self._combo("Layer filter", "Show clauses from one layer", [("Any layer", ANY)])
        self.letter = self._combo(
            "Used by letter kind",
            "Clauses a letter kind can select",
            [("Any letter", ANY)] + [(kind, kind) for kind in LETTERS],
        )
        self.outcome = self._combo(
            "Used for outcome", "Clauses an outcome can select", [("Any outcome", ANY)] + [(o, o) for o in OUTCOMES]
        )
        self.section = QLineEdit(self)
        self.section.setAccessibleName("Section cited")
        self.section.setPlaceholderText("Section cited")
        self.section.setToolTip("Clauses that name this section, e.g. 30 or 40(2)")
        self.section.textChanged.connect(self._on_filter_changed)
        self.overdue = QCheckBox("Review overdue", self)
        self.overdue.setToolTip("Only clauses past their review date")
        self.overdue.toggled.connect(self._on_filter_changed)
        self.shadowed = QCheckBox("Overridden versions", self)
        self.shadowed.setToolTip("Also list lower-layer versions that a higher layer overrides")
        self.shadowed.toggled.connect(self._on_filter_changed)
        grid.addWidget(self.status, 0, 0)
        grid.addWidget(self.layer, 0, 1)
        grid.addWidget(self.overdue, 0, 2)
        grid.addWidget(self.letter, 1, 0)
        grid.addWidget(self.outcome, 1, 1)
        grid.addWidget(self.section, 1, 2)
        grid.addWidget(self.shadowed, 2, 0, 1, 3)
        return grid

    def _combo(self, name: str, tip: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(tip)
        for text, data in choices:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    # ------------------------------------------------------------ content

    def set_library(self, library: WorkbenchLibrary, keep: str = "") -> None:
        """Show a freshly loaded library, keeping (or moving to) the entry with key keep."""
        self.library = library
        chosen = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.addItem("Any layer", ANY)
        for layer in library.layers:
            self.layer.addItem(f"{layer.name} ({layer.folder})" if layer.name != "built-in" else layer.name, layer.name)
        self.layer.setCurrentIndex(max(0, self.layer.findData(chosen)))
        self.layer.blockSignals(False)
        self._current_key = keep or self._current_key
        self._rebuild()

    def current(self) -> Entry | None:
        """Return the selected entry."""
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return self.library.by_key(key) if key and self.library else None

    def select_key(self, key: str, notify: bool = True) -> bool:
        """Select the row of an entry (clearing filters that hide it); False when it is not listed."""
        item = self._find(key)
        if item is None and self.library is not None and self.library.by_key(key):
            self.clear_filters()
            item = self._find(key)
        if item is None:
            return False
        self.tree.blockSignals(not notify)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self._current_key = key
        self.tree.scrollToItem(item)
        return True

    def select_id(self, clause_id: str) -> bool:
        """Select the effective version of a clause by id."""
        entry = self.library.effective(clause_id) if self.library else None
        return entry is not None and self.select_key(entry.key)

    def clear_filters(self) -> None:
        """Show everything."""
        for widget in (self.search, self.section):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.status, self.layer, self.letter, self.outcome):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.overdue, self.shadowed):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self._rebuild()

    def visible_entries(self) -> list[Entry]:
        """Return the entries listed under the current filters (each once)."""
        found: dict[str, Entry] = {}
        for item in self._rows():
            entry = self.library.by_key(item.data(0, KEY_ROLE))
            if entry is not None:
                found.setdefault(entry.key, entry)
        return list(found.values())

    # ------------------------------------------------------------ building the tree

    def _shown(self, entry: Entry) -> bool:
        if entry.shadowed_by and not self.shadowed.isChecked():
            return False
        if self.layer.currentData() and entry.layer.name != self.layer.currentData():
            return False
        if not model.matches(entry, self.search.text()):
            return False
        clause = entry.clause
        if clause is None:
            return not (
                self.status.currentData()
                or self.overdue.isChecked()
                or self.letter.currentData()
                or self.outcome.currentData()
                or self.section.text().strip()
            )
        if self.status.currentData() and clause.status != self.status.currentData():
            return False
        if self.overdue.isChecked() and not entry.overdue(self.today()):
            return False
        return model.selects(clause, self.letter.currentData(), self.outcome.currentData(), self.section.text().strip())

    def _rebuild(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        topics: dict[tuple[str, str], QTreeWidgetItem] = {}
        entries = [e for e in (self.library.entries if self.library else []) if self._shown(e)]
        for entry in sorted(entries, key=lambda e: (e.clause.title.lower() if e.clause else e.path.name, e.key)):
            for group in model.regime_groups(entry.clause) or [PROBLEM_GROUP]:
                parent = self._group(groups, topics, group, entry.clause.topic if entry.clause else "")
                parent.addChild(self._row(entry))
        filtering = self._filtering()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            group.setExpanded(True)
            for child in range(group.childCount()):
                group.child(child).setExpanded(filtering)
        self.tree.blockSignals(False)
        if self._current_key:
            item = self._find(self._current_key)
            if item is not None:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
        self._summarise(entries)
        self.filtered.emit(len({e.key for e in entries}))

    def _filtering(self) -> bool:
        """Tell whether any search or filter narrows the list (topics are then shown open)."""
        return bool(
            self.search.text().strip()
            or self.section.text().strip()
            or self.overdue.isChecked()
            or self.status.currentData()
            or self.layer.currentData()
            or self.letter.currentData()
            or self.outcome.currentData()
        )

    def _group(self, groups: dict, topics: dict, group: str, topic: str) -> QTreeWidgetItem:
        order = [*REGIMES, model.NO_REGIME, PROBLEM_GROUP]
        if group not in groups:
            item = QTreeWidgetItem([regime_title(group)])
            item.setFirstColumnSpanned(True)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            position = sum(1 for g in groups if order.index(g) < order.index(group))
            self.tree.insertTopLevelItem(position, item)
            groups[group] = item
        if not topic:
            return groups[group]
        if (group, topic) not in topics:
            item = QTreeWidgetItem([topic])
            item.setFirstColumnSpanned(True)
            siblings = [groups[group].child(i).text(0) for i in range(groups[group].childCount())]
            groups[group].insertChild(sum(1 for s in siblings if s < topic), item)
            topics[(group, topic)] = item
        return topics[(group, topic)]

    def _row(self, entry: Entry) -> QTreeWidgetItem:
        clause = entry.clause
        today = self.today()
        if clause is None:
            item = QTreeWidgetItem([entry.path.name, "cannot load", entry.layer.name, ""])
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
            item.setToolTip(0, "\n".join(str(p) for p in entry.problems))
        else:
            due = f"{clause.review_due.day} {clause.review_due:%b %Y}" if clause.review_due else ""
            layer = entry.layer.name + (" (overridden)" if entry.shadowed_by else "")
            if entry.overrides and not entry.shadowed_by:
                layer += " ▲"
            item = QTreeWidgetItem([clause.title, clause.status, layer, due])
            item.setToolTip(0, f"{clause.title}\n{clause.id}\nUsed in the {model.used_by(clause)}\n{entry.path}")
            tip = f"From the {entry.layer.name} layer: {entry.layer.folder}"
            if entry.overrides and not entry.shadowed_by:
                tip += f"\nOverrides the {entry.overrides[-1].layer} version (▲)"
            if entry.shadowed_by:
                tip += f"\nOverridden by the {entry.shadowed_by} layer: letters do not use this version"
            item.setToolTip(2, tip)
            self._mark(item, entry, today)
        item.setData(0, KEY_ROLE, entry.key)
        return item

    def _mark(self, item: QTreeWidgetItem, entry: Entry, today: dt.date) -> None:
        clause = entry.clause
        dark = self.tree.palette().color(QPalette.ColorRole.Base).lightness() < 128
        if entry.overdue(today):
            item.setIcon(3, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setForeground(3, QBrush(QColor("#ff8a80" if dark else "#b3261e")))
            item.setToolTip(3, f"Review overdue since {format_date(clause.review_due)}")
        if entry.problems:
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setToolTip(0, item.toolTip(0) + "\n\n" + "\n".join(str(p) for p in entry.problems))
        if clause.status != "approved":
            item.setForeground(1, QBrush(QColor("#e0a040" if dark else "#8a5a00")))
        if entry.shadowed_by:
            grey = self.tree.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for column in range(len(COLUMNS)):
                item.setForeground(column, QBrush(grey))

    def _summarise(self, shown: list[Entry]) -> None:
        if self.library is None:
            self.summary.setText("Loading the library…")
            return
        effective = [e for e in self.library.entries if e.clause and not e.shadowed_by]
        drafts = sum(e.clause.status != "approved" for e in effective)
        overdue = sum(e.overdue(self.today()) for e in effective)
        broken = sum(e.clause is None for e in self.library.entries)
        parts = [
            f"{len({e.key for e in shown})} shown of {len(effective)} clauses",
            f"{drafts} draft",
            f"{overdue} overdue for review",
        ]
        if broken:
            parts.append(f"{broken} file{'s' if broken != 1 else ''} cannot be loaded")
        self.summary.setText(" · ".join(parts))

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item.data(0, KEY_ROLE):
                rows.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return rows

    def _find(self, key: str) -> QTreeWidgetItem | None:
        return next((item for item in self._rows() if item.data(0, KEY_ROLE) == key), None)

    # ------------------------------------------------------------ slots

    def _on_filter_changed(self, *_args: object) -> None:
        self._rebuild()

    def _on_tree_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        key = current.data(0, KEY_ROLE) if current is not None else None
        if not key:
            return
        self._current_key = key
        self.entry_selected.emit(self.library.by_key(key) if self.library else None)
