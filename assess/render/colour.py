"""Readable colours from one brand colour (WCAG 2.1 contrast, 4.5:1 for text).

The brand colour fills the cover band, level bars and the radar; text on it is black or white,
whichever reads better. Headings printed *in* the brand colour on white use it as it is when it
contrasts enough, otherwise a darker shade of it. A warning says when the colour was adjusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common import Lang
from ..i18n import t

__all__ = ["MIN_CONTRAST", "Palette", "contrast", "contrast_warning", "palette"]

MIN_CONTRAST = 4.5
WHITE = "#FFFFFF"
BLACK = "#000000"
INK = "#1D232B"  # body text


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c):02X}" for c in rgb)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #RRGGBB colours, 1 to 21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(colour: str, other: str, keep: float) -> str:
    """`colour` mixed with `other`, keeping `keep` of it."""
    return _hex(
        tuple(c * keep + o * (1 - keep) for c, o in zip(_rgb(colour), _rgb(other), strict=True))  # type: ignore[arg-type]
    )


def _darkened(colour: str) -> str:
    """The lightest shade of `colour` (mixed with black) that reads on white."""
    for step in range(1, 21):
        shade = _mix(colour, BLACK, 1 - step / 20)
        if contrast(shade, WHITE) >= MIN_CONTRAST:
            return shade
    return BLACK


@dataclass(frozen=True)
class Palette:
    primary: str  # the brand colour, for fills
    on_primary: str  # text on a primary fill: black or white
    ink: str  # the brand colour as text on white (headings), darkened if needed
    tint: str  # a light wash for boxes and table headers
    soft: str
    on_primary_ratio: float
    ink_adjusted: bool

    def as_dict(self) -> dict[str, str]:
        return {
            "primary": self.primary,
            "on_primary": self.on_primary,
            "ink": self.ink,
            "tint": self.tint,
            "soft": self.soft,
        }

    @property
    def adjusted(self) -> bool:
        return self.ink_adjusted or self.on_primary != WHITE


def palette(primary: str) -> Palette:
    on_white, on_black = contrast(primary, WHITE), contrast(primary, BLACK)
    on_primary = WHITE if on_white >= on_black else BLACK
    ink_ok = on_white >= MIN_CONTRAST
    return Palette(
        primary=primary,
        on_primary=on_primary,
        ink=primary if ink_ok else _darkened(primary),
        tint=_mix(primary, WHITE, 0.12),
        soft=_mix(primary, WHITE, 0.35),
        on_primary_ratio=max(on_white, on_black),
        ink_adjusted=not ink_ok,
    )


def contrast_warning(p: Palette, lang: Lang) -> str | None:
    """What was adjusted for readability, in the user's language; None if nothing was."""
    if not p.adjusted:
        return None
    parts = []
    if p.on_primary != WHITE:
        parts.append(t("brand_text_black", lang, ratio=_ratio(contrast(p.primary, WHITE), lang)))
    if p.ink_adjusted:
        parts.append(t("brand_ink_darker", lang, ink=p.ink))
    return (
        t("brand_contrast", lang, colour=p.primary, min=_ratio(MIN_CONTRAST, lang))
        + " "
        + " ".join(parts)
    )


def _ratio(x: float, lang: Lang) -> str:
    text = f"{x:.1f}:1"
    return text.replace(".", ",") if lang == "fr" else text
