"""Output options shared by the commands that write files: `-o -`, the format from the file name,
and the checks made before any work (missing folder, output = input)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..atomic import is_stdout

__all__ = ["output_format", "refuse_binary_on_terminal"]


def output_format(
    path: Path | None, asked: str | None, by_suffix: dict[str, str], default: str
) -> str:
    """The extension chooses the format; `--format` that contradicts a known extension is an
    error; with an unknown extension (or standard output) `--format` or the default applies."""
    suffix = "" if path is None or is_stdout(path) else path.suffix.lower()
    named = by_suffix.get(suffix)
    if named is None:
        return asked or default
    if asked is not None and asked != named:
        raise click.UsageError(
            f"'{path}' est un nom de fichier {named.upper()} mais --format {asked} est demandé ; "
            f"renommer le fichier ou retirer --format / '{path}' is a {named.upper()} file name "
            f"but --format {asked} was asked; rename the file or drop --format"
        )
    return named


def refuse_binary_on_terminal(path: Path | None, what: str) -> None:
    if is_stdout(path) and sys.stdout.isatty():
        raise click.UsageError(
            f"{what} : la sortie standard est un terminal ; rediriger (> fichier) ou donner -o FICHIER / "
            f"{what}: standard output is a terminal; redirect it (> file) or give -o FILE"
        )
