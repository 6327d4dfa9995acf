"""Stable ids for cards and tags made from other tools' data or from text."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from pathlib import Path

from quizapp.authoring.errors import AuthoringError
from quizapp.deck.model import ID_PATTERN

_NOT_ID = re.compile(r"[^a-z0-9._-]+")
_DASHES = re.compile(r"-{2,}")


def slugify(text: str, max_length: int = 40) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary; '' if none are left."""
    ascii_text = (
        text
        if text.isascii()
        else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    )
    slug = _NOT_ID.sub("-", ascii_text.lower().replace("::", "-")).strip("-._")
    slug = _DASHES.sub("-", slug)
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-._")


@functools.lru_cache(maxsize=4096)  # a collection uses few tags on many notes
def tag_id(tag: str) -> str:
    """An Anki or CSV tag as a deck tag, its `::` hierarchy kept ('' when nothing is left)."""
    parts = [slugify(part, max_length=60) for part in tag.split("::")]
    return "::".join(part for part in parts if part)[:120].strip(":")


# genanki's base91 alphabet (genanki.util.BASE91_TABLE), the one Anki's own GUIDs use.
_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)

_PAIRS = [high + low for high in _BASE91 for low in _BASE91]
_PAIR_BASE = 91 * 91


def note_guid(deck_id: str, card_id: str) -> str:
    """The Anki GUID of a card's note: from the deck id and the card's oldest id.

    The same as ``genanki.guid_for(deck_id, card_id)`` (a test holds them equal), worked out
    here without genanki's byte-by-byte loop: an import checks every card against it.
    """
    digest = hashlib.sha256(f"{deck_id}__{card_id}".encode()).digest()
    number = int.from_bytes(digest[:8], "big")
    letters = []
    while number >= _PAIR_BASE:  # two digits at a time
        number, digits = divmod(number, _PAIR_BASE)
        letters.append(_PAIRS[digits])
    if number:  # the leading digit or two, without a leading zero ("a")
        letters.append(_PAIRS[number] if number >= 91 else _BASE91[number])
    return "".join(reversed(letters))


def is_note_guid(guid: str, deck_id: str, card_id: str) -> bool:
    """Whether ``guid`` is `note_guid(deck_id, card_id)`: told by its last two letters for
    almost every GUID that is not (one from Anki), before spelling out the rest."""
    digest = hashlib.sha256(f"{deck_id}__{card_id}".encode()).digest()
    number = int.from_bytes(digest[:8], "big")
    if number >= _PAIR_BASE and not guid.endswith(_PAIRS[number % _PAIR_BASE]):
        return False
    return guid == note_guid(deck_id, card_id)


def oldest_id(card) -> str:
    """The id a card was first known by: what its Anki GUID is derived from."""
    return card.previous_ids[-1] if card.previous_ids else card.id


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
