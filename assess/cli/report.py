"""Placeholder: filled in by its own issue."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    del group
