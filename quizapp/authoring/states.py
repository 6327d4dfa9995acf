"""Which names are India's states, and which are countries: known to every candidate, so
rarely the question ("near Paradip in Jagatsinghpur district of Odisha" asks Paradip). The
lists are ISO 3166's, from pycountry, loaded only when drafting asks.
"""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def _states() -> frozenset[str]:
    import pycountry  # only drafting asks, so only drafting loads the ISO lists

    def plain(name: str) -> str:  # "Bihār" as notes write it: "Bihar"
        decomposed = unicodedata.normalize("NFKD", name)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    subdivisions = pycountry.subdivisions.get(country_code="IN") or []
    return frozenset(plain(s.name) for s in subdivisions if s.type == "State")


def is_state(name: str) -> bool:
    """A state of India by its name ("Tamil Nadu", "Odisha")."""
    return name in _states()


@cache
def countries() -> frozenset[str]:
    """Countries by the names notes give them: "India", "Sri Lanka", "North Korea" (ISO's
    common name), "Russia" (ISO has only "Russian Federation")."""
    import pycountry

    names = {"Russia"}
    for country in pycountry.countries:
        names.update(getattr(country, key, "") for key in ("name", "common_name"))
    return frozenset(n for n in names if n and "," not in n)
