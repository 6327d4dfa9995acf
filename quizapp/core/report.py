"""The study figures of `quizapp stats` and the stats screen, as one JSON-ready dict.

The figures come from quizapp.core.stats (over the progress database) plus what only the decks
know: which source document a card quotes, and which cards have passed their `valid_until`.
What quiz and exam answers add (the wrong options picked) is quizapp.quiz.report's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.collection import Collection

HEATMAP_DAYS = 91  # 13 weeks: the last three months
FORECAST_DAYS = 30
AT_RISK = 10


def stats_report(
    collection: Collection,
    now: dt.datetime,
    *,
    exam_day: dt.date | None = None,
    parameters: Sequence[float] | None = None,
) -> dict[str, Any]:
    """Cards, reviews, retention, forecast, streak, stale cards and the exam outlook.

    ``parameters`` are the FSRS weights used to predict recall on ``exam_day`` (None: the
    store's, which default to FSRS's own).
    """
    from quizapp.core import stats
    from quizapp.core.exam_date import exam_outlook
    from quizapp.core.storage.queues import SOURCE_TAG
    from quizapp.core.store import CardKey

    store = collection.store
    days = stats.StudyDays.from_settings(store.settings)
    today = days.day_of(now)
    cards = [(loaded.deck.id, card) for loaded in collection.decks for card in loaded.deck.cards]
    sources = {CardKey(d, c.id): c.source.document for d, c in cards if c.source is not None}
    report = stats.overview(
        store,
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
