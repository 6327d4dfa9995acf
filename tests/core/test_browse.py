"""The card browser's search and sort: which cards a search finds, in which order."""

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.browse import (
    SORT_ORDERS,
    QueryError,
    answer_text,
    build_entries,
    count_text,
    load_entries,
    parse_query,
    refresh_entry,
    search,
    sort_entries,
)
from quizapp.core.clock import FixedClock
from quizapp.core.collection import Collection
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Rating
from tests.quiz.test_same_cards_as_review import write_nested_deck

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

HISTORY = """\
id: history
title: Modern history
sources: [hindu-explained]
cards:
  - id: h-year
    kind: year
    question: In which year did the Soviet Union recognise North Korea?
    answer: 1948
    tags: [dates, history]
    explanation: The DPRK came into existence that year.
    source:
      document: hindu-explained
      quote: when it came into existence in 1948
  - id: h-order
    kind: ordering
    events:
      - {event: DPRK founded, date: "1948"}
      - {event: Putin visits Pyongyang, date: "2000-07"}
    tags: [dates]
  - id: h-draft
    kind: basic
    status: draft
    question: Who signed the pact?
    answer: Putin and Kim
    tags: [people]
  - id: h-stale
    kind: basic
    question: Who is Russia's president?
    answer: Vladimir Putin
    tags: [people]
    valid_until: 2025-01-01
"""

TREATY = """\
id: treaty
title: The 2024 treaty
sources: [study-notes]
cards:
  - id: t-article
    kind: mcq
    question: Which article does the pact invoke?
    answer: Article 51
    distractors: [Article 2, Article 42]
    tags: [articles]
    explanation: It deals with self-defence.
    source:
      document: study-notes
      quote: in accordance with Article 51 of the UN Charter
  - id: t-cloze
    kind: cloze
    text: Article 4 invokes Article {{51::number}} of the UN Charter.
    tags: [articles]
  - id: t-tf
    kind: true_false
    statement: Food finds mention in the treaty.
    answer: true
    tags: [treaty]
"""


def K(card_id: str) -> CardKey:
    return CardKey("history" if card_id.startswith("h-") else "treaty", card_id)


@pytest.fixture
def collection(tmp_path):
    (tmp_path / "history.yaml").write_text(HISTORY)
    (tmp_path / "treaty.yaml").write_text(TREATY)
    opened = Collection.open(
        [tmp_path / "history.yaml", tmp_path / "treaty.yaml"],
        tmp_path / "progress.sqlite3",
        clock=FixedClock(NOW),
        settings=Settings(timezone="UTC", enable_fuzzing=False, leech_lapses=1),
    )
    store = opened.store
    store.answer(K("h-year"), Rating.good)  # learning
    store.answer(K("t-article"), Rating.easy)  # review, due in days
    store.answer(K("h-stale"), Rating.easy)
    store.answer(K("h-stale"), Rating.again)  # a lapse: a leech (threshold 1), suspended
    store.suspend([K("t-tf")])
    store.set_flag([K("t-cloze")], 1)
    store.bury([K("h-order")])
    yield opened
    opened.close()


def ids(entries) -> list[str]:
    return [e.key.card_id for e in entries]


def find(entries, text: str) -> list[str]:
    return ids(search(entries, parse_query(text)))


def test_every_card_of_every_deck_in_deck_order_with_its_progress(collection):
    entries = load_entries(collection)
    assert ids(entries) == [
        "h-year",
        "h-order",
        "h-draft",
        "h-stale",
        "t-article",
        "t-cloze",
        "t-tf",
    ]
    status = {e.key.card_id: e.status for e in entries}
    assert status == {
        "h-year": "learning",
        "h-order": "buried",
        "h-draft": "draft",
        "h-stale": "leech",
        "t-article": "review",
        "t-cloze": "new",
        "t-tf": "suspended",
    }
    article = entries[4]
    assert article.due == collection.store.progress(K("t-article")).due
    assert article.retrievability is not None and article.difficulty is not None
    assert entries[5].flag == 1 and entries[5].due is None
    assert entries[3].lapses == 1


def test_answer_text_of_each_kind(collection):
    card = collection.card
    assert answer_text(card(K("h-year"))) == "1948"
    assert answer_text(card(K("h-order"))) == "1948 DPRK founded; 2000-07 Putin visits Pyongyang"
    assert answer_text(card(K("t-cloze"))) == "51"
    assert answer_text(card(K("t-tf"))) == "True"
    assert answer_text(card(K("t-article"))) == "Article 51"


def test_free_words_match_question_answer_explanation_and_id_in_any_case(collection):
    entries = load_entries(collection)
    assert find(entries, "SOVIET") == ["h-year"]
    assert find(entries, "putin") == ["h-order", "h-draft", "h-stale"]  # event, answers
    assert find(entries, "self-defence") == ["t-article"]  # explanation
    assert find(entries, "article 51") == ["t-article", "t-cloze"]  # both words
    assert find(entries, '"article 51"') == ["t-article", "t-cloze"]  # cloze answer shown
    assert find(entries, '"invokes article 51"') == ["t-cloze"]
    assert find(entries, "t-tf") == ["t-tf"]
    assert find(entries, "") == ids(entries)


def test_tag_deck_source_and_kind_terms(collection):
    entries = load_entries(collection)
    assert find(entries, "tag:dates") == ["h-year", "h-order"]
    assert find(entries, "tag:art") == []  # a whole tag, as review's filter: not articles
    assert find(entries, "tag:art*") == ["t-article", "t-cloze"]  # a tag starting so
    assert find(entries, "tag:DATES") == ["h-year", "h-order"]
    assert find(entries, "deck:treaty") == ["t-article", "t-cloze", "t-tf"]
    assert find(entries, 'deck:"modern hist"') == ["h-year", "h-order", "h-draft", "h-stale"]
    assert find(entries, "source:hindu") == ["h-year"]  # id or title
    assert find(entries, "source:study") == ["t-article"]
    assert find(entries, "kind:mcq") == ["t-article"]
    assert find(entries, "kind:order") == ["h-order"]
    assert find(entries, "kind:tf") == ["t-tf"]


def test_states_and_flags(collection):
    entries = load_entries(collection)
    assert find(entries, "is:new") == ["h-order", "h-draft", "t-cloze", "t-tf"]
    assert find(entries, "is:learning") == ["h-year", "h-stale"]  # relearning too
    assert find(entries, "is:review") == ["t-article"]
    assert find(entries, "is:suspended") == ["h-stale", "t-tf"]
    assert find(entries, "is:leech") == ["h-stale"]
    assert find(entries, "is:buried") == ["h-order"]
    assert find(entries, "is:draft") == ["h-draft"]
    assert find(entries, "is:stale") == ["h-stale"]
    assert find(entries, "is:flagged") == ["t-cloze"]
    assert find(entries, "flag:red") == ["t-cloze"]
    assert find(entries, "flag:blue") == []
    assert find(entries, "flag:any") == ["t-cloze"]
    assert len(find(entries, "flag:none")) == 6
    assert find(entries, "is:due") == []
    later = build_entries(collection.decks, collection.store.browse(), NOW + timedelta(hours=1))
    assert find(later, "is:due") == ["h-year", "h-stale"]  # learning steps of minutes


def test_terms_are_anded_and_a_minus_negates(collection):
    entries = load_entries(collection)
    assert find(entries, "tag:articles -kind:cloze") == ["t-article"]
    assert find(entries, "deck:history -is:new") == ["h-year", "h-stale"]
    assert find(entries, "putin -tag:people") == ["h-order"]
    assert find(entries, "-putin is:new") == ["t-cloze", "t-tf"]
    assert find(entries, "10:30") == []  # not a field: just text


def test_anki_flags_pink_turquoise_and_purple_are_found(collection):
    collection.store.set_flag([K("t-tf")], 6)
    collection.store.set_flag([K("h-order")], 7)
    entries = load_entries(collection)
    assert find(entries, "flag:turquoise") == find(entries, "flag:6") == ["t-tf"]
    assert find(entries, "flag:purple") == ["h-order"] and find(entries, "flag:pink") == []
    assert find(entries, "flag:any") == ["h-order", "t-cloze", "t-tf"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "is:forgotten",
            "'forgotten' is not a state: is: takes new, learning, review, due, suspended, "
            "buried, leech, draft, stale, flagged",
        ),
        (
            "flag:grey",
            "no flag is called 'grey': flag: takes red, orange, green, blue, pink, turquoise, "
            "purple, any or none",
        ),
        (
            "kind:essay",
            "no kind of card is called 'essay': kind: takes basic, cloze, mcq, true_false, year, "
            "ordering, statements, match, assertion_reason",
        ),
        ("tag:", "tag: needs a value, e.g. tag:dates"),
    ],
)
def test_a_bad_term_says_what_to_type(text, message):
    with pytest.raises(QueryError) as error:
        parse_query(text)
    assert str(error.value) == message


def by(name: str):
    return next(order for order in SORT_ORDERS if order.name == name)


def test_sorts_put_cards_without_a_value_last_in_deck_order(collection):
    store = collection.store
    store.answer(K("t-cloze"), Rating.again)  # learning: due in a minute, the soonest
    entries = load_entries(collection)
    due = sort_entries(entries, by("due"))
    assert ids(due) == ["t-cloze", "h-year", "h-stale", "t-article", "h-order", "h-draft", "t-tf"]
    assert ids(sort_entries(entries, by("due"), reverse=True))[:4] == [
        "t-article",
        "h-year",  # due at the same time as h-stale: deck order either way
        "h-stale",
        "t-cloze",
    ]
    lapses = sort_entries(entries, by("lapses"))
    assert ids(lapses)[0] == "h-stale"  # most lapses first; ties keep deck order
    assert ids(lapses)[1:] == ["h-year", "h-order", "h-draft", "t-article", "t-cloze", "t-tf"]
    recall = sort_entries(entries, by("retrievability"))
    assert ids(recall)[4:] == ["h-order", "h-draft", "t-tf"]  # never reviewed
    values = [e.retrievability for e in recall[:4]]
    assert values == sorted(values)  # least likely recalled first
    hardest = sort_entries(entries, by("difficulty"))
    values = [e.difficulty for e in hardest if e.difficulty is not None]
    assert values == sorted(values, reverse=True)
    assert ids(sort_entries(due, by("deck"))) == ids(entries)


def test_a_cancelled_search_stops(collection):
    entries = load_entries(collection)
    assert search(entries, parse_query("putin"), cancelled=lambda: True, chunk=2) is None


def test_an_entry_follows_its_card_after_a_mark(collection):
    entries = {e.key: e for e in load_entries(collection)}
    store = collection.store
    store.unsuspend([K("h-stale")])
    store.reset([K("t-article")])
    store.set_flag([K("t-article")], 4)
    for key in (K("h-stale"), K("t-article")):
        refresh_entry(entries[key], store.progress(key), NOW)
    stale, article = entries[K("h-stale")], entries[K("t-article")]
    assert stale.status == "relearning" and "leech" in stale.marks
    assert not stale.suspended
    assert article.status == "new" and article.due is None and article.retrievability is None
    assert article.flag == 4 and "flagged" in article.marks


def test_count_text():
    assert count_text(12345, 100000) == "12,345 of 100,000 cards"
    assert count_text(1, 1) == "1 of 1 card"


@pytest.mark.parametrize(
    ("tag", "cards"),
    [
        ("upsc", {"polity", "budget", "whole"}),  # not upscale, not economy::upsc
        ("UPSC", {"polity", "budget", "whole"}),
        ("upsc::economy", {"budget"}),  # a parent no card carries itself
        ("economy", {"economy"}),
        ("upsc::eco", set()),  # a whole tag, not the start of one
    ],
)
def test_a_tag_search_finds_the_cards_the_tag_filter_studies(tmp_path, tag, cards):
    deck = write_nested_deck(tmp_path / "decks")
    opened = Collection.open([deck], tmp_path / "progress.sqlite3", clock=FixedClock(NOW))
    try:
        studied = {k.card_id for k in opened.practice_keys(opened.deck_ids, tags=[tag])}
        assert studied == cards
        assert set(find(load_entries(opened), f"tag:{tag}")) == cards
    finally:
        opened.close()


def test_a_star_in_a_tag_search_stands_for_any_characters(tmp_path):
    deck = write_nested_deck(tmp_path / "decks")
    opened = Collection.open([deck], tmp_path / "progress.sqlite3", clock=FixedClock(NOW))
    try:
        entries = load_entries(opened)
        assert set(find(entries, "tag:ups*")) == {"polity", "budget", "whole", "upscale"}
        assert set(find(entries, "tag:*::upsc")) == {"economy"}
        assert set(find(entries, "tag:upsc::*::budget")) == {"budget"}
        assert len(find(entries, "tag:*")) == len(entries)  # every card here has a tag
    finally:
        opened.close()


SEARCHES = [
    "soviet",
    "ovie",  # inside a word
    "putin",
    "in vis",  # the end of one word, the start of the next
    "article 51",
    '"article 51"',
    '"invokes article 51"',
    '"e 51 of"',
    "ticle 5",
    "51",
    "1948 dprk",
    "2000-07",
    "self-defence",
    "-",
    ")",
    "t-",
    "t-tf",
    "zzz",
    "uncommonword",
    "putin -tag:people",
    "-putin is:new",
    "tag:art 51",
    "kind:cloze article",
]


def test_the_deck_cache_finds_what_reading_every_card_finds(collection, monkeypatch):
    from quizapp.deck import cache
    from quizapp.deck.loader import load_decks

    cached = load_entries(collection)
    assert all(e.cache_key is not None and e.text == "" for e in cached)  # found by the index
    read = build_entries(
        load_decks([d.path for d in collection.decks], use_cache=False).decks,
        collection.store.browse(),
        NOW,
    )
    assert all(e.cache_key is None and e.text for e in read)  # each card's text scanned
    assert [(e.key, e.prompt, e.answer, e.status) for e in cached] == [
        (e.key, e.prompt, e.answer, e.status) for e in read
    ]
    for text in SEARCHES:
        assert find(cached, text) == find(read, text), text
    assert find(cached, "ovie") == ["h-year"]
    # Words in more of the index's terms than it looks through: left to the others, or to
    # reading every card's words, with the same result.
    monkeypatch.setattr(cache, "MOST_TERMS", 1)
    for text in SEARCHES:
        assert find(cached, text) == find(read, text), text
    assert find(cached, "ticle 5") == ["t-article", "t-cloze"]


def test_a_deck_edited_is_searched_as_it_now_reads(collection, tmp_path):
    from quizapp.deck.loader import load_decks

    assert find(load_entries(collection), "self-defence") == ["t-article"]
    path = tmp_path / "treaty.yaml"
    path.write_text(path.read_text().replace("self-defence", "collective security"))
    reloaded = build_entries(load_decks([d.path for d in collection.decks]).decks, [], NOW)
    assert find(reloaded, "self-defence") == []
    assert find(reloaded, "ive secur") == ["t-article"]


def test_words_are_found_when_the_deck_cache_was_made_again_meanwhile(collection):
    from quizapp.deck import cache

    entries = load_entries(collection)
    cache.close_all()
    for path in cache.cache_file().parent.glob(cache.cache_file().name + "*"):
        path.unlink()  # another window threw it away: a new, empty one is made
    found = search(entries, parse_query("putin"), decks=collection.decks)
    assert ids(found) == ["h-order", "h-draft", "h-stale"]
