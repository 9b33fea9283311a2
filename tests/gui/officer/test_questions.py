"""Splitting a request into questions, and keeping letter edits with their parts (Qt-free helpers)."""

from __future__ import annotations

import pytest

from app.core.casefile.drafts import renumber_edits, with_part_moved, without_part
from app.core.casefile.model import AddedClause, LetterEdits, Part
from app.core.casefile.questions import apply_questions, propose_questions


@pytest.mark.parametrize(
    "request_text, expected",
    [
        (
            "Please tell me:\n1. How many officers?\n2. How many staff?\n\nThanks",
            ["How many officers?", "How many staff?"],
        ),
        ("1) Budget for 2022\n2) Budget for 2023", ["Budget for 2022", "Budget for 2023"]),
        ("(1) first\n(2) second\n", ["first", "second"]),
        ("Q1: first question\nQ2. second question", ["first question", "second question"]),
        ("- arrests\n- charges\n* convictions", ["arrests", "charges", "convictions"]),
        (
            "1. How many victims,\nwitnesses or suspects?\n2. Any agreements?",
            ["How many victims, witnesses or suspects?", "Any agreements?"],
        ),
        ("1. Arrests in the years:\n- 2021\n- 2022\n2. Charges", ["Arrests in the years: - 2021 - 2022", "Charges"]),
        ("How many parking fines\nwere issued last year?", ["How many parking fines were issued last year?"]),
        ("   ", []),
    ],
)
def test_propose_questions(request_text, expected):
    assert propose_questions(request_text) == expected


def test_apply_questions_keeps_decisions_and_drops_only_empty_surplus_parts():
    parts = [Part(outcome="cost-limit", answer="too costly"), Part(), Part(answer="keep me")]
    result, numbers = apply_questions(parts, ["Q one", "Q two"])
    assert [(p.question, p.outcome, p.answer) for p in result] == [
        ("Q one", "cost-limit", "too costly"),
        ("Q two", "disclosed", ""),
        ("", "disclosed", "keep me"),
    ]
    assert numbers == {1: 1, 2: 2, 3: 3}
    result, numbers = apply_questions([Part(), Part()], ["only"])
    assert len(result) == 1 and numbers == {1: 1, 2: None}
    result, _ = apply_questions([Part()], ["a", "b", "c"])
    assert [p.question for p in result] == ["a", "b", "c"]


def test_edits_follow_their_parts_when_parts_move_or_go():
    edits = LetterEdits(
        texts={"part-1/decision": "one", "part-2/decision": "two", "rights/review": "r"},
        removed=["part-2/cost"],
        added=[AddedClause("x", "part-2")],
        order={"part-1": ["part-1/answer", "part-1/decision"]},
    )
    parts = [Part(question="a"), Part(question="b")]
    moved_parts, moved = with_part_moved(parts, edits, 1, 0)
    assert [p.question for p in moved_parts] == ["b", "a"]
    assert moved.texts == {"part-2/decision": "one", "part-1/decision": "two", "rights/review": "r"}
    assert moved.removed == ["part-1/cost"] and moved.added == [AddedClause("x", "part-1")]
    assert moved.order == {"part-2": ["part-2/answer", "part-2/decision"]}
    kept_parts, kept = without_part(parts, edits, 0)
    assert [p.question for p in kept_parts] == ["b"]
    assert kept.texts == {"part-1/decision": "two", "rights/review": "r"} and kept.order == {}
    assert renumber_edits(edits, {}) == edits
