"""Benchmark: the compliance check on a 30-part letter, in-process (target under 50 ms).

Run with `make bench` or `.venv/bin/python tests/bench/bench_check.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.checks.compliance import check
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library
from tests.bench.bench_render import TODAY, median_ms, thirty_part_case


def main() -> None:
    """Print the median time of check() and of assemble() + check()."""
    library = load_library()
    case = thirty_part_case()
    letter = assemble(case, library, TODAY)
    only_check = median_ms(lambda: check(case, letter, TODAY))
    both = median_ms(lambda: check(case, assemble(case, library, TODAY), TODAY))
    findings = check(case, letter, TODAY)
    print(f"30-part letter: {len(list(letter.blocks()))} blocks, {len(findings)} findings")
    print(f"check() alone        median {only_check:6.2f} ms (target < 50 ms)")
    print(f"assemble() + check() median {both:6.2f} ms")


if __name__ == "__main__":
    main()
