"""The on-disk library and template caches: same results as a fresh load, rebuilt on change or damage."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from app.core.casefile.model import load_case
from app.core.drafting import library_cache, template_cache
from app.core.drafting.assemble import assemble
from app.core.drafting.library import Layer, default_layers, load_library
from app.core.paths import EXAMPLES_DIR
from app.core.storage import disk_cache
from app.core.word.export import ExportOptions, letter_docx_bytes
from tests.core.conftest import TODAY

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty cache folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(disk_cache.CACHE_DIR_VARIABLE, str(folder))
    return folder


def _settled_library(folder: Path, count: int = 3) -> Layer:
    """Write a few clause files and date them an hour back (so they may be cached)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        _write(folder / f"clause-{n}.md", f"Clause {n} for {{{{ case.requester.name }}}}.")
    return Layer("organisation", folder)


def _write(path: Path, body: str, age: float = 3600) -> None:
    """Write a clause file with an old modification time."""
    path.write_text(
        f"---\nid: org.{path.stem}\ntitle: {path.stem}\ntopic: closing\nstatus: approved\n"
        f"approved_by: Lead\nregimes: [foia]\n---\n{body}\n",
        encoding="utf-8",
    )
    old = time.time() - age
    os.utime(path, (old, old))


def _summary(library) -> tuple:
    """Return what a library holds, comparably."""
    clauses = sorted((c.id, c.path, c.layer, c.body, c.status, c.body_line) for c in library.clauses.values())
    shadowed = sorted((k, [c.path for c in v]) for k, v in library.shadowed.items())
    return clauses, shadowed, [str(p) for p in library.problems]


def _cache_files(cache: Path) -> list[Path]:
    """Return the library cache files."""
    return sorted(cache.glob("library-*.pickle"))


@pytest.mark.parametrize("validate", [True, False])
def test_a_cached_library_is_the_library_a_fresh_load_gives(cache: Path, validate: bool) -> None:
    fresh = load_library(default_layers(), validate=validate, cache=False)
    first = load_library(default_layers(), validate=validate)
    assert _cache_files(cache) or not library_cache._quiet(library_cache._key(default_layers(), validate))
    second = load_library(default_layers(), validate=validate)
    assert _summary(first) == _summary(second) == _summary(fresh)
    assert second is not first


def test_letters_from_the_cached_library_are_byte_identical(cache: Path) -> None:
    fresh = load_library(cache=False)
    load_library()
    cached = load_library()
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        case = load_case(path)
        options = ExportOptions(today=TODAY)
        expected = _parts(letter_docx_bytes(assemble(case, fresh, TODAY), case, options))
        assert _parts(letter_docx_bytes(assemble(case, cached, TODAY), case, options)) == expected, path.name


def _parts(data: bytes) -> dict[str, bytes]:
    """Return each part of a .docx by name (the zip's own entry times are the time of saving)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_changed_added_or_removed_clause_file_rebuilds_the_cache(cache: Path, tmp_path: Path) -> None:
    layer = _settled_library(tmp_path / "org")
    layers = [*default_layers(), layer]
    load_library(layers)
    assert load_library(layers).clauses["org.clause-1"].body == "Clause 1 for {{ case.requester.name }}.\n"
    _write(layer.folder / "clause-1.md", "Changed wording.", age=1800)
    assert load_library(layers).clauses["org.clause-1"].body == "Changed wording.\n"
    _write(layer.folder / "clause-9.md", "New.", age=1800)
    assert "org.clause-9" in load_library(layers).clauses
    (layer.folder / "clause-0.md").unlink()
    assert "org.clause-0" not in load_library(layers).clauses


def test_files_changed_seconds_ago_are_not_cached_yet(cache: Path, tmp_path: Path) -> None:
    layer = _settled_library(tmp_path / "org")
    _write(layer.folder / "clause-0.md", "Just saved.", age=0)
    load_library([layer])
    assert not _cache_files(cache)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]),  # a flipped byte
        lambda data: b"",  # empty
        lambda data: b"not a cache at all",
        lambda data: data[:40],  # only the header
    ],
    ids=["truncated", "flipped-byte", "empty", "garbage", "header-only"],
)
def test_a_damaged_cache_is_rebuilt_never_used(cache: Path, tmp_path: Path, damage) -> None:
    layer = _settled_library(tmp_path / "org")
    expected = _summary(load_library([layer], cache=False))
    load_library([layer])
    (path,) = _cache_files(cache)
    path.write_bytes(damage(path.read_bytes()))
    assert _summary(load_library([layer])) == expected
    assert _summary(load_library([layer])) == expected  # and the rewritten file is good
    assert library_cache._read(path, library_cache._key([layer], True)) is not None


def test_a_cache_made_for_other_files_is_not_used(cache: Path, tmp_path: Path) -> None:
    first = _settled_library(tmp_path / "one")
    load_library([first])
    (path,) = _cache_files(cache)
    other = _settled_library(tmp_path / "two", count=1)
    other_key = library_cache._key([other], True)
    assert library_cache._read(path, other_key) is None


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(disk_cache.CACHE_DIR_VARIABLE, str(blocker / "cache"))
    layer = _settled_library(tmp_path / "org")
    assert _summary(load_library([layer])) == _summary(load_library([layer], cache=False))


PROCESS = """
import sys
from pathlib import Path
from app.core.drafting.library import Layer, default_layers, load_library
layers = [*default_layers(), Layer("organisation", Path(sys.argv[1]))]
for _ in range(int(sys.argv[2])):
    library = load_library(layers)
    assert len(library.clauses) == int(sys.argv[3]), len(library.clauses)
    assert "org.clause-1" in library.clauses
print("ok")
"""


def test_two_processes_loading_and_rebuilding_at_once_each_get_the_right_library(cache: Path, tmp_path: Path) -> None:
    layer = _settled_library(tmp_path / "org", count=5)
    expected = len(load_library([*default_layers(), layer], cache=False).clauses)
    env = {**os.environ, disk_cache.CACHE_DIR_VARIABLE: str(cache)}
    args = [sys.executable, "-c", PROCESS, str(layer.folder), "6", str(expected)]
    runs = [subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for _ in range(4):  # meanwhile keep invalidating the cache, so both processes rebuild and rewrite it
        time.sleep(0.3)
        for path in _cache_files(cache):
            path.write_bytes(path.read_bytes()[:100])
    for run in runs:
        out, err = run.communicate(timeout=100)
        assert run.returncode == 0, err.decode()
        assert out.decode().strip() == "ok"
    assert not list(cache.glob("*.tmp")), "no temporary files are left behind"


def test_a_cached_template_renders_as_from_string_does(cache: Path) -> None:
    from app.core.drafting.templating import environment

    source = "{% for x in items %}{{ x|upper }}{% if not loop.last %}, {% endif %}{% endfor %}"
    first = template_cache.compile_template(source)
    second = template_cache.compile_template(source)  # read back from the cache
    assert list(cache.glob("templates-*/*.bin"))
    expected = environment().from_string(source).render(items=["a", "b"])
    assert first.render(items=["a", "b"]) == second.render(items=["a", "b"]) == expected == "A, B"


def test_a_damaged_or_colliding_template_cache_file_is_recompiled(cache: Path) -> None:
    source = "Hello {{ name }}"
    template_cache.compile_template(source)
    path = template_cache._path_for(source)
    path.write_bytes(path.read_bytes()[:-3])
    assert template_cache.compile_template(source).render(name="you") == "Hello you"
    # A whole file holding another source (as after a name collision) is not used for this one.
    from app.core.drafting.templating import environment

    other = "Bye {{ name }}"
    template_cache._write(path, other, environment().compile(other))
    assert template_cache._read(path, other) is not None
    assert template_cache.compile_template(source).render(name="you") == "Hello you"


def test_a_template_syntax_error_is_jinjas_own() -> None:
    import jinja2

    from app.core.drafting.templating import environment

    with pytest.raises(jinja2.TemplateSyntaxError) as expected:
        environment().from_string("{% if x %}open")
    with pytest.raises(jinja2.TemplateSyntaxError) as got:
        template_cache.compile_template("{% if x %}open")
    assert (got.value.message, got.value.lineno) == (expected.value.message, expected.value.lineno)


def test_a_standalone_build_without_sources_is_keyed_by_its_program(tmp_path: Path) -> None:
    import sys

    from app.core.drafting.library_cache import code_stamp

    source = tmp_path / "module.py"
    source.write_text("x = 1\n", encoding="utf-8")
    assert code_stamp(source)[0] == len("x = 1\n")
    program = Path(sys.executable).stat()
    assert code_stamp(tmp_path / "not-shipped.py") == (program.st_size, program.st_mtime_ns)


@pytest.mark.parametrize(
    "condition, names",
    [
        ("part.outcome == 'withheld' and not group", {"part": {"outcome": "withheld"}, "group": None}),
        ("exemption.qualified and group.kind != 'ncnd'", {"exemption": {"qualified": True}, "group": {"kind": "x"}}),
        ("missing is defined", {}),
        ("items|length > 1", {"items": [1, 2]}),
    ],
)
def test_a_cached_condition_gives_what_jinjas_compile_expression_gives(cache: Path, condition: str, names) -> None:
    from app.core.drafting.templating import environment

    expected = environment().compile_expression(condition, undefined_to_none=False)(**names)
    first = template_cache.compile_expression(condition)(**names)
    second = template_cache.compile_expression(condition)(**names)  # read back from the cache
    assert list(cache.glob("templates-*/*.expression.bin"))
    assert first == second == expected


def test_a_damaged_condition_cache_file_is_recompiled_and_never_taken_for_a_template(cache: Path) -> None:
    condition = "name == 'you'"
    assert template_cache.compile_expression(condition)(name="you") is True
    path = template_cache._path_for(condition, ".expression")
    path.write_bytes(path.read_bytes()[:-3])
    assert template_cache.compile_expression(condition)(name="you") is True
    # A template and a condition with the same text keep separate files.
    assert template_cache.compile_template(condition).render() == condition
    assert template_cache.compile_expression(condition)(name="me") is False


@pytest.mark.parametrize("condition", ["part.outcome ==", "a b", "x |", "'open"])
def test_a_condition_syntax_error_is_jinjas_own(cache: Path, condition: str) -> None:
    import jinja2

    from app.core.drafting.templating import environment

    with pytest.raises(jinja2.TemplateSyntaxError) as expected:
        environment().compile_expression(condition, undefined_to_none=False)
    with pytest.raises(jinja2.TemplateSyntaxError) as got:
        template_cache.compile_expression(condition)
    assert (got.value.message, got.value.lineno) == (expected.value.message, expected.value.lineno)
    assert not list(cache.glob("templates-*/*.expression.bin")), "a condition that does not parse is not cached"
