"""`quizapp draft`: candidate cards from a document, each quoting it verbatim, all drafts."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.authoring.drafter import draft_cards
from quizapp.authoring.yamlio import deck_yaml
from quizapp.deck.check import check
from quizapp.deck.loader import load_deck
from quizapp.deck.model import Deck, SourceDocument, Status
from quizapp.deck.paths import bundled_seeds_dir
from quizapp.deck.sources import SourceText
from tests.authoring.conftest import files_in

NOTES = """Treaty notes

In 1961, the Soviet Union and North Korea signed the Treaty of Friendship, Cooperation and \
Mutual Assistance.
The treaty lapsed in 1991 after the dissolution of the USSR.
In 2012, Russia agreed to write off 90% of North Korea\u2019s $11 billion debt.
Article 4 of the pact promises immediate military assistance under Article 51 of the UN Charter.
President Vladimir Putin visited Pyongyang in June 2024 to sign the pact.
"""


@pytest.fixture
def notes(tmp_path) -> Path:
    path = tmp_path / "docs" / "treaty-notes.txt"
    path.parent.mkdir()
    path.write_text(NOTES, encoding="utf-8")
    return path


def drafted(path: Path):
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is not None, [str(p) for p in problems]
    assert [p for p in problems if p.severity == "error"] == []
    return loaded


def test_draft_proposes_dates_numbers_articles_and_names(quizapp, notes, tmp_path):
    out = tmp_path / "decks" / "treaty.yaml"
    code, stdout, err = quizapp("draft", notes, "--out", out)
    assert (code, err) == (0, "")
    assert stdout.splitlines()[0] == f"wrote {out}: 10 draft card(s)"
    loaded = drafted(out)
    deck = loaded.deck
    source = deck.sources[0]
    # A deck's sources stay in its folder: the document is copied beside the deck.
    assert (source.id, source.title, source.file) == (
        "treaty-notes",
        "Treaty notes",
        "treaty-notes.txt",
    )
    copy = out.parent / "treaty-notes.txt"
    assert copy.read_bytes() == notes.read_bytes()
    assert stdout.splitlines()[1] == (
        f"copied the document to {copy}: a deck's sources stay in its folder"
    )
    assert all(c.status is Status.draft for c in deck.cards)
    assert loaded.studyable_cards == []
    document = loaded.documents["treaty-notes"]
    for card in deck.cards:
        assert card.source.document == "treaty-notes"
        assert document.passage(card.source.quote) is not None, card.id

    # Best first: the person who did what, then the dates and articles.
    assert deck.cards[0].kind == "cloze" and deck.cards[0].answer == "Vladimir Putin"
    assert deck.cards[0].answer_type == "person"
    years = {c.answer: c for c in deck.cards if c.kind == "year"}
    assert sorted(years) == [1961, 1991]
    assert years[1991].question == (
        "Which year fills the blank? The treaty lapsed in ____ after the dissolution of the USSR."
    )
    (ordering,) = [c for c in deck.cards if c.kind == "ordering"]
    assert [e.date for e in ordering.events] == ["1961", "1991", "2012", "2024-06"]
    # Each event quotes the sentence that dates it, shown with it on reveal.
    assert ordering.events[1].quote == (
        "The treaty lapsed in 1991 after the dissolution of the USSR."
    )
    assert all(document.contains(e.quote) for e in ordering.events)
    assert ordering.events[3].event == (
        "President Vladimir Putin visited Pyongyang in ____ to sign the pact."
    )

    clozes = {c.answer: c for c in deck.cards if c.kind == "cloze"}
    assert set(clozes) == {
        "Vladimir Putin",
        "Pyongyang",
        "North Korea",
        "Treaty of Friendship, Cooperation and Mutual Assistance",
        "90%",
        "Article 4",
        "Article 51",
    }
    assert clozes["Article 51"].text == (
        "Article 4 of the pact promises immediate military assistance under {{Article 51}} "
        "of the UN Charter."
    )
    assert clozes["Article 51"].answer_type == "article"
    assert clozes["Pyongyang"].answer_type == "place"
    assert clozes["90%"].answer_type == "number"
    assert clozes["90%"].source.quote == (
        "In 2012, Russia agreed to write off 90% of North Korea\u2019s $11 billion debt."
    )

    report = check([out], dt.date(2026, 11, 25))
    assert report.exit_code() == 0
    assert report.summary().endswith("(10 draft): 0 error(s), 10 warning(s)")


def test_draft_ids_are_stable_and_unique(quizapp, notes, tmp_path):
    quizapp("draft", notes, "--out", tmp_path / "a.yaml")
    quizapp("draft", notes, "--out", tmp_path / "b.yaml", "--id", "other")
    first = [c.id for c in drafted(tmp_path / "a.yaml").deck.cards]
    second = [c.id for c in drafted(tmp_path / "b.yaml").deck.cards]
    assert first == second
    assert len(set(first)) == len(first)
    assert "year-1991-" in " ".join(first) and "articles-article-51-" in " ".join(first)


def test_draft_defaults_to_a_deck_beside_the_document(quizapp, notes):
    code, stdout, _ = quizapp("draft", notes)
    out = notes.with_suffix(".yaml")
    assert code == 0 and stdout.startswith(f"wrote {out}:")
    deck = drafted(out).deck
    assert (deck.id, deck.title) == ("treaty-notes", "Draft: Treaty notes")
    assert deck.sources[0].file == "treaty-notes.txt"
    text = out.read_text()
    assert text.startswith("# yaml-language-server: $schema=file://")
    assert "    status: draft\n" in text


@pytest.mark.parametrize(
    "name",
    ["russia-dprk-pact-study-notes.txt", "the-hindu-explained-2024-06-21.txt"],
)
def test_draft_on_the_bundled_documents(quizapp, tmp_path, name):
    document = tmp_path / name
    shutil.copyfile(bundled_seeds_dir() / name, document)
    assert quizapp("draft", document)[0] == 0
    deck = drafted(document.with_suffix(".yaml")).deck
    kinds = {c.kind for c in deck.cards}
    answers = {str(c.answer) for c in deck.cards if c.kind in ("cloze", "year", "mcq")}
    assert {"year", "cloze"} <= kinds
    if name.startswith("the-hindu"):
        # "Both Russia and North Korea have denied ...": a country, never asked with the
        # article's people (Putin, Kim Jong-un, Kim Il-sung) as its wrong options
        assert not any(c.kind == "mcq" and "Korea" in c.answer for c in deck.cards)
        assert {"Vladimir Putin", "Kim Jong-un", "Joseph Stalin", "1948", "90%"} <= answers
    else:
        assert {"Article 51", "1961", "1991", "Vladimir Putin"} <= answers
        # the treaty's name runs on past the commas of its list
        assert "Russo-North Korea Treaty of Friendship, Cooperation, and Mutual Assistance" in (
            answers
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "has no text to draft cards from (give a document with sentences in it)"),
        (
            b"  \n\n 12 34 \n",
            "has no text to draft cards from (give a document with sentences in it)",
        ),
        (
            b"%PDF-1.7\n\x00\x01\x02binary",
            "is a binary file, not text (save it as UTF-8 plain text (.txt); "
            "export a PDF or Word file to text first)",
        ),
    ],
    ids=["empty", "no-letters", "binary"],
)
def test_draft_refuses_a_document_without_text(quizapp, tmp_path, content, message):
    document = tmp_path / "doc.txt"
    document.write_bytes(content)
    code, stdout, err = quizapp("draft", document)
    assert (code, stdout) == (1, "")
    assert err == f"quizapp draft: {document}: error: {message}\n"
    assert files_in(tmp_path) == ["doc.txt"]


def test_draft_reports_the_line_of_non_utf8_text(quizapp, tmp_path):
    document = tmp_path / "doc.txt"
    document.write_bytes("First line.\nSecond line caf\u00e9.\n".encode("latin-1"))
    code, _, err = quizapp("draft", document)
    assert code == 1
    assert err == (
        f"quizapp draft: {document}:2: error: is not UTF-8 text "
        "(save it as UTF-8 plain text (.txt); export a PDF or Word file to text first)\n"
    )
    assert files_in(tmp_path) == ["doc.txt"]


def test_draft_rejects_a_bad_deck_id(quizapp, notes):
    code, _, err = quizapp("draft", notes, "--id", "Treaty Notes")
    assert code == 2
    assert err == (
        f"quizapp draft: {notes}: error: 'Treaty Notes' is not a valid deck id (use lowercase "
        "letters, digits, '.', '_' and '-', starting with a letter or digit)\n"
    )
    assert files_in(notes.parent) == ["treaty-notes.txt"]


def test_draft_of_a_missing_document(quizapp, tmp_path):
    code, _, err = quizapp("draft", tmp_path / "nope.txt")
    assert code == 2
    assert err == f"quizapp draft: {tmp_path / 'nope.txt'}: error: no such file (check the path)\n"
    assert files_in(tmp_path) == []


_TOKENS = [
    "the", "Treaty", "of", "Friendship", "Article", "51", "4(1)", "UN", "Charter", "1948",
    "2024", "June", "21,", "$11", "billion", "90%", "Mr.", "U.S.", "President", "Kim",
    "Jong-un", "\u2019s", ",", ".", "?", "\n", "\u2022", "{{", "}}", "::", "Council", "and",
    "Soviet", "Union", "between", "in", "1950-53", "Wednesday", "\u201c", "\u201d", "\t",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=60), st.lists(st.booleans(), max_size=60))
def test_any_text_drafts_valid_cards_that_quote_it(tokens, glue):
    text = "".join(t + (" " if g else "") for t, g in zip(tokens, glue + [True] * 60, strict=False))
    candidates = draft_cards(text, "doc")
    document = SourceText(SourceDocument(id="doc", title="Doc"), text)
    ids = [c.card.id for c in candidates]
    assert len(set(ids)) == len(ids)
    for candidate in candidates:
        assert document.find(candidate.card.source.quote) is not None, candidate.card
    deck = Deck(
        id="fuzz", title="Fuzz", sources=["hindu-explained"], cards=[c.card for c in candidates]
    )
    assert Deck.model_validate(yaml_rs.loads(deck_yaml(deck), parse_datetime=False)) == deck


def test_headings_teasers_and_datelines_are_skipped_and_plain_sentences_blank_a_name(tmp_path):
    text = (
        "Historical context of the relations between the two countries\n"
        "Ties between Pyongyang and Moscow go back to the Soviet times.\n"
        "The two countries also share a land border.\n"
        "Gross Domestic Product represents the total monetary value of all goods \u2026\n"
        "Updated - June 21, 2024 02:21 pm IST\n"
    )
    cards = [c.card for c in draft_cards(text, "doc")]
    # The heading, the teaser cut off with "..." and the dateline are not asked.
    assert [(c.kind, c.answer) for c in cards] == [("cloze", "Pyongyang")]
    assert cards[0].text == "Ties between {{Pyongyang}} and Moscow go back to the Soviet times."


def test_draft_never_overwrites_another_file_beside_the_deck(quizapp, notes, tmp_path):
    out = tmp_path / "decks" / "treaty.yaml"
    out.parent.mkdir()
    other = out.parent / "treaty-notes.txt"
    other.write_text("someone else's notes", encoding="utf-8")
    code, stdout, err = quizapp("draft", notes, "--out", out)
    assert code == 2 and stdout == ""
    assert "a different file of that name is already beside the deck" in err
    assert other.read_text(encoding="utf-8") == "someone else's notes"
    assert not out.exists()
