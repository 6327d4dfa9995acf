"""The deck format's JSON Schema, for editors with a YAML language server."""

from __future__ import annotations

import json
from pathlib import Path

from quizapp.deck.model import Deck

SCHEMA_PATH = Path(__file__).with_name("deck.schema.json")


def deck_json_schema() -> dict:
    schema = Deck.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "quizapp deck"
    return schema


def deck_json_schema_text() -> str:
    return json.dumps(deck_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # regenerate the published file
    SCHEMA_PATH.write_text(deck_json_schema_text(), encoding="utf-8")
