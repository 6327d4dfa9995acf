"""CSV out and in: whatever the text, the cards come back with their ids, text and tags."""

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quizapp.authoring.exporting import export_csv
from quizapp.authoring.importing import import_deck
from quizapp.authoring.yamlio import deck_yaml
from quizapp.deck.loader import load_deck
from quizapp.deck.model import BasicCard, Deck

# Separators, quotes, line breaks, a header look-alike, cloze look-alikes, formula starts
# (escaped with an apostrophe on the way out, unescaped on the way in) and Devanagari.
ALPHABET = string.ascii_letters + string.digits + " ,;\t\n\"#:{}-|=+@'" + "नमस्ते"
text = st.text(ALPHABET, min_size=1, max_size=30).map(str.strip).filter(bool)
tag = st.from_regex(r"[a-z][a-z0-9]{0,5}(::[a-z][a-z0-9]{0,5}){0,2}", fullmatch=True)
card = st.builds(
    lambda question, answer, tags: (question, answer, tags),
    text,
    text,
    st.lists(tag, max_size=3, unique=True),
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(card, min_size=1, max_size=6))
# Formulas a spreadsheet would run, and text that looks escaped already.
@example([("=1+1", "-5", ["a"]), ("'@x", "''=y", []), ("+", "#columns:x", ["b::c"])])
def test_cards_come_back_from_csv(tmp_path_factory, cards):
    folder = tmp_path_factory.mktemp("csv")
    deck = Deck(
        id="deck",
        title="Deck",
        cards=[
            BasicCard(id=f"card-{i}", kind="basic", question=q, answer=a, tags=t)
            for i, (q, a, t) in enumerate(cards)
        ],
    )
    (folder / "deck.yaml").write_text(deck_yaml(deck), encoding="utf-8")
    export_csv(folder / "deck.yaml", folder / "deck.csv")
    import_deck(folder / "deck.csv", folder / "again.yaml", deck_id="deck")
    again = load_deck(folder / "again.yaml", use_cache=False)[0].deck
    assert [(c.id, c.kind, c.question, c.answer, c.tags) for c in again.cards] == [
        (c.id, "basic", c.question, c.answer, c.tags) for c in deck.cards
    ]
