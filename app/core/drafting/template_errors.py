"""Template syntax errors in plain English, at the line where the problem starts.

Jinja reports an unclosed ``{% if %}`` at the end of the template, in its own words. When a body
does not parse, this module walks its tags itself (strings, comments and raw blocks included) to
find the tag that starts the trouble: an ``if`` never closed, an ``endif`` or ``else`` with no
``if``, an unknown tag, a ``{{`` never closed. Each kind of problem has its own code; anything
the walk does not recognise keeps Jinja's message, at Jinja's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Problem codes of template bodies (all of them make a clause unusable).
UNCLOSED_BLOCK = "template-unclosed-block"  # an if/for/… never closed
UNMATCHED_END = "template-unmatched-end"  # an endif/endfor/… with nothing open to close
MISPLACED_TAG = "template-misplaced-tag"  # an else/elif outside the block it belongs to
UNKNOWN_TAG = "template-unknown-tag"
UNCLOSED_TAG = "template-unclosed-tag"  # a {{, {% or {# never closed
TEMPLATE_SYNTAX = "template-syntax"  # anything else Jinja refuses (its own message)
CODES = frozenset({UNCLOSED_BLOCK, UNMATCHED_END, MISPLACED_TAG, UNKNOWN_TAG, UNCLOSED_TAG, TEMPLATE_SYNTAX})

BLOCKS = ("if", "for", "macro", "call", "filter", "with", "block", "autoescape", "set")  # tags closed by end…
MIDDLES = {"elif": ("if",), "else": ("if", "for")}
SINGLE = ("set", "include", "import", "from", "extends", "print")  # tags that need no end tag
COMMON = ("if", "elif", "else", "endif", "for", "endfor", "set")  # what clauses use; offered in messages
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_NAMES = {"{{": "placeholder", "{%": "tag", "{#": "comment"}
_KEYWORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|")


@dataclass(frozen=True)
class Explained:
    """A template problem in plain words: the body line it starts on, the message and its code."""

    line: int
    message: str
    code: str


@dataclass(frozen=True)
class _Tag:
    """One {% %} tag: its keyword, the rest of it, and its body line."""

    keyword: str
    rest: str
    line: int


def explain(source: str, jinja_line: int, jinja_message: str, first_line: int = 1) -> Explained:
    """Return the problem that stops a body from parsing, found from its tags (Jinja's words as a last resort).

    Lines are counted from first_line, the file line of the body's first line, so messages name
    lines as the author sees them in the file (header included).
    """
    tags, unclosed = _tags(source, first_line)
    if unclosed is not None:
        return unclosed
    found = _structure(tags)
    if found is not None:
        return found
    line = jinja_line + first_line - 1
    return Explained(line, f"the template on line {line} cannot be read: {jinja_message}", TEMPLATE_SYNTAX)


def _tags(source: str, first_line: int) -> tuple[list[_Tag], Explained | None]:
    """Return the {% %} tags of a body in order, or the first {{, {% or {# that is never closed."""
    tags: list[_Tag] = []
    index, length = 0, len(source)
    while True:
        start = _next_opening(source, index)
        if start < 0:
            return tags, None
        opener = source[start : start + 2]
        line = source.count("\n", 0, start) + first_line
        end = _closing(source, start + 2, opener)
        if end < 0:
            closer = _CLOSERS[opener]
            what = _NAMES[opener]
            message = f"this {what} '{opener}' on line {line} is never closed with '{closer}'"
            return tags, Explained(line, message, UNCLOSED_TAG)
        index = end + 2
        if opener == "{%":
            inner = source[start + 2 : end].strip("-+ \t\r\n")
            keyword = _KEYWORD.match(inner).group(0)  # type: ignore[union-attr]  # the pattern always matches
            tags.append(_Tag(keyword, inner[len(keyword) :].strip(), line))
            if keyword == "raw":
                index = _skip_raw(source, index)
                if index < 0:
                    return tags, Explained(line, f"this 'raw' on line {line} is never closed", UNCLOSED_BLOCK)
        if index >= length:
            return tags, None


def _next_opening(source: str, index: int) -> int:
    """Return where the next {{, {% or {# starts at or after index, or -1."""
    found = [i for i in (source.find(o, index) for o in _CLOSERS) if i >= 0]
    return min(found) if found else -1


def _closing(source: str, index: int, opener: str) -> int:
    """Return where the closer of a tag opened just before index starts, or -1 when it is never closed.

    Quoted strings are skipped. A placeholder or tag is taken as unclosed when another tag opens
    before it closes (``{{ case.reference }`` followed by more wording).
    """
    closer = _CLOSERS[opener]
    if opener == "{#":
        return source.find(closer, index)
    quote = ""
    while index < len(source):
        char = source[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif source.startswith(closer, index):
            return index
        elif source.startswith(("{{", "{%"), index):
            return -1
        index += 1
    return -1


def _skip_raw(source: str, index: int) -> int:
    """Return the index after the {% endraw %} closing a raw block, or -1."""
    while True:
        start = source.find("{%", index)
        if start < 0:
            return -1
        end = source.find("%}", start)
        if end < 0:
            return -1
        if source[start + 2 : end].strip("-+ \t\r\n") == "endraw":
            return end + 2
        index = end + 2


def _structure(tags: list[_Tag]) -> Explained | None:
    """Return the first tag that breaks the nesting of blocks, or an unknown tag; None when all is well."""
    stack: list[_Tag] = []
    for tag in tags:
        keyword = tag.keyword
        if keyword in BLOCKS and not (keyword == "set" and "=" in tag.rest):
            stack.append(tag)
        elif keyword in MIDDLES:
            problem = _middle(tag, stack)
            if problem is not None:
                return problem
        elif keyword.startswith("end") and keyword[3:] in BLOCKS:
            problem = _end(tag, stack)
            if problem is not None:
                return problem
        elif keyword not in SINGLE and keyword != "raw" and keyword != "endraw":
            return _unknown(tag)
    if stack:
        open_ = stack[-1]
        return Explained(
            open_.line,
            f"this '{open_.keyword}' on line {open_.line} is never closed: add {{% end{open_.keyword} %}} where it ends",
            UNCLOSED_BLOCK,
        )
    return None


def _middle(tag: _Tag, stack: list[_Tag]) -> Explained | None:
    """Check an else or elif: it must sit directly inside a block it belongs to."""
    owners = MIDDLES[tag.keyword]
    if stack and stack[-1].keyword in owners:
        return None
    wanted = " or ".join(f"'{o}'" for o in owners)
    if not stack:
        return Explained(tag.line, f"this '{tag.keyword}' on line {tag.line} is not inside an {wanted}", MISPLACED_TAG)
    inner = stack[-1]
    message = (
        f"this '{tag.keyword}' on line {tag.line} is inside the '{inner.keyword}' opened on line {inner.line}, "
        f"not directly inside an {wanted}"
    )
    return Explained(tag.line, message, MISPLACED_TAG)


def _end(tag: _Tag, stack: list[_Tag]) -> Explained | None:
    """Check an end tag: it must close the block opened last."""
    name = tag.keyword[3:]
    if stack and stack[-1].keyword == name:
        stack.pop()
        return None
    if any(open_.keyword == name for open_ in stack):
        inner = stack[-1]
        message = (
            f"this '{inner.keyword}' on line {inner.line} is never closed: the '{tag.keyword}' on line {tag.line} "
            f"comes first (add {{% end{inner.keyword} %}} before it)"
        )
        return Explained(inner.line, message, UNCLOSED_BLOCK)
    return Explained(tag.line, f"this '{tag.keyword}' on line {tag.line} has no '{name}' to close", UNMATCHED_END)


def _unknown(tag: _Tag) -> Explained:
    """Say that a tag is not one Jinja knows, offering the closest known one."""
    if not tag.keyword:
        return Explained(tag.line, f"the tag '{{% %}}' on line {tag.line} is empty", UNKNOWN_TAG)
    close = _close_matches(tag.keyword, [*COMMON, *BLOCKS, *SINGLE], n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"the tags clauses use are {', '.join(COMMON)}"
    return Explained(tag.line, f"'{tag.keyword}' on line {tag.line} is not a template tag; {hint}", UNKNOWN_TAG)


def suggest(name: str, known: list[str]) -> str:
    """Return the known variable a mistyped one most likely meant, or "".

    First a close spelling among its siblings (part.ncdn: part.ncnd), then the same name under
    another variable when only one has it (part.matter_live: exemption.matter_live), then a close
    spelling of the whole path (exemptoin.ncnd).
    """
    parent, _, last = name.rpartition(".")
    siblings = [k.rpartition(".")[2] for k in known if k.rpartition(".")[0] == parent]
    close = _close_matches(last, siblings, n=1, cutoff=0.7)
    if close:
        return f"{parent}.{close[0]}" if parent else close[0]
    same = [k for k in known if k.rpartition(".")[2] == last]
    if len(same) == 1:
        return same[0]
    close = _close_matches(name, known, n=1, cutoff=0.85)
    return close[0] if close else ""


def _close_matches(word: str, candidates: list[str], n: int, cutoff: float) -> list[str]:
    """Return difflib's closest matches (difflib is loaded only when a message needs a suggestion)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)
