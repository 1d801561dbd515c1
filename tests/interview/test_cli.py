"""`assess questionnaire` through CliRunner with scripted input."""

from __future__ import annotations

import datetime as dt

import click
import pytest
from click.testing import CliRunner

from assess.cli import cli, questionnaire_cmd
from assess.yamlio import load_document
from tests.conftest import MINI_ARGS

ORG_INPUT = ["CH Test", "750712184", "2", "11", ""]  # département: Enter takes 75 from the FINESS
FULL_INPUT = ORG_INPUT + [
    "350",  # org.beds
    "80 %",  # interoperability.ins_share
    "o",  # hds_hosting.host
    "oui",  # dmp.feeds
    "45,5",  # dmp.letter_share (asked: dmp.feeds is yes)
    "1,3",  # dmp.documents
    "15/01/2025",  # dmp.since
    "nominative",  # mssante.mailbox, by ID
    "n",  # cybersecurity.mfa; cybersecurity.vendor_psc does not apply to a CH
    "Pas de MFA",  # cybersecurity.notes
    "na",  # telemedicine.tlc_share
    "2,5",  # governance.budget_share
]
FULL_ANSWERS = {
    "org.beds": 350,
    "interoperability.ins_share": 80,
    "hds_hosting.host": "yes",
    "dmp.feeds": "yes",
    "dmp.letter_share": 45.5,
    "dmp.documents": ["ldl", "bio"],
    "dmp.since": dt.date(2025, 1, 15),
    "mssante.mailbox": "nominative",
    "cybersecurity.mfa": "no",
    "cybersecurity.notes": "Pas de MFA",
    "telemedicine.tlc_share": "na",
    "governance.budget_share": 2.5,
}


def run(tmp_path, lines, *args, group=cli):
    out = tmp_path / "answers.yaml"
    if "--resume" not in args and "-o" not in args:
        args = ("-o", str(out), *args)
    text = "".join(f"{line}\n" for line in lines)
    result = CliRunner().invoke(
        group, ["questionnaire", "--date", "2026-03-01", *args, *MINI_ARGS], input=text
    )
    return result, out


def data(path):
    return load_document(path).data


def test_full_run(tmp_path):
    result, out = run(tmp_path, [*FULL_INPUT, "n"])
    assert result.exit_code == 0, result.output
    assert data(out) == {
        "questionnaire": {"id": "mini", "version": "1"},
        "organisation": {
            "name": "CH Test",
            "finess": "750712184",
            "type": "ch",
            "region": "11",
            "departement": "75",
        },
        "assessment_date": dt.date(2026, 3, 1),
        "answers": FULL_ANSWERS,
    }
    lines = result.stdout.splitlines()
    assert "Identité de l'établissement — question 1/5 — 0 % du questionnaire" in lines
    assert "Section dmp — question 2/4 — 52 % du questionnaire" in lines
    assert "Réponse [75] : " in lines
    assert "cybersecurity.vendor_psc" not in result.stdout
    assert "Questionnaire terminé : 12 réponses enregistrées dans answers.yaml." in lines or any(
        line.startswith("Questionnaire terminé : 12 réponses enregistrées dans ") for line in lines
    )
    # the score summary: levels per domain and findings, as `assess score` prints them
    assert "Alimentation du DMP            1/5        1/5    12,5       100 %      A" in lines
    assert "  [CRITIQUE] CYB-001  Accès par simple mot de passe" in lines
    # `assess score` reads the file as written
    score = CliRunner().invoke(cli, ["score", str(out), *MINI_ARGS])
    assert score.exit_code == 0 and "Alimentation du DMP            1/5" in score.stdout


def test_invalid_answers_are_asked_again(tmp_path):
    lines = [
        "CH Test", "12345", "750712185", "750712184", "ch", "99", "Bretagne", "20", "35",
        "12,5", "350",
        "120", "80",
        "peut-être", "", "o",
        "oui", "beaucoup", "45",
        "1,5", "1",
        "31/02/2025", "2025-02-28",
    ]  # fmt: skip
    result, out = run(tmp_path, lines)
    assert result.exit_code == 1  # input ends before the end: stopped, resumable
    expected = [
        "Le numéro FINESS « 12345 » doit avoir 9 caractères (il en a 5).",
        "La clé du numéro FINESS « 750712185 » est fausse (dernier chiffre) : le recopier depuis le répertoire FINESS.",
        "« 99 » n'est pas une région : écrire son code INSEE (ex. 11) ou son nom (ex. Bretagne).",
        "« 20 » n'est pas un code département (ex. 75, 2A, 971).",
        "« 12,5 » n'est pas un nombre entier : attendu un nombre entier d'au moins 0.",
        "120 est hors limites : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5).",
        "« peut-être » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas), ou « sans objet ».",
        "Une réponse est nécessaire : attendu oui ou non (o/n).",
        "« beaucoup » n'est pas un nombre : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5).",
        "« 5 » ne correspond à aucun choix ; choix possibles : « ldl », « cro », « bio ».",
        "« 31/02/2025 » n'existe pas au calendrier (jour ou mois impossible) : vérifier la date.",
    ]
    out_lines = result.stdout.splitlines()
    assert [line for line in out_lines if line in expected] == expected
    saved = data(out)
    assert saved["organisation"] == {
        "name": "CH Test",
        "finess": "750712184",
        "type": "ch",
        "region": "53",
        "departement": "35",
    }
    assert saved["answers"] == {
        "org.beds": 350, "interoperability.ins_share": 80, "hds_hosting.host": "yes", "dmp.feeds": "yes",
        "dmp.letter_share": 45, "dmp.documents": ["ldl"], "dmp.since": dt.date(2025, 2, 28),
    }  # fmt: skip


def test_back_skip_na_and_help(tmp_path):
    lines = [
        "<",  # nothing before the first question
        "CH Test", "750712184", "1", "11", "",
        "?",  # help on org.beds
        "s",  # org.beds: unknown
        "na",  # interoperability.ins_share does not allow na
        "60",
        "<",  # back to interoperability.ins_share, shown with its answer
        "",  # Enter keeps 60
        "na",  # hds_hosting.host allows na
        "<", "<",  # back twice: interoperability.ins_share
        "70",  # changed
        "",  # hds_hosting.host: keep na
    ]  # fmt: skip
    result, out = run(tmp_path, lines)
    assert result.exit_code == 1
    out_lines = result.stdout.splitlines()
    assert "C'est la première question : pas de retour possible." in out_lines
    assert "Aide org.beds" in out_lines
    assert (
        "Cette question ne prévoit pas « sans objet » : répondre, ou écrire nsp si la réponse n'est pas connue."
    ) in out_lines
    assert "Enregistré comme non applicable." in out_lines
    assert "Réponse [60 %] : " in out_lines
    assert "Réponse [non applicable] : " in out_lines
    assert (
        "? aide · < retour · s passer (inconnu) · na non applicable · Entrée garde la réponse actuelle"
        in out_lines
    )
    assert data(out)["answers"] == {
        "org.beds": "unknown",
        "interoperability.ins_share": 70,
        "hds_hosting.host": "na",
    }


def test_depends_on_skips_and_prunes(tmp_path):
    lines = ORG_INPUT + [
        "s", "s", "s",
        "oui", "45",  # dmp.feeds yes: dmp.letter_share asked
        "<", "<",  # back to dmp.feeds
        "non",  # dmp.letter_share no longer applies: next is dmp.documents
        "aucun",
    ]  # fmt: skip
    result, out = run(tmp_path, lines)
    out_lines = result.stdout.splitlines()
    # dmp.documents comes right after dmp.feeds = no
    assert "Section dmp — question 2/3 — 56 % du questionnaire" in out_lines
    answers = data(out)["answers"]
    assert answers["dmp.feeds"] == "no"
    # the answer of a question that no longer applies is dropped
    assert "dmp.letter_share" not in answers
    assert answers["dmp.documents"] == []


def test_interrupt_then_resume(tmp_path, monkeypatch):
    typed = iter(FULL_INPUT[:9])

    def ask(prompt):
        click.echo(prompt, nl=False)
        try:
            line = next(typed)
        except StopIteration:
            raise KeyboardInterrupt from None  # Ctrl-C while typing the 10th answer
        click.echo(line)
        return line

    monkeypatch.setattr(questionnaire_cmd, "_ask", ask)
    result, out = run(tmp_path, [])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Interrompu : 4 réponses enregistrées dans {out}.",
        f"Pour reprendre : assess questionnaire --resume {out} {' '.join(MINI_ARGS[2:])} {' '.join(MINI_ARGS[:2])}",
    ]
    before = data(out)
    assert before["answers"] == {k: FULL_ANSWERS[k] for k in list(FULL_ANSWERS)[:4]}
    monkeypatch.undo()

    result, _ = run(tmp_path, [*FULL_INPUT[9:], "n"], "--resume", str(out))
    assert result.exit_code == 0, result.output
    assert "Reprise de" in result.stdout and "4 réponses enregistrées." in result.stdout
    assert "Section dmp — question 2/4 — 52 % du questionnaire" in result.stdout.splitlines()
    assert data(out)["answers"] == FULL_ANSWERS


def test_end_of_piped_input_saves_and_says_how_to_resume(tmp_path):
    result, out = run(tmp_path, ORG_INPUT[:2])
    assert result.exit_code == 1
    assert data(out)["organisation"] == {"name": "CH Test", "finess": "750712184"}
    assert "Pour reprendre : assess questionnaire --resume" in result.stderr
    result, _ = run(tmp_path, [*ORG_INPUT[2:], *FULL_INPUT[5:], "n"], "--resume", str(out))
    assert result.exit_code == 0, result.output
    assert data(out)["answers"] == FULL_ANSWERS


def test_every_answer_is_on_disk_before_the_next_question(tmp_path, monkeypatch):
    typed = iter(FULL_INPUT)
    out = tmp_path / "answers.yaml"
    seen = []

    def ask(prompt):
        doc = data(out)
        seen.append(len(doc["organisation"]) + len(doc["answers"]))
        return next(typed, "n")  # "n": no PDF report

    monkeypatch.setattr(questionnaire_cmd, "_ask", ask)
    result, _ = run(tmp_path, [])
    assert result.exit_code == 0, result.output
    assert seen[: len(FULL_INPUT)] == list(range(len(FULL_INPUT)))


def test_domain_only(tmp_path):
    result, out = run(tmp_path, [*FULL_INPUT, "n"])
    assert result.exit_code == 0
    result, _ = run(tmp_path, ["non", "2"], "--resume", str(out), "--domain", "dmp")
    assert result.exit_code == 1  # stopped at dmp.since (Enter would keep it)
    out_lines = result.stdout.splitlines()
    assert "Section dmp — question 1/4 — 100 % du questionnaire" in out_lines
    assert "mssante.mailbox" not in result.stdout
    answers = data(out)["answers"]
    assert answers["dmp.feeds"] == "no" and answers["dmp.documents"] == ["cro"]
    assert "dmp.letter_share" not in answers


def test_domain_asks_a_missing_profile_first(tmp_path):
    result, out = run(tmp_path, [*ORG_INPUT, "350", "2"], "--domain", "mssante")
    assert result.exit_code == 0, result.output
    assert data(out)["answers"] == {"org.beds": 350, "mssante.mailbox": "organisational"}
    assert "Section « Section mssante » terminée" in result.stdout


def test_unknown_domain(tmp_path):
    result, _ = run(tmp_path, [], "--domain", "nope")
    assert result.exit_code == 2
    assert "« nope » n'est pas une section du questionnaire" in result.stderr


def test_existing_output_is_not_overwritten(tmp_path):
    out = tmp_path / "answers.yaml"
    out.write_text("keep me\n")
    result, _ = run(tmp_path, [])
    assert result.exit_code == 1
    assert "existe déjà. Pour le compléter : assess questionnaire --resume" in result.stderr
    assert out.read_text() == "keep me\n"


def test_english(tmp_path):
    result, _ = run(tmp_path, ["CH Test", "750712185"], "--lang", "en")
    lines = result.stdout.splitlines()
    assert "Organisation identity — question 2/5 — 5% of the questionnaire" in lines
    assert (
        "FINESS “750712185” has a wrong check digit (last digit): copy it again from the FINESS directory."
        in lines
    )
    assert (
        "To resume: assess questionnaire --resume" in result.stderr and "--lang en" in result.stderr
    )


def test_date_defaults_to_today(tmp_path, monkeypatch):
    out = tmp_path / "a.yaml"
    result = CliRunner().invoke(cli, ["questionnaire", "-o", str(out), *MINI_ARGS], input="")
    assert result.exit_code == 1
    assert data(out)["assessment_date"] == dt.date.today()


@pytest.fixture
def group_with_report():
    calls = []

    @click.group()
    def group():
        pass

    @group.command()
    @click.argument("answers")
    @click.option("-o", "output")
    @click.option("--lang")
    @click.option("--rules-dir")
    def report(answers, output, lang, rules_dir):
        calls.append((answers, output, lang, rules_dir))
        click.echo("PDF written")

    questionnaire_cmd.register(group)
    return group, calls


def test_report_offered_and_written(tmp_path, group_with_report):
    group, calls = group_with_report
    result, out = run(tmp_path, [*FULL_INPUT, "oui"], group=group)
    assert result.exit_code == 0, result.output
    assert f"Écrire le rapport PDF dans {out.with_suffix('.pdf')} ? [o/N] oui" in result.stdout
    assert calls == [(str(out), str(out.with_suffix(".pdf")), "fr", MINI_ARGS[1])]
    assert result.stdout.endswith("PDF written\n")


def test_report_default_is_no_when_piped(tmp_path, group_with_report):
    group, calls = group_with_report
    result, _ = run(tmp_path, [*FULL_INPUT, ""], group=group)
    assert result.exit_code == 0
    assert calls == []
