"""One typed value for one question → an answer, whatever the path: the questionnaire prompt, a
CSV or XLSX cell, or an answers file.

Refusals raise `ValueProblem` (a message in either language). Some values are read but deserve
a second look: a share between 0 and 1 typed into a percentage question (« 0,65 ») is kept as
typed with a warning and an alternative (65 %) that the questionnaire offers to confirm.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..common import Lang, Text
from ..conditions import NA, UNKNOWN, VALUE
from ..i18n import t
from ..questionnaire import MAX_INTEGER, Question, QuestionType
from . import messages as _messages  # noqa: F401  (registers the messages)
from .choices import choice_labels, match_choice
from .forms import (
    NA_FORMS,
    NO_FORMS,
    NONE_FORMS,
    UNKNOWN_FORMS,
    YES_FORMS,
    fold_words,
    parse_date,
    parse_number,
)
from .model import MAX_TEXT, Answer
from .problem import ValueProblem, fmt_number, labels

__all__ = ["PercentCell", "Reading", "expected", "read_answer", "read_date"]


class PercentCell(float):
    """A spreadsheet number shown with a percent format: 0.85 is displayed (and meant) as 85 %."""


@dataclass(frozen=True, slots=True)
class Reading:
    answer: Answer
    warning: ValueProblem | None = None
    alternative: Answer | None = None  # what the value probably meant (the questionnaire asks)


def expected(q: Question) -> Callable[[Lang], str]:
    """What the question expects, as a phrase in the reader's language."""

    def phrase(lang: Lang) -> str:
        low, high = q.bounds()
        kind = q.type
        if kind is QuestionType.yes_no:
            return t("iv_what_yes_no", lang)
        if kind is QuestionType.percent:
            return t(
                "iv_what_percent", lang, low=fmt_number(low, lang), high=fmt_number(high, lang)
            )
        if kind is QuestionType.integer:
            key = (
                "iv_what_integer_range"
                if high is not None and high != MAX_INTEGER
                else "iv_what_integer_min"
            )
            return t(key, lang, low=fmt_number(low, lang), high=fmt_number(high, lang))
        if kind is QuestionType.date:
            return t("iv_what_date", lang)
        names = labels([c.label for c in q.choices])(lang)
        if kind is QuestionType.single_choice:
            return t("v_what_choices", lang, choices=names)
        if kind is QuestionType.multiple_choice:
            return t("v_what_several", lang, choices=names)
        return t("iv_what_text", lang, max=MAX_TEXT)

    return phrase


def _shown(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime | dt.date):
        return raw.strftime("%d/%m/%Y")
    return str(raw).strip()


def read_answer(q: Question, raw: Any) -> Reading:
    """`raw` as typed or as a cell holds it (str, number, bool, date, list, None)."""
    if raw is None:
        return Reading(Answer(UNKNOWN))
    if isinstance(raw, str):
        key = fold_words(raw)
        if key in UNKNOWN_FORMS and raw.strip() not in ("0", "1"):
            return Reading(Answer(UNKNOWN))
        if key in NA_FORMS:
            if not q.allow_na:
                raise ValueProblem("v_na_refused", code="na_refused")
            return Reading(Answer(NA))
    kind = q.type
    if kind in (QuestionType.percent, QuestionType.integer):
        return _number(q, raw)
    return Reading(Answer(VALUE, _value(q, raw)))


def _value(q: Question, raw: Any) -> Any:
    kind = q.type
    if kind is QuestionType.yes_no:
        return _yes_no(q, raw)
    if kind is QuestionType.single_choice:
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            raise ValueProblem("v_unexpected", raw=_shown(raw), what=expected(q))
        return _choice(q, _shown(raw))
    if kind is QuestionType.multiple_choice:
        return _choices(q, raw)
    if kind is QuestionType.date:
        return _date(raw)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise ValueProblem("v_not_text", raw=_shown(raw))
    text = _shown(raw)
    if len(text) > MAX_TEXT:
        raise ValueProblem("v_text_long", n=len(text), max=MAX_TEXT)
    return text


def _yes_no(q: Question, raw: Any) -> str:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    key = fold_words(_shown(raw)) if isinstance(raw, str | int | float) else None
    if key in YES_FORMS:
        return "yes"
    if key in NO_FORMS:
        return "no"
    na = Text(fr=t("v_or_na", "fr"), en=t("v_or_na", "en")) if q.allow_na else ""
    raise ValueProblem("v_yes_no", raw=_shown(raw), na=na)


def _choice(q: Question, text: str) -> str:
    text = text.strip()
    found = match_choice(q, text).ids
    if len(found) == 1:
        return found[0]
    if found:
        raise ValueProblem("v_ambiguous", raw=text, choices=labels(choice_labels(q, found)))
    raise ValueProblem("v_not_choice", raw=text, choices=labels([c.label for c in q.choices]))


def _choices(q: Question, raw: Any) -> frozenset[str]:
    if isinstance(raw, list):
        return frozenset(_choice(q, _shown(item)) for item in raw)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise ValueProblem("v_unexpected", raw=_shown(raw), what=expected(q))
    text = _shown(raw)
    whole = match_choice(q, text).ids
    if len(whole) == 1:
        return frozenset(whole)
    if fold_words(text) in NONE_FORMS:
        return frozenset()
    for separator in ("|", ";", ","):
        parts = [p for p in text.split(separator) if p.strip()]
        if len(parts) > 1 or (separator in text and parts):
            try:
                return frozenset(_choice(q, p) for p in parts)
            except ValueProblem:
                if separator != ",":
                    raise
    numbers = text.replace(",", " ").split()
    if len(numbers) > 1 and all(n.isdigit() for n in numbers):
        return frozenset(_choice(q, n) for n in numbers)
    return frozenset({_choice(q, text)})


def _date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    form = parse_date(_shown(raw))
    if form.value is None:
        key = "v_date_impossible" if form.problem == "impossible" else "v_date_format"
        raise ValueProblem(key, raw=_shown(raw))
    return form.value


def _number(q: Question, raw: Any) -> Reading:
    what = expected(q)
    percent_sign = False
    shown: str | int | float = raw.strip() if isinstance(raw, str) else raw
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise ValueProblem("v_number", raw=_shown(raw), what=what)
    if isinstance(raw, str):
        units = (q.unit.fr, q.unit.en) if q.unit else ()
        parsed = parse_number(raw, units)
        if parsed is None:
            raise ValueProblem("v_number", raw=raw.strip(), what=what)
        number, percent_sign = parsed
    else:
        number = raw
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueProblem("v_number", raw=_shown(raw), what=what)
    is_percent = q.type is QuestionType.percent
    if percent_sign and not is_percent:
        raise ValueProblem("v_no_percent", raw=shown, what=what)
    if isinstance(raw, PercentCell) and is_percent:
        number = _whole(round(float(raw) * 100, 6))
    if q.type is QuestionType.integer:
        if isinstance(number, float) and not number.is_integer():
            raise ValueProblem("v_whole", raw=shown, what=what)
        number = int(number)
    _check_range(q, number, shown)
    if (
        is_percent and not percent_sign and not isinstance(raw, PercentCell) and 0 < number < 1
        and _share(number, alt := _whole(round(number * 100, 6)))
    ):  # fmt: skip
        warning = ValueProblem(
            "v_percent_ambiguous", code="percent_share", raw=shown, value=number, alt=alt
        )
        return Reading(Answer(VALUE, number), warning, Answer(VALUE, alt))
    return Reading(Answer(VALUE, number))


def _share(number: float, alt: float) -> bool:
    """0,65 or 0,855 reads like a share of 1 (65 %, 85,5 %); 0,00001 does not."""
    return 0 < number < 1 and round(alt, 1) == alt


def _whole(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def _check_range(q: Question, value: int | float, shown: str | int | float) -> None:
    low, high = q.bounds()
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueProblem("v_range", raw=shown, what=expected(q))


def read_date(raw: Any) -> dt.date:
    """A date as typed or as a spreadsheet cell holds it; raise ValueProblem."""
    return _date(raw)
