"""One language at a time on the command line: help texts, placeholders and Click's own errors
follow `--lang` (or ASSESS_LANG), French by default."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from assess.cli import cli
from assess.cli.click_fr import localize
from assess.cli.help_text import HELP, METAVARS
from tests.conftest import MINI

ANSWERS = str(MINI / "answers-ch.yaml")


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [*args], env=env)


def _commands(command: click.Command, path: str = ""):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, f"{path} {name}".strip())


def test_every_command_and_option_has_help_in_both_languages():
    for path, command in _commands(cli):
        assert all(HELP[path]), f"no help for « {path} »"
        for param in command.params:
            if isinstance(param, click.Option):
                entry = HELP.get(f"{path}:{param.name}") or HELP.get(f":{param.name}")
                assert entry and all(entry), f"no help for {path} {param.opts[0]}"
    for fr, en in [*HELP.values(), *METAVARS.values()]:
        assert " / " not in fr and " / " not in en, (fr, en)  # no « français / English »


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_help_is_in_one_language(lang):
    localize(cli, lang)
    for path, command in _commands(cli):
        i = 0 if lang == "fr" else 1
        assert command.help == HELP[path][i]
        for param in command.params:
            if isinstance(param, click.Option):
                entry = HELP.get(f"{path}:{param.name}") or HELP[f":{param.name}"]
                assert param.help == entry[i]
    localize(cli, "fr")


def test_batch_help_in_french_and_english():
    french = run("batch", "--help").stdout
    assert french.startswith("Utilisation : cli batch [OPTIONS] ENTRÉE\n")
    assert "  -o, --output FICHIER       Fichier de résultats, - pour la sortie standard" in french
    assert "  --sheet NOM                Feuille XLSX à lire (défaut : la première" in french
    assert "  -h, --help                 Afficher cette aide et quitter." in french
    assert "results" not in french and "default:" not in french
    english = run("batch", "--help", "--lang", "en").stdout  # --help first: still English
    assert english.startswith("Usage: cli batch [OPTIONS] INPUT\n")
    assert "  -o, --output FILE          Results file, - for standard output" in english
    assert "  --sheet NAME               XLSX sheet to read (default: the first" in english
    assert "  -h, --help                 Show this message and exit." in english
    assert "Fichier" not in english and "défaut" not in english
    assert run("batch", "--help", env={"ASSESS_LANG": "en"}).stdout == english
    assert run("batch", "--help", "--lang", "fr", env={"ASSESS_LANG": "en"}).stdout == french


def test_root_help_lists_commands_in_the_chosen_language():
    french = run("--help").stdout
    assert french.startswith("Utilisation : cli [OPTIONS] COMMANDE [ARGS]...\n")
    assert "  score          Noter un fichier de réponses : niveau, score et constats..." in french
    english = run("--help", env={"ASSESS_LANG": "en"}).stdout
    assert english.startswith("Usage: cli [OPTIONS] COMMAND [ARGS]...\n")
    assert (
        "  score          Score an answers file: level, score and findings per domain." in english
    )
    # the language option belongs to the commands, not to `assess` itself: the help says so
    assert "Langue : assess COMMANDE --lang en, ou la variable" in french
    assert "Language: assess COMMAND --lang fr, or the environment variable" in english


def test_click_names_parameters_as_the_help_shows_them(tmp_path):
    missing = tmp_path / "absent.yaml"
    res = run("score", str(missing))
    assert (res.exit_code, res.stderr.splitlines()) == (2, [
        "Utilisation : cli score [OPTIONS] RÉPONSES",
        "Pour l'aide : « cli score --help ».",
        "",
        f"Erreur : Valeur non valide pour 'RÉPONSES' : Fichier « {missing} » introuvable : "
        "vérifier le chemin.",
    ])  # fmt: skip
    res = run("score", str(missing), "--lang", "en")
    assert res.stderr.splitlines() == [
        "Usage: cli score [OPTIONS] ANSWERS",
        "Try 'cli score --help' for help.",
        "",
        f"Error: Invalid value for 'ANSWERS': File '{missing}' does not exist: check the path.",
    ]
    assert run("score").stderr.endswith("Erreur : Argument manquant 'RÉPONSES'.\n")
    assert run("score", "--lang", "en").stderr.endswith("Error: Missing argument 'ANSWERS'.\n")
    res = run("score", str(tmp_path))
    assert res.stderr.endswith(
        f"Erreur : Valeur non valide pour 'RÉPONSES' : Fichier « {tmp_path} » est un dossier : "
        "donner un fichier.\n"
    )
    res = run("score", str(tmp_path), "--lang", "en")
    assert res.stderr.endswith(
        f"Error: Invalid value for 'ANSWERS': File '{tmp_path}' is a directory: give a file.\n"
    )
    res = run("batch", "in.csv", "--jobs", "0")
    assert (
        "Erreur : Valeur non valide pour '-j' / '--jobs' : 0 n'est pas dans l'intervalle x>=1."
        in res.stderr
    )
    res = run("compare", ANSWERS)
    assert res.stderr.endswith("Erreur : Argument manquant 'ACTUEL'.\n")


def test_unknown_command_in_both_languages():
    assert run("scor").stderr.endswith(
        "Erreur : Commande inconnue : scor. Vouliez-vous dire 'score' ?\n"
    )
    english = run("scor", env={"ASSESS_LANG": "en"}).stderr
    assert english.endswith("Error: No such command 'scor'. Did you mean 'score'?\n")


def test_ctrl_c_says_interrupted_in_the_chosen_language(monkeypatch, capsys):
    import sys

    from assess.cli import core, main

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(core, "assessor", interrupted)
    for args, env, said in [
        ([], None, "Interrompu."),
        (["--lang", "en"], None, "Aborted."),
        ([], "en", "Aborted."),
    ]:
        if env:
            monkeypatch.setenv("ASSESS_LANG", env)
        monkeypatch.setattr(sys, "argv", ["assess", "score", ANSWERS, *args])
        with pytest.raises(SystemExit) as info:
            main()
        assert info.value.code == 1
        assert capsys.readouterr().err == f"\n{said}\n"
    monkeypatch.delenv("ASSESS_LANG")
    localize(cli, "fr")


def test_schema_accepts_lang_and_names_its_argument():
    res = run("schema", "bogus", "--lang", "en")
    assert res.stderr.endswith(
        "Error: Invalid value for 'FORMAT': 'bogus' is not one of 'answers', 'comparison', "
        "'questionnaire', 'result', 'roadmap', 'rule'.\n"
    )
