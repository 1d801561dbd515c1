"""What keeps a long batch fast and its memory flat gives the same answers as the plain path."""

from __future__ import annotations

import gc
from pathlib import Path

from assess.batch import rows as rows_module
from assess.batch.rows import _Readings
from assess.batch.run import BatchOptions, run_batch
from assess.common import OrgType
from assess.conditions import VALUE
from assess.engine.facts import resolve
from assess.values import Answer, ValueProblem, read_answer
from tests.batch.conftest import GOOD, csv_text, row, write


def _question(defs, kind: str):
    return next(q for q in defs.questionnaire.questions().values() if q.type.value == kind)


def test_memoised_readings_equal_the_reader_and_stay_bounded(shipped_defs):
    readings = _Readings()
    percent = _question(shipped_defs, "percent")
    typed = [f"{n / 4:.2f} %".replace(".", ",") for n in range(rows_module._MEMO_PER_QUESTION * 2)]
    for text in typed * 2:
        assert readings.read(percent, text) == read_answer(percent, text)
    assert len(readings.memo[percent.id]) == rows_module._MEMO_PER_QUESTION


def test_a_memoised_refusal_is_raised_each_time_without_an_old_traceback(shipped_defs):
    readings = _Readings()
    yes_no = _question(shipped_defs, "yes_no")
    depths = []
    for _ in range(3):
        try:
            readings.read(yes_no, "peut-être")
        except ValueProblem as exc:
            tb, depth = exc.__traceback__, 0
            while tb is not None:
                tb, depth = tb.tb_next, depth + 1
            depths.append(depth)
    assert len(depths) == 3 and depths[0] == depths[1] == depths[2]  # never grows


def test_ignored_answer_notice_is_built_once_per_question(shipped_defs):
    questionnaire = shipped_defs.questionnaire
    hidden = next(
        q for q in questionnaire.questions().values()
        if q.type.value == "yes_no" and q.applies_to and OrgType.editeur not in q.applies_to
    )  # fmt: skip
    answers = {hidden.id: Answer(VALUE, "yes")}
    first: list = []
    second: list = []
    resolve(answers, OrgType.editeur, questionnaire, first)
    resolve(answers, OrgType.editeur, questionnaire, second)
    assert first and first[0] is second[0]
    assert first[0].fr == (
        f"« {hidden.label.fr} » : réponse ignorée, la question ne concerne pas cette structure"
    )


def test_batch_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path):
    source = write(tmp_path, csv_text([row(f) for f in GOOD[:3]]))
    before = gc.get_freeze_count()
    report = run_batch(BatchOptions(input=source, output=tmp_path / "out.csv", jobs=1))
    assert report.scored == 3
    assert gc.get_freeze_count() == before == 0
