"""`quizapp draft` asks what examiners ask of acts, committees and missions, whole."""

from quizapp.authoring.drafter import draft_cards
from quizapp.deck.rules.drafts import blank_flaws

ACT = """\
The Seeds Act, 2026

Overview

The Seeds Bill was introduced in the Lok Sabha on 3 March 2026. \
It was moved by the Union Minister of Agriculture and Farmers Welfare Ravi Prakash Menon. \
The bill amends the Seeds Act, 1966, the main law on seed quality.
A select committee had 21 members. \
Opposition members of the committee included Anita Rao Kulkarni, Farid Ansari and Meena Thomas. \
It adopted its report by a vote of 12 to 9. \
A farmer can now appeal to the State Seed Board within 60 days. \
The Seed Traceability and Authentication Register (SATHI) portal lists every lot. \
The new portal is called SATHI, and it went live in 2026.
"""

MISSION = """\
A space mission

The crew members were Asha Varghese, Tomasz Zieliński, Gábor Horváth and Lena Petrova. \
Wing Commander Asha Varghese was the pilot. \
Zieliński was the second Pole to fly on the station, after Mirosław Hermaszewski in 1978. \
Experiments were prepared by teams in Kraków and Gdańsk. \
The capsule was named Aurora and docked with the Harmony module of the station.
Learn the sequence: Hermaszewski in 1978, the station in 2000, this mission in 2026.
"""


def answers(text):
    out = []
    for candidate in draft_cards(text, "doc"):
        card = candidate.card
        if card.kind == "cloze":
            out += [answer for answer, _ in card.deletions]
        elif card.kind in ("year", "mcq", "basic"):
            out.append(str(card.answer))
    return out


def test_an_act_is_asked_with_its_year_and_a_vote_as_a_whole():
    asked = answers(ACT)
    assert "Seeds Act, 1966" in asked
    assert "1966" not in asked and "Seeds Act" not in asked
    assert "12 to 9" in asked
    assert "60 days" in asked
    assert "21" in asked  # "21 members": a count with its noun


def test_a_minister_after_a_long_portfolio_is_asked_whole_and_the_portfolio_never():
    asked = answers(ACT)
    assert "Ravi Prakash Menon" in asked
    assert not any("Welfare" in a or "Agriculture" in a for a in asked)
    before = "It was moved by the Union Minister of Agriculture and Farmers Welfare "
    assert blank_flaws(before, "Ravi Prakash Menon", ".") == []


def test_a_list_of_names_is_one_card_asking_each_name():
    listed = [
        c.card
        for c in draft_cards(MISSION, "doc")
        if c.card.source.quote.startswith("The crew members were")
    ]
    assert len(listed) == 1
    (card,) = listed
    # One blank per name, each asked with the others as its context: whichever name an
    # examiner picks from the list, the card asks it.
    assert card.kind == "cloze"
    blanks = {answer for answer, _ in card.deletions}
    assert {"Tomasz Zieliński", "Gábor Horváth", "Lena Petrova"} <= blanks


def test_names_with_diacritics_places_in_a_pair_and_named_things_are_asked():
    asked = answers(MISSION)
    assert "Mirosław Hermaszewski" in asked
    assert "Kraków" in asked or "Gdańsk" in asked
    assert "Aurora" in asked
    assert "Asha Varghese" in asked  # after "Wing Commander", not "Commander Asha Varghese"


def test_a_coined_short_name_is_asked_and_study_advice_never():
    asked = answers(ACT)
    assert "SATHI" in asked
    texts = [c.card for c in draft_cards(MISSION, "doc")]
    quotes = [c.source.quote for c in texts]
    assert not any(q.startswith("Learn the sequence") for q in quotes)
