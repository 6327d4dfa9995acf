"""Terms the notes define or name once: the seventh round's broad rules."""

from quizapp.authoring.drafter import draft_cards
from quizapp.authoring.terms import abbreviates
from tests.authoring.drafting import answers, asked, found


def test_a_short_form_is_spelt_by_the_words_of_its_long_name_in_turn():
    assert abbreviates(["Japan", "Aerospace", "Exploration", "Agency"], "JAXA")
    assert abbreviates(["Chandra's", "Surface", "Thermophysical", "Experiment"], "ChaSTE")
    assert abbreviates(["Spectro-polarimetry", "of", "HAbitable", "Planet", "Earth"], "SHAPE")
    assert abbreviates(["Protection", "of", "Children", "from", "Sexual", "Offences"], "POCSO")
    # names in their own right, not spelt out by the words before them
    assert not abbreviates(["Axiom", "Mission", "4"], "Ax-4")
    assert not abbreviates(["Seed", "Traceability", "and", "Authentication", "Register"], "SATHI")
    assert not abbreviates(["Surface", "Thermophysical", "Experiment"], "ChaSTE")


def test_a_long_name_defined_by_its_short_form_is_asked_by_the_long_name():
    terms = found("Lunar Dust Imaging Camera (LuDIC) recorded the plume of the landing.")
    assert terms["Lunar Dust Imaging Camera"][1] >= 4.5
    assert terms.get("LuDIC", ("", 0.0))[1] <= 3.0  # its clue, not its question
    notes = (
        "A lunar lander\n\nScience notes\n\n"
        "The lander carried four instruments. "
        "Lunar Dust Imaging Camera (LuDIC) recorded the plume of the landing. "
        "A Japanese team built the Polar Regolith Sampler (PoRS) for the rover.\n"
    )
    asked_ = answers(notes)
    assert ["Lunar Dust Imaging Camera"] in asked_ and ["Polar Regolith Sampler"] in asked_


def test_a_body_the_notes_go_on_calling_by_its_initials_is_not_the_question():
    notes = (
        "Coastal plans\n\nEnvironment notes\n\n"
        "The plan is run by the Coastal Research Agency (CRA) from Kochi. "
        "The CRA maps mangroves every five years. The CRA reports to Parliament. "
        "The CRA has a budget of Rs 40 crore.\n"
    )
    once = notes.replace("The CRA", "It")
    # Defined once, the long name is the first question; named again and again by its
    # initials, the agency is an actor of the notes: asked below where it sits, or not at all.
    assert answers(once).index(["Coastal Research Agency"]) < answers(once).index(["Kochi"])
    again = answers(notes)
    assert ["Kochi"] in again
    if ["Coastal Research Agency"] in again:
        assert again.index(["Coastal Research Agency"]) > again.index(["Kochi"])


def test_a_term_in_quotation_marks_is_the_fact_of_its_sentence():
    terms = found('In 2024 the crater was named "Vikram Hollow" point by the agency.')
    assert terms["Vikram Hollow"] == ("name", 4.5)
    assert "lapse" in str(found('The court held there is no "silent lapse" of a Bill.'))
    # a phrase quoted from a text, and a slogan made of its figures, are no terms
    assert "as soon as possible" not in found('He must act "as soon as possible" on it.')
    assert "30 by 30" not in found('Target 3, known as "30 by 30", asks for 30 per cent.')


def test_an_ordinal_of_a_first_and_a_span_given_as_a_limit_are_asked():
    assert found("Japan became the fifth country to land on the Moon.")["fifth"][0] == "number"
    assert "one month" in found("The Speaker must decide within one month.")
    assert "90 days" in found("Each claim must be settled within 90 days.")
    assert "one" not in found("India is one of 17 megadiverse countries.")


def test_a_designation_with_digits_is_a_name_to_ask():
    terms = found("Japan's SLIM-2, aimed at the same crater, was launched aboard H3-F4.")
    assert terms["SLIM-2"][0] == "name"
    notes = (
        "Moon missions\n\nScience notes\n\n"
        "India landed near the south pole in 2023. "
        "Russia's Luna-25, aimed at the same region, had crashed a few days before.\n"
    )
    assert ["Luna-25"] in answers(notes)


def test_a_case_s_second_party_runs_on_across_to_the():
    sentence = "The Bench relied on State of Kerala v. Secretary to the Governor of Kerala in 2023."
    assert "State of Kerala v. Secretary to the Governor of Kerala" in found(sentence)


def test_a_speaker_s_word_in_quotation_marks_is_no_term():
    terms = found('The minister called the offer "deeply unfair" and left the talks.')
    assert "deeply unfair" not in terms
    assert "Asian NATO" in found('China has called the Quad an "Asian NATO".')


def test_what_a_measurement_found_is_asked():
    assert "helium" in found("The probe confirmed the presence of helium near the crater.")


def test_a_speed_is_no_length():
    assert "3 m" not in found("The legs can survive a touchdown at up to 3 m/s.")
    assert "26 kg" in found("The rover weighs 26 kg.")


def test_two_deadlines_of_one_length_are_both_asked():
    notes = (
        "Assent to Bills\n\nPolity notes\n\n"
        "The Speaker must refer a Bill to the committee within one month. "
        "The committee meets in New Delhi every week. "
        "The Governor must return a Bill that he withholds within one month.\n"
    )
    cards = [c.card for c in draft_cards(notes, "doc")]
    asked_month = [c for c in cards if asked(c) == ["one month"]]
    assert len(asked_month) == 2
