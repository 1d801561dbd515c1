"""French value forms → typed answers, then `assess.answers.parse_value` for the checks.

Accepted forms (case and accents ignored):

* yes/no: oui, o, yes, y, vrai, true, 1 / non, n, no, faux, false, 0 (and Excel booleans);
* unknown: empty, unknown, inconnu, nsp, ne sait pas, ? · not applicable: na, n/a, non applicable,
  sans objet, not applicable;
* numbers: `45`, `45,5`, `45.5`, `45 %`, `1 200` (spaces and non-breaking spaces as thousands);
* dates: `2026-03-01`, `01/03/2026`, `01-03-2026`, `01.03.2026`, or an Excel date cell;
* choices: the choice ID or its French or English label; several choices separated by `|`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..answers import Answer, parse_value
from ..common import OrgType
from ..conditions import UNKNOWN
from ..geo import REGIONS
from ..questionnaire import Question, QuestionType
from .mapping import fold

__all__ = [
    "CellError",
    "coerce_answer",
    "coerce_date",
    "coerce_departement",
    "coerce_finess",
    "coerce_number",
    "coerce_org_type",
    "coerce_region",
    "is_blank",
]

_YES = frozenset({"oui", "o", "yes", "y", "vrai", "true", "1"})
_NO = frozenset({"non", "n", "no", "faux", "false", "0"})
_UNKNOWN = frozenset({"", "unknown", "inconnu", "inconnue", "nsp", "ne sait pas", "?"})
_NA = frozenset({"na", "n/a", "n.a.", "non applicable", "sans objet", "not applicable"})
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_FR_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_ORG_ALIASES = {
    "ehpad": OrgType.esms,
    "msp": OrgType.centre_sante,
    "centre de sante": OrgType.centre_sante,
    "centre hospitalier": OrgType.ch,
    "centre hospitalier universitaire": OrgType.chu,
    "clinique privee": OrgType.clinique,
    "editeur de logiciel": OrgType.editeur,
}
_ORG_TYPES = {
    **_ORG_ALIASES,
    **{fold(t.label.en): t for t in OrgType},
    **{fold(t.label.fr): t for t in OrgType},
    **{t.value: t for t in OrgType},
}
_REGION_NAMES = {fold(name.replace("-", " ")): code for code, name in REGIONS.items()}


class CellError(ValueError):
    """A cell problem whose message is already written for the errors file (French / English)."""


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def coerce_number(raw: Any, percent: bool = False) -> int | float:
    """`45,5` → 45.5, `45 %` → 45, `1 200` → 1200; raise ValueError for anything else."""
    if isinstance(raw, bool):
        raise ValueError(f"not a number: {raw!r}")
    if isinstance(raw, int | float):
        return raw
    text = _SPACES.sub("", str(raw))
    if percent and text.endswith("%"):
        text = text[:-1]
    if "," in text and "." in text:  # 1.234,5 or 1,234.5: the last separator is the decimal one
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "")
    text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise ValueError(f"not a number: {raw!r}")
    number = float(text)
    return int(number) if number.is_integer() and "." not in text else number


def coerce_date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _text(raw)
    match = _FR_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CellError(
            f"date attendue AAAA-MM-JJ ou JJ/MM/AAAA / expected a date as YYYY-MM-DD or DD/MM/YYYY; got {text!r}"
        ) from None


_CHOICE_MAPS: dict[int, tuple[Question, dict[str, str]]] = {}


def _choice_map(question: Question) -> dict[str, str]:
    """Folded ID and labels → choice ID, computed once per question object."""
    entry = _CHOICE_MAPS.get(id(question))
    if entry is None or entry[0] is not question:
        table: dict[str, str] = {}
        for choice in reversed(question.choices):  # IDs win over labels, earlier choices over later
            table[fold(choice.label.en)] = choice.id
            table[fold(choice.label.fr)] = choice.id
        for choice in reversed(question.choices):
            table[fold(choice.id)] = choice.id
        entry = _CHOICE_MAPS[id(question)] = (question, table)
    return entry[1]


def _choice(question: Question, raw: str) -> str:
    return _choice_map(question).get(
        fold(raw), raw.strip()
    )  # else parse_value says what is expected


def _typed(question: Question, raw: Any) -> Any:
    kind = question.type
    if kind is QuestionType.yes_no:
        if isinstance(raw, bool):
            return raw
        key = fold(_text(raw))
        return "yes" if key in _YES else "no" if key in _NO else _text(raw)
    if kind in (QuestionType.percent, QuestionType.integer):
        try:
            return coerce_number(raw, percent=kind is QuestionType.percent)
        except ValueError:
            return _text(raw)  # parse_value says what is expected
    if kind is QuestionType.date:
        return coerce_date(raw)
    if kind is QuestionType.single_choice:
        return _choice(question, _text(raw))
    if kind is QuestionType.multiple_choice:
        items = [item for item in _text(raw).split("|") if item.strip()]
        return sorted({_choice(question, item) for item in items})
    return raw.strip() if isinstance(raw, str) else _text(raw)


_MEMO: dict[tuple[int, str], tuple[Question, Answer]] = {}
_MEMO_LIMIT = 50_000  # bounded: memory stays flat however long the batch


def coerce_answer(question: Question, raw: Any) -> Answer:
    """One cell → Answer; raise ValueError with a message for the errors file.

    Survey exports repeat the same few cell values ("Oui", "45 %", a choice label) across
    thousands of rows, so valid text cells are memoised per question (answers are immutable).
    """
    if not isinstance(raw, str):
        return _coerce(question, raw)
    key = (id(question), raw)
    hit = _MEMO.get(key)
    if hit is not None and hit[0] is question:
        return hit[1]
    answer = _coerce(question, raw)
    if len(_MEMO) < _MEMO_LIMIT:
        _MEMO[key] = (question, answer)
    return answer


def _coerce(question: Question, raw: Any) -> Answer:
    if is_blank(raw):
        return Answer(UNKNOWN)
    if isinstance(raw, str):
        key = fold(raw)
        if key in _UNKNOWN:
            return Answer(UNKNOWN)
        if key in _NA:
            return parse_value(question, "na") if question.allow_na else _no_na(question)
    return parse_value(question, _typed(question, raw))


def _no_na(question: Question) -> Answer:
    raise CellError(
        "cette question n'accepte pas « non applicable » / this question does not accept 'na'; "
        "répondre ou laisser vide / answer it or leave it empty"
    )


def coerce_finess(raw: Any) -> str:
    return _SPACES.sub("", _text(raw)).upper()


def coerce_org_type(raw: Any) -> str:
    alias = _ORG_TYPES.get(fold(_text(raw)))
    if alias is None:
        raise CellError(
            f"type d'organisation inconnu / unknown organisation type {_text(raw)!r}; "
            f"attendu / expected one of {', '.join(t.value for t in OrgType)}"
        )
    return alias.value


def coerce_region(raw: Any) -> str:
    text = _text(raw)
    if text.isdigit():
        return text.zfill(2)
    return _REGION_NAMES.get(fold(text.replace("-", " ")), text)


def coerce_departement(raw: Any) -> str:
    text = _text(raw).upper()
    return text.zfill(2) if text.isdigit() else text
