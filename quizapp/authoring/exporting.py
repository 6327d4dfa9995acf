"""`quizapp export`: a deck as an Anki package (genanki) or a CSV table.

Every card kind becomes a Basic or a Cloze note; the cards of one Anki note
(same GUID: a card and its reverse, a note's cloze deletions) become that
note again. A card keeps the GUID it was imported with; our own cards' GUID
comes from the deck id and the card's oldest id, so a renamed card (with
`previous_ids`) updates its note in Anki instead of adding a copy.

A card imported from Anki keeps its note (`anki`: note type, fields as HTML,
tags) and the deck keeps the note type (`anki_note_types`): such a note is
written back with its own note type (same id, name, fields and templates, the
note type's Anki time kept so Anki leaves it as it is) and each field as it
was, byte for byte, unless the card's text was edited here, when that field
gets the new text. So the collection the notes came from updates them, its
formatting intact, instead of setting them aside as of another note type.
An unchanged note keeps Anki's own modification time; an edited one is newer.

A note's modification time is when its content last changed, as the progress
database recorded it on loading the deck (`changes`); a card edited since the
deck was last loaded counts as changed now. So a re-export without changes
never looks newer than the copy in Anki, and edits made there are kept (Anki's
default "update if newer"), while a note changed here replaces Anki's older
copy. Where the database knows no time (a deck never studied here), the time
is fixed by the content hash, within 2020: unchanged, it stays the same.

The CSV carries Anki's file headers (`#separator:comma`, `#html:false`,
`#columns:`, `#tags column:`, `#notetype column:`, `#guid column:`, `#deck:`)
so Anki's importer reads it right, and the card id column so `quizapp
import` gives the cards back their ids.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import genanki

from quizapp.authoring.anki_import import (
    as_imported,
    package_note_type,
    template_sides,
)
from quizapp.authoring.anki_package import NoteType
from quizapp.authoring.cells import CSV_COLUMNS, escape_formula, escape_guid
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.htmltext import text_to_html
from quizapp.authoring.ids import note_guid, oldest_id, short_hash, tag_id
from quizapp.authoring.yamlio import write_files
from quizapp.deck.loader import LoadedDeck, load_deck
from quizapp.deck.model import CLOZE_PATTERN, AnkiNoteType, Media, Status

_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: center; }
.source { font-size: 14px; color: #666; margin-top: 1em; }
.cloze { font-weight: bold; color: #1565c0; }
"""

BASIC_MODEL = genanki.Model(
    1_607_392_319,  # fixed: Anki matches note types by id across imports
    "quizapp Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Explanation"}, {"name": "Source"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"
            "{{#Explanation}}<br><br>{{Explanation}}{{/Explanation}}"
            "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
        }
    ],
    css=_CSS,
)
REVERSED_MODEL = genanki.Model(
    1_607_392_321,
    "quizapp Basic (and reversed card)",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Explanation"}, {"name": "Source"}],
    templates=[
        BASIC_MODEL.templates[0],
        {
            "name": "Card 2",
            "qfmt": "{{Back}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Front}}"
            "{{#Explanation}}<br><br>{{Explanation}}{{/Explanation}}"
            "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
        },
    ],
    css=_CSS,
)
CLOZE_MODEL = genanki.Model(
    1_607_392_320,
    "quizapp Cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Source"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}{{#Back Extra}}<br><br>{{Back Extra}}{{/Back Extra}}"
            "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
        }
    ],
    css=_CSS,
    model_type=genanki.Model.CLOZE,
)


def load_for_export(path: Path) -> LoadedDeck:
    loaded, problems = load_deck(Path(path), use_cache=False)
    if loaded is None:
        errors = [p for p in problems if p.severity == "error"]
        detail = "; ".join(str(p) for p in errors[:3])
        raise AuthoringError(
            path, f"the deck has errors, nothing was exported: {detail}", "fix them first"
        )
    return loaded


def anki_deck_id(deck_id: str) -> int:
    return int(short_hash("anki-deck", deck_id, length=8), 16) | (1 << 32)


def card_guid(deck_id: str, card) -> str:
    """The GUID of a card's Anki note: the one it was imported with, else derived."""
    return card.guid or note_guid(deck_id, oldest_id(card))


# Notes of unknown change time carry times within 2020, fixed by their content.
_STABLE_TIMES_FROM = 1_577_836_800
_STABLE_TIMES_SPAN = 366 * 86_400

# Card id -> (content hash as last loaded, when its content last changed) in the progress
# database; from `Store.content_changes`.
Changes = Mapping[str, tuple[str, dt.datetime | None]]


def stable_modified(cards) -> int:
    """A note's modification time: the same for the same content, whenever it is exported."""
    digest = short_hash(*(c.content_hash() for c in cards), *(t for c in cards for t in c.tags))
    return _STABLE_TIMES_FROM + int(digest, 16) % _STABLE_TIMES_SPAN


def note_modified(cards, changes: Changes, now: float) -> int:
    """When the note's content last changed: the latest of its cards' times."""
    stable = stable_modified(cards)
    times = []
    for card in cards:
        known = changes.get(card.id)
        if known is not None and known[0] != card.content_hash():
            times.append(int(now))  # edited since the deck was last loaded
        elif known is not None and known[1] is not None:
            times.append(int(known[1].timestamp()))
        else:
            times.append(stable)
    return max(times)


class _Note(genanki.Note):
    """A genanki note written with its own modification time, not the export's."""

    def __init__(self, *args, modified: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.modified = modified

    def write_to_db(self, cursor, timestamp: float, deck_id, id_gen) -> None:
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


def front_back(card) -> tuple[str, str]:
    """A non-cloze card as plain-text front and back, whatever its kind."""
    kind = card.kind
    if kind == "basic":
        also = f"\n(also accepted: {', '.join(card.accept)})" if card.accept else ""
        return card.question, card.answer + also
    if kind == "year":
        return card.question, str(card.answer)
    if kind == "mcq":
        options = sorted([card.answer, *card.distractors], key=str.casefold)
        lines = [card.question, *(f"{chr(65 + i)}. {o}" for i, o in enumerate(options))]
        letter = chr(65 + options.index(card.answer))
        return "\n".join(lines), f"{letter}. {card.answer}"
    if kind == "true_false":
        return f"True or false? {card.statement}", "True" if card.answer else "False"
    if kind == "ordering":
        shown = sorted(card.events, key=lambda e: e.event.casefold())
        front = "\n".join([card.question, *(f"- {e.event}" for e in shown)])
        back = "\n".join(f"{i}. {e.event} ({e.date})" for i, e in enumerate(card.events, 1))
        return front, back
    if kind == "statements":
        numbers = card.correct_numbers
        if not numbers:
            back = "None of them"
        elif len(numbers) == len(card.statements):
            back = "All of them"
        else:
            back = "Only " + ", ".join(str(n) for n in numbers)
        return card.prompt, back
    if kind == "match":
        rights = sorted((p.right for p in card.pairs), key=str.casefold)
        front = "\n".join(
            [card.question, *(f"{i}. {p.left}" for i, p in enumerate(card.pairs, 1))]
            + [""]
            + [f"{chr(65 + i)}. {r}" for i, r in enumerate(rights)]
        )
        back = "\n".join(f"{p.left} \u2014 {p.right}" for p in card.pairs)
        return front, back
    if kind == "assertion_reason":
        options = [f"{chr(65 + i)}. {o}" for i, o in enumerate(card.options)]
        back = f"{chr(65 + card.correct_index)}. {card.answer_text}"
        return "\n".join([card.prompt, *options]), back
    raise AuthoringError(Path(card.id), f"cannot export card kind {kind!r}")


def anki_cloze(text: str) -> str:
    """`{{answer::hint}}` as Anki's `{{c1::answer::hint}}`: all asked together, as in quizapp."""

    def deletion(match: re.Match) -> str:
        answer, hint = match.group(1), match.group(2)
        body = text_to_html(answer) + (f"::{text_to_html(hint)}" if hint else "")
        return "{{c1::" + body + "}}"

    parts, last = [], 0
    for match in CLOZE_PATTERN.finditer(text):
        parts.append(text_to_html(text[last : match.start()]))
        parts.append(deletion(match))
        last = match.end()
    parts.append(text_to_html(text[last:]))
    return "".join(parts)


def source_field(loaded: LoadedDeck, card) -> str:
    if card.source is None:
        return ""
    document = loaded.documents.get(card.source.document)
    quote = (document.passage(card.source.quote) if document else None) or card.source.quote
    cited = document.citation if document else card.source.document
    return text_to_html(f"\u201c{' '.join(quote.split())}\u201d \u2014 {cited}")


def export_cards(loaded: LoadedDeck, drafts: bool) -> list:
    return [c for c in loaded.deck.cards if drafts or c.status is Status.reviewed]


@dataclass
class AnkiNote:
    """One note to write: its cards (one, or the cards of an imported note) and its kind."""

    guid: str
    cards: list
    kind: str  # "basic", "reversed", "cloze", or "anki": the note type it was imported with
    cloze_text: str = ""  # the note's text with numbered deletions, for a cloze note


def anki_notes(
    deck_id: str, cards: list, note_types: Mapping[int, AnkiNoteType] | None = None
) -> list[AnkiNote]:
    """Cards grouped into the notes Anki will hold: one per GUID where they fit together.
    With the deck's ``note_types``, the cards of an imported note go back as that note."""
    groups: dict[str, list] = {}
    for card in cards:
        groups.setdefault(card_guid(deck_id, card), []).append(card)
    notes = []
    for guid, group in groups.items():
        merged = _merged_cloze(group) if all(c.kind == "cloze" for c in group) else None
        if note_types and _as_imported(group, note_types):
            notes.append(AnkiNote(guid, group, "anki", merged or ""))
        elif len(group) == 1:
            notes.append(_single(guid, group[0]))
        elif merged is not None:
            notes.append(AnkiNote(guid, group, "cloze", merged))
        elif _is_reversed_pair(group):
            notes.append(AnkiNote(guid, group, "reversed"))
        else:  # cards edited apart since the import: the first keeps the note's GUID
            notes.append(_single(guid, group[0]))
            notes += [_single(note_guid(deck_id, oldest_id(c)), c) for c in group[1:]]
    return notes


def _as_imported(group: list, note_types: Mapping[int, AnkiNoteType]) -> bool:
    """Whether the cards are of one imported note whose note type the deck keeps, each
    still of the kind that note type makes (cloze cards of a cloze note, else basic)."""
    kept = [c.anki for c in group]
    if any(k is None for k in kept) or len({k.note_type for k in kept}) != 1:
        return False
    note_type = note_types.get(kept[0].note_type)
    wanted = "cloze" if note_type is not None and note_type.cloze else "basic"
    return note_type is not None and all(c.kind == wanted for c in group)


def _single(guid: str, card) -> AnkiNote:
    if card.kind == "cloze":
        return AnkiNote(guid, [card], "cloze", anki_cloze(card.text))
    return AnkiNote(guid, [card], "basic")


def _is_reversed_pair(group: list) -> bool:
    if len(group) != 2 or any(c.kind != "basic" for c in group):
        return False
    front, back = group
    return (front.question, front.answer) == (back.answer, back.question)


_CLOZE_NUMBER = re.compile(r"-c(\d+)$")


def _merged_cloze(group: list) -> str | None:
    """The cloze cards of one note as one text with {{c1::...}}, {{c2::...}}; None if they
    do not share one text (edited apart since the import)."""
    numbers = [_CLOZE_NUMBER.search(c.id) for c in group]
    ordinals = [int(m.group(1)) for m in numbers if m]
    if all(c.anki is not None for c in group):  # imported: the numbers Anki gave them
        ordinals = [c.anki.card + 1 for c in group]
    if len(ordinals) != len(group) or len(set(ordinals)) != len(group):
        ordinals = list(range(1, len(group) + 1))
    revealed = None
    spans = []
    for number, card in zip(ordinals, group, strict=True):
        plain, found = _deletion_spans(card.text)
        if revealed is not None and plain != revealed:
            return None
        revealed = plain
        spans += [(start, end, number, hint) for start, end, hint in found]
    spans.sort()
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False)) or revealed is None:
        return None
    return _cloze_html(revealed, spans)


def _cloze_html(revealed: str, spans: list[tuple[int, int, int, str | None]]) -> str:
    """Revealed text with numbered deletions at (start, end, number, hint), in order."""
    parts, last = [], 0
    for start, end, number, hint in spans:
        parts.append(text_to_html(revealed[last:start]))
        body = text_to_html(revealed[start:end]) + (f"::{text_to_html(hint)}" if hint else "")
        parts.append(f"{{{{c{number}::{body}}}}}")
        last = end
    parts.append(text_to_html(revealed[last:]))
    return "".join(parts)


def _rejoined_cloze(cards: list, edited) -> str:
    """The text of an imported cloze note whose cards were edited apart: the edited card's
    text, its deletions numbered as its own, with each other card's deletion wherever its
    answer still stands in that text (so no deletion of the note is lost that can be kept)."""
    revealed, found = _deletion_spans(edited.text)
    spans = [(start, end, edited.anki.card + 1, hint) for start, end, hint in found]
    for card in cards:
        if card is edited:
            continue
        plain, theirs = _deletion_spans(card.text)
        for start, end, hint in theirs:
            answer = plain[start:end]
            at = revealed.find(answer)
            while at >= 0 and any(at < e and s < at + len(answer) for s, e, _, _ in spans):
                at = revealed.find(answer, at + 1)
            if at >= 0:
                spans.append((at, at + len(answer), card.anki.card + 1, hint))
    return _cloze_html(revealed, sorted(spans))


def _deletion_spans(text: str) -> tuple[str, list[tuple[int, int, str | None]]]:
    """A cloze text revealed, and where in it each deletion stands (with its hint)."""
    out, spans, last, at = [], [], 0, 0
    for match in CLOZE_PATTERN.finditer(text):
        before = text[last : match.start()]
        out.append(before)
        at += len(before)
        answer = match.group(1)
        spans.append((at, at + len(answer), match.group(2)))
        out.append(answer)
        at += len(answer)
        last = match.end()
    out.append(text[last:])
    return "".join(out), spans


def _with_media(html: str, media: list[Media]) -> str:
    """A field with its pictures and sounds as Anki writes them; a side that was only media
    (its text the file names) becomes only media again."""
    if not media:
        return html
    names = " ".join(f"[{m.name}]" for m in media)
    if html == text_to_html(names):
        html = ""
    tags = [f'<img src="{m.name}">' if m.is_picture else f"[sound:{m.name}]" for m in media]
    return "<br>".join([html, "".join(tags)] if html else ["".join(tags)])


def _side(card, side: str) -> list[Media]:
    return [m for m in card.media if m.side == side]


class _KeptModel(genanki.Model):
    """A note type kept from an import, written with the time Anki gave it: not newer than
    the copy in the collection it came from, so Anki leaves that one as it is."""

    def __init__(self, kept: AnkiNoteType) -> None:
        super().__init__(
            kept.id,
            kept.name,
            fields=[{"name": name} for name in kept.fields],
            templates=[
                {"name": t.name, "qfmt": t.question, "afmt": t.answer} for t in kept.templates
            ],
            css=kept.css,
            model_type=genanki.Model.CLOZE if kept.cloze else genanki.Model.FRONT_BACK,
            sort_field_index=kept.sort_field,
        )
        if kept.latex_pre is not None:
            self.latex_pre = kept.latex_pre
        if kept.latex_post is not None:
            self.latex_post = kept.latex_post
        self.modified = kept.modified

    @property
    def _req(self) -> list:
        # The required fields of old collections: newer Anki works them out again itself,
        # and genanki's guess fails on templates it cannot render.
        try:
            return genanki.Model._req.func(self)
        except Exception:  # noqa: BLE001 - any template genanki cannot render
            return []

    def to_json(self, timestamp: float, deck_id) -> dict:
        return super().to_json(self.modified, deck_id)


class _KeptTypes:
    """The deck's kept note types, each made into a genanki model (and read as the import
    reads one) once per export."""

    def __init__(self, note_types: list[AnkiNoteType]) -> None:
        self.kept = {t.id: t for t in note_types}
        self._models: dict[int, _KeptModel] = {}
        self._read: dict[int, NoteType] = {}

    def model(self, type_id: int) -> _KeptModel:
        if type_id not in self._models:
            self._models[type_id] = _KeptModel(self.kept[type_id])
        return self._models[type_id]

    def read(self, type_id: int) -> NoteType:
        if type_id not in self._read:
            self._read[type_id] = package_note_type(self.kept[type_id])
        return self._read[type_id]


def _kept_fields(note: AnkiNote, types: _KeptTypes) -> tuple[list[str], list[str], bool]:
    """An imported note's fields and tags, as Anki had them where the cards are unchanged
    and with the new text where they were edited; and whether anything was."""
    kept = note.cards[0].anki
    note_type = types.read(kept.note_type)
    before = as_imported(note_type, kept, note.guid, [c.anki.card for c in note.cards])
    fields = list(kept.fields)
    changed = False
    for card in note.cards:
        old = before.get(card.anki.card)
        if card.kind == "cloze":
            continue
        asked, shown = template_sides(note_type, card.anki.card)
        sides = ((asked, card.question, "question"), (shown, card.answer, "answer"))
        for index, text, side in sides:
            old_text = getattr(old, side) if old is not None else None
            media = _side(card, side)
            old_media = [m.name for m in _side(old, side)] if old is not None else None
            if (text, [m.name for m in media]) != (old_text, old_media) and index < len(fields):
                fields[index] = _with_media(text_to_html(text), media)
                changed = True
    cloze = [c for c in note.cards if c.kind == "cloze"]
    if cloze:
        olds = [before.get(c.anki.card) for c in cloze]
        edited = [c for o, c in zip(olds, cloze, strict=True) if o is None or o.text != c.text]
        if edited:
            text = note.cloze_text or _rejoined_cloze(cloze, edited[0])
            fields[0] = _with_media(text, [m for m in cloze[0].media if m.side == "question"])
            changed = True
        old = olds[0]
        if (old is None or old.explanation != cloze[0].explanation) and len(fields) > 1:
            fields[1] = text_to_html(cloze[0].explanation)
            fields[2:] = [""] * (len(fields) - 2)  # their text was part of the explanation
            changed = True
    tags = list(dict.fromkeys(t for c in note.cards for t in c.tags))
    as_anki = list(dict.fromkeys(t for t in (tag_id(t) for t in kept.tags) if t))
    if tags == as_anki:
        tags = list(kept.tags)
    else:
        changed = True
    return fields, tags, changed


def _kept_note(note: AnkiNote, types: _KeptTypes, changes: Changes, now: float) -> genanki.Note:
    kept = note.cards[0].anki
    fields, tags, changed = _kept_fields(note, types)
    # Unchanged, the note keeps Anki's time (Anki sees nothing newer); edited, it is newer
    # than that, so the collection it came from takes the edit.
    modified = kept.modified
    if changed:
        modified = max(note_modified(note.cards, changes, now), kept.modified + 1)
    model = types.model(kept.note_type)
    return _Note(model, fields, tags=tags, guid=note.guid, modified=modified)


def _genanki_note(loaded: LoadedDeck, note: AnkiNote, modified: int) -> genanki.Note:
    first = note.cards[0]
    tags = list(dict.fromkeys(t for c in note.cards for t in c.tags))
    explanation = text_to_html(first.explanation)
    source = source_field(loaded, first)
    if note.kind == "cloze":
        media = list(dict.fromkeys(m for c in note.cards for m in c.media))
        text = _with_media(note.cloze_text, [m for m in media if m.side == "question"])
        extra = _with_media(explanation, [m for m in media if m.side == "answer"])
        fields = [text, extra, source]
        return _Note(CLOZE_MODEL, fields, tags=tags, guid=note.guid, modified=modified)
    front, back = front_back(first)
    fields = [
        _with_media(text_to_html(front), _side(first, "question")),
        _with_media(text_to_html(back), _side(first, "answer")),
        explanation,
        source,
    ]
    model = REVERSED_MODEL if note.kind == "reversed" else BASIC_MODEL
    return _Note(model, fields, tags=tags, guid=note.guid, modified=modified)


def _media_files(loaded: LoadedDeck, cards: list) -> list[str]:
    """Paths of the deck's pictures and sounds; an error naming every one that is missing."""
    folder = loaded.path.parent
    wanted = list(dict.fromkeys(m.file for c in cards for m in c.media))
    missing = [f for f in wanted if not (folder / f).is_file()]
    if missing:
        raise AuthoringError(
            loaded.path,
            f"media file(s) missing, nothing was exported: {', '.join(missing)}",
            "put them back beside the deck, or remove them from the cards",
        )
    return [str(folder / f) for f in wanted]


def export_apkg(
    deck_path: Path,
    out: Path,
    *,
    drafts: bool = False,
    timestamp: float | None = None,
    changes: Callable[[str], Changes] | None = None,
) -> int:
    """Write the deck as a package; `changes(deck_id)` gives the progress database's record
    of when each card changed (see `note_modified`)."""
    loaded = load_for_export(deck_path)
    deck = loaded.deck
    anki = genanki.Deck(anki_deck_id(deck.id), deck.title, description=deck.description)
    cards = export_cards(loaded, drafts)
    known = changes(deck.id) if changes is not None else {}
    now = timestamp if timestamp is not None else time.time()
    types = _KeptTypes(deck.anki_note_types)
    for note in anki_notes(deck.id, cards, types.kept):
        if note.kind == "anki":
            anki.add_note(_kept_note(note, types, known, now))
        else:
            anki.add_note(_genanki_note(loaded, note, note_modified(note.cards, known, now)))
    package = genanki.Package(anki, media_files=_media_files(loaded, cards))
    _write_package(package, Path(out), timestamp)
    return len(cards)


def _write_package(package: genanki.Package, out: Path, timestamp: float | None) -> None:
    if out.exists():
        raise AuthoringError(
            out,
            "already exists; nothing was written",
            "choose another file name or remove it",
            content=False,
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise AuthoringError(out, f"cannot write it: {exc.strerror}", content=False) from None
    os.close(fd)
    try:
        package.write_to_file(tmp, timestamp=timestamp)
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)


_NOTETYPES = {"basic": "Basic", "reversed": "Basic (and reversed card)", "cloze": "Cloze"}


def export_csv(deck_path: Path, out: Path, *, drafts: bool = False) -> int:
    """One row per Anki note, with Anki's file headers: what `quizapp import` and Anki's
    importer both read. A note of several cards (a reverse, cloze deletions) is one row.
    A cell a spreadsheet would take for a formula starts with an apostrophe (see
    quizapp.authoring.cells), which `quizapp import` takes off again."""
    loaded = load_for_export(deck_path)
    deck = loaded.deck
    cards = export_cards(loaded, drafts)
    buffer = io.StringIO()
    buffer.write(
        "#separator:comma\n#html:false\n"
        f"#columns:{','.join(CSV_COLUMNS)}\n"
        "#tags column:3\n#notetype column:4\n#guid column:6\n"
        f"#deck:{' '.join(deck.title.split())}\n"
    )
    writer = csv.writer(buffer, lineterminator="\n")
    # A row starting with '#' would read as a file header: quote that row.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for note in anki_notes(deck.id, cards):
        first = note.cards[0]
        row_id = first.id
        if note.kind == "cloze" and len(note.cards) > 1:  # the note's id: its cards' less -cN
            front, back = _plain_cloze(note), first.explanation
            row_id = _CLOZE_NUMBER.sub("", first.id)
        elif note.kind == "cloze":
            front, back = _numbered(first.text), first.explanation
        elif first.kind == "basic":  # the answer alone, so a re-import gives the same card
            front, back = first.question, first.answer
        else:
            front, back = front_back(first)
        tags = " ".join(dict.fromkeys(t for c in note.cards for t in c.tags))
        # A cell a spreadsheet would run as a formula is written after an apostrophe.
        row = [escape_formula(cell) for cell in (front, back, tags, _NOTETYPES[note.kind], row_id)]
        row.append(escape_guid(note.guid))
        (quoted if row[0].startswith("#") else writer).writerow(row)
    write_files({Path(out): buffer.getvalue()})
    return len(cards)


def _numbered(text: str) -> str:
    """quizapp's {{answer::hint}} as Anki's {{c1::answer::hint}}, as plain text."""
    return CLOZE_PATTERN.sub(
        lambda m: "{{c1::" + m.group(1) + (f"::{m.group(2)}" if m.group(2) else "") + "}}", text
    )


def _plain_cloze(note: AnkiNote) -> str:
    """The merged cloze text of a note without HTML escaping, for a plain-text table."""
    import html

    return html.unescape(note.cloze_text.replace("<br>", "\n"))
