"""Worker rows are fired together; if the engine fails on a batch, every row is still accounted for."""

from __future__ import annotations

import pytest

from assess.batch.mapping import plan_columns
from assess.batch.pool import Rejected, Scored, Worker, WorkerConfig
from assess.batch.reader import RawRow
from assess.errors import EngineError
from assess.scoring.assessor import Assessor

from .conftest import GOOD, HEADER, row


@pytest.fixture
def worker(mini_defs):
    plan = plan_columns(HEADER, mini_defs.questionnaire.questions(), None)
    return Worker(WorkerConfig(mini_defs, "durable", plan))


def _rows(n: int) -> list[RawRow]:
    shares = ["0", "0.00001", "45", "80", "100"]
    return [
        RawRow(i + 1, i + 2, tuple(row(GOOD[i], f"Org {i}", dmp__letter_share=shares[i % 5])))
        for i in range(n)
    ]


def test_a_chunk_is_fired_in_one_call_and_scores_as_row_by_row(worker, monkeypatch):
    rows = _rows(12)
    calls = []
    many = Assessor.evaluate_many

    def counted(self, sets, as_of=None):
        calls.append(len(sets))
        return many(self, sets, as_of)

    monkeypatch.setattr(Assessor, "evaluate_many", counted)
    together = worker.score_many(rows)
    assert calls == [12]
    alone = [worker.score(r) for r in rows]
    assert together == alone
    assert all(isinstance(o, Scored) for o in together)


def test_an_engine_failure_on_a_batch_falls_back_to_one_row_at_a_time(worker, monkeypatch):
    rows = _rows(9)
    expected = worker.score_many(rows)
    bad = GOOD[4]
    many = Assessor.evaluate_many

    def failing(self, sets, as_of=None):
        if any(s.organisation.finess == bad for s in sets):
            raise EngineError("durable-rules failed on domain 'dmp': error code: 303")
        return many(self, sets, as_of)

    monkeypatch.setattr(Assessor, "evaluate_many", failing)
    outcomes = worker.score_many(rows)
    assert [o.row for o in outcomes] == [r.row for r in rows]
    assert [o for o in outcomes if not isinstance(o, Scored)] == [
        Rejected(5, 6, bad, outcomes[4].problems)  # type: ignore[union-attr]
    ]
    assert outcomes[4].problems[0].message == (  # type: ignore[union-attr]
        "Le moteur de règles a échoué sur cette ligne ; ligne non notée. La noter avec "
        "--engine python (mêmes résultats)."
    )  # no class name, no engine internals: what to do instead
    assert [o for i, o in enumerate(outcomes) if i != 4] == [
        o for i, o in enumerate(expected) if i != 4
    ]


def test_an_engine_failure_is_said_in_english_with_lang_en(mini_defs, monkeypatch):
    plan = plan_columns(HEADER, mini_defs.questionnaire.questions(), None)
    worker = Worker(WorkerConfig(mini_defs, "durable", plan, lang="en"))

    def failing(self, answers, as_of=None):
        raise EngineError("durable-rules failed on domain 'dmp': error code: 303")

    monkeypatch.setattr(Assessor, "evaluate_many", failing)
    monkeypatch.setattr(Assessor, "evaluate", failing)
    outcome = worker.score(_rows(1)[0])
    assert isinstance(outcome, Rejected)
    assert outcome.problems[0].message == (
        "The rules engine failed on this row; row not scored. Score it with --engine python "
        "(same results)."
    )
