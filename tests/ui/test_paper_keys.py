"""Keys in quizzes and exams: t/f on true/false questions, hints naming only working keys,
numbers going to a question, the exam's plan before its clock starts, quitting asks first."""

from quizapp.ui.screens.exam import ConfirmScreen, ExamScreen, ExamStartScreen
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.quiz_screen import QuizScreen
from tests.ui.conftest import make_app, screen_text, until, wait_for_screen, wait_loaded


def papers(db) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT COUNT(*) FROM exam").fetchone()[0]
    finally:
        conn.close()


async def start_exam(pilot) -> ExamScreen:
    await pilot.press("x")
    await wait_for_screen(pilot, ExamStartScreen)
    await pilot.press("enter")
    return await wait_for_screen(pilot, ExamScreen)


async def test_x_shows_the_exam_plan_first_and_esc_starts_nothing(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t", "enter", "down", "down", "enter")  # tag: dates
        await pilot.press("x")
        await wait_for_screen(pilot, ExamStartScreen)
        text = screen_text(app)
        assert "10 (fewer if the cards chosen have fewer)" in text
        assert "12 minutes" in text
        assert "tagged dates" in text
        assert "+2 right, -0.67 wrong, 0 skipped" in text
        await pilot.press("plus")
        assert "20 (fewer" in screen_text(app) and "24 minutes" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
    assert papers(db) == 0


async def test_a_number_goes_to_that_question_and_hints_name_working_keys(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen = await start_exam(pilot)
        total = len(screen.session.questions)
        assert 3 <= total < 10
        await pilot.press("3")
        await until(pilot, lambda: screen.session.position == 2, "question 3")
        question = screen.session.current
        labels = question.labels
        keys = f"{labels[0]}-{labels[-1]}" if len(labels) > 2 else " or ".join(labels)
        assert f"({keys} answer, x clear, m mark)" in str(screen.query_one("#standing").render())
        await pilot.press("1")
        await until(pilot, lambda: screen.session.position == 0, "question 1")
        await pilot.press("9")  # there is no question 9: nothing moves
        assert screen.session.position == 0


async def test_quitting_a_running_exam_asks_first(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen = await start_exam(pilot)
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, ConfirmScreen)
        assert "Quit during exam" in screen_text(app)
        await pilot.press("n")
        await until(pilot, lambda: app.screen is screen, "back in the exam")
        await pilot.press("q")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await until(pilot, lambda: not app.is_running, "the app quitting")


async def test_t_and_f_answer_a_true_false_question_in_a_quiz(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("z")
        screen = await wait_for_screen(pilot, QuizScreen)
        for _ in range(len(screen.session.questions)):
            question = screen.session.current
            if question.kind == "true_false":
                break
            await pilot.press("s")  # skip
        else:
            raise AssertionError("the quiz has no true/false question")
        assert "t or f to answer" in str(screen.query_one("#where").render())
        await pilot.press("t" if question.correct_option == "True" else "f")
        await until(pilot, lambda: screen.feedback is not None, "the verdict")
        assert screen.feedback.correct


async def test_the_result_puts_mistakes_first_and_scrolls(db):
    from quizapp.ui.screens.results import ResultScreen

    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen = await start_exam(pilot)
        for question in screen.session.questions:  # every answer wrong
            await pilot.press(question.labels[(question.correct + 1) % len(question.options)], "n")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        result = await wait_for_screen(pilot, ResultScreen)
        first_page = screen_text(app)
        assert "Mistakes (" in first_page
        assert "Each card missed is due for review now" in first_page
        scroll = result.query_one("#result")
        assert scroll.max_scroll_y > 0
        await pilot.press("space")
        await until(pilot, lambda: scroll.scroll_y > 0, "a page down")
        await pilot.press("end")
        await until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y, "the end")
        assert "By source document" in screen_text(app)


async def test_the_first_quiz_is_quiz_1_after_an_exam(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await start_exam(pilot)
        await pilot.press("escape")  # the exam is kept
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("z")
        screen = await wait_for_screen(pilot, QuizScreen)
        assert screen.sub_title == "Quiz 1"
