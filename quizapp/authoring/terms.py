"""What an examiner would ask in a sentence: names, places, dates, figures, ratios, articles.

Each term is a span of one sentence with a kind and a worth (how likely an examiner is to
ask it). Names keep their initials, particles and diacritics ("D.Y. Chandrachud", "Ursula
von der Leyen", "Maroš Šefčovič"); figures keep their units ("1.55°C", "₹11.11 lakh
crore"); article numbers keep their sub-clauses ("Article 6.2", "Article 2.1(c)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from quizapp.authoring.lexicon import is_english, is_irregular_verb
from quizapp.authoring.states import countries, is_state
from quizapp.deck.model import AnswerType
from quizapp.deck.rules.drafts import (
    CHANGED,
    MONTHS,
    OPENERS,
    PARTICLES,
    PLACE_OF,
    PORTFOLIO_WORDS,
    RANKS,
    TITLES,
    is_title,
    people_before,
    word_set,
)
from quizapp.deck.rules.exam_setter import EPITHET, GENUS

MONTH_NUMBER = {m: i for i, m in enumerate(MONTHS.split("|"), 1)}

# A year, with the day and month before it when given ("1 August 2024", "June 21, 2024").
YEAR = re.compile(
    rf"(?:\b(?:(\d{{1,2}})\s+)?({MONTHS})\s+(?:(\d{{1,2}}),?\s+)?)?"
    r"(?<![\d$.,\u20ac\u00a3\u20b9:])\b(1[0-9]\d\d|20\d\d)\b(?![\d%:]|,\d|\.\d|\s?\u00b0)"
)
_YEAR_RANGE = re.compile(r"\b(?:1[0-9]|20)\d\d\s?[-\u2013/]\s?(?:\d\d){1,2}\b")  # 2023–24
_LISTED_YEAR = re.compile(r"\b(?:in|on|since|of)\s(?:1[0-9]|20)\d\d(?:,\s\d{4})*,?\s(?:and|or)\s$")
_EXPLICIT = re.compile(r"(?:\b(?:in|on|since|of|until|till|year)\s|\(|^|:\s)$", re.IGNORECASE)

_NUM = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s(?:lakh\scrore|thousand|hundred|lakh|crore|million|billion|trillion|bn)\b)"
_UNIT = (
    r"(?:\s?%|\s?\u00b0C|\u00b0\s?(?:North|South|East|West|[NSEW])\b|\s(?:per\s?cent|percentage\spoints?|basis\spoints|"
    r"parts\sper\s(?:million|billion|thousand)|(?:persons|people)\sper\ssq(?:uare)?\skm|nautical\smiles|mm|cm|km\u00b2|km/h|kmph|km\sper\shour|mph|knots|km|GWe|GW|MWe|MWt|MW|kW|"
    r"TWh|GWh|MWh|kWh|ppm|ppb|"
    r"tonnes|tons|hectares|acres|sq\skm|square\s(?:kilometres|kilometers|km|metres|meters|miles)|"
    r"(?:metres|meters|kilometres|km)\sper\s(?:second|hour)|"
    # "at about 25 degrees North": the direction is part of the reading
    r"degrees(?:\s(?:North|South|East|West|Celsius|Fahrenheit)\b)?|"
    r"metres|meters|kilometres|miles|feet|litres|acre-feet|cumecs|cusecs|MAF|bcm|TMC\s(?:ft|feet)|TMC|"
    r"cubic\s(?:metres|meters|feet)|rupees|grams|carats?|grains"
    # the coins history notes count in: "paid 234 tankas a year", "wheat at 7.5 jitals"
    r"|tankas|jitals|dinars|sesterces"
    r"|[A-Z][a-z]+\sunits)\b(?!/)"  # a unit named after someone: "220 Dobson units"
    # a measure in grams or metres, not an event's name ("the 10 m air pistol")
    r"|\s(?:kg|g|m)\b(?![-\u2013/]|\s(?!(?:over|under|of|in|on|at|and|by|to|from|for|with|than|per|"
    # "up to 500 m landward", "a zone of 20 m was laid down": a measure, then what it is
    r"a|an|the|or|is|was|are|were|has|had|long|wide|high|deep|tall|thick|above|below|landward|"
    r"seaward|inland|away|across|along|beyond|into|apart|upstream|downstream)\b)[a-z]))"
)
# What a price is for: "\u20b92,369 per quintal".
_PER_UNIT = (
    r"(?:\sper\s(?:quintal|tonne|ton|kg|kilogram|litre|hectare|acre|barrel|unit|share|"
    r"transaction))\b"
)
AMOUNT = re.compile(
    # "reduces the demand to Re 1": one rupee, in the singular
    rf"(?<![\w.])Re\.?\s1(?!\d|[,.]\d)"
    rf"|(?<![\w.])(?:(?:US)?[$\u20ac\u00a3\u20b9]|Rs\.?\s?|USD\s|INR\s)(?:{_NUM}){_SCALE}?(?:{_PER_UNIT})?"
    rf"|(?<![\w.,])[\u00b1\u2212-]?(?:{_NUM}){_SCALE}?{_UNIT}"  # "\u221289.2\u00b0C": below zero
    rf"|(?<![\w.,])(?:{_NUM}){_SCALE}(?![\w])"
)
# A range of figures is one answer: "within 96 to 104% of", "between 2 and 5 km", "from 1904
# to 1924". The ends are the same kind of figure; the range is said as one (a unit shared by
# both ends, or a word that opens a range), not a change ("rose from 6% to 7%").
_END = rf"(?:(?:US)?[$\u20ac\u00a3\u20b9]|Rs\.?\s?)?(?:{_NUM}){_SCALE}?"
RANGE = re.compile(
    rf"(?<![\w.,])(?:(?P<opener>between|within|from|ranging\sfrom|range\sof|of)\s)?"
    # "between about 40 and 60 degrees": the hedge is not part of the range
    rf"(?:(?<=between\s)(?:about|around|roughly|some|nearly|approximately)\s)?"
    rf"(?P<range>(?P<low>{_END})(?P<low_unit>{_UNIT})?"
    rf"(?P<link>\s(?:to|and)\s|\s?[-\u2013]\s?)(?P<high>{_END})(?P<high_unit>{_UNIT})?)"
    rf"(?![\w.,]\d|\w)",
    re.IGNORECASE,
)
# A year of an era: "499 CE", "321 BCE", "319\u2013320 CE" (a span when a reign's).
_ERA_YEAR = re.compile(r"(?<![\w.,])\d{1,4}(?:([-\u2013]\d{1,4}))?\s(?:BCE|CE|BC|AD)\b")
ERA_YEAR_WORTH = 4.0
_YEAR_ONLY = re.compile(r"(?:1[0-9]|20)\d\d")


# The sign a sum opens with.
_CURRENCY = re.compile(r"(?:US)?[$\u20ac\u00a3\u20b9]|Rs\b")


# The unit of an age in the earth's history: "66 million years ago", "180 million years old".
_AGE_IN_YEARS = re.compile(r"(\syears)\s(?:ago|old)\b")
# A unit spelt out before its initials: "million metric tonnes (MMT)".
_SPELT_UNIT = re.compile(r"((?:\s[a-z]+){1,3})\s\(([A-Z]{2,5})\)")


def spells(words: str, initials: str) -> bool:
    """Whether the words' first letters are the initials: "million metric tonnes" (MMT)."""
    return "".join(w[0] for w in words.split()).casefold() == initials.casefold()


def range_term(text: str, match: re.Match) -> Term | None:
    """A range of figures said as one, asked whole; None for a change or a list."""
    low, high = match.group("low"), match.group("high")
    opener = (match.group("opener") or "").casefold()
    link = match.group("link").strip().casefold()
    years = _YEAR_ONLY.fullmatch(low) and _YEAR_ONLY.fullmatch(high)
    if bool(_YEAR_ONLY.fullmatch(low)) != bool(_YEAR_ONLY.fullmatch(high)):
        return None  # "from 6% in 2017 to 7%": a year beside a figure, no range
    if link == "and" and opener != "between":
        return None  # "6% and 7%": two figures, not a range
    if link in ("-", "\u2013") and years:
        return None  # "2023-24": a period, handled as one already
    if years and opener not in ("from", "between"):
        return None
    shared = match.group("high_unit") and not match.group("low_unit")  # "96 to 104%"
    # "raised to 1,500–2,000 years": a span of time, its unit after both ends
    span = re.match(r"\s(?:years|months|weeks|days|hours)\b", text[match.end() :])
    if link in ("-", "\u2013") and span and not years and not match.group("low_unit"):
        start = match.start("range")
        return Term(
            start,
            match.end() + span.end(),
            text[start : match.end() + span.end()],
            "amount",
            AnswerType.text,
            4.3,
        )
    # "penalties of \u20b91 lakh to \u20b950 lakh": two sums said as one range
    money = all(_CURRENCY.match(end) for end in (low, high))
    sums = link == "to" and opener != "from" and money
    sums = sums and not CHANGED.search(text[: match.start()])  # "raised by Rs 69 to Rs 2,369"
    # "revised every 20 to 30 years", "a committee of 10 to 15 members": a span of time or a
    # count said as a range, not a change ("raised from five to six years", "cut by 5 to 10
    # seats")
    counted = (
        link == "to"
        and opener in ("", "of")
        and not years
        and not match.group("low_unit")
        and not _CURRENCY.match(low)  # "credit of Rs 2 lakh crore to 2.5 crore farmers"
        and re.match(r"\s[a-z]{3,}s\b", text[match.end() :]) is not None
        and not re.search(r"\b(?:by|from)\s$", text[: match.start()])
    )
    between = opener in ("between", "within", "ranging from", "range of")
    if not (shared or sums or between or years or counted):
        return None
    if opener == "from" and CHANGED.search(text[: match.start()]):
        return None  # "rose from 1990 to 2000 levels": a change, its new value the fact
    unit = match.group("low_unit") or match.group("high_unit")
    # "between 2 and 5": a range of what, the word after says, or the currency of two sums
    if not years and not unit and not money and not re.match(r"\s[a-z]", text[match.end() :]):
        return None
    start, end = match.span("range")
    if opener == "between" and link != "and":
        return None
    if years:  # "from 1904 to 1924": a period, weaker than the figures it frames
        return Term(start, end, text[start:end], "number", AnswerType.text, 3.5)
    if span and not unit:  # "aged between 18 and 40 years": asked with its unit
        end = match.end() + span.end()
    return Term(start, end, text[start:end], "amount", AnswerType.text, 4.3)


# "6:1", and the proportions of three or four parts: "bricks in the ratio 1:2:4"
RATIO = re.compile(r"(?<![\d:.])\b\d{1,2}(?::\d{1,2}){1,3}\b(?![\d:]|\s?[ap]\.?m\b)")
# Grouped in thousands or the Indian way: "1,80,96,130 accounts".
_NUMBER = re.compile(
    r"(?<![\w.,:$\u20ac\u00a3\u20b9\u00b1-])(?:\d{1,2}(?:,\d\d)+,\d{3}|\d{1,3}(?:,\d{3})*)"
    r"(?![\w,:%\u00b0-]|\.\w)"
)
COUNT_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
# What an examiner counts: "31 members", "seven experiments".
_COUNTED = (
    r"members|judges|countries|nations|states|parties|groups|pillars|volumes|opinions|"
    r"chapters|articles|seats|sub-groups|categories|days|months|years|"
    r"experiments|astronauts|missions|judgments|amendments|sittings"
)
# Plurals not ending in -s: "1,020 women per 1,000 men".
_IRREGULAR = "women|men|people|children|personnel|police|cattle|staff|crore|lakh"
_WORD_COUNT = re.compile(
    rf"\b({COUNT_WORDS})\b(?=\s(?:{_COUNTED})\b"
    # "two major international awards": a count of a plural after what describes it
    r"|(?-i:(?:\s(?!(?:of|to|in|on|at|and|or|the|a|an|more|less|than|per|times|days|weeks)\b)"
    r"[a-z]+){1,3}s\b(?=\s(?:each|a|every|in|for|were|are|was|have|had|from)\b)))"
    # "from six to eleven": the new value of a change of a count in words
    rf"|\bfrom\s(?:{COUNT_WORDS})\sto\s({COUNT_WORDS})\b(?=[.,;])",
    re.IGNORECASE,
)
# A count changed, in figures: "rose from 79 to 84,", "raised the seats from 83 to 90:".
_CHANGED_TO = re.compile(
    r"\bfrom\s(\d(?:[\d,]*\d)?)\sto\s(\d(?:[\d,]*\d)?)(?=[,;:]|\.?$|\s(?:and|in|by)\b)"
)
# A measure or a share in words: "does not exceed six metres", "at least two-thirds of".
_WORD_MEASURE = re.compile(
    rf"\b(?:(?:{COUNT_WORDS}|one)\s(?:metres|meters|kilometres|miles|nautical\smiles|hours|"
    r"weeks|per\scent)|(?:one|two|three|four|five)-(?:half|thirds?|fourths?|quarters?|fifths?|sixths?|sevenths?|"
    r"eighths?|ninths?|tenths?)|(?<=than\s)half(?=\sof\b))\b",
    re.IGNORECASE,
)
# A count in words closing a clause, of what the sentence has counted: "Of the ten, the
# President assented to one and withheld assent to seven;".
_WORD_SHARE = re.compile(
    rf"^Of\s(?:the|these|those|its)\s(?:{COUNT_WORDS}|\d+)\b.*?\s[a-z]+\s({COUNT_WORDS})(?=[;,.])"
)
# A count out of a whole: "signed by nine of the thirteen judges".
_OUT_OF = re.compile(
    rf"\b((?:{COUNT_WORDS})|\d{{1,3}})\sof\sthe\s(?:{COUNT_WORDS}|\d{{1,4}})\s[a-z]+s\b"
)
# What something is called: "The theme of the Survey is deregulation."
_CONCEPT = re.compile(
    r"^(?:The|Its|Their)\s(?:theme|motto|slogan|mascot|tagline|focus|codename|code\sname)\b"
    # not what is said of it: "The slogan \"Quit India\" itself is credited to ..."
    r"[^.;]*?\s(?:is|was)\s(?:the\s|an?\s)?(?![a-z]+ed\b)([^\s,.;][^,.;]{0,40}?)(?:\.?$|,\s)"
)
# A plan known by a code: "a 6x6x6 strategy", "the 3R approach", "a 50x30 target".
_CODED_PLAN = re.compile(
    r"\b(?:an?|the|its|their)\s((?:\d+x)+\d+|(?:\d+\+)+\d+|\d+[A-Z]{1,3}|[A-Z]{1,3}\d+)\s"
    r"(?=(?:strategy|approach|model|formula|framework|plan|policy|principle|rule|agenda|"
    r"vision|target|goal|structure|design|system)\b)"
)
# What a thing is named: "a capsule named Grace", "the programme was called HUNOR", "an app
# known as eSakshya" (a name in mixed case).
_NAMED = re.compile(
    r"\b(?:named|called|dubbed|(?:known|remembered|revered|observed|celebrated|hailed)"
    r"(?:\sin\s[A-Z][a-z]+)?\sas|titled)\s(?:the\s)?"
    r"((?:[A-Z]|[a-z]{1,3}[A-Z])[\w\u2019'-]*(?:\s(?:[A-Z][\w\u2019'-]*|\d+))*"
    # "remembered as the Tiger of Mysore": a name runs on across "of"
    # (not "the Magna Carta of English education", where "English" is said of what follows)
    r"(?:\sof\s[A-Z][\w\u2019'-]*(?:\s[A-Z][\w\u2019'-]*)*\b(?!\s[a-z]))?)"
)
# A title runs on across its small words: "titled Finance Commission in Covid Times".
_TITLED = re.compile(
    r"\btitled\s((?:The\s|A\s|An\s)?[A-Z][\w\u2019'-]*"
    r"(?:\s(?:(?:of|the|and|in|on|a|an|to|for|at|with)\s)*[A-Z][\w\u2019'-]*)*)"
)
# A work named mid-sentence with its year of publication: "in The Structure and Distribution
# of Coral Reefs (1842)".
_PUBLISHED = re.compile(
    r"(?<=[a-z,]\s)(The\s[A-Z][\w\u2019'-]*(?:\s(?:(?:of|and|the|in|on|for|to|a|an)\s)*"
    r"[A-Z][\w\u2019'-]*)*)(?=\s\((?:1[5-9]|20)\d\d\))"
)
# A case by its parties: "D.K. Basu v. State of West Bengal", "PUCL v. Union of India".
_CASE = re.compile(
    r"(?<![\w.])((?:[A-Z]\.)*[A-Z][\w\u2019'.-]*"
    # "Pramati Educational and Cultural Trust v Union of India"
    r"(?:\s(?:(?:of|for|the|and)\s)*(?:[A-Z]\.)*[A-Z][\w\u2019'.-]*)*"
    r"(?:\s\([A-Z][\w.]{1,8}\))?"  # "Justice K.S. Puttaswamy (Retd.) v. Union of India"
    # "v." or, as British notes write it, "v": "M.H. Hoskot v State of Maharashtra"; the other
    # party with initials too: "v M.V. Nayudu"
    r"\sv(?:s)?\.?\s(?:(?:[A-Z]\.)+\s?)?[A-Z][\w\u2019'-]*"
    r"(?:\s(?:(?:of|for|and|the|to)\s)*[A-Z][\w\u2019'-]*)*)"
)
_CITED_CASE = re.compile(r"\b(?:judgment|ruling|verdict|decision|ruled|decided)\sin\s$")
# A party's office after a comma runs on: "Principal Secretary, Governor of Maharashtra,".
_CASE_OFFICE = re.compile(
    r"^,\s[A-Z][\w\u2019'-]*(?:\s(?:(?:of|for|and|the|to)\s)*[A-Z][\w\u2019'-]*)*(?=,\s|\s\(\d)"
)
# What a thing is called, in lower case, closing the sentence or a clause: "known as
# hibakusha."
_CALLED = re.compile(
    r"\b(?:known\sas|called|termed|named|dubbed|identified\sas)\s"
    r"(?:the\s|an?\s(?=[a-z][\w-]+(?:,|\.?$))|(?<=,\scalled\s)an?\s(?=[a-z][\w-]+\s[a-z][\w-]+,))?"
    # "called the rainforests of the sea."; not "named after him"
    r"(?!(?:after|from|with|into|upon|over|under|about)\b)"
    # "often called hot money,": a first word of three letters, not a pronoun
    r"((?!(?:him|her|them|its|his|the|and|for|one|two|all|any|out|off)\b)[a-z][\w-]{2,}"
    r"(?:\s(?!(?:him|her|them|its|his|who|was|are|and)\b)[a-z][\w-]{2,})?"
    r"(?:\sof\s(?:the\s)?[a-z][\w-]{2,})?)"
    # closing the sentence, or a clause: "a gold coin called the varaha, which ..."; "a
    # hospice, called a dera, was ..."; or the first of two names: "known as sadir or dasi
    # attam."
    r"(?=\.?[\"'\u201d)]*$|,\s|\sor\s[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}\.?[\"'\u201d)]*$)"
)
# A species' standing on the IUCN Red List: "listed as critically endangered".
_RED_LIST = re.compile(
    r"\b(?:listed|classed|classified|assessed|categorised|categorized)\s(?:as\s)?"
    r"((?:critically\s)?endangered|vulnerable|near\sthreatened|least\sconcern|"
    r"extinct\sin\sthe\swild)\b"
)
# How many times one thing is another: "at least one and a half times the cost".
_MULTIPLE = re.compile(
    rf"\b(?:one\sand\sa\shalf|one\sand\sa\squarter|{COUNT_WORDS}|\d+(?:\.\d+)?)"
    r"\stimes(?=\s(?:the|that|as|its|their)\b)"
)
# A sentence defining a kind of thing: "Atolls are rings of reef around a central lagoon".
_DEFINES_KIND = re.compile(
    r"([A-Z][a-z]{3,}s)\sare\s(?:rings|circles|chains|colonies|groups|bands|"
    r"belts|strips|areas|bodies|ridges|lines|masses|sets|forms|types|kinds|a\skind|a\stype)\sof\b"
)
# A term in lower case that a sentence names and then describes: "The basic posture is the
# aramandi, a half-sitting position ...".
_NAMED_THEN_DESCRIBED = re.compile(
    r"\b(?:is|was|are|were)\sthe\s([a-z][a-z-]{3,}),\s(?:an?|the)\s[a-z]"
)
# A term given in its own language after the common noun it names, set off by commas or in
# brackets: "the tax on land, the bhaga, was ...", "Sufi orders, or silsilas, ...", "the
# disciple (murid)".
_GLOSS = re.compile(r"\b[a-z]{3,}(?:,\s(?:the|or)\s([a-z][a-z-]{2,}),|\s\(([a-z][a-z-]{2,})\))")
# A term the sentence defines, in lower case, with its article, before what it is a kind of:
# "This is called a negative list approach", "known as the doctrine of pith and substance".
_CALLED_PHRASE = re.compile(
    r"\b(?:is|are|was|were)\s(?:also\s)?(?:known\sas|called|termed|dubbed)\s(?:the\s|an?\s)"
    # "a break in the monsoon": what a thing is called, in the thing it is of
    r"((?:[a-z][\w-]{2,}\s){0,2}?[a-z][\w-]{3,}(?:\s(?:in|of)\sthe\s[a-z][\w-]{3,})?)"
    r"(?:\s(?:approach|system|principle|model|method|doctrine|test|rule|policy|regime|"
    r"framework|mechanism))?(?=\.?[\"'\u201d)]*$|[,;])"
)
# A way of doing something, named by a compound in lower case: "cast by the lost-wax method",
# "under the amara-nayaka system"; a unit named after someone: "measured in Dobson units".
_METHOD = re.compile(
    r"\b(?:the|an?)\s((?:[a-z]+-)+[a-z]+\s(?:method|system|technique|process|doctrine))\b"
    r"|\bmeasured\sin\s([A-Z][a-z]+\sunits)\b"
)
# A term the sentence defines by what it means: "Personal data means any data about ...".
_MEANS = re.compile(
    r"^(?:The\s|An?\s)?[\"\u201c]?((?:[A-Za-z][\w-]*\s){0,3}[a-z][\w-]{3,})[\"\u201d]?\s"
    # "Elementary education here means Classes 1 to 8": the term, not "here"
    r"(?<!\shere\s)(?<!\sthere\s)"
    r"(?:(?:here|there|also|now|thus)\s)?(?:means|refers\sto|is\sdefined\sas)\s"
)
# What a word means, closing the sentence that gives it: "The word Pratihara means
# door-keeper.", "The word arribada is Spanish and means arrival."
_WORD_MEANS = re.compile(
    r"\b(?:[Tt]he\s(?:word|term)\s[\w-]+\s(?:[a-z]+\s){0,4}|and\s)(?:literally\s)?means\s"
    r"((?:[a-z][\w-]*\s){0,2}[a-z][\w-]*)\.?$"
)
# The way a thing is done, named after "by means of": "proportional representation by means
# of the single transferable vote".
_BY_MEANS = re.compile(
    r"\bby\smeans\sof\sthe\s((?:[a-z][\w-]*\s){0,3}[a-z][\w-]*)"
    r"(?=[,.;]|\s(?:and|or|in|to|from|for|with)\b|$)"
)
# What a short form stands for, in lower case: "where OSAT means outsourced semiconductor
# assembly and test".
_SPELT_OUT = re.compile(
    r"\b[A-Z][A-Z0-9&]{1,7}\s(?:means|stands\sfor)\s((?:[a-z][\w-]*\s?){2,8}?)(?=[.,;]|$)"
)
# What a name means, in its own language: "Mohenjo-daro, whose name means mound of the dead
# in Sindhi", "Its name means black bangles."
_NAME_MEANS = re.compile(
    r"\bname\s(?:means|meant)\s(?:the\s)?[\"\u201c]?([a-z][\w-]*(?:\s[a-z][\w-]*){0,3}?)"
    r"[\"\u201d]?(?=\sin\s[A-Z]|[,;]|\.?$)"
)
# A word taken from another language: "comes from the Arabic mausim, meaning season".
_BORROWED = re.compile(
    r"\bfrom\s(?:the\s)?[A-Z][a-z]+(?:\sword)?\s([a-z][\w-]{2,})"
    r"(?=,?\s(?:meaning|for)\b|,\s[\"\u201c])"  # 'the Sanskrit chitraka, "the spotted one"'
)
# A region by several compass points, one place: "East and Northeast India", "North, Central
# and South Asia" (one point and a name, "Central India", is a name like any other).
_COMPASS = (
    r"(?:North|South|East|West|Central|North-?[Ee]ast|North-?[Ww]est|South-?[Ee]ast|"
    r"South-?[Ww]est|Northern|Southern|Eastern|Western)"
)
_REGION = re.compile(
    rf"(?<![\w-]){_COMPASS}(?:(?:,\s|,?\sand\s){_COMPASS})+\s(?:Peninsular\s)?[A-Z][a-z]{{3,}}\b"
    r"(?!\s[A-Z])"
)
# A named storm, mission or operation: "Cyclone Remal", "Mission Mausam", "Operation Sindoor".
_NAMED_EVENT = word_set("Cyclone Hurricane Typhoon Storm Mission Operation")
# The title of a work after what it is: "the book Why Nations Fail", "novel The Vegetarian".
# A title's capitalised words, joined by the small words titles keep: "Why I Am an Atheist".
_TITLE_WORDS = r"[A-Z][\w\u2019'-]*(?:\s(?:(?:of|the|and|in|on|a|an|to|for)\s)*[A-Z][\w\u2019'-]*)*"
_WORK = re.compile(
    r"\b(?:book|novel|film|poem|play|memoir|autobiography|essay|song|album|treatise|epic|"
    r"magazine|newspaper|journal|painting|opera|series|documentary|anthem)\s"
    rf"((?:The\s|A\s|An\s)?{_TITLE_WORDS})"
)
# A title that keeps its "The" inside a sentence: "described it in The Indian Musalmans",
# "replied with The Philosophy of the Bomb"; not "The Panchayats (Extension to ...) Act".
_THE_TITLE = re.compile(rf"(?<=[a-z,]\s)The\s{_TITLE_WORDS}(?![\w\u2019'-]|\s?\()")
# A work by its title, said after it: "He wrote Amuktamalyada, a Telugu poem on ...".
_WROTE = re.compile(
    r"\b(?:wrote|composed|authored)\s([A-Z][\w\u2019'-]*(?:\s[A-Z][\w\u2019'-]*){0,4}),\s(?:an?|the|his|her)"
    r"\s(?:[\w-]+\s){0,3}(?:poem|book|play|novel|treatise|epic|biography|history|grammar)\b"
)
# A work by its title, just after its writer wrote it: "Bhartrihari wrote the Vakyapadiya
# around ...", "He wrote the Zafarnama, a letter ..."; what the sentence tells of the writer,
# asked before the writer's name. Not a language ("wrote Urdu verse"), nor a title followed
# by more of the phrase it opens.
_WROTE_TITLE = re.compile(
    r"\b(?:wrote|composed|authored)\s(?:the\s)?"
    r"([A-Z][\w\u2019'-]*(?:\s(?:of\s(?:the\s)?)?[A-Z][\w\u2019'-]*){0,4})"
    r"(?=[.,;]|\s(?:in|at|around|on|for|under|and|while|during|when|as|c\.)\s)"
    # not the first of several works ("wrote Keechakavadham, Uttaraswayamvaram and ..."), nor
    # a work asked by the name it is better known by
    r"(?!,\s[A-Z][\w\u2019'-]*(?:,|\sand\s)|,\sbetter\sknown)"
)
# A people by its name: "the Rathwa tribe of Gujarat", "the Ilbari tribe of Turks"; "the
# Shompen, a Particularly Vulnerable Tribal Group", "the Yuezhi, a nomadic people".
_TRIBE = re.compile(
    r"(?<=\bthe\s)([A-Z][a-z]{2,})(?:\s(?:tribe|clan)\b"
    r"|,\s(?:an?|the)\s(?:[\w-]+\s){0,3}?(?:people|tribe|Tribal\sGroup|Scheduled\sTribe)\b)"
)
# A scientific name: "Caenorhabditis elegans", "(Panthera tigris)".
_BINOMIAL = re.compile(
    # "Panthera tigris tigris": a subspecies is named by a third word
    rf"(?<![\w-])({GENUS})\s({EPITHET}(?:\s{EPITHET})?)"
    r"(?=\s?[.,;)]|\s\(|$|\s(?:has|have|had|is|was|are|were|spread|grows|grew|lives|feeds)\b)"
)
# What names a species no dictionary has just before it: a common noun after its article
# ("the parasitoid wasp Acerophagus papayae"), or nothing, opening the sentence before an
# aside ("Mikania micrantha, the mile-a-minute weed, ...").
_NAMED_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s(?:[\w-]+\s)?[a-z]{3,}\s$|^$")
# A scientific name in brackets after the common one, whatever its endings: "the Great Indian
# Bustard (Ardeotis nigriceps)", "the nipa palm (Nypa fruticans)".
_BRACKETED_BINOMIAL = re.compile(r"(?<=\()([A-Z][a-z]{2,})\s([a-z]{3,}(?:\s[a-z]{3,})?)(?=\))")
# A name set off by commas after the common noun it names: "Their AI model, AlphaFold2, ...".
_APPOSITION = re.compile(
    r"\b[a-z]{3,},\s([A-Z][\w\u2019'-]*(?:\s[A-Z][\w\u2019'-]*){0,3})(?=,|\.?$)"
)
# An act with its year, asked whole: "the Waqf Act, 1995", "the Finance Act, 2016".
_ACT = re.compile(
    r"(?:(?:[A-Z][\w\u2019'.-]*|\([A-Z0-9][\w -]*\)|of|and|for|on|to|the|in|from|against)\s)*"
    r"(?:Act|Code|Bill|Ordinance|Sanhita|Adhiniyam),\s(?:1[6-9]|20)\d\d\b"
)
# A law or a plan known by whose it was: "Pitt's India Act", "Wood's Despatch".
_WHOSE_ACT = re.compile(
    r"\b[A-Z][a-z]+[\u2019']s\s(?:[A-Z][\w-]*\s){0,2}"
    r"(?:India\sAct|Despatch|Minute|Plan|Award|Doctrine|Formula)\b(?!\s[A-Z]|\sof\s[A-Z])"
)
# A law known by its number among a year's laws: "Act XLV of 1860", and the Company's
# Regulations so named: "Regulation VII of 1822".
_NUMBERED_ACT = re.compile(
    r"\b(?:Act|Regulation)\s(?:[IVXL]{1,7}|\d{1,3})\sof\s(?:1[6-9]|20)\d\d\b"
)
# A treaty named by a list of what it is of, asked whole: "the Treaty of Friendship,
# Cooperation and Mutual Assistance" (its commas are no end of the name).
_SERIAL_TREATY = re.compile(
    r"(?<![\w-])((?:[A-Z][\w\u2019'-]*\s)*?"
    r"(?:Treaty|Convention|Agreement|Pact|Charter|Declaration|Covenant)\s(?:of|on)\s"
    r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?(?:,\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)+,?\sand\s"
    r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)"
)
# A body named by a list of what it deals with: "the Standing Committee on Personnel, Public
# Grievances, Law and Justice".
_SERIAL_BODY = re.compile(
    r"\b((?:[A-Z][\w-]*\s)*(?:Committee|Ministry|Department|Commission)\s(?:on|of|for)\s"
    r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?(?:,\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)+,?\sand\s"
    r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)"
)
# Names whose commas are no list (of places or people), and what each is asked as.
_SERIAL_NAMES = (
    (_SERIAL_TREATY, "name", AnswerType.text, 4.4),
    (_SERIAL_BODY, "organisation", AnswerType.organisation, 3.6),
)
# A name with a model number: "the Vikram 3201, a 32-bit microprocessor", "UPI 123PAY".
_MODEL = re.compile(
    r"(?<![\w.-])((?:[A-Z][a-z]+|[A-Z]{2,6})\s(?=[0-9A-Z]*\d)(?!(?:1[6-9]|20)\d\d\b)"
    r"[0-9][0-9A-Z]{2,})(?![\w.%-])"
)
_NUMBERED_PARTS = word_set(
    "Article Articles Section Sections Rule Chapter Schedule Part Clause Form Item Table Figure "
    "Phase Stage Unit Block Sector Gate Platform No Number Paragraph Regulation Order Annex "
    "Resolution Category Class Grade Level Route"
)
# A term in quotation marks: "Shiv Shakti", "pocket veto".
# A slogan, whole, commas and all: 'raised the cry "Jai Jawan, Jai Kisan"'.
_SLOGAN = re.compile(
    r"\b(?:slogan|cry|motto|watchword|catchphrase)\s(?:of\s)?"
    # "The motto of Census 2011 was "Our Census, Our Future"": the motto, after whose it is
    r"(?:[^\"\u201c.;]{1,40}?\s(?:was|is)\s)?"
    r"[\"\u201c]([^\"\u201c\u201d]{3,60}?)[.,]?[\"\u201d]"
)
# What a word means, or the words a text opens with, in quotation marks: 'Mandamus means "we
# command"', 'opens with the words "We, the people of India"'.
_MEANING = re.compile(
    r"\b(?:means|meaning|with\sthe\swords)\s[\"\u201c]([^\"\u201c\u201d]{2,40}?)[.,]?[\"\u201d]"
)
_QUOTED = re.compile(r"(?:(?<=\s)\"|\u201c)([^\"\u201c\u201d,.;:]{2,40}?)(?:\"|\u201d)(?!\w)")
_QUOTED_OPENERS = word_set(
    "as so to in on at of for and or but if the a an it is was be this that we i you not"
)
_CHARACTERISED = re.compile(r"\b(?:called|calls|call|described|describes|termed)\s[^.;]+$")
# A name the notes give in quotation marks, called so: 'These were called the "sunshine
# countries"', 'Its strategy is called "Towards 1000"' (figures and all). Not 'Wang Yi called it
# a "headline-grabbing idea"': a speaker's word for what the sentence names.
_CALLED_QUOTED = re.compile(
    r"\b(?:is|are|was|were|be|been|being|often|later|also|commonly|popularly|locally|"
    r"sometimes|widely|still|once|now)\s"
    r"(?:called|named|termed|titled|dubbed|nicknamed|described\sas|known\sas)\s"
    r"(?:(?:the|a|an)\s)?[\"\u201c]([A-Za-z][^\"\u201c\u201d]{2,50}?)[.,]?[\"\u201d]"
)
# What initials stand for: "SIGHT stands for Strategic Interventions for Green Hydrogen
# Transition", one name, not "Strategic Interventions" and "Green Hydrogen Transition".
_STANDS_FOR = re.compile(
    r"\b([A-Z][A-Za-z]{1,10})\s(?:stands|stood)\sfor\s(?:the\s)?"
    r"([A-Z][\w-]*(?:\s(?:(?:of|for|and|on|the|in|to)\s)*[A-Z][\w-]*)*)"
)
# A name joined by a Hindustani "of", asked whole: "Sutar ka Jhopda", "Shahji-ki-Dheri".
_OF_NAME = re.compile(
    r"\b(?!The\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:\s(?:ka|ki|ke)\s|-(?:ka|ki|ke)-)[A-Z][a-z]+"
    r"(?:\s[A-Z][a-z]+)*"
)
# What a measurement found: "confirmed the presence of sulphur", "detected water ice".
_FOUND = re.compile(
    r"\b(?:presence\sof|detected|discovered|traces\sof)\s(?:the\s)?([a-z]{4,}(?:\s[a-z]{3,})?)"
    r"(?=\s(?:near|in|at|on|from)\b|[.,;])"
)
# An ordinal of a first: "the fourth country to make a soft landing".
_NTH_TO = re.compile(
    r"\bthe\s(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s"
    r"(?:[a-z]+\s){0,2}(?:to|in\s(?:the\s)?(?:world|country|history))\b"
)
# A span of time given as a limit: "within one month", "within 90 days".
_SPAN = re.compile(
    r"\b(?:within|for\sup\sto|up\sto|no\slater\sthan)\s"
    rf"((?:one|a|{COUNT_WORDS}|\d{{1,3}})\s(?:minute|hour|day|week|month|year)s?)\b",
    re.IGNORECASE,
)
# A short name in brackets after the long one: "Unified ... Development (UMEED) Act".
_BRACKETED = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,11})\)")
# A term in lower case spelt out before its initials: "the domestic content requirement (DCR)",
# "its exclusive economic zone (EEZ)".
_SPELT_LOWER = re.compile(r"\b((?:[a-z][a-z-]+\s){1,5}[a-z][a-z-]+)\s\(([A-Z]{2,6}s?)\)")
LOWER_DEFINED = 4.1


def _lower_defined(text: str, match: re.Match) -> Term | None:
    """The lower-case words just before the initials that spell them, small words aside."""
    letters = re.sub(r"s$", "", match.group(2))
    words = list(re.finditer(r"[a-z][a-z-]+", match.group(1)))
    for k in range(2, len(words) + 1):
        span = [w.group() for w in words[-k:]]
        if span[0] in _LINKS:
            continue
        pattern = "".join(f"(?:{w[0].upper()})?" if w in _LINKS else w[0].upper() for w in span)
        if re.fullmatch(pattern, letters):
            start = match.start(1) + words[-k].start()
            answer = text[start : match.end(1)]
            return Term(start, match.end(1), answer, "name", AnswerType.text, LOWER_DEFINED)
    return None


# Criteria by their Roman numerals: "listed under criteria (iv) and (vi)".
_CRITERIA = re.compile(
    r"\bcriteri(?:a|on)\s(\([ivx]{1,4}\)(?:(?:,\s|,?\s(?:and|or)\s)\([ivx]{1,4}\))*)"
)
# A vote: "by a vote of 15 to 11".
_VOTE = re.compile(
    r"\b(?:vote|votes|majority|margin)\s(?:of\s)?(\d{1,3}\s(?:to|[-\u2013])\s\d{1,3})\b"
)
# A number or code closing a name: "Launch Complex 39A", "Soyuz T-11" (not "9 members").
# (a comma may close it, "National Highway 715, formerly NH-37, ...", but not part of a figure)
_CODE = re.compile(r"\s(?:\d{1,3}[A-Z]?|[A-Z]{1,2}-\d{1,3})(?![\w.:%-]|,\d|\s(?:[a-z]+s|per)\b)")
# The period a figure covers: "born in the last five years", not "designed to last six
# months" (a verb).
_PERIOD_BEFORE = re.compile(
    r"(?<!\bto\s)\b(?:last|past|previous|preceding|the\sfirst)\s$", re.IGNORECASE
)
# One of a duration: "holding office for one year", "gave the states one year".
# (not "would one day drop", nor "One year above 1.5°C is ..." opening a sentence)
_ONE_SPAN = re.compile(
    r"(?<!\bwould\s)(?<!\bwill\s)(?<!\bmight\s)\bone\s(?:year|month|week|day)\b(?![-\u2013])"
)
# Durations: "within 90 days", "at least five years".
_DURATION = r"(?:minutes|hours|days|weeks|months|years)"
DURATION_WORTH = 4.2
COUNTED_WORTH = 4.0
CODE_WORTH = 4.0  # a designation with digits: "Luna-25", "LVM3"
WROTE_WORTH = 4.4  # a work just after "wrote": asked before its writer (a person, 4.3)
DEFINED_WORTH = 4.5  # a term the notes define or name once: the fact of its sentence
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
COMPOUND = re.compile(
    rf"\b(?:(?:{_ORDINAL})-(?:largest|biggest|highest|lowest|smallest|warmest|hottest|"
    r"coldest|most\s\w+|fastest|slowest)"
    r"|\d+-(?:year|day|month|week|hour|judge|member|point|nation|country))\b",
    re.IGNORECASE,
)
# A figure closing its sentence: "put the number at 3,167.", "The margin was 4,089."
_SENTENCE_END = re.compile(r"^\.?[\"'\u201d)\]]*$")
_FIGURE_BEFORE = re.compile(
    r"\b(?:at|to|of|was|is|were|are|by|reached|scored|totalled|totaled|numbered|about|around|"
    r"magnitude|nearly|over|some)\s$"
)
# A decimal without a unit, a rate or a weight: "fell to 2.0", "at 0.388".
_RATE = re.compile(r"(?<![\w.,:$\u20ac\u00a3\u20b9\u00b1-])\d{1,3}\.\d{1,3}(?![\w%\u00b0-]|[.,]\d)")
_SUPERLATIVE = re.compile(r"\b(?:highest|lowest|largest|smallest|most|least|best|worst)\b")
# A rank: "India's 44th World Heritage property", "finished 71st".
_RANK = re.compile(r"(?<![\w.,-])\d{1,3}(?:st|nd|rd|th)\b(?![-\u2013])")
# A day and month without a year, asked whole: "on 9 October", "from 10 May".
DAY_MONTH = re.compile(
    rf"(?<![\d\u2013-])(?<!\d\sto\s)(?<!\d\sand\s)\b([1-9]|[12]\d|3[01])\s({MONTHS})\b"
    rf"(?!,?\s\d{{3,4}})(?!\s(?:to|and)\s\d|\s?[-\u2013]\s?\d)"
)
_DAY_AFTER = re.compile(
    rf"^\s*(?:[-\u2013]\s*\d{{1,2}}\s*|\s(?:to|and)\s\d{{1,2}}\s)?(?:{MONTHS})\b"
)
_DAY_BEFORE = re.compile(rf"\b(?:{MONTHS})\s$")
_DAY_FROM = re.compile(rf"^\s(?:to|and|[-\u2013])\s?\d{{1,2}}\s(?:{MONTHS})\b")

# "Article 6.2", "Article 280(3)(b)", a sub-article written with a hyphen ("Article 243-I"),
# and an article in Roman numerals with its paragraph after a colon ("Article IX:1", the
# numbering of the WTO's agreements and the GATT).
_ARTICLE_NUMBER = (
    r"(?:\d+[A-Z]{0,3}(?:-[A-Z]{1,3}\b)?|[IVXL]{1,7}(?![\w-]))"
    r"(?::\d+)?(?:\.\d+)*(?:\((?:\d{1,3}[A-Z]{0,2}|[a-z]{1,4})\))*"
)
ARTICLE = re.compile(
    r"\b(?:Article|Section|Clause|Chapter|Schedule|Paragraph|Regulation|Rule|Resolution|Entry|"
    r"Entries|(?:(?:Major|Minor)\s)?Rock\sEdict|Pillar\sEdict)s?"
    rf"\s{_ARTICLE_NUMBER}(?:(?:,\s|\sand\s|\sor\s|\sto\s){_ARTICLE_NUMBER})*"
    # A Part of a constitution in Roman numerals ("Part IV", "Part IXA"), a Schedule or List
    # by its ordinal ("the Seventh Schedule") or numeral ("List III").
    r"|\b(?:Part|List)\s[IVX]{1,5}[A-C]?\b(?![\w-])(?!\.\w)"
    # An annexure by its letter: "Annexure F", "under Annexure G." (no initial)
    r"|\b(?:Annexure|Annex|Appendix)\s[A-H]\b(?![\w-])(?!\.\w)"
    # The three Lists of the Seventh Schedule by their names: "the Concurrent List".
    r"|\b(?:Union|State|Concurrent)\sList\b"
    r"|\b(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|"
    r"Twelfth)\sSchedule\b"
)

# An office that heads or chooses, named by its title alone: "chaired by the Prime Minister",
# "headed by the Chief Minister", "in consultation with the Chief Justice of India"; not a
# person's title before their name ("chaired by Prime Minister Modi").
_OFFICE = (
    r"((?:(?:Union|State|Cabinet|Environment|Home|Finance|Law|Deputy|Vice|Chief|Prime|"
    r"Foreign|Defence)\s){0,2}"
    r"(?:Minister|President|Vice-President|Justice|Governor|Speaker|Chairman|Chairperson|"
    r"Secretary|Commissioner|Governor-General|Viceroy|Lieutenant\sGovernor)"
    # "the Speaker of the Lok Sabha", "the Chairman of the UPSC"
    r"(?:\sof\s(?:India|the\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|the\s[A-Z]{2,6}))?)(?![\w-]|\s[A-Z])"
)
_OFFICE_AFTER = re.compile(
    r"\b(?:(?:chaired|headed|presided\sover|led|nominated|appointed|recommended|chosen)\sby|"
    r"in\sconsultation\swith|on\sthe\sadvice\sof)\s(?:the\s)?" + _OFFICE
)
OFFICE_WORTH = 4.2
# An office the sentence gives a power or a place to, named by its title alone: "removed
# only by the President", "vested in the Governor-General", "The Prime Minister is the
# chairman".
_OFFICE_ALONE = re.compile(r"(?:(?<=\s)the|^The)\s" + _OFFICE)
# Opening the sentence, an office is its fact where the sentence says what it is ("The Prime
# Minister is the chairman"), not what it must do ("The President must decide within ...").
_OFFICE_IS = re.compile(r"\s(?:is|was)\s(?:also\s)?(?:the|its|their)\b")
OFFICE_ALONE_WORTH = 3.3

# The judge whose removal an office holder's follows: "removed only in the manner and on the
# grounds of a Supreme Court judge", "in the manner of a judge of the Supreme Court".
_REMOVED_AS = re.compile(
    r"\b(?:manner|grounds)\s(?:as|of)\s(?:that\sof\s)?"
    r"(an?\s(?:Supreme\sCourt|High\sCourt)\s[Jj]udge|"
    r"an?\s[Jj]udge\sof\s(?:the|a)\s(?:Supreme|High)\sCourt)\b"
)

# An age limit: "until the age of 65", "between the ages of 6 and 14 years".
_AGE = re.compile(r"\bages?\s(?:of\s)?(\d{1,3}(?:\s(?:and|to)\s\d{1,3})?(?:\syears)?)\b")
AGE_WORTH = 4.0

# A year of school by its number: "until at least Class 5", "in Classes 5 and 8".
_SCHOOL_CLASS = re.compile(
    r"\b(?:Class|Classes|Grade|Grades)\s\d{1,2}\b(?:(?:,\s|\sand\s|\sor\s|\sto\s)\d{1,2}\b)*(?![\w-]|\.\d)"
)
SCHOOL_CLASS_WORTH = 4.0

# An amendment of a constitution by its ordinal: "the 42nd Amendment", "the 73rd and 74th
# Amendments", "the First Amendment".
_ORDINAL_WORDS = (
    r"First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
    r"Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth"
)
AMENDMENT = re.compile(
    # not "Ninth Amendment" of "(One Hundred and Twenty-Ninth Amendment) Bill, 2024" or
    # "Eighth Amendment" of "(One Hundred and Eighth Amendment) Bill": a part of another
    # number; the title of a bill or an act with its year is asked whole
    rf"(?<![\w-])(?<!Hundred\sand\s)(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"
    rf"(?:\sand\s(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORDS}))?"
    # "the 42nd Amendment Act of 1976" is asked as "the 42nd Amendment" is; the year after
    # its comma, "the 98th Amendment Act, 2012", is known by the number and not recalled
    r"\s(?:Constitutional\s)?Amendments?(?:\s(?:Act|Bill))?\b(?!\)?\sAct\b)"
    r"(?!\)?\s(?:Bill|Ordinance),\s\d{4})"
)

_TOKEN = re.compile(r"[^\W_](?:[\w\u2019'.\-\u2013]*[\w.])?")
_CONNECTORS = word_set("of for and on to the")
_TREATY_WORDS = word_set(
    "Treaty Convention Agreement Accord Protocol Charter Pact Declaration Partnership "
    "Act Resolution Roadmap Framework Mechanism Report Goal Initiative Plan Programme "
    "Survey Mission Strategy Policy Code Bill Scheme Fund Budget Amendment Yojana Abhiyan "
    "Rules Regulations Ordinance Principles Guidelines Statement Compact Consensus Agenda"
)
_ORGANISATION_WORDS = word_set(
    "Council Agency Union Nations Centre Center Party Bank Fund Organisation Organization "
    "Ministry Committee Court Parliament Assembly Institute University Commission Army "
    "Navy Force Forces Corporation Company Association Federation Office Department Group "
    "Archive Board Authority League Bureau Alliance Coalition Cabinet Division Secretariat "
    "Conference Tribunal Bench Storting Congress Senate Government Service Services "
    "Coalition Facility Reserve Exchange Sabha Space Academy School College Chamber Chambers "
    "Society Samaj Trust"
)
# Last words of a company's name: "General Electric" is a firm, not General Electric.
_COMPANY_WORDS = word_set("Electric Motors Industries Mills Airlines Airways Petroleum Dynamics")
# Institutions and document parts capitalised in notes, never an answer on their own.
_INSTITUTIONS = (
    _ORGANISATION_WORDS
    | _TREATY_WORDS
    | word_set(
        "State States Centre Constitution President Governor Minister Census Article Articles "
        "Section Chapter Schedule Clause Prelims Mains Volume Appendix Summit Presidency Chair "
        "Parties Members Member Prime Justice Justices Chief Deputy Secretary Director Union "
        "Budget House Houses Bill Law Rules Rule Order Note Notes Table Figure Part Key Terms "
        "Figures Points Facts Background Overview Context Reactions Criticism Assessment "
        "Dates Timeline"
    )
)
INSTITUTIONS = _INSTITUTIONS  # for the drafter: "the Committee in Paris" names where it met
_PLACE_PREFIXES = word_set("New North South East West Saudi Sierra Papua Viet Costa Sri Hong")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|across|into|hit|visited|excavated|hosted\sby)\s"
    r"(?:[A-Z][^\W\d_]*(?:\s[A-Z][^\W\d_]*)?(?:,\s|\s(?:and|or)\s))*"
    r"|\b(?:visit|visits|trip|travelled|traveled|went|moved|returned|flew|sent|exiled|fled|"
    r"deported|taken|shifted|go|goes)\sto\s"
    # "moved his capital from Murshidabad to Munger", "a march from Tiruchirappalli to
    # Vedaranyam": where a journey ends
    r"|\bfrom\s(?:the\s)?[A-Z][^\W\d_]*(?:\s[A-Z][^\W\d_]*)?\sto\s"
    # "founded the town of Kanishkapura", "the port of Mamallapuram"
    r"|\b(?:town|city|village|port|hamlet|island)\sof\s)(?:the\s)?$"
)
# A language, where "in" names what something is written or said in: "wrote in Persian and
# Hindavi", "a commentary on the Gita in Marathi", "preached in Kannada".
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:wrote|written|writes|write|composed|sang|sung|preached|spoke|spoken|translated|"
    r"commentary|poems?|hymns?|verses|songs|sayings)\b(?:,?\s(?!in\b)[\w\u2019'-]+){0,6}"
    r"\sin\s(?:[A-Z][^\W\d_]*(?:,\s|\s(?:and|or)\s))*$"
)
# A language or a script, named before the word: "in the Pashto language", "the Kharosthi
# script".
_LANGUAGE_AFTER = re.compile(r"\s(?:language|script|dialect)\b")
# The language a name is given in: "known in Persian as", "remembered in Bengali as".
_NAMED_IN = re.compile(r"\b(?:known|remembered|called|named|spelt|written)\sin\s$")
# Where a prize or a vote goes to a person as often as a team goes to a place.
_PERSON_TO = re.compile(r"\b(?:went|go|goes)\sto\s(?:the\s)?$")
# A common noun naming what the person is, just before the name: "the writer Han Kang".
_ROLE_NOUN = re.compile(
    r"(?:^|\s)(?:the\s)?(?:[a-z]+\s)?([a-z]{3,}(?:er|or|ist|ian|ant|ent|eeper|ain)),?\s$"
)
_ROLE_AFTER = re.compile(
    r"^,\s(?:the\s|an?\s)(?:[\w-]+\s){0,3}?([a-z]{3,}(?:er|or|ist|ian|ant|ent|eeper|ain))\b"
)
# A title after the name: ", the UAE's Minister of State", ", India's Chief Negotiator".
_TITLE_AFTER = re.compile(
    r"^,\s(?:the\s|an?\s)?(?:[A-Z][\w-]*[\u2019']s\s)?(?:[A-Z][\w-]*\s){0,2}?([A-Z][\w-]*)\b"
)
_NOT_ROLES = word_set(
    "after over under other order per cover water winter summer river center "
    "father mother grandfather grandmother brother sister daughter husband"  # kin, not a role
    " copper silver timber amber rubber paper leather"  # "the copper Sultanganj Buddha"
)
# Titles that stay with the name they precede: "Lord Canning", "Sir Colin Campbell". A
# ruler's title stays in the prompt as a cue: "under King {{Kalashoka}}", "Maharaja {{Ramanuj
# Pratap Singh Deo}}".
HONORIFICS = word_set("Lord Sir Lady Dame Saint")
# Ranks that stay only where they open the name: "Captain Paradis", "General Reginald Dyer",
# "Sheikh Abdullah"; not "Group Captain Shubhanshu Shukla" or "Solicitor General Tushar
# Mehta", where an office comes first and the name is asked alone. ("Dr" is kept by half of
# examiners and left out by the other half, so it goes with the office; so does "Colonel",
# left out of five of the six colonels' names chosen as facts: "Colonel {{John Upton}}".)
_OPENING_HONORIFICS = word_set("Captain General Sheikh")
_PERSON_VERBS = word_set(
    "said says wrote writes signed signs led leads announced spoke speaks dissented argued "
    "chaired chairs presented tabled called calls took took addressed represented appeared "
    "succeeded replied warned visited met welcomed opposed backed thanked praised urged "
    "accused criticised criticized hosted invited appointed resigned died won"
    " excavated discovered composed ruled taught translated sang painted danced married"
    " presided recited compiled preached presiding chairing renounced shot assassinated"
    " hoisted escaped fasted organised organized ran edited seconded"
    " declared proclaimed demanded pleaded insisted believed moved"
)
# What a scientist did, with its object after: "Jacob Bjerknes linked the ocean and the air";
# not the participle of "Inflation Indexed Bonds linked to the WPI".
_FINDINGS = word_set(
    "described linked identified proposed coined observed predicted explained theorised"
    " theorized devised invented measured showed demonstrated developed"
)
_FINDING = re.compile(
    # "Linus Pauling and his colleagues showed that ..."
    r"^\s(?:and\s(?:his|her)\s(?:colleagues|co-workers|students|team)\s)?"
    rf"(?:{'|'.join(sorted(_FINDINGS))})\s"
    r"(?!(?:to|as|by|in|with|after|for|at|on|from|under|into|through|over)\b)"
)
_ROLE_BEFORE = re.compile(
    r"\b(?:by|president|chairman|chair|chairperson|governor|minister|judge|advocate|"
    r"secretary|commissioner|official|leader|adviser|chief|envoy|was|is|were|are)\s$"
)
# Who someone is to a person just named: "Kampana's wife Gangadevi", "his son Bukka".
_KIN_BEFORE = re.compile(
    r"(?:[\u2019']s|\b(?:[Hh]is|[Hh]er|[Tt]heir))\s(?:elder\s|younger\s)?"
    r"(?:wife|son|daughter|brother|sister|mother|father|queen|heir|successor|nephew|sons|"
    r"daughters|brothers|sisters)\s$"
)
# Who wrote a work, said after it: "is credited to Shakalya", "was written by Jayaditya and
# Vamana"; one name each, a person.
_AUTHOR_BEFORE = re.compile(
    r"\b(?:written|composed|authored|compiled|credited|ascribed|attributed)\s(?:by|to)\s"
    r"(?:[A-Z][\w\u2019'-]*\sand\s)?$"
)
# "the second Pole in space, after Mirosław Hermaszewski": who did it first.
_PREDECESSOR = re.compile(
    r"\b(?:second|third|fourth|fifth|next)\b[^.;]*,\s(?:after|succeeding|following)\s$"
)
_ROLES = (
    "official|minister|judge|leader|lawyer|advocate|economist|scientist|diplomat|politician|"
    "activist|member|chief|head|officer|adviser|advisor|president|secretary|commissioner|"
    "governor|director|chairman|chairperson|founder|journalist|author|professor|ambassador|"
    "astronaut|cosmonaut|pilot|engineer|researcher|doctor|actor|player|athlete|MLA|MP|"
    # who history notes name once: "Saluva Narasimha, a powerful general, seized the throne"
    "general|king|queen|ruler|emperor|empress|sultan|prince|princess|poet|saint|sage|scholar|"
    "historian|traveller|traveler|chronicler|commander|admiral|viceroy|monk|philosopher|"
    # the arts, learning and reform: "The Sanskrit writer Dandin, author of ..."
    "writer|playwright|novelist|painter|sculptor|architect|musician|singer|composer|"
    "astronomer|mathematician|physician|grammarian|reformer|preacher|disciple|nun|chieftain|"
    "revolutionary|nationalist|envoy|explorer|navigator"
)
_EVENT_WORDS = word_set(
    "War Crisis Revolution Games Olympics Cup Movement Massacre Famine Uprising Riots Summit "
    "Battle Siege Day"
)
# A species' category on the IUCN Red List, capitalised inside a sentence: an examiner asks
# it wherever the notes give it.
_RED_LIST_CATEGORY = re.compile(
    r"(?<![\w-])(?:Critically\sEndangered|Endangered|Vulnerable|Near\sThreatened|"
    r"Least\sConcern|Extinct\sin\sthe\sWild|Data\sDeficient)(?![\w-])"
    r"(?!\s[A-Z])"  # not inside a name: "the Recovery Programme for Critically Endangered Species"
)
RED_LIST_WORTH = 4.5
# The first word of a chemical compound's name: "nitrogen trifluoride", "sulphur hexafluoride".
_ELEMENT_BEFORE = re.compile(
    r"\b(?:hydrogen|carbon|nitrogen|oxygen|fluorine|sodium|magnesium|aluminium|phosphorus|"
    r"sulphur|sulfur|chlorine|potassium|calcium|iron|zinc|bromine|iodine|methyl|ethyl|"
    r"nitrous|nitric|ferrous|ferric)\s$"
)
# Latin the law keeps, asked whole: "the ex officio Chairman", "trials in absentia", "the writ
# of quo warranto" (never "ex {{officio}}", whose "officio" no dictionary has); not "caught in
# camera traps".
_LATIN = re.compile(
    r"(?<![\w-])(?i:ex\sofficio|in\sabsentia|suo\smot[uo]|sine\sdie|de\sfacto|de\sjure|"
    r"in\scamera(?!\s(?:trap|image|footage|survey))|prima\sfacie|habeas\scorpus|"
    r"quo\swarranto|res\sjudicata|sub\sjudice|amicus\scuriae|locus\sstandi|"
    r"obiter\sdict[au]m?|ratio\sdecidendi|mala\sfide|ultra\svires|stare\sdecisis|"
    r"audi\salteram\spartem|parens\spatriae|ex\sparte|ex\spost\sfacto|pari\spassu|in\ssitu|"
    r"ex\ssitu|mens\srea)(?![\w-])"
)
# A word in lower case, as a term in the subject's own language is written ("the pidha
# deula", "sulh-i-kul"): asked where no English dictionary has it (`lexicon`).
_NATIVE = re.compile(r"(?<![\w'\u2019-])[a-z]{3,}(?:-[a-z]+)*(?![\w'\u2019-])")
NATIVE_WORTH = 4.0
OF_NAME_WORTH = 4.2
_FAITHS = word_set("Jain Hindu Muslim Sikh Buddhist Christian Parsi Islamic Vedic Brahmin")
_FUNCTION_WORDS = word_set(
    "in on at to from for and or but with by of as after before since during over under "
    "off near along across through beyond via towards around "
    "while which who that than into against between within without"
)
# ", B, C and D"; ", B, C of Indonesia and D"
_LIST = r"^(?:,\s[^\W\d_][\w\u2019'-]*(?:\s(?:of\s)?[A-Z][\w\u2019'-]*)*)+,?\s(?:and|or)\s"
_VERBS = word_set(
    "is was are were has had have will would may can could must set won lost held led "
    "became becomes made makes took takes gave gives got gets saw sees sent kept put cut "
    "ran runs leads said says chose chooses came comes went goes joined signed wrote began "
    "rose fell grew spoke told left brought found drew stood paid read met"
)
PRONOUNS = word_set("He She It They His Her Its Their Them This That These Those Such")


@dataclass(frozen=True)
class Term:
    start: int
    end: int
    answer: str
    kind: str  # person, place, organisation, name, article, amount, ratio, number, year
    answer_type: AnswerType
    worth: float
    date: str | None = None  # for years: 2024, 2024-08 or 2024-08-01
    explicit: bool = False  # for years: the date of what the sentence tells ("in 2006")
    listed: bool = False  # for people: one of a list of names ("A, B and C")
    day_start: int | None = None  # for years: where the day of a whole date begins


@dataclass(frozen=True)
class Vocabulary:
    """Which capitalised words a document also uses mid-sentence, or in lower case."""

    capitalised: frozenset[str]
    lower: frozenset[str]
    alone: frozenset[str] = frozenset()  # capitalised words met on their own: "Hinton said"
    places: frozenset[str] = frozenset()  # single words met where a place stands: "in Baku"
    surnames: frozenset[str] = frozenset()  # last words of longer names: "Baker", "Hinton"
    lower_counts: dict = field(default_factory=dict)  # how often each lower-case word is used
    # single names the grammar calls a sentence's subject where they open it ("Rakhigarhi, in
    # Hisar district, is the largest site"): names, whatever follows them
    subjects: frozenset[str] = frozenset()
    # words opening a sentence that the grammar takes for common words, not names:
    # "Opposition began among scientists", "Nearby, the sanctuary ..."
    common: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls, sentences: list[str], subjects: Iterable[str] = (), common: Iterable[str] = ()
    ) -> Vocabulary:
        capitalised: set[str] = set()
        lower: set[str] = set()
        alone: set[str] = set()
        places: set[str] = set()
        surnames: set[str] = set()
        counts: dict[str, int] = {}
        for text in sentences:
            tokens = list(_TOKEN.finditer(text))
            for run in _runs(text):
                words = [_bare(t.group()) for t in run]
                if len(run) > 1 and _PLACE_BEFORE.search(_tail(text, run[0].start())):
                    places.add(text[run[0].start() : run[-1].start()] + words[-1])
                capitals = all(w[:1].isupper() for w in words)
                if _person_shaped(words) and run[0].start() > 0 and capitals:
                    surnames.add(words[-1])
            for i, match in enumerate(tokens):
                word = _bare(match.group())
                if word[:1].islower():
                    lower.add(word)
                    counts[word] = counts.get(word, 0) + 1
                    continue
                if not word[:1].isupper():
                    continue
                if i > 0:
                    capitalised.add(word)
                joined_before = i > 0 and _joined(text, tokens[i - 1], match)
                if i > 1 and tokens[i - 1].group() in ("of", "for", "on", "the"):
                    joined_before = tokens[i - 2].group()[:1].isupper()  # "Academy of Sciences"
                joined_after = i + 1 < len(tokens) and _joined(text, match, tokens[i + 1])
                previous = tokens[i - 1].group() if i > 0 else ""
                article = previous.lower() in _DETERMINERS or previous[:1].isdigit()
                if not joined_before and not joined_after and not article:
                    alone.add(word)
                    before = _tail(text, match.start())
                    if (
                        _PLACE_BEFORE.search(before)
                        and not _PERSON_TO.search(before)
                        and not _IN_TITLE.search(before)
                    ):
                        places.add(word)
        return cls(
            *map(frozenset, (capitalised, lower, alone, places, surnames)),
            counts,
            frozenset(subjects),
            frozenset(common),
        )

    def lower_alone(self, word: str) -> bool:
        """A lower-case word the document uses elsewhere too: a common word."""
        return self.lower_counts.get(word, 0) > 1

    def is_proper(self, word: str) -> bool:
        return word in self.capitalised and word.lower() not in self.lower


def _tail(text: str, end: int, size: int = 200) -> str:
    """The words just before ``end``: what a pattern anchored there needs to see, so that a
    line thousands of words long is read once, not once per capitalised word."""
    if end <= size:
        return text[:end]
    window = text[end - size : end]
    return window[window.find(" ") + 1 :]


# Words before a common noun, not a surname: "the Games", "one Games", "its Survey".
_DETERMINERS = word_set("the a an one two this that these those its his her their our each every")


def _joined(text: str, first: re.Match, second: re.Match) -> bool:
    """Two tokens of one name: capitalised both, or a particle, with one space between."""
    if text[first.end() : second.start()] != " ":
        return False
    a, b = first.group(), second.group()
    if re.search(r"[,;:]$|[\u2019']s$", a):
        return False
    return (a[:1].isupper() or a in PARTICLES) and (b[:1].isupper() or b in PARTICLES)


def _bare(token: str) -> str:
    """A token without a closing full stop (initials keep theirs) or a possessive."""
    token = re.sub(r"[\u2019']s$", "", token)
    if re.fullmatch(r"(?:[^\W\d_]\.)+", token):
        return token
    return token.rstrip(".")


def find_terms(
    text: str, vocabulary: Vocabulary, counts: Iterable[tuple[int, int]] = ()
) -> list[Term]:
    """Every askable term of one sentence, not overlapping, in sentence order. `counts` are
    the spans of numbers the sentence's grammar says count something (parse.counted_numbers),
    asked where no rule of shape finds them."""
    terms: list[Term] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(term: Term) -> None:
        if term.end > term.start and free(term.start, term.end):
            taken.append((term.start, term.end))
            terms.append(term)

    for match in _CALLED_QUOTED.finditer(text):  # before its words are found one by one
        words = match.group(1).split()
        if len(words) <= 6 and words[0].casefold() not in _QUOTED_OPENERS:
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    # 'Tsangpo means "the purifier"'; before the figures in it: 'the Ashtadhyayi, meaning
    # "eight chapters"' is asked by the meaning, not {{eight}}
    for match in _MEANING.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    for match in _STANDS_FOR.finditer(text):  # the name its initials spell, small words too
        if abbreviates(match.group(2).split(), match.group(1)):
            add(Term(*match.span(2), match.group(2), "name", AnswerType.text, 4.3))
    for match in _OF_NAME.finditer(text):  # "Sutar ka Jhopda", not "Sutar" and "Jhopda"
        add(Term(*match.span(), match.group(), "name", AnswerType.text, 4.3))
    for match in _NUMBERED_ACT.finditer(text):  # before "Regulation VII" alone is an article
        add(Term(*match.span(), match.group(), "name", AnswerType.text, 4.3))
    for match in ARTICLE.finditer(text):
        worth = 4.3 if match.group().startswith("Chapter") else 4.6
        noun = re.match(r"\s([a-z]{3,})\b", text[match.end() :])
        noun = noun is not None and noun.group(1) not in _FUNCTION_WORDS | _VERBS
        if noun and match.group().endswith("List"):
            continue  # "a Concurrent List subject": what kind of subject, not the List asked
        add(Term(*match.span(), match.group(), "article", AnswerType.article, worth))
    for match in _CODED_PLAN.finditer(text):  # "a 6x6x6 strategy", before its figures
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.4))
    for match in _OFFICE_AFTER.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, OFFICE_WORTH))
    cases = list(_CASE.finditer(text))  # read once: offices inside them, then the cases
    for match in _OFFICE_ALONE.finditer(text):
        if any(case.start(1) <= match.start(1) < case.end(1) for case in cases):
            continue  # "State of Punjab v. Principal Secretary to the Governor of Punjab": a case
        if re.fullmatch(r"Chairman|Chairperson|Secretary|Commissioner", match.group(1)):
            continue  # "The Chairperson must be ...": the body's own officer, whoever it is
        if match.start() == 0 and not _OFFICE_IS.match(text, match.end()):
            continue
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, OFFICE_ALONE_WORTH))
    for match in _REMOVED_AS.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.4))
    for match in _AGE.finditer(text):
        add(Term(*match.span(1), match.group(1), "number", AnswerType.number, AGE_WORTH))
    for match in _SCHOOL_CLASS.finditer(text):
        add(Term(*match.span(), match.group(), "article", AnswerType.article, SCHOOL_CLASS_WORTH))
    for match in AMENDMENT.finditer(text):
        ordinal = re.match(r"(\S+)\sConstitutional\sAmendment\sAct\b", match.group())
        if ordinal:
            # "the 52nd Constitutional Amendment Act of 1985": its number is the question, the
            # rest says what it numbers
            number = match.start() + len(ordinal.group(1))
            add(Term(match.start(), number, ordinal.group(1), "name", AnswerType.text, 4.6))
            taken.append((number, match.end()))  # no name of its own
            continue
        add(Term(*match.span(), match.group(), "name", AnswerType.text, 4.6))
    for match in _ACT.finditer(text):
        act = _act_term(text, match)
        if act is not None:
            add(act)
    for match in _WHOSE_ACT.finditer(text):  # "Pitt's India Act", not "{{India Act}}"
        add(Term(*match.span(), match.group(), "name", AnswerType.text, 4.3))
    for match in _MODEL.finditer(text):
        name, code = match.group(1).split()
        before, after = text[: match.start()], text[match.end() :]
        if name in _NUMBERED_PARTS or name in MONTH_NUMBER or name in OPENERS:
            continue
        if re.search(r"[A-Z][\w-]*\s$", before):
            continue  # "National Highway 710": the end of a longer name, found whole as a run
        if (
            re.search(r"[A-Z]", code)
            or re.search(r"\bthe\s$", before)
            # not "a Saikia 100, a Hazarika 1,000": ranks and what each commands, listed
            or re.match(r"^,\s(?:an?|the)\s(?![A-Z][\w-]*\s\d)", after)
        ):
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, CODE_WORTH))
    for pattern, kind, answer_type, worth in _SERIAL_NAMES:
        for match in pattern.finditer(text):
            start, answer = match.start(1), match.group(1)
            opener = answer.split()[0]
            if opener in OPENERS:  # "The Treaty of ...": not "The"
                start, answer = start + len(opener) + 1, answer[len(opener) + 1 :]
            add(Term(start, match.end(1), answer, kind, answer_type, worth))
    for match in _CRITERIA.finditer(text):  # "under criteria (iv) and (vi)"
        add(Term(*match.span(1), match.group(1), "number", AnswerType.text, 4.4))
    for match in _VOTE.finditer(text):
        add(Term(*match.span(1), match.group(1), "ratio", AnswerType.text, 4.8))
    for match in cases:
        start, end = match.span(1)
        opener = re.match(r"([A-Z][a-z]+)\s", match.group(1))
        if opener and opener.group(1) in OPENERS and opener.group(1) not in ("The", "A"):
            start += len(opener.group())  # "In Ravi S. Naik v. Union of India": not "In"
        office = _CASE_OFFICE.match(text[end:])
        if office:  # "v. Principal Secretary, Governor of Maharashtra, decided on ..."
            end += office.end()
        # A case framing what a court held ("In Minerva Mills Ltd. v. Union of India, a Bench
        # ... struck down") is what judgment notes are learnt by; one cited as the source of a
        # judgment ("after the judgment in PUCL v. Union of India in 2013", "ruled in ...")
        # leaves the news to the rest of the sentence.
        cited = _CITED_CASE.search(text[:start])
        add(Term(start, end, text[start:end], "name", AnswerType.text, 4.1 if cited else 4.6))
    for match in _TITLED.finditer(text):
        if match.group(1).split()[0] not in MONTH_NUMBER:
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.8))
    for match in _PUBLISHED.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.3))
    for match in [*_BINOMIAL.finditer(text), *_BRACKETED_BINOMIAL.finditer(text)]:
        epithets = match.group(2).split()
        species = epithets[0]
        named_as_species = (
            text[: match.start()].endswith("(")
            or text[match.end() :].startswith(")")
            or re.search(
                r"\b(?:the|a|an|species|genus|called|named|include|includes|including|by)\s$",
                text[: match.start()],
            )
            or re.search(r"\b[a-z]+,\s$", text[: match.start()])  # "a tiny worm, Caenorhabditis"
            or re.search(r"\bname\s(?:is|was)\s$", text[: match.start()])  # "name is"
            or (_NAMED_BEFORE.search(text[: match.start()]) and not is_english(species))
        )
        if not named_as_species:
            continue  # "calls Gautamiputra ekabrahmana": a name and a word of its language
        # used elsewhere in lower case: a common word ("tigris tigris" counts once)
        common = vocabulary.lower_counts.get(species, 0) > epithets.count(species)
        if species in _FUNCTION_WORDS or species in _VERBS or common:
            continue  # a common word after a capitalised one, not a species
        add(Term(match.start(1), match.end(2), match.group(), "name", AnswerType.text, 4.3))
    for match in _NAMED.finditer(text):
        named = _named_term(text, match)
        if named is not None:
            add(named)
    for match in _BRACKETED.finditer(text):
        short = match.group(1)
        if sum(c.isupper() or c.isdigit() for c in short) < 2:
            continue  # "(Amendment)", "(Protection)": part of a title
        if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+", short):
            continue  # "Faxian (Fa-Hien)": an older spelling of the name before, no name of its own
        if _coined(text[: match.start()], short):
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.3))
    for match in RANGE.finditer(text):
        ranged = range_term(text, match)
        if ranged is not None:
            add(ranged)
    for match in _ERA_YEAR.finditer(text):
        # "wrote the Aryabhatiya in 499 CE", "his accession in 319–320 CE": a year of the
        # era, with it; a reign given in passing ("(c. 375–415 CE)") is no question
        before, after = text[: match.start()], text[match.end() :]
        reign = match.group(1) and re.search(r"(?:\bc\.|\()\s?$", before)
        # "between about 2600 BCE and 1900 BCE", "200 BCE and 200 CE": a period's ends
        period = re.search(
            r"\bbetween\s(?:about\s|c\.\s)?$|\d\s(?:BCE|CE|BC|AD)\s(?:and|to)\s(?:about\s)?$",
            before,
        )
        period = period or re.match(r"^\s(?:and|to)\s(?:about\s|c\.\s)?\d", after)
        if not reign and not period:
            add(Term(*match.span(), match.group(), "number", AnswerType.text, ERA_YEAR_WORTH))
        taken.append(match.span())
    for match in _YEAR_RANGE.finditer(text):
        taken.append(match.span())  # "2023–24", "1850–1900": a period, not a date
    for match in YEAR.finditer(text):
        add(_year_term(text, match))
    for match in RATIO.finditer(text):
        add(Term(*match.span(), match.group(), "ratio", AnswerType.number, 4.8))
    for match in AMOUNT.finditer(text):
        worth = 4.0 if re.fullmatch(rf"(?:{_NUM}){_SCALE}", match.group()) else 4.3
        scale = re.search(r"(?:million|billion)$", match.group())
        # "about 66 million years ago", "5 million metric tonnes (MMT)": asked with its unit
        unit = _AGE_IN_YEARS.match(text, match.end())
        spelt = _SPELT_UNIT.match(text, match.end())
        if scale and spelt and spells(f"{scale.group()}{spelt.group(1)}", spelt.group(2)):
            unit = spelt
        if scale and unit:
            end = unit.end(1)
            add(Term(match.start(), end, text[match.start() : end], "amount", AnswerType.text, 4.3))
        add(Term(*match.span(), match.group(), "amount", AnswerType.number, worth))
    for match in COMPOUND.finditer(text):
        worth = 4.2  # a rank ("seventh-largest") or a span ("175-year record"): often asked
        add(Term(*match.span(), match.group(), "number", AnswerType.text, worth))
    for match in DAY_MONTH.finditer(text):
        add(Term(*match.span(), match.group(), "date", AnswerType.date, 4.1))
    for match in _RANK.finditer(text):
        placed = re.search(
            r"\b(?:finished|came|ranked|ranks|placed|stood|is|was)\s$", text[: match.start()]
        )
        worth = 4.2 if placed else 3.8  # "finished 71st": a placing, not "the 47th session"
        report = re.match(r"\sReport\b", text[match.end() :])
        if report:  # "in its 170th Report": a body's report, known by its number
            end = match.end() + report.end()
            add(Term(match.start(), end, text[match.start() : end], "name", AnswerType.text, 4.2))
            continue
        add(Term(*match.span(), match.group(), "number", AnswerType.text, worth))
    for match in _RATE.finditer(text):
        if _FIGURE_BEFORE.search(text[: match.start()]):  # "fell to 2.0", "a weight of 7.5"
            # "Bihar has the highest TFR, at 3.0.": who holds the record is the question.
            held = re.search(r",\sat\s$", text[: match.start()]) and _SUPERLATIVE.search(text)
            worth = 3.9 if held else 4.3
            add(Term(*match.span(), match.group(), "amount", AnswerType.number, worth))
    for match in _NUMBER.finditer(text):
        term = _number_term(text, match)
        if term is not None:
            add(term)
    for match in _CHANGED_TO.finditer(text):  # "seats rose from 79 to 84,": the new value
        if not any(YEAR.fullmatch(n.replace(",", "")) for n in match.groups()):
            add(Term(*match.span(2), match.group(2), "number", AnswerType.number, 4.0))
    for match in _WORD_COUNT.finditer(text):
        if match.group(2):  # "raised ... from six to eleven": the new value is the fact
            add(Term(*match.span(2), match.group(2), "number", AnswerType.number, 4.0))
            continue
        counted = re.match(rf"\s(?:{_COUNTED})\b", text[match.end() :], re.IGNORECASE)
        if not counted and match.group(1)[:1].isupper():
            continue  # "Seven tariff rates were removed": a sentence's opening count, setting
        if re.search(r"\b(?:the|these|those|both)\s$", text[: match.start()], re.IGNORECASE):
            continue  # "the two countries": a reference back, not a count to learn
        if _PERIOD_BEFORE.search(text[: match.start()]):
            continue  # "born in the last five years": the period a figure covers
        unit = re.match(rf"\s{_DURATION}\b", text[match.end() :])
        if unit:  # "at least five years": the duration, whole
            end = match.end() + len(unit.group())
            answer = text[match.start() : end]
            add(Term(match.start(), end, answer, "number", AnswerType.text, DURATION_WORTH))
            continue
        add(Term(*match.span(), match.group(), "number", AnswerType.number, 4.0))
    for match in _ONE_SPAN.finditer(text):
        if not _PERIOD_BEFORE.search(text[: match.start()]):
            add(Term(*match.span(), match.group(), "number", AnswerType.text, DURATION_WORTH))
    for match in _OUT_OF.finditer(text):
        add(Term(*match.span(1), match.group(1), "number", AnswerType.number, 4.0))
    for match in _WORD_SHARE.finditer(text):  # "withheld assent to seven;": a share of a count
        add(Term(*match.span(1), match.group(1), "number", AnswerType.number, 4.0))
    for match in _WORD_MEASURE.finditer(text):
        add(Term(*match.span(), match.group(), "number", AnswerType.text, DURATION_WORTH))
    for match in _WROTE.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.8))
    for match in _TRIBE.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.3))
    for match in _WROTE_TITLE.finditer(text):
        if match.group(1) not in _LANGUAGES and match.group(1).split()[0] not in MONTH_NUMBER:
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, WROTE_WORTH))
    for match in _WORK.finditer(text):
        title = match.group(1)
        if title.split()[0] not in MONTH_NUMBER:
            add(Term(*match.span(1), title, "name", AnswerType.text, 4.8))
    for match in _THE_TITLE.finditer(text):
        add(Term(*match.span(), match.group(), "name", AnswerType.text, 4.3))
    for match in _CALLED.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.2))
    for match in _GLOSS.finditer(text):
        group = 1 if match.group(1) else 2
        if match.group(group) in _FUNCTION_WORDS | _VERBS:
            continue
        if group == 2 and is_english(match.group(2)):
            continue  # "bhava (expression)": the meaning of the term before, no term itself
        add(Term(*match.span(group), match.group(group), "name", AnswerType.text, 4.2))
    for match in _RED_LIST.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.4))
    for match in _MULTIPLE.finditer(text):
        add(Term(*match.span(), match.group(), "number", AnswerType.text, 4.3))
    defined = _DEFINES_KIND.match(text)
    if defined and defined.group(1).lower() in vocabulary.lower:
        # "Atolls are rings of reef around a central lagoon": the term the sentence defines,
        # a word the notes use in lower case elsewhere
        add(Term(*defined.span(1), defined.group(1), "name", AnswerType.text, 4.2))
    for match in _NAMED_THEN_DESCRIBED.finditer(text):
        if match.group(1) not in _FUNCTION_WORDS | _VERBS and not vocabulary.lower_alone(
            match.group(1)
        ):
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.2))
    for match in _METHOD.finditer(text):
        group = 1 if match.group(1) else 2
        add(Term(*match.span(group), match.group(group), "name", AnswerType.text, 4.2))
    for match in _CALLED_PHRASE.finditer(text):  # "This is called a negative list approach."
        if match.group(1).split()[0] not in _FUNCTION_WORDS:
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    means = _MEANS.match(text)
    first = means.group(1).split()[0] if means else ""
    if (
        means
        and first.casefold() not in _QUOTED_OPENERS
        and first not in PRONOUNS
        # "The name means 'son of Brahma'": what a name means is asked by _NAME_MEANS
        and means.group(1) not in ("name", "word", "term", "title", "phrase")
    ):
        start = means.start(1)
        if first in ("word", "term", "phrase"):
            start += len(first) + 1  # "The term swaraj means ...": the term, not "term swaraj"
        add(
            Term(
                start,
                means.end(1),
                text[start : means.end(1)],
                "name",
                AnswerType.text,
                DEFINED_WORTH,
            )
        )
    for match in _SPELT_OUT.finditer(text):  # "where OSAT means outsourced ... and test"
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    for match in _NAME_MEANS.finditer(text):
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    for match in _BORROWED.finditer(text):  # "from the Arabic mausim, meaning season"
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    for match in _APPOSITION.finditer(text):
        name, start = match.group(1), match.start(1)
        words = [_bare(w) for w in name.split()]
        ranked = is_title(words[0]) and words[0] not in HONORIFICS
        if len(words) > 1 and (words[0] in RULERS or words[0] in _ROYALS or ranked):
            # "her husband, King {{Bhima I}}", "His daughter, Princess {{Bimbavati}}", "the
            # station officer, Sub-Inspector {{Gupteshwar Singh}}": the title or rank stays
            # in the prompt as a cue
            cut = name.index(" ") + 1
            name, start, words = name[cut:], start + cut, words[1:]
        if any(w in OPENERS or w in PRONOUNS or w in MONTH_NUMBER for w in words[:1]):
            continue
        if all(w in _INSTITUTIONS for w in words) or name in vocabulary.surnames:
            continue
        if len(words) == 1 and words[0].lower() in vocabulary.lower:
            continue
        if _person_shaped(words) and not _WORK_BEFORE.search(text[: match.start(1)]):
            role = _ROLE_NOUN.search(text[: match.start(1)])
            named = role is not None and role.group(1) not in _NOT_ROLES
            worth = 4.4 if named else 3.8  # "The captain, Harmanpreet Singh, ..."
            add(Term(start, match.end(1), name, "person", AnswerType.person, worth))
        else:
            add(Term(start, match.end(1), name, "name", AnswerType.text, 4.3))
    for match in _SLOGAN.finditer(text):  # coined the slogan "Ecology is permanent economy"
        add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.5))
    for match in [*_WORD_MEANS.finditer(text), *_BY_MEANS.finditer(text)]:
        if match.group(1).split()[0] not in _FUNCTION_WORDS:
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    for match in _QUOTED.finditer(text):
        # A term the notes set in quotation marks is one they define or name: "Shiv Shakti"
        # point, no "pocket veto"; not a phrase quoted from a text ("as soon as possible").
        words = match.group(1).split()
        # "called the "View by the Majority"": a title runs longer than a term
        titled = len(words) <= 6 and words[0][:1].isupper() and words[-1][:1].isupper()
        if (
            (len(words) <= 3 or titled)
            and words[0].casefold() not in _QUOTED_OPENERS
            and not re.search(r"\d", match.group(1))  # "30 by 30": a slogan of its figures
            # "called the amount "abysmally poor"": a speaker's word for something, no term
            and not (words[0].islower() and _CHARACTERISED.search(text[: match.start()]))
        ):
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, DEFINED_WORTH))
    for match in _FOUND.finditer(text):  # "confirmed the presence of sulphur"
        if match.group(1) not in _FUNCTION_WORDS and match.group(1) not in _VERBS:
            add(Term(*match.span(1), match.group(1), "name", AnswerType.text, 4.3))
    for match in _NTH_TO.finditer(text):  # "the fourth country to make a soft landing"
        add(Term(*match.span(1), match.group(1), "number", AnswerType.text, DEFINED_WORTH))
    for match in _SPAN.finditer(text):  # "within one month", "within 90 days"
        add(Term(*match.span(1), match.group(1), "number", AnswerType.text, DURATION_WORTH))
    concept = _CONCEPT.match(text)
    if concept:  # "The theme of the Survey is deregulation."
        add(Term(*concept.span(1), concept.group(1), "name", AnswerType.text, 4.2))
    for match in _REGION.finditer(text):  # "East and Northeast India"
        if not _attributive(match.group().split()[-1], text[match.end() :]):
            add(Term(*match.span(), match.group(), "place", AnswerType.place, 4.3))
    for match in _LATIN.finditer(text):
        add(Term(*match.span(), match.group(), "name", AnswerType.text, NATIVE_WORTH))
    for match in _RED_LIST_CATEGORY.finditer(text):  # "listed as Endangered on the IUCN Red List"
        if match.start() > 0:
            add(Term(*match.span(), match.group(), "name", AnswerType.text, RED_LIST_WORTH))
    for start, end in _native(text):  # "The main building stone is khondalite."
        # "to protect the Nilgiri tahr": the animal or plant with the place it is named for
        # (not "the Greek kyklos", "Jain tirthankaras": the language or faith it belongs to)
        named = re.search(r"(?<=\b(?:[Tt]he|[Ii]ts)\s)[A-Z][a-z]{2,}\s$", text[:start])
        word = named.group().strip() if named else ""
        if named and word not in _NOT_NAMED_FOR and free(named.start(), end):
            start = named.start()
        # "nitrogen trifluoride", "sulphur hexafluoride": a compound is named whole, though
        # only its second word is missing from the dictionary
        element = _ELEMENT_BEFORE.search(text[:start])
        if element and free(element.start(), end):
            start = element.start()
        add(Term(start, end, text[start:end], "name", AnswerType.text, NATIVE_WORTH))
    for term in _names(text, vocabulary):
        add(term)
    for start, end in counts:
        counted = _grammar_count(text, start, end)
        if counted is not None:
            add(counted)
    # One place of a list of three or more ("fell in Mizoram, Nagaland, Jharkhand and Goa") is
    # a weaker question than a place the sentence is about.
    # So is a place in a description set off by a comma ("Bakht Khan, a soldier from
    # Bareilly"): it says who someone is, not what happened.
    record = _RECORD_PHRASE.match(text)
    holder = record.group(1).split() if record else []
    if (
        record
        and not any(t.start < record.end(1) and record.start(1) < t.end for t in terms)
        # "Today it is the most widespread ...": a pronoun after an opening word, no holder
        and holder[0] not in _SENTENCE_WORDS
        and not any(w.capitalize() in PRONOUNS for w in holder)
    ):
        add(Term(*record.span(1), record.group(1), "name", AnswerType.text, 4.5))
    for match in _SPELT_LOWER.finditer(text):  # "the domestic content requirement (DCR)"
        term = _lower_defined(text, match)
        if term is not None and free(term.start, term.end):
            add(term)
            clue = match.start(2)  # the initials: its clue, not its question
            terms = [replace(t, worth=min(t.worth, 3.0)) if t.start == clue else t for t in terms]
    terms = _spelt_out_whole(text, [_placed(text, _by_its_place(t)) for t in terms])
    terms = _known_as_initials(text, terms)
    terms = _exact_first(text, terms)
    # "Tamil Nadu announced the project", "at war with revolutionary France": a state or a
    # country does what a person does, and is still no person (nor an option beside a
    # zoologist's name)
    terms = [
        replace(t, kind="place", answer_type=AnswerType.place)
        if t.kind == "person" and (is_state(t.answer) or t.answer in countries())
        else t
        for t in terms
    ]
    lists = [m.span() for m in _PLACE_LIST.finditer(text)]
    terms = [
        replace(t, worth=t.worth - 0.4)
        if t.kind == "place"
        and (
            any(a <= t.start and t.end <= b for a, b in lists) or _DESCRIBED.search(text[: t.start])
        )
        else t
        for t in terms
    ]
    return sorted(terms, key=lambda t: t.start)


# What is launched, adopted or unveiled is what the sentence tells: "The leaders launched the
# Quad Cancer Moonshot", "adopted the Wilmington Declaration".
LAUNCHED = re.compile(
    r"\b(?:launched|adopted|unveiled|announced|signed|introduced|inaugurated|agreed\son|approved)\s"
    r"(?:the\s|an?\s)?(?:new\s)?$"
)
_GUESSED = re.compile(
    r"(?:Lok|Rajya)\sSabha|House\sof\s(?:Commons|Lords|Representatives)|Senate|Ministry\sof\s.+"
)
# What a new thing replaced is asked like what was launched: "It replaced the Aichi
# Biodiversity Targets", "to replace the Income-tax Act, 1961".
_REPLACED = re.compile(
    r"\b(?:replaced|replaces|replace|superseded|supersedes|succeeded|succeeds|"
    r"grew\sout\sof|grows\sout\sof|evolved\sfrom|was\smodelled\son|was\sbased\son)\s(?:the\s)?$"
)
# A sentence that exists to name something: "The nodal agency is the International Institute
# for Population Sciences", "The advisory body for cultural sites is the ...".
_DEFINED = re.compile(r"^The\s[a-z][^,;]{2,60}?\s(?:is|was)\s(?:now\s)?the\s(?:new\s|main\s)?$")
# A short name given with "known as" after the long one: "..., known as MAITRI, ...".
_KNOWN_AS = re.compile(r"\bknown\sas\s(?:the\s)?$")
# The day a date is kept as: "the date is now marked as Pravasi Bharatiya Divas".
_KEPT_AS = re.compile(
    r"\b(?:marked|observed|celebrated|commemorated|kept)\s(?:every\syear\s|each\syear\s|annually\s)?"
    r"as\s(?:the\s)?$"
)
# The side that won: "Kejriwal lost the New Delhi seat to Parvesh Verma".
_WINNER = re.compile(r"\blost\b[^.;:]{0,60}\sto\s$")
# A person under whom something happened: "left the group in 2008 under Kevin Rudd".
_UNDER = re.compile(r"\b(?:under|of\s[A-Z][\w\u2019'-]*\sand)\s$")


def _native(text: str) -> Iterator[tuple[int, int]]:
    """Spans of words no English dictionary has, two side by side as one: "pidha deula"."""
    spans: list[list[int]] = []
    for match in _NATIVE.finditer(text):
        if is_english(match.group()):
            continue
        if spans and text[spans[-1][1] : match.start()] == " ":
            spans[-1][1] = match.end()
            continue
        spans.append(list(match.span()))
    return (tuple(span) for span in spans)


def _exact_first(text: str, terms: list[Term]) -> list[Term]:
    """ "about 60 experiments from 31 countries": beside an exact figure, a rough one gives way."""
    figures = [t for t in terms if t.kind in ("number", "amount")]
    rough = [t for t in figures if _ROUGHLY.search(text[: t.start])]
    if not rough or len(rough) == len(figures):
        return terms
    return [replace(t, worth=t.worth - 0.4) if t in rough else t for t in terms]


_ROUGHLY = re.compile(r"\b(?:about|around|roughly|approximately|some)\s$", re.IGNORECASE)


_LINKS = word_set("of for from and on in the to")


# "The Cartagena Protocol on Biosafety": the treaty is known by its place; what it is on is
# the clue ("The ____ on Biosafety deals with living modified organisms").
_ON_SUBJECT = re.compile(
    r"^((?:[A-Z][\w\u2019'-]*\s)+?(?:Protocol|Convention|Treaty|Accord|Agreement))\son\s[A-Z]"
)


def _by_its_place(term: Term) -> Term:
    """A treaty named after a place, asked by that name: "{{Cartagena Protocol}} on Biosafety"."""
    match = _ON_SUBJECT.match(term.answer) if term.kind == "name" else None
    if match is None or any(w in _INSTITUTIONS for w in match.group(1).split()[:-1]):
        return term  # "United Nations Convention on ...": the whole name is the name
    short = match.group(1)
    return replace(term, end=term.start + len(short), answer=short)


# A short name after "known as": "digital sequence information on genetic resources, known
# as DSI", "a National Disaster Risk Management Fund, known as NDRMF".
_KNOWN_AS_SHORT = re.compile(r",\s(?:also\s)?known\sas\s([A-Z]{2,6})\b")


def _known_as_initials(text: str, terms: list[Term]) -> list[Term]:
    """A short name that is only the initials of the words just before it is given away by
    them; the long name is the question, the short one its clue (as with "(HSFC)")."""
    for short in _KNOWN_AS_SHORT.finditer(text):
        letters = short.group(1)
        words = list(re.finditer(r"[^\W_][\w\u2019'-]*", text[: short.start()]))[-14:]
        found = None
        for last in range(len(words) - 1, -1, -1):
            for first in range(last - 1, -1, -1):
                span = words[first : last + 1]
                if span[0].group() in _LINKS or span[-1].group() in _LINKS:
                    continue
                gaps = zip(span, span[1:], strict=False)
                if any(text[a.end() : b.start()] != " " for a, b in gaps):
                    break
                pattern = "".join(
                    f"(?:{w.group()[0].upper()})?"
                    if w.group() in _LINKS
                    else re.escape(w.group()[0].upper())
                    for w in span
                )
                if re.fullmatch(pattern, letters):
                    found = span
                    break
            if found:
                break
        if not found:
            continue
        start, end = found[0].start(), found[-1].end()
        inside = [t for t in terms if t.start < end and start < t.end]
        if any(t.start < start or t.end > end for t in inside):
            continue  # a term running across the long name's edge: leave both
        kinds = [t.kind for t in inside if t.kind in ("organisation", "name")]
        kind = kinds[0] if kinds else "name"
        answer_type = AnswerType.organisation if kind == "organisation" else AnswerType.text
        whole = Term(start, end, text[start:end], kind, answer_type, 4.6)
        clue = short.span(1)
        terms = [
            replace(t, worth=3.0) if (t.start, t.end) == clue else t
            for t in terms
            if t not in inside
        ] + [whole]
    return terms


def _spelt_out_whole(text: str, terms: list[Term]) -> list[Term]:
    """A long name before its short form in brackets is a term the notes define, asked whole
    by the long name even where small words break it ("Protection of Children from Sexual
    Offences (POCSO)", "Chandra's Surface Thermophysical Experiment (ChaSTE)"); the short form
    beside it is its clue, unless it is a name in its own right ("Axiom Mission 4 (Ax-4)")."""
    for short in _BRACKETED.finditer(text):
        before = text[: short.start()].rstrip()
        if len(before) != short.start() - 1:
            continue
        words = list(re.finditer(r"[^\W_][\w\u2019'-]*", before))[-14:]
        for k in range(1, len(words) + 1):
            span = words[-k:]
            gaps = [text[a.end() : b.start()] for a, b in zip(span, span[1:], strict=False)]
            if any(g != " " for g in gaps) or any(
                not (w.group()[:1].isupper() or w.group()[:1].isdigit()) and w.group() not in _LINKS
                for w in span
            ):
                break
            if span[0].group() in OPENERS or not abbreviates(
                _parts([w.group() for w in span]), short.group(1)
            ):
                continue
            start, end = span[0].start(), span[-1].end()
            inside = [t for t in terms if start <= t.start and t.end <= end]
            if any(t.start < start < t.end or t.start < end < t.end for t in terms):
                break
            best = max(inside, key=lambda t: t.worth) if inside else None
            kind = best.kind if best and best.kind in ("organisation", "name", "place") else "name"
            answer_type = best.answer_type if best and kind == best.kind else AnswerType.text
            worth = max(best.worth if best else 0.0, DEFINED_WORTH)
            whole = Term(start, end, text[start:end], kind, answer_type, worth)
            clue = short.span(1)
            terms = [
                replace(t, worth=min(t.worth, 3.0)) if (t.start, t.end) == clue else t
                for t in terms
                if t not in inside
            ] + [whole]
            break
    return terms


NAMED_BODY = 0.4
KEPT_AS_WORTH = 4.8  # the day a date is kept as, an examiner's favourite


def _named_for_someone(names: list[str], vocabulary: Vocabulary) -> bool:
    """A committee or commission called by its chair's name ("L.M. Singhvi Committee", "the
    Acworth Committee"), not by what it does ("Law Commission"): words the notes never use in
    lower case, before it."""
    if names[-1] not in ("Committee", "Commission") or len(names) < 2:
        return False
    if len(names) == 2 and is_english(names[0].lower()):
        return False  # "Law Commission", "Hunter Commission": a word of the language first
    return (len(names) == 2 or _person_shaped(names[:-1])) and all(
        re.fullmatch(r"(?:[A-Z]\.)+", w)
        or (vocabulary.is_proper(w) and w not in _BODY_WORDS and not _NUMBERED.fullmatch(w))
        for w in names[:-1]
    )


# What a body is, not whom it is named for: "Joint Parliamentary Committee", "World Heritage
# Committee", "Fifteenth Finance Commission".
_BODY_WORDS = word_set(
    "Joint Parliamentary Select Standing Expert Experts Advisory Steering Drafting Working "
    "Empowered Executive World Heritage Law Finance Planning Election Public Accounts "
    "Estimates Privileges Ethics Business"
)
_NUMBERED = re.compile(rf"(?:{_ORDINAL_WORDS})|\w+-(?:first|second|third)", re.IGNORECASE)


def _placed(text: str, term: Term) -> Term:
    """A term's worth by what the sentence does with it."""
    before = text[: term.start]
    if term.kind in ("organisation", "name") and _GUESSED.fullmatch(term.answer):
        # "presented in the Lok Sabha", "run by the Ministry of Health": one House of two, or
        # the ministry the subject names, is guessed rather than learnt
        return replace(term, worth=term.worth - 0.5)
    if term.kind in ("name", "organisation") and _DEFINED.search(before):
        return replace(term, worth=max(term.worth, 4.3))  # "The nodal agency is the X"
    if term.kind == "name" and _KEPT_AS.search(before):
        return replace(term, worth=max(term.worth, KEPT_AS_WORTH))
    if term.kind in ("name", "organisation") and (
        LAUNCHED.search(before) or _REPLACED.search(before)
    ):
        return replace(term, worth=max(term.worth, 4.4))
    if term.kind == "name" and re.match(
        r"^\s(?:scheme|programme|program|mission|initiative|campaign|project)\b", text[term.end :]
    ):
        # "The Amrit Dharohar scheme, announced in ...": a programme, asked by its name
        return replace(term, worth=max(term.worth, PROGRAMME_WORTH))
    if term.kind == "name" and _KNOWN_AS.search(before) and re.fullmatch(r"[A-Z]{3,}", term.answer):
        return replace(term, worth=max(term.worth, 4.6))
    names = [_bare(w) for w in term.answer.split()]
    if term.kind in ("place", "name", "organisation") and _HOLDS_RECORD.match(
        _past_place(text[term.end :])
    ):
        return replace(term, worth=max(term.worth, 4.5))  # "X in Y had the most tigers"
    if term.kind in ("place", "name", "organisation") and _RECORD_APPOSITIVE.match(
        text[term.end :]
    ):
        # "On them lies Keibul Lamjao, the only floating national park in the world"
        return replace(term, worth=max(term.worth, 4.5))
    won = term.kind == "person" or (term.kind == "name" and _person_shaped(names))
    if won and _WINNER.search(before):
        # "A lost the seat to B": who won it is the news, asked before the one who lost
        return replace(term, kind="person", answer_type=AnswerType.person, worth=4.9)
    under = term.kind == "name" and _UNDER.search(before) and _person_shaped(names)
    under = under and names[0] not in _NAMED_EVENT  # "under Operation Flood": no person
    noun = re.match(r"^\s([a-z]+)", text[term.end :])  # "under Project Tiger reserves"
    word = noun.group(1) if noun else ""
    noun = noun is not None and word not in _FUNCTION_WORDS | _VERBS
    # "an expedition under Cornelis de Houtman reached Bantam": a verb in the past, no noun
    noun = noun and not _past_tense(word)
    # "a team under Vasant Gowariker built a model": a verb and its object follow
    noun = noun and not re.match(r"^\s[a-z]+\s(?:a|an|the|its|their|his|her)\s", text[term.end :])
    if under and not _plural(names[-1], None) and not noun:
        return replace(term, kind="person", answer_type=AnswerType.person, worth=4.3)
    return term


_DESCRIBED = re.compile(r",\s(?:an?|the)\s[a-z][^,;]*\b(?:from|of|in|at)\s$")
_NAME_ITEM = r"[A-Z][\w\u2019'-]*(?:\s[A-Z][\w\u2019'-]*)*"
_PLACE_LIST = re.compile(rf"{_NAME_ITEM}(?:,\s{_NAME_ITEM})+,?\s(?:and|or)\s{_NAME_ITEM}")


def _act_term(text: str, match: re.Match) -> Term | None:
    """The act and its year, from its first capitalised word ("the Waqf Act, 1995")."""
    words = list(re.finditer(r"\S+", match.group()))
    first = next((w for w in words if w.group()[:1].isupper() and w.group() not in OPENERS), None)
    if first is None or first is words[-2]:
        return None  # "the Act, 2016": which act is not said
    start = match.start() + first.start()
    return Term(start, match.end(), text[start : match.end()], "name", AnswerType.text, 4.4)


def _named_term(text: str, match: re.Match) -> Term | None:
    """What something is called, unless the name is only a title or a common opener."""
    answer = match.group(1)
    words = answer.split()
    noun = re.match(r"\s[a-z]{3,}(?=\.?[\"'\u201d)]*$)", text[match.end(1) :])
    if noun:  # "called the Boltzmann machine.": the name with what it names
        end = match.end(1) + len(noun.group())
        return Term(match.start(1), end, text[match.start(1) : end], "name", AnswerType.text, 4.3)
    if words[0] in OPENERS or words[0] in PRONOUNS or all(w in _INSTITUTIONS for w in words):
        return None
    worth = 4.4 if re.search(r"\btitled\s", match.group()) else 4.3  # a work's title
    return Term(*match.span(1), answer, "name", AnswerType.text, worth)


def _coined(before: str, short: str) -> bool:
    """A short name that is not just the initials of the long name before it: worth asking.

    "Human Space Flight Centre (HSFC)" is spelt out by its initials; "Unified Waqf
    Management, Empowerment, Efficiency and Development (UMEED)" and "Axiom Mission 4
    (Ax-4)" are names in their own right.
    """
    letters = re.sub(r"[^A-Za-z]", "", re.sub(r"(?<=[A-Z])s$", "", short)).upper()  # "SIAs"
    words = re.findall(r"[^\W_][\w\u2019'-]*", before)[-12:]
    if not words or not (words[-1][:1].isupper() or words[-1][:1].isdigit()):
        return False  # no long name just before: "(in 2023)", "(see below)"
    initials = "".join(w[0] for w in words if w[:1].isupper() or w[:1].isdigit()).upper()
    if initials.endswith(letters) or letters in initials:
        return False
    # "None of the Above (NOTA)", "... on the Law of the Sea (UNCLOS)": small words count too.
    for k in range(2, len(words) + 1):
        span = words[-k:]
        if span[0][:1].isupper() and re.fullmatch(_initials_pattern(span), letters):
            return False
        # "Multi-Party Interim Appeal Arbitration Arrangement (MPIA)": spelt by the words' parts
        if span[0][:1].isupper() and abbreviates(_parts(span), short):
            return False
    return True


def _parts(words: list[str]) -> list[str]:
    """Words split at hyphens between capitalised parts: "Multi-Party" gives Multi, Party."""
    return [part for word in words for part in re.split(r"-(?=[A-Z])", word)]


def abbreviates(words: list[str], short: str) -> bool:
    """The short form is made of the long name's words in turn: every capitalised word gives
    the first letters of itself ("Chandra's" gives Cha in ChaSTE, "HAbitable" HA in SHAPE)
    or, past the first word, of itself after its first letter ("eXploration" in JAXA); small
    words give their first letter or none. A name in its own right ("Axiom Mission 4
    (Ax-4)", SATHI, UMEED) is not spelt that way."""
    letters = re.sub(r"[^A-Za-z0-9]", "", short).casefold()
    folded = [re.sub(r"[^A-Za-z0-9]", "", w).casefold() for w in words]
    if len(letters) < 2 or not folded or not words[0][:1].isupper():
        return False

    @cache
    def fits(word: int, at: int) -> bool:
        if word == len(folded):
            return at == len(letters)
        if words[word] in _LINKS:
            return fits(word + 1, at) or (
                folded[word][:1] == letters[at : at + 1] and fits(word + 1, at + 1)
            )
        for skip in (0, 1) if word else (0,):
            rest = folded[word][skip:]
            taken = 0
            while taken < len(rest) and at + taken < len(letters):
                if rest[taken] != letters[at + taken]:
                    break
                taken += 1
                if fits(word + 1, at + taken):
                    return True
        return False

    return fits(0, 0)


def _initials_pattern(words: list[str]) -> str:
    """Capitalised words give their initials; small words may ("POCSO": of, not from)."""
    return "".join(
        re.escape(w[0]) if w[:1].isupper() or w[:1].isdigit() else f"(?:{w[0].upper()})?"
        for w in words
    )


_ASIDE = re.compile(r",\s[a-z]+ed\s(?:on|in)\s$")


def _year_term(text: str, match: re.Match) -> Term:
    day = match.group(1) or match.group(3)
    month = match.group(2)
    year = match.group(4)
    date = year
    if month:
        date = f"{year}-{MONTH_NUMBER[month]:02d}"
        if day and 1 <= int(day) <= 31:
            date += f"-{int(day):02d}"
    lead = text[: match.start()]
    explicit = bool(_EXPLICIT.search(lead) or _LISTED_YEAR.search(lead)) or bool(month)
    worth = (4.2 if day or not month else 4.0) if explicit else 3.0
    if _ASIDE.search(text[: match.start()]) and text[match.end() :].startswith(","):
        # "a report, released on 29 July 2023, gave ...": a detail set aside between commas;
        # "the ICDS scheme, started on 2 October 1975." closes on when it started
        worth -= 0.3
    if re.search(r"\bby\s$", lead):  # a target ("net zero by 2070") is asked like a date
        worth = 4.2
    if re.search(r"\bas\s(?:of|at|on)\s$", lead):  # "58 reserves as of 2025": when it was true
        worth = 3.5
    start, end = match.span(4)
    day_start = match.start() if day and len(date) == 10 else None
    return Term(start, end, year, "year", AnswerType.year, worth, date, explicit, False, day_start)


_AROUND = word_set("About Over Nearly Around Almost Just Roughly Exactly Only Another All Some")


def _day_or_name(before: str, after: str) -> bool:
    """A number that is the day of a date, or part of a name ("COP29", "G20", "Article 5")."""
    return bool(
        _DAY_AFTER.match(after)
        or _DAY_BEFORE.search(before)
        or _DAY_FROM.match(after)
        or re.search(r"(?:COP|G|Article\s|No\.\s?|[A-Z]-?)$", before)
    )


def _number_term(text: str, match: re.Match) -> Term | None:
    before, after = text[: match.start()], text[match.end() :]
    if _day_or_name(before, after):
        return None
    if re.match(r"^[-\u2013]\d|^\s?(?:to|and)\s\d", after):
        return None  # a range's first end: ask the range, not half of it
    if before.endswith("out of "):
        return None  # "scored 53.9 out of 100": the scale, not a fact
    label = re.search(r"\b([A-Z][a-z]+)\s$", before)
    if label and label.group(1) not in OPENERS | _AROUND and label.group(1) not in MONTH_NUMBER:
        return None  # a label's number ("Criterion 5 covers ...", "Phase 2"), not a count
    if re.match(rf"^\s{_DURATION}\b", after) and _PERIOD_BEFORE.search(before):
        return None  # "in the last 5 years": the period a figure covers, not a fact
    if re.match(rf"^\s{_DURATION}\b", after):  # "within 90 days": asked whole
        unit = re.match(rf"^\s{_DURATION}", after).group()
        end = match.end() + len(unit)
        answer = text[match.start() : end]
        return Term(match.start(), end, answer, "number", AnswerType.text, DURATION_WORTH)
    if re.match(r"^\s(?:m|kg|g|km|mm|cm)\s[a-z]", after):
        return None  # "the 50 m rifle": an event's name, not a figure to learn
    if re.match(r"^\s(?:votes?\s|members\svoted\s)?for\b", after):  # "128 for and 95 against"
        return Term(*match.span(), match.group(), "number", AnswerType.number, 4.0)
    if re.match(rf"^\s(?:{_COUNTED})\b", after, re.IGNORECASE):  # "31 members", "196 Parties"
        return Term(*match.span(), match.group(), "number", AnswerType.number, COUNTED_WORTH)
    if _SENTENCE_END.match(after) and _FIGURE_BEFORE.search(before):
        return Term(*match.span(), match.group(), "number", AnswerType.number, 4.3)  # "at 3,167."
    if re.match(r"^\sof\sthe\s\d", after):  # "won 48 of the 70 seats": the share won
        return Term(*match.span(), match.group(), "number", AnswerType.number, 4.3)
    if re.search(r"^Of\sthe\s[^,]+,\s$", before) and re.match(r"^\s(?:are|were|is|was)\b", after):
        return Term(*match.span(), match.group(), "number", AnswerType.number, 4.2)  # "12 are"
    if re.match(r"^\sof\s(?:them|these|those)\b", after) and not re.search(r",\s$", before):
        # "sentenced 172 of them to death", "The country now has 18 of them.": a count of what
        # the sentence before named (not "718 snow leopards, 51 of them in ...", a share)
        return Term(*match.span(), match.group(), "number", AnswerType.number, 4.2)
    if re.match(r"^\s(?:dead|killed|injured|wounded|died)\b", after):
        return Term(*match.span(), match.group(), "number", AnswerType.number, 4.2)  # "379 dead"
    counted = re.match(rf"^\s(?:[a-z][\w-]*\s){{0,3}}(?:[a-z]+s|{_IRREGULAR})\b", after)
    if not counted:
        return None
    return Term(*match.span(), match.group(), "number", AnswerType.number, 4.2)


LEVEL_WORTH = 4.2  # "rose to 91": the figure the sentence reports


def _grammar_count(text: str, start: int, end: int) -> Term | None:
    """A number the grammar says counts something, unless it is no count to learn: the same
    exceptions as for numbers found by their shape."""
    answer, before, after = text[start:end], text[:start], text[end:]
    if answer.casefold() == "one" or _YEAR_ONLY.fullmatch(answer):
        return None
    if _day_or_name(before, after) or _PERIOD_BEFORE.search(before):
        return None  # a date's day, part of a name, the period a figure covers ("last five years")
    if re.match(r"^[-\u2013]\d|^\s?(?:to|and|or)\s\d", after) or re.search(r"\d\sto\s$", before):
        return None  # one end of a range
    if (
        answer[:1].isalpha()
        and (
            not before.strip()
            or re.search(r"\b(?:the|these|those|both|all)\s$", before, re.IGNORECASE)
        )
        # "one of the eight classical dances": how many there are, asked
        and not re.search(r"\bone\sof\sthe\s$", before)
    ):
        return None  # "Seven tariff rates were removed", "the two countries": a setting
    if re.search(r"\b(?:to|at)\s$", before) and re.match(r"(?:[,.;]|\s(?:in|by|from)\b)", after):
        # "The count had risen to 91.", "It stood at 943 in 2011": the level reached is the
        # sentence's figure, worth what a count is
        return Term(start, end, answer, "number", AnswerType.number, LEVEL_WORTH)
    return Term(start, end, answer, "number", AnswerType.number, 3.6)


def _names(text: str, vocabulary: Vocabulary) -> Iterator[Term]:
    """Names: runs of capitalised words, with initials, particles and linking words."""
    for run in _runs(text):
        yield from _split_run(text, run, vocabulary)


# What is named by its subject after "on the": "Committee on the Status of Women in India".
_ON_ITS_SUBJECT = word_set(
    "Committee Commission Convention Conference Council Agreement Treaty Declaration Protocol "
    "Covenant Panel Forum Summit Guidelines Principles"
)


# Small words inside a law's name that join no other name: "Protection of Women from Domestic
# Violence Act", "Convention against Torture".
_STATUTE_LINKS = word_set("from against in")
_STATUTE_ENDS = word_set("Act Bill Ordinance Code")


def _statute_ahead(tokens: list[re.Match], at: int, ends: frozenset[str] = _STATUTE_ENDS) -> bool:
    """The capitalised words after token `at` run on, joined by small words, to the name of
    a law ("... from Sexual Offences Act") or of one of `ends`."""
    last = ""
    for token in tokens[at + 1 : at + 9]:
        word = token.group()
        if word[:1].isupper():
            last = _bare(word)  # "Day." closing the sentence
        elif word not in _CONNECTORS:
            break
    return last in ends


# A capitalised word behind a small lower-case prefix: "National e-Governance Services Ltd".
_LOWER_PREFIXED = re.compile(r"[a-z]{1,2}-?[A-Z][a-z]")


# What a title leads, named after it: "the Leader of the Opposition", "the Leader of the House".
_LED_BODIES = word_set("Opposition House")


# Short forms a name runs on past: "St. Petersburg", "Mt. Abu".
_NAME_ABBREVIATIONS = word_set("St. Mt. Ft.")


def _runs(text: str) -> Iterator[list[re.Match]]:
    tokens = list(_TOKEN.finditer(text))
    run: list[re.Match] = []
    for i, token in enumerate(tokens):
        word = token.group()
        gap = text[run[-1].end() : token.start()] if run else ""
        if run and run[-1].group() in PARTICLES:
            gap = re.sub(r"^[\u2019']", "", gap)  # "de' Conti": an elided particle
        glued = gap == " " or (gap == ", " and _listed_title(text, run, token))
        if gap in ("' ", "\u2019 ") and run[-1].group().endswith("s"):
            # "the Deccan Agriculturists' Relief Act", "the Chief Technical Examiners'
            # Organisation", "the Seven Years' War", "National Voters' Day": a plural owner
            # inside the name of a law, a body or an event
            glued = _statute_ahead(
                tokens, i - 1, _STATUTE_ENDS | _ORGANISATION_WORDS | _EVENT_WORDS
            )
        if not glued and run:
            yield run
            run = []
        if word == "The" and run and run[-1].group() in _CONNECTORS:
            # "J. Lindsay Oaks of The Peregrine Fund": a name whose own "The" is written with
            # a capital starts after the word joining it
            yield run[:-1]
            run = [token]
        elif (word[:1].isupper() or _LOWER_PREFIXED.match(word)) and not _starts_a_number(
            text, token
        ):
            run.append(token)
        elif run and word in _STATUTE_LINKS and _statute_ahead(tokens, i):
            run.append(token)  # "Protection of Children from Sexual Offences Act": one name
        elif run and (word in _CONNECTORS or word in PARTICLES):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if word in PARTICLES:  # "von der Leyen": look past the particles
                at = i + 1
                while at < len(tokens) and tokens[at].group() in PARTICLES:
                    at += 1
                nxt = tokens[at] if at < len(tokens) else None
            past_the = (
                word in ("of", "on")
                and nxt is not None
                and nxt.group() == "the"
                and i + 2 < len(tokens)
                and tokens[i + 2].group()[:1].isupper()
                and text[token.end() : tokens[i + 2].start()] == " the "
            )
            if past_the and (
                word == "of"
                and (
                    _names_a_thing(text, tokens, i + 2)
                    # "Conference of the Contracting Parties": a body of its members
                    or _bare(run[-1].group()) in ("Conference", "Council", "Meeting")
                    # "the Leader of the Opposition": an office, not "{{Opposition}}"
                    or _bare(run[-1].group()) in TITLES
                    and _bare(tokens[i + 2].group()) in _LED_BODIES
                    # "the War of the Austrian Succession": an event named by what it was over
                    or _bare(run[-1].group()) in _EVENT_WORDS
                    # "Convention on the Law of the Sea": its subject runs on
                    or any(_bare(t.group()) in _ON_ITS_SUBJECT for t in run)
                )
                # "Committee on the Status of Women", "Convention on the Law of the Sea": a
                # body or a treaty on its subject
                or word == "on"
                and _bare(run[-1].group()) in _ON_ITS_SUBJECT
            ):
                nxt = tokens[i + 2]  # "Ports of the Future Partnership": one name
            gap = text[token.end() : nxt.start()] if nxt is not None else ""
            if word in PARTICLES:
                gap = re.sub(r"^[\u2019']", "", gap)  # "Niccolò de' Conti": an elided particle
            if nxt is not None and (word == "of" or past_the and word == "on"):
                gap = gap.replace(" the ", " ", 1)
            if (
                nxt is not None
                and nxt.group()[:1].isupper()
                and gap.startswith(" ")
                and set(gap.split()) <= PARTICLES
                and "  " not in gap
            ):
                run.append(token)
            else:
                yield run
                run = []
        elif word in PARTICLES and not run:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.group()[:1].isupper():
                continue  # a particle opening a name after a break is rare; skip it
        elif run:
            yield run
            run = []
        if (
            run
            and re.search(r"[\u2019']s$|[.,;:]$", word)
            and not re.fullmatch(r"(?:[^\W\d_]\.)+", word)
            and word not in _NAME_ABBREVIATIONS  # "St. Petersburg", "Chevalier de St. Lubin"
            and _bare(word) not in TITLES
        ):
            yield run  # a possessive or punctuation closes the name
            run = []
    if run:
        yield run


def _names_a_thing(text: str, tokens: list[re.Match], at: int) -> bool:
    """The capitalised words from `at` end in a treaty or programme word ("the Future
    Partnership"): "of the" is inside one name, not between a person and a party."""
    last = tokens[at]
    while at + 1 < len(tokens) and tokens[at + 1].group()[:1].isupper():
        if text[tokens[at].end() : tokens[at + 1].start()] != " ":
            break
        at += 1
        last = tokens[at]
    return _bare(last.group()) in _TREATY_WORDS


def _listed_title(text: str, run: list[re.Match], following: re.Match) -> bool:
    """A comma inside a title: "Treaty of Friendship, Cooperation and Mutual Assistance"; not
    the comma after one: "By the Treaty of Surji-Anjangaon, Daulat Rao Scindia gave up ..."."""
    words = [_bare(t.group()) for t in run]
    return (
        following.group()[:1].isupper()
        and "of" in words
        and any(w in _TREATY_WORDS for w in words[: words.index("of")])
        and _LIST_GOES_ON.match(text, following.start()) is not None
    )


# The rest of a list in a title, to its "and": "Cooperation and Mutual Assistance".
_LIST_GOES_ON = re.compile(r"[A-Z][\w-]*(?:,?\s[A-Z][\w-]*)*,?\sand\s[A-Z]")


def _starts_a_number(text: str, token: re.Match) -> bool:
    return (
        token.start() > 0
        and not text[token.start() - 1].isspace()
        and text[token.start() - 1] not in "(\"'\u201c\u2018"
    )


_SHIP_PREFIXES = {"INS", "HMIS", "HMS", "USS"}  # what names a ship or a naval base


def _split_run(text: str, run: list[re.Match], vocabulary: Vocabulary) -> Iterator[Term]:
    words = [_bare(t.group()) for t in run]
    # "Minister of Environment, Forest and Climate Change Bhupender Yadav": the portfolio runs
    # on past a comma, and the person follows it.
    portfolio = re.search(
        r"\b(?:Minister|Ministry|Secretary)\sof\s[^.;]{0,60},\s$", text[: run[0].start()]
    )
    listed = [i for i, w in enumerate(words) if w in PORTFOLIO_WORDS or w in ("and", "for")]
    if portfolio and listed:
        last = listed[-1] + (1 if words[listed[-1]] in ("and", "for") else 0)
        person = run[last + 1 :]
        names = [_bare(t.group()) for t in person]
        if _person_shaped(names):
            start, end = person[0].start(), person[-1].start() + len(names[-1])
            yield Term(start, end, text[start:end], "person", AnswerType.person, 4.6)
            return
    # "its base at Karwar INS Kadamba": a place, then a ship's or a base's own name
    ship = next((i for i, w in enumerate(words) if i and w in _SHIP_PREFIXES), None)
    if ship is not None and words[ship - 1] not in ("the", "of"):
        yield from _split_run(text, run[:ship], vocabulary)
        yield from _name_term(text, run[ship:], vocabulary)
        return
    office = words[1:] if words[:1] == ["The"] else words
    if _office_named_whole(office):
        start, end = run[-len(office)].start(), run[-1].start() + len(words[-1])
        yield Term(start, end, text[start:end], "name", AnswerType.text, OFFICE_ALONE_WORTH)
        return
    # "Brian Gardiner and Jonathan Shanklin of the British Antarctic Survey": two people and
    # the body they belong to, not one name.
    if "and" in words:
        at = words.index("and")
        of = next((i for i in range(at + 1, len(words)) if words[i] == "of"), len(words))
        if _person_shaped(words[:at]) and _person_shaped(words[at + 1 : of]):
            yield from _name_term(text, run[:at], vocabulary)
            yield from _name_term(text, run[at + 1 : of], vocabulary)
            body = run[of + 1 :]
            while body and _bare(body[0].group()) in ("the", "The"):
                body = body[1:]
            if body:
                yield from _split_run(text, body, vocabulary)
            return
    # "ICICI Bank and HDFC Bank", "Union Bank of India and Indian Bank": two bodies of one
    # kind, each a name of its own (not "Ministry of Health and Family Welfare").
    if "and" in words:
        at = len(words) - 1 - words[::-1].index("and")
        tail = words[at + 1 :]
        if len(tail) >= 2 and tail[-1] in _ORGANISATION_WORDS and tail[-1] in words[:at]:
            yield from _split_run(text, run[:at], vocabulary)
            yield from _name_term(text, run[at + 1 :], vocabulary)
            return
    # "J. P. Joshi of the Archaeological Survey of India": a person, then the body they are of
    at = words.index("of") if "of" in words else 0
    if (
        at >= 2
        and words[at + 1 : at + 2] == ["the"]
        and _person_shaped(words[:at])
        and not any(w in _TREATY_WORDS or w in _ORGANISATION_WORDS for w in words[:at])
        # a surname no dictionary has: not "a Quad Ports of the Future Partnership"
        and not is_english(words[at - 1].lower())
    ):
        for name in _name_term(text, run[:at], vocabulary):
            # "In 1982 Arun Sonakia of the Geological Survey of India found ...": someone of a
            # body is a person
            if name.kind == "name":
                name = replace(name, kind="person", answer_type=AnswerType.person, worth=4.2)
            yield name
        yield from _split_run(text, run[at + 2 :], vocabulary)
        return
    # "Trade and Economic Partnership Agreement", "Ministry of Earth Sciences": one name,
    # unless a title inside marks a person after it.
    if (
        any(
            w in _TREATY_WORDS or w in _ORGANISATION_WORDS or w in ("Battle", "Siege", "War")
            for w in words
        )
        and any(w in ("of", "for", "and", "on", "to") for w in words)
        and not _marks_a_person(words)
    ):
        # "TRIPS Agreement of the WTO": a whole name, then what it belongs to.
        for i in range(2, len(words) - 1):
            named = words[i - 1] in _TREATY_WORDS or words[i - 1] in _ORGANISATION_WORDS
            owner = words[i + 1] == "the" or re.fullmatch(r"[A-Z]{2,}", words[i + 1])
            # but "Conference of the Contracting Parties": a bare body word is no whole name
            whole = len([w for w in words[:i] if w != "The"]) >= 2
            if (
                words[i] == "of"
                and named
                and owner
                and whole
                and all(w[:1].isupper() for w in words[:i])
            ):
                yield from _name_term(text, run[:i], vocabulary)
                yield from _name_term(text, run[i + 1 :], vocabulary)
                return
        yield from _name_term(text, run, vocabulary)
        return
    # "Bay of Bengal", "Gulf of Mannar", "Strait of Hormuz": one place, never its first word
    lead = 1 if words[:1] == ["The"] else 0
    if len(words) >= lead + 3 and words[lead] in PLACE_OF and words[lead + 1] == "of":
        start = run[lead].start()
        end = run[-1].start() + len(words[-1])
        yield Term(start, end, text[start:end], "place", AnswerType.place, 4.3)
        return
    # "an Instrument of Accession", "the Day of Deliverance": a common noun and what it is of,
    # neither named anywhere alone, one name
    if (
        len(words) == 3 + lead
        and words[lead + 1] == "of"
        and is_english(words[lead].lower())
        and words[lead] not in TITLES
        and words[lead] not in RULERS
        and not any(w in vocabulary.alone for w in (words[lead], words[lead + 2]))
        # not the end of a longer name: "National Guidelines on the Management of Tsunamis"
        and not re.search(
            r"[A-Z][\w-]*\s(?:on|of|for|and|to|in)\s(?:the\s)?$", text[: run[0].start()]
        )
    ):
        start, end = run[lead].start(), run[-1].start() + len(words[-1])
        yield Term(start, end, text[start:end], "name", AnswerType.text, OF_NAME_WORTH)
        return
    parts: list[list[re.Match]] = [[]]
    for i, (token, word) in enumerate(zip(run, words, strict=True)):
        joined = (
            word == "and"
            and 0 < i < len(words) - 1
            and (words[i - 1], words[i + 1]) in _JOINED_PLACES
        )
        if word in ("of", "for", "and", "on", "to", "the") and not joined:
            parts.append([])
        else:
            parts[-1].append(token)  # "Jammu and Kashmir": one place, never "{{Jammu}}"
    # "Minister of Minority Affairs and Parliamentary Affairs Kiren Rijiju": the portfolio
    # runs on after the title, and the person follows it.
    titled = False
    for part in parts:
        if part:
            yield from _name_term(text, part, vocabulary, after_title=titled)
            titled = titled or any(_bare(t.group()) in TITLES for t in part)


# Places whose one name joins two by "and", by the words on either side of it: "Jammu and
# Kashmir", "Dadra and Nagar Haveli", "Andaman and Nicobar Islands".
_JOINED_PLACES = {
    ("Jammu", "Kashmir"),
    ("Andaman", "Nicobar"),
    ("Dadra", "Nagar"),
    ("Daman", "Diu"),
    ("Trinidad", "Tobago"),
    ("Bosnia", "Herzegovina"),
    ("Antigua", "Barbuda"),
    ("Sistan", "Baluchestan"),
    ("Kitts", "Nevis"),
    ("Turks", "Caicos"),
    ("Tome", "Principe"),
}


def _marks_a_person(words: list[str]) -> bool:
    """A title in the run with a name after it; "Justice" last or before "and" is a body's
    business: "Ministry of Social Justice and Empowerment", "International Court of Justice"."""
    for i, word in enumerate(words):
        if word in TITLES and i + 1 < len(words):
            if words[i + 1][:1].isupper():
                return True
            # "Union Minister of Earth Sciences Kiren Rijiju": the portfolio, then the name
            if words[i + 1] == "of" and _person_shaped(words[-2:]):
                return True
    return False


def _office_named_whole(words: list[str]) -> bool:
    """An office whose name is one answer, though the run would split it at "and" or "of":
    "Comptroller and Auditor General (of India)", whose title joins two words by "and" (not
    "Governor and Chief Minister", two offices each a title of its own); "Leader of the
    Opposition", a title and the body it leads (not "{{Opposition}}")."""
    words = " ".join(words).replace("-", " ").split()  # "Comptroller and Auditor-General"
    if len(words) == 4 and words[0] in TITLES and words[1:3] == ["of", "the"]:
        return words[3] in _LED_BODIES
    return (
        (len(words) == 4 or len(words) == 6 and words[4] == "of")  # "... General of India"
        and words[1] == "and"
        and words[3] in TITLES
        and words[0] not in TITLES
        and words[2] not in TITLES
        and is_english(words[0].lower())
        and is_english(words[2].lower())
    )


_MONTH_OPENS = re.compile(r"\b(?:\d{1,2}|[Ii]n|[Bb]y|[Uu]ntil|[Ss]ince|[Ff]rom|early|late)\s$")
_MONTH_AFTER = word_set("In By Until Since From")

_MEMBER_OF_HOUSE = word_set("MP MLA MLC")

# Titles of several holders at once, a title only before their names.
_PLURAL_TITLES = word_set("Presidents Ministers Governors Ambassadors Judges Chairpersons")


def _name_term(
    text: str, run: list[re.Match], vocabulary: Vocabulary, after_title: bool = False
) -> Iterator[Term]:
    words = [_bare(t.group()) for t in run]
    while run and words[-1] in MONTH_NUMBER:  # "in February 2024": a date, not a name
        run, words = run[:-1], words[:-1]
    # "On 9 August Aruna Asaf Ali hoisted ...", "In March Stafford Cripps ...": the month is
    # the date's, the name after it; not "known as August Kranti Maidan"
    if len(words) > 2 and words[0] in _MONTH_AFTER and words[1] in MONTH_NUMBER:
        run, words = run[2:], words[2:]
    elif (
        len(words) > 1 and words[0] in MONTH_NUMBER and _MONTH_OPENS.search(text[: run[0].start()])
    ):
        run, words = run[1:], words[1:]
    # Drop openers and titles in front: "The", "Chief Justice", "Foreign Minister".
    titled = False
    cut = 0
    # "General Service Enlistment Act": a title word opening the name of a law is part of it.
    law = bool(words) and words[-1] in _TREATY_WORDS
    law = law and not any(w in PORTFOLIO_WORDS for w in words)
    # "Queen Maud Land", "King George Falls": a site named after someone keeps the title
    law = law or (bool(words) and words[-1] in _SITE_WORDS)
    # "Ministry of Law and Justice", "Court of Justice": a body of what the title word names
    law = law or (
        any(w in _ORGANISATION_WORDS for w in words[:2])
        and "of" in words
        and not _marks_a_person(words)
    )
    # "Chief Technical Examiners' Organisation": a body whose name opens with a title word
    law = law or (
        len(words) > 2
        and words[-1] in _ORGANISATION_WORDS
        and text[run[-2].end() : run[-2].end() + 1] in ("'", "\u2019")
    )
    for i, word in enumerate(words):
        if law:
            break
        if (
            # "General Electric": a title word naming a firm
            (
                is_title(word)
                and not (i + 1 < len(words) and all(w in _COMPANY_WORDS for w in words[i + 1 :]))
            )
            or (word in PORTFOLIO_WORDS and (after_title or any(w in TITLES for w in words[:i])))
            # "Prime Ministers Narendra Modi and ...": several holders, named after the title;
            # not "the Council of Ministers"
            or (word in _PLURAL_TITLES and i + 1 < len(words) and words[i + 1][:1].isupper())
        ):
            titled = True
            cut = i + 1
    if len(words) > 2 and words[0] in _MEMBER_OF_HOUSE and _person_shaped(words[1:]):
        titled, cut = True, 1  # "the jurist and MP L.M. Singhvi": a member, then the name
    if (
        not titled
        and bool(words)
        and words[0] in RANKS
        and _person_shaped(words[1:])
        and (
            words[0] in RULERS
            # "Guru Kelucharan Mohapatra", not the book "Guru Granth Sahib"
            or (words[0] == "Guru" and words[-1] != "Sahib")
            or _reads_as_person(
                text[: run[0].start()], text[run[-1].end() :], words[1:], vocabulary
            )
        )
    ):
        # "commanded by Major Hector Munro": a rank, where what follows reads as a person's
        # name, not "Major Rock Edict XII"; "Raja Todar Mal", not the architect "Kunjara
        # Mallan Raja Raja Perunthachan"
        titled, cut = True, 1
    while cut < len(words) and words[cut] in ("of", "the"):
        cut += 1
    if titled and cut >= len(words):
        office = _office(text, run, words)
        if office is not None:
            yield office
        return
    if not titled:
        while cut < len(words) and (words[cut] in OPENERS or words[cut] in PRONOUNS):
            cut += 1
    while cut < len(words) and words[cut] in ("of", "the", "and", "for", "on", "to"):
        cut += 1
    end_index = len(words)
    while end_index > cut and words[end_index - 1] in ("of", "the", "and", "for", "on", "to"):
        end_index -= 1
    if (
        not titled
        and end_index - cut >= 3
        and people_before(words[cut], words[cut + 1])
        # a people's name is in the dictionary or ends as one ("Khwarazmian"); "Sangeet",
        # "Kisan" open names of their own ("the Sangeet Natak Akademi", "the Kisan Rin Portal")
        and (is_english(words[cut].lower()) or words[cut].endswith(("ian", "ese")))
        and re.search(r"\b[Tt]he\s$", text[: run[cut].start()])
        and _person_shaped(words[cut + 1 : end_index])
    ):
        # "The Norwegian Roald Amundsen": who he was, not his name (no "the" comes before a
        # first name, "Julian" or "Christian")
        cut += 1
    if (
        titled
        and 0 < cut < end_index
        and end_index - cut <= 3
        and (
            words[cut - 1] in HONORIFICS
            or (
                cut == 1
                and words[0] in _OPENING_HONORIFICS
                # a person, not "the General Council" or "the General Purposes Committee"
                and (_person_shaped(words[1:end_index]) or not is_english(words[1].lower()))
            )
        )
    ):
        cut -= 1  # "Lord Canning", "Sir Gilbert Walker": the title is part of how they are known
    kept = run[cut:end_index]
    names = words[cut:end_index]
    if not kept:
        return
    start = kept[0].start()
    end = kept[-1].start() + len(_bare(kept[-1].group()))
    # A number or code that is part of the name: "Launch Complex 39A", "Axiom Mission 4".
    code = _CODE.match(text[end:])
    coded = code is not None and len(names) >= 2 and not any(w in MONTH_NUMBER for w in names)
    if coded:
        end += len(code.group())
    if re.search(r"\s[IVX]\.$", text[start:end]) and not text[end:].strip("\"'\u201d)] "):
        end -= 1  # "the queen of Satakarni I.": a king's numeral, then the sentence's full stop
    answer = text[start:end]
    before, after = text[:start], text[end:]
    opening = before.rstrip().rstrip("\"'\u201c\u2018([")
    sentence_start = not opening or opening[-1:] in ".!?"
    if opening[-1:] == ":":
        # "four zonal benches: Bhopal for the central zone, Pune for ...": after a colon, a
        # word the notes never write in lower case is a name as it is mid-sentence
        sentence_start = len(names) > 1 or not vocabulary.is_proper(answer)
    # "coins of Yajna Sri Satakarni points to ...": a name of several words ending in -i
    # is a name, unless the notes name the place it is made from ("Bengali" beside "Bengal")
    named_in_i = (
        len(names) >= 2
        and names[-1].endswith("i")
        and names[-1] not in _DESCRIBING
        and not _describes(names[-1], vocabulary)
    )
    if (
        not titled
        and not named_in_i
        and _attributive(names[-1], after)
        and not _FEATURE.match(after)
    ):
        return  # "North Korean leader", "Soviet times": a describing word, not a name
    if len(names) == 1:
        yield from _single_word(text, start, end, answer, titled, sentence_start, vocabulary)
        return
    feature = _named_feature(before, after, names, vocabulary) if len(names) <= 3 else None
    if feature is not None and not titled:
        # "The Kandariya Mahadeva temple", "the Meguti Jain temple": a name of several words
        # asked with its common noun, as one word is
        yield _feature_term(text, start, end, feature)
        return
    if _BODY_AFTER.match(after):  # "Sveriges Riksbank, Sweden's central bank": a body
        acting = _FOUNDED.search(before) or _PERSON_TO.search(before)  # "went to Nihon Hidankyo"
        worth = 4.1 if acting else 3.6
        yield Term(start, end, answer, "organisation", AnswerType.organisation, worth)
        return
    if names[0] in _NAMED_EVENT and len(answer.split()) == 2:
        # "Cyclone Remal", "Mission Mausam": a named event or mission, asked by its name
        yield Term(start, end, answer, "name", AnswerType.text, 4.4)
        return
    if names[-1] in _LANGUAGES:  # "verses in Maharashtri Prakrit": a language, no place
        yield Term(start, end, answer, "name", AnswerType.text, 3.0)
        return
    if names[-1] in _COMPANY_WORDS:  # "General Electric", "Tata Motors": a firm
        yield Term(start, end, answer, "organisation", AnswerType.organisation, 3.6)
        return
    if names[-1] in _SITE_WORDS and not any(w in _ORGANISATION_WORDS for w in names[:-1]):
        # "Kuno National Park", "Jim Corbett Tiger Reserve", "Gingee Fort": a site
        yield Term(start, end, answer, "place", AnswerType.place, 4.3)
        return
    if (
        not titled
        and not any(w in _EVENT_WORDS for w in names)  # "the Battle of Salher": no person
        and _person_shaped(names)
        and not _describes(names[0], vocabulary)
        and _known_person(text, start, end, names, vocabulary)
    ):
        listed = _in_list_of_people(text, start, end)
        yield Term(start, end, answer, "person", AnswerType.person, 4.4, listed=listed)
        return
    if _ruler(names, after):
        listed = _in_list_of_people(text, start, end)
        yield Term(start, end, answer, "person", AnswerType.person, 4.3, listed=listed)
        return
    # A long name spelt out before its initials ("Bharatiya Antariksh Station (BAS)") is the
    # official name of something an examiner asks about; a number in it is a detail.
    official = 0.6 if _spelt_out(names, after) else -0.2 if coded else 0.0
    if any(w in _TREATY_WORDS for w in names):
        yield Term(start, end, answer, "name", AnswerType.text, 4.0 + official)
    elif any(w in _EVENT_WORDS for w in names):
        yield Term(start, end, answer, "name", AnswerType.text, 3.5)
    elif names[-1] in ("Centre", "Center") and _PLACE_BEFORE.search(before):
        yield Term(start, end, answer, "place", AnswerType.place, 4.3 + min(official, 0))
    elif any(w in _ORGANISATION_WORDS for w in names):
        # A body spelt out before its initials ("Indian Space Research Organisation (ISRO)")
        # is common knowledge more often than a fact of the notes, and the initials left in
        # the prompt give its words away: a weaker blank.
        worth = 3.6 + min(official, 0) - (0.2 if official > 0 else 0.0)
        if _FOUNDED.search(before) or _ACTS.match(after):
            worth += 0.5  # a body set up here, or one doing what the sentence tells
        if _named_for_someone(names, vocabulary):
            worth += NAMED_BODY  # "the Dinesh Goswami Committee": known by its chair's name
        yield Term(start, end, answer, "organisation", AnswerType.organisation, worth)
    elif names[0] == "Saint" and _PLACE_BEFORE.search(before):
        # "held in Saint Petersburg": a city named for a saint, not the saint
        yield Term(start, end, answer, "place", AnswerType.place, 4.3)
    elif titled or (
        not _describes(names[0], vocabulary) and _reads_as_person(before, after, names, vocabulary)
    ):
        worth = 4.5 if titled else 4.3
        listed = _in_list_of_people(text, start, end)
        yield Term(start, end, answer, "person", AnswerType.person, worth + 0.1, listed=listed)
    elif _in_list_of_people(text, start, end):
        yield Term(start, end, answer, "person", AnswerType.person, 4.3, listed=True)
    elif (
        names[0] in _PLACE_PREFIXES
        or _PLACE_BEFORE.search(before)
        or (answer in vocabulary.places and not _PERSON_TO.search(before))
        or _APPOSED_PLACE.match(after)
    ) and not _MEMBERS.fullmatch(answer):
        yield Term(start, end, answer, "place", AnswerType.place, 4.3 + official)
    elif len(names) <= 5:
        named = _thing_named(before, after) if len(names) <= 2 else 0.0
        worth = 3.2 + max(official, named)
        if _WORK_BEFORE.search(before):
            worth = max(worth, 4.3)  # "whose report Towards Equality appeared": a work's title
        yield Term(start, end, answer, "name", AnswerType.text, worth)


def _office(text: str, run: list[re.Match], words: list[str]) -> Term | None:
    """An office named by words of its own before a title word, not a person's title:
    "appoint a Data Protection Officer", "an Election Commissioner" (not "Chief Justice",
    "Foreign Minister Jaishankar")."""
    first = next((i for i, w in enumerate(words) if w in TITLES), 0)
    if words[-1] not in TITLES:
        return None  # "Minister of Earth Sciences": a portfolio, after its title
    own = words[:first]
    while own and (own[0] in OPENERS or own[0] in PRONOUNS):
        own, run = own[1:], run[1:]
    if not own or any(w in PORTFOLIO_WORDS or not w[:1].isupper() for w in own):
        return None
    introduced = re.search(r"\b(?:a|an)\s$", text[: run[0].start()])
    if len(own) < 2 and not introduced:
        return None
    start, end = run[0].start(), run[-1].start() + len(words[-1])
    return Term(start, end, text[start:end], "name", AnswerType.text, 4.2)


_SITE_WORDS = word_set(
    "Park Reserve Sanctuary Fort Temple Palace Lake Dam Maidan Stadium Falls Glacier Pass Caves "
    "Canal Channel "  # "the Buckingham Canal", "the Ten Degree Channel": a waterway
    "Massif Peak Land"  # "Queen Maud Land": a region named after someone, not her
    # a monument of any faith, as a temple is: "the Adina Mosque at Pandua"
    " Mosque Masjid Minar Tomb Dargah Gurdwara Church Cathedral Stupa Vihara Mahavihara Darwaza"
    " Monastery Mausoleum"
    " Ashram Ashrama Math Matha"  # "The headquarters, Yugantar Ashram, ...": a house, no one
)


# A ruler's number after his name: "Pulakeshin II", "Bukka Raya I", "Aga Khan III".
_REGNAL = re.compile(r"X?(?:IX|IV|V?I{1,3}|V)")
# What is numbered that way and is no ruler: "Part IX", "Rock Edict XIII".
_NUMBERED_THINGS = word_set("Edict Edicts List Appendix Mk Programme Stage Phase")


def _ruler(names: list[str], after: str) -> bool:
    """One or two names and a ruler's number: a king, whatever the sentence says of him;
    not an initial ("Justice V. Ramaswami") nor a numbered part of a text or a plan."""
    return (
        2 <= len(names) <= 3
        and _REGNAL.fullmatch(names[-1]) is not None
        # "by his feudatory Tailapa II.": the numeral, then the sentence's full stop
        and not (after.startswith(".") and after[1:].strip("\"'\u201d)] "))
        and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in names[:-1])
        and not any(w in _NUMBERED_PARTS or w in _NUMBERED_THINGS for w in names[:-1])
        and not any(w in _EVENT_WORDS or w in TITLES for w in names[:-1])
    )


def _person_shaped(names: list[str]) -> bool:
    """Two to four words that could be a person's name: no body, place word, digit or acronym.
    Particles do not count ("Thani bin Ahmed Al Zeyoudi" is four names)."""
    if names and re.fullmatch(_COMPASS, names[0]):
        return False  # "East Antarctica", "West Bengal": a region, never a person
    return (
        2 <= _named_words(names) <= 4
        and all(
            # "Jalal-ud-din": a name joined by its particle
            re.fullmatch(r"[^\W\d_][^\W\d_\u2019'-]+(?:-[^\W\d_]+)?|(?:[^\W\d_]\.)+", w)
            or _JOINED_NAME.fullmatch(w)
            for w in names
        )
        and all(
            not (w.isupper() and "." not in w)
            # "Sukarno of Indonesia": a small word in lower case joins a name to a place
            and (w[:1].isupper() or w.casefold() in PARTICLES)
            and w not in _INSTITUTIONS
            and w not in _PLACE_WORDS
            and w not in _SITE_WORDS
            and w not in MONTH_NUMBER
            and w not in _GROUPS  # "Scheduled Castes and Scheduled Tribes"
            for w in names
        )
        and names[-1] not in _LANGUAGES  # "Maharashtri Prakrit": a language
    )


# The members of a party or a people: "broke into Moderates and Extremists", "Indians".
_MEMBERS = re.compile(r"[A-Z][a-z]+(?:ist|ian|ate|ite|ean)s")
# Languages: the last word of a language's name, never of a person's.
_LANGUAGES = word_set(
    "Sanskrit Prakrit Pali Tamil Telugu Kannada Malayalam Odia Urdu Persian Arabic Hindi "
    "Marathi Bengali Gujarati Punjabi Latin Greek Apabhramsha"
)
# Words before a term of another language that are not the place it is named for.
_NOT_NAMED_FOR = OPENERS | PRONOUNS | _LANGUAGES | _FAITHS
# Words no person's name has: "Scheduled Tribes", "Conservation International".
_GROUPS = word_set(
    "Castes Tribes Classes Communities Peoples Parties Nations Territories International"
    " People Democratic Socialist"  # "the Democratic People\u2019s Republic of Korea"
)


def _named_words(names: list[str]) -> int:
    """The words of a name that are not particles ("bin", "Al", "von", "de")."""
    return sum(1 for w in names if w.casefold() not in PARTICLES)


_BODY_AFTER = re.compile(
    r"^,\s(?:[A-Z][\w-]*[\u2019']s\s|the\s|an?\s)(?:[\w-]+\s){0,3}?(?:bank|company|group|agency|"
    r"body|firm|organisation|organization|institute|university|foundation|council|committee|"
    r"court|party|union|association|alliance|trust|board|authority|network|movement)\b"
)


def _describes(word: str, vocabulary: Vocabulary) -> bool:
    """A people's name made from a place the notes name ("Pakistani" beside "Pakistan",
    "Chinese" beside "China"): it describes what follows, as in "Pakistani Punjab"."""
    if not word.endswith(("i", "n", "ese", "ish")):
        return False
    places = {word[:-1], word[:-2], word[:-3]}
    if word.endswith("ese"):
        places.add(word[:-3] + "a")  # "Chinese", "Sinhalese"; not "Bhattoji" beside "Bhatta"
    return bool(places & vocabulary.capitalised)


def _has_demonym(word: str, vocabulary: Vocabulary) -> bool:
    """A word the notes also use as a people's name ("India" beside "Indian"): a place."""
    stem = word[:-1] if word[-1:] in "aeiouy" else word
    forms = {word + "n", word + "an", stem + "ian", stem + "ese", stem + "ish", stem + "i"}
    return bool(forms & vocabulary.capitalised)


def _known_person(
    text: str, start: int, end: int, names: list[str], vocabulary: Vocabulary
) -> bool:
    """A name the document treats as a person's: met again by surname ("Hinton used it"),
    given a role just before ("the writer Han Kang"), or paired with such a name."""
    if (
        names[-1] in vocabulary.alone
        and names[-1] not in vocabulary.places
        and names[-1].lower() not in vocabulary.lower  # "Project Tiger" beside "tiger reserves"
        and not _has_demonym(names[-1], vocabulary)
        # "the copper Sultanganj Buddha": a thing described, not a person ("the writer Han
        # Kang" is told by the role noun below)
        and not re.search(r"\b[Tt]he\s(?:[a-z]+\s)?$", text[:start])
    ):
        return True
    if re.search(r"\b(?:with|alongside)\s$", text[:start]) and re.match(r"^\.?$", text[end:]):
        return True  # "She won a second bronze with Sarabjot Singh.": a partner
    title = _TITLE_AFTER.match(text[end:])
    if title and title.group(1) in TITLES:
        return True  # "Thani bin Ahmed Al Zeyoudi, the UAE's Minister of State ..."
    for role in (_ROLE_NOUN.search(text[:start]), _ROLE_AFTER.match(text[end:])):
        if role and role.group(1) not in _NOT_ROLES and role.group(1) not in _FUNCTION_WORDS:
            return True
    pair = _PAIR.search(text)
    while pair is not None:
        if pair.start() <= start and end <= pair.end():
            others = [n for n in re.split(r",\s(?:and\s)?|\s(?:and|or)\s", pair.group()) if n]
            return (
                any(
                    o.split()[-1] in vocabulary.alone or re.search(r"[A-Z]\.", o)
                    for o in others
                    if o != text[start:end]
                )
                or bool(
                    re.search(r"\b(?:to|by|with|between)\s$", text[: pair.start()])
                    # "Mir Madan and Mohan Lal led the loyal divisions": people doing what people do
                    or _DONE_BY_PEOPLE.match(text[pair.end() :])
                    or _FINDING.match(text[pair.end() :])
                    # "Saifuddin Kitchlew and Satyapal were arrested"
                    or _HUMAN_DEED.match(text[pair.end() :])
                )
            )
        pair = _PAIR.search(text, pair.end())
    return False


_DONE_BY_PEOPLE = re.compile(rf"^\s(?:{'|'.join(sorted(_PERSON_VERBS))})\b")


def _thing_named(before: str, after: str) -> float:
    """A name before the common noun it names: "the Harmony module", "The El Niño event"."""
    if re.search(r"(?:^|\s)(?:[Tt]he)\s$", before) and re.match(r"^\s[a-z]{3,}\b", after):
        following = after.split()[0]
        if following not in _FUNCTION_WORDS and following not in _VERBS:
            return 0.6
    return 0.0


def _spelt_out(names: list[str], after: str) -> bool:
    """The name is followed by its initials in brackets: "Human Space Flight Centre (HSFC)"."""
    short = re.match(r"^\s\(([A-Z]{2,8})\)", after)
    if short is None:
        return False
    initials = "".join(w[0] for w in names if w[:1].isupper()).upper()
    return initials == short.group(1) or initials.endswith(short.group(1))


_WORD = r"[A-Z][^\W\d_]+(?:[-\u2019'][A-Z]?[^\W\d_]+)?"
_PERSON_NAME = rf"{_WORD}(?:\s(?:[A-Z]\.)+)?(?:\s{_WORD}){{1,2}}"
# Three or more names of two or three words: "Asaduddin Owaisi, Kalyan Banerjee and Gaurav
# Gogoi", "Peggy Whitson, Shubhanshu Shukla, ... and Tibor Kapu".
_PEOPLE = re.compile(rf"{_PERSON_NAME}(?:,\s{_PERSON_NAME}){{1,}},?\s(?:and|or)\s{_PERSON_NAME}")
# Two or more such names: "John Hopfield and Geoffrey Hinton".
_PAIR = re.compile(rf"{_PERSON_NAME}(?:,\s{_PERSON_NAME})*,?\s(?:and|or)\s{_PERSON_NAME}")
# Last words of places, not surnames: "Madhya Pradesh, Tamil Nadu and West Bengal".
_PLACE_WORDS = word_set(
    "Pradesh Nadu Bengal Islands Island Sea Ocean River Gulf Bay Coast Republic Kingdom "
    "Hills Plains Ghats Valley Desert Province District City County Park Lake Current"
)


def _in_list_of_people(text: str, start: int, end: int) -> bool:
    """The name is one of a list of three or more names shaped like people's."""
    for match in _PEOPLE.finditer(text):
        if match.start() <= start and end <= match.end():
            names = re.split(r",\s(?:and\s|or\s)?|\s(?:and|or)\s", match.group())
            return not any(
                w in _PLACE_WORDS or w in _INSTITUTIONS or w in _PLACE_PREFIXES
                for name in names
                for w in name.split()
            )
    return False


# Languages and faiths, describing the noun after them: "the Sanskrit poem", "Muslim cavalry"
# (other peoples' names are told by their endings: "Korean", "Bengali").
_DESCRIBING = _LANGUAGES | word_set("French Dutch Muslim Hindu Buddhist Jain Sikh")


# Places and meetings known by the name before them, which a people's or a language's name
# never describes: "in Mangan district", "at Pochampalli village", "the Karachi session".
_NAMED_UNITS = word_set("district village tehsil taluk taluka town province session")
# What a name before it names: a feature, a record, a line or a people ("the Udayagiri hill",
# "the Halmidi inscription", "the Chedi dynasty", "the Mali caste").
_NAMED_KINDS = word_set(
    "hill hills range valley basin plateau corridor deposits inscription copper-plate case "
    "campaign dynasty kings tribe caste script language satellite award"
)
# Verbs a name is the subject of, which no describing word is followed by.
_NAME_DOES = word_set("means enters drains flows joins rises meets")


# Words ending in -ed that are no verb in the past: "the Central Asian red deer".
_NOT_VERBS = word_set("red bed seed reed weed speed breed need feed shed hundred")


def _past_tense(word: str) -> bool:
    """A verb in the past: "reached", "broke"; not a colour or a thing ("red", "seed")."""
    return word not in _NOT_VERBS and (word.endswith("ed") or is_irregular_verb(word))


def _attributive(last: str, after: str) -> bool:
    """A name used to describe the noun after it: "Soviet leader", "North Korean founder"."""
    following = re.match(r"^\s([a-z][\w-]*)", after)
    if following is None:
        return False
    word = following.group(1)
    if word in _FUNCTION_WORDS or word in _VERBS or word in _PERSON_VERBS:
        return False
    if _past_tense(word):
        return False  # "Ashfaqulla Khan broke open the chest": a name, then its verb
    if word in ("river", "rivers"):
        return False  # "the Kaveri river": the river's name, not a describing word
    if word in _NAMED_UNITS:
        return False  # "in Mangan district", "the Karachi session": a name, as no people's is
    if word in _NAMED_KINDS and not is_english(last.lower()) and last not in _DESCRIBING:
        # "the Udayagiri hill", "the Chedi dynasty", "the Gurmukhi script": a word no
        # dictionary has, naming the thing after it; not "Indian satellite", "Sanskrit script"
        return False
    if word in _NAME_DOES:
        return False  # "Bharni means ...", "The Arani enters the lake": the name, then its verb
    # "Soviet leader", not "the Tropical Easterly Jet blows"
    return last in _DESCRIBING or bool(re.search(r"(?:an|ian|ese|ish|ic|i|\w{3}et|al)$", last))


def _plural(word: str, vocabulary: Vocabulary | None) -> bool:
    """A plural the document also uses in the singular ("Sikh", "caste"), not a surname."""
    if not word.endswith("s") or word.endswith(("ss", "us", "is", "as", "os")):
        return False
    if vocabulary is None:
        return True
    known = vocabulary.capitalised | vocabulary.lower
    return bool({word[:-1], word[:-1].lower()} & known) or word.lower() in vocabulary.lower


def _reads_as_person(
    before: str, after: str, names: list[str], vocabulary: Vocabulary | None = None
) -> bool:
    if _named_words(names) > 4 or any(w.isupper() and len(w) > 1 and "." not in w for w in names):
        return False  # "UN Climate Change", "EU Free Trade"
    if any(w in _INSTITUTIONS or w[:1].isdigit() for w in names):
        return False
    if any(w in _GROUPS for w in names):
        return False  # "recognised by Conservation International": a body
    if re.match(r"^[\u2019']s\s[A-Z]", after) and _person_shaped(names):
        return True  # "comes from Abdul Qadir Badauni's Muntakhab-ut-Tawarikh": an author
    if names[0] in _PLACE_PREFIXES or _PLACE_BEFORE.search(before):
        return False
    if _WORK_BEFORE.search(before):
        return False  # "whose report Towards Equality appeared": the title of a work
    if not all(
        re.fullmatch(r"[^\W\d_][^\W\d_\u2019'-]+(?:-[^\W\d_]+)?|(?:[^\W\d_]\.)+", w) for w in names
    ):
        return False
    if _plural(names[-1], vocabulary):
        return False  # "Scheduled Castes", "Mazhabi Sikhs": a group, not a person
    if any(re.fullmatch(r"(?:[^\W\d_]\.)+", w) for w in names):
        return True  # initials: "E.V. Chinnaiah"
    if re.match(r"^\s\(\d{4}[\u2013-]\d{2,4}\)", after):
        return True  # a life in years: "Guru Bipin Singh (1918\u20132000)"
    follows = re.match(r"^\s(\w+)", after)
    return bool(
        _ROLE_BEFORE.search(before)
        or _ROLE_JUST_BEFORE.search(before)  # "composed by the Chera prince Ilango Adigal"
        # "His brother Tirumala Deva Raya", "against Ismail Adil Shah of Bijapur": a person
        # by kin, or a ruler by his kingdom
        or _KIN_BEFORE.search(before)
        or (re.search(r"\b(?:against|defeated)\s$", before) and re.match(r"^\sof\s[A-Z]", after))
        # "the terms of two of its members ended, among them India's Ujal Singh Bhatia": one
        # of the people the sentence counts
        or (len(names) >= 2 and _ONE_OF_PEOPLE.search(before) is not None)
        or _PREDECESSOR.search(before)
        or (follows and follows.group(1) in _PERSON_VERBS)
        or _FINDING.match(after)
        or re.match(
            rf"^,\s(?:who\b|born\s(?:at|in)\b|aged\s\d|an?\s(?:[\w-]+\s){{0,3}}(?:{_ROLES})\b)",
            after,
        )
        # "appointing Michel Lino as neutral expert": who was given a post
        or (
            re.search(r"\b(?:appointing|appointed|appoints|nominating|nominated)\s$", before)
            and re.match(r"^\sas\s", after)
        )
        # "Gaura Devi, head of the village Mahila Mangal Dal": who heads something
        or re.match(
            r"^,\s(?:the\s)?(?:head|chief|leader|founder|president|secretary|chairman|"
            r"chairperson|director|editor)\sof\b",
            after,
        )
        # "Harsha Vardhana of the Pushyabhuti dynasty": a ruler by his line
        or _DYNASTY_AFTER.match(after)
        or _HELD_OFFICE_OF.search(before)
        or _HUMAN_DEED.match(_past_place(after))
    )


# Whose office or court it was: "during the governorship of Henry Vansittart", "at the court of
# Serfoji II", "in the reign of Akbar".
_HELD_OFFICE_OF = re.compile(
    r"\b(?:governorship|viceroyalty|reign|premiership|presidency|court|patronage)\sof\s$"
)
_WORK_BEFORE = re.compile(
    r"\b(?:report|book|novel|film|documentary|play|poem|treatise|epic|journal|newspaper|"
    # "He wrote a Sanskrit play, the Harakeli Nataka", "His chief book is Satyarth Prakash"
    r"magazine|song|album|chronicle|biography|commentary|anthology|drama|farce)"
    r"(?:,?\s(?:the\s)?|\s(?:is|was)\s)$"
)
_ONE_OF_PEOPLE = re.compile(
    r"\b(?:members|judges|ministers|leaders|officials|laureates|astronauts|winners|players)\b"
    r"[^.;]*\b(?:among\sthem|including)\s(?:[A-Z][a-z]+[\u2019']s\s)?$"
)
# What only a person is or undergoes: "was sworn in", "was betrayed and hanged", "was the
# first woman of Indian origin in space".
_HUMAN_DEED = re.compile(
    r"^\s(?:was|were|is|became|had\sbeen|has\sbeen)\s(?:later\s|then\s|also\s)?"
    r"(?:sworn|elected|re-elected|born|appointed|crowned|betrayed|hanged|executed|killed|"
    r"assassinated|arrested|knighted|exiled|imprisoned|nominated|married|buried|convicted|"
    r"sentenced|deported|jailed|acquitted|pardoned"
    r"|the\s(?:first|second|third|last|only|youngest|oldest)\s(?:[A-Z][\w-]*\s){0,3}"
    r"(?:woman|man|Indian|person|Asian|African|American|European|astronaut|ruler|leader|"
    r"writer|judge|player|member|MP|MLA))\b"
)


_IS_A_PLACE = re.compile(
    r"^\s(?:is|was|became|remains)\s(?:the|a|an)\s(?:[a-z]+\s){0,2}(?:state|city|country|"
    r"district|town|port|capital|village|region|province|island|kingdom|nation)\b"
)
# What a place of two words or more is, said just after it: "Chorabari Tal, a
# moraine-dammed lake upstream of Kedarnath".
_APPOSED_PLACE = re.compile(
    r"^,\s(?:a|an)\s(?:[\w-]+\s){0,3}?(?:lake|village|town|city|port|river|tributary|hill|"
    r"peak|glacier|island|lagoon|valley|hamlet|settlement)\b"
)
# A body set up, or acting: "launched the International Big Cat Alliance", "The Union
# Cabinet approved it".
_FOUNDED = re.compile(
    r"\b(?:launched|set\sup|created|established|formed|founded|constituted|by)\s(?:the\s)?$"
)
_ACTS = re.compile(
    r"^\s(?:\([A-Z]+\)\s)?(?:approved|released|launched|set|issued|ruled|decided|announced|"
    r"adopted|published|chose|chooses|selects|makes|made)\b"
)
# "the Nobel Prize in Physics": a word inside a title, not a place.
_IN_TITLE = re.compile(r"\w\s[A-Z][\w\u2019'-]*\s(?:in|of|for)\s$")
_CRAFT = re.compile(
    r"^\s(?:module|rover|lander|orbiter|rocket|satellite|telescope|spacecraft|capsule|ship|"
    r"vessel|frigate|submarine|aircraft|missile|reactor|probe)\b"
)
CRAFT_WORTH = 4.3
PROGRAMME_WORTH = 4.2
_NAMED_THING = re.compile(r"^\s[a-z]{3,}(?=\.?[\"'\u201d)]*$)")
# The compass superlatives: "is the westernmost", "the northernmost site".
COMPASS_MOST = r"(?:north|south|east|west)(?:ern)?most"
_HOLDS_RECORD = re.compile(
    r"^\s(?:has|had|have|is|was|were|recorded|reported|registered|got|received|"
    r"was\sgiven|were\sgiven)\s(?:the\s|[A-Z][\w-]*[\u2019']s\s)?"
    rf"(?:highest|lowest|largest|smallest|most|least|best|worst|{COMPASS_MOST}"
    # "Lakshadweep is India's only group of atolls"
    r"|only(?=\s(?:group|island|state|city|site|port|region|archipelago)\b))\b"
)
# A record told of a name just before: "Keibul Lamjao, the only floating national park".
_RECORD_APPOSITIVE = re.compile(
    r"^,\s(?:the|its|India[\u2019']s)\s(?:only|first|largest|highest|oldest|longest|biggest|"
    rf"smallest|deepest|tallest|{COMPASS_MOST})\b"
)
# What holds a record, opening its sentence in lower case: "Income distance was given the
# largest weight".
_RECORD_PHRASE = re.compile(
    r"^(?:[A-Z][^,;]{0,40}?,\s)?([A-Z][a-z]+(?:\s[a-z]+){0,2})(?=\s(?:has|had|have|is|was|were|"
    r"got|received|was\sgiven|were\sgiven)\s(?:the\s)?(?:highest|lowest|largest|smallest|most|"
    r"least)\b)"
)


def _past_place(after: str) -> str:
    """What follows a name, past where it is: "Jim Corbett Tiger Reserve in Uttarakhand had"."""
    where = re.match(
        r"^\s(?:in|of)\s[A-Z][\w\u2019'-]*(?:\s[A-Z][\w\u2019'-]*)*(?=[\s,][a-z\s])", after
    )
    after = after[where.end() :] if where else after
    # an aside between commas: "The Sundarbans Wetland, designated in January 2019, is ..."
    aside = re.match(r"^,\s[a-z][^,;.]{0,40},(?=\s)", after)
    return after[aside.end() :] if aside else after


# A common noun that names a place or a find with the word before it: "the Kaimur hills".
_FEATURE = re.compile(
    r"^\s(hills|hill|dam|barrage|canal|reservoir|valley|plateau|glacier|"
    r"inscription|inscriptions|cave|caves|lake|temple|seal|pillar|stupa|hoard|grasslands|"
    r"grassland|wetland|wetlands|desert|delta|forest|forests|peak|falls|pass|scale|"
    r"rebellion|uprising|dolphin|sandstone|gyre)\b"
    # the noun ends the name: not "the Yamuna river clean-up"
    r"(?=[,.;:)]|\s(?:in|on|of|at|near|to|from|for|by|into|through|below|above|as|and|or|"
    r"is|was|are|were|has|had|that|which|where|with|inside|across|covers|rises|flows|lies)\b)"
)


def _named_feature(
    before: str, after: str, names: list[str], vocabulary: Vocabulary
) -> re.Match | None:
    """The common noun a name is asked with: "the Kaimur hills", "The Kandariya Mahadeva
    temple"; None where the name stands alone."""
    feature = _FEATURE.match(after)
    if (
        feature
        # "in his Hathigumpha inscription": what the feature is named, after whose it is
        and re.search(r"\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s(?:[a-z-]+\s)?$", before)
        # "the Indian delta": a describing word, not the name of one ("the Kaimur hills")
        and not _describes(names[0], vocabulary)
    ):
        return feature
    return None


# Common nouns that name a thing, not a place: "the Moamoria rebellion", "the Irrawaddy dolphin".
_NAMED_NOT_PLACES = word_set(
    "inscription inscriptions scale rebellion uprising dolphin sandstone gyre"
)


def _feature_term(text: str, start: int, end: int, feature: re.Match) -> Term:
    """A place or a find named with its common noun, asked whole: "the Daudhan dam", "The
    Naneghat inscription"."""
    end += len(feature.group())
    if feature.group(1) in _NAMED_NOT_PLACES:
        return Term(start, end, text[start:end], "name", AnswerType.text, 4.3)
    return Term(start, end, text[start:end], "place", AnswerType.place, 4.3)


# "hosted by China in Wuhan", "hosted by the United Nations Environment Programme in Nairobi":
# the host, then the city it chose
HOSTED_IN = re.compile(
    r"\bhosted\sby\s(?:the\s)?[A-Z][\w\u2019'-]*(?:\s(?:(?:of|for|on|and)\s)?[A-Z][\w\u2019'-]*){0,6}"
    r"\sin\s$"
)
_BEATEN = re.compile(r"\b(?:beating|beat|defeated|against)\s$")
_HOSTS = re.compile(r"^\s(?:will\s|had\s|has\s|is\sto\s|would\s)?(?:host|hosts|hosted)\b")


# "Churu in Rajasthan had": a place inside a larger one, then what it did.
_IN_PLACE = re.compile(r"^\s(?:in|of)\s[A-Z][\w\u2019'-]+(?:\s[A-Z][\w\u2019'-]+)?\s[a-z]")
# Words that open sentences without naming anything: "Today in India", "Elsewhere in Asia".
_SENTENCE_WORDS = word_set(
    "Today Yesterday Tomorrow Elsewhere Here There Thus Hence Meanwhile Overall Later Earlier "
    "Again Still Yet Even Instead Indeed Moreover Furthermore Further Besides Nevertheless "
    "Otherwise Therefore Together Once Twice Altogether Finally First Second Third Last Next "
    "Such Other Another Neither Either None Nothing Everything Something Someone Everyone "
    "Much More Less Few Fewer All Any No Not Several Various Certain Rainfall Growth Trade "
    "Spending Investment Inflation Production Demand Progress Work Life Interest Change"
    # participles and sources opening a sentence: "Written in Prakrit, it lists ...", "Born
    # in Kaladi", "Tradition makes Nagarjuna a friend of ..."
    " Written Born Built Made Known Found Located Situated Set Sung Spoken Given Taken Kept"
    " Tradition Legend"
)


# A name joined by a Persian or Arabic particle: "Din-i-Ilahi", "Muntakhab-ut-Tawarikh".
_PERSIAN_PARTICLE = r"-(?:i|e|ul|ud|un|ut|us|ur|uz|al|ad|ar|as|az)-"
_IZAFAT = re.compile(rf"[A-Z][a-z]+(?:{_PERSIAN_PARTICLE}[A-Z][a-z]+)+")
# A person's name so joined, its last part often in lower case: "Jalal-ud-din", "Minhaj-us-Siraj".
_JOINED_NAME = re.compile(rf"[A-Z][a-z]+(?:{_PERSIAN_PARTICLE}[A-Za-z][a-z]+)+")


_DYNASTY_AFTER = re.compile(r"^\sof\sthe\s[A-Z][\w-]*\s(?:dynasty|clan)\b")
# A ruler's titles: "under King Kalashoka", "Queen Victoria's Proclamation".
RULERS = word_set("King Queen Emperor Empress Maharaja Maharani Maharana Nawab Sultan Raja Rani")
# A ruler's children, named by their rank: "His daughter, Princess Bimbavati"
_ROYALS = word_set("Prince Princess")
_RULER_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(RULERS))})\s$")
# The role is the noun the aside ends on or hangs from: "a princess of", "a court poet who";
# not "an official history".
_ROLE_GIVEN = re.compile(
    rf"^,\s(?:the\s|an?\s)(?:[\w-]+\s){{0,3}}?(?:{_ROLES})"
    r"(?=\s(?:of|at|in|from|to|who|and|for|with|under)\b|[,.;)]|$)"
)
_WORK_GIVEN = re.compile(
    r"^,\s(?:an?|the)\s(?:[\w\u2019'-]+\s){0,3}?(?:anthology|treatise|text|poem|play|epic|"
    r"book|chronicle|grammar|commentary|collection|history|biography|dictionary|guide|drama)\b"
)
_COUNT_BEFORE = re.compile(
    rf"\b(?:{COUNT_WORDS}|\d[\d,]*|many|several|some|all|the|these|those)\s$", re.IGNORECASE
)
# A role said just before a name: "the court poet Ravikirti", "his feudatory Dantidurga".
_ROLE_JUST_BEFORE = re.compile(rf"\b(?:{_ROLES}|pilgrim|feudatory|dramatist)\s$")
# What only a person does, said of a single name (a country "signed" or "won" too).
_DEEDS_OF_ONE = word_set(
    "wrote writes dissented presided recited compiled preached composed taught translated sang "
    "painted danced married died excavated resigned"
)


# What two names joined by a hyphen name together: "the Zaranj-Delaram highway".
_JOINED = re.compile(
    r"\s(?:railway|rail\slink|highway|road|line|corridor|pipeline|link|canal|expressway|route|"
    r"report|reforms|scheme|plan|pact|agreement)\b"
)


def _single_word(
    text: str,
    start: int,
    end: int,
    answer: str,
    titled: bool,
    sentence_start: bool,
    vocabulary: Vocabulary,
) -> Iterator[Term]:
    before = text[:start]
    after = text[end:]
    feature = _named_feature(before, after, answer.split(), vocabulary)
    if feature is not None:
        yield _feature_term(text, start, end, feature)
        return
    if _attributive(answer, text[end:]) and not _RULER_BEFORE.search(before):
        return  # "the Chola navy"; but "Queen Lokamahadevi built": a ruler, by her title
    if answer in _INSTITUTIONS or answer in OPENERS or answer in PRONOUNS or answer in MONTH_NUMBER:
        return
    if re.fullmatch(r"[A-Z]{2,5}\d{1,3}", answer) and re.search(r"\b(?:at|in)\s$", before):
        # "adopted at COP15": the meeting where it was decided; "in 2015" is asked first
        yield Term(start, end, answer, "name", AnswerType.text, 4.1)
        return
    if (
        re.fullmatch(
            r"[A-Z][A-Za-z]*-?[A-Z]?\d{1,3}[A-Za-z]?|[A-Z][a-z]+-(?:[A-Z]|[IVX]{1,4})", answer
        )
        and not sentence_start
    ):
        # A designation with digits names one thing: a mission ("Luna-25", "Chandrayaan-4"),
        # a launch vehicle ("LVM3", "PSLV-C11"); so does one with a letter or a numeral after
        # a word ("Microsat-R", "Agni-V")
        yield Term(start, end, answer, "name", AnswerType.text, CODE_WORTH)
        return
    if re.fullmatch(r"[A-Z0-9&]{2,}", answer):  # "EU", "RBI": an acronym alone is a weak blank
        yield Term(start, end, answer, "organisation", AnswerType.organisation, 1.5)
        return
    if _IZAFAT.fullmatch(answer):
        # "the Ain-i-Akbari", "Badauni's Muntakhab-ut-Tawarikh", "the Imam-i-Adil": a Persian
        # or Arabic title, work or office, joined by its particle; a term the notes name, as
        # is a name so joined opening its sentence ("Minhaj-us-Siraj wrote ...")
        yield Term(start, end, answer, "name", AnswerType.text, 4.3)
        return
    if not re.fullmatch(r"[^\W\d_][^\W\d_\u2019'\-\u2013]*", answer) and not (
        # "the Rasht-Astara railway", "the Montagu-Chelmsford report": a route or a report
        # named by the two places or people it joins is one name
        re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+", answer)
        and (
            _JOINED.match(after)
            # "Keshopur-Miani in Gurdaspur district": one name, its parts never met alone
            # (not "India-China", two sides the notes name apart)
            or (
                not before.endswith("(")  # "Velxian (Vel-Hian)": an older spelling
                and not any(
                    part in vocabulary.capitalised or part in vocabulary.alone
                    for part in answer.split("-")
                )
            )
        )
    ):
        return
    if answer in vocabulary.surnames and answer in vocabulary.alone and not titled:
        return  # "Half went to Baker": the person named in full elsewhere, asked there
    if titled and answer.endswith("s") and is_title(answer[:-1]):
        return  # "the Chief Commissioners' provinces": holders of an office, no one's name
    if titled:
        # "under King Kalashoka": a ruler is known by one name; "President Putin" is a short
        # form of someone named in full before
        worth = 4.3 if _RULER_BEFORE.search(before) else 3.0
        yield Term(start, end, answer, "person", AnswerType.person, worth)
        return
    follows = re.match(r"^\s([a-z]+)\b", after)
    if (
        follows
        and follows.group(1) in _DEEDS_OF_ONE
        # "Madhvacharya of Udupi taught", "a princess of Merta married": where the doer is from
        and not re.search(r"\bof\s$", before)
        and (vocabulary.is_proper(answer) or answer.lower() not in vocabulary.lower)
        and answer not in _SENTENCE_WORDS
        # "The Gurus taught ..." in notes naming "Guru Nanak": holders of a title, no one person
        and not (
            answer.endswith("s")
            and (is_title(answer[:-1]) or answer[:-1] in vocabulary.capitalised)
        )
    ):
        # "Mahakassapa presided over ...", "Upali recited the rules ...": a person by one name
        yield Term(start, end, answer, "person", AnswerType.person, 4.3)
        return
    if _WORK_GIVEN.match(after) and not sentence_start and vocabulary.is_proper(answer):
        # "credited with the Gathasaptashati, an anthology of 700 verses": a work's title
        yield Term(start, end, answer, "name", AnswerType.text, 4.3)
        return
    if (
        _ROLE_GIVEN.match(after)
        and (
            not sentence_start
            and vocabulary.is_proper(answer)
            # "Altunia, the governor of Bhatinda, rebelled": opening the sentence, a word no
            # dictionary has, never written in lower case
            or sentence_start
            and answer.lower() not in vocabulary.lower
            and not is_english(answer.lower())
        )
        and answer not in vocabulary.places
        # "a former Chief Justice of India, a former judge of ...": a list of posts
        and not re.search(r"\bof\s$", before)
    ):
        # "He married Kumaradevi, a princess of the Licchavi clan": who they were, just after
        yield Term(start, end, answer, "person", AnswerType.person, 4.3)
        return
    if (
        _KIN_BEFORE.search(before)
        or _ROLE_JUST_BEFORE.search(before)
        or _AUTHOR_BEFORE.search(before)
    ) and vocabulary.is_proper(answer):
        # "written by Kampana's wife Gangadevi", "his son Bukka", "the court poet Ravikirti",
        # "his feudatory Dantidurga": a person by one name
        yield Term(start, end, answer, "person", AnswerType.person, 4.3)
        return
    if (
        not sentence_start
        and _HUMAN_DEED.match(_past_place(after))
        and vocabulary.is_proper(answer)
        # "five Europeans were killed": a group counted, not a person
        and not (answer.endswith("s") and _COUNT_BEFORE.search(before))
    ):
        # "Lalduhoma of Mizoram became the first Lok Sabha member ...": a person by one name
        yield Term(start, end, answer, "person", AnswerType.person, 4.3)
        return
    if (
        _DYNASTY_AFTER.match(after)
        and vocabulary.is_proper(answer)
        and not _plural(answer, None)  # "the Moidams of the Ahom dynasty": their tombs
    ):
        # "Its patron was Ajatashatru of the Haryanka dynasty": a ruler by his line
        yield Term(start, end, answer, "person", AnswerType.person, 4.3)
        return
    # "Baku, Azerbaijan"; not "Caves 2 and 3 are Vaishnava, Cave 3 being ...": a numbered thing
    if (
        re.match(r"^,\s(?:in\s|near\s)?[A-Z](?![\w\u2019'-]*\s\d)", after)
        and not re.match(_LIST, after)
        # "Nearby, the Nelapattu sanctuary ...", "Shocked, Gandhi called ...": how or where
        and not (sentence_start and answer in vocabulary.common)
    ):
        yield Term(start, end, answer, "place", AnswerType.place, 4.3)
        return
    if _BEATEN.search(before):  # "beating Spain 2–1": the side beaten
        yield Term(start, end, answer, "place", AnswerType.place, 4.2)
        return
    if _HOSTS.match(after) or _IS_A_PLACE.match(after):  # "Brisbane will host", "Satara was
        # the first state taken": the place the sentence is about
        yield Term(start, end, answer, "place", AnswerType.place, 4.3)
        return
    if (
        sentence_start
        and _IN_PLACE.match(after)
        and answer.lower() not in vocabulary.lower
        and answer not in _SENTENCE_WORDS
        and not answer.endswith(("ly", "ing"))
        # "Hoards of Roman coins ...": a plural opening the sentence is no place of anywhere;
        # nor are "Admirers in India": people, in a word every dictionary has
        and not (
            _plural(answer, None) and (re.match(r"^\sof\b", after) or is_english(answer.lower()))
        )
    ):
        # "Churu in Rajasthan had ...": a word the notes never write in lower case, placed
        # in a larger place, is a place the sentence is about
        yield Term(start, end, answer, "place", AnswerType.place, 4.3)
        return
    if (
        sentence_start
        and (
            answer in vocabulary.subjects
            # "Anamudi, at 2,695 m the highest peak ..., stands ...": a word no dictionary
            # has, never written in lower case, told about before its verb
            or (
                not is_english(answer.lower())
                and answer.lower() not in vocabulary.lower
                and answer not in vocabulary.common
            )
        )
        and re.match(r"^,\s", after)
        and not re.match(_LIST, after)
        # not the first of common nouns listed: "Pollution, sediment, unusually low tides and
        # ocean acidification add to the strain."
        and not re.match(r"^,\s[a-z][\w-]*(?:\s[a-z][\w-]*){0,3}(?:,\s|\sand\s)", after)
    ):
        # "Kamini, a 30 kW research reactor at Kalpakkam, is the only ...": what the sentence
        # describes, named before the description
        yield Term(start, end, answer, "name", AnswerType.text, 3.9)
        return
    if sentence_start and re.match(r"^,?\snear\s[A-Z]", after) and not is_english(answer.lower()):
        # "Arikamedu near Puducherry was an Indo-Roman trading port": a site, placed by the
        # town it is near
        yield Term(start, end, answer, "place", AnswerType.place, 4.3)
        return
    if sentence_start:
        # A word opening the sentence is a name only when a verb follows it ("Telangana
        # was ...", "Karnataka set up ..."), not an adjective ("Senior advocate").
        verb = re.match(r"^\s([a-z]+)\b", text[end:])
        if (
            verb is None
            or answer in _SENTENCE_WORDS  # "Another says the carving was ...": no one named
            or not (verb.group(1) in _VERBS or verb.group(1).endswith("ed"))
            or not vocabulary.is_proper(answer)
            and (answer.lower() in vocabulary.lower or answer.endswith(("ing", "ed", "ly", "s")))
            # "Opposition began among scientists": a common noun doing something; but
            # "Disinflation is a fall in ..." says what the word means, and is asked
            or not vocabulary.is_proper(answer)
            and answer in vocabulary.common
            and verb.group(1) not in ("is", "are", "was", "were")
        ):
            return
    if answer.lower() in vocabulary.lower and not vocabulary.is_proper(answer):
        return  # "Prize in Physics" beside "the physics prize": a subject, not a name
    if sentence_start and _HOLDS_RECORD.match(_past_place(text[end:])):
        # "Sikkim has the lowest, at 1.1.": who holds the record is the question
        yield Term(start, end, answer, "place", AnswerType.place, 4.5)
        return
    in_title = _IN_TITLE.search(before) is not None
    seat = re.search(r"\s([A-Z][\w\u2019'-]*)\sin\s$", before)
    if seat and (seat.group(1) in _ORGANISATION_WORDS or seat.group(1) in _EVENT_WORDS):
        # "the Information Fusion Centre in Gurugram", "the Earth Summit in Rio": where a
        # body sits or an event met
        in_title = False
    if HOSTED_IN.search(before):
        in_title = False  # "hosted by China in Wuhan": the city the host chose
    if _NAMED_IN.search(before) and re.match(r"^\sas\b", after):
        # "remembered in Bengali as the Chhiyattorer Manvantar": the language of a name
        yield Term(start, end, answer, "name", AnswerType.text, 3.0)
    elif _LANGUAGE_BEFORE.search(_tail(text, start)):
        yield Term(start, end, answer, "name", AnswerType.text, 4.0)  # a language, no place
    elif _LANGUAGE_AFTER.match(after):
        # "a journal in the Pashto language", "in the Kharosthi script": a language or a
        # script, not a place; worth what another name of one word is
        yield Term(start, end, answer, "name", AnswerType.text, 3.0)
    elif (
        answer not in _LANGUAGES
        and not _MEMBERS.fullmatch(answer)
        and not re.match(r"^\s\d", after)  # "in Shaka 465": a year of an era, no place
        and ((_PLACE_BEFORE.search(before) and not in_title) or answer in vocabulary.places)
    ):
        yield Term(start, end, answer, "place", AnswerType.place, 4.3)
    elif sentence_start:
        # "Telangana was the first State ...": who did what; but a word seen nowhere else
        # may be a common noun opening the sentence ("Conflict made ...").
        worth = 3.5 if vocabulary.is_proper(answer) else 3.2
        yield Term(start, end, answer, "name", AnswerType.text, worth)
    else:
        noun = _NAMED_THING.match(after)
        if (
            noun
            and re.search(r"\bthe\s(?:[a-z]+\s)?$", before)
            # "the bank of the Yagachi river.": the river is asked by its name alone
            and noun.group().strip() not in _NAMED_UNITS | {"river"}
        ):
            # "the new Enfield rifle.": the name with the thing it names, closing the sentence
            end += len(noun.group())
            yield Term(start, end, text[start:end], "name", AnswerType.text, 3.6)
            return
        if _CRAFT.match(after) and re.search(r"\bthe\s$", before):
            # "docked with the Harmony module": the name of a craft or of a part of one
            yield Term(start, end, answer, "name", AnswerType.text, CRAFT_WORTH)
            return
        yield Term(start, end, answer, "name", AnswerType.text, 3.0 + _thing_named(before, after))
