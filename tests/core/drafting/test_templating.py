"""The sandboxed template environment: safe, strict, and formatting the UK way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import jinja2
import pytest
from jinja2.sandbox import SecurityError

from app.core.drafting.templating import Trusted, attribute_paths, environment, format_date, format_money


def render(source: str, **values) -> str:
    """Render a template string in the shared environment."""
    return environment().from_string(source).render(**values)


def test_undefined_variables_raise():
    with pytest.raises(jinja2.UndefinedError):
        render("Dear {{ requester }}")


@pytest.mark.parametrize(
    "source", ["{{ ''.__class__.__mro__ }}", "{{ x.__globals__ }}", "{{ cycler.__init__.__globals__.os }}"]
)
def test_sandbox_refuses_python_internals(source):
    with pytest.raises((SecurityError, jinja2.UndefinedError)):
        render(source, x=render)


def test_sandbox_refuses_mutating_data():
    with pytest.raises(SecurityError):
        render("{{ items.append(1) }}", items=[])


def test_values_are_escaped_unless_trusted():
    assert render("{{ a }} {{ b }}", a="*x*", b=Trusted("*x*")) == r"\*x\* *x*"


@pytest.mark.parametrize(
    "value, expected", [(dt.date(2023, 8, 2), "2 August 2023"), (dt.date(2024, 12, 25), "25 December 2024")]
)
def test_dates_are_written_the_uk_way(value, expected):
    assert format_date(value) == expected
    assert render("{{ d }}", d=value) == expected


@pytest.mark.parametrize("value, expected", [(600, "£600"), (Decimal("1012.5"), "£1,012.50"), (450.0, "£450")])
def test_money(value, expected):
    assert format_money(value) == expected


def test_filters_for_addresses_and_lists():
    assert render("{{ a|lines }}", a=["1 St", "G1 1AA"]) == "1 St, G1 1AA"
    assert render("{{ xs|and_join }}", xs=["a", "b", "c"]) == "a, b and c"


def test_attribute_paths_lists_what_a_template_reads():
    paths = attribute_paths("{{ case.requester.name }}{% for p in case.parts %}{{ p.answer }}{% endfor %}")
    assert paths == {("case", "requester", "name"), ("case", "parts")}


def test_an_inline_if_at_the_end_of_a_paragraph_keeps_the_next_paragraph_apart(tmp_path):
    from app.core.drafting.assemble import render_clause
    from app.core.drafting.clauses import parse_clause

    text = "---\nid: t.x\ntitle: X\ntopic: closing\nstatus: draft\n---\nFirst.{% if flag %} And more.{% endif %}\n\nSecond paragraph.\n"
    clause, problems = parse_clause(text, str(tmp_path / "x.md"), "test")
    assert problems == []
    for flag in (True, False):
        rendered, error = render_clause(clause, {"flag": flag})
        assert error is None
        assert rendered.split("\n\n")[1].strip() == "Second paragraph.", rendered
