"""The eighth round's rules: what the fresh pairs missed, as general forms of a fact."""

from quizapp.authoring.drafter import draft_cards
from tests.authoring.drafting import answers, asked, found


def test_an_article_in_roman_numerals_keeps_its_paragraph_after_a_colon():
    terms = found("Under Article XXIV:8 of the GATT, a customs union must cover most trade.")
    assert terms["Article XXIV:8"][0] == "article"
    assert found("Article III:4 requires national treatment.")["Article III:4"][0] == "article"
    # a ratio is not an article: "a 3:1 majority" keeps its own reading
    assert "3:1" in found("The Bench ruled by a 3:1 majority.")


def test_particles_do_not_count_toward_the_length_of_a_person_s_name():
    terms = found("The talks were chaired by Abdullah bin Zayed Al Nahyan of the UAE.")
    assert terms["Abdullah bin Zayed Al Nahyan"][0] == "person"
    terms = found("The meeting was led by Maria Fernanda Espinosa Garcés, its new chair.")
    assert terms["Maria Fernanda Espinosa Garcés"][0] == "person"
    # "El Niño" is one name, not a person
    assert found("The El Niño event ended in May.").get("El Niño", ("name",))[0] != "person"


def test_a_title_after_the_comma_says_the_name_is_a_person_s():
    sentence = "The panel met Karim Abdel Rahman, the Council's Deputy Secretary, in Rabat."
    assert found(sentence)["Karim Abdel Rahman"][0] == "person"


def test_an_amendment_by_its_ordinal_and_a_list_by_its_name_are_asked_whole():
    terms = found("Both duties were added by the 86th Amendment in 2002.")
    assert terms["86th Amendment"][1] >= 4.5
    assert "86th" not in terms
    assert "73rd and 74th Amendments" in found("They came with the 73rd and 74th Amendments.")
    listed = found("Forests are in the Concurrent List since 1976.")
    assert listed["Concurrent List"][0] == "article"
    # "a State List subject" says what kind of subject, not which List
    assert found("Police is a State List subject in India.")["State List"][1] < 4.0


def test_a_place_in_a_short_clause_of_a_long_sentence_is_asked():
    notes = (
        "Trade talks\n\nEconomy notes\n\n"
        "At the Fifth Ministerial Conference in Cancun in 2003, members split on new "
        "issues: talks on investment and on competition were dropped when a group of the "
        "poorer members of the body left the room. The next meeting was held two years later.\n"
    )
    # the clause is short, so both its facts are worth a card, as in a short sentence
    asked_ = answers(notes)
    assert ["Cancun"] in asked_ and ["2003"] in asked_


def test_a_term_in_lower_case_spelt_out_before_its_initials_is_asked_by_its_words():
    terms = found("Ships may fish only outside the exclusive economic zone (EEZ) of a state.")
    assert terms["exclusive economic zone"][1] >= 4.1
    assert terms.get("EEZ", ("", 0.0))[1] <= 3.0  # its clue
    terms = found("Loans went to farmer producer organisations (FPOs) in every district.")
    assert "farmer producer organisations" in terms
    # words that do not spell the initials are no term
    assert "the new rules" not in found("It follows the new rules (GFR) of the ministry.")


def test_a_chain_of_its_too_long_to_quote_keeps_the_sentence_naming_the_subject():
    notes = (
        "A trade body\n\nEconomy notes\n\n"
        "The Customs Cooperation Council came into being on 26 January 1952 in Brussels. "
        "It was set up by a convention signed in Paris in December 1950 by thirteen "
        "governments of Western Europe after the war. "
        "It took over from the Tariff Planning Board (TPB), which had met in Geneva in "
        "1947 to plan a common tariff; Britain stayed out of it.\n"
    )
    cards = [c.card for c in draft_cards(notes, "doc")]
    geneva = next(c for c in cards if asked(c) == ["Geneva"])
    assert geneva.text.startswith("The Customs Cooperation Council came into being")
    assert "1952 in Brussels. \u2026 It took over from the Tariff Planning Board" in geneva.text
    assert "It was set up by a convention" in geneva.source.quote


def test_a_whole_date_asks_its_year_unless_the_day_is_the_point():
    notes = (
        "A new scheme\n\nGovernance notes\n\n"
        "The scheme was first proposed on 4 March 2019. "
        "The Cabinet approved the scheme on 9 January 2024, with an outlay of Rs 500 crore. "
        "It was launched on 13 February 2024. "
        "The first call for bids was extended until 31 March 2024. "
        "The Korda season opened on 30 May 2024, two days before its usual date of 1 June. "
        "A review is due from 1 April 2024 to 30 June 2024.\n"
    )
    asked_ = answers(notes)
    assert ["2019"] in asked_ and ["2024"] in asked_
    assert ["13 February 2024"] not in asked_ and ["9 January 2024"] not in asked_
    # a deadline, and a day set beside the usual one: the day is the fact
    assert ["31 March 2024"] in asked_
    korda = [asked(c.card) for c in draft_cards(notes, "doc") if "Korda" in c.card.source.quote]
    assert korda and ["2024"] not in korda
    # a period is no day: its ends keep their years
    assert ["30 June 2024"] not in asked_ and ["1 April 2024"] not in asked_


def test_plural_initials_spelt_out_by_the_words_before_them_are_only_a_clue():
    terms = found("In each district, the banks act as Lead Credit Agencies (LCAs) for loans.")
    assert terms.get("LCAs", ("", 0.0))[1] <= 3.0
    # initials that are a name in their own right stay a question
    assert found("Farmers join the Kisan Credit Scheme (SAHAY) online.")["SAHAY"][1] >= 4.0


def test_a_bare_acronym_is_not_drafted_to_fill_the_budget():
    notes = (
        "A scheme\n\nGovernance notes\n\n"
        "The scheme is run by a National Solar Implementation Agency (NSIA). "
        "The NSIA then fits a meter.\n"
    )
    assert all("NSIA" not in answers_ for answers_ in answers(notes))


def test_initials_spelt_by_the_parts_of_hyphenated_words_are_only_a_clue():
    terms = found("The rover carried a Laser-Induced Breakdown Spectroscope (LIBS) to the site.")
    assert terms.get("LIBS", ("", 0.0))[1] <= 3.0
    assert terms["Laser-Induced Breakdown Spectroscope"][1] >= 4.5


def test_a_list_by_its_name_is_never_offered_a_list_by_its_number():
    notes = (
        "Lists\n\nPolity notes\n\n"
        "Forests moved to the Concurrent List in 1976. "
        "The Concurrent List is List III of the Seventh Schedule. "
        "Police is in List II under Article 246.\n"
    )
    cards = [c.card for c in draft_cards(notes, "doc")]
    listed = next(c for c in cards if asked(c) == ["Concurrent List"])
    assert not any(option.startswith("List ") for option in listed.distractors)


def test_a_deadline_or_the_start_of_a_period_does_not_set_the_notes_present():
    notes = (
        "A commission\n\nPolity notes\n\n"
        "The Ninth Tariff Commission was constituted on 2 January 2023. "
        "It was asked to report by 31 October 2025. "
        "Its award covers the five years from 1 April 2026.\n"
    )
    assert ["2023"] in answers(notes)
    # a deadline after the present is asked whole: the day is the point
    assert ["31 October 2025"] in answers(notes)


def test_what_was_approved_is_what_the_sentence_tells():
    terms = found("In May 2024, the Union Cabinet approved Gaganyaan-2, a crewed orbital flight.")
    assert terms["Gaganyaan-2"][1] >= 4.4
