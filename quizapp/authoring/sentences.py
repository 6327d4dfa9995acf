"""Split a plain-text document into sentences, keeping each one's place in the text.

A full stop ends a sentence unless it belongs to an abbreviation ("Dr.", "v.", "e.g."), an
initial ("D.Y. Chandrachud", "Bela M. Trivedi") or a number ("Article 6.2", "1.5"); a unit
before it ("1.5°C.", "4.7 mm.") does not make it an initial, nor does a king's numeral
("King Bhima I.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence may end at . ! or ? (maybe followed by a closing quote or bracket) before
# whitespace; what follows and what precedes decide whether it does.
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+\S)")
_OPENING = "\"'\u201c\u2018(["
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "v", "etc", "gen", "col", "lt",
    "sgt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "art", "arts", "sec", "secs", "para", "paras", "govt", "inc", "ltd", "pvt", "co", "jr",
    "sr", "rs", "approx", "viz", "cf", "fig", "vol", "ch", "cl", "hon", "rev", "smt", "shri",
}  # fmt: skip
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")  # "D.Y", "M", "U.S"
# Words that open a sentence and never a surname: "under Annexure G. The first test" ends at G.
_OPENERS = {
    "The", "A", "An", "It", "Its", "This", "That", "These", "Those", "In", "On", "At", "By",
    "He", "She", "They", "We", "His", "Her", "Their", "But", "However", "Under", "After",
    "Before", "Since", "When", "While", "As", "For", "From", "With", "There", "Such",
}  # fmt: skip
# Labels a letter names rather than initials: "Annexure G", "Schedule A", "Part B".
_LABELLED = re.compile(
    r"\b(?:Annexure|Annex|Appendix|Schedule|Part|Group|Grade|Category|Class|Type|Table|Form|"
    r"Plan|Phase|Block|Zone|Section|Vitamin)\s[A-Z]$"
)
_BULLET = re.compile(r"^[\s\u2022\u2023\u25e6\u2043\u2219\u25aa\u25cf\u2756*\-\u2013:]+")
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class Sentence:
    start: int  # span in the document's own text
    end: int
    text: str  # the document's text of the span, whitespace runs collapsed
    line: int = 0  # which line of the document (a paragraph in notes) it is on
    first: bool = True  # the first sentence of its line

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def ends(self) -> bool:
        """Ends like a sentence (a heading or a caption does not)."""
        return _TERMINAL.search(self.text) is not None


def split_sentences(text: str) -> list[Sentence]:
    """Sentences line by line: a line break always ends one (headings, bullets)."""
    found: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        found += _line_sentences(line, offset, number)
        offset += len(line)
    return found


def _line_sentences(line: str, offset: int, number: int) -> list[Sentence]:
    bullet = _BULLET.match(line)
    start = bullet.end() if bullet else 0
    pieces: list[tuple[int, int]] = []
    for match in _END.finditer(line, start):
        following = line[match.end() :].lstrip()[:1]
        if not (following.isupper() or following.isdigit() or following in _OPENING):
            continue
        if _is_abbreviation(line, match.start()) and not _ends_at_letter(line, match):
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
        out.append(
            Sentence(first, first + len(stripped), " ".join(stripped.split()), number, not out)
        )
    return out


def _ends_at_letter(line: str, match: re.Match) -> bool:
    """A stop after a letter ends the sentence when the letter is a label ("Annexure G.") or
    the next word opens a sentence ("G. The"), not a name."""
    if line[match.start()] != ".":
        return False
    before = line[: match.start()]
    following = line[match.end() :].split(None, 1)[:1]
    word = re.search(r"(\S+)$", before)
    if word is None or not _INITIALS.match(word.group(1).lstrip(_OPENING)):
        return False  # not an initial: an abbreviation ("Dr.") stays one
    if re.search(r"[A-Z][a-z]+\sI$", before):
        return True  # "queen of Bhima I. Bhima I ruled ...": a king's numeral, no initial
    return bool(_LABELLED.search(before)) or (bool(following) and following[0] in _OPENERS)


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    word = re.search(r"(\S+)$", line[:dot])
    if word is None:
        return False
    token = word.group(1).lstrip(_OPENING)
    if re.search(r"\d\s(?:m|g|kg|km|cm|mm|l|s|h)$", line[:dot]):
        return False  # "a throw of 89.45 m.": a unit after a figure, not an initial
    if _INITIALS.match(token):
        # "D.Y", "U.S", "M" are initials; "1.5°C" or "km" before the stop are not.
        return True
    bare = token.rstrip(".").casefold()
    if bare in _ABBREVIATIONS:
        return True
    return re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare) is not None  # "e.g", "i.e"
