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

import sys
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.paths import REGISTRY_DIR, TEMPLATES_DIR
from app.core.storage.disk_cache import (
    QUIET_SECONDS,
    cache_dir,
    code_stamp,
    file_stats,
    read_keyed,
    write_keyed,
)

if TYPE_CHECKING:
    from app.core.drafting.library import Layer, Library

_MAGIC = b"FOI-DRAFTER LIBRARY CACHE 2\n"  # 2: clauses carry header conditions (when:)
_CODE_DIRS = ("core/drafting", "core/law", "core/casefile", "core/storage")


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


def library_signature(folders: Iterable[Path | str]) -> tuple[Any, ...]:
    """Return a value that changes whenever a clause file in the folders is added, removed or changed.

    It is what the cache key holds of each layer: every clause file's path, size and time.
    """
    return tuple((str(Path(folder).absolute()), file_stats(Path(folder), ".md")) for folder in folders)


def _key(layers: Sequence[Layer], validate: bool) -> tuple[Any, ...]:
    """Return everything a loaded library depends on, as a comparable value."""
    import jinja2
    import yaml

    folders = tuple((layer.name, str(Path(layer.folder).absolute())) for layer in layers)
    versions = (sys.version, jinja2.__version__, yaml.__version__)
    files = tuple(
        file_stats(Path(folder), ".md") + file_stats(Path(folder), ".yaml", deep=False) for _, folder in folders
    )
    app_root = Path(__file__).resolve().parents[2]
    depends = (
        file_stats(TEMPLATES_DIR, ".yaml"),
        file_stats(REGISTRY_DIR, ".yaml"),
        *(file_stats(app_root / sub, ".py") for sub in _CODE_DIRS),
        (("app", *code_stamp(app_root / "__init__.py")),),  # the program itself in a standalone build
    )
    return (folders, validate, str(Path.cwd()), versions, files, depends)


def _quiet(key: tuple[Any, ...]) -> bool:
    """Tell whether no file in the key changed within the last few seconds."""
    newest = max((entry[2] for group in (*key[4], *key[5]) for entry in group if len(entry) == 3), default=0)
    return newest < (time.time() - QUIET_SECONDS) * 1e9


def _read(path: Path, key: tuple[Any, ...]) -> Library | None:
    """Return the cached library if the file is whole and was made for this key; else None."""
    found = read_keyed(path, _MAGIC, key)
    return found[0] if found is not None else None


def _write(path: Path, key: tuple[Any, ...], library: Library) -> None:
    """Write the cache file; failing to write it is not an error."""
    write_keyed(path, _MAGIC, key, library)
