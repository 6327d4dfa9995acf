"""The learner's settings: one TOML file in the platform's config folder.

A bad value never stops the app: it is reported (setting, file, what is
allowed) and the default is used in its place.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "monokai", "solarized-light")


@dataclass(frozen=True)
class Settings:
    new_per_day: int = 20
    desired_retention: float = 0.9
    learning_steps_minutes: tuple[float, ...] = (1.0, 10.0)
    relearning_steps_minutes: tuple[float, ...] = (10.0,)
    maximum_interval_days: int = 36500
    rollover_hour: int = 4
    leech_lapses: int = 8
    theme: str = "textual-dark"
    exam_right: float = 2.0
    exam_wrong: float = -2 / 3
    exam_skipped: float = 0.0
    keymap: dict[str, str] = field(default_factory=dict)
    exam_date: dt.date | None = None


def _check(name: str, value: Any) -> Any:
    """The value converted to its setting's type, or ValueError saying what is allowed."""
    if name in {"new_per_day", "maximum_interval_days", "leech_lapses"}:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("must be a whole number, 0 or more")
        return value
    if name == "rollover_hour":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 23:
            raise ValueError("must be an hour from 0 to 23")
        return value
    if name == "desired_retention":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0.7 <= value <= 0.99
        ):
            raise ValueError("must be a number from 0.70 to 0.99")
        return float(value)
    if name in {"learning_steps_minutes", "relearning_steps_minutes"}:
        if not isinstance(value, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and v > 0 for v in value
        ):
            raise ValueError("must be a list of minutes, e.g. [1, 10]")
        return tuple(float(v) for v in value)
    if name == "theme":
        if value not in THEMES:
            raise ValueError("must be one of " + ", ".join(THEMES))
        return value
    if name in {"exam_right", "exam_wrong", "exam_skipped"}:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("must be a number of marks")
        return float(value)
    if name == "exam_date":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise ValueError("must be a date, e.g. exam_date = 2027-05-24")
        return value
    if name == "keymap":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise ValueError('must be a table of action = "key", e.g. undo = "ctrl+z"')
        return dict(value)
    raise KeyError(name)


def default_config_path() -> Path:
    override = os.environ.get("QUIZAPP_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path("quizapp") / "config.toml"


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Settings from the file (defaults where absent or bad) and one message per problem."""
    path = path or default_config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), [f"{path}: cannot read the settings ({exc}); using the defaults"]
    except tomllib.TOMLDecodeError as exc:
        return Settings(), [f"{path}: not valid TOML ({exc}); using the defaults"]
    known = {f.name for f in fields(Settings)}
    settings, problems = Settings(), []
    for name, value in raw.items():
        if name not in known:
            problems.append(
                f"{path}: unknown setting {name!r} ignored (known: {', '.join(sorted(known))})"
            )
            continue
        try:
            settings = replace(settings, **{name: _check(name, value)})
        except ValueError as exc:
            default = getattr(Settings(), name)
            problems.append(f"{path}: {name} = {value!r} {exc}; using the default ({default!r})")
    return settings, problems
