"""`quizapp check` as a deck author runs it, in a subprocess like their CI would."""

import subprocess
import sys
import textwrap

from tests.deck.conftest import GOOD


def quizapp(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args], capture_output=True, text=True, cwd=cwd
    )


def test_check_bundled_decks_passes():
    run = quizapp("check", "--strict")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 error(s), 0 warning(s)" in run.stdout
    cards = int(run.stdout.split(" cards")[0].rsplit(" ", 1)[-1])
    assert cards >= 50, run.stdout


def test_check_reports_located_error_and_fails(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent(GOOD).lstrip("\n").replace("answer: 1948", "answer: [1948"))
    run = quizapp("check", str(bad))
    assert run.returncode == 1
    assert f"{bad}:9:" in run.stdout and "error: invalid YAML" in run.stdout
    assert run.stderr == ""


def test_drafts_and_stale_cards_warn_unless_strict(tmp_path):
    deck = tmp_path / "d.yaml"
    text = (
        textwrap.dedent(GOOD)
        .lstrip("\n")
        .replace(
            "    tags: [dates, history]\n",
            "    tags: [dates, history]\n    status: draft\n    valid_until: 2025-01-01\n",
        )
    )
    deck.write_text(text)
    run = quizapp("check", str(deck), "--today", "2026-11-25")
    assert run.returncode == 0
    assert f"{deck}:5: warning: card 'recognised' is a draft, never studied" in run.stdout
    assert f"{deck}:5: warning: card 'recognised' is stale: valid until 2025-01-01" in run.stdout
    assert "0 error(s), 2 warning(s)" in run.stdout
    assert quizapp("check", str(deck), "--today", "2026-11-25", "--strict").returncode == 1


def test_missing_path_is_a_usage_error_not_a_deck_with_errors(tmp_path):
    run = quizapp("check", str(tmp_path / "nope.yaml"))
    assert run.returncode == 2
    assert run.stderr == f"quizapp check: {tmp_path / 'nope.yaml'}: no such file or folder\n"


def test_published_schema_is_up_to_date():
    from quizapp.deck.schema import SCHEMA_PATH, deck_json_schema_text

    assert SCHEMA_PATH.read_text() == deck_json_schema_text(), (
        "run `python -m quizapp.deck.schema` to regenerate quizapp/deck/deck.schema.json"
    )


def test_check_lists_what_learners_reported_until_the_card_is_reworded(tmp_path):
    from quizapp.core.collection import Collection
    from quizapp.core.store import CardKey
    from quizapp.deck.paths import bundled_decks_dir

    db = tmp_path / "progress.sqlite3"
    deck = tmp_path / "d.yaml"
    deck.write_text(textwrap.dedent(GOOD).lstrip("\n"), encoding="utf-8")
    collection = Collection.open([deck], db)
    [loaded] = collection.decks
    card = loaded.deck.cards[0]
    collection.store.report(CardKey(loaded.deck.id, card.id), "the year is\nwrong")
    collection.close()
    before = db.read_bytes()

    run = quizapp("check", str(deck), "--db", str(db))
    line = loaded.card_lines[card.id]
    assert f"{deck}:{line}: report: card {card.id!r} (noted " in run.stdout
    assert run.stdout.splitlines()[0].endswith("): the year is wrong")
    assert "; 1 card report(s) from learners" in run.stdout
    assert run.returncode == 0
    assert db.read_bytes() == before  # read only
    # Other decks' checks do not list it; a missing database lists nothing and is not created.
    assert "report:" not in quizapp("check", str(bundled_decks_dir()), "--db", str(db)).stdout
    missing = tmp_path / "none.sqlite3"
    assert "report:" not in quizapp("check", str(deck), "--db", str(missing)).stdout
    assert not missing.exists()

    deck.write_text(deck.read_text().replace("the Soviet Union", "the USSR"), encoding="utf-8")
    Collection.open([deck], db).close()  # the reworded card is synced
    run = quizapp("check", str(deck), "--db", str(db))
    assert "0 error(s)" in run.stdout and "report:" not in run.stdout
