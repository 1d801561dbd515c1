"""`assess questionnaire --from PREVIOUS`: last year's answers, each to confirm or change."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assess.cli import cli
from assess.yamlio import load_document
from tests.conftest import MINI, MINI_ARGS

PREVIOUS = MINI / "answers-ch.yaml"


def _run(tmp_path: Path, lines: list[str], *args: str):
    out = tmp_path / "2027.yaml"
    text = "".join(f"{line}\n" for line in lines)
    result = CliRunner().invoke(
        cli,
        ["questionnaire", "--date", "2027-03-01", "-o", str(out), *args, *MINI_ARGS],
        input=text,
    )
    return result, out


def test_carried_answers_are_confirmed_or_changed(tmp_path: Path) -> None:
    lines = [
        "350",  # org.beds: not answered last year, asked as usual
        "s",  # interoperability.ins_share
        "s",  # hds_hosting.host
        "",  # dmp.feeds: yes, confirmed
        "60",  # dmp.letter_share: 45 last year, changed
        "",  # dmp.documents: confirmed
        "s",  # dmp.since
        "s",  # mssante.mailbox
        "o",  # cybersecurity.mfa: no last year, now yes
        "s",  # cybersecurity.notes
        "",  # telemedicine.tlc_share: na, confirmed
        "",  # governance.budget_share: confirmed, comment and evidence kept
    ]
    result, out = _run(tmp_path, lines, "--from", str(PREVIOUS))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "6 réponses reprises de tests/fixtures/mini/answers-ch.yaml, à confirmer une à une (Entrée confirme).\n"
    )
    assert "Réponse de l'évaluation précédente, à confirmer : 45 %\n" in result.output
    assert "Réponse de l'évaluation précédente, à confirmer : non applicable\n" in result.output
    data = load_document(out).data
    assert data["organisation"]["finess"] == "750712184"
    assert data["assessment_date"].isoformat() == "2027-03-01"
    answers = data["answers"]
    assert answers["dmp.feeds"] == "yes" and answers["dmp.letter_share"] == 60
    assert answers["cybersecurity.mfa"] == "yes" and answers["telemedicine.tlc_share"] == "na"
    assert answers["governance.budget_share"] == {
        "value": 1.8, "comment": "Budget 2025", "evidence": "CA 2025",
    }  # fmt: skip
    assert "to_confirm" not in out.read_text(encoding="utf-8")


def test_stopping_keeps_the_rest_to_confirm(tmp_path: Path) -> None:
    result, out = _run(tmp_path, ["350", "s", "s", ""], "--from", str(PREVIOUS))
    assert result.exit_code == 1
    answers = load_document(out).data["answers"]
    assert answers["dmp.feeds"] == "yes"  # confirmed
    assert answers["dmp.letter_share"] == {"value": 45, "to_confirm": True}
    assert answers["governance.budget_share"] == {
        "value": 1.8, "comment": "Budget 2025", "evidence": "CA 2025", "to_confirm": True,
    }  # fmt: skip
    resumed = CliRunner().invoke(
        cli, ["questionnaire", "--resume", str(out), *MINI_ARGS], input="70\n"
    )
    assert "Réponse de l'évaluation précédente, à confirmer : 45 %\n" in resumed.output
    assert load_document(out).data["answers"]["dmp.letter_share"] == 70


def test_scoring_names_the_answers_still_to_confirm(tmp_path: Path) -> None:
    result, out = _run(tmp_path, ["350", "s", "s", ""], "--from", str(PREVIOUS))
    assert result.exit_code == 1
    pending = [
        qid for qid, entry in load_document(out).data["answers"].items()
        if isinstance(entry, dict) and entry.get("to_confirm")
    ]  # fmt: skip
    assert "dmp.letter_share" in pending and len(pending) > 3
    more = len(pending) - 3
    for lang, expected in (
        ("fr", f"{len(pending)} réponses reprises de l'évaluation précédente, pas encore "
               "confirmées, sont comptées telles quelles : « "),
        ("en", f"{len(pending)} answers carried over from the previous assessment and not yet "
               "confirmed are scored as given: “"),
    ):  # fmt: skip
        scored = CliRunner().invoke(cli, ["score", str(out), "--lang", lang, *MINI_ARGS])
        assert scored.exit_code == 0, scored.output
        line = next(x for x in scored.output.splitlines() if "--resume" in x)
        assert line.startswith(f"  - {expected}"), line
        assert (f" et {more} autres." if lang == "fr" else f" and {more} more.") in line
    confirmed = CliRunner().invoke(cli, ["score", str(PREVIOUS), *MINI_ARGS])
    assert "pas encore confirmée" not in confirmed.output


def test_from_and_resume_exclude_each_other(tmp_path: Path) -> None:
    result, _out = _run(tmp_path, [], "--from", str(PREVIOUS), "--resume", str(PREVIOUS))
    assert result.exit_code == 2
    assert "--resume et --from ne vont pas ensemble" in result.output
