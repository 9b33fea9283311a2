"""Organisation settings: built-in < organisation < user, key by key, with locked keys winning."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from app.core.settings.folders import ORG_FILE_NAME, default_organisation_path
from app.core.settings.organisation import (
    NOT_FOUND,
    Organisation,
    load_layered,
    load_organisation,
    merge,
    save_user_preferences,
)
from app.core.settings.preferences import BAD_JSON, BAD_VALUE, Preferences

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "organisation-settings.example.json"


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_each_key_comes_from_the_highest_layer_that_sets_it(tmp_path):
    org = write(
        tmp_path / "org.json", {"authority_name": "Org Council", "default_regime": "foisa", "letterhead": "org.docx"}
    )
    user = write(tmp_path / "user.json", {"authority_name": "My Council", "signatory_name": "J. Smith"})
    layered = load_layered(user, org)
    assert layered.problems == []
    p = layered.preferences
    assert p.authority_name == "My Council"  # user over organisation
    assert p.default_regime == "foisa" and p.letterhead == "org.docx"  # organisation over built-in
    assert p.signatory_name == "J. Smith"  # user over built-in
    assert p.custom_dictionary == Preferences().custom_dictionary  # built-in


def test_locked_keys_win_over_the_user_and_may_lock_the_built_in_default(tmp_path):
    org = write(
        tmp_path / "org.json",
        {
            "authority_name": "Org Council",
            "library_folders": ["//share/clauses"],
            "locked": ["authority_name", "letterhead"],
        },
    )
    user = write(
        tmp_path / "user.json",
        {"authority_name": "My Council", "letterhead": "mine.docx", "library_folders": ["/mine"]},
    )
    p = load_layered(user, org).preferences
    assert p.authority_name == "Org Council"
    assert [x.authority.name for x in p.profiles()] == ["Org Council"]
    assert p.letterhead == ""  # locked to the built-in letterhead
    assert p.library_folders == ["/mine"]  # not locked: the user's choice stands


def test_no_organisation_file_means_user_over_built_in(tmp_path):
    user = write(tmp_path / "user.json", {"default_regime": "eir"})
    layered = load_layered(user, tmp_path / "missing.json")
    assert layered.problems == [] and layered.organisation.locked == frozenset()
    assert layered.preferences == Preferences(default_regime="eir")
    assert load_layered(user, None).preferences == Preferences(default_regime="eir")


def test_a_named_organisation_file_that_is_missing_is_reported(tmp_path):
    _org, problems = load_organisation(tmp_path / "gone.json", required=True)
    assert [p.message for p in problems] == ["organisation settings file not found"]
    assert [p.code for p in problems] == [NOT_FOUND]
    assert "gone.json" in str(problems[0])


@pytest.mark.parametrize(
    "data, message, field",
    [
        ({"default_regime": "scotland", "authority_name": "Org"}, "default_regime must be one of", "default_regime"),
        ({"locked": "authority_name"}, "locked: expected a list of setting names", "locked"),
        ({"locked": ["authority_name", "colour"]}, "locked: no setting is called 'colour'", "locked"),
        ({"library_folders": "one"}, "library_folders: expected a list of text", "library_folders"),
    ],
)
def test_bad_organisation_values_are_named_and_the_rest_still_applies(tmp_path, data, message, field):
    org = write(tmp_path / "org.json", data)
    layered = load_layered(tmp_path / "user.json", org)
    assert len(layered.problems) == 1 and message in str(layered.problems[0])
    assert (layered.problems[0].code, layered.problems[0].field) == (BAD_VALUE, field)
    assert "org.json" in str(layered.problems[0])
    assert layered.preferences.default_regime == "foia"


def test_broken_json_in_the_organisation_file_is_a_problem_not_a_crash(tmp_path):
    org = tmp_path / "org.json"
    org.write_text("{nope", encoding="utf-8")
    layered = load_layered(tmp_path / "user.json", org)
    assert "not valid JSON" in str(layered.problems[0])
    assert layered.problems[0].code == BAD_JSON
    assert layered.preferences == Preferences()


def test_the_user_file_keeps_only_the_users_own_choices(tmp_path):
    org_path = write(
        tmp_path / "org.json", {"default_regime": "foisa", "authority_name": "Org", "locked": ["authority_name"]}
    )
    user = tmp_path / "user.json"
    layered = load_layered(user, org_path)
    chosen = Preferences(**{**layered.preferences.__dict__, "signatory_name": "J. Smith", "authority_name": "Hacked"})
    save_user_preferences(chosen, layered.organisation, user)
    saved = json.loads(user.read_text(encoding="utf-8"))
    assert {k: v for k, v in saved.items() if k != "version"} == {"signatory_name": "J. Smith"}
    # the organisation moves to EISR later: the user, who never chose a regime, follows it
    write(org_path, {"default_regime": "eisr"})
    assert load_layered(user, org_path).preferences.default_regime == "eisr"


def test_merge_is_generic_over_the_preferences_table():
    every_key = {spec.name: getattr(Preferences(), spec.name) for spec in fields(Preferences)}
    org = Organisation(values=dict(every_key), locked=frozenset(every_key))
    assert merge(org, dict.fromkeys(every_key, "user")).__dict__ == every_key


def test_the_path_comes_from_the_environment_variable_else_the_site_config_folder(tmp_path):
    assert default_organisation_path({"FOI_DRAFTER_ORG_SETTINGS": str(tmp_path / "o.json")}) == tmp_path / "o.json"
    from platformdirs import site_config_path

    assert default_organisation_path({}) == site_config_path("foi-drafter", appauthor=False) / ORG_FILE_NAME


def test_the_documented_example_is_valid_and_locks_the_authority():
    organisation, problems = load_organisation(EXAMPLE)
    assert problems == []
    assert {"authorities", "default_authority", "letterhead"} <= organisation.locked
    profile = organisation.baseline().default_profile()
    assert profile is not None and profile.authority.name == "Exampleshire County Council"
