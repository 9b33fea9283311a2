"""The clause editor of the workbench: metadata form, highlighted body and validation as you type.

The form and body are composed into the clause file text (workbench_model.compose); that text
is what is validated, previewed and saved. A file whose header cannot be read is edited as raw
text, so nothing in it is lost.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.drafting.clauses import BAD_HEADER, TEMPLATE_CODES, Clause
from app.core.problems import Problem
from app.core.workbench import clause_text, problem_places
from app.core.workbench.maintenance import validate_text
from app.gui.workbench.form import MetadataForm
from app.gui.workbench.highlight import ClauseBodyEdit

LOCATED_ROLE = Qt.ItemDataRole.UserRole


class ClauseEditor(QWidget):
    """Edits one clause file: form, body, problems; validates after a pause in typing.

    Signals:
        validated(list): fresh problems (workbench_model.Located) for the text as it stands.
        modified_changed(bool): the text now differs (or no longer differs) from the saved file.
        variable_inserted(str): a catalogue variable was inserted into the body.
    """

    validated = Signal(list)
    modified_changed = Signal(bool)
    variable_inserted = Signal(str)

    def __init__(self, topics: list[str], delay_ms: int = 300, parent: QWidget | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.layer_name = ""
        self.read_only = True
        self.raw = False
        self.baseline = clause_text.ClauseText({}, "")
        self.saved_text = ""
        self.clause: Clause | None = None
        self.problems: list[Problem] = []
        self.located: list[problem_places.Located] = []
        self._was_modified = False
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.validate_now)
        self._build(topics)

    def _build(self, topics: list[str]) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("Choose a clause in the library", self)
        self.heading.setAccessibleName("Clause being edited")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel(self)
        self.banner.setAccessibleName("Editing notice")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4ce; color: #3d2e00; border: 1px solid #e0c060;"
            " border-radius: 3px; padding: 4px; }"
        )
        self.banner.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        self.form = MetadataForm(topics, self)
        self.form.edited.connect(self._on_form_edited)
        self.form.draft_button.clicked.connect(self.return_to_draft)
        scroll = QScrollArea(self)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll = scroll
        self.body = ClauseBodyEdit(self)
        self.body.textChanged.connect(self._on_body_text_changed)
        self.body.cursorPositionChanged.connect(self._on_body_cursor_position_changed)
        body_box = QWidget(self)
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        caption_row = QHBoxLayout()
        body_caption = QLabel("<b>Wording</b>", body_box)
        body_caption.setBuddy(self.body)
        self.position = QLabel(body_box)
        self.position.setAccessibleName("Cursor position")
        caption_row.addWidget(body_caption)
        caption_row.addStretch(1)
        caption_row.addWidget(self.position)
        body_layout.addLayout(caption_row)
        body_layout.addWidget(self.body, 1)
        self.problem_list = QListWidget(self)
        self.problem_list.setAccessibleName("Problems")
        self.problem_list.setToolTip("Click a problem to go to its line or field")
        self.problem_list.setWordWrap(True)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.itemActivated.connect(self._on_problem_list_item_activated)
        self.problem_list.itemClicked.connect(self._on_problem_list_item_activated)
        problems_box = QWidget(self)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_caption = QLabel("<b>Problems</b>", problems_box)
        self.problems_caption.setBuddy(self.problem_list)
        problems_layout.addWidget(self.problems_caption)
        problems_layout.addWidget(self.problem_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        for widget in (scroll, body_box, problems_box):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([330, 330, 120])
        layout.addWidget(self.splitter, 1)

    # ------------------------------------------------------------ loading and state

    def load(self, path: Path, layer_name: str, text: str, read_only: bool, new: bool = False) -> None:
        """Edit a clause file's text (saved_text is what the file holds now)."""
        self._loading = True
        self.path, self.layer_name, self.read_only = path, layer_name, read_only
        self.baseline = clause_text.split_text(text, str(path))
        self.raw = self.baseline.raw
        self.form_scroll.setVisible(not self.raw)
        if not self.raw:
            self.form.set_meta(self.baseline.meta or {}, read_only, new)
        self.body.setPlainText(self.baseline.body)
        self.body.setReadOnly(read_only)
        self.body.document().clearUndoRedoStacks()
        self.saved_text = "" if new else self.text()
        self._loading = False
        self._show_heading()
        self._update_banner()
        self._emit_modified()
        self.validate_now()

    def clear(self) -> None:
        """Show nothing (no clause chosen)."""
        self.path = None
        self._loading = True
        self.form.set_meta({}, True)
        self.body.setPlainText("")
        self.body.setReadOnly(True)
        self._loading = False
        self.saved_text = self.text()
        self.heading.setText("Choose a clause in the library")
        self.banner.hide()
        self.problem_list.clear()
        self._emit_modified()

    def text(self) -> str:
        """Return the file text as edited."""
        if self.raw:
            return self.body.toPlainText()
        return clause_text.compose(self.form.meta(), self.body.toPlainText(), self.baseline)

    def meta(self) -> dict[str, Any] | None:
        """Return the metadata as edited (None for a file edited as raw text)."""
        return None if self.raw else self.form.meta()

    def is_modified(self) -> bool:
        """Tell whether the text differs from the file."""
        return self.path is not None and self.text() != self.saved_text

    def wording_changed_since_approval(self) -> bool:
        """Tell whether an approved clause's wording or selection metadata has been edited."""
        if self.raw or (self.baseline.meta or {}).get("status") != "approved":
            return False
        return clause_text.content_changed(
            self.baseline.meta, self.form.meta(), self.baseline.body, self.body.toPlainText()
        )

    def mark_saved(self, text: str) -> None:
        """Record that text is now the file's content."""
        if self.path is not None and not self.raw:
            self.baseline = clause_text.split_text(text, str(self.path))
        self.saved_text = text
        self._show_heading()
        self._update_banner()
        self._emit_modified()

    def replace_text(self, text: str) -> None:
        """Put another version of the file in the editor (restore); it stays unsaved until saved."""
        parsed = clause_text.split_text(text, str(self.path))
        self._loading = True
        self.raw = parsed.raw
        self.form_scroll.setVisible(not self.raw)
        if self.raw:
            self.body.setPlainText(text)
        else:
            self.form.set_meta(parsed.meta or {}, self.read_only, False)
            self.body.setPlainText(parsed.body)
        self._loading = False
        self._on_changed()

    def set_approval(self, clause: Clause) -> None:
        """Copy the approval fields of an approved clause into the form."""
        self.form.set_values(
            status=clause.status,
            approved_by=clause.approved_by,
            approved_on=clause.approved_on,
            last_reviewed=clause.last_reviewed,
            review_due=clause.review_due,
        )
        self._on_changed()

    def return_to_draft(self) -> None:
        """Mark the clause as a draft (its approval record is removed when saved)."""
        if self.read_only or self.raw:
            return
        self.form.set_values(status="draft", approved_by=None, approved_on=None)
        self._on_changed()

    def insert_variable(self, path: str) -> bool:
        """Insert a placeholder for a catalogue variable at the cursor."""
        if self.read_only or self.path is None:
            return False
        self.body.insertPlainText(f"{{{{ {path} }}}}")
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        self.variable_inserted.emit(path)
        return True

    # ------------------------------------------------------------ validation

    def validate_now(self) -> list[problem_places.Located]:
        """Validate the text as it stands; show and return the problems."""
        self._timer.stop()
        if self.path is None:
            return []
        text = self.text()
        try:
            self.clause, self.problems = validate_text(text, str(self.path))
        except ValueError as exc:  # the core's YAML loader raises on impossible dates such as 2027-13-01
            self.clause, self.problems = (
                None,
                [
                    Problem(
                        str(self.path),
                        _bad_date_line(text),
                        f"metadata cannot be read: {exc} (is a date impossible?)",
                        BAD_HEADER,
                    )
                ],
            )
        if (
            self.clause is None
            and not self.raw
            and not any(p.code == BAD_HEADER or p.code in TEMPLATE_CODES for p in self.problems)
        ):
            extra = problem_places.incomplete_problems(self.form.meta(), self.body.toPlainText(), str(self.path), text)
            self.problems = self.problems + [p for p in extra if p not in self.problems]
        self.located = problem_places.locate(self.problems, text, self.raw)
        self._show_problems()
        self.validated.emit(self.located)
        return self.located

    def go_to(self, located: problem_places.Located) -> None:
        """Move to the body line or the form field of a problem."""
        if located.kind == "body" and located.body_line:
            self.body.go_to_line(located.body_line)
        elif located.kind == "field" and not self.raw:
            self.form.focus_field(located.key)
            self.form_scroll.ensureWidgetVisible(self.form.fields.get(located.key, self.form.status))

    def _show_problems(self) -> None:
        self.problem_list.clear()
        for located in self.located:
            item = QListWidgetItem(located.label, self.problem_list)
            item.setData(LOCATED_ROLE, located)
            item.setToolTip(str(located.problem))
        if not self.located:
            item = QListWidgetItem("No problems", self.problem_list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        count = len(self.located)
        self.problems_caption.setText(f"<b>Problems</b> ({count})" if count else "<b>Problems</b>")
        self.body.mark_lines([item.body_line for item in self.located if item.kind == "body" and item.body_line])

    # ------------------------------------------------------------ display

    def _show_heading(self) -> None:
        if self.path is None:
            return
        meta = self.baseline.meta or {}
        title = meta.get("title") or self.path.name
        ident = meta.get("id") or "no id"
        self.heading.setText(
            f"<b>{escape(str(title))}</b><br/><span>{escape(str(ident))} · {self.layer_name} "
            f"layer · {escape(str(self.path))}</span>"
        )

    def _update_banner(self) -> None:
        notes = []
        if self.read_only:
            notes.append(
                "Built-in clause: read-only. Use “Override in …” to edit a copy in your organisation "
                "or personal library; the copy replaces this wording in letters."
            )
        if self.raw:
            why = self.baseline.error.message if self.baseline.error else "unknown reason"
            notes.append(f"The metadata header cannot be read ({why}); edit the file text below to fix it.")
        if not self.saved_text and self.path is not None:
            notes.append("New clause: not saved yet.")
        if self.wording_changed_since_approval():
            meta = self.baseline.meta or {}
            notes.append(
                f"Changed since it was approved by {meta.get('approved_by') or 'nobody recorded'}: "
                "saving will ask whether to approve the new wording or keep it as a draft."
            )
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

    def _emit_modified(self) -> None:
        modified = self.is_modified()
        if modified != self._was_modified:
            self._was_modified = modified
            self.modified_changed.emit(modified)

    # ------------------------------------------------------------ slots

    def _on_changed(self) -> None:
        if self._loading:
            return
        self._update_banner()
        self._emit_modified()
        self._timer.start()

    def _on_form_edited(self, _key: str) -> None:
        self._on_changed()

    def _on_body_text_changed(self) -> None:
        self._on_changed()

    def _on_body_cursor_position_changed(self) -> None:
        cursor = self.body.textCursor()
        self.position.setText(f"Body line {cursor.blockNumber() + 1}, column {cursor.positionInBlock() + 1}")

    def _on_problem_list_item_activated(self, item: QListWidgetItem) -> None:
        located = item.data(LOCATED_ROLE)
        if located is not None:
            self.go_to(located)


def _bad_date_line(text: str) -> int:
    """Return the line of the first date field whose value is not a real date (1 when none is found)."""
    import datetime as dt
    import re

    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"(\w+):\s*(\d{4}-\d{2}-\d{2})\s*$", line)
        if match:
            try:
                dt.date.fromisoformat(match.group(2))
            except ValueError:
                return number
    return 1
