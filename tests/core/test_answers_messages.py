"""Answers files: the real problem is named (unknown key, comment too long), echoed values are
cut, and answers for another questionnaire version are flagged by every command that reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assess.cli import cli
from tests.conftest import MINI, MINI_ARGS

ORG = {"name": "CH Test", "finess": "750712184", "type": "ch", "region": "11", "departement": "75"}


def _answers(tmp_path: Path, answers: dict, version: str = "1") -> Path:
    path = tmp_path / "a.yaml"
    data = {
        "questionnaire": {"id": "mini", "version": version},
        "organisation": ORG,
        "assessment_date": "2026-03-01",
        "answers": answers,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, [*args, *MINI_ARGS], catch_exceptions=False)


def test_unknown_key_in_an_entry_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _answers(tmp_path, {"org.beds": {"value": 520, "note": "chiffre du RA"}})
    res = _run("validate", "a.yaml")
    assert res.exit_code == 1
    assert (
        "a.yaml:17: answers.org.beds.note: Champ inconnu : le supprimer ou vérifier son orthographe"
        in res.stderr
    )
    assert "whole number" not in res.stderr


def test_comment_over_the_limit_is_named_and_not_echoed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _answers(tmp_path, {"org.beds": {"value": 520, "comment": "x" * 10_001}})
    res = _run("validate", "a.yaml")
    assert res.exit_code == 1
    assert "answers.org.beds.comment: String should have at most 10000 characters" in res.stderr
    assert "whole number" not in res.stderr and len(res.stderr) < 400


def test_huge_value_is_cut_in_the_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _answers(tmp_path, {"org.beds": "9" * 3000 + " lits"})
    res = _run("validate", "a.yaml")
    assert res.exit_code == 1
    assert "characters)" in res.stderr and len(res.stderr) < 400


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "a.yaml"],
        ["score", "a.yaml"],
        ["explain", "a.yaml"],
        ["report", "a.yaml", "-o", "r.html"],
    ],
)
def test_other_questionnaire_version_is_flagged(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    _answers(tmp_path, {"dmp.feeds": "yes"}, version="0.9")
    res = _run(*args)
    assert res.exit_code == 0, res.output
    assert res.stderr == (
        "Avertissement : a.yaml : réponses pour la version 0.9 du questionnaire, lues avec la "
        "version 1 ; vérifier les questions qui ont changé.\n"
    )
    res = _run(*args, "--lang", "en")
    assert res.stderr == (
        "Warning: a.yaml: answers for questionnaire version 0.9, read with version 1; check the "
        "questions that changed.\n"
    )


def test_other_questionnaire_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _answers(tmp_path, {"dmp.feeds": "yes"})
    path.write_text(path.read_text().replace('"mini"', '"autre"'), encoding="utf-8")
    res = _run("score", "a.yaml")
    assert res.exit_code == 1
    assert "Ces réponses sont pour le questionnaire « autre », pas « mini »" in res.stderr


def test_same_version_is_silent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _answers(tmp_path, {"dmp.feeds": "yes"})
    assert "warning" not in _run("score", "a.yaml").stderr
    assert MINI.exists()
