"""Saving a case: the case as plain data in the order of the file contract, written atomically."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core.casefile.facts import LAYOUTS, part_facts_data, reasoning_data, request_cost_data
from app.core.casefile.model import TODAY, Authority, Case, LetterEdits, Part
from app.core.storage import yamlio
from app.core.storage.atomic import write_text_atomic


def case_to_data(case: Case) -> dict[str, Any]:
    """Return the case as plain data in the order of the file contract."""
    data: dict[str, Any] = {
        "regime": case.regime,
        "letter": case.letter,
        "reference": case.reference,
        "received": case.received,
    }
    data["date"] = case.date or TODAY
    data["authority"] = _authority_data(case.authority)
    data["requester"] = _drop_empty(
        {"name": case.requester.name, "address": case.requester.address, "email": case.requester.email}
    )
    if case.signatory.name or case.signatory.role:
        data["signatory"] = _drop_empty({"name": case.signatory.name, "role": case.signatory.role})
    data["request"] = case.request
    data["parts"] = [_part_data(p) for p in case.parts]
    data.update(_letter_kind_data(case))
    if case.allow_drafts:
        data["allow_drafts"] = True
    if case.status != "draft":
        data["status"] = case.status
    if case.exported:
        data["exported"] = case.exported
    if case.export_errors:
        data["export_errors"] = list(case.export_errors)
    data.update(_composition_data(case))
    if not case.edits.is_empty():
        data["edits"] = _edits_data(case.edits)
    if case.pins:
        data["pins"] = {
            k: _drop_empty({"hash": p.hash, "layer": p.layer, "commit": p.commit}) for k, p in case.pins.items()
        }
    data.update(case.extra)
    return data


def _authority_data(a: Authority) -> dict[str, Any]:
    """Return the authority as plain data."""
    data = _drop_empty(
        {
            "profile": a.profile,
            "name": a.name,
            "address": a.address,
            "email": a.email,
            "phone": a.phone,
            "website": a.website,
            "foi_unit": a.foi_unit,
            "foi_address": a.foi_address,
            "foi_email": a.foi_email,
            "kind": a.kind,
            "disclosure_log": a.disclosure_log,
        }
    )
    if a.central_government is not None:
        data["central_government"] = a.central_government
    if a.kind:
        data["kind"] = a.kind
    return data


def _part_data(p: Part) -> dict[str, Any]:
    """Return one part as plain data."""
    data: dict[str, Any] = {}
    if p.question:
        data["question"] = p.question
    data["outcome"] = p.outcome
    data["exemptions"] = list(p.exemptions)
    if p.answer:
        data["answer"] = p.answer
    if p.cost_hours is not None:
        data["cost"] = {"hours": _number(p.cost_hours)}
    if p.opinion is not None:
        data["opinion"] = _drop_empty({"by": p.opinion.by, "date": p.opinion.date})
    data.update(part_facts_data(p.facts))
    return data


def _letter_kind_data(case: Case) -> dict[str, Any]:
    """Return the fields that only some letter kinds use."""
    data: dict[str, Any] = {}
    if case.review is not None:
        rv = case.review
        data["review"] = _drop_empty(
            {
                "requested": rv.requested,
                "original_reference": rv.original_reference,
                "original_date": rv.original_date,
                "decision": rv.decision,
                "independent": rv.independent,
                "reasons": rv.reasons,
            }
        )
    if case.clarification:
        data["clarification"] = case.clarification
    if case.extension_date:
        data["extension_date"] = case.extension_date
    if case.fee is not None:
        data["fee"] = _number(case.fee)
    return data


def _composition_data(case: Case) -> dict[str, Any]:
    """Return the layout, salutation, request-level cost and the officer's reasons."""
    data: dict[str, Any] = {}
    if case.layout != LAYOUTS[0]:
        data["layout"] = case.layout
    if case.salutation:
        data["salutation"] = case.salutation
    if case.cost is not None and request_cost_data(case.cost):
        data["cost"] = request_cost_data(case.cost)
    if reasoning_data(case.reasoning):
        data["reasoning"] = reasoning_data(case.reasoning)
    return data


def _edits_data(e: LetterEdits) -> dict[str, Any]:
    """Return the officer's edits as plain data."""
    return _drop_empty(
        {
            "texts": dict(e.texts),
            "removed": list(e.removed),
            "added": [{"clause": a.clause, "section": a.section} for a in e.added],
            "order": {k: list(v) for k, v in e.order.items()},
        }
    )


def _number(value: Decimal) -> int | float:
    """Return a Decimal as an int when whole, else a float, for tidy YAML."""
    return int(value) if value == value.to_integral_value() else float(value)


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose values are empty or None."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def dump_case(case: Case) -> str:
    """Return the case file text for a case."""
    return yamlio.dump(case_to_data(case))


def save_case(case: Case, path: Path | str) -> None:
    """Write the case file atomically."""
    write_text_atomic(path, dump_case(case))
