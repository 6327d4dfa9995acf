"""A deck written by the authoring commands loads back to exactly the same cards."""

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quizapp.authoring.yamlio import deck_yaml
from quizapp.deck.loader import load_deck
from quizapp.deck.model import Deck

EVERY_KIND = {
    "id": "every-kind",
    "title": "Every kind: 'quoted' & \"double\"",
    "description": "Line one\nline two",
    "sources": ["hindu-explained"],
    "cards": [
        {
            "id": "b1",
            "kind": "basic",
            "question": "no",
            "answer": "0o17",
            "accept": ["1e3", "null", "~"],
            "distractors": ["yes", "- dash", "# hash"],
            "tags": ["x", "y"],
            "explanation": "key: value #not a comment",
            "notes": "  {{ not a cloze",
            "previous_ids": ["old-b1"],
            "as_of": "2024-06-21",
            "valid_until": "2030-01-01",
        },
        {"id": "c1", "kind": "cloze", "text": "{{Kim Il-sung}} founded {{DPRK::state}}"},
        {
            "id": "m1",
            "kind": "mcq",
            "question": "Which?",
            "answer": "1948",
            "distractors": ["1950", "true"],
        },
        {"id": "t1", "kind": "true_false", "statement": "It was 1948.", "answer": False},
        {
            "id": "y1",
            "kind": "year",
            "question": "When?",
            "answer": -44,
            "distractors": [1948, 1950],
            "status": "draft",
            "source": {"document": "hindu-explained", "quote": "came into existence in 1948"},
        },
        {
            "id": "o1",
            "kind": "ordering",
            "events": [{"event": "A: first", "date": "1948"}, {"event": "B", "date": "1950-06"}],
        },
        {
            "id": "s1",
            "kind": "statements",
            "statements": [{"text": "One", "correct": True}, {"text": "Two", "correct": False}],
        },
        {
            "id": "p1",
            "kind": "match",
            "pairs": [{"left": "Article 51", "right": "self-defence"}, {"left": "a", "right": "b"}],
        },
    ],
}


def roundtrip(deck: Deck, tmp_path) -> Deck:
    path = tmp_path / "deck.yaml"
    path.write_text(deck_yaml(deck), encoding="utf-8")
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is not None, [str(p) for p in problems]
    return loaded.deck


def test_every_kind_round_trips(tmp_path):
    deck = Deck.model_validate(EVERY_KIND)
    assert roundtrip(deck, tmp_path) == deck


def test_written_yaml_is_block_style_and_readable():
    text = deck_yaml(Deck.model_validate(EVERY_KIND))
    assert '  - id: b1\n    kind: basic\n    question: "no"\n    answer: "0o17"\n' in text
    assert '    tags: [x, "y"]\n' in text  # y is a YAML 1.1 boolean: quoted
    assert "description: |-\n  Line one\n  line two\n" in text
    assert "    text: '{{Kim Il-sung}} founded {{DPRK::state}}'\n" in text


_TEXT = st.text(
    alphabet=st.sampled_from(string.printable + "\u2019\u201c\u2014é\u00a0\u0964"), min_size=1
).filter(lambda s: s.strip())


# Derandomized: the same examples every run, so the test passes or fails for a reason.
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(question=_TEXT, answer=_TEXT, explanation=st.text(string.printable))
@example(question="0", answer="_0", explanation="")  # yaml-rs reads _0 as the number 0
@example(question="-_1", answer="._1", explanation="_")  # and these, behind a sign or dot
def test_any_text_round_trips(tmp_path, question, answer, explanation):
    deck = Deck(
        id="fuzz",
        title=question,
        cards=[
            {
                "id": "q",
                "kind": "basic",
                "question": question,
                "answer": answer,
                "explanation": explanation,
            }
        ],
    )
    assert roundtrip(deck, tmp_path) == deck


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(
        st.text(string.printable + "\u2019é", min_size=1).filter(str.strip),
        min_size=2,
        max_size=4,
        unique=True,
    ),
    explanation=st.text(string.printable),
)
@example(texts=["- dash", "  {{ not a cloze", "a - |", "|"], explanation="- x\n  - y\n\n- z")
def test_libyaml_writes_what_pyyaml_writes(texts, explanation):
    """The fast emitter, its lists indented after it, gives PyYAML's own emitter's text."""
    from quizapp.authoring.yamlio import _PythonDumper, cards_yaml, deck_data, deck_head_yaml, dump

    deck = Deck(
        id="same",
        title=texts[0],
        description=explanation,
        cards=[
            {
                "id": "o",
                "kind": "ordering",
                "events": [{"event": t, "date": str(1900 + i)} for i, t in enumerate(texts)],
            },
            {
                "id": "m",
                "kind": "mcq",
                "question": texts[-1],
                "answer": "\x07answer",
                "distractors": texts,
            },
            {"id": "b", "kind": "basic", "question": "q", "answer": texts[0], "notes": explanation},
        ],
    )
    for cards in (deck.cards, deck.cards[2:]):  # lists inside cards, and none
        some = deck.model_copy(update={"cards": cards})
        expected = dump(deck_data(some), _PythonDumper)
        assert dump(deck_data(some)) == expected
        assert deck_head_yaml(some) + cards_yaml(list(cards)) == expected


# Characters that decide a scalar's style: indicators, quotes, edge spaces, line breaks,
# characters libyaml escapes (tab, NEL, BOM, beyond U+FFFF), and ordinary text.
_TRICKY = st.text(
    alphabet=st.sampled_from(
        list("aZy0_-.:#?,[]{}&*!|>'\"%@`~+= \n\t\\")
        + ["\u0085", "\ufeff", "\u0928", "\u0940", "\u00a0", "\u2028", "\U0001f600"]
    ),
    max_size=12,
)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(texts=st.lists(_TRICKY, min_size=4, max_size=4), tags=st.lists(_TRICKY, max_size=3))
@example(texts=["yes", "- a", "a: b", "a #b"], tags=["upsc::polity", "on", "-x", "'q"])
@example(texts=["._", "---x", "a\n\nb", "x:"], tags=["?", ":a", "a,b", " "])
def test_cards_written_directly_as_libyaml_writes_them(texts, tags):
    """Cards are written as text without libyaml where their values allow; the text is the
    same, character for character, as libyaml's."""
    from quizapp.authoring.yamlio import _AMBIGUOUS, _emitted, _Flow, dump
    from quizapp.authoring.yamltext import item_texts

    card = {
        "id": "c",
        "kind": "basic",
        "question": texts[0],
        "answer": texts[1],
        "tags": _Flow(tags),
        "notes": texts[2],
        "media": [{"file": texts[3], "side": "answer"}],
        "guid": texts[3],
        "distractors": texts,
    }
    assert dump([card]) == _emitted([card])
    [text] = item_texts([card], _AMBIGUOUS.match)  # as `cards_yaml` writes a deck's cards
    assert text in (None, _emitted([card]))
    assert dump({"id": "d", "title": texts[0], "sources": [], "cards": None}) == _emitted(
        {"id": "d", "title": texts[0], "sources": [], "cards": None}
    )


def test_an_imported_card_is_written_without_libyaml():
    from quizapp.authoring.yamlio import _AMBIGUOUS, card_data
    from quizapp.authoring.yamltext import yaml_text
    from quizapp.deck.model import BasicCard

    card = BasicCard(
        id="river-1",
        kind="basic",
        question="Which river: the (longest) नदी?",
        answer="Ganga\n\nits basin, 1,086,000 km²",
        tags=["upsc::geography::rivers"],
        guid="r5,TiZch=o",
        media=[{"file": "x.media/map.png", "side": "answer"}],
    )
    assert yaml_text([card_data(card)], _AMBIGUOUS.match) is not None


# What an Anki field holds: HTML with its quotes and entities, cloze markers, line breaks
# (\n, \r\n, U+2028), tabs, controls, no-break and edge spaces, emoji, Devanagari.
_FIELD = st.lists(
    st.sampled_from(
        list("ab <>/=\"'&;:{}#,-?|\n\r\t\\")
        + ["<br>", "<b>", "</div>", "&nbsp;", "{{c1::", "}}", "- ", ": ", " #"]
        + ["\x00", "\x1b", "\x7f", "\x85", "\u00a0", "\u0928", "\u2028", "\ufeff", "\U0001f600"]
    ),
    max_size=10,
).map("".join)


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(fields=st.lists(_FIELD, min_size=1, max_size=3), tags=st.lists(_TRICKY, max_size=2))
@example(fields=["", "a\n", "\n- b: |"], tags=["UPSC::Polity"])
@example(fields=["a\u2028b", "x\r\ny", ' "q" '], tags=[])
@example(fields=["\U0001f600\t\ufeff", "a  b", "#x"], tags=["- x", "?"])
def test_anki_fields_are_written_directly_and_load_back_byte_for_byte(tmp_path, fields, tags):
    """An imported card's Anki note (HTML fields and tags, each list on one line) is written
    without libyaml, in libyaml's text, and loads back to exactly the same strings."""
    from quizapp.authoring.yamlio import (
        _AMBIGUOUS,
        _emitted,
        card_data,
        cards_yaml,
        deck_head_yaml,
        note_types_yaml,
    )
    from quizapp.authoring.yamltext import item_texts
    from quizapp.deck.model import AnkiNote, AnkiNoteType, BasicCard

    note = AnkiNote(note_type=7, card=1, fields=fields, tags=tags, modified=1_700_000_000)
    card = BasicCard(id="c", kind="basic", question="q", answer="a", anki=note)
    data = card_data(card)
    assert data["anki"] == note.model_dump(mode="json", exclude_defaults=True)
    [text] = item_texts([data], _AMBIGUOUS.match)
    assert text == _emitted([data])
    note_type = AnkiNoteType(id=7, name="Basic", fields=[f"F{i}" for i in range(len(fields))])
    deck = Deck(id="anki", title="Anki", cards=[card], anki_note_types=[note_type])
    path = tmp_path / "deck.yaml"
    yaml = deck_head_yaml(deck) + cards_yaml([card]) + note_types_yaml([note_type])
    path.write_text(yaml, encoding="utf-8")
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is not None, [str(p) for p in problems]
    assert loaded.deck.cards[0].anki.fields == fields
    assert loaded.deck.cards[0].anki.tags == tags
    assert loaded.deck == deck
