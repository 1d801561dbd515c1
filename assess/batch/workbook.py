"""Batch results and errors as an XLSX workbook, for analysts who open them in a spreadsheet.

Keys (FINESS, département, region) are written as text cells with the text format, so a
spreadsheet keeps their leading zeros; numbers stay numbers and dates stay dates. No cell is ever
a formula: text that starts with `=` is stored as text. The workbook is written in one go
into its output of the run (`assess.atomic.Outputs` commits it with the others).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from ..atomic import Output

__all__ = ["TEXT_COLUMNS", "XlsxTable"]

TEXT_COLUMNS = frozenset({"finess", "departement", "region"})
_MAX_WIDTH = 40


class XlsxTable:
    """The same interface as `CsvTable`: `write(record)` per row, `close()` once."""

    def __init__(
        self, out: Output, columns: Sequence[str], sheet: str, header: Sequence[str] | None = None
    ) -> None:
        from openpyxl import Workbook  # imported only when an XLSX output is asked for

        self.out = out
        self.columns = tuple(columns)
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(sheet)
        self.sheet.freeze_panes = "A2"
        titles = list(header or self.columns)
        for i, name in enumerate(titles):
            letter = _letter(i)
            width = min(_MAX_WIDTH, max(10, len(name) + 2))
            self.sheet.column_dimensions[letter].width = width
        self.sheet.append(titles)

    def write(self, record: dict[str, Any]) -> None:
        self.sheet.append([self._cell(c, record.get(c)) for c in self.columns])

    def _cell(self, column: str, value: Any) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if value is None:
            return None
        if isinstance(value, list | tuple):
            value = "|".join(str(v) for v in value)
        if isinstance(value, bool):
            value = "true" if value else "false"
        if column in TEXT_COLUMNS or isinstance(value, str):
            cell = WriteOnlyCell(self.sheet, value=str(value))
            cell.data_type = "s"  # never a formula, never a number
            if column in TEXT_COLUMNS:
                cell.number_format = "@"
            return cell
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.number_format = "DD/MM/YYYY"
            return cell
        return value

    def close(self) -> None:
        buffer = io.BytesIO()
        self.book.save(buffer)
        self.out.write(buffer.getvalue())  # committed with the run's other outputs


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))
