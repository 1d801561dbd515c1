"""Benchmark one PDF report: median wall time over several runs, and peak memory.

    python bench/report.py [ANSWERS] [--runs N] [--lang fr|en]

Definitions are loaded and the answers scored once; each run renders the PDF (context, Jinja2,
WeasyPrint). The first run (imports, font setup) is reported apart. Target: ≤ 1.5 s a report.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assess.answers import load_answers  # noqa: E402
from assess.definitions import load_definitions  # noqa: E402
from assess.render.report import render_report  # noqa: E402
from assess.scoring.assessor import Assessor  # noqa: E402

TARGET_S = 1.5
MINI = ROOT / "tests" / "fixtures" / "mini"


def _defs(answers: Path):
    if answers.resolve().is_relative_to(MINI.resolve()):
        return load_definitions(MINI / "rules", MINI / "questionnaire.yaml", ROOT / "references")
    return load_definitions()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "answers", nargs="?", type=Path, default=ROOT / "examples" / "chu-exemple.yaml"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", choices=["fr", "en"], default="fr")
    args = parser.parse_args()
    defs = _defs(args.answers)
    result = Assessor(defs, "python").assess(load_answers(args.answers, defs.questionnaire))
    start = time.perf_counter()
    first = render_report(result, defs, lang=args.lang)
    first_s = time.perf_counter() - start
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        render_report(result, defs, lang=args.lang)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"answers        {args.answers}")
    print(f"report         {len(first) / 1024:.0f} KiB PDF, lang {args.lang}")
    print(f"first run      {first_s:.3f} s (imports, font setup)")
    print(f"median of {args.runs}    {median:.3f} s (min {min(times):.3f}, max {max(times):.3f})")
    print(f"peak memory    {peak_mb:.0f} MiB (max RSS of the process)")
    print(
        f"vs target      {median / TARGET_S:.2f} × the {TARGET_S} s target ({'OK' if median <= TARGET_S else 'over'})"
    )


if __name__ == "__main__":
    main()
