"""Verdicts to numbers: gate statuses, levels, scores, the index and the result model."""
