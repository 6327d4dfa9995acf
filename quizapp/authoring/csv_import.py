"""Question/answer tables as cards: CSV (question,answer[,tags]) and tab-separated text.

Quizlet's export is one card per line, term<TAB>definition; Anki's "Notes in
Plain Text" export is the same with tags in a third column. A header row
(question/answer, front/back, term/definition) is recognised and skipped.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.htmltext import html_to_text
from quizapp.authoring.ids import short_hash, slugify, tag_id
from quizapp.deck.model import BasicCard

MAX_TABLE_BYTES = 32 * 1024 * 1024
_HEADERS = {"question", "answer", "front", "back", "term", "definition", "tags", "text"}
_TAG_SPLIT = re.compile(r"[\s,;]+")
_ANKI_HEADER = re.compile(r"^#[a-z ]+:")


def import_table(path: Path) -> list[BasicCard]:
    path = Path(path)
    text = _read_text(path)
    delimiter = _delimiter(path, text)
    what = "tab-separated" if delimiter == "\t" else "comma-separated"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    cards: list[BasicCard] = []
    seen: dict[str, int] = {}
    html = False
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if not cards and _ANKI_HEADER.match(delimiter.join(row)):
                # Anki's plain-text export starts with "#separator:tab", "#html:true", ...
                html = html or delimiter.join(row).strip().lower() == "#html:true"
                continue
            if not cards and _is_header(row):
                continue
            if len(row) not in (2, 3):
                raise AuthoringError(
                    path,
                    f"row has {len(row)} {what} field(s); expected question, answer "
                    "and optionally tags",
                    _ragged_hint(delimiter),
                    line=line,
                )
            question, answer = row[0].strip(), row[1].strip()
            if html:
                question, answer = html_to_text(question), html_to_text(answer)
            if not question or not answer:
                empty = "question" if not question else "answer"
                raise AuthoringError(
                    path, f"the {empty} is empty", "fill it in or delete the row", line=line
                )
            tags = row[2] if len(row) == 3 else ""
            card_id = f"{slugify(question) or 'card'}-{short_hash(question, answer)}"
            seen[card_id] = seen.get(card_id, 0) + 1
            if seen[card_id] > 1:  # the same card twice: keep both, ids apart
                card_id = f"{card_id}-{seen[card_id]}"
            cards.append(
                BasicCard(
                    id=card_id,
                    kind="basic",
                    question=question,
                    answer=answer,
                    tags=list(dict.fromkeys(t for t in map(tag_id, _TAG_SPLIT.split(tags)) if t)),
                )
            )
    except csv.Error as exc:
        raise AuthoringError(
            path,
            f"cannot read it as {what} values: {exc}",
            _ragged_hint(delimiter),
            line=reader.line_num,
        ) from None
    if not cards:
        raise AuthoringError(path, "holds no cards", "give one question and answer per row")
    return cards


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_TABLE_BYTES:
            raise AuthoringError(path, "is larger than 32 MB", "split it into several files")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AuthoringError(path, "no such file", "check the path", content=False) from None
    except IsADirectoryError:
        raise AuthoringError(path, "is a folder, not a table", content=False) from None
    except OSError as exc:
        raise AuthoringError(path, f"cannot read it: {exc.strerror}", content=False) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise AuthoringError(
            path, "is not UTF-8 text", "save or export it as UTF-8", line=line
        ) from None


def _delimiter(path: Path, text: str) -> str:
    if path.suffix.lower() in (".tsv", ".tab", ".txt"):
        return "\t"
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if "\t" in first and "," not in first else ","


def _is_header(row: list[str]) -> bool:
    return all(cell.strip().lower() in _HEADERS for cell in row if cell.strip())


def _ragged_hint(delimiter: str) -> str:
    if delimiter == ",":
        return 'put "double quotes" around fields that contain commas'
    return "put one tab between the term and its definition, and no tab inside either"
