"""`assess report`: one result → HTML or PDF bytes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from ..common import Lang
from ..definitions import Definitions
from ..progress.plan_steps import PlanStep
from ..result import AssessmentResult
from .brand import Brand
from .context import ReportPart, report_context
from .html import render_css, render_html, template_dirs

__all__ = ["ReportFormat", "ReportPart", "render_report"]


ReportFormat = Literal["pdf", "html"]


def render_report(
    result: AssessmentResult,
    defs: Definitions,
    *,
    lang: Lang = "fr",
    fmt: ReportFormat = "pdf",
    brand: Brand | None = None,
    template_dir: Path | None = None,
    part: ReportPart = "executive",
    evolution: dict[str, Any] | None = None,
    steps: Sequence[PlanStep] = (),
) -> bytes:
    """The readiness report of `result` (`part`: the executive report, its annexes, or both in
    one document); raises RenderError if it cannot be built safely.

    `steps`: the roadmap's steps (`assess.progress.plan_steps.report_steps`, computed once for
    every part of one report): the action plan starts with them; without, it goes by severity.
    `evolution`: the section on changes since a previous assessment
    (`assess.progress.evolution.evolution_context`), shown after the summary.
    """
    brand = brand or Brand()
    context = report_context(result, defs, lang, brand, part, steps)
    context["evolution"] = evolution
    if fmt == "html":
        return render_html(context, brand, template_dir, inline=True).encode("utf-8")
    from .pdf import html_to_pdf  # WeasyPrint is slow to import; only PDF output needs it

    html = render_html(context, brand, template_dir, inline=False, external_css=True)
    css = render_css(context, brand, template_dir)
    dirs = template_dirs(template_dir)
    roots = dirs + ([brand.root] if brand.root is not None else [])
    return html_to_pdf(html, dirs[0], roots, css)
