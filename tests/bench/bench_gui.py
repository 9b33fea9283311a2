"""Benchmark the desktop app and print the figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_gui.py [--runs N] [--edits N]

1. Cold start: a fresh process until the main window has painted with the example case loaded,
   against a bare QApplication + QMainWindow started the same way in the same run (target: at
   most 2x). Also shown: when the first letter preview and the spellchecker are ready (they load
   on a worker after the first paint).
2. Edit -> preview refreshed on a 10-part letter, excluding the debounce pause: from the build
   starting (the pause is over) to the new HTML laid out in the preview (target: median < 30 ms).
3. Resident memory with the app open on the example case, letter built and word list loaded
   (target: < 250 MB).
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "foisa-cost-limit.yaml"
TABLE = "| Year | Arrests | Charged |\n|---|---|---|\n| 2021 | 14 | 9 |\n| 2022 | 17 | 11 |\n"


def rss_mb() -> float:
    """Return this process's resident set size in MB (Linux), or the peak RSS elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- children (one fresh process each)


def child_bare() -> None:
    """A bare QApplication + QMainWindow: print 'painted' on its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
                self.done = True
                print("painted", flush=True)
                QTimer.singleShot(0, lambda: app.exit(0))
            return False

    watch = Watch()
    window.installEventFilter(watch)
    window.resize(1560, 940)
    window.show()
    app.exec()


def child_app(folder: str) -> None:
    """The real app on the example case: print 'painted', 'letter', 'spelling' and 'rss'."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.gui.application import create_application
    from app.gui.environment import AppEnvironment
    from app.gui.officer.main_window import MainWindow

    app = create_application(sys.argv[:1])
    env = AppEnvironment(
        config_dir=Path(folder) / "config", recovery_dir=Path(folder) / "recovery", data_dir=Path(folder) / "data"
    )
    marks: set[str] = set()

    def mark(name: str) -> None:
        if name not in marks:
            marks.add(name)
            print(name, flush=True)
        if {"letter", "spelling"} <= marks and "rss" not in marks:
            marks.add("rss")
            print(f"rss {rss_mb():.1f}", flush=True)
            QTimer.singleShot(0, lambda: app.exit(0))

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and window.document.path is not None:
                mark("painted")
            return False

    watch = Watch()
    window = MainWindow(env)
    window.installEventFilter(watch)
    window.preview.preview_updated.connect(lambda _s: mark("letter"))
    window.spelling.enabled.connect(lambda _s: mark("spelling"))
    window.show()  # as app.gui.application.start does: show, offer recovery (none here), open the case
    window.offer_recovery()
    window.files.open_case(EXAMPLE, ask_first=False)
    app.exec()
    window.shutdown()


def ten_part_case():
    """Return the example case grown to ten parts with mixed outcomes, lists and tables."""
    sys.path.insert(0, str(ROOT))
    from app.core.casefile.drafts import load_draft

    case = load_draft(EXAMPLE)
    template = case.parts
    parts = []
    outcomes = [
        ("cost-limit", []),
        ("withheld", ["38(1)(b)"]),
        ("partial", ["35(1)(a)", "38(1)(b)"]),
        ("disclosed", []),
        ("not-held", []),
    ]
    for number in range(10):
        part = copy.deepcopy(template[number % len(template)])
        part.outcome, part.exemptions = outcomes[number % len(outcomes)]
        part.question = f"Question {number + 1}: {part.question}"
        part.answer = part.answer + "\n- first point\n- second point\n\n" + TABLE
        parts.append(part)
    case.parts = parts
    return case


def child_edits(folder: str, edits: int) -> None:
    """Time edit -> preview refreshed on a 10-part letter; print one line per edit."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer

    from app.gui.application import create_application
    from app.gui.environment import AppEnvironment
    from app.gui.officer.main_window import MainWindow

    app = create_application(sys.argv[:1])
    env = AppEnvironment(
        config_dir=Path(folder) / "config",
        recovery_dir=Path(folder) / "recovery",
        data_dir=Path(folder) / "data",
        spelling=False,
        autosave_ms=600000,
    )
    window = MainWindow(env)
    window.resize(1560, 940)
    window.show()
    doc = window.document
    doc.replace(ten_part_case())
    state = {"count": -1, "started": 0.0, "worker": 0.0}

    def on_started(_generation: int) -> None:
        state["started"] = time.perf_counter()

    def on_built(result) -> None:
        state["worker"] = result.seconds

    def on_preview(layout_seconds: float) -> None:
        if state["count"] >= 0:
            total = time.perf_counter() - state["started"]
            print(f"edit {total * 1000:.2f} {state['worker'] * 1000:.2f} {layout_seconds * 1000:.2f}", flush=True)
        state["count"] += 1
        if state["count"] >= edits:
            QTimer.singleShot(0, lambda: app.exit(0))
        else:
            QTimer.singleShot(
                5,
                lambda: doc.edit_part_field(
                    state["count"] % 10, "answer", doc.case.parts[state["count"] % 10].answer + " More."
                ),
            )

    doc.builder.build_started.connect(on_started)
    doc.build_finished.connect(on_built)
    window.preview.preview_updated.connect(on_preview)
    app.exec()
    print(f"blocks {sum(1 for _ in doc.letter.blocks())}", flush=True)
    doc.undo_stack.setClean()
    window.shutdown()


# ---------------------------------------------------------------- parent


def child_environment() -> dict[str, str]:
    """Return the children's environment: offscreen unless a display is chosen, bytecode cache allowed."""
    environ = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    environ.pop("PYTHONDONTWRITEBYTECODE", None)
    return environ


def compile_sources() -> None:
    """Compile the app's modules once, as an installed app has them, so no run pays for compiling."""
    import compileall

    for folder in ("app", "tests/bench"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)


def run_child(args: list[str], folder: str) -> dict[str, float]:
    """Start a child, return the seconds from launch to each line it prints (and values such as rss)."""
    environ = child_environment()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", *args, "--folder", folder],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    found: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        name, *value = line.split()
        found[name] = float(value[0]) if value else time.perf_counter() - started
    process.wait()
    if process.returncode:
        raise SystemExit(f"child {args} failed with exit code {process.returncode}")
    return found


def cold_start(runs: int) -> None:
    """Measure cold start of a bare window and of the app, alternating, and print medians."""
    bare, app, letter, spelling, rss = [], [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        run_child(["bare"], folder)
        run_child(["app"], folder)  # warm the disk cache and the .pyc files once
        for _ in range(runs):
            bare.append(run_child(["bare"], folder)["painted"])
            figures = run_child(["app"], folder)
            app.append(figures["painted"])
            letter.append(figures["letter"])
            spelling.append(figures["spelling"])
            rss.append(figures["rss"])
    ratio = statistics.median(app) / statistics.median(bare)
    print(f"Cold start, median of {runs} fresh processes (launch -> first paint):")
    print(f"  bare QApplication + QMainWindow : {statistics.median(bare) * 1000:7.0f} ms")
    print(
        f"  app with the example case       : {statistics.median(app) * 1000:7.0f} ms   "
        f"= {ratio:.2f}x bare (target <= 2x) {'OK' if ratio <= 2 else 'OVER'}"
    )
    print(f"  first letter preview shown      : {statistics.median(letter) * 1000:7.0f} ms (worker, after the paint)")
    print(f"  spellchecker ready              : {statistics.median(spelling) * 1000:7.0f} ms")
    print(
        f"Resident memory with the example open: {statistics.median(rss):.0f} MB "
        f"(target < 250 MB) {'OK' if statistics.median(rss) < 250 else 'OVER'}"
    )


def edit_latency(edits: int) -> None:
    """Measure edit -> preview refreshed (excluding the debounce pause) and print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        environ = child_environment()
        output = subprocess.run(
            [sys.executable, __file__, "--child", "edits", "--edits", str(edits), "--folder", folder],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    rows = [line.split()[1:] for line in output.splitlines() if line.startswith("edit ")]
    blocks = next((line.split()[1] for line in output.splitlines() if line.startswith("blocks ")), "?")
    total = [float(r[0]) for r in rows]
    worker = [float(r[1]) for r in rows]
    layout = [float(r[2]) for r in rows]
    median = statistics.median(total)
    print(f"Edit -> preview refreshed, 10-part letter ({blocks} blocks), {len(rows)} edits, debounce excluded:")
    print(
        f"  median {median:.1f} ms, p90 {statistics.quantiles(total, n=10)[-1]:.1f} ms "
        f"(target < 30 ms) {'OK' if median < 30 else 'OVER'}"
    )
    print(
        f"  of which assemble + check + HTML on the worker: median {statistics.median(worker):.1f} ms; "
        f"preview layout on the GUI thread: median {statistics.median(layout):.1f} ms"
    )


def main() -> int:
    """Parse the options and run the parent or a child."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per cold-start measurement")
    parser.add_argument("--edits", type=int, default=40, help="edits timed on the 10-part letter")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args()
    if args.child == "bare":
        child_bare()
    elif args.child == "app":
        child_app(args.folder)
    elif args.child == "edits":
        child_edits(args.folder, args.edits)
    else:
        compile_sources()
        cold_start(args.runs)
        edit_latency(args.edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
