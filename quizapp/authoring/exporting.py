"""`quizapp export`: a deck as an Anki package (genanki) or a CSV table.

Every card kind becomes a Basic or a Cloze note. Model ids, the Anki deck id
and note guids are derived from the deck and card ids, so importing a
re-export into Anki updates the notes instead of adding copies.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from pathlib import Path

import genanki

from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.htmltext import text_to_html
from quizapp.authoring.ids import short_hash
from quizapp.authoring.yamlio import write_files
from quizapp.deck.loader import LoadedDeck, load_deck
from quizapp.deck.model import CLOZE_PATTERN, Status

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


def note_guid(deck_id: str, card_id: str) -> str:
    return genanki.guid_for(deck_id, card_id)


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


def export_apkg(
    deck_path: Path, out: Path, *, drafts: bool = False, timestamp: float | None = None
) -> int:
    loaded = load_for_export(deck_path)
    deck = loaded.deck
    anki = genanki.Deck(anki_deck_id(deck.id), deck.title, description=deck.description)
    cards = export_cards(loaded, drafts)
    for card in cards:
        tags = list(card.tags)
        guid = note_guid(deck.id, card.id)
        explanation = text_to_html(card.explanation)
        source = source_field(loaded, card)
        if card.kind == "cloze":
            fields = [anki_cloze(card.text), explanation, source]
            note = genanki.Note(CLOZE_MODEL, fields, tags=tags, guid=guid)
        else:
            front, back = front_back(card)
            fields = [text_to_html(front), text_to_html(back), explanation, source]
            note = genanki.Note(BASIC_MODEL, fields, tags=tags, guid=guid)
        anki.add_note(note)
    _write_package(genanki.Package(anki), Path(out), timestamp)
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


CSV_COLUMNS = ("question", "answer", "tags")


def export_csv(deck_path: Path, out: Path, *, drafts: bool = False) -> int:
    """question,answer,tags: what `quizapp import` and Anki's CSV import both read."""
    loaded = load_for_export(deck_path)
    cards = export_cards(loaded, drafts)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for card in cards:
        if card.kind == "cloze":
            front, back = card.prompt, card.answer
        elif card.kind == "basic":  # the answer alone, so a re-import gives the same card
            front, back = card.question, card.answer
        else:
            front, back = front_back(card)
        writer.writerow([front, back, " ".join(card.tags)])
    write_files({Path(out): buffer.getvalue()})
    return len(cards)
