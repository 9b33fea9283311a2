"""Letter skeletons: which sections a letter kind has and which clause topics fill them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from app.core.paths import TEMPLATES_DIR
from app.core.problems import InputError, Problem, display_path
from app.core.storage import yamlio

SCOPES = ("letter", "part", "ground")
REPEATS = ("none", "exemption", "decision")
BUILTINS = ("", "answer", "request", "question", "pointer", "signature", "part-reasons")


@dataclass(frozen=True)
class Slot:
    """A place in a section filled by the best clause for a topic (or by the officer's answer)."""

    topic: str
    repeat: str = "none"
    when: str = ""
    required: bool = True
    builtin: str = ""


@dataclass(frozen=True)
class SectionSpec:
    """A section of the letter: a heading and its slots, once or once per part."""

    id: str
    heading: str
    slots: tuple[Slot, ...]
    repeat: str = "letter"
    when: str = ""


@dataclass(frozen=True)
class Skeleton:
    """The outline of one letter kind."""

    letter: str
    title: str
    sections: tuple[SectionSpec, ...]

    def topics(self) -> set[str]:
        """Return every clause topic this skeleton can use."""
        return {slot.topic for section in self.sections for slot in section.slots if not slot.builtin}


def _slot(raw: object) -> Slot:
    """Build a slot from a topic name or a mapping."""
    if isinstance(raw, str):
        return Slot(topic=raw)
    assert isinstance(raw, dict)
    return Slot(
        topic=str(raw["topic"]),
        repeat=str(raw.get("repeat", "none")),
        when=str(raw.get("when", "")),
        required=bool(raw.get("required", True)),
        builtin=str(raw.get("builtin", "")),
    )


def parse_skeleton(text: str, path: str) -> Skeleton:
    """Parse a skeleton file; raise InputError naming the file on any mistake."""
    try:
        _, data = yamlio.compose_and_load(text, lenient_dates=False)
        sections = tuple(
            SectionSpec(
                id=str(s["id"]),
                heading=str(s.get("heading") or ""),
                slots=tuple(_slot(x) for x in s.get("slots") or []),
                repeat=str(s.get("repeat", "letter")),
                when=str(s.get("when", "")),
            )
            for s in data["sections"]
        )
        skeleton = Skeleton(letter=str(data["letter"]), title=str(data.get("title", "")), sections=sections)
    except (yaml.YAMLError, KeyError, TypeError, AssertionError) as exc:
        raise InputError([Problem(path, None, f"not a valid letter skeleton: {exc}")]) from exc
    _check(skeleton, path)
    return skeleton


def _check(skeleton: Skeleton, path: str) -> None:
    """Reject unknown repeat values so typos fail loudly."""
    problems = [
        Problem(path, None, f"section {s.id}: repeat must be one of {SCOPES}")
        for s in skeleton.sections
        if s.repeat not in SCOPES
    ]
    problems += [
        Problem(path, None, f"section {s.id}: slot {slot.topic}: builtin must be one of {BUILTINS[1:]}")
        for s in skeleton.sections
        for slot in s.slots
        if slot.builtin not in BUILTINS
    ]
    problems += [
        Problem(path, None, f"section {s.id}: slot {slot.topic}: repeat must be one of {REPEATS}")
        for s in skeleton.sections
        for slot in s.slots
        if slot.repeat not in REPEATS
    ]
    if problems:
        raise InputError(problems)


@cache
def load_skeleton(letter: str, folder: Path = TEMPLATES_DIR) -> Skeleton:
    """Load the skeleton for a letter kind from the templates folder."""
    path = folder / f"{letter}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            [Problem(display_path(path), None, f"no skeleton for letter kind {letter!r}: {exc.strerror}")]
        ) from exc
    return parse_skeleton(text, display_path(path))


def all_topics(folder: Path = TEMPLATES_DIR) -> set[str]:
    """Return every topic used by any skeleton in the folder."""
    topics: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        topics |= load_skeleton(path.stem, folder).topics()
    return topics


@cache
def exemption_topics(folder: Path = TEMPLATES_DIR) -> frozenset[str]:
    """Return the topics whose slots are repeated for each exemption (the only ones that see `exemption`)."""
    topics: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        for spec in load_skeleton(path.stem, folder).sections:
            topics |= {slot.topic for slot in spec.slots if slot.repeat == "exemption" and not slot.builtin}
    return frozenset(topics)
