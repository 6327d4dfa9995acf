"""The learner's calendar: study days that start at the rollover hour, as in Anki."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from quizapp.core.settings import Settings


@dataclass(frozen=True)
class StudyDays:
    """The learner's calendar: days start at ``rollover_hour`` in ``zone`` (None: system time)."""

    zone: tzinfo | None = None
    rollover_hour: int = 4

    @classmethod
    def from_settings(cls, settings: Settings) -> StudyDays:
        zone = ZoneInfo(settings.timezone) if settings.timezone else None
        return cls(zone=zone, rollover_hour=settings.rollover_hour)

    def day_of(self, moment: datetime) -> date:
        """The study day a moment belongs to (03:00 belongs to the day before, at rollover 4)."""
        return (moment.astimezone(self.zone) - timedelta(hours=self.rollover_hour)).date()

    def start_of(self, day: date) -> datetime:
        """When the study day begins, in UTC."""
        naive = datetime.combine(day, time(self.rollover_hour))
        local = naive.replace(tzinfo=self.zone) if self.zone else naive.astimezone()
        return local.astimezone(UTC)
