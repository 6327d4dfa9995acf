"""Every card kind as a multiple-choice question, the form quizzes and exams ask in.

A basic, year or cloze card gets wrong options drawn by ``distractors`` (a cloze card
asks one blank at a time, as Anki's c1, c2); a true/false card is asked as True/False
in quizzes and review, and in exams only inside a statement set of several
(``build_statement_set``); a UPSC statement set is asked as "Which ... is/are
correct?" ("1 and 3 only") or "How many ... are correct?" ("Only two"); an
assertion/reason card offers UPSC's four fixed verdicts; an ordering card offers
sequences of lettered events ("B-A-D-C"); a match card offers pairings ("A-2, B-1,
C-3"). Wrong codes come from ``codes``, so no single fact gives the key away. The
question is a frozen snapshot, so an exam keeps asking exactly what it asked even if
the deck is edited meanwhile.
"""

from __future__ import annotations

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
from quizapp.quiz.codes import (
    count_codes,
    count_option,
    match_codes,
    order_codes,
    which_codes,
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
    part: str = ""  # which blank of a cloze card ("c2"); empty for the whole card
    truths: tuple[bool, ...] = ()  # a statement set's statements, as numbered
    item_passages: tuple[tuple[str, str], ...] = ()  # (item label, its passage)
    members: tuple[tuple[str, str], ...] = ()  # (deck, card) of each card asked together

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
            for name in (
                "correct",
                "reveal",
                "explanation",
                "quote",
                "passage",
                "truths",
                "item_passages",
            ):
                del data[name]
        return data

    @property
    def keys(self) -> tuple[CardKey, ...]:
        """Every card this question asks: one, or each true/false card of a statement set."""
        if not self.members:
            return (self.key,)
        return tuple(CardKey(deck, card) for deck, card in self.members)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        return cls(
            **{
                **data,
                "options": tuple(data["options"]),
                "tags": tuple(data["tags"]),
                "truths": tuple(data.get("truths", ())),
                "item_passages": tuple(tuple(p) for p in data.get("item_passages", ())),
                "members": tuple(tuple(m) for m in data.get("members", ())),
            }
        )


def build_question(
    loaded: LoadedDeck,
    card: Card,
    pool: AnswerPool,
    rng: Random,
    *,
    options: int = OPTIONS,
    blank: int | None = None,
) -> Question:
    """The card as a question with up to ``options`` options, shuffled by ``rng``.

    A cloze card asks one blank (``blank``, counted from 0; drawn by ``rng`` when None),
    the others shown filled in, as Anki asks c1, c2, ... apart.
    Raises NotQuizzable when the card would have a single option.
    """
    if isinstance(card, ClozeCard):
        count = len(card.deletions)
        blank = rng.randrange(count) if blank is None else blank
        made = _cloze(card, pool, rng, options, blank)
        part = f"c{blank + 1}" if count > 1 else ""
    else:
        made = _MAKERS[card.kind](card, pool, rng, options)
        part = ""
    if len(made.options) < 2:
        raise NotQuizzable(
            f"{loaded.path}: card {card.id!r}: no wrong option for {made.reveal!r}: add "
            f"`distractors` to the card, or more {made.answer_type} answers to the decks"
        )
    source = card.source
    document = loaded.documents.get(source.document) if source else None
    return Question(
        deck_id=loaded.id,
        card_id=card.id,
        kind=card.kind,
        prompt=made.prompt,
        options=tuple(made.options),
        correct=made.correct,
        answer_type=str(made.answer_type),
        reveal=made.reveal,
        explanation=card.explanation,
        tags=tuple(card.tags),
        source_document=source.document if source else None,
        quote=source.quote if source else None,
        passage=document.passage(source.quote) if document and source else None,
        content_hash=card.content_hash(),
        part=part,
        truths=tuple(made.truths),
        item_passages=tuple(
            (label, document.passage(quote) or quote) if document else (label, quote)
            for label, quote in made.item_quotes
        ),
    )


def build_statement_set(
    members: Sequence[tuple[LoadedDeck, TrueFalseCard]], rng: Random, *, options: int = OPTIONS
) -> Question:
    """True/false cards asked together as one UPSC statement set, as exams ask them.

    The question is keyed by its first card; ``members`` lists every card in it, so an
    answer is logged against each of them.
    """
    if not 2 <= len(members) <= 4:
        raise ValueError(f"a statement set takes 2-4 statements (got {len(members)})")
    texts = [card.statement for _, card in members]
    truths = [card.answer for _, card in members]
    made = _statement_set(
        "Consider the following statements:", texts, truths, None, rng, options, custom_ask=None
    )
    first_deck, first = members[0]
    sources = [(loaded, card) for loaded, card in members if card.source is not None]
    item_quotes = []
    for number, (loaded, card) in enumerate(members, 1):
        if card.source is None:
            continue
        document = loaded.documents.get(card.source.document)
        shown = made.shown.index(number - 1) + 1
        passage = document.passage(card.source.quote) if document else None
        item_quotes.append((str(shown), passage or card.source.quote))
    item_quotes.sort(key=lambda item: int(item[0]))
    explanations = [
        f"{made.shown.index(i) + 1}. {card.explanation}"
        for i, (_, card) in enumerate(members)
        if card.explanation
    ]
    explanations.sort()
    tags = sorted({t for _, card in members for t in card.tags})
    return Question(
        deck_id=first_deck.id,
        card_id=first.id,
        kind="statements",
        prompt=made.prompt,
        options=tuple(made.options),
        correct=made.correct,
        answer_type=str(AnswerType.text),
        reveal=made.reveal,
        explanation="\n".join(explanations),
        tags=tuple(tags),
        source_document=sources[0][1].source.document if sources else None,
        content_hash=first.content_hash(),
        truths=tuple(made.truths),
        item_passages=tuple(item_quotes),
        members=tuple((loaded.id, card.id) for loaded, card in members),
    )


def _answer_type(card: Card) -> AnswerType:
    return getattr(card, "answer_type", AnswerType.text)


@dataclass
class Made:
    prompt: str
    options: list[str]
    correct: int
    reveal: str
    answer_type: AnswerType = AnswerType.text
    truths: Sequence[bool] = ()
    item_quotes: Sequence[tuple[str, str]] = ()  # (item label, quote) in the order shown
    shown: Sequence[int] = ()  # statement sets: shown[number - 1] = index in the card


def _shuffled(answer: str, wrong: Sequence[str], rng: Random) -> tuple[list[str], int]:
    texts = [answer, *wrong]
    rng.shuffle(texts)
    return texts, texts.index(answer)


def _choice(
    prompt: str,
    answer: str,
    answer_type: AnswerType,
    pool: AnswerPool,
    rng: Random,
    n: int,
    *,
    authored: Sequence[object] = (),
    exclude: Sequence[str] = (),
    tags: Sequence[str] = (),
) -> Made:
    wrong = choose_distractors(
        answer,
        answer_type,
        pool,
        rng,
        authored=authored,
        exclude=exclude,
        tags=tags,
        context=prompt,
        count=n - 1,
    )
    texts, correct = _shuffled(answer, wrong, rng)
    return Made(prompt, texts, correct, answer, answer_type)


def _basic(card: BasicCard | MultipleChoiceCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    accept = card.accept if isinstance(card, BasicCard) else []
    return _choice(
        card.question,
        card.answer,
        card.answer_type,
        pool,
        rng,
        n,
        authored=card.distractors,
        exclude=accept,
        tags=card.tags,
    )


def _year(card: YearCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    return _choice(
        card.question,
        str(card.answer),
        AnswerType.year,
        pool,
        rng,
        n,
        authored=card.distractors,
        tags=card.tags,
    )


def _cloze(card: ClozeCard, pool: AnswerPool, rng: Random, n: int, blank: int) -> Made:
    """One blank asked, the others shown filled in."""
    answer, _hint = card.deletions[blank]
    position = -1

    def fill(match) -> str:
        nonlocal position
        position += 1
        return BLANK if position == blank else match.group(1).strip()

    prompt = CLOZE_PATTERN.sub(fill, card.text)
    return _choice(
        prompt,
        answer,
        card.blank_type(blank),
        pool,
        rng,
        n,
        authored=card.blank_distractors(blank),
        tags=card.tags,
    )


def _true_false(card: TrueFalseCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    answer = "True" if card.answer else "False"
    prompt = f"True or false? {card.statement}"
    return Made(prompt, ["True", "False"], 0 if card.answer else 1, answer)


def statement_option(numbers: Sequence[int], total: int) -> str:
    """UPSC wording of a combination: '2 only', '1 and 3 only', 'Both 1 and 2', ..."""
    if not numbers:
        return "Neither 1 nor 2" if total == 2 else "None of them"
    names = [str(i) for i in numbers]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if len(numbers) == total:
        return f"Both {joined}" if total == 2 else joined
    return f"{joined} only"


WHICH_ASK = "Which of the statements given above is/are correct?"
HOW_MANY_ASK = "How many of the above statements are correct?"


def _statements(card: StatementsCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    made = _statement_set(
        card.question,
        [s.text for s in card.statements],
        [s.correct for s in card.statements],
        card.form,
        rng,
        n,
        custom_ask=None if card.ask == WHICH_ASK else card.ask,
    )
    made.item_quotes = [
        (str(number), card.statements[index].quote)
        for number, index in enumerate(made.shown, 1)
        if card.statements[index].quote
    ]
    return made


def _statement_set(
    question: str,
    texts: Sequence[str],
    truths: Sequence[bool],
    form: str | None,
    rng: Random,
    n: int,
    *,
    custom_ask: str | None,
) -> Made:
    """A statement set in one of UPSC's forms, its statements in an order drawn by ``rng``.

    The form is the card's, else drawn: "Which ... is/are correct?" (combinations of
    numbers) or "How many of the above statements are correct?" (counts; three or more
    statements). Keys come only from the authored truth of each statement.
    """
    size = len(texts)
    shown = rng.sample(range(size), size)
    shown_truths = [truths[i] for i in shown]
    if form is None:
        form = "how_many" if size >= 3 and custom_ask is None and rng.random() < 0.5 else "which"
    if form == "how_many" and size >= 3:
        counts, correct = count_codes(shown_truths, rng, n)
        options = [count_option(c, size) for c in counts]
        ask = HOW_MANY_ASK
    else:
        subsets, correct = which_codes(shown_truths, rng, n)
        options = [statement_option([i for i, t in enumerate(s, 1) if t], size) for s in subsets]
        ask = custom_ask or WHICH_ASK
    lines = [question, *(f"{number}. {texts[i]}" for number, i in enumerate(shown, 1)), ask]
    marks = ", ".join(
        f"{number} {'correct' if t else 'incorrect'}" for number, t in enumerate(shown_truths, 1)
    )
    reveal = f"{options[correct]} ({marks})"
    return Made("\n".join(lines), options, correct, reveal, truths=shown_truths, shown=shown)


def _ordering(card: OrderingCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    count = len(card.events)
    shown = rng.sample(range(count), count)  # shown[letter index] = chronological index
    letter_of = {chrono: ITEM_LETTERS[i] for i, chrono in enumerate(shown)}
    lines = [f"{ITEM_LETTERS[i]}. {card.events[chrono].event}" for i, chrono in enumerate(shown)]
    # An order lists chronological indexes in the order an option claims they happened.
    orders, correct = order_codes([e.event for e in card.events], rng, n)
    texts = ["-".join(letter_of[c] for c in order) for order in orders]
    reveal = "; ".join(f"{letter_of[i]}. {e.event} ({e.date})" for i, e in enumerate(card.events))
    prompt = "\n".join([card.question, *lines, "Select the correct order (earliest first):"])
    quotes = [(letter_of[i], e.quote) for i, e in enumerate(card.events) if e.quote is not None]
    quotes.sort()
    return Made(prompt, texts, correct, reveal, item_quotes=quotes)


def _match(card: MatchCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    count = len(card.pairs)
    shown = rng.sample(range(count), count)  # right column: shown[number - 1] = pair index
    number_of = {pair: i + 1 for i, pair in enumerate(shown)}
    lines = [f"{ITEM_LETTERS[i]}. {p.left}" for i, p in enumerate(card.pairs)]
    lines += [f"{i + 1}. {card.pairs[pair].right}" for i, pair in enumerate(shown)]
    # A permutation maps each left item (by position) to a pair's right item.
    perms, correct = match_codes(count, rng, n)
    texts = [
        ", ".join(f"{ITEM_LETTERS[i]}-{number_of[pair]}" for i, pair in enumerate(perm))
        for perm in perms
    ]
    reveal = "; ".join(f"{p.left} \u2014 {p.right}" for p in card.pairs)
    prompt = "\n".join([card.question, *lines, "Select the correct code:"])
    quotes = [(ITEM_LETTERS[i], p.quote) for i, p in enumerate(card.pairs) if p.quote]
    return Made(prompt, texts, correct, reveal, item_quotes=quotes)


def _assertion_reason(card: AssertionReasonCard, pool: AnswerPool, rng: Random, n: int) -> Made:
    # UPSC prints the four verdicts in one fixed order: shuffling them would only confuse.
    return Made(card.prompt, list(card.options), card.correct_index, card.answer_text)


_MAKERS: dict[str, Callable[[Any, AnswerPool, Random, int], Made]] = {
    "basic": _basic,
    "mcq": _basic,
    "year": _year,
    "true_false": _true_false,
    "statements": _statements,
    "ordering": _ordering,
    "match": _match,
    "assertion_reason": _assertion_reason,
}
