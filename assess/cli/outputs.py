"""Output options shared by the commands that write files: `-o -`, the format from the file name,
and the checks made before any work (missing folder, output = input)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..atomic import is_stdout
from . import click_fr

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
        from ..i18n import t  # only when there is something to say: i18n loads the text models

        raise click.UsageError(
            t("o_format_clash", click_fr.current(), path=path, named=named.upper(), asked=asked)
        )
    return named


def refuse_binary_on_terminal(path: Path | None, what: str) -> None:
    if is_stdout(path) and sys.stdout.isatty():
        from ..i18n import t

        raise click.UsageError(t("o_terminal", click_fr.current(), what=what))
