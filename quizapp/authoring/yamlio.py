"""Write decks as readable block-style YAML, atomically, never over an existing file.

PyYAML writes; the loader reads back with yaml-rs (YAML 1.2). Strings that a
YAML 1.2 reader could take for a number, a boolean or null are always quoted,
so a written deck loads back to exactly the same cards.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from quizapp.authoring.errors import AuthoringError
from quizapp.deck.model import CardBase, Deck
from quizapp.deck.schema import SCHEMA_PATH

# Plain scalars that YAML 1.1 or 1.2 may read as something other than a string.
_AMBIGUOUS = re.compile(
    r"^(?:[-+.]?\d.*|[-+]?\.(?:inf|nan)|~|null|true|false|yes|no|on|off|y|n|=|<<)$",
    re.IGNORECASE,
)


class _Flow(list):
    """A short list of scalars, written on one line: `tags: [dates, history]`."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as people write YAML by hand.
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if _AMBIGUOUS.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)

_BASE_FIELDS = list(CardBase.model_fields)


def card_data(card: Any) -> dict[str, Any]:
    """A card as YAML-ready data: id and kind first, then what is asked, then the rest."""
    data = card.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    data["kind"] = card.kind
    own = [f for f in type(card).model_fields if f not in _BASE_FIELDS and f != "kind"]
    order = ["id", "kind", *own, *[f for f in _BASE_FIELDS if f != "id"]]
    out = {key: data[key] for key in order if key in data}
    for key, value in out.items():
        short = isinstance(value, list) and sum(len(str(v)) for v in value) <= 60
        if short and value and all(isinstance(v, str | int) for v in value):
            out[key] = _Flow(value)
    return out


def deck_data(deck: Deck) -> dict[str, Any]:
    data: dict[str, Any] = {"id": deck.id, "title": deck.title}
    if deck.description:
        data["description"] = deck.description
    data["sources"] = [
        s if isinstance(s, str) else s.model_dump(mode="json", exclude_none=True)
        for s in deck.sources
    ]
    data["cards"] = [card_data(card) for card in deck.cards]
    return data


def schema_comment() -> str:
    """The line that lets YAML-aware editors validate and complete the deck."""
    return f"# yaml-language-server: $schema={SCHEMA_PATH.resolve().as_uri()}\n"


def deck_yaml(deck: Deck, header: str = "") -> str:
    body = yaml.dump(
        deck_data(deck),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=False,
        indent=2,
    )
    return header + body


def write_files(files: dict[Path, str | bytes], *, overwrite: bool = False) -> None:
    """Write several files, all or none: every temp file is made before any is moved."""
    for path in files:
        if Path(path).exists() and not overwrite:
            raise AuthoringError(
                path,
                "already exists; nothing was written",
                "choose another file name or remove it",
                content=False,
            )
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(fd, "wb") as out:
                out.write(data)
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise AuthoringError(
            staged[-1][1] if staged else next(iter(files)),
            f"cannot write it: {exc.strerror}",
            content=False,
        ) from None
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
