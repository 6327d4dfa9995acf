"""`quizapp new`: a deck to start from, in the learner's deck folder, never overwriting."""

import os
from pathlib import Path

from quizapp.deck.check import check
from quizapp.deck.loader import load_deck
from quizapp.deck.schema import SCHEMA_PATH


def test_new_writes_a_deck_that_passes_check_in_the_deck_folder(quizapp):
    code, out, err = quizapp("new")
    path = Path(os.environ["QUIZAPP_DECKS"]) / "my-deck.yaml"
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"wrote {path}"
    text = path.read_text()
    schema_line = text.splitlines()[0]
    assert schema_line == f"# yaml-language-server: $schema={SCHEMA_PATH.resolve().as_uri()}"
    assert Path(schema_line.split("file://", 1)[1]).is_file()
    report = check([path], __import__("datetime").date(2026, 11, 25))
    assert (
        report.summary()
        == "1 of 1 deck file(s) loaded, 4 cards (0 draft): 0 error(s), 0 warning(s)"
    )
    loaded, _ = load_deck(path, use_cache=False)
    assert loaded.deck.id == "my-deck" and loaded.deck.title == "My deck"
    assert {c.kind for c in loaded.deck.cards} == {"year", "cloze", "basic", "mcq"}


def test_new_takes_path_id_and_title(quizapp, tmp_path):
    code, out, _ = quizapp("new", tmp_path / "Indian Polity.yaml")
    assert code == 0
    loaded, _ = load_deck(tmp_path / "Indian Polity.yaml", use_cache=False)
    assert (loaded.deck.id, loaded.deck.title) == ("indian-polity", "Indian polity")

    code, out, _ = quizapp("new", tmp_path, "--id", "ww2", "--title", 'Wars: "1939-45"')
    assert code == 0 and out.startswith(f"wrote {tmp_path / 'ww2.yaml'}")
    loaded, _ = load_deck(tmp_path / "ww2.yaml", use_cache=False)
    assert (loaded.deck.id, loaded.deck.title) == ("ww2", 'Wars: "1939-45"')


def test_new_into_a_folder_that_does_not_exist_yet(quizapp, tmp_path):
    code, out, _ = quizapp("new", f"{tmp_path / 'decks'}/", "--id", "geo")
    assert code == 0 and out.startswith(f"wrote {tmp_path / 'decks' / 'geo.yaml'}\n")


def test_new_refuses_to_overwrite(quizapp, tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("id: mine\ntitle: Mine\n")
    code, out, err = quizapp("new", target)
    assert code == 2 and out == ""
    assert err == (
        f"quizapp new: {target}: error: already exists; nothing was written "
        "(choose another file name or remove it)\n"
    )
    assert target.read_text() == "id: mine\ntitle: Mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_new_rejects_a_bad_id(quizapp, tmp_path):
    code, _, err = quizapp("new", tmp_path, "--id", "My Deck")
    assert code == 2
    assert err == (
        f"quizapp new: {tmp_path}: error: 'My Deck' is not a valid deck id (use lowercase "
        "letters, digits, '.', '_' and '-', starting with a letter or digit)\n"
    )
    assert list(tmp_path.iterdir()) == []
