"""Pick exemptions from the chosen regime's registry, with search and what each one needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.core.law.registry import Provision, Registry

TEST_LABELS = {
    "class": "class-based: no harm test",
    "endanger": "harm test: would, or would be likely to, endanger",
    "required": "applies where exemption is required (e.g. national security)",
    "actionable": "disclosure would be an actionable breach of confidence",
    "personal-data": "personal data: disclosure would breach the data protection principles",
    "not-held": "information not held",
    "manifestly-unreasonable": "request manifestly unreasonable",
    "other": "see the note",
}


def describe_test(provision: Provision, registry: Registry) -> str:
    """Return how a provision is tested, naming the harm test for prejudice-based ones."""
    if provision.test == "prejudice":
        return f"harm test: {registry.harm_wording}"
    return TEST_LABELS.get(provision.test, provision.test)


def describe(provision: Provision, registry: Registry) -> tuple[str, str]:
    """Return the title line and the detail line of a provision."""
    cite = registry.cite_text(provision.cite)
    title = f"{cite[0].upper()}{cite[1:]} — {provision.title}"
    kind = "Absolute" if provision.absolute else "Qualified (public interest test)"
    return title, f"{kind} · {describe_test(provision, registry)}"


def matches(provision: Provision, query: str) -> bool:
    """Tell whether a provision matches a search ("38", "s38(1)", "personal")."""
    words = query.lower().replace("section", "").replace("regulation", "").strip()
    if not words:
        return True
    number = words.lstrip("sr. ").replace(" ", "")
    return str(provision.cite).lower().startswith(number) or words in provision.title.lower()


class ExemptionPicker(QWidget):
    """A search box over the registry and a list of matching provisions.

    Signals:
        picked(str): the officer chose a provision (its canonical citation, e.g. "38(1)(b)").
    """

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.registry: Registry | None = None
        self._regime = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search exemptions by number or title, e.g. 38 or personal")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search exemptions")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Exemptions of the regime")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("About the selected exemption")
        self.add_button = QPushButton("&Add exemption", self)
        self.add_button.setToolTip("Rely on the selected exemption for this part")
        row = QHBoxLayout()
        row.addWidget(self.detail, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.add_button.clicked.connect(self._on_add_clicked)

    def set_regime(self, regime: str) -> None:
        """Show the provisions of a regime (read from the registry once the picker is on screen)."""
        self._regime = regime
        self.list.clear()
        self.registry = None
        if self.isVisible():
            self._load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.registry is None and self._regime:
            self._load()

    def _load(self) -> None:
        from app.core.law.registry import load_registry

        self.registry = load_registry(self._regime)
        noun = self.registry.provision_kind
        self.search.setPlaceholderText(f"Search {noun}s by number or title, e.g. 38 or personal")
        self.add_button.setText(f"&Add {noun}")
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        if self.registry is None:
            return
        query = self.search.text()
        for provision in self.registry.provisions:
            if not matches(provision, query):
                continue
            title, detail = describe(provision, self.registry)
            item = QListWidgetItem(f"{title}\n    {detail}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(provision.cite))
            item.setToolTip(provision.note or detail)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.add_button.setEnabled(self.list.count() > 0)

    def current_cite(self) -> str | None:
        """Return the citation of the highlighted provision."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def pick(self, cite: str) -> None:
        """Choose a provision by citation, as if the officer had clicked it."""
        self.picked.emit(cite)

    def _on_search_text_changed(self, _text: str) -> None:
        self._fill()

    def _on_search_return_pressed(self) -> None:
        self._on_add_clicked()

    def _on_list_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None or self.registry is None:
            self.detail.clear()
            return
        provision = self.registry.lookup(current.data(Qt.ItemDataRole.UserRole))
        if provision is None:
            self.detail.clear()
            return
        self.detail.setText(provision.note or describe(provision, self.registry)[1])

    def _on_list_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_add_clicked()

    def _on_add_clicked(self) -> None:
        cite = self.current_cite()
        if cite:
            self.pick(cite)
