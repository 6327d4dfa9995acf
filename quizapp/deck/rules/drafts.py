"""Rules on draft cards: what an examiner would reject before reviewing the wording.

A drafted blank must be a whole thing a learner can recall: not a stop word, not part of a
name ("{{Ursula}} von der Leyen") or of a number ("{{1}}.3T"), not the day of a date
("{{27}}-28 February"), not one end of a range ("within 96 to {{104%}}"). A prompt must fit
on a screen, and an ordering event must carry the date it is ordered by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizapp.deck.model import CLOZE_PATTERN, Status
from quizapp.deck.problems import Problem
from quizapp.deck.rules.registry import CardContext, rule


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, for the word lists below."""
    return frozenset(text.split())


MAX_PROMPT = 250  # characters; longer prompts are paragraphs, not questions
BLANK = "____"

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
STOP_WORDS = word_set(
    "a an the of and or but in on at to by for from with as is are was were be been it its "
    "this that these those he she they his her their we our you i not no yes so if than then "
    "there here which who whom what when where why how all any some such also only"
)
# The word of a numbered reference: "Entry 17", "Article 21", "Rule 3", "Entries 17 and 18".
REFERENCE_WORD = (
    r"(?:Article|Section|Clause|Chapter|Schedule|Paragraph|Rule|List|Part|Entry|Entries|Item|"
    r"Regulation)s?"
)
# The first word of a place named with "of": "Bay of Bengal", "Strait of Hormuz", "Rann of
# Kutch", "Valley of Flowers National Park".
PLACE_OF = word_set(
    "Bay Gulf Sea Strait Straits Cape Isle Isles Mouth Valley Rann Plateau Isthmus Gateway "
    "Basilica Cathedral Tomb Mausoleum Palace Shrine"  # "the Basilica of Bom Jesus"
)
# Words that may stand before a name without being part of it.
TITLES = word_set(
    "President Prime Minister Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr Prof Leader King Queen Chancellor "
    "General "
    "Secretary Secretary-General Chairman Chairperson Chair Premier Vice Ambassador Emperor "
    "Sir Lord Justice Justices Judge Governor Deputy Director Commissioner Councillor Adviser "
    "Advisor Executive Chief Senator Speaker Marshal Admiral Officer Envoy Mayor Minister's "
    "Administrator "
    "Professor Prof. Saint St. Pope Sheikh Crown Prince Princess Solicitor Attorney "
    "Captain Commander Colonel Lieutenant Brigadier"  # "Group Captain", "Wing Commander"
    " Maharaja Maharani Maharana Nawab Baron Viscount Earl Marquess Duke Duchess"
    " Brigadier-General Major-General Lieutenant-General Governor-General Attorney-General"
    " Solicitor-General"
    " Inspector Sub-Inspector Constable"  # police ranks
)


def is_title(word: str) -> bool:
    """A word that may stand before a name, joined titles too: "Lieutenant-Governor", and a
    general of some office: "Adjutant-General", "Inspector-General"."""
    parts = word.split("-")
    return (
        word in TITLES
        or ("-" in word and all(part in TITLES for part in parts))
        or (len(parts) == 2 and parts[1] == "General" and parts[0].isalpha() and parts[0].istitle())
    )


# Titles only where they open a person's name: a rank that is also an ordinary word ("Major
# Rock Edict XII"), which the drafter tells by the sentence; "Raja", which may stand inside a
# name ("Kunjara Mallan Raja Raja Perunthachan"); and "Guru", which opens the name of a book
# too ("Guru Granth Sahib"). A blank after one is no fragment.
RANKS = word_set("Major Raja Guru")
# Ministries' last words: "Minister of Earth Sciences Kiren Rijiju" names a person after them.
PORTFOLIO_WORDS = word_set(
    "Affairs Sciences Resources Commerce Industry Finance Defence Defense Health Education "
    "Ecology Environment Justice Trade Energy Agriculture Culture Development Planning "
    "Welfare Labour Railways Transport Tourism Technology Power Mines Textiles Science "
    "Change Climate Forest Forests Sports Youth Women Child Rural Urban Housing Home External "
    "Information Broadcasting Water Sanitation Fisheries Aviation Shipping Steel Coal "
    "State"  # "Minister of State Kirti Vardhan Singh"
)
OPENERS = word_set(
    "The A An In On At After Before Following For Both This That These Those It Its As By "
    "From With While When Also However According Under Since Until Of And But Only Each "
    "Every Some Many Most Several Unlike Like Without Between Among Over To If Why How "
    "What Where Who Remember Note Then Now There Here Near "
    # "Born Ali Gurshasp, he was ...", "During the Emergency ...": words a sentence opens with
    "Born Once Later Earlier During Despite Although Though Because Upon Thus Hence "
    "Meanwhile Against Within Across Around Beyond Besides Soon Again Yet "
    "Outside Inside Along Behind Throughout Beside Below Above"
    # "About Rs 2,900 crore has been sanctioned": how near a figure is
    " About Nearly Almost Roughly Barely Just"
    # "No State may set a minimum wage below it": which of them, not a name
    " No Neither Either Any"
)
PARTICLES = word_set("von van der den de da di del della du dos das bin ibn al el la le")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ic|et)")


def people_before(word: str, name: str) -> bool:
    """ "The Norwegian Roald Amundsen": a people's name before a person's or a place's, not
    part of it; but "the American Physical Society" is one name."""
    # a describing word ends in "-al" ("Physical"), a name joined by a particle may not
    # ("Jamal-ud-din")
    return bool(_DEMONYM.fullmatch(word)) and not re.match(
        r"[^\s-]+(?:al|ic|ive|ary|ous|ern|ar)(?![\w-])", name
    )


_DAY_AFTER = re.compile(
    rf"^\s*(?:[-\u2013]\s*\d{{1,2}}\s*|\s*(?:to|and)\s+\d{{1,2}}\s+)?(?:{MONTHS})\b"
)
_DAY_BEFORE = re.compile(rf"\b(?:{MONTHS})\s+$")
_WORD_BEFORE = re.compile(r"(\S+)\s$")
_YEAR_IN_TEXT = re.compile(r"(?<![\d.,])\b(1[0-9]\d\d|20\d\d)\b(?![\d%])")


def blank_flaws(before: str, answer: str, after: str) -> list[str]:
    """Why a blank on `answer`, between `before` and `after`, is not a fair question."""
    flaws = []
    bare = answer.strip()
    if not any(ch.isalnum() for ch in bare) or bare.casefold() in STOP_WORDS:
        flaws.append("the blank is a stop word")
    elif len(bare) == 1 and bare.isalpha():
        flaws.append("the blank is a single letter")
    if (
        bare.isdigit()
        and 1 <= int(bare) <= 31
        and (_DAY_AFTER.match(after) or _DAY_BEFORE.search(before))
    ):
        flaws.append("the blank is the day of a date")
    elif _cuts_a_word(before, bare, after):
        flaws.append("the blank is a fragment of a name or number")
    elif _half_range(before, bare, after):
        flaws.append("the blank is one end of a range; blank the whole range")
    return flaws


_FIGURE = r"(?:(?:US)?[$\u20ac\u00a3\u20b9]|Rs\.?\s?)?\d[\d.,]*"
_RANGE_AFTER = re.compile(rf"^\s?(?:to|[-\u2013])\s?{_FIGURE}(?!\s?(?:{MONTHS}))")
_RANGE_BEFORE = re.compile(rf"(?<![\w.,]){_FIGURE}\s?(?:%|\u00b0C)?\s?(?:to|[-\u2013])\s?$")
_BETWEEN_BEFORE = re.compile(rf"\bbetween\s{_FIGURE}\S*(?:\s[a-z%]+)?\sand\s$", re.IGNORECASE)
_BETWEEN_AFTER = re.compile(rf"^\sand\s{_FIGURE}")
# A change of a figure, not a range: "rose from 6% to 7%", "raised from Rs 3 lakh to ...".
CHANGED = re.compile(
    r"\b(?:rose|risen|rises|fell|fallen|falls|raised|increased|increases|cut|reduced|grew|"
    r"declined|dropped|jumped|climbed|lowered|hiked|revised|went|moved|changed|up|down|"
    r"improved|slipped|widened|narrowed|doubled)\b(?:[^.;]|\.\d){0,40}$",
    re.IGNORECASE,
)


def _half_range(before: str, answer: str, after: str) -> bool:
    """The blank is one end of a range of figures ("within {{96}} to 104%", "between 2 and
    {{5 km}}"): a range is one answer. A change ("rose from 6% to {{7%}}") is not a range."""
    if not re.match(r"(?:(?:US)?[$\u20ac\u00a3\u20b9]|Rs\.?\s?)?\d", answer):
        return False
    if re.search(rf"\b(?:{MONTHS})\b", answer) or CHANGED.search(before):
        return False
    if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
        return True
    return bool(
        _BETWEEN_BEFORE.search(before)
        or (re.search(r"\bbetween\s$", before, re.IGNORECASE) and _BETWEEN_AFTER.match(after))
    )


def _cuts_a_word(before: str, answer: str, after: str) -> bool:
    """The blank starts or ends inside a word, a number or a name."""
    if before and (before[-1].isalnum() or (before[-1] in "-\u2013" and before[-2:-1].isalnum())):
        return True
    if after and (after[0].isalnum() or re.match(r"^[.,]\d|^[-\u2013]\w", after)):
        return True
    if not answer[:1].isupper() and not answer[:1].isdigit():
        return False
    # "{{Ursula}} von der Leyen", "{{EU Trade Commissioner Maroš}} Šefčovič"
    following = re.match(r"^\s((?:\w+\s){0,2})(\w)", after)
    if following and answer[:1].isalpha():
        particles = following.group(1).split()
        if following.group(2).isupper() and all(p in PARTICLES for p in particles):
            return True
    if answer in PLACE_OF and re.match(r"^\sof\s(?:the\s)?[A-Z]", after):
        return True  # "the {{Bay}} of Bengal"
    if re.fullmatch(REFERENCE_WORD, answer) and re.match(r"^\s\d", after):
        return True  # "under {{Entry}} 17 of the State List": the word of a numbered reference
    # "Mazhabi {{Sikhs}}": a capitalised word that is neither a title nor a sentence opener.
    word = _WORD_BEFORE.search(before)
    if word and answer[:1].isupper() and answer[:1].isalpha():
        previous = word.group(1)
        # "The Act … Under {{Section 3(b)}}": a prompt's lead ends with "…" before a sentence
        opens_sentence = before[: word.start()].rstrip()[-1:] in ("", ".", "!", "?", ":", "\u2026")
        if (
            previous[:1].isupper()
            and not is_title(previous)
            and previous not in RANKS
            and previous not in PORTFOLIO_WORDS
            and not (opens_sentence and previous in OPENERS)
            and not re.search(r"[\u2019']s$|[,;:)\"\u201d]$", previous)
            and previous.isalpha()
            and not previous.isupper()
            and not (
                people_before(previous, answer)
                and re.search(r"\b[Tt]he\s$", before[: word.start()])
            )
        ):
            return True
    return False


def _cloze_flaws(text: str) -> Iterator[tuple[str, str]]:
    for match in CLOZE_PATTERN.finditer(text):
        before = CLOZE_PATTERN.sub(lambda m: m.group(1), text[: match.start()])
        after = CLOZE_PATTERN.sub(lambda m: m.group(1), text[match.end() :])
        for flaw in blank_flaws(before, match.group(1), after):
            yield match.group(1), flaw


def _question_flaws(question: str, answer: str) -> Iterator[tuple[str, str]]:
    at = question.find(BLANK)
    if at >= 0:
        for flaw in blank_flaws(question[:at], answer, question[at + len(BLANK) :]):
            yield answer, flaw


def event_without_date(event: str) -> bool:
    """An ordering event whose own date is not blanked in it, or that names another year."""
    return BLANK not in event or _YEAR_IN_TEXT.search(event) is not None


@rule
def blanks(context: CardContext) -> Iterator[Problem]:
    card = context.card
    if card.status is not Status.draft:
        return
    if card.kind == "cloze":
        found = _cloze_flaws(card.text)
    elif card.kind in ("mcq", "basic"):
        found = _question_flaws(card.question, card.answer)
    else:
        return
    for answer, flaw in found:
        yield context.problem(
            f"draft card {card.id!r}: {flaw} ({answer!r})",
            "blank a whole name, number or date, or delete the card",
        )


@rule
def long_prompt(context: CardContext) -> Iterator[Problem]:
    card = context.card
    if card.status is not Status.draft or card.kind not in ("cloze", "basic", "mcq"):
        return
    if len(card.prompt) > MAX_PROMPT:
        yield context.problem(
            f"draft card {card.id!r}: the prompt is {len(card.prompt)} characters "
            f"(over {MAX_PROMPT})",
            "ask about one sentence; cut the rest",
        )


@rule
def ordering_dates(context: CardContext) -> Iterator[Problem]:
    card = context.card
    if card.status is not Status.draft or card.kind != "ordering":
        return
    for event in card.events:
        if event_without_date(event.event):
            yield context.problem(
                f"draft card {card.id!r}: the event {event.event!r} has no explicit date "
                f"of its own (its blank {BLANK} is missing, or it names another year)",
                "keep only events whose sentence states the date they are ordered by",
            )
