"""Coded, located errors a user can act on.

Every error a user can cause (a malformed YAML file, an unknown attribute, a missing model)
is a FactcheckError with a stable code, the file and line it concerns, the field path, and
a sentence saying how to fix it. The CLI prints it without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where in a file a problem is."""

    file: Path | str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": field '{self.field}'"
        return where


class FactcheckError(Exception):
    """A user-facing error: code, message, optional location and fix."""

    def __init__(self, code: str, message: str, location: Location | None = None, fix: str = "") -> None:
        self.code = code
        self.message = message
        self.location = location
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        """The text the CLI prints."""
        head = f"{self.code} "
        if self.location is not None:
            head += f"{self.location}: "
        text = head + self.message
        if self.fix:
            text += f"\n  fix: {self.fix}"
        return text


class ErrorGroup(FactcheckError):
    """Several located errors reported together, so a user fixes them in one pass."""

    def __init__(self, errors: list[FactcheckError]) -> None:
        self.errors = errors
        super().__init__("E000", f"{len(errors)} problem(s) found")

    def render(self) -> str:  # noqa: D102 - same contract as the base class
        return "\n".join(error.render() for error in self.errors)


# Codes, grouped by stage, so a user can search the docs for one.
E_YAML_SYNTAX = "E101"
E_YAML_SHAPE = "E102"
E_UNKNOWN_SUBJECT = "E103"
E_UNKNOWN_ATTRIBUTE = "E104"
E_BAD_VALUE = "E105"
E_MISSING_FIELD = "E106"
E_UNKNOWN_KIND = "E107"
E_DUPLICATE_ID = "E108"
E_SOURCE_MISSING = "E201"
E_SOURCE_FORMAT = "E202"
E_MODEL_MISSING = "E301"
E_FETCH = "E401"
E_GOLD = "E501"
