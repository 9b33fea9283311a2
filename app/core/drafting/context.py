"""What clause templates can read: typed views of a case, and the catalogue generated from them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from app.core.drafting.templating import Trusted
from app.core.drafting.undefined import describe_places

# The views are read-only snapshots for templates, built afresh for each letter and
# never compared, hashed or printed. They are frozen but go without the generated __eq__, __hash__
# and __repr__ (they compare by identity): defining a class costs Python 3.11 one compile per
# generated method, and these nine are defined at every start of the app and the command line.


def doc(text: str, example: Any) -> dict[str, Any]:
    """Return field metadata documenting a template variable."""
    return {"doc": text, "example": example}


@dataclass(frozen=True, eq=False, repr=False)
class ContactView:
    """Contact details of a body named in letters (regulator, court, prosecutor)."""

    name: str = field(metadata=doc("Name of the body", "Information Commissioner's Office"))
    address: list[str] = field(metadata=doc("Postal address lines", ["Wycliffe House", "Water Lane"]))
    phone: str = field(metadata=doc("Telephone number", "0303 123 1113"))
    email: str = field(metadata=doc("E-mail address (empty when not verified)", ""))
    website: str = field(metadata=doc("Website", "https://ico.org.uk"))
    complaint_url: str = field(metadata=doc("Online complaint or appeal page", "https://ico.org.uk/make-a-complaint/"))
    title: str = field(
        default="", metadata=doc("The body as the law names it, on the letter's date", "Information Commissioner")
    )
    short: str = field(
        default="", metadata=doc("Its name after the first mention ('the Commissioner')", "Commissioner")
    )
    abbreviation: str = field(default="", metadata=doc("Its usual short form ('the ICO')", "ICO"))
    first_mention: str = field(
        default="", metadata=doc("The office with its short form", "Information Commissioner's Office (ICO)")
    )


@dataclass(frozen=True, eq=False, repr=False)
class ReasonsView:
    """The officer's own public interest reasons for a ground that is not an exemption of a part."""

    for_disclosure: str = field(default="", metadata=doc("The officer's factors for disclosure (Markdown)", ""))
    against: str = field(default="", metadata=doc("The officer's factors against disclosure (Markdown)", ""))
    balance: str = field(default="", metadata=doc("The officer's reasons for the balance (Markdown)", ""))


@dataclass(frozen=True, eq=False, repr=False)
class ExemptionView:
    """One section relied on for a part, with what the registry knows about it."""

    cite: str = field(metadata=doc("The section as cited, in canonical form", "30(1)(a)(b)(c)"))
    cite_text: str = field(metadata=doc("Letter wording of the citation", "section 30(1)(a), (b) and (c)"))
    key: str = field(metadata=doc("The registry entry it matched", "30"))
    title: str = field(metadata=doc("Short title of the provision", "Investigations and proceedings"))
    absolute: bool = field(metadata=doc("True when no public interest test applies", False))
    qualified: bool = field(metadata=doc("True when a public interest test applies", True))
    test: str = field(metadata=doc("class, prejudice, endanger, required, actionable or personal-data", "class"))
    harm_wording: str = field(metadata=doc("The regime's harm test wording", "would, or would be likely to, prejudice"))
    ncnd_provision: str = field(metadata=doc("The provision removing the duty to confirm or deny", "30(3)"))
    ncnd_cite_text: str = field(
        default="",
        metadata=doc("Letter wording of the NCND provision relied on", "section 30(3), read with section 30(1)"),
    )
    numbers: list[int] = field(default_factory=list, metadata=doc("Numbers of the questions relying on it", [1, 3]))
    questions: str = field(default="", metadata=doc("The questions relying on it, in words", "questions 1 and 3"))
    ncnd: bool = field(default=False, metadata=doc("True when used to neither confirm nor deny", False))
    for_questions: str = field(
        default="",
        metadata=doc("The questions relying on it, when not all of them ('' otherwise)", "questions 4 and 6"),
    )
    harm: str = field(default="", metadata=doc("The officer's own harm reasons for this case (Markdown)", ""))
    likelihood: str = field(
        default="would be likely to",
        metadata=doc(
            "The level of harm claimed: 'would' when the officer recorded it, else 'would be likely to' "
            "(the lower level, met whenever the higher one is)",
            "would be likely to",
        ),
    )
    for_disclosure: str = field(default="", metadata=doc("The officer's factors for disclosure (Markdown)", ""))
    against: str = field(default="", metadata=doc("The officer's factors against disclosure (Markdown)", ""))
    balance: str = field(default="", metadata=doc("The officer's reasons for the balance (Markdown)", ""))
    pit_recorded: bool = field(
        init=False,
        default=False,
        metadata=doc("True when the officer recorded public interest reasons (for, against or the balance)", False),
    )
    opinion_by: str = field(default="", metadata=doc("s36: the qualified person who gave the opinion", ""))
    opinion_date: dt.date | None = field(default=None, metadata=doc("s36: date of the opinion", None))
    publication_date: dt.date | None = field(default=None, metadata=doc("s22/s27: intended publication date", None))
    within_12_weeks: bool = field(default=False, metadata=doc("FOISA s27(1): to be published within 12 weeks", False))
    purposes: list[str] = field(default_factory=list, metadata=doc("s31(2)/s35(2) purposes, in words", []))
    matter_live: bool = field(default=False, metadata=doc("True when the officer recorded the matter is live", False))
    not_emissions: bool = field(
        default=False, metadata=doc("True when the officer recorded that it is not on emissions", False)
    )

    def __post_init__(self) -> None:
        """Work out the facts that follow from others (kept right by dataclasses.replace, which calls this)."""
        object.__setattr__(self, "pit_recorded", bool(self.for_disclosure or self.against or self.balance))


@dataclass(frozen=True, eq=False, repr=False)
class PartView:
    """One question of the request and the officer's decision on it."""

    number: int = field(metadata=doc("Number of the part, from 1", 1))
    question: str = field(metadata=doc("The question, restated", "How many arrests were made?"))
    outcome: str = field(
        metadata=doc("disclosed, partial, withheld, not-held, ncnd, cost-limit, vexatious or repeated", "partial")
    )
    exemptions: list[ExemptionView] = field(metadata=doc("Sections relied on for this part", []))
    qualified_exemptions: list[ExemptionView] = field(metadata=doc("Those needing a public interest test", []))
    answer: str = field(metadata=doc("The officer's own answer (Markdown)", "The figures are in the table below."))
    cost_hours: str = field(metadata=doc("Officer's estimate of hours, empty if none", "45"))
    cost_estimate: str = field(metadata=doc("Estimated cost at the regime's rate, empty if none", "£675"))
    opinion_by: str = field(metadata=doc("Qualified person who gave the s36 opinion", ""))
    opinion_date: dt.date | None = field(metadata=doc("Date of the s36 opinion", None))
    review_decision: str = field(
        default="", metadata=doc("Review outcome: upheld, upheld-with-changes, overturned or new-decision", "")
    )
    review_reasons: str = field(default="", metadata=doc("The reviewer's reasons for this part (Markdown)", ""))
    questions: str = field(default="", metadata=doc("This part in words ('question 2', or 'your request')", ""))


@dataclass(frozen=True, eq=False, repr=False)
class GroupView:
    """Parts that share an outcome (a decision) or a ground of refusal (a reasons section)."""

    kind: str = field(metadata=doc("The outcome, or the ground: exemption, ncnd, not-held, cost, …", "cost"))
    outcomes: list[str] = field(metadata=doc("The outcomes of the parts in the group", ["cost-limit"]))
    parts: list[PartView] = field(metadata=doc("The parts in the group", []))
    numbers: list[int] = field(metadata=doc("Their question numbers", [2, 3]))
    questions: str = field(metadata=doc("The questions in words ('your request' when all)", "questions 2 and 3"))
    all_parts: bool = field(metadata=doc("True when the group covers the whole request", False))
    exemptions: list[ExemptionView] = field(metadata=doc("Each exemption the group relies on, once", []))
    heading: str = field(metadata=doc("The heading of the group's reasons section", "Information we do not hold"))
    qualified: bool = field(default=False, metadata=doc("True when any of its exemptions is qualified", False))
    explained: bool = field(default=False, metadata=doc("True when any of its parts has the officer's text", False))
    partial_questions: str = field(default="", metadata=doc("Its questions answered in part, in words", ""))
    withheld_questions: str = field(default="", metadata=doc("Its questions withheld in full, in words", ""))


@dataclass(frozen=True, eq=False, repr=False)
class CostView:
    """The cost limit that applies to this authority under this regime."""

    limit: str = field(metadata=doc("The limit in pounds", "£600"))
    rate: str = field(metadata=doc("Hourly rate for staff time", "£15"))
    hours: str = field(metadata=doc("Hours the limit represents", "40"))
    regulations: str = field(metadata=doc("The regulations that set the limit", "SSI 2004/467"))
    statutory: bool = field(metadata=doc("False for EIR/EISR, where it is only an indicator", True))
    estimate_hours: str = field(default="", metadata=doc("The officer's estimate for the request, in hours", "120"))
    estimate: str = field(default="", metadata=doc("That estimate at the regime's rate", "£1,800"))
    exceeds: bool = field(default=False, metadata=doc("True when the estimate is over the limit", True))
    aggregated: bool = field(default=False, metadata=doc("True when related requests were aggregated", False))
    aggregation_reason: str = field(default="", metadata=doc("Why the requests were aggregated (Markdown)", ""))


@dataclass(frozen=True, eq=False, repr=False)
class PersonView:
    """A person or organisation with a name and address."""

    name: str = field(metadata=doc("Name", "A. Requester"))
    address: list[str] = field(metadata=doc("Address lines", ["1 Example Street", "Glasgow G1 1AA"]))
    email: str = field(metadata=doc("E-mail address", "requester@example.org"))
    phone: str = field(metadata=doc("Telephone number", ""))
    role: str = field(metadata=doc("Role (signatory)", "Information Manager"))


@dataclass(frozen=True, eq=False, repr=False)
class ReviewView:
    """Facts of the internal review being answered."""

    requested: dt.date | None = field(metadata=doc("Date the review was requested", None))
    original_reference: str = field(metadata=doc("Reference of the original response", "FOI 23-1751"))
    original_date: dt.date | None = field(metadata=doc("Date of the original response", None))
    decision: str = field(metadata=doc("upheld, upheld-modified, substituted or overturned", "upheld"))
    reasons: str = field(metadata=doc("Reviewer's reasons (Markdown)", ""))
    independent: bool = field(
        default=False, metadata=doc("True when recorded that the reviewer was independent", False)
    )


@dataclass(frozen=True, eq=False, repr=False)
class CaseView:
    """The whole case as clause templates see it."""

    regime: str = field(metadata=doc("foia, foisa, eir or eisr", "foisa"))
    regime_name: str = field(
        metadata=doc("Full name of the Act or Regulations", "Freedom of Information (Scotland) Act 2002")
    )
    act: str = field(metadata=doc("Short name of the Act or Regulations", "FOISA"))
    provision_word: str = field(metadata=doc("section or regulation", "section"))
    letter: str = field(metadata=doc("Letter kind", "response"))
    reference: str = field(metadata=doc("Our reference", "IM-FOI-2023-1751"))
    received: dt.date = field(metadata=doc("Date the request was received", dt.date(2023, 7, 5)))
    date: dt.date = field(metadata=doc("Date of the letter", dt.date(2023, 8, 2)))
    due: dt.date = field(metadata=doc("Statutory due date of the response", dt.date(2023, 8, 2)))
    late: bool = field(metadata=doc("True when the letter is dated after the due date", False))
    authority: PersonView = field(metadata=doc("The authority sending the letter", None))
    foi_contact: PersonView = field(metadata=doc("Where requesters write for reviews (FOI unit)", None))
    requester: PersonView = field(metadata=doc("The requester", None))
    signatory: PersonView = field(metadata=doc("Who signs the letter", None))
    request: str = field(metadata=doc("The request as received", "Please tell me…"))
    parts: list[PartView] = field(metadata=doc("The parts of the request", []))
    multi_part: bool = field(metadata=doc("True when the request has several parts", True))
    outcomes: list[str] = field(metadata=doc("Distinct outcomes across parts", ["cost-limit"]))
    exemptions: list[ExemptionView] = field(metadata=doc("Distinct sections relied on across parts", []))
    refusal: bool = field(metadata=doc("True when any part is refused in whole or part", True))
    cost: CostView = field(metadata=doc("Cost limit for this authority and regime", None))
    regulator: ContactView = field(
        metadata=doc("The regime's regulator (ICO or Scottish Information Commissioner)", None)
    )
    review: ReviewView | None = field(metadata=doc("Internal review facts (review-outcome letters)", None))
    clarification: str = field(metadata=doc("What the officer needs clarified (Markdown)", ""))
    extension_date: dt.date | None = field(metadata=doc("Estimated date of the public interest decision", None))
    fee: str = field(metadata=doc("Fee due (fees notice)", "£25"))
    review_deadline: dt.date | None = field(metadata=doc("Last day to ask for a review (40 working days)", None))
    layout: str = field(default="quoted-request", metadata=doc("quoted-request or question-by-question", ""))
    salutation: str = field(default="Dear Sir or Madam", metadata=doc("The greeting", "Dear Ms Smith"))
    decisions: list[GroupView] = field(default_factory=list, metadata=doc("One group per outcome", []))
    grounds: list[GroupView] = field(default_factory=list, metadata=doc("One group per ground of refusal", []))
    s48: str = field(
        default="", metadata=doc("FOISA s48: 'full' or 'partial' when it limits applying to the Commissioner", "")
    )
    authority_kind: str = field(default="", metadata=doc("The authority's kind (police, council, …)", "police"))
    burden_reasons: ReasonsView = field(
        default_factory=ReasonsView,
        metadata=doc(
            "The officer's public interest reasons for EIR reg 12(4)(b) / EISR reg 10(4)(b) when the request "
            "is refused as too costly, vexatious or repeated (empty otherwise)",
            None,
        ),
    )
    review_groups: list[GroupView] = field(
        default_factory=list, metadata=doc("Review outcomes: one group per review decision", [])
    )


TOP_LEVEL: dict[str, tuple[Any, str]] = {
    "case": (CaseView, "The case (always available)"),
    "part": (PartView, "The part being answered (in part sections)"),
    "exemption": (ExemptionView, "The exemption being explained (in exemption slots)"),
    "group": (GroupView, "The outcome or ground being written (in decision slots and grounds sections)"),
    "contacts": (dict, "Other bodies by key: ico, osic, tribunal, court_of_session, cps, copfs"),
}

describe_places({name: text for name, (_kind, text) in TOP_LEVEL.items()})  # for plain undefined-fact errors

CONTACT_KEYS = ("ico", "osic", "tribunal", "court_of_session", "cps", "copfs", "spso")


@dataclass(frozen=True)
class CatalogueEntry:
    """One variable clause authors can use."""

    path: str
    type: str
    doc: str
    example: str


@lru_cache(maxsize=1)
def _catalogue() -> tuple[CatalogueEntry, ...]:
    """Build the catalogue once: the view classes do not change while the app runs."""
    return tuple(_build_catalogue())


def catalogue() -> list[CatalogueEntry]:
    """List every variable path a clause can read, generated from the view classes."""
    return list(_catalogue())


def _build_catalogue() -> list[CatalogueEntry]:
    """Describe every top-level variable and its fields."""
    entries: list[CatalogueEntry] = []
    for name, (kind, text) in TOP_LEVEL.items():
        entries.append(CatalogueEntry(name, _type_name(kind), text, ""))
        if kind is dict:
            for key in CONTACT_KEYS:
                entries.append(CatalogueEntry(f"{name}.{key}", "ContactView", f"Contact details: {key}", ""))
                entries.extend(_fields_of(ContactView, f"{name}.{key}"))
        else:
            entries.extend(_fields_of(kind, name))
    return entries


@lru_cache(maxsize=1)
def known_paths() -> frozenset[tuple[str, ...]]:
    """Return every readable variable path as a tuple of names."""
    return frozenset(tuple(entry.path.split(".")) for entry in _catalogue())


@lru_cache(maxsize=1)
def known_prefixes() -> frozenset[tuple[str, ...]]:
    """Return every path and every leading part of a path (case, case.requester, …)."""
    return frozenset(p[:i] for p in known_paths() for i in range(1, len(p) + 1))


def _fields_of(kind: type, prefix: str, depth: int = 0) -> list[CatalogueEntry]:
    """Describe the fields of a view class, descending into nested views."""
    hints = typing.get_type_hints(kind)
    entries: list[CatalogueEntry] = []
    for f in dataclasses.fields(kind):
        path = f"{prefix}.{f.name}"
        hint = hints[f.name]
        example = f.metadata.get("example")
        entries.append(
            CatalogueEntry(path, _type_name(hint), f.metadata.get("doc", ""), "" if example is None else str(example))
        )
        nested = _view_class(hint)
        if nested is not None and depth < 2 and not _is_list(hint):
            entries.extend(_fields_of(nested, path, depth + 1))
    return entries


def _view_class(hint: Any) -> type | None:
    """Return the view dataclass inside a hint (X, X | None, list[X]), if any."""
    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and dataclasses.is_dataclass(arg):
            return arg
    return None


def _is_list(hint: Any) -> bool:
    """Tell whether a hint is a list type."""
    return typing.get_origin(hint) is list


def _type_name(hint: Any) -> str:
    """Return a readable type name for the catalogue."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return " or ".join(_type_name(a) for a in typing.get_args(hint))
    if typing.get_origin(hint) is list:
        return f"list of {_type_name(typing.get_args(hint)[0])}"
    names = {str: "text", bool: "true/false", int: "number", dt.date: "date", dict: "mapping", type(None): "none"}
    return names.get(hint, getattr(hint, "__name__", str(hint)))


def trusted(text: str) -> Trusted:
    """Mark officer-written Markdown as safe to insert unescaped."""
    return Trusted(text)
