"""Answers files: the organisation, the assessment date and one answer per question ID.

An answer is a value, `unknown` (the organisation does not know, counted as unanswered) or `na`
(not applicable, where the question allows it). A question missing from the file is unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator, model_validator

from .common import Lang, OrgType, StrictModel
from .conditions import UNKNOWN
from .errors import AnswersError, Problem
from .i18n import t
from .questionnaire import Question, Questionnaire
from .values import (
    MAX_TEXT,
    ORG_READERS,
    Answer,
    ValueProblem,
    read_answer,
    read_departement,
    read_finess,
    read_org_type,
    read_region,
)
from .yamlio import Document, LoadFailure, load_document, problems_from_validation

__all__ = [
    "MAX_TEXT",
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


class Organisation(StrictModel):
    name: str = Field(min_length=1, max_length=MAX_TEXT)
    finess: str
    type: OrgType
    region: str
    departement: str

    @field_validator("finess", mode="before")
    @classmethod
    def _finess(cls, value: Any) -> str:
        return read_finess(value).value

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> str:
        return read_org_type(value).value

    @field_validator("region", mode="before")
    @classmethod
    def _region(cls, value: Any) -> str:
        return read_region(value).value

    @field_validator("departement", mode="before")
    @classmethod
    def _departement(cls, value: Any) -> str:
        return read_departement(value).value


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


@dataclass
class AnswerSet:
    organisation: Organisation
    assessment_date: dt.date
    questionnaire: QuestionnaireRef
    answers: dict[str, Answer] = field(default_factory=dict)
    source: str = ""
    confirmed_checks: dict[str, str] = field(default_factory=dict)
    # answers carried over from the previous assessment and not yet confirmed (`to_confirm`)
    to_confirm: frozenset[str] = frozenset()

    def get(self, question_id: str) -> Answer:
        return self.answers.get(question_id, Answer(UNKNOWN))


def parse_value(question: Question, raw: Any) -> Answer:
    """Read one answer with the shared reader; raise ValueProblem (a ValueError) saying what is expected."""
    return read_answer(question, raw).answer


# pydantic's wording for what people get wrong in a hand-written file, said in their language
_FRIENDLY = (
    "missing",
    "extra_forbidden",
    "date_from_datetime_parsing",
    "date_parsing",
    "date_type",
)


def _organisation_problems(doc: Document, lang: Lang) -> list[Problem]:
    """Every organisation field checked by the shared reader; good values are normalised in place."""
    data = doc.data.get("organisation") if isinstance(doc.data, dict) else None
    if not isinstance(data, dict):
        return []
    problems = []
    for name, reader in ORG_READERS.items():
        if name not in data or data[name] is None:
            continue
        try:
            data[name] = reader(data[name]).value
        except ValueProblem as exc:
            problems.append(doc.problem(("organisation", name), exc.text(lang)))
    return problems


def file_problems(
    doc: Document, exc: ValidationError, lang: Lang, prefix: tuple[str, ...] = ()
) -> list[Problem]:
    """pydantic's errors of a hand-written file, located, in the user's words and language."""
    messages = {k: t(f"a_{k}", lang) for k in _FRIENDLY}
    return problems_from_validation(doc, exc, prefix, messages=messages)


def validate_answers(doc: Document, questionnaire: Questionnaire, lang: Lang = "fr") -> AnswerSet:
    """Check a parsed answers document; every problem (organisation and answers) is collected
    before raising."""
    problems = _organisation_problems(doc, lang)
    bad_fields = {p.field for p in problems}
    try:
        parsed = AnswersFile.model_validate(doc.data)
    except ValidationError as exc:
        problems += [p for p in file_problems(doc, exc, lang) if p.field not in bad_fields]
        _answer_problems(doc, questionnaire, lang, problems)
        raise AnswersError(problems) from exc
    ref = parsed.questionnaire
    if ref.id != questionnaire.id:
        message = t("a_wrong_questionnaire", lang, found=ref.id, expected=questionnaire.id)
        problems.append(doc.problem(("questionnaire", "id"), message))
    answers = {
        qid: with_entry(answer, entry) if isinstance(entry, AnswerEntry) else answer
        for qid, answer in _answer_problems(doc, questionnaire, lang, problems).items()
        for entry in [parsed.answers.get(qid)]
    }
    if problems:
        raise AnswersError(problems)
    pending = frozenset(
        qid for qid, entry in parsed.answers.items()
        if isinstance(entry, AnswerEntry) and entry.to_confirm and qid in answers
    )  # fmt: skip
    return AnswerSet(
        parsed.organisation, parsed.assessment_date, ref, answers, doc.name,
        dict(parsed.confirmed_checks), pending,
    )  # fmt: skip


def with_entry(answer: Answer, entry: AnswerEntry) -> Answer:
    """The parsed value with the entry's comment and evidence (plain string or dated)."""
    ev = entry.evidence
    if isinstance(ev, EvidenceRef):
        return Answer(answer.state, answer.value, entry.comment, ev.ref, ev.date, ev.expires)
    return Answer(answer.state, answer.value, entry.comment, ev)


def _answer_problems(
    doc: Document, questionnaire: Questionnaire, lang: Lang, problems: list[Problem]
) -> dict[str, Answer]:
    raw_answers = doc.data.get("answers") if isinstance(doc.data, dict) else None
    if not isinstance(raw_answers, dict):
        return {}
    questions = questionnaire.questions()
    answers: dict[str, Answer] = {}
    for qid, raw in raw_answers.items():
        question = questions.get(str(qid))
        if question is None:
            problems.append(doc.problem(("answers", qid), t("a_unknown_question", lang, id=qid)))
            continue
        if isinstance(raw, dict) and "value" in raw:
            # a bad entry (a key `note`, a comment over the limit) is named as such
            try:
                AnswerEntry.model_validate(raw)
            except ValidationError as exc:
                problems.extend(file_problems(doc, exc, lang, ("answers", qid)))
                continue
        entry = raw if isinstance(raw, dict) else {"value": raw}
        try:
            answer = read_answer(question, entry.get("value")).answer
        except ValueProblem as exc:
            loc = ("answers", qid, "value") if isinstance(raw, dict) else ("answers", qid)
            problems.append(doc.problem(loc, exc.text(lang)))
            continue
        answers[str(qid)] = answer  # comment and evidence: added from the parsed entry
    return answers


def load_answers(path: Path, questionnaire: Questionnaire, lang: Lang = "fr") -> AnswerSet:
    try:
        doc = load_document(path, lang)
    except LoadFailure as exc:
        raise AnswersError([exc.problem]) from exc
    return validate_answers(doc, questionnaire, lang)
