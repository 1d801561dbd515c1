"""The wheel ships the rules, questionnaires, templates and references, and works outside the repo."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

from tests.conftest import MINI, ROOT


def test_wheel_installs_and_scores_outside_the_repo(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = dist.glob("assess-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", str(wheel)], check=True, capture_output=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(MINI / "answers-ch.yaml", elsewhere / "answers.yaml")
    assess = env_dir / "bin" / "assess"
    # The packaged definitions are found without the repo: rules check runs every shipped example.
    check = subprocess.run(
        [str(assess), "rules", "check"], cwd=elsewhere, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert "exemples vérifiés sur durable-rules et python" in check.stdout
    example = next((ROOT / "examples").glob("*.yaml"))
    shutil.copy(example, elsewhere / "example.yaml")
    score = subprocess.run(
        [str(assess), "score", "example.yaml"], cwd=elsewhere, capture_output=True, text=True
    )
    assert score.returncode == 0, score.stderr
    assert "Indice global e-santé" in score.stdout
    listed = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", "import assess.resources as r; print(r.data_dir('templates'))"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "site-packages/assess/_data/templates" in listed.stdout
