"""The one version number (pyproject.toml's), read from the installed package with fallbacks.

An installed or bundled app reads it from the package metadata; a bare checkout reads
pyproject.toml itself; a standalone build also carries a build stamp (version, date, commit).
"""

from __future__ import annotations

import json

from app.core.paths import BUILD_STAMP, ROOT

DISTRIBUTION = "foi-drafter"
UNKNOWN = "0+unknown"


def version() -> str:
    """Return the app's version: package metadata, else pyproject.toml, else the build stamp."""
    from importlib import metadata  # slow to import: only when the version is asked for

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    return _pyproject_version() or str(build_stamp().get("version") or UNKNOWN)


def build_stamp() -> dict[str, str]:
    """Return what the standalone build recorded about itself (empty outside a bundle)."""
    try:
        data = json.loads(BUILD_STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def describe() -> str:
    """Return the version with the build's date and commit when this is a standalone build."""
    stamp = build_stamp()
    details = ", ".join(stamp[k] for k in ("built", "commit") if stamp.get(k))
    return f"{version()} (build {details})" if details else version()


def _pyproject_version() -> str | None:
    """Return the version written in the checkout's pyproject.toml, if there is one."""
    import tomllib

    try:
        with (ROOT / "pyproject.toml").open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
    except (OSError, ValueError):  # TOMLDecodeError is a ValueError
        return None
    found = project.get("version")
    return found if isinstance(found, str) else None
