"""The domain core never imports Qt: every module of the core and the command line imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_FREE_PACKAGES = ("app.core", "app.commands", "app.cli")

# Runs in a fresh interpreter: blocks PySide6, then imports every module found under each named
# package (the tree is walked, so a new module is covered without touching this test).
PROBE = """
import importlib, pkgutil, sys
sys.modules['PySide6'] = None  # any 'import PySide6...' now raises ImportError
count = 0
for root in sys.argv[1:]:
    package = importlib.import_module(root)
    count += 1
    for info in pkgutil.walk_packages(getattr(package, '__path__', []), prefix=root + '.'):
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            sys.exit(f'{info.name} needs Qt: {exc}')
        count += 1
print(count)
"""


def run_probe(packages: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Import every module under the packages with PySide6 blocked, in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-c", PROBE, *packages], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_core_and_commands_import_without_qt():
    result = run_probe(QT_FREE_PACKAGES, ROOT)
    assert result.returncode == 0, result.stderr
    files = [
        *(ROOT / "app" / "core").rglob("*.py"),
        *(ROOT / "app" / "commands").rglob("*.py"),
        ROOT / "app" / "cli.py",
    ]
    assert int(result.stdout) == len(files)  # every module of the tree was imported


def test_probe_fails_when_a_core_module_imports_qt(tmp_path):
    core = tmp_path / "fakeapp" / "core" / "deep"
    core.mkdir(parents=True)
    for folder in (core.parent.parent, core.parent, core):
        (folder / "__init__.py").write_text('"""Package."""\n')
    (core.parent / "fine.py").write_text('"""Qt-free."""\nimport json\n')
    (core / "window.py").write_text('"""Not Qt-free."""\nfrom PySide6.QtWidgets import QWidget\n')

    result = run_probe(("fakeapp.core",), tmp_path)

    assert result.returncode != 0
    assert "fakeapp.core.deep.window needs Qt" in result.stderr


def test_every_module_has_a_docstring():
    for path in sorted((ROOT / "app").rglob("*.py")):
        source = path.read_text(encoding="utf-8").lstrip()
        assert source.startswith('"""'), f"{path.relative_to(ROOT)} has no module docstring"


def test_command_line_help_never_loads_qt():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app.cli", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line]
    assert "app" in imported  # the listing is real (app.cli itself runs as __main__)
    assert not [name for name in imported if name.split(".")[0] in ("PySide6", "shiboken6")]
