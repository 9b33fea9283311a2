"""What the Word round-trip commands (verify, import-edits) read: the case, the Word letter and the library."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.commands.render import with_profile

if TYPE_CHECKING:
    from app.core.casefile.model import Case
    from app.core.drafting.library import Library


@dataclass
class WordInputs:
    """The case as saved, the case with its authority profile applied, the Word file and the library."""

    saved: Case
    case: Case
    document: Any
    library: Library


def read_word_inputs(args: argparse.Namespace) -> WordInputs | None:
    """Read args.case, args.letter and the clause library; print why and return None when one cannot be read."""
    from app.core.casefile.model import load_case
    from app.core.drafting.library import default_layers, load_library
    from app.core.problems import InputError
    from app.core.word.readback import WordFileError, open_word

    try:
        saved = load_case(args.case, legal=False)
        document = open_word(args.letter)
    except (InputError, WordFileError) as exc:
        print(exc, file=sys.stderr)
        return None
    case, wrong = with_profile(saved)
    for message in wrong:
        print(f"{args.case}: {message}", file=sys.stderr)
    return WordInputs(saved, case, document, load_library(default_layers(args.library)))
