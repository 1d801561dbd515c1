"""What a person types at the prompt → a typed answer, an organisation field, or a command.

Natural forms are accepted: oui/non/o/n/yes/no; `45`, `45 %`, `45,5`; a choice's number or ID;
several choices as `1,3` or IDs; dates as YYYY-MM-DD or DD/MM/YYYY. Anything else raises
`Invalid`, whose message says precisely what is expected, in the user's language. Values are
finally checked by `assess.answers.parse_value`, the same function `assess score` uses.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import StrEnum

from ..answers import MAX_TEXT, Answer, parse_value
from ..common import Lang, OrgType
from ..conditions import NA, UNKNOWN
from ..geo import DEPARTEMENTS, REGIONS, finess_problem
from ..i18n import t
from ..questionnaire import MAX_INTEGER, Question, QuestionType

__all__ = [
    "ORG_FIELDS",
    "Command",
    "Invalid",
    "expected",
    "expected_org",
    "fmt_number",
    "interpret",
    "interpret_org",
    "departement_of",
    "org_value",
    "yes_no",
]

ORG_FIELDS: tuple[str, ...] = ("name", "finess", "type", "region", "departement")

YES = frozenset({"oui", "o", "yes", "y"})
NO = frozenset({"non", "n", "no"})
SKIP = frozenset({"s", "skip", "passer", "unknown", "inconnu"})
NONE = frozenset({"aucun", "aucune", "none", "-"})
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_FR_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class Command(StrEnum):
    help = "help"  # `?`
    back = "back"  # `<`
    keep = "keep"  # Enter on a step that already has an answer


class Invalid(ValueError):
    """Not an acceptable answer; `str(exc)` says what is expected."""


def yes_no(text: str) -> bool | None:
    low = text.strip().lower()
    return True if low in YES else False if low in NO else None


def fmt_number(x: float | None, lang: Lang) -> str:
    if x is None:
        return ""
    text = str(int(x)) if float(x).is_integer() else str(x)
    return text.replace(".", ",") if lang == "fr" else text


def expected(q: Question, lang: Lang) -> str:
    """What the question expects, as a phrase: « un pourcentage de 0 à 100 (…) »."""
    low, high = q.bounds()
    kind = q.type
    if kind is QuestionType.yes_no:
        return t("iv_what_yes_no", lang)
    if kind is QuestionType.percent:
        return t("iv_what_percent", lang, low=fmt_number(low, lang), high=fmt_number(high, lang))
    if kind is QuestionType.integer:
        # The engine's safety cap is not a bound worth showing a person.
        key = (
            "iv_what_integer_range"
            if high is not None and high != MAX_INTEGER
            else "iv_what_integer_min"
        )
        return t(key, lang, low=fmt_number(low, lang), high=fmt_number(high, lang))
    if kind is QuestionType.date:
        return t("iv_what_date", lang)
    if kind is QuestionType.single_choice:
        return t("iv_what_single", lang, n=len(q.choices))
    if kind is QuestionType.multiple_choice:
        return t("iv_what_multiple", lang, n=len(q.choices))
    return t("iv_what_text", lang, max=MAX_TEXT)


def _navigation(text: str) -> Command | None:
    """`?` (help) and `<` (back) mean the same on every question."""
    return {"?": Command.help, "<": Command.back}.get(text)


def interpret(q: Question, raw: str, lang: Lang, answered: bool = False) -> Answer | Command:
    """One typed line for question `q`. `answered`: Enter keeps the current answer."""
    text = raw.strip()
    what = expected(q, lang)
    command = _navigation(text)
    if command is not None:
        return command
    if not text:
        if answered:
            return Command.keep
        raise Invalid(t("iv_empty", lang, what=what))
    low = text.lower()
    if low in SKIP:
        return Answer(UNKNOWN)
    if low == "na":
        if not q.allow_na:
            raise Invalid(t("iv_na_refused", lang, what=what))
        return Answer(NA)
    value = _value(q, text, lang, what)
    try:
        return parse_value(q, value)
    except ValueError:  # not expected: _value already checked; keep the message precise anyway
        raise Invalid(t("iv_invalid", lang, raw=text, what=what)) from None


def _value(q: Question, text: str, lang: Lang, what: str) -> object:
    invalid = Invalid(t("iv_invalid", lang, raw=text, what=what))
    kind = q.type
    if kind is QuestionType.yes_no:
        answer = yes_no(text)
        if answer is None:
            raise invalid
        return "yes" if answer else "no"
    if kind is QuestionType.single_choice:
        choice = _choice(q, text)
        if choice is None:
            raise invalid
        return choice
    if kind is QuestionType.multiple_choice:
        return _choices(q, text, lang, what)
    if kind in (QuestionType.percent, QuestionType.integer):
        return _number(q, text, lang, what)
    if kind is QuestionType.date:
        day = _date(text)
        if day is None:
            raise invalid
        return day
    if len(text) > MAX_TEXT:
        raise Invalid(t("iv_too_long", lang, n=len(text), what=what))
    return text


def _fold(text: str) -> str:
    """Lower case without accents, hyphens or extra spaces: « Île-de-France » → « ile de france »."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[-'’_]", " ", plain).lower().split())


def _choice(q: Question, text: str) -> str | None:
    ids = q.choice_ids()
    if text.isdigit() and 1 <= int(text) <= len(ids):
        return ids[int(text) - 1]
    folded = _fold(text)
    for choice in q.choices:
        if folded in (_fold(choice.id), _fold(choice.label.fr), _fold(choice.label.en)):
            return choice.id
    return None


def _choices(q: Question, text: str, lang: Lang, what: str) -> list[str]:
    if text.lower() in NONE and _choice(q, text) is None:  # a choice really named `none` wins
        return []
    picked: list[str] = []
    for item in (i for i in re.split(r"[,;\s]+", text) if i):
        choice = _choice(q, item)
        if choice is None:
            raise Invalid(t("iv_not_a_choice", lang, item=item, what=what))
        if choice not in picked:
            picked.append(choice)
    return [c for c in q.choice_ids() if c in picked]


def _number(q: Question, text: str, lang: Lang, what: str) -> int | float:
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    has_percent = compact.endswith("%")
    compact = compact.removesuffix("%")
    if (has_percent and q.type is not QuestionType.percent) or not _NUMBER.match(compact):
        raise Invalid(t("iv_invalid", lang, raw=text, what=what))
    number = float(compact.replace(",", "."))
    if q.type is QuestionType.integer and not number.is_integer():
        raise Invalid(t("iv_invalid", lang, raw=text, what=what))
    value: int | float = int(number) if number.is_integer() else number
    low, high = q.bounds()
    if (low is not None and value < low) or (high is not None and value > high):
        raise Invalid(t("iv_out_of_range", lang, raw=text, what=what))
    return value


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = _FR_DATE.match(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- The organisation profile ---------------------------------------------------------------------


def expected_org(field: str, lang: Lang) -> str:
    if field == "type":
        return t("iv_what_type", lang, n=len(OrgType), ids=", ".join(o.value for o in OrgType))
    return t(f"iv_what_{field}", lang)


def interpret_org(field: str, raw: str, lang: Lang, default: str | None = None) -> str | Command:
    """One typed line for an organisation field → its value as stored in the answers file."""
    text = raw.strip()
    what = expected_org(field, lang)
    command = _navigation(text)
    if command is not None:
        return command
    if not text:
        if default is not None:
            return default
        raise Invalid(t("iv_empty", lang, what=what))
    if text.lower() in SKIP or text.lower() == "na":
        raise Invalid(t("iv_required", lang, what=what))
    return org_value(field, text, lang)


def org_value(field: str, text: str, lang: Lang) -> str:
    """Check and normalise one organisation field; raise Invalid with what is expected."""
    invalid = Invalid(t("iv_invalid", lang, raw=text, what=expected_org(field, lang)))
    if field == "name":
        if not text.strip() or len(text) > MAX_TEXT:
            raise invalid
        return text.strip()
    if field == "finess":
        return _finess(text, lang)
    if field == "type":
        members = list(OrgType)
        if text.isdigit() and 1 <= int(text) <= len(members):
            return members[int(text) - 1].value
        for org in members:
            if _fold(text) in (_fold(org.value), _fold(org.label.fr), _fold(org.label.en)):
                return org.value
        raise invalid
    if field == "region":
        code = text.zfill(2) if text.isdigit() else text
        if code in REGIONS:
            return code
        found = [c for c, name in REGIONS.items() if _fold(name) == _fold(text)]
        if not found:
            raise invalid
        return found[0]
    code = text.upper().zfill(2) if len(text) == 1 else text.upper()
    if code not in DEPARTEMENTS:
        raise invalid
    return code


def _finess(text: str, lang: Lang) -> str:
    value = re.sub(r"\s", "", text).upper()
    if len(value) != 9:
        raise Invalid(t("iv_finess_length", lang, raw=value, n=len(value)))
    head, rest = value[:2], value[2:]
    if not (head.isdigit() or head in ("2A", "2B")) or not rest.isdigit():
        raise Invalid(t("iv_finess_chars", lang, raw=value))
    if finess_problem(value) is not None:
        raise Invalid(t("iv_finess_key", lang, raw=value))
    return value


def departement_of(finess: str) -> str | None:
    """The département a FINESS number starts with (971–976 for overseas), if it is one."""
    code = finess[:3] if finess.startswith("97") else finess[:2]
    return code if code in DEPARTEMENTS else None
