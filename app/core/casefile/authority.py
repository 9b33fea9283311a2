"""Authority profiles: an authority's details kept once in Settings, named by a case, overridable per case.

A case's ``authority:`` mapping may name a profile (``profile: police-scotland``); its other fields
are then the case's own overrides, and any field left empty comes from the profile. A case that
names no profile keeps every detail in the file, as case files always have.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, fields
from typing import Any

from app.core.casefile.model import Authority, Case, Signatory
from app.core.law.authorities import authority_kinds

PLACEHOLDER_NAME = "Your authority"
# Kinds of authority (resources/law/authorities.yaml); a clause can say which it suits (`authorities: [police]`).
KINDS = {"": "Not set", **{key: kind.title for key, kind in authority_kinds().items()}}
# The authority fields a profile carries and a case may override (text and address lines).
TEXT_FIELDS = ("name", "kind", "email", "phone", "website", "foi_unit", "foi_email", "disclosure_log")
LINE_FIELDS = ("address", "foi_address")


@dataclass
class AuthorityProfile:
    """One authority as Settings keep it: its details and who usually signs."""

    key: str
    authority: Authority = field(default_factory=lambda: Authority(name=""))
    signatory: Signatory = field(default_factory=Signatory)

    @property
    def label(self) -> str:
        """Return the name the officer picks the profile by."""
        return self.authority.name or self.key


@dataclass
class Resolved:
    """A case with its profile applied, and what went wrong applying it."""

    case: Case
    problems: list[str] = field(default_factory=list)


def profile_key(name: str) -> str:
    """Return a stable key for a profile from its name: "Police Scotland" -> "police-scotland"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "authority"


def find_profile(profiles: list[AuthorityProfile] | tuple[AuthorityProfile, ...], key: str) -> AuthorityProfile | None:
    """Return the profile with this key, or None."""
    return next((p for p in profiles if p.key == key), None)


def effective_authority(own: Authority, profile: AuthorityProfile | None) -> Authority:
    """Return the authority a letter uses: the case's own fields, the profile's where the case has none."""
    if profile is None:
        return copy.deepcopy(own)
    base = profile.authority
    merged = Authority(name="", profile=profile.key)
    for name in (*TEXT_FIELDS, *LINE_FIELDS):
        mine = getattr(own, name)
        setattr(merged, name, copy.copy(mine if mine else getattr(base, name)))
    merged.central_government = (
        own.central_government if own.central_government is not None else base.central_government
    )
    return merged


def resolve_case(case: Case, profiles: list[AuthorityProfile] | tuple[AuthorityProfile, ...]) -> Resolved:
    """Return a copy of the case whose authority and signatory have the named profile applied."""
    key = case.authority.profile
    if not key:
        return Resolved(case)
    profile = find_profile(profiles, key)
    resolved = copy.deepcopy(case)
    if profile is None:
        return Resolved(resolved, [f"the authority profile {key!r} is not in Settings; add it or choose another"])
    resolved.authority = effective_authority(case.authority, profile)
    if not (case.signatory.name or case.signatory.role):
        resolved.signatory = copy.deepcopy(profile.signatory)
    return Resolved(resolved)


def authority_problems(authority: Authority) -> list[tuple[str, str]]:
    """Return (field, message) for each detail a letter cannot go out without."""
    found: list[tuple[str, str]] = []
    if authority.name.strip().lower() in ("", PLACEHOLDER_NAME.lower()):
        found.append(("name", "the authority is still the placeholder; set its name (Settings or the Case tab)"))
    if not (authority.foi_address or authority.foi_email or authority.address or authority.email):
        found.append(("review", "there is no address or e-mail for the requester to ask for a review"))
    return found


# ---------------------------------------------------------------- plain data (Settings file)


def profile_to_data(profile: AuthorityProfile) -> dict[str, Any]:
    """Return a profile as plain data for the settings file (empty fields left out)."""
    a = profile.authority
    data: dict[str, Any] = {"key": profile.key}
    for name in (*TEXT_FIELDS, *LINE_FIELDS):
        if getattr(a, name):
            data[name] = copy.copy(getattr(a, name))
    if a.central_government is not None:
        data["central_government"] = a.central_government
    if profile.signatory.name:
        data["signatory_name"] = profile.signatory.name
    if profile.signatory.role:
        data["signatory_role"] = profile.signatory.role
    return data


def profile_from_data(data: Any) -> tuple[AuthorityProfile | None, list[str]]:
    """Read a profile from plain data; return it (None when unusable) and what was wrong."""
    if not isinstance(data, dict):
        return None, ["an authority profile must be a mapping of fields"]
    problems: list[str] = []
    authority = Authority(name="")
    for name in TEXT_FIELDS:
        value = data.get(name, "")
        if isinstance(value, str):
            setattr(authority, name, value.strip())
        else:
            problems.append(f"authority profile field {name} must be text")
    for name in LINE_FIELDS:
        value = data.get(name, [])
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",")]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(authority, name, [v for v in value if v.strip()])
        else:
            problems.append(f"authority profile field {name} must be a list of lines")
    value = data.get("central_government")
    authority.central_government = value if isinstance(value, bool) else None
    signatory = Signatory(str(data.get("signatory_name", "") or ""), str(data.get("signatory_role", "") or ""))
    key = data.get("key") if isinstance(data.get("key"), str) and data.get("key") else profile_key(authority.name)
    if authority.kind not in KINDS:
        problems.append(f"authority profile {key}: kind must be one of {', '.join(k for k in KINDS if k)}")
        authority.kind = ""
    return AuthorityProfile(str(key), authority, signatory), problems


def profiles_from_data(items: Any) -> tuple[list[AuthorityProfile], list[str]]:
    """Read a list of profiles, skipping unusable ones and keeping keys unique."""
    profiles: list[AuthorityProfile] = []
    problems: list[str] = []
    for item in items if isinstance(items, list) else []:
        profile, wrong = profile_from_data(item)
        problems += wrong
        if profile is not None and find_profile(profiles, profile.key) is None:
            profiles.append(profile)
    return profiles, problems


def same_details(a: Authority, b: Authority) -> bool:
    """Tell whether two authorities have the same details (the profile key aside)."""
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(Authority) if f.name != "profile")
