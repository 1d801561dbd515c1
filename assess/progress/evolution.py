"""The report's section "Évolution depuis l'évaluation du …" (`assess report --previous FILE`).

`evolution_context` turns a Comparison into display rows (every label translated, every number
formatted) for `templates/_evolution.html`; the template only prints them.
"""

from __future__ import annotations

from typing import Any

from ..answers import AnswerSet
from ..common import Lang
from ..definitions import Definitions
from ..render.views import Formatter
from ..result import AssessmentResult
from ..scoring.assessor import Assessor
from . import labels as _labels  # noqa: F401  (registers the words used below)
from .compare import Comparison, DomainComparison, ItemChange, compare
from .compare_text import carry_note_text, outcome_label
from .snapshot import Snapshot

__all__ = ["evolution_context", "report_comparison"]


def report_comparison(
    assessor: Assessor, previous: Snapshot, answers: AnswerSet, result: AssessmentResult
) -> Comparison:
    """The comparison behind the report: `previous` against the report's own result."""
    current = Snapshot(answers.source, "answers", result, answers, [])
    return compare(assessor, previous, current)


def _trend(before: int | None, after: int | None) -> str:
    if before is None or after is None or before == after:
        return "same"
    return "up" if after > before else "down"


def _items(fmt: Formatter, items: list[ItemChange]) -> list[dict[str, str]]:
    return [{"rule_id": i.rule_id, "title": i.title.get(fmt.lang)} for i in items]


def _domain(fmt: Formatter, d: DomainComparison) -> dict[str, Any]:
    return {
        "name": fmt.domain(d.domain),
        "scored": d.scored,
        "level_before": d.level_before,
        "level_after": d.level_after,
        "score_before": fmt.num(d.score_before) if d.score_before is not None else "",
        "score_after": fmt.num(d.score_after) if d.score_after is not None else "",
        "trend": _trend(d.level_before, d.level_after),
        "gates_met": _items(fmt, d.gates_met),
        "gates_lost": _items(fmt, d.gates_lost),
        "resolved": _items(fmt, d.findings_resolved),
        "new": _items(fmt, d.findings_new),
        "persisting": len(d.findings_persisting),
    }


def evolution_context(c: Comparison, defs: Definitions, lang: Lang) -> dict[str, Any]:
    fmt = Formatter(lang, defs)
    p, n = c.previous, c.current
    domains = [_domain(fmt, d) for d in c.domains]
    return {
        "title": fmt.t("c_title", date=fmt.date(p.assessment_date)),
        "index": fmt.t(
            "c_index",
            before=fmt.num(p.index),
            after=fmt.num(n.index),
            delta=("+" if n.index > p.index else "") + fmt.num(n.index - p.index),
        ),  # fmt: skip
        "domains": [d for d in domains if d["scored"]],
        "changed": [
            d for d in domains if d["gates_met"] or d["gates_lost"] or d["resolved"] or d["new"]
        ],  # fmt: skip
        "answers_changed": fmt.t("c_answers", n=len(c.answers)),
        "rule_changes": [
            {
                "rule_id": r.rule_id,
                "title": r.title.get(lang) if r.title else "",
                "change": fmt.t(f"c_rule_{r.change}"),
                "before": outcome_label(fmt, r.before),
                "after": outcome_label(fmt, r.after),
            }
            for r in c.rule_changes
        ],
        "carried": [carry_note_text(fmt, x).strip() for x in c.carried_over],
        "warnings": [fmt.t(f"c_warn_{w}") for w in c.warnings],
    }
