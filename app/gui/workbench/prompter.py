"""Every question the clause workbench asks, in one replaceable object (tests answer without dialogs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.gui.widgets.answers import CANCEL, DISCARD, SAVE

APPROVE, DRAFT = "approve", "draft"


class WorkbenchPrompter:
    """Every question the workbench asks; tests subclass it and answer without dialogs.

    Errors and "unsaved changes" go to the app's prompter when one is given, so they look (and
    are recorded in tests) like the rest of the app.
    """

    def __init__(self, app_prompter: Any = None):
        self.app_prompter = app_prompter

    def error(self, parent: QWidget, title: str, message: str, details: Sequence[str] = ()) -> None:
        """Report a failure."""
        if self.app_prompter is not None:
            self.app_prompter.error(parent, title, message, details)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=parent)
        if details:
            box.setDetailedText("\n".join(details))
        box.exec()

    def confirm_discard(self, parent: QWidget, name: str) -> str:
        """Ask what to do with unsaved changes: SAVE, DISCARD or CANCEL."""
        if self.app_prompter is not None:
            return self.app_prompter.confirm_discard(parent, name)
        buttons = (
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            parent, "Unsaved changes", f"“{name}” has changes that are not saved. Save them?", buttons
        )
        return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(answer, CANCEL)

    def confirm(self, parent: QWidget, title: str, question: str) -> bool:
        """Ask a yes/no question (removing a clause, overwriting a file changed on disk)."""
        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def approval_choice(self, parent: QWidget, clause_id: str, reviewer: str, reason: str) -> str:
        """Ask how to save changed wording of an approved clause: APPROVE, DRAFT or CANCEL.

        reason is why approving is not possible now ("" when it is).
        """
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Approved clause changed",
            f"“{clause_id}” is approved and used in letters. Its wording or selection has changed.",
            parent=parent,
        )
        box.setInformativeText(
            reason
            or f"Approve the new wording as {reviewer} now, or save it as a draft "
            "(taken out of letters until it is approved)?"
        )
        approve_button = box.addButton(f"Approve as {reviewer or '…'}", QMessageBox.ButtonRole.AcceptRole)
        approve_button.setEnabled(not reason)
        draft_button = box.addButton("Save as draft", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {approve_button: APPROVE, draft_button: DRAFT}.get(box.clickedButton(), CANCEL)

    def new_clause(self, parent: QWidget, layers: Sequence[str]) -> tuple[str, str] | None:
        """Ask for the id and layer of a new clause."""
        clause_id, ok = QInputDialog.getText(parent, "New clause", "Id (e.g. foia.closing.short):")
        if not ok or not clause_id.strip():
            return None
        if len(layers) == 1:
            return clause_id.strip(), layers[0]
        layer, ok = QInputDialog.getItem(parent, "New clause", "Layer:", list(layers), len(layers) - 1, False)
        return (clause_id.strip(), layer) if ok else None

    def information(self, parent: QWidget, title: str, message: str) -> None:
        """Tell the reviewer something (a pull or push went through)."""
        QMessageBox.information(parent, title, message)

    def confirm_incoming(self, parent: QWidget, summary: str, diff: str) -> bool:
        """Show colleagues' changes before they are applied; True applies them."""
        box = QMessageBox(QMessageBox.Icon.Question, "Changes from the shared library", summary, parent=parent)
        box.setInformativeText("Apply these changes to your clause library?")
        box.setDetailedText(diff)
        box.setStandardButtons(QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Apply

    def conflict_choice(self, parent: QWidget, message: str) -> str:
        """After a conflict, ask which side wins where both changed: "mine", "theirs" or "" (decide later)."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Both sides changed the same lines", message, parent=parent)
        mine = box.addButton("Keep my lines", QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton("Take theirs", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return {mine: "mine", theirs: "theirs"}.get(box.clickedButton(), "")
