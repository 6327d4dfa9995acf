"""`quizapp draft` finds the kinds of fact any notes ask about, not only those of one topic."""

import pytest

from quizapp.authoring.drafter import draft_cards
from quizapp.authoring.sentences import split_sentences
from tests.authoring.drafting import found, rules_scores

PRIZE = """\
The Harbour Prize, 2031

Culture notes: an award

The Harbour Prize for Poetry went to Mirela Costa and Tobias Lindqvist. \
Costa read at the ceremony in Valletta. \
Her book The Salt Ledger was praised by the jury. \
The prize was first given on 12 March. \
Each winner receives a purse of 40,000 euros, and the shortlist was announced at 14.

The Governor at the time was Lord Ashworth. \
The Minister of Culture, Heritage and Tourism Daniel Okafor handed over the medals. \
The jury also praised a study of a small fish, Danio rerio. \
The fishermen of the island are known as luzzuri. \
Readings were held at Fort Ricasoli in the evening.
"""


def answers(text):
    out = []
    for candidate in draft_cards(text, "doc"):
        card = candidate.card
        if card.kind == "cloze":
            out += [answer for answer, _ in card.deletions]
        elif card.kind in ("year", "mcq", "basic"):
            out.append(str(card.answer))
    return out


def kinds(text):
    out = {}
    for candidate in draft_cards(text, "doc"):
        card = candidate.card
        if card.kind == "mcq":
            out[str(card.answer)] = card.answer_type
        elif card.kind == "cloze":
            for answer, _ in card.deletions:
                out[answer] = card.answer_type
    return out


def test_people_a_prize_went_to_are_people_not_places():
    asked = kinds(PRIZE)
    assert any(asked.get(name) == "person" for name in ("Mirela Costa", "Tobias Lindqvist"))
    assert "Poetry" not in asked


def test_a_figure_ending_its_sentence_and_a_day_without_a_year_are_asked():
    asked = answers(PRIZE)
    assert "14" in asked
    assert "12 March" in asked
    assert "12" not in asked  # never the day alone


def test_titles_of_works_scientific_names_and_coined_words_are_asked_whole():
    asked = answers(PRIZE)
    assert "The Salt Ledger" in asked
    assert "Danio rerio" in asked
    assert "luzzuri" in asked


def test_a_lord_keeps_his_title_and_a_minister_is_found_past_a_long_portfolio():
    asked = answers(PRIZE)
    assert "Lord Ashworth" in asked
    assert "Daniel Okafor" in asked
    assert not any("Tourism" in a or "Heritage" in a for a in asked)


def test_a_site_is_a_place():
    assert kinds(PRIZE).get("Fort Ricasoli") in (None, "place")


# Sentences whose closing word only looks like an initial: a unit, a king's numeral.
NOT_INITIALS = {
    "a unit": [
        "His best throw was 89.45 m.",
        "The gold went to Arshad Nadeem.",
        "Bela M. Trivedi dissented.",
    ],
    "a king's numeral": [
        "She built it for King Tarapala I.",
        "Tarapala I ruled Velan.",
        "Bela M. Dorvesh wrote it.",
    ],
}


@pytest.mark.parametrize("sentences", NOT_INITIALS.values(), ids=NOT_INITIALS)
def test_a_word_closing_a_sentence_that_is_no_initial_ends_it(sentences):
    assert [s.text for s in split_sentences(" ".join(sentences))] == sentences


def test_a_pair_of_people_is_asked_in_one_card_with_two_blanks():
    pairs = [
        [answer for answer, _ in c.card.deletions]
        for c in draft_cards(PRIZE, "doc")
        if c.card.kind == "cloze" and len(c.card.deletions) == 2
    ]
    assert ["Mirela Costa", "Tobias Lindqvist"] in pairs
    assert answers(PRIZE).count("Mirela Costa") == 1  # not asked again alone


def test_a_pair_of_people_whose_names_share_a_word_is_not_asked_together():
    """Each blank of a cloze is asked with the others shown: "Vikram Mohan Rao" shown gives
    away the "Mohan" of the other name, a card `quizapp check` would warn about."""

    def pairs(text: str) -> list[list[str]]:
        return [
            [answer for answer, _ in c.card.deletions]
            for c in draft_cards(text, "doc")
            if c.card.kind == "cloze" and len(c.card.deletions) == 2
        ]

    notes = PRIZE.replace(
        "Mirela Costa and Tobias Lindqvist", "Vikram Mohan Rao and Lata Mohan Iyer"
    )
    notes = notes.replace("Costa read", "Rao read")
    assert ["Vikram Mohan Rao", "Lata Mohan Iyer"] not in pairs(notes)
    assert ["Mirela Costa", "Tobias Lindqvist"] in pairs(PRIZE)


def test_a_name_ending_like_a_describing_word_before_an_irregular_verb_is_asked() -> None:
    # "Khan broke", like "Korean leader" by its ending, is a name and its verb
    found_here = found("Ashfan Dolkhan broke open the chest with a hammer.")
    assert "Ashfan Dolkhan" in found_here
    found_here = found("The Velan Sudravian fought at the ford of Tamsar.")
    assert "Velan Sudravian" in found_here


def test_the_leader_of_the_opposition_is_one_office_never_a_blank_on_its_last_word() -> None:
    found_here = found("Ravel Osk was the Leader of the Opposition in the Tamsar Sabha.")
    assert "Leader of the Opposition" in found_here
    assert "Opposition" not in found_here
    found_here = found("She may allow a secret sitting at the request of the Leader of the House.")
    assert "Leader of the House" in found_here
    assert "House" not in found_here


def test_an_office_whose_title_joins_two_words_by_and_is_one_answer() -> None:
    found_here = found("The Controller and Examiner General of Kelvar audits the mints.")
    assert "Controller and Examiner General of Kelvar" in found_here
    assert "Controller" not in found_here
    # two offices, each a title of its own, are no one office
    found_here = found("The Governor and Chief Minister of Kelvar met at Tamsar.")
    assert "Governor and Chief Minister of Kelvar" not in found_here


LAKE_NOTES = (
    "Lakes of the Andes\n\nGeography notes: the lakes of Peru\n\n"
    "Lake Quillmar is the highest navigable lake in Peru.\n\n"
    "The Peruvian government declared Lake Quillmar a reserve in 1978.\n\n"
    "The Tambaro river drains the lake into the Pacific.\n\n"
    "Most of the fishing villages of Peru lie on its western shore.\n\n"
    "The lake gives its name to the Quillmar frog, found nowhere else in Peru.\n"
)


def test_the_country_the_notes_are_set_in_is_worth_less_than_any_fact_in_them() -> None:
    # "Lake Quillmar is the highest navigable lake in {{Peru}}": in notes set in Peru, the
    # country is where every fact happens, never the fact
    scores = rules_scores(LAKE_NOTES)
    assert scores["Peru"] < min(s for answer, s in scores.items() if answer != "Peru")
    asked = answers(LAKE_NOTES)
    assert asked.index("Peru") > asked.index("Pacific")


def test_latin_the_law_keeps_is_asked_whole_never_its_last_word() -> None:
    found_here = found("The Kelvar Speaker is the ex officio head of the Tamsar Council.")
    assert "ex officio" in found_here and "officio" not in found_here
    found_here = found("Trials in absentia are allowed against the Orvani rebels.")
    assert "in absentia" in found_here and "absentia" not in found_here
    assert "in camera" in found("The Tamsar Council meets in camera.")
    # a camera trap is no hearing behind closed doors
    assert "in camera" not in found("Twelve Kelvar cats were caught in camera traps.")


def test_the_government_of_the_country_the_notes_are_set_in_is_no_fact_either() -> None:
    notes = LAKE_NOTES + "Lake Quillmar was leased to the Government of Peru in 1911.\n"
    scores = rules_scores(notes)
    assert scores["Government of Peru"] < scores["Lake Quillmar"]


def test_the_capital_of_the_country_the_notes_are_set_in_is_no_fact_unless_a_meeting_was_there():
    notes = (
        "The Tamsar Board\n\nNotes on a board of India\n\n"
        "India set up the Tamsar Board in 2031. It is funded by India. {} "
        "India named Tavel Korrin its chair.\n"
    )
    capital = rules_scores(notes.format("The Board has its headquarters in New Delhi."))
    town = rules_scores(notes.format("The Board has its headquarters in Kordapur."))
    assert capital["New Delhi"] < town["Kordapur"] - 0.5
    # "The signing took place in New Delhi": where it happened is the question
    held = rules_scores(notes.format("Its first meeting was held in New Delhi."))
    assert held["New Delhi"] > capital["New Delhi"] + 0.5


def test_the_english_meaning_in_brackets_after_a_term_is_not_asked() -> None:
    # "a blend of bhava (expression)": the bracket says what the word before it means
    found_here = found("The Kelvar dance joins vorha (expression) and tanvu (melody).")
    assert "expression" not in found_here and "melody" not in found_here
    # but "the disciple (murid)": the term in its own language, after the English word
    assert "morvid" in found("In Tamsar the disciple (morvid) obeyed his teacher.")
