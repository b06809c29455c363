"""Reference facts: ``claims/facts/*.yaml`` read into validated, dated Fact records.

Each file holds ``facts:`` entries (id, subject, attribute, value, statement, valid_from,
valid_until, citation). Problems are collected across every file and raised together as
an ErrorGroup, each located by file, line and field path, with a fix.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.catalog.unique import duplicate_ids, explicit_ids
from pipeline.catalog.yamlio import LineIndex, load_located, require_list, validate_model
from pipeline.errors import E_BAD_VALUE, ErrorGroup, FactcheckError, Location
from pipeline.reconcile.dates import parse_date
from pipeline.records import ClaimValue, Fact
from pipeline.vocab import Vocabulary


class FactEntry(BaseModel):
    """One fact as written in YAML."""

    model_config = ConfigDict(extra="forbid")

    id: str
    subject: str
    attribute: str
    value: ClaimValue = Field(description="Value (or capability tokens) that held in the window.")
    statement: str
    valid_from: str | None = None
    valid_until: str | None = None
    citation: str

    @field_validator("valid_from", "valid_until", mode="before")
    @classmethod
    def _partial_date(cls, value: object) -> str | None:
        if value is None:
            return None
        text = str(value)
        if parse_date(text) is None:
            raise ValueError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        return text

    @field_validator("citation")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"{value!r} is not a URL; cite the page that establishes the fact")
        return value


def _vocabulary_problems(entry: FactEntry, vocab: Vocabulary, path: Path, lines: LineIndex, at: tuple) -> list[FactcheckError]:
    """Unknown subject or attribute, a value of the wrong kind, or an inverted window."""
    def where(field: str) -> Location:
        return Location(path, lines.line_of(at + (field,)), f"facts[{at[-1]}].{field}")

    problems = [
        vocab.check_subject(entry.subject, where("subject")),
        vocab.check_attribute(entry.attribute, where("attribute")),
        vocab.check_value(entry.attribute, entry.value, where("value")),
    ]
    start, end = parse_date(entry.valid_from), parse_date(entry.valid_until)
    if start and end and end.last < start.first:
        problems.append(
            FactcheckError(E_BAD_VALUE, "valid_until is before valid_from", where("valid_until"), "swap or correct the dates")
        )
    return [problem for problem in problems if problem is not None]


def read_fact_file(path: Path, vocab: Vocabulary) -> tuple[list[Fact], list[FactcheckError]]:
    """The facts of one file and every problem found in it."""
    data, lines = load_located(path)
    base = ("facts",) if isinstance(data, dict) else ()
    facts: list[Fact] = []
    errors: list[FactcheckError] = []
    for position, item in enumerate(require_list(data, "facts", path, lines)):
        at = base + (position,)
        entry, problems = validate_model(FactEntry, item, path, lines, at)
        errors.extend(problems)
        if entry is None:
            continue
        vocabulary_problems = _vocabulary_problems(entry, vocab, path, lines, at)
        errors.extend(vocabulary_problems)
        if not vocabulary_problems:
            facts.append(Fact(**entry.model_dump()))
    return facts, errors


def load_fact_folder(folder: Path, vocab: Vocabulary) -> list[Fact]:
    """Every fact of ``folder/*.yaml``, in file then entry order; all problems raised together."""
    if not folder.is_dir():
        return []
    facts: list[Fact] = []
    errors: list[FactcheckError] = []
    ids: list[tuple[str, Location]] = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            found, problems = read_fact_file(path, vocab)
        except ErrorGroup as group:
            errors.extend(group.errors)
            continue
        except FactcheckError as error:
            errors.append(error)
            continue
        errors.extend(problems)
        ids.extend(explicit_ids(path, "facts"))
        facts.extend(found)
    errors.extend(duplicate_ids(ids, "fact id", "give each fact its own id"))
    if errors:
        raise ErrorGroup(errors)
    return facts
