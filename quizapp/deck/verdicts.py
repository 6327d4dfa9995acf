"""UPSC's assertion/reason verdicts: the four options such a card always offers.

Apart from the deck models so that the first card can show them before those load.
"""

from __future__ import annotations

ASSERTION_ANSWERS = (
    "both_correct_explains",
    "both_correct_not_explains",
    "only_first_correct",
    "only_second_correct",
)
# UPSC's fixed options, in its order (a)-(d).
ASSERTION_OPTIONS = (
    "Both Statement-I and Statement-II are correct and Statement-II explains Statement-I",
    "Both Statement-I and Statement-II are correct and Statement-II does not explain Statement-I",
    "Statement-I is correct but Statement-II is incorrect",
    "Statement-I is incorrect but Statement-II is correct",
)
