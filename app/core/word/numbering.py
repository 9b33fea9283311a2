"""Real Word lists: numbering definitions for bullets and numbers, restarted per list."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

BULLET_GLYPHS = ("•", "–")
NUMBER_FORMATS = (("decimal", "%1."), ("lowerLetter", "%2)"))
INDENT_TWIPS = 567  # 1 cm per level
HANGING_TWIPS = 357


def _numbering(document: Document) -> BaseOxmlElement:
    """Return the w:numbering element, creating the numbering part when absent."""
    numbering: BaseOxmlElement = document.part.numbering_part.element
    return numbering


def _next_id(numbering: BaseOxmlElement, tag: str, attr: str) -> int:
    """Return one more than the highest id used by elements with a tag."""
    ids = [int(el.get(qn(attr))) for el in numbering.findall(qn(tag))]
    return max(ids, default=0) + 1


def _level(ilvl: int, fmt: str, text: str, font: str | None) -> BaseOxmlElement:
    """Build one w:lvl of an abstract numbering definition."""
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(ilvl))
    for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        lvl.append(child)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(INDENT_TWIPS * (ilvl + 1)))
    ind.set(qn("w:hanging"), str(HANGING_TWIPS))
    ppr.append(ind)
    lvl.append(ppr)
    if font:
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), font)
        fonts.set(qn("w:hAnsi"), font)
        rpr.append(fonts)
        lvl.append(rpr)
    return lvl


def add_abstract(document: Document, ordered: bool) -> int:
    """Add an abstract list definition (bullets or numbers); return its id."""
    numbering = _numbering(document)
    abstract_id = _next_id(numbering, "w:abstractNum", "w:abstractNumId")
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "hybridMultilevel")
    abstract.append(multi)
    for ilvl in range(2):
        if ordered:
            fmt, text = NUMBER_FORMATS[ilvl]
            abstract.append(_level(ilvl, fmt, text, None))
        else:
            abstract.append(_level(ilvl, "bullet", BULLET_GLYPHS[ilvl], "Arial"))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return abstract_id


def next_num_id(document: Document) -> int:
    """Return the id the next new list instance gets: one more than the highest in use."""
    return _next_id(_numbering(document), "w:num", "w:numId")


def add_num(document: Document, abstract_id: int, restart: bool = False, num_id: int | None = None) -> int:
    """Add a list instance of an abstract definition; restart numbering at 1 if asked.

    Pass num_id (from next_num_id, then counting up) when adding many lists: finding the next
    free id otherwise rescans every list instance, which makes a long letter quadratic.
    """
    numbering = _numbering(document)
    if num_id is None:
        num_id = next_num_id(document)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    if restart:
        for ilvl in range(2):
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(ilvl))
            start = OxmlElement("w:startOverride")
            start.set(qn("w:val"), "1")
            override.append(start)
            num.append(override)
    numbering.append(num)
    return num_id


def abstract_of_style(document: Document, style_name: str) -> int | None:
    """Return the abstract numbering id a paragraph style is linked to, if any."""
    try:
        style = document.styles[style_name]
    except KeyError:
        return None
    num_pr = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num_pr is None or num_pr.find(qn("w:numId")) is None:
        return None
    num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
    for num in _numbering(document).findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            return int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
    return None


def link_style(document: Document, style_name: str, num_id: int, ilvl: int) -> None:
    """Make a paragraph style a list style by pointing it at a numbering instance."""
    ppr = document.styles[style_name].element.get_or_add_pPr()
    old = ppr.find(qn("w:numPr"))
    if old is not None:
        ppr.remove(old)
    ppr.insert(0, _num_pr(num_id, ilvl))


def _num_pr(num_id: int, ilvl: int) -> BaseOxmlElement:
    """Build a w:numPr element."""
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(lvl)
    num_pr.append(nid)
    return num_pr


def ensure_list_styles(document: Document) -> tuple[int, int]:
    """Link the bullet and number styles to list definitions; return their abstract ids."""
    ids = []
    for ordered, names in ((False, ("Letter Bullet", "Letter Bullet 2")), (True, ("Letter Number", "Letter Number 2"))):
        abstract = abstract_of_style(document, names[0])
        if abstract is None:
            abstract = add_abstract(document, ordered)
            num_id = add_num(document, abstract)
            for ilvl, name in enumerate(names):
                link_style(document, name, num_id, ilvl)
        ids.append(abstract)
    return ids[0], ids[1]
