"""The Windows installer recipe parses, and every file it names exists in the checkout or the build layout.

Inno Setup cannot run here, so this reads the .iss the way its preprocessor and compiler would
(defines, {#name} expansion, [Setup] directives, "Name: value; ..." entries) and checks the paths.
The build layout is the one the PyInstaller recipe declares; when a bundle has been built (make dist)
its real files are checked too.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "resources" / "packaging" / "windows" / "foi-drafter.iss"
SPEC = ROOT / "resources" / "packaging" / "pyinstaller" / "foi-drafter.spec"
BUNDLE = Path(os.environ.get("FOI_DRAFTER_BUNDLE") or ROOT / "dist" / "foi-drafter")
CONTENTS = "_internal"  # PyInstaller's contents folder in a one-folder build


def expression(text: str, defines: dict[str, str]) -> str:
    """Evaluate an ISPP expression: string literals and defined names joined by '+', or the version call."""
    if match := re.fullmatch(r"GetVersionNumbersString\((.*)\)", text.strip()):
        defines["__version_source__"] = expression(match[1], defines)
        return "0.0.0.0"
    value = ""
    for term in (t.strip() for t in text.split("+")):
        if term.startswith('"') and term.endswith('"'):
            value += term[1:-1]
        else:
            assert term in defines, f"{ISS.name}: {term!r} is not defined"
            value += defines[term]
    return value


def parse(text: str, defined: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, list]]:
    """Return the defines and the sections ({name: [directive pairs or entry dicts]}); defined as iscc /D."""
    defines: dict[str, str] = dict.fromkeys(defined, "")
    active: list[bool] = []
    sections: dict[str, list] = {}
    current = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            word, _, rest = line[1:].partition(" ")
            if word in ("ifdef", "ifndef"):
                active.append((rest.strip() in defines) == (word == "ifdef"))
            elif word == "endif":
                active.pop()
            elif word == "define" and all(active):
                name, _, value = rest.strip().partition(" ")
                defines[name] = expression(value, defines)
            else:
                assert word in ("define",), f"{ISS.name}:{number}: unknown directive #{word}"
            continue
        if not all(active):
            continue
        line = re.sub(r"\{#(\w+)\}", lambda m: defines[m[1]], line)
        if re.fullmatch(r"\[\w+\]", line):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            pytest.fail(f"{ISS.name}:{number}: text before the first section")
        elif ":" in line.split(";")[0].split('"')[0] and "=" not in line.split(":")[0]:
            current.append(entry(line, number))
        else:
            key, equals, value = line.partition("=")
            assert equals, f"{ISS.name}:{number}: neither a directive nor an entry"
            current.append((key.strip(), value.strip()))
    assert not active, f"{ISS.name}: #ifdef without #endif"
    return defines, sections


def entry(line: str, number: int) -> dict[str, str]:
    """Parse 'Name: value; Name: "a quoted value"' into a dict (a doubled quote inside stands for one)."""
    fields = {}
    for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        value = match[2].strip()
        fields[match[1]] = value[1:-1].replace('""', '"') if value.startswith('"') else value
    assert fields, f"{ISS.name}:{number}: cannot read the entry"
    return fields


DEFINES, SECTIONS = parse(ISS.read_text(encoding="utf-8"))
SETUP = dict(SECTIONS["Setup"])


def declared_layout() -> set[str]:
    """Return the top-level names the PyInstaller recipe produces (programs as on Windows)."""
    programs = re.findall(r'program\("([\w-]+)"', SPEC.read_text(encoding="utf-8"))
    assert {"foi-drafter", "foi-drafter-gui"} <= set(programs)
    return {f"{name}.exe" for name in programs} | {CONTENTS}


def resolve(windows_path: str) -> tuple[str, PureWindowsPath]:
    """Return ('bundle' | 'checkout', path relative to it) for a path the script names."""
    path = PureWindowsPath(windows_path.replace("..\\..\\..", "ROOT", 1))
    assert path.parts[0] == "ROOT", f"{windows_path} is outside the checkout"
    relative = PureWindowsPath(*path.parts[1:])
    if relative.parts[:2] == ("dist", "foi-drafter"):
        return "bundle", PureWindowsPath(*relative.parts[2:])
    return "checkout", relative


def named_paths() -> list[str]:
    """Every file or folder the script takes from disk."""
    paths = [SETUP["LicenseFile"], SETUP["SetupIconFile"], DEFINES["__version_source__"]]
    return paths + [e["Source"] for e in SECTIONS["Files"]]


@pytest.mark.parametrize("named", named_paths())
def test_every_path_it_names_exists_in_the_checkout_or_the_build(named):
    where, relative = resolve(named)
    if where == "checkout":
        assert (ROOT / Path(*relative.parts)).exists(), named
        return
    top = relative.parts[0]
    assert top in declared_layout(), f"{named}: the build has no {top}"
    if BUNDLE.is_dir():  # a real build: check the files themselves (programs have no .exe off Windows)
        parts = list(relative.parts)
        if sys.platform != "win32":
            parts[0] = parts[0].removesuffix(".exe")
        target = BUNDLE.joinpath(*[p for p in parts if p != "*"])
        assert target.exists(), f"{named}: {target} is missing from the build"


def test_it_installs_per_user_with_an_uninstall_entry():
    assert SETUP["PrivilegesRequired"] == "lowest"
    assert SETUP["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs when per user
    assert SETUP["UninstallDisplayName"] and SETUP["UninstallDisplayIcon"].startswith("{app}\\")
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", SETUP["AppId"])


def installed_files() -> set[str]:
    names = set()
    for e in SECTIONS["Files"]:
        name = e.get("DestName") or PureWindowsPath(e["Source"]).name
        names.add(f"{e['DestDir']}\\{name}")
    return names


def test_the_start_menu_shortcut_and_association_start_an_installed_program():
    shortcut = next(e for e in SECTIONS["Icons"] if e["Filename"] != "{uninstallexe}")
    assert shortcut["Name"].startswith("{autoprograms}\\")
    assert shortcut["Filename"] in installed_files()
    command = next(e for e in SECTIONS["Registry"] if e["Subkey"].endswith("\\shell\\open\\command"))
    program, argument = re.fullmatch(r'"([^"]+)" "(%1)"', command["ValueData"]).groups()
    assert program in installed_files() and argument == "%1"
    assert SETUP["ChangesAssociations"] == "yes"


def test_foicase_is_associated_and_yaml_only_gains_open_with():
    registry = SECTIONS["Registry"]
    progid = DEFINES["ProgId"]
    assert all(e["Root"] == "HKA" for e in registry)  # HKCU for a per-user install
    assert any(e["Subkey"] == "Software\\Classes\\.foicase" and e["ValueData"] == progid for e in registry)
    for suffix in (".yaml", ".yml"):
        keys = [e for e in registry if e["Subkey"].startswith(f"Software\\Classes\\{suffix}")]
        assert keys and all(e["Subkey"].endswith("OpenWithProgids") for e in keys), suffix


def test_silent_switches_and_signing_are_documented():
    text = ISS.read_text(encoding="utf-8")
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER"):
        assert switch in text
    assert "signtool sign" in text
    signed = dict(parse(text, defined=("Sign",))[1]["Setup"])  # iscc /DSign "/Sfoisign=signtool ..."
    assert signed["SignTool"] == "foisign" and signed["SignedUninstaller"] == "yes"
    assert "SignTool" not in SETUP  # an unsigned build does not need signtool at all
