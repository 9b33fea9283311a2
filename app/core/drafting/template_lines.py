"""Where a clause's template stopped: the template line in a traceback, as a line of the clause file."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.drafting.clauses import Clause


def template_line(tb: TracebackType | None) -> int | None:
    """Return the template line of the innermost template frame of a traceback."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def clause_file_line(clause: Clause, tb: TracebackType | None) -> int | None:
    """Return the clause file's line where rendering stopped (None when no template frame is in the traceback)."""
    line = template_line(tb)
    return clause.body_line + line - 1 if line else None
