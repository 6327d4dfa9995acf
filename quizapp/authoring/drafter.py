"""Candidate cards from a plain-text document, by simple rules: no network, no model.

Each candidate quotes one sentence (an ordering card, a run of nearby dated
sentences) verbatim and is a draft: nothing is studied until a person checks
it against its quote and marks it reviewed. The same text always gives the
same cards with the same ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizapp.authoring.ids import card_id
from quizapp.authoring.sentences import Sentence, split_sentences
from quizapp.deck.model import (
    AnswerType,
    ClozeCard,
    Event,
    OrderingCard,
    SourceRef,
    Status,
    YearCard,
)
from quizapp.deck.sources import fold

MIN_WORDS = 6  # shorter lines are headings, captions and menu items
ORDERING_SIZE = 4  # events per ordering card at most
ORDERING_GAP = 6  # dated sentences further apart than this are not one timeline

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS.split("|"), 1)}
_YEAR = re.compile(
    rf"(?:\b({_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?(?<![\d$.,])\b(1[0-9]\d\d|20\d\d)\b(?![\d%]|,\d)"
)
_AMOUNT = re.compile(
    r"(?:[$\u20ac\u00a3\u20b9]|Rs\.?\s?|USD\s?|INR\s?)\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:trillion|billion|million|crore|lakh|bn)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:trillion|billion|million|crore|lakh|thousand|hundred)\b"
)
_NUMBER = re.compile(
    r"(?<![\d$:.,-])\b\d[\d,]*(?:\.\d+)?\b(?![\d:%-])"
    r"(?:\s(?:years?|days?|months?|weeks?|km|kilometres?|miles?|people|members|countries|"
    r"nations|states|times|seats|votes|tonnes|soldiers|troops)\b)?"
)
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!][\"')\]]*$")  # folded text: quotes are straight
_PROPER_WORD = re.compile(r"\b[A-Z][\w\u2019'-]*[A-Za-z]")
_AFTER_MONTH = re.compile(rf"\b(?:{_MONTHS})\s$")
_ARTICLE = re.compile(
    r"\b(?:Article|Section|Clause|Schedule|Chapter|Paragraph|Rule|Resolution)\s"
    r"\d+[A-Z]?(?:\(\w{1,4}\))*"
    r"(?:\sof\sthe\s(?:[A-Z][\w.\u2019'-]*\s){1,4}"
    r"(?:[Cc]harter|[Cc]onstitution|[Cc]onvention|[Tt]reaty|[Aa]ct|[Pp]act|[Aa]greement))?"
)
_CAPITALISED = r"[A-Z][\w\u2019'.-]*[\w]"
_CONNECTOR = r"(?:of|the|on|for|and|between|de|del|la|al|von|van|bin|,)"
_NAME = re.compile(rf"{_CAPITALISED}(?:,?(?:\s+{_CONNECTOR})*\s+{_CAPITALISED}|-{_CAPITALISED})+")
_NAME_GAP = re.compile(r",\s*(?:and\s+)?|\s+(?:and|on|between|for)\s+")
_TITLES = {
    "President", "Prime", "Minister", "Mr.", "Mrs.", "Ms.", "Dr.", "Leader", "King", "Queen",
    "Chancellor", "General", "Secretary", "Chairman", "Premier", "Foreign", "Defence",
    "Defense", "Supreme", "Vice", "Ambassador", "Emperor", "Sir", "Lord", "Justice",
}  # fmt: skip
_TREATY_WORDS = {
    "Treaty", "Convention", "Agreement", "Accord", "Protocol", "Charter", "Pact",
    "Declaration", "Partnership", "Alliance", "Act", "Resolution",
}  # fmt: skip
_ORGANISATION_WORDS = {
    "Council", "Agency", "Union", "Nations", "Centre", "Center", "Party", "Bank", "Fund",
    "Organisation", "Organization", "Ministry", "Committee", "Court", "Parliament",
    "Assembly", "Institute", "University", "Commission", "Army", "Navy", "Force", "Forces",
    "Corporation", "Company", "Association", "Federation", "Office", "Department", "Group",
    "Archive", "Tank", "Facility", "News", "Board", "Authority", "League", "Bureau",
}  # fmt: skip
# Capitalised only because they open a sentence, or too common to ask about.
_COMMON = {
    "The", "A", "An", "In", "On", "At", "After", "Before", "Following", "For", "Both", "This",
    "That", "These", "Those", "It", "Its", "As", "By", "From", "With", "While", "When",
    "Also", "However", "Initially", "According", "Given", "Now", "One", "We", "I", "If",
    "Read", "Updated", "Photo", "Credit", "Image", "Explained", "Sign", "Comments",
}  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    """A draft card and the sentence it came from (for measuring the drafter)."""

    card: object
    start: int
    end: int


def draft_cards(text: str, document_id: str) -> list[Candidate]:
    """Every candidate card for a document's text, in document order, ids unique."""
    sentences = _useful_sentences(split_sentences(text))
    candidates: list[Candidate] = []
    named: set[str] = set()
    dated: list[tuple[int, Sentence, str, str]] = []  # (index, sentence, date, year text)
    for index, sentence in enumerate(sentences):
        years = list(_years(sentence.text))
        for year_text, _date, span in years:
            candidates.append(_year_card(sentence, year_text, span, document_id))
        if years:
            dated.append((index, sentence, years[0][1], years[0][0]))
        candidates += _cloze_cards(sentence, document_id, named)
    candidates += _ordering_cards(dated, text, document_id)
    candidates.sort(key=lambda c: (c.start, c.end))
    return _unique(candidates)


def _useful_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """Long enough, not a question, and not a repeat (captions are often printed twice)."""
    seen: set[str] = set()
    kept = []
    for sentence in sentences:
        folded = fold(sentence.text).casefold()
        if sentence.words < MIN_WORDS or "{{" in folded:
            continue
        if not _SENTENCE_END.search(folded) and not _YEAR.search(sentence.text):
            continue  # a question, a heading or a teaser cut off with "...", unless dated
        # A repeat, or a repeat with more after it ("<caption> | Photo Credit: ...").
        prefixes = (folded[:i] for i, ch in enumerate(folded) if ch == " ")
        if folded in seen or any(p in seen for p in prefixes):
            continue
        seen.add(folded)
        kept.append(sentence)
    return kept


def _years(text: str) -> Iterator[tuple[str, str, tuple[int, int]]]:
    """(year, date as 1948 or 1948-07, span of the year in the sentence) for each year."""
    seen: set[str] = set()
    for match in _YEAR.finditer(text):
        year = match.group(2)
        month = match.group(1)
        date = f"{year}-{_MONTH_NUMBER[month]:02d}" if month else year
        if year in seen:
            continue
        seen.add(year)
        yield year, date, match.span(2)


def _source(sentence: Sentence, document_id: str) -> SourceRef:
    return SourceRef(document=document_id, quote=sentence.text)


def _year_card(sentence: Sentence, year: str, span: tuple[int, int], document_id: str):
    blanked = sentence.text[: span[0]] + "____" + sentence.text[span[1] :]
    card = YearCard(
        id=card_id("year", year, sentence.text),
        kind="year",
        question=f"Which year fills the blank? {blanked}",
        answer=int(year),
        tags=["dates"],
        source=_source(sentence, document_id),
        status=Status.draft,
    )
    return Candidate(card, sentence.start, sentence.end)


def _cloze_cards(sentence: Sentence, document_id: str, named: set[str]) -> list[Candidate]:
    text = sentence.text
    terms: list[tuple[int, int, str, AnswerType, str]] = []  # start, end, label, type, tag
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(start: int, end: int, answer_type: AnswerType, tag: str) -> None:
        if free(start, end):
            taken.append((start, end))
            terms.append((start, end, text[start:end], answer_type, tag))

    for match in _ARTICLE.finditer(text):
        head = re.match(r"\S+\s\S+", match.group()).group()  # "Article 51"
        add(match.start(), match.start() + len(head), AnswerType.article, "articles")
        taken.append(match.span())
    for match in _YEAR.finditer(text):
        taken.append(match.span(2))  # years have their own cards
    for match in _AMOUNT.finditer(text):
        add(*match.span(), AnswerType.number, "numbers")
    for match in _NUMBER.finditer(text):
        if not _AFTER_MONTH.search(text, 0, match.start()):  # "June 21": a date, not a count
            add(*match.span(), AnswerType.number, "numbers")
    names = list(_names(text))
    for start, end, answer_type, tag in names:
        key = fold(text[start:end]).casefold()
        if key in named:
            continue
        if free(start, end):
            named.add(key)
            add(start, end, answer_type, tag)
    if not terms and not _YEAR.search(text):
        # Nothing else to ask: blank the first party named, as a "who did what" card.
        key_term = names[0] if names else _first_proper_word(text)
        if key_term is not None:
            add(*key_term)

    out = []
    for start, end, label, answer_type, tag in sorted(terms):
        cloze = f"{text[:start]}{{{{{label}}}}}{text[end:]}"
        card = ClozeCard(
            id=card_id(tag, label, text),
            kind="cloze",
            text=cloze,
            answer_type=answer_type,
            tags=[tag],
            source=_source(sentence, document_id),
            status=Status.draft,
        )
        out.append(Candidate(card, sentence.start, sentence.end))
    return out


def _first_proper_word(text: str) -> tuple[int, int, AnswerType, str] | None:
    """The first capitalised word that is not capitalised only for opening the sentence."""
    for match in _PROPER_WORD.finditer(text):
        word = match.group()
        if match.start() == 0 or word in _COMMON or word in _TITLES:
            continue
        end = match.end() - 2 if re.search(r"[\u2019']s$", word) else match.end()
        return match.start(), end, AnswerType.text, "names"
    return None


def _names(text: str) -> Iterator[tuple[int, int, AnswerType, str]]:
    """Capitalised multi-word names: people, organisations, treaties (by their words)."""
    for match in _NAME.finditer(text):
        if any(w.strip(",") in _TREATY_WORDS for w in match.group().split()):
            parts = [match.span()]  # "Treaty of Friendship, Cooperation and ...": one name
        else:  # "the Soviet Union and North Korea": two names
            parts, at = [], match.start()
            for gap in _NAME_GAP.finditer(match.group()):
                parts.append((at, match.start() + gap.start()))
                at = match.start() + gap.end()
            parts.append((at, match.end()))
        for start, end in parts:
            found = _name(text, start, end)
            if found is not None:
                yield found


def _name(text: str, start: int, end: int) -> tuple[int, int, AnswerType, str] | None:
    words = text[start:end].split()
    while words and (words[0] in _COMMON or words[0].lower() in {"of", "the", "and"}):
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
        words = words[1:]
    while words and words[-1].rstrip(",") in {"of", "the", "and", "on", "for", "between"}:
        end = text.rindex(words[-1], start, end)
        words = words[:-1]
    end = start + len(text[start:end].rstrip(" ,"))
    if words and re.search(r"[\u2019']s$", text[start:end]):  # possessive: "Putin's"
        end -= 2
    bare = text[start:end].replace(",", "").split()
    if len(bare) < 2 and "-" not in "".join(bare):
        return None
    if any(w in _TREATY_WORDS for w in bare):
        return start, end, AnswerType.text, "treaties"
    if any(w in _ORGANISATION_WORDS for w in bare):
        return start, end, AnswerType.organisation, "organisations"
    if any(w in _TITLES for w in bare):
        # "President Vladimir Putin": the person is the part after the last title.
        last = max(i for i, w in enumerate(bare) if w in _TITLES)
        person = " ".join(bare[last + 1 :])
        if person and person[0].isupper() and (" " in person or "-" in person):
            offset = text.index(person, start)
            return offset, offset + len(person), AnswerType.person, "people"
        return None
    if len(bare) <= 4:
        return start, end, AnswerType.text, "names"
    return None


def _ordering_cards(
    dated: list[tuple[int, Sentence, str, str]], text: str, document_id: str
) -> list[Candidate]:
    """Runs of nearby dated sentences, each with its own date, as a timeline to order."""
    groups: list[list[tuple[int, Sentence, str, str]]] = []
    for item in dated:
        current = groups[-1] if groups else None
        if (
            current is None
            or len(current) >= ORDERING_SIZE
            or item[0] - current[-1][0] > ORDERING_GAP
        ):
            groups.append([item])
        elif all(item[2] != other[2] for other in current):  # one event per date
            current.append(item)
    out = []
    for group in groups:
        if len(group) < 3:
            continue
        events = sorted(
            (
                Event(event=_event_text(sentence.text, year), date=date)
                for _, sentence, date, year in group
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
        out.append(Candidate(card, first.start, last.end))
    return out


def _event_text(sentence: str, year: str, limit: int = 140) -> str:
    """The sentence with its year blanked (the date is what the learner orders by)."""
    event = re.sub(rf"\b{year}\b", "____", sentence, count=1)
    if len(event) > limit:
        event = event[:limit].rsplit(" ", 1)[0] + " \u2026"
    return event


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for candidate in candidates:
        if candidate.card.id in seen:
            continue
        seen.add(candidate.card.id)
        out.append(candidate)
    return out
