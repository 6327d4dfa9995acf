"""Exams and quizzes taken through the screens, as a learner would, with the clock moved by hand."""

from __future__ import annotations

import sqlite3
from fractions import Fraction

from quizapp.quiz.marking import format_marks
from quizapp.ui.screens.exam import ConfirmScreen, ExamScreen
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.past_exams import PastExamsScreen
from quizapp.ui.screens.quiz_screen import QuizScreen
from quizapp.ui.screens.results import ResultScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import (
    answer_current,
    make_app,
    screen_text,
    until,
    wait_for_screen,
    wait_loaded,
)


def widget_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def wrong(question) -> str:
    return question.labels[(question.correct + 1) % len(question.options)]


def right(question) -> str:
    return question.correct_label


def palette(screen) -> list[str]:
    """Each palette cell's status class, as painted."""
    statuses = ("-answered-marked", "-answered", "-not-answered", "-marked", "-not-visited")
    cells = sorted(screen.query(".cell"), key=lambda c: c.position)
    return [next(s[1:] for s in statuses if c.has_class(s)) for c in cells]


async def test_a_whole_exam_through_the_screens_is_stored_and_shown_again(db):
    app = make_app(db)
    clock = app.clock
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        screen = await wait_for_screen(pilot, ExamScreen)
        session = screen.session
        qs = session.questions
        assert len(qs) >= 6
        total = len(qs)
        # Ten questions asked for (the deck has fewer), 1.2 minutes each, on the app's clock.
        assert widget_text(app, "#countdown") == "⏱ 12:00 left"
        assert f"Question 1 of {total}" in screen_text(app)
        # Card ids never appear while the exam is on.
        for q in qs:
            assert q.card_id not in screen_text(app)

        # Q1: a wrong answer, then changed to the right one after 30 seconds.
        await pilot.press(wrong(qs[0]))
        clock.advance(seconds=30)
        await pilot.press(right(qs[0]), "n")
        # Q2: wrong, and marked for review.
        await pilot.press(wrong(qs[1]), "m")
        clock.advance(seconds=20)
        await pilot.press("right")
        # Q3: answered, then cleared: skipped.
        await pilot.press(right(qs[2]), "x", "n")
        # Q4: skipped without a look.
        await pilot.press("n")
        # Q5: right; then back to Q4 to check the palette, and on to Q6.
        await pilot.press(right(qs[4]), "p", "left")
        assert session.position == 2
        assert palette(screen)[:6] == [
            "answered",
            "answered-marked",
            "not-answered",
            "not-answered",
            "answered",
            "not-visited",
        ]
        assert "Your answer: none yet" in widget_text(app, "#standing")
        await pilot.press("n", "n", "n")
        assert f"Question 6 of {total}" in screen_text(app)
        await pilot.press(wrong(qs[5]))
        clock.advance(seconds=10)
        # The countdown follows the clock on its next tick.
        await until(pilot, lambda: widget_text(app, "#countdown") == "⏱ 11:00 left")

        # Submit: asked first; "n" keeps the exam going, then y submits.
        await pilot.press("ctrl+s")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        assert "4 answered" in screen_text(app)
        await pilot.press("n")
        await wait_for_screen(pilot, ExamScreen)
        assert not session.is_submitted
        await pilot.press("S", "y")
        await wait_for_screen(pilot, ResultScreen)
        del confirm

        # Right: Q1, Q5; wrong: Q2, Q6; the rest skipped.
        marks = 2 * Fraction(2) + 2 * Fraction(-2, 3)
        summary = widget_text(app, "#summary")
        assert f"Marks     {format_marks(marks)} / {2 * total}" in summary
        assert "Accuracy  50% of those attempted" in summary
        assert f"Attempted 4 of {total} (2 right, 2 wrong)" in summary
        assert f"Skipped   {total - 4}" in summary
        assert "Time      1m 00s in all" in summary
        text = screen_text(app)
        assert "Mistakes (2)" in str(screen.app.screen.query_one("#mistakes-heading").render())
        mistakes = [str(w.render()) for w in app.screen.query(".mistake")]
        assert len(mistakes) == 2
        assert f"Question 2\n{qs[1].prompt}" in mistakes[0]
        assert f"Right answer {right(qs[1])}) {qs[1].correct_option}" in mistakes[0]
        assert qs[1].explanation in mistakes[0]
        passages = [str(w.render()) for w in app.screen.query(".mistake-passage")]
        assert qs[1].passage and qs[1].passage in passages[0]
        assert "Marks" in text

        # Scrolling reaches the last mistake's passage.
        await pilot.press("end")
        await pilot.press("space", "space", "space", "space")
        await pilot.pause()
        assert app.screen.query_one("#result").scroll_y > 0

    # What the database holds.
    with sqlite3.connect(db) as conn:
        exam = conn.execute(
            "SELECT id, submitted_by, marks, max_marks, right_count, wrong_count, skipped_count "
            "FROM exam WHERE mode = 'exam'"
        ).fetchall()
        assert exam == [(session.id, "learner", "8/3", str(2 * total), 2, 2, total - 4)]
        logged = conn.execute(
            "SELECT card_id, rating, answer FROM review_log WHERE mode = 'exam' ORDER BY id"
        ).fetchall()
        answered = {0: qs[0].correct_option, 1: None, 4: qs[4].correct_option, 5: None}
        assert sorted(logged) == sorted(
            (
                qs[i].card_id,
                3 if option else 1,  # right as good, wrong as again
                option or qs[i].options[qs[i].labels.index(wrong(qs[i]))],
            )
            for i, option in answered.items()
        )
        events = conn.execute(
            "SELECT position, action FROM exam_answer WHERE exam_id = ? ORDER BY id", (session.id,)
        ).fetchall()
        assert events[:4] == [(0, "answer"), (0, "answer"), (1, "answer"), (1, "mark")]
        assert (2, "clear") in events

    # Start again: the exam is listed with its marks, and Enter shows its result again.
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert type(app.screen).__name__ == "HomeScreen"  # nothing unfinished to offer
        await pilot.press("e")
        await wait_for_screen(pilot, PastExamsScreen)
        text = screen_text(app)
        assert f"2.67 / {2 * total}" in text and "50%" in text
        await pilot.press("enter")
        await wait_for_screen(pilot, ResultScreen)
        assert f"Marks     2.67 / {2 * total}" in widget_text(app, "#summary")
        assert f"Exam {session.id}" in screen_text(app)


async def test_time_running_out_submits_the_exam_as_it_stood(db):
    app = make_app(db)
    clock = app.clock
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        screen = await wait_for_screen(pilot, ExamScreen)
        session = screen.session
        qs = session.questions
        await pilot.press(right(qs[0]), "n", wrong(qs[1]), "n", "ctrl+s")
        await wait_for_screen(pilot, ConfirmScreen)
        # The learner hesitates over the confirmation until time is up.
        clock.advance(minutes=12)
        await wait_for_screen(pilot, ResultScreen)
        summary = widget_text(app, "#summary")
        assert "Time ran out: the paper was submitted as it stood." in summary
        assert f"Marks     {format_marks(Fraction(2) - Fraction(2, 3))} / {2 * len(qs)}" in summary
        assert "time ran out" in screen_text(app)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT submitted_by, marks FROM exam").fetchall() == [
            ("time_out", "4/3")
        ]
        assert conn.execute("SELECT count(*) FROM review_log WHERE mode = 'exam'").fetchone() == (
            2,
        )


async def test_an_unfinished_exam_is_offered_at_start_and_resumed(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        screen = await wait_for_screen(pilot, ExamScreen)
        exam_id, first = screen.session.id, screen.session.questions[0]
        await pilot.press(right(first), "m", "escape")
        await wait_for_screen(pilot, HomeScreen)

    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await wait_for_screen(pilot, ConfirmScreen)
        assert f"Exam {exam_id} was left unfinished" in screen_text(app)
        await pilot.press("y")
        screen = await wait_for_screen(pilot, ExamScreen)
        assert screen.session.id == exam_id
        assert palette(screen)[0] == "answered-marked"
        assert f"Your answer: {right(first)} · marked for review" in widget_text(app, "#standing")


async def test_a_quiz_judges_each_answer_at_once_and_scores_at_the_end(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("z")
        screen = await wait_for_screen(pilot, QuizScreen)
        qs = screen.session.questions
        await pilot.press(wrong(qs[0]))
        verdict = widget_text(app, "#verdict")
        assert verdict.startswith("✗ Wrong")
        assert f"Answer: {right(qs[0])}) {qs[0].correct_option}" in widget_text(app, "#answer")
        assert qs[0].explanation in widget_text(app, "#explanation")
        await pilot.press("enter", right(qs[1]))
        assert widget_text(app, "#verdict").startswith("✓ Right")
        await pilot.press("enter", "s")  # the third is skipped
        for q in qs[3:]:
            await pilot.press(right(q), "enter")
        await wait_for_screen(pilot, ResultScreen)
        right_count = len(qs) - 2
        assert f"Quiz {screen.session.id} · {right_count} of {len(qs)} right" in screen_text(app)
        assert f"Marks     {right_count} / {len(qs)}" in widget_text(app, "#summary")
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT rating FROM review_log WHERE mode = 'quiz' ORDER BY id")
        assert [r for (r,) in rows] == [1] + [3] * right_count


async def test_a_click_on_the_palette_goes_to_that_question(db):
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        screen = await wait_for_screen(pilot, ExamScreen)
        cells = sorted(screen.query(".cell"), key=lambda c: c.position)
        await pilot.click(cells[3])
        await until(pilot, lambda: screen.session.position == 3, "question 4 on screen")
        assert f"Question 4 of {len(screen.session.questions)}" in screen_text(app)
        assert palette(screen)[:4] == ["not-answered", "not-visited", "not-visited", "not-answered"]
        assert cells[3].has_class("-current")


async def test_the_quiz_keeps_its_look_to_itself(db):
    """The quiz leaves a line above the explanation; a review taken after it does not."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("z")
        screen = await wait_for_screen(pilot, QuizScreen)
        await pilot.press(right(screen.session.questions[0]))
        assert screen.query_one("#explanation").styles.margin.top == 1
        await pilot.press("escape")
        await wait_for_screen(pilot, ResultScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("enter")
        review = await wait_for_screen(pilot, ReviewScreen)
        assert review.query_one("#explanation").styles.margin.top == 0


async def test_the_review_summary_and_a_quiz_result_keep_their_own_look(db):
    """Both have a #summary panel: a review's is 60 wide and centred, a result's is full width."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, ReviewScreen)
        await answer_current(pilot, right=True)
        await pilot.press("3")
        await pilot.press("escape")
        summary = await wait_for_screen(pilot, SummaryScreen)
        assert summary.query_one("#summary").region.width == 60
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("z")
        quiz = await wait_for_screen(pilot, QuizScreen)
        await pilot.press(right(quiz.session.questions[0]), "escape")
        result = await wait_for_screen(pilot, ResultScreen)
        assert result.query_one("#summary").region.width > 60
        assert result.query_one("#summary").styles.margin.top == 1
