"""`quizapp export`: Anki packages that the real Anki imports, and CSV."""

import csv

import pytest

from quizapp.authoring.exporting import export_apkg, note_guid
from quizapp.deck.loader import load_deck
from tests.authoring.conftest import files_in, import_into_fresh_anki, note_rows
from tests.authoring.test_yaml_roundtrip import EVERY_KIND

DECK = """\
id: pact
title: The pact
sources: [hindu-explained]
cards:
  - id: recognised
    kind: year
    question: In which year did the Soviet Union recognise North Korea?
    answer: 1948
    tags: [dates, history]
    explanation: The DPRK came into existence that year.
    source:
      document: hindu-explained
      quote: "when it came into existence in 1948 under Kim Jong-un's grandfather, Kim Il-sung"
  - id: debt
    kind: cloze
    text: In 2012, Russia wrote off {{90%::share}} of North Korea's {{$11 billion}} debt <sic>.
    tags: [numbers]
  - id: article
    kind: mcq
    question: Which article of the UN Charter?
    answer: Article 51
    distractors: [Article 2, Article 42]
  - id: unreviewed
    kind: basic
    question: Draft?
    answer: Yes
    status: draft
"""


@pytest.fixture
def deck_file(tmp_path):
    path = tmp_path / "pact.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_exported_package_imports_into_anki(quizapp, deck_file, tmp_path):
    package = tmp_path / "pact.apkg"
    code, stdout, err = quizapp("export", deck_file, "--to", package)
    assert (code, stdout, err) == (0, f"wrote {package}: 3 card(s)\n", "")
    col = import_into_fresh_anki(package, tmp_path / "anki")
    try:
        rows = note_rows(col)
        assert [r["type"] for r in rows] == ["quizapp Cloze", "quizapp Basic", "quizapp Basic"]
        cloze, year, mcq = rows
        assert cloze["fields"] == {
            "Text": "In 2012, Russia wrote off {{c1::90%::share}} of North Korea's "
            "{{c1::$11 billion}} debt &lt;sic&gt;.",
            "Back Extra": "",
            "Source": "",
        }
        assert cloze["tags"] == ["numbers"]
        assert year["fields"] == {
            "Front": "In which year did the Soviet Union recognise North Korea?",
            "Back": "1948",
            "Explanation": "The DPRK came into existence that year.",
            "Source": "\u201cwhen it came into existence in 1948 under Kim Jong-un\u2019s "
            "grandfather, Kim Il-sung\u201d \u2014 What's behind the Russia-North Korea "
            "security pact? | Explained \u2014 The Hindu, 21 June 2024",
        }
        assert year["tags"] == ["dates", "history"]
        assert year["guid"] == note_guid("pact", "recognised")
        assert mcq["fields"]["Front"] == (
            "Which article of the UN Charter?<br>A. Article 2<br>B. Article 42<br>C. Article 51"
        )
        assert mcq["fields"]["Back"] == "C. Article 51"
        assert col.card_count() == 3  # both cloze deletions are asked together, as in quizapp
        assert col.decks.by_name("The pact") is not None
    finally:
        col.close()


def test_reexport_updates_the_notes_in_anki(deck_file, tmp_path):
    # Anki updates a note when the package's copy is newer: the second export is a day later.
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    export_apkg(deck_file, first, timestamp=1_780_000_000)
    deck_file.write_text(DECK.replace("answer: Article 51", "answer: Article 51 (self-defence)"))
    export_apkg(deck_file, second, drafts=True, timestamp=1_780_086_400)
    col = import_into_fresh_anki(first, tmp_path / "anki")
    try:
        col.import_anki_package(_request(second))
        rows = note_rows(col)
        assert len(rows) == 4  # three updated, the draft added; none duplicated
        backs = [r["fields"].get("Back") for r in rows]
        assert "C. Article 51 (self-defence)" in backs and "Yes" in backs
    finally:
        col.close()


def _request(package):
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    return ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(update_notes=0),  # if newer: the default
    )


def test_every_card_kind_exports(quizapp, tmp_path):
    from quizapp.authoring.yamlio import deck_yaml
    from quizapp.deck.model import Deck

    path = tmp_path / "every.yaml"
    path.write_text(deck_yaml(Deck.model_validate(EVERY_KIND)))
    package = tmp_path / "every.apkg"
    code, stdout, _ = quizapp("export", path, "--to", package, "--drafts")
    assert (code, stdout) == (0, f"wrote {package}: 8 card(s)\n")
    col = import_into_fresh_anki(package, tmp_path / "anki")
    try:
        backs = {
            r["fields"]["Front"]: r["fields"].get("Back")
            for r in note_rows(col)
            if "Front" in r["fields"]
        }
    finally:
        col.close()
    assert backs["True or false? It was 1948."] == "False"
    assert (
        backs["Put these events in chronological order.<br>- A: first<br>- B"]
        == "1. A: first (1948)<br>2. B (1950-06)"
    )
    assert (
        backs[
            "Consider the following statements:<br>1. One<br>2. Two<br>"
            "Which of the statements given above is/are correct?"
        ]
        == "Only 1"
    )
    assert (
        backs[
            "Match each item with its counterpart.<br>1. Article 51<br>2. a<br><br>"
            "A. b<br>B. self-defence"
        ]
        == "Article 51 \u2014 self-defence<br>a \u2014 b"
    )


def test_csv_export_reimports_as_the_same_questions(quizapp, deck_file, tmp_path):
    table = tmp_path / "pact.csv"
    code, stdout, _ = quizapp("export", deck_file, "--to", table)
    assert (code, stdout) == (0, f"wrote {table}: 3 card(s)\n")
    with table.open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[:3] == [
        ["question", "answer", "tags"],
        ["In which year did the Soviet Union recognise North Korea?", "1948", "dates history"],
        [
            "In 2012, Russia wrote off [share] of North Korea's [...] debt <sic>.",
            "90%; $11 billion",
            "numbers",
        ],
    ]
    assert quizapp("import", table, "--out", tmp_path / "again.yaml")[0] == 0
    again = load_deck(tmp_path / "again.yaml", use_cache=False)[0].deck.cards
    assert [(c.question, c.answer) for c in again] == [tuple(r[:2]) for r in rows[1:]]


def test_export_of_a_broken_deck_writes_nothing(quizapp, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: bad\ntitle: Bad\ncards:\n  - id: x\n    kind: year\n", encoding="utf-8")
    code, stdout, err = quizapp("export", path, "--to", tmp_path / "bad.apkg")
    assert (code, stdout) == (1, "")
    assert err.startswith(
        f"quizapp export: {path}: error: the deck has errors, nothing was exported: {path}:4:"
    )
    assert files_in(tmp_path) == ["bad.yaml"]


def test_export_refuses_unknown_format_and_overwrite(quizapp, deck_file, tmp_path):
    code, _, err = quizapp("export", deck_file, "--to", tmp_path / "pact.txt")
    assert (code, err) == (
        2,
        f"quizapp export: {tmp_path / 'pact.txt'}: error: unknown export format "
        "(name it NAME.apkg or NAME.csv)\n",
    )
    existing = tmp_path / "pact.apkg"
    existing.write_bytes(b"old")
    code, _, err = quizapp("export", deck_file, "--to", existing)
    assert code == 2 and "already exists; nothing was written" in err
    assert existing.read_bytes() == b"old"
    assert files_in(tmp_path) == ["pact.apkg", "pact.yaml"]
