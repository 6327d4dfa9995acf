"""Stable ids for cards and tags made from other tools' data or from text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from quizapp.authoring.errors import AuthoringError
from quizapp.deck.model import ID_PATTERN

_NOT_ID = re.compile(r"[^a-z0-9._-]+")


def slugify(text: str, max_length: int = 40) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary; '' if none are left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_ID.sub("-", ascii_text.lower().replace("::", "-")).strip("-._")
    slug = re.sub(r"-{2,}", "-", slug)
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-._")


def tag_id(tag: str) -> str:
    """An Anki or CSV tag as a deck tag ('' when nothing usable is left)."""
    return slugify(tag, max_length=60)


def check_deck_id(deck_id: str | None, path: Path) -> None:
    """Refuse an id given on the command line that a deck cannot have."""
    if deck_id is not None and not re.match(ID_PATTERN, deck_id):
        raise AuthoringError(
            path,
            f"{deck_id!r} is not a valid deck id",
            "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit",
            content=False,
        )


def short_hash(*parts: str, length: int = 6) -> str:
    blob = "\x1f".join(parts).encode()
    return hashlib.blake2b(blob, digest_size=8).hexdigest()[:length]


def card_id(prefix: str, label: str, *content: str) -> str:
    """'prefix-slug-hash': readable, and unique because the hash covers the content."""
    slug = slugify(label)
    parts = [p for p in (slugify(prefix, 20), slug) if p]
    return "-".join([*parts, short_hash(prefix, label, *content)])
