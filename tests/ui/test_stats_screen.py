"""The stats screen at 80x24: S on the home screen opens it, Esc goes back."""

from __future__ import annotations

from datetime import UTC, date, datetime

from textual.widgets import Static

from quizapp.core.clock import FixedClock
from quizapp.core.collection import Collection
from quizapp.core.settings import Settings
from quizapp.core.stats import StudyDays
from quizapp.core.store import CardKey, Rating
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.stats import StatsScreen
from quizapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import DECKS, make_app, until, wait_loaded

DECK = "every-kind"


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def study(db) -> dict[str, datetime]:
    """Nov 20 10:00 basic-name Easy 4s, cloze-article Easy 3s (new -> review)
    Nov 24 10:00 basic-name Good 5s (review: passed), cloze-article Again 6s (review: failed)
    Nov 25 09:00 tf-food Good 2s (new -> learning); the app opens at 10:00 that day (Wednesday).

    Returns when each card is due next, as the store scheduled it."""
    clock = FixedClock(at(20, 10))
    settings = Settings(timezone="UTC", enable_fuzzing=False)
    collection = Collection.open([DECKS], db, clock=clock, settings=settings)
    store = collection.store
    store.answer(CardKey(DECK, "basic-name"), Rating.easy, duration_ms=4000)
    store.answer(CardKey(DECK, "cloze-article"), Rating.easy, duration_ms=3000)
    clock.set(at(24, 10))
    store.answer(CardKey(DECK, "basic-name"), Rating.good, duration_ms=5000)
    store.answer(CardKey(DECK, "cloze-article"), Rating.again, duration_ms=6000)
    clock.set(at(25, 9))
    store.answer(CardKey(DECK, "tf-food"), Rating.good, duration_ms=2000)
    due = {
        card: store.progress(CardKey(DECK, card)).due
        for card in ("basic-name", "cloze-article", "tf-food")
    }
    collection.close()
    return due


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_stats_screen_shows_the_figures_and_both_charts_at_80x24(db):
    due = study(db)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        # A session summary seen first leaves its stylesheet loaded; the stats layout holds.
        await app.push_screen(SummaryScreen(answered=1, correct=1, seconds=3, next_due=None))
        await pilot.press("enter")
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        standing, calendar_panel = screen.query_one("#standing"), screen.query_one("#calendar")
        assert standing.region.y == calendar_panel.region.y  # side by side, tops level

        figures = text_of(screen, "#standing").splitlines()
        assert "Today       1 reviews, 0m 02s" in figures
        assert "Last 7 days 5 reviews" in figures  # Nov 19-25: 2 + 2 + 1
        assert "Streak      2 days" in figures  # Nov 24 and 25
        assert "Time in all 0m 20s" in figures
        assert "Retention   50% (1/2)" in figures  # of the two answers to cards in review
        assert "Parameters  FSRS default" in figures

        # The calendar: a column per week, Monday first; the busiest days (2 reviews) densest.
        calendar = text_of(screen, "#calendar").splitlines()
        assert calendar[0].split() == ["Sep", "Oct", "Nov"]
        rows = [line.rstrip() for line in calendar[1:8]]  # Monday to Sunday
        assert [row[:4].strip() for row in rows] == ["Mon", "", "Wed", "", "Fri", "", "Sun"]
        assert rows[2].endswith("░░")  # today, Wednesday Nov 25: 1 review
        assert rows[1].endswith("▓▓")  # Tuesday Nov 24: 2 reviews
        assert rows[4].endswith("▓▓")  # Friday Nov 20: 2 reviews (Nov 27 is still to come)
        assert rows[3].endswith("····")  # Thursdays Nov 12 and 19: none
        assert calendar[-1] == "· 0  ░ 1  ▓ 2"
        assert screen.query_one("#calendar").border_title == "Reviews, last 13 weeks"

        # The forecast: every studied card falling due within 30 days, today first.
        days = StudyDays(zone=UTC, rollover_hour=4)
        offsets = [(days.day_of(when) - date(2026, 11, 25)).days for when in due.values()]
        within = [max(0, o) for o in offsets if o < 30]
        forecast = screen.query_one("#forecast", Static)
        assert forecast.border_title == f"Due in the next 30 days: {len(within)}"
        chart = text_of(screen, "#forecast").splitlines()
        assert chart[-1].split()[:2] == ["today", "+7"]
        busiest = max(within.count(d) for d in within)
        assert chart[0].startswith(f"{busiest} │")  # the y axis tops at the busiest day
        indent = chart[0].index("│") + 1
        bottom = chart[5].ljust(indent + 60)  # the lowest row of bars, two columns a day
        drawn = {d for d in range(30) if bottom[indent + 2 * d] != " "}
        assert drawn == set(within)

        # Both charts and the figures fit the 80x24 screen without scrolling.
        for selector in ("#standing", "#calendar", "#forecast"):
            region = screen.query_one(selector).region
            assert region.right <= 80 and region.bottom <= 23, (selector, region)

        # Further down: retention per deck, tag and source, and the stale cards.
        retention = text_of(screen, "#retention")
        assert "every-kind" in retention and "50% 1/2" in retention
        assert "hindu-explained" in retention
        assert text_of(screen, "#stale") == "No card is past its valid_until date."

        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_no_reviews_yet_says_so(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert "Streak      0 days" in text_of(screen, "#standing")
        assert text_of(screen, "#forecast") == "Nothing falls due in this time."
        assert text_of(screen, "#retention") == "No reviews of learnt cards yet."
        # Thirteen weeks of days without a review, all drawn with the lightest character.
        calendar = text_of(screen, "#calendar").splitlines()
        days = "".join(line[4:] for line in calendar[1:8]).replace(" ", "")
        assert days == "·" * 2 * 91
        assert calendar[-1] == "· 0"


async def test_o_fits_parameters_and_the_screen_says_they_are_yours(db):
    from tests.core.test_parameters import fill, saved

    fill(db)  # 120 cards over two months: enough reviews, and better fitted than the defaults
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert "Parameters  FSRS default" in text_of(screen, "#standing")
        await pilot.press("o")
        # The fit runs in a worker thread.
        await until(pilot, lambda: "Parameters  yours" in text_of(screen, "#standing"), "the fit")
    assert saved(db) is not None
