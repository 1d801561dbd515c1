from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from assess.batch.run import BatchOptions, BatchReport, run_batch
from assess.batch.writer import ERROR_COLUMNS, ERROR_HEADERS
from assess.errors import InputError
from assess.geo import finess_with_key
from tests.conftest import MINI, ROOT

HEADER = ["finess", "name", "type", "region", "departement", "assessment_date",
          "dmp.feeds", "dmp.letter_share", "dmp.documents", "cybersecurity.mfa", "mssante.mailbox"]  # fmt: skip


def finess(n: int, dept: str = "75") -> str:
    """A valid FINESS number (Luhn check digit; 2A/2B read as 0)."""
    return finess_with_key(f"{dept}{n:06d}")


GOOD = [finess(i) for i in range(1, 40)]


def row(finess: str = "750712184", name: str = "CH Test", **answers: str) -> list[str]:
    base = {"type": "ch", "region": "11", "departement": "75", "assessment_date": "2026-03-01",
            "dmp.feeds": "yes", "dmp.letter_share": "60", "dmp.documents": "ldl|cro",
            "cybersecurity.mfa": "no", "mssante.mailbox": "nominative"}  # fmt: skip
    base.update({k.replace("__", "."): v for k, v in answers.items()})
    return [finess, name] + [base[c] for c in HEADER[2:]]


def csv_text(
    rows: Sequence[Sequence[str]], delimiter: str = ";", header: Sequence[str] = HEADER
) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def write(tmp_path: Path, text: str | bytes, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


def batch(
    path: Path, tmp_path: Path, **kwargs
) -> tuple[BatchReport, list[dict[str, str]], list[dict[str, str]]]:
    """Run the batch on the mini fixture; return the report, result rows and error rows."""
    out, errors = tmp_path / "out.csv", tmp_path / "errors.csv"
    options = BatchOptions(
        input=path, output=out, errors=errors, jobs=kwargs.pop("jobs", 1),
        rules_dir=MINI / "rules", questionnaire_path=MINI / "questionnaire.yaml",
        references_dir=ROOT / "references", **kwargs,
    )  # fmt: skip
    report = run_batch(options)
    assert report.read == report.scored + report.rejected
    delim = ";" if options.excel else ","
    results = read_csv(out, delim) if options.fmt == "csv" else []
    return report, results, read_errors(errors, delim)


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def read_errors(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    """The errors file as a program reads it: its header (French or English) is checked, then
    each row keyed by the documented column IDs, in the documented order."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    assert tuple(rows[0]) in ERROR_HEADERS.values(), rows[0]
    return [dict(zip(ERROR_COLUMNS, r, strict=True)) for r in rows[1:]]


@pytest.fixture
def run(tmp_path):
    def _run(text: str | bytes, name: str = "in.csv", file_encoding: str = "utf-8", **kwargs):
        return batch(write(tmp_path, text, name, file_encoding), tmp_path, **kwargs)

    return _run


def said(info: pytest.ExceptionInfo[InputError], file: str = "") -> tuple[str, str]:
    """An input error in French and in English, its path shortened to the file's name."""
    error = info.value
    texts = (error.text("fr"), error.text("en"))
    if not file:
        return texts
    folder = str(Path(str(error.params["path"])).parent) + "/"
    return (texts[0].replace(folder, "", 1), texts[1].replace(folder, "", 1))
