"""What the statute requires a letter to contain, per regime, letter kind and outcome."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.core.casefile.model import Case, Part
from app.core.drafting.context import CaseView, ExemptionView
from app.core.drafting.letter import Letter
from app.core.drafting.views import build_case_view

_COMMISSIONER = {
    "": "give particulars of the right to apply to the Scottish Information Commissioner (s47(1))",
    "partial": "say that the right to apply to the Scottish Information Commissioner may be limited by section 48",
    "full": "explain that section 48 bars an application to the Commissioner, and what remedy remains",
}
EXEMPTION_REFUSALS = ("partial", "withheld")
ENVIRONMENTAL_REFUSALS = ("partial", "withheld", "ncnd", "not-held", "cost-limit", "vexatious", "repeated")


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
    registry = build_case_view(case, case.received)  # exemptions as this case relies on them
    rules = {
        "foia": _foia,
        "foisa": _foisa,
        "eir": _eir,
        "eisr": _eisr,
    }[case.regime]
    return list(rules(case, registry))


# ------------------------------------------------------------------ FOIA


def _foia(case: Case, registry: CaseView) -> Iterator[Requirement]:
    """FOIA s17 (refusal notices), s16 advice, and the letter kinds' own notices."""
    if case.letter == "review-outcome":
        yield _rights(
            "17(7)(b)",
            "FOIA s50",
            "give particulars of the right to apply to the Information Commissioner under section 50",
        )
        return
    if case.letter == "clarification":
        yield _letter_req(
            "1(3)",
            "FOIA s1(3)",
            "say what further information is needed to identify and locate the information requested",
        )
        return
    if case.letter == "fees-notice":
        yield _letter_req("9(1)", "FOIA s9(1)", "state the fee payable and that it must be paid within three months")
        return
    notice = False
    for number, part in enumerate(case.parts, start=1):
        for req in _foia_part(number, part, registry, case.letter):
            notice = notice or req.element.startswith("17(")
            yield req
    if case.letter == "pit-extension":
        yield _letter_req(
            "17(2)",
            "FOIA s17(2)",
            "say that no decision on the public interest has been reached "
            "and give an estimate of the date by which it will be",
        )
        notice = True
    if notice:
        yield _rights(
            "17(7)(a)",
            "FOIA s17(7)(a)",
            "give particulars of the complaints (internal review) procedure, or say there is none",
        )
        yield _rights(
            "17(7)(b)",
            "FOIA s17(7)(b)",
            "give particulars of the right to apply to the Information Commissioner under section 50",
        )
    else:
        yield _rights("17(7)(a)", "ICO good practice", "offer an internal review", severity="warning")
        yield _rights(
            "17(7)(b)", "ICO good practice", "tell the requester about the Information Commissioner", severity="warning"
        )


def _foia_part(number: int, part: Part, registry: CaseView, letter: str) -> Iterator[Requirement]:
    """Requirements of one FOIA part."""
    if part.outcome in ("cost-limit", "vexatious", "repeated"):
        section = "s12" if part.outcome == "cost-limit" else "s14"
        yield _part_req(number, "17(5)", "FOIA s17(5)", f"state that {section} applies (refusal notice)")
        if part.outcome == "cost-limit":
            yield _part_req(
                number,
                "16",
                "FOIA s16",
                "offer advice and assistance on narrowing the request so it can be answered within the cost limit",
                severity="warning",
            )
        return
    if part.outcome not in (*EXEMPTION_REFUSALS, "ncnd"):
        return
    yield _part_req(number, "17(1)(a)", "FOIA s17(1)(a)", "state that an exemption is relied on")
    yield _part_req(number, "17(1)(b)", "FOIA s17(1)(b)", "specify the exemption(s) relied on")
    for view in _views(number, registry):
        severity = "warning" if part.outcome == "ncnd" else "error"
        yield _exemption_req(
            number, view.cite, "17(1)(c)", "FOIA s17(1)(c)", f"state why {view.cite_text} applies", severity
        )
        if view.qualified and letter != "pit-extension":
            yield _exemption_req(
                number, view.cite, "17(3)", "FOIA s17(3)", f"give the public interest reasons for {view.cite_text}"
            )


# ------------------------------------------------------------------ FOISA


def _foisa(case: Case, registry: CaseView) -> Iterator[Requirement]:
    """FOISA ss16–19 notices, s15 advice, and s21 review outcomes."""
    if case.letter == "review-outcome":
        yield _letter_req("21(5)", "FOISA s21(5)", "say what the review decided and give the reasons")
        yield _rights(
            "21(10)-commissioner",
            "FOISA s21(10)" if not registry.s48 else "FOISA s21(10), s48",
            _COMMISSIONER[registry.s48],
        )
        if registry.s48 != "full":  # no Commissioner decision, so no s56 appeal from one
            yield _rights(
                "21(10)-court",
                "FOISA s21(10)",
                "give particulars of the right of appeal to the Court of Session under section 56",
            )
        return
    if case.letter == "clarification":
        yield _letter_req(
            "1(3)",
            "FOISA s1(3)",
            "say what further information is needed to identify and locate the information requested",
        )
        return
    notice = case.letter == "fees-notice"
    if notice:
        yield _letter_req("9(1)", "FOISA s9(1)", "state the fee payable and that it must be paid within three months")
    else:
        for number, part in enumerate(case.parts, start=1):
            for req in _foisa_part(number, part, registry):
                notice = True
                yield req
    if notice:
        yield _rights("19(a)", "FOISA s19(a)", "give particulars of the procedure for dealing with complaints")
        yield _rights("19(b)-review", "FOISA s19(b)", "give particulars of the right to ask for a review (s20(1))")
        yield _rights(
            "19(b)-commissioner",
            "FOISA s19(b)" if not registry.s48 else "FOISA s19(b), s48",
            _COMMISSIONER[registry.s48],
        )
    else:
        yield _rights(
            "19(b)-review", "OSIC good practice", "tell the requester about review rights", severity="warning"
        )


def _foisa_part(number: int, part: Part, registry: CaseView) -> Iterator[Requirement]:
    """Requirements of one FOISA part."""
    single = {
        "cost-limit": ("16(4)", "FOISA s16(4)", "state that section 12(1) applies (refusal notice)"),
        "vexatious": ("16(5)", "FOISA s16(5)", "state that section 14 applies (refusal notice)"),
        "repeated": ("16(5)", "FOISA s16(5)", "state that section 14(2) applies (refusal notice)"),
        "not-held": ("17(1)", "FOISA s17(1)", "give notice that the information is not held"),
    }
    if part.outcome in single:
        element, citation, message = single[part.outcome]
        yield _part_req(number, element, citation, message)
        if part.outcome == "cost-limit":
            yield _part_req(
                number, "15", "FOISA s15", "offer advice and assistance on narrowing the request", severity="warning"
            )
        return
    if part.outcome == "ncnd":
        yield _part_req(
            number,
            "18",
            "FOISA s18(1)",
            "state that, if the information existed and were held, it would be exempt, and specify the exemption",
        )
        for view in _views(number, registry):
            yield _exemption_req(
                number, view.cite, "16(1)(d)", "FOISA s16(1)(d)", f"say why {view.cite_text} would apply", "warning"
            )
        return
    if part.outcome not in EXEMPTION_REFUSALS:
        return
    for element, text in (
        ("16(1)(a)", "disclose that the information is held"),
        ("16(1)(b)", "state that it is claimed to be exempt"),
        ("16(1)(c)", "specify the exemption(s)"),
    ):
        yield _part_req(number, element, f"FOISA s{element}", text)
    for view in _views(number, registry):
        yield _exemption_req(number, view.cite, "16(1)(d)", "FOISA s16(1)(d)", f"state why {view.cite_text} applies")
        if view.qualified:
            yield _exemption_req(
                number, view.cite, "16(2)", "FOISA s16(2)", f"give the public interest reasons for {view.cite_text}"
            )


# ------------------------------------------------------------------ EIR / EISR


def _eir(case: Case, registry: CaseView) -> Iterator[Requirement]:
    """EIR reg 14 refusal notices."""
    yield from _environmental(case, registry, "EIR reg 14", ("14(3)(a)", "14(3)(b)", "14(5)(a)", "14(5)(b)"))


def _eisr(case: Case, registry: CaseView) -> Iterator[Requirement]:
    """EISR reg 13 refusal notices."""
    yield from _environmental(case, registry, "EISR reg 13", ("13(a)", "13(b)", "13(d)", "13(e)"))


def _environmental(case: Case, registry: CaseView, law: str, codes: tuple[str, str, str, str]) -> Iterator[Requirement]:
    """Refusal notice content shared by EIR reg 14 and EISR reg 13."""
    reasons, interest, review, appeal = codes
    refused = False
    for number, part in enumerate(case.parts, start=1):
        if part.outcome not in ENVIRONMENTAL_REFUSALS:
            continue
        refused = True
        yield _part_req(number, reasons, f"{law}", "specify the exception relied on and the reasons")
        if part.outcome in ("not-held", "cost-limit", "vexatious", "repeated"):
            yield _part_req(
                number,
                interest,
                law,
                "give the public interest matters considered (the "
                "not-held and manifestly unreasonable exceptions are subject to the test)",
            )
        for view in _views(number, registry):
            if view.qualified:
                yield _exemption_req(
                    number,
                    view.cite,
                    interest,
                    law,
                    f"give the public interest matters considered for {view.cite_text}",
                )
    if refused or case.letter == "review-outcome":
        yield _rights(review, law, "tell the applicant about the right to ask for reconsideration or review")
        yield _rights(
            appeal, law, "tell the applicant about the right to apply to the Commissioner (enforcement and appeal)"
        )


# ------------------------------------------------------------------ helpers


def _views(number: int, view: CaseView) -> list[ExemptionView]:
    """Return a part's valid exemptions as the case relies on them (NCND and authority rules applied)."""
    return list(view.parts[number - 1].exemptions)


def _part_req(number: int, element: str, citation: str, message: str, severity: str = "error") -> Requirement:
    """A requirement scoped to one part."""
    return Requirement(
        f"{citation}:{element}", element, citation, f"part {number} must {message}", severity, part=number
    )


def _exemption_req(
    number: int, cite: str, element: str, citation: str, message: str, severity: str = "error"
) -> Requirement:
    """A requirement scoped to one exemption of one part."""
    return Requirement(
        f"{citation}:{element}",
        element,
        citation,
        f"part {number} must {message}",
        severity,
        part=number,
        exemption=cite,
    )


def _letter_req(element: str, citation: str, message: str, severity: str = "error") -> Requirement:
    """A requirement on the letter as a whole."""
    return Requirement(f"{citation}:{element}", element, citation, f"the letter must {message}", severity)


def _rights(element: str, citation: str, message: str, severity: str = "error") -> Requirement:
    """A requirement on the rights section."""
    return Requirement(
        f"{citation}:{element}", element, citation, f"the letter must {message}", severity, section="rights"
    )
