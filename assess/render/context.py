"""Everything the report templates print, prepared from one AssessmentResult.

`report_context()` returns a plain dict; the templates only loop and print. User-provided text
(organisation name, comments, evidence, brand name and footer) stays plain `str`, so Jinja2's
autoescaping renders it as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..common import DOMAINS, Lang, OrgType
from ..coverage import coverage
from ..definitions import Definitions
from ..geo import DEPARTEMENT_NAMES, REGIONS
from ..i18n import MESSAGES
from ..progress.plan_steps import PlanStep
from ..questionnaire import SectionKind
from ..result import AssessmentResult, DomainResult
from .brand import Brand
from .colour import palette
from .executive import MAX_CROSS_CUTTING, domain_brief, plan_head, top_findings
from .plan import action_plan, first_actions, strengths
from .radar import Axis, radar_svg
from .trust_view import CheckRow, section_checks, trust_context
from .views import AnswerRow, FindingRow, Formatter, GateRow, soft_wrap

__all__ = ["PARTS", "DomainView", "ReportPart", "report_context"]

# executive: the short report a director reads; annexes: the full detail; full: both in one.
ReportPart = Literal["executive", "annexes", "full"]
PARTS: tuple[ReportPart, ...] = ("executive", "annexes", "full")

FONT_FAMILY = "Assess Sans"
SHORT_NAME = 60


@dataclass(frozen=True)
class LevelRow:
    level: int
    title: str
    description: str
    reached: bool
    gates: tuple[GateRow, ...]
    applicable: bool = True


@dataclass(frozen=True)
class DomainView:
    id: str
    anchor: str
    title: str
    applicable: bool
    level: int
    potential_level: int
    score: str
    score_max: str
    show_score_max: bool
    confidence: str
    answered: str
    level_title: str
    level_description: str
    why_title: str  # "" at level 5 or when not applicable
    na_levels: str  # levels that do not apply to this organisation, e.g. "4, 5"
    blocking: tuple[GateRow, ...]
    findings: tuple[FindingRow, ...]
    levels: tuple[LevelRow, ...]
    grade: str = ""  # confidence grade A-D
    checks: tuple[CheckRow, ...] = ()  # consistency checks of this domain


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    depth: int


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _domain_view(d: DomainResult, fmt: Formatter) -> DomainView:
    gates = {g.rule_id: g for g in d.gates}
    reached = d.levels[d.level - 1] if d.level >= 1 else None
    blocking: tuple[GateRow, ...] = ()
    why = ""
    nxt = d.next_level() if d.applicable else None
    if nxt is not None:
        why = fmt.t("r_why_not_next", n=nxt.level)
        blocking = tuple(fmt.gate(gates[rid]) for rid in nxt.blocking if rid in gates)
    return DomainView(
        id=d.domain, anchor=f"domain-{d.domain}", title=fmt.domain(d.domain), applicable=d.applicable,
        level=d.level, potential_level=d.potential_level, score=fmt.num(d.score),
        score_max=fmt.num(d.score_max), show_score_max=d.score_max > d.score,
        confidence=fmt.pct(d.confidence), answered=f"{d.questions_answered}/{d.questions_applicable}",
        level_title=reached.title.get(fmt.lang) if reached else fmt.t("r_level_zero"),
        level_description=reached.description.get(fmt.lang) if reached else fmt.t("r_level_zero_desc"),
        why_title=why, blocking=blocking,
        na_levels=", ".join(str(lv.level) for lv in d.levels if not lv.applicable) if d.applicable else "",
        findings=tuple(fmt.finding(f) for f in d.findings),
        levels=tuple(
            LevelRow(lv.level, lv.title.get(fmt.lang), lv.description.get(fmt.lang), lv.reached,
                     tuple(fmt.gate(gates[rid]) for rid in lv.gates if rid in gates),
                     lv.applicable)
            for lv in d.levels
        ),
        grade=d.confidence_grade,
    )  # fmt: skip


def _answers_annex(
    result: AssessmentResult, defs: Definitions, fmt: Formatter
) -> list[dict[str, Any]]:
    by_section: dict[str, list[AnswerRow]] = {}
    for a in result.answers:
        by_section.setdefault(defs.questionnaire.section_of(a.question_id), []).append(
            fmt.answer(a)
        )
    return [
        {"title": s.title.get(fmt.lang), "rows": by_section[s.id]}
        for s in defs.questionnaire.sections
        if s.id in by_section
    ]


def _rules_by_domain(rule_ids: tuple[str, ...], defs: Definitions, fmt: Formatter) -> str:
    """ "Cybersécurité (12), Hébergement HDS (3)": where the rules are, not a wall of IDs."""
    counts: dict[str, int] = {}
    for rid in rule_ids:
        domain = defs.rules[rid].domain if rid in defs.rules else ""
        counts[domain] = counts.get(domain, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], fmt.domain(kv[0])))
    return ", ".join(f"{fmt.domain(d)} ({n})" for d, n in ranked)


def _coverage(defs: Definitions, fmt: Formatter) -> dict[str, Any]:
    rows = coverage(defs)
    uncovered: dict[str, list[str]] = {}
    for r in rows:
        if r.item.kind == "measure" and not r.covered and r.item.parent:
            uncovered.setdefault(r.item.parent, []).append(r.item.id)
    counts = {k: (sum(r.covered for r in rows if r.item.kind == k), sum(r.item.kind == k for r in rows))
              for k in ("proposal", "measure", "barrier")}  # fmt: skip
    return {
        "summary": fmt.t(
            "r_coverage_summary",
            covered=counts["proposal"][0],
            total=counts["proposal"][1],
            measures=counts["measure"][0],
            measures_total=counts["measure"][1],
            barriers=counts["barrier"][0],
            barriers_total=counts["barrier"][1],
        ),  # fmt: skip
        "rows": [
            {
                "id": r.item.id,
                "kind": r.item.kind,
                "kind_label": fmt.t(f"r_kind_{r.item.kind}"),
                "title": r.item.title.get(fmt.lang),
                "nested": r.item.parent is not None,
                "rules": _rules_by_domain(r.rules, defs, fmt),
                "via": _rules_by_domain(r.via_children, defs, fmt),
                "covered": r.covered,
                "uncovered_measures": ", ".join(uncovered.get(r.item.id, [])),
            }  # fmt: skip
            for r in rows
            if r.item.kind != "measure"
            or r.covered  # uncovered measures are listed on their proposal
        ],
    }


def _sources(defs: Definitions, fmt: Formatter) -> list[dict[str, Any]]:
    cited = {rid for r in defs.rules.values() for rid in r.references.referentials}
    refs = sorted(defs.catalog.referentials.values(), key=lambda r: (r.date, r.id))
    return [
        {"id": r.id, "title": r.title.get(fmt.lang), "date": fmt.date(r.date), "url": r.url,
         "cited": r.id in cited}
        for r in refs
    ]  # fmt: skip


def _review_note(defs: Definitions, fmt: Formatter) -> str:
    """The rule set's review date: the oldest review among the rules in use."""
    live = [r for r in defs.rules.values() if not r.deprecated]
    dates = [r.review.date for r in live if r.review]
    if not dates:
        return fmt.t("r_method_not_reviewed")
    return fmt.t("r_method_review", reviewed=len(dates), total=len(live), date=fmt.date(min(dates)))


def _toc(fmt: Formatter) -> list[TocEntry]:
    """The annexes' contents: they run to dozens of pages, the executive report does not."""
    keys = (("r_annex_plan", "annex-plan"), ("r_annex_details", "annex-details"),
            ("r_annex_answers", "annex-answers"), ("r_annex_method", "annex-method"),
            ("r_annex_coverage", "annex-coverage"), ("r_annex_sources", "annex-sources"))  # fmt: skip
    return [TocEntry(anchor, fmt.t(key), 1) for key, anchor in keys]


def _header(result: AssessmentResult, fmt: Formatter) -> dict[str, Any]:
    org = result.organisation
    try:
        type_label = OrgType(org.type).label.get(fmt.lang)
    except ValueError:
        type_label = org.type
    return {
        "name": soft_wrap(org.name), "name_short": _shorten(org.name, SHORT_NAME), "name_long": len(org.name) > 120,
        "finess": org.finess, "type": type_label,
        "region": REGIONS.get(org.region, org.region),
        "departement": f"{DEPARTEMENT_NAMES.get(org.departement, org.departement)} ({org.departement})",
    }  # fmt: skip


def _overall(result: AssessmentResult, fmt: Formatter) -> dict[str, Any]:
    o = result.overall
    return {
        "index": fmt.num(o.index), "index_max": fmt.num(o.index_max), "show_max": o.index_max > o.index,
        "up_to": fmt.t("up_to", value=fmt.num(o.index_max)), "confidence": fmt.pct(o.confidence),
        "by_severity": [{"key": k, "label": fmt.severity(k), "count": n} for k, n in o.findings_by_severity.items()],
        "weights": [{"title": fmt.domain(d), "weight": fmt.pct(o.weights.get(d, 0.0))} for d in DOMAINS],
    }  # fmt: skip


def _adjacent(result: AssessmentResult, defs: Definitions, fmt: Formatter) -> list[dict[str, Any]]:
    sections = {s.id: s for s in defs.questionnaire.sections if s.kind is SectionKind.adjacent}
    return [
        {"title": sections[a.section].title.get(fmt.lang) if a.section in sections else a.title.get(fmt.lang),
         "findings": [fmt.finding(f) for f in a.findings]}
        for a in result.adjacent if a.findings
    ]  # fmt: skip


def _cross_cutting_brief(adjacent: list[dict[str, Any]], fmt: Formatter) -> dict[str, Any]:
    rows = [f for a in adjacent for f in a["findings"]]
    findings, more = top_findings(rows, MAX_CROSS_CUTTING, fmt)
    return {"findings": findings, "more": more}


def _annexes(result: AssessmentResult, defs: Definitions, fmt: Formatter) -> dict[str, Any]:
    """What only the annexes print; not built for the executive report."""
    return {
        "domain_details": [
            replace(_domain_view(d, fmt), checks=section_checks(result, d.domain, fmt))
            for d in result.domains
        ],
        "answers": _answers_annex(result, defs, fmt),
        "coverage": _coverage(defs, fmt),
        "source_report": fmt.t("r_source_report"),
        "sources": _sources(defs, fmt),
        "review_note": _review_note(defs, fmt),
        "toc": _toc(fmt),
    }


def report_context(
    result: AssessmentResult,
    defs: Definitions,
    lang: Lang,
    brand: Brand,
    part: ReportPart = "executive",
    steps: Sequence[PlanStep] = (),
) -> dict[str, Any]:
    """`steps`: the roadmap's (`assess.progress.plan_steps.report_steps`); without them the
    action plan is ordered by severity."""
    fmt = Formatter(lang, defs)
    adjacent = _adjacent(result, defs, fmt)
    plan = action_plan(result, fmt, steps)
    axes = [Axis(fmt.domain(d.domain), d.level, d.applicable) for d in result.domains]
    colours = palette(brand.primary_color)
    context = {
        "part": part,
        "lang": lang,
        "colon": "\u202f:" if lang == "fr" else ":",
        "L": {key: text.get(lang) for key, text in MESSAGES.items()},
        "org": _header(result, fmt),
        "assessment_date": fmt.date(result.assessment_date),
        "as_of": fmt.date(result.as_of) if result.as_of != result.assessment_date else "",
        "questionnaire": f"{result.questionnaire_id} v{result.questionnaire_version}",
        "rules_version": result.rules_version,
        "inputs_hash": result.inputs_hash,
        "tool": f"assess {result.tool_version} · {result.engine}",
        # plain values only: a Brand holds paths, whose methods a template must never reach
        "brand": {"name": brand.name, "footer": brand.footer, "color": brand.primary_color},
        "palette": colours.as_dict(),
        "font_family": FONT_FAMILY,
        "overall": _overall(result, fmt),
        "radar": radar_svg(axes, colours.primary, FONT_FAMILY),
        "strengths": strengths(result, fmt),
        "first_actions": first_actions(plan),
        "domains": [
            replace(domain_brief(d, fmt), checks=section_checks(result, d.domain, fmt))
            for d in result.domains
        ],
        "adjacent": adjacent,
        "cross_cutting": _cross_cutting_brief(adjacent, fmt),
        "plan": plan,
        "plan_from_roadmap": bool(steps),
        "plan_head": plan_head(plan, fmt),
        "warnings": [w.get(lang) for w in result.notices],
        **trust_context(result, fmt),
    }
    if part != "executive":
        context.update(_annexes(result, defs, fmt))
    return context
