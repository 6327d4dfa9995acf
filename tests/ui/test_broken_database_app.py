"""The app on a broken progress database: it says so, offers the backup, and restores it."""

from quizapp.core.backup import backup_now
from quizapp.core.clock import FixedClock
from quizapp.core.store import CardKey, Rating
from quizapp.ui.screens.broken_database import BrokenDatabaseScreen
from quizapp.ui.screens.home import HomeScreen
from tests.ui.conftest import NOW, make_app, until, wait_loaded


async def test_a_truncated_database_is_offered_its_backup_and_restored(db):
    async with make_app(db).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        pilot.app.collection.store.answer(CardKey("every-kind", "basic-name"), Rating.good)
    backup_now(db, "manual", clock=FixedClock(NOW))
    broken = db.read_bytes()[:4096]
    db.write_bytes(broken)
    for leftover in db.parent.glob(db.name + "-*"):
        leftover.unlink()

    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BrokenDatabaseScreen), "the offer")
        assert db.read_bytes() == broken  # never written while the learner decides
        await pilot.press("r")
        await until(pilot, lambda: app.collection is not None, "loading the restored one")
        assert isinstance(app.screen, HomeScreen)
        log = app.collection.store.review_log()
        assert [(r.key.card_id, r.rating) for r in log] == [("basic-name", Rating.good)]
    assert list(db.parent.glob(db.name + ".damaged-*"))  # the broken file was kept aside
