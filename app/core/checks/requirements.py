"""What the statute requires a letter to contain: the rows of the law's requirements data, applied to one case."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.core.casefile.model import Case
from app.core.drafting.context import CaseView, ExemptionView
from app.core.drafting.letter import Letter
from app.core.drafting.views import build_case_view
from app.core.law.requirement_rows import RegimeRequirements, Row, load_requirements


@dataclass(frozen=True)
class Requirement:
    """One statutory element the letter must provide, in a scope (letter, part or exemption)."""

    rule: str
    element: str
    citation: str
    message: str
    severity: str = "error"
    part: int | None = None
    exemption: str = ""
    section: str = ""


def requirements_for(case: Case, letter: Letter) -> list[Requirement]:
    """Return every element this letter must (or should) contain."""
    view = build_case_view(case, case.received)  # exemptions as this case relies on them
    return list(_requirements(load_requirements()[case.regime], case, view))


def _requirements(law: RegimeRequirements, case: Case, view: CaseView) -> Iterator[Requirement]:
    """Apply one regime's rows: a letter kind's own notice, or the parts' and the letter's, then the rights."""
    letter = case.letter
    own = law.own_notice.get(letter)
    if own is not None:
        yield from _letter_rows(own.rows, letter, view.s48)
        if not own.rights:
            return
        notice = True
    else:
        notice = letter in law.notice_letters
        for number, part in enumerate(case.parts, start=1):
            exemptions = view.parts[number - 1].exemptions  # valid ones, NCND and authority rules applied
            for req in _part_rows(law.parts, letter, view.s48, number, part.outcome, exemptions):
                notice = True
                yield req
        for req in _letter_rows(law.letter, letter, view.s48):
            notice = True
            yield req
    yield from _letter_rows(law.rights_notice if notice else law.rights_otherwise, letter, view.s48)


def _part_rows(
    rows: Iterable[Row], letter: str, s48: str, number: int, outcome: str, exemptions: Iterable[ExemptionView]
) -> Iterator[Requirement]:
    """The part's own rows for its outcome, then each exemption's rows in turn."""
    chosen = [row for row in rows if row.applies(letter, s48, outcome)]
    for row in chosen:
        if row.scope == "part":
            yield Requirement(
                _rule(row), row.element, row.citation, f"part {number} must {row.must}", row.severity, part=number
            )
    for exemption in exemptions:
        for row in chosen:
            if row.scope == "exemption" and (exemption.qualified or not row.qualified):
                message = f"part {number} must {row.must.replace('{exemption}', exemption.cite_text)}"
                yield Requirement(
                    _rule(row), row.element, row.citation, message, row.severity, part=number, exemption=exemption.cite
                )


def _letter_rows(rows: Iterable[Row], letter: str, s48: str) -> Iterator[Requirement]:
    """Rows on the letter as a whole (scope letter) or on its rights section (scope rights)."""
    for row in rows:
        if row.applies(letter, s48):
            section = "rights" if row.scope == "rights" else ""
            yield Requirement(
                _rule(row), row.element, row.citation, f"the letter must {row.must}", row.severity, section=section
            )


def _rule(row: Row) -> str:
    """The rule a finding names: its citation and element."""
    return f"{row.citation}:{row.element}"
