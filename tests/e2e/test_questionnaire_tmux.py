"""Runs tests/e2e/questionnaire_tmux.sh (real keystrokes in tmux) when tmux is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("questionnaire_tmux.sh")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_questionnaire_in_a_real_terminal():
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("TMUX", None)  # the script runs its own tmux server, even from inside tmux
    done = subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("OK: questionnaire end-to-end in tmux")
