"""Benchmark `assess roadmap` as a user runs it: the whole process, on each bundled example.

    python bench/roadmap.py [--runs N]

Each run starts `assess roadmap EXAMPLE` in a new process (interpreter start, imports,
definitions, the search) and waits for it. `assess score` on the same example is timed in the
same run as the reference, so the ratio shows what the search adds on a noisy shared machine.
The search alone (`build_roadmap`, definitions already loaded) is timed in this process too, with
the number of answer sets it evaluated. Target: ≤ 2 s whole process for each example.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0
ASSESS = [sys.executable, "-m", "assess"]


def _median_s(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*ASSESS, *args], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _search_ms(example: Path, runs: int) -> tuple[float, int]:
    sys.path.insert(0, str(ROOT))
    from assess.answers import load_answers
    from assess.definitions import load_definitions
    from assess.progress.roadmap import build_roadmap
    from assess.scoring.assessor import Assessor

    defs = load_definitions()
    answers = load_answers(example, defs.questionnaire)
    times, evaluations = [], 0
    for _ in range(runs):
        assessor = Assessor(defs)  # a fresh one: nothing cached between runs
        start = time.perf_counter()
        evaluations = build_roadmap(assessor, answers).evaluations
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times), evaluations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{'example':<22}{'score (ref)':>12}{'roadmap':>10}{'ratio':>8}{'search':>10}"
        f"{'sets':>6}  target ≤ {TARGET_S:.1f} s"
    )
    worst = 0.0
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        name = str(example.relative_to(ROOT))
        reference = _median_s(["score", name], args.runs)
        roadmap = _median_s(["roadmap", name], args.runs)
        worst = max(worst, roadmap)
        search, sets = _search_ms(example, args.runs)
        print(
            f"{example.stem:<22}{reference:>10.2f} s{roadmap:>8.2f} s{roadmap / reference:>7.2f}×"
            f"{search:>7.0f} ms{sets:>6}"
        )
    verdict = "met" if worst <= TARGET_S else "NOT met"
    print(f"slowest roadmap {worst:.2f} s: target {verdict} (medians of {args.runs} runs)")


if __name__ == "__main__":
    main()
