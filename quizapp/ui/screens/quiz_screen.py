"""A quiz: one question at a time, judged as soon as it is answered, a score at the end.

The verdict comes with the right answer, the explanation and the source
passage; Enter (or n) goes on. Each answer is saved and logged by the session
before it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, ProgressBar, Static

from quizapp.ui.text import literal
from quizapp.ui.widgets.card_media import media_of
from quizapp.ui.widgets.card_view import CardView
from quizapp.ui.widgets.choices import answer_keys, verdict_option
from quizapp.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from quizapp.core.collection import Collection
    from quizapp.quiz.quiz import Feedback, QuizSession


class QuizScreen(Screen):
    CSS_PATH = "quiz_screen.tcss"
    BINDINGS = [
        Binding("a", "answer(0)", "Answer a", show=False, id="quiz-answer-a"),
        Binding("b", "answer(1)", "Answer b", show=False, id="quiz-answer-b"),
        Binding("c", "answer(2)", "Answer c", show=False, id="quiz-answer-c"),
        Binding("d", "answer(3)", "Answer d", show=False, id="quiz-answer-d"),
        Binding("t", "verdict(True)", "True", show=False, id="quiz-true"),
        Binding("f", "verdict(False)", "False", show=False, id="quiz-false"),
        Binding("s", "skip", "Skip", id="quiz-skip"),
        Binding("enter,n,space", "next", "Next", id="quiz-next"),
        Binding("escape", "leave", "Stop", id="quiz-stop"),
    ]

    def __init__(self, session: QuizSession, collection: Collection | None = None) -> None:
        super().__init__()
        self.session = session
        self.collection = collection
        self.feedback: Feedback | None = None
        self.right = 0
        self.answered = 0
        self.asked = 0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="quiz"):
            yield Static("", id="where", classes="muted")
            yield ProgressBar(id="progress", show_eta=False)
            yield CardView(id="card")
        yield Footer()

    def on_mount(self) -> None:
        self.number = self.session.number
        self.sub_title = f"Quiz {self.number}"
        self.show_question()

    def show_question(self) -> None:
        question = self.session.current
        if question is None:
            self.finish()
            return
        self.feedback = None
        total = len(self.session.questions)
        where = (
            f"Question {self.session.position + 1} of {total} · {self.right} right so far · "
            f"{answer_keys(question.labels, question.kind)} to answer"
        )
        self.query_one("#where", Static).update(where)
        self.query_one("#progress", ProgressBar).update(total=total, progress=self.session.position)
        view = self.query_one(CardView)
        media, folder = media_of(self.collection, question.deck_id, question.card_id)
        view.ask(question.prompt, media=media, folder=folder)
        view.choices.show_options(question.labels, question.options)
        view.focus()
        self.refresh_bindings()

    def action_answer(self, option: int) -> None:
        question = self.session.current
        if self.feedback is not None or question is None or option >= len(question.options):
            return
        self.asked = self.session.position
        feedback = self.session.answer(option)
        self.feedback = feedback
        self.answered += 1
        self.right += feedback.correct
        view = self.query_one(CardView)
        view.choices.show_judged(question.labels, question.options, question.correct, option)
        view.show_verdict(feedback.correct, feedback.chosen_option, question.labels[option])
        answer = Text("Answer: ", style="bold")
        answer.append(f"{question.correct_label}) ", style="bold")
        answer.append_text(literal(question.correct_option))
        if question.reveal != question.correct_option:
            answer.append("\n")
            answer.append_text(literal(question.reveal))
        view.show_answer(answer, judged=True)
        view.show_explanation(question.explanation)
        citations = self.collection.documents() if self.collection is not None else {}
        document = question.source_document or ""
        view.show_passage(
            question.passage or question.quote,
            citations.get(document, question.source_document),
            question.item_passages,
        )
        self.query_one("#where", Static).update(
            f"Question {self.asked + 1} of {len(self.session.questions)} · "
            f"{self.right} right so far · Enter: next"
        )
        self.refresh_bindings()
        self.call_after_refresh(view.bring_answer_into_view)

    def action_verdict(self, verdict: bool) -> None:
        question = self.session.current
        if question is not None and question.kind == "true_false":
            option = verdict_option(question.options, verdict)
            if option is not None:
                self.action_answer(option)

    def action_skip(self) -> None:
        if self.feedback is not None or self.session.current is None:
            return
        self.session.skip()
        self.show_question()

    def action_next(self) -> None:
        if self.feedback is None:
            return
        self.show_question()

    def finish(self) -> None:
        from quizapp.ui.screens.results import ResultScreen

        self.app.switch_screen(
            ResultScreen(
                self.session.result(),
                title=f"Quiz {self.number} · {self.right} of {len(self.session.questions)} right",
                collection=self.collection,
                kind="quiz",
            )
        )

    def action_leave(self) -> None:
        if self.session.finished or self.answered == 0:
            self.app.pop_screen()
            return
        self.finish()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" or action == "skip":
            return self.feedback is None and self.session.current is not None
        if action == "verdict":
            current = self.session.current
            return self.feedback is None and current is not None and current.kind == "true_false"
        if action == "next":
            return self.feedback is not None
        return True
