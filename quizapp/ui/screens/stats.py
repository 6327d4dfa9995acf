"""Statistics: where the learner stands, a calendar of reviews and the cards falling due.

The figures are `quizapp stats`'s (quizapp.core.report.stats_report), worked out when the
screen opens. Both charts are block characters whose density follows the count, so they read
the same with NO_COLOR; colour only repeats what the characters already say.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from quizapp.core.fitting import Fit, fit_learner
from quizapp.core.report import stats_report
from quizapp.render.charts import bar_chart, day_axis, heat_legend, heatmap
from quizapp.render.numbers import duration, percent
from quizapp.ui.text import literal
from quizapp.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from quizapp.core.collection import Collection

# Level 1-4 of the heatmap, light to strong; level 0 (no review) is dim.
HEAT_COLOURS = ("", "green4", "green3", "green1", "bright_green")


class StatsScreen(Screen):
    """The fit of FSRS parameters runs in a worker; its outcome comes back as a message."""

    class Fitted(Message):
        def __init__(self, fit: Fit) -> None:
            super().__init__()
            self.fit = fit

    class FitFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    CSS_PATH = "stats.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back to decks"),
        Binding("o", "optimize", "Fit my FSRS parameters"),
    ]

    def __init__(self, collection: Collection, *, exam_day: dt.date | None = None) -> None:
        super().__init__()
        self.collection = collection
        self.exam_day = exam_day
        self.report: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="stats-body"):
            with Horizontal(id="stats-top"):
                yield Static(id="standing", classes="panel")
                yield Static(id="calendar", classes="panel")
            yield Static(id="forecast", classes="panel")
            yield Static(id="retention", classes="panel")
            yield Static(id="stale", classes="panel")
            if self.exam_day is not None:
                yield Static(id="exam", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stats-body").focus()  # arrow keys and PgDn scroll the figures
        self.refresh_figures()

    def refresh_figures(self) -> None:
        from quizapp.core.parameters import with_saved_parameters

        store = self.collection.store
        parameters = with_saved_parameters(store.settings, store).parameters
        self.report = stats_report(
            self.collection, store.clock.now(), exam_day=self.exam_day, parameters=parameters
        )
        report = self.report
        per_day = {dt.date.fromisoformat(d): n for d, n in report["reviews_per_day"].items()}
        self._fill("#standing", "Where you stand", figures_text(report))
        self._fill("#calendar", f"Reviews, last {len(per_day) // 7} weeks", calendar_text(per_day))
        forecast = report["due_forecast"]
        self._fill(
            "#forecast",
            f"Due in the next {len(forecast)} days: {sum(forecast)}",
            forecast_text(forecast),
        )
        self._fill("#retention", "True retention", retention_text(report["true_retention"]))
        stale = report["stale_cards"]
        self._fill("#stale", f"Stale cards: {stale['count']}", stale_text(stale))
        if "exam" in report:
            exam = report["exam"]
            self._fill("#exam", f"Exam on {exam['date']}", exam_text(exam))

    def _fill(self, selector: str, title: str, body: Text) -> None:
        panel = self.query_one(selector, Static)
        panel.border_title = title
        panel.update(body)

    # -- actions ---------------------------------------------------------------------------

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_optimize(self) -> None:
        self.notify("Fitting FSRS to your reviews…", timeout=2)
        self.run_worker(self._optimize, thread=True, exclusive=True, group="optimize")

    def _optimize(self) -> None:
        from quizapp.core.optimize import OptimizeError

        try:
            fit = fit_learner(self.collection.store)
        except OptimizeError as error:
            self.post_message(self.FitFailed(str(error)))
            return
        self.post_message(self.Fitted(fit))

    def on_stats_screen_fit_failed(self, message: FitFailed) -> None:
        self.notify(message.problem, severity="error", timeout=8, markup=False)

    def on_stats_screen_fitted(self, message: Fitted) -> None:
        self.notify(optimize_notice(message.fit), timeout=10, markup=False)
        self.refresh_figures()


# --- what each panel shows ----------------------------------------------------------------------


def figures_text(report: dict[str, Any]) -> Text:
    cards = report["cards"]
    spent = report["time_spent_seconds"]
    overall = report["true_retention"]["overall"]
    per_day = list(report["reviews_per_day"].values())
    streak = report["streak_days"]
    rows = [
        ("New", f"{cards['new']}  learning {cards['learning']}"),
        ("Review", f"{cards['review']}  relearning {cards['relearning']}"),
        ("Due today", str(report["due_forecast"][0] if report["due_forecast"] else 0)),
        ("Today", f"{report['reviews_today']} reviews, {duration(spent['today'])}"),
        ("Last 7 days", f"{sum(per_day[-7:])} reviews"),
        ("Streak", f"{streak} day" + ("" if streak == 1 else "s")),
        ("Time in all", duration(spent["total"])),
        ("Retention", f"{percent(overall['rate'])} ({overall['passed']}/{overall['reviews']})"),
        ("Parameters", "yours" if report["fsrs_parameters"] == "personal" else "FSRS default"),
    ]
    text = Text()
    for i, (name, value) in enumerate(rows):
        text.append(f"{name:<12}", style="bold")
        text.append(value + ("\n" if i < len(rows) - 1 else ""))
    return text


def calendar_text(per_day: dict[dt.date, int]) -> Text:
    months, rows = heatmap(per_day)
    text = Text(months + "\n", style="dim")
    for label, cells in rows:
        text.append(label, style="dim")
        for cell, level in cells:
            style = "dim" if level == 0 else HEAT_COLOURS[level] if level > 0 else ""
            text.append(cell, style=style)
        text.append("\n")
    text.append(heat_legend(per_day), style="dim")
    return text


def forecast_text(forecast: list[int]) -> Text:
    if not sum(forecast):
        return Text("Nothing falls due in this time.", style="dim")
    chart = bar_chart(forecast)
    indent = chart[0].index("│") + 1
    text = Text()
    for line in chart:
        axis, bars = line[:indent], line[indent:]
        text.append(axis, style="dim")
        text.append(bars + "\n", style="bold" if "─" not in bars else "dim")
    text.append(day_axis(len(forecast), indent=indent), style="dim")
    return text


def _cut(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _retention_table(text: Text, title: str, table: dict[str, dict]) -> None:
    """Two entries a line (name, rate, passed/reviews) to keep long tag lists short."""
    if not table:
        return
    text.append(f"{title}\n", style="bold")
    entries = list(table.items())
    for i, (name, figures) in enumerate(entries):
        text.append_text(literal(_cut(name, 19).ljust(19)))
        counts = f"{figures['passed']}/{figures['reviews']}"
        text.append(f" {percent(figures['rate']):>4} {counts:<9}")
        text.append("\n" if i % 2 or i == len(entries) - 1 else "  ")


def retention_text(retention: dict[str, Any]) -> Text:
    """Answers to cards in the review state that were passed, per deck, tag and source."""
    if not retention["overall"]["reviews"]:
        return Text("No reviews of learnt cards yet.", style="dim")
    text = Text()
    _retention_table(text, "By deck", retention["by_deck"])
    _retention_table(text, "By tag", retention["by_tag"])
    _retention_table(text, "By source document", retention.get("by_source", {}))
    text.rstrip()
    return text


def stale_text(stale: dict[str, Any]) -> Text:
    if not stale["count"]:
        return Text("No card is past its valid_until date.", style="dim")
    text = Text()
    for card in stale["cards"]:
        text.append(f"until {card['valid_until']}  ", style="yellow")
        text.append_text(literal(f"{card['deck']}/{card['card']}: {card['prompt']}"))
        text.append("\n")
    text.rstrip()
    return text


def exam_text(exam: dict[str, Any]) -> Text:
    text = Text(
        f"{exam['days_left']} days left; predicted recall {percent(exam['predicted_recall'])} "
        f"over {exam['cards']} cards ({exam['studied']} studied)\n"
    )
    for tag, recall in exam["by_tag"].items():
        text.append("  ")
        text.append_text(literal(_cut(tag, 34).ljust(34)))
        text.append(f" {percent(recall):>5}\n")
    if exam["at_risk"]:
        text.append("Most at risk\n", style="bold")
    for card in exam["at_risk"]:
        text.append(f"  {percent(card['recall']):>5}  ")
        text.append_text(literal(card["prompt"]))
        text.append("\n")
    text.rstrip()
    return text


def optimize_notice(fit: Fit) -> str:
    report = fit.report
    if report is None or report.candidate is None:
        return f"Nothing changed: {fit.too_few or report.reason}."
    before, after = report.before, report.after
    figures = (
        f"log loss {before.log_loss:.4f} → {after.log_loss:.4f}, "
        f"RMSE(bins) {before.rmse_bins:.4f} → {after.rmse_bins:.4f} "
        f"on {before.n} held-out reviews."
    )
    if report.adopted:
        return f"Adopted parameters fitted to your reviews: {figures} Used from the next start."
    return f"Kept the current parameters: {figures}"
