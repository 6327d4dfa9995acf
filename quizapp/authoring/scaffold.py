"""`quizapp new`: a deck file to start from, with one example card of several kinds.

The examples cite a bundled document with verbatim quotes, so the new deck
passes `quizapp check` as it is and shows how a card names its source.
"""

from __future__ import annotations

import json
from pathlib import Path

from quizapp.authoring.ids import check_deck_id, slugify
from quizapp.authoring.yamlio import schema_comment, write_files

_TEMPLATE = """\
{schema}# A quizapp deck. Progress is keyed by the deck id and each card id: never reuse one.
# Run `quizapp check {name}` after editing; `quizapp schema` prints the full format.
id: {id}
title: {title}
description: ""
# Documents the cards quote. A bundled document by id, or your own text described inline:
#   - id: my-notes
#     title: My reading notes
#     file: my-notes.txt        # relative to this deck file
sources:
  - hindu-explained
cards:
  - id: dprk-recognised
    kind: year
    question: In which year did the Soviet Union recognise North Korea?
    answer: 1948
    tags: [dates, history]
    source:
      document: hindu-explained
      quote: "when it came into existence in 1948 under Kim Jong-un's grandfather, Kim Il-sung"
  - id: debt-written-off
    kind: cloze
    text: "In 2012, Russia agreed to write off {{{{90%::share}}}} of North Korea's debt."
    answer_type: number
    tags: [numbers]
    source:
      document: hindu-explained
      quote: "In 2012, Russia agreed to write off 90% of North Korea's estimated $11 billion debt"
  - id: pact-official-name
    kind: basic
    question: What is the 2024 Russia-North Korea pact officially called?
    answer: Treaty on the Comprehensive Strategic Partnership
    accept: [Comprehensive Strategic Partnership]
    tags: [treaties]
    explanation: Signed by Vladimir Putin and Kim Jong-un in Pyongyang in June 2024.
    source:
      document: hindu-explained
      quote: "officially called the \\"Treaty on the Comprehensive Strategic Partnership"
  - id: pact-un-article
    kind: mcq
    question: Which article of the UN Charter does the pact claim to be in alignment with?
    answer: Article 51
    answer_type: article
    distractors: [Article 2, Article 42, Article 99]
    tags: [articles]
    explanation: Article 51 deals with self-defence.
    source:
      document: hindu-explained
      quote: "in alignment with Article 51 of the U.N. charter (dealing with self-defence.)"
"""


def scaffold_text(deck_id: str, title: str, file_name: str) -> str:
    return _TEMPLATE.format(
        schema=schema_comment(),
        name=file_name,
        id=deck_id,
        title=json.dumps(title, ensure_ascii=False),
    )


def default_title(deck_id: str) -> str:
    words = deck_id.replace("_", "-").replace(".", "-").split("-")
    return " ".join(w for w in words if w).capitalize() or "My deck"


def new_deck(
    target: Path | None,
    decks_dir: Path,
    deck_id: str | None = None,
    title: str | None = None,
    *,
    folder: bool = False,
) -> Path:
    """Write a new deck file and return its path; refuses to overwrite one.

    `target` is a deck file, or a folder when it is one already or `folder` is set.
    """
    check_deck_id(deck_id, Path(target or decks_dir))
    title = title.strip() if title else None
    if target is None or folder or target.is_dir():
        folder = decks_dir if target is None else target
        deck_id = deck_id or "my-deck"
        path = folder / f"{deck_id}.yaml"
    else:
        path = target if target.suffix in (".yaml", ".yml") else target.with_suffix(".yaml")
        deck_id = deck_id or slugify(path.stem, 60) or "my-deck"
    write_files({path: scaffold_text(deck_id, title or default_title(deck_id), path.name)})
    return path
