"""The deck format: one place that says what a deck file may hold.

A deck is a YAML file with a stable id, a title, the source documents it draws
on and its cards. Every card has an explicit, stable ``id``: progress is keyed
by it, so rewording a card never resets the learner's history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from enum import StrEnum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from quizapp.deck.verdicts import ASSERTION_ANSWERS, ASSERTION_OPTIONS

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
CardId = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120)]
NonEmpty = Annotated[str, Field(min_length=1)]
# Tags may nest as Anki's do (`upsc::polity::articles`); `tag:upsc` matches the children.
TAG_PATTERN = r"^[a-z0-9][a-z0-9._-]*(?:::[a-z0-9][a-z0-9._-]*)*$"
TagId = Annotated[str, Field(pattern=TAG_PATTERN, min_length=1, max_length=120)]
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif")

# {{answer}} or {{answer::hint}}; Anki's {{c1::answer::hint}} is accepted too.
CLOZE_PATTERN = re.compile(r"\{\{(?:c\d+::)?(.+?)(?:::(.+?))?\}\}", re.DOTALL)


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, coerce_numbers_to_str=True
    )


class Status(StrEnum):
    reviewed = "reviewed"  # checked by hand against its source: studied
    draft = "draft"  # not yet hand-reviewed: never studied


class AnswerType(StrEnum):
    """What kind of thing an answer is, so quiz distractors are of the same kind."""

    text = "text"
    year = "year"
    date = "date"
    country = "country"
    person = "person"
    place = "place"
    organisation = "organisation"
    article = "article"
    number = "number"


_FIGURE_TYPES = (AnswerType.year, AnswerType.date, AnswerType.number, AnswerType.article)


class SourceRef(Strict):
    """Where a card's answer comes from: a document id and a verbatim quote."""

    document: CardId = Field(description="Id of a source document (see the deck's `sources`).")
    quote: NonEmpty = Field(
        description="Verbatim passage of the document supporting the answer. "
        "Curly/straight quotes, dashes and runs of whitespace are folded before matching."
    )


class SourceDocument(Strict):
    """A document a deck draws on. Unknown metadata stays null."""

    id: CardId
    file: str | None = Field(
        None, description="Path of the text, relative to the file that declares it."
    )
    title: NonEmpty
    publisher: str | None = None
    author: str | None = None
    date: dt.date | None = None
    kind: str | None = Field(None, description="e.g. news explainer, study notes, report")
    url: str | None = None
    notes: str | None = None


class Media(Strict):
    """A picture or sound shown with one side of a card, from a file beside the deck."""

    file: NonEmpty = Field(
        description="Path relative to the deck file, inside its folder (e.g. polity.media/map.png)."
    )
    side: Literal["question", "answer"] = "question"

    @field_validator("file")
    @classmethod
    def _inside_the_deck_folder(cls, file: str) -> str:
        parts = file.replace("\\", "/").split("/")
        if file.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
            raise ValueError(
                f"media file {file!r} lies outside the deck's folder: give a path relative to "
                "the deck file, without '..'"
            )
        return file

    @property
    def is_picture(self) -> bool:
        return self.file.lower().endswith(PICTURE_SUFFIXES)

    @property
    def name(self) -> str:
        """The file name, shown where the picture cannot be (and for every sound)."""
        return self.file.rsplit("/", 1)[-1]


class Exact(BaseModel):
    """Text kept exactly as another program wrote it: whitespace and all."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class AnkiTemplate(Exact):
    name: str
    question: str = Field(description="The front's HTML template (Anki's qfmt).")
    answer: str = Field(description="The back's HTML template (Anki's afmt).")


class AnkiNoteType(Exact):
    """An Anki note type a deck's imported notes came with, written back on export so Anki
    updates those notes in the collection they came from."""

    id: int
    name: str
    cloze: bool = False
    fields: list[str] = Field(min_length=1)
    templates: list[AnkiTemplate] = Field(default_factory=list)
    css: str = ""
    sort_field: int = Field(0, ge=0)
    latex_pre: str | None = None
    latex_post: str | None = None
    modified: int = Field(0, description="Anki's modification time (epoch seconds).")


class AnkiNote(Exact):
    """The Anki note a card was imported from: written back as it was while the card is
    unchanged, so its formatting (HTML) and note type survive a round trip."""

    note_type: int = Field(description="Id of one of the deck's `anki_note_types`.")
    card: int = Field(0, ge=0, description="The Anki card: template number, or cloze number - 1.")
    fields: list[str] = Field(description="The note's fields as Anki's HTML, in order.")
    tags: list[str] = Field(default_factory=list, description="The note's tags as Anki spelt them.")
    modified: int = Field(0, description="Anki's modification time (epoch seconds).")


class CardBase(Strict):
    id: CardId = Field(description="Stable id; progress is keyed by it. Never reuse one.")
    tags: list[TagId] = Field(
        default_factory=list,
        description="What is asked: dates, articles, implications, history, people, places, ...",
    )
    explanation: str = Field("", description="Why the answer is right; corrections to the source.")
    source: SourceRef | None = Field(
        None, description="Required for bundled decks; `quizapp check` warns when missing."
    )
    status: Status = Status.reviewed
    notes: str | None = Field(None, description="Reviewer notes, never shown while studying.")
    previous_ids: list[CardId] = Field(
        default_factory=list,
        description="Ids this card had before a rename: their progress carries over.",
    )
    as_of: dt.date | None = Field(None, description="Date the fact was true as of.")
    valid_until: dt.date | None = Field(
        None, description="After this date the card is stale and flagged by `quizapp check`."
    )
    media: list[Media] = Field(
        default_factory=list, description="Pictures and sounds shown with the card."
    )
    guid: str | None = Field(
        None,
        max_length=200,
        description="Anki note GUID kept from an import; written back on export so Anki "
        "updates the note instead of adding a copy.",
    )
    anki: AnkiNote | None = Field(
        None, description="The Anki note the card was imported from, kept for export."
    )
    siblings: NonEmpty | None = Field(
        None,
        description="Group of cards that test the same fact (such as the cards of one Anki "
        "note: its reverse card, its cloze deletions): never dealt in one paper, never "
        "shown back to back in review.",
    )

    def content_hash(self) -> str:
        """Hash of what the learner sees; a change marks the card as reworded."""
        data = self.model_dump(
            mode="json",
            exclude={"id", "previous_ids", "notes", "status", "tags", "guid", "siblings", "anki"},
        )
        _drop_unset_later_fields(data)
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.blake2b(blob, digest_size=10).hexdigest()

    def is_stale(self, today: dt.date) -> bool:
        return self.valid_until is not None and self.valid_until < today


# Optional fields added after decks were written: left out of the hash while unset, so
# adding them to the format does not mark every existing card as reworded.
_LATER_FIELDS = ("form", "quote", "blanks", "media")


def _drop_unset_later_fields(data: dict | list) -> None:
    # Only containers are visited: a deck compile hashes every card (100,000 at a time).
    if isinstance(data, dict):
        for name in _LATER_FIELDS:
            if name in data and data[name] in (None, []):
                del data[name]
        values = data.values()
    else:
        values = data
    for value in values:
        if isinstance(value, dict | list):
            _drop_unset_later_fields(value)


def _item_quote():
    return Field(
        None,
        min_length=1,
        description="Verbatim passage of the card's source document supporting this item, "
        "shown with it on reveal.",
    )


class BasicCard(CardBase):
    kind: Literal["basic"]
    question: NonEmpty
    answer: NonEmpty
    answer_type: AnswerType = AnswerType.text
    distractors: list[NonEmpty] = Field(
        default_factory=list, description="Wrong options for quizzes (same type as the answer)."
    )
    accept: list[NonEmpty] = Field(
        default_factory=list, description="Other spellings accepted when typed."
    )

    @property
    def prompt(self) -> str:
        return self.question


class Blank(Strict):
    """How one blank of a cloze card is asked in quizzes and exams."""

    answer_type: AnswerType | None = Field(None, description="Unset: the card's `answer_type`.")
    distractors: list[NonEmpty] = Field(
        default_factory=list, description="Wrong options for this blank."
    )


class ClozeCard(CardBase):
    kind: Literal["cloze"]
    text: NonEmpty = Field(description="Text with deletions: {{answer}} or {{answer::hint}}.")
    answer_type: AnswerType = AnswerType.text
    distractors: list[NonEmpty] = Field(
        default_factory=list, description="Wrong options for the first blank, in quizzes."
    )
    blanks: list[Blank] = Field(
        default_factory=list,
        description="Per blank, in the text's order: its answer type and wrong options (each "
        "blank is asked as a question of its own). The first blank may use the card's "
        "`distractors` instead.",
    )

    @model_validator(mode="after")
    def _answers_not_distractors(self) -> ClozeCard:
        deletions = self.deletions
        if len(self.blanks) > len(deletions):
            raise ValueError(
                f"`blanks` describes {len(self.blanks)} blanks but the text has "
                f"{len(deletions)}: one entry per {{{{...}}}} deletion, in order"
            )
        if self.blanks and self.blanks[0].distractors and self.distractors:
            raise ValueError(
                "the first blank's wrong options are given twice: use either `distractors` "
                "or `blanks[0].distractors`"
            )
        for number, (answer, _hint) in enumerate(deletions):
            if answer.casefold() in (d.casefold() for d in self.blank_distractors(number)):
                where = "`distractors`" if number == 0 and self.distractors else "`blanks`"
                raise ValueError(
                    f"blank {number + 1}'s answer {answer!r} is also listed as its distractor: "
                    f"remove it from {where}"
                )
        return self

    def blank_distractors(self, number: int) -> list[str]:
        """Authored wrong options of blank ``number`` (0 = the first)."""
        if number < len(self.blanks) and self.blanks[number].distractors:
            return list(self.blanks[number].distractors)
        return list(self.distractors) if number == 0 else []

    def blank_type(self, number: int) -> AnswerType:
        """The blank's own type, else the card's; a later blank that is plainly not of the
        card's type (a word where the card's type is a figure, a year in a text card) is
        asked as what it is."""
        if number < len(self.blanks) and self.blanks[number].answer_type is not None:
            return self.blanks[number].answer_type
        if number == 0:
            return self.answer_type
        answer = self.deletions[number][0]
        has_digit = any(ch.isdigit() for ch in answer)
        if self.answer_type in _FIGURE_TYPES and not has_digit:
            return AnswerType.text
        if self.answer_type is AnswerType.text and has_digit:
            return AnswerType.year if re.fullmatch(r"\d{4}", answer) else AnswerType.number
        return self.answer_type

    @field_validator("text")
    @classmethod
    def _has_deletion(cls, text: str) -> str:
        if not CLOZE_PATTERN.search(text):
            raise ValueError("a cloze text needs at least one deletion, written {{answer}}")
        return text

    @property
    def deletions(self) -> list[tuple[str, str | None]]:
        return [(m.group(1).strip(), m.group(2)) for m in CLOZE_PATTERN.finditer(self.text)]

    @property
    def prompt(self) -> str:
        return CLOZE_PATTERN.sub(lambda m: f"[{m.group(2) or '...'}]", self.text)

    @property
    def answer(self) -> str:
        return "; ".join(answer for answer, _ in self.deletions)

    @property
    def revealed(self) -> str:
        return CLOZE_PATTERN.sub(lambda m: m.group(1), self.text)


class MultipleChoiceCard(CardBase):
    kind: Literal["mcq"]
    question: NonEmpty
    answer: NonEmpty = Field(description="The one correct option.")
    distractors: list[NonEmpty] = Field(min_length=1, description="Wrong options, at least one.")
    answer_type: AnswerType = AnswerType.text

    @model_validator(mode="after")
    def _answer_not_a_distractor(self) -> MultipleChoiceCard:
        folded = [d.casefold() for d in self.distractors]
        if self.answer.casefold() in folded:
            raise ValueError(
                f"the answer {self.answer!r} is also listed as a distractor: remove it "
                "from `distractors`"
            )
        if len(set(folded)) != len(folded):
            raise ValueError("`distractors` lists the same option twice: make each one distinct")
        return self

    @property
    def prompt(self) -> str:
        return self.question


class TrueFalseCard(CardBase):
    kind: Literal["true_false"]
    statement: NonEmpty
    answer: bool = Field(description="true if the statement is correct.")

    @property
    def prompt(self) -> str:
        return self.statement


class YearCard(CardBase):
    kind: Literal["year"]
    question: NonEmpty
    answer: int = Field(ge=-9999, le=9999, description="The year, typed by the learner.")
    distractors: list[int] = Field(default_factory=list)

    @property
    def answer_type(self) -> AnswerType:
        return AnswerType.year

    @property
    def prompt(self) -> str:
        return self.question


class Event(Strict):
    event: NonEmpty
    date: NonEmpty = Field(description="When it happened, as 1948, 2024-06 or 2024-06-19.")
    quote: str | None = _item_quote()


class OrderingCard(CardBase):
    kind: Literal["ordering"]
    question: NonEmpty = "Put these events in chronological order."
    events: list[Event] = Field(
        min_length=2, max_length=8, description="Listed in the correct (earliest first) order."
    )

    @model_validator(mode="after")
    def _events_in_order(self) -> OrderingCard:
        dates = [e.date for e in self.events]
        if dates != sorted(dates):
            raise ValueError(
                "`events` must be listed earliest first (their dates are out of order)"
            )
        if len(set(dates)) != len(dates):
            raise ValueError("two events share a date: their order would be ambiguous")
        return self

    @property
    def prompt(self) -> str:
        return self.question


class Statement(Strict):
    text: NonEmpty
    correct: bool
    quote: str | None = _item_quote()


class StatementsCard(CardBase):
    """UPSC's statement set: 'Consider the following statements ... is/are correct?'"""

    kind: Literal["statements"]
    question: NonEmpty = "Consider the following statements:"
    statements: list[Statement] = Field(min_length=2, max_length=4)
    ask: NonEmpty = "Which of the statements given above is/are correct?"
    form: Literal["which", "how_many"] | None = Field(
        None,
        description="How the set is asked: 'which' (1 only, 1 and 2 only, ...) or 'how_many' "
        "(Only one, Only two, ...). Unset: chosen per paper.",
    )

    @property
    def prompt(self) -> str:
        lines = [self.question]
        lines += [f"{i}. {s.text}" for i, s in enumerate(self.statements, 1)]
        lines.append(self.ask)
        return "\n".join(lines)

    @property
    def correct_numbers(self) -> list[int]:
        return [i for i, s in enumerate(self.statements, 1) if s.correct]


class AssertionReasonCard(CardBase):
    """UPSC's Statement-I / Statement-II: are both true, and does II explain I?"""

    kind: Literal["assertion_reason"]
    question: NonEmpty = "Consider the following statements:"
    statement_1: NonEmpty = Field(description="Statement-I (the assertion).")
    statement_2: NonEmpty = Field(description="Statement-II (the reason offered for it).")
    answer: Literal[
        "both_correct_explains",
        "both_correct_not_explains",
        "only_first_correct",
        "only_second_correct",
    ]
    ask: NonEmpty = "Which one of the following is correct in respect of the above statements?"

    @property
    def prompt(self) -> str:
        return "\n".join(
            [
                self.question,
                f"Statement-I: {self.statement_1}",
                f"Statement-II: {self.statement_2}",
                self.ask,
            ]
        )

    @property
    def options(self) -> tuple[str, ...]:
        return ASSERTION_OPTIONS

    @property
    def correct_index(self) -> int:
        return ASSERTION_ANSWERS.index(self.answer)

    @property
    def answer_text(self) -> str:
        return ASSERTION_OPTIONS[self.correct_index]


class Pair(Strict):
    left: NonEmpty
    right: NonEmpty
    quote: str | None = _item_quote()


class MatchCard(CardBase):
    """Match-the-pairs: each left item goes with one right item."""

    kind: Literal["match"]
    question: NonEmpty = "Match each item with its counterpart."
    pairs: list[Pair] = Field(min_length=2, max_length=6)

    @model_validator(mode="after")
    def _distinct(self) -> MatchCard:
        for side in ("left", "right"):
            values = [getattr(p, side).casefold() for p in self.pairs]
            if len(set(values)) != len(values):
                raise ValueError(f"two pairs share the same {side} item: make each one distinct")
        return self

    @property
    def prompt(self) -> str:
        return self.question


Card = Annotated[
    Union[
        BasicCard,
        ClozeCard,
        MultipleChoiceCard,
        TrueFalseCard,
        YearCard,
        OrderingCard,
        StatementsCard,
        MatchCard,
        AssertionReasonCard,
    ],
    Field(discriminator="kind"),
]
CARD_KINDS = (
    "basic",
    "cloze",
    "mcq",
    "true_false",
    "year",
    "ordering",
    "statements",
    "match",
    "assertion_reason",
)
# Cards made of items (statements, pairs, events), each of which may quote its own passage.
COMPOSITE_KINDS = ("statements", "match", "ordering")


def card_items(card: object) -> list:
    """The statements, pairs or events of a composite card; [] for any other kind."""
    # From the fields themselves: asking a model for a field its kind lacks is slow (pydantic
    # looks further before it fails), and every card of a deck is asked when it is checked.
    fields = getattr(card, "__dict__", {})
    for name in ("statements", "pairs", "events"):
        items = fields.get(name)
        if isinstance(items, list):
            return items
    return []


_BARE_YEAR = re.compile(r"^-?\d{1,4}$")


def offered_answers(card: object) -> list[tuple[str, AnswerType, bool]]:
    """What a card lends other cards' options: (text, answer type, True for an answer or
    False for one of its authored distractors, a weaker candidate)."""
    found: list[tuple[str, AnswerType, bool]] = []
    if isinstance(card, BasicCard | MultipleChoiceCard):
        found.append((str(card.answer), card.answer_type, True))
        found += [(str(d), card.answer_type, False) for d in card.distractors]
    elif isinstance(card, YearCard):
        found.append((str(card.answer), AnswerType.year, True))
        found += [(str(d), AnswerType.year, False) for d in card.distractors]
    elif isinstance(card, ClozeCard):
        found += [(str(answer), card.answer_type, True) for answer, _hint in card.deletions]
    elif isinstance(card, OrderingCard):
        # An event dated by its year alone is one more real year of the topic.
        found += [(e.date, AnswerType.year, True) for e in card.events if _BARE_YEAR.match(e.date)]
    return found


class Deck(Strict):
    schema_: str | None = Field(None, alias="$schema", description="JSON Schema for editors.")
    id: CardId = Field(description="Stable deck id; progress is keyed by (deck id, card id).")
    title: NonEmpty
    description: str = ""
    sources: list[CardId | SourceDocument] = Field(
        default_factory=list,
        description="Documents cited: ids of bundled documents, or documents described inline.",
    )
    cards: list[Card] = Field(default_factory=list)
    anki_note_types: list[AnkiNoteType] = Field(
        default_factory=list,
        description="Note types of the Anki notes the cards were imported from (see `anki`).",
    )

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, coerce_numbers_to_str=True
    )

    @property
    def source_ids(self) -> list[str]:
        return [s if isinstance(s, str) else s.id for s in self.sources]
