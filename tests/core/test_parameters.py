"""Fitted FSRS parameters are kept only when adopted; a store opened later schedules with them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import fsrs
import pytest

from quizapp.cli import main
from quizapp.core import optimize
from quizapp.core.clock import FixedClock
from quizapp.core.parameters import (
    clear_parameters,
    load_parameters,
    save_parameters,
    with_saved_parameters,
)
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Rating, Store

T0 = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC", enable_fuzzing=False)
GAPS = (1, 3, 1, 4, 1, 6)


def forgets_after_long_gaps(gap: int, recalled_from: datetime | None, when: datetime) -> Rating:
    """A learner who forgets whatever waited 3 days or more, unless ``when`` is on or after
    ``recalled_from`` (then everything is recalled)."""
    if recalled_from is not None and when >= recalled_from:
        return Rating.good
    return Rating.again if gap >= 3 else Rating.good


def timeline(cards: int, recalled_from: datetime | None) -> list[tuple[datetime, int, Rating]]:
    """Each card Good on its first day, then answered after gaps of 1, 3, 1, 4, 1, 6 days;
    cards start on staggered days so the reviews spread over two months."""
    answers = []
    for c in range(cards):
        day = c % 30
        answers.append((T0 + timedelta(days=day), c, Rating.good))
        for gap in GAPS:
            day += gap
            when = T0 + timedelta(days=day, minutes=c)
            answers.append((when, c, forgets_after_long_gaps(gap, recalled_from, when)))
    return sorted(answers)


def fill(db: Path, *, cards: int = 120, recalled_from: datetime | None = None) -> None:
    """The timeline answered through the store, as the review screen would."""
    answers = timeline(cards, recalled_from)
    clock = FixedClock(T0)
    with Store.open(db, clock=clock, settings=SETTINGS) as store:
        store.sync_deck("d", [(f"c{c}", f"h{c}", [], [], True) for c in range(cards)])
        for when, c, rating in answers:
            clock.set(when)
            store.answer(CardKey("d", f"c{c}"), rating)


def saved(db: Path) -> tuple[float, ...] | None:
    store = Store.peek(db)
    assert store is not None
    try:
        return load_parameters(store)
    finally:
        store.close()


def intervals(parameters) -> dict[Rating, timedelta]:
    """What the review screen shows for each grade of a card answered Good once, a day ago."""
    scheduler = fsrs.Scheduler(parameters=parameters, enable_fuzzing=False)
    card, _ = scheduler.review_card(fsrs.Card(card_id=0, due=T0), fsrs.Rating.Good, T0)
    card, _ = scheduler.review_card(card, fsrs.Rating.Good, T0 + timedelta(minutes=10))
    now = T0 + timedelta(days=1)
    return {r: scheduler.review_card(card, fsrs.Rating(int(r)), now)[0].due - now for r in Rating}


def store_intervals(db: Path) -> dict[Rating, timedelta]:
    """The same, from a store opened as the app opens it: settings plus the saved parameters."""
    clock = FixedClock(T0)
    with Store.open(db, clock=clock, settings=SETTINGS) as plain:
        settings = with_saved_parameters(SETTINGS, plain)
    with Store.open(db, clock=clock, settings=settings) as store:
        store.sync_deck("probe", [("p", "h", [], [], True)])
        key = CardKey("probe", "p")
        store.answer(key, Rating.good)
        clock.set(T0 + timedelta(minutes=10))
        store.answer(key, Rating.good)
        clock.set(T0 + timedelta(days=1))
        return store.preview_intervals(key)


def test_adopted_parameters_are_saved_and_used_by_the_next_store(tmp_path, capsys):
    db = tmp_path / "p.sqlite3"
    fill(db)
    assert saved(db) is None

    assert main(["optimize", "--db", str(db)]) == 0

    out = capsys.readouterr().out
    assert "Adopted: yes" in out
    assert "Saved in the progress database" in out
    fitted = saved(db)
    assert fitted is not None and fitted != optimize.DEFAULT_PARAMETERS
    assert optimize.scheduler_accepts(fitted)
    # The scheduler of a store opened afterwards uses them: the intervals the learner sees are
    # FSRS's with the fitted weights, no longer the defaults'.
    shown = store_intervals(db)
    assert shown == intervals(fitted)
    assert shown[Rating.good] != intervals(optimize.DEFAULT_PARAMETERS)[Rating.good]


def test_parameters_that_predict_worse_are_not_saved_and_the_old_ones_stay(tmp_path, capsys):
    db = tmp_path / "p.sqlite3"
    fill(db)
    # Saved earlier: parameters fitted on all these reviews, test folds included; fitting again
    # on only the reviews before each fold cannot predict that fold as well.
    with Store.open(db) as store:
        zone = ZoneInfo(store.settings.timezone) if store.settings.timezone else None
        rows = optimize.review_rows(store.review_log())
        earlier = optimize.fit_parameters(
            rows, timezone=zone, rollover_hour=store.settings.rollover_hour
        )
        save_parameters(store, earlier)

    assert main(["optimize", "--db", str(db)]) == 0

    out = capsys.readouterr().out
    assert "Current parameters: your own, from an earlier fit" in out  # judged against them
    assert "Adopted: no" in out
    assert "Nothing changed: the scheduler keeps the current parameters." in out
    assert saved(db) == earlier


def test_too_few_reviews_say_so_and_change_nothing(tmp_path, capsys):
    db = tmp_path / "p.sqlite3"
    fill(db, cards=2)  # 2 cards x 6 answers after a gap: 12 reviews fitting could use

    assert main(["optimize", "--db", str(db)]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith(
        "Nothing changed: 12 reviews after a gap of a day or more so far, and fitting needs 100"
    )
    assert saved(db) is None


def test_optimize_json_reports_both_figures_and_the_decision(tmp_path, capsys):
    import json

    db = tmp_path / "p.sqlite3"
    fill(db)

    assert main(["optimize", "--db", str(db), "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert report["adopted"] is True and report["saved"] is True
    assert report["before"]["n"] == report["after"]["n"] > 0
    assert report["after"]["log_loss"] < report["before"]["log_loss"]
    assert report["after"]["rmse_bins"] < report["before"]["rmse_bins"]
    assert tuple(report["parameters"]) == saved(db)


def test_refused_parameters_are_never_saved_and_reset_forgets(tmp_path, capsys):
    db = tmp_path / "p.sqlite3"
    with Store.open(db) as store:
        assert load_parameters(store) is None

        with pytest.raises(ValueError, match="the scheduler would refuse"):
            save_parameters(store, (1.0, 2.0, 3.0))
        assert load_parameters(store) is None

        save_parameters(store, optimize.DEFAULT_PARAMETERS)
        assert load_parameters(store) == optimize.DEFAULT_PARAMETERS
        # Settings that name their own parameters keep them.
        own = Settings(parameters=optimize.DEFAULT_PARAMETERS[:-1] + (0.2,))
        assert with_saved_parameters(own, store) is own

    assert main(["optimize", "--db", str(db), "--reset"]) == 0
    assert "Fitted parameters forgotten" in capsys.readouterr().out
    assert saved(db) is None
    with Store.open(db) as store:
        assert clear_parameters(store) is False


def test_a_saved_value_the_scheduler_would_refuse_is_ignored(tmp_path):
    db = tmp_path / "p.sqlite3"
    with Store.open(db) as store:
        save_parameters(store, optimize.DEFAULT_PARAMETERS)
    with sqlite3.connect(db) as conn:  # hand-edited
        conn.execute("UPDATE setting SET value = '[1, 2, 3]'")
    with Store.open(db) as store:
        assert load_parameters(store) is None
        assert with_saved_parameters(SETTINGS, store) is SETTINGS
