"""Where each clause library layer lives: the organisation folder exists from day one, without Settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.drafting.library import Layer

# The clause library (and with it Jinja2) is imported only by the functions that build layers, so
# the desktop app can find its folders before the window is shown without loading it.

ORGANISATION = "organisation"
FOLDER_NAME = "clauses"
README = """# Organisation clause library

Clause files (`*.md`) here override the built-in clauses with the same `id` and add new ones.
Edit them in the app's clause workbench (Tools > Clause library workbench). To share them with
colleagues, make this folder a git repository with a remote, or choose a shared folder in Settings.
"""


def default_organisation_folder(data_dir: Path) -> Path:
    """Return the organisation layer used until a shared folder is chosen in Settings."""
    return data_dir / FOLDER_NAME


def library_folders(chosen: Sequence[Path], organisation_default: Path) -> list[Path]:
    """Return the folders chosen in Settings, or else the default organisation folder alone."""
    return list(chosen) if chosen else [organisation_default]


def ensure_folder(folder: Path) -> str:
    """Create a layer folder with a short README when missing; return a problem as text ("" if fine)."""
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "README.md").write_text(README, encoding="utf-8")
    except OSError as exc:
        return f"{folder}: cannot create the clause library folder: {exc.strerror or exc}"
    return ""


@dataclass(frozen=True)
class LayerInfo:
    """A layer as the workbench describes it to a reviewer."""

    name: str
    folder: Path
    editable: bool
    kind: str  # "ships with the app" | "git repository" | "folder" | "missing"

    @property
    def label(self) -> str:
        """Return one line: the layer, where it lives and what it is."""
        what = self.kind if self.editable or self.kind != "ships with the app" else "read-only, ships with the app"
        return f"{self.name.capitalize()}: {self.folder} ({what})"


def describe_layers(layers: Sequence[Layer]) -> list[LayerInfo]:
    """Describe where each layer lives and whether it is shared through git."""
    from app.core.drafting.library import BUILT_IN
    from app.core.workbench.history import git_root

    found = []
    for layer in layers:
        if layer.name == BUILT_IN:
            found.append(LayerInfo(layer.name, layer.folder, False, "ships with the app"))
        elif not layer.folder.is_dir():
            found.append(LayerInfo(layer.name, layer.folder, True, "missing"))
        else:
            kind = "git repository" if git_root(layer.folder) else "folder"
            found.append(LayerInfo(layer.name, layer.folder, True, kind))
    return found


def app_layers(chosen: Sequence[Path], organisation_default: Path) -> list[Layer]:
    """Return every layer letters use: built-in, then organisation (default folder if none chosen), then personal."""
    from app.core.drafting.library import default_layers

    return default_layers(library_folders(chosen, organisation_default))
