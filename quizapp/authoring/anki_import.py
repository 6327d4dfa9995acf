"""Anki notes as deck cards: basic notes as basic cards, cloze notes one card per deletion.

Card ids come from the note's guid (which Anki keeps across exports), so
importing the same package again gives the same ids. Review history goes to
rows in the shared FSRS log format for the store to import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from quizapp.authoring.anki_package import Collection, Note, NoteType, read_package
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.htmltext import html_to_text
from quizapp.authoring.ids import short_hash, slugify, tag_id
from quizapp.deck.model import BasicCard, ClozeCard

_ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_FIX_TYPE = (
    "in Anki, change the note type to Basic or Cloze (Browse > Notes > Change Note Type), "
    "or pass --skip to leave such notes out"
)


@dataclass(frozen=True)
class HistoryRow:
    """One review in the shared FSRS log format."""

    card_id: str
    review_rating: int
    review_time: str  # ISO 8601, UTC
    review_duration: int  # ms


@dataclass
class AnkiImport:
    title: str
    cards: list = field(default_factory=list)
    history: list[HistoryRow] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why each skipped note was left out


def import_package(path: Path, *, skip: bool = False) -> AnkiImport:
    """Cards and review history from an .apkg; AuthoringError on what cannot be converted."""
    collection = read_package(path)
    result = AnkiImport(title=_main_deck_name(collection, path))
    card_ids: dict[tuple[int, int], str] = {}  # (note id, card ordinal) -> deck card id
    for note in collection.notes:
        note_type = collection.note_types.get(note.type_id)
        try:
            try:
                cards = _convert(note, note_type, path)
            except ValidationError as exc:
                raise _invalid(note, exc, path) from None
        except AuthoringError as problem:
            if not skip:
                raise
            result.skipped.append(problem.message)
            continue
        for ordinal, card in cards:
            card_ids[(note.id, ordinal)] = card.id
            result.cards.append(card)
    result.history = _history(collection, card_ids)
    return result


def _invalid(note: Note, exc: ValidationError, path: Path) -> AuthoringError:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    reason = str(error["msg"]).removeprefix("Value error, ")
    return AuthoringError(
        path,
        f"{_describe(note)} cannot be converted: {where}: {reason}",
        "fix the note in Anki, or pass --skip to leave such notes out",
    )


def _main_deck_name(collection: Collection, path: Path) -> str:
    counts: dict[int, int] = {}
    for _, _, deck in collection.cards.values():
        counts[deck] = counts.get(deck, 0) + 1
    if counts:
        name = collection.decks.get(max(counts, key=lambda d: (counts[d], -d)), "")
        name = name.replace("\x1f", "::").split("::")[-1].strip()
        if name and name != "Default":
            return name
    return path.stem


def _describe(note: Note) -> str:
    first = html_to_text(note.fields[0]) if note.fields else ""
    first = " ".join(first.split())
    return f"note {note.id} ({first[:40]!r})" if first else f"note {note.id}"


def _convert(note: Note, note_type: NoteType | None, path: Path) -> list[tuple[int, object]]:
    if note_type is None:
        raise AuthoringError(
            path, f"{_describe(note)} has a note type missing from the package", _FIX_TYPE
        )
    tags = list(dict.fromkeys(t for t in (tag_id(tag) for tag in note.tags) if t))
    if note_type.cloze and note_type.fields[:1] == ["Occlusion"]:
        raise AuthoringError(
            path,
            f"{_describe(note)} is an image occlusion note: its question is a picture, "
            "which a text deck cannot hold",
            "pass --skip to leave such notes out",
        )
    if note_type.cloze:
        return _cloze_cards(note, note_type, tags, path)
    if len(note.fields) < 2 or len(note_type.fields) < 2:
        raise AuthoringError(
            path,
            f"{_describe(note)} has note type {note_type.name!r} with fewer than two fields: "
            "only Basic-like (front and back) and Cloze notes can be imported",
            _FIX_TYPE,
        )
    question, answer = html_to_text(note.fields[0]), html_to_text(note.fields[1])
    if not question or not answer:
        side = "front" if not question else "back"
        raise AuthoringError(
            path,
            f"{_describe(note)}: the {side} is empty as text (images and sounds are not imported)",
            "add text to it in Anki, or pass --skip to leave such notes out",
        )
    extra = [
        f"{name}: {value}"
        for name, value in zip(
            note_type.fields[2:], (html_to_text(f) for f in note.fields[2:]), strict=False
        )
        if value
    ]
    card = BasicCard(
        id=f"{slugify(question) or 'note'}-{short_hash(note.guid)}",
        kind="basic",
        question=question,
        answer=answer,
        tags=tags,
        notes="\n".join(extra) or None,
    )
    return [(0, card)]


def _cloze_cards(note: Note, note_type: NoteType, tags: list[str], path: Path) -> list:
    text = html_to_text(note.fields[0])
    numbers = sorted({int(m.group(1)) for m in _ANKI_CLOZE.finditer(text)})
    if not numbers:
        raise AuthoringError(
            path,
            f"{_describe(note)} is a {note_type.name!r} note without deletions ({{{{c1::...}}}})",
            "add a deletion to it in Anki, or pass --skip to leave such notes out",
        )
    explanation = "\n".join(html_to_text(f) for f in note.fields[1:] if html_to_text(f))
    revealed = _ANKI_CLOZE.sub(lambda m: m.group(2), text)
    base = f"{slugify(revealed) or 'note'}-{short_hash(note.guid)}"
    cards = []
    for number in numbers:
        asked = _ANKI_CLOZE.sub(lambda m, n=number: _deletion(m, n), text)
        card = ClozeCard(
            id=f"{base}-c{number}",
            kind="cloze",
            text=asked,
            tags=tags,
            explanation=explanation,
        )
        cards.append((number - 1, card))
    return cards


def _deletion(match: re.Match, number: int) -> str:
    """The asked deletion as {{answer::hint}}; the note's other deletions shown as text."""
    answer, hint = match.group(2), match.group(3)
    if int(match.group(1)) != number:
        return answer
    return f"{{{{{answer}::{hint}}}}}" if hint else f"{{{{{answer}}}}}"


def _history(collection: Collection, card_ids: dict[tuple[int, int], str]) -> list[HistoryRow]:
    rows = []
    for review in collection.reviews:
        if review.rating not in (1, 2, 3, 4) or review.kind in (4, 5):
            continue  # manual reschedules are not reviews
        where = collection.cards.get(review.card_id)
        card_id = card_ids.get((where[0], where[1])) if where else None
        if card_id is None:
            continue  # a reversed card, or a card of a note left out
        when = dt.datetime.fromtimestamp(review.time_ms / 1000, dt.UTC)
        rows.append(
            HistoryRow(
                card_id,
                review.rating,
                when.isoformat(timespec="microseconds"),
                max(review.duration_ms, 0),
            )
        )
    return rows
