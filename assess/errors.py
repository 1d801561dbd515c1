"""The exceptions that `assess` raises. Only the CLI turns them into messages and exit codes.

Hierarchy:

* AssessError
  + DefinitionError   - a questionnaire, rule, catalog or brand file is invalid (every problem listed)
  + AnswersError      - an answers file is invalid (every problem listed)
  + EngineError       - the rules engine refused a compiled rule set or failed on a fact set
  + RenderError       - a report could not be rendered (template error, blocked resource)
  + InputError        - a batch input file cannot be used at all (no header, not a table)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "AnswersError",
    "AssessError",
    "DefinitionError",
    "EngineError",
    "InputError",
    "Problem",
    "RenderError",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem: `file:line: field: message`."""

    file: str
    line: int | None
    field: str
    message: str

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
    """Base class of every error that `assess` raises on purpose."""


class _ProblemsError(AssessError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
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
