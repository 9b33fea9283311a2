"""Tracked files cite real sources and never name a development machine's paths."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Built from pieces so that this file does not match its own patterns.
FORBIDDEN = {
    "the team's internal legal reference (cite the statute or guidance instead)": re.compile("legal" + r"\.md"),
    "the team's internal product notes": re.compile("product" + r"\.md"),
    "a development machine's shared folder": re.compile("/" + "work/"),
    "a development machine's temporary folder": re.compile("/" + "tmp/"),
    "a user's home folder": re.compile("/" + r"home/[A-Za-z_][\w.-]*"),
    "a Windows user's profile folder": re.compile(r"[A-Za-z]:[\\/]+" + "Users" + r"[\\/]", re.IGNORECASE),
}


def tracked_files() -> list[Path]:
    """Return the files git tracks in this checkout (skips when there is no git or no checkout)."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    done = subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("not a git checkout")
    return [ROOT / name for name in done.stdout.decode("utf-8").split("\0") if name]


def offences(text: str) -> list[str]:
    """Return 'line N: what' for each forbidden reference in text."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        found += [f"line {number}: {what}" for what, pattern in FORBIDDEN.items() if pattern.search(line)]
    return found


@pytest.mark.parametrize(
    "text",
    [
        'references: ["FOIA s17", "legal' + '.md §2a"]',
        "# traceable to /" + "work/shared/reference",
        "see /" + "home/alice/notes.txt",
        "C:\\" + "Users\\bob\\Desktop",
        "written to /" + "tmp/out.docx",
    ],
)
def test_patterns_catch_each_kind_of_offence(text: str) -> None:
    assert offences(text)


def test_patterns_allow_real_citations() -> None:
    assert not offences('references: ["FOIA s17(7)", "ICO guidance: Refusing a request (section 17)"]')
    assert not offences("home/page and the library's work/flow are fine")


def test_no_tracked_file_names_internal_notes_or_machine_paths() -> None:
    problems = []
    for path in tracked_files():
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary (Word letterhead, images)
        for offence in offences(data.decode("utf-8", errors="replace")):
            problems.append(f"{path.relative_to(ROOT)}: {offence}")
    assert not problems, "\n".join(problems)
