"""Figures, references and terms an examiner asks, found whatever word follows them, each
in the shape its test names: an article's sub-clause, a count the grammar says is counted, a
duration, a fraction, a unit, a term called or glossed or described, a title, a record's
holder, a committee's chair, a price per quintal, a latitude."""

from quizapp.authoring.drafter import draft_cards
from quizapp.authoring.examiner import NO_EXAMINER
from quizapp.authoring.parse import counted_numbers, opening_name
from quizapp.authoring.terms import Vocabulary, find_terms
from tests.authoring.drafting import asked, every_answer, found, rules_scores, score_of


def test_an_article_with_a_lettered_sub_clause_is_asked_whole() -> None:
    terms = found("A district with a council counts as a province under Article 412(31C).")
    assert "Article 412(31C)" in terms
    assert "Article 412" not in terms
    terms = found("It was inserted as Article 88(2A) and Article 97(1) by the Act.")
    assert {"Article 88(2A)", "Article 97(1)"} <= terms.keys()


def test_a_duration_in_minutes_or_hours_is_asked_with_its_unit() -> None:
    terms = found("The centre aims to issue its first bulletin within 12 minutes of a tremor.")
    assert "12 minutes" in terms
    assert "48 hours" in found("The crew must report within 48 hours of landing.")


def test_a_fraction_in_words_and_a_magnitude_are_figures() -> None:
    assert "one-eighth" in found("The land tax, the vishti, was usually one-eighth of the crop.")
    assert "half" in found("The change needs ratification by not less than half of the Provinces.")
    assert "7.9" in found("On 3 May 2031 an earthquake of magnitude 7.9 struck off Velanka.")


def test_a_term_called_mid_sentence_is_asked() -> None:
    terms = found("The kingdom issued a coin called the tanvara, which traders called the drum.")
    assert "tanvara" in terms
    assert "lavani" in found("The rest house, called a lavani, stood by every road.")


def test_a_term_given_in_its_own_language_after_what_it_names_is_asked() -> None:
    assert "dhruka" in found("The tax on salt, the dhruka, was paid in grain.")
    assert "ganikas" in found("Craft guilds, or ganikas, kept their own courts.")
    assert {"sishya", "acharin"} <= found("The pupil (sishya) served the teacher (acharin).").keys()


def test_a_unit_of_electric_power_or_energy_is_part_of_its_figure() -> None:
    terms = found("The board approved eight reactors of 540 MWe each.")
    assert "540 MWe" in terms
    assert "MWe" not in terms
    assert "61 TWh" in found("The plants produced 61 TWh of power.")


def test_there_opening_a_sentence_is_no_name() -> None:
    assert "There" not in found("There were 14 Varunagiri kings in the Kolvan line.")


def test_an_amendment_inside_a_bills_title_is_asked_as_an_amendment() -> None:
    terms = found("The Constitution (131st Amendment) Bill was introduced in December 2031.")
    assert "131st Amendment" in terms
    assert "131st" not in terms
    # An Act with its year is asked whole, ordinal and all.
    terms = found("It became the Constitution (Ninety-fourth Amendment) Act, 2032 after assent.")
    assert "Constitution (Ninety-fourth Amendment) Act, 2032" in terms


SENTENCE = "The envoy says that Varunapura was governed by seven boards of three members each."


def test_the_grammar_finds_what_a_number_counts_whatever_it_counts() -> None:
    spans = [SENTENCE[a:b] for a, b in counted_numbers(SENTENCE)]
    assert spans == ["seven"]
    # A count of something the shape rules do not list ("boards") is found only with the
    # grammar's help; a count they list ("three members") is found by its shape.
    vocabulary = Vocabulary.of([SENTENCE])
    alone = {t.answer for t in find_terms(SENTENCE, vocabulary)}
    helped = {t.answer for t in find_terms(SENTENCE, vocabulary, counted_numbers(SENTENCE))}
    assert "seven" not in alone
    assert {"seven", "three"} <= helped


def test_the_grammar_does_not_count_steps_set_out_or_a_period() -> None:
    for sentence in (
        "The committee proposed the change in two steps.",
        "The kingdom ruled the coast for more than four centuries.",
    ):
        assert counted_numbers(sentence) == []


def test_the_grammar_does_not_count_a_date_a_year_or_a_figures_scale() -> None:
    sentence = "In 2031 the 14 provinces sent 1.5 million tonnes of rice on 12 May to the port."
    counted = [sentence[a:b] for a, b in counted_numbers(sentence)]
    assert "million" not in counted
    assert "2031" not in counted
    vocabulary = Vocabulary.of([sentence])
    terms = {t.answer for t in find_terms(sentence, vocabulary, counted_numbers(sentence))}
    assert "12" not in terms  # the day of a date


NOTES = """\
The Varunagiri Kingdom

Medieval history notes: how the kingdom was run

Government

The envoy Damaris came to the court of King Tarapala as the ambassador of the Heliad kings. \
He says that Varunapura was governed by seven boards of three members each. \
Tarapala sent Heliodas 300 war elephants in return for Kolvanur.
"""


def test_a_drafted_card_asks_a_count_only_the_grammar_finds() -> None:
    answered = every_answer(NOTES)
    # "sent Heliodas 300 war elephants": a count, though a name stands before it as before a
    # label's number ("Phase 2")
    assert "300" in answered


DEBATE = (
    "Ports bill\n\nPolity notes\n\n"
    "The Council debated the ports bill for about 14 hours. The bill raised the harbour fee "
    "to Rs 900. Each port must answer a distress call within 20 minutes of receiving it.\n"
)


def test_how_long_a_debate_ran_is_trivia_but_a_time_limit_is_not() -> None:
    assert score_of(DEBATE, "14 hours") < score_of(DEBATE, "Rs 900")
    assert score_of(DEBATE, "14 hours") < score_of(DEBATE, "20 minutes")


def test_a_proportion_of_three_parts_is_one_ratio() -> None:
    terms = found("Bricks were laid in the ratio 1:3:5 of height, width and length.")
    assert terms["1:3:5"][0] == "ratio"


def test_what_a_name_means_is_asked_and_a_pronoun_is_no_term() -> None:
    terms = found("Kolvanur, whose name means city of bells in Tamil, was a port.")
    assert "city of bells" in terms
    terms = found("Its name means red stones, and it lies on the Serapa.")
    assert "red stones" in terms
    assert "Its name" not in terms
    assert "vardhana" in found("A rest house on every road was called a vardhana.")


SITES = """\
The Serapa sites

Ancient history notes: the Serapa sites

Sites

Kolvanur, in the Tarin district of Velanka, is the largest Serapa site in the south. \
It was excavated by R.K. Dhanpal in 1961. \
Most Serapa towns stood on the banks of rivers.
"""


def test_a_name_opening_its_sentence_before_a_description_is_asked() -> None:
    # "Kolvanur, in the Tarin district of Velanka, is the largest ...": the grammar's subject,
    # named once in the notes, with its description between it and its verb
    asked = every_answer(SITES)
    assert "Kolvanur" in asked


def test_the_first_name_of_a_list_is_no_subject_of_its_own() -> None:
    assert opening_name("Kolvanur, in the Tarin district, is the largest site.") == "Kolvanur"
    assert opening_name("Kolvanur, Tarin and Velanka backed the treaty.") == ""


def test_a_find_named_with_its_common_noun_is_asked_whole() -> None:
    assert "Velanka seal" in found("The Velanka seal from Kolvanur shows a horned figure.")


def test_a_count_before_a_figure_still_counts_what_follows() -> None:
    sentence = "In May 2031 the Cabinet approved eleven 540 MWe reactors to be built in a fleet."
    assert [sentence[a:b] for a, b in counted_numbers(sentence)] == ["eleven"]


FRONTIER = """\
The Serapa sites

Ancient history notes: the frontier sites

Sites

Tarin Kot, on the Velan river near the Dhara coast, is the westernmost; Mark Holm explored \
it in 1931. \
Most Serapa towns stood on the banks of rivers.
"""


def test_the_westernmost_is_a_record_its_subject_holds() -> None:
    asked = every_answer(FRONTIER)
    assert "Tarin Kot" in asked


def test_a_year_labelling_a_committee_counts_as_little_with_of_as_in_brackets() -> None:
    notes = (
        "Local bodies\n\nPolity notes\n\n"
        "Village councils were weak for decades. "
        "The R.K. Varma Committee {year} recommended that village councils be protected by "
        "the Constitution.\n"
    )

    def rules_score(year: str, answer: str) -> float:  # the rules alone, before any examiner
        cards = draft_cards(notes.format(year=year), "doc", NO_EXAMINER)
        return next(c.score for c in cards if asked(c.card) == [answer])

    assert rules_score("of 1986", "1986") == rules_score("(1986)", "1986")
    assert rules_score("of 1986", "1986") < rules_score("of 1986", "R.K. Varma Committee")


def test_a_language_something_is_written_in_is_no_place() -> None:
    terms = found("Kavidas, a disciple of Ramaguru of Kolvanur, wrote in Velani and Tarish.")
    assert terms["Velani"][0] != "place"
    assert terms["Tarish"][0] != "place"
    # where someone works or sits is still a place
    assert found("The board works at the Serapa Institute in Kolvanur.")["Kolvanur"][0] == "place"


def test_two_people_and_their_body_are_three_names_not_one() -> None:
    terms = found(
        "In May 2031 Arun Vella, Mira Tosh and Kiran Dutt of the Velanka Polar Survey reported "
        "a loss of ice."
    )
    assert {"Mira Tosh", "Kiran Dutt", "Velanka Polar Survey"} <= terms.keys()
    assert not any(" and " in answer for answer in terms)


def test_a_hyphenated_rank_is_a_title_before_a_name() -> None:
    terms = found("Troops under Brigadier-General Ravi Mohan fired on the crowd at Serapur.")
    assert terms["Ravi Mohan"][0] == "person"


def test_a_weight_per_head_is_a_figure() -> None:
    assert "0.4 kg" in found("A country using below 0.4 kg per head is known as a small user.")


def test_a_unit_named_after_someone_is_asked_with_its_figure() -> None:
    terms = found("A haze is declared wherever the column falls below 140 Varley units.")
    assert "140 Varley units" in terms
    assert "Varley units" in found("The haze in a column of air is measured in Varley units.")


def test_a_way_of_doing_something_named_in_lower_case_is_asked() -> None:
    assert "sand-mould method" in found("The Kolvan bells were cast by the sand-mould method.")
    assert "dana-pattika system" in found("Under the dana-pattika system, villages paid in grain.")


def test_what_a_find_was_identified_as_is_asked() -> None:
    assert "granary" in found("It had a long brick hall, which Mehta identified as a granary.")


def test_what_holds_a_first_counts_for_more_than_when() -> None:
    """'Velmar Devices was the first to be approved, in June 2031.': the examiner asks who was
    first; the year is what the sentence adds."""
    text = (
        "The Chip Mission\n\nEconomy notes: a new industry\n\n"
        "The mission approved four plants in its first two years, at a cost of 76,000 crore "
        "rupees. Velmar Devices was the first to be approved, in June 2031.\n"
    )
    scores = rules_scores(text)
    assert scores["Velmar Devices"] > scores["2031"]


def test_a_committee_known_by_its_chairs_name_is_worth_more_than_one_known_by_its_work() -> None:
    named = found("The Harish Venkat Committee on polls (1991) proposed a single roll.")
    by_work = found("The Joint Parliamentary Committee on polls (1991) proposed a single roll.")
    assert named["Harish Venkat Committee"][1] > by_work["Joint Parliamentary Committee"][1]
    initials = found("The K.R. Patil Committee on polls (1991) proposed a single roll.")
    assert initials["K.R. Patil Committee"][1] == named["Harish Venkat Committee"][1]


def _rules_scores(sentence: str) -> dict[str, float]:
    return rules_scores(f"The Velan Notes\n\nNotes on a convention\n\n{sentence}\n")


def test_the_day_a_date_is_kept_as_is_what_the_sentence_asks() -> None:
    scores = _rules_scores(
        "Under Operation Velan, Kantara tested five missiles at Pokhar on 11 May 2031, and "
        "11 May is now marked as National Rocket Day."
    )
    assert scores["National Rocket Day"] > scores["Operation Velan"]


def test_where_a_body_sits_counts_for_more_than_where_it_met() -> None:
    sits = _rules_scores("The Secretariat of the Velan Convention sits in Dorvel, Ostrava.")
    met = _rules_scores("The Secretariat of the Velan Convention met in Dorvel, Ostrava.")
    assert sits["Dorvel"] > met["Dorvel"]
    sits_at = _rules_scores("The Velan Convention's commission sits at Dorvel in Ostrava.")
    met_at = _rules_scores("The Velan Convention's commission met at Dorvel in Ostrava.")
    assert sits_at["Dorvel"] > met_at["Dorvel"]


def test_an_academy_or_school_of_something_is_one_name() -> None:
    terms = found("Kamala Rao founded the Velan Academy of Performing Arts in Kolvan in 1949.")
    assert "Velan Academy of Performing Arts" in terms
    assert "Performing Arts" not in terms


def test_the_first_of_two_names_a_thing_was_known_as_is_asked() -> None:
    assert "tevaram" in found("The dance was then known as tevaram or kuttu attam.")


def test_a_lower_case_term_named_then_described_is_asked() -> None:
    terms = found("The opening posture is the samapada, a standing position with feet together.")
    assert "samapada" in terms


def test_a_figure_below_zero_keeps_its_sign() -> None:
    assert "\u221274.5\u00b0C" in found(
        "The coldest reading, \u221274.5\u00b0C, was taken at Velan."
    )
    assert "-12%" in found("Exports fell by -12% in the year.")


def test_a_latitude_is_a_figure() -> None:
    assert "55\u00b0 South" in found("The treaty covers the sea south of 55\u00b0 South latitude.")
    assert "21.5\u00b0 N" in found("The line runs at 21.5\u00b0 N across the plateau.")


def test_a_price_keeps_what_it_is_for() -> None:
    terms = found(
        "The support price of velan grain was raised by \u20b940 to \u20b91,640 per quintal."
    )
    assert "\u20b91,640 per quintal" in terms
    assert "\u20b940" in terms


def test_a_people_s_name_before_a_person_s_is_not_part_of_it() -> None:
    assert "Halvard Rustad" in found("The Norwegian Halvard Rustad reached the Velan Pole in 1911.")
    # a body's name may open with one
    assert "American Physical Society" in found("She joined the American Physical Society in 1920.")


def test_a_massif_is_a_place_not_a_person() -> None:
    assert (
        found("Its highest point is Velan Massif, at 4,110 metres.")["Velan Massif"][0] == "place"
    )


def test_how_many_times_one_thing_is_another_is_a_figure() -> None:
    terms = found("The price must be at least one and a half times the cost of velan grain.")
    assert "one and a half times" in terms
    assert not any("times" in t for t in found("The council met three times in 2031."))


def test_an_area_in_square_kilometres_keeps_its_unit() -> None:
    assert "812 square kilometres" in found("The Velan reserve covers about 812 square kilometres.")


def test_land_in_acres_a_weight_or_a_coin_keeps_its_unit() -> None:
    assert "5 crore acres" in found("The target was 5 crore acres, a sixth of the Velan land.")
    assert "178 grains" in found("Dorvel issued a silver coin weighing about 178 grains.")
    assert "234 tankas" in found("A Velan cavalryman with one horse was paid 234 tankas a year.")
    assert "3 crore rupees" in found("Kolvan paid an indemnity of more than 3 crore rupees.")


def test_a_royal_title_is_left_out_of_the_name_and_kept_in_the_prompt() -> None:
    terms = found(
        "The last wild herd was shot in 1947 by Maharaja Devendra Pratap Singh Rao of Kolvan."
    )
    assert "Devendra Pratap Singh Rao" in terms
    short = found("Maharaja Velan Singh ruled Kolvan from Dorvel.")
    assert "Maharaja Velan Singh" not in short
    assert short["Velan Singh"][0] == "person"
    assert "Queen Velan Land" in found("A station was set up in Queen Velan Land in 1989.")


def test_a_species_standing_on_the_red_list_is_asked() -> None:
    assert "critically endangered" in found("The Velan gazelle is listed as critically endangered.")


def test_a_word_borrowed_with_its_meaning_in_quotes_is_asked() -> None:
    assert "vyaghraka" in found('The name comes from the Sanskrit vyaghraka, "the striped one".')


def test_a_word_is_asked_without_the_word_word_and_its_meaning_closing_the_sentence() -> None:
    terms = found("The word velkara means door-keeper.")
    assert "velkara" in terms
    assert "word velkara" not in terms
    assert "door-keeper" in terms
    assert "arrival" in found("The word tarsada is Velanese and means arrival.")


def test_the_way_a_thing_is_done_after_by_means_of_the_is_asked() -> None:
    terms = found("Voting in Velkor is by means of the single transferable vote, and it is secret.")
    assert "single transferable vote" in terms
    assert "boat" not in found("He reached Tarsova by means of a boat.")


def test_grasslands_named_with_their_common_noun_are_asked_whole() -> None:
    terms = found("A breeding centre is planned in the Velan grasslands of Kolvan, Dorvel.")
    assert "Velan grasslands" in terms


def test_a_limit_per_transaction_keeps_what_it_is_for() -> None:
    assert "₹2 lakh per transaction" in found("The Velan ceiling is ₹2 lakh per transaction.")


def test_how_many_days_a_hearing_lasted_is_asked_like_how_long_it_took() -> None:
    """'The speech lasted 77 minutes' is trivia; 'The hearings lasted 68 days' is not."""
    lasted = rules_scores("The Velan hearings lasted 68 days, from 3 May 2031 to 9 July 2031.")
    took = rules_scores("The Velan hearings took 68 days, from 3 May 2031 to 9 July 2031.")
    assert lasted["68 days"] == took["68 days"]


def test_a_case_framing_a_holding_is_worth_more_than_one_cited_for_its_judgment() -> None:
    """'In Velan Rao v. Union of Kolvan (1951) the Court upheld ...' is learnt by the case;
    'NOTA came after the judgment in Velan Rao v. Union of Kolvan in 2013' by its year."""
    case = "Velan Rao v. Union of Kolvan"
    framed = found(f"In {case} (1951) the Court upheld the First Amendment of Kolvan.")
    cited = found(f"NOTA was added after the judgment in {case} in 2013.")
    assert framed[case][1] > cited[case][1]
    assert framed[case][1] >= framed["1951"][1]
    assert cited["2013"][1] > cited[case][1]


def test_a_bill_with_a_long_amendment_number_is_asked_whole_never_by_its_last_ordinal() -> None:
    """ "Ninth Amendment" of "(One Hundred and Twenty-Ninth Amendment)" is another amendment."""
    bill = "Constitution (One Hundred and Forty-Ninth Amendment) Bill, 2031"
    terms = found(f"The {bill} was introduced in the Velan House on 17 December 2031.")
    assert bill in terms
    assert "Ninth Amendment" not in terms
    older = found(
        "In 2028 Velan introduced the Constitution (One Hundred and Eighth Amendment) Bill."
    )
    assert "Eighth Amendment" not in older
    # a short ordinal's bill is asked whole, with the word "Bill"
    assert "64th Amendment Bill" in found(
        "Velan Rao introduced the 64th Amendment Bill in July 1989."
    )


def test_a_name_with_a_model_number_and_a_count_out_of_a_whole_are_asked() -> None:
    assert "Kolvan 3201" in found("In 2031 the agency made the Kolvan 3201, a 32-bit processor.")
    assert "VPI 123PAY" in found("VPI 123PAY, launched on 8 March 2031, reached feature phones.")
    assert found("Section 144 was imposed in Velan.")["Section 144"][0] == "article"
    assert "nine" in found("The statement was signed by nine of the thirteen judges of Velan.")


def test_a_title_in_quotation_marks_is_asked_whole() -> None:
    terms = found('A short statement called the "View by the Velan Majority" was signed in 2031.')
    assert "View by the Velan Majority" in terms


def test_the_level_a_figure_rose_fell_or_stood_at_is_asked_though_it_counts_no_noun() -> None:
    notes = (
        "The kelvar census\n\nEnvironment notes\n\n"
        "The kelvar count of Orvani had risen to 417 by June 2024. "
        "The sex ratio of the Tarun valley fell to 906, the lowest on record. "
        "The Serapa council cut the fee to Re 1 for pilgrims.\n"
    )
    answered = every_answer(notes)
    assert "417" in answered
    assert "906" in answered
    assert "1" not in answered  # "to Re 1": a sum, not a level


def test_a_number_that_is_a_verbs_subject_counts_what_was_just_named() -> None:
    notes = (
        "The Kelvar coast\n\nGeography notes\n\n"
        "Of the Kelvar islands, only 11 are inhabited. "
        "Of the rebels tried at Orvani, 27 were hanged. "
        "Twelve were chosen by lot.\n"
    )
    answered = every_answer(notes)
    assert "11" in answered
    assert "27" in answered
    assert "Twelve" not in answered  # twelve of nothing the notes have named


def test_a_count_from_thirteen_to_nineteen_is_read_as_the_smaller_counts_are() -> None:
    sentence = "The Orvani charter listed nineteen fundamental rights."
    assert [sentence[a:b] for a, b in counted_numbers(sentence)] == ["nineteen"]
    sentence = "The Kelvar sage spent fourteen rainy seasons at Tamsar."
    assert [sentence[a:b] for a, b in counted_numbers(sentence)] == ["fourteen"]
