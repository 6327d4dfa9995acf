"""`quizapp check` warns like an exam setter, at the card's line: each weakness a test-wise
student exploits, and nothing on a card without one."""

import datetime as dt

from quizapp.deck.check import check

TODAY = dt.date(2026, 11, 25)

HEADER = """\
id: setter
title: Setter
sources: [hindu-explained]
cards:
"""

QUOTE = "in alignment with Article 51 of the U.N. charter (dealing with self-defence.)"


def warnings_for(write_deck, cards: str) -> list[str]:
    path = write_deck(HEADER + cards)
    report = check([path], TODAY)
    assert report.errors == [], [str(p) for p in report.errors]
    return [str(p).replace(str(path), "deck.yaml") for p in report.warnings]


def card(body: str) -> str:
    return body + f"    source: {{document: hindu-explained, quote: {QUOTE!r}}}\n"


def test_a_sound_card_draws_no_warning(write_deck):
    assert (
        warnings_for(
            write_deck,
            card(
                "  - id: sound\n"
                "    kind: mcq\n"
                "    question: Which article of the UN Charter does the pact invoke?\n"
                "    answer: Article 51\n"
                "    answer_type: article\n"
                "    distractors: [Article 2, Article 42, Article 39]\n"
            ),
        )
        == []
    )


def test_distractor_of_another_type(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: year-typed\n"
            "    kind: mcq\n"
            "    question: When was the treaty signed?\n"
            "    answer: '1961'\n"
            "    answer_type: year\n"
            "    distractors: ['1959', Moscow, '1965']\n"
        ),
    )
    assert found == [
        "deck.yaml:5: warning: card 'year-typed': distractor 'Moscow' is not a year, while "
        "the answer '1961' is a year (replace it with a wrong answer of the same kind, or fix "
        "`answer_type`)"
    ]


def test_option_containing_another(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: council\n"
            "    kind: mcq\n"
            "    question: Which body did South Korea convene for an emergency meeting?\n"
            "    answer: National Security Council\n"
            "    answer_type: organisation\n"
            "    distractors: [Security Council, Cabinet, State Council]\n"
        ),
    )
    assert len(found) == 1
    assert found[0].startswith(
        "deck.yaml:5: warning: card 'council': option 'National Security Council' and option "
        "'Security Council': one is a whole-word part of the other"
    )


def test_false_statement_that_only_negates_a_true_one(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: negated\n"
            "    kind: statements\n"
            "    statements:\n"
            f"      - {{text: The pact invokes Article 51., correct: true, quote: {QUOTE!r}}}\n"
            "      - {text: The pact does not invoke Article 51., correct: false, "
            f"quote: {QUOTE!r}}}\n"
            f"      - {{text: The pact was signed in Moscow., correct: false, quote: {QUOTE!r}}}\n"
        ),
    )
    assert found == [
        "deck.yaml:5: warning: card 'negated': false statement 2 only reverses true statement "
        "1 (knowing either settles both; make the false statement a misconception of its own)"
    ]


def test_composite_items_without_their_own_quote(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: pairs\n"
            "    kind: match\n"
            "    pairs:\n"
            f"      - {{left: Article 51, right: UN Charter, quote: {QUOTE!r}}}\n"
            "      - {left: Article 4, right: the pact}\n"
            "      - {left: Article 5, right: NATO treaty}\n"
        ),
    )
    assert found == [
        "deck.yaml:5: warning: card 'pairs': pair 2, 3 cite no quote (give each pair its own "
        "`quote:` from 'hindu-explained')"
    ]


def test_wording_that_contains_or_cues_its_answer(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: cued\n"
            "    kind: mcq\n"
            "    question: Under Article 4, how soon must immediate military assistance come?\n"
            "    answer: Without delay\n"
            "    distractors: [Within a month, After a vote in parliament, Within a year]\n"
        )
        + card(
            "  - id: named\n"
            "    kind: mcq\n"
            "    question: What does the Treaty on Mutual Assistance provide?\n"
            "    answer: Mutual assistance\n"
            "    distractors: [Trade credits, Tourism, Debt relief]\n"
        ),
    )
    assert [f.split(" (")[0] for f in found] == [
        "deck.yaml:5: warning: card 'cued': the question's wording cues its answer 'Without delay'",
        "deck.yaml:11: warning: card 'named': the question contains its answer 'Mutual assistance'",
    ]


def test_absolute_words_marking_the_wrong_options(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: absolutes\n"
            "    kind: mcq\n"
            "    question: Why does North Korea need Russian trade?\n"
            "    answer: International sanctions limit its other trade\n"
            "    distractors: [China has stopped all trade with it, It has never traded with "
            "Japan, Its ports are closed in winter]\n"
        ),
    )
    assert [f.split(" (")[0] for f in found] == [
        "deck.yaml:5: warning: card 'absolutes': absolute words mark wrong options"
    ]


def test_all_in_the_names_of_bodies_marks_no_option(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: bodies\n"
            "    kind: mcq\n"
            "    question: Which body met the Viceroy at Simla in 1906?\n"
            "    answer: A Muslim deputation\n"
            "    answer_type: organisation\n"
            "    distractors: [All India Muslim League, All India Trade Union Congress, "
            "Servants of India Society]\n"
        ),
    )
    assert found == []


def test_a_figure_s_unit_in_the_question_is_no_cue(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: unit\n"
            "    kind: mcq\n"
            "    question: The loan limit was raised from Rs 3 lakh to what?\n"
            "    answer: Rs 5 lakh\n"
            "    answer_type: number\n"
            "    distractors: [Rs 4 crore, Rs 60,000, Rs 2 crore]\n"
        ),
    )
    assert found == []


def test_a_scientific_names_latin_echoing_the_common_name_is_no_cue(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: species\n"
            "    kind: cloze\n"
            "    text: The Velmar megapode ({{Megapodius velmariensis}}) nests in mounds.\n"
        )
        + card(
            "  - id: common\n"
            "    kind: cloze\n"
            "    text: The {{Velmar tahr}} lives on the Velmar hills.\n"
        ),
    )
    # a common name that repeats a word of the question is still a give-away
    assert [f.split(": ")[2] for f in found] == ["card 'common'"]


def test_the_word_for_what_kind_of_thing_a_name_is_gives_nothing_away(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: ministry\n"
            "    kind: cloze\n"
            "    text: The nodal ministry is the {{Ministry of Velkor Affairs}}.\n"
        )
        + card(
            "  - id: surname\n"
            "    kind: cloze\n"
            "    text: The last Nanda king, {{Dhana Nanda}}, was overthrown.\n"
        )
        + card(
            "  - id: modifier\n"
            "    kind: cloze\n"
            "    text: The bill amends the {{Waqf Act}}, the main law on waqf.\n"
        ),
    )
    # A surname or a word that names which one is a give-away; a head noun is not.
    assert [f.split(" (")[0] for f in found] == [
        "deck.yaml:9: warning: card 'surname': the question's wording cues its answer "
        "'Dhana Nanda'",
        "deck.yaml:13: warning: card 'modifier': the question's wording cues its answer 'Waqf Act'",
    ]


def test_the_word_for_what_kind_of_place_a_name_is_gives_nothing_away(write_deck):
    found = warnings_for(
        write_deck,
        card(
            "  - id: caves\n"
            "    kind: cloze\n"
            "    text: Nearby are the {{Velra Caves}}, limestone caves cut by the Tarsi river.\n"
        )
        + card(
            "  - id: point\n"
            "    kind: cloze\n"
            '    text: "{{Orvan Point}} on Great Velkor is the southernmost point of Tarsova."\n'
        )
        + card(
            "  - id: name\n"
            "    kind: cloze\n"
            "    text: The {{Velra Caves}} are named after the village of Velra.\n"
        ),
    )
    assert [f.split(" (")[0] for f in found] == [
        "deck.yaml:13: warning: card 'name': the question's wording cues its answer 'Velra Caves'",
    ]
