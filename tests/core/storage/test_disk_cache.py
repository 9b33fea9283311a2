"""The data cache: shipped law files read once and kept, rebuilt on change or damage, never wrong."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.law.registry import read_registry
from app.core.law.requirement_rows import read_requirements
from app.core.paths import LAW_DIR, REGISTRY_DIR
from app.core.storage import disk_cache
from app.core.storage.disk_cache import remembered

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty cache folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(disk_cache.CACHE_DIR_VARIABLE, str(folder))
    return folder


def _settled(path: Path, text: str) -> Path:
    """Write a source file dated an hour back, so its result may be kept."""
    path.write_text(text, encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))
    return path


class Counter:
    """A build function that counts its calls and returns the file's text."""

    def __init__(self, path: Path) -> None:
        self.path, self.calls = path, 0

    def __call__(self) -> str:
        self.calls += 1
        return self.path.read_text(encoding="utf-8")


def test_a_kept_result_is_returned_without_building_again(cache: Path, tmp_path: Path) -> None:
    source = _settled(tmp_path / "data.yaml", "one")
    build = Counter(source)
    assert remembered("t", [source], build) == "one"
    assert remembered("t", [source], build) == "one"
    assert build.calls == 1
    assert len(list(cache.glob("data-t-*.pickle"))) == 1


def test_a_changed_source_is_read_again(cache: Path, tmp_path: Path) -> None:
    source = _settled(tmp_path / "data.yaml", "one")
    build = Counter(source)
    remembered("t", [source], build)
    _settled(source, "two, longer")
    assert remembered("t", [source], build) == "two, longer"
    assert build.calls == 2


def test_a_source_changed_seconds_ago_is_read_but_not_kept(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.yaml"
    source.write_text("fresh", encoding="utf-8")
    build = Counter(source)
    assert remembered("t", [source], build) == "fresh"
    assert remembered("t", [source], build) == "fresh"
    assert build.calls == 2
    assert not cache.exists() or not list(cache.glob("data-*.pickle"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-3] + b"xyz",  # corrupt payload: checksum fails
        lambda data: b"something else entirely",  # foreign file
        lambda data: b"",  # empty
    ],
    ids=["truncated", "corrupt", "foreign", "empty"],
)
def test_a_damaged_cache_file_is_rebuilt_never_used(cache: Path, tmp_path: Path, damage) -> None:
    source = _settled(tmp_path / "data.yaml", "right")
    build = Counter(source)
    remembered("t", [source], build)
    (kept,) = cache.glob("data-t-*.pickle")
    kept.write_bytes(damage(kept.read_bytes()))
    assert remembered("t", [source], build) == "right"
    assert build.calls == 2
    assert remembered("t", [source], build) == "right"  # and it was written whole again
    assert build.calls == 2


def test_what_build_raises_is_raised_and_nothing_is_kept(cache: Path, tmp_path: Path) -> None:
    source = _settled(tmp_path / "data.yaml", "broken")

    def fail() -> str:
        raise ValueError("the file is broken")

    for _ in range(2):
        with pytest.raises(ValueError, match="the file is broken"):
            remembered("t", [source], fail)
    assert not cache.exists() or not list(cache.glob("data-*.pickle"))


def test_a_missing_source_means_building_without_the_cache(cache: Path, tmp_path: Path) -> None:
    missing = tmp_path / "absent.yaml"

    def build() -> str:
        raise FileNotFoundError(missing)

    with pytest.raises(FileNotFoundError):
        remembered("t", [missing], build)


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(disk_cache.CACHE_DIR_VARIABLE, str(blocker / "cache"))
    source = _settled(tmp_path / "data.yaml", "value")
    build = Counter(source)
    assert remembered("t", [source], build) == "value"
    assert remembered("t", [source], build) == "value"
    assert build.calls == 2


def test_the_kept_registry_and_requirements_equal_a_fresh_read(cache: Path) -> None:
    for regime in ("foia", "foisa", "eir", "eisr"):
        path = REGISTRY_DIR / f"{regime}.yaml"
        fresh = read_registry(path, regime)
        remembered(f"registry-{regime}", [path], lambda path=path, regime=regime: read_registry(path, regime))
        kept = remembered(f"registry-{regime}", [path], lambda: pytest.fail("built again"))
        assert kept == fresh
    path = LAW_DIR / "requirements.yaml"
    fresh_rows = read_requirements(path)
    remembered("requirements", [path], lambda: read_requirements(path))
    assert remembered("requirements", [path], lambda: pytest.fail("built again")) == fresh_rows


WORKER = """
import sys
from pathlib import Path
from app.core.storage.disk_cache import remembered
source = Path(sys.argv[1])
for _ in range(20):
    value = remembered("shared", [source], lambda: source.read_text(encoding="utf-8") * 1000)
    assert value == "abc" * 1000, value[:20]
print("ok")
"""


def test_two_processes_reading_and_writing_at_once_each_get_the_right_value(cache: Path, tmp_path: Path) -> None:
    source = _settled(tmp_path / "data.yaml", "abc")
    env = {**os.environ, disk_cache.CACHE_DIR_VARIABLE: str(cache)}
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(source)], cwd=ROOT, env=env, stdout=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [worker.communicate(timeout=120)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0]
    assert outputs == [b"ok\n", b"ok\n"]
    assert not list(cache.glob("*.tmp"))
