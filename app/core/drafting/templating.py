"""The sandboxed Jinja2 environment that renders clause templates safely and strictly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.drafting import markup


class Trusted(str):
    """Text that is already Markdown (the officer's answer) and must not be escaped."""


def format_date(value: dt.date) -> str:
    """Return a date the way UK letters write it: 2 August 2023."""
    return f"{value.day} {value.strftime('%B %Y')}"


def format_money(value: Decimal | int | float) -> str:
    """Return an amount in pounds: £600, £1,012.50."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    if amount == amount.to_integral_value():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


def _finalize(value: Any) -> Any:
    """Escape printed values so data can never inject Markdown into a letter."""
    if isinstance(value, Trusted):
        return str(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, (list, tuple)):
        return ", ".join(markup.escape(str(v)) for v in value)
    if isinstance(value, str):
        return markup.escape(value)
    return value


def _lines_filter(value: Iterable[str], separator: str = ", ") -> Trusted:
    """Join address lines, escaping each; separator 'br' gives one line each."""
    parts = [markup.escape(str(v)) for v in value if str(v).strip()]
    if separator == "br":
        return Trusted("\\\n".join(parts))
    return Trusted(separator.join(parts))


def _and_join(values: Iterable[Any]) -> Trusted:
    """Join items as English prose: a, b and c."""
    items = [str(_finalize(v)) for v in values]
    if len(items) <= 1:
        return Trusted("".join(items))
    return Trusted(", ".join(items[:-1]) + " and " + items[-1])


def _plural(count: int, singular: str = "", plural: str = "s") -> str:
    """Return the singular or plural suffix for a count."""
    return singular if count == 1 else plural


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """Return the shared sandboxed environment with strict undefined variables."""
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        {
            "date": format_date,
            "money": format_money,
            "lines": _lines_filter,
            "and_join": _and_join,
            "plural": _plural,
            "md": lambda v: Trusted(str(v)),
        }
    )
    return env


def attribute_paths(source: str) -> set[tuple[str, ...]]:
    """Return the variable paths a template reads, e.g. ('case', 'requester', 'name')."""
    tree = environment().parse(source)
    locals_ = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    found: set[tuple[str, ...]] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        path = _path_of(node)
        if path and path[0] not in locals_:
            found.add(path)
    return {p for p in found if not any(len(q) > len(p) and q[: len(p)] == p for q in found)}


def _path_of(node: nodes.Node) -> tuple[str, ...] | None:
    """Return the dotted path of a Name/Getattr chain, or None for other expressions."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if isinstance(node, nodes.Name) and node.ctx == "load":
        parts.append(node.name)
        return tuple(reversed(parts))
    return None
