"""Which cards a quiz or an exam asks: by deck, tag, source document, or the most missed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass
from random import Random
from typing import Any

from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import Card
from quizapp.quiz.distractors import AnswerPool
from quizapp.quiz.questions import NotQuizzable, Question, build_question


class EmptySelection(ValueError):
    """No studyable card matches what was asked for."""


@dataclass(frozen=True)
class Selection:
    """Filters combine with AND; several values of one filter with OR. Empty means any."""

    decks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source document ids
    most_missed: bool = False  # only cards missed before, most missed first

    def matches(self, loaded: LoadedDeck, card: Card) -> bool:
        if self.decks and loaded.deck.id not in self.decks:
            return False
        if self.tags and not set(self.tags) & set(card.tags):
            return False
        document = card.source.document if card.source else None
        return not self.sources or document in self.sources

    def describe(self) -> str:
        parts = [
            f"{name}: {', '.join(values)}"
            for name, values in (
                ("decks", self.decks),
                ("tags", self.tags),
                ("sources", self.sources),
            )
            if values
        ]
        if self.most_missed:
            parts.append("most missed")
        return "; ".join(parts) or "all cards"

    def to_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Selection:
        return cls(
            decks=tuple(data.get("decks", ())),
            tags=tuple(data.get("tags", ())),
            sources=tuple(data.get("sources", ())),
            most_missed=bool(data.get("most_missed", False)),
        )


def matching_cards(
    decks: Sequence[LoadedDeck], selection: Selection
) -> list[tuple[LoadedDeck, Card]]:
    """Studyable (hand-reviewed) cards the selection allows, in deck order."""
    return [
        (loaded, card)
        for loaded in decks
        for card in loaded.studyable_cards
        if selection.matches(loaded, card)
    ]


def draw_questions(
    decks: Sequence[LoadedDeck],
    selection: Selection,
    count: int,
    rng: Random,
    *,
    misses: Mapping[tuple[str, str], int] | None = None,
    pool: AnswerPool | None = None,
    suspended: AbstractSet[tuple[str, str]] = frozenset(),
) -> tuple[list[Question], list[str]]:
    """Up to ``count`` questions, and a message for each card that could not be asked.

    Cards are drawn at random (or, for ``most_missed``, those with the most misses
    in ``misses``, keyed by (deck id, card id), ties broken at random); cards
    ``suspended`` (keyed likewise) are left out, as review leaves them out. Distractors
    come from every loaded deck, not only the selected ones. Raises EmptySelection
    with the choices available when nothing matches.
    """
    if count < 1:
        raise EmptySelection(f"ask for at least one question (got {count})")
    cards = matching_cards(decks, selection)
    if suspended:
        cards = [c for c in cards if (c[0].deck.id, c[1].id) not in suspended]
    if selection.most_missed:
        missed = misses or {}
        cards = [c for c in cards if missed.get((c[0].deck.id, c[1].id), 0) > 0]
        cards = rng.sample(cards, len(cards))
        cards.sort(key=lambda c: -missed[(c[0].deck.id, c[1].id)])
    else:
        cards = rng.sample(cards, len(cards))
    if not cards:
        raise EmptySelection(_nothing_matches(decks, selection))
    pool = pool or AnswerPool.from_decks(loaded.deck for loaded in decks)
    questions: list[Question] = []
    problems: list[str] = []
    for loaded, card in cards:
        if len(questions) == count:
            break
        try:
            questions.append(build_question(loaded, card, pool, rng))
        except NotQuizzable as exc:
            problems.append(str(exc))
    if not questions:
        raise EmptySelection("no matching card can be asked as a question:\n" + "\n".join(problems))
    if selection.most_missed:
        rng.shuffle(questions)  # most missed chosen, but not asked in a telling order
    return questions, problems


def _nothing_matches(decks: Sequence[LoadedDeck], selection: Selection) -> str:
    filters = Selection(selection.decks, selection.tags, selection.sources)
    if selection.most_missed and matching_cards(decks, filters):
        scope = "" if filters == Selection() else f" matching {filters.describe()}"
        return f"no card{scope} has been missed yet: take a quiz or review first"
    cards = [card for loaded in decks for card in loaded.studyable_cards]
    tags = sorted({t for card in cards for t in card.tags})
    sources = sorted({card.source.document for card in cards if card.source})
    deck_ids = sorted(loaded.deck.id for loaded in decks)
    return (
        f"no studyable card matches {filters.describe()}. "
        f"Decks: {', '.join(deck_ids) or 'none'}; tags: {', '.join(tags) or 'none'}; "
        f"sources: {', '.join(sources) or 'none'}"
    )
