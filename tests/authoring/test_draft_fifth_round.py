"""Kinds of fact the fifth round's notes held that the drafter once missed or asked badly."""

from quizapp.authoring.drafter import draft_cards
from quizapp.deck.wording import contains_words, words
from tests.authoring.drafting import asked, drafted, found


def test_a_case_is_asked_whole_by_its_parties_initials_and_all():
    terms = found("The court set rules for arrest in R.K. Mehta v. State of Goa in 1999.")
    assert "R.K. Mehta v. State of Goa" in terms
    assert "R.K. Mehta" not in terms and "Goa" not in terms
    assert "Union of Kerala v. Paul Das" in found("It overruled Union of Kerala v. Paul Das.")


def test_a_sub_article_with_a_hyphen_is_one_article():
    terms = found("Article 312-B requires each council to meet every year.")
    assert terms["Article 312-B"][0] == "article"
    assert "Article 312" not in terms


NOTES_ARTICLES = """\
The Island Councils

Polity notes

Article 312 sets up the councils of the islands.
Article 312-B requires each council to meet every year.
Article 312C applies the same rule to the harbours.
Under Article 40(2), the Governor may dissolve a council.
Article 41 lists the powers of the councils over fishing.
"""


def test_no_option_is_a_whole_word_part_of_another():
    for card in drafted(NOTES_ARTICLES):
        options = [*asked(card), *getattr(card, "distractors", [])]
        for i, first in enumerate(options):
            for second in options[i + 1 :]:
                assert not contains_words(words(first), words(second)), (first, second)


def test_a_title_runs_across_its_small_words():
    terms = found("Its final report, titled Harbours in a Warming Sea, covers five years.")
    assert "Harbours in a Warming Sea" in terms


def test_a_name_in_mixed_case_after_known_as_is_asked():
    assert "eTrawler" in found("The fishers use a mobile app known as eTrawler for it.")


NOTES_SUMMIT = """\
The Reef Summit, 2031

Diplomacy notes

The third Reef Summit was held in Port Vila in March 2031.
The leaders adopted the Coral Sea Declaration.
The ministers launched the Reef Cancer Moonshot.
The host was Prime Minister Ana Tavita, who chaired every session.
The next summit will be held in Suva in 2033.
"""


def test_a_short_sentence_saying_what_was_adopted_is_asked():
    answers = [a for card in drafted(NOTES_SUMMIT) for a in asked(card)]
    assert "Coral Sea Declaration" in answers
    assert "Reef Cancer Moonshot" in answers


NOTES_PRIZE = """\
The Ocean Prize, 2031

Science notes

The Ocean Prize in Chemistry was shared by Mara Lind, Oskar Feld and Tomas Berg.
Mara Lind built the first model of coral growth, which Lind later put online.
The prize money of 11 million crowns was shared equally among the three winners.
"""


def test_a_list_of_people_is_one_card_with_a_blank_for_each():
    (card,) = [c for c in drafted(NOTES_PRIZE) if "shared by" in c.source.quote]
    assert card.kind == "cloze"
    assert asked(card) == ["Mara Lind", "Oskar Feld", "Tomas Berg"]
    assert "{{Oskar Feld}}" in card.text and card.text.endswith("{{Tomas Berg}}.")


def test_who_holds_a_record_opening_its_sentence_is_asked():
    terms = found("Tavua has the lowest, at 1.1.", "The fertility rate of Tavua fell.")
    assert terms["Tavua"][0] == "place"
    assert terms["Tavua"][1] > terms["1.1"][1]


def test_the_period_a_figure_covers_is_no_question():
    terms = found("The sex ratio at birth for children born in the last five years was 929.")
    assert "five years" not in terms and "929" in terms


def test_a_rough_figure_gives_way_to_an_exact_one_beside_it():
    terms = found("The crew carried out about 60 experiments from 31 countries.")
    assert terms["31"][1] > terms["60"][1]
    # alone, a rough figure is still the question: "grow at about 8% a year"
    assert found("The economy must grow at about 8% a year.")["8%"][1] >= 4.3


NOTES_CASE = """\
The Harbour Ruling

Notes on Port Trust v. Marina Das (2031)

On 4 May 2031, a five-judge Bench of the High Court ruled in Port Trust v. Marina Das.
The Bench held that the harbour is held in trust for the public.
The petition had been filed in January 2031 by fishers of the old port.
Arguments closed on 2 March 2031.
The State amended its harbour law in June 2031 to follow the ruling.
"""


def test_the_case_the_notes_are_about_is_not_asked_over_its_date():
    cards = [c for c in drafted(NOTES_CASE) if c.source.quote.startswith("On 4 May")]
    answers = [a for card in cards for a in asked(card)]
    # The case the subtitle names is what the notes are about: its date is the question.
    assert "2031" in answers
    assert "Port Trust v. Marina Das" not in answers


def test_who_won_is_asked_before_who_lost():
    terms = found(
        "Ravi Menon lost the Harbour seat to Anil Kumar Das of the Sea Party.",
        "Ravi Menon said so.",
    )
    assert terms["Anil Kumar Das"][0] == "person"
    # "Ravi Menon" opens the sentence and gains for it; the winner is still worth more.
    assert terms["Anil Kumar Das"][1] >= terms["Ravi Menon"][1] + 0.4


def test_what_holds_a_record_in_lower_case_opening_its_sentence_is_asked():
    terms = found("Forest cover was given the largest weight, at 45 per cent.")
    assert terms["Forest cover"][1] >= 4.5


NOTES_PEOPLE = """\
The Harbour Election, 2031

Polity notes

Kumar Das was sworn in as the first Chief Minister of the island in 1990.
The island voted for a new assembly in a single phase on 5 May.
Ravi Menon lost the Harbour seat to Anil Kumar Das of the Sea Party.
Anil Kumar Das is the son of the first Chief Minister.
"""


def test_a_son_named_in_full_is_not_taken_for_his_father():
    cards = drafted(NOTES_PEOPLE)
    (first,) = [c for c in cards if c.source.quote.startswith("Ravi Menon lost")]
    assert asked(first) == ["Anil Kumar Das"]


NOTES_TREATY = """\
The Southern Seas

Environment notes

The Coral Sea Convention was adopted by the Island Conference on 16 November 1992.
It protects the coral of the southern seas from dredging and from heavy fishing.
Its parties last met on 3 May 2021.
"""


def test_a_thing_adopted_on_a_date_opening_its_sentence_gives_way_to_the_date():
    cards = [c for c in drafted(NOTES_TREATY) if c.source.quote.startswith("The Coral Sea")]
    assert asked(cards[0]) == ["1992"]  # best first


def test_the_title_of_a_work_is_asked_before_its_author():
    terms = found(
        "R.K. Sen wrote the official history for its hundredth year, titled Nineteen Ten.",
        "Sen wrote more.",
    )
    assert terms["Nineteen Ten"][1] > terms["R.K. Sen"][1]


NOTES_BOTH = """\
The Island Councils

Polity notes

Article 312-B requires each island to set up a council every five years. Article 312Y \
applies the same rule to the harbour towns. Both were added by the Forty-First Amendment of 1999.
"""


def test_a_sentence_opening_with_both_brings_what_both_are():
    cards = [c for c in drafted(NOTES_BOTH) if "Both were added" in c.source.quote]
    assert cards
    assert all(c.source.quote.startswith("Article 312-B requires") for c in cards)


NOTES_FROM = """\
The Reef Mission

Science notes

The crew carried out about 60 experiments from 31 countries. The island's share of the \
catch rose from 12% in 2020 to 19% in 2030.
"""


def test_where_things_come_from_is_no_old_value_of_a_change():
    cards = [c.card for c in draft_cards(NOTES_FROM, "doc")]
    crew = [c for c in cards if c.source.quote.startswith("The crew")]
    assert asked(crew[0]) == ["31"]  # not given way as if it were "from 31 to 40"
    catch = [c for c in cards if "catch" in c.source.quote]
    assert asked(catch[0]) == ["19%"]  # the new value of a change is asked first
