"""Opening a collection: decks synced into the store, imported history replayed once."""

import textwrap
from datetime import UTC, datetime

from quizapp.core.clock import FixedClock
from quizapp.core.collection import Collection
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Mode

DECK = textwrap.dedent(
    """\
    id: imported
    title: Imported from Anki
    cards:
      - {id: a, kind: basic, question: Capital of France?, answer: Paris}
      - {id: b, kind: basic, question: Capital of Italy?, answer: Rome}
    """
)
HISTORY = (
    "card_id,review_rating,review_time,review_duration\n"
    "a,3,2026-11-01T09:00:00+00:00,4000\n"
    "a,3,2026-11-03T09:00:00+00:00,3000\n"
    "gone,1,2026-11-03T09:05:00+00:00,3000\n"
    "b,1,2026-11-02T09:00:00+00:00,9000\n"
)


def open_collection(tmp_path):
    return Collection.open(
        [tmp_path / "imported.yaml"],
        tmp_path / "progress.sqlite3",
        clock=FixedClock(datetime(2026, 11, 25, 10, 0, tzinfo=UTC)),
        settings=Settings(timezone="UTC", enable_fuzzing=False),
    )


def test_imported_history_becomes_progress_once(tmp_path):
    (tmp_path / "imported.yaml").write_text(DECK)
    (tmp_path / "imported.history.csv").write_text(HISTORY)
    collection = open_collection(tmp_path)
    log = collection.store.review_log()
    assert [(r.key.card_id, int(r.rating), r.mode) for r in log] == [
        ("a", 3, Mode.review),
        ("b", 1, Mode.review),
        ("a", 3, Mode.review),
    ]
    assert log[0].reviewed_at == datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    progress = collection.store.progress(CardKey("imported", "a"))
    assert progress.reps == 2 and progress.state == "review"
    assert not collection.store.can_undo  # history is not undone from review
    collection.close()
    again = open_collection(tmp_path)
    assert len(again.store.review_log()) == 3  # importing twice adds nothing
    again.close()


def test_unreadable_history_is_a_warning_and_changes_nothing(tmp_path):
    (tmp_path / "imported.yaml").write_text(DECK)
    (tmp_path / "imported.history.csv").write_text("card_id,review_rating\na,3\n")
    collection = open_collection(tmp_path)
    assert collection.store.review_log() == []
    about_history = [p for p in collection.problems if p.path.name == "imported.history.csv"]
    assert [p.severity for p in about_history] == ["warning"]
    assert "missing column(s) review_time, review_duration" in about_history[0].message
    collection.close()


def test_parameters_fitted_by_optimize_are_used_by_the_scheduler(tmp_path):
    from fsrs.scheduler import DEFAULT_PARAMETERS

    from quizapp.core.parameters import save_parameters

    (tmp_path / "imported.yaml").write_text(DECK)
    first = open_collection(tmp_path)
    assert first.store.settings.parameters is None
    fitted = tuple(round(p * 1.01, 4) if i == 0 else p for i, p in enumerate(DEFAULT_PARAMETERS))
    save_parameters(first.store, fitted)
    first.close()
    again = open_collection(tmp_path)
    assert again.store.settings.parameters == fitted
    again.close()
