"""What the workbench previews a clause with: the shipped example cases, the variables a body reads, its HTML."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import jinja2

from app.core.casefile.model import Case, load_case
from app.core.drafting.clauses import Clause
from app.core.paths import EXAMPLES_DIR


def variables_used(body: str) -> list[str]:
    """Return the variables a body reads, without rendering it (like jinja2.meta)."""
    from app.core.drafting.templating import attribute_paths

    try:
        return sorted(".".join(path) for path in attribute_paths(body))
    except jinja2.TemplateSyntaxError:
        return []


@lru_cache(maxsize=1)
def sample_cases() -> tuple[tuple[str, Case], ...]:
    """Return the example cases shipped for previews, by file name."""
    found = []
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        try:
            found.append((path.stem, load_case(path)))
        except Exception:
            continue
    return tuple(found)


def best_sample(clause: Clause | None, names: Sequence[str]) -> int:
    """Return the index of the example case that suits a clause's regimes and letter kinds best."""
    cases = dict(sample_cases())
    if clause is None:
        return 0
    for index, name in enumerate(names):
        case = cases.get(name)
        if (
            case is not None
            and clause.serves(case.regime, case.letter)
            and (not clause.outcomes or set(clause.outcomes) & {p.outcome for p in case.parts})
        ):
            return index
    for index, name in enumerate(names):
        case = cases.get(name)
        if case is not None and clause.serves(case.regime, case.letter):
            return index
    return 0


def preview_html(markdown: str) -> str:
    """Return rendered clause Markdown as HTML in the letter's styles."""
    from app.core.drafting import markup
    from app.core.preview.html import PAGE_STYLE, blocks_html

    return f'<html><body style="{PAGE_STYLE}">{blocks_html(markup.parse(markdown))}</body></html>'
