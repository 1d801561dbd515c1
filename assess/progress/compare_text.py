"""A comparison as terminal text (`assess compare`)."""

from __future__ import annotations

from ..common import Lang
from ..definitions import Definitions
from ..render.views import Formatter
from . import labels as _labels  # noqa: F401  (registers the words used below)
from .carry import CarryNote
from .compare import Comparison, DomainComparison, ItemChange, RuleChange
from .roadmap_text import answer_text

__all__ = ["carry_note_text", "compare_text", "outcome_label"]


def _signed(fmt: Formatter, x: float) -> str:
    return ("+" if x > 0 else "") + fmt.num(x)


def outcome_label(fmt: Formatter, value: str) -> str:
    if value in ("fired", "not_fired", "absent"):
        return fmt.t(f"c_{value}")
    return fmt.t(f"gate_{value}")


def _item(fmt: Formatter, mark: str, item: ItemChange) -> list[str]:
    level = f" ({fmt.t('c_level_tag', n=item.level)})" if item.level else ""
    lines = [f"    {mark} {item.rule_id}  {item.title.get(fmt.lang)}{level}"]
    if item.cause == "answers":
        asked = " ; ".join(fmt.questions[q].label.get(fmt.lang) for q in item.answers)
        lines.append("        " + fmt.t("c_because", items=asked))
    else:
        lines.append("        " + fmt.t(f"c_{item.cause}"))
    return lines


def _domain(fmt: Formatter, d: DomainComparison) -> list[str]:
    groups = [
        ("c_gates_met", "+", d.gates_met), ("c_gates_lost", "-", d.gates_lost),
        ("c_resolved", "✓", d.findings_resolved), ("c_new", "!", d.findings_new),
    ]  # fmt: skip
    if not any(items for *_k, items in groups):
        return []
    name = fmt.domain(d.domain)
    if d.scored:
        head = fmt.t(
            "c_domain_line", name=name, before=d.level_before, after=d.level_after,
            sb=fmt.num(d.score_before or 0), sa=fmt.num(d.score_after or 0),
        )  # fmt: skip
    else:
        head = fmt.t("c_section_line", name=name)
    lines = [head]
    for key, mark, items in groups:
        if items:
            lines.append(f"  {fmt.t(key)}")
            for item in items:
                lines += _item(fmt, mark, item)
    if d.findings_persisting:
        ids = ", ".join(d.findings_persisting)
        lines.append("  " + fmt.t("c_persisting", n=len(d.findings_persisting), ids=ids))
    return [*lines, ""]


def _table(fmt: Formatter, c: Comparison) -> list[str]:
    lines = [f"{fmt.t('domain'):<26}{fmt.t('c_before'):>7}{fmt.t('c_after'):>7}  {fmt.t('score')}"]
    for d in c.domains:
        if d.scored:
            score = f"{fmt.num(d.score_before or 0)} → {fmt.num(d.score_after or 0)}"
            lines.append(
                f"{fmt.domain(d.domain):<26}{d.level_before:>5}/5{d.level_after:>5}/5  {score}"
            )
    return [*lines, ""]


def _rule_change(fmt: Formatter, r: RuleChange) -> str:
    title = r.title.get(fmt.lang) if r.title else ""
    before, after = outcome_label(fmt, r.before), outcome_label(fmt, r.after)
    colon = " :" if fmt.lang == "fr" else ":"
    return f"  ~ {r.rule_id}  {title}{colon} {before} → {after} ({fmt.t(f'c_rule_{r.change}')})"


def _then_and_now(fmt: Formatter, c: Comparison) -> list[str]:
    """What the rule changes alone did to the previous levels and index."""
    lines = [
        "  "
        + fmt.t(
            "c_then_level",
            name=fmt.domain(d.domain),
            then=d.level_previous_rules,
            now=d.level_before,
        )
        for d in c.domains
        if d.scored
        and d.level_previous_rules is not None
        and d.level_previous_rules != d.level_before
    ]
    p = c.previous
    if p.index_own_rules != p.index:
        lines.append(
            "  " + fmt.t("c_then_index", then=fmt.num(p.index_own_rules), now=fmt.num(p.index))
        )
    return [*lines, ""]


def carry_note_text(fmt: Formatter, n: CarryNote) -> str:
    reason = n.reason.get(fmt.lang) if n.reason else ""
    return "  " + fmt.t(
        f"c_{n.kind}", old=n.question_id, new=n.new_id, reason=reason, detail=n.detail
    )


def _answers(fmt: Formatter, c: Comparison) -> list[str]:
    lines = [fmt.t("c_answers", n=len(c.answers))]
    for a in c.answers:
        old = f" {fmt.t('c_renamed_from', old=a.previous_id)}" if a.previous_id else ""
        before = answer_text(fmt, a.question_id, a.before_state, a.before)
        after = answer_text(fmt, a.question_id, a.after_state, a.after)
        lines += [f"  - {a.question.get(fmt.lang)}{old}", f"      {before} → {after}"]
    return [*lines, ""]


def _grades(fmt: Formatter, c: Comparison) -> list[str]:
    p, n = c.previous.confidence_grade, c.current.confidence_grade
    return [fmt.t("c_grade", before=p, after=n)] if p and n else []


def compare_text(c: Comparison, defs: Definitions, lang: Lang = "fr") -> str:
    fmt = Formatter(lang, defs)
    p, n = c.previous, c.current
    lines = [
        f"{fmt.t('c_title', date=fmt.date(p.assessment_date))} — {c.organisation} — FINESS {c.finess}",
        fmt.t(
            "c_sides",
            before=fmt.date(p.assessment_date),
            after=fmt.date(n.assessment_date),
            rules=c.rules_version,
        ),  # fmt: skip
        fmt.t(
            "c_index",
            before=fmt.num(p.index),
            after=fmt.num(n.index),
            delta=_signed(fmt, n.index - p.index),
        ),
        *_grades(fmt, c),
        "",
    ]
    lines += [fmt.t(f"c_warn_{w}") for w in c.warnings]
    lines += _table(fmt, c)
    for d in c.domains:
        lines += _domain(fmt, d)
    lines += _answers(fmt, c)
    if c.rule_changes:
        lines += [fmt.t("c_rule_changes"), *(_rule_change(fmt, r) for r in c.rule_changes)]
        lines += _then_and_now(fmt, c)
    if c.carried_over:
        lines += [fmt.t("c_carried"), *(carry_note_text(fmt, x) for x in c.carried_over), ""]
    return "\n".join(lines)
