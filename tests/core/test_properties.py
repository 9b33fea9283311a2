"""Property-based tests: the case loader, the Markdown subset and the Word writer never crash on any input."""

from __future__ import annotations

import io
import re

import docx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.casefile.model import Case, parse_case
from app.core.drafting import markup
from app.core.drafting.letter import Letter, LetterBlock, LetterSection
from app.core.problems import InputError
from app.core.storage.typed import clean
from app.core.word.export import letter_docx_bytes

SETTINGS = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    [
        "regime",
        "letter",
        "reference",
        "received",
        "date",
        "authority",
        "requester",
        "request",
        "parts",
        "fee",
        "allow_drafts",
        "edits",
        "review",
        "extension_date",
        "clarification",
        "signatory",
    ]
)


def _loads_or_refuses(text: str) -> None:
    try:
        assert isinstance(parse_case(text, "case.yaml"), Case)
    except InputError as exc:
        assert exc.problems and all(str(p).startswith("case.yaml") for p in exc.problems)


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_is_a_case_or_a_message(text):
    _loads_or_refuses(text)


@SETTINGS
@given(st.dictionaries(FIELDS, VALUES, max_size=8))
def test_any_yaml_mapping_is_a_case_or_a_message(data):
    base = {"regime": "foia", "received": "2026-10-01", "parts": [{"outcome": "disclosed"}]}
    _loads_or_refuses(yaml.safe_dump({**base, **data}, allow_unicode=True))


@SETTINGS
@given(st.text(max_size=400))
def test_the_markdown_subset_parses_any_text(text):
    blocks = markup.parse(text)
    assert isinstance(markup.plain_text(blocks), str)


WORDS = st.lists(st.from_regex(r"[A-Za-z]{3,12}", fullmatch=True), min_size=1, max_size=6)


@SETTINGS
@given(WORDS, st.text(max_size=80))
def test_the_word_writer_keeps_every_word_and_always_writes_a_valid_docx(words, noise):
    section = LetterSection(key="body", heading="")
    text = " ".join(words) + "\n\n" + noise
    section.blocks.append(LetterBlock(key="body/x", section="body", topic="x", text=text))
    case = parse_case("regime: foia\nreceived: 2026-10-01\nreference: R\nparts:\n  - outcome: disclosed\n")
    document = docx.Document(io.BytesIO(letter_docx_bytes(Letter(title="T", sections=[section]), case)))
    written = "\n".join(p.text for p in document.paragraphs)
    for word in words:
        assert word in written
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", written)
    assert clean(written) == written
