"""Notes on history against notes on the news, and what a sentence singles out. The people
and places are made up."""

import datetime as dt
import subprocess
import sys

from quizapp.authoring.draft import draft_deck
from quizapp.authoring.drafter import considered, draft_cards
from quizapp.deck.check import check
from tests.authoring.drafting import (
    answers,
    drafted,
    every_answer,
    found,
    prompts,
    read,
    rules_scores,
)

HISTORY = (
    "The Partition of Velmar\n\n"
    "Velmar notes: the partition and its end\n\n"
    "The partition of Velmar was announced by Lord Korrin in July 1903.\n\n"
    "The partition was annulled at the Korda Durbar on 14 December 1909.\n"
)


def test_a_date_in_notes_on_history_is_asked_by_its_year():
    drafted = answers(HISTORY, today=dt.date(2026, 12, 1))
    assert ["1909"] in drafted
    assert ["14 December 1909"] not in drafted


def test_in_notes_on_the_news_a_deadline_is_asked_whole_and_another_date_by_its_year():
    assert ["1909"] in answers(HISTORY, today=dt.date(1910, 3, 1))
    deadline = HISTORY + "The last Velmar court was to close by 31 March 1910.\n"
    assert ["31 March 1910"] in answers(deadline, today=dt.date(1910, 3, 1))
    assert ["31 March 1910"] in answers(deadline)  # no date given: the notes are news
    assert ["14 December 1909"] not in answers(deadline)


def test_in_notes_on_history_a_year_counts_for_less_than_in_the_news():
    def worth(today: dt.date) -> dict[str, float]:
        return {p.term.answer: p.score for _, p in considered(HISTORY, today=today)}

    history, news = worth(dt.date(2026, 12, 1)), worth(dt.date(1910, 3, 1))
    assert history["1903"] < news["1903"]
    assert history["Lord Korrin"] == news["Lord Korrin"]


UNDATED = (
    "The Kelmar Sabha\n\n"
    "Kelmar notes: the reformers of Orvani\n\n"
    "Varuna Deshal founded the Kelmar Sabha at Orvani in 1742.\n\n"
    "The Orvani Patrika, the journal of the Sabha, began in 1751.\n"
)


def worth(text: str) -> dict[str, float]:
    """What the drafter's rules say each term is worth, read today."""
    return {p.term.answer: p.score for _, p in considered(text, today=dt.date(2026, 12, 1))}


def test_notes_that_date_no_event_by_its_day_count_a_year_as_history_does():
    undated = worth(UNDATED)
    news = worth(UNDATED.replace("in 1742", "on 4 March 2025"))
    assert undated["1751"] < news["1751"]
    assert undated["Orvani Patrika"] == news["Orvani Patrika"]


def test_quizapp_draft_reads_old_notes_as_history(tmp_path):
    (tmp_path / "velmar.txt").write_text(HISTORY, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "quizapp", "draft", "velmar.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    deck = (tmp_path / "velmar.yaml").read_text(encoding="utf-8")
    assert "Korda Durbar on 14 December ____." in deck
    assert "{{14 December 1909}}" not in deck


RIVER = (
    "The Korda River\n\n"
    "Geography notes: the river and its crossings\n\n"
    "The Korda rises in the Velmar hills and flows for about 900 km to the sea.\n\n"
    "The Tarsin Span near Orlavi, 4.21 km long, is the longest rail-cum-road bridge in Velmar.\n\n"
    "The Bhelu, which joins at Kemra near Dastapur, is its longest tributary.\n"
)


def test_what_holds_a_record_is_asked_before_what_is_said_of_it_on_the_way():
    scores = rules_scores(RIVER)
    assert scores["Tarsin Span"] > scores["Orlavi"]
    # The place just before ", is its longest" holds no record: it counts no more than the
    # other place on the way (less, as it only says where Kemra is).
    assert scores["Dastapur"] <= scores["Kemra"]


def test_an_amendment_act_by_its_ordinal_is_one_name():
    terms = found("The duties of Velmar were added by the 51st Amendment Act of 2031.")
    assert "51st Amendment Act" in terms
    assert "Amendment Act" not in terms
    assert "51st" not in terms


def test_an_amendment_act_is_asked_without_the_year_after_its_comma():
    # its number names it; the year after the comma is asked apart, if at all
    terms = found("Article 371Q, added by the 98th Amendment Act, 2031, gives Velmar a board.")
    assert "98th Amendment Act" in terms
    assert "98th Amendment Act, 2031" not in terms
    assert "Velmar Amendment Act, 2031" in found("The Velmar Amendment Act, 2031 set up a board.")


def _notes(sentence: str) -> str:
    opening = "The Velkora kings ruled the Tamsa valley from about 540 CE."
    return f"The Velkora Kings\n\nHistory notes: a dynasty\n\n{opening} {sentence}\n"


def test_the_name_that_says_who_or_what_something_was_counts_for_more():
    said = rules_scores(_notes("Their capital was Tarsova, near the Tamsa river."))
    only_named = rules_scores(_notes("Their kings rebuilt Tarsova, near the Tamsa river."))
    assert said["Tarsova"] > only_named["Tarsova"]
    general = rules_scores(_notes("His general in this war was Orrivan, who later became a saint."))
    fought = rules_scores(_notes("His general fought beside Orrivan, who later became a saint."))
    assert general["Orrivan"] > fought["Orrivan"]


def test_a_century_or_a_year_given_as_about_counts_for_less_than_a_date():
    # no chosen fact of the seen notes asks a century; one in 24 an "about ... CE" year
    exact = rules_scores(_notes("Tarsova fell in 625 CE."))["625 CE"]
    assert rules_scores(_notes("Tarsova fell in about 625 CE."))["625 CE"] < exact - 0.5
    century = rules_scores(_notes("Tarsova grew in the 8th century."))["8th"]
    assert century < rules_scores(_notes("Tarsova grew in the 8th decade."))["8th"] - 0.5
    assert "8th" not in every_answer(_notes("Tarsova grew from the 8th to the 10th century."))


def test_the_name_that_says_which_fort_battle_or_title_counts_for_more():
    # "the hill fort of Shivneri", "the battle of Talaiyalanganam": the name says which
    for said, passing in (
        ("He was born in the hill fort of Tarsova.", "He was born in the hill country of Tarsova."),
        ("He won the battle of Tarsova.", "He won the favour of Tarsova."),
        ("He took the title of Tarsova.", "He took the lands of Tarsova."),
    ):
        assert rules_scores(_notes(said))["Tarsova"] > rules_scores(_notes(passing))["Tarsova"]


def test_a_writer_a_chieftain_a_disciple_or_one_who_declares_or_moves_is_a_person():
    cases = {
        "The Velish writer Dandova, author of the Korvana, lived at his court.": "Dandova",
        "The line began when Vijorva, a chieftain under the Kemras, took Tarsova.": "Vijorva",
        "Orra Shukan, a Velish disciple, compared the two schools.": "Orra Shukan",
        "At the Korda session of 1906, Tavel Naorin declared that the goal was Swaraj.": (
            "Tavel Naorin"
        ),
        "In 1911 Gopal Orrin Velkar moved a bill for free schooling.": "Gopal Orrin Velkar",
    }
    for sentence, name in cases.items():
        assert found(sentence)[name][0] == "person", sentence


GREEN_COURT = (
    "The Velmar Green Court\n\n"
    "Polity notes: a court for the environment and the bodies before it\n\n"
    "Origins\n\n"
    "The Korda Pollution Control Board was set up in 1974. The Velmar Environment Council "
    "followed in 1981. The Korda Forest Agency came in 1985. The Velmar Environment Court Act, "
    "1995 never came into force. The Velmar Water Board was set up in 1996. The National "
    "Environment Appellate Authority, set up under a 1997 law, heard only appeals against "
    "environmental clearances. The Tarsin Coastal Commission came in 1998, and the Orlavi "
    "Wetland Authority in 1999.\n"
)


def test_a_drafted_card_shows_the_options_its_blank_was_judged_fair_with(tmp_path):
    # The bodies named nearest the answer share no word with "environmental"; offered
    # alone, they would leave the answer the one option the prompt points to.
    notes = tmp_path / "notes.txt"
    notes.write_text(GREEN_COURT, encoding="utf-8")
    result = draft_deck(notes, tmp_path / "notes.yaml")
    report = check([result.path], dt.date(2026, 12, 1))
    assert [p.message for p in report.warnings if "cues its answer" in p.message] == []
    deck = result.path.read_text(encoding="utf-8")
    assert "{{National Environment Appellate Authority}}" in deck


def test_a_word_a_sentence_opens_with_is_no_part_of_the_name_after_it():
    terms = found("Born Tavel Korrin, he was the nephew of the founder of the Velish line.")
    assert "Tavel Korrin" in terms
    assert "Born Tavel Korrin" not in terms


def test_the_first_name_after_a_colon_is_found_as_the_others_are():
    terms = found("There are four benches: Tarsova for the central zone, Orlavi for the west.")
    assert {"Tarsova", "Orlavi"} <= set(terms)


def test_what_a_king_called_himself_counts_as_the_title_he_took():
    opening = "Vima Korrin issued gold coins on a large scale."
    called = rules_scores(_notes(f"{opening} He was a devotee of Tarsa and called himself Orvesh."))
    devoted = rules_scores(_notes(f"{opening} He was a devotee of Tarsa and of Orvesh."))
    assert called["Orvesh"] > devoted["Orvesh"]


def test_the_people_the_notes_are_about_are_no_question_in_them():
    sentence = "The Velkors were one branch of the Tarsi, a nomadic people of the north."
    about_them = rules_scores(f"The Velkor Empire\n\nHistory notes: an empire\n\n{sentence}\n")
    about_others = rules_scores(f"The Orlavi Empire\n\nHistory notes: an empire\n\n{sentence}\n")
    assert about_them["Velkors"] < about_others["Velkors"]


def test_the_town_the_port_or_the_village_of_a_name_is_a_place():
    for sentence, name in {
        "Kalhana's chronicle says he founded the town of Velkapura in Tarsh.": "Velkapura",
        "The port of Orlavipuram is named after him.": "Orlavipuram",
    }.items():
        assert found(sentence)[name][0] == "place", sentence


def test_a_term_defined_here_is_asked_without_the_here():
    terms = found("Elementary schooling here means Classes 1 to 8.")
    assert "Elementary schooling" in terms
    assert "Elementary schooling here" not in terms


def test_a_constitutional_amendment_act_is_asked_by_its_ordinal_never_by_a_fragment():
    terms = found("The 91st Constitutional Amendment Act, 2031 then inserted Article 21B.")
    assert "91st" in terms
    assert not any("Constitutional Amendment" in answer for answer in terms)
    terms = found("Velkor's law was added by the 52nd Constitutional Amendment Act of 1985.")
    assert "52nd" in terms
    assert "42nd Amendment Act" in found("Tarsova was named by the 42nd Amendment Act of 1976.")
    assert "64th Amendment Bill" in found("The government introduced the 64th Amendment Bill.")


def test_what_the_notes_say_of_the_exam_is_no_card():
    notes = _notes("Questions often pair Velkor kings with their capitals, Tarsova and Orlavi.")
    assert not any("Tarsova" in answer for answer in answers(notes))
    linked = _notes("Link the policy to Article 84C and the Tarsova Amendment.")
    assert not any("Article 84C" in answer for answer in answers(linked))
    paired = _notes("Questions pair temples with builders: the Orlavi Temple with Dharvel.")
    assert not any("Orlavi Temple" in answer for answer in answers(paired))
    also = _notes("Also revise the meaning of tarsavanya, the rule of the strong.")
    assert not any("tarsavanya" in answer for answer in answers(also))
    pair = _notes("Pair the battles with their victors too: Orlak with Dharvel Tarsi.")
    assert not any("Orlak" in answer for answer in answers(pair))
    they = _notes("They also ask for matches such as Kemra Tila and Velkor art.")
    assert not any("Kemra Tila" in answer for answer in answers(they))


def test_what_the_name_means_is_asked_not_the_word_name():
    terms = found('The name means "daughter of the hills", and it is one of few such rivers.')
    assert "name" not in terms
    assert "daughter of the hills" in terms


def test_a_law_named_with_from_or_a_plural_owner_is_one_name():
    assert "Protection of Velish Children from Korda Offences Act" in found(
        "The Protection of Velish Children from Korda Offences Act was passed in 2031."
    )
    assert "Protection of Velish Women from Korda Violence Act, 2031" in found(
        "The Protection of Velish Women from Korda Violence Act, 2031 covers them."
    )
    assert "Velish Farmers' Relief Act" in found("The Velish Farmers' Relief Act followed in 1879.")
    assert set(found("The troops moved from Tarsova in May.")) == {"Tarsova"}


def test_a_name_runs_on_through_a_word_with_a_small_prefix():
    terms = found("The National e-Velmar Services Ltd (NeVSL) was the first such utility.")
    assert "National e-Velmar Services Ltd" in terms
    assert "Services Ltd" not in terms


def test_a_route_named_by_the_two_places_it_joins_is_one_name():
    assert "Velkor-Tarsova" in found("The main gap is the Velkor-Tarsova railway, 162 km long.")
    highway = found("From Korda, roads run north to the Orla-Demir highway.")
    assert any(term.startswith("Orla-Demir") for term in highway)
    assert found("The Velkor\u2013Tarsova talks resumed.") == {}  # two sides, not one name


def test_who_held_an_office_then_is_asked_with_the_sentence_that_says_when():
    notes = _notes(
        "The war began in December 1845, when the Velish army crossed the Tamsa. "
        "Lord Orrivan was Governor-General."
    )
    assert prompts(notes)["Lord Orrivan"].startswith("The war began in December 1845,")


def test_a_word_no_english_dictionary_has_is_asked_as_a_term_of_the_subject():
    stone = found("The main building stone is velkorite, with chlorite for the doorframes.")
    assert "velkorite" in stone
    assert not {"building", "stone", "chlorite", "doorframes"} & set(stone)
    assert "tarvi mandol" in found("The tarvi mandol is a square hall with a tiered roof.")
    # English words in any form, with a prefix or made of two: no terms
    assert found("The pre-monsoon showers were unseasonal over the groundwater wells.") == {}
    notes = _notes("Traders paid the kolvari at every ferry on the river.")
    assert ["kolvari"] in answers(notes)
    # with the place it is named for, not the language or faith it belongs to
    assert "Tamsa velrog" in found("The park was made to protect the Tamsa velrog and its young.")
    assert "velrog" in found("The word comes from the Greek velrog, a coil.")


def test_a_king_by_his_number_closing_the_sentence_is_a_person():
    terms = found("In 973 the last ruler was overthrown by his feudatory Tarsila II.")
    assert terms["Tarsila II"][0] == "person"


def test_school_years_distances_in_miles_and_days_kept_as_are_asked_whole():
    assert "Class 5" in found("Teaching should be in the home language until at least Class 5.")
    assert "Classes 6 to 8" in found("The middle stage covers Classes 6 to 8.")
    assert "150 miles" in found("The longest canal ran 150 miles from the Tamsa to Orlavi.")
    assert "Velmar Unity Day" in found("Since 2031 the date has been kept as Velmar Unity Day.")
    assert "5+3+3+4" in found("The policy brings a 5+3+3+4 design for schools.")


def test_they_two_sentences_on_is_the_plural_name_the_paragraph_opens_with():
    notes = (
        "The Velkoras\n\nHistory notes: a dynasty\n\nOverview\n\n"
        "The Velkoras ruled much of the Tamsa valley from the middle of the eighth century to "
        "the late tenth century. At their height their power reached from the Orla hills in "
        "the north to the sea in the south and to the borders of Dastapur in the west. "
        "Their capital for most of this period was Tarsova, now Kemra in the Orla district.\n"
    )
    asked = prompts(notes).values()
    assert any(p.startswith("The Velkoras \u2026 Their capital for most") for p in asked)


def test_a_name_joined_by_a_hyphen_whose_parts_stand_nowhere_alone_is_one_name():
    reserve = found("Keshavpur-Mirani in Tarsova district was the first community reserve.")
    assert "Keshavpur-Mirani" in reserve
    # two sides the notes also name apart: no one name
    sides = found("The Velmar-Korda border was closed.", "Velmar and Korda met in May.")
    assert "Velmar-Korda" not in sides


def test_an_office_that_heads_or_chooses_is_asked_by_its_title():
    assert "Chief Minister" in found(
        "Each State has a Wildlife Board headed by the Chief Minister."
    )
    assert "Chief Justice of India" in found(
        "The Centre appoints the Chairperson in consultation with the Chief Justice of India."
    )
    # a title before a person's name is the person's
    assert "Prime Minister" not in found("The panel was chaired by Prime Minister Velan Korr.")


def test_a_common_noun_and_what_it_is_of_named_nowhere_alone_is_one_name():
    assert "Instrument of Velmar" in found("A state could join only by an Instrument of Velmar.")
    # not the end of a longer name
    assert "Doctrine of Tarsova" not in found(
        "The Velmar Guidelines on the Doctrine of Tarsova came in 2010."
    )
    # a ruler of a place is the ruler and the place, not one name
    assert "Sultan of Velmar" not in found("The Sultan of Velmar sent an army.")


def test_an_age_limit_is_asked_with_its_range():
    assert "65" in found("The Auditor serves six years or until the age of 65, if earlier.")
    assert "6 and 14 years" in found("It covers children between the ages of 6 and 14 years.")


def test_whose_removal_an_office_holders_removal_follows_is_asked():
    assert "a judge of the Supreme Court" in found(
        "The Velmar Auditor can be removed only in the manner of a judge of the Supreme Court."
    )
    assert "a High Court judge" in found(
        "She can be removed in the manner and on the grounds of a High Court judge."
    )


def test_what_the_notes_tell_the_reader_to_remember_counts_for_more():
    sentence = "Dharvel founded the monastery of Orlavi, near the Tamsa river."
    advised = rules_scores(
        _notes(sentence + " Questions often pair kings with their works: Dharvel and Orlavi.")
    )
    plain = rules_scores(_notes(sentence + " Questions often ask about the dates."))
    assert advised["Orlavi"] > plain["Orlavi"]
    # the years of "Remember the order: ..." come back in many sentences: not singled out
    ordered = rules_scores(_notes(sentence + " Remember the order: Orlavi founded in 540 CE."))
    assert ordered["Orlavi"] == plain["Orlavi"]


def test_a_scientific_name_in_brackets_is_one_name_whatever_its_endings():
    assert "Velkora nigrops" in found("The great Tamsa bird (Velkora nigrops) is the heaviest.")


def test_a_state_of_india_counts_for_less_than_the_place_in_it():
    def scores(state: str) -> dict[str, float]:
        return rules_scores(
            _notes(f"The storm struck near Tarsova in the Velkor district of {state}.")
        )

    assert scores("Odisha")["Odisha"] < scores("Orlavia")["Orlavia"]


FOUNDERS = (
    "The two Sabhas\n\n"
    "Reform notes: the founders\n\n"
    "Mira Solanki founded the Kelmar Sabha in the port of Orvani. "
    "Varuna Deshal founded the Tarun Sabha in the port of Kolvanur. "
    "The reformers met often in the houses of both ports. "
    "Mira Solanki wrote the rules of both bodies. "
    "The letters of Mira Solanki survive in the archive.\n"
)


def test_a_person_named_often_counts_no_more_than_one_named_once():
    first = {}
    for _, place in considered(FOUNDERS):
        first.setdefault(place.term.answer, place.score)
    assert first["Mira Solanki"] == first["Varuna Deshal"]


KINGS = (
    "The Varunagiri kings\n\n"
    "Medieval history notes: the kings of Varunagiri\n\n"
    "Tarapala founded the kingdom in the valley of the Serapa. "
    "His son Damodara Varman ruled from Kolvanur for forty years. "
    "He was a patron of the poet Heliodas. "
    "He built the great tank at Orvani. "
    "His coins show a lion on one side. "
    "At Meruvel he defeated the Kelmar chief Anantadeva.\n"
)


def test_he_further_on_than_the_quoted_sentences_reach_is_the_person_named_last():
    assert prompts(KINGS)["Anantadeva"] == (
        "Damodara Varman \u2026 At Meruvel he defeated the Kelmar chief {{Anantadeva}}."
    )
    # "The historian ... called him ...": the historian is named, but "he" is not the historian
    praised = KINGS.replace(
        "He was a patron",
        "The historian Kelvin Rhodes called him the lion of Varunagiri. He was a patron",
    ).replace("Orvani. ", "Orvani. He dug a canal to the Serapa. He gave land to its monks. ")
    assert not prompts(praised).get("Anantadeva", "").startswith("Kelvin Rhodes")


TURTLE = (
    "The kelvar turtle\n\n"
    "Environment notes: the kelvar turtle\n\n"
    "Nesting\n\n"
    "The kelvar turtle nests on the beaches of Orvani in March.\n\n"
    "Legal protection\n\n"
    "The kelvar turtle is listed in Schedule II of the Serapa Act, which gives it the highest "
    "protection. The Tarun Red List classes it as Endangered.\n\n"
    "Duties\n\n"
    "Article 12 of the Serapa Act makes it his duty to guard the beaches. He reports to the "
    "Kolvanur Council.\n"
)


def test_it_is_what_a_paragraphs_opening_sentence_names_though_that_sentence_says_it_too():
    asked = prompts(TURTLE)
    # "which gives it the highest protection": the opening sentence's "it" is its own subject
    classed = next(prompt for prompt in asked.values() if "classes it as" in prompt)
    assert classed.startswith("The kelvar turtle is listed in Schedule II")
    # "makes it his duty": "his" is someone the paragraph never names
    assert not any("Kolvanur Council" in prompt for prompt in asked.values())


TIMELINES = (
    "The Varunagiri kings\n\n"
    "Medieval history notes\n\n"
    "The first council met in 1201. The second council met in 1215. "
    "The third council met in 1230.\n\n"
    "Kings\n\n"
    "The first king was crowned in 1320. The second king was crowned in 1334. "
    "The third king was crowned in 1351. The fourth king was crowned in 1360.\n"
)


def test_the_longest_timeline_is_asked_first_and_a_further_one_only_where_there_is_room():
    timelines = [c for c in draft_cards(TIMELINES, "doc") if c.card.kind == "ordering"]
    assert [len(c.card.events) for c in timelines] == [4, 3]
    assert timelines[1].score < timelines[0].score


ISLANDS = (
    "The Kelvar islands\n\n"
    "Geography notes: the Kelvar islands\n\n"
    "The Tarun rulers took the islands in 1787. The Serapa traders came in 1799. "
    "The islands became a province in 1956. The Navy opened a base at Orvani on 6 March 2024.\n"
)


def test_notes_whose_years_are_mostly_long_past_count_a_year_as_history_does():
    storied = worth(ISLANDS)
    recent = worth(ISLANDS.replace("1787", "2019").replace("1799", "2021"))
    assert storied["1956"] < recent["1956"]
    assert storied["Orvani"] == recent["Orvani"]
    # a whole date asks its year, in history as in the news
    assert "2024" in storied and "6 March 2024" not in recent


BOARDS = (
    "The Kelmar boards\n\n"
    "Polity notes: the Kelmar boards\n\n"
    "Overview\n\n"
    "The Kelmar Assembly works through many bodies.\n\n"
    "Village water boards\n\n"
    "These boards began in 1984 with 12 members from the Orvani district.\n\n"
    "Courts\n\n"
    "These began in 1990.\n"
)


def test_these_opening_a_paragraph_is_what_the_heading_over_it_names():
    asked = prompts(BOARDS)
    assert asked["Orvani"] == (
        "Village water boards \u2026 These boards began in 1984 with 12 members from the "
        "{{Orvani}} district."
    )
    assert not any("1990" in prompt for prompt in asked.values())  # "These" of nothing named


def test_a_work_just_after_wrote_is_asked_before_its_writer():
    work = found("Korvesh wrote the Talamandira around the ninth century.")
    assert work["Talamandira"][1] > work["Korvesh"][1]
    assert "Talamandira" in found("He wrote the Talamandira, a letter in Velmari to the king.")
    # not a language, nor the first of a list of works, nor a work better known by another name
    assert "Velmari" not in found("Korvesh wrote Velmari verse under the pen name Tarun.")
    listed = found("Korvesh wrote Talamandira, Sorandika and Vetalam.")
    assert listed.get("Talamandira", ("", 0.0))[1] < work["Talamandira"][1]
    known = found("Korvesh wrote the Talamandira, better known as the Sorandika.")
    assert known.get("Talamandira", ("", 0.0))[1] < work["Talamandira"][1]


def test_a_first_name_in_i_is_no_peoples_name_for_a_word_the_notes_name():
    """ "Bhattoji" beside "Nagesha Bhatta": a first name, not a people named for "Bhatta" as
    "Chinese" is for "China"."""
    notes = (
        "Velmoji Harvesh wrote the Tala Kaumudi in the seventeenth century. "
        "Nagesha Velma was a leading grammarian of the eighteenth century."
    )
    assert (
        read("Velmoji Harvesh wrote the Tala Kaumudi in the seventeenth century.", notes)[
            "Velmoji Harvesh"
        ]
        == "person"
    )


def test_a_people_named_as_a_tribe_is_asked():
    assert found("Tarun painting belongs to the Velmari tribe of Korda.")["Velmari"][1] >= 4.3
    isle = found("The island is home to the Korvesh, a Particularly Vulnerable Tribal Group.")
    assert isle["Korvesh"][1] >= 4.3
    nomads = found("The Tarsans were one branch of the Velmi, a nomadic people of the steppe.")
    assert nomads["Velmi"][1] >= 4.3


def test_a_scientific_name_is_asked_though_its_latin_echoes_the_common_name():
    notes = (
        "The Velmar megapode\n\nEnvironment notes: a bird of the Velmar Islands\n\n"
        "The Velmar megapode (Megapodius velmariensis) is a ground-dwelling bird found only "
        "in the Velmar Islands. It was listed as Vulnerable in 2031.\n"
    )
    assert "Megapodius velmariensis" in prompts(notes)


def test_who_a_work_is_credited_to_is_a_person():
    assert found("The Padavali of the Tarun hymns is credited to Velkaya.")["Velkaya"][0] == (
        "person"
    )
    pair = found("The Korsika, a commentary, was written by Jayavesh and Tamana in 1230.")
    assert pair["Jayavesh"][0] == pair["Tamana"][0] == "person"


def test_a_committee_known_by_one_surname_is_weighed_as_one_named_for_its_chair():
    named = found("The Velkar budget was split in 2024 on the advice of the Tarvesh Committee.")
    plain = found("The Velkar budget was split in 2024 on the advice of the Law Commission.")
    assert named["Tarvesh Committee"][1] > plain["Law Commission"][1]


def test_a_scientific_name_before_what_the_species_did_is_asked_whole():
    grass = found("Without herds, the grass Velmaria tortuosa spread and choked the lake.")
    assert "Velmaria tortuosa" in grass
    assert "tortuosa" not in grass


def test_a_name_opening_its_sentence_before_an_aside_is_asked():
    """ "Anamudi, at 2,695 m the highest peak ..., stands within the park.": a word no
    dictionary has, never written in lower case, told about before its verb."""
    notes = (
        "The park covers 97 sq km of high grassland. "
        "Velmudi, at 2,695 m the highest peak south of the Korda hills, stands within the park."
    )
    assert read(
        "Velmudi, at 2,695 m the highest peak south of the Korda hills, stands within the park.",
        notes,
    ).get("Velmudi")


def test_a_site_opening_its_sentence_near_a_town_is_a_place():
    """ "Arikamedu near Puducherry was an Indo-Roman trading port.": the site is asked."""
    terms = found("Velikamedu near Korvanur was a trading port.")
    assert terms.get("Velikamedu", ("",))[0] == "place"


def test_a_meaning_in_quotation_marks_is_asked_whole_though_it_holds_a_count():
    terms = found('Tarvesh\'s grammar is the Panchadhyayi, meaning "five chapters".')
    assert "five chapters" in terms
    assert "five" not in terms


def test_a_sentence_about_that_report_is_asked_with_the_report():
    """ "H. Lehmann and M. Cutbush made that report.": alone, no learner knows which report."""
    notes = (
        "The Velmar trait\n\nScience notes: a blood disorder\n\n"
        "The Velmar trait was first described in 2031. "
        "In Korda the trait was first reported in 2034 among the hill people of Tarun. "
        "K. Tarvesh and M. Olsund made that report.\n"
    )
    prompt = prompts(notes)["K. Tarvesh"]
    assert "first reported in 2034 among the hill people of Tarun" in prompt


def test_a_timeline_stays_within_its_section():
    """Events either side of a heading would quote the heading run into the sentences ("...
    made that report. The burden in India The disease is ...")."""
    notes = (
        "The Velmar trait\n\nScience notes: a blood disorder\n\n"
        "History\n\n"
        "The Velmar trait was first described in 1910. "
        "Its cause was found in 1949. "
        "It was first reported in Korda in 1952.\n\n"
        "The burden in Korda\n\n"
        "A national survey was held in 2006. "
        "A screening drive began in 2008. "
        "The mission was launched in 2023.\n"
    )
    timelines = [c for c in drafted(notes) if c.kind == "ordering"]
    assert timelines
    assert all("The burden in Korda" not in c.source.quote for c in timelines)
