"""Fast template analysis for library validation: syntax errors and variables read, with lines.

Parsing every clause body with Jinja's full parser costs milliseconds each, too slow for libraries
of thousands of clauses. This scanner splits a body into its tags, checks that blocks open and
close in order, and parses each distinct expression or statement with Jinja once (cached, since
the same placeholders recur across a library). Whenever the scan finds anything wrong or unusual
it defers to Jinja's full parser, so a reported error is always Jinja's own message and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jinja2 import TemplateSyntaxError, nodes

from app.core.drafting.templating import _path_of, environment

_TAG = re.compile(r"\{#.*?#\}|\{\{[-+]?(.*?)[-+]?\}\}|\{%[-+]?\s*(.*?)\s*[-+]?%\}", re.S)
_OPENERS = {
    "if": "endif",
    "for": "endfor",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "with": "endwith",
    "block": "endblock",
    "autoescape": "endautoescape",
}
_MIDDLES = {"elif": ("if",), "else": ("if", "for")}
_UNUSUAL = ("raw", "endraw", "extends", "include", "import", "from")


@dataclass
class TemplateScan:
    """What a template reads and binds, or the syntax error that stops it."""

    error: tuple[int, str] | None = None
    paths: dict[tuple[str, ...], int] = field(default_factory=dict)
    bound: set[str] = field(default_factory=lambda: {"loop"})
    filters: dict[str, int] = field(default_factory=dict)  # filter name -> first line
    tests: dict[str, int] = field(default_factory=dict)  # test name (is …) -> first line
    loads: dict[str, int] = field(default_factory=dict)  # extends/include/import -> first line


class _Defer(Exception):
    """The quick scan cannot vouch for this template; use Jinja's full parser."""


@lru_cache(maxsize=8192)
def scan(source: str) -> TemplateScan:
    """Return the analysis of a template body (cached by text)."""
    try:
        return _quick_scan(source)
    except _Defer:
        return _full_scan(source)


def _full_scan(source: str) -> TemplateScan:
    """Analyse with Jinja's parser (exact messages and lines)."""
    try:
        tree = environment().parse(source)
    except TemplateSyntaxError as exc:
        return TemplateScan(error=(exc.lineno or 1, exc.message or str(exc)))
    result = TemplateScan()
    _collect(tree, 0, result)
    return result


def _quick_scan(source: str) -> TemplateScan:
    """Scan tag by tag; raise _Defer on anything not plainly valid."""
    result = TemplateScan()
    stack: list[str] = []
    line, last = 1, 0
    gap_start = 0
    for match in _TAG.finditer(source):
        _check_gap(source[gap_start : match.start()])
        gap_start = match.end()
        line += source.count("\n", last, match.start())
        last = match.start()
        expression, statement = match.group(1), match.group(2)
        if expression is not None:
            _merge(_analysed("{{ " + expression + " }}"), line - 1, result)
        elif statement is not None:
            _statement(statement, line, stack, result)
    _check_gap(source[gap_start:])
    if stack:
        raise _Defer
    return result


def _check_gap(text: str) -> None:
    """Defer when plain text between tags holds a tag opening the scan did not match."""
    if "{{" in text or "{%" in text or "{#" in text:
        raise _Defer


def _statement(statement: str, line: int, stack: list[str], result: TemplateScan) -> None:
    """Check one {% %} tag against the open blocks and collect what it reads."""
    keyword = statement.split(None, 1)[0] if statement else ""
    if keyword in _UNUSUAL or not keyword:
        raise _Defer
    if keyword in _OPENERS:
        stack.append(keyword)
        _merge(_analysed("{% " + statement + " %}{% " + _OPENERS[keyword] + " %}"), line - 1, result)
    elif keyword in _MIDDLES:
        if not stack or stack[-1] not in _MIDDLES[keyword]:
            raise _Defer
        if keyword == "elif":
            _merge(_analysed("{% if true %}{% " + statement + " %}{% endif %}"), line - 1, result)
    elif keyword.startswith("end"):
        if not stack or _OPENERS[stack[-1]] != keyword:
            raise _Defer
        stack.pop()
    elif keyword in ("set", "do"):
        if keyword == "set" and "=" not in statement:
            raise _Defer  # block set: let the full parser handle it
        _merge(_analysed("{% " + statement + " %}"), line - 1, result)
    else:
        raise _Defer


def _parsed(snippet: str) -> nodes.Template:
    """Parse one tag's worth of template once; a syntax error defers to the full parse."""
    try:
        return environment().parse(snippet)
    except TemplateSyntaxError as exc:
        raise _Defer from exc


_Lines = tuple[tuple[str, int], ...]
_Analysis = tuple[frozenset[str], tuple[tuple[tuple[str, ...], int], ...], _Lines, _Lines]


@lru_cache(maxsize=16384)
def _analysed(snippet: str) -> _Analysis:
    """Return the names one tag binds, the paths it reads and the filters and tests it uses, with lines (cached)."""
    scratch = TemplateScan(bound=set())
    _collect(_parsed(snippet), 0, scratch)
    return (
        frozenset(scratch.bound),
        tuple(scratch.paths.items()),
        tuple(scratch.filters.items()),
        tuple(scratch.tests.items()),
    )


def _merge(analysis: _Analysis, line_offset: int, result: TemplateScan) -> None:
    """Add a tag's analysis to a template's, as _collect on the tag's parse tree would."""
    bound, paths, filters, tests = analysis
    result.bound |= bound
    for path, line in paths:
        if path not in result.paths:
            result.paths[path] = line + line_offset
    for name, line in filters:
        result.filters.setdefault(name, line + line_offset)
    for name, line in tests:
        result.tests.setdefault(name, line + line_offset)


def _collect(tree: nodes.Template, line_offset: int, result: TemplateScan) -> None:
    """Add the variable paths a parsed snippet reads, and the names it binds."""
    result.bound |= {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    result.bound |= {n.name for n in tree.find_all(nodes.Macro)}
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        path = _path_of(node)
        if path and path not in result.paths:
            result.paths[path] = node.lineno + line_offset
    kinds = (nodes.Filter, nodes.Test, nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)
    for found in tree.find_all(kinds):
        if isinstance(found, (nodes.Filter, nodes.Test)):
            names = result.filters if isinstance(found, nodes.Filter) else result.tests
            names.setdefault(found.name, found.lineno + line_offset)
        else:
            result.loads.setdefault(type(found).__name__.lower(), found.lineno + line_offset)
