"""Source documents and the verbatim quotes cards cite from them.

A quote matches its document after folding typographic variants (curly and
straight quotes, dashes, runs of whitespace), so an author may type plain
ASCII; the passage shown to the learner is always the document's own text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quizapp.deck.model import SourceDocument

_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}


_VARIANT = re.compile("|".join(map(re.escape, _FOLD)))


def _folded_variant(match: re.Match[str]) -> str:
    return _FOLD[match.group()]


def fold(text: str) -> str:
    """Fold typographic variants and collapse whitespace (the quote-matching form); the same
    text as _fold_with_map's. Every quote of a deck is folded when it is checked: plain ASCII
    (most quotes) skips the search for variants, and the few found are replaced where they
    are, five times faster than translating every character."""
    if not text.isascii() or "`" in text:
        text = _VARIANT.sub(_folded_variant, text)
    return " ".join(text.split())


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text, and for each folded character the index it came from."""
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                origin.append(i)
            in_space = True
            continue
        in_space = False
        rep = _FOLD.get(ch, ch)
        out.append(rep)
        origin.extend([i] * len(rep))
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


@dataclass
class SourceText:
    """A document's metadata and its full text."""

    meta: SourceDocument
    text: str
    path: Path | None = None
    _folded: tuple[str, list[int]] | None = field(default=None, repr=False)

    @cached_property
    def digest(self) -> str:
        return hashlib.blake2b(self.text.encode(), digest_size=16).hexdigest()

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def _mapping(self) -> tuple[str, list[int]]:
        if self._folded is None:
            self._folded = _fold_with_map(self.text)
        return self._folded

    def contains(self, quote: str) -> bool:
        return fold(quote) in self.folded

    def find(self, quote: str) -> tuple[int, int] | None:
        """Span of the quote in the original text, or None when it is not there."""
        needle = fold(quote)
        if not needle:
            return None
        folded, origin = self._mapping
        at = folded.find(needle)
        if at < 0:
            return None
        return origin[at], origin[at + len(needle) - 1] + 1

    def passage(self, quote: str) -> str | None:
        """The document's own wording of the quote (curly quotes and all)."""
        span = self.find(quote)
        return None if span is None else self.text[span[0] : span[1]]

    @property
    def citation(self) -> str:
        """'Title — Publisher, 21 June 2024' with unknown parts left out."""
        parts = [p for p in (self.meta.publisher, _long_date(self.meta)) if p]
        return self.meta.title + (" \u2014 " + ", ".join(parts) if parts else "")


def _long_date(meta: SourceDocument) -> str | None:
    if meta.date is None:
        return None
    return f"{meta.date.day} {meta.date:%B %Y}"
