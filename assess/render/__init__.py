"""Renderers of the one result model."""
