"""Shared fixtures for core tests: a small clause library written to real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.drafting.library import Layer, load_library

TODAY = dt.date(2026, 11, 21)

CLAUSES = {
    "opening": ("opening", [], [], "Dear {{ case.requester.name }},\n\nThank you for your request."),
    "request": ("request", [], [], "{{ case.request }}"),
    "question": ("question", [], [], "You asked: {{ part.question }}"),
    "decision-partial": (
        "decision",
        ["partial"],
        [],
        "We are withholding some information under {{ group.exemptions|map(attribute='cite_text')|and_join }}.",
    ),
    "decision-any": ("decision", [], [], "Here is the information."),
    "exemption-generic": ("exemption", [], [], "The exemption {{ exemption.cite_text }} applies."),
    "exemption-30": ("exemption", [], ["30"], "Section 30 protects investigations."),
    "harm": ("harm", [], [], "Disclosure {{ exemption.harm_wording }} the matters protected."),
    "personal-data": ("personal-data", [], [], "This is personal data."),
    "pit": ("pit", [], [], "**Factors favouring disclosure**\n\n- transparency\n\n**Balance**\n\n1. first\n2. second"),
    "review": ("review", [], [], "You may ask for an internal review within 40 working days."),
    "regulator": ("regulator", [], [], "You may complain to the {{ case.regulator.name }}."),
    "closing": ("closing", [], [], "Yours sincerely"),
}


def write_clause(
    folder: Path,
    name: str,
    topic: str,
    outcomes: list[str],
    sections: list[str],
    body: str,
    provides: list[str] | None = None,
) -> None:
    """Write one approved clause file."""
    meta = [f"id: t.{name}", f"title: {name}", f"topic: {topic}", "status: approved", "approved_by: Tester"]
    if outcomes:
        meta.append(f"outcomes: {outcomes}")
    if sections:
        meta.append(f"sections: {[str(s) for s in sections]}")
    if provides:
        meta.append(f"provides: {provides}")
    (folder / f"{name}.md").write_text("---\n" + "\n".join(meta) + "\n---\n" + body + "\n", encoding="utf-8")


@pytest.fixture
def small_library(tmp_path):
    """A complete but tiny clause library on disk."""
    folder = tmp_path / "clauses"
    folder.mkdir()
    for name, (topic, outcomes, sections, body) in CLAUSES.items():
        write_clause(folder, name, topic, outcomes, sections, body)
    library = load_library([Layer("test", folder)])
    assert library.problems == []
    return library
