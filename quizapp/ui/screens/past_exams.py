"""Past exams, newest first, with their marks: progress over weeks at a glance.

Enter shows a submitted exam's result again (from the stored paper); on an
exam still in progress it resumes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from quizapp.ui.text import literal
from quizapp.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from quizapp.core.collection import Collection
    from quizapp.quiz.papers import Paper


def paper_row(paper: Paper) -> tuple:
    from quizapp.quiz.marking import format_marks

    when = paper.started_at.strftime("%Y-%m-%d %H:%M")
    if paper.marks is None:
        return (str(paper.id), when, Text("in progress", "yellow"), "", "", str(paper.questions))
    attempted = (paper.right or 0) + (paper.wrong or 0)
    accuracy = f"{100 * (paper.right or 0) / attempted:.0f}%" if attempted else "-"
    marks = f"{format_marks(paper.marks)} / {format_marks(paper.max_marks)}"
    how = f"{paper.right}✓ {paper.wrong}✗ {paper.skipped}–"
    if paper.submitted_by is not None and paper.submitted_by.value == "time_out":
        how += " timed out"
    return (str(paper.id), when, marks, accuracy, how, str(paper.questions))


class PastExamsScreen(Screen):
    CSS_PATH = "results.tcss"
    BINDINGS = [
        Binding("enter", "open", "Show result", priority=True),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, collection: Collection) -> None:
        super().__init__()
        self.collection = collection

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="past"):
            yield Static("", id="past-status")
            yield DataTable(id="exams", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Past exams"
        table = self.query_one("#exams", DataTable)
        table.add_columns("Exam", "Date (UTC)", "Marks", "Accuracy", "Right/wrong/skipped", "Qs")
        self.fill()
        table.focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        from quizapp.quiz.exam import list_exams

        papers = list_exams(self.collection.store)
        table = self.query_one("#exams", DataTable)
        row = table.cursor_row
        table.clear()
        for paper in papers:
            table.add_row(*paper_row(paper), key=str(paper.id))
        if papers:
            table.move_cursor(row=min(row, len(papers) - 1))
        status = (
            f"{len(papers)} exam(s). Enter shows one's result again."
            if papers
            else "No exams yet: press x on the home screen to take one."
        )
        self.query_one("#past-status", Static).update(literal(status))

    def action_open(self) -> None:
        table = self.query_one("#exams", DataTable)
        if table.row_count == 0:
            return
        exam_id = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        open_exam(self.app, self.collection, exam_id)

    def action_close(self) -> None:
        self.app.pop_screen()


def open_exam(app, collection: Collection, exam_id: int) -> None:
    """A submitted exam's result again, or an unfinished one resumed (submitted if time is up)."""
    from quizapp.quiz.exam import ExamClosed, ExamSession, exam_result
    from quizapp.ui.screens.exam import ExamScreen
    from quizapp.ui.screens.results import ResultScreen

    try:
        result = exam_result(collection.store, exam_id)
    except ExamClosed:  # still in progress
        session = ExamSession.resume(collection.store, exam_id)
        if not session.is_submitted:
            app.push_screen(ExamScreen(session, collection))
            return
        result = session.result()
    title = f"Exam {exam_id}" + (
        " · time ran out: submitted as it stood" if result.timed_out else ""
    )
    app.push_screen(ResultScreen(result, title=title, collection=collection))
