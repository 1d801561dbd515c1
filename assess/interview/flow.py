"""Which steps an interview asks, in which order, and how far along it is.

A step is an organisation field (name, FINESS, type, region, département) or a question. A
question is hidden when `applies_to` excludes the organisation's type or its `depends_on`
condition is false under the answers so far — the same test as `assess.facts.resolve`, so the
interview asks exactly the questions that scoring will count. Conditions still unknown (a
dependency skipped) leave the question asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common import Lang
from ..conditions import NA, Node, normalise
from ..engine.truth import F, Resolved, truth
from ..i18n import t
from ..questionnaire import Question, Questionnaire, SectionKind
from .parse import ORG_FIELDS
from .store import Draft

__all__ = ["ORGANISATION", "Flow", "Progress", "Step"]

ORGANISATION = "@organisation"  # the section of the organisation fields


@dataclass(frozen=True)
class Step:
    order: int
    section: str
    field: str | None = None  # an organisation field, or
    question: Question | None = None  # a question

    @property
    def key(self) -> str:
        return self.question.id if self.question is not None else f"@{self.field}"


@dataclass(frozen=True)
class Progress:
    section: str
    index: int  # 1-based position among the section's applicable steps
    total: int
    percent: int  # share of the applicable steps of the whole questionnaire that are answered

    def line(self, lang: Lang) -> str:
        return t(
            "iv_progress", lang, section=self.section, i=self.index, n=self.total, pct=self.percent
        )


class Flow:
    """Navigation over the applicable steps, optionally limited to one section (`domain`)."""

    def __init__(
        self, questionnaire: Questionnaire, draft: Draft, domain: str | None = None
    ) -> None:
        self.questionnaire = questionnaire
        self.draft = draft
        steps = [Step(i, ORGANISATION, field=f) for i, f in enumerate(ORG_FIELDS)]
        for section in questionnaire.sections:
            for q in section.questions:
                steps.append(Step(len(steps), section.id, question=q))
        self.steps = steps
        self._conditions: dict[str, Node] = {
            q.id: normalise(q.depends_on)
            for q in questionnaire.questions().values()
            if q.depends_on
        }
        self.scope: frozenset[str] | None = None
        self.domain = domain
        if domain is not None:
            profile = {s.id for s in questionnaire.sections if s.kind is SectionKind.profile}
            keep = {ORGANISATION, *profile}
            self.scope = frozenset(
                s.key for s in steps
                if s.section == domain or (s.section in keep and not self.answered(s))
            )  # fmt: skip

    # --- state ------------------------------------------------------------------------------------

    def answered(self, step: Step) -> bool:
        """Answered and confirmed: a carried-over answer still to confirm is asked again."""
        if step.question is not None:
            qid = step.question.id
            return qid in self.draft.answers and qid not in self.draft.pending
        return step.field in self.draft.organisation

    def has_answer(self, step: Step) -> bool:
        """Some answer is on file (Enter keeps it, and confirms it if it was carried over)."""
        if step.question is not None:
            return step.question.id in self.draft.answers
        return self.answered(step)

    def hidden(self) -> set[str]:
        """IDs of the questions that do not apply under the answers so far."""
        org_type = self.draft.org_type()
        resolved: dict[str, Resolved] = {}
        hidden: set[str] = set()
        for section in self.questionnaire.sections:
            for q in section.questions:
                hide = org_type is not None and bool(q.applies_to) and org_type not in q.applies_to
                cond = self._conditions.get(q.id)
                if not hide and cond is not None:
                    hide = truth(cond, resolved, lambda _rule: F) == F
                if hide:
                    hidden.add(q.id)
                    resolved[q.id] = Resolved(NA)
                elif q.id in self.draft.answers:
                    answer = self.draft.answers[q.id]
                    resolved[q.id] = Resolved(answer.state, answer.value)
        return hidden

    def applicable(self) -> list[Step]:
        hidden = self.hidden()
        return [s for s in self.steps if s.question is None or s.question.id not in hidden]

    def in_scope(self) -> list[Step]:
        return [s for s in self.applicable() if self.scope is None or s.key in self.scope]

    # --- navigation -------------------------------------------------------------------------------

    def first_unanswered(self) -> Step | None:
        return next((s for s in self.in_scope() if not self.answered(s)), None)

    def start(self) -> Step | None:
        """Where to begin: the first unanswered step; with a domain, the missing identity and
        profile steps, then the domain's first question (each shows its answer; Enter keeps it)."""
        if self.domain is None:
            return self.first_unanswered()
        steps = self.in_scope()
        missing = next(
            (s for s in steps if s.section != self.domain and not self.answered(s)), None
        )
        return missing or next((s for s in steps if s.section == self.domain), None)

    def next(self, step: Step) -> Step | None:
        """The following step in order; past the end, any step still unanswered; else None."""
        after = next((s for s in self.in_scope() if s.order > step.order), None)
        return after if after is not None else self.first_unanswered()

    def previous(self, step: Step) -> Step | None:
        before = [s for s in self.in_scope() if s.order < step.order]
        return before[-1] if before else None

    def progress(self, step: Step, lang: Lang) -> Progress:
        steps = self.applicable()
        same = [s for s in steps if s.section == step.section]
        index = next((i for i, s in enumerate(same, 1) if s.order >= step.order), len(same))
        done = sum(1 for s in steps if self.answered(s))
        percent = done * 100 // len(steps) if steps else 100
        return Progress(self.section_title(step.section, lang), index, len(same), percent)

    def section_title(self, section: str, lang: Lang) -> str:
        if section == ORGANISATION:
            return t("iv_profile", lang)
        return self.questionnaire.section(section).title.get(lang)
