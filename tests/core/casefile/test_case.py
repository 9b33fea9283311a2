"""Case files: loading, validation errors with field paths and lines, and lossless saving."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.core.casefile.model import AddedClause, load_case, parse_case
from app.core.casefile.writing import dump_case, save_case
from app.core.paths import EXAMPLES_DIR
from app.core.problems import InputError

MINIMAL = """\
regime: {regime}
received: 2023-07-05
parts:
  - outcome: {outcome}
    exemptions: {exemptions}
"""


def _errors(text: str) -> list[str]:
    """Return the problem lines raised for a case text."""
    with pytest.raises(InputError) as caught:
        parse_case(text, "case.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "written",
    ["30(1)(a)", "s30(1)(a)", "section 30(1)(a)", "Section 30(1)(a)", "s.30(1)(a)", "30(1)(a)(b)(c)", "S 30 (1)(a)"],
)
def test_every_section_form_officers_write_is_accepted(written):
    case = parse_case(MINIMAL.format(regime="foia", outcome="withheld", exemptions=f'["{written}"]'))
    assert case.parts[0].exemptions == [written]


def test_unknown_section_names_part_and_section_with_line():
    text = (
        MINIMAL.format(regime="foisa", outcome="withheld", exemptions='["38(1)(b)"]')
        + '  - outcome: withheld\n    exemptions: ["25", "43"]\n'
    )
    assert _errors(text) == [
        "case.yaml:7: parts[1].exemptions[1]: FOISA has no section 43 exemption; its exemptions are sections 25 to 41"
    ]


def test_ncnd_with_an_exemption_outside_s18_is_an_error():
    errors = _errors(MINIMAL.format(regime="foisa", outcome="ncnd", exemptions='["25"]'))
    assert errors == [
        "case.yaml:5: parts[0].exemptions[0]: FOISA section 18 (neither confirm nor deny) "
        "cannot be used with section 25 (Information otherwise accessible)"
    ]


def test_ncnd_with_s35_is_allowed_under_foisa():
    case = parse_case(MINIMAL.format(regime="foisa", outcome="ncnd", exemptions='["35(1)(a)"]'))
    assert case.parts[0].outcome == "ncnd"


def test_section_12_as_an_exemption_points_to_the_outcome():
    errors = _errors(MINIMAL.format(regime="foia", outcome="withheld", exemptions='["12(1)"]'))
    assert "record it as the part's outcome instead" in errors[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "regime: foi\nreceived: 2023-01-01\nparts: [{outcome: disclosed}]\n",
            "case.yaml:1: regime: must be one of foia, foisa, eir, eisr, not 'foi'",
        ),
        (
            "regime: foia\nreceived: 2023-02-30\nparts: [{outcome: disclosed}]\n",
            "case.yaml:2: received: must be an ISO date such as 2024-03-01, not '2023-02-30'",
        ),
        (
            "regime: foia\nreceived: 2023-01-01\nparts: []\n",
            "case.yaml:3: parts: must list at least one part (question and outcome)",
        ),
        (
            "regime: foia\nreceived: 2023-01-01\nparts:\n  - outcome: refused\n",
            "case.yaml:4: parts[0].outcome: must be one of disclosed, partial, withheld, not-held, ncnd, "
            "cost-limit, vexatious, repeated, not 'refused'",
        ),
        (
            "regime: foia\nreceived: 2023-01-01\nparts:\n  - outcome: cost-limit\n    cost: {hours: lots}\n",
            "case.yaml:5: parts[0].cost.hours: must be a number, not 'lots'",
        ),
        (
            "regime: foia\nparts: [{outcome: disclosed}]\n",
            "case.yaml:1: received: is required (an ISO date such as 2024-03-01)",
        ),
        ("- just\n- a list\n", "case.yaml:1: a case file must be a mapping of fields (regime, letter, parts, …)"),
        (
            "regime: foia\nparts: [\n",
            "case.yaml:3: not valid YAML: expected the node content, but found '<stream end>'",
        ),
        (
            "regime: foia\nreceived: 2023-01-01\nparts:\n  - outcome: withheld\n",
            "case.yaml:4: parts[0].exemptions: a part with outcome withheld must cite at least one exemption",
        ),
    ],
)
def test_malformed_case_files_get_a_clear_message(text, expected):
    assert expected in _errors(text)


def test_example_cases_survive_a_save_and_reload(tmp_path):
    for example in sorted(EXAMPLES_DIR.glob("*.yaml")):
        case = load_case(example)
        target = tmp_path / example.name
        save_case(case, target)
        assert load_case(target) == case, example.name


def test_odd_characters_and_edits_round_trip(tmp_path):
    case = parse_case(MINIMAL.format(regime="foia", outcome="disclosed", exemptions="[]"))
    case.requester.name = "Zoë O'Brien & <Sons> 🦊 \u0007"
    case.edits.texts["rights/review"] = "Edited:\n\n- one\n- two\n"
    case.edits.removed.append("closing/accessibility")
    case.edits.added.append(AddedClause("foia.advice.cps", "part-1"))
    case.parts[0].cost_hours = Decimal("12.5")
    case.date = dt.date(2023, 8, 2)
    path = tmp_path / "odd.yaml"
    save_case(case, path)
    assert load_case(path) == case


def test_unknown_keys_are_kept_on_save():
    text = MINIMAL.format(regime="foia", outcome="disclosed", exemptions="[]") + "team_note: keep me\n"
    assert "team_note: keep me" in dump_case(parse_case(text))


def test_unreadable_case_file_names_the_file(tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError) as caught:
        load_case(path)
    assert str(caught.value).endswith("binary.yaml: is not UTF-8 text (byte 0)")
