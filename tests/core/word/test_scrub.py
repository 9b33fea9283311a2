"""A letter exported over a dirty Word letterhead carries none of the letterhead's traces."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
import pytest
from lxml import etree

from app.core.casefile.model import parse_case
from app.core.drafting.letter import Letter, LetterBlock, LetterSection
from app.core.paths import LETTERHEAD
from app.core.word.export import ExportOptions, letter_docx_bytes
from app.core.word.scrub import audit_docx, scrub_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
CASE = parse_case(
    "regime: foia\nreference: FOI-9\nreceived: 2026-10-01\ndate: 2026-10-20\n"
    "requester: A. Person\nrequest: Send it.\nparts:\n  - outcome: disclosed\n"
)
PROFILE = "C:\\" + "Users\\jsmith"  # a Windows profile folder, spelt in two parts
SECRETS = [
    "jsmith@council.example",  # custom property: owner e-mail
    "\\\\fileserver\\legal\\drafts",  # custom property: server path
    "Jane Smith",  # comment author
    "Do not send this to requesters",  # comment text
    "S-1-5-21-1004",  # people.xml directory user id
    "DELETED HEADER TEXT",  # tracked deletion in the header
    "Old Council Name",  # tracked deletion's author and text
    "HIDDEN NOTE",  # hidden text in the header
    "CaseWorkerVar",  # document variable
    PROFILE,  # attached template path and image description
    "Revision Author",  # author of tracked insertion / formatting change
]


def _png() -> bytes:
    """A 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b"")
    )


def _dirty_letterhead(tmp_path):
    """Build a letterhead with every trace a Word-made template can carry."""
    document = docx.Document(str(LETTERHEAD))
    header = document.sections[0].first_page_header
    paragraph = header.paragraphs[0]
    paragraph.add_run("Example Council").add_picture(io.BytesIO(_png()))
    for tag in ("docPr", "cNvPr"):
        for element in header._element.iter(f"{{*}}{tag}"):
            element.set("descr", PROFILE + "\\Pictures\\logo.png")
            element.set("name", PROFILE + "\\Pictures\\logo.png")
    extra = (
        f'<w:p {NS} w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD">'
        '<w:ins w:id="1" w:author="Revision Author" w:date="2026-01-01T00:00:00Z"><w:r><w:t>New line</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="Old Council Name" w:date="2026-01-01T00:00:00Z">'
        "<w:r><w:delText>DELETED HEADER TEXT</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN NOTE</w:t></w:r>"
        '<w:commentRangeStart w:id="0"/><w:r w:rsidRPr="00FF00FF"><w:rPr><w:b/>'
        '<w:rPrChange w:id="3" w:author="Revision Author"><w:rPr/></w:rPrChange></w:rPr><w:t>Kept text</w:t></w:r>'
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    header._element.append(etree.fromstring(extra))
    settings = document.settings.element
    settings.append(etree.fromstring(f"<w:trackRevisions {NS}/>"))
    settings.append(etree.fromstring(f'<w:docVars {NS}><w:docVar w:name="CaseWorkerVar" w:val="jsmith"/></w:docVars>'))
    settings.insert(
        0,
        etree.fromstring(
            f'<w:attachedTemplate {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdT"/>'
        ),
    )
    raw = io.BytesIO()
    document.save(raw)
    return _add_parts(raw.getvalue(), tmp_path / "dirty.docx")


def _add_parts(data: bytes, path):
    """Add custom properties, comments, people and the template relationship to a saved package."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "docProps/custom.xml": (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
            "<vt:lpwstr>jsmith@council.example</vt:lpwstr></property>"
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Path">'
            "<vt:lpwstr>\\\\fileserver\\legal\\drafts</vt:lpwstr></property></Properties>"
        ),
        "word/comments.xml": (
            f'<w:comments {NS}><w:comment w:id="0" w:author="Jane Smith" w:initials="JS">'
            "<w:p><w:r><w:t>Do not send this to requesters</w:t></w:r></w:p></w:comment></w:comments>"
        ),
        "word/people.xml": (
            '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
            '<w15:person w15:author="Jane Smith"><w15:presenceInfo w15:providerId="AD" w15:userId="S-1-5-21-1004"/>'
            "</w15:person></w15:people>"
        ),
        "word/_rels/settings.xml.rels": (
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdT" Type="{rel}/attachedTemplate" '
            f'Target="file:///{PROFILE}\\Templates\\Letter.dotx" TargetMode="External"/></Relationships>'
        ),
    }
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            blob = source.read(name)
            if name == "[Content_Types].xml":
                blob = blob.replace(
                    b"</Types>",
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                    b'<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                    b'<Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>',
                )
            elif name == "_rels/.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdC" Type="{rel}/custom-properties" Target="docProps/custom.xml"/></Relationships>'.encode(),
                )
            elif name == "word/_rels/document.xml.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdM" Type="{rel}/comments" Target="comments.xml"/>'
                    f'<Relationship Id="rIdP" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>'
                    "</Relationships>".encode(),
                )
            target.writestr(name, blob)
        for name, text in parts.items():
            target.writestr(name, text)
    return path


def _letter() -> Letter:
    section = LetterSection(key="body", heading="")
    section.blocks.append(LetterBlock(key="body/x", section="body", topic="x", text="The body of the letter.\n"))
    return Letter(title="Your request", sections=[section])


def _all_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(package.read(n).decode("utf-8", "replace") for n in package.namelist())


@pytest.fixture
def exported(tmp_path):
    letterhead = _dirty_letterhead(tmp_path)
    dirty = letterhead.read_bytes()
    assert all(secret in _all_text(dirty) for secret in SECRETS)  # the fixture really is dirty
    assert len(audit_docx(dirty)) > 10
    return letter_docx_bytes(_letter(), CASE, ExportOptions(letterhead=letterhead))


def test_no_letterhead_trace_survives_export(exported):
    text = _all_text(exported)
    for secret in SECRETS:
        assert secret not in text, secret
    names = zipfile.ZipFile(io.BytesIO(exported)).namelist()
    for part in ("docProps/custom.xml", "word/comments.xml", "word/people.xml"):
        assert part not in names
    for marker in ("rsid", "w:ins ", "w:del ", "w:delText", "w:vanish", "w:docVars", "attachedTemplate"):
        assert marker not in text, marker
    assert "trackRevisions" not in text
    assert audit_docx(exported) == []


def test_the_letter_still_opens_and_keeps_its_visible_header(exported):
    document = docx.Document(io.BytesIO(exported))
    header = "\n".join(p.text for p in document.sections[0].first_page_header.paragraphs)
    assert "Example Council" in header
    assert "New line" in header  # the tracked insertion is accepted
    assert "Kept text" in header
    assert "The body of the letter." in "\n".join(p.text for p in document.paragraphs)
    assert "<wp:docPr" in document.sections[0].first_page_header._element.xml  # the logo stays


def _doc_id(data: bytes) -> str:
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml")
    return etree.fromstring(settings).find("{*}docId").get("{http://schemas.microsoft.com/office/word/2010/wordml}val")


def test_each_letter_gets_its_own_document_id():
    first = letter_docx_bytes(_letter(), CASE)
    other = parse_case(
        "regime: foia\nreference: FOI-10\nreceived: 2026-10-01\nrequester: B. Person\nparts:\n  - outcome: disclosed\n"
    )
    second = letter_docx_bytes(_letter(), other)
    assert _doc_id(first) != _doc_id(second)
    assert letter_docx_bytes(_letter(), CASE) == first  # the same letter exports identically
    assert _doc_id(first) != _doc_id(LETTERHEAD.read_bytes())
    assert "rsid" not in _all_text(first)


def test_scrub_keeps_alternative_text_that_is_not_a_path():
    data = letter_docx_bytes(_letter(), CASE)
    assert scrub_docx(data) != b""
    assert audit_docx(scrub_docx(data)) == []


def test_a_very_long_reference_still_exports(tmp_path):
    case = parse_case(
        "regime: foia\nreference: " + "R" * 400 + "\nreceived: 2026-10-01\nparts:\n  - outcome: disclosed\n"
    )
    document = docx.Document(io.BytesIO(letter_docx_bytes(_letter(), case)))
    assert len(document.core_properties.title) == 255


def _scrub_every_element(root, doc_id, keep_revisions=False):
    """The scrub as a walk over every element in Python (what the libxml2 searches must match)."""
    from app.core.word import scrub

    for element in list(root.iter(etree.Element)):
        tag = element.tag
        if keep_revisions and tag in scrub.REVISIONS:
            continue
        if tag in scrub.REMOVED or (doc_id is not None and tag in scrub.SETTINGS_REMOVED):
            scrub._remove(element)
        elif tag in scrub.UNWRAPPED:
            scrub._unwrap(element)
        elif tag == f"{{{W}}}commentReference" or (tag == scrub.HIDDEN_TEXT and scrub._on(element)):
            run = scrub._ancestor(element, f"{{{W}}}r")
            scrub._remove(run if run is not None else element)
    for element in root.iter(etree.Element):
        for attr in [a for a in element.attrib if a.startswith(f"{{{W}}}rsid")]:
            del element.attrib[attr]
        if etree.QName(element).localname in ("docPr", "cNvPr"):
            for attr in scrub.IMAGE_TEXT_ATTRS:
                if scrub.PATH_LIKE.search(element.get(attr, "")):
                    element.set(attr, "Picture" if attr == "name" else "")
        if doc_id is not None and element.tag in scrub.DOC_IDS:
            element.set(element.tag.replace("docId", "val"), doc_id)


def _audit_every_element(name, blob, keep_revisions=False):
    """The audit of one Word part as a walk over every element (what the fast path must agree with)."""
    from app.core.word import scrub

    root = etree.fromstring(blob)
    for element in root.iter(etree.Element):
        tag = element.tag
        if keep_revisions and tag in scrub.REVISIONS:
            pass
        elif tag in scrub.REMOVED | scrub.UNWRAPPED | {f"{{{W}}}commentReference"}:
            yield f"{etree.QName(tag).localname} (tracked change or comment mark)"
        elif tag in scrub.SETTINGS_REMOVED:
            yield f"{etree.QName(tag).localname} setting"
        elif tag == scrub.HIDDEN_TEXT and scrub._on(element):
            yield "hidden text"
        if any(a.startswith(f"{{{W}}}rsid") for a in element.attrib):
            yield "revision-save id (rsid)"
        if etree.QName(element).localname in ("docPr", "cNvPr"):
            for attr in scrub.IMAGE_TEXT_ATTRS:
                if scrub.PATH_LIKE.search(element.get(attr, "")):
                    yield f"image {attr} that looks like a path: {element.get(attr)!r}"


@pytest.mark.parametrize("keep", [False, True])
def test_the_scrub_and_audit_find_what_a_walk_over_every_element_finds(tmp_path, monkeypatch, keep):
    from app.core.word import scrub

    dirty = _dirty_letterhead(tmp_path).read_bytes()
    with zipfile.ZipFile(io.BytesIO(dirty)) as package:
        for name in package.namelist():
            if name.endswith(".xml") and not scrub.DROPPED_PARTS.fullmatch(name):
                blob = package.read(name)
                assert list(scrub._traces(name, blob, keep_revisions=keep)) == list(
                    _audit_every_element(name, blob, keep)
                ), name
    fast = scrub_docx(dirty, keep)
    monkeypatch.setattr(scrub, "_scrub_wordml", _scrub_every_element)
    assert fast == scrub_docx(dirty, keep)
    assert audit_docx(dirty, keep) and audit_docx(fast, keep) == []
