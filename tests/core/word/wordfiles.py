"""Helpers for tests that export an example letter and edit it as a Word user would (with python-docx)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from app.cli import main
from app.core.paths import EXAMPLES_DIR
from app.core.word.readback import read_manifest

TODAY = "2026-11-21"


def export_example(name: str, folder: Path, *extra: str) -> Path:
    """Render an example case to a .docx with the command line and return its path."""
    out = folder / f"{Path(name).stem}.docx"
    assert main(["render", str(EXAMPLES_DIR / name), "-o", str(out), "--today", TODAY, *extra]) == 0
    return out


def paragraphs_of(document, provides: str) -> list:
    """Return the body paragraphs of the block that provides a statutory element (found by its marks)."""
    manifest = read_manifest(document)
    stems = [e.mark for e in manifest.entries if provides in e.provides]
    assert stems, f"no block provides {provides}"
    return [
        p
        for p in document.element.body.iter(qn("w:p"))
        if any(b.get(qn("w:name"), "").startswith(stems[0] + "_") for b in p.iter(qn("w:bookmarkStart")))
    ]


def key_providing(path: Path, provides: str) -> str:
    """Return the key of the (first) exported block that provides a statutory element."""
    manifest = read_manifest(docx.Document(str(path)))
    return next(e.key for e in manifest.entries if provides in e.provides)


def delete_block(path: Path, provides: str) -> None:
    """Delete, in the Word file, every paragraph of the block that provides an element."""
    document = docx.Document(str(path))
    for paragraph in paragraphs_of(document, provides):
        paragraph.getparent().remove(paragraph)
    document.save(str(path))


def libreoffice_round_trip(path: Path, folder: Path) -> Path:
    """Open and save the file in LibreOffice (headless); skip the test when LibreOffice is absent."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out_dir = folder / "libreoffice"
    out_dir.mkdir(exist_ok=True)
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out_dir / path.name
    assert result.exists(), "LibreOffice wrote no file"
    return result
