"""The card browser as drawn at 80x24 on the test decks, held by pytest-textual-snapshot.

Some cards answered, one suspended, one flagged and one buried, on a frozen clock,
so the picture shows each column filled. After a deliberate change of look:
`pytest tests/ui/test_browser_snapshot.py --snapshot-update`.
"""

from quizapp.core.store import CardKey, Rating
from quizapp.ui.screens.browser import BrowserScreen
from tests.ui.conftest import make_app, until, wait_loaded


def K(card_id: str) -> CardKey:
    return CardKey("every-kind", card_id)


def test_browser(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")

    async def run_before(pilot) -> None:
        await wait_loaded(pilot)
        store = pilot.app.collection.store
        store.answer(K("basic-name"), Rating.easy)
        store.answer(K("cloze-article"), Rating.good)
        store.answer(K("tf-food"), Rating.again)
        store.suspend([K("mcq-article")])
        store.set_flag([K("cloze-article")], 1)
        store.bury([K("order-visits")])
        screen = BrowserScreen(pilot.app.collection)
        pilot.app.push_screen(screen)
        await until(pilot, lambda: screen.results_for == "", "the browser showing its cards")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
