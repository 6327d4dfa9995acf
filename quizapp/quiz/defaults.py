"""How long a paper is when the learner does not say: UPSC Prelims' pace."""

from __future__ import annotations

import datetime as dt

DEFAULT_COUNT = 10
MINUTES_PER_QUESTION = 1.2  # UPSC Prelims: 100 questions in 120 minutes


def default_time_limit(count: int) -> dt.timedelta:
    """The time a paper of ``count`` questions is given at UPSC's pace."""
    return dt.timedelta(minutes=count * MINUTES_PER_QUESTION)
