"""ARS batch benchmark: N synthetic organisations through `assess batch`, the real code path.

Generates a messy-but-valid CSV of varied answers (every row drawn afresh: `;`, French numbers
and yes/no forms, DD/MM/YYYY dates, unknown and not-applicable answers), runs
`python -m assess batch --jobs J` as a subprocess, and prints its wall time beside the floor
measured in the same run: reading the same CSV and writing every row back with the csv module.
Targets: batch ≤ 8× that floor, peak RSS of the whole process tree ≤ 300 MB.

Peak memory: the process tree (batch process, forkserver, workers) is sampled from /proc every
0.2 s and the largest *sum* of RSS is reported (pages the workers share with the forkserver count
once per process), beside the sum of PSS (shared pages divided among their processes);
`getrusage(RUSAGE_CHILDREN)` gives the largest single waited-for descendant. CPU time: the
sampled tree's, so a run on a loaded machine can be compared with the floor's CPU time.

    python bench/batch.py [--rows 100000] [--jobs 2] [--rules-dir DIR --questionnaire FILE] [--keep DIR]
    python bench/batch.py --rows 40 --reports     # also one PDF per organisation: time per report
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from assess.batch.mapping import FIXED_COLUMNS
from assess.definitions import load_definitions
from assess.geo import finess_with_key
from assess.questionnaire import Question, QuestionType

TARGET_RATIO = 8.0
TARGET_MB = 300.0
TARGET_ROWS = 100_000
DEPTS = [
    ("11", "75"),
    ("11", "92"),
    ("84", "69"),
    ("93", "13"),
    ("76", "31"),
    ("53", "35"),
    ("94", "2A"),
]
TYPES = ["chu", "ch", "clinique", "esms", "centre_sante", "editeur"]


def finess(n: int, dept: str) -> str:
    return finess_with_key(f"{dept}{n % 1_000_000:06d}")


def cell(q: Question, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        return ""
    if roll < 0.12 and q.allow_na:
        return "na"
    t = q.type
    if t is QuestionType.yes_no:
        return rng.choice(["Oui", "Non", "O", "N", "1", "0", "yes", "no"])
    if t is QuestionType.single_choice:
        return rng.choice(q.choice_ids())
    if t is QuestionType.multiple_choice:
        return "|".join(rng.sample(q.choice_ids(), rng.randint(0, len(q.choice_ids()))))
    if t is QuestionType.percent:
        low, high = q.bounds()
        value = rng.uniform(low or 0, high or 100)
        return f"{value:.1f}".replace(".", ",") + rng.choice(["", " %"])
    if t is QuestionType.integer:
        low, high = q.bounds()
        return str(rng.randint(int(low or 0), int(high if high is not None else 5000)))
    if t is QuestionType.date:
        return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2026)}"
    return rng.choice(["RAS", "Projet en cours ; voir DSI", "Déploiement « partiel »"])


def generate(
    path: Path, rows: int, rules_dir: Path | None, questionnaire: Path | None, seed: int
) -> int:
    defs = load_definitions(rules_dir, questionnaire)
    questions = list(defs.questionnaire.questions().values())
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(";".join([*FIXED_COLUMNS, *(q.id for q in questions)]) + "\r\n")
        for i in range(rows):
            region, dept = DEPTS[i % len(DEPTS)]
            head = [
                finess(i, dept),
                f"Établissement {i}",
                TYPES[i % len(TYPES)],
                region,
                dept,
                "01/03/2026",
            ]
            values = [cell(q, rng) for q in questions]
            f.write(";".join(f'"{v}"' if ";" in v else v for v in head + values) + "\r\n")
    return len(questions)


def csv_floor(source: Path, target: Path) -> float:
    """Seconds to read `source` and write every row to `target` with the csv module."""
    start = time.perf_counter()
    with (
        source.open(encoding="utf-8", newline="") as f,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        writer = csv.writer(out, delimiter=";")
        for record in csv.reader(f, delimiter=";"):
            writer.writerow(record)
    return time.perf_counter() - start


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
_TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> dict[int, tuple[int, float]]:
    """`root` and all its descendants: pid → (resident kB, CPU seconds so far)."""
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stats[int(entry)] = f.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, fields in stats.items():
            if fields[1] == str(pid) and child not in tree:
                tree.add(child)
                frontier.append(child)
    # Fields after the command name: [1] ppid, [11] utime, [12] stime, [21] rss (pages).
    return {
        pid: (int(stats[pid][21]) * _PAGE_KB, (int(stats[pid][11]) + int(stats[pid][12])) / _TICK)
        for pid in tree
        if pid in stats
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=TARGET_ROWS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--rules-dir", type=Path)
    parser.add_argument("--questionnaire", type=Path)
    parser.add_argument("--engine", choices=["durable", "python"], default="durable")
    parser.add_argument(
        "--keep", type=Path, help="write the input and outputs here instead of a temporary folder"
    )
    parser.add_argument(
        "--reports",
        action="store_true",
        help="also render one PDF per organisation (--reports-dir)",
    )
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="assess-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "input.csv"
    t0 = time.perf_counter()
    n_questions = generate(source, args.rows, args.rules_dir, args.questionnaire, args.seed)
    print(f"generated {args.rows:,} rows × {n_questions} questions ({source.stat().st_size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - t0:.1f} s")  # fmt: skip

    cpu_start = time.process_time()
    floor_before = csv_floor(source, work / "floor.csv")
    floor_cpu = time.process_time() - cpu_start
    cmd = [sys.executable, "-m", "assess", "batch", str(source), "-o", str(work / "results.csv"),
           "--errors", str(work / "errors.csv"), "--summary", str(work / "summary.html"),
           "--jobs", str(args.jobs), "--engine", args.engine]  # fmt: skip
    if args.reports:
        cmd += ["--reports-dir", str(work / "reports")]
    if args.rules_dir:
        cmd += ["--rules-dir", str(args.rules_dir)]
    if args.questionnaire:
        cmd += ["--questionnaire", str(args.questionnaire)]
    run = run_batch(cmd)
    floor = min(floor_before, csv_floor(source, work / "floor.csv"))
    print(run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "(no output)")
    ratio = run.wall / floor
    print(f"batch  {run.wall:6.1f} s · {args.rows / run.wall:,.0f} rows/s · jobs {args.jobs} · "
          f"engine {args.engine} · CPU {run.cpu:.1f} s (process tree)")  # fmt: skip
    print(f"floor  {floor:6.2f} s · csv module, read + write the same file (best of before/after); "
          f"CPU {floor_cpu:.2f} s → batch CPU / floor CPU {run.cpu / floor_cpu:.1f}× (load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")  # fmt: skip
    print(f"ratio  {ratio:6.1f}× the floor [target ≤ {TARGET_RATIO:.0f}×: {'OK' if ratio <= TARGET_RATIO else 'MISSED'}]")  # fmt: skip
    print(
        f"peak RSS, whole process tree (sampled): {run.peak_rss:.0f} MB "
        f"[target ≤ {TARGET_MB:.0f} MB: {'OK' if run.peak_rss <= TARGET_MB else 'MISSED'}] · "
        f"PSS {run.peak_pss:.0f} MB (shared pages once) · "
        f"largest single process (RUSAGE_CHILDREN): {run.largest:.0f} MB"
    )
    print(f"per process (CPU, peak RSS): {run.by_role()}")
    if args.reports:
        made = len(list((work / "reports").glob("*.pdf")))
        print(f"reports {made} PDFs · {run.wall * args.jobs / max(made, 1):.2f} s per report and worker "
              f"(warm workers: templates, stylesheet and fonts reused)")  # fmt: skip
    print(f"files in {work}")


@dataclass
class Run:
    wall: float = 0.0  # seconds
    peak_rss: float = 0.0  # MB, summed over the process tree
    peak_pss: float = 0.0  # MB, the same with shared pages divided among their processes
    largest: float = 0.0  # MB, largest single waited-for process
    cpu: float = 0.0  # seconds, the whole tree
    stderr: str = ""
    roles: dict[int, str] = field(default_factory=dict)  # pid → batch, forkserver, worker…
    peaks: dict[int, float] = field(default_factory=dict)  # pid → its own peak RSS (MB)
    cpus: dict[int, float] = field(default_factory=dict)  # pid → its CPU seconds

    def by_role(self) -> str:
        """CPU and peak RSS of each process, the batch process first."""
        order = sorted(self.roles, key=lambda pid: (self.roles[pid] != "batch", pid))
        return " · ".join(
            f"{self.roles[pid]} {self.cpus.get(pid, 0.0):.1f} s, {self.peaks.get(pid, 0.0):.0f} MB"
            for pid in order
        )


def _role(pid: int, root: int) -> str:
    """batch (the command), forkserver, resource_tracker, or worker (forked by the forkserver,
    whose command line it keeps)."""
    if pid == root:
        return "batch"
    try:
        with open(f"/proc/{pid}/stat") as f:
            parent = int(f.read().rsplit(")", 1)[1].split()[1])
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            command = f.read().replace(b"\0", b" ").decode(errors="replace")
    except (OSError, IndexError, ValueError):
        return "process"
    if parent != root:
        return "worker"
    for name in ("forkserver", "resource_tracker"):
        if name in command:
            return name
    return "worker"


def _pss(pid: int) -> int:
    """Proportional set size (kB): shared pages (forked workers) counted once overall."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def run_batch(cmd: list[str]) -> Run:
    """Run the batch, sampling its process tree every 0.2 s: the CPU time of a process is its
    last sample (workers exit at the end), the batch process's own is exact."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    run = Run()
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            tree = _tree(proc.pid)
            run.peak_rss = max(run.peak_rss, sum(rss for rss, _ in tree.values()) / 1024)
            run.peak_pss = max(run.peak_pss, sum(_pss(pid) for pid in tree) / 1024)
            cpu.update({pid: seconds for pid, (_, seconds) in tree.items()})
            for pid, (rss, _) in sorted(tree.items()):
                if pid not in run.roles:
                    run.roles[pid] = _role(pid, proc.pid)
                run.peaks[pid] = max(run.peaks.get(pid, 0.0), rss / 1024)
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, run.stderr = proc.communicate()
    run.wall = time.perf_counter() - start
    done.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 3):
        print(run.stderr)
        sys.exit(proc.returncode)
    cpu[proc.pid] = usage.ru_utime + usage.ru_stime
    run.largest, run.cpu, run.cpus = usage.ru_maxrss / 1024, sum(cpu.values()), cpu
    return run


if __name__ == "__main__":
    main()
