"""Kinds of fact new notes held that the drafter once missed: each found, asked whole."""

from quizapp.authoring.drafter import considered, draft_cards
from quizapp.deck.rules.drafts import blank_flaws
from tests.authoring.drafting import every_answer, found, prompts, rules_scores


def test_a_count_before_a_plural_not_ending_in_s_is_asked():
    terms = found("The sex ratio of the island was 1,012 women per 1,000 men.")
    assert "1,012" in terms
    assert "250" in found("The council trained 250 police before the vote.")


def test_a_share_won_is_asked_over_the_whole():
    terms = found("The Green Party won 31 of the 55 seats.")
    assert terms["31"][1] > terms["55"][1]
    assert "9" in found("Of the 55 seats, 9 are reserved for the islands.")


def test_a_bare_decimal_rate_or_weight_is_asked():
    assert found("The birth rate fell to 1.8, below the level of 2.1.")["1.8"][0] == "amount"
    assert "7.5" in found("Forest cover was given a weight of 7.5.")
    assert "3.0" not in found("The plan follows NDC 3.0 closely.")


def test_parts_schedules_and_lists_of_a_constitution_are_article_numbers():
    assert found("It is a Directive Principle in Part IV.")["Part IV"][0] == "article"
    assert found("Municipalities draw their powers from Part IXA of it.")["Part IXA"][0] == (
        "article"
    )
    assert found("The Ninth Schedule lists 29 subjects.")["Ninth Schedule"][0] == "article"
    assert found("Criminal law is in List III of the Schedule.")["List III"][0] == "article"


def test_what_is_launched_or_adopted_is_worth_asking():
    assert found("The ministers adopted the Harbour Declaration.")["Harbour Declaration"][1] >= 4.4
    assert found("The leaders launched the Reef Cancer Moonshot.")["Reef Cancer Moonshot"][1] >= 4.4


def test_a_short_name_after_known_as_is_asked_before_the_long_one():
    terms = found("The Coastal Training Initiative for Islands, known as CORAL, was announced.")
    assert terms["CORAL"][1] > max(w for a, (_, w) in terms.items() if a != "CORAL")


def test_a_person_under_whom_something_happened_is_a_person():
    assert found("The island left the league in 1998 under Marta Vell.")["Marta Vell"][0] == (
        "person"
    )
    assert found("The fort was a base of the navy under Ravi Angre.")["Ravi Angre"][0] == "person"
    assert found("Ships sail under Harbour Rules.").get("Harbour Rules", ("name",))[0] != "person"
    # a verb in the past after the name: "under Orlan de Vesk reached Korda"
    assert found("An expedition under Orlan de Vesk reached Korda.")["Orlan de Vesk"][0] == "person"


NOTES = """\
The Island Territory, 2031

Polity notes: a territory with a legislature

The island is a territory with a legislature. Its special status comes from Article 88, \
inserted by the Charter (Ninth Amendment) Act, 1999. Article 88(2)(a) provides for a Council \
elected from wards. Under Article 88(3)(a), the Council may make laws on matters in the local \
list. Harbours and customs are kept outside its powers. Article 88B deals with the failure of \
the machinery of government on the island. The Warden is R.K. Menon.
"""


def test_an_article_and_its_own_sub_clause_are_never_options_together():
    offered_sets = []
    for candidate in draft_cards(NOTES, "doc"):
        card = candidate.card
        if card.answer_type != "article" or not card.distractors:
            continue
        answer = card.answer if card.kind == "mcq" else card.deletions[0][0]
        offered_sets.append([str(answer), *map(str, card.distractors)])
    assert offered_sets  # the articles are asked with options
    for offered in offered_sets:
        for one in offered:
            for other in offered:
                assert one == other or not other.startswith(one + "("), offered


def test_where_a_body_met_or_sits_is_a_place():
    assert (
        found("The session of the Harbour Committee in Valletta, in May 2031, agreed.")["Valletta"][
            0
        ]
        == "place"
    )
    sentence = "The data goes through the island's Fusion Centre in Mdina."
    assert found(sentence)["Mdina"][0] == "place"


def test_a_long_name_before_its_initials_is_asked_whole_across_small_words():
    terms = found("The Protection of Islands from Rising Seas (POIRS) Act was passed in 2030.")
    assert "Protection of Islands from Rising Seas" in terms
    assert "Rising Seas" not in terms
    terms = found("They are listed on the Reef Assets Register of Malta (RARM) portal.")
    assert "Reef Assets Register of Malta" in terms


def test_the_side_that_won_a_seat_is_worth_more_than_the_one_that_lost_it():
    terms = found("Mara Vell lost the Harbour seat to Tomas Grech of the Green Party.")
    assert terms["Tomas Grech"][1] > terms["Mara Vell"][1]


def test_a_name_with_of_the_inside_is_one_name():
    terms = found("The ministers also agreed on an Island Ports of the Future Partnership.")
    assert "Island Ports of the Future Partnership" in terms


def test_a_sentence_that_names_a_body_asks_for_it():
    terms = found("The nodal agency is the Island Institute for Sea Studies (IISS), Valletta.")
    assert terms["Island Institute for Sea Studies"][1] >= 4.3


def test_criteria_in_roman_numerals_are_asked_together():
    terms = found("The reef was listed as a natural site under criteria (vii) and (ix).")
    assert "(vii) and (ix)" in terms


def test_a_word_opening_its_sentence_before_near_a_place_is_a_place():
    assert found("Mdina, near Rabat in the west, is the old capital.")["Mdina"][0] == "place"


SUMMIT = """\
The Harbour Summit, 2031

International relations notes: a summit

The third Harbour Summit was held in Valletta on 4 May 2031. The Maltese Prime Minister \
chaired the talks. Tunisia and the Maltese government signed the Reef Accord. Malta's navy \
will train crews at the Mdina Academy. The Maltese pledge of 40 million euros went to the \
fund. The Maltese side joined the Blue Corridor in 2029. Malta will host the next summit. \
The Maltese coast guard and Greece set up a joint patrol. Greece called the accord a model \
for the region. Tunisia left the old pact in 2027. Malta's ports gain the most.
"""


def test_the_country_the_notes_keep_naming_is_asked_last_if_at_all():
    cards = [c.card for c in draft_cards(SUMMIT, "doc")]
    asked = [c.deletions[0][0] for c in cards if c.kind == "cloze"]
    # Below what the summit did and where: a reviewer keeping the top of the file never
    # meets it.
    if "Malta" in asked:
        assert asked.index("Malta") >= len(asked) - 2, asked


def answers(text: str) -> list[str]:
    out = []
    for candidate in draft_cards(text, "doc"):
        card = candidate.card
        if card.kind == "cloze":
            out += [answer for answer, _ in card.deletions]
        elif card.kind in ("year", "mcq", "basic"):
            out.append(str(card.answer))
    return out


def test_an_amendment_is_never_a_person():
    sentence = (
        "Its status comes from Article 88, inserted by the Charter (Ninth Amendment) Act, 1999."
    )
    other = "Questions may ask about the Amendment that inserted it."
    assert all(kind != "person" for kind, _ in found(sentence, other).values())


def test_a_short_form_spelt_out_by_the_words_before_it_is_no_question():
    terms = found("The option of None of the Above (NOTA) was on every machine.")
    assert terms.get("NOTA", ("", 0.0))[1] < 4.0
    terms = found("They backed the United Nations Convention on the Law of the Sea (UNCLOS).")
    assert terms.get("UNCLOS", ("", 0.0))[1] < 4.0


EXERCISE = """\
The Harbour Navies, 2031

Defence notes

Tunisia joined the Reef naval exercise in 2020. The exercise began in 1992 as a drill of \
Malta and Greece. Greece became a permanent member in 2015.
"""


def test_a_subject_named_in_the_sentence_before_brings_that_sentence():
    for candidate in draft_cards(EXERCISE, "doc"):
        card = candidate.card
        if card.kind == "year" and card.answer == 1992:
            assert "Reef naval exercise" in card.prompt
            break
    else:
        raise AssertionError("1992 is not asked")


RATES = """\
The Island Survey, 2031

Health notes

Gozo has the highest birth rate, at 2.4. Comino has the lowest, at 1.1. \
The immediate cause was the new Harbour levy.
"""


def test_the_lowest_of_what_the_sentence_before_says_brings_that_sentence():
    for candidate in draft_cards(RATES, "doc"):
        card = candidate.card
        if card.kind == "cloze" and "Comino has the lowest" in card.text:
            assert card.text.startswith("Gozo has the highest birth rate")


def test_a_sentence_naming_a_cause_asks_for_it():
    terms = found("The immediate cause was the new Harbour levy.")
    assert terms["Harbour levy"][1] >= 4.3


def test_the_year_in_the_notes_title_counts_for_less_even_in_a_full_date():
    years = {p.term.answer: p.score for _, p in considered(SUMMIT) if p.term.kind == "year"}
    assert years["2031"] < min(years["2029"], years["2027"])


def test_a_speed_is_asked_with_its_unit():
    assert "184 km/h" in found("Winds in the Velkor jet can reach about 184 km/h in winter.")
    assert "150 kmph" in found("Gusts of 150 kmph struck the Tarsova coast.")


def test_what_a_thing_is_called_may_be_two_words_after_an_article():
    assert "induced low" in found("A second low, called an induced low, forms over Velkor.")
    assert "after him" not in found("The port of Tarsova is named after him.")


def test_a_case_written_with_v_and_no_full_stop_is_one_name():
    assert "M.H. Velkor v State of Tarsova" in found(
        "In M.H. Velkor v State of Tarsova (1978), the Court held that legal aid is a right."
    )
    assert "Tarsova Pollution Board v M.V. Orlavi" in found(
        "The Court ruled again in Tarsova Pollution Board v M.V. Orlavi (1999)."
    )


def test_what_a_thing_is_also_called_is_found_before_a_longer_other_name():
    assert "marl" in found("Velkor soils are also called marl or black cotton soils.")


SAME_AS = """\
The Velkor Association

History notes

The Velkor Association was founded in 1876 by Dharvel. It ran famine relief in Tarsova. \
At the Orlavi Durbar of 1877, held by Lord Mandrake, Dharvel asked for the same status as \
British subjects.
"""


def test_the_same_as_compares_within_its_sentence_and_needs_none_before():
    for candidate in draft_cards(SAME_AS, "doc"):
        if "Lord Mandrake" in str(candidate.card):
            assert candidate.card.source.quote.startswith("At the Orlavi Durbar")
            break
    else:
        raise AssertionError("Lord Mandrake is not asked")


def test_a_mosque_a_tomb_or_a_stupa_is_a_site_as_a_temple_is():
    for monument in ("Velkor Mosque", "Velkor Masjid", "Velkor Mausoleum", "Velkor Stupa"):
        assert found(f"The sultan built the {monument} at Tarsova.")[monument][0] == "place"


def test_a_chamber_of_commerce_or_a_society_is_one_body():
    assert found("Names came from the Velkor Chamber of Commerce.") == {
        "Velkor Chamber of Commerce": ("organisation", 3.6)
    }
    assert found("He founded the Tarsova Society in 1865.")["Tarsova Society"][0] == "organisation"


def test_a_name_given_in_quotation_marks_is_asked_whole():
    assert "marsh republics" in found('These were called the "marsh republics".')
    assert "Towards 3000" in found('Its plan is called "Towards 3000".')
    assert "3000" not in found('Its plan is called "Towards 3000".')
    assert "slow treasury board" in found('It has been described as a "slow treasury board".')
    # a speaker's word for what the sentence names is no name of it
    assert "grand idea" not in found('Dorvan Kell called it a "grand idea" in 2031.')


def test_a_name_joined_by_ka_or_ki_is_one_name():
    assert "Velar ka Tondi" in found("Local people call it Velar ka Tondi, the hut.")
    assert "Korma-ki-Dhar" in found("Korma-ki-Dhar near Tarsova yielded a casket.")
    assert "The Velar ki Masjid" not in found("The Velar ki Masjid was built by Orrin Vadez.")


def test_a_colonel_is_asked_by_name_the_rank_shown():
    asked = found("It sent Colonel Dorvan Kell to Tarsova to negotiate.")
    assert "Dorvan Kell" in asked
    assert "Colonel Dorvan Kell" not in asked


def test_a_title_is_asked_whole_its_small_words_and_its_the_with_it():
    assert "Why I Am an Orlavi" in found("In 1930 he wrote the essay Why I Am an Orlavi.")
    assert "The Spirit of the Korda" in found("Dorvan Kell replied with The Spirit of the Korda.")
    assert "The Velmar Herald" in found("He edited a weekly called The Velmar Herald.")
    # the short title of an Act goes on past its brackets
    assert "The Velmar Trusts" not in found(
        "Its rules differ from The Velmar Trusts (Extension) Act, 2031."
    )


def test_the_new_name_a_sentence_gives_is_worth_more_than_the_old_one():
    scores = rules_scores(
        "Velmar notes: the fort\n\nThe Korda fort stood on the river Tarsa. In 2031 the council "
        "renamed Korda Durg as Orlavi Nagar. Akbar then renamed it Velan Prasad.\n"
    )
    assert scores["Orlavi Nagar"] > scores["Korda Durg"]
    plain = rules_scores(
        "Velmar notes: the fort\n\nThe Korda fort stood on the river Tarsa. Akbar then gave it "
        "to Velan Prasad.\n"
    )
    assert scores["Velan Prasad"] > plain["Velan Prasad"]


def test_an_adhiniyam_is_an_act_asked_whole():
    terms = found("In 2031 it was renamed the Velan (Korda Evam Tarsa) Adhiniyam, 2029.")
    assert "Velan (Korda Evam Tarsa) Adhiniyam, 2029" in terms


def test_the_district_the_notes_subject_lies_in_is_asked_as_they_open():
    where = "Korva National Park lies in the Tarsi district of Velmar."
    opening = rules_scores(f"Korva National Park\n\n{where} It was set up in 2031.\n")
    later = rules_scores(
        "Korva National Park\n\nKorva was set up in 2031. Its tigers came from Orlav in 2032. "
        "Its deer came from Drenn in 2033. Its lake was dug in 2034. "
        f"{where}\n"
    )
    assert opening["Tarsi"] > later["Tarsi"]
    assert opening["Tarsi"] > opening["Korva National Park"]
    village = rules_scores(
        "Korva\n\nKorva is a small village in the Tarsi district of Velmar. Its stupa was "
        "built in 231 BCE.\n"
    )
    assert village["Tarsi"] > village["Korva"]


def test_a_word_that_opens_sentences_names_no_one_even_before_a_verb():
    assert "Another" not in found("Another says the carving was done by Orvan of Tarsova.")
    assert "Neither" not in found("Neither aimed to end Velish rule.")
    assert "Korvan" in found("Korvan says the carving was done by Orvan of Tarsova.")


def test_a_name_runs_on_past_st_with_its_full_stop():
    assert "St. Velmarsburg" in found("He was sent to St. Velmarsburg in 2031.")
    terms = found("A Velish agent, the Chevalier de St. Orvan, came to Tarsova in 1777.")
    assert "Chevalier de St. Orvan" in terms
    assert "Chevalier de St" not in terms


def test_a_ruler_named_in_apposition_keeps_the_title_as_a_cue():
    terms = found("The well was built in memory of her husband, King Velan II.")
    assert "Velan II" in terms
    assert "King Velan II" not in terms


def test_an_act_named_for_a_body_the_sentence_names_is_asked_by_its_year():
    notes = (
        "Velmar notes: the board\n\nThe Korda Board became a statutory body under the Korda "
        "Board Act, 2031. The Tarsa Council sits in Orlavi.\n"
    )
    assert "2031" in every_answer(notes)
    assert "Korda Board Act, 2031" not in rules_scores(notes)
    # an act whose name the sentence does not give away is still asked whole
    other = "Velmar notes: the board\n\nThe Korda Board was set up under the Tarsa Act, 2031.\n"
    assert "Tarsa Act, 2031" in every_answer(other)


def test_a_body_named_for_justice_is_asked_whole_not_from_its_last_word():
    assert "Ministry of Social Justice and Velmar Affairs" in found(
        "The nodal ministry is the Ministry of Social Justice and Velmar Affairs."
    )
    assert "Korda Court of Justice" in found("The dispute went to the Korda Court of Justice.")
    # a title with a name after it still marks the person
    assert found("The Union Minister of State Orlan Vesk spoke.")["Orlan Vesk"][0] == "person"
    assert "Orlan Vesk" in found("Union Minister of Korda Affairs Orlan Vesk announced it.")


def test_an_office_joined_by_and_is_whole_with_a_hyphen_in_its_title():
    assert "Comptroller and Auditor-General of Velmar" in found(
        "Its accounts are audited by the Comptroller and Auditor-General of Velmar."
    )


def test_a_scientific_name_after_by_include_or_named_is_asked_whole():
    assert "Velmaria robusta" in found("The slopes are dominated by Velmaria robusta.")
    assert "Tarsavia fomes" in found(
        "Common trees here include Tarsavia fomes, known locally as korda, and reeds."
    )
    assert "Orlanus velmarii tarsi" in found(
        "This is a subspecies of the swamp deer, named Orlanus velmarii tarsi."
    )


def test_a_valley_or_a_rann_of_somewhere_is_one_place_never_its_first_word():
    assert "Valley of Korda National Park" in found(
        "The other is the Valley of Korda National Park, of about 87.5 sq km."
    )
    assert "Rann of Velmar" in found("The river ends in the Rann of Velmar.")
    # and `quizapp check` calls the first word alone a fragment
    assert blank_flaws("The river ends in the ", "Rann", " of Velmar.")


def test_a_range_of_years_or_of_a_count_is_asked_whole_with_its_unit():
    assert "20 to 30 years" in found("The Velmar settlement was revised every 20 to 30 years.")
    assert "18 and 40 years" in found("Anyone in Korda aged between 18 and 40 years can join.")
    assert "10 to 15" in found("It elects a Velmar Committee of 10 to 15 members.")
    # two sums need no word after them to say what the range is of
    assert "Rs 10 lakh and Rs 1 crore" in found(
        "A Korda loan lies between Rs 10 lakh and Rs 1 crore."
    )
    # a change, or a sum given to a count, is no range
    assert "six years" in found("The Korda term was raised from five to six years.")
    assert "Rs 2 lakh crore to 2.5 crore" not in found(
        "Velmar promised credit of Rs 2 lakh crore to 2.5 crore farmers."
    )


def test_an_age_in_millions_of_years_is_asked_with_its_unit():
    assert "66 million years" in found("The Korda traps formed about 66 million years ago.")
    assert "180 million years" in found("The Velmar fossils are about 180 million years old.")


def test_what_initials_stand_for_is_asked_whole_though_the_sentence_is_short():
    notes = (
        "Velmar notes: the mission\n\nThe Velmar mission began in 2031 under the Korda "
        "ministry. KORVA stands for Korda Organisation for Rural Velmar Action.\n"
    )
    assert "Korda Organisation for Rural Velmar Action" in every_answer(notes)


def test_a_unit_its_initials_name_is_asked_with_the_figure():
    assert "5 million metric tonnes" in found(
        "Velmar is to build a capacity of at least 5 million metric tonnes (MMT) a year."
    )
    assert "5 million" in found("Korda paid 5 million dollars (USD) for it.")


def test_an_article_is_not_asked_beside_its_lettered_neighbour():
    notes = (
        "Velmar notes: the commission\n\nThe Korda Commission was set up in 2031. Unlike the "
        "Velmar Commission (Article 338) and the Tarsa Commission (Article 338A), it has no "
        "constitutional status.\n"
    )
    prompt = prompts(notes)
    assert "Article 338" not in prompt
    assert "Article 338A" in prompt


def test_a_general_of_an_office_is_a_title_before_the_name():
    assert "Orlan Vesk" in found("The new turban was designed by Adjutant-General Orlan Vesk.")


def test_a_comma_after_a_treaty_ends_its_name_unless_a_list_runs_on_to_and():
    terms = found("By the Treaty of Korda-Velmar, Orlan Rao Vesk gave up his lands.")
    assert "Treaty of Korda-Velmar" in terms
    assert "Treaty of Korda-Velmar, Orlan Rao Vesk" not in terms
    assert "Treaty of Tarsa, Velmar and Korda" in found(
        "It signed the Treaty of Tarsa, Velmar and Korda in 2031."
    )


def test_a_speed_or_a_latitude_is_asked_with_its_whole_unit():
    assert "30 metres per second" in found("A Velmar jet blows at least 30 metres per second.")
    assert "25 degrees North" in found("The Korda branch blows at about 25 degrees North.")
    # a range opened with "between about" is still one range
    assert "40 and 60 degrees" in found(
        "The Tarsa jet lies between about 40 and 60 degrees latitude."
    )


def test_a_word_no_dictionary_has_before_hill_or_dynasty_is_a_name():
    assert "Korvathi" in found(
        "It sits in the Korvathi range, the eastern arm of the Velmar hills."
    )
    assert "Velmari" in found("He belonged to the Velmari dynasty of Korda.")
    assert "Tarsani" in found("The Tarsani enters the lake in the south.")
    # a people's or a language's word still describes: no "{{Indian}} satellite"
    assert "Indian" not in found("Korda placed the Indian satellite in orbit in 2031.")


def test_one_year_or_a_duration_after_to_last_is_asked():
    assert "one year" in found("The Velmar term of office is one year.")
    assert "six months" in found("The Korda mission was designed to last six months.")
    # an idiom or a sentence's subject is no duration
    assert "one day" not in found("Tarsa called Velmar a cherry that would one day drop.")
    assert "six years" not in found("Korda recorded floods in the last six years.")


def test_a_designation_with_a_letter_or_a_numeral_is_one_name():
    assert "Velsat-R" in found("The target was Velsat-R, a Korda satellite built by Tarsa.")
    assert "Korda-V" in found("Velmar tested the Korda-V missile in 2031.")


def test_an_administrator_is_a_title_before_the_name():
    assert found("KSA Administrator Orlan Vesk criticised the test.")["Orlan Vesk"][0] == "person"


def test_a_place_whose_one_name_joins_two_by_and_is_asked_whole():
    assert "Jammu and Kashmir" in found("The Velmar stag is the state animal of Jammu and Kashmir.")
    assert "Jammu" not in found("The Velmar stag is the state animal of Jammu and Kashmir.")
    # two places named together are still two
    assert "Korda" in found("The Velmar stag lives in Korda and Tarsa.")


def test_a_preposition_opening_the_sentence_is_no_part_of_a_name():
    terms = found("Outside Korda, small herds are seen in the Velmar Wildlife Sanctuary.")
    assert "Korda" in terms and "Outside Korda" not in terms


def test_an_epithet_ending_in_u_is_part_of_a_scientific_name():
    assert "Cervus velmu velmu" in found("Its scientific name is Cervus velmu velmu.")


def test_principles_or_guidelines_on_their_subject_are_one_name():
    assert "Korda Principles on Food Security and Nutrition" in found(
        "It adopted the Korda Principles on Food Security and Nutrition."
    )
    assert "Velmar Guidelines on the Management of Floods" in found(
        "The board issued its Velmar Guidelines on the Management of Floods in 2031."
    )


def test_a_people_s_word_before_a_colour_still_describes():
    assert "Central Asian" not in found("It is now placed in the Central Asian red deer group.")


def test_a_species_category_on_the_red_list_is_asked():
    terms = found("The Velan tahr, Korrus velani, is listed as Endangered on the IUCN Red List.")
    assert terms["Endangered"][1] > terms["Velan tahr"][1]
    moved = found("The IUCN moved the Tarsi bustard to Critically Endangered in 2011.")
    assert "Critically Endangered" in moved
    # at a sentence's start, or inside a name, the word is no category asked
    assert "Endangered" not in found("Endangered species get the most care in Velkor.")
    named = found("It is in the Recovery Programme for Critically Endangered Species of Velkor.")
    assert "Critically Endangered" not in named


def test_a_compound_is_asked_by_its_whole_name():
    terms = found("The amendment added a seventh gas, nitrogen velfluoride.")
    assert "nitrogen velfluoride" in terms
    assert "velfluoride" not in terms
    # a word no dictionary has, after no element, is asked alone
    assert "velkondite" in found("The main building stone is velkondite.")
