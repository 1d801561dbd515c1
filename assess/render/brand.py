"""The brand file of `assess report --brand`: who prepared the report, their logo, colour, footer.

```yaml
name: "Conseil Santé Numérique"
logo: logo.png            # relative to this file; PNG, JPEG or SVG, inside this file's folder
primary_color: "#1F4E79"
footer: "Document confidentiel — diffusion restreinte"
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError, field_validator

from ..common import Lang, StrictModel
from ..errors import DefinitionError, Problem
from ..yamlio import LoadFailure, load_document, problems_from_validation

__all__ = ["Brand", "BrandFile", "DEFAULT_COLOR", "load_brand"]

DEFAULT_COLOR = "#1F4E79"
MAX_LOGO_BYTES = 2_000_000
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}


class BrandFile(StrictModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    logo: str | None = None
    primary_color: str = DEFAULT_COLOR
    footer: str | None = Field(default=None, max_length=300)

    @field_validator("primary_color")
    @classmethod
    def _color(cls, value: str) -> str:
        if not _COLOR.match(value):
            raise ValueError(f"'{value}' is not a colour; use #RRGGBB, e.g. #1F4E79")
        return value.upper()


@dataclass(frozen=True)
class Brand:
    """A validated brand: the logo is an absolute path inside `root` (the brand file's folder)."""

    name: str | None = None
    logo: Path | None = None
    logo_type: str | None = None
    primary_color: str = DEFAULT_COLOR
    footer: str | None = None
    root: Path | None = None


def _sniff(data: bytes, suffix: str) -> bool:
    if suffix == ".png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if suffix in (".jpg", ".jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    head = data[:2048].lstrip().lower()
    return b"<svg" in head and head.startswith((b"<?xml", b"<svg", b"<!--"))


def _logo_problem(root: Path, raw: str) -> tuple[Path | None, str | None]:
    """The resolved logo path, or a message saying what is wrong with it."""
    candidate = (root / raw).resolve()
    suffix = candidate.suffix.lower()
    if suffix not in _LOGO_TYPES:
        return None, f"logo '{raw}' must be a PNG, JPEG or SVG file (.png, .jpg, .jpeg, .svg)"
    if not candidate.is_relative_to(root):
        return None, f"logo '{raw}' must be inside the brand file's folder {root}"
    if not candidate.is_file():
        return None, f"logo '{raw}' not found (looked for {candidate})"
    data = candidate.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        return None, f"logo '{raw}' is larger than {MAX_LOGO_BYTES // 1_000_000} MB"
    if not _sniff(data, suffix):
        return None, f"logo '{raw}' is not a valid {suffix[1:].upper()} file"
    return candidate, None


def load_brand(path: Path, lang: Lang = "fr") -> Brand:
    """Read and check a brand file; every problem is raised as `file:line: field: message`."""
    try:
        doc = load_document(path, lang)
    except LoadFailure as exc:
        raise DefinitionError([exc.problem]) from None
    try:
        parsed = BrandFile.model_validate(doc.data)
    except ValidationError as exc:
        raise DefinitionError(problems_from_validation(doc, exc)) from None
    root = path.resolve().parent
    logo: Path | None = None
    if parsed.logo is not None:
        logo, message = _logo_problem(root, parsed.logo)
        if message is not None:
            problems: list[Problem] = [doc.problem(("logo",), message)]
            raise DefinitionError(problems)
    return Brand(
        name=parsed.name,
        logo=logo,
        logo_type=_LOGO_TYPES[logo.suffix.lower()] if logo else None,
        primary_color=parsed.primary_color,
        footer=parsed.footer,
        root=root,
    )
