"""The radar chart of the six domain levels, as inline SVG drawn here (no script, no image).

Labels are escaped; the only other inputs are numbers and a colour validated as #RRGGBB.
`font-family` is set on the <svg> element itself: SVG text does not inherit the HTML font in
WeasyPrint, and a system font would be embedded otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["Axis", "radar_svg"]

MAX_LEVEL = 5
WIDTH, HEIGHT = 600, 300
CX, CY, RADIUS = WIDTH / 2, HEIGHT / 2 + 4, 112


@dataclass(frozen=True)
class Axis:
    label: str
    level: int
    applicable: bool = True


def _point(i: int, n: int, r: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return CX + r * math.cos(angle), CY + r * math.sin(angle)


def _fmt(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _label(i: int, n: int, axis: Axis) -> str:
    x, y = _point(i, n, RADIUS + 14)
    cos = math.cos(-math.pi / 2 + 2 * math.pi * i / n)
    anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
    dy = -4 if y < CY - RADIUS / 2 else 12 if y > CY + RADIUS / 2 else 4
    value = f"{axis.level}/{MAX_LEVEL}" if axis.applicable else "n/a"
    return (
        f'<text x="{x:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}" font-size="13">'
        f"{escape(axis.label)} "
        f'<tspan font-weight="bold">{value}</tspan></text>'
    )


def radar_svg(axes: list[Axis], color: str, font_family: str = "Assess Sans") -> Markup:
    """An SVG radar of `axes` (levels 0..5); `color` must already be a validated #RRGGBB."""
    n = len(axes)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="{escape(font_family)}" '
        f'role="img" aria-label="radar">'
    ]
    for level in range(1, MAX_LEVEL + 1):
        ring = [_point(i, n, RADIUS * level / MAX_LEVEL) for i in range(n)]
        parts.append(
            f'<polygon points="{_fmt(ring)}" fill="none" stroke="#C8CDD3" stroke-width="0.8"/>'
        )
    for i in range(n):
        x, y = _point(i, n, RADIUS)
        parts.append(
            f'<line x1="{CX:.1f}" y1="{CY:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#C8CDD3" stroke-width="0.8"/>'
        )
    for level in range(1, MAX_LEVEL + 1):
        x, y = _point(0, n, RADIUS * level / MAX_LEVEL)
        parts.append(
            f'<text x="{x + 3:.1f}" y="{y - 2:.1f}" font-size="8" fill="#6B7580">{level}</text>'
        )
    shape = [_point(i, n, RADIUS * a.level / MAX_LEVEL) for i, a in enumerate(axes)]
    parts.append(
        f'<polygon points="{_fmt(shape)}" fill="{color}" fill-opacity="0.25" stroke="{color}" stroke-width="2"/>'
    )
    for (x, y), a in zip(shape, axes, strict=True):
        fill = color if a.applicable else "#FFFFFF"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.2" fill="{fill}" stroke="{color}" stroke-width="1.2"/>'
        )
    parts.extend(_label(i, n, a) for i, a in enumerate(axes))
    parts.append("</svg>")
    return Markup("".join(parts))
