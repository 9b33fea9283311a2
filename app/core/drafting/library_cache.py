"""An on-disk cache of loaded clause libraries, so a process need not parse and validate every clause again.

The cache file sits in the user's cache folder (``FOI_DRAFTER_CACHE_DIR`` overrides it) and holds
the loaded library under a key made of everything loading reads: each layer's name and folder,
the path, size and modification time of every clause file, the skeletons and statute registries
validation consults, the app's own code, and the Python, Jinja2 and PyYAML versions. Any change
means a rebuild. The file carries a checksum, is replaced atomically (two processes may write it
at once; a reader sees one whole file or the other), and anything unexpected in it (truncation,
corruption, an old format) only means it is rebuilt: a cache problem never reaches the user.
A library whose files changed in the last few seconds is not cached, since a file rewritten
within the file system's timestamp resolution could otherwise keep its old size and time.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.paths import REGISTRY_DIR, TEMPLATES_DIR

if TYPE_CHECKING:
    from app.core.drafting.library import Layer, Library

CACHE_DIR_VARIABLE = "FOI_DRAFTER_CACHE_DIR"
_MAGIC = b"FOI-DRAFTER LIBRARY CACHE 2\n"  # 2: clauses carry header conditions (when:)
_QUIET_SECONDS = 3.0  # files changed more recently than this are not cached yet
_CODE_DIRS = ("core/drafting", "core/law", "core/casefile", "core/storage")


def cache_dir() -> Path:
    """Return the folder for cache files (it need not exist yet)."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("foi-drafter", appauthor=False)


def load_cached(layers: Sequence[Layer], validate: bool, build: Callable[[], Library]) -> Library:
    """Return the library from the cache when nothing it depends on changed; else build and cache it."""
    try:
        key = _key(layers, validate)
        path = cache_dir() / f"library-{zlib.crc32(repr(key[:3]).encode()):08x}.pickle"
    except OSError:
        return build()
    cached = _read(path, key)
    if cached is not None:
        return cached
    library = build()
    if _quiet(key) and _key(layers, validate) == key:  # unchanged while it was being built
        _write(path, key, library)
    return library


def _key(layers: Sequence[Layer], validate: bool) -> tuple[Any, ...]:
    """Return everything a loaded library depends on, as a comparable value."""
    import jinja2
    import yaml

    folders = tuple((layer.name, str(Path(layer.folder).absolute())) for layer in layers)
    versions = (sys.version, jinja2.__version__, yaml.__version__)
    files = tuple(_stats(Path(folder), ".md") + _stats(Path(folder), ".yaml", deep=False) for _, folder in folders)
    app_root = Path(__file__).resolve().parents[2]
    depends = (
        _stats(TEMPLATES_DIR, ".yaml"),
        _stats(REGISTRY_DIR, ".yaml"),
        *(_stats(app_root / sub, ".py") for sub in _CODE_DIRS),
        (("app", *code_stamp(app_root / "__init__.py")),),  # the program itself in a standalone build
    )
    return (folders, validate, str(Path.cwd()), versions, files, depends)


def code_stamp(source: Path) -> tuple[int, int]:
    """Return (size, mtime in ns) of a module's source file, or of the running program in a standalone build.

    A standalone build carries the code inside its executable, not as .py files, so the executable
    stands for all of it: installing another build changes it.
    """
    try:
        info = source.stat()
    except OSError:
        info = Path(sys.executable).stat()
    return info.st_size, info.st_mtime_ns


def _stats(folder: Path, suffix: str, deep: bool = True) -> tuple[Any, ...]:
    """Return (relative path, size, modification time in ns) of each file below folder with the suffix.

    With deep=False only the folder's own files (a layer's library.yaml settings).
    """
    if not folder.is_dir():
        return ("missing",)
    found: list[tuple[str, int, int]] = []
    _scan(str(folder), "", suffix, found, deep)
    return tuple(sorted(found))


def _scan(folder: str, prefix: str, suffix: str, found: list[tuple[str, int, int]], deep: bool = True) -> None:
    """Add the matching files of one folder and its sub-folders (os.scandir: one stat per file, no Path objects)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):  # as Path.rglob, which does not enter linked folders
                if deep:
                    _scan(entry.path, f"{prefix}{entry.name}/", suffix, found)
            elif entry.name.endswith(suffix):
                info = entry.stat()
                found.append((prefix + entry.name, info.st_size, info.st_mtime_ns))


def _quiet(key: tuple[Any, ...]) -> bool:
    """Tell whether no file in the key changed within the last few seconds."""
    newest = max((entry[2] for group in (*key[4], *key[5]) for entry in group if len(entry) == 3), default=0)
    return newest < (time.time() - _QUIET_SECONDS) * 1e9


def _read(path: Path, key: tuple[Any, ...]) -> Library | None:
    """Return the cached library if the file is whole and was made for this key; else None."""
    payload = read_checked(path, _MAGIC)
    if payload is None:
        return None
    try:
        stored_key, library = pickle.loads(payload)
    except Exception:  # a cache written by other code, or damaged in a way the checksum missed
        return None
    return library if stored_key == key else None


def _write(path: Path, key: tuple[Any, ...], library: Library) -> None:
    """Write the cache file; failing to write it is not an error."""
    try:
        payload = pickle.dumps((key, library), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    write_checked(path, _MAGIC, payload)


def read_checked(path: Path, magic: bytes) -> bytes | None:
    """Return the payload of a cache file written by write_checked, or None if absent, foreign or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = len(magic) + 4
    payload = data[header:]
    if not data.startswith(magic) or zlib.crc32(payload).to_bytes(4, "big") != data[len(magic) : header]:
        return None
    return payload


def write_checked(path: Path, magic: bytes, payload: bytes) -> None:
    """Write magic, a checksum and the payload to a private temporary file, then rename it over path.

    A reader sees the old file or the new one, whole. No fsync: a file damaged by a crash fails
    its checksum and is rebuilt. Failing to write (a read-only or full disk) is not an error.
    """
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(magic + zlib.crc32(payload).to_bytes(4, "big") + payload)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
