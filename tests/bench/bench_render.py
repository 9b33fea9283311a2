"""Benchmark: render + export of the example letters and a 30-part request, against docxtpl.

Run with `make bench` or `.venv/bin/python tests/bench/bench_render.py`. Prints median times.
docxtpl fills an equivalent Word template with the same content (headings and paragraphs), so
the comparison is our whole pipeline (clause selection, sandboxed rendering, Markdown parsing,
Word writing) against docxtpl's template fill and save.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import docx
from docxtpl import DocxTemplate

from app.core.casefile.model import Part, load_case
from app.core.drafting import markup
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library
from app.core.paths import EXAMPLES_DIR
from app.core.word.export import ExportOptions, letter_docx_bytes

TODAY = dt.date(2026, 11, 21)
RUNS = 30


def median_ms(action, runs: int = RUNS) -> float:
    """Return the median wall time of an action in milliseconds (after one warm-up run)."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def thirty_part_case():
    """The FOIA example widened to 30 parts with mixed outcomes."""
    return many_part_case(30)


def many_part_case(count: int):
    """The FOIA example widened to count parts with mixed outcomes."""
    case = load_case(EXAMPLES_DIR / "foia-partial.yaml")
    template = case.parts
    case.parts = []
    for index in range(count):
        part = copy.deepcopy(template[index % len(template)])
        part.question = f"Question {index + 1}: {part.question}"
        case.parts.append(part)
    case.parts[5] = Part(outcome="cost-limit", question="Everything else", answer="")
    return case


def docxtpl_template(folder: Path) -> Path:
    """Write a Word template that lays out sections of headings and paragraphs with docxtpl tags."""
    document = docx.Document()
    document.add_paragraph("Our reference: {{ reference }}")
    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{%p for section in sections %}")
    document.add_paragraph("{{ section.heading }}", style="Heading 1")
    document.add_paragraph("{%p for text in section.paragraphs %}")
    document.add_paragraph("{{ text }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    path = folder / "template.docx"
    document.save(str(path))
    return path


def docxtpl_context(letter, case) -> dict:
    """The same content as plain headings and paragraphs."""
    sections = []
    for section in letter.sections:
        paragraphs = [markup.plain_text(markup.parse(b.text)) for b in section.visible_blocks()]
        sections.append({"heading": section.heading, "paragraphs": paragraphs})
    return {"reference": case.reference, "title": letter.title, "sections": sections}


def render_with_docxtpl(template: Path, context: dict) -> bytes:
    """Fill the docxtpl template and save it to memory."""
    document = DocxTemplate(str(template))
    document.render(context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    """Print the median times."""
    library = load_library()
    cases = {
        "FOIA example (MPS-style)": load_case(EXAMPLES_DIR / "foia-partial.yaml"),
        "FOISA example (Police Scotland-style)": load_case(EXAMPLES_DIR / "foisa-cost-limit.yaml"),
        "30-part FOIA request": thirty_part_case(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        template = docxtpl_template(Path(tmp))
        print(f"median of {RUNS} runs, in-process")
        for name, case in cases.items():
            ours = median_ms(
                lambda: letter_docx_bytes(assemble(case, library, TODAY), case, ExportOptions(today=TODAY))
            )
            letter = assemble(case, library, TODAY)
            assert not letter.problems, letter.problems
            context = docxtpl_context(letter, case)
            theirs = median_ms(lambda: render_with_docxtpl(template, context))
            print(
                f"{name:40s} ours {ours:7.1f} ms   docxtpl {theirs:7.1f} ms   ratio ours/docxtpl {ours / theirs:4.2f}"
            )


if __name__ == "__main__":
    main()
