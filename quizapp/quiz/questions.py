"""Every card kind as a multiple-choice question, the form quizzes and exams ask in.

A basic, year or cloze card gets wrong options drawn by ``distractors``; a
true/false card is asked as True/False; a UPSC statement set offers
combinations of statement numbers ("1 and 3 only"); an ordering card offers
sequences of lettered events ("B-A-D-C"); a match card offers pairings
("A-2, B-1, C-3"). The question is a frozen snapshot, so an exam keeps
asking exactly what it asked even if the deck is edited meanwhile.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from random import Random
from typing import Any

from quizapp.core.store import CardKey
from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import (
    CLOZE_PATTERN,
    AnswerType,
    AssertionReasonCard,
    BasicCard,
    Card,
    ClozeCard,
    MatchCard,
    MultipleChoiceCard,
    OrderingCard,
    StatementsCard,
    TrueFalseCard,
    YearCard,
)
from quizapp.quiz.distractors import AnswerPool, choose_distractors

OPTION_LABELS = "abcdefgh"
ITEM_LETTERS = "ABCDEFGH"
OPTIONS = 4  # as in UPSC Prelims
BLANK = "_____"


class NotQuizzable(ValueError):
    """A card for which no wrong option could be found (too few answers of its type)."""


@dataclass(frozen=True)
class Question:
    deck_id: str
    card_id: str
    kind: str
    prompt: str  # everything the learner reads, lettered items included
    options: tuple[str, ...]
    correct: int  # index into options
    answer_type: str
    reveal: str  # the right answer in words, for feedback and the walk through mistakes
    explanation: str = ""
    tags: tuple[str, ...] = ()
    source_document: str | None = None
    quote: str | None = None
    passage: str | None = None  # the document's own wording of the quote
    content_hash: str = ""

    @property
    def key(self) -> CardKey:
        return CardKey(self.deck_id, self.card_id)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(OPTION_LABELS[: len(self.options)])

    @property
    def correct_label(self) -> str:
        return OPTION_LABELS[self.correct]

    @property
    def correct_option(self) -> str:
        return self.options[self.correct]

    def is_correct(self, chosen: int | None) -> bool:
        return chosen == self.correct

    def index_of(self, label: str) -> int:
        """The option a typed label names ('b' or 'B' -> 1); ValueError with the choices."""
        cleaned = label.strip().lower().rstrip(").")
        if len(cleaned) == 1 and cleaned in self.labels:
            return self.labels.index(cleaned)
        raise ValueError(f"{label!r} is not an option: answer one of {', '.join(self.labels)}")

    def to_dict(self, *, with_answer: bool = True) -> dict[str, Any]:
        """JSON-ready; without the answer for a paper handed to a script."""
        data = asdict(self)
        data["options"] = list(self.options)
        data["tags"] = list(self.tags)
        if not with_answer:
            for name in ("correct", "reveal", "explanation", "quote", "passage"):
                del data[name]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        return cls(**{**data, "options": tuple(data["options"]), "tags": tuple(data["tags"])})


def build_question(
    loaded: LoadedDeck, card: Card, pool: AnswerPool, rng: Random, *, options: int = OPTIONS
) -> Question:
    """The card as a question with up to ``options`` options, shuffled by ``rng``.

    Raises NotQuizzable when the card would have a single option.
    """
    maker = _MAKERS[card.kind]
    prompt, texts, correct, reveal = maker(card, pool, rng, options)
    if len(texts) < 2:
        raise NotQuizzable(
            f"{loaded.path}: card {card.id!r}: no wrong option for {reveal!r}: add "
            f"`distractors` to the card, or more {_answer_type(card)} answers to the decks"
        )
    source = card.source
    document = loaded.documents.get(source.document) if source else None
    return Question(
        deck_id=loaded.deck.id,
        card_id=card.id,
        kind=card.kind,
        prompt=prompt,
        options=tuple(texts),
        correct=correct,
        answer_type=str(_answer_type(card)),
        reveal=reveal,
        explanation=card.explanation,
        tags=tuple(card.tags),
        source_document=source.document if source else None,
        quote=source.quote if source else None,
        passage=document.passage(source.quote) if document and source else None,
        content_hash=card.content_hash(),
    )


def _answer_type(card: Card) -> AnswerType:
    return getattr(card, "answer_type", AnswerType.text)


Made = tuple[str, list[str], int, str]  # prompt, options, index of the right one, reveal


def _shuffled(answer: str, wrong: Sequence[str], rng: Random) -> tuple[list[str], int]:
    texts = [answer, *wrong]
    rng.shuffle(texts)
    return texts, texts.index(answer)


def _basic(card: BasicCard | MultipleChoiceCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    accept = card.accept if isinstance(card, BasicCard) else []
    wrong = choose_distractors(
        card.answer,
        card.answer_type,
        pool,
        rng,
        authored=card.distractors,
        exclude=accept,
        tags=card.tags,
        context=card.question,
        count=n - 1,
    )
    texts, correct = _shuffled(card.answer, wrong, rng)
    return card.question, texts, correct, card.answer


def _year(card: YearCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    answer = str(card.answer)
    wrong = choose_distractors(
        answer,
        AnswerType.year,
        pool,
        rng,
        authored=card.distractors,
        tags=card.tags,
        context=card.question,
        count=n - 1,
    )
    texts, correct = _shuffled(answer, wrong, rng)
    return card.question, texts, correct, answer


def _cloze(card: ClozeCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    # The first deletion is the blank (the others are shown), so a card always asks one thing
    # and its distractor statistics stay about that thing.
    answer, _hint = card.deletions[0]
    first = True

    def fill(match) -> str:
        nonlocal first
        if first:
            first = False
            return BLANK
        return match.group(1).strip()

    prompt = CLOZE_PATTERN.sub(fill, card.text)
    wrong = choose_distractors(
        answer,
        card.answer_type,
        pool,
        rng,
        authored=card.distractors,
        tags=card.tags,
        context=prompt,
        count=n - 1,
    )
    texts, correct = _shuffled(answer, wrong, rng)
    return prompt, texts, correct, answer


def _true_false(card: TrueFalseCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    answer = "True" if card.answer else "False"
    return f"True or false? {card.statement}", ["True", "False"], 0 if card.answer else 1, answer


def statement_option(numbers: Sequence[int], total: int) -> str:
    """UPSC wording of a combination: '2 only', '1 and 3 only', 'Both 1 and 2', ..."""
    if not numbers:
        return "Neither 1 nor 2" if total == 2 else "None of them"
    names = [str(i) for i in numbers]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if len(numbers) == total:
        return f"Both {joined}" if total == 2 else joined
    return f"{joined} only"


def _statements(card: StatementsCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    total = len(card.statements)
    subsets = [
        tuple(c)
        for size in range(total + 1)
        for c in itertools.combinations(range(1, total + 1), size)
    ]
    right = tuple(card.correct_numbers)
    others = [s for s in subsets if s != right]
    # Wrong combinations drawn at random: nearest neighbours only would point at the answer.
    chosen = [right, *rng.sample(others, min(n - 1, len(others)))]
    # UPSC lists the combinations in a natural order (single ones first, 'none' last).
    chosen.sort(key=lambda s: (not s, len(s), s))
    texts = [statement_option(s, total) for s in chosen]
    marks = ", ".join(
        f"{i} {'correct' if s.correct else 'incorrect'}" for i, s in enumerate(card.statements, 1)
    )
    return card.prompt, texts, chosen.index(right), f"{statement_option(right, total)} ({marks})"


def _swapped(order: tuple[int, ...], rng: Random) -> tuple[int, ...]:
    items = list(order)
    i, j = rng.sample(range(len(items)), 2)
    items[i], items[j] = items[j], items[i]
    return tuple(items)


def _permutation_options(
    size: int, right: tuple[int, ...], rng: Random, n: int
) -> tuple[list[tuple[int, ...]], int]:
    """The right permutation and up to n-1 other distinct ones, shuffled.

    With four or more items random orders differ almost everywhere, so knowing
    one item would rule most of them out. Instead every option, the right one
    included, is one swap away from a hidden order that is none of them: the
    options share most places, and neither their "middle" nor a per-place
    majority vote points at the answer.
    """
    wanted = min(n, math.factorial(size))
    if size < 4:
        others = [p for p in itertools.permutations(range(size)) if p != right]
        options = [right, *rng.sample(others, wanted - 1)]
    else:
        hidden = _swapped(right, rng)
        options = [right]
        while len(options) < wanted:
            candidate = _swapped(hidden, rng)
            if candidate not in options and candidate != hidden:
                options.append(candidate)
    rng.shuffle(options)
    return options, options.index(right)


def _ordering(card: OrderingCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    count = len(card.events)
    shown = rng.sample(range(count), count)  # shown[letter index] = chronological index
    letter_of = {chrono: ITEM_LETTERS[i] for i, chrono in enumerate(shown)}
    lines = [f"{ITEM_LETTERS[i]}. {card.events[chrono].event}" for i, chrono in enumerate(shown)]
    # A permutation lists chronological indexes in the order an option claims they happened.
    perms, correct = _permutation_options(count, tuple(range(count)), rng, n)
    texts = ["-".join(letter_of[c] for c in perm) for perm in perms]
    reveal = "; ".join(f"{letter_of[i]}. {e.event} ({e.date})" for i, e in enumerate(card.events))
    prompt = "\n".join([card.question, *lines, "Select the correct order (earliest first):"])
    return prompt, texts, correct, reveal


def _match(card: MatchCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    count = len(card.pairs)
    shown = rng.sample(range(count), count)  # right column: shown[number - 1] = pair index
    number_of = {pair: i + 1 for i, pair in enumerate(shown)}
    lines = [f"{ITEM_LETTERS[i]}. {p.left}" for i, p in enumerate(card.pairs)]
    lines += [f"{i + 1}. {card.pairs[pair].right}" for i, pair in enumerate(shown)]
    # A permutation maps each left item (by position) to a pair's right item.
    perms, correct = _permutation_options(count, tuple(range(count)), rng, n)
    texts = [
        ", ".join(f"{ITEM_LETTERS[i]}-{number_of[pair]}" for i, pair in enumerate(perm))
        for perm in perms
    ]
    reveal = "; ".join(f"{p.left} \u2014 {p.right}" for p in card.pairs)
    prompt = "\n".join([card.question, *lines, "Select the correct code:"])
    return prompt, texts, correct, reveal


def _assertion_reason(card: AssertionReasonCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    # UPSC prints the four verdicts in one fixed order: shuffling them would only confuse.
    options = list(card.options)
    return card.prompt, options, card.correct_index, card.answer_text


_MAKERS: dict[str, Callable[[Any, AnswerPool, Random, int], Made]] = {
    "basic": _basic,
    "mcq": _basic,
    "year": _year,
    "cloze": _cloze,
    "true_false": _true_false,
    "statements": _statements,
    "ordering": _ordering,
    "match": _match,
    "assertion_reason": _assertion_reason,
}
