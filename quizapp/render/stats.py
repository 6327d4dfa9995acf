"""`quizapp stats` for a person: the report of quizapp.quiz.report as lines of text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from quizapp.render.charts import HEAT_LABEL, bar_chart, day_axis, heat_legend, heatmap
from quizapp.render.numbers import duration, percent, plain, plural

WIDTH = 80


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
        f"Streak     {plural(report['streak_days'], 'day')}",
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
            f"Exam on {exam['date']} ({plural(exam['days_left'], 'day')} left): predicted recall "
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
