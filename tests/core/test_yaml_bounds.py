"""The shared YAML/JSON loader is bounded and located: alias bombs, deep nesting, huge files and
scalars Python cannot build are problems with a file and line, never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from assess.cli import cli
from assess.common import Lang
from assess.errors import DefinitionError, Problem
from assess.yamlio import MAX_DEPTH, MAX_FILE_BYTES, LoadFailure, load_document
from tests.conftest import MINI, MINI_ARGS

BOMB = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)


def _problem(tmp_path: Path, text: str, name: str = "f.yaml", lang: Lang = "fr") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadFailure) as info:
        load_document(path, lang)
    return str(info.value.problem)


def test_alias_bomb_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _problem(tmp_path, BOMB) == (
        "f.yaml:6: trop d'entrées (plus de 200000 clés et éléments une fois les alias *nom "
        "développés) : découper le fichier ou retirer les alias répétés"
    )
    assert _problem(tmp_path, BOMB, lang="en") == (
        "f.yaml:6: too many entries (more than 200000 keys and items once aliases *name are "
        "expanded): split the file or remove repeated aliases"
    )


def test_ordinary_aliases_are_expanded(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("base: &b {q: dmp.feeds, eq: yes}\none: *b\ntwo: [*b, *b]\n", encoding="utf-8")
    data = load_document(path).data
    assert data["one"] == data["two"][1] == {"q": "dmp.feeds", "eq": "yes"}


def test_self_referencing_alias_does_not_loop(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("a: &x [1, *x]\n", encoding="utf-8")
    assert load_document(path).data == {"a": [1, None]}  # ruamel leaves the inner reference empty


@pytest.mark.parametrize(
    "text",
    ["[" * 1000 + "]" * 1000, "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200))],
)
def test_deep_nesting_is_refused(tmp_path, text, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = _problem(tmp_path, text)
    assert message.startswith("f.yaml:") and message.endswith(
        f"imbrication trop profonde ({MAX_DEPTH} niveaux au plus)"
    )
    english = _problem(tmp_path, text, lang="en")
    assert english.endswith(f"nested too deeply (at most {MAX_DEPTH} levels)")


def test_file_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "f.yaml"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(LoadFailure) as info:
        load_document(path)
    assert str(info.value.problem) == (
        "f.yaml: fichier trop gros (10000001 octets ; 10000000 au plus)"
    )
    with pytest.raises(LoadFailure) as info:
        load_document(path, "en")
    assert str(info.value.problem) == "f.yaml: file too large (10000001 bytes; at most 10000000)"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2026-02-30", "day is out of range for month"),
        ("0000-01-01", "year 0 is out of range"),
        ("9" * 5000, "Exceeds the limit (4300 digits)"),
    ],
)
def test_unbuildable_scalar_is_located(tmp_path, value, reason, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = f"questionnaire: {{id: mini, version: '1'}}\nassessment_date: {value}\n"
    message = _problem(tmp_path, text)
    assert message.startswith("f.yaml:2: « ") and message.endswith(
        " » est illisible (date qui n'existe pas, ou nombre trop long) : corriger la valeur, ou "
        "l'écrire entre guillemets"
    )
    assert len(message) < 300  # a 5,000-digit value is not echoed whole
    english = _problem(tmp_path, text, lang="en")
    assert english.startswith("f.yaml:2: '") and reason in english
    assert english.endswith("): correct the value, or quote it")


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("text", [BOMB, "[" * 1000, "assessment_date: 2026-02-30\n"])
def test_commands_report_bad_yaml_in_one_located_message(tmp_path, text):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    for args in (
        ["validate", str(bad), *MINI_ARGS],
        ["score", str(bad), *MINI_ARGS],
        [
            "report",
            str(MINI / "answers-ch.yaml"),
            "-o",
            str(tmp_path / "r.html"),
            "--brand",
            str(bad),
            *MINI_ARGS,
        ],
        ["questionnaire", "--resume", str(bad), *MINI_ARGS],
    ):
        res = _invoke(*args)
        assert res.exit_code == 1, (args, res.output)
        assert "bad.yaml" in res.stderr and "Traceback" not in res.output
    assert not (tmp_path / "r.html").exists()


def test_problems_with_and_without_lines_sort():
    error = DefinitionError(
        [
            Problem("r.yaml", 4, "id", "b"),
            Problem("r.yaml", None, "", "cycle"),
            Problem("a.yaml", 2, "", "x"),
        ]
    )
    assert str(error).splitlines() == ["a.yaml:2: x", "r.yaml: cycle", "r.yaml:4: id: b"]
