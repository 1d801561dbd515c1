"""Rules to verdicts: compile conditions, build facts, fire rules (durable-rules or plain Python)."""
