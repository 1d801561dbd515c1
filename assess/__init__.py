"""assess: e-health readiness of French health organisations, scored by declarative rules."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
