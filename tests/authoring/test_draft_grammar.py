"""A pronoun's antecedent found by the sentence's grammar, not by its phrasing: the subject a
long sentence opens with stands for it in the prompt, whatever follows the subject; an object
the pronoun may mean instead stops that."""

from quizapp.authoring.drafter import draft_cards
from tests.authoring.drafting import found, prompts

KINGS = """\
The Kingdom of Varunagiri

Medieval history notes: the Varunagiri kings

The early kings

Tarapala II, who ruled from 911 to 962 after a long war of succession among his cousins, \
took Kolvanur from the Hemadri chiefs, rebuilt its river walls and assumed the title \
Kolvanurkonda in an inscription that his court poets copied across the whole kingdom. \
His advance was halted at the Battle of Serapatti in 949, where the Amalaka king Dhruvasena \
defeated the Varunagiri army and the crown prince Nandivarma was killed in the field.
"""

QUAKE = """\
The Serapatti Earthquake

Geography notes: a great earthquake

The earthquake

On 14 March 2031 an earthquake of magnitude 8.7 struck off the south coast of the island \
of Velanka, just before six in the morning local time, and was felt along the whole coast \
of the mainland and on the islands far to the east. \
It ruptured about 940 kilometres of the boundary where the Velanka plate slides beneath \
the Marun plate.
"""

MINISTRY = """\
The Joint Polls Committee

Polity notes: a committee

The committee

On 2 September 2031 the Ministry of Electoral Affairs set up a High-Level Committee on \
joint polls, chaired by the former President Devika Rao, to examine whether elections to \
the Lok Sabha and the State Assemblies could be held together. \
Its members were Arvind Sethi, Kamala Iyer, Nirmal Basu and Prem Chand.
"""
# The same, told of the committee: now "Its" is the subject's.
COMMITTEE = MINISTRY.replace(
    "the Ministry of Electoral Affairs set up a High-Level Committee on joint polls,",
    "a High-Level Committee on joint polls was set up by the Ministry of Electoral Affairs,",
)


KING = """\
The Kingdom of Varunagiri

Medieval history notes: the greatest king

Devaraya Varma came to the throne in 1509, after his half-brother died without a son, and \
ruled for twenty years from the fortified city of Kalyanagiri on the river Sarayu. \
In 1520 he won the Battle of Tamrapur against Ismail Rao of Devagiri.

In 1522 he built the Hazara temple at Kalyanagiri for the royal household.
"""

GOVERNOR = """\
The Governor's Assent

Polity notes: a judgment

The Court read time limits into the Governor's power over State Bills. \
Where the Governor withholds assent on the advice of the Council of Ministers, he must do \
so within one month.
"""


EDICTS = """\
The Edicts of Devaraya

Ancient history notes: the king's edicts

Rock Edict IV speaks of care for the sick and for animals, even in the lands beyond the \
southern border, where the king had wells dug, trees planted and rest houses built along \
the roads. \
In the tenth year of his reign he created a new class of officers, the nyaya mahamattas. \
He also gave caves in the Varuna hills near Kosam to the Ajivikas.
"""


VISIT = """\
The Two Kingdoms

International relations notes: a visit

Mr. Veran's election as Chancellor of Ostrava in 2031, however, turned the tide in favour of \
the northern kingdom after a decade of cold relations. \
After his election, he visited Kelmar in July 2031 to meet Queen Aldis, and the two issued \
a joint statement on the river treaty and its fishing rights.
"""

# "He" three sentences on from the king who opens the first, every sentence between about him.
CHAIN = """\
The Kingdom of Varunagiri

Medieval history notes: the Tavela line

The Tavela king Hariraya Deva ruled from 1409 to 1429 and is remembered as the greatest \
ruler of the kingdom and the patron of its poets. \
He defeated the Kantara king Ambadas of Vennur and captured the hill fort of Mallagiri in \
1414. \
In 1420 he won the Battle of Saranpur against Yusuf Quli Shah of Dhanpur.
"""

# "these" sends the reader further back than the person "He" is.
MARCH = """\
The Cotton March

Modern history notes: a campaign

The first Freedom Day was observed on 26 January 2030 in every district and princely state \
of the western province. \
Kulkarni put nine demands before Governor Halden in a long open letter, and when \
these were ignored he chose cotton as the issue. \
He set out from Kelmar on 12 March 2030 with 64 followers and walked about 190 miles to \
Sandur on the western coast.
"""

# A paragraph opening with a comparison ("the largest" of the paragraph before) and naming its
# subject, which the next sentence's "It" is.
PAYLOADS = """\
The Velan Solar Mission

Science notes: a solar observatory

The craft carries five instruments. Three look at the star directly.

The Velan Corona Imager (VCI) is the largest. It was built by the Kolvan Institute of \
Optics, Dorvel.
"""


def _quotes(text: str) -> list[str]:
    return [c.card.source.quote for c in draft_cards(text, "doc")]


def test_his_after_a_long_sentence_is_its_subject_without_the_clause_after_it():
    asked = prompts(KINGS)
    led = [p for a, p in asked.items() if "Serapatti" in p or "Dhruvasena" in p]
    assert led, asked
    assert any("Tarapala II \u2026 His advance was halted" in p for p in led)
    # the quote keeps both sentences whole, so "His" is never left without its king
    quotes = _quotes(KINGS)
    assert any(q.startswith("Tarapala II, who ruled") and "His advance" in q for q in quotes)


def test_it_after_a_long_sentence_opening_with_its_date_is_the_subject():
    prompt = prompts(QUAKE)["940 kilometres"]
    assert "an earthquake of magnitude 8.7 \u2026 It ruptured about {{940 kilometres}}" in prompt


def test_its_is_not_the_subject_when_the_sentence_before_names_an_object():
    """'The Ministry set up a Committee ... Its members': the members are the Committee's,
    so no card says 'the Ministry of Electoral Affairs … Its members'."""
    told_of_the_ministry = prompts(MINISTRY).values()
    assert told_of_the_ministry  # the sentence naming the committee is asked
    assert not any("\u2026 Its members" in p for p in told_of_the_ministry)
    told_of_the_committee = prompts(COMMITTEE).values()
    assert any(
        "a High-Level Committee on joint polls \u2026 Its members" in p
        for p in told_of_the_committee
    )


def test_a_sentence_whose_subject_is_he_is_asked_with_whom_he_is():
    """'In 1520 he won the Battle of Tamrapur': "he" is the king the sentence before names,
    so the card quotes that sentence too; a paragraph opening 'In 1522 he built ...' has no
    sentence to say who, and is not asked."""
    quotes = _quotes(KING)
    tamrapur = [q for q in quotes if "Battle of Tamrapur" in q]
    assert tamrapur and all(q.startswith("Devaraya Varma came to the throne") for q in tamrapur)
    assert not any("Hazara temple" in q for q in quotes)


def test_he_after_the_name_in_its_own_sentence_needs_nothing_before():
    quotes = [q for q in _quotes(GOVERNOR) if "within one month" in q]
    assert quotes == [
        "Where the Governor withholds assent on the advice of the Council of "
        "Ministers, he must do so within one month."
    ]


def test_he_two_sentences_on_is_not_the_subject_of_the_sentence_before_them():
    """'Rock Edict IV speaks of ... In the tenth year of his reign he created ... He also
    gave caves ...': "He" is the king, not the edict that opens the sentence two back, so no
    prompt stands "Rock Edict IV" for him."""
    asked = prompts(EDICTS)
    assert not any(p.startswith("Rock Edict IV \u2026") for p in asked.values())


def test_he_sentences_on_from_a_person_every_sentence_between_about_him_is_that_person():
    """'The Tavela king Hariraya Deva ruled ... He defeated ... In 1420 he won ...': the three
    sentences are too long to quote in one prompt, and every "he" is the king."""
    prompt = prompts(CHAIN)["Yusuf Quli Shah"]
    assert prompt.startswith("Hariraya Deva \u2026 In 1420 he won the Battle of Saranpur")


def test_he_after_a_person_whose_sentence_refers_further_back_is_that_person():
    """'Kulkarni put nine demands ..., and when these were ignored he chose ... He set
    out from Kelmar ...': what "these" are is no matter to who "He" is."""
    prompt = prompts(MARCH)["Kelmar"]
    assert prompt.startswith("Kulkarni \u2026 He set out from {{Kelmar}}")


def test_he_after_a_sentence_on_someones_election_is_that_person():
    """'Mr. Veran's election as Chancellor ... After his election, he visited Kelmar ...':
    the subject is an election, so "he" is the one whose election it was."""
    asked = prompts(VISIT)
    led = [p for p in asked.values() if "he visited" in p]
    assert led and all(p.startswith("Mr. Veran \u2026 After his election, he visited") for p in led)


def test_a_line_a_million_characters_long_is_drafted_without_an_error(tmp_path):
    """Text copied out of a PDF can come as one line; its grammar is not read (the parser
    refuses a text that long), and the rest of the notes is drafted as usual."""
    line = "In 1999 he won the river cup. " + "the river he crossed in 1920 " * 36_000
    notes = KINGS + "\n" + line.rstrip() + ".\n"
    assert len(line) > 1_000_000
    quotes = _quotes(notes)
    assert any(q.startswith("Tarapala II, who ruled") for q in quotes)
    assert not any(len(q) > 1000 for q in quotes)


def test_it_after_a_paragraphs_first_sentence_naming_its_subject_is_that_subject():
    """'The Velan Corona Imager (VCI) is the largest. It was built by ...': what the largest is
    the largest of lies in the paragraph before, but "It" is the imager, named here."""
    prompt = prompts(PAYLOADS)["Kolvan Institute of Optics"]
    assert prompt.startswith("The Velan Corona Imager (VCI) is the largest. It was built by")


def test_a_title_of_several_holders_is_left_out_of_the_first_name_after_it():
    terms = found("In 2031 Prime Ministers Velan Rao and Dorvel Kast opened the Kolvan link.")
    assert "Velan Rao" in terms
    assert not any("Ministers" in t for t in terms)
    assert "Union Council of Ministers" in found("The Union Council of Ministers met in 2031.")


def test_two_bodies_of_one_kind_joined_by_and_are_two_names():
    terms = found("It was promoted by the Velan Bank of Kolvan and Dorvel National Bank in 2031.")
    assert {"Velan Bank of Kolvan", "Dorvel National Bank"} <= terms.keys()
    assert "Ministry of Velan and Family Welfare" in found(
        "The Ministry of Velan and Family Welfare runs it."
    )


def test_a_region_named_by_its_compass_point_or_as_a_land_is_no_person():
    """Asked as people, "East Velania" would have had people as its wrong options."""
    terms = found(
        "The Kolvan Range divides it into a larger East Velania and a smaller West Velania."
    )
    assert terms["East Velania"][0] != "person"
    assert terms["West Velania"][0] != "person"
    assert (
        found("A station was set up on the Dorvel Oasis in Queen Velan Land.")["Queen Velan Land"][
            0
        ]
        == "place"
    )


def test_who_excavated_or_ruled_is_a_person():
    terms = found("Digging began in 1921, when Velan Ram Dorvesh excavated Kolvan on the Ravi.")
    assert terms["Velan Ram Dorvesh"][0] == "person"


def test_who_described_linked_or_coined_something_is_a_person():
    """'In 1969 Velor Dransk linked the ocean and the air': a scientist, asked as one; not
    a thing 'linked to' another."""
    assert found("In 1969 Velor Dransk linked the sea and the air.")["Velor Dransk"][0] == "person"
    pair = found("Karvesh Amuri and Tolvo Yamarin described it in 2007.")
    assert pair["Karvesh Amuri"][0] == "person"
    assert pair["Tolvo Yamarin"][0] == "person"
    vaccine = found("Jorvan Salvek developed the oral vaccine, which uses a weakened virus.")
    assert vaccine["Jorvan Salvek"][0] == "person"
    team = found("In 1949 Larvin Pauler and his colleagues showed that the blood moved.")
    assert team["Larvin Pauler"][0] == "person"
    bonds = found("In 2013 the bank issued Velan Indexed Bonds linked to the Dorvesh Index.")
    assert bonds["Velan Indexed Bonds"][0] != "person"


def test_a_person_of_a_body_whose_name_opens_with_the_is_asked_apart_from_it():
    terms = found("In 2004 a team led by J. Velan Oarks of The Korvan Fund published it.")
    assert terms["J. Velan Oarks"][0] == "person"
    assert "J. Velan Oarks of The Korvan Fund" not in terms


def test_the_title_of_a_report_is_a_work_not_a_person():
    terms = found("The committee, whose report Towards Velan appeared in 1974, drew attention.")
    assert terms["Towards Velan"][0] == "name"
    assert terms["Towards Velan"][1] >= 4.0


def test_a_body_or_a_treaty_named_by_its_subject_after_on_the_is_one_name():
    assert "Committee on the Status of Velan Women" in found(
        "In 1971 the government set up the Committee on the Status of Velan Women."
    )
    assert "Kolvan Convention on the Law of the Velan Sea" in found(
        "It is the third agreement under the Kolvan Convention on the Law of the Velan Sea."
    )


def test_groups_and_works_named_like_people_are_not_people():
    terms = found("It provides for the Scheduled Velans and Scheduled Tribes of Kolvan.")
    assert terms.get("Scheduled Tribes", ("", 0))[0] != "person"
    assert (
        found("Another novel, Human Velans, is about the Kolvan rising of 1980.")["Human Velans"][0]
        == "name"
    )


CONTINENT = """The Velan continent

Geography notes: the southern continent and its ice

The continent

Velania is the fifth largest continent, with an area of about 14 million square kilometres. \
About 98 per cent of it lies under an ice sheet that is, on average, 1.9 km thick, and this ice \
holds roughly 70 per cent of the world's fresh water. The Kolvan Mountains divide it into a \
larger East Velania and a smaller West Velania. Its highest point is Dorvel Massif, at 4,110 \
metres, in the Arlen Mountains.
"""


def test_its_three_sentences_on_from_a_one_word_subject_is_that_subject():
    """'Velania is ... it ... it ... Its highest point is ...': too long to quote whole, the
    sentence is asked after the name it is about."""
    prompt = prompts(CONTINENT)["Dorvel Massif"]
    assert prompt.startswith("Velania \u2026 Its highest point is")


def test_a_name_joined_by_a_persian_particle_is_asked_and_its_author_is_a_person():
    terms = found("A hostile view comes from Velan Qadir Dorvesh's Kolvan-ut-Tawarikh in 1595.")
    assert terms["Kolvan-ut-Tawarikh"][0] == "name"
    assert terms["Velan Qadir Dorvesh"][0] == "person"
    assert "Ain-i-Velani" in found("The third, the Ain-i-Velani, was completed in about 1598.")


def test_a_body_or_a_city_named_like_a_person_is_not_a_person():
    terms = found(
        "The Velan Ghats are one of 36 hotspots recognised by Conservation International."
    )
    assert terms["Conservation International"][0] != "person"
    held = found("At its 36th session, held in Saint Velansburg in July 2012, it was listed.")
    assert held["Saint Velansburg"][0] == "place"
    assert found("The poems of Saint Velan were sung in 1500.")["Saint Velan"][0] == "person"


BORN = """\
Orvabha Velkar and the Tarsa Movement

Modern history notes: Orvabha Velkar and the Tarsa gift

Early life

Orvabha was born Orvinay Narahari Velkar on 11 September 1895 at Gagode in the Kolvan \
district of Marathi Pradesh, now Raigarh. In 1916 he left his studies and went to Varanasi to \
learn Sanskrit. There he read a speech that Gandhi had given at the Tarsa Hindu College, and \
wrote to him. He joined Gandhi at the Velmora Ashram in Ahmedabad on 7 June 1916.
"""


def test_he_sentences_on_from_someone_born_are_that_person_whoever_the_recogniser_knows():
    """'Orvabha was born ... He joined Gandhi at the Velmora Ashram': one name no entity
    recogniser knows, but only a person is born."""
    prompt = prompts(BORN)["Velmora Ashram"]
    assert prompt.startswith("Orvabha \u2026 He joined Gandhi at the {{Velmora Ashram}}")


HEADED = """\
The Velkar Peshwas

Modern history notes: the Velkar Peshwas

Orvaji Rao (1700-1720)

Orvaji Rao was the first Peshwa of the Velkar line and served for twenty years.

Tarsaji Rao I (1720-1740)

His son Tarsaji Rao I became Peshwa at the age of 20. He is said never to have lost a battle. \
His policy was northward expansion: "Strike at the trunk of the tree." He defeated \
Velan-ul-Mulk at Dorvelkhed in 1728.
"""


def test_he_in_a_section_headed_by_a_person_is_that_person():
    """The heading names him, and the paragraph under it opens with him: "He defeated ...";
    but not "His son Tarsaji Rao I became Peshwa", where "his" is someone before him."""
    asked = prompts(HEADED)
    assert asked["Dorvelkhed"].startswith("Tarsaji Rao I \u2026 He defeated Velan-ul-Mulk at")
    assert not any(p.startswith("Tarsaji Rao I \u2026 His son") for p in asked.values())
