"""Reading order: which lines are headings and list items, and which framework is in focus.

A heading that names one framework ("What is Keras?", "2. PyTorch", "### JAX") puts it
in focus for its section; a lead-in without one ("**Pros**", "Cons:") keeps that focus; a heading that names two ("PyTorch vs Keras") makes them the
section's pair, the default object of an unnamed comparison. A sentence whose subject is a
framework makes it the one "it" refers to next. Subject-less list items and pronouns resolve
to the framework in focus.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.extract.entities import Mention
from pipeline.ingest.boilerplate import Line, is_heading

BULLET = re.compile(r"^\s*([•*\-–▪◦●]|\d+[.)])\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
# A line that is only emphasis ("**Pros**", "__Cons:__") labels the list below it; it does not
# open a new section, so the framework of the enclosing heading stays in focus.
EMPHASIS_LINE = re.compile(r"^(\*\*|__)[^*_]{1,40}(\*\*|__):?$")
MAX_HEADING_WORDS = 12
MAX_NUMBERED_HEADING_WORDS = 4


@dataclass(frozen=True)
class LineKind:
    """What a line is in the article's layout."""

    heading: bool
    item: bool
    lead_in: bool = False


def line_kind(line: Line, names_framework: bool) -> LineKind:
    """Classify a line: a heading (short, no closing period), a list item, or prose."""
    text = line.stripped
    numbered = NUMBERED.match(line.text)
    if numbered:
        rest = line.text[numbered.end():].strip()
        short = len(rest.split()) <= MAX_NUMBERED_HEADING_WORDS and not rest.endswith(".")
        return LineKind(heading=short and names_framework, item=not (short and names_framework))
    if BULLET.match(line.text):
        return LineKind(heading=False, item=True)
    if not names_framework and (EMPHASIS_LINE.match(text) or text.rstrip("*_").endswith(":") and len(text.split()) <= 6):
        return LineKind(heading=True, item=False, lead_in=True)
    heading = is_heading(line) and len(text.split()) <= MAX_HEADING_WORDS and not text.endswith(":") or (
        text.endswith(":") and len(text.split()) <= 6
    )
    return LineKind(heading=bool(heading), item=False)


@dataclass
class Focus:
    """The frameworks in focus while reading one article."""

    article: tuple[str, ...]
    section: tuple[str, ...] = ()
    last: str | None = None
    lead: str | None = None

    def enter_heading(self, subjects: list[str], attribute: str | None = None) -> None:
        """A heading starts a section about the frameworks it names (maybe none).

        A lead-in naming an attribute ("Keras is used in these scenarios") makes bare list
        items below it values of that attribute.
        """
        self.section = tuple(dict.fromkeys(subjects))
        self.last = self.section[0] if len(self.section) == 1 else None
        self.lead = attribute

    def enter_lead_in(self, attribute: str | None) -> None:
        """A lead-in ("Pros:", "Used for:") opens a list inside the current section."""
        self.lead = attribute

    def said_of(self, subjects: list[str]) -> None:
        """A sentence was about these frameworks: one of them becomes 'it'."""
        unique = list(dict.fromkeys(subjects))
        self.last = unique[0] if len(unique) == 1 else None

    def forget(self) -> None:
        """The text moved on to several frameworks or to none: 'it' is no longer clear."""
        self.last = None

    def pronoun(self) -> str | None:
        """What 'it' refers to: the last framework spoken of, else the section's."""
        return self.last or (self.section[0] if len(self.section) == 1 else None)

    def item(self) -> str | None:
        """What a subject-less list item is about: the section's framework, else the last one."""
        return self.section[0] if len(self.section) == 1 else self.last

    def plural(self, count: int | None) -> tuple[str, ...]:
        """What 'both' or 'all three' refers to: the section's frameworks, else the article's main ones."""
        if len(self.section) >= 2 and (count is None or count == len(self.section)):
            return self.section
        return self.article[: count or len(self.article)]

    def pair_other(self, subject: str) -> str | None:
        """In an 'X vs Y' section, the framework compared with ``subject``."""
        if len(self.section) == 2 and subject in self.section:
            return next(s for s in self.section if s != subject)
        return None


def main_frameworks(mentions: list[Mention], limit: int = 3) -> tuple[str, ...]:
    """The frameworks an article is mostly about, most mentioned first (ties by first mention)."""
    counts = Counter(m.subject for m in mentions)
    first = {m.subject: m.start for m in reversed(mentions)}
    ranked = sorted(counts, key=lambda s: (-counts[s], first[s]))
    return tuple(s for s in ranked[:limit] if counts[s] >= 2)


def sentence_text_bounds(sentence: Span, article: str) -> tuple[int, int]:
    """Character bounds of a sentence without surrounding whitespace and bullet marks."""
    text = article[sentence.start_char : sentence.end_char]
    stripped = text.strip()
    if not any(ch.isalnum() for ch in stripped):
        return sentence.start_char, sentence.start_char
    start = sentence.start_char + text.index(stripped)
    bullet = BULLET.match(stripped)
    if bullet and bullet.end() < len(stripped):
        start += bullet.end()
        stripped = stripped[bullet.end():]
    return start, start + len(stripped)
