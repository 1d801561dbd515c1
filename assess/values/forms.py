"""The words and number and date forms people type, whatever the input path.

Text is compared folded: lower case, without accents, punctuation or repeated spaces, so that
« Oui. », « OUI » and « oui » are one answer and « CIM-10 » matches « CIM-10 / CIM-11 ».
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "NA_FORMS",
    "NO_FORMS",
    "NONE_FORMS",
    "UNKNOWN_FORMS",
    "YES_FORMS",
    "DateForm",
    "fold_words",
    "parse_date",
    "parse_number",
]

YES_FORMS = frozenset({"oui", "o", "yes", "y", "vrai", "true", "1"})
NO_FORMS = frozenset({"non", "n", "no", "faux", "false", "0"})
UNKNOWN_FORMS = frozenset({
    "", "unknown", "inconnu", "inconnue", "nsp", "ne sait pas", "je ne sais pas", "ne sais pas",
    "je sais pas", "sais pas", "don t know", "dont know", "s", "skip", "passer",
})  # fmt: skip
NA_FORMS = frozenset({
    "na", "n a", "non applicable", "sans objet", "s o", "not applicable", "non concerne",
    "non concernee", "pas concerne", "pas concernee",
})  # fmt: skip
NONE_FORMS = frozenset({"aucun", "aucune", "none", "rien"})
_PERCENT_WORDS = ("%", "pour cent", "pourcent", "percent")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_PLAIN_NUMBER = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?( ?%)?")
_NUMBER_THEN_WORDS = re.compile(r"^([+-]?\d[\d\s\u00a0\u202f.,]*?)\s*(%|[^\d\s.,+-].*)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_PUNCTUATION = re.compile(r"[^\w%]+")


@lru_cache(maxsize=16384)
def fold_words(text: str) -> str:
    """« Référencée vague 2. » → « referencee vague 2 »: the form typed text is compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_PUNCTUATION.sub(" ", bare.replace("_", " ")).split())


def _decimal(text: str) -> str:
    """`1 234,5`, `1.234,5`, `1,234.5` → `1234.5`: the last separator is the decimal one."""
    text = _SPACES.sub("", text)
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "")
    return text.replace(",", ".")


def parse_number(text: str, units: tuple[str, ...] = ()) -> tuple[int | float, bool] | None:
    """A number, possibly followed by `%` or by the unit shown (« 450 lits »), or None.

    Returns the number and whether a percent sign was written.
    """
    plain = _PLAIN_NUMBER.fullmatch(text)
    if plain is not None:  # « 45 », « 45,5 », « 12.5 % »: most cells, read without the regexes
        whole, decimals, sign = plain.groups()
        number = float(f"{whole}.{decimals}" if decimals else whole)
        return (int(number) if number.is_integer() else number), sign is not None
    return _parse_number(text, units)


def _parse_number(text: str, units: tuple[str, ...]) -> tuple[int | float, bool] | None:
    """Every form `parse_number` accepts (signs, thousands separators, units)."""
    match = _NUMBER_THEN_WORDS.match(text.strip().rstrip(".!;").rstrip())
    if match is None:
        return None
    digits = _decimal(match.group(1))
    if not _NUMBER.fullmatch(digits):
        return None
    rest = fold_words(match.group(2) or "")
    percent = rest in _PERCENT_WORDS
    if rest and not percent and not any(_unit_prefix(rest, unit) for unit in units):
        return None
    number = float(digits)
    return (int(number) if number.is_integer() else number), percent


def _unit_prefix(rest: str, unit: str) -> bool:
    words, unit_words = rest.split(), fold_words(unit).split()
    return bool(words) and unit_words[: len(words)] == words


class DateForm:
    """Outcome of reading a date: the date, or why not (`format` or `impossible`)."""

    __slots__ = ("problem", "value")

    def __init__(self, value: dt.date | None, problem: str | None = None) -> None:
        self.value = value
        self.problem = problem


def parse_date(text: str) -> DateForm:
    """`2026-03-01`, `01/03/2026`, `1.3.2026`, `01-03-2026`; 31/02/2025 is impossible, not malformed."""
    text = text.strip()
    ymd, dmy = _YMD.match(text), _DMY.match(text)
    if ymd is None and dmy is None:
        return DateForm(None, "format")
    year, month, day = (
        (int(g) for g in ymd.groups()) if ymd else reversed([int(g) for g in dmy.groups()])  # type: ignore[union-attr]
    )
    try:
        return DateForm(dt.date(year, month, day))
    except ValueError:
        return DateForm(None, "impossible")
