"""Which cards a quiz or an exam asks: by deck, tag, source document, or the most missed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass
from random import Random
from typing import Any

from quizapp.core.storage.queues import card_matches
from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import Card, TrueFalseCard
from quizapp.deck.sources import fold
from quizapp.quiz.distractors import AnswerPool
from quizapp.quiz.questions import NotQuizzable, Question, build_question, build_statement_set


class EmptySelection(ValueError):
    """No studyable card matches what was asked for."""


@dataclass(frozen=True)
class Selection:
    """Filters combine with AND; several values of one filter with OR. Empty means any. A tag
    takes in the tags nested under it (``upsc`` takes ``upsc::polity``), as in review."""

    decks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source document ids
    most_missed: bool = False  # only cards missed before, most missed first

    def matches(self, loaded: LoadedDeck, card: Card) -> bool:
        if self.decks and loaded.deck.id not in self.decks:
            return False
        # The counts' and review's rule, so a quiz asks from the cards review would show.
        document = card.source.document if card.source else None
        return card_matches(card.tags, document, self.tags, self.sources)

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


@dataclass
class Dealt:
    """A paper's questions, a message per card that could not be asked, and the true/false
    cards an exam left out because no other true/false card of their deck or tag was there
    to make a statement set with."""

    questions: list[Question]
    problems: list[str]
    true_false_left_out: list[tuple[str, str]]


def draw_questions(
    decks: Sequence[LoadedDeck],
    selection: Selection,
    count: int,
    rng: Random,
    *,
    misses: Mapping[tuple[str, str], int] | None = None,
    pool: AnswerPool | None = None,
    suspended: AbstractSet[tuple[str, str]] = frozenset(),
    exam: bool = False,
) -> tuple[list[Question], list[str]]:
    """Up to ``count`` questions, and a message for each card that could not be asked,
    true/false cards an exam left out included (see ``deal``)."""
    dealt = deal(
        decks,
        selection,
        count,
        rng,
        misses=misses,
        pool=pool,
        suspended=suspended,
        exam=exam,
    )
    left_out = [
        f"true/false card {card!r} of deck {deck!r} left out: an exam asks true/false cards "
        "only as statement sets, and no other one of its deck or tag was there to join it"
        for deck, card in dealt.true_false_left_out
    ]
    return dealt.questions, dealt.problems + left_out


def deal(
    decks: Sequence[LoadedDeck],
    selection: Selection,
    count: int,
    rng: Random,
    *,
    misses: Mapping[tuple[str, str], int] | None = None,
    pool: AnswerPool | None = None,
    suspended: AbstractSet[tuple[str, str]] = frozenset(),
    exam: bool = False,
) -> Dealt:
    """Deal a paper of up to ``count`` questions.

    Cards are drawn at random (or, for ``most_missed``, those with the most misses
    in ``misses``, keyed by (deck id, card id), ties broken at random); cards
    ``suspended`` (keyed likewise) are left out, as review leaves them out. Distractors
    come from every loaded deck, not only the selected ones. Two cards that test the
    same fact (one ``siblings`` group, or the same quote) are never dealt together; a
    cloze card asks one of its blanks. In an ``exam`` true/false cards are asked as
    statement sets of 2-4 from one deck (else one tag), never as two-option questions;
    one with no partner is left out. Raises EmptySelection with the choices available
    when nothing matches.
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
    left_out: list[tuple[str, str]] = []
    facts_dealt: set[tuple[str, ...]] = set()
    used: set[int] = set()
    for at, (loaded, card) in enumerate(cards):
        if len(questions) == count:
            break
        if at in used or facts_dealt & same_fact_keys(card):
            continue
        if exam and isinstance(card, TrueFalseCard):
            partners = _partners(cards, at, used, facts_dealt, rng)
            if not partners:
                left_out.append((loaded.deck.id, card.id))
                continue
            members = [(loaded, card), *(cards[i] for i in partners)]
            questions.append(build_statement_set(members, rng))  # type: ignore[arg-type]
            used.update(partners)
            for _, member in members:
                facts_dealt |= same_fact_keys(member)
            continue
        try:
            questions.append(build_question(loaded, card, pool, rng))
        except NotQuizzable as exc:
            problems.append(str(exc))
            continue
        facts_dealt |= same_fact_keys(card)
    if not questions:
        raise EmptySelection("no matching card can be asked as a question:\n" + "\n".join(problems))
    if selection.most_missed:
        rng.shuffle(questions)  # most missed chosen, but not asked in a telling order
    return Dealt(questions, problems, left_out)


def same_fact_keys(card: Card) -> set[tuple[str, ...]]:
    """What makes two cards test the same fact: one ``siblings`` group, or one quote."""
    keys: set[tuple[str, ...]] = set()
    if card.siblings:
        keys.add(("siblings", card.siblings))
    if card.source is not None:
        keys.add(("quote", card.source.document, fold(card.source.quote).casefold()))
    return keys


STATEMENT_SET_SIZES = (2, 3, 3, 3, 4)  # three statements are UPSC's commonest set


def _partners(
    cards: Sequence[tuple[LoadedDeck, Card]],
    at: int,
    used: set[int],
    facts_dealt: set[tuple[str, ...]],
    rng: Random,
) -> list[int]:
    """Other true/false cards, still undealt, to ask with ``cards[at]`` as one statement
    set: from its deck if it has any, else sharing a tag; none testing a fact dealt."""
    loaded, card = cards[at]
    wanted = rng.choice(STATEMENT_SET_SIZES) - 1
    free = [
        i
        for i in range(at + 1, len(cards))
        if i not in used
        and isinstance(cards[i][1], TrueFalseCard)
        and not facts_dealt & same_fact_keys(cards[i][1])
    ]
    same_deck = [i for i in free if cards[i][0].deck.id == loaded.deck.id]
    same_tag = [i for i in free if set(cards[i][1].tags) & set(card.tags)]
    chosen: list[int] = []
    taken = set(same_fact_keys(card))
    for i in same_deck or same_tag:
        keys = same_fact_keys(cards[i][1])
        if taken & keys:
            continue
        chosen.append(i)
        taken |= keys
        if len(chosen) == wanted:
            break
    return chosen


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
