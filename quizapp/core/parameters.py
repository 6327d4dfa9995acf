"""The learner's own FSRS parameters, kept in the progress database beside their reviews.

They live with the review log they were fitted to, so a copied or moved database keeps its
personal schedule. ``quizapp optimize`` saves them only when they predict held-out reviews
better (see quizapp.core.optimize); every store opened afterwards passes them to the scheduler
through ``Settings(parameters=...)``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from quizapp.core.optimize import scheduler_accepts
from quizapp.core.settings import Settings

if TYPE_CHECKING:
    from quizapp.core.store import Store

_PARAMETERS = "fsrs_parameters"


def load_parameters(store: Store) -> tuple[float, ...] | None:
    """The saved parameters, or None when there are none.

    A saved value the scheduler would refuse (hand-edited, or from another FSRS version) also
    gives None, so the defaults apply rather than the app failing to open.
    """
    saved = store.setting(_PARAMETERS)
    if saved is None:
        return None
    try:
        parameters = tuple(float(w) for w in json.loads(saved))
    except (TypeError, ValueError):
        return None
    return parameters if scheduler_accepts(parameters) else None


def save_parameters(store: Store, params: Sequence[float]) -> None:
    """Keep ``params`` for every later session; ValueError if the scheduler would refuse them."""
    parameters = tuple(float(w) for w in params)
    if not scheduler_accepts(parameters):
        raise ValueError(f"not saving FSRS parameters the scheduler would refuse: {parameters!r}")
    store.save_setting(_PARAMETERS, json.dumps(parameters))


def clear_parameters(store: Store) -> bool:
    """Forget the saved parameters (back to the defaults); True if there were any."""
    return store.remove_setting(_PARAMETERS)


def with_saved_parameters(settings: Settings, store: Store) -> Settings:
    """``settings`` with the saved parameters, unless they already name parameters of their own.

    Returns ``settings`` itself when nothing changes, so callers can test ``is``.
    """
    if settings.parameters is not None:
        return settings
    saved = load_parameters(store)
    return settings if saved is None else replace(settings, parameters=saved)
