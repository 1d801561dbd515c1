"""One raw data row → an AnswerSet, or every problem of the row (column, value, message)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..answers import Answer, AnswerSet, Organisation, QuestionnaireRef
from ..questionnaire import Questionnaire
from .coerce import (
    CellError,
    coerce_answer,
    coerce_date,
    coerce_departement,
    coerce_finess,
    coerce_org_type,
    coerce_region,
    is_blank,
)
from .mapping import ColumnPlan, fold
from .reader import RawRow

__all__ = ["CellProblem", "RowParser"]

_MAX_SHOWN = 200
_ORG_FIELDS = {
    "finess": (coerce_finess, "FINESS invalide / invalid FINESS"),
    "name": (lambda raw: str(raw).strip(), "nom invalide / invalid name"),
    "type": (coerce_org_type, "type invalide / invalid type"),
    "region": (coerce_region, "région invalide / invalid region"),
    "departement": (coerce_departement, "département invalide / invalid département"),
}


@dataclass(frozen=True, slots=True)
class CellProblem:
    column: str  # the column title as written in the input ("" for the whole row)
    value: str
    message: str


def _shown(raw: Any) -> str:
    text = "" if raw is None else str(raw)
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN] + "…"


def _message(exc: ValueError, prefix: str) -> str:
    if isinstance(exc, CellError):
        return str(exc)
    return f"{prefix}: {exc}"


class RowParser:
    def __init__(
        self,
        questionnaire: Questionnaire,
        plan: ColumnPlan,
        strict_width: bool = True,
        default_date: dt.date | None = None,
    ) -> None:
        self.questions = questionnaire.questions()
        self.ref = QuestionnaireRef(id=questionnaire.id, version=questionnaire.version)
        self.plan = plan
        self.strict_width = strict_width
        self.default_date = default_date

    def cells(self, raw: RawRow) -> dict[str, Any]:
        """Column ID → cell value after the mapping file's value translations."""
        out: dict[str, Any] = {}
        for index, target in self.plan.targets:
            value = raw.cells[index] if index < len(raw.cells) else ""
            table = self.plan.values.get(target) or self.plan.values.get("*")
            if table and isinstance(value, str):
                value = table.get(fold(value), value)
            out[target] = value
        return out

    def _width_problem(self, raw: RawRow) -> CellProblem | None:
        n, width = len(raw.cells), self.plan.width
        extra_filled = any(not is_blank(c) for c in raw.cells[width:])
        if extra_filled or (self.strict_width and n < width):
            return CellProblem(
                "", "",
                f"la ligne a {n} champs, l'en-tête en a {width} / the row has {n} fields, the header has "
                f"{width}; vérifier les guillemets et le séparateur / check quotes and the delimiter",
            )  # fmt: skip
        return None

    def parse(self, raw: RawRow) -> AnswerSet | list[CellProblem]:
        width = self._width_problem(raw)
        if width is not None:
            return [width]
        cells = self.cells(raw)
        problems: list[CellProblem] = []
        org = self._organisation(cells, problems)
        date = self._date(cells, problems)
        answers: dict[str, Answer] = {}
        for qid, question in self.questions.items():
            if qid not in cells:
                continue
            try:
                answers[qid] = coerce_answer(question, cells[qid])
            except ValueError as exc:
                problems.append(
                    CellProblem(
                        self.plan.title(qid),
                        _shown(cells[qid]),
                        _message(exc, "réponse invalide / invalid answer"),
                    )
                )
        if problems or org is None or date is None:
            return problems
        return AnswerSet(org, date, self.ref, answers, f"row {raw.row}")

    def _organisation(
        self, cells: dict[str, Any], problems: list[CellProblem]
    ) -> Organisation | None:
        values: dict[str, str] = {}
        before = len(problems)
        for name, (convert, prefix) in _ORG_FIELDS.items():
            raw = cells.get(name, "")
            if is_blank(raw):
                problems.append(
                    CellProblem(
                        self.plan.title(name),
                        "",
                        "valeur obligatoire manquante / required value missing",
                    )
                )
                continue
            try:
                values[name] = convert(raw)
            except ValueError as exc:
                problems.append(
                    CellProblem(self.plan.title(name), _shown(raw), _message(exc, prefix))
                )
        if len(problems) > before:
            return None
        try:
            return Organisation.model_validate(values)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                name = str(err["loc"][0]) if err["loc"] else ""
                msg = str(err["msg"]).removeprefix("Value error, ")
                prefix = (
                    _ORG_FIELDS[name][1]
                    if name in _ORG_FIELDS
                    else "valeur invalide / invalid value"
                )
                problems.append(
                    CellProblem(
                        self.plan.title(name), _shown(cells.get(name, "")), f"{prefix}: {msg}"
                    )
                )
            return None

    def _date(self, cells: dict[str, Any], problems: list[CellProblem]) -> dt.date | None:
        raw = cells.get("assessment_date", "")
        if is_blank(raw):
            if self.default_date is not None:
                return self.default_date
            problems.append(
                CellProblem(
                    self.plan.title("assessment_date"),
                    "",
                    "valeur obligatoire manquante / required value missing",
                )
            )
            return None
        try:
            return coerce_date(raw)
        except ValueError as exc:
            problems.append(CellProblem(self.plan.title("assessment_date"), _shown(raw), str(exc)))
            return None
