"""One side of a comparison: an answers file, or a result JSON written by `assess score`.

Either way the side carries its result as scored by its own rules, and its answers carried
over to the current questionnaire so that both sides can be scored again by the same rules.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..answers import AnswerSet
from ..common import Lang
from ..errors import AnswersError, Problem, display_path
from ..result import AssessmentResult
from ..scoring.assessor import Assessor
from ..yamlio import Document, LoadFailure, load_document
from .carry import CarryNote, carry_document

__all__ = ["Snapshot", "load_snapshot"]


@dataclass(frozen=True)
class Snapshot:
    source: str  # the file as the user named it
    kind: str  # answers | result
    result: AssessmentResult  # as scored by its own rules (or the current ones for answers)
    answers: AnswerSet  # carried over to the current questionnaire
    notes: list[CarryNote]


def _result_json(path: Path) -> dict[str, Any] | None:
    if path.suffix.lower() != ".json":
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None  # left to the answers loader, which reports it with a line number
    return data if isinstance(data, dict) and "inputs_hash" in data else None


def _answers_data(result: AssessmentResult, questionnaire_version: str) -> dict[str, Any]:
    """The answers document a result was computed from (not applicable ones are recomputed)."""
    answers: dict[str, Any] = {}
    for a in result.answers:
        if a.state == "answered":
            answers[a.question_id] = a.value
        elif a.state == "unknown":
            answers[a.question_id] = "unknown"
    org = result.organisation
    return {
        "questionnaire": {"id": result.questionnaire_id, "version": questionnaire_version},
        "organisation": {
            "name": org.name,
            "finess": org.finess,
            "type": org.type,
            "region": org.region,
            "departement": org.departement,
        },  # fmt: skip
        "assessment_date": result.assessment_date.isoformat(),
        "answers": answers,
    }


def _from_result(path: Path, data: dict[str, Any], current: Assessor) -> Snapshot:
    try:
        result = AssessmentResult.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(display_path(path), None, ".".join(map(str, e["loc"])), e["msg"])
            for e in exc.errors()
        ]
        raise AnswersError(problems) from exc
    raw = _answers_data(result, result.questionnaire_version)
    answers, notes = carry_document(Document(path, raw), current.defs.questionnaire)
    return Snapshot(display_path(path), "result", result, answers, notes)


def load_snapshot(
    path: Path, current: Assessor, own: Assessor | None = None, as_of: dt.date | None = None,
    lang: Lang = "fr",
) -> Snapshot:  # fmt: skip
    """Load one side; `own` scores an answers file with the rules of its time (default: current)."""
    data = _result_json(path)
    if data is not None:
        return _from_result(path, data, current)
    try:
        doc = load_document(path, lang)
    except LoadFailure as exc:
        raise AnswersError([exc.problem]) from exc
    answers, notes = carry_document(doc, current.defs.questionnaire, lang)
    if own is None or own is current:
        result = current.assess(answers, as_of)
    else:
        own_answers, _ = carry_document(doc, own.defs.questionnaire, lang)
        result = own.assess(own_answers, as_of)
    return Snapshot(display_path(path), "answers", result, answers, notes)
