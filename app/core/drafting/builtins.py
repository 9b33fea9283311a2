"""Blocks the engine writes itself rather than from a clause: the officer's and requester's own words."""

from __future__ import annotations

from typing import Any

from app.core.drafting.context import CaseView, GroupView, PartView
from app.core.drafting.letter import LetterBlock
from app.core.drafting.templating import Trusted


def builtin_block(kind: str, ctx: dict[str, Any], common: dict[str, Any]) -> LetterBlock | None:
    """Return the block for a built-in slot, or None when it has nothing to say."""
    view: CaseView = ctx["case"]
    part: PartView | None = ctx.get("part")
    if kind == "answer":
        text = str(part.answer) if part else ""
        return LetterBlock(text=text, builtin=True, title="Your answer", provides=("answer",), **common)
    if kind == "request":
        return LetterBlock(text=str(view.request), builtin=True, title="Your request", style="quote", **common)
    if kind == "question":
        text = _as_quote(part.question) if part else ""
        return LetterBlock(text=text, builtin=True, title="Your question", style="quote", **common)
    if kind == "part-reasons":
        text = str(part.review_reasons) if part else ""
        return LetterBlock(text=text, builtin=True, title="The reviewer's reasons", **common)
    if kind == "pointer":
        return LetterBlock(text=_pointer(view, part), builtin=True, title="Where the answer is", **common)
    if kind == "signature":
        return LetterBlock(text=_signature(view), builtin=True, title="Signature", style="signature", **common)
    return None


def _as_quote(question: str) -> str:
    """Return a question as one paragraph of the requester's words."""
    return Trusted(" ".join(question.split()))


def _pointer(view: CaseView, part: PartView | None) -> str:
    """Point a question with no answer text of its own to the section that deals with it."""
    if part is None or part.answer.strip():
        return ""
    ground = _ground_of(view.grounds, part.number)
    if ground is None:
        return ""
    return f"Please see “{ground.heading}” below."


def _ground_of(grounds: list[GroupView], number: int) -> GroupView | None:
    return next((g for g in grounds if number in g.numbers), None)


def _signature(view: CaseView) -> str:
    """Return the signature block: the signatory's name and role, under space to sign."""
    lines = [line for line in (view.signatory.name, view.signatory.role) if line]  # the letterhead names the authority
    return "\\\n".join(lines) + "\n" if lines else ""
