"""A value someone typed that cannot be read: a message key and its parameters, said in either language."""

from __future__ import annotations

from collections.abc import Callable

from ..common import Lang, Text
from ..i18n import t

__all__ = ["Param", "ValueProblem", "fmt_number", "labels"]

Param = str | int | float | Text | Callable[[Lang], str]


def fmt_number(x: float | None, lang: Lang) -> str:
    """`9.1` → « 9,1 » in French; whole numbers without decimals."""
    if x is None:
        return ""
    text = str(int(x)) if float(x).is_integer() else f"{x:.6g}"
    return text.replace(".", ",") if lang == "fr" else text


def labels(texts: list[Text]) -> Callable[[Lang], str]:
    """A list of labels as the user reads them: « Référencée vague 1 », « Référencée vague 2 »."""
    return lambda lang: ", ".join(
        f"« {x.get(lang)} »" if lang == "fr" else f"“{x.get(lang)}”" for x in texts
    )


class ValueProblem(ValueError):
    """Why a typed value was refused, and what to type instead. `key` is an i18n message key;
    `code` says what kind of problem it is (the batch accepts `na_refused` where a question
    does not apply)."""

    def __init__(self, key: str, code: str = "invalid", **params: Param) -> None:
        self.key = key
        self.code = code
        self.params = params
        super().__init__(self.text("fr"))

    def text(self, lang: Lang) -> str:
        return t(self.key, lang, **{k: _render(v, lang) for k, v in self.params.items()})


def _render(value: Param, lang: Lang) -> str:
    if isinstance(value, Text):
        return value.get(lang)
    if callable(value):
        return value(lang)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return fmt_number(value, lang)
    return str(value)
