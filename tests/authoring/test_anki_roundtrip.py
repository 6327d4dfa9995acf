"""Anki -> quizapp -> Anki, note for note, with packages written and read by the real Anki."""

import csv
from datetime import datetime
from pathlib import Path

import pytest

from quizapp.authoring.exporting import export_apkg
from quizapp.authoring.htmltext import html_to_text, media_names
from quizapp.deck.loader import load_deck
from quizapp.deck.model import Media
from tests.authoring.conftest import add_note, anki_collection, review

PICTURE = b"\x89PNG\r\n\x1a\n a map of India"
SOUND = b"ID3 namaste"
ARTICLE_17 = "Which article of the Constitution abolishes untouchability?"


def _export(col, out: Path) -> Path:
    from anki.collection import ExportAnkiPackageOptions

    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=True, legacy=False
    )
    col.export_anki_package(out_path=str(out), options=options, limit=None)
    return out


@pytest.fixture(scope="module")
def anki(tmp_path_factory):
    """Nested decks, Basic, Basic-and-reversed, Cloze c1-c3 with a hint, HTML, nested tags,
    Devanagari, a picture and a sound; reviews of a card and of a reverse card."""
    folder = tmp_path_factory.mktemp("anki")
    col = anki_collection(folder / "col")
    col.set_config("fsrs", True)
    polity = col.decks.id("UPSC::Polity")
    maps = col.decks.id("UPSC::Geography::Maps")
    hindi = col.decks.id("Hindi")
    col.media.write_data("india.png", PICTURE)
    col.media.write_data("namaste.mp3", SOUND)
    article = add_note(
        col, "Basic", {"Front": ARTICLE_17, "Back": "Article 17"}, ["upsc::polity"], polity
    )
    capital = add_note(
        col,
        "Basic (and reversed card)",
        {"Front": "Capital of India", "Back": "New Delhi"},
        ["upsc::geography::capitals"],
        polity,
    )
    add_note(
        col,
        "Cloze",
        {
            "Text": "The {{c1::Preamble}} was amended in {{c2::1976::year}} by the "
            "{{c3::42nd}} Amendment",
            "Back Extra": "",
        },
        ["upsc::polity::amendments"],
        polity,
    )
    identify = add_note(
        col,
        "Basic",
        {"Front": 'Identify this map<br><img src="india.png">', "Back": "India"},
        ["upsc::geography"],
        maps,
    )
    hello = add_note(
        col,
        "Basic",
        {"Front": "<b>नमस्ते</b> [sound:namaste.mp3]", "Back": "Hello"},
        ["hindi"],
        hindi,
    )
    forward, backward = capital.cards()
    review(col, forward, "GOOD")
    review(col, backward, "AGAIN")
    col.sched.suspend_cards([article.cards()[0].id])
    col.sched.bury_cards([hello.cards()[0].id])
    col.set_user_flag_for_cards(1, [identify.cards()[0].id])
    package = _export(col, folder / "all.apkg")
    original = _notes(col)
    yield {"package": package, "notes": original, "col": col, "folder": folder}
    col.close()


def _notes(col) -> dict[str, dict]:
    """Each note by GUID: fields as (text, media), tags, and the decks of its cards."""
    notes = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        notes[note.guid] = {
            "fields": [(html_to_text(v), media_names(v)) for v in list(note.values())[:2]],
            "tags": sorted(note.tags),
            "decks": sorted(col.decks.name(card.did) for card in note.cards()),
        }
    return notes


@pytest.fixture(scope="module")
def imported(anki, tmp_path_factory):
    from quizapp.cli import main

    out = tmp_path_factory.mktemp("decks")
    assert main(["import", str(anki["package"]), "--out", str(out)]) == 0
    return out


def _deck(folder: Path, name: str):
    loaded, problems = load_deck(folder / name, use_cache=False)
    assert loaded is not None, [str(p) for p in problems]
    return loaded


def test_one_deck_file_per_anki_deck_with_its_full_name(imported):
    names = sorted(p.name for p in imported.glob("*.yaml"))
    assert names == ["hindi.yaml", "upsc-geography-maps.yaml", "upsc-polity.yaml"]
    titles = [_deck(imported, n).deck.title for n in names]
    assert titles == ["Hindi", "UPSC::Geography::Maps", "UPSC::Polity"]


def test_reverse_cards_and_cloze_deletions_are_siblings_with_history(anki, imported):
    cards = _deck(imported, "upsc-polity.yaml").deck.cards
    assert len(cards) == 6  # a basic note, a card and its reverse, three deletions
    article, forward, backward, *deletions = cards
    assert (forward.question, forward.answer) == ("Capital of India", "New Delhi")
    assert (backward.question, backward.answer) == ("New Delhi", "Capital of India")
    assert backward.id == forward.id + "-rev"
    assert forward.siblings == backward.siblings and forward.guid == backward.guid
    assert article.siblings is None and article.tags == ["upsc::polity"]
    assert [c.text for c in deletions] == [
        "The {{Preamble}} was amended in 1976 by the 42nd Amendment",
        "The Preamble was amended in {{1976::year}} by the 42nd Amendment",
        "The Preamble was amended in 1976 by the {{42nd}} Amendment",
    ]
    assert len({c.siblings for c in deletions}) == 1 and deletions[0].siblings
    assert {c.guid for c in cards} <= set(anki["notes"])
    with (imported / "upsc-polity.history.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["card_id"], r["review_rating"]) for r in rows] == [
        (forward.id, "3"),
        (backward.id, "1"),
    ]


def test_pictures_and_sounds_are_copied_beside_the_deck(imported):
    (card,) = _deck(imported, "upsc-geography-maps.yaml").deck.cards
    assert (card.question, card.answer) == ("Identify this map", "India")
    assert card.media == [Media(file="upsc-geography-maps.media/india.png", side="question")]
    assert (imported / "upsc-geography-maps.media" / "india.png").read_bytes() == PICTURE
    (hello,) = _deck(imported, "hindi.yaml").deck.cards
    assert hello.question == "नमस्ते"
    assert [m.name for m in hello.media] == ["namaste.mp3"] and not hello.media[0].is_picture
    assert (imported / "hindi.media" / "namaste.mp3").read_bytes() == SOUND


def test_anki_to_quizapp_to_anki_gives_the_same_notes(anki, imported, tmp_path):
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = anki_collection(tmp_path / "fresh")
    try:
        for deck_file in sorted(imported.glob("*.yaml")):
            package = tmp_path / f"{deck_file.stem}.apkg"
            export_apkg(deck_file, package, drafts=True)
            col.import_anki_package(
                ImportAnkiPackageRequest(
                    package_path=str(package),
                    options=ImportAnkiPackageOptions(with_scheduling=False),
                )
            )
        again = _notes(col)
        assert col.card_count() == 8  # the reverse card and the three deletions came back
        assert col.media.have("india.png") and col.media.have("namaste.mp3")
    finally:
        col.close()
    assert again == anki["notes"]  # GUIDs, field text and media, tags, decks


def test_importing_the_round_trip_into_the_same_anki_adds_no_note(anki, imported, tmp_path):
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = anki["col"]
    before = col.note_count()
    package = tmp_path / "polity.apkg"
    export_apkg(imported / "upsc-polity.yaml", package)
    result = col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)
        )
    )
    assert col.note_count() == before and len(result.log.new) == 0


def test_tag_filter_matches_the_tags_nested_under_it(imported, tmp_path):
    from quizapp.core.collection import Collection

    collection = Collection.open([imported], tmp_path / "progress.sqlite3")
    try:
        decks = collection.deck_ids
        # Not due: the two capital cards (reviewed in Anki just now), the suspended article
        # card and the buried Hindi card.
        assert collection.remaining(decks) == 4
        assert collection.remaining(decks, ["upsc"]) == 4
        assert collection.remaining(decks, ["upsc::geography"]) == 1
        assert collection.remaining(decks, ["upsc::polity"]) == 3
        assert collection.remaining(decks, ["upsc::pol"]) == 0  # whole tag names only
    finally:
        collection.close()


def test_check_names_a_missing_media_file_and_one_outside_the_folder(anki, quizapp, tmp_path):
    assert quizapp("import", anki["package"], "--out", tmp_path)[0] == 0
    deck = tmp_path / "upsc-geography-maps.yaml"
    code, stdout, _ = quizapp("check", deck)
    assert "media file" not in stdout
    picture = tmp_path / "upsc-geography-maps.media" / "india.png"
    picture.unlink()
    code, stdout, _ = quizapp("check", deck)
    assert "media file 'upsc-geography-maps.media/india.png' is missing" in stdout
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(PICTURE)
    picture.symlink_to(outside)
    code, stdout, _ = quizapp("check", deck)
    assert code == 1 and "lies outside the deck's folder" in stdout
    deck.write_text(deck.read_text().replace("upsc-geography-maps.media/", "../"))
    code, stdout, err = quizapp("check", deck)
    assert code == 1 and "lies outside the deck's folder" in stdout + err


def test_a_package_of_several_decks_needs_a_folder(anki, quizapp, tmp_path):
    out = tmp_path / "all.yaml"
    code, stdout, err = quizapp("import", anki["package"], "--out", out)
    assert (code, stdout) == (2, "")  # a usage error: the option names a file
    assert err == (
        f"quizapp import: {out}: error: all.apkg holds 3 decks (Hindi, UPSC::Geography::Maps, "
        "UPSC::Polity); each is written to a deck file of its own (give --out FOLDER, or "
        "leave --out out to use your deck folder)\n"
    )
    assert list(tmp_path.iterdir()) == []
    code, stdout, _ = quizapp("import", anki["package"], "--id", "mine")
    assert code == 0
    written = [line.split(":")[0].removeprefix("wrote ") for line in stdout.splitlines()]
    assert [Path(p).name for p in written if p.endswith(".yaml")] == [
        "mine-hindi.yaml",
        "mine-upsc-geography-maps.yaml",
        "mine-upsc-polity.yaml",
    ]


def test_suspended_buried_and_flagged_cards_come_so(imported, tmp_path):
    from quizapp.core.collection import Collection
    from quizapp.core.store import CardKey

    with (imported / "upsc-polity.state.csv").open(newline="") as f:
        rows = {r["card_id"]: r for r in csv.DictReader(f)}
    article, forward, backward = _deck(imported, "upsc-polity.yaml").deck.cards[:3]
    assert rows[article.id]["suspended"] == "1"
    for card in (forward, backward):  # reviewed with FSRS on: due and memory state kept
        assert rows[card.id]["due"] and float(rows[card.id]["stability"]) > 0
        assert 1 <= float(rows[card.id]["difficulty"]) <= 10
    (hello,) = _deck(imported, "hindi.yaml").deck.cards
    (identify,) = _deck(imported, "upsc-geography-maps.yaml").deck.cards
    collection = Collection.open([imported], tmp_path / "progress.sqlite3")
    try:
        store = collection.store
        assert store.suspended() == {CardKey("upsc-polity", article.id)}
        assert store.progress(CardKey("hindi", hello.id)).buried_until is not None
        assert store.progress(CardKey("upsc-geography-maps", identify.id)).flag == 1
        kept = store.progress(CardKey("upsc-polity", forward.id))
        assert kept.reps == 1  # the review replayed, then Anki's schedule kept
        assert kept.due == datetime.fromisoformat(rows[forward.id]["due"])
        assert kept.stability == float(rows[forward.id]["stability"])
        assert kept.difficulty == float(rows[forward.id]["difficulty"])
    finally:
        collection.close()
