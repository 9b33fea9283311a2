"""Header conditions: the small vocabulary a clause header uses to say when the clause applies.

A clause header may carry ``when:``, a list of conditions that must all hold for the clause to
be chosen for a slot. A condition is a word (``ncnd``), a word with a value (``outcome: not-held``),
either of them preceded by ``not``. The words, what they mean and what they read are listed in
WORDS; clauses/GUIDE.md documents the same list (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.casefile.authority import KINDS as AUTHORITY_KINDS
from app.core.casefile.model import OUTCOMES

Scope = Mapping[str, Any]  # a slot's rendering context: case, and part, group, exemption where there is one


@dataclass(frozen=True)
class Word:
    """One word of the vocabulary: what it means, and how it is read from a slot's context."""

    name: str
    meaning: str
    example: str
    reads: str  # the fact it reads, for the guide (clauses/GUIDE.md)
    read: Callable[[Scope], Any]  # a true/false for a plain word; the fact's value(s) for a word taking a value
    values: tuple[str, ...] = ()  # the values a word of the form `name: value` takes; () for a plain word


@dataclass(frozen=True)
class Condition:
    """One condition of a clause header, as written (``not outcome: not-held``)."""

    word: str
    value: str = ""
    negated: bool = False

    def __str__(self) -> str:
        text = f"{self.word}: {self.value}" if self.value else self.word
        return f"not {text}" if self.negated else text

    def holds(self, scope: Scope) -> bool:
        """Tell whether the condition holds in a slot's context."""
        word = WORDS[self.word]
        found = word.read(scope)
        result = self.value in found if word.values else bool(found)
        return result != self.negated


def _outcomes(scope: Scope) -> tuple[str, ...]:
    """Return the outcomes being written: of the group (decision or ground), else the part, else the request."""
    if scope.get("group") is not None:
        return tuple(scope["group"].outcomes)
    if scope.get("part") is not None:
        return (scope["part"].outcome,)
    return tuple(scope["case"].outcomes)


def _exemption(name: str) -> Callable[[Scope], Any]:
    """Return a reader of one true/false fact of the exemption being explained (false outside one)."""
    return lambda scope: scope.get("exemption") is not None and getattr(scope["exemption"], name)


def _ncnd(scope: Scope) -> bool:
    """NCND: the exemption being explained is used so, or (outside one) the outcome being written is ncnd."""
    if scope.get("exemption") is not None:
        return bool(scope["exemption"].ncnd)
    return "ncnd" in _outcomes(scope)


def _review(name: str) -> Callable[[Scope], Any]:
    """Return a reader of one fact of the internal review being answered (false when there is none)."""
    return lambda scope: scope["case"].review is not None and getattr(scope["case"].review, name)


WORDS: dict[str, Word] = {
    w.name: w
    for w in (
        Word(
            "ncnd",
            "we neither confirm nor deny: the exemption being explained is used to neither confirm nor deny "
            "(outside an exemption slot: the questions being written have the outcome ncnd)",
            "when: [ncnd]",
            "exemption.ncnd (else the outcome)",
            _ncnd,
        ),
        Word(
            "qualified",
            "the exemption being explained is subject to the public interest test",
            "when: [qualified]",
            "exemption.qualified",
            _exemption("qualified"),
        ),
        Word(
            "matter_live",
            "the officer recorded that the matter the exemption protects is still live",
            "when: [matter_live]",
            "exemption.matter_live",
            _exemption("matter_live"),
        ),
        Word(
            "not_emissions",
            "the officer recorded that the information withheld is not on emissions (EIR 12(9), EISR 10(6))",
            "when: [not_emissions]",
            "exemption.not_emissions",
            _exemption("not_emissions"),
        ),
        Word(
            "clarification",
            "the case records what the officer needs clarified (clarification letters)",
            "when: [clarification]",
            "case.clarification",
            lambda scope: scope["case"].clarification,
        ),
        Word(
            "fee",
            "the case records a fee due (fees notices)",
            "when: [fee]",
            "case.fee",
            lambda scope: scope["case"].fee,
        ),
        Word(
            "extension_date",
            "the case records the date by which the public interest decision is expected (extension notices)",
            "when: [extension_date]",
            "case.extension_date",
            lambda scope: scope["case"].extension_date is not None,
        ),
        Word(
            "review_reasons",
            "the case records the reviewer's reasons (review outcome letters)",
            "when: [review_reasons]",
            "case.review.reasons",
            _review("reasons"),
        ),
        Word(
            "independent_review",
            "the case records that the reviewer was independent of the original decision",
            "when: [independent_review]",
            "case.review.independent",
            _review("independent"),
        ),
        Word(
            "late",
            "the letter is dated after the statutory due date",
            "when: [late]",
            "case.late",
            lambda scope: scope["case"].late,
        ),
        Word(
            "multi_part",
            "the request has several questions",
            "when: [not multi_part]",
            "case.multi_part",
            lambda scope: scope["case"].multi_part,
        ),
        Word(
            "aggregated",
            "the cost estimate aggregates related requests",
            "when: [aggregated]",
            "case.cost.aggregated",
            lambda scope: scope["case"].cost.aggregated,
        ),
        Word(
            "outcome",
            "one of the questions being written has this outcome (in a decision or reasons section: "
            "its questions; in a question's section: that question; elsewhere: any question)",
            "when: [not outcome: not-held]",
            "group.outcomes, part.outcome or case.outcomes",
            _outcomes,
            OUTCOMES,
        ),
        Word(
            "s48",
            "FOISA s48 limits applying to the Commissioner: in full or in part",
            "when: [not s48: full]",
            "case.s48",
            lambda scope: (scope["case"].s48,),
            ("full", "partial"),
        ),
        Word(
            "authority",
            "the sending authority's kind, from its profile in Settings (never true when the kind is not set)",
            "when: [not authority: police]",
            "case.authority_kind",
            lambda scope: (scope["case"].authority_kind,),
            tuple(k for k in AUTHORITY_KINDS if k),
        ),
    )
}


EXEMPTION_WORDS = frozenset({"qualified", "matter_live", "not_emissions"})  # false outside an exemption slot


class ConditionError(ValueError):
    """A condition outside the vocabulary; the message names the allowed words."""


def allowed_words() -> str:
    """Return the vocabulary in one line, for messages."""
    plain = [name for name, word in WORDS.items() if not word.values]
    valued = [f"{name}: {'|'.join(word.values)}" for name, word in WORDS.items() if word.values]
    return f"{', '.join(plain)}; {'; '.join(valued)} (any of them may start with 'not')"


def condition_text(item: Any) -> str:
    """Return a `when:` item as written (``not outcome: not-held``): YAML reads that as a one-entry mapping."""
    if isinstance(item, dict) and len(item) == 1:
        key, value = next(iter(item.items()))
        return f"{key}: {'' if value is None else value}"
    return str(item)


def choices() -> tuple[str, ...]:
    """Return every condition as it may be written without 'not' (for pickers)."""
    return tuple(f"{w.name}: {v}" if v else w.name for w in WORDS.values() for v in (w.values or ("",)))


def parse_condition(item: Any) -> Condition:
    """Read one item of a `when:` list: text such as ``not ncnd`` or a one-entry mapping ``outcome: partial``."""
    if (isinstance(item, dict) and len(item) == 1) or isinstance(item, str):
        text = condition_text(item)
    else:
        raise ConditionError(f"{item!r} is not a condition; allowed: {allowed_words()}")
    words = text.strip()
    negated = words.startswith("not ")
    if negated:
        words = words[4:].strip()
    name, _, value = (part.strip() for part in words.partition(":"))
    word = WORDS.get(name)
    if word is None:
        raise ConditionError(f"unknown condition {text.strip()!r}; allowed: {allowed_words()}")
    if word.values and value not in word.values:
        shown = f"{value!r}" if value else "nothing"
        raise ConditionError(f"{name} takes one of {', '.join(word.values)}, not {shown} (in {text.strip()!r})")
    if not word.values and value:
        raise ConditionError(f"{name} takes no value (write {'not ' if negated else ''}{name}, not {text.strip()!r})")
    return Condition(name, value, negated)


def parse_when(raw: Any) -> tuple[tuple[Condition, ...], list[tuple[Any, str]]]:
    """Read a `when:` value; return the conditions and, for each bad item, (the item, why)."""
    if raw is None:
        return (), []
    items = raw if isinstance(raw, list) else [raw]
    found: list[Condition] = []
    errors: list[tuple[Any, str]] = []
    for item in items:
        try:
            found.append(parse_condition(item))
        except ConditionError as exc:
            errors.append((item, str(exc)))
    return tuple(found), errors


def all_hold(conditions: tuple[Condition, ...], scope: Scope) -> bool:
    """Tell whether every condition holds in a slot's context."""
    return all(condition.holds(scope) for condition in conditions)
