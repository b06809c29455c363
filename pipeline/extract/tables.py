"""Comparison tables, rebuilt from their structure, one cell at a time.

Three shapes occur in articles:

- a chart flattened to lines: a run of N lines that each name one framework (the header),
  then blocks of one row label followed by N value lines (one per framework, in order);
- Markdown pipe tables (``| | Keras | PyTorch |`` with a ``|---|`` separator);
- rows whose cells are separated by " | " (how the HTML loader writes tables).

Pipe tables may put frameworks in the header row (rows are attributes) or in the first
column (columns are attributes). Nothing depends on which frameworks or how many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from pipeline.ingest.boilerplate import Line, split_lines

MAX_LABEL_WORDS = 8
MAX_CELL_CHARS = 90
SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
# A cell that says nothing ("—", "-", "n/a", "?"): authors fill gaps with these, they are not values.
EMPTY_CELL = re.compile(r"^(?:[-–—−?]{1,3}|n/?a|none given|tbd)$", re.IGNORECASE)

FrameworkOf = Callable[[int, int], "str | None"]


@dataclass(frozen=True)
class Cell:
    """One table cell: the framework it is about, its row label, and its exact span."""

    subject: str
    label: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Table:
    """A table found in the text: its span and its cells."""

    start: int
    end: int
    cells: tuple[Cell, ...]


def _framework_line(line: Line, framework_of: FrameworkOf) -> str | None:
    start = line.start + line.text.index(line.stripped) if line.stripped else line.start
    return framework_of(start, start + len(line.stripped))


def _is_cell(line: Line, framework_of: FrameworkOf) -> bool:
    return 0 < len(line.stripped) <= MAX_CELL_CHARS and "|" not in line.text and _framework_line(line, framework_of) is None


def _is_label(line: Line, framework_of: FrameworkOf) -> bool:
    return _is_cell(line, framework_of) and len(line.stripped.split()) <= MAX_LABEL_WORDS and not line.stripped.endswith(".")


def _span(line: Line) -> tuple[int, int]:
    start = line.start + line.text.index(line.stripped)
    return start, start + len(line.stripped)


def _flattened_at(lines: list[Line], at: int, framework_of: FrameworkOf) -> tuple[Table | None, int]:
    header: list[str] = []
    while at + len(header) < len(lines):
        subject = _framework_line(lines[at + len(header)], framework_of)
        if subject is None or subject in header:
            break
        header.append(subject)
    width, cursor, cells = len(header), at + len(header), []
    if width < 2:
        return None, at + 1
    while cursor + width < len(lines) and _is_label(lines[cursor], framework_of):
        block = lines[cursor + 1 : cursor + 1 + width]
        if not all(_is_cell(line, framework_of) for line in block):
            break
        label = lines[cursor].stripped
        cells += [Cell(subject, label, *_span(line), "table.flattened") for subject, line in zip(header, block) if _filled(line.stripped)]
        cursor += width + 1
    if not cells:
        return None, at + 1
    return Table(lines[at].start, lines[cursor - 1].end, tuple(cells)), cursor


def flattened_tables(lines: list[Line], framework_of: FrameworkOf) -> list[Table]:
    """Charts flattened to one cell per line (blank lines ignored)."""
    filled = [line for line in lines if line.stripped]
    tables, at = [], 0
    while at < len(filled):
        table, at = _flattened_at(filled, at, framework_of)
        if table is not None:
            tables.append(table)
    return tables


def _filled(text: str) -> bool:
    """True when a cell holds something (not blank, not a placeholder dash)."""
    return bool(text) and not EMPTY_CELL.match(text)


def _cells_of(line: Line) -> list[tuple[str, int, int]]:
    """The cells of a pipe-separated line with their character spans (outer pipes dropped)."""
    cells, offset = [], 0
    parts = line.text.split("|")
    for position, part in enumerate(parts):
        stripped = part.strip()
        start = line.start + offset + (part.index(stripped) if stripped else 0)
        outer = position in (0, len(parts) - 1) and not stripped
        if not outer:
            cells.append((stripped, start, start + len(stripped)))
        offset += len(part) + 1
    return cells


def _pipe_rows(lines: list[Line]) -> list[list[list[tuple[str, int, int]]]]:
    groups: list[list[list[tuple[str, int, int]]]] = []
    current: list[list[tuple[str, int, int]]] = []
    for line in lines + [Line(0, 0, "")]:
        if line.text.count("|") >= 1 and line.stripped:
            cells = _cells_of(line)
            if not all(SEPARATOR_CELL.match(text) for text, _, _ in cells if text):
                current.append(cells)
            continue
        if len(current) >= 2:
            groups.append(current)
        current = []
    return groups


def _pipe_table(rows: list[list[tuple[str, int, int]]], framework_of: FrameworkOf) -> Table | None:
    header = [cell for cell in rows[0] if cell[0]]
    columns = [framework_of(start, end) for _, start, end in header]
    if len(columns) >= 3 and columns[0] is None and all(columns[1:]):
        # a corner label ("Feature | Keras | JAX"): the frameworks start at the second cell
        header, columns = header[1:], columns[1:]
    cells: list[Cell] = []
    if len(header) >= 2 and all(columns):
        for row in rows[1:]:
            values = row[-len(header):]
            if len(row) == len(header) + 1 and row[0][0]:
                cells += [Cell(subject, row[0][0], s, e, "table.pipe") for subject, (text, s, e) in zip(columns, values) if _filled(text)]  # type: ignore[misc]
    else:
        labels = rows[0][1:]
        for row in rows[1:]:
            subject = framework_of(row[0][1], row[0][2]) if row and row[0][0] else None
            if subject is not None and len(row) == len(labels) + 1:
                cells += [Cell(subject, label[0], s, e, "table.pipe") for label, (text, s, e) in zip(labels, row[1:]) if _filled(text) and label[0]]
    if not cells:
        return None
    return Table(rows[0][0][1], rows[-1][-1][2], tuple(cells))


def find_tables(text: str, framework_of: FrameworkOf) -> list[Table]:
    """Every table of ``text``; ``framework_of(start, end)`` names the framework a span is exactly."""
    lines = split_lines(text)
    tables = flattened_tables(lines, framework_of)
    for rows in _pipe_rows(lines):
        table = _pipe_table(rows, framework_of)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda t: t.start)
