"""Which cards a quiz or an exam asks: by deck, tag, source document, or the most missed."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass
from functools import cached_property
from random import Random
from typing import Any

from quizapp.core.storage.queues import card_matches
from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import Card
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

    def matches(self, candidate: Candidate) -> bool:
        if self.decks and candidate.loaded.id not in self.decks:
            return False
        # The counts' and review's rule, so a quiz asks from the cards review would show.
        return card_matches(candidate.tags, candidate.document, self.tags, self.sources)

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


@dataclass(eq=False)  # not frozen: made for every card of the decks, so made cheaply
class Candidate:
    """A studyable card as choosing a paper's cards sees it: what the filters and the
    same-fact rule read, from the deck cache when the deck is compiled; the card's body is
    read only when it is asked (``card``)."""

    loaded: LoadedDeck
    card_id: str
    kind: str
    tags: tuple[str, ...]
    document: str | None
    siblings: str | None
    quote: str | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.loaded.id, self.card_id)

    @cached_property
    def facts(self) -> frozenset[tuple[str, ...]]:
        """See same_fact_keys; worked out for the cards dealing looks at only."""
        return frozenset(_fact_keys(self.siblings, self.document, self.quote))

    def card(self) -> Card:
        return self.loaded.card(self.card_id)


def candidates(loaded: LoadedDeck) -> list[Candidate]:
    """The deck's studyable (hand-reviewed) cards in deck order, bodies left unread."""
    if loaded.compiled is not None:
        try:
            rows = loaded.compiled.study_rows()
        except (LookupError, sqlite3.Error):
            pass  # the cache went away: read the cards themselves
        else:
            return [
                Candidate(loaded, card_id, kind, tuple(tags.split()), document, siblings, quote)
                for card_id, kind, tags, siblings, quote, document in rows
            ]
    return [
        Candidate(
            loaded,
            card.id,
            card.kind,
            tuple(card.tags),
            card.source.document if card.source else None,
            card.siblings,
            card.source.quote if card.source else None,
        )
        for card in loaded.studyable_cards
    ]


def matching_cards(decks: Sequence[LoadedDeck], selection: Selection) -> list[Candidate]:
    """Studyable (hand-reviewed) cards the selection allows, in deck order."""
    filtered = bool(selection.tags or selection.sources)
    return [
        candidate
        for loaded in decks
        if not selection.decks or loaded.id in selection.decks
        for candidate in candidates(loaded)
        if not filtered or selection.matches(candidate)
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
        cards = [c for c in cards if c.key not in suspended]
    if selection.most_missed:
        missed = misses or {}
        cards = [c for c in cards if missed.get(c.key, 0) > 0]
        cards = rng.sample(cards, len(cards))
        cards.sort(key=lambda c: -missed[c.key])
    else:
        cards = rng.sample(cards, len(cards))
    if not cards:
        raise EmptySelection(_nothing_matches(decks, selection))
    # Distractors from the deck cache, one answer type at a time, as the review draws them.
    pool = pool or AnswerPool.for_loaded(decks)
    questions: list[Question] = []
    problems: list[str] = []
    left_out: list[tuple[str, str]] = []
    facts_dealt: set[tuple[str, ...]] = set()
    used: set[int] = set()
    for at, candidate in enumerate(cards):
        if len(questions) == count:
            break
        if at in used or facts_dealt & candidate.facts:
            continue
        if exam and candidate.kind == TRUE_FALSE:
            partners = _partners(cards, at, used, facts_dealt, rng)
            if not partners:
                left_out.append(candidate.key)
                continue
            members = [candidate, *(cards[i] for i in partners)]
            questions.append(
                build_statement_set([(m.loaded, m.card()) for m in members], rng)  # type: ignore[misc]
            )
            used.update(partners)
            for member in members:
                facts_dealt |= member.facts
            continue
        try:
            questions.append(build_question(candidate.loaded, candidate.card(), pool, rng))
        except NotQuizzable as exc:
            problems.append(str(exc))
            continue
        facts_dealt |= candidate.facts
    if not questions:
        raise EmptySelection("no matching card can be asked as a question:\n" + "\n".join(problems))
    if selection.most_missed:
        rng.shuffle(questions)  # most missed chosen, but not asked in a telling order
    return Dealt(questions, problems, left_out)


def same_fact_keys(card: Card) -> set[tuple[str, ...]]:
    """What makes two cards test the same fact: one ``siblings`` group, or one quote."""
    source = card.source
    return _fact_keys(
        card.siblings, source.document if source else None, source.quote if source else None
    )


def _fact_keys(
    siblings: str | None, document: str | None, quote: str | None
) -> set[tuple[str, ...]]:
    keys: set[tuple[str, ...]] = set()
    if siblings:
        keys.add(("siblings", siblings))
    if document is not None and quote is not None:
        keys.add(("quote", document, fold(quote).casefold()))
    return keys


TRUE_FALSE = "true_false"  # the kind an exam asks only inside statement sets
STATEMENT_SET_SIZES = (2, 3, 3, 3, 4)  # three statements are UPSC's commonest set


def _partners(
    cards: Sequence[Candidate],
    at: int,
    used: set[int],
    facts_dealt: set[tuple[str, ...]],
    rng: Random,
) -> list[int]:
    """Other true/false cards, still undealt, to ask with ``cards[at]`` as one statement
    set: from its deck if it has any, else sharing a tag; none testing a fact dealt."""
    first = cards[at]
    wanted = rng.choice(STATEMENT_SET_SIZES) - 1
    free = [
        i
        for i in range(at + 1, len(cards))
        if i not in used and cards[i].kind == TRUE_FALSE and not facts_dealt & cards[i].facts
    ]
    same_deck = [i for i in free if cards[i].loaded.id == first.loaded.id]
    same_tag = [i for i in free if set(cards[i].tags) & set(first.tags)]
    chosen: list[int] = []
    taken = set(first.facts)
    for i in same_deck or same_tag:
        keys = cards[i].facts
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
    cards = [candidate for loaded in decks for candidate in candidates(loaded)]
    tags = sorted({t for card in cards for t in card.tags})
    sources = sorted({card.document for card in cards if card.document})
    deck_ids = sorted(loaded.id for loaded in decks)
    return (
        f"no studyable card matches {filters.describe()}. "
        f"Decks: {', '.join(deck_ids) or 'none'}; tags: {', '.join(tags) or 'none'}; "
        f"sources: {', '.join(sources) or 'none'}"
    )
