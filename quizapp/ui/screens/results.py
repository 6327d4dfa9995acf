"""The result of an exam or quiz: marks, accuracy, time, every mistake, then breakdowns.

Mistakes come right after the headline figures, reached first: going over them is the point
of a mock exam. The whole result scrolls (Space, Page Down, arrows, Home, End).

Shown after submission and again from the past exams list (from the stored
paper, so it needs no deck). Every mistake comes with the right answer, the
explanation and the source passage in the document's own words.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from quizapp.ui.text import literal
from quizapp.ui.widgets.footer import Footer
from quizapp.ui.widgets.passage import SourcePassage

if TYPE_CHECKING:
    from quizapp.core.collection import Collection
    from quizapp.quiz.marking import MarkedAnswer, Result, Tally

OUTCOME_STYLES = {"right": "green", "wrong": "red", "skipped": "dim"}


def duration_text(delta: dt.timedelta) -> str:
    seconds = round(delta.total_seconds())
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}m {secs:02}s" if minutes else f"{secs}s"


def percent(value) -> str:
    return "-" if value is None else f"{float(value) * 100:.0f}%"


def summary_text(result: Result) -> Text:
    """The headline figures, one per line."""
    from quizapp.quiz.marking import format_marks

    total = result.total
    questions = total.questions or 1
    lines = [
        ("Marks", f"{format_marks(result.marks)} / {format_marks(result.max_marks)}"),
        ("Accuracy", f"{percent(result.accuracy)} of those attempted"),
        (
            "Attempted",
            f"{result.attempted} of {total.questions} ({total.right} right, {total.wrong} wrong)",
        ),
        (
            "Skipped",
            str(result.skipped) + (f" ({result.late} answered too late)" if result.late else ""),
        ),
        (
            "Time",
            f"{duration_text(result.time_spent)} in all, "
            f"{duration_text(result.time_spent / questions)} per question",
        ),
        ("Marking", f"+{result.marking.right} / {result.marking.wrong} / {result.marking.skipped}"),
    ]
    text = Text()
    for name, value in lines:
        text.append(f"{name:<10}", style="bold")
        text.append(value + "\n")
    if result.timed_out:
        text.append("Time ran out: the paper was submitted as it stood.\n", style="yellow")
    text.rstrip()
    return text


def breakdown_table(title: str, groups: dict[str, Tally]) -> Table:
    from quizapp.quiz.marking import format_marks

    table = Table(title=title, title_justify="left", expand=False, box=None, padding=(0, 1))
    table.add_column(title.split()[-1].capitalize(), overflow="fold")
    for name in ("Right", "Wrong", "Skipped", "Marks"):
        table.add_column(name, justify="right")
    for key, tally in groups.items():
        table.add_row(
            literal(key),
            str(tally.right),
            str(tally.wrong),
            str(tally.skipped),
            f"{format_marks(tally.marks)} / {format_marks(tally.max_marks)}",
        )
    return table


def answers_table(result: Result) -> Table:
    """Every question: outcome, the answer given and the right one, marks and time."""
    from quizapp.quiz.marking import format_marks

    table = Table(title="Question by question", title_justify="left", box=None, padding=(0, 1))
    for name, justify in (
        ("Q", "right"),
        ("Outcome", "left"),
        ("Yours", "center"),
        ("Right", "center"),
        ("Marks", "right"),
        ("Time", "right"),
    ):
        table.add_column(name, justify=justify)
    for a in result.answers:
        q = a.question
        table.add_row(
            str(a.position + 1),
            Text(a.outcome.value + (" (late)" if a.late else ""), OUTCOME_STYLES[a.outcome.value]),
            "-" if a.chosen is None else q.labels[a.chosen],
            q.correct_label,
            format_marks(a.marks),
            duration_text(a.time_spent),
        )
    return table


def mistake_text(answer: MarkedAnswer) -> Text:
    q = answer.question
    text = Text(f"Question {answer.position + 1}", style="bold red")
    text.append("\n")
    text.append_text(literal(q.prompt, "bold"))
    text.append("\nYou answered ", style="dim")
    text.append(f"{q.labels[answer.chosen]}) ", style="bold")
    text.append_text(literal(q.options[answer.chosen], "red"))
    text.append("\nRight answer ", style="dim")
    text.append(f"{q.correct_label}) ", style="bold")
    text.append_text(literal(q.correct_option, "green"))
    if q.reveal and q.reveal != q.correct_option:
        text.append("\n")
        text.append_text(literal(q.reveal, "green"))
    if q.explanation:
        text.append("\n")
        text.append_text(literal(q.explanation))
    return text


class ResultScreen(Screen):
    CSS_PATH = "results.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back", id="result-back"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="result-down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="result-up"),
        Binding("space,pagedown", "page(1)", "Page down", id="result-page-down"),
        Binding("b,pageup", "page(-1)", "Page up", id="result-page-up"),
        Binding("home", "top", "Top", show=False, id="result-top"),
        Binding("end", "bottom", "End", show=False, id="result-end"),
    ]

    def __init__(
        self,
        result: Result,
        *,
        title: str,
        collection: Collection | None = None,
        kind: str = "exam",
    ) -> None:
        super().__init__()
        self.result = result
        self.result_title = title
        self.collection = collection
        self.kind = kind

    def compose(self) -> ComposeResult:
        result = self.result
        citations = self.collection.documents() if self.collection is not None else {}
        yield Header(show_clock=False)
        with VerticalScroll(id="result"):
            yield Static(literal(self.result_title, "bold"), id="heading")
            yield Static(summary_text(result), id="summary", classes="panel")
            mistakes = result.mistakes
            heading = (
                f"Mistakes ({len(mistakes)})"
                if mistakes
                else "No mistakes: every answer was right."
            )
            yield Static(Text(heading, style="bold"), id="mistakes-heading")
            if mistakes:
                yield Static(
                    "Each card missed is due for review now: Enter on the deck list.",
                    id="mistakes-due",
                    classes="muted",
                    markup=False,
                )
            for answer in mistakes:
                q = answer.question
                yield Static(mistake_text(answer), classes="mistake")
                passage = SourcePassage(classes="mistake-passage")
                passage.show_passage(
                    q.passage or q.quote,
                    citations.get(q.source_document or "", q.source_document),
                    q.item_passages,
                )
                yield passage
            yield Static(answers_table(result), classes="breakdown")
            if self.kind == "exam":
                yield Static(breakdown_table("By tag", result.by_tag), classes="breakdown")
                yield Static(
                    breakdown_table("By source document", result.by_source), classes="breakdown"
                )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Result"
        self.query_one("#result", VerticalScroll).focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#result", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        scroll = self.query_one("#result", VerticalScroll)
        if pages > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def action_top(self) -> None:
        self.query_one("#result", VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#result", VerticalScroll).scroll_end(animate=False)

    def action_close(self) -> None:
        self.app.pop_screen()
