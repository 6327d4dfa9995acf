"""Warnings for deck authors about how their cards will look as quiz questions.

Drawn distractors are only as good as the answers they come from: a text
answer ("Fillipov", "without delay") draws other text answers, which are
rarely plausible, and a kind the decks hold little of yields fewer than four
options. These warnings say which cards to give ``distractors`` (or a more
precise ``answer_type``), for ``quizapp check`` and the deck's view.
"""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import AnswerType, Card, ClozeCard
from quizapp.deck.problems import Problem
from quizapp.quiz.distractors import AnswerPool
from quizapp.quiz.questions import OPTIONS, NotQuizzable, build_question

DRAWN_KINDS = ("basic", "cloze", "mcq")


def quiz_problems(decks: Sequence[LoadedDeck], *, seed: int = 0) -> list[Problem]:
    """A warning per studyable card (per blank of a cloze card) that would be asked poorly,
    in deck and card order."""
    pool = AnswerPool.from_decks(loaded.deck for loaded in decks)
    problems: list[Problem] = []
    for loaded in decks:
        for card in loaded.studyable_cards:
            blanks = range(len(card.deletions)) if isinstance(card, ClozeCard) else [None]
            for blank in blanks:
                problems += _asked_poorly(loaded, card, pool, seed, blank)
    return problems


def _asked_poorly(
    loaded: LoadedDeck, card: Card, pool: AnswerPool, seed: int, blank: int | None
) -> list[Problem]:
    if isinstance(card, ClozeCard):
        answer_type, authored = card.blank_type(blank), card.blank_distractors(blank)
        which = f" blank {blank + 1}" if len(card.deletions) > 1 else ""
    else:
        answer_type = getattr(card, "answer_type", AnswerType.text)
        authored, which = getattr(card, "distractors", []), ""
    try:
        question = build_question(loaded, card, pool, Random(seed), blank=blank)
    except NotQuizzable:
        return [
            _warning(
                loaded,
                card,
                f"card {card.id!r}{which} cannot be asked in quizzes: no wrong option of type "
                f"{answer_type} exists",
                "add `distractors`, or more cards with answers of that type",
            )
        ]
    if card.kind not in DRAWN_KINDS:
        return []
    if answer_type is AnswerType.text and len(authored) < OPTIONS - 1:
        hint = (
            "add `distractors`: wrong answers a learner might give"
            if card.kind != "cloze"
            else "set a precise `answer_type`, or give the blank its `distractors` (`blanks`)"
        )
        return [
            _warning(
                loaded,
                card,
                f"card {card.id!r}{which}: quiz options for its text answer are drawn from "
                "unrelated answers",
                hint,
            )
        ]
    if len(question.options) < OPTIONS:
        return [
            _warning(
                loaded,
                card,
                f"card {card.id!r}{which} has only {len(question.options)} quiz options: "
                f"the decks hold too few {answer_type} answers",
                "add `distractors` to the card",
            )
        ]
    return []


def _warning(loaded: LoadedDeck, card: Card, message: str, hint: str) -> Problem:
    line = loaded.card_lines.get(card.id, 0)
    return Problem(loaded.path, line, 0, message, hint, "warning", card.id)
