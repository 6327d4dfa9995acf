"""`quizapp draft` on notes it was not tuned on: what an examiner would ask, and nothing else."""

import re

from quizapp.authoring.drafter import draft_cards
from quizapp.authoring.sentences import split_sentences
from quizapp.deck.model import CLOZE_PATTERN
from quizapp.deck.rules.drafts import MAX_PROMPT, blank_flaws, event_without_date

JUDGMENT = """\
Supreme Court on sub-classification

The case in brief

On 1 August 2024, a seven-judge Bench delivered its judgment in State of Punjab v. Davinder Singh. \
The Bench was led by Chief Justice D.Y. Chandrachud. The Court answered yes, by a 6:1 majority.
Justice Bela M. Trivedi dissented.
The majority overruled E.V. Chinnaiah.
Justice Trivedi held that the Presidential list is final. She said Chinnaiah was correctly decided.
She wrote a long opinion.
Telangana was the first State to act on the judgment.
"""

SUMMIT = """\
COP29 in Baku

The summit was held in Baku, Azerbaijan, from 11 to 22 November 2024. \
European Commission President Ursula von der Leyen did not attend. \
EU Trade Commissioner Maroš Šefčovič met Commerce Minister Piyush Goyal. \
Warming was likely to pass 1.5°C. According to the WMO, 2024 was the warmest year.
Article 6.2 covers trading of credits between countries. \
Article 6.4 sets up a central UN mechanism. Its Article 2.1(c) calls for finance flows.
UNFCCC Executive Secretary Simon Stiell called the result an insurance policy.
Developed countries will mobilise $300 billion a year by 2035, against $1.3 trillion sought.
"""

TIMELINE = """\
Dates and sequence

COP28 was held in Dubai in 2023. COP29 followed in Baku in 2024. \
Parties must submit new national plans, called NDC 3.0, with targets for 2035, by February 2025. \
Australia has bid to host COP31 in 2026. India has offered to host COP33 in 2028.
"""


def cards_of(text):
    return [c.card for c in draft_cards(text, "doc")]


def answers(cards):
    out = []
    for card in cards:
        if card.kind == "cloze":
            out += [answer for answer, _ in card.deletions]
        elif card.kind in ("year", "mcq", "basic"):
            out.append(str(card.answer))
    return out


def test_sentences_split_at_units_but_not_at_initials_decimals_or_abbreviations():
    text = (
        "Chief Justice D.Y. Chandrachud led it. Justice Bela M. Trivedi dissented. "
        "Warming was likely to pass 1.5°C. According to Dr. Rao, Article 6.2 applies. "
        "Sea level rose 4.7 mm. In State of Punjab v. Davinder Singh the Court ruled."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Chief Justice D.Y. Chandrachud led it.",
        "Justice Bela M. Trivedi dissented.",
        "Warming was likely to pass 1.5°C.",
        "According to Dr. Rao, Article 6.2 applies.",
        "Sea level rose 4.7 mm.",
        "In State of Punjab v. Davinder Singh the Court ruled.",
    ]


def test_names_with_initials_particles_and_diacritics_are_asked_whole():
    found = answers(cards_of(JUDGMENT) + cards_of(SUMMIT))
    for name in (
        "D.Y. Chandrachud",
        "Bela M. Trivedi",
        "E.V. Chinnaiah",
        "Maroš Šefčovič",
        "Ursula von der Leyen",
        "Simon Stiell",
    ):
        assert name in found, name
    # Never a fragment of a name, never a title glued to one.
    for answer in found:
        assert not re.search(r"\b(?:President|Commissioner|Justice|Minister)\b", answer), answer
    assert not {"Ursula", "Šefčovič", "Chandrachud", "Trivedi", "Chinnaiah"} & set(found)


def test_short_sentences_ratios_places_articles_and_figures_are_asked():
    judgment, summit = answers(cards_of(JUDGMENT)), answers(cards_of(SUMMIT))
    assert {"6:1", "2024", "Telangana"} <= set(judgment)
    assert {"Baku", "Article 6.2", "Article 6.4", "Article 2.1(c)", "1.5°C"} <= set(summit)
    assert {"$300 billion", "$1.3 trillion"} & set(summit)
    assert "11" not in summit and "22" not in summit  # days of a date are never blanked


def test_at_most_two_cards_per_sentence_and_never_a_heading():
    for text in (JUDGMENT, SUMMIT, TIMELINE):
        cards = [c for c in cards_of(text) if c.kind != "ordering"]
        per_quote: dict[str, int] = {}
        for card in cards:
            per_quote[card.source.quote] = per_quote.get(card.source.quote, 0) + 1
            assert card.source.quote[-1] in ".!?\"'", card.source.quote
        assert max(per_quote.values()) <= 2
        headings = {line for line in text.splitlines() if line and line[-1] not in ".!?"}
        assert not headings & {card.source.quote for card in cards}


def test_a_pronoun_led_sentence_is_quoted_with_what_it_refers_to():
    cards = cards_of(JUDGMENT + SUMMIT)
    for card in cards:
        first = card.source.quote.split()[0]
        assert first not in ("She", "He", "It", "Its", "They", "This"), card.source.quote
    article = next(c for c in cards if c.kind == "cloze" and c.answer == "Article 2.1(c)")
    assert article.text == (
        "Article 6.4 sets up a central UN mechanism. "
        "Its {{Article 2.1(c)}} calls for finance flows."
    )
    # "She wrote a long opinion." opens its paragraph: no antecedent, so no card.
    assert not any("She wrote" in c.source.quote for c in cards)


def test_people_and_places_become_questions_with_wrong_options_from_the_document():
    text = (
        "Justice Bela M. Trivedi dissented. Justice Manoj Misra concurred. "
        "Justice Vikram Nath wrote separately. Justice Pankaj Mithal agreed. "
        "Finance Minister Nirmala Sitharaman tabled the Survey.\n"
    )
    cards = cards_of(text)
    mcqs = [c for c in cards if c.kind == "mcq"]
    assert len(mcqs) == 4
    judges = {"Bela M. Trivedi", "Manoj Misra", "Vikram Nath", "Pankaj Mithal"}
    for card in mcqs:
        assert card.question.startswith("Who fills the blank? ")
        assert "____" in card.question and card.answer not in card.question
        assert len(card.distractors) == 3 and set(card.distractors) <= judges - {card.answer}
    # A Finance Minister is asked too, but judges are no wrong options for her.
    (minister,) = [c for c in cards if "Nirmala Sitharaman" in getattr(c, "text", "")]
    assert minister.kind == "cloze" and minister.distractors == []


def test_ordering_cards_use_only_events_with_their_own_explicit_date():
    (ordering,) = [c for c in cards_of(TIMELINE) if c.kind == "ordering"]
    assert [e.date for e in ordering.events] == ["2023", "2024", "2026", "2028"]
    assert not any("NDC" in e.event for e in ordering.events)
    assert not any(event_without_date(e.event) for e in ordering.events)


def test_drafts_are_ranked_best_first_within_a_budget():
    candidates = draft_cards(JUDGMENT + SUMMIT + TIMELINE, "doc")
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    # The first card asks who did what; weaker asks come later or not at all.
    assert candidates[0].card.kind in ("mcq", "cloze")
    assert candidates[0].card.answer_type == "person"


def test_drafts_pass_the_checks_an_examiner_would_apply():
    for card in cards_of(JUDGMENT + SUMMIT + TIMELINE):
        if card.kind == "cloze":
            assert len(card.prompt) <= MAX_PROMPT
            for match in CLOZE_PATTERN.finditer(card.text):
                before = CLOZE_PATTERN.sub(r"\1", card.text[: match.start()])
                after = CLOZE_PATTERN.sub(r"\1", card.text[match.end() :])
                assert blank_flaws(before, match.group(1), after) == [], card.text
        elif card.kind == "mcq":
            assert len(card.question) <= MAX_PROMPT
