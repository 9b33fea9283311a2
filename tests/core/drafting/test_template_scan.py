"""The fast template scan agrees with Jinja's full parser on errors, lines and variables."""

from __future__ import annotations

import pytest

from app.core.drafting.library import load_library
from app.core.drafting.template_scan import _full_scan, scan

TEMPLATES = [
    "Plain text only.",
    "Dear {{ case.requester.name }},\n\n{% if case.late %}Sorry.{% endif %}",
    "{% for p in case.parts %}\n{{ p.number }}. {{ p.question }}\n{% endfor %}",
    "{% if a %}x{% elif case.multi_part %}y{% else %}z{% endif %}",
    "{%- if case.late -%}\nlate\n{%- endif +%}\n{{- case.reference -}}",
    "{% set who = case.signatory.name %}{{ who }}",
    "{# a comment with {{ case.nothing }} inside #}{{ case.act }}",
    "{{ part.exemptions|map(attribute='cite_text')|and_join }}",
    "{{ case.reference|shout }}\n{% if 3 is weird %}x{% elif case.late|upper %}y{% endif %}",
    "{{ '}}' ~ case.reference }}",
    "{% raw %}{{ not a tag }}{% endraw %}",
    # broken ones
    "line one\n{% if case.late %}\nnever closed",
    "{% endif %}",
    "{% for x in %}{% endfor %}",
    "{{ case.reference ",
    "{% if a %}{% endfor %}",
    "{% else %}",
    "text\n\n{{ case.requester.name | }}",
    "{% frobnicate %}",
]


@pytest.mark.parametrize("source", TEMPLATES)
def test_scan_agrees_with_the_full_parser(source):
    quick, full = scan.__wrapped__(source), _full_scan(source)
    assert quick.error == full.error
    assert quick.paths == full.paths
    assert quick.bound == full.bound
    assert (quick.filters, quick.tests) == (full.filters, full.tests)  # library validate checks their names


def test_scan_agrees_on_every_shipped_clause():
    for clause in load_library(validate=False).clauses.values():
        quick, full = scan.__wrapped__(clause.body), _full_scan(clause.body)
        assert (quick.error, quick.paths, quick.filters) == (full.error, full.paths, full.filters), clause.path
