"""On opening a case: say which clauses changed in the library since it was saved; keep old or take new."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

KEEP, TAKE_NEW = "keep", "new"


def ask(parent: QWidget, summary: str) -> str:
    """Ask whether to keep the wording the case was saved with (KEEP) or take the library's (TAKE_NEW)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Clause wording changed", summary, parent=parent)
    box.setInformativeText(
        "Keep the wording this case was saved with (it becomes your own text in the letter), or use the "
        "library's new wording?"
    )
    keep = box.addButton("Keep the earlier wording", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Use the new wording", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return KEEP if box.clickedButton() is keep else TAKE_NEW


def review_pins(window: Any, document: Any, prompter: Any, today: dt.date) -> list[str]:
    """Compare the opened case's pins with the library and apply the officer's choice; return what changed."""
    case = document.case
    if not case.pins:
        return []  # nothing to compare: the library is left to the letter builder's worker
    from app.core.drafting.library import default_layers, load_library
    from app.core.workbench.pins import changed_pins, earlier_texts, take_new_wording

    layers = default_layers(document.library_folders)
    library = load_library(layers, validate=False)
    changes = changed_pins(case, library)
    if not changes:
        return []
    lines = [c.describe() for c in changes]
    summary = "Since this case was saved, the clause library changed:\n\n" + "\n".join(f"• {line}" for line in lines)
    answer = prompter.pinned_wording(window, summary)
    if answer == KEEP:
        texts, missing = earlier_texts(case, library, layers, changes, today)
        for key, text in texts.items():
            document.edit_block_text(key, text)
        take_new_wording(case, library, [c for c in changes if c.clause_id not in missing])
        if missing:
            prompter.error(
                window,
                "Earlier wording not found",
                "The earlier wording of these clauses is no longer available (not in git or the workbench "
                "history), so the letter uses the new wording: " + ", ".join(missing),
            )
    else:
        take_new_wording(case, library, changes)
    return lines
