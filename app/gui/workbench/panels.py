"""Side panels of the clause workbench: the preview with sample case data and the variable catalogue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.drafting.clauses import Clause
from app.core.drafting.context import catalogue
from app.core.problems import Problem
from app.core.workbench import preview_samples
from app.core.workbench.maintenance import preview

PAPER = QColor("#ffffff")
INK = QColor("#000000")
PATH_ROLE = Qt.ItemDataRole.UserRole


class PreviewPanel(QWidget):
    """The clause rendered with an example case, as it would read in a letter.

    Signals:
        previewed(str): new rendering shown (the Markdown, or "" when it could not be rendered).
    """

    previewed = Signal(str)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.samples = preview_samples.sample_cases()
        self.commencements: dict[str, dt.date] = {}  # the library's dates of dated law (set when it loads)
        self._clause: Clause | None = None
        self._problems: list[Problem] = []
        self._clause_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.case_choice = QComboBox(self)
        self.case_choice.setAccessibleName("Sample case")
        self.case_choice.setToolTip("Example case whose data fills the placeholders (resources/examples)")
        for name, case in self.samples:
            self.case_choice.addItem(f"{name} ({case.regime.upper()} {case.letter})", name)
        self.case_choice.activated.connect(self._on_case_choice_activated)
        caption = QLabel("Sample case:", self)
        caption.setBuddy(self.case_choice)
        row.addWidget(caption)
        row.addWidget(self.case_choice, 1)
        layout.addLayout(row)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Clause preview")
        self.browser.document().setDocumentMargin(18)
        palette = self.browser.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            palette.setColor(group, QPalette.ColorRole.Base, PAPER)
            palette.setColor(group, QPalette.ColorRole.Text, INK)
        self.browser.setPalette(palette)
        layout.addWidget(self.browser, 1)
        self.status = QLabel(self)
        self.status.setAccessibleName("Preview status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.markdown = ""

    def show_clause(self, clause: Clause | None, problems: list[Problem]) -> None:
        """Render a clause (None when it cannot be parsed) with the chosen sample case."""
        self._clause, self._problems = clause, problems
        if clause is not None and clause.id != self._clause_id:
            self._clause_id = clause.id
            self.case_choice.setCurrentIndex(preview_samples.best_sample(clause, [name for name, _ in self.samples]))
        self._render()

    def set_commencements(self, commencements: dict[str, dt.date]) -> None:
        """Name bodies as letters do under the library's dates of dated law; render again if a clause is shown."""
        changed = commencements != self.commencements
        self.commencements = dict(commencements)
        if changed and self._clause is not None:
            self._render()

    def sample_name(self) -> str:
        """Return the name of the sample case in use."""
        return str(self.case_choice.currentData() or "")

    def _render(self) -> None:
        clause = self._clause
        if clause is None:
            blocking = next((p for p in self._problems), None)
            message = blocking.message if blocking else "the clause cannot be read"
            self._show(
                "", f"Cannot preview: {message}" + (f" (line {blocking.line})" if blocking and blocking.line else "")
            )
            return
        cases = dict(self.samples)
        case = cases.get(self.sample_name())
        if case is None:
            self._show("", "No example cases found in resources/examples")
            return
        markdown, problem = preview(clause, case, self.today(), self.commencements)
        if problem is not None:
            where = f" (line {problem.line})" if problem.line else ""
            self._show("", f"Cannot render with {self.sample_name()}{where}: {problem.message}")
            return
        fits = clause.serves(case.regime, case.letter)
        note = "" if fits else " — this case's regime or letter kind would not select the clause"
        self._show(markdown, f"Rendered with {self.sample_name()}{note}")

    def _show(self, markdown: str, status: str) -> None:
        self.markdown = markdown
        self.browser.setHtml(preview_samples.preview_html(markdown) if markdown else "")
        self.status.setText(status)
        self.previewed.emit(markdown)

    def _on_case_choice_activated(self, _index: int) -> None:
        self._render()


class CataloguePanel(QWidget):
    """The variables clause templates can use (generated from the case model), and those this clause reads.

    Signals:
        variable_chosen(str): the reviewer double-clicked a variable to insert it.
    """

    variable_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.used = QLabel(self)
        self.used.setAccessibleName("Variables this clause reads")
        self.used.setWordWrap(True)
        self.used.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.used)
        self.search = QLineEdit(self)
        self.search.setAccessibleName("Search variables")
        self.search.setPlaceholderText("Search variables (name or description)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        layout.addWidget(self.search)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Variable catalogue")
        self.tree.setHeaderLabels(["Variable", "Type", "Description"])
        self.tree.setToolTip("Double-click a variable to insert it into the wording")
        self.tree.setUniformRowHeights(True)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        layout.addWidget(self.tree, 1)
        self.details = QLabel(self)
        self.details.setAccessibleName("Variable details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        layout.addWidget(self.details)
        hint = QLabel(
            "Double-click to insert {{ variable }} at the cursor. Filters such as |date and "
            "|and_join are described in clauses/GUIDE.md.",
            self,
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self._fill()
        self.show_used([])

    def _fill(self) -> None:
        items: dict[str, QTreeWidgetItem] = {}
        for entry in catalogue():
            parent_path = entry.path.rsplit(".", 1)[0] if "." in entry.path else ""
            parent = items.get(parent_path)
            name = entry.path.rsplit(".", 1)[-1]
            item = QTreeWidgetItem([name, entry.type, entry.doc])
            item.setData(0, PATH_ROLE, entry.path)
            item.setData(1, PATH_ROLE, entry.example)
            tip = f"{{{{ {entry.path} }}}}\n{entry.doc}" + (f"\nExample: {entry.example}" if entry.example else "")
            for column in range(3):
                item.setToolTip(column, tip)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[entry.path] = item
        self._items = items
        for index in range(self.tree.topLevelItemCount()):
            self.tree.topLevelItem(index).setExpanded(True)
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 110)

    def paths(self) -> list[str]:
        """Return every variable path listed."""
        return list(self._items)

    def show_used(self, paths: list[str]) -> None:
        """Show the variables the clause reads (Jinja2 meta-style, without rendering)."""
        if paths:
            self.used.setText("This clause reads: " + ", ".join(paths))
        else:
            self.used.setText("This clause reads no case variables.")

    def _on_search_text_changed(self, text: str) -> None:
        words = text.lower().split()
        for path, item in self._items.items():
            haystack = f"{path} {item.text(2)} {item.text(1)}".lower()
            item.setHidden(bool(words) and not all(word in haystack for word in words))
        if words:
            for item in self._items.values():
                if not item.isHidden():
                    parent = item.parent()
                    while parent is not None:
                        parent.setHidden(False)
                        parent.setExpanded(True)
                        parent = parent.parent()

    def _on_tree_current_item_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            self.details.clear()
            return
        example = item.data(1, PATH_ROLE)
        self.details.setText(
            f"{{{{ {item.data(0, PATH_ROLE)} }}}} — {item.text(1)}. {item.text(2)}"
            + (f" Example: {example}" if example else "")
        )

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.variable_chosen.emit(str(item.data(0, PATH_ROLE)))
