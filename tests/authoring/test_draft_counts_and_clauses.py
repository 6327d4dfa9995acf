"""Figures written the Indian way, sentences whose opening word only looks back, and what a
clause says of a name rather than what it names. The people and places are made up."""

from tests.authoring.drafting import found, prompts, rules_scores, score_of


def test_a_count_grouped_the_indian_way_is_asked_whole():
    terms = found("In one week in 2031 the banks of Velmar opened 2,40,17,560 accounts.")
    assert terms["2,40,17,560"][0] == "number"
    assert not any(answer in terms for answer in ("2,40", "17,560", "40,17,560"))


def test_those_who_opens_a_sentence_that_says_who_they_are():
    asked = prompts(
        "Velmar notes: the scheme\n\nThe Korda scheme opened in 2031.\n\nThose who opened a "
        "first account before 31 March 2032 received a life cover of \u20b940,000."
    )
    assert "\u20b940,000" in asked
    assert "Those who opened" in asked["\u20b940,000"]


def test_what_is_said_of_a_slogan_is_not_its_name():
    terms = found('The slogan "Korda Chalo" itself is credited to the socialist Tavel Marrin.')
    assert not any(answer.startswith("credited") for answer in terms)
    assert terms["Tavel Marrin"][0] == "person"
    # what a slogan is stays its name
    assert "Velmar First" in found("The slogan of the campaign was Velmar First.")


def test_someone_who_hoists_a_flag_or_runs_a_radio_is_a_person():
    terms = found("That morning Tavel Marrin hoisted the flag at Korda Maidan.")
    assert terms["Tavel Marrin"][0] == "person"
    assert found("From 4 May Velia Surot ran a secret radio from Kordabad.")["Velia Surot"][0] == (
        "person"
    )
    assert found("Nehal moved it and Orrin Vadez seconded it.")["Orrin Vadez"][0] == "person"


def test_an_age_after_a_name_makes_a_person_asked_after_a_place():
    sentence = "In Velmar, Kora Talvi, aged 17, was shot dead while leading a procession."
    assert found(sentence)["Kora Talvi"][0] == "person"
    asked = prompts(f"Velmar notes: the rising\n\n{sentence}")
    assert "Kora Talvi" in asked


def test_rules_made_under_a_law_are_one_name():
    terms = found("The Viceroy met the rising under the Defence of Velmar Rules.")
    assert "Defence of Velmar Rules" in terms
    assert "Velmar Rules" not in terms


def test_a_month_before_a_name_is_the_dates_not_the_names():
    assert "Tavel Marrin" in found("On 9 August Tavel Marrin hoisted the flag.")
    assert "Orrin Vadez" in found("In March Orrin Vadez reached Kordabad.")
    # a name that opens with a month keeps it
    assert "August Korda Maidan" in found("The ground is known today as August Korda Maidan.")


def test_a_day_kept_in_a_years_calendar_is_no_body():
    terms = found("The Union Cabinet declared 23 August Velmar Space Day.")
    assert terms["Velmar Space Day"][0] != "organisation"


def test_the_new_value_of_a_change_is_asked_not_the_old():
    asked = prompts(
        "Velmar notes: the card\n\nEach holder gets a Korda card, which carries accident "
        "insurance of \u20b93 lakh, raised to \u20b95 lakh for accounts opened after 2031."
    )
    assert "\u20b95 lakh" in asked
    assert "\u20b93 lakh" not in asked


def test_a_score_out_of_a_scale_is_asked_not_the_scale():
    terms = found("The Velmar Index scored 61.4 out of 100 for March 2031.")
    assert terms["61.4"][0] == "amount"
    assert "100" not in terms


def test_the_members_of_a_party_are_no_place():
    terms = found("Two years later the Velish Congress broke into Moderates and Radicalists.")
    assert terms.get("Moderates", ("", 0))[0] != "place"
    assert terms.get("Radicalists", ("", 0))[0] != "place"


def test_how_long_before_or_after_is_no_fact_to_ask():
    notes = (
        "Velmar notes: the split\n\nThe Korda Congress met at Velpur in 2031. Two years later "
        "the Congress split at its Kordabad session of December 2033."
    )
    assert score_of(notes, "Two years") < min(score_of(notes, "2033"), score_of(notes, "Velpur"))


def test_someone_convicted_or_deported_is_a_person():
    terms = found("Tavel Korrin was convicted of sedition in July 2031 and sent to Kordabad.")
    assert terms["Tavel Korrin"][0] == "person"


def test_before_that_is_asked_with_what_it_looks_back_to():
    asked = prompts(
        "Velmar notes: the capitals\n\nTavel Korrin was crowned at Korgad on 6 June 2031. "
        "Velgad served as the capital for about 25 years before that."
    )
    assert asked["25 years"].startswith("Tavel Korrin was crowned at Korgad")


def test_a_name_told_to_be_a_lake_or_a_village_is_a_place():
    terms = found(
        "On 17 June 2031, Korda Tal, a moraine-dammed lake upstream of Velnath, breached."
    )
    assert terms["Korda Tal"][0] == "place"


def test_falls_are_named_with_their_word_and_near_opens_no_name():
    terms = found("Near Velpur the river plunges over the Korda falls at Vedaghat.")
    assert terms["Korda falls"][0] == "place"
    assert "Near Velpur" not in terms


def test_a_name_with_a_rulers_number_is_a_person():
    terms = found("The real founder of the line was Velakeshin I, who fortified the hill at Korda.")
    assert terms["Velakeshin I"][0] == "person"
    assert found("A deputation, led by Tavel Khan III, waited at Korda.")["Tavel Khan III"][0] == (
        "person"
    )
    # numbered parts and things are no rulers
    assert found("Part IX applies to Velmar.")["Part IX"][0] != "person"
    assert found("A new station, Korda II, is planned.").get("Korda II", ("", 0))[0] != "person"


def test_a_role_just_before_one_name_makes_a_person():
    terms = found("It was composed in Velish by the court poet Ravikora.")
    assert terms["Ravikora"][0] == "person"
    assert found("He was overthrown by his feudatory Dantikora.")["Dantikora"][0] == "person"


def test_an_era_before_its_year_is_no_place():
    terms = found("A cliff inscription records the work in Velaka 465, or 543 CE.")
    assert terms.get("Velaka", ("", 0))[0] != "place"


def test_water_in_tmc_ft_keeps_its_whole_unit():
    terms = found("Velmar got 419 TMC ft, Kordesh 270 TMC ft.")
    assert terms["419 TMC ft"][0] == "amount"
    assert "419 TMC" not in terms


def test_two_sums_joined_by_to_are_one_range_but_not_a_change():
    terms = found("Jail gave way to penalties of \u20b91 lakh to \u20b950 lakh set by an officer.")
    assert terms["\u20b91 lakh to \u20b950 lakh"][0] == "amount"
    changed = found("The support price was raised by \u20b969 to \u20b92,369 per quintal.")
    assert "\u20b969 to \u20b92,369" not in changed


def test_a_queen_who_built_is_a_person():
    terms = found("Around 740 Queen Velamadevi built the Korda temple.")
    assert terms["Velamadevi"][0] == "person"


def test_a_plural_opening_a_sentence_is_no_place():
    terms = found("Hoards of Velish coins, largely of Korvan, have turned up around Kordabad.")
    assert "Hoards" not in terms


def test_edicts_numbered_together_are_asked_whole():
    terms = found("Velora's Rock Edicts II and XIII name the Kordans as neighbours.")
    assert "Rock Edicts II and XIII" in terms
    assert "Rock Edicts II" not in terms
    assert "Major Rock Edict XIV" in found("The war is told in Major Rock Edict XIV.")


def test_the_title_a_king_took_counts_for_more_than_his_name_alone():
    notes = (
        "Velmar notes: the wars\n\nTavel Korrin is believed to have died in the fighting, and "
        "Orrin took the title Kordakonda, conqueror of Korda."
    )
    scores = rules_scores(notes)
    assert scores["Kordakonda"] > scores["Orrin"]


def test_a_site_excavated_is_a_place_and_a_prince_a_person():
    terms = found("In 1945 Tavel Korrin excavated Velamedu near Kordabad and found Roman ware.")
    assert terms["Velamedu"][0] == "place"
    prince = found("The epic, composed by the Velish prince Orrin Adigal, tells of Korda.")
    assert prince["Orrin Adigal"][0] == "person"


def test_an_act_known_by_its_number_in_the_year_is_one_name():
    terms = found("Act XXXVII of 1855 carved the Korda Parganas out of Velpur.")
    assert terms["Act XXXVII of 1855"][0] == "name"
    assert "Act XXXVII" not in terms


def test_their_sisters_names_a_person():
    assert found("Their sisters Phulika and Jhanvi fought alongside them.")["Phulika"][0] == (
        "person"
    )
