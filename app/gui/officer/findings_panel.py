"""The findings panel: the compliance check's results, each citing its subsection; click to go there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.core.checks.compliance import Finding

ERROR, WARNING = "error", "warning"  # app.core.checks.compliance severities
FINDING_ROLE = Qt.ItemDataRole.UserRole
_ICONS = {ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical, WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning}


def summary(findings: list[Finding]) -> str:
    """Return a one-line count of findings by severity."""
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    if not errors and not warnings:
        return "The letter has everything the statute requires."
    parts = []
    if errors:
        parts.append(f"{errors} required element{'s' if errors != 1 else ''} missing")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return " · ".join(parts) + " — click a finding to go to the part or clause concerned."


class FindingsPanel(QWidget):
    """Lists findings with severity, citation, part and message.

    Signals:
        finding_activated(object): the officer clicked or pressed Enter on a finding (a Finding).
    """

    finding_activated = Signal(object)

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("Checking the letter…", self)
        self.summary.setAccessibleName("Findings summary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["Severity", "Citation", "Part", "Finding"])
        self.tree.setAccessibleName("Compliance findings")
        self.tree.setToolTip("What the statute requires of this letter and is missing; click one to go to it")
        self.tree.setColumnWidth(0, 100)
        self.tree.setColumnWidth(1, 150)
        self.tree.setColumnWidth(2, 50)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemActivated.connect(self._on_tree_item_clicked)
        document.findings_changed.connect(self.show_findings)

    def findings(self) -> list[Finding]:
        """Return the findings shown, in order."""
        return [self.tree.topLevelItem(i).data(0, FINDING_ROLE) for i in range(self.tree.topLevelItemCount())]

    def show_findings(self, findings: list[Finding]) -> None:
        """Show a new list of findings."""
        self.tree.clear()
        style = self.style()
        for finding in findings:
            item = QTreeWidgetItem(
                self.tree, [finding.severity.capitalize(), finding.citation, str(finding.part or ""), finding.message]
            )
            item.setData(0, FINDING_ROLE, finding)
            pixmap = _ICONS.get(finding.severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
            item.setIcon(0, style.standardIcon(pixmap))
            item.setToolTip(3, finding.message)
        self.summary.setText(summary(findings))

    def activate(self, row: int) -> None:
        """Act as if the officer clicked a finding."""
        item = self.tree.topLevelItem(row)
        if item is not None:
            self._on_tree_item_clicked(item)

    def _on_tree_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.finding_activated.emit(item.data(0, FINDING_ROLE))
