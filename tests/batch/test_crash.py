"""A native crash in a worker costs at most its chunk: only the crashing row is rejected."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assess.batch.pool import CRASH_ENV
from tests.conftest import MINI_ARGS, ROOT

from .conftest import GOOD, csv_text, read_csv, row

CRASHED = {
    "fr": (
        "Le processus de notation s'est arrêté brutalement sur cette ligne (plantage du moteur "
        "de règles) ; ligne non notée. La noter avec --engine python (mêmes résultats)."
    ),
    "en": (
        "The scoring process crashed on this row (rules engine crash); row not scored. "
        "Score it with --engine python (same results)."
    ),
}


@pytest.mark.parametrize(("mode", "lang"), [("", "fr"), (":exit", "en")])
def test_worker_crash_rejects_only_the_crashing_row(tmp_path, mode, lang):
    """Whether the worker segfaults or exits, one row is rejected, said in the run's language
    (errors file header and severity included)."""
    rows = [row(GOOD[i], f"Org {i}") for i in range(30)]
    (tmp_path / "in.csv").write_text(csv_text(rows), encoding="utf-8")
    env = {**os.environ, CRASH_ENV: GOOD[17] + mode}
    proc = subprocess.run(
        [sys.executable, "-m", "assess", "batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"),
         "--errors", str(tmp_path / "err.csv"), "-j", "2", "--lang", lang, *MINI_ARGS],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 3, proc.stderr
    closing = {
        "fr": "30 lignes lues, 29 notées, 1 rejetée",
        "en": "30 rows read, 29 scored, 1 rejected",
    }
    assert closing[lang] in proc.stderr
    assert [r["finess"] for r in read_csv(tmp_path / "out.csv")] == [
        g for i, g in enumerate(GOOD[:30]) if i != 17
    ]
    expected = {
        "fr": {"ligne": "18", "ligne_fichier": "", "finess": GOOD[17], "colonne": "", "question": "",
               "valeur": "", "gravité": "erreur", "message": CRASHED["fr"]},
        "en": {"row": "18", "line": "", "finess": GOOD[17], "column": "", "question": "",
               "value": "", "severity": "error", "message": CRASHED["en"]},
    }  # fmt: skip
    assert read_csv(tmp_path / "err.csv") == [expected[lang]]


def test_crash_with_many_chunks_in_flight(tmp_path):
    """Chunks of 4 rows, 2 workers: the chunks in flight around the crash are all recovered, in order."""
    rows = [row(GOOD[i], f"Org {i}") for i in range(37)]
    (tmp_path / "in.csv").write_text(csv_text(rows), encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; from assess.batch.run import BatchOptions, run_batch\n"
        "t = Path(sys.argv[1]); m = Path('tests/fixtures/mini')\n"
        "r = run_batch(BatchOptions(input=t / 'in.csv', output=t / 'out.csv', errors=t / 'err.csv', jobs=2, chunk_size=4,\n"
        "    rules_dir=m / 'rules', questionnaire_path=m / 'questionnaire.yaml'))\n"
        "print(r.read, r.scored, r.rejected, r.crashes)\n"
    )
    env = {**os.environ, CRASH_ENV: GOOD[9]}
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.stdout.split() == ["37", "36", "1", "1"], proc.stderr
    assert [r["finess"] for r in read_csv(tmp_path / "out.csv")] == [
        g for i, g in enumerate(GOOD[:37]) if i != 9
    ]
    assert [e["ligne"] for e in read_csv(tmp_path / "err.csv")] == ["10"]
