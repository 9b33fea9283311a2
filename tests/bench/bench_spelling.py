"""Benchmark the spelling service: load time, checking 10,000 words, and suggestion time.

Run: .venv/bin/python tests/bench/bench_spelling.py   (budgets: load < 300 ms, 10k words < 100 ms)
Exits 1 when a budget is exceeded. Figures are medians of several runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.core.spelling.checker import SpellingService, default_service  # noqa: E402

LETTERS = ROOT / "tests" / "fixtures" / "spelling" / "seed-letters"
CORPUS = ROOT / "tests" / "fixtures" / "spelling" / "misspellings.tsv"
RUNS = 7
WORDS = 10_000
LOAD_BUDGET_MS = 300.0
CHECK_BUDGET_MS = 100.0


def median_ms(action, runs: int = RUNS) -> float:
    """Return the median wall time of action() in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def letter_text(service: SpellingService, words: int) -> str:
    """Return real letter text (the seed letters, repeated) holding at least `words` words."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(LETTERS.glob("*.txt")))
    copies = words // len(service.tokens(text)) + 1
    return "\n".join([text] * copies)


def cold_check(service: SpellingService, text: str) -> None:
    """Check text with the per-word cache emptied first, as on the first highlight."""
    service._cache.clear()
    service.misspellings(text)


def engine_build_ms() -> float:
    """Return the time to build the suggestion engine of a freshly loaded service."""
    service = default_service(user_dictionary=None)
    start = time.perf_counter()
    service.prepare_suggestions()
    return (time.perf_counter() - start) * 1000


def suggest_all(service: SpellingService, words: list[str]) -> None:
    """Compute suggestions for every word afresh (the service otherwise remembers them)."""
    for word in words:
        service._suggestions.clear()
        service.suggest(word)


def misspelt_words() -> list[str]:
    """Return the misspellings of the test corpus."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line and not line.startswith("#")]


def main() -> int:
    """Print the figures and return 1 if a budget is exceeded."""
    load = median_ms(lambda: default_service(user_dictionary=None))
    service = default_service(user_dictionary=None)
    text = letter_text(service, WORDS)
    count = len(service.tokens(text))
    check_cold = median_ms(lambda: cold_check(service, text)) * WORDS / count
    check_warm = median_ms(lambda: service.misspellings(text)) * WORDS / count
    engine = statistics.median(engine_build_ms() for _ in range(3))
    words = misspelt_words()
    service.prepare_suggestions()
    suggest = median_ms(lambda: suggest_all(service, words), runs=3)
    print(f"load service:                    {load:7.1f} ms  (budget {LOAD_BUDGET_MS:.0f} ms)")
    print(f"check {WORDS} words, cold cache:   {check_cold:7.1f} ms  (budget {CHECK_BUDGET_MS:.0f} ms)")
    print(f"check {WORDS} words, warm cache:   {check_warm:7.1f} ms")
    print(f"build suggestion engine (once):  {engine:7.1f} ms")
    print(f"suggestions for one misspelling: {suggest / len(words):7.1f} ms  (mean over {len(words)} words)")
    return 0 if load < LOAD_BUDGET_MS and check_cold < CHECK_BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
