"""Progress between assessments and the way to the next level: compare, roadmap, carry-over."""
