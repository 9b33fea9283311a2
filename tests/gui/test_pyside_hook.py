"""PySide6's import hook gets the same answers from file bytes, and no longer keeps every module's source in memory."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import app.gui.application  # noqa: F401 - installs the hook (app.gui does), and mentions PySide6
from app.gui import pyside_hook

ROOT = Path(__file__).resolve().parents[2]


def _hook():
    return sys.modules["shibokensupport.feature"]._mod_uses_pyside


def test_the_hook_is_installed_once_by_the_gui_package() -> None:
    assert getattr(_hook(), "_answers_from_bytes", False)
    assert pyside_hook.install() is False  # already installed: not wrapped twice


def test_every_loaded_module_gets_pysides_own_answer() -> None:
    hook = _hook()
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    answers = {m.__name__: hook(m) for m in modules}
    assert answers == {m.__name__: hook.__wrapped__(m) for m in modules}
    assert answers["app.gui.application"] and not answers["app.core.problems"] and not answers["json"]


def test_a_module_without_a_source_file_is_asked_the_original_way(tmp_path: Path) -> None:
    asked = []
    test = pyside_hook.uses_pyside_test(lambda module: asked.append(module.__name__) or True)
    assert test(sys) is True and asked == ["sys"]
    compiled = ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "compiled.cpython-311.so")
    missing = ModuleType("missing")
    missing.__file__ = str(tmp_path / "gone.py")
    assert test(compiled) and test(missing) and asked == ["sys", "compiled", "missing"]
    written = ModuleType("written")
    written.__file__ = str(tmp_path / "written.py")
    Path(written.__file__).write_text("# uses PySide6 in a comment\n", encoding="utf-8")
    assert test(written) is True and len(asked) == 3


def test_building_the_window_leaves_module_sources_out_of_linecache() -> None:
    probe = textwrap.dedent(
        """
        import linecache
        import app.gui.application, app.gui.officer.main_window, jinja2, json
        print(len(linecache.cache))
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert int(result.stdout.split()[-1]) < 20, result.stdout
