"""Closed label sets shared by records and by code that must start fast (no pydantic import)."""

VERDICT_LABELS: tuple[str, ...] = ("supported", "refuted", "outdated", "contested", "unverifiable")
