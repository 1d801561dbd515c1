"""The regional summary as HTML (`templates/summary.html`), PDF (via assess.render.pdf) or JSON."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from pathlib import Path

from jinja2 import TemplateError
from pydantic import BaseModel

from .. import __version__
from ..common import DOMAINS, Lang, Severity
from ..errors import RenderError
from ..i18n import MESSAGES, t
from ..render.html import FONTS, environment, template_dirs
from ..render.report import write_atomic
from .summary import RegionalSummary

__all__ = ["summary_html", "write_summary"]


def _font(path: Path, inline: bool) -> str:
    if not inline:
        return path.as_uri()
    return "data:font/ttf;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def summary_html(summary: RegionalSummary, lang: Lang = "fr", inline: bool = True) -> str:
    packaged = template_dirs(None)[0]
    context = {
        "s": summary,
        "lang": lang,
        "tool": f"assess {__version__}",
        "L": {k.removeprefix("s_"): v.get(lang) for k, v in MESSAGES.items() if k.startswith("s_")},
        "domain_names": {d: t(f"domain_{d}", lang) for d in DOMAINS},
        "severities": {s.value: t(f"severity_{s.value}", lang) for s in Severity},
        "total": max(1, summary.organisations),
        "fonts": {
            k.removeprefix("font_"): _font(packaged / rel, inline) for k, rel in FONTS.items()
        },
    }
    try:
        return environment(None).get_template("summary.html").render(context)
    except TemplateError as exc:
        raise RenderError(f"summary template error: {exc.message or type(exc).__name__}") from exc


def _jsonable(value: object) -> object:
    return value.model_dump() if isinstance(value, BaseModel) else str(value)


def write_summary(path: Path, summary: RegionalSummary, lang: Lang = "fr") -> None:
    """`.pdf`, `.html` or `.json`, chosen by the file name."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = json.dumps(asdict(summary), ensure_ascii=False, indent=2, default=_jsonable).encode(
            "utf-8"
        )
    elif suffix in (".html", ".htm"):
        data = summary_html(summary, lang, inline=True).encode("utf-8")
    elif suffix == ".pdf":
        from ..render.pdf import html_to_pdf  # WeasyPrint is slow to import

        dirs = template_dirs(None)
        data = html_to_pdf(summary_html(summary, lang, inline=False), dirs[0], dirs)
    else:
        raise RenderError(f"--summary: use a .pdf, .html or .json file name, not '{path.name}'")
    write_atomic(path, data)
