"""Tests for `foi-drafter spell FILE...` run through the real command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import build_parser, main


@pytest.fixture(autouse=True)
def private_user_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the per-user dictionary at an empty folder so the machine's own is not read."""
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


def write(path: Path, text: str) -> Path:
    """Write UTF-8 text to path and return it."""
    path.write_text(text, encoding="utf-8")
    return path


def test_spell_is_a_sub_command() -> None:
    args = build_parser().parse_args(["spell", "a.txt", "b.txt", "--dictionary", "d.txt"])
    assert args.files == [Path("a.txt"), Path("b.txt")] and args.dictionary == [Path("d.txt")]


def test_flags_each_unknown_word_with_its_line_and_suggestions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = write(tmp_path / "letter.txt", "Dear {{ name }},\nWe recieve your request.\n\nYours sincerly\n")
    assert main(["spell", str(letter)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0].startswith(f"{letter}:2: recieve: receive, ")
    assert out[1].startswith(f"{letter}:4: sincerly: sincerely, ")
    assert all(len(line.split(": ")[-1].split(", ")) == 5 for line in out)


def test_american_spellings_are_marked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = write(tmp_path / "letter.txt", "The organization analyzed it.")
    assert main(["spell", str(letter)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{letter}:1: organization: organisation (British spelling)")
    assert out[1].startswith(f"{letter}:1: analyzed: analysed (British spelling), ")


def test_clean_files_exit_zero_and_print_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = write(
        tmp_path / "letter.txt",
        "The organisation analysed the behaviour of the centre under section 30(1)(a) of FOISA.\n"
        "Reference IM-FOI-2023-1751; write to foi@example.gov.uk or OSIC, KY16 9DS; fee £600.\n",
    )
    assert main(["spell", str(letter)]) == 0
    assert capsys.readouterr().out == ""


def test_words_without_suggestions_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = write(tmp_path / "letter.txt", "Write to Doubledykes Road.")
    assert main(["spell", str(letter)]) == 1
    assert capsys.readouterr().out == f"{letter}:1: Doubledykes: (no suggestions)\n"


def test_extra_dictionary_accepts_proper_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = write(tmp_path / "letter.txt", "Clyde Gateway, 2 French Street, Dalmarnock.\nKinburn Castle.\n")
    names = write(tmp_path / "names.txt", "# local places\nDalmarnock\n")
    more = write(tmp_path / "more.txt", "Kinburn\n")
    assert main(["spell", str(letter), "--dictionary", str(names), "--dictionary", str(more)]) == 0
    assert capsys.readouterr().out == ""


def test_words_the_user_added_are_accepted(
    tmp_path: Path, private_user_dictionary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = write(tmp_path / "letter.txt", "Kinburn Castle.")
    assert main(["spell", str(letter)]) == 1
    (private_user_dictionary / "foi-drafter").mkdir(parents=True)
    write(private_user_dictionary / "foi-drafter" / "custom-dictionary.txt", "Kinburn\n")
    capsys.readouterr()
    assert main(["spell", str(letter)]) == 0


def test_unreadable_file_exits_two_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "good.txt", "We recieve it.")
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert main(["spell", str(good), str(missing), str(binary)]) == 2
    captured = capsys.readouterr()
    assert f"{good}:1: recieve: receive" in captured.out
    assert f"cannot read {missing}: no such file" in captured.err
    assert f"cannot read {binary}: it is not UTF-8 text" in captured.err


def test_unreadable_dictionary_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = write(tmp_path / "letter.txt", "Fine words.")
    assert main(["spell", str(letter), "--dictionary", str(tmp_path / "nope.txt")]) == 2
    assert f"cannot read {tmp_path / 'nope.txt'}" in capsys.readouterr().err


def test_folder_is_reported_as_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["spell", str(tmp_path)]) == 2
    assert "it is a folder, not a file" in capsys.readouterr().err
