"""Read a batch input as it comes from survey tools and spreadsheets: CSV or XLSX → raw rows.

CSV: the encoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM, else Windows-1252, else Latin-1) and
the delimiter (`;`, `,` or tab) are detected; quoted fields may hold newlines; blank lines are
skipped. XLSX: the first visible worksheet (or `--sheet NAME`), named on stderr; cells keep their
types (numbers, dates, booleans); the archive is checked against zip bombs first
(`xlsx_guard`) and a cell longer than Excel allows rejects its row. A number shown with a percent format (0.85
shown as 85 %) is passed on as a `PercentCell`.
Rows are streamed: memory does not grow with the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import os_reason
from ..common import Lang
from ..errors import InputError
from ..i18n import t
from ..values import PercentCell
from . import input_messages as _messages  # noqa: F401  (registers the messages)
from .xlsx_guard import MAX_CELL_CHARS, check_workbook

__all__ = ["DELIMITERS", "RawRow", "Table", "detect_encoding", "open_table"]

DELIMITERS = (";", ",", "\t")
_BLOCK = 1 << 20
_SAMPLE = 1 << 16
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True, slots=True)
class RawRow:
    """One non-blank data record: `row` is its 1-based data row, `line` the physical line
    (or worksheet row) where it starts."""

    row: int
    line: int
    cells: tuple[Any, ...]
    problem: str | None = None  # the record could not be parsed (the batch goes on)


@dataclass
class Table:
    """A header and a one-pass iterator over the data rows. `position()`/`size` give progress."""

    header: list[str]
    rows: Iterator[RawRow]
    kind: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    size: int = 0
    sheet: str | None = None  # XLSX: the worksheet read
    notes: list[str] = field(default_factory=list)  # e.g. hidden sheets passed over
    lang: Lang = "fr"  # of the notes and of the row problems
    blank_lines: int = 0
    position: Callable[[], int] = field(default=lambda: 0)
    close: Callable[[], None] = field(default=lambda: None)


def _unusable(path: Path, key: str, **params: object) -> InputError:
    return InputError.said(key, path=str(path), **params)


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as f:
            while block := f.read(_BLOCK):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path, override: str | None = None) -> str:
    """The encoding of a text file; the whole file is checked, so a late accent cannot break it."""
    if override:
        try:
            codecs.lookup(override)
        except LookupError:
            raise _unusable(path, "r_unknown_encoding", name=override) from None
        if not _decodes(path, override):
            raise _unusable(path, "r_wrong_encoding", name=override)
        return override
    with path.open("rb") as f:
        head = f.read(_SAMPLE)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head or _control_share(head) > 0.05:
        raise _unusable(path, "r_binary")
    for encoding in ("utf-8", "cp1252"):
        if _decodes(path, encoding):
            return encoding
    return "latin-1"


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 13))
    return controls / len(data)


def _choose_delimiter(sample: str, known: Callable[[str], bool]) -> str:
    """The delimiter whose header splits into the most known column names (then most fields)."""
    lines = [ln for ln in sample.splitlines() if ln.strip()]
    first = lines[0] if lines else ""

    def rank(delim: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=delim), [])
        return sum(1 for c in cells if known(c)), len(cells)

    return max(DELIMITERS, key=rank)


def open_table(
    path: Path,
    known: Callable[[str], bool],
    encoding: str | None = None,
    sheet: str | None = None,
    lang: Lang = "fr",
) -> Table:
    """Open a CSV or XLSX file; raise InputError if it cannot be read as a table at all."""
    try:
        with path.open("rb") as f:
            magic = f.read(4)
        size = path.stat().st_size
    except OSError as exc:
        raise _unusable(path, "r_cannot_read", reason=os_reason(exc)) from None
    if size == 0:
        raise _unusable(path, "r_empty")
    if magic == _XLS_MAGIC:
        raise _unusable(path, "r_xls")
    if magic == _XLSX_MAGIC:
        table = _open_xlsx(path, size, sheet, lang)
    elif sheet is not None:
        raise _unusable(path, "r_sheet_csv")
    else:
        table = _open_csv(path, size, known, encoding)
    table.lang = lang  # the rows are read later, lazily: they say their problems in it
    return table


def _open_csv(path: Path, size: int, known: Callable[[str], bool], override: str | None) -> Table:
    enc = detect_encoding(path, override)
    raw = path.open("rb")
    text = io.TextIOWrapper(raw, encoding=enc, newline="")
    sample = text.read(_SAMPLE)
    delimiter = _choose_delimiter(sample, known)
    text.seek(0)
    reader = csv.reader(text, delimiter=delimiter)
    header_line = 0
    header: list[str] | None = None
    try:
        for record in reader:
            if any(c.strip() for c in record):
                header = [c.strip().lstrip("\ufeff") for c in record]
                header_line = reader.line_num
                break
    except csv.Error:
        text.close()
        raise _unusable(path, "r_bad_csv", line=reader.line_num) from None
    if header is None:
        text.close()
        raise _unusable(path, "r_no_header")
    table = Table(
        header, iter(()), "csv", enc, delimiter, size, position=raw.tell, close=text.close
    )
    table.rows = _csv_rows(reader, header_line, table)
    return table


def _csv_rows(reader: Any, header_line: int, table: Table) -> Iterator[RawRow]:
    previous = header_line
    row = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:
            start, previous = previous + 1, reader.line_num
            row += 1
            yield RawRow(row, start, (), t("r_bad_record", table.lang))
            continue
        start, previous = previous + 1, reader.line_num
        if not any(c.strip() for c in record):
            table.blank_lines += 1
            continue
        row += 1
        yield RawRow(row, start, tuple(record))


def _choose_sheet(path: Path, book: Any, wanted: str | None, lang: Lang) -> tuple[Any, list[str]]:
    """The named sheet, else the first visible one; notes say which hidden sheets were passed."""
    if wanted is not None:
        if wanted not in book.sheetnames:
            raise _unusable(path, "r_no_sheet", wanted=wanted, sheets=", ".join(book.sheetnames))
        return book[wanted], []
    for index, candidate in enumerate(book.worksheets):
        if candidate.sheet_state == "visible":
            hidden = [ws.title for ws in book.worksheets[:index]]
            notes = [t("r_hidden_sheets", lang, names=", ".join(hidden))] if hidden else []
            return candidate, notes
    raise _unusable(path, "r_no_visible_sheet")


def _open_xlsx(path: Path, size: int, wanted: str | None, lang: Lang) -> Table:
    import openpyxl

    check_workbook(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged file
        raise _unusable(path, "r_bad_xlsx") from None
    try:
        sheet, notes = _choose_sheet(path, book, wanted, lang)
    except InputError:
        book.close()
        raise
    values: Iterator[tuple[Any, ...]] = (_values(row) for row in sheet.iter_rows())
    header: list[str] | None = None
    line = 0
    for cells in values:
        line += 1
        if any(_filled(c) for c in cells):
            header = ["" if c is None else str(c).strip() for c in cells]
            break
    if header is None:
        book.close()
        raise _unusable(path, "r_empty_sheet", sheet=sheet.title)
    total = sheet.max_row or 0
    counter = {"line": line}
    table = Table(header, iter(()), "xlsx", size=total, close=book.close)
    table.sheet, table.notes = sheet.title, notes
    table.position = lambda: counter["line"]
    table.rows = _xlsx_rows(values, counter, table)
    return table


def _values(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Cell values; a percent-formatted number keeps that meaning (Excel stores 85 % as 0.85)."""
    return tuple(_value(cell) for cell in row)


def _value(cell: Any) -> Any:
    value = getattr(cell, "value", None)
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (getattr(cell, "number_format", None) or "")
    ):
        return PercentCell(value)
    return value


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _xlsx_rows(
    values: Iterator[tuple[Any, ...]], counter: dict[str, int], table: Table
) -> Iterator[RawRow]:
    row = 0
    for cells in values:
        counter["line"] += 1
        if not any(_filled(c) for c in cells):
            table.blank_lines += 1
            continue
        row += 1
        longest = max((len(c) for c in cells if isinstance(c, str)), default=0)
        if longest > MAX_CELL_CHARS:
            yield RawRow(
                row,
                counter["line"],
                (),
                t("r_long_cell", table.lang, n=longest, max=MAX_CELL_CHARS),
            )
            continue
        yield RawRow(row, counter["line"], tuple("" if c is None else c for c in cells))
