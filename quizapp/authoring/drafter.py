"""Candidate cards from a plain-text document, by rules, a sentence's grammar (spaCy's small
English pipeline, see `parse`) and a few fitted weights: no network.

The drafter looks for what an examiner would ask (see `terms`), proposes one card per fact
in the form that suits it (a year card, a cloze, a multiple-choice question whose wrong
options are names of the same kind from the document, an ordering of explicitly dated
events), at most two per sentence, and ranks the drafts best first so a reviewer can keep
the top of the file (the order is the rules' score corrected by a fitted examiner, see
`examiner`). Headings are never asked; a sentence that opens with a pronoun, or whose
subject is one ("In 1520 he won ..."), is quoted with the sentence it refers back to, or not
at all.

Each candidate quotes the document verbatim and is a draft: nothing is studied until a
person checks it against its quote and marks it reviewed. The same text always gives the
same cards with the same ids.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from quizapp.authoring.examiner import NO_EXAMINER, Examiner, Place, fitted
from quizapp.authoring.ids import card_id
from quizapp.authoring.lexicon import is_english
from quizapp.authoring.parse import (
    counted_numbers,
    holds_record,
    names_what_it_is,
    opening_common_word,
    opening_name,
    opening_subject,
    person_subject,
    role,
    subject_pronoun,
)
from quizapp.authoring.sentences import Sentence, split_sentences
from quizapp.authoring.states import countries, is_state
from quizapp.authoring.terms import (
    COMPASS_MOST,
    COUNT_WORDS,
    DAY_MONTH,
    HOSTED_IN,
    INSTITUTIONS,
    LAUNCHED,
    PRONOUNS,
    RULERS,
    YEAR,
    Term,
    Vocabulary,
    abbreviates,
    find_terms,
    spells,
)
from quizapp.deck.model import (
    AnswerType,
    ClozeCard,
    Event,
    MultipleChoiceCard,
    OrderingCard,
    SourceRef,
    Status,
    YearCard,
)
from quizapp.deck.rules.drafts import (
    BLANK,
    MAX_PROMPT,
    MONTHS,
    OPENERS,
    REFERENCE_WORD,
    TITLES,
    blank_flaws,
    word_set,
)
from quizapp.deck.rules.exam_setter import shared_stems
from quizapp.deck.sources import fold
from quizapp.deck.wording import contains_words, normalise, words

MIN_WORDS = 3  # shorter lines are captions and menu items
CARDS_PER_100_WORDS = 5  # a reviewer's budget, never exceeded; the best are kept
MIN_CARDS = 12  # a short document keeps all its good cards
PER_SENTENCE = 2
PEOPLE_IN_LIST = 4  # a longer list of names is no card to learn
SECOND_CARD = 4.0  # a sentence's second card must be worth this much
SECOND_PENALTY = 0.4  # and gives way to the first card of a sentence not yet asked
SHORT_SECOND = 0.5  # more in a sentence of twelve words or fewer: one fact, asked once
STRONG = 4.5  # two terms of one kind this strong may both be asked ("Article 4 ... Article 51")
ORDERING_SIZE = 4  # events per ordering card at most
ORDERING_GAP = 8  # dated sentences further apart than this are not one timeline
ORDERING_EVENT = 140  # characters; a longer sentence is no event to order
ORDERING_WORTH = 3.8
FURTHER_TIMELINE = 0.8  # less for each timeline after the longest: one is question enough
SETTING = 4  # mentions that make a place the document's setting rather than a fact
TOPIC = 8  # mentions that make an answer the document's topic rather than a fact
LONGEST_CONTEXT = 3  # sentences quoted whole before a pronoun; one more when elided
HISTORY_YEAR = 0.3  # what a year counts for less in notes on history than in the news
LEAD = 2  # opening sentences of a document, where the news is
OPTIONS = 3  # wrong options on a multiple-choice card
HOME = 1.0  # less for the country the notes are set in: "{{India}}" in notes on India
TRIVIA = 1.0  # the score a detail no examiner asks loses: an employer, how long a speech ran
SPEAKER = 0.5  # less for who said something than for what was said
RECORD_HOLDER = 1.0  # more for what holds a record than for the rest of its sentence
NAMED_AS = 0.5  # more for the name that says who or what "the capital", "his general" was
WHERE_IT_LIES = 1.0  # more for the district the notes' subject lies in, told as they open
RENAMED = 1.0  # more for the new name a sentence gives ("Akbar renamed it Pir Prasad")
OBJECT_NAME = 0.3  # more for a name a verb acts on ("wrote the Indica") than for one after "in"
CITED = 0.5  # less for a year in brackets labelling a body than for the body
_FIGURES = ("year", "date", "number", "amount", "ratio")
ADVISED = 0.7  # more for what the notes' advice to the reader names ("Questions pair ...")
STATE = 0.5  # less for a state of India, known to every candidate, than for a place in it
ALIAS = 0.6  # less for another name of a thing just named ("also called Adinatha")
ASIDE = 0.5  # less for a figure in an aside on the sentence's subject
EMPLOYER = 0.5  # less for the body a person just named is "of"
SCOPE = 1.0  # less for the country or continent a record is counted in
LOCATES = 0.4  # less for the place that says where a named thing is ("Shivneri near Junnar")
ROUGH_DATE = 1.0  # less for a century, or a year "about 625 CE": no date to learn
_BODY = r"(?:Committee|Commission)"
CUT_WORDS = 6  # a prompt cut short of a clause that gives its answer away keeps this many
WEAKEST = 2.5  # a card worth less (a bare acronym, a common word) is never drafted
REPEATS = {"year": 2, "number": 3}  # a year may be asked of two events, a span of three
# deadlines ("within three months" in a judgment); any other answer once

_QUESTION = {"person": "Who fills the blank?"}
_TAGS = {
    "person": "people",
    "place": "places",
    "organisation": "organisations",
    "name": "names",
    "article": "articles",
    "amount": "numbers",
    "ratio": "numbers",
    "number": "numbers",
    "year": "dates",
    "date": "dates",
}


@dataclass(frozen=True)
class Candidate:
    """A draft card, the span of the document it quotes, and its worth (higher first)."""

    card: object
    start: int
    end: int
    score: float = 0.0


@dataclass(frozen=True)
class Passage:
    """A sentence to ask about, with the sentences before it its pronoun refers to."""

    focus: Sentence
    context: tuple[Sentence, ...] = ()
    # The prompt keeps the sentence that names what the pronouns refer to and the one just
    # before the focus, with "..." for the sentences between; the quote keeps them all.
    elided: bool = False
    # Only the sentence naming the subject is kept before "...": the sentences between all
    # open with the focus's own pronoun ("The WTO came into being ... … It took over ...").
    bare: bool = False
    # Only the subject of the sentence naming what the pronoun refers to is kept, when that
    # sentence is too long to quote in the prompt ("The Montreux Record … It was set up ...").
    clipped: bool = False
    # A sentence too long to ask whole, after the sentences its pronoun needs (if any): each
    # prompt shows the clauses around its blank ("In {{S.R. Bommai v. Union of India}},
    # decided on 11 March 1994, ... …").
    trimmed: bool = False
    # "He" of a paragraph that opens with "he", in notes about one person: that person, named
    # before "..." ("Dayananda Saraswati … His decisive teacher was Swami Virjananda ...").
    named: str = ""

    @property
    def start(self) -> int:
        return (self.context[0] if self.context else self.focus).start

    @cached_property  # asked for each term of the sentence; the grammar behind it once
    def lead(self) -> str:
        if self.named:
            return f"{self.named} \u2026 "
        if self.clipped:
            return f"{_named_subject(self.context, self.focus.text)} \u2026 "
        if self.bare:
            return f"{self.context[0].text} \u2026 "
        if self.elided:
            # From the last sentence that names its subject rather than refers to it: "The
            # Chief Election Commissioner was Rajiv Kumar. He retired ...".
            named = [i for i, s in enumerate(self.context) if i and not _pronoun_led(s.text)]
            kept = self.context[named[-1] if named else -1 :]
            return f"{self.context[0].text} \u2026 {' '.join(s.text for s in kept)} "
        return " ".join(s.text for s in self.context) + (" " if self.context else "")

    def quote(self, text: str) -> str:
        return " ".join(text[self.start : self.focus.end].split())


@dataclass(order=True)
class _Option:
    rank: tuple[float, int, int] = field(compare=True)
    passage: Passage = field(compare=False)
    term: Term | None = field(compare=False, default=None)
    ordering: Candidate | None = field(compare=False, default=None)
    # Asked in the same card: the other end of a range, the other names of a list.
    together: tuple[Term, ...] = field(compare=False, default=())
    # Where the card goes in the file: the examiner's score (the rules' when none is fitted).
    order: float = field(compare=False, default=0.0)


def draft_cards(
    text: str,
    document_id: str,
    examiner: Examiner | None = None,
    today: dt.date | None = None,
) -> list[Candidate]:
    """The best candidate cards for a document's text, best first, ids unique. The rules
    choose the cards; the examiner (the shipped weights unless another is given,
    `NO_EXAMINER` for the rules alone) orders them and judges each sentence's second card.
    `today` tells notes on history from notes on the news (without it, all are news)."""
    return _draft(text, document_id, _shipped() if examiner is None else examiner, today)


def considered(text: str, today: dt.date | None = None) -> list[tuple[str, Place]]:
    """Every term the drafter weighs, with the quote its card would have and where it
    stands (what bench/fit_examiner.py fits the examiner's weights on)."""
    record: list[tuple[str, Place]] = []
    _draft(text, "document", NO_EXAMINER, today, record)
    return record


@cache
def _shipped() -> Examiner:
    return fitted()


def document_vocabulary(sentences: list[Sentence]) -> Vocabulary:
    """What the whole document says of its words, the grammar's one-word subjects included."""
    whole = [s.text for s in sentences if s.ends]
    return Vocabulary.of(
        whole,
        filter(None, map(opening_name, whole)),
        # a word no dictionary has is a name the parser may misread: "Agumbe, in Shivamogga
        # district, ..."
        (w for w in map(opening_common_word, whole) if w and is_english(w.lower())),
    )


def sentence_terms(sentence: str, vocabulary: Vocabulary) -> list[Term]:
    """The terms of one sentence, found by their shape and by the sentence's grammar."""
    return find_terms(sentence, vocabulary, counted_numbers(sentence))


def _draft(
    text: str,
    document_id: str,
    examiner: Examiner,
    today: dt.date | None = None,
    record: list[tuple[str, Place]] | None = None,
) -> list[Candidate]:
    sentences = split_sentences(text)
    vocabulary = document_vocabulary(sentences)
    passages = _passages(sentences)
    found = [(p, sentence_terms(p.focus.text, vocabulary)) for p in passages]
    found = _people_throughout(found)
    present = _present(text)
    news = _news(present, today)
    storied = _mostly_past(text, present)
    advice = " | ".join(
        fold(s.text).casefold()
        for s in sentences
        if _ADVICE.match(s.text) and not _SEQUENCE.search(s.text)
    )
    found = [(p, [_whole_date(p.focus.text, t, news) for t in terms]) for p, terms in found]
    found = [(p, [_year_of_act(p, t) for t in terms]) for p, terms in found]
    budget = max(MIN_CARDS, len(text.split()) * CARDS_PER_100_WORDS // 100)
    # The title and the subtitle under it name what the notes are about ("Notes on State of
    # Punjab v. Davinder Singh (2024)").
    headings = [line.casefold() for line in text.splitlines() if line.strip()][:2]
    title, subject = (headings or [""])[0], " | ".join(headings)
    home = _home_country(text)
    home_names = (home, f"Government of {home}") if home else ()
    capital = _CAPITALS.get(home, ())

    # An answer is best asked where it is introduced: later mentions count for less. A name
    # the document comes back to counts for more.
    mentions: dict[str, int] = {}
    for _, terms in found:
        for term in terms:
            key = fold(term.answer).casefold()
            mentions[key] = mentions.get(key, 0) + 1
            if term.kind == "date" and term.date:  # "13 February 2024" names 2024 too
                mentions[term.date[:4]] = mentions.get(term.date[:4], 0) + 1
    # The dates the notes list again in their timeline ("- 2 October 1975: ICDS begins.")
    # are the ones they want learnt.
    listed: set[str] = set()
    for passage, _ in found:
        if _TIMELINE.match(passage.focus.text):
            prefix = passage.focus.text.split(":")[0]
            listed.update(t.date for t in find_terms(f"On {prefix}.", vocabulary) if t.date)
            day = re.match(r"\d{1,2}\s[A-Z][a-z]+", prefix)
            listed.update([day.group()] if day else [])
    kinds: dict[str, int] = {}
    for _, terms in found:
        for term in terms:
            kinds[term.kind] = kinds.get(term.kind, 0) + 1
    all_terms = max(1, sum(kinds.values()))
    options: list[_Option] = []
    earlier: dict[str, int] = {}
    met: list[str] = []  # people named so far, in any form
    pool = _Pool([term for _, terms in found for term in terms], _roles(found))
    for index, (passage, terms) in enumerate(found):
        ends = _ranges(passage.focus.text, terms)
        if _TIMELINE.match(passage.focus.text):
            continue  # "1954: the first Waqf Act is passed.": a line of a timeline, ordered only
        years = sum(1 for term in terms if term.kind == "year" or term.date)
        lists: dict[Term, tuple] = {}
        orders: dict[Term, float] = {}
        for term in terms:
            if (term.kind == "year" or term.date) and years >= 3:
                continue  # "Sharma in 1984, Gaganyaan in 2018, Ax-4 in 2025": a sequence
            spelt_before = f"({term.answer})" in text[: passage.focus.start]
            if spelt_before and _INITIALS.fullmatch(term.answer):
                # "Odisha has thirteen PVTGs": initials spelt out earlier are asked there,
                # by the name they stand for, not again on their own
                continue
            key = fold(term.answer).casefold()
            before = earlier.get(key, 0)
            earlier[key] = before + 1
            if term.kind == "person":
                if not before and _part_of(key, met):
                    before = 1  # "Parvesh Verma" after "Parvesh Sahib Singh Verma": met before
                met.append(key)
            if term.kind in ("year", "date") and term.date and len(term.date) == 10:
                # A year comes back in many dates; the day something happened is news
                # where it is told ("assent on 5 April 2025" after "3 April 2025").
                before = earlier.get(term.date, 0)
                earlier[term.date] = before + 1
            joined = ends.get(term, ())
            head = next((h for h, v in ends.items() if term in v and len(v) > 1), None)
            if head is not None:
                joined = (term,)  # a name inside a list: its worth counts for the list's card
            elif any(term in v for v in ends.values()) or not _fair(passage, term, joined, pool):
                continue
            if passage.trimmed and (
                len(joined) > 1
                or head is not None
                or _window(
                    passage, passage.focus.text[: term.start], passage.focus.text[term.end :]
                )
                is None
            ):
                continue  # a list or a range in a sentence too long to show whole
            # A record or a first is news even about a name met before ("Switzerland is
            # India's largest trading partner").
            again = 0.15 if _RECORD.search(passage.focus.text) else 0.3
            if term.kind == "person":
                again += 0.1  # a person is asked where the notes introduce them
            score = _score(passage, term) - again * min(before, 3)
            year = term.date[:4] if term.date else ""
            if term.kind in ("year", "date") and mentions.get(year, 0) >= SETTING:
                # The year the notes are about ("on 14 July 2025" in notes on 2025): the day
                # is the news, the year is known to anyone reading them.
                score -= 0.4
            elif term.kind in ("year", "amount", "number"):
                pass  # a figure that recurs is a benchmark ("1.5°C")
            elif mentions[key] >= TOPIC or (
                # "Anizham Thirunal Marthanda Varma was born in 1705" in notes on "Marthanda
                # Varma": the topic, by the full name given once
                term.kind == "person"
                and len(key.split()) > 2
                and (short := " ".join(key.split()[-2:])) in title
                and mentions.get(short, 0) >= SETTING
            ):
                score -= 0.5  # what the whole document is about: no question to ask
            elif (
                max(mentions[key], _said(term.answer, text) if term.kind == "place" else 0)
                >= SETTING
                and index >= LEAD
                and term.kind in ("place", "organisation", "name")
                and not _SINGLED_OUT.match(passage.focus.text[term.end :])
                # "COP16 was held in Cali": where the meeting was is the question
                and not _HELD_IN.search(passage.focus.text[: term.start])
            ):
                # The country, body or treaty the notes keep coming back to ("in India", "the
                # Lok Sabha", "the Paris Agreement"): their setting, unless the sentence
                # singles it out ("Switzerland is the largest ...").
                score -= 0.5
            elif term.listed:
                # One of a list ("A, B and C"): asked here if named only here; one the
                # document comes back to is asked where it says more about them.
                score -= 0.4 * min(mentions[key] - 1, 3)
            elif term.kind != "person":
                # A name the notes come back to is one they think worth knowing; a person is
                # asked where the notes introduce them (above), not again for being named often.
                score += 0.15 * min(mentions[key] - 1, 3)
            if term.kind in ("place", "name") and _said(term.answer, text) >= 2 * SETTING:
                score -= 0.6  # "India" in notes on India's summits: never the question
            if (
                term.kind in _HOLDERS
                and holds_record(passage.focus.text, term.start, term.end)
                and max(mentions[key], _said(term.answer, text)) == 1
            ):
                # "Assam was the first to ratify it": who holds a record is the question, where
                # the notes name it only there; one they come back to ("India became the
                # first", "The Soviet Union was the first nation to recognise ...") is asked
                # where they say more of it
                score += RECORD_HOLDER
            if (
                term.kind in _HOLDERS
                and term.answer[:1].isupper()  # not 'an amendment was not "law"'
                and (
                    names_what_it_is(passage.focus.text, term.start, term.end)
                    or _NAMED_BY_OF.search(passage.focus.text[: term.start])
                )
            ):
                # "Their capital was Kanchipuram", "His general ... was Paranjothi": the
                # sentence is there to say who or what; about half such names are asked
                score += NAMED_AS
            if (
                term.kind in _HOLDERS
                and _RENAMED.search(passage.focus.text[: term.start])
                # "renamed {{Ross Island}} as ...": the old name
                and not re.match(r"\s(?:as|to)\s", passage.focus.text[term.end :])
            ):
                # "Akbar renamed it {{Pir Prasad}}": the new name is what the sentence tells; 17
                # of 44 such names were a chosen fact, few of them drafted
                score += RENAMED
            if (
                index <= LEAD
                and term.kind in ("place", "name")
                and _DISTRICT_AFTER.match(passage.focus.text, term.end)
                and _LIES.search(passage.focus.text[: term.start])
            ):
                # "Dudhwa National Park lies in the {{Lakhimpur Kheri}} district of Uttar
                # Pradesh": where the notes' subject is, told as they open; 6 of 12 such
                # districts were a chosen fact, and none of them was drafted
                score += WHERE_IT_LIES
            if (
                term.kind == "name"
                and term.answer[:1].isupper()
                and not _has_digit(term.answer)  # "to host COP33 in 2028": the year is asked
                and role(passage.focus.text, term.start, term.end) in ("dobj", "attr")
            ):
                # "compiled the Kathavatthu", "wrote the Indica": what someone made or did is
                # asked more often than where they did it (a name as a verb's object is a fact
                # twice as often as one after a preposition)
                score += OBJECT_NAME
            if today is not None and (news is None or storied) and term.kind == "year":
                # Notes on history are full of years, and an examiner asks who, what and where
                # before when; in the news the date is what happened. Notes that give no whole
                # date of an event are no news either, nor notes whose years are mostly long
                # before their latest event (the history of islands the Navy came to in 2024).
                score -= HISTORY_YEAR
            if (term.date or term.answer) in listed:
                score += 0.1  # a date the timeline repeats wins a tie
            if (
                term.kind == "person"
                and _own_leader(passage.focus.text, term, home)
                and not _long_ago(passage.focus.text, present)
            ):
                # "Prime Minister Narendra Modi released it": known to all; but not "passed
                # in 1985, in the tenure of Prime Minister Rajiv Gandhi"
                score -= TRIVIA
            if index < LEAD and not (term.kind == "place" and term.answer == home):
                # The opening sentences carry the news, but not the country the notes are
                # written from ("came into force across India" in notes on Indian law).
                score += 0.3
            if _known_by_initials(passage.focus.text, term, text):
                # "The Bharatiya Janata Party (BJP)" in notes that go on saying "BJP": an
                # actor of the notes, not a term they define once
                score -= 1.0
            if term.kind in ("place", "name", "organisation") and term.answer in home_names:
                # the notes' own country (and its government) is where the facts happen,
                # never one of them: no chosen fact of some 200 sets of notes on India asks
                # "India" or "the Government of India", though blanks on them were drafted 54
                # and 11 times
                score -= HOME
            if (
                term.kind == "place"
                and term.answer in capital
                and not _HELD_IN.search(passage.focus.text[: term.start])
            ):
                # "has its headquarters in New Delhi": the notes' capital is known to all, as
                # their country is (20 such blanks drafted from the seen notes, no chosen
                # fact); where a meeting was held, it is the question
                score -= HOME
            if term.kind in ("place", "name") and is_state(term.answer):
                # "near Paradip in Jagatsinghpur district of Odisha": the examiner asks the
                # place in the state (a state is a sentence's fact one time in twenty; another
                # place, one in three)
                score -= STATE
            if (
                term.kind == "place"
                and (term.answer in countries() or term.answer in _CONTINENTS)
                and _RECORD_SCOPE.search(passage.focus.text[: term.start])
            ):
                # "among the highest waterfalls in {{India}}": where a record is counted,
                # not who holds it (of nine such blanks drafted from the seen notes, one was
                # a chosen fact: "the largest brackish water lagoon in {{Asia}}")
                score -= SCOPE
            if term.kind in ("name", "organisation") and _employs(passage.focus.text, term, terms):
                # "found by J. P. Joshi of the {{Archaeological Survey of India}}": where the
                # person worked is said in passing; who they were is the question
                score -= EMPLOYER
            if term.kind == "number" and _rough_date(passage.focus.text, term):
                # "ruled from the middle of the 8th century": no chosen fact of the seen notes
                # asks a century, one in 24 an "about ... CE" year
                score -= ROUGH_DATE
            if term.kind == "place" and _locates(passage.focus.text, term, terms):
                # "the hill fort of Shivneri near Junnar", "Talakaveri, on the Brahmagiri
                # hills": the named thing is asked three times as often as where it is
                score -= LOCATES
            if (
                term.kind == "amount"
                and _ASIDE_FIGURE.match(passage.focus.text[: term.start])
                and passage.focus.text[term.end : term.end + 1] in (",", " ")
                and re.match(r"^[^,]{0,30},\s[a-z]", passage.focus.text[term.end :])
            ):
                # "Zoji La, at about 3,528 m, joins Srinagar with ...": a figure said in
                # passing of the name the sentence is about (asked in none of six such)
                score -= ASIDE
            if (
                _ALIAS.search(passage.focus.text[: term.start])
                and term.answer.split()[-1] not in INSTITUTIONS
            ):
                # "Rishabhadeva, also called Adinatha": the other name of a name just given;
                # the examiner asks the first (but a treaty by its short name: "the Convention
                # on Migratory Species, also called the Bonn Convention")
                score -= ALIAS
            if term.kind not in _FIGURES and _advised(term.answer, advice):
                # "Questions often pair rulers with their works: Gopala and Odantapuri": what
                # the notes themselves single out for the exam (not the years of "Remember the
                # order: ...", which come back in many sentences)
                score += ADVISED
            if term.kind in ("name", "organisation") and _in_title(term.answer, subject):
                score -= 0.5  # the document's own subject, named in its title
            if term.kind == "year" and term.answer in title:
                score -= 0.5  # "The year 2024 was the warmest" in a report on 2024
            place = Place(
                sentence=passage.focus.text,
                term=term,
                score=score,
                index=index,
                sentences=len(found),
                first=passage.focus.first,
                context=bool(passage.context),
                mentions=mentions[key],
                before=before,
                terms=tuple(terms),
                kind_share=kinds[term.kind] / all_terms,
            )
            if record is not None:
                record.append((passage.quote(text), place))
            order = examiner.score(place)
            rank = (-round(score, 2), index, term.start)
            if head is not None or len(joined) > 1:
                # A list of names is one card, worth as much as its best-placed name.
                head = head or term
                lists[head] = min(lists.get(head, rank), rank)
                orders[head] = max(orders.get(head, order), order)
                continue
            options.append(_Option(rank, passage, term, together=joined, order=order))
        for head, rank in lists.items():
            if _fair(passage, head, ends[head], pool):
                options.append(
                    _Option(rank, passage, head, together=ends[head], order=orders[head])
                )
    orderings = _ordering_cards(found, text, document_id)
    longest = max(orderings, key=lambda o: (len(o.card.events), -o.start), default=None)
    for ordering in orderings:
        if ordering is not longest:
            # Notes on history hold several timelines, and each would take the place of a
            # sentence's card; the longest is asked, the others only where the draft has room.
            ordering = replace(ordering, score=ordering.score - FURTHER_TIMELINE)
        options.append(
            _Option((-ordering.score, -1, ordering.start), Passage(_NO_SENTENCE), None, ordering)
        )
    options.sort()

    def _again(option: _Option) -> float:
        # A sentence already asked gives way to one not yet asked: one fact per sentence first.
        if option.ordering is not None:
            return 0.0
        penalty = SHORT_SECOND if option.passage.focus.words <= 12 else SECOND_PENALTY
        return penalty * len(per_sentence.get(option.passage.focus.start, []))

    chosen: list[Candidate] = []
    per_sentence: dict[int, list[Term]] = {}
    asked: dict[str, int] = {}
    people: list[str] = []
    while options and len(chosen) < budget:
        # The best option; one from a sentence already asked gives way a little.
        option = min(options, key=lambda o: (o.rank[0] + _again(o), o.rank[1:]))
        options.remove(option)
        if option.ordering is not None:
            chosen.append(option.ordering)
            continue
        if -option.rank[0] < WEAKEST:
            continue  # "The {{DISCOM}} then fits a net meter": filling the budget is no reason
        term, passage = option.term, option.passage
        score = -option.rank[0]
        mine = per_sentence.setdefault(passage.focus.start, [])
        if len(mine) >= PER_SENTENCE or (
            mine and not _second(mine[0], term, option.order, passage)
        ):
            continue
        members = (term, *option.together) if len(option.together) > 1 else (term,)
        if all(_asked_before(m, asked, people) for m in members):
            continue  # a list is asked while one of its names is not asked yet
        card = _card(passage, term, text, document_id, pool, option.together)
        if card.kind != "year" and len(card.prompt) > MAX_PROMPT:
            continue  # "{{14}}" is shown as "[...]": a prompt at the limit can pass it
        mine.append(term)
        if option.together and term.kind not in ("person", "place"):
            mine.append(option.together[0])  # a range counts as both of its sentence's cards
        for asked_term in (term, *option.together):
            asked_key = fold(asked_term.answer).casefold()
            asked[asked_key] = asked.get(asked_key, 0) + 1
            if asked_term.kind == "date" and asked_term.date:
                asked[asked_term.date[:4]] = asked.get(asked_term.date[:4], 0) + 1
            if asked_term.kind == "person":
                people.append(asked_key)  # both of a pair are asked: neither again
        chosen.append(Candidate(card, passage.start, passage.focus.end, round(option.order, 2)))
    chosen.sort(key=lambda c: (-c.score, c.start, c.end))
    return _unique(chosen)


_NO_SENTENCE = Sentence(0, 0, "")
RECENT = 0  # years before the notes' present within which the day of a date is the news
NEWS_YEARS = 10  # notes on events older than this, counted from today, are history
_RANGE_END = re.compile(r"\d{1,2}(?:\s[A-Z][a-z]+)?\s?(?:to|and|[-\u2013])\s?$")


_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s(?:{MONTHS})|(?:{MONTHS})\s\d{{1,2}},)\s((?:1[0-9]|20)\d\d)\b"
)


def _people_throughout(
    found: list[tuple[Passage, list[Term]]],
) -> list[tuple[Passage, list[Term]]]:
    """A name of two words or more that the notes show to be a person's in one sentence is a
    person's in every other ("received the chair from Fidel Castro" is no place): its wrong
    options are people. What it is worth is left as each sentence has it."""
    people = {
        fold(t.answer).casefold()
        for _, terms in found
        for t in terms
        if t.kind == "person" and " " in t.answer
    }

    def typed(term: Term) -> Term:
        if term.kind not in ("name", "place") or fold(term.answer).casefold() not in people:
            return term
        return replace(term, kind="person", answer_type=AnswerType.person)

    return [(passage, [typed(t) for t in terms]) for passage, terms in found]


def _present(text: str) -> int | None:
    """The notes' present: the year of the latest whole date they give of something that
    happened, not a deadline or the start of a period ("report by 31 October 2025", "the
    five years from 1 April 2026")."""
    years = [
        int(m.group(1))
        for m in _FULL_DATE.finditer(text)
        if not _AHEAD.search(text[max(0, m.start() - 12) : m.start()])
    ]
    return max(years, default=None)


_AHEAD = re.compile(r"\b(?:by|from|until|till|before)\s$")


def _in_title(answer: str, headings: str) -> bool:
    """The name is the notes' subject as their title gives it, or its people ("The
    Kushans ..." in notes on the Kushan empire, "The Pallava age" in notes on the Pallavas)."""
    name = answer.casefold()
    if name in headings:
        return True
    stem = name[:-1] if name.endswith("s") else name
    return re.search(rf"\b{re.escape(stem)}s?\b", headings) is not None


def _mostly_past(text: str, present: int | None) -> bool:
    """Two in three of the years the notes name are ten or more before their present."""
    years = [int(y) for y in re.findall(r"\b(?:1[0-9]|20)\d\d\b", text)]
    if present is None or not years:
        return False
    return 3 * sum(year <= present - NEWS_YEARS for year in years) >= 2 * len(years)


def _news(present: int | None, today: dt.date | None) -> int | None:
    """The notes' present, if it is news: notes whose latest dated event is long before
    today are history, and "annulled at the Delhi Durbar on 12 December 1911" asks the year,
    as any older date does."""
    if present is None or today is None or present >= today.year - NEWS_YEARS:
        return present
    return None


def _whole_date(sentence: str, term: Term, present: int | None) -> Term:
    """A whole date asks its year ("launched on 13 February {{2024}}") unless the day is
    the point: a deadline of the notes' present ("extended until {{31 March 2026}}") or a
    day set beside another ("set in over Kerala on {{30 May 2024}}, two days before its
    normal date of 1 June"). The end of a range keeps its year ("from 26 February to 2
    March {{2024}}")."""
    if term.kind != "year" or term.day_start is None or present is None:
        return term
    before = sentence[: term.day_start]
    deadline = re.search(r"\b(?:until|till|by|deadline\sof)\b[^.;]{0,20}$", before)
    beside = DAY_MONTH.search(sentence[term.end :]) or DAY_MONTH.search(before)
    if not (deadline or beside):
        return term
    if int(term.answer) < present - RECENT or _RANGE_END.search(before):
        return term
    if re.match(r"\s?(?:to|and|[-\u2013])\s?\d", sentence[term.end :]):
        return term  # "from 1 April 2024 to 30 June 2024": a period, not a day
    if re.match(r"(?:On|By|From|Since)\s$", before):
        return term  # "On 1 August 2024, a Bench ... delivered": the date sets the scene
    start = term.day_start
    answer = sentence[start : term.end]
    return replace(term, start=start, answer=answer, kind="date", answer_type=AnswerType.date)


_ADVICE = re.compile(
    r"(?:(?:Also|And|So)\s(?=[a-z]))?"  # "Also revise the meaning of matsyanyaya."
    r"(?i:remember|learn|note|recall|revise|memorise|memorize|link|connect|compare|contrast|"
    r"distinguish|pair|match)\b"
    # "They also ask for matches such as ...": the examiners of the sentence before
    r"|They\s(?:also\s)?(?:ask|test)\s(?:for|about|whether)\b"
    # "Questions often pair kings with their titles: ...": what the notes say of the exam
    r"|(?:Exam\s)?(?:Questions|Examiners)\s(?:often|usually|commonly|frequently|tend|may|like|"
    # "Questions pair monuments with places and builders: ..."
    r"pair|ask|test|link|match|turn|focus)\b"
)
# "Remember the order: Awadh annexed in 1856, ...": advice on when, which names each event by
# what happened, not by what is asked.
_SEQUENCE = re.compile(r"\b(?:order|sequence|chain|chronology|timeline)\b")
_TIMELINE = re.compile(r"^(?:(?:\d{1,2}\s)?[A-Z][a-z]+\s)?\d{4}:\s")


def _advised(answer: str, advice: str) -> bool:
    """Whether the notes' advice to the reader names the answer, as a whole word or phrase."""
    key = fold(answer).casefold()
    return bool(advice) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", advice) is not None


def _passages(sentences: list[Sentence]) -> list[Passage]:
    """Sentences worth asking about: whole sentences, not repeats, pronouns with context."""
    seen: set[str] = set()
    out = []
    person = _notes_person(sentences)
    for index, sentence in enumerate(sentences):
        folded = fold(sentence.text).casefold()
        if not sentence.ends or sentence.words < MIN_WORDS or "{{" in folded:
            continue  # a heading, a caption, or a teaser cut off with "..."
        if folded.rstrip("\"')]").endswith("?") or _ADVICE.match(sentence.text):
            continue  # a question, or advice to the reader ("Remember the four members.")
        # A repeat, or a repeat with more after it ("<caption> | Photo Credit: ...").
        if folded in seen or any(
            folded.startswith(repeat) and folded[len(repeat) : len(repeat) + 1] == " "
            for repeat in seen
        ):
            continue
        seen.add(folded)
        context = _antecedent(sentences, index)
        named = ""
        if context is None and person and _theirs(sentences, index, person):
            named = person
        elif context is None:
            named = (
                _heading_person(sentences, index)
                or _opening_person(sentences, index)
                or _heading_named(sentences, index)
            )
        if named:
            passage = Passage(sentence, named=named)
            if len(passage.lead) + len(sentence.text) > MAX_PROMPT:
                if len(sentence.text) > LONG:
                    continue
                passage = replace(passage, trimmed=True)
            out.append(passage)
            continue
        if context is None:
            continue
        passage = Passage(sentence, context)
        too_long = len(passage.lead) + len(sentence.text) > MAX_PROMPT
        elided = Passage(sentence, context, elided=True)
        if too_long and len(context) > 2 and len(elided.lead) + len(sentence.text) <= MAX_PROMPT:
            passage = elided  # "At Jhansi it was led by ...": "it" is the revolt named first
        elif too_long and not _looks_back(sentence.text) and not _unnamed_he(sentence.text):
            passage = Passage(sentence)  # "when it came into existence": often its own subject
        too_long = len(passage.lead) + len(sentence.text) > MAX_PROMPT
        if len(passage.context) > 2 and (too_long or len(context) > LONGEST_CONTEXT):
            # "Its secretariat is in Montreal." four sentences after "The Convention ...":
            # the sentence naming it and the one just before are enough, the ones between
            # are elided ("At Jhansi it was led by Rani Lakshmibai. She died ..." keeps who
            # "She" is).
            passage = Passage(sentence, context, elided=True)
        if len(passage.lead) + len(sentence.text) > MAX_PROMPT and _same_subject(context, sentence):
            passage = Passage(sentence, context, elided=True, bare=True)
        clipped = Passage(sentence, context, clipped=True)
        if (
            len(passage.lead) + len(sentence.text) > MAX_PROMPT
            and context
            and _named_subject(context, sentence.text)
            and not _looks_back(context[0].text)
            and len(clipped.lead) + len(sentence.text) <= MAX_PROMPT
        ):
            passage = clipped  # the sentence naming "It" is too long: its subject is enough
        if len(passage.lead) + len(sentence.text) > MAX_PROMPT and _personal(sentence.text):
            passage = _about_person(passage, sentence, context)
        if len(passage.lead) + len(sentence.text) > MAX_PROMPT:
            if len(sentence.text) > LONG:
                continue  # longer still, it is a paragraph without full stops, not a sentence
            if not passage.context and _looks_back(sentence.text):
                continue  # "he" with no one to be
            if len(passage.lead) > MAX_PROMPT // 2:
                continue  # what the pronoun stands for takes half the prompt on its own
            # "The Forty-second Amendment moved forests to the Concurrent List. It also
            # inserted {{Article 48A}}, directing the State ... \u2026": the sentence before
            # whole, this one cut around its blank
            passage = replace(passage, trimmed=True)
        out.append(passage)
    return out


_HONOURED = re.compile(r"^(?:Swami|Raja|Maharaja|Sultan|Sri|Shri|Guru|Acharya|Mahatma)\s(?=\S+\s)")


def _name_words(name: str) -> set[str]:
    """The capitalised words of a name that tell it apart ("Dayananda", "Saraswati")."""
    return set(re.findall(r"[A-Z][\w-]{3,}", name))


def _notes_person(sentences: list[Sentence]) -> str:
    """The person the notes are about: the subject of their first sentence, named in their
    title ("Dayananda Saraswati and the Arya Samaj": "Swami Dayananda Saraswati was ...")."""
    title = next((s.text for s in sentences if s.text.strip()), "")
    first = next((s for s in sentences if s.ends and s.words >= MIN_WORDS), None)
    if first is None:
        return ""
    person = person_subject(first.text)
    office = _subject(first.text)
    if not person and any(w in TITLES for w in office.split()):
        person = office  # "The Attorney General for India is ...": the holder of an office
    # "Swami Dayananda Saraswati": by name, the title left to the answers that have one
    person = _HONOURED.sub("", person)
    return person if _name_words(person) & set(re.findall(r"[\w-]+", title)) else ""


def _paragraph_about_them(sentences: list[Sentence], index: int) -> int | None:
    """Where the paragraph of a "he" or "she" sentence opens, when every sentence from there
    to it is about them; None otherwise."""
    if not _personal(sentences[index].text):
        return None
    at = index
    while not sentences[at].first:
        at -= 1
        if not _about_them(sentences[at].text):
            return None
    return at


def _theirs(sentences: list[Sentence], index: int, person: str) -> bool:
    """The sentence is about "he" or "she" of a paragraph about "him" that names no one else
    as its subject, and the paragraph before that opens otherwise is about the notes' person
    or about no one: "he" is theirs."""
    at = _paragraph_about_them(sentences, index)
    if at is None:
        return False
    names = _name_words(person)

    def no_one_else(subject: str) -> bool:
        return not subject or bool(names & _name_words(subject))

    if not _about_them(sentences[at].text) or not no_one_else(person_subject(sentences[at].text)):
        return False  # "Muhammad of Ghor ... He ...": someone the paragraph names
    while at > 0:
        at -= 1
        if sentences[at].first and sentences[at].ends and not _looks_back(sentences[at].text):
            return no_one_else(person_subject(sentences[at].text))
    return True


def _heading_person(sentences: list[Sentence], index: int) -> str:
    """The person a section is headed by, for "he" in a paragraph about them: "Baji Rao I
    (1720-1740)" over "His son Baji Rao I became Peshwa at 20. ... He defeated the Nizam at
    Palkhed in 1728." The paragraph names them first, and every sentence to this one is about
    "he"; "" otherwise."""
    at = _paragraph_about_them(sentences, index)
    if not at or sentences[at - 1].ends:  # no paragraph of "he", or no heading over it
        return ""
    heading = re.sub(r"\s*\([^()]*\)$", "", sentences[at - 1].text.strip())
    opening = sentences[at].text
    named = re.compile(rf"\b{re.escape(heading)}\b")
    if not _name_words(heading) or not named.search(opening):
        return ""
    if named.search(sentences[index].text):
        return ""  # "His son Baji Rao I became Peshwa": "his" is someone before him
    if _about_them(opening):
        return heading
    subject = person_subject(opening)  # parsed only where the paragraph opens otherwise
    return heading if subject and subject in heading else ""


def _heading_named(sentences: list[Sentence], index: int) -> str:
    """The heading a paragraph opens under, when its first sentence says "These committees"
    or "This scheme" of what the heading names: "Departmentally related standing committees"
    over "These committees began in 1993 ..."; "" otherwise."""
    sentence = sentences[index]
    if not index or not sentence.first or sentences[index - 1].ends:
        return ""
    these = re.match(r"(?:These|This|Such)\s([a-z]{3,})\b", sentence.text)
    heading = sentences[index - 1].text.strip()
    if these is None or len(heading.split()) < 2:
        return ""
    noun = these.group(1).rstrip("s")
    return heading if re.search(rf"\b{noun}", heading, re.IGNORECASE) else ""


def _opening_person(sentences: list[Sentence], index: int) -> str:
    """The person the nearest sentence before names as its subject, for "he" further on than
    the sentences quoted before a pronoun reach, every sentence between about "he": "His son
    Mahendravarman I ruled from about 600 to 630 CE. He was a Jain ... His titles included ...
    At Pullalur he was defeated ..."; "" otherwise."""
    if not _personal(sentences[index].text):
        return ""
    for at in range(index - 1, -1, -1):
        sentence = sentences[at]
        if not sentence.ends:
            return ""  # a heading: _heading_person's
        person = person_subject(sentence.text)
        after = sentence.text[sentence.text.find(person) + len(person) :] if person else ""
        if person and _about_them(after):
            return ""  # "V.A. Smith called him the Napoleon of India": "he" is not Smith
        if person and _name_words(person):
            if _name_words(person) & set(re.findall(r"[\w-]+", sentences[index].text)):
                return ""  # the sentence names them again: "his" is someone else
            return person
        if sentence.first or not _personal(sentence.text):
            return ""
    return ""


LONG = 2 * MAX_PROMPT  # characters: the longest sentence asked by the clauses around a blank
_ROOM = MAX_PROMPT - len("Which year fills the blank? ") - len("[...]")


def _window(passage: Passage, before: str, after: str) -> tuple[str, str] | None:
    """The clauses of a long sentence around its blank that fit a prompt after the passage's
    lead: the sentence cut after the blank at a comma or semicolon, then between its opening
    clause and the blank's too; None when nothing fits, or what fits is too little to recall
    the answer by."""
    room = _ROOM - len(passage.lead)
    if len(before) + len(after) <= room:
        return before, after
    ends = [m.start() for m in re.finditer(r"[,;:]\s", after) if _closed(after[: m.start()])]
    cuts = [m for m in re.finditer(r"[,;:]\s", before) if _closed(before[m.end() :])]
    # The sentence's opening clause stays, to say what it is about: "The ICRI was founded in
    # 1994 by eight governments, \u2026 and was announced at ... to the {{...}}."
    heads = [before[: cuts[0].start()] + " \u2026 " + before[m.end() :] for m in cuts[1:]]
    for shown_before in [before, *heads]:
        for end in [len(after), *reversed(ends)]:
            shown_after = after[:end] + ("" if end == len(after) else " \u2026")
            if len(shown_before) + len(shown_after) > room:
                continue
            if len(re.findall(r"\w+", shown_before + shown_after)) < 2 * CUT_WORDS:
                return None  # "According to DPRK\u2019s state-run ____ \u2026": too little to go on
            return shown_before, shown_after
    return None


def _about_person(passage: Passage, sentence: Sentence, context: tuple[Sentence, ...]) -> Passage:
    """ "Gandhi put eleven demands ..., and when these were ignored he chose salt. He set out
    from Sabarmati ...": the person the sentences just before are about is context enough for
    "He", whatever "these" refers to further back."""
    for at in range(1, len(context)):
        kept = context[at:]
        if _looks_back(kept[0].text) or not all(_personal(s.text) for s in kept[1:]):
            continue
        clipped = Passage(sentence, kept, clipped=True)
        if _named_subject(kept, sentence.text) and (
            len(clipped.lead) + len(sentence.text) <= MAX_PROMPT
        ):
            return clipped
    return passage


# The name a sentence opens with, as its subject: "The Montreux Record", "The Constitution
# (Ninety-first Amendment) Act, 2003", "The Agreement on ... beyond National Jurisdiction".
_SUBJECT = re.compile(
    r"(?:The\s|An?\s)?[A-Z][\w\u2019'.-]*"
    r"(?:,?\s(?:(?:of|on|for|and|the|to|in|beyond|under)\s)*"
    r"(?:[A-Z][\w\u2019'.-]*|\([^()]{1,40}\)|(?:1[6-9]|20)\d\d\b))*"
    r"(?=\s(?:is|was|are|were|has|had|have|drew|became|came|covers|lies|sets|set|took|gave|"
    r"will|would|can|must|may)\b|,\s(?:with|along|together|in|of|a|an|the)\b)"
    # "The project is expected to ...": a thing the notes name by its common noun
    r"|The\s[a-z]+(?=\s(?:is|was|are|were|has|had|will|would|wrote|made|held|met|found|"
    r"began|[a-z]+ed)\b)"
)


def _subject(text: str) -> str:
    """The name the sentence opens with and is about, if it opens with one of two words or more."""
    match = _SUBJECT.match(text)
    if match is None or len(match.group().split()) < 2 or match.group() in PRONOUNS:
        return ""
    return match.group()


_THEY = re.compile(r"[\"'\u201c\u2018(]*(?:They|Their)\b")
_PERSONAL = re.compile(r"[\"'\u201c\u2018(]*(?:He|She|His|Her)\b")
# Words naming a text or a monument, which no "he" can be: "Rock Edict IV", "Pillar Edict VII".
_RECORDS = word_set("Edict Edicts Inscription Pillar Rock Charter Report Plan Code Policy Record")


def _named_subject(context: tuple[Sentence, ...], focus: str) -> str:
    """What "It" or "He" in the focus stands for (`_opening_name`); never a text or a
    monument for "he": "Rock Edict IV speaks of ... where the king had wells dug. In the tenth
    year of his reign he ..." is the king's."""
    named = _opening_name(context, focus)
    if _personal(focus) and any(w in _RECORDS for w in named.split()):
        return ""
    return named


def _opening_name(context: tuple[Sentence, ...], focus: str) -> str:
    """The subject of the sentence "It" or "He" in the focus refers back to: the name the first
    sentence of the context opens with, found by its shape, else by its grammar when it is the
    sentence just before. Past a sentence between, "he" may be someone else ("Rock Edict II
    speaks of ... In the thirteenth year of his reign he created ... He also gave ..."): only
    a person, with every sentence between about "he", is him."""
    named = _subject(context[0].text)
    if named:
        return named
    # Every sentence after the first about "he": the person the first singles out
    if _personal(focus) and all(_about_them(s.text) for s in context[1:]):
        cleft = _CLEFT_PERSON.match(context[0].text) or _PERSON_NAMED_AS.match(context[0].text)
        if cleft:
            # "It was Chandragupta I who first styled himself ... He", "The greatest ruler of
            # the line was Vishnuvardhana, who reigned ... He"
            return cleft.group(1)
        aside = _NAME_THEN_ASIDE.match(context[0].text)
        if aside and aside.group(1) not in OPENERS:
            # "Chandragupta II (c. 375–415 CE), also called Vikramaditya, pushed the empire
            # west ... His daughter Prabhavatigupta married ...": the name before the aside
            return aside.group(1)
    if len(context) > 1:
        # "Krishnadeva Raya ruled ... He defeated ... In 1520 he won ...": every sentence
        # between is about "he" too, and the first names a person
        if _personal(focus) and all(_about_them(s.text) for s in context[1:]):
            return person_subject(context[0].text)
        if not _personal(focus) and not any(_personal(s.text) for s in context[1:]):
            # "Antarctica is the fifth largest continent ... it ... Its highest point is ...":
            # a name the grammar calls the subject, every sentence between about "it" (not
            # "the craft": a common noun is no name to recall the sentence by)
            plural = _THEY.match(focus) is not None
            named = opening_subject(context[0].text, personal=False, plural=plural)
            return named if named[:1].isupper() else ""
        return ""
    if not _personal(focus):
        return opening_subject(context[0].text)
    # "Siddhartha Gautama, born at Lumbini, attained ... He died at Kushinagar": a person the
    # sentence opens with, however the parser hangs its verbs
    return opening_subject(context[0].text, personal=True) or person_subject(context[0].text)


# "It was Chandragupta I who ...": the person a cleft sentence singles out.
_CLEFT_PERSON = re.compile(
    r"It\s(?:was|is)\s(?:also\s|only\s)?((?:[A-Z][\w\u2019'.-]*\s?)+?)\swho\b"
)


# "The greatest king of this line was Harishena, who ...": the person a sentence names as
# what its subject was.
_PERSON_NAMED_AS = re.compile(
    r"The\s(?:[a-z][\w-]*\s|(?:before|after|under)\s[A-Z][\w-]*\s){1,8}?(?:was|is)\s"
    r"((?:[A-Z][\w\u2019'.-]*\s?){1,4}?)(?:,\s(?:who|also|known|remembered)\b|\.$)"
)


# A name opening its sentence, then an aside: "Chandragupta II (c. 375–415 CE), also called".
_NAME_THEN_ASIDE = re.compile(
    r"([A-Z][\w\u2019'-]+(?:\s(?:[A-Z][\w\u2019'-]+|[IVX]{1,4})){0,3})"
    r"(?:\s\([^()]{1,40}\))?,\s(?:also|the|a|an|who|born|son|daughter|then|later|known|"
    r"remembered)\b"
)


def _about_them(text: str) -> bool:
    """The sentence is about "he" or "she", as its subject or not ("Persian chroniclers called
    him Rai Pithora.")."""
    return _personal(text) or re.search(r"\b(?:he|him|his|she|her)\b", text, re.I) is not None


def _personal(text: str) -> bool:
    """The sentence's subject is "he" or "she", or theirs ("His son ...")."""
    return bool(_PERSONAL.match(text)) or subject_pronoun(text) in ("he", "she", "his", "her")


def _same_subject(context: tuple[Sentence, ...], focus: Sentence) -> bool:
    """Every sentence after the first opens with the focus's own pronoun: one subject."""
    first = re.match(r"([A-Z][a-z]*)\s", focus.text)
    if first is None or first.group(1) not in PRONOUNS or len(context) < 2:
        return False
    return all(s.text.startswith(first.group(1) + " ") for s in context[1:]) and not (
        _pronoun_led(context[0].text)
    )


def _antecedent(sentences: list[Sentence], index: int) -> tuple[Sentence, ...] | None:
    """The sentences a pronoun-led sentence needs before it; None when it has none."""
    context: list[Sentence] = []
    at = index
    refers = _refers_back(sentences[at].text)
    named = not refers and at > 0 and _named_before(sentences, at)
    if (refers or named) and not sentences[at].first:
        # "The Centre aims to bring it below 4.5%": what "it" is comes just before.
        at -= 1
        context.insert(0, sentences[at])
    while _looks_back(sentences[at].text) or (
        context
        and not named
        and _refers_back(sentences[at].text)
        # "Anaemia Mukt Bharat, launched in 2018, aims to bring these figures down. It
        # follows ...": "It" is the name opening the sentence before, whatever "these" is.
        and not (_pronoun_led(sentences[at + 1].text) and _NAME_OPENS.match(sentences[at].text))
    ):
        # "Under it, a state ... passed to the Company. It was applied ...": the sentence
        # quoted for context refers back too, so its own antecedent is needed as well.
        if sentences[at].first and context and _opens_on_its_own(sentences[at].text):
            # "The Visible Emission Line Coronagraph (VELC) is the largest. It was built by
            # ...": "It" is the name, whatever the largest of the paragraph before
            break
        if sentences[at].first or len(context) > LONGEST_CONTEXT:
            return None  # its antecedent is in a heading, another paragraph, or too far
        at -= 1
        context.insert(0, sentences[at])
    return tuple(context)


def _opens_on_its_own(text: str) -> bool:
    """A paragraph's first sentence whose "it" is its own subject ("The olive ridley is listed
    in Schedule I ..., which gives it the highest protection"), not a "he" named before it."""
    return _owns_its_subject(text) or not (_looks_back(text) or _about_them(text))


def _owns_its_subject(text: str) -> bool:
    """The sentence names its own subject; what it refers back to is something else."""
    return not _looks_back(text) and bool(_subject(text))


_OFFICE_THEN = re.compile(
    r"[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)*\s(?:was|were)\s(?:now\s|then\s|still\s)?"
    r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)*\.$"
)
_NAME_OPENS = re.compile(
    r"(?!(?:The|A|An|In|On|At|Of|For|By|With|As|After|Under)\s)[A-Z][\w-]+\s[A-Z]"
)


def _named_before(sentences: list[Sentence], at: int) -> bool:
    """ "The exercise began in 1992" after "joined the Malabar naval exercise": the subject
    is the thing the sentence before names, and the card needs that sentence. "Lord Hardinge
    was Governor-General." after "The war began in December 1845 ...": who held an office,
    with no when or of what, is told of the time the sentence before gives."""
    if _OFFICE_THEN.match(sentences[at].text) and len(sentences[at].text.split()) <= 6:
        return True
    subject = re.match(r"The\s([a-z]{3,})\s(?:[a-z]+)\b", sentences[at].text)
    if subject is None:
        return False
    return re.search(rf"\b{subject.group(1)}\b", sentences[at - 1].text, re.IGNORECASE) is not None


# A body's or a term's initials: "PVTGs", "NSIL".
_INITIALS = re.compile(r"[A-Z]{2,}s?")


# A superlative and the place it is counted in: "the largest national park in ", "one of the
# oldest in ".
_RECORD_SCOPE = re.compile(
    r"\b(?:[a-z]+est|most\s[a-z]+|second-[a-z]+est)\b[^.,;]{0,50}\bin\s(?:the\s)?$"
)
_CONTINENTS = frozenset(
    ["Asia", "Africa", "Europe", "Australia", "Antarctica", "North America", "South America"]
)


def _employs(sentence: str, term: Term, terms: list[Term]) -> bool:
    """The body is the one a person named just before it is "of"."""
    return any(
        other.kind == "person" and sentence[other.end : term.start] == " of the " for other in terms
    )


# A named thing and the name it was given: "SDX01 was called the ", "ISRO calls it the ".
_NAME_GIVEN = re.compile(
    r"(?!(?:The|It|This|That|He|She|They|There)\s)[A-Z][\w-]*\s(?:[\w-]+\s){0,3}?"
    r"(?:called|calls\s(?:it|them)|named|renamed|known\sas)\s(?:the\s)?$"
)


def _refers_back(text: str) -> bool:
    """A pronoun inside the sentence whose antecedent is not in it ("None of them ...")."""
    pattern = (
        r"^Both\s(?:were|are|was|is|have|had)\b"  # "Both were added by ...": both of what
        # "The figures come from the Periodic Labour Force Survey": the figures just given
        r"|^The\s(?:figures|data|numbers|estimates|results|findings)\s(?:come|came|are|were)\b"
        # "The slogan was "Do Boond Zindagi Ki".": the slogan of what the sentence before told
        r"|^The\s(?:theme|motto|slogan|mascot|tagline)\s(?:is|was)\b"
        # "except those the Government restricts": "those" of a relative clause, no reference
        # "issued interim orders, among them one for ...": "them" of what the sentence has
        # just named
        # ("the same status as British subjects" compares within the sentence)
        r"|\b(?:it|(?<!,\samong\s)them|they|the\ssame(?!\s(?:[\w-]+,?\s){0,4}as\b)|these"
        r"|those(?!\s(?:who|whom|whose|that|which|the|of)\b)"
        r"|at\sthe\stime"
        # "Critics say this weakens the RTI Act": this, the sentence before says
        r"|\bthis\s(?:is|was|has|had|will|would|weakens|means|meant|made|makes|led|leads)\b"
        # "On that date ...", "the places taken in this raid": the date, the raid just told
        r"|(?:[Oo]f|[Ii]n|[Oo]n|[Aa]t|[Ff]or|[Bb]y|[Tt]o|[Ff]rom|[Ww]ith|[Uu]nder|[Aa]fter|"
        r"[Bb]efore|[Dd]uring)\sth(?:at|is)\s[a-z]+)\b"
        # "Rajgad served as the capital for 25 years before that.": before what was just told
        r"|\b(?:before|after|since|until|till)\sth(?:at|is)(?=[.,;])"
        # "H. Lehmann and M. Cutbush made that report.": the report the sentence before told
        r"|\bth(?:at|is)\s[a-z]{3,}(?=[.,;])"
        # "Sikkim has the lowest, at 1.1.": the lowest of what the sentence before says
        r"|\bthe\s(?:[a-z]+est|most|least)(?=[,.])"
    )
    if _pronoun_led(text):
        return False
    return re.search(pattern, text) is not None or _unnamed_he(text)


def _unnamed_he(text: str) -> bool:
    """A "him" that is not the one person the sentence names before it ("V.A. Smith called
    him the Napoleon of India"), or a "he" with no one named before it: someone the sentences
    before name."""
    him = re.search(r"\b(?:him|himself)\b", text)
    if him is not None and him.group() != "himself":
        names = re.findall(r"(?:[A-Z][\w.\u2019'-]*\s?)+", text[: him.start()])
        if len(names) <= 1:
            return True
    # "The inscription says he uprooted nine kings": "he", with no one named before it
    he = re.search(r"(?<=\s)(?:he|she)\b", text)
    if he is None:
        return False
    names = re.findall(r"[A-Z][\w.\u2019'-]*", text[: he.start()])
    return all(name in OPENERS for name in names)


def _looks_back(text: str) -> bool:
    """Its subject is a pronoun, first word or not ("He won ...", "In 1520 he won ...")."""
    return _pronoun_led(text) or (not _CLEFT.match(text) and bool(subject_pronoun(text)))


# "It was in Sri Lanka that the canon was written down", "It was Ashoka who ...": "It" stands
# for what follows, not for something before.
_CLEFT = re.compile(
    r"It\s(?:is|was)\s(?:also\s|only\s|here\s)?(?:(?:in|at|on|under|during|from|through|"
    r"with|after|before|by)\s)?(?:the\s)?[A-Z0-9][^,;]{0,60}?\s(?:that|who)\s"
)


# "Those who opened their first account ...": the clause says who, nothing before does.
_THOSE_WHO = re.compile(r"Those\s(?:who|whom|whose)\b")


def _pronoun_led(text: str) -> bool:
    if _CLEFT.match(text) or _THOSE_WHO.match(text):
        return False
    first = re.match(r"[\"'\u201c\u2018(]*([^\W\d_]+)", text)
    return first is not None and first.group(1) in PRONOUNS


def _asked_before(term: Term, asked: dict[str, int], people: list[str]) -> bool:
    key = fold(term.answer).casefold()
    if asked.get(key, 0) >= REPEATS.get(term.kind, 1):
        return True
    if term.kind == "date" and term.date and asked.get(term.date[:4], 0) >= REPEATS["year"]:
        return True  # "3 April 2025", "4 April 2025": a year's dates are asked as its years are
    # "Chinnaiah" after "E.V. Chinnaiah": the same person again
    return term.kind in ("person", "name") and _part_of(key, people)


def _ranges(text: str, terms: list[Term]) -> dict[Term, tuple[Term, ...]]:
    """Answers asked together, first -> others: the ends of a range ("between 6.3% and
    6.8%"), a pair of people or places ("went to John Hopfield and Geoffrey Hinton"), or the
    people of a list ("shared by David Baker, Demis Hassabis and John Jumper")."""
    out: dict[Term, tuple[Term, ...]] = {}
    for first, second in zip(terms, terms[1:], strict=False):
        between = text[first.end : second.start]
        if (
            first.kind == second.kind
            and first.kind in ("person", "place")
            # "chaired first by Meenakshi Lekhi and later by P.P. Chaudhary": a succession
            and (
                re.fullmatch(r"\sand\s(?:(?:later|then)\s(?:by\s)?)?", between)
                # "by Prime Minister Jawaharlal Nehru and President Mohammad Ayub Khan"
                or (
                    first.kind == "person"
                    and re.fullmatch(r"\sand\s(?:[A-Z][\w-]*\s){1,3}", between)
                    and all(w in TITLES for w in between.split()[1:])
                )
            )
            and not first.listed
            and not re.search(r"[A-Z][\w\u2019'-]*,\s$", text[: first.start])
            and not re.match(r"^,\s[A-Z]", text[second.end :])
        ):
            out[first] = (second,)  # a pair, not one of a longer list
        elif (
            first.kind == second.kind
            and first.kind in ("amount", "number", "ratio")
            and re.fullmatch(r"\s(?:and|to)\s|\s?[-\u2013]\s?", between)
            and re.search(r"\bbetween\s$", text[: first.start])
        ) or (
            # "running from Article 352 to Article 360": the articles of a Part, one card
            first.kind == second.kind == "article"
            and re.fullmatch(r"\s(?:and|to)\s", between)
            and re.search(r"\b(?:from|between)\s$", text[: first.start])
        ):
            # "between 6.3% and 6.8%"; but in "raised from Rs 3 lakh to Rs 5 lakh" the new
            # value is the fact, asked alone with the old one as its context.
            out[first] = (second,)
    index = 0
    while index < len(terms):
        # A list of people: each blank asks one name with the others as its context.
        run = [terms[index]]
        while (
            run[-1].kind == "person"
            and run[-1].listed
            and index + len(run) < len(terms)
            and terms[index + len(run)].kind == "person"
            and re.fullmatch(
                r",\s(?:and\s)?|\sand\s", text[run[-1].end : terms[index + len(run)].start]
            )
        ):
            run.append(terms[index + len(run)])
        if 3 <= len(run) <= PEOPLE_IN_LIST and all(t.listed for t in run):
            out[run[0]] = tuple(run[1:])
        index += len(run)
    return out


def _fair(
    passage: Passage, term: Term, together: tuple[Term, ...] = (), pool: _Pool | None = None
) -> bool:
    """A blank a learner could fill: a whole thing, not given away by the rest of the prompt."""
    text = passage.focus.text
    within = re.search(
        r"(?:[A-Z][\w\u2019'-]*,\s(?:in\s)?|\s([A-Z][\w\u2019'-]*)\sin\s)$", text[: term.start]
    )
    if (
        term.kind in ("place", "name")
        and within
        # "hosted by China in {{Wuhan}}": the host country, then the city it met in
        and not HOSTED_IN.search(text[: term.start])
        # "the World Heritage Committee in {{Paris}}": where a body met or sits, asked
        and not (within.group(1) and within.group(1) in INSTITUTIONS)
    ):
        return False  # "Belém, {{Brazil}}", "Wayanad, in {{Kerala}}": only where the place is
    blanks = [term, *together]
    if (
        term.kind in ("name", "organisation")
        and len((passage.lead + text).split()) - len(term.answer.split()) < 5
        and not LAUNCHED.search(text[: term.start])
        # "Mandamus means "{{we command}}"": the word is named, its meaning asked; so are
        # initials: "LIGO stands for {{Laser Interferometer Gravitational-wave Observatory}}"
        and not re.search(r"\bmeans\s[\"\u201c]$|\bstands\sfor\s(?:the\s)?$", text[: term.start])
        # "SDX01 was called the {{Chaser}}.": the name a named thing was given
        and not _NAME_GIVEN.match(text[: term.start])
    ):
        # "The {{Baku Adaptation Roadmap}} was launched.": nothing to recall it by; but
        # "The leaders adopted the {{Wilmington Declaration}}." says who did what, and what.
        return False
    for blank in blanks:
        if blank_flaws(passage.lead + text[: blank.start], blank.answer, text[blank.end :]):
            return False
        if together:
            before, after = text[: blank.start], text[blank.end :]
        else:
            before, after = _shown(passage, term, pool)
        # Each blank is asked on its own, the others shown (as `quizapp check` reads a cloze):
        # "{{Ishwar Chandra Vidyasagar}} and {{Bankim Chandra Chattopadhyay}}" cues each.
        if _gives_away(passage, blank, term, before, after, pool, bool(together)):
            return False
    return True


def _year_of_act(passage: Passage, term: Term) -> Term:
    """An act named for a body the prompt names, asked by its year: "The PFRDA became a
    statutory regulator under the PFRDA Act, {{2013}}", or after "The National Commission for
    Women (NCW) is a statutory body.", "It was set up under the National Commission for Women
    Act, {{1990}}"."""
    year = _ACT_YEAR.search(term.answer)
    if year is None or term.kind != "name":
        return term
    body = re.sub(r"^(?:The|the)\s", "", term.answer[: year.start()].strip())
    text = passage.focus.text
    if not body or body not in f"{passage.lead} {text[: term.start]} {text[term.end :]}":
        return term
    start = term.start + year.start(1)
    return Term(start, start + 4, year.group(1), "year", AnswerType.year, 3.8, year.group(1), True)


# The year an act's name closes on: "the National Commission for Women Act, 1990".
_ACT_YEAR = re.compile(r"\bAct,?\s(\d{4})$")


def _gives_away(
    passage: Passage,
    blank: Term,
    term: Term,
    before: str,
    after: str,
    pool: _Pool | None,
    joined: bool,
) -> bool:
    """Whether the prompt, `before` and `after` shown around the blank, cues or names the
    blank's answer."""
    text = passage.focus.text
    rest = (passage.lead + before + " " + after).casefold()
    shared = shared_stems(blank.answer, rest)
    if shared and pool is not None:
        if blank is term:
            blanked = passage.lead + before + BLANK + after
        else:
            blanked = passage.lead + text[: term.start] + BLANK + text[term.end :]
        if _offers_options(term, text):
            options = pool.distractors(term, blanked, nearest=False)
            shared = shared_stems(blank.answer, rest, options)
        elif not joined and len(pool.sharing(term, blanked, shared)) == OPTIONS:
            shared = set()  # "Jharkhand's first is {{Udhwa Lake}}": every option a lake
    if shared:
        return True  # "the bill amends the {{Waqf Act}}, the main law on waqf": a cue
    # "(Article 338A)" shown gives away "{{Article 338}}": a number and its lettered neighbour
    end = r"(?!\d)" if blank.answer[-1:].isdigit() else r"(?!\w)"
    pattern = rf"(?<!\w){re.escape(blank.answer.casefold())}{end}"
    if re.search(pattern, rest):
        return True
    # "India reached 75 Ramsar sites ..., to mark {{75 years}} of independence": the number
    # is shown beside the blank
    number = re.match(r"\d[\d,.]*\d|\d", blank.answer)
    return (
        not joined
        and number is not None
        and re.search(rf"(?<![\d.,]){re.escape(number.group())}(?![\d]|[.,]\d)", rest) is not None
    )


def _shown(passage: Passage, term: Term, pool: _Pool | None) -> tuple[str, str]:
    """What the prompt shows of the sentence before and after the blank: all of it, or, when
    part of it gives the answer away, the sentence without an aside that does ("Target 3
    calls for {{30 per cent}} ..." without ', known as "30 by 30",') or cut before a clause
    that does ("In 1967 {{Gaya Lal}}, an MLA from Hodal, switched parties three times ..."
    without ', and "Aaya Ram, Gaya Ram" became the phrase for a turncoat.')."""
    text = passage.focus.text
    before, after = text[: term.start], text[term.end :]
    short = re.match(r"\s\(([A-Z][A-Za-z0-9-]{1,11})\)", after)
    # not when the initials are of a longer name: "The Conference of the {{Contracting
    # Parties}} (COP)"
    longer = re.search(
        r"(?:^|\s)(?!(?:The|A|An)\s)[A-Z][\w-]*\s(?:(?:of|for|on|and)\s)?(?:the\s)?$", before
    )
    # "resident welfare associations (RWAs)": initials in the plural
    initials = short and re.sub(r"(?<=[A-Z])s$", "", short.group(1))
    spelt = short is not None and (
        abbreviates(term.answer.split(), initials)
        # "the {{outgoing longwave radiation}} (OLR)": a term in lower case, by its initials
        or spells(term.answer, initials)
    )
    if spelt and not longer:
        # "The {{Human Space Flight Centre}} (HSFC) in Bengaluru": its initials spell it out
        after = after[short.end() :]
    if not _gives_away(passage, term, term, before, after, pool, False):
        return before, after
    for aside in re.finditer(_ASIDE, before):
        shorter = before[: aside.start()] + before[aside.end() :]
        if _closed(aside.group()) and not _gives_away(
            passage, term, term, shorter, after, pool, False
        ):
            return shorter, after
    for comma in reversed(list(re.finditer(r"[,;]\s", after))):
        if not _closed(after[: comma.start()]):
            continue  # a comma inside a quotation or brackets: "Aaya Ram, Gaya Ram"
        cut = after[: comma.start()] + " \u2026"
        if len((passage.lead + before + after[: comma.start()]).split()) < CUT_WORDS:
            break
        if not _gives_away(passage, term, term, before, cut, pool, False):
            return before, cut
    return before, after


# A name's other name set off by commas: 'Target 3, known as "30 by 30", calls for ...'.
_ASIDE = re.compile(
    r",\s(?:also\s|commonly\s|popularly\s)?(?:known\sas|called|named)\s[^,;]+,(?=\s)"
)


def _closed(text: str) -> bool:
    """Every quotation and bracket opened in `text` is closed in it."""
    return (
        text.count('"') % 2 == 0
        and text.count("\u201c") == text.count("\u201d")
        and text.count("(") == text.count(")")
    )


_ASIDE_FIGURE = re.compile(r"(?:The\s)?(?:[A-Z][\w'-]*\s?){1,4},\s(?:at\s)?(?:about\s|some\s)?$")
_ALIAS = re.compile(r"[\w)],\s(?:also|later)\s(?:called|known\sas|read|named|styled)\s(?:the\s)?$")
_WHERE_IT_IS = re.compile(
    r"(?:\s(?:fort|temple|hills|river|lake|caves|camp|district|village|port|valley|plateau))?"
    r",?\s(?:near|in|on)\s(?:the\s)?$"
)


def _locates(text: str, term: Term, terms: list[Term]) -> bool:
    """The place says where the name just before it is ("Shivneri near Junnar", "Kalibangan
    in Rajasthan"); not where a body sits or a meeting met ("the Information Fusion Centre
    in Gurugram", "the ASEAN summit in Manila")."""
    if HOSTED_IN.search(text[: term.start]):
        return False  # "hosted by China in Wuhan": the city the host chose
    where = _WHERE_IT_IS.search(text[: term.start])
    return where is not None and any(
        other.end == where.start()
        and other.kind in ("place", "name")
        and other.answer.split()[-1] not in INSTITUTIONS
        and not re.search(r"\b(?:summit|conference|meeting|session)\s$", text[: other.start], re.I)
        for other in terms
    )


def _score(passage: Passage, term: Term) -> float:
    """How likely an examiner is to ask this term of this sentence."""
    score = term.worth
    words = passage.focus.words
    if words <= 12:
        score += 0.3
    elif words > 30 and len(_clause(passage.focus.text, term).split()) > 30:
        # A long sentence is hard to ask; but a term in a clause of its own, set off by a
        # colon or a semicolon, is asked by that clause ("At the Ninth Ministerial Conference
        # in Bali in December 2013, members agreed to ...: stockholding programmes ...").
        score -= 0.7
    if passage.context:
        score -= 0.1  # a longer prompt
    before = passage.focus.text[: term.start]
    if (
        term.kind in ("person", "name", "place", "organisation")
        and re.fullmatch(rf"{_SCENE}(?:[A-Z][\w.'-]*\s)*", before)
        and (term.kind == "person" or not _PASSIVE.match(passage.focus.text[term.end :]))
    ):
        # Who did what: the subject of the sentence. A thing that "was adopted on 16
        # November 1972" is what the sentence is about; when and where are the questions.
        score += 0.3
    elif (
        term.kind in ("place", "name", "organisation")
        and re.fullmatch(rf"{_SCENE}(?:[A-Z][\w.'-]*\s)*", before)
        and _SET_UP_ON.match(passage.focus.text[term.end :])
    ):
        # "Kibber Wildlife Sanctuary was notified in 1992.", "The Treaty of Madras was signed
        # in April 1769.": the thing set up is what the sentence is about; when is the
        # question (of 108 such seen facts, 7 ask the thing)
        score -= 1.0
    if term.kind == "amount" and "%" in term.answer:
        score += 0.1
    if _RECORD.search(passage.focus.text):
        score += 0.3  # a record, a first, a superlative: what examiners ask
    if term.kind in ("place", "name", "person") and re.search(
        r"\btitles?\s(?:of\s)?$|\b(?:called|styled|named)\s(?:himself|herself|themselves)\s$",
        before,
    ):
        # "took the title Vatapikonda, conqueror of Vatapi", "called himself Maheshvara": what
        # a king was called
        score += 0.4
    if term.kind in ("place", "name") and _SEAT.search(before):
        score += 0.3  # "The Secretariat sits in Gland": where a body sits is asked
    if term.kind in ("place", "organisation") and _WORKPLACE.search(before):
        score -= TRIVIA  # "Hassabis and Jumper work at Google DeepMind": an employer, trivia
    if re.fullmatch(r"\S+\s(?:days|weeks|months|years)", term.answer) and re.match(
        r"^,?\s(?:before|after|later|earlier|ahead)\b", passage.focus.text[term.end :]
    ):
        score -= TRIVIA  # "on 30 May, two days before its normal date": a gap, not a date
    if (
        term.kind == "place"
        and re.search(r"\bhosted\sby\s(?:the\s)?$", before)
        and re.match(r"^\sin\s[A-Z]", passage.focus.text[term.end :])
    ):
        score -= 0.3  # "hosted by China in Wuhan": the city is the news, the host its setting
    if term.kind in ("name", "organisation") and re.search(
        r"\b(?:a|one|two|three|the)\s(?:day|week)s?\s(?:before|after)\s(?:the\s)?$", before
    ):
        score -= TRIVIA  # "It came a day before the Union Budget": a point in time, no fact
    if term.kind in ("year", "date") and re.search(
        r"\b(?:a|one|two|three)\s(?:day|week|month|year)s?\s(?:later|earlier|after|before),\s(?:on|in)\s$",
        before,
    ):
        score -= TRIVIA  # "passed them a day later, on 21 December": the date is given already
    if (
        term.kind == "number"
        and re.fullmatch(r"\d{1,3}", term.answer)
        and re.search(r"\b(?:was|is|aged)\s(?:nearly\s|about\s|over\s|almost\s)?$", before)
        and re.match(r"^[.,]", passage.focus.text[term.end :])
        and _pronoun_led(passage.focus.text)
    ):
        score -= TRIVIA  # "He was nearly 80.": a leader's age
    if term.kind == "person" and re.match(
        r"^\s(?:said|says|announced|stated|noted)\sthat\b", passage.focus.text[term.end :]
    ):
        score -= SPEAKER  # "X said that ... 300 units": what was said is the news
    if re.fullmatch(r"(?:Union\s)?Cabinet", term.answer) and re.match(
        r"^\s(?:approved|cleared)\b", passage.focus.text[term.end :]
    ):
        # "The Union Cabinet approved Mission Mausam", "... approved it in January 2018 at a
        # cost of Rs 5,369 crore": it approves every scheme; what, when and at what cost is
        # the news
        score -= TRIVIA
    if _KNOWN_TO_ALL.fullmatch(term.answer):
        score -= TRIVIA  # "The Union Budget allocated Rs 86,000 crore": what it gave is news
    if term.kind == "year" and (
        (
            re.search(r"[A-Za-z]\s\($", before)
            and not re.search(r"\sv\.\s[^(]*\($", before)
            and passage.focus.text[term.end : term.end + 1] == ")"
        )
        # "The L.M. Singhvi Committee of 1986 recommended ...": the same label, said with "of"
        or re.search(rf"\b{_BODY}\sof\s$", before)
    ):
        # "The Dinesh Goswami Committee on electoral reforms (1990) proposed ...": the year
        # labels the body, which is the news; a case's year is how it is cited, and asked
        score -= CITED
    if re.match(
        r"^\s(?:has\s)?met\s(?:once|twice|thrice|\w+\stimes)\b", passage.focus.text[term.end :]
    ):
        score -= TRIVIA  # "The Quad Climate Working Group met twice in 2024.": nothing to learn
    if term.kind in ("place", "name") and _HOME_TOWN.search(before):
        score -= TRIVIA  # "Jagdambika Pal, a Lok Sabha member from Domariyaganj": trivia
    if term.kind in ("amount", "number") and (
        re.match(r"^\s(?:minutes|hours|pages)\b", passage.focus.text[term.end :])
        or (
            re.search(r"\b(?:lasted|ran\sto|ran\sfor)\s(?:about\s|nearly\s|over\s)?$", before)
            # but "The hearings lasted 68 days": how long a case or a voyage took is asked
            and not re.search(r"\s(?:days|weeks|months|years)$", term.answer)
        )
        # "debated the bill for about 12 hours", not "within 10 minutes of a quake" (a limit)
        or (
            re.search(r"\s(?:minutes|hours)$", term.answer)
            and not re.search(r"\b(?:within|under|than|to|most)\s$", before)
        )
    ):
        score -= TRIVIA  # "The Budget speech lasted about 77 minutes.": how long it took, trivia
    if term.kind in ("amount", "number") and _TURNOUT.match(passage.focus.text[term.end :]):
        score -= 0.4  # "About 23,000 delegates registered.": a headcount, no exam fact
    if (
        term.kind in ("amount", "number")
        and re.search(r"\bfrom\s$", before)
        and re.search(
            rf"\sto\s(?:(?:Rs\.?|USD|INR)\s?)?(?:[^\s]*\d|(?:{COUNT_WORDS})\b)",
            passage.focus.text[term.end :],
        )
    ):
        # The old value of a change ("from 6% in 2017-18 to 7%"), not where things come
        # from ("60 experiments from 31 countries").
        score -= 0.4
    if term.kind in ("amount", "number") and _CHANGED_AFTER.match(passage.focus.text[term.end :]):
        score -= 0.4  # "insurance of Rs 1 lakh, raised to Rs 2 lakh in 2018": the old value
    if term.kind == "year" and re.search(
        r"\([A-Z]{2,}\),\s(?:founded|set\sup|established|created|formed|begun|launched)\s"
        r"(?:in\s)?(?:[A-Z][a-z]+\s)?$",
        before,
    ):
        # "The India Meteorological Department (IMD), founded in 1875, works ...": the body is
        # spelt out and its initials given, so what the aside adds, its year, is the fact
        score += 0.3
    if term.kind in ("amount", "number") and _TOLERANCE.search(before):
        score -= 0.4  # "is 1 June, with a margin of about seven days": how far from the fact
    return score


# How far a figure may stray, told after it: "with a margin of about seven days", "with a
# model error of ±5%".
_TOLERANCE = re.compile(
    r"\bwith\sa\s(?:[a-z]+\s)?(?:margin|error)\sof\s(?:about\s|around\s|roughly\s)?$"
)
# What a figure was changed to, told just after it: ", raised to", "; it was doubled to".
_CHANGED_AFTER = re.compile(
    r"^[^.]{0,40}?\b(?:raised|increased|doubled|tripled|hiked|enhanced|revised|cut|reduced|"
    r"lowered)\s(?:[a-z]+\s){0,2}to\s(?:[$\u20ac\u00a3\u20b9]|Rs\b|\d)"
)


# An opening phrase of time before the subject: "In 1988 Lalduhoma ...", "On 1 August 2024, ...".
_SCENE = rf"(?:(?:In|On|By|Since|From)\s(?:\d{{1,2}}\s)?(?:(?:{MONTHS})\s)?\d{{4}},?\s)?"


def _clause(sentence: str, term: Term) -> str:
    """The part of the sentence, between colons and semicolons, that holds the term."""
    start = max((m.end() for m in re.finditer(r"[;:]\s", sentence[: term.start])), default=0)
    end = re.search(r"[;:]\s", sentence[term.end :])
    return sentence[start : term.end + end.start() if end else len(sentence)]


# Who took part: "delegates registered", "athletes took part", "countries were represented".
_TURNOUT = re.compile(
    r"^(?:\s[a-z]+){0,3}\s(?:registered|took\spart|attended|turned\sout|"
    r"(?:were|was)\s(?:represented|interviewed|present))\b"
)
_WORKPLACE = re.compile(
    r"\b(?:work|works|worked|working|employed|teach|teaches|taught)\s(?:for\s[a-z]+\s)?"
    r"(?:at|for|with|by)\s"
    r"(?:the\s)?$"
)
# Where a person comes from or sits for: "an MLA from Hodal", "He is from Kolhapur".
# Where a body has its seat: "sits in Gland", "is headquartered in Vienna", "hosted by the
# United Nations Environment Programme in Nairobi".
_SEAT = re.compile(
    r"\b(?:sits|is\sbased|are\sbased|is\sheadquartered|headquartered|has\sits\s(?:seat|"
    r"headquarters)|hosted\sby\s(?:the\s)?(?:[A-Z][\w-]*\s(?:of\s)?)*[A-Z][\w-]*)\s(?:in|at)\s$"
)
# The district a place lies in, and the verb that says it does.
_DISTRICT_AFTER = re.compile(r"\s(?:and\s[A-Z][\w-]+\s)?districts?\b")
_LIES = re.compile(
    r"\b(?:lies|lie|falls|fall|located|situated|stands|stand"
    r"|(?:is|was)\sa\s(?:[a-z]+\s)?(?:village|town|city|site))\b"  # "is a small village in"
)
# What something was renamed: "renamed it ", "was renamed the ", "renamed Ross Island as ".
_RENAMED = re.compile(
    r"\b(?:renamed|renaming)\s(?:(?:it|them|him|her|the\s[a-z]+(?:\s[a-z]+)?)\s)?"
    r"(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*\s(?=as\s))?(?:as\s)?(?:the\s)?$"
)
# "the hill fort of Shivneri", "the battle of Talaiyalanganam", "the title of Samrat": the
# name says which fort, battle or title the sentence means
_NAMED_BY_OF = re.compile(r"\b(?:fort|battle|title|port|settlement|city|town|kingdom|siege)\sof\s$")
_CENTURY = re.compile(r"\s(?:(?:and|to|or)\s(?:the\s)?[\w-]+\s)?(?:century|centuries|millennium)\b")
_ERA = re.compile(r"\b(?:CE|BCE|BC|AD)$")
_ABOUT = re.compile(r"\b(?:about|around|c\.|circa|roughly|nearly|some)\s$")


def _rough_date(text: str, term: Term) -> bool:
    """ "in the 8th century", "founded in about 625 CE": when, but no date to learn."""
    if _CENTURY.match(text, term.end):
        return True
    return bool(_ERA.search(term.answer) and _ABOUT.search(text[: term.start]))


# The capital of the country the notes are set in, by the names notes give it.
_CAPITALS = {"India": ("New Delhi", "Delhi")}
_HOME_TOWN = re.compile(r"\b(?:MLA|MP|member|legislator|is|was|hails|comes)\sfrom\s$")
_HELD_IN = re.compile(r"\b(?:held|hosted|staged|took\splace)\s(?:in|at)\s$")
# Settings every reader knows, asked by no examiner: "The Union Budget allocated ...",
# "During the COVID-19 pandemic, ...".
_KNOWN_TO_ALL = re.compile(r"(?:Union|Interim)\sBudget|(?i:covid)(?:-19)?")
# "was", just after a name or its initials in brackets: "The ... Initiative (GPEI) was".
_WAS = r"^\s(?:\([A-Z]+\)\s)?(?:was|were)\s"
# "was adopted", "(GPEI) was launched": what was done to the subject.
_PASSIVE = re.compile(rf"{_WAS}(?:[a-z]+ed|held|made|set\sup|built|signed|won)\b")
# A thing set up on a date, told just after its name: "was notified in 1992", "was signed in
# April 1769", "was created on 1 June 1955".
_SET_UP_ON = re.compile(
    rf"{_WAS}(?:first\s|formally\s)?(?:notified|denotified|declared|"
    r"set\sup|established|created|designated|constituted|upgraded|signed|adopted|launched|"
    r"founded|formed|passed|enacted|introduced|inaugurated|unveiled|opened|commissioned|built|"
    r"completed|ratified)\s(?:(?:an?\s)?(?:[A-Z][\w-]*\s){1,4})?(?:in|on)\s"
)


# "Switzerland is India's largest trading partner": the sentence singles the answer out.
_SINGLED_OUT = re.compile(
    r"^\s(?:is|was|became|remains|ranks)\s(?:now\s)?(?:the\s|[A-Z]\w*[\u2019']s\s|its\s)?"
    r"(?:[\w-]+\s)?(?:largest|biggest|first|highest|smallest|lowest|only|\w+est)\b"
)


def _known_by_initials(sentence: str, term: Term, text: str) -> bool:
    """A long name whose short form in brackets the notes go on using (three times or more)."""
    if term.kind == "amount":
        return False  # "33 million acre-feet (MAF)": a unit's short form, not an actor's
    short = re.match(r"\s\(([A-Z][A-Za-z0-9-]{1,11})\)", sentence[term.end :])
    return short is not None and len(re.findall(rf"\b{re.escape(short.group(1))}\b", text)) >= 3


def _own_leader(sentence: str, term: Term, home: str) -> bool:
    """The head of the notes' own government: "Prime Minister ____" with no other country
    named ("Japan's Prime Minister", "Prime Minister ... of Australia")."""
    if not re.search(r"(?<![\u2019']s\s)\bPrime\sMinister\s$", sentence[: term.start]):
        return False
    country = re.match(r"^\sof\s([A-Z][\w-]*(?:\s[A-Z][\w-]*)*)", sentence[term.end :])
    return country is None or country.group(1) == home


def _long_ago(sentence: str, present: int | None) -> bool:
    """The sentence tells of a time long before the notes' present (ten years or more)."""
    years = [int(m.group()) for m in re.finditer(r"\b(?:1[6-9]|20)\d\d\b", sentence)]
    return present is not None and any(year <= present - 10 for year in years)


def _home_country(text: str) -> str:
    """The country the notes name most often, with its people's name ("India", "Indian"),
    twice or more and more than twice as often as any other: where the notes are set."""
    counts = {
        country: _said(country, text) if " " not in country else text.count(country)
        for country in countries()
        if country in text
    }
    counts = {country: count for country, count in counts.items() if count}
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    if not ranked or counts[ranked[0]] < 2:
        return ""
    # "the Soviet Union and North Korea signed ...": of two countries named alike, each is a
    # party to what the notes tell, not their setting
    second = counts[ranked[1]] if len(ranked) > 1 else 0
    return ranked[0] if counts[ranked[0]] > 2 * second else ""


def _said(answer: str, text: str) -> int:
    """How often the notes name it, with its people's name too ("India", "Indian")."""
    if " " in answer:
        return 0
    forms = [answer, answer + "n", answer + "an", answer[:-1] + "ian", answer[:-1] + "ese"]
    pattern = r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b"
    return len(re.findall(pattern, text))


# What holds a record: "Assam was the first to ratify", "Micron Technology of the United
# States was the first to be approved".
_HOLDERS = ("person", "name", "place", "organisation")
_RECORD = re.compile(
    r"\b(?:record|first|highest|lowest|largest|biggest|smallest|warmest|hottest|the\smost|"
    rf"{COMPASS_MOST}|"
    r"\d+-year\s(?:low|high)|"
    r"\w+est\b(?=\s(?:in|on|since|of)\b)|\w+-(?:largest|highest|lowest|biggest))",
    re.IGNORECASE,
)


def _second(first: Term, term: Term, score: float, passage: Passage) -> bool:
    """A sentence's second card asks another kind of thing, or the other end of a range."""
    if score < SECOND_CARD or (first.listed and term.listed):
        return False  # one name of a list ("A, B and C") is question enough
    if first.kind != term.kind or (first.worth >= STRONG and term.worth >= STRONG):
        return True
    if first.kind == "amount" and _unit(first.answer) != _unit(term.answer):
        return True  # "The top rate of 30 per cent applies above Rs 24 lakh": a rate, a sum
    between = passage.focus.text[min(first.end, term.end) : max(first.start, term.start)]
    return re.fullmatch(r"\s(?:and|to|or)\s|,\s(?:and\s)?", between) is not None


def _unit(answer: str) -> str:
    """What a figure measures: a share, a sum of money, a length ... ("per cent", "Rs")."""
    if re.search(r"%|per\s?cent", answer):
        return "share"
    if re.match(r"(?:US)?[$\u20ac\u00a3\u20b9]|Rs|USD|INR", answer):
        return "money"
    return re.sub(r"[\d.,\s]+", "", answer)


_NAMED = ("name", "place", "organisation")


def _shows_options(term: Term) -> bool:
    """Whether the card offers wrong options of the answer's kind from the document."""
    # Places drawn from one document mix cities, countries and regions: a quiz draws better.
    kinds = ("article", "amount", "ratio", "person", "organisation")
    return term.kind in kinds or _shape(term.answer) == "act"


def _offers_options(term: Term, sentence: str) -> bool:
    """Whether this card offers them: not for a person the rest of the sentence calls he or
    she ("President ____ gave her assent": the one woman among the options is the answer)."""
    return _shows_options(term) and not (
        term.kind == "person" and _GENDERED.search(sentence[term.end :])
    )


def _part_of(key: str, people: list[str]) -> bool:
    """'Chandrachud' after 'D.Y. Chandrachud' (or the other way round) is the same person;
    'Parvesh Sahib Singh Verma' after 'Sahib Singh Verma' is not: a first name is added."""
    words = key.replace(".", ". ").split()
    for other in people:
        theirs = other.replace(".", ". ").split()
        short, long = sorted((words, theirs), key=len)
        if not set(short) <= set(long):
            continue
        named = [w for w in short if not w.endswith(".")]  # initials aside
        if len(named) <= 1 or short[0] == long[0]:
            return True
    return False


# What a person is called just before the name: "President Ram Nath Kovind", "Justice ...".
_ROLE = re.compile(
    r"\b(President|Justice|Minister|Governor|Governor-General|Commissioner|Secretary|Speaker|"
    r"Judge|Chancellor|Premier|Ambassador|Mayor|Chairman|Chairperson|Director|Adviser|"
    rf"{'|'.join(sorted(RULERS))})"
    r",?\s(?:of\s[A-Z][\w\s]*?\s)?$"
)


def _roles(found: list[tuple[Passage, list[Term]]]) -> dict[str, set[str]]:
    """Each person's roles as the notes name them, so wrong options share one."""
    roles: dict[str, set[str]] = {}
    for passage, terms in found:
        for term in terms:
            role = _ROLE.search(passage.focus.text[: term.start])
            if term.kind == "person" and role:
                # "Queen ____'s Proclamation" offers other rulers, never "Lord Stanley"
                title = "ruler" if role.group(1) in RULERS else role.group(1)
                roles.setdefault(fold(term.answer).casefold(), set()).add(title)
    return roles


class _Pool:
    """Answers found in the document, by kind, to draw wrong options of the same kind from."""

    def __init__(self, terms: list[Term], roles: dict[str, set[str]] | None = None) -> None:
        self.roles = roles or {}
        self.by_kind: dict[str, list[str]] = {}
        seen: set[tuple[str, str]] = set()
        for term in terms:
            key = (term.kind, fold(term.answer).casefold())
            if key not in seen:
                seen.add(key)
                self.by_kind.setdefault(term.kind, []).append(term.answer)
        # Each person's forms in the notes, once per document: "Trivedi", "Bela M. Trivedi".
        people = self.by_kind.get("person", [])
        folded = [fold(p).casefold() for p in people]
        self._forms = {f: [g for g in folded if _part_of(g, [f])] for f in folded}
        spelt = dict(zip(folded, people, strict=True))
        # the longest form; the person's own form where it is as long as any
        self._full = {
            f: spelt[max(self._forms[f], key=lambda g, f=f: (len(spelt[g]), g == f))]
            for f in folded
        }

    def sharing(self, term: Term, prompt: str, stems: set[str]) -> list[str]:
        """Names from the document that share the words the prompt cues the answer by.

        "Among reserves, {{Jim Corbett Tiger Reserve}} had the most tigers" gives away
        "Tiger Reserve" unless every option is a tiger reserve; then only the name is asked."""
        if term.kind not in _NAMED:
            return []
        out: list[str] = []
        for kind in _NAMED:
            for other in self.by_kind.get(kind, []):
                folded = fold(other).casefold()
                if (
                    folded in prompt.casefold()
                    # "Udhwa Lake" among lakes, not beside "National Lake Conservation Plan"
                    or other.split()[-1].casefold() != term.answer.split()[-1].casefold()
                    or _has_digit(other) != _has_digit(term.answer)
                    or not stems <= shared_stems(term.answer, other)
                    or any(
                        contains_words(words(other), words(o))
                        or contains_words(words(o), words(other))
                        for o in [term.answer, *out]
                    )
                ):
                    continue  # "Ministerial Conference" beside "Thirteenth Ministerial ..."
                out.append(other)
                if len(out) == OPTIONS:
                    return out
        return out

    def _named_in(self, person: str, prompt: str) -> bool:
        """The prompt names the person, by any form the notes give them ("Sikri" for "S.M.
        Sikri"): a wrong option a learner rules out by reading the question."""
        key = fold(person).casefold()
        said = fold(prompt).casefold()
        forms = [*self._forms.get(key, ()), key.split()[-1]]
        return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", said) for f in forms)

    def distractors(self, term: Term, prompt: str, nearest: bool = True) -> list[str]:
        """Wrong options of the answer's kind. Shown on a card, those the notes name nearest
        the answer come first: its contemporaries, and other options for each card, never the
        same three a learner soon learns to rule out. Whether a prompt's words cue the answer
        is judged against the first the notes name (`nearest=False`)."""
        answer = fold(term.answer).casefold()
        shape = _shape(term.answer)
        out: list[str] = []
        others = self.by_kind.get(term.kind, [])
        if nearest:
            folded = [fold(o).casefold() for o in others]
            at = folded.index(answer) if answer in folded else 0
            place = {o: (abs(i - at), i) for i, o in enumerate(others)}
            others = sorted(others, key=place.__getitem__)
        if term.kind == "person":
            # "Bela M. Trivedi", not "Trivedi" beside "D.Y. Chandrachud": a surname alone
            # stands out among full names
            others = [self._full.get(fold(o).casefold(), o) for o in others]
        if shape == "act":  # the nearest acts first: "Waqf Act, 1954" for "Waqf Act, 1995"
            others = sorted(others, key=lambda o: -len(shared_stems(term.answer, o)))
        for other in others:
            folded = fold(other).casefold()
            if folded == answer or folded in prompt.casefold() or _shape(other) != shape:
                continue
            if term.kind == "person" and self._named_in(other, prompt):
                continue  # "Sikri, J.M. Shelat ... formed one side": never "S.M. Sikri" offered
            if _has_digit(other) != _has_digit(term.answer):
                continue  # "TX2" beside "International Big Cat Alliance": a code among names
            if _short_form(other) != _short_form(term.answer):
                continue  # "CFA", "HPV" beside "State Electricity Regulatory Commission"
            if term.kind == "person" and _part_of(folded, [answer, *map(str.casefold, out)]):
                continue
            mine = self.roles.get(answer)
            if term.kind == "person" and mine and not mine & self.roles.get(folded, set()):
                continue  # "President ____": another President, never a Commission's member
            if shape != "act" and _same_body(other, [term.answer, *out]):
                continue  # "WMO" for "World Meteorological Organization": the answer again
            if term.kind == "article" and _clause_of(folded, [answer, *map(str.casefold, out)]):
                continue  # "Article 239AA(3)(a)" beside "Article 239AA": one is inside the other
            if any(
                contains_words(words(other), words(o)) and normalise(other) != normalise(o)
                for o in [term.answer, *out]
            ):
                continue  # "Article 243" beside "Article 243-I": a student rules one out
            if folded not in (fold(o).casefold() for o in out):
                out.append(other)
            if len(out) == OPTIONS:
                break
        return out


def _short_form(answer: str) -> bool:
    """A short form in capitals ("CFA", "MLA"), not a name spelt out."""
    return re.fullmatch(r"[A-Z][A-Z&-]{1,7}", answer) is not None


def _clause_of(article: str, others: list[str]) -> bool:
    """One article is a sub-clause of the other ("Article 280" and "Article 280(3)(b)")."""
    for other in others:
        short, long = sorted((article, other), key=len)
        if long.startswith(short) and long[len(short) : len(short) + 1] in ("(", "."):
            return True
    return False


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _initials(name: str) -> str:
    if re.fullmatch(r"[A-Z]{2,6}", name):
        return name
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _same_body(option: str, others: list[str]) -> bool:
    """An acronym and its full name ("UN", "United Nations") are one option, not two."""
    mine = _initials(option)
    return len(mine) >= 2 and any(_initials(other) == mine for other in others)


_NUMBERED = rf"{REFERENCE_WORD}\s"


def _shape(answer: str) -> str:
    """What a same-kind wrong option must share: unit, currency, article word."""
    # "Rs 1 lakh crore" beside "Rs 12 lakh" is a wrong option of another scale: ruled out.
    if re.match(r"\d|(?:US)?[$\u20ac\u00a3\u20b9\u00b1]|(?:Rs\.?|USD|INR)\s?\d", answer):
        return re.sub(r"[\d.,\s]+", "#", answer)
    if re.match(_NUMBERED, answer):
        return answer.split()[0]
    if re.fullmatch(r"(?:Union|State|Concurrent)\sList", answer):
        # "List III" is the Concurrent List by its number: never a wrong option beside it
        return "named list"
    if re.search(r"\b(?:Act|Code|Bill|Ordinance|Sanhita),\s\d{4}$", answer):
        return "act"  # acts with their years: "Limitation Act, 1963" for "Waqf Act, 1995"
    return ""


def _card(
    passage: Passage,
    term: Term,
    text: str,
    document_id: str,
    pool: _Pool,
    together: tuple[Term, ...] = (),
):
    sentence = passage.focus.text
    quote = passage.quote(text)
    source = SourceRef(document=document_id, quote=quote)
    tag = _TAGS[term.kind]
    if together:
        before, after = sentence[: term.start], sentence[term.end :]
    else:
        before, after = _shown(passage, term, pool)
    if passage.trimmed and not together:
        before, after = _window(passage, before, after) or (before, after)
    blanked = passage.lead + before + BLANK + after
    if term.kind == "year":
        return YearCard(
            id=card_id("year", term.answer, quote),
            kind="year",
            question=f"Which year fills the blank? {blanked}",
            answer=int(term.answer),
            tags=[tag],
            source=source,
            status=Status.draft,
        )
    distractors = pool.distractors(term, blanked)
    rest = (passage.lead + before + " " + after).casefold()
    if _shows_options(term) and shared_stems(term.answer, rest, distractors):
        # "The {{National Environment Appellate Authority}} ... environmental clearances":
        # the options the blank was judged fair with share the prompt's word; the nearest
        # ones may not, and would leave the answer the only one that does
        fair = pool.distractors(term, blanked, nearest=False)
        if not shared_stems(term.answer, rest, fair):
            distractors = fair
    if not _offers_options(term, sentence):
        distractors = []
    question = f"{_QUESTION.get(term.kind, '')} {blanked}"
    if (
        term.kind == "person"
        and not together
        and len(distractors) == OPTIONS
        and len(question) <= MAX_PROMPT
    ):
        return MultipleChoiceCard(
            id=card_id(tag, term.answer, quote),
            kind="mcq",
            question=question,
            answer=term.answer,
            distractors=distractors,
            answer_type=term.answer_type,
            tags=[tag],
            source=source,
            status=Status.draft,
        )
    cloze = f"{passage.lead}{before}{{{{{term.answer}}}}}{after}"
    # Both ends of a range, or every name of a list, one card: "between {{6.3%}} and {{6.8%}}".
    for number, other in enumerate(together, 1):
        cut = len(passage.lead) + other.start + 4 * number
        cloze = f"{cloze[:cut]}{{{{{other.answer}}}}}{cloze[cut + len(other.answer) :]}"
    keep = _shows_options(term)
    if not keep and not together:
        cued = shared_stems(term.answer, rest)
        sharing = pool.sharing(term, blanked, cued) if cued else []
        if len(sharing) == OPTIONS:
            distractors, keep = sharing, True
    return ClozeCard(
        id=card_id(tag, term.answer, quote),
        kind="cloze",
        text=cloze,
        answer_type=term.answer_type,
        distractors=distractors if keep else [],
        tags=[tag],
        source=source,
        status=Status.draft,
    )


_GENDERED = re.compile(r"\b(?:she|her|hers|herself|he|him|his|himself)\b", re.IGNORECASE)


def _ordering_cards(
    found: list[tuple[Passage, list[Term]]], text: str, document_id: str
) -> list[Candidate]:
    """Runs of nearby sentences, each stating the date of what it tells, as a timeline."""
    dated: list[tuple[int, Sentence, Term]] = []
    for index, (passage, terms) in enumerate(found):
        sentence = passage.focus
        years = [t for t in terms if t.kind == "year" or t.date]
        if passage.context or len(years) != 1 or not years[0].explicit:
            continue
        if len(sentence.text) > ORDERING_EVENT or len(YEAR.findall(sentence.text)) != 1:
            continue
        if re.search(r"\b(?:1[0-9]|20)\d\d\s?[-\u2013/]\s?\d\d", sentence.text):
            continue  # a period ("2023–24") as well as a date
        dated.append((index, sentence, years[0]))
    groups: list[list[tuple[int, Sentence, Term]]] = []
    for item in dated:
        current = groups[-1] if groups else None
        if (
            current is None
            or len(current) >= ORDERING_SIZE
            or item[0] - current[-1][0] > ORDERING_GAP
            # a heading between: the quote would run it into the sentences ("... made that
            # report. The burden in India The disease is ...")
            or _heading_between(text, current[-1][1].end, item[1].start)
        ):
            groups.append([item])
        elif not any(_same_time(item[2].date, other[2].date) for other in current):
            current.append(item)
    out = []
    for group in groups:
        if len(group) < 3:
            continue
        # Each event quotes its own sentence, so the reveal shows what dates it.
        events = sorted(
            (
                Event(
                    event=_event_text(sentence.text),
                    date=term.date,
                    quote=" ".join(text[sentence.start : sentence.end].split()),
                )
                for _, sentence, term in group
            ),
            key=lambda event: event.date,
        )
        first, last = group[0][1], group[-1][1]
        quote = " ".join(text[first.start : last.end].split())
        card = OrderingCard(
            id=card_id("ordering", events[0].event, quote),
            kind="ordering",
            events=events,
            tags=["dates", "timeline"],
            source=SourceRef(document=document_id, quote=quote),
            status=Status.draft,
        )
        out.append(Candidate(card, first.start, last.end, ORDERING_WORTH))
    return out


def _heading_between(text: str, start: int, end: int) -> bool:
    """A line between two sentences that does not end as a sentence: a section's heading."""
    return any(not line.ends for line in split_sentences(text[start:end]))


def _same_time(a: str, b: str) -> bool:
    """One date contains the other ("2024" and "2024-08"): their order is not given."""
    return a.startswith(b) or b.startswith(a)


def _event_text(sentence: str) -> str:
    """The sentence with its whole date blanked (the date is what the learner orders by)."""
    match = YEAR.search(sentence)
    return sentence[: match.start()] + BLANK + sentence[match.end() :]


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for candidate in candidates:
        if candidate.card.id in seen:
            continue
        seen.add(candidate.card.id)
        out.append(candidate)
    return out
