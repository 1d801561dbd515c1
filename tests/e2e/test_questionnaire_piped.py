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
