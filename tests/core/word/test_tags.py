"""Block marks in the exported letter: every paragraph carries its block, Markdown reads back exactly."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml.ns import qn

from app.core.casefile.model import load_case
from app.core.drafting import markup
from app.core.drafting.assemble import assemble
from app.core.drafting.library import default_layers, load_library
from app.core.paths import EXAMPLES_DIR
from app.core.word.readback import body_elements, read_letter, read_manifest
from app.core.word.scrub import audit_docx
from app.core.word.tags import PREFIX, digest, markdown_fingerprint
from app.core.word.to_markdown import elements_markdown, style_names
from tests.core.word.wordfiles import TODAY, export_example

EXAMPLES = sorted(p.name for p in EXAMPLES_DIR.glob("*.yaml"))


def _letter(name):
    case = load_case(EXAMPLES_DIR / name)
    return assemble(case, load_library(default_layers([])), dt.date.fromisoformat(TODAY))


def _marks(element) -> list[str]:
    return [b.get(qn("w:name")) for b in element.iter(qn("w:bookmarkStart"))]


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_paragraph_carries_a_hidden_mark_and_the_manifest_lists_each_block(example, tmp_path):
    document = docx.Document(str(export_example(example, tmp_path)))
    elements = list(body_elements(document.element.body))
    assert elements and all(any(m.startswith(PREFIX) for m in _marks(e)) for e in elements)
    manifest = read_manifest(document)
    letter = _letter(example)
    visible = [b for s in letter.sections for b in s.visible_blocks()]
    assert [e.key for e in manifest.entries] == [b.key for b in visible]
    by_key = {e.key: e for e in manifest.entries}
    for block in visible:
        assert by_key[block.key].provides == block.provides
        assert by_key[block.key].clause == block.clause_id


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_block_reads_back_as_the_markdown_it_was_written_from(example, tmp_path):
    document = docx.Document(str(export_example(example, tmp_path)))
    word = read_letter(document)
    styles = style_names(document)
    by_key = {e.key: e for e in word.manifest.entries}
    for section in _letter(example).sections:
        for block in section.visible_blocks():
            text = elements_markdown([i.element for i in word.blocks[block.key].items], styles)
            assert markup.parse(text) == markup.parse(block.text), block.key
            assert digest(markdown_fingerprint(text)) == by_key[block.key].digest
    assert word.lost == [] and word.loose == []


def test_the_manifest_survives_the_scrub_and_the_audit_finds_nothing(tmp_path):
    path = export_example("foia-partial.yaml", tmp_path)
    assert audit_docx(path.read_bytes()) == []
    assert read_manifest(docx.Document(str(path))) is not None


def test_export_for_signature_has_no_marks_and_no_manifest(tmp_path):
    document = docx.Document(str(export_example("foia-partial.yaml", tmp_path, "--for-signature")))
    assert not any(m.startswith(PREFIX) for m in _marks(document.element.body))
    assert read_manifest(document) is None
    assert not [p for p in document.part.package.iter_parts() if "customXml" in str(p.partname)]


def test_text_typed_in_word_joins_the_block_before_it(tmp_path):
    path = export_example("foia-partial.yaml", tmp_path)
    document = docx.Document(str(path))
    word = read_letter(document)
    first = word.blocks["opening/opening"].items[-1].element
    new = docx.Document(str(path)).element.body.makeelement(qn("w:p"), {})
    run = new.makeelement(qn("w:r"), {})
    text = run.makeelement(qn("w:t"), {})
    text.text = "A sentence typed in Word."
    run.append(text)
    new.append(run)
    first.addnext(new)
    again = read_letter(document)
    assert again.blocks["opening/opening"].items[-1].text == "A sentence typed in Word."
    assert again.loose == [] and again.lost == []


def test_a_block_whose_marks_were_lost_is_recognised_by_position(tmp_path):
    document = docx.Document(str(export_example("foia-partial.yaml", tmp_path)))
    word = read_letter(document)
    for item in word.blocks["request/request"].items:
        for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
            for mark in list(item.element.iter(qn(tag))):
                mark.getparent().remove(mark)
    again = read_letter(document)
    assert again.blocks["request/request"].recovered
    assert [i.text for i in again.blocks["request/request"].items] == [
        i.text for i in word.blocks["request/request"].items if i.text.strip()
    ]
