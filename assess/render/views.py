"""Display rows for the report templates: every label translated, every value formatted.

Templates only print these; nothing is computed there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..common import Lang, Text
from ..definitions import Definitions
from ..i18n import MESSAGES, t
from ..questionnaire import Question, QuestionType
from ..result import AnswerView, FindingResult, GateResult
from .citations import SectionIndex
from .filters import long_date, number

__all__ = ["AnswerRow", "FindingRow", "Formatter", "GateRow", "Ref", "soft_wrap"]

SHORT_COMMENT = 200
_LONG_RUN = re.compile(r"\S{40,}")
_CHUNK = re.compile(r"(\S{30})(?=\S)")


def soft_wrap(text: str) -> str:
    """Add zero-width spaces inside runs of 40+ non-space characters, so that a pasted URL or a
    hostile 10,000-character word breaks cheaply instead of overflowing (or making WeasyPrint
    search every break point)."""
    return _LONG_RUN.sub(lambda m: _CHUNK.sub("\\1\u200b", m.group(0)), text)


def _opt(text: str | None) -> str | None:
    return soft_wrap(text) if text else text


@dataclass(frozen=True)
class Ref:
    id: str
    title: str
    detail: str  # the report chapter of a seed item, or a referential's date


@dataclass(frozen=True)
class AnswerRow:
    question_id: str
    label: str
    value: str
    state: str  # answered, unknown, not_applicable
    comment: str | None
    evidence: str | None
    comment_short: str | None  # for the inline lists under gates and findings; Annex A has it all


@dataclass(frozen=True)
class GateRow:
    rule_id: str
    level: int
    title: str
    status: str
    status_label: str
    severity: str
    severity_label: str
    answers: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class FindingRow:
    rule_id: str
    domain: str
    severity: str
    severity_label: str
    title: str
    rationale: str
    recommendation: str
    seed: tuple[Ref, ...]
    referentials: tuple[Ref, ...]
    answers: tuple[AnswerRow, ...]


class Formatter:
    """Language-bound formatting of dates, numbers, answers, gates and findings."""

    def __init__(self, lang: Lang, defs: Definitions) -> None:
        self.lang = lang
        self.defs = defs
        self.questions: dict[str, Question] = defs.questionnaire.questions()
        self.sections = SectionIndex(defs.catalog)

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def date(self, day: dt.date) -> str:
        return long_date(day, self.lang)

    def num(self, x: float, digits: int = 1) -> str:
        return number(float(x), self.lang, digits)

    def quote(self, text: str) -> str:
        """« text » in French, “text” in English."""
        return f"« {text} »" if self.lang == "fr" else f"\u201c{text}\u201d"

    def pct(self, share: float) -> str:
        return f"{round(100 * share)}\u202f%" if self.lang == "fr" else f"{round(100 * share)}%"

    def domain(self, name: str) -> str:
        """A scored domain's short name, or an adjacent section's title."""
        if f"domain_{name}" in MESSAGES:
            return self.t(f"domain_{name}")
        sections = {s.id: s for s in self.defs.questionnaire.sections}
        return sections[name].title.get(self.lang) if name in sections else name

    def severity(self, value: str) -> str:
        return self.t(f"severity_{value}")

    def _value(self, q: Question | None, value: Any) -> str:
        if q is None:
            return str(value)
        labels = {c.id: c.label.get(self.lang) for c in q.choices}
        if q.type is QuestionType.yes_no:
            return self.t("r_yes") if value == "yes" else self.t("r_no")
        if q.type is QuestionType.multiple_choice:
            items = [labels.get(str(v), str(v)) for v in (value or [])]
            return " ; ".join(items) if items else self.t("r_none")
        if q.type is QuestionType.single_choice:
            return labels.get(str(value), str(value))
        if q.type is QuestionType.percent:
            return f"{self.num(float(value), 0 if float(value).is_integer() else 1)}\u202f%"
        if q.type is QuestionType.date and isinstance(value, str):
            try:
                return self.date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        text = (
            self.num(value, 0 if float(value).is_integer() else 1)
            if isinstance(value, float)
            else str(value)
        )
        return f"{text} {q.unit.get(self.lang)}" if q.unit else text

    def answer(self, a: AnswerView) -> AnswerRow:
        q = self.questions.get(a.question_id)
        if a.state == "unknown":
            value = self.t("answer_unknown")
        elif a.state == "not_applicable":
            value = self.t("answer_not_applicable")
        else:
            value = self._value(q, a.value)
        label = q.label.get(self.lang) if q else a.question_id
        short = (
            a.comment
            if a.comment is None or len(a.comment) <= SHORT_COMMENT
            else a.comment[: SHORT_COMMENT - 1] + "…"
        )
        return AnswerRow(
            a.question_id,
            label,
            soft_wrap(value),
            a.state,
            _opt(a.comment),
            _opt(a.evidence),
            _opt(short),
        )

    def gate(self, g: GateResult) -> GateRow:
        return GateRow(
            rule_id=g.rule_id, level=g.level, title=g.title.get(self.lang), status=g.status.value,
            status_label=self.t(f"gate_{g.status.value}"), severity=g.severity.value,
            severity_label=self.severity(g.severity.value),
            answers=tuple(self.answer(a) for a in g.answers),
        )  # fmt: skip

    def cite(self, text: Text) -> str:
        """Rule text in this language, report line references turned into section titles."""
        return self.sections.cite(text.get(self.lang), self.lang)

    def seed_ref(self, sid: str) -> Ref:
        item = self.defs.catalog.seed.get(sid)
        if item is None:
            return Ref(sid, sid, "")
        # Clients cannot look up line numbers: the chapter situates the item instead.
        return Ref(sid, item.title.get(self.lang), self.sections.chapter(item.lines, self.lang))

    def referential_ref(self, rid: str) -> Ref:
        ref = self.defs.catalog.referentials.get(rid)
        if ref is None:
            return Ref(rid, rid, "")
        return Ref(rid, ref.title.get(self.lang), self.date(ref.date))

    def finding(self, f: FindingResult) -> FindingRow:
        return FindingRow(
            rule_id=f.rule_id, domain=f.domain, severity=f.severity.value,
            severity_label=self.severity(f.severity.value), title=f.title.get(self.lang),
            rationale=self.cite(f.rationale), recommendation=self.cite(f.recommendation),
            seed=tuple(self.seed_ref(s) for s in f.references.seed),
            referentials=tuple(self.referential_ref(r) for r in f.references.referentials),
            answers=tuple(self.answer(a) for a in f.answers),
        )  # fmt: skip
