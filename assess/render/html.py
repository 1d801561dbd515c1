"""Jinja2 rendering of the report: packaged templates, optionally overridden by --template-dir.

Lookup order: the user's template directory, then the packaged `templates/`. A user template
can extend the packaged one it replaces with `{% extends "default:report.html" %}`.
Autoescaping is always on and undefined variables are errors.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
)

from ..errors import RenderError
from ..resources import data_dir
from .brand import Brand

__all__ = ["FONTS", "environment", "render_html", "template_dirs"]

FONTS = {"font_regular": "fonts/AssessSans-Regular.ttf", "font_bold": "fonts/AssessSans-Bold.ttf"}
ENTRY = "report.html"


def template_dirs(user_dir: Path | None) -> list[Path]:
    """The directories templates and assets may come from, user first."""
    packaged = data_dir("templates").resolve()
    return [user_dir.resolve(), packaged] if user_dir is not None else [packaged]


def environment(user_dir: Path | None) -> Environment:
    packaged = data_dir("templates")
    loaders: list[Any] = [FileSystemLoader(str(d)) for d in template_dirs(user_dir)]
    loaders.append(PrefixLoader({"default": FileSystemLoader(str(packaged))}, delimiter=":"))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


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
            raise RenderError(f"font {rel} not found in the template directories")
        assets[key] = _uri(found, inline, "font/ttf")
    assets["logo"] = _uri(brand.logo, inline, brand.logo_type) if brand.logo else None
    return assets


def render_html(context: dict[str, Any], brand: Brand, user_dir: Path | None, inline: bool) -> str:
    """The report as one HTML document; template problems become RenderError."""
    env = environment(user_dir)
    try:
        template = env.get_template(ENTRY)
        return template.render({**context, "assets": _assets(user_dir, brand, inline)})
    except TemplateError as exc:
        where = f" ({exc.filename}:{exc.lineno})" if getattr(exc, "lineno", None) else ""  # type: ignore[attr-defined]
        raise RenderError(f"template error{where}: {exc.message or type(exc).__name__}") from exc
