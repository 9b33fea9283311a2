"""Where the layers live: an organisation folder by default, described to the reviewer."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.core.drafting.library import BUILT_IN, load_library
from app.core.paths import CLAUSES_DIR
from app.core.settings.preferences import Preferences
from app.core.workbench.layers import (
    app_layers,
    default_organisation_folder,
    describe_layers,
    ensure_folder,
    library_folders,
)


def test_the_organisation_layer_defaults_to_the_user_data_folder(tmp_path):
    default = default_organisation_folder(tmp_path / "data")
    assert default == tmp_path / "data" / "clauses"
    assert library_folders(Preferences().library_paths(), default) == [default]
    chosen = Preferences(library_folders=[str(tmp_path / "shared"), str(tmp_path / "mine")])
    assert library_folders(chosen.library_paths(), default) == [tmp_path / "shared", tmp_path / "mine"]
    layers = app_layers([], default)
    assert [(layer.name, layer.folder) for layer in layers] == [(BUILT_IN, CLAUSES_DIR), ("organisation", default)]


def test_ensure_folder_creates_an_empty_layer_that_loads_cleanly(tmp_path):
    folder = tmp_path / "data" / "clauses"
    assert ensure_folder(folder) == ""
    assert (folder / "README.md").is_file()
    library = load_library(app_layers([], folder))
    assert not [p for p in library.problems if "folder" in p.message]
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    assert "cannot create the clause library folder" in ensure_folder(blocked / "clauses")


def test_layers_say_where_they_live_and_what_they_are(tmp_path):
    org = tmp_path / "org"
    org.mkdir()
    infos = describe_layers(app_layers([org, tmp_path / "gone"], org))
    assert [(i.name, i.editable, i.kind) for i in infos] == [
        (BUILT_IN, False, "ships with the app"),
        ("organisation", True, "folder"),
        ("personal", True, "missing"),
    ]
    assert infos[0].label == f"Built-in: {CLAUSES_DIR} (read-only, ships with the app)"
    assert infos[1].label == f"Organisation: {org} (folder)"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_git_repository_layer_is_described_as_one(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    infos = describe_layers(app_layers([tmp_path / "repo"], tmp_path))
    assert infos[1].kind == "git repository"
