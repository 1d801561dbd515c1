"""The regional summary as HTML (`templates/summary.html`), PDF (via assess.render.pdf) or JSON."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from pathlib import Path

from jinja2 import TemplateError
from pydantic import BaseModel

from .. import __version__
from ..atomic import write_atomic
from ..common import DOMAINS, Lang, OrgType, Severity
from ..errors import RenderError
from ..geo import DEPARTEMENT_NAMES, REGIONS
from ..i18n import MESSAGES, t
from ..render.filters import long_date
from ..render.html import FONTS, environment, template_dirs, template_error
from . import summary_labels as _labels  # noqa: F401  (the words of the two variants)
from .summary import RegionalSummary

__all__ = ["SUMMARY_FORMATS", "summary_bytes", "summary_format", "summary_html", "write_summary"]

SUMMARY_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def _font(path: Path, inline: bool) -> str:
    if not inline:
        return path.as_uri()
    return "data:font/ttf;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _dates(summary: RegionalSummary, lang: Lang) -> str:
    """« données du 1er au 27 mars 2026 », « data of 3 March 2026 »."""
    first, last = summary.date_from, summary.date_to
    if first is None or last is None:
        return ""
    if first == last:
        return t("s_data_on", lang, day=long_date(last, lang))
    start = long_date(first, lang)
    if (first.year, first.month) == (last.year, last.month):
        start = start.split(" ")[0]  # « du 1er au 27 mars 2026 »
    elif first.year == last.year:
        start = start.rsplit(" ", 1)[0]  # « du 3 février au 27 mars 2026 »
    return t("s_data_between", lang, start=start, end=long_date(last, lang))


def summary_scope(summary: RegionalSummary, lang: Lang) -> dict[str, str]:
    """The title's region(s) and data dates: « Auvergne-Rhône-Alpes », « données du 1er au 27 mars 2026 »."""
    names = [REGIONS.get(code, code) for code in summary.regions]
    where = ", ".join(sorted(names)) if len(names) <= 3 else t("s_regions", lang, n=len(names))
    return {"where": where, "when": _dates(summary, lang)}


def summary_html(summary: RegionalSummary, lang: Lang = "fr", inline: bool = True) -> str:
    packaged = template_dirs(None)[0]
    context = {
        "s": summary,
        "lang": lang,
        "tool": f"assess {__version__}",
        "L": {k.removeprefix("s_"): v.get(lang) for k, v in MESSAGES.items() if k.startswith("s_")},
        "scope": summary_scope(summary, lang),
        # sections as the questionnaire titles them, the six scored domains by their short names
        "domain_names": {
            **{k: v.get(lang) for k, v in summary.sections.items()},
            **{d: t(f"domain_{d}", lang) for d in DOMAINS},
        },
        "type_names": {o.value: t(f"s_type_{o.value}", lang) for o in OrgType},
        "departement_names": DEPARTEMENT_NAMES,
        "colon": " :" if lang == "fr" else ":",
        "severities": {s.value: t(f"severity_{s.value}", lang) for s in Severity},
        "total": max(1, summary.organisations),
        "levels": list(range(6)),
        "fonts": {
            k.removeprefix("font_"): _font(packaged / rel, inline) for k, rel in FONTS.items()
        },
    }
    try:
        return environment(None).get_template("summary.html").render(context)
    except TemplateError as exc:
        raise template_error(exc) from exc


def _jsonable(value: object) -> object:
    return value.model_dump() if isinstance(value, BaseModel) else str(value)


def summary_format(path: Path) -> str:
    """The format a summary file name asks for; checked before any row is scored."""
    fmt = SUMMARY_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RenderError.said("r_summary_format", name=path.name)
    return fmt


def summary_bytes(path: Path, summary: RegionalSummary, lang: Lang = "fr") -> bytes:
    """The summary in the format of `path`'s extension (.pdf, .html or .json)."""
    fmt = summary_format(path)
    if fmt == "json":
        text = json.dumps(asdict(summary), ensure_ascii=False, indent=2, default=_jsonable)
        return text.encode("utf-8")
    if fmt == "html":
        return summary_html(summary, lang, inline=True).encode("utf-8")
    from ..render.pdf import html_to_pdf  # WeasyPrint is slow to import

    dirs = template_dirs(None)
    return html_to_pdf(summary_html(summary, lang, inline=False), dirs[0], dirs)


def write_summary(path: Path, summary: RegionalSummary, lang: Lang = "fr") -> None:
    write_atomic(path, summary_bytes(path, summary, lang))
