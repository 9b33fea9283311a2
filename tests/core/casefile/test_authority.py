"""Authority profiles: a case names a profile, overrides some fields, and placeholders are errors."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.casefile.authority import (
    AuthorityProfile,
    profile_from_data,
    profile_to_data,
    profiles_from_data,
    resolve_case,
)
from app.core.casefile.drafts import new_case
from app.core.casefile.model import Authority, Signatory, parse_case
from app.core.casefile.writing import dump_case
from app.core.checks.compliance import ERROR, check
from app.core.drafting.assemble import assemble
from app.core.drafting.library import default_layers, load_library
from app.core.settings.preferences import Preferences, load_preferences, save_preferences

TODAY = dt.date(2026, 10, 20)
SCOTLAND = AuthorityProfile(
    "police-scotland",
    Authority(
        name="Police Scotland",
        kind="police",
        address=["Clyde Gateway", "Glasgow"],
        foi_unit="Information Management",
        foi_email="foi@scotland.police.example",
    ),
    Signatory("A. Officer", "Disclosure Officer"),
)
COUNCIL = AuthorityProfile(
    "westmere", Authority(name="Westmere Council", kind="council", email="info@westmere.example")
)


def case_text(authority: str) -> str:
    return f"regime: foisa\nreceived: 2026-10-01\nauthority: {authority}\nparts:\n  - outcome: disclosed\n"


def test_a_case_naming_a_profile_takes_its_details_and_keeps_its_own_overrides():
    case = parse_case(case_text("{profile: police-scotland, phone: '0300 111 2222'}"))
    resolved = resolve_case(case, [COUNCIL, SCOTLAND])
    a = resolved.case.authority
    assert resolved.problems == []
    assert (a.name, a.phone, a.foi_email, a.kind) == (
        "Police Scotland",
        "0300 111 2222",
        "foi@scotland.police.example",
        "police",
    )
    assert resolved.case.signatory == Signatory("A. Officer", "Disclosure Officer")
    assert case.authority.name == "" and case.signatory == Signatory()


def test_profile_case_saves_only_its_key_and_overrides_and_reads_back():
    case = parse_case(case_text("{profile: police-scotland, phone: '0300'}"))
    text = dump_case(case)
    assert "profile: police-scotland" in text and "Police Scotland" not in text
    assert parse_case(text).authority == case.authority


def test_an_old_case_with_a_plain_name_is_unchanged():
    case = parse_case(case_text("Police Scotland"))
    assert resolve_case(case, [COUNCIL]).case.authority.name == "Police Scotland"
    assert case.authority.profile == ""


def test_unknown_profile_is_a_problem_naming_it():
    resolved = resolve_case(parse_case(case_text("{profile: gone}")), [COUNCIL])
    assert resolved.problems and "'gone'" in resolved.problems[0]


@pytest.mark.parametrize(
    "authority, rules",
    [
        ("{name: Your authority}", {"authority-name", "authority-review"}),
        ("{name: Westmere Council}", {"authority-review"}),
        ("{name: Westmere Council, foi_email: foi@westmere.example}", set()),
    ],
)
def test_placeholder_name_and_missing_review_contact_are_errors(authority, rules):
    case = parse_case(case_text(authority))
    library = load_library(default_layers([]), validate=False)
    findings = check(case, assemble(case, library, TODAY), TODAY, library=library)
    assert {f.rule for f in findings if f.rule.startswith("authority-") and f.severity == ERROR} == rules


def test_profile_data_round_trip_and_bad_fields():
    assert profile_from_data(profile_to_data(SCOTLAND)) == (SCOTLAND, [])
    profile, problems = profile_from_data({"name": "X", "kind": "navy", "phone": 5})
    assert profile is not None and profile.key == "x" and profile.authority.kind == ""
    assert any("kind must be one of" in p for p in problems) and any("phone" in p for p in problems)
    profiles, _ = profiles_from_data([{"key": "a", "name": "A"}, {"key": "a", "name": "B"}, "junk"])
    assert [p.authority.name for p in profiles] == ["A"]


def test_preferences_keep_profiles_and_new_cases_name_the_default(tmp_path):
    prefs = Preferences().with_profiles([COUNCIL, SCOTLAND], "police-scotland")
    save_preferences(prefs, tmp_path / "p.json")
    loaded, problems = load_preferences(tmp_path / "p.json")
    assert problems == [] and loaded.profiles() == [COUNCIL, SCOTLAND]
    case = new_case(loaded, TODAY)
    assert case.authority.profile == "police-scotland" and case.authority.name == ""


def test_older_single_authority_preferences_read_as_one_profile():
    prefs = Preferences(authority_name="Example Council", authority_address=["1 Square"], signatory_name="J")
    [profile] = prefs.profiles()
    assert profile.authority.address == ["1 Square"] and profile.signatory.name == "J"
    assert new_case(prefs, TODAY).authority.profile == profile.key


@pytest.mark.parametrize(
    "where, said",
    [
        ("parts[1].exemptions[0]", "Part 2, exemption 1"),
        ("parts[0].exemptions", "Part 1, exemptions"),
        ("parts[2].cost.hours", "Part 3, cost estimate, hours"),
        ("authority.foi_email", "Authority, review e-mail"),
    ],
)
def test_field_paths_in_the_officers_words(where, said):
    from app.core.casefile.places import officer_place

    assert officer_place(where) == said
