"""Spare wrong options for named things, and the names that mean the same thing.

A topic deck often holds one or two answers of a kind (a single place, two
organisations), too few to make four options. For countries, places and
organisations the reserve below fills the gap with names of the same kind
that current-affairs questions commonly involve. Their alternative names are
grouped so that "USSR" is never offered against "Soviet Union", nor
"UN Security Council" against "Security Council".
"""

from __future__ import annotations

from quizapp.deck.model import AnswerType
from quizapp.deck.wording import normalise

__all__ = ["ALIASES", "RESERVE", "canonical", "normalise"]

RESERVE: dict[AnswerType, tuple[str, ...]] = {
    AnswerType.country: (
        "Afghanistan",
        "Australia",
        "Bangladesh",
        "Brazil",
        "Canada",
        "China",
        "Egypt",
        "France",
        "Germany",
        "India",
        "Indonesia",
        "Iran",
        "Iraq",
        "Israel",
        "Italy",
        "Japan",
        "Mongolia",
        "Myanmar",
        "Nepal",
        "North Korea",
        "Pakistan",
        "Philippines",
        "Russia",
        "Saudi Arabia",
        "South Africa",
        "South Korea",
        "Sri Lanka",
        "Syria",
        "Taiwan",
        "Turkey",
        "Ukraine",
        "United Kingdom",
        "United States",
        "Vietnam",
    ),
    AnswerType.place: (
        "Beijing",
        "Berlin",
        "Delhi",
        "Hanoi",
        "Islamabad",
        "Kabul",
        "Kyiv",
        "London",
        "Minsk",
        "Moscow",
        "New York",
        "Paris",
        "Pyongyang",
        "Seoul",
        "Shanghai",
        "Tehran",
        "Tokyo",
        "Ulaanbaatar",
        "Vladivostok",
        "Washington",
    ),
    AnswerType.organisation: (
        "African Union",
        "ASEAN",
        "BRICS",
        "European Union",
        "G20",
        "G7",
        "International Atomic Energy Agency",
        "International Monetary Fund",
        "NATO",
        "Shanghai Cooperation Organisation",
        "UN General Assembly",
        "UN Security Council",
        "World Bank",
        "World Health Organization",
        "World Trade Organization",
    ),
}

# Names of one thing.
ALIASES: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        {"soviet union", "ussr", "u.s.s.r", "russia", "russian federation"},
        {"united states", "us", "u.s", "usa", "u.s.a", "united states of america", "america"},
        {"united kingdom", "uk", "u.k", "britain", "great britain"},
        {"north korea", "dprk", "democratic people's republic of korea"},
        {"south korea", "rok", "republic of korea"},
        {"china", "prc", "people's republic of china"},
        {"taiwan", "republic of china", "roc"},
        {"myanmar", "burma"},
        {"delhi", "new delhi"},
        {"washington", "washington, d.c", "washington d.c", "washington dc"},
        {"kyiv", "kiev"},
        {
            "security council",
            "un security council",
            "u.n. security council",
            "unsc",
            "united nations security council",
        },
        {"general assembly", "un general assembly", "unga", "united nations general assembly"},
        {"united nations", "un", "u.n"},
        {"nato", "north atlantic treaty organization", "north atlantic treaty organisation"},
        {"european union", "eu"},
        {"asean", "association of southeast asian nations"},
        {"international monetary fund", "imf"},
        {"international atomic energy agency", "iaea"},
        {"world health organization", "world health organisation", "who"},
        {"world trade organization", "world trade organisation", "wto"},
        {"shanghai cooperation organisation", "shanghai cooperation organization", "sco"},
        {"korean central news agency", "kcna"},
    )
)
_CANONICAL = {normalise(name): normalise(min(group)) for group in ALIASES for name in group}


def canonical(normalised: str) -> str:
    """One key for all the names of a thing: 'ussr' and 'soviet union' share it."""
    return _CANONICAL.get(normalised, normalised)
