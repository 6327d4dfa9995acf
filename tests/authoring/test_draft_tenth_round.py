"""The tenth round: general forms of a fact the drafter never proposed (a range of figures,
a term the notes define, an office, a named storm or mission, a place opening its
sentence, a count in words, a case name with a parenthesis), and `quizapp check` flagging a
blank on one end of a range."""

import datetime as dt

from quizapp.deck.check import check
from quizapp.deck.rules.drafts import blank_flaws
from tests.authoring.drafting import answers, drafted, found

HALF = "the blank is one end of a range; blank the whole range"


def test_a_range_of_figures_is_one_answer():
    assert "70 to 80%" in found("Yields within 70 to 80% of the target are counted as fair.")
    assert "3 and 9 km" in found("The new canal runs between 3 and 9 km from the old bank.")
    assert "1931 to 1947" in found("He edited the paper from 1931 to 1947 in Lahore.")
    assert "40 to 42\u00b0C" in found("Temperatures of 40 to 42\u00b0C were recorded at noon.")


def test_a_change_of_a_figure_is_no_range():
    terms = found("The repo rate was cut from 7.25% to 6.75% in March.")
    assert "6.75%" in terms and "7.25% to 6.75%" not in terms
    terms = found("Output rose from 12% in 2031 to 15% in 2033.")
    assert "15%" in terms and not any(" to " in answer for answer in terms)


def test_no_draft_blanks_one_end_of_a_range():
    notes = (
        "Lake notes\n\nGeography notes\n\n"
        "The Tarn Lake lies in the Vell valley of Kumaon. "
        "Its depth stays within 12 to 18 metres through the year. "
        "Water within 6.5 to 8.5 pH units is rated fit for fish by the Board. "
        "Boats may sail between 2 and 4 km from the northern shore. "
        "The lake was surveyed in 2031 by the Kumaon Lakes Authority.\n"
    )
    cards = drafted(notes)
    for card in cards:
        text = card.text if card.kind == "cloze" else card.question
        assert "{{12}}" not in text and "{{18 metres}}" not in text
        assert "{{6.5}}" not in text and "{{8.5 pH}}" not in text
        assert "{{2}}" not in text and "{{4 km}}" not in text
    assert ["12 to 18 metres"] in answers(notes)


def test_check_flags_a_blank_on_one_end_of_a_range(tmp_path):
    (tmp_path / "notes.txt").write_text(
        "Rain notes\nRain within 90 to 110% of the mean is normal.\n", encoding="utf-8"
    )
    deck = tmp_path / "drafts.yaml"
    deck.write_text(
        "id: drafts\ntitle: Drafts\nsources:\n"
        "  - {id: notes, title: Rain notes, file: notes.txt}\n"
        "cards:\n"
        "  - id: half\n    kind: cloze\n"
        "    text: Rain within 90 to {{110%}} of the mean is normal.\n"
        '    source: {document: notes, quote: "Rain within 90 to 110% of the mean is normal."}\n'
        "    status: draft\n"
        "  - id: whole\n    kind: cloze\n"
        "    text: Rain within {{90 to 110%}} of the mean is normal.\n"
        '    source: {document: notes, quote: "Rain within 90 to 110% of the mean is normal."}\n'
        "    status: draft\n",
        encoding="utf-8",
    )
    report = check([deck], dt.date(2031, 1, 1))
    flagged = [p.message for p in report.problems if p.card_id == "half"]
    assert f"draft card 'half': {HALF} ('110%')" in flagged
    assert not [p for p in report.problems if p.card_id == "whole" and HALF in p.message]


def test_the_range_warning_spares_changes_and_dates():
    assert HALF in blank_flaws("within ", "90", " to 110% of the mean")
    assert HALF in blank_flaws("between 3 and ", "9 km", " from the bank")
    assert HALF in blank_flaws("from 1931 to ", "1947", " in Lahore")
    assert blank_flaws("The rate fell from 7.25% to ", "6.75%", ".") == []
    assert blank_flaws("The season runs from 1 June to ", "30 September", ".") == []


def test_a_term_the_notes_define_is_a_fact():
    assert "open list" in found("This is called an open list approach.")
    assert "sunset clause" in found("Such a limit is known as a sunset clause.")
    assert "Sensitive data" in found("Sensitive data means health, caste or biometric records.")
    assert "qanat" in found("The word comes from the Persian qanat, meaning channel.")


def test_an_office_of_its_own_words_is_a_term_not_a_title():
    terms = found("Each firm must appoint a Grievance Redressal Officer within a month.")
    assert "Grievance Redressal Officer" in terms
    assert found("The Chief Justice heard the case.") == {}


def test_a_named_storm_or_mission_is_a_name():
    assert found("Cyclone Dana crossed the coast near Paradip.")["Cyclone Dana"][1] >= 4.4
    assert "Operation Harit" in found("The Cabinet approved Operation Harit in May.")
    # a mission named by a longer title is asked by the rules for titles, not as an event
    assert found("Mission Kaveri was launched to clean the river.")["Mission Kaveri"][1] >= 4.4


def test_a_place_opening_its_sentence_is_a_place():
    notes = "Marwar in Jodhpur recorded 49.2\u00b0C on 3 June."
    assert found(notes)["Marwar"][0] == "place"
    # a common word opening a sentence is no place
    assert "Rainfall" not in found("Rainfall in Assam was the highest in a decade.")


def test_a_count_in_words_with_its_unit_is_asked_whole():
    assert "sixteen years" in found("A minor is anyone who has not completed sixteen years of age.")


def test_a_case_name_with_a_parenthesis_inside_is_whole():
    sentence = "Privacy was upheld in Justice A.B. Rao (Retd.) v. State of Goa, decided in 2029."
    assert "Justice A.B. Rao (Retd.) v. State of Goa" in found(sentence)


def test_the_person_a_team_worked_under_is_asked():
    terms = found("In 1979 a team under Mohan Dhume built a new rain model.")
    assert terms["Mohan Dhume"][0] == "person"


def test_the_defined_term_the_storm_and_the_opening_place_are_proposed():
    notes = (
        "Coast notes\n\nGeography notes\n\n"
        "Cyclone Tara crossed the coast near Gopalpur on 12 October 2031. "
        "Wind speeds reached 160 km per hour at landfall. "
        "Ganjam in Odisha recorded 310 mm of rain in a single day. "
        "The State evacuates villages within five km of the shore before landfall. "
        "This is called a zero casualty approach. "
        "A Relief Commissioner, appointed by the State, directs the shelters.\n"
    )
    drafts = answers(notes)
    assert ["Cyclone Tara"] in drafts
    assert ["Ganjam"] in drafts
    assert ["zero casualty"] in drafts


def test_a_region_of_several_compass_points_is_one_place():
    terms = found("East and Northeast Kumaon was the only region below normal, at 81%.")
    assert terms["East and Northeast Kumaon"][0] == "place"
    assert "North, Central and South Asia" in found(
        "The plan covers North, Central and South Asia from 2031."
    )
    # a compass point before a people's name describes them
    assert not any("Korean" in t for t in found("It went to the South Korean writer Min Lee."))
