"""One way to write a letter for every front end: Word or PDF, the officer's copy or the disclosure-log copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.core.casefile.model import Case
from app.core.drafting.letter import Letter
from app.core.drafting.library import Library
from app.core.problems import display_path
from app.core.word.disclosure import disclosure_case, leaked_details
from app.core.word.export import ExportError, ExportOptions, letter_docx_bytes, write_docx
from app.core.word.pdf import PdfError, docx_to_pdf

WORD, PDF = "docx", "pdf"


@dataclass(frozen=True)
class OutputRequest:
    """What to write: where, in which format, and whether it is the disclosure-log copy."""

    target: Path
    format: str = WORD
    disclosure_log: bool = False

    @classmethod
    def for_path(cls, target: Path | str, disclosure_log: bool = False) -> OutputRequest:
        """Return a request whose format follows the file's suffix (.pdf, else Word)."""
        target = Path(target)
        return cls(target, PDF if target.suffix.lower() == ".pdf" else WORD, disclosure_log)


def write_output(
    case: Case, letter: Letter, library: Library, request: OutputRequest, options: ExportOptions, today: dt.date
) -> None:
    """Write the letter as requested; raise ExportError (or PdfError) naming the file and the reason."""
    if request.disclosure_log:
        from app.core.drafting.assemble import assemble

        public = disclosure_case(case)
        letter = assemble(public, library, today)
        data = letter_docx_bytes(letter, public, options)
        leaks = leaked_details(data, case.requester)
        if leaks:
            raise ExportError(
                f"{display_path(request.target)}: not written: the disclosure-log copy would still show "
                f"{', '.join(leaks)}; remove them from the letter's wording first"
            )
    else:
        data = letter_docx_bytes(letter, case, options)
    if request.format == PDF:
        docx_to_pdf(data, request.target)
    else:
        write_docx(data, request.target)


__all__ = ["PDF", "WORD", "ExportError", "OutputRequest", "PdfError", "write_output"]
