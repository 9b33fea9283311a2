"""Benchmark: the command line as a user waits for it, whole process from the shell, against its peers.

    .venv/bin/python tests/bench/bench_cli.py [--runs N] [--parts-only]

Each measure runs ours and its peer alternately in the same loop (so load on the machine hits
both alike) and prints the medians and the median of the paired ratios:

1. `foi-drafter render` of the FOIA example vs a Python process that fills a docxtpl template
   with the same letter (headings and paragraphs) and saves it (goal: ratio <= 1.0);
2. `foi-drafter check` of the same case vs the same docxtpl process (goal: <= 1.0);
3. `foi-drafter deadline` vs `python -c pass` (goal: <= 0.15 s);
4. rendering a 200-part request vs a 30-part one, in-process (goal: <= 7x for 6.7x the parts).

The library and template caches are warm (one unmeasured run first), as they are for an officer
after the first use; --cold also times `render` with the caches emptied before every run. Python
may write .pyc files (PYTHONDONTWRITEBYTECODE is dropped), as pip did for docxtpl when installing it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "resources" / "examples" / "foia-partial.yaml"
BIN = Path(sys.executable).parent
PEER = """
import json, sys
from docxtpl import DocxTemplate
template, context, out = sys.argv[1:4]
document = DocxTemplate(template)
with open(context, encoding="utf-8") as handle:
    document.render(json.load(handle))
document.save(out)
"""


def ours() -> list[str]:
    """Return the command that starts foi-drafter (the installed script, else main.py)."""
    script = BIN / "foi-drafter"
    return [str(script)] if script.exists() else [sys.executable, str(ROOT / "main.py")]


def wall(command: list[str], env: dict[str, str]) -> float:
    """Return the seconds a command takes from start to exit (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def paired(name: str, mine: list[str], peer: list[str], peer_name: str, runs: int, env: dict[str, str], before=None):
    """Time mine and peer alternately; print medians and the median paired ratio; return the ratio."""
    wall(mine, env), wall(peer, env)  # warm-up: caches filled, files in the page cache
    a, b = [], []
    for _ in range(runs):
        if before:
            before()
        a.append(wall(mine, env))
        b.append(wall(peer, env))
    ratio = statistics.median(x / y for x, y in zip(a, b))
    print(
        f"{name:34s} ours {statistics.median(a) * 1000:7.0f} ms   {peer_name} {statistics.median(b) * 1000:7.0f} ms"
        f"   ratio {ratio:5.2f} (median of {runs} pairs)"
    )
    return ratio, statistics.median(a)


def peer_files(folder: Path) -> list[str]:
    """Write the docxtpl template and the letter's content as JSON; return the peer's command."""
    import datetime as dt

    from app.core.casefile.model import load_case
    from app.core.drafting.assemble import assemble
    from app.core.drafting.library import load_library
    from tests.bench.bench_render import docxtpl_context, docxtpl_template

    case = load_case(EXAMPLE)
    letter = assemble(case, load_library(), dt.date.today())
    template = docxtpl_template(folder)
    context = folder / "context.json"
    context.write_text(json.dumps(docxtpl_context(letter, case)), encoding="utf-8")
    return [sys.executable, "-c", PEER, str(template), str(context), str(folder / "peer.docx")]


def parts_scaling(runs: int) -> float:
    """Print the in-process time of a 200-part letter against a 30-part one; return the ratio."""
    import datetime as dt

    from app.core.drafting.assemble import assemble
    from app.core.drafting.library import load_library
    from app.core.word.export import ExportOptions, letter_docx_bytes
    from tests.bench.bench_render import many_part_case, median_ms

    library = load_library()
    today = dt.date(2026, 11, 21)
    times = {}
    for parts in (30, 200):
        case = many_part_case(parts)
        times[parts] = median_ms(
            lambda case=case: letter_docx_bytes(assemble(case, library, today), case, ExportOptions(today=today)), runs
        )
    ratio = times[200] / times[30]
    print(
        f"{'200-part vs 30-part (in-process)':34s} 200: {times[200]:7.0f} ms   30: {times[30]:7.0f} ms"
        f"   ratio {ratio:5.2f} (goal <= 7; parts ratio 6.67)"
    )
    return ratio


def main(argv: list[str]) -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="pairs per measure (default 9; at least 7)")
    parser.add_argument("--cold", action="store_true", help="also time render with empty caches")
    parser.add_argument("--parts-only", action="store_true", help="only the 200- vs 30-part measure")
    args = parser.parse_args(argv)
    if args.parts_only:
        parts_scaling(args.runs)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        env = {**os.environ, "FOI_DRAFTER_CACHE_DIR": str(cache)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files, as docxtpl has
        peer = peer_files(folder)
        out = str(folder / "ours.docx")
        print(f"whole process from the shell, {ours()[0]} vs peers; machine load {os.getloadavg()[0]:.1f}")
        paired("render FOIA example", [*ours(), "render", str(EXAMPLE), "-o", out], peer, "docxtpl", args.runs, env)
        paired("check FOIA example", [*ours(), "check", str(EXAMPLE)], peer, "docxtpl", args.runs, env)
        deadline = [*ours(), "deadline", "--regime", "foia", "--received", "2026-03-02"]
        _, seconds = paired("deadline", deadline, [sys.executable, "-c", "pass"], "python -c pass", args.runs, env)
        print(f"{'':34s} deadline median {seconds * 1000:.0f} ms (goal <= 150 ms)")
        if args.cold:
            command = [*ours(), "render", str(EXAMPLE), "-o", out]
            paired(
                "render, caches emptied each run",
                command,
                peer,
                "docxtpl",
                args.runs,
                env,
                before=lambda: shutil.rmtree(cache, ignore_errors=True),
            )
    parts_scaling(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
