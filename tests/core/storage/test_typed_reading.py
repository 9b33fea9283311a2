"""Typed, bounded reading of case files: strict booleans, finite numbers, no aliases, no duplicates."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest

from app.core.casefile.model import load_case, parse_case
from app.core.paths import EXAMPLES_DIR
from app.core.problems import InputError
from app.core.storage import typed, yamlio

BASE = "regime: foia\nreceived: 2023-07-05\nparts:\n  - outcome: disclosed\n"


def _errors(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_case(text, "case.yaml")
    return "\n".join(str(p) for p in caught.value.problems)


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("false", False), ("yes", True), ("no", False)])
def test_yaml_booleans_mean_what_they_say(raw, expected):
    case = parse_case(f"{BASE}allow_drafts: {raw}\nauthority:\n  central_government: {raw}\n")
    assert case.allow_drafts is expected
    assert case.authority.central_government is expected


@pytest.mark.parametrize("raw", ['"false"', "'no'", '"maybe"', "1", "0", "[true]", '""'])
def test_anything_else_as_a_boolean_is_an_error(raw):
    message = _errors(f"{BASE}authority:\n  central_government: {raw}\n")
    assert "case.yaml:6: authority.central_government: must be true or false" in message


@pytest.mark.parametrize("raw", [".nan", ".inf", "-.inf", "'NaN'", "'Infinity'", "1e999999"])
def test_numbers_that_are_not_finite_are_errors_not_tracebacks(raw):
    message = _errors(f"{BASE}    cost:\n      hours: {raw}\nfee: {raw}\n")
    assert "parts[0].cost.hours:" in message
    assert "fee:" in message


def test_numbers_where_lists_are_expected_are_errors():
    message = _errors(f"{BASE}edits:\n  removed: 5\n  added: 7\n")
    assert "edits.added: must be a list" in message
    # a single removed key is read as a list of one, as exemptions are
    assert parse_case(f"{BASE}edits:\n  removed: 5\n").edits.removed == ["5"]


@pytest.mark.parametrize("year", ["9999", "0001", "2201"])
def test_dates_far_outside_working_life_are_errors(year):
    message = _errors(f"regime: foia\nreceived: {year}-12-31\nparts:\n  - outcome: disclosed\n")
    assert "case.yaml:2: received: must be a date between 1900 and 2200" in message


def test_duplicate_keys_name_both_lines():
    message = _errors(f"{BASE}reference: A\nrequest: x\nreference: B\n")
    assert "case.yaml:7: not valid YAML: duplicate key 'reference' on lines 5 and 7" in message


def test_billion_laughs_is_refused_before_any_expansion():
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for index in range(1, 12):
        prev, name = chr(96 + index), chr(97 + index)
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    text = BASE + "\n".join(lines) + "\n"
    started = time.perf_counter()
    message = _errors(text)
    assert time.perf_counter() - started < 1.0  # expanding it would take hours and gigabytes
    assert "aliases are not allowed" in message
    assert "case.yaml:6:" in message  # the first line that repeats an anchored value


def test_deep_nesting_is_an_error():
    assert "not valid YAML" in _errors(BASE + "x: " + "[" * 3000 + "]" * 3000 + "\n")
    assert "nesting is deeper than" in _errors(BASE + "x: " + "[" * 100 + "]" * 100 + "\n")


def test_unclosed_quote_is_reported_where_it_opens():
    text = BASE + "request: 'never closed\n" + "reference: x\n" * 20
    assert "case.yaml:5: not valid YAML:" in _errors(text)


def test_control_character_is_named_with_its_line():
    assert "case.yaml:5: not valid YAML: contains a control character (U+0007)" in _errors(BASE + "request: a\x07b\n")


def test_oversized_file_is_refused_with_a_size_message(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(BASE + "request: |\n" + ("  " + "x" * 99 + "\n") * 60_000, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_case(path)
    assert "is too large (5.8 MB); files over 5 MB are refused" in str(caught.value)


def test_example_cases_load_exactly_as_the_pure_python_parser_reads_them():
    import yaml

    for example in sorted(EXAMPLES_DIR.glob("*.yaml")):
        text = example.read_text(encoding="utf-8")
        data, lines = yamlio.load_with_lines(text)
        assert data == yaml.load(text, Loader=yamlio._Loader), example.name
        assert lines["parts"] == next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("parts:"))
        load_case(example)


def test_typed_readers_directly():
    assert typed.as_number("12.5") == Decimal("12.5")
    assert typed.as_date("2024-02-29") == dt.date(2024, 2, 29)
    with pytest.raises(typed.TypedError, match="must be a number, not true/false"):
        typed.as_number(True)
    with pytest.raises(typed.TypedError, match="is too large"):
        typed.as_number(10**12)
    with pytest.raises(typed.TypedError, match="item 2 must be text, not a mapping"):
        typed.as_text_list(["a", {"b": 1}])
