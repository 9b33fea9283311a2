"""One version number: pyproject.toml's, shown by --version and About, stamped into standalone builds."""

from __future__ import annotations

import json
import tomllib

import pytest

from app.cli import main
from app.core import version as version_module
from app.core.paths import ROOT


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def test_the_version_is_the_one_in_pyproject():
    assert version_module.version() == pyproject_version()
    assert version_module._pyproject_version() == pyproject_version()


def test_version_option_prints_it(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"foi-drafter {pyproject_version()}"


def test_a_build_stamp_adds_date_and_commit(tmp_path, monkeypatch):
    stamp = tmp_path / "build-info.json"
    monkeypatch.setattr(version_module, "BUILD_STAMP", stamp)
    assert version_module.build_stamp() == {}
    stamp.write_text(json.dumps({"version": "9.9", "built": "2026-12-01", "commit": "abc1234"}), encoding="utf-8")
    assert version_module.describe() == f"{pyproject_version()} (build 2026-12-01, abc1234)"
    stamp.write_text("[not a stamp", encoding="utf-8")
    assert version_module.build_stamp() == {}


def test_a_checkout_without_metadata_falls_back_to_pyproject_then_the_stamp(tmp_path, monkeypatch):
    from importlib import metadata

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert version_module.version() == pyproject_version()
    monkeypatch.setattr(version_module, "ROOT", tmp_path)
    monkeypatch.setattr(version_module, "BUILD_STAMP", tmp_path / "build-info.json")
    assert version_module.version() == version_module.UNKNOWN
    (tmp_path / "build-info.json").write_text('{"version": "1.2.3"}', encoding="utf-8")
    assert version_module.version() == "1.2.3"
