"""Text crossing into and out of other programs' files: what a card must not hold, and what a
spreadsheet must not run.

Control characters (NUL, escape sequences, bells) mean nothing on a card and can upset a
terminal, so every import drops them. A CSV cell starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return is a formula to a spreadsheet (OWASP's "CSV injection"), so the CSV
export writes it after an apostrophe, which spreadsheets show as text; quizapp's reader takes
that apostrophe off again, so a round trip gives the text back exactly.
"""

from __future__ import annotations

import re

# The columns of a CSV quizapp writes (its `#columns:` header): the file whose apostrophes
# quizapp's reader takes off.
CSV_COLUMNS = ("question", "answer", "tags", "notetype", "id", "guid")
# C0 controls but tab and line breaks, DEL, and the C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"
# A GUID as Anki and genanki make them (base91, at most 10 characters): never a formula that
# does harm (no quotes, spaces or room for a function call), and changing it would make Anki
# add a copy of the note instead of updating it.
_ANKI_GUID = re.compile(r"[A-Za-z0-9!#$%&()*+,\-./:;<=>?@\[\]^_`{|}~]{1,10}")


def without_controls(text: str) -> str:
    # Printable text holds no control character: most text, checked faster than searched.
    return text if text.isprintable() else _CONTROLS.sub("", text)


def _formula_like(text: str) -> bool:
    """Starts as a formula, or as one escaped (so an apostrophe of its own survives the
    reader, which takes off one)."""
    return text.lstrip(_ESCAPE).startswith(FORMULA_STARTS)


def escape_formula(text: str) -> str:
    return _ESCAPE + text if _formula_like(text) else text


def escape_guid(guid: str) -> str:
    return guid if _ANKI_GUID.fullmatch(guid) else escape_formula(guid)


def unescape_formula(text: str) -> str:
    """The cell as it was before `escape_formula`."""
    return text[1:] if text.startswith(_ESCAPE) and _formula_like(text[1:]) else text
