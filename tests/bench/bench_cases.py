"""Benchmark the Cases view over generated case files and print the figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_cases.py [--files 5000]

1. First paint: from opening the Cases window until its table has painted with rows
   (target: under 1 s; the rest is read in the background).
2. All rows: until every file has been read and the list is complete, overdue first.
3. Rescan after one file changed (the cache rereads that file only).
4. `foi-drafter cases` table for the same folder (core only), against the floor of merely
   reading every file's bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
EXAMPLES = ROOT / "resources" / "examples"


def generate(folder: Path, count: int) -> None:
    """Write count case files, varied by regime, letter kind, dates and status."""
    from app.core.casefile.model import load_case
    from app.core.casefile.writing import dump_case

    bases = [load_case(p, legal=False) for p in sorted(EXAMPLES.glob("*.yaml"))]
    for number in range(count):
        case = bases[number % len(bases)]
        case.reference = f"FOI-{number:05d}"
        case.received = dt.date(2024, 1, 1) + dt.timedelta(days=number % 700)
        case.status = ("draft", "draft", "exported", "sent")[number % 4]
        sub = folder / f"team-{number % 7}"
        sub.mkdir(exist_ok=True)
        (sub / f"case-{number:05d}.yaml").write_text(dump_case(case), encoding="utf-8")


def floor_seconds(folder: Path) -> float:
    """Return the time to walk the folder and read every file's bytes."""
    started = time.perf_counter()
    for root, _dirs, names in os.walk(folder):
        for name in names:
            Path(root, name).read_bytes()
    return time.perf_counter() - started


def bench_gui(folder: Path) -> tuple[float, float, float, int]:
    """Return (first paint, all rows, rescan) seconds and the number of rows."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from app.gui.officer.cases_view import CasesWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    marks: dict[str, float] = {}

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and window.model.rowCount() and "paint" not in marks:
                marks["paint"] = time.perf_counter()
            return False

    started = time.perf_counter()
    window = CasesWindow([folder], lambda: dt.date(2025, 3, 1))
    watch = Watch()
    window.table.viewport().installEventFilter(watch)
    window.loaded.connect(lambda n: marks.setdefault("all", time.perf_counter()))
    window.show()
    while "all" not in marks or "paint" not in marks:
        app.processEvents()
    rows = window.model.rowCount()
    changed = next(folder.rglob("*.yaml"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("FOI-", "FOI-X-", 1), encoding="utf-8")
    marks.pop("all")
    rescan = time.perf_counter()
    window.reload()
    while "all" not in marks:
        app.processEvents()
    result = (marks["paint"] - started, marks["all"] - started, marks["all"] - rescan, rows)
    window.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="foi-cases-bench-") as work:
        folder = Path(work)
        generate(folder, args.files)
        floor = floor_seconds(folder)
        paint, complete, rescan, rows = bench_gui(folder)
        from app.core.casefile.cases import RowCache, format_table

        started = time.perf_counter()
        format_table(RowCache(lambda: dt.date(2025, 3, 1)).rows([folder]))
        table = time.perf_counter() - started
    print(f"case files:            {args.files:,} ({rows:,} rows listed)")
    print(f"first paint with rows: {paint * 1000:.0f} ms  (target < 1000 ms)  {'OK' if paint < 1 else 'SLOW'}")
    print(f"all rows read:         {complete * 1000:.0f} ms (in the background)")
    print(f"rescan, one changed:   {rescan * 1000:.0f} ms")
    print(
        f"cases table (core):    {table * 1000:.0f} ms = {table / floor:.1f}x reading the bytes ({floor * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
