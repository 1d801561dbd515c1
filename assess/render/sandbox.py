"""The Jinja2 environment that renders report templates, including untrusted `--template-dir` ones.

What a template can do, and nothing more:

* read the variables of the prepared context (plain data) and use Jinja's filters and tests, plus
  `num` and `day` (`filters.py`: numbers and dates in the template's `lang`);
* call string, list and dict methods (Jinja's sandbox rules), `Text.get`, macros and `loop` helpers;
  every other call is refused, and no attribute starting with `_` can be read (no `__class__`,
  `__globals__`, `__mro__`); there are no globals (no `range`, `lipsum`, `cycler`, `joiner`);
* include or extend templates that are regular files inside the template directories: names with
  `..`, absolute names and symlinks leading outside those directories are refused;
* repeat a string or list (`*`) or raise to a power (`**`) only up to a bounded size.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..common import Text
from .filters import TEMPLATE_FILTERS

__all__ = ["ConfinedLoader", "SecurityError", "sandboxed_environment", "template_in_recursion"]

MAX_TEMPLATE_BYTES = 2_000_000
MAX_REPEAT = 1_000_000  # items or characters a `*` may produce
MAX_POWER_DIGITS = 1_000
_SAFE_SELF = (str, int, float, dict, list, tuple, LoopContext)


class ConfinedLoader(BaseLoader):
    """Templates from one directory, resolved the way the PDF fetcher resolves URLs."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..' and absolute names
        path = self.root.joinpath(*pieces).resolve()  # follows symlinks to where they lead
        if not path.is_relative_to(self.root) or not path.is_file():
            raise TemplateNotFound(template)
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise SecurityError(f"template {template} is larger than {MAX_TEMPLATE_BYTES} bytes")
        source = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.stat().st_mtime == mtime


class _ReportSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Macro):
            return True
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, Text):
            return getattr(obj, "__name__", "") == "get"
        return isinstance(owner, _SAFE_SELF) and super().is_safe_callable(obj)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(count, int):
                    if len(seq) * count > MAX_REPEAT:
                        raise SecurityError(f"repetition larger than {MAX_REPEAT} items refused")
            return left * right
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            if right * len(str(abs(left))) > MAX_POWER_DIGITS:
                raise SecurityError(f"power larger than {MAX_POWER_DIGITS} digits refused")
        return left**right


def sandboxed_environment(loader: BaseLoader) -> Environment:
    env = _ReportSandbox(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.clear()
    env.filters.update(TEMPLATE_FILTERS)
    return env


def template_in_recursion(exc: RecursionError, roots: list[Path]) -> str:
    """The template file that appears most often in a RecursionError's stack, for the message."""
    counts: dict[str, int] = {}
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if any(name.startswith(str(r) + os.sep) for r in roots):
            counts[name] = counts.get(name, 0) + 1
        tb = tb.tb_next
    if not counts:
        return "?"
    name = max(counts, key=lambda n: counts[n])
    root = next(r for r in roots if name.startswith(str(r) + os.sep))
    return os.path.relpath(name, root)
