"""Where the packaged rules, questionnaires, templates and references are.

In a source checkout they are the top-level folders; in an installed wheel they are copied
to `assess/_data/` (see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir"]

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`rules`, `questionnaires`, `templates` or `references`."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
