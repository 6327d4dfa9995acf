"""The app on a read-only progress database: it says so, and offers practice that saves nothing.

As root, file permissions are not enforced, so the app runs in a child process without that
power (as a learner has none); otherwise in a child process too, to run the same way.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quizapp.core.store import Store
from tests.core.test_refused_databases import folder_state

ROOT = Path(__file__).resolve().parents[2]

RUN_APP = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from tests.ui.conftest import make_app, notices, until, wait_loaded, wait_for_screen
    from quizapp.ui.screens.review import ReviewScreen

    async def main():
        app = make_app(Path(sys.argv[1]))
        seen = {}
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await wait_loaded(pilot)
            await until(pilot, lambda: notices(app), "the notice")
            seen["title"] = app.title
            seen["notices"] = notices(app)
            await pilot.press("enter")
            screen = await wait_for_screen(pilot, ReviewScreen)
            await until(pilot, lambda: screen.card is not None, "a card")
            first = screen.key
            await pilot.press("space")
            await until(pilot, lambda: screen.phase == "answered", "the answer")
            await pilot.press("3")
            await until(pilot, lambda: screen.key != first, "the next card")
            seen["answered"] = screen.tally.answered
            seen["running"] = app.is_running
        print(json.dumps(seen))

    asyncio.run(main())
    """
)


def run_app_as_learner(db: Path) -> dict:
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: file permissions are not enforced")
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, "--bounding-set", caps, "--inh-caps", caps]
    run = subprocess.run(
        [*prefix, sys.executable, "-c", RUN_APP, str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none", "QUIZAPP_CONFIG": os.devnull},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("where", ["file", "folder"])
def test_the_app_says_nothing_is_saved_and_practice_works(tmp_path, where):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "progress.sqlite3"
    Store.open(db).close()
    if where == "file":
        db.chmod(0o444)
    else:
        folder.chmod(0o555)
    before = folder_state(folder)
    try:
        seen = run_app_as_learner(db)
        assert folder_state(folder) == before  # nothing written, nothing made beside it
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert "NOTHING IS SAVED" in seen["title"]
    [notice] = [n for n in seen["notices"] if "progress cannot be saved" in n]
    expected = "the file is read-only" if where == "file" else f"its folder {folder} is read-only"
    assert "".join(expected.split()) in "".join(notice.split())  # the toast wraps its lines
    assert seen["running"] and seen["answered"] == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM review_log").fetchone() == (0,)
