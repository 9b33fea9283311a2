"""Tests for reading officers' citations and the wording a letter gives them."""

from __future__ import annotations

import re

import pytest

from app.core.law.citations import Citation, CitationError, citation_text, parse_citation


@pytest.mark.parametrize(
    ("text", "canonical", "section", "parts"),
    [
        ("30(1)(a)", "30(1)(a)", "30", ("1", "a")),
        ("s30(1)(a)", "30(1)(a)", "30", ("1", "a")),
        ("s.30(1)(a)", "30(1)(a)", "30", ("1", "a")),
        ("S 30 (1)(a)", "30(1)(a)", "30", ("1", "a")),
        ("section 30(1)(a)", "30(1)(a)", "30", ("1", "a")),
        ("Section 12(1)", "12(1)", "12", ("1",)),
        ("reg 12(5)(a)", "12(5)(a)", "12", ("5", "a")),
        ("regulation 13", "13", "13", ()),
        ("30(1)(a)(b)(c)", "30(1)(a)(b)(c)", "30", ("1", "a", "b", "c")),
        ("40(2)(3A)(a)", "40(2)(3A)(a)", "40", ("2", "3A", "a")),
        ("30(1)(a)(b)(c)(2)", "30(1)(a)(b)(c)(2)", "30", ("1", "a", "b", "c", "2")),
        ("22A", "22A", "22A", ()),
        ("s22a(1)", "22A(1)", "22A", ("1",)),
        ("  sec. 40 (2) ", "40(2)", "40", ("2",)),
        ("37(1)(AC)", "37(1)(ac)", "37", ("1", "ac")),
        ("40(5a)", "40(5A)", "40", ("5A",)),
        ("Regulation 12 (4) (b)", "12(4)(b)", "12", ("4", "b")),
    ],
)
def test_parse_citation_forms(text: str, canonical: str, section: str, parts: tuple[str, ...]) -> None:
    cit = parse_citation(text)
    assert cit == Citation(section, parts)
    assert str(cit) == canonical


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("thirty", "not a citation"),
        ("", "empty citation"),
        ("   ", "empty citation"),
        ("30(1", "unmatched bracket"),
        ("30()", "empty brackets"),
        ("30(1)x", "not a citation"),
        ("s", "not a citation"),
        ("30)(1", "not a citation"),
        ("(1)(a)", "not a citation"),
        ("30(1-2)", "not a citation"),
    ],
)
def test_parse_citation_garbage(text: str, fragment: str) -> None:
    with pytest.raises(CitationError, match=re.escape(fragment)):
        parse_citation(text)


def test_citation_error_is_value_error() -> None:
    assert issubclass(CitationError, ValueError)


def test_parse_citation_passes_citation_through() -> None:
    cit = Citation("30", ("1",))
    assert parse_citation(cit) is cit


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("30(1)(a)(b)(c)", "30(1)(a), (b) and (c)"),
        ("31(1)(a)(b)", "31(1)(a) and (b)"),
        ("40(2)", "40(2)"),
        ("30(b)(i)", "30(b)(i)"),  # roman child, not a list
        ("30(h)(i)", "30(h) and (i)"),
        ("37(1)(a)(aa)(ab)", "37(1)(a), (aa) and (ab)"),
        ("30(1)(a)(b)(c)(2)", "30(1)(a), (b) and (c) and (2)"),  # split at each subsection, as the Act reads
        ("40(2)(3A)(a)", "40(2) and (3A)(a)"),
        ("40(2)(3B)", "40(2) and (3B)"),
        ("12(5)(a)", "12(5)(a)"),
        ("30(1)(b)(a)", "30(1)(b)(a)"),  # falling order is not a list
    ],
)
def test_citation_text(text: str, rendered: str) -> None:
    assert citation_text(parse_citation(text)) == rendered
