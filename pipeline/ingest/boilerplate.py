"""Mark the parts of a page that are not the article.

General signals, not per-site offsets: a tail that starts at a comments/related/bio marker,
sections opened by a boilerplate heading (sales, newsletter), single blurb lines, and runs
of list items that read like blog comments. The phrases live in ``claims/boilerplate.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.records import Span

LEXICON_PATH = Path(__file__).resolve().parents[2] / "claims" / "boilerplate.yaml"
ITEM_START = re.compile(r"^\s*(\d+[.)]|[•*\-–])\s+")


@dataclass(frozen=True)
class Line:
    """One line of a text with its offsets."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Lexicon:
    """Compiled boilerplate patterns."""

    tail_markers: tuple[re.Pattern[str], ...]
    section_headings: tuple[re.Pattern[str], ...]
    line_phrases: tuple[re.Pattern[str], ...]
    comment_phrases: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and compile the boilerplate lexicon."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key, []) or [])

    return Lexicon(*(compile_all(k) for k in ("tail_markers", "section_headings", "line_phrases", "comment_phrases")))


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its start and end offsets (newline excluded)."""
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(offset, offset + len(body), body))
        offset += len(raw)
    return lines


def is_heading(line: Line) -> bool:
    """A short line standing on its own that does not read as a sentence."""
    text = line.stripped.lstrip("#").strip()
    if not text or len(text) > 90 or ITEM_START.match(line.text):
        return False
    return line.stripped.startswith("#") or not text.endswith((".", ",", ";", "!\"", "”"))


def _matches(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _tail_start(lines: list[Line], text_length: int, lexicon: Lexicon) -> int | None:
    for line in lines:
        if line.start >= text_length * 3 // 10 and _matches(lexicon.tail_markers, line.stripped):
            return line.start
    return None


def _section_spans(lines: list[Line], lexicon: Lexicon) -> list[Span]:
    spans, open_at = [], None
    for line in lines:
        if not line.stripped or not is_heading(line):
            continue
        boiler = _matches(lexicon.section_headings, line.stripped)
        if open_at is not None and not boiler:
            spans.append(Span(start=open_at, end=line.start, reason="boilerplate section"))
            open_at = None
        if boiler and open_at is None:
            open_at = line.start
    if open_at is not None:
        spans.append(Span(start=open_at, end=lines[-1].end, reason="boilerplate section"))
    return spans


def _comment_runs(lines: list[Line], lexicon: Lexicon) -> list[Span]:
    items = [line for line in lines if ITEM_START.match(line.text)]
    spans, run = [], []
    for item in items + [None]:
        if item is not None and _matches(lexicon.comment_phrases, item.text):
            run.append(item)
            continue
        if len(run) >= 3:
            spans.append(Span(start=run[0].start, end=run[-1].end, reason="comments"))
        run = []
    return spans


def find_boilerplate(text: str, lexicon: Lexicon | None = None) -> list[Span]:
    """Spans of ``text`` that are page furniture, sorted and merged."""
    lexicon = lexicon or load_lexicon()
    lines = split_lines(text)
    if not lines:
        return []
    spans = _section_spans(lines, lexicon) + _comment_runs(lines, lexicon)
    spans += [Span(start=l.start, end=l.end, reason="blurb") for l in lines if l.stripped and _matches(lexicon.line_phrases, l.stripped)]
    tail = _tail_start(lines, len(text), lexicon)
    if tail is not None:
        spans.append(Span(start=tail, end=len(text), reason="page tail"))
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = Span(start=last.start, end=span.end, reason=last.reason)
            continue
        merged.append(span)
    return merged
