"""Worker start-up: the workers get the definitions the parent loaded, never the files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assess.batch import run as run_module
from assess.batch.run import BatchOptions, run_batch
from tests.batch.conftest import GOOD, csv_text, row, write
from tests.conftest import MINI, ROOT


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_score_without_the_definition_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
):
    rules = tmp_path / "rules"
    shutil.copytree(MINI / "rules", rules)
    real_open_table = run_module.open_table

    def open_then_remove_rules(*args, **kwargs):
        shutil.rmtree(rules)  # loaded by the parent already; the workers start after this
        return real_open_table(*args, **kwargs)

    monkeypatch.setattr(run_module, "open_table", open_then_remove_rules)
    source = write(tmp_path, csv_text([row(f) for f in GOOD[:6]]))
    options = BatchOptions(
        input=source, output=tmp_path / "out.csv", jobs=jobs, chunk_size=2, rules_dir=rules,
        questionnaire_path=MINI / "questionnaire.yaml", references_dir=ROOT / "references",
    )  # fmt: skip
    report = run_batch(options)
    assert not rules.exists()
    assert (report.read, report.scored, report.rejected, report.crashes) == (6, 6, 0, 0)
