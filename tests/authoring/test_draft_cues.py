"""A blank the rest of its prompt gives away is not dropped when it can be asked fairly: with
wrong options that share the give-away word, or with the prompt cut before the clause that
gives it away. Each draft is checked as `quizapp check` reads it."""

import datetime as dt
from pathlib import Path

from quizapp.authoring.draft import draft_deck
from quizapp.deck.check import check
from quizapp.deck.sources import fold

RESERVES = """\
Tiger Estimation 2030

Wildlife notes: a census

The census counted 4,120 tigers across the country, up from 3,682 four years before. \
The oldest reserve is Hollin Tiger Reserve, set up in 1973 in the northern hills. \
Marrow Tiger Reserve in the east lost most of its grassland to floods in 2029. \
The newest is Castle Peak Tiger Reserve, notified in March 2030. \
Among reserves, Wren Valley Tiger Reserve in the south had the most tigers, at 311. \
Camera traps were set at 32,588 locations, and the survey took 641 days in all. \
The report was released by the Wildlife Survey Board on 29 July 2030.
"""

LAUNCH = """\
The Ardent-2 Mission

Space notes: a lunar lander

The Ardent-2 lander touched down near the south pole of the Moon on 14 August 2031. \
The launch vehicle was the HLV2, on the flight called HLV2-M6, from the coastal range. \
In 1998 Rafi Anwar, a clerk from Kestrel in the west, first proposed a lander mission, \
and the phrase "Anwar's folly, Anwar's prize" was coined for it in the press. \
The lander carried four instruments, among them a seismometer built at Pune. \
Its rover travelled 101 metres before the lunar night ended the mission.
"""


def _drafted(tmp_path: Path, text: str):
    document = tmp_path / "notes.txt"
    document.write_text(text, encoding="utf-8")
    result = draft_deck(document, tmp_path / "draft.yaml")
    report = check([result.path], dt.date(2031, 12, 1))
    assert not report.errors
    cards = report.result.decks[0].deck.cards
    warnings = {}
    for problem in report.warnings:
        if "is a draft, never studied" not in problem.message:
            warnings.setdefault(problem.card_id, []).append(problem.message)
    return cards, warnings


def _asking(cards, answer: str):
    return [
        card for card in cards if card.kind == "cloze" and answer in [a for a, _ in card.deletions]
    ]


def test_a_name_whose_kind_the_prompt_names_is_asked_among_names_of_that_kind(tmp_path):
    """'Among reserves, ____ had the most tigers' gives away 'Tiger Reserve' unless every
    option is a tiger reserve; the card offers three, and check finds no cue."""
    cards, warnings = _drafted(tmp_path, RESERVES)
    (card,) = _asking(cards, "Wren Valley Tiger Reserve")
    assert len(card.distractors) == 3
    assert all(d.endswith("Tiger Reserve") for d in card.distractors)
    assert "Wren Valley Tiger Reserve" not in card.distractors
    assert card.id not in warnings


def test_without_enough_names_of_its_kind_the_cued_name_is_not_drafted(tmp_path):
    """One other tiger reserve in the notes is not enough: a quiz would still single out
    the answer, so the card is left out rather than drafted with a cue."""
    notes = RESERVES.replace("Hollin Tiger Reserve", "the Hollin forest").replace(
        "Marrow Tiger Reserve", "The Marrow forest"
    )
    cards, _ = _drafted(tmp_path, notes)
    assert not _asking(cards, "Wren Valley Tiger Reserve")


def test_a_clause_that_gives_the_answer_away_is_cut_from_the_prompt_not_the_quote(tmp_path):
    """The phrase 'Anwar's folly' at the end gives away whose proposal it was: the prompt stops
    before it, at the comma outside the quotation, never at the one inside it."""
    cards, warnings = _drafted(tmp_path, LAUNCH)
    (card,) = _asking(cards, "Rafi Anwar")
    assert card.text == (
        "In 1998 {{Rafi Anwar}}, a clerk from Kestrel in the west, first proposed a lander "
        "mission \u2026"
    )
    assert "the phrase \"Anwar's folly, Anwar's prize\" was coined" in fold(card.source.quote)
    assert card.id not in warnings


def test_a_prompt_is_cut_only_when_something_gives_the_answer_away(tmp_path):
    """The year of the same sentence is asked with the whole sentence: nothing in it names
    1998."""
    cards, _ = _drafted(tmp_path, LAUNCH)
    (year,) = [card for card in cards if card.kind == "year" and card.answer == 1998]
    assert year.question.endswith("was coined for it in the press.")


TARGETS = """\
The Harbour Framework, 2032

Environment notes: a conference

The Harbour Framework was adopted at the Second Ocean Conference in Lisbon in May 2032. \
Target 4, known as "40 by 40", calls for 40 per cent of coastal waters to be protected. \
Portugal reached 12 Ocean Reserves in June 2031, to mark 12 years of the Treaty. \
On its coast lies Tern Island, the only breeding site of the grey petrel. \
The Harbour Fund, set up at the conference, will pay for coastal surveys in small island states.
"""


def test_an_aside_that_gives_the_answer_away_is_left_out_of_the_prompt(tmp_path):
    cards, warnings = _drafted(tmp_path, TARGETS)
    (card,) = _asking(cards, "40 per cent")
    assert card.text == ("Target 4 calls for {{40 per cent}} of coastal waters to be protected.")
    assert 'known as "40 by 40"' in card.source.quote
    assert card.id not in warnings


def test_a_number_shown_beside_its_blank_is_no_question(tmp_path):
    """'reached 12 marine reserves ..., to mark {{12 years}}': the 12 is in the prompt."""
    cards, _ = _drafted(tmp_path, TARGETS)
    assert not _asking(cards, "12 years")


def test_the_wrong_options_of_a_cued_name_are_names_of_its_kind_only(tmp_path):
    """A fund named for tiger reserves shares the cue's words but is no tiger reserve."""
    notes = RESERVES.replace(
        "Camera traps were set",
        "The Tiger Reserve Protection Fund pays for patrols. Camera traps were set",
    )
    cards, warnings = _drafted(tmp_path, notes)
    (card,) = _asking(cards, "Wren Valley Tiger Reserve")
    assert "Tiger Reserve Protection Fund" not in card.distractors
    assert all(d.endswith("Tiger Reserve") for d in card.distractors)


def test_a_term_in_lower_case_is_asked_without_its_initials(tmp_path):
    notes = LAUNCH.replace(
        "Its rover travelled",
        "The lander measured the outgoing longwave radiation (OLR) of the surface. "
        "Its rover travelled",
    )
    cards, _ = _drafted(tmp_path, notes)
    asked = _asking(cards, "outgoing longwave radiation")
    assert asked
    assert all("(OLR)" not in card.text for card in asked)


PROVISIONS = """\
The Kordish Wild Life Act

Law notes: protected areas

Sanctuaries are declared under Section 18 of the Kordish Wild Life Act, 2031, and parks \
under Section 35. Tiger reserves are notified under Section 38V of the same Act.
"""


def test_the_word_section_shown_elsewhere_is_no_cue_to_a_sections_number(tmp_path):
    """'notified under {{Section 38V}} of the same Act' after 'Section 18': which section is
    the question, and the word "Section" does not tell it."""
    cards, warnings = _drafted(tmp_path, PROVISIONS)
    asking = _asking(cards, "Section 38V")
    assert asking
    assert asking[0].id not in warnings


VICEROYS = """The last viceroys of Velmar

History notes: the transfer of power

Lord Velmore Korrin was sworn in as Viceroy on 24 March 2031. He replaced Lord Kestrel. \
The plan for the transfer of power was announced on 3 June 2031.
"""


def test_lord_shown_elsewhere_is_no_cue_to_which_lord(tmp_path):
    """'He replaced {{Lord Kestrel}}' after 'Lord Velmore Korrin': the title that goes with
    both names tells nothing of which."""
    cards, warnings = _drafted(tmp_path, VICEROYS)
    asking = _asking(cards, "Lord Kestrel")
    assert asking
    assert asking[0].id not in warnings
