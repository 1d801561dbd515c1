"""Numbers and dates as a reader of the chosen language writes them, for code and templates.

French: decimal comma, thin space between thousands, « 67 % », « 1er mars 2026 »; English:
decimal point, comma between thousands, « 67% », « 1 March 2026 ». The report sandbox registers
`num` and `day` as filters that read the template's `lang` variable, so templates never print
a raw float and never need a function passed in their context (the sandbox refuses those).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from ..common import Lang
from ..i18n import t

__all__ = ["NO_VALUE", "TEMPLATE_FILTERS", "long_date", "number"]

NO_VALUE = "–"  # a number that does not exist (a domain that does not apply)
_THIN = "\u202f"  # narrow no-break space: French thousands and « % »


def number(
    value: float | None, lang: Lang, digits: int = 1, sign: bool = False, percent: bool = False
) -> str:
    """`value` with `digits` decimals (integers keep none); `percent`: a 0..1 share as « 67 % »."""
    if value is None:
        return NO_VALUE
    if percent:
        value = 100 * value
    plus = "+" if sign else ""
    if isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:{plus},d}"
    else:
        text = f"{float(value):{plus},.{digits}f}"
    if lang == "fr":
        text = text.replace(",", _THIN).replace(".", ",")
    if percent:
        text += f"{_THIN}%" if lang == "fr" else "%"
    return text


def long_date(day: dt.date, lang: Lang) -> str:
    """« 1er mars 2026 » / « 1 March 2026 »."""
    month = t(f"month_{day.month}", lang)
    if lang == "fr" and day.day == 1:
        return f"1er {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def _lang(context: Context) -> Lang:
    return "en" if context.get("lang") == "en" else "fr"


@pass_context
def _num_filter(
    context: Context, value: Any, digits: int = 1, sign: bool = False, percent: bool = False
) -> str:
    return number(value, _lang(context), digits, sign, percent)


@pass_context
def _day_filter(context: Context, value: dt.date) -> str:
    return long_date(value, _lang(context))


TEMPLATE_FILTERS = {"num": _num_filter, "day": _day_filter}
