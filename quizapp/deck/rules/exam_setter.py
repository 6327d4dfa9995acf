"""Rules an exam setter applies to a card's own options and wording.

Each finds something a test-wise student exploits without knowing the fact: a wrong
option of another kind than the answer, one option inside another, a false statement
that merely negates a true one beside it, wording that hands over the answer, absolute
words that mark the wrong options, and composite items whose truth nothing in the
source backs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quizapp.deck.model import (
    CLOZE_PATTERN,
    AnswerType,
    ClozeCard,
    StatementsCard,
    card_items,
)
from quizapp.deck.problems import Problem
from quizapp.deck.rules.drafts import word_set
from quizapp.deck.rules.registry import CardContext, rule
from quizapp.deck.wording import contains_words, normalise, words

NAMED_TYPES = (
    AnswerType.country,
    AnswerType.person,
    AnswerType.place,
    AnswerType.organisation,
)
_YEAR = re.compile(r"^-?\d{1,4}$")
_ARTICLE = re.compile(r"\b(article|art\.?)\s*\d+", re.I)
NEGATIONS = frozenset(
    {"not", "no", "never", "neither", "nor", "without", "none", "nothing", "t", "cannot"}
)
ABSOLUTES = frozenset(
    {"always", "never", "ever", "only", "purely", "solely", "entirely", "completely", "all"}
)
# Words no cue is taken from: they turn up in any question.
STOP = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "among",
        "and",
        "any",
        "are",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "can",
        "could",
        "did",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "her",
        "here",
        "him",
        "his",
        "how",
        "into",
        "its",
        "itself",
        "just",
        "more",
        "most",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "your",
        "which",
        "country",
        "year",
        "article",
    ]
)
# Wording that gives an answer away without sharing a word with it.
CUES = (
    (frozenset({"immediate", "immediately"}), ("without delay", "at once", "promptly")),
    (frozenset({"mutual", "mutually"}), ("each other", "reciprocal", "both sides")),
    (frozenset({"automatic", "automatically"}), ("without delay", "at once")),
)


def _options(card) -> list[tuple[str, str, list[str], AnswerType]]:
    """(wording, answer, authored wrong options, answer type) per thing the card asks."""
    if isinstance(card, ClozeCard):
        asked = []
        for number, (answer, _hint) in enumerate(card.deletions):
            position = -1

            def fill(match, number=number) -> str:
                nonlocal position
                position += 1
                return "_____" if position == number else match.group(1).strip()

            wording = CLOZE_PATTERN.sub(fill, card.text)
            asked.append((wording, answer, card.blank_distractors(number), card.blank_type(number)))
        return asked
    if card.kind in ("basic", "mcq", "year"):
        distractors = [str(d) for d in getattr(card, "distractors", [])]
        return [(card.question, str(card.answer), distractors, AnswerType(card.answer_type))]
    return []


def _type_clash(answer: str, option: str, answer_type: AnswerType) -> str | None:
    """Why ``option`` is not of the answer's type, or None."""
    digits = any(ch.isdigit() for ch in option)
    if answer_type is AnswerType.year and not _YEAR.match(option.strip()):
        return "not a year"
    if answer_type in (AnswerType.number, AnswerType.date) and not digits:
        return "has no figure"
    if (
        answer_type is AnswerType.article
        and _ARTICLE.search(answer)
        and not _ARTICLE.search(option)
    ):
        return "not an article"
    answer_digits = any(ch.isdigit() for ch in answer)
    # A figure inside a sentence is no type of its own; a short option is its type.
    short = min(len(words(answer)), len(words(option))) <= 3
    if answer_type in (AnswerType.text, *NAMED_TYPES) and short and digits != answer_digits:
        return "a figure among words" if digits else "words among figures"
    return None


def _named_answers(context: CardContext) -> dict[str, AnswerType]:
    """Answers of the deck's cards with a named type (country, person, ...), by wording."""
    named: dict[str, AnswerType] = {}
    for card in context.loaded.deck.cards:
        for _wording, answer, _wrong, answer_type in _options(card):
            if answer_type in NAMED_TYPES:
                named.setdefault(normalise(answer), answer_type)
    return named


@rule
def distractor_of_another_type(context: CardContext) -> Iterator[Problem]:
    named = None
    for _wording, answer, wrong, answer_type in _options(context.card):
        for option in wrong:
            why = _type_clash(answer, option, answer_type)
            if why is None and answer_type in NAMED_TYPES:
                named = _named_answers(context) if named is None else named
                other = named.get(normalise(option))
                if other is not None and other is not answer_type:
                    why = f"a {other} in this deck"
            if why:
                yield context.problem(
                    f"card {context.card.id!r}: distractor {option!r} is {why}, while the "
                    f"answer {answer!r} is a {answer_type}",
                    "replace it with a wrong answer of the same kind, or fix `answer_type`",
                )


@rule
def option_containing_another(context: CardContext) -> Iterator[Problem]:
    for _wording, answer, wrong, _type in _options(context.card):
        options = [answer, *wrong]
        for i, first in enumerate(options):
            for second in options[i + 1 :]:
                if normalise(first) != normalise(second) and contains_words(
                    words(first), words(second)
                ):
                    yield context.problem(
                        f"card {context.card.id!r}: option {first!r} and option {second!r}: "
                        "one is a whole-word part of the other",
                        "a student picks (or rules out) the longer one; make them distinct",
                    )


AUXILIARIES = frozenset({"do", "does", "did", "is", "was", "are", "were", "has", "have", "had"})


def _without(tokens: Sequence[str], dropped: frozenset[str]) -> list[str]:
    """The words that carry the claim: negations and auxiliaries out, endings folded."""
    return [_stem(t) for t in tokens if t not in dropped and t not in AUXILIARIES]


def _one_word_apart(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


@rule
def false_statement_negates_a_true_one(context: CardContext) -> Iterator[Problem]:
    card = context.card
    if not isinstance(card, StatementsCard):
        return
    for number, false in enumerate(card.statements, 1):
        if false.correct:
            continue
        for other, true in enumerate(card.statements, 1):
            if not true.correct:
                continue
            a, b = words(false.text), words(true.text)
            negated = a != b and _without(a, NEGATIONS) == _without(b, NEGATIONS)
            if negated or _one_word_apart(a, b):
                yield context.problem(
                    f"card {card.id!r}: false statement {number} only reverses true statement "
                    f"{other}",
                    "knowing either settles both; make the false statement a misconception "
                    "of its own",
                )


def _stem(word: str) -> str:
    return word[:5]


def _content_words(text: str) -> set[str]:
    return {_stem(w) for w in words(text) if len(w) >= 4 and w not in STOP and w.isalpha()}


# A figure with its unit: "Rs 5 lakh", "100 per cent", "four years".
_QUANTITY = re.compile(
    r"(?:(?:US)?[$\u20ac\u00a3\u20b9]|(?:Rs\.?|USD|INR)\s?)?\d"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s",
    re.IGNORECASE,
)


# The words after which a name's head noun has said what it is: "Ministry of ...".
_AFTER_HEAD = frozenset({"of", "for", "on", "to", "in", "against", "from"})
# Head nouns that say what kind of thing a name names (a body, a law, a plan, a site, an
# office), never which one: a surname is no such word ("Dhana {{Nanda}}" after "the Nanda
# king" is a give-away).
_KINDS = frozenset(
    map(
        _stem,
        word_set(
            "ministry department commission committee council board authority bank fund agency "
            "bureau tribunal court centre center institute organisation organization "
            "corporation act bill code rules order ordinance list schedule amendment treaty "
            "agreement convention protocol declaration charter accord mission scheme yojana "
            "abhiyan programme program policy plan framework mechanism strategy initiative "
            "index report survey census reserve park sanctuary temple fort palace stupa port "
            "corridor project secretary minister officer commissioner governor movement party "
            "league society sabha summit conference assembly parliament system doctrine"
            # the kind of place: "Nearby are the {{Borra Caves}}, limestone caves carved by"
            " cave caves valley hill hills river lake island islands point plateau peak glacier"
            " gorge falls desert forest bay gulf strait dam canal district"
        ),
    )
)


# What kind of thing an answer is, said by its first word, which tells nothing of which one:
# a provision by its number ("Section 38V", "Article 21A"), a peer or a knight by the title
# that goes with the name ("Lord Wavell" after "Lord Louis Mountbatten").
_KIND_OPENS = re.compile(
    r"(Article|Section|Clause|Rule|Regulation|Schedule)s?\s\d|(Lord|Sir|Lady|Dame)\s[A-Z]"
)


def _head(answer: str) -> str:
    """The stem of a name's head noun, the kind of thing it is: "Ministry" of "Ministry of
    Education", "Reserve" of "Jim Corbett Tiger Reserve", "Act" of "... Act, 1958"; "" for
    a single word."""
    tokens = [w for w in words(answer) if w.isalpha()]
    if len(tokens) < 2:
        return ""
    cut = next((i for i, w in enumerate(tokens) if w in _AFTER_HEAD), len(tokens))
    return _stem(tokens[cut - 1]) if cut > 0 else ""


# A scientific name's words by their Latin endings: a genus ("Crocodylus", "Megapodius"),
# then a species and perhaps a subspecies ("porosus", "nicobariensis"); not a common name,
# "Nilgiri tahr" or "Nicobar scops owl".
GENUS = r"[A-Z][a-z]{3,}(?:a|us|is|um|on|es|ia|ex|ix|o|er|ma|ys)"
EPITHET = r"[a-z]{3,}(?:us|a|is|um|ae|ii|i|o|u|ensis|ans|ens|ata|ica|ides|oides|ris|ra|ma|ax|es)"
_SPECIES = re.compile(rf"{GENUS}(?:\s{EPITHET}){{1,2}}")


def shared_stems(answer: str, asked: str, wrong: Sequence[str] = ()) -> set[str]:
    """Word stems the answer shares with its question and with none of its wrong options.

    The unit of a figure is no cue: "raised from Rs 3 lakh to {{Rs 5 lakh}}" says what is
    measured, not how much. Nor is a scientific name's Latin, which echoes the common name
    or the place it is named for ("the saltwater crocodile, {{Crocodylus porosus}}"): it
    tells a learner nothing of the name itself."""
    if _QUANTITY.match(answer) or _SPECIES.fullmatch(answer):
        return set()
    named = _content_words(answer)
    shared = named & _content_words(asked)
    head = _head(answer)
    if head in _KINDS and head in shared and len(shared) < len(named):
        # "The nodal ministry is the {{Ministry of New and Renewable Energy}}": the word for
        # what kind of thing a name names says nothing of which one
        shared.discard(head)
    kind = _KIND_OPENS.match(answer)
    if kind:
        # "notified under {{Section 38V}} of the same Act" after "Section 18", "He replaced
        # {{Lord Wavell}}" after "Lord Mountbatten": the kind says nothing of which one
        shared.discard(_stem((kind.group(1) or kind.group(2)).casefold()))
    return shared - set().union(*(_content_words(w) for w in wrong)) if wrong else shared


@rule
def wording_cues_its_answer(context: CardContext) -> Iterator[Problem]:
    card = context.card
    for wording, answer, wrong, _type in _options(card):
        asked = wording.replace("_____", " ")
        # An answer of bare function words ("The") is in every sentence: no give-away.
        if all(w in STOP for w in words(answer)):
            continue
        if (
            len(words(answer))
            and contains_words(words(answer), words(asked))
            and len(words(asked)) > len(words(answer))
        ):
            yield context.problem(
                f"card {card.id!r}: the question contains its answer {answer!r}",
                "reword the question so it does not name the answer",
            )
            continue
        shared = shared_stems(answer, asked, wrong)
        asked_words = set(words(asked))
        cued = [
            phrase
            for triggers, phrases in CUES
            if triggers & asked_words
            for phrase in phrases
            if contains_words(words(phrase), words(answer))
        ]
        if shared or cued:
            named = sorted({w for w in words(answer) if _stem(w) in shared})
            what = ", ".join(named) if named else cued[0]
            yield context.problem(
                f"card {card.id!r}: the question's wording cues its answer {answer!r} ({what!r})",
                "reword the question, or give the wrong options the same word",
            )


@rule
def absolute_words_mark_wrong_options(context: CardContext) -> Iterator[Problem]:
    for _wording, answer, wrong, answer_type in _options(context.card):
        if ABSOLUTES & set(words(answer)) or answer_type in NAMED_TYPES:
            continue  # "All India Muslim League" is a name, not a sweeping claim
        marked = [w for w in wrong if ABSOLUTES & set(words(w))]
        if wrong and len(marked) >= 2:
            yield context.problem(
                f"card {context.card.id!r}: absolute words mark wrong options "
                f"({', '.join(repr(m) for m in marked)})",
                "a student rules out 'ever', 'purely', 'only' at sight; reword them",
            )


@rule
def composite_item_without_quote(context: CardContext) -> Iterator[Problem]:
    card = context.card
    items = card_items(card)
    if not items or card.source is None:
        return
    missing = [str(i) for i, item in enumerate(items, 1) if item.quote is None]
    if missing:
        noun = {"statements": "statement", "match": "pair", "ordering": "event"}[card.kind]
        yield context.problem(
            f"card {card.id!r}: {noun} {', '.join(missing)} cite{'s' if len(missing) == 1 else ''}"
            " no quote",
            f"give each {noun} its own `quote:` from {card.source.document!r}",
        )
