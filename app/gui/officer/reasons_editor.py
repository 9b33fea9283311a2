"""The officer's own harm and public interest reasons for one exemption, written into the case's `reasoning`."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QWidget

from app.core.casefile.reasons import REASON_FIELDS, reasons_for, reasons_needed, with_reason
from app.gui.widgets.editors import TypingWatcher, set_text_keeping_cursor, text_editor

LABELS = {
    "harm": ("&Harm:", "Why disclosing this information would, or would be likely to, cause the harm — in this case"),
    "for_disclosure": ("&For:", "Public interest factors for disclosure that apply to this information (- one a line)"),
    "against": ("A&gainst:", "Factors against disclosure that apply to this information (- one a line)"),
    "balance": ("&Balance:", "Why the balance falls as it does for this information"),
}
BALANCING_TEST = (
    "Why these people's rights and expectations override the legitimate interest in disclosure (UK GDPR Art 6(1)(f))"
)
WHY_IT_APPLIES = "Why the exemption applies to this information, when the letter's wording does not make it plain"
LIKELIHOOD_CHOICES = (
    ("Would be likely to (a real and significant risk)", ""),
    ("Would (more probable than not)", "would"),
)
INTRO = (
    "Your reasons for this case. The library's wording in the letter is only a starting point: "
    "the check asks for your own harm reasons (prejudice-based exemptions) and balance (qualified ones). "
    "Reasons are shared by every question that relies on the exemption."
)


class ReasonsEditor(QGroupBox):
    """Edits the reasons for one of the selected part's exemptions; every change goes through the document."""

    def __init__(self, document, spelling: Any = None, parent: QWidget | None = None):
        super().__init__("Your reasons", parent)
        self.document = document
        self._updating = False
        self._registry: Any = None
        self.setAccessibleName("Your reasons for the exemption")
        form = QFormLayout(self)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.exemption = QComboBox(self)
        self.exemption.setAccessibleName("Exemption the reasons are for")
        form.addRow("&Exemption:", self.exemption)
        self.likelihood = QComboBox(self)
        self.likelihood.setAccessibleName("Level of harm claimed")
        for label, value in LIKELIHOOD_CHOICES:
            self.likelihood.addItem(label, value)
        self.likelihood_label = QLabel("&Level:", self)
        self.likelihood_label.setBuddy(self.likelihood)
        form.addRow(self.likelihood_label, self.likelihood)
        self.none_needed = QLabel(
            "No harm test or public interest test applies to this exemption. Say why it applies to this "
            "information if that is not apparent.",
            self,
        )
        self.none_needed.setWordWrap(True)
        form.addRow(self.none_needed)
        self.editors: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for name in REASON_FIELDS:
            label_text, placeholder = LABELS[name]
            editor = text_editor(self, label_text.replace("&", "").rstrip(":"), placeholder, spelling)
            editor.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
            label = QLabel(label_text, self)
            label.setBuddy(editor)
            form.addRow(label, editor)
            self.editors[name], self.labels[name] = editor, label
            editor.textChanged.connect(lambda name=name: self._on_text_changed(name))
        self._watcher = TypingWatcher(document.end_typing, self)
        self._watcher.watch(*self.editors.values())
        self.exemption.currentIndexChanged.connect(lambda _index: self._show_reasons())
        self.likelihood.currentIndexChanged.connect(self._on_likelihood_changed)
        document.field_changed.connect(self._on_field_changed)

    def show_exemptions(self, cites: list[str], registry: Any) -> None:
        """Offer the reasons of these exemptions (the selected part's); hide the box when there are none."""
        self._registry = registry
        current = self.exemption.currentData()
        self._updating = True
        try:
            self.exemption.clear()
            for cite in cites:
                self.exemption.addItem(self._title(cite), cite)
            index = self.exemption.findData(current)
            self.exemption.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self._updating = False
        self.setVisible(bool(cites))
        self._show_reasons()

    def current_cite(self) -> str | None:
        """Return the exemption whose reasons are shown."""
        return self.exemption.currentData()

    def _title(self, cite: str) -> str:
        provision = self._provision(cite)
        if provision is None or self._registry is None:
            return cite
        return f"{self._registry.cite_text(cite)} — {provision.title}"

    def _provision(self, cite: str) -> Any:
        from app.core.law.citations import CitationError

        if self._registry is None:
            return None
        try:
            return self._registry.lookup(cite)
        except CitationError:
            return None

    def _show_reasons(self) -> None:
        cite = self.current_cite()
        if cite is None:
            return
        reasons = reasons_for(self.document.case.reasoning, cite)
        needed = reasons_needed(self._provision(cite))
        harm = "harm" in needed
        self._updating = True
        try:
            for name, editor in self.editors.items():
                set_text_keeping_cursor(editor, getattr(reasons, name))
                shown = name == "harm" or name in needed or bool(getattr(reasons, name))
                editor.setVisible(shown)
                self.labels[name].setVisible(shown)
        finally:
            self._updating = False
        balancing = "balance" in needed and "against" not in needed  # personal data: no public interest test
        self.labels["balance"].setText("&Balancing test:" if balancing else LABELS["balance"][0])
        self.editors["balance"].setPlaceholderText(BALANCING_TEST if balancing else LABELS["balance"][1])
        self.labels["harm"].setText(LABELS["harm"][0] if harm else "&Why it applies:")
        self.editors["harm"].setPlaceholderText(LABELS["harm"][1] if harm else WHY_IT_APPLIES)
        self.none_needed.setVisible(not needed)
        self._updating = True
        try:
            value = "would" if reasons.likelihood == "would" else ""
            self.likelihood.setCurrentIndex(max(self.likelihood.findData(value), 0))
        finally:
            self._updating = False
        self.likelihood.setVisible(harm)
        self.likelihood_label.setVisible(harm)

    def _on_text_changed(self, name: str) -> None:
        cite = self.current_cite()
        if self._updating or cite is None:
            return
        text = self.editors[name].toPlainText()
        updated = with_reason(self.document.case.reasoning, cite, name, text)
        self.document.edit_field("reasoning", updated, typing=True)

    def _on_likelihood_changed(self, _index: int) -> None:
        cite = self.current_cite()
        if self._updating or cite is None:
            return
        updated = with_reason(self.document.case.reasoning, cite, "likelihood", self.likelihood.currentData())
        self.document.edit_field("reasoning", updated)

    def _on_field_changed(self, path: str) -> None:
        if path == "reasoning":  # undo, redo, or another view changed them
            self._show_reasons()
