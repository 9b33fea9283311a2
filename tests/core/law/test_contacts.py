"""Tests for the contact details of regulators, tribunals and courts, and malformed contacts files."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.law.contacts import CONTACT_BODIES, MISSING_BODY, load_contacts, read_contacts
from app.core.law.data_files import BAD_VALUE, MISSING_KEY, RegistryError


def test_contacts_bodies() -> None:
    assert set(load_contacts()) == set(CONTACT_BODIES)


@pytest.mark.parametrize(
    ("body", "address", "phone"),
    [
        ("ico", ["Wycliffe House", "Water Lane", "Wilmslow", "Cheshire", "SK9 5AF"], "0303 123 1113"),
        ("osic", ["Kinburn Castle", "Doubledykes Road", "St Andrews", "Fife", "KY16 9DS"], "01334 464610"),
        ("court_of_session", ["Parliament House", "Parliament Square", "Edinburgh", "EH1 1RQ"], "0131 225 2595"),
        ("cps", ["Information Management Unit", "102 Petty France", "London", "SW1H 9EA"], "020 3357 0899"),
        ("copfs", ["Crown Office", "25 Chambers Street", "Edinburgh", "EH1 1LA"], "0300 020 3000"),
        ("tribunal", [], "0300 123 4504"),
    ],
)
def test_contact_addresses(body: str, address: list[str], phone: str) -> None:
    entry = load_contacts()[body]
    assert entry["address"] == address
    assert entry["phone"] == phone
    assert entry["source"].strip() and ".md" not in entry["source"]


@pytest.mark.parametrize(
    ("body", "uncertain"),
    [
        ("ico", []),
        ("osic", ["email", "complaint_url"]),
        ("tribunal", ["address"]),
        ("court_of_session", []),
        ("cps", ["address"]),
        ("copfs", ["email"]),
        ("spso", ["address"]),
    ],
)
def test_contact_uncertain_fields(body: str, uncertain: list[str]) -> None:
    entry = load_contacts()[body]
    assert entry["uncertain"] == uncertain
    for field in ("email", "complaint_url"):
        if field in uncertain:
            assert entry[field] is None


def test_contact_details() -> None:
    contacts = load_contacts()
    assert contacts["cps"]["email"] == "IMU@cps.gov.uk"
    assert contacts["tribunal"]["email"] == "GRC@justice.gov.uk"
    assert contacts["tribunal"]["website"].startswith("https://www.gov.uk/guidance/information-rights")
    assert contacts["ico"]["complaint_url"] == "https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/"


def test_load_contacts_returns_a_copy() -> None:
    first = load_contacts()
    first["ico"]["address"].append("scribble")
    assert "scribble" not in load_contacts()["ico"]["address"]


def test_read_contacts_reports_problems(tmp_path: Path) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text(
        "ico:\n  name: ICO\n  address: Wilmslow\n  phone: null\n  email: null\n"
        "  website: null\n  uncertain: [fax]\n  source: s\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as info:
        read_contacts(path)
    message = str(info.value)
    assert "contacts.yaml" in message
    assert "missing body 'osic'" in message
    assert "ico: 'address' must be a list" in message
    assert "ico: missing 'complaint_url'" in message
    assert "ico: uncertain names unknown field 'fax'" in message
    found = {(p.code, p.field) for p in info.value.problems}
    assert {(MISSING_BODY, "osic"), (BAD_VALUE, "ico.address"), (MISSING_KEY, "ico.complaint_url")} <= found
    assert (BAD_VALUE, "ico.uncertain") in found
