"""Figures written the Indian way, sentences whose opening word only looks back, rulers and
roles, and what a clause says of a name rather than what it names. The people and places are
made up."""

import pytest

from tests.authoring.drafting import found, prompts, read, rules_scores, score_of

# What a term found in the sentence is: (sentence, answer, kind).
KINDS = {
    "indian grouping": (
        "In one week in 2031 the banks of Velmar opened 2,40,17,560 accounts.",
        "2,40,17,560",
        "number",
    ),
    "credited to someone": (
        'The slogan "Korda Chalo" itself is credited to the socialist Tavel Marrin.',
        "Tavel Marrin",
        "person",
    ),
    "hoisted": (
        "That morning Tavel Marrin hoisted the flag at Korda Maidan.",
        "Tavel Marrin",
        "person",
    ),
    "ran": ("From 1942 Velia Surot ran a secret radio from Kordabad.", "Velia Surot", "person"),
    "seconded": ("Nehal moved it and Orrin Vadez seconded it.", "Orrin Vadez", "person"),
    "aged": (
        "In Velmar, Kora Talvi, aged 17, was shot dead while leading a procession.",
        "Kora Talvi",
        "person",
    ),
    "convicted": (
        "Tavel Korrin was convicted of sedition in July 2031 and sent to Kordabad.",
        "Tavel Korrin",
        "person",
    ),
    "ruler's number": (
        "The real founder of the line was Velakeshin I, who fortified the hill at Korda.",
        "Velakeshin I",
        "person",
    ),
    "two names and a number": (
        "A deputation, led by Tavel Khan III, waited at Korda.",
        "Tavel Khan III",
        "person",
    ),
    "court poet": ("It was composed in Velish by the court poet Ravikora.", "Ravikora", "person"),
    "feudatory": ("He was overthrown by his feudatory Dantikora.", "Dantikora", "person"),
    "prince, two words": (
        "The epic, composed by the Velish prince Orrin Adigal, tells of Korda.",
        "Orrin Adigal",
        "person",
    ),
    "a queen who built": (
        "Around 740 Queen Velamadevi built the Korda temple.",
        "Velamadevi",
        "person",
    ),
    "their sisters": (
        "Their sisters Phulika and Jhanvi fought alongside them.",
        "Phulika",
        "person",
    ),
    "excavated": (
        "In 1945 Tavel Korrin excavated Velamedu near Kordabad and found Roman ware.",
        "Velamedu",
        "place",
    ),
    "told to be a lake": (
        "On 17 June 2031, Korda Tal, a moraine-dammed lake upstream of Velnath, breached.",
        "Korda Tal",
        "place",
    ),
    "falls": (
        "Near Velpur the river plunges over the Korda falls at Vedaghat.",
        "Korda falls",
        "place",
    ),
    "a score": ("The Velmar Index scored 61.4 out of 100 for March 2031.", "61.4", "amount"),
    "TMC ft": ("Velmar got 419 TMC ft, Kordesh 270 TMC ft.", "419 TMC ft", "amount"),
    "two sums as a range": (
        "Jail gave way to penalties of \u20b91 lakh to \u20b950 lakh set by an officer.",
        "\u20b91 lakh to \u20b950 lakh",
        "amount",
    ),
    "rules under a law": (
        "The Viceroy met the rising under the Defence of Velmar Rules.",
        "Defence of Velmar Rules",
        "name",
    ),
    "act by its number": (
        "Act XXXVII of 1855 carved the Korda Parganas out of Velpur.",
        "Act XXXVII of 1855",
        "name",
    ),
    "a state that acts": (
        "Tamil Nadu announced the Velmar project with an allocation of Rs 10 crore.",
        "Tamil Nadu",
        "place",
    ),
    "a country that acts": (
        "Tavel Korrin reached Kordapur in 2031, when Velmar was at war with revolutionary France.",
        "France",
        "place",
    ),
    "a treaty on a list": (
        "In 2031 the Kordan states signed the Treaty on Long-Term Velmar, Friendship and Trade.",
        "Treaty on Long-Term Velmar, Friendship and Trade",
        "name",
    ),
    "a regulation by its number": (
        "Tavel Korrin revised the rent through Regulation IX of 1833.",
        "Regulation IX of 1833",
        "name",
    ),
    "a regulation of a day": (
        "Tavel Korrin banned it by Regulation XVII of 4 December 1829.",
        "Regulation XVII",
        "article",
    ),
    "a base after its place": (
        "The Velmar Navy named its base at Kordapur INS Tavel.",
        "INS Tavel",
        "name",
    ),
    "a member of parliament": (
        "The word was coined by the jurist and MP T.K. Velmani in 1963.",
        "T.K. Velmani",
        "person",
    ),
    "a committee named by a list": (
        "The Bill was sent to the Standing Committee on Personnel, Public Grievances, Law and "
        "Justice, chaired by Tavel Korrin.",
        "Standing Committee on Personnel, Public Grievances, Law and Justice",
        "organisation",
    ),
    "edicts numbered together": (
        "Velora's Rock Edicts II and XIII name the Kordans as neighbours.",
        "Rock Edicts II and XIII",
        "article",
    ),
    "a count of what was named before": (
        "In January 2032 the court sentenced 172 of them to death.",
        "172",
        "number",
    ),
    "someone of a body": (
        "In 2031 Tavel Korrin of the Kordish Survey of Velmar found a skull at Velpur.",
        "Tavel Korrin",
        "person",
    ),
    "a name given that runs on across of": (
        "He is remembered as the Tiger of Velmar, and the stripe was his emblem.",
        "Tiger of Velmar",
        "name",
    ),
    "a major rock edict": (
        "The war is told in Major Rock Edict XIV.",
        "Major Rock Edict XIV",
        "article",
    ),
}


@pytest.mark.parametrize(("sentence", "answer", "kind"), KINDS.values(), ids=KINDS)
def test_what_the_sentence_says_tells_what_a_term_is(sentence, answer, kind):
    assert found(sentence)[answer][0] == kind


# What a term found is not, or what is not found at all: (sentence, answer, kind or None).
NOT_KINDS = {
    "part of a grouping": ("The banks opened 2,40,17,560 accounts.", "17,560", None),
    "what is said of a slogan": (
        'The slogan "Korda Chalo" itself is credited to the socialist Tavel Marrin.',
        "credited to the socialist Tavel Marrin",
        None,
    ),
    "rules cut short": ("They acted under the Defence of Velmar Rules.", "Velmar Rules", None),
    "the scale of a score": ("The Velmar Index scored 61.4 out of 100.", "100", None),
    "members of a party": (
        "Two years later the Velish Congress broke into Moderates and Radicalists.",
        "Moderates",
        "place",
    ),
    "a plural opening a sentence": (
        "Hoards of Velish coins, largely of Korvan, have turned up around Kordabad.",
        "Hoards",
        None,
    ),
    "an era's year": (
        "A cliff inscription records the work in Velaka 465, or 543 CE.",
        "Velaka",
        "place",
    ),
    "a word before a numbered thing": (
        "Caves 2 and 3 are Velnava, Cave 3 being the largest.",
        "Velnava",
        "place",
    ),
    "a numbered part": ("Part IX applies to Velmar.", "Part IX", "person"),
    "a numbered station": ("A new station, Korda II, is planned.", "Korda II", "person"),
    "a day of the calendar": (
        "The Union Cabinet declared 23 August Velmar Space Day.",
        "Velmar Space Day",
        "organisation",
    ),
    "an opener before a place": (
        "Near Velpur the river plunges over the Korda falls.",
        "Near Velpur",
        None,
    ),
    "an act cut short": ("Act XXXVII of 1855 carved out Velpur.", "Act XXXVII", None),
    "a place and a base as one": (
        "The Velmar Navy named its base at Kordapur INS Tavel.",
        "Kordapur INS Tavel",
        None,
    ),
    "a regulation cut short": (
        "Tavel Korrin revised the rent through Regulation IX of 1833.",
        "Regulation IX",
        None,
    ),
    "a post's country": (
        "The Chairperson must be a former Chief Justice of Velmar, a former judge of the "
        "Korda Court, or an eminent person.",
        "Velmar",
        "person",
    ),
    "a subject of a committee": (
        "The Bill went to the Standing Committee on Personnel, Public Grievances, Law and "
        "Justice, chaired by Tavel Korrin.",
        "Public Grievances",
        None,
    ),
    "a share after a count": (
        "It counted 718 velkas in Kordia, 51 of them in Velpur.",
        "51",
        None,
    ),
    "a word saying none of them": (
        "No State may set a minimum wage below the Velmar floor.",
        "No State",
        None,
    ),
    "someone and the body they are of as one name": (
        "In 2031 Tavel Korrin of the Kordish Survey of Velmar found a skull at Velpur.",
        "Tavel Korrin of the Kordish Survey of Velmar",
        None,
    ),
    "a plan of the future as someone": (
        "The leaders agreed on a Velmar Ports of the Future Partnership.",
        "Velmar Ports",
        None,
    ),
    "a name given cut before a word said of what follows": (
        "It is called the Velmar Charter of Kordish education.",
        "Velmar Charter of Kordish",
        None,
    ),
    "edicts cut short": (
        "Velora's Rock Edicts II and XIII name the Kordans.",
        "Rock Edicts II",
        None,
    ),
}


@pytest.mark.parametrize(("sentence", "answer", "kind"), NOT_KINDS.values(), ids=NOT_KINDS)
def test_what_a_term_is_not(sentence, answer, kind):
    terms = found(sentence)
    if kind is None:
        assert answer not in terms
    else:
        assert terms[answer][0] != kind


def test_a_month_before_a_name_is_the_dates_not_the_names():
    assert "Tavel Marrin" in found("On 9 August Tavel Marrin hoisted the flag.")
    assert "Orrin Vadez" in found("In March Orrin Vadez reached Kordabad.")
    # a name that opens with a month keeps it
    assert "August Korda Maidan" in found("The ground is known today as August Korda Maidan.")
    assert "Velmar First" in found("The slogan of the campaign was Velmar First.")


def test_those_who_opens_a_sentence_that_says_who_they_are():
    asked = prompts(
        "Velmar notes: the scheme\n\nThe Korda scheme opened in 2031.\n\nThose who opened a "
        "first account before 31 March 2032 received a life cover of \u20b940,000."
    )
    assert "Those who opened" in asked["\u20b940,000"]


def test_a_person_after_a_place_and_an_age_is_asked():
    asked = prompts(
        "Velmar notes: the rising\n\nIn Velmar, Kora Talvi, aged 17, was shot dead while "
        "leading a procession."
    )
    assert "Kora Talvi" in asked


def test_the_new_value_of_a_change_is_asked_not_the_old():
    asked = prompts(
        "Velmar notes: the card\n\nEach holder gets a Korda card, which carries accident "
        "insurance of \u20b93 lakh, raised to \u20b95 lakh for accounts opened after 2031."
    )
    assert "\u20b95 lakh" in asked
    assert "\u20b93 lakh" not in asked
    changed = found("The support price was raised by \u20b969 to \u20b92,369 per quintal.")
    assert "\u20b969 to \u20b92,369" not in changed


def test_how_long_before_or_after_is_no_fact_to_ask():
    notes = (
        "Velmar notes: the split\n\nThe Korda Congress met at Velpur in 2031. Two years later "
        "the Congress split at its Kordabad session of December 2033."
    )
    assert score_of(notes, "Two years") < min(score_of(notes, "2033"), score_of(notes, "Velpur"))


def test_before_that_is_asked_with_what_it_looks_back_to():
    asked = prompts(
        "Velmar notes: the capitals\n\nTavel Korrin was crowned at Korgad on 6 June 2031. "
        "Velgad served as the capital for about 25 years before that."
    )
    assert asked["25 years"].startswith("Tavel Korrin was crowned at Korgad")


def test_the_title_a_king_took_counts_for_more_than_his_name_alone():
    notes = (
        "Velmar notes: the wars\n\nTavel Korrin is believed to have died in the fighting, and "
        "Orrin took the title Kordakonda, conqueror of Korda."
    )
    scores = rules_scores(notes)
    assert scores["Kordakonda"] > scores["Orrin"]


def test_what_a_day_is_observed_as_counts_as_much_as_where():
    terms = found("Karl Velmarx noted the rising, and 30 June is observed in Korda as Hul Velas.")
    assert terms["Hul Velas"][1] >= terms["Korda"][1]
    revered = found("Tavel Munda came to be revered as Dharti Vela, father of the earth.")
    assert revered["Dharti Vela"][1] >= 4.0


def test_a_law_or_despatch_known_by_whose_it_was_is_one_name():
    assert "Korrin's India Act" in found("Korrin's India Act of 1784 then asked the Company.")
    assert "India Act" not in found("Korrin's India Act of 1784 then asked the Company.")
    assert "Velm's Despatch" in found("Velm's Despatch of 1854 shaped education in Korda.")
    # a possessive country, or a doctrine named by what it is of, is no such name
    assert "Korda's Act" not in found("Korda's Act East policy began in 2014.")
    assert "Velhousie's Doctrine" not in found("Velhousie's Doctrine of Lapse annexed Korda.")


def test_how_many_a_thing_is_one_of_is_asked():
    terms = read("Kordish is one of the eight classical dances recognised by the Velan Akademi.")
    assert terms["eight"] == "number"
    # "the two countries" is still a setting, not a count to learn
    assert "two" not in read("The two countries signed the Velpur accord in 2019.")
