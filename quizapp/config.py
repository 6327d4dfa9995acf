"""The learner's settings file: one TOML file in the platform's config folder.

`load_settings` reads it once into the one settings object (quizapp.core.settings.Settings),
which the app and every command are handed. A bad value never stops the app: it is reported
(setting, file, what is allowed) and the default is used in its place. The settings screen
writes the same file through `save_settings`, which keeps the learner's comments, layout and
anything it does not know.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.core.settings import FILE_SETTINGS, THEMES, Settings

if TYPE_CHECKING:
    from tomlkit import TOMLDocument


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
    known = set(FILE_SETTINGS)
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


class SettingsFileError(Exception):
    """The settings file cannot be read or parsed, so it is left as it is."""


def parse_setting(name: str, text: str) -> Any:
    """The TOML value typed for a setting, or ValueError with the same words as `_check`.

    The text is read as a TOML value (20, 0.85, [1, 10], 2027-05-24, "nord"); a
    list of steps may leave out its brackets; an empty exam date means none
    (None). Text that is not a TOML value is checked as a string, so it gets
    the setting's own message ("must be a whole number, 0 or more").
    """
    text = text.strip()
    if name == "exam_date" and not text:
        return None
    if name in {"learning_steps_minutes", "relearning_steps_minutes"} and not text.startswith("["):
        text = f"[{text}]"
    try:
        parsed = tomllib.loads(f"value = {text}")
    except tomllib.TOMLDecodeError:
        parsed = {}
    value = parsed["value"] if list(parsed) == ["value"] else text
    _check(name, value)
    return value


def read_settings_document(path: Path) -> TOMLDocument:
    """The settings file as an editable TOML document (empty if there is no file yet).

    Raises SettingsFileError naming the file, and the line and column of a
    syntax error, when the file cannot be read or is not valid TOML.
    """
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return tomlkit.document()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsFileError(f"{path}: cannot read the settings ({exc})") from exc
    try:
        tomllib.loads(text)  # the reader the app starts with decides what is valid
        return tomlkit.parse(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsFileError(
            f"{path}: syntax error: {exc}; fix it in an editor (the file was left as it is)"
        ) from exc
    except ParseError as exc:
        raise SettingsFileError(
            f"{path}:{exc.line}:{exc.col}: syntax error: {exc}; "
            "fix it in an editor (the file was left as it is)"
        ) from exc


def save_settings(path: Path, changes: Mapping[str, Any]) -> None:
    """Write `changes` into the settings file, keeping everything else in it as it was.

    `changes` maps a setting to its new TOML value, or to None to remove it (the
    default applies again); "keymap" maps binding ids to a key, or to None to
    drop that binding's entry. Every value is checked first (ValueError naming
    the setting). A file that cannot be parsed raises SettingsFileError and is
    not touched. The new file replaces the old in one step, so a crash leaves
    one or the other, never half of each.
    """
    import tomlkit

    for name, value in changes.items():
        if name == "keymap":
            keys = {k: v for k, v in value.items() if v is not None}
            _checked(name, keys)
        elif value is not None:
            _checked(name, _toml_value(value))
    existed = path.exists()
    document = read_settings_document(path)
    if not existed:
        document.add(tomlkit.comment("quizapp settings: edit here or on the settings screen"))
    for name, value in changes.items():
        if name == "keymap":
            _update_keymap(document, value)
        elif value is None:
            document.pop(name, None)
        else:
            _set_top_level(document, name, _toml_value(value))
    text = tomlkit.dumps(document)
    tomllib.loads(text)  # what is written must read back
    _replace_file(path, text)


def _checked(name: str, value: Any) -> Any:
    try:
        return _check(name, value)
    except ValueError as exc:
        raise ValueError(f"{name} = {value!r} {exc}") from exc
    except KeyError as exc:
        raise ValueError(f"unknown setting {name!r}") from exc


def _toml_value(value: Any) -> Any:
    if isinstance(value, tuple | list):
        # Whole minutes read best as 1, not 1.0.
        return [int(v) if isinstance(v, float) and v.is_integer() else v for v in value]
    return value


def _set_top_level(document: TOMLDocument, name: str, value: Any) -> None:
    """Replace a setting in place (its comment stays), or add it after the last setting.

    tomlkit would otherwise put a new key just above the first table, below any
    comment the learner wrote for that table.
    """
    from tomlkit.items import AoT, Table

    if name in document:
        document[name] = value
        return
    last = None
    for key, item in document.body:
        if key is not None and not isinstance(item, Table | AoT):
            last = key
    if last is None:
        document[name] = value
    else:
        document._insert_after(last, name, value)  # tomlkit has no public insert


def _update_keymap(document: TOMLDocument, keys: Mapping[str, str | None]) -> None:
    import tomlkit

    table = document.get("keymap")
    if not isinstance(table, dict):  # absent, or not a table (a bad value, reported at start)
        if all(v is None for v in keys.values()):
            return
        document.pop("keymap", None)
        document["keymap"] = tomlkit.table()
        table = document["keymap"]
    for binding, key in keys.items():
        if key is None:
            table.pop(binding, None)
        else:
            table[binding] = key


def _replace_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
