from hypothesis import given
from hypothesis import strategies as st

from quizapp.deck.loader import load_deck
from quizapp.deck.model import SourceDocument
from quizapp.deck.sources import _FOLD, SourceText, fold
from tests.deck.conftest import GOOD

# Text rich in what folding changes: every variant, ASCII look-alikes (the backtick is folded
# too) and whitespace of all kinds; plain ASCII and not.
_TRICKY = (
    st.text(
        alphabet=["'", '"', "-", "`", " ", "\n", "\t", "a", ".", *_FOLD, "\u00a0", "\u00e9"],
        max_size=40,
    )
    | st.text(
        alphabet=["'", '"', "-", "`", " ", "\n", "a", "."],  # plain ASCII
        max_size=40,
    )
    | st.text(max_size=40)
)


def test_fold_quotes_dashes_whitespace():
    assert fold("Kim\u2019s  \u201cbreakthrough\u201d\n pact \u2013 2024") == (
        'Kim\'s "breakthrough" pact - 2024'
    )


@given(before=_TRICKY, quote=_TRICKY, after=_TRICKY)
def test_a_quote_that_matches_is_found_in_the_documents_own_wording(before, quote, after):
    """Matching (every card's check) and finding the passage (what the card shows) fold alike:
    a quote the check accepts is always shown."""
    doc = SourceText(SourceDocument(id="d", title="D"), before + quote + after)
    if fold(quote):
        assert doc.contains(quote)
        span = doc.find(quote)
        assert span is not None
        assert fold(quote) in fold(doc.text[span[0] : span[1]])  # the passage shown holds it


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


def test_a_broken_cache_file_is_rebuilt(write_deck):
    path = write_deck(GOOD)
    load_deck(path)
    from quizapp.deck import cache

    cache.close_all()
    cache.cache_file().write_bytes(b"not a database at all" * 200)
    loaded, problems = load_deck(path)
    assert loaded is not None and problems == []
    again, _ = load_deck(path)
    assert again.compiled is not None and again.card("recognised") == loaded.card("recognised")


def test_a_cache_of_an_earlier_format_is_removed(write_deck):
    from quizapp.deck import cache

    cache.close_all()
    folder = cache.cache_file().parent
    folder.mkdir(parents=True, exist_ok=True)
    earlier = [folder / "decks-v1.sqlite3", folder / "decks-v1.sqlite3-wal"]
    for old in earlier:
        old.write_bytes(b"x" * 1000)
    loaded, _ = load_deck(write_deck(GOOD))
    assert loaded is not None
    assert not [old for old in earlier if old.exists()]
    assert cache.cache_file().exists()


def test_an_unchanged_deck_gives_each_card_when_asked(write_deck, monkeypatch):
    path = write_deck(GOOD)
    first, _ = load_deck(path)
    import quizapp.deck.loader as loader

    monkeypatch.setattr(loader, "_parse", lambda _text: 1 / 0)
    second, _ = load_deck(path)
    assert (second.id, second.title) == ("test-deck", "Test deck")
    assert second.studyable_count == len(first.studyable_cards)
    for card in first.deck.cards:
        assert second.card(card.id) == card
    assert second.card("no-such-card") is None
    assert second.tags == sorted({t for c in first.deck.cards for t in c.tags})


def test_pool_from_the_compiled_decks_is_the_pool_of_their_cards(write_deck, monkeypatch):
    from quizapp.deck.model import AnswerType
    from quizapp.quiz.distractors import AnswerPool

    path = write_deck(GOOD)
    first, _ = load_deck(path)
    second, _ = load_deck(path)
    assert second.compiled is not None
    whole = AnswerPool.from_decks([first.deck])
    lazy = AnswerPool.for_loaded([second])
    for kind in AnswerType:
        assert sorted(map(repr, lazy.entries(kind))) == sorted(map(repr, whole.entries(kind)))
