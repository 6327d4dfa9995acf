"""The learner's settings: one typed object, read once from the settings file.

quizapp.config reads and checks the file (`load_settings`) and builds this object; the app
(``QuizApp(settings=...)``), the commands and the store are all handed the same one. The names
of the fields the file may set (FILE_SETTINGS) are the file's keys. The rest are not the
learner's to choose: the program sets them (the time zone and the fuzz in tests, the fitted
FSRS parameters saved in the progress database).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "monokai", "solarized-light")


@dataclass(frozen=True)
class Settings:
    # -- from the settings file --------------------------------------------------------------
    new_per_day: int = 20  # per deck
    desired_retention: float = 0.9
    learning_steps_minutes: tuple[float, ...] = (1.0, 10.0)
    relearning_steps_minutes: tuple[float, ...] = (10.0,)
    maximum_interval_days: int = 36500
    rollover_hour: int = 4  # the study day starts at this local hour, as in Anki
    leech_lapses: int = 8  # forgotten this often: tagged a leech and suspended (0: never)
    theme: str = "textual-dark"
    exam_right: float = 2.0  # marks per answer; UPSC Prelims: +2, -2/3, 0
    exam_wrong: float = -2 / 3
    exam_skipped: float = 0.0
    keymap: dict[str, str] = field(default_factory=dict)  # binding id = key
    exam_date: date | None = None  # every card studied is due again before this day
    # -- set by the program ------------------------------------------------------------------
    timezone: str | None = None  # IANA name; None: the system's local time
    parameters: tuple[float, ...] | None = None  # FSRS weights; None: the fsrs defaults
    enable_fuzzing: bool = True
    learn_ahead: timedelta = timedelta(minutes=20)  # show learning cards this early if idle

    @property
    def learning_steps(self) -> tuple[timedelta, ...]:
        return tuple(timedelta(minutes=m) for m in self.learning_steps_minutes)

    @property
    def relearning_steps(self) -> tuple[timedelta, ...]:
        return tuple(timedelta(minutes=m) for m in self.relearning_steps_minutes)

    @property
    def maximum_interval(self) -> int:
        """In days."""
        return self.maximum_interval_days

    @property
    def exam_marks(self) -> tuple[float, float, float]:
        """Right, wrong, skipped: checked when an exam starts (quizapp.quiz.marking)."""
        return (self.exam_right, self.exam_wrong, self.exam_skipped)


FILE_SETTINGS = (
    "new_per_day",
    "desired_retention",
    "learning_steps_minutes",
    "relearning_steps_minutes",
    "maximum_interval_days",
    "rollover_hour",
    "leech_lapses",
    "theme",
    "exam_right",
    "exam_wrong",
    "exam_skipped",
    "keymap",
    "exam_date",
)
