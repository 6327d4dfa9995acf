"""Titles, ranks and languages around a name, what a sentence says a term is, what is never
offered among people, and the lead a card with a pronoun is asked with. The people and places
are made up."""

import pytest

from quizapp.authoring.drafter import considered, draft_cards
from quizapp.deck.rules.drafts import blank_flaws
from tests.authoring.drafting import drafted, found, prompts


def test_a_rank_before_a_persons_name_stays_in_the_prompt():
    terms = found("The allies were beaten by a Company army commanded by Major Tavel Korrin.")
    assert "Major Tavel Korrin" not in terms
    assert terms["Tavel Korrin"][0] == "person"
    asked = prompts(
        "Velpur notes: the battle\n\nThe allies were beaten at Velpur on 2 May 1764 by a Company "
        "army commanded by Major Tavel Korrin. The Nawab fled to Kordabad."
    )
    assert "Tavel Korrin" in asked
    assert "Major ____" in asked["Tavel Korrin"] or "Major {{" in asked["Tavel Korrin"]
    # no fragment: the rank is a title before the blank
    assert blank_flaws("commanded by Major ", "Tavel Korrin", ".") == []


def test_major_before_a_thing_is_part_of_its_name():
    terms = found("Major Rock Edict XIV pleads for restraint in speech.")
    assert "Rock Edict XIV" not in terms
    assert "Major Rock Edict XIV" in terms or not any(
        kind == "person" for kind, _ in terms.values()
    )


def test_the_language_a_name_is_given_in_is_no_place():
    terms = found(
        "The great famine of 1770, remembered in Velish as the Chhorat Mandavar, killed a third "
        "of the people of Kordesh."
    )
    assert terms.get("Velish", ("", 0))[0] != "place"
    assert terms["Chhorat Mandavar"][1] > terms.get("Velish", ("", 0))[1]


def test_a_species_is_one_name_but_a_name_and_a_word_of_its_language_is_none():
    terms = found(
        "The Velbay tiger (Panthera tigris kordensis) swims between the islands of the delta."
    )
    assert "Panthera tigris kordensis" in terms
    assert "Panthera" not in terms
    repeated = found("The Kordish tiger (Panthera tigris tigris) swims between the islands.")
    assert "Panthera tigris tigris" in repeated
    worm = found("Their work was done on a tiny worm, Velorhabditis kordans.")
    assert "Velorhabditis kordans" in worm
    calls = found(
        "The queen mother calls Gautavelra ekavelana, the unique one, in the inscription."
    )
    assert "Gautavelra ekavelana" not in calls


def test_a_describing_word_before_a_feature_is_not_its_name():
    text = (
        "Velmaria notes: the delta\n\nThe Kordan and the Velish mark part of the border. In "
        "Velmaria the rivers meet the sea. The estuaries cut the Velmarian delta into islands."
    )
    assert not any(
        "Velmarian" in answer
        for c in draft_cards(text, "doc")
        if c.card.kind == "cloze"
        for answer, _ in c.card.deletions
    )
    assert found("Floods reach the Kordan delta in every monsoon.")["Kordan delta"][0] == "place"


def test_a_joined_title_stays_in_the_prompt():
    terms = found(
        "Martial law was proclaimed in Velpur on 15 April 1919, with the support of "
        "Lieutenant-Governor Tamar O'Velan."
    )
    assert terms["Tamar O'Velan"][0] == "person"
    assert blank_flaws("support of Lieutenant-Governor ", "Tamar O'Velan", ".") == []


def test_a_person_named_in_one_sentence_is_a_person_in_every_other():
    text = (
        "Velmar notes: the summit\n\nThe Velmar summit of 1979 was chaired by Tidel Vastro, who "
        "spoke for six hours. The 1983 summit had been due at Kordad but was moved, and Irana "
        "Vandhi received the chair from Tidel Vastro. The summit of 1986 met at Korare."
    )
    kinds = {
        place.term.answer: place.term.kind
        for quote, place in considered(text)
        if "received the chair" in quote
    }
    assert kinds["Tidel Vastro"] == "person"


def test_a_name_joined_to_its_country_by_of_is_the_name_alone():
    terms = found(
        "Its founders are remembered as five men: Vito, Nehrin, Nassor, Sukarna of Velnesia "
        "and Kwame Nkorah of Kordana."
    )
    assert "Sukarna of Velnesia" not in terms
    assert terms.get("Vito", ("", 0))[0] != "place"


def test_a_firm_named_with_a_title_word_is_a_firm():
    terms = found(
        "The station used two reactors supplied by General Electric of the United States."
    )
    assert terms["General Electric"][0] == "organisation"
    assert "Electric" not in terms


def test_raja_opening_a_name_is_a_title_but_not_inside_one():
    terms = found(
        "The revenue reforms are linked with Raja Velar Mal, who served under Sher Kordi."
    )
    assert "Velar Mal" in terms
    assert "Raja Velar Mal" not in terms
    assert blank_flaws("linked with Raja ", "Velar Mal", ", who") == []
    architect = found("Its architect was Kunjara Vallan Raja Raja Perunthal.")
    assert "Kunjara Vallan Raja Raja Perunthal" in architect


def test_a_year_of_the_era_is_asked_with_it_but_not_a_reign_or_a_period():
    terms = found("Velabhata, born in 476 CE, wrote the Velabhatiya in 499 CE at Kordapura.")
    assert terms["499 CE"][0] == "number"
    assert "CE" not in terms
    accession = found("His accession in 319\u2013320 CE marks the start of the Velgupta era.")
    assert "319\u2013320 CE" in accession
    reign = found("Velgupta II (c. 375\u2013415 CE), also called Vikramaditya, pushed west.")
    assert not any("CE" in answer for answer in reign)
    period = found("The mature phase is placed between about 2600 BCE and 1900 BCE by most.")
    assert not any("BCE" in answer for answer in period)


def test_who_a_one_word_name_is_told_just_after_it_makes_a_person():
    terms = found("He married Kumaravelli, a princess of the Kordavi clan, in that year.")
    assert terms["Kumaravelli"][0] == "person"
    history = found(
        "Abul Velar came to court in 1574 and wrote the Velarnama, an official history."
    )
    assert history.get("Velarnama", ("", 0))[0] != "person"


def test_an_older_spelling_in_brackets_is_not_asked_for_the_name():
    terms = found("The Kordish monk Velxian (Vel-Hian) found the middle country prosperous.")
    assert "Vel-Hian" not in terms
    coined = found("The Bharatiya Velkar Station (BVS-1) is planned for 2035.")
    assert "BVS-1" in coined


def test_a_kings_numeral_ending_a_sentence_leaves_its_full_stop():
    terms = found("The inscription was issued by Naganvel, the queen of Satakorn I.")
    assert "Satakorn I" in terms
    assert "Satakorn I." not in terms


def test_him_or_a_reported_he_needs_the_person_named_before():
    text = (
        "Velgupta notes: the great kings\n\nVelgupta (c. 335\u2013375 CE) is known chiefly "
        "from the Kordaga prashasti, engraved on a pillar that now stands in the Velabad fort. "
        "Its author was Harivel, a court poet who also held high offices at the court. The "
        "inscription says he uprooted nine kings of the north and made the forest chiefs his "
        "servants. In the south he defeated twelve rulers of the peninsula but restored them "
        "to their thrones, a policy the inscription praises at length. V.K. Velsmith called him "
        'the "Napoleon of Velmar".'
    )
    quotes = [card.source.quote for card in drafted(text)]
    # neither "called him" nor "says he" is asked without the sentence naming him
    assert not any(quote.startswith("V.K. Velsmith") for quote in quotes)
    assert not any(quote.startswith("The inscription says he") for quote in quotes)


# What a term is, by what the sentence says around it: (sentence, the rest of the notes, the
# term, its kind).
KINDS = {
    "two people paired before what people do": (
        "Mir Vadan and Tolan Rai led the loyal divisions of the army.",
        (),
        "Mir Vadan",
        "person",
    ),
    "whose governorship it was": (
        "The Company replaced its Nawab in 1760, during the governorship of Hanrey Vosk.",
        (),
        "Hanrey Vosk",
        "person",
    ),
    "where a journey from a place ends": (
        "Velqasim moved his capital from Kordabad to Mungal and reorganised his army.",
        (),
        "Mungal",
        "place",
    ),
    "who presides": (
        "The session was held at Velpur, with Korlal Vehru presiding.",
        (),
        "Korlal Vehru",
        "person",
    ),
    "two people arrested together": (
        "The local leaders Saifan Kolvew and Satya Velpal were arrested on 10 April.",
        (),
        "Saifan Kolvew",
        "person",
    ),
    "a count of the dead": (
        "The official figure was 479 dead; an inquiry estimated 1,000.",
        (),
        "479",
        "number",
    ),
    "one person arrested": ("In 1930 Kordal was arrested at Velpur.", (), "Kordal", "person"),
    "one name that teaches": (
        "Velakassa taught the rules to 500 monks.",
        (),
        "Velakassa",
        "person",
    ),
}


@pytest.mark.parametrize(("sentence", "others", "answer", "kind"), KINDS.values(), ids=KINDS)
def test_what_the_sentence_says_tells_what_a_term_is(sentence, others, answer, kind):
    assert found(sentence, *others)[answer][0] == kind


# Names that had been offered among people as wrong options: (sentence, the rest of the notes,
# the term).
NO_PEOPLE = {
    "a group counted": (
        "Banks were attacked, and five Velmarans were killed in the riots.",
        (),
        "Velmarans",
    ),
    "where a teacher is from": (
        "Madhvacharya of Velupi taught Dvaita, a strict dualism, in the thirteenth century.",
        (),
        "Velupi",
    ),
    "a statue described by its metal": (
        "The Velnath school made the seated Buddha, and the copper Kordganj Buddha is now in "
        "Velmingham.",
        ("Buddha taught at Velnath.",),
        "Kordganj Buddha",
    ),
    "a language": (
        "The committee traced Kordish to Maharashtri Prakrit and submitted a report.",
        ("The court used Prakrit widely.",),
        "Maharashtri Prakrit",
    ),
    "an ocean current": (
        "Around the continent flows the Velmar Circumpolar Current, the strongest ocean current.",
        (),
        "Velmar Circumpolar Current",
    ),
    "a region named by the people of a country": (
        "Daya Ram Velni excavated Korappa, which lies in the Sahiwal district of Velistani Punjab.",
        (
            "The treaty was signed by Velistan and Kordia. Punjab gained the most.",
            "Much of it went to Punjab.",
        ),
        "Velistani Punjab",
    ),
    "holders of an office": (
        "Of these 296 seats, 4 went to the Chief Commissioners' provinces of Velmar and Kordia.",
        (),
        "Commissioners",
    ),
}


@pytest.mark.parametrize(("sentence", "others", "answer"), NO_PEOPLE.values(), ids=NO_PEOPLE)
def test_what_is_no_person_is_never_asked_as_one(sentence, others, answer):
    assert found(sentence, *others).get(answer, ("", 0))[0] != "person"


def test_a_participle_or_a_language_opening_a_sentence_is_no_place():
    terms = found("Written in Prakrit in the Brahmi script, it lists the sacrifices of the king.")
    assert terms.get("Written", ("", 0))[0] != "place"
    assert terms.get("Prakrit", ("", 0))[0] != "place"


def test_a_peerage_is_a_title_not_a_second_person():
    terms = found(
        "Tavel Velmont received a jagir, and in 1762 he was made Baron Velmont of Kordpur."
    )
    assert "Baron Velmont" not in terms


# The lead a card is asked with: (notes, answer, words the prompt has, words it has not).
LEADS = {
    "he after a cleft sentence is the person it singles out": (
        (
            "Velgupta notes: the empire\n\nThe dynasty rose in the fourth century in the Kordava "
            "plains. It was Velgupta I who first styled himself Maharajadhiravel, and his "
            "accession in 319\u2013320 CE marks the start of the long Velgupta era. He married "
            "Kumaravelli, a princess of the Kordavi clan, and gold coins of the king-and-queen "
            "type show the couple together. Gold coins were struck in large numbers."
        ),
        "Kumaravelli",
        "Velgupta I \u2026 He married",  # the long cleft sentence cut to the person it names
        "",
    ),
    "among them looks no further than its own sentence": (
        (
            "Velmar notes: the right to food\n\nThe Velmar Food Board buys grain at a fixed price. "
            "In Kordan Union v. State of Velmar, filed in 2001, the High Court read the right to "
            "food into Article 27 and issued interim orders, among them one for cooked meals."
        ),
        "Article 27",
        "Article 27",
        "Food Board",
    ),
    "on that date is asked with the date before it": (
        (
            "Velmar notes: the appeals bench\n\nThe appeals bench has been unable to hear appeals "
            "since 11 December 2019. On that date the terms of two of its last three members "
            "ended, including Velmar's Korun Singh Vatia."
        ),
        "Korun Singh Vatia",
        "11 December 2019",
        "",
    ),
    "his after a name and an aside is that person's": (
        (
            "Velgupta notes: the empire\n\nVelgupta II (c. 375\u2013415 CE), also called "
            "Vikramavel, pushed the empire west by defeating the Kordish ruler Rudravel III and "
            "annexing the coastal provinces of Velwa and Kordashtra to the realm. For the "
            "conquered region he issued silver coins on the Kordish model. His daughter "
            "Prabhavelli married the Kordataka king Rudrasen II, and after her husband's death "
            "she ruled the kingdom as regent."
        ),
        "Prabhavelli",
        "Velgupta II \u2026 His daughter",
        "",
    ),
}


@pytest.mark.parametrize(("notes", "answer", "shown", "left_out"), LEADS.values(), ids=LEADS)
def test_a_card_is_asked_with_the_lead_its_pronoun_needs(notes, answer, shown, left_out):
    asked = prompts(notes)
    assert answer in asked
    assert shown in asked[answer]
    assert not left_out or left_out not in asked[answer]


def test_a_sum_after_about_opening_the_sentence_is_no_fragment_of_a_name():
    assert blank_flaws("About ", "Rs 2,900 crore", " was sanctioned.") == []
    assert blank_flaws("Nearly ", "Rs 40 lakh", " was spent.") == []
    assert blank_flaws("Lake ", "Tarun", " feeds the Orvani.") != []  # a name's part, still


def test_guru_before_a_teachers_name_stays_in_the_prompt():
    terms = found("The dancer invited Guru Velan Toshar Singh to Kordabad to teach the dance.")
    assert "Guru Velan Toshar Singh" not in terms
    assert terms["Velan Toshar Singh"][0] == "person"
    assert blank_flaws("invited Guru ", "Velan Toshar Singh", " to Kordabad") == []
    # the scripture is named whole
    book = found("The Guru Velgranth Sahib was completed at Kordabad in 1706.")
    assert "Guru Velgranth Sahib" in book


def test_years_of_a_life_after_a_name_mark_a_person():
    terms = found("Toshan Velar (1918\u20132000) is regarded as the father of modern Kordish.")
    assert terms["Toshan Velar"][0] == "person"


def test_a_princess_named_beside_her_kin_is_asked_without_her_rank():
    terms = found("His daughter, Princess Velamati, danced the part of Kordi.")
    assert "Princess Velamati" not in terms
    assert terms["Velamati"][0] == "person"


def test_an_officer_named_after_his_post_is_asked_without_his_rank():
    terms = found("Among them was the station officer, Sub-Inspector Velan Toshar.")
    assert "Sub-Inspector Velan Toshar" not in terms
    assert terms["Velan Toshar"][0] == "person"
    # a lord keeps his title: it is how he is known
    lord = found("The new governor, Lord Kelvance, reached Kordabad in 1805.")
    assert "Lord Kelvance" in lord


def test_a_word_shaped_like_a_peoples_name_may_open_a_name_of_its_own():
    # "Korvet" and "Kelsan" end as "Soviet" and "Afghan" do, but no dictionary has them
    academy = found("Manvi is one of the eight forms recognised by the Korvet Dalak Akademi.")
    assert "Korvet Dalak Akademi" in academy
    assert "Dalak Akademi" not in academy
    portal = found("The Kelsan Rovin Portal was launched in September 2023.")
    assert "Kelsan Rovin Portal" in portal
    # a people's name before a person's is still no part of it
    explorer = found("The Norwegian Tavel Korrin reached the pole first.")
    assert "Norwegian Tavel Korrin" not in explorer


def test_a_language_or_script_named_before_the_word_is_no_place():
    journal = found("In May 1928 he started Velpakh, a monthly journal in the Tarsho language.")
    assert journal["Tarsho"][0] == "name"
    edicts = found("The edicts at Kordabad are written in the Velrosthi script.")
    assert edicts["Velrosthi"][0] == "name"
    # without the word, the same name is where the journal was printed
    printed = found("In May 1928 he started Velpakh, a monthly journal printed in Tarsho.")
    assert printed["Tarsho"][0] == "place"
