"""Smoke checks of the standalone build, run by `make dist-check` (FOI_DRAFTER_BUNDLE names the bundle).

Everything runs outside the checkout: the case is copied to a temporary folder, the working
directory and home are temporary, and no Python path points back at the source.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ["FOI_DRAFTER_BUNDLE"]).resolve() if os.environ.get("FOI_DRAFTER_BUNDLE") else None
EXAMPLE = ROOT / "resources" / "examples" / "foia-partial.yaml"
SUFFIX = ".exe" if sys.platform == "win32" else ""
GUI_SECONDS = 10

pytestmark = pytest.mark.skipif(
    BUNDLE is None, reason="set FOI_DRAFTER_BUNDLE (make dist-check) to test a built bundle"
)


def program(name: str) -> Path:
    return BUNDLE / f"{name}{SUFFIX}"


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def test_data_is_where_paths_finds_it_and_the_trimmings_are_gone():
    data = BUNDLE / "_internal" / "app" / "_data"
    for folder in ("templates", "clauses", "resources"):
        assert any((data / folder).iterdir()), folder
    assert (data / "resources" / "spelling" / "en-GB.tsv").is_file()
    assert (data / "clauses" / "GUIDE.md").is_file()
    assert not (data / "resources" / "packaging").exists()
    assert not list(data.rglob("*.py")) and not list(data.rglob("screenshot-*.png"))
    internal = BUNDLE / "_internal"
    assert not list(internal.rglob("translations/*.qm"))
    assert not [p for p in internal.rglob("*") if p.name.startswith(("libQt6Network", "Qt6Network", "libQt6Qml"))]
    assert not [p for p in internal.rglob("*") if p.is_dir() and p.name in ("tests", "test")]


def test_version_is_stamped_into_the_build(outside, tmp_path):
    with (ROOT / "pyproject.toml").open("rb") as handle:
        expected = tomllib.load(handle)["project"]["version"]
    stamp = json.loads((BUNDLE / "_internal" / "app" / "_data" / "build-info.json").read_text(encoding="utf-8"))
    assert stamp["version"] == expected
    done = run([str(program("foi-drafter")), "--version"], outside, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"foi-drafter {expected} (build {stamp['built']}")


def test_renders_and_checks_an_example_outside_the_checkout(outside, tmp_path):
    case = tmp_path / "IM-FOI-1.foicase"
    shutil.copyfile(EXAMPLE, case)
    letter = tmp_path / "letter.docx"
    done = run([str(program("foi-drafter")), "render", case.name, "-o", letter.name], outside, tmp_path)
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    assert "Freedom of Information" in text and "section 17" in text
    checked = run([str(program("foi-drafter")), "check", case.name, "--json"], outside, tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert isinstance(json.loads(checked.stdout), dict | list)


def test_spell_and_library_validate_use_the_bundled_data(outside, tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("The organisation's programme was recieved.\n", encoding="utf-8")
    spelled = run([str(program("foi-drafter")), "spell", words.name], outside, tmp_path)
    assert spelled.returncode == 1 and "recieved" in spelled.stdout and "organisation" not in spelled.stdout
    validated = run([str(program("foi-drafter")), "library", "validate"], outside, tmp_path)
    assert validated.returncode == 0, validated.stdout + validated.stderr


def test_the_gui_runs_offscreen_for_ten_seconds_without_a_traceback(outside, tmp_path):
    case = tmp_path / "IM-FOI-1.foicase"
    shutil.copyfile(EXAMPLE, case)
    log = tmp_path / "gui.log"
    with log.open("w", encoding="utf-8") as stream:
        process = subprocess.Popen(
            [str(program("foi-drafter-gui")), str(case)], env=outside, cwd=tmp_path, stdout=stream, stderr=stream
        )
        try:
            time.sleep(GUI_SECONDS)
            still_running = process.poll() is None
        finally:
            process.terminate()
            process.wait(timeout=30)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert still_running, f"the app exited early with {process.returncode}:\n{output}"
    assert "Traceback" not in output and "Error" not in output, output
    assert (tmp_path / "recovery").is_dir()  # it really opened the case and autosaved its session folder
