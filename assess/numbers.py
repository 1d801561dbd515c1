"""Numbers written so that every JSON reader the project feeds reads them back exactly.

durable-rules' JSON parser (`getNumber`) only accepts an exponent after a decimal point:
`1e-05`, which `json.dumps(0.00001)` produces, is misread (wrong results or a crash), while
`1.0e-05` is read exactly. Every float handed to the engine keeps a decimal point before any
exponent, and integers stay within the range a C double (the engine's comparisons) holds exactly.
"""

from __future__ import annotations

import math

__all__ = ["EXACT_INTEGER", "number_problem", "number_text"]

EXACT_INTEGER = 2**53  # beyond it, a C double (the engine's comparisons) is not exact


def number_problem(value: object) -> str | None:
    """Why `value` cannot be given to the engine as a number, or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{value!r} is not a number"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} is not a finite number"
    if isinstance(value, int) and abs(value) > EXACT_INTEGER:
        return f"{value!r} is too large to be compared exactly (limit {EXACT_INTEGER:,})"
    return None


def number_text(value: int | float) -> str:
    """The shortest exact text of `value` with a decimal point before any exponent (`1.0e-05`)."""
    problem = number_problem(value)
    if problem is not None:
        raise ValueError(problem)
    if isinstance(value, int):
        return str(value)
    mantissa, e, exponent = repr(value).partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + e + exponent
