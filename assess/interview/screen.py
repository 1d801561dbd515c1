"""What the interview shows: a step with its progress line, choices, hints and help."""

from __future__ import annotations

import datetime as dt

from ..answers import Answer
from ..catalog import Catalog
from ..common import Lang, OrgType
from ..conditions import NA, UNKNOWN
from ..geo import REGIONS
from ..i18n import t
from ..questionnaire import Question, QuestionType
from .flow import Flow, Step
from .parse import departement_of, expected, expected_org, fmt_number

__all__ = ["answer_text", "help_lines", "org_text", "prompt_text", "step_lines"]


def answer_text(q: Question, answer: Answer, lang: Lang) -> str:
    """An answer as a person reads it: « oui », « 45,5 % », « ldl, cro », « inconnu (passée) »."""
    if answer.state == UNKNOWN:
        return t("iv_unknown", lang)
    if answer.state == NA:
        return t("iv_na", lang)
    value = answer.value
    if q.type is QuestionType.yes_no:
        return t("iv_yes" if value == "yes" else "iv_no", lang)
    if isinstance(value, frozenset):
        picked = [c.label.get(lang) for c in q.choices if c.id in value]
        return " ; ".join(picked) if picked else t("iv_none", lang)
    if q.choices and isinstance(value, str):
        return next((c.label.get(lang) for c in q.choices if c.id == value), value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = fmt_number(value, lang)
        return f"{number} %" if q.type is QuestionType.percent else number
    return str(value)


def org_text(field: str, value: str, lang: Lang) -> str:
    if field == "type":
        return OrgType(value).label.get(lang)
    if field == "region":
        return f"{value} {REGIONS[value]}"
    return value


def _current(flow: Flow, step: Step, lang: Lang) -> str | None:
    draft = flow.draft
    if step.question is not None:
        answer = draft.answers.get(step.question.id)
        return None if answer is None else answer_text(step.question, answer, lang)
    assert step.field is not None
    value = draft.organisation.get(step.field)
    return None if value is None else org_text(step.field, value, lang)


def org_default(flow: Flow, step: Step) -> str | None:
    """The value Enter accepts for an organisation field: the current one, or the FINESS's département."""
    assert step.field is not None
    org = flow.draft.organisation
    if step.field in org:
        return org[step.field]
    if step.field == "departement" and "finess" in org:
        return departement_of(org["finess"])
    return None


def prompt_text(flow: Flow, step: Step, lang: Lang) -> str:
    shown = _current(flow, step, lang)
    if shown is None and step.field is not None:
        shown = org_default(flow, step)
    return t("iv_prompt_default", lang, value=shown) if shown else t("iv_prompt", lang)


def _choice_lines(step: Step, lang: Lang) -> list[str]:
    q = step.question
    if q is not None:
        return [f"  {i}. {c.label.get(lang)}" for i, c in enumerate(q.choices, 1)]
    if step.field == "type":
        return [f"  {i}. {o.label.get(lang)}" for i, o in enumerate(OrgType, 1)]
    if step.field == "region":
        cells = [f"{code} {name}" for code, name in REGIONS.items()]
        return [
            "  " + "".join(f"{c:<30}" for c in cells[i : i + 3]).rstrip()
            for i in range(0, len(cells), 3)
        ]
    return []


def step_lines(flow: Flow, step: Step, lang: Lang) -> list[str]:
    """The block printed before the prompt: progress, label, choices, what is expected, keys."""
    lines = ["", flow.progress(step, lang).line(lang)]
    q = step.question
    if q is not None:
        lines.append(q.label.get(lang))
        what = expected(q, lang)
        if q.unit is not None:
            what += f" — {t('iv_unit', lang, unit=q.unit.get(lang))}"
        keys = t("iv_keys", lang) + (t("iv_keys_na", lang) if q.allow_na else "")
    else:
        assert step.field is not None
        lines.append(t(f"iv_org_{step.field}", lang))
        what = expected_org(step.field, lang)
        keys = t("iv_keys_org", lang)
    lines.extend(_choice_lines(step, lang))
    current = _current(flow, step, lang)
    if current is not None and q is not None and q.id in flow.draft.pending:
        lines.append(t("iv_to_confirm", lang, value=current))
        keys += t("iv_keys_confirm", lang)
    elif current is not None:
        keys += t("iv_keys_keep", lang)
    lines.append(t("iv_expected", lang, what=what))
    lines.append(keys)
    return lines


def help_lines(step: Step, catalog: Catalog, lang: Lang) -> list[str]:
    """`?`: the question's help and the references it comes from, with their titles."""
    q = step.question
    if q is None:
        assert step.field is not None
        return [t(f"iv_help_{step.field}", lang)]
    lines = [q.help.get(lang)]
    refs: list[str] = []
    for sid in q.references.seed:
        item = catalog.seed.get(sid)
        refs.append(f"{sid} — {item.title.get(lang)}" if item else sid)
    for rid in q.references.referentials:
        ref = catalog.referentials.get(rid)
        refs.append(f"{rid} — {ref.title.get(lang)} ({ref.date.isoformat()})" if ref else rid)
    if refs:
        lines.append(
            f"{t('iv_references', lang)} :" if lang == "fr" else f"{t('iv_references', lang)}:"
        )
        lines.extend(f"  - {r}" for r in refs)
    return lines
