"""Benchmark the standalone build against the source checkout and print the figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_bundle.py [--bundle dist/foi-drafter] [--runs N]

1. Size of the one-folder bundle on disk, and its file count.
2. Command-line start: `foi-drafter check EXAMPLE` from the bundle vs `python main.py check EXAMPLE`.
3. Desktop start: launch until the main window is on screen, found from outside by polling with
   xdotool under Xvfb (as bench_window.py does), the bundle's foi-drafter-gui vs
   `python main.py gui EXAMPLE` (what `make run` starts). Needs xvfb-run and xdotool; skipped without.
Runs are paired (bundle, source, bundle, source, ...) so machine load hits both alike; the first
pair is reported apart as the coldest, then the median of the rest and the ratio bundle / source.
Skips (exit 0) when no bundle has been built.
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
EXAMPLE = ROOT / "resources" / "examples" / "foisa-cost-limit.yaml"
SUFFIX = ".exe" if sys.platform == "win32" else ""


def folder_size(folder: Path) -> tuple[int, int]:
    """Return (bytes, files) under folder, not following symbolic links."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Run a command to completion and return its wall-clock seconds (failing loudly if it fails)."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=180, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def paired(bundle: list[str], source: list[str], env: dict[str, str], cwd: Path, runs: int) -> dict[str, float]:
    """Time bundle and source alternately; return the first pair, the medians and the ratio."""
    pairs = [(timed(bundle, env, cwd), timed(source, env, cwd)) for _ in range(runs + 1)]
    rest = pairs[1:] or pairs
    b, s = statistics.median(p[0] for p in rest), statistics.median(p[1] for p in rest)
    return {"first_bundle": pairs[0][0], "first_source": pairs[0][1], "bundle": b, "source": s, "ratio": b / s}


def environment(folder: Path) -> dict[str, str]:
    """Return an environment with its own config and recovery folders (preferences present: no first-run setup)."""
    config = folder / "config"
    config.mkdir()
    (config / "preferences.json").write_text(json.dumps({"version": 1}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOI_DRAFTER_")}
    env.update(
        FOI_DRAFTER_CONFIG_DIR=str(config),
        FOI_DRAFTER_RECOVERY_DIR=str(folder / "recovery"),
        FOI_DRAFTER_ORG_SETTINGS=str(folder / "no-organisation.json"),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
    )
    return env


def show(label: str, figures: dict[str, float]) -> None:
    print(
        f"{label}: bundle {figures['bundle'] * 1000:.0f} ms, source {figures['source'] * 1000:.0f} ms "
        f"(median), ratio bundle/source {figures['ratio']:.2f}; first run {figures['first_bundle'] * 1000:.0f} ms "
        f"vs {figures['first_source'] * 1000:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "foi-drafter")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--desktop-only", action="store_true", help=argparse.SUPPRESS)  # the rerun under Xvfb
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    cli, gui = bundle / f"foi-drafter{SUFFIX}", bundle / f"foi-drafter-gui{SUFFIX}"
    if not cli.exists():
        print(f"bench_bundle: no bundle at {args.bundle}; run `make dist` first (skipped)")
        return 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = environment(folder)
        python = [sys.executable, str(ROOT / "main.py")]
        if not args.desktop_only:
            size, count = folder_size(args.bundle)
            print(f"bundle: {size / 2**20:.1f} MiB in {count} files ({args.bundle})")
            show(
                "check (CLI start)",
                paired([str(cli), "check", str(EXAMPLE)], [*python, "check", str(EXAMPLE)], env, folder, args.runs),
            )
        desktop_start([str(gui), str(EXAMPLE)], [*python, "gui", str(EXAMPLE)], env, args.runs, bundle)
    return 0


def desktop_start(bundle: list[str], source: list[str], env: dict[str, str], runs: int, folder: Path) -> None:
    """Print the time until the main window is on screen, bundle vs source, in paired runs under Xvfb."""
    from bench_window import on_screen_seconds  # this folder is on sys.path when run as a script

    if not (shutil.which("xvfb-run") and shutil.which("xdotool")):
        print("gui until on screen: skipped (needs xvfb-run and xdotool)")
        return
    if not os.environ.get("DISPLAY"):
        again = [sys.executable, __file__, "--desktop-only", "--bundle", str(folder), "--runs", str(runs)]
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *again], check=False)
        return
    env = dict(env, QT_QPA_PLATFORM="xcb")
    title = "FOI Response Drafter"
    pairs = [(on_screen_seconds(bundle, title, env), on_screen_seconds(source, title, env)) for _ in range(runs + 1)]
    rest = pairs[1:] or pairs
    b, s = statistics.median(p[0] for p in rest), statistics.median(p[1] for p in rest)
    figures = {"first_bundle": pairs[0][0], "first_source": pairs[0][1], "bundle": b, "source": s, "ratio": b / s}
    show("gui until on screen (xdotool)", figures)


if __name__ == "__main__":
    sys.exit(main())
