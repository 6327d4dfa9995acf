"""What else moves between machines: renames, reports, fitted parameters; old exports still read."""

import sqlite3
import zipfile
from datetime import UTC, datetime

from quizapp.core import optimize
from quizapp.core.clock import FixedClock
from quizapp.core.parameters import load_parameters, save_parameters
from quizapp.core.progress_io import export_progress, import_progress
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, DeckCard, Mode, Rating, Store

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC", enable_fuzzing=False)
FITTED = tuple(round(w * 1.01, 4) for w in optimize.DEFAULT_PARAMETERS)


def open_store(path):
    return Store.open(path, clock=FixedClock(NOW), settings=SETTINGS)


def rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def laptop(tmp_path):
    path = tmp_path / "laptop.sqlite3"
    with open_store(path) as store:
        store.sync_deck("geo", [DeckCard("capital", "h1", [], [], True)])
        store.answer(CardKey("geo", "capital"), Rating.good)
        store.answer(CardKey("geo", "capital"), Rating.again, mode=Mode.exam, answer="b")
        # Renamed the documented way: the new id names the old one.
        store.sync_deck("geo", [DeckCard("capital-city", "h1", ["capital"], [], True)])
        store.report(CardKey("geo", "capital-city"), "the answer changed in 2024")
        save_parameters(store, FITTED)
    return path


def test_renames_reports_and_parameters_reach_a_new_machine(tmp_path):
    out = tmp_path / "progress.zip"
    with open_store(laptop(tmp_path)) as store:
        export_progress(store, out)
    desktop = tmp_path / "desktop.sqlite3"
    with open_store(desktop) as store:
        report = import_progress(store, out)
        assert load_parameters(store) == FITTED
    assert (report.renames_added, report.reports_added, report.parameters) == (1, 1, "taken")
    assert rows(desktop, "SELECT deck_id, old_id, new_id FROM card_rename") == [
        ("geo", "capital", "capital-city")
    ]
    assert rows(desktop, "SELECT card_id, note FROM card_report") == [
        ("capital-city", "the answer changed in 2024")
    ]
    assert rows(desktop, "SELECT mode FROM review_log ORDER BY reviewed_at, id") == [
        ("review",),
        ("exam",),
    ]
    with open_store(desktop) as store:  # twice: nothing more
        again = import_progress(store, out)
    assert (again.reviews_added, again.renames_added, again.reports_added) == (0, 0, 0)
    assert again.parameters == "same"


def test_parameters_fitted_here_are_kept(tmp_path):
    out = tmp_path / "progress.zip"
    with open_store(laptop(tmp_path)) as store:
        export_progress(store, out)
    desktop = tmp_path / "desktop.sqlite3"
    with open_store(desktop) as store:
        save_parameters(store, optimize.DEFAULT_PARAMETERS)
        report = import_progress(store, out)
        assert load_parameters(store) == optimize.DEFAULT_PARAMETERS
    assert report.parameters == "kept"


def test_an_export_of_the_first_format_is_still_read(tmp_path):
    new, old = tmp_path / "new.zip", tmp_path / "old.zip"
    with open_store(laptop(tmp_path)) as store:
        export_progress(store, new)
    with zipfile.ZipFile(new) as archive:
        members = {n: archive.read(n).decode() for n in archive.namelist()}
    answers = members["answers.csv"].split("\n", 1)[1]  # the first format: all in revlog.csv
    with zipfile.ZipFile(old, "w") as archive:
        archive.writestr("README.txt", "quizapp-progress 1: progress exported\n")
        archive.writestr("revlog.csv", members["revlog.csv"] + answers)
        archive.writestr("cards.csv", members["cards.csv"])
    desktop = tmp_path / "desktop.sqlite3"
    with open_store(desktop) as store:
        report = import_progress(store, old)
    assert (report.reviews_added, report.renames_added, report.parameters) == (2, 0, "")
