"""Scheduling settings (FSRS and the study queue)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


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
