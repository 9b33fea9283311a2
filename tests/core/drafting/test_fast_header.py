"""The fast clause-header reader gives exactly what YAML gives, or declines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from app.core.drafting.clause_header import read_header
from app.core.drafting.clauses import FENCE, _HeaderLoader
from app.core.paths import CLAUSES_DIR

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))


def header_of(text: str) -> str:
    """Return the metadata lines of a clause file."""
    lines = text.splitlines()
    end = lines.index(FENCE, 1)
    return "\n".join(lines[1:end])


def yaml_read(header: str):
    """Read a header with the YAML loader clauses fall back to."""
    return yaml.load(header, Loader=_HeaderLoader)


@pytest.mark.parametrize(
    "header",
    [
        "id: x\ntitle: Plain title – with dash\nstatus: draft",
        'sections: ["30(1)(a)", "40(2)"]\nregimes: [foia, foisa]\nprovides: []',
        "guidance: |\n  Line one.\n\n  Line three.\n\nreview_due: 2027-01-31",
        "review_due: 2027-13-01\noptional: true\napproved_on: 2026-11-01",
        "title: yes\n",
        "title: 12\n",
        "title: null\n",
        "title: 'single'\n",
        'title: "esc\\"aped"\n',
        "title: a: b\n",
        "meta:\n  nested: map\n",
        "title: [unclosed\n",
        "- list\n",
        "title: x # comment\n",
        "guidance: >\n  folded\n",
        "title: 1.5\n",
        "guidance: |\n  a\n  b",
        "guidance: |\n  a\n  b\n",
        "guidance: |\n  a\n\n",
        "guidance: |\n  a\n\n  ",
        "title: ~\n",
        "title: on\n",
        "id: x\nid: y\n",
    ],
)
def test_fast_reader_matches_yaml_or_declines(header):
    fast = read_header(header)
    if fast is not None:
        assert fast == yaml_read(header)


def test_fast_reader_handles_every_shipped_clause_exactly():
    used = 0
    for path in sorted(CLAUSES_DIR.rglob("*.md")):
        if path.name == "GUIDE.md":
            continue
        header = header_of(path.read_text(encoding="utf-8"))
        fast = read_header(header)
        if fast is not None:
            used += 1
            assert fast == yaml_read(header), path
    assert used > 200  # the fast path really is the common path


def test_benchmark_headers_use_the_fast_path():
    from tests.bench.bench_library import clause_text

    for n in range(50):
        header = header_of(clause_text(n))
        assert read_header(header) == yaml_read(header)
