"""Every command that writes: what exists at the output path decides how it is written."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from .conftest import ANSWERS, GOOD, listing, run, write_input


def _device(tmp_path: Path) -> Path:
    """A character device like /dev/null made in the test folder (a link to it if mknod is refused)."""
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        node.symlink_to("/dev/null")
    return node


def test_device_node_is_written_not_replaced(tmp_path, batch_input):
    node = _device(tmp_path)
    res = run("batch", str(batch_input), "-o", str(node), "--errors", str(node.with_name("e.csv")))
    assert res.exit_code == 0, res.stderr
    assert stat.S_ISCHR(os.stat(node).st_mode)
    assert listing(tmp_path) == ["e.csv", "in.csv", "null"]


def test_fifo_is_written_not_replaced(tmp_path, batch_input):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    res = run("batch", str(batch_input), "-o", str(fifo), "--format", "json")
    reader.join(timeout=60)
    assert res.exit_code == 0, res.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [r["finess"] for r in json.loads(received[0])] == GOOD[:3]
    assert listing(tmp_path) == ["in.csv", "pipe"]


def test_fifo_receives_a_report(tmp_path):
    fifo = tmp_path / "report.html"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    res = run("report", str(ANSWERS), "-o", str(fifo))
    reader.join(timeout=60)
    assert res.exit_code == 0, res.stderr
    assert received[0].startswith(b"<!DOCTYPE html>")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("command", ["batch", "report", "template-csv"])
def test_symlink_target_is_replaced_and_the_link_kept(tmp_path, batch_input, command):
    real = tmp_path / "real"
    real.mkdir()
    suffix = ".html" if command == "report" else ".csv"
    target = real / f"target{suffix}"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(target)
    args = {
        "batch": ["batch", str(batch_input)],
        "report": ["report", str(ANSWERS)],
        "template-csv": ["template-csv", "--force"],
    }[command]
    res = run(*args, "-o", str(link))
    assert res.exit_code == 0, res.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") != "old"
    assert [p.name for p in real.iterdir() if p.name.startswith(".")] == []


def test_dangling_symlink_creates_its_target(tmp_path, batch_input):
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "made.csv")
    assert run("batch", str(batch_input), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.csv").read_text().startswith("finess,")


def _same_file_cases(tmp_path: Path, batch_input: Path) -> dict[str, list[str]]:
    link = tmp_path / "link.csv"
    link.symlink_to(batch_input)
    hard = tmp_path / "hard.csv"
    os.link(batch_input, hard)
    return {
        "same path": ["batch", str(batch_input), "-o", str(batch_input)],
        "symlink": ["batch", str(batch_input), "-o", str(link)],
        "hard link": ["batch", str(batch_input), "-o", str(hard)],
        "dotted path": ["batch", str(batch_input), "-o", str(tmp_path / "." / "in.csv")],
        "errors file": ["batch", str(batch_input), "-o", "-", "--errors", str(link)],
        "summary": ["batch", str(batch_input), "--summary", str(tmp_path / "s.json"), "-o", str(tmp_path / "s.json")],
    }  # fmt: skip


@pytest.mark.parametrize(
    "case", ["same path", "symlink", "hard link", "dotted path", "errors file", "summary"]
)
def test_output_that_is_an_input_is_refused(tmp_path, batch_input, case):
    args = _same_file_cases(tmp_path, batch_input)[case]
    (tmp_path / "s.json").write_text("{}", encoding="utf-8")
    before = batch_input.read_bytes()
    res = run(*args)
    assert res.exit_code == 1
    assert batch_input.read_bytes() == before
    assert (tmp_path / "s.json").read_text() == "{}"
    message = res.stderr.strip()
    assert message.startswith("Erreur : ") and len(message.splitlines()) == 1
    assert ("c'est aussi un fichier d'entrée" in message) or (
        "deux sorties vers le même fichier" in message
    )


def test_report_over_its_answers_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "a.yaml"
    answers.write_bytes(ANSWERS.read_bytes())
    link = tmp_path / "report.pdf"
    link.symlink_to(answers)
    res = run("report", "a.yaml", "-o", "report.pdf")
    assert res.exit_code == 1
    assert res.stderr == (
        "Erreur : report.pdf : c'est aussi un fichier d'entrée (a.yaml) ; rien n'a été écrit, "
        "choisir une autre sortie.\n"
    )
    res = run("report", "a.yaml", "-o", "report.pdf", "--lang", "en")
    assert res.stderr == (
        "Error: report.pdf: this is also an input file (a.yaml); nothing was written, choose "
        "another output.\n"
    )
    assert answers.read_bytes() == ANSWERS.read_bytes()


def test_template_csv_over_the_questionnaire_is_refused(tmp_path):
    from tests.conftest import MINI

    res = run("template-csv", "--force", "-o", str(MINI / "questionnaire.yaml"))
    assert res.exit_code == 1 and "c'est aussi un fichier d'entrée" in res.stderr


def test_dash_is_standard_output_and_never_a_file(tmp_path, batch_input, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("batch", str(batch_input), "-o", "-")
    assert res.exit_code == 0, res.stderr
    assert [r["finess"] for r in csv.DictReader(io.StringIO(res.stdout))] == GOOD[:3]
    res = run("batch", str(batch_input), "-o", "-", "--format", "json")
    assert [r["finess"] for r in json.loads(res.stdout)] == GOOD[:3]
    res = run("report", str(ANSWERS), "-o", "-", "--format", "html")
    assert res.exit_code == 0 and res.stdout.startswith("<!DOCTYPE html>")
    res = run("report", str(ANSWERS), "-o", "-")  # stdout is not a terminal here: PDF allowed
    assert res.exit_code == 0 and res.stdout_bytes.startswith(b"%PDF-")
    res = run("template-csv", "-o", "-")
    assert res.exit_code == 0 and res.stdout.startswith("finess,name,type,")
    assert res.stderr == "13 questions (pas de dictionnaire de données avec -o -)\n"
    res = run("template-csv", "-o", "-", "--lang", "en")
    assert res.stderr == "13 questions (no data dictionary with -o -)\n"
    assert not Path(tmp_path / "-").exists()
    assert listing(tmp_path) == ["in.csv"]


def test_template_csv_never_overwrites_without_force(tmp_path):
    template = tmp_path / "t.csv"
    template.write_text("mine", encoding="utf-8")
    res = run("template-csv", "-o", str(template))
    assert res.exit_code == 1
    assert res.stderr == (
        f"Erreur : {template} : existe déjà, rien n'a été écrit ; ajouter --force pour remplacer.\n"
    )
    res = run("template-csv", "-o", str(template), "--lang", "en")
    assert res.stderr == (
        f"Error: {template}: already exists, nothing was written; add --force to replace it.\n"
    )
    assert template.read_text() == "mine" and listing(tmp_path) == ["t.csv"]
    dictionary = tmp_path / "u-dictionary.csv"
    dictionary.write_text("mine", encoding="utf-8")
    assert run("template-csv", "-o", str(tmp_path / "u.csv")).exit_code == 1
    assert listing(tmp_path) == ["t.csv", "u-dictionary.csv"]
    assert run("template-csv", "--force", "-o", str(template)).exit_code == 0
    assert template.read_text().startswith("finess,")


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "{input}", "-o", "{missing}/out.csv"],
        ["batch", "{input}", "--errors", "{missing}/e.csv"],
        ["batch", "{input}", "--summary", "{missing}/s.json"],
        ["batch", "{input}", "--reports-dir", "{missing}/reports"],
        ["report", str(ANSWERS), "-o", "{missing}/r.pdf"],
        ["template-csv", "-o", "{missing}/t.csv"],
        ["questionnaire", "-o", "{missing}/a.yaml"],
    ],
)
def test_missing_folder_is_an_error(tmp_path, batch_input, args):
    missing = tmp_path / "nope"
    res = run(*(a.format(input=batch_input, missing=missing) for a in args), input="")
    assert res.exit_code == 1, res.output
    assert "n'existe pas ; le créer d'abord" in res.stderr and "nope" in res.stderr
    assert not missing.exists()


def test_missing_folder_message_in_both_languages(tmp_path):
    missing = tmp_path / "nope"
    for lang, expected in {
        "fr": f"Erreur : {missing}/r.pdf : le dossier {missing} n'existe pas ; le créer d'abord, "
        "ou choisir un autre chemin.\n",
        "en": f"Error: {missing}/r.pdf: the folder {missing} does not exist; create it first, or "
        "choose another path.\n",
    }.items():
        res = run("report", str(ANSWERS), "-o", f"{missing}/r.pdf", "--lang", lang)
        assert (res.exit_code, res.stderr) == (1, expected)
    res = run("report", str(ANSWERS), "-o", str(tmp_path))
    assert res.stderr.endswith(
        f"Erreur : Valeur non valide pour '-o' / '--output' : Fichier « {tmp_path} » est un "
        "dossier : donner un fichier.\n"
    )


def test_reports_dir_without_its_parent_in_both_languages(tmp_path, batch_input):
    reports = tmp_path / "nope" / "reports"
    for lang, expected in {
        "fr": f"Erreur : {reports} : le dossier qui doit le contenir n'existe pas ; le créer d'abord.\n",
        "en": f"Error: {reports}: the folder that should hold it does not exist; create it first.\n",
    }.items():
        res = run("batch", str(batch_input), "--reports-dir", str(reports), "--lang", lang)
        assert (res.exit_code, res.stderr) == (1, expected)


def test_extension_chooses_the_format(tmp_path, batch_input):
    assert run("batch", str(batch_input), "-o", str(tmp_path / "r.json")).exit_code == 0
    assert [r["finess"] for r in json.loads((tmp_path / "r.json").read_text())] == GOOD[:3]
    assert run("report", str(ANSWERS), "-o", str(tmp_path / "r.htm")).exit_code == 0
    assert (tmp_path / "r.htm").read_text().startswith("<!DOCTYPE html>")
    assert run("report", str(ANSWERS), "-o", str(tmp_path / "r.out")).exit_code == 0
    assert (tmp_path / "r.out").read_bytes().startswith(b"%PDF-")  # unknown extension: default


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "{input}", "-o", "{dir}/r.csv", "--format", "json"],
        ["batch", "{input}", "-o", "{dir}/r.json", "--format", "csv"],
        ["report", str(ANSWERS), "-o", "{dir}/r.pdf", "--format", "html"],
        ["report", str(ANSWERS), "-o", "{dir}/r.html", "--format", "pdf"],
    ],
)
def test_extension_contradicting_format_is_an_error(tmp_path, batch_input, args):
    res = run(*(a.format(input=batch_input, dir=tmp_path) for a in args))
    assert res.exit_code == 2
    assert "renommer le fichier ou retirer --format." in res.stderr
    assert listing(tmp_path) == ["in.csv"]


def test_extension_contradicting_format_in_both_languages(tmp_path):
    out = tmp_path / "r.pdf"
    res = run("report", str(ANSWERS), "-o", str(out), "--format", "html")
    assert res.stderr.endswith(
        f"Erreur : « {out} » est un nom de fichier PDF, mais --format html est demandé ; "
        "renommer le fichier ou retirer --format.\n"
    )
    res = run("report", str(ANSWERS), "-o", str(out), "--format", "html", "--lang", "en")
    assert res.stderr.endswith(
        f"Error: '{out}' is a PDF file name but --format html was asked; rename the file or "
        "drop --format.\n"
    )


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_new_files_follow_the_umask(tmp_path, mask):
    batch_input = write_input(tmp_path)
    old = os.umask(mask)
    try:
        res = run(
            "batch", str(batch_input), "-o", str(tmp_path / "o.csv"), "--errors",
            str(tmp_path / "e.csv"), "--summary", str(tmp_path / "s.json"),
        )  # fmt: skip
        assert res.exit_code == 0, res.stderr
        assert run("report", str(ANSWERS), "-o", str(tmp_path / "r.html")).exit_code == 0
        assert run("template-csv", "-o", str(tmp_path / "t.csv")).exit_code == 0
    finally:
        os.umask(old)
    for name in ("o.csv", "e.csv", "s.json", "r.html", "t.csv", "t-dictionary.csv"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o666 & ~mask, name


def test_replaced_file_keeps_its_permissions(tmp_path, batch_input):
    out = tmp_path / "o.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert run("batch", str(batch_input), "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text().startswith("finess")
