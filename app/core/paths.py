"""Where the shipped data lives: templates, clauses and resources, in a checkout or an installed wheel.

This is the one module that knows. An installed wheel carries the data inside the package
(``app/_data/…``, copied there at build time); a source checkout keeps it at the top level.
"""

from __future__ import annotations

from pathlib import Path

# The app package's folder: what importlib.resources.files("app") gives for it, without importing
# importlib.resources (and the tempfile, random and zipfile modules it brings) at every start.
_PACKAGE = Path(__file__).parent.parent


def _data_root() -> Path:
    """Return the folder holding templates/, clauses/ and resources/."""
    packaged = _PACKAGE / "_data"
    if (packaged / "resources").is_dir():
        return packaged
    return _PACKAGE.parent


ROOT = _data_root()
TEMPLATES_DIR = ROOT / "templates"
CLAUSES_DIR = ROOT / "clauses"
RESOURCES_DIR = ROOT / "resources"
EXAMPLES_DIR = RESOURCES_DIR / "examples"
LETTERHEAD = RESOURCES_DIR / "letterhead.docx"
REGISTRY_DIR = RESOURCES_DIR / "registry"
CONTACTS_FILE = RESOURCES_DIR / "contacts.yaml"
PROVIDES_FILE = RESOURCES_DIR / "provides.yaml"  # the statutory element codes clauses declare
CALENDAR_DIR = RESOURCES_DIR / "calendar"
SPELLING_DIR = RESOURCES_DIR / "spelling"
HELP_DIR = RESOURCES_DIR / "help"
USER_GUIDE = HELP_DIR / "user-guide.md"
BUILD_STAMP = ROOT / "build-info.json"  # written by the standalone build only
LAW_DIR = RESOURCES_DIR / "law"
