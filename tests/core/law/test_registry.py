"""Tests for the exemption registry: lookups, absolute and NCND rules, coverage and malformed files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.law.citations import parse_citation
from app.core.law.contacts import load_contacts
from app.core.law.data_files import (
    BAD_CITE,
    BAD_VALUE,
    BAD_YAML,
    DUPLICATE_CITE,
    MISSING_KEY,
    NOT_A_MAPPING,
    UNKNOWN_KEY,
    UNREADABLE,
    WRONG_REGIME,
    RegistryError,
)
from app.core.law.registry import NEEDS, REGIMES, TESTS, Provision, Registry, load_registry, read_registry
from app.core.paths import REGISTRY_DIR
from app.core.problems import InputError


@pytest.fixture(scope="module")
def foia() -> Registry:
    return load_registry("foia")


@pytest.fixture(scope="module")
def foisa() -> Registry:
    return load_registry("foisa")


@pytest.fixture(scope="module")
def eir() -> Registry:
    return load_registry("eir")


@pytest.fixture(scope="module")
def eisr() -> Registry:
    return load_registry("eisr")


def _keys(provisions: tuple[Provision, ...] | list[Provision]) -> set[str]:
    return {str(p.cite) for p in provisions}


@pytest.mark.parametrize(
    ("regime", "text", "wording"),
    [
        ("foia", "s30(1)(a)(b)(c)", "section 30(1)(a), (b) and (c)"),
        ("foia", "40(2)", "section 40(2)"),
        ("eir", "reg 12(5)(a)", "regulation 12(5)(a)"),
        ("eisr", "10(5)(d)(e)", "regulation 10(5)(d) and (e)"),
        ("foisa", "30(b)(ii)", "section 30(b)(ii)"),
    ],
)
def test_cite_text(regime: str, text: str, wording: str) -> None:
    assert load_registry(regime).cite_text(text) == wording


# ----------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("regime", "text", "key", "absolute"),
    [
        ("foia", "40(2)(3A)(a)", "40(2)", True),
        ("foia", "40(2)(3B)", "40(2)(3B)", False),
        ("foia", "s40(2)(4A)(a)", "40(2)(4A)", False),
        ("foia", "40(1)", "40(1)", True),
        ("foia", "30(1)(a)(b)(c)(2)", "30", False),
        ("foia", "38(1)(b)", "38", False),
        ("foia", "37(1)(ac)", "37(1)(ac)", False),
        ("foia", "37(1)(a)", "37(1)(a)", True),
        ("foia", "37(1)(aa)", "37(1)(aa)", True),
        ("foia", "37(1)(ab)", "37(1)(ab)", True),
        ("foia", "37(1)(ad)", "37(1)(ad)", False),
        ("foia", "37(1)(b)", "37(1)(b)", False),
        ("foia", "section 21(1)", "21", True),
        ("foia", "22A", "22A", False),
        ("foia", "22(1)(a)", "22", False),
        ("foia", "27(1)(a)", "27(1)", False),
        ("foia", "27(2)", "27(2)", False),
        ("foia", "36(2)(b)(i)", "36", False),
        ("foia", "41(1)(b)", "41", True),
        ("foia", "43(1)", "43(1)", False),
        ("foia", "43(2)", "43(2)", False),
        ("foia", "44(1)(a)", "44", True),
        ("foisa", "38(1)(b)", "38(1)(b)", True),
        ("foisa", "s38(1)(a)", "38(1)(a)", True),
        ("foisa", "30(b)(i)", "30(b)", False),
        ("foisa", "33(1)(b)", "33(1)(b)", False),
        ("foisa", "36(2)", "36(2)", True),
        ("foisa", "36(1)", "36(1)", False),
        ("foisa", "39(1)", "39(1)", False),
        ("foisa", "41(a)", "41(a)", False),
        ("foisa", "41(b)", "41(b)", False),
        ("foisa", "27(1)", "27(1)", False),
        ("foisa", "25(1)", "25", True),
        ("eir", "reg 12(5)(a)", "12(5)(a)", False),
        ("eir", "12(4)(b)", "12(4)(b)", False),
        ("eir", "regulation 13(1)", "13", True),
        ("eisr", "10(5)(f)", "10(5)(f)", False),
        ("eisr", "reg 11", "11", True),
    ],
)
def test_lookup(regime: str, text: str, key: str, absolute: bool) -> None:
    prov = load_registry(regime).lookup(text)
    assert prov is not None
    assert str(prov.cite) == key
    assert prov.absolute is absolute
    assert prov.qualified is (not absolute)


@pytest.mark.parametrize(
    ("regime", "text"),
    [
        ("foisa", "38"),
        ("foisa", "38(1)"),
        ("foisa", "30"),
        ("foisa", "43"),
        ("foia", "40"),
        ("foia", "37"),
        ("foia", "37(2)"),
        ("foia", "12"),
        ("foia", "25"),
        ("eir", "12"),
        ("eisr", "13"),
    ],
)
def test_lookup_misses(regime: str, text: str) -> None:
    assert load_registry(regime).lookup(text) is None


@pytest.mark.parametrize(
    ("regime", "text", "keys"),
    [
        ("foisa", "33(1)(a)(b)", ["33(1)(a)", "33(1)(b)"]),
        ("foisa", "38(1)(a)(b)", ["38(1)(a)", "38(1)(b)"]),
        ("foia", "31(1)(a)(b)", ["31"]),
        ("foia", "37(1)(a)(aa)(ab)", ["37(1)(a)", "37(1)(aa)", "37(1)(ab)"]),
        ("foia", "40(2)", ["40(2)"]),
        ("foia", "45", []),
    ],
)
def test_lookup_all(regime: str, text: str, keys: list[str]) -> None:
    assert [str(p.cite) for p in load_registry(regime).lookup_all(text)] == keys


@pytest.mark.parametrize(
    ("regime", "text", "message"),
    [
        ("foisa", "43", "FOISA has no section 43 exemption; its exemptions are sections 25 to 41"),
        ("foia", "s45", "FOIA has no section 45 exemption; its exemptions are sections 21 to 44"),
        ("eir", "reg 20", "EIR has no regulation 20 exception; its exceptions are regulations 12 and 13"),
        (
            "foia",
            "Section 12(1)",
            "section 12 is not an exemption (Excessive cost of compliance); record it as the part's outcome instead",
        ),
        (
            "foisa",
            "12",
            "section 12 is not an exemption (Excessive cost of compliance); record it as the part's outcome instead",
        ),
        ("foisa", "38", "FOISA section 38 needs a subsection: 38(1)(a), 38(1)(b), 38(1)(c), 38(1)(d)"),
        ("foia", "40", "FOIA section 40 needs a subsection: 40(1), 40(2), 40(2)(3B), 40(2)(4A)"),
        (
            "foisa",
            "38(2)",
            "FOISA section 38(2) is not an exemption; use one of: 38(1)(a), 38(1)(b), 38(1)(c), 38(1)(d)",
        ),
        ("eir", "12", "EIR regulation 12 needs a paragraph: 12(4)(a), 12(4)(b)"),
    ],
)
def test_explain_unknown_exact(regime: str, text: str, message: str) -> None:
    assert load_registry(regime).explain_unknown(text).startswith(message)


@pytest.mark.parametrize(
    ("regime", "text", "fragments"),
    [
        ("foia", "14", ["section 14 is not an exemption", "Vexatious", "Repeated", "outcome"]),
        ("foia", "25", ["section 25 is not an exemption", "not a ground for withholding"]),
        ("foia", "17(1)", ["section 17 is not an exemption", "Refusal notices"]),
        ("foisa", "17", ["Information not held", "outcome"]),
        ("foisa", "s18", ["section 18 is not an exemption", "neither confirm nor deny"]),
        ("foia", "37(2)", ["neither-confirm-nor-deny provision", "37(1)(a)", "37(1)(b)"]),
        ("eir", "7", ["regulation 7 is not an exception", "outcome"]),
        ("eisr", "13", ["regulation 13 is not an exception", "Refusal notices"]),
    ],
)
def test_explain_unknown_fragments(regime: str, text: str, fragments: list[str]) -> None:
    message = load_registry(regime).explain_unknown(text)
    for fragment in fragments:
        assert fragment in message


def test_explain_unknown_is_empty_for_known(foia: Registry) -> None:
    assert foia.explain_unknown("30(1)(a)") == ""


# ----------------------------------------------------------------- absolute / NCND rules

# FOIA s2(3). s37(2) (the NCND provision for s37(1)) has no row of its own: every s37(1)
# row carries ncnd "37(2)", and the NCND follows that row's absoluteness - absolute for
# (a)-(ab), qualified for (ac), (ad) and (b). s36 stays qualified (absolute only for
# House of Commons / Lords information; see its note). 40(2) is the first condition.
FOIA_ABSOLUTE = {"21", "23", "32", "34", "37(1)(a)", "37(1)(aa)", "37(1)(ab)", "40(1)", "40(2)", "41", "44"}
FOISA_ABSOLUTE = {"25", "26", "36(2)", "37", "38(1)(a)", "38(1)(b)", "38(1)(c)", "38(1)(d)"}


def test_foia_absolute_set(foia: Registry) -> None:
    assert _keys([p for p in foia.provisions if p.absolute]) == FOIA_ABSOLUTE


def test_foisa_absolute_set(foisa: Registry) -> None:
    assert _keys([p for p in foisa.provisions if p.absolute]) == FOISA_ABSOLUTE


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("40(5B)", "40(2)"),
        ("23(5)", "23"),
        ("24(2)", "24"),
        ("27(4)(a)", "27(1)"),
        ("27(4)(b)", "27(2)"),
        ("30(3)", "30"),
        ("31(3)", "31"),
    ],
)
def test_ncnd_provisions_are_citations_of_their_exemption(foia: Registry, text: str, target: str) -> None:
    assert str(foia.lookup(text).cite) == target


def test_foia_s37_ncnd_handling(foia: Registry) -> None:
    rows = [p for p in foia.provisions if p.cite.section == "37"]
    assert {p.ncnd for p in rows} == {"37(2)"}
    assert foia.lookup("37(2)") is None


@pytest.mark.parametrize("key", ["41(a)", "41(b)"])
def test_foisa_s41_qualified(foisa: Registry, key: str) -> None:
    assert foisa.provision(key).qualified


def test_foisa_ncnd_only_for_s18_sections(foisa: Registry) -> None:
    allowed = {p for p in foisa.provisions if foisa.allows_ncnd(p)}
    sections = {p.cite.section for p in allowed}
    assert sections == {str(n) for n in range(28, 36)} | {"38", "39", "41"}
    assert _keys([p for p in allowed if p.cite.section == "39"]) == {"39(1)"}
    assert {p.ncnd for p in allowed} == {"18"}


@pytest.mark.parametrize(
    ("regime", "text", "allowed"),
    [
        ("foia", "21", False),
        ("foia", "30", True),
        ("foia", "43(1)", False),
        ("foia", "43(2)", True),
        ("foia", "40(2)(3A)(a)", True),
        ("foisa", "25", False),
        ("foisa", "27(1)", False),
        ("foisa", "36(1)", False),
        ("foisa", "39(2)", False),
        ("foisa", "40", False),
        ("foisa", "39(1)", True),
        ("eir", "12(5)(a)", True),
        ("eir", "12(5)(b)", False),
        ("eir", "12(4)(a)", False),
        ("eisr", "10(5)(a)", True),
        ("foia", "45", False),
    ],
)
def test_allows_ncnd(regime: str, text: str, allowed: bool) -> None:
    assert load_registry(regime).allows_ncnd(text) is allowed


def test_foia_s21_has_no_ncnd(foia: Registry) -> None:
    s21 = foia.provision("21")
    assert s21.ncnd is None
    assert not foia.allows_ncnd(s21)


def test_foia_s36_needs_qualified_person(foia: Registry) -> None:
    assert foia.provision("36").needs == ("qualified-person-opinion",)
    assert [str(p.cite) for p in foia.provisions if "qualified-person-opinion" in p.needs] == ["36"]


@pytest.mark.parametrize(
    ("regime", "keys"),
    [
        ("eir", {"12(5)(d)", "12(5)(e)", "12(5)(f)", "12(5)(g)"}),
        ("eisr", {"10(5)(d)", "10(5)(e)", "10(5)(f)", "10(5)(g)"}),
        ("foia", set()),
        ("foisa", set()),
    ],
)
def test_emissions_override(regime: str, keys: set[str]) -> None:
    reg = load_registry(regime)
    assert _keys([p for p in reg.provisions if p.emissions_override]) == keys


@pytest.mark.parametrize(("regime", "absolute"), [("eir", {"13"}), ("eisr", {"11"})])
def test_regulations_only_personal_data_absolute(regime: str, absolute: set[str]) -> None:
    reg = load_registry(regime)
    assert _keys([p for p in reg.provisions if p.absolute]) == absolute


# ----------------------------------------------------------------- coverage of the tables


def test_foia_part_ii_sections_present(foia: Registry) -> None:
    sections = {p.cite.section for p in foia.provisions}
    expected = {str(n) for n in range(21, 45) if n != 25} | {"22A"}
    assert sections == expected
    assert "25" in _keys(foia.other_sections)


def test_foisa_part_2_sections_present(foisa: Registry) -> None:
    assert {p.cite.section for p in foisa.provisions} == {str(n) for n in range(25, 42)}


@pytest.mark.parametrize(
    ("regime", "keys"),
    [
        (
            "foia",
            {
                "27(1)",
                "27(2)",
                "37(1)(a)",
                "37(1)(aa)",
                "37(1)(ab)",
                "37(1)(ac)",
                "37(1)(ad)",
                "37(1)(b)",
                "40(1)",
                "40(2)",
                "40(2)(3B)",
                "40(2)(4A)",
                "43(1)",
                "43(2)",
            },
        ),
        (
            "foisa",
            {
                "27(1)",
                "27(2)",
                "31(1)",
                "31(4)",
                "32(1)(a)",
                "32(1)(b)",
                "33(1)(a)",
                "33(1)(b)",
                "33(2)",
                "36(1)",
                "36(2)",
                "38(1)(a)",
                "38(1)(b)",
                "38(1)(c)",
                "38(1)(d)",
                "39(1)",
                "39(2)",
                "41(a)",
                "41(b)",
            },
        ),
        ("eir", {f"12(4)({x})" for x in "abcde"} | {f"12(5)({x})" for x in "abcdefg"} | {"13"}),
        ("eisr", {f"10(4)({x})" for x in "abcde"} | {f"10(5)({x})" for x in "abcdefg"} | {"11"}),
    ],
)
def test_split_entries_present(regime: str, keys: set[str]) -> None:
    assert keys <= _keys(load_registry(regime).provisions)


@pytest.mark.parametrize(("regime", "count"), [("eir", 13), ("eisr", 13)])
def test_regulation_exception_count(regime: str, count: int) -> None:
    assert len(load_registry(regime).provisions) == count


@pytest.mark.parametrize(
    ("regime", "keys"),
    [
        ("foia", {"1(3)", "9", "10", "12", "14(1)", "14(2)", "16", "17", "25", "50", "57"}),
        (
            "foisa",
            {"1(3)", "9", "10", "12", "14(1)", "14(2)", "15", "16", "17", "18", "19", "20", "21", "47", "56", "73"},
        ),
        ("eir", {"5", "7", "8", "9", "11", "14", "18"}),
        ("eisr", {"5", "7", "8", "9", "13", "16", "17"}),
    ],
)
def test_other_sections(regime: str, keys: set[str]) -> None:
    assert _keys(load_registry(regime).other_sections) == keys


@pytest.mark.parametrize(
    ("regime", "name", "word", "harm", "regulator"),
    [
        ("foia", "Freedom of Information Act 2000", "section", "would, or would be likely to, prejudice", "ico"),
        (
            "foisa",
            "Freedom of Information (Scotland) Act 2002",
            "section",
            "would, or would be likely to, prejudice substantially",
            "osic",
        ),
        ("eir", "Environmental Information Regulations 2004", "regulation", "would adversely affect", "ico"),
        (
            "eisr",
            "Environmental Information (Scotland) Regulations 2004",
            "regulation",
            "would, or would be likely to, prejudice substantially",
            "osic",
        ),
    ],
)
def test_regime_headers(regime: str, name: str, word: str, harm: str, regulator: str) -> None:
    reg = load_registry(regime)
    assert (reg.regime, reg.name, reg.provision_word, reg.harm_wording, reg.regulator) == (
        regime,
        name,
        word,
        harm,
        regulator,
    )
    assert reg.short_name == regime.upper()
    assert regulator in load_contacts()


@pytest.mark.parametrize("regime", REGIMES)
def test_every_row_has_title_and_source(regime: str) -> None:
    reg = load_registry(regime)
    for row in (*reg.provisions, *reg.other_sections):
        assert row.title.strip(), row.cite
        assert row.source.startswith(f"{regime.upper()} "), row.cite
        assert row.cite.section in row.source.split(";")[0], row.cite
    for prov in reg.provisions:
        assert prov.test in TESTS
        assert set(prov.needs) <= NEEDS


@pytest.mark.parametrize("regime", REGIMES)
def test_ncnd_values_parse(regime: str) -> None:
    reg = load_registry(regime)
    for prov in reg.provisions:
        if prov.ncnd is not None:
            assert str(parse_citation(prov.ncnd)) == prov.ncnd


def test_eisr_uncertain_ncnd_flagged(eisr: Registry) -> None:
    flagged = {str(p.cite) for p in eisr.provisions if "ncnd" in p.uncertain}
    assert flagged == {"10(5)(a)", "11"}


def test_load_registry_is_cached_and_case_insensitive() -> None:
    assert load_registry("FOIA") is load_registry("foia")


def test_load_registry_unknown_regime() -> None:
    with pytest.raises(ValueError, match="unknown regime"):
        load_registry("gdpr")


def test_resources_located_from_module() -> None:
    assert Path(__file__).resolve().parents[3] / "resources" / "registry" == REGISTRY_DIR


# ----------------------------------------------------------------- malformed files


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_HEADER = """regime: foia
name: Test Act
short_name: TA
provision_word: section
harm_wording: "would prejudice"
regulator: ico
other_sections: []
"""


@pytest.mark.parametrize(
    ("rows", "fragment", "code", "field"),
    [
        (
            '  - {cite: "30", title: X, absolute: maybe, test: class, ncnd: null,'
            " emissions_override: false, needs: [], source: s}",
            "absolute must be true or false",
            BAD_VALUE,
            "provisions[0].absolute",
        ),
        (
            "  - {cite: 30, title: X, absolute: false, test: class, ncnd: null,"
            " emissions_override: false, needs: [], source: s}",
            "must be quoted text",
            BAD_CITE,
            "provisions[0].cite",
        ),
        (
            '  - {cite: "30", title: X, absolute: false, test: vibes, ncnd: null,'
            " emissions_override: false, needs: [], source: s}",
            "test 'vibes' is not one of",
            BAD_VALUE,
            "provisions[0].test",
        ),
        (
            '  - {cite: "30", title: X, absolute: false, test: class, ncnd: null,'
            " emissions_override: true, needs: [], source: s}",
            "emissions_override applies only",
            BAD_VALUE,
            "provisions[0].emissions_override",
        ),
        (
            '  - {cite: "30", title: X, absolute: false, test: class, ncnd: null,'
            " emissions_override: false, needs: [coffee], source: s}",
            "needs 'coffee'",
            BAD_VALUE,
            "provisions[0].needs",
        ),
        (
            '  - {cite: "30", absolute: false, test: class, ncnd: null, emissions_override: false, needs: []}',
            "missing 'source'",
            MISSING_KEY,
            "provisions[0].source",
        ),
        (
            '  - {cite: "30", title: X, absolute: false, test: class, ncnd: null,'
            " emissions_override: false, needs: [], source: s, colour: red}",
            "unknown key 'colour'",
            UNKNOWN_KEY,
            "provisions[0].colour",
        ),
    ],
)
def test_read_registry_reports_problems(tmp_path: Path, rows: str, fragment: str, code: str, field: str) -> None:
    path = _write(tmp_path, "foia.yaml", GOOD_HEADER + "provisions:\n" + rows + "\n")
    with pytest.raises(RegistryError) as info:
        read_registry(path)
    assert fragment in str(info.value)
    assert (code, field) in [(p.code, p.field) for p in info.value.problems]
    assert "foia.yaml:9" in str(info.value)  # file and line of the row
    assert isinstance(info.value, InputError)


def test_read_registry_duplicate_and_regime_mismatch(tmp_path: Path) -> None:
    row = (
        '  - {cite: "30", title: X, absolute: false, test: class, ncnd: null,'
        " emissions_override: false, needs: [], source: s}\n"
    )
    path = _write(tmp_path, "foisa.yaml", GOOD_HEADER + "provisions:\n" + row + row)
    with pytest.raises(RegistryError) as info:
        read_registry(path)
    message = str(info.value)
    assert "foisa.yaml" in message
    assert "duplicate cite 30" in message
    assert "regime is 'foia' but the file is for 'foisa'" in message
    assert {p.code for p in info.value.problems} == {DUPLICATE_CITE, WRONG_REGIME}


@pytest.mark.parametrize(
    ("text", "fragment", "code"),
    [
        ("regime: [unclosed\n", "invalid YAML", BAD_YAML),
        ("- just a list\n", "expected a mapping", NOT_A_MAPPING),
        ("regime: foia\n", "missing top-level key 'provisions'", MISSING_KEY),
    ],
)
def test_read_registry_bad_files(tmp_path: Path, text: str, fragment: str, code: str) -> None:
    path = _write(tmp_path, "foia.yaml", text)
    with pytest.raises(RegistryError, match=re.escape(fragment)) as info:
        read_registry(path)
    assert "foia.yaml" in str(info.value)
    assert code in {p.code for p in info.value.problems}


def test_read_registry_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="cannot read file") as info:
        read_registry(tmp_path / "foia.yaml")
    assert [p.code for p in info.value.problems] == [UNREADABLE]


def test_other_section_and_top_level_problems_carry_codes_and_fields(tmp_path: Path) -> None:
    header = GOOD_HEADER.replace("provision_word: section", "provision_word: clause").replace(
        "other_sections: []", 'other_sections:\n  - {cite: "12", title: Cost, role: bribe, source: s}'
    )
    path = _write(tmp_path, "foia.yaml", header + "provisions: []\nextra: 1\n")
    with pytest.raises(RegistryError) as info:
        read_registry(path)
    assert [(p.code, p.field) for p in info.value.problems] == [(UNKNOWN_KEY, "extra")]
    path = _write(tmp_path, "foia.yaml", header + "provisions: [oops]\n")
    with pytest.raises(RegistryError) as info:
        read_registry(path)
    found = [(p.code, p.field) for p in info.value.problems]
    assert found == [
        (BAD_VALUE, "provision_word"),
        (NOT_A_MAPPING, "provisions[0]"),
        (BAD_VALUE, "other_sections[0].role"),
    ]
