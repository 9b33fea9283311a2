"""The wheel carries its data: built, installed into a fresh virtualenv, it renders, checks and validates elsewhere.

The wheel is built without a network (the project's setuptools, --no-isolation) and installed with
--no-deps into a new virtualenv whose only link to the project's environment is a .pth line naming
its site-packages, for the dependencies. Nothing points back at the checkout: the commands run from
a temporary folder with a copied case, so every template, clause and resource must come from the
installed package.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "foia-partial.yaml"

pytestmark = pytest.mark.skipif(importlib.util.find_spec("build") is None, reason="needs the 'build' package")


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once for this module."""
    out = tmp_path_factory.mktemp("dist")
    built = run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--skip-dependency-check", "--outdir", str(out)],
        ROOT,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    [path] = out.glob("foi_drafter-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the wheel into a new virtualenv; return its bin folder."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=False)
    python = home / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], home)
    site = Path(purelib.stdout.strip())
    (site / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], home
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return python.parent


def test_the_wheel_holds_templates_clauses_and_resources(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("templates", "clauses", "resources"):
        assert any(n.startswith(f"app/_data/{folder}/") for n in names), folder
    assert "app/_data/resources/provides.yaml" in names and "app/_data/clauses/GUIDE.md" in names
    assert not [n for n in names if n.startswith("app/_data/") and n.endswith(".py")]


def test_installed_app_reads_its_own_data(installed, outside, tmp_path):
    done = run([str(installed / "python"), "-c", "import app.core.paths as p; print(p.ROOT)"], tmp_path, outside)
    assert done.returncode == 0, done.stderr
    root = Path(done.stdout.strip())
    assert root.name == "_data" and ROOT not in root.parents


def test_render_check_and_validate_from_another_folder(installed, outside, tmp_path):
    case = tmp_path / "elsewhere" / "case.yaml"
    case.parent.mkdir()
    shutil.copyfile(EXAMPLE, case)
    work = tmp_path / "work"
    work.mkdir()
    program = str(installed / "foi-drafter")

    rendered = run([program, "render", str(case), "-o", "x.docx"], work, outside)
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    assert "section 17" in "\n".join(p.text for p in docx.Document(str(work / "x.docx")).paragraphs)
    checked = run([program, "check", str(case)], work, outside)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    validated = run([program, "library", "validate"], work, outside)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "no problems" in validated.stderr


def test_the_installed_gui_shows_a_letter_and_quits(installed, outside, tmp_path):
    case = tmp_path / "case.yaml"
    shutil.copyfile(EXAMPLE, case)
    # The benchmarks' launcher, run by the installed interpreter: its folder holds no `app`, so the
    # installed package starts, and it quits once the first preview is shown.
    launcher = ROOT / "tests" / "bench" / "first_preview.py"
    done = run([str(installed / "python"), str(launcher), str(case)], tmp_path, outside)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
