"""Fuzz the command line with hostile case files: every one must render or be refused with a message.

Run with `.venv/bin/python tests/bench/fuzz_cases.py [COUNT] [SEED]` (default 10,000 cases). Each
case is a valid case file with one to three fields replaced by hostile values (numbers where lists
are expected, NaN and infinity, dates near 9999, very long or huge text, control characters, deep
nesting, aliases, duplicate keys, quoted booleans, template syntax). Each runs `render` and, for
every fifth case, `check`, in-process, with a 10 s alarm. It prints how many were rendered,
refused with a message, raised a traceback, hung, gave a corrupt .docx or lost the officer's text.

`write_malformed_set(folder)` writes the fixed 64-file malformed-case set used by the tests.
"""

from __future__ import annotations

import contextlib
import io
import random
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TODAY = "2026-11-21"
TIMEOUT_SECONDS = 10
TOKEN = "Zq7Token"

BASE = {
    "regime": "foia",
    "letter": "response",
    "reference": "FOI-2026-001",
    "received": "2026-10-01",
    "date": "2026-10-20",
    "authority": "\n  name: Example Council\n  address: [1 High Street, Anytown AN1 1AA]\n  central_government: false",
    "requester": "\n  name: A. Person\n  address: [2 Low Road]\n  email: a@example.org",
    "request": "Please send the depot records.",
    "parts": "\n  - question: The depot records.\n    outcome: disclosed\n    answer: " + TOKEN + " here they are.",
    "allow_drafts": "false",
}
FIELDS = [
    "regime",
    "letter",
    "reference",
    "received",
    "date",
    "authority",
    "authority.name",
    "authority.address",
    "authority.central_government",
    "requester",
    "requester.name",
    "requester.address",
    "request",
    "parts",
    "parts.outcome",
    "parts.question",
    "parts.exemptions",
    "parts.cost.hours",
    "fee",
    "allow_drafts",
    "edits.removed",
    "edits.added",
    "edits.texts",
    "edits.order",
    "review",
    "extension_date",
    "clarification",
]
HOSTILE = {
    "number": "42",
    "negative": "-7",
    "float": "3.5",
    "nan": ".nan",
    "inf": ".inf",
    "minus-inf": "-.inf",
    "huge-number": "1e999999",
    "big-int": "9" * 400,
    "true": "true",
    "quoted-false": '"false"',
    "null": "null",
    "empty-string": '""',
    "list-of-numbers": "[1, 2, 3]",
    "list-of-maps": "[{a: 1}, {b: [2]}]",
    "mapping": "{x: 1, y: [2]}",
    "date-9999": "9999-12-31",
    "date-0001": "0001-01-01",
    "impossible-date": "2026-02-30",
    "datetime": "2026-10-01T10:00:00",
    "long-text": '"' + "R" * 300 + '"',
    "very-long-text": '"' + "W " * 20_000 + '"',
    "ten-mb": '"' + "x" * 10_500_000 + '"',
    "control": '"a\\x07b\\x00c"',
    "nul": '"\\0"',
    "bidi": '"\\u202e evil"',
    "surrogate-escape": '"\\ud800"',
    "template": '"{{ case.__class__ }} {% for x in range(9) %}x{% endfor %}"',
    "markdown": '"**bold** [link](http://x) | a | b |\\n|---|---|"',
    "deep-nesting": "[" * 3000 + "]" * 3000,
    "moderate-nesting": "[" * 80 + "]" * 80,
    "alias": "*nowhere",
    "multiline": "|\n    line one\n    line two",
    "tab": '"a\\tb"',
    "unicode": '"Zoë 🦊 — ‘quotes’"',
    "regime-typo": "fioa",
    "outcome-typo": "witheld",
    "exemption-junk": '["99(9)(z)", "s40", "", "30(1)(a)(b)(c)(d)(e)(f)"]',
}
# Whole-file hostile shapes that are not one field's value.
WHOLE_FILE = {
    "billion-laughs": "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)),
    "duplicate-keys": "regime: foia\nreceived: 2026-10-01\nparts: [{outcome: disclosed}]\nregime: eir\n",
    "not-a-mapping": "- just\n- a\n- list\n",
    "empty": "",
    "binary": "\x00\x01\x02",
    "unclosed-quote": "regime: foia\nreference: 'unclosed\nreceived: 2026-10-01\nparts: [{outcome: disclosed}]\n",
    "tabs": "regime: foia\n\treceived: 2026-10-01\n",
    "two-documents": "regime: foia\n---\nregime: eir\n",
    "merge-key": "base: &b {outcome: disclosed}\nregime: foia\nreceived: 2026-10-01\nparts: [{<<: *b}]\n",
    "only-comment": "# nothing here\n",
}


def case_text(replacements: dict[str, str]) -> str:
    """Return a case file with some fields replaced by raw YAML values."""
    top = dict(BASE)
    nested: dict[str, dict[str, str]] = {}
    for field, value in replacements.items():
        if "." in field:
            head, rest = field.split(".", 1)
            nested.setdefault(head, {})[rest] = value
        else:
            top[field] = value
    lines = []
    for key, value in top.items():
        extra = nested.pop(key, {})
        if key == "parts" and extra:
            value = _part(extra)
        elif extra and value.startswith("\n"):
            value = value + "".join(f"\n  {k}: {v}" for k, v in extra.items())
        lines.append(f"{key}: {value}")
    for key, extra in nested.items():
        lines.append(f"{key}:" + "".join(f"\n  {_nested(k, v)}" for k, v in extra.items()))
    return "\n".join(lines) + "\n"


def _part(fields: dict[str, str]) -> str:
    """Return a parts list whose one part has some hostile fields."""
    part = {"question": "The depot records.", "outcome": "disclosed", "answer": f"{TOKEN} here they are."}
    text = "\n  - " + "\n    ".join(f"{k}: {v}" for k, v in part.items() if k not in fields)
    for key, value in fields.items():
        text += "\n    " + _nested(key, value, indent="    ")
    return text


def _nested(key: str, value: str, indent: str = "  ") -> str:
    """Return key: value, nesting dotted keys one level (cost.hours)."""
    if "." in key:
        head, rest = key.split(".", 1)
        return f"{head}:\n{indent}  {rest}: {value}"
    return f"{key}: {value}"


def random_case(rng: random.Random) -> tuple[str, bool]:
    """Return a hostile case text and whether the officer's answer token should survive."""
    if rng.random() < 0.03:
        return rng.choice(list(WHOLE_FILE.values())), False
    picks = {rng.choice(FIELDS): rng.choice(list(HOSTILE.values())) for _ in range(rng.randint(1, 3))}
    keeps_token = not any(f.startswith("parts") for f in picks)
    return case_text(picks), keeps_token


def malformed_set() -> dict[str, str]:
    """Return the fixed 64-file malformed-case set: name -> text."""
    cases = {f"whole-{name}": text for name, text in WHOLE_FILE.items()}
    pairs = [
        ("edits.removed", "number"),
        ("edits.added", "number"),
        ("edits.added", "list-of-numbers"),
        ("edits.texts", "list-of-numbers"),
        ("edits.order", "number"),
        ("parts.cost.hours", "nan"),
        ("parts.cost.hours", "inf"),
        ("parts.cost.hours", "huge-number"),
        ("fee", "nan"),
        ("fee", "minus-inf"),
        ("fee", "big-int"),
        ("received", "date-9999"),
        ("received", "date-0001"),
        ("date", "date-9999"),
        ("extension_date", "date-9999"),
        ("received", "impossible-date"),
        ("received", "number"),
        ("reference", "long-text"),
        ("reference", "very-long-text"),
        ("request", "ten-mb"),
        ("request", "deep-nesting"),
        ("request", "moderate-nesting"),
        ("request", "control"),
        ("requester.name", "nul"),
        ("requester.address", "nul"),
        ("requester.name", "template"),
        ("request", "alias"),
        ("authority.central_government", "quoted-false"),
        ("authority.central_government", "number"),
        ("allow_drafts", "quoted-false"),
        ("allow_drafts", "list-of-maps"),
        ("parts", "number"),
        ("parts", "mapping"),
        ("parts", "list-of-numbers"),
        ("parts.exemptions", "number"),
        ("parts.exemptions", "exemption-junk"),
        ("parts.exemptions", "list-of-maps"),
        ("parts.outcome", "outcome-typo"),
        ("parts.question", "mapping"),
        ("regime", "regime-typo"),
        ("letter", "list-of-numbers"),
        ("authority", "number"),
        ("authority.address", "mapping"),
        ("requester", "list-of-maps"),
        ("review", "number"),
        ("clarification", "mapping"),
        ("request", "bidi"),
        ("reference", "markdown"),
        ("authority.name", "very-long-text"),
        ("parts.question", "surrogate-escape"),
        ("date", "datetime"),
        ("parts.cost.hours", "negative"),
        ("fee", "quoted-false"),
        ("edits.removed", "deep-nesting"),
    ]
    for field, kind in pairs:
        cases[f"{field.replace('.', '-')}--{kind}"] = case_text({field: HOSTILE[kind]})
    assert len(cases) == 64, len(cases)
    return cases


def write_malformed_set(folder: Path) -> None:
    """Write the 64-file set (numbered, so the order is stable)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, (name, text) in enumerate(sorted(malformed_set().items()), start=1):
        (folder / f"{number:02d}-{name}.yaml").write_bytes(text.encode("utf-8", "surrogatepass"))


class _Hang(Exception):
    """The alarm went off."""


def _alarm(_signum: int, _frame: object) -> None:
    raise _Hang


def run_one(main, path: Path, out: Path, command: str) -> tuple[str, str]:
    """Run one CLI command in-process; return (outcome, detail)."""
    stderr, stdout = io.StringIO(), io.StringIO()
    args = ["render", str(path), "-o", str(out), "--today", TODAY] if command == "render" else ["check", str(path)]
    signal.alarm(TIMEOUT_SECONDS)
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            code = main(args)
    except _Hang:
        return "hang", path.name
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        return "traceback", traceback.format_exc(limit=-3)
    finally:
        signal.alarm(0)
    if "Traceback (most recent call last)" in stderr.getvalue():
        return "traceback", stderr.getvalue()[-500:]
    if code != 0:
        message = (stderr.getvalue() + stdout.getvalue()).strip()
        return ("refused", message[:200]) if message else ("silent", path.name)
    return "rendered", ""


def check_docx(out: Path, keeps_token: bool) -> str:
    """Return 'rendered', 'corrupt docx' or 'text lost' for a written letter."""
    try:
        with zipfile.ZipFile(out) as package:
            if package.testzip() is not None:
                return "corrupt docx"
            document = package.read("word/document.xml").decode("utf-8")
        import docx

        docx.Document(str(out))
    except Exception:
        return "corrupt docx"
    if keeps_token and TOKEN not in document:
        return "text lost"
    return "rendered"


def main(count: int = 10_000, seed: int = 16) -> int:
    """Run the fuzz and print the figures; exit 1 on any traceback, hang, corrupt letter or lost text."""
    from app.cli import main as cli

    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(seed)
    tally: Counter[str] = Counter()
    checks: Counter[str] = Counter()
    examples: dict[str, str] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for number in range(count):
            text, keeps_token = random_case(rng)
            path, out = folder / f"case-{number}.yaml", folder / f"letter-{number}.docx"
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            outcome, detail = run_one(cli, path, out, "render")
            if outcome == "rendered":
                outcome = check_docx(out, keeps_token)
            tally[outcome] += 1
            examples.setdefault(outcome, f"{text[:300]!r}\n    {detail[:300]}")
            if number % 5 == 0:
                checks[run_one(cli, path, out, "check")[0]] += 1
            path.unlink()
            out.unlink(missing_ok=True)
            if (number + 1) % 500 == 0:
                print(f"  … {number + 1:,}: " + ", ".join(f"{k} {v:,}" for k, v in sorted(tally.items())), flush=True)
    seconds = time.perf_counter() - started
    print(f"{count:,} hostile case files (seed {seed}) in {seconds:.0f} s")
    for outcome in ("rendered", "refused", "traceback", "hang", "corrupt docx", "text lost", "silent"):
        print(f"  render {outcome:13} {tally[outcome]:6,}")
    print(f"  check runs: {sum(checks.values()):,}: " + ", ".join(f"{k} {v:,}" for k, v in sorted(checks.items())))
    for outcome in ("traceback", "hang", "corrupt docx", "text lost", "silent"):
        if outcome in examples:
            print(f"example of {outcome}: {examples[outcome]}")
    bad = sum(tally[k] for k in ("traceback", "hang", "corrupt docx", "text lost", "silent"))
    return 1 if bad or checks["traceback"] or checks["hang"] else 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:3])))
