"""Anki notes as deck cards: one card per Anki card, in one deck per Anki deck.

A Basic-like note gives a card per template (the reverse of "Basic (and
reversed card)" is a card of its own, `-rev`); a Cloze note gives a card per
deletion (`-c1`, `-c2`, ...). The cards of one note share a `siblings` group
and keep the note's GUID, so an export back to Anki updates that note. Card
ids come from the GUID (which Anki keeps across exports), so importing the
same package again gives the same ids. Pictures and sounds are listed on the
card and copied out of the package; review history goes to rows in the shared
FSRS log format for the store to import.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from quizapp.authoring.anki_package import (
    AnkiCard,
    Collection,
    Note,
    NoteType,
    Template,
    read_media,
    read_package,
)
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.htmltext import html_to_text, media_names
from quizapp.authoring.ids import short_hash, slugify, tag_id
from quizapp.deck.model import BasicCard, ClozeCard, Media

_ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_FIELD_REF = re.compile(r"\{\{(?![#/^!])([^{}]+?)\}\}")
_SECTION = re.compile(r"\{\{[#^]([^{}]+?)\}\}")
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


@dataclass(frozen=True)
class StateRow:
    """What Anki knew of a card beyond its reviews: kept beside the deck for the store."""

    card_id: str
    suspended: bool
    buried: bool
    flag: int  # 1 red, 2 orange, 3 green, 4 blue (Anki's 5-7 have no match: 0)
    due: str  # ISO 8601, UTC; "" for a new card
    stability: float | None  # FSRS memory state, when Anki's FSRS was on
    difficulty: float | None

    @property
    def worth_keeping(self) -> bool:
        return self.suspended or self.buried or bool(self.flag) or bool(self.due)


@dataclass
class ImportedDeck:
    """The cards of one Anki deck (full `A::B::C` name) with their history and media."""

    name: str
    cards: list = field(default_factory=list)
    history: list[HistoryRow] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)  # file name: bytes
    states: list[StateRow] = field(default_factory=list)


@dataclass
class AnkiImport:
    decks: list[ImportedDeck] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why each skipped note was left out
    missing_media: list[str] = field(default_factory=list)  # referenced, not in the package


def import_package(path: Path, *, skip: bool = False) -> AnkiImport:
    """Cards, history and media from an .apkg; AuthoringError listing every note that fails.

    Media are named by their bare file names here; the caller places them in a folder.
    """
    collection = read_package(path)
    by_note: dict[int, list[AnkiCard]] = {}
    for card in collection.cards.values():
        by_note.setdefault(card.note_id, []).append(card)
    decks: dict[str, ImportedDeck] = {}
    card_ids: dict[tuple[int, int], tuple[ImportedDeck, str]] = {}
    problems: list[AuthoringError] = []
    result = AnkiImport()
    wanted_media: dict[str, set[str]] = {}
    for note in collection.notes:
        note_type = collection.note_types.get(note.type_id)
        anki_cards = sorted(by_note.get(note.id, []), key=lambda c: c.ordinal)
        try:
            try:
                converted = _convert(note, note_type, anki_cards, path)
            except ValidationError as exc:
                raise _invalid(note, exc, path) from None
        except AuthoringError as problem:
            if skip:
                result.skipped.append(problem.message)
            else:
                problems.append(problem)
            continue
        for ordinal, card in converted:
            deck_name = _deck_of(collection, anki_cards, ordinal, path)
            deck = decks.setdefault(deck_name, ImportedDeck(deck_name))
            wanted_media.setdefault(deck_name, set()).update(m.file for m in card.media)
            card_ids[(note.id, ordinal)] = (deck, card.id)
            deck.cards.append(card)
            anki_card = next((c for c in anki_cards if c.ordinal == ordinal), None)
            state = _state(collection, anki_card, card.id) if anki_card else None
            if state is not None and state.worth_keeping:
                deck.states.append(state)
    if problems:
        raise AuthoringError.of_all(
            path,
            problems,
            "notes cannot be imported",
            "fix them in Anki, or pass --skip to leave them out",
        )
    for deck_name, names in wanted_media.items():
        for name in sorted(names):
            data = read_media(path, collection, name)
            if data is None:
                result.missing_media.append(name)
            else:
                decks[deck_name].media[name] = data
    _history(collection, card_ids)
    result.decks = sorted(decks.values(), key=lambda d: d.name.casefold())
    return result


def _state(collection: Collection, card: AnkiCard, card_id: str) -> StateRow:
    try:
        memory = json.loads(card.data) if card.data else {}
    except ValueError:
        memory = {}
    memory = memory if isinstance(memory, dict) else {}
    flag = card.flags & 7
    return StateRow(
        card_id,
        suspended=card.queue == -1,
        buried=card.queue in (-2, -3),
        flag=flag if flag <= 4 else 0,
        due=_due(collection, card),
        stability=_number(memory.get("s")),
        difficulty=_number(memory.get("d")),
    )


def _due(collection: Collection, card: AnkiCard) -> str:
    if card.kind == 0:
        return ""  # a new card's due is its place in the new queue
    # Learning steps count in epoch seconds, reviews in days since the collection's first day.
    seconds = card.due if card.due > 1_000_000_000 else collection.created + card.due * 86_400
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _deck_of(collection: Collection, cards: list[AnkiCard], ordinal: int, path: Path) -> str:
    card = next((c for c in cards if c.ordinal == ordinal), cards[0] if cards else None)
    name = collection.decks.get(card.deck_id, "") if card else ""
    return name or path.stem


def _invalid(note: Note, exc: ValidationError, path: Path) -> AuthoringError:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    reason = str(error["msg"]).removeprefix("Value error, ")
    return AuthoringError(
        path,
        f"{_describe(note)} cannot be converted: {where}: {reason}",
        "fix the note in Anki, or pass --skip to leave such notes out",
    )


def _describe(note: Note) -> str:
    first = html_to_text(note.fields[0]) if note.fields else ""
    first = " ".join(first.split())
    return f"note {note.id} ({first[:40]!r})" if first else f"note {note.id}"


def _convert(
    note: Note, note_type: NoteType | None, anki_cards: list[AnkiCard], path: Path
) -> list[tuple[int, object]]:
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
    ordinals = [c.ordinal for c in anki_cards] or [0]
    base = None
    cards = []
    for ordinal in ordinals:
        asked, shown = _sides(note_type, ordinal)
        question, answer = html_to_text(note.fields[asked]), html_to_text(note.fields[shown])
        question_media = _media(note.fields[asked], "question")
        answer_media = _media(note.fields[shown], "answer")
        question = question or _names(question_media)
        answer = answer or _names(answer_media)
        if not question or not answer:
            side = "front" if not question else "back"
            raise AuthoringError(
                path,
                f"{_describe(note)}: the {side} of its card {ordinal + 1} is empty",
                "add text to it in Anki, or pass --skip to leave such notes out",
            )
        texts = [html_to_text(value) for value in note.fields]
        switches = _switches(note_type)
        extra = [
            f"{name}: {value}"
            for index, (name, value) in enumerate(zip(note_type.fields, texts, strict=False))
            if index not in (asked, shown) and value and name not in switches
        ]
        base = base or f"{slugify(question) or 'note'}-{short_hash(note.guid)}"
        card = BasicCard(
            id=base if ordinal == 0 else f"{base}-{_template_suffix(ordinal)}",
            kind="basic",
            question=question,
            answer=answer,
            tags=tags,
            notes="\n".join(extra) or None,
            media=question_media + answer_media,
            guid=note.guid,
            siblings=base if len(ordinals) > 1 else None,
        )
        cards.append((ordinal, card))
    return cards


def _template_suffix(ordinal: int) -> str:
    return "rev" if ordinal == 1 else f"t{ordinal + 1}"


def _sides(note_type: NoteType, ordinal: int) -> tuple[int, int]:
    """Indexes of the fields a template asks and shows: Front/Back, Back/Front for a reverse."""
    names = note_type.fields
    if ordinal >= len(note_type.templates):
        return (1, 0) if ordinal == 1 else (0, 1)
    template: Template = note_type.templates[ordinal]
    asked = [n for n in _refs(template.question) if n in names]
    shown = [n for n in _refs(template.answer) if n in names and n not in asked]
    first = names.index(asked[0]) if asked else 0
    rest = [names.index(n) for n in shown] or [i for i in range(len(names)) if i != first]
    return first, rest[0]


def _switches(note_type: NoteType) -> set[str]:
    """Fields templates only test, never show: "Add Reverse" of the optional reversed card."""
    tested, shown = set(), set()
    for template in note_type.templates:
        for text in (template.question, template.answer):
            tested |= {m.group(1).strip() for m in _SECTION.finditer(text)}
            shown |= set(_refs(text))
    return tested - shown


def _refs(template: str) -> list[str]:
    """Field names a template shows, in order: `{{Back}}`, `{{type:Back}}`, `{{hint:X}}`."""
    return [m.group(1).split(":")[-1].strip() for m in _FIELD_REF.finditer(template)]


def _media(value: str, side: str) -> list[Media]:
    return [Media(file=name, side=side) for name in media_names(value)]


def _names(media: list[Media]) -> str:
    """A side that is only pictures or sounds: their file names stand for it as text."""
    return " ".join(f"[{m.name}]" for m in media)


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
    media = _media(note.fields[0], "question") + [
        m for f in note.fields[1:] for m in _media(f, "answer")
    ]
    return cloze_cards(text, note.guid, tags=tags, explanation=explanation, media=media)


def is_anki_cloze(text: str) -> bool:
    return _ANKI_CLOZE.search(text) is not None


def cloze_cards(
    text: str,
    guid: str,
    *,
    tags: list[str],
    explanation: str = "",
    media: list[Media] | None = None,
    keep_guid: bool = True,
) -> list[tuple[int, ClozeCard]]:
    """One card per deletion number of Anki cloze text, with its card ordinal.

    The ids are `<slug>-<hash of guid>-cN`; a note of several deletions makes siblings.
    """
    numbers = sorted({int(m.group(1)) for m in _ANKI_CLOZE.finditer(text)})
    revealed = _ANKI_CLOZE.sub(lambda m: m.group(2), text)
    base = f"{slugify(revealed) or 'note'}-{short_hash(guid)}"
    cards = []
    for number in numbers:
        asked = _ANKI_CLOZE.sub(lambda m, n=number: _deletion(m, n), text)
        card = ClozeCard(
            id=f"{base}-c{number}",
            kind="cloze",
            text=asked,
            tags=tags,
            explanation=explanation,
            media=media or [],
            guid=guid if keep_guid else None,
            siblings=base if len(numbers) > 1 else None,
        )
        cards.append((number - 1, card))
    return cards


def _deletion(match: re.Match, number: int) -> str:
    """The asked deletion as {{answer::hint}}; the note's other deletions shown as text."""
    answer, hint = match.group(2), match.group(3)
    if int(match.group(1)) != number:
        return answer
    return f"{{{{{answer}::{hint}}}}}" if hint else f"{{{{{answer}}}}}"


def _history(
    collection: Collection, card_ids: dict[tuple[int, int], tuple[ImportedDeck, str]]
) -> None:
    for review in collection.reviews:
        if review.rating not in (1, 2, 3, 4) or review.kind in (4, 5):
            continue  # manual reschedules are not reviews
        card = collection.cards.get(review.card_id)
        found = card_ids.get((card.note_id, card.ordinal)) if card else None
        if found is None:
            continue  # a card of a note left out
        deck, card_id = found
        when = dt.datetime.fromtimestamp(review.time_ms / 1000, dt.UTC)
        deck.history.append(
            HistoryRow(
                card_id,
                review.rating,
                when.isoformat(timespec="microseconds"),
                max(review.duration_ms, 0),
            )
        )
