"""Build hook: a wheel carries templates/, clauses/ and resources/ inside the package, at app/_data/.

app/core/paths.py looks there first and falls back to the checkout, so editable installs (and a
plain checkout) keep using the top-level folders; everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("templates", "clauses", "resources")
# Build tools, packaging recipes and README screenshots are not needed at run time.
SKIP = shutil.ignore_patterns("__pycache__", "*.py", "*.py[cod]", "packaging", "screenshots", "screenshot-*.png")
HERE = Path(__file__).resolve().parent


class BuildPyWithData(build_py):
    """Copy the shipped data folders into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "app" / "_data"
        shutil.rmtree(target, ignore_errors=True)  # never ship what an earlier build left there
        for name in DATA_FOLDERS:
            shutil.copytree(HERE / name, target / name, ignore=SKIP, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithData})
