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
from quizapp.deck.model import AnswerType, Card
from quizapp.deck.problems import Problem
from quizapp.quiz.distractors import AnswerPool
from quizapp.quiz.questions import OPTIONS, NotQuizzable, build_question

DRAWN_KINDS = ("basic", "cloze", "mcq")


def quiz_problems(decks: Sequence[LoadedDeck], *, seed: int = 0) -> list[Problem]:
    """A warning per studyable card that would be asked poorly, in deck and card order."""
    pool = AnswerPool.from_decks(loaded.deck for loaded in decks)
    problems: list[Problem] = []
    for loaded in decks:
        for card in loaded.studyable_cards:
            try:
                question = build_question(loaded, card, pool, Random(seed))
            except NotQuizzable:
                problems.append(
                    _warning(
                        loaded,
                        card,
                        f"card {card.id!r} cannot be asked in quizzes: no wrong option of type "
                        f"{card.answer_type} exists",
                        "add `distractors`, or more cards with answers of that type",
                    )
                )
                continue
            if card.kind not in DRAWN_KINDS:
                continue
            authored = len(getattr(card, "distractors", []))
            if card.answer_type is AnswerType.text and authored < OPTIONS - 1:
                hint = (
                    "add `distractors`: wrong answers a learner might give"
                    if card.kind != "cloze"
                    else "set a precise `answer_type`, or make it a basic card with `distractors`"
                )
                problems.append(
                    _warning(
                        loaded,
                        card,
                        f"card {card.id!r}: quiz options for its text answer are drawn from "
                        "unrelated answers",
                        hint,
                    )
                )
            elif len(question.options) < OPTIONS:
                problems.append(
                    _warning(
                        loaded,
                        card,
                        f"card {card.id!r} has only {len(question.options)} quiz options: "
                        f"the decks hold too few {card.answer_type} answers",
                        "add `distractors` to the card",
                    )
                )
    return problems


def _warning(loaded: LoadedDeck, card: Card, message: str, hint: str) -> Problem:
    line = loaded.card_lines.get(card.id, 0)
    return Problem(loaded.path, line, 0, message, hint, "warning", card.id)
