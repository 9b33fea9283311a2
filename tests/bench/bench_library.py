"""Benchmark: load and validate generated clause libraries of 2,000 and 4,000 files (targets 0.7 s and 1.4 s).

Run with `make bench` or `.venv/bin/python tests/bench/bench_library.py [--profile] [--strict]`.
Each clause file is realistic: a full metadata header (regimes, letters, outcomes, sometimes
sections), guidance, and a few paragraphs with placeholders, filters and an if-block, spread over
sub-folders like the shipped library. Prints the median of 7 runs per size (a first load, and an
unchanged library read from the on-disk cache: target 0.1 s), the cost per clause and whether
growth is linear. With --profile, prints where the time goes at 2,000 files;
with --strict, exits 1 when a target is missed.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.drafting.library import Layer, load_library

SIZES = ((2000, 0.7), (4000, 1.4))
RUNS = 7
TOPICS = ("opening", "decision", "exemption", "harm", "pit", "advice", "review", "regulator", "closing")
REGIMES = ("foia", "foisa", "eir", "eisr")
OUTCOMES = ("withheld", "partial", "not-held", "cost-limit", "ncnd")
SECTIONS = {
    "foia": ("30", "31(1)(a)", "40(2)", "43(2)"),
    "foisa": ("30(b)(i)", "35(1)(a)", "38(1)(b)"),
    "eir": ("12(5)(b)", "12(4)(d)", "13"),
    "eisr": ("10(5)(b)", "10(4)(d)", "11"),
}

BODY = """We have considered part {{{{ part.number }}}} of your request of {{{{ case.received|date }}}} (clause {n}).

{{% if part.exemptions %}}
We rely on {{{{ part.exemptions|map(attribute='cite_text')|and_join }}}} of the {{{{ case.act }}}} for this part.
{{% endif %}}

The information is held by {{{{ case.authority.name }}}}. Where an exemption applies, we have weighed
the public interest in disclosure against the public interest in maintaining it, and explain the
balance below. If you are unhappy, write to {{{{ case.foi_contact.name }}}} within 40 working days.

- It would, or would be likely to, prejudice the matters set out in the {{{{ case.regime_name }}}}.
- Contact {{{{ case.regulator.name }}}} at {{{{ case.regulator.website }}}} if you remain dissatisfied.
"""


def clause_text(n: int) -> str:
    """Return the file text of generated clause n."""
    regime = REGIMES[n % len(REGIMES)]
    topic = TOPICS[n % len(TOPICS)]
    cited = SECTIONS[regime][n % len(SECTIONS[regime])]
    sections = f'sections: ["{cited}"]\n' if topic in ("exemption", "harm", "pit") else ""
    return (
        f"---\nid: bench.{regime}.{topic}.{n:05d}\ntitle: Generated clause {n} – {topic}\ntopic: {topic}\n"
        f"status: {'approved' if n % 5 else 'draft'}\nregimes: [{regime}]\nletters: [response]\n"
        f"outcomes: [{OUTCOMES[n % len(OUTCOMES)]}]\n{sections}provides: []\n"
        f'references: ["Generated reference {n}"]\nowner: Information Governance\n'
        "approved_by: FOI Legal Lead\napproved_on: 2026-11-01\nlast_reviewed: 2026-11-01\n"
        f"review_due: 2027-11-01\nguidance: |\n  Generated guidance for clause {n}.\n---\n" + BODY.format(n=n)
    )


def generate(folder: Path, count: int) -> None:
    """Write count clause files into topic sub-folders of folder."""
    for n in range(count):
        sub = folder / REGIMES[n % len(REGIMES)] / TOPICS[n % len(TOPICS)]
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"clause-{n:05d}.md").write_text(clause_text(n), encoding="utf-8")


def settle(folder: Path) -> None:
    """Date the generated files an hour back, as a library not edited this minute is (so it may be cached)."""
    old = time.time() - 3600
    for path in folder.rglob("*.md"):
        os.utime(path, (old, old))


def time_load(folder: Path, runs: int = RUNS, cache: bool = False) -> tuple[float, int, int]:
    """Return the median seconds of load_library(validate=True), the clause count and problem count.

    With cache=False every load parses and validates every file (a first load, or after a change);
    with cache=True the on-disk library cache is primed once and each timed load comes from it.
    """
    layers = [Layer("organisation", folder)]
    load_library([Layer("warm-up", next(folder.rglob("*.md")).parent)], cache=False)  # registries, skeletons
    if cache:
        load_library(layers, validate=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        library = load_library(layers, validate=True, cache=cache)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(library.clauses), len(library.problems)


def profile(folder: Path) -> None:
    """Print the functions where loading spends its time."""
    layers = [Layer("organisation", folder)]
    load_library(layers, validate=True, cache=False)
    profiler = cProfile.Profile()
    profiler.enable()
    load_library(layers, validate=True, cache=False)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main(argv: list[str]) -> int:
    """Generate, time and report; with --strict, exit 1 when a target is missed."""
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        os.environ["FOI_DRAFTER_CACHE_DIR"] = str(Path(tmp) / "cache")  # a private cache, emptied afterwards
        for count, target in SIZES:
            folder = Path(tmp) / str(count)
            generate(folder, count)
            settle(folder)
            seconds, loaded, problems = time_load(folder)
            warm, _, _ = time_load(folder, cache=True)
            results.append((count, seconds, target))
            verdict = "ok" if seconds < target else "MISSED"
            print(
                f"{count:5d} clause files: median {seconds * 1000:7.1f} ms over {RUNS} runs "
                f"({seconds / count * 1e6:6.1f} µs per clause; {loaded} loaded, {problems} problems) "
                f"target < {target * 1000:.0f} ms: {verdict}; unchanged, from the cache: {warm * 1000:.1f} ms"
            )
        if "--profile" in argv:
            profile(Path(tmp) / str(SIZES[0][0]))
    (small, t_small, _), (large, t_large, _) = results
    print(f"growth {large // small}x files -> {t_large / t_small:.2f}x time (linear = {large / small:.2f}x)")
    missed = [count for count, seconds, target in results if seconds >= target]
    if missed:
        print("targets missed: run with --profile to see where the time goes")
    return 1 if missed and "--strict" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
