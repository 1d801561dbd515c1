"""French regions (INSEE codes) and départements, and the FINESS number check."""

from __future__ import annotations

__all__ = ["DEPARTEMENTS", "REGIONS", "finess_problem", "finess_with_key"]

REGIONS: dict[str, str] = {
    "01": "Guadeloupe",
    "02": "Martinique",
    "03": "Guyane",
    "04": "La Réunion",
    "06": "Mayotte",
    "11": "Île-de-France",
    "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté",
    "28": "Normandie",
    "32": "Hauts-de-France",
    "44": "Grand Est",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
}

DEPARTEMENTS: frozenset[str] = frozenset(
    [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B", "971", "972", "973", "974", "976"]
)


_ASCII_DIGITS = frozenset("0123456789")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def finess_with_key(body: str) -> str:
    """Complete the first 8 characters of a FINESS number with its check digit."""
    digits = body.replace("A", "0").replace("B", "0")
    return next(body + key for key in "0123456789" if _luhn_ok(digits + key))


def finess_problem(finess: str) -> str | None:
    """Why `finess` is not a valid FINESS number, or None.

    A FINESS number has 9 characters: the département (2A/2B for Corsica) then digits, the last
    one a Luhn check digit. For Corsica the letter is read as 0 when checking the key.
    """
    foreign = next((c for c in finess if c.isdigit() and c not in _ASCII_DIGITS), None)
    if foreign is not None:  # str.isdigit accepts full-width and other scripts' digits
        return (
            f"FINESS '{finess}' must be written with the digits 0-9 "
            f"(it contains '{foreign}', U+{ord(foreign):04X}); type it again"
        )
    if len(finess) != 9:
        return f"FINESS '{finess}' must have 9 characters (it has {len(finess)})"
    head, rest = finess[:2], finess[2:]
    if head not in ("2A", "2B") and not head.isdigit() or not rest.isdigit():
        return f"FINESS '{finess}' must be digits (2A or 2B allowed first for Corsica)"
    digits = finess.replace("A", "0").replace("B", "0")
    if not _luhn_ok(digits):
        return f"FINESS '{finess}' has a wrong check digit (last digit); copy it again from the FINESS directory"
    return None
