"""Every question the app asks the officer, in one replaceable object (tests inject answers).

The Qt dialog classes are imported when first used, which keeps them off the start-up path.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.casefile import CASE_SUFFIXES
from app.gui.widgets.answers import CANCEL, DISCARD, SAVE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

CASE_FILTER = f"FOI case files ({' '.join('*' + s for s in CASE_SUFFIXES)});;All files (*)"
WORD_FILTER = "Word documents (*.docx)"
PDF_FILTER = "PDF documents (*.pdf)"


class Prompter:
    """Asks with standard Qt dialogs. Tests subclass it and answer without showing anything."""

    def open_path(self, parent: QWidget, folder: Path) -> Path | None:
        """Ask which case file to open."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, "Open case", str(folder), CASE_FILTER)
        return Path(name) if name else None

    def save_path(self, parent: QWidget, suggested: Path) -> Path | None:
        """Ask where to save the case file."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(parent, "Save case as", str(suggested), CASE_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in CASE_SUFFIXES else path.with_suffix(".yaml")

    def export_path(self, parent: QWidget, suggested: Path) -> Path | None:
        """Ask where to write the letter (Word or PDF, as the suggested name's suffix says)."""
        from PySide6.QtWidgets import QFileDialog

        pdf = suggested.suffix.lower() == ".pdf"
        title, kind = ("Export letter to PDF", PDF_FILTER) if pdf else ("Export letter to Word", WORD_FILTER)
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), kind)
        if not name:
            return None
        path = Path(name)
        wanted = ".pdf" if pdf else ".docx"
        return path if path.suffix.lower() == wanted else path.with_suffix(wanted)

    def word_path(self, parent: QWidget, folder: Path) -> Path | None:
        """Ask which Word letter to check or import."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, "Choose a Word letter", str(folder), WORD_FILTER)
        return Path(name) if name else None

    def report(self, parent: QWidget, title: str, message: str, details: Sequence[str] = ()) -> None:
        """Show the outcome of a check or an import, with its findings one per line."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
        if details:
            box.setInformativeText("\n".join(details[:12]) + ("\n…" if len(details) > 12 else ""))
            box.setDetailedText("\n".join(details))
        box.exec()

    def confirm_discard(self, parent: QWidget, name: str) -> str:
        """Ask what to do with unsaved changes: SAVE, DISCARD or CANCEL."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, "Unsaved changes", f"“{name}” has changes that are not saved.", parent=parent
        )
        box.setInformativeText("Do you want to save them first?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(
            QMessageBox.StandardButton(answer), CANCEL
        )

    def error(self, parent: QWidget, title: str, message: str, details: Sequence[str] = ()) -> None:
        """Tell the officer something went wrong; details are listed one per line."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=parent)
        if details:
            box.setInformativeText("\n".join(details[:12]) + ("\n…" if len(details) > 12 else ""))
            box.setDetailedText("\n".join(details))
        box.exec()

    def confirm_export_with_problems(self, parent: QWidget, problems: Sequence[str]) -> bool:
        """Ask whether to export a letter with errors: the check's, or clauses the library could not fill."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Letter incomplete",
            f"The letter has {len(problems)} problem{'s' if len(problems) != 1 else ''} "
            "that the statute check or the clause library reports (see Findings). Export it anyway?",
            parent=parent,
        )
        box.setInformativeText("\n".join(problems[:8]) + ("\n…" if len(problems) > 8 else ""))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def pinned_wording(self, parent: QWidget, summary: str) -> str:
        """Ask whether a reopened case keeps its earlier clause wording ("keep") or takes the new ("new")."""
        from app.gui.officer.pins_prompt import ask

        return ask(parent, summary)

    def confirm_questions(self, parent: QWidget, questions: Sequence[str]) -> bool:
        """Show the proposed questions and ask whether to use them as the parts."""
        from PySide6.QtWidgets import QMessageBox

        listed = "\n".join(f"{i}. {q[:160]}" for i, q in enumerate(questions, start=1))
        answer = QMessageBox.question(
            parent,
            "Split into questions",
            f"Use these {len(questions)} questions as the parts of the response?\n\n"
            f"{listed}\n\nDecisions already made on existing parts are kept.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self, parent: QWidget | None, drafts: Sequence[object]) -> tuple[str, object | None]:
        """Offer to restore drafts left by a session that ended unexpectedly: (RESTORE|DISCARD|LATER, draft)."""
        from app.gui.officer.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(drafts, parent)
        dialog.exec()
        return dialog.decision, dialog.chosen
