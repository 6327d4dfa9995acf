"""Checking a typed answer in review, and turning the result into a grade.

The rule (shown in the app's help): an objective answer that is wrong is
graded Again, with no choice; a right one is graded Good unless the learner
presses 1 (Again: a guess), 2 (Hard) or 4 (Easy) instead, as Anki allows.
Cards the learner judges alone (basic, cloze) are graded 1-4 after the answer
is shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.core.store import Rating
from quizapp.deck.model import OrderingCard, YearCard


class TypedAnswerError(ValueError):
    """The typed text is not an answer of the expected form; the message says what is."""


def check_year(card: YearCard, typed: str) -> bool:
    text = typed.strip()
    if not re.fullmatch(r"-?\d{1,4}", text):
        raise TypedAnswerError("type a year in digits, e.g. 1961")
    return int(text) == card.answer


def check_order(card: OrderingCard, typed: str, shown: Sequence[int]) -> bool:
    """`shown[i]` is the index in the card of the event shown as number i+1."""
    digits = [c for c in typed if not c.isspace() and c not in ",-"]
    numbers = list(range(1, len(shown) + 1))
    if sorted(int(d) for d in digits if d.isdigit()) != numbers or not all(
        d.isdigit() for d in digits
    ):
        raise TypedAnswerError(
            f"type each number 1-{len(shown)} once, earliest first, e.g. "
            + "".join(str(n) for n in reversed(numbers))
        )
    return [shown[int(d) - 1] for d in digits] == list(range(len(shown)))


def allowed_ratings(correct: bool | None) -> tuple[Rating, ...]:
    if correct is None:
        return tuple(Rating)
    return (Rating.again,) if not correct else tuple(Rating)


def default_rating(correct: bool | None) -> Rating:
    return Rating.again if correct is False else Rating.good
