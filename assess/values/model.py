"""An answer as every path reads it: a value, unknown, or not applicable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["MAX_TEXT", "Answer"]

MAX_TEXT = 10_000  # free text is capped: the engine's regex lengths wrap at 65,536


@dataclass(frozen=True)
class Answer:
    state: str  # VALUE, UNKNOWN or NA
    value: Any = None  # str, int, float, date, or frozenset of choice IDs
    comment: str | None = None
    evidence: str | None = None  # the reference (a plain string in the file, or `ref`)
    evidence_date: dt.date | None = None
    evidence_expires: dt.date | None = None
