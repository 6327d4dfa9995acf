"""Exams and quizzes taken by a script: the paper as JSON, answers as JSON, the result as JSON.

``quizapp exam --json`` prints the paper (``paper_json``); the script answers
with a JSON document read by ``parse_answers``, either an object of question
numbers to letters, ``{"1": "b", "2": null}``, optionally wrapped as
``{"exam": 7, "answers": {...}}``, or a list of letters in question order,
``["b", null, "d"]``. ``null``, ``""`` and ``"skip"`` leave a question
unanswered. The whole document is checked before anything is written, so a
mistake in it changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from quizapp.quiz.exam import ExamSession
from quizapp.quiz.marking import Result
from quizapp.quiz.questions import Question
from quizapp.quiz.quiz import Feedback, QuizSession

SKIP_WORDS = ("", "skip", "-")


class AnswersError(ValueError):
    """The answers document is not usable; the message names the place and the fix."""


def paper_json(session: ExamSession | QuizSession) -> dict[str, Any]:
    """The questions as handed out: no right answers, explanations or sources, and no card
    ids either (an id such as 'article-51' can give the answer away)."""
    exam = isinstance(session, ExamSession)
    data: dict[str, Any] = {"exam" if exam else "quiz": session.id}
    if exam:
        data["started_at"] = session.started_at.isoformat()
        data["deadline"] = None if session.deadline is None else session.deadline.isoformat()
        data["marking"] = str(session.marking)
    data["questions"] = [
        {
            "number": n,
            "kind": q.kind,
            "prompt": q.prompt,
            "options": dict(zip(q.labels, q.options, strict=True)),
            "tags": list(q.tags),
        }
        for n, q in enumerate(session.questions, 1)
    ]
    return data


def parse_answers(
    text: str, questions: Sequence[Question], *, source: str = "answers"
) -> dict[int, int | None]:
    """Question index (0-based) -> option index or None, from a script's JSON."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswersError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); write e.g. "
            '{"1": "b", "2": null}'
        ) from None
    if isinstance(data, Mapping) and "answers" in data:
        data = data["answers"]
    if isinstance(data, list):
        items = [(str(n), value) for n, value in enumerate(data, 1)]
    elif isinstance(data, Mapping):
        items = list(data.items())
    else:
        raise AnswersError(
            f"{source}: expected an object of question numbers to letters, "
            '{"1": "b", "2": null}, or a list of letters ["b", null]'
        )
    answers: dict[int, int | None] = {}
    for number, value in items:
        if not (isinstance(number, str) and number.strip().isdigit()):
            raise AnswersError(f"{source}: {number!r} is not a question number (1, 2, 3, ...)")
        position = int(number) - 1
        if not 0 <= position < len(questions):
            raise AnswersError(
                f"{source}: there is no question {number}: the paper has {len(questions)} "
                "(numbered from 1)"
            )
        if value is None or (isinstance(value, str) and value.strip().lower() in SKIP_WORDS):
            answers[position] = None
            continue
        if not isinstance(value, str):
            raise AnswersError(
                f'{source}: question {number}: answer with a letter such as "b" (got {value!r})'
            )
        try:
            answers[position] = questions[position].index_of(value)
        except ValueError as exc:
            raise AnswersError(f"{source}: question {number}: {exc}") from None
    return answers


def take_exam(session: ExamSession, answers: Mapping[int, int | None]) -> Result:
    """Give every answer (None clears one), then submit; the marked result comes back."""
    for position, option in sorted(answers.items()):
        if option is None:
            if session.slots[position].chosen is not None:
                session.clear(position=position)
        else:
            session.answer(option, position=position)
    return session.submit()


def take_quiz(session: QuizSession, answers: Mapping[int, int | None]) -> list[Feedback]:
    """Answer the quiz in order; a question with no answer given is skipped."""
    feedback = []
    while session.current is not None:
        option = answers.get(session.position)
        if option is None:
            session.skip()
        else:
            feedback.append(session.answer(option))
    return feedback


def result_json(exam_id: int, result: Result, *, kind: str = "exam") -> dict[str, Any]:
    return {kind: exam_id, **result.to_dict()}


def feedback_json(item: Feedback) -> dict[str, Any]:
    question = item.question
    return {
        "deck": question.deck_id,
        "card": question.card_id,
        "chosen": question.labels[item.chosen],
        "correct": item.correct,
        "answer": question.correct_label,
        "answer_text": question.reveal,
        "explanation": question.explanation,
        "source": question.source_document,
        "passage": question.passage,
        "item_passages": [list(item) for item in question.item_passages],
        "next_due": None if item.next_due is None else item.next_due.isoformat(),
    }
