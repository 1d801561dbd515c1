"""`assess report`: one result → HTML or PDF bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from ..common import Lang
from ..definitions import Definitions
from ..result import AssessmentResult
from .brand import Brand
from .context import report_context
from .html import render_html, template_dirs

__all__ = ["ReportFormat", "render_report"]


ReportFormat = Literal["pdf", "html"]


def render_report(
    result: AssessmentResult,
    defs: Definitions,
    *,
    lang: Lang = "fr",
    fmt: ReportFormat = "pdf",
    brand: Brand | None = None,
    template_dir: Path | None = None,
    evolution: dict[str, Any] | None = None,
) -> bytes:
    """The readiness report of `result`; raises RenderError if it cannot be built safely.

    `evolution`: the section on changes since a previous assessment
    (`assess.progress.evolution.evolution_context`), shown after the summary.
    """
    brand = brand or Brand()
    context = report_context(result, defs, lang, brand)
    context["evolution"] = evolution
    html = render_html(context, brand, template_dir, inline=fmt == "html")
    if fmt == "html":
        return html.encode("utf-8")
    from .pdf import html_to_pdf  # WeasyPrint is slow to import; only PDF output needs it

    dirs = template_dirs(template_dir)
    roots = dirs + ([brand.root] if brand.root is not None else [])
    return html_to_pdf(html, dirs[0], roots)
