"""British English spellchecking for FOI letters: word lists, tokens, issues and suggestions."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from app.core.paths import RESOURCES_DIR
from app.core.spelling.suggest import Suggester, weighted_distance  # noqa: F401 - part of this API
from app.core.storage.atomic import write_text_atomic

SPELLING_DIR = RESOURCES_DIR / "spelling"
WORD_LIST = SPELLING_DIR / "en-GB.tsv"
VOCABULARY = SPELLING_DIR / "foi-vocabulary.txt"
AMERICAN_BRITISH = SPELLING_DIR / "american-british.tsv"
# An organisation's own word lists: every *.txt file here is read as a custom dictionary.
ORGANISATION_DIR = SPELLING_DIR / "organisation"
APP_NAME = "foi-drafter"

IssueKind = Literal["unknown", "american"]

# Frequency given to vocabulary and custom words, so they rank among everyday words.
CUSTOM_FREQUENCY = 1000
# Prefixes written with a hyphen (co-operate, non-disclosure) that are not words alone.
HYPHEN_PREFIXES = frozenset(
    [
        "anti",
        "co",
        "counter",
        "cross",
        "de",
        "e",
        "ex",
        "inter",
        "mid",
        "multi",
        "non",
        "over",
        "post",
        "pre",
        "pro",
        "re",
        "self",
        "semi",
        "sub",
        "super",
        "trans",
        "un",
        "under",
        "vice",
        "x",
    ]
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})

# What the checker skips inside a chunk of non-space text, tried before a word at each
# position (order matters). Jinja tags are blanked out before text is cut into chunks.
_SKIP = r"""
    (?:https?|ftp)://[^\s<>"]+ | www\.[^\s<>"]+                 # URLs
  | [\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+                            # e-mail addresses
  | \b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:uk|com|org|net|gov|scot|wales|eu|io|info)\b(?:/[^\s<>"]*)?
  | \w*\d\w*(?:[\-./_:,()]+\w+)*\)?                             # numbers, money, 30(1)(a), s40(2), refs
  | (?:[^\W\d_]+[\-./_])+\w*\d\w*(?:[\-./_:()]+\w+)*\)?         # references such as IM-FOI-2023-1751
  | \((?:[ivxlcdm]{1,7}|[a-z]{1,2})\)                           # list markers: (iv), (aa)
"""
_WORD = r"[^\W\d_]+(?:['\u2019\u02bc\-][^\W\d_]+)*"
_TOKEN_RE = re.compile(rf"(?P<skip>{_SKIP})|(?P<word>{_WORD})", re.VERBOSE | re.DOTALL)
_JINJA_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\#.*?\#\}", re.DOTALL)
_CHUNK_RE = re.compile(r"\S+")
# Punctuation stripped from a chunk before the fast all-letters test ("(" is kept: "(iv)").
_LEADING = "\"'\u2018\u201c[*_"
_TRAILING = ".,;:!?)]\"'\u2019\u201d*_"
_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_OPENER_RE = re.compile(r"\{\{|\{%|\{#")


class Token(NamedTuple):
    """One word to check: its text and [start, end) position in Python string indices."""

    word: str
    start: int
    end: int

    def utf16_span(self, text: str) -> tuple[int, int]:
        """Return (start, length) in UTF-16 code units, as QString positions count them."""
        start = utf16_index(text, self.start)
        return start, utf16_len(self.word)


@dataclass(eq=False)
class Issue:
    """A word the checker does not accept; suggestions are computed on first access."""

    word: str
    start: int
    end: int
    kind: IssueKind
    service: SpellingService = field(repr=False)
    _suggestions: list[str] | None = field(default=None, repr=False)

    @property
    def suggestions(self) -> list[str]:
        """Return the ranked suggestions, computing them once."""
        if self._suggestions is None:
            self._suggestions = self.service.suggest(self.word)
        return self._suggestions


def utf16_len(text: str) -> int:
    """Return the length of text in UTF-16 code units (characters beyond U+FFFF count 2)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_index(text: str, index: int) -> int:
    """Convert a Python index into text to a UTF-16 offset."""
    return utf16_len(text[:index])


def python_index(text: str, utf16_offset: int) -> int:
    """Convert a UTF-16 offset into text to a Python index (clamped to the text)."""
    if text.isascii():
        return max(0, min(utf16_offset, len(text)))
    units = 0
    for index, ch in enumerate(text):
        if units >= utf16_offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def unclosed_placeholder(text: str, closer: str | None = None) -> str | None:
    """Return the closing delimiter still awaited at the end of text, or None.

    closer is the delimiter awaited at the start of text (a Jinja tag spanning lines).
    """
    return _open_placeholder(text, closer)[1]


def blank_open_placeholders(text: str, closer: str | None = None) -> tuple[str, str | None]:
    """Blank out Jinja tags left open at either end of a line, keeping every offset.

    closer is the delimiter awaited at the start of text (from the line before). Returns
    the text to tokenise and the delimiter still awaited at its end.
    """
    start, awaited = _open_placeholder(text, closer)
    if closer is not None:
        end = text.find(closer)
        prefix = len(text) if end < 0 else end + len(closer)
        text = " " * prefix + text[prefix:]
    if awaited is not None and start is not None:
        text = text[:start] + " " * (len(text) - start)
    return text, awaited


def _open_placeholder(text: str, closer: str | None) -> tuple[int | None, str | None]:
    """Return where the tag left open at the end of text starts (None if carried in) and its closer."""
    position = 0
    if closer is not None:
        end = text.find(closer)
        if end < 0:
            return None, closer
        position = end + len(closer)
    while (match := _OPENER_RE.search(text, position)) is not None:
        awaited = _OPENERS[match.group()]
        end = text.find(awaited, match.end())
        if end < 0:
            return match.start(), awaited
        position = end + len(awaited)
    return None, None


def read_frequency_list(path: Path) -> dict[str, int]:
    """Read a generated word<TAB>frequency list quickly (no per-line Python work)."""
    text = path.read_text(encoding="utf-8")
    while text.startswith("#"):
        text = text.partition("\n")[2]
    fields = text.rstrip("\n").replace("\n", "\t").split("\t")
    if len(fields) % 2 or "#" in text or "\r" in text:
        return read_word_file(path)  # hand-edited: fall back to the tolerant reader
    counts = fields[1::2]
    number = {count: int(count) for count in set(counts)}  # a few hundred distinct counts: one int object each
    return dict(zip(fields[0::2], map(number.__getitem__, counts)))


def read_word_file(path: Path) -> dict[str, int]:
    """Read a word list: one word per line, optionally word<TAB>frequency; # starts a comment."""
    words: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.strip().partition("\t")
        if not word or word.startswith("#"):
            continue
        words[word.translate(_APOSTROPHES)] = int(count) if count.strip().isdigit() else CUSTOM_FREQUENCY
    return words


def read_pairs(path: Path) -> dict[str, str]:
    """Read american<TAB>british lines into a dictionary."""
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            american, _, british = line.partition("\t")
            if british:
                pairs[american] = british.strip()
    return pairs


def default_user_dictionary() -> Path:
    """Return the per-user custom dictionary file (it need not exist yet)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "custom-dictionary.txt"


class SpellingService:
    """Checks British English words and suggests corrections; free of Qt.

    word_list is the main list (word<TAB>frequency); vocabulary and custom_paths are extra
    read-only lists (FOI terms, an organisation's dictionary); user_dictionary is the file
    add_word() appends to (None keeps additions for this session only). Only what check()
    needs is loaded up front; the suggestion engine is built on the first suggest().
    """

    def __init__(
        self,
        word_list: Path,
        *,
        vocabulary: Sequence[Path] = (),
        american_british: Path | None = None,
        custom_paths: Sequence[Path] = (),
        user_dictionary: Path | None = None,
    ) -> None:
        self.user_dictionary = user_dictionary
        extra_paths = [*vocabulary, *custom_paths]
        if user_dictionary is not None and user_dictionary.is_file():
            extra_paths.append(user_dictionary)
        self._words = read_frequency_list(word_list)  # exact spelling -> frequency
        for path in extra_paths:
            for word, count in read_word_file(path).items():
                self._words.setdefault(word, count)
        self._ignored: set[str] = set()
        self._american = read_pairs(american_british) if american_british else {}
        self._suggester: Suggester | None = None
        self._cache: dict[str, bool] = {}
        self._suggestions: dict[tuple[str, int], list[str]] = {}
        self._listeners: list[Callable[[], Callable[[str], None] | None]] = []

    # -- checking ---------------------------------------------------------------------

    def check(self, word: str) -> bool:
        """Return True when word is spelt correctly (or ignored) in British English."""
        try:
            return self._cache[word]
        except KeyError:
            pass
        if len(self._cache) > 100_000:
            self._cache.clear()
        result = self._cache[word] = self._accepts(word.translate(_APOSTROPHES))
        return result

    def _listed(self, word: str) -> bool:
        """Return True when word is in a dictionary exactly as written, or ignored."""
        return word in self._words or word in self._ignored

    def _accepts(self, word: str) -> bool:
        """Decide whether one normalised word is acceptable, handling case and hyphens."""
        if len(word) <= 1 or self._listed(word):
            return True
        if "-" in word:
            parts = word.split("-")
            return all(self._accepts(p) or p.lower() in HYPHEN_PREFIXES for p in parts if p)
        lower = word.lower()
        if word[0].isupper() and (word[1:].islower() or word.isupper()) and self._listed(lower):
            return True  # "Organisation" at a sentence start, "DISCLOSURE" in a heading
        if word.isupper() and self._listed(word.capitalize()):
            return True  # "LONDON"
        if lower.endswith("'s"):
            return self._accepts(word[:-2])
        return False

    def british_form(self, word: str) -> str | None:
        """Return the British spelling of an American-spelt word, in the word's case, or None."""
        normal = word.translate(_APOSTROPHES)
        british = self._american.get(normal.lower())
        if british is None or self.check(word):
            return None
        return _match_case(normal, british)

    def tokens(self, text: str) -> list[Token]:
        """Return the words of text to check, skipping placeholders, references and the like."""
        return [Token(word, start, end) for word, start, end in _words(text)]

    def misspellings(self, text: str) -> list[Issue]:
        """Return an Issue for each word of text the checker does not accept."""
        check = self.check
        issues = []
        for word, start, end in _words(text):
            if not check(word):
                kind: IssueKind = "american" if self.british_form(word) else "unknown"
                issues.append(Issue(word, start, end, kind, self))
        return issues

    # -- suggestions --------------------------------------------------------------------

    def suggest(self, word: str, n: int = 5) -> list[str]:
        """Return up to n corrections: British form first, then closest, then commonest."""
        if (word, n) not in self._suggestions:
            self._suggestions[(word, n)] = self._compute_suggestions(word, n)
        return list(self._suggestions[(word, n)])

    def _compute_suggestions(self, word: str, n: int) -> list[str]:
        """Rank corrections for word and return the first n in the word's case."""
        normal = word.translate(_APOSTROPHES)
        key = normal.lower()
        suggester = self._engine()
        ranked = suggester.ranked(key)
        british = self._american.get(key)
        if british:
            ranked = [british, *(c for c in ranked if c != british)]
        results: list[str] = []
        for candidate in ranked:
            shown = _match_case(normal, suggester.display(candidate))
            if shown != normal and shown not in results:
                results.append(shown)
            if len(results) >= n:
                break
        return results

    def prepare_suggestions(self) -> None:
        """Build the suggestion engine now (about 0.2 s), e.g. on a worker thread after loading."""
        self._engine()

    def _engine(self) -> Suggester:
        """Return the suggestion engine, building it on first use."""
        if self._suggester is None:
            self._suggester = Suggester(self._words)
        return self._suggester

    # -- dictionaries -------------------------------------------------------------------

    def add_word(self, word: str) -> None:
        """Accept word from now on and append it to the user dictionary file (atomically)."""
        word = _clean_word(word)
        if self.user_dictionary is not None:
            _append_word(self.user_dictionary, word)
        self._words.setdefault(word, CUSTOM_FREQUENCY)
        if self._suggester is not None:
            self._suggester.learn(word, CUSTOM_FREQUENCY)
        self._cache.clear()
        self._suggestions.clear()
        self._notify(word)

    def ignore(self, word: str) -> None:
        """Accept word for the rest of this session without saving it."""
        word = _clean_word(word)
        self._ignored.add(word)
        self._cache.clear()
        self._notify(word)

    @property
    def ignored(self) -> frozenset[str]:
        """Return the words ignored in this session."""
        return frozenset(self._ignored)

    # -- change notification ------------------------------------------------------------

    def add_listener(self, callback: Callable[[str], None]) -> None:
        """Call callback(word) after each add_word or ignore; bound methods are held weakly."""
        if hasattr(callback, "__self__") and hasattr(callback, "__func__"):
            self._listeners.append(weakref.WeakMethod(callback))
        else:

            def strong() -> Callable[[str], None]:
                return callback

            self._listeners.append(strong)

    def remove_listener(self, callback: Callable[[str], None]) -> None:
        """Stop calling callback."""
        self._listeners = [ref for ref in self._listeners if ref() not in (None, callback)]

    def _notify(self, word: str) -> None:
        """Tell every live listener that the accepted words changed."""
        live = []
        for ref in self._listeners:
            callback = ref()
            if callback is not None:
                live.append(ref)
                callback(word)
        self._listeners = live


def default_service(
    custom_paths: Iterable[Path] = (), user_dictionary: Path | Literal["default"] | None = "default"
) -> SpellingService:
    """Return a service over the shipped lists and the organisation's, extra and user's dictionaries.

    user_dictionary "default" is the per-user file from default_user_dictionary(); None
    keeps words added with add_word() for this session only.
    """
    if user_dictionary == "default":
        user_dictionary = default_user_dictionary()
    organisation = sorted(ORGANISATION_DIR.glob("*.txt")) if ORGANISATION_DIR.is_dir() else []
    return SpellingService(
        WORD_LIST,
        vocabulary=[VOCABULARY],
        american_british=AMERICAN_BRITISH,
        custom_paths=[*organisation, *custom_paths],
        user_dictionary=user_dictionary,
    )


def _match_case(template: str, word: str) -> str:
    """Return word in the case pattern of template (Title, UPPER or as listed)."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def _words(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (word, start, end) for each word to check; see SpellingService.tokens.

    Whitespace-separated chunks that are letters once quotes and punctuation are stripped
    (most of them) are taken as they are; anything else goes through the full tokeniser.
    """
    if "{" in text:
        text = _JINJA_RE.sub(lambda m: " " * len(m.group()), text)
    for chunk_match in _CHUNK_RE.finditer(text):
        chunk = chunk_match.group()
        core = chunk.lstrip(_LEADING)
        lead = len(chunk) - len(core)
        core = core.rstrip(_TRAILING)
        if core.isalpha():
            if len(core) > 1:
                start = chunk_match.start() + lead
                yield core, start, start + len(core)
            continue
        yield from _complex_words(chunk, chunk_match.start())


def _complex_words(chunk: str, offset: int) -> Iterator[tuple[str, int, int]]:
    """Yield the words of a chunk holding digits, symbols, hyphens or apostrophes."""
    for match in _TOKEN_RE.finditer(chunk):
        if match.lastgroup != "word":
            continue
        word = match.group()
        if "-" not in word:
            if len(word) > 1:
                yield word, offset + match.start(), offset + match.end()
            continue
        yield from _hyphen_parts(word, offset + match.start())


def _hyphen_parts(word: str, offset: int) -> Iterator[tuple[str, int, int]]:
    """Yield the parts of a hyphenated word, leaving out prefixes and single letters."""
    position = offset
    pieces = word.split("-")
    for index, piece in enumerate(pieces):
        is_prefix = index < len(pieces) - 1 and piece.lower() in HYPHEN_PREFIXES
        if len(piece) > 1 and not is_prefix:
            yield piece, position, position + len(piece)
        position += len(piece) + 1


def _clean_word(word: str) -> str:
    """Return word normalised for a dictionary, or raise ValueError if it is not one word."""
    cleaned = word.strip().translate(_APOSTROPHES)
    if not cleaned or any(ch.isspace() for ch in cleaned) or cleaned.startswith("#"):
        raise ValueError(f"not a single word: {word!r}")
    return cleaned


def _append_word(path: Path, word: str) -> None:
    """Add word to a dictionary file unless already there, replacing the file atomically."""
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    if word in {line.strip() for line in existing.splitlines()}:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if existing and not existing.endswith("\n"):
        existing += "\n"
    write_text_atomic(path, f"{existing}{word}\n")
