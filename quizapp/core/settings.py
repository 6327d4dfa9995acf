"""Scheduling settings (FSRS and the study queue)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class SchedulerSettings:
    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval: int = 36500  # days
    enable_fuzzing: bool = True
    new_per_day: int = 20  # per deck
    rollover_hour: int = 4  # the study day starts at this local hour, as in Anki
    timezone: str | None = None  # IANA name; None: the system's local time
    parameters: tuple[float, ...] | None = None  # FSRS weights; None: the fsrs defaults
    learn_ahead: timedelta = timedelta(minutes=20)  # show learning cards this early if idle
    exam_date: date | None = None  # every card studied is due again before this day
    leech_lapses: int = 8  # forgotten this often: tagged a leech and suspended (0: never)


def from_learner_settings(chosen: Any) -> SchedulerSettings:
    """The scheduling part of the learner's settings file (`quizapp.config.Settings`)."""
    return SchedulerSettings(
        desired_retention=chosen.desired_retention,
        learning_steps=tuple(timedelta(minutes=m) for m in chosen.learning_steps_minutes),
        relearning_steps=tuple(timedelta(minutes=m) for m in chosen.relearning_steps_minutes),
        maximum_interval=chosen.maximum_interval_days,
        new_per_day=chosen.new_per_day,
        rollover_hour=chosen.rollover_hour,
        exam_date=chosen.exam_date,
        leech_lapses=chosen.leech_lapses,
    )
