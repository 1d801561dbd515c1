"""Start-up stays light: the CLI imports models, engine and renderers only for the commands that
use them. (How fast that is, is measured by bench/startup.py, not here.)"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = {"pydantic", "ruamel", "jinja2", "weasyprint", "openpyxl", "rich", "durable_rules_engine"}

_RUN = """
import sys
from assess.cli import main
sys.argv = ["assess", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("MODULES", " ".join(sorted(sys.modules)))
"""


def _packages_imported(*args: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", _RUN, *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    (line,) = [x for x in out.splitlines() if x.startswith("MODULES ")]
    return {m.split(".")[0] for m in line.split()[1:]}


def test_help_imports_no_model_engine_or_renderer():
    assert _packages_imported("--help") & HEAVY == set()


def test_score_imports_neither_templates_nor_pdf_nor_spreadsheets():
    imported = _packages_imported("score", "examples/ch-exemple.yaml")
    assert imported & HEAVY == {"pydantic", "ruamel", "durable_rules_engine"}
