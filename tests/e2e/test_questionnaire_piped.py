"""`assess questionnaire` with piped, non-TTY input, through the real entry point."""

from __future__ import annotations

import os
import subprocess
import sys

from assess.yamlio import load_document
from tests.conftest import MINI_ARGS, ROOT

ORG = "CH Test\n750712184\n2\n11\n\n"
REST = "350\n80\no\noui\n45\n1,3\n2025-01-15\n3\nn\nRAS\nna\n2,5\n"


def assess(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "assess", "questionnaire", *args, *MINI_ARGS],
        input=stdin, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_piped_input_stops_at_eof_then_resumes(tmp_path):
    out = tmp_path / "a.yaml"
    first = assess("-o", str(out), "--date", "2026-03-01", stdin=ORG + "350\n")
    assert first.returncode == 1
    # piped answers are echoed, so the transcript stays readable
    assert "Réponse : 350\n" in first.stdout
    assert f"Pour reprendre : assess questionnaire --resume {out}" in first.stderr
    assert load_document(out).data["answers"] == {"org.beds": 350}

    second = assess("--resume", str(out), stdin=REST[4:])
    assert second.returncode == 0, second.stderr
    assert "Questionnaire terminé : 12 réponses" in second.stdout
    assert "Indice global e-santé" in second.stdout
    assert len(load_document(out).data["answers"]) == 12


def test_tiny_numbers_are_saved_and_scored_not_crashed_on(tmp_path):
    """`0.00001` used to reach durable-rules as `1e-05`: the questionnaire died with exit 139."""
    out = tmp_path / "a.yaml"
    tiny = REST.replace("80\n", "0,00001\n", 1).replace("45\n", "0.00001\n", 1)
    done = assess("-o", str(out), "--date", "2026-03-01", stdin=ORG + tiny)
    assert done.returncode == 0, done.stderr
    assert "Questionnaire terminé : 12 réponses" in done.stdout
    assert "Indice global e-santé" in done.stdout
    answers = load_document(out).data["answers"]
    assert answers["interoperability.ins_share"] == 0.00001
    assert answers["dmp.letter_share"] == 0.00001
