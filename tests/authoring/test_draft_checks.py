"""`quizapp check` on draft decks: what an examiner would reject, and a missing document."""

import datetime as dt
import shutil

from quizapp.deck.check import check

DOCUMENT = """\
Summit notes
The summit met in Baku from 27 to 28 February 2025 under Mukhtar Babayev.
European Commission President Ursula von der Leyen did not attend.
The Roadmap to 1.3T was adopted.
"""

DECK = """\
id: drafts
title: Drafts
sources:
  - id: notes
    title: Summit notes
    file: notes.txt
cards:
  - id: day
    kind: cloze
    text: The summit met in Baku from {{27}} to 28 February 2025 under Mukhtar Babayev.
    source: {document: notes, quote: "The summit met in Baku from 27 to 28 February 2025"}
    status: draft
  - id: fragment
    kind: cloze
    text: European Commission President {{Ursula}} von der Leyen did not attend.
    source: {document: notes, quote: "European Commission President Ursula von der Leyen"}
    status: draft
  - id: number-fragment
    kind: cloze
    text: The Roadmap to {{1}}.3T was adopted.
    source: {document: notes, quote: "The Roadmap to 1.3T was adopted."}
    status: draft
  - id: place-fragment
    kind: cloze
    text: The summit's next host sits on the {{Bay}} of Bengal.
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: entry-fragment
    kind: cloze
    text: Water is a State subject under {{Entry}} 17 of the State List.
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: stop-word
    kind: mcq
    question: "Which word fills the blank? ____ summit met in Baku."
    answer: The
    distractors: [A, An]
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: long
    kind: basic
    question: "LONG"
    answer: Baku
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: undated
    kind: ordering
    events:
      - {event: "The summit met in Baku in ____.", date: "2024"}
      - {event: "Parties must submit plans with targets for 2035, by February ____.", date: "2025"}
      - {event: "Ursula von der Leyen did not attend.", date: "2026"}
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: after-lead
    kind: cloze
    text: "The Act \u2026 Under {{Section 3(b)}}, it also applies to processing outside India."
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: after-people
    kind: cloze
    text: The Norwegian {{Halvard Rustad}} reached the Velan Pole in 1911.
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: society-fragment
    kind: cloze
    text: She joined the American {{Physical Society}} in 1920.
    source: {document: notes, quote: "The summit met in Baku"}
    status: draft
  - id: good
    kind: cloze
    text: The summit met in {{Baku}} from 27 to 28 February 2025.
    source: {document: notes, quote: "The summit met in Baku from 27 to 28 February 2025"}
    status: draft
  - id: reviewed
    kind: cloze
    text: European Commission President {{Ursula}} von der Leyen did not attend.
    source: {document: notes, quote: "European Commission President Ursula von der Leyen"}
"""


def write(folder, deck=DECK):
    (folder / "notes.txt").write_text(DOCUMENT, encoding="utf-8")
    path = folder / "drafts.yaml"
    path.write_text(deck.replace('"LONG"', '"' + "Where? " * 40 + '"'), encoding="utf-8")
    return path


def messages(report, card_id):
    return [p.message for p in report.problems if p.card_id == card_id]


def flags(report, card_id):
    """What check says of a card beyond its being a draft."""
    return [m for m in messages(report, card_id) if not m.endswith("is a draft, never studied")]


def test_check_flags_drafts_an_examiner_would_reject(tmp_path):
    report = check([write(tmp_path)], dt.date(2026, 12, 1))
    assert report.errors == []
    assert flags(report, "day") == ["draft card 'day': the blank is the day of a date ('27')"]
    assert flags(report, "fragment") == [
        "draft card 'fragment': the blank is a fragment of a name or number ('Ursula')"
    ]
    assert flags(report, "number-fragment") == [
        "draft card 'number-fragment': the blank is a fragment of a name or number ('1')"
    ]
    assert flags(report, "place-fragment") == [
        "draft card 'place-fragment': the blank is a fragment of a name or number ('Bay')"
    ]
    assert flags(report, "entry-fragment") == [
        "draft card 'entry-fragment': the blank is a fragment of a name or number ('Entry')"
    ]
    assert flags(report, "stop-word") == [
        "draft card 'stop-word': the blank is a stop word ('The')"
    ]
    assert flags(report, "long") == ["draft card 'long': the prompt is 279 characters (over 250)"]
    undated = flags(report, "undated")
    assert len(undated) == 3
    assert "'Parties must submit plans with targets for 2035, by February ____.'" in undated[0]
    assert "'Ursula von der Leyen did not attend.' has no explicit date" in undated[1]
    # Not a draft rule: any ordering card whose events quote nothing is told so.
    assert undated[2] == "card 'undated': event 1, 2, 3 cite no quote"
    # A good draft only says it is a draft; a reviewed card is the author's own choice.
    assert messages(report, "good") == ["card 'good' is a draft, never studied"]
    # "…" ends the lead a prompt quotes before its sentence: "Under" opens that sentence
    assert flags(report, "after-lead") == []
    # a people's name before a person's is not part of the name; one a body opens with is
    assert flags(report, "after-people") == []
    assert flags(report, "society-fragment") == [
        "draft card 'society-fragment': the blank is a fragment of a name or number "
        "('Physical Society')"
    ]
    assert messages(report, "reviewed") == []
    assert report.exit_code() == 0 and report.exit_code(strict=True) == 1


def test_a_missing_document_is_one_error_not_one_per_card(tmp_path):
    deck = write(tmp_path)
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    shutil.move(deck, moved / deck.name)
    report = check([moved / deck.name], dt.date(2026, 12, 1))
    (error,) = report.errors
    assert "notes.txt" in str(error)
    assert not any("does not list in `sources`" in p.message for p in report.problems)


def test_a_card_citing_an_unlisted_document_is_still_an_error(tmp_path):
    unlisted = DECK.replace('notes, quote: "The Roadmap', 'other, quote: "The Roadmap')
    deck = write(tmp_path, unlisted)
    report = check([deck], dt.date(2026, 12, 1))
    assert [p.message for p in report.errors] == [
        "card 'number-fragment' cites document 'other', which the deck does not list in `sources`"
    ]
