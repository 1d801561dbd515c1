"""Start-up: how long a user waits for `assess --help`, `assess score` and the questionnaire.

Every figure is the median of `--runs` whole processes (interpreter start included), measured
beside the bare interpreter start (`python -c pass`) in the same run, because the machine is
shared and noisy; the CPU time of the process is printed too (wall time grows with the load of
the machine, CPU time much less). The definitions cache lives in a temporary folder: "cold" runs start with an
empty one, "warm" runs with the one the first run wrote. Targets: `--help` ≤ 0.3 s, `score`
with a warm cache ≤ 0.5 s, the questionnaire's first prompt ≤ 0.5 s.

    python bench/startup.py [--runs 5] [--answers examples/ch-exemple.yaml]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSESS = [sys.executable, "-m", "assess"]
TARGETS = {"help": 0.3, "score": 0.5, "prompt": 0.5}
PROMPTS = ("Réponse", "Answer")


Sample = tuple[float, float]  # (wall seconds, CPU seconds of the child)


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str], env: dict[str, str]) -> Sample:
    cpu, start = _child_cpu(), time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, _child_cpu() - cpu


def _first_prompt(env: dict[str, str], work: Path) -> Sample:
    """Until the questionnaire asks its first question (its prompt reaches the pipe); the CPU
    time is the whole process's, which then stops at once on the end of its input."""
    answers = work / f"draft-{time.monotonic_ns()}.yaml"
    cmd = [*ASSESS, "questionnaire", "-o", str(answers)]
    cpu, start = _child_cpu(), time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert proc.stdout is not None and proc.stdin is not None
    seen = b""
    while not any(p.encode() in seen for p in PROMPTS):
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            raise SystemExit(f"the questionnaire ended before its first prompt:\n{seen.decode()}")
        seen += chunk
    elapsed = time.perf_counter() - start
    proc.stdin.close()  # end of input: the questionnaire stops and keeps the draft
    proc.stdout.read()
    proc.wait()
    return elapsed, _child_cpu() - cpu


def _median(measure: Callable[[], Sample], runs: int) -> Sample:
    samples = [measure() for _ in range(runs)]
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


def _in_process(runs: int) -> tuple[float, float]:
    """load_definitions() alone: parsing every file, then from a warm cache."""
    from assess.definitions import load_definitions

    load_definitions()  # warm the (temporary) cache
    cold = statistics.median(_timed(lambda: load_definitions(cache=False)) for _ in range(2))
    warm = statistics.median(_timed(load_definitions) for _ in range(runs))
    return cold, warm


def _timed(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _ok(met: bool) -> str:
    return "OK" if met else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--answers", type=Path, default=ROOT / "examples" / "ch-exemple.yaml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="assess-bench-startup-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "PYTHONUNBUFFERED": "1"}
        os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
        score = [*ASSESS, "score", str(args.answers)]

        def cold() -> Sample:
            fresh = {**env, "XDG_CACHE_HOME": str(work / f"cold-{time.monotonic_ns()}")}
            return _run(score, fresh)

        floor, floor_cpu = _median(lambda: _run([sys.executable, "-c", "pass"], env), args.runs)
        figures = {
            "help": _median(lambda: _run([*ASSESS, "--help"], env), args.runs),
            "score (cold cache)": _median(cold, max(1, args.runs // 2)),
            "score": _median(lambda: _run(score, env), args.runs),
            "prompt": _median(lambda: _first_prompt(env, work), args.runs),
        }
        load_cold, load_warm = _in_process(args.runs)
    print(
        f"median of {args.runs} runs; interpreter start (python -c pass) {floor:.3f} s "
        f"(CPU {floor_cpu:.3f} s); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    labels = {
        "help": "assess --help",
        "score (cold cache)": "assess score, cold cache",
        "score": "assess score, warm cache",
        "prompt": "questionnaire, first prompt",
    }
    for key, (seconds, cpu) in figures.items():
        target = TARGETS.get(key)
        verdict = (
            ""
            if target is None
            else f"  target ≤ {target:.1f} s: wall {_ok(seconds <= target)}, CPU {_ok(cpu <= target)}"
        )
        print(
            f"{labels[key]:<28} {seconds:6.3f} s  CPU {cpu:6.3f} s  ({seconds / floor:5.1f}× interpreter){verdict}"
        )
    print(
        f"load_definitions() in process, CPU: parsing the files {load_cold * 1000:.0f} ms, "
        f"warm cache {load_warm * 1000:.0f} ms ({load_cold / load_warm:.0f}× less)"
    )


if __name__ == "__main__":
    main()
