"""Notices about the answers reach the user in one language, naming questions by their label."""

from __future__ import annotations

from click.testing import CliRunner

from assess.cli import cli
from tests.conftest import ROOT

CH = str(ROOT / "examples" / "ch-exemple.yaml")
# The CH example answers the 20 % teleconsultation cap, which binds only clinics,
# centres de santé and teleconsultation companies: the answer is ignored, and said so.
FR = (
    "« Pour les médecins libéraux ou salariés d'une société de téléconsultation, le plafond "
    "conventionnel de téléconsultation (20 % de l'activité de chaque médecin, 40 % en psychiatrie) "
    "est-il respecté ? » : réponse ignorée, la question ne concerne pas cette structure"
)


def _score(*args: str) -> str:
    result = CliRunner().invoke(cli, ["score", CH, *args])
    assert result.exit_code in (0, 3), result.output
    return result.stdout


def test_french_output_names_the_question_in_french():
    out = _score()
    assert FR in out
    assert "answer ignored" not in out and "telemedicine.cap_status" not in out


def test_english_output_is_english():
    out = _score("--lang", "en")
    assert "answer ignored, the question does not apply to this organisation" in out
    assert "réponse ignorée" not in out
