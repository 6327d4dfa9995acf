"""Names joined by a particle or a plural owner, measures in metres, and the place that only
says where a named thing is. The people and places are made up."""

from quizapp.deck.rules.drafts import MAX_PROMPT
from tests.authoring.drafting import asked, drafted, found, prompts, read, rules_scores


def test_a_body_named_with_a_plural_owner_and_a_title_word_is_one_name():
    assert found("The Chief Tarsova Examiners' Organisation audits public works.") == {
        "Chief Tarsova Examiners' Organisation": ("organisation", 3.6)
    }


def test_a_name_joined_by_its_particle_is_asked_when_it_opens_the_sentence():
    assert "Velkar-us-Tarsi" in found("Velkar-us-Tarsi wrote the Orlavi-i-Dastur in Velkor.")


def test_a_person_named_with_a_particle_loses_the_people_before_the_name():
    terms = found("She made the Velkorian Dharm-ud-din Tarsi master of the royal stables.")
    assert "Dharm-ud-din Tarsi" in terms
    assert "Velkorian Dharm-ud-din Tarsi" not in terms


def test_a_word_opening_the_sentence_before_its_role_is_a_person():
    terms = found("Dharvelia, the governor of Tarsova, rebelled in 1240 and took her prisoner.")
    assert terms["Dharvelia"][0] == "person"


def test_a_measure_in_metres_is_asked_before_a_word_saying_where_or_a_verb():
    assert "500 m" in found("The zone runs up to 500 m landward of the Velkor line.")
    assert "20 m" in found("A buffer of 20 m was laid down around Tarsova.")
    assert "5 parts per thousand" in found("Tarsova lagoon holds salt at 5 parts per thousand.")
    assert "10 m" not in found("She won the 10 m air pistol at Velkor.")


def test_ranks_listed_with_what_each_commands_are_no_coded_names():
    terms = found("A Velkora commanded 20, a Tarsika 100, a Dharvika 1,000 and an Orlak 3,000.")
    assert "Tarsika" in terms
    assert "Tarsika 100" not in terms


def _fort(name: str) -> str:
    return (
        "The Velkor Kingdom\n\n"
        "History notes: its forts\n\n"
        f"Raja Dharvesh built the sea fort {name} near Tarsova in 1664.\n"
    )


def test_a_place_that_says_where_a_named_thing_is_counts_for_less():
    named = rules_scores(_fort("of Velkorgad"))["Tarsova"]
    unnamed = rules_scores(_fort("that stands"))["Tarsova"]
    assert named < unnamed


LINE = """\
The Dharvesh Line

History notes: its kings

The greatest king of the line was Dharvesh, who ruled from about 460 to 480 and is known \
from the long inscription at Orlavi. According to that inscription, he held sway over \
Tarsova, Velkor, Dastupa, Kemra, Naliyar and the whole of the eastern coast as far as the \
Korda river. His minister Velkaran dedicated Cave 16 to the Sangha.
"""


def test_his_is_the_person_a_sentence_names_as_the_greatest_of_the_line():
    asked = prompts(LINE)
    assert "Velkaran" in asked
    assert asked["Velkaran"].startswith("Dharvesh \u2026 His minister {{Velkaran}} dedicated")


KINGS = """\
The Velkor Kings

History notes: the line and its wars

Dharvesh III, remembered as Dharvesh Tarsi, was the most famous ruler of the Velkor line of \
Orlavi, whose long wars with every neighbouring clan fill the chronicles of the whole coast. \
He ruled from Tarsova in the late twelfth century, at the height of the kingdom's power. \
Persian chroniclers called him Rai Velko. He defeated Korrin of Dastupa at Kemra in 1191.

The greatest ruler before Dharvesh was Velkaraja IV, also called Tarsideva, who held the fort \
of Orlavi for thirty years against every rival of the line and every raid from the north. \
His inscription is carved on a pillar brought from Naliyar to the old capital. He wrote a \
Sanskrit play, the Orlavi Nataka, parts of which survive on stone slabs at Kemra.
"""


def test_he_is_the_person_named_first_when_the_sentences_between_speak_of_him():
    asked = prompts(KINGS)
    assert "Dharvesh III \u2026 He defeated" in asked["1191"]


def test_he_is_the_person_named_as_the_greatest_before_another():
    asked = prompts(KINGS)
    assert asked["Orlavi Nataka"].startswith("Velkaraja IV \u2026 He wrote")


def test_a_work_named_after_what_it_is_is_asked_as_a_title():
    assert found("He wrote a Sanskrit play, the Orlavi Nataka, at Kemra.")["Orlavi Nataka"] == (
        "name",
        4.3,
    )


REFORMER = """\
Velkor Dharvesh and the Tarsova Samaj

History notes: a reformer and his society

Overview

Swami Velkor Dharvesh was a nineteenth-century reformer who founded the Tarsova Samaj at \
Orlavi in 1875.

His teachers

For about fifteen years he wandered as an ascetic. His decisive teacher was Swami Korranda, a \
blind grammarian of Kemra. His chief book is Dastur Prakash, first published in 1875.

His rival

Korrin Ghazi rose against the Samaj in the west in 1873 and took Dastupa in 1876.

The rival's wars

He invaded Kemra in 1878 and took the fort of Naliyar from its last defenders.
"""


def test_he_of_a_paragraph_about_him_in_notes_on_one_person_is_that_person():
    asked = prompts(REFORMER)
    assert asked["Swami Korranda"].startswith("Velkor Dharvesh \u2026 His decisive teacher")
    # a book is no person: asked as a name, not "Who fills the blank?"
    assert asked["Dastur Prakash"].startswith("Velkor Dharvesh \u2026 His chief book is {{")


def test_he_after_a_paragraph_on_someone_else_is_not_the_notes_person():
    assert not any(
        prompt.startswith("Velkor Dharvesh \u2026 He invaded")
        for prompt in prompts(REFORMER).values()
    )


def test_what_a_thing_is_often_called_may_be_a_short_word_or_a_phrase_with_of_or_in():
    assert "hot money" in found("Velkor flows, often called hot money, can leave quickly.")
    assert "break in the monsoon" in found(
        "Such a dry spell in Tarsova is called a break in the monsoon."
    )
    assert not any("him" in answer for answer in found("The king of Velkor called him a traitor."))


def test_a_name_ending_in_et_is_a_name_when_short():
    assert "Velkor Easterly Jet" in found("Above it, the Velkor Easterly Jet blows over Tarsova.")


def _also(name: str) -> str:
    return f"The Velkor Faith\n\nHistory notes: its teachers\n\n{name} whose symbol is the bull.\n"


def test_another_name_of_a_thing_just_named_counts_for_less_than_the_name():
    aliased = rules_scores(
        _also("The first teacher of Velkor was Tarsadeva, also called Orlanatha,")
    )
    assert aliased["Tarsadeva"] > aliased["Orlanatha"]
    # a treaty's short name is asked as much as its long one
    treaty = "Orlavi joined the Convention on Velkor Species, also called the Tarsova Convention,"
    scores = rules_scores(_also(treaty))
    assert scores["Tarsova Convention"] == scores["Convention on Velkor Species"]


def test_a_figure_in_an_aside_on_the_sentence_subject_counts_for_less():
    aside = rules_scores(_also("Korra La, at about 3,528 m, joins Velkor with Tarsova, and"))
    plain = rules_scores(_also("Korra La joins Velkor with Tarsova at about 3,528 m, and"))
    assert aside["3,528 m"] < plain["3,528 m"]


def test_a_basilica_of_a_saint_is_one_place_and_a_density_has_its_unit():
    assert found("The Basilica of Bom Velkor in Tarsova holds the relics.") == {
        "Basilica of Bom Velkor": ("place", 4.3),
        "Tarsova": ("name", 3.0),
    }
    assert "382 persons per sq km" in found(
        "The average density of Velkor is 382 persons per sq km."
    )


def test_holders_of_a_title_the_notes_give_are_no_one_person():
    terms = found("The Velkas taught belief in one formless God.", "He followed Velka Tarsin.")
    assert terms["Velkas"][0] != "person"
    assert found("Tarsin taught belief in one formless God.")["Tarsin"][0] == "person"


def test_a_temple_named_in_several_words_is_asked_with_its_common_noun():
    terms = found("The Velkora Tarsi temple, built around 1030, is the tallest at Orlavi.")
    assert terms["Velkora Tarsi temple"] == ("place", 4.3)
    assert "Velkora Tarsi" not in terms
    scale = found("Damage is measured on the Dharvesh Orlak scale.")
    assert scale["Dharvesh Orlak scale"] == ("name", 4.3)  # a name, not a place


KHANS = """\
The Velkor Khans

History notes: the rulers of Orlavi

Velkar Khan Tarsi, the ruler of Orlavi, gave him the title Dharm Khan after he killed a lion. \
In 1529 Dharm Khan defeated Orlak Khan Nuhani at Tarsova. Kemra Khan Sarvani wrote his life. \
Naliyar Khan Lodi held Dastupa for the king of Velkor. He lost it in 1531.
"""


def test_a_person_called_he_after_the_blank_is_not_asked_by_a_word_the_prompt_shows():
    # "he killed": the options would show one man among men, so none is offered, and then
    # "Khan" beside the blank points at the one answer that has it
    for card in drafted(KHANS):
        if "Velkar Khan Tarsi" in asked(card):
            shown = getattr(card, "text", "") or card.question
            offered = card.blank_distractors(0) if card.kind == "cloze" else card.distractors
            every = bool(offered) and all("Khan" in o for o in offered)
            assert "Dharm Khan" not in shown or every, shown


WORDS = """\
The Velkor Writs

Polity notes: the writs and their names

The writs came to Velkor from Tarsovan law. Orlamus means "we gather". The motto of the \
Velkor census of 2011 was "Our Count, Our Future". The charter opens with the words "We, \
the people of Velkor".
"""


def test_a_meaning_a_motto_and_opening_words_in_quotation_marks_are_asked():
    asked = prompts(WORDS)
    assert asked["we gather"] == 'Orlamus means "{{we gather}}".'
    assert "Our Count, Our Future" in asked
    assert "We, the people of Velkor" in asked


def _reform(padding: int) -> str:
    return (
        "The Velkor Samaj\n\nHistory notes: its reforms\n\n"
        "Dharvesh founded the Tarsova Reform League in 1870, with a cheap weekly, Orlak "
        f"Samachar{'i' * padding}. His campaign led to the Native Velkor Act of 1872, also "
        "called the Samaj Marriage Act. It set the minimum age of marriage at 14 for girls and "
        "18 for boys.\n"
    )


def test_no_draft_prompt_is_longer_than_check_allows_once_its_blank_is_shown():
    # "{{14}}" is shown as "[...]": three characters more than the sentence it was cut from
    lengths = {}
    for padding in range(8):
        for card in drafted(_reform(padding)):
            if card.kind != "year":
                assert len(card.prompt) <= MAX_PROMPT, card.prompt
                lengths[padding, asked(card)[0]] = len(card.prompt)
    assert lengths[4, "14"] == MAX_PROMPT


def test_an_office_given_a_power_is_asked_by_its_title_alone():
    assert found("They can be removed only by the President.")["President"][0] == "name"
    assert "Speaker of the Velkor Sabha" in found(
        "If a question arises, the decision of the Speaker of the Velkor Sabha is final."
    )
    assert "Governor-General" in found("Residuary powers were vested in the Governor-General.")
    assert "Prime Minister" in found("The Prime Minister is the chairman of the Velkor Board.")
    # what an office must do is the fact of its sentence, not the office; nor is the body's
    # own officer, whoever holds it, nor a title in a case's name
    assert "President" not in found("The President must decide on a Bill within three months.")
    assert "Chairperson" not in found("The Chairperson must be a judge of the Tarsova court.")
    assert "Governor of Velkor" not in found(
        "The Bench relied on State of Velkor v. Principal Secretary to the Governor of Velkor."
    )


def test_the_new_value_of_a_changed_count_is_asked_before_a_comma_or_colon():
    terms = found(
        "Seats reserved for the Velkor hills rose from 12 to 19, and Tarsova's from 4 to 6."
    )
    assert terms["19"][0] == "number"
    assert "90" in found("The order raised the Orlavi seats from 83 to 90: 43 in Kemra.")
    assert "1805" not in found("Dharvesh ruled Tarsova from 1798 to 1805, and then Orlavi.")


def test_a_scientific_name_is_asked_whole_after_its_common_noun_or_opening_the_sentence():
    assert "Velkoris tarsovata" in found("Its scientific name is Velkoris tarsovata.")
    assert "Dharvema orlakensis" in found(
        "Since 1983 the Tarsovan beetle Dharvema orlakensis has been used to control it."
    )
    terms = found("Kemrania velkorica, the mile-a-minute weed, hid the airfields of Orlavi.")
    assert "Kemrania velkorica" in terms
    assert "velkorica" not in terms
    # a verb before it: a name, then a word of its language, no species
    assert "Dharvesh ekavelkora" not in found("The queen calls Dharvesh ekavelkora, the one lord.")


def test_a_pronoun_after_an_opening_word_is_no_record_holder():
    assert "Today it" not in found("Today it is the most widespread weed of the Velkor hills.")
    assert "Tarsovan waste" in found("Tarsovan waste is the largest source of the litter.")


def test_an_ashram_or_a_math_named_in_apposition_is_no_person():
    # else it is offered as a wrong option beside the people of the notes
    assert found("The headquarters, Velkar Ashram, was in Tarsova.")["Velkar Ashram"][0] == "name"
    assert found("His seat, the Dharvel Math, stood at Orlavi.")["Dharvel Math"][0] != "person"


def test_a_district_village_session_or_river_is_asked_by_its_name_alone():
    # names ending as a people's name might ("-an", "-al", "-i"), before the unit they name
    assert "Velkoran" in found("The lake lies in Velkoran district, north of Tarsova.")
    assert "Dharmahal" in found("Read first tried it in the Dharmahal district in 1792.")
    assert "Orvalli" in found("In April 1951, at Orvalli village, the families asked for land.")
    assert "Tarsachi" in found("In July 1921, the Tarsachi session of the League met.")
    river = found("The temple stands on the bank of the Velgachi river.")
    assert "Velgachi" in river
    assert "Velgachi river" not in river
    # a people's name still describes: "the Korean leader"
    assert "Korean" not in found("The Korean leader met them in Velkor in 2024.")


def test_a_plural_owner_or_what_a_war_was_over_stays_inside_the_name():
    assert "Velkor Voters' Day" in found("Since 2011 the date is kept as Velkor Voters' Day.")
    assert "Nine Moons' War" in found("The third war was part of the Nine Moons' War in Tarsova.")
    war = found("It was an extension of the War of the Tarsovan Succession in Velkor.")
    assert "War of the Tarsovan Succession" in war


def test_a_road_numbered_in_its_name_keeps_its_number_before_a_comma():
    terms = found("Stretches of National Highway 710, the main link to Velkor, were washed out.")
    assert "National Highway 710" in terms
    assert "National Highway" not in terms


def test_people_in_a_place_opening_a_sentence_are_no_place():
    terms = found("Admirers in Velkor called him the Frontier Tarsi.")
    assert "Admirers" not in terms
    assert terms["Velkor"][0] == "place"
    # a word no dictionary has, placed in a larger place, is still the place asked
    assert found("Kordabad in Velkor had the lowest rain.")["Kordabad"][0] == "place"


def test_a_common_word_opening_a_sentence_is_no_name_or_place():
    notes = (
        "The Velkor valley\n\nThe dam was planned on the Tarsi river in 1973. "
        "Opposition began among scientists in Kordabad. "
        "Nearby, the Velan Bird Sanctuary shelters pelicans. "
        "Vardish, in Velan district, is the wettest place."
    )
    assert "Opposition" not in read("Opposition began among scientists in Kordabad.", notes)
    nearby = read("Nearby, the Velan Bird Sanctuary shelters pelicans.", notes)
    assert "Nearby" not in nearby
    assert "Velan Bird Sanctuary" in nearby
    # a name the notes open a sentence with is still asked
    assert read("Vardish, in Velan district, is the wettest place.", notes)["Vardish"] == "place"
