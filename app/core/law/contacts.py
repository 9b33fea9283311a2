"""Contact details of the regulators, tribunals and courts a letter names, read and checked from resources."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from app.core.law.data_files import BAD_VALUE, MISSING_KEY, NOT_A_MAPPING, RegistryError, Wrong, is_text, read_yaml
from app.core.paths import CONTACTS_FILE
from app.core.problems import Problem, display_path
from app.core.storage.disk_cache import remembered

CONTACT_BODIES: tuple[str, ...] = ("ico", "osic", "tribunal", "court_of_session", "cps", "copfs", "spso")
MISSING_BODY = "missing-body"  # a body every letter may name has no entry (Problem.code; the field names it)


def read_contacts(path: Path | str) -> dict[str, dict[str, Any]]:
    """Read and validate a contacts file; RegistryError lists every problem with the file."""
    path = Path(path)
    data, _ = read_yaml(path)
    where = display_path(path)
    if not isinstance(data, dict):
        raise RegistryError([Problem(where, None, "expected a mapping at the top level", NOT_A_MAPPING)])
    problems = _contacts_problems(data, where)
    if problems:
        raise RegistryError(problems)
    return data


def load_contacts() -> dict[str, dict[str, Any]]:
    """The shipped contact details keyed by body (ico, osic, tribunal...); a fresh copy each call."""
    return copy.deepcopy(_load_contacts_cached())


@cache
def _load_contacts_cached() -> dict[str, dict[str, Any]]:
    """Read resources/contacts.yaml once (validated once, then kept in the cache folder)."""
    return remembered("contacts", [CONTACTS_FILE], lambda: read_contacts(CONTACTS_FILE))


_CONTACT_TEXT = ("name", "source")
_CONTACT_OPTIONAL_TEXT = ("phone", "email", "website", "complaint_url")


def _contacts_problems(data: dict[str, Any], where: str) -> list[Problem]:
    """Every problem with a contacts mapping (the field names the body, or body.key)."""
    problems = [Problem(where, None, f"missing body '{b}'", MISSING_BODY, b) for b in CONTACT_BODIES if b not in data]
    for body, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(Problem(where, None, f"{body}: must be a mapping", NOT_A_MAPPING, str(body)))
            continue
        problems += [
            Problem(where, None, f"{body}: {e.message}", e.code, f"{body}.{e.field}")
            for e in _contact_entry_problems(entry)
        ]
    return problems


def _contact_entry_problems(entry: dict[str, Any]) -> list[Wrong]:
    """Problems with one body's contact mapping."""
    problems = [
        Wrong(BAD_VALUE, k, f"'{k}' must be non-empty text") for k in _CONTACT_TEXT if not is_text(entry.get(k))
    ]
    for key in _CONTACT_OPTIONAL_TEXT:
        if key not in entry:
            problems.append(Wrong(MISSING_KEY, key, f"missing '{key}' (use null when unknown)"))
        elif entry[key] is not None and not is_text(entry[key]):
            problems.append(Wrong(BAD_VALUE, key, f"'{key}' must be text or null"))
    address = entry.get("address")
    if not isinstance(address, list) or not all(is_text(line) for line in address):
        problems.append(Wrong(BAD_VALUE, "address", "'address' must be a list of text lines (may be empty)"))
    uncertain = entry.get("uncertain")
    if not isinstance(uncertain, list):
        problems.append(Wrong(BAD_VALUE, "uncertain", "'uncertain' must be a list of field names (may be empty)"))
    else:
        problems += [
            Wrong(BAD_VALUE, "uncertain", f"uncertain names unknown field {u!r}") for u in uncertain if u not in entry
        ]
    return problems
