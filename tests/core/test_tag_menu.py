"""The tags the deck list's tag filter offers: every tag of the cards and every tag above one,
each parent before the tags under it, with the number of cards the filter of that tag picks."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.storage.queues import card_matches, tag_tree
from quizapp.core.store import Store, TagCount

NESTED = {
    "polity": ["upsc::polity"],
    "budget": ["upsc::economy::budget", "history"],
    "whole": ["upsc"],
    "upscale": ["upscale"],
    "economy": ["economy::upsc"],
    "both": ["upsc::polity", "upsc::economy::tax"],  # counted once under upsc
}


def test_parents_no_card_carries_are_offered_above_their_children():
    assert tag_tree((tags, 1) for tags in NESTED.values()) == [
        TagCount("economy", 0, 1),
        TagCount("economy::upsc", 1, 1),
        TagCount("history", 0, 1),
        TagCount("upsc", 0, 4),
        TagCount("upsc::economy", 1, 2),
        TagCount("upsc::economy::budget", 2, 1),
        TagCount("upsc::economy::tax", 2, 1),
        TagCount("upsc::polity", 1, 2),
        TagCount("upscale", 0, 1),
    ]


def test_the_store_offers_the_tags_of_the_decks_studyable_cards_as_the_filter_counts(tmp_path):
    with Store.open(tmp_path / "progress.sqlite3") as store:
        cards = [(card, "h", [], [*tags, f"source:{card}"], True) for card, tags in NESTED.items()]
        cards.append(("uncited", "h", [], ["upsc::polity"], True))
        cards.append(("draft", "h", [], ["drafts::only"], False))  # never studied: not offered
        store.sync_deck("n", cards)
        store.sync_deck("other", [("x", "h", [], ["upsc::geography"], True)])
        offered = store.tags(["n"])
        assert [t.tag for t in offered] == [
            t.tag for t in tag_tree((t, 1) for t in NESTED.values())
        ]
        assert offered[3] == TagCount("upsc", 0, 5)  # the uncited card too
        for tag in offered:
            picked = store.practice_queue(["n"], tags=[tag.tag], limit=None)
            assert tag.cards == len(picked), tag
        store.suspend([("n", "whole")])  # still carries the tag, as the deck's card count has it
        assert store.tags(["n"]) == offered
        assert [t.tag for t in store.tags(["other"])] == ["upsc", "upsc::geography"]
        assert store.tags([]) == []


WORDS = st.sampled_from(["a", "b", "ab", "A", "b-c"])
TAGS = st.lists(WORDS, min_size=1, max_size=3).map("::".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(TAGS, max_size=3), max_size=8))
def test_each_count_is_what_the_filter_picks_and_children_follow_their_parent(cards):
    offered = tag_tree((tags, 1) for tags in cards)
    assert tag_tree(Counter(tuple(c) for c in cards).items()) == offered  # counted in sets
    for tag in offered:
        assert tag.cards == sum(card_matches(c, None, [tag.tag], None) for c in cards)
        assert tag.cards > 0
    # Every tag a card carries is offered, and every tag above one, once whatever its case.
    folded = [t.tag.lower() for t in offered]
    assert len(folded) == len(set(folded))
    for tag in (t for c in cards for t in c):
        parts = tag.lower().split("::")
        for depth in range(len(parts)):
            assert "::".join(parts[: depth + 1]) in folded
    # A tree read top to bottom: each tag sits right under its parent's run.
    parents: list[str] = []
    for tag in offered:
        assert tag.depth <= len(parents)
        del parents[tag.depth :]
        if parents:
            assert tag.tag.lower().startswith(parents[-1].lower() + "::")
        parents.append(tag.tag)
