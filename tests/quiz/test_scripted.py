"""An exam taken by a script: paper out as JSON, answers in as JSON, the marked result back."""

from __future__ import annotations

import datetime as dt
import json
from random import Random

import pytest

from quizapp.quiz.exam import ExamSession, exam_result
from quizapp.quiz.papers import answer_events
from quizapp.quiz.quiz import QuizSession
from quizapp.quiz.scripted import (
    AnswersError,
    feedback_json,
    paper_json,
    parse_answers,
    result_json,
    take_exam,
    take_quiz,
)
from quizapp.quiz.selection import Selection, draw_questions
from tests.quiz.conftest import wrong_option


@pytest.fixture
def exam(conn, store, clock, sample):
    questions, _ = draw_questions(sample, Selection(), 5, Random(11))
    return ExamSession.start(
        store, questions, clock=clock, time_limit=dt.timedelta(minutes=10), seed=11
    )


def test_paper_shows_questions_but_not_their_answers(exam):
    paper = paper_json(exam)
    assert paper["exam"] == exam.id and paper["marking"] == "2,-2/3,0"
    assert paper["deadline"] == "2026-11-25T09:10:00+00:00"
    first = paper["questions"][0]
    assert first["number"] == 1
    assert first["options"] == dict(zip("abcd", exam.questions[0].options, strict=False))
    for question in paper["questions"]:
        assert set(question) == {"number", "kind", "prompt", "options", "tags"}
    json.dumps(paper)  # ready for a script as it is


def test_script_answers_and_reads_the_marked_result(conn, exam):
    letters = [
        q.labels[wrong_option(q) if i == 1 else q.correct] for i, q in enumerate(exam.questions)
    ]
    document = json.dumps(
        {
            "exam": exam.id,
            "answers": {"1": letters[0].upper(), "2": letters[1], "3": None, "5": "skip"},
        }
    )
    answers = parse_answers(document, exam.questions)
    assert answers == {
        0: exam.questions[0].correct,
        1: wrong_option(exam.questions[1]),
        2: None,
        4: None,
    }
    result = take_exam(exam, answers)
    data = result_json(exam.id, result)
    assert data["exam"] == exam.id
    assert (data["right"], data["wrong"], data["skipped"], data["attempted"]) == (1, 1, 3, 2)
    assert data["marks"] == "4/3" and data["max_marks"] == "10"
    assert data["answers"][1]["outcome"] == "wrong"
    assert exam_result(conn, exam.id).to_dict() == result.to_dict()


def test_a_list_of_letters_in_question_order_works_too(exam):
    assert parse_answers('["a", null, "B)", ""]', exam.questions) == {0: 0, 1: None, 2: 1, 3: None}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"1": "b",}', r"answers.json:1:11: not valid JSON \(Expecting property name"),
        ('"b"', r"answers.json: expected an object of question numbers to letters"),
        ('{"one": "b"}', r"answers.json: 'one' is not a question number \(1, 2, 3, ...\)"),
        (
            '{"9": "b"}',
            r"answers.json: there is no question 9: the paper has 5 \(numbered from 1\)",
        ),
        ('{"0": "b"}', r"answers.json: there is no question 0"),
        ('{"2": 3}', r'answers.json: question 2: answer with a letter such as "b" \(got 3\)'),
        ('{"2": "z"}', r"answers.json: question 2: 'z' is not an option: answer one of a, b"),
    ],
)
def test_a_bad_answers_document_is_explained_and_changes_nothing(conn, exam, document, message):
    with pytest.raises(AnswersError, match=message):
        parse_answers(document, exam.questions, source="answers.json")
    assert answer_events(conn, exam.id) == []
    assert not exam.is_submitted


def test_a_quiz_taken_by_a_script_gives_feedback_per_answer(conn, store, clock, sample):
    questions, _ = draw_questions(sample, Selection(tags=("articles",)), 3, Random(2))
    quiz = QuizSession.start(store, questions, clock=clock)
    paper = paper_json(quiz)
    assert paper["quiz"] == quiz.id and len(paper["questions"]) == 3
    answers = {0: questions[0].correct, 2: wrong_option(questions[2])}
    feedback = [feedback_json(f) for f in take_quiz(quiz, answers)]
    assert [(f["card"], f["correct"]) for f in feedback] == [
        (questions[0].card_id, True),
        (questions[2].card_id, False),
    ]
    assert feedback[1]["answer"] == questions[2].correct_label
    assert feedback[1]["passage"] == questions[2].passage
    assert quiz.finished and quiz.result().skipped == 1
