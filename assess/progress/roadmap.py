"""The roadmap: per domain, the smallest sets of answer changes that reach the next level.

`build_roadmap` is the library entry point (the CLI, the JSON output and the report's action
plan use it). Every option it returns was evaluated through the Assessor: `level` and `index`
are what the engine gives once the changes are applied, not an estimate.

Stable contract: fields are only ever added; `schema_version` changes otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..answers import AnswerSet
from ..common import DOMAINS, Text
from ..scoring.assessor import Assessor
from ..scoring.evaluation import Evaluation
from .changes import Change, json_value
from .search import Changes, SearchLimits, WhatIf
from .upcoming import UpcomingRule, upcoming_rules

__all__ = [
    "ROADMAP_SCHEMA_VERSION",
    "AnswerChange",
    "DomainRoadmap",
    "Roadmap",
    "RoadmapOption",
    "answer_changes",
    "build_roadmap",
    "option_changes",
]

ROADMAP_SCHEMA_VERSION = 1
MAX_LEVEL = 5


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AnswerChange(_Model):
    """One answer to change: from its current state (answered, unknown) to `after`."""

    question_id: str
    question: Text
    before_state: str  # answered | unknown | not_applicable
    before: Any = None
    after: Any
    effort: int  # the question's effort hint, 1 when it has none


class DomainMove(_Model):
    domain: str
    before: int
    after: int


class RoadmapOption(_Model):
    """A set of changes, verified: applied to the answers, the domain reaches `level`."""

    changes: list[AnswerChange]
    effort: int  # sum of the changes' efforts
    level: int  # the domain's level once applied
    score: float
    index: float  # the overall index once applied
    other_domains: list[DomainMove]  # other domains whose level moves too (up or down)
    findings_resolved: list[str]  # rule IDs that stop firing, every domain
    findings_added: list[str]


class DomainRoadmap(_Model):
    domain: str
    title: Text
    applicable: bool
    level: int
    score: float
    target_level: int | None  # None when nothing is left to reach
    status: str  # options | reached | top | not_applicable | not_found
    blocking: list[str]  # rule IDs of the gates that block the target today
    options: list[RoadmapOption]


class Roadmap(_Model):
    schema_version: int = ROADMAP_SCHEMA_VERSION
    organisation: str
    finess: str
    assessment_date: dt.date
    as_of: dt.date
    index: float
    by: dt.date | None
    domains: list[DomainRoadmap]
    upcoming: list[UpcomingRule]  # with `by`: rules coming into or out of force until then
    evaluations: int  # answer sets evaluated by the search
    limits: dict[str, int]


def option_changes(option: RoadmapOption) -> list[Change]:
    """The changes of an option as `apply_changes` takes them (choice lists back to sets)."""
    return answer_changes(option.changes)


def answer_changes(items: Iterable[AnswerChange]) -> list[Change]:
    """Answer changes as `apply_changes` takes them (choice lists back to sets)."""
    return [
        Change(c.question_id, frozenset(c.after) if isinstance(c.after, list) else _date(c.after))
        for c in items
    ]


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _state(w: WhatIf, qid: str) -> str:
    state = w.base.case.resolved[qid].state
    return {"v": "answered", "u": "unknown", "n": "not_applicable"}[state]


def _option(w: WhatIf, domain: str, changes: Changes) -> RoadmapOption:
    ev: Evaluation = w.evaluate(changes)
    base = w.base
    before, after = set(base.finding_ids()), set(ev.finding_ids())
    moves = [
        DomainMove(domain=d, before=base.domains[d].level, after=n.level)
        for d, n in ev.domains.items()
        if d != domain and n.level != base.domains[d].level
    ]
    items = [
        AnswerChange(
            question_id=c.question_id,
            question=w.questions[c.question_id].label,
            before_state=_state(w, c.question_id),
            before=json_value(w.base.case.resolved[c.question_id].value),
            after=json_value(c.value),
            effort=w.questions[c.question_id].effort or 1,
        )  # fmt: skip
        for c in sorted(changes)
    ]
    numbers = ev.domains[domain]
    return RoadmapOption(
        changes=items, effort=w.effort(changes), level=numbers.level, score=numbers.score,
        index=ev.index, other_domains=moves, findings_resolved=sorted(before - after),
        findings_added=sorted(after - before),
    )  # fmt: skip


def _search(w: WhatIf, domain: str, target: int, limits: SearchLimits) -> list[Changes]:
    budget = w.evaluations + limits.evaluations
    options = []
    for rid in w.blocking(domain, target):
        found = w.gate_options(domain, rid, limits, budget)
        if not found:
            return []  # one gate cannot be met within the bounds: no union can reach the target
        options.append(found)
    kept: list[Changes] = []
    for union in w.combine(options, limits):
        if w.evaluations >= budget or len(kept) >= limits.sets:
            break
        if any(k <= union for k in kept) or not w.reaches(domain, target, union):
            continue
        smaller = w.prune(domain, target, union, budget)
        if not any(k <= smaller for k in kept):
            kept = [k for k in kept if not smaller <= k] + [smaller]
    return sorted(kept, key=lambda u: (w.effort(u), len(u), sorted(u)))


def _domain(
    w: WhatIf, domain: str, target_level: int | None, limits: SearchLimits
) -> DomainRoadmap:
    numbers = w.base.domains[domain]
    title = w.assessor.defs.questionnaire.section(domain).title
    target = target_level if target_level is not None else numbers.level + 1
    status, options, blocking = "options", [], []
    if not numbers.applicable:
        status, target_or = "not_applicable", None
    elif numbers.level >= MAX_LEVEL:
        status, target_or = "top", None
    elif target <= numbers.level:
        status, target_or = "reached", target
    else:
        target_or = min(target, MAX_LEVEL)
        blocking = w.blocking(domain, target_or)
        options = [_option(w, domain, u) for u in _search(w, domain, target_or, limits)]
        status = "options" if options else "not_found"
    return DomainRoadmap(
        domain=domain, title=title, applicable=numbers.applicable, level=numbers.level,
        score=numbers.score, target_level=target_or, status=status, blocking=blocking,
        options=options,
    )  # fmt: skip


def build_roadmap(
    assessor: Assessor,
    answers: AnswerSet,
    *,
    domains: list[str] | None = None,
    target_level: int | None = None,
    by: dt.date | None = None,
    as_of: dt.date | None = None,
    limits: SearchLimits | None = None,
) -> Roadmap:
    """The roadmap of one organisation; `domains` defaults to the six scored domains."""
    limits = limits or SearchLimits()
    w = WhatIf(assessor, answers, as_of)
    chosen = [d for d in DOMAINS if d in w.base.domains and (not domains or d in domains)]
    plans = [_domain(w, d, target_level, limits) for d in chosen]
    day = w.base.case.as_of
    return Roadmap(
        organisation=answers.organisation.name, finess=answers.organisation.finess,
        assessment_date=answers.assessment_date, as_of=day, index=w.base.index, by=by,
        domains=plans,
        upcoming=upcoming_rules(assessor, answers, day, by, chosen) if by else [],
        evaluations=w.evaluations, limits=dict(vars(limits)),
    )  # fmt: skip
