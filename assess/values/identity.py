"""The organisation's identity as people and spreadsheets write it: FINESS, type, region,
département, name. A spreadsheet that stored a FINESS or a département as a number lost its
leading zero: it is put back, with a warning."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..common import OrgType, Text
from ..geo import DEPARTEMENTS, REGIONS, finess_problem
from . import messages as _messages  # noqa: F401  (registers the messages)
from .choices import ChoiceTable
from .model import MAX_TEXT
from .problem import ValueProblem, labels

__all__ = [
    "ORG_READERS",
    "Identity",
    "read_departement",
    "read_finess",
    "read_name",
    "read_org_type",
    "read_region",
]

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_ORG_ALIASES = {
    "centre hospitalier universitaire": OrgType.chu.value,
    "chru": OrgType.chu.value,
    "clinique": OrgType.clinique.value,
    "maison de sante": OrgType.centre_sante.value,
    "editeur": OrgType.editeur.value,
}
_ORG_TABLE = ChoiceTable([(o.value, o.label) for o in OrgType], _ORG_ALIASES)
_REGION_TABLE = ChoiceTable(
    [(code, Text(fr=name, en=name)) for code, name in REGIONS.items()], numbered=False
)


@dataclass(frozen=True, slots=True)
class Identity:
    value: str
    warning: ValueProblem | None = None


def _numeric(raw: Any) -> str | None:
    """The digits of a number cell (21395959.0 → "21395959"), else None."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    return str(int(raw)) if float(raw).is_integer() else None


def _text(raw: Any) -> str:
    digits = _numeric(raw)
    return digits if digits is not None else str(raw).strip()


def read_finess(raw: Any) -> Identity:
    digits = _numeric(raw)
    value = _SPACES.sub("", _text(raw)).upper()
    warning = None
    if (digits is not None or value.isdigit()) and len(value) == 8:
        padded = value.zfill(9)
        if finess_problem(padded) is None:
            warning = ValueProblem("v_finess_padded", code="padded", raw=value, value=padded)
            value = padded
    if len(value) != 9:
        raise ValueProblem("v_finess_length", raw=value, n=len(value))
    head, rest = value[:2], value[2:]
    if not (head.isdigit() or head in ("2A", "2B")) or not rest.isdigit():
        raise ValueProblem("v_finess_chars", raw=value)
    if finess_problem(value) is not None:
        raise ValueProblem("v_finess_key", raw=value)
    return Identity(value, warning)


def read_org_type(raw: Any) -> Identity:
    text = _text(raw)
    found = _ORG_TABLE.match(text).ids
    if len(found) == 1:
        return Identity(found[0])
    if found:
        names = labels([OrgType(f).label for f in found])
        raise ValueProblem("v_org_type_ambiguous", raw=text, choices=names)
    raise ValueProblem("v_org_type", raw=text, choices=labels([o.label for o in OrgType]))


def read_region(raw: Any) -> Identity:
    text = _text(raw)
    code = text.zfill(2) if text.isdigit() else text
    if code in REGIONS:
        return Identity(code)
    found = _REGION_TABLE.match(text).ids
    if len(found) == 1:
        return Identity(found[0])
    raise ValueProblem("v_region", raw=text)


def read_departement(raw: Any) -> Identity:
    digits = _numeric(raw)
    text = _text(raw).upper()
    code = text.zfill(2) if text.isdigit() else text
    if code not in DEPARTEMENTS:
        raise ValueProblem("v_departement", raw=text)
    warning = None
    if digits is not None and code != text:
        warning = ValueProblem("v_departement_padded", code="padded", raw=text, value=code)
    return Identity(code, warning)


def read_name(raw: Any) -> Identity:
    text = _text(raw)
    if not text or len(text) > MAX_TEXT:
        raise ValueProblem("v_name", max=MAX_TEXT)
    return Identity(text)


ORG_READERS: dict[str, Callable[[Any], Identity]] = {
    "name": read_name,
    "finess": read_finess,
    "type": read_org_type,
    "region": read_region,
    "departement": read_departement,
}  # in the order people give them
