"""Integrity of every shipped data file: questionnaire, rules, references, examples."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from assess.answers import load_answers
from assess.cli import cli
from assess.common import DOMAINS
from assess.coverage_report import coverage_report
from assess.definitions import load_definitions, load_questionnaire
from assess.errors import DefinitionError
from assess.i18n import MESSAGES
from assess.questionnaire import SectionKind
from assess.rule_examples import check_examples
from assess.scoring.assessor import Assessor
from tests.conftest import MINI, ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def test_there_is_content(shipped_defs):
    # Guards against a loader that silently finds nothing (e.g. after a path change).
    assert len(shipped_defs.rules) >= 120
    assert len(EXAMPLES) >= 3


def test_each_domain_has_twelve_questions_and_a_full_ladder(shipped_defs):
    q = shipped_defs.questionnaire
    for domain in DOMAINS:
        section = q.section(domain)
        assert section.kind is SectionKind.domain
        assert len(section.questions) >= 12, domain
        levels = Counter(r.gate.level for r in shipped_defs.rules_of(domain) if r.gate)
        assert sorted(levels) == [1, 2, 3, 4, 5], f"{domain} gates per level: {dict(levels)}"
    adjacent = {s.id for s in q.sections if s.kind is SectionKind.adjacent}
    assert {"identity", "eprescription", "governance", "training"} <= adjacent


def test_every_rule_cites_the_report_and_examples_pass_on_both_engines(shipped_defs):
    assert all(r.references.seed for r in shipped_defs.rules.values())
    run, failures = check_examples(Assessor(shipped_defs, e) for e in ("durable", "python"))
    assert [str(f) for f in failures] == []
    assert run >= 2 * 2 * len(shipped_defs.rules)


def test_every_actionable_measure_is_covered(shipped_defs):
    report = coverage_report(shipped_defs)
    assert report.gaps() == []
    none_measures = {m.id for m in shipped_defs.catalog.measures() if m.actionability == "none"}
    assert set(report.public) == none_measures


def test_rules_coverage_command(shipped_defs):
    result = CliRunner().invoke(cli, ["rules", "coverage"])
    assert result.exit_code == 0
    actionable = len(coverage_report(shipped_defs).actionable())
    assert (
        f"Mesures actionnables par un établissement couvertes : {actionable}/{actionable}"
        in result.stdout
    )
    english = CliRunner().invoke(cli, ["rules", "coverage", "--lang", "en"])
    assert "public authorities" in english.stdout


def test_french_help_says_where_to_find_the_answer(shipped_defs):
    for q in shipped_defs.questionnaire.questions().values():
        assert len(q.help.fr) >= 20, q.id


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid_answers(shipped_defs, path: Path):
    answers = load_answers(path, shipped_defs.questionnaire)
    assert len(answers.answers) >= 40


def test_missing_translation_fails(tmp_path: Path):
    text = (MINI / "questionnaire.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "q.yaml"
    broken.write_text(
        text.replace(
            'label: {fr: "Question dmp.feeds", en: "Question dmp.feeds"}',
            'label: {fr: "Question dmp.feeds"}',
        ),
        encoding="utf-8",
    )
    with pytest.raises(DefinitionError) as exc:
        load_questionnaire(broken)
    line = (
        text.splitlines().index(
            '        label: {fr: "Question dmp.feeds", en: "Question dmp.feeds"}'
        )
        + 1
    )
    assert [str(p) for p in exc.value.problems] == [
        f"{broken}:{line}: sections.3.questions.0.label.en: required field is missing"
    ]


def test_output_words_have_both_languages():
    for key, text in MESSAGES.items():
        assert text.fr.strip() and text.en.strip(), key


def test_packaged_defaults_are_the_top_level_folders():
    defs = load_definitions()
    assert defs.questionnaire.id == "esante-2026"
