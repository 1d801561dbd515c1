"""The exceptions that `assess` raises. Only the CLI turns them into messages and exit codes.

Hierarchy:

* AssessError
  + DefinitionError   - a questionnaire, rule, catalog or brand file is invalid (every problem listed)
  + AnswersError      - an answers file is invalid (every problem listed)
  + EngineError       - the rules engine refused a compiled rule set or failed on a fact set
  + RenderError       - a report could not be rendered (template error, blocked resource)
  + InputError        - a batch input file cannot be used at all (no header, not a table)
  + OutputError       - an output cannot be written (missing folder, same file as an input,
                        full or read-only disk); the message is one line naming the path
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Self

__all__ = [
    "AnswersError",
    "AssessError",
    "DefinitionError",
    "EngineError",
    "InputError",
    "OutputError",
    "Problem",
    "RenderError",
    "clip",
    "clip_message",
]

ECHO_LIMIT = 80  # characters of a user's value repeated in a message
MESSAGE_LIMIT = 600
_LONG = f"{{{ECHO_LIMIT + 1},}}"  # a regex repeat: more than ECHO_LIMIT characters
_QUOTED = re.compile(f"'([^']{_LONG})'|« ?([^»]{_LONG}?) ?»")


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """A value cut to a readable length, saying how long it really was."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 20]}… ({len(text):,} characters)"


def _clip_quoted(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"'{clip(match.group(1))}'"
    return f"« {clip(match.group(2))} »"


def clip_message(message: str) -> str:
    """A message that echoes a huge value keeps its sense and loses the bulk."""
    if len(message) <= ECHO_LIMIT:
        return message
    return clip(_QUOTED.sub(_clip_quoted, message), MESSAGE_LIMIT)


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem: `file:line: field: message`."""

    file: str
    line: int | None
    field: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", clip_message(self.message))
        object.__setattr__(self, "field", clip(self.field))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


def display_path(path: Path | str) -> str:
    """A path as the user typed it, relative to the working directory where possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


class AssessError(Exception):
    """Base class of every error that `assess` raises on purpose.

    An error made by `said(key, **params)` is told in the user's language by `text(lang)` (the
    key is an i18n message; a callable parameter is given the language); `str()` is the French
    text. So the library never needs to know the language to raise.
    """

    key: str | None = None
    params: dict[str, object] = {}  # noqa: RUF012 - replaced, never mutated

    @classmethod
    def said(cls, key: str, **params: object) -> Self:
        error = cls()
        error.key, error.params = key, params
        return error

    def text(self, lang: str) -> str:
        if self.key is None:
            return super().__str__()
        from .i18n import t  # only when a message is shown: i18n loads the text models

        chosen: Literal["fr", "en"] = "en" if lang == "en" else "fr"
        shown = {k: v(chosen) if callable(v) else v for k, v in self.params.items()}
        return t(self.key, chosen, **shown)

    def __str__(self) -> str:
        return self.text("fr")


def _order(problem: Problem) -> tuple[str, int, str, str]:
    """File, then line (a problem of the whole file first), field, message."""
    return (
        problem.file,
        -1 if problem.line is None else problem.line,
        problem.field,
        problem.message,
    )


class _ProblemsError(AssessError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=_order)
        super().__init__("\n".join(str(p) for p in self.problems))


class DefinitionError(_ProblemsError):
    """Questionnaire, rules, catalog or brand definitions are invalid."""


class AnswersError(_ProblemsError):
    """An answers file is invalid."""


class EngineError(AssessError):
    """The rules engine refused or failed."""


class RenderError(AssessError):
    """A report could not be rendered."""


class InputError(AssessError):
    """A batch input cannot be read at all."""


class OutputError(AssessError):
    """An output cannot be written; nothing of the run was published."""
