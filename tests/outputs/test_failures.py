"""Runs that cannot write: all outputs or none, no temporary file left, one line naming the path
and the reason; SIGTERM like Ctrl-C; engine crashes never abort a batch."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pytest

from assess import atomic
from assess.atomic import Outputs, write_atomic
from assess.batch.pool import CRASH_ENV
from assess.errors import OutputError
from tests.batch.conftest import csv_text, read_csv, row
from tests.conftest import MINI_ARGS, ROOT

from .conftest import ANSWERS, GOOD, listing, run, tmpfs, write_input


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.startswith(("Erreur :", "Error:"))]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_full_filesystem_publishes_nothing(tmp_path):
    batch_input = write_input(tmp_path, count=30)
    with tmpfs(tmp_path / "small", "size=8k") as small:
        if small is None:
            pytest.skip("mounting a tmpfs is not allowed here; see the fault-injecting tests")
        res = run(
            "batch", str(batch_input), "-o", str(small / "o.csv"), "--errors", str(small / "e.csv"),
            "--summary", str(small / "s.html"),
        )  # fmt: skip
        assert res.exit_code == 1
        line = _one_line(res.stderr)
        assert "écriture impossible (disque plein) ; rien n'a été écrit." in line
        assert str(small) in line
        assert listing(small) == []


def test_read_only_filesystem_publishes_nothing(tmp_path):
    batch_input = write_input(tmp_path)
    with tmpfs(tmp_path / "ro", "ro,size=64k") as ro:
        if ro is None:
            pytest.skip("mounting a tmpfs is not allowed here; see the fault-injecting tests")
        for args in (
            ["batch", str(batch_input), "-o", str(ro / "o.csv")],
            ["report", str(ANSWERS), "-o", str(ro / "r.html")],
            ["template-csv", "-o", str(ro / "t.csv")],
        ):
            res = run(*args)
            assert res.exit_code == 1
            assert "écriture impossible (disque en lecture seule)" in _one_line(res.stderr)
            assert listing(ro) == []


def _fail_on(monkeypatch, name: str, target: str, code: int) -> None:
    """Make `os.<name>` fail for paths containing `target` (a fault-injecting file system)."""
    real = getattr(os, name)

    def failing(*args, **kwargs):
        if any(target in str(a) for a in args):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(atomic.os, name, failing)


def test_failed_last_rename_leaves_every_output_unpublished(tmp_path, monkeypatch):
    """The summary's rename fails after results and errors were written: none is published."""
    batch_input = write_input(tmp_path)
    (tmp_path / "o.csv").write_text("previous results", encoding="utf-8")
    _fail_on(monkeypatch, "replace", "s.json", errno.EROFS)
    res = run(
        "batch", str(batch_input), "-o", str(tmp_path / "o.csv"), "--errors",
        str(tmp_path / "e.csv"), "--summary", str(tmp_path / "s.json"),
    )  # fmt: skip
    assert res.exit_code == 1
    assert _one_line(res.stderr) == (
        f"Erreur : {tmp_path / 's.json'} : écriture impossible (disque en lecture seule) ; "
        "rien n'a été écrit."
    )
    assert listing(tmp_path) == ["in.csv", "o.csv"]
    assert (tmp_path / "o.csv").read_text() == "previous results"


def test_fsync_failure_is_one_line_and_no_temporary_file(tmp_path, monkeypatch):
    _fail_on(monkeypatch, "chmod", ".r.html.", errno.ENOSPC)
    res = run("report", str(ANSWERS), "-o", str(tmp_path / "r.html"))
    assert res.exit_code == 1
    assert _one_line(res.stderr) == (
        f"Erreur : {tmp_path / 'r.html'} : écriture impossible (disque plein) ; rien n'a été écrit."
    )
    assert listing(tmp_path) == []
    res = run("report", str(ANSWERS), "-o", str(tmp_path / "r.html"), "--lang", "en")
    assert _one_line(res.stderr) == (
        f"Error: {tmp_path / 'r.html'}: cannot write (disk full); nothing was written."
    )


def test_outputs_commit_all_or_nothing_in_the_library(tmp_path, monkeypatch):
    _fail_on(monkeypatch, "replace", "b.txt", errno.ENOSPC)
    with pytest.raises(OutputError, match="b.txt : écriture impossible"):
        with Outputs() as outputs:
            outputs.open(tmp_path / "b.txt").write("b")
            outputs.open(tmp_path / "a.txt").write("a")
    assert listing(tmp_path) == []
    with pytest.raises(KeyboardInterrupt):
        with Outputs() as outputs:
            outputs.open(tmp_path / "c.txt").write("c")
            raise KeyboardInterrupt
    assert listing(tmp_path) == []
    write_atomic(tmp_path / "d.txt", "d")
    assert listing(tmp_path) == ["d.txt"]


def test_batch_survives_many_consecutive_engine_crashes(tmp_path):
    """Eight rows in a row crash the engine's process: each is rejected, every other row scored."""
    rows = [row(GOOD[i], f"Org {i}") for i in range(14)]
    (tmp_path / "in.csv").write_text(csv_text(rows), encoding="utf-8")
    crashing = GOOD[3:11]
    env = {**os.environ, CRASH_ENV: ",".join(crashing)}
    proc = subprocess.run(
        [sys.executable, "-m", "assess", "batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"),
         "--errors", str(tmp_path / "err.csv"), "-j", "1", *MINI_ARGS],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 3, proc.stderr
    assert "14 lignes lues, 6 notées, 8 rejetées" in proc.stderr
    assert [r["finess"] for r in read_csv(tmp_path / "out.csv")] == GOOD[:3] + GOOD[11:14]
    errors = read_csv(tmp_path / "err.csv")
    assert [e["finess"] for e in errors] == crashing  # read_csv: the French header
    assert {e["message"] for e in errors} == {
        "Le processus de notation s'est arrêté brutalement sur cette ligne (plantage du moteur "
        "de règles) ; ligne non notée. La noter avec --engine python (mêmes résultats)."
    }


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_stops_everything_like_ctrl_c(tmp_path):
    # Large enough that the batch is still running when the signal comes, however fast the engine.
    rows = [row(GOOD[i % len(GOOD)], f"Org {i}") for i in range(60000)]
    (tmp_path / "in.csv").write_text(csv_text(rows), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "assess", "batch", str(tmp_path / "in.csv"), "-o", str(out / "o.csv"),
         "--errors", str(out / "e.csv"), "-j", "2", *MINI_ARGS],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not any(p.name.startswith(".o.csv.") for p in out.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline, "the batch did not start"
            time.sleep(0.05)
        time.sleep(0.3)  # the workers are running
        assert proc.poll() is None, "the batch ended before SIGTERM; make the input larger"
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
    assert proc.returncode == 1, stderr
    assert "Interrompu." in stderr and "Traceback" not in stderr
    deadline = time.monotonic() + 30
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _group_alive(proc.pid), "forkserver, workers or resource tracker still running"
    assert listing(out) == []
