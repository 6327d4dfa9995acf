"""Each kind of bad deck gives a located, readable error, and never a traceback."""

from pathlib import Path

import pytest

from quizapp.deck.loader import load_deck, load_decks
from tests.deck.conftest import GOOD


def only_error(path: Path) -> str:
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is None
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, [str(p) for p in problems]
    return str(errors[0]).replace(str(path), "deck.yaml")


def test_good_deck_loads(write_deck):
    loaded, problems = load_deck(write_deck(GOOD), use_cache=False)
    assert problems == []
    assert [c.id for c in loaded.deck.cards] == ["recognised", "article-51"]
    assert loaded.card_lines == {"recognised": 5, "article-51": 13}


def edited(old: str, new: str) -> str:
    """The good deck with one change (which must apply: else the case would test nothing)."""
    assert old in GOOD, old
    return GOOD.replace(old, new)


ONE_ERROR = {
    # The parser notices the unclosed bracket on the next line; the hint says so.
    "malformed-yaml": (
        edited("    answer: 1948\n", "    answer: [1948\n"),
        "deck.yaml:9:9: error: invalid YAML: illegal placement of ':' indicator "
        "(check the indentation and quoting on this line and the one above)",
    ),
    "unknown-field": (
        edited("    answer: 1948\n", "    answer: 1948\n    colour: red\n"),
        "deck.yaml:9:5: error: card 'recognised', `colour`: unknown field "
        "(remove `colour` or check its spelling)",
    ),
    "wrong-type": (
        edited("answer: 1948", "answer: nineteen forty-eight"),
        "deck.yaml:8:13: error: card 'recognised', `answer`: "
        "input should be a valid integer, unable to parse string as an integer (got str)",
    ),
    "duplicate-card-id": (
        edited("id: article-51", "id: recognised"),
        "deck.yaml:13:9: error: duplicate card id 'recognised' "
        "(give each card its own id; progress is keyed by it)",
    ),
    "mcq-answer-also-a-distractor": (
        edited("Article 2, Article 5", "Article 51, Article 5"),
        "deck.yaml:13:5: error: card 'article-51': the answer 'Article 51' is also listed "
        "as a distractor: remove it from `distractors`",
    ),
    "duplicate-yaml-key": (
        edited("    answer: 1948\n", "    answer: 1948\n    answer: 1949\n"),
        "deck.yaml:9:5: error: the key 'answer' appears twice in the same mapping "
        "(remove one of them)",
    ),
    "a-question-mark-line-makes-a-key": (
        edited("does the pact invoke?\n", "does the pact invoke\n?\n"),
        "deck.yaml:17:5: error: a list or a mapping is used here as a key (after a `?`), not "
        "a field name (remove the `?`, or quote it if it belongs to the text above)",
    ),
    "missing-field": (
        edited("    question: Which article of the UN Charter does the pact invoke?\n", ""),
        "deck.yaml:13:5: error: card 'article-51', `question`: required field is missing "
        "(add `question`)",
    ),
    "not-a-mapping": (
        "- just\n- a list\n",
        "deck.yaml:1:1: error: a deck file must be a mapping with `id`, `title` and `cards` "
        "(start the file with `id: my-deck`)",
    ),
}


@pytest.mark.parametrize("text, expected", ONE_ERROR.values(), ids=ONE_ERROR.keys())
def test_a_bad_deck_gives_one_located_error(write_deck, text, expected):
    assert only_error(write_deck(text)) == expected


# Errors whose message goes on to name things that may grow (documents, kinds, sources).
ERROR_STARTING = {
    "quote-not-in-document": (
        edited("under Kim Jong-un's grandfather", "under his grandson"),
        "deck.yaml:12:14: error: card 'recognised': quote not found in ",
        ["Explained", "copy the passage exactly"],
    ),
    "unknown-kind-lists-the-kinds": (
        edited("kind: year", "kind: essay"),
        "deck.yaml:5:5: error: card 'recognised': unknown card kind 'essay'",
        ["basic, cloze, mcq, true_false, year, ordering, statements, match"],
    ),
    "unknown-source-document": (
        edited("sources: [hindu-explained]", "sources: [hindu-explained, bbc]"),
        "deck.yaml:3:28: error: unknown source document 'bbc' (use a bundled",
        [],
    ),
}


@pytest.mark.parametrize("text, start, parts", ERROR_STARTING.values(), ids=ERROR_STARTING.keys())
def test_a_bad_deck_gives_one_located_error_saying_what_to_do(write_deck, text, start, parts):
    message = only_error(write_deck(text))
    assert message.startswith(start)
    for part in parts:
        assert part in message


def test_not_utf8(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_bytes(b"id: x\ntitle: caf\xe9\n")
    assert (
        only_error(path) == "deck.yaml:2:11: error: the file is not UTF-8 text (save it as UTF-8)"
    )


def test_alias_bomb_refused_quickly(write_deck):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    path = write_deck("\n".join(lines) + "\n")
    assert only_error(path).startswith("deck.yaml:1:1: error: too many YAML alias expansions")


def test_huge_file_refused_without_reading(tmp_path):
    path = tmp_path / "deck.yaml"
    with path.open("wb") as out:
        out.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    assert only_error(path) == (
        "deck.yaml: error: file is 42 MB; decks over 32 MB are refused "
        "(split it into several decks)"
    )


def test_card_citing_a_document_the_deck_does_not_list(write_deck):
    path = write_deck(GOOD.replace("sources: [hindu-explained]", "sources: []"))
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is None
    assert [p.message for p in problems] == [
        "card 'recognised' cites document 'hindu-explained', which the deck does not list in "
        "`sources`",
        "card 'article-51' cites document 'hindu-explained', which the deck does not list in "
        "`sources`",
    ]


def test_one_bad_deck_never_stops_the_others(write_deck):
    good = write_deck(GOOD, "a.yaml")
    bad = write_deck("id: [\n", "b.yaml")
    other = write_deck(GOOD.replace("id: test-deck", "id: other-deck"), "c.yaml")
    result = load_decks([good.parent], use_cache=False)
    assert [d.deck.id for d in result.decks] == ["test-deck", "other-deck"]
    assert [p.path for p in result.problems] == [bad]
    assert other.exists()


def test_same_deck_id_twice(write_deck):
    write_deck(GOOD, "a.yaml")
    second = write_deck(GOOD, "b.yaml")
    result = load_decks([second.parent], use_cache=False)
    assert len(result.decks) == 1
    assert str(result.problems[0]).endswith(
        "error: deck id 'test-deck' is already used by "
        f"{second.parent / 'a.yaml'} (give each deck its own id; progress is keyed by it)"
    )


def test_missing_source_is_a_warning_not_an_error(write_deck):
    text = GOOD.split("    source:\n", 1)
    path = write_deck(text[0] + text[1].split("\n", 2)[2])
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is not None
    assert [(p.severity, p.message) for p in problems] == [
        ("warning", "card 'recognised' cites no source")
    ]


STATEMENT_SET = """
  - id: set
    kind: statements
    source:
      document: hindu-explained
      quote: "in alignment with Article 51 of the U.N. charter (dealing with self-defence.)"
    statements:
      - text: The pact invokes Article 51 of the UN Charter.
        correct: true
        quote: "in alignment with Article 51 of the U.N. charter"
      - text: The Soviet Union recognised North Korea in 1948.
        correct: true
        quote: "{quote}"
"""


def test_item_quotes_are_checked_against_the_cards_document(write_deck):
    good = GOOD + STATEMENT_SET.format(quote="when it came into existence in 1948")
    loaded, problems = load_deck(write_deck(good), use_cache=False)
    assert problems == [] and loaded.card("set").statements[1].quote.endswith("1948")

    bad = GOOD + STATEMENT_SET.format(quote="when it was founded in 1948")
    message = only_error(write_deck(bad))
    assert message.startswith(
        "deck.yaml:35:16: error: card 'set': the quote of item 2 is not found in "
    ), message


def test_assertion_reason_answer_must_be_one_of_the_four(write_deck):
    card = """
  - id: reason
    kind: assertion_reason
    statement_1: The pact obliges mutual military assistance.
    statement_2: The pact invokes Article 51 of the UN Charter.
    answer: {answer}
"""
    loaded, problems = load_deck(
        write_deck(GOOD + card.format(answer="both_correct_not_explains")), use_cache=False
    )
    assert loaded.card("reason").correct_index == 1
    message = only_error(write_deck(GOOD + card.format(answer="both_true")))
    assert "card 'reason', `answer`" in message and "both_correct_explains" in message
