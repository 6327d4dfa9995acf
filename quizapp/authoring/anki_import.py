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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizapp.authoring.anki_package import (
    AnkiCard,
    Collection,
    Note,
    NoteType,
    Package,
    Template,
)
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.htmltext import html_to_text, media_names
from quizapp.authoring.ids import short_hash, slugify, tag_id
from quizapp.deck.model import AnkiNote, AnkiNoteType, AnkiTemplate, BasicCard, ClozeCard, Media

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
    flag: int  # Anki's: 1 red, 2 orange, 3 green, 4 blue, 5 pink, 6 turquoise, 7 purple
    due: str  # ISO 8601, UTC; "" for a new card
    stability: float | None  # FSRS memory state, when Anki's FSRS was on
    difficulty: float | None

    @property
    def worth_keeping(self) -> bool:
        return self.suspended or self.buried or bool(self.flag) or bool(self.due)


@dataclass
class ImportedDeck:
    """The cards of one deck of a table (its `deck` column, or the file's name)."""

    name: str
    cards: list = field(default_factory=list)


@dataclass(frozen=True)
class Converted:
    """One card made from an Anki card, with the deck it goes to and what Anki knew of it."""

    deck: str  # the Anki deck's full `A::B::C` name
    card: object  # a deck card (quizapp.deck.model)
    anki_card: int | None  # the Anki card's id, None for a card Anki had not made yet
    state: StateRow | None  # suspended, buried, flagged or reviewed: kept beside the deck


def deck_name(package: Package, deck_id: int) -> str:
    return package.collection.decks.get(deck_id, "") or package.path.stem


def convert_notes(
    package: Package,
    *,
    skip: bool,
    problems: list[AuthoringError],
    skipped: list[str],
    notes_done: Callable[[int], None] | None = None,
) -> Iterator[Converted]:
    """The cards of each note, one note at a time. A note that cannot be converted is added
    to ``problems`` (or, with ``skip``, its reason to ``skipped``) and the rest go on, so
    every failing note is listed. ``notes_done`` is told how many notes are done, every
    thousand and at the end."""
    collection, path = package.collection, package.path
    done = 0
    for note, anki_cards in package.notes():
        done += 1
        if notes_done is not None and done % 1000 == 0:
            notes_done(done)
        note_type = collection.note_types.get(note.type_id)
        try:
            try:
                converted = _convert(note, note_type, anki_cards, path)
            except ValidationError as exc:
                raise _invalid(note, exc, path) from None
        except AuthoringError as problem:
            if skip:
                skipped.append(problem.message)
            else:
                problems.append(problem)
            continue
        by_ordinal = {c.ordinal: c for c in reversed(anki_cards)}  # the first of an ordinal
        for ordinal, card in converted:
            anki_card = by_ordinal.get(ordinal)
            state = _state(collection, anki_card, card.id) if anki_card else None
            yield Converted(
                _deck_of(package, anki_card or (anki_cards[0] if anki_cards else None)),
                card,
                anki_card.id if anki_card else None,
                state if state is not None and state.worth_keeping else None,
            )
    if notes_done is not None:
        notes_done(done)


def kept_note_type(note_type: NoteType) -> AnkiNoteType:
    """A package's note type as the deck keeps it."""
    return AnkiNoteType(
        id=note_type.id,
        name=note_type.name,
        cloze=note_type.cloze,
        fields=note_type.fields,
        templates=[
            AnkiTemplate(name=t.name, question=t.question, answer=t.answer)
            for t in note_type.templates
        ],
        css=note_type.css,
        sort_field=note_type.sort_field,
        latex_pre=note_type.latex_pre,
        latex_post=note_type.latex_post,
        modified=note_type.modified,
    )


def package_note_type(kept: AnkiNoteType) -> NoteType:
    """A note type a deck keeps, as the import reads one from a package."""
    templates = [Template(t.name, t.question, t.answer) for t in kept.templates]
    return NoteType(kept.id, kept.name, kept.cloze, list(kept.fields), templates)


def as_imported(note_type: NoteType, kept: AnkiNote, guid: str, ordinals: list[int]) -> dict:
    """The cards (by template number or cloze number - 1) an Anki note gave when imported:
    what an export holds a card against to tell whether it was edited since. {} if the
    note cannot be converted (its note type edited by hand)."""
    note = Note(0, guid, note_type.id, list(kept.fields), list(kept.tags), kept.modified)
    cards = [AnkiCard(0, 0, ordinal, 0) for ordinal in sorted(set(ordinals))]
    try:
        return dict(_convert(note, note_type, cards, Path(note_type.name)))
    except (AuthoringError, ValidationError, IndexError, ValueError):
        return {}


def template_sides(note_type: NoteType, ordinal: int) -> tuple[int, int]:
    """Indexes of the fields the note type's template ``ordinal`` asks and shows."""
    return _of_type(note_type, _sides, ordinal)


def history_rows(
    package: Package, card_ids: dict[int, tuple[str, str]]
) -> Iterator[tuple[str, HistoryRow]]:
    """(deck name, row) for each review of a card imported: `card_ids` maps the Anki card's
    id to its deck name and card id. Manual reschedules are not reviews."""
    for review in package.reviews():
        if review.rating not in (1, 2, 3, 4) or review.kind in (4, 5):
            continue
        found = card_ids.get(review.card_id)
        if found is None:
            continue  # a card of a note left out
        deck, card_id = found
        when = dt.datetime.fromtimestamp(review.time_ms / 1000, dt.UTC)
        row = HistoryRow(
            card_id,
            review.rating,
            when.isoformat(timespec="microseconds"),
            max(review.duration_ms, 0),
        )
        yield deck, row


def _state(collection: Collection, card: AnkiCard, card_id: str) -> StateRow | None:
    """What Anki knew of the card; None for a new card neither suspended, buried nor flagged
    (most cards of a collection: nothing worth keeping)."""
    if card.kind == 0 and card.queue not in (-1, -2, -3) and not card.flags & 7:
        return None
    try:
        memory = json.loads(card.data) if card.data else {}
    except ValueError:
        memory = {}
    memory = memory if isinstance(memory, dict) else {}
    return StateRow(
        card_id,
        suspended=card.queue == -1,
        buried=card.queue in (-2, -3),
        flag=card.flags & 7,
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


def _deck_of(package: Package, card: AnkiCard | None) -> str:
    return deck_name(package, card.deck_id) if card else package.path.stem


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
    # The note as Anki had it, kept on each card (`anki`, with the card's number) for export;
    # given as data, checked with the card (quicker than a model copied onto each card).
    kept = {
        "note_type": note.type_id,
        "fields": note.fields,
        "tags": note.tags,
        "modified": note.modified,
    }
    if note_type.cloze:
        return _cloze_cards(note, note_type, tags, path, kept)
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
    texts = [html_to_text(value) for value in note.fields]
    names = [media_names(value) for value in note.fields]
    switches = _of_type(note_type, _switches)
    for ordinal in ordinals:
        asked, shown = _of_type(note_type, _sides, ordinal)
        question, answer = texts[asked], texts[shown]
        question_media = [Media(file=name, side="question") for name in names[asked]]
        answer_media = [Media(file=name, side="answer") for name in names[shown]]
        question = question or _names(question_media)
        answer = answer or _names(answer_media)
        if not question or not answer:
            side = "front" if not question else "back"
            raise AuthoringError(
                path,
                f"{_describe(note)}: the {side} of its card {ordinal + 1} is empty",
                "add text to it in Anki, or pass --skip to leave such notes out",
            )
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
            anki={**kept, "card": ordinal},
        )
        cards.append((ordinal, card))
    return cards


# What a note type's templates say, worked out once per note type (and template) of an import.
_TYPE_CACHE: dict[tuple, tuple[NoteType, Any]] = {}


def _of_type(note_type: NoteType, work: Callable, *args: Any) -> Any:
    key = (id(note_type), work, *args)
    found = _TYPE_CACHE.get(key)
    if found is None or found[0] is not note_type:  # an id reused by another note type
        if len(_TYPE_CACHE) > 10_000:
            _TYPE_CACHE.clear()
        found = _TYPE_CACHE[key] = (note_type, work(note_type, *args))
    return found[1]


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


def _cloze_cards(note: Note, note_type: NoteType, tags: list[str], path: Path, kept: dict) -> list:
    text = html_to_text(note.fields[0])
    if not is_anki_cloze(text):
        raise AuthoringError(
            path,
            f"{_describe(note)} is a {note_type.name!r} note without deletions ({{{{c1::...}}}})",
            "add a deletion to it in Anki, or pass --skip to leave such notes out",
        )
    explanation = "\n".join(t for t in (html_to_text(f) for f in note.fields[1:]) if t)
    media = _media(note.fields[0], "question") + [
        m for f in note.fields[1:] for m in _media(f, "answer")
    ]
    return cloze_cards(text, note.guid, tags=tags, explanation=explanation, media=media, anki=kept)


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
    anki: dict | None = None,
) -> list[tuple[int, ClozeCard]]:
    """One card per deletion number of Anki cloze text, with its card ordinal.

    The ids are `<slug>-<hash of guid>-cN`; a note of several deletions makes siblings.
    ``anki``: the Anki note each card keeps (its `card` number added), if any.
    """
    # The text between deletions, and each deletion's number, answer and hint, found once.
    between: list[str] = []
    deletions: list[tuple[int, str, str | None]] = []
    end = 0
    for match in _ANKI_CLOZE.finditer(text):
        between.append(text[end : match.start()])
        deletions.append((int(match.group(1)), match.group(2), match.group(3)))
        end = match.end()
    between.append(text[end:])
    numbers = sorted({number for number, _, _ in deletions})
    base = f"{slugify(_with_deletions(between, deletions, None)) or 'note'}-{short_hash(guid)}"
    cards = []
    for number in numbers:
        card = ClozeCard(
            id=f"{base}-c{number}",
            kind="cloze",
            text=_with_deletions(between, deletions, number),
            tags=tags,
            explanation=explanation,
            media=media or [],
            guid=guid if keep_guid else None,
            siblings=base if len(numbers) > 1 else None,
            anki=None if anki is None else {**anki, "card": number - 1},
        )
        cards.append((number - 1, card))
    return cards


def _with_deletions(
    between: list[str], deletions: list[tuple[int, str, str | None]], asked: int | None
) -> str:
    """The text with deletion ``asked`` as {{answer::hint}} and the others shown as text
    (all of them for None)."""
    parts = [between[0]]
    for (number, answer, hint), after in zip(deletions, between[1:], strict=True):
        if number != asked:
            parts.append(answer)
        else:
            parts.append(f"{{{{{answer}::{hint}}}}}" if hint else f"{{{{{answer}}}}}")
        parts.append(after)
    return "".join(parts)
