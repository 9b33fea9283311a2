"""The regulator a letter names on its date (resources/law/regulators.yaml), and the switches an organisation dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.core.law.dated import Commencements, valid_on
from app.core.paths import LAW_DIR
from app.core.storage import yamlio

UNKNOWN_SWITCH, BAD_COMMENCEMENT = "unknown-switch", "bad-commencement"


@dataclass(frozen=True)
class RegulatorName:
    """How letters name a regulator on one date."""

    title: str  # the body as the law names it: "Information Commissioner"
    office: str  # the name letters are addressed to: "Information Commissioner's Office"
    short: str  # the short name after the first mention: "Commissioner" (as in "the Commissioner")
    abbreviation: str  # its usual short form: "ICO"
    first_mention: str  # the office with its short form: "Information Commissioner's Office (ICO)"
    source: str


@cache
def _data() -> dict[str, Any]:
    """Return the parsed regulators file (read once)."""
    text = (LAW_DIR / "regulators.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yamlio.compose_and_load(text, lenient_dates=False)[1]
    return data


def switches() -> dict[str, dict[str, str]]:
    """Return the changes in the law whose date an organisation sets, keyed by name."""
    return dict(_data()["switches"])


def regulator_keys() -> list[str]:
    """Return the contacts keys of the regulators named by date."""
    return list(_data()["regulators"])


def regulator_on(key: str, day: dt.date, commencements: Commencements | None = None) -> RegulatorName:
    """Return how letters dated on day name the regulator (contacts key 'ico' or 'osic')."""
    row = valid_on(_data()["regulators"][key], day, commencements)
    fields = ("title", "office", "short", "abbreviation", "first_mention", "source")
    return RegulatorName(*(str(row[name]) for name in fields))


def read_commencements(raw: object) -> tuple[dict[str, dt.date], list[tuple[str, str, str]]]:
    """Read library.yaml's `commencement:` mapping; return the dates and (code, switch, message) problems."""
    if raw is None:
        return {}, []
    if not isinstance(raw, Mapping):
        return {}, [(BAD_COMMENCEMENT, "", "commencement must map a change to its date (name: YYYY-MM-DD)")]
    known = switches()
    dates: dict[str, dt.date] = {}
    problems: list[tuple[str, str, str]] = []
    for name, value in raw.items():
        if name not in known:
            words = ", ".join(sorted(known))
            problems.append((UNKNOWN_SWITCH, str(name), f"commencement: {name!r} is not a change we know of ({words})"))
        elif value is None:
            continue  # written down but not yet known: still unset
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            dates[str(name)] = value
        else:
            problems.append(
                (BAD_COMMENCEMENT, str(name), f"commencement: {name} must be a date written YYYY-MM-DD, not {value!r}")
            )
    return dates, problems
