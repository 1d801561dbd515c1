"""Checks made on an XLSX workbook before openpyxl parses it: a zip bomb is refused, not expanded.

An XLSX file is a zip archive. Python's zipfile never inflates a member beyond the size declared
in the archive, so checking the declared sizes bounds what parsing can cost. Shared strings,
styles and the workbook are loaded whole by openpyxl, so they get tight limits; worksheets are
streamed row by row and may be larger. A part that inflates far more than spreadsheets do is
refused too.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError

__all__ = ["MAX_CELL_CHARS", "MAX_SHEET_BYTES", "MAX_WHOLE_PART_BYTES", "check_workbook"]

MAX_SHEET_BYTES = 2 << 30  # one worksheet's XML (streamed): ~100,000 rows of 200 columns fit
MAX_WHOLE_PART_BYTES = 256 << 20  # shared strings, styles, workbook: held in memory
MAX_TOTAL_BYTES = 4 << 30
MAX_RATIO = 250  # real sheets inflate 5 to 50 times; a bomb, thousands
_RATIO_FROM = 1 << 20  # tiny parts may inflate a lot (a few repeated tags)
MAX_MEMBERS = 10_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell


def _mb(size: int) -> Callable[[str], str]:
    megabytes = round(size / (1 << 20))
    return lambda lang: f"{megabytes} Mo" if lang == "fr" else f"{megabytes} MB"


def check_workbook(path: Path) -> None:
    """Raise InputError if the archive would inflate beyond the limits above."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise InputError.said("r_bad_xlsx", path=str(path)) from None
    if len(members) > MAX_MEMBERS:
        raise _bomb(path, "r_bomb_parts", n=len(members))
    total = 0
    for member in members:
        size = member.file_size
        total += size
        limit = (
            MAX_SHEET_BYTES
            if member.filename.startswith("xl/worksheets/")
            else MAX_WHOLE_PART_BYTES
        )
        if size > limit:
            raise _bomb(path, "r_bomb_part", part=member.filename, size=_mb(size), limit=_mb(limit))
        ratio = size / max(member.compress_size, 1)
        if size > _RATIO_FROM and ratio > MAX_RATIO:
            raise _bomb(
                path, "r_bomb_ratio", part=member.filename, ratio=round(ratio), max=MAX_RATIO
            )
    if total > MAX_TOTAL_BYTES:
        raise _bomb(path, "r_bomb_total", size=_mb(total), limit=_mb(MAX_TOTAL_BYTES))


def _bomb(path: Path, detail: str, **params: object) -> InputError:
    def said(lang: str) -> str:
        from ..i18n import t

        shown = {k: v(lang) if callable(v) else v for k, v in params.items()}
        return t(detail, "en" if lang == "en" else "fr", **shown)

    return InputError.said("r_bomb", path=str(path), detail=said)
