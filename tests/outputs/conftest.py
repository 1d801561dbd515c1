from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from assess.cli import cli
from tests.batch.conftest import GOOD, csv_text, row
from tests.conftest import MINI, MINI_ARGS

ANSWERS = MINI / "answers-ch.yaml"


def write_input(folder: Path, count: int = 3) -> Path:
    path = folder / "in.csv"
    path.write_text(csv_text([row(GOOD[i], f"Org {i}") for i in range(count)]), encoding="utf-8")
    return path


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [*args, *MINI_ARGS], input=input, catch_exceptions=False)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@contextlib.contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path | None]:
    """A small tmpfs mounted on `folder` where the machine allows it (root), else None."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    try:
        yield folder if done.returncode == 0 else None
    finally:
        if done.returncode == 0:
            subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def batch_input(tmp_path: Path) -> Path:
    return write_input(tmp_path)


__all__ = ["ANSWERS", "GOOD", "listing", "run", "tmpfs", "write_input"]
