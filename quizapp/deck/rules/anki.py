"""Rules on what a card keeps of the Anki note it was imported from (`anki`)."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.deck.problems import Problem
from quizapp.deck.rules.registry import CardContext, rule


@rule
def anki_note_type(context: CardContext) -> Iterator[Problem]:
    kept = context.card.anki
    if kept is None:
        return
    types = {t.id: t for t in context.loaded.deck.anki_note_types}
    note_type = types.get(kept.note_type)
    if note_type is None:
        yield context.problem(
            f"card {context.card.id!r}: its Anki note type {kept.note_type} is not among the "
            "deck's `anki_note_types`, so it is exported with quizapp's note type and Anki "
            "will not update the note it came from",
            "import the Anki package again, or remove the card's `anki`",
        )
    elif len(kept.fields) != len(note_type.fields):
        yield context.problem(
            f"card {context.card.id!r}: its Anki note has {len(kept.fields)} fields but note "
            f"type {note_type.name!r} has {len(note_type.fields)}",
            "import the Anki package again, or remove the card's `anki`",
        )
