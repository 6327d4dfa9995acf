"""Rulers known by one name, people by what only a person does, units of water, a sentence
that ends at a lettered annexure, and an "It was ... that" sentence that looks back at nothing.
The people and places are made up."""

from quizapp.authoring.drafter import draft_cards
from quizapp.authoring.sentences import split_sentences
from tests.authoring.drafting import answers, asked, found, prompts, rules_scores


def test_a_sentence_ends_after_a_lettered_annexure_but_not_after_an_initial():
    text = (
        'A "dispute" is referred to a Court of Arbitration under Annexure K. The first test came '
        "over the Velan project. Under Part B. Tax is levied. Justice Mira V. Kolvan dissented."
    )
    assert [s.text for s in split_sentences(text)] == [
        'A "dispute" is referred to a Court of Arbitration under Annexure K.',
        "The first test came over the Velan project.",
        "Under Part B.",
        "Tax is levied.",
        "Justice Mira V. Kolvan dissented.",
    ]


def test_a_rulers_title_stays_in_the_prompt_and_out_of_the_answer():
    terms = found("A second council met at Velnagar under King Velasoka of the Kolvan dynasty.")
    assert "King Velasoka" not in terms
    assert terms["Velasoka"][0] == "person"
    assert terms["Velasoka"][1] >= 4.3
    # a British title is how the person is known
    assert "Lord Velmont" in found("The army was led by Lord Velmont in 1857.")


def test_one_name_that_presides_or_recites_is_a_person():
    terms = found("Velakassapa presided over a gathering of 500 monks, all said to be arhats.")
    assert terms["Velakassapa"][0] == "person"
    recited = found("Ananda recited the discourses, while Upavel recited the rules of discipline.")
    assert recited["Upavel"][0] == "person"


def test_a_ruler_of_a_dynasty_is_a_person_but_tombs_of_a_dynasty_are_not():
    terms = found("Its patron was Ajavelan of the Kolvan dynasty, who ruled Velmar from that city.")
    assert terms["Ajavelan"][0] == "person"
    tombs = found("In July 2024 the Velmoids of the Kolvan dynasty were listed at New Velhi.")
    assert tombs.get("Velmoids", ("", 0))[0] != "person"


def test_who_is_appointed_to_a_post_is_a_person():
    terms = found(
        "The Bank restarted both tracks in 2022, appointing Marek Velan as neutral expert and "
        "Sean D. Kolvan as chairman of the court."
    )
    assert terms["Marek Velan"][0] == "person"


def test_water_is_measured_in_acre_feet_and_cumecs():
    assert (
        found("The rivers carry about 33 million acre-feet (MAF) a year.")["33 million acre-feet"][
            0
        ]
        == "amount"
    )
    assert found("Storage on them is capped by Annexure E at 3.6 MAF.")["3.6 MAF"][0] == "amount"
    assert (
        found("The award required a minimum flow of 9 cumecs below the dam.")["9 cumecs"][0]
        == "amount"
    )


RIVERS = """The Velan Waters Treaty

Geography notes: the rivers of the treaty

The rivers

The eastern rivers carry on average about 33 million acre-feet (MAF) a year and the western \
rivers about 135 MAF, so Velmar's share is roughly a fifth. Velmar may store 3.6 MAF on the \
western rivers. Kolvan uses about 100 MAF of its share.
"""


def test_a_unit_given_with_its_short_form_is_worth_as_much_as_the_figure_after_it():
    """'33 million acre-feet (MAF)' is a figure whose unit is then written 'MAF', not a body
    the notes go on naming by its initials."""
    scores = rules_scores(RIVERS)
    assert scores["33 million acre-feet"] >= scores["135 MAF"]


BUDDHA = """The Velan Councils

History notes: the councils of the Velan order

Background

Velan Gautama, born at Kolvini, attained enlightenment (bodhi) at Bodh Gaya and preached his \
first sermon in the Deer Park at Sarnath, an event remembered as the Dhammachakkappavattana, the \
turning of the wheel of the law. He died at Kushivel around 483 BCE by the traditional \
reckoning, and his passing is called the mahaparinirvana.

The island

The faith reached the island in the third century BCE. It was also in Velmora that the canon \
was first written down, on palm leaves at the Aluvel cave under King Vattavelan in the 1st \
century BCE.
"""


def test_he_after_a_long_sentence_opening_with_a_person_is_asked_after_the_name():
    """However the parser hangs the verbs of 'Velan Gautama, born at Kolvini, attained ...,
    an event remembered as ...' (it takes "remembered" for the main verb), "He" is Velan
    Gautama."""
    prompt = prompts(BUDDHA)["Kushivel"]
    assert prompt.startswith("Velan Gautama \u2026 He died at {{Kushivel}}")


def test_it_was_in_a_place_that_is_asked_on_its_own():
    """'It was also in Velmora that the canon was first written down': the "It" stands for
    what follows, so the sentence needs nothing before it."""
    asked = prompts(BUDDHA)
    assert any(p.startswith("It was also in") for p in asked.values())
    assert "Aluvel cave" in found(
        "It was also in Velmora that the canon was written down at the Aluvel cave."
    )


PROCLAMATION = """The Velan rising

History notes: the rising of 1857 and after

The end of Company rule

Lord Dorvel was Governor-General during the rising. Sir Marek Kolvan relieved the fort at \
Velnagar in 1857. Lord Arlen, the Secretary of State, drafted the new policy. Queen \
Velaria's Proclamation was read at Kolvanpur on 1 November 1858.
"""


def test_a_rulers_name_is_never_offered_beside_lords_and_knights():
    """'Queen ____'s Proclamation': "Lord Dorvel" is ruled out by reading the question."""
    cards = [c.card for c in draft_cards(PROCLAMATION, "doc")]
    (velaria,) = [c for c in cards if "Velaria" in (getattr(c, "answer", "") or c.text or "")]
    if velaria.kind == "mcq":
        assert not any(o.startswith(("Lord ", "Sir ")) for o in velaria.distractors)
    else:
        assert velaria.kind == "cloze" and "Queen {{Velaria}}" in velaria.text


def test_an_annexure_by_its_letter_is_a_reference_not_a_person():
    """'within the limits of Annexure D.': "D." ends the sentence; it is no initial, and
    "Annexure D." had been asked as a person, with people as its wrong options."""
    assert found("Plants must be designed within the limits of Annexure D.") == {
        "Annexure D": ("article", 4.6)
    }


TREATY = """The Velan Waters Treaty

Geography notes: a treaty on shared rivers

Signing

The treaty was signed in Kolvanpur on 19 September 1960 by Prime Minister Velan Rao and \
President Marek Dorvesh. It gave the eastern rivers to Velmar and the western rivers to Kolvan.
On 23 April 2025 Velmar held the treaty in abeyance.
"""


def test_two_leaders_signing_together_are_one_card_and_leave_room_for_where():
    """'by Prime Minister Velan Rao and President Marek Dorvesh': one card asks both, so the
    sentence's other card can ask where the treaty was signed."""
    asked = answers(TREATY)
    assert ["Velan Rao", "Marek Dorvesh"] in asked
    assert ["Kolvanpur"] in asked


JUDGMENT = """The Velan emergency cases

Polity notes: judicial review of a State's dismissal

The judgment

In K.R. Dorvesh v. Union of Velmar, decided on 11 March 1994, a nine-judge Bench held that the \
proclamation is open to judicial review, that the floor of the House is the proper place to test \
a majority, and that a State government pursuing anti-secular policies could be dismissed under \
the emergency article of the constitution.

The council

The Reef Council was set up by eight governments, those of Kolvan, Dorvel, Arlen, Marsa, the \
Velmar Islands, Tesk, the United Kolvan and the Northern States, and was announced at the first \
Conference of the Parties to the Convention on Biological Diversity.
"""


def test_a_sentence_too_long_to_ask_whole_is_asked_by_the_clauses_around_its_blank():
    """Over 250 characters, the sentence was never asked. Now the card quotes all of it, and
    its prompt keeps the opening clause and the blank's own, with "\u2026" for what is left
    out."""
    cards = [c.card for c in draft_cards(JUDGMENT, "doc")]
    case = [
        c for c in cards if c.kind == "cloze" and "{{K.R. Dorvesh v. Union of Velmar}}" in c.text
    ]
    assert case and case[0].source.quote.endswith("the emergency article of the constitution.")
    assert len(case[0].prompt) <= 250 and case[0].text.endswith(" \u2026")
    convention = [c for c in cards if "Convention on Biological Diversity" in asked(c)]
    assert convention
    assert convention[0].text.startswith("The Reef Council was set up by eight governments \u2026")
    assert "\u2026" in convention[0].text and len(convention[0].prompt) <= 250


def test_a_peoples_republic_is_no_authors_name():
    """'the Democratic People\u2019s Republic of Velan': the possessive is of a people, not of a
    person whose work follows; "Democratic People" had been offered as a wrong option among
    leaders."""
    terms = found(
        "The pact was signed between the Democratic People\u2019s Republic of Velan and Kolvan."
    )
    assert terms.get("Democratic People", ("", 0))[0] != "person"


def test_a_work_named_with_its_year_is_one_title():
    """'in The Structure and Distribution of Velan Reefs (1842)': "Distribution" had been asked
    alone, as a place."""
    terms = found(
        "Marek Kolvan explained it in The Structure and Distribution of Velan Reefs (1842)."
    )
    assert "The Structure and Distribution of Velan Reefs" in terms
    assert "Distribution" not in terms


def test_the_articles_a_part_runs_from_and_to_are_one_card():
    """'running from Article 352 to Article 360': two cards had each blanked one end, the
    other end left in the prompt."""
    text = (
        "Velan emergency law\n\nPolity notes: the emergency articles\n\nThe Part\n\n"
        "Part XVIII of the Velan Constitution, running from Article 352 to Article 360, arms "
        "the Union against abnormal situations. Article 356 deals with a failure of the "
        "constitutional machinery in a State.\n"
    )
    assert ["Article 352", "Article 360"] in answers(text)
    assert ["Article 352"] not in answers(text)


def test_a_common_noun_opening_a_list_is_not_a_name():
    text = (
        "Velan reefs\n\nScience notes: reefs under strain\n\nThreats\n\n"
        "Pollution, sediment, unusually low tides and ocean acidification add to the strain. "
        "Since 1850 the average pH of Velan seawater has fallen to about 8.1.\n"
    )
    assert ["Pollution"] not in answers(text)


def test_what_a_thing_is_called_runs_on_through_of_the():
    terms = found("They shelter many species, which is why they are called the gardens of the sea.")
    assert terms["gardens of the sea"][0] == "name"
    # a description is not a name: "remembered as the greatest ruler of the empire"
    assert not found("Velan Raya is remembered as the greatest ruler of the empire.").keys() & {
        "greatest ruler of the empire",
        "greatest ruler",
    }


def test_the_kind_a_sentence_defines_is_asked():
    text = (
        "Velan reefs\n\nScience notes: kinds of reef\n\nKinds\n\n"
        "Fringing reefs grow close to the shore of Velmar. Barrier reefs lie farther out, cut off "
        "from the coast by a lagoon. Kolvas are rings of reef around a central lagoon with no "
        "island in the middle. Velmar has twelve kolvas.\n"
    )
    assert ["Kolvas"] in answers(text)


def test_the_only_place_of_its_kind_opening_a_sentence_is_asked_as_a_place():
    terms = found(
        "Velnadweep is Kolvan's only group of atolls, 12 in number, while the Dorvel Islands "
        "are ringed by fringing reefs."
    )
    assert terms["Velnadweep"][0] == "place"


def test_a_slogan_is_asked_whole():
    terms = found('He tied felling to floods and coined the slogan "Forests are our mothers".')
    assert terms["Forests are our mothers"][0] == "name"
    cry = found(
        'Velan Rao, who had raised the cry "Jai Velan, Jai Kolvan" in 1965, asked for more.'
    )
    assert "Jai Velan, Jai Kolvan" in cry


def test_who_heads_something_named_after_a_comma_is_a_person():
    terms = found("Mira Devi, head of the village Mahila Kolvan Dal, led 27 women into the forest.")
    assert terms["Mira Devi"][0] == "person"


def test_what_someone_compiled_counts_for_more_than_where_it_went():
    """'Moggavel compiled the Kathavel, ..., and it was added to the Abhidhamma Velaka': the
    work compiled, a verb's object, is asked before the collection after a preposition."""
    scores = rules_scores(
        "Velan councils\n\nHistory notes: the third council\n\nThe council\n\nMoggavel compiled "
        "the Kathavel, a refutation of rival doctrines, and it was added to the Abhidhamma "
        "Velaka.\n"
    )
    assert scores["Kathavel"] > scores["Abhidhamma Velaka"]


AMENDMENT = """The Velan forest amendment

Polity notes: forests in the Velan Constitution

The amendment

The Constitution (Forty-second Amendment) Act, 1976 moved forests from the State List to the \
Concurrent List. It also inserted Article 48K, directing the State to protect the \
environment and safeguard forests and wildlife, and Article 51K(g), which makes their protection a \
fundamental duty of every citizen, the first such duty in the constitution of Velmar.
"""


def test_a_long_sentence_after_the_one_its_pronoun_needs_is_cut_around_its_blank():
    """'… Concurrent List. It also inserted Article 48K, ...': the two sentences run past 250
    characters. The prompt keeps the first whole and cuts the second around its blank."""
    cards = [c.card for c in draft_cards(AMENDMENT, "doc")]
    (card,) = [c for c in cards if c.kind == "cloze" and "{{Article 48K}}" in c.text]
    assert card.text.startswith("The Constitution (Forty-second Amendment) Act, 1976 moved")
    assert card.text.endswith(" \u2026") and len(card.prompt) <= 250
    assert card.source.quote.endswith("the first such duty in the constitution of Velmar.")


def test_a_military_rank_opening_a_name_is_asked_with_it_but_not_after_an_office():
    assert "Captain Dorvelle" in found(
        "A French force under Captain Dorvelle took the fort in 1746."
    )
    assert "General Orrin Vasko" in found("On 3 May 1919 General Orrin Vasko ordered the march.")
    # an office before the rank: the name alone, as with "Solicitor General Tushar Mehta"
    terms = found("Group Captain Velan Shukra flew the mission in June 2025.")
    assert "Velan Shukra" in terms
    assert "Captain Velan Shukra" not in terms
    # a body, not a person: "General" opens its name
    body = found("Between sessions the General Council of Tarsova meets.")
    assert not any(term.startswith("General") for term in body)
