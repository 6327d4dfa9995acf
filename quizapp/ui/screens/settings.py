"""The settings screen: every setting of the settings file, edited in place.

Each field is checked as it is typed, with the words the app uses when it
reads the file; a wrong field shows why beside it and is never written. Saving
goes through `quizapp.config.save_settings`, which keeps the learner's comments
and anything else in the file. The theme changes at once; the rest is read
when quizapp next starts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Input, Select, Static

from quizapp.config import (
    THEMES,
    Settings,
    SettingsFileError,
    default_config_path,
    load_settings,
    parse_setting,
    read_settings_document,
    save_settings,
)
from quizapp.ui.text import literal
from quizapp.ui.widgets.footer import Footer


@dataclass(frozen=True)
class Field:
    """One line of the screen: a setting of the file, or one binding of the keymap."""

    key: str  # setting name, or "keymap.<binding id>"
    label: str
    explanation: str


SETTINGS = (
    Field("new_per_day", "New cards a day", "New cards shown each day in each deck; 0 stops them."),
    Field(
        "desired_retention",
        "Desired retention",
        "Chance you still recall a card when it is due; higher means more reviews.",
    ),
    Field(
        "learning_steps_minutes",
        "Learning steps (min)",
        "Minutes between the first showings of a new card, e.g. [1, 10].",
    ),
    Field(
        "relearning_steps_minutes",
        "Relearning steps (min)",
        "Minutes between showings of a card you forgot, e.g. [10].",
    ),
    Field(
        "maximum_interval_days",
        "Maximum interval (days)",
        "The longest wait, in days, before a card comes back.",
    ),
    Field(
        "rollover_hour",
        "Day rollover hour",
        "Hour (0-23) a study day begins; earlier reviews count as the day before.",
    ),
    Field(
        "leech_lapses",
        "Leech lapses",
        "Forgotten this many times, a card is a leech and suspended; 0: never.",
    ),
    Field("theme", "Theme", "The app's colours; they change as soon as you choose."),
    Field("exam_right", "Exam: right answer", "Marks for a right answer in an exam (UPSC: 2)."),
    Field(
        "exam_wrong",
        "Exam: wrong answer",
        "Marks for a wrong answer; negative takes marks off (UPSC: -0.66).",
    ),
    Field("exam_skipped", "Exam: skipped", "Marks for a question left unanswered (UPSC: 0)."),
    Field(
        "exam_date",
        "Exam date",
        "Your exam's day, e.g. 2027-05-24: reviews come before it. Empty: none.",
    ),
)

NOTE = (
    "The theme changes at once; scheduling, exam marks and keys take effect the next "
    "time quizapp starts. ctrl+s saves, Esc closes."
)


def key_fields() -> list[tuple[Field, str]]:
    """Every binding a keymap may rebind, with its default key(s), in screen order."""
    from textual.binding import Binding as TextualBinding

    from quizapp.ui.screens.keymap import binding_ids, rebindable_screens

    known = binding_ids()
    found: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for place, screen in rebindable_screens():
        for binding in screen.BINDINGS:
            if not isinstance(binding, TextualBinding) or binding.id not in known:
                continue
            places, descriptions, keys = found.setdefault(binding.id, ([], [], []))
            places.append(place)
            if binding.description not in descriptions:
                descriptions.append(binding.description)
            if binding.key not in keys:
                keys.append(binding.key)
    return [
        (
            Field(
                f"keymap.{binding_id}",
                binding_id,
                f"{' and '.join(places)}: {' / '.join(descriptions)}; default {' / '.join(keys)}",
            ),
            keys[0],
        )
        for binding_id, (places, descriptions, keys) in found.items()
    ]


def setting_text(value: Any) -> str:
    """A default value as the learner would type it."""
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "[" + ", ".join(setting_text(v) for v in value) + "]"
    if isinstance(value, float):
        return format(value, ".6g")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def widget_id(key: str) -> str:
    return "field-" + key.replace(".", "-")


class SettingsScreen(Screen):
    CSS_PATH = "settings.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="settings-save"),
        Binding("escape", "close", "Close", id="settings-close"),
    ]

    def __init__(self, config_path: Path | None = None) -> None:
        super().__init__()
        self.path = config_path or default_config_path()
        self.file_error: str | None = None
        self.problems: list[str] = []
        self.saved: dict[str, str] = {}  # field -> its text as the file now has it
        self.errors: dict[str, str] = {}  # field -> why its text cannot be saved
        self.keys = key_fields()
        self._read_file()

    # -- what the file holds -------------------------------------------------------------

    def _read_file(self) -> None:
        try:
            document = read_settings_document(self.path)
        except SettingsFileError as problem:
            self.file_error = str(problem)
            document = {}
        chosen, self.problems = load_settings(self.path)
        if self.file_error:
            self.problems = []  # the syntax error says it all
        defaults = Settings()
        for field in SETTINGS:
            if field.key == "theme":
                self.saved["theme"] = chosen.theme
            elif field.key in document:
                written = document[field.key].as_string().strip()  # as the learner wrote it
                if "\n" in written:  # e.g. a list over several lines: one line here
                    written = setting_text(document[field.key].unwrap())
                self.saved[field.key] = written
            else:
                self.saved[field.key] = setting_text(getattr(defaults, field.key))
        keymap = document.get("keymap")
        keymap = keymap if isinstance(keymap, dict) else {}
        for field, default in self.keys:
            binding_id = field.key.removeprefix("keymap.")
            chosen_key = keymap.get(binding_id)
            self.saved[field.key] = str(chosen_key) if isinstance(chosen_key, str) else default

    # -- drawing ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="settings"):
            yield Static(literal(f"File: {self.path}"), id="file", classes="muted")
            yield Static(NOTE, id="note", markup=False)
            file_error = Static(literal(f"Saving is off: {self.file_error}"), id="file-error")
            file_error.display = bool(self.file_error)
            yield file_error
            problems = Static(
                literal(
                    "The file has problems (the default is used for each):\n"
                    + "\n".join(self.problems)
                ),
                id="problems",
            )
            problems.display = bool(self.problems)
            yield problems
            for field in SETTINGS:
                with Vertical(classes="setting"):
                    with Horizontal(classes="line"):
                        yield Static(field.label, classes="label", markup=False)
                        yield self._editor(field)
                    yield Static(field.explanation, classes="explain muted", markup=False)
                    yield Static("", id=widget_id(field.key) + "-error", classes="error")
            yield Static("Keys (empty: the default key)", classes="section")
            for field, _ in self.keys:
                with Horizontal(classes="line key"):
                    yield Static(field.label, classes="label", markup=False)
                    yield self._editor(field)
                    yield Static(field.explanation, classes="explain muted", markup=False)
        yield Footer()

    def _editor(self, field: Field) -> Input | Select:
        if field.key == "theme":
            return Select(
                [(name, name) for name in THEMES],
                value=self.saved["theme"],
                allow_blank=False,
                compact=True,
                id=widget_id(field.key),
            )
        return Input(self.saved[field.key], compact=True, id=widget_id(field.key))

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        self.theme_before = self.app.theme  # back to it if a chosen theme is discarded
        for field in SETTINGS:
            if field.key != "theme":
                self._check(field.key)
        self.query_one(f"#{widget_id(SETTINGS[0].key)}", Input).focus()

    # -- editing ---------------------------------------------------------------------------

    def _field_of(self, widget_id_: str | None) -> str | None:
        for field in [*SETTINGS, *(f for f, _ in self.keys)]:
            if widget_id(field.key) == widget_id_:
                return field.key
        return None

    def _text(self, key: str) -> str:
        widget = self.query_one(f"#{widget_id(key)}")
        if isinstance(widget, Select):
            return str(widget.value)
        return widget.value

    def _value(self, key: str) -> Any:
        """What the field's text means for the file; ValueError says why it cannot be saved."""
        text = self._text(key)
        if key.startswith("keymap."):
            return text.strip() or None  # empty: the binding's own key again
        return parse_setting(key, text)

    def _check(self, key: str) -> None:
        try:
            self._value(key)
        except ValueError as problem:
            self.errors[key] = f"{key} {problem}"
        else:
            self.errors.pop(key, None)
        if not key.startswith("keymap."):
            message = self.errors.get(key, "")
            shown = self.query_one(f"#{widget_id(key)}-error", Static)
            shown.update(literal(f"✗ {message}" if message else ""))
            shown.set_class(bool(message), "-shown")
            self.query_one(f"#{widget_id(key)}").set_class(bool(message), "-bad")

    def on_input_changed(self, event: Input.Changed) -> None:
        key = self._field_of(event.input.id)
        if key is not None:
            self._check(key)
            self._show_unsaved()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in THEMES:
            self.app.theme = event.value
        self._show_unsaved()

    def _show_unsaved(self) -> None:
        self.sub_title = "Settings · unsaved changes" if self.unsaved() else "Settings"

    def unsaved(self) -> list[str]:
        """The fields whose text differs from the file."""
        return [key for key in self.saved if self._text(key) != self.saved[key]]

    # -- saving and closing --------------------------------------------------------------

    def action_save(self) -> bool:
        """Write every changed field that is right; True when nothing is left unsaved."""
        changed = self.unsaved()
        if not changed:
            self.notify("Nothing to save: the file already says this.", timeout=4)
            return True
        if self.file_error:
            self.notify(f"Not saved: {self.file_error}", severity="error", timeout=10, markup=False)
            return False
        good = [key for key in changed if key not in self.errors]
        bad = [key for key in changed if key in self.errors]
        changes: dict[str, Any] = {}
        for key in good:
            if key.startswith("keymap."):
                changes.setdefault("keymap", {})[key.removeprefix("keymap.")] = self._value(key)
            else:
                changes[key] = self._value(key)
        if changes:
            try:
                save_settings(self.path, changes)
            except SettingsFileError as problem:
                self.file_error = str(problem)
                shown = self.query_one("#file-error", Static)
                shown.update(literal(f"Saving is off: {self.file_error}"))
                shown.display = True
                self.notify(f"Not saved: {problem}", severity="error", timeout=10, markup=False)
                return False
            except OSError as problem:
                self.notify(
                    f"Not saved: cannot write {self.path} ({problem})",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
                return False
            for key in good:
                self.saved[key] = self._text(key)
            if "theme" in good:
                self.theme_before = self.saved["theme"]
            self._show_unsaved()
        if bad:
            self.notify(
                f"Saved {len(good)} setting(s). Not saved until put right: " + ", ".join(bad),
                severity="warning",
                timeout=8,
                markup=False,
            )
            return False
        self.notify(f"Saved to {self.path}", timeout=4, markup=False)
        return True

    def action_close(self) -> None:
        changed = self.unsaved()
        if not changed:
            self.app.pop_screen()
            return

        def chosen(answer: str | None) -> None:
            if answer == "save" and self.action_save():
                self.app.pop_screen()
            elif answer == "discard":
                self.app.theme = self.theme_before
                self.app.pop_screen()

        self.app.push_screen(UnsavedScreen(changed), chosen)


class UnsavedScreen(ModalScreen[str]):
    """Asked on leaving with unsaved changes: save, discard, or keep editing."""

    CSS_PATH = "settings.tcss"
    BINDINGS = [
        Binding("s", "answer('save')", "Save", id="unsaved-save"),
        Binding("d", "answer('discard')", "Discard", id="unsaved-discard"),
        Binding("escape", "answer('stay')", "Keep editing", id="unsaved-stay"),
    ]

    def __init__(self, changed: list[str]) -> None:
        super().__init__()
        self.changed = changed

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved"):
            yield Static(
                "Unsaved changes: " + ", ".join(self.changed) + ". Save them?", markup=False
            )
            yield Static("s save · d discard · Esc keep editing", classes="muted")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
