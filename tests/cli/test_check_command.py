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
    assert cards > 80, run.stdout


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


def test_missing_path_is_a_clear_error(tmp_path):
    run = quizapp("check", str(tmp_path / "nope.yaml"))
    assert run.returncode == 1
    assert f"{tmp_path / 'nope.yaml'}: error: no such file (check the path)" in run.stdout


def test_published_schema_is_up_to_date():
    from quizapp.deck.schema import SCHEMA_PATH, deck_json_schema_text

    assert SCHEMA_PATH.read_text() == deck_json_schema_text(), (
        "run `python -m quizapp.deck.schema` to regenerate quizapp/deck/deck.schema.json"
    )
