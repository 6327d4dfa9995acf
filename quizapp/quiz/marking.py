"""Marking a paper: negative marking in exact fractions, and the breakdowns a result shows.

The default is UPSC Prelims: +2 for a right answer, -2/3 for a wrong one
(a third of a right one's marks) and nothing for a skipped one. Arithmetic is
done in ``Fraction`` so thirds add up exactly (three wrong answers cost
exactly 2 marks, never 1.9999). An answer given after the deadline (a late
write that raced the time-out) counts as skipped: the paper was closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the app checks the settings' marks at start, before the deck models load
    from quizapp.quiz.questions import Question

NO_SOURCE = "(no source)"


class Outcome(StrEnum):
    right = "right"
    wrong = "wrong"
    skipped = "skipped"


@dataclass(frozen=True)
class Marking:
    """Marks for a right, a wrong and a skipped answer."""

    right: Fraction = Fraction(2)
    wrong: Fraction = Fraction(-2, 3)
    skipped: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        for name in ("right", "wrong", "skipped"):
            object.__setattr__(self, name, Fraction(getattr(self, name)))
        if self.right <= 0:
            raise ValueError(f"a right answer must earn marks (got {self.right})")

    @classmethod
    def parse(cls, text: str) -> Marking:
        """'2,-2/3,0' (right, wrong, skipped); ValueError saying what was expected."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 3:
            raise ValueError(
                f"marking {text!r}: write three numbers RIGHT,WRONG,SKIPPED, e.g. 2,-2/3,0"
            )
        try:
            values = [Fraction(p) for p in parts]
        except (ValueError, ZeroDivisionError):
            raise ValueError(
                f"marking {text!r}: each of RIGHT,WRONG,SKIPPED must be a number or a "
                "fraction such as -2/3"
            ) from None
        return cls(*values)

    @classmethod
    def from_numbers(cls, right: float, wrong: float, skipped: float) -> Marking:
        """From the settings file's decimals: -0.6667 is taken as -2/3, as meant."""
        return cls(*(Fraction(v).limit_denominator(1000) for v in (right, wrong, skipped)))

    def __str__(self) -> str:
        return ",".join(str(v) for v in (self.right, self.wrong, self.skipped))

    def marks(self, outcome: Outcome) -> Fraction:
        return getattr(self, outcome.value)


UPSC = Marking()


@dataclass(frozen=True)
class GivenAnswer:
    """What the learner left on one question when the paper was marked."""

    question: Question
    chosen: int | None  # option index; None when skipped or never reached
    answered_at: dt.datetime | None = None
    time_spent: dt.timedelta = dt.timedelta(0)


@dataclass(frozen=True)
class MarkedAnswer:
    position: int  # 0-based place in the paper
    question: Question
    chosen: int | None  # as counted: a late answer is None here
    outcome: Outcome
    marks: Fraction
    time_spent: dt.timedelta
    late: bool = False

    @property
    def chosen_option(self) -> str | None:
        return None if self.chosen is None else self.question.options[self.chosen]


@dataclass(frozen=True)
class Tally:
    questions: int = 0
    right: int = 0
    wrong: int = 0
    skipped: int = 0
    marks: Fraction = Fraction(0)
    max_marks: Fraction = Fraction(0)

    @property
    def attempted(self) -> int:
        return self.right + self.wrong

    @property
    def accuracy(self) -> Fraction | None:
        """Right answers among those attempted; None when nothing was attempted."""
        return Fraction(self.right, self.attempted) if self.attempted else None

    def add(self, answer: MarkedAnswer, marking: Marking) -> Tally:
        return Tally(
            self.questions + 1,
            self.right + (answer.outcome is Outcome.right),
            self.wrong + (answer.outcome is Outcome.wrong),
            self.skipped + (answer.outcome is Outcome.skipped),
            self.marks + answer.marks,
            self.max_marks + marking.right,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "right": self.right,
            "wrong": self.wrong,
            "skipped": self.skipped,
            "attempted": self.attempted,
            "marks": fraction_json(self.marks),
            "max_marks": fraction_json(self.max_marks),
            "marks_value": round(float(self.marks), 4),  # for scripts that want a number
            "accuracy": None if self.accuracy is None else round(float(self.accuracy), 4),
        }


@dataclass(frozen=True)
class Result:
    marking: Marking
    answers: tuple[MarkedAnswer, ...]
    total: Tally
    by_tag: dict[str, Tally] = field(default_factory=dict)
    by_source: dict[str, Tally] = field(default_factory=dict)
    timed_out: bool = False
    elapsed: dt.timedelta | None = None  # from dealing to submission, when the paper says

    @property
    def marks(self) -> Fraction:
        return self.total.marks

    @property
    def max_marks(self) -> Fraction:
        return self.total.max_marks

    @property
    def accuracy(self) -> Fraction | None:
        return self.total.accuracy

    @property
    def attempted(self) -> int:
        return self.total.attempted

    @property
    def skipped(self) -> int:
        return self.total.skipped

    @property
    def late(self) -> int:
        return sum(a.late for a in self.answers)

    @property
    def mistakes(self) -> list[MarkedAnswer]:
        return [a for a in self.answers if a.outcome is Outcome.wrong]

    @property
    def time_spent(self) -> dt.timedelta:
        """The time the paper took: from when it was dealt to its submission (the clock runs
        from the deal, as in the exam hall), else the time spent on its questions."""
        if self.elapsed is not None:
            return self.elapsed
        return sum((a.time_spent for a in self.answers), dt.timedelta(0))

    def to_dict(self) -> dict[str, Any]:
        return {
            "marking": str(self.marking),
            **self.total.to_dict(),
            "timed_out": self.timed_out,
            "late": self.late,
            "seconds": round(self.time_spent.total_seconds(), 3),
            "by_tag": {tag: t.to_dict() for tag, t in self.by_tag.items()},
            "by_source": {doc: t.to_dict() for doc, t in self.by_source.items()},
            "answers": [
                {
                    "number": a.position + 1,
                    "deck": a.question.deck_id,
                    "card": a.question.card_id,
                    "outcome": a.outcome.value,
                    "chosen": None if a.chosen is None else a.question.labels[a.chosen],
                    "chosen_option": a.chosen_option,
                    "correct": a.question.correct_label,
                    "correct_option": a.question.correct_option,
                    "marks": fraction_json(a.marks),
                    "seconds": round(a.time_spent.total_seconds(), 3),
                    "late": a.late,
                }
                for a in self.answers
            ],
        }


def fraction_json(value: Fraction) -> str:
    """Exact and readable: '12', '-2/3', '38/3'."""
    return str(value)


def format_marks(value: Fraction) -> str:
    """For people: 12.67 (two decimals; exact whole numbers stay whole)."""
    return str(value.numerator) if value.denominator == 1 else f"{float(value):.2f}"


def score(
    given: Sequence[GivenAnswer],
    marking: Marking = UPSC,
    *,
    deadline: dt.datetime | None = None,
    timed_out: bool = False,
    elapsed: dt.timedelta | None = None,
) -> Result:
    """Mark every question; answers timestamped after ``deadline`` count as skipped."""
    marked: list[MarkedAnswer] = []
    for position, item in enumerate(given):
        late = (
            item.chosen is not None
            and deadline is not None
            and item.answered_at is not None
            and item.answered_at > deadline
        )
        chosen = None if late else item.chosen
        if chosen is None:
            outcome = Outcome.skipped
        elif item.question.is_correct(chosen):
            outcome = Outcome.right
        else:
            outcome = Outcome.wrong
        marked.append(
            MarkedAnswer(
                position,
                item.question,
                chosen,
                outcome,
                marking.marks(outcome),
                item.time_spent,
                late,
            )
        )
    return Result(
        marking=marking,
        answers=tuple(marked),
        total=_tally(marked, marking),
        by_tag=_grouped(marked, marking, lambda a: a.question.tags),
        by_source=_grouped(marked, marking, lambda a: [a.question.source_document or NO_SOURCE]),
        timed_out=timed_out,
        elapsed=elapsed,
    )


def _tally(answers: Iterable[MarkedAnswer], marking: Marking) -> Tally:
    tally = Tally()
    for answer in answers:
        tally = tally.add(answer, marking)
    return tally


def _grouped(answers: Sequence[MarkedAnswer], marking: Marking, keys) -> dict[str, Tally]:
    # A question with two tags counts under both: each tag's line is that topic's own score.
    groups: dict[str, Tally] = {}
    for answer in answers:
        for key in keys(answer):
            groups[key] = groups.get(key, Tally()).add(answer, marking)
    return dict(sorted(groups.items()))
