"""Trial renders for library validation: a clause that exhausts its limits on a sample case is reported.

Only bodies that loop, call, multiply or pad are tried (plain wording cannot run away), so
validating a large library stays fast. Other render errors are left to the letter checks: the
sample case cannot satisfy every clause's assumptions.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from functools import lru_cache
from typing import Any

from app.core.drafting.clauses import Clause
from app.core.drafting.limits import TemplateLimitError, render_budget
from app.core.drafting.template_cache import compile_template
from app.core.drafting.template_lines import clause_file_line
from app.core.problems import Problem

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_RISKY = re.compile(
    r"\b(?:for|macro|call|range|lipsum|center|ljust|rjust|zfill|expandtabs|indent|format|replace|join|batch|slice)\b|\*"
)
SAMPLE_TODAY = dt.date(2026, 1, 5)
TRIAL_SECONDS = 0.2  # a trial only needs to see that a clause runs away


def limit_problems(clause: Clause) -> list[Problem]:
    """Return the limit a clause exceeds on the sample case, as a problem with its line (or nothing)."""
    if not any(_RISKY.search(tag) for tag in _TAG.findall(clause.body)):
        return []
    try:
        with render_budget(TRIAL_SECONDS):
            compile_template(clause.body).render(_sample_context())  # not clause.template: libraries are pickled
    except (TemplateLimitError, MemoryError, RecursionError) as exc:
        where = clause_file_line(clause, sys.exc_info()[2]) or clause.body_line
        reason = str(exc) or type(exc).__name__
        return [Problem(clause.path, where, f"cannot render clause {clause.id}: {reason}")]
    except Exception:
        return []
    return []


@lru_cache(maxsize=1)
def _sample_context() -> dict[str, Any]:
    """Return a rendering context from a shipped example case, with its first part and exemption."""
    from app.core.casefile.model import load_case
    from app.core.drafting.views import build_case_view, contact_views
    from app.core.paths import EXAMPLES_DIR

    case = load_case(EXAMPLES_DIR / "foia-partial.yaml")
    view = build_case_view(case, SAMPLE_TODAY)
    context: dict[str, Any] = {"case": view, "contacts": contact_views(view.date)}
    if view.parts:
        context["part"] = view.parts[0]
        if view.parts[0].exemptions:
            context["exemption"] = view.parts[0].exemptions[0]
    return context
