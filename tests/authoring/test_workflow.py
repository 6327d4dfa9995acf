"""The custom-deck workflow through the installed entry point, as the README tells it."""

import subprocess
import sys

from tests.authoring.test_draft import NOTES


def quizapp(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args], capture_output=True, text=True, cwd=cwd
    )


def test_document_to_reviewed_deck_to_anki(tmp_path):
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    run = quizapp("draft", "notes.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("wrote notes.yaml: 10 draft card(s)\n")

    deck = tmp_path / "notes.yaml"
    # The reviewer keeps the first (best) card: it is checked against its quote and marked reviewed.
    deck.write_text(deck.read_text().replace("status: draft", "status: reviewed", 1))
    run = quizapp("check", "notes.yaml", cwd=tmp_path)
    assert run.returncode == 0
    assert run.stdout.splitlines()[-1] == (
        "1 of 1 deck file(s) loaded, 10 cards (9 draft): 0 error(s), 9 warning(s)"
    )

    run = quizapp("export", "notes.yaml", "--to", "notes.csv", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "wrote notes.csv: 1 card(s)\n")
    assert (tmp_path / "notes.csv").read_text().splitlines()[1] == (
        "President [...] visited Pyongyang in June 2024 to sign the pact.,Vladimir Putin,people"
    )
