"""Kinds of fact the sixth round's notes held that the drafter once missed or asked badly."""

from quizapp.authoring.drafter import draft_cards
from quizapp.deck.rules.exam_setter import shared_stems
from tests.authoring.drafting import asked, drafted, found, score_of


def test_a_change_asks_its_new_value_alone_with_the_old_one_as_context():
    notes = (
        "Farm credit\n\nEconomy notes\n\n"
        "The loan limit under the Harvest Card scheme was raised from Rs 2 lakh to Rs 4 lakh. "
        "The time allowed for an appeal was extended from three years to five years.\n"
    )
    cards = drafted(notes)
    answers = [asked(c) for c in cards]
    assert ["Rs 4 lakh"] in answers and ["five years"] in answers
    assert not any(len(a) > 1 for a in answers)  # never both ends of a change in one card
    card = next(c for c in cards if asked(c) == ["Rs 4 lakh"])
    assert "from Rs 2 lakh to {{Rs 4 lakh}}" in card.text


def test_a_figure_s_unit_in_the_prompt_is_no_cue():
    assert shared_stems("Rs 4 lakh", "raised from Rs 2 lakh to ____") == set()
    assert shared_stems("five years", "extended from three years to ____") == set()
    assert shared_stems("Waqf Act", "the bill amends the ____, the main law on waqf")


def test_a_count_before_a_capitalised_plural_is_asked():
    assert found("It has 184 Parties.")["184"][0] == "number"
    assert found("Grants went to 12 States in all.")["12"][0] == "number"


def test_a_summit_is_an_event_and_the_city_it_met_in_the_place():
    terms = found("The pact was opened for signature at the Ocean Summit in Lima in 1998.")
    assert terms["Ocean Summit"][0] == "name"
    assert terms["Lima"][0] == "place"
    assert terms["Lima"][1] > terms["Ocean Summit"][1]


def test_a_treaty_named_after_a_place_is_asked_by_that_name():
    terms = found("The Tarragona Protocol on Seeds deals with seed banks.")
    assert "Tarragona Protocol" in terms
    whole = found("The United Nations Convention on Seeds deals with seed banks.")
    assert "United Nations Convention on Seeds" in whole


def test_a_meeting_where_something_was_adopted_is_asked():
    assert found("The framework was adopted at COP12 in May 2019.")["COP12"][0] == "name"


def test_what_a_new_thing_replaced_is_worth_asking():
    kind, worth = found("It replaced the Lisbon Water Targets, none of which was met.")[
        "Lisbon Water Targets"
    ]
    assert kind == "name" and worth >= 4.4


def test_a_short_name_that_is_only_initials_gives_way_to_the_long_name():
    sentence = (
        "It is a fund for sharing the gains from the use of marine genetic data on "
        "ocean species, known as MGD."
    )
    terms = found(sentence)
    assert terms["marine genetic data"][1] > terms["MGD"][1]
    capital = found("It set up a Coastal Flood Relief Fund, known as CFRF, at the state level.")
    assert capital["Coastal Flood Relief Fund"][1] > capital["CFRF"][1]
    coined = found("The Ocean Initiative for Training in the Pacific, known as OCTAVE, began.")
    assert "OCTAVE" in coined  # not the initials of the name before it: asked


def test_a_minister_of_state_is_a_person_after_the_title():
    terms = found("The delegation was led by Minister of State Arun Vardhan Rao.")
    assert terms["Arun Vardhan Rao"][0] == "person"


def test_a_scheme_after_prime_minister_is_no_person():
    terms = found("The Prime Minister Gram Sadak Yojana will cover 100 districts.")
    assert all(kind != "person" for kind, _ in terms.values())


def test_where_a_meeting_was_held_is_asked_even_when_the_notes_are_about_it():
    notes = (
        "Ocean Meeting, Lima\n\nEnvironment notes\n\n"
        "The convention was signed in 1990. It sets rules for fishing. Its secretariat is in "
        "Geneva. The parties meet every two years.\n\n"
        "The meeting in Lima\n\n"
        "The fifth meeting was held in Lima, Peru, from 2 to 6 May 2024. Lima hosted "
        "about 9,000 delegates. The main outcome was a fund for fishing villages. "
        "The fund was named the Lima Fund. Lima will host a review in 2026.\n"
    )
    assert any(asked(c) == ["Lima"] for c in drafted(notes))


def test_sums_of_another_scale_are_no_wrong_options():
    notes = (
        "Budget notes\n\nEconomy notes\n\n"
        "Total spending was estimated at Rs 40.5 lakh crore. Capital spending was budgeted at "
        "Rs 9.2 lakh crore. The revenue forgone was about Rs 2 lakh crore. No tax is due on "
        "income up to Rs 10 lakh. The standard deduction is Rs 50,000. The rebate was raised "
        "to Rs 40,000. Income up to Rs 3 lakh is not taxed.\n"
    )
    for card in drafted(notes):
        for option in getattr(card, "distractors", []):
            assert ("crore" in option) == ("crore" in asked(card)[0]), (card.id, option)


def test_a_pronoun_that_tells_the_answer_s_sex_leaves_the_options_out():
    notes = (
        "New laws\n\nPolity notes\n\n"
        "The Bills were introduced by Home Minister Arvind Rao on 11 August 2023. "
        "The committee was chaired by Mohan Lal, a former police chief. "
        "President Meera Devi gave her assent on 25 December 2023. "
        "The rules were drafted by Law Secretary Vikram Sen.\n"
    )
    card = next(c for c in drafted(notes) if asked(c) == ["Meera Devi"])
    assert card.kind == "cloze" and card.distractors == []


def test_a_pronoun_chain_too_long_to_quote_keeps_the_sentences_naming_it():
    notes = (
        "The Ocean Pact\n\nEnvironment notes\n\n"
        "The Convention on Ocean Life was opened for signature at the Blue Summit in Lima in "
        "1998. It entered into force on 3 March 2001. It has 150 Parties. Three countries "
        "have signed but never ratified it. Its secretariat is in Valletta.\n"
    )
    card = next(c for c in drafted(notes) if asked(c) == ["Valletta"])
    assert card.text.startswith("The Convention on Ocean Life was opened")
    assert "\u2026 Three countries have signed but never ratified it. Its secretariat" in card.text
    assert "It has 150 Parties" not in card.text
    assert card.source.quote.startswith("The Convention on Ocean Life")


def test_a_headcount_of_those_who_took_part_gives_way():
    notes = (
        "The Ocean Meeting\n\nEnvironment notes\n\n"
        "About 21,000 delegates registered. The parties agreed to protect 40 per cent of the "
        "reefs by 2035. India sent 117 observers.\n"
    )
    scores = {tuple(asked(c.card)): c.score for c in draft_cards(notes, "doc")}
    assert scores[("21,000",)] < scores[("40 per cent",)]
    assert scores[("21,000",)] < scores[("117",)]


def test_one_house_of_two_or_a_ministry_is_a_weak_answer():
    house = found("The Budget was presented in the Lok Sabha on 1 February 2025.")
    assert house["Lok Sabha"][1] < 4.0
    ministry = found("The survey is run by the Ministry of Ocean Affairs.")
    assert ministry["Ministry of Ocean Affairs"][1] < 4.0


def test_a_date_closing_its_sentence_is_no_aside():
    aside = found("The report, released on 9 March 2021, gave an estimate of 300.")["2021"][1]
    closing = found("The Ministry runs the Child Care scheme, started on 2 October 1977.")["1977"][
        1
    ]
    assert closing > aside


def test_a_date_the_timeline_repeats_is_preferred():
    body = (
        "The Ministry runs the Child Care scheme, started on 2 October 1977. "
        "The Ministry runs the Mother Care scheme, started on 5 March 1978. "
        "Both were reviewed on 9 June 2020.\n"  # the notes' present: older dates ask years
    )
    timeline = "\nKey dates\n\n- 2 October 1977: the Child Care scheme begins.\n"
    scores = {
        tuple(asked(c.card)): c.score
        for c in draft_cards(f"Care schemes\n\nHealth notes\n\n{body}{timeline}", "doc")
    }
    assert scores[("1977",)] > scores[("1978",)]


def test_a_plan_known_by_a_code_is_asked():
    assert found("It follows a 5x5 strategy: five groups and five steps.")["5x5"][0] == "name"


def test_it_after_a_sentence_opening_with_a_name_refers_to_that_name():
    notes = (
        "Anaemia\n\nHealth notes\n\n"
        "Anaemia rose in almost every group. Among women it rose to 57%. Among men it was "
        "25%. Anaemia Free India, launched in 2018, aims to bring these figures down. It "
        "follows a 6x6x6 strategy: six groups, six steps and six bodies.\n"
    )
    card = next(c for c in drafted(notes) if asked(c) == ["6x6x6"])
    assert card.source.quote.startswith("Anaemia Free India, launched in 2018")


def test_the_period_a_figure_covers_is_no_question():
    terms = found("Exclusive breastfeeding for the first six months rose to 63.7%.")
    assert "six months" not in terms and "63.7%" in terms


def test_a_rate_and_a_sum_in_one_sentence_are_both_asked():
    notes = (
        "Tax notes\n\nEconomy notes\n\n"
        "The top rate of 35 per cent applies above Rs 30 lakh. The Ocean Fund was set up in "
        "2019. Its secretariat is in Lisbon. The fund has 52 members.\n"
    )
    answers = [asked(c) for c in drafted(notes)]
    assert ["35 per cent"] in answers and ["Rs 30 lakh"] in answers


def test_an_elided_prompt_keeps_the_sentence_naming_who_she_is():
    notes = (
        "The revolt\n\nHistory notes\n\n"
        "At Kanpur the revolt was led by Nana Rao, the adopted son of the last ruler. His "
        "commander was Tatya Rao. At Lucknow it was led by Begum Noor Mahal, who declared her "
        "son the ruler of the province. At Jhansi it was led by Rani Kamala. She died fighting "
        "near Gwalior on 18 June 1858.\n"
    )
    prompts = [getattr(c, "text", "") or getattr(c, "question", "") for c in drafted(notes)]
    died = [p for p in prompts if "She died" in p]
    assert died and all("Rani Kamala. She died" in p for p in died)


BUDGET_DAY = (
    "Budget day\n\nEconomy notes\n\n"
    "The Budget speech lasted about 95 minutes. The fiscal deficit is targeted at 4.2 per "
    "cent of GDP. Her opinion ran to 64 pages. The Ocean Fund was set up with Rs 9,000 crore.\n"
)


def test_how_long_a_speech_or_an_opinion_ran_is_trivia():
    assert score_of(BUDGET_DAY, "95 minutes") < score_of(BUDGET_DAY, "4.2 per cent")
    assert score_of(BUDGET_DAY, "64") < score_of(BUDGET_DAY, "Rs 9,000 crore")


def test_the_notes_own_country_and_head_of_government_are_weak_answers():
    notes = (
        "New ports law\n\nPolity notes\n\n"
        "The new ports law came into force across {place} on 1 July 2024. It replaced the "
        "Indian Ports Act, 1908. {title} Arun Mehta released the rules in Chennai. "
        "Indian ports handled 1,500 million tonnes. The Indian Coast Guard patrols them. "
        "India has 12 major ports. India trains its own pilots.\n"
    )
    home = notes.format(place="India", title="Prime Minister")
    abroad = notes.format(place="Peru", title="Japan's Prime Minister")
    assert ["India"] not in [asked(c) for c in drafted(home)]  # where the notes are set
    assert ["Peru"] in [asked(c) for c in drafted(abroad)]
    assert score_of(home, "Arun Mehta") < score_of(abroad, "Arun Mehta")


def test_an_employer_is_no_place_to_learn():
    terms_notes = (
        "Prize notes\n\nScience notes\n\n"
        "Hassan and Jung work at Cobalt Labs in Oslo. The prize was presented in Stockholm.\n"
    )
    scores = {tuple(asked(c.card)): c.score for c in draft_cards(terms_notes, "doc")}
    assert scores.get(("Cobalt Labs",), 0) < scores[("Stockholm",)]


def test_at_the_time_refers_back_to_what_the_notes_opened_with():
    notes = (
        "The Revolt\n\nHistory notes\n\n"
        "The Revolt of 1857 was the largest rising against the Company. The Governor-General "
        "at the time was Lord Canning.\n"
    )
    card = next(c for c in drafted(notes) if asked(c) == ["Lord Canning"])
    assert card.source.quote.startswith("The Revolt of 1857")


def test_an_elided_prompt_keeps_the_sentence_naming_whom_he_refers_to():
    notes = (
        "The poll\n\nPolity notes\n\n"
        "The election was conducted by the Election Commission of India. Its powers come from "
        "Article 324 of the Constitution of India. The Chief Election Commissioner at the time "
        "was Rajan Kumar. He retired on 18 February after six years in the post. He was "
        "followed by Gyan Prakash.\n"
    )
    prompts = [getattr(c, "text", "") or getattr(c, "question", "") for c in drafted(notes)]
    followed = [p for p in prompts if "He was followed by" in p]
    assert followed and all("was Rajan Kumar. He retired" in p for p in followed)


def test_wrong_options_for_a_titled_person_share_the_title():
    notes = (
        "The Commission\n\nPolity notes\n\n"
        "The commission was chaired by Arun Das. Its members were named by the Cabinet. "
        "Mohan Rao and Lata Iyer were its other members. The report was submitted to "
        "President Kamala Devi on 9 November 2020. Justice Ravi Menon heard the appeal. "
        "Justice Sunita Rao dissented. Justice Vikram Shah wrote for the bench.\n"
    )
    cards = {asked(c)[0]: c for c in drafted(notes) if c.kind in ("mcq", "cloze")}
    assert cards["Kamala Devi"].distractors == []  # no other President in the notes
    judge = cards["Ravi Menon"]
    assert judge.distractors and set(judge.distractors) <= {"Sunita Rao", "Vikram Shah"}
