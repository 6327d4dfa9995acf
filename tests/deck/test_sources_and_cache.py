from quizapp.deck.loader import load_deck
from quizapp.deck.model import SourceDocument
from quizapp.deck.sources import SourceText, fold
from tests.deck.conftest import GOOD


def test_fold_quotes_dashes_whitespace():
    assert fold("Kim\u2019s  \u201cbreakthrough\u201d\n pact \u2013 2024") == (
        'Kim\'s "breakthrough" pact - 2024'
    )


def test_passage_shows_the_documents_own_wording():
    doc = SourceText(SourceDocument(id="d", title="D"), "He said \u201cno\u201d \u2013 twice.\n")
    assert doc.passage('said "no" - twice') == "said \u201cno\u201d \u2013 twice"
    assert doc.find("said yes") is None


def test_citation_leaves_out_unknown_metadata():
    import datetime as dt

    full = SourceDocument(id="a", title="T", publisher="The Hindu", date=dt.date(2024, 6, 21))
    assert SourceText(full, "").citation == "T \u2014 The Hindu, 21 June 2024"
    assert SourceText(SourceDocument(id="b", title="Notes"), "").citation == "Notes"


def test_unchanged_deck_comes_from_the_cache(write_deck, monkeypatch):
    path = write_deck(GOOD)
    first, _ = load_deck(path)
    import quizapp.deck.loader as loader

    def refuse(_text):
        raise AssertionError("parsed again although unchanged")

    monkeypatch.setattr(loader, "_parse", refuse)
    second, problems = load_deck(path)
    assert problems == []
    assert second.deck == first.deck
    assert second.card_lines == first.card_lines


def test_edited_deck_is_parsed_again(write_deck):
    path = write_deck(GOOD)
    load_deck(path)
    path.write_text(path.read_text().replace("Test deck", "Renamed deck"))
    again, _ = load_deck(path)
    assert again.deck.title == "Renamed deck"


def test_corrupt_cache_entry_is_a_miss(write_deck, tmp_path, monkeypatch):
    path = write_deck(GOOD)
    load_deck(path)
    from quizapp.deck.paths import cache_dir

    for entry in (cache_dir() / "decks").iterdir():
        entry.write_text("{not json")
    loaded, problems = load_deck(path)
    assert loaded is not None and problems == []
