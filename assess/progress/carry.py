"""Carry answers over to the current questionnaire: renamed questions, retired ones, stale values.

An answer given to a question that a newer one `replaces` moves to the new ID; an answer to a
retired or unknown question, or a value the current question no longer accepts, is set aside
with the reason. Nothing is dropped silently: every answer set aside is returned as a note.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from ..answers import AnswerEntry, AnswerSet, parse_value, validate_answers
from ..common import Lang, Text
from ..questionnaire import Questionnaire
from ..yamlio import Document

__all__ = ["CarryNote", "carry_document", "renames"]


class CarryNote(BaseModel):
    """An answer of an earlier version: moved to a new question ID, or not comparable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question_id: str
    kind: str  # renamed | retired | unknown_question | invalid_value
    new_id: str | None = None
    reason: Text | None = None  # retired questions: why
    detail: str | None = None  # invalid values: what the current question expects


def renames(questionnaire: Questionnaire) -> dict[str, str]:
    """Old question ID → the current question that replaces it."""
    return {old: q.id for q in questionnaire.questions().values() for old in q.replaces}


def _value(raw: Any) -> Any:
    if isinstance(raw, dict) and "value" in raw:
        return raw["value"]
    return raw


def _sort_answers(
    answers: dict[str, Any], questionnaire: Questionnaire
) -> tuple[dict[str, tuple[str, Any]], list[CarryNote]]:
    """Each kept answer under its current ID (with its source ID for line numbers), and notes."""
    questions = questionnaire.questions()
    moved = renames(questionnaire)
    retired = {r.id: r for r in questionnaire.retired}
    kept: dict[str, tuple[str, Any]] = {}
    notes: list[CarryNote] = []
    for qid, raw in answers.items():
        target = qid if qid in questions else moved.get(qid)
        if target is None:
            gone = retired.get(qid)
            kind = "retired" if gone else "unknown_question"
            notes.append(
                CarryNote(question_id=qid, kind=kind, reason=gone.reason if gone else None)
            )
            continue
        if target != qid and target in answers:
            notes.append(CarryNote(question_id=qid, kind="unknown_question", new_id=target))
            continue  # both the old and the new ID answered: the new one wins
        try:
            AnswerEntry.model_validate(raw) if isinstance(raw, dict) else None
            parse_value(questions[target], _value(raw))
        except ValueError as exc:  # pydantic's ValidationError is a ValueError too
            notes.append(
                CarryNote(question_id=qid, kind="invalid_value", new_id=target, detail=str(exc))
            )
            continue
        if target != qid:
            notes.append(CarryNote(question_id=qid, kind="renamed", new_id=target))
        kept[target] = (qid, raw)
    return kept, notes


def carry_document(
    doc: Document, questionnaire: Questionnaire, lang: Lang = "fr"
) -> tuple[AnswerSet, list[CarryNote]]:
    """Validate an answers document of any version of this questionnaire (problems in `lang`)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    raw_answers = data.get("answers")
    if not isinstance(raw_answers, dict):
        return validate_answers(doc, questionnaire, lang), []
    kept, notes = _sort_answers(raw_answers, questionnaire)
    lines = {loc: n for loc, n in doc.lines.items() if loc[:1] != ("answers",)}
    for new, (old, _raw) in kept.items():
        for loc, n in doc.lines.items():
            if loc[:2] == ("answers", old):
                lines[("answers", new, *loc[2:])] = n
    moved = Document(
        doc.path, {**data, "answers": {q: raw for q, (_o, raw) in kept.items()}}, lines
    )
    return validate_answers(moved, questionnaire, lang), notes
