"""The roadmap as terminal text (`assess roadmap`)."""

from __future__ import annotations

from typing import Any

from ..common import Lang
from ..definitions import Definitions
from ..render.views import Formatter
from ..result import AnswerView
from . import labels as _labels  # noqa: F401  (registers the words used below)
from .roadmap import DomainRoadmap, Roadmap, RoadmapOption
from .upcoming import UpcomingRule

__all__ = ["roadmap_text"]


def answer_text(fmt: Formatter, qid: str, state: str, value: Any) -> str:
    return fmt.answer(AnswerView(question_id=qid, state=state, value=value)).value


def _option(fmt: Formatter, n: int, o: RoadmapOption) -> list[str]:
    lines = [
        "  "
        + fmt.t(
            "p_option",
            n=n,
            effort=o.effort,
            level=o.level,
            score=fmt.num(o.score),
            index=fmt.num(o.index),
        )  # fmt: skip
    ]
    for c in o.changes:
        before = answer_text(fmt, c.question_id, c.before_state, c.before)
        after = answer_text(fmt, c.question_id, "answered", c.after)
        lines += [f"    - {c.question.get(fmt.lang)}", f"      {before} → {after}"]
    for move in o.other_domains:
        lines.append(
            "    "
            + fmt.t(
                "p_other_domain",
                domain=fmt.domain(move.domain),
                before=move.before,
                after=move.after,
            )
        )
    if o.findings_resolved:
        lines.append("    " + fmt.t("p_resolved", ids=", ".join(o.findings_resolved)))
    if o.findings_added:
        lines.append("    " + fmt.t("p_added", ids=", ".join(o.findings_added)))
    return lines


def _domain(fmt: Formatter, d: DomainRoadmap, limits: dict[str, int]) -> list[str]:
    name = fmt.domain(d.domain)
    if d.status == "not_applicable":
        return [f"{name} — {fmt.t('p_not_applicable')}"]
    if d.status == "top":
        return [f"{name} — {fmt.t('p_top')}"]
    if d.status == "reached":
        return [f"{name} — {fmt.t('p_reached', level=d.level)}"]
    lines = [f"{name} — {fmt.t('p_target', level=d.level, target=d.target_level)}"]
    if d.status == "not_found":
        bounds = {"n": limits["max_changes"], "per": limits["gate_changes"]}
        return [*lines, "  " + fmt.t("p_not_found", **bounds)]
    for n, option in enumerate(d.options, 1):
        lines += _option(fmt, n, option)
    return lines


def upcoming_line(fmt: Formatter, u: UpcomingRule) -> str:
    date, title = fmt.date(u.date), u.title.get(fmt.lang)
    if u.change == "ends":
        return fmt.t("p_ends", date=date, title=title)
    if u.kind == "finding":
        key = "p_starts_finding_fires" if u.fires else "p_starts_finding_quiet"
        if u.fires and u.severity.value == "info":
            key = "p_starts_finding_info"
        return fmt.t(key, date=date, title=title, severity=fmt.severity(u.severity.value))
    status = fmt.t(f"gate_{u.gate_status.value}") if u.gate_status else ""
    return fmt.t(
        "p_starts_gate", date=date, title=title, gate_level=fmt.defs.rules[u.rule_id].gate.level,  # type: ignore[union-attr]
        status=status, domain=fmt.domain(u.domain), before=u.level_before, after=u.level_after,
    )  # fmt: skip


def roadmap_text(roadmap: Roadmap, defs: Definitions, lang: Lang = "fr") -> str:
    fmt = Formatter(lang, defs)
    index = f"{fmt.t('index')} : " if lang == "fr" else f"{fmt.t('index')}: "
    lines = [
        f"{fmt.t('p_roadmap')} — {roadmap.organisation} — FINESS {roadmap.finess} — "
        f"{fmt.t('assessed_on')} {fmt.date(roadmap.assessment_date)}",
        f"{index}{fmt.num(roadmap.index)} / 100",
        "",
    ]
    for d in roadmap.domains:
        lines += [*_domain(fmt, d, roadmap.limits), ""]
    if roadmap.by is not None:
        lines.append(fmt.t("p_upcoming", date=fmt.date(roadmap.by)))
        lines += [f"  {upcoming_line(fmt, u)}" for u in roadmap.upcoming] or [
            f"  {fmt.t('p_no_upcoming')}"
        ]
        lines.append("")
    lines.append(fmt.t("p_search", n=roadmap.evaluations))
    return "\n".join(lines) + "\n"
