"""PDF output: convert the exported .docx with LibreOffice running headless, when it is installed.

LibreOffice is found on PATH (soffice or libreoffice) or in its usual install folders; without it,
PdfUnavailable says so plainly and how to get a PDF another way. Each conversion uses a private
LibreOffice profile folder, so it neither disturbs nor waits for an office suite the officer has open.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from app.core.problems import display_path
from app.core.storage.atomic import write_bytes_atomic

CANDIDATES = ("soffice", "libreoffice")
INSTALL_FOLDERS = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    Path("/opt/libreoffice/program/soffice"),
)
TIMEOUT_SECONDS = 180
NOT_INSTALLED = (
    "PDF export needs LibreOffice, which is not installed (no soffice program was found). "
    "Install LibreOffice, or export to Word and use Word's Save as PDF."
)


class PdfError(Exception):
    """The PDF could not be written; the message names the file and the reason."""


class PdfUnavailable(PdfError):
    """LibreOffice is not installed, so no PDF can be made here."""


def find_soffice(environ: dict[str, str] | None = None) -> Path | None:
    """Return LibreOffice's soffice program, or None when it is not installed."""
    environ = dict(os.environ if environ is None else environ)
    if environ.get("FOI_DRAFTER_SOFFICE"):
        chosen = Path(environ["FOI_DRAFTER_SOFFICE"])
        return chosen if chosen.is_file() else None
    for name in CANDIDATES:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return Path(found)
    return next((p for p in INSTALL_FOLDERS if p.is_file()), None)


def docx_to_pdf(docx_bytes: bytes, target: Path | str, soffice: Path | None = None) -> None:
    """Write a PDF of a .docx at target, atomically; raise PdfUnavailable or PdfError."""
    program = soffice or find_soffice()
    if program is None:
        raise PdfUnavailable(NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="foi-drafter-pdf-") as work:
        folder = Path(work)
        source = folder / "letter.docx"
        source.write_bytes(docx_bytes)
        command = [
            str(program),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfError(
                f"{display_path(target)}: LibreOffice took over {TIMEOUT_SECONDS} s; no PDF written"
            ) from exc
        except OSError as exc:
            raise PdfError(
                f"{display_path(target)}: cannot run LibreOffice ({program}): {exc.strerror or exc}"
            ) from exc
        produced = folder / "out" / "letter.pdf"
        if done.returncode != 0 or not produced.is_file():
            reason = (done.stderr or done.stdout or f"exit status {done.returncode}").strip().splitlines()
            raise PdfError(
                f"{display_path(target)}: LibreOffice could not convert the letter: {reason[-1] if reason else ''}"
            )
        try:
            write_bytes_atomic(target, produced.read_bytes())
        except OSError as exc:
            raise PdfError(f"{display_path(target)}: cannot write the PDF: {exc.strerror or exc}") from exc
