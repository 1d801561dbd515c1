"""The roadmap: every proposed set of changes is applied here and re-scored by the engine."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assess.answers import load_answers
from assess.cli import cli
from assess.definitions import load_definitions
from assess.progress.changes import apply_changes
from assess.progress.roadmap import build_roadmap, option_changes
from assess.scoring.assessor import Assessor
from tests.conftest import MINI, MINI_ARGS, ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def shipped_assessor(shipped_defs):
    return Assessor(shipped_defs)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_option_reaches_the_level_it_claims(path: Path, shipped_assessor: Assessor) -> None:
    defs = shipped_assessor.defs
    answers = load_answers(path, defs.questionnaire)
    roadmap = build_roadmap(shipped_assessor, answers)
    checked = 0
    for plan in roadmap.domains:
        if plan.status in ("top", "not_applicable"):
            assert plan.options == []
            continue
        assert plan.status == "options", f"{path.stem} {plan.domain}: no option found"
        target = plan.target_level
        assert target is not None
        for option in plan.options:
            changes = option_changes(option)
            # A fresh Assessor: nothing cached by the search can leak into the check.
            ev = Assessor(defs, "python").evaluate(apply_changes(answers, changes))
            numbers = ev.domains[plan.domain]
            assert numbers.level == option.level >= target
            assert numbers.score == option.score and ev.index == option.index
            # Smallest: without any one of its changes, the set no longer reaches the target.
            for dropped in changes:
                rest = [c for c in changes if c != dropped]
                level = (
                    shipped_assessor.evaluate(apply_changes(answers, rest))
                    .domains[plan.domain]
                    .level
                )
                assert level < target, (plan.domain, dropped)
            checked += 1
    assert checked >= 4


def test_ch_example_dmp_needs_one_answer(shipped_assessor: Assessor) -> None:
    answers = load_answers(
        ROOT / "examples" / "ch-exemple.yaml", shipped_assessor.defs.questionnaire
    )
    plan = build_roadmap(shipped_assessor, answers, domains=["dmp"]).domains[0]
    assert (plan.level, plan.target_level, plan.blocking) == (2, 3, ["DMP-G3A"])
    [option] = plan.options
    assert [(c.question_id, c.before, c.after) for c in option.changes] == [
        ("dmp.discharge_letter_share", 68, 80)
    ]
    assert (option.effort, option.level, option.score, option.index) == (1, 3, 39.2, 25.9)
    assert option.findings_resolved == ["DMP-003"]


def test_mini_target_level_and_effort_hint(tmp_path: Path) -> None:
    text = (MINI / "questionnaire.yaml").read_text(encoding="utf-8")
    hint = '        depends_on: {q: dmp.feeds, eq: "yes"}\n'
    assert hint in text
    qpath = tmp_path / "questionnaire.yaml"
    qpath.write_text(text.replace(hint, hint + "        effort: 4\n"), encoding="utf-8")
    defs = load_definitions(MINI / "rules", qpath, ROOT / "references")
    assessor = Assessor(defs)
    answers = load_answers(MINI / "answers-ch.yaml", defs.questionnaire)
    plan = build_roadmap(assessor, answers, domains=["dmp"], target_level=3).domains[0]
    [option] = plan.options
    assert [(c.question_id, c.before_state, c.after, c.effort) for c in option.changes] == [
        ("dmp.documents", "answered", ["bio", "cro", "ldl"], 1),
        ("dmp.letter_share", "answered", 50, 4),
        ("dmp.since", "unknown", "2025-01-01", 1),
    ]
    assert (option.effort, option.level) == (6, 3)


def test_reached_top_and_not_applicable_statuses(shipped_assessor: Assessor) -> None:
    answers = load_answers(
        ROOT / "examples" / "chu-exemple.yaml", shipped_assessor.defs.questionnaire
    )
    roadmap = build_roadmap(shipped_assessor, answers, target_level=4)
    statuses = {d.domain: d.status for d in roadmap.domains}
    assert statuses["interoperability"] == "top"
    assert statuses["hds_hosting"] == "reached"


def test_by_lists_dated_rules_and_their_effect() -> None:
    result = CliRunner().invoke(
        cli,
        ["roadmap", str(ROOT / "examples" / "ehpad-exemple.yaml"), "--as-of", "2025-06-01", "--by", "2026-06-30"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    tail = result.output.split("Échéances jusqu'au 30 juin 2026\n")[1]
    assert tail.splitlines()[:5] == [
        "  À partir du 1er janvier 2026, « Accès par simple identifiant et mot de passe » deviendra un constat de gravité critique.",
        "  À partir du 1er janvier 2026, « Mot de passe seul sans mesures compensatoires » ne s'appliquera plus.",
        "  À partir du 1er janvier 2026, « Moyens d'authentification non homologués » s'appliquera ; avec vos réponses actuelles, ce constat ne serait pas relevé.",
        "  À partir du 1er janvier 2026, « Outil de télémédecine sans authentification forte » s'appliquera ; avec vos réponses actuelles, ce constat ne serait pas relevé.",
        "",
    ]


def test_by_must_come_after_the_assessment() -> None:
    result = CliRunner().invoke(
        cli, ["roadmap", str(ROOT / "examples" / "ch-exemple.yaml"), "--by", "2020-01-01"]
    )
    assert result.exit_code == 2
    assert "the date must come after the assessment date" in result.output


def test_json_is_the_model_and_lists_each_option() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "roadmap",
            str(MINI / "answers-ch.yaml"),
            *MINI_ARGS,
            "--format",
            "json",
            "--domain",
            "dmp",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    [dmp] = data["domains"]
    assert dmp["status"] == "options" and dmp["target_level"] == 2
    assert [o["changes"][0]["after"] for o in dmp["options"]] == [50]
    assert dt.date.fromisoformat(data["as_of"]) == dt.date(2026, 3, 1)


def test_search_bounds_are_stated_when_nothing_fits(mini_defs) -> None:
    from assess.progress.roadmap_text import roadmap_text
    from assess.progress.search import SearchLimits

    assessor = Assessor(mini_defs)
    answers = load_answers(MINI / "answers-ch.yaml", mini_defs.questionnaire)
    roadmap = build_roadmap(
        assessor, answers, domains=["dmp"], target_level=3, limits=SearchLimits(max_changes=2)
    )
    [plan] = roadmap.domains
    assert (plan.status, plan.options) == ("not_found", [])
    assert (
        "Alimentation du DMP — niveau 1/5 → objectif 3/5\n"
        "  aucun ensemble de changements trouvé dans les limites de la recherche "
        "(au plus 2 réponses, 2 par condition) ; voir `assess explain`\n"
    ) in roadmap_text(roadmap, mini_defs)
