"""Negative marking in exact arithmetic, with skips, time-outs and the breakdowns."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from quizapp.quiz.marking import UPSC, GivenAnswer, Marking, Outcome, format_marks, score
from quizapp.quiz.questions import Question

T0 = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def question(n: int, tags=("dates",), source="hindu-explained") -> Question:
    return Question(
        deck_id="d",
        card_id=f"c{n}",
        kind="basic",
        prompt=f"Q{n}?",
        options=("w", "x", "y", "z"),
        correct=1,
        answer_type="text",
        reveal="x",
        tags=tuple(tags),
        source_document=source,
    )


def given(
    n: int,
    chosen: int | None,
    *,
    at_min: float = 1,
    tags=("dates",),
    source="hindu-explained",
    seconds: float = 30,
) -> GivenAnswer:
    return GivenAnswer(
        question(n, tags, source),
        chosen,
        None if chosen is None else T0 + dt.timedelta(minutes=at_min),
        dt.timedelta(seconds=seconds),
    )


def test_upsc_default_two_marks_right_a_third_off_wrong_nothing_skipped():
    assert (UPSC.right, UPSC.wrong, UPSC.skipped) == (2, Fraction(-2, 3), 0)
    # 7 right, 3 wrong, 2 skipped: 14 - 2 = 12 exactly (no 11.999...).
    answers = [given(i, 1) for i in range(7)] + [given(i, 0) for i in range(7, 10)]
    answers += [given(10, None), given(11, None)]
    result = score(answers)
    assert result.marks == Fraction(12)
    assert result.max_marks == 24
    assert (result.total.right, result.total.wrong, result.skipped) == (7, 3, 2)
    assert result.attempted == 10
    assert result.accuracy == Fraction(7, 10)
    assert format_marks(result.marks) == "12"


def test_one_wrong_answer_costs_exactly_two_thirds():
    result = score([given(0, 1), given(1, 2)])
    assert result.marks == Fraction(4, 3)
    assert format_marks(result.marks) == "1.33"
    assert result.to_dict()["marks"] == "4/3"
    assert [a.outcome for a in result.answers] == [Outcome.right, Outcome.wrong]
    assert [a.marks for a in result.answers] == [2, Fraction(-2, 3)]


def test_all_wrong_goes_negative_and_all_skipped_is_zero_with_no_accuracy():
    assert score([given(i, 3) for i in range(4)]).marks == Fraction(-8, 3)
    skipped = score([given(i, None) for i in range(4)])
    assert skipped.marks == 0 and skipped.attempted == 0 and skipped.accuracy is None
    assert skipped.to_dict()["accuracy"] is None


def test_answers_after_the_deadline_count_as_skipped():
    deadline = T0 + dt.timedelta(minutes=10)
    answers = [
        given(0, 1, at_min=9.99),
        given(1, 1, at_min=10),
        given(2, 0, at_min=10.01),
        given(3, 1, at_min=11),
        given(4, None),
    ]
    result = score(answers, deadline=deadline, timed_out=True)
    assert [a.outcome for a in result.answers] == [
        Outcome.right,
        Outcome.right,
        Outcome.skipped,
        Outcome.skipped,
        Outcome.skipped,
    ]
    assert result.marks == 4  # the late wrong answer costs nothing, the late right earns nothing
    assert result.late == 2 and result.timed_out
    assert result.answers[2].chosen is None and result.answers[2].late


def test_custom_marking_parses_and_validates():
    marking = Marking.parse("1, -1/4, 0")
    assert marking == Marking(Fraction(1), Fraction(-1, 4), Fraction(0))
    assert str(marking) == "1,-1/4,0"
    result = score([given(0, 1), given(1, 0), given(2, 0), given(3, None)], marking)
    assert result.marks == Fraction(1, 2)
    with pytest.raises(
        ValueError, match=r"marking '2,-2/3': write three numbers RIGHT,WRONG,SKIPPED"
    ):
        Marking.parse("2,-2/3")
    with pytest.raises(ValueError, match="must be a number or a fraction such as -2/3"):
        Marking.parse("2,minus,0")
    with pytest.raises(ValueError, match="a right answer must earn marks"):
        Marking.parse("0,0,0")


def test_breakdown_by_tag_and_by_source_document():
    answers = [
        given(0, 1, tags=("dates", "history"), source="study-notes"),
        given(1, 0, tags=("dates",), source="hindu-explained"),
        given(2, None, tags=("articles",), source="hindu-explained"),
        given(3, 1, tags=(), source=None),
    ]
    result = score(answers)
    assert list(result.by_tag) == ["articles", "dates", "history"]
    dates = result.by_tag["dates"]
    assert (dates.questions, dates.right, dates.wrong, dates.marks) == (2, 1, 1, Fraction(4, 3))
    assert result.by_tag["articles"].skipped == 1 and result.by_tag["articles"].marks == 0
    assert result.by_source["hindu-explained"].marks == Fraction(-2, 3)
    assert result.by_source["study-notes"].marks == 2
    assert result.by_source["(no source)"].right == 1
    assert result.marks == Fraction(10, 3)


def test_time_per_question_and_mistakes_walk():
    answers = [given(0, 1, seconds=12.5), given(1, 2, seconds=40), given(2, None, seconds=3)]
    result = score(answers)
    assert [a.time_spent.total_seconds() for a in result.answers] == [12.5, 40, 3]
    assert result.time_spent == dt.timedelta(seconds=55.5)
    assert [m.question.card_id for m in result.mistakes] == ["c1"]
    data = result.to_dict()
    assert data["answers"][1] == {
        "number": 2,
        "deck": "d",
        "card": "c1",
        "outcome": "wrong",
        "chosen": "c",
        "chosen_option": "y",
        "correct": "b",
        "correct_option": "x",
        "marks": "-2/3",
        "seconds": 40.0,
        "late": False,
    }
