"""`quizapp import` of Anki packages written by the real Anki library."""

import csv
import datetime as dt
import zipfile
from pathlib import Path

import pytest

from quizapp.deck.loader import load_deck
from tests.authoring.conftest import add_note, anki_collection, export_package, files_in, review

REVIEWED_AT = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    """One Anki collection, exported as a modern and as a legacy package."""
    folder = tmp_path_factory.mktemp("anki")
    col = anki_collection(folder / "col")
    deck_id = col.decks.id("UPSC::Polity")
    add_note(
        col,
        "Basic",
        {
            "Front": "Which article of the <b>UN Charter</b>?",
            "Back": "Article&nbsp;51<br>self-defence",
        },
        ["Polity::Articles", "UN_charter"],
        deck_id,
    )
    cloze = add_note(
        col,
        "Cloze",
        {
            "Text": "In {{c1::1948}} the {{c2::DPRK::country}} was founded &amp; recognised",
            "Back Extra": "<i>Soviet</i> recognition came first",
        },
        ["History"],
        deck_id,
    )
    basic = col.get_note(col.find_notes("Front:*Charter*")[0])
    review(col, basic.cards()[0], "GOOD")
    review(col, cloze.cards()[1], "AGAIN")
    # Review log ids are epoch milliseconds: pin them so the history rows are known.
    col.db.execute("update revlog set id = ? where ease = 3", int(REVIEWED_AT.timestamp() * 1000))
    col.db.execute(
        "update revlog set id = ?, time = 4200 where ease = 1",
        int(REVIEWED_AT.timestamp() * 1000) + 60_000,
    )
    out = {
        "modern": export_package(col, deck_id, folder / "polity.apkg"),
        "legacy": export_package(col, deck_id, folder / "polity-legacy.apkg", legacy=True),
    }
    col.close()
    return out


def test_modern_package_holds_the_zstd_collection(packages):
    names = zipfile.ZipFile(packages["modern"]).namelist()
    assert "collection.anki21b" in names and "collection.anki2" in names
    assert "collection.anki21b" not in zipfile.ZipFile(packages["legacy"]).namelist()


@pytest.mark.parametrize("kind", ["modern", "legacy"])
def test_import_basic_and_cloze_notes_with_tags_and_history(quizapp, packages, tmp_path, kind):
    out = tmp_path / "polity.yaml"
    code, stdout, err = quizapp("import", packages[kind], "--out", out)
    assert (code, err) == (0, "")
    history = tmp_path / "polity.history.csv"
    state = tmp_path / "polity.state.csv"
    assert stdout == (
        f"wrote {out}: 3 card(s)\nwrote {history}: 2 review(s)\n"
        f"wrote {state}: suspended, buried and flagged cards, due dates\n"
    )

    loaded, problems = load_deck(out, use_cache=False)
    assert loaded is not None
    assert {p.message.split(" cites")[0] for p in problems} == {
        f"card {c.id!r}" for c in loaded.deck.cards
    }  # only "cites no source" warnings, one per card
    deck = loaded.deck
    assert (deck.id, deck.title, deck.sources) == ("polity", "UPSC::Polity", [])
    basic, first, second = deck.cards
    assert (basic.kind, basic.question, basic.answer) == (
        "basic",
        "Which article of the UN Charter?",
        "Article 51\nself-defence",
    )
    assert basic.tags == ["polity::articles", "un_charter"]
    assert (first.kind, first.text, first.tags) == (
        "cloze",
        "In {{1948}} the DPRK was founded & recognised",
        ["history"],
    )
    assert second.text == "In 1948 the {{DPRK::country}} was founded & recognised"
    assert second.explanation == "Soviet recognition came first"
    assert first.id.endswith("-c1") and second.id.endswith("-c2")
    assert first.id.removesuffix("-c1") == second.id.removesuffix("-c2") == first.siblings
    assert first.siblings == second.siblings and basic.siblings is None
    assert first.guid == second.guid != basic.guid and basic.guid

    with history.open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["card_id", "review_rating", "review_time", "review_duration"]
    assert rows[1][:3] == [basic.id, "3", "2026-03-01T12:00:00.000000+00:00"]
    assert rows[2] == [second.id, "1", "2026-03-01T12:01:00.000000+00:00", "4200"]


def test_reimport_gives_the_same_card_ids(quizapp, packages, tmp_path):
    quizapp("import", packages["modern"], "--out", tmp_path / "a.yaml")
    quizapp("import", packages["legacy"], "--out", tmp_path / "b.yaml")
    ids = [
        [c.id for c in load_deck(tmp_path / n, use_cache=False)[0].deck.cards]
        for n in ("a.yaml", "b.yaml")
    ]
    assert ids[0] == ids[1]


def test_import_defaults_to_the_deck_folder(quizapp, packages):
    import os

    code, stdout, _ = quizapp("import", packages["modern"])
    out = Path(os.environ["QUIZAPP_DECKS"]) / "polity.yaml"
    assert code == 0 and stdout.startswith(f"wrote {out}: 3 card(s)")
    assert out.with_name("polity.history.csv").is_file()


@pytest.fixture(scope="module")
def odd_package(tmp_path_factory) -> Path:
    """A package with a note of a one-field note type, beside a basic note."""
    folder = tmp_path_factory.mktemp("odd")
    col = anki_collection(folder / "col")
    models = col.models
    model = models.new("Vocabulary word")
    models.add_field(model, models.new_field("Word"))
    template = models.new_template("Card 1")
    template["qfmt"] = template["afmt"] = "{{Word}}"
    models.add_template(model, template)
    models.add(model)
    # A cloze-kind type laid out like Anki's image occlusion (its question is a picture).
    occlusion = models.new("Picture occlusion")
    occlusion["type"] = 1
    for name in ("Occlusion", "Image"):
        models.add_field(occlusion, models.new_field(name))
    template = models.new_template("Cloze")
    template["qfmt"] = template["afmt"] = "{{cloze:Occlusion}}{{Image}}"
    models.add_template(occlusion, template)
    models.add(occlusion)
    deck_id = col.decks.id("Words")
    add_note(col, "Basic", {"Front": "Capital of France?", "Back": "Paris"}, [], deck_id)
    add_note(col, "Vocabulary word", {"Word": "serendipity"}, [], deck_id)
    occluded = {"Occlusion": "{{c1::image-occlusion:rect:left=.1:top=.2}}", "Image": "map.png"}
    add_note(col, "Picture occlusion", occluded, [], deck_id)
    add_note(col, "Cloze", {"Text": "Blank {{c1::}} here"}, [], deck_id)
    package = export_package(col, deck_id, folder / "words.apkg")
    col.close()
    return package


def test_every_failing_note_is_listed_and_nothing_written(quizapp, odd_package, tmp_path):
    code, stdout, err = quizapp("import", odd_package, "--out", tmp_path / "words.yaml")
    assert (code, stdout) == (1, "")
    lines = err.splitlines()
    assert lines[0] == (
        f"quizapp import: {odd_package}: error: 3 notes cannot be imported; nothing was written "
        "(fix them in Anki, or pass --skip to leave them out)"
    )
    assert len(lines) == 4 and all(
        line.startswith(f"quizapp import: {odd_package}: error: note ") for line in lines[1:]
    )
    assert lines[1].endswith(
        " ('serendipity') has note type 'Vocabulary word' with fewer than two fields: only "
        "Basic-like (front and back) and Cloze notes can be imported (in Anki, change the note "
        "type to Basic or Cloze (Browse > Notes > Change Note Type), or pass --skip to leave "
        "such notes out)"
    )
    assert "is an image occlusion note" in lines[2]
    assert "a cloze text needs at least one deletion" in lines[3]
    assert files_in(tmp_path) == []


def test_skip_leaves_unknown_notes_out(quizapp, odd_package, tmp_path):
    code, stdout, err = quizapp("import", odd_package, "--out", tmp_path / "words.yaml", "--skip")
    assert code == 0
    assert stdout == f"wrote {tmp_path / 'words.yaml'}: 1 card(s)\n"
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"quizapp import: {odd_package}: skipped note ")
    assert "'Vocabulary word' with fewer than two fields" in lines[0]
    assert lines[1].endswith(
        " is an image occlusion note: its question is a picture, which a text deck cannot hold"
    )
    assert lines[2].endswith(
        " ('Blank {{c1::}} here') cannot be converted: text: a cloze text needs at least one "
        "deletion, written {{answer}}"
    )
    (card,) = load_deck(tmp_path / "words.yaml", use_cache=False)[0].deck.cards
    assert (card.question, card.answer) == ("Capital of France?", "Paris")


def test_corrupt_zip_is_refused_and_nothing_written(quizapp, packages, tmp_path):
    broken = tmp_path / "broken.apkg"
    broken.write_bytes(packages["modern"].read_bytes()[:300])
    code, stdout, err = quizapp("import", broken, "--out", tmp_path / "out" / "deck.yaml")
    assert (code, stdout) == (1, "")
    assert err == (
        f"quizapp import: {broken}: error: is not a valid Anki package "
        "(not a zip file, or a damaged one) (export it again from Anki: File > Export..., "
        "format Anki Deck Package (.apkg))\n"
    )
    assert files_in(tmp_path) == ["broken.apkg"]


def test_damaged_collection_inside_a_zip(quizapp, tmp_path):
    package = tmp_path / "bad.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki21b", b"not zstd at all")
    code, _, err = quizapp("import", package, "--out", tmp_path / "deck.yaml")
    assert code == 1
    assert err == (
        f"quizapp import: {package}: error: collection.anki21b is damaged "
        "(not zstd-compressed data) (export it again from Anki: File > Export..., "
        "format Anki Deck Package (.apkg))\n"
    )
    assert files_in(tmp_path) == ["bad.apkg"]


def test_zip_without_a_collection(quizapp, tmp_path):
    package = tmp_path / "empty.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("media", b"{}")
    code, _, err = quizapp("import", package, "--out", tmp_path / "deck.yaml")
    assert code == 1
    assert err.startswith(
        f"quizapp import: {package}: error: holds no Anki collection (export it again"
    )
    assert files_in(tmp_path) == ["empty.apkg"]


def test_import_never_overwrites_a_deck(quizapp, packages, tmp_path):
    out = tmp_path / "polity.yaml"
    out.write_text("id: mine\ntitle: Mine\n")
    code, _, err = quizapp("import", packages["modern"], "--out", out)
    assert code == 2
    assert err == (
        f"quizapp import: {out}: error: already exists; nothing was written "
        "(choose another file name or remove it)\n"
    )
    assert out.read_text() == "id: mine\ntitle: Mine\n"
    assert files_in(tmp_path) == ["polity.yaml"]


def test_optional_reverse_type_in_answer_and_a_picture_only_front(quizapp, tmp_path):
    from quizapp.authoring.exporting import export_apkg
    from tests.authoring.conftest import import_into_fresh_anki, note_rows

    col = anki_collection(tmp_path / "col")
    deck_id = col.decks.id("Words")
    col.media.write_data("flag.png", b"\x89PNG flag")
    fields = {"Front": "Bonjour", "Back": "Hello", "Add Reverse": "y"}
    add_note(col, "Basic (optional reversed card)", fields, [], deck_id)
    fields = {"Front": "Merci", "Back": "Thanks", "Add Reverse": ""}
    add_note(col, "Basic (optional reversed card)", fields, [], deck_id)
    add_note(col, "Basic (type in the answer)", {"Front": "Oui", "Back": "Yes"}, [], deck_id)
    add_note(col, "Basic", {"Front": '<img src="flag.png">', "Back": "France"}, [], deck_id)
    from anki.collection import ExportAnkiPackageOptions

    package = tmp_path / "words.apkg"
    options = ExportAnkiPackageOptions(with_scheduling=False, with_media=True)
    col.export_anki_package(out_path=str(package), options=options, limit=None)
    col.close()
    out = tmp_path / "words.yaml"
    assert quizapp("import", package, "--out", out)[0] == 0
    cards = load_deck(out, use_cache=False)[0].deck.cards
    assert [(c.question, c.answer, c.notes) for c in cards] == [
        ("Bonjour", "Hello", None),
        ("Hello", "Bonjour", None),  # "Add Reverse" only switches the reverse card on
        ("Merci", "Thanks", None),
        ("Oui", "Yes", None),
        ("[flag.png]", "France", None),  # a picture alone: its file name stands for it
    ]
    assert cards[1].id == cards[0].id + "-rev"
    again = tmp_path / "again.apkg"
    export_apkg(out, again)
    col = import_into_fresh_anki(again, tmp_path / "anki")
    try:
        rows = {r["fields"]["Back"]: r for r in note_rows(col)}
        assert col.card_count() == 5
    finally:
        col.close()
    assert rows["France"]["fields"]["Front"] == '<img src="flag.png">'
    # Back with its own note type and its "Add Reverse" switch (named apart by Anki from
    # the fresh collection's stock note type of that name).
    assert rows["Hello"]["type"].startswith("Basic (optional reversed card)")
    assert rows["Hello"]["fields"]["Add Reverse"] == "y"


def test_import_tells_its_progress_note_by_note(packages, tmp_path):
    from quizapp.authoring.importing import import_deck

    told = []
    result = import_deck(
        packages["modern"], tmp_path / "polity.yaml", progress=lambda *done: told.append(done)
    )
    assert told == [(0, 2), (2, 2)]  # both notes, then done
    assert result.cards == 3


def test_the_terminal_shows_the_import_s_progress(packages, tmp_path):
    """On a terminal one line counts the notes done; piped, stderr stays quiet."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    run = subprocess.run(
        [sys.executable, "-m", "quizapp", "import", packages["modern"], "--out", tmp_path / "a"],
        stderr=follower,
        stdout=subprocess.PIPE,
        timeout=120,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: all of it read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert run.returncode == 0
    assert shown.decode().replace("\r\n", "\n").endswith("\rimporting notes: 2 of 2\n")
    piped = subprocess.run(
        [sys.executable, "-m", "quizapp", "import", packages["modern"], "--out", tmp_path / "b"],
        capture_output=True,
        timeout=120,
    )
    assert (piped.returncode, piped.stderr) == (0, b"")
