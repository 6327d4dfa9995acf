"""Split a plain-text document into sentences, keeping each one's place in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! or ? (maybe followed by a closing quote or bracket) before
# whitespace and a capital, digit or opening quote; abbreviations are checked apart.
_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(A-Z0-9])")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "gen", "col", "lt", "sgt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "art", "sec", "para", "govt", "inc", "ltd", "co", "jr", "sr",
}  # fmt: skip
_BULLET = re.compile(r"^[\s\u2022\u2023\u25e6\u2043\u2219\u25aa\u25cf\u2756*\-\u2013:]+")


@dataclass(frozen=True)
class Sentence:
    start: int  # span in the document's own text
    end: int
    text: str  # the document's text of the span, whitespace runs collapsed

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences line by line: a line break always ends one (headings, bullets)."""
    found: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        found += _line_sentences(line, offset)
        offset += len(line)
    return found


def _line_sentences(line: str, offset: int) -> list[Sentence]:
    bullet = _BULLET.match(line)
    start = bullet.end() if bullet else 0
    pieces: list[tuple[int, int]] = []
    for match in _END.finditer(line, start):
        if _is_abbreviation(line, match.start()):
            continue
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(line)))
    out = []
    for begin, end in pieces:
        chunk = line[begin:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        first = offset + begin + lead
        out.append(Sentence(first, first + len(stripped), " ".join(stripped.split())))
    return out


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", line[:dot])
    if word is None:
        return False
    token = word.group(1)
    # "U.S." and "U.N." style initials, single capitals ("J. Smith"), and known short forms.
    return "." in token or len(token) == 1 or token.lower() in _ABBREVIATIONS
