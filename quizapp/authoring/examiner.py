"""How likely an examiner is to ask a term of its sentence, judged from general features.

The drafter's rules give each term a score by its kind and by what the sentence says around
it; those rules were written one phrasing at a time. This module weighs the same terms by
features any notes-style document has (the kind of answer, where it stands in its sentence,
whether the sentence enacts, rules or sets a record, how often the notes name it, how long
the sentence is, where it stands in the notes, ...) with weights fitted on the chosen facts
of the evaluation documents (bench/fit_examiner.py refits them into `examiner.json`). The
correction is in the rules' units and bounded: it decides where a card goes in the file and
whether a sentence's second card is worth asking, while the rules still decide which cards
are drafted (leaning that choice toward the fitted weights lost facts when measured).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources

from quizapp.authoring.terms import COMPASS_MOST, YEAR, Term

KINDS = ("person", "place", "organisation", "name", "article", "amount", "ratio", "number",
         "year", "date")  # fmt: skip
# The word just before the answer: what role the answer plays in its sentence.
BEFORE = ("in", "on", "by", "of", "to", "at", "from", "under", "as", "the", "with", "and",
          "is", "was", "called", "named")  # fmt: skip

# What the sentence does: enacts, rules, launches, elects, hosts ...
_ACTS = re.compile(
    r"\b(?:launched|adopted|passed|enacted|ruled|held|signed|approved|established|set\sup|"
    r"introduced|created|founded|declared|won|elected|appointed|chaired|led|headed|hosted|"
    r"struck\sdown|upheld|overruled|ratified|inaugurated|unveiled|replaced|named|renamed|"
    r"designated|listed|recommended|constituted|notified|amended|inserted|added)\b"
)
_DEFINES = re.compile(r"\b(?:known\sas|called|termed|refers\sto|means|stands\sfor)\b")
_RECORD = re.compile(
    r"\b(?:first|only|largest|highest|lowest|biggest|smallest|most|least|record|oldest|"
    rf"newest|longest|\w+est|{COMPASS_MOST})\b",
)
# Only capitalised words before the term, after an opening phrase of time: the subject
# ("Mira Solanki became ...", "In 2032 Mira Solanki became ...", "On 1 May 2024, the Court ...").
_SUBJECT = re.compile(
    r"(?:(?:In|On|By|Since|From)\s(?:\d{1,2}\s)?(?:[A-Z][a-z]+\s)?\d{4},?\s)?"
    r"(?:(?:The|A|An)\s)?(?:[A-Z][\w.'\u2019-]*\s)*"
)


@dataclass(frozen=True)
class Place:
    """Where a term stands: its sentence, the document around it, what the rules made of it."""

    sentence: str
    term: Term
    score: float  # the rules' score of the term here
    index: int  # the sentence's place among the document's sentences
    sentences: int  # how many sentences the document has
    first: bool  # the first sentence of its paragraph
    context: bool  # quoted with sentences before it
    mentions: int  # how often the document names the answer
    before: int  # how often it was named before this sentence
    terms: tuple[Term, ...] = ()  # every term of the sentence, this one among them
    kind_share: float = 0.0  # the share of the document's terms of this term's kind


def features(place: Place) -> dict[str, float]:
    """The general features of one term in its sentence, as numbers."""
    sentence, term = place.sentence, place.term
    answer = term.answer
    before = sentence[: term.start]
    after = sentence[term.end :]
    out: dict[str, float] = {f"kind={kind}": float(term.kind == kind) for kind in KINDS}
    previous = re.search(r"([A-Za-z]+)\W*$", before)
    word = previous.group(1).casefold() if previous else ""
    out.update({f"before={w}": float(word == w) for w in BEFORE})
    others = [t for t in place.terms if t is not term]
    years = [m for m in YEAR.finditer(sentence) if not (term.start <= m.start() < term.end)]
    out.update(
        {
            "rules": place.score,
            "worth": term.worth,
            "worth_below_best": max((t.worth for t in place.terms), default=term.worth)
            - term.worth,
            "answer_words": min(len(answer.split()), 6) / 6,
            "acronym": float(re.fullmatch(r"[A-Z][A-Z0-9-]{1,7}", answer) is not None),
            "digits": float(any(ch.isdigit() for ch in answer)),
            "percent": float("%" in answer or "per cent" in answer),
            "money": float(
                re.match(r"(?:US)?[$\u20ac\u00a3\u20b9]|Rs|USD|INR", answer) is not None
            ),
            "capitalised": float(answer[:1].isupper()),
            "quoted": float(bool(re.search(r"[\"\u201c\u2018']$", before))),
            "defined": float(bool(re.match(r"\s\([A-Z]", after))),
            "listed": float(term.listed),
            "subject": float(_SUBJECT.fullmatch(before) is not None),
            "position": term.start / max(1, len(sentence)),
            "ends_sentence": float(bool(re.fullmatch(r"[.\"'\u201d)\]]*", after.strip()))),
            "sentence_acts": float(bool(_ACTS.search(sentence))),
            "sentence_defines": float(bool(_DEFINES.search(sentence))),
            "sentence_record": float(bool(_RECORD.search(sentence))),
            "sentence_dated": float(bool(years)),
            "sentence_words": min(len(sentence.split()), 50) / 50,
            "short_sentence": float(len(sentence.split()) <= 12),
            "other_terms": min(len(others), 6) / 6,
            "same_kind_terms": min(sum(t.kind == term.kind for t in others), 4) / 4,
            "kind_share": place.kind_share,
            "mentions": math.log1p(place.mentions),
            "named_before": float(place.before > 0),
            "document_position": place.index / max(1, place.sentences),
            "lead": float(place.index < 2),
            "paragraph_first": float(place.first),
            "context": float(place.context),
        }
    )
    # What the sentence says of the answer: the subject of a record or of an act is its news.
    out["subject_of_record"] = out["subject"] * out["sentence_record"]
    out["subject_of_act"] = out["subject"] * out["sentence_acts"]
    out["first_named_name"] = (1 - out["named_before"]) * out["capitalised"]
    return out


LIMIT = 0.5  # the most the fitted correction moves a term's score, either way


@dataclass(frozen=True)
class Examiner:
    """Fitted weights: the change to a term's score per unit of each feature, from its mean."""

    weights: dict[str, float] = field(default_factory=dict)
    means: dict[str, float] = field(default_factory=dict)
    # What the correction is added to: the rules' whole score, or the term's worth alone
    # (the sentence-level rules then left to the features).
    base: str = "rules"

    def score(self, place: Place) -> float:
        """The term's score: its base plus the fitted correction."""
        if not self.weights:
            return place.score
        values = features(place)
        correction = sum(
            w * (values.get(k, 0.0) - self.means.get(k, 0.0)) for k, w in self.weights.items()
        )
        # The fitted weights move a term past terms the rules score a little higher or
        # lower, never past ones they score far apart.
        return values[self.base] + max(-LIMIT, min(LIMIT, correction))

    def to_json(self) -> str:
        data = {"base": self.base, "weights": self.weights, "means": self.means}
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Examiner:
        data = json.loads(text)
        return cls(dict(data["weights"]), dict(data["means"]), data.get("base", "rules"))


NO_EXAMINER = Examiner()  # the rules alone


def fitted() -> Examiner:
    """The weights shipped with the package (bench/fit_examiner.py writes them)."""
    data = resources.files("quizapp.authoring").joinpath("examiner.json")
    if not data.is_file():
        return NO_EXAMINER
    return Examiner.from_json(data.read_text(encoding="utf-8"))
