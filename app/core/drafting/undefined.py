"""Strict undefined values that explain themselves in plain words when a clause reads a fact that is not there."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from jinja2 import StrictUndefined
from jinja2.utils import missing

_PLACES: dict[str, str] = {}  # top-level name -> where clauses can read it (drafting.context describes them)


def describe_places(places: Mapping[str, str]) -> None:
    """Record where each top-level name is available (called by drafting.context, which sits above templating)."""
    _PLACES.update(places)


class PlainUndefined(StrictUndefined):
    """Jinja's strict undefined (using one is an error), with the error said in the reviewer's words.

    ``'part' is undefined`` becomes "'part' is not available where this clause is used: the part
    being answered (in part sections)"; ``'…PersonView object' has no attribute 'nickname'`` becomes
    "'nickname' is not a fact here; the facts here are name, address, …".
    """

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        """Say what was read and why it is not there."""
        if self._undefined_hint:
            return str(self._undefined_hint)
        name, owner = self._undefined_name, self._undefined_obj
        if owner is missing:
            return _unknown_name(str(name))
        if owner is None:
            return (
                f"'{name}' cannot be read: the fact before it is empty in this letter "
                "(put the sentence inside {% if … %} on that fact)"
            )
        if not isinstance(name, str):
            size = len(owner) if hasattr(owner, "__len__") else 0
            return f"there is no item {name!r} here (the list has {size})"
        return _unknown_field(name, owner)


def _unknown_name(name: str) -> str:
    """Explain a top-level name: available elsewhere, or not a fact at all."""
    from app.core.drafting.template_errors import suggest

    if name in _PLACES:
        where = _PLACES[name]
        return f"'{name}' is not available where this clause is used: {where[:1].lower()}{where[1:]}"
    closest = suggest(name, sorted(_PLACES))
    hint = f"; did you mean '{closest}'?" if closest else ""
    return f"'{name}' is not a fact the engine provides{hint}"


def _unknown_field(name: str, owner: Any) -> str:
    """Explain a field a value does not have, listing the ones it has."""
    import difflib

    if dataclasses.is_dataclass(owner):
        fields = [f.name for f in dataclasses.fields(owner)]
    elif isinstance(owner, dict):
        fields = [str(key) for key in owner]
    else:
        return f"'{name}' is not a fact of this value"
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.7)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"'{name}' is not a fact here; {hint}the facts here are {', '.join(fields)}"
