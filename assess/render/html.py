"""Jinja2 rendering of the report: packaged templates, optionally overridden by --template-dir.

Lookup order: the user's template directory, then the packaged `templates/`. A user template
can extend the packaged one it replaces with `{% extends "default:report.html" %}`.
Autoescaping is always on, undefined variables are errors, and templates run in the sandbox of
`sandbox.py` (only the prepared context, no Python internals, no file outside the template dirs).
"""

from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, PrefixLoader, TemplateError

from ..errors import RenderError
from ..resources import data_dir
from .brand import Brand
from .sandbox import ConfinedLoader, sandboxed_environment, template_in_recursion

__all__ = [
    "FONTS",
    "environment",
    "recursion_error",
    "render_css",
    "render_html",
    "template_dirs",
    "template_error",
]

FONTS = {"font_regular": "fonts/AssessSans-Regular.ttf", "font_bold": "fonts/AssessSans-Bold.ttf"}
ENTRY = "report.html"
STYLESHEET = "print.css"


def template_dirs(user_dir: Path | None) -> list[Path]:
    """The directories templates and assets may come from, user first."""
    packaged = data_dir("templates").resolve()
    return [user_dir.resolve(), packaged] if user_dir is not None else [packaged]


def environment(user_dir: Path | None) -> Environment:
    packaged = data_dir("templates")
    loaders: list[Any] = [ConfinedLoader(d) for d in template_dirs(user_dir)]
    loaders.append(PrefixLoader({"default": ConfinedLoader(packaged)}, delimiter=":"))
    return sandboxed_environment(ChoiceLoader(loaders))


def recursion_error(exc: RecursionError, user_dir: Path | None) -> RenderError:
    """A template that includes, extends or calls itself without end, named for the user."""
    name = template_in_recursion(exc, template_dirs(user_dir))
    return RenderError.said("r_template_loop", name=name)


def template_error(exc: TemplateError) -> RenderError:
    """A Jinja error with its place (template:line), Jinja's own words kept as the detail."""
    lineno = getattr(exc, "lineno", None)
    where = f" ({getattr(exc, 'filename', None)}:{lineno})" if lineno else ""
    return RenderError.said("r_template", where=where, detail=exc.message or type(exc).__name__)


def _uri(path: Path, inline: bool, media_type: str | None = None) -> str:
    if not inline:
        return path.as_uri()
    kind = media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _assets(user_dir: Path | None, brand: Brand, inline: bool) -> dict[str, str | None]:
    """URIs of the fonts (first template dir that has them) and the logo.

    PDF output uses file: URIs, which the sandboxed fetcher checks; HTML output inlines them as
    data: URIs so that the file stands alone.
    """
    assets: dict[str, str | None] = {}
    for key, rel in FONTS.items():
        found = next((d / rel for d in template_dirs(user_dir) if (d / rel).is_file()), None)
        if found is None:
            raise RenderError.said("r_font_missing", font=rel)
        assets[key] = _uri(found, inline, "font/ttf")
    assets["logo"] = _uri(brand.logo, inline, brand.logo_type) if brand.logo else None
    return assets


@lru_cache(maxsize=8)
def _warm_environment(user_dir: Path | None) -> Environment:
    """One environment per template directory and process: templates are compiled once, which
    matters when a batch renders thousands of reports in the same worker."""
    return environment(user_dir)


def render_html(
    context: dict[str, Any],
    brand: Brand,
    user_dir: Path | None,
    inline: bool,
    external_css: bool = False,
) -> str:
    """The report as one HTML document; template problems become RenderError. With
    `external_css`, the stylesheet is left out (see `render_css`) so that PDF rendering can
    reuse it parsed."""
    return _render(ENTRY, {**context, "external_css": external_css}, brand, user_dir, inline)


def render_css(context: dict[str, Any], brand: Brand, user_dir: Path | None) -> str:
    """The report's stylesheet (`print.css`, a template: brand colours, font URIs)."""
    return _render(STYLESHEET, context, brand, user_dir, inline=False)


def _render(
    name: str, context: dict[str, Any], brand: Brand, user_dir: Path | None, inline: bool
) -> str:
    env = _warm_environment(user_dir)
    try:
        template = env.get_template(name)
        return template.render({**context, "assets": _assets(user_dir, brand, inline)})
    except RecursionError as exc:
        raise recursion_error(exc, user_dir) from None
    except TemplateError as exc:
        raise template_error(exc) from exc
