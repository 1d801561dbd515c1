"""Answers files: the organisation, the assessment date and one answer per question ID.

An answer is a value, `unknown` (the organisation does not know, counted as unanswered) or `na`
(not applicable, where the question allows it). A question missing from the file is unknown.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator, model_validator

from .common import OrgType, StrictModel
from .conditions import NA, UNKNOWN, VALUE
from .errors import AnswersError, Problem
from .geo import DEPARTEMENTS, REGIONS, finess_problem
from .questionnaire import MAX_INTEGER, Question, Questionnaire, QuestionType
from .yamlio import Document, LoadFailure, load_document, problems_from_validation

__all__ = [
    "Answer",
    "AnswerSet",
    "AnswersFile",
    "EvidenceRef",
    "Organisation",
    "QuestionnaireRef",
    "load_answers",
    "parse_value",
    "validate_answers",
]

MAX_TEXT = 10_000  # free text is capped: the engine's regex lengths wrap at 65,536


class Organisation(StrictModel):
    name: str = Field(min_length=1, max_length=MAX_TEXT)
    finess: str
    type: OrgType
    region: str
    departement: str

    @field_validator("finess")
    @classmethod
    def _finess(cls, value: str) -> str:
        value = value.strip().upper()
        problem = finess_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        if value not in REGIONS:
            raise ValueError(
                f"region '{value}' is not an INSEE region code (e.g. 11 for Île-de-France)"
            )
        return value

    @field_validator("departement")
    @classmethod
    def _departement(cls, value: str) -> str:
        value = value.strip().upper()
        if value not in DEPARTEMENTS:
            raise ValueError(f"département '{value}' is not a département code (e.g. 75, 2A, 971)")
        return value


class QuestionnaireRef(StrictModel):
    id: str
    version: str


class EvidenceRef(StrictModel):
    """Dated evidence: `{ref: "Rapport d'audit AD", date: 2025-03-10, expires: 2027-03-10}`."""

    ref: str = Field(min_length=1, max_length=MAX_TEXT)
    date: dt.date | None = None
    expires: dt.date | None = None

    @model_validator(mode="after")
    def _order(self) -> EvidenceRef:
        if self.date and self.expires and self.expires < self.date:
            raise ValueError("evidence expires before its date; check both dates")
        return self


class AnswerEntry(StrictModel):
    value: Any
    comment: str | None = Field(default=None, max_length=MAX_TEXT)
    evidence: EvidenceRef | Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    # Carried over from the previous assessment (`assess questionnaire --from`), not yet
    # confirmed by the organisation; scored like any answer.
    to_confirm: bool = False


class AnswersFile(StrictModel):
    """The file format (YAML or JSON). Values are checked against the questionnaire afterwards."""

    questionnaire: QuestionnaireRef
    organisation: Organisation
    assessment_date: dt.date
    answers: dict[str, AnswerEntry | Any] = Field(default_factory=dict)
    # Checks whose answers the organisation confirms as right, with why: check ID -> comment.
    confirmed_checks: dict[str, str] = Field(default_factory=dict)

    @field_validator("confirmed_checks")
    @classmethod
    def _explained(cls, value: dict[str, str]) -> dict[str, str]:
        blank = [k for k, v in value.items() if not v.strip()]
        if blank:
            raise ValueError(f"say why the answers are right for {', '.join(blank)}")
        return value


@dataclass(frozen=True)
class Answer:
    state: str  # VALUE, UNKNOWN or NA
    value: Any = None  # str, int, float, date, or frozenset of choice IDs
    comment: str | None = None
    evidence: str | None = None  # the reference (a plain string in the file, or `ref`)
    evidence_date: dt.date | None = None
    evidence_expires: dt.date | None = None


@dataclass
class AnswerSet:
    organisation: Organisation
    assessment_date: dt.date
    questionnaire: QuestionnaireRef
    answers: dict[str, Answer] = field(default_factory=dict)
    source: str = ""
    confirmed_checks: dict[str, str] = field(default_factory=dict)

    def get(self, question_id: str) -> Answer:
        return self.answers.get(question_id, Answer(UNKNOWN))


def parse_value(question: Question, raw: Any) -> Answer:
    """Check one answer against its question; raise ValueError saying what is expected."""
    if isinstance(raw, str) and raw.strip().lower() == "unknown":
        return Answer(UNKNOWN)
    if isinstance(raw, str) and raw.strip().lower() == "na":
        if not question.allow_na:
            raise ValueError("this question does not accept 'na'; answer it or say 'unknown'")
        return Answer(NA)
    return Answer(VALUE, _typed(question, raw))


def _typed(q: Question, raw: Any) -> Any:
    t = q.type
    if t is QuestionType.yes_no:
        if isinstance(raw, bool):
            return "yes" if raw else "no"
        if raw in ("yes", "no"):
            return raw
        raise ValueError(f"expected yes, no, unknown{', na' if q.allow_na else ''}; got {raw!r}")
    if t is QuestionType.single_choice:
        if raw not in q.choice_ids():
            raise ValueError(f"expected one of {', '.join(q.choice_ids())}; got {raw!r}")
        return raw
    if t is QuestionType.multiple_choice:
        items = raw if isinstance(raw, list) else None
        if items is None or not all(isinstance(i, str) for i in items):
            raise ValueError(f"expected a list of choices among {', '.join(q.choice_ids())}")
        wrong = [i for i in items if i not in q.choice_ids()]
        if wrong:
            raise ValueError(
                f"{', '.join(wrong)} not among the choices {', '.join(q.choice_ids())}"
            )
        return frozenset(items)
    if t in (QuestionType.percent, QuestionType.integer):
        return _number(q, raw)
    if t is QuestionType.date:
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw.strip())
            except ValueError:
                pass
        raise ValueError(f"expected a date as YYYY-MM-DD; got {raw!r}")
    if not isinstance(raw, str | int | float) or isinstance(raw, bool):
        raise ValueError("expected text")
    text = str(raw)
    if len(text) > MAX_TEXT:
        raise ValueError(f"text is limited to {MAX_TEXT} characters")
    return text


def _number(q: Question, raw: Any) -> int | float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        unit = "a percentage from 0 to 100" if q.type is QuestionType.percent else "a whole number"
        raise ValueError(f"expected {unit}; got {raw!r}")
    if isinstance(raw, float) and not math.isfinite(raw):
        raise ValueError(f"expected a finite number; got {raw!r}")
    if q.type is QuestionType.integer and isinstance(raw, float) and not raw.is_integer():
        raise ValueError(f"expected a whole number; got {raw!r}")
    value: int | float = int(raw) if q.type is QuestionType.integer else raw
    low, high = q.bounds()
    if high == MAX_INTEGER and value > high:
        raise ValueError(f"expected a whole number no larger than {MAX_INTEGER}; got {raw!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        declared = high is not None and high != MAX_INTEGER
        span = f"from {_fmt(low)} to {_fmt(high)}" if declared else f"at least {_fmt(low)}"
        raise ValueError(f"expected a value {span}; got {raw!r}")
    return value


def _fmt(x: float | None) -> str:
    return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))


def validate_answers(doc: Document, questionnaire: Questionnaire) -> AnswerSet:
    """Check a parsed answers document; every problem is collected before raising."""
    try:
        parsed = AnswersFile.model_validate(doc.data)
    except ValidationError as exc:
        raise AnswersError(problems_from_validation(doc, exc)) from exc
    problems: list[Problem] = []
    ref = parsed.questionnaire
    if ref.id != questionnaire.id:
        problems.append(
            doc.problem(
                ("questionnaire", "id"),
                f"answers are for questionnaire '{ref.id}', not '{questionnaire.id}'",
            )
        )
    questions = questionnaire.questions()
    answers: dict[str, Answer] = {}
    for qid, raw in parsed.answers.items():
        question = questions.get(qid)
        if question is None:
            problems.append(
                doc.problem(
                    ("answers", qid),
                    f"unknown question ID '{qid}'; see `assess schema` or the questionnaire",
                )
            )
            continue
        if isinstance(raw, dict) and "value" in raw:
            # `AnswerEntry | Any` let a bad entry through as a plain value ("expected a whole
            # number; got {...}"): check it as an entry to name the real problem (a key `note`).
            try:
                raw = AnswerEntry.model_validate(raw)
            except ValidationError as exc:
                problems.extend(problems_from_validation(doc, exc, ("answers", qid)))
                continue
        entry = raw if isinstance(raw, AnswerEntry) else AnswerEntry(value=raw)
        try:
            answer = parse_value(question, entry.value)
        except ValueError as exc:
            loc = ("answers", qid, "value") if isinstance(raw, AnswerEntry) else ("answers", qid)
            problems.append(doc.problem(loc, str(exc)))
            continue
        answers[qid] = with_entry(answer, entry)
    if problems:
        raise AnswersError(problems)
    return AnswerSet(
        parsed.organisation, parsed.assessment_date, ref, answers, doc.name,
        dict(parsed.confirmed_checks),
    )  # fmt: skip


def with_entry(answer: Answer, entry: AnswerEntry) -> Answer:
    """The parsed value with the entry's comment and evidence (plain string or dated)."""
    ev = entry.evidence
    if isinstance(ev, EvidenceRef):
        return Answer(answer.state, answer.value, entry.comment, ev.ref, ev.date, ev.expires)
    return Answer(answer.state, answer.value, entry.comment, ev)


def load_answers(path: Path, questionnaire: Questionnaire) -> AnswerSet:
    try:
        doc = load_document(path)
    except LoadFailure as exc:
        raise AnswersError([exc.problem]) from exc
    return validate_answers(doc, questionnaire)
