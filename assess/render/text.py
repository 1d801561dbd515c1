"""Plain-text views of a result for the terminal: `assess score` and `assess explain`."""

from __future__ import annotations

from ..common import Lang
from ..i18n import t
from ..result import AnswerView, AssessmentResult, DomainResult, GateResult
from .trust_text import checks_lines, grade_lines

__all__ = ["explain_text", "score_text"]


def _pct(x: float) -> str:
    return f"{round(100 * x)} %"


def _num(x: float, lang: Lang) -> str:
    """One decimal, with a decimal comma in French (as the PDF prints it)."""
    text = f"{x:.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def _answer(a: AnswerView, lang: Lang) -> str:
    if a.state == "unknown":
        value = t("answer_unknown", lang)
    elif a.state == "not_applicable":
        value = t("answer_not_applicable", lang)
    elif isinstance(a.value, list):
        value = ", ".join(a.value) if a.value else "∅"
    else:
        value = str(a.value)
    return f"{a.question_id} = {value}"


def _header(result: AssessmentResult, lang: Lang) -> list[str]:
    org = result.organisation
    return [
        f"{org.name} — FINESS {org.finess} — {org.type} — {t('assessed_on', lang)} {result.assessment_date.isoformat()}"
        + (
            f" ({t('as_of', lang)} {result.as_of.isoformat()})"
            if result.as_of != result.assessment_date
            else ""
        ),
        f"{t('questionnaire', lang)} {result.questionnaire_id} v{result.questionnaire_version} · "
        f"{t('rules', lang)} {result.rules_version} · {t('engine', lang)} {result.engine} · "
        f"{t('inputs', lang)} {result.inputs_hash}",
    ]


def score_text(result: AssessmentResult, lang: Lang = "fr", max_findings: int | None = None) -> str:
    """Levels per domain and findings, most severe first; `max_findings` keeps only the first ones."""
    lines = _header(result, lang)
    o = result.overall
    colon = " :" if lang == "fr" else ":"
    index = f"{t('index', lang)}{colon} {_num(o.index, lang)} / 100"
    if o.index_max > o.index:
        index += f" ({t('up_to', lang, value=_num(o.index_max, lang))})"
    grade = f" · {t('grade', lang)} {o.confidence_grade}" if o.confidence_grade else ""
    lines += ["", f"{index} · {t('confidence', lang)} {_pct(o.confidence)}{grade}", ""]
    lines += checks_lines(result, lang)
    lines.append(
        f"{t('domain', lang):<26}{t('level', lang):>8}{t('potential', lang):>11}{t('score', lang):>8}{t('confidence', lang).capitalize():>12}{t('grade_short', lang):>7}"
    )
    for d in result.domains:
        name = t(f"domain_{d.domain}", lang)
        if not d.applicable:
            lines.append(f"{name:<26}{t('not_applicable', lang):>39}")
            continue
        lines.append(
            f"{name:<26}{d.level:>6}/5{d.potential_level:>9}/5{_num(d.score, lang):>8}{_pct(d.confidence):>12}{d.confidence_grade:>7}"
        )
    findings = result.all_findings()
    lines += ["", f"{t('findings', lang)} ({len(findings)})"]
    if not findings:
        lines.append(t("no_findings", lang))
    ordered = sorted(
        findings, key=lambda f: (list(o.findings_by_severity).index(f.severity.value), f.rule_id)
    )
    for f in ordered[:max_findings]:
        lines.append(
            f"  [{t('severity_' + f.severity.value, lang).upper()}] {f.rule_id}  {f.title.get(lang)}"
        )
        lines.append(f"      → {f.recommendation.get(lang)}")
    if max_findings is not None and len(ordered) > max_findings:
        lines.append(f"  … {t('more_findings', lang, n=len(ordered) - max_findings)}")
    if result.notices:
        lines += ["", f"{t('warnings', lang)}:"] + [f"  - {w.get(lang)}" for w in result.notices]
    return "\n".join(lines) + "\n"


def _gate_line(g: GateResult, lang: Lang) -> list[str]:
    mark = {"met": "✓", "not_met": "✗", "unknown": "?", "not_applicable": "–"}[g.status.value]
    out = [f"    {mark} {g.rule_id}  {g.title.get(lang)} — {t('gate_' + g.status.value, lang)}"]
    for a in g.answers:
        out.append(f"        {_answer(a, lang)}")
    return out


def _domain_explain(d: DomainResult, lang: Lang) -> list[str]:
    lines = [
        f"{t('domain_' + d.domain, lang)} — {t('level', lang)} {d.level}/5 "
        f"({t('potential', lang).lower()} {d.potential_level}/5) — {t('score', lang)} {_num(d.score, lang)} "
        f"— {t('confidence', lang)} {_pct(d.confidence)}"
        + (f" — {t('grade', lang)} {d.confidence_grade}" if d.confidence_grade else "")
    ]
    lines += grade_lines(d.grade_detail, lang)
    gates = {g.rule_id: g for g in d.gates}
    for lv in d.levels:
        state = t("reached", lang) if lv.reached else t("not_reached", lang)
        if not lv.applicable:
            state = t("level_not_applicable", lang)
        lines.append(f"  {t('level', lang)} {lv.level} — {lv.title.get(lang)} — {state}")
        if not lv.gates:
            lines.append(f"    ({t('no_gates', lang)})")
        for rid in lv.gates:
            lines.extend(_gate_line(gates[rid], lang))
    return lines


def explain_text(result: AssessmentResult, lang: Lang = "fr", domain: str | None = None) -> str:
    lines = _header(result, lang) + [""]
    lines += checks_lines(result, lang, domain)
    if domain is None:
        lines += [t("grade_overall", lang), *grade_lines(result.overall.grade_detail, lang)]
        lines += ["  " + t("grade_scale", lang), ""]
    for d in result.domains:
        if domain is None or d.domain == domain:
            lines.extend(_domain_explain(d, lang))
            lines.append("")
    return "\n".join(lines)
