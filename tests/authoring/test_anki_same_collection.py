"""Anki -> quizapp -> the same Anki: the notes come back to the collection they came from
and update there, note types, HTML formatting and flags intact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.deck.loader import load_deck
from tests.authoring.conftest import add_note, anki_collection

ALWAYS, IF_NEWER = 1, 0  # Anki's ImportAnkiPackageUpdateCondition
ARTICLE = "Which <b>article</b> abolishes <i>untouchability</i>?"
EDITED = "Which article abolishes untouchability & its practice in any form?"


def _export(col, out: Path) -> Path:
    from anki.collection import ExportAnkiPackageOptions

    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=True, legacy=False
    )
    col.export_anki_package(out_path=str(out), options=options, limit=None)
    return out


@pytest.fixture
def anki(tmp_path):
    """Basic, Basic-and-reversed and Cloze notes with HTML in their fields, tags spelt with
    capitals, in two decks, and a card of each of Anki's seven flags."""
    col = anki_collection(tmp_path / "col")
    polity = col.decks.id("UPSC::Polity")
    hindi = col.decks.id("Hindi")
    notes = [
        add_note(
            col,
            "Basic",
            {"Front": ARTICLE, "Back": "Article 17<br>(Part III, <u>Fundamental Rights</u>)"},
            ["UPSC::Polity"],
            polity,
        ),
        add_note(
            col,
            "Basic",
            {
                "Front": "<div>Who wrote <i>The Discovery of India</i>?</div>",
                "Back": "<ul><li>Jawaharlal Nehru</li><li>in Ahmednagar Fort</li></ul>",
            },
            ["UPSC::History"],
            polity,
        ),
        add_note(
            col,
            "Basic",
            {"Front": "<b>नमस्ते</b>&nbsp;", "Back": 'Hello <span style="color: red;">(hi)</span>'},
            ["Hindi"],
            hindi,
        ),
        add_note(
            col,
            "Basic (and reversed card)",
            {"Front": "Capital of <i>India</i>", "Back": "New&nbsp;Delhi"},
            ["UPSC::Geography"],
            polity,
        ),
        add_note(
            col,
            "Cloze",
            {
                "Text": "The {{c1::Preamble}} was amended in {{c2::1976::year}} by the "
                "{{c3::<b>42nd</b>}} Amendment",
                "Back Extra": 'See <a href="https://example.org/kesavananda">Kesavananda</a>',
            },
            ["UPSC::Polity"],
            polity,
        ),
    ]
    cards = [card for note in notes for card in note.cards()]
    for flag, card in enumerate(cards[:7], start=1):  # the last deletion stays unflagged
        col.set_user_flag_for_cards(flag, [card.id])
    package = _export(col, tmp_path / "all.apkg")
    yield {"col": col, "package": package, "folder": tmp_path}
    col.close()


def _snapshot(col) -> dict[str, dict]:
    """Each note by GUID as Anki holds it: note type, fields, tags, time, and its cards'
    decks and flags."""
    notes = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        notes[note.guid] = {
            "note_type": note.mid,
            "fields": list(note.fields),
            "tags": list(note.tags),
            "modified": note.mod,
            "cards": [(c.ord, c.did, c.user_flag()) for c in note.cards()],
        }
    return notes


def _note_types(col) -> dict:
    return {m["id"]: (m["name"], m["mod"], m["css"], len(m["flds"])) for m in col.models.all()}


def _import(col, package: Path, update: int):
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    options = ImportAnkiPackageOptions(
        with_scheduling=False, update_notes=update, update_notetypes=update
    )
    request = ImportAnkiPackageRequest(package_path=str(package), options=options)
    return col.import_anki_package(request).log


def _round_trip(quizapp, anki, name: str) -> tuple[Path, list[Path]]:
    """`quizapp import` the package, then `quizapp export` each deck to NAME-deck.apkg."""
    decks = anki["folder"] / name
    assert quizapp("import", anki["package"], "--out", decks)[0] == 0
    return decks, _export_all(quizapp, decks, name)


def _export_all(quizapp, decks: Path, name: str) -> list[Path]:
    packages = []
    for deck in sorted(decks.glob("*.yaml")):
        package = deck.parent.parent / f"{name}-{deck.stem}.apkg"
        package.unlink(missing_ok=True)
        code, _, err = quizapp("export", deck, "--to", package)
        assert code == 0, err
        packages.append(package)
    return packages


@pytest.mark.parametrize("update", [ALWAYS, IF_NEWER], ids=["always", "if-newer"])
def test_the_notes_go_back_to_their_own_collection_unchanged(quizapp, anki, update):
    col = anki["col"]
    before, types = _snapshot(col), _note_types(col)
    _, packages = _round_trip(quizapp, anki, f"decks-{update}")
    new = conflicting = found = 0
    for package in packages:
        log = _import(col, package, update)
        new += len(log.new)
        conflicting += len(log.conflicting)
        found += len(log.updated) + len(log.duplicate)
    assert (new, conflicting, found) == (0, 0, len(before))  # every note matched, none added
    assert col.note_count() == len(before) and col.card_count() == 8
    assert _note_types(col) == types  # the learner's note types: none added, none changed
    # Note for note: the same note type, fields byte for byte, tags, decks and flags, and
    # not even the modification time moved.
    assert _snapshot(col) == before


def test_an_edit_made_in_quizapp_updates_only_that_note(quizapp, anki):
    from quizapp.core.collection import Collection

    col = anki["col"]
    before = _snapshot(col)
    decks, _ = _round_trip(quizapp, anki, "decks")
    # Studied here: the progress database records each card's text as loaded.
    collection = Collection.open([decks], Path(os.environ["QUIZAPP_DB"]))
    collection.close()
    deck = decks / "upsc-polity.yaml"
    text = deck.read_text(encoding="utf-8")
    asked = "question: Which article abolishes untouchability?\n"
    assert text.count(asked) == 1
    deck.write_text(text.replace(asked, f"question: {EDITED}\n"), encoding="utf-8")
    logs = [_import(col, p, IF_NEWER) for p in _export_all(quizapp, decks, "edited")]
    updated = [n for log in logs for n in log.updated]
    assert [len(log.new) + len(log.conflicting) for log in logs] == [0, 0]
    assert len(updated) == 1
    after = _snapshot(col)
    (guid,) = [g for g in before if before[g] != after[g]]
    (note,) = [col.get_note(i) for i in col.find_notes("") if col.get_note(i).guid == guid]
    assert note.fields == [
        "Which article abolishes untouchability &amp; its practice in any form?",
        "Article 17<br>(Part III, <u>Fundamental Rights</u>)",  # the answer as it was
    ]
    assert after[guid]["modified"] > before[guid]["modified"]
    # The same note type, tags as spelt in Anki, the cards in their deck with their flag.
    assert after[guid] == {**before[guid], "fields": note.fields, "modified": note.mod}
    assert after[guid]["tags"] == ["UPSC::Polity"]


def test_one_deletion_of_a_cloze_note_edited_keeps_the_other_deletions(quizapp, anki):
    col = anki["col"]
    before = _snapshot(col)
    decks, _ = _round_trip(quizapp, anki, "decks")
    deck = decks / "upsc-polity.yaml"
    text = deck.read_text(encoding="utf-8")
    asked = "text: The Preamble was amended in {{1976::year}} by the 42nd Amendment\n"
    assert text.count(asked) == 1  # the second deletion's card
    deck.write_text(text.replace(asked, asked.replace("Amendment", "Amendment Act")))
    logs = [_import(col, p, IF_NEWER) for p in _export_all(quizapp, decks, "edited")]
    assert [(len(log.new), len(log.conflicting), len(log.updated)) for log in logs] == [
        (0, 0, 0),  # Hindi
        (0, 0, 1),
    ]
    after = _snapshot(col)
    (guid,) = [g for g in before if before[g] != after[g]]
    assert after[guid]["fields"] == [
        "The {{c1::Preamble}} was amended in {{c2::1976::year}} by the {{c3::42nd}} Amendment Act",
        'See <a href="https://example.org/kesavananda">Kesavananda</a>',
    ]
    assert after[guid]["cards"] == before[guid]["cards"]  # its three cards, flags kept


def test_the_seven_flags_come_into_quizapp(quizapp, anki):
    from quizapp.core.collection import Collection
    from quizapp.core.store import CardKey

    col = anki["col"]
    decks, _ = _round_trip(quizapp, anki, "flags")
    wanted = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        for card in note.cards():
            wanted[(note.guid, card.ord)] = card.user_flag()
    assert sorted(wanted.values()) == [0, 1, 2, 3, 4, 5, 6, 7]
    found = {}
    collection = Collection.open([decks], Path(os.environ["QUIZAPP_DB"]))
    try:
        for path in sorted(decks.glob("*.yaml")):
            loaded, _ = load_deck(path, use_cache=False)
            for card in loaded.deck.cards:
                flag = collection.store.progress(CardKey(loaded.id, card.id)).flag
                found[(card.guid, card.anki.card)] = flag
    finally:
        collection.close()
    assert found == wanted


def test_check_names_a_card_whose_anki_note_type_is_gone(quizapp, anki):
    decks = anki["folder"] / "checked"
    assert quizapp("import", anki["package"], "--out", decks)[0] == 0
    deck = decks / "hindi.yaml"
    code, stdout, _ = quizapp("check", deck)
    assert "Anki note type" not in stdout
    text = deck.read_text(encoding="utf-8")
    head, _ = text.split("anki_note_types:")
    deck.write_text(head, encoding="utf-8")  # the note types' list cut off
    code, stdout, _ = quizapp("check", deck)
    assert "is not among the deck's `anki_note_types`" in stdout
    assert "Anki will not update the note it came from" in stdout
