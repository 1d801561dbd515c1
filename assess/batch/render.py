"""The regional summary as HTML (`templates/summary.html`), PDF (via assess.render.pdf) or JSON."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from pathlib import Path

from jinja2 import TemplateError
from pydantic import BaseModel

from .. import __version__
from ..common import DOMAINS, Lang, Severity, Text
from ..errors import RenderError
from ..i18n import t
from ..render.html import FONTS, environment, template_dirs
from ..render.report import write_atomic
from .summary import RegionalSummary

__all__ = ["summary_html", "write_summary"]

_LABELS: dict[str, Text] = {
    "title": Text(
        fr="Synthèse régionale de maturité e-santé", en="Regional e-health readiness summary"
    ),
    "questionnaire": Text(fr="questionnaire", en="questionnaire"),
    "rules": Text(fr="règles", en="rules"),
    "scored": Text(fr="Organisations notées", en="Organisations scored"),
    "rejected": Text(fr="lignes rejetées", en="rows rejected"),
    "mean_index": Text(fr="indice moyen", en="mean index"),
    "levels_title": Text(
        fr="Répartition des niveaux par domaine", en="Level distribution per domain"
    ),
    "level": Text(fr="Niveau", en="Level"),
    "level_short": Text(fr="N", en="L"),
    "na": Text(fr="non applicable", en="not applicable"),
    "domain": Text(fr="Domaine", en="Domain"),
    "distribution": Text(fr="Organisations par niveau", en="Organisations per level"),
    "heatmap_title": Text(
        fr="Carte de chaleur organisations × domaines", en="Organisations × domains heatmap"
    ),
    "heatmap_note": Text(
        fr="Les %d organisations à l'indice le plus bas (sur %d), niveau atteint par domaine.",
        en="The %d organisations with the lowest index (of %d), level reached per domain.",
    ),
    "name": Text(fr="Nom", en="Name"),
    "type": Text(fr="Type", en="Type"),
    "dept": Text(fr="Dépt", en="Dept"),
    "index": Text(fr="Indice", en="Index"),
    "findings_title": Text(fr="Constats les plus fréquents", en="Most frequent findings"),
    "rule": Text(fr="Règle", en="Rule"),
    "finding": Text(fr="Constat", en="Finding"),
    "severity": Text(fr="Gravité", en="Severity"),
    "organisations": Text(fr="Organisations", en="Organisations"),
    "seed": Text(fr="Freins et propositions du rapport", en="Report barriers and proposals"),
    "no_findings": Text(fr="Aucun constat.", en="No findings."),
    "by_type": Text(fr="Par type d'organisation", en="By organisation type"),
    "by_dept": Text(fr="Par département", en="By département"),
    "group": Text(fr="Groupe", en="Group"),
    "suppressed": Text(
        fr="%d organisations appartiennent à des groupes de moins de %d et ne sont pas détaillées.",
        en="%d organisations belong to groups of fewer than %d and are not shown individually.",
    ),
}


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
        "L": {k: v.get(lang) for k, v in _LABELS.items()},
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
