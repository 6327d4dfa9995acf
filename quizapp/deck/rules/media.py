"""Rules on the pictures and sounds a card shows: files inside the deck's folder."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.deck.problems import Problem
from quizapp.deck.rules.registry import CardContext, rule


@rule
def media_files(context: CardContext) -> Iterator[Problem]:
    folder = context.loaded.path.parent.resolve()
    for media in context.card.media:
        path = (folder / media.file).resolve()
        if not path.is_relative_to(folder):  # a link leading out of the folder
            yield context.problem(
                f"card {context.card.id!r}: media file {media.file!r} lies outside the "
                "deck's folder",
                "copy the file into the deck's folder and give its path from there",
                severity="error",
            )
        elif not path.is_file():
            yield context.problem(
                f"card {context.card.id!r}: media file {media.file!r} is missing",
                "put the file back beside the deck, or remove it from the card's `media`",
            )
