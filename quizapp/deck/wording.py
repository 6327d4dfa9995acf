"""Options compared as a reader compares them: by their words.

``normalise`` is the form options are compared in; ``contains_words`` says when one
option is a whole-word part of another ("Security Council" in "National Security
Council"), which gives one of the two away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.deck.sources import fold

_TOKEN = re.compile(r"(?<!\w)-?\d+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+|[%$\u20ac\u00a3\u20b9]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


def normalise(text: object) -> str:
    """The form options are compared in: words and figures only, lower case, no leading
    article. 'The U.S.', 'the u.s' and 'U S' are one option; '1,000' and '1000' too."""
    tokens = _TOKEN.findall(_THOUSANDS.sub("", fold(str(text)).casefold()))
    if len(tokens) > 1 and tokens[0] in ("the", "a", "an"):
        tokens = tokens[1:]
    return " ".join(tokens)


def words(text: object) -> list[str]:
    return normalise(text).split()


def contains_words(a: Sequence[str], b: Sequence[str]) -> bool:
    """True if either word sequence appears whole, in order, inside the other."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    return any(
        list(long[i : i + len(short)]) == list(short) for i in range(len(long) - len(short) + 1)
    )
