"""The six scored domains, in report order; a module of its own so the CLI can name them
without importing the models."""

from __future__ import annotations

__all__ = ["DOMAINS"]

DOMAINS: tuple[str, ...] = (
    "interoperability",
    "hds_hosting",
    "dmp",
    "mssante",
    "cybersecurity",
    "telemedicine",
)
