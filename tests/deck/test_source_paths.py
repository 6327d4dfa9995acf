"""A deck's source files stay inside its folder: a shared deck cannot read the learner's files."""

import os
import textwrap

import pytest

from quizapp.cli.entry import main
from quizapp.deck.loader import load_deck
from quizapp.deck.paths import bundled_seeds_dir

DECK = """
id: shared
title: Shared deck
sources:
  - id: doc
    title: A document
    file: {file}
cards:
  - id: one
    kind: basic
    question: What is in the file?
    answer: a line
    source: {{document: doc, quote: "{quote}"}}
  - id: two
    kind: basic
    question: And again?
    answer: the same line
    source: {{document: doc, quote: "{quote}"}}
"""


def write(folder, file, quote="secret line"):
    path = folder / "deck.yaml"
    path.write_text(textwrap.dedent(DECK).format(file=file, quote=quote).lstrip(), "utf-8")
    return path


@pytest.fixture
def outside(tmp_path):
    """A readable file beside the deck's folder, not in it."""
    secret = tmp_path / "private.txt"
    secret.write_text("a secret line of the learner's\n", encoding="utf-8")
    folder = tmp_path / "decks"
    folder.mkdir()
    return folder, secret


def only_error(path):
    loaded, problems = load_deck(path, use_cache=False)
    errors = [p for p in problems if p.severity == "error"]
    assert loaded is None
    assert len(errors) == 1, errors  # one for the field, not one per card citing it
    return errors[0]


def test_an_absolute_path_elsewhere_is_one_error_naming_the_field(outside):
    folder, secret = outside
    error = only_error(write(folder, secret))
    assert error.line == 6  # the `file:` line
    assert f"sources: file {str(secret)!r} of 'doc' is outside the deck's folder" in str(error)


def test_etc_passwd_is_refused():
    # The case as a shared deck would write it; the file need not exist to be refused.
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        error = only_error(write(Path(tmp), "/etc/passwd", quote="root:x:0:0"))
    assert "'/etc/passwd' of 'doc' is outside the deck's folder" in error.message


def test_dot_dot_is_refused(outside):
    folder, _ = outside
    error = only_error(write(folder, "../private.txt"))
    assert "outside the deck's folder" in error.message


def test_a_symlink_inside_pointing_outside_is_refused(outside):
    folder, secret = outside
    os.symlink(secret, folder / "notes.txt")
    error = only_error(write(folder, "notes.txt"))
    assert "'notes.txt' of 'doc' is outside the deck's folder" in error.message


def test_a_subfolder_and_a_symlink_within_the_folder_are_fine(outside):
    folder, _ = outside
    (folder / "docs").mkdir()
    (folder / "docs" / "text.txt").write_text("a secret line here\n", encoding="utf-8")
    os.symlink(folder / "docs" / "text.txt", folder / "link.txt")
    for file in ("docs/text.txt", "link.txt"):
        loaded, problems = load_deck(write(folder, file), use_cache=False)
        assert loaded is not None, problems
        assert loaded.documents["doc"].passage("secret line") == "secret line"


def test_a_bundled_seed_may_be_named_by_its_path(outside):
    folder, _ = outside
    seed = next(p for p in sorted(bundled_seeds_dir().iterdir()) if p.suffix == ".txt")
    first_words = " ".join(seed.read_text(encoding="utf-8").split()[:4]).replace('"', "'")
    loaded, problems = load_deck(write(folder, seed, quote=first_words), use_cache=False)
    assert loaded is not None, problems


def test_check_and_export_refuse_it(outside, capsys):
    folder, secret = outside
    deck = write(folder, secret)
    assert main(["check", str(deck)]) == 1
    out = capsys.readouterr().out
    assert out.count("outside the deck's folder") == 1
    package = folder.parent / "out.apkg"
    assert main(["export", str(deck), "--to", str(package)]) == 1
    assert "outside the deck's folder" in capsys.readouterr().err
    assert not package.exists()
