"""Exhausting templates are refused quickly with a message naming the clause file and line."""

from __future__ import annotations

import resource
import time

import pytest

from app.cli import main

TODAY = "2026-11-21"
CASE = """\
regime: foia
reference: FOI-1
received: 2026-10-01
requester: A. Person
request: Everything.
parts:
  - question: All records.
    outcome: disclosed
    answer: Here they are.
"""
EXHAUSTING = {
    "nested-range": "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}",
    "string-times": "{{ 'x' * 10**8 }}",
    "center": "{{ 'x'|center(2000000000) }}",
    "method-center": "{{ 'x'.center(2000000000) }}",
    "power": "{{ 2 ** 100000000 }}",
    "doubling-macro": "{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s }}{% endmacro %}{{ d('x', 60) }}",
    "fork-macro": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
    "lipsum": "{{ lipsum(n=2000000) }}",
    "format-width": "{{ '%2000000000s'|format('x') }}",
    "replace": "{% set s = 'x' * 900000 %}{{ s.replace('x', s) }}",
    "set-doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "list-times": "{{ [1] * 10**9 }}",
}


def _clause(name: str, body: str) -> str:
    return (
        f"---\nid: me.{name}\ntitle: {name}\ntopic: closing\nstatus: approved\napproved_by: Legal\n"
        f"regimes: [foia]\n---\nBefore the limit.\n\n{body}\n"
    )


@pytest.mark.parametrize("name", sorted(EXHAUSTING))
def test_render_refuses_an_exhausting_personal_clause_quickly(name, tmp_path, capsys):
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    org, personal = tmp_path / "org", tmp_path / "me"
    org.mkdir()
    personal.mkdir()
    (personal / "closing.md").write_text(
        _clause(name, EXHAUSTING[name]).replace(f"id: me.{name}", "id: common.closing"), encoding="utf-8"
    )
    main(["render", str(case), "-o", str(tmp_path / "warm.docx"), "--today", TODAY])  # load and cache the library
    capsys.readouterr()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    code = main(
        [
            "render",
            str(case),
            "-o",
            str(tmp_path / "l.docx"),
            "--library",
            str(org),
            "--library",
            str(personal),
            "--today",
            TODAY,
        ]
    )
    elapsed = time.perf_counter() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    err = capsys.readouterr().err
    assert code == 1
    assert "closing.md:11: cannot render clause common.closing: template limit:" in err, err
    assert elapsed < 2.0
    assert grown_mb < 200


@pytest.mark.parametrize("name", sorted(EXHAUSTING))
def test_library_validate_reports_the_same_clauses(name, tmp_path, capsys):
    folder = tmp_path / "me"
    folder.mkdir()
    (folder / f"{name}.md").write_text(_clause(name, EXHAUSTING[name]), encoding="utf-8")
    started = time.perf_counter()
    assert main(["library", "validate", str(folder)]) == 1
    assert time.perf_counter() - started < 2.0
    out = capsys.readouterr().out
    assert f"{name}.md:11: " in out and "template limit:" in out, out


def test_ordinary_loops_and_macros_still_work(tmp_path):
    from app.core.drafting.templating import environment

    template = environment().from_string(
        "{% macro item(x) %}({{ x }}){% endmacro %}{% for i in range(3) %}{{ item(i) }}{% endfor %}"
        "{{ 'ab' * 3 }}{{ 'x'|center(7) }}{{ ', '.join(['a', 'b']) }}{{ '%5s'|format('y') }}"
    )
    assert template.render() == "(0)(1)(2)ababab   x   a, b    y"


def test_printing_a_whole_group_of_fields_is_an_error_not_a_repr():
    from app.core.drafting.templating import environment

    class View:
        pass

    with pytest.raises(TypeError, match="cannot print a View"):
        environment().from_string("{{ case }}").render(case=View())
