from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
MINI_ARGS = [
    "--rules-dir",
    str(MINI / "rules"),
    "--questionnaire",
    str(MINI / "questionnaire.yaml"),
]


@pytest.fixture(scope="session", autouse=True)
def _private_cache() -> Iterator[Path]:
    """Every test, and every `assess` process a test starts, caches definitions in a temporary
    folder: never the user's own cache."""
    before = os.environ.get("XDG_CACHE_HOME")
    with tempfile.TemporaryDirectory(prefix="assess-test-cache-") as folder:
        os.environ["XDG_CACHE_HOME"] = folder
        try:
            yield Path(folder)
        finally:
            if before is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def mini_defs():
    from assess.definitions import load_definitions

    return load_definitions(MINI / "rules", MINI / "questionnaire.yaml", ROOT / "references")


@pytest.fixture(scope="session")
def shipped_defs():
    from assess.definitions import load_definitions

    return load_definitions()
