"""`quizapp stats` and `quizapp optimize`, and the text charts the stats screen shares.

The figures come from quizapp.core.stats (over the progress database) plus what only the decks
know: which source document a card quotes, and which cards have passed their `valid_until`.
Charts are plain text made of block characters whose density follows the count, so they read
the same without colour (NO_COLOR, a pipe, a screen reader's braille line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from quizapp.cli.registry import command, db_path, default_deck_paths

if TYPE_CHECKING:
    from quizapp.core.collection import Collection
    from quizapp.core.optimize import OptimiseReport
    from quizapp.core.settings import SchedulerSettings
    from quizapp.core.store import Store

HEATMAP_DAYS = 91  # 13 weeks: the last three months
FORECAST_DAYS = 30
AT_RISK = 10
WIDTH = 80

# --- the figures ---------------------------------------------------------------------------


def stats_report(
    collection: Collection,
    now: dt.datetime,
    *,
    exam_day: dt.date | None = None,
    parameters: Sequence[float] | None = None,
) -> dict[str, Any]:
    """Every figure of `quizapp stats --json`, as one JSON-ready dict.

    ``parameters`` are the FSRS weights used to predict recall on ``exam_day`` (None: the
    store's, which default to FSRS's own).
    """
    from quizapp.core import stats
    from quizapp.core.collection import SOURCE_TAG
    from quizapp.core.exam_date import exam_outlook
    from quizapp.core.store import CardKey

    store = collection.store
    days = stats.StudyDays.from_settings(store.settings)
    today = days.day_of(now)
    cards = [(loaded.deck.id, card) for loaded in collection.decks for card in loaded.deck.cards]
    sources = {CardKey(d, c.id): c.source.document for d, c in cards if c.source is not None}
    report = stats.overview(
        store.connection,
        days,
        now,
        sources=sources,
        heatmap_days=HEATMAP_DAYS,
        horizon=FORECAST_DAYS,
    )
    # The store indexes each card's document as a tag too (for filtering); per tag here means
    # what the card asks (dates, articles, implications), documents have their own table.
    retention = report["true_retention"]
    retention["by_tag"] = {
        k: v for k, v in retention["by_tag"].items() if not k.startswith(SOURCE_TAG)
    }
    report["study_day_starts_at_hour"] = days.rollover_hour
    report["fsrs_parameters"] = "default" if parameters is None else "personal"
    stale = [
        {
            "deck": deck_id,
            "card": card.id,
            "valid_until": card.valid_until.isoformat(),
            "prompt": card.prompt,
        }
        for deck_id, card in cards
        if card.is_stale(today)
    ]
    report["stale_cards"] = {"count": len(stale), "cards": stale}
    # Which wrong options learners pick: a deck author's view of misconceptions.
    from quizapp.quiz.stats import distractor_stats

    report["wrong_options"] = [
        {
            "deck": c.deck_id,
            "card": c.card_id,
            "attempts": c.attempts,
            "wrong": c.wrong,
            "picks": [list(p) for p in c.picks],
        }
        for c in sorted(distractor_stats(store.connection), key=lambda c: -c.wrong)
        if c.wrong
    ]
    if exam_day is not None:
        studyable = [
            (loaded.deck.id, c) for loaded in collection.decks for c in loaded.studyable_cards
        ]
        progress = [store.progress(CardKey(d, c.id)) for d, c in studyable]
        groups = {
            CardKey(d, c.id): [t for t in c.tags if not t.startswith(SOURCE_TAG)]
            for d, c in studyable
        }
        prompts = {CardKey(d, c.id): c.prompt for d, c in studyable}
        outlook = exam_outlook(
            progress,
            exam_day,
            groups=groups,
            parameters=parameters,
            days=days,
            at_risk=AT_RISK,
        )
        report["exam"] = {
            "date": exam_day.isoformat(),
            "days_left": (exam_day - today).days,
            "cards": outlook.cards,
            "studied": sum(p.stability is not None for p in progress),
            "predicted_recall": outlook.overall,
            "by_tag": outlook.by_group,
            "at_risk": [
                {"deck": key.deck_id, "card": key.card_id, "recall": recall, "prompt": prompts[key]}
                for key, recall in outlook.at_risk
            ],
        }
    return report


# --- text charts ------------------------------------------------------------------------------

_EIGHTHS = " ▁▂▃▄▅▆▇█"
# Heat levels from none to most: each denser than the last, so no colour is needed.
HEAT = "·░▒▓█"
HEAT_LABEL = 4  # columns for the weekday names


def bar_chart(values: Sequence[int], *, height: int = 6) -> list[str]:
    """Vertical bars, one column each plus a gap, eighth blocks for the tops; y axis on the
    left (the largest value at the top). Any non-zero value shows at least a sliver."""
    top = max(values, default=0)
    label = len(str(top))
    eighths = []
    for value in values:
        size = round(value / top * height * 8) if top else 0
        eighths.append(max(size, 1) if value else 0)
    lines = []
    for row in range(height, 0, -1):
        cells = "".join(_EIGHTHS[max(0, min(8, e - (row - 1) * 8))] + " " for e in eighths)
        axis = str(top).rjust(label) if row == height else " " * label
        lines.append(f"{axis} │{cells}".rstrip())
    lines.append(" " * label + " └" + "─" * (2 * len(values)))
    return lines


def day_axis(count: int, *, indent: int, every: int = 7) -> str:
    """Labels under a bar chart: today, +7, +14 ... at their columns (two per day)."""
    line = ""
    for day in range(0, count, every):
        text = "today" if day == 0 else f"+{day}"
        column = indent + 2 * day
        if len(line) < column:
            line = line.ljust(column)
        elif line:
            continue  # no room for this label
        line += text
    return line


def heat_levels(counts: Sequence[int]) -> list[int]:
    """Upper bound of each level 1-4 (level 0 is no review), quarters of the busiest day."""
    top = max(counts, default=0)
    return [math.ceil(top * k / 4) for k in range(1, 5)]


def heat_level(count: int, bounds: Sequence[int]) -> int:
    if count <= 0:
        return 0
    return next((i + 1 for i, bound in enumerate(bounds) if count <= bound), len(bounds))


def heatmap(per_day: dict[dt.date, int]) -> tuple[str, list[tuple[str, list[tuple[str, int]]]]]:
    """A calendar of weeks (columns, two characters each) by weekday (rows, Monday first).

    Returns the line of month names, placed above the week each month starts in, and the rows
    as (weekday label, cells): each cell a two-character text and its level 0-4, or -1 for a
    day outside the range (blank).
    """
    ordered = sorted(per_day)
    if not ordered:
        return "", []
    first, last = ordered[0], ordered[-1]
    monday = first - dt.timedelta(days=first.weekday())
    weeks = (last - monday).days // 7 + 1
    starts = [
        ((day - monday).days // 7, day.strftime("%b"))
        for day in (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        if day.day == 1
    ]
    # The first, partial month is named only if its name fits before the next month's.
    if first.day != 1 and (not starts or starts[0][0] >= 2):
        starts.insert(0, (0, first.strftime("%b")))
    months = ""
    for week, name in starts:
        column = HEAT_LABEL + 2 * week
        if len(months) <= column - (1 if months else 0):
            months = months.ljust(column) + name
    bounds = heat_levels(list(per_day.values()))
    rows = []
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        cells = []
        for week in range(weeks):
            day = monday + dt.timedelta(weeks=week, days=weekday)
            if first <= day <= last:
                level = heat_level(per_day[day], bounds)
                cells.append((HEAT[level] * 2, level))
            else:
                cells.append(("  ", -1))
        rows.append((name.ljust(HEAT_LABEL), cells))
    return months, rows


def heat_legend(per_day: dict[dt.date, int]) -> str:
    bounds = heat_levels(list(per_day.values()))
    parts, low = [f"{HEAT[0]} 0"], 1
    for level, bound in enumerate(bounds, start=1):
        if bound < low:
            continue
        parts.append(f"{HEAT[level]} {low}" + (f"-{bound}" if bound > low else ""))
        low = bound + 1
    return "  ".join(parts)


# --- plain text --------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str, width: int | None = None) -> str:
    """Deck text for the terminal: control characters escaped, cut to ``width`` with '…'."""
    shown = _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], " ".join(text.split()))
    if width is not None and len(shown) > width:
        shown = shown[: max(0, width - 1)] + "…"
    return shown


def percent(rate: float | None) -> str:
    return "-" if rate is None else f"{100 * rate:.0f}%"


def duration(seconds: float) -> str:
    """4m 05s, 2h 03m."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m {secs:02d}s"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _retention_rows(title: str, table: dict[str, dict]) -> list[str]:
    if not table:
        return []
    lines = [f"  {title}"]
    for name, figures in table.items():
        lines.append(
            f"    {plain(name, 40):<40} {percent(figures['rate']):>5}"
            f"  {figures['passed']:>5} / {figures['reviews']}"
        )
    return lines


def summary_lines(report: dict[str, Any]) -> list[str]:
    """The headline figures: cards, reviews, streak, time, retention (the screen shows these)."""
    cards = report["cards"]
    per_day = list(report["reviews_per_day"].values())
    spent = report["time_spent_seconds"]
    overall = report["true_retention"]["overall"]
    return [
        f"Cards      {cards['new']} new · {cards['learning']} learning · "
        f"{cards['review']} review · {cards['relearning']} relearning",
        f"Reviews    {report['reviews_today']} today · {sum(per_day[-7:])} in 7 days · "
        f"{sum(per_day)} in {len(per_day)} days",
        f"Streak     {_plural(report['streak_days'], 'day')}",
        f"Time       {duration(spent['today'])} today · {duration(spent['total'])} in all",
        f"Retention  {percent(overall['rate'])} true retention "
        f"({overall['passed']} of {overall['reviews']} reviews passed)",
    ]


def render_text(report: dict[str, Any]) -> str:
    """`quizapp stats` for a person: every line within 80 columns."""
    lines = [
        f"Statistics for the study day {report['today']} "
        f"(days start at {report['study_day_starts_at_hour']:02d}:00)",
        "",
        *summary_lines(report),
        "",
        "True retention: answers to cards in review, passed (Hard, Good or Easy)",
    ]
    retention = report["true_retention"]
    lines += _retention_rows("by deck", retention["by_deck"])
    lines += _retention_rows("by tag", retention["by_tag"])
    lines += _retention_rows("by source document", retention.get("by_source", {}))
    if not retention["overall"]["reviews"]:
        lines.append("  no reviews of learnt cards yet")

    forecast = report["due_forecast"]
    lines += ["", f"Due in the next {len(forecast)} days: {sum(forecast)} (today with overdue)"]
    if sum(forecast):
        chart = bar_chart(forecast)
        indent = chart[0].index("│") + 1
        lines += chart + [day_axis(len(forecast), indent=indent)]

    per_day = {dt.date.fromisoformat(d): n for d, n in report["reviews_per_day"].items()}
    lines += ["", f"Reviews per day, last {len(per_day)} days"]
    months, rows = heatmap(per_day)
    lines.append(months)
    for label, cells in rows:
        lines.append((label + "".join(text for text, _ in cells)).rstrip())
    lines.append(" " * HEAT_LABEL + heat_legend(per_day))

    stale = report["stale_cards"]
    lines += ["", f"Stale cards (past their valid_until date): {stale['count']}"]
    for card in stale["cards"]:
        head = f"  {plain(card['deck'] + '/' + card['card'], 34):<34} {card['valid_until']}  "
        lines.append(head + plain(card["prompt"], WIDTH - len(head)))

    if "exam" in report:
        exam = report["exam"]
        lines += [
            "",
            f"Exam on {exam['date']} ({_plural(exam['days_left'], 'day')} left): predicted recall "
            f"{percent(exam['predicted_recall'])}",
            f"  over {exam['cards']} cards, {exam['studied']} studied (a new card counts as 0%)",
        ]
        for tag, recall in exam["by_tag"].items():
            lines.append(f"    {plain(tag, 40):<40} {percent(recall):>5}")
        if exam["at_risk"]:
            lines.append("  most at risk of being forgotten by then:")
        for card in exam["at_risk"]:
            name = plain(card["deck"] + "/" + card["card"], 30)
            head = f"  {percent(card['recall']):>5}  {name:<30} "
            lines.append(head + plain(card["prompt"], WIDTH - len(head)))

    picks = report.get("wrong_options", [])
    lines += ["", f"Wrong options picked in quizzes and exams: {len(picks)} card(s)"]
    for card in picks[:10]:
        name = plain(card["deck"] + "/" + card["card"], 34)
        head = f"  {name:<34} {card['wrong']}/{card['attempts']} wrong: "
        chosen = "; ".join(f"{option} ×{n}" for option, n in card["picks"])
        lines.append(head + plain(chosen, WIDTH - len(head)))

    lines += [
        "",
        "Scheduler: your own FSRS parameters (from `quizapp optimize`)"
        if report["fsrs_parameters"] == "personal"
        else "Scheduler: FSRS default parameters; `quizapp optimize` fits your own",
    ]
    return "\n".join(lines)


# --- opening the learner's data -------------------------------------------------------------------


def scheduler_settings() -> tuple[SchedulerSettings, list[str]]:
    """The settings file's day boundary and scheduling choices, and its problems."""
    from quizapp.config import load_settings
    from quizapp.core.settings import from_learner_settings

    chosen, problems = load_settings()
    # The exam date is chosen per command (--exam-date) here, not taken from the file.
    settings = replace(from_learner_settings(chosen), exam_date=None)
    return settings, problems


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time with a zone; use e.g. 2026-11-25T10:00+00:00"
        )
    return moment.astimezone(dt.UTC)


def _fail(message: str) -> int:
    print(f"quizapp: {message}", file=sys.stderr)
    return 2


def _json_default(value: object) -> object:
    raise TypeError(f"not JSON: {value!r}")


def _dump(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_json_default)


# --- quizapp stats --------------------------------------------------------------------------------


@command("stats", "where you stand: cards, reviews, retention, forecast, streak")
def stats_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp stats",
        description="Cards by state, reviews per day, the 30-day due forecast, true retention "
        "(per deck, tag and source), time spent, streak, stale cards; with --exam-date, "
        "predicted recall on the exam day.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    parser.add_argument("--db", help="progress database (default: $QUIZAPP_DB or the data dir)")
    parser.add_argument(
        "--exam-date", type=_iso_date, metavar="YYYY-MM-DD", help="predict recall on this day"
    )
    parser.add_argument(
        "--now",
        type=_moment,
        metavar="DATETIME",
        help="work the figures out as at this moment (ISO, with zone; default: now)",
    )
    args = parser.parse_args(argv)

    from quizapp.core.clock import FixedClock, SystemClock
    from quizapp.core.collection import Collection
    from quizapp.core.parameters import with_saved_parameters
    from quizapp.core.schema import StoreError
    from quizapp.core.stats import StudyDays

    clock = FixedClock(args.now) if args.now else SystemClock()
    now = clock.now()
    settings, problems = scheduler_settings()
    for problem in problems:
        print(f"quizapp: {problem}", file=sys.stderr)
    today = StudyDays.from_settings(settings).day_of(now)
    if args.exam_date is not None and args.exam_date <= today:
        return _fail(
            f"--exam-date {args.exam_date} is not after today ({today}); give the exam's date"
        )
    db = db_path(args.db)
    if not db.exists():
        # Nothing studied yet: every card is new. Say so rather than create the file.
        print(f"quizapp: no progress database at {db} yet: every card is new", file=sys.stderr)
    try:
        collection = Collection.open(
            default_deck_paths(), db if db.exists() else ":memory:", clock=clock, settings=settings
        )
    except (StoreError, OSError) as error:
        return _fail(str(error))
    try:
        errors = [p for p in collection.problems if p.severity == "error"]
        if errors:
            print(
                f"quizapp: {_plural(len(errors), 'problem')} kept some decks from loading; "
                "run `quizapp check`",
                file=sys.stderr,
            )
        parameters = with_saved_parameters(settings, collection.store.connection).parameters
        report = stats_report(collection, now, exam_day=args.exam_date, parameters=parameters)
    finally:
        collection.close()
    print(_dump(report) if args.json else render_text(report))
    return 0


# --- quizapp optimize ----------------------------------------------------------------------------


def _metrics_json(metrics) -> dict[str, float | int | None]:
    def number(x: float) -> float | None:
        return None if math.isnan(x) else x

    return {
        "log_loss": number(metrics.log_loss),
        "rmse_bins": number(metrics.rmse_bins),
        "n": metrics.n,
    }


def optimize_json(report: OptimiseReport, saved: bool) -> dict[str, Any]:
    return {
        "adopted": report.adopted,
        "saved": saved,
        "reason": report.reason,
        "train_reviews": report.train_reviews,
        "held_out_since": report.held_out_since.isoformat() if report.held_out_since else None,
        "before": _metrics_json(report.before),
        "after": _metrics_json(report.after),
        "parameters": list(report.parameters),
        "candidate": None if report.candidate is None else list(report.candidate),
    }


def optimize_text(report: OptimiseReport, saved: bool, personal_before: bool) -> str:
    def figure(x: float) -> str:
        return "     -" if math.isnan(x) else f"{x:6.4f}"

    since = report.held_out_since
    lines = [
        "Current parameters: "
        + ("your own, from an earlier fit" if personal_before else "FSRS's defaults"),
        f"Fitted on {report.train_reviews} earlier reviews; scored on the "
        f"{report.before.n} latest" + (f" (since {since.date()})" if since else ""),
        "",
        "parameters  log loss  RMSE(bins)",
        f"current       {figure(report.before.log_loss)}      {figure(report.before.rmse_bins)}",
        f"fitted        {figure(report.after.log_loss)}      {figure(report.after.rmse_bins)}",
        "",
        *textwrap.wrap(
            "Lower is better. Adopted: " + ("yes, " if report.adopted else "no, ") + report.reason,
            WIDTH,
        ),
    ]
    if saved:
        lines.append("Saved in the progress database: the scheduler uses them from the next start.")
    else:
        lines.append("Nothing changed: the scheduler keeps the current parameters.")
    return "\n".join(lines)


MIN_SCORED_REVIEWS = 100  # a fifth held out: at least 20 reviews to judge the fit on


@dataclass(frozen=True)
class Fit:
    """What fitting the learner's log came to; ``report`` None when there were too few reviews
    (``too_few`` says how many and how many are needed)."""

    report: OptimiseReport | None
    saved: bool
    personal_before: bool
    too_few: str = ""


def fit_learner(store: Store) -> Fit:
    """Fit FSRS to the store's review log, judged against the parameters in use (the saved
    ones, if any), and save the fitted ones when adopted. OptimiseError if the log or the saved
    parameters cannot be used."""
    from zoneinfo import ZoneInfo

    from quizapp.core.optimize import optimise_store, review_rows, scored_reviews
    from quizapp.core.parameters import save_parameters, with_saved_parameters
    from quizapp.core.store import Store

    current = with_saved_parameters(store.settings, store.connection)
    personal = current.parameters is not None
    scored = scored_reviews(
        review_rows(store.review_log()),
        timezone=ZoneInfo(current.timezone) if current.timezone else None,
        rollover_hour=current.rollover_hour,
    )
    if len(scored) < MIN_SCORED_REVIEWS:
        return Fit(
            None,
            False,
            personal,
            f"{_plural(len(scored), 'review')} after a gap of a day or more so far, and "
            f"fitting needs {MIN_SCORED_REVIEWS} (a fifth are held out to test the fit); keep "
            "reviewing and try again later",
        )
    if current is not store.settings:
        # Fitting draws no random numbers; the constructor still wants a source.
        store = Store(store.connection, store.clock, current, random.Random(0))
    report = optimise_store(store)
    if report.adopted:
        save_parameters(store.connection, report.parameters)
    return Fit(report, report.adopted, personal)


@command("optimize", "fit FSRS to your own reviews; adopt only if it predicts better")
def optimize_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp optimize",
        description="Fit FSRS parameters to your review log (earliest 80% of reviews after a "
        "gap of a day), compare log loss and RMSE(bins) on the latest 20% with the current "
        "parameters, and keep the fitted ones only if both are lower.",
    )
    parser.add_argument("--db", help="progress database (default: $QUIZAPP_DB or the data dir)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    parser.add_argument(
        "--reset", action="store_true", help="forget fitted parameters: back to FSRS's defaults"
    )
    args = parser.parse_args(argv)

    db = db_path(args.db)
    if not db.exists():
        message = f"no progress database at {db} yet: review some cards first; nothing changed"
        print(
            _dump({"adopted": False, "saved": False, "reason": message}) if args.json else message
        )
        return 0

    from quizapp.core.optimize import OptimiseError
    from quizapp.core.parameters import clear_parameters
    from quizapp.core.schema import StoreError
    from quizapp.core.store import Store

    settings, problems = scheduler_settings()
    for problem in problems:
        print(f"quizapp: {problem}", file=sys.stderr)
    try:
        store = Store.open(db, settings=settings)
    except (StoreError, OSError) as error:
        return _fail(str(error))
    with store:
        if args.reset:
            cleared = clear_parameters(store.connection)
            print(
                "Fitted parameters forgotten: FSRS's defaults apply from the next start."
                if cleared
                else "No fitted parameters were saved: FSRS's defaults apply already."
            )
            return 0
        try:
            fit = fit_learner(store)
        except OptimiseError as error:
            return _fail(f"{db}: {error}")
    report = fit.report
    if args.json:
        data = {"adopted": False, "saved": False, "reason": fit.too_few}
        print(_dump(data if report is None else optimize_json(report, fit.saved)))
    elif report is None or report.candidate is None:
        reason = fit.too_few or (report.reason if report else "")
        print(textwrap.fill(f"Nothing changed: {reason}.", WIDTH))
    else:
        print(optimize_text(report, fit.saved, fit.personal_before))
    return 0
