"""The check effect: loaded, fired through both engines, never a level or a score."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from assess.answers import AnswerSet, Organisation, QuestionnaireRef
from assess.definitions import load_definitions
from assess.errors import DefinitionError
from assess.scoring.assessor import Assessor
from tests.conftest import MINI, ROOT
from tests.core.strategies import answer_sets, as_of_dates, org_types

CHECK = """id: CHK-DMP-001
domain: dmp
title: {fr: "Lettres versées sans DMP", en: "Letters fed without the DMP"}
severity: high
when:
  all:
    - {q: dmp.feeds, eq: "no"}
    - {q: dmp.documents, eq: ldl}
effect:
  check:
    message: {fr: "Vous avez indiqué ne pas alimenter le DMP, mais y verser des lettres.", en: "You said you do not feed the DMP, yet send letters to it."}
    resolution: {fr: "Corriger l'une des deux réponses.", en: "Correct one of the two answers."}
references: {seed: [B1.2], referentials: [ARRETE-2022-04-26-DMP]}
examples:
  - {answers: {dmp.feeds: "no", dmp.documents: [ldl]}, expect: fires}
  - {answers: {dmp.feeds: "yes", dmp.documents: [ldl]}, expect: does_not_fire}
"""


def _rules_with(tmp_path: Path, files: dict[str, str]) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(MINI / "rules", rules)
    for name, text in files.items():
        (rules / name).write_text(text, encoding="utf-8")
    return rules


def _defs(rules: Path):
    return load_definitions(rules, MINI / "questionnaire.yaml", ROOT / "references")


def _answers(defs, **values):
    from assess.answers import parse_value

    questions = defs.questionnaire.questions()
    org = Organisation(name="CH", finess="750712184", type="ch", region="11", departement="75")
    import datetime as dt

    answers = {
        q.replace("__", "."): parse_value(questions[q.replace("__", ".")], v)
        for q, v in values.items()
    }
    return AnswerSet(org, dt.date(2026, 3, 1), QuestionnaireRef(id="mini", version="1"), answers)


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_a_check_fires_lowers_the_grade_and_leaves_scores_alone(tmp_path, mini_defs, engine):
    defs = _defs(_rules_with(tmp_path, {"dmp/CHK-DMP-001.yaml": CHECK}))
    answers = _answers(defs, dmp__feeds="no", dmp__documents=["ldl"])
    with_check = Assessor(defs, engine).assess(answers)
    without = Assessor(mini_defs, engine).assess(answers)
    assert [c.rule_id for c in with_check.checks] == ["CHK-DMP-001"]
    dmp, plain = with_check.domain("dmp"), without.domain("dmp")
    assert (dmp.level, dmp.score, dmp.findings) == (plain.level, plain.score, plain.findings)
    assert dmp.checks == ["CHK-DMP-001"]
    assert (plain.confidence_grade, dmp.confidence_grade) == ("B", "C")
    assert dmp.grade_detail.capped_by == ["CHK-DMP-001"]
    assert with_check.overall.index == without.overall.index
    check = with_check.checks[0]
    assert [(a.question_id, a.value) for a in check.answers] == [
        ("dmp.documents", ["ldl"]),
        ("dmp.feeds", "no"),
    ]


def test_no_rule_may_build_on_a_check(tmp_path):
    uses = (MINI / "rules" / "dmp" / "DMP-G1.yaml").read_text(encoding="utf-8")
    uses = uses.replace("id: DMP-G1", "id: DMP-G9")
    start = uses.index("when:")
    end = uses.index("effect:")
    uses = uses[:start] + "when: {fired: CHK-DMP-001}\n" + uses[end:]
    rules = _rules_with(tmp_path, {"dmp/CHK-DMP-001.yaml": CHECK, "dmp/DMP-G9.yaml": uses})
    with pytest.raises(DefinitionError) as exc:
        _defs(rules)
    assert [str(p).replace(str(rules), "") for p in exc.value.problems] == [
        "/dmp/DMP-G9.yaml: when: 'CHK-DMP-001' is a check; fired cannot name a check"
    ]


@pytest.fixture(scope="module")
def with_and_without(shipped_defs):
    plain = dataclasses.replace(
        shipped_defs, rules={k: r for k, r in shipped_defs.rules.items() if r.check is None}
    )
    assert len(plain.rules) < len(shipped_defs.rules) - 25  # the shipped checks were removed
    return Assessor(shipped_defs, "python"), Assessor(plain, "python")


def test_checks_never_change_levels_or_scores(with_and_without, shipped_defs):
    checked, plain = with_and_without
    fired: list[int] = []

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(answer_sets(shipped_defs.questionnaire), org_types, as_of_dates)
    def prop(answers, org_type, as_of):
        org = Organisation(
            name="X", finess="750712184", type=org_type, region="11", departement="75"
        )
        aset = AnswerSet(org, as_of, QuestionnaireRef(id="esante-2026", version="1"), answers)
        a, b = checked.evaluate(aset), plain.evaluate(aset)
        numbers = lambda ev: {  # noqa: E731
            k: (d.level, d.potential_level, d.score, d.score_max, d.gates, d.findings)
            for k, d in ev.domains.items()
        }
        assert numbers(a) == numbers(b)
        assert (a.index, a.index_max, a.adjacent, a.findings_by_severity) == (
            b.index, b.index_max, b.adjacent, b.findings_by_severity,
        )  # fmt: skip
        assert b.check_ids() == []
        fired.append(len(a.check_ids()))
        # Checks only ever lower a grade.
        assert a.grade.points <= b.grade.points and a.grade.grade >= b.grade.grade

    prop()
    assert sum(1 for n in fired if n) > 10  # random answers do contradict each other


def test_confirming_something_that_is_not_a_check_is_warned(shipped_defs):
    from assess.answers import load_answers

    answers = load_answers(ROOT / "examples" / "ch-exemple.yaml", shipped_defs.questionnaire)
    answers.confirmed_checks = {"DMP-001": "x", "CHK-NOPE-001": "y"}
    result = Assessor(shipped_defs, "python").assess(answers)
    assert "confirmed_checks: CHK-NOPE-001, DMP-001 are not consistency checks" in result.warnings
    assert result.notices[-1].fr == (
        "confirmed_checks : CHK-NOPE-001, DMP-001 ne sont pas des contrôles de cohérence"
    )
