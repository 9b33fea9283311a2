"""Spelling suggestions: candidate corrections ranked by a slip-aware edit distance, then frequency."""

from __future__ import annotations

import bisect

from spellchecker import SpellChecker

# Both halves of a run-together suggestion ("a lot") must be at least this common.
SPLIT_FREQUENCY = 20_000
_VOWELS = frozenset("aeiouy")
_SIMILAR = frozenset({("c", "s"), ("s", "c"), ("c", "k"), ("k", "c"), ("s", "z"), ("z", "s")})


class Suggester:
    """Finds and ranks corrections over pyspellchecker's word frequencies.

    Distance-1 edits come from pyspellchecker; distance-2 edits are grown from them only
    where a dictionary word could still result, judged by the longest dictionary prefix
    and suffix each edit keeps (sorted word lists and bisect), which is what makes
    suggestions take milliseconds rather than pyspellchecker's hundreds.
    """

    def __init__(self, words: dict[str, int]) -> None:
        self._spell = SpellChecker(language=None, case_sensitive=True, distance=2)
        self._spell.word_frequency.load_json(_lower_frequencies(words))
        self._known = self._spell.word_frequency.dictionary
        self._display = _display_forms(words)
        self._prefixes = sorted(self._known)
        self._suffixes = sorted(w[::-1] for w in self._known)

    def display(self, key: str) -> str:
        """Return a lower-case key as the dictionary writes it (london -> London)."""
        return self._display.get(key, key)

    def learn(self, word: str, frequency: int) -> None:
        """Add a word to the suggestion lists."""
        key = word.lower()
        if key not in self._known:
            bisect.insort(self._prefixes, key)
            bisect.insort(self._suffixes, key[::-1])
            if word != key:
                self._display[key] = word
        self._spell.word_frequency.load_json({key: max(frequency, self._known.get(key, 0))})
        self._known = self._spell.word_frequency.dictionary

    def ranked(self, key: str) -> list[str]:
        """Return candidate corrections of key, cheapest weighted edit first, then commonest."""
        costs = {c: weighted_distance(key, c) for c in self._candidates(key)}
        costs.update(self._splits(key))
        return sorted(costs, key=lambda c: (round(costs[c], 1), -self._frequency(c), c))

    def _candidates(self, key: str) -> set[str]:
        """Return the known words within two edits of key (key too, for case-only errors)."""
        if not key:
            return set()
        known = self._known
        edits1 = self._spell.edit_distance_1(key)
        found = {c for c in edits1 if c in known}
        if key in known:
            found.add(key)
        followers: dict[str, str] = {}
        for edit in edits1:
            found.update(c for c in self._viable_edits(edit, followers) if c in known)
        return found

    def _viable_edits(self, text: str, followers: dict[str, str]) -> list[str]:
        """Return the single edits of text that keep a dictionary prefix and suffix.

        followers caches, per prefix, the letters that follow it in some dictionary word.
        """
        size = len(text)
        last = self._common_prefix(text)
        first = size - self._common_suffix(text)
        edits = []
        for i in range(max(0, first - 2), min(last, size) + 1):
            head = text[:i]
            letters = followers.get(head)
            if letters is None:
                letters = followers[head] = self._letters_after(head)
            if i >= first - 1 and i < size:
                tail = text[i + 1 :]
                edits.append(head + tail)
                edits.extend(head + c + tail for c in letters)
            if i >= first:
                tail = text[i:]
                edits.extend(head + c + tail for c in letters)
            if i + 1 < size:
                edits.append(head + text[i + 1] + text[i] + text[i + 2 :])
        return edits

    def _letters_after(self, head: str) -> str:
        """Return the letters that follow head in dictionary words, one bisect per letter."""
        words = self._prefixes
        depth = len(head)
        index = bisect.bisect_left(words, head)
        letters = []
        while index < len(words) and words[index].startswith(head):
            word = words[index]
            if len(word) == depth:
                index += 1
                continue
            letter = word[depth]
            letters.append(letter)
            index = bisect.bisect_left(words, head + chr(ord(letter) + 1), index)
        return "".join(letters)

    def _common_prefix(self, text: str) -> int:
        """Return the length of the longest prefix text shares with a dictionary word."""
        return _longest_shared(self._prefixes, text)

    def _common_suffix(self, text: str) -> int:
        """Return the length of the longest suffix text shares with a dictionary word."""
        return _longest_shared(self._suffixes, text[::-1])

    def _splits(self, key: str) -> dict[str, float]:
        """Return two-word readings of a run-together word ("alot" -> "a lot").

        A missing space costs 0.75, less than most edits; 0.5 next to "a" or "I".
        """
        splits = {}
        for i in range(1, len(key)):
            left, right = key[:i], key[i:]
            if all(
                self._known.get(part, 0) >= SPLIT_FREQUENCY and (len(part) > 1 or part in "ai")
                for part in (left, right)
            ):
                splits[f"{left} {right}"] = 0.5 if min(len(left), len(right)) == 1 else 0.75
        return splits

    def _frequency(self, candidate: str) -> int:
        """Return the frequency of a candidate (the rarer half of a two-word split)."""
        if " " in candidate:
            return min(self._known.get(part, 0) for part in candidate.split(" "))
        return self._known.get(candidate, 0)


def _longest_shared(ordered: list[str], text: str) -> int:
    """Return the longest common prefix of text with any string of a sorted list."""
    index = bisect.bisect_left(ordered, text)
    best = 0
    for neighbour in ordered[max(0, index - 1) : index + 1]:
        shared = 0
        for a, b in zip(neighbour, text):
            if a != b:
                break
            shared += 1
        best = max(best, shared)
    return best


def weighted_distance(typed: str, word: str) -> float:
    """Return a Damerau-Levenshtein distance where common slips cost less.

    Doubling or undoubling a letter costs 0.5, swapping neighbours 0.7, one vowel for
    another 0.6 and c/s/k/z confusions 0.7; other edits cost 1.
    """
    rows, cols = len(typed) + 1, len(word) + 1
    d = [[0.0] * cols for _ in range(rows)]
    for i in range(1, rows):
        d[i][0] = d[i - 1][0] + _indel_cost(typed, i - 1)
    for j in range(1, cols):
        d[0][j] = d[0][j - 1] + _indel_cost(word, j - 1)
    for i in range(1, rows):
        a = typed[i - 1]
        for j in range(1, cols):
            b = word[j - 1]
            best = min(
                d[i - 1][j] + _indel_cost(typed, i - 1),
                d[i][j - 1] + _indel_cost(word, j - 1),
                d[i - 1][j - 1] + (0.0 if a == b else _substitution_cost(a, b)),
            )
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b and a != b:
                best = min(best, d[i - 2][j - 2] + 0.7)
            d[i][j] = best
    return d[-1][-1]


def _indel_cost(text: str, index: int) -> float:
    """Return the cost of inserting or deleting text[index]: cheap for a doubled letter."""
    ch = text[index]
    doubled = (index > 0 and text[index - 1] == ch) or (index + 1 < len(text) and text[index + 1] == ch)
    return 0.5 if doubled else 1.0


def _substitution_cost(a: str, b: str) -> float:
    """Return the cost of typing a for b."""
    if a in _VOWELS and b in _VOWELS:
        return 0.6
    if (a, b) in _SIMILAR:
        return 0.7
    return 1.0


def _display_forms(frequencies: dict[str, int]) -> dict[str, str]:
    """Map lower-case keys to the listed form of words listed only with capitals (London)."""
    capitalised = [w for w in frequencies if not w.islower()]
    return {w.lower(): w for w in capitalised if w.lower() not in frequencies}


def _lower_frequencies(frequencies: dict[str, int]) -> dict[str, int]:
    """Fold the case of every word, keeping the highest frequency of words equal but for case."""
    by_count = sorted(frequencies.items(), key=lambda item: item[1])  # highest written last
    return dict(zip(map(_folded, (w for w, _ in by_count)), (c for _, c in by_count)))


def _folded(word: str) -> str:
    """Return the word in lower case: the word itself when it already is (one string in memory, not two)."""
    lower = word.lower()
    return word if lower == word else lower
