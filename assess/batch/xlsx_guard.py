"""Checks made on an XLSX workbook before openpyxl parses it: a zip bomb is refused, not expanded.

An XLSX file is a zip archive. Python's zipfile never inflates a member beyond the size declared
in the archive, so checking the declared sizes bounds what parsing can cost. Shared strings,
styles and the workbook are loaded whole by openpyxl, so they get tight limits; worksheets are
streamed row by row and may be larger. A part that inflates far more than spreadsheets do is
refused too.
"""

from __future__ import annotations

import zipfile
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


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def check_workbook(path: Path) -> None:
    """Raise InputError if the archive would inflate beyond the limits above."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            f"{path}: classeur XLSX illisible / unreadable XLSX workbook: {exc}"
        ) from None
    if len(members) > MAX_MEMBERS:
        raise _bomb(path, f"{len(members):,} parts")
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
            raise _bomb(
                path, f"{member.filename} would inflate to {_mb(size)} (at most {_mb(limit)})"
            )
        ratio = size / max(member.compress_size, 1)
        if size > _RATIO_FROM and ratio > MAX_RATIO:
            raise _bomb(
                path, f"{member.filename} would inflate {ratio:,.0f} times (at most {MAX_RATIO})"
            )
    if total > MAX_TOTAL_BYTES:
        raise _bomb(
            path, f"the parts would inflate to {_mb(total)} (at most {_mb(MAX_TOTAL_BYTES)})"
        )


def _bomb(path: Path, detail: str) -> InputError:
    return InputError(
        f"{path}: classeur refusé, il se décompresse de façon anormale / workbook refused, it "
        f"inflates abnormally ({detail}); save it again from the spreadsheet or export CSV"
    )
