"""Hostile or surprising workbooks: hidden sheets, --sheet, zip bombs, oversized cells."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from assess.batch import xlsx_guard
from assess.errors import InputError

from .conftest import GOOD, HEADER, batch, row, said


def _book(tmp_path, sheets: list[tuple[str, str, list[list[object]]]], name: str = "in.xlsx"):
    """`sheets`: (title, state, rows) in order; state is visible, hidden or veryHidden."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, state, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.sheet_state = state
        for values in rows:
            sheet.append(values)
    book.active = next(i for i, (_, state, _) in enumerate(sheets) if state == "visible")
    path = tmp_path / name
    book.save(path)
    return path


def _org(i: int) -> list[object]:
    return row(GOOD[i], f"Org {i}")


def test_hidden_first_sheet_is_skipped_and_named(tmp_path):
    path = _book(
        tmp_path,
        [
            ("Brouillon", "hidden", [HEADER, _org(0), _org(1)]),
            ("Calculs", "veryHidden", [HEADER, _org(2)]),
            ("Réponses", "visible", [HEADER, _org(3)]),
        ],
    )
    report, results, errors = batch(path, tmp_path)
    assert [r["finess"] for r in results] == [GOOD[3]] and errors == []
    assert report.source == "XLSX, feuille « Réponses »"
    assert report.warnings[0] == "feuilles masquées ignorées : Brouillon, Calculs"
    english, _, _ = batch(path, tmp_path, lang="en")
    assert english.source == "XLSX, sheet 'Réponses'"
    assert english.warnings[0] == "hidden sheets skipped: Brouillon, Calculs"


def test_sheet_option_chooses_any_sheet(tmp_path):
    path = _book(
        tmp_path,
        [
            ("Brouillon", "hidden", [HEADER, _org(0), _org(1)]),
            ("Réponses", "visible", [HEADER, _org(3)]),
        ],
    )
    report, results, _ = batch(path, tmp_path, sheet="Brouillon")
    assert [r["finess"] for r in results] == GOOD[:2]
    assert report.source == "XLSX, feuille « Brouillon »"
    assert not any("masquées" in w for w in report.warnings)
    with pytest.raises(InputError) as info:
        batch(path, tmp_path, sheet="Nope")
    assert said(info, "in.xlsx") == (
        "in.xlsx : pas de feuille « Nope » ; feuilles du classeur : Brouillon, Réponses.",
        "in.xlsx: no sheet named 'Nope'; the workbook's sheets: Brouillon, Réponses.",
    )


def _bomb(tmp_path, member: str, size: int):
    """A valid workbook plus one part of `size` zero bytes, which deflate about 1,000 times."""
    path = _book(tmp_path, [("Réponses", "visible", [HEADER, _org(0)])])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(member, "w") as out:
            chunk = b"0" * (1 << 20)
            for _ in range(size >> 20):
                out.write(chunk)
    return path


def test_part_that_inflates_abnormally_is_refused(tmp_path):
    path = _bomb(tmp_path, "xl/sharedStrings2.xml", 8 << 20)
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError) as info:
        batch(path, tmp_path)
    assert said(info, "in.xlsx") == (
        "in.xlsx : classeur refusé, il se décompresse de façon anormale (xl/sharedStrings2.xml "
        "grossirait 1028 fois, 250 au plus) ; l'enregistrer à nouveau depuis le tableur, ou "
        "l'exporter en CSV.",
        "in.xlsx: workbook refused, it inflates abnormally (xl/sharedStrings2.xml would inflate "
        "1028 times, at most 250); save it again from the spreadsheet, or export it as CSV.",
    )
    assert not (tmp_path / "out.csv").exists()


def test_part_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_guard, "MAX_WHOLE_PART_BYTES", 1 << 20)
    monkeypatch.setattr(xlsx_guard, "MAX_RATIO", 10**9)
    path = _bomb(tmp_path, "xl/styles2.xml", 2 << 20)
    with pytest.raises(InputError) as info:
        batch(path, tmp_path)
    french, english = said(info)
    assert "(xl/styles2.xml ferait 2 Mo décompressé, 1 Mo au plus)" in french
    assert "(xl/styles2.xml would inflate to 2 MB, at most 1 MB)" in english


def _lengthen(path, marker: str, text: str) -> None:
    """Put a cell longer than Excel (and openpyxl's writer) allows, as a crafted file would."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.replace(marker.encode(), text.encode()))


def test_oversized_cell_rejects_only_its_row(tmp_path):
    long = _org(1)
    long[1] = "LONGCELL"
    path = _book(tmp_path, [("Réponses", "visible", [HEADER, _org(0), long, _org(2)])])
    _lengthen(path, "LONGCELL", "A" * 40_000)
    report, results, errors = batch(path, tmp_path)
    assert [r["finess"] for r in results] == [GOOD[0], GOOD[2]]
    assert [(e["row"], e["message"]) for e in errors] == [
        ("2", "Une cellule a 40000 caractères ; 32767 au plus : la raccourcir.")
    ]
    assert report.read == 3 and report.scored == 2 and report.rejected == 1
