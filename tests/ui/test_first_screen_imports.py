"""The first screen is drawn before the deck models, the YAML parsers and the scheduler are
imported: the deck list with its counts (`quizapp`) and the first card with what to press
(`quizapp --review`), on decks compiled by an earlier start. Each runs the app in a fresh
process that notes, when one of those modules is first imported, what was on screen."""

import json
import subprocess
import sys

from tests.ui.conftest import make_app, wait_loaded

HEAVY = ["pydantic", "yaml_rs", "yaml", "fsrs", "textual_image", "PIL"]

SCRIPT = """
import asyncio, json, sys
from pathlib import Path

HEAVY = set(json.loads(sys.argv[1]))
db, review = Path(sys.argv[2]), sys.argv[3] == "review"
seen = {}  # heavy module -> what was on screen when it was first imported
app = None


def drawn():
    if app is None or not app.is_running:
        return "nothing"
    from textual.widgets import DataTable

    screen = app.screen
    if review:
        return "card" if screen.query("#first-hint") or screen.query("#grades") else "no card"
    tables = screen.query(DataTable)
    return "deck list" if tables and tables.first().row_count else "no deck list"


class Watch:
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top in HEAVY and top not in seen:
            seen[top] = drawn()
        return None


sys.meta_path.insert(0, Watch())
sys.path.insert(0, sys.argv[4])
from tests.ui.conftest import make_app, until  # noqa: E402

app = make_app(db)
app.start_review = review


async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.collection is not None, "the decks loaded")


asyncio.run(main())
print(json.dumps(seen))
"""


async def test_nothing_heavy_is_imported_before_the_first_screen(db, tmp_path):
    async with make_app(db).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)  # a first start: the decks compiled, the database filled
    from tests.conftest import ROOT

    script = tmp_path / "first_screen.py"
    script.write_text(SCRIPT, encoding="utf-8")
    for mode, first_screen in (("home", "deck list"), ("review", "card")):
        run = subprocess.run(
            [sys.executable, str(script), json.dumps(HEAVY), str(db), mode, str(ROOT)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        seen = json.loads(run.stdout.strip().splitlines()[-1])
        assert "pydantic" in seen and "fsrs" in seen  # loaded later, once the decks load
        early = {module: when for module, when in seen.items() if when != first_screen}
        assert early == {}, f"{mode}: imported before the {first_screen} was drawn"
