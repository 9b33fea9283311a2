"""Document metadata: no author, tool name or template dates unless the user asks for them."""

from __future__ import annotations

import datetime as dt

from docx.document import Document

APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

DROPPED_RELATIONSHIPS = ("/thumbnail", "/customXml")
MAX_TITLE = 255  # the core title property holds at most 255 characters


def scrub_metadata(document: Document, title: str, when: dt.datetime, author: str = "") -> None:
    """Reset core and extended properties so no personal or tool metadata remains."""
    props = document.core_properties
    for name in (
        "author",
        "last_modified_by",
        "comments",
        "keywords",
        "subject",
        "category",
        "content_status",
        "identifier",
        "version",
    ):
        setattr(props, name, "")
    props.author = author
    props.title = title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"
    props.language = "en-GB"
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    _replace_app_properties(document)
    _drop_relationships(document)


def _replace_app_properties(document: Document) -> None:
    """Replace docProps/app.xml, which names the application and template, with a neutral one."""
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML


def _drop_relationships(document: Document) -> None:
    """Drop the template's thumbnail and bibliography custom XML."""
    for owner in (document.part.package, document.part):
        rels = owner.rels
        for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith(DROPPED_RELATIONSHIPS)]:
            rels.pop(rid)
