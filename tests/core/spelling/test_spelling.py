"""Tests for the British English spelling service over the shipped word lists."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.spelling import checker as spelling
from app.core.spelling.checker import (
    SpellingService,
    Token,
    blank_open_placeholders,
    default_service,
    python_index,
    unclosed_placeholder,
    utf16_index,
    utf16_len,
    weighted_distance,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "spelling"
SEED_LETTERS = FIXTURES / "seed-letters"
CORPUS = FIXTURES / "misspellings.tsv"
# Proper names in the seed letters that no general dictionary holds: Home Office units
# and a street, a district and a castle in Scotland.
SEED_PROPER_NAMES = {"HOIE", "NCCU", "ICCE", "Dalmarnock", "Kinburn", "Doubledykes"}


@pytest.fixture(scope="module")
def service() -> SpellingService:
    """Return a service over the shipped lists with no user dictionary."""
    return default_service(user_dictionary=None)


def fresh_service(user_dictionary: Path | None = None, custom: tuple[Path, ...] = ()) -> SpellingService:
    """Return a new service over the shipped lists with the given dictionaries."""
    return default_service(custom_paths=custom, user_dictionary=user_dictionary)


def read_corpus() -> list[tuple[str, str, str]]:
    """Return (misspelling, intended, sentence) rows of the misspelling corpus."""
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            bad, good, sentence = line.split("\t")
            rows.append((bad, good, sentence))
    return rows


@pytest.mark.parametrize(
    "word",
    [
        "organisation",
        "behaviour",
        "programme",
        "centre",
        "defence",
        "favour",
        "analysed",
        "colour",
        "licence",
        "catalogue",
        "judgement",
        "judgment",
        "recognise",
        "travelled",
    ],
)
def test_british_spellings_are_accepted(service: SpellingService, word: str) -> None:
    assert service.check(word)


@pytest.mark.parametrize(
    "word",
    [
        "FOI",
        "FOIA",
        "FOISA",
        "EIR",
        "EISR",
        "OSIC",
        "ICO",
        "COPFS",
        "CPS",
        "NPCC",
        "exemption",
        "exemptions",
        "vexatious",
        "Commissioner",
        "disclosure",
        "redacted",
    ],
)
def test_foi_vocabulary_is_accepted(service: SpellingService, word: str) -> None:
    assert service.check(word)


@pytest.mark.parametrize("word", ["recieve", "seperate", "foisa", "Foisa", "london", "organization"])
def test_misspellings_and_wrong_case_are_rejected(service: SpellingService, word: str) -> None:
    assert not service.check(word)


def test_case_rules(service: SpellingService) -> None:
    assert service.check("Organisation")  # sentence start
    assert service.check("DISCLOSURE")  # heading in capitals
    assert service.check("LONDON") and service.check("London")
    assert service.check("individual\u2019s") and service.check("it's")
    assert not service.check("oRGANISATION")


def test_tokens_skip_placeholders_references_addresses_and_numbers(service: SpellingService) -> None:
    text = (
        "Dear {{ requester.name }}, {% if exempt %}we withhold{% endif %}{# zzqx #} "
        "under section 30(1)(a)(b) and s40(2) and s.40(3A)(a)(iii) of the Act. "
        "Write to foi@police.scot, see https://www.example.gov.uk/foi?q=xx or ico.org.uk. "
        "Our references: IM-FOI-2023-1751 and 01.FOI.22.025326, FOI 23-1751. "
        "Post: SW1H 9EA, G40 4EH, KY16 9DS. It costs £600, £1.2m or 17,000 hours in 2022-2023."
    )
    words = [t.word for t in service.tokens(text)]
    assert words == [
        "Dear",
        "we",
        "withhold",
        "under",
        "section",
        "and",
        "and",
        "of",
        "the",
        "Act",
        "Write",
        "to",
        "see",
        "or",
        "Our",
        "references",
        "and",
        "FOI",
        "Post",
        "It",
        "costs",
        "or",
        "hours",
        "in",
    ]
    assert service.misspellings(text) == []


def test_tokens_split_hyphenated_words_and_keep_offsets(service: SpellingService) -> None:
    text = "A well-being e-mail about non-disclosure and co-operation."
    tokens = service.tokens(text)
    assert [t.word for t in tokens] == ["well", "being", "mail", "about", "disclosure", "and", "operation"]
    assert all(text[t.start : t.end] == t.word for t in tokens)


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "\U0001f600 recieve \U0001f44d\U0001f3fd ok"
    token = Token("recieve", 2, 9)
    assert text[token.start : token.end] == "recieve"
    assert token.utf16_span(text) == (3, 7)
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2
    assert utf16_index(text, 10) == 11
    for index in range(len(text) + 1):
        assert python_index(text, utf16_index(text, index)) == index


def test_unclosed_placeholder_tracks_tags_across_lines() -> None:
    assert unclosed_placeholder("plain text") is None
    assert unclosed_placeholder("Dear {{ name }}, {% if x") == "%}"
    assert unclosed_placeholder("still inside", "%}") == "%}"
    assert unclosed_placeholder("and y %} done {{ a }}", "%}") is None


def test_open_placeholders_are_blanked_keeping_offsets() -> None:
    assert blank_open_placeholders("Dear {{ name }}, {% if zzqx") == ("Dear {{ name }},           ", "%}")
    assert blank_open_placeholders("qqxz %} we {# note", "%}") == ("        we        ", "#}")
    assert blank_open_placeholders("all inside", "}}") == ("          ", "}}")
    assert blank_open_placeholders("plain") == ("plain", None)


def test_misspellings_give_kind_and_offsets(service: SpellingService) -> None:
    text = "The organization will recieve your request."
    issues = service.misspellings(text)
    assert [(i.word, i.kind) for i in issues] == [("organization", "american"), ("recieve", "unknown")]
    for issue in issues:
        assert text[issue.start : issue.end] == issue.word
    assert issues[0].suggestions[0] == "organisation"
    assert issues[1].suggestions[0] == "receive"


def test_suggestions_are_computed_only_when_asked_for() -> None:
    calls: list[str] = []

    class CountingService(SpellingService):
        def suggest(self, word: str, n: int = 5) -> list[str]:
            calls.append(word)
            return super().suggest(word, n)

    counting = CountingService(spelling.WORD_LIST, american_british=spelling.AMERICAN_BRITISH)
    issues = counting.misspellings("We recieve teh data.")
    assert len(issues) == 2 and calls == []
    assert issues[0].suggestions[0] == "receive"
    assert issues[0].suggestions[0] == "receive"
    assert calls == ["recieve"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("recieve", "receive"),
        ("thier", "their"),
        ("definately", "definitely"),
        ("accomodation", "accommodation"),
        ("Seperate", "Separate"),
        ("ORGANIZATION", "ORGANISATION"),
        ("london", "London"),
        ("behavior", "behaviour"),
        ("alot", "a lot"),
        ("withold", "withhold"),
    ],
)
def test_best_suggestion(service: SpellingService, typed: str, expected: str) -> None:
    assert service.suggest(typed)[0] == expected


def test_american_spellings_get_the_british_form_first(service: SpellingService) -> None:
    for american, british in [
        ("organization", "organisation"),
        ("analyzed", "analysed"),
        ("color", "colour"),
        ("center", "centre"),
        ("catalog", "catalogue"),
        ("defense", "defence"),
        ("traveled", "travelled"),
    ]:
        assert service.british_form(american) == british
        assert service.suggest(american)[0] == british
    assert service.british_form("Organization") == "Organisation"
    assert service.british_form("organisation") is None


def test_weighted_distance_makes_common_slips_cheap() -> None:
    assert weighted_distance("recieve", "receive") < weighted_distance("recieve", "relieve")
    assert weighted_distance("ocurred", "occurred") == 0.5
    assert weighted_distance("abc", "abc") == 0.0
    assert weighted_distance("bcd", "fgh") == 3.0
    assert weighted_distance("cat", "cot") == 0.6


def test_distance_two_search_matches_pyspellchecker(service: SpellingService) -> None:
    """The pruned search finds exactly the words pyspellchecker's full search finds."""
    engine = service._engine()
    spell = engine._spell
    for word in ["recieve", "tommorow", "wich", "goverment", "embarass"]:
        edits1 = spell.edit_distance_1(word)
        full = {c for c in edits1 if c in engine._known}
        for edit in edits1:
            full.update(c for c in spell.edit_distance_1(edit) if c in engine._known)
        assert engine._candidates(word) == full


def test_add_word_persists_atomically(tmp_path: Path) -> None:
    user = tmp_path / "custom-dictionary.txt"
    user.write_text("# my words\nKinburn", encoding="utf-8")
    checker = fresh_service(user)
    assert checker.check("Kinburn") and not checker.check("Dalmarnock")
    checker.add_word("Dalmarnock")
    assert checker.check("Dalmarnock")
    assert user.read_text(encoding="utf-8") == "# my words\nKinburn\nDalmarnock\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["custom-dictionary.txt"]
    checker.add_word("Dalmarnock")
    assert user.read_text(encoding="utf-8").count("Dalmarnock") == 1
    assert fresh_service(user).check("Dalmarnock")


def test_add_word_creates_the_folder_and_feeds_suggestions(tmp_path: Path) -> None:
    user = tmp_path / "new" / "folder" / "words.txt"
    checker = fresh_service(user)
    checker.suggest("Dalmarnok")  # build the suggestion engine before the word exists
    checker.add_word("Dalmarnock")
    assert user.read_text(encoding="utf-8") == "Dalmarnock\n"
    assert checker.suggest("Dalmarnok")[0] == "Dalmarnock"


def test_failed_write_leaves_the_dictionary_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "words.txt"
    user.write_text("Kinburn\n", encoding="utf-8")
    checker = fresh_service(user)

    def refuse(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        checker.add_word("Dalmarnock")
    assert user.read_text(encoding="utf-8") == "Kinburn\n"
    assert [p.name for p in tmp_path.iterdir()] == ["words.txt"]


def test_add_word_rejects_what_is_not_one_word(tmp_path: Path) -> None:
    checker = fresh_service(tmp_path / "words.txt")
    for bad in ["", "   ", "two words", "#comment"]:
        with pytest.raises(ValueError):
            checker.add_word(bad)
    assert not (tmp_path / "words.txt").exists()


def test_ignore_lasts_for_the_session_only(tmp_path: Path) -> None:
    user = tmp_path / "words.txt"
    checker = fresh_service(user)
    assert not checker.check("Doubledykes")
    checker.ignore("Doubledykes")
    assert checker.check("Doubledykes") and checker.ignored == {"Doubledykes"}
    assert not user.exists()
    assert not fresh_service(user).check("Doubledykes")


def test_listeners_hear_about_added_and_ignored_words(tmp_path: Path) -> None:
    checker = fresh_service(tmp_path / "words.txt")
    heard: list[str] = []

    class Listener:
        def changed(self, word: str) -> None:
            heard.append(word)

    listener = Listener()
    checker.add_listener(listener.changed)
    checker.add_word("Kinburn")
    checker.ignore("HOIE")
    assert heard == ["Kinburn", "HOIE"]
    checker.remove_listener(listener.changed)
    checker.ignore("NCCU")
    assert heard == ["Kinburn", "HOIE"]
    checker.add_listener(listener.changed)
    del listener  # bound methods are held weakly
    checker.ignore("ICCE")
    assert heard == ["Kinburn", "HOIE"]


def test_organisation_and_extra_dictionaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    organisation = tmp_path / "organisation"
    organisation.mkdir()
    (organisation / "police-scotland.txt").write_text("# units\nHOIE\nNCCU\n", encoding="utf-8")
    extra = tmp_path / "extra.txt"
    extra.write_text("Kinburn\ndalmarnock\n", encoding="utf-8")
    monkeypatch.setattr(spelling, "ORGANISATION_DIR", organisation)
    checker = fresh_service(None, (extra,))
    assert checker.check("HOIE") and checker.check("NCCU") and checker.check("Kinburn")
    assert checker.check("Dalmarnock") and checker.check("dalmarnock")
    assert not checker.check("hoie") and not checker.check("ICCE")


def test_default_user_dictionary_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert spelling.default_user_dictionary() == tmp_path / "foi-drafter" / "custom-dictionary.txt"
    checker = default_service()
    checker.add_word("Doubledykes")
    assert default_service().check("Doubledykes")


def test_seed_letters_flag_only_unknown_proper_names(service: SpellingService, tmp_path: Path) -> None:
    letters = sorted(SEED_LETTERS.glob("*.txt"))
    assert len(letters) == 2
    flagged = {path.name: {i.word for i in service.misspellings(path.read_text(encoding="utf-8"))} for path in letters}
    assert flagged == {letters[0].name: set(), letters[1].name: SEED_PROPER_NAMES}
    checker = fresh_service(tmp_path / "words.txt")
    for name in sorted(SEED_PROPER_NAMES):
        checker.add_word(name)
    assert all(checker.misspellings(path.read_text(encoding="utf-8")) == [] for path in letters)


def test_misspelling_corpus_is_caught_and_corrected(service: SpellingService) -> None:
    rows = read_corpus()
    assert len(rows) >= 200 and len({bad for bad, _, _ in rows}) == len(rows)
    caught = top3 = 0
    false_alarms = []
    for bad, good, sentence in rows:
        assert sentence.count(bad) == 1, bad
        issues = service.misspellings(sentence)
        false_alarms += [i.word for i in issues if i.word != bad]
        hits = [i for i in issues if i.word == bad]
        if hits:
            caught += 1
            top3 += good in hits[0].suggestions[:3]
    assert false_alarms == []
    assert caught / len(rows) >= 0.95
    assert top3 / len(rows) >= 0.90


def test_shipped_files_and_licences() -> None:
    folder = spelling.SPELLING_DIR
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert total < 3_000_000
    assert "Permission to use, copy, modify, distribute and sell" in (folder / "LICENSE-scowl.txt").read_text(
        encoding="utf-8"
    )
    assert "MIT License" in (folder / "LICENSE-pyspellchecker.txt").read_text(encoding="utf-8")
    assert "apt-get install scowl" in (folder / "build_wordlist.py").read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/usr/share/dict/scowl").is_dir(), reason="Debian's scowl package is not installed")
def test_rebuild_script_reproduces_the_shipped_lists(tmp_path: Path) -> None:
    script = spelling.SPELLING_DIR / "build_wordlist.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ["en-GB.tsv", "american-british.tsv", "LICENSE-scowl.txt", "LICENSE-pyspellchecker.txt"]:
        assert filecmp.cmp(tmp_path / name, spelling.SPELLING_DIR / name, shallow=False), name


def test_hand_edited_word_list_still_loads(tmp_path: Path) -> None:
    words = tmp_path / "words.tsv"
    shutil.copy(spelling.WORD_LIST, words)
    with words.open("a", encoding="utf-8") as handle:
        handle.write("# added by hand\nzzyzx\n")
    checker = SpellingService(words)
    assert checker.check("zzyzx") and checker.check("organisation")


def test_the_fast_reader_gives_what_the_tolerant_reader_gives_for_the_shipped_list():
    from app.core.spelling.checker import WORD_LIST, read_frequency_list, read_word_file

    fast = read_frequency_list(WORD_LIST)
    assert fast == read_word_file(WORD_LIST) and len(fast) > 50_000
    counts = {}
    assert all(counts.setdefault(n, n) is n for n in fast.values()), "one int object per distinct count"


def test_folding_case_keeps_the_highest_frequency_and_shares_lower_case_words():
    from app.core.spelling.suggest import _lower_frequencies

    words = {"Polish": 5, "polish": 3, "London": 9, "the": 100, "NATO": 2, "nato": 7}
    folded = _lower_frequencies(words)
    assert folded == {"polish": 5, "london": 9, "the": 100, "nato": 7}
    original = next(w for w in words if w == "the")
    assert next(w for w in folded if w == "the") is original
