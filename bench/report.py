"""Benchmark the PDF report: the executive report against the full one, in the same run.

    python bench/report.py [ANSWERS ...] [--runs N] [--lang fr|en]

Definitions are loaded and the answers scored once per example; each run computes the action
plan's roadmap steps (as `assess report` does, once per command) and renders the default
(executive) report, its annexes and the `--full` report (context, Jinja2, WeasyPrint), taking
turns so that load on the shared machine hits all three alike. A part's time includes the
roadmap, since each command pays for it once. Prints the medians, pages, the roadmap alone,
the ratio executive / full against the target (≤ 0.25) and the machine's load. The first
round (imports, fonts, compiled templates) is left out of the medians.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from assess.answers import load_answers  # noqa: E402
from assess.definitions import load_definitions  # noqa: E402
from assess.progress.plan_steps import report_steps  # noqa: E402
from assess.render.report import ReportPart, render_report  # noqa: E402
from assess.scoring.assessor import Assessor  # noqa: E402

TARGET_RATIO = 0.25
MINI = ROOT / "tests" / "fixtures" / "mini"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PARTS: tuple[ReportPart, ...] = ("executive", "annexes", "full")


def _defs(answers: Path):
    if answers.resolve().is_relative_to(MINI.resolve()):
        return load_definitions(MINI / "rules", MINI / "questionnaire.yaml", ROOT / "references")
    return load_definitions()


def _bench(answers: Path, runs: int, lang: str) -> bool:
    defs = _defs(answers)
    assessor = Assessor(defs, "durable")
    parsed = load_answers(answers, defs.questionnaire)
    result = assessor.assess(parsed)
    times: dict[str, list[float]] = {part: [] for part in (*PARTS, "roadmap")}
    pages: dict[str, int] = {}
    for round_ in range(runs + 1):
        for part in PARTS:
            start = time.perf_counter()
            steps = report_steps(assessor, parsed)
            middle = time.perf_counter()
            data = render_report(result, defs, lang=lang, part=part, steps=steps)  # type: ignore[arg-type]
            elapsed = time.perf_counter() - start
            if round_:  # round 0 warms up
                times[part].append(elapsed)
                times["roadmap"].append(middle - start)
            pages[part] = len(PdfReader(io.BytesIO(data)).pages)
    median = {part: statistics.median(values) for part, values in times.items()}
    ratio = median["executive"] / median["full"]
    print(f"{answers.name} ({lang}, median of {runs})")
    for part in PARTS:
        print(f"  {part:<10} {median[part]:6.3f} s  {pages[part]:3d} pages")
    print(f"  roadmap    {median['roadmap']:6.3f} s  (included in each part)")
    ok = ratio <= TARGET_RATIO
    print(f"  executive / full = {ratio:.2f} (target ≤ {TARGET_RATIO}: {'OK' if ok else 'MISSED'})")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", nargs="*", type=Path, default=EXAMPLES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", choices=["fr", "en"], default="fr")
    args = parser.parse_args()
    results = [_bench(path, args.runs, args.lang) for path in args.answers]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load} (1, 5, 15 min; 2 cores shared)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory {peak_mb:.0f} MiB (max RSS of the process)")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
