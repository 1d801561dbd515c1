"""What a person types at the prompt → a typed answer, an organisation field, or a command.

Values are read by `assess.values`, the reader the batch and answers files use too, so that a
form accepted here (« Oui. », « vague 2 », « 450 lits », « nsp », « 0,65 ») is accepted
everywhere. The prompt adds its own keys: `?` help, `<` back, Enter keeps the current answer.
Anything else raises `Invalid`, whose message says, in the user's language, what is expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..answers import MAX_TEXT, Answer
from ..common import Lang, OrgType
from ..conditions import VALUE
from ..geo import DEPARTEMENTS
from ..i18n import t
from ..questionnaire import Question, QuestionType
from ..values import (
    ORG_READERS,
    ValueProblem,
    fmt_number,
    read_answer,
)
from ..values import expected as expected_phrase
from ..values.forms import NO_FORMS, UNKNOWN_FORMS, YES_FORMS, fold_words

__all__ = [
    "ORG_FIELDS",
    "Command",
    "Confirm",
    "Invalid",
    "departement_of",
    "expected",
    "expected_org",
    "fmt_number",
    "interpret",
    "interpret_org",
    "org_value",
    "yes_no",
]

ORG_FIELDS: tuple[str, ...] = ("name", "finess", "type", "region", "departement")


class Command(StrEnum):
    help = "help"  # `?`
    back = "back"  # `<`
    keep = "keep"  # Enter on a step that already has an answer


class Invalid(ValueError):
    """Not an acceptable answer; `str(exc)` says what is expected."""


@dataclass(frozen=True)
class Confirm:
    """A value read with a doubt (« 0,65 » for a percentage): ask before keeping `typed`."""

    typed: Answer
    likely: Answer  # what it probably means (65 %)


def yes_no(text: str) -> bool | None:
    key = fold_words(text)
    return True if key in YES_FORMS else False if key in NO_FORMS else None


def expected(q: Question, lang: Lang) -> str:
    """What the question expects, as a phrase: « un pourcentage de 0 à 100 (…) ». The choices
    are listed on screen, so a choice question asks for a number or a label."""
    if q.type is QuestionType.single_choice:
        return t("iv_what_single", lang, n=len(q.choices))
    if q.type is QuestionType.multiple_choice:
        return t("iv_what_multiple", lang, n=len(q.choices))
    return expected_phrase(q)(lang)


def _navigation(text: str) -> Command | None:
    """`?` (help) and `<` (back) mean the same on every question."""
    return {"?": Command.help, "<": Command.back}.get(text)


def interpret(
    q: Question, raw: str, lang: Lang, answered: bool = False
) -> Answer | Command | Confirm:
    """One typed line for question `q`. `answered`: Enter keeps the current answer."""
    text = raw.strip()
    command = _navigation(text)
    if command is not None:
        return command
    if not text:
        if answered:
            return Command.keep
        raise Invalid(t("iv_empty", lang, what=expected(q, lang)))
    try:
        reading = read_answer(q, text)
    except ValueProblem as exc:
        raise Invalid(exc.text(lang)) from None
    if reading.alternative is not None and reading.answer.state == VALUE:
        return Confirm(reading.answer, reading.alternative)
    return reading.answer


# --- The organisation profile ---------------------------------------------------------------------


def expected_org(field: str, lang: Lang) -> str:
    if field == "type":
        names = ", ".join(o.label.get(lang) for o in OrgType)
        return t("iv_what_type", lang, n=len(OrgType), ids=names)
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
    if fold_words(text) in UNKNOWN_FORMS or fold_words(text) == "na":
        raise Invalid(t("iv_required", lang, what=what))
    return org_value(field, text, lang)


def org_value(field: str, text: object, lang: Lang) -> str:
    """Check and normalise one organisation field; raise Invalid with what is expected."""
    try:
        return ORG_READERS[field](text).value
    except ValueProblem as exc:
        raise Invalid(exc.text(lang)) from None


def departement_of(finess: str) -> str | None:
    """The département a FINESS number starts with (971–976 for overseas), if it is one."""
    code = finess[:3] if finess.startswith("97") else finess[:2]
    return code if code in DEPARTEMENTS else None


assert MAX_TEXT > 0  # re-exported for the screen's length hints
