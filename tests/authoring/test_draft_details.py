"""What an examiner leaves out of the drafts (an employer, a home town, how long a debate ran,
the notes' own Prime Minister), and what a prompt must not show (a name's own initials)."""

from quizapp.authoring.drafter import draft_cards
from tests.authoring.drafting import found, prompts, rules_scores

HOUSE = """\
The River Boards Act, 2031

Polity notes: a parliamentary act

The River Boards Act, 2031 sets up a board for each inter-State river basin. \
The Bill was introduced in the Lok Sabha on 4 February 2031 by the Minister of Jal Shakti. \
The Lok Sabha debated the bill for about 14 hours. \
It was passed on 12 February 2031, with 301 members voting for it and 190 against. \
A committee of 21 members examined it first. \
Its chairperson was Kavita Rane, a Lok Sabha member from Sangrur. \
Prime Minister Arun Mehta released the first basin report at an event in Nashik. \
The National Water Informatics Centre (NWIC) in Pune keeps the basin data. \
Its data work is led by Meera Iyer, who works at the Tata Institute of Social Sciences. \
In 1956 Devraj of Madras became the first Rajya Sabha member to move a river bill. \
The Act replaces the River Boards Act, 1956, which set up no board in 75 years.
"""


def test_details_no_examiner_asks_are_left_out():
    asked = prompts(HOUSE)
    assert "14" not in asked  # how long a debate ran
    assert "Sangrur" not in asked  # a member's constituency
    assert "Tata Institute of Social Sciences" not in asked  # an employer
    assert "Arun Mehta" not in asked  # the notes' own Prime Minister
    # what the same sentences say that is worth learning is still asked
    assert "Kavita Rane" in asked
    assert "Nashik" in asked


def test_a_name_is_asked_without_the_initials_that_spell_it():
    asked = prompts(HOUSE)
    prompt = asked["National Water Informatics Centre"]
    assert "(NWIC)" not in prompt
    assert prompt.startswith("The {{National Water Informatics Centre}} in Pune")


def test_a_person_known_by_one_name_is_asked_as_a_person():
    """'Devraj of Madras became the first Rajya Sabha member ...': one name, a person."""
    (card,) = [
        c.card
        for c in draft_cards(HOUSE, "doc")
        if c.card.kind == "mcq" and c.card.answer == "Devraj"
    ]
    assert card.answer_type == "person"
    assert set(card.distractors) <= {"Kavita Rane", "Meera Iyer", "Arun Mehta"}


def test_a_name_a_record_is_told_of_is_asked():
    """'... lies Tern Island, the only breeding site of the grey petrel': the record's
    holder is the question, as in 'Tern Island has the most petrels'."""
    notes = HOUSE.replace(
        "The Act replaces",
        "On the river lies Tern Island, the only breeding site of the petrel. The Act replaces",
    )
    assert "Tern Island" in prompts(notes)


MEETINGS = """\
The Wetlands Convention, 2032

Environment notes: a convention

The Convention on Wetlands was signed at Ramsar in Iran in 1971. \
COP16 was held in July 2031, hosted by Kenya in Mombasa with a second venue in Nairobi. \
Its standing committee, chaired first by Amara Okafor and later by Lin Wei, reported in 2030. \
The Secretariat sits in Gland, Switzerland, beside other conservation bodies. \
India has 91 sites, the most in South Asia.
"""


def test_where_a_host_held_a_meeting_is_the_city():
    asked = prompts(MEETINGS)
    assert "Mombasa" in asked
    assert "Kenya" not in asked  # the host country is the setting; its city is the news


def test_two_people_in_succession_are_asked_together():
    """'chaired first by A and later by B': one card with both, as a pair of people is."""
    (card,) = [
        c.card
        for c in draft_cards(MEETINGS, "doc")
        if c.card.kind == "cloze" and "Lin Wei" in [a for a, _ in c.card.deletions]
    ]
    assert [a for a, _ in card.deletions] == ["Amara Okafor", "Lin Wei"]


SURVEY = """\
Economic Survey 2031-32

Economy notes: a survey

The Economic Survey 2031-32 was tabled in Parliament on 30 January 2032. \
It came a day before the Union Budget. \
Its theme is resilience. \
Unemployment fell to 4.1% in 2030-31, from 5.6% in 2027-28. \
The figures come from the Quarterly Labour Survey. \
Exports of services rose to $410 billion, led by software.
"""


def test_what_a_date_is_told_against_ranks_last():
    """'It came a day before the Union Budget': a point in time, not a fact to learn; it is
    the first card a reviewer's budget leaves out."""
    drafts = [c.card for c in draft_cards(SURVEY, "doc")]
    assert [a for a, _ in drafts[-1].deletions] == ["Union Budget"]


def test_the_figures_a_sentence_speaks_of_are_quoted_with_it():
    prompt = prompts(SURVEY)["Quarterly Labour Survey"]
    assert prompt.startswith("Unemployment fell to 4.1% in 2030-31")


REVOLT = """\
The Rising of 1901

History notes: a revolt

The rising began at Corvel on 3 March 1901. \
In the hills the leader was Tamas Orr, a landowner of Kell. He was nearly 80. \
The Assembly passed the amnesty on 20 June 1902. The Senate passed it a day later, on 21 June. \
The rising ended when its last fort at Darrow fell in April 1902.
"""


def test_an_age_and_a_date_told_by_the_day_before_are_left_for_last():
    asked = []
    for candidate in draft_cards(REVOLT, "doc"):
        card = candidate.card
        if card.kind == "cloze":
            asked.append(card.deletions[0][0])
        elif card.kind in ("year", "mcq"):
            asked.append(str(card.answer))
    assert "80" not in asked[: len(asked) // 2]
    assert "21 June" not in asked[: len(asked) // 2]
    assert "Tamas Orr" in asked


DEADLINES = """\
The Assent Judgment, 2031

Polity notes: a judgment

The Supreme Court set time limits for the Governor on 8 April 2031. \
Where the Governor withholds assent against advice, he must return the Bill within three \
months. \
Where the Governor reserves a Bill against advice, he must do so within three months. \
The President must decide on a reserved Bill within three months. \
A Bill passed again must be assented to within one month.
"""


def test_one_span_may_answer_three_deadlines():
    """Three rules of one judgment, each with its own deadline of three months: three cards."""
    asked = [
        c.card
        for c in draft_cards(DEADLINES, "doc")
        if c.card.kind == "cloze" and c.card.deletions[0][0] == "three months"
    ]
    assert len(asked) == 3


def test_what_a_body_grew_out_of_is_asked():
    notes = HOUSE.replace(
        "The Act replaces",
        "The boards grew out of the Basin Planning Group, formed after the floods of 2019. "
        "The Act replaces",
    )
    assert "Basin Planning Group" in prompts(notes)


SPACE = """\
The Kestrel-2 Mission

Space notes: a crewed flight

The Kestrel-2 crew lifted off on 3 May 2031 from the Coastal Launch Centre. \
It docked with the Tern module of the station on 4 May 2031, about 26 hours after launch. \
In the Budget of 1 February 2031, Finance Minister Asha Verma said that the programme \
would get ₹4,200 crore over five years. \
The crew carried out 52 experiments from 19 countries. \
The capsule splashed down in the Bay of Bengal on 20 May 2031.
"""


def space_notes(sentence: str) -> str:
    """The space notes with ``sentence`` told just before the crew's experiments."""
    return SPACE.replace("The crew carried out", f"{sentence} The crew carried out")


def test_a_named_part_of_a_craft_is_asked():
    assert "Tern" in prompts(SPACE)


def test_what_was_said_outranks_who_said_it():
    """'Finance Minister Asha Verma said that the programme would get ₹4,200 crore': the sum
    is the news; the minister who announced it is the second question of the sentence."""
    asked = [c.card for c in draft_cards(SPACE, "doc")]
    order = []
    for card in asked:
        if card.kind == "cloze":
            order.append(card.deletions[0][0])
        elif card.kind in ("year", "mcq"):
            order.append(str(card.answer))
    assert "₹4,200 crore" in order
    assert "Asha Verma" not in order or order.index("₹4,200 crore") < order.index("Asha Verma")


def test_a_place_named_with_of_is_asked_whole():
    asked = prompts(SPACE)
    assert "Bay of Bengal" in asked
    assert "Bay" not in asked


def test_the_cabinet_that_approves_a_named_scheme_is_no_question():
    notes = space_notes(
        "The Union Cabinet approved Mission Tern on 9 June 2030, with an outlay of ₹900 crore."
    )
    asked = prompts(notes)
    assert "Mission Tern" in asked
    assert "Union Cabinet" not in asked
    # nor when what it approved is "it": when and at what cost are the news
    notes = space_notes("The Union Cabinet approved it on 9 June 2030 at a cost of Rs 4,210 crore.")
    asked = prompts(notes)
    assert "Rs 4,210 crore" in asked
    assert "Union Cabinet" not in asked


def test_the_union_budget_is_no_question_what_it_gave_is():
    notes = space_notes("The Union Budget allocated Rs 4,210 crore for 2030-31.")
    asked = prompts(notes)
    assert "Rs 4,210 crore" in asked
    assert "Union Budget" not in asked


def test_a_figure_s_margin_of_error_is_not_asked_before_the_figure():
    notes = space_notes(
        "The normal date of the Korda rains is 9 June, with a margin of about eleven days."
    )
    scores = rules_scores(notes)
    assert scores["9 June"] > scores["eleven days"]


def test_the_year_a_body_given_with_its_initials_was_founded_is_its_question():
    """'The India Meteorological Department (IMD), founded in 1875, works ...': spelt out and
    given its initials, the body is common knowledge; the aside's year is the fact."""

    def year_and_body(name: str) -> tuple[float, float]:
        notes = space_notes(
            f"The Velan Weather Department{name}, founded in 1861, works under the Ministry "
            "of Korda Sciences. The VWD declares the onset of the rains. The VWD also issues "
            "forecasts for the crew."
        )
        scores = rules_scores(notes)
        return scores["1861"], scores["Velan Weather Department"]

    year, body = year_and_body(" (VWD)")
    assert year > body
    assert year > year_and_body("")[0]


def test_when_a_sanctuary_was_notified_or_a_treaty_signed_is_asked_not_which():
    notes = space_notes("Korvan Wildlife Sanctuary was notified in 1977.")
    scores = rules_scores(notes)
    assert scores["1977"] > scores["Korvan Wildlife Sanctuary"]
    assert "1977" in prompts(notes)
    notes = space_notes("The Treaty of Velmar was signed in April 1769.")
    asked = prompts(notes)
    assert "1769" in asked
    assert "Treaty of Velmar" not in asked
    # nor when its initials come between
    notes = space_notes("The Velan Polio Initiative (VPI) was launched in 1988.")
    asked = prompts(notes)
    assert "1988" in asked
    assert "Velan Polio Initiative" not in asked
    # or declared a site of some body's list: the place, named before, is far behind
    notes = space_notes(
        "The Sun Temple at Korvanad was built by Tarapala. Korvanad was declared a UNESCO "
        "World Heritage Site in 1984."
    )
    scores = rules_scores(notes)
    assert scores["1984"] - scores["Korvanad"] > 0.5


def test_the_pandemic_a_sentence_is_set_in_is_no_question():
    notes = space_notes(
        "During the COVID-19 pandemic, Velmar held the first online hearing in June 2030."
    )
    assert "COVID-19" not in prompts(notes)


def test_the_person_the_notes_are_about_is_no_question_by_their_full_name():
    """'Anizham Thirunal Marthanda Varma was born in 1705 at Attingal.' in notes titled
    "Travancore under Marthanda Varma": where he was born is asked, not who."""
    notes = (
        "Velan under Tarapala Dorvesh\n\nMedieval history notes: a southern kingdom\n\n"
        "Early life\n\nAnizham Thirunal Tarapala Dorvesh was born in 1705 at Korvanad. "
        "Tarapala Dorvesh took the throne in 1729. Tarapala Dorvesh defeated the Dutch at "
        "Kolachal in 1741. Tarapala Dorvesh built the Udayagiri fort. Tarapala Dorvesh gave "
        "the kingdom to the temple in 1750. Tarapala Dorvesh died in 1758.\n"
    )
    scores = rules_scores(notes)
    assert scores["Korvanad"] > scores["Anizham Thirunal Tarapala Dorvesh"]


def test_a_canal_a_channel_and_one_rupee_are_asked():
    assert (
        found("The Velmar Canal, dug in the nineteenth century, forms part of it.")["Velmar Canal"][
            0
        ]
        == "place"
    )
    channel = found("The Korvesh Channel separates the Tarun Isles from the Velmari Isles.")
    assert channel["Korvesh Channel"][0] == "place"
    assert "Re 1" in found("A token cut reduces the Velmar grant to Re 1 and signals disapproval.")


def test_a_body_labelled_by_its_year_is_weighed_above_the_year():
    """'The Rao Committee on river disputes (2009) proposed ...': the committee is the news,
    the year in brackets its label; a case's year in brackets is how it is cited, and asked."""
    notes = (
        "River boards\n\nPolity notes\n\n"
        "The Rao Committee on river disputes (2009) proposed one board for each basin. "
        "In Mehta v. Union of India (2012) the Court upheld the boards.\n"
    )
    score = rules_scores(notes)
    assert score["Rao Committee"] > score["2009"]
    assert score["2012"] > score["2009"]


def test_a_body_that_only_met_is_weighed_as_a_detail():
    """'The Kestrel Science Working Group met twice in 2030.': nothing about it to learn,
    unlike a group the sentence says was set up."""
    from quizapp.authoring.drafter import considered

    def weight(sentence: str) -> float:
        notes = space_notes(sentence)
        (score,) = [
            p.score
            for _, p in considered(notes)
            if p.term.answer == "Kestrel Science Working Group"
        ]
        return score

    met = weight("The Kestrel Science Working Group met twice in 2030.")
    assert met < weight("The Kestrel Science Working Group was set up to plan the flights.") - 0.5


def test_a_programme_named_before_scheme_weighs_as_one_named_abhiyan():
    """'The Jal Sanchay scheme' is a programme as much as 'the Jal Sanchay Abhiyan'."""
    from quizapp.authoring.drafter import considered

    def weight(name: str) -> float:
        notes = space_notes(f"The {name}, announced in the Budget, was launched on 5 June 2031.")
        (score,) = [p.score for _, p in considered(notes) if p.term.answer.startswith("Jal")]
        return score

    assert weight("Jal Sanchay scheme") >= weight("Jal Sanchay Abhiyan")


def test_a_sentence_saying_this_is_quoted_with_the_one_before():
    """'Critics say this weakens the Board': this, the sentence before says."""
    notes = (
        "River boards\n\nPolity notes\n\n"
        "The River Boards Act, 2031 lets the Centre name every member of the Boards. "
        "Critics say this weakens the Inter-State Council.\n"
    )
    asked = [p for p in prompts(notes).values() if "Critics say this weakens" in p]
    assert asked and all("lets the Centre name every member" in p for p in asked)


def test_one_of_the_people_a_sentence_counts_is_a_person():
    """'the terms of two of its members ended, among them Kenya's Amara Okafor'."""
    notes = MEETINGS.replace(
        "The Secretariat sits",
        "In 2031 the terms of two of its members ended, among them Kenya's Tomas Wekesa. "
        "The Secretariat sits",
    )
    people = {
        c.card.answer
        for c in draft_cards(notes, "doc")
        if c.card.kind == "mcq" and c.card.answer_type == "person"
    } | {
        a
        for c in draft_cards(notes, "doc")
        if c.card.kind == "cloze" and c.card.answer_type == "person"
        for a, _ in c.card.deletions
    }
    assert "Tomas Wekesa" in people


def test_a_body_named_of_the_its_members_is_one_name():
    """'The Conference of the Contracting Parties (COP)': never '{{Contracting Parties}}'."""
    notes = MEETINGS.replace(
        "The Secretariat sits",
        "The Conference of the Contracting Parties (COP) meets about every three years. "
        "The Secretariat sits",
    )
    asked = prompts(notes)
    assert "Contracting Parties" not in asked


def test_a_name_spelt_out_has_no_short_forms_among_its_wrong_options():
    """'CFA' or 'MLA' beside 'State Electricity Regulatory Commission' is no body to choose."""
    drafts = [
        c.card
        for c in draft_cards(HOUSE.replace("Kavita Rane, a", "Kavita Rane, an MLA and a"), "doc")
    ]
    options = [d for c in drafts if c.kind == "cloze" for d in c.distractors]
    assert options
    assert not [d for d in options if d.isupper()]


def test_an_entry_of_a_list_is_asked_whole():
    notes = (
        "Water and rivers\n\nPolity notes\n\n"
        "Water is a State subject under Entry 17 of the State List. "
        "Inter-State rivers fall under Entry 56 of the Union List.\n"
    )
    asked = prompts(notes)
    assert "Entry" not in asked
    assert {"Entry 17", "Entry 56"} <= set(asked)


RIVERS = """\
The Tern–Kestrel Link

Geography notes: a river link

The Tern rises on the western slopes of the Marwa hills in Madhya Pradesh. \
The heart of the project is the Sonal dam on the Tern, about 70 m high and 2,000 m long. \
Orbis Water, with Delta Engineering of Norway as its technology partner and the State \
irrigation department as its client, will build the pumping station at Rewa on the right \
bank of the Tern at a cost of ₹9,100 crore, to be finished by 2031 after two seasons. \
Its planned capacity is 40,000 litres a second through four pumps.
"""


def test_a_place_named_with_its_common_noun_is_asked_whole():
    asked = prompts(RIVERS)
    assert "Marwa hills" in asked
    assert "Sonal dam" in asked
    assert "Marwa" not in asked and "Sonal" not in asked


def test_a_sentence_on_its_is_asked_with_the_subject_of_a_long_sentence_before():
    """'Its planned capacity is 40,000 litres a second': 'Its' is Orbis Water's, named in a
    sentence too long to quote whole, so its subject stands for it."""
    prompt = prompts(RIVERS)["40,000 litres"]
    assert prompt.startswith("Orbis Water \u2026 Its planned capacity is {{40,000 litres}}")


LANGUAGES = """\
Classical Languages, 2031

Culture notes: a status

The first test for the status was raised to 1,500–2,000 years of recorded history. \
In 2031 the Cabinet raised the number of classical languages from nine to twelve. \
The status brings three major national awards each year for scholars of the language.
"""


def test_a_span_of_time_between_two_figures_is_one_answer():
    assert "1,500–2,000 years" in prompts(LANGUAGES)


def test_counts_in_words_are_asked():
    """'from nine to {{twelve}}': the new count; 'three major national awards each year'."""
    asked = prompts(LANGUAGES)
    assert "twelve" in asked and "nine" not in asked
    assert "three" in asked


def test_what_a_short_form_stands_for_and_a_numbered_report_are_asked():
    notes = (
        "Chips\n\nEconomy notes\n\n"
        "The scheme covers sensors and OSAT units, where OSAT means outsourced semiconductor "
        "assembly and test. The Law Commission, in its 170th Report of 1999, called for one "
        "election.\n"
    )
    asked = prompts(notes)
    assert "outsourced semiconductor assembly and test" in asked
    assert "170th Report" in asked and "170th" not in asked


def test_a_temple_is_asked_with_its_common_noun_and_a_river_by_its_name():
    """'The {{Hazara temple}}', but 'south of the {{Kaveri}} river': a river is named alone."""
    notes = (
        "An empire\n\nHistory notes\n\n"
        "The empire ruled the land south of the Kaveri river for two centuries. "
        "The Hazara temple is known for its carved panels.\n"
    )
    asked = prompts(notes)
    assert "Kaveri" in asked and "Kaveri river" not in asked
    assert asked["Kaveri"].startswith("The empire ruled the land south of the {{Kaveri}} river")
    assert "Hazara temple" in asked and "Hazara" not in asked


EMPIRE = """\
The Tern Empire

History notes: a medieval kingdom

In 1402 Arun Deva, a powerful general, seized the throne and founded the Deva dynasty. \
In 1430 he won the Battle of Kolar against Yusuf Adil Khan of Golconda. \
Some twenty years earlier, the Italian traveller Niccolò de' Conti had described the city. \
That campaign is told in the Sanskrit poem Tern Vijayam, written by Arun's wife Kamaladevi. \
He wrote Ratnavali, a Telugu poem on the life of a saint. \
His brother Hari Deva Raya founded the next dynasty and moved the capital to Penukonda.
"""


def test_the_people_and_works_history_notes_name_once_are_asked():
    people = {
        c.card.answer if c.card.kind == "mcq" else c.card.deletions[0][0]
        for c in draft_cards(EMPIRE, "doc")
        if getattr(c.card, "answer_type", None) == "person"
    }
    assert {"Yusuf Adil Khan", "Niccolò de' Conti", "Kamaladevi", "Hari Deva Raya"} <= people
    asked = prompts(EMPIRE)
    assert "Ratnavali" in asked
    assert not {"Battle", "Niccolò", "Conti", "Sanskrit"} & set(asked)


SOCIETIES = """\
Rooftop Solar, 2031

Energy notes: a scheme

Households get Rs 30,000 for a 1 kW system. \
The scheme also pays resident welfare associations (RWAs) for common facilities.
"""


def test_a_name_is_asked_without_its_initials_in_the_plural():
    prompt = prompts(SOCIETIES)["resident welfare associations"]
    assert "(RWAs)" not in prompt
    assert "pays {{resident welfare associations}} for common facilities" in prompt


KINGS_OF_VELAN = """The Velan kings

History notes: the rulers of Velan and their court

Early rulers

King Arun Devaraya founded the Velan kingdom at Kolvan in 1120. King Bhima Sarvesh moved the \
court to Dorvel in 1148. King Chandra Mallesh built the great tank at Dorvel in 1163. King \
Dhruva Kantesh lost the northern forts to the sultans in 1190.

Later rulers

King Eshan Varadesh wrote the Velan chronicle in Telugu in 1214. King Firoz Balvesh led the \
navy to Lanka in 1232. King Gopal Harshesh signed the peace of Mandor in 1251. King Hari \
Navesh gave the temple its gold roof in 1270.
"""


def test_wrong_options_are_the_people_named_nearest_the_answer_not_the_same_three():
    """Eight kings asked in turn: a learner who met the first three kings as wrong options on
    every card would soon rule them out unread."""
    options = {
        c.card.answer: c.card.distractors
        for c in draft_cards(KINGS_OF_VELAN, "doc")
        if c.card.kind == "mcq"
    }
    assert len(options) >= 6
    assert len({frozenset(d) for d in options.values()}) >= 5
    last = options["Hari Navesh"]  # "King ____ gave the temple ...": the title is a cue
    assert {"Gopal Harshesh", "Firoz Balvesh"} <= set(last)
    assert "Arun Devaraya" not in last


BENCH = """The Velan reservation judgment

Polity notes: a Constitution Bench on sub-classification

The Bench

A seven-judge Bench led by Chief Justice D.K. Varesh ruled on 1 August 2031. Justice Velan M. \
Trivesh dissented. Justice A.R. Kolvesh wrote a separate opinion on the creamy layer. Justice \
Manoj Dorvesh agreed with the Chief Justice. Justice P.K. Sarvesh also agreed.

The dissent

Justice Trivesh held that the States cannot divide the list. She said the list is one class. \
Justice Kolvesh disagreed with her in 2031. Justice Harish Balvesh wrote the lead opinion for \
three judges.
"""


def test_a_person_named_by_surname_is_offered_by_their_full_name():
    """'Justice Velan M. Trivesh dissented ... Justice Trivesh held ...': never "Trivesh" alone
    among full names, which a learner rules out by its shape."""
    options = [
        d for c in draft_cards(BENCH, "doc") if c.card.kind == "mcq" for d in c.card.distractors
    ]
    assert "Velan M. Trivesh" in options
    assert not {"Trivesh", "Kolvesh"} & set(options)


def test_what_holds_a_record_after_an_aside_on_where_it_is_counts_for_more():
    """'Velamudi, at 2,695 m in the Velan National Park, Kolvan, is the highest peak ...':
    the peak is the question, not its height or its park."""
    notes = (
        "The Velan Ghats\n\nGeography notes\n\nPeaks\n\n"
        "Velamudi, at 2,695 m in the Velan National Park of Arlen district, Kolvan, is the "
        "highest peak in Velania south of the Great Range.\n"
    )
    scores = rules_scores(notes)
    assert scores["Velamudi"] > max(scores["2,695 m"], scores["Velan National Park"])


def test_no_wrong_option_is_a_person_the_question_names():
    """'Varesh, Kolvesh and Dorvesh formed the majority, while Justice ____ led the minority':
    "A.R. Kolvesh" among the options is ruled out by reading the question."""
    notes = (
        BENCH + "\nThe minority\n\nVaresh, Kolvesh and Dorvesh formed the majority in 2031, while "
        "Justice Tarun Velesh led the minority.\n"
    )
    (card,) = [
        c.card
        for c in draft_cards(notes, "doc")
        if c.card.kind == "mcq" and c.card.answer == "Tarun Velesh"
    ]
    assert len(card.distractors) == 3
    assert not {"D.K. Varesh", "A.R. Kolvesh", "Manoj Dorvesh"} & set(card.distractors)


VEL_TRIBES = """The Kordan hills

Notes on the hills and their people

The hills are home to the Velmar Forest Dwelling Groups (VFDGs), who gather honey and \
resin. Since the reform, VFDGs may sell forest produce without a licence. The Vel people \
were counted at 4,120 in 2031.
"""


def test_initials_spelt_out_before_are_not_asked_again_alone():
    """ "{{VFDGs}} may sell forest produce": the initials were asked where they were spelt
    out, by the name they stand for."""
    cards = [c.card for c in draft_cards(VEL_TRIBES, "doc")]
    assert any("{{Velmar Forest Dwelling Groups}}" in getattr(c, "text", "") for c in cards)
    assert not any("{{VFDGs}}" in getattr(c, "text", "") for c in cards)


FALLS = """The Korvan falls

Notes on the falls of the Korvan

Velka Falls drops about 399 m in two tiers on the Korvan. It is often listed among the \
highest waterfalls in Peru. Dorvel Falls, the other famous fall, was first mapped in 1931 by \
Tavel Korrin. The Korvan reaches the sea at Marrapur after 412 km.
"""


def test_the_country_a_record_is_counted_in_is_asked_last():
    """ "among the highest waterfalls in {{Peru}}": where a record is counted, not who holds
    it, is asked last, only where the draft has room."""
    asked = [a for c in draft_cards(FALLS, "doc") for a, _ in getattr(c.card, "deletions", [])]
    assert "Velka Falls" in asked
    assert asked[-1] == "Peru"


DRIVE = """The Velmar drive

Notes on a health campaign

The Velmar drive began in 2031 under the Kordish health ministry. Some 24 lakh workers \
took part in each round. The slogan was "Kordo Velan Ki". The singer Tavel Korrin became the \
face of the drive.
"""


def test_a_slogan_told_after_its_campaign_is_asked_with_it():
    """ "The slogan was {{Kordo Velan Ki}}": the slogan of the drive the sentence before
    told, shown with it."""
    asking = [
        c.card
        for c in draft_cards(DRIVE, "doc")
        if "Kordo Velan Ki" in [a for a, _ in getattr(c.card, "deletions", [])]
    ]
    assert asking
    assert asking[0].source.quote.startswith("Some 24 lakh workers")


SKULL = """The Velpur skull

Notes on a find in the Korvan valley

In 2031 Tavel Korrin of the Kordish Geological Survey (KGS) found a fossil skull at Velpur on \
the bank of the Korvan. The skull is about 250,000 years old. It is kept at Kordabad.
"""


def test_who_found_something_is_asked_before_the_body_they_were_of():
    """ "{{Tavel Korrin}} of the Kordish Geological Survey found ...": who found it is the
    question; where they worked is said in passing."""
    asked = [a for c in draft_cards(SKULL, "doc") for a, _ in getattr(c.card, "deletions", [])]
    assert "Tavel Korrin" in asked
    body = "Kordish Geological Survey"
    assert body not in asked or asked.index("Tavel Korrin") < asked.index(body)


DOCKING = """The Velmar docking test

Space notes: two small satellites

The Velmar Space Agency launched two satellites of about 220 kg on 30 December 2031. KX01 \
was called the Korrin. KX02 was called the Velsa. They docked on 16 January 2032 at a \
height of 475 km.
"""


def test_the_name_a_named_thing_was_given_is_asked_in_a_short_sentence():
    """ "KX01 was called the {{Korrin}}.": short, but the thing named is there to recall the
    name by."""
    asked = [a for c in draft_cards(DOCKING, "doc") for a, _ in getattr(c.card, "deletions", [])]
    assert "Korrin" in asked
    assert "Velsa" in asked
