from __future__ import annotations

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


@pytest.fixture(scope="session")
def mini_defs():
    from assess.definitions import load_definitions

    return load_definitions(MINI / "rules", MINI / "questionnaire.yaml", ROOT / "references")


@pytest.fixture(scope="session")
def shipped_defs():
    from assess.definitions import load_definitions

    return load_definitions()
