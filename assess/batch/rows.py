"""One raw data row → an AnswerSet and its warnings, or the problems that reject the row.

Identity cells (FINESS, name, type, region, département, date) must be right: a problem there
rejects the row. A bad answer cell only loses that answer: it becomes unknown (never "no") and is
listed as a warning, unless `strict` asks for the row to be rejected. « sans objet » in a question
that does not apply to the organisation (type, depends_on) is the truth and is accepted silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..answers import Answer, AnswerSet, Organisation, QuestionnaireRef
from ..common import Lang
from ..conditions import NA, UNKNOWN
from ..engine.facts import resolve
from ..i18n import t
from ..questionnaire import Question, Questionnaire
from ..values import (
    ORG_READERS,
    Reading,
    ValueProblem,
    read_answer,
    read_date,
)
from . import messages as _messages  # noqa: F401  (registers the messages)
from .mapping import ColumnPlan, fold
from .reader import RawRow

__all__ = ["ERROR", "WARNING", "CellProblem", "ParsedRow", "RowParser", "is_blank"]

ERROR, WARNING = "error", "warning"
_MAX_SHOWN = 200


@dataclass(frozen=True, slots=True)
class CellProblem:
    column: str  # the column title as written in the input ("" for the whole row)
    value: str
    message: str  # in the batch's language
    severity: str = ERROR  # ERROR: the row is rejected; WARNING: the row is scored
    question: str = ""  # the question's label, when the column is a question
    unknown: bool = False  # the answer was set to unknown


@dataclass
class ParsedRow:
    answers: AnswerSet | None  # None: rejected
    problems: list[CellProblem] = field(default_factory=list)  # errors, or warnings if scored


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _shown(raw: Any) -> str:
    text = "" if raw is None else str(raw)
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN] + "…"


class RowParser:
    def __init__(
        self,
        questionnaire: Questionnaire,
        plan: ColumnPlan,
        strict_width: bool = True,
        default_date: dt.date | None = None,
        lang: Lang = "fr",
        strict: bool = False,
    ) -> None:
        self.questionnaire = questionnaire
        self.questions = questionnaire.questions()
        self.ref = QuestionnaireRef(id=questionnaire.id, version=questionnaire.version)
        self.plan = plan
        self.strict_width = strict_width
        self.default_date = default_date
        self.lang = lang
        self.strict = strict
        self.readings = _Readings()

    def cells(self, raw: RawRow) -> dict[str, Any]:
        """Column ID → cell value after the mapping file's value translations: the column's own
        table first, then "*", then the value as written (read by the built-in forms)."""
        cells, width = raw.cells, len(raw.cells)
        if not self.plan.values:  # no value translations: every row of most batches
            return {target: cells[i] if i < width else "" for i, target in self.plan.targets}
        out: dict[str, Any] = {}
        star = self.plan.values.get("*", {})
        for index, target in self.plan.targets:
            value = raw.cells[index] if index < len(raw.cells) else ""
            if isinstance(value, str) and (star or target in self.plan.values):
                key = fold(value)
                own = self.plan.values.get(target, {})
                value = own.get(key, star.get(key, value))
            out[target] = value
        return out

    def _width_problem(self, raw: RawRow) -> CellProblem | None:
        n, width = len(raw.cells), self.plan.width
        extra_filled = any(not is_blank(c) for c in raw.cells[width:])
        if extra_filled or (self.strict_width and n < width):
            return CellProblem("", "", t("b_width", self.lang, n=n, width=width))
        return None

    def parse(self, raw: RawRow) -> ParsedRow:
        width = self._width_problem(raw)
        if width is not None:
            return ParsedRow(None, [width])
        cells = self.cells(raw)
        problems: list[CellProblem] = []
        org = self._organisation(cells, problems)
        date = self._date(cells, problems)
        answers = self._answers(cells, problems, org)
        if org is None or date is None or any(p.severity == ERROR for p in problems):
            return ParsedRow(None, [p for p in problems if p.severity == ERROR])
        return ParsedRow(AnswerSet(org, date, self.ref, answers, f"row {raw.row}"), problems)

    def _problem(self, column: str, raw: Any, exc: ValueProblem, **kw: Any) -> CellProblem:
        return CellProblem(self.plan.title(column), _shown(raw), exc.text(self.lang), **kw)

    def _answers(
        self, cells: dict[str, Any], problems: list[CellProblem], org: Organisation | None
    ) -> dict[str, Answer]:
        answers: dict[str, Answer] = {}
        refused_na: dict[str, tuple[Question, ValueProblem]] = {}
        for qid, question in self.questions.items():
            if qid not in cells:
                continue
            raw = cells[qid]
            try:
                reading = self.readings.read(question, raw)
            except ValueProblem as exc:
                answers[qid] = Answer(UNKNOWN)
                if exc.code == "na_refused":
                    refused_na[qid] = (question, exc)
                else:
                    problems.append(self._answer_problem(question, raw, exc))
                continue
            answers[qid] = reading.answer
            if reading.warning is not None:
                problems.append(self._answer_problem(question, raw, reading.warning, kept=True))
        if refused_na:
            hidden = self._hidden(answers, org)
            for qid, (question, refusal) in refused_na.items():
                if qid in hidden:
                    answers[qid] = Answer(NA)
                else:
                    problems.append(self._answer_problem(question, cells[qid], refusal))
        return answers

    def _answer_problem(
        self, question: Question, raw: Any, exc: ValueProblem, kept: bool = False
    ) -> CellProblem:
        strict = self.strict and not kept
        label = question.label.get(self.lang)
        message = exc.text(self.lang)
        if not kept and not strict:
            message += " " + t("b_set_unknown", self.lang)
        return CellProblem(
            self.plan.title(question.id), _shown(raw), message,
            ERROR if strict else WARNING, label, unknown=not kept and not strict,
        )  # fmt: skip

    def _hidden(self, answers: dict[str, Answer], org: Organisation | None) -> set[str]:
        """Questions that do not apply to this organisation (the same test as scoring)."""
        if org is None:
            return set()
        resolved = resolve(answers, org.type, self.questionnaire)
        return {
            qid for qid, r in resolved.items() if r.state == NA and answers.get(qid, Answer(UNKNOWN)).state != NA
        }  # fmt: skip

    def _organisation(
        self, cells: dict[str, Any], problems: list[CellProblem]
    ) -> Organisation | None:
        values: dict[str, str] = {}
        for name, reader in ORG_READERS.items():
            raw = cells.get(name, "")
            if is_blank(raw):
                what = t(f"iv_what_{name}", self.lang)
                problems.append(
                    CellProblem(self.plan.title(name), "", t("v_required", self.lang, what=what))
                )
                continue
            try:
                identity = reader(raw)
            except ValueProblem as exc:
                problems.append(self._problem(name, raw, exc))
                continue
            values[name] = identity.value
            if identity.warning is not None:
                problems.append(self._problem(name, raw, identity.warning, severity=WARNING))
        if len(values) < len(ORG_READERS):
            return None
        try:
            return Organisation.model_validate(values)
        except ValidationError as exc:  # not expected: every field was read above
            problems.append(CellProblem("", "", str(exc)))
            return None

    def _date(self, cells: dict[str, Any], problems: list[CellProblem]) -> dt.date | None:
        raw = cells.get("assessment_date", "")
        if is_blank(raw):
            if self.default_date is not None:
                return self.default_date
            what = t("iv_what_date", self.lang)
            title = self.plan.title("assessment_date")
            problems.append(CellProblem(title, "", t("v_required", self.lang, what=what)))
            return None
        try:
            return read_date(raw)
        except ValueProblem as exc:
            problems.append(self._problem("assessment_date", raw, exc))
            return None


_MEMO_PER_QUESTION = 128  # bounded: memory stays flat however long and varied the batch


class _Readings:
    """The shared reader, memoised per question for text cells: survey exports repeat the same
    few values ("Oui", a choice label, "nsp") across thousands of rows (readings are immutable).
    Each question keeps its first values only, so free numbers and texts cannot fill memory."""

    def __init__(self) -> None:
        self.memo: dict[str, dict[str, Reading | ValueProblem]] = {}

    def read(self, question: Question, raw: Any) -> Reading:
        if not isinstance(raw, str):
            return read_answer(question, raw)
        memo = self.memo.get(question.id)
        if memo is None:
            memo = self.memo[question.id] = {}
        outcome = memo.get(raw)
        if outcome is None:
            try:
                outcome = read_answer(question, raw)
            except ValueProblem as exc:
                outcome = exc.with_traceback(None)
            if len(memo) < _MEMO_PER_QUESTION:
                memo[raw] = outcome
        if isinstance(outcome, ValueProblem):
            # Raised afresh each time: a kept traceback would grow and hold every row's frames.
            raise outcome.with_traceback(None)
        return outcome
