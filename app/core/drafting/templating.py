"""The sandboxed Jinja2 environment that renders clause templates safely and strictly."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import nodes, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from app.core.drafting import limits, markup
from app.core.drafting.undefined import PlainUndefined


class Trusted(str):
    """Text that is already Markdown (the officer's answer) and must not be escaped."""


def format_date(value: dt.date) -> str:
    """Return a date the way UK letters write it: 2 August 2023."""
    return f"{value.day} {value.strftime('%B %Y')}"


def format_money(value: Decimal | int | float) -> str:
    """Return an amount in pounds: £600, £1,012.50."""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except ArithmeticError:
        raise ValueError(f"{value!r} is too large (or not a number) to print as money") from None
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
    if value is None or isinstance(value, (int, float, jinja2.Undefined)):
        return value
    raise TypeError(f"cannot print a {type(value).__name__}: it is a group of fields; print one of them")


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


class BoundedTemplate(jinja2.Template):
    """A template whose every render runs within its own time and work budget."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render with a fresh budget (see limits)."""
        with limits.render_budget():
            return super().render(*args, **kwargs)


_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_CLOCK_METHODS = {"today", "now", "utcnow", "fromtimestamp", "utcfromtimestamp"}


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, bounded: loops, calls, recursion and the size of every string and list are capped."""

    template_class = BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse operations whose result would be too big, before computing them."""
        limits.check_binop(operator, left, right)
        return limits.sized(super().call_binop(context, operator, left, right), f"the result of {operator}")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Count the call, check what str methods would build, and size the result."""
        limits.tick()
        _check_method(__obj, args, kwargs)
        with limits.nested_call():
            result = super().call(__context, __obj, *args, **kwargs)
        return limits.sized(result, f"the result of {getattr(__obj, '__name__', 'a call')}")

    def _generate(self, source: nodes.Template, *args: Any, **kwargs: Any) -> str:
        """Count every loop step and size every ~ join before the code is generated."""
        _bound_tree(source, self)
        return super()._generate(source, *args, **kwargs)


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse str methods that would pad, replace or join into something huge, and reading the clock."""
    name = getattr(obj, "__name__", "")
    owner = getattr(obj, "__self__", None)
    if isinstance(owner, (dt.date, type)) and name in _CLOCK_METHODS:
        raise limits.TemplateLimitError("templates cannot read the clock: use the letter's dates")
    if not isinstance(owner, str):
        return
    if name in _WIDTH_METHODS and args:
        limits.check_width(name, args[0])
    elif name == "replace" and len(args) >= 2:
        limits.check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count"))
    elif name == "join" and args:
        limits.check_join(args[0], owner)
    elif name in ("format", "format_map"):
        limits.check_format(owner)


def _bound_tree(tree: nodes.Template, env: jinja2.Environment) -> None:
    """Wrap each loop's iterable in the step counter and each ~ in the size check (once)."""
    for loop in tree.find_all(nodes.For):
        if not (isinstance(loop.iter, nodes.Filter) and loop.iter.name == "_bounded_loop"):
            loop.iter = _filter(loop.iter, "_bounded_loop", env)
    for parent in list(tree.find_all(nodes.Node)):
        for name, child in parent.iter_fields():
            if isinstance(child, nodes.Concat):
                setattr(parent, name, _filter(child, "_bounded_text", env))
            elif isinstance(child, list):
                child[:] = [_filter(c, "_bounded_text", env) if isinstance(c, nodes.Concat) else c for c in child]


def _filter(node: nodes.Node, name: str, env: jinja2.Environment) -> nodes.Filter:
    """Return node wrapped in a filter call."""
    wrapped = nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)
    wrapped.set_environment(env)
    return wrapped


@pass_context
def _bounded_loop(_context: Any, iterable: Any) -> Any:
    """Count each loop step (an undefined iterable is passed on to fail as usual)."""
    if isinstance(iterable, jinja2.Undefined):
        return iterable
    return limits.counted(limits.sized(iterable, "a loop"))


@pass_context
def _bounded_text(_context: Any, text: Any) -> Any:
    """Size the result of ~."""
    return limits.sized(text, "text joined with ~")


_PASSED = (jinja2.runtime.Context, jinja2.nodes.EvalContext, jinja2.Environment)  # what Jinja hands some filters


def _bounded_filter(name: str, function: Any) -> Any:
    """Wrap a built-in filter with the checks its arguments need and a size check on its result."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        limits.tick()
        values = [a for a in args if not isinstance(a, _PASSED)]
        if name in ("center", "indent") and len(values) > 1:
            limits.check_width(name, values[1])
        elif name in ("center", "indent") and "width" in kwargs:
            limits.check_width(name, kwargs["width"])
        elif name in ("batch", "slice") and len(values) > 1:
            limits.check_width(name, values[1])
        elif name == "replace" and len(values) >= 3:
            limits.check_replace(str(values[0]), values[1], values[2], values[3] if len(values) > 3 else None)
        elif name == "join" and values:
            items = list(values[0]) if not isinstance(values[0], str) else values[0]
            limits.check_join(limits.sized(items, "a join"), values[1] if len(values) > 1 else kwargs.get("d", ""))
            args = tuple(items if a is values[0] else a for a in args)
        elif name == "format" and values and isinstance(values[0], str):
            limits.check_format(values[0])
        elif name == "wordwrap" and values:
            limits.sized(str(values[0])[: limits.MAX_TEXT // 10 + 1], "text to wrap")
            if len(str(values[0])) > limits.MAX_TEXT // 10:
                raise limits.TemplateLimitError("template limit: wordwrap of text this long")
        return limits.sized(function(*args, **kwargs), f"the result of |{name}")

    for attribute in ("jinja_pass_arg",):
        if hasattr(function, attribute):
            setattr(bounded, attribute, getattr(function, attribute))
    bounded.__name__ = name
    return bounded


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Placeholder text, bounded."""
    if n > 20 or max > 200:
        raise limits.TemplateLimitError("template limit: lipsum of more than 20 paragraphs of 200 words")
    return generate_lorem_ipsum(n, html, min, max)


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """Return the shared sandboxed environment with strict undefined variables."""
    env = BoundedSandbox(
        undefined=PlainUndefined,  # strict: reading a fact that is not there is an error, in plain words
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
    env.filters = {name: _bounded_filter(name, function) for name, function in env.filters.items()}
    env.filters.update({"_bounded_loop": _bounded_loop, "_bounded_text": _bounded_text})
    env.globals.update({"range": limits.check_range, "lipsum": _lipsum})
    env.concat = limits.output  # type: ignore[method-assign]
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


_TRAILING_TAG = re.compile(r"(?m)^(?=.*\S.*\{%)(.*?)(\{%(?:(?!%\}).)*?)(?<![+-])%\}[ \t]*$")


def keep_paragraph_breaks(source: str) -> str:
    """Keep the line break after a block tag that ends a line of text (``…{% endif %}``).

    The environment trims the newline after every block tag, so a tag closing a line of wording
    would join the next line, and a blank line after it would no longer end the paragraph.
    Tags on lines of their own are trimmed as usual.
    """
    return _TRAILING_TAG.sub(lambda m: f"{m.group(1)}{m.group(2)}+%}}", source)
