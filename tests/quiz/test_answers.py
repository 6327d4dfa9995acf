import pytest

from quizapp.core.store import Rating
from quizapp.deck.model import OrderingCard, YearCard
from quizapp.quiz.answers import (
    TypedAnswerError,
    allowed_ratings,
    check_order,
    check_year,
    default_rating,
)

YEAR = YearCard(kind="year", id="y", question="When?", answer=1961)
ORDER = OrderingCard(
    kind="ordering",
    id="o",
    events=[
        {"event": "A", "date": "1948"},
        {"event": "B", "date": "1961"},
        {"event": "C", "date": "2000"},
    ],
)


def test_year_typed():
    assert check_year(YEAR, " 1961 ") is True
    assert check_year(YEAR, "1962") is False
    with pytest.raises(TypedAnswerError, match="type a year in digits, e.g. 1961"):
        check_year(YEAR, "sixty-one")


def test_order_typed_against_the_shuffled_numbers():
    shown = [2, 0, 1]  # shown 1 = C, 2 = A, 3 = B
    assert check_order(ORDER, "231", shown) is True
    assert check_order(ORDER, "2 3 1", shown) is True
    assert check_order(ORDER, "123", shown) is False
    with pytest.raises(TypedAnswerError, match="type each number 1-3 once"):
        check_order(ORDER, "22", shown)


def test_grading_rule():
    assert allowed_ratings(False) == (Rating.again,)
    assert allowed_ratings(True) == tuple(Rating)  # a lucky guess may be graded Again
    assert allowed_ratings(None) == tuple(Rating)
    assert default_rating(False) is Rating.again
    assert default_rating(True) is Rating.good
    assert default_rating(None) is Rating.good
