"""The ninth round: a fitted examiner orders the drafts, and general forms of a fact the
drafter never considered are found (case names, shares and measures in words, a pronoun
whose antecedent is too long to quote)."""

from quizapp.authoring.drafter import NO_EXAMINER, draft_cards
from quizapp.authoring.examiner import Examiner, Place, features, fitted
from quizapp.authoring.terms import Vocabulary, find_terms
from tests.authoring.drafting import answers, asked, drafted, found

NOTES = """\
The Harbour Authority Act

Polity notes

The Harbour Authority Act, 2031 set up a board for the ports of the western coast.
In 2032 Mira Solanki became the first woman to chair the board.
The board has nine members, and at least two-thirds of them must be present to vote.
Boats may not anchor where the water is less than six metres deep.
In Arun Desai v. Principal Secretary, Governor of Coastland, decided in 2033, the High Court \
upheld the Act.
In Lena Roy v. Union of Coastland (2034), the High Court said the board must publish its minutes.
The port of Veraval handles most of the fish landed on the coast.
The board met in Veraval in 2035 and again in Okha in 2036.
"""


def test_a_case_is_named_by_its_parties_without_the_word_before_it():
    terms = found("In Lena Roy v. Union of Coastland (2034), the High Court said so.")
    assert "Lena Roy v. Union of Coastland" in terms
    assert not any(name.startswith("In ") for name in terms)
    # a party's office after a comma belongs to the case name
    sentence = (
        "In Arun Desai v. Principal Secretary, Governor of Coastland, decided in 2033, it ruled."
    )
    assert "Arun Desai v. Principal Secretary, Governor of Coastland" in found(sentence)


def test_a_share_or_a_measure_in_words_is_a_fact():
    assert "two-thirds" in found("At least two-thirds of them must be present to vote.")
    assert "six metres" in found(
        "Boats may not anchor where the water is less than six metres deep."
    )
    assert "one-third" in found("One-third of the seats are reserved for women.") or (
        "One-third" in found("One-third of the seats are reserved for women.")
    )


def test_a_label_s_number_is_no_count():
    terms = found("Criterion 5 covers a wetland that regularly supports 20,000 or more waterbirds.")
    assert "5" not in terms and "20,000" in terms
    # a sentence opening with a word of degree still counts ("Over 300 schemes ...")
    assert "300" in found("Over 300 schemes were merged into the new fund.")


def test_the_cases_and_measures_of_a_document_are_asked():
    drafts = answers(NOTES)
    assert ["Arun Desai v. Principal Secretary, Governor of Coastland"] in drafts
    assert ["Lena Roy v. Union of Coastland"] in drafts
    assert ["two-thirds"] in drafts or ["nine"] in drafts
    assert ["six metres"] in drafts


def test_a_pronoun_after_a_long_sentence_keeps_that_sentence_s_subject_in_its_prompt():
    notes = (
        "A wetland register\n\nEnvironment notes\n\n"
        "The Montreal Wetland Register is a list of sites whose ecological character has "
        "changed, is changing or is likely to change through drainage, pollution, the spread "
        "of invasive weeds, or the building of dams upstream of the wetland itself. "
        "It was set up at a conference at Montreux in 1990 and rests on Article 3.2 of the "
        "Convention, under which a party must report such changes to the secretariat.\n"
    )
    cards = [c for c in drafted(notes) if "rests on" in c.source.quote]
    assert cards, "the sentence opening with It is asked"
    for card in cards:
        prompt = card.text if card.kind == "cloze" else card.question
        # The quote keeps both sentences whole; the prompt names what "It" is.
        assert card.source.quote.startswith("The Montreal Wetland Register is a list")
        assert "The Montreal Wetland Register \u2026 It was set up" in prompt
        assert len(prompt) <= 250
    assert ["Article 3.2"] in [asked(c) for c in cards] or ["1990"] in [asked(c) for c in cards]


def test_the_fitted_examiner_ships_with_the_package_and_orders_the_drafts():
    examiner = fitted()
    assert examiner.weights and examiner.base == "rules"
    # The same cards either way: the examiner orders them and judges a sentence's second
    # card, it does not find them.
    with_it = draft_cards(NOTES, "doc")
    scores = [c.score for c in with_it]
    assert scores == sorted(scores, reverse=True)
    # The first woman to chair the board is asked, and near the top.
    first = [asked(c.card) for c in with_it].index(["Mira Solanki"])
    assert first < len(with_it) / 3


def test_the_examiner_s_correction_follows_its_weights_and_is_bounded():
    sentence = "In 2032 Mira Solanki became the first woman to chair the board."
    (term,) = [t for t in find_terms(sentence, Vocabulary.of([sentence])) if t.kind == "person"]
    place = Place(sentence, term, 4.0, 1, 10, True, False, 1, 0, (term,), 0.2)
    values = features(place)
    assert values["sentence_record"] == 1.0 and values["subject"] == 1.0
    assert values["kind=person"] == 1.0 and values["named_before"] == 0.0
    means = dict.fromkeys(values, 0.0)
    assert Examiner({"sentence_record": 0.2}, means).score(place) == 4.2
    assert Examiner({"sentence_record": -0.2}, means).score(place) == 3.8
    # however strong a weight, a term moves half a point at most
    assert Examiner({"sentence_record": 9.0}, means).score(place) == 4.5
    assert NO_EXAMINER.score(place) == 4.0


def test_a_head_of_government_long_ago_is_a_fact_today_s_is_known_to_all():
    notes = (
        "The Harbour Act\n\nPolity notes\n\n"
        "The Harbour Act was passed in 2001, in the tenure of Prime Minister Ravi Sharma. "
        "It set up a board for the western ports. "
        "On 4 May 2031, Prime Minister Anil Mehta opened the new port at Okha. "
        "The port cost Rs 900 crore and handles 12 million tonnes a year.\n"
    )
    drafts = answers(notes)
    # The Prime Minister of 2001 is what the sentence asks, before its year.
    assert drafts.index(["Ravi Sharma"]) < drafts.index(["2001"])


def test_a_share_of_a_count_named_at_the_opening_is_asked():
    terms = found("Of the ten, the Board approved one and turned down seven; two were left over.")
    assert terms["seven"][0] == "number"


def test_no_document_gets_more_than_five_cards_per_hundred_words():
    bodies = ["Board", "Trust", "Council", "Office", "Agency"]
    names = ["Arden", "Bexley", "Corwin", "Dunmore", "Elgin", "Farrow", "Galton", "Hadley"]
    places = ["Okha", "Veraval", "Porbandar", "Mandvi", "Dahej", "Hazira", "Surat", "Diu"]
    lines = ["Port notes", "", "Notes on the ports"]
    for i in range(60):
        lines.append(
            f"In {1901 + i} the {names[i % 8]} {bodies[i % 5]} opened a dock at "
            f"{places[(i * 5) % 8]} with {100 + 7 * i} cranes."
        )
    text = "\n".join(lines) + "\n"
    # Padded to a length where 4.95 cards per 100 words, rounded, would be one card too many.
    words = len(text.split())
    size = next(n for n in range(words, words + 400) if round(n * 4.95 / 100) > n * 5 // 100)
    text += "notes " * (size - words) + "\n"
    cards = draft_cards(text, "doc")
    assert len(cards) == size * 5 // 100  # as many as the budget allows, and no more
