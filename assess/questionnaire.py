"""The questionnaire format: sections (profile, the six domains, adjacent topics) and questions."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import Field, PrivateAttr, field_validator, model_validator

from .common import DOMAINS, OrgType, StrictModel, Text
from .conditions import Condition

__all__ = [
    "Choice",
    "EvidencePolicy",
    "LevelDefinition",
    "Question",
    "QuestionType",
    "Questionnaire",
    "RetiredQuestion",
    "References",
    "Section",
    "SectionKind",
]

QUESTION_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
MAX_INTEGER = 1_000_000_000
CHOICE_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class QuestionType(StrEnum):
    yes_no = "yes_no"
    single_choice = "single_choice"
    multiple_choice = "multiple_choice"
    percent = "percent"
    integer = "integer"
    date = "date"
    text = "text"

    @property
    def numeric(self) -> bool:
        return self in (QuestionType.percent, QuestionType.integer, QuestionType.date)


class SectionKind(StrEnum):
    profile = "profile"
    domain = "domain"  # one of the six scored domains
    adjacent = "adjacent"  # identity, e-prescription, governance, training: asked, not scored


class References(StrictModel):
    """Where a question or rule comes from: seed report IDs and official referential IDs."""

    seed: list[str] = Field(default_factory=list)
    referentials: list[str] = Field(default_factory=list)


class Choice(StrictModel):
    id: str
    label: Text

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not CHOICE_ID.match(value):
            raise ValueError(f"choice ID '{value}' must be lower case letters, digits and _")
        return value


class EvidencePolicy(StrictModel):
    """What proof an answer needs: `evidence: {required: true, max_age_months: 24}`.

    `values` limits the requirement to those answers (e.g. `[yes]`: a "no" needs no proof).
    """

    required: bool = True
    max_age_months: int | None = Field(default=None, ge=1, le=120)
    values: list[str] = Field(default_factory=list)

    def wanted_for(self, value: object) -> bool:
        if not self.required:
            return False
        if not self.values:
            return True
        if isinstance(value, frozenset):
            return bool(value & set(self.values))
        return value in self.values


class Question(StrictModel):
    _choice_ids: tuple[str, ...] = PrivateAttr(default=())

    id: str
    type: QuestionType
    label: Text
    help: Text
    choices: list[Choice] = Field(default_factory=list)
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    allow_na: bool = False
    applies_to: list[OrgType] = Field(default_factory=list)  # empty: every type
    depends_on: Condition | None = None
    references: References = Field(default_factory=References)
    # Relative effort of changing this answer (1 = a quick fix, 5 = a long project); the roadmap
    # ranks sets of changes by the sum of their efforts. Without a hint a change counts 1.
    effort: int | None = Field(default=None, ge=1, le=5)
    # Question IDs of earlier questionnaire versions that this question replaces: their
    # answers are carried over (compare, --from).
    replaces: list[str] = Field(default_factory=list)
    evidence: EvidencePolicy | None = None
    na_justification: bool = False  # a not-applicable answer needs a comment saying why

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not QUESTION_ID.match(value):
            raise ValueError(
                f"question ID '{value}' must be dotted lower case, e.g. dmp.discharge_letter_share"
            )
        return value

    @model_validator(mode="after")
    def _choices_match_type(self) -> Question:
        has_choices = self.type in (QuestionType.single_choice, QuestionType.multiple_choice)
        if has_choices and len(self.choices) < 2:
            raise ValueError(f"a {self.type.value} question needs at least two choices")
        if not has_choices and self.choices:
            raise ValueError(f"a {self.type.value} question takes no choices")
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError("choice IDs must be unique within a question")
        if self.evidence is not None:
            allowed = ids or (["yes", "no"] if self.type is QuestionType.yes_no else [])
            wrong = [v for v in self.evidence.values if v not in allowed]
            if wrong:
                raise ValueError(
                    f"evidence.values {', '.join(wrong)} are not answers of this question"
                )
        if self.na_justification and not self.allow_na:
            raise ValueError("na_justification needs allow_na: true")
        return self

    def choice_ids(self) -> list[str]:
        if self.type is QuestionType.yes_no:
            return ["yes", "no"]
        return list(self._choice_ids)

    def model_post_init(self, _context: object) -> None:
        # Asked for every answer of every batch row: computed once.
        object.__setattr__(self, "_choice_ids", tuple(c.id for c in self.choices))

    def bounds(self) -> tuple[float | None, float | None]:
        if self.type is QuestionType.percent:
            return (0 if self.min is None else self.min, 100 if self.max is None else self.max)
        if self.type is QuestionType.integer:
            # Bounded so that every accepted number is exact in the engine's JSON and C doubles.
            return (
                0 if self.min is None else self.min,
                MAX_INTEGER if self.max is None else self.max,
            )
        return (self.min, self.max)


class LevelDefinition(StrictModel):
    """What maturity level N of a domain means (the gates that define it are rules)."""

    level: int = Field(ge=1, le=5)
    title: Text
    description: Text


class Section(StrictModel):
    id: str
    kind: SectionKind
    title: Text
    intro: Text | None = None
    levels: list[LevelDefinition] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _kind_rules(self) -> Section:
        if self.kind is SectionKind.domain:
            if self.id not in DOMAINS:
                raise ValueError(f"domain section '{self.id}' must be one of {', '.join(DOMAINS)}")
            if [lv.level for lv in self.levels] != [1, 2, 3, 4, 5]:
                raise ValueError("a domain section defines levels 1, 2, 3, 4 and 5, in order")
        elif self.levels:
            raise ValueError("only domain sections define maturity levels")
        for q in self.questions:
            if q.id.split(".")[0] != self.id:
                raise ValueError(f"question '{q.id}' must start with its section ID '{self.id}.'")
        return self


class RetiredQuestion(StrictModel):
    """A question of an earlier version that was dropped: its old answers are listed, not used."""

    id: str
    since: str = Field(min_length=1)  # the questionnaire version that dropped it
    reason: Text


class Questionnaire(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    title: Text
    sections: list[Section] = Field(min_length=1)
    retired: list[RetiredQuestion] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_and_complete(self) -> Questionnaire:
        seen: set[str] = set()
        for section in self.sections:
            for q in section.questions:
                if q.id in seen:
                    raise ValueError(f"question ID '{q.id}' is used twice")
                seen.add(q.id)
        current = set(seen)
        for section in self.sections:
            for q in section.questions:
                for old in q.replaces:
                    if old in current:
                        raise ValueError(f"'{q.id}' replaces '{old}', which is still asked")
                    if old in seen:
                        raise ValueError(f"question ID '{old}' is replaced twice")
                    seen.add(old)
        for r in self.retired:
            if r.id in seen:
                raise ValueError(f"retired question '{r.id}' is still asked or replaced")
        domains = {s.id for s in self.sections if s.kind is SectionKind.domain}
        missing = [d for d in DOMAINS if d not in domains]
        if missing:
            raise ValueError(f"missing domain sections: {', '.join(missing)}")
        return self

    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.sections for q in s.questions}

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def section_of(self, question_id: str) -> str:
        return question_id.split(".")[0]
